//! Names coordinated with an organization are organizations too: in "Acme
//! Corp. and Globex said ..." the tagger may miss "Globex", but a
//! capitalized name joined by "and"/"&" to an organization, in the same
//! sentence, names the other party. People and places the tagger
//! recognised keep their type.

use super::words::words;
use crate::text::calendar::{is_month, is_weekday};
use regex::Regex;
use std::sync::LazyLock;

/// One to three capitalized words after "and"/"&" (no sentence-ending period inside).
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"^\.?,?[ ]+(?:and|&)[ ]+(?P<name>[A-Z][\w&-]*(?:[ ]+[A-Z][\w&-]*){0,2})",
    )
    .expect("coordination pattern")
});

/// One to three capitalized words then "and"/"&", ending where the organization starts.
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?P<name>[A-Z][\w&-]*(?:[ ]+[A-Z][\w&-]*){0,2})[ ]+(?:and|&)[ ]+$",
    )
    .expect("coordination pattern")
});

/// Words that are capitalized for other reasons than being a name (so are
/// weekdays and months).
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "But", "For", "Its", "Their", "This", "That", "It", "He",
    "She", "They", "We", "I", "Mr", "Mrs", "Ms", "Dr",
];

/// Spans `(start, end)` of names coordinated with the organization at
/// `org`, skipping any that overlaps `taken` (spans the tagger typed).
pub fn partners(text: &str, org: (usize, usize), taken: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let free = |s: usize, e: usize| !taken.iter().any(|&(ts, te)| ts < e && s < te);
    let plausible =
        |name: &str| !words(name).any(|w| NOT_NAMES.contains(&w) || is_weekday(w) || is_month(w));
    let mut out = Vec::new();
    let (start, end) = org;
    // Both patterns need "and"/"&" right next to the organization; most
    // organizations have none, and the byte checks spare the regex search.
    if and_follows(&text[end..]) {
        if let Some(c) = AFTER.captures(&text[end..]) {
            let m = c.name("name").expect("name group");
            let (s, e) = (end + m.start(), end + m.end());
            if plausible(m.as_str()) && free(s, e) {
                out.push((s, e));
            }
        }
    }
    if !and_precedes(&text[..start]) {
        return out;
    }
    let window = text[..start]
        .char_indices()
        .rev()
        .nth(60)
        .map_or(0, |(i, _)| i);
    if let Some(c) = BEFORE.captures(&text[window..start]) {
        let m = c.name("name").expect("name group");
        let (s, e) = (window + m.start(), window + m.end());
        let sentence_start = text[..s].trim_end_matches(' ').is_empty()
            || text[..s]
                .trim_end_matches(' ')
                .ends_with(['.', '!', '?', '\n', '"', '“', ':']);
        // "eBay and easyJet": a capital inside a word starts no name.
        let word_start = !text[..s].ends_with(char::is_alphanumeric);
        if plausible(m.as_str()) && free(s, e) && !sentence_start && word_start {
            out.push((s, e));
        }
    }
    out
}

/// Whether `after` opens like AFTER: an optional "." and ",", spaces, then "and" or "&" and a space.
fn and_follows(after: &str) -> bool {
    let rest = after.strip_prefix('.').unwrap_or(after);
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let spaced = rest.trim_start_matches(' ');
    spaced.len() < rest.len() && (spaced.starts_with("and ") || spaced.starts_with("& "))
}

/// Whether `before` ends like BEFORE: spaces, "and" or "&", spaces.
fn and_precedes(before: &str) -> bool {
    let word = before.trim_end_matches(' ');
    word.len() < before.len() && (word.ends_with(" and") || word.ends_with(" &"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, org: &str) -> Vec<&'static str> {
        let s = text.find(org).unwrap();
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        partners(text, (s, s + org.len()), &[])
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn byte_gates_accept_what_the_patterns_need() {
        assert!(and_follows(", and Globex"));
        assert!(and_follows(".  & Globex"));
        assert!(!and_follows(" said"));
        assert!(!and_follows("and Globex"), "a space must come first");
        assert!(and_precedes("Shares of Initech and "));
        assert!(and_precedes("Initech & "));
        assert!(!and_precedes("Initech and"), "a space must follow");
        assert!(!and_precedes("Brand "));
    }

    #[test]
    fn names_after_and_before_an_organization() {
        assert_eq!(
            found("Acme Corp. and Globex said on Tuesday.", "Acme Corp."),
            ["Globex"]
        );
        assert_eq!(
            found("Shares of Initech and Acme Corp. rose.", "Acme Corp."),
            ["Initech"]
        );
    }

    #[test]
    fn sentence_starts_weekdays_and_typed_spans_are_left_alone() {
        assert!(found("Globex and Acme Corp. rose.", "Acme Corp.").is_empty());
        assert!(found("Acme Corp. and Tuesday Group", "Acme Corp.").is_empty());
        assert!(found("Sales at eBoat and Acme Corp. rose.", "Acme Corp.").is_empty());
        let t = "Acme Corp. and John Smith met.";
        let s = t.find("John").unwrap();
        assert!(partners(t, (0, 10), &[(s, s + 10)]).is_empty());
    }
}
