//! The built-in gazetteer (`data/orgs/gazetteer.txt`), compiled once into a
//! leftmost-longest aho-corasick automaton and matched on word boundaries.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashSet;
use std::sync::LazyLock;

static SOURCE: &str = include_str!("../../../data/orgs/gazetteer.txt");

struct Gazetteer {
    automaton: AhoCorasick,
    /// Canonical name of each pattern, by pattern index.
    canonical: Vec<String>,
    /// Canonical names that are also common words (lines starting with "?").
    common: HashSet<String>,
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
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("gazetteer patterns");
    Gazetteer {
        automaton,
        canonical,
        common,
    }
});

/// True when the gazetteer name `canonical` is also a common word ("Total",
/// "Sharp"), which names the organization only away from a sentence start.
pub fn is_common_word(canonical: &str) -> bool {
    GAZETTEER.common.contains(canonical)
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Byte spans of gazetteer names in `text`, on word boundaries, with their canonical names.
pub fn find(text: &str) -> Vec<(usize, usize, Option<&'static str>)> {
    let bytes = text.as_bytes();
    GAZETTEER
        .automaton
        .find_iter(text)
        .filter(|m| {
            let before_ok = m.start() == 0 || !is_word_byte(bytes[m.start() - 1]);
            let after_ok = m.end() == bytes.len() || !is_word_byte(bytes[m.end()]);
            before_ok && after_ok
        })
        .map(|m| {
            let name: &'static str = &GAZETTEER.canonical[m.pattern().as_usize()];
            (m.start(), m.end(), Some(name))
        })
        .collect()
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
