//! Sentence boundaries inside one paragraph: a `.`, `!` or `?` (optionally
//! followed by closing quotes or brackets) then white space and an upper-case
//! letter, digit or opening quote, unless the period ends a known abbreviation
//! or a single initial.

use std::iter::Peekable;
use std::ops::Range;

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opener(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '«' | '[')
}

/// The word (letters and inner periods) that ends just before byte `end` of `s`.
fn word_before(s: &str, end: usize) -> &str {
    let start = s[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..end]
}

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    let mut chars = w.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true; // an initial: "John F. Kennedy"
        }
    }
    // Lower-cased in place of a string: no abbreviation is longer than six bytes.
    let mut buf = [0u8; 6];
    let Some(lower) = super::ascii_lowercase_in(w, &mut buf) else {
        return false;
    };
    matches!(
        lower,
        b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"prof"
            | b"sen"
            | b"rep"
            | b"gov"
            | b"gen"
            | b"col"
            | b"lt"
            | b"sgt"
            | b"capt"
            | b"st"
            | b"jr"
            | b"sr"
            | b"inc"
            | b"corp"
            | b"co"
            | b"ltd"
            | b"bros"
            | b"no"
            | b"vs"
            | b"etc"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"aug"
            | b"sept"
            | b"sep"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"u.s"
            | b"u.k"
            | b"u.n"
            | b"e.g"
            | b"i.e"
            | b"a.m"
            | b"p.m"
            | b"ft"
            | b"mt"
            | b"ave"
            | b"dept"
            | b"est"
            | b"approx"
            | b"fig"
            | b"rev"
            | b"hon"
    )
}

/// Appends the sentences of `text[para]` to `out`, as absolute byte ranges.
pub fn split_sentences(text: &str, para: Range<usize>, out: &mut Vec<Range<usize>>) {
    let base = para.start;
    let terminators = terminators(&text[para.clone()]).map(|i| base + i);
    split_at_terminators(text, para, &mut terminators.peekable(), out);
}

/// The positions of the `.`, `!`, `?` and `|` of `text`, in order. Most
/// texts hold no `|`: one more scan tells, and they are read as they go.
pub fn terminators(text: &str) -> Terminators<'_> {
    let bytes = text.as_bytes();
    let marks = memchr::memchr3_iter(b'.', b'!', b'?', bytes);
    if memchr::memchr(b'|', bytes).is_none() {
        return Terminators::Marks(marks);
    }
    let mut at: Vec<usize> = marks.chain(memchr::memchr_iter(b'|', bytes)).collect();
    at.sort_unstable();
    Terminators::WithBars(at.into_iter())
}

/// The iterator of [`terminators`].
pub enum Terminators<'t> {
    Marks(memchr::Memchr3<'t>),
    WithBars(std::vec::IntoIter<usize>),
}

impl Iterator for Terminators<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match self {
            Terminators::Marks(m) => m.next(),
            Terminators::WithBars(v) => v.next(),
        }
    }
}

/// `split_sentences` given the positions of the `.`, `!` and `?` of the text
/// in order: those before the paragraph are skipped, those after it left.
/// One pass over a whole text finds them for all its paragraphs at once.
pub fn split_at_terminators(
    text: &str,
    para: Range<usize>,
    terminators: &mut Peekable<impl Iterator<Item = usize>>,
    out: &mut Vec<Range<usize>>,
) {
    let base = para.start;
    let s = &text[para];
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while let Some(at) = terminators.next_if(|&t| t < base + bytes.len()) {
        if at < base + i {
            continue;
        }
        i = at - base;
        let b = bytes[i];
        // A bar between spaces separates the fields of a table row or a
        // menu ("Works with: Android | Display: 7 in."): each is a sentence.
        if b == b'|' {
            if i > 0 && bytes[i - 1] == b' ' && bytes.get(i + 1) == Some(&b' ') {
                push_trimmed(s, base, start, i, out);
                start = i + 1;
            }
            i += 1;
            continue;
        }
        // Extend over repeated terminators and closing quotes/brackets.
        let mut end = i + 1;
        while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?') {
            end += 1;
        }
        let mut rest = s[end..].chars();
        for c in rest.by_ref() {
            if is_closer(c) {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        let after = &s[end..];
        let trimmed = after.trim_start();
        let has_space = trimmed.len() < after.len();
        let next = trimmed.chars().next();
        let boundary = has_space
            && next.is_some_and(is_opener)
            && !(b == b'.' && is_abbreviation(word_before(s, i)));
        if boundary {
            push_trimmed(s, base, start, end, out);
            start = end;
        }
        i = end.max(i + 1);
    }
    push_trimmed(s, base, start, s.len(), out);
}

/// Longest sentence the stages see, in bytes. Real sentences are far
/// shorter; text without punctuation is cut at white space into pieces of at
/// most this size, so that no stage's work grows with the square of a
/// runaway "sentence".
pub const MAX_SENTENCE: usize = 2000;

fn push_trimmed(s: &str, base: usize, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let mut start = start;
    while end - start > MAX_SENTENCE {
        let mut cut = start + MAX_SENTENCE;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        // At the last white space of the window, unless there is none.
        if let Some(i) = s[start..cut].rfind(char::is_whitespace).filter(|&i| i > 0) {
            cut = start + i;
        }
        push_piece(s, base, start, cut, out);
        start = cut;
    }
    push_piece(s, base, start, end, out);
}

fn push_piece(s: &str, base: usize, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let piece = &s[start..end];
    // Most pieces start and end with a visible ASCII character: no trimming to do.
    let bare = |c: &u8| c.is_ascii_graphic();
    let (lead, t) = match (piece.as_bytes().first(), piece.as_bytes().last()) {
        (Some(a), Some(z)) if bare(a) && bare(z) => (0, piece),
        _ => {
            let rest = piece.trim_start();
            (piece.len() - rest.len(), rest.trim_end())
        }
    };
    if !t.is_empty() {
        out.push(base + start + lead..base + start + lead + t.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        split_sentences(s, 0..s.len(), &mut v);
        v.into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn a_bar_between_spaces_separates_fields() {
        assert_eq!(
            sents("Works with: Android, iPhone | Connectivity: Wi-Fi, Thread | Price: $99."),
            [
                "Works with: Android, iPhone",
                "Connectivity: Wi-Fi, Thread",
                "Price: $99."
            ]
        );
        assert_eq!(sents("a|b and c || d."), ["a|b and c || d."]);
    }

    #[test]
    fn splits_on_terminators() {
        assert_eq!(
            sents("Shares rose. Analysts were upbeat! Why? Because."),
            ["Shares rose.", "Analysts were upbeat!", "Why?", "Because."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            sents(
                "Mr. Smith of Acme Inc. met John F. Kennedy in the U.S. on Monday. Then he left."
            ),
            [
                "Mr. Smith of Acme Inc. met John F. Kennedy in the U.S. on Monday.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn closing_quote_stays_with_sentence() {
        assert_eq!(
            sents("“We are pleased.” Jane Doe said so."),
            ["“We are pleased.”", "Jane Doe said so."]
        );
    }

    #[test]
    fn runaway_sentences_are_cut_at_white_space() {
        let long = "word ".repeat(1000) + "é".repeat(3000).as_str();
        let got = sents(&long);
        assert!(got.len() >= 4);
        assert!(got.iter().all(|p| p.len() <= MAX_SENTENCE));
        assert_eq!(got.concat().replace(' ', ""), long.replace(' ', ""));
    }

    #[test]
    fn abbreviations_ignore_case_and_initials_may_be_non_ascii() {
        assert!(is_abbreviation("CORP."));
        assert!(is_abbreviation("Approx."));
        assert!(is_abbreviation("u.s."));
        assert!(!is_abbreviation("approxim."));
        assert!(is_abbreviation("É."));
        assert!(!is_abbreviation("é."));
        assert!(!is_abbreviation("Mister."));
    }

    #[test]
    fn lowercase_after_period_is_not_a_boundary() {
        assert_eq!(
            sents("It fell 3.5 p.c. yesterday."),
            ["It fell 3.5 p.c. yesterday."]
        );
    }
}
