//! Partnership status from tense, modality and cue verbs of the evidence sentence.

use crate::text::pattern::{Matcher, Set, SetMatches};
use regex::Regex;
use regex_automata::meta;
use std::cell::OnceCell;
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

/// The cue patterns, matched whole-word against the ASCII-lower-cased
/// sentence. Lower-casing the text once is cheaper than `(?i)`: a
/// case-insensitive alternation of this size takes about 9M instructions to
/// compile, four times the case-sensitive one. (Only non-ASCII case variants
/// differ: `(?i)` would also match a Kelvin sign for "k" or a long s for "s".)
/// All of them run as one set: one pass over a clause tells every cue it
/// holds, where one search per cue cost nine.
#[derive(Clone, Copy)]
enum Cue {
    Denied,
    Ending,
    Ended,
    PlannedNouns,
    /// Modality that puts the relation in the future, read before the trigger.
    PlannedModals,
    /// An arrangement just completed, in the present perfect passive ("has
    /// been signed", "have been developed by").
    NewlyDone,
    /// A relation reported as standing ("has a partnership", "have worked").
    Ongoing,
    /// An agreement dated to a past year is background ("a pact signed in 1998").
    DatedPast,
    Announced,
}

/// The pattern of each [`Cue`], in its order.
const CUE_PATTERNS: [&str; 9] = [
    r"denie[sd]|deny|denying|dismissed (?:reports|speculation)",
    r"(?:is|are|was|were|be) (?:set |due |likely |going |expected )?to (?:end|terminate|wind down|unwind|exit|scrap|pull out)|(?:will|would|to|plans to) (?:end|terminate|wind down|unwind|exit|scrap|pull out)|on course to end|winding down|phas(?:e|ing) out",
    r"ended|(?:came|come|comes|brought|put) to an end|an end to|terminated|scrapped|pulled out|withdr[ae]w|withdrawal|expired|dissolved|broke off|broke up|split|called off|cancell?ed|collapsed|thrown out|blocked|had (?:partnered|worked|collaborated|developed|been (?:partners?|allies|allied|working|collaborating|co-?operating))|previously|formerly|no longer|final time|separate ways|former partners?",
    r"in talks|talks (?:with|on|about)|close to|negotiations?|negotiating|proposed|possible|potential|planned|mooted|considering|approval",
    r"plans?|planning|intends?|would|could|might|may|hopes?|hoping|hoped|expected to|aims?|seeks?|seeking|sought|will (?:begin|start|form|create|set up|launch|join|partner|team|work|develop|build|collaborate|cooperate|sign)|about to|wants? to|bid|bids",
    r"(?:has|have) (?:now |just |recently )?been (?:\w+ly )?(?:signed|agreed|launched|developed|created|unveiled|formed|set up|built|incorporated|awarded|selected|chosen|struck|sealed|inked|announced|finalised|finalized|completed)",
    r"(?:has|have|had) (?:been|long|a|an|allied|worked|collaborated|partnered|cooperated|co-operated|supplied|provided|licen[sc]ed|used|relied)|for (?:the (?:past|last) )?(?:\w+ )?(?:years|months|decades)|since|existing|present|long-standing|longstanding|current|currently|already|ongoing|continu(?:e|es|ing)",
    r"(?:agreed|signed|formed|struck|set up|created|launched|established|founded) (?:back )?in (?:19|20)\d\d",
    r"announced|announces|announcing|partnered|signed|signs|signing|sign up|signed up|agreed|agrees|unveiled|unveils|launched|launches|formed|forms|struck|strikes|reached|reaches|inked|entered into|enters into|teamed up|teams up|join(?:s|ed|ing) forces|formalised|formalized|awarded|won|wins|placed|sealed|clinched|today|unveil|(?:is|are) to|(?:is|are) set to|(?:is|are) (?:now |also |jointly )?(?:\w+ing)|confirmed|secured|selected|chose|picked|hired|tapped|commissioned|will",
];

fn whole_words(p: &str) -> String {
    format!(r"(?-u:\b)(?:{p})(?-u:\b)")
}

static CUES: LazyLock<Set> = LazyLock::new(|| {
    let sources = CUE_PATTERNS.map(whole_words);
    Set::new(sources.iter().map(String::as_str)).expect("status cues")
});

/// The cues found in one stretch of the lower-cased sentence.
struct Cues(SetMatches);

impl Cues {
    fn of(text: &str) -> Cues {
        Cues(CUES.matches(text))
    }

    fn has(&self, cue: Cue) -> bool {
        self.0.matched(cue as usize)
    }
}

/// A clause that opens with the relation itself ("the deal was ...").
static REFERS_BACK: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s*(?:the|this|that) (?:deal|tie-up|agreement|partnership|alliance|venture|contract|pact)(?-u:\b)")
        .expect("refers back pattern")
});

/// "already runs a joint plant": the relation exists, whatever plans the
/// clause mentions around it.
static ALREADY: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(r"(?-u:\b)already (?:[a-z-]+ ){0,3}$")
        .expect("already pattern")
});

/// "have been working on": going on for a while.
static PERFECT_PROGRESSIVE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(&whole_words(r"(?:has|have) been \w+ing(?: \w+)?$"))
        .expect("perfect progressive pattern")
});

/// Clause breaks: a status cue on the far side belongs to another clause.
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r";|\s(?:but|while|whilst|although|whereas|however)[\s,]|\.\s")
        .expect("clause pattern")
});

/// A character of an ASCII word, as `(?-u:\b)` reads it.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Status of the relation named by the trigger at `trigger` (byte range in
/// the sentence): cue words of its clause, the modality before the trigger,
/// then the tense; background mentions are ongoing. `sentence` is the
/// sentence ASCII-lower-cased (same byte offsets), as its callers have it.
pub fn classify(sentence: &str, trigger: std::ops::Range<usize>) -> Status {
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
    if !after_break.is_empty() && Cues::of(after_break).has(Cue::Ended) {
        return Status::Ended;
    }
    let before = &sentence[from..trigger.start];
    let cues = Cues::of(window);
    // `before` opens `window`: a cue of `before` is also one of `window`,
    // unless `before` ends inside a word (a trigger opens on a boundary).
    let inside_word = sentence[..trigger.start].ends_with(is_word_char)
        && sentence[trigger.start..].starts_with(is_word_char);
    // Searched once, for the first cue that needs it.
    let before_cues = OnceCell::new();
    let before_has = |cue| {
        (cues.has(cue) || inside_word) && before_cues.get_or_init(|| Cues::of(before)).has(cue)
    };
    if cues.has(Cue::Denied) {
        Status::Denied
    } else if cues.has(Cue::Ending) {
        Status::Ending
    } else if cues.has(Cue::Ended) {
        Status::Ended
    } else if ALREADY.is_match(before) {
        Status::Ongoing
    } else if cues.has(Cue::PlannedNouns) || before_has(Cue::PlannedModals) {
        Status::Planned
    } else if cues.has(Cue::NewlyDone) {
        Status::Announced
    } else if before_has(Cue::Ongoing)
        || PERFECT_PROGRESSIVE.is_match(&sentence[from..trigger.end])
        || cues.has(Cue::DatedPast)
    {
        Status::Ongoing
    } else if cues.has(Cue::Announced) {
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
            super::classify(&s.to_ascii_lowercase(), at..at + "joint plant".len()),
            Status::Ongoing
        );
    }

    #[test]
    fn a_range_cutting_a_word_reads_the_text_before_it_as_cut() {
        // "plan" ends the text before the range, not the sentence's words.
        let s = "Acme planet with Globex.";
        let at = s.find("et with").expect("range");
        assert_eq!(
            super::classify(&s.to_ascii_lowercase(), at..at + 7),
            Status::Planned
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
        super::classify(&s.to_ascii_lowercase(), at..at + 4)
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
            classify("Acme reached an agreement with Globex to sell its films."),
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
