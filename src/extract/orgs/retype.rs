//! Second opinions on the tagger's entity types, read off the whole article:
//! a one-word name the tagger took for a person or place is a company's
//! when the article puts it where only a company fits ("a stake in Sina",
//! "an analyst at Brightwater"), unless the article names a person with it.

use super::features::Prepared;
use super::words::{first_word, has_space, last_word, split_last_word, word_ending};
use crate::text::calendar::is_month;
use crate::text::hash::FastSet;
use std::sync::LazyLock;

/// Lower-cased words that stand in a company context somewhere in the
/// article ([`Prepared::company_context`]).
fn cued_words(text: &str, p: &Prepared) -> FastSet<String> {
    let mut out = FastSet::default();
    for s in &p.sentences {
        let toks = &p.tokens[s.clone()];
        let cued_here = &p.company_context[s.clone()];
        for (i, t) in toks.iter().enumerate() {
            // Few tokens stand in a company context: that flag first.
            if !cued_here[i] {
                continue;
            }
            let w = &text[t.clone()];
            // Places fit some of the contexts too: "a stake in Russia",
            // "the Milan stock market", "Budapest was up".
            let word = |k: usize| toks.get(k).map_or("", |t| &text[t.clone()]);
            let after_in = || i > 0 && word(i - 1).eq_ignore_ascii_case("in");
            let market = || {
                matches!(word(i + 1), "stock" | "Stock" | "shares" | "was" | "were")
                    || matches!(word(i + 2), "market" | "exchange" | "Exchange" | "index")
            };
            // "controlled by Spain's Velmar": the possessor is not the company.
            let possessor = || matches!(word(i + 1), "'s" | "’s");
            if w.starts_with(|c: char| c.is_uppercase())
                && !possessor()
                && w.chars().all(char::is_alphanumeric)
                && w.chars().any(char::is_lowercase)
                && !after_in()
                && !market()
                && !is_month(w)
            {
                out.insert(w.to_lowercase());
            }
        }
    }
    out
}

/// Byte spans of the one-word person and place entities (`typed`: start,
/// end, type; 1 = person, 2 = place) that the article shows to be companies.
pub fn companies(text: &str, p: &Prepared, typed: &[(usize, usize, u8)]) -> Vec<(usize, usize)> {
    let one_word = |s: usize, e: usize| !has_space(&text[s..e]);
    if !typed
        .iter()
        .any(|&(s, e, k)| matches!(k, 1 | 2) && one_word(s, e))
    {
        return Vec::new();
    }
    let cued = cued_words(text, p);
    if cued.is_empty() {
        return Vec::new();
    }
    // "Lear" is a person's name where the article writes "John Lear".
    let surnames: FastSet<String> = typed
        .iter()
        .filter(|&&(s, e, k)| k == 1 && !one_word(s, e))
        .map(|&(s, e, _)| last_word(&text[s..e]))
        .map(str::to_lowercase)
        .collect();
    typed
        .iter()
        .filter(|&&(s, e, k)| matches!(k, 1 | 2) && one_word(s, e))
        .filter(|&&(s, e, _)| {
            let w = text[s..e].to_lowercase();
            cued.contains(&w) && !surnames.contains(&w)
        })
        .map(|&(s, e, _)| (s, e))
        .collect()
}

/// Last words that make a name of several words an organization's,
/// whatever type the tagger gave it (not "League", whose sports leagues
/// are competitions, nor "Federation", which ends country names): "Pan-Asian Liberation Organisation",
/// "Harbour Electric Power", "Riverside Cement".
const HEAD_NOUNS: &[&str] = &[
    "Organisation",
    "Organization",
    "Association",
    "Council",
    "Committee",
    "Commission",
    "Ministry",
    "Authority",
    "Agency",
    "Exchange",
    "Party",
    "Front",
    "Army",
    "Court",
    "Institute",
    "Foundation",
    "Corporation",
    "Electric",
    "Power",
    "Cement",
    "Steel",
    "Motors",
    "Airlines",
    "Airways",
    "Insurance",
    "Petroleum",
    "Telecom",
    "Industries",
    "Holdings",
    "Electronics",
    "Chemicals",
    "Pharmaceuticals",
    "Securities",
];

/// True when the name of several words `name` ends with a head noun that
/// only organizations' names end with.
pub fn by_head_noun(name: &str) -> bool {
    static SET: LazyLock<FastSet<&str>> = LazyLock::new(|| HEAD_NOUNS.iter().copied().collect());
    split_last_word(name).is_some_and(|(_, last)| SET.contains(last))
}

/// Last words of company and institution names that neither people's nor
/// places' names end with, though they end products' and events' names
/// too ("Generative AI", "Social Security"): a name of several words the
/// tagger took for a person or a place ("Qorvia AI", "Orvant Networks",
/// "Keble Business School") is an organization's when it ends with one.
const COMPANY_HEADS: &[&str] = &[
    "AI",
    "Security",
    "Networks",
    "Labs",
    "Systems",
    "Technologies",
    "Software",
    "Solutions",
    "Capital",
    "Partners",
    "Ventures",
    "Group",
    "Media",
    "Studios",
    "Therapeutics",
    "Biotech",
    "Robotics",
    "Analytics",
    "Communications",
    "Services",
    "Investments",
    "Associates",
    "Bancorp",
    "Brands",
    "Foods",
    "University",
    "College",
    "School",
    "Academy",
    "Bureau",
    "Administration",
    "Directorate",
];

/// First words that make a field of a name ending with a
/// [`COMPANY_HEADS`] word ("Cyber Security", "New Media").
fn is_field_word(word: &str) -> bool {
    matches!(
        word,
        "New"
            | "Social"
            | "Digital"
            | "Mass"
            | "Mobile"
            | "Generative"
            | "Responsible"
            | "Conversational"
            | "Artificial"
            | "Open"
            | "Public"
            | "Private"
            | "National"
            | "Cyber"
            | "Information"
            | "Data"
            | "Cloud"
            | "Computer"
            | "Food"
            | "Energy"
            | "Border"
            | "Home"
            | "Internal"
            | "Financial"
            | "Health"
    )
}

/// True when `word` is one of [`COMPANY_HEADS`].
pub fn is_company_head(word: &str) -> bool {
    static SET: LazyLock<FastSet<&str>> = LazyLock::new(|| COMPANY_HEADS.iter().copied().collect());
    SET.contains(word)
}

/// True when the name of several words `name`, which the tagger typed as a
/// person's or a place's, ends with a [`COMPANY_HEADS`] word and does not
/// open with a field's word.
pub fn by_company_head(name: &str) -> bool {
    split_last_word(name)
        .is_some_and(|(first, last)| is_company_head(last) && !is_field_word(first_word(first)))
}

/// True when `word` is a noun that says what a company is, written right
/// before its name ("carmaker Zentrix Auto", "security firm Qorvia", "its
/// partner Lumio"). Bytes and a `match`: it runs on most tokens.
pub fn is_descriptor(word: &[u8]) -> bool {
    matches!(
        word,
        b"company"
            | b"firm"
            | b"maker"
            | b"carmaker"
            | b"automaker"
            | b"chipmaker"
            | b"drugmaker"
            | b"brokerage"
            | b"lender"
            | b"insurer"
            | b"airline"
            | b"retailer"
            | b"conglomerate"
            | b"giant"
            | b"publisher"
            | b"broadcaster"
            | b"operator"
            | b"startup"
            | b"start-up"
            | b"specialist"
            | b"specialists"
            | b"supplier"
            | b"provider"
            | b"manufacturer"
            | b"partner"
            | b"distributor"
            | b"consultancy"
            | b"subsidiary"
    )
}

/// True when the word before the entity at `s..e` of type `kind` (a comma
/// aside) is a company noun; a person's full name after "partner" is a
/// doubles or business partner's.
fn follows_descriptor(text: &str, s: usize, e: usize, kind: u8) -> bool {
    follows_company_noun(text, s)
        && !(word_before(text, s) == "partner" && kind == 1 && has_space(&text[s..e]))
}

/// The word before byte `s`, a comma aside.
fn word_before(text: &str, s: usize) -> &str {
    let before = text[..s].trim_end_matches(' ');
    let before = before
        .strip_suffix(',')
        .unwrap_or(before)
        .trim_end_matches(' ');
    word_ending(before)
}

/// True when the word before byte `s` (a comma aside) is a company noun
/// ("software giant Maple").
pub fn follows_company_noun(text: &str, s: usize) -> bool {
    is_descriptor(word_before(text, s).as_bytes())
}

/// Nouns that say what a company is, written right after its name
/// ("the Qorvia newspaper", "the Zentrix news agency", "Qorvia bank").
const AFTER_NAME: &[&str] = &[
    "newspaper",
    "daily",
    "weekly",
    "magazine",
    "tabloid",
    "agency",
    "bank",
];

/// True when the word after byte `e` ("news" aside) is a company noun; a
/// place (`kind` 2) before "bank" or "agency" is where the bank is.
fn followed_by_descriptor(text: &str, e: usize, kind: u8) -> bool {
    let rest = text[e..].trim_start_matches(' ');
    let rest = rest.strip_prefix("news ").unwrap_or(rest);
    // A byte loop: a multi-byte character's first byte is no letter either.
    let word = &rest[..rest
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(rest.len())];
    AFTER_NAME.contains(&word) && !(kind == 2 && matches!(word, "bank" | "agency"))
}

/// A person's name in full that the article also shortens to its last word
/// ("Ann Reed ... Reed said"), or gives an age (", 41 ,"): a person's.
fn named_as_person(text: &str, s: usize, e: usize, kind: u8) -> bool {
    let Some((_, last)) = split_last_word(&text[s..e]) else {
        return false;
    };
    let aged = text[e..]
        .strip_prefix(" , ")
        .or_else(|| text[e..].strip_prefix(", "))
        .and_then(|r| r.split_once([' ', ',']))
        .is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit())
        });
    let alone = word_count(text, last) > word_count(text, &text[s..e]);
    kind == 1 && (aged || alone)
}

/// How often `text` holds `words` with no letter or digit on either side
/// ("Auto" is not counted inside "Automotive").
fn word_count(text: &str, words: &str) -> usize {
    crate::text::whole_word_matches(text, words).count()
}

/// Byte spans of the person, place and other entities (`typed`: start, end,
/// type) whose name the article writes right after or before a company
/// noun somewhere ("security firm Qorvia", "the Qorvia newspaper"): every
/// mention of such a name.
pub fn after_descriptor(text: &str, typed: &[(usize, usize, u8)]) -> Vec<(usize, usize)> {
    let named: FastSet<&str> = typed
        .iter()
        .filter(|&&(s, e, k)| {
            k != 0
                && (follows_descriptor(text, s, e, k) || followed_by_descriptor(text, e, k))
                && !named_as_person(text, s, e, k)
        })
        .map(|&(s, e, _)| &text[s..e])
        .collect();
    if named.is_empty() {
        return Vec::new();
    }
    typed
        .iter()
        .filter(|&&(s, e, k)| k != 0 && named.contains(&text[s..e]))
        .map(|&(s, e, _)| (s, e))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    fn retyped(text: &str, typed: &[(&str, u8)]) -> Vec<String> {
        let doc = Document::new(text);
        let p = Prepared::new(&doc, &[]);
        let spans: Vec<(usize, usize, u8)> = typed
            .iter()
            .flat_map(|&(w, k)| {
                text.match_indices(w)
                    .map(move |(i, _)| (i, i + w.len(), k))
                    .collect::<Vec<_>>()
            })
            .collect();
        companies(text, &p, &spans)
            .into_iter()
            .map(|(s, e)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn names_after_company_nouns_are_companies() {
        let t = "Deals by security firm Qorvia Labs grew. Qorvia Labs said so. \
            Trading firm Tom Reed agreed, Reed said.";
        let at = |n: &str, k: u8| {
            let i = t.find(n).unwrap();
            (i, i + n.len(), k)
        };
        let second = t.rfind("Qorvia Labs").unwrap();
        let typed = [
            at("Qorvia Labs", 1),
            (second, second + 11, 2),
            at("Tom Reed", 1),
        ];
        assert!(named_as_person(t, typed[2].0, typed[2].1, 1));
        assert!(followed_by_descriptor("Qorvia news agency", 6, 3));
        assert!(!followed_by_descriptor("Qorvia said", 6, 3));
        assert!(!followed_by_descriptor("Ruritania agency", 9, 2));
        let got: Vec<&str> = after_descriptor(t, &typed)
            .into_iter()
            .map(|(s, e)| &t[s..e])
            .collect();
        assert_eq!(got, ["Qorvia Labs", "Qorvia Labs"]);
    }

    #[test]
    fn head_nouns_make_organizations() {
        assert!(by_head_noun("Pan-Asian Liberation Organisation"));
        assert!(by_head_noun("Harbour Electric Power"));
        assert!(!by_head_noun("Power"));
        assert!(!by_head_noun("West Bank"));
        assert!(by_company_head("Qorvia AI"));
        assert!(by_company_head("Keble Business School"));
        assert!(!by_company_head("Security"));
        assert!(!by_company_head("Orvant Park"));
        assert!(!by_company_head("Cyber Security"));
    }

    #[test]
    fn company_contexts_retype_every_mention() {
        let t = "Shares of Sina fell. Sina said profits rose.";
        assert_eq!(retyped(t, &[("Sina", 2)]), ["Sina", "Sina"]);
    }

    #[test]
    fn people_named_in_full_keep_their_type() {
        let t = "John Lear said. A spokesman for Lear agreed.";
        assert!(retyped(t, &[("John Lear", 1), ("Lear", 1)]).is_empty());
        let t = "Sina rose. Jones went home.";
        assert!(retyped(t, &[("Sina", 2)]).is_empty());
    }
}
