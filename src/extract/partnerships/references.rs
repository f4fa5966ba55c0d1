//! References back to organizations named earlier in the article: a pronoun
//! or description as a trigger's subject ("It agreed a deal with TiVo", "the
//! social media giant"), a plural reference to partners ("these
//! partnerships", "the four companies"), and "the two firms" for the pair
//! just reported.

use super::arguments::{self, Mention};
use super::{lexicon, names, parties};
use super::{Kind, Relation};
use crate::text::pattern::Matcher;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// What the preceding sentences make available to references.
#[derive(Debug, Default, Clone)]
pub struct Context<'o> {
    /// Distinct organizations of the last sentence that named any.
    prev_names: Vec<&'o str>,
    /// The organization the article is currently about: the first one named
    /// in the last sentence that named any.
    salient: Option<&'o str>,
    /// The organization named most often in the article: the one "we" and
    /// "our" stand for when it speaks for itself.
    main: Option<&'o str>,
    /// The site the text was published on is known.
    site_known: bool,
    /// The organization that names that site: "we" outside a quotation.
    publisher: Option<&'o str>,
    /// Type of the last relation recorded, for "these deals".
    pub last_kind: Option<Kind>,
    /// The sentence read last, and where its first organization mention
    /// starts: its subject may be a name the organization finder missed.
    prev_sentence: &'o str,
    prev_first_mention: usize,
    /// The text's topic is untold: a reference opened a sentence before any
    /// organization was named. Later subject references stand for it too
    /// ("It signed with Globex. The company later partnered with Initech").
    untold: bool,
}

/// Where the text was published, when the input tells: its URL and the
/// site's name.
#[derive(Debug, Clone, Copy, Default)]
pub struct Site<'a> {
    pub url: Option<&'a str>,
    pub name: Option<&'a str>,
}

impl Site<'_> {
    /// The keys a name of the site's publisher would have (see
    /// [`key_of`]): each label of the URL's host and the site's name.
    fn keys(&self) -> Vec<String> {
        self.url
            .map(crate::record::url_host)
            .into_iter()
            .flat_map(|h| h.split('.'))
            .chain(self.name)
            .map(key_of)
            .filter(|k| k.len() >= 3)
            .collect()
    }
}

/// A name's letters and digits, lower-cased, accents folded: "IoT
/// Analytics" and the host label "iot-analytics" are both "iotanalytics".
fn key_of(name: &str) -> String {
    name.chars()
        .map(fold_accent)
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The unaccented Latin letter of an accented one ("ó" is "o").
fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        'ý' | 'ÿ' | 'Ý' => 'y',
        c => c,
    }
}

/// A word that may follow a sentence's subject: an auxiliary, a past or
/// present-tense verb, or an adverb before one.
static VERB_AFTER_SUBJECT: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^(?:is|was|has|had|have|are|were|will|would|can|could|may|might|must|shall|should|also|then|later|became|began|took|made|won|bought|sold|built|set|got|gave|led|ran|struck|grew|chose|kept|brought|held|paid|put|sent|spent|went|[a-z]+(?:ed|ly|[^s]s))$")
        .expect("verb after subject pattern")
});

/// `word` may follow a sentence's subject ([`VERB_AFTER_SUBJECT`]).
pub(super) fn follows_a_subject(word: &str) -> bool {
    VERB_AFTER_SUBJECT.is_match(word)
}

/// How many words may open a sentence before a guessed subject name.
const SUBJECT_WORDS: usize = 6;

/// A subject that stands for an organization named before. "The label"
/// only bare: "the Globex label" is some other organization's.
static PRONOUN_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?i)(?:^|[\s,;])(?:it|its|they|their|we|our|the (?:[\w-]+ ){0,3}(?:company|firm|group|giant|maker|carmaker|carrier|airline|bank|operator|retailer|network|broadcaster|manufacturer|provider|developer|publisher|chain|business|corporation|organisation|organization|startup|insurer|producer|studio|brand|agency|brewery|fund)|the label)(?-u:\b)")
        .expect("pronoun subject pattern")
});

/// A pronoun or description opening a sentence, possibly after a short
/// fronted phrase ("In 2010, the firm ..."): the organization the text is about.
static OPENING_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"^(?:[A-Z][^,.;]{0,40},\s+)?([Ii]ts?|[Tt]he(?: [a-z][\w-]*){0,2} (?:company|firm|group|label|brand|studio|agency|corporation|business|startup|bank|airline|carrier|network|publisher|developer|manufacturer|maker|retailer|chain|operator|provider|band)(?:['’]s)?)(?-u:\b)")
        .expect("opening reference pattern")
});

/// The words of a short phrase opening a sentence before its trigger
/// ("Through a partnership with", "In cooperation with", "As part of a
/// deal with"), after an optional date ("In 2015, under a deal with").
static FRONTED_BEFORE_TRIGGER: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(&format!(
        r"^(?:{}(?:in|through|together|via|under|as)|[A-Z][a-z]*)(?:\s+[a-z][\w-]*){{0,3}}\s+$",
        arguments::LEADING_DATE
    ))
    .expect("fronted phrase pattern")
});

/// A definite description opening a sentence as its subject, after an
/// optional fronted phrase ("Using a new engine, the first flight took
/// place ..."): an event or product of the organization the text is about.
/// The head noun is captured: an agent noun ("the winner", "the buyer")
/// is another party, not named; a plural ("the two companies") stands for
/// several.
static DESCRIPTION_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"^(?:[A-Z][^,.;]{0,40},\s+)?[Tt]he(?: [a-z][\w-]*){0,2} ([a-z][\w-]*) (?:took|was|were|is|are|has|have|had|will|would)(?-u:\b)")
        .expect("description subject pattern")
});

/// What may stand between a bare "partner" and the partners it names: a
/// space, or a word introducing examples ("partners such as Globex").
static NAMED_PARTNERS_GAP: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s+(?:(?:such as|including|like)\s+)?$").expect("named partners gap pattern")
});

/// A plural reference to partners named before.
static PARTNERS_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?i)(?-u:\b)(?:(?:these|those|the|its|their|such|all|both) (?:\w+ )?(?:partnerships|deals|agreements|alliances|companies|firms|partners|contracts|ties)|them)(?-u:\b)")
        .expect("partners reference pattern")
});

/// A reference to the two organizations just reported.
static PAIR_REFERENCE: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"(?i)(?-u:\b)(?:they|the (?:two|pair|firms|companies|groups|partners)|both (?:firms|companies|groups|sides)|the two (?:\w+ )?(?:firms|companies|groups|sides|carmakers|partners))(?-u:\b)")
        .expect("pair reference pattern")
});

/// What follows an "it" that stands for no organization: "it was
/// disclosed that", "it seems that".
static EXPLETIVE_IT: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s+(?:(?:is|was|has been|had been) (?:[a-z]+ed|known|shown|said|likely|clear)|(?:seems|seemed|appears|appeared|emerged)) (?:that|to)(?-u:\b)")
        .expect("expletive it pattern")
});

/// A reference read before the text names any organization stands for the
/// organization the text is about but never names (a passage from an
/// encyclopedia page about a company: "In 2012, the company partnered with
/// Initech"): it is kept as written, its possessive dropped. A possessive
/// ("its", "their") may point forward to the subject named after it
/// ("Besides its deal with Initech, Acme ..."), or name what the topic owns
/// ("Their joint venture, Initech, ..."): it stands for the topic only as
/// the owner of listed partners ([`Context::owner_of_listed_partners`]).
/// An "it" followed by `after` may stand for nothing ("it was reported that").
fn untold_topic<'s>(reference: &'s str, after: &str) -> Option<&'s str> {
    let possessive = lexicon::is_one_of(reference, &["its", "their"]);
    let expletive = reference.eq_ignore_ascii_case("it") && EXPLETIVE_IT.is_match(after);
    (!possessive && !expletive).then(|| {
        reference
            .trim_end_matches("'s")
            .trim_end_matches("\u{2019}s")
    })
}

/// A partnership side that is an untold topic kept as written ("It", "the
/// company", "Its"): a pronoun, or "the" and a description ending in a
/// common noun. No organization's name has that shape (the finder drops a
/// leading "the", and a name ends in a capitalized word), so
/// users of the records, and `run`'s dataset, can tell these sides apart.
pub fn is_untold_topic(side: &str) -> bool {
    let described = side
        .strip_prefix("the ")
        .or_else(|| side.strip_prefix("The "))
        .and_then(|rest| rest.rsplit(' ').next())
        .is_some_and(|head| head.starts_with(|c: char| c.is_lowercase()));
    described || lexicon::is_one_of(side, &["it", "its", "they", "their"])
}

impl<'o> Context<'o> {
    /// A context for an article whose organization mentions have these
    /// names, published on `site`.
    pub fn new(names: impl Iterator<Item = &'o str>, site: &Site) -> Self {
        let mut counts: Vec<(&'o str, usize)> = Vec::new();
        for n in names {
            match counts.iter_mut().find(|(m, _)| *m == n) {
                Some((_, c)) => *c += 1,
                None => counts.push((n, 1)),
            }
        }
        // The first of the most frequent names.
        let main = counts.iter().rev().max_by_key(|(_, c)| *c).map(|(n, _)| *n);
        // The organization that names the site: "Docker" on www.docker.com.
        let keys = site.keys();
        let publisher = (!keys.is_empty())
            .then(|| {
                counts
                    .iter()
                    .map(|&(n, _)| n)
                    .find(|n| keys.contains(&key_of(n)))
            })
            .flatten();
        Context {
            main,
            site_known: site.url.is_some() || site.name.is_some(),
            publisher,
            ..Context::default()
        }
    }

    /// Records the organizations of a sentence once it has been read.
    pub fn observe(&mut self, sentence: &'o str, mentions: &[Mention<'o>]) {
        self.prev_sentence = sentence;
        self.prev_first_mention = mentions.first().map_or(sentence.len(), |m| m.start);
        if self.salient.is_none() && !self.untold {
            self.untold = OPENING_REFERENCE
                .captures(sentence)
                .and_then(|c| c.get(1))
                .is_some_and(|m| {
                    mentions.iter().all(|n| n.start >= m.end())
                        && untold_topic(m.as_str(), &sentence[m.end()..]).is_some()
                });
        }
        if let Some(first) = mentions.first() {
            self.salient = Some(first.name);
            self.prev_names.clear();
            for m in mentions {
                if !self.prev_names.contains(&m.name) {
                    self.prev_names.push(m.name);
                }
            }
        }
    }

    /// The organization a pronoun or description before the trigger stands for.
    /// Before any organization is named, it stands for the text's untold
    /// topic and is kept as written.
    pub fn pronoun_subject<'s>(&self, before_trigger: &'s str) -> Option<&'s str>
    where
        'o: 's,
    {
        let last = PRONOUN_SUBJECT.find_iter(before_trigger).last()?;
        let word = last
            .as_str()
            .trim_start_matches([' ', ',', ';', '\t', '\n']);
        if word.eq_ignore_ascii_case("we") || word.eq_ignore_ascii_case("our") {
            // Outside a quotation on a known site, "we" is its publisher,
            // which may be no organization of the text ("we have worked
            // with brands such as Globex" on an agency's page).
            let quoted = before_trigger.contains(['"', '“', '”']);
            if self.site_known && !quoted {
                return self.publisher;
            }
            return self.main.or(self.salient);
        }
        // "They" stands for one organization (a band, a studio) only when
        // the sentence before named one; after two it is the pair.
        if lexicon::is_one_of(word, &["they", "their"]) && self.prev_names.len() > 1 {
            return None;
        }
        self.stands_for(word, &before_trigger[last.end()..])
    }

    /// What a subject `reference` followed by `after` stands for: the
    /// organization before it ([`Self::referent`]), else the untold topic,
    /// kept as written; once the text's topic is untold, that topic first.
    fn stands_for<'s>(&self, reference: &'s str, after: &str) -> Option<&'s str>
    where
        'o: 's,
    {
        let untold = || untold_topic(reference, after);
        if self.untold {
            untold().or_else(|| self.referent())
        } else {
            self.referent().or_else(untold)
        }
    }

    /// The organization whose partners a sentence opening "Its partners
    /// include" or "Other partners are" lists: the one the text is about.
    /// Before any organization is named, "Its partners" (a plural
    /// `trigger`) stands for the text's untold topic, kept as written.
    pub fn owner_of_listed_partners<'s>(
        &self,
        before_trigger: &'s str,
        trigger: &str,
    ) -> Option<&'s str>
    where
        'o: 's,
    {
        if !arguments::lists_own_partners(before_trigger) {
            return None;
        }
        let owner = before_trigger.split_whitespace().next()?;
        let plural = trigger.ends_with('s');
        self.referent()
            .or_else(|| (plural && lexicon::is_one_of(owner, &["its", "their"])).then_some(owner))
    }

    /// The organization whose partners a bare "partner" names right before
    /// them ("corporate partner Globex", "partners such as Globex and
    /// Initech", `gap` the text between the trigger and the first name) in
    /// a sentence naming no organization before it: the one the text is
    /// about, as the sentences before tell. A text's first sentence has no
    /// such organization yet ("Strategic partner Globex holds 10% of
    /// Initech").
    pub fn owner_of_named_partners(&self, trigger: &str, gap: &str) -> Option<&'o str> {
        if self.prev_sentence.is_empty()
            || !lexicon::is_one_of(trigger, &["partner", "partners"])
            || !NAMED_PARTNERS_GAP.is_match(gap)
        {
            return None;
        }
        self.referent()
    }

    /// The organization whose event or product a description opening the
    /// sentence names ("The first flight took place in conjunction with
    /// ..."): the one the text is about.
    pub fn described_subject(&self, before_trigger: &str) -> Option<&'o str> {
        let head = DESCRIPTION_SUBJECT
            .captures(before_trigger)?
            .get(1)?
            .as_str();
        let agent_or_plural = ["er", "or", "s"].iter().any(|s| head.ends_with(s));
        (!agent_or_plural).then(|| self.referent()).flatten()
    }

    /// The subject after a fronted phrase that holds the trigger ("Through a
    /// partnership with Globex, Acme has ...", "In cooperation with Globex,
    /// the company ..."): a name followed by its verb, or a reference to the
    /// organization the text is about, right after a comma that follows the
    /// trigger.
    pub fn fronted_subject<'s>(
        &self,
        sentence: &'s str,
        trigger: Range<usize>,
        all: &[Mention<'o>],
    ) -> Option<&'s str>
    where
        'o: 's,
    {
        if !FRONTED_BEFORE_TRIGGER.is_match(&sentence[..trigger.start]) {
            return None;
        }
        sentence[trigger.end..]
            .match_indices(", ")
            .map(|(i, sep)| trigger.end + i + sep.len())
            .find_map(|at| {
                let rest = &sentence[at..];
                if let Some(m) = all.iter().find(|m| m.start == at) {
                    let next = sentence[m.end..].split_whitespace().next()?;
                    return VERB_AFTER_SUBJECT.is_match(next).then_some(m.name);
                }
                let r = OPENING_REFERENCE.captures(rest)?.get(1)?;
                let next = rest[r.end()..].split_whitespace().next()?;
                if r.start() > 0 || !VERB_AFTER_SUBJECT.is_match(next) {
                    return None;
                }
                self.stands_for(r.as_str(), &rest[r.end()..])
            })
    }

    /// The organization "it" or "the company" stands for: the subject of
    /// the sentence before when that is a name the finder missed ("In 1994,
    /// Bellin opened its first Family Medical Center. In 2007, the company
    /// ..."), else the first organization of the last sentence naming any.
    fn referent(&self) -> Option<&'o str> {
        self.guessed_subject().or(self.salient)
    }

    /// A capitalized name among the first words of the previous sentence,
    /// before any organization the finder reported there.
    fn guessed_subject(&self) -> Option<&'o str> {
        let s = self.prev_sentence;
        let head_end = s
            .split_inclusive(' ')
            .take(SUBJECT_WORDS)
            .map(str::len)
            .sum::<usize>()
            .min(self.prev_first_mention);
        // The first name followed by its verb ("Bellin opened"), not one
        // modifying a noun ("Infant panda health", "Early investments").
        names::candidates(&s[..head_end], &[])
            .into_iter()
            .find(|&(start, end)| {
                let next = s[end..].split_whitespace().next().unwrap_or_default();
                let plural_noun = ["ments", "tions", "ships", "nesses", "ities"]
                    .iter()
                    .any(|s| next.ends_with(s));
                VERB_AFTER_SUBJECT.is_match(next)
                    && !plural_noun
                    && !parties::Sentence::new(s, &s.to_ascii_lowercase())
                        .is_not_party(start, end, true)
            })
            .map(|(start, end)| &s[start..end])
    }

    /// The mention text is a pronoun or description, not a name.
    pub fn is_reference(text: &str) -> bool {
        // Only "it", "its" or "the" can open one: most names skip the regex.
        text.starts_with(['I', 'i', 'T', 't'])
            && OPENING_REFERENCE
                .captures(text)
                .and_then(|c| c.get(1))
                .is_some_and(|m| m.start() == 0 && m.end() == text.len())
    }

    /// A mention standing for the organization of the previous sentences
    /// when a pronoun or description opens `sentence` ("It later worked
    /// with ..."), unless it overlaps a name in `taken`.
    pub fn opening_reference(
        &self,
        sentence: &'o str,
        taken: &[Mention<'o>],
    ) -> Option<Mention<'o>> {
        let m = OPENING_REFERENCE.captures(sentence)?.get(1)?;
        let name = self.stands_for(m.as_str(), &sentence[m.end()..])?;
        let free = taken
            .iter()
            .all(|t| t.end <= m.start() || m.end() <= t.start);
        free.then_some(Mention {
            start: m.start(),
            end: m.end(),
            name,
            guessed: false,
        })
    }

    /// Partners named in the previous sentence that a plural reference in
    /// `sentence` points to, other than `a` itself. The reference is the
    /// trigger's own noun phrase ("these partnerships") or its object, a few
    /// words after it ("deals with them"); a "them" further on is someone
    /// else ("work with clients to help them").
    pub fn referenced_partners(
        &self,
        sentence: &str,
        trigger: Range<usize>,
        a: &'o str,
    ) -> Vec<&'o str> {
        let close = |m: regex::Match| {
            m.start() <= trigger.end
                || sentence[trigger.end..m.start()]
                    .split_whitespace()
                    .all(|w| w.bytes().all(|b| b.is_ascii_alphabetic()))
                    && sentence[trigger.end..m.start()].split_whitespace().count() <= 2
        };
        if !PARTNERS_REFERENCE.find_iter(sentence).any(close) {
            return Vec::new();
        }
        self.prev_names
            .iter()
            .copied()
            .filter(|&b| b != a)
            .collect()
    }

    /// The pair a reciprocal trigger with "the two firms" or "they" as its
    /// subject refers to: the last relation reported, or the two
    /// organizations of the previous sentence.
    pub fn referenced_pair(
        &self,
        sentence: &str,
        reciprocal: bool,
        found: &[Relation],
    ) -> Option<(String, String)> {
        if !reciprocal || !PAIR_REFERENCE.is_match(sentence) {
            return None;
        }
        if let [a, b] = self.prev_names[..] {
            return Some((a.to_string(), b.to_string()));
        }
        let last = found.last()?;
        let named_before = |n: &str| self.prev_names.contains(&n);
        (named_before(&last.a) || named_before(&last.b)).then(|| (last.a.clone(), last.b.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(name: &str) -> Mention<'_> {
        Mention {
            start: 0,
            end: 0,
            name,
            guessed: false,
        }
    }

    #[test]
    fn pronoun_subject_is_the_salient_organization() {
        let mut c = Context::default();
        c.observe("", &[mention("Microsoft"), mention("CES")]);
        assert_eq!(
            c.pronoun_subject("It has agreed a content "),
            Some("Microsoft")
        );
        assert_eq!(c.pronoun_subject("Analysts said a "), None);
    }

    #[test]
    fn they_stands_for_the_one_organization_named_before() {
        let mut c = Context::default();
        c.observe("", &[mention("Acme")]);
        assert_eq!(c.pronoun_subject("In 2016, they "), Some("Acme"));
        assert_eq!(
            c.owner_of_listed_partners("Other ", "partners"),
            Some("Acme")
        );
        assert_eq!(
            c.owner_of_listed_partners("Analysts and ", "partners"),
            None
        );
        // After two organizations, "they" is the pair.
        c.observe("", &[mention("Acme"), mention("Globex")]);
        assert_eq!(c.pronoun_subject("They "), None);
        assert_eq!(c.pronoun_subject("It "), Some("Acme"));
    }

    #[test]
    fn first_person_is_the_article_main_organization() {
        let names = ["Docker", "DHI", "Docker", "SRLabs", "Docker", "DHI"];
        let mut c = Context::new(names.into_iter(), &Site::default());
        c.observe("", &[mention("DHI")]);
        assert_eq!(c.pronoun_subject("That's why we "), Some("Docker"));
        assert_eq!(c.pronoun_subject("It "), Some("DHI"));
    }

    #[test]
    fn first_person_on_a_known_site_is_its_publisher() {
        let names = ["Walmart", "Walmart", "Bókun", "Globex"];
        let on = |url| Site {
            url: Some(url),
            name: None,
        };
        let c = Context::new(names.into_iter(), &on("https://www.bokun.io/blog/x"));
        assert_eq!(c.pronoun_subject("Since 2019 we "), Some("Bókun"));
        // An agency's page: "we" is none of the organizations named.
        let c = Context::new(names.into_iter(), &on("https://appagency.com/blog/"));
        assert_eq!(c.pronoun_subject("As a top provider, we "), None);
        // Quoted, "we" is the speaker's organization, as without a site.
        assert_eq!(c.pronoun_subject("“Since 2019 we "), Some("Walmart"));
    }

    #[test]
    fn untold_topics_are_told_from_names() {
        for side in ["It", "its", "Their", "the company", "The British carmaker"] {
            assert!(is_untold_topic(side), "{side}");
        }
        for side in ["Globex", "The Bank of England", "the", "Itochu", "Theranos"] {
            assert!(!is_untold_topic(side), "{side}");
        }
    }

    #[test]
    fn an_opening_pronoun_stands_for_the_organization_before() {
        let mut c = Context::default();
        // Before any name, it is the untold topic, kept as written.
        let untold = c.opening_reference("It works with Initech.", &[]);
        assert_eq!(untold.map(|m| m.name), Some("It"));
        c.observe("", &[mention("Acme"), mention("Globex")]);
        let it = c
            .opening_reference(
                "In 2012, the software company began to work with Initech.",
                &[],
            )
            .expect("a reference");
        assert_eq!((it.start, it.end, it.name), (9, 29, "Acme"));
        assert!(c
            .opening_reference("Analysts said Initech grew.", &[])
            .is_none());
        assert!(c
            .opening_reference("The Widget Company works with Initech.", &[])
            .is_none());
        assert!(
            Context::is_reference("the firm's") && !Context::is_reference("The Widget Company")
        );
    }

    #[test]
    fn a_reference_after_a_sentence_opened_by_a_missed_name_is_that_name() {
        let mut c = Context::default();
        let first = "In 1994, Zentrix opened its first Globex Center in Ohio.";
        let center = Mention {
            start: first.find("Globex").expect("name"),
            end: first.find(" in").expect("end"),
            name: "Globex Center",
            guessed: false,
        };
        c.observe(first, &[center]);
        assert_eq!(c.pronoun_subject("In 2007, the company "), Some("Zentrix"));
        // Without a name of its own before the finder's, the first mention stands.
        c.observe("Globex Center rose.", &[Mention { start: 0, ..center }]);
        assert_eq!(c.pronoun_subject("It "), Some("Globex Center"));
    }

    #[test]
    fn the_missed_subject_is_the_first_name_before_its_verb() {
        let mut c = Context::default();
        c.observe("Early investments Zentrix Online gradually grew.", &[]);
        assert_eq!(c.pronoun_subject("In 2016, it "), Some("Zentrix Online"));
    }

    #[test]
    fn a_described_event_belongs_to_the_organization_before() {
        let mut c = Context::default();
        c.observe("", &[mention("Acme")]);
        assert_eq!(
            c.described_subject("Flying a new jet, the first flight took place "),
            Some("Acme")
        );
        assert_eq!(c.described_subject("Analysts said a "), None);
        assert_eq!(c.described_subject("The winner will work "), None);
        assert_eq!(c.described_subject("So far, the two firms have "), None);
    }

    #[test]
    fn a_studio_agency_or_label_is_a_subject_reference() {
        let c = Context::default();
        assert_eq!(c.pronoun_subject("In 2021, the label "), Some("the label"));
        assert_eq!(c.pronoun_subject("The agency is "), Some("The agency"));
        assert_eq!(c.pronoun_subject("The studio "), Some("The studio"));
        // A described label is some other organization's.
        assert_eq!(
            c.pronoun_subject("They partnered to create the Globex label and "),
            Some("They")
        );
    }

    #[test]
    fn plural_reference_takes_previous_sentence_partners() {
        let mut c = Context::default();
        c.observe("", &[mention("Huawei"), mention("Lenovo"), mention("TCL")]);
        assert_eq!(
            c.referenced_partners(
                "Facebook will end these partnerships too.",
                24..36,
                "Facebook"
            ),
            ["Huawei", "Lenovo", "TCL"]
        );
        assert!(c
            .referenced_partners("Facebook will end its tie-up.", 22..28, "Facebook")
            .is_empty());
        let s = "Facebook signed deals with them.";
        assert_eq!(
            c.referenced_partners(s, 16..21, "Facebook"),
            ["Huawei", "Lenovo", "TCL"]
        );
        // "them" far from the trigger, past its own object, is someone else.
        let s = "Facebook works with clients to help them grow.";
        assert!(c.referenced_partners(s, 9..19, "Facebook").is_empty());
    }
}
