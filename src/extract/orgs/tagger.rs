//! The entity tagger: an averaged perceptron over hashed features, decoded
//! greedily left to right over BIO tags, in two passes: the second pass sees
//! how the first tagged the word's other occurrences in the document
//! ([`votes`](super::votes)). Its weights (`data/orgs/tagger.bin`, made by
//! `src/bin/train-orgs.rs`) are two tables of i16 rows, one row per hashed feature.

use super::features::{
    allowed, features, Prepared, TokenInfo, N_FEATURES, N_TAGS, O, TABLE_BITS, TABLE_ROWS,
};
use super::votes::{self, Vote};
use std::sync::LazyLock;

const MAGIC: &[u8; 8] = b"NMORGv3\0";
/// Bytes of one weight table.
const TABLE: usize = TABLE_ROWS * ROW;
const HEADER: usize = 16;
/// Bytes per row: one little-endian i16 per tag.
const ROW: usize = 2 * N_TAGS;

/// The shipped weights file.
pub static SHIPPED: &[u8] = include_bytes!("../../../data/orgs/tagger.bin");

/// The shipped model, read in place from the binary (no decoding at start-up).
pub static MODEL: LazyLock<Model> =
    LazyLock::new(|| Model::from_bytes(SHIPPED).expect("data/orgs/tagger.bin is a tagger model"));

/// Quantized weights of both passes: `TABLE_ROWS` rows of `N_TAGS` little-endian i16 each.
pub struct Model {
    weights: [&'static [u8]; 2],
}

impl Model {
    /// Checks a model file's header and size.
    pub fn from_bytes(raw: &'static [u8]) -> Result<Model, String> {
        if raw.len() < HEADER || &raw[..8] != MAGIC {
            return Err("not a tagger model".into());
        }
        let bits = u32::from_le_bytes([raw[8], raw[9], raw[10], raw[11]]);
        let tags = u32::from_le_bytes([raw[12], raw[13], raw[14], raw[15]]);
        if bits != TABLE_BITS || tags as usize != N_TAGS {
            return Err("model built for another feature table".into());
        }
        if raw.len() != HEADER + 2 * TABLE {
            return Err("truncated model".into());
        }
        let (first, second) = raw[HEADER..].split_at(TABLE);
        Ok(Model {
            weights: [first, second],
        })
    }

    /// Quantizes the float weights of both passes to little-endian i16, each
    /// table on one scale (the error must be small in absolute terms: scores
    /// add rows of very different sizes).
    pub fn encode(first: &[f32], second: &[f32]) -> Vec<u8> {
        let mut raw = Vec::with_capacity(HEADER + 2 * TABLE);
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&TABLE_BITS.to_le_bytes());
        raw.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
        for weights in [first, second] {
            let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
            let scale = f32::from(i16::MAX) / max;
            for w in weights {
                raw.extend_from_slice(&((w * scale).round() as i16).to_le_bytes());
            }
        }
        raw
    }

    /// Scores of every tag for one token's features in pass `pass` (0 or 1).
    pub fn score(&self, pass: usize, feats: &[u32; N_FEATURES]) -> [f32; N_TAGS] {
        let mut sum = [0i32; N_TAGS];
        for &f in feats {
            let row = &self.weights[pass][f as usize * ROW..][..ROW];
            for (s, w) in sum.iter_mut().zip(row.chunks_exact(2)) {
                *s += i32::from(i16::from_le_bytes([w[0], w[1]]));
            }
        }
        sum.map(|s| s as f32)
    }
}

/// The highest-scoring tag allowed after `prev`.
pub fn best_tag(scores: &[f32; N_TAGS], prev: u8) -> u8 {
    let mut best = O;
    for t in 1..N_TAGS as u8 {
        if allowed(prev, t) && scores[t as usize] > scores[best as usize] {
            best = t;
        }
    }
    best
}

/// Tags a whole document in two passes; `score(pass, features)` gives the tag scores.
pub fn tag_document(
    p: &Prepared,
    score: impl Fn(usize, &[u32; N_FEATURES]) -> [f32; N_TAGS],
) -> Vec<u8> {
    let first = tag_pass(p, &vec![Vote::EMPTY; p.tokens.len()], |f| score(0, f));
    tag_pass(p, &votes::collect(p, &first), |f| score(1, f))
}

/// One greedy pass over every sentence of `p`, with the given document votes.
pub fn tag_pass(
    p: &Prepared,
    votes: &[Vote],
    score: impl Fn(&[u32; N_FEATURES]) -> [f32; N_TAGS],
) -> Vec<u8> {
    let mut tags = Vec::with_capacity(p.tokens.len());
    for r in &p.sentences {
        tag_sentence(&p.infos[r.clone()], &votes[r.clone()], &score, &mut tags);
    }
    tags
}

/// Tags one sentence greedily; `score` gives the tag scores of a feature set.
pub fn tag_sentence(
    sent: &[TokenInfo],
    votes: &[Vote],
    score: impl Fn(&[u32; N_FEATURES]) -> [f32; N_TAGS],
    out: &mut Vec<u8>,
) {
    let (mut p1, mut p2) = (O, O);
    let mut feats = [0u32; N_FEATURES];
    for i in 0..sent.len() {
        let tag = if p1 == O && sent[i].trivially_outside() {
            O
        } else {
            features(sent, votes, i, p1, p2, &mut feats);
            best_tag(&score(&feats), p1)
        };
        out.push(tag);
        p2 = p1;
        p1 = tag;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_round_trips() {
        let mut w = vec![0f32; TABLE_ROWS * N_TAGS];
        w[N_TAGS * 3 + 2] = 1000.0;
        w[N_TAGS * 7 + 1] = 0.5;
        let m = Model::from_bytes(Vec::leak(Model::encode(&w, &w))).unwrap();
        let mut feats = [3u32; N_FEATURES];
        feats[0] = 7;
        let s = m.score(1, &feats);
        let unit = s[2] / (N_FEATURES - 1) as f32 / 1000.0;
        assert!((s[1] / unit - 0.5).abs() < 0.05, "{s:?}");
    }

    #[test]
    fn inside_tags_only_continue_their_entity() {
        let mut s = [0f32; N_TAGS];
        s[2] = 5.0; // I-ORG
        s[1] = 1.0; // B-ORG
        assert_eq!(best_tag(&s, O), 1);
        assert_eq!(best_tag(&s, 1), 2);
    }
}
