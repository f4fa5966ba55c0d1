//! Word lists learned from the train splits (see `tools/build_partnership_lexicons.py`):
//! common lower-case words, first names of people and places, none of which
//! name a partner when the organization finder missed a name, and verbs in
//! their base form, which open instructions.

use crate::text::hash::FastSet;
use std::sync::LazyLock;

/// A word list keyed by bytes: a lower-cased word is looked up as it is,
/// without checking again that it is UTF-8.
pub(super) type Words = FastSet<&'static [u8]>;

fn set(list: &'static str) -> Words {
    list.lines()
        .filter(|l| !l.is_empty())
        .map(str::as_bytes)
        .collect()
}

static COMMON: LazyLock<Words> =
    LazyLock::new(|| set(include_str!("../../../data/partnerships/common_words.txt")));
static LOWER_CASE: LazyLock<Words> = LazyLock::new(|| {
    set(include_str!(
        "../../../data/partnerships/lower_case_words.txt"
    ))
});
static BASE_VERBS: LazyLock<Words> =
    LazyLock::new(|| set(include_str!("../../../data/partnerships/base_verbs.txt")));
static FIRST_NAMES: LazyLock<Words> =
    LazyLock::new(|| set(include_str!("../../../data/partnerships/first_names.txt")));
static PLACES: LazyLock<Words> =
    LazyLock::new(|| set(include_str!("../../../data/partnerships/places.txt")));

/// Whether `word`, lower-cased (ASCII), is in `list`: no allocation per word.
pub(super) fn lookup(list: &Words, word: &str) -> bool {
    let mut buf = [0u8; 32];
    let w = word.as_bytes();
    if w.len() > buf.len() {
        return false;
    }
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w);
    lower.make_ascii_lowercase();
    list.contains(&*lower)
}

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

/// A word mostly written in lower case ("Private", "Humans" opening a sentence).
pub fn is_common(word: &str) -> bool {
    lookup(&COMMON, word)
}

/// A common word, or one of the further words a larger news text writes in
/// lower case ("Examples", "Recognize"): too wide a list to strip words off
/// a longer name ("Digital Leisure"), not too wide for a one-word name.
pub fn is_lower_case_word(word: &str) -> bool {
    is_common(word) || lookup(&LOWER_CASE, word)
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
        assert!(is_common("Private"));
        assert!(!is_common("Microsoft"));
        assert!(!is_common("Examples") && is_lower_case_word("Examples"));
        assert!(is_lower_case_word("Private") && !is_lower_case_word("Microsoft"));
        assert!(is_first_name("Eric"));
        assert!(is_base_verb("Build") && !is_base_verb("Target"));
        assert!(is_place("Britain"));
        assert!(!is_place("Nokia"));
    }
}
