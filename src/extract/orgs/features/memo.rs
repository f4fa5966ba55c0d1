//! A per-thread memo of the features of short words: news text
//! repeats a small vocabulary ("the", "said", "Acme"), so most tokens find
//! their hashes here instead of hashing their bytes four times over.

use super::{cue_classes, edge, TokenInfo, WordIds};
use std::cell::RefCell;
use std::ops::Range;

/// log2 of the number of sets.
const SET_BITS: u32 = 12;
const SETS: usize = 1 << SET_BITS;
/// Words per set: a word may stand in any slot of its set.
const WAYS: usize = 4;
/// Longest word held: its bytes and its length are the key, in two
/// machine words.
const MAX_LEN: usize = 15;

/// The keys of a set's words (see [`key`]; 0: a free slot), in one cache
/// line: a look-up compares them before it reads any word's features.
#[derive(Clone, Copy)]
#[repr(align(64))]
struct Keys([u128; WAYS]);

/// A held word: its [`TokenInfo`] with the hashes of a scored token, its
/// cue classes, and its number in the document `document` (see
/// [`Memo::document`]).
#[derive(Clone, Copy)]
struct Entry {
    classes: u8,
    document: u32,
    word: u32,
    info: TokenInfo,
}

const FREE: Entry = Entry {
    classes: 0,
    document: 0,
    word: 0,
    info: edge(0),
};

/// The words are held in sets of [`WAYS`] slots: a new word takes the
/// slot of its set's oldest, so the memo never fills and never has to be
/// emptied (a table emptied when full forgets the common words with the
/// rare ones, and must then learn them again).
pub(super) struct Memo {
    keys: Vec<Keys>,
    /// By set, then slot: the words whose keys `keys` holds.
    entries: Vec<Entry>,
    /// By set: the slot the next new word takes (its oldest word's).
    next: Vec<u8>,
    /// The info of the last word too long to be remembered, computed.
    computed: TokenInfo,
    /// The document being read, counted from 1 (0: none; entries of
    /// another document have no number in this one).
    document: u32,
}

thread_local! {
    static MEMO: RefCell<Memo> = const {
        RefCell::new(Memo {
            keys: Vec::new(),
            entries: Vec::new(),
            next: Vec::new(),
            computed: edge(0),
            document: 0,
        })
    };
}

/// Runs `f` with the thread's memo.
pub(super) fn with<R>(f: impl FnOnce(&mut Memo) -> R) -> R {
    MEMO.with_borrow_mut(|memo| {
        if memo.entries.is_empty() {
            memo.keys = vec![Keys([0; WAYS]); SETS];
            memo.entries = vec![FREE; SETS * WAYS];
            memo.next = vec![0; SETS];
        }
        f(memo)
    })
}

impl Memo {
    /// Starts a new document: no word has a number in it yet.
    pub(super) fn next_document(&mut self) {
        self.document = self.document.wrapping_add(1);
        if self.document == 0 {
            // Numbers of 4 billion documents ago would seem current.
            self.entries.iter_mut().for_each(|e| e.document = 0);
            self.document = 1;
        }
    }

    /// [`TokenInfo::new`] of `text[span]` as a scored token (`full`; see
    /// [`TokenInfo::for_scoring`] for the other), its cue classes, and the
    /// number of its word in the document (from `ids`, once per word the
    /// memo holds): the info as a reference, which the caller copies once
    /// to where it keeps it.
    #[inline]
    pub(super) fn get(
        &mut self,
        text: &str,
        span: Range<usize>,
        ids: &mut WordIds,
    ) -> (&TokenInfo, u8, u32) {
        let Some(key) = key(text.as_bytes(), &span) else {
            return self.computed(&text[span], ids);
        };
        let h = ((key as u64) ^ ((key >> 64) as u64).rotate_left(29))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let set = (h >> (64 - SET_BITS)) as usize;
        let at = match self.find(set, key) {
            Some(found) => {
                let document = self.document;
                let e = &mut self.entries[found];
                if e.document != document {
                    (e.document, e.word) = (document, ids.id(e.info.lc));
                }
                found
            }
            None => self.insert(set, key, &text[span], ids),
        };
        let e = &self.entries[at];
        (&e.info, e.classes, e.word)
    }

    /// The slot of set `set` that holds the word of key `key`.
    #[inline(always)]
    fn find(&self, set: usize, key: u128) -> Option<usize> {
        let way = self.keys[set].0.iter().position(|&k| k == key)?;
        Some(set * WAYS + way)
    }

    /// Puts `word` (of key `key`) in the slot of the oldest word of set
    /// `set`, and returns that slot (out of line: most words are found).
    #[inline(never)]
    fn insert(&mut self, set: usize, key: u128, word: &str, ids: &mut WordIds) -> usize {
        // A short word with a character beyond ASCII ("Zürich", "’") is
        // remembered too: its bytes are a key as well as any.
        let info = TokenInfo::new(word, true);
        let way = usize::from(self.next[set]);
        self.next[set] = ((way + 1) % WAYS) as u8;
        self.keys[set].0[way] = key;
        let slot = set * WAYS + way;
        self.entries[slot] = Entry {
            classes: cue_classes(info.lc),
            document: self.document,
            word: ids.id(info.lc),
            info,
        };
        slot
    }

    /// [`Memo::get`] of a word the memo does not hold, computed.
    #[cold]
    fn computed(&mut self, word: &str, ids: &mut WordIds) -> (&TokenInfo, u8, u32) {
        self.computed = TokenInfo::new(word, true);
        let lc = self.computed.lc;
        (&self.computed, cue_classes(lc), ids.id(lc))
    }
}

/// The key of the word `text[span]`: its bytes zero-padded, its length in
/// the top byte; `None` when the span is empty or longer than [`MAX_LEN`].
#[inline(always)]
fn key(text: &[u8], span: &Range<usize>) -> Option<u128> {
    let n = span.len();
    if n == 0 || n > MAX_LEN {
        return None;
    }
    let bytes = match text.get(span.start..span.start + 16) {
        Some(b) => u128::from_le_bytes(b.try_into().expect("16 bytes")),
        None => {
            let mut b = [0u8; 16];
            b[..n].copy_from_slice(&text[span.clone()]);
            u128::from_le_bytes(b)
        }
    };
    Some(bytes & KEY_MASKS[n] | (n as u128) << 120)
}

/// By length `n`: the mask of the first `n` bytes of a key (a look-up
/// costs less than a shift of 128 bits by a variable amount).
const KEY_MASKS: [u128; MAX_LEN + 1] = {
    let mut masks = [0; MAX_LEN + 1];
    let mut n = 1;
    while n <= MAX_LEN {
        masks[n] = u128::MAX >> (128 - 8 * n);
        n += 1;
    }
    masks
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_words_get_their_own_features() {
        let text = "Acme said acme ACME sa said Zürich ǅem a\0 a 0123456789abcdefXYZ \
                    0123456789abcdef 0123456789abcde Corp. corp";
        let words: Vec<Range<usize>> = text
            .split(' ')
            .map(|w| {
                let at = w.as_ptr() as usize - text.as_ptr() as usize;
                at..at + w.len()
            })
            .collect();
        // Two documents of the same words: each numbers them from 0, as a
        // table of their own numbers them.
        with(|memo| {
            for _ in 0..2 {
                memo.next_document();
                let mut ids = WordIds::new(words.len());
                let mut expected = WordIds::new(words.len());
                for w in &words {
                    for full in [false, true] {
                        let (info, classes, word) = memo.get(text, w.clone(), &mut ids);
                        let direct = TokenInfo::new(&text[w.clone()], full);
                        let info = info.for_scoring(full);
                        assert_eq!(info, direct, "{:?} {full}", &text[w.clone()]);
                        assert_eq!(classes, cue_classes(direct.lc));
                        assert_eq!(word, expected.id(direct.lc));
                    }
                }
            }
        });
        // A word at the very end of the text is read without reading past it.
        let end = "x Acme";
        let mut ids = WordIds::new(1);
        with(|memo| {
            assert_eq!(
                *memo.get(end, 2..6, &mut ids).0,
                TokenInfo::new("Acme", true)
            )
        });
    }

    #[test]
    fn words_beyond_the_memo_take_the_oldest_slots() {
        // More words than slots, read twice: every word keeps its own
        // features and number, whether still held or evicted and read again.
        let words: Vec<String> = (0..2 * SETS * WAYS).map(|k| format!("w{k}")).collect();
        let text = words.join(" ");
        let mut ids = WordIds::new(words.len());
        let mut expected = WordIds::new(words.len());
        with(|memo| {
            memo.next_document();
            for _ in 0..2 {
                let mut at = 0;
                for w in &words {
                    let (info, _, word) = memo.get(&text, at..at + w.len(), &mut ids);
                    assert_eq!(*info, TokenInfo::new(w, true));
                    assert_eq!(word, expected.id(info.lc));
                    at += w.len() + 1;
                }
            }
        });
    }
}
