//! Partnership triggers with their position and the type each implies, type
//! cues that refine a generic trigger ("a deal ... to develop"), and the words
//! that make a sentence about something else (acquisitions, lawsuits, rivalry).

use crate::text::pattern::{lower_literals, Set};
use regex::Regex;
use regex_automata::meta;
use std::sync::{LazyLock, OnceLock};

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

/// Which side of a directed trigger provides the goods or the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The organization before the trigger provides ("X will supply Y").
    LeftProvides,
    /// The organization after the trigger provides ("X ordered planes from Y").
    RightProvides,
}

/// A trigger found in a sentence.
#[derive(Debug, Clone, Copy)]
pub struct Trigger {
    /// Byte range relative to the sentence.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub direction: Direction,
    /// Relates the organizations coordinated before it to each other
    /// ("X and Y are developing", "X, Y and Z collaborated").
    pub reciprocal: bool,
    /// Relates only organizations coordinated before it: "working on" makes
    /// X and Y partners in "X and Y are working on a chip", but nobody in
    /// "X is working on a gadget called Y".
    pub subjects_only: bool,
}

struct Pattern {
    source: &'static str,
    /// Compiled on first use: most sentences never get past [`ANY`].
    re: OnceLock<meta::Regex>,
    kind: Kind,
    direction: Direction,
    reciprocal: bool,
    subjects_only: bool,
}

fn pat(p: &'static str, kind: Kind, direction: Direction, reciprocal: bool) -> Pattern {
    Pattern {
        source: p,
        re: OnceLock::new(),
        kind,
        direction,
        reciprocal,
        subjects_only: false,
    }
}

impl Pattern {
    fn re(&self) -> &meta::Regex {
        self.re.get_or_init(|| whole_words(self.source))
    }
}

/// A trigger pattern as it runs: case-sensitively on the ASCII-lower-cased
/// sentence (whose offsets are the sentence's), which compiles without case
/// folding and lets the regex crate find its literals with a prefilter.
fn whole_words(p: &str) -> meta::Regex {
    crate::text::pattern::without_prefilter(&whole_words_source(&lower_literals(p)))
        .expect("trigger pattern")
}

fn whole_words_source(p: &str) -> String {
    format!(r"(?-u:\b)(?:{p})(?-u:\b)")
}

/// Every trigger pattern in one set: one pass over a sentence tells which
/// patterns match it at all, and only those are searched for their places.
/// The set, like each pattern, runs case-sensitively on the
/// ASCII-lower-cased sentence: built with `(?i)` it cost about 20M
/// instructions, a third of a one-sentence run's start-up. (A Kelvin sign
/// for "k" or a long s for "s" no longer reads as the ASCII letter.)
static ANY: LazyLock<Set> = LazyLock::new(|| {
    let sources: Vec<String> = PATTERNS
        .iter()
        .map(|p| whole_words_source(&lower_literals(p.source)))
        .collect();
    Set::new(sources.iter().map(String::as_str)).expect("trigger set")
});

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    use Direction::{LeftProvides as L, RightProvides as R};
    use Kind::*;
    vec![
        pat(
            r"joint[- ]ventures?|JVs?|(?:announced|announce|announces) the formation of|joint (?:[a-z-]+ ){0,2}(?:plants?|factor(?:y|ies)|facilit(?:y|ies)|refiner(?:y|ies)|smelters?|mills?)",
            JointVenture,
            L,
            true,
        ),
        pat(
            r"data[- ]sharing|shar(?:e|es|ed|ing) (?:user |customer )?(?:data|information)|provid(?:e|es|ed|ing) (?:[\w-]+ )?data (?:to|for)",
            DataSharing,
            L,
            true,
        ),
        pat(
            r"(?:cross-)?licen[cs](?:e|es|ed|ing)(?: (?:deal|agreement|pact|partners?))?|licen[cs]ee",
            Licensing,
            R,
            false,
        ),
        pat(
            r"suppl(?:y|ies|ied|ying|ier)(?: (?:deal|agreement|contract|pact))?|placed an order|orders? for|ordered|outsourc(?:e|ed|ing)|(?:awarded|won|wins|signed) (?:a |an )?(?:\S+ )?contract|secured (?:a |an )?(?:\S+ )?contracts? with|contract (?:to|for) (?:build|provide|deliver|supply|run|manage)|to sell|(?:rent|lease)(?:s|d|ed|ing)? from",
            Supply,
            L,
            false,
        ),
        pat(
            r"distribut(?:e|es|ed|ing|ion|or)(?: (?:deal|agreement|partnership|pact|rights))?|publishing (?:deal|agreement)|publishers?",
            Distribution,
            L,
            false,
        ),
        pat(
            r"co-develop(?:s|ed|ing|ment)?|jointly develop(?:s|ed|ing)?|develop(?:ing|ed)? together|joint (?:research|development)|research collaboration|co-produc(?:e|ed|es|ing|tion|er)|are developing|working together|work(?:s|ed|ing)? (?:closely )?together|(?:work(?:s|ed|ing)?|partner(?:s|ed|ing)?) closely with|collaborat(?:e|es|ed|ing) closely|joined forces|joining forces|join forces|(?:be|being|been|was|were|is|are) (?:jointly )?developed by",
            CoDevelopment,
            L,
            true,
        ),
        pat(
            r"sponsor(?:s|ed|ing|ship)?|co-brand(?:ed|ing)?|marketing (?:deal|agreement|partnership|alliance)|promotion(?:al)? (?:deal|partnership)",
            Marketing,
            L,
            false,
        ),
        pat(
            r"(?:minority |strategic |\d+(?:\.\d+)?% )stake",
            Investment,
            L,
            false,
        ),
        Pattern {
            subjects_only: true,
            ..pat(r"(?:been|are|were) working on", CoDevelopment, L, true)
        },
        pat(
            r"partner(?:ed|ing|s)? up|partner(?:s|ed|ing|ships?)?|work(?:s|ed|ing)? (?:with|alongside)|joint (?:projects?|initiatives?|programs?|programmes?|efforts?)|in conjunction with|alliances?|allied|team(?:ed|s|ing)? up|team(?:ed|s|ing) with|(?:is|was|are|were|been|became|become|becomes) (?:a |an )?(?:founding |founder |full |associate |affiliate )?members? of|affiliat(?:e|es|ed) (?:of|with)|in (?:association|tandem|joint) with|(?:relationships?|associations?|affiliations?|ties|contacts) with|tie-ups?|tie ups? with|tied up|link(?:ed)? up|linked with|(?:in )?talks with|negotiations with|collaborat(?:e|ed|es|ing|ion|ions|ive)|co-?operat(?:e|ed|es|ing|ion)|memorandum of understanding|MoU|agreements?|arrangements? with|deals?|pacts?|accords?",
            Partnership,
            L,
            true,
        ),
    ]
});

/// Words after a generic trigger that give it a specific type, read on the
/// ASCII-lower-cased text.
static TYPE_CUES: LazyLock<Vec<(meta::Regex, Kind)>> = LazyLock::new(|| {
    let c = |p: &str, k| {
        (
            crate::text::pattern::without_prefilter(&whole_words_source(p)).expect("type cue"),
            k,
        )
    };
    vec![
        c(
            r"to (?:jointly )?(?:develop|build|design|create|produce|research)|develop(?:ing)?(?: new)? technolog(?:y|ies)|to work on",
            Kind::CoDevelopment,
        ),
        c(
            r"(?:sell|distribute|market) (?:its|their) (?:products|games|services)",
            Kind::Distribution,
        ),
        c(r"to share|sharing of", Kind::DataSharing),
        c(r"planes|aircraft|jets|airliners|airlines", Kind::Supply),
    ]
});

/// Developing a resource or a market ("to develop the Tarvik gas field") is
/// no joint development of a technology.
static RESOURCE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"^\s+(?:(?:the|a|an|its|their|new)\s+)?(?:[\w-]+\s+){0,3}?(?:fields?|oilfields?|gasfields?|reserves?|deposits?|mines?|sites?|markets?|region|land|properties|property)(?-u:\b)")
        .expect("resource pattern")
});

/// Every trigger of a sentence, as [`find_lowered`] finds them.
#[cfg(test)]
pub fn find_all(sentence: &str, names: &[(usize, usize)]) -> Vec<Trigger> {
    find_lowered(sentence, &sentence.to_ascii_lowercase(), names)
}

/// Every trigger of a sentence, in text order, not overlapping each other
/// nor the `names` (byte ranges of organization mentions: "Arts Alliance").
/// The patterns run on `lowered`, the sentence ASCII-lower-cased.
pub fn find_lowered(sentence: &str, lowered: &str, names: &[(usize, usize)]) -> Vec<Trigger> {
    let mut found: Vec<Trigger> = Vec::new();
    // Nine sentences in ten match no pattern: the set's first match ends
    // the search there, while the patterns matched are searched for overlapping.
    if !ANY.is_match(lowered) {
        return found;
    }
    let matched = ANY.matches(lowered);
    for p in matched.iter().map(|i| &PATTERNS[i]) {
        for m in p.re().find_iter(lowered) {
            let text = &sentence[m.range()];
            if found.iter().any(|t| m.start() < t.end && t.start < m.end())
                || names.iter().any(|&(s, e)| m.start() < e && s < m.end())
                || ends_a_name(sentence, m.start(), text)
                || sells_a_company(p.kind, text, &sentence[m.end()..], m.end(), names)
                || names_a_person(text, &sentence[m.end()..])
            {
                continue;
            }
            found.push(Trigger {
                start: m.start(),
                end: m.end(),
                kind: p.kind,
                direction: direction_of(p, text, &sentence[..m.start()]),
                reciprocal: p.reciprocal,
                subjects_only: p.subjects_only,
            });
        }
    }
    found.sort_by_key(|t| t.start);
    found
}

/// A capitalized trigger word after a capitalized word is the end of a name
/// the finder missed ("Accel Partners", "Star Alliance").
fn ends_a_name(sentence: &str, start: usize, matched: &str) -> bool {
    matched.starts_with(|c: char| c.is_uppercase())
        && sentence[..start]
            .strip_suffix(' ')
            .and_then(|b| b.split(' ').next_back())
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// A business sold ("to sell its truck unit"), not goods.
static BUSINESS_SOLD: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"^\s+(?:its|the|a|their)\s+(?:[\w-]+\s+)?(?:stake|unit|division|business|arm|subsidiary|operations?)(?-u:\b)")
        .expect("business sold pattern")
});

/// A capitalized name after "to sell" followed by a preposition or the
/// clause's end ("to sell Globex at a loss"): a company sold, not goods
/// ("to sell Globex phones").
static NAME_SOLD: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"^\s+(?:[A-Z][\w&.-]*\s+){0,2}[A-Z][\w&-]*(?:\s*[,.;]|\s+(?:at|to|for|in|and)\s)",
    )
    .expect("name sold pattern")
});

/// "to sell" right before an organization or one of its businesses sells
/// the company, not its goods.
fn sells_a_company(
    kind: Kind,
    matched: &str,
    after: &str,
    end: usize,
    names: &[(usize, usize)],
) -> bool {
    let gap = after.len() - after.trim_start().len();
    kind == Kind::Supply
        && matched.eq_ignore_ascii_case("to sell")
        && (names.iter().any(|&(s, _)| s == end + gap)
            || BUSINESS_SOLD.is_match(after)
            || NAME_SOLD.is_match(after) && !sells_own_goods(after))
}

/// A headline's capitalized determiner ("to Sell Its Products in"): goods.
fn sells_own_goods(after: &str) -> bool {
    let first = after.split_whitespace().next().unwrap_or_default();
    [
        "Its", "Their", "The", "A", "An", "His", "Her", "Our", "More", "Some",
    ]
    .contains(&first)
}

/// A partner at or from a firm ("a partner at Globex", "the partners from
/// Acme") is a person working there, not a partnership of the firm.
static PERSON_AT: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"^\s+(?:at|from)\s+(?:the\s+)?[A-Z]").expect("person-at pattern")
});

fn names_a_person(matched: &str, after: &str) -> bool {
    (matched.eq_ignore_ascii_case("partner") || matched.eq_ignore_ascii_case("partners"))
        && PERSON_AT.is_match(after)
}

/// A passive auxiliary ending the text before a trigger.
static PASSIVE_BEFORE: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(r"(?i)(?-u:\b)(?:was|were|is|are|be|been|being)\s+$")
        .expect("passive pattern")
});

/// The text before a trigger ends with a passive auxiliary ("was", "been").
pub(super) fn after_passive_auxiliary(before: &str) -> bool {
    PASSIVE_BEFORE.is_match(before)
}

/// Ordering, outsourcing, awarding a contract and renting from run from the
/// right-hand organization; but one awarded a contract ("Acme was awarded
/// a contract", the passive after `before`) provides.
fn direction_of(p: &Pattern, matched: &str, before: &str) -> Direction {
    if p.kind != Kind::Supply {
        return p.direction;
    }
    let m = matched.to_ascii_lowercase();
    if m.contains("order")
        || m.starts_with("outsourc")
        || m.starts_with("awarded") && !after_passive_auxiliary(before)
        || m.ends_with(" from")
    {
        Direction::RightProvides
    } else {
        Direction::LeftProvides
    }
}

/// The type of the sentence's relation: the most specific trigger, refined by cues.
pub fn sentence_kind(sentence: &str, triggers: &[Trigger]) -> Kind {
    if let Some(t) = triggers.iter().find(|t| t.kind != Kind::Partnership) {
        return t.kind;
    }
    // The cues follow the trigger: "to create" before it tells what else
    // the subject did ("Acme paid to create Initech, and has a deal ...").
    let from = triggers.first().map_or(0, |t| t.end);
    let after = &sentence[from..];
    let lowered = after.to_ascii_lowercase();
    TYPE_CUES
        .iter()
        .find(|(re, k)| {
            re.find_iter(&lowered)
                .any(|m| *k != Kind::CoDevelopment || !RESOURCE_AFTER.is_match(&after[m.end()..]))
        })
        .map_or(Kind::Partnership, |(_, k)| *k)
}

/// Read on the ASCII-lower-cased sentence, like the triggers.
static EXCLUDED: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(r"(?-u:\b)(?:acquir(?:e|ed|es|ing)|acquisitions?|takeovers?|take over|mergers?|merg(?:e|ed|es|ing)|buy-?out|bought|purchas(?:e|ed|es|ing)|bid for|bids? (?:by|from)|lawsuits?|su(?:ed|es|ing)|court|fined|rivals?|race (?:between|against)|compet(?:e|es|ing|itor|itors|ition)|investigat(?:e|ed|es|ing|ion)|shares? in|sale of|(?:majority|controlling) stake|stock exchange|owned by|owners? of|subsidiary|parent|buys?|buying|to buy|sold to|sells? (?:its|the|a) (?:\w+ )?(?:stake|unit|division|business)|delisted)(?-u:\b)")
        .expect("exclusion pattern")
});

/// The sentence reports an acquisition, lawsuit or rivalry rather than a
/// partnership (unless it names a specific cooperation anyway). `lowered`
/// is the sentence ASCII-lower-cased.
pub fn is_excluded(lowered: &str, triggers: &[Trigger]) -> bool {
    let strong = triggers.iter().any(|t| {
        matches!(
            t.kind,
            Kind::JointVenture | Kind::CoDevelopment | Kind::DataSharing | Kind::Licensing
        ) || {
            let w = &lowered[t.start..t.end];
            w.starts_with("partner") || w.starts_with("alliance") || w.starts_with("tie-up")
        }
    });
    !strong
        && EXCLUDED.find_iter(lowered).any(|m| {
            triggers.is_empty() || triggers.iter().any(|t| same_clause(lowered, m.range(), t))
        })
}

/// An exclusion word and a trigger in one clause: no relative or
/// subordinate clause break between them ("Acme, which Globex acquired in
/// 2010, signed a partnership with Initech" reports a partnership; so does
/// "To compete with Globex, Acme signed a deal with Initech").
fn same_clause(lowered: &str, word: std::ops::Range<usize>, t: &Trigger) -> bool {
    if word.start >= t.end {
        return !CLAUSE_BREAK.is_match(&lowered[t.end..word.start]);
    }
    let between = &lowered[word.end.min(t.start)..t.start];
    if CLAUSE_BREAK.is_match(between) {
        return false;
    }
    // A relative or fronted subordinate clause around the word ends at its
    // comma.
    let before = &lowered[..word.start];
    let opened = CLAUSE_OPENER
        .find_iter(before)
        .last()
        .is_some_and(|m| !before[m.end()..].contains(','));
    !(between.contains(',') && opened)
}

/// A relative or coordinated clause opening between two words (read, like
/// the opener below, on the lower-cased sentence).
static CLAUSE_BREAK: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(r"[,;(]\s*(?:which|who|whose|whom|while|whereas|but|although|though|after|before|when|since)(?-u:\b)|;|\(")
        .expect("clause break pattern")
});

/// The opening of a relative clause, or of a subordinate clause at the
/// sentence's start.
static CLAUSE_OPENER: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(r"[,(]\s*(?:which|who|whose|whom)(?-u:\b)|^\W*(?:in order to|to|after|before|while|although|though|despite|as|when|since|following|once|until|unlike)(?-u:\b)")
        .expect("clause opener pattern")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_triggers_with_types_and_direction() {
        let s = "Acme Air placed an order for jets with Globex under a joint venture deal.";
        let t = find_all(s, &[]);
        let words: Vec<&str> = t.iter().map(|t| &s[t.start..t.end]).collect();
        assert_eq!(words, ["placed an order", "joint venture", "deal"]);
        assert_eq!(t[0].kind, Kind::Supply);
        assert_eq!(t[0].direction, Direction::RightProvides);
        assert_eq!(sentence_kind(s, &t), Kind::Supply);
    }

    #[test]
    fn the_patterns_read_lower_cased_sentences_but_keep_escapes() {
        assert_eq!(lower_literals(r"MoU|JVs\S+\\D"), r"mou|jvs\S+\\d");
        let s = "Acme signed an MoU with Globex.";
        let t = find_all(s, &[]);
        assert_eq!(
            t.iter().map(|t| &s[t.start..t.end]).collect::<Vec<_>>(),
            ["MoU"]
        );
    }

    #[test]
    fn membership_of_an_organization_and_teaming_with_are_triggers() {
        let words = |s: &'static str| -> Vec<&'static str> {
            find_all(s, &[])
                .iter()
                .map(|t| &s[t.start..t.end])
                .collect()
        };
        assert_eq!(
            words("Acme has been a founding member of the Globex Forum."),
            ["been a founding member of"]
        );
        assert_eq!(words("Acme teamed with Globex."), ["teamed with"]);
        // A person's seat on a board is no membership of the organization.
        assert!(words("said Jane Roe, a member of the Acme board.").is_empty());
    }

    #[test]
    fn trigger_words_ending_a_name_and_company_sales_are_no_triggers() {
        let s = "Acme raised funds from Accel Partners and joined the Star Alliance.";
        assert!(find_all(s, &[]).is_empty());
        // Opening a sentence, it is still a trigger.
        let s = "Partners of Acme agreed.";
        assert_eq!(find_all(s, &[]).len(), 1);
        let s = "Acme decided to sell Globex at a loss.";
        let at = s.find("Globex").expect("name");
        assert!(find_all(s, &[(at, at + 6)]).is_empty());
        assert!(find_all("Acme has the option to sell its truck unit to Globex.", &[]).is_empty());
        assert!(find_all("A slump led Acme to sell Globex at a loss.", &[]).is_empty());
        assert_eq!(find_all("Acme agreed to sell Globex phones.", &[]).len(), 1);
        let s = "Acme Signs Deal to Sell Its Drinks in Shops";
        assert!(find_all(s, &[])
            .iter()
            .any(|t| &s[t.start..t.end] == "to Sell"));
    }

    #[test]
    fn generic_deal_refined_by_purpose() {
        let s = "Acme signed a deal with Globex to design a new chip.";
        assert_eq!(sentence_kind(s, &find_all(s, &[])), Kind::CoDevelopment);
    }

    #[test]
    fn developing_a_field_is_no_co_development() {
        let s = "Acme and Globex agreed a partnership to develop the Norra 7 oil field.";
        assert_eq!(sentence_kind(s, &find_all(s, &[])), Kind::Partnership);
    }

    #[test]
    fn renting_from_runs_from_the_lessor() {
        let s = "Customers get airtime rented from Globex.";
        let t = find_all(s, &[]);
        assert_eq!(t[0].kind, Kind::Supply);
        assert_eq!(t[0].direction, Direction::RightProvides);
    }

    #[test]
    fn a_jointly_run_plant_is_a_joint_venture() {
        let s = "Acme runs a joint battery plant in Ohio with Globex.";
        let t = find_all(s, &[]);
        assert_eq!(t.len(), 1);
        assert_eq!(&s[t[0].start..t[0].end], "joint battery plant");
        assert_eq!(t[0].kind, Kind::JointVenture);
        assert!(find_all("They issued a joint statement.", &[]).is_empty());
    }

    #[test]
    fn an_acquisition_in_another_clause_excludes_nothing() {
        let excluded = |s: &str| is_excluded(&s.to_ascii_lowercase(), &find_all(s, &[]));
        assert!(!excluded(
            "Acme, which Globex bought in 2010, signed a deal with Initech."
        ));
        assert!(!excluded(
            "To compete with Globex, Acme signed a deal with Initech."
        ));
        // In the trigger's own clause it does.
        assert!(excluded("Acme signed a deal to buy Globex."));
        assert!(excluded("Acme bought Globex in a deal."));
    }

    #[test]
    fn acquisitions_excluded_but_not_named_partnerships() {
        let s = "Microsoft agreed to acquire Activision in a deal.";
        assert!(is_excluded(&s.to_ascii_lowercase(), &find_all(s, &[])));
        let s = "The rivals formed a joint venture.";
        assert!(!is_excluded(&s.to_ascii_lowercase(), &find_all(s, &[])));
        // Capitalized words as in a headline read like any others.
        let s = "Acme Completes Takeover Of Globex After Deal";
        assert!(is_excluded(&s.to_ascii_lowercase(), &find_all(s, &[])));
        let s = "Acme signed a deal with Globex To Design a chip.";
        assert_eq!(sentence_kind(s, &find_all(s, &[])), Kind::CoDevelopment);
    }

    #[test]
    fn a_partner_at_a_firm_is_a_person() {
        assert!(find_all("Jane Roe, a partner at Globex Law, agreed.", &[]).is_empty());
        assert!(find_all("The partners from Acme left.", &[]).is_empty());
        assert_eq!(find_all("Acme is a partner of Globex.", &[]).len(), 1);
        assert_eq!(find_all("Acme found partners at home.", &[]).len(), 1);
    }

    #[test]
    fn the_one_awarded_a_contract_provides() {
        let t = find_all("Acme was awarded a contract by Globex.", &[]);
        assert_eq!(t[0].direction, Direction::LeftProvides);
        let t = find_all("Globex awarded a contract to Acme.", &[]);
        assert_eq!(t[0].direction, Direction::RightProvides);
    }

    #[test]
    fn tie_ups_and_secured_contracts_are_triggers() {
        let t = find_all("Acme has tie ups with banks such as Globex Bank.", &[]);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].kind, Kind::Partnership);
        let t = find_all("Acme has secured contracts with Globex and Initech.", &[]);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].kind, Kind::Supply);
        // Tying up money, or winning contracts from nobody named, is no relation.
        assert!(find_all("Acme will tie up cash in stock.", &[]).is_empty());
        assert!(find_all("Acme had not won enough contracts.", &[]).is_empty());
    }

    #[test]
    fn working_with_is_a_partnership() {
        for s in [
            "Acme has worked with Globex since 2001.",
            "Acme built it in conjunction with Globex.",
            "Acme engineers are working alongside Globex staff.",
            "Acme and Globex run a joint initiative.",
        ] {
            let t = find_all(s, &[]);
            assert_eq!(t.len(), 1, "{s}");
            assert_eq!(t[0].kind, Kind::Partnership);
        }
    }
}
