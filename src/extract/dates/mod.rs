//! Time expressions (TIMEX3): a trigger-word prefilter picks the rules worth
//! running on each sentence, the rules' regular expressions (compiled once)
//! find candidates in it, and resolvers type them DATE / TIME / DURATION / SET and
//! resolve them to ISO values against the publication date, reading the
//! tense of the clause to decide between past and future readings.

mod calendar;
mod context;
mod fills;
mod rules;
mod triggers;

pub use calendar::Date;

use crate::text::Document;
use context::DocState;
use regex_automata::util::captures::Captures;
use regex_automata::{meta, Anchored, Input};
use rules::{Ctx, RULES};
use std::cell::Cell;
use std::ops::Range;

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A time expression: byte range, type and resolved value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub kind: TimexType,
    pub value: Option<String>,
}

/// Every time expression in the document, in text order, not overlapping.
///
/// Only the rules whose trigger words a sentence contains run, and only
/// over that sentence. Sentences are resolved in order, so that a sentence sees the
/// context (named quarters) of those before it.
pub fn find(doc: &Document, reference: Option<Date>) -> Vec<Timex> {
    let text = doc.text;
    let mut state = DocState::new(text);
    let mut found = Vec::new();
    let Scratch {
        mut caches,
        mut free,
        mut matches,
        mut cands,
        mut lowered,
    } = SCRATCH.take();
    // Lower-cased while copied: one pass, no second one over the copy.
    lowered.clear();
    lowered.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
    if caches.is_empty() {
        caches.resize_with(RULES.len(), || None);
        free.resize_with(RULES.len(), Vec::new);
    }
    let mut words = triggers::Words::default();
    for sentence in &doc.sentences {
        triggers::words(&text[sentence.clone()], &mut words);
        let mask = words.mask;
        if mask == 0 {
            continue;
        }
        // The haystack starts with the text, so that word boundaries at the
        // start of a rule's range see the byte before it (and those at its
        // end the byte after).
        let original = &text[..sentence.end];
        let lower = &lowered[..sentence.end];
        for (ri, caps) in matches.drain(..) {
            free[ri].push(caps);
        }
        for (ri, r) in RULES.iter().enumerate() {
            if !r.may_match(mask) {
                continue;
            }
            let re = r.re();
            let hay = r.haystack(original, lower);
            let cache = caches[ri].get_or_insert_with(|| re.create_cache());
            let mut caps = free[ri].pop().unwrap_or_else(|| re.create_captures());
            let range = r.range(&words, text[sentence.clone()].as_bytes());
            let end = sentence.start + range.end;
            let mut at = sentence.start + range.start;
            while at < end {
                let input = Input::new(hay).span(at..end);
                let m = match r.fill {
                    Some(fill) => re.search_with(cache, &input).inspect(|m| {
                        if !fill(&mut caps, original, m.span()) {
                            let exact = Input::new(hay).span(m.range()).anchored(Anchored::Yes);
                            re.search_captures_with(cache, &exact, &mut caps);
                        }
                    }),
                    None => {
                        re.search_captures_with(cache, &input, &mut caps);
                        caps.get_match()
                    }
                };
                let Some(m) = m else {
                    break;
                };
                at = if m.is_empty() {
                    next_char(original, m.end())
                } else {
                    m.end()
                };
                let fresh = free[ri].pop().unwrap_or_else(|| re.create_captures());
                matches.push((ri, std::mem::replace(&mut caps, fresh)));
                if r.exhausted(&words, m.end() - sentence.start) {
                    break;
                }
            }
            free[ri].push(caps);
        }
        if !matches.is_empty() {
            resolve_sentence(
                text,
                sentence.clone(),
                &matches,
                reference,
                &mut state,
                &mut cands,
                &mut found,
            );
        }
    }
    for (ri, caps) in matches.drain(..) {
        free[ri].push(caps);
    }
    SCRATCH.set(Scratch {
        caches,
        free,
        matches,
        cands,
        lowered,
    });
    found
}

/// Per-thread search state, kept from document to document.
#[derive(Default)]
struct Scratch {
    /// The rules' search caches (lazy DFA states), by rule: owned by the
    /// thread rather than taken from each regex's shared pool on every search.
    caches: Vec<Option<meta::Cache>>,
    /// Capture buffers by rule, so that a match costs no allocation.
    free: Vec<Vec<Captures>>,
    /// A sentence's matches (rule, groups) and their resolved candidates.
    matches: Vec<(usize, Captures)>,
    cands: Vec<Candidate>,
    /// The document ASCII-lower-cased, for the rules that run on it.
    lowered: Vec<u8>,
}

thread_local! {
    static SCRATCH: Cell<Scratch> = Cell::new(Scratch::default());
}

/// The byte offset of the character after the one at `i`.
fn next_char(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(s.len(), |c| i + c.len_utf8())
}

/// A resolved match and the fiscal quarter it names, if any.
type Candidate = (Timex, Option<(i32, u32)>);

/// Resolves one sentence's matches, keeps the longest non-overlapping
/// candidates and widens them over modifiers. `cands` is scratch space.
fn resolve_sentence(
    text: &str,
    sentence: Range<usize>,
    matches: &[(usize, Captures)],
    reference: Option<Date>,
    state: &mut DocState,
    cands: &mut Vec<Candidate>,
    out: &mut Vec<Timex>,
) {
    let s = &text[sentence.clone()];
    let base = sentence.start;
    cands.clear();
    for (ri, caps) in matches {
        let m = RULES[*ri].span(caps);
        let ctx = Ctx {
            caps,
            hay: text,
            sentence: s,
            at: m.start - base,
            end: m.end - base,
            reference,
            doc: state,
            names_quarter: Cell::new(None),
            trim_start: Cell::new(0),
        };
        if let Some((kind, value)) = (RULES[*ri].resolve)(&ctx) {
            let t = Timex {
                start: ctx.at + ctx.trim_start.get(),
                end: ctx.end,
                kind,
                value,
            };
            cands.push((t, ctx.names_quarter.get()));
        }
    }
    // Longest first, then leftmost; a candidate survives if it overlaps none
    // kept. The kept ones are moved to the front of `cands`.
    cands.sort_by_key(|(t, _)| (std::cmp::Reverse(t.end - t.start), t.start));
    let mut n = 0;
    for i in 0..cands.len() {
        let t = &cands[i].0;
        if cands[..n]
            .iter()
            .all(|(k, _)| t.end <= k.start || t.start >= k.end)
        {
            cands.swap(n, i);
            n += 1;
        }
    }
    cands.truncate(n);
    cands.sort_by_key(|(t, _)| t.start);
    for (mut t, quarter) in cands.drain(..) {
        if matches!(t.kind, TimexType::Date | TimexType::Time) {
            t.start = widen_left(s, t.start);
        }
        // The report's period is the latest quarter named: an earlier one named
        // afterwards ("after a flat second quarter") is a comparison. A fiscal
        // quarter counts in its company's own year, so it is not comparable.
        if quarter.is_some() {
            let fiscal = s.as_bytes()[t.start..t.end]
                .windows(6)
                .any(|w| w.eq_ignore_ascii_case(b"fiscal"));
            if fiscal || quarter > state.quarter {
                state.quarter = quarter;
            }
        }
        t.start += sentence.start;
        t.end += sentence.start;
        out.push(t);
    }
}

/// Modifiers TimeML keeps inside the expression: "the end of 1999",
/// "early next year", "late yesterday", "mid-".
fn widen_left(s: &str, start: usize) -> usize {
    const PREFIXES: &[&str] = &[
        "the end of the ",
        "the end of ",
        "the beginning of the ",
        "the beginning of ",
        "the start of the ",
        "the start of ",
        "the middle of the ",
        "the middle of ",
        "the first half of ",
        "the second half of ",
        "the rest of ",
        "the remainder of ",
        "early ",
        "late ",
        "mid-",
    ];
    let before = &s[..start];
    for p in PREFIXES {
        if let Some(cand) = before
            .len()
            .checked_sub(p.len())
            .and_then(|st| before.get(st..))
        {
            if cand.eq_ignore_ascii_case(p) {
                let st = before.len() - p.len();
                // Only at a word start.
                if st == 0 || !before.as_bytes()[st - 1].is_ascii_alphanumeric() {
                    return st;
                }
            }
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, reference: &str) -> Vec<(String, &'static str, Option<String>)> {
        let doc = Document::new(text);
        find(&doc, Date::parse_iso_prefix(reference))
            .into_iter()
            .map(|t| (text[t.start..t.end].to_string(), t.kind.as_str(), t.value))
            .collect()
    }

    fn values(text: &str, reference: &str) -> Vec<(String, Option<String>)> {
        run(text, reference)
            .into_iter()
            .map(|(t, _, v)| (t, v))
            .collect()
    }

    fn v(t: &str, val: &str) -> (String, Option<String>) {
        (t.to_string(), Some(val.to_string()))
    }

    #[test]
    fn seed_expressions_resolve() {
        let got = values(
            "Facebook confirmed yesterday that it is to end the partnership later this week. \
             The report came out last Sunday. They partnered 10 years ago.",
            "2018-06-06",
        );
        assert_eq!(
            got,
            [
                v("yesterday", "2018-06-05"),
                v("later this week", "2018-W23"),
                v("last Sunday", "2018-06-03"),
                v("10 years ago", "2008"),
            ]
        );
    }

    #[test]
    fn bare_weekday_in_past_tense_is_the_previous_one() {
        assert_eq!(
            values(
                "Acme said on Tuesday it will form a joint venture.",
                "2024-03-15"
            ),
            [v("Tuesday", "2024-03-12")]
        );
    }

    #[test]
    fn month_just_ahead_is_the_coming_one_in_a_past_clause() {
        assert_eq!(
            values(
                "Brindle Corp. said it extended its offer to Dec. 4 and had sold a plant in August.",
                "2023-11-20"
            ),
            [v("Dec. 4", "2023-12-04"), v("August", "2023-08")]
        );
        assert_eq!(
            values("Brindle Corp. said sales rose in May.", "2023-02-10"),
            [v("May", "2022-05")]
        );
    }

    #[test]
    fn deadline_set_in_a_past_clause_lies_ahead() {
        // 2024-03-13 is a Wednesday.
        assert_eq!(
            values(
                "Quillmark postponed until Monday its vote and stayed until Tuesday.",
                "2024-03-13"
            ),
            [v("Monday", "2024-03-18"), v("Tuesday", "2024-03-12")]
        );
        assert_eq!(
            values(
                "Regulators gave Quillmark until 5 p.m. Friday to answer.",
                "2024-03-13"
            ),
            [v("5 p.m. Friday", "2024-03-15T17:00")]
        );
    }

    #[test]
    fn plural_weekday_parts_recur() {
        assert_eq!(
            values(
                "Brindle's shop stays open on Friday nights and closed on Sunday morning.",
                "2024-03-13"
            ),
            [
                v("Friday nights", "XXXX-WXX-5TNI"),
                v("Sunday morning", "2024-03-10TMO")
            ]
        );
    }

    #[test]
    fn absolute_forms() {
        assert_eq!(
            values(
                "It opened on June 5, 2018, and closed 5 June 2019.",
                "2020-01-01"
            ),
            [
                v("June 5, 2018", "2018-06-05"),
                v("5 June 2019", "2019-06-05")
            ]
        );
        assert_eq!(
            values(
                "Sales rose in the third quarter of fiscal 2019.",
                "2020-01-01"
            ),
            [v("the third quarter of fiscal 2019", "2019-Q3")]
        );
        assert_eq!(
            values("Prices rose in the 1990s.", "2020-01-01"),
            [v("the 1990s", "199")]
        );
    }

    #[test]
    fn durations_and_vague_references() {
        let got = run(
            "Over the past three years it has grown, and is now the leader.",
            "2020-01-01",
        );
        assert_eq!(
            got,
            [
                (
                    "the past three years".to_string(),
                    "DURATION",
                    Some("P3Y".to_string())
                ),
                ("now".to_string(), "DATE", Some("PRESENT_REF".to_string())),
            ]
        );
    }

    #[test]
    fn relative_values_need_a_reference() {
        assert_eq!(
            values("The deal was signed yesterday, on March 3, 2021.", ""),
            [
                ("yesterday".to_string(), None),
                v("March 3, 2021", "2021-03-03")
            ]
        );
    }

    #[test]
    fn prepositions_stay_outside_and_modifiers_inside() {
        assert_eq!(
            values(
                "Sales fell in March 1996 and since Jan. 13, and will recover by the end of 1999.",
                "1998-03-06"
            ),
            [
                v("March 1996", "1996-03"),
                v("Jan. 13", "1998-01-13"),
                v("the end of 1999", "1999"),
            ]
        );
    }

    #[test]
    fn earnings_reports_compare_quarters() {
        let got = values(
            "Net rose 5% in the third quarter. A year earlier, it earned $2 million. \
             Sales in the latest quarter rose, from the year-ago period.",
            "1989-10-26",
        );
        assert_eq!(
            got,
            [
                v("the third quarter", "1989-Q3"),
                v("A year earlier", "1988-Q3"),
                v("the latest quarter", "1989-Q3"),
                v("the year-ago period", "1988-Q3"),
            ]
        );
    }

    #[test]
    fn a_quarter_years_back_is_no_reporting_period() {
        let got = values(
            "Tarnwell Inc. cut its payout in the second quarter of 1981. \
             It earned more in the quarter than a year earlier.",
            "1989-10-26",
        );
        assert_eq!(
            got,
            [
                v("the second quarter of 1981", "1981-Q2"),
                v("the quarter", "1989-Q3"),
                v("a year earlier", "1988-Q3"),
            ]
        );
    }

    #[test]
    fn an_earlier_quarter_named_later_is_a_comparison() {
        let got = values(
            "Tarnwell Inc. earned more in the third quarter. After a weak second quarter, \
             sales in the quarter rose. Orvane Co. said fiscal second-quarter net fell. \
             Its costs rose in the quarter.",
            "1989-10-26",
        );
        assert_eq!(
            got,
            [
                v("the third quarter", "1989-Q3"),
                v("second quarter", "1989-Q2"),
                v("the quarter", "1989-Q3"),
                v("fiscal second-quarter", "1989-Q2"),
                v("the quarter", "1989-Q2"),
            ]
        );
    }

    #[test]
    fn ages_rates_and_names_are_not_times() {
        assert!(run(
            "The 6-year-old boy and 12 Americans paid $2 million a year on Flight 1990 Street.",
            "2000-01-06"
        )
        .iter()
        .all(|(t, _, _)| t != "6-year" && t != "12 Am" && t != "a year"));
    }

    #[test]
    fn holidays_seasons_and_months_follow_the_clause() {
        assert_eq!(
            values(
                "He was found on Thanksgiving Day. The summit will be held in April.",
                "2000-01-06"
            ),
            [v("Thanksgiving Day", "1999-11-25"), v("April", "2000-04")]
        );
        assert_eq!(
            values("Employment began rising last fall.", "1998-02-06"),
            [v("last fall", "1997-FA")]
        );
        assert_eq!(
            values("The dividend is payable Jan. 2.", "1989-11-02"),
            [v("Jan. 2", "1990-01-02")]
        );
    }

    #[test]
    fn times_of_day() {
        assert_eq!(
            run(
                "Talks broke off at 10 p.m. Wednesday and resume this morning.",
                "1998-02-13"
            ),
            [
                (
                    "10 p.m. Wednesday".to_string(),
                    "TIME",
                    Some("1998-02-11T22:00".to_string())
                ),
                (
                    "this morning".to_string(),
                    "TIME",
                    Some("1998-02-13TMO".to_string())
                ),
            ]
        );
    }

    /// Rules run sentence by sentence: a match cannot run into the next
    /// line and swallow the expression there, and a rule's trigger words
    /// are looked for in the sentence itself.
    #[test]
    fn rules_run_within_each_sentence() {
        assert_eq!(
            values(
                "Hours\nMonday 9:00am - 5:00pm\nTuesday 9:00am",
                "2025-06-01"
            )
            .into_iter()
            .map(|(t, _)| t)
            .filter(|t| t.ends_with("day"))
            .collect::<Vec<_>>(),
            ["Monday", "Tuesday"]
        );
        assert_eq!(
            run("It costs $5 per day.", "2025-06-01"),
            [("per day".to_string(), "SET", Some("P1D".to_string()))]
        );
    }

    /// Multi-byte punctuation next to every kind of expression must not
    /// split a character anywhere.
    #[test]
    fn survives_multibyte_text_everywhere() {
        let pieces = [
            "\u{201c}Today\u{2019}s\u{201d}",
            "\u{2014}from Sept. 3\u{2014}",
            "\u{2018}late\u{2019} 2017\u{2019}s",
            "\u{201c}the end of\u{201d} 1999",
            "at 10:30 a.m.\u{201d}",
            "said \u{201c}on Tuesday\u{201d}",
            "é early March ü",
            "the third-quarter\u{2019}s",
            "\u{ff08}2 years ago\u{ff09}",
            "last week\u{2026} now",
        ];
        let mut text = String::new();
        for a in pieces {
            for b in pieces {
                text.push_str(a);
                text.push(' ');
                text.push_str(b);
                text.push_str(". ");
            }
        }
        let doc = Document::new(&text);
        for t in find(&doc, Date::parse_iso_prefix("2018-06-06")) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
    }
}
