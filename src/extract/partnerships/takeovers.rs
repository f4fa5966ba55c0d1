//! Organizations an article reports in an acquisition, merger or stake
//! purchase: a generic "deal", "agreement" or "talks" between the same two
//! is that transaction, not a partnership.

use super::arguments::Mention;
use super::lexicon;
use crate::text::pattern::Matcher;
use std::sync::LazyLock;

/// Built without a prefilter: its literals in every case cost 5M
/// instructions to extract, four fifths of the build.
static TAKEOVER: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"(?i)(?-u:\b)(?:acquir(?:e|ed|es|ing)|acquisitions?|takeovers?|take over|buy(?:s|ing)?|bought|purchas(?:e|ed|es|ing)|merg(?:e|ed|es|ing|er|ers)|bid for|offer for|stake in|buy-?out)(?-u:\b)")
        .expect("takeover pattern")
});

/// A trigger word that names any transaction, not a cooperation.
const GENERIC: &[&str] = &[
    "deal",
    "deals",
    "agreement",
    "agreements",
    "pact",
    "pacts",
    "accord",
    "accords",
    "talks with",
    "in talks with",
    "negotiations with",
];

/// The pairs of organizations named together in a takeover sentence.
#[derive(Debug, Default)]
pub struct Takeovers<'o>(Vec<(&'o str, &'o str)>);

impl<'o> Takeovers<'o> {
    /// Records the organizations of `sentence` when it reports a takeover.
    pub fn observe(&mut self, sentence: &str, mentions: &[Mention<'o>]) {
        if mentions.len() < 2 || !TAKEOVER.is_match(sentence) {
            return;
        }
        for (i, a) in mentions.iter().enumerate() {
            for b in &mentions[i + 1..] {
                if a.name != b.name && !self.involves(a.name, b.name) {
                    self.0.push((a.name, b.name));
                }
            }
        }
    }

    /// The article reports a takeover between `a` and `b`.
    pub fn involves(&self, a: &str, b: &str) -> bool {
        self.0
            .iter()
            .any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
    }
}

/// The trigger only says there is a transaction ("the deal", "talks with").
pub fn is_generic(trigger: &str) -> bool {
    lexicon::is_one_of(trigger, GENERIC)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(name: &str) -> Mention<'_> {
        Mention {
            start: 0,
            end: 0,
            name,
            guessed: false,
        }
    }

    #[test]
    fn takeover_sentences_record_their_pairs() {
        let mut t = Takeovers::default();
        t.observe(
            "Acme agreed to buy Globex for $2bn.",
            &[m("Acme"), m("Globex")],
        );
        t.observe(
            "Initech and Umbrella signed a deal.",
            &[m("Initech"), m("Umbrella")],
        );
        assert!(t.involves("Globex", "Acme"));
        assert!(!t.involves("Initech", "Umbrella"));
        assert!(is_generic("deal") && is_generic("talks with") && !is_generic("alliance"));
    }
}
