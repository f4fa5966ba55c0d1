//! The weekdays and months as English text writes them (capitalized): words
//! that open with a capital without naming an organization or a speaker.

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn is_weekday(w: &str) -> bool {
    WEEKDAYS.contains(&w)
}

pub fn is_month(w: &str) -> bool {
    MONTHS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalized_names_only() {
        assert!(is_weekday("Tuesday") && is_month("May"));
        assert!(!is_weekday("tuesday") && !is_month("may") && !is_month("Mayor"));
    }
}
