//! The two-stage line classifier. Stage 1 is an ensemble of small
//! regression trees (gradient boosting, logistic loss) over each block's
//! own, neighbour and region features; stage 2, a logistic regression, smooths its
//! scores over the sequence (a short line between kept paragraphs stays, a
//! run of headlines under "Related" goes). Weights are learned by
//! `src/bin/train-clean.rs` and shipped in `data/clean/*.weights`.

use super::features::{
    for_each_block, Block, LineStats, RowBlock, FEATURE_NAMES, LANES, ROW_BUFFER,
};
use super::stage2_groups::{block_groups, group_columns, BlockGroups, GROUPS};
use std::sync::LazyLock;

mod ranked;

/// Names of the stage-2 features, in vector order.
pub const STAGE2_NAMES: &[&str] = &[
    "bias",
    "z",
    "p",
    "p_p1",
    "p_n1",
    "p_p2",
    "p_n2",
    "p_p3",
    "p_n3",
    "max_before",
    "max_after",
    "min_around",
    "mean_window",
    "kept_share_window",
    "log_words",
    "short",
    "short_between_kept",
    "z_p1",
    "z_n1",
    "z_mean7",
    "para_before",
    "para_after",
    "short_between_paras",
    "in_kept_region",
    "log_before_kept_region",
    "log_after_kept_region",
    // HTML only (the last `stage2_groups::GROUPS`): zero for a text dump.
    "path_mean_other",
    "path_max_other",
    "path_min_other",
    "path_kept_other",
    "container_mean_other",
    "container_max_other",
    "container_kept_other",
];

/// Depth of every stage-1 tree (complete binary trees).
pub const DEPTH: usize = 4;
pub const INNER: usize = (1 << DEPTH) - 1;

/// A complete binary tree: node `k` sends a row right when
/// `x[feature[k]] > threshold[k]`; the leaves hold the scores.
#[derive(Debug, Clone)]
pub struct Tree {
    pub feature: [u16; INNER],
    pub threshold: [f32; INNER],
    pub leaf: [f32; INNER + 1],
}

impl Tree {
    pub fn eval(&self, x: &[f32]) -> f32 {
        let mut k = 0usize;
        for _ in 0..DEPTH {
            let right = x[self.feature[k % INNER] as usize] > self.threshold[k % INNER];
            k = 2 * k + 1 + right as usize;
        }
        self.leaf[(k - INNER) % (INNER + 1)]
    }

    /// `eval` on lane `lane` of a `RowBlock` (feature indices are below
    /// 256, so need no bounds check), unrolled: node `k` of level `d` is
    /// `2^d - 1 + path`.
    fn eval_lane(&self, x: &RowBlock, lane: usize) -> f32 {
        let right = |k: usize| {
            (x[self.feature[k] as usize % ROW_BUFFER][lane % LANES] > self.threshold[k]) as usize
        };
        let p = right(0);
        let p = 2 * p + right(1 + p % 2);
        let p = 2 * p + right(3 + p % 4);
        let p = 2 * p + right(7 + p % 8);
        self.leaf[p % 16]
    }
}

/// Learned stage-1 trees, stage-2 weights and the decision threshold.
#[derive(Debug, Clone)]
pub struct Model {
    stage1: Vec<Tree>,
    columns: Columns,
    /// The forest recoded for batches, on the first page long enough
    /// (short pages never pay for it).
    ranked: std::sync::OnceLock<Option<ranked::Ranked>>,
    pub stage2: Vec<f32>,
    pub threshold: f32,
}

/// Stage-1 score (logit) of one feature row.
pub fn forest_score(trees: &[Tree], x: &[f32]) -> f32 {
    trees.iter().map(|t| t.eval(x)).sum()
}

/// Stage-1 scores of the `LANES` rows of a block, the trees summed in
/// order (the same sums, bit for bit, whichever way they are computed).
pub fn forest_block(trees: &[Tree], x: &RowBlock) -> [f32; LANES] {
    forest_block_in(trees, &Columns::of(trees), x)
}

/// Where each node of each tree finds its feature in a `RowBlock`: the
/// byte offset of the column (nodes 0 to 14; the 16th is padding), worked
/// out once per model.
#[derive(Debug, Clone)]
pub struct Columns(Vec<[u32; INNER + 1]>);

impl Columns {
    pub fn of(trees: &[Tree]) -> Columns {
        const COLUMN: usize = std::mem::size_of::<[f32; LANES]>();
        Columns(
            trees
                .iter()
                .map(|t| {
                    std::array::from_fn(|k| match t.feature.get(k) {
                        Some(&f) => (f as usize % ROW_BUFFER * COLUMN) as u32,
                        None => 0,
                    })
                })
                .collect(),
        )
    }
}

/// `forest_block` with the trees' `Columns`.
fn forest_block_in(trees: &[Tree], columns: &Columns, x: &RowBlock) -> [f32; LANES] {
    assert_eq!(columns.0.len(), trees.len());
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        return unsafe { avx2::forest_block(trees, columns, x) };
    }
    forest_block_scalar(trees, x)
}

fn forest_block_scalar(trees: &[Tree], x: &RowBlock) -> [f32; LANES] {
    std::array::from_fn(|lane| {
        let mut z = 0f32;
        for t in trees {
            z += t.eval_lane(x, lane);
        }
        z
    })
}

/// The forest on eight rows at once with AVX2: every node of a tree is
/// compared for all rows (15 compares against one walk of 4 per row), then
/// each row's path is picked out with blends, branch-free.
#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::{Columns, RowBlock, Tree, LANES, ROW_BUFFER};
    use std::arch::x86_64::*;

    const _: () = assert!(LANES == 8, "one AVX2 register of f32 holds a block");
    const _: () = assert!(super::DEPTH == 4, "the blends below walk four levels");
    const _: () = assert!(ROW_BUFFER == 256, "`& 255` below is `% ROW_BUFFER`");

    /// # Safety
    /// The CPU must support AVX2.
    #[target_feature(enable = "avx2")]
    pub unsafe fn forest_block(trees: &[Tree], columns: &Columns, x: &RowBlock) -> [f32; LANES] {
        let mut z = _mm256_setzero_ps();
        for (t, offsets) in trees.iter().zip(&columns.0) {
            let base = x.as_ptr().cast::<u8>();
            // Node k's test for every row: all ones where the row goes right,
            // `threshold < x` (so the column loads straight into the
            // compare); `_CMP_LT_OQ` is false on NaN, as `x > threshold` is.
            let c: [__m256; 15] = std::array::from_fn(|k| {
                // SAFETY: an offset is a column index below 256 (`Columns`
                // takes it `% ROW_BUFFER`) times the 32 bytes of a column, and the 32 bytes read from it (one
                // column, unaligned) end inside the 256 columns of `x`.
                let v = unsafe { _mm256_loadu_ps(base.add(offsets[k] as usize).cast()) };
                _mm256_cmp_ps::<_CMP_LT_OQ>(_mm256_set1_ps(t.threshold[k]), v)
            });
            // The path bits, level by level: `blendv(a, b, m)` is b where m is set.
            let b0 = c[0];
            let b1 = _mm256_blendv_ps(c[1], c[2], b0);
            let b2 = _mm256_blendv_ps(
                _mm256_blendv_ps(c[3], c[4], b1),
                _mm256_blendv_ps(c[5], c[6], b1),
                b0,
            );
            let b3 = _mm256_blendv_ps(
                _mm256_blendv_ps(
                    _mm256_blendv_ps(c[7], c[8], b2),
                    _mm256_blendv_ps(c[9], c[10], b2),
                    b1,
                ),
                _mm256_blendv_ps(
                    _mm256_blendv_ps(c[11], c[12], b2),
                    _mm256_blendv_ps(c[13], c[14], b2),
                    b1,
                ),
                b0,
            );
            // Leaf index = 8 b0 + 4 b1 + 2 b2 + b3; its low three bits pick
            // within each half of the leaves, b0 picks the half.
            let bit =
                |m: __m256, v: i32| _mm256_and_si256(_mm256_castps_si256(m), _mm256_set1_epi32(v));
            let low = _mm256_or_si256(_mm256_or_si256(bit(b1, 4), bit(b2, 2)), bit(b3, 1));
            // SAFETY: `leaf` is 16 f32s: two loads of 8 (unaligned).
            let (lo, hi) = unsafe {
                (
                    _mm256_loadu_ps(t.leaf.as_ptr()),
                    _mm256_loadu_ps(t.leaf.as_ptr().add(8)),
                )
            };
            let leaf = _mm256_blendv_ps(
                _mm256_permutevar8x32_ps(lo, low),
                _mm256_permutevar8x32_ps(hi, low),
                b0,
            );
            z = _mm256_add_ps(z, leaf);
        }
        let mut out = [0f32; LANES];
        // SAFETY: `out` is 8 f32s, the 32 bytes stored (unaligned store).
        unsafe { _mm256_storeu_ps(out.as_mut_ptr(), z) };
        out
    }
}

pub fn dot(w: &[f32], x: &[f32]) -> f32 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}

/// Width of a stage-2 row, and of its columns before the group columns.
const S2: usize = STAGE2_NAMES.len();
pub(super) const S2_BASE: usize = S2 - GROUPS;

/// Stage-2 rows (flat, `STAGE2_NAMES.len()` values each) from the stage-1
/// scores `z` of one page and its blocks' `groups` (empty for text: zero
/// group columns).
pub fn stage2_features(z: &[f32], log_words: &[f32], groups: &[BlockGroups]) -> Vec<f32> {
    let n = z.len();
    let p: Vec<f32> = z.iter().map(|&v| 1.0 / (1.0 + (-v).exp())).collect();
    let cols = group_columns(&p, groups);
    let mut out = Vec::with_capacity(n * S2);
    let mut i = 0;
    for_each_stage2_row(z, log_words, |row| {
        out.extend_from_slice(row);
        out.extend((0..GROUPS).map(|k| cols.get(k * n + i).copied().unwrap_or(0.0)));
        i += 1;
    });
    out
}

/// Calls `visit` with the stage-2 row of each line of a page in turn, from
/// the stage-1 scores `z`. Neighbours enter as probabilities so one
/// hopeless line cannot outvote a paragraph.
fn for_each_stage2_row(z: &[f32], log_words: &[f32], mut visit: impl FnMut(&[f32; S2_BASE])) {
    let n = z.len();
    let p: Vec<f32> = z.iter().map(|&v| 1.0 / (1.0 + (-v).exp())).collect();
    let zc: Vec<f32> = z.iter().map(|v| v.clamp(-8.0, 8.0)).collect();
    // Lines with p > 0.5 before each line: a window's count is a difference.
    let mut above = Vec::with_capacity(n + 1);
    above.push(0u32);
    for &v in &p {
        above.push(above[above.len() - 1] + (v > 0.5) as u32);
    }
    // Missing neighbours (page edges) take the line's own score.
    let idx = |j: isize, i: usize| -> usize {
        if j < 0 || j >= n as isize {
            i
        } else {
            j as usize
        }
    };
    let (para_before, para_after) = nearest_paragraphs(&p, log_words);
    let region = kept_region(&p, log_words);
    for i in 0..n {
        let ii = i as isize;
        let at = |j: isize| p[idx(j, i)];
        let zc_at = |j: isize| zc[idx(j, i)];
        let max_before = p[i.saturating_sub(5)..i]
            .iter()
            .copied()
            .fold(0.0, f32::max);
        let max_after = p[(i + 1).min(n)..(i + 6).min(n)]
            .iter()
            .copied()
            .fold(0.0, f32::max);
        let (from, to) = (i.saturating_sub(10), (i + 11).min(n));
        let window = &p[from..to];
        let mean = window.iter().sum::<f32>() / window.len() as f32;
        let kept = (above[to] - above[from]) as f32 / window.len() as f32;
        let min_around = at(ii - 1).min(at(ii + 1));
        let short = (log_words[i] < 2.0) as u8 as f32;
        visit(&[
            1.0,
            zc[i],
            p[i],
            at(ii - 1),
            at(ii + 1),
            at(ii - 2),
            at(ii + 2),
            at(ii - 3),
            at(ii + 3),
            max_before,
            max_after,
            min_around,
            mean,
            kept,
            log_words[i],
            short,
            short * min_around,
            zc_at(ii - 1),
            zc_at(ii + 1),
            zc[i.saturating_sub(3)..(i + 4).min(n)].iter().sum::<f32>() / 7.0,
            para_before[i],
            para_after[i],
            between_paragraphs(log_words[i], para_before[i], para_after[i]),
            region[0][i],
            region[1][i],
            region[2][i],
        ]);
    }
}

/// Log word count from which a line is a paragraph of prose (about 16
/// words), for the list-context columns.
const PARAGRAPH: f32 = 2.8;

/// How far the list-context columns look for a paragraph.
const PARAGRAPH_REACH: usize = 12;

/// Per line, the stage-1 probability of the nearest paragraph before it
/// and after it within `PARAGRAPH_REACH` lines (0 if none): the items of
/// a list inside an article sit between two kept paragraphs, a list after
/// its end has none below or only dropped ones.
pub(super) fn nearest_paragraphs(p: &[f32], log_words: &[f32]) -> (Vec<f32>, Vec<f32>) {
    let n = p.len();
    let (mut before, mut after) = (vec![0f32; n], vec![0f32; n]);
    nearest_paragraphs_into(p, log_words, &mut before, &mut after);
    (before, after)
}

/// `nearest_paragraphs` written into `before` and `after` (as long as `p`).
pub(super) fn nearest_paragraphs_into(
    p: &[f32],
    log_words: &[f32],
    before: &mut [f32],
    after: &mut [f32],
) {
    let n = p.len();
    before.fill(0.0);
    after.fill(0.0);
    let mut last: Option<usize> = None;
    for i in 0..n {
        if let Some(j) = last.filter(|&j| i - j <= PARAGRAPH_REACH) {
            before[i] = p[j];
        }
        if log_words[i] >= PARAGRAPH {
            last = Some(i);
        }
    }
    last = None;
    for i in (0..n).rev() {
        if let Some(j) = last.filter(|&j| j - i <= PARAGRAPH_REACH) {
            after[i] = p[j];
        }
        if log_words[i] >= PARAGRAPH {
            last = Some(i);
        }
    }
}

/// The `short_between_paras` column: for a line shorter than a paragraph,
/// the lower of its nearest paragraphs' probabilities.
pub(super) fn between_paragraphs(log_words: f32, before: f32, after: f32) -> f32 {
    if log_words < PARAGRAPH {
        before.min(after)
    } else {
        0.0
    }
}

/// Distances to the kept region are capped at this many lines.
const MAX_DISTANCE: usize = 63;

/// `ln(1 + d)` of each distance `d` up to `MAX_DISTANCE`.
static LN_DISTANCE: LazyLock<[f32; MAX_DISTANCE + 1]> =
    LazyLock::new(|| std::array::from_fn(|d| (d as f32).ln_1p()));

/// What a dropped line costs the kept region's score.
const DROPPED_COST: f32 = 0.75;

/// The run of lines maximizing the summed log word counts of its kept
/// lines (stage-1 p > 0.5) less `DROPPED_COST` per dropped line: the
/// article as stage 1 sees it. Per line: inside it (0 or 1), and the log
/// of the lines until it starts and since it ended (0 inside).
pub(super) fn kept_region(p: &[f32], log_words: &[f32]) -> [Vec<f32>; 3] {
    let span = kept_span(p, log_words);
    std::array::from_fn(|k| {
        let mut column = vec![0f32; p.len()];
        kept_region_column(span, k, &mut column);
        column
    })
}

/// The lines `kept_region` spans, first and last.
pub(super) fn kept_span(p: &[f32], log_words: &[f32]) -> Option<(usize, usize)> {
    let n = p.len();
    let (mut best, mut span, mut run, mut start) = (0f32, None, 0f32, 0usize);
    for i in 0..n {
        if run <= 0.0 {
            run = 0.0;
            start = i;
        }
        run += if p[i] > 0.5 {
            log_words[i]
        } else {
            -DROPPED_COST
        };
        if run > best {
            best = run;
            span = Some((start, i));
        }
    }
    span
}

/// Column `k` of `kept_region` (inside, lines until, lines since) of the
/// lines of `out`, from the `kept_span`.
pub(super) fn kept_region_column(span: Option<(usize, usize)>, k: usize, out: &mut [f32]) {
    let Some((a, b)) = span else {
        out.fill(0.0);
        return;
    };
    let ln = &*LN_DISTANCE;
    for (i, o) in out.iter_mut().enumerate() {
        *o = match k {
            0 => (a <= i && i <= b) as u8 as f32,
            1 => ln[a.saturating_sub(i).min(MAX_DISTANCE)],
            _ => ln[i.saturating_sub(b).min(MAX_DISTANCE)],
        };
    }
}

impl Model {
    pub fn new(stage1: Vec<Tree>, stage2: Vec<f32>, threshold: f32) -> Model {
        Model {
            columns: Columns::of(&stage1),
            ranked: std::sync::OnceLock::new(),
            stage1,
            stage2,
            threshold,
        }
    }

    /// The stage-1 trees.
    pub fn stage1(&self) -> &[Tree] {
        &self.stage1
    }

    /// Parses a weight file: `feature NAME` lines (the stage-1 feature
    /// order), `tree F:T ... | LEAF ...` lines, `s2 NAME W` lines and a
    /// `threshold T` line.
    pub fn parse(src: &str) -> Model {
        let (mut stage1, mut stage2, mut threshold) = (Vec::new(), Vec::new(), 0.5);
        let (mut n1, mut n2) = (Vec::new(), Vec::new());
        for line in src
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            if let Some(rest) = line.strip_prefix("tree ") {
                stage1.push(parse_tree(rest));
                continue;
            }
            let parts: Vec<&str> = line.split_whitespace().collect();
            match parts.as_slice() {
                ["feature", name] => n1.push(*name),
                ["s2", name, w] => {
                    n2.push(*name);
                    stage2.push(w.parse().expect("weight"));
                }
                ["threshold", t] => threshold = t.parse().expect("threshold"),
                _ => panic!("bad weight line: {line}"),
            }
        }
        assert!(
            n1.iter().eq(FEATURE_NAMES.iter()),
            "stage-1 weights do not match the feature list; retrain"
        );
        assert!(
            n2.iter().eq(STAGE2_NAMES.iter()),
            "stage-2 weights do not match the feature list; retrain"
        );
        Model::new(stage1, stage2, threshold)
    }

    pub fn to_file(&self) -> String {
        let mut s = String::from("# Learned by src/bin/train-clean.rs; do not edit by hand.\n");
        for n in FEATURE_NAMES.iter() {
            s.push_str(&format!("feature {n}\n"));
        }
        for t in &self.stage1 {
            s.push_str("tree");
            for (f, th) in t.feature.iter().zip(&t.threshold) {
                s.push_str(&format!(" {f}:{th}"));
            }
            s.push_str(" |");
            for v in &t.leaf {
                s.push_str(&format!(" {v:.5}"));
            }
            s.push('\n');
        }
        for (n, w) in STAGE2_NAMES.iter().zip(&self.stage2) {
            s.push_str(&format!("s2 {n} {w:.5}\n"));
        }
        s.push_str(&format!("threshold {:.3}\n", self.threshold));
        s
    }

    /// Stage-1 scores (logits) of a page's blocks, with their log word counts.
    pub fn stage1_scores(&self, blocks: &[Block], stats: &[LineStats]) -> (Vec<f32>, Vec<f32>) {
        let mut z = Vec::with_capacity(blocks.len());
        let mut lw = Vec::with_capacity(blocks.len());
        // A page shorter than a batch scores fewer rows on floats than a
        // batch costs.
        #[cfg(target_arch = "x86_64")]
        if blocks.len() >= ranked::BATCH && std::arch::is_x86_feature_detected!("avx2") {
            let r = self.ranked.get_or_init(|| ranked::Ranked::of(&self.stage1));
            if let Some(r) = r {
                // SAFETY: the CPU has AVX2, checked just above.
                unsafe { ranked_scores(r, blocks, stats, &mut z, &mut lw) };
                return (z, lw);
            }
        }
        for_each_block(blocks, stats, |x, rows| {
            z.extend_from_slice(&forest_block_in(&self.stage1, &self.columns, x)[..rows]);
            lw.extend_from_slice(&x[1][..rows]);
        });
        (z, lw)
    }

    /// The logit of `threshold`: a block is kept when its stage-2 logit is
    /// at least this.
    pub fn cut(&self) -> f32 {
        (self.threshold / (1.0 - self.threshold)).ln()
    }

    /// Stage-2 logits of a page's blocks.
    pub fn logits(&self, blocks: &[Block], stats: &[LineStats]) -> Vec<f32> {
        let (z, lw) = self.stage1_scores(blocks, stats);
        let groups = block_groups(blocks);
        super::stage2::logits(&self.stage2, &z, &lw, &groups)
    }

    /// Keep/drop decision per block.
    pub fn classify(&self, blocks: &[Block], stats: &[LineStats]) -> Vec<bool> {
        let cut = self.cut();
        self.logits(blocks, stats)
            .iter()
            .map(|&l| l >= cut)
            .collect()
    }
}

/// `Model::stage1_scores` with the rank-coded forest: each block of rows
/// is coded as it is built, and scored when a batch of `ranked::SLOTS`
/// blocks is full or the page ends.
///
/// # Safety
/// The CPU must support AVX2.
#[cfg(target_arch = "x86_64")]
unsafe fn ranked_scores(
    r: &ranked::Ranked,
    blocks: &[Block],
    stats: &[LineStats],
    z: &mut Vec<f32>,
    lw: &mut Vec<f32>,
) {
    let mut ranks = r.ranks();
    // Blocks in the batch, and rows in them.
    let (mut slot, mut pending) = (0, 0);
    let mut score = |ranks: &ranked::Ranks, rows: usize| {
        // SAFETY: the caller's CPU has AVX2; `ranks` is `r.ranks()`.
        let scores = unsafe { ranked::avx2::forest_batch(r, ranks) };
        z.extend_from_slice(&scores[..rows]);
    };
    for_each_block(blocks, stats, |x, rows| {
        // SAFETY: as above.
        unsafe { ranked::avx2::rank_block(r, x, &mut ranks, slot) };
        lw.extend_from_slice(&x[1][..rows]);
        slot += 1;
        pending += rows;
        if slot == ranked::SLOTS {
            score(&ranks, pending);
            (slot, pending) = (0, 0);
        }
    });
    if pending > 0 {
        score(&ranks, pending);
    }
}

fn parse_tree(src: &str) -> Tree {
    let (nodes, leaves) = src.split_once('|').expect("tree line: nodes | leaves");
    let (mut feature, mut threshold) = (Vec::new(), Vec::new());
    for node in nodes.split_whitespace() {
        let (f, th) = node.split_once(':').expect("feature:threshold");
        feature.push(f.parse().expect("feature index"));
        threshold.push(th.parse().expect("threshold"));
    }
    let leaf: Vec<f32> = leaves
        .split_whitespace()
        .map(|v| v.parse().expect("leaf"))
        .collect();
    let t = Tree {
        feature: feature.try_into().expect("tree of the wrong depth"),
        threshold: threshold.try_into().expect("tree of the wrong depth"),
        leaf: leaf.try_into().expect("tree of the wrong depth"),
    };
    assert!(
        t.feature
            .iter()
            .all(|&f| (f as usize) < FEATURE_NAMES.len().min(ROW_BUFFER)),
        "tree feature out of range"
    );
    t
}

pub static TEXT_MODEL: LazyLock<Model> =
    LazyLock::new(|| Model::parse(include_str!("../../data/clean/text.weights")));
pub static HTML_MODEL: LazyLock<Model> =
    LazyLock::new(|| Model::parse(include_str!("../../data/clean/html.weights")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_weights_load() {
        assert!(!TEXT_MODEL.stage1.is_empty() && !HTML_MODEL.stage1.is_empty());
        assert_eq!(HTML_MODEL.stage2.len(), STAGE2_NAMES.len());
    }

    #[test]
    fn tree_walks_to_the_right_leaf() {
        let t = Tree {
            feature: [1; INNER],
            threshold: [0.5; INNER],
            leaf: std::array::from_fn(|v| v as f32),
        };
        assert_eq!(t.eval(&[1.0, 0.0]), 0.0);
        assert_eq!(t.eval(&[1.0, 1.0]), INNER as f32);
    }

    /// Trees and rows from a small xorshift generator, with ties (values
    /// equal to thresholds), negative zeros and NaNs among the values.
    fn random_forest_and_block(seed: u64) -> (Vec<Tree>, RowBlock) {
        let mut state = seed;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let grid = [-1.0, -0.0, 0.0, 0.25, 0.5, 1.0, 2.0];
        let value = |n: u64| match n % 10 {
            0 => f32::NAN,
            k if k < 8 => grid[(n >> 8) as usize % grid.len()],
            _ => (n >> 16) as u16 as f32 / 1000.0 - 30.0,
        };
        let trees = (0..40)
            .map(|_| Tree {
                feature: std::array::from_fn(|_| (next() % 140) as u16),
                threshold: std::array::from_fn(|_| value(next()) * 0.9),
                leaf: std::array::from_fn(|_| value(next())),
            })
            .collect();
        let mut x = [[0f32; LANES]; ROW_BUFFER];
        for col in &mut x {
            for v in col.iter_mut() {
                *v = value(next());
            }
        }
        (trees, x)
    }

    #[test]
    fn block_scores_match_the_row_by_row_walk_bit_for_bit() {
        for seed in 1..50 {
            let (trees, x) = random_forest_and_block(seed * 0x9E37_79B9);
            let fast = forest_block(&trees, &x);
            for (lane, z) in fast.iter().enumerate() {
                let row: Vec<f32> = x.iter().map(|col| col[lane]).collect();
                let walked = trees.iter().fold(0f32, |z, t| z + t.eval(&row));
                assert_eq!(z.to_bits(), walked.to_bits(), "seed {seed} lane {lane}");
            }
            let scalar = forest_block_scalar(&trees, &x);
            assert_eq!(fast.map(f32::to_bits), scalar.map(f32::to_bits));
        }
    }

    #[test]
    fn ranked_forest_matches_the_float_forest_bit_for_bit() {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            for seed in 1..30u64 {
                let (trees, _) = random_forest_and_block(seed * 0x9E37_79B9);
                let r = ranked::Ranked::of(&trees).expect("few thresholds a feature");
                let blocks: Vec<RowBlock> = (0..ranked::SLOTS as u64)
                    .map(|k| {
                        let mut x = random_forest_and_block(seed * 31 + k + 7).1;
                        // Values equal to thresholds, in some rows.
                        for (i, t) in trees.iter().enumerate() {
                            for (&f, &th) in t.feature.iter().zip(&t.threshold) {
                                x[f as usize][(i + k as usize) % LANES] = th;
                            }
                        }
                        x
                    })
                    .collect();
                let mut ranks = r.ranks();
                for (slot, x) in blocks.iter().enumerate() {
                    // SAFETY: AVX2 checked above.
                    unsafe { ranked::avx2::rank_block(&r, x, &mut ranks, slot) };
                }
                // SAFETY: as above; `ranks` is `r.ranks()`.
                let fast = unsafe { ranked::avx2::forest_batch(&r, &ranks) };
                for (slot, x) in blocks.iter().enumerate() {
                    let want = forest_block(&trees, x);
                    for (lane, w) in want.iter().enumerate() {
                        let got = fast[slot * LANES + lane];
                        assert_eq!(got.to_bits(), w.to_bits(), "seed {seed} row {slot}/{lane}");
                    }
                }
            }
        }
    }

    #[test]
    fn list_items_between_kept_paragraphs_see_both() {
        // Paragraph, two list items, paragraph, a list with nothing after.
        let p = [0.9, 0.3, 0.4, 0.8, 0.2, 0.2];
        let lw = [3.5, 1.0, 1.2, 3.0, 1.0, 1.0];
        let (before, after) = nearest_paragraphs(&p, &lw);
        assert_eq!(before, [0.0, 0.9, 0.9, 0.9, 0.8, 0.8]);
        assert_eq!(after, [0.8, 0.8, 0.8, 0.0, 0.0, 0.0]);
    }

    #[test]
    fn kept_region_spans_the_article_and_not_the_thread_after_it() {
        // Kept paragraphs, one dropped short line among them, then a
        // dropped stretch and a kept comment.
        let p = [0.9, 0.9, 0.2, 0.9, 0.1, 0.1, 0.1, 0.1, 0.9];
        let lw = [3.0, 3.0, 1.0, 3.0, 1.0, 1.0, 1.0, 1.0, 3.0];
        let [inside, before, after] = kept_region(&p, &lw);
        assert_eq!(inside, [1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        assert_eq!(before, [0.0; 9]);
        assert_eq!(after[8], 5f32.ln_1p());
    }

    #[test]
    fn stage2_rows_have_declared_width() {
        let flat = stage2_features(&[1.0, -2.0, 3.0], &[2.0, 0.5, 3.0], &[]);
        assert_eq!(flat.len(), 3 * STAGE2_NAMES.len());
        let rows: Vec<&[f32]> = flat.chunks(STAGE2_NAMES.len()).collect();
        let min_around = STAGE2_NAMES
            .iter()
            .position(|n| *n == "min_around")
            .unwrap();
        assert!((rows[1][min_around] - 0.731).abs() < 1e-3);
    }
}
