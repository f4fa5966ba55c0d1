//! Bodies named by a phrase the tagger, which reads its common words as
//! ordinary ones, tends to miss or cut: government departments named by
//! their portfolio ("the Foreign Ministry", "the Department of Roads and
//! Harbours"), bodies named "<Head> for <Field>" ("the Ruritanian
//! Directorate for Coastal Heritage"), and the journal a study is
//! published in ("published in Orbital Systems Research").

use memchr::memmem::Finder;
use regex::Regex;
use std::sync::LazyLock;

/// A capitalized portfolio word before "Ministry" or "Department", or
/// after "Ministry of" or "Department of" (two joined by "and").
static PORTFOLIO_MINISTRY: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?-u:\b)(?:(?:Foreign|Interior|Defen[cs]e|Finance|Economy|Economics|Trade|Justice|Health|Education|Agriculture|Industry|Energy|Labou?r|Transport|Communications|Information|Culture|Environment|Home|Oil|Commerce|Treasury|State|Fisheries|Housing|Tourism|Telecommunications)[ ]+(?:Ministry|Department)|(?:Ministry|Department)[ ]+of[ ]+(?:the[ ]+)?[A-Z][a-z]+(?:,?[ ]+(?:and|&)[ ]+[A-Z][a-z]+)?)(?-u:\b)",
    )
    .expect("ministry pattern")
});

/// Byte spans of the ministries named by portfolio in `text`.
pub fn find(text: &str) -> Vec<(usize, usize)> {
    if !text.contains("Ministry") && !text.contains("Department") {
        return Vec::new();
    }
    PORTFOLIO_MINISTRY
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// Head nouns of bodies named "<Head> for <Field>".
fn is_body_head(word: &str) -> bool {
    matches!(
        word,
        "Directorate"
            | "Agency"
            | "Authority"
            | "Institute"
            | "Council"
            | "Commission"
            | "Office"
            | "Centre"
            | "Center"
            | "Bureau"
            | "Board"
            | "Foundation"
            | "Fund"
            | "Administration"
            | "Ministry"
            | "Department"
            | "Alliance"
            | "Coalition"
            | "Society"
    )
}

/// Capitalized words that open a sentence or a title without naming.
fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "The" | "A" | "An" | "In" | "At" | "On" | "For" | "By" | "With" | "From" | "And" | "Its"
    )
}

/// The capitalized run that opens `rest` (words joined by single spaces,
/// "of", "and", "&" or "on" allowed between capitalized words, at most
/// eight words): its byte length, its number of capitalized words and its
/// first and last words. Punctuation or a line end closes it.
fn capitalized_run(rest: &str) -> (usize, usize, &str, &str) {
    let (mut pos, mut end, mut words) = (0, 0, 0);
    let (mut first, mut last) = ("", "");
    for _ in 0..8 {
        let word_end = rest[pos..]
            .find([' ', '\n'])
            .map_or(rest.len(), |o| pos + o);
        let raw = &rest[pos..word_end];
        let w = raw.trim_end_matches([',', '.', ';', ':', ')', '"']);
        if w.starts_with(|c: char| c.is_ascii_uppercase()) && w.len() > 1 {
            if words == 0 {
                first = w;
            }
            (end, last, words) = (pos + w.len(), w, words + 1);
        } else if words == 0 || !matches!(w, "of" | "and" | "&" | "on") {
            break;
        }
        if w.len() < raw.len() || !rest[word_end..].starts_with(' ') {
            break;
        }
        pos = word_end + 1;
    }
    (end, words, first, last)
}

/// Byte spans of the bodies named "<Head> for <Field>", with one
/// capitalized word before the head ("Ruritanian Directorate for Coastal
/// Heritage", "Office for Orbital Statistics").
pub fn bodies_for(text: &str) -> Vec<(usize, usize)> {
    static FOR: LazyLock<Finder> = LazyLock::new(|| Finder::new(b" for "));
    let mut out = Vec::new();
    for i in FOR.find_iter(text.as_bytes()) {
        let head_start = text[..i].rfind([' ', '\n']).map_or(0, |j| j + 1);
        if !is_body_head(&text[head_start..i]) {
            continue;
        }
        let mut start = head_start;
        if let Some(before) = text[..head_start].strip_suffix(' ') {
            let word_start = before.rfind([' ', '\n']).map_or(0, |j| j + 1);
            let word = &before[word_start..];
            if word.len() > 1
                && word.starts_with(|c: char| c.is_ascii_uppercase())
                && word.bytes().all(|b| b.is_ascii_alphabetic())
                && !is_function_word(word)
            {
                start = word_start;
            }
        }
        let mut from = i + " for ".len();
        if text[from..].starts_with("the ") {
            from += "the ".len();
        }
        let (len, words, _, _) = capitalized_run(&text[from..]);
        if words > 0 {
            out.push((start, from + len));
        }
    }
    out
}

/// Last words of journals' names.
fn is_journal_head(word: &str) -> bool {
    matches!(
        word,
        "Journal"
            | "Review"
            | "Research"
            | "Letters"
            | "Science"
            | "Sciences"
            | "Medicine"
            | "Reports"
            | "Quarterly"
            | "Proceedings"
            | "Communications"
            | "Advances"
    )
}

/// Byte spans of the journals that the article says a study was
/// published in: "published in (the journal) Orbital Systems Research".
/// The name has two words or more and ends with a journal's head word or
/// opens with "Journal", unless "the journal" introduces it.
pub fn journals(text: &str) -> Vec<(usize, usize)> {
    static PUBLISHED_IN: LazyLock<Finder> = LazyLock::new(|| Finder::new(b"published in "));
    let mut out = Vec::new();
    for i in PUBLISHED_IN.find_iter(text.as_bytes()) {
        let mut start = i + "published in ".len();
        let named = text[start..].starts_with("the journal ");
        if named {
            start += "the journal ".len();
        } else if text[start..].starts_with("the Journal ") {
            start += "the ".len();
        }
        let (len, words, first, last) = capitalized_run(&text[start..]);
        let shaped = words >= 2
            && (is_journal_head(last) || matches!(first, "Journal" | "Annals" | "Proceedings"));
        if words > 0 && (named || shaped) {
            out.push((start, start + len));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ministries_by_portfolio() {
        let t = "The Ruritanian Foreign Ministry said the State Department agreed.";
        let got: Vec<&str> = find(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(got, ["Foreign Ministry", "State Department"]);
        let t = "staff at the Department of Roads and Harbours left";
        let got: Vec<&str> = find(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(got, ["Department of Roads and Harbours"]);
        assert!(find("a foreign ministry official").is_empty());
    }

    fn texts(t: &str, spans: Vec<(usize, usize)>) -> Vec<&str> {
        spans.into_iter().map(|(s, e)| &t[s..e]).collect()
    }

    #[test]
    fn bodies_named_for_their_field() {
        let t = "The Ruritanian Directorate for Coastal Heritage and the Office for Orbital Statistics met.";
        assert_eq!(
            texts(t, bodies_for(t)),
            [
                "Ruritanian Directorate for Coastal Heritage",
                "Office for Orbital Statistics"
            ]
        );
        let t = "The Institute for Fiscal and Orbital Studies said. A fund for pensions grew.";
        assert_eq!(
            texts(t, bodies_for(t)),
            ["Institute for Fiscal and Orbital Studies"]
        );
        assert!(bodies_for("the Board for now").is_empty());
    }

    #[test]
    fn journals_a_study_is_published_in() {
        let t = "a study published in Orbital Systems Research, it says";
        assert_eq!(texts(t, journals(t)), ["Orbital Systems Research"]);
        let t = "published in the Journal of Orbital Studies.";
        assert_eq!(texts(t, journals(t)), ["Journal of Orbital Studies"]);
        let t = "published in the journal Orbita today";
        assert_eq!(texts(t, journals(t)), ["Orbita"]);
        assert!(journals("published in New York by Acme").is_empty());
        assert!(journals("published in January").is_empty());
    }
}
