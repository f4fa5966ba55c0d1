//! Learned candidate-pair scorer: a logistic regression over features of two
//! organization mentions of one sentence (words between them, triggers and
//! where they stand, whether the rules paired them, list membership,
//! guessed names, acquisition cues). It adds the pairs the hand-written
//! argument rules miss. Weights come from CORE's train split
//! (`src/bin/train-partnerships.rs`) and ship in `data/partnerships/pair_weights.tsv`.

use super::arguments::{Group, Mention};
use super::references::Context;
use super::triggers::Trigger;
use crate::text::hash::FastMap;
use std::sync::LazyLock;

/// The probability a trigger sentence's pair needs when the weights file
/// gives no threshold; other pairs are then never added.
const DEFAULT_THRESHOLD: f32 = 0.5;

/// At most this many words between the two names are read one by one.
const MAX_BETWEEN: usize = 12;

/// Feature weights, looked up a dozen times per pair: hashed eight bytes
/// at a time, much cheaper than SipHash on these short keys.
type Weights = FastMap<&'static str, f32>;

static WEIGHTS: LazyLock<Weights> =
    LazyLock::new(|| parse(include_str!("../../../data/partnerships/pair_weights.tsv")));

/// Reads `feature<TAB>weight` lines (`#` starts a comment).
fn parse(text: &'static str) -> Weights {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (f, w) = l.split_once('\t')?;
            Some((f, w.trim().parse().ok()?))
        })
        .collect()
}

/// The probability a pair not given by the rules needs to be reported,
/// chosen by cross-validation on CORE train with the weights: one figure for
/// trigger sentences between the finder's names, one when a name is only
/// guessed, one for sentences without a trigger.
pub fn threshold(ctx: &PairContext, a: &Mention, b: &Mention) -> f32 {
    if ctx.triggers.is_empty() {
        class_threshold("threshold:notrigger")
    } else if a.guessed || b.guessed {
        class_threshold("threshold:guessed")
    } else {
        class_threshold("threshold:trigger")
    }
}

/// Whether a pair of a sentence without a trigger can ever be reported: when
/// not, such sentences need no candidate pairs at all.
pub fn scores_without_trigger() -> bool {
    class_threshold("threshold:notrigger").is_finite()
}

fn class_threshold(class: &str) -> f32 {
    let default = if class == "threshold:trigger" {
        DEFAULT_THRESHOLD
    } else {
        f32::INFINITY
    };
    WEIGHTS.get(class).copied().unwrap_or(default)
}

/// What the sentence tells about a candidate pair beyond the two mentions.
pub struct PairContext<'a, 'o> {
    pub sentence: &'a str,
    pub triggers: &'a [Trigger],
    pub groups: &'a [Group<'o>],
    /// The sentence reads as an acquisition, lawsuit or rivalry.
    pub excluded: bool,
    /// Distinct names in the sentence.
    pub names: usize,
}

/// Probability that mentions `a` (the earlier) and `b` are partners.
pub fn probability(ctx: &PairContext, a: &Mention, b: &Mention, by_rule: bool) -> f32 {
    let w = &*WEIGHTS;
    let mut z = 0.0f32;
    features(ctx, a, b, by_rule, &mut |f| {
        z += w.get(f).copied().unwrap_or(0.0)
    });
    1.0 / (1.0 + (-z).exp())
}

/// Calls `emit` with each feature of the pair (`a` before `b`), reusing one buffer.
pub fn features(
    ctx: &PairContext,
    a: &Mention,
    b: &Mention,
    by_rule: bool,
    emit: &mut dyn FnMut(&str),
) {
    let s = ctx.sentence;
    let mut buf = String::with_capacity(48);
    let mut put = |prefix: &[&str], word: &str, emit: &mut dyn FnMut(&str)| {
        buf.clear();
        prefix.iter().for_each(|p| buf.push_str(p));
        if word.is_ascii() {
            let from = buf.len();
            buf.push_str(word);
            buf[from..].make_ascii_lowercase();
        } else {
            buf.extend(word.chars().flat_map(char::to_lowercase));
        }
        emit(&buf);
    };
    emit("bias");
    if by_rule {
        emit("rule");
    }
    let between = &s[a.end.min(b.start)..b.start];
    let inner: Vec<&str> = words(between).collect();
    let n = inner.len();
    for (i, w) in inner.iter().enumerate() {
        if n <= MAX_BETWEEN || i < MAX_BETWEEN / 2 || i >= n - MAX_BETWEEN / 2 {
            put(&["w:"], w, emit);
        }
    }
    if let Some(w) = inner.first() {
        put(&["w1:"], w, emit);
    }
    if let Some(w) = inner.last() {
        put(&["wl:"], w, emit);
    }
    emit(match n {
        0 => "d:0",
        1 => "d:1",
        2 => "d:2",
        3..=5 => "d:3-5",
        6..=10 => "d:6-10",
        _ => "d:11+",
    });
    if between.contains(',') {
        emit("comma");
    }
    if between.contains('(') {
        emit("paren");
    }
    if between.contains(';') || between.contains(':') {
        emit("semicolon");
    }
    if let Some(w) = words(&s[..a.start]).next_back() {
        put(&["pre:"], w, emit);
    } else {
        emit("pre:^");
    }
    if let Some(w) = words(&s[b.end..]).next() {
        put(&["post:"], w, emit);
    }
    for t in ctx.triggers {
        let kind = t.kind.as_str();
        let word = &s[t.start..t.end];
        let place = if t.end <= a.start {
            "tl"
        } else if t.start >= b.end {
            "tr"
        } else {
            "tb"
        };
        put(&[place, ":", kind, ":"], "", emit);
        put(&[place, ":w:"], word, emit);
    }
    if ctx.triggers.is_empty() {
        emit("notrigger");
    }
    if ctx
        .groups
        .iter()
        .any(|g| g.start <= a.start && b.end <= g.end)
    {
        emit("coord");
    }
    if Context::is_reference(&s[a.start..a.end]) {
        emit("ref");
    }
    emit(match (a.guessed, b.guessed) {
        (false, false) => "g:00",
        (true, true) => "g:11",
        _ => "g:01",
    });
    if ctx.excluded {
        emit("excl");
    }
    emit(match ctx.names {
        0..=2 => "nm:2",
        3 => "nm:3",
        4 | 5 => "nm:4-5",
        _ => "nm:6+",
    });
}

/// The words of a text span (letters, digits and inner hyphens).
fn words(span: &str) -> impl DoubleEndedIterator<Item = &str> {
    span.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(['-', '\'']))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::super::triggers::find_all;
    use super::*;

    fn feats(s: &str, a: &'static str, b: &'static str) -> Vec<String> {
        let t = find_all(s, &[]);
        let ctx = PairContext {
            sentence: s,
            triggers: &t,
            groups: &[],
            excluded: false,
            names: 2,
        };
        let mut out = Vec::new();
        features(
            &ctx,
            &Mention::of(s, a),
            &Mention::of(s, b),
            false,
            &mut |f| out.push(f.to_string()),
        );
        out
    }

    #[test]
    fn features_read_the_words_and_triggers_between_the_names() {
        let f = feats("Acme partnered with Globex in 2010.", "Acme", "Globex");
        for want in [
            "bias",
            "w:partnered",
            "wl:with",
            "d:2",
            "tb:partnership:",
            "tb:w:partnered",
            "post:in",
            "pre:^",
        ] {
            assert!(f.iter().any(|x| x == want), "{want} missing from {f:?}");
        }
    }

    #[test]
    fn a_partnership_sentence_scores_above_a_list_of_names() {
        let s = "Acme partnered with Globex in 2010.";
        let t = find_all(s, &[]);
        let ctx = PairContext {
            sentence: s,
            triggers: &t,
            groups: &[],
            excluded: false,
            names: 2,
        };
        let p = probability(
            &ctx,
            &Mention::of(s, "Acme"),
            &Mention::of(s, "Globex"),
            true,
        );
        let s2 = "Acme sells in Globex stores near Initech offices.";
        let ctx2 = PairContext {
            sentence: s2,
            triggers: &[],
            groups: &[],
            excluded: false,
            names: 3,
        };
        let (a2, b2) = (Mention::of(s2, "Acme"), Mention::of(s2, "Initech"));
        let q = probability(&ctx2, &a2, &b2, false);
        let (a, b) = (Mention::of(s, "Acme"), Mention::of(s, "Globex"));
        assert!(
            p > threshold(&ctx, &a, &b) && q < threshold(&ctx2, &a2, &b2),
            "{p} {q}"
        );
    }
}
