//! Names that cannot be a party to a partnership where they stand: a name
//! used as the modifier of a facility, project, aircraft, disease or
//! technology noun ("the Tarvik 3 gas field", "Alzheimer's disease"),
//! a product name ("under the name Blue Harbour"), a subsidiary ("its
//! subsidiary Globex"), a venue ("on the London Stock Exchange"), the
//! employer of a quoted analyst or an adverb taken for a name.

use super::lexicon;
use regex::Regex;
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

/// The head noun right after the name ("Alzheimer's disease", "Digital technology").
static HEAD_RIGHT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(&format!(r"^(?:['’]s)?\s+(?:{HEADS})(?-u:\b)"))
        .expect("head-after pattern")
});

static DETERMINER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?i)(?-u:\b)(?:the|its|their|his|her)\s+[“‘]?$")
        .expect("determiner pattern")
});

/// A product, project, subsidiary or venue introduced by the words before the name.
static THING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?i)(?:(?-u:\b)under the name|(?-u:\b)dubbed|(?-u:\b)branded|(?-u:\b)subsidiary|(?:^|\s)on the)\s+[“‘]?$",
    )
    .expect("thing-before pattern")
});

/// The employer of an outside observer quoted on the news ("said Jane Roe,
/// an analyst at Acme Research").
static OBSERVER_AT: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?i)(?-u:\b)(?:analysts?|economists?|strategists?|professor)\s+(?:at|with|from|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$",
    )
    .expect("observer pattern")
});

/// A name in a list of customers or of licensed properties given as
/// examples ("clients such as Acme, Globex and", "licenses including Blue
/// Harbour"): a customer or a licensed title is no partner.
static CUSTOMER_LIST: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?i)(?-u:\b)(?:clients|customers|licen[cs]es)\s*,?\s+(?:including|such as|like|include[sd]?)\s*:?\s+[^.;:]*$",
    )
    .expect("customer-list pattern")
});

/// A person's role noun right before the name ("makeup artist Jane Roe",
/// "the director, John Doe", "writers Jane Roe and"), not a list's comma
/// after a plural ("music artists, Acme and Globex").
static PERSON_ROLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?-u:\b)(?:artist|director|writer|screenwriter|author|novelist|poet|actor|actress|singer|songwriter|musician|rapper|composer|designer|chef|photographer|illustrator|cartoonist|architect|proprietor|founder|co-founder|entrepreneur|businessman|businesswoman|philanthropist|tycoon|magnate|pioneer|veteran|comedian|filmmaker|journalist|scientist|inventor|showrunner)(?:\s*,\s+|s?\s+)$",
    )
    .expect("person role pattern")
});

/// The name starting at byte `start` of `sentence` is a person's, given
/// the role noun before it. The name stays a member of its list; only its
/// pairs are dropped.
pub fn is_person(sentence: &str, start: usize) -> bool {
    PERSON_ROLE_BEFORE.is_match(&sentence[..start])
}

/// The mention `start..end` of `sentence` does not name a party there.
/// `guessed` names (not from the organization finder) are also dropped
/// before a head noun without a determiner.
pub fn is_not_party(sentence: &str, start: usize, end: usize, guessed: bool) -> bool {
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
        || THING_BEFORE.is_match(before)
        || OBSERVER_AT.is_match(before)
        || CUSTOMER_LIST.is_match(before)
        || DETERMINER_BEFORE.is_match(before) && modified.is_match(after)
        || guessed && HEAD_RIGHT_AFTER.is_match(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn not_party(s: &str, name: &str, guessed: bool) -> bool {
        let start = s.find(name).expect("name in sentence");
        is_not_party(s, start, start + name.len(), guessed)
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
