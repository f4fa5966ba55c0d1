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

/// Where a word stands in a word feature, with the prefix of the
/// feature's name ("w:partnered"): between the names, first or last of
/// those, right before or after the pair, a trigger's words left of,
/// right of or between the names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Between,
    First,
    Last,
    Before,
    After,
    TriggerLeft,
    TriggerRight,
    TriggerBetween,
}

/// The name prefix of each [`Slot`], in its order. No prefix starts another.
const SLOT_PREFIXES: [&str; 8] = [
    "w:", "w1:", "wl:", "pre:", "post:", "tl:w:", "tr:w:", "tb:w:",
];

/// One feature of a candidate pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature<'a> {
    /// A feature named whole ("bias", "d:3-5", "tl:partnership:").
    Name(&'a str),
    /// A lower-cased word in its slot, named by the slot's prefix and the word.
    Word(Slot, &'a str),
}

impl Feature<'_> {
    /// The feature's name in the weights file.
    pub fn name(&self) -> String {
        match *self {
            Feature::Name(name) => name.to_string(),
            Feature::Word(slot, word) => [SLOT_PREFIXES[slot as usize], word].concat(),
        }
    }
}

/// Feature weights, looked up a dozen times per pair. A word feature is
/// looked up by its word in its slot's table, so no name is put together
/// for it; the tables hash eight bytes at a time, much cheaper than
/// SipHash on these short keys.
struct Weights {
    /// The features named whole.
    names: FastMap<&'static str, f32>,
    /// The word features of each [`Slot`], by word.
    words: [FastMap<&'static str, f32>; SLOT_PREFIXES.len()],
    /// The thresholds of [`threshold`].
    trigger: f32,
    guessed: f32,
    no_trigger: f32,
}

impl Weights {
    fn get(&self, feature: Feature) -> f32 {
        let found = match feature {
            Feature::Name(name) => self.names.get(name),
            Feature::Word(slot, word) => self.words[slot as usize].get(word),
        };
        found.copied().unwrap_or(0.0)
    }
}

static WEIGHTS: LazyLock<Weights> =
    LazyLock::new(|| parse(include_str!("../../../data/partnerships/pair_weights.tsv")));

/// Reads `feature<TAB>weight` lines (`#` starts a comment). A name that
/// opens with a slot's prefix is that slot's word ("pre:^" the word "^").
fn parse(text: &'static str) -> Weights {
    let mut names = FastMap::default();
    let mut words: [FastMap<&'static str, f32>; SLOT_PREFIXES.len()] = Default::default();
    let lines = text.lines().filter(|l| !l.starts_with('#'));
    for (name, weight) in lines.filter_map(|l| {
        let (f, w) = l.split_once('\t')?;
        Some((f, w.trim().parse::<f32>().ok()?))
    }) {
        let slot = SLOT_PREFIXES
            .iter()
            .enumerate()
            .find_map(|(i, p)| Some((i, name.strip_prefix(p)?)));
        match slot {
            Some((i, word)) => words[i].insert(word, weight),
            None => names.insert(name, weight),
        };
    }
    let class = |name: &str, default: f32| names.get(name).copied().unwrap_or(default);
    Weights {
        trigger: class("threshold:trigger", DEFAULT_THRESHOLD),
        guessed: class("threshold:guessed", f32::INFINITY),
        no_trigger: class("threshold:notrigger", f32::INFINITY),
        names,
        words,
    }
}

/// The probability a pair not given by the rules needs to be reported,
/// chosen by cross-validation on CORE train with the weights: one figure for
/// trigger sentences between the finder's names, one when a name is only
/// guessed, one for sentences without a trigger (the last two infinite,
/// never met, when the file gives none).
pub fn threshold(ctx: &PairContext, a: &Mention, b: &Mention) -> f32 {
    if ctx.triggers.is_empty() {
        WEIGHTS.no_trigger
    } else if a.guessed || b.guessed {
        WEIGHTS.guessed
    } else {
        WEIGHTS.trigger
    }
}

/// Whether a pair of a sentence without a trigger can ever be reported: when
/// not, such sentences need no candidate pairs at all.
pub fn scores_without_trigger() -> bool {
    WEIGHTS.no_trigger.is_finite()
}

/// What the sentence tells about a candidate pair beyond the two mentions.
pub struct PairContext<'a, 'o> {
    pub sentence: &'a str,
    /// `sentence` ASCII-lower-cased.
    pub lowered: &'a str,
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
    features(ctx, a, b, by_rule, &mut |f| z += w.get(f));
    1.0 / (1.0 + (-z).exp())
}

/// The names of the features of the pair (`a` before `b`), for training.
pub fn feature_names(ctx: &PairContext, a: &Mention, b: &Mention, by_rule: bool) -> Vec<String> {
    let mut out = Vec::new();
    features(ctx, a, b, by_rule, &mut |f| out.push(f.name()));
    out
}

/// Calls `emit` with each feature of the pair (`a` before `b`).
fn features(
    ctx: &PairContext,
    a: &Mention,
    b: &Mention,
    by_rule: bool,
    emit: &mut dyn FnMut(Feature),
) {
    let s = ctx.sentence;
    // An ASCII word lower-cased is its place in the lowered sentence; any
    // other is lower-cased letter by letter into `buf`.
    let mut buf = String::new();
    let mut put = |slot: Slot, word: &str, emit: &mut dyn FnMut(Feature)| {
        if word.is_ascii() {
            let at = word.as_ptr() as usize - s.as_ptr() as usize;
            emit(Feature::Word(slot, &ctx.lowered[at..at + word.len()]));
        } else {
            buf.clear();
            buf.extend(word.chars().flat_map(char::to_lowercase));
            emit(Feature::Word(slot, &buf));
        }
    };
    emit(Feature::Name("bias"));
    if by_rule {
        emit(Feature::Name("rule"));
    }
    let between = &s[a.end.min(b.start)..b.start];
    let inner: Vec<&str> = words(between).collect();
    let n = inner.len();
    for (i, w) in inner.iter().enumerate() {
        if n <= MAX_BETWEEN || i < MAX_BETWEEN / 2 || i >= n - MAX_BETWEEN / 2 {
            put(Slot::Between, w, emit);
        }
    }
    if let Some(w) = inner.first() {
        put(Slot::First, w, emit);
    }
    if let Some(w) = inner.last() {
        put(Slot::Last, w, emit);
    }
    emit(Feature::Name(match n {
        0 => "d:0",
        1 => "d:1",
        2 => "d:2",
        3..=5 => "d:3-5",
        6..=10 => "d:6-10",
        _ => "d:11+",
    }));
    if between.contains(',') {
        emit(Feature::Name("comma"));
    }
    if between.contains('(') {
        emit(Feature::Name("paren"));
    }
    if between.contains(';') || between.contains(':') {
        emit(Feature::Name("semicolon"));
    }
    match words(&s[..a.start]).next_back() {
        Some(w) => put(Slot::Before, w, emit),
        // The sentence's start ("pre:^").
        None => emit(Feature::Word(Slot::Before, "^")),
    }
    if let Some(w) = words(&s[b.end..]).next() {
        put(Slot::After, w, emit);
    }
    let mut kind_name = String::new();
    for t in ctx.triggers {
        let (place, slot) = if t.end <= a.start {
            ("tl:", Slot::TriggerLeft)
        } else if t.start >= b.end {
            ("tr:", Slot::TriggerRight)
        } else {
            ("tb:", Slot::TriggerBetween)
        };
        kind_name.clear();
        kind_name.extend([place, t.kind.as_str(), ":"]);
        emit(Feature::Name(&kind_name));
        put(slot, &s[t.start..t.end], emit);
    }
    if ctx.triggers.is_empty() {
        emit(Feature::Name("notrigger"));
    }
    if ctx
        .groups
        .iter()
        .any(|g| g.start <= a.start && b.end <= g.end)
    {
        emit(Feature::Name("coord"));
    }
    if Context::is_reference(&s[a.start..a.end]) {
        emit(Feature::Name("ref"));
    }
    emit(Feature::Name(match (a.guessed, b.guessed) {
        (false, false) => "g:00",
        (true, true) => "g:11",
        _ => "g:01",
    }));
    if ctx.excluded {
        emit(Feature::Name("excl"));
    }
    emit(Feature::Name(match ctx.names {
        0..=2 => "nm:2",
        3 => "nm:3",
        4 | 5 => "nm:4-5",
        _ => "nm:6+",
    }));
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
    use std::collections::HashMap;

    /// `f` of the context of sentence `s` with the triggers found in it
    /// (none when `triggers` is false) and no groups.
    fn in_context<R>(
        s: &str,
        triggers: bool,
        excluded: bool,
        names: usize,
        f: impl FnOnce(&PairContext) -> R,
    ) -> R {
        let t = if triggers {
            find_all(s, &[])
        } else {
            Vec::new()
        };
        let lowered = s.to_ascii_lowercase();
        f(&PairContext {
            sentence: s,
            lowered: &lowered,
            triggers: &t,
            groups: &[],
            excluded,
            names,
        })
    }

    fn feats(s: &str, a: &'static str, b: &'static str) -> Vec<String> {
        in_context(s, true, false, 2, |ctx| {
            feature_names(ctx, &Mention::of(s, a), &Mention::of(s, b), false)
        })
    }

    #[test]
    fn each_feature_weighs_what_its_name_weighs_in_the_file() {
        let file: HashMap<&str, f32> = include_str!("../../../data/partnerships/pair_weights.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (f, w) = l.split_once('\t')?;
                Some((f, w.trim().parse().ok()?))
            })
            .collect();
        let mut found = 0;
        for (s, a, b) in [
            ("Acme partnered with Globex in 2010.", "Acme", "Globex"),
            (
                "Acme, Globex and Initech formed a joint venture.",
                "Acme",
                "Initech",
            ),
            (
                "The deal gives Acme the rights; Globex supplies it.",
                "Acme",
                "Globex",
            ),
            (
                "ÉTÉ Acme signed an MoU with the Café Globex unit.",
                "Acme",
                "Globex",
            ),
        ] {
            let (a, b) = (Mention::of(s, a), Mention::of(s, b));
            in_context(s, true, true, 3, |ctx| {
                features(ctx, &a, &b, true, &mut |f| {
                    let name = f.name();
                    let expected = file.get(name.as_str()).copied().unwrap_or(0.0);
                    assert_eq!(WEIGHTS.get(f).to_bits(), expected.to_bits(), "{name}");
                    found += usize::from(file.contains_key(name.as_str()));
                })
            });
        }
        assert!(found > 20, "{found} features of the file");
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
        let (a, b) = (Mention::of(s, "Acme"), Mention::of(s, "Globex"));
        let (p, above) = in_context(s, true, false, 2, |ctx| {
            let p = probability(ctx, &a, &b, true);
            (p, p > threshold(ctx, &a, &b))
        });
        let s = "Acme sells in Globex stores near Initech offices.";
        let (a, b) = (Mention::of(s, "Acme"), Mention::of(s, "Initech"));
        let (q, below) = in_context(s, false, false, 3, |ctx| {
            let q = probability(ctx, &a, &b, false);
            (q, q < threshold(ctx, &a, &b))
        });
        assert!(above && below, "{p} {q}");
    }
}
