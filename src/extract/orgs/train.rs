//! Training of the entity tagger (averaged perceptron, greedy decoding with
//! the model's own previous tags as history). Used by `src/bin/train-orgs.rs`.
//! The second pass learns from document votes of first-pass tags that a
//! model trained without the document produced (k-fold), so that it trusts
//! the votes as much as they deserve on unseen text.

use super::features::{
    begin_tag, features, Prepared, TokenInfo, B_ORG, I_ORG, N_FEATURES, N_TAGS, O, TABLE_ROWS,
    WORD_FEATURES,
};
use super::gazetteer;
use super::tagger::{best_tag, tag_document, tag_pass};
use super::votes::{self, Vote};
use crate::text::Document;

/// One training document: prepared tokens, their gold tags, and the
/// document votes the second pass learns from.
pub struct Example {
    prepared: Prepared,
    gold: Vec<u8>,
    votes: Vec<Vote>,
}

impl Example {
    /// `spans` are byte ranges of `text` with entity types (0 = ORG, 1 = PER, 2 = LOC, 3 = MISC).
    pub fn new(text: &str, spans: &[(usize, usize, u8)]) -> Example {
        let doc = Document::new(text);
        let gaz: Vec<(usize, usize)> = gazetteer::find(text)
            .iter()
            .map(|&(s, e, _)| (s, e))
            .collect();
        let prepared = Prepared::new(&doc, &gaz);
        let gold = prepared
            .tokens
            .iter()
            .map(|t| {
                spans
                    .iter()
                    .find(|&&(s, e, _)| t.start >= s && t.start < e)
                    .map_or(O, |&(s, _, ty)| begin_tag(ty) + u8::from(t.start > s))
            })
            .collect();
        let votes = vec![Vote::EMPTY; prepared.tokens.len()];
        Example {
            prepared,
            gold,
            votes,
        }
    }

    /// First-pass tags of this document under `weights`.
    pub fn first_pass(&self, weights: &[f32]) -> Vec<u8> {
        let none = vec![Vote::EMPTY; self.prepared.tokens.len()];
        tag_pass(&self.prepared, &none, |f| score_with(weights, f))
    }

    /// Sets the document votes from first-pass `tags`.
    pub fn set_votes(&mut self, tags: &[u8]) {
        self.votes = votes::collect(&self.prepared, tags);
    }
}

/// Perceptron weights with the running sums needed for averaging.
pub struct Trainer {
    weights: Vec<f32>,
    sums: Vec<f64>,
    clock: f64,
    /// Chance that a capitalized token's own-word features are hidden in an update.
    dropout: f32,
    rng: u64,
}

impl Default for Trainer {
    fn default() -> Self {
        Trainer::new(0.0, 1)
    }
}

/// A feature slot that takes no part in scoring or updates.
const HIDDEN: u32 = u32::MAX;

fn score_with(weights: &[f32], feats: &[u32; N_FEATURES]) -> [f32; N_TAGS] {
    let mut s = [0f32; N_TAGS];
    for &f in feats.iter().filter(|&&f| f != HIDDEN) {
        for (a, w) in s.iter_mut().zip(&weights[f as usize * N_TAGS..][..N_TAGS]) {
            *a += w;
        }
    }
    s
}

impl Trainer {
    /// A trainer with word dropout `dropout` (0 to 1) and a random seed.
    pub fn new(dropout: f32, seed: u64) -> Trainer {
        Trainer {
            weights: vec![0.0; TABLE_ROWS * N_TAGS],
            sums: vec![0.0; TABLE_ROWS * N_TAGS],
            clock: 1.0,
            dropout,
            rng: seed | 1,
        }
    }

    /// Hides the own-word features of a capitalized token with chance `dropout`.
    fn drop_words(&mut self, token: &TokenInfo, feats: &mut [u32; N_FEATURES]) {
        if self.dropout <= 0.0 || !token.has_upper() {
            return;
        }
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        if ((self.rng >> 40) as f32 / (1u64 << 24) as f32) < self.dropout {
            for k in WORD_FEATURES {
                feats[k] = HIDDEN;
            }
        }
    }

    fn update(&mut self, feats: &[u32; N_FEATURES], tag: u8, delta: f32) {
        for &f in feats.iter().filter(|&&f| f != HIDDEN) {
            let k = f as usize * N_TAGS + tag as usize;
            self.weights[k] += delta;
            self.sums[k] += self.clock * f64::from(delta);
        }
    }

    /// One pass over `examples` in the given order.
    pub fn epoch(&mut self, examples: &[Example], order: &[usize]) {
        let mut feats = [0u32; N_FEATURES];
        for &d in order {
            let ex = &examples[d];
            for r in &ex.prepared.sentences {
                let sent = &ex.prepared.infos[r.clone()];
                let votes = &ex.votes[r.clone()];
                let gold = &ex.gold[r.clone()];
                let (mut p1, mut p2) = (O, O);
                for i in 0..sent.len() {
                    self.clock += 1.0;
                    let tag = if p1 == O && sent[i].trivially_outside() {
                        O
                    } else {
                        features(sent, votes, i, p1, p2, &mut feats);
                        self.drop_words(&sent[i], &mut feats);
                        let guess = best_tag(&score_with(&self.weights, &feats), p1);
                        if guess != gold[i] {
                            self.update(&feats, gold[i], 1.0);
                            self.update(&feats, guess, -1.0);
                        }
                        guess
                    };
                    p2 = p1;
                    p1 = tag;
                }
            }
        }
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Vec<f32> {
        self.weights
            .iter()
            .zip(&self.sums)
            .map(|(&w, &s)| (f64::from(w) - s / self.clock) as f32)
            .collect()
    }
}

/// Byte spans and types (0 = ORG, 1 = PER, 2 = LOC, 3 = MISC) of the
/// entities the raw tagger finds in `text`, before any post-processing:
/// for error analysis of a model.
pub fn tagged_entities(
    text: &str,
    score: impl Fn(usize, &[u32; N_FEATURES]) -> [f32; N_TAGS],
) -> Vec<(usize, usize, u8)> {
    let ex = Example::new(text, &[]);
    let tags = tag_document(&ex.prepared, score);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if tags[i] == O {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tags.len() && tags[j] == tags[i] + 1 && tags[i] % 2 == 1 {
            j += 1;
        }
        let ty = (tags[i] - 1) / 2;
        out.push((
            ex.prepared.tokens[i].start,
            ex.prepared.tokens[j - 1].end,
            ty,
        ));
        i = j;
    }
    out
}

/// ORG token spans of a tag sequence.
fn org_spans(tags: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if tags[i] == B_ORG {
            let mut j = i + 1;
            while j < tags.len() && tags[j] == I_ORG {
                j += 1;
            }
            out.push((i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Token-level ORG span (true positives, predicted, gold) counts of the
/// two passes (`first`, `second` weights) on `examples`.
pub fn evaluate(first: &[f32], second: &[f32], examples: &[Example]) -> (usize, usize, usize) {
    evaluate_with(
        |pass, f| score_with(if pass == 0 { first } else { second }, f),
        examples,
    )
}

/// Token-level ORG span counts of any two-pass scorer on `examples`.
pub fn evaluate_with(
    score: impl Fn(usize, &[u32; N_FEATURES]) -> [f32; N_TAGS],
    examples: &[Example],
) -> (usize, usize, usize) {
    let (mut tp, mut np, mut ng) = (0, 0, 0);
    for ex in examples {
        let tags = tag_document(&ex.prepared, &score);
        let pred = org_spans(&tags);
        let gold = org_spans(&ex.gold);
        tp += pred.iter().filter(|p| gold.contains(p)).count();
        np += pred.len();
        ng += gold.len();
    }
    (tp, np, ng)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_tiny_corpus() {
        let text = "Acme Corp said profits rose .\nShares of Acme Corp fell .";
        let ex = vec![Example::new(text, &[(0, 9, 0), (40, 49, 0)])];
        let mut t = Trainer::default();
        for _ in 0..5 {
            t.epoch(&ex, &[0]);
        }
        let w = t.averaged();
        assert_eq!(evaluate(&w, &w, &ex), (2, 2, 2));
    }
}
