//! Partnerships between organizations. Each sentence's triggers
//! (partnership, joint venture, supply deal, ...) are tied to the
//! organizations they relate ([`arguments`]); a pronoun subject ("It agreed a
//! deal with TiVo") or a reference back ("these partnerships", "the two
//! firms") is resolved from the preceding sentences ([`references`]). The
//! trigger gives the type, tense and cue verbs the status, the sentence's
//! time expression the date. One record per organization pair per article.

mod arguments;
mod lexicon;
mod names;
mod parties;
mod previous;
mod references;
mod scorer;
mod sequence;
mod status;
mod tail;
mod takeovers;
mod triggers;

pub use status::Status;
pub use triggers::Kind;

use crate::extract::dates::{Timex, TimexType};
use crate::extract::orgs::Org;
use crate::text::Document;
use arguments::{Mention, Sides};
use previous::Previous;
use references::Context;
pub use references::{is_untold_topic, Site};
use regex_automata::meta;
use scorer::PairContext;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;
use takeovers::Takeovers;

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
pub fn find(doc: &Document, orgs: &[Org], timexes: &[Timex], site: &Site) -> Vec<Relation> {
    run(doc, orgs, timexes, site, None)
}

/// The sentence tells the reader what to do ("Build apps with React and
/// Node.js", "Check out our sponsor, Woodcraft"): an opening verb in its
/// base form, not an organization's name, before a lower-case word that
/// does not follow a subject (no verb of its own) nor ends in "-ing" (a
/// heading glued to the sentence: "Benefit sharing On July 6, ..."). It
/// reports no relation.
fn gives_an_instruction(sentence: &str, mentions: &[Mention]) -> bool {
    let rest = sentence.trim_start_matches(['"', '“', '‘', '\'', '(']);
    let mut words = rest.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let opens = sentence.len() - rest.len();
    first.starts_with(|c: char| c.is_ascii_uppercase())
        && first[1..].bytes().all(|b| b.is_ascii_lowercase())
        && lexicon::is_base_verb(first)
        && !mentions.iter().any(|m| m.start == opens)
        && second.bytes().all(|b| b.is_ascii_lowercase())
        && !second.ends_with("ing")
        && !references::follows_a_subject(second)
}

/// A candidate pair of one sentence with its scorer features, for training.
#[derive(Debug, Clone)]
pub struct PairExample {
    pub a: String,
    pub b: String,
    /// Byte ranges of the two mentions in the document.
    pub a_span: Range<usize>,
    pub b_span: Range<usize>,
    pub features: Vec<String>,
    /// Both are the finder's names and the sentence has a trigger: the
    /// pairs the scorer may add at extraction time.
    pub eligible: bool,
}

/// Every candidate pair the scorer would weigh in `doc`, with its features.
pub fn pair_examples(doc: &Document, orgs: &[Org]) -> Vec<PairExample> {
    let mut out = Vec::new();
    run(doc, orgs, &[], &Site::default(), Some(&mut out));
    out
}

/// (a, b, confidence, found through a reference back, status, co-sponsors,
/// the specific type of the trigger that related them)
type Found = (String, String, f32, bool, Status, bool, Option<Kind>);

/// Pairs of mentions further apart than this many mentions are not weighed.
const MAX_PAIR_SPAN: usize = 8;

fn run(
    doc: &Document,
    orgs: &[Org],
    timexes: &[Timex],
    site: &Site,
    mut examples: Option<&mut Vec<PairExample>>,
) -> Vec<Relation> {
    let text = doc.text;
    let mut out: Vec<Relation> = Vec::new();
    let mut ctx = Context::new(orgs.iter().map(|o| o.name.as_str()), site);
    // Needed only for a name guessed in a trigger sentence.
    let known = OnceCell::new();
    let mut previous = Previous::default();
    // Read the whole article for takeovers only once a pair needs checking.
    let takeovers = OnceCell::new();
    let takeovers = || {
        takeovers.get_or_init(|| {
            let mut t = Takeovers::default();
            for sent in &doc.sentences {
                t.observe(&text[sent.clone()], &sentence_mentions(orgs, sent, text));
            }
            t
        })
    };
    // The sentence ASCII-lower-cased, for the word searches that ignore case.
    let mut lowered = String::new();
    for sent in &doc.sentences {
        let s = &text[sent.clone()];
        lowered.clear();
        lowered.push_str(s);
        lowered.make_ascii_lowercase();
        let checks = parties::Sentence::new(s, &lowered);
        let mut mentions = sentence_mentions(orgs, sent, text);
        mentions.retain(|m| !checks.is_not_party(m.start, m.end, false));
        let mut spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
        let triggers = triggers::find_lowered(s, &lowered, &spans);
        if triggers.is_empty() && examples.is_none() && !scorer::scores_without_trigger()
            || gives_an_instruction(s, &mentions)
        {
            // No rule and no scored pair can come out of this sentence.
            previous.observe(&ctx, s, &mentions, sent.end);
            ctx.observe(s, &mentions);
            continue;
        }
        let excluded = !triggers.is_empty() && triggers::is_excluded(&lowered, &triggers);
        // Names the organization finder missed, taken alongside its own:
        // a partner it did not report would otherwise leave the trigger
        // without its nearest party.
        spans.extend(triggers.iter().map(|t| (t.start, t.end)));
        let mut all = mentions.clone();
        for (start, end) in names::candidates(s, &spans) {
            if checks.is_not_party(start, end, true)
                || written_in_lower_case_elsewhere(text, s, start, end)
            {
                continue;
            }
            all.push(Mention {
                start,
                end,
                name: short_form_after(s, end, &mentions)
                    .or_else(|| {
                        let known = known.get_or_init(|| known_names(orgs, text));
                        known.get(&s[start..end]).copied()
                    })
                    .unwrap_or(&s[start..end]),
                guessed: true,
            });
        }
        all.sort_by_key(|m| m.start);
        let groups = arguments::groups(s, &all);
        let mut pairs: Vec<Found> = Vec::new();
        if !triggers.is_empty() && !excluded {
            rule_pairs(
                s, &lowered, &triggers, &mentions, &all, &groups, &ctx, &out, &mut pairs,
            );
            if pairs.is_empty() && mentions.is_empty() {
                pairs.extend(previous.referenced_pair(&ctx, s, &triggers, sent.start, text));
            }
            // "The deal", "talks" between the parties of a takeover are the takeover.
            let generic = triggers
                .iter()
                .all(|t| takeovers::is_generic(&s[t.start..t.end]));
            pairs.retain(|q| !((generic || q.3) && takeovers().involves(&q.0, &q.1)));
        }
        let scored = PairContext {
            sentence: s,
            lowered: &lowered,
            triggers: &triggers,
            groups: &groups,
            excluded,
            names: distinct_names(&all),
        };
        let ruled = pairs.len();
        // The scorer also weighs an opening "It" or "The company" as the
        // organization named before.
        let mut weighed = all.clone();
        weighed.extend(ctx.opening_reference(s, &all));
        weighed.sort_by_key(|m| m.start);
        learned_pairs(
            &scored,
            &weighed,
            &mut pairs,
            examples.as_deref_mut(),
            sent.start,
        );
        let learned = pairs.split_off(ruled);
        if !learned.is_empty() {
            // An opening "The company announced that ..." is a teller too.
            let reporting = parties::reporting_names(&lowered, &weighed, &triggers);
            pairs.extend(learned.into_iter().filter(|q| {
                !takeovers().involves(&q.0, &q.1)
                    && !reporting.contains(&q.0.as_str())
                    && !reporting.contains(&q.1.as_str())
            }));
        }
        // A person named after a role noun ("writer Jane Roe") is no party.
        let persons: Vec<&str> = all
            .iter()
            .filter(|m| parties::is_person(s, m.start))
            .map(|m| m.name)
            .collect();
        if !persons.is_empty() {
            pairs.retain(|q| !persons.contains(&q.0.as_str()) && !persons.contains(&q.1.as_str()));
        }
        if !pairs.is_empty() {
            let kind = triggers::sentence_kind(s, &triggers);
            let date = sentence_date(timexes, sent);
            for (a, b, confidence, via_reference, status, co_sponsors, own) in pairs {
                let kind = match ctx.last_kind {
                    Some(k) if via_reference && kind == Kind::Partnership => k,
                    _ if co_sponsors => Kind::Partnership,
                    _ => own.unwrap_or(kind),
                };
                let merged = merge(
                    &mut out,
                    Relation {
                        a,
                        b,
                        kind,
                        status,
                        date: date.clone(),
                        confidence,
                        evidence: sent.clone(),
                    },
                );
                ctx.last_kind = Some(merged);
            }
        }
        previous.observe(&ctx, s, &mentions, sent.end);
        ctx.observe(s, &mentions);
    }
    merge_short_forms(out)
}

/// One relation per pair of organizations when the finder gave one of them
/// two names ("Matsushita" and "Matsushita Electric"): the later report is
/// merged into the earlier, which keeps the longer name.
fn merge_short_forms(relations: Vec<Relation>) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::with_capacity(relations.len());
    for r in relations {
        let same = |x: &Relation| {
            (same_org(&x.a, &r.a) && same_org(&x.b, &r.b))
                || (same_org(&x.a, &r.b) && same_org(&x.b, &r.a))
        };
        match out.iter_mut().find(|x| same(x)) {
            Some(x) => {
                let swapped = same_org(&x.a, &r.b) && !same_org(&x.a, &r.a);
                let (ra, rb) = if swapped { (r.b, r.a) } else { (r.a, r.b) };
                if ra.len() > x.a.len() {
                    x.a = ra;
                }
                if rb.len() > x.b.len() {
                    x.b = rb;
                }
            }
            None => out.push(r),
        }
    }
    out
}

/// Equal names, or one is the other's leading words ("Matsushita
/// Electric"), allowing a one-letter misspelling in a long word
/// ("Matsushitta Electric").
fn same_org(x: &str, y: &str) -> bool {
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    if short == long {
        return true;
    }
    if short.len() < 4 {
        return false;
    }
    let mut long_words = long.split(' ');
    short.split(' ').all(|w| {
        long_words
            .next()
            .is_some_and(|l| w == l || w.len() >= 6 && one_edit_apart(w, l))
    })
}

/// The two words differ by one inserted, deleted or replaced letter.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let head = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    let skip = usize::from(short.len() == long.len());
    short[head + skip..] == long[head + 1..]
}

/// A teller reporting on the pair just named ("The Financial Times
/// reported that the two companies had discussed a deal"): the only name
/// before the trigger is the source, not a party.
static REPORTS_ON_PAIR: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(
        r"(?i)(?-u:\b)(?:reported|reports|said|says|wrote|writes|told|revealed|claimed)(?-u:\b)[^.;:]*?(?-u:\b)that\s+(?:they|the two (?:\w+ )?(?:companies|firms|groups|sides|partners)|both (?:companies|firms|groups|sides))(?-u:\b)[^,;]*$",
    )
    .expect("reports on pair pattern")
});

/// An organization joining an existing arrangement ("could join soon the").
static JOINS: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(
        r"(?i)(?-u:\b)join(?:s|ed|ing)?\s+(?:\w+\s+)?(?:the|this|that)\s+(?:[\w-]+\s+)?$",
    )
    .expect("join pattern")
});

/// The pairs the hand-written argument rules give each trigger of a
/// sentence `s` (`lowered`: it ASCII-lower-cased).
#[allow(clippy::too_many_arguments)]
fn rule_pairs<'o>(
    s: &str,
    lowered: &str,
    triggers: &[triggers::Trigger],
    mentions: &[Mention<'o>],
    all: &[Mention<'o>],
    groups: &[arguments::Group<'o>],
    ctx: &Context<'o>,
    out: &[Relation],
    pairs: &mut Vec<Found>,
) {
    let guessed = |n: &str| all.iter().any(|m| m.guessed && m.name == n);
    // A guessed name can break a list or stand in for the real party: the
    // finder's names alone are the fallback, grouped only for a trigger
    // that needs them (most find their pairs among all the names).
    let found_groups = OnceCell::new();
    for t in triggers {
        let mut sides = arguments::sides(s, t, groups);
        if !matches!(sides, Sides::Pairs(_)) && all.len() > mentions.len() {
            let found_groups = found_groups.get_or_init(|| arguments::groups(s, mentions));
            let found = arguments::sides(s, t, found_groups);
            if matches!(found, Sides::Pairs(_)) {
                sides = found;
            }
        }
        let found: Vec<(String, String, f32, bool)> = match sides {
            Sides::Pairs(v) => v
                .into_iter()
                .map(|(a, b)| owned(a, b, 0.8, false))
                .collect(),
            Sides::RightOnly(names) => {
                let before = &s[..t.start];
                let anchor = ctx
                    .pronoun_subject(before)
                    .map(|a| (a, 0.6))
                    .or_else(|| ctx.described_subject(before).map(|a| (a, 0.5)))
                    .or_else(|| {
                        ctx.fronted_subject(s, t.start..t.end, all)
                            .map(|a| (a, 0.6))
                    })
                    .or_else(|| {
                        ctx.owner_of_listed_partners(before, &s[t.start..t.end])
                            .map(|a| (a, 0.5))
                    })
                    .or_else(|| {
                        // A guessed name after "partner" is as often a person's
                        // ("managing partner Jane Roe") or a brand's in an
                        // advertisement as a company's: the finder's names only.
                        let first_name = names.first().filter(|n| !guessed(n))?;
                        let first = s[t.end..].find(first_name)?;
                        ctx.owner_of_named_partners(&s[t.start..t.end], &s[t.end..t.end + first])
                            .map(|a| (a, 0.5))
                    });
                match anchor {
                    Some((anchor, confidence)) => names
                        .into_iter()
                        .filter(|&b| b != anchor)
                        .map(|b| owned(anchor, b, confidence, false))
                        .collect(),
                    None => Vec::new(),
                }
            }
            // "Petrobras could join the deal": the parties of the last relation.
            Sides::LeftOnly(a) if JOINS.is_match(&s[..t.start]) => out
                .last()
                .map(|r| {
                    [&r.a, &r.b]
                        .into_iter()
                        .filter(|&b| b != a)
                        .map(|b| owned(a, b, 0.5, true))
                        .collect()
                })
                .unwrap_or_default(),
            Sides::LeftOnly(_) if REPORTS_ON_PAIR.is_match(&s[..t.start]) => ctx
                .referenced_pair(s, t.reciprocal, out)
                .map(|(a, b)| vec![(a, b, 0.5, true)])
                .unwrap_or_default(),
            Sides::LeftOnly(a) => ctx
                .referenced_partners(s, t.start..t.end, a)
                .into_iter()
                .map(|b| owned(a, b, 0.5, true))
                .collect(),
            Sides::None => ctx
                .referenced_pair(s, t.reciprocal, out)
                .map(|(a, b)| vec![(a, b, 0.5, true)])
                .unwrap_or_default(),
        };
        if found.is_empty() {
            continue;
        }
        let status = status::classify(lowered, t.start..t.end);
        // Co-sponsors ("sponsored by X and Y") are partners of each other.
        let co_sponsors = t.kind == Kind::Marketing && s[t.end..].trim_start().starts_with("by ");
        // Of two specific triggers ("a 10% stake and a joint venture"), each
        // types the pairs it relates.
        let own = (t.kind != Kind::Partnership).then_some(t.kind);
        for (a, b, mut confidence, via_reference) in found {
            if guessed(&a) || guessed(&b) {
                confidence *= 0.7;
            }
            if !pairs.iter().any(|q| same_pair((&q.0, &q.1), (&a, &b))) {
                pairs.push((a, b, confidence, via_reference, status, co_sponsors, own));
            }
        }
    }
}

/// Adds the pairs of the finder's names in a trigger sentence that the
/// learned scorer accepts and the rules did not give; with `examples`, records every candidate
/// pair's features instead.
fn learned_pairs(
    ctx: &PairContext,
    all: &[Mention],
    pairs: &mut Vec<Found>,
    examples: Option<&mut Vec<PairExample>>,
    offset: usize,
) {
    if ctx.names < 2 {
        return;
    }
    let mut examples = examples;
    let by_rule = pairs.len();
    for (i, a) in all.iter().enumerate() {
        for b in all[i + 1..].iter().take(MAX_PAIR_SPAN) {
            if a.name == b.name || b.start < a.end {
                continue;
            }
            let ruled = pairs[..by_rule]
                .iter()
                .any(|q| same_pair((&q.0, &q.1), (a.name, b.name)));
            if let Some(ex) = examples.as_deref_mut() {
                let features = scorer::feature_names(ctx, a, b, ruled);
                ex.push(PairExample {
                    a: a.name.to_string(),
                    b: b.name.to_string(),
                    a_span: offset + a.start..offset + a.end,
                    b_span: offset + b.start..offset + b.end,
                    features,
                    eligible: !a.guessed && !b.guessed && !ctx.triggers.is_empty(),
                });
                continue;
            }
            if ruled
                || pairs
                    .iter()
                    .any(|q| same_pair((&q.0, &q.1), (a.name, b.name)))
                // "Acme paid to create Initech, and has a deal with Globex":
                // Initech is the first verb's object, not Globex's partner.
                || i > 0 && arguments::ends_first_predicate(ctx.sentence, a.end)
            {
                continue;
            }
            // An infinite threshold (no figure for the class) is never met.
            let threshold = scorer::threshold(ctx, a, b);
            if threshold.is_infinite() {
                continue;
            }
            let p = scorer::probability(ctx, a, b, false);
            if p >= threshold {
                let near = ctx
                    .triggers
                    .iter()
                    .min_by_key(|t| t.start.abs_diff(a.end) + t.end.abs_diff(b.start))
                    .map_or(a.start..b.end, |t| t.start..t.end);
                let status = status::classify(ctx.lowered, near);
                pairs.push((
                    a.name.to_string(),
                    b.name.to_string(),
                    0.7 * p,
                    false,
                    status,
                    false,
                    None,
                ));
            }
        }
    }
}

fn distinct_names(all: &[Mention]) -> usize {
    all.iter()
        .enumerate()
        .filter(|(i, m)| !all[..*i].iter().any(|x| x.name == m.name))
        .count()
}

/// The finder's name for a guessed one that it gives in parentheses right
/// after ("Sports Interactive (SI)"): one name per organization in the article.
fn short_form_after<'o>(sentence: &str, end: usize, mentions: &[Mention<'o>]) -> Option<&'o str> {
    let rest = &sentence[end..];
    let open = end + rest.len() - rest.trim_start().len();
    if !sentence[open..].starts_with('(') {
        return None;
    }
    // The short form fills the parenthesis: "Acme (Globex's show)" describes Acme.
    mentions
        .iter()
        .find(|m| {
            m.start > open
                && sentence[open + 1..m.start].trim().is_empty()
                && sentence[m.end..].trim_start().starts_with(')')
        })
        .map(|m| m.name)
}

/// A guessed one-word name opening sentence `s` ("Portable players are
/// ...") that the article also writes in lower case outside a web address
/// ("a portable"; not "globex.com"): a common word capitalized only for
/// the sentence's sake.
fn written_in_lower_case_elsewhere(text: &str, s: &str, start: usize, end: usize) -> bool {
    let word = &s[start..end];
    if word.contains(' ')
        || !s[..start]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty()
    {
        return false;
    }
    let lower = word.to_lowercase();
    lower != word
        && crate::text::prose_word_matches(text, &lower)
            .next()
            .is_some()
}

/// The canonical name of each surface form the organization finder reported
/// somewhere in the article: a name it missed at one place ("Rover" opening a
/// sentence) takes the name it got elsewhere ("MG Rover").
fn known_names<'o>(orgs: &'o [Org], text: &'o str) -> HashMap<&'o str, &'o str> {
    orgs.iter()
        .map(|o| (&text[o.start..o.end], o.name.as_str()))
        .collect()
}

fn owned(a: &str, b: &str, confidence: f32, via_reference: bool) -> (String, String, f32, bool) {
    (a.to_string(), b.to_string(), confidence, via_reference)
}

fn same_pair(x: (&str, &str), y: (&str, &str)) -> bool {
    x == y || (x.0 == y.1 && x.1 == y.0)
}

/// The organization mentions inside `sent`, relative to it, in text order.
/// A mention that runs over the sentence boundary ("TCL. Facebook") is cut
/// there, each piece named by its own text.
fn sentence_mentions<'o>(orgs: &'o [Org], sent: &Range<usize>, text: &'o str) -> Vec<Mention<'o>> {
    let from = orgs.partition_point(|o| o.end <= sent.start);
    let mut out = Vec::new();
    for o in orgs[from..].iter().take_while(|o| o.start < sent.end) {
        let (start, end) = (o.start.max(sent.start), o.end.min(sent.end));
        let name: &'o str = if (start, end) == (o.start, o.end) {
            &o.name
        } else {
            text[start..end].trim_matches(|c: char| !c.is_alphanumeric())
        };
        if !name.is_empty() {
            out.push(Mention {
                start: start - sent.start,
                end: end - sent.start,
                name,
                guessed: false,
            });
        }
    }
    out
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
/// a specific type beats the generic one, a specific status beats "ongoing"
/// and news of an end (or a denial) beats any earlier status.
/// Returns the type the pair ends up with.
fn merge(out: &mut Vec<Relation>, r: Relation) -> Kind {
    let same = |x: &Relation| (x.a == r.a && x.b == r.b) || (x.a == r.b && x.b == r.a);
    match out.iter_mut().find(|x| same(x)) {
        Some(x) => {
            if x.kind == Kind::Partnership && r.kind != Kind::Partnership {
                x.kind = r.kind;
            }
            if (x.status == Status::Ongoing && r.status != Status::Ongoing)
                || (r.status.is_terminal() && !x.status.is_terminal())
            {
                x.status = r.status;
                x.evidence = r.evidence;
                x.date = r.date.or(x.date.take());
            }
            x.kind
        }
        None => {
            let kind = r.kind;
            out.push(r);
            kind
        }
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
        find(&doc, &o, &t, &Site::default())
            .into_iter()
            .map(|r| (r.a, r.b, r.kind.as_str(), r.status.as_str()))
            .collect()
    }

    /// The pairs of `text`'s partnerships, without type or status.
    fn pairs(text: &str) -> Vec<(String, String)> {
        rels(text).into_iter().map(|r| (r.0, r.1)).collect()
    }

    fn p(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn an_instruction_to_the_reader_reports_no_relation() {
        for text in [
            "Build dynamic web applications with Zentrix and Globex Inc.",
            "Check out the projects of our partners, Zentrix Corp. and Globex Inc.",
        ] {
            assert!(pairs(text).is_empty(), "{text}");
        }
        assert_eq!(
            pairs("Build Corp. partnered with Globex Inc."),
            [p("Build", "Globex")]
        );
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
    fn a_sum_in_a_currency_s_letters_is_no_party() {
        assert_eq!(
            pairs(
                "Kestrel Motors spent RM85 million on a plant for the collaboration with Vantor."
            ),
            [p("Kestrel Motors", "Vantor")]
        );
    }

    #[test]
    fn the_source_of_a_report_is_no_party() {
        assert_eq!(
            rels("According to Reuters, Kestrel Motors partnered with Vantor Group."),
            [r("Kestrel Motors", "Vantor", "partnership", "announced")]
        );
    }

    #[test]
    fn a_paper_reporting_on_the_company_is_no_party() {
        assert_eq!(
            pairs(
                "Dwelling Labs makes oak furniture. In May 2021, the Quillfeather Weekly reported \
                 that the company was working with Ostrava Pumps and Brindle Motors."
            ),
            [
                p("Dwelling Labs", "Ostrava Pumps"),
                p("Dwelling Labs", "Brindle Motors")
            ]
        );
    }

    #[test]
    fn a_licensed_title_is_no_partner() {
        assert_eq!(
            pairs("In 2011 Vexlo Games acquired the licenses to Blue Harbour, a cartoon series."),
            []
        );
        assert_eq!(
            pairs("In 2011 Vexlo Games acquired the licenses to Blue Harbour and Red Orchard."),
            []
        );
    }

    #[test]
    fn signing_with_a_firm_is_a_partnership() {
        assert_eq!(
            pairs("In May 2019, Vexlo Media signed with Brindle Foods to run its advertising."),
            [p("Vexlo Media", "Brindle Foods")]
        );
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
    fn later_news_of_an_end_overrides_the_announcement() {
        assert_eq!(
            rels("Facebook confirmed its partnership with Huawei. The social media giant said it is to end the partnership with Huawei."),
            [r("Facebook", "Huawei", "partnership", "ending")]
        );
    }

    #[test]
    fn the_medium_of_a_report_is_no_party() {
        let found = rels(
            "The company announced on Facebook that Acme Corp. had partnered with Globex Inc.",
        );
        let pairs: Vec<(&str, &str)> = found.iter().map(|r| (r.0.as_str(), r.1.as_str())).collect();
        assert_eq!(pairs, [("Acme", "Globex")]);
    }

    #[test]
    fn a_work_made_with_another_party_relates_them() {
        assert_eq!(
            pairs("Zentrova Labs developed the routing software with Halvex Media."),
            [p("Zentrova Labs", "Halvex Media")]
        );
        assert_eq!(
            pairs("Brimstone Audio produced a travel series with Quellbrook Radio in 2018."),
            [p("Brimstone Audio", "Quellbrook Radio")]
        );
        assert_eq!(
            pairs("In 2019, Brimstone Audio launched two podcasts (in production with Quellbrook Radio)."),
            [p("Brimstone Audio", "Quellbrook Radio")]
        );
    }

    #[test]
    fn a_work_made_with_a_feature_or_for_a_purpose_has_no_partner() {
        assert!(pairs("Zentrova Labs designed its kiosk to connect with Halvex Pay.").is_empty());
        assert!(pairs(
            "Zentrova Labs developed two puzzle apps with cartoon mascots of Halvex Media."
        )
        .is_empty());
    }

    #[test]
    fn a_party_the_organization_finder_missed_is_guessed() {
        let found = rels("Flirtomatic has partnerships with Verizon and Vodafone.");
        let pairs: Vec<(&str, &str)> = found.iter().map(|r| (r.0.as_str(), r.1.as_str())).collect();
        assert_eq!(
            pairs,
            [("Flirtomatic", "Verizon"), ("Flirtomatic", "Vodafone")]
        );
    }

    #[test]
    fn an_opening_word_the_article_writes_in_lower_case_is_no_guessed_party() {
        let text = "Portable players are popular, and auto firms are working with Apple. \
                    The portable market grew.";
        assert!(rels(text).is_empty());
        let text = "Portable players are popular, and auto firms are working with Apple. \
                    See portable.example.com.";
        assert_eq!(rels(text).len(), 1);
    }

    #[test]
    fn a_guessed_name_takes_the_short_form_given_after_it() {
        let doc = Document::new("The makers Globex Games (GG) and publisher Acme signed.");
        let m = [Mention {
            start: 25,
            end: 27,
            name: "GG",
            guessed: false,
        }];
        assert_eq!(short_form_after(doc.text, 23, &m), Some("GG"));
        assert_eq!(short_form_after(doc.text, 17, &m), None);
        let doc = Document::new("Deals with Globex (Acme's Kitchen) and Initech.");
        let m = [Mention {
            start: 18,
            end: 22,
            name: "Acme",
            guessed: false,
        }];
        assert_eq!(short_form_after(doc.text, 16, &m), None);
    }

    #[test]
    fn co_sponsors_are_partners() {
        assert_eq!(
            rels("The relay race was sponsored by companies including Nokia, Microsoft and Vodafone."),
            [
                r("Nokia", "Microsoft", "partnership", "ongoing"),
                r("Nokia", "Vodafone", "partnership", "ongoing"),
                r("Microsoft", "Vodafone", "partnership", "ongoing"),
            ]
        );
    }

    #[test]
    fn two_names_of_one_organization_give_one_relation() {
        let rel = |a: &str, b: &str| Relation {
            a: a.to_string(),
            b: b.to_string(),
            kind: Kind::Partnership,
            status: Status::Ongoing,
            date: None,
            confidence: 0.8,
            evidence: 0..1,
        };
        let merged = merge_short_forms(vec![
            rel("Hitachi", "Matsushita"),
            rel("Hitachi", "Matsushitta"),
            rel("Matsushita Electric", "Hitachi"),
            rel("Hitachi", "Sony"),
        ]);
        let pairs: Vec<(&str, &str)> = merged
            .iter()
            .map(|r| (r.a.as_str(), r.b.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [("Hitachi", "Matsushita Electric"), ("Hitachi", "Sony")]
        );
        assert!(!same_org("Nokia", "Nokla Mobile") && !same_org("Sony", "Sonny"));
    }

    #[test]
    fn joining_a_deal_partners_with_its_parties() {
        assert_eq!(
            rels("Acme Corp. and Globex Inc. signed a co-operation deal. Initech Corp. could join the deal soon."),
            [
                r("Acme", "Globex", "partnership", "announced"),
                r("Initech", "Acme", "partnership", "planned"),
                r("Initech", "Globex", "partnership", "planned"),
            ]
        );
    }

    #[test]
    fn standing_relations_and_memberships_are_partnerships() {
        for text in [
            "Acme Corp. has long-standing relationships with Globex Inc.",
            "Acme Corp. produced the series in association with Globex Inc.",
            "Acme Corp. is an associate member of the Globex Council.",
            "Acme Corp. is affiliated with Globex Inc.",
        ] {
            let found = rels(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].0, "Acme", "{text}");
            assert!(found[0].1.starts_with("Globex"), "{text}");
        }
    }

    #[test]
    fn a_person_after_a_role_noun_is_no_party() {
        assert!(
            rels("The writer Jane Rowlands collaborated with Globex Inc. on a medallion.")
                .is_empty()
        );
        let found =
            rels("Acme Corp. partnered with Initech Ltd., writer Jane Rowlands and Globex Inc.");
        let pairs: Vec<(&str, &str)> = found.iter().map(|r| (r.0.as_str(), r.1.as_str())).collect();
        assert_eq!(pairs, [("Acme", "Initech"), ("Acme", "Globex")]);
        // A plural role noun and a list's comma: the names are the list's.
        let found = rels("Along with music artists, Acme Corp. has partnered with Globex Inc.");
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn owners_are_no_partners() {
        assert!(rels(
            "As part of the deal, Acme Corp. - owner of Globex Inc. - will assume its debt."
        )
        .is_empty());
    }

    #[test]
    fn the_deal_of_a_takeover_is_no_partnership() {
        assert!(rels("Acme Corp. is to buy rival Globex Inc. for $11bn. People close to the deal said the two companies held talks.").is_empty());
    }

    #[test]
    fn a_source_reporting_on_the_pair_is_no_party() {
        assert_eq!(
            pairs("Acme Corp. held talks with Globex Ltd last month. Reuters reported last week that the two companies had discussed a deal."),
            [p("Acme", "Globex")]
        );
    }

    #[test]
    fn a_bare_partner_noun_names_partners_of_the_text_s_subject() {
        // The company the sentence before was about (a name the finder
        // may have missed) is the partner's partner.
        assert_eq!(
            pairs("Veltrano runs training centres in nine cities. In 2020, corporate partner Globex Inc. funded a new course."),
            [p("Veltrano", "Globex")]
        );
        assert_eq!(
            pairs("Veltrano builds price comparison tools. Its data comes from partners such as Globex Inc. and Initech Ltd."),
            [p("Veltrano", "Globex"), p("Veltrano", "Initech")]
        );
        // A text's first sentence tells no such company; "the partners"
        // far from any name is no bare title.
        assert!(pairs("In 2020, corporate partner Globex Inc. funded a new course.").is_empty());
        // A name only guessed after "partner" is as likely a person's.
        assert!(pairs(
            "Veltrano runs training centres in nine cities. Managing partner Dario Lenz joined in 2020."
        )
        .is_empty());
        assert!(pairs(
            "Veltrano sold books. Later the partners opened a shop called Initech Books."
        )
        .is_empty());
    }

    #[test]
    fn a_reference_before_any_name_is_the_untold_topic() {
        assert_eq!(
            pairs("In 2012, the company partnered with Globex Inc. on a trial."),
            [p("the company", "Globex")]
        );
        assert_eq!(
            pairs("It signed a distribution deal with Globex Inc. in 2015."),
            [p("It", "Globex")]
        );
        assert_eq!(
            pairs("Its partners include Globex Inc. and Initech Ltd."),
            [p("Its", "Globex"), p("Its", "Initech")]
        );
        // "It was reported that" stands for nothing; "its deal" before the
        // subject may stand for that subject.
        assert_eq!(
            pairs("In May, it was reported that Acme Corp. had partnered with Globex Inc."),
            [p("Acme", "Globex")]
        );
        assert!(pairs("In addition to its deal with Globex Inc., the fund grew.").is_empty());
        // Once a reference has stood for the untold topic, later ones do too.
        assert_eq!(
            pairs("It signed a distribution deal with Globex Inc. in 2015. The company later partnered with Initech Ltd."),
            [p("It", "Globex"), p("The company", "Initech")]
        );
        // Once an organization is named, the reference stands for it.
        assert_eq!(
            pairs("Acme Corp. grew fast. In 2012, the company partnered with Globex Inc."),
            [p("Acme", "Globex")]
        );
    }

    #[test]
    fn a_fronted_trigger_relates_the_subject_after_it() {
        assert_eq!(
            pairs("Through a partnership with Globex Inc., Acme Corp. has promoted artists."),
            [p("Acme", "Globex")]
        );
        assert_eq!(
            pairs("Acme Corp. grew. In partnership with Globex Inc., the company acquired a mill."),
            [p("Acme", "Globex")]
        );
        // After an opening date.
        assert_eq!(
            pairs(
                "Acme Corp. grew. In May 2015, in partnership with Globex Inc., the company acquired a mill."
            ),
            [p("Acme", "Globex")]
        );
        // "Under" or "as part of" a deal, and a subject with an irregular verb.
        assert_eq!(
            pairs("In 2021, under a deal signed with Globex Inc., Acme Corp. took over the brand."),
            [p("Acme", "Globex")]
        );
        assert_eq!(
            pairs("As part of a deal with Globex Inc., Acme Corp. built a plant."),
            [p("Acme", "Globex")]
        );
        // A date opened by "from".
        assert_eq!(
            pairs("From May 2021, under a deal signed with Globex Inc., Acme Corp. became its distributor."),
            [p("Acme", "Globex")]
        );
        // A name inside a dated opening is no trigger heading a phrase.
        assert!(pairs("In May 2010, Alliance Globex merged into Initech Corp.").is_empty());
        // A list after the trigger is not the subject.
        assert!(pairs(
            "Among the partners of Acme Corp. are Globex Inc., the state bank of Ohio and others."
        )
        .iter()
        .all(|(a, _)| a != "the state bank"));
    }

    #[test]
    fn acquisitions_are_not_partnerships() {
        assert!(
            rels("Microsoft agreed to acquire Activision Corp. in a deal worth $69 billion.")
                .is_empty()
        );
    }
}
