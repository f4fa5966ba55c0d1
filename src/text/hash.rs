//! Hash maps and sets for the short strings of one article (names, words):
//! the standard SipHash guards against crafted keys, which these tables of
//! a few tens of names don't need, and costs more than the lookups it serves.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A `HashSet` with [`FastHasher`].
pub type FastSet<T> = HashSet<T, BuildHasherDefault<FastHasher>>;

/// The multiply-rotate hash of rustc ("FxHash"), eight bytes at a time.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 56));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The group of each of `n` items, numbered in order of first occurrence,
/// and the number of groups: items with equal `key`s that are also `same`
/// (given two item indices) share a group; an item without a key has none.
/// Linear in `n`: an open-addressing table at most half full.
pub fn groups(
    n: usize,
    key: impl Fn(usize) -> Option<u64>,
    same: impl Fn(usize, usize) -> bool,
) -> (Vec<Option<u32>>, usize) {
    /// A group's key and first item; `u32::MAX` marks a free slot.
    const FREE: (u64, u32, u32) = (0, u32::MAX, 0);
    let bits = (2 * n).max(16).next_power_of_two().trailing_zeros();
    let mask = (1usize << bits) - 1;
    // The table is kept per thread between calls: one allocation, not one per page.
    thread_local! {
        static TABLE: Cell<Vec<(u64, u32, u32)>> = const { Cell::new(Vec::new()) };
    }
    let mut table = TABLE.take();
    table.clear();
    table.resize(mask + 1, FREE);
    let mut count = 0;
    let ids = (0..n)
        .map(|i| {
            let k = key(i)?;
            let mut s = (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize;
            loop {
                let (key, first, id) = &mut table[s];
                if *first == u32::MAX {
                    (*key, *first, *id) = (k, i as u32, count);
                    count += 1;
                    return Some(*id);
                }
                if *key == k && same(*first as usize, i) {
                    return Some(*id);
                }
                s = (s + 1) & mask;
            }
        })
        .collect();
    TABLE.set(table);
    (ids, count as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_number_equal_items_in_order_of_first_occurrence() {
        let words = ["b", "a", "b", "", "c", "a", "B"];
        let key = |i: usize| (!words[i].is_empty()).then(|| words[i].len() as u64);
        let (ids, n) = groups(words.len(), key, |a, b| words[a] == words[b]);
        assert_eq!(
            ids,
            [Some(0), Some(1), Some(0), None, Some(2), Some(1), Some(3)]
        );
        assert_eq!(n, 4);
    }

    #[test]
    fn maps_find_what_they_hold() {
        let mut m: FastMap<&str, usize> = FastMap::default();
        for (i, w) in ["Acme", "Acme Corp", "Globex", "", "a longer name of words"]
            .iter()
            .enumerate()
        {
            m.insert(w, i);
        }
        assert_eq!(m.get("Acme Corp"), Some(&1));
        assert_eq!(m.get(""), Some(&3));
        assert_eq!(m.get("Acme Cor"), None);
        let s: FastSet<String> = ["x".to_string()].into_iter().collect();
        assert!(s.contains("x"));
    }

    #[test]
    fn short_keys_differing_in_length_hash_apart() {
        let hash = |b: &[u8]| {
            let mut h = FastHasher::default();
            h.write(b);
            h.finish()
        };
        assert_ne!(hash(b"a"), hash(b"a\0"));
    }
}
