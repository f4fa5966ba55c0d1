//! What the class or id value of an element says of it: which boilerplate
//! categories (comments, related links, social, newsletter, author,
//! captions, ads) its words name, whether it marks page furniture at all,
//! and whether it marks the article body. Words match case-insensitively
//! anywhere in the value ("comment-list", "relatedPosts"); a few short ones
//! only at a word boundary ("ad", "bio", "nav").

use aho_corasick::AhoCorasick;
use regex::RegexSet;
use std::sync::LazyLock;

/// The words of each bit, in bit order: the `ATTR_CATEGORIES` entries,
/// then `BOILER_BIT`, then `MAIN_BIT`. `<` asks for a word boundary before
/// the word and `>` for one after it (word characters: ASCII letters,
/// digits and `_`); `~` stands for `-`, `_` or nothing, `+` for `-` or `_`.
const WORDS: [&str; 9] = [
    "comment disqus respond reply replies review testimonial",
    "related recommend more+ trending popular teaser read~next also+",
    "share sharing social",
    "newsletter subscri signup sign+up optin opt+in",
    "author byline <bio> avatar profile",
    "caption credit <figure gallery photo",
    "advert <ad> <ads> sponsor promo banner affiliate",
    "related share sharing social newsletter subscribe signup cookie consent comment promo \
     advert <ad> <ads> sponsor sidebar widget footer breadcrumb author byline bio> popup modal \
     banner recommend trending popular newsfeed teaser caption credit tags toolbar menu <nav",
    "article~body article~content article~text post~body post~content entry~content \
     story~body story~content main~content body~text rich~text",
];

/// Bit of page furniture in general.
pub const BOILER_BIT: u16 = 1 << 7;
/// Bit of the article body.
pub const MAIN_BIT: u16 = 1 << 8;

/// One spelled-out word of `WORDS`.
struct Word {
    bit: u16,
    text: String,
    boundary_before: bool,
    boundary_after: bool,
}

/// Every spelling of every word, `~` and `+` spelled out.
fn words() -> Vec<Word> {
    let mut out = Vec::new();
    for (i, list) in WORDS.iter().enumerate() {
        for w in list.split_whitespace() {
            let boundary_before = w.starts_with('<');
            let boundary_after = w.ends_with('>');
            let core = w.trim_start_matches('<').trim_end_matches('>');
            let mut spellings = vec![String::new()];
            for c in core.chars() {
                let options: &[&str] = match c {
                    '~' => &["-", "_", ""],
                    '+' => &["-", "_"],
                    _ => &[],
                };
                spellings = if options.is_empty() {
                    spellings.into_iter().map(|s| s + &c.to_string()).collect()
                } else {
                    spellings
                        .iter()
                        .flat_map(|s| options.iter().map(move |o| format!("{s}{o}")))
                        .collect()
                };
            }
            out.extend(spellings.into_iter().map(|text| Word {
                bit: 1 << i,
                text,
                boundary_before,
                boundary_after,
            }));
        }
    }
    out
}

struct Matchers {
    words: Vec<Word>,
    /// All spellings at once, for ASCII values.
    ascii: AhoCorasick,
}

static MATCHERS: LazyLock<Matchers> = LazyLock::new(|| {
    let words = words();
    let ascii = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words.iter().map(|w| &w.text))
        .expect("class word automaton");
    Matchers { words, ascii }
});

/// One regex per bit, for values with other characters, whose
/// case-insensitive matching follows Unicode ("ſ" is an "s"). Built on the
/// first such value: it costs ten times the automaton, and many runs never
/// meet one.
static UNICODE: LazyLock<RegexSet> = LazyLock::new(|| {
    let words = words();
    RegexSet::new((0..WORDS.len()).map(|i| {
        let alternatives: Vec<String> = words
            .iter()
            .filter(|w| w.bit == 1 << i)
            .map(|w| {
                let b = |on: bool| if on { r"(?-u:\b)" } else { "" };
                format!(
                    "{}{}{}",
                    b(w.boundary_before),
                    regex::escape(&w.text),
                    b(w.boundary_after)
                )
            })
            .collect();
        format!("(?i){}", alternatives.join("|"))
    }))
    .expect("class word patterns")
});

/// The bits of the words `value` contains.
pub fn bits(value: &str) -> u16 {
    if !value.is_ascii() {
        return UNICODE
            .matches(value)
            .iter()
            .fold(0, |bits, i| bits | 1 << i);
    }
    let m = &*MATCHERS;
    let b = value.as_bytes();
    let word_char = |i: usize| b[i].is_ascii_alphanumeric() || b[i] == b'_';
    let mut bits = 0;
    for found in m.ascii.find_overlapping_iter(value) {
        let w = &m.words[found.pattern().as_usize()];
        let (s, e) = (found.start(), found.end());
        if w.boundary_before && s > 0 && word_char(s - 1) == word_char(s) {
            continue;
        }
        if w.boundary_after && e < b.len() && word_char(e - 1) == word_char(e) {
            continue;
        }
        bits |= w.bit;
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_mark_their_categories() {
        assert_eq!(bits("comment-list"), 1 | BOILER_BIT);
        assert_eq!(bits("relatedPosts"), 2 | BOILER_BIT);
        assert_eq!(bits("Article_Body"), MAIN_BIT);
        assert_eq!(bits("entrycontent"), MAIN_BIT);
        assert_eq!(bits("read-next"), 2);
        assert_eq!(bits("more"), 0);
        assert_eq!(bits("plain"), 0);
    }

    #[test]
    fn short_words_need_their_boundaries() {
        assert_eq!(bits("ad"), 64 | BOILER_BIT);
        assert_eq!(bits("top-ads"), 64 | BOILER_BIT);
        assert_eq!(bits("header"), 0);
        assert_eq!(bits("ad_slot"), 0);
        assert_eq!(bits("author-bio"), 16 | BOILER_BIT);
        assert_eq!(bits("biography"), 0);
        assert_eq!(bits("symbio"), BOILER_BIT);
        assert_eq!(bits("main-nav"), BOILER_BIT);
        assert_eq!(bits("subnav"), 0);
        assert_eq!(bits("figure"), 32);
        assert_eq!(bits("transfigure"), 0);
    }

    #[test]
    fn other_characters_match_as_unicode_does() {
        // The long s folds to "s" in Unicode case-insensitive matching.
        assert_eq!(bits("ſhare-été"), 4 | BOILER_BIT);
        assert_eq!(bits("café-ad"), 64 | BOILER_BIT);
        // Their word boundaries are ASCII ones: "é" is no word character.
        assert_eq!(bits("cafébio"), 16 | BOILER_BIT);
    }
}
