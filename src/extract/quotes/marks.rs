//! Pairs quotation marks inside a paragraph into quoted regions.

use super::lexicon::is_reporting;
use std::ops::Range;

/// The inside of a pair of quotation marks (marks excluded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// Byte range of the quoted words, trimmed.
    pub inner: Range<usize>,
    /// Byte offset of the opening mark and just after the closing mark (or paragraph end).
    pub outer: Range<usize>,
    /// No closing mark: the quote continues in the next paragraph.
    pub open_ended: bool,
}

/// Quoted regions of `text[para]`. An opening curly mark (or guillemet, low-9
/// mark) opens; while a quote is open, any other mark closes it, except a
/// second opening curly mark, which restarts it. A closing mark with nothing
/// open is ignored; straight marks therefore pair by alternation.
pub fn quoted_regions(text: &str, para: Range<usize>) -> Vec<Region> {
    let s = &text[para.clone()];
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // Only the marks matter: `"` and the characters led by 0xC2 (« ») or
    // 0xE2 (“ ” „), jumped to with memchr instead of decoding every character.
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(skip) = memchr::memchr3(b'"', 0xC2, 0xE2, &bytes[from..]) {
        let i = from + skip;
        let c = s[i..].chars().next().expect("a character starts here");
        from = i + c.len_utf8();
        let opening = match c {
            '“' | '«' | '„' => true,
            '"' => false,
            '”' | '»' => {
                if let Some((o, _)) = open.take() {
                    push(s, para.start, o, i + c.len_utf8(), false, &mut out);
                }
                continue;
            }
            _ => continue,
        };
        match open {
            None => open = Some((i, c)),
            Some((_, o)) if opening && o != '"' => open = Some((i, c)),
            Some((o, _)) => {
                push(s, para.start, o, i + c.len_utf8(), false, &mut out);
                open = None;
            }
        }
    }
    if let Some((o, _)) = open {
        push(s, para.start, o, s.len(), true, &mut out);
    }
    out
}

fn push(
    s: &str,
    base: usize,
    open: usize,
    close_end: usize,
    open_ended: bool,
    out: &mut Vec<Region>,
) {
    let mark_len = s[open..].chars().next().map_or(1, char::len_utf8);
    let inner_start = open + mark_len;
    let inner_end = if open_ended {
        close_end
    } else {
        close_end - s[..close_end].chars().next_back().map_or(1, char::len_utf8)
    };
    let inner = &s[inner_start..inner_end];
    let lead = inner.len() - inner.trim_start().len();
    let t = inner.trim();
    if t.is_empty() {
        return;
    }
    out.push(Region {
        inner: base + inner_start + lead..base + inner_start + lead + t.len(),
        outer: base + open..base + close_end,
        open_ended,
    });
}

/// Small words that stay lower-case inside a title ("Face the Nation").
fn is_title_particle(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "or"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "by"
            | "from"
            | "is"
            | "as"
            | "de"
            | "la"
            | "&"
    )
}

/// A quotation rather than a title, a name or a number: quoted words are
/// quotations unless they carry no letter or read as a short title ("Meet the
/// Press", "Settle For Hillary").
pub fn is_quotation(text: &str, region: &Region) -> bool {
    let inner = &text[region.inner.clone()];
    // An attribute value in markup (`pic="..."`) or a link is no quotation.
    if !inner.chars().any(char::is_alphabetic)
        || text[..region.outer.start].ends_with('=')
        || inner.contains("http")
        || inner.contains('<')
    {
        return false;
    }
    // A lone pronoun in quotes ("she" is a "he") is a mention, not speech.
    let bare = inner.trim_end_matches(|c: char| !c.is_alphanumeric());
    if matches!(
        bare,
        "he" | "she" | "they" | "him" | "her" | "it" | "we" | "I"
    ) {
        return false;
    }
    // A title has at most six words, each capitalized, a number or a
    // particle: a seventh word, or one of another kind, makes it speech
    // (read no further: most quotes tell on their first words).
    let mut caps = 0;
    for (i, w) in inner.split_whitespace().enumerate() {
        if i == 6 {
            return true;
        }
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        match w.chars().next() {
            // "13th" reads as a title word like a capitalized one.
            Some(c) if c.is_uppercase() || c.is_numeric() && w.contains(char::is_alphabetic) => {
                caps += 1
            }
            Some(c) if c.is_numeric() => {}
            Some(_) if is_title_particle(w) => {}
            Some(_) => return true,
            None => {}
        }
    }
    caps == 0 || is_attributed(text, region, inner)
}

/// A short capitalized quote that still reads as speech: introduced by a
/// colon, or closed by `,` `?` `!` and followed by a reporting verb
/// ("Safety," said Grimm).
fn is_attributed(text: &str, region: &Region, inner: &str) -> bool {
    if text[..region.outer.start].trim_end().ends_with(':') {
        return true;
    }
    if !inner.ends_with([',', '?', '!']) {
        return false;
    }
    let mut end = (region.outer.end + 40).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[region.outer.end..end]
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(3)
        .any(is_reporting)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_curly_and_straight_marks() {
        let t = "“One two,” he said. \"Three four.\" And “five";
        let r = quoted_regions(t, 0..t.len());
        let got: Vec<(&str, bool)> = r
            .iter()
            .map(|x| (&t[x.inner.clone()], x.open_ended))
            .collect();
        assert_eq!(
            got,
            [("One two,", false), ("Three four.", false), ("five", true)]
        );
    }
}
