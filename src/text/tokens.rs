//! Word tokens with byte ranges: runs of letters and digits (with inner
//! apostrophes, periods of abbreviations, hyphens and ampersands kept inside),
//! and single punctuation characters.

use std::ops::Range;

/// A token: its byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Byte offsets of the occurrences of `word` in `text` with no letter or
/// digit right before or after ("Acme" is not found inside "Acmera").
pub fn whole_word_matches<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    // A SIMD substring search: several times faster than `str::match_indices`
    // over a whole article, with the same non-overlapping matches.
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).filter(move |&i| {
        !alnum(text[..i].chars().next_back()) && !alnum(text[i + word.len()..].chars().next())
    })
}

/// The [`whole_word_matches`] of `word` outside web addresses: not inside
/// a URL, path, domain or e-mail address ("konecta.com", "/konecta",
/// "info@konecta"), where a name is written in lower case.
pub fn prose_word_matches<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    whole_word_matches(text, word).filter(move |&i| {
        let before = text[..i].bytes().next_back();
        let mut after = text[i + word.len()..].bytes();
        !matches!(before, Some(b'/' | b'.' | b'@'))
            && match after.next() {
                Some(b'/' | b'@') => false,
                Some(b'.') => !after.next().is_some_and(|b| b.is_ascii_alphanumeric()),
                _ => true,
            }
    })
}

/// A pronoun or verb with a contracted auxiliary or "not" ("They've",
/// "You'll", "Don't"): no name ends that way ("O'Neil", "Acme's" do not).
pub fn is_contraction(word: &str) -> bool {
    // Most words hold no apostrophe ("’" opens with the byte E2).
    if !word.bytes().any(|b| b == b'\'' || b == 0xE2) {
        return false;
    }
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let Some(at) = word.rfind(['\'', '’']) else {
        return false;
    };
    let tail = &word[at..];
    let tail = tail.trim_start_matches(['\'', '’']);
    matches!(tail, "ll" | "ve" | "re" | "m" | "d") || tail == "t" && word[..at].ends_with('n')
}

/// Tokens of `text[range]`, as absolute byte ranges of `text`.
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let base = range.start;
    let s = &text[range];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word(c) {
            out.push(Token {
                start: base + i,
                end: base + i + c.len_utf8(),
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if is_word(d) {
                end = j + d.len_utf8();
                it.next();
                continue;
            }
            // Joiners stay inside a word when a letter or digit follows: O'Neil, AT&T, co-op, 3.5, U.S.
            if matches!(d, '\'' | '’' | '&' | '-' | '.') {
                let next = s[j + d.len_utf8()..].chars().next();
                if next.is_some_and(is_word) {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                // A final period of an abbreviation like "U.S." or "Inc." is handled by callers.
            }
            break;
        }
        out.push(Token {
            start: base + i,
            end: base + end,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contractions_are_told_from_names() {
        for w in ["I’ve", "They've", "You'll", "We're", "Don't", "I'm"] {
            assert!(is_contraction(w), "{w}");
        }
        for w in ["O'Neil", "Acme's", "McDonald’s", "Dunkin'", "Land O'Lakes"] {
            assert!(!is_contraction(w), "{w}");
        }
    }

    #[test]
    fn whole_words_only() {
        let found: Vec<usize> = whole_word_matches("Acmera and Acme, acme Acme2", "Acme").collect();
        assert_eq!(found, [11]);
        assert_eq!(whole_word_matches("Zürich Acme", "Acme").next(), Some(8));
        assert_eq!(whole_word_matches("éAcme", "Acme").next(), None);
    }

    fn toks(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, 0..s.len(), &mut v);
        v.iter().map(|t| &s[t.range()]).collect()
    }

    #[test]
    fn keeps_inner_joiners() {
        assert_eq!(
            toks("AT&T's co-op U.S. deal, 3.5%."),
            ["AT&T's", "co-op", "U.S", ".", "deal", ",", "3.5", "%", "."]
        );
    }

    #[test]
    fn curly_quotes_are_separate() {
        assert_eq!(toks("“Yes,” he said"), ["“", "Yes", ",", "”", "he", "said"]);
    }
}
