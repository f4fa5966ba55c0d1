//! Trains the partnership pair scorer (`src/extract/partnerships/scorer.rs`)
//! on CORE-style JSONL and writes the shipped weights. Regenerate with:
//!
//!     cargo run --release --bin train-partnerships -- \
//!         --train ../shared/eval/partnerships/core_train.jsonl \
//!         [--dev ../shared/eval/partnerships/core_dev.jsonl] \
//!         --out data/partnerships/pair_weights.tsv
//!
//! (a few seconds). Each line holds a passage `text` and its labelled
//! `relations` (`a`, `b`, `type`, `a_mention`, `b_mention`, code point
//! `a_span`/`b_span`). Every candidate pair the extractor weighs is an
//! example: positive when it matches a `collaboration` relation, negative
//! when it matches a relation of another type (acquisition, client,
//! competitor, none, ...), and a lighter negative when the annotators left
//! it unlabelled. Only feature names (words, trigger kinds) and their
//! weights are written, never text.

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
}

fn read(
    path: &str,
    index: &mut HashMap<String, u32>,
    grow: bool,
    unlabelled: f32,
    eligible_only: bool,
) -> Vec<Example> {
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
        for ex in partnerships::pair_examples(&doc, &found) {
            if eligible_only && !ex.eligible {
                continue;
            }
            let hit = gold.iter().find(|g| {
                (g.a.matches(&ex.a, &ex.a_span) && g.b.matches(&ex.b, &ex.b_span))
                    || (g.a.matches(&ex.b, &ex.b_span) && g.b.matches(&ex.a, &ex.a_span))
            });
            let (label, weight) = match hit {
                Some(g) if g.collaboration => (1.0, 1.0),
                Some(_) => (0.0, 1.0),
                None => (0.0, unlabelled),
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
            out.push(Example {
                features,
                label,
                weight,
            });
        }
    }
    out
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
    let out = arg("--out").unwrap_or_else(|| "data/partnerships/pair_weights.tsv".into());
    let epochs: usize = arg("--epochs").map_or(15, |e| e.parse().expect("--epochs N"));
    let l2: f32 = arg("--l2").map_or(3e-2, |e| e.parse().expect("--l2 X"));
    let unlabelled: f32 = arg("--unlabelled").map_or(0.02, |e| e.parse().expect("--unlabelled X"));
    let min_count: usize = arg("--min-count").map_or(10, |e| e.parse().expect("--min-count N"));

    let mut index = HashMap::new();
    // Only the pairs extraction may add, or every candidate pair.
    let eligible_only = args.iter().any(|a| a == "--eligible-only");
    let examples = read(&train, &mut index, true, unlabelled, eligible_only);
    let mut count = vec![0usize; index.len()];
    for e in &examples {
        for &f in &e.features {
            count[f as usize] += 1;
        }
    }
    let positives = examples.iter().filter(|e| e.label > 0.5).count();
    eprintln!(
        "{} examples ({positives} positive), {} features",
        examples.len(),
        index.len()
    );

    // AdaGrad logistic regression with L2, examples in a fixed shuffled order.
    let mut w = vec![0f32; index.len()];
    let mut g2 = vec![1e-6f32; index.len()];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &k in &order {
            let e = &examples[k];
            let g = (score(&w, &e.features) - e.label) * e.weight;
            for &f in &e.features {
                let f = f as usize;
                if count[f] < min_count {
                    continue;
                }
                let grad = g + l2 * w[f];
                g2[f] += grad * grad;
                w[f] -= 0.1 * grad / g2[f].sqrt();
            }
        }
    }

    if let Some(dev) = arg("--dev") {
        let dev = read(&dev, &mut index, false, unlabelled, true);
        for t in [0.3, 0.4, 0.5, 0.6, 0.7] {
            let (mut tp, mut fp, mut neg) = (0, 0, 0);
            let gold = dev.iter().filter(|e| e.label > 0.5).count();
            for e in &dev {
                let yes = score(&w, &e.features) >= t;
                match (yes, e.label > 0.5, e.weight >= 1.0) {
                    (true, true, _) => tp += 1,
                    (true, false, true) => fp += 1,
                    (true, false, false) => neg += 1,
                    _ => {}
                }
            }
            eprintln!(
                "dev t={t}: {tp}/{gold} positives found, {fp} labelled negatives, {neg} unlabelled pairs"
            );
        }
    }

    let mut names: Vec<(&String, &u32)> = index.iter().collect();
    names.sort();
    let mut f = std::io::BufWriter::new(std::fs::File::create(&out).expect("writable --out"));
    writeln!(
        f,
        "# feature\tweight: partnership pair scorer, from src/bin/train-partnerships.rs"
    )
    .expect("write");
    for (name, &i) in names {
        let wi = w[i as usize];
        if wi.abs() >= 0.01 && count[i as usize] >= min_count {
            writeln!(f, "{name}\t{wi:.4}").expect("write");
        }
    }
}
