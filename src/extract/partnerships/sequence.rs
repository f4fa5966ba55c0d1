//! Capitalized name sequences ("Merit Network", "Bank of America", "eBay",
//! "8pixel"): what `find_iter` of this regex, rewritten as in
//! [`crate::text::pattern`], finds:
//!
//! ```text
//! (?:[A-Z][\w'’.&-]*|[a-z0-9]+[A-Z][\w'’&-]*|[0-9][a-z]{3,}(?-u:\b))
//! (?:(?:\s+(?:&|of|de|du|for|and the|of the)\s+|\s+)
//!    (?:[A-Z][\w'’.&-]*|[a-z0-9]+[A-Z][\w'’&-]*|[0-9]+[A-Za-z]?))*
//! ```
//!
//! A word opens a name with a capital letter, with an inner capital after
//! lower-case letters or digits ("eBay", "3Com"), or as a digit before at
//! least three lower-case letters ending the word; the following words
//! join it after white space, or after a joining word between white space.
//! Written out, the search looks at the capitals and digits of a sentence
//! and the words around them only: the regex's lazy DFA read every byte, at
//! about 4,000 instructions per trigger sentence, after some 6M to build
//! and warm up.

/// The joining words, in the order the regex tries them.
const JOINERS: [&str; 7] = ["&", "of", "de", "du", "for", "and the", "of the"];

/// The capitalized sequences of `text`, as byte ranges, in text order.
pub fn find_iter(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let (start, head_end) = next_head(text, at)?;
        let end = tail_end(text, head_end);
        at = end;
        Some((start, end))
    })
}

/// A word character: `\w` as [`crate::text::pattern`] narrows it (ASCII
/// letters, digits and `_`, Latin, Greek and Cyrillic letters).
fn is_word(c: char) -> bool {
    matches!(c,
        '0'..='9' | 'A'..='Z' | 'a'..='z' | '_' | '\u{AA}' | '\u{B5}' | '\u{BA}'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{24F}'
        | '\u{370}'..='\u{3FF}' | '\u{400}'..='\u{52F}' | '\u{1E00}'..='\u{1EFF}')
}

/// The end of the run of characters from `at` that `keep` accepts.
fn run_end(text: &str, at: usize, keep: impl Fn(char) -> bool) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(text.len(), |(i, _)| at + i)
}

fn is_lower_or_digit(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// The end of the run of lower-case letters and digits from `at`.
fn lower_run_end(bytes: &[u8], at: usize) -> usize {
    at + bytes[at..]
        .iter()
        .take_while(|&&b| is_lower_or_digit(b))
        .count()
}

/// The rest of a capitalized word after its capital: word characters,
/// apostrophes, `&`, `-`, and periods when `dots` (`[\w'’.&-]*`).
fn word_rest(text: &str, at: usize, dots: bool) -> usize {
    let keep = |c: char| is_word(c) || matches!(c, '\'' | '’' | '&' | '-') || dots && c == '.';
    // ASCII byte by byte, without decoding; from another character on, by chars.
    let ascii = text.as_bytes()[at..]
        .iter()
        .take_while(|&&b| b.is_ascii() && keep(char::from(b)))
        .count();
    run_end(text, at + ascii, keep)
}

/// The first ASCII capital or digit at or after `at`, read eight bytes at
/// a time: most of a sentence is lower-case letters and spaces.
fn capital_or_digit(bytes: &[u8], mut at: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `x` (each below 0x80) in `lo..=hi`: no
    // sum carries into the next byte.
    let within = |x: u64, lo: u8, hi: u8| {
        (x + ONES * u64::from(0x80 - lo)) & !(x + ONES * u64::from(0x7f - hi)) & HIGH
    };
    while let Some(chunk) = bytes.get(at..at + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let x = w & !HIGH;
        // A byte of a multi-byte character (high bit set) is neither.
        let found = (within(x, b'A', b'Z') | within(x, b'0', b'9')) & !w;
        if found != 0 {
            return Some(at + found.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    let rest = bytes[at..]
        .iter()
        .position(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    rest.map(|i| at + i)
}

/// The first name word opening at or after `at`: where it starts, where it ends.
fn next_head(text: &str, mut at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    loop {
        // Each opening has a capital or a digit: the next one, in the run of
        // lower-case letters and digits that starts where the word opens.
        let hit = capital_or_digit(bytes, at)?;
        let start = hit
            - bytes[at..hit]
                .iter()
                .rev()
                .take_while(|&&b| is_lower_or_digit(b))
                .count();
        if bytes[hit].is_ascii_uppercase() {
            let dots = start == hit;
            return Some((start, word_rest(text, hit + 1, dots)));
        }
        let run = lower_run_end(bytes, hit);
        if bytes.get(run).is_some_and(u8::is_ascii_uppercase) {
            return Some((start, word_rest(text, run + 1, false)));
        }
        // "8pixel": the run's last digit (`hit` is one), then at least three
        // letters ending the run before a character other than an ASCII
        // word character.
        let last_digit = bytes[hit..run].iter().rposition(u8::is_ascii_digit);
        let digit = hit + last_digit.unwrap_or(0);
        if run - digit > 3 && bytes.get(run) != Some(&b'_') {
            return Some((digit, run));
        }
        at = run;
    }
}

/// A name word following a joint at `at`, as `[A-Z][\w'’.&-]*`,
/// `[a-z0-9]+[A-Z][\w'’&-]*` or `[0-9]+[A-Za-z]?` reads it: where it ends.
fn next_word(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let b = *bytes.get(at)?;
    if b.is_ascii_uppercase() {
        return Some(word_rest(text, at + 1, true));
    }
    if !is_lower_or_digit(b) {
        return None;
    }
    let run = lower_run_end(bytes, at);
    if bytes.get(run).is_some_and(u8::is_ascii_uppercase) {
        return Some(word_rest(text, run + 1, false));
    }
    if !b.is_ascii_digit() {
        return None;
    }
    let digits = at
        + bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
    Some(digits + usize::from(bytes.get(digits).is_some_and(u8::is_ascii_alphabetic)))
}

/// The end of the name whose first word ends at `end`: the words that
/// join it one after the other.
fn tail_end(text: &str, mut end: usize) -> usize {
    loop {
        let word = run_end(text, end, char::is_whitespace);
        if word == end {
            return end;
        }
        let rest = &text.as_bytes()[word..];
        // Most words are no joiner: their first byte tells.
        let joiners = JOINERS
            .iter()
            .filter(|j| rest.first() == j.as_bytes().first() && rest.starts_with(j.as_bytes()));
        let joined = joiners.into_iter().find_map(|j| {
            let after = word + j.len();
            let next = run_end(text, after, char::is_whitespace);
            (next > after).then(|| next_word(text, next)).flatten()
        });
        match joined.or_else(|| next_word(text, word)) {
            Some(next) => end = next,
            None => return end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_and_digits_are_found_as_byte_by_byte() {
        let text = "the deal, signed é in Ω 2004 by acme and Globex AG@[`/:Z9 ünd ḀZ";
        let bytes = text.as_bytes();
        for at in 0..=bytes.len() {
            let expected = bytes[at..]
                .iter()
                .position(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                .map(|i| at + i);
            assert_eq!(capital_or_digit(bytes, at), expected, "{at}");
        }
        let all: Vec<u8> = (0..=255).collect();
        for at in 0..all.len() {
            let expected = all[at..]
                .iter()
                .position(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                .map(|i| at + i);
            assert_eq!(capital_or_digit(&all, at), expected, "{at}");
        }
    }

    const REGEX: &str = r"(?:[A-Z][\w'’.&-]*|[a-z0-9]+[A-Z][\w'’&-]*|[0-9][a-z]{3,}(?-u:\b))(?:(?:\s+(?:&|of|de|du|for|and the|of the)\s+|\s+)(?:[A-Z][\w'’.&-]*|[a-z0-9]+[A-Z][\w'’&-]*|[0-9]+[A-Za-z]?))*";

    /// Texts assembled at random from pieces around what the regex reads.
    fn texts() -> Vec<String> {
        let pieces = [
            "Acme",
            "GLOBEX",
            "Initech",
            "x",
            "abc",
            "eBay",
            "iPhone",
            "3Com",
            "4ever",
            "8pixel",
            "2004",
            "2004s",
            "12ab",
            "1a",
            "9",
            "_",
            "é",
            "É",
            "Ω",
            "ж",
            "Ж",
            "ß",
            "ǿ",
            "ɐ",
            "Ḁ",
            "ỹ",
            "中",
            "€",
            "ª",
            "µ",
            "º",
            "×",
            "÷",
            "Ͱ",
            "Ӱ",
            "Ԯ",
            "԰",
            "’",
            "'",
            ".",
            "&",
            "-",
            ",",
            "(",
            " ",
            "  ",
            "\t",
            "\n",
            "\u{A0}",
            "\u{2009}",
            "\u{3000}",
            "\u{200B}",
            "\u{85}",
            "\u{B}",
            "of",
            "of the",
            "and the",
            "and  the",
            "de",
            "du",
            "for",
            "the",
            "and",
            " of ",
            " & ",
            " de ",
            " and the ",
            " of the ",
            "Bank",
            "America",
            "s",
            "Mc",
            "Do",
            "nald",
        ];
        crate::text::random::texts(&pieces, 30_000, 12, 0x9e37_79b9_7f4a_7c15)
    }

    #[test]
    fn finds_what_the_regex_finds() {
        let re = crate::text::pattern::regex(REGEX).expect("sequence pattern");
        let mut found = 0;
        for t in texts() {
            let expected: Vec<(usize, usize)> =
                re.find_iter(&t).map(|m| (m.start(), m.end())).collect();
            let got: Vec<(usize, usize)> = find_iter(&t).collect();
            assert_eq!(got, expected, "{t:?}");
            found += got.len();
        }
        assert!(found > 10_000, "{found}");
    }

    #[test]
    fn joins_words_into_names() {
        let t = "The deal with Bank of America, eBay and 3Com Labs of the Year in 2004s.";
        let got: Vec<&str> = find_iter(t).map(|(s, e)| &t[s..e]).collect();
        assert_eq!(
            got,
            ["The", "Bank of America", "eBay", "3Com Labs of the Year"]
        );
        let t = "It bought 4ever, not 4ev, from Acme 2004s";
        let got: Vec<&str> = find_iter(t).map(|(s, e)| &t[s..e]).collect();
        assert_eq!(got, ["It", "4ever", "Acme 2004s"]);
    }
}
