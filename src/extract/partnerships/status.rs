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
    /// The relation is over, about to be, or was never real.
    pub fn is_terminal(self) -> bool {
        matches!(self, Status::Ended | Status::Ending | Status::Denied)
    }

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

/// A cue pattern, matched whole-word against the ASCII-lower-cased sentence.
/// Lower-casing the text once is cheaper than `(?i)`: a case-insensitive
/// alternation of this size takes about 9M instructions to compile, four
/// times the case-sensitive one, and start-up pays for nine of them. (Only
/// non-ASCII case variants differ: `(?i)` would also match a Kelvin sign
/// for "k" or a long s for "s".)
fn cue(p: &str) -> Regex {
    crate::text::pattern::regex(&format!(r"(?-u:\b)(?:{p})(?-u:\b)")).expect("status pattern")
}

static DENIED: LazyLock<Regex> =
    LazyLock::new(|| cue(r"denie[sd]|deny|denying|dismissed (?:reports|speculation)"));

static ENDING: LazyLock<Regex> = LazyLock::new(|| {
    cue(
        r"(?:is|are|was|were|be) (?:set |due |likely |going |expected )?to (?:end|terminate|wind down|unwind|exit|scrap|pull out)|(?:will|would|to|plans to) (?:end|terminate|wind down|unwind|exit|scrap|pull out)|on course to end|winding down|phas(?:e|ing) out",
    )
});

static ENDED: LazyLock<Regex> = LazyLock::new(|| {
    cue(
        r"ended|(?:came|come|comes|brought|put) to an end|an end to|terminated|scrapped|pulled out|withdr[ae]w|withdrawal|expired|dissolved|broke off|broke up|split|called off|cancell?ed|collapsed|thrown out|blocked|had (?:partnered|worked|collaborated|developed|been (?:partners?|allies|allied|working|collaborating|co-?operating))|previously|formerly|no longer|final time|separate ways|former partners?",
    )
});

static PLANNED_NOUNS: LazyLock<Regex> = LazyLock::new(|| {
    cue(
        r"in talks|talks (?:with|on|about)|close to|negotiations?|negotiating|proposed|possible|potential|planned|mooted|considering|approval",
    )
});

/// Modality that puts the relation in the future, read before the trigger.
static PLANNED_MODALS: LazyLock<Regex> = LazyLock::new(|| {
    cue(
        r"plans?|planning|intends?|would|could|might|may|hopes?|hoping|hoped|expected to|aims?|seeks?|seeking|sought|will (?:begin|start|form|create|set up|launch|join|partner|team|work|develop|build|collaborate|cooperate|sign)|about to|wants? to|bid|bids",
    )
});

static ANNOUNCED: LazyLock<Regex> = LazyLock::new(|| {
    cue(
        r"announced|announces|announcing|partnered|signed|signs|signing|sign up|signed up|agreed|agrees|unveiled|unveils|launched|launches|formed|forms|struck|strikes|inked|entered into|enters into|teamed up|teams up|join(?:s|ed|ing) forces|formalised|formalized|awarded|won|wins|placed|sealed|clinched|today|unveil|(?:is|are) to|(?:is|are) set to|(?:is|are) (?:now |also |jointly )?(?:\w+ing)|confirmed|secured|selected|chose|picked|will",
    )
});

/// An agreement dated to a past year is background ("a pact signed in 1998").
static DATED_PAST: LazyLock<Regex> = LazyLock::new(|| {
    cue(
        r"(?:agreed|signed|formed|struck|set up|created|launched|established|founded) (?:back )?in (?:19|20)\d\d",
    )
});

/// An arrangement just completed, in the present perfect passive ("has
/// been signed", "have been developed by").
static NEWLY_DONE: LazyLock<Regex> = LazyLock::new(|| {
    cue(
        r"(?:has|have) (?:now |just |recently )?been (?:\w+ly )?(?:signed|agreed|launched|developed|created|unveiled|formed|set up|built|incorporated|awarded|selected|chosen|struck|sealed|inked|announced|finalised|finalized|completed)",
    )
});

/// A relation reported as standing ("has a partnership", "have worked").
static ONGOING: LazyLock<Regex> = LazyLock::new(|| {
    cue(
        r"(?:has|have|had) (?:been|long|a|an|allied|worked|collaborated|partnered|cooperated|co-operated|supplied|provided|licen[sc]ed|used|relied)|for (?:the (?:past|last) )?(?:\w+ )?(?:years|months|decades)|since|existing|present|long-standing|longstanding|current|currently|already|ongoing|continu(?:e|es|ing)",
    )
});

/// A clause that opens with the relation itself ("the deal was ...").
static REFERS_BACK: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"^\s*(?:the|this|that) (?:deal|tie-up|agreement|partnership|alliance|venture|contract|pact)(?-u:\b)")
        .expect("refers back pattern")
});

/// "already runs a joint plant": the relation exists, whatever plans the
/// clause mentions around it.
static ALREADY: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?-u:\b)already (?:[a-z-]+ ){0,3}$").expect("already pattern")
});

/// "have been working on": going on for a while.
static PERFECT_PROGRESSIVE: LazyLock<Regex> =
    LazyLock::new(|| cue(r"(?:has|have) been \w+ing(?: \w+)?$"));

/// Clause breaks: a status cue on the far side belongs to another clause.
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r";|\s(?:but|while|whilst|although|whereas|however)[\s,]|\.\s")
        .expect("clause pattern")
});

/// Status of the relation named by the trigger at `trigger` (byte range in
/// `sentence`): cue words of its clause, the modality before the trigger,
/// then the tense; background mentions are ongoing.
pub fn classify(sentence: &str, trigger: std::ops::Range<usize>) -> Status {
    // Same byte offsets as `sentence`: only ASCII letters change.
    let lowered = sentence.to_ascii_lowercase();
    let sentence = lowered.as_str();
    let mut from = trigger.start.saturating_sub(100);
    while !sentence.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (trigger.end + 60).min(sentence.len());
    while !sentence.is_char_boundary(to) {
        to += 1;
    }
    if let Some(m) = CLAUSE_BREAK
        .find_iter(&sentence[from..trigger.start])
        .last()
    {
        from += m.end();
    }
    // The clause after a break still speaks of the relation when it opens
    // with a reference to it ("..., however the pact was later dropped").
    let mut after_break = "";
    if let Some(m) = CLAUSE_BREAK.find(&sentence[trigger.end..to]) {
        let rest = &sentence[trigger.end + m.end()..];
        if REFERS_BACK.is_match(rest) {
            after_break = rest;
        }
        to = trigger.end + m.start();
    }
    let window = &sentence[from..to];
    if ENDED.is_match(after_break) {
        return Status::Ended;
    }
    let before = &sentence[from..trigger.start];
    if DENIED.is_match(window) {
        Status::Denied
    } else if ENDING.is_match(window) {
        Status::Ending
    } else if ENDED.is_match(window) {
        Status::Ended
    } else if ALREADY.is_match(before) {
        Status::Ongoing
    } else if PLANNED_NOUNS.is_match(window) || PLANNED_MODALS.is_match(before) {
        Status::Planned
    } else if NEWLY_DONE.is_match(window) {
        Status::Announced
    } else if ONGOING.is_match(before)
        || PERFECT_PROGRESSIVE.is_match(&sentence[from..trigger.end])
        || DATED_PAST.is_match(window)
    {
        Status::Ongoing
    } else if ANNOUNCED.is_match(window) {
        Status::Announced
    } else {
        Status::Ongoing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_relation_amid_plans_is_ongoing() {
        let s =
            "Acme wants to grow its electric plans, and it already runs a joint plant with Globex.";
        let at = s.find("joint plant").expect("trigger");
        assert_eq!(
            super::classify(s, at..at + "joint plant".len()),
            Status::Ongoing
        );
    }

    fn classify(s: &str) -> Status {
        let at = s
            .find("partner")
            .or(s.find("deal"))
            .or(s.find("venture"))
            .or(s.find("agreement"))
            .or(s.find("tie-up"))
            .expect("trigger");
        super::classify(s, at..at + 4)
    }

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
        assert_eq!(
            classify("Acme is in talks with Globex about a possible alliance deal."),
            Status::Planned
        );
        assert_eq!(
            classify("Acme is to sell 12 trains to Globex under a deal valued at $2bn."),
            Status::Announced
        );
        assert_eq!(
            classify("Acme, which has long worked with Globex in a partnership, fell."),
            Status::Ongoing
        );
        assert_eq!(
            classify(
                "Acme will be able to sell its unit to Globex under a partnership signed in 1999."
            ),
            Status::Ongoing
        );
        assert_eq!(
            classify("Acme sought a tie-up with Globex in 2003 however the pact was blocked by regulators."),
            Status::Ended
        );
        assert_eq!(
            classify("Acme wanted a tie-up with Globex in May However, the pact was cancelled."),
            Status::Ended
        );
        assert_eq!(
            classify("Acme will supply engines to Globex under the deal."),
            Status::Announced
        );
        assert_eq!(
            classify("The platform has been developed by Acme in partnership with Globex."),
            Status::Announced
        );
        assert_eq!(
            classify("Jane Roe of Acme is a senior engineer at its partner Globex."),
            Status::Ongoing
        );
    }
}
