//! Trains the organization tagger on CoNLL-2003-style JSONL and writes the
//! shipped weights. Regenerate with:
//!
//!     cargo run --release --bin train-orgs -- \
//!         --train ../shared/eval/orgs/conll03_train.jsonl.gz \
//!         [--dev ../shared/eval/orgs/conll03_dev.jsonl] [--epochs 10] [--epochs2 15] [--dropout 0.2] \
//!         --out data/orgs/tagger.bin
//!
//! (a few seconds). Each input line holds `text`, `orgs` (ORG spans) and
//! `other` (PER, LOC, MISC spans with a `label`), offsets in code points.
//! The text itself is never written out; only hashed, quantized weights are.
//!
//! The second pass's document votes are learnt "jackknifed": the training
//! documents are split into folds, and a document's votes come from a
//! first-pass model trained on the other folds, as on unseen text.

use flate2::read::GzDecoder;
use newsmine::extract::orgs::tagger::{Model, SHIPPED};
use newsmine::extract::orgs::train::{evaluate, evaluate_with, tagged_entities, Example, Trainer};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read};

/// A training document: text and entity spans (byte ranges, type 0 = ORG, 1 = PER, 2 = LOC, 3 = MISC).
struct Doc {
    text: String,
    spans: Vec<(usize, usize, u8)>,
}

fn read_docs(path: &str) -> Vec<Doc> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let reader: Box<dyn Read> = if path.ends_with(".gz") {
        Box::new(GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut out = Vec::new();
    for line in BufReader::new(reader).lines() {
        let line = line.expect("readable input");
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(&line).expect("a JSON line");
        let text = v["text"].as_str().expect("a text field");
        // Code point offset -> byte offset.
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect();
        let mut spans = Vec::new();
        for (field, default) in [("orgs", "ORG"), ("other", "")] {
            for s in v[field].as_array().into_iter().flatten() {
                let label = s["label"].as_str().unwrap_or(default);
                let ty = match label {
                    "ORG" => 0,
                    "PER" => 1,
                    "LOC" => 2,
                    "MISC" => 3,
                    _ => continue,
                };
                let (a, b) = (
                    s["start"].as_u64().unwrap_or(0),
                    s["end"].as_u64().unwrap_or(0),
                );
                spans.push((bytes[a as usize], bytes[b as usize], ty));
            }
        }
        out.push(Doc {
            text: text.to_string(),
            spans,
        });
    }
    out
}

/// Shuffling seeds of the models whose weights are averaged.
const SEEDS: [u64; 3] = [
    0x2545_f491_4f6c_dd1d,
    0x9e37_79b9_7f4a_7c15,
    0x6a09_e667_f3bc_c908,
];

/// Averaged-perceptron weights after `epochs` shuffled passes over the
/// documents in `docs`, averaged again over models trained in different
/// orders: a single model's dev score swings by a point with the order.
fn train(examples: &[Example], docs: &[usize], epochs: usize, dropout: f32) -> Vec<f32> {
    let n = SEEDS.len();
    let mut sum = train_one(examples, docs, epochs, dropout, SEEDS[0]);
    for &seed in &SEEDS[1..] {
        for (a, b) in sum
            .iter_mut()
            .zip(train_one(examples, docs, epochs, dropout, seed))
        {
            *a += b;
        }
    }
    sum.iter_mut().for_each(|w| *w /= n as f32);
    sum
}

fn train_one(
    examples: &[Example],
    docs: &[usize],
    epochs: usize,
    dropout: f32,
    mut seed: u64,
) -> Vec<f32> {
    let mut trainer = Trainer::new(dropout, seed);
    let mut order = docs.to_vec();
    for _ in 0..epochs {
        // Fisher-Yates with a fixed xorshift seed: reproducible weights.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        trainer.epoch(examples, &order);
    }
    trainer.averaged()
}

fn report(what: &str, (tp, np, ng): (usize, usize, usize)) {
    let p = tp as f64 / np.max(1) as f64;
    let r = tp as f64 / ng.max(1) as f64;
    eprintln!(
        "{what}: dev ORG P {p:.3} R {r:.3} F1 {:.3} (tp {tp} pred {np} gold {ng})",
        2.0 * p * r / (p + r).max(1e-9)
    );
}

/// Prints, for each document of `path`, the raw tagger's entities as JSONL
/// (`{"id", "entities": [[start, end, type]]}`, code point offsets, type
/// 0 = ORG, 1 = PER, 2 = LOC, 3 = MISC), with the model at `model` or the
/// shipped one: for error analysis.
fn predict(path: &str, model: Option<&str>) {
    let model = match model {
        Some(m) => {
            let raw = std::fs::read(m).unwrap_or_else(|e| panic!("{m}: {e}"));
            Model::from_bytes(Vec::leak(raw)).expect("a model")
        }
        None => Model::from_bytes(SHIPPED).expect("a model"),
    };
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    for line in BufReader::new(file).lines() {
        let line = line.expect("readable input");
        let Ok(v) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        let text = v["text"].as_str().unwrap_or("");
        let cp = |b: usize| text[..b].chars().count();
        let ents: Vec<Value> = tagged_entities(text, |p, f| model.score(p, f))
            .into_iter()
            .map(|(s, e, t)| serde_json::json!([cp(s), cp(e), t]))
            .collect();
        println!("{}", serde_json::json!({"id": v["id"], "entities": ents}));
    }
}

/// Folds for the second pass's training votes.
const FOLDS: usize = 10;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let Some(path) = arg("--predict") {
        return predict(&path, arg("--model").as_deref());
    }
    let train_path = arg("--train").expect("--train FILE");
    let out = arg("--out").expect("--out FILE");
    let epochs: usize = arg("--epochs").map_or(10, |e| e.parse().expect("a number"));
    // The second pass has more to learn (votes of varying quality): it
    // keeps improving on dev for a few more passes than the first.
    let second_epochs: usize = arg("--epochs2").map_or(15, |e| e.parse().expect("a number"));
    // Word dropout: the share of capitalized training tokens whose own-word
    // features are hidden in an update, so that context carries unseen names.
    let dropout: f32 = arg("--dropout").map_or(0.2, |e| e.parse().expect("a number"));
    let examples_of = |path: &str| -> Vec<Example> {
        read_docs(path)
            .iter()
            .map(|doc| Example::new(&doc.text, &doc.spans))
            .collect()
    };
    let mut examples = examples_of(&train_path);
    let dev = arg("--dev").map(|d| examples_of(&d));
    let all: Vec<usize> = (0..examples.len()).collect();
    let first = train(&examples, &all, epochs, dropout);
    // Each fold's votes come from a first pass trained on the other folds.
    for k in 0..FOLDS {
        let rest: Vec<usize> = all.iter().copied().filter(|d| d % FOLDS != k).collect();
        let w = train(&examples, &rest, epochs, dropout);
        for d in (k..examples.len()).step_by(FOLDS) {
            let tags = examples[d].first_pass(&w);
            examples[d].set_votes(&tags);
        }
    }
    let second = train(&examples, &all, second_epochs, dropout);
    let bytes = Model::encode(&first, &second);
    if let Some(dev) = &dev {
        report("two passes", evaluate(&first, &second, dev));
        // The shipped weights are quantized: report what they score.
        let model = Model::from_bytes(Vec::leak(bytes.clone())).expect("a model");
        report("quantized", evaluate_with(|p, f| model.score(p, f), dev));
    }
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("{out}: {e}"));
    eprintln!("wrote {out} ({} bytes)", bytes.len());
}
