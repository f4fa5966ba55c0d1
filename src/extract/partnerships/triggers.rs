//! Partnership triggers with their position and the type each implies, type
//! cues that refine a generic trigger ("a deal ... to develop"), and the words
//! that make a sentence about something else (acquisitions, lawsuits, rivalry).

use crate::text::pattern::{lower_literals, Matcher};
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
    /// Words or word openings one of which every match holds, on the
    /// lower-cased text: a sentence without any is not searched for the
    /// pattern.
    stems: &'static [&'static str],
    /// Compiled on first use: most sentences hold none of its stems.
    re: OnceLock<meta::Regex>,
    kind: Kind,
    direction: Direction,
    reciprocal: bool,
    subjects_only: bool,
}

fn pat(
    p: &'static str,
    stems: &'static [&'static str],
    kind: Kind,
    direction: Direction,
    reciprocal: bool,
) -> Pattern {
    Pattern {
        source: p,
        stems,
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

/// A stem with the patterns it stands for, a bit each: its first eight
/// bytes as a word and the mask of those it has, and the bytes after them,
/// so that most words are told from it by one comparison.
#[derive(Clone)]
struct Stem {
    head: u64,
    mask: u64,
    rest: &'static [u8],
    patterns: u16,
}

impl Stem {
    fn new(stem: &'static [u8], patterns: u16) -> Stem {
        let n = stem.len().min(8);
        Stem {
            head: load8(stem, 0),
            mask: u64::MAX >> (64 - 8 * n),
            rest: &stem[n..],
            patterns,
        }
    }

    /// Whether `text[i..]`, whose first eight bytes are `head`, opens with the stem.
    #[inline(always)]
    fn opens(&self, text: &[u8], i: usize, head: u64) -> bool {
        head & self.mask == self.head
            && (self.rest.is_empty() || text.get(i + 8..).is_some_and(|t| t.starts_with(self.rest)))
    }
}

/// The eight bytes of `text` from `i` as a little-endian word, zeros past its end.
#[inline(always)]
fn load8(text: &[u8], i: usize) -> u64 {
    match text.get(i..i + 8) {
        Some(b) => u64::from_le_bytes(b.try_into().expect("eight bytes")),
        None => {
            let mut b = [0u8; 8];
            let rest = &text[i.min(text.len())..];
            b[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(b)
        }
    }
}

/// The stems of every pattern by their first two letters, each with the
/// patterns (a bit each, by index) it stands for. Every stem opens a word
/// wherever a pattern matches, so the words of a sentence tell the patterns
/// that can match it: a sentence holding none is not searched at all, the
/// others for those patterns only. (A regex set telling the patterns that do match
/// cost about 5,000 instructions per sentence, and 8M to build.)
static STEMS: LazyLock<Vec<Vec<Stem>>> = LazyLock::new(|| {
    assert!(PATTERNS.len() <= u16::BITS as usize, "a bit per pattern");
    let mut table = vec![Vec::new(); 26 * 26];
    for (i, p) in PATTERNS.iter().enumerate() {
        for stem in p.stems {
            let stem = stem.as_bytes();
            let at = two_letters(stem).expect("a stem opens with two lower-case letters");
            table[at].push(Stem::new(stem, 1 << i));
        }
    }
    table
});

/// The index of the two lower-case ASCII letters that open `word`.
fn two_letters(word: &[u8]) -> Option<usize> {
    match *word {
        [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] => {
            Some(usize::from(a - b'a') * 26 + usize::from(b - b'a'))
        }
        _ => None,
    }
}

/// The patterns (a bit each) with a stem opening a word of `lowered`, where
/// a word opens as `(?-u:\b)` reads it: an ASCII letter, digit or `_`
/// after any other byte. Eight bytes are classified at a time.
fn candidate_patterns(lowered: &str) -> u16 {
    let text = lowered.as_bytes();
    let mut found = 0;
    // The word flag of the byte before the chunk, at bit 7.
    let mut carry = 0;
    let chunks = text.chunks_exact(8);
    // The last bytes, padded with non-word bytes.
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    let words = chunks.map(|c| u64::from_le_bytes(c.try_into().expect("eight bytes")));
    for (n, bytes) in words.chain([u64::from_le_bytes(tail)]).enumerate() {
        let word = word_bytes(bytes);
        let mut starts = word & !(word << 8 | carry);
        carry = word >> 56;
        while starts != 0 {
            let i = n * 8 + starts.trailing_zeros() as usize / 8;
            if let Some(at) = two_letters(&text[i..]) {
                let head = load8(text, i);
                for stem in &STEMS[at] {
                    if stem.opens(text, i, head) {
                        found |= stem.patterns;
                    }
                }
            }
            starts &= starts - 1;
        }
    }
    found
}

/// Bit 7 of each byte of `x` set where that byte is an ASCII letter, digit
/// or `_`, the others clear.
fn word_bytes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // A byte below 0x80 is at least `lo` when adding 0x80 - `lo` sets its
    // bit 7; no sum carries into the next byte.
    let at_least = |low: u64, lo: u8| (low + ONES * u64::from(0x80 - lo)) & HIGH;
    let in_range = |low: u64, lo: u8, hi: u8| at_least(low, lo) & !at_least(low, hi + 1);
    let low = x & !HIGH;
    // Upper-case letters fold onto lower-case ones with bit 5.
    let letter = in_range(low | (ONES * 0x20), b'a', b'z');
    let other = in_range(low, b'0', b'9') | in_range(low, b'_', b'_');
    // Bytes from 0x80 (non-ASCII) are no word bytes.
    (letter | other) & !x & HIGH
}

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    use Direction::{LeftProvides as L, RightProvides as R};
    use Kind::*;
    vec![
        pat(
            r"joint[- ]ventures?|JVs?|(?:announced|announce|announces) the formation of|joint (?:[a-z-]+ ){0,2}(?:plants?|factor(?:y|ies)|facilit(?:y|ies)|refiner(?:y|ies)|smelters?|mills?)",
            &["joint", "jv", "the formation of"],
            JointVenture,
            L,
            true,
        ),
        pat(
            r"data[- ]sharing|shar(?:e|es|ed|ing) (?:user |customer )?(?:data|information)|provid(?:e|es|ed|ing) (?:[\w-]+ )?data (?:to|for)",
            &["data", "information"],
            DataSharing,
            L,
            true,
        ),
        pat(
            r"(?:cross-)?licen[cs](?:e|es|ed|ing)(?: (?:deal|agreement|pact|partners?))?|licen[cs]ee",
            &["licen"],
            Licensing,
            R,
            false,
        ),
        pat(
            r"suppl(?:y|ies|ied|ying|ier)(?: (?:deal|agreement|contract|pact))?|placed an order|orders? for|ordered|outsourc(?:e|ed|ing)|(?:awarded|won|wins|signed) (?:a |an )?(?:\S+ )?contract|secured (?:a |an )?(?:\S+ )?contracts? with|contract (?:to|for) (?:build|provide|deliver|supply|run|manage)|to sell|(?:rent|lease)(?:s|d|ed|ing)? from|selected|chose|chosen|picked|hired|tapped|commissioned|awarded",
            &[
                "suppl",
                "order",
                "outsourc",
                "contract",
                "to sell",
                "rent",
                "lease",
                "select",
                "chose",
                "picked",
                "hired",
                "tapped",
                "commission",
                "awarded",
            ],
            Supply,
            L,
            false,
        ),
        pat(
            r"distribut(?:e|es|ed|ing|ion|or)(?: (?:deal|agreement|partnership|pact|rights))?|publishing (?:deal|agreement)|publishers?",
            &["distribut", "publish"],
            Distribution,
            L,
            false,
        ),
        pat(
            r"co-develop(?:s|ed|ing|ment)?|jointly develop(?:s|ed|ing)?|develop(?:ing|ed)? together|joint (?:research|development)|research collaboration|co-produc(?:e|ed|es|ing|tion|er)|are developing|working together|work(?:s|ed|ing)? (?:closely )?together|(?:work(?:s|ed|ing)?|partner(?:s|ed|ing)?) closely with|collaborat(?:e|es|ed|ing) closely|joined forces|joining forces|join forces|(?:be|being|been|was|were|is|are) (?:jointly )?developed by",
            &[
                "develop",
                "joint",
                "collaborat",
                "co-produc",
                "together",
                "closely with",
                "forces",
            ],
            CoDevelopment,
            L,
            true,
        ),
        // A work made with another party ("produced the series with X",
        // "a sensor developed with X", "in production with X"): the trigger
        // ends at "with", so its object is the party right after it.
        pat(
            r"(?:produc(?:e|es|ed|ing)|develop(?:s|ed|ing)?|creat(?:e|es|ed|ing)|design(?:s|ed|ing)?)(?: [a-z][\w'-]*){0,4}? with|in (?:co-)?production with",
            WORK_MADE_STARTS,
            CoDevelopment,
            L,
            false,
        ),
        pat(
            r"sponsor(?:s|ed|ing|ship)?|co-brand(?:ed|ing)?|marketing (?:deal|agreement|partnership|alliance)|promotion(?:al)? (?:deal|partnership)",
            &["sponsor", "co-brand", "marketing", "promotion"],
            Marketing,
            L,
            false,
        ),
        pat(
            r"(?:minority |strategic |\d+(?:\.\d+)?% )stake",
            &["stake"],
            Investment,
            L,
            false,
        ),
        Pattern {
            subjects_only: true,
            ..pat(
                r"(?:been|are|were) working on",
                &["working on"],
                CoDevelopment,
                L,
                true,
            )
        },
        pat(
            r"partner(?:ed|ing|s)? up|partner(?:s|ed|ing|ships?)?|work(?:s|ed|ing)? (?:with|alongside)|joint (?:projects?|initiatives?|programs?|programmes?|efforts?)|in conjunction with|alliances?|allied|team(?:ed|s|ing)? up|team(?:ed|s|ing) with|(?:is|was|are|were|been|became|become|becomes) (?:a |an )?(?:founding |founder |full |associate |affiliate )?members? of|affiliat(?:e|es|ed) (?:of|with)|in (?:association|tandem|joint) with|(?:relationships?|associations?|affiliations?|ties|contacts) with|tie-ups?|tie ups? with|tied up|link(?:ed)? up|linked with|(?:in )?talks with|negotiations with|collaborat(?:e|ed|es|ing|ion|ions|ive)|co-?operat(?:e|ed|es|ing|ion)|memorandum of understanding|MoU|agreements?|arrangements? with|signed with|deals?|pacts?|accords?",
            &[
                "partner",
                "work",
                "joint",
                "conjunction",
                "allian",
                "allied",
                "team",
                "member",
                "affiliat",
                "associat",
                "tandem",
                "relationship",
                "ties with",
                "contacts with",
                "tie-up",
                "tie up",
                "tied up",
                "link",
                "talks with",
                "negotiations with",
                "collaborat",
                "co-operat",
                "cooperat",
                "memorandum",
                "mou",
                "agreement",
                "arrangement",
                "signed with",
                "deal",
                "pact",
                "accord",
            ],
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
static RESOURCE_AFTER: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s+(?:(?:the|a|an|its|their|new)\s+)?(?:[\w-]+\s+){0,3}?(?:fields?|oilfields?|gasfields?|reserves?|deposits?|mines?|sites?|markets?|region|land|properties|property)(?-u:\b)")
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
    let candidates = candidate_patterns(lowered);
    if candidates == 0 {
        return found;
    }
    let searched = (0..PATTERNS.len())
        .filter(|i| candidates & (1 << i) != 0)
        .map(|i| &PATTERNS[i]);
    for p in searched {
        for m in p.re().find_iter(lowered) {
            let text = &sentence[m.range()];
            if found.iter().any(|t| m.start() < t.end && t.start < m.end())
                || names.iter().any(|&(s, e)| m.start() < e && s < m.end())
                || ends_a_name(sentence, m.start(), text)
                || sells_a_company(p.kind, text, &sentence[m.end()..], m.end(), names)
                || chooses_no_contractor(&lowered[m.range()], sentence, m.end(), names)
                || names_a_person(text, &sentence[m.end()..])
                || names_a_thing(text, &sentence[m.end()..])
                || makes_with_no_party(p.kind, &lowered[m.range()], &sentence[m.end()..])
                || founds_a_joint_venture(p.kind, &lowered[..m.start()])
                || names_colleagues(p.kind, text, &lowered[..m.start()], &lowered[m.end()..])
                || joins_a_corporate_group(text, &sentence[m.end()..])
                || deals_with_as_a_verb(
                    &lowered[m.range()],
                    &lowered[..m.start()],
                    &lowered[m.end()..],
                )
                || NEGATED.is_match(tail(&lowered[..m.start()], 48))
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

/// A trigger negated right before it ("is not affiliated with", "doesn't
/// work with", "has never partnered with", "no partnership with"): no
/// relation, and no denial either, which answers a report. "No longer"
/// ends one, and stays a trigger. So is one set aside ("rather than
/// licensing deals", "without a formal partnership").
static NEGATED: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"(?:(?-u:\b)(?:not|never|no)|n['’]t)\s+(?:(?:formally|officially|directly|currently|yet|been|be|in)\s+)?$|(?-u:\b)(?:rather than|instead of|without)\s+(?:(?:a|an|any|the)\s+)?(?:[a-z-]+\s+)?$")
        .expect("negation pattern")
});

/// The last `n` bytes of `text` or a few more, from a character boundary:
/// enough for a pattern anchored at the end that spans a few words.
fn tail(text: &str, n: usize) -> &str {
    let mut at = text.len().saturating_sub(n);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    &text[at..]
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
static BUSINESS_SOLD: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s+(?:its|the|a|their)\s+(?:[\w-]+\s+)?(?:stake|unit|division|business|arm|subsidiary|operations?)(?-u:\b)")
        .expect("business sold pattern")
});

/// A capitalized name after "to sell" followed by a preposition or the
/// clause's end ("to sell Globex at a loss"): a company sold, not goods
/// ("to sell Globex phones").
static NAME_SOLD: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s+(?:[A-Z][\w&.-]*\s+){0,2}[A-Z][\w&-]*(?:\s*[,.;]|\s+(?:at|to|for|in|and)\s)")
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

/// The task or role of an organization chosen by another ("selected Globex
/// to supply engines", "hired Globex as its contractor", "awarded Globex a
/// ten-year contract").
static CHOSEN_FOR: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s+(?:to (?:supply|build|provide|power|run|operate|manage|develop|design|make|deliver|install|maintain|produce|handle|host|construct|distribute)|as (?:its|their|the)(?: [\w-]+){0,3} (?:supplier|provider|contractor|vendor|distributor|manufacturer|operator|builder|agency)|an?(?: [\w-]+){0,3} (?:contract|deal|order))(?-u:\b)")
        .expect("chosen for pattern")
});

/// Verbs of choosing a contractor, whose object provides.
const CHOICE_VERBS: &[&str] = &[
    "selected",
    "chose",
    "chosen",
    "picked",
    "hired",
    "tapped",
    "commissioned",
    "awarded",
];

/// A verb of choosing ("selected", "hired", "awarded") is a supply trigger
/// only with an organization right after it and that organization's task
/// or role after the name: many are chosen for other things.
fn chooses_no_contractor(
    matched: &str,
    sentence: &str,
    end: usize,
    names: &[(usize, usize)],
) -> bool {
    if !CHOICE_VERBS.contains(&matched) {
        return false;
    }
    let after = &sentence[end..];
    let mut at = end + after.len() - after.trim_start().len();
    if sentence[at..].starts_with("the ") {
        at += "the ".len();
    }
    !names
        .iter()
        .find(|&&(s, _)| s == at)
        .is_some_and(|&(_, e)| CHOSEN_FOR.is_match(&sentence[e..]))
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
static PERSON_AT: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s+(?:at|from)\s+(?:the\s+)?[A-Z]").expect("person-at pattern")
});

fn names_a_person(matched: &str, after: &str) -> bool {
    (matched.eq_ignore_ascii_case("partner") || matched.eq_ignore_ascii_case("partners"))
        && PERSON_AT.is_match(after)
}

/// A building, site, tool or field named by a trigger noun used as a
/// modifier ("a new distribution centre", "supply chain management",
/// "collaboration tools like Slack", "a data sharing platform"): no deal.
static THING_AFTER: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s+(?:cent(?:re|er)s?|warehouses?|hubs?|facilit(?:y|ies)|depots?|chains?|tools?|platforms?|software|suites?|apps?|features?|spaces?|workspaces?|environments?|skills?|culture|rules|settings)(?-u:\b)")
        .expect("thing pattern")
});

/// Trigger words that also modify nouns, in the lower case the patterns read.
const MODIFIERS: &[&str] = &[
    "distribution",
    "supply",
    "collaboration",
    "collaborative",
    "cooperation",
    "co-operation",
    "data sharing",
    "data-sharing",
];

/// "Deal with" as a verb, to handle ("knows how to deal with Unicode",
/// "they deal with refunds", "it deals with"): after "to", a modal or a
/// pronoun subject. The noun ("a deal with", "signed deals with") follows
/// a determiner, a modifier or a verb.
fn deals_with_as_a_verb(matched: &str, before: &str, after: &str) -> bool {
    const VERB_BEFORE: &[&str] = &[
        "to", "can", "cannot", "could", "will", "would", "shall", "should", "must", "may", "might",
        "we", "they", "you", "i", "he", "she", "it", "who",
    ];
    matches!(matched, "deal" | "deals")
        && after.starts_with(" with ")
        && before
            .trim_end()
            .rsplit(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
            .next()
            .is_some_and(|w| VERB_BEFORE.contains(&w))
}

fn names_a_thing(matched: &str, after: &str) -> bool {
    MODIFIERS.iter().any(|m| matched.eq_ignore_ascii_case(m)) && THING_AFTER.is_match(after)
}

/// How the work-made-with pattern's matches start: its prefilter words.
const WORK_MADE_STARTS: &[&str] = &[
    "produc",
    "develop",
    "creat",
    "design",
    "in production",
    "in co-production",
];

/// A trigger for a work made with another party ("produced the series
/// with", "in production with"), as the pattern of creative verbs finds it
/// (`lowered`: the match ASCII-lower-cased).
fn is_work_made_with(kind: Kind, lowered: &str) -> bool {
    kind == Kind::CoDevelopment
        && lowered.ends_with(" with")
        && WORK_MADE_STARTS.iter().any(|w| lowered.starts_with(w))
}

/// A work made "with" something that is no party: a purpose ("designed a
/// kiosk to connect with X"), a feature ("developed apps with cartoon
/// mascots of X"), or a work named after its maker ("produced by X with Y" tells who
/// made it, not its subject's partner). The party is a name right after
/// "with" (or "the"), and the words between the verb and "with" hold no
/// "to" or "by" (`lowered`: the match ASCII-lower-cased).
fn makes_with_no_party(kind: Kind, lowered: &str, after: &str) -> bool {
    if !is_work_made_with(kind, lowered) {
        return false;
    }
    let purpose = lowered.split(' ').any(|w| w == "to" || w == "by");
    let object = after.trim_start();
    let object = object.strip_prefix("the ").unwrap_or(object);
    purpose || !object.starts_with(|c: char| c.is_uppercase())
}

/// A company founded as a joint venture ("Acme was set up in 1990 as a
/// joint venture between Globex and Initech"): the parents own it, a
/// history of ownership rather than a partnership. Read on the lowered
/// text before the trigger.
static FOUNDED_AS: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(
        r"(?-u:\b)(?:founded|formed|established|created|set up|launched|started|incorporated)(?-u:\b)[^.;]{0,40}?(?-u:\b)(?:as|and is|and was) (?:a|an) (?:[\w/%-]+ ){0,2}$",
    )
    .expect("founded-as pattern")
});

fn founds_a_joint_venture(kind: Kind, before: &str) -> bool {
    kind == Kind::JointVenture && FOUNDED_AS.is_match(before)
}

/// People who worked together somewhere ("founded by Jane Roe and John
/// Doe, who had worked together at Globex"): colleagues, not partner firms.
/// `before` and `after` are the lowered text around the trigger.
static WHO_BEFORE: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(r"(?-u:\b)who (?:[a-z]+ ){0,2}$").expect("who pattern")
});

fn names_colleagues(kind: Kind, matched: &str, before: &str, after: &str) -> bool {
    let m = matched.to_ascii_lowercase();
    kind == Kind::CoDevelopment
        && m.starts_with("work")
        && m.ends_with("together")
        && (WHO_BEFORE.is_match(before) || {
            let a = after.trim_start();
            a.strip_prefix("previously ")
                .unwrap_or(a)
                .starts_with("at ")
        })
}

/// A corporate group or company named after a membership ("is a member of
/// the Vontrel Group", "was a member of Quarnish Corporation until 2010"):
/// one of its companies, owned rather than allied.
static CORPORATE_GROUP_AFTER: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(
        r"^\s+(?:the\s+)?(?:(?:[A-Z][\w&.'-]*|of|and|&)\s+){0,5}?(?:Group|Corporation|Corp\.?|Holdings|Company|Inc\.?|Ltd\.?|Limited|plc|AG)(?-u:\b)",
    )
    .expect("corporate group pattern")
});

fn joins_a_corporate_group(matched: &str, after: &str) -> bool {
    let m = matched.to_ascii_lowercase();
    (m.ends_with("member of") || m.ends_with("members of")) && CORPORATE_GROUP_AFTER.is_match(after)
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

/// Ordering, outsourcing, choosing a contractor, awarding a contract and
/// renting from run from the right-hand organization; but one awarded a
/// contract ("Acme was awarded a contract", the passive after `before`)
/// provides.
fn direction_of(p: &Pattern, matched: &str, before: &str) -> Direction {
    if p.kind != Kind::Supply {
        return p.direction;
    }
    let m = matched.to_ascii_lowercase();
    if m.contains("order")
        || m.starts_with("outsourc")
        || CHOICE_VERBS.contains(&m.as_str())
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
    fn a_distribution_centre_is_no_trigger() {
        let kinds = |s: &str| -> Vec<Kind> { find_all(s, &[]).iter().map(|t| t.kind).collect() };
        assert!(kinds("Acme runs large distribution centres serving Globex.").is_empty());
        assert!(kinds("Acme opened a supply depot for Globex.").is_empty());
        assert_eq!(
            kinds("Acme runs the distribution for Globex."),
            [Kind::Distribution]
        );
    }

    #[test]
    fn a_trigger_noun_naming_a_tool_or_field_is_no_trigger() {
        let kinds = |s: &str| -> Vec<Kind> { find_all(s, &[]).iter().map(|t| t.kind).collect() };
        for s in [
            "Teams use collaboration tools like Slack or Asana.",
            "Acme runs a data sharing platform for hospitals.",
            "An introduction to supply chain management via Globex.",
            "Globex offers a collaborative environment for analysts.",
        ] {
            assert!(kinds(s).is_empty(), "{s}");
        }
        assert_eq!(
            kinds("Acme ended its collaboration with Globex."),
            [Kind::Partnership]
        );
        assert_eq!(
            kinds("Acme signed a supply deal with Globex."),
            [Kind::Supply]
        );
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

    /// The trigger words found in `s`.
    fn words(s: &str) -> Vec<&str> {
        find_all(s, &[])
            .iter()
            .map(|t| &s[t.start..t.end])
            .collect()
    }

    #[test]
    fn founding_joint_ventures_and_colleagues_are_no_triggers() {
        assert!(words(
            "Ostrava Pipe was set up in 1987 as a 60/40 joint venture between Vontrel and Quarnish."
        )
        .is_empty());
        assert!(words(
            "Ostrava Pipe was incorporated in 1987 and was a joint venture of Vontrel and Quarnish until 2001."
        )
        .is_empty());
        assert_eq!(
            words("Vontrel and Quarnish formed a joint venture in 1987."),
            ["joint venture"]
        );
        assert!(words(
            "Pelmora was founded by Ada Quist and Rolf Tenner, who had worked together at Brindlemoor."
        )
        .is_empty());
        assert!(words("Its founders worked together at Brindlemoor.").is_empty());
        assert_eq!(
            words("Vontrel and Quarnish worked together on the new engine."),
            ["worked together"]
        );
    }

    #[test]
    fn membership_of_an_organization_and_teaming_with_are_triggers() {
        assert_eq!(
            words("Acme has been a founding member of the Globex Forum."),
            ["been a founding member of"]
        );
        assert_eq!(words("Acme teamed with Globex."), ["teamed with"]);
        // A person's seat on a board is no membership of the organization.
        assert!(words("said Jane Roe, a member of the Acme board.").is_empty());
        // Nor is a company's place in a corporate group.
        assert!(
            words("Vontrel Savings has long been a member of the Quarnish Financial Group.")
                .is_empty()
        );
        assert!(words("Vontrel was a member of Quarnish Corporation until 2010.").is_empty());
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
    fn deal_with_as_a_verb_is_no_trigger() {
        assert!(find_all("Python knows how to deal with Globex files.", &[]).is_empty());
        assert!(find_all("They deal with Acme refunds daily.", &[]).is_empty());
        assert!(find_all("It deals with Initech orders.", &[]).is_empty());
        // The noun stays a trigger.
        assert_eq!(find_all("Acme signed a deal with Globex.", &[]).len(), 1);
        assert_eq!(find_all("Acme signed deals with Globex.", &[]).len(), 1);
        assert_eq!(
            find_all("Acme is close to a deal with Globex.", &[]).len(),
            1
        );
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
    fn word_bytes_are_ascii_letters_digits_and_underscores() {
        for c in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = [b' '; 8];
                bytes[at] = c;
                let flags = word_bytes(u64::from_le_bytes(bytes));
                let word = c.is_ascii_alphanumeric() || c == b'_';
                assert_eq!(flags, u64::from(word) << (at * 8 + 7), "{c} at {at}");
            }
        }
    }

    #[test]
    fn every_match_of_a_pattern_holds_one_of_its_stems() {
        let phrases = [
            "a joint-venture",
            "the JV",
            "announces the formation of",
            "a joint steel mill",
            "data-sharing",
            "shares customer information",
            "provides weather data to",
            "cross-licensing deal",
            "a licensee",
            "supplier agreement",
            "placed an order",
            "orders for",
            "outsourced",
            "won a $5m contract",
            "contract to build",
            "to sell",
            "leased from",
            "rents from",
            "distribution rights",
            "publishing deal",
            "publishers",
            "co-developed",
            "jointly develop",
            "developed together",
            "joint research",
            "research collaboration",
            "co-production",
            "are developing",
            "working together",
            "work closely together",
            "partnered closely with",
            "collaborates closely",
            "joined forces",
            "were jointly developed by",
            "sponsorship",
            "co-branded",
            "marketing alliance",
            "promotional deal",
            "a 4.5% stake",
            "a minority stake",
            "secured contracts with",
            "have been working on",
            "partnered up",
            "partnerships",
            "works alongside",
            "joint programmes",
            "in conjunction with",
            "alliances",
            "allied",
            "teaming up",
            "teams with",
            "became a founding member of",
            "affiliated with",
            "in tandem with",
            "in association with",
            "ties with",
            "contacts with",
            "tie-ups",
            "tie ups with",
            "tied up",
            "linked up",
            "linked with",
            "talks with",
            "negotiations with",
            "collaborative",
            "co-operation",
            "cooperates",
            "memorandum of understanding",
            "an MoU",
            "agreements",
            "arrangement with",
            "deals",
            "pacts",
            "accords",
            "developed the app with",
            "in co-production with",
        ];
        for phrase in phrases {
            let lowered = format!("Acme {phrase} Globex.").to_ascii_lowercase();
            let candidates = candidate_patterns(&lowered);
            let matched: Vec<usize> = (0..PATTERNS.len())
                .filter(|&i| PATTERNS[i].re().is_match(&lowered))
                .collect();
            assert!(!matched.is_empty(), "{phrase}");
            for i in matched {
                assert!(candidates & (1 << i) != 0, "{phrase}: pattern {i}");
            }
        }
        assert_eq!(
            candidate_patterns("acme impacted globex, according to"),
            1 << 10
        );
        assert_eq!(candidate_patterns("the sun rose."), 0);
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
    fn a_negated_trigger_is_none() {
        for s in [
            "Acme is not affiliated with Globex.",
            "Acme doesn’t work with Globex.",
            "Acme has never partnered with Globex.",
            "Acme has no partnership with Globex.",
            "Acme is not in talks with Globex.",
            "Acme and Globex rely on fair use rather than licensing agreements.",
            "Acme built it without a formal partnership with Globex.",
        ] {
            assert!(find_all(s, &[]).is_empty(), "{s}");
        }
        for s in [
            "Acme no longer partners with Globex.",
            "Acme not only partnered with Globex but also with Initech.",
        ] {
            assert!(!find_all(s, &[]).is_empty(), "{s}");
        }
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

    #[test]
    fn choosing_a_contractor_for_a_task_is_a_supply_trigger() {
        let names = |s: &str, ns: &[&str]| -> Vec<(usize, usize)> {
            ns.iter()
                .filter_map(|n| s.find(n).map(|at| (at, at + n.len())))
                .collect()
        };
        for s in [
            "Acme selected Globex to supply engines for its jet.",
            "Acme hired Globex as its media buying agency.",
            "Acme awarded Globex a ten-year contract.",
        ] {
            // The task may hold a trigger of its own ("supply").
            let t = find_all(s, &names(s, &["Acme", "Globex"]));
            assert_eq!(t[0].start, s.find(' ').expect("verb") + 1, "{s}");
            assert_eq!(t[0].kind, Kind::Supply, "{s}");
            assert_eq!(t[0].direction, Direction::RightProvides, "{s}");
        }
        for s in [
            "Acme selected Globex for its award.",
            "Acme hired Jane Roe to run its sales.",
            "Acme was selected by Globex as its best new brand.",
            "Acme awarded Globex the prize for design.",
        ] {
            assert!(
                find_all(s, &names(s, &["Acme", "Globex"])).is_empty(),
                "{s}"
            );
        }
    }
}
