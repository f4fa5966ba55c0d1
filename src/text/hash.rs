//! Hash maps and sets for the short strings of one article (names, words):
//! the standard SipHash guards against crafted keys, which these tables of
//! a few tens of names don't need, and costs more than the lookups it serves.

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

#[cfg(test)]
mod tests {
    use super::*;

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
