//! Partnership triggers and the type each implies; the words that make a
//! sentence about something else (acquisitions, lawsuits, rivalry).

use regex::Regex;
use std::sync::LazyLock;

/// Partnership type (the vocabulary of the output contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Partnership,
    JointVenture,
    DataSharing,
    Licensing,
    Supply,
    Distribution,
    CoDevelopment,
    Marketing,
    Investment,
    Other,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Partnership => "partnership",
            Kind::JointVenture => "joint_venture",
            Kind::DataSharing => "data_sharing",
            Kind::Licensing => "licensing",
            Kind::Supply => "supply",
            Kind::Distribution => "distribution",
            Kind::CoDevelopment => "co_development",
            Kind::Marketing => "marketing",
            Kind::Investment => "investment",
            Kind::Other => "other",
        }
    }

    /// Types whose two sides play different roles (`a` supplies or invests).
    pub fn is_directed(self) -> bool {
        matches!(self, Kind::Supply | Kind::Investment)
    }
}

/// A trigger found in a sentence.
pub struct Trigger {
    pub kind: Kind,
    /// The trigger points back to partners named earlier ("these partnerships").
    pub anaphoric: bool,
}

static TYPED: LazyLock<Vec<(Regex, Kind)>> = LazyLock::new(|| {
    let t = |p: &str, k| {
        (
            Regex::new(&format!(r"(?i)(?-u:\b)(?:{p})")).expect("trigger pattern"),
            k,
        )
    };
    vec![
        t(r"joint[- ]venture", Kind::JointVenture),
        t(
            r"data[- ]sharing|shar(?:e|ing) (?:user |customer )?data",
            Kind::DataSharing,
        ),
        t(
            r"licens(?:e|ing)\s+(?:deal|agreement|pact)|licensed|cross-licens",
            Kind::Licensing,
        ),
        t(
            r"suppl(?:y|ier)\s+(?:deal|agreement|contract|pact)|to supply|will supply|supplies|contract to (?:build|provide|deliver)",
            Kind::Supply,
        ),
        t(
            r"distribution\s+(?:deal|agreement|partnership|pact)|to distribute|will distribute",
            Kind::Distribution,
        ),
        t(
            r"co-develop|jointly develop|develop(?:ing)? together|joint (?:research|development)",
            Kind::CoDevelopment,
        ),
        t(
            r"sponsor(?:ship)?|co-brand|marketing (?:deal|agreement|partnership)",
            Kind::Marketing,
        ),
        t(r"(?:minority |strategic )?stake in", Kind::Investment),
    ]
});

static GENERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:partner(?:ship|ships|ed|ing|s)?|alliance|team(?:ed|s|ing)? up|tie-up|collaborat(?:e|ed|es|ing|ion)|cooperat(?:e|ed|es|ing|ion)|memorandum of understanding|agreement|deal|pact)(?-u:\b)")
        .expect("trigger pattern")
});

static ANAPHORA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:these|those|the|its|their) (?:partnerships|deals|agreements|alliances|companies|firms|partners)(?-u:\b)|(?-u:\b)them(?-u:\b)")
        .expect("anaphora pattern")
});

static EXCLUDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:acquir(?:e|ed|es|ing)|acquisition|takeover|merger|merge|buy(?:out)?|bought|purchase|lawsuit|sued|sues|fined|rival)(?-u:\b)")
        .expect("exclusion pattern")
});

/// The strongest trigger of a sentence: a typed one if present, else a generic one.
pub fn find(sentence: &str) -> Option<Trigger> {
    let anaphoric = ANAPHORA.is_match(sentence);
    if let Some((_, kind)) = TYPED.iter().find(|(re, _)| re.is_match(sentence)) {
        return Some(Trigger {
            kind: *kind,
            anaphoric,
        });
    }
    GENERIC.is_match(sentence).then_some(Trigger {
        kind: Kind::Partnership,
        anaphoric,
    })
}

/// The sentence reports an acquisition, lawsuit or rivalry rather than a partnership.
pub fn is_excluded(sentence: &str) -> bool {
    EXCLUDED.is_match(sentence)
}
