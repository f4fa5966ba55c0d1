//! The built-in gazetteer (`data/orgs/gazetteer.txt`), compiled once into a
//! longest-match aho-corasick automaton and matched on word boundaries: the
//! automaton runs anchored at the word starts whose first two bytes begin
//! some name, not over every byte of the text.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind, PatternID};
use std::collections::HashSet;
use std::sync::LazyLock;

static SOURCE: &str = include_str!("../../../data/orgs/gazetteer.txt");

struct Gazetteer {
    /// The names as a trie walked from a word start (no unanchored search).
    automaton: NFA,
    /// Canonical name of each pattern, by pattern index.
    canonical: Vec<String>,
    /// Canonical names that are also common words (lines starting with "?").
    common: HashSet<String>,
    /// Bit `b0 << 8 | b1` set when some name starts with the bytes `b0 b1`
    /// (every `b1` for a one-byte name).
    starts: Vec<u64>,
}

impl Gazetteer {
    /// True when some name may start at the text's remaining bytes `rest` (not empty).
    fn may_start(&self, rest: &[u8]) -> bool {
        let pair = usize::from(rest[0]) << 8 | usize::from(rest.get(1).copied().unwrap_or(0));
        self.starts[pair / 64] >> (pair % 64) & 1 != 0
    }

    /// The end and pattern of the longest name starting at byte `start`:
    /// what an anchored leftmost-longest search finds, without its set-up.
    fn longest_at(&self, bytes: &[u8], start: usize) -> Option<(usize, PatternID)> {
        let a = &self.automaton;
        let mut sid = a
            .start_state(Anchored::Yes)
            .expect("the automaton has an anchored start");
        let mut found = None;
        for (at, &b) in bytes.iter().enumerate().skip(start) {
            sid = a.next_state(Anchored::Yes, sid, b);
            if a.is_special(sid) {
                if a.is_dead(sid) {
                    break;
                }
                if a.is_match(sid) {
                    // A match state also carries the names ending there that
                    // start later, which an anchored search ignores.
                    let pid = a.match_pattern(sid, 0);
                    if at + 1 - a.pattern_len(pid) == start {
                        found = Some((at + 1, pid));
                    }
                }
            }
        }
        found
    }
}

/// The forms British house style gives a name: "Nasa" for "NASA",
/// "Metlife" for "MetLife" (acronyms of four letters or more, and words
/// capitalized inside).
fn house_style(form: &str) -> Option<String> {
    let recase = |w: &str| {
        let mut chars = w.chars();
        let first = chars.next()?;
        let rest: String = chars.collect();
        let letters = rest.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = letters >= 3 && rest.chars().all(|c| c.is_ascii_uppercase());
        let camel = first.is_uppercase()
            && rest.chars().any(char::is_lowercase)
            && rest.chars().any(char::is_uppercase);
        (first.is_ascii_uppercase() && (acronym || camel))
            .then(|| format!("{first}{}", rest.to_lowercase()))
    };
    let mut changed = false;
    let words: Vec<String> = form
        .split(' ')
        .map(|w| match recase(w) {
            Some(r) => {
                changed = true;
                r
            }
            None => w.to_string(),
        })
        .collect();
    changed.then(|| words.join(" "))
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut canonical = Vec::new();
    let mut common = HashSet::new();
    for line in SOURCE.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (line, is_common) = match line.strip_prefix('?') {
            Some(rest) => (rest.trim(), true),
            None => (line, false),
        };
        let forms: Vec<&str> = line
            .split(" | ")
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect();
        let Some(first) = forms.first() else { continue };
        let name = super::strip_name(first);
        if is_common {
            common.insert(name.clone());
        }
        for form in forms {
            if let Some(variant) = house_style(form) {
                patterns.push(variant);
                canonical.push(name.clone());
            }
            patterns.push(form.to_string());
            canonical.push(name.clone());
        }
    }
    let mut starts = vec![0u64; 65536 / 64];
    for p in &patterns {
        let p = p.as_bytes();
        assert!(
            p.first().is_some_and(|&b| is_word_byte(b)),
            "gazetteer names start with a letter or digit"
        );
        let second = match p.get(1) {
            Some(&b) => b..=b,
            None => 0..=255,
        };
        for b1 in second {
            let pair = usize::from(p[0]) << 8 | usize::from(b1);
            starts[pair / 64] |= 1 << (pair % 64);
        }
    }
    let automaton = NFA::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .prefilter(false)
        .build(&patterns)
        .expect("gazetteer patterns");
    Gazetteer {
        automaton,
        canonical,
        common,
        starts,
    }
});

/// True when the gazetteer name `canonical` is also a common word ("Total",
/// "Sharp"), which names the organization only away from a sentence start.
pub fn is_common_word(canonical: &str) -> bool {
    GAZETTEER.common.contains(canonical)
}

fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// Bytes of words: ASCII letters, digits, '_' and all of UTF-8's multi-byte characters.
static WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize || b >= 0x80;
        b += 1;
    }
    t
};

/// Byte spans of gazetteer names in `text`, on word boundaries, with their
/// canonical names. At each word start the longest name starting there
/// wins, and the search goes on after it; a name that runs into a word
/// ("Intel" of "Intelligence") counts for nothing but is skipped all the same.
pub fn find(text: &str) -> Vec<(usize, usize, Option<&'static str>)> {
    let g = &*GAZETTEER;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    let mut prev_word = false;
    while at < bytes.len() {
        let b = bytes[at];
        let word = is_word_byte(b);
        if !word || prev_word || !g.may_start(&bytes[at..]) {
            prev_word = word;
            at += 1;
            continue;
        }
        let Some((end, pid)) = g.longest_at(bytes, at) else {
            prev_word = true;
            at += 1;
            continue;
        };
        if end == bytes.len() || !is_word_byte(bytes[end]) {
            let name: &'static str = &g.canonical[pid.as_usize()];
            out.push((at, end, Some(name)));
        }
        // Names are not empty: the search goes on after the last byte.
        prev_word = is_word_byte(bytes[end - 1]);
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_on_word_boundaries_only() {
        let t = "Intelligence at Intel and AT&T";
        let got: Vec<&str> = find(t).into_iter().map(|(s, e, _)| &t[s..e]).collect();
        assert_eq!(got, ["Intel", "AT&T"]);
        let t = "International Business Machines";
        assert_eq!(find(t), [(0, t.len(), Some("IBM"))]);
    }

    #[test]
    fn names_start_at_any_word_start() {
        // Bytes of non-ASCII characters count as letters: no name starts after “.
        let t = "(Ørsted) and eBay, 3M;7-Eleven\nand 3i. “Intel";
        let got: Vec<&str> = find(t).into_iter().map(|(s, e, _)| &t[s..e]).collect();
        assert_eq!(got, ["Ørsted", "eBay", "3M", "7-Eleven", "3i"]);
        // Inside a word, or run into one, a name is none; the search goes on after it.
        let t = "XeBay eBayer Intel";
        let got: Vec<&str> = find(t).into_iter().map(|(s, e, _)| &t[s..e]).collect();
        assert_eq!(got, ["Intel"]);
        assert!(find("").is_empty() && find("e").is_empty());
    }

    #[test]
    fn house_style_forms_and_common_words() {
        assert_eq!(house_style("NASA").as_deref(), Some("Nasa"));
        assert_eq!(house_style("MetLife").as_deref(), Some("Metlife"));
        assert_eq!(house_style("Royal Bank of Scotland"), None);
        assert_eq!(house_style("BT"), None);
        let t = "Nasa and Metlife";
        let got: Vec<&str> = find(t).into_iter().map(|(s, e, _)| &t[s..e]).collect();
        assert_eq!(got, ["Nasa", "Metlife"]);
        assert!(is_common_word("Total"));
        assert!(!is_common_word("Nasa"));
    }
}
