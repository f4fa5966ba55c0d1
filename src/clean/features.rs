//! Feature vectors for the line classifier: what a block says about itself
//! (length, stop words, punctuation, title case, link marks, phrase
//! categories), about its neighbours, about its place relative to the
//! densest run of prose, and, for HTML, about its markup.

use super::byte_masks;
use super::phrases::{self, N_CATEGORIES};
use super::repeats::{duplicate_counts, prefix_counts};
use std::sync::LazyLock;

/// Markup facts about a block extracted from HTML.
#[derive(Debug, Default, Clone, Copy)]
pub struct HtmlHints {
    /// Share of the block's characters inside `<a>`.
    pub link_density: f32,
    pub tag: Tag,
    /// An ancestor's class or id names boilerplate ("related", "share", ...).
    pub boiler_attr: bool,
    /// Inside `<article>`, `<main>` or an element marked as the article body.
    pub in_main: bool,
    /// One bit per `ATTR_CATEGORIES` entry an ancestor's class or id names.
    pub attr_bits: u8,
    /// One bit per page chrome element (nav, header, footer, aside, form)
    /// the block is inside.
    pub chrome: u8,
    /// Inside the element whose own paragraphs hold the most prose (the
    /// article container, as readability picks it), or inside its parent.
    pub in_top: bool,
    pub in_top_parent: bool,
    /// Where the block stands to the top container: before its first block
    /// (-1), in it (0) or after its last block (1).
    pub top_side: i8,
    /// Elements between the block and the top container (0 outside it).
    pub depth_in_top: u8,
    /// 1-6 for `<h1>`-`<h6>`, else 0.
    pub heading_level: u8,
    /// Share of the page's characters in the blocks before this one.
    pub text_before: f32,
    /// The block's container (the parent of the element that holds its
    /// text): its link density, blocks and share of prose blocks.
    pub container_link_density: f32,
    pub container_blocks: u16,
    pub container_prose_share: f32,
    /// Blocks of the page on the same path of element names and classes
    /// (template items repeat theirs), their share of prose blocks and of
    /// the page's characters.
    pub path_blocks: u16,
    /// That path's number on the page (0 for the first path met).
    pub path: u32,
    /// The container's number on the page (0 for the first met), for the
    /// stage-2 group columns.
    pub container: u32,
    pub path_prose_share: f32,
    pub path_text_share: f32,
    /// The best readability score among the block's ancestors, over the
    /// top container's (1 inside it).
    pub ancestor_score: f32,
    /// Prose blocks in the container and its share of the page's characters.
    pub container_prose: u16,
    pub container_text_share: f32,
    /// The container's parent: link density and share of prose blocks of
    /// the blocks it holds.
    pub outer_link_density: f32,
    pub outer_prose_share: f32,
    /// The best-scoring element outside the top container and its
    /// ancestors, over the top's score (0 when none scores).
    pub second_score: f32,
    /// The block's candidate (its best-scoring ancestor not above the top
    /// container): how many candidates score higher (0 for the top one; the
    /// number of candidates when it has none), whether it is not the top
    /// one, and the block's share of its characters.
    pub candidate_rank: u16,
    pub in_other_candidate: bool,
    pub candidate_text_share: f32,
}

/// What class or id words of a block's ancestors say it is, one bit each
/// in `HtmlHints::attr_bits`.
pub const ATTR_CATEGORIES: &[&str] = &[
    "comment",
    "related",
    "social",
    "newsletter",
    "author",
    "caption",
    "ads",
];

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Heading,
    Paragraph,
    ListItem,
    Cell,
    Quote,
    #[default]
    Other,
}

/// A line of a dump, or a block of a page with its markup hints.
#[derive(Debug, Clone, Copy)]
pub struct Block<'a> {
    pub text: &'a str,
    pub html: Option<HtmlHints>,
}

impl<'a> Block<'a> {
    /// A line of a text dump: no markup hints.
    pub fn plain(text: &'a str) -> Self {
        Block { text, html: None }
    }
}

/// Common short words of the languages the pages come in; their share
/// separates prose from labels and lists. The phrase dictionary's word
/// table holds them (`phrases::is_stop`).
pub(super) const STOP_WORDS: &[&str] = &[
    // English
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by",
    "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his",
    "how", "i", "if", "in", "into", "is", "it", "its", "just", "more", "most", "my", "no", "not",
    "of", "on", "one", "or", "our", "out", "she", "so", "some", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "to", "up", "us", "was", "we",
    "were", "what", "when", "which", "who", "will", "with", "would", "you", "your",
    // German
    "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "zu", "auf",
    "für", "sich", "auch", "von", "es", "im", // French
    "le", "la", "les", "et", "des", "du", "un", "une", "est", "pour", "que", "qui", "dans", "pas",
    "sur", "au", "avec", // Spanish, Portuguese, Italian
    "el", "los", "las", "y", "que", "en", "por", "con", "para", "una", "se", "lo", "del", "o", "e",
    "da", "do", "os", "em", "uma", "não", "il", "di", "che", "per", "sono", "non", "gli",
    // Dutch
    "het", "een", "van", "niet", "op", "ook", "zijn", // Russian
    "и", "в", "не", "на", "что", "с", "по", "как", "это", "он",
];

/// Counts over one block's words and characters, made in one pass.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LineStats {
    pub words: u32,
    pub chars: u32,
    pub stop: u32,
    pub title: u32,
    pub upper: u32,
    pub digit_words: u32,
    pub sentence_marks: u32,
    pub link_marks: u32,
    pub urls: u32,
    pub cjk: u32,
    pub years: u32,
    pub ends_sentence: bool,
    pub ends_colon: bool,
    pub starts_lower: bool,
    pub starts_quote: bool,
    pub phrases: phrases::PhraseHits,
}

/// The General Punctuation block (curly quotes, dashes, ellipsis, odd
/// spaces), the commonest non-ASCII characters of English text: none is a
/// letter or digit, which the Unicode tables would take a search to say.
#[inline]
fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206f}')
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x9fff | 0xac00..=0xd7af)
}

/// Per byte, for `of_any`: 0 unless a word byte. An ASCII letter or digit counts 1 in
/// the low field, upper-case letters also `1 << 20`, digits `1 << 40`; a
/// non-ASCII byte counts `1 << 60`. Summing a run counts its ASCII bytes,
/// upper-case letters and digits at once (for runs below `1 << 20` bytes).
#[cfg(test)]
static RUN_CLASS: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            1 << 60
        } else if c.is_ascii_uppercase() {
            1 | 1 << 20
        } else if c.is_ascii_digit() {
            1 | 1 << 40
        } else if c.is_ascii_lowercase() {
            1
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The first (up to 8) bytes of the ASCII word `bytes[start..start + len]`,
/// lower-cased and packed little-endian (`phrases::word_key` of short words).
#[inline]
fn packed_lower(bytes: &[u8], start: usize, len: usize) -> u64 {
    let m = len.min(8);
    let n = bytes.len();
    let raw = if start + 8 <= n {
        u64::from_le_bytes(bytes[start..start + 8].try_into().expect("8 bytes"))
    } else if n >= 8 {
        // Near the end of the line: its last eight bytes, the word's first
        // moved down to the low end.
        let last = u64::from_le_bytes(bytes[n - 8..].try_into().expect("8 bytes"));
        last >> (8 * (start + 8 - n))
    } else {
        let mut k = [0u8; 8];
        k[..m].copy_from_slice(&bytes[start..start + m]);
        u64::from_le_bytes(k)
    };
    (raw | 0x2020_2020_2020_2020) & (u64::MAX >> (64 - 8 * m))
}

/// The word being read by `LineStats::mixed_run`: its first 8 lower-cased bytes
/// (enough for a stop word) and what its characters were.
#[derive(Default)]
struct WordState {
    buf: [u8; 8],
    /// Bytes of the lower-cased word; past 8 it cannot be a stop word.
    len: usize,
    in_word: bool,
    first_upper: bool,
    all_digits: bool,
    digits: u32,
}

impl WordState {
    fn start(&mut self, upper: bool) {
        if !self.in_word {
            *self = WordState {
                in_word: true,
                first_upper: upper,
                all_digits: true,
                ..WordState::default()
            };
        }
    }

    /// A run of ASCII letters and digits (`digits` of them digits); its
    /// bytes and upper-case letters are counted by the caller.
    fn ascii_run(&mut self, run: &[u8], digits: u32) {
        self.start(run[0].is_ascii_uppercase());
        self.digits += digits;
        if digits as usize != run.len() {
            self.all_digits = false;
        }
        if self.len < 8 {
            let n = run.len().min(8 - self.len);
            for (d, &b) in self.buf[self.len..self.len + n].iter_mut().zip(run) {
                *d = b.to_ascii_lowercase();
            }
        }
        self.len += run.len();
    }

    fn other(&mut self, s: &mut LineStats, c: char) {
        if is_cjk(c) {
            s.cjk += 1;
        }
        let upper = c.is_uppercase();
        self.start(upper);
        self.all_digits = false;
        if upper {
            s.upper += 1;
        }
        for l in c.to_lowercase() {
            let n = l.len_utf8();
            if self.len + n <= 8 {
                l.encode_utf8(&mut self.buf[self.len..]);
            }
            self.len += n;
        }
    }

    fn end(&mut self, s: &mut LineStats) {
        if !self.in_word {
            return;
        }
        self.in_word = false;
        s.words += 1;
        // The bytes past `len` are still 0: `buf` packs the word.
        if self.len <= 8 && phrases::is_stop(u64::from_le_bytes(self.buf)) {
            s.stop += 1;
        }
        if self.first_upper {
            s.title += 1;
        }
        if self.all_digits {
            s.digit_words += 1;
            if self.digits == 4 && (self.buf[..2] == *b"19" || self.buf[..2] == *b"20") {
                s.years += 1;
            }
        }
    }
}

/// A line being read by `LineStats::of`: its counts so far and its
/// phrase scan.
struct Scan<'a> {
    text: &'a str,
    phrases: phrases::PhraseScan<'a>,
    s: LineStats,
}

impl Scan<'_> {
    /// The word `start..end` (a maximal run of word bytes), with
    /// non-ASCII bytes or not.
    #[inline(always)]
    fn run(&mut self, start: usize, end: usize, mixed: bool) {
        if mixed {
            self.mixed(start, end);
        } else {
            self.word(start, end);
        }
    }

    /// The ASCII word `start..end` (a maximal run of letters and digits),
    /// already counted as a word, and as a title-case one if it is, from
    /// the masks.
    #[inline(always)]
    fn word(&mut self, start: usize, end: usize) {
        let bytes = self.text.as_bytes();
        let s = &mut self.s;
        let len = end - start;
        let packed = packed_lower(bytes, start, len);
        let key = if len <= 8 {
            packed
        } else {
            phrases::long_key(packed, len)
        };
        s.stop += self.phrases.ascii_word(start, end, key) as u32;
        if bytes[start].is_ascii_digit() && bytes[start..end].iter().all(u8::is_ascii_digit) {
            s.digit_words += 1;
            if len == 4 && matches!(&bytes[start..start + 2], b"19" | b"20") {
                s.years += 1;
            }
        }
    }

    /// A run of word bytes `start..end` with non-ASCII characters, read
    /// character by character: the masks counted it as one word (title
    /// case if it opens on an ASCII capital), `mixed_run` counts its words.
    #[inline(never)]
    fn mixed(&mut self, start: usize, end: usize) {
        self.s.words -= 1;
        self.s.title -= self.text.as_bytes()[start].is_ascii_uppercase() as u32;
        let ends_alnum = self.s.mixed_run(&self.text[start..end]);
        self.phrases.other_word(start);
        // The masks count a sentence mark after any word byte; after a run
        // that ends on a symbol ("”.") there is none.
        let after = self.text.as_bytes().get(end);
        if !ends_alnum && matches!(after, Some(b'.' | b'!' | b'?')) {
            self.s.sentence_marks -= 1;
        }
    }

    /// The sentence marks at the bits of `marks`, in order (block offset `at`).
    #[inline(always)]
    fn sentence_marks(&mut self, mut marks: u64, at: usize) {
        let bytes = self.text.as_bytes();
        while marks != 0 {
            let i = at + marks.trailing_zeros() as usize;
            marks &= marks - 1;
            self.phrases.separator(i);
            // "www." (the byte before was alphanumeric).
            if bytes[i] == b'.' && i >= 3 && bytes[i - 3..i] == *b"www" {
                self.s.urls += 1;
            }
        }
    }
}

impl LineStats {
    /// The counts of one line and its phrase hits, in one pass over the
    /// byte masks of its 64-byte blocks: marks are counted a block at a
    /// time, words walked from the bits where they start and end.
    pub fn of(text: &str) -> LineStats {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2")
            && std::arch::is_x86_feature_detected!("bmi1")
            && std::arch::is_x86_feature_detected!("popcnt")
        {
            // SAFETY: the CPU has AVX2, BMI1 and POPCNT, checked just above.
            return unsafe { Self::of_avx2(text) };
        }
        Self::of_masks(text, byte_masks::block)
    }

    /// `of` compiled for AVX2, its byte masks 32 bytes at a time (and its
    /// bit counts and scans one instruction each).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,bmi1,popcnt")]
    fn of_avx2(text: &str) -> LineStats {
        // The closure inherits this function's target features.
        Self::of_masks(text, |b, at| byte_masks::block_avx2(b, at))
    }

    /// `of` with `block` giving the byte masks of 64 bytes. Words are the
    /// runs of word bytes; one with non-ASCII bytes goes to `mixed_run`.
    /// Words in a block of ASCII bytes, the common case, are read without
    /// looking for them.
    #[inline(always)]
    fn of_masks(text: &str, block: impl Fn(&[u8], usize) -> byte_masks::Masks) -> LineStats {
        let bytes = text.as_bytes();
        let n = bytes.len();
        // The non-ASCII bytes seen.
        let mut non_ascii = 0u64;
        let mut w = Scan {
            text,
            phrases: phrases::PhraseScan::new(bytes),
            // Characters: the bytes less the UTF-8 continuation bytes.
            s: LineStats {
                chars: n as u32,
                ..LineStats::default()
            },
        };
        // The start of a word that runs on past the block being read, and
        // whether its bytes in the blocks before hold a non-ASCII one.
        let (mut open, mut open_mixed) = (0, false);
        // 1 when the byte before the block is a word byte.
        let mut word_before = 0u64;
        let mut at = 0;
        while at < n {
            let m = block(bytes, at);
            let word = m.word;
            let after_word = word << 1 | word_before;
            w.s.upper += m.upper.count_ones();
            w.s.link_marks += m.link.count_ones();
            w.s.sentence_marks += (m.sentence & after_word).count_ones();
            w.s.chars -= m.continuation.count_ones();
            non_ascii |= m.non_ascii;
            // Whether a word ending in this block may hold a non-ASCII byte.
            let mixed_block = open_mixed || m.non_ascii != 0;
            let mut colons = m.colon;
            while colons != 0 {
                let i = at + colons.trailing_zeros() as usize;
                colons &= colons - 1;
                if bytes.get(i + 1..i + 4).is_some_and(|r| r[..2] == *b"//") {
                    w.s.urls += 1;
                }
            }
            let mut starts = word & !after_word;
            // Each run of word bytes is a word, title case when it opens
            // on a capital (`mixed` corrects runs with non-ASCII bytes).
            w.s.words += starts.count_ones();
            w.s.title += (starts & m.upper).count_ones();
            // The byte after each word's last (bytes past the line are no word bytes).
            let mut ends = !word & after_word;
            let mut marks = m.sentence;
            // The first bit of the open word in this block.
            let mut from = 0;
            // The phrase scan sees words and sentence marks in line order.
            while ends != 0 {
                let end = ends.trailing_zeros() as usize;
                ends &= ends - 1;
                if starts != 0 && (starts.trailing_zeros() as usize) < end {
                    from = starts.trailing_zeros() as usize;
                    starts &= starts - 1;
                    let before = (1u64 << from) - 1;
                    w.sentence_marks(marks & before, at);
                    marks &= !before;
                    (open, open_mixed) = (at + from, false);
                }
                let mixed =
                    mixed_block && (open_mixed || (m.non_ascii & ((1u64 << end) - 1)) >> from != 0);
                w.run(open, at + end, mixed);
            }
            w.sentence_marks(marks, at);
            if starts != 0 {
                from = starts.trailing_zeros() as usize;
                (open, open_mixed) = (at + from, false);
            }
            if word >> 63 != 0 {
                open_mixed |= m.non_ascii >> from != 0;
            }
            word_before = word >> 63;
            at += 64;
        }
        // A word that ends the line at the end of a block.
        if word_before != 0 {
            w.run(open, n, open_mixed);
        }
        let Scan { phrases, mut s, .. } = w;
        s.phrases = phrases.finish();
        if non_ascii == 0 {
            s.read_ascii_ends(bytes);
        } else {
            s.read_ends(text);
        }
        s
    }

    /// `read_ends` of an ASCII line.
    fn read_ascii_ends(&mut self, bytes: &[u8]) {
        let last = bytes
            .iter()
            .rposition(|b| !matches!(b, b'"' | b'\'' | b')' | b' '))
            .map(|i| bytes[i]);
        self.ends_sentence = matches!(last, Some(b'.' | b'!' | b'?'));
        self.ends_colon = last == Some(b':');
        self.starts_lower = bytes.first().is_some_and(u8::is_ascii_lowercase);
        self.starts_quote = matches!(bytes.first(), Some(b'"' | b'\''));
    }

    /// The line's first and last characters: sentence end, colon, lower
    /// case or quote opening.
    fn read_ends(&mut self, text: &str) {
        let last = text
            .trim_end_matches(['"', '”', '’', '\'', ')', '»', ' '])
            .chars()
            .next_back();
        self.ends_sentence = matches!(last, Some('.' | '!' | '?' | '。' | '！' | '？' | '…'));
        self.ends_colon = matches!(last, Some(':'));
        let first = text.chars().next();
        self.starts_lower = first.is_some_and(char::is_lowercase);
        self.starts_quote = matches!(first, Some('"' | '“' | '‘' | '\'' | '«' | '„'));
    }

    /// `of` read byte by byte, the reference the tests hold `of` to: runs
    /// of word bytes (ASCII letters and digits, non-ASCII bytes) between the
    /// other bytes. An ASCII run is one word, counted from a table sum (of
    /// lines below 2^20 bytes); a run with non-ASCII characters is decoded.
    #[cfg(test)]
    fn of_any(text: &str) -> LineStats {
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut s = LineStats::default();
        let mut phrases = phrases::PhraseScan::new(bytes);
        let mut prev_alnum = false;
        let mut i = 0;
        while i < n {
            let b = bytes[i];
            if RUN_CLASS[b as usize] == 0 {
                s.chars += 1;
                phrases.separator(i);
                i += 1;
                match b {
                    b'.' | b'!' | b'?' => {
                        s.sentence_marks += prev_alnum as u32;
                        // "www." (the byte before was alphanumeric).
                        if b == b'.' && i >= 4 && bytes[i - 4..i - 1] == *b"www" {
                            s.urls += 1;
                        }
                    }
                    b'|' | b'>' | b'/' | b'#' | b'@' => s.link_marks += 1,
                    b':' if bytes.get(i..i + 3).is_some_and(|r| r[..2] == *b"//") => s.urls += 1,
                    _ => {}
                }
                prev_alnum = false;
                continue;
            }
            let (start, mut acc) = (i, 0u64);
            while let Some(&c) = bytes.get(i).map(|&b| &RUN_CLASS[b as usize]) {
                if c == 0 {
                    break;
                }
                acc = acc.wrapping_add(c);
                i += 1;
            }
            let len = i - start;
            if len < 1 << 20 && (acc & 0xf_ffff) as usize == len {
                let word = &bytes[start..i];
                s.ascii_word(word, acc, packed_lower(bytes, start, len));
                phrases.ascii_word(start, i, phrases::word_key(word));
                prev_alnum = true;
            } else {
                let run = &text[start..i];
                s.chars += run.chars().count() as u32;
                s.upper += run.bytes().filter(u8::is_ascii_uppercase).count() as u32;
                prev_alnum = s.mixed_run(run);
                if run.is_ascii() {
                    phrases.ascii_word(start, i, phrases::word_key(run.as_bytes()));
                } else {
                    phrases.other_word(start);
                }
            }
        }
        s.phrases = phrases.finish();
        s.read_ends(text);
        s
    }

    /// One word of ASCII letters and digits, `acc` its `RUN_CLASS` sum and
    /// `packed` its first bytes lower-cased.
    #[cfg(test)]
    fn ascii_word(&mut self, word: &[u8], acc: u64, packed: u64) {
        let len = word.len();
        let digits = (acc >> 40 & 0xf_ffff) as usize;
        self.chars += len as u32;
        self.upper += (acc >> 20 & 0xf_ffff) as u32;
        self.words += 1;
        self.title += word[0].is_ascii_uppercase() as u32;
        if len <= 8 && phrases::is_stop(packed) {
            self.stop += 1;
        }
        if digits == len {
            self.digit_words += 1;
            if len == 4 && matches!(&word[..2], b"19" | b"20") {
                self.years += 1;
            }
        }
    }

    /// A run of word bytes with non-ASCII characters (or a very long one),
    /// character by character: its words, the marks among them, non-ASCII
    /// upper-case letters; whether it ends on a letter or digit. Its
    /// characters and ASCII upper-case letters are counted by the caller.
    fn mixed_run(&mut self, run: &str) -> bool {
        let bytes = run.as_bytes();
        let mut w = WordState::default();
        let mut prev_alnum = false;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] < 0x80 {
                let start = i;
                while i < bytes.len() && bytes[i] < 0x80 {
                    i += 1;
                }
                let ascii = &bytes[start..i];
                w.ascii_run(
                    ascii,
                    ascii.iter().filter(|b| b.is_ascii_digit()).count() as u32,
                );
                prev_alnum = true;
                continue;
            }
            let c = run[i..].chars().next().expect("char boundary");
            i += c.len_utf8();
            if !is_general_punctuation(c) && c.is_alphanumeric() {
                w.other(self, c);
                prev_alnum = true;
                continue;
            }
            w.end(self);
            match c {
                '。' | '！' | '？' if prev_alnum => self.sentence_marks += 1,
                '»' | '›' | '«' | '‹' | '•' | '·' | '→' => self.link_marks += 1,
                _ => {}
            }
            prev_alnum = false;
        }
        w.end(self);
        prev_alnum
    }

    /// Words counted so CJK runs (no spaces) weigh like prose.
    pub fn eff_words(&self) -> f32 {
        (self.words as f32).max(self.cjk as f32 / 2.0)
    }

    fn stop_ratio(&self) -> f32 {
        self.stop as f32 / self.words.max(1) as f32
    }

    /// Looks like a sentence of running text.
    pub fn proseish(&self) -> bool {
        let w = self.eff_words();
        w >= 8.0
            && (self.stop_ratio() >= 0.15 || self.cjk > 10)
            && (self.sentence_marks > 0 || self.ends_sentence)
    }
}

/// Names of the stage-1 features, in vector order (checked against the
/// weight file so code and data cannot drift apart).
pub static FEATURE_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut n: Vec<String> = [
        "bias",
        "log_words",
        "w1",
        "w2",
        "w3_4",
        "w5_8",
        "w9_15",
        "w16_30",
        "w31_",
        "log_chars",
        "stop_ratio",
        "stop_ratio_long",
        "title_ratio",
        "upper_ratio",
        "digit_ratio",
        "marks_per_word",
        "log_marks",
        "ends_sentence",
        "ends_colon",
        "link_marks",
        "log_link_marks",
        "url",
        "starts_lower",
        "starts_quote",
        "year",
        "dup",
        "log_dup",
        "cjk_share",
        "proseish",
        "byline",
        "name_is",
        "after_intro",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for c in phrases::CATEGORIES {
        n.push(format!("hit_{c}"));
        n.push(format!("cover_{c}"));
        n.push(format!("short_hit_{c}"));
    }
    for off in ["p2", "p1", "n1", "n2"] {
        for f in ["log_words", "ends_sentence", "stop_ratio", "proseish"] {
            n.push(format!("{off}_{f}"));
        }
    }
    for c in [
        "newsletter",
        "related",
        "comments",
        "author",
        "ads",
        "social",
        "legal",
    ] {
        n.push(format!("p1_hit_{c}"));
    }
    for f in [
        "in_region",
        "log_before_region",
        "log_after_region",
        "log_lines",
        "prose_share",
        "log_since_prose",
        "log_until_prose",
    ] {
        n.push(f.to_string());
    }
    for f in [
        "in_region_b",
        "log_before_region_b",
        "log_after_region_b",
        "log_comments_above",
        "log_comments_below",
        "log_related_above",
        "log_related_below",
        "log_newsletter_above",
        "log_newsletter_below",
        "rel_pos",
        "log_run_nonprose",
        "log_run_prose",
        "win_dateish",
        "win_nameish",
        "log_prefix_dup",
        "words_vs_median",
        "words_vs_prose",
        "log_shape_run",
        "log_shape_near",
        "log_templated_near",
        "prose_share_near",
        "log_heads_above",
        "log_heads_below",
        "log_thread_prose",
        "log_end_cues_above",
        "prose_share_above",
    ] {
        n.push(f.to_string());
    }
    for f in [
        "html_link_density",
        "html_link_heavy",
        "html_heading",
        "html_paragraph",
        "html_list",
        "html_cell",
        "html_quote",
        "html_boiler_attr",
        "html_in_main",
        "html_page_has_main",
        "html_in_top",
        "html_in_top_parent",
    ] {
        n.push(f.to_string());
    }
    for c in ATTR_CATEGORIES {
        n.push(format!("html_attr_{c}"));
    }
    for c in ["nav", "header", "footer", "aside", "form"] {
        n.push(format!("html_in_{c}"));
    }
    for f in [
        "html_top_side",
        "html_depth_in_top",
        "html_heading_level",
        "html_text_before",
        "html_container_link_density",
        "html_log_container_blocks",
        "html_container_prose_share",
        "html_log_path_blocks",
        "html_path_prose_share",
        "html_path_text_share",
        "html_ancestor_score",
        "html_log_container_prose",
        "html_container_text_share",
        "html_outer_link_density",
        "html_outer_prose_share",
        "html_second_score",
        "html_log_candidate_rank",
        "html_in_other_candidate",
        "html_candidate_text_share",
    ] {
        n.push(f.to_string());
    }
    n
});

/// A short line that heads a section of page furniture ("59 Comments",
/// "Related Posts", "Sign up for our newsletter"), or a longer heading that
/// opens with such a phrase ("59 Comments on “The Title of the Post”").
/// In a sentence the phrase must open it: "Leave a comment below." is a
/// marker, "Google declined to comment on the report." is not.
pub(super) fn marker(s: &LineStats, category: usize) -> bool {
    let lead = s.phrases.lead & 1 << category != 0;
    s.phrases.hits[category] > 0
        && (lead || !s.ends_sentence)
        && (s.words <= 8 || (s.words <= 20 && lead && !s.ends_sentence))
}

/// Verbs that follow a person's name at the start of a bio ("Jane Roe is
/// a reporter", "Jo Ames has covered energy since 2019").
const BIO_VERBS: &[&str] = &[
    "is", "was", "has", "joined", "covers", "writes", "leads", "holds",
];

/// The line opens with one to three capitalized words, then a `BIO_VERBS`
/// verb: how a bio, or a sentence about a person or a firm, begins.
fn opens_with_name_is(text: &str) -> bool {
    let b = text.as_bytes();
    let mut start = 0;
    for k in 0..4 {
        // The word from `start` runs to a space. Verbs are lower case and a
        // capitalized word is lower case after its first letter: a word with
        // any other byte past its first is neither, and the scan stops there.
        let Some(&first) = b.get(start) else {
            return false;
        };
        let end = b[start + 1..]
            .iter()
            .position(|c| !c.is_ascii_lowercase())
            .map_or(b.len(), |p| start + 1 + p);
        if end < b.len() && b[end] != b' ' {
            return false;
        }
        if first.is_ascii_lowercase() {
            return k > 0 && BIO_VERBS.iter().any(|v| v.as_bytes() == &b[start..end]);
        }
        // Capitalized: an upper-case letter, then lower-case ones.
        if !first.is_ascii_uppercase() || end - start < 2 || end == b.len() {
            return false;
        }
        start = end + 1;
    }
    false
}

/// A short line that is mostly a date or time (comment and teaser stamps).
pub(super) fn dateish(s: &LineStats) -> bool {
    s.words <= 8 && (s.years > 0 || s.phrases.hits[TIME] > 0) && !s.proseish()
}

/// A short line with a share, author, comments, related or newsletter
/// phrase: what follows an article's last paragraph.
pub(super) fn end_cue(s: &LineStats) -> bool {
    s.eff_words() <= 8.0
        && [SOCIAL, AUTHOR, COMMENTS, RELATED, NEWSLETTER]
            .iter()
            .any(|&c| s.phrases.hits[c] > 0)
}

/// One to four capitalized words: a name (commenter, author, reviewer).
pub(super) fn nameish(s: &LineStats) -> bool {
    (1..=4).contains(&s.words) && s.title == s.words && s.digit_words == 0 && s.chars <= 40
}

pub(super) const COMMENTS: usize = 6;
const RELATED: usize = 5;
const NEWSLETTER: usize = 2;
const TIME: usize = 10;
const SOCIAL: usize = 1;
const AUTHOR: usize = 7;

fn bucket(w: f32) -> [f32; 7] {
    let mut b = [0.0; 7];
    let i = match w as u32 {
        0 | 1 => 0,
        2 => 1,
        3..=4 => 2,
        5..=8 => 3,
        9..=15 => 4,
        16..=30 => 5,
        _ => 6,
    };
    b[i] = 1.0;
    b
}

/// The densest run of prose: the span maximizing a score that rewards
/// prose lines by their length and charges every other line.
pub fn prose_region(stats: &[LineStats]) -> Option<(usize, usize)> {
    let mut run = DensestRun::default();
    for (i, s) in stats.iter().enumerate() {
        run.push(i, prose_gain(s, s.proseish()));
    }
    run.best_span
}

/// What a line adds to a run of prose: its length if it reads as prose
/// (`prose`, its `proseish`), a small charge otherwise.
fn prose_gain(s: &LineStats, prose: bool) -> f32 {
    if prose {
        s.eff_words().min(60.0) / 10.0
    } else {
        -1.0
    }
}

/// The span of lines maximizing the summed gain (Kadane's scan), fed one
/// line at a time.
#[derive(Default)]
struct DensestRun {
    best: f32,
    best_span: Option<(usize, usize)>,
    run: f32,
    start: usize,
}

impl DensestRun {
    fn push(&mut self, i: usize, gain: f32) {
        if self.run <= 0.0 {
            self.run = 0.0;
            self.start = i;
        }
        self.run += gain;
        if self.run > self.best {
            self.best = self.run;
            self.best_span = Some((self.start, i));
        }
    }
}

/// The section markers counted above and below each line.
const SECTIONS: [usize; 3] = [COMMENTS, RELATED, NEWSLETTER];

/// What the row of a line reads of the page around it.
#[derive(Clone, Copy)]
struct Place {
    glance: Glance,
    prose: bool,
    /// Which `SECTIONS` markers the line is.
    marks: [bool; 3],
    /// `SECTIONS` markers above and below the line.
    above: [u32; 3],
    below: [u32; 3],
    /// Lines since the last prose line and until the next one, capped at 50.
    since_prose: u32,
    until_prose: u32,
    /// Length of the run of lines of the line's kind (prose or not) it is in.
    run: u32,
    /// Date-like and name-like lines before the line.
    dates_before: u32,
    names_before: u32,
    /// Comment headers (a name line, then a date line) that end before the line.
    heads_before: u32,
    /// Short end-of-article cue lines (share, author, comments, related,
    /// newsletter) after the first prose line and before the line.
    cues_before: u32,
    /// Words of the prose lines before the line.
    prose_words_before: f32,
}

/// The places of a page's lines and the page-wide facts found on the way,
/// from one pass forward and one back.
struct PageContext {
    places: Vec<Place>,
    /// The densest run of prose, plain and with section markers as walls
    /// (a comment thread after the article does not join it).
    region: Option<(usize, usize)>,
    walled: Option<(usize, usize)>,
    prose_lines: u32,
    dates: u32,
    names: u32,
    /// Comment headers on the page.
    heads: u32,
    /// The first comment header's name line, with the prose lines above it.
    first_head: Option<(usize, u32)>,
    /// Words of the page's prose lines.
    prose_words: f32,
}

impl PageContext {
    fn of(stats: &[LineStats]) -> PageContext {
        let lnh = &*LN_HALVES;
        let n = stats.len();
        let mut places: Vec<Place> = Vec::with_capacity(n);
        let (mut region, mut walled) = (DensestRun::default(), DensestRun::default());
        let mut above = [0u32; 3];
        let (mut prose_lines, mut dates, mut names, mut heads) = (0, 0, 0, 0);
        let (mut cues, mut first_head, mut prose_words) = (0u32, None, 0f32);
        let mut after_name = false;
        let (mut last_prose, mut run_start) = (None, 0);
        for (i, s) in stats.iter().enumerate() {
            let prose = s.proseish();
            let gain = prose_gain(s, prose);
            let marks = SECTIONS.map(|c| marker(s, c));
            region.push(i, gain);
            walled.push(i, if marks.contains(&true) { -30.0 } else { gain });
            if i > 0 && places[i - 1].prose != prose {
                run_start = i;
            }
            if prose {
                last_prose = Some(i);
            }
            places.push(Place {
                glance: Glance {
                    log_words: ln_one_plus(lnh, s.eff_words()),
                    ends_sentence: s.ends_sentence as u8 as f32,
                    stop_ratio: s.stop_ratio(),
                    prose: prose as u8 as f32,
                },
                prose,
                marks,
                above,
                below: [0; 3],
                since_prose: last_prose.map_or(50, |l| ((i - l) as u32).min(50)),
                until_prose: 50,
                // The run's first line until the pass back.
                run: run_start as u32,
                dates_before: dates,
                names_before: names,
                heads_before: heads,
                cues_before: cues,
                prose_words_before: prose_words,
            });
            if prose {
                prose_words += s.eff_words();
            }
            cues += (last_prose.is_some() && end_cue(s)) as u32;
            for (a, m) in above.iter_mut().zip(marks) {
                *a += m as u32;
            }
            prose_lines += prose as u32;
            let (date, name) = (dateish(s), nameish(s));
            dates += date as u32;
            names += name as u32;
            if after_name && date && first_head.is_none() {
                // Name and date lines are never prose: the count is the lines above.
                first_head = Some((i - 1, prose_lines));
            }
            heads += (after_name && date) as u32;
            after_name = name;
        }
        let (mut below, mut next_prose, mut run_end) = ([0u32; 3], None, n);
        for i in (0..n).rev() {
            if i + 1 < n && places[i + 1].prose != places[i].prose {
                run_end = i + 1;
            }
            let p = &mut places[i];
            if p.prose {
                next_prose = Some(i);
            }
            p.below = below;
            p.until_prose = next_prose.map_or(50, |l| ((l - i) as u32).min(50));
            p.run = (run_end - p.run as usize) as u32;
            for (b, m) in below.iter_mut().zip(p.marks) {
                *b += m as u32;
            }
        }
        PageContext {
            places,
            region: region.best_span,
            walled: walled.best_span,
            prose_lines,
            dates,
            names,
            heads,
            first_head,
            prose_words,
        }
    }

    /// Comment headers ending before line `i`, and starting after it: a
    /// comment thread's lines have several above, an article's at most its
    /// byline.
    fn heads_around(&self, i: usize) -> (u32, u32) {
        let through = |k: usize| self.places.get(k).map_or(self.heads, |p| p.heads_before);
        (through(i), self.heads - through(i + 2))
    }

    /// Date-like and name-like lines within five lines of line `i`.
    fn near(&self, i: usize) -> (u32, u32) {
        let before = |k: usize| match self.places.get(k) {
            Some(p) => (p.dates_before, p.names_before),
            None => (self.dates, self.names),
        };
        let (from, to) = (before(i.saturating_sub(5)), before(i + 6));
        (to.0 - from.0, to.1 - from.1)
    }
}

/// The end-of-article columns of line `i`: the log of the prose lines
/// above the page's first comment header for the lines from it on (a
/// thread under a long article is not the article; comments under a few
/// lines of text may be the page), the log of the end cues above, and the
/// share of the page's prose words above the line (0 for every line above
/// the article, so the furniture there is not told apart by it).
fn end_of_article(page: &PageContext, place: &Place, i: usize) -> [f32; 3] {
    let lnc = &*LN_COUNTS;
    let thread = match page.first_head {
        Some((h, prose)) if i >= h => ln_1p(lnc, prose),
        _ => 0.0,
    };
    [
        thread,
        ln_1p(lnc, place.cues_before),
        place.prose_words_before / page.prose_words.max(1.0),
    ]
}

/// Lines within this distance of a line are near it, for the shape,
/// templated-line and prose counts.
const NEAR: usize = 6;

/// A line's shape: its length band and how it opens and ends, so the
/// items of a list or the rows of a table mostly share one.
fn shape(s: &LineStats) -> u32 {
    let band = match s.eff_words() as u32 {
        0..=2 => 0,
        3..=8 => 1,
        9..=15 => 2,
        16..=30 => 3,
        _ => 4,
    };
    let bits = [
        s.ends_sentence,
        s.ends_colon,
        s.starts_lower,
        s.link_marks > 0,
        s.urls > 0,
        s.years > 0,
        s.digit_words * 4 >= s.words.max(1),
        s.title * 5 >= s.words.max(1) * 3,
    ];
    bits.iter().fold(band, |k, &b| k * 2 + b as u32)
}

/// Page-wide counts for the per-page features: how long a line is against
/// the page's lines and its prose, how many lines near it share its shape,
/// and how many near it are templated (repeated text or opening) or prose.
struct Shapes {
    median_words: f32,
    prose_words: f32,
    /// Length of the run of consecutive lines of the line's shape.
    run: Vec<u32>,
    /// Other lines of the line's shape within `NEAR` lines.
    near: Vec<u32>,
    /// Templated and prose lines before each line (prefix sums, `n + 1`).
    templated: Vec<u32>,
    prose: Vec<u32>,
}

impl Shapes {
    fn of(stats: &[LineStats], places: &[Place], dups: &[u32], prefix_dups: &[u32]) -> Shapes {
        let n = stats.len();
        // Log word counts are never negative, so their bits sort as they do.
        let mut words: Vec<u32> = places
            .iter()
            .map(|p| p.glance.log_words.to_bits())
            .collect();
        let median_words = if n > 0 {
            f32::from_bits(*words.select_nth_unstable(n / 2).1)
        } else {
            0.0
        };
        let (mut prose_sum, mut prose_n) = (0f32, 0u32);
        for p in places.iter().filter(|p| p.prose) {
            prose_sum += p.glance.log_words;
            prose_n += 1;
        }
        let prose_words = if prose_n > 0 {
            prose_sum / prose_n as f32
        } else {
            median_words
        };
        let shapes: Vec<u32> = stats.iter().map(shape).collect();
        let mut run = vec![1u32; n];
        for i in 1..n {
            if shapes[i] == shapes[i - 1] {
                run[i] = run[i - 1] + 1;
            }
        }
        for i in (0..n.saturating_sub(1)).rev() {
            if shapes[i] == shapes[i + 1] {
                run[i] = run[i + 1];
            }
        }
        // Lines `d` apart, a distance at a time, in loops the compiler
        // vectorizes (not a window scan per line).
        let mut near = vec![0u32; n];
        for d in 1..=NEAR.min(n.saturating_sub(1)) {
            let (later, earlier) = (&shapes[d..], &shapes[..n - d]);
            for (c, (a, b)) in near[d..].iter_mut().zip(later.iter().zip(earlier)) {
                *c += (a == b) as u32;
            }
            for (c, (a, b)) in near[..n - d].iter_mut().zip(later.iter().zip(earlier)) {
                *c += (a == b) as u32;
            }
        }
        Shapes {
            median_words,
            prose_words,
            run,
            near,
            templated: prefix_sums(n, |i| dups[i] > 1 || prefix_dups[i] > 0),
            prose: prefix_sums(n, |i| places[i].prose),
        }
    }
}

/// How many of `0..i` hold `f`, for each `i` of `0..=n`.
fn prefix_sums(n: usize, f: impl Fn(usize) -> bool) -> Vec<u32> {
    let mut v = Vec::with_capacity(n + 1);
    let mut sum = 0u32;
    v.push(sum);
    for i in 0..n {
        sum += f(i) as u32;
        v.push(sum);
    }
    v
}

/// The counts of every block of a page.
pub fn page_stats(blocks: &[Block]) -> Vec<LineStats> {
    blocks.iter().map(|b| LineStats::of(b.text)).collect()
}

/// `ln(1 + x)` for the counts and half counts the features take it of,
/// from a table (the same values, computed once).
#[inline]
fn ln_one_plus(table: &[f32; LN_SLOTS], x: f32) -> f32 {
    let k = x * 2.0;
    if (0.0..LN_SLOTS as f32).contains(&k) && (k as u32) as f32 == k {
        table[k as usize]
    } else {
        (1.0 + x).ln()
    }
}

const LN_SLOTS: usize = 4096;

/// `ln(1 + k / 2)` for `k` below `LN_SLOTS`.
static LN_HALVES: LazyLock<[f32; LN_SLOTS]> =
    LazyLock::new(|| std::array::from_fn(|k| (1.0 + k as f32 / 2.0).ln()));

/// `ln_one_plus` of a count: the same value, without the float checks.
#[inline]
fn ln_one_plus_count(table: &[f32; LN_SLOTS], n: u32) -> f32 {
    match table.get(2 * n as usize) {
        Some(&v) => v,
        None => ln_one_plus(table, n as f32),
    }
}

/// `ln(1 + k)` for `k` below `LN_SLOTS`.
static LN_COUNTS: LazyLock<[f32; LN_SLOTS]> =
    LazyLock::new(|| std::array::from_fn(|k| (k as f32).ln_1p()));

/// `ln_1p` of a count, from a table.
#[inline]
fn ln_1p(table: &[f32; LN_SLOTS], n: u32) -> f32 {
    match table.get(n as usize) {
        Some(&v) => v,
        None => (n as f32).ln_1p(),
    }
}

/// Width of a stage-1 feature row (`FEATURE_NAMES.len()`).
pub const DIM: usize = 176;

/// Where the HTML features start in a row: 0 for a line of a text dump.
const HTML_FROM: usize = DIM - 43;

/// Width of the buffer a row is built in: a tree node's feature index
/// (below 256) needs no bounds check in it.
pub const ROW_BUFFER: usize = 256;

/// Rows built and scored together.
pub const LANES: usize = 8;

/// `LANES` feature rows side by side, feature-major: `x[feature][lane]`,
/// so a tree node compares one feature of every row with one load.
pub type RowBlock = [[f32; LANES]; ROW_BUFFER];

thread_local! {
    /// A block kept per thread between pages: its features past `DIM` stay
    /// 0, and so do its HTML features between pages; the rest are written
    /// row by row, so no page clears 8 KiB.
    static SPARE_ROWS: std::cell::Cell<Option<Box<RowBlock>>> = const { std::cell::Cell::new(None) };
}

/// Feature rows being filled, each in `FEATURE_NAMES` order, one per lane.
struct Rows {
    v: Box<RowBlock>,
    k: usize,
    lane: usize,
}

impl Rows {
    #[inline]
    fn put(&mut self, x: f32) {
        self.v[self.k % ROW_BUFFER][self.lane % LANES] = x;
        self.k += 1;
    }

    #[inline]
    fn flag(&mut self, b: bool) {
        self.put(b as u8 as f32);
    }
}

/// What the neighbour features read of a line, computed once per line.
#[derive(Clone, Copy)]
struct Glance {
    log_words: f32,
    ends_sentence: f32,
    stop_ratio: f32,
    prose: f32,
}

/// Stage-1 feature vectors for the blocks of one page (with their
/// `page_stats`): one row of `FEATURE_NAMES.len()` values per block, flat.
pub fn page_features(blocks: &[Block], stats: &[LineStats]) -> Vec<f32> {
    let mut f = Vec::with_capacity(blocks.len() * DIM);
    for_each_block(blocks, stats, |x, rows| {
        for lane in 0..rows {
            f.extend(x[..DIM].iter().map(|col| col[lane]));
        }
    });
    f
}

/// Calls `visit` with the stage-1 feature vectors of the blocks of a page,
/// `LANES` blocks at a time (the last call may fill fewer lanes: `visit`
/// gets how many), in the first `DIM` features of a `RowBlock` (the rest
/// are 0), so a page needs no table of rows.
pub fn for_each_block(
    blocks: &[Block],
    stats: &[LineStats],
    mut visit: impl FnMut(&RowBlock, usize),
) {
    let lnh = &*LN_HALVES;
    let lnc = &*LN_COUNTS;
    let page = PageContext::of(stats);
    let places = &page.places;
    let dups = duplicate_counts(blocks);
    let prefix_dups = prefix_counts(blocks, |i| places[i].prose);
    let shapes = Shapes::of(stats, places, &dups, &prefix_dups);
    let n = blocks.len();
    let prose_share = page.prose_lines as f32 / n.max(1) as f32;
    let page_has_main = blocks.iter().any(|b| b.html.is_some_and(|h| h.in_main));
    // Page-wide values and the region features, which are 0 off the page's regions.
    let log_lines = ln_1p(lnc, n as u32);
    let region_features = |span: Option<(usize, usize)>, i: usize| match span {
        Some((a, b)) => [
            (a <= i && i <= b) as u8 as f32,
            if i < a {
                ln_1p(lnc, (a - i) as u32)
            } else {
                0.0
            },
            if i > b {
                ln_1p(lnc, (i - b) as u32)
            } else {
                0.0
            },
        ],
        None => [0.0; 3],
    };
    let mut r = Rows {
        v: SPARE_ROWS
            .take()
            .unwrap_or_else(|| Box::new([[0.0; LANES]; ROW_BUFFER])),
        k: 0,
        lane: 0,
    };
    // Whether a row of this page has written the HTML features.
    let mut html_written = false;
    // Whether the last line of five words or more ended with a colon (it
    // introduces the list below it).
    let mut intro_before = false;
    for (i, s) in stats.iter().enumerate() {
        r.k = 0;
        r.lane = i % LANES;
        let w = s.eff_words();
        let words = s.words.max(1) as f32;
        let long = w >= 5.0;
        let place = &places[i];
        let g = place.glance;
        r.put(1.0);
        r.put(g.log_words);
        for b in bucket(w) {
            r.put(b);
        }
        r.put(ln_one_plus_count(lnh, s.chars));
        r.put(g.stop_ratio);
        r.put(if long { g.stop_ratio } else { 0.0 });
        r.put(s.title as f32 / words);
        r.put((s.upper as f32 / s.chars.max(1) as f32).min(1.0));
        r.put(s.digit_words as f32 / words);
        r.put((s.sentence_marks as f32 / words).min(1.0));
        r.put(ln_one_plus_count(lnh, s.sentence_marks));
        r.flag(s.ends_sentence);
        r.flag(s.ends_colon);
        r.flag(s.link_marks > 0);
        r.put(ln_one_plus_count(lnh, s.link_marks));
        r.flag(s.urls > 0);
        r.flag(s.starts_lower);
        r.flag(s.starts_quote);
        r.flag(s.years > 0);
        let dup = dups[i];
        r.flag(dup > 1);
        r.put(ln_one_plus_count(lnh, dup - 1));
        r.put(s.cjk as f32 / s.chars.max(1) as f32);
        r.flag(place.prose);
        r.flag(w <= 8.0 && blocks[i].text.starts_with("By "));
        r.flag(opens_with_name_is(blocks[i].text));
        r.flag(!place.prose && intro_before);
        if w >= 5.0 {
            intro_before = s.ends_colon;
        }
        if s.phrases.hits == [0; N_CATEGORIES] {
            // Most lines hold no phrase: their phrase columns are 0.
            for _ in 0..3 * N_CATEGORIES {
                r.put(0.0);
            }
        } else {
            let bytes = blocks[i].text.len().max(1) as f32;
            for c in 0..N_CATEGORIES {
                let hit = s.phrases.hits[c] > 0;
                r.flag(hit);
                r.put((s.phrases.covered[c] as f32 / bytes).min(1.0));
                r.flag(hit && w <= 6.0);
            }
        }
        // A missing neighbour (page start or end) mirrors the line itself,
        // so a page that starts with its article is not judged by its edge.
        for off in [-2isize, -1, 1, 2] {
            let j = i as isize + off;
            let t = if j < 0 || j >= n as isize {
                g
            } else {
                places[j as usize].glance
            };
            r.put(t.log_words);
            r.put(t.ends_sentence);
            r.put(t.stop_ratio);
            r.put(t.prose);
        }
        for c in [2usize, 5, 6, 7, 4, 1, 3] {
            r.flag(i > 0 && stats[i - 1].phrases.hits[c] > 0 && stats[i - 1].eff_words() <= 8.0);
        }
        for v in region_features(page.region, i) {
            r.put(v);
        }
        r.put(log_lines);
        r.put(prose_share);
        r.put(ln_1p(lnc, place.since_prose));
        r.put(ln_1p(lnc, place.until_prose));
        for v in region_features(page.walled, i) {
            r.put(v);
        }
        for (&above, &below) in place.above.iter().zip(&place.below) {
            r.put(ln_1p(lnc, above));
            r.put(ln_1p(lnc, below));
        }
        r.put(i as f32 / n as f32);
        let run = ln_1p(lnc, place.run);
        r.put(if place.prose { 0.0 } else { run });
        r.put(if place.prose { run } else { 0.0 });
        let (dates, names) = page.near(i);
        r.put(ln_1p(lnc, dates));
        r.put(ln_1p(lnc, names));
        r.put(ln_1p(lnc, prefix_dups[i]));
        r.put(g.log_words - shapes.median_words);
        r.put(g.log_words - shapes.prose_words);
        r.put(ln_1p(lnc, shapes.run[i]));
        r.put(ln_1p(lnc, shapes.near[i]));
        let (from, to) = (i.saturating_sub(NEAR), (i + NEAR + 1).min(n));
        r.put(ln_1p(lnc, shapes.templated[to] - shapes.templated[from]));
        r.put((shapes.prose[to] - shapes.prose[from]) as f32 / (to - from) as f32);
        let (heads_above, heads_below) = page.heads_around(i);
        r.put(ln_1p(lnc, heads_above));
        r.put(ln_1p(lnc, heads_below));
        // The end-of-article columns are for text dumps: on HTML blocks
        // they (with a prose-below share, since dropped) lowered the
        // cross-validated score (0.9451 -> 0.9437, seed 0), so they stay 0
        // there and the HTML trees never split on them.
        let end = if blocks[i].html.is_some() {
            [0.0; 3]
        } else {
            end_of_article(&page, place, i)
        };
        for v in end {
            r.put(v);
        }
        debug_assert_eq!(r.k, HTML_FROM);
        match blocks[i].html {
            // The HTML columns are still 0 on a page no HTML row has written.
            None if !html_written => {}
            None => {
                for col in &mut r.v[HTML_FROM..DIM] {
                    col[r.lane] = 0.0;
                }
            }
            Some(h) => {
                html_written = true;
                r.put(h.link_density);
                r.flag(h.link_density > 0.5);
                for t in [
                    Tag::Heading,
                    Tag::Paragraph,
                    Tag::ListItem,
                    Tag::Cell,
                    Tag::Quote,
                ] {
                    r.flag(h.tag == t);
                }
                r.flag(h.boiler_attr);
                r.flag(h.in_main);
                r.flag(page_has_main);
                r.flag(h.in_top);
                r.flag(h.in_top_parent);
                for b in 0..ATTR_CATEGORIES.len() {
                    r.put((h.attr_bits >> b & 1) as f32);
                }
                for b in 0..5 {
                    r.put((h.chrome >> b & 1) as f32);
                }
                r.put(h.top_side as f32);
                r.put(h.depth_in_top as f32);
                r.put(h.heading_level as f32);
                r.put(h.text_before);
                r.put(h.container_link_density);
                r.put(ln_1p(lnc, h.container_blocks as u32));
                r.put(h.container_prose_share);
                r.put(ln_1p(lnc, h.path_blocks as u32));
                r.put(h.path_prose_share);
                r.put(h.path_text_share);
                r.put(h.ancestor_score);
                r.put(ln_1p(lnc, h.container_prose as u32));
                r.put(h.container_text_share);
                r.put(h.outer_link_density);
                r.put(h.outer_prose_share);
                r.put(h.second_score);
                r.put(ln_1p(lnc, h.candidate_rank as u32));
                r.flag(h.in_other_candidate);
                r.put(h.candidate_text_share);
                debug_assert_eq!(r.k, DIM);
            }
        }
        if r.lane == LANES - 1 || i + 1 == n {
            visit(&r.v, r.lane + 1);
        }
    }
    // The spare block goes back with its HTML columns 0, as it came.
    if html_written {
        r.v[HTML_FROM..DIM].fill([0.0; LANES]);
    }
    SPARE_ROWS.set(Some(r.v));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_punctuation_holds_no_letters_or_digits() {
        for c in '\u{2000}'..='\u{206f}' {
            assert!(is_general_punctuation(c) && !c.is_alphanumeric(), "{c:?}");
        }
        assert!(!is_general_punctuation('\u{2070}') && !is_general_punctuation('\u{1fff}'));
    }

    #[test]
    fn counts_words_stop_words_and_marks() {
        let s = LineStats::of("The plant, in Ohio, will open in 2025. It employs 500 people.");
        assert_eq!(s.words, 12);
        assert_eq!(s.stop, 5); // the, in, will, in, it
        assert_eq!(s.years, 1);
        assert_eq!(s.digit_words, 2);
        assert_eq!(s.sentence_marks, 2);
        assert!(s.ends_sentence && s.proseish());
        let s = LineStats::of("Home | News » World");
        assert_eq!(s.link_marks, 2);
        assert!(!s.proseish());
    }

    #[test]
    fn one_pass_finds_the_phrases_a_separate_scan_finds() {
        for line in [
            "Follow us on Twitter. Read more: Sign up for our newsletter!",
            "Leave a comment \u{2014} don\u{2019}t miss the café menu, © 2024 Acme",
            "Subscribe now! Related Posts by Jane Doe | Privacy Policy",
            "Homeowners read the menus at www.example.com or https://example.com",
            "",
        ] {
            let s = LineStats::of(line);
            assert_eq!(s.phrases, phrases::scan(line), "{line}");
        }
    }

    #[test]
    fn lines_count_the_same_as_read_byte_by_byte() {
        // Pieces that exercise every branch: phrases, stop words, years,
        // digit runs, URLs, sentence and link marks, long words; the
        // non-ASCII ones (from `NON_ASCII` on) letters, CJK, marks and
        // symbols inside and around words.
        const NON_ASCII: usize = 55;
        let pieces = [
            "Follow",
            "us",
            "on",
            "Twitter",
            "Read",
            "more",
            "Leave",
            "a",
            "comment",
            "Sign up",
            "the",
            "THE",
            "And",
            "2024",
            "1999",
            "20",
            "123456789",
            "www",
            ".",
            "!",
            "?",
            ":",
            "//",
            "|",
            ">",
            "@",
            "#",
            "/",
            "\"",
            "'",
            ")",
            "(",
            ",",
            "-",
            " ",
            " ",
            "  ",
            "\t",
            "Privacy",
            "Policy",
            "Related",
            "Posts",
            "by",
            "Jane",
            "Doe",
            "Subscribe",
            "now",
            "extraordinarily",
            "x9",
            "A1b2",
            "Comments",
            "minutes",
            "ago",
            "e.g.",
            "...",
            "é",
            "Über",
            "naïve",
            "don\u{2019}t",
            "\u{201c}",
            "\u{201d}",
            "»",
            "•",
            "\u{a0}",
            "日本語",
            "。",
            "！",
            "ß",
            "İ",
            "Ωmega",
            "\u{2014}",
            "\u{2026}",
            "½",
            "Ⅻ",
            "café.",
        ];
        assert_eq!(pieces[NON_ASCII], "é");
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        // Lines of up to 24 pieces, and some of hundreds (words across
        // 64-byte blocks).
        // Every other line is ASCII.
        for round in 0..40_000 {
            let k = next() % if round % 10 < 2 { 300 } else { 24 };
            let choices = if round % 2 == 0 {
                NON_ASCII
            } else {
                pieces.len()
            };
            let line: String = (0..k)
                .map(|_| {
                    let r = next();
                    if r % 7 == 0 {
                        char::from(b' ' + (r >> 8) as u8 % 95).to_string()
                    } else {
                        pieces[(r >> 8) as usize % choices].to_string()
                    }
                })
                .collect();
            let want = LineStats::of_any(&line);
            assert_eq!(LineStats::of(&line), want, "{line:?}");
            assert_eq!(
                LineStats::of_masks(&line, byte_masks::block),
                want,
                "{line:?}"
            );
        }
    }

    #[test]
    fn stop_words_outside_english_count() {
        let s =
            LineStats::of("Die Firma hat für das Werk eine neue Halle gebaut und nicht verkauft.");
        assert!(s.stop >= 5, "{s:?}");
        assert!(s.proseish());
    }

    #[test]
    fn category_indices_match_the_dictionary() {
        assert_eq!(phrases::CATEGORIES[COMMENTS], "comments");
        assert_eq!(phrases::CATEGORIES[RELATED], "related");
        assert_eq!(phrases::CATEGORIES[NEWSLETTER], "newsletter");
        assert_eq!(phrases::CATEGORIES[TIME], "time");
        assert_eq!(phrases::CATEGORIES[SOCIAL], "social");
        assert_eq!(phrases::CATEGORIES[AUTHOR], "author");
        assert_eq!(phrases::FURNITURE, TIME);
    }

    #[test]
    fn comment_thread_is_walled_off_from_the_article() {
        let article = "The council voted on Monday to build a new bridge over the river, which will open in 2027.";
        let comment =
            "I think this is a great idea and it should have been done years ago, honestly.";
        let lines = [
            article,
            article,
            article,
            "12 Comments",
            "Jane Doe",
            comment,
            "Tom Roe",
            comment,
        ];
        let stats: Vec<LineStats> = lines.iter().map(|l| LineStats::of(l)).collect();
        let page = PageContext::of(&stats);
        assert_eq!(page.walled, Some((0, 2)));
        assert_eq!(page.region, Some((0, 7)));
        assert_eq!(prose_region(&stats), page.region);
        let field = |f: fn(&Place) -> u32| page.places.iter().map(f).collect::<Vec<u32>>();
        assert_eq!(field(|p| p.run), [3, 3, 3, 2, 2, 1, 1, 1]);
        assert_eq!(field(|p| p.above[0]), [0, 0, 0, 0, 1, 1, 1, 1]);
        assert_eq!(field(|p| p.below[0]), [1, 1, 1, 0, 0, 0, 0, 0]);
        assert_eq!(field(|p| p.since_prose), [0, 0, 0, 1, 2, 0, 1, 0]);
        assert_eq!(field(|p| p.until_prose), [0, 0, 0, 2, 1, 0, 1, 0]);
        // "Jane Doe" and "Tom Roe" are name-like, five lines either way.
        assert_eq!(page.near(0), (0, 1));
        assert_eq!(page.near(4), (0, 2));
        assert_eq!(page.prose_lines, 5);
    }

    #[test]
    fn bios_open_with_a_name_and_a_verb() {
        assert!(opens_with_name_is(
            "Mara Quill is a senior editor at Fennick Media, where she covers batteries."
        ));
        assert!(opens_with_name_is(
            "Tobin has covered the rail industry since 2019."
        ));
        assert!(!opens_with_name_is(
            "Is this the end of the road for diesel?"
        ));
        assert!(!opens_with_name_is(
            "The plant is expected to open in 2027."
        ));
        assert!(!opens_with_name_is("Mara Quill"));
        assert!(opens_with_name_is("Quill Media Group joined"));
        for line in [
            "Mara quill is",
            "Mara Quill-Rae is",
            "Mara  is",
            "Mara Quill ",
            "M is",
            "",
        ] {
            assert!(!opens_with_name_is(line), "{line:?}");
        }
    }

    #[test]
    fn person_and_role_words_describe_a_line() {
        let cat = |name: &str| phrases::CATEGORIES.iter().position(|c| *c == name).unwrap();
        let s = LineStats::of("She is the editor of our weekly digest, and you'll love it.");
        for c in ["first_person", "second_person", "third_person", "role"] {
            assert!(s.phrases.hits[cat(c)] > 0, "{c}");
        }
        assert!(cat("first_person") >= phrases::FURNITURE);
    }

    /// The value of feature `name` in the rows of `lines`.
    fn column(lines: &[&str], name: &str) -> Vec<f32> {
        let blocks: Vec<Block> = lines.iter().map(|t| Block::plain(t)).collect();
        let f = FEATURE_NAMES.iter().position(|n| n == name).unwrap();
        let rows = page_features(&blocks, &page_stats(&blocks));
        rows.chunks_exact(DIM).map(|r| r[f]).collect()
    }

    #[test]
    fn a_list_after_a_colon_is_introduced() {
        let lines = [
            "The company said it would sell three products at the new store:",
            "Battery cells",
            "Charging cables",
            "The plant will employ about 800 people when it opens, the company said.",
            "Wall chargers",
        ];
        assert_eq!(column(&lines, "after_intro"), [0.0, 1.0, 1.0, 0.0, 0.0]);
    }

    #[test]
    fn list_items_share_a_shape_run() {
        let lines = [
            "The company said on Monday that it would open a new plant in Ohio next year.",
            "Battery cells",
            "Charging cables",
            "Wall chargers",
            "The plant will employ about 800 people when it opens, the company said.",
        ];
        let stats: Vec<LineStats> = lines.iter().map(|l| LineStats::of(l)).collect();
        let page = PageContext::of(&stats);
        let zeros = [0u32; 5];
        let shapes = Shapes::of(&stats, &page.places, &[1; 5], &zeros);
        assert_eq!(shapes.run, [1, 3, 3, 3, 1]);
        assert_eq!(shapes.near, [0, 2, 2, 2, 0]);
        assert_eq!(shapes.prose, [0, 1, 1, 1, 1, 2]);
        assert_eq!(shapes.templated, [0; 6]);
    }

    #[test]
    fn long_comment_heading_is_a_marker_and_templated_lines_are_counted() {
        let s = LineStats::of(
            "14 Comments on \u{201c}Notes From the Harbour, Part Three: A Long Winter\u{201d}",
        );
        assert!(marker(&s, COMMENTS));
        let s = LineStats::of(
            "We read all the comments on the post, and most of them were kind to the author.",
        );
        assert!(!marker(&s, COMMENTS));
        assert!(!marker(
            &LineStats::of("Google declined to comment on the report."),
            COMMENTS
        ));
        assert!(marker(&LineStats::of("Leave a comment below."), COMMENTS));
        let blocks: Vec<Block> = [
            "Click to share on Facebook",
            "Click to share on Reddit",
            "Menu",
            "Click here",
            "The company said on Monday that its sales had risen by a tenth.",
            "The company said that it would also open two new plants next year.",
        ]
        .iter()
        .map(|t| Block::plain(t))
        .collect();
        let prose: Vec<bool> = blocks
            .iter()
            .map(|b| LineStats::of(b.text).proseish())
            .collect();
        assert_eq!(prefix_counts(&blocks, |i| prose[i]), [1, 1, 0, 0, 0, 0]);
    }

    #[test]
    fn one_row_per_block_of_the_declared_width() {
        let blocks: Vec<Block> = [
            "Menu",
            "A real sentence about the plant in Ohio, which opens soon.",
            "Menu",
        ]
        .iter()
        .map(|t| Block::plain(t))
        .collect();
        assert_eq!(FEATURE_NAMES.len(), DIM);
        let flat = page_features(&blocks, &page_stats(&blocks));
        let rows: Vec<&[f32]> = flat.chunks(FEATURE_NAMES.len()).collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(flat.len(), 3 * FEATURE_NAMES.len());
        let dup = FEATURE_NAMES.iter().position(|n| n == "dup").unwrap();
        assert_eq!(rows[0][dup], 1.0);
        assert_eq!(rows[1][dup], 0.0);
    }

    #[test]
    fn comment_headers_are_counted_above_and_below() {
        let blocks: Vec<Block> = [
            "Harbour Lane Bakery opened its second shop on Friday, the owners said in a note.",
            "Priya Okafor",
            "April 2, 2024, 8:15 pm",
            "Lovely news, we will visit the new shop with the children this weekend.",
            "Tom Brandt",
            "April 3, 2024, 7:02 am",
            "The rye loaf there is the best in town and I hope they keep it.",
        ]
        .iter()
        .map(|t| Block::plain(t))
        .collect();
        let flat = page_features(&blocks, &page_stats(&blocks));
        let rows: Vec<&[f32]> = flat.chunks(DIM).collect();
        let col = |n: &str| FEATURE_NAMES.iter().position(|f| f == n).unwrap();
        let (above, below) = (col("log_heads_above"), col("log_heads_below"));
        let counts = |r: &[f32]| {
            (
                (r[above].exp() - 1.0).round(),
                (r[below].exp() - 1.0).round(),
            )
        };
        assert_eq!(counts(rows[0]), (0.0, 2.0));
        assert_eq!(counts(rows[1]), (0.0, 1.0));
        assert_eq!(counts(rows[3]), (1.0, 1.0));
        assert_eq!(counts(rows[6]), (2.0, 0.0));
    }

    #[test]
    fn thread_end_cue_and_prose_above_columns() {
        let prose = "Harbour Lane Bakery opened its second shop on Friday, and the owners said more will follow.";
        let blocks: Vec<Block> = [
            prose,
            prose,
            "Share this story",
            "Priya Okafor",
            "April 2, 2024, 8:15 pm",
            "Lovely news, we will visit the new shop with the children this weekend, I think.",
        ]
        .iter()
        .map(|t| Block::plain(t))
        .collect();
        let flat = page_features(&blocks, &page_stats(&blocks));
        let rows: Vec<&[f32]> = flat.chunks(DIM).collect();
        let col = |n: &str| {
            let k = FEATURE_NAMES.iter().position(|f| f == n).unwrap();
            rows.iter().map(|r| r[k]).collect::<Vec<f32>>()
        };
        // The thread starts at the name line, under two prose lines.
        let thread = col("log_thread_prose")
            .iter()
            .map(|v| (v.exp() - 1.0).round())
            .collect::<Vec<f32>>();
        assert_eq!(thread, [0.0, 0.0, 0.0, 2.0, 2.0, 2.0]);
        let cues = col("log_end_cues_above")
            .iter()
            .map(|v| (v.exp() - 1.0).round())
            .collect::<Vec<f32>>();
        assert_eq!(cues, [0.0, 0.0, 0.0, 1.0, 1.0, 1.0]);
        // The first line has no prose above it, the comment two of the
        // three prose lines' words (16 + 16 of 47).
        let above = col("prose_share_above");
        assert_eq!(above[0], 0.0);
        assert!((above[5] - 32.0 / 47.0).abs() < 1e-6, "{above:?}");
    }

    #[test]
    fn text_rows_after_html_rows_have_no_html_features() {
        assert_eq!(FEATURE_NAMES[HTML_FROM], "html_link_density");
        let hints = HtmlHints {
            link_density: 0.9,
            tag: Tag::Heading,
            boiler_attr: true,
            in_main: true,
            attr_bits: 0x7f,
            chrome: 0x1f,
            in_top: true,
            in_top_parent: true,
            ..HtmlHints::default()
        };
        let texts = ["Menu", "Acme opens a plant.", "Share this", "Contact"];
        let page = |html: &dyn Fn(usize) -> Option<HtmlHints>| {
            let blocks: Vec<Block> = (0..texts.len() * 3)
                .map(|i| Block {
                    text: texts[i % texts.len()],
                    html: html(i),
                })
                .collect();
            page_features(&blocks, &page_stats(&blocks))
        };
        // An HTML page, a page mixing rows with and without hints, then a
        // text page on the same thread's spare block.
        let html = page(&|_| Some(hints));
        assert!(html
            .chunks(DIM)
            .all(|r| r[HTML_FROM..].iter().any(|&v| v != 0.0)));
        let mixed = page(&|i| (i % 2 == 0).then_some(hints));
        for (i, row) in mixed.chunks(DIM).enumerate() {
            assert_eq!(
                row[HTML_FROM..].iter().all(|&v| v == 0.0),
                i % 2 == 1,
                "row {i}"
            );
        }
        let text = page(&|_| None);
        assert!(text
            .chunks(DIM)
            .all(|r| r[HTML_FROM..].iter().all(|&v| v == 0.0)));
    }
}
