//! The HTML-only stage-2 columns: what stage 1 makes of the other blocks of
//! a block's groups, its path of element names and classes and its
//! container. Template items (product cards, teaser rows) repeat a path and
//! go together; an article's paragraphs share one too and stay together.
//! A text dump has no groups: its columns are absent (zero weights).

use super::features::Block;

/// The number of group columns, the last of `STAGE2_NAMES`.
pub const GROUPS: usize = 7;

/// A block's groups: its path number and its container number.
pub type BlockGroups = (u32, u32);

/// The groups of a page's blocks; empty for a text dump (or any block
/// without markup hints).
pub fn block_groups(blocks: &[Block]) -> Vec<BlockGroups> {
    let groups: Vec<BlockGroups> = blocks
        .iter()
        .map_while(|b| b.html.map(|h| (h.path, h.container)))
        .collect();
    if groups.len() == blocks.len() {
        groups
    } else {
        Vec::new()
    }
}

/// Stage-1 probabilities of one group's blocks.
#[derive(Clone, Copy)]
struct Tally {
    blocks: u32,
    sum: f32,
    kept: u32,
    /// The two highest probabilities and the two lowest.
    max: [f32; 2],
    min: [f32; 2],
}

impl Default for Tally {
    fn default() -> Self {
        Tally {
            blocks: 0,
            sum: 0.0,
            kept: 0,
            max: [f32::NEG_INFINITY; 2],
            min: [f32::INFINITY; 2],
        }
    }
}

impl Tally {
    fn add(&mut self, p: f32) {
        self.blocks += 1;
        self.sum += p;
        self.kept += (p > 0.5) as u32;
        if p > self.max[0] {
            self.max = [p, self.max[0]];
        } else if p > self.max[1] {
            self.max[1] = p;
        }
        if p < self.min[0] {
            self.min = [p, self.min[0]];
        } else if p < self.min[1] {
            self.min[1] = p;
        }
    }

    /// Mean, highest, lowest and kept share of the group's blocks but one
    /// of probability `p`; a block alone in its group sees itself.
    fn others(&self, p: f32) -> [f32; 4] {
        if self.blocks < 2 {
            return [p, p, p, (p > 0.5) as u8 as f32];
        }
        let n = (self.blocks - 1) as f32;
        let max = if p == self.max[0] {
            self.max[1]
        } else {
            self.max[0]
        };
        let min = if p == self.min[0] {
            self.min[1]
        } else {
            self.min[0]
        };
        let kept = self.kept - (p > 0.5) as u32;
        [(self.sum - p) / n, max, min, kept as f32 / n]
    }
}

/// The tallies of the groups `key` numbers, from the probabilities `p`.
fn tallies(p: &[f32], groups: &[BlockGroups], key: fn(BlockGroups) -> u32) -> Vec<Tally> {
    let count = groups
        .iter()
        .map(|&g| key(g) as usize + 1)
        .max()
        .unwrap_or(0);
    let mut t = vec![Tally::default(); count];
    for (&v, &g) in p.iter().zip(groups) {
        t[key(g) as usize].add(v);
    }
    t
}

/// The group columns of a page's blocks from their stage-1 probabilities
/// `p`, column after column (`GROUPS` columns of `p.len()` values); empty
/// without groups.
pub fn group_columns(p: &[f32], groups: &[BlockGroups]) -> Vec<f32> {
    let n = p.len();
    if groups.len() != n || n == 0 {
        return Vec::new();
    }
    let paths = tallies(p, groups, |g| g.0);
    let containers = tallies(p, groups, |g| g.1);
    let mut out = vec![0f32; GROUPS * n];
    for (i, (&v, &(path, container))) in p.iter().zip(groups).enumerate() {
        let a = paths[path as usize].others(v);
        let [mean, max, _, kept] = containers[container as usize].others(v);
        for (k, x) in a.into_iter().chain([mean, max, kept]).enumerate() {
            out[k * n + i] = x;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_sees_the_other_blocks_of_its_groups() {
        // Three teasers on one path in one container, then two paragraphs
        // on another path in another container.
        let p = [0.2, 0.1, 0.3, 0.9, 0.7];
        let groups = [(0, 0), (0, 0), (0, 0), (1, 1), (1, 1)];
        let cols = group_columns(&p, &groups);
        let names = super::super::model::STAGE2_NAMES;
        let group_names = &names[names.len() - GROUPS..];
        let col = |name| {
            let k = group_names.iter().position(|n| *n == name).unwrap();
            &cols[k * p.len()..(k + 1) * p.len()]
        };
        assert!((col("path_mean_other")[0] - 0.2).abs() < 1e-6);
        assert_eq!(col("path_max_other"), [0.3, 0.3, 0.2, 0.7, 0.9]);
        assert_eq!(col("path_min_other"), [0.1, 0.2, 0.1, 0.7, 0.9]);
        assert_eq!(col("path_kept_other"), [0.0, 0.0, 0.0, 1.0, 1.0]);
        assert_eq!(col("container_max_other")[4], 0.9);
        // A block alone in its groups sees itself.
        let alone = group_columns(&[0.8], &[(0, 0)]);
        assert_eq!(alone, [0.8, 0.8, 0.8, 1.0, 0.8, 0.8, 1.0]);
        assert!(group_columns(&p, &[]).is_empty());
    }
}
