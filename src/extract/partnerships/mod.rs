//! Partnerships between organizations: a trigger (partnership, joint
//! venture, licensing deal, ...) in a sentence with two or more
//! organizations, or with one organization and a reference back ("these
//! partnerships", "the companies") to those of the previous sentence. The
//! trigger gives the type, tense and cue verbs the status, the sentence's
//! time expression the date. One record per organization pair per article.

mod status;
mod triggers;

pub use status::Status;
pub use triggers::Kind;

use crate::extract::dates::{Timex, TimexType};
use crate::extract::orgs::Org;
use crate::text::Document;
use std::ops::Range;

/// A partnership reported in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    pub a: String,
    pub b: String,
    pub kind: Kind,
    pub status: Status,
    pub date: Option<String>,
    pub confidence: f32,
    /// Byte range of the evidence sentence.
    pub evidence: Range<usize>,
}

/// The partnerships reported in a document.
pub fn find(doc: &Document, orgs: &[Org], timexes: &[Timex]) -> Vec<Relation> {
    let text = doc.text;
    let mut out: Vec<Relation> = Vec::new();
    let mut prev_orgs: Vec<&str> = Vec::new();
    let mut last_kind: Option<Kind> = None;
    for sent in &doc.sentences {
        let s = &text[sent.clone()];
        let names = distinct_names(orgs, sent);
        let Some(trigger) = triggers::find(s) else {
            prev_orgs = names;
            continue;
        };
        if triggers::is_excluded(s) {
            prev_orgs = names;
            continue;
        }
        let kind = if trigger.kind == Kind::Partnership && trigger.anaphoric {
            last_kind.unwrap_or(Kind::Partnership)
        } else {
            trigger.kind
        };
        let status = status::classify(s);
        let date = sentence_date(timexes, sent);
        let (pairs, confidence) = if names.len() >= 2 {
            (pairs_in_sentence(&names), 0.8)
        } else if names.len() == 1 && trigger.anaphoric && !prev_orgs.is_empty() {
            let a = names[0];
            (
                prev_orgs
                    .iter()
                    .filter(|&&b| b != a)
                    .map(|&b| (a, b))
                    .collect(),
                0.5,
            )
        } else {
            (Vec::new(), 0.0)
        };
        for (a, b) in pairs {
            merge(
                &mut out,
                Relation {
                    a: a.to_string(),
                    b: b.to_string(),
                    kind,
                    status,
                    date: date.clone(),
                    confidence,
                    evidence: sent.clone(),
                },
            );
            last_kind = Some(kind);
        }
        if !names.is_empty() {
            prev_orgs = names;
        }
    }
    out
}

/// Canonical names of the organizations inside `sent`, first mention order.
fn distinct_names<'o>(orgs: &'o [Org], sent: &Range<usize>) -> Vec<&'o str> {
    let mut names: Vec<&str> = Vec::new();
    for o in orgs
        .iter()
        .filter(|o| o.start >= sent.start && o.end <= sent.end)
    {
        if !names.contains(&o.name.as_str()) {
            names.push(&o.name);
        }
    }
    names
}

/// The first organization of the sentence with each of the others.
fn pairs_in_sentence<'a>(names: &[&'a str]) -> Vec<(&'a str, &'a str)> {
    names[1..].iter().map(|&b| (names[0], b)).collect()
}

fn sentence_date(timexes: &[Timex], sent: &Range<usize>) -> Option<String> {
    timexes
        .iter()
        .filter(|t| t.start >= sent.start && t.end <= sent.end && t.kind == TimexType::Date)
        .find_map(|t| {
            t.value
                .clone()
                .filter(|v| v.starts_with(|c: char| c.is_ascii_digit()))
        })
}

/// Adds a relation, or refines the one already recorded for the same pair:
/// a specific type beats the generic one, a specific status beats "ongoing".
fn merge(out: &mut Vec<Relation>, r: Relation) {
    let same = |x: &Relation| (x.a == r.a && x.b == r.b) || (x.a == r.b && x.b == r.a);
    match out.iter_mut().find(|x| same(x)) {
        Some(x) => {
            if x.kind == Kind::Partnership && r.kind != Kind::Partnership {
                x.kind = r.kind;
            }
            if x.status == Status::Ongoing && r.status != Status::Ongoing {
                x.status = r.status;
                x.evidence = r.evidence;
                x.date = r.date.or(x.date.take());
            }
        }
        None => out.push(r),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{dates, orgs};

    fn rels(text: &str) -> Vec<(String, String, &'static str, &'static str)> {
        let doc = Document::new(text);
        let o = orgs::find(&doc);
        let t = dates::find(&doc, dates::Date::parse_iso_prefix("2024-03-15"));
        find(&doc, &o, &t)
            .into_iter()
            .map(|r| (r.a, r.b, r.kind.as_str(), r.status.as_str()))
            .collect()
    }

    fn r(
        a: &str,
        b: &str,
        k: &'static str,
        s: &'static str,
    ) -> (String, String, &'static str, &'static str) {
        (a.to_string(), b.to_string(), k, s)
    }

    #[test]
    fn planned_joint_venture() {
        assert_eq!(
            rels("Acme Corp. and Globex Inc. said on Tuesday they will form a joint venture."),
            [r("Acme", "Globex", "joint_venture", "planned")]
        );
    }

    #[test]
    fn anaphoric_reference_pairs_with_previous_sentence() {
        assert_eq!(
            rels("Facebook has data-sharing partnerships with Huawei. The other companies are Lenovo and TCL. Facebook said it is to end these partnerships."),
            [
                r("Facebook", "Huawei", "data_sharing", "ongoing"),
                r("Facebook", "Lenovo", "data_sharing", "ending"),
                r("Facebook", "TCL", "data_sharing", "ending"),
            ]
        );
    }

    #[test]
    fn acquisitions_are_not_partnerships() {
        assert!(
            rels("Microsoft agreed to acquire Activision Corp. in a deal worth $69 billion.")
                .is_empty()
        );
    }
}
