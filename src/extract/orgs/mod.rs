//! Organization mentions: a gazetteer of known names matched with
//! aho-corasick, plus capitalized name sequences that end in a legal or
//! organizational suffix ("Acme Corp.", "Globex Holdings"). Every mention
//! gets the canonical name shared by all mentions of its organization.

mod canonical;
mod gazetteer;

use canonical::link_names;
pub use canonical::{canonical_key, strip_name};

use crate::text::Document;
use regex::Regex;
use std::sync::LazyLock;

/// An organization mention: byte range and canonical name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Org {
    pub start: usize,
    pub end: usize,
    pub name: String,
}

static SUFFIXED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:[A-Z][\w&'.-]*\s+(?:(?:&|and|of|for|de)\s+)?){0,4}(?:Inc\.?|Corp\.?|Corporation|Co\.|Company|Ltd\.?|Limited|LLC|L\.L\.C\.|plc|PLC|AG|GmbH|S\.A\.|SA|N\.V\.|NV|SE|Group|Holdings|Bank|Airlines|Airways|Motors|Technologies|Systems|Labs|Partners|Capital|Ventures|Foundation|Institute|University|Agency|Ministry|Association|Council|Commission|Authority)(?-u:\b)\.?",
    )
    .expect("suffix pattern")
});

/// Words that start a capitalized sequence but are not part of a name.
const NOT_NAME_START: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "And", "But", "For", "Its", "Their", "This", "That",
];

/// Finds the organizations of a document.
pub fn find(doc: &Document) -> Vec<Org> {
    let text = doc.text;
    let mut spans: Vec<(usize, usize, Option<&'static str>)> = gazetteer::find(text);
    let mut pos = 0;
    while let Some(m) = SUFFIXED.find_at(text, pos) {
        // "Acme Corp. and Globex Inc." is two names: cut after an inner legal suffix.
        let (m_end, inner_cut) = match inner_suffix_end(m.as_str()) {
            Some(cut) => (m.start() + cut, true),
            None => (m.end(), false),
        };
        pos = m_end.max(m.start() + 1);
        let mut start = m.start();
        let mut s = &text[start..m_end];
        // Drop leading function words ("The Acme Group" -> "Acme Group").
        while let Some(first) = s.split_whitespace().next() {
            if NOT_NAME_START.contains(&first) && s.len() > first.len() {
                let skip =
                    first.len() + (s[first.len()..].len() - s[first.len()..].trim_start().len());
                start += skip;
                s = &s[skip..];
            } else {
                break;
            }
        }
        let end = m_end - usize::from(!inner_cut && s.ends_with('.') && !abbreviation_period(s));
        // A bare suffix word ("Bank") is not a name.
        if s.split_whitespace().count() >= 2 {
            spans.push((start, end, None));
        }
    }
    add_conjuncts(text, &mut spans);
    spans.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut merged: Vec<(usize, usize, Option<&str>)> = Vec::new();
    for span in spans {
        if merged.last().is_some_and(|&(_, le, _)| span.0 < le) {
            continue;
        }
        merged.push(span);
    }
    let mut names: Vec<String> = merged
        .iter()
        .map(|&(s, e, canon)| canon.map_or_else(|| strip_name(&text[s..e]), str::to_string))
        .collect();
    link_names(&mut names);
    merged
        .into_iter()
        .zip(names)
        .map(|((start, end, _), name)| Org { start, end, name })
        .collect()
}

static CONJUNCT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^,?[ ]+(?:and|&|with)[ ]+[A-Z][\w&-]*(?:\.\w+)*(?:[ ]+[A-Z][\w&-]*(?:\.\w+)*){0,2}",
    )
    .expect("conjunct pattern")
});
static CONJUNCT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Z][\w&-]*(?:\.\w+)*(?:[ ]+[A-Z][\w&-]*(?:\.\w+)*){0,2}[ ]+(?:and|&)[ ]+$")
        .expect("conjunct pattern")
});

/// A capitalized name coordinated with a known organization ("Acme Corp. and
/// Globex") is an organization too.
fn add_conjuncts(text: &str, spans: &mut Vec<(usize, usize, Option<&'static str>)>) {
    let found: Vec<(usize, usize)> = spans.iter().map(|&(s, e, _)| (s, e)).collect();
    for (s, e) in found {
        if let Some(m) = CONJUNCT_AFTER.find(&text[e..]) {
            let name = m.as_str();
            let skip = name.find(|c: char| c.is_uppercase()).unwrap_or(0);
            let start = e + skip;
            let end = e + name.trim_end_matches(['.', ',']).len();
            let candidate = &text[start..end];
            if !candidate
                .split_whitespace()
                .any(|w| NOT_NAME_START.contains(&w))
            {
                spans.push((start, end, None));
            }
        }
        let window_start = text[..s].char_indices().rev().nth(60).map_or(0, |(i, _)| i);
        if let Some(m) = CONJUNCT_BEFORE.find(&text[window_start..s]) {
            let name = m.as_str();
            let words: Vec<&str> = name.split_whitespace().collect();
            let candidate_words = &words[..words.len() - 1];
            if let Some(first) = candidate_words.first() {
                if !NOT_NAME_START.contains(first)
                    && !is_sentence_start(text, window_start + m.start())
                {
                    let start = window_start + m.start();
                    let len = name.trim_end().len() - words[words.len() - 1].len();
                    spans.push((start, start + name[..len].trim_end().len(), None));
                }
            }
        }
    }
}

/// True when `pos` starts a sentence (text start, or after `.`, `!`, `?`, a newline or a quote).
fn is_sentence_start(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', '"', '“', ':'])
}

/// Byte length of the first name in `s` when a legal suffix ends a word before the last one.
fn inner_suffix_end(s: &str) -> Option<usize> {
    let mut offset = 0;
    let words: Vec<&str> = s.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let at = s[offset..].find(w).map_or(offset, |p| offset + p);
        offset = at + w.len();
        if i + 1 < words.len()
            && i > 0
            && matches!(
                *w,
                "Inc." | "Corp." | "Co." | "Ltd." | "Ltd" | "LLC" | "plc" | "PLC" | "AG" | "GmbH"
            )
        {
            return Some(offset);
        }
    }
    None
}

/// The final period belongs to the name when it ends an abbreviated suffix.
fn abbreviation_period(s: &str) -> bool {
    ["Inc.", "Corp.", "Co.", "Ltd.", "S.A.", "N.V.", "L.L.C."]
        .iter()
        .any(|a| s.ends_with(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(text: &str) -> Vec<(String, String)> {
        let doc = Document::new(text);
        find(&doc)
            .into_iter()
            .map(|o| (text[o.start..o.end].to_string(), o.name))
            .collect()
    }

    #[test]
    fn gazetteer_and_suffix_rules() {
        assert_eq!(
            orgs("Acme Corp. and Huawei signed a deal with The Globex Group."),
            [
                ("Acme Corp.".to_string(), "Acme".to_string()),
                ("Huawei".to_string(), "Huawei".to_string()),
                ("Globex Group".to_string(), "Globex".to_string()),
            ]
        );
    }

    #[test]
    fn short_forms_share_the_canonical_name() {
        let got = orgs("Sony Corp. said profit rose. Sony's shares fell.");
        assert_eq!(got[0].1, "Sony");
        assert_eq!(got[1].1, "Sony");
    }
}
