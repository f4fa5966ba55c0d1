//! Word lists learned from the train splits (see `tools/build_partnership_lexicons.py`):
//! common lower-case words, first names of people and places, none of which
//! name a partner when the organization finder missed a name.

use crate::text::hash::FastSet;
use std::sync::LazyLock;

fn set(list: &'static str) -> FastSet<&'static str> {
    list.lines().filter(|l| !l.is_empty()).collect()
}

static COMMON: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| set(include_str!("../../../data/partnerships/common_words.txt")));
static FIRST_NAMES: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| set(include_str!("../../../data/partnerships/first_names.txt")));
static PLACES: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| set(include_str!("../../../data/partnerships/places.txt")));

/// Whether `word`, lower-cased (ASCII), is in `list`: no allocation per word.
pub(super) fn lookup(list: &FastSet<&'static str>, word: &str) -> bool {
    let mut buf = [0u8; 32];
    let w = word.as_bytes();
    if w.len() > buf.len() {
        return false;
    }
    buf[..w.len()].copy_from_slice(w);
    buf[..w.len()].make_ascii_lowercase();
    std::str::from_utf8(&buf[..w.len()]).is_ok_and(|w| list.contains(w))
}

/// A word mostly written in lower case ("Private", "Humans" opening a sentence).
pub fn is_common(word: &str) -> bool {
    lookup(&COMMON, word)
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
    fn lists_are_loaded_case_insensitively() {
        assert!(is_common("Private"));
        assert!(!is_common("Microsoft"));
        assert!(is_first_name("Eric"));
        assert!(is_place("Britain"));
        assert!(!is_place("Nokia"));
    }
}
