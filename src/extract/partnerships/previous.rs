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
use crate::text::pattern::Matcher;
use regex_automata::meta;
use std::sync::LazyLock;

/// A sentence that opens with a definite relation noun as its subject
/// ("But the deal", "This licensing agreement"): up to the trigger.
static DEFINITE_SUBJECT: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"(?i)^(?:[\w,]+\s+)?(?:the|this|that|their)\s+(?:[a-z][\w-]*\s+)?$")
        .expect("definite subject pattern")
});

/// Trigger words that name a relation (nouns), not an action.
static RELATION_NOUN: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(r"(?i)(?:partnership|alliance|tie-up|deal|agreement|pact|accord|venture|collaboration|co-?operation|contract)s?$")
        .expect("relation noun pattern")
});

/// How many words may open a sentence before its pronoun subject ends.
const SUBJECT_WORDS: usize = 4;

/// The sentence read last, kept to name its parties only when a later
/// sentence asks: most sentences are followed by none that does, and the
/// pronoun subject costs a regex search (and a name guess) per sentence.
#[derive(Debug, Default)]
pub struct Previous<'o> {
    sentence: &'o str,
    /// Its distinct organization names, in text order.
    names: Vec<&'o str>,
    /// Where its first organization mention starts.
    first_mention: usize,
    /// The context before that sentence was observed, which its pronoun
    /// subject stands for.
    ctx: Context<'o>,
    /// Byte offset where that sentence ends.
    end: usize,
}

impl<'o> Previous<'o> {
    /// Records the organizations of `sentence` (ending at byte `end` of the
    /// text), before `ctx` has observed it.
    pub fn observe(
        &mut self,
        ctx: &Context<'o>,
        sentence: &'o str,
        mentions: &[Mention<'o>],
        end: usize,
    ) {
        self.sentence = sentence;
        self.names.clear();
        for m in mentions {
            if !self.names.contains(&m.name) {
                self.names.push(m.name);
            }
        }
        self.first_mention = mentions.first().map_or(sentence.len(), |m| m.start);
        // Only one or two names can make a pair with the pronoun subject.
        if matches!(self.names.len(), 1 | 2) {
            self.ctx.clone_from(ctx);
        }
        self.end = end;
    }

    /// The two parties of the sentence read last, when it had exactly two:
    /// a pronoun subject among its first words, then its organizations.
    fn pair(&self) -> Option<(&'o str, &'o str)> {
        if !matches!(self.names.len(), 1 | 2) {
            return None;
        }
        let opening = &self.sentence[..self.first_mention];
        let head_end = opening
            .split_inclusive(' ')
            .take(SUBJECT_WORDS)
            .map(str::len)
            .sum::<usize>();
        let subject = self.ctx.pronoun_subject(&opening[..head_end]);
        match (subject, &self.names[..]) {
            (None, &[a, b]) => Some((a, b)),
            (Some(s), &[a, b]) if s == a => Some((a, b)),
            (Some(s), &[a, b]) if s == b => Some((b, a)),
            (Some(s), &[b]) if s != b => Some((s, b)),
            _ => None,
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
        let (a, b) = self.pair()?;
        let own = (t.kind != Kind::Partnership).then_some(t.kind);
        let status = status::classify(&sentence.to_ascii_lowercase(), t.start..t.end);
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
    fn a_pronoun_subject_named_again_leads_the_pair() {
        let first = "Acme rose.";
        let second = "It worked with Globex and Acme.";
        let third = "The deal ended.";
        let text = format!("{first} {second} {third}");
        let mut ctx = Context::default();
        let mut prev = Previous::default();
        let acme = [Mention::of(first, "Acme")];
        prev.observe(&ctx, first, &acme, first.len());
        ctx.observe(first, &acme);
        let both = [Mention::of(second, "Globex"), Mention::of(second, "Acme")];
        let second_end = text.find(third).expect("third") - 1;
        prev.observe(&ctx, second, &both, second_end);
        let start = text.find(third).expect("third");
        let found = prev
            .referenced_pair(&ctx, third, &find_all(third, &[]), start, &text)
            .expect("pair");
        assert_eq!((found.0.as_str(), found.1.as_str()), ("Acme", "Globex"));
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
