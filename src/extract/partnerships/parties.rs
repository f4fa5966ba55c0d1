//! Names that cannot be a party to a partnership where they stand: a name
//! used as the modifier of a facility, project, aircraft, disease or
//! technology noun ("the Tarvik 3 gas field", "Alzheimer's disease"),
//! a product name ("under the name Blue Harbour"), a subsidiary ("its
//! subsidiary Globex"), a venue ("on the London Stock Exchange"), the
//! employer of a quoted analyst or an adverb taken for a name.

use super::arguments::Mention;
use super::lexicon;
use super::tail::{before_spaces, folded_word_at_end};
use super::triggers::Trigger;
use crate::text::pattern::Matcher;
use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem::Finder;
use regex::Regex;
use regex_automata::meta;
use std::cell::OnceCell;
use std::sync::LazyLock;

/// Nouns a name modifies when it names a thing rather than an organization.
const HEADS: &str = r"fields?|oilfields?|gasfields?|projects?|disease|treatments?|drugs?|vaccines?|series|technology|technologies|reactors?|pipelines?|mines?";

/// Heads that follow a maker's name too ("Boeing planes"): only names the
/// organization finder did not report are dropped before them.
const GUESSED_HEADS: &str = r"aircraft|planes?|jets?|airliners?";

/// A determiner, the name, then up to three lower-case or numeric words and a
/// head noun: "the Tarvik 3 gas field", "its Lisbon
/// metro-maintenance contract", "the K-9 Falcon coastal patrol aircraft".
static MODIFIED_AFTER: LazyLock<Regex> = LazyLock::new(|| modified_after(HEADS));

static GUESSED_MODIFIED_AFTER: LazyLock<Regex> =
    LazyLock::new(|| modified_after(&format!("{HEADS}|{GUESSED_HEADS}")));

fn modified_after(heads: &str) -> Regex {
    crate::text::pattern::regex(&format!(
        r"^(?:['’]s)?[”’]?\s+(?:(?:[a-z][\w-]*|\d[\w.-]*)\s+){{0,3}}?(?:{heads}|contract|concession)(?-u:\b)"
    ))
    .expect("modified-after pattern")
}

/// `after` opens with the words up to a head noun that the name before it
/// modifies ([`modified_after`]). A determiner among them opens a noun
/// phrase of its own: "The Ardel Council awarded a contract" names no
/// contract "Ardel Council".
fn modifies_head(modified: &Regex, after: &str) -> bool {
    modified.find(after).is_some_and(|m| {
        !m.as_str()
            .split_whitespace()
            .any(|w| matches!(w, "a" | "an") || DETERMINERS.contains(&w))
    })
}

/// The head noun right after the name ("Alzheimer's disease", "Digital technology").
static HEAD_RIGHT_AFTER: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(&format!(r"^(?:['’]s)?\s+(?:{HEADS})(?-u:\b)")).expect("head-after pattern")
});

/// A plural noun of organizations or people right after the name: it
/// names a class ("Fortune 500 corporations", "Globex customers"), whose
/// members, not the name, are the partners. (A company's own outlets,
/// "Zellers stores", are the company.)
static CLASS_AFTER: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s+(?:companies|corporations|firms|brands|businesses|clients|customers|retailers|startups|start-ups|members|users)(?-u:\b)")
        .expect("class-after pattern")
});

/// The definite determiners a modified name follows ("the", "its").
const DETERMINERS: &[&str] = &["the", "its", "their", "his", "her"];

/// The words before the name end with a determiner ("the ", "its “"), as
/// `(?i)(?-u:\b)(?:the|its|their|his|her)\s+[“‘]?$` reads them.
fn determiner_before(before: &str) -> bool {
    before_spaces(without_open_quote(before))
        .is_some_and(|w| folded_word_at_end(w, DETERMINERS).is_some())
}

/// A product, project, subsidiary or venue introduced by the words before
/// the name, as `(?i)(?:(?-u:\b)under the name|(?-u:\b)dubbed|(?-u:\b)branded|(?-u:\b)subsidiary|(?:^|\s)on the)\s+[“‘]?$`
/// reads them.
fn thing_before(before: &str) -> bool {
    let Some(w) = before_spaces(without_open_quote(before)) else {
        return false;
    };
    let on_the = w.len() >= 6
        && w.as_bytes()[w.len() - 6..].eq_ignore_ascii_case(b"on the")
        && w[..w.len() - 6]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
    on_the
        || folded_word_at_end(w, &["under the name", "dubbed", "branded", "subsidiary"]).is_some()
}

/// `text` without one opening quotation mark at its end.
fn without_open_quote(text: &str) -> &str {
    text.strip_suffix(['“', '‘']).unwrap_or(text)
}

/// The employer of an outside observer quoted on the news ("said Jane Roe,
/// an analyst at Acme Research").
static OBSERVER_AT: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(
        r"(?i)(?-u:\b)(?:analysts?|economists?|strategists?|professor)\s+(?:at|with|from|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$",
    )
    .expect("observer pattern")
});

/// A name in a list of customers or of licensed properties given as
/// examples ("clients such as Acme, Globex and", "licenses including Blue
/// Harbour"): a customer or a licensed title is no partner.
static CUSTOMER_LIST: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(
        r"(?i)(?-u:\b)(?:clients|customers|licen[cs]es)\s*,?\s+(?:including|such as|like|include[sd]?)\s*:?\s+[^.;:]*$",
    )
    .expect("customer-list pattern")
});

/// A person's role noun right before the name ("makeup artist Jane Roe",
/// "the director, John Doe", "writers Jane Roe and"), not a list's comma
/// after a plural ("music artists, Acme and Globex").
const PERSON_ROLES: &[&str] = &[
    "artist",
    "director",
    "writer",
    "screenwriter",
    "author",
    "novelist",
    "poet",
    "actor",
    "actress",
    "singer",
    "songwriter",
    "musician",
    "rapper",
    "composer",
    "designer",
    "chef",
    "photographer",
    "illustrator",
    "cartoonist",
    "architect",
    "proprietor",
    "founder",
    "co-founder",
    "entrepreneur",
    "businessman",
    "businesswoman",
    "philanthropist",
    "tycoon",
    "magnate",
    "pioneer",
    "veteran",
    "comedian",
    "filmmaker",
    "journalist",
    "scientist",
    "inventor",
    "showrunner",
];

/// The name starting at byte `start` of `sentence` is a person's, given
/// the role noun before it (`(?-u:\b)(?:artist|...)(?:\s*,\s+|s?\s+)$`).
/// The name stays a member of its list; only its pairs are dropped.
pub fn is_person(sentence: &str, start: usize) -> bool {
    let Some(w) = before_spaces(&sentence[..start]) else {
        return false;
    };
    match w.strip_suffix(',') {
        Some(role) => ends_with_role(role.trim_end()),
        None => ends_with_role(w) || w.strip_suffix('s').is_some_and(ends_with_role),
    }
}

/// `text` ends with a role noun after a word boundary: its last run of
/// lower-case letters and hyphens, or the part of the run after a hyphen
/// ("ex-founder").
fn ends_with_role(text: &str) -> bool {
    let start = text
        .trim_end_matches(|c: char| c.is_ascii_lowercase() || c == '-')
        .len();
    let run = &text[start..];
    let bounded = !text[..start].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
    (bounded && PERSON_ROLES.contains(&run))
        || run
            .match_indices('-')
            .any(|(i, _)| PERSON_ROLES.contains(&&run[i + 1..]))
}

/// Pieces of the words [`OBSERVER_AT`] and [`CUSTOMER_LIST`] need, in
/// lower case and without the letters `(?i)` also reads in other characters
/// (the long s is an "s"): a name with none of them before it is spared
/// those backward searches, most of whose cost is the scan back over the
/// sentence.
const CUE_WORDS: [&str; 7] = [
    "analy", "econom", "trategi", "profe", "lient", "tomer", "licen",
];

/// Leftmost-first, the kind of search its SIMD prefilter serves.
static CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(CUE_WORDS)
        .expect("cue words")
});

/// A sentence whose names are checked with [`Sentence::is_not_party`].
pub struct Sentence<'s> {
    text: &'s str,
    /// `text` ASCII-lower-cased.
    lowered: &'s str,
    /// Where the first cue word ends (`usize::MAX` without one). No piece
    /// is part of another, so none ends before the leftmost. Searched for
    /// when a name first needs it: most sentences name no organization.
    cues_from: OnceCell<usize>,
    /// The sentence writes "licen..." or "right...", which every noun of
    /// [`RIGHTS`] and [`LICENSING`] holds: only then can a name be a
    /// licensed property.
    /// Read when a name first needs it.
    speaks_of_rights: OnceCell<bool>,
}

impl<'s> Sentence<'s> {
    /// `lowered` is `text` ASCII-lower-cased.
    pub fn new(text: &'s str, lowered: &'s str) -> Sentence<'s> {
        Sentence {
            text,
            lowered,
            cues_from: OnceCell::new(),
            speaks_of_rights: OnceCell::new(),
        }
    }

    fn cues_from(&self) -> usize {
        *self
            .cues_from
            .get_or_init(|| CUES.find(self.lowered).map_or(usize::MAX, |m| m.end()))
    }

    fn speaks_of_rights(&self) -> bool {
        // Built once: a searcher costs more to build than to run on a sentence.
        static LICEN: LazyLock<Finder> = LazyLock::new(|| Finder::new(b"licen"));
        static RIGHT: LazyLock<Finder> = LazyLock::new(|| Finder::new(b"right"));
        *self.speaks_of_rights.get_or_init(|| {
            let lowered = self.lowered.as_bytes();
            LICEN.find(lowered).is_some() || RIGHT.find(lowered).is_some()
        })
    }

    /// The mention `start..end` does not name a party there.
    /// `guessed` names (not from the organization finder) are also dropped
    /// before a head noun without a determiner.
    pub fn is_not_party(&self, start: usize, end: usize, guessed: bool) -> bool {
        let sentence = self.text;
        let before = &sentence[..start];
        let after = &sentence[end..];
        let modified = if guessed {
            &GUESSED_MODIFIED_AFTER
        } else {
            &MODIFIED_AFTER
        };
        // A capitalized adverb set off by a comma ("Subsequently, ...") even
        // when the finder took it for a name.
        let word = &sentence[start..end];
        let adverb = word.ends_with("ly") && after.starts_with(',') && lexicon::is_common(word);
        adverb
            || crate::text::amounts::is_amount(word, after)
            || thing_before(before)
            || start >= self.cues_from()
                && (OBSERVER_AT.is_match(before) || CUSTOMER_LIST.is_match(before))
            || determiner_before(before) && modifies_head(modified, after)
            || guessed && HEAD_RIGHT_AFTER.is_match(after)
            || CLASS_AFTER.is_match(after)
            || names_a_source(before)
            || REPORTS_ON_ANOTHER.is_match(after)
            || self.speaks_of_rights() && names_a_licensed_property(before, after)
    }
}

/// The nouns that, before "to", "for" or "of", end a text before a
/// licensed property ("the licence to", "distribution rights for").
const RIGHTS: &[&str] = &["licence", "license", "licences", "licenses", "rights"];

/// The nouns that do so before "of" only ("the licensing of").
const LICENSING: &[&str] = &["licensing", "licencing"];

/// The name is what a licence or a right covers, right after "rights to"
/// or "the licenses for" (and "the" or up to two lower-case words: "rights
/// to the film"): a title, a brand or a trademark ("acquired the
/// licenses to Blue Harbour"), not the licensor. An owner ("the rights to
/// Globex's catalogue") stays a party.
fn names_a_licensed_property(before: &str, after: &str) -> bool {
    if after.starts_with(['\'', '’']) {
        return false;
    }
    let Some(mut words) = before_spaces(before) else {
        return false;
    };
    if rights_before(words) {
        return true;
    }
    // The name may be a later item of the list of titles ("the licenses
    // to Blue Harbour, Red Fox and Green Hill"), which a separator or the
    // sentence's end follows: not the subject of a clause of its own ("the
    // rights to Blue Harbour, and Globex makes its toys").
    if !ends_list_item(after) {
        return false;
    }
    for _ in 0..MAX_LISTED_TITLES {
        if rights_before(words) {
            return true;
        }
        match before_listed_title(words) {
            Some(rest) => words = rest,
            None => return false,
        }
    }
    false
}

/// What follows a list item: a separator, a parenthesis or the end.
fn ends_list_item(after: &str) -> bool {
    let rest = after.trim_start();
    rest.is_empty()
        || rest.starts_with([',', '.', ';', '('])
        || folded_word_at_start(rest, &["and", "or"])
}

/// `text` opens with one of `words` (lower-case ASCII) as a whole word.
fn folded_word_at_start(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        text.len() > w.len()
            && text.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            && !text.as_bytes()[w.len()].is_ascii_alphanumeric()
    })
}

/// At most this many titles of a list are read back to its "rights to".
const MAX_LISTED_TITLES: usize = 8;

/// `words` end with "licence to", "rights for", "licensing of" ...
/// ([`ends_with_rights_to`]), maybe followed by "the" or up to two
/// lower-case words.
fn rights_before(mut words: &str) -> bool {
    for _ in 0..3 {
        if ends_with_rights_to(words) {
            return true;
        }
        match words.rfind(' ') {
            Some(at) if words[at + 1..].starts_with(|c: char| c.is_ascii_lowercase()) => {
                words = words[..at].trim_end();
            }
            _ => return false,
        }
    }
    false
}

/// `words` end with one of [`RIGHTS`] and "to", "for" or "of", or one of
/// [`LICENSING`] and "of", a single space between them.
fn ends_with_rights_to(words: &str) -> bool {
    let Some(at) = folded_word_at_end(words, &["to", "for", "of"]) else {
        return false;
    };
    let Some(noun) = words[..at].strip_suffix(' ') else {
        return false;
    };
    folded_word_at_end(noun, RIGHTS).is_some()
        || words[at..].eq_ignore_ascii_case("of") && folded_word_at_end(noun, LICENSING).is_some()
}

/// `words` without the list separator (",", "and", "or", ", and") and
/// the capitalized words of the list item before it, when they end so.
fn before_listed_title(words: &str) -> Option<&str> {
    let rest = match folded_word_at_end(words, &["and", "or"]) {
        Some(at) => words[..at].trim_end(),
        None => words,
    };
    let rest = rest.strip_suffix(',').unwrap_or(rest).trim_end();
    if rest.len() == words.len() {
        return None;
    }
    // The item: capitalized words (or figures) back to a space before a
    // lower-case word or a separator.
    let mut item = rest;
    while let Some(at) = item.rfind(' ') {
        let word = &item[at + 1..];
        if !word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            break;
        }
        item = item[..at].trim_end();
        if item.ends_with(',') {
            break;
        }
    }
    (item.len() < rest.len()).then_some(item)
}

/// A press verb with a "that" clause whose subject is a description of a
/// single company ("Globex reported that the company had partnered with
/// Initech"): the name is the report's source. The company the description
/// stands for is named elsewhere; a teller writing about itself says "it".
static REPORTS_ON_ANOTHER: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(
        r"(?i)^(?:['’]s)?\s+(?:has\s+|had\s+|also\s+)?(?:reported|reports|wrote|writes|revealed|reveals|claimed|claims|learned|learnt)\s+(?:[\w-]+\s+){0,3}?that\s+the\s+(?:company|firm|group|startup|business|carmaker|automaker|manufacturer|bank|insurer|retailer|airline|brand|label|studio|publisher|developer|operator)(?-u:\b)",
    )
    .expect("reports-on-another pattern")
});

/// True when `before` (the sentence up to a name) ends with "according
/// to": the name is the report's source ("According to Globex, Acme
/// partnered with Initech").
fn names_a_source(before: &str) -> bool {
    const SOURCE: &[u8] = b"according to";
    let b = before.trim_end().as_bytes();
    b.len() >= SOURCE.len() && b[b.len() - SOURCE.len()..].eq_ignore_ascii_case(SOURCE)
}

/// The names of the clause that reports the sentence's partnership ("Acme
/// announced on Globex that Initech had partnered with Hooli": Acme and
/// Globex, the teller and the medium): those before a "that" when a name
/// stands between it and the first trigger, as the reported clause's
/// subject, and the name does not come back inside that clause. They are no
/// parties; the argument rules already read the reported clause alone.
pub fn reporting_names<'o>(
    lowered: &str,
    mentions: &[Mention<'o>],
    triggers: &[Trigger],
) -> Vec<&'o str> {
    let Some(trigger) = triggers.first().map(|t| t.start) else {
        return Vec::new();
    };
    let Some(at) = lowered[..trigger]
        .rfind(" that ")
        .map(|i| i + " that ".len())
    else {
        return Vec::new();
    };
    if !mentions.iter().any(|m| at <= m.start && m.start < trigger) {
        return Vec::new();
    }
    let inside = |n: &str| mentions.iter().any(|m| m.start >= at && m.name == n);
    mentions
        .iter()
        .filter(|m| m.end <= at && !inside(m.name))
        .map(|m| m.name)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn not_party(s: &str, name: &str, guessed: bool) -> bool {
        let start = s.find(name).expect("name in sentence");
        Sentence::new(s, &s.to_ascii_lowercase()).is_not_party(start, start + name.len(), guessed)
    }

    #[test]
    fn a_name_modifying_a_class_of_organizations_is_no_party() {
        let s = "Acme works with Fortune 500 corporations and with Globex.";
        assert!(not_party(s, "Fortune 500", false));
        assert!(!not_party(s, "Globex", false));
        assert!(not_party("Acme serves Globex customers.", "Globex", true));
        assert!(!not_party("Acme came to Globex stores.", "Globex", false));
    }

    #[test]
    fn a_name_before_a_head_noun_names_a_thing_unless_a_determiner_parts_them() {
        let s = "The Tarvik 3 gas field and its Lisbon metro-maintenance contract grew.";
        assert!(not_party(s, "Tarvik", false));
        assert!(not_party(s, "Lisbon", false));
        let s = "The Ardel Media Council awarded a contract to Quilmara Ltd.";
        assert!(!not_party(s, "Ardel Media Council", false));
    }

    #[test]
    fn the_source_of_a_report_is_no_party() {
        let s = "According to Globex, Acme partnered with Initech.";
        assert!(not_party(s, "Globex", false));
        assert!(!not_party(s, "Acme", false));
        assert!(!not_party(s, "Initech", false));
    }

    #[test]
    fn a_paper_reporting_on_a_company_is_no_party() {
        let s =
            "Later, Quillfeather Weekly reported that the company was working with Ostrava Pumps.";
        assert!(not_party(s, "Quillfeather Weekly", false));
        assert!(!not_party(s, "Ostrava Pumps", false));
        // A company telling of itself says "it": it stays a party.
        let s = "Quillfeather reported that it was working with Ostrava Pumps.";
        assert!(!not_party(s, "Quillfeather", false));
    }

    #[test]
    fn a_licensed_property_is_no_party() {
        let s = "In 2011 Vexlo Games acquired the licenses to Blue Harbour from Brindle Media.";
        assert!(not_party(s, "Blue Harbour", true));
        assert!(!not_party(s, "Brindle Media", false));
        assert!(not_party(
            "Vexlo holds the distribution rights to the film Red Orchard.",
            "Red Orchard",
            true
        ));
        let s = "Vexlo holds the licences to Blue Harbour, Red Fox Two and Green Hill.";
        assert!(not_party(s, "Red Fox Two", true));
        assert!(not_party(s, "Green Hill", true));
        assert!(!not_party(
            "Vexlo holds the licences to Blue Harbour, and Brindle Labs makes its toys.",
            "Brindle Labs",
            false
        ));
        assert!(!not_party(
            "Vexlo bought the rights to Brindle's music catalogue.",
            "Brindle",
            false
        ));
    }

    #[test]
    fn things_named_after_places_are_no_parties() {
        let s = "Acme has a partnership to explore the Tarvik 3 gas field with Globex.";
        assert!(not_party(s, "Tarvik", false));
        assert!(!not_party(s, "Globex", false));
        assert!(!not_party(s, "Acme", false));
        assert!(not_party(
            "Acme signed a deal on the K-9 Falcon coastal patrol aircraft.",
            "K-9 Falcon",
            true
        ));
        assert!(not_party(
            "Acme pulled out of a deal on an Alzheimer's disease treatment.",
            "Alzheimer",
            true
        ));
    }

    #[test]
    fn products_and_venues_are_no_parties() {
        assert!(not_party(
            "Acme will ship it with Globex under the name Blue Harbour.",
            "Blue Harbour",
            true
        ));
        assert!(not_party(
            "On the Tokyo Stock Exchange, shares in Acme fell 9%.",
            "Tokyo Stock Exchange",
            false
        ));
        assert!(not_party(
            "Acme wrote down its stake in Danish subsidiary Globex.",
            "Globex",
            false
        ));
        assert!(not_party(
            "The tie-up gives Acme reach, said Jane Roe, an analyst at broker Globex.",
            "Globex",
            false
        ));
    }

    #[test]
    fn customers_given_as_examples_are_no_parties() {
        let s = "Acme works with clients including Globex, the Initech Bank and Umbrella.";
        assert!(not_party(s, "Globex", false));
        assert!(not_party(s, "Umbrella", false));
        assert!(!not_party(s, "Acme", false));
        assert!(not_party(
            "Acme made games based on licenses such as Blue Harbour and Red Fox.",
            "Red Fox",
            true
        ));
        assert!(!not_party(
            "Acme has customers in Spain. Globex partnered with Initech.",
            "Initech",
            false
        ));
    }

    #[test]
    fn an_adverb_set_off_by_a_comma_is_no_party() {
        let s = "It opened in 2001. Finally, Acme sold cars to Italy, Globex and Initech.";
        assert!(not_party(s, "Finally", false));
        assert!(!not_party(s, "Italy", false));
    }

    #[test]
    fn a_supplier_named_before_its_product_stays_a_party() {
        assert!(!not_party(
            "Ryanair ordered the Boeing planes in a deal with the lessor.",
            "Boeing",
            false
        ));
        assert!(!not_party(
            "Acme licensed Intel technology.",
            "Intel",
            false
        ));
    }
}

#[cfg(test)]
mod same_as_regexes {
    use super::*;

    /// Texts assembled from pieces around the words the tests look for.
    fn texts() -> Vec<String> {
        let pieces = [
            "the",
            "The",
            "ITS",
            "itſ",
            "their",
            "his",
            "her",
            "bathe",
            "under the name",
            "Under  the name",
            "dubbed",
            "branded",
            "subsidiary",
            "on the",
            "On The",
            "xon the",
            "artist",
            "artists",
            "Artist",
            "co-founder",
            "actress",
            "writer",
            "analyst",
            "economists",
            "strategiſt",
            "professor",
            "at",
            "with",
            "From",
            "of",
            "Globex",
            "big-time",
            "é",
            "_",
            "“",
            "‘",
            ",",
            ";",
            ".",
            ":",
            "clients",
            "cuſtomers",
            "licences",
            "including",
            "such as",
            "like",
            "includes",
            " ",
            "  ",
            "\u{a0}",
            "\n",
            "x",
            "analyst at",
            "Economist with the",
            "clients including",
            "customers, such as:",
            "licenses like",
            "-",
            "9",
            "ex-",
            "founders",
        ];
        crate::text::random::texts(&pieces, 20_000, 7, 12345)
    }

    #[test]
    fn names_spared_the_cue_patterns_are_those_they_cannot_match() {
        let mut matched = 0;
        for t in texts() {
            let lowered = t.to_ascii_lowercase();
            let from = Sentence::new(&t, &lowered).cues_from();
            for (start, _) in t.char_indices().chain([(t.len(), ' ')]) {
                let before = &t[..start];
                if OBSERVER_AT.is_match(before) || CUSTOMER_LIST.is_match(before) {
                    assert!(start >= from, "{t:?} at {start}");
                    matched += 1;
                }
            }
        }
        assert!(matched > 100, "{matched}");
    }

    #[test]
    fn the_written_out_checks_read_as_the_regexes_did() {
        let re = |p: &str| crate::text::pattern::regex(p).expect("pattern");
        let determiner = re(r"(?i)(?-u:\b)(?:the|its|their|his|her)\s+[“‘]?$");
        let thing = re(
            r"(?i)(?:(?-u:\b)under the name|(?-u:\b)dubbed|(?-u:\b)branded|(?-u:\b)subsidiary|(?:^|\s)on the)\s+[“‘]?$",
        );
        let role = re(
            r"(?-u:\b)(?:artist|director|writer|screenwriter|author|novelist|poet|actor|actress|singer|songwriter|musician|rapper|composer|designer|chef|photographer|illustrator|cartoonist|architect|proprietor|founder|co-founder|entrepreneur|businessman|businesswoman|philanthropist|tycoon|magnate|pioneer|veteran|comedian|filmmaker|journalist|scientist|inventor|showrunner)(?:\s*,\s+|s?\s+)$",
        );
        let mut matched = [0; 3];
        for t in texts() {
            let found = [
                determiner.is_match(&t),
                thing.is_match(&t),
                role.is_match(&t),
            ];
            assert_eq!(determiner_before(&t), found[0], "{t:?}");
            assert_eq!(thing_before(&t), found[1], "{t:?}");
            assert_eq!(is_person(&t, t.len()), found[2], "{t:?}");
            for (n, f) in matched.iter_mut().zip(found) {
                *n += usize::from(f);
            }
        }
        // Each regex matched often enough for the comparison to mean something.
        assert!(matched.iter().all(|&n| n > 50), "{matched:?}");
    }
}
