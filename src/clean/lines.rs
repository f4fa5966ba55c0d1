//! Line classifier for text dumps: keeps the run of article prose and the
//! short lines inside it, drops navigation, prompts, bios and link lists.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

/// Phrases that mark a whole line as page furniture when the line is short.
const BOILERPLATE_PHRASES: &[&str] = &[
    "advertisement",
    "sponsored",
    "follow us",
    "share this",
    "share on",
    "sign up",
    "subscribe",
    "newsletter",
    "cookie",
    "privacy policy",
    "terms of use",
    "terms of service",
    "all rights reserved",
    "copyright",
    "©",
    "related",
    "recommended",
    "recomended",
    "more from",
    "read more",
    "read next",
    "you may also like",
    "comments",
    "leave a comment",
    "log in",
    "sign in",
    "join ",
    "partner with us",
    "click here",
    "we may earn",
    "disclaimer",
    "affiliate",
    "skip to",
    "menu",
    "whatsapp",
    "google news",
];

static PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .build(BOILERPLATE_PHRASES)
        .expect("static patterns")
});

struct Line<'a> {
    text: &'a str,
    words: usize,
    prose: bool,
    furniture: bool,
}

fn describe(text: &str) -> Line<'_> {
    let words = text.split_whitespace().count();
    let ends_sentence = text.ends_with(['.', '!', '?', '"', '”', '’', ':']);
    let furniture = words <= 12 && PHRASES.is_match(text);
    Line {
        text,
        words,
        prose: words >= 12 && ends_sentence && !furniture,
        furniture,
    }
}

/// The article lines of a text dump, joined with `\n`.
pub fn clean_text(text: &str) -> String {
    let lines: Vec<Line> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(describe)
        .collect();
    // A short input is clean text already (a sentence piped in), not a page.
    if lines.len() <= 2 {
        let kept: Vec<&str> = lines
            .iter()
            .filter(|l| !l.furniture)
            .map(|l| l.text)
            .collect();
        return kept.join("\n");
    }
    let Some(first) = lines.iter().position(|l| l.prose) else {
        return String::new();
    };
    let last = lines.iter().rposition(|l| l.prose).unwrap_or(first);
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate().take(last + 1).skip(first) {
        // A prompt heading ("Join ...") makes the pitch under it boilerplate too.
        let after_furniture = i > 0 && lines[i - 1].furniture;
        let keep = if l.prose {
            !after_furniture
        } else {
            !l.furniture && l.words > 0
        };
        if keep {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(l.text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_prose_and_drops_furniture() {
        let dump = "Follow us on:\nTwitter\nBig Headline Here\n\
            Acme Corp. said on Tuesday that it would open a new plant in Ohio next year, adding jobs.\n\
            A subheading\n\
            The plant will make batteries for electric cars and trucks sold across North America.\n\
            Advertisement\nRelated\nSome Other Story Headline";
        assert_eq!(
            clean_text(dump),
            "Acme Corp. said on Tuesday that it would open a new plant in Ohio next year, adding jobs.\n\
             A subheading\n\
             The plant will make batteries for electric cars and trucks sold across North America."
        );
    }

    #[test]
    fn no_prose_gives_empty_text() {
        assert_eq!(clean_text("Home\nNews\nSports"), "");
    }
}
