//! The dash-attributed block quote without quotation marks:
//! "The news raises legitimate concerns. – Mark Warner, senior Senator of Virginia",
//! and the dash line under a quoted paragraph: "– Mark Warner."

use super::attribution::Context;
use super::speaker::Mention;
use super::QuoteSpan;
use crate::extract::orgs;
use crate::text::Document;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static DASH_LINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"^(?P<quote>.{20,}?[.!?])\s*[–—―-]\s*(?P<name>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)(?:,\s*(?P<role>[^.]+))?$",
    )
    .expect("pattern")
});

static ATTRIBUTION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"^\s*[–—―-]\s*(?P<name>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z](?:[\w'’.-]*[\w'’])?)(?:,\s*(?P<role>[^.]{1,80}?))?\.?\s*$",
    )
    .expect("pattern")
});

/// A paragraph that only names who said the quotes above it: "– Jane Doe." or
/// "- Jane Doe, Acme Institute". A news agency's credit line ("- Reuters")
/// names an organization alone, and no speaker.
pub fn attribution_line(text: &str, para: Range<usize>) -> Option<Mention> {
    let s = &text[para.clone()];
    if s.len() > 120 || !s.trim_start().starts_with(['–', '—', '―', '-']) {
        return None;
    }
    let c = ATTRIBUTION_LINE.captures(s)?;
    let name = c.name("name")?;
    if c.name("role").is_none() && !orgs::find(&Document::new(name.as_str())).is_empty() {
        return None;
    }
    let at = |r: Range<usize>| para.start + r.start..para.start + r.end;
    Some(Mention {
        span: at(name.range()),
        role: c.name("role").map(|r| at(r.range())),
    })
}

/// Byte offset of the last dash in `s`: a hyphen, or an en dash, em dash or
/// horizontal bar (E2 80 93..95), found without decoding every character.
fn last_dash(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut end = b.len();
    while let Some(i) = memchr::memrchr2(b'-', 0xE2, &b[..end]) {
        if b[i] == b'-' || matches!(b.get(i + 1..i + 3), Some([0x80, 0x93..=0x95])) {
            return Some(i);
        }
        end = i;
    }
    None
}

/// Whether some dash of `s` comes between the `.`, `!` or `?` closing a
/// sentence and a capital, white space aside: what `DASH_LINE` needs around
/// the dash it matches, and what most paragraphs with a hyphen lack.
fn has_dash_after_sentence(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'-', 0xE2, b).any(|i| {
        let len = match b.get(i..i + 3) {
            _ if b[i] == b'-' => 1,
            Some([_, 0x80, 0x93..=0x95]) => 3,
            _ => return false,
        };
        s[..i].trim_end().ends_with(['.', '!', '?'])
            && s[i + len..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_uppercase())
    })
}

/// A paragraph of the form `quoted words – Name, role`.
pub fn dash_quote(ctx: &mut Context, text: &str, para: Range<usize>) -> Option<QuoteSpan> {
    // The name and role after the dash are short, and the dash follows a
    // sentence: test that before running the pattern.
    let s = &text[para.clone()];
    let dash = last_dash(s)?;
    if s.len() - dash > 160 || !has_dash_after_sentence(s) {
        return None;
    }
    let c = DASH_LINE.captures(s)?;
    let quote = c.name("quote")?;
    let name = c.name("name")?;
    let at = |r: Range<usize>| para.start + r.start..para.start + r.end;
    let m = Mention {
        span: at(name.range()),
        role: c.name("role").map(|r| at(r.range())),
    };
    let s = ctx.speaker(m);
    Some(QuoteSpan {
        start: para.start + quote.start(),
        end: para.start + quote.end(),
        speaker: Some(s.name),
        speaker_span: Some(s.span),
        role: s.role,
        org: s.org,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dash_line_needs_a_dash_after_a_sentence() {
        for (s, dash_line) in [
            ("We will build it here. – Jane Doe, Acme", true),
            ("We will build it here!—\u{a0}Jane Doe", true),
            ("The well-known plan failed. It cost a lot.", false),
            ("We will build it here – Jane Doe", false),
            ("We will build it here. – the mayor", false),
            (
                "We will build it here. ‐ Jane Doe (U+2010 is no dash)",
                false,
            ),
        ] {
            assert_eq!(has_dash_after_sentence(s), dash_line, "{s}");
            assert!(dash_line || !DASH_LINE.is_match(s), "{s}");
        }
    }

    #[test]
    fn last_dash_is_rfind_of_the_dashes() {
        for s in [
            "no dash here",
            "a - b – c",
            "a – b - c",
            "ends with —",
            "bar ― and “quotes” and … and ‐ (U+2010 is no dash)",
            "é-è",
            "",
        ] {
            assert_eq!(last_dash(s), s.rfind(['–', '—', '―', '-']), "{s}");
        }
    }
}
