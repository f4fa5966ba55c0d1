//! Pairs quotation marks inside a paragraph into quoted regions.

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

/// Quoted regions of `text[para]`: curly marks by direction, straight `"` and
/// guillemets/low-9 marks by alternation.
pub fn quoted_regions(text: &str, para: Range<usize>) -> Vec<Region> {
    let s = &text[para.clone()];
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let (opens, closes) = match c {
            '“' | '«' | '„' => (true, false),
            '”' | '»' => (false, true),
            '"' => (open.is_none(), open.is_some()),
            _ => continue,
        };
        match open {
            None if opens => open = Some(i),
            Some(o) if closes => {
                push(s, para.start, o, i + c.len_utf8(), false, &mut out);
                open = None;
            }
            Some(_) if opens => open = Some(i), // a stray opening mark: restart here
            _ => {}
        }
    }
    if let Some(o) = open {
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

/// A quotation rather than a scare quote or title: enough words, or a
/// sentence of its own.
pub fn is_quotation(text: &str, _para: Range<usize>, region: &Region) -> bool {
    let inner = &text[region.inner.clone()];
    let words = inner.split_whitespace().count();
    words >= 4 || (words >= 2 && inner.ends_with(['.', ',', '!', '?']))
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
