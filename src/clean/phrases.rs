//! The boilerplate phrase dictionary (`data/clean/phrases.tsv`), each
//! phrase tagged with the category (navigation, social, newsletter, ...) it
//! votes for, matched word by word: a hash of each word's letters finds the
//! phrases that start with it, so a line costs one pass over its bytes. The
//! same lookup tells the stop words (`features::STOP_WORDS`).

use std::sync::LazyLock;

/// Phrase categories, in feature order.
pub const CATEGORIES: &[&str] = &[
    "nav",
    "social",
    "newsletter",
    "legal",
    "ads",
    "related",
    "comments",
    "author",
    "caption",
    "paywall",
    "time",
    "first_person",
    "second_person",
    "third_person",
    "role",
];
pub const N_CATEGORIES: usize = CATEGORIES.len();

/// The categories before this one name page furniture; "time" and the
/// person and role words after it only describe a line.
pub const FURNITURE: usize = 10;

struct Dictionary {
    /// Lower-cased phrases that start with a letter or digit, longest first
    /// within each run sharing a first word.
    phrases: Vec<(&'static str, u8)>,
    /// Per phrase, its first (up to) eight bytes packed little-endian and
    /// the mask of them: most candidates fail on one compare.
    heads: Vec<(u64, u64)>,
    /// The words that start a phrase or are stop words, by `word_key`
    /// (open addressing; `EMPTY` marks a free slot), and what each is:
    /// one probe per word of a line serves both questions.
    keys: Box<[u64; SLOTS]>,
    entries: Box<[Entry; SLOTS]>,
    /// Phrases that start with a symbol ("©"): found anywhere.
    symbols: Vec<(memchr::memmem::Finder<'static>, u8)>,
}

/// What the dictionary knows of a word: the run of `phrases` starting with
/// it (`len` 0 for none) and whether it is a stop word.
#[derive(Debug, Default, Clone, Copy)]
struct Entry {
    from: u16,
    len: u8,
    stop: bool,
}

/// Slots of the word table: about five per word it holds, so most lookups
/// of a word it does not hold end on the first free slot.
const SLOTS: usize = 2048;
const EMPTY: u64 = 0;

/// A word's dictionary key: its lower-cased bytes packed into a `u64` when
/// it has at most 8 (exact), else `long_key` of its first eight. Only ASCII
/// letters and digits reach here, so `| 0x20` lower-cases them.
#[inline]
pub fn word_key(word: &[u8]) -> u64 {
    let n = word.len().min(8);
    let mut k = [0u8; 8];
    k[..n].copy_from_slice(&word[..n]);
    let mask = u64::MAX >> (64 - 8 * n);
    let head = (u64::from_le_bytes(k) | 0x2020_2020_2020_2020) & mask;
    if word.len() <= 8 {
        head
    } else {
        long_key(head, word.len())
    }
}

/// The key of a word of more than eight bytes: its first eight (`head`,
/// packed lower-cased) mixed with its length, the top bit set (a packed
/// ASCII word never has it). Words sharing a key need not be equal: a
/// phrase that starts with a long word is compared whole before it counts.
#[inline]
pub fn long_key(head: u64, len: usize) -> u64 {
    (head ^ (len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1 << 63
}

/// Word bytes for the boundary test: ASCII letters and digits and every
/// byte of a non-ASCII character.
#[inline]
fn is_word_byte(b: u8) -> bool {
    WORD_BYTE[b as usize]
}

static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b >= 0x80;
        b += 1;
    }
    t
};

#[inline]
fn slot_of(h: u64) -> usize {
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros())) as usize
}

impl Dictionary {
    /// The entry of the word with key `key` (the default for a word that
    /// starts no phrase and is no stop word).
    #[inline(always)]
    fn entry(&self, key: u64) -> Entry {
        let mut k = slot_of(key);
        loop {
            match self.keys[k] {
                h if h == key => return self.entries[k],
                EMPTY => return Entry::default(),
                _ => k = (k + 1) % SLOTS,
            }
        }
    }

    /// The entry of `key`, added if missing.
    fn entry_mut(&mut self, key: u64) -> &mut Entry {
        let mut k = slot_of(key);
        while self.keys[k] != EMPTY && self.keys[k] != key {
            k = (k + 1) % SLOTS;
        }
        self.keys[k] = key;
        &mut self.entries[k]
    }
}

/// Whether the word packed into `key` (its lower-cased bytes, at most
/// eight, little-endian) is a stop word.
#[inline]
pub fn is_stop(key: u64) -> bool {
    DICTIONARY.entry(key).stop
}

static DICTIONARY: LazyLock<Dictionary> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut symbols = Vec::new();
    for line in include_str!("../../data/clean/phrases.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (cat, phrase) = line.split_once('\t').expect("category<TAB>phrase");
        let idx = CATEGORIES
            .iter()
            .position(|c| *c == cat)
            .unwrap_or_else(|| panic!("unknown phrase category {cat}"));
        let phrase: &'static str = Box::leak(phrase.to_ascii_lowercase().into_boxed_str());
        if phrase.as_bytes()[0].is_ascii_alphanumeric() {
            assert!(phrase.is_ascii(), "word phrases are ASCII: {phrase}");
            words.push((phrase, idx as u8));
        } else {
            symbols.push((memchr::memmem::Finder::new(phrase), idx as u8));
        }
    }
    let first_word = |p: &str| -> u64 {
        let len = p.bytes().take_while(u8::is_ascii_alphanumeric).count();
        word_key(&p.as_bytes()[..len])
    };
    words.sort_by_key(|(p, _)| (first_word(p), std::cmp::Reverse(p.len())));
    words.dedup_by_key(|(p, _)| *p);
    let runs: Vec<(u64, usize)> = words
        .chunk_by(|a, b| first_word(a.0) == first_word(b.0))
        .map(|run| (first_word(run[0].0), run.len()))
        .collect();
    let heads = words
        .iter()
        .map(|(p, _)| {
            let n = p.len().min(8);
            let mut k = [0u8; 8];
            k[..n].copy_from_slice(&p.as_bytes()[..n]);
            (u64::from_le_bytes(k), u64::MAX >> (64 - 8 * n))
        })
        .collect();
    let mut dict = Dictionary {
        phrases: words,
        heads,
        keys: Box::new([EMPTY; SLOTS]),
        entries: Box::new([Entry::default(); SLOTS]),
        symbols,
    };
    let mut from = 0;
    for (key, len) in runs {
        let e = dict.entry_mut(key);
        (e.from, e.len) = (from as u16, len as u8);
        from += len;
    }
    assert!(from <= u16::MAX as usize, "phrase runs start below 2^16");
    for w in super::features::STOP_WORDS {
        assert!(w.len() <= 8, "stop words are packed whole: {w}");
        let mut k = [0u8; 8];
        k[..w.len()].copy_from_slice(w.as_bytes());
        dict.entry_mut(u64::from_le_bytes(k)).stop = true;
    }
    let held = dict.keys.iter().filter(|&&k| k != EMPTY).count();
    assert!(
        5 * held <= 2 * SLOTS,
        "the word table stays sparse: {held} words"
    );
    dict
});

/// Per category: whether a phrase occurs in `text` on word boundaries, and
/// how many bytes of `text` such phrases cover.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PhraseHits {
    pub hits: [u16; N_CATEGORIES],
    pub covered: [u32; N_CATEGORIES],
    /// One bit per category with a phrase starting at the first or second
    /// word of the line or of a sentence in it.
    pub lead: u16,
}

impl PhraseHits {
    #[inline]
    fn add(&mut self, category: u8, len: usize) {
        self.hits[category as usize] += 1;
        self.covered[category as usize] += len as u32;
    }
}

/// Phrase matching over one line, driven by a caller that walks the line
/// (`LineStats::of`) and reports every maximal run of word bytes and every
/// other byte, in order. Phrases are matched case-insensitively where a
/// word starts and end at a word boundary (or on a symbol), longest first,
/// without overlaps.
pub struct PhraseScan<'a> {
    dict: &'static Dictionary,
    bytes: &'a [u8],
    hits: PhraseHits,
    /// End of the last phrase found: words and marks before it are inside it.
    skip_until: usize,
    /// Words since the start of the line or of its last sentence.
    word: u32,
    ascii_line: bool,
}

impl<'a> PhraseScan<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        PhraseScan {
            dict: &DICTIONARY,
            bytes,
            hits: PhraseHits::default(),
            skip_until: 0,
            word: 0,
            ascii_line: true,
        }
    }

    /// The byte at `i` is not a word byte.
    #[inline]
    pub fn separator(&mut self, i: usize) {
        let b = self.bytes;
        if i >= self.skip_until
            && matches!(b[i], b'.' | b'!' | b'?')
            && b.get(i + 1).is_none_or(|&c| c == b' ')
        {
            self.word = 0;
        }
    }

    /// The word bytes `start..end`, all ASCII (`key` is its `word_key`):
    /// whether it is a stop word. The phrases it starts are matched.
    #[inline(always)]
    pub fn ascii_word(&mut self, start: usize, end: usize, key: u64) -> bool {
        let entry = self.dict.entry(key);
        if start >= self.skip_until {
            self.word += 1;
            if entry.len != 0 {
                self.phrase_at(start, end, entry);
            }
        }
        entry.stop
    }

    /// The word bytes `start..end`, with a non-ASCII character: no phrase
    /// starts with it.
    #[inline]
    pub fn other_word(&mut self, start: usize) {
        if start >= self.skip_until {
            self.word += 1;
            self.ascii_line = false;
        }
    }

    /// A word that starts the phrases of `entry`. Most such words (common
    /// ones, "in", "more") start none here: their phrases' heads, compared
    /// inline, rule them out before any call.
    #[inline(always)]
    fn phrase_at(&mut self, start: usize, end: usize, entry: Entry) {
        let head = head_at(self.bytes, start);
        let run = entry.from as usize..entry.from as usize + entry.len as usize;
        if let Some(k) = run.clone().find(|&k| {
            let (want, mask) = self.dict.heads[k];
            head & mask == want
        }) {
            self.phrase_from(start, end, head, k..run.end);
        }
    }

    /// The longest of the phrases `run` at `start` (`head` its eight bytes
    /// lower-cased), if one ends on a boundary, is a hit.
    #[inline(never)]
    fn phrase_from(&mut self, start: usize, end: usize, head: u64, run: std::ops::Range<usize>) {
        if let Some((e, category, len)) = longest_at(self.dict, self.bytes, start, head, run) {
            self.hits.add(category, len);
            self.skip_until = e.max(end);
            if self.word <= 2 {
                self.hits.lead |= 1 << category;
            }
        }
    }

    /// The hits, symbol phrases included.
    pub fn finish(mut self) -> PhraseHits {
        // Symbol phrases are non-ASCII, so only a line with a non-ASCII
        // word can hold one.
        if self.ascii_line {
            return self.hits;
        }
        let bytes = self.bytes;
        for (sym, category) in &self.dict.symbols {
            for at in sym.find_iter(bytes) {
                let e = at + sym.needle().len();
                let right_ok = e == bytes.len()
                    || !is_word_byte(bytes[e])
                    || !bytes[e - 1].is_ascii_alphanumeric();
                if right_ok {
                    self.hits.add(*category, sym.needle().len());
                }
            }
        }
        self.hits
    }
}

/// The phrases of `text` on their own (`LineStats::of` finds them while
/// counting words).
#[cfg(test)]
pub fn scan(text: &str) -> PhraseHits {
    let bytes = text.as_bytes();
    let mut p = PhraseScan::new(bytes);
    let mut i = 0;
    while i < bytes.len() {
        if !is_word_byte(bytes[i]) {
            p.separator(i);
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_word_byte(bytes[i]) {
            i += 1;
        }
        let word = &bytes[start..i];
        if word.is_ascii() {
            p.ascii_word(start, i, word_key(word));
        } else {
            p.other_word(start);
        }
    }
    p.finish()
}

/// The eight bytes of `bytes` from `start` lower-cased, zeros past its end
/// (no phrase byte is zero).
#[inline(always)]
fn head_at(bytes: &[u8], start: usize) -> u64 {
    lower8(match bytes.get(start..start + 8) {
        Some(b) => u64::from_le_bytes(b.try_into().expect("8 bytes")),
        None => last_bytes(&bytes[start..]),
    })
}

/// `bytes` (fewer than eight) packed little-endian, zeros above them.
#[cold]
fn last_bytes(bytes: &[u8]) -> u64 {
    let mut k = [0u8; 8];
    k[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(k)
}

/// The longest of the phrases `run` (some of those whose first word has
/// the key of the word at `start`, `head` the eight bytes there
/// lower-cased) found at `start` and ending on a boundary: its end,
/// category and length.
#[inline]
fn longest_at(
    dict: &Dictionary,
    bytes: &[u8],
    start: usize,
    head: u64,
    run: std::ops::Range<usize>,
) -> Option<(usize, u8, usize)> {
    for k in run {
        let (want, mask) = dict.heads[k];
        if head & mask != want {
            continue;
        }
        let (p, category) = dict.phrases[k];
        let e = start + p.len();
        let Some(candidate) = bytes.get(start..e) else {
            continue;
        };
        let right_ok =
            e == bytes.len() || !is_word_byte(bytes[e]) || !bytes[e - 1].is_ascii_alphanumeric();
        // The head compared all of a phrase of up to eight bytes.
        if right_ok && (p.len() <= 8 || eq_lower(candidate, p.as_bytes())) {
            return Some((e, category, p.len()));
        }
    }
    None
}

/// Whether `text`, ASCII-lower-cased, is `lower` (ASCII lower case, as
/// long as `text`): `eq_ignore_ascii_case` eight bytes at a time.
#[inline]
fn eq_lower(text: &[u8], lower: &[u8]) -> bool {
    let n = text.len();
    if n != lower.len() {
        return false;
    }
    let word = |b: &[u8], at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"));
    if n < 8 {
        return text
            .iter()
            .zip(lower)
            .all(|(t, l)| t.to_ascii_lowercase() == *l);
    }
    // Whole words, then the last eight bytes (overlapping the one before).
    (0..n / 8).all(|k| lower8(word(text, 8 * k)) == word(lower, 8 * k))
        && lower8(word(text, n - 8)) == word(lower, n - 8)
}

/// Eight bytes ASCII-lower-cased at once: `A..=Z` gain 0x20, every other
/// byte (non-ASCII ones too) stays.
#[inline]
fn lower8(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = x & !HIGH;
    // Per byte, no carry out of it: the high bit is set where c >= b'A',
    // and where c > b'Z'.
    let from_a = low + 0x3f3f_3f3f_3f3f_3f3f;
    let past_z = low + 0x2525_2525_2525_2525;
    let upper = from_a & !past_z & !x & HIGH;
    x | upper >> 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat(name: &str) -> usize {
        CATEGORIES.iter().position(|c| *c == name).unwrap()
    }

    #[test]
    fn eight_byte_lower_casing_matches_the_byte_by_byte_one() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut x = *b"Ab@[`{Zz";
                x[at] = b;
                let fast = lower8(u64::from_le_bytes(x)).to_le_bytes();
                assert_eq!(fast, x.map(|c| c.to_ascii_lowercase()), "{b} at {at}");
            }
        }
        for (text, lower, same) in [
            (
                "Sign Up For Our Newsletter",
                "sign up for our newsletter",
                true,
            ),
            (
                "Sign Up For Our Newsletters",
                "sign up for our newsletter",
                false,
            ),
            (
                "Sign up for our NewsletteR",
                "sign up for our newsletter",
                true,
            ),
            (
                "Sign up for oor newsletter",
                "sign up for our newsletter",
                false,
            ),
            ("READ MORE", "read more", true),
            ("READ MORF", "read more", false),
            ("Reád", "reád", true),
            ("", "", true),
        ] {
            assert_eq!(eq_lower(text.as_bytes(), lower.as_bytes()), same, "{text}");
        }
    }

    #[test]
    fn matches_whole_words_only() {
        let h = scan("Follow us on Twitter");
        assert_eq!(h.hits[cat("social")], 2);
        assert_eq!(h.covered[cat("social")], "Follow us".len() as u32 + 7);
        // "menu" inside "menus" and "home" inside "homeowners" do not count.
        let h = scan("Homeowners read the menus");
        assert_eq!(h.hits[cat("nav")], 0);
    }

    #[test]
    fn phrases_opening_a_line_are_marked() {
        let h = scan("59 Comments on the post");
        assert_eq!(h.lead, 1 << cat("comments"));
        assert_eq!(
            scan("We read the comments here").lead,
            1 << cat("first_person")
        );
        let h = scan("What do you think? Leave a comment below.");
        assert_eq!(h.lead, 1 << cat("comments"));
    }

    #[test]
    fn longest_phrase_wins() {
        let h = scan("Leave a comment");
        assert_eq!(h.hits[cat("comments")], 1);
        assert_eq!(h.covered[cat("comments")], 15);
    }
}
