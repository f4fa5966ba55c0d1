//! Sums of money written with a currency's letters ("RM70 million",
//! "Rs500 crore", "HK$2 billion"): the capitals before the number make the
//! word look like a name (the partnership stage guessed "RM70" as a party),
//! but it is an amount.

/// Words that make the number before them an amount.
const MAGNITUDES: &[&str] = &[
    "million", "billion", "trillion", "bn", "mn", "m", "crore", "crores", "lakh", "lakhs",
];

/// Whether `name`, followed in the text by `rest`, is one word of a few
/// letters (a currency's, perhaps with "$") and a number, with a magnitude
/// word after it.
pub fn is_amount(name: &str, rest: &str) -> bool {
    let letters = name
        .bytes()
        .take_while(|b| b.is_ascii_alphabetic() || *b == b'$');
    let n = letters.count();
    let number = &name[n..];
    if !(1..=4).contains(&n)
        || !number.starts_with(|c: char| c.is_ascii_digit())
        || !number
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return false;
    }
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let word = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    MAGNITUDES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_letters_and_a_number_before_a_magnitude_are_an_amount() {
        assert!(is_amount("RM70", " million to prepare"));
        assert!(is_amount("Rs500", " crore."));
        assert!(is_amount("HK$2.5", " billion"));
        assert!(is_amount("US$1,200", " m in sales"));
    }

    #[test]
    fn names_with_digits_stay_names() {
        assert!(!is_amount("A380", " jets"), "no magnitude after it");
        assert!(!is_amount("3M", " million"), "no letters before the number");
        assert!(
            !is_amount("RM70", " millionaires"),
            "a magnitude word, whole"
        );
        assert!(!is_amount("Acme", " million"), "no number");
        assert!(!is_amount("RM70x", " million"), "letters after the number");
    }
}
