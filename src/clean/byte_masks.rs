//! The byte classes `LineStats::of` reads of an ASCII line, as bit masks of
//! 64-byte blocks (bit `i` for byte `i` of the block): words are found and
//! marks counted from the masks, not byte by byte.

/// Which bytes of one block are ASCII letters, digits, upper-case letters,
/// sentence marks (`.!?`), link marks (`|>/#@`) and colons.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Masks {
    pub alpha: u64,
    pub digit: u64,
    pub upper: u64,
    pub sentence: u64,
    pub link: u64,
    pub colon: u64,
}

impl Masks {
    /// Letters and digits: the bytes of ASCII words.
    #[inline]
    pub fn word(&self) -> u64 {
        self.alpha | self.digit
    }
}

/// The masks of the 64 bytes of `bytes` from `at` (below its length); bytes
/// past the end count as zero bytes, of no class.
#[inline]
pub fn block(bytes: &[u8], at: usize) -> Masks {
    match bytes.get(at..at + 64) {
        Some(b) => of_block(b.try_into().expect("64 bytes")),
        None => {
            let mut tail = [0u8; 64];
            tail[..bytes.len() - at].copy_from_slice(&bytes[at..]);
            of_block(&tail)
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[inline]
fn of_block(b: &[u8; 64]) -> Masks {
    use std::arch::x86_64::*;
    let mut m = Masks::default();
    // SAFETY: SSE2 is part of x86_64; the four 16-byte loads lie in `b`.
    unsafe {
        let set = |c: u8| _mm_set1_epi8(c as i8);
        // Signed compares are right here: a byte from 0x80 is negative, in
        // no range and equal to no ASCII byte.
        let within = |v: __m128i, lo: u8, hi: u8| {
            _mm_and_si128(
                _mm_cmpgt_epi8(v, set(lo - 1)),
                _mm_cmplt_epi8(v, set(hi + 1)),
            )
        };
        for k in 0..4 {
            let v = _mm_loadu_si128(b.as_ptr().add(16 * k).cast());
            let bits = |x: __m128i| (_mm_movemask_epi8(x) as u16 as u64) << (16 * k);
            let eq = |c: u8| _mm_cmpeq_epi8(v, set(c));
            let or = |x: __m128i, y: __m128i| _mm_or_si128(x, y);
            m.alpha |= bits(within(or(v, set(0x20)), b'a', b'z'));
            m.digit |= bits(within(v, b'0', b'9'));
            m.upper |= bits(within(v, b'A', b'Z'));
            m.sentence |= bits(or(or(eq(b'.'), eq(b'!')), eq(b'?')));
            m.link |= bits(or(
                or(or(eq(b'|'), eq(b'>')), or(eq(b'/'), eq(b'#'))),
                eq(b'@'),
            ));
            m.colon |= bits(eq(b':'));
        }
    }
    m
}

#[cfg(not(target_arch = "x86_64"))]
fn of_block(b: &[u8; 64]) -> Masks {
    portable(b)
}

/// `of_block` a byte at a time.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn portable(b: &[u8; 64]) -> Masks {
    let mut m = Masks::default();
    for (i, &c) in b.iter().enumerate() {
        let bit = 1u64 << i;
        let set = |mask: &mut u64, on: bool| *mask |= if on { bit } else { 0 };
        set(&mut m.alpha, c.is_ascii_alphabetic());
        set(&mut m.digit, c.is_ascii_digit());
        set(&mut m.upper, c.is_ascii_uppercase());
        set(&mut m.sentence, matches!(c, b'.' | b'!' | b'?'));
        set(&mut m.link, matches!(c, b'|' | b'>' | b'/' | b'#' | b'@'));
        set(&mut m.colon, c == b':');
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_value_in_every_position_gets_its_classes() {
        for c in 0..=255u8 {
            for at in [0, 1, 15, 16, 31, 32, 47, 48, 63] {
                let text = b"Ab|>/#@ xYZ.a:!?09 Hello, World. www.x.com http://a.b 'q' (x)";
                let mut block = [b' '; 64];
                block[..text.len()].copy_from_slice(text);
                block[at] = c;
                assert_eq!(of_block(&block), portable(&block), "{c} at {at}");
            }
        }
    }

    #[test]
    fn bytes_past_the_end_are_of_no_class() {
        let line = b"Read more: www.example.com/a|b";
        for len in 0..=line.len() {
            let m = block(&line[..len], 0);
            let mut padded = [0u8; 64];
            padded[..len].copy_from_slice(&line[..len]);
            assert_eq!(m, portable(&padded), "{len}");
            assert_eq!(m.word() >> len, 0);
        }
    }
}
