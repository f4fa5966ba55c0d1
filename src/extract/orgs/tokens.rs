//! The tagger's tokenizer: splits text the way CoNLL-2003 does where it
//! matters for names, on plain news text as well as on pre-tokenized text.
//! Possessive `'s` is its own token, quotes and brackets are peeled off,
//! and a final period stays on abbreviations ("U.S.", "Inc.", "F.").

use std::ops::Range;

/// Byte range of one token.
pub type Span = Range<usize>;

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '„' | '<'
    )
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | ']' | '}' | '»' | '>' | '…'
    )
}

/// Characters that always stand alone even inside a chunk.
fn is_splitter(c: char) -> bool {
    matches!(c, '—' | '–' | '…' | '|' | '•' | '·')
}

const ABBREVIATIONS: &[&str] = &[
    "inc", "corp", "co", "ltd", "bros", "jr", "sr", "mr", "mrs", "ms", "dr", "st", "no", "vs",
    "gov", "sen", "rep", "gen", "prof", "mt", "ft", "jan", "feb", "mar", "apr", "aug", "sep",
    "sept", "oct", "nov", "dec", "cos", "plc", "ave", "dept", "assn", "intl",
];

/// True when the final period of `word` (which ends with '.') is part of it.
fn keeps_period(word: &str) -> bool {
    let stem = &word[..word.len() - 1];
    if stem.is_empty() {
        return false;
    }
    if stem.contains('.') {
        return stem.chars().all(|c| c.is_alphabetic() || c == '.'); // U.S. S.A. N.V.
    }
    let mut chars = stem.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase(); // an initial
    }
    stem.len() <= 5
        && stem.starts_with(char::is_uppercase)
        && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(stem))
}

fn is_possessive(s: &str) -> bool {
    matches!(s, "'s" | "'S" | "’s" | "’S")
}

/// Appends the tokens of `text[range]` to `out` as absolute byte ranges
/// (inlined: it is called once per sentence, on a few dozen bytes).
#[inline]
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Span>) {
    let base = range.start;
    let s = &text[range];
    // Chunks between ASCII white space, byte by byte; plain words (most
    // chunks) whole, a word with one quote, bracket or mark before or after
    // it split at once, anything else by the general rules.
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if ASCII_CLASS[usize::from(bytes[i])] == SPACE {
            i += 1;
            continue;
        }
        let start = i;
        // Index of the first byte that is not plain, and whether the chunk
        // has a non-ASCII character: none in the run of plain bytes.
        let (mut odd, mut wide) = (usize::MAX, false);
        i = plain_run_end(bytes, i);
        while i < bytes.len() {
            let class = ASCII_CLASS[usize::from(bytes[i])];
            if class == SPACE {
                break;
            }
            if class != PLAIN && odd == usize::MAX {
                odd = i;
            }
            wide |= class == WIDE;
            i += 1;
        }
        let at = base + start;
        let chunk_end = i;
        // The chunk ends at white space (or the end): the next chunk starts after it.
        i += 1;
        if odd == usize::MAX {
            out.push(at..base + chunk_end);
            continue;
        }
        // Sliced only here: a plain chunk needs no character boundary checks.
        let chunk = &s[start..chunk_end];
        if wide {
            // Non-ASCII white space splits it further.
            for piece in chunk.split(char::is_whitespace) {
                if !piece.is_empty() {
                    let from = piece.as_ptr() as usize - chunk.as_ptr() as usize;
                    tokenize_chunk(at + from, piece, out);
                }
            }
        } else if !one_mark_off(at, chunk, odd - start, out) {
            tokenize_chunk(at, chunk, out);
        }
    }
}

/// Splits an ASCII chunk whose only byte that is not plain is `chunk[odd]`
/// when that byte is a quote or bracket before a word, or a closing mark
/// or period after it, as [`tokenize_chunk`] would; false for any other chunk.
fn one_mark_off(at: usize, chunk: &str, odd: usize, out: &mut Vec<Span>) -> bool {
    let b = chunk.as_bytes();
    let n = b.len();
    if odd == 0 && n > 1 && b[1..].iter().all(|&c| ASCII_CLASS[usize::from(c)] == PLAIN) {
        if !is_opener(char::from(b[0])) || is_possessive(chunk) {
            return false;
        }
        out.push(at..at + 1);
        out.push(at + 1..at + n);
        return true;
    }
    if odd + 1 != n || odd == 0 {
        return false;
    }
    let mark = char::from(b[odd]);
    if mark == '.' && keeps_period(chunk) {
        out.push(at..at + n);
    } else if mark == '.' || is_closer(mark) {
        out.push(at..at + odd);
        out.push(at + odd..at + n);
    } else {
        return false;
    }
    true
}

/// The end of the run of [`PLAIN`] bytes at `bytes[i..]`, 16 bytes at a
/// time: most words are one run.
#[inline]
fn plain_run_end(bytes: &[u8], mut i: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    while let Some(block) = bytes.get(i..i + 16) {
        let plain = plain_mask(block.try_into().expect("16 bytes"));
        if plain != 0xFFFF {
            return i + plain.trailing_ones() as usize;
        }
        i += 16;
    }
    while i < bytes.len() && ASCII_CLASS[usize::from(bytes[i])] == PLAIN {
        i += 1;
    }
    i
}

/// Bit `k` set when `block[k]` is [`PLAIN`] (as [`is_plain`]).
#[cfg(target_arch = "x86_64")]
#[inline]
fn plain_mask(block: &[u8; 16]) -> u32 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_sub_epi8, _mm_xor_si128,
    };
    // SAFETY: SSE2 is part of x86-64; the load reads the 16 bytes of `block`.
    unsafe {
        let set = |b: u8| _mm_set1_epi8(b as i8);
        // Unsigned `x < n` as a signed compare of both shifted by 128.
        let below = |x, n: u8| _mm_cmplt_epi8(_mm_xor_si128(x, set(0x80)), set(n ^ 0x80));
        let v = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
        let letter = below(_mm_sub_epi8(_mm_or_si128(v, set(0x20)), set(b'a')), 26);
        let digit = below(_mm_sub_epi8(v, set(b'0')), 10);
        let mark = |b: u8| _mm_cmpeq_epi8(v, set(b));
        let marks = _mm_or_si128(
            _mm_or_si128(mark(b'-'), mark(b'&')),
            _mm_or_si128(mark(b'%'), mark(b'$')),
        );
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), marks)) as u32
    }
}

/// [`ASCII_CLASS`] of white space.
const SPACE: u8 = 1;
/// [`ASCII_CLASS`] of the bytes [`is_plain`] accepts.
const PLAIN: u8 = 2;
/// [`ASCII_CLASS`] of the bytes of non-ASCII characters.
const WIDE: u8 = 3;

/// Each byte's class ([`SPACE`], [`PLAIN`], [`WIDE`] or 0), one look-up per byte.
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if is_ascii_space(b as u8) {
            SPACE
        } else if b >= 0x80 {
            WIDE
        } else if is_plain(b as u8) {
            PLAIN
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The ASCII characters `char::is_whitespace` accepts.
const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// Bytes that neither split a chunk nor come off its ends: a chunk of
/// them only is one token.
const fn is_plain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'&' | b'%' | b'$')
}

/// Appends the tokens of one white-space-free chunk starting at absolute byte `at`.
fn tokenize_chunk(at: usize, chunk: &str, out: &mut Vec<Span>) {
    let mut piece_start = 0;
    let mut prev = '\0';
    let mut it = chunk.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map_or('\0', |&(_, n)| n);
        let slash = c == '/' && prev.is_alphabetic() && next.is_alphabetic();
        prev = c;
        if is_splitter(c) || slash {
            if i > piece_start {
                split_chunk(at + piece_start, &chunk[piece_start..i], out);
            }
            out.push(at + i..at + i + c.len_utf8());
            piece_start = i + c.len_utf8();
        }
    }
    if piece_start < chunk.len() {
        split_chunk(at + piece_start, &chunk[piece_start..], out);
    }
}

/// Splits one white-space-free chunk starting at absolute byte `at`.
fn split_chunk(at: usize, chunk: &str, out: &mut Vec<Span>) {
    if is_possessive(chunk) || chunk == "n't" {
        out.push(at..at + chunk.len());
        return;
    }
    let mut lo = 0;
    let mut hi = chunk.len();
    // Leading quotes and brackets.
    while let Some(c) = chunk[lo..hi].chars().next() {
        if is_opener(c) && hi - lo > c.len_utf8() {
            out.push(at + lo..at + lo + c.len_utf8());
            lo += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation is pushed right to left, then the run is reversed.
    let mark = out.len();
    loop {
        let w = &chunk[lo..hi];
        let Some(c) = w.chars().next_back() else {
            break;
        };
        if w.len() == c.len_utf8() {
            break;
        }
        if is_possessive(&w[w.len() - w.chars().rev().take(2).map(char::len_utf8).sum::<usize>()..])
            && w.chars().count() > 2
        {
            let n = w.chars().rev().take(2).map(char::len_utf8).sum::<usize>();
            out.push(at + hi - n..at + hi);
            hi -= n;
            continue;
        }
        if c == '.' {
            if keeps_period(w) {
                break;
            }
            out.push(at + hi - 1..at + hi);
            hi -= 1;
            continue;
        }
        if is_closer(c) {
            out.push(at + hi - c.len_utf8()..at + hi);
            hi -= c.len_utf8();
            continue;
        }
        break;
    }
    if hi > lo {
        out.push(at + lo..at + hi);
    }
    out[mark..].reverse();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, 0..s.len(), &mut v);
        v.into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn splits_news_text_like_conll() {
        assert_eq!(
            toks("Facebook’s deal with Acme Inc., (the U.S. firm) said “no.”"),
            [
                "Facebook", "’s", "deal", "with", "Acme", "Inc.", ",", "(", "the", "U.S.", "firm",
                ")", "said", "“", "no", ".", "”"
            ]
        );
    }

    #[test]
    fn keeps_pretokenized_text() {
        assert_eq!(
            toks("McDonald 's said S.A. rose 1.5 pct . \" Yes"),
            ["McDonald", "'s", "said", "S.A.", "rose", "1.5", "pct", ".", "\"", "Yes"]
        );
    }

    /// `s` split at white space, each chunk tokenized by the general rules.
    fn by_chunks(s: &str) -> Vec<Span> {
        let mut general = Vec::new();
        for chunk in s.split(char::is_whitespace).filter(|c| !c.is_empty()) {
            tokenize_chunk(
                chunk.as_ptr() as usize - s.as_ptr() as usize,
                chunk,
                &mut general,
            );
        }
        general
    }

    #[test]
    fn ascii_text_splits_like_any_text() {
        let s = "Acme's  (U.S.)\tunit:\x0Bsaid \"no.\" 5% $3 AT&T a/b x-y |z| n't F.";
        let mut ascii = Vec::new();
        tokenize(s, 0..s.len(), &mut ascii);
        let general = by_chunks(s);
        assert_eq!(ascii, general);
        assert_eq!(toks("a\x0Bb\x1Fc"), ["a", "b\x1Fc"]);
    }

    #[test]
    fn quick_splits_match_the_general_rules() {
        let s = "(the \"We 's 'S n't said, U.S. Inc. end. x. a, (a) players' word| a/b \
                 I. Corp. co. 5. 3% -- $5, ;a >b word/ x' 'x ' , . \
                 Acme’s “Hello” a\u{a0}b — x “(Tom ’s”";
        let mut quick = Vec::new();
        tokenize(s, 0..s.len(), &mut quick);
        let general = by_chunks(s);
        assert_eq!(quick, general);
        assert_eq!(toks("(the Inc. a,"), ["(", "the", "Inc.", "a", ","]);
    }

    #[test]
    fn plain_runs_end_at_the_first_other_byte() {
        for b in 0..=255u8 {
            let mut text = [b'a'; 40];
            for at in [0, 5, 15, 16, 17, 31, 39] {
                text[at] = b;
                let end = if is_plain(b) { 40 } else { at };
                assert_eq!(plain_run_end(&text, 0), end, "{b:#x} at {at}");
                text[at] = b'a';
            }
        }
        assert_eq!(plain_run_end(b"Acme-Corp&Co 5% $3", 0), 12);
        assert_eq!(plain_run_end(b"", 0), 0);
    }

    #[test]
    fn dashes_and_slashes_between_words_stand_alone() {
        assert_eq!(
            toks("TCL—Facebook – Mark"),
            ["TCL", "—", "Facebook", "–", "Mark"]
        );
    }
}
