//! Partnership status from tense, modality and cue verbs of the evidence sentence.

use regex::Regex;
use std::sync::LazyLock;

/// Where a partnership stands according to the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Announced,
    Ongoing,
    Planned,
    Ended,
    Ending,
    Denied,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Announced => "announced",
            Status::Ongoing => "ongoing",
            Status::Planned => "planned",
            Status::Ended => "ended",
            Status::Ending => "ending",
            Status::Denied => "denied",
        }
    }
}

static CUES: LazyLock<Vec<(Regex, Status)>> = LazyLock::new(|| {
    let c = |p: &str, s| {
        (
            Regex::new(&format!(r"(?i)(?-u:\b)(?:{p})(?-u:\b)")).expect("status pattern"),
            s,
        )
    };
    vec![
        c(r"denie[sd]|deny|denying", Status::Denied),
        c(
            r"(?:is|are|was|were) to end|(?:will|would|to|plans to|set to|going to) (?:end|terminate|wind down|unwind|exit|scrap)|on course to end|winding down|phas(?:e|ing) out",
            Status::Ending,
        ),
        c(
            r"ended|terminated|scrapped|pulled out|expired|dissolved|broke off|called off|cancell?ed|had (?:partnered|worked|collaborated)|previously|formerly|no longer",
            Status::Ended,
        ),
        c(
            r"in talks|talks|plans? to|planning|intends?|will|would|expected to|could|may|might|considering|proposed|potential|seeking|aims? to|set to",
            Status::Planned,
        ),
        c(
            r"announced|announces|signed|signs|agreed|agrees|unveiled|unveils|launched|launches|formed|forms|struck|strikes|inked|entered into|enters into|teamed up|teams up|partnered|partners with|today",
            Status::Announced,
        ),
    ]
});

/// Status of the relation reported in `sentence`; background mentions are ongoing.
pub fn classify(sentence: &str) -> Status {
    CUES.iter()
        .find(|(re, _)| re.is_match(sentence))
        .map_or(Status::Ongoing, |(_, s)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_order() {
        assert_eq!(
            classify("Facebook is to end the partnership."),
            Status::Ending
        );
        assert_eq!(classify("The deal expired last year."), Status::Ended);
        assert_eq!(
            classify("They said they will form a venture."),
            Status::Planned
        );
        assert_eq!(
            classify("Acme signed an agreement with Globex."),
            Status::Announced
        );
        assert_eq!(
            classify("Acme has a partnership with Globex."),
            Status::Ongoing
        );
        assert_eq!(
            classify("Globex denied the report of a tie-up."),
            Status::Denied
        );
    }
}
