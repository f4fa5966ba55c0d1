//! A per-thread memo of the features of short words: news text
//! repeats a small vocabulary ("the", "said", "Acme"), so most tokens find
//! their hashes here instead of hashing their bytes four times over.

use super::{cue_classes, edge, TokenInfo, WordIds};
use std::cell::RefCell;
use std::ops::Range;

/// log2 of the number of slots.
const BITS: u32 = 14;
const SLOTS: usize = 1 << BITS;
/// Words held before the memo is emptied: at most half full, so probes stay short.
const MAX_WORDS: usize = SLOTS / 2;
/// Longest word held: its bytes are the key, in two machine words.
const MAX_LEN: usize = 16;

/// A word (its bytes, zero-padded, and its length; 0: a free slot), its
/// [`TokenInfo`] with the hashes of a scored token, its cue classes, and
/// its number in the document `document` (see [`Memo::document`]).
#[derive(Clone, Copy)]
struct Entry {
    key: u128,
    len: u8,
    classes: u8,
    document: u32,
    word: u32,
    info: TokenInfo,
}

const FREE: Entry = Entry {
    key: 0,
    len: 0,
    classes: 0,
    document: 0,
    word: 0,
    info: edge(0),
};

pub(super) struct Memo {
    entries: Vec<Entry>,
    words: usize,
    /// The info of the last word too long to be remembered, computed.
    computed: TokenInfo,
    /// The document being read, counted from 1 (0: none; entries of
    /// another document have no number in this one).
    document: u32,
}

thread_local! {
    static MEMO: RefCell<Memo> = const {
        RefCell::new(Memo { entries: Vec::new(), words: 0, computed: edge(0), document: 0 })
    };
}

/// Runs `f` with the thread's memo.
pub(super) fn with<R>(f: impl FnOnce(&mut Memo) -> R) -> R {
    MEMO.with_borrow_mut(|memo| {
        if memo.entries.is_empty() {
            memo.entries = vec![FREE; SLOTS];
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
            self.entries.fill(FREE);
            self.words = 0;
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
        let len = span.len() as u8;
        let h = ((key as u64) ^ ((key >> 64) as u64).rotate_left(29) ^ u64::from(len))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut s = (h >> (64 - BITS)) as usize;
        match self.find(key, len, s) {
            Ok(found) => {
                let document = self.document;
                let e = &mut self.entries[found];
                if e.document != document {
                    (e.document, e.word) = (document, ids.id(e.info.lc));
                }
                return (&e.info, e.classes, e.word);
            }
            Err(free) => s = free,
        }
        // A short word with a character beyond ASCII ("Zürich", "’") is
        // remembered too: its bytes are a key as well as any.
        let info = TokenInfo::new(&text[span], true);
        if self.words == MAX_WORDS {
            self.entries.fill(FREE);
            self.words = 0;
            s = (h >> (64 - BITS)) as usize;
        }
        let classes = cue_classes(info.lc);
        let word = ids.id(info.lc);
        self.entries[s] = Entry {
            key,
            len,
            classes,
            document: self.document,
            word,
            info,
        };
        self.words += 1;
        (&self.entries[s].info, classes, word)
    }

    /// The slot from `s` on that holds the word `key` of `len` bytes
    /// (`Ok`), or else the free slot where it goes (`Err`).
    #[inline(always)]
    fn find(&self, key: u128, len: u8, mut s: usize) -> Result<usize, usize> {
        loop {
            let e = &self.entries[s];
            if e.key == key && e.len == len {
                return Ok(s);
            }
            if e.len == 0 {
                return Err(s);
            }
            s = (s + 1) & (SLOTS - 1);
        }
    }

    /// [`Memo::get`] of a word the memo does not hold, computed.
    #[cold]
    fn computed(&mut self, word: &str, ids: &mut WordIds) -> (&TokenInfo, u8, u32) {
        self.computed = TokenInfo::new(word, true);
        let lc = self.computed.lc;
        (&self.computed, cue_classes(lc), ids.id(lc))
    }
}

/// The bytes of `text[span]` zero-padded into one key; `None` when the span
/// is empty or longer than [`MAX_LEN`].
#[inline(always)]
fn key(text: &[u8], span: &Range<usize>) -> Option<u128> {
    let n = span.len();
    if n == 0 || n > MAX_LEN {
        return None;
    }
    let bytes = match text.get(span.start..span.start + MAX_LEN) {
        Some(b) => u128::from_le_bytes(b.try_into().expect("16 bytes")),
        None => {
            let mut b = [0u8; MAX_LEN];
            b[..n].copy_from_slice(&text[span.clone()]);
            u128::from_le_bytes(b)
        }
    };
    Some(bytes & KEY_MASKS[n])
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
                    0123456789abcdef Corp. corp";
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
    fn a_full_memo_starts_again() {
        let words: Vec<String> = (0..MAX_WORDS + 10).map(|k| format!("w{k}")).collect();
        let text = words.join(" ");
        let mut ids = WordIds::new(words.len());
        let mut expected = WordIds::new(words.len());
        with(|memo| {
            memo.next_document();
            let mut at = 0;
            for w in &words {
                let (info, _, word) = memo.get(&text, at..at + w.len(), &mut ids);
                assert_eq!(*info, TokenInfo::new(w, true));
                assert_eq!(word, expected.id(info.lc));
                at += w.len() + 1;
            }
        });
    }
}
