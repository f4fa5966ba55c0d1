//! Force-directed graph layout (Fruchterman–Reingold with a pull towards
//! the centre, so that separate components stay on the page). Deterministic:
//! nodes start on a sunflower spiral in input order, no randomness.

/// Position of every node in the unit square, for nodes `0..n` and
/// undirected `edges`, for a picture `aspect` times wider than high (x is
/// to be scaled by the width and y by the height). Put the most connected
/// nodes first: they start in the middle.
pub fn force_layout(n: usize, edges: &[(usize, usize)], aspect: f64) -> Vec<(f64, f64)> {
    const ITERATIONS: usize = 400;
    // Balances the repulsion of n nodes at radius ~0.7; weaker, separate
    // components drift apart, stronger, they mix.
    const GRAVITY: f64 = 2.0;
    if n == 0 {
        return Vec::new();
    }
    let golden_angle = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let r = 0.5 * ((i as f64 + 0.5) / n as f64).sqrt();
            let a = i as f64 * golden_angle;
            (r * a.cos(), r * a.sin())
        })
        .collect();
    // ForceAtlas2's degree weighting: hubs repel more and are pulled to the
    // centre more, so they spread out instead of knotting in the middle.
    let mut mass = vec![1.0; n];
    for &(u, v) in edges {
        mass[u] += 1.0;
        mass[v] += 1.0;
    }
    let mean_mass = mass.iter().sum::<f64>() / n as f64;
    for m in &mut mass {
        *m /= mean_mass;
    }
    let k = (1.0 / n as f64).sqrt();
    // A weaker pull along x stretches the cloud into an ellipse whose axes
    // have the ratio of the two pulls.
    let gravity = (GRAVITY / aspect.sqrt(), GRAVITY * aspect.sqrt());
    let min_d = k * 1e-3;
    let mut disp = vec![(0.0, 0.0); n];
    for step in 0..ITERATIONS {
        let temperature = 0.1 * (1.0 - step as f64 / ITERATIONS as f64) + 0.002;
        for ((d, p), m) in disp.iter_mut().zip(&pos).zip(&mass) {
            *d = (-gravity.0 * m * p.0, -gravity.1 * m * p.1);
        }
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d = (dx * dx + dy * dy).sqrt().max(min_d);
                let f = k * k * mass[i] * mass[j] / (d * d);
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for &(u, v) in edges {
            let (dx, dy) = (pos[u].0 - pos[v].0, pos[u].1 - pos[v].1);
            let f = (dx * dx + dy * dy).sqrt() / k;
            disp[u].0 -= dx * f;
            disp[u].1 -= dy * f;
            disp[v].0 += dx * f;
            disp[v].1 += dy * f;
        }
        for (p, d) in pos.iter_mut().zip(&disp) {
            let len = (d.0 * d.0 + d.1 * d.1).sqrt();
            if len > 0.0 {
                let s = len.min(temperature) / len;
                p.0 += d.0 * s;
                p.1 += d.1 * s;
            }
        }
    }
    fit(&mut pos, aspect);
    pos
}

/// Scales and centres the layout to fill an `aspect` × 1 rectangle, then
/// maps that rectangle to the unit square. One axis may be stretched up to
/// 1.6 times more than the other, so that a round cloud of nodes uses more
/// of a wide picture.
fn fit(pos: &mut [(f64, f64)], aspect: f64) {
    const STRETCH: f64 = 1.6;
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in pos.iter() {
        x0 = x0.min(p.0);
        x1 = x1.max(p.0);
        y0 = y0.min(p.1);
        y1 = y1.max(p.1);
    }
    let sx = aspect / (x1 - x0).max(1e-12);
    let sy = 1.0 / (y1 - y0).max(1e-12);
    let s = sx.min(sy);
    let (sx, sy) = (sx.min(s * STRETCH), sy.min(s * STRETCH));
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    for p in pos.iter_mut() {
        *p = (0.5 + (p.0 - cx) * sx / aspect, 0.5 + (p.1 - cy) * sy);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(a: (f64, f64), b: (f64, f64)) -> f64 {
        ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
    }

    #[test]
    fn deterministic_and_in_unit_square() {
        let edges: Vec<(usize, usize)> = (1..30).map(|i| (i / 3, i)).collect();
        let a = force_layout(30, &edges, 1.5);
        assert_eq!(a, force_layout(30, &edges, 1.5));
        assert!(a
            .iter()
            .all(|p| (0.0..=1.0).contains(&p.0) && (0.0..=1.0).contains(&p.1)));
    }

    #[test]
    fn linked_nodes_end_closer_than_unlinked_ones() {
        // Two triangles, not connected to each other.
        let edges = [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)];
        let p = force_layout(6, &edges, 1.0);
        let within = dist(p[0], p[1]).max(dist(p[3], p[4]));
        let across = dist(p[0], p[3]).min(dist(p[1], p[4]));
        assert!(within < across, "within {within} across {across}");
    }

    #[test]
    fn spreads_nodes_apart() {
        let p = force_layout(50, &[], 1.0);
        for i in 0..50 {
            for j in i + 1..50 {
                assert!(dist(p[i], p[j]) > 0.02, "{i} and {j} overlap");
            }
        }
    }

    #[test]
    fn fills_a_wide_picture() {
        let p = force_layout(60, &[], 2.0);
        let span = |f: fn(&(f64, f64)) -> f64| {
            let v: Vec<f64> = p.iter().map(f).collect();
            v.iter().cloned().fold(f64::MIN, f64::max) - v.iter().cloned().fold(f64::MAX, f64::min)
        };
        // Both axes mostly used: the cloud has the picture's shape.
        assert!(span(|q| q.0) > 0.8 && span(|q| q.1) > 0.8);
    }

    #[test]
    fn handles_tiny_graphs() {
        assert!(force_layout(0, &[], 1.0).is_empty());
        assert_eq!(force_layout(1, &[], 1.0), vec![(0.5, 0.5)]);
    }
}
