//! Trains the partnership pair scorer (`src/extract/partnerships/scorer.rs`)
//! on CORE-style JSONL and writes the shipped weights. Regenerate with:
//!
//!     cargo run --release --bin train-partnerships -- \
//!         --train ../shared/eval/partnerships/core_train.jsonl \
//!         --out data/partnerships/pair_weights.tsv
//!
//! (a few seconds; the weights are written only with `--out`). Judge a change
//! by the cross-validated figures: `--cv 5 --only-classes 0 --floor 0.5
//! [--dev ../shared/eval/partnerships/core_dev.jsonl]`, without `--out`. Each line holds a passage `text` and its labelled
//! `relations` (`a`, `b`, `type`, `a_mention`, `b_mention`, code point
//! `a_span`/`b_span`). Every candidate pair the extractor weighs is an
//! example: positive when it matches a `collaboration` relation, negative
//! when it matches a relation of another type (acquisition, client,
//! competitor, none, ...), and a lighter negative when the annotators left
//! it unlabelled. A feature gets a weight only when it occurs in
//! `--min-count` candidate pairs (10) and in `--min-passages` passages (2):
//! the pairs of one long list can reach the first count on their own, and
//! a weight fitted to one document is no rule. Only feature names (words,
//! trigger kinds) and their weights are written, never text.
//!
//! `--cv K` cross-validates over the passages and prints the CORE scorer's
//! two measures (labelled-pair F1, passage F1) for the extraction as a whole:
//! the rules' pairs plus the scorer's. The thresholds of the three classes
//! of pairs (trigger sentence and the finder's names; a guessed name; no
//! trigger) that do best there are written with the weights when `--out` is
//! given too (without `--cv`: 0.5 for the first class, the others off, as
//! shipped). `--only-classes`
//! restricts the classes the scorer may add and `--floor` bounds the
//! thresholds from below: both are needed because the pairs CORE rewards in
//! Wikipedia prose (guessed names, sentences without a trigger, thresholds
//! under 0.5) cost more than they bring on the news articles.

use newsmine::extract::{orgs, partnerships};
use newsmine::text::Document;
use serde_json::Value;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};

const SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "ltd",
    "limited",
    "llc",
    "plc",
    "co",
    "company",
    "companies",
    "group",
    "ag",
    "sa",
    "nv",
    "bv",
    "gmbh",
    "se",
    "spa",
    "holdings",
    "holding",
    "the",
    "lp",
    "llp",
    "pty",
    "kk",
    "oy",
    "ab",
    "as",
    "s",
];

/// Lower-cased name tokens without corporate suffixes, as CORE's scorer compares them.
fn tokens(name: &str) -> Vec<String> {
    let lower = name.to_lowercase().replace('&', " and ");
    let all: Vec<String> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    let core: Vec<String> = all
        .iter()
        .filter(|t| !SUFFIXES.contains(&t.as_str()))
        .cloned()
        .collect();
    if core.is_empty() {
        all
    } else {
        core
    }
}

fn subset(a: &[String], b: &[String]) -> bool {
    a.iter().all(|t| b.contains(t))
}

/// One side of a gold relation: names and byte span.
struct Side {
    forms: Vec<Vec<String>>,
    span: (usize, usize),
}

impl Side {
    fn matches(&self, name: &str, span: &std::ops::Range<usize>) -> bool {
        if span.start < self.span.1 && self.span.0 < span.end {
            return true;
        }
        let t = tokens(name);
        !t.is_empty()
            && self
                .forms
                .iter()
                .any(|f| !f.is_empty() && (subset(&t, f) || subset(f, &t)))
    }
}

struct Gold {
    a: Side,
    b: Side,
    collaboration: bool,
}

struct Example {
    features: Vec<u32>,
    label: f32,
    weight: f32,
    /// The annotated relation of its passage that the pair matches.
    hit: Option<usize>,
    /// The argument rules report the pair whatever the scorer says.
    rule: bool,
    /// Which threshold applies: the sentence has a trigger and both are
    /// the finder's names (0), a trigger and a guessed name (1), no trigger (2).
    class: usize,
}

/// A passage's candidate pairs, and whether each annotated relation is a collaboration.
struct Passage {
    examples: Vec<Example>,
    collaboration: Vec<bool>,
}

fn read(path: &str, index: &mut HashMap<String, u32>, grow: bool, unlabelled: f32) -> Vec<Passage> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for line in BufReader::new(file).lines() {
        let line = line.expect("readable input");
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(&line).expect("a JSON line");
        let text = v["text"].as_str().expect("a text field");
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect();
        let side = |r: &Value, k: &str| {
            let sp = &r[format!("{k}_span")];
            let at = |i: usize| bytes[sp[i].as_u64().unwrap_or(0) as usize];
            Side {
                forms: [r[k].as_str(), r[format!("{k}_mention")].as_str()]
                    .into_iter()
                    .flatten()
                    .map(tokens)
                    .collect(),
                span: (at(0), at(1)),
            }
        };
        let gold: Vec<Gold> = v["relations"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| Gold {
                a: side(r, "a"),
                b: side(r, "b"),
                collaboration: r["type"] == "collaboration",
            })
            .collect();
        let doc = Document::new(text);
        let found = orgs::find(&doc);
        let mut examples = Vec::new();
        for ex in partnerships::pair_examples(&doc, &found) {
            let hit = gold.iter().position(|g| {
                (g.a.matches(&ex.a, &ex.a_span) && g.b.matches(&ex.b, &ex.b_span))
                    || (g.a.matches(&ex.b, &ex.b_span) && g.b.matches(&ex.a, &ex.a_span))
            });
            let (label, weight) = match hit {
                Some(g) if gold[g].collaboration => (1.0, 1.0),
                Some(_) => (0.0, 1.0),
                None => (0.0, unlabelled),
            };
            let rule = ex.features.iter().any(|f| f == "rule");
            let has = |x: &str| ex.features.iter().any(|f| f == x);
            let class = if has("notrigger") {
                2
            } else if ex.eligible {
                0
            } else if has("pre:^")
                && has("g:01")
                && ex.features.iter().any(|f| f.starts_with("tb:"))
            {
                1
            } else {
                3
            };
            let mut features = Vec::new();
            for f in ex.features {
                let n = index.len() as u32;
                match index.get(&f) {
                    Some(&i) => features.push(i),
                    None if grow => {
                        index.insert(f, n);
                        features.push(n);
                    }
                    None => {}
                }
            }
            examples.push(Example {
                features,
                label,
                weight,
                hit,
                rule,
                class,
            });
        }
        out.push(Passage {
            examples,
            collaboration: gold.iter().map(|g| g.collaboration).collect(),
        });
    }
    out
}

/// Logistic regression weights: the mean of `o.runs` fits, each over the
/// examples in its own fixed shuffled order. One fit's weights depend on
/// the order enough to move a pair near the threshold across it; the mean
/// of a few does much less.
fn fit(passages: &[&Passage], n_features: usize, o: &Options) -> Vec<f32> {
    let examples: Vec<&Example> = passages.iter().flat_map(|p| &p.examples).collect();
    let count = counts(passages, n_features, o);
    let mut mean = vec![0f32; n_features];
    for run in 0..o.runs {
        let seed = 0x9e37_79b9_7f4a_7c15u64 ^ (run as u64).wrapping_mul(0x2545_f491_4f6c_dd1d);
        let w = fit_once(&examples, &count, n_features, o, seed);
        for (m, x) in mean.iter_mut().zip(w) {
            *m += x / o.runs as f32;
        }
    }
    mean
}

/// One logistic regression fit (AdaGrad with L2) in the order `seed` shuffles.
fn fit_once(
    examples: &[&Example],
    count: &[usize],
    n_features: usize,
    o: &Options,
    mut seed: u64,
) -> Vec<f32> {
    let mut w = vec![0f32; n_features];
    let mut g2 = vec![1e-6f32; n_features];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for _ in 0..o.epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &k in &order {
            let e = examples[k];
            let g = (score(&w, &e.features) - e.label) * e.weight;
            for &f in &e.features {
                let f = f as usize;
                if count[f] < o.min_count {
                    continue;
                }
                let grad = g + o.l2 * w[f];
                g2[f] += grad * grad;
                w[f] -= 0.1 * grad / g2[f].sqrt();
            }
        }
    }
    w
}

/// How many candidate pairs each feature occurs in, or 0 when it occurs
/// in fewer than `o.min_passages` passages: the features under
/// `o.min_count` get no weight.
fn counts(passages: &[&Passage], n_features: usize, o: &Options) -> Vec<usize> {
    let mut count = vec![0usize; n_features];
    let mut in_passages = vec![0usize; n_features];
    let mut last_passage = vec![usize::MAX; n_features];
    for (i, p) in passages.iter().enumerate() {
        for &f in p.examples.iter().flat_map(|e| &e.features) {
            let f = f as usize;
            count[f] += 1;
            if last_passage[f] != i {
                last_passage[f] = i;
                in_passages[f] += 1;
            }
        }
    }
    for (c, &p) in count.iter_mut().zip(&in_passages) {
        if p < o.min_passages {
            *c = 0;
        }
    }
    count
}

struct Options {
    epochs: usize,
    /// Fits averaged, each in its own example order.
    runs: usize,
    l2: f32,
    min_count: usize,
    /// The passages a feature must occur in to get a weight.
    min_passages: usize,
}

/// Counts of the CORE scorer's two measures for the extraction policy
/// "the rules' pairs, plus the eligible pairs scoring at least `t`".
#[derive(Default, Clone, Copy)]
struct Tally {
    /// Collaboration relations found, annotated, and other annotated relations claimed.
    tp: usize,
    gold: usize,
    fp: usize,
    /// Passages with a collaboration that got a pair, that have one, that got one.
    item_tp: usize,
    item_gold: usize,
    item_pred: usize,
}

impl Tally {
    fn add(&mut self, p: &Passage, scores: &[f32], t: &Thresholds) {
        let mut claimed = vec![false; p.collaboration.len()];
        let mut any = false;
        for (e, &sc) in p.examples.iter().zip(scores) {
            if e.rule || (e.class < 3 && sc >= t[e.class]) {
                any = true;
                if let Some(h) = e.hit {
                    claimed[h] = true;
                }
            }
        }
        let positive = p.collaboration.iter().any(|&c| c);
        for (c, hit) in p.collaboration.iter().zip(&claimed) {
            match (c, hit) {
                (true, true) => self.tp += 1,
                (false, true) => self.fp += 1,
                _ => {}
            }
        }
        self.gold += p.collaboration.iter().filter(|&&c| c).count();
        self.item_gold += usize::from(positive);
        self.item_pred += usize::from(any);
        self.item_tp += usize::from(any && positive);
    }

    /// The mean of the two F1 figures.
    fn objective(&self) -> f32 {
        let f1 = |tp: usize, pred: usize, gold: usize| {
            if tp == 0 {
                0.0
            } else {
                2.0 * tp as f32 / (pred + gold) as f32
            }
        };
        (f1(self.tp, self.tp + self.fp, self.gold)
            + f1(self.item_tp, self.item_pred, self.item_gold))
            / 2.0
    }

    fn report(&self, label: &str) {
        let f1 = |tp: usize, pred: usize, gold: usize| {
            if tp == 0 {
                0.0
            } else {
                2.0 * tp as f32 / (pred + gold) as f32
            }
        };
        eprintln!(
            "{label}: labelled {}/{} found, {} negatives claimed, f1 {:.3}; passages f1 {:.3} ({} of {} claimed right)",
            self.tp,
            self.gold,
            self.fp,
            f1(self.tp, self.tp + self.fp, self.gold),
            f1(self.item_tp, self.item_pred, self.item_gold),
            self.item_tp,
            self.item_pred,
        );
    }
}

/// Thresholds of the three classes of pairs.
type Thresholds = [f32; 3];

/// The threshold grid searched by cross-validation.
const GRID: [f32; 8] = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.1];

fn grid() -> impl Iterator<Item = Thresholds> {
    GRID.into_iter().flat_map(|a| {
        GRID.into_iter()
            .flat_map(move |b| GRID.into_iter().map(move |c| [a, b, c]))
    })
}

fn scores(p: &Passage, w: &[f32]) -> Vec<f32> {
    p.examples.iter().map(|e| score(w, &e.features)).collect()
}

fn score(w: &[f32], features: &[u32]) -> f32 {
    let z: f32 = features.iter().map(|&i| w[i as usize]).sum();
    1.0 / (1.0 + (-z).exp())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let train = arg("--train").expect("--train FILE");
    let out = arg("--out");
    let o = Options {
        epochs: arg("--epochs").map_or(15, |e| e.parse().expect("--epochs N")),
        runs: arg("--runs").map_or(5, |e| e.parse().expect("--runs N")),
        l2: arg("--l2").map_or(3e-2, |e| e.parse().expect("--l2 X")),
        min_count: arg("--min-count").map_or(10, |e| e.parse().expect("--min-count N")),
        min_passages: arg("--min-passages").map_or(2, |e| e.parse().expect("--min-passages N")),
    };
    let unlabelled: f32 = arg("--unlabelled").map_or(0.02, |e| e.parse().expect("--unlabelled X"));
    let folds: usize = arg("--cv").map_or(0, |e| e.parse().expect("--cv K"));

    let mut index = HashMap::new();
    let passages = read(&train, &mut index, true, unlabelled);
    let examples: Vec<&Example> = passages.iter().flat_map(|p| &p.examples).collect();
    let positives = examples.iter().filter(|e| e.label > 0.5).count();
    eprintln!(
        "{} examples ({positives} positive), {} features",
        examples.len(),
        index.len()
    );

    let covered: usize = passages
        .iter()
        .map(|p| {
            (0..p.collaboration.len())
                .filter(|&g| p.collaboration[g] && p.examples.iter().any(|e| e.hit == Some(g)))
                .count()
        })
        .sum();
    let gold: usize = passages
        .iter()
        .map(|p| p.collaboration.iter().filter(|&&c| c).count())
        .sum();
    eprintln!("{covered} of {gold} collaborations have a candidate pair");

    // K-fold cross-validation over passages: the figures to judge a change by.
    let mut chosen: Thresholds = [0.5, f32::INFINITY, f32::INFINITY];
    if folds > 1 {
        let mut scored: Vec<(&Passage, Vec<f32>)> = Vec::new();
        for k in 0..folds {
            let fold_train: Vec<&Passage> = passages
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != k)
                .map(|(_, p)| p)
                .collect();
            let w = fit(&fold_train, index.len(), &o);
            for (i, p) in passages.iter().enumerate() {
                if i % folds == k {
                    scored.push((p, scores(p, &w)));
                }
            }
        }
        let mut best: Vec<(f32, Thresholds, Tally)> = grid()
            .map(|t| {
                let mut tally = Tally::default();
                scored.iter().for_each(|(p, sc)| tally.add(p, sc, &t));
                (tally.objective(), t, tally)
            })
            .collect();
        // Classes the extraction may not add (`--only-classes 0,1`) keep no threshold.
        if let Some(only) = arg("--only-classes") {
            let allowed: Vec<usize> = only.split(',').map(|c| c.parse().expect("class")).collect();
            best.retain(|(_, t, _)| (0..3).all(|c| allowed.contains(&c) || t[c] > 1.0));
        }
        // The lowest figure a threshold may take (`--floor`): the news
        // articles users feed cannot afford the pairs a lower one adds.
        let floor: f32 = arg("--floor").map_or(0.0, |e| e.parse().expect("--floor X"));
        best.retain(|(_, t, _)| t.iter().all(|&x| x >= floor));
        best.sort_by(|x, y| y.0.total_cmp(&x.0));
        chosen = best[0].1;
        for (_, t, tally) in best.iter().take(8) {
            tally.report(&format!("cv t={t:?}"));
        }
    }

    let all: Vec<&Passage> = passages.iter().collect();
    let w = fit(&all, index.len(), &o);

    if let Some(dev) = arg("--dev") {
        let dev = read(&dev, &mut index, false, unlabelled);
        let dev: Vec<(&Passage, Vec<f32>)> = dev.iter().map(|p| (p, scores(p, &w))).collect();
        let mut tally = Tally::default();
        dev.iter().for_each(|(p, sc)| tally.add(p, sc, &chosen));
        tally.report(&format!("dev t={chosen:?}"));
    }

    let Some(out) = out else {
        eprintln!("weights not written: no --out");
        return;
    };
    let count = counts(&all, index.len(), &o);
    let mut names: Vec<(&String, &u32)> = index.iter().collect();
    names.sort();
    let mut f = std::io::BufWriter::new(std::fs::File::create(&out).expect("writable --out"));
    writeln!(
        f,
        "# feature\tweight: partnership pair scorer, from src/bin/train-partnerships.rs"
    )
    .expect("write");
    for (class, t) in ["trigger", "guessed", "notrigger"].iter().zip(chosen) {
        if t <= 1.0 {
            writeln!(f, "threshold:{class}\t{t:.2}").expect("write");
        }
    }
    for (name, &i) in names {
        let wi = w[i as usize];
        if wi.abs() >= 0.01 && count[i as usize] >= o.min_count {
            writeln!(f, "{name}\t{wi:.4}").expect("write");
        }
    }
}
