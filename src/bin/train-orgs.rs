//! Trains the organization tagger on CoNLL-2003-style JSONL and writes the
//! shipped weights. Regenerate with:
//!
//!     cargo run --release --bin train-orgs -- \
//!         --train ../shared/eval/orgs/conll03_train.jsonl.gz \
//!         [--dev ../shared/eval/orgs/conll03_dev.jsonl] [--epochs 10] \
//!         --out data/orgs/tagger.bin
//!
//! Each input line holds `text`, `orgs` (ORG spans) and `other` (PER, LOC,
//! MISC spans with a `label`), offsets in code points. The text itself is
//! never written out; only hashed, quantized weights are.

use flate2::read::GzDecoder;
use newsmine::extract::orgs::tagger::Model;
use newsmine::extract::orgs::train::{evaluate, evaluate_with, Example, Trainer};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read};

fn read_examples(path: &str) -> Vec<Example> {
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
        out.push(Example::new(text, &spans));
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let train = arg("--train").expect("--train FILE");
    let out = arg("--out").expect("--out FILE");
    let epochs: usize = arg("--epochs").map_or(10, |e| e.parse().expect("a number"));
    let examples = read_examples(&train);
    let dev = arg("--dev").map(|d| read_examples(&d));
    let mut trainer = Trainer::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for epoch in 1..=epochs {
        // Fisher-Yates with a fixed xorshift seed: reproducible weights.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        trainer.epoch(&examples, &order);
        if let Some(dev) = &dev {
            let (tp, np, ng) = evaluate(&trainer.averaged(), dev);
            let p = tp as f64 / np.max(1) as f64;
            let r = tp as f64 / ng.max(1) as f64;
            eprintln!(
                "epoch {epoch}: dev ORG P {p:.3} R {r:.3} F1 {:.3}",
                2.0 * p * r / (p + r).max(1e-9)
            );
        }
    }
    let bytes = Model::encode(&trainer.averaged());
    if let Some(dev) = &dev {
        // The shipped weights are quantized: report what they score.
        let model = Model::from_bytes(Vec::leak(bytes.clone())).expect("a model");
        let (tp, np, ng) = evaluate_with(|f| model.score(f), dev);
        eprintln!("quantized: dev ORG tp {tp} pred {np} gold {ng}");
    }
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("{out}: {e}"));
    eprintln!("wrote {out} ({} bytes)", bytes.len());
}
