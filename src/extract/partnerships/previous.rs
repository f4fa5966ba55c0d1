//! A relation named by a definite noun phrase in a sentence without any
//! organization ("This joint venture was wound up in May."): its
//! parties are the two organizations of the sentence just before, in the
//! same paragraph, a pronoun subject there ("The firm hoped to ...") counting
//! for the organization it stands for.

use super::arguments::Mention;
use super::references::Context;
use super::status;
use super::triggers::{Kind, Trigger};
use super::Found;
use regex::Regex;
use std::sync::LazyLock;

/// A sentence that opens with a definite relation noun as its subject
/// ("But the deal", "This licensing agreement"): up to the trigger.
static DEFINITE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?i)^(?:[\w,]+\s+)?(?:the|this|that|their)\s+(?:[a-z][\w-]*\s+)?$",
    )
    .expect("definite subject pattern")
});

/// Trigger words that name a relation (nouns), not an action.
static RELATION_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?i)(?:partnership|alliance|tie-up|deal|agreement|pact|accord|venture|collaboration|co-?operation|contract)s?$")
        .expect("relation noun pattern")
});

/// How many words may open a sentence before its pronoun subject ends.
const SUBJECT_WORDS: usize = 4;

/// The parties of the sentence read last.
#[derive(Debug, Default)]
pub struct Previous<'o> {
    parties: Vec<&'o str>,
    /// Byte offset where that sentence ends.
    end: usize,
}

impl<'o> Previous<'o> {
    /// Records the organizations of `sentence` (ending at byte `end` of the
    /// text), before `ctx` has observed it.
    pub fn observe(
        &mut self,
        ctx: &Context<'o>,
        sentence: &str,
        mentions: &[Mention<'o>],
        end: usize,
    ) {
        self.parties.clear();
        self.end = end;
        let opening = mentions.first().map_or(sentence, |m| &sentence[..m.start]);
        let head_end = opening
            .split_inclusive(' ')
            .take(SUBJECT_WORDS)
            .map(str::len)
            .sum::<usize>();
        if let Some(subject) = ctx.pronoun_subject(&opening[..head_end]) {
            self.parties.push(subject);
        }
        for m in mentions {
            if !self.parties.contains(&m.name) {
                self.parties.push(m.name);
            }
        }
    }

    /// The pair that the definite relation noun opening `sentence` (starting
    /// at byte `start` of `text`) refers to, when the sentence before in the
    /// same paragraph had exactly two parties. A sentence about one
    /// organization ("The company said the deal ...") is not about that pair.
    pub fn referenced_pair(
        &self,
        ctx: &Context<'o>,
        sentence: &str,
        triggers: &[Trigger],
        start: usize,
        text: &str,
    ) -> Option<Found> {
        let [a, b] = self.parties[..] else {
            return None;
        };
        if self.end > start || text[self.end..start].contains('\n') {
            return None;
        }
        let t = triggers.first()?;
        if !RELATION_NOUN.is_match(&sentence[t.start..t.end])
            || !DEFINITE_SUBJECT.is_match(&sentence[..t.start])
            || ctx.pronoun_subject(sentence).is_some()
        {
            return None;
        }
        let own = (t.kind != Kind::Partnership).then_some(t.kind);
        let status = status::classify(sentence, t.start..t.end);
        Some((a.to_string(), b.to_string(), 0.5, true, status, false, own))
    }
}

#[cfg(test)]
mod tests {
    use super::super::triggers::find_all;
    use super::*;

    #[test]
    fn a_definite_relation_noun_takes_the_previous_sentence_parties() {
        let text = "Acme rose. The firm had hoped to sell a drug with Globex. Yet the licensing deal expired.";
        let first = "Acme rose.";
        let second = "The firm had hoped to sell a drug with Globex.";
        let third = "Yet the licensing deal expired.";
        let mut ctx = Context::default();
        let mut prev = Previous::default();
        let acme = [Mention::of(first, "Acme")];
        prev.observe(&ctx, first, &acme, first.len());
        ctx.observe(first, &acme);
        let globex = [Mention::of(second, "Globex")];
        let second_end = text.find(third).expect("third") - 1;
        prev.observe(&ctx, second, &globex, second_end);
        let start = text.find(third).expect("third");
        let found = prev
            .referenced_pair(&ctx, third, &find_all(third, &[]), start, text)
            .expect("pair");
        assert_eq!((found.0.as_str(), found.1.as_str()), ("Acme", "Globex"));
        assert_eq!(found.6, Some(Kind::Licensing));
        assert_eq!(found.4, status::Status::Ended);
        // A sentence about one organization is not about the pair.
        let about_one = "The firm said the licensing deal expired.";
        assert!(prev
            .referenced_pair(&ctx, about_one, &find_all(about_one, &[]), start, text)
            .is_none());
        // An indefinite noun introduces a new relation, not the one before.
        let other = "Yet a licensing deal may follow.";
        assert!(prev
            .referenced_pair(&ctx, other, &find_all(other, &[]), start, text)
            .is_none());
    }

    #[test]
    fn a_new_paragraph_breaks_the_reference() {
        let text = "Acme and Globex met.\nThe deal ended.";
        let first = "Acme and Globex met.";
        let mut prev = Previous::default();
        let ms = [Mention::of(first, "Acme"), Mention::of(first, "Globex")];
        prev.observe(&Context::default(), first, &ms, first.len());
        let second = "The deal ended.";
        let start = text.find(second).expect("second");
        assert!(prev
            .referenced_pair(
                &Context::default(),
                second,
                &find_all(second, &[]),
                start,
                text
            )
            .is_none());
    }
}
