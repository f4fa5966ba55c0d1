//! Words written in lower case far more often than capitalized, learned
//! from the train splits (`tools/build_partnership_lexicons.py`): a
//! capitalized one opens a sentence or a labelled value, and names nothing.
//! Shared by the organization finder and the partnership stage.

use crate::text::hash::FastSet;
use std::sync::LazyLock;

/// A word list keyed by bytes: a lower-cased word is looked up as it is,
/// without checking again that it is UTF-8.
pub type Words = FastSet<&'static [u8]>;

/// The words of a list file, one per line.
pub fn set(list: &'static str) -> Words {
    list.lines()
        .filter(|l| !l.is_empty())
        .map(str::as_bytes)
        .collect()
}

static COMMON: LazyLock<Words> =
    LazyLock::new(|| set(include_str!("../../data/partnerships/common_words.txt")));
static LOWER_CASE: LazyLock<Words> =
    LazyLock::new(|| set(include_str!("../../data/partnerships/lower_case_words.txt")));

/// Whether `word`, lower-cased (ASCII), is in `list`: no allocation per word.
pub fn lookup(list: &Words, word: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_loaded_case_insensitively() {
        assert!(is_common("Private"));
        assert!(!is_common("Microsoft"));
        assert!(!is_common("Examples") && is_lower_case_word("Examples"));
        assert!(is_lower_case_word("Private") && !is_lower_case_word("Microsoft"));
    }
}
