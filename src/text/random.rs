//! Deterministic pseudo-random numbers and texts for tests: synthetic runs,
//! and hand-written scanners compared with the patterns they replace.

/// A linear congruential generator (Knuth's MMIX constants).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn step(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        ((self.step() >> 33) % n as u64) as usize
    }
}

/// `count` texts of 1 to `max_pieces` pieces drawn from `pieces`, each piece
/// followed by a space half the time.
pub fn texts(pieces: &[&str], count: usize, max_pieces: usize, seed: u64) -> Vec<String> {
    let mut rng = Lcg(seed);
    (0..count)
        .map(|_| {
            let mut s = String::new();
            for _ in 0..=rng.below(max_pieces) {
                s.push_str(pieces[rng.below(pieces.len())]);
                if rng.step() & 1 == 0 {
                    s.push(' ');
                }
            }
            s
        })
        .collect()
}
