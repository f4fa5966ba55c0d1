//! The stage-1 forest on rank-coded features, 32 rows at a time (AVX2).
//!
//! A node's test `x > threshold` only asks where `x` falls among the
//! thresholds the forest uses on that feature (772 distinct ones over 105
//! features in the text model, against 2100 nodes). So each used feature
//! of a row is coded once as its rank, the number of its thresholds below
//! `x`, and a node tests `rank > j` for its threshold's index `j`: the
//! same decision, exactly. A rank fits a byte, so one AVX2 compare tests 32
//! rows where a float compare tests 8, and the leaves are picked with byte
//! shuffles. The scores are the same sums, bit for bit: each row's leaf
//! values are added in tree order from 0.

use super::{Tree, INNER};
use crate::clean::features::{RowBlock, LANES, ROW_BUFFER};

/// Rows scored together: one byte per row in an AVX2 register.
pub const BATCH: usize = 32;

/// The `RowBlock`s a batch holds.
pub const SLOTS: usize = BATCH / LANES;

/// At most this many distinct thresholds per feature (a rank and a cut
/// must fit an `i8`); a forest with more is scored on floats.
const MAX_THRESHOLDS: usize = 120;

/// The cut of a node whose threshold is NaN: no rank reaches it, as no
/// value is greater than NaN.
const NEVER: i8 = i8::MAX;

/// A threshold broadcast to the eight lanes of a float column, so the
/// compare reads it straight from memory.
#[repr(C, align(32))]
#[derive(Debug, Clone, Copy)]
struct Wide([f32; LANES]);

/// Thresholds compared in one step of the ranking loop; a feature's are
/// padded with +inf, which no value exceeds (cheaper than a loop over the
/// last few).
const CHUNK: usize = 4;

/// Features ranked together: four columns of eight ranks pack into one
/// register.
const GROUP: usize = 4;

#[derive(Debug, Clone)]
struct RankedTree {
    /// Byte offset of each node's rank column in the batch's `Ranks`.
    offset: [u32; INNER],
    /// A row goes left at a node when its rank is below the node's cut
    /// (the index of its threshold plus one).
    cut: [i8; INNER],
    /// Byte `k` of each leaf's bits, the leaves in reverse order: the
    /// shuffle tables that pick a row's leaf from its left turns.
    planes: [[u8; 16]; 4],
}

/// A forest recoded for rank-coded features.
#[derive(Debug, Clone)]
pub struct Ranked {
    /// Per used feature: its column in a `RowBlock` and the end of its
    /// chunks in `thresholds` (padded with features of no thresholds to a
    /// multiple of `GROUP`).
    features: Vec<(usize, usize)>,
    /// The distinct thresholds of each used feature, ascending, feature
    /// after feature, in chunks.
    thresholds: Vec<[Wide; CHUNK]>,
    trees: Vec<RankedTree>,
}

/// The rank columns of a batch: `[used feature][row]`.
pub type Ranks = Vec<[i8; BATCH]>;

impl Ranked {
    /// The forest recoded, or `None` when a feature has too many
    /// thresholds for a byte.
    pub fn of(trees: &[Tree]) -> Option<Ranked> {
        let column = |f: u16| f as usize % ROW_BUFFER;
        let mut by_column: Vec<Vec<f32>> = vec![Vec::new(); ROW_BUFFER];
        for t in trees {
            for (&f, &th) in t.feature.iter().zip(&t.threshold) {
                if !th.is_nan() {
                    by_column[column(f)].push(th);
                }
            }
        }
        let (mut features, mut thresholds) = (Vec::new(), Vec::new());
        // Per column: its used-feature index and its sorted thresholds.
        let mut used: Vec<Option<(usize, Vec<f32>)>> = vec![None; ROW_BUFFER];
        for (col, mut ths) in by_column.into_iter().enumerate() {
            if ths.is_empty() {
                continue;
            }
            ths.sort_by(f32::total_cmp);
            // -0.0 and 0.0 are one threshold: `x > t` is the same test.
            ths.dedup_by(|a, b| a == b);
            if ths.len() > MAX_THRESHOLDS {
                return None;
            }
            for chunk in ths.chunks(CHUNK) {
                let t = |i: usize| chunk.get(i).copied().unwrap_or(f32::INFINITY);
                thresholds.push(std::array::from_fn(|i| Wide([t(i); LANES])));
            }
            used[col] = Some((features.len(), ths));
            features.push((col, thresholds.len()));
        }
        if features.is_empty() {
            return None;
        }
        while features.len() % GROUP != 0 {
            features.push((0, thresholds.len()));
        }
        let trees = trees
            .iter()
            .map(|t| {
                // A NaN threshold (the only kind a column may have none
                // but) is never passed: any column serves.
                let node = |k: usize| match &used[column(t.feature[k])] {
                    Some((u, ths)) => match ths.iter().position(|&v| v == t.threshold[k]) {
                        Some(j) => ((u * BATCH) as u32, j as i8 + 1),
                        None => (0, NEVER),
                    },
                    None => (0, NEVER),
                };
                let nodes: [(u32, i8); INNER] = std::array::from_fn(node);
                RankedTree {
                    offset: nodes.map(|n| n.0),
                    cut: nodes.map(|n| n.1),
                    planes: std::array::from_fn(|k| {
                        std::array::from_fn(|q| t.leaf[INNER - q].to_le_bytes()[k])
                    }),
                }
            })
            .collect();
        Some(Ranked {
            features,
            thresholds,
            trees,
        })
    }

    /// Zeroed rank columns for a batch.
    pub fn ranks(&self) -> Ranks {
        vec![[0; BATCH]; self.features.len()]
    }
}

#[cfg(target_arch = "x86_64")]
pub mod avx2 {
    use super::*;
    use std::arch::x86_64::*;

    const _: () = assert!(
        super::super::DEPTH == 4,
        "the blends below walk four levels"
    );

    /// Codes the rows of `x` into slot `slot` (rows `8 slot..8 slot + 8`)
    /// of `ranks`: per used feature, how many of its thresholds each row's
    /// value exceeds (`x > t`, false on NaN, as the tree's test).
    ///
    /// # Safety
    /// The CPU must support AVX2.
    #[target_feature(enable = "avx2")]
    pub unsafe fn rank_block(r: &Ranked, x: &RowBlock, ranks: &mut Ranks, slot: usize) {
        let mut from = 0;
        let groups = r.features.chunks_exact(GROUP);
        for (group, out) in groups.zip(ranks.chunks_exact_mut(GROUP)) {
            let mut rank = [_mm256_setzero_si256(); GROUP];
            for (acc, &(col, end)) in rank.iter_mut().zip(group) {
                // SAFETY: a column is 8 f32s (unaligned load).
                let v = unsafe { _mm256_loadu_ps(x[col].as_ptr()) };
                for chunk in &r.thresholds[from..end] {
                    for t in chunk {
                        // SAFETY: `Wide` is 32-byte aligned.
                        let t = unsafe { _mm256_load_ps(t.0.as_ptr()) };
                        // All ones (-1) where the row's value exceeds it.
                        let above = _mm256_cmp_ps::<_CMP_GT_OQ>(v, t);
                        *acc = _mm256_sub_epi32(*acc, _mm256_castps_si256(above));
                    }
                }
                from = end;
            }
            // Four columns of eight ranks (below 128) to bytes: the packs
            // leave, per 128-bit lane, rows 0-3 (then 4-7) of each column
            // as one 32-bit value; the permute puts each column's together.
            let p = _mm256_packs_epi16(
                _mm256_packs_epi32(rank[0], rank[1]),
                _mm256_packs_epi32(rank[2], rank[3]),
            );
            let p = _mm256_permutevar8x32_epi32(p, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
            let mut cols = [0u64; GROUP];
            // SAFETY: `cols` is 32 bytes (unaligned store).
            unsafe { _mm256_storeu_si256(cols.as_mut_ptr().cast(), p) };
            for (o, c) in out.iter_mut().zip(cols) {
                let bytes = c.to_le_bytes().map(|b| b as i8);
                o[slot * LANES..][..LANES].copy_from_slice(&bytes);
            }
        }
    }

    /// The forest's scores of the 32 rows of `ranks`: each node compared
    /// for every row, the path picked out with byte blends, the leaf with
    /// byte shuffles.
    ///
    /// # Safety
    /// The CPU must support AVX2, and `ranks` must be `r.ranks()`-shaped.
    #[target_feature(enable = "avx2")]
    pub unsafe fn forest_batch(r: &Ranked, ranks: &Ranks) -> [f32; BATCH] {
        assert_eq!(ranks.len(), r.features.len());
        let base = ranks.as_ptr().cast::<u8>();
        let mut acc = [_mm256_setzero_ps(); 4];
        let bits = |v: i8| _mm256_set1_epi8(v);
        for t in &r.trees {
            // Node k's turn for every row: all ones where the row goes left
            // (`cut > rank`, so the rank column loads into the compare).
            let l: [__m256i; INNER] = std::array::from_fn(|k| {
                // SAFETY: an offset is a used-feature index times the 32
                // bytes of a rank column: the 32 bytes read lie in `ranks`.
                let col = unsafe { _mm256_loadu_si256(base.add(t.offset[k] as usize).cast()) };
                _mm256_cmpgt_epi8(_mm256_set1_epi8(t.cut[k]), col)
            });
            // `pick(a, b, m)` is b where m is set: the left child's turn
            // where the row went left.
            let pick = |a: __m256i, b: __m256i, m: __m256i| _mm256_blendv_epi8(a, b, m);
            let l0 = l[0];
            let l1 = pick(l[2], l[1], l0);
            let l2 = pick(pick(l[6], l[5], l1), pick(l[4], l[3], l1), l0);
            let l3 = pick(
                pick(pick(l[14], l[13], l2), pick(l[12], l[11], l2), l1),
                pick(pick(l[10], l[9], l2), pick(l[8], l[7], l2), l1),
                l0,
            );
            // The left turns as a number: 15 less the leaf's index, which
            // the reversed planes undo.
            let q = _mm256_or_si256(
                _mm256_or_si256(_mm256_and_si256(l0, bits(8)), _mm256_and_si256(l1, bits(4))),
                _mm256_or_si256(_mm256_and_si256(l2, bits(2)), _mm256_and_si256(l3, bits(1))),
            );
            let byte = |k: usize| {
                // SAFETY: a plane is 16 bytes (unaligned load).
                let plane = unsafe { _mm_loadu_si128(t.planes[k].as_ptr().cast()) };
                _mm256_shuffle_epi8(_mm256_broadcastsi128_si256(plane), q)
            };
            let (b0, b1, b2, b3) = (byte(0), byte(1), byte(2), byte(3));
            // Bytes to f32 bits, within each 128-bit lane: rows 0-7 and
            // 8-15 of the lane as 16-bit halves, then rows 0-3, 4-7, 8-11
            // and 12-15 as 32-bit values; `acc[k]` holds rows 4k..4k + 4
            // of each half of the batch.
            let lo01 = _mm256_unpacklo_epi8(b0, b1);
            let hi01 = _mm256_unpackhi_epi8(b0, b1);
            let lo23 = _mm256_unpacklo_epi8(b2, b3);
            let hi23 = _mm256_unpackhi_epi8(b2, b3);
            let leaves = [
                _mm256_unpacklo_epi16(lo01, lo23),
                _mm256_unpackhi_epi16(lo01, lo23),
                _mm256_unpacklo_epi16(hi01, hi23),
                _mm256_unpackhi_epi16(hi01, hi23),
            ];
            for (a, leaf) in acc.iter_mut().zip(leaves) {
                *a = _mm256_add_ps(*a, _mm256_castsi256_ps(leaf));
            }
        }
        let mut lanes = [[0f32; 8]; 4];
        for (out, a) in lanes.iter_mut().zip(acc) {
            // SAFETY: `out` is 8 f32s, the 32 bytes stored (unaligned).
            unsafe { _mm256_storeu_ps(out.as_mut_ptr(), a) };
        }
        // Row `16 h + 4 k + j` is lane `4 h + j` of `acc[k]`.
        std::array::from_fn(|row| {
            let (h, k, j) = (row / 16, row % 16 / 4, row % 4);
            lanes[k][4 * h + j]
        })
    }
}
