//! Word lists learned from the train splits (see `tools/build_partnership_lexicons.py`):
//! common lower-case words (shared with the organization finder, in
//! `text::lexicon`), first names of people and places, none of which name a
//! partner when the organization finder missed a name, and verbs in their
//! base form, which open instructions.

use crate::text::lexicon::{lookup, set, Words};
use std::sync::LazyLock;

pub use crate::text::lexicon::{is_common, is_lower_case_word};

static BASE_VERBS: LazyLock<Words> =
    LazyLock::new(|| set(include_str!("../../../data/partnerships/base_verbs.txt")));
static FIRST_NAMES: LazyLock<Words> =
    LazyLock::new(|| set(include_str!("../../../data/partnerships/first_names.txt")));
static PLACES: LazyLock<Words> =
    LazyLock::new(|| set(include_str!("../../../data/partnerships/places.txt")));

/// `text` is one of `words` (lower-case ASCII) whatever its case, as `(?i)`
/// reads it: the Kelvin sign is also a "k" and the long s an "s".
pub(super) fn is_one_of(text: &str, words: &[&str]) -> bool {
    let fold = |c: char| match c {
        '\u{212A}' => 'k',
        '\u{17F}' => 's',
        c => c.to_ascii_lowercase(),
    };
    words.iter().any(|w| text.chars().map(fold).eq(w.chars()))
}

/// A verb in its base form that names no organization ("Build", "Check").
pub fn is_base_verb(word: &str) -> bool {
    lookup(&BASE_VERBS, word)
}

/// A first name of a person ("Eric" in "Eric Rice").
pub fn is_first_name(word: &str) -> bool {
    lookup(&FIRST_NAMES, word)
}

/// A place or nationality ("Tamil", "Lyon").
pub fn is_place(word: &str) -> bool {
    lookup(&PLACES, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_of_reads_case_as_the_regex_crate() {
        let re = crate::text::pattern::regex(r"(?i)^(?:licensee|talks with|jvs?)$").expect("re");
        let words = ["licensee", "talks with", "jv", "jvs"];
        for text in [
            "licensee",
            "LICENSEE",
            "Licenſee",
            "licensee ",
            "Talks With",
            "talks  with",
            "JV",
            "jVs",
            "jvss",
            "",
            "\u{212A}",
        ] {
            assert_eq!(is_one_of(text, &words), re.is_match(text), "{text:?}");
        }
    }

    #[test]
    fn lists_are_loaded_case_insensitively() {
        assert!(is_first_name("Eric"));
        assert!(is_base_verb("Build") && !is_base_verb("Target"));
        assert!(is_place("Britain"));
        assert!(!is_place("Nokia"));
    }
}
