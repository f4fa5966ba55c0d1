//! Document-level votes for the second tagging pass: how the first pass
//! tagged the other capitalized occurrences of each word in the same
//! document. A club named "Rotor" in the body makes "ROTOR" in the
//! all-caps headline an organization too.

use super::features::{Prepared, N_TAGS, O};

/// The first pass's verdict on the other occurrences of one token's word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Vote {
    /// Most frequent tag among the other capitalized occurrences, or [`Vote::NONE`].
    pub top: u8,
    /// Bit `e` set when some other occurrence was tagged as entity type `e`
    /// (bit 4: some occurrence was left outside any entity).
    pub types: u8,
}

impl Vote {
    /// No other capitalized occurrence in the document.
    pub const NONE: u8 = 15;
    pub const EMPTY: Vote = Vote {
        top: Vote::NONE,
        types: 0,
    };
}

/// One vote per token of `p`, from the first-pass `tags` of the whole document.
pub fn collect(p: &Prepared, tags: &[u8]) -> Vec<Vote> {
    // Only capitalized occurrences vote and get a vote: the others are
    // skipped, by the list of capitalized tokens.
    // Tag counts of the capitalized occurrences, by word.
    let mut counts = vec![[0u16; N_TAGS]; p.n_words];
    // Capitalized occurrences by word: a word written so once has no other to vote.
    let mut capitalized = vec![0u8; p.n_words];
    for &k in &p.upper {
        let (w, tag) = (p.word[k as usize] as usize, tags[k as usize]);
        counts[w][tag as usize] += 1;
        capitalized[w] = capitalized[w].saturating_add(1);
    }
    // Most words are tagged alike wherever they occur: a word's vote is
    // counted once per tag of the occurrence that asks (`NO_TAG`: not yet).
    let mut by_tag = vec![(NO_TAG, Vote::EMPTY); p.n_words];
    let mut votes = vec![Vote::EMPTY; tags.len()];
    for &k in &p.upper {
        let (w, tag) = (p.word[k as usize] as usize, tags[k as usize]);
        if capitalized[w] == 1 {
            continue;
        }
        if by_tag[w].0 != tag {
            by_tag[w] = (tag, vote_of_others(counts[w], tag));
        }
        votes[k as usize] = by_tag[w].1;
    }
    votes
}

/// No tag: [`collect`]'s mark of a word whose vote is not counted yet.
const NO_TAG: u8 = u8::MAX;

/// The vote of the other capitalized occurrences of a word whose tag
/// counts are `counts`, one of them tagged `tag`.
fn vote_of_others(mut counts: [u16; N_TAGS], tag: u8) -> Vote {
    counts[tag as usize] -= 1;
    let (mut top, mut best, mut types) = (Vote::NONE, 0, 0u8);
    for (t, &n) in counts.iter().enumerate() {
        if n == 0 {
            continue;
        }
        types |= if t as u8 == O { 16 } else { 1 << ((t - 1) / 2) };
        if n > best || (n == best && t as u8 != O) {
            (top, best) = (t as u8, n);
        }
    }
    Vote { top, types }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    #[test]
    fn other_occurrences_vote_case_insensitively() {
        let doc = Document::new("ROTOR WIN .\nRotor beat Alania .\nRotor won again .");
        let p = Prepared::new(&doc, &[]);
        let mut tags = vec![O; p.tokens.len()];
        tags[3] = 1; // Rotor: B-ORG
        tags[5] = 5; // Alania: B-LOC
        tags[7] = 1; // Rotor: B-ORG
        let v = collect(&p, &tags);
        assert_eq!(
            v[0],
            Vote { top: 1, types: 1 },
            "ROTOR gets both body votes"
        );
        assert_eq!(v[3], Vote { top: 1, types: 17 }, "an entity wins a tie");
        assert_eq!(v[5].top, Vote::NONE, "Alania occurs once");
        assert_eq!(v[4], Vote::EMPTY, "lower-case words do not vote");
    }
}
