//! Names the tagger leaves untagged whose shape or place shows an
//! organization: capitalized words ending in an unambiguous legal form
//! ("Velmar Television Limited"), a name written right after a company
//! noun ("security firm 4zen", "carmaker Zentrix Auto"), a company named by
//! its web domain ("Orbito.ai"), a name whose possessive a company's role
//! follows ("Zorbix's CEO"), and a lower-case brand ("quuxLabs") where
//! only an organization fits ("quuxLabs's Ann Wu", "research from quuxLabs").

use super::features::Prepared;
use super::retype::is_descriptor;
use super::words::has_space;
use crate::text::calendar::{is_month, is_weekday};

/// Legal forms that end only companies' names.
fn is_company_suffix(word: &[u8]) -> bool {
    matches!(
        word,
        b"Inc"
            | b"Inc."
            | b"Corp"
            | b"Corp."
            | b"Ltd"
            | b"Ltd."
            | b"Limited"
            | b"Plc"
            | b"plc"
            | b"PLC"
            | b"LLC"
            | b"GmbH"
            | b"Incorporated"
            | b"Corporation"
    )
}

/// A word that may be part of a name: capitalized, or digits and lower-case
/// letters ("4zen"), and not a day, a month or a title.
fn is_name_word(word: &str) -> bool {
    let capitalized = word.starts_with(|c: char| c.is_uppercase());
    let alnum = word.starts_with(|c: char| c.is_ascii_digit())
        && word.chars().any(|c| c.is_ascii_lowercase())
        && word.chars().all(|c| c.is_ascii_alphanumeric());
    (capitalized || alnum)
        && !is_month(word)
        && !is_weekday(word)
        && !matches!(
            word,
            "The"
                | "A"
                | "An"
                | "In"
                | "On"
                | "At"
                | "Mr"
                | "Mrs"
                | "Ms"
                | "Dr"
                | "Chairman"
                | "Chief"
                | "President"
                | "CEO"
        )
}

/// Top-level domains of companies' web names ("Orbito.ai", "Shopwise.com").
fn is_company_domain(tld: &[u8]) -> bool {
    matches!(
        tld,
        b"ai" | b"io" | b"com" | b"co" | b"net" | b"app" | b"tech" | b"org"
    )
}

/// A company's web name: a capitalized word of two letters or more with
/// lower-case letters, a dot and a company domain ("Orbito.ai").
fn is_web_name(word: &[u8]) -> bool {
    if !word.first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let Some(dot) = word.iter().rposition(|&b| b == b'.') else {
        return false;
    };
    let stem = &word[..dot];
    stem.len() >= 2
        && stem.iter().any(u8::is_ascii_lowercase)
        && stem
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        && is_company_domain(&word[dot + 1..])
}

/// A brand written with a lower-case start and a capital inside
/// ("quuxLabs", "eZorb"): one to four lower-case letters, then a capital.
fn is_lower_camel(word: &[u8]) -> bool {
    let lower = word.iter().take_while(|b| b.is_ascii_lowercase()).count();
    (1..=4).contains(&lower)
        && word.len() > lower + 1
        && word[lower].is_ascii_uppercase()
        && word.iter().all(u8::is_ascii_alphanumeric)
}

/// Roles a company's possessive names ("Zorbix's CEO", "Zorbix's co-founder").
fn is_role(word: &str) -> bool {
    matches!(
        word,
        "CEO" | "CFO" | "CTO" | "COO" | "founder" | "co-founder" | "cofounder" | "spokesperson"
    )
}

/// Nouns of findings that name their source after "from" or "by"
/// ("research from quuxLabs", "a survey by quuxLabs").
fn is_finding(word: &str) -> bool {
    matches!(
        word,
        "research" | "survey" | "study" | "report" | "analysis" | "data" | "poll"
    )
}

/// Byte spans of the organizations named by shape or by a company noun
/// before them, among the tokens that no entity or gazetteer hit (`taken`,
/// byte spans) covers; `people`: the byte spans of the people's names the
/// tagger found, in text order.
pub fn find(
    text: &str,
    p: &Prepared,
    taken: &[(usize, usize)],
    people: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let word = |k: usize| &text[p.tokens[k].clone()];
    // The tests run on every token read its bytes: no character boundary checks.
    let bytes = |k: usize| &text.as_bytes()[p.tokens[k].clone()];
    let taken = Taken::new(taken);
    let free = |k: usize| !taken.overlaps(&p.tokens[k]);
    // Every rule below wants a name word (capitalized, or starting with a
    // digit: see [`is_name_word`]) or an upper-case shape at token `k`,
    // or the legal form "plc": only these tokens are visited.
    let starts = rule_starts(text, p);
    let mut starts = starts.iter().map(|&k| k as usize).peekable();
    let mut out = Vec::new();
    // Lower-case brands once a mention of theirs stands where only an
    // organization fits, and names before a company role's possessive.
    let mut brands: Vec<&str> = Vec::new();
    // The tokens a brand may be written as: name words of three bytes or more.
    // Most of them are among the tokens with a capital.
    let mut named: Vec<usize> = Vec::with_capacity(p.upper.len());
    // One pass over the tokens for all the rules.
    for sentence in &p.sentences {
        // The tokens before `next` are in a name after a company noun, or
        // the sentence's first: the company-noun and legal-form rules
        // skip them.
        let mut next = sentence.start + 1;
        while let Some(k) = starts.next_if(|&k| k < sentence.end) {
            let name_like =
                p.infos[k].has_upper() || bytes(k).first().is_some_and(u8::is_ascii_digit);
            if k >= next && (name_like || bytes(k) == b"plc") {
                // "company N / A" in a table is no name: a name has two letters or more.
                // The company noun first: its `match` rules out most words at once.
                if is_descriptor(bytes(k - 1))
                    && bytes(k).len() > 1
                    && is_name_word(word(k))
                    && free(k)
                {
                    let mut end = k + 1;
                    while end < sentence.end && end < k + 3 && is_name_word(word(end)) && free(end)
                    {
                        end += 1;
                    }
                    out.push((p.tokens[k].start, p.tokens[end - 1].end));
                    next = end;
                } else if is_company_suffix(bytes(k)) && free(k) {
                    let mut start = k;
                    while start > sentence.start + 1
                        && start + 4 > k
                        && free(start - 1)
                        && is_name_word(word(start - 1))
                    {
                        start -= 1;
                    }
                    if start < k {
                        out.push((p.tokens[start].start, p.tokens[k].end));
                    }
                }
            }
            if !name_like {
                continue;
            }
            let b = bytes(k);
            if b.len() < 3 {
                continue;
            }
            named.push(k);
            let role = k + 2 < sentence.end
                && matches!(bytes(k + 1), b"'s" | b"\xE2\x80\x99s")
                && is_role(word(k + 2));
            // A web name or a lower-case brand is all the branches below take.
            // A web name's last dot is among its last five bytes (the longest
            // company domain has four): a short look instead of a search.
            let dotted = b[b.len().saturating_sub(5)..].contains(&b'.');
            let shaped = (b[0].is_ascii_uppercase() && dotted) || is_lower_camel(b);
            if !(role || shaped) || !free(k) {
                continue;
            }
            if role {
                if is_name_word(word(k))
                    && b.iter().skip(1).any(u8::is_ascii_lowercase)
                    && b.iter().all(u8::is_ascii_alphanumeric)
                    && !brands.contains(&word(k))
                {
                    brands.push(word(k));
                }
            } else if is_web_name(b) {
                out.push((p.tokens[k].start, p.tokens[k].end));
            } else if is_lower_camel(b)
                && !brands.contains(&word(k))
                && brand_cue(text, p, sentence.start, sentence.end, k, people)
            {
                brands.push(word(k));
            }
        }
    }
    if !brands.is_empty() {
        for &k in &named {
            if brands.contains(&word(k)) && free(k) {
                out.push((p.tokens[k].start, p.tokens[k].end));
            }
        }
    }
    out.sort_unstable();
    out
}

/// The tokens [`find`]'s rules may start at, in order: those with a capital
/// (`p.upper`), those starting with a digit, and "plc". The tokens between
/// two capitalized ones are tested by their first byte alone: most of the
/// text's tokens are never looked at again.
fn rule_starts(text: &str, p: &Prepared) -> Vec<u32> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(p.upper.len() + 16);
    let mut from = 0;
    // The sentinel at the end tests the tokens after the last capitalized one.
    for &upper in p.upper.iter().chain([&(p.tokens.len() as u32)]) {
        for k in from..upper {
            let t = &p.tokens[k as usize];
            let word = &bytes[t.clone()];
            if word.first().is_some_and(u8::is_ascii_digit) || word == b"plc" {
                out.push(k);
            }
        }
        if (upper as usize) < p.tokens.len() {
            out.push(upper);
        }
        from = upper + 1;
    }
    out
}

/// The byte spans no untagged name may overlap, for a test per token:
/// a binary search, where a flag for every token of the text would cost
/// a sweep over all of them for the few the rules ask about.
struct Taken {
    /// The spans' starts, sorted.
    starts: Vec<usize>,
    /// For each of `starts`, the furthest end of the spans up to it.
    max_ends: Vec<usize>,
}

impl Taken {
    fn new(spans: &[(usize, usize)]) -> Self {
        let mut spans = spans.to_vec();
        // The stable sort merges runs already in order: the spans come as
        // two sorted lists (the tagger's, the gazetteer's), merged in one pass.
        spans.sort();
        let mut max_end = 0;
        let max_ends = spans
            .iter()
            .map(|&(_, e)| {
                max_end = max_end.max(e);
                max_end
            })
            .collect();
        Taken {
            starts: spans.into_iter().map(|(s, _)| s).collect(),
            max_ends,
        }
    }

    /// Whether a span starting before the token's end ends after its start.
    fn overlaps(&self, token: &std::ops::Range<usize>) -> bool {
        let before = self.starts.partition_point(|&s| s < token.end);
        before > 0 && self.max_ends[before - 1] > token.start
    }
}

/// True when token `k` (of the sentence of tokens `from..to`) stands where
/// only an organization fits: before a possessive and a person's name
/// ("quuxLabs's Ann Wu"), after a finding and "from" or "by" ("new
/// research from quuxLabs"), after "told" or "according to".
fn brand_cue(
    text: &str,
    p: &Prepared,
    from: usize,
    to: usize,
    k: usize,
    people: &[(usize, usize)],
) -> bool {
    let word = |i: usize| &text[p.tokens[i].clone()];
    if k + 2 < to && matches!(word(k + 1), "'s" | "’s") {
        let next = p.tokens[k + 2].start;
        let i = people.partition_point(|&(s, _)| s < next);
        if people
            .get(i)
            .is_some_and(|&(s, e)| s == next && has_space(&text[s..e]))
        {
            return true;
        }
    }
    (k >= from + 2 && matches!(word(k - 1), "from" | "by") && is_finding(word(k - 2)))
        || (k > from && word(k - 1) == "told")
        || (k >= from + 2 && word(k - 1) == "to" && word(k - 2) == "according")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_overlapped_by_spans() {
        let tokens = [0..3, 4..8, 9..12, 13..15, 16..20];
        // Unsorted spans; one spans two tokens, one is empty inside a token.
        let spans = [(10, 14), (5, 6), (17, 17)];
        let overlapped = |spans: &[(usize, usize)]| {
            let taken = Taken::new(spans);
            tokens.iter().map(|t| taken.overlaps(t)).collect::<Vec<_>>()
        };
        assert_eq!(overlapped(&spans), [false, true, true, true, true]);
        assert_eq!(overlapped(&[]), [false; 5]);
    }
    use crate::text::Document;

    fn found(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        let p = Prepared::new(&doc, &[]);
        find(text, &p, &[], &[])
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn legal_forms_and_company_nouns_name_companies() {
        assert_eq!(
            found("said Ann Wu, from TV producer Velmar Television Limited, today."),
            ["Velmar Television Limited"]
        );
        assert_eq!(
            found("It is a venture of security firm 4orin and others."),
            ["4orin"]
        );
    }

    #[test]
    fn web_names_are_companies() {
        assert_eq!(
            found("It bought Orbito.ai and Shopwise.com last year."),
            ["Orbito.ai", "Shopwise.com"]
        );
        assert!(found("See orbito.ai or Node.js for more.").is_empty());
    }

    #[test]
    fn names_whose_possessive_a_company_role_follows_are_companies() {
        let t = "Zorbix's CEO Ann Wu said Zorbix would grow. Its CEO agreed.";
        assert_eq!(found(t), ["Zorbix", "Zorbix"]);
        assert!(found("Monday's CEO meeting ended.").is_empty());
    }

    #[test]
    fn lower_case_brands_need_an_organization_cue() {
        let t = "New research from quuxLabs shows it. The quuxLabs team agreed.";
        assert_eq!(found(t), ["quuxLabs", "quuxLabs"]);
        assert!(found("Buy an iZorb or a quuxLabs today.").is_empty());
        let t = "said quuxLabs's Ann Wu on Monday.";
        let doc = Document::new(t);
        let p = Prepared::new(&doc, &[]);
        let ann = t.find("Ann").unwrap();
        let got = find(t, &p, &[], &[(ann, ann + 6)]);
        assert_eq!(got, [(5, 13)]);
    }

    #[test]
    fn days_and_titles_are_not_names() {
        assert!(found("The firm Monday said profits rose.").is_empty());
        assert!(found("Shares in the company fell.").is_empty());
    }
}
