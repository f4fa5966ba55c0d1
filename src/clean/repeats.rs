//! How often a page repeats a line, or the first three words of a line:
//! the counts behind the `dup` and `prefix_dup` features, grouped through
//! an open-addressing table (linear in the page's lines, no sort).

use super::features::Block;

/// How many blocks of the page have the same text as each block.
pub fn duplicate_counts(blocks: &[Block]) -> Vec<u32> {
    // Texts are compared only when their hashes are equal.
    group_sizes(
        blocks.len(),
        |i| Some(text_hash(blocks[i].text)),
        |a, b| blocks[a].text == blocks[b].text,
    )
}

/// How many other blocks of the page open with the same three words as
/// each block: templated runs ("Click to share on ...", "Free shipping on
/// orders ...") are furniture. Prose lines are left out (count 0): sentences
/// that share an opening ("The company said ...") are still article text.
pub fn prefix_counts(blocks: &[Block], prose: impl Fn(usize) -> bool) -> Vec<u32> {
    let mut counts = group_sizes(
        blocks.len(),
        |i| {
            if prose(i) {
                None
            } else {
                prefix_key(blocks[i].text)
            }
        },
        |_, _| true,
    );
    counts.iter_mut().for_each(|c| *c = c.saturating_sub(1));
    counts
}

/// Per line of `n`, the size of its group: lines with the same `key` that
/// are also `same` (given two line indices); 0 for a line without a key.
fn group_sizes(
    n: usize,
    key: impl Fn(usize) -> Option<u64>,
    same: impl Fn(usize, usize) -> bool,
) -> Vec<u32> {
    let (ids, groups) = crate::text::hash::groups(n, key, same);
    let mut sizes = vec![0u32; groups];
    ids.iter().flatten().for_each(|&g| sizes[g as usize] += 1);
    ids.iter()
        .map(|g| g.map_or(0, |g| sizes[g as usize]))
        .collect()
}

/// A 64-bit hash of a line's bytes (lines with equal hashes are compared):
/// the multiply-rotate of `FastHasher`, seeded with the length, eight bytes
/// at a time; the last bytes are read as the line's last eight, shifted,
/// rather than copied out (a `memcpy` call per line).
fn text_hash(text: &str) -> u64 {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let bytes = text.as_bytes();
    let n = bytes.len();
    let add = |h: u64, word: u64| (h.rotate_left(5) ^ word).wrapping_mul(SEED);
    let mut h = add(0, n as u64);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        h = add(h, u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
    }
    let rest = chunks.remainder().len();
    if rest == 0 {
        return h;
    }
    let last = if n >= 8 {
        let end = u64::from_le_bytes(bytes[n - 8..].try_into().expect("8 bytes"));
        end >> (8 * (8 - rest))
    } else {
        bytes.iter().rev().fold(0u64, |v, &b| v << 8 | b as u64)
    };
    add(h, last)
}

/// The first three words of a line, lower-cased, as a key; `None` for
/// shorter lines.
fn prefix_key(text: &str) -> Option<u64> {
    let bytes = text.as_bytes();
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let mut i = 0;
    // A non-ASCII byte before the third word ends sends the line to
    // `str`'s Unicode word split.
    for _ in 0..3 {
        while i < bytes.len() && KEY_BYTE[bytes[i] as usize] == SPACE {
            i += 1;
        }
        if i == bytes.len() {
            return None;
        }
        while i < bytes.len() {
            match KEY_BYTE[bytes[i] as usize] {
                SPACE => break,
                NON_ASCII => return unicode_prefix_key(text),
                lower => h = (h ^ lower as u64).wrapping_mul(0x100_0000_01b3),
            }
            i += 1;
        }
        h = (h ^ b' ' as u64).wrapping_mul(0x100_0000_01b3);
    }
    Some(h)
}

/// Per byte, what `prefix_key` reads of it: white space (Unicode white
/// space in ASCII is tab to carriage return and space), a non-ASCII byte,
/// or the lower-cased byte of a word (ASCII, so never `SPACE` or `NON_ASCII`).
const KEY_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'\t'..=b'\r' | b' ' => SPACE,
            0x80.. => NON_ASCII,
            c => c.to_ascii_lowercase(),
        };
        b += 1;
    }
    t
};
const SPACE: u8 = 0xff;
const NON_ASCII: u8 = 0x80;

fn unicode_prefix_key(text: &str) -> Option<u64> {
    let mut words = text.split_whitespace();
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for _ in 0..3 {
        for b in words.next()?.bytes() {
            h = (h ^ b.to_ascii_lowercase() as u64).wrapping_mul(0x100_0000_01b3);
        }
        h = (h ^ b' ' as u64).wrapping_mul(0x100_0000_01b3);
    }
    Some(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks<'a>(texts: &[&'a str]) -> Vec<Block<'a>> {
        texts.iter().map(|t| Block::plain(t)).collect()
    }

    #[test]
    fn prefix_keys_of_ascii_lines_match_the_unicode_split() {
        for line in [
            "Click to share on Facebook",
            "  Click\tTO share  on Reddit",
            "Free shipping",
            "Café to share on X",
            "A\0B c\x0bd e",
            "\u{7f}x y z",
        ] {
            assert_eq!(prefix_key(line), unicode_prefix_key(line), "{line}");
        }
        assert_eq!(prefix_key("Free shipping"), None);
    }

    #[test]
    fn templated_openings_are_counted_and_prose_is_left_out() {
        let b = blocks(&[
            "Click to share on Facebook",
            "Click to share on Reddit",
            "Menu",
            "Click here",
            "The company said on Monday that its sales had risen by a tenth.",
            "The company said that it would also open two new plants next year.",
            "click TO share on X",
        ]);
        let prose = [false, false, false, false, true, true, false];
        assert_eq!(prefix_counts(&b, |i| prose[i]), [2, 2, 0, 0, 0, 0, 2]);
    }

    #[test]
    fn equal_lines_are_counted_together() {
        let b = blocks(&["Menu", "Share", "Menu", "menu", "", "Share", "Menu", ""]);
        assert_eq!(duplicate_counts(&b), [3, 2, 3, 1, 2, 2, 3, 2]);
    }

    /// Many lines, few distinct: the counts agree with a quadratic count,
    /// table growth and wrap-around included.
    #[test]
    fn counts_match_a_pairwise_count() {
        let texts: Vec<String> = (0..300)
            .map(|i| format!("line {} of {}", i * 7 % 13, i % 3))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let b = blocks(&refs);
        let pairwise: Vec<u32> = refs
            .iter()
            .map(|t| refs.iter().filter(|u| *u == t).count() as u32)
            .collect();
        assert_eq!(duplicate_counts(&b), pairwise);
    }
}
