//! Time expressions (TIMEX3): candidates found by regular expressions
//! compiled once, typed DATE / TIME / DURATION / SET, and resolved to ISO
//! values against the publication date, reading the tense of the sentence
//! to decide between past and future readings.

mod calendar;
mod rules;

pub use calendar::Date;

use crate::text::Document;

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A time expression: byte range, type and resolved value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub kind: TimexType,
    pub value: Option<String>,
}

/// Every time expression in the document, in text order, not overlapping.
pub fn find(doc: &Document, reference: Option<Date>) -> Vec<Timex> {
    let mut found = Vec::new();
    for s in &doc.sentences {
        rules::find_in_sentence(doc.text, s.clone(), reference, &mut found);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, reference: &str) -> Vec<(String, &'static str, Option<String>)> {
        let doc = Document::new(text);
        find(&doc, Date::parse_iso_prefix(reference))
            .into_iter()
            .map(|t| (text[t.start..t.end].to_string(), t.kind.as_str(), t.value))
            .collect()
    }

    fn values(text: &str, reference: &str) -> Vec<(String, Option<String>)> {
        run(text, reference)
            .into_iter()
            .map(|(t, _, v)| (t, v))
            .collect()
    }

    fn v(t: &str, val: &str) -> (String, Option<String>) {
        (t.to_string(), Some(val.to_string()))
    }

    #[test]
    fn seed_expressions_resolve() {
        let got = values(
            "Facebook confirmed yesterday that it is to end the partnership later this week. \
             The report came out last Sunday. They partnered 10 years ago.",
            "2018-06-06",
        );
        assert_eq!(
            got,
            [
                v("yesterday", "2018-06-05"),
                v("later this week", "2018-W23"),
                v("last Sunday", "2018-06-03"),
                v("10 years ago", "2008"),
            ]
        );
    }

    #[test]
    fn bare_weekday_in_past_tense_is_the_previous_one() {
        assert_eq!(
            values(
                "Acme said on Tuesday it will form a joint venture.",
                "2024-03-15"
            ),
            [v("Tuesday", "2024-03-12")]
        );
    }

    #[test]
    fn absolute_forms() {
        assert_eq!(
            values(
                "It opened on June 5, 2018, and closed 5 June 2019.",
                "2020-01-01"
            ),
            [
                v("June 5, 2018", "2018-06-05"),
                v("5 June 2019", "2019-06-05")
            ]
        );
        assert_eq!(
            values(
                "Sales rose in the third quarter of fiscal 2019.",
                "2020-01-01"
            ),
            [v("the third quarter of fiscal 2019", "2019-Q3")]
        );
        assert_eq!(
            values("Prices rose in the 1990s.", "2020-01-01"),
            [v("the 1990s", "199")]
        );
    }

    #[test]
    fn durations_and_vague_references() {
        let got = run(
            "Over the past three years it has grown, and is now the leader.",
            "2020-01-01",
        );
        assert_eq!(
            got,
            [
                (
                    "the past three years".to_string(),
                    "DURATION",
                    Some("P3Y".to_string())
                ),
                ("now".to_string(), "DATE", Some("PRESENT_REF".to_string())),
            ]
        );
    }

    #[test]
    fn relative_values_need_a_reference() {
        assert_eq!(
            values("The deal was signed yesterday, on March 3, 2021.", ""),
            [
                ("yesterday".to_string(), None),
                v("March 3, 2021", "2021-03-03")
            ]
        );
    }
}
