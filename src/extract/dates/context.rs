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
            | "plans"
            | "plan"
            | "planned"
            | "payable"
            | "until"
            | "upcoming"
            | "next"
            | "intends"
            | "hopes"
            | "aims"
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
    ) || (w.len() > 4 && w.ends_with("ed") && !future_cue(w))
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
/// before the expression (within its clause), else the nearest one after it.
pub fn tense(sentence: &str, at: usize, end: usize) -> Tense {
    let before = &sentence[..at];
    // Stay within the clause: cut at the last ';' or a quotation boundary.
    let clause_start = before
        .rfind([';', '"', '\u{201c}', '\u{201d}'])
        .map_or(0, |i| i + 1);
    let mut buf = String::new();
    for (i, w) in words(&before[clause_start..]).rev().take(10).enumerate() {
        buf.clear();
        buf.push_str(w);
        buf.make_ascii_lowercase();
        // An infinitive ("set to resume Monday", "plans to sell in March") or
        // "said it would" points forward; a "to" right before is a preposition.
        if (buf == "to" && i > 0) || buf == "would" {
            return Tense::Future;
        }
        let t = cue(&buf);
        if t != Tense::Unknown {
            return t;
        }
    }
    let after = &sentence[end..];
    let clause_end = after
        .find([';', '"', '\u{201c}', '\u{201d}'])
        .unwrap_or(after.len());
    for w in words(&after[..clause_end]).take(8) {
        buf.clear();
        buf.push_str(w);
        buf.make_ascii_lowercase();
        let t = cue(&buf);
        if t != Tense::Unknown {
            return t;
        }
    }
    Tense::Unknown
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
            financial: text.contains("quarter") || text.contains("Quarter"),
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

    /// Records a resolved value: a named quarter becomes the context.
    pub fn observe(&mut self, value: &str) {
        let b = value.as_bytes();
        if b.len() == 7 && &b[4..6] == b"-Q" && (b'1'..=b'4').contains(&b[6]) {
            if let Ok(y) = value[..4].parse() {
                self.quarter = Some((y, u32::from(b[6] - b'0')));
            }
        }
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
    }

    #[test]
    fn quarter_context() {
        let mut st = DocState::new("Net rose in the third quarter.");
        assert!(st.financial);
        let r = Date::new(1989, 11, 2);
        assert_eq!(st.current_quarter(r), Some((1989, 3)));
        st.observe("1989-Q2");
        assert_eq!(st.current_quarter(r), Some((1989, 2)));
        st.observe("1989-11");
        assert_eq!(st.quarter, Some((1989, 2)));
    }
}
