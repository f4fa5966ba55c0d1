//! Noun phrases that name a speaker, read off a token window around a
//! reporting verb: the subject before it ("Jane Doe, the chief executive,
//! said"), the name after it ("said Jane Doe, a spokeswoman"), or a pronoun.

use super::lexicon::{
    is_abbreviation, is_between, is_capitalized, is_determiner, is_intro_word, is_not_after_verb,
    is_pronoun, is_reporting,
};
use crate::text::Token;
use std::ops::Range;

/// A speaker mention: the words naming it and an appositive role, as byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Range<usize>,
    pub role: Option<Range<usize>>,
}

impl Mention {
    /// Where the mention ends, its role included.
    pub fn end(&self) -> usize {
        self.role.as_ref().map_or(self.span.end, |r| r.end)
    }

    /// The words name nobody: a sentence opener taken for a subject
    /// ("That’s why", "There is", "Both houses", "But he").
    pub fn names_nobody(&self, text: &str) -> bool {
        let first = text[self.span.clone()].split(' ').next().unwrap_or("");
        matches!(
            first,
            "That"
                | "That's"
                | "That’s"
                | "There"
                | "Both"
                | "Why"
                | "What"
                | "Each"
                | "Any"
                | "Many"
                | "Most"
                | "But"
                | "And"
                | "Specifically"
                | "First"
        )
    }
}

/// An adverb in -ly between a subject and its verb ("forcefully told").
pub fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !is_capitalized(w)
}

/// Prepositions that put the next noun phrase in an adjunct.
pub fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "from"
            | "with"
            | "of"
            | "by"
            | "for"
            | "to"
            | "into"
            | "about"
            | "during"
            | "In"
            | "On"
            | "At"
            | "From"
            | "With"
            | "By"
            | "For"
            | "During"
    )
}

/// Words that end a noun phrase read backwards: clause openers and prepositions.
pub fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "whom"
            | "and"
            | "but"
            | "or"
            | "when"
            | "as"
            | "because"
            | "if"
            | "while"
            | "after"
            | "before"
            | "where"
            | "than"
            | "so"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "with"
            | "from"
            | "about"
            | "is"
            | "was"
            | "are"
            | "were"
            | "not"
    )
}

/// A window of tokens over one text.
pub struct Window<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
}

impl<'a> Window<'a> {
    pub fn word(&self, i: usize) -> &'a str {
        &self.text[self.toks[i].range()]
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.word(i)
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    }

    /// A period that closes an abbreviation ("Sen.", "J.", "U.S.") rather than a sentence.
    pub fn is_abbrev_period(&self, i: usize) -> bool {
        i > 0
            && self.word(i) == "."
            && self.toks[i - 1].end == self.toks[i].start
            && (is_abbreviation(self.word(i - 1)) || self.word(i - 1).contains('.'))
    }

    /// Token `i` ends a capitalized name.
    pub fn is_name_end(&self, i: usize) -> bool {
        let w = self.word(i);
        self.is_word(i) && is_capitalized(w) && !is_pronoun(w) && !is_intro_word(w)
    }

    /// A sentence-ending mark: not an abbreviation's period, nor one followed by
    /// `)`, `,` or a lower-case word ("(D-Wis.) said", "R-Ky., said").
    pub fn is_sentence_end(&self, i: usize) -> bool {
        matches!(self.word(i), "." | "!" | "?")
            && !self.is_abbrev_period(i)
            && self.toks.get(i + 1).is_none_or(|_| {
                let next = self.word(i + 1);
                !(matches!(next, ")" | "," | ";")
                    || next.chars().next().is_some_and(char::is_lowercase))
            })
    }

    /// A token that can be part of a name: a capitalized word, an initial's period, a particle.
    fn is_name_part(&self, i: usize) -> bool {
        let w = self.word(i);
        (self.is_word(i) && is_capitalized(w) && !is_pronoun(w))
            || self.is_abbrev_period(i)
            || matches!(
                w,
                "de" | "van" | "von" | "al" | "bin" | "da" | "del" | "la" | "le"
            )
    }

    fn span(&self, a: usize, b: usize) -> Range<usize> {
        self.toks[a].start..self.toks[b].end
    }

    /// The noun phrase that ends at token `i` (inclusive), read backwards.
    pub fn np_ending_at(&self, i: usize, floor: usize) -> Option<Mention> {
        let w = self.word(i);
        if is_pronoun(w) {
            return Some(Mention {
                span: self.span(i, i),
                role: None,
            });
        }
        if !self.is_word(i) && !self.is_abbrev_period(i) || is_clause_word(w) || is_intro_word(w) {
            return None;
        }
        let mut a = i;
        if self.is_name_part(i) {
            while a > floor && self.is_name_part(a - 1) {
                a -= 1;
            }
            // Title words before a name stay outside the span; particles and
            // clause openers ("As", "When") cannot start it.
            while a < i && (!is_capitalized(self.word(a)) || is_intro_word(self.word(a))) {
                a += 1;
            }
            return Some(Mention {
                span: self.span(a, i),
                role: None,
            });
        }
        // A common noun phrase: "a campaign spokesman", "officials", "Trump's lawyer".
        let mut n = 0;
        while a > floor && n < 6 {
            let p = self.word(a);
            if is_determiner(p) {
                break;
            }
            let prev = self.word(a - 1);
            if !(self.is_word(a - 1) || self.is_abbrev_period(a - 1)) || is_clause_word(prev) {
                break;
            }
            if is_capitalized(prev) && !is_determiner(prev) && a > floor + 1 && !self.is_word(a - 2)
            {
                a -= 1;
                break;
            }
            a -= 1;
            n += 1;
        }
        if is_clause_word(self.word(a)) {
            return None;
        }
        Some(Mention {
            span: self.span(a, i),
            role: None,
        })
    }

    /// The subject of the verb at token `v`: "X said", "X, a spokesman, said", "X also said".
    pub fn subject_before(&self, v: usize, floor: usize) -> Option<Mention> {
        let m = self.subject_np(v, floor)?;
        // "In a Facebook message posted Friday": a noun after a preposition is no subject.
        let a = self.toks.partition_point(|t| t.start < m.span.start);
        let after_preposition = a > floor && is_preposition(self.word(a - 1));
        (!after_preposition).then_some(m)
    }

    fn subject_np(&self, v: usize, floor: usize) -> Option<Mention> {
        let mut i = v.checked_sub(1)?;
        while i > floor && (is_between(self.word(i)) || is_adverb(self.word(i))) {
            i -= 1;
        }
        if i < floor {
            return None;
        }
        if self.word(i) == ")" {
            let open = (floor..i).rev().take(12).find(|&j| self.word(j) == "(")?;
            i = open.checked_sub(1)?;
            if i < floor {
                return None;
            }
        }
        if self.word(i) == "," {
            // Appositive: the name sits before an earlier comma; prefer a name
            // over an adverb ("Sanders, meanwhile, who ..., said").
            let lo = floor.max(i.saturating_sub(25));
            let mut first = None;
            for c in (lo + 1..i).rev().filter(|&j| self.word(j) == ",").take(3) {
                let Some(m) = self.np_ending_at(c - 1, floor) else {
                    continue;
                };
                let named = self.text[m.span.clone()]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
                let found = Mention {
                    span: m.span,
                    role: (c + 1 < i).then(|| self.toks[c + 1].start..self.toks[i - 1].end),
                };
                if named {
                    return Some(found);
                }
                first.get_or_insert(found);
            }
            return first;
        }
        self.np_ending_at(i, floor)
    }

    /// The speaker named after a verb at `i - 1`: "said Jane Doe, chief executive of Acme".
    pub fn np_after(&self, mut i: usize, end: usize) -> Option<Mention> {
        if i >= end || is_not_after_verb(self.word(i)) {
            return None;
        }
        let w = self.word(i);
        if is_pronoun(w) {
            return Some(Mention {
                span: self.span(i, i),
                role: None,
            });
        }
        let start = i;
        if is_determiner(w) {
            i += 1;
            while i < end
                && self.is_word(i)
                && !is_clause_word(self.word(i))
                && !is_reporting(self.word(i))
                && i - start < 8
            {
                i += 1;
            }
            return (i > start + 1).then(|| Mention {
                span: self.span(start, i - 1),
                role: None,
            });
        }
        let last = self.name_phrase(i, end)?;
        i = last + 1;
        let span = self.span(start, last);
        let role = (i + 1 < end && self.word(i) == ",")
            .then(|| self.role_after(i + 1, end))
            .flatten();
        Some(Mention { span, role })
    }

    /// The last token of a name phrase starting at `i`: title words, a name,
    /// and a name after a title ("9/11 widow Terry Strada", "Democratic
    /// presidential nominee Hillary Clinton", "Secretary of State John Kerry").
    pub fn name_phrase(&self, i: usize, end: usize) -> Option<usize> {
        let plain = |j: usize| {
            let x = self.word(j);
            self.is_word(j)
                && !is_capitalized(x)
                && !is_clause_word(x)
                && !is_determiner(x)
                && !is_reporting(x)
                && !is_pronoun(x)
        };
        let mut j = i;
        // Leading title words may be participles: "retired neurosurgeon Ben Carson".
        while j < end && j - i < 5 && plain(j) {
            j += 1;
        }
        let plain = |j: usize| plain(j) && !self.word(j).ends_with("ed");
        let mut last = self.name_run(j, end)?;
        // A name after title words: "... nominee Hillary Clinton".
        let mut k = last + 1;
        while k < end && k - last <= 3 && plain(k) {
            k += 1;
        }
        if k > last + 1 {
            if let Some(l) = self.name_run(k, end) {
                last = l;
            }
        }
        Some(last)
    }

    /// The last token of a run of name words starting at `i` ("of" inside: "Secretary of State").
    fn name_run(&self, i: usize, end: usize) -> Option<usize> {
        if i >= end {
            return None;
        }
        let w = self.word(i);
        let participle = i == 0 && w.len() > 5 && w.ends_with("ing");
        if !self.is_name_part(i)
            || !is_capitalized(w)
            || is_intro_word(w)
            || is_determiner(w)
            || participle
        {
            return None;
        }
        let mut j = i;
        while j + 1 < end
            && (self.is_name_part(j + 1)
                || (matches!(self.word(j + 1), "of" | "for")
                    && j + 2 < end
                    && is_capitalized(self.word(j + 2))))
        {
            j += 1;
        }
        while j > i && !is_capitalized(self.word(j)) && !self.is_abbrev_period(j) {
            j -= 1;
        }
        Some(j)
    }

    /// An appositive role starting at token `i`, up to the sentence end or a new clause.
    fn role_after(&self, i: usize, end: usize) -> Option<Range<usize>> {
        let mut j = i;
        while j < end && j - i < 25 {
            let w = self.word(j);
            let stop = matches!(w, ";" | "“" | "”" | "\"" | "(" | "—" | "–")
                || self.is_sentence_end(j)
                || (w == ","
                    && j + 1 < end
                    && (self.word(j + 1).ends_with("ing")
                        || matches!(self.word(j + 1), "who" | "which" | "and" | "but")));
            if stop {
                break;
            }
            j += 1;
        }
        let mut k = j;
        while k > i && self.word(k - 1) == "," {
            k -= 1;
        }
        (k > i).then(|| self.toks[i].start..self.toks[k - 1].end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn with<R>(s: &str, f: impl FnOnce(&Window) -> R) -> R {
        let mut toks = Vec::new();
        tokenize(s, 0..s.len(), &mut toks);
        f(&Window {
            text: s,
            toks: &toks,
        })
    }

    #[test]
    fn subject_with_appositive_role() {
        let s = "Jane Doe, the chief executive of Acme, said";
        let m = with(s, |w| w.subject_before(w.toks.len() - 1, 0)).unwrap();
        assert_eq!(&s[m.span], "Jane Doe");
        assert_eq!(&s[m.role.unwrap()], "the chief executive of Acme");
    }

    #[test]
    fn common_noun_subject() {
        let s = "after the meeting a campaign spokesman said";
        let m = with(s, |w| w.subject_before(w.toks.len() - 1, 0)).unwrap();
        assert_eq!(&s[m.span], "a campaign spokesman");
    }

    #[test]
    fn name_after_verb_with_role() {
        let s = "said Sen. Mark Warner, senior Senator of Virginia.";
        let m = with(s, |w| w.np_after(1, w.toks.len())).unwrap();
        assert_eq!(&s[m.span], "Sen. Mark Warner");
        assert_eq!(&s[m.role.unwrap()], "senior Senator of Virginia");
    }
}
