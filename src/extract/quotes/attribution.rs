//! Who said a quotation: a reporting verb right after the quote ("...," said
//! X / X said), the verb of the quote's own sentence before it (X said: "..."
//! / X called it "a disaster"), a dash line, or "according to X". Pronouns
//! resolve to the nearest preceding person named in the article.

use super::lexicon::{
    is_between, is_capitalized, is_determiner, is_intro_word, is_participle, is_pronoun,
    is_reporting,
};
use super::speaker::{is_adverb, is_clause_word, is_preposition, Mention, Window};
use crate::extract::orgs::{self, Org};
use crate::text::calendar::is_weekday;
use crate::text::{tokenize, Document, Token};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// How far (bytes) attribution looks before and after a quote.
const REACH: usize = 400;

static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?-u:\b)(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+[A-Z][a-z]+|[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?-u:\b)",
    )
    .expect("pattern")
});

/// First words of capitalized pairs that are not people ("The White House").
fn is_not_person_start(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "If"
            | "New"
            | "White"
            | "United"
            | "Democratic"
            | "Republican"
            | "Republicans"
            | "Democrats"
            | "North"
            | "South"
            | "West"
            | "East"
            | "Supreme"
            | "Fox"
            | "When"
            | "After"
            | "As"
            | "For"
            | "This"
            | "That"
            | "Secretary"
            | "President"
            | "Senator"
            | "Gov"
    )
}

/// A resolved speaker of a quotation.
#[derive(Debug, Clone)]
pub struct Speaker {
    pub name: String,
    pub span: Range<usize>,
    pub role: Option<String>,
    pub org: Option<String>,
}

/// Article-level memory: the last speaker and the last person named.
pub struct Context<'a> {
    pub text: &'a str,
    orgs: &'a [Org],
    toks: Vec<Token>,
    pub last_speaker: Option<Speaker>,
    last_person: Option<(usize, String)>,
    /// Paragraphs observed since `last_person` was last read or set: their
    /// names are looked for only when a pronoun needs them (most articles
    /// never ask), not as each paragraph ends.
    unread: Vec<Range<usize>>,
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl<'a> Context<'a> {
    pub fn new(text: &'a str, orgs: &'a [Org]) -> Self {
        Context {
            text,
            orgs,
            toks: Vec::new(),
            last_speaker: None,
            last_person: None,
            unread: Vec::new(),
        }
    }

    /// The tokens of `range`, cut at the first sentence end (`first`) or after the last one.
    fn sentence(&mut self, range: Range<usize>, first: bool) -> Window<'_> {
        self.toks.clear();
        tokenize(self.text, range, &mut self.toks);
        let all = Window {
            text: self.text,
            toks: &self.toks,
        };
        let ends = |i: &usize| all.is_sentence_end(*i);
        let n = self.toks.len();
        let r = if first {
            0..(0..n).find(ends).unwrap_or(n)
        } else {
            (0..n).rev().find(ends).map_or(0, |i| i + 1)..n
        };
        Window {
            text: self.text,
            toks: &self.toks[r],
        }
    }

    /// The speaker named right after the quote ending at `from`, up to `to`.
    /// `tight` says the quote ends like an attributed one (`,"` `?"` `!"`), so
    /// the verb may come first ("...," said X) or after a longer subject.
    /// `ended` says the quote closed its sentence, so only "...." he said. fits.
    pub fn after(&mut self, from: usize, to: usize, tight: bool, ended: bool) -> Option<Mention> {
        let to = floor_char(self.text, to.min(from + REACH).max(from));
        let w = self.sentence(from..to, true);
        let n = w.toks.len();
        let mut i = 0;
        while i < n && matches!(w.word(i), "," | "”" | "\"" | "’") {
            i += 1;
        }
        if i >= n {
            return None;
        }
        let tight = tight || i > 0 && w.word(i - 1) == ",";
        let t = w.word(i);
        if matches!(t, "—" | "–" | "―" | "-") {
            return w
                .np_after(i + 1, n)
                .filter(|m| is_capitalized(&self.text[m.span.clone()]));
        }
        // "...." he said Friday.: a time word may close the sentence after the verb.
        let e = without_trailing_time(&w, n);
        if ended {
            let k = (i + 1..n.min(i + 12)).find(|&k| is_reporting(w.word(k)))?;
            return (k + 1 == e && !is_participle(w.word(k)))
                .then(|| subject_after_quote(&w, i, k))
                .flatten();
        }
        // "according to X" names the source, unless no name follows ("...,"
        // Clinton said, according to audio provided by ...).
        if let Some(k) = (i..n.saturating_sub(1)).find(|&k| is_according_to(&w, k)) {
            if let Some(m) = w.np_after(k + 2, n) {
                return Some(m);
            }
        }
        // "read" reports only right after a quote: "...," the email read.
        let verb = |x: &str| is_reporting(x) || matches!(x, "read" | "reads");
        if verb(t) && !is_participle(t) {
            return tight.then(|| w.np_after(i + 1, n)).flatten();
        }
        // "...!" cheered Jane Doe: any past-tense verb right before a name.
        if tight && t.ends_with("ed") && !is_capitalized(t) {
            let named = w
                .np_after(i + 1, n)
                .filter(|m| is_capitalized(&w.text[m.span.clone()]) && !is_pronoun(w.word(i + 1)));
            if named.is_some() {
                return named;
            }
        }
        if tight {
            // "...," Toomey fumed: any past-tense verb right after the name.
            let last = if is_pronoun(t) {
                Some(i)
            } else {
                w.name_phrase(i, n)
            };
            if let Some(last) = last.filter(|&l| l + 1 < n) {
                let v = w.word(last + 1);
                if v.ends_with("ed") && !is_capitalized(v) || is_phrasal_reporting(&w, last + 1) {
                    return Some(Mention {
                        span: w.toks[i].start..w.toks[last].end,
                        role: None,
                    });
                }
            }
        }
        // A sentence closed by ", Warren said." belongs to that speaker as a whole.
        if e >= 3 && is_reporting(w.word(e - 1)) && !is_participle(w.word(e - 1)) {
            if let Some(m) = w.subject_before(e - 1, i) {
                let a = w.toks.partition_point(|t| t.start < m.span.start);
                if a > i && w.word(a - 1) == "," {
                    return Some(m);
                }
            }
        }
        if let Some(m) = closing_inverted(&w, i, e) {
            return Some(m);
        }
        let k = (i + 1..n.min(i + 30))
            .take_while(|&k| !matches!(w.word(k), ";" | ":" | "“" | "\"" | "—" | "–"))
            .find(|&k| verb(w.word(k)))?;
        if is_participle(w.word(k)) {
            return None;
        }
        if !(tight || k + 1 == n || w.word(k + 1) == ",") {
            // Mid-sentence, only a name right before its verb: "...too" Sweeny said after.
            let last = if is_pronoun(t) {
                i
            } else {
                w.name_phrase(i, k)?
            };
            return (last + 1 == k).then(|| Mention {
                span: w.toks[i].start..w.toks[last].end,
                role: None,
            });
        }
        subject_after_quote(&w, i, k)
    }

    /// The speaker of the quote opening at `to`, from its sentence before it (after `from`).
    pub fn before(&mut self, from: usize, to: usize) -> Option<Mention> {
        let from = ceil_char(self.text, from.max(to.saturating_sub(REACH)));
        let w = self.sentence(from..to, false);
        let n = w.toks.len();
        if n == 0 {
            return None;
        }
        // "Said Ellis: ..." puts the verb first.
        // ("Asked about it, Doe said" is no inversion: the phrase must reach the colon).
        if is_inverted_verb(w.word(0)) {
            if let Some(m) = w.np_after(1, n).filter(|m| reaches_end(&w, m)) {
                return Some(m);
            }
        }
        // "as X put it," reports like a verb; after an article a verb form is
        // a noun ("listed the demands:"). After "his" it stays: PolNeAR-style
        // attribution makes "his claim that ..." his.
        let is_article = |k: usize| matches!(w.word(k), "the" | "a" | "an" | "The" | "A" | "An");
        let verbs: Vec<usize> = (0..n)
            .filter(|&k| {
                (is_reporting(w.word(k)) && (k == 0 || !is_article(k - 1)))
                    || (k + 1 < n && (is_according_to(&w, k) || is_put_it(&w, k)))
            })
            .collect();
        // A relative clause closing the text before the quote speaks for its
        // antecedent, whatever the main verb ("said one aide, who added that
        // it “rattled” them").
        if let Some(who) = verbs.last().and_then(|&k| relative_subject(&w, k)) {
            return Some(who);
        }
        // The main verb of the sentence usually comes first; a verb right before an
        // introducing colon or comma ("X told reporters:") is the one to take.
        let nearest_first = matches!(w.word(n - 1), ":" | ",");
        let ordered: Box<dyn Iterator<Item = &usize>> = if nearest_first {
            Box::new(verbs.iter().rev())
        } else {
            Box::new(verbs.iter())
        };
        for &k in ordered {
            if is_according_to(&w, k) {
                if let Some(m) = w.np_after(k + 2, n) {
                    return Some(m);
                }
                continue;
            }
            let p = verb_phrase_start(&w, k);
            let prev = if p > 0 { w.word(p - 1) } else { "" };
            match prev {
                // A relative clause: "a letter that says", but "who said" names its speaker.
                "that" | "which" => continue,
                "who" => {
                    return Some(Mention {
                        span: w.toks[p - 1].range(),
                        role: None,
                    })
                }
                _ => {}
            }
            if is_participle(w.word(k)) {
                // "footage of Trump saying" names its subject; "..., saying" borrows the sentence's.
                let direct = p > 0 && (is_pronoun(prev) || w.is_name_end(p - 1));
                let m = if direct {
                    w.np_ending_at(p - 1, 0)
                } else {
                    sentence_subject(&w, k)
                };
                if m.is_some() {
                    return m;
                }
                continue;
            }
            if matches!(prev, "to" | "and") {
                if let Some(m) = sentence_subject(&w, k) {
                    return Some(m);
                }
                continue;
            }
            if let Some(m) = w.subject_before(k, 0).or_else(|| sentence_subject(&w, k)) {
                return Some(m);
            }
            if k == 0 {
                if let Some(m) = w.np_after(k + 1, n) {
                    return Some(m);
                }
            }
            // "Put simply, explained Jane Doe: ...".
            if k > 0 && w.word(k - 1) == "," {
                if let Some(m) = w.np_after(k + 1, n).filter(|m| reaches_end(&w, m)) {
                    return Some(m);
                }
            }
        }
        if n >= 2 && w.word(n - 1) == ":" {
            return w
                .subject_before(n - 1, 0)
                .filter(|m| is_introducing_name(&w, m));
        }
        None
    }

    /// The subject opening the quote's sentence when no reporting verb names one
    /// ("Trump attacked “...”", "He has used the phrase “...”").
    pub fn subject(&mut self, from: usize, to: usize) -> Option<Mention> {
        let from = ceil_char(self.text, from.max(to.saturating_sub(REACH)));
        let w = self.sentence(from..to, false);
        let n = w.toks.len();
        let i = subject_start(&w, n)?;
        if i + 1 >= n || w.word(i) == "There" {
            return None;
        }
        let last = if is_pronoun(w.word(i)) {
            i
        } else if is_determiner(w.word(i)) {
            // "The piece used ...": the determiner and the words up to a verb-like one.
            let mut j = i + 1;
            while j < n && j - i <= 4 && w.toks[j].start < to && {
                let x = w.word(j);
                x.chars().next().is_some_and(char::is_alphanumeric)
                    && (is_capitalized(x)
                        || !(x.ends_with("ed") || x.ends_with('s') && !x.ends_with("ss")))
                    && !is_reporting(x)
            } {
                j += 1;
            }
            if j == i + 1 {
                return None;
            }
            j - 1
        } else {
            w.name_phrase(i, n)?
        };
        let next = w.word(last + 1.min(n - 1 - last));
        next.chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c == ',')
            .then(|| Mention {
                span: w.toks[i].start..w.toks[last].end,
                role: None,
            })
    }

    /// The speaker of a sentence closed by its reporting verb right before a
    /// quote that opens the next sentence (from `from` to the quote at `to`):
    /// `Jane Doe says. “...”`, `Doe said in a statement to reporters. “...”`.
    pub fn reported_just_before(&mut self, from: usize, to: usize) -> Option<Mention> {
        let before = self.text[from..to].trim_end();
        let period = from + before.strip_suffix('.')?.len();
        let start = ceil_char(self.text, from.max(period.saturating_sub(REACH)));
        let w = self.sentence(start..period, false);
        let n = w.toks.len();
        if let Some(k) = (0..n.saturating_sub(1)).find(|&k| is_according_to(&w, k)) {
            return w.np_after(k + 2, n);
        }
        // The main verb comes first ("Doe told the Journal, after Roe stated ...").
        let k = (0..n).find(|&k| is_reporting(w.word(k)) && !is_participle(w.word(k)))?;
        w.subject_before(k, 0).filter(|m| {
            let said = &self.text[m.span.clone()];
            let first = said.split(' ').next().unwrap_or(said);
            is_capitalized(said) || is_pronoun(said) || is_determiner(first)
        })
    }

    /// `subject`, when it is "he"/"she" or a person's name ("Jane Doe then
    /// listed her demands:"), not "Here is the list:" or "Worse, it goes on:".
    pub fn person_subject(&mut self, from: usize, to: usize) -> Option<Mention> {
        self.subject(from, to).filter(|m| {
            let said = &self.text[m.span.clone()];
            matches!(said, "he" | "she" | "He" | "She")
                || persons(self.text, m.span.clone()).next().is_some()
        })
    }

    /// Turns a mention into a speaker: resolves pronouns, reads role and organization.
    pub fn speaker(&mut self, m: Mention) -> Speaker {
        let text = self.text;
        let said = &text[m.span.clone()];
        let relative = matches!(said, "who" | "whom");
        let name = if matches!(said, "he" | "she" | "He" | "She") {
            self.person_before(m.span.start)
                .unwrap_or_else(|| said.to_string())
        } else if relative {
            antecedent(text, m.span.start)
                .map(str::to_string)
                .or_else(|| self.person_before(m.span.start))
                .unwrap_or_else(|| said.to_string())
        } else {
            said.to_string()
        };
        let common = !is_capitalized(said) && !is_pronoun(said) && !relative;
        let role = m
            .role
            .clone()
            .filter(|r| !matches!(text[r.clone()].split(' ').next(), Some("who" | "which")))
            .or(common.then(|| m.span.clone()));
        let org = if self.orgs.is_empty() {
            // Organizations were not looked up for the article: read the role alone.
            role.as_ref().and_then(|r| org_of(&text[r.clone()]))
        } else {
            role.as_ref()
                .and_then(|r| org_in(self.orgs, r.clone()))
                .or_else(|| org_in(self.orgs, m.span.clone()))
        };
        let first = said.split_whitespace().next().unwrap_or("");
        if is_capitalized(said) && !is_pronoun(said) && !is_determiner(first) {
            self.last_person = Some((m.span.start, name.clone()));
            // What the paragraphs observed so far would have noted is overwritten.
            self.unread.clear();
        }
        Speaker {
            name,
            span: m.span,
            role: role.map(|r| text[r].trim().to_string()),
            org,
        }
    }

    /// The nearest person named before `pos`: just before it, else earlier in the article.
    fn person_before(&mut self, pos: usize) -> Option<String> {
        self.read_observed();
        let from = ceil_char(self.text, pos.saturating_sub(REACH));
        let mut any = None;
        let mut subject = None;
        for m in persons(self.text, from..pos) {
            if is_subject_position(self.text, m.0) {
                subject = Some(m);
            }
            any = Some(m);
        }
        match (subject, &self.last_person) {
            (Some(n), Some(l)) if l.0 > n.0 && l.0 < pos => Some(l.1.clone()),
            (Some(n), _) => Some(n.1.to_string()),
            (None, Some(l)) if l.0 < pos => Some(l.1.clone()),
            _ => any.map(|a| a.1.to_string()),
        }
    }

    /// Notes a finished paragraph, whose last person-like name in subject
    /// position becomes `last_person` (see `read_observed`).
    pub fn observe(&mut self, para: Range<usize>) {
        self.unread.push(para);
    }

    /// Brings `last_person` up to date with the paragraphs observed since it
    /// was last read or set. Names come in text order, so noting each
    /// paragraph's last name in turn (when it comes after `last_person`) ends
    /// as noting only the last one found, in the latest paragraph that has one.
    fn read_observed(&mut self) {
        let text = self.text;
        let last = self.unread.drain(..).rev().find_map(|para| {
            persons(text, para)
                .filter(|m| is_subject_position(text, m.0))
                .last()
        });
        if let Some(m) = last {
            if self.last_person.as_ref().is_none_or(|l| l.0 < m.0) {
                self.last_person = Some((m.0, m.1.to_string()));
            }
        }
    }
}

/// What a relative "who" at `pos` stands for: the noun phrase right before
/// its comma: a name of at most four words ("Glenn Beck, who said"), or a
/// description of at most eight from its determiner, across a
/// prepositional phrase ("one Democrat familiar with the talks, who said").
fn antecedent(text: &str, pos: usize) -> Option<&str> {
    let before = text[..pos].trim_end().strip_suffix(',')?.trim_end();
    let named = before.rsplit(' ').next().is_some_and(is_capitalized);
    let mut start = before.len();
    let mut words = before.rsplit(' ').enumerate().peekable();
    while let Some((count, word)) = words.next() {
        if count == if named { 4 } else { 8 } {
            return None;
        }
        if named && (!is_capitalized(word) || is_determiner(word)) {
            break;
        }
        start -= word.len() + usize::from(start < before.len());
        let governed = words.peek().is_some_and(|&(_, w)| is_preposition(w));
        if !named && is_determiner(word) && !governed {
            return Some(&before[start..]);
        }
    }
    (named && start < before.len()).then(|| &before[start..])
}

/// Person-like names (two capitalized words, or a title and a name) in `range`.
fn persons(text: &str, range: Range<usize>) -> impl Iterator<Item = (usize, &str)> + '_ {
    let base = range.start;
    PERSON
        .find_iter(&text[range])
        .filter(|m| {
            let first = m.as_str().split_whitespace().next().unwrap_or("");
            !is_not_person_start(first) && !is_intro_word(first)
        })
        .map(move |m| (base + m.start(), m.as_str()))
}

/// A name opening a sentence or paragraph: the likely antecedent of "he"/"she".
fn is_subject_position(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':', '“', '"', '—'])
}

/// A reporting verb opening its sentence before the speaker: "Said Ellis:",
/// "Wrote Jane Doe:". Only past forms and "Says": "Notes" or "Claims" opening
/// a line are nouns.
fn is_inverted_verb(w: &str) -> bool {
    let Some(rest) = w.strip_prefix(|c: char| c.is_ascii_uppercase()) else {
        return false;
    };
    let lower = w[..1].to_ascii_lowercase() + rest;
    is_reporting(&lower) && (lower.ends_with("ed") || matches!(w, "Said" | "Says" | "Wrote"))
}

/// A sentence closed by ", said Jane Doe, an economist at Acme." (after
/// token `i`, ending before token `e`): the name after the verb, when it and its
/// role run to the sentence's end. Only verbs that invert: after "told" or
/// "warned" comes the listener ("..., Doe told The Daily Bugle.").
fn closing_inverted(w: &Window, i: usize, e: usize) -> Option<Mention> {
    let inverts = |x: &str| {
        matches!(
            x,
            "said"
                | "says"
                | "added"
                | "adds"
                | "wrote"
                | "writes"
                | "noted"
                | "explained"
                | "argued"
                | "reported"
                | "reports"
                | "recalled"
                | "continued"
        )
    };
    let k = (i + 2..e)
        .rev()
        .find(|&k| w.word(k - 1) == "," && inverts(w.word(k)))?;
    let m = w.np_after(k + 1, e)?;
    (m.end() == w.toks[e - 1].end && is_capitalized(&w.text[m.span.clone()])).then_some(m)
}

/// The mention (with its role) runs to the window's last token or the one
/// before it (the introducing colon or comma).
fn reaches_end(w: &Window, m: &Mention) -> bool {
    let n = w.toks.len();
    w.toks[n - 1].end == m.end() || (n > 1 && w.toks[n - 2].end == m.end())
}

/// "put it" at token `k`, as in "as the senator put it" or "as she puts it".
fn is_put_it(w: &Window, k: usize) -> bool {
    matches!(w.word(k), "put" | "puts") && w.word(k + 1) == "it"
}

/// A verb and particle that report speech at token `k`: "..., Trump went
/// on", "she shot back", "he hit back".
fn is_phrasal_reporting(w: &Window, k: usize) -> bool {
    k + 1 < w.toks.len()
        && matches!(
            (w.word(k), w.word(k + 1)),
            ("went" | "goes" | "go", "on")
                | (
                    "shot" | "shoots" | "hit" | "hits" | "fired" | "fires",
                    "back"
                )
        )
}

/// A name that alone introduces the quote after it, with a colon: "Jane Doe:",
/// "Former state senator Jane Doe:", "HEADLINE - Jane Doe:". It opens its
/// sentence (after at most a few title words, no determiner) or follows a dash; a name
/// later in a clause is an object ("Smith quotes Jane Roe:"). It is written
/// as a name: capitalized at both ends, with lower-case letters (not a shouted
/// headline like "TOP STORIES").
fn is_introducing_name(w: &Window, m: &Mention) -> bool {
    let said = &w.text[m.span.clone()];
    let last = said.rsplit(' ').next().unwrap_or(said);
    let a = w.toks.partition_point(|t| t.start < m.span.start);
    let opens = a == 0
        || matches!(w.word(a - 1), "-" | "—" | "–" | "…" | "...")
        || (a <= 4
            && is_capitalized(w.word(0))
            && (0..a).all(|j| {
                let x = w.word(j);
                x.chars().all(char::is_alphabetic) && !is_determiner(x)
            }));
    opens
        && is_capitalized(said)
        && is_capitalized(last)
        && !is_pronoun(said)
        && said.chars().any(char::is_lowercase)
}

/// The end of the sentence's words before a closing time word or two
/// ("said Friday", "said on Tuesday", "said last week").
fn without_trailing_time(w: &Window, n: usize) -> usize {
    let is_time = |x: &str| {
        is_weekday(x)
            || matches!(
                x,
                "today" | "yesterday" | "tonight" | "on" | "last" | "week" | "earlier" | "later"
            )
    };
    let mut e = n;
    while e > 1 && n - e < 3 && is_time(w.word(e - 1)) {
        e -= 1;
    }
    e
}

/// "according to" at token `k`.
fn is_according_to(w: &Window, k: usize) -> bool {
    matches!(w.word(k), "according" | "According") && w.word(k + 1) == "to"
}

/// The subject between a quote (token `i`) and its verb (token `k`):
/// "White House press secretary Josh Earnest" or "Jane Doe, the chief executive,".
fn subject_after_quote(w: &Window, i: usize, k: usize) -> Option<Mention> {
    let mut end = k;
    while end > i + 1 && (is_between(w.word(end - 1)) || is_adverb(w.word(end - 1))) {
        end -= 1;
    }
    let plain = (i..end).all(|j| {
        let x = w.word(j);
        x.chars().next().is_some_and(char::is_alphanumeric)
            || (x == "." && !w.is_sentence_end(j))
            || matches!(x, "(" | ")")
    });
    if plain {
        // A party tag "(D-Wis.)" after the name stays out of it.
        if w.word(end - 1) == ")" {
            if let Some(open) = (i + 1..end).rev().find(|&j| w.word(j) == "(") {
                end = open;
            }
        }
        let clause = (i..end).any(|j| matches!(w.word(j), "that" | "which" | "who" | "and"));
        return (end - i <= 10 && !clause).then(|| Mention {
            span: w.toks[i].start..w.toks[end - 1].end,
            role: None,
        });
    }
    if w.word(end - 1) != "," {
        return None;
    }
    let m = w.np_after(i, end)?;
    let j = (i..end).find(|&j| w.toks[j].start >= m.span.end)?;
    if w.word(j) != "," || j + 1 >= end - 1 {
        return None;
    }
    Some(Mention {
        span: m.span,
        role: Some(w.toks[j + 1].start..w.toks[end - 2].end),
    })
}

/// Where the verb at token `k` starts with the adverbs and auxiliaries
/// before it ("has also said").
fn verb_phrase_start(w: &Window, k: usize) -> usize {
    let mut p = k;
    while p > 0 && (is_between(w.word(p - 1)) || is_adverb(w.word(p - 1))) {
        p -= 1;
    }
    p
}

/// ", who" right before the reporting verb at token `k` (adverbs and
/// auxiliaries between): the relative pronoun is the mention. Without the
/// comma the clause is part of an object ("told a woman who suggested
/// that"), not about the speaker.
fn relative_subject(w: &Window, k: usize) -> Option<Mention> {
    if !is_reporting(w.word(k)) || is_participle(w.word(k)) {
        return None;
    }
    let p = verb_phrase_start(w, k);
    (p > 1 && w.word(p - 1) == "who" && w.word(p - 2) == ",").then(|| Mention {
        span: w.toks[p - 1].range(),
        role: None,
    })
}

/// The subject of the sentence in `w` (for "..., saying" and "X walked in and said").
fn sentence_subject(w: &Window, verb: usize) -> Option<Mention> {
    let i = subject_start(w, verb)?;
    if i >= verb {
        return None;
    }
    let x = w.word(i);
    if is_pronoun(x) || is_capitalized(x) {
        return w.np_after(i, verb);
    }
    None
}

/// Where the subject of the sentence in `w` starts, before token `end`: after
/// an introductory phrase and its comma ("On Tuesday, ..."), or after a
/// conjunction and an adverb opening it ("And then she ...", "But Doe ...").
fn subject_start(w: &Window, end: usize) -> Option<usize> {
    if end == 0 {
        return Some(0);
    }
    let intro = is_intro_word(w.word(0));
    if let Some(i) = clause_after_phrase(w, end, intro || is_opening_adverb(w.word(0))) {
        return Some(i);
    }
    if !intro {
        return Some(0);
    }
    if let Some(c) = (0..end).find(|&j| w.word(j) == ",") {
        // Phrases may follow each other: "On Thursday, after the vote, Doe ...".
        let mut i = c + 1;
        while i < end && is_lower_intro_word(w.word(i)) {
            match (i..end).find(|&j| w.word(j) == ",") {
                Some(c) => i = c + 1,
                None => break,
            }
        }
        return Some(i);
    }
    if !matches!(w.word(0), "And" | "But" | "Yet" | "So") {
        return None;
    }
    let i = if end > 2 && matches!(w.word(1), "then" | "also" | "now" | "still") {
        2
    } else {
        1
    };
    (i < end && !is_intro_word(w.word(i))).then_some(i)
}

/// Where the main clause starts after a phrase opening the sentence: after
/// one of its first commas, at a pronoun or a name followed by a lowercase
/// word ("Two days later, she wrote", "Touring the mill at dawn, Roe praised",
/// "After a stop in Lakeview, North Dakota, Roe told"). Unless the sentence opens with an
/// introductory word, the phrase must hold a lowercase word, so that a name
/// and its appositive ("Jane Doe, a spokeswoman, said") stay the subject.
fn clause_after_phrase(w: &Window, end: usize, intro: bool) -> Option<usize> {
    let lower = |x: &str| x.starts_with(|c: char| c.is_lowercase());
    (1..end.min(24))
        .filter(|&c| w.word(c) == ",")
        .take(3)
        .filter(|&c| intro || (0..c).any(|j| lower(w.word(j))))
        .map(|c| c + 1)
        .find(|&i| {
            let x = if i < end { w.word(i) } else { "" };
            let last = if is_pronoun(x) {
                Some(i)
            } else if is_determiner(x) && !is_capitalized(x) {
                // "the commission recognized": a few words up to a past-tense verb.
                (i + 2..end.min(i + 7))
                    .take_while(|&j| w.is_word(j) && !is_clause_word(w.word(j)))
                    .find(|&j| w.word(j).ends_with("ed"))
                    .map(|j| j - 1)
            } else if is_capitalized(x) && !is_determiner(x) && !is_intro_word(x) {
                w.name_phrase(i, end)
            } else {
                None
            };
            last.filter(|&l| l + 1 < end).is_some_and(|l| {
                let next = w.word(l + 1);
                lower(next) && !matches!(next, "and" | "or" | "nor" | "who" | "which" | "whose")
            })
        })
}

/// An adverb opening a sentence before its subject: "First, Roe ...", "Quietly
/// leaving the room, Roe ...".
fn is_opening_adverb(w: &str) -> bool {
    matches!(w, "First" | "Second" | "Third" | "Fourth" | "Fifth")
        || (is_capitalized(w) && is_adverb(&w.to_lowercase()))
}

/// An introductory word inside a sentence: "after", "while", "despite".
fn is_lower_intro_word(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(|f| f.is_ascii_lowercase())
        && is_intro_word(&(w[..1].to_ascii_uppercase() + c.as_str()))
        && !matches!(w, "and" | "but" | "yet" | "still")
}

/// The first organization named in a role ("a Facebook spokesman").
fn org_of(role: &str) -> Option<String> {
    orgs::find(&Document::new(role))
        .into_iter()
        .next()
        .map(|o| o.name)
}

fn org_in(orgs: &[Org], r: Range<usize>) -> Option<String> {
    let i = orgs.partition_point(|o| o.start < r.start);
    orgs[i..]
        .iter()
        .take_while(|o| o.start < r.end)
        .find(|o| o.end <= r.end)
        .map(|o| o.name.clone())
}
