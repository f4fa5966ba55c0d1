//! The boilerplate phrase dictionary (`data/clean/phrases.tsv`): one
//! aho-corasick automaton over every phrase, each phrase tagged with the
//! category (navigation, social, newsletter, ...) it votes for.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::sync::LazyLock;

/// Phrase categories, in feature order.
pub const CATEGORIES: &[&str] = &[
    "nav",
    "social",
    "newsletter",
    "legal",
    "ads",
    "related",
    "comments",
    "author",
    "caption",
    "paywall",
    "time",
];
pub const N_CATEGORIES: usize = CATEGORIES.len();

struct Dictionary {
    automaton: AhoCorasick,
    category: Vec<u8>,
}

static DICTIONARY: LazyLock<Dictionary> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut category = Vec::new();
    for line in include_str!("../../data/clean/phrases.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (cat, phrase) = line.split_once('\t').expect("category<TAB>phrase");
        let idx = CATEGORIES
            .iter()
            .position(|c| *c == cat)
            .unwrap_or_else(|| panic!("unknown phrase category {cat}"));
        phrases.push(phrase.to_string());
        category.push(idx as u8);
    }
    let automaton = AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&phrases)
        .expect("phrase automaton");
    Dictionary {
        automaton,
        category,
    }
});

/// Per category: whether a phrase occurs in `text` on word boundaries, and
/// how many bytes of `text` such phrases cover.
#[derive(Debug, Default, Clone, Copy)]
pub struct PhraseHits {
    pub hits: [u16; N_CATEGORIES],
    pub covered: [u32; N_CATEGORIES],
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

pub fn scan(text: &str) -> PhraseHits {
    let dict = &*DICTIONARY;
    let bytes = text.as_bytes();
    let mut out = PhraseHits::default();
    for m in dict.automaton.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        // Phrases that start or end with a symbol ("©") need no boundary there.
        let left_ok = s == 0 || !is_word_byte(bytes[s - 1]) || !bytes[s].is_ascii_alphanumeric();
        let right_ok =
            e == bytes.len() || !is_word_byte(bytes[e]) || !bytes[e - 1].is_ascii_alphanumeric();
        if left_ok && right_ok {
            let c = dict.category[m.pattern().as_usize()] as usize;
            out.hits[c] += 1;
            out.covered[c] += (e - s) as u32;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat(name: &str) -> usize {
        CATEGORIES.iter().position(|c| *c == name).unwrap()
    }

    #[test]
    fn matches_whole_words_only() {
        let h = scan("Follow us on Twitter");
        assert_eq!(h.hits[cat("social")], 2);
        assert_eq!(h.covered[cat("social")], "Follow us".len() as u32 + 7);
        // "menu" inside "menus" and "home" inside "homeowners" do not count.
        let h = scan("Homeowners read the menus");
        assert_eq!(h.hits[cat("nav")], 0);
    }

    #[test]
    fn longest_phrase_wins() {
        let h = scan("Leave a comment");
        assert_eq!(h.hits[cat("comments")], 1);
        assert_eq!(h.covered[cat("comments")], 15);
    }
}
