//! Word lists for attribution: reporting verbs, pronouns, determiners and the
//! small words that may sit between a speaker and its verb.

use crate::text::calendar::is_weekday;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Reporting and characterising verbs, every inflected form.
static REPORTING: &[&str] = &[
    "say",
    "said",
    "says",
    "saying",
    "tell",
    "told",
    "tells",
    "telling",
    "add",
    "added",
    "adds",
    "adding",
    "note",
    "noted",
    "notes",
    "noting",
    "warn",
    "warned",
    "warns",
    "warning",
    "allege",
    "alleges",
    "argue",
    "argued",
    "argues",
    "arguing",
    "write",
    "wrote",
    "writes",
    "writing",
    "tweet",
    "tweeted",
    "tweets",
    "tweeting",
    "insist",
    "insisted",
    "insists",
    "insisting",
    "explain",
    "explained",
    "explains",
    "explaining",
    "stated",
    "declare",
    "declared",
    "declares",
    "declaring",
    "claim",
    "claimed",
    "claims",
    "claiming",
    "ask",
    "asked",
    "asks",
    "asking",
    "reply",
    "replied",
    "replies",
    "replying",
    "respond",
    "responded",
    "responds",
    "responding",
    "continued",
    "continues",
    "recall",
    "recalled",
    "recalls",
    "recalling",
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "acknowledging",
    "admit",
    "admitted",
    "admits",
    "admitting",
    "announce",
    "announced",
    "announces",
    "announcing",
    "observed",
    "observes",
    "remarked",
    "remarks",
    "cautioned",
    "cautions",
    "predict",
    "predicted",
    "predicts",
    "predicting",
    "suggest",
    "suggested",
    "suggests",
    "suggesting",
    "emphasized",
    "emphasizes",
    "stressed",
    "stresses",
    "conceded",
    "concedes",
    "joked",
    "jokes",
    "joking",
    "quipped",
    "quips",
    "call",
    "called",
    "calls",
    "calling",
    "describe",
    "described",
    "describes",
    "describing",
    "reported",
    "reports",
    "yelling",
    "shouting",
    "chanting",
    "screaming",
    "whispering",
    "pleading",
    "praising",
    "blasting",
    "slamming",
    "criticizing",
    "mocking",
    "dismissing",
    "lamenting",
    "touting",
    "citing",
    "quoting",
    "stating",
    "observing",
    "remarking",
    "stressing",
    "emphasizing",
    "conceding",
    "reiterating",
    "echoing",
    "countering",
    "retorting",
    "demanding",
    "complaining",
    "boasting",
    "labeling",
    "dubbing",
    "branding",
    "likening",
    "comparing",
    "characterizing",
    "decrying",
    "denouncing",
    "condemning",
    "hailing",
    "proclaiming",
    "retorted",
    "proclaimed",
    "answered",
    "pressed",
    "fumed",
    "recounted",
    "scoffed",
    "marveled",
    "gushed",
    "sniped",
    "lectured",
    "ranted",
    "raged",
    "griped",
    "groused",
    "bragged",
    "bragging",
    "vented",
    "opined",
    "posts",
    "concluded",
    "concludes",
    "promise",
    "promised",
    "promises",
    "promising",
    "pledge",
    "pledged",
    "pledges",
    "vow",
    "vowed",
    "vows",
    "vowing",
    "accuse",
    "accused",
    "accuses",
    "accusing",
    "chanted",
    "assured",
    "urge",
    "urged",
    "urges",
    "urging",
    "blasted",
    "slammed",
    "criticized",
    "praised",
    "denied",
    "denies",
    "confirmed",
    "complained",
    "complains",
    "boasted",
    "boasts",
    "shouted",
    "yelled",
    "cried",
    "labeled",
    "labelled",
    "dubbed",
    "branded",
    "deemed",
    "likened",
    "compared",
    "referred",
    "referring",
    "characterized",
    "mocked",
    "dismissed",
    "decried",
    "lamented",
    "mused",
    "wondered",
    "testified",
    "posted",
    "retweeted",
    "emailed",
    "speculated",
    "asserted",
    "asserts",
    "contended",
    "contends",
    "maintained",
    "maintains",
    "reiterated",
    "echoed",
    "exclaimed",
    "demanded",
    "demands",
    "interjected",
    "countered",
    "touted",
    "hailed",
    "condemned",
    "denounced",
    "cited",
    "cites",
    "quoted",
    "snapped",
    "thundered",
    "whispered",
    "screamed",
    "pleaded",
    "begged",
    "rated",
    "ruled",
    "reads",
    "point",
    "points",
    "pointed",
    "pointing",
    "mocks",
    "blasts",
    "slams",
    "fumes",
    "counters",
    "retorts",
    "laments",
    "answers",
    "recounts",
    "wonders",
    "muses",
    "scoffs",
    "agreed",
    "agrees",
    "conclude",
    "retaliated",
    "riffed",
];

/// Personal pronouns that can be a speaker.
static PRONOUNS: &[&str] = &[
    "he", "she", "they", "i", "we", "it", "you", "He", "She", "They", "I", "We", "It", "You",
];

/// Words opening a noun phrase such as "a campaign spokesman".
static DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "those", "another",
    "one", "some", "many", "several", "two", "three", "The", "A", "An", "His", "Her", "Their",
    "Its", "Our", "This", "These", "Those", "Another", "One", "Some", "Many", "Several", "Two",
    "Three",
];

/// Adverbs and auxiliaries that may sit between a speaker and the verb
/// (so may a weekday).
static BETWEEN: &[&str] = &[
    "today",
    "yesterday",
    "night",
    "morning",
    "afternoon",
    "evening",
    "also",
    "later",
    "then",
    "previously",
    "has",
    "have",
    "had",
    "once",
    "recently",
    "repeatedly",
    "often",
    "further",
    "again",
    "would",
    "will",
    "just",
    "even",
    "reportedly",
    "publicly",
    "privately",
    "earlier",
    "first",
    "finally",
    "simply",
    "flatly",
    "quickly",
    "already",
    "famously",
    "frequently",
    "initially",
    "subsequently",
    "still",
    "did",
    "does",
    "may",
    "might",
    "could",
    "himself",
    "herself",
    "openly",
    "angrily",
    "bluntly",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
];

/// Words that, following "said", are not the speaker: "said in" (nor is a
/// weekday: "said Tuesday").
static NOT_AFTER_VERB: &[&str] = &[
    "Today",
    "Yesterday",
    "Earlier",
    "Later",
    "Last",
    "This",
    "That",
    "In",
    "On",
    "At",
];

/// Abbreviations whose final period belongs to the word.
static ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt", "Col", "Sgt", "St",
    "Jr", "Sr", "Prof", "Inc", "Corp", "Co", "Ltd", "Capt", "Adm", "Maj", "Cmdr", "Rev", "Gens",
    "Atty", "Supt", "Hon", "Mass", "Calif", "Fla", "Ill", "Mich", "Wis", "Pa", "Va", "Ky", "Tenn",
    "Ariz", "Nev", "Mont", "Colo", "Conn", "Ga", "Ind", "Kan", "La", "Md", "Minn", "Miss", "Mo",
    "Neb", "Okla", "Ore", "Tex", "Wash", "Wyo", "Ala", "Ark", "Del", "Vt", "No",
];

fn set(words: &'static [&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

static REPORTING_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(REPORTING));
static PRONOUN_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(PRONOUNS));
static DETERMINER_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(DETERMINERS));
static BETWEEN_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(BETWEEN));
static NOT_AFTER_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(NOT_AFTER_VERB));
static ABBREV_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(ABBREVIATIONS));

pub fn is_reporting(w: &str) -> bool {
    REPORTING_SET.contains(w)
}
pub fn is_pronoun(w: &str) -> bool {
    PRONOUN_SET.contains(w)
}
pub fn is_determiner(w: &str) -> bool {
    DETERMINER_SET.contains(w)
}
pub fn is_between(w: &str) -> bool {
    BETWEEN_SET.contains(w) || is_weekday(w)
}
pub fn is_not_after_verb(w: &str) -> bool {
    NOT_AFTER_SET.contains(w) || is_weekday(w)
}
pub fn is_abbreviation(w: &str) -> bool {
    ABBREV_SET.contains(w) || (w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase())
}
/// A verb form ending in -ing, whose subject is the sentence's subject.
pub fn is_participle(w: &str) -> bool {
    w.ends_with("ing")
}
/// Starts with an upper-case letter: a name word (or a sentence's first word).
pub fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Words opening an introductory phrase before the subject ("On Tuesday, ...").
pub fn is_intro_word(w: &str) -> bool {
    matches!(
        w,
        "On" | "In"
            | "At"
            | "After"
            | "During"
            | "Before"
            | "With"
            | "Without"
            | "For"
            | "From"
            | "Since"
            | "Until"
            | "When"
            | "While"
            | "As"
            | "If"
            | "Although"
            | "Though"
            | "Because"
            | "Despite"
            | "Following"
            | "Speaking"
            | "Asked"
            | "Earlier"
            | "Later"
            | "Still"
            | "But"
            | "And"
            | "Yet"
            | "However"
            | "Meanwhile"
            | "Now"
            | "Then"
            | "Instead"
            | "Under"
            | "By"
            | "Last"
            | "This"
            | "Even"
            | "Moreover"
            | "Furthermore"
            | "Indeed"
            | "Additionally"
            | "Separately"
            | "Ironically"
            | "Nevertheless"
            | "Nonetheless"
            | "Yesterday"
            | "Today"
            | "Overall"
            | "Finally"
            | "Thus"
            | "Therefore"
            | "Similarly"
            | "Likewise"
            | "Again"
            | "Notably"
            | "Outside"
            | "Inside"
            | "Like"
            | "Unlike"
            | "Amid"
            | "Among"
            | "Against"
            | "Through"
            | "Throughout"
            | "Over"
            | "Within"
            | "Once"
            | "Given"
            | "Also"
            | "So"
            | "Or"
            | "Nor"
            | "Of"
            | "To"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_answer() {
        assert!(is_reporting("said") && is_reporting("tweeted") && !is_reporting("house"));
        assert!(is_pronoun("she") && !is_pronoun("Trump"));
        assert!(is_abbreviation("Sen") && is_abbreviation("J") && !is_abbreviation("Trump"));
    }
}
