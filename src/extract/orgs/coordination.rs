//! Names coordinated with an organization are organizations too: in "Acme
//! Corp. and Globex said ..." the tagger may miss "Globex", but a
//! capitalized name joined by "and"/"&" to an organization, in the same
//! sentence, names the other party. People and places the tagger
//! recognised keep their type.

use super::words::words;
use crate::text::calendar::{is_month, is_weekday};
use crate::text::pattern::is_word_char;
use std::ops::Range;

/// The length of the name word opening `s`, as `[A-Z][\w&-]*` reads it.
fn word_len(s: &str) -> Option<usize> {
    if !s.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    Some(1 + s[1..].find(|c| !is_name_char(c)).unwrap_or(s.len() - 1))
}

/// A character of a name word after its capital: `[\w&-]`.
fn is_name_char(c: char) -> bool {
    c == '&' || c == '-' || is_word_char(c)
}

/// The number of spaces opening `s`.
fn spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches(' ').len()
}

/// One to three capitalized words after "and"/"&" opening `after` (an
/// optional "." and ",", spaces, "and" or "&", spaces), as many as there
/// are: their byte range in `after`.
fn name_after(after: &str) -> Option<Range<usize>> {
    let mut i = usize::from(after.starts_with('.'));
    i += usize::from(after[i..].starts_with(','));
    let n = spaces(&after[i..]);
    if n == 0 {
        return None;
    }
    i += n;
    i += if after[i..].starts_with("and") {
        3
    } else if after[i..].starts_with('&') {
        1
    } else {
        return None;
    };
    let n = spaces(&after[i..]);
    if n == 0 {
        return None;
    }
    let start = i + n;
    let mut end = start + word_len(&after[start..])?;
    for _ in 0..2 {
        let n = spaces(&after[end..]);
        match word_len(&after[end + n..]) {
            Some(len) if n > 0 => end += n + len,
            _ => break,
        }
    }
    Some(start..end)
}

/// One to three capitalized words closing `before` ahead of "and"/"&" and
/// spaces: their byte range in `before`. The name starts as far left as
/// it can, inside a word too ("eBay and": "Bay"), as a regex search would
/// find it; the caller tells word starts.
fn name_before(before: &str) -> Option<Range<usize>> {
    let t = before.trim_end_matches(' ');
    if t.len() == before.len() {
        return None;
    }
    let t = t.strip_suffix("and").or_else(|| t.strip_suffix('&'))?;
    let p = t.trim_end_matches(' ');
    if p.len() == t.len() {
        return None;
    }
    let mut end = p.len();
    let mut start = None;
    for _ in 0..3 {
        let chunk_start = p[..end].rfind(' ').map_or(0, |k| k + 1);
        // The first capital after which the chunk holds name characters only.
        let chunk = &p[chunk_start..end];
        let tail = chunk
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_name_char(c))
            .last()
            .map_or(chunk.len(), |(k, _)| k);
        let Some(k) = chunk[tail..].find(|c: char| c.is_ascii_uppercase()) else {
            break;
        };
        start = Some(chunk_start + tail + k);
        if tail + k > 0 || chunk_start == 0 {
            break;
        }
        end = p[..chunk_start].trim_end_matches(' ').len();
    }
    start.map(|s| s..p.len())
}

/// Words that are capitalized for other reasons than being a name (so are
/// weekdays and months).
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "But", "For", "Its", "Their", "This", "That", "It", "He",
    "She", "They", "We", "I", "Mr", "Mrs", "Ms", "Dr",
];

/// Spans `(start, end)` of names coordinated with the organization at
/// `org`, skipping any that overlaps `taken` (spans the tagger typed).
pub fn partners(text: &str, org: (usize, usize), taken: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let free = |s: usize, e: usize| !taken.iter().any(|&(ts, te)| ts < e && s < te);
    let plausible =
        |name: &str| !words(name).any(|w| NOT_NAMES.contains(&w) || is_weekday(w) || is_month(w));
    let mut out = Vec::new();
    let (start, end) = org;
    // Both parsers need "and"/"&" right next to the organization; most
    // organizations have none, and a byte check spares cutting the window
    // before it.
    if let Some(m) = name_after(&text[end..]) {
        let (s, e) = (end + m.start, end + m.end);
        if plausible(&text[s..e]) && free(s, e) {
            out.push((s, e));
        }
    }
    if !and_precedes(&text[..start]) {
        return out;
    }
    let window = text[..start]
        .char_indices()
        .rev()
        .nth(60)
        .map_or(0, |(i, _)| i);
    if let Some(m) = name_before(&text[window..start]) {
        let (s, e) = (window + m.start, window + m.end);
        let sentence_start = text[..s].trim_end_matches(' ').is_empty()
            || text[..s]
                .trim_end_matches(' ')
                .ends_with(['.', '!', '?', '\n', '"', '“', ':']);
        // "eBay and easyJet": a capital inside a word starts no name.
        let word_start = !text[..s].ends_with(char::is_alphanumeric);
        if plausible(&text[s..e]) && free(s, e) && !sentence_start && word_start {
            out.push((s, e));
        }
    }
    out
}

/// Whether `before` ends with spaces, "and" or "&", and spaces, as
/// [`name_before`] needs: a byte check before the window is cut.
fn and_precedes(before: &str) -> bool {
    let word = before.trim_end_matches(' ');
    word.len() < before.len() && (word.ends_with(" and") || word.ends_with(" &"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, org: &str) -> Vec<&'static str> {
        let s = text.find(org).unwrap();
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        partners(text, (s, s + org.len()), &[])
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn byte_gate_accepts_what_the_name_before_needs() {
        assert!(and_precedes("Shares of Initech and "));
        assert!(and_precedes("Initech & "));
        assert!(!and_precedes("Initech and"), "a space must follow");
        assert!(!and_precedes("Brand "));
    }

    #[test]
    fn names_after_and_take_up_to_three_capitalized_words() {
        let after = |s: &'static str| name_after(s).map(|r| &s[r]);
        assert_eq!(after(", and Globex said"), Some("Globex"));
        assert_eq!(
            after(".  & Umbrella Bio-Tech  Labs Group rose"),
            Some("Umbrella Bio-Tech  Labs")
        );
        assert_eq!(after(" and AT&T."), Some("AT&T"));
        assert_eq!(after(" and Zürich Re"), Some("Zürich Re"));
        assert_eq!(
            after(" and Østfold Energi"),
            None,
            "a name opens with an ASCII capital"
        );
        assert_eq!(after(" said"), None);
        assert_eq!(after("and Globex"), None, "a space must come first");
        assert_eq!(after(" andGlobex"), None, "and a space after");
        assert_eq!(after(" and globex"), None);
    }

    /// The patterns the two parsers replace, which they must read alike.
    #[test]
    fn the_parsers_read_as_the_patterns_did() {
        let name = r"[A-Z][\w&-]*(?:[ ]+[A-Z][\w&-]*){0,2}";
        let after_re =
            crate::text::pattern::regex(&format!(r"^\.?,?[ ]+(?:and|&)[ ]+(?P<name>{name})"))
                .unwrap();
        let before_re =
            crate::text::pattern::regex(&format!(r"(?P<name>{name})[ ]+(?:and|&)[ ]+$")).unwrap();
        let pieces = [
            "A", "Bo ", "Cé ", "eB", "d", " ", "  ", " and ", "&", " & ", ".", ",", "-", "Ü", "(",
            "\n", "x",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..200_000 {
            let mut s = String::new();
            for _ in 0..next() % 16 {
                s.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            }
            let group = |c: regex::Captures| c.name("name").unwrap().range();
            assert_eq!(name_after(&s), after_re.captures(&s).map(group), "{s:?}");
            assert_eq!(name_before(&s), before_re.captures(&s).map(group), "{s:?}");
        }
    }

    #[test]
    fn names_before_and_start_as_far_left_as_they_can() {
        let before = |s: &'static str| name_before(s).map(|r| &s[r]);
        assert_eq!(before("Shares of Initech and "), Some("Initech"));
        assert_eq!(before("of Foo Bar Baz  Qux &  "), Some("Bar Baz  Qux"));
        assert_eq!(
            before("sales at eBay and "),
            Some("Bay"),
            "inside a word too"
        );
        assert_eq!(before("sales at eBay Labs and "), Some("Bay Labs"));
        assert_eq!(before("(Globex) and "), None, "a bracket ends no name");
        assert_eq!(before("Globex, and "), None);
        assert_eq!(before("Globex and"), None);
        assert_eq!(before("Ünited and "), None);
    }

    #[test]
    fn names_after_and_before_an_organization() {
        assert_eq!(
            found("Acme Corp. and Globex said on Tuesday.", "Acme Corp."),
            ["Globex"]
        );
        assert_eq!(
            found("Shares of Initech and Acme Corp. rose.", "Acme Corp."),
            ["Initech"]
        );
    }

    #[test]
    fn sentence_starts_weekdays_and_typed_spans_are_left_alone() {
        assert!(found("Globex and Acme Corp. rose.", "Acme Corp.").is_empty());
        assert!(found("Acme Corp. and Tuesday Group", "Acme Corp.").is_empty());
        assert!(found("Sales at eBoat and Acme Corp. rose.", "Acme Corp.").is_empty());
        let t = "Acme Corp. and John Smith met.";
        let s = t.find("John").unwrap();
        assert!(partners(t, (0, 10), &[(s, s + 10)]).is_empty());
    }
}
