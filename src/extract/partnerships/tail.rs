//! Tests on the words that end a text (the text before a name), written out
//! instead of one-line regexes anchored at the end: each such regex took
//! 0.5 to 3M instructions to compile (`(?i)` multiplies the literals) and a
//! few hundred per call, for what a look at the last bytes settles.
//! They read text exactly as the regexes did: `(?i)` by simple case folding
//! (the Kelvin sign is also a "k", the long s an "s"), `(?-u:\b)` between an
//! ASCII word character and anything else, `\s` as Unicode White_Space.

/// A character as `(?i)` compares it with a lower-case ASCII letter.
fn fold(c: char) -> char {
    match c {
        '\u{212A}' => 'k',
        '\u{17F}' => 's',
        c => c.to_ascii_lowercase(),
    }
}

/// A word character of `(?-u:\b)`.
fn is_ascii_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Where `text` ends with `word` (lower-case ASCII, spaces read literally),
/// compared as `(?i)` does, with a word boundary before it: the byte offset
/// of the match.
fn word_at_end(text: &str, word: &str) -> Option<usize> {
    let mut chars = text.char_indices().rev();
    let mut start = text.len();
    let mut first = None;
    for w in word.chars().rev() {
        let (i, c) = chars.next()?;
        if fold(c) != w {
            return None;
        }
        start = i;
        first = Some(c);
    }
    let before = chars.next().map(|(_, c)| c);
    let boundary = before.is_some_and(is_ascii_word) != first.is_some_and(is_ascii_word);
    boundary.then_some(start)
}

/// `text` ends with one of `words` as `(?i)(?-u:\b)(?:w1|w2|...)$` reads it:
/// the byte offset of the first that matches.
pub fn folded_word_at_end(text: &str, words: &[&str]) -> Option<usize> {
    words.iter().find_map(|w| word_at_end(text, w))
}

/// `text` without its trailing white space, when it has some (`\s+$`).
pub fn before_spaces(text: &str) -> Option<&str> {
    let trimmed = text.trim_end();
    (trimmed.len() < text.len()).then_some(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_at_the_end_read_as_the_regex_crate() {
        let words = ["the", "its", "under the name"];
        let re =
            crate::text::pattern::regex(r"(?i)(?-u:\b)(?:the|its|under the name)$").expect("re");
        for text in [
            "the",
            "sold THE",
            "bathe",
            "é the",
            "éthe",
            "_the",
            "itſ",
            "xitſ",
            "under the name",
            "Under The Name",
            "under  the name",
            "he",
            "",
            "the ",
        ] {
            assert_eq!(
                folded_word_at_end(text, &words).is_some(),
                re.is_match(text),
                "{text:?}"
            );
        }
        assert_eq!(before_spaces("the \u{a0}"), Some("the"));
        assert_eq!(before_spaces("the"), None);
    }
}
