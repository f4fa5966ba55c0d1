//! Regex compilation that keeps start-up short.
//!
//! The regex crate compiles Unicode `\w` into thousands of UTF-8 byte ranges,
//! and a repeated `[A-Z][\w-]*){0,3}` copies them each time: one such pattern
//! took 10 ms to build, a fifth of the whole start-up. Names in news text are
//! written in Latin, Greek or Cyrillic letters, so `\w` is narrowed to those
//! scripts (plus ASCII digits and `_`), and `\s` is spelt out as the exact
//! Unicode White_Space set, which compiles faster than the property lookup.

use std::panic::{RefUnwindSafe, UnwindSafe};

use regex::Regex;
use regex_automata::hybrid::dfa::{self as lazy, DFA};
use regex_automata::meta::{self, BuildError};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{Input, MatchKind, PatternID, PatternSet};

/// Word characters: ASCII letters, digits and `_`, the letters of Latin-1,
/// Latin Extended A/B and Additional, Greek and Cyrillic.
/// The characters are written as themselves, not as `\u{..}` escapes: the
/// class is parsed again for every `\w` of every pattern, and reading the
/// escapes' hex digits was a fifth of parsing all patterns (4.3M of 20M
/// instructions on a short input).
const WORD: &str = "[0-9A-Za-z_\u{AA}\u{B5}\u{BA}\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{24F}\u{370}-\u{3FF}\u{400}-\u{52F}\u{1E00}-\u{1EFF}]";

/// Whether `c` is in [`WORD`], the class `\w` stands for in these patterns.
pub fn is_word_char(c: char) -> bool {
    matches!(c,
        '0'..='9' | 'A'..='Z' | 'a'..='z' | '_' | '\u{AA}' | '\u{B5}' | '\u{BA}'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{24F}'
        | '\u{370}'..='\u{3FF}' | '\u{400}'..='\u{52F}' | '\u{1E00}'..='\u{1EFF}')
}

/// Exactly the characters of Unicode `\s` (the White_Space property).
/// Written as the characters themselves, as `WORD` is; no pattern uses
/// verbose mode `(?x)`, which would skip them as white space.
const SPACE: &str = "[\\t\\n\\v\\f\\r \u{85}\u{A0}\u{1680}\u{2000}-\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}]";

/// Compiles `pattern` with `\w` and `\s` rewritten as above. Both are valid
/// inside a bracket class too, where the regex crate reads the nested class as
/// a union (`[\w.-]` becomes `[[0-9A-Za-z_…].-]`).
pub fn regex(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&rewrite(pattern))
}

/// Compiles `pattern`, rewritten as in [`regex`], as the regex crate
/// does but without a literal prefilter, for the patterns a prefilter
/// does not serve while extracting its literals is most of their build:
/// one anchored at the end only (`...$`), which is searched backwards
/// from the end without it (under `(?i)` the extraction was up to 60% of
/// the build: 1.5M of 2.5M instructions for a list of words); and large
/// alternations of common words searched in one sentence at a time (the
/// partnership triggers: 8M of 16M instructions).
pub fn without_prefilter(pattern: &str) -> Result<meta::Regex, Box<BuildError>> {
    let config = meta::Config::new()
        .nfa_size_limit(Some(10 * (1 << 20)))
        .hybrid_cache_capacity(2 * (1 << 20))
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .auto_prefilter(false);
    meta::Regex::builder()
        .configure(config)
        .build(&rewrite(pattern))
        .map_err(Box::new)
}

/// Patterns, each rewritten as in [`regex`], searched together to tell
/// which of them match a text: a `regex::RegexSet` as the regex crate
/// configures one, without its literal prefilter. A set's alternations of
/// short, common words ("is", "to", "will") give a prefilter that skips
/// little text, and extracting those literals was 40% of building the
/// status cue set (5.6M of 13M instructions).
pub struct Set(meta::Regex);

impl Set {
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Result<Set, Box<BuildError>> {
        let patterns: Vec<String> = patterns.into_iter().map(rewrite).collect();
        let config = meta::Config::new()
            .nfa_size_limit(Some(10 * (1 << 20)))
            .hybrid_cache_capacity(2 * (1 << 20))
            .match_kind(MatchKind::All)
            .utf8_empty(true)
            .which_captures(WhichCaptures::None)
            .auto_prefilter(false);
        meta::Regex::builder()
            .configure(config)
            .build_many(&patterns)
            .map(Set)
            .map_err(Box::new)
    }

    /// Some pattern matches `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text)
    }

    /// The patterns that match `text`.
    pub fn matches(&self, text: &str) -> SetMatches {
        let mut found = PatternSet::new(self.0.pattern_len());
        self.0
            .which_overlapping_matches(&Input::new(text), &mut found);
        SetMatches(found)
    }
}

/// A pattern, rewritten as in [`regex`], for the call sites that only ask
/// whether it matches: a forward lazy DFA, with the PikeVM where the DFA
/// gives up (a Unicode `\b` before a non-ASCII byte, a cache that keeps
/// clearing). A `regex::Regex` also compiles the pattern in reverse, to find
/// where a match starts, and its other engines; for a pattern with many
/// Unicode classes that was more than half of its build (SKIPPED_ITEMS in
/// partnerships: 1.9 ms, of which 0.9 ms the reverse NFA).
pub struct Matcher {
    dfa: Option<DFA>,
    pikevm: PikeVM,
    caches: Pool<Caches, CacheMaker>,
}

type Caches = (Option<lazy::Cache>, pikevm::Cache);
type CacheMaker = Box<dyn Fn() -> Caches + Send + Sync + UnwindSafe + RefUnwindSafe>;

impl Matcher {
    pub fn new(pattern: &str) -> Result<Matcher, Box<thompson::BuildError>> {
        let nfa = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .nfa_size_limit(Some(10 * (1 << 20)))
                    .which_captures(WhichCaptures::Implicit),
            )
            .build(&rewrite(pattern))
            .map_err(Box::new)?;
        let pikevm = PikeVM::new_from_nfa(nfa.clone()).map_err(Box::new)?;
        // As the regex crate configures its lazy DFA.
        let config = DFA::config()
            .cache_capacity(2 * (1 << 20))
            .skip_cache_capacity_check(true)
            .minimum_cache_clear_count(Some(3))
            .minimum_bytes_per_state(Some(10))
            .unicode_word_boundary(true);
        let dfa = DFA::builder().configure(config).build_from_nfa(nfa).ok();
        let (for_dfa, for_pikevm) = (dfa.clone(), pikevm.clone());
        let caches: CacheMaker = Box::new(move || {
            (
                for_dfa.as_ref().map(DFA::create_cache),
                for_pikevm.create_cache(),
            )
        });
        Ok(Matcher {
            dfa,
            pikevm,
            caches: Pool::new(caches),
        })
    }

    /// The pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        let input = Input::new(text).earliest(true);
        let mut caches = self.caches.get();
        let (dfa_cache, pikevm_cache) = &mut *caches;
        if let (Some(dfa), Some(cache)) = (&self.dfa, dfa_cache.as_mut()) {
            if let Ok(found) = dfa.try_search_fwd(cache, &input) {
                return found.is_some();
            }
        }
        self.pikevm.is_match(pikevm_cache, input)
    }
}

/// The patterns of a [`Set`] that matched, by their index.
pub struct SetMatches(PatternSet);

impl SetMatches {
    pub fn matched(&self, index: usize) -> bool {
        self.0.contains(PatternID::must(index))
    }

    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().map(|p| p.as_usize())
    }
}

/// A pattern with its ASCII letters lower-cased, for running without case
/// folding on ASCII-lower-cased text: escapes (`\S`) and group names
/// (`(?P<Name>`) are kept. On such text it matches where the pattern with
/// ASCII case folding (`(?i-u)`) matches the original.
pub fn lower_literals(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut escaped = false;
    let mut in_name = false;
    for c in pattern.chars() {
        let kept = escaped || in_name || c == 'P' && out.ends_with("(?");
        out.push(if kept { c } else { c.to_ascii_lowercase() });
        in_name = if in_name {
            c != '>'
        } else {
            out.ends_with("(?P<")
        };
        escaped = !escaped && c == '\\';
    }
    out
}

fn rewrite(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('w') => out.push_str(WORD),
            Some('s') => out.push_str(SPACE),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_predicate_is_the_word_class() {
        let class = regex(r"^\w$").unwrap();
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), class.is_match(&c.to_string()), "{c:?}");
        }
    }

    #[test]
    fn lower_literals_keep_escapes_and_group_names() {
        assert_eq!(
            lower_literals(r"(?P<Month>Jan|MAY)\S+\D[A-Z]"),
            r"(?P<Month>jan|may)\S+\D[a-z]"
        );
        let folded = Regex::new(r"(?i-u)\b(?P<W>Jan|[ECMP][SD]T)\s\d").expect("folded");
        let lowered =
            Regex::new(&lower_literals(r"(?-u)\b(?P<W>Jan|[ECMP][SD]T)\s\d")).expect("lowered");
        for text in ["JAN 5", "jan 5", "Est 1", "PDT 2", "xJan 5", "ján 5", "K 1"] {
            let lower = text.to_ascii_lowercase();
            let spans =
                |re: &Regex, t: &str| re.captures(t).and_then(|c| c.name("W")).map(|m| m.range());
            assert_eq!(spans(&folded, text), spans(&lowered, &lower), "{text:?}");
        }
    }

    #[test]
    fn a_set_tells_the_patterns_a_regex_set_does() {
        let patterns = [r"(?-u:\b)(?:is|are) \w+ing", r"deal", r"^\s*x", r"z$"];
        let set = Set::new(patterns).expect("set");
        let reference = regex::RegexSet::new(patterns.map(rewrite)).expect("regex set");
        for text in [
            "it is going to be a deal",
            "x deal z",
            "  xyz",
            "",
            "Ölçü is naïveing",
        ] {
            let found: Vec<usize> = set.matches(text).iter().collect();
            let expected: Vec<usize> = reference.matches(text).iter().collect();
            assert_eq!(found, expected, "{text:?}");
            assert_eq!(set.is_match(text), reference.is_match(text), "{text:?}");
        }
    }

    #[test]
    fn a_matcher_matches_where_the_regex_does() {
        let patterns = [
            r"^(?:\s+[\p{Lu}\d][\w'’&+-]*){0,3}\s*,\s*$",
            r"(?i)^\s*(?:[\w-]+\s+){0,2}?with\s+(?:a|the)\s*[a-z]",
            r"\bÉtat\b|x$",
            r#"(?i)^\s*of\s+$|["“]\s*$"#,
            r"",
        ];
        let texts = [
            " Acme Ölçü, ",
            " ACME 9x Zorbo-Ø ,",
            " acme, ",
            "  Widgets with the zorbo",
            "Bolts and nuts with the",
            "l'État x",
            "xÉtat",
            " of ",
            "the “ ",
            "",
        ];
        for pattern in patterns {
            let matcher = Matcher::new(pattern).expect("matcher");
            let reference = regex(pattern).expect("regex");
            for text in texts {
                assert_eq!(
                    matcher.is_match(text),
                    reference.is_match(text),
                    "{pattern:?} on {text:?}"
                );
            }
        }
    }

    #[test]
    fn classes_written_as_characters_are_the_escaped_ones() {
        use regex_automata::util::syntax::parse;
        let escaped_word = r"[0-9A-Za-z_\u{AA}\u{B5}\u{BA}\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{24F}\u{370}-\u{3FF}\u{400}-\u{52F}\u{1E00}-\u{1EFF}]";
        let escaped_space = r"[\t\n\x0B\f\r \u{85}\u{A0}\u{1680}\u{2000}-\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}]";
        for flags in ["", "(?i)", "(?-u)", "(?i-u)"] {
            for (ours, escaped) in [(WORD, escaped_word), (SPACE, escaped_space)] {
                let ours = parse(&format!("{flags}{ours}+"));
                let escaped = parse(&format!("{flags}{escaped}+"));
                assert_eq!(ours.ok(), escaped.ok(), "{flags}");
            }
        }
    }

    #[test]
    fn words_keep_accented_latin_greek_and_cyrillic_letters() {
        let re = regex(r"^\w+$").unwrap();
        for word in [
            "Nestlé",
            "Société",
            "Škoda",
            "Ελλάδα",
            "Газпром",
            "Nguyễn",
            "x_9",
        ] {
            assert!(re.is_match(word), "{word}");
        }
        for word in ["a-b", "it’s", "a b", "€5", "—"] {
            assert!(!re.is_match(word), "{word}");
        }
    }

    #[test]
    fn spaces_are_the_unicode_white_space_set() {
        let re = regex(r"^\s+$").unwrap();
        assert!(re.is_match(" \t\n\u{A0}\u{2009}\u{3000}"));
        assert!(
            !re.is_match("\u{200B}"),
            "zero-width space is not white space"
        );
        let unicode = Regex::new(r"\s").unwrap();
        let ours = regex(r"\s").unwrap();
        for c in (0..0x3100u32).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(
                unicode.is_match(&s),
                ours.is_match(&s),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn classes_escapes_and_other_shorthands_survive() {
        let re = regex(r"^[\w.-]+\\s\d$").unwrap();
        assert!(re.is_match(r"Acme-Nestlé.co\s7"));
        assert!(!re.is_match("Acme co 7"));
        assert_eq!(rewrite(r"\bx\S\W\.\\"), r"\bx\S\W\.\\");
    }
}
