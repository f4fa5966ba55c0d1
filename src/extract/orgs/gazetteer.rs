//! The built-in gazetteer (`data/orgs/gazetteer.txt`): names matched on word
//! boundaries, the longest name at a word start first. Names are looked up
//! by their first word, so only the few words that begin some name cost
//! more than a glance.

use super::features::IdHasher;
use crate::text::hash::FastSet;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

static SOURCE: &str = include_str!("../../../data/orgs/gazetteer.txt");

struct Gazetteer {
    /// Every form of every name (house-style variants included).
    patterns: Vec<String>,
    /// Canonical name of each pattern, by pattern index.
    canonical: Vec<String>,
    /// Canonical names that are also common words (lines starting with "?"):
    /// looked up for every gazetteer hit, so not with SipHash.
    common: FastSet<String>,
    /// The patterns by the [`word_hash`] of their first word (run of word
    /// bytes), longest first, then in file order.
    by_first_word: HashMap<u64, Vec<u32>, BuildHasherDefault<IdHasher>>,
    /// Bit `b0 << 8 | b1` set when some name starts with the bytes `b0 b1`
    /// (every `b1` for a one-byte name).
    starts: Vec<u64>,
    /// Bit `word_hash >> 48` of the first word of every name.
    first_words: Vec<u64>,
}

fn word_hash(word: &[u8]) -> u64 {
    word.iter().fold(0x9e37_79b9_7f4a_7c15u64, |h, &b| {
        (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95)
    })
}

fn bit(set: &[u64], i: usize) -> bool {
    set[i / 64] >> (i % 64) & 1 != 0
}

fn set_bit(set: &mut [u64], i: usize) {
    set[i / 64] |= 1 << (i % 64);
}

impl Gazetteer {
    /// The end and pattern index of the longest name at the word start
    /// `start` of `bytes`. A name that is only a prefix of the word there
    /// would run into it, and counts for nothing: such names are not looked for.
    /// `word_end`: the end of that word, asked for when its first bytes may start a name.
    #[inline]
    fn longest_at(
        &self,
        bytes: &[u8],
        start: usize,
        word_end: impl FnOnce() -> usize,
    ) -> Option<(usize, usize)> {
        let next = bytes.get(start + 1).copied().unwrap_or(0);
        let pair = usize::from(bytes[start]) << 8 | usize::from(next);
        if !bit(&self.starts, pair) {
            return None;
        }
        let word = &bytes[start..word_end()];
        let h = word_hash(word);
        if !bit(&self.first_words, (h >> 48) as usize) {
            return None;
        }
        let rest = &bytes[start..];
        self.by_first_word.get(&h)?.iter().find_map(|&k| {
            let p = self.patterns[k as usize].as_bytes();
            rest.starts_with(p).then_some((start + p.len(), k as usize))
        })
    }
}

/// The forms British house style gives a name: "Nasa" for "NASA",
/// "Metlife" for "MetLife" (acronyms of four letters or more, and words
/// capitalized inside).
fn house_style(form: &str) -> Option<String> {
    let recase = |w: &str| {
        let mut chars = w.chars();
        let first = chars.next()?;
        let rest: String = chars.collect();
        let letters = rest.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = letters >= 3 && rest.chars().all(|c| c.is_ascii_uppercase());
        let camel = first.is_uppercase()
            && rest.chars().any(char::is_lowercase)
            && rest.chars().any(char::is_uppercase);
        (first.is_ascii_uppercase() && (acronym || camel))
            .then(|| format!("{first}{}", rest.to_lowercase()))
    };
    let mut changed = false;
    let words: Vec<String> = form
        .split(' ')
        .map(|w| match recase(w) {
            Some(r) => {
                changed = true;
                r
            }
            None => w.to_string(),
        })
        .collect();
    changed.then(|| words.join(" "))
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut canonical = Vec::new();
    let mut common = FastSet::default();
    for line in SOURCE.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (line, is_common) = match line.strip_prefix('?') {
            Some(rest) => (rest.trim(), true),
            None => (line, false),
        };
        let forms: Vec<&str> = line
            .split(" | ")
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect();
        let Some(first) = forms.first() else { continue };
        let name = super::strip_name(first);
        if is_common {
            common.insert(name.clone());
        }
        for form in forms {
            if let Some(variant) = house_style(form) {
                patterns.push(variant);
                canonical.push(name.clone());
            }
            patterns.push(form.to_string());
            canonical.push(name.clone());
        }
    }
    let mut starts = vec![0u64; 65536 / 64];
    let mut first_words = vec![0u64; 65536 / 64];
    let mut by_first_word: HashMap<u64, Vec<u32>, BuildHasherDefault<IdHasher>> =
        HashMap::default();
    for (k, p) in patterns.iter().enumerate() {
        let p = p.as_bytes();
        assert!(
            p.first().is_some_and(|&b| is_word_byte(b)),
            "gazetteer names start with a letter or digit"
        );
        let first = p.iter().position(|&b| !is_word_byte(b)).unwrap_or(p.len());
        let h = word_hash(&p[..first]);
        set_bit(&mut first_words, (h >> 48) as usize);
        by_first_word.entry(h).or_default().push(k as u32);
        let second = match p.get(1) {
            Some(&b) => b..=b,
            None => 0..=255,
        };
        for b1 in second {
            set_bit(&mut starts, usize::from(p[0]) << 8 | usize::from(b1));
        }
    }
    for list in by_first_word.values_mut() {
        list.sort_by_key(|&k| (std::cmp::Reverse(patterns[k as usize].len()), k));
    }
    Gazetteer {
        patterns,
        canonical,
        common,
        by_first_word,
        starts,
        first_words,
    }
});

/// True when the gazetteer name `canonical` is also a common word ("Total",
/// "Sharp"), which names the organization only away from a sentence start.
pub fn is_common_word(canonical: &str) -> bool {
    GAZETTEER.common.contains(canonical)
}

fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// Bytes of words: ASCII letters, digits, '_' and all of UTF-8's multi-byte characters.
static WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize || b >= 0x80;
        b += 1;
    }
    t
};

/// The end of the run of word bytes at `bytes[i..]`.
fn word_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && is_word_byte(bytes[i]) {
        i += 1;
    }
    i
}

/// Bit `k` set when `bytes[k]` is a word byte, for up to 64 bytes.
#[inline]
fn word_mask(bytes: &[u8]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    if bytes.len() == 64 {
        use std::arch::x86_64::{
            __m128i, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
            _mm_or_si128, _mm_set1_epi8, _mm_sub_epi8, _mm_xor_si128,
        };
        // SAFETY: SSE2 is part of x86-64; the four loads read bytes 0-63.
        unsafe {
            let set = |b: u8| _mm_set1_epi8(b as i8);
            // Unsigned `x < n` as a signed compare of both shifted by 128.
            let below = |x, n: u8| _mm_cmplt_epi8(_mm_xor_si128(x, set(0x80)), set(n ^ 0x80));
            let mut mask = 0u64;
            for k in 0..4 {
                let v = _mm_loadu_si128(bytes.as_ptr().add(16 * k).cast::<__m128i>());
                let letter = below(_mm_sub_epi8(_mm_or_si128(v, set(0x20)), set(b'a')), 26);
                let digit = below(_mm_sub_epi8(v, set(b'0')), 10);
                let word = _mm_or_si128(
                    _mm_or_si128(letter, digit),
                    _mm_or_si128(_mm_cmpeq_epi8(v, set(b'_')), _mm_cmplt_epi8(v, set(0))),
                );
                mask |= u64::from(_mm_movemask_epi8(word) as u16) << (16 * k);
            }
            return mask;
        }
    }
    bytes
        .iter()
        .enumerate()
        .fold(0, |m, (k, &b)| m | u64::from(is_word_byte(b)) << k)
}

/// Byte spans of gazetteer names in `text`, on word boundaries, with their
/// canonical names. At each word start the longest name starting there
/// wins, and the search goes on after it; a name that runs into a word
/// ("Intel" of "Intelligence") counts for nothing but is skipped all the same.
/// Word starts are found 64 bytes at a time from a mask of word bytes.
pub fn find(text: &str) -> Vec<(usize, usize, Option<&'static str>)> {
    let g = &*GAZETTEER;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Word starts before `at` lie inside a name already found.
    let mut at = 0;
    // Whether the byte before the current block is a word byte.
    let mut carry = 0u64;
    for (block, chunk) in bytes.chunks(64).enumerate() {
        let words = word_mask(chunk);
        let mut starts = words & !(words << 1 | carry);
        carry = words >> 63;
        while starts != 0 {
            let start = block * 64 + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            if start < at {
                continue;
            }
            // The word ends at the first byte of the block after it that is
            // not a word byte, or runs on into the next blocks.
            let end = || {
                let offset = start % 64;
                let run = (!(words >> offset)).trailing_zeros() as usize;
                if offset + run < 64 {
                    start + run
                } else {
                    word_end(bytes, block * 64 + 64)
                }
            };
            let Some((name_end, k)) = g.longest_at(bytes, start, end) else {
                continue;
            };
            if name_end == bytes.len() || !is_word_byte(bytes[name_end]) {
                let name: &'static str = &g.canonical[k];
                out.push((start, name_end, Some(name)));
            }
            // The search goes on after the name, at the next word start.
            at = if is_word_byte(bytes[name_end - 1]) {
                word_end(bytes, name_end)
            } else {
                name_end
            };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_on_word_boundaries_only() {
        let t = "Intelligence at Intel and AT&T";
        let got: Vec<&str> = find(t).into_iter().map(|(s, e, _)| &t[s..e]).collect();
        assert_eq!(got, ["Intel", "AT&T"]);
        let t = "International Business Machines";
        assert_eq!(find(t), [(0, t.len(), Some("IBM"))]);
    }

    /// The search as one leftmost-longest automaton over the whole text,
    /// keeping the matches on word boundaries: what [`find`] must find.
    fn full_scan(text: &str) -> Vec<(usize, usize, Option<&'static str>)> {
        use aho_corasick::{AhoCorasick, MatchKind};
        let g = &*GAZETTEER;
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&g.patterns)
            .unwrap();
        let b = text.as_bytes();
        ac.find_iter(text)
            .filter(|m| m.start() == 0 || !is_word_byte(b[m.start() - 1]))
            .filter(|m| m.end() == b.len() || !is_word_byte(b[m.end()]))
            .map(|m| {
                let name: &'static str = &g.canonical[m.pattern().as_usize()];
                (m.start(), m.end(), Some(name))
            })
            .collect()
    }

    #[test]
    fn word_start_look_ups_find_what_a_full_scan_finds() {
        let mut text = String::new();
        for (i, p) in GAZETTEER.patterns.iter().enumerate() {
            // Inside a word only one-word names: see `names_inside_words_hide_nothing`.
            let one_word = p.bytes().all(is_word_byte);
            text.push_str(["", if one_word { "x" } else { "(" }, "The "][i % 3]);
            text.push_str(p);
            text.push_str([" ", ", ", "s ", "\n", "-", "’s ", "ing (", ". "][i % 8]);
            // A name's first word alone, or running into a longer word.
            let first = p.split(' ').next().unwrap_or("");
            text.push_str(first);
            text.push_str([" of ", "er ", ")"][i % 3]);
        }
        let found = find(&text);
        assert!(found.len() > GAZETTEER.patterns.len() / 2);
        assert_eq!(found, full_scan(&text));
    }

    #[test]
    fn words_across_blocks_end_where_they_end() {
        let names = ["Wall Street Journal", "NASA", "Nasa"];
        for pad in 40..70 {
            for name in names {
                for after in ["", " rose", "x rose", &"y".repeat(70)] {
                    let text = format!("{}{name}{after} and {name}", "a ".repeat(pad / 2));
                    assert_eq!(find(&text), full_scan(&text), "{text:?}");
                }
            }
        }
    }

    /// Unlike a scan of every byte, which takes "The Wall Street Journal" in
    /// "xThe Wall Street Journal" and then drops it for not starting a
    /// word, the search never sees it, and finds the name that does.
    #[test]
    fn names_inside_words_hide_nothing() {
        let t = "xThe Wall Street Journal";
        assert!(full_scan(t).is_empty());
        assert_eq!(find(t), [(5, t.len(), Some("Wall Street Journal"))]);
    }

    #[test]
    fn word_masks_of_whole_blocks_match_the_byte_table() {
        let all: Vec<u8> = (0..=255).collect();
        for block in all.chunks(64) {
            let bytewise = block
                .iter()
                .enumerate()
                .fold(0u64, |m, (k, &b)| m | u64::from(is_word_byte(b)) << k);
            assert_eq!(word_mask(block), bytewise, "{block:?}");
        }
        // Names across a 64-byte block boundary are found all the same.
        let t = format!(
            "{}Intel and{}International Business Machines",
            "x ".repeat(31),
            " ".repeat(40)
        );
        let got: Vec<&str> = find(&t).into_iter().map(|(s, e, _)| &t[s..e]).collect();
        assert_eq!(got, ["Intel", "International Business Machines"]);
    }

    #[test]
    fn names_start_at_any_word_start() {
        // Bytes of non-ASCII characters count as letters: no name starts after “.
        let t = "(Ørsted) and eBay, 3M;7-Eleven\nand 3i. “Intel";
        let got: Vec<&str> = find(t).into_iter().map(|(s, e, _)| &t[s..e]).collect();
        assert_eq!(got, ["Ørsted", "eBay", "3M", "7-Eleven", "3i"]);
        // Inside a word, or run into one, a name is none; the search goes on after it.
        let t = "XeBay eBayer Intel";
        let got: Vec<&str> = find(t).into_iter().map(|(s, e, _)| &t[s..e]).collect();
        assert_eq!(got, ["Intel"]);
        assert!(find("").is_empty() && find("e").is_empty());
    }

    #[test]
    fn house_style_forms_and_common_words() {
        assert_eq!(house_style("NASA").as_deref(), Some("Nasa"));
        assert_eq!(house_style("MetLife").as_deref(), Some("Metlife"));
        assert_eq!(house_style("Royal Bank of Scotland"), None);
        assert_eq!(house_style("BT"), None);
        let t = "Nasa and Metlife";
        let got: Vec<&str> = find(t).into_iter().map(|(s, e, _)| &t[s..e]).collect();
        assert_eq!(got, ["Nasa", "Metlife"]);
        assert!(is_common_word("Total"));
        assert!(!is_common_word("Nasa"));
    }
}
