//! Rules applied after the classifier for furniture the training pages
//! rarely show but scraped news often has: short prompt headings made of
//! boilerplate phrases ("Join 10,000+ Fellow Readers", "Partner With Us"),
//! the sales pitch right under such a heading, labelled teasers
//! ("Related: ..."), the headlines listed under a "Most read" heading,
//! author names and bios, and the headline above the first paragraph.

use super::features::{prose_region, LineStats};
use super::phrases::{CATEGORIES, N_CATEGORIES};
use std::cell::OnceCell;
use std::ops::{BitAnd, Not};
use std::sync::LazyLock;

fn category(name: &str) -> usize {
    CATEGORIES
        .iter()
        .position(|c| *c == name)
        .expect("known category")
}

/// A set of categories as a mask over a per-category array (all ones for
/// a category in it, zero for the others): a sum over the set is then one
/// pass over the array, which the compiler vectorizes.
fn categories<T: Copy + Default + Not<Output = T>>(names: &[&str]) -> [T; N_CATEGORIES] {
    let mut mask = [T::default(); N_CATEGORIES];
    for name in names {
        mask[category(name)] = !T::default();
    }
    mask
}

/// The sum of `values` over the categories of `mask`.
fn sum_over<T>(values: &[T; N_CATEGORIES], mask: &[T; N_CATEGORIES]) -> T
where
    T: Copy + BitAnd<Output = T> + std::iter::Sum,
{
    values.iter().zip(mask).map(|(&v, &m)| v & m).sum()
}

/// Categories whose phrases make a short line a prompt heading.
static PROMPT: LazyLock<[u32; N_CATEGORIES]> = LazyLock::new(|| {
    categories(&[
        "nav",
        "social",
        "newsletter",
        "legal",
        "ads",
        "related",
        "comments",
        "paywall",
        "author",
    ])
});

/// Categories whose phrases, twice or more, make a line a pitch.
static PITCH: LazyLock<[u16; N_CATEGORIES]> =
    LazyLock::new(|| categories(&["newsletter", "ads", "paywall"]));

/// Categories that label a teaser when they open a line before a colon.
static LABEL: LazyLock<[u32; N_CATEGORIES]> =
    LazyLock::new(|| categories(&["related", "ads", "newsletter", "social", "legal", "nav"]));

/// Verbs that open a call to action ("Join 5,000 readers").
const CALLS: &[&str] = &[
    "Join ",
    "Subscribe ",
    "Follow ",
    "Register ",
    "Donate ",
    "Download ",
];

/// Headings, other than the "related" phrases, that open a list of other
/// articles' headlines ("Read more", then three headlines).
const LIST_HEADINGS: &[&str] = &[
    "read more",
    "read next",
    "up next",
    "keep reading",
    "more stories",
    "latest stories",
    "top stories",
    "latest news",
    "trending",
    "trending now",
];

/// A line that is only a `LIST_HEADINGS` entry, in any case, with
/// punctuation around it ("READ MORE:", "» Read next").
fn is_list_heading(line: &str) -> bool {
    let core = alphanumeric_core(line);
    core.len() <= 14 && LIST_HEADINGS.iter().any(|h| core.eq_ignore_ascii_case(h))
}

/// `line` trimmed of what is not alphanumeric at both ends. Most lines
/// open and close (past ASCII punctuation) on an ASCII letter or digit:
/// found by bytes, without decoding the characters.
fn alphanumeric_core(line: &str) -> &str {
    let bytes = line.as_bytes();
    let stop = |b: &u8| b.is_ascii_alphanumeric() || !b.is_ascii();
    match (bytes.iter().position(stop), bytes.iter().rposition(stop)) {
        (Some(a), Some(b)) if bytes[a].is_ascii() && bytes[b].is_ascii() => &line[a..=b],
        _ => line.trim_matches(|c: char| !c.is_alphanumeric()),
    }
}

fn is_prompt(line: &str, s: &LineStats) -> bool {
    s.words <= 8
        && (sum_over(&s.phrases.covered, &PROMPT) as usize * 2 >= line.len()
            || CALLS.iter().any(|c| line.starts_with(c)))
}

/// "Related: ...", "Disclaimer: ...": a furniture phrase, then a colon.
fn is_labelled(line: &str) -> bool {
    // Labels are short: a colon past byte 40 opens none.
    let head = &line.as_bytes()[..line.len().min(41)];
    let Some(colon) = memchr::memchr(b':', head) else {
        return false;
    };
    let label = &line[..colon];
    let s = LineStats::of(label);
    s.words <= 3 && sum_over(&s.phrases.covered, &LABEL) as usize * 2 >= label.len()
}

/// Speaks to the reader ("your inbox", "we can create"), as pitches do.
fn addresses_reader(line: &str) -> bool {
    line.split(|c: char| !c.is_alphanumeric()).any(|w| {
        ["you", "your", "we", "us", "our"]
            .iter()
            .any(|r| w.eq_ignore_ascii_case(r))
    })
}

/// One to four capitalized words and nothing else: a person's name.
fn is_name(line: &str) -> bool {
    // Unicode white space in ASCII is tab to carriage return and space.
    // One pass: a word must open upper case and hold only letters and
    // `-.'`; a fifth word fails the line. The first non-ASCII byte hands
    // the line to the Unicode reading, which agrees on the ASCII bytes
    // before it (so a line failed earlier fails there too).
    let (mut words, mut in_word) = (0, false);
    for &c in line.as_bytes() {
        match NAME_BYTE[c as usize] {
            NonAscii => return is_name_unicode(line),
            Space => in_word = false,
            Other => return false,
            Inner if !in_word => return false,
            Upper | Inner => {
                if !in_word {
                    in_word = true;
                    words += 1;
                    if words > 4 {
                        return false;
                    }
                }
            }
        }
    }
    words > 0
}

/// What `is_name` makes of a byte.
#[derive(Clone, Copy, PartialEq)]
enum NameByte {
    /// Tab to carriage return and space: Unicode white space in ASCII.
    Space,
    /// Opens a word, or goes on with one.
    Upper,
    /// Goes on with a word: a lower-case letter or `-.'`.
    Inner,
    /// Any other ASCII byte.
    Other,
    NonAscii,
}
use NameByte::*;

const NAME_BYTE: [NameByte; 256] = {
    let mut t = [NonAscii; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'\t'..=b'\r' | b' ' => Space,
            b'A'..=b'Z' => Upper,
            b'a'..=b'z' | b'-' | b'.' | b'\'' => Inner,
            _ => Other,
        };
        b += 1;
    }
    t
};

/// `is_name` of a line with non-ASCII characters.
fn is_name_unicode(line: &str) -> bool {
    let mut words = 0;
    for w in line.split_whitespace() {
        words += 1;
        let capitalized = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''));
        if words > 4 || !capitalized {
            return false;
        }
    }
    words > 0
}

/// The name in a byline: "By Jane Doe, Senior Reporter" gives "Jane Doe".
/// Inside a sentence "by" is lower case, so only "By", "Written by" and
/// "Posted by" open one (the first of them found, in that order).
fn byline_name(line: &str) -> Option<&str> {
    static MARKERS: LazyLock<[memchr::memmem::Finder<'static>; 3]> =
        LazyLock::new(|| ["Written by ", "Posted by ", "By "].map(memchr::memmem::Finder::new));
    // Every marker holds "by " ("By "): most lines have none and stop here.
    let bytes = line.as_bytes();
    if !has_by_space(bytes) {
        return None;
    }
    let rest = MARKERS
        .iter()
        .find_map(|m| m.find(bytes).map(|at| &line[at + m.needle().len()..]))?;
    let name = rest.split([',', '|', '(']).next()?.trim();
    is_name(name).then_some(name)
}

/// Whether `bytes` holds "by " or "By ", eight positions at a time: a byte
/// of `b` (the bytes from the position, `| 0x20`), of `y` (from the next
/// one) and of `s` (from the one after) is 0 where a position holds the
/// three, and a word with a zero byte is found with the borrow trick (exact
/// for whether there is one). A search call per short line costs more; "y "
/// alone ("Monday ", "They ") would let many lines through to the searches.
fn has_by_space(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const B: u64 = ONES * b'b' as u64;
    const Y: u64 = ONES * b'y' as u64;
    const SPACE: u64 = ONES * b' ' as u64;
    const CASE: u64 = ONES * 0x20;
    const HIGH: u64 = ONES << 7;
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
    let mut at = 0;
    while at + 10 <= bytes.len() {
        let triples = ((word(at) | CASE) ^ B) | (word(at + 1) ^ Y) | (word(at + 2) ^ SPACE);
        if triples.wrapping_sub(ONES) & !triples & HIGH != 0 {
            return true;
        }
        at += 8;
    }
    bytes[at..]
        .windows(3)
        .any(|w| w[0] | 0x20 == b'b' && w[1..] == *b"y ")
}

fn headline_like(s: &LineStats) -> bool {
    (3..=20).contains(&s.words)
        && s.title as f32 >= 0.6 * s.words as f32
        && !s.ends_sentence
        && !s.ends_colon
}

/// When the classifier keeps nothing (a page unlike any it learned from,
/// such as a short clean article), the densest run of prose is kept.
pub fn rescue(stats: &[LineStats], keep: &mut [bool]) {
    if keep.iter().any(|&k| k) {
        return;
    }
    if let Some((a, b)) = prose_region(stats) {
        keep[a..=b].iter_mut().for_each(|k| *k = true);
    }
}

/// Prose lines of the densest run of prose next to a kept line are kept
/// too: the model is unsure at the edges of short or foreign articles.
pub fn fill_prose_edges(stats: &[LineStats], keep: &mut [bool]) {
    let Some((a, b)) = prose_region(stats) else {
        return;
    };
    for i in a..=b {
        let next_to_kept = (i > 0 && keep[i - 1]) || keep.get(i + 1).copied().unwrap_or(false);
        if stats[i].proseish() && next_to_kept {
            keep[i] = true;
        }
    }
    for i in (a..=b).rev() {
        if stats[i].proseish() && keep.get(i + 1).copied().unwrap_or(false) {
            keep[i] = true;
        }
    }
}

/// Clears `keep` for prompts, pitches, labelled teasers, author names and
/// bios, and the headline right above the first kept paragraph.
pub fn veto(lines: &[&str], stats: &[LineStats], keep: &mut [bool]) {
    let author = category("author");
    // A line's name and byline are read only when a rule asks: for the
    // kept lines, and for the whole page only when a kept name line or a
    // bio needs the page's bylines or names (most pages never do).
    let name_line = |i: usize| stats[i].words <= 4 && is_name(lines[i]);
    let byline = |i: usize| {
        if stats[i].words <= 10 {
            byline_name(lines[i])
        } else {
            None
        }
    };
    let byline_names = OnceCell::new();
    let byline_names = || -> &Vec<&str> {
        byline_names.get_or_init(|| (0..lines.len()).filter_map(byline).collect())
    };
    // Bylines and two- or three-word name lines ("Jane Doe" above a photo).
    let names = OnceCell::new();
    let names = || -> &Vec<&str> {
        names.get_or_init(|| {
            (0..lines.len())
                .filter_map(|i| {
                    byline(i).or_else(|| {
                        ((2..=3).contains(&stats[i].words) && name_line(i)).then_some(lines[i])
                    })
                })
                .collect()
        })
    };
    let starts_with_name = |i: usize| {
        let prev_name = (i > 0 && name_line(i - 1)).then(|| lines[i - 1]);
        names().iter().copied().chain(prev_name).any(|n| {
            let first = n.split_whitespace().next().unwrap_or(n);
            lines[i].starts_with(n)
                || lines[i]
                    .strip_prefix(first)
                    .is_some_and(|rest| rest.starts_with(' '))
        })
    };
    // "About the author" above the bio.
    let under_author_heading = |i: usize| {
        i > 0
            && stats[i - 1].words <= 4
            && stats[i - 1].phrases.covered[author] as usize * 2 >= lines[i - 1].len()
    };
    let is_bio = |i: usize| {
        let hits = stats[i].phrases.hits[author];
        stats[i].words < 60
            && (hits >= 2 || (hits >= 1 && (under_author_heading(i) || starts_with_name(i))))
    };
    let related = category("related");
    let mut after_prompt = false;
    // Inside the list of headlines under a "Most read", "Related" or "Read
    // more" heading, which runs to the next line of prose.
    let mut in_teasers = false;
    for (i, line) in lines.iter().enumerate() {
        let s = &stats[i];
        let prompt = is_prompt(line, s);
        let teaser = in_teasers && !s.proseish() && s.words <= 15;
        let pitch = after_prompt && {
            let hits = sum_over(&s.phrases.hits, &PITCH);
            hits >= 3 || (hits >= 2 && addresses_reader(line))
        };
        let author_name = || {
            name_line(i)
                && ((i + 1 < lines.len() && (lines[i + 1] == *line || is_bio(i + 1)))
                    || (i > 0 && lines[i - 1] == *line)
                    || byline_names().contains(line))
        };
        // A dropped line needs only the checks the next lines depend on.
        if keep[i]
            && (prompt
                || pitch
                || teaser
                || is_bio(i)
                || byline(i).is_some()
                || author_name()
                || is_labelled(line))
        {
            keep[i] = false;
        }
        after_prompt = prompt || pitch;
        let opens_list = (prompt && s.phrases.hits[related] > 0) || is_list_heading(line);
        in_teasers = opens_list || teaser;
    }
    drop_headline(stats, keep);
}

/// The page title sits right above the first paragraph in most dumps; the
/// article text does not include it.
fn drop_headline(stats: &[LineStats], keep: &mut [bool]) {
    let mut kept = (0..keep.len()).filter(|&i| keep[i]);
    if let (Some(first), Some(second)) = (kept.next(), kept.next()) {
        if headline_like(&stats[first]) && stats[second].proseish() {
            keep[first] = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lines: &[&str]) -> Vec<bool> {
        let mut keep = vec![true; lines.len()];
        let stats: Vec<LineStats> = lines.iter().map(|l| LineStats::of(l)).collect();
        veto(lines, &stats, &mut keep);
        keep
    }

    #[test]
    fn prompt_pitch_and_bio_go() {
        let lines = [
            "The port handled more cargo than expected in the third quarter, the authority said.",
            "Get Our Weekly Briefing",
            "Sign up to get the latest stories delivered to your inbox every Monday morning.",
            "Dana Ortiz is a freelance writer based in Lisbon who loves to cover shipping.",
            "Related: Why ports are running out of cranes",
        ];
        assert_eq!(run(&lines), [true, false, false, false, false]);
    }

    #[test]
    fn article_lines_after_a_kept_heading_stay() {
        let lines = [
            "Vela Foods said its sales rose by a tenth in the first half of the year.",
            "Sales in Europe",
            "The company signed a deal with a distributor and will advertise in ten markets.",
            "Advertisement",
            "It already runs its own advertising business, which sells advertising to brands.",
        ];
        assert_eq!(run(&lines), [true, true, true, false, true]);
    }

    #[test]
    fn headlines_under_a_most_read_heading_go() {
        let lines = [
            "The port handled more cargo than expected in the third quarter, the authority said.",
            "Most read",
            "Supermarket price war heats up",
            "Why rents are falling",
            "The authority expects the new cranes to arrive early next year, ahead of the peak.",
        ];
        assert_eq!(run(&lines), [true, false, false, false, true]);
    }

    #[test]
    fn headlines_under_a_read_more_heading_go_until_the_next_paragraph() {
        let lines = [
            "The port handled more cargo than expected in the third quarter, the authority said.",
            "READ MORE:",
            "Harbour Cranes Arrive Two Months Early",
            "Inside the Plan to Dredge the Outer Channel",
            "The authority expects the new cranes to arrive early next year, ahead of the peak.",
            "Costs and Delays",
        ];
        assert_eq!(run(&lines), [true, false, false, false, true, true]);
        assert!(is_list_heading("» Read next"));
        assert!(!is_list_heading("Read more about the port's plans"));
    }

    #[test]
    fn alphanumeric_core_is_the_unicode_trim() {
        for line in [
            "» Read next",
            "READ MORE:",
            "...",
            "",
            "«Top stories»",
            "Top stories é",
            "é Top stories",
            "-- 12 --",
        ] {
            let trimmed = line.trim_matches(|c: char| !c.is_alphanumeric());
            assert_eq!(alphanumeric_core(line), trimmed, "{line:?}");
        }
    }

    #[test]
    fn names_are_read_the_same_in_ascii_and_unicode() {
        for line in [
            "Jane Doe",
            "Jane  O'Neil-Smith Jr.",
            "Jane\u{b}Doe",
            "jane Doe",
            "Jane Doe Smith Brown Green",
            "Jane D0e",
            "Jane -Doe",
            "Jane Doe!",
            "  ",
            "",
            "Ana María",
            "Ana\u{a0}Maria",
        ] {
            let unicode = is_name_unicode(line);
            assert_eq!(is_name(line), unicode, "{line:?}");
            let ascii_twin: String = line.chars().filter(char::is_ascii).collect();
            assert_eq!(
                is_name(&ascii_twin),
                is_name_unicode(&ascii_twin),
                "{line:?}"
            );
        }
        assert!(is_name("Jane  O'Neil-Smith Jr."));
        assert_eq!(byline_name("Posted by Jane Doe | 2 May"), Some("Jane Doe"));
        for len in 0..40 {
            for at in 0..len {
                for b in [b'b', b'B', b'c', b'"'] {
                    let mut line: Vec<u8> = (0..len).map(|i| [b, b'y', b'-'][i % 3]).collect();
                    line.iter_mut()
                        .skip(at + 1)
                        .step_by(4)
                        .for_each(|b| *b = b'-');
                    line[at] = b' ';
                    let want = line.windows(3).any(|w| matches!(w, b"by " | b"By "));
                    assert_eq!(has_by_space(&line), want, "{len} {at} {b}");
                }
            }
        }
        assert_eq!(byline_name("Written by Tom Roe, By Line"), Some("Tom Roe"));
    }

    #[test]
    fn byline_names_and_their_bios_go() {
        let lines = [
            "By Tom Becker, Staff Writer",
            "Lumera Opens A Second Plant In Ohio",
            "Lumera said on Tuesday it had opened a second plant in Ohio, its largest so far.",
            "Tom Becker",
            "Tom covers manufacturing and energy from Chicago.",
        ];
        assert_eq!(run(&lines), [false, false, true, false, false]);
    }
}
