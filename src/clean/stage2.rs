//! Stage-2 logits of a page's lines, a feature at a time over all lines:
//! the same sums as the dot product of each `for_each_stage2_row` row with
//! the weights, bit for bit (each line still adds its terms in row order),
//! in loops over lines the compiler vectorizes.

use super::model::{
    between_paragraphs, kept_region_column, kept_span, nearest_paragraphs_into, S2_BASE,
};
use super::stage2_groups::{group_columns, BlockGroups};

/// `dot(w, row)` of the stage-2 row of every line of a page, from the
/// stage-1 scores `z` and log word counts.
pub fn logits(w: &[f32], z: &[f32], log_words: &[f32], groups: &[BlockGroups]) -> Vec<f32> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        return unsafe { logits_avx2(w, z, log_words, groups) };
    }
    logits_in(w, z, log_words, groups)
}

/// `logits` compiled for AVX2: its loops take eight lines at a time. Each
/// operation is the same per line (no fused or reordered arithmetic), so
/// the same bits.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn logits_avx2(w: &[f32], z: &[f32], log_words: &[f32], groups: &[BlockGroups]) -> Vec<f32> {
    logits_in(w, z, log_words, groups)
}

/// Columns are padded to a multiple of this many lines: the compiler's
/// vector loops take 32 lines a turn and leave the rest to a loop of one
/// line at a time, which on a page of 20 or 30 lines would be all of it.
const STRIDE: usize = 32;

/// Lines of padding before and after the scores, so a window of up to this
/// many lines before or after a line reads padding past the page's edges.
const EDGE: usize = 16;

/// The body of `logits`, inlined into both of its builds. Every column has
/// `STRIDE`-padded length; the padding lanes compute values never read back
/// into a line's lanes, and are dropped at the end.
#[inline(always)]
fn logits_in(w: &[f32], z: &[f32], log_words: &[f32], groups: &[BlockGroups]) -> Vec<f32> {
    assert_eq!(w.len(), super::model::STAGE2_NAMES.len());
    let n = z.len();
    let m = n.next_multiple_of(STRIDE);
    // What `Iterator::sum` starts from, so each line's total is its fold.
    let zero: f32 = std::iter::empty::<f32>().sum();
    // Every column in one allocation: three padded ones, four of `m` lines.
    let wide = m + 2 * EDGE;
    let mut columns = vec![0f32; 3 * wide + 4 * m];
    let (p_sum, rest) = columns.split_at_mut(wide);
    let (zc_sum, rest) = rest.split_at_mut(wide);
    let (p_max, rest) = rest.split_at_mut(wide);
    let (col, rest) = rest.split_at_mut(m);
    let (p_p1, rest) = rest.split_at_mut(m);
    let (p_n1, lw) = rest.split_at_mut(m);
    // The scores with `EDGE` lines of `fill` on each side: `-0.0` adds
    // nothing to a sum, and no maximum is below `-inf`.
    padded(p_sum, z, -0.0, |v| 1.0 / (1.0 + (-v).exp()));
    padded(zc_sum, z, -0.0, |v| v.clamp(-8.0, 8.0));
    p_max.copy_from_slice(p_sum);
    p_max[..EDGE].fill(f32::NEG_INFINITY);
    p_max[EDGE + n..].fill(f32::NEG_INFINITY);
    let (p_sum, zc_sum, p_max) = (&*p_sum, &*zc_sum, &*p_max);
    // A padded column's lines shifted by `d`: line i reads line i + d.
    let at = |d: isize| -> std::ops::Range<usize> {
        let from = (EDGE as isize + d) as usize;
        from..from + m
    };
    let (p, zc) = (&p_sum[at(0)], &zc_sum[at(0)]);
    let mut acc = vec![zero; m];
    let add = |acc: &mut [f32], w: f32, col: &[f32]| each(acc, col, |a, x| a + w * x);
    acc.iter_mut().for_each(|a| *a += w[0] * 1.0);
    add(&mut acc, w[1], zc);
    add(&mut acc, w[2], p);
    shifted(&p[..n], -1, &mut p_p1[..n]);
    shifted(&p[..n], 1, &mut p_n1[..n]);
    add(&mut acc, w[3], p_p1);
    add(&mut acc, w[4], p_n1);
    for (k, d) in [(5, -2), (6, 2), (7, -3), (8, 3)] {
        shifted(&p[..n], d, &mut col[..n]);
        add(&mut acc, w[k], col);
    }
    // The highest score of the five lines before, and after (0 if none):
    // `max` is exact, so taking it a distance at a time changes nothing.
    col.fill(0.0);
    for d in 1..=5.min(n) as isize {
        each(col, &p_max[at(-d)], f32::max);
    }
    add(&mut acc, w[9], col);
    col.fill(0.0);
    for d in 1..=5.min(n) as isize {
        each(col, &p_max[at(d)], f32::max);
    }
    add(&mut acc, w[10], col);
    // min_around, kept in `p_p1`.
    each(p_p1, p_n1, f32::min);
    let min_around = p_p1;
    add(&mut acc, w[11], min_around);
    window_sums(p_sum, n, 10, zero, col);
    for (i, c) in col[..n].iter_mut().enumerate() {
        *c /= ((i + 11).min(n) - i.saturating_sub(10)) as f32;
    }
    add(&mut acc, w[12], col);
    // Lines with p > 0.5 before each line: a window's count is a difference.
    let mut above = Vec::with_capacity(n + 1);
    above.push(0u32);
    for &v in &p[..n] {
        above.push(above[above.len() - 1] + (v > 0.5) as u32);
    }
    for (i, c) in col[..n].iter_mut().enumerate() {
        let (from, to) = (i.saturating_sub(10), (i + 11).min(n));
        *c = (above[to] - above[from]) as f32 / (to - from) as f32;
    }
    add(&mut acc, w[13], col);
    lw[..n].copy_from_slice(log_words);
    add(&mut acc, w[14], lw);
    each(col, lw, |_, l| (l < 2.0) as u8 as f32);
    add(&mut acc, w[15], col);
    each(col, min_around, |c, m| c * m);
    add(&mut acc, w[16], col);
    shifted(&zc[..n], -1, &mut col[..n]);
    add(&mut acc, w[17], col);
    shifted(&zc[..n], 1, &mut col[..n]);
    add(&mut acc, w[18], col);
    // The seven scores around each line, over 7 even where fewer exist.
    window_sums(zc_sum, n, 3, zero, col);
    col.iter_mut().for_each(|c| *c /= 7.0);
    add(&mut acc, w[19], col);
    // The nearest paragraphs before and after, in the columns `min_around`
    // and `p_n1` held (read for the last time above).
    let (before, after) = (min_around, p_n1);
    nearest_paragraphs_into(&p[..n], &lw[..n], &mut before[..n], &mut after[..n]);
    add(&mut acc, w[20], before);
    add(&mut acc, w[21], after);
    for (i, c) in col[..n].iter_mut().enumerate() {
        *c = between_paragraphs(lw[i], before[i], after[i]);
    }
    add(&mut acc, w[22], col);
    let span = kept_span(&p[..n], &lw[..n]);
    for k in 0..3 {
        kept_region_column(span, k, &mut col[..n]);
        add(&mut acc, w[23 + k], col);
    }
    // The group columns, absent (all zero) without groups.
    let cols = group_columns(&p[..n], groups);
    for (k, c) in cols.chunks_exact(n.max(1)).enumerate() {
        add(&mut acc, w[S2_BASE + k], c);
    }
    acc.truncate(n);
    acc
}

/// `out`: `f` of each value of `v`, after `EDGE` lines of `fill` and
/// before the rest of `out` filled with it.
#[inline(always)]
fn padded(out: &mut [f32], v: &[f32], fill: f32, f: impl Fn(f32) -> f32) {
    out.fill(fill);
    for (o, &x) in out[EDGE..].iter_mut().zip(v) {
        *o = f(x);
    }
}

/// `out[i] = f(out[i], src[i])`.
#[inline(always)]
fn each(out: &mut [f32], src: &[f32], f: impl Fn(f32, f32) -> f32) {
    for (o, &s) in out.iter_mut().zip(src) {
        *o = f(*o, s);
    }
}

/// `out[i] = src[i + d]`, or `src[i]` where that is past an edge of the page.
#[inline(always)]
fn shifted(src: &[f32], d: isize, out: &mut [f32]) {
    let n = src.len();
    let k = d.unsigned_abs().min(n);
    if d < 0 {
        out[..k].copy_from_slice(&src[..k]);
        out[k..].copy_from_slice(&src[..n - k]);
    } else {
        out[..n - k].copy_from_slice(&src[k..]);
        out[n - k..].copy_from_slice(&src[n - k..]);
    }
}

/// `out[i]`: the sum, from `zero` in line order, of the `n` lines of the
/// padded column `src` within `r` (at most `EDGE`) of line `i`. All lines
/// are summed side by side, a distance at a time; past an edge of the page
/// a line adds the padding's `-0.0`, which leaves a sum as it is, as its own
/// shorter window would.
#[inline(always)]
fn window_sums(src: &[f32], n: usize, r: usize, zero: f32, out: &mut [f32]) {
    debug_assert!(r <= EDGE);
    let m = out.len();
    out.fill(zero);
    let add = |out: &mut [f32], d: isize| {
        let from = (EDGE as isize + d) as usize;
        each(out, &src[from..from + m], |o, x| o + x);
    };
    for k in (1..=r.min(n)).rev() {
        add(out, -(k as isize));
    }
    for k in 0..=r.min(n) {
        add(out, k as isize);
    }
}

#[cfg(test)]
mod tests {
    use super::super::model::{dot, stage2_features, STAGE2_NAMES};
    use super::*;

    #[test]
    fn logits_are_the_row_dot_products_bit_for_bit() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut value = move |scale: f32| (next() % 20_001) as f32 / 10_000.0 * scale - scale;
        for n in (0..70).chain([200]) {
            for _ in 0..20 {
                let w: Vec<f32> = (0..STAGE2_NAMES.len()).map(|_| value(3.0)).collect();
                let z: Vec<f32> = (0..n).map(|_| value(12.0)).collect();
                let lw: Vec<f32> = (0..n).map(|_| value(2.0) + 2.0).collect();
                // Text (no groups) and HTML blocks in a few groups.
                let html: Vec<BlockGroups> = (0..n)
                    .map(|_| ((value(2.0) + 2.0) as u32, (value(3.0) + 3.0) as u32))
                    .collect();
                for groups in [&[][..], &html] {
                    let rows = stage2_features(&z, &lw, groups);
                    let want: Vec<u32> = rows
                        .chunks_exact(STAGE2_NAMES.len())
                        .map(|r| dot(&w, r).to_bits())
                        .collect();
                    let bits = |v: Vec<f32>| v.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
                    assert_eq!(bits(logits(&w, &z, &lw, groups)), want, "{n} lines");
                    let plain = bits(logits_in(&w, &z, &lw, groups));
                    assert_eq!(plain, want, "{n} lines, without AVX2");
                }
            }
        }
    }
}
