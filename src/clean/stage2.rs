//! Stage-2 logits of a page's lines, a feature at a time over all lines:
//! the same sums as the dot product of each `for_each_stage2_row` row with
//! the weights, bit for bit (each line still adds its terms in row order),
//! in loops over lines the compiler vectorizes.

/// `dot(w, row)` of the stage-2 row of every line of a page, from the
/// stage-1 scores `z` and log word counts.
pub fn logits(w: &[f32], z: &[f32], log_words: &[f32]) -> Vec<f32> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        return unsafe { logits_avx2(w, z, log_words) };
    }
    logits_in(w, z, log_words)
}

/// `logits` compiled for AVX2: its loops take eight lines at a time. Each
/// operation is the same per line (no fused or reordered arithmetic), so
/// the same bits.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn logits_avx2(w: &[f32], z: &[f32], log_words: &[f32]) -> Vec<f32> {
    logits_in(w, z, log_words)
}

/// The body of `logits`, inlined into both of its builds.
#[inline(always)]
fn logits_in(w: &[f32], z: &[f32], log_words: &[f32]) -> Vec<f32> {
    assert_eq!(w.len(), super::model::STAGE2_NAMES.len());
    let n = z.len();
    // What `Iterator::sum` starts from, so each line's total is its fold.
    let zero: f32 = std::iter::empty::<f32>().sum();
    let p: Vec<f32> = z.iter().map(|&v| 1.0 / (1.0 + (-v).exp())).collect();
    let zc: Vec<f32> = z.iter().map(|v| v.clamp(-8.0, 8.0)).collect();
    let mut acc = vec![zero; n];
    let add = |acc: &mut [f32], w: f32, col: &[f32]| {
        for (a, &x) in acc.iter_mut().zip(col) {
            *a += w * x;
        }
    };
    let (mut col, mut p_p1, mut p_n1) = (vec![0f32; n], vec![0f32; n], vec![0f32; n]);
    acc.iter_mut().for_each(|a| *a += w[0] * 1.0);
    add(&mut acc, w[1], &zc);
    add(&mut acc, w[2], &p);
    shifted(&p, -1, &mut p_p1);
    shifted(&p, 1, &mut p_n1);
    add(&mut acc, w[3], &p_p1);
    add(&mut acc, w[4], &p_n1);
    for (k, d) in [(5, -2), (6, 2), (7, -3), (8, 3)] {
        shifted(&p, d, &mut col);
        add(&mut acc, w[k], &col);
    }
    // The highest score of the five lines before, and after (0 if none):
    // `max` is exact, so taking it a distance at a time changes nothing.
    col.iter_mut().for_each(|c| *c = 0.0);
    for d in 1..=5.min(n) {
        for (c, &x) in col[d..].iter_mut().zip(&p) {
            *c = c.max(x);
        }
    }
    add(&mut acc, w[9], &col);
    col.iter_mut().for_each(|c| *c = 0.0);
    for d in 1..=5.min(n) {
        for (c, &x) in col.iter_mut().zip(&p[d..]) {
            *c = c.max(x);
        }
    }
    add(&mut acc, w[10], &col);
    // min_around, kept in `p_p1`.
    for (a, &b) in p_p1.iter_mut().zip(&p_n1) {
        *a = a.min(b);
    }
    let min_around = p_p1;
    add(&mut acc, w[11], &min_around);
    window_sums(&p, 10, zero, &mut col);
    for (i, c) in col.iter_mut().enumerate() {
        *c /= ((i + 11).min(n) - i.saturating_sub(10)) as f32;
    }
    add(&mut acc, w[12], &col);
    // Lines with p > 0.5 before each line: a window's count is a difference.
    let mut above = Vec::with_capacity(n + 1);
    above.push(0u32);
    for &v in &p {
        above.push(above[above.len() - 1] + (v > 0.5) as u32);
    }
    for (i, c) in col.iter_mut().enumerate() {
        let (from, to) = (i.saturating_sub(10), (i + 11).min(n));
        *c = (above[to] - above[from]) as f32 / (to - from) as f32;
    }
    add(&mut acc, w[13], &col);
    add(&mut acc, w[14], log_words);
    for (c, &l) in col.iter_mut().zip(log_words) {
        *c = (l < 2.0) as u8 as f32;
    }
    add(&mut acc, w[15], &col);
    for (c, &m) in col.iter_mut().zip(&min_around) {
        *c *= m;
    }
    add(&mut acc, w[16], &col);
    shifted(&zc, -1, &mut col);
    add(&mut acc, w[17], &col);
    shifted(&zc, 1, &mut col);
    add(&mut acc, w[18], &col);
    // The seven scores around each line, over 7 even where fewer exist.
    window_sums(&zc, 3, zero, &mut col);
    col.iter_mut().for_each(|c| *c /= 7.0);
    add(&mut acc, w[19], &col);
    acc
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

/// `out[i]`: the sum, from `zero` in line order, of `src` over the lines
/// within `r` of line `i`. All lines are summed side by side, a distance at
/// a time; a line skips the distances past an edge of the page, as its own
/// shorter window would.
#[inline(always)]
fn window_sums(src: &[f32], r: usize, zero: f32, out: &mut [f32]) {
    let n = src.len();
    out.iter_mut().for_each(|o| *o = zero);
    for k in (1..=r.min(n)).rev() {
        for (o, &x) in out[k..].iter_mut().zip(src) {
            *o += x;
        }
    }
    for k in 0..=r.min(n) {
        for (o, &x) in out.iter_mut().zip(&src[k..]) {
            *o += x;
        }
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
        for n in (0..30).chain([57, 200]) {
            for _ in 0..20 {
                let w: Vec<f32> = (0..STAGE2_NAMES.len()).map(|_| value(3.0)).collect();
                let z: Vec<f32> = (0..n).map(|_| value(12.0)).collect();
                let lw: Vec<f32> = (0..n).map(|_| value(2.0) + 2.0).collect();
                let rows = stage2_features(&z, &lw);
                let want: Vec<u32> = rows
                    .chunks_exact(STAGE2_NAMES.len())
                    .map(|r| dot(&w, r).to_bits())
                    .collect();
                let got: Vec<u32> = logits(&w, &z, &lw).iter().map(|v| v.to_bits()).collect();
                assert_eq!(got, want, "{n} lines");
            }
        }
    }
}
