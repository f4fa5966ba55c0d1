//! Text structure shared by every extraction stage: paragraphs, sentences,
//! tokens (all as byte ranges into one string) and the conversion from byte
//! offsets to the code point offsets written in the output.

pub mod amounts;
pub mod calendar;
pub mod hash;
pub mod lexicon;
mod offsets;
pub mod pattern;
#[cfg(test)]
pub mod random;
mod sentences;
mod tokens;

pub use offsets::CharOffsets;
pub use sentences::{split_at_terminators, split_sentences};
pub use tokens::{is_contraction, prose_word_matches, tokenize, whole_word_matches, Token};

use std::ops::Range;

/// A text with its paragraphs and sentences, computed once and shared by the stages.
pub struct Document<'a> {
    pub text: &'a str,
    /// Byte ranges of the non-empty lines (one block per line).
    pub paragraphs: Vec<Range<usize>>,
    /// Byte ranges of the sentences, in order; no sentence crosses a paragraph.
    pub sentences: Vec<Range<usize>>,
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Self {
        let paragraphs = split_paragraphs(text);
        // Room for sentences of 32 bytes on average, so that the vector seldom grows.
        let mut sentences = Vec::with_capacity(text.len() / 32 + 1);
        let mut terminators = sentences::terminators(text).peekable();
        for p in &paragraphs {
            split_at_terminators(text, p.clone(), &mut terminators, &mut sentences);
        }
        Document {
            text,
            paragraphs,
            sentences,
        }
    }

    /// Index of the sentence that contains byte offset `pos` (or the last one before it).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.start <= pos);
        i.checked_sub(1)
    }
}

/// `word` ASCII-lower-cased into `buf`, for matching a short word against a
/// list of lower-case byte strings without allocating; `None` when the word
/// is longer than `buf` (and so longer than every word of the list).
pub fn ascii_lowercase_in<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let lower = buf.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    Some(lower)
}

/// Byte ranges of the non-blank lines of `text`, trimmed of surrounding white space.
pub fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    // Room for lines of 32 bytes on average (scraped pages have many short ones).
    let mut out = Vec::with_capacity(text.len() / 32 + 1);
    let mut start = 0;
    let line_ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    for end in line_ends {
        let line = &text[start..end];
        let visible = |c: Option<&u8>| c.is_some_and(u8::is_ascii_graphic);
        if visible(line.as_bytes().first()) && visible(line.as_bytes().last()) {
            // Nothing to trim: the common case.
            out.push(start..end);
        } else {
            let rest = line.trim_start();
            let trimmed = rest.trim_end();
            if !trimmed.is_empty() {
                let s = start + (line.len() - rest.len());
                out.push(s..s + trimmed.len());
            }
        }
        start = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_skip_blank_lines_and_trim() {
        let t = "  One.\n\n\tTwo two. \r\nThree";
        let d = Document::new(t);
        let ps: Vec<&str> = d.paragraphs.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(ps, ["One.", "Two two.", "Three"]);
    }

    #[test]
    fn sentence_at_finds_containing_sentence() {
        let t = "First one here. Second one.\nThird.";
        let d = Document::new(t);
        assert_eq!(d.sentences.len(), 3);
        assert_eq!(d.sentence_at(0), Some(0));
        assert_eq!(d.sentence_at(17), Some(1));
        assert_eq!(d.sentence_at(30), Some(2));
    }
}
