//! The entity tagger: an averaged perceptron over hashed features, decoded
//! greedily left to right over BIO tags. Its weights (`data/orgs/tagger.bin`,
//! made by `src/bin/train-orgs.rs`) are rows of i16, one per hashed feature.

use super::features::{
    allowed, features, TokenInfo, N_FEATURES, N_TAGS, O, TABLE_BITS, TABLE_ROWS,
};
use std::sync::LazyLock;

const MAGIC: &[u8; 8] = b"NMORGv2\0";
const HEADER: usize = 16;
/// Bytes per row: one little-endian i16 per tag.
const ROW: usize = 2 * N_TAGS;

static SHIPPED: &[u8] = include_bytes!("../../../data/orgs/tagger.bin");

/// The shipped model, read in place from the binary (no decoding at start-up).
pub static MODEL: LazyLock<Model> =
    LazyLock::new(|| Model::from_bytes(SHIPPED).expect("data/orgs/tagger.bin is a tagger model"));

/// Quantized weights: `TABLE_ROWS` rows of `N_TAGS` little-endian i16.
pub struct Model {
    weights: &'static [u8],
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
        if raw.len() != HEADER + TABLE_ROWS * ROW {
            return Err("truncated model".into());
        }
        Ok(Model {
            weights: &raw[HEADER..],
        })
    }

    /// Quantizes float weights to little-endian i16 on one scale (the error
    /// must be small in absolute terms: scores add rows of very different sizes).
    pub fn encode(weights: &[f32]) -> Vec<u8> {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
        let scale = f32::from(i16::MAX) / max;
        let mut raw = Vec::with_capacity(HEADER + TABLE_ROWS * ROW);
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&TABLE_BITS.to_le_bytes());
        raw.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
        for w in weights {
            raw.extend_from_slice(&((w * scale).round() as i16).to_le_bytes());
        }
        raw
    }

    /// Scores of every tag for one token's features.
    pub fn score(&self, feats: &[u32; N_FEATURES]) -> [f32; N_TAGS] {
        let mut sum = [0i32; N_TAGS];
        for &f in feats {
            let row = &self.weights[f as usize * ROW..][..ROW];
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

/// Tags one sentence greedily; `score` gives the tag scores of a feature set.
pub fn tag_sentence(
    sent: &[TokenInfo],
    score: impl Fn(&[u32; N_FEATURES]) -> [f32; N_TAGS],
    out: &mut Vec<u8>,
) {
    let (mut p1, mut p2) = (O, O);
    let mut feats = [0u32; N_FEATURES];
    for i in 0..sent.len() {
        let tag = if p1 == O && sent[i].trivially_outside() {
            O
        } else {
            features(sent, i, p1, p2, &mut feats);
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
        let m = Model::from_bytes(Vec::leak(Model::encode(&w))).unwrap();
        let mut feats = [3u32; N_FEATURES];
        feats[0] = 7;
        let s = m.score(&feats);
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
