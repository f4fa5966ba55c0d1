//! Byte offsets (what Rust slices by) to code point offsets (what the output
//! contract and Python use), in O(log n) per lookup and O(non-ASCII chars) memory.

/// Converts byte offsets of one string into code point offsets.
pub struct CharOffsets {
    /// Byte position just after each multi-byte character, with the number of
    /// extra bytes seen up to there.
    marks: Vec<(usize, usize)>,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        if !text.is_ascii() {
            // Lead bytes tell a character's length; ASCII bytes are skipped
            // without decoding.
            let bytes = text.as_bytes();
            let mut extra = 0;
            let mut i = 0;
            while i < bytes.len() {
                // Eight ASCII bytes at a time.
                if let Some(word) = bytes.get(i..i + 8) {
                    let word = u64::from_ne_bytes(word.try_into().expect("eight bytes"));
                    if word & 0x8080_8080_8080_8080 == 0 {
                        i += 8;
                        continue;
                    }
                }
                let b = bytes[i];
                if b < 0x80 {
                    i += 1;
                    continue;
                }
                let n = match b {
                    0xF0.. => 4,
                    0xE0.. => 3,
                    _ => 2,
                };
                extra += n - 1;
                i += n;
                marks.push((i, extra));
            }
        }
        CharOffsets { marks }
    }

    /// Code point offset of byte offset `byte`, which must lie on a char boundary.
    pub fn char_of(&self, byte: usize) -> usize {
        let i = self.marks.partition_point(|&(end, _)| end <= byte);
        match i.checked_sub(1) {
            Some(j) => byte - self.marks[j].1,
            None => byte,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_counting_on_mixed_text() {
        let t = "a“b”c – é 😀 end";
        let c = CharOffsets::new(t);
        for (i, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
            assert_eq!(c.char_of(i), t[..i].chars().count(), "byte {i}");
        }
    }

    #[test]
    fn ascii_is_identity() {
        let c = CharOffsets::new("plain ascii");
        assert_eq!(c.char_of(7), 7);
    }
}
