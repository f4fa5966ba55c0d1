//! The prefilter: one scan over a sentence classifies its ASCII words
//! (month names, unit words, four-digit years, ...) into trigger classes, so
//! that only the rules whose trigger words are all present run on it.
//!
//! A rule's gate must be a necessary condition of every match of its
//! pattern: the classes are read off the words a match cannot lack. Words
//! are the ASCII letter runs and digit runs of the sentence (a letter run
//! and a digit run next to each other are two words, as in "June5",
//! "10pm"), which is never coarser than the patterns' ASCII word boundaries.

use std::sync::LazyLock;

/// A capitalised month name or abbreviation ("Jan", "September").
pub const MONTH: u64 = 1;
pub const WEEKDAY: u64 = 1 << 1;
/// Four digits from 1500 to 2099.
pub const YEAR4: u64 = 1 << 2;
/// Digits followed by a slash and a digit ("3/14").
pub const SLASH: u64 = 1 << 3;
/// Digits ending in 0 followed by "s" or "'s" ("1990s", "'80s"), or "the eighties".
pub const DECADE: u64 = 1 << 4;
pub const CENTURY: u64 = 1 << 5;
pub const QUARTER: u64 = 1 << 6;
pub const HALF: u64 = 1 << 7;
pub const PERIOD: u64 = 1 << 8;
/// The singular unit words: "year", "month", "week" (and "weekend"), "day", ...
pub const YEAR_W: u64 = 1 << 9;
pub const MONTH_W: u64 = 1 << 10;
pub const WEEK_W: u64 = 1 << 11;
pub const DAY_W: u64 = 1 << 12;
pub const DECADE_W: u64 = 1 << 13;
pub const HOUR_W: u64 = 1 << 14;
pub const MINUTE_W: u64 = 1 << 15;
pub const SECOND_W: u64 = 1 << 16;
pub const FORTNIGHT: u64 = 1 << 17;
pub const SEASON: u64 = 1 << 18;
/// "this", "last", "next", "coming", "previous".
pub const REL: u64 = 1 << 19;
/// The direction of "ago" expressions: "ago", "earlier", "later", "before", "hence", "(from) now".
pub const DIR: u64 = 1 << 20;
/// "today", "yesterday", "tomorrow", "tonight".
pub const DEICTIC: u64 = 1 << 21;
/// "morning", "afternoon", "evening", "night".
pub const PART: u64 = 1 << 22;
/// "am", "pm", the "m" of "a.m.", "noon", "midnight", "midday".
pub const CLOCK: u64 = 1 << 23;
/// "every", "each", "per", "daily", "annually", ...
pub const SET: u64 = 1 << 24;
/// "now", "recently", "the future", "the past", "recent", "coming", ...
pub const VAGUE: u64 = 1 << 25;
/// "nineteen", "thousand".
pub const SPOKEN: u64 = 1 << 26;
/// A year, a hyphen and a digit ("1998-02").
pub const ISO: u64 = 1 << 29;
/// A plural unit word ("years", "days", "centuries").
pub const UNITS: u64 = 1 << 30;
/// Holidays named by one word: "Thanksgiving", "Christmas", "Easter", ...
pub const HOLIDAY: u64 = 1 << 27;
/// First words of holidays named with "Day" or "Year's": "Labor", "New", ...
pub const HOLIDAY2: u64 = 1 << 28;

/// Any unit word of a duration ("years", "a fortnight", "three quarters").
pub const UNIT: u64 = UNITS
    | YEAR_W
    | MONTH_W
    | WEEK_W
    | DAY_W
    | DECADE_W
    | HOUR_W
    | MINUTE_W
    | SECOND_W
    | QUARTER
    | CENTURY
    | FORTNIGHT;

/// The trigger words (lower case) and their classes.
const WORDS: &[(&str, u64)] = &[
    ("jan", MONTH),
    ("january", MONTH),
    ("feb", MONTH),
    ("february", MONTH),
    ("mar", MONTH),
    ("march", MONTH),
    ("apr", MONTH),
    ("april", MONTH),
    ("may", MONTH),
    ("jun", MONTH),
    ("june", MONTH),
    ("jul", MONTH),
    ("july", MONTH),
    ("aug", MONTH),
    ("august", MONTH),
    ("sep", MONTH),
    ("sept", MONTH),
    ("september", MONTH),
    ("oct", MONTH),
    ("october", MONTH),
    ("nov", MONTH),
    ("november", MONTH),
    ("dec", MONTH),
    ("december", MONTH),
    ("monday", WEEKDAY),
    ("tuesday", WEEKDAY),
    ("wednesday", WEEKDAY),
    ("thursday", WEEKDAY),
    ("friday", WEEKDAY),
    ("saturday", WEEKDAY),
    ("sunday", WEEKDAY),
    ("mondays", WEEKDAY),
    ("tuesdays", WEEKDAY),
    ("wednesdays", WEEKDAY),
    ("thursdays", WEEKDAY),
    ("fridays", WEEKDAY),
    ("saturdays", WEEKDAY),
    ("sundays", WEEKDAY),
    ("century", CENTURY),
    ("centuries", UNITS),
    ("quarter", QUARTER),
    ("quarters", UNITS),
    ("half", HALF),
    ("period", PERIOD),
    ("year", YEAR_W),
    ("years", UNITS),
    ("month", MONTH_W),
    ("months", UNITS),
    ("week", WEEK_W),
    ("weeks", UNITS),
    ("weekend", WEEK_W),
    ("day", DAY_W),
    ("days", UNITS),
    ("decade", DECADE_W),
    ("decades", UNITS),
    ("hour", HOUR_W),
    ("hours", UNITS),
    ("minute", MINUTE_W),
    ("minutes", UNITS),
    ("second", SECOND_W),
    ("seconds", UNITS),
    ("fortnight", FORTNIGHT),
    ("fortnights", UNITS),
    ("spring", SEASON),
    ("summer", SEASON),
    ("fall", SEASON),
    ("autumn", SEASON),
    ("winter", SEASON),
    ("this", REL),
    ("last", REL),
    ("next", REL),
    ("coming", REL | VAGUE),
    ("previous", REL),
    ("ago", DIR),
    ("earlier", DIR),
    ("later", DIR),
    ("before", DIR),
    ("hence", DIR),
    ("now", DIR | VAGUE),
    ("today", DEICTIC),
    ("yesterday", DEICTIC),
    ("tomorrow", DEICTIC),
    ("tonight", DEICTIC),
    ("morning", PART),
    ("afternoon", PART),
    ("evening", PART),
    ("night", PART),
    ("mornings", PART),
    ("afternoons", PART),
    ("evenings", PART),
    ("nights", PART),
    ("am", CLOCK),
    ("pm", CLOCK),
    ("m", CLOCK),
    ("noon", CLOCK),
    ("midnight", CLOCK),
    ("midday", CLOCK),
    ("every", SET),
    ("each", SET),
    ("per", SET),
    ("daily", SET),
    ("weekly", SET),
    ("monthly", SET),
    ("annually", SET),
    ("yearly", SET),
    ("hourly", SET),
    ("currently", VAGUE),
    ("nowadays", VAGUE),
    ("present", VAGUE),
    ("recently", VAGUE),
    ("lately", VAGUE),
    ("formerly", VAGUE),
    ("future", VAGUE),
    ("term", VAGUE),
    ("past", VAGUE),
    ("recent", VAGUE),
    ("nineteen", SPOKEN),
    ("thousand", SPOKEN),
    ("twenties", DECADE),
    ("thirties", DECADE),
    ("forties", DECADE),
    ("fifties", DECADE),
    ("sixties", DECADE),
    ("seventies", DECADE),
    ("eighties", DECADE),
    ("nineties", DECADE),
    ("thanksgiving", HOLIDAY),
    ("christmas", HOLIDAY),
    ("easter", HOLIDAY),
    ("halloween", HOLIDAY),
    ("valentine", HOLIDAY),
    ("new", HOLIDAY2),
    ("election", HOLIDAY2),
    ("independence", HOLIDAY2),
    ("labor", HOLIDAY2),
    ("memorial", HOLIDAY2),
];

const TABLE_BITS: u32 = 10;
const TABLE_MASK: usize = (1 << TABLE_BITS) - 1;

/// FNV-1a step over a lower-cased letter.
fn hash_step(h: u64, letter: u8) -> u64 {
    (h ^ u64::from(letter | 0x20)).wrapping_mul(0x0000_0100_0000_01b3)
}
const HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// Open-addressing table from word hashes to classes. Words are told apart
/// by their 64-bit hash alone: a collision can only make a rule run on a
/// sentence it cannot match, never hide a match.
static TABLE: LazyLock<Vec<(u64, u64)>> = LazyLock::new(|| {
    let mut table = vec![(0u64, 0u64); 1 << TABLE_BITS];
    for (w, bits) in WORDS {
        let h = w.bytes().fold(HASH_SEED, hash_step);
        assert_ne!(h, 0, "trigger word hashes to the empty slot: {w}");
        let mut slot = slot_of(h);
        while table[slot].0 != 0 && table[slot].0 != h {
            slot = (slot + 1) & TABLE_MASK;
        }
        table[slot] = (h, table[slot].1 | bits);
    }
    table
});

/// By first and last letter (`letter & 31` each), a bit for each length of
/// the trigger words with those letters: most words of a sentence ("the",
/// "that", "said") fail this test and are never hashed.
static SHAPES: LazyLock<Vec<u32>> = LazyLock::new(|| {
    let mut shapes = vec![0u32; 32 * 32];
    for (w, _) in WORDS {
        let b = w.as_bytes();
        assert!(b.len() < 32, "trigger word too long: {w}");
        shapes[shape_slot(b[0], b[b.len() - 1])] |= 1 << b.len();
    }
    shapes
});

fn shape_slot(first: u8, last: u8) -> usize {
    (usize::from(first & 31) << 5) | usize::from(last & 31)
}

fn slot_of(h: u64) -> usize {
    (h >> (64 - TABLE_BITS)) as usize
}

fn word_classes(table: &[(u64, u64)], h: u64) -> u64 {
    let mut slot = slot_of(h);
    loop {
        let (k, bits) = table[slot];
        if k == h {
            return bits;
        }
        if k == 0 {
            return 0;
        }
        slot = (slot + 1) & TABLE_MASK;
    }
}

const OTHER: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
static KIND: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        if b.is_ascii_alphabetic() {
            t[i] = LETTER;
        } else if b.is_ascii_digit() {
            t[i] = DIGIT;
        }
        i += 1;
    }
    t
};

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each of the eight bytes (little-endian) that is an ASCII letter.
fn ascii_letters(w: u64) -> u64 {
    // Lower-cased and without the high bit, a byte plus 0x1f reaches 0x80
    // from 'a' on, plus 0x05 past 'z'; no sum carries into the next byte.
    let x = (w | (ONES * 0x20)) & !HIGH;
    let from_a = x + ONES * u64::from(0x80 - b'a');
    let past_z = x + ONES * u64::from(0x80 - b'z' - 1);
    from_a & !past_z & !w & HIGH
}

/// The end of the run of ASCII letters starting at `i`, eight bytes at a time.
#[inline(always)]
fn letters_end(b: &[u8], mut i: usize) -> usize {
    while let Some(w) = b.get(i..i + 8) {
        let others = !ascii_letters(u64::from_le_bytes(w.try_into().expect("eight bytes"))) & HIGH;
        if others != 0 {
            return i + others.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    while i < b.len() && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// The trigger classes of the words of a sentence, and where the words of
/// each class first start and last end (set for the classes in `mask` only).
#[derive(Default)]
pub struct Words {
    pub mask: u64,
    first: [u32; 32],
    last_end: [u32; 32],
}

impl Words {
    /// Where the first word of any class of `element` starts (the sentence
    /// length when there is none).
    pub fn first_start(&self, element: u64) -> usize {
        bits(element & self.mask)
            .map(|c| self.first[c] as usize)
            .min()
            .unwrap_or(u32::MAX as usize)
    }

    /// Where the last word of any class of `element` ends (0 when there is none).
    pub fn last_end(&self, element: u64) -> usize {
        bits(element & self.mask)
            .map(|c| self.last_end[c] as usize)
            .max()
            .unwrap_or(0)
    }

    fn add(&mut self, classes: u64, start: usize, end: usize) {
        for c in bits(classes & !self.mask) {
            self.first[c] = start as u32;
        }
        for c in bits(classes) {
            self.last_end[c] = end as u32;
        }
        self.mask |= classes;
    }
}

/// The indices of the set bits of `m`.
fn bits(mut m: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (m != 0).then(|| {
            let c = m.trailing_zeros() as usize;
            m &= m - 1;
            c
        })
    })
}

/// The trigger classes of the words of `s`.
#[cfg(test)]
pub fn classes(s: &str) -> u64 {
    let mut w = Words::default();
    words(s, &mut w);
    w.mask
}

/// Sets `out` to the trigger classes of the words of `s` and where they are.
pub fn words(s: &str, out: &mut Words) {
    let table = TABLE.as_slice();
    let shapes = SHAPES.as_slice();
    let b = s.as_bytes();
    let n = b.len();
    out.mask = 0;
    let mut i = 0;
    while i < n {
        match KIND[usize::from(b[i])] {
            LETTER => {
                let start = i;
                i = letters_end(b, i + 1);
                let len = i - start;
                if len >= 32 || shapes[shape_slot(b[start], b[i - 1])] & (1 << len) == 0 {
                    continue;
                }
                let h = b[start..i].iter().fold(HASH_SEED, |h, &c| hash_step(h, c));
                let mut bits = word_classes(table, h);
                // Month names are matched case-sensitively ("may" is a verb).
                if !b[start].is_ascii_uppercase() {
                    bits &= !MONTH;
                }
                if bits != 0 {
                    out.add(bits, start, i);
                }
            }
            DIGIT => {
                let start = i;
                let mut value = 0u32;
                while i < n && b[i].is_ascii_digit() {
                    value = value.wrapping_mul(10).wrapping_add(u32::from(b[i] - b'0'));
                    i += 1;
                }
                let next = b.get(i).copied();
                let digit_after = |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
                let mut bits = 0;
                if i - start == 4 && (1500..=2099).contains(&value) {
                    bits |= YEAR4;
                    if value >= 1900 && next == Some(b'-') && digit_after(i + 1) {
                        bits |= ISO;
                    }
                }
                if next == Some(b'/') && digit_after(i + 1) {
                    bits |= SLASH;
                }
                let is_s = |j: usize| b.get(j).is_some_and(|&c| (c | 0x20) == b's');
                if b[i - 1] == b'0' && (is_s(i) || (next == Some(b'\'') && is_s(i + 1))) {
                    bits |= DECADE;
                }
                if bits != 0 {
                    out.add(bits, start, i);
                }
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_numbers_are_classified() {
        let m = classes("On June5, 1998 at 10pm, three years ago.");
        for c in [MONTH, YEAR4, CLOCK, UNITS, DIR] {
            assert_ne!(m & c, 0, "{c:b}");
        }
        assert_eq!(m & (WEEKDAY | SLASH | DECADE | ISO | YEAR_W), 0);
        assert_ne!(classes("on 2018-06-05") & ISO, 0);
        assert_ne!(
            classes("in the '80s and 1990's, on 3/14") & (DECADE | SLASH),
            0
        );
        assert_eq!(classes("the 80 sites"), 0);
    }

    #[test]
    fn letter_runs_end_at_the_first_other_byte() {
        for byte in 0..=255u8 {
            let mut s = b"abcdefghijKLMNOPQRSTUVWxyz".to_vec();
            s.push(byte);
            s.extend_from_slice(b"abcdefgh");
            let expected = if byte.is_ascii_alphabetic() {
                s.len()
            } else {
                26
            };
            for start in 0..26 {
                assert_eq!(
                    letters_end(&s, start),
                    expected,
                    "byte {byte:#x} from {start}"
                );
            }
        }
    }

    #[test]
    fn month_names_need_a_capital_and_whole_words() {
        assert_eq!(classes("you may decline in the market") & MONTH, 0);
        assert_ne!(classes("in May") & MONTH, 0);
        assert_ne!(classes("Dec.") & MONTH, 0);
        assert_eq!(classes("Decimal 2500 1499 12019"), 0);
    }

    #[test]
    fn every_trigger_word_is_found_in_any_case() {
        for (w, bits) in WORDS {
            let upper = w.to_ascii_uppercase();
            assert_eq!(classes(&format!("x {upper}.")), *bits, "{w}");
        }
    }
}
