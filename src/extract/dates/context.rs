//! What a rule needs to know beyond its match: the tense of the clause it
//! sits in (past or future reading of "Friday", "in March") and the
//! document-level financial-quarter context ("the latest quarter", "a year
//! earlier" in an earnings report).

use super::Date;

/// The reading a relative expression gets from its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// Words that put the clause in the future ("will meet on Thursday", "payable Jan. 2").
fn future_cue(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "'ll"
            | "shall"
            | "going"
            | "expected"
            | "expects"
            | "expect"
            | "scheduled"
            | "due"
            | "payable"
            | "ahead"
            | "soon"
            | "upcoming"
            | "next"
            | "begins"
            | "starts"
            | "opens"
            | "expires"
            | "tomorrow"
    )
}

/// Words that put the clause in the past ("said on Tuesday", "was found Thanksgiving Day").
fn past_cue(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "was"
            | "were"
            | "had"
            | "did"
            | "told"
            | "ago"
            | "last"
            | "earlier"
            | "yesterday"
            | "since"
            | "began"
            | "met"
            | "came"
            | "went"
            | "made"
            | "took"
            | "gave"
            | "left"
            | "held"
            | "set"
            | "won"
            | "lost"
            | "rose"
            | "fell"
            | "sold"
            | "bought"
            | "paid"
            | "got"
            | "saw"
            | "found"
            | "led"
            | "broke"
            | "hit"
    ) || (w.len() > 4 && w.ends_with("ed") && !future_cue(w) && !ends_in_ed_but_not_past(w))
}

/// Words ending in "-ed" that are no past tense: "succeed", "need", "speed",
/// "indeed" (but "agreed", "freed" and "guaranteed" are), and "hundred".
fn ends_in_ed_but_not_past(w: &str) -> bool {
    (w.ends_with("eed") && !w.ends_with("reed") && !w.ends_with("teed")) || w == "hundred"
}

/// Verbs that look ahead when an infinitive follows ("set to resume Monday").
fn future_before_to(w: &str) -> bool {
    matches!(
        w,
        "set"
            | "due"
            | "expected"
            | "scheduled"
            | "going"
            | "plans"
            | "plan"
            | "planned"
            | "planning"
            | "intends"
            | "intend"
            | "hopes"
            | "hope"
            | "aims"
            | "wants"
            | "want"
            | "is"
            | "are"
            | "likely"
            | "agreed"
            | "promised"
            | "ready"
    )
}

/// Verbs that set a deadline: the date after their "until" or "to" is the new
/// one, still ahead ("extended the offer to Dec. 4", "gave them until Friday").
fn deadline_verb(w: &str) -> bool {
    let stem = w
        .strip_suffix("ed")
        .or_else(|| w.strip_suffix("s"))
        .unwrap_or(w);
    matches!(
        stem,
        "extend" | "postpon" | "postpone" | "delay" | "deferr" | "defer" | "adjourn"
    ) || matches!(w, "give" | "gives" | "gave" | "given")
}

/// A past cue by the word list rather than by its "-ed" ending.
fn past_cue_word(w: &str) -> bool {
    !w.ends_with("ed") || matches!(w, "said" | "led")
}

fn cue(w: &str) -> Tense {
    if future_cue(w) {
        Tense::Future
    } else if past_cue(w) {
        Tense::Past
    } else {
        Tense::Unknown
    }
}

/// Lower-cased ASCII words of `s` (apostrophes kept), without allocation per word
/// beyond the small buffer the caller reuses.
fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
}

/// The tense of the clause around `sentence[at..end]`: the nearest cue word
/// before the expression, else after it; first within its comma-delimited
/// stretch, then within the whole clause (up to ';' or a quotation mark).
pub fn tense(sentence: &str, at: usize, end: usize) -> Tense {
    let before = &sentence[..at];
    let after = &sentence[end..];
    let clause_start = clause_start(before.as_bytes());
    let clause_end = clause_end(after.as_bytes());
    let (before, after) = (&before[clause_start..], &after[..clause_end]);
    let comma_start = before.rfind(',').map_or(0, |i| i + 1);
    let comma_end = after.find(',').unwrap_or(after.len());
    scan_back(&before[comma_start..])
        .or_else(|| scan_forward(&after[..comma_end]))
        .or_else(|| {
            // Beyond the comma only as far as ten words back in all.
            let near = words(&before[comma_start..]).count();
            let far = &before[..comma_start];
            let skip = words(far)
                .count()
                .saturating_sub(10usize.saturating_sub(near));
            let from = words_start(far, skip);
            scan_back(&far[from..])
        })
        .or_else(|| scan_forward(&after[comma_end..]))
        .unwrap_or(Tense::Unknown)
}

/// Whether the clause boundary candidate at `i` (a `;`, `"` or the lead
/// byte 0xE2) is one: the lead byte must start a curly double quote.
fn is_clause_mark(s: &[u8], i: usize) -> bool {
    s[i] != 0xE2 || matches!(s.get(i + 1..i + 3), Some([0x80, 0x9C | 0x9D]))
}

/// Where the clause that ends `s` starts: past its last `;`, `"`, `“` or `”` (else 0).
fn clause_start(s: &[u8]) -> usize {
    let mut end = s.len();
    while let Some(i) = memchr::memrchr3(b';', b'"', 0xE2, &s[..end]) {
        if is_clause_mark(s, i) {
            return i + if s[i] == 0xE2 { 3 } else { 1 };
        }
        end = i;
    }
    0
}

/// Where the clause that starts `s` ends: at its first `;`, `"`, `“` or `”` (else the end).
fn clause_end(s: &[u8]) -> usize {
    let mut from = 0;
    while let Some(k) = memchr::memchr3(b';', b'"', 0xE2, &s[from..]) {
        if is_clause_mark(s, from + k) {
            return from + k;
        }
        from += k + 1;
    }
    s.len()
}

/// Byte offset of the `n`-th word of `s` (its length when there are fewer).
fn words_start(s: &str, n: usize) -> usize {
    words(s)
        .nth(n)
        .map_or(s.len(), |w| w.as_ptr() as usize - s.as_ptr() as usize)
}

/// The nearest cue reading backwards from the end of `before`.
fn scan_back(before: &str) -> Option<Tense> {
    let mut buf = String::new();
    let mut prev_to = false;
    let mut skip_passive = false;
    let mut deadline = false;
    for (i, w) in words(before).rev().take(10).enumerate() {
        buf.clear();
        buf.push_str(w);
        buf.make_ascii_lowercase();
        // "until Friday", "to Dec. 4": the end of a span, ahead if a deadline verb sets it.
        if i == 0 && matches!(buf.as_str(), "until" | "till" | "to") {
            deadline = true;
            continue;
        }
        if deadline && deadline_verb(&buf) {
            return Some(Tense::Future);
        }
        if prev_to {
            prev_to = false;
            if future_before_to(&buf) {
                return Some(Tense::Future);
            }
        }
        if skip_passive {
            // "to be completed by Dec. 15": the passive auxiliary decides, not the participle.
            if buf == "be" {
                skip_passive = false;
                continue;
            }
            return Some(Tense::Past);
        }
        if buf == "to" {
            prev_to = true;
            continue;
        }
        if buf == "would" {
            return Some(Tense::Future);
        }
        // "as early as Tuesday", "as soon as Tuesday" look ahead.
        if buf == "as" && {
            let lower = before.trim_end().to_ascii_lowercase();
            lower.ends_with("early as") || lower.ends_with("soon as")
        } {
            return Some(Tense::Future);
        }
        // A capitalised "-ed" word is a name ("United"), not a verb.
        let t = match cue(&buf) {
            Tense::Past if w.starts_with(|c: char| c.is_uppercase()) && !past_cue_word(&buf) => {
                Tense::Unknown
            }
            t => t,
        };
        // Participles ("completed", "held") may be passive; auxiliaries and adverbs decide at once.
        let participle = !matches!(
            buf.as_str(),
            "was" | "were" | "had" | "did" | "ago" | "last" | "earlier" | "yesterday" | "since"
        );
        if t == Tense::Past && participle {
            // The next word decides: a passive "be" defers, anything else confirms.
            skip_passive = true;
            continue;
        }
        if t != Tense::Unknown {
            return Some(t);
        }
    }
    skip_passive.then_some(Tense::Past)
}

/// The nearest cue reading forwards from the start of `after`.
fn scan_forward(after: &str) -> Option<Tense> {
    let mut buf = String::new();
    for w in words(after).take(8) {
        buf.clear();
        buf.push_str(w);
        buf.make_ascii_lowercase();
        let t = cue(&buf);
        if t != Tense::Unknown {
            return Some(t);
        }
    }
    None
}

/// Document-wide state carried from sentence to sentence.
#[derive(Debug, Clone, Default)]
pub struct DocState {
    /// The article talks about quarterly results.
    pub financial: bool,
    /// The last fiscal quarter named (year, quarter).
    pub quarter: Option<(i32, u32)>,
}

impl DocState {
    pub fn new(text: &str) -> DocState {
        DocState {
            // "quarter" or "Quarter", in one pass.
            financial: memchr::memmem::find_iter(text.as_bytes(), b"uarter")
                .any(|i| i > 0 && matches!(text.as_bytes()[i - 1], b'q' | b'Q')),
            quarter: None,
        }
    }

    /// The quarter that "the quarter", "the latest period" refer to: the last
    /// one named, else the last one completed before the reference date.
    pub fn current_quarter(&self, reference: Option<Date>) -> Option<(i32, u32)> {
        self.quarter.or_else(|| {
            reference.map(|r| {
                let d = r.add_months(-3);
                (d.year, d.quarter())
            })
        })
    }

    /// Whether "a year earlier" in this sentence compares quarters: a quarter
    /// was named before, or the sentence itself talks of one.
    pub fn compares_quarters(&self, sentence: &str) -> bool {
        self.financial && (self.quarter.is_some() || sentence.contains("quarter"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str, expr: &str) -> Tense {
        let at = s.find(expr).unwrap();
        tense(s, at, at + expr.len())
    }

    #[test]
    fn nearest_cue_decides() {
        assert_eq!(
            t("Acme said on Tuesday it will merge.", "Tuesday"),
            Tense::Past
        );
        assert_eq!(
            t("The king will meet Bush on Thursday.", "Thursday"),
            Tense::Future
        );
        assert_eq!(t("On Tuesday, the allies agreed.", "Tuesday"), Tense::Past);
        assert_eq!(
            t("The dividend is payable Jan. 2.", "Jan. 2"),
            Tense::Future
        );
        assert_eq!(t("Prices on Monday.", "Monday"), Tense::Unknown);
        assert_eq!(t("It is set to resume Monday.", "Monday"), Tense::Future);
        assert_eq!(
            t("It rose 2% to $5 in trading Friday.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            t(
                "They expect the sale to be completed by Dec. 15.",
                "Dec. 15"
            ),
            Tense::Future
        );
        assert_eq!(
            t("The sale was completed on Dec. 15.", "Dec. 15"),
            Tense::Past
        );
        assert_eq!(
            t(
                "Castro said he would be traveling to the United States Thursday.",
                "Thursday"
            ),
            Tense::Future
        );
        assert_eq!(
            t("They may come as early as Tuesday.", "Tuesday"),
            Tense::Future
        );
        assert_eq!(
            t("They could leave as soon as Tuesday.", "Tuesday"),
            Tense::Future
        );
    }

    #[test]
    fn words_ending_in_ed_that_are_no_past_tense() {
        assert_eq!(
            t("Ms. Roe will succeed Jan Doe Feb. 1.", "Feb. 1"),
            Tense::Future
        );
        assert_eq!(
            t("Tickets for a hundred seats go on sale Friday.", "Friday"),
            Tense::Unknown
        );
        assert_eq!(t("The two firms agreed on Friday.", "Friday"), Tense::Past);
        assert_eq!(
            t("Its loans were guaranteed on Friday.", "Friday"),
            Tense::Past
        );
    }

    #[test]
    fn clauses_end_at_semicolons_and_double_quotes() {
        for s in [
            "a; b",
            "a \u{201c}b",
            "a\u{201d} b",
            "a \"b",
            "a \u{2014} b",
            "a\u{201c}",
            "ab",
        ] {
            let chars = [';', '"', '\u{201c}', '\u{201d}'];
            let want_start = s
                .rfind(chars)
                .map_or(0, |i| i + s[i..].chars().next().unwrap().len_utf8());
            assert_eq!(clause_start(s.as_bytes()), want_start, "{s}");
            assert_eq!(
                clause_end(s.as_bytes()),
                s.find(chars).unwrap_or(s.len()),
                "{s}"
            );
        }
    }

    #[test]
    fn quarter_context() {
        let mut st = DocState::new("Net rose in the third quarter.");
        assert!(st.financial);
        let r = Date::new(1989, 11, 2);
        assert_eq!(st.current_quarter(r), Some((1989, 3)));
        assert!(!st.compares_quarters("Net rose a year earlier."));
        st.quarter = Some((1989, 2));
        assert_eq!(st.current_quarter(r), Some((1989, 2)));
        assert!(st.compares_quarters("Net rose a year earlier."));
    }
}
