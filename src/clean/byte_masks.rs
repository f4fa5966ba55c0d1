//! The byte classes `LineStats::of` reads of a line, as bit masks of
//! 64-byte blocks (bit `i` for byte `i` of the block): words are found and
//! marks counted from the masks, not byte by byte.

/// Which bytes of one block are word bytes (ASCII letters and digits, and
/// non-ASCII bytes: a run with some is read character by character),
/// upper-case letters, sentence marks (`.!?`), link marks (`|>/#@`),
/// colons, non-ASCII bytes and UTF-8 continuation bytes (`0x80..=0xbf`).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Masks {
    pub word: u64,
    pub upper: u64,
    pub sentence: u64,
    pub link: u64,
    pub colon: u64,
    pub non_ascii: u64,
    pub continuation: u64,
}

/// The masks of the 64 bytes of `bytes` from `at` (below its length); bytes
/// past the end count as zero bytes, of no class.
#[inline]
pub fn block(bytes: &[u8], at: usize) -> Masks {
    with_block(bytes, at, of_block)
}

/// `of` of the 64 bytes of `bytes` from `at`, padded with zero bytes past
/// its end.
#[inline(always)]
fn with_block(bytes: &[u8], at: usize, of: impl Fn(&[u8; 64]) -> Masks) -> Masks {
    match bytes.get(at..at + 64) {
        Some(b) => of(b.try_into().expect("64 bytes")),
        None => {
            let mut tail = [0u8; 64];
            copy_short(&bytes[at..], &mut tail);
            of(&tail)
        }
    }
}

/// `dst[..src.len()] = src` for `src` below 64 bytes (most lines), with two
/// overlapping copies of a fixed size: no `memcpy` call per line.
#[inline(always)]
fn copy_short(src: &[u8], dst: &mut [u8; 64]) {
    let n = src.len();
    let mut two = |k: usize| {
        dst[..k].copy_from_slice(&src[..k]);
        dst[n - k..n].copy_from_slice(&src[n - k..]);
    };
    match n {
        32.. => two(32),
        16.. => two(16),
        8.. => two(8),
        4.. => two(4),
        _ => dst[..n].copy_from_slice(src),
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
            // A non-ASCII byte has its high bit set, as the compares' ones do.
            let alnum = or(within(or(v, set(0x20)), b'a', b'z'), within(v, b'0', b'9'));
            m.word |= bits(or(alnum, v));
            m.upper |= bits(within(v, b'A', b'Z'));
            m.sentence |= bits(or(or(eq(b'.'), eq(b'!')), eq(b'?')));
            m.link |= bits(or(
                or(or(eq(b'|'), eq(b'>')), or(eq(b'/'), eq(b'#'))),
                eq(b'@'),
            ));
            m.colon |= bits(eq(b':'));
            m.non_ascii |= bits(v);
            // Signed: 0x80..=0xbf are the bytes below -64.
            m.continuation |= bits(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
        }
    }
    m
}

/// `block` with AVX2: two 32-byte halves instead of four 16-byte quarters.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
pub fn block_avx2(bytes: &[u8], at: usize) -> Masks {
    // The closure inherits this function's AVX2.
    with_block(bytes, at, |b| of_block_avx2(b))
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
fn of_block_avx2(b: &[u8; 64]) -> Masks {
    // SAFETY: the two 32-byte loads lie in `b` (unaligned loads).
    let (lo, hi) = unsafe {
        use std::arch::x86_64::_mm256_loadu_si256;
        (
            half_avx2(_mm256_loadu_si256(b.as_ptr().cast())),
            half_avx2(_mm256_loadu_si256(b.as_ptr().add(32).cast())),
        )
    };
    let join = |l: u32, h: u32| u64::from(l) | u64::from(h) << 32;
    Masks {
        word: join(lo[0], hi[0]),
        upper: join(lo[1], hi[1]),
        sentence: join(lo[2], hi[2]),
        link: join(lo[3], hi[3]),
        colon: join(lo[4], hi[4]),
        non_ascii: join(lo[5], hi[5]),
        continuation: join(lo[6], hi[6]),
    }
}

/// The seven masks of 32 bytes, in `Masks` field order. Each leaves as a
/// plain integer through an empty `asm!` (no instruction): left as a
/// vector of bits, LLVM took the masks apart bit by bit (twice the
/// instructions of the SSE2 loop).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
fn half_avx2(v: std::arch::x86_64::__m256i) -> [u32; 7] {
    use std::arch::x86_64::*;
    let set = |c: u8| _mm256_set1_epi8(c as i8);
    // Signed compares, as in `of_block`: bytes from 0x80 are in no class.
    let within = |v: __m256i, lo: u8, hi: u8| {
        _mm256_and_si256(
            _mm256_cmpgt_epi8(v, set(lo - 1)),
            _mm256_cmpgt_epi8(set(hi + 1), v),
        )
    };
    let eq = |c: u8| _mm256_cmpeq_epi8(v, set(c));
    let or = |x: __m256i, y: __m256i| _mm256_or_si256(x, y);
    // A non-ASCII byte has its high bit set, as the compares' ones do.
    let alnum = or(within(or(v, set(0x20)), b'a', b'z'), within(v, b'0', b'9'));
    [
        or(alnum, v),
        within(v, b'A', b'Z'),
        or(or(eq(b'.'), eq(b'!')), eq(b'?')),
        or(or(or(eq(b'|'), eq(b'>')), or(eq(b'/'), eq(b'#'))), eq(b'@')),
        eq(b':'),
        v,
        // 0x80..=0xbf: the signed bytes below -64.
        _mm256_cmpgt_epi8(_mm256_set1_epi8(-64), v),
    ]
    .map(|x| {
        let mut bits = _mm256_movemask_epi8(x) as u32;
        // SAFETY: a template of only a comment: `bits` is left as it is.
        unsafe { std::arch::asm!("/* {0:e} */", inout(reg) bits, options(pure, nomem, nostack)) };
        bits
    })
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
        set(&mut m.word, c.is_ascii_alphanumeric() || c >= 0x80);
        set(&mut m.upper, c.is_ascii_uppercase());
        set(&mut m.sentence, matches!(c, b'.' | b'!' | b'?'));
        set(&mut m.link, matches!(c, b'|' | b'>' | b'/' | b'#' | b'@'));
        set(&mut m.colon, c == b':');
        set(&mut m.non_ascii, c >= 0x80);
        set(&mut m.continuation, (0x80..0xc0).contains(&c));
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
                #[cfg(target_arch = "x86_64")]
                if std::arch::is_x86_feature_detected!("avx2") {
                    // SAFETY: the CPU has AVX2, checked just above.
                    assert_eq!(unsafe { of_block_avx2(&block) }, portable(&block));
                }
            }
        }
    }

    #[test]
    fn bytes_past_the_end_are_of_no_class() {
        let line = b"Read more: www.example.com/a|b";
        for len in 0..=line.len() {
            let m = block(&line[..len], 0);
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU has AVX2, checked just above.
                assert_eq!(unsafe { block_avx2(&line[..len], 0) }, m);
            }
            let mut padded = [0u8; 64];
            padded[..len].copy_from_slice(&line[..len]);
            assert_eq!(m, portable(&padded), "{len}");
            assert_eq!(m.word >> len, 0);
        }
    }
}
