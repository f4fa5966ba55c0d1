//! Token features for the entity tagger, hashed straight from byte slices into
//! rows of a fixed weight table (no string is built per feature). Shared by
//! the tagger and by its trainer so both see exactly the same features.

mod memo;

use super::cues;
use super::tokens::{self, Span};
use super::votes::Vote;
use crate::text::Document;
use std::hash::Hasher;
use std::ops::Range;
use std::sync::LazyLock;

/// Tags: O, then B/I pairs for ORG, PER, LOC, MISC.
pub const N_TAGS: usize = 9;
pub const O: u8 = 0;
pub const B_ORG: u8 = 1;
pub const I_ORG: u8 = 2;
/// log2 of the number of rows of the weight table.
pub const TABLE_BITS: u32 = 17;
pub const TABLE_ROWS: usize = 1 << TABLE_BITS;
/// Features per token, the same for every token (unused slots repeat the bias).
pub const N_FEATURES: usize = 46;

/// Entity type index (0 = ORG, 1 = PER, 2 = LOC, 3 = MISC) of a non-O tag.
pub fn entity_of(tag: u8) -> u8 {
    (tag - 1) / 2
}

/// The B tag of entity type `e`.
pub fn begin_tag(e: u8) -> u8 {
    e * 2 + 1
}

/// An I tag may only continue its own entity.
pub fn allowed(prev: u8, tag: u8) -> bool {
    tag == O || !tag.is_multiple_of(2) || prev == tag || prev + 1 == tag
}

const K: u64 = 0x517c_c1b7_2722_0a95;

const fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

const fn slot(h: u64) -> u32 {
    ((h ^ (h >> 31)).wrapping_mul(K) >> (64 - TABLE_BITS)) as u32
}

/// Folds curly quotes to ASCII and digits to '0' so variants share features.
fn norm(c: char) -> char {
    match c {
        '’' | '‘' | '`' => '\'',
        '“' | '”' | '„' => '"',
        '0'..='9' => '0',
        _ => c,
    }
}

const HASH_SEED: u64 = 0x9e37_79b9_7f4a_7c15;
const SHAPE_SEED: u64 = 0x2545_f491_4f6c_dd1d;

/// [`hash_chars`] of ASCII bytes.
fn hash_ascii(s: &[u8], lower: bool) -> u64 {
    let mut h = HASH_SEED;
    for &b in s {
        let b = if b.is_ascii_digit() {
            b'0'
        } else if lower {
            b.to_ascii_lowercase()
        } else {
            b
        };
        h = mix(h, u64::from(b));
    }
    h
}

fn hash_chars(s: &str, lower: bool) -> u64 {
    if s.is_ascii() {
        return hash_ascii(s.as_bytes(), lower);
    }
    let mut h = HASH_SEED;
    for c in s.chars() {
        let c = norm(c);
        let c = if !lower {
            c
        } else if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        h = mix(h, c as u64);
    }
    h
}

/// Collapsed word shape with a length class: "Facebook" -> Xx/4, "U.S." -> X.X./4.
fn shape_hash(s: &str) -> u64 {
    let mut h = SHAPE_SEED;
    let mut last = '\0';
    let mut n = 0u64;
    for c in s.chars() {
        n += 1;
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            norm(c)
        };
        if k != last {
            h = mix(h, k as u64);
            last = k;
        }
    }
    mix(h, n.min(4))
}

/// Lower-cased hash of the first `n` chars (`from_end`: the last `n`).
fn affix_hash(s: &str, n: usize, from_end: bool) -> u64 {
    let cut = if from_end {
        s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i)
    } else {
        s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
    };
    let part = if from_end { &s[cut..] } else { &s[..cut] };
    mix(
        hash_chars(part, true),
        n as u64 + if from_end { 10 } else { 0 },
    )
}

const CAP: u16 = 1;
const ALL_CAPS: u16 = 2;
const NO_UPPER: u16 = 4;
const LEGAL: u16 = 8;
const FIRST: u16 = 16;
const HEADLINE: u16 = 32;
const GAZ_B: u16 = 64;
const GAZ_I: u16 = 128;
const SEEN_LOWER: u16 = 256;
const CAP_MID: u16 = 512;
const ALNUM: u16 = 1024;
/// Some mention of the word stands in a company context ([`cues`](super::cues)).
const COMPANY_CUE: u16 = 2048;
/// Some mention of the word stands where a person's name does ([`cues`](super::cues)).
const PERSON_CUE: u16 = 4096;

/// Legal-form and organization head words that end many names.
const LEGAL_WORDS: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "co",
    "co.",
    "ltd",
    "ltd.",
    "plc",
    "ag",
    "gmbh",
    "s.a.",
    "n.v.",
    "llc",
    "sa",
    "nv",
    "bhd",
    "spa",
    "s.p.a.",
    "group",
    "corporation",
    "company",
    "holdings",
    "bank",
    "association",
    "institute",
    "university",
    "council",
    "party",
    "ministry",
    "commission",
    "agency",
    "club",
    "union",
    "fund",
    "airlines",
    "motors",
    "partners",
    "ventures",
    "capital",
    "investments",
    "systems",
    "technologies",
    "networks",
    "laboratories",
    "labs",
    "industries",
    "pharmaceuticals",
    "electronics",
    "communications",
    "securities",
    "bancorp",
    "bancshares",
    "trust",
    "foundation",
    "federation",
    "league",
    "committee",
    "authority",
    "court",
    "department",
];

/// Length of the longest of [`LEGAL_WORDS`].
const LEGAL_MAX_LEN: usize = 15;

/// [`hash_chars`] of lower-cased ASCII, at compile time.
const fn ascii_lower_hash(w: &[u8]) -> u64 {
    let mut h = HASH_SEED;
    let mut k = 0;
    while k < w.len() {
        let b = if w[k].is_ascii_digit() {
            b'0'
        } else {
            w[k].to_ascii_lowercase()
        };
        h = mix(h, b as u64);
        k += 1;
    }
    h
}

/// A 1024-bit filter of the lower-cased hashes of [`LEGAL_WORDS`] (bit:
/// the hash's top ten bits) that most other words fail at once.
const LEGAL_FILTER: [u64; 16] = {
    let mut filter = [0u64; 16];
    let mut k = 0;
    while k < LEGAL_WORDS.len() {
        let bit = (ascii_lower_hash(LEGAL_WORDS[k].as_bytes()) >> 54) as usize;
        filter[bit / 64] |= 1 << (bit % 64);
        k += 1;
    }
    filter
};

/// The lower-cased hashes of [`LEGAL_WORDS`], sorted.
static LEGAL_HASHES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut hashes: Vec<u64> = LEGAL_WORDS.iter().map(|w| hash_chars(w, true)).collect();
    hashes.sort_unstable();
    hashes
});

/// True when `lc` is the lower-cased hash of one of [`LEGAL_WORDS`].
#[inline]
fn is_legal(lc: u64) -> bool {
    let bit = (lc >> 54) as usize;
    LEGAL_FILTER[bit / 64] >> (bit % 64) & 1 != 0 && LEGAL_HASHES.binary_search(&lc).is_ok()
}

/// The lower-cased hashes of [`cues::cue_words`] with their classes, sorted,
/// and a 4096-bit filter of them (bit: the hash's top twelve bits).
struct CueWords {
    filter: [u64; 64],
    classes: Vec<(u64, u8)>,
}

static CUE_WORDS: LazyLock<CueWords> = LazyLock::new(|| {
    let mut classes: Vec<(u64, u8)> = cues::cue_words()
        .map(|(w, c)| (hash_chars(w, true), c))
        .collect();
    classes.sort_unstable();
    let mut merged: Vec<(u64, u8)> = Vec::with_capacity(classes.len());
    for (h, c) in classes {
        match merged.last_mut() {
            Some(last) if last.0 == h => last.1 |= c,
            _ => merged.push((h, c)),
        }
    }
    let mut filter = [0u64; 64];
    for &(h, _) in &merged {
        let bit = (h >> 52) as usize;
        filter[bit / 64] |= 1 << (bit % 64);
    }
    CueWords {
        filter,
        classes: merged,
    }
});

/// The [`cues::cue_words`] classes of the word of lower-cased hash `lc`
/// (0 for most words). Any word written like a cue word, in any case, has
/// its hash, so the classes are never too few.
fn cue_classes(lc: u64) -> u8 {
    let cw = &*CUE_WORDS;
    let bit = (lc >> 52) as usize;
    if cw.filter[bit / 64] >> (bit % 64) & 1 == 0 {
        return 0;
    }
    cw.classes
        .binary_search_by_key(&lc, |&(h, _)| h)
        .map_or(0, |k| cw.classes[k].1)
}

/// [`ASCII_BYTES`] bit of an upper-case letter.
const IS_UPPER: u32 = 1 << 24;
/// [`ASCII_BYTES`] bit of a lower-case letter.
const IS_LOWER: u32 = 1 << 25;
/// [`ASCII_BYTES`] bit of a letter or digit.
const IS_ALNUM: u32 = 1 << 26;
/// [`ASCII_BYTES`] bit of a byte of a non-ASCII character.
const IS_WIDE: u32 = 1 << 27;

/// What [`TokenInfo::ascii`] needs of each byte, packed: the byte hashed
/// lower-cased (bits 0-7, digits as '0'), hashed as written (bits 8-15,
/// digits as '0'), its shape class (bits 16-23: 'X', 'x', 'd', '`' as a
/// quote, else itself), and the `IS_` bits.
static ASCII_BYTES: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let (lower, exact, kind, bits) = match b {
            b'A'..=b'Z' => (b.to_ascii_lowercase(), b, b'X', IS_UPPER | IS_ALNUM),
            b'a'..=b'z' => (b, b, b'x', IS_LOWER | IS_ALNUM),
            b'0'..=b'9' => (b'0', b'0', b'd', IS_ALNUM),
            b'`' => (b, b, b'\'', 0),
            0x80.. => (b, b, b, IS_WIDE),
            _ => (b, b, b, 0),
        };
        t[i] = lower as u32 | (exact as u32) << 8 | (kind as u32) << 16 | bits;
        i += 1;
    }
    t
};

/// The hashes [`TokenInfo::ascii`] chains over a token's bytes.
struct AsciiHashes {
    lc: u64,
    shape: u64,
    /// The `IS_` bits of the bytes so far.
    seen: u32,
    /// The shape class of the last byte.
    last: u32,
}

impl AsciiHashes {
    #[inline(always)]
    fn add(&mut self, b: u8) {
        let e = ASCII_BYTES[usize::from(b)];
        self.seen |= e;
        self.lc = mix(self.lc, u64::from(e & 0xff));
        let kind = e >> 16 & 0xff;
        if kind != self.last {
            self.shape = mix(self.shape, u64::from(kind));
            self.last = kind;
        }
    }
}

/// Per-token precomputed hashes and flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenInfo {
    exact: u64,
    lc: u64,
    shape: u64,
    pre3: u64,
    suf3: u64,
    suf4: u64,
    flags: u16,
}

impl TokenInfo {
    /// `full`: also the hashes only a scored token needs (see [`Prepared::new`]).
    #[inline(always)]
    fn new(s: &str, full: bool) -> Self {
        Self::ascii(s.as_bytes(), full).unwrap_or_else(|| Self::general(s, full))
    }

    /// [`TokenInfo::new`] of any token.
    fn general(s: &str, full: bool) -> Self {
        let (mut upper, mut lower, mut alnum) = (0, 0, 0);
        for c in s.chars() {
            upper += usize::from(c.is_uppercase());
            lower += usize::from(c.is_lowercase());
            alnum += usize::from(c.is_alphanumeric());
        }
        let first_upper = s.chars().next().is_some_and(char::is_uppercase);
        let mut flags = 0;
        if first_upper {
            flags |= CAP;
        }
        if upper > 0 && lower == 0 {
            flags |= ALL_CAPS;
        }
        if upper == 0 {
            flags |= NO_UPPER;
        }
        if alnum > 0 {
            flags |= ALNUM;
        }

        let lc = hash_chars(s, true);
        if is_legal(lc) {
            flags |= LEGAL;
        }
        let full = full || upper > 0;
        let affix = |n, from_end| if full { affix_hash(s, n, from_end) } else { 0 };
        TokenInfo {
            exact: if full { hash_chars(s, false) } else { lc },
            lc,
            shape: shape_hash(s),
            pre3: affix(3, false),
            suf3: affix(3, true),
            suf4: affix(4, true),
            flags,
        }
    }

    /// [`TokenInfo::new`] of an ASCII token, in one pass over its bytes
    /// (most tokens) with one table look-up per byte: the same hashes as
    /// the general path. `None` for a token with a non-ASCII character,
    /// found in the same pass.
    #[inline(always)]
    fn ascii(s: &[u8], full: bool) -> Option<Self> {
        let mut h = AsciiHashes {
            lc: HASH_SEED,
            shape: SHAPE_SEED,
            seen: 0,
            last: 0,
        };
        let (head, tail) = s.split_at(s.len().min(3));
        head.iter().for_each(|&b| h.add(b));
        let pre3 = h.lc;
        tail.iter().for_each(|&b| h.add(b));
        let AsciiHashes {
            lc, shape, seen, ..
        } = h;
        if seen & IS_WIDE != 0 {
            return None;
        }
        let upper = seen & IS_UPPER != 0;
        let mut flags = 0;
        if s.first().is_some_and(u8::is_ascii_uppercase) {
            flags |= CAP;
        }
        if upper && seen & IS_LOWER == 0 {
            flags |= ALL_CAPS;
        }
        if !upper {
            flags |= NO_UPPER;
        }
        if seen & IS_ALNUM != 0 {
            flags |= ALNUM;
        }
        if s.len() <= LEGAL_MAX_LEN && is_legal(lc) {
            flags |= LEGAL;
        }
        let full = full || upper;
        let suffix = |n: usize| {
            let part = &s[s.len().saturating_sub(n)..];
            let h = part.iter().fold(HASH_SEED, |h, &b| {
                mix(h, u64::from(ASCII_BYTES[usize::from(b)] & 0xff))
            });
            mix(h, n as u64 + 10)
        };
        Some(TokenInfo {
            exact: if upper {
                s.iter().fold(HASH_SEED, |h, &b| {
                    mix(h, u64::from(ASCII_BYTES[usize::from(b)] >> 8 & 0xff))
                })
            } else {
                lc
            },
            lc,
            shape: mix(shape, (s.len() as u64).min(4)),
            pre3: if full { mix(pre3, 3) } else { 0 },
            suf3: if full { suffix(3) } else { 0 },
            suf4: if full { suffix(4) } else { 0 },
            flags,
        })
    }

    /// This info of a token scored or not (`full`, as in [`TokenInfo::new`]),
    /// from the info of the token scored.
    #[inline(always)]
    fn for_scoring(self, full: bool) -> Self {
        if full || self.flags & NO_UPPER == 0 {
            return self;
        }
        // Unscored, its hash as written is the lower-cased one, as in
        // [`TokenInfo::general`]: a titlecase letter ("ǅ") is not upper-case
        // yet changes when lower-cased.
        TokenInfo {
            exact: self.lc,
            pre3: 0,
            suf3: 0,
            suf4: 0,
            ..self
        }
    }

    /// Tokens with no upper-case letter after an O tag are O without scoring.
    pub fn trivially_outside(&self) -> bool {
        self.flags & NO_UPPER != 0
    }

    pub fn has_upper(&self) -> bool {
        self.flags & NO_UPPER == 0
    }

    /// What the features of the tokens around this one read of it: its
    /// hashes as written, lower-cased and of its shape (see [`before1_rows`]).
    pub fn neighbour_key(&self) -> [u64; 3] {
        [self.exact, self.lc, self.shape]
    }

    /// A hash of the whole info (its word, affixes and flags), for tables keyed by it.
    pub fn key_hash(&self) -> u64 {
        (self.exact ^ self.pre3.rotate_left(21) ^ u64::from(self.flags)).wrapping_mul(K)
    }
}

/// A hash of the infos of a sentence's tokens, for tables keyed by
/// sentence: of their hashes as written and their flags, which tell most
/// sentences apart (the tables compare the infos themselves).
pub fn sentence_hash(sent: &[TokenInfo]) -> u64 {
    sent.iter().fold(sent.len() as u64, |h, t| {
        mix(h, t.exact ^ u64::from(t.flags))
    })
}

/// A hasher for keys that already are hashes.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys")
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The numbers of a document's words (lower-cased hashes), in order of
/// first occurrence: an open-addressing table at most half full. The table
/// is the thread's, kept from one document to the next: a slot holds the
/// document it was filled for, so a new document's table is not emptied.
pub(super) struct WordIds {
    table: Vec<WordSlot>,
    /// This document's slots are `table[..=mask]`.
    mask: usize,
    /// The document being numbered, counted from 1 (0: no document's slot).
    document: u32,
    count: u32,
}

/// A slot of [`WordIds`]: a word's hash, the document that numbered it, and its number.
type WordSlot = (u64, u32, u32);

thread_local! {
    /// The thread's table of [`WordIds`] and the last document it numbered.
    static WORD_TABLE: std::cell::Cell<(Vec<WordSlot>, u32)> =
        const { std::cell::Cell::new((Vec::new(), 0)) };
}

impl WordIds {
    const FREE: WordSlot = (0, 0, 0);

    /// A table for the words of `tokens` tokens.
    fn new(tokens: usize) -> Self {
        let (mut table, last) = WORD_TABLE.take();
        let size = (2 * tokens).max(16).next_power_of_two();
        let mut document = last.wrapping_add(1);
        if document == 0 {
            // Slots of 4 billion documents ago would seem current.
            table.fill(Self::FREE);
            document = 1;
        }
        if table.len() < size {
            table = vec![Self::FREE; size];
        }
        WordIds {
            table,
            mask: size - 1,
            document,
            count: 0,
        }
    }

    /// The number of the word of lower-cased hash `lc`, the next one for a new word.
    #[inline]
    pub(super) fn id(&mut self, lc: u64) -> u32 {
        let mut s = (lc.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & self.mask;
        loop {
            let (key, document, id) = &mut self.table[s];
            if *document != self.document {
                (*key, *document, *id) = (lc, self.document, self.count);
                self.count += 1;
                return *id;
            }
            if *key == lc {
                return *id;
            }
            s = (s + 1) & self.mask;
        }
    }
}

impl Drop for WordIds {
    fn drop(&mut self) {
        WORD_TABLE.set((std::mem::take(&mut self.table), self.document));
    }
}

/// A document ready for tagging: tokens, their features' inputs, and sentences as token ranges.
#[derive(Default)]
pub struct Prepared {
    pub tokens: Vec<Span>,
    pub infos: Vec<TokenInfo>,
    pub sentences: Vec<Range<usize>>,
    /// By token: it stands in a company context ([`cues::company_context`]).
    pub company_context: Vec<bool>,
    /// By token: the index of its lower-cased word among the document's
    /// distinct words (below [`Prepared::n_words`]).
    pub word: Vec<u32>,
    /// Number of distinct lower-cased words in the document.
    pub n_words: usize,
    /// The tokens with an upper-case letter, in order: after an O tag the
    /// tagger scores only these, and only these vote.
    pub upper: Vec<u32>,
}

impl Prepared {
    /// Tokenizes `doc` sentence by sentence and marks gazetteer hits (byte
    /// spans, sorted, not overlapping).
    pub fn new(doc: &Document, gazetteer_hits: &[(usize, usize)]) -> Self {
        let text = doc.text;
        let mut spare = SPARE.take();
        let mut p = Prepared {
            tokens: cleared(std::mem::take(&mut spare.tokens)),
            infos: cleared(std::mem::take(&mut spare.infos)),
            sentences: cleared(std::mem::take(&mut spare.sentences)),
            company_context: cleared(std::mem::take(&mut spare.company_context)),
            word: cleared(std::mem::take(&mut spare.word)),
            n_words: 0,
            upper: cleared(std::mem::take(&mut spare.upper)),
        };
        // News text averages about six bytes a token.
        p.tokens.reserve(text.len() / 5);
        p.sentences.reserve(doc.sentences.len());
        for r in &doc.sentences {
            let first = p.tokens.len();
            tokens::tokenize(text, r.clone(), &mut p.tokens);
            p.sentences.push(first..p.tokens.len());
        }
        // A token without capitals is scored only inside a name, which needs a
        // capitalized token just before it (or two before: "Bank of the West").
        // Each word's info and cue classes come from the thread's memo.
        // So is the number of its word in the document, once per word and document.
        // The three are written in place, token by token (no push checks).
        let mut recent_upper = 0u8;
        let n = p.tokens.len();
        p.word.resize(n, 0);
        let mut classes = cleared(std::mem::take(&mut spare.classes));
        classes.resize(n, 0);
        let mut ids = WordIds::new(n);
        memo::with(|memo| {
            memo.next_document();
            p.infos.extend(
                p.tokens
                    .iter()
                    .zip(classes.iter_mut().zip(&mut p.word))
                    .map(|(t, (class, word))| {
                        let info;
                        (info, *class, *word) = memo.get(text, t.clone(), &mut ids);
                        let info = info.for_scoring(recent_upper != 0);
                        recent_upper =
                            (recent_upper << 1 | u8::from(info.flags & NO_UPPER == 0)) & 3;
                        info
                    }),
            )
        });
        p.n_words = ids.count as usize;
        // Document-wide flags of each word, set by any of its mentions: each
        // token's word is looked up once, as an index into `words`.
        let word = &p.word;
        let mut words = cleared(std::mem::take(&mut spare.words));
        words.resize(p.n_words, 0);
        p.company_context.resize(n, false);
        for s in &p.sentences {
            let infos = &mut p.infos[s.clone()];
            let alpha = || infos.iter().filter(|t| t.flags & ALNUM != 0);
            // The test that most sentences fail at their first words first.
            let headline = alpha().all(|t| t.flags & (ALL_CAPS | NO_UPPER) != 0)
                && alpha().filter(|t| t.flags & ALL_CAPS != 0).count() >= 2;
            let toks = &p.tokens[s.clone()];
            let classes = &classes[s.clone()];
            let mut first = true;
            for (i, (t, &w)) in infos.iter_mut().zip(&word[s.clone()]).enumerate() {
                if headline {
                    t.flags |= HEADLINE;
                }
                if t.flags & ALNUM != 0 {
                    if first {
                        t.flags |= FIRST;
                    } else if !headline {
                        if t.flags & NO_UPPER != 0 {
                            words[w as usize] |= SEEN_LOWER;
                        } else if t.flags & CAP != 0 {
                            words[w as usize] |= CAP_MID;
                        }
                    }
                    first = false;
                }
                if t.flags & NO_UPPER != 0 || !cues::possible(text, toks, classes, i) {
                    continue;
                }
                let known = words[w as usize];
                // Read by the retyping as well, for every token with a capital.
                if cues::company_context(text, toks, classes, i) {
                    p.company_context[s.start + i] = true;
                    words[w as usize] |= COMPANY_CUE;
                }
                // A word's cue once found needs no looking for again.
                if known & PERSON_CUE == 0 && cues::person_context(text, toks, classes, i) {
                    words[w as usize] |= PERSON_CUE;
                }
            }
        }
        // About a third of news tokens have a capital.
        p.upper.reserve(p.tokens.len() / 3);
        for (k, (info, &w)) in (0..).zip(p.infos.iter_mut().zip(word)) {
            info.flags |= words[w as usize];
            if info.has_upper() {
                p.upper.push(k);
            }
        }
        // Hits are few: the tokens starting in each are found by binary search.
        for &(s, e) in gazetteer_hits {
            let first = p.tokens.partition_point(|t| t.start < s);
            for (t, info) in p.tokens[first..].iter().zip(&mut p.infos[first..]) {
                if t.start >= e {
                    break;
                }
                if t.start == s {
                    info.flags |= GAZ_B;
                } else if t.end <= e {
                    info.flags |= GAZ_I;
                }
            }
        }
        (spare.classes, spare.words) = (classes, words);
        SPARE.set(spare);
        p
    }
}

/// The buffers of the last [`Prepared`] the thread dropped, and of the
/// work tables [`Prepared::new`] fills: the next document fills them
/// again instead of allocating as many, several of them large.
#[derive(Default)]
struct Spare {
    tokens: Vec<Span>,
    infos: Vec<TokenInfo>,
    sentences: Vec<Range<usize>>,
    company_context: Vec<bool>,
    word: Vec<u32>,
    upper: Vec<u32>,
    classes: Vec<u8>,
    words: Vec<u16>,
}

thread_local! {
    static SPARE: std::cell::Cell<Spare> = std::cell::Cell::new(Spare::default());
}

/// `v` emptied, its room kept.
fn cleared<T>(mut v: Vec<T>) -> Vec<T> {
    v.clear();
    v
}

impl Drop for Prepared {
    fn drop(&mut self) {
        let mut spare = SPARE.take();
        spare.tokens = std::mem::take(&mut self.tokens);
        spare.infos = std::mem::take(&mut self.infos);
        spare.sentences = std::mem::take(&mut self.sentences);
        spare.company_context = std::mem::take(&mut self.company_context);
        spare.word = std::mem::take(&mut self.word);
        spare.upper = std::mem::take(&mut self.upper);
        SPARE.set(spare);
    }
}

/// Positions in the output of [`features`] of the features that name the
/// token's own word: training hides them now and then ("word dropout") so
/// the context features learn to tag names never seen in training.
pub const WORD_FEATURES: [usize; 6] = [1, 2, 12, 13, 18, 25];

/// Positions in the output of [`features`] of the features that depend on
/// the pass: the previous tags and the document votes ([`prev_rows`],
/// [`tag_rows`], [`own_vote_rows`], [`near_vote_rows`], in that order).
/// The others are the same in both passes for a token the first pass scored.
pub const PASS_FEATURES: [usize; 10] = [24, 25, 27, 22, 23, 34, 35, 43, 36, 37];

const BOS: u64 = 0xb05;
const EOS: u64 = 0xe05;

/// What a sentence's start or end looks like as a neighbour: BOS or EOS
/// hashes, no flags.
const fn edge(h: u64) -> TokenInfo {
    TokenInfo {
        exact: h,
        lc: h,
        shape: h,
        pre3: 0,
        suf3: 0,
        suf4: 0,
        flags: 0,
    }
}

const BEFORE_START: TokenInfo = edge(BOS);
const AFTER_END: TokenInfo = edge(EOS);

/// Tokens `i - 3 ..= i + 3` of `sent`, with [`BEFORE_START`] and
/// [`AFTER_END`] past its ends.
#[inline(always)]
pub fn window(sent: &[TokenInfo], i: usize) -> [&TokenInfo; 7] {
    std::array::from_fn(|k| {
        let j = (i + k).wrapping_sub(3);
        sent.get(j)
            .unwrap_or(if k < 3 { &BEFORE_START } else { &AFTER_END })
    })
}

/// Sentence position class: 2 in a headline, 1 for a sentence's first word, else 0.
fn position(t: &TokenInfo) -> u64 {
    if t.flags & HEADLINE != 0 {
        2
    } else if t.flags & FIRST != 0 {
        1
    } else {
        0
    }
}

/// The gazetteer flags of `t` as a number below 4 (see [`GAZ_UNIT`]).
fn gazetteer(t: &TokenInfo) -> u64 {
    u64::from(t.flags & (GAZ_B | GAZ_I)) / GAZ_UNIT
}

/// The gazetteer flags' lowest bit: features read them as written.
const GAZ_UNIT: u64 = GAZ_B as u64;

/// A feature of two small numbers (flags, tags, votes, a position): its
/// row is `slot(mix(mix(id, a * units.0), b * units.1))` for `a` below
/// `counts.0` and `b` below `counts.1` (a flag is read as written: its
/// bit is its unit), so the sums of all its rows fit in a small table.
#[derive(Clone, Copy)]
pub struct SmallPair {
    id: u64,
    counts: (u64, u64),
    units: (u64, u64),
}

impl SmallPair {
    /// The row of the feature for the numbers `(a, b)`.
    #[inline(always)]
    pub const fn row(&self, (a, b): (u64, u64)) -> u32 {
        slot(mix(mix(self.id, a * self.units.0), b * self.units.1))
    }

    /// The index of `(a, b)` in a table of all its rows, `a` major.
    #[inline(always)]
    pub fn index(&self, (a, b): (u64, u64)) -> usize {
        (a * self.counts.1 + b) as usize
    }

    /// Every `(a, b)` in the order of [`SmallPair::index`].
    pub fn keys(&self) -> impl Iterator<Item = (u64, u64)> + '_ {
        (0..self.counts.0).flat_map(|a| (0..self.counts.1).map(move |b| (a, b)))
    }
}

/// Number of tags and votes (a vote's top is a tag, [`Vote::NONE`] or [`OUTSIDE_VOTE`]).
const TOPS: u64 = OUTSIDE_VOTE as u64 + 1;

/// The gazetteer flags of the words just before and after the token.
pub const GAZ_AROUND: SmallPair = SmallPair {
    id: 20,
    counts: (4, 4),
    units: (GAZ_UNIT, GAZ_UNIT),
};
/// How far ahead the next legal word is (0: none in three), and whether the token is capitalized.
pub const LEGAL_AHEAD: SmallPair = SmallPair {
    id: 26,
    counts: (4, 2),
    units: (1, CAP as u64),
};
/// The token's gazetteer flags and the tag before it.
pub const GAZ_PREV: SmallPair = SmallPair {
    id: 27,
    counts: (4, N_TAGS as u64),
    units: (GAZ_UNIT, 1),
};
/// The token's vote and its position in the sentence.
pub const VOTE_POSITION: SmallPair = SmallPair {
    id: 34,
    counts: (TOPS, 3),
    units: (1, 1),
};
/// The types of the token's vote and whether it is written in capitals.
pub const VOTE_TYPES: SmallPair = SmallPair {
    id: 35,
    counts: (32, 2),
    units: (1, ALL_CAPS as u64),
};
/// Whether the token's word stands in a company context, and its vote.
pub const CUE_VOTE: SmallPair = SmallPair {
    id: 43,
    counts: (2, TOPS),
    units: (COMPANY_CUE as u64, 1),
};
/// The votes of the token before and of the token.
pub const VOTE_BEFORE: SmallPair = SmallPair {
    id: 36,
    counts: (TOPS, TOPS),
    units: (1, 1),
};
/// The votes of the token and of the token after.
pub const VOTE_AFTER: SmallPair = SmallPair {
    id: 37,
    counts: (TOPS, TOPS),
    units: (1, 1),
};

/// Whether flag `flag` of `t` is set, as 0 or 1.
fn bit(t: &TokenInfo, flag: u16) -> u64 {
    u64::from(t.flags & flag != 0)
}

/// Fills `out` with the weight-table rows of the features of token `i` of
/// `sent`, given the two previous tags and the document votes of the
/// sentence's tokens (all [`Vote::EMPTY`] in the first pass).
pub fn features(
    sent: &[TokenInfo],
    votes: &[Vote],
    i: usize,
    p1: u8,
    p2: u8,
    out: &mut [u32; N_FEATURES],
) {
    let mut rows = [0; N_FEATURES];
    features_pass_last(sent, votes, i, p1, p2, &mut rows);
    for (row, &at) in out.iter_mut().zip(&PASS_LAST) {
        *row = rows[at];
    }
}

/// The features that read only the token itself (its word and flags),
/// by position in [`features`].
const OWN_FEATURES: [usize; OWN] = [0, 1, 2, 7, 14, 15, 16, 17, 18, 19, 21, 42, 44, 45];
/// The features that read only the word before the token ([`before1_rows`]).
const BEFORE1_FEATURES: [usize; 3] = [3, 8, 28];
/// The features that read only the word after the token ([`after1_rows`]).
const AFTER1_FEATURES: [usize; 3] = [4, 9, 29];
/// The features that read only the word two before the token ([`before2_rows`]).
const BEFORE2_FEATURES: [usize; 2] = [5, 32];
/// The features that read only the word two after the token ([`after2_rows`]).
const AFTER2_FEATURES: [usize; 2] = [6, 33];
/// The other features that are the same in both passes and read words
/// ([`context_rows`]).
const CONTEXT_FEATURES: [usize; CONTEXT] = [10, 11, 12, 13, 30, 31, 38, 39, 40, 41];
/// The features that are the same in both passes and read only flags of
/// the words around ([`flag_context_rows`]).
const FLAG_CONTEXT_FEATURES: [usize; 2] = [20, 26];

/// Number of [`own_rows`].
pub const OWN: usize = 14;
/// Number of [`context_rows`].
pub const CONTEXT: usize = 10;

/// The position in [`features`] of each row of [`features_pass_last`]:
/// the groups of features one after the other, the [`PASS_FEATURES`] last.
const LAST_ORDER: [usize; N_FEATURES] = {
    let groups: [&[usize]; 8] = [
        &OWN_FEATURES,
        &BEFORE1_FEATURES,
        &AFTER1_FEATURES,
        &BEFORE2_FEATURES,
        &AFTER2_FEATURES,
        &CONTEXT_FEATURES,
        &FLAG_CONTEXT_FEATURES,
        &PASS_FEATURES,
    ];
    let mut order = [0; N_FEATURES];
    let (mut g, mut at) = (0, 0);
    while g < groups.len() {
        let mut k = 0;
        while k < groups[g].len() {
            order[at] = groups[g][k];
            at += 1;
            k += 1;
        }
        g += 1;
    }
    assert!(at == N_FEATURES);
    order
};

/// Where [`features_pass_last`] puts each feature of [`features`] (the
/// inverse of [`LAST_ORDER`]).
const PASS_LAST: [usize; N_FEATURES] = {
    let mut at = [usize::MAX; N_FEATURES];
    let mut k = 0;
    while k < N_FEATURES {
        assert!(at[LAST_ORDER[k]] == usize::MAX, "a feature stands twice");
        at[LAST_ORDER[k]] = k;
        k += 1;
    }
    at
};

/// The rows of [`features`] in the order of [`LAST_ORDER`]: the groups
/// the tagger sums apart (the features of one word, remembered by word),
/// then the rest of those that are the same in both passes, then the
/// [`PASS_FEATURES`] in their order (as [`pass_features`] returns them).
pub fn features_pass_last(
    sent: &[TokenInfo],
    votes: &[Vote],
    i: usize,
    p1: u8,
    p2: u8,
    out: &mut [u32; N_FEATURES],
) {
    let [_, m2, m1, t, n1, n2, _] = window(sent, i);
    let rows = own_rows(t)
        .into_iter()
        .chain(before1_rows(m1))
        .chain(after1_rows(n1))
        .chain(before2_rows(m2))
        .chain(after2_rows(n2))
        .chain(context_rows(sent, i))
        .chain(flag_context_rows(sent, i))
        .chain(pass_features(sent, votes, i, p1, p2));
    for (row, f) in out.iter_mut().zip(rows) {
        *row = f;
    }
}

/// The rows of the features that read only token `t` ([`OWN_FEATURES`]).
pub fn own_rows(t: &TokenInfo) -> [u32; OWN] {
    let pos = position(t);
    let doc = (t.flags & (SEEN_LOWER | CAP_MID | CAP)) as u64;
    [
        slot(0),
        slot(mix(1, t.exact)),
        slot(mix(2, t.lc)),
        slot(mix(7, t.shape)),
        slot(mix(14, t.pre3)),
        slot(mix(15, t.suf3)),
        slot(mix(16, t.suf4)),
        slot(mix(mix(17, pos), t.shape)),
        slot(mix(mix(18, pos), t.lc)),
        slot(mix(
            mix(19, gazetteer(t) * GAZ_UNIT),
            t.flags as u64 & CAP as u64,
        )),
        slot(mix(
            mix(mix(21, doc), pos),
            t.flags as u64 & ALL_CAPS as u64,
        )),
        slot(mix(mix(42, (t.flags & COMPANY_CUE) as u64), t.shape)),
        slot(mix(mix(44, (t.flags & PERSON_CUE) as u64), t.shape)),
        slot(mix(
            mix(45, (t.flags & (PERSON_CUE | COMPANY_CUE)) as u64),
            pos,
        )),
    ]
}

/// The rows of the features that read only `x`, the word just before the token.
pub fn before1_rows(x: &TokenInfo) -> [u32; 3] {
    [
        slot(mix(3, x.lc)),
        slot(mix(8, x.shape)),
        slot(mix(28, x.exact)),
    ]
}

/// The rows of the features that read only `x`, the word just after the token.
pub fn after1_rows(x: &TokenInfo) -> [u32; 3] {
    [
        slot(mix(4, x.lc)),
        slot(mix(9, x.shape)),
        slot(mix(29, x.exact)),
    ]
}

/// The rows of the features that read only `x`, the word two before the token.
pub fn before2_rows(x: &TokenInfo) -> [u32; 2] {
    [slot(mix(5, x.lc)), slot(mix(32, x.shape))]
}

/// The rows of the features that read only `x`, the word two after the token.
pub fn after2_rows(x: &TokenInfo) -> [u32; 2] {
    [slot(mix(6, x.lc)), slot(mix(33, x.shape))]
}

/// The rows of the [`CONTEXT_FEATURES`] of token `i` of `sent`: those that
/// read several words, and are the same in both passes.
#[inline(always)]
pub fn context_rows(sent: &[TokenInfo], i: usize) -> [u32; CONTEXT] {
    let [m3, m2, m1, t, n1, n2, n3] = window(sent, i);
    [
        slot(mix(mix(10, m1.shape), t.shape)),
        slot(mix(mix(11, t.shape), n1.shape)),
        slot(mix(mix(12, m1.lc), t.lc)),
        slot(mix(mix(13, t.lc), n1.lc)),
        slot(mix(mix(30, m1.lc), t.shape)),
        slot(mix(mix(31, t.shape), n1.lc)),
        slot(mix(mix(38, m2.lc), m1.lc)),
        slot(mix(mix(39, n1.lc), n2.lc)),
        slot(mix(40, m3.lc)),
        slot(mix(41, n3.lc)),
    ]
}

/// The numbers [`GAZ_AROUND`] and [`LEGAL_AHEAD`] read of token `i` of `sent`.
#[inline(always)]
pub fn flag_context(sent: &[TokenInfo], i: usize) -> [(u64, u64); 2] {
    let [_, _, m1, t, n1, n2, n3] = window(sent, i);
    let legal_ahead = [n1, n2, n3]
        .iter()
        .position(|x| x.flags & LEGAL != 0)
        .map_or(0, |k| k as u64 + 1);
    [(gazetteer(m1), gazetteer(n1)), (legal_ahead, bit(t, CAP))]
}

/// The rows of the [`FLAG_CONTEXT_FEATURES`] of token `i` of `sent`.
pub fn flag_context_rows(sent: &[TokenInfo], i: usize) -> [u32; 2] {
    let [around, ahead] = flag_context(sent, i);
    [GAZ_AROUND.row(around), LEGAL_AHEAD.row(ahead)]
}

/// The rows of the features at [`PASS_FEATURES`] of token `i` of `sent`,
/// in that order: what the second pass must look up again.
#[inline(always)]
pub fn pass_features(
    sent: &[TokenInfo],
    votes: &[Vote],
    i: usize,
    p1: u8,
    p2: u8,
) -> [u32; PASS_FEATURES.len()] {
    let t = &sent[i];
    let [a, b, c] = prev_rows(t, p1);
    let [d, e] = tag_rows(p1, p2);
    let [f, g, h] = own_vote_rows(t, votes[i]);
    let [j, k] = near_vote_rows(vote_tops(votes, i));
    [a, b, c, d, e, f, g, h, j, k]
}

/// The vote of a token past the sentence's ends.
pub const OUTSIDE_VOTE: u8 = 16;

/// The top votes of the tokens `i - 1`, `i` and `i + 1` of a sentence
/// whose votes are `votes` ([`OUTSIDE_VOTE`] past its ends).
#[inline(always)]
pub fn vote_tops(votes: &[Vote], i: usize) -> [u8; 3] {
    [i.wrapping_sub(1), i, i + 1].map(|j| votes.get(j).map_or(OUTSIDE_VOTE, |v| v.top))
}

/// The rows of the features of token `t` and the tag `p1` before it.
#[inline(always)]
pub fn prev_rows(t: &TokenInfo, p1: u8) -> [u32; 3] {
    let [a, b] = prev_word_rows(t, p1);
    [a, b, GAZ_PREV.row(gaz_prev(t, p1))]
}

/// The [`prev_rows`] that read the word of `t`.
#[inline(always)]
pub fn prev_word_rows(t: &TokenInfo, p1: u8) -> [u32; 2] {
    let p1 = p1 as u64;
    [
        slot(mix(mix(24, p1), t.shape)),
        slot(mix(mix(25, p1), t.lc)),
    ]
}

/// The numbers [`GAZ_PREV`] reads of token `t` after tag `p1`.
#[inline(always)]
pub fn gaz_prev(t: &TokenInfo, p1: u8) -> (u64, u64) {
    (gazetteer(t), u64::from(p1))
}

/// The rows of the features of the tags `p1` and `p2` one and two before a token.
#[inline(always)]
pub fn tag_rows(p1: u8, p2: u8) -> [u32; 2] {
    let (p1, p2) = (p1 as u64, p2 as u64);
    [slot(mix(22, p1)), slot(mix(mix(23, p1), p2))]
}

/// The rows of the features of token `t` and its own document vote.
#[inline(always)]
pub fn own_vote_rows(t: &TokenInfo, vote: Vote) -> [u32; 3] {
    voter_rows(voter(t), vote)
}

/// What the features of a token's own vote read of the token: its
/// position (below 3), whether it is written in capitals and whether its
/// word stands in a company context (0 or 1 each).
#[inline(always)]
pub fn voter(t: &TokenInfo) -> [u64; 3] {
    [position(t), bit(t, ALL_CAPS), bit(t, COMPANY_CUE)]
}

/// Number of different [`voter`]s.
pub const VOTERS: usize = 12;

/// The index of a [`voter`], below [`VOTERS`].
#[inline(always)]
pub fn voter_index([position, caps, cue]: [u64; 3]) -> usize {
    (position * 4 + caps * 2 + cue) as usize
}

/// Every [`voter`].
pub fn voters() -> impl Iterator<Item = [u64; 3]> {
    (0..3).flat_map(|position| (0..4).map(move |k| [position, k >> 1, k & 1]))
}

/// [`own_vote_rows`] of a token that reads as `voter`.
pub fn voter_rows(voter: [u64; 3], vote: Vote) -> [u32; 3] {
    let [a, b, c] = own_vote(voter, vote);
    [VOTE_POSITION.row(a), VOTE_TYPES.row(b), CUE_VOTE.row(c)]
}

/// The numbers [`VOTE_POSITION`], [`VOTE_TYPES`] and [`CUE_VOTE`] read of
/// a token that reads as `voter` and its own document vote.
#[inline(always)]
pub fn own_vote([position, caps, cue]: [u64; 3], vote: Vote) -> [(u64, u64); 3] {
    let top = u64::from(vote.top);
    [(top, position), (u64::from(vote.types), caps), (cue, top)]
}

/// The rows of the features of the top votes of a token, of the one
/// before it and of the one after it (as [`vote_tops`] gives them).
#[inline(always)]
pub fn near_vote_rows(tops: [u8; 3]) -> [u32; 2] {
    let [before, after] = near_vote(tops);
    [VOTE_BEFORE.row(before), VOTE_AFTER.row(after)]
}

/// The numbers [`VOTE_BEFORE`] and [`VOTE_AFTER`] read of the top votes
/// `tops` (as [`vote_tops`] gives them).
#[inline(always)]
pub fn near_vote(tops: [u8; 3]) -> [(u64, u64); 2] {
    let [before, top, after] = tops.map(u64::from);
    [(before, top), (top, after)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_and_straight_apostrophes_hash_alike() {
        assert_eq!(hash_chars("’s", true), hash_chars("'s", true));
        assert_eq!(hash_chars("IBM", true), hash_chars("ibm", true));
        assert_ne!(hash_chars("IBM", false), hash_chars("ibm", false));
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape_hash("Facebook"), shape_hash("Lenovoo"));
        assert_ne!(shape_hash("IBM"), shape_hash("Ibm"));
        assert_eq!(affix_hash("Huawei", 3, true), affix_hash("wei", 3, true));
    }

    #[test]
    fn ascii_tokens_get_the_general_hashes() {
        for w in [
            "Facebook",
            "U.S.",
            "ibm",
            "IBM",
            "1,234.5",
            "a",
            "Ab",
            "McDonald",
            "`quoted`",
            "AT&T",
            "x9-Z",
            "",
            "--",
            "Corp.",
            "pharmaceuticals",
            "Inc",
        ] {
            for full in [false, true] {
                assert_eq!(
                    TokenInfo::ascii(w.as_bytes(), full),
                    Some(TokenInfo::general(w, full)),
                    "{w:?} {full}"
                );
            }
        }
        assert_eq!(TokenInfo::ascii("Zürich".as_bytes(), true), None);
        assert!(LEGAL_WORDS.iter().all(|w| w.len() <= LEGAL_MAX_LEN));
    }

    #[test]
    fn legal_words_pass_the_filter() {
        assert!(LEGAL_WORDS.iter().all(|w| is_legal(hash_chars(w, true))));
        assert!(LEGAL_WORDS
            .iter()
            .all(|w| ascii_lower_hash(w.as_bytes()) == hash_chars(w, true)));
        assert!(is_legal(hash_chars("Corp.", true)));
        assert!(!["acme", "the", "corps", "said"]
            .iter()
            .any(|w| is_legal(hash_chars(w, true))));
    }

    #[test]
    fn cue_words_are_found_in_any_case() {
        assert_ne!(cue_classes(hash_chars("SAID", true)) & cues::AFTER, 0);
        assert_ne!(cue_classes(hash_chars("’s", true)) & cues::AFTER, 0);
        let title = cue_classes(hash_chars("President", true));
        assert_eq!(title, cues::TITLE);
        assert_eq!(cue_classes(hash_chars("Acquired", true)), cues::DEAL);
        assert_eq!(cue_classes(hash_chars("BY", true)), cues::PREPOSITION);
        assert_eq!(cue_classes(hash_chars("acme", true)), 0);
    }

    #[test]
    fn pass_features_stand_at_their_positions() {
        let doc = Document::new("Shares of Acme Corp. rose in New York .");
        let p = Prepared::new(&doc, &[]);
        let votes = vec![Vote::EMPTY; p.tokens.len()];
        let mut feats = [0u32; N_FEATURES];
        for i in 0..p.tokens.len() {
            features(&p.infos, &votes, i, 1, 2, &mut feats);
            let pass = pass_features(&p.infos, &votes, i, 1, 2);
            assert_eq!(PASS_FEATURES.map(|k| feats[k]), pass);
            features(&p.infos, &votes, i, 0, 0, &mut feats);
            assert_ne!(PASS_FEATURES.map(|k| feats[k]), pass);
        }
    }

    #[test]
    fn small_pairs_and_voters_index_their_tables_densely() {
        for f in [
            GAZ_AROUND,
            LEGAL_AHEAD,
            GAZ_PREV,
            VOTE_POSITION,
            VOTE_TYPES,
            CUE_VOTE,
            VOTE_BEFORE,
            VOTE_AFTER,
        ] {
            assert!(f.keys().enumerate().all(|(k, key)| f.index(key) == k));
        }
        let mut seen: Vec<usize> = voters().map(voter_index).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..VOTERS).collect::<Vec<_>>());
        let doc = Document::new("THE ACME CORP. PLAN .\nShares of Acme Corp rose .");
        let p = Prepared::new(&doc, &[(4, 8)]);
        assert!(p.infos.iter().all(|t| voter_index(voter(t)) < VOTERS));
    }

    #[test]
    fn words_are_numbered_in_order_of_first_occurrence() {
        let doc = Document::new("Acme and ACME and acme bought Globex , Acme said .");
        let p = Prepared::new(&doc, &[]);
        assert_eq!(p.word, [0, 1, 0, 1, 0, 2, 3, 4, 0, 5, 6]);
        assert_eq!(p.n_words, 7);
        let many: Vec<TokenInfo> = (0..100u64)
            .map(|k| TokenInfo {
                lc: k % 40,
                ..edge(0)
            })
            .collect();
        let mut ids = WordIds::new(many.len());
        assert!(many
            .iter()
            .enumerate()
            .all(|(k, t)| ids.id(t.lc) as usize == k % 40));
        assert_eq!(ids.count, 40);
        drop(ids);
        // The next document, in the same table, numbers its words afresh.
        let mut next = WordIds::new(3);
        assert_eq!([7, 39, 7].map(|lc| next.id(lc)), [0, 1, 0]);
        assert_eq!(next.count, 2);
    }

    #[test]
    fn gazetteer_hits_mark_their_tokens() {
        let text = "Shares of Acme Corp. rose .\nxNew York Times fell .";
        let at = |w: &str| text.find(w).unwrap();
        let hits = [(at("Acme"), at(" rose")), (at("New"), at(" fell"))];
        let doc = Document::new(text);
        let p = Prepared::new(&doc, &hits);
        let marks: Vec<(&str, u16)> = p
            .tokens
            .iter()
            .zip(&p.infos)
            .map(|(t, i)| (&text[t.clone()], i.flags & (GAZ_B | GAZ_I)))
            .filter(|&(_, m)| m != 0)
            .collect();
        // A hit that starts inside a token marks the tokens after it only.
        assert_eq!(
            marks,
            [
                ("Acme", GAZ_B),
                ("Corp.", GAZ_I),
                ("York", GAZ_I),
                ("Times", GAZ_I)
            ]
        );
    }

    #[test]
    fn headline_sentences_are_marked() {
        let doc = Document::new("SOCCER - LEEDS BEAT CHELSEA .\nFans saw Leeds win .");
        let p = Prepared::new(&doc, &[]);
        assert!(p.infos[0].flags & HEADLINE != 0);
        assert!(p.infos[6].flags & HEADLINE == 0);
        assert!(
            p.infos[2].flags & CAP_MID != 0,
            "LEEDS is capitalized mid-sentence later"
        );
    }
}
