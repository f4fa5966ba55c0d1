//! Names the tagger leaves untagged whose shape or place shows an
//! organization: capitalized words ending in an unambiguous legal form
//! ("Velmar Television Limited"), and a name written right after a
//! company noun ("security firm 4zen", "carmaker Zentrix Auto").

use super::features::Prepared;
use super::retype::is_descriptor;
use crate::text::calendar::{is_month, is_weekday};

/// Legal forms that end only companies' names.
fn is_company_suffix(word: &[u8]) -> bool {
    matches!(
        word,
        b"Inc"
            | b"Inc."
            | b"Corp"
            | b"Corp."
            | b"Ltd"
            | b"Ltd."
            | b"Limited"
            | b"Plc"
            | b"plc"
            | b"PLC"
            | b"LLC"
            | b"GmbH"
            | b"Incorporated"
            | b"Corporation"
    )
}

/// A word that may be part of a name: capitalized, or digits and lower-case
/// letters ("4zen"), and not a day, a month or a title.
fn is_name_word(word: &str) -> bool {
    let capitalized = word.starts_with(|c: char| c.is_uppercase());
    let alnum = word.starts_with(|c: char| c.is_ascii_digit())
        && word.chars().any(|c| c.is_ascii_lowercase())
        && word.chars().all(|c| c.is_ascii_alphanumeric());
    (capitalized || alnum)
        && !is_month(word)
        && !is_weekday(word)
        && !matches!(
            word,
            "The"
                | "A"
                | "An"
                | "In"
                | "On"
                | "At"
                | "Mr"
                | "Mrs"
                | "Ms"
                | "Dr"
                | "Chairman"
                | "Chief"
                | "President"
                | "CEO"
        )
}

/// Byte spans of the organizations named by shape or by a company noun
/// before them, among the tokens that no entity or gazetteer hit (`taken`,
/// byte spans) covers.
pub fn find(text: &str, p: &Prepared, taken: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let word = |k: usize| &text[p.tokens[k].clone()];
    // The tests run on every token read its bytes: no character boundary checks.
    let bytes = |k: usize| &text.as_bytes()[p.tokens[k].clone()];
    let free = |k: usize| {
        let t = &p.tokens[k];
        !taken.iter().any(|&(s, e)| s < t.end && t.start < e)
    };
    let mut out = Vec::new();
    for sentence in &p.sentences {
        let mut k = sentence.start + 1;
        while k < sentence.end {
            // "company N / A" in a table is no name: a name has two letters or more.
            // The company noun first: its `match` rules out most words at once.
            if is_descriptor(bytes(k - 1)) && bytes(k).len() > 1 && is_name_word(word(k)) && free(k)
            {
                let mut end = k + 1;
                while end < sentence.end && end < k + 3 && is_name_word(word(end)) && free(end) {
                    end += 1;
                }
                out.push((p.tokens[k].start, p.tokens[end - 1].end));
                k = end;
                continue;
            }
            if is_company_suffix(bytes(k)) && free(k) {
                let mut start = k;
                while start > sentence.start + 1
                    && start + 4 > k
                    && free(start - 1)
                    && is_name_word(word(start - 1))
                {
                    start -= 1;
                }
                if start < k {
                    out.push((p.tokens[start].start, p.tokens[k].end));
                }
            }
            k += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    fn found(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        let p = Prepared::new(&doc, &[]);
        find(text, &p, &[])
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn legal_forms_and_company_nouns_name_companies() {
        assert_eq!(
            found("said Ann Wu, from TV producer Velmar Television Limited, today."),
            ["Velmar Television Limited"]
        );
        assert_eq!(
            found("It is a venture of security firm 4orin and others."),
            ["4orin"]
        );
    }

    #[test]
    fn days_and_titles_are_not_names() {
        assert!(found("The firm Monday said profits rose.").is_empty());
        assert!(found("Shares in the company fell.").is_empty());
    }
}
