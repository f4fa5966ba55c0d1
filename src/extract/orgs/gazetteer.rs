//! The built-in gazetteer (`data/orgs/gazetteer.txt`), compiled once into a
//! leftmost-longest aho-corasick automaton and matched on word boundaries.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

static SOURCE: &str = include_str!("../../../data/orgs/gazetteer.txt");

struct Gazetteer {
    automaton: AhoCorasick,
    /// Canonical name of each pattern, by pattern index.
    canonical: Vec<String>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut canonical = Vec::new();
    for line in SOURCE.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let forms: Vec<&str> = line
            .split(" | ")
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect();
        let Some(first) = forms.first() else { continue };
        let name = super::strip_name(first);
        for form in forms {
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
    }
});

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
}
