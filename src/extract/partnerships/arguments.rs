//! The two sides of a trigger: organization mentions of the sentence grouped
//! into coordinations ("Sony, IBM and Toshiba"), then the group before the
//! trigger paired with the group after it ("X partnered with Y and Z"), or
//! the members of one group paired with each other ("X and Y signed a deal",
//! "a joint venture between X and Y").

use super::lexicon;
use super::names;
use super::tail::folded_word_at_end;
use super::triggers::{self, Direction, Kind, Trigger};
use crate::text::pattern::Matcher;
use regex::Regex;
use regex_automata::meta;
use std::sync::LazyLock;

/// An organization mention inside a sentence (byte offsets relative to it).
#[derive(Debug, Clone, Copy)]
pub struct Mention<'o> {
    pub start: usize,
    pub end: usize,
    pub name: &'o str,
    /// Found by the fallback name rule, not by the organization finder.
    pub guessed: bool,
}

#[cfg(test)]
impl Mention<'static> {
    /// The first occurrence of `name` in sentence `s`, found by the finder.
    pub fn of(s: &str, name: &'static str) -> Self {
        let start = s.find(name).expect("name in sentence");
        Mention {
            start,
            end: start + name.len(),
            name,
            guessed: false,
        }
    }
}

/// Coordinated mentions: indices into the sentence's mentions, with their span.
#[derive(Debug, Clone)]
pub struct Group<'o> {
    pub start: usize,
    pub end: usize,
    pub names: Vec<&'o str>,
    /// Names given as alternatives ("Globex, Initech or Hooli") or as
    /// examples ("firms such as Globex and Initech"): partners of someone
    /// else, never of each other.
    pub alternatives: bool,
    /// Every name was guessed by the fallback rule, none found by the finder.
    pub guessed: bool,
}

/// `before` (the text before a list) ends with the words that make the
/// list's names examples: "such as", "like" or "e.g." (then maybe "the").
/// Read off the end: a pattern would scan the whole text before each name.
fn introduces_examples(before: &str) -> bool {
    let mut rest = before.trim_end();
    if let Some(at) = folded_word_at_end(rest, &["the"]) {
        rest = rest[..at].trim_end();
    }
    let rest = rest.strip_suffix(',').unwrap_or(rest);
    folded_word_at_end(rest, &["such as", "like", "e.g."]).is_some()
}

/// An "or" joining two names of a list.
static OR_GAP: LazyLock<Regex> =
    LazyLock::new(|| crate::text::pattern::regex(r"(?-u:\b)or(?-u:\b)").expect("or pattern"));

/// What may stand between two coordinated names: an optional year ("Lidl
/// in 2017 and Acme in 2018"), a separator, an article (also the
/// capitalized one that opens a name: "and The Globex Company"), then an
/// optional short description ("France's", "US-based", "Danish",
/// "storage specialists"); or a slash ("Acme/ Globex"). An institution's
/// head ("University of") may stand before a name the finder took without
/// it ("Acme, University of Dorvale Hospital, and Globex").
static COORDINATION: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s*/\s*$|^(?:\s+(?:in|since|from|until) \d{4}\s*(?:,\s*and|,\s*or|and|or)|\s*(?:,\s*and|,\s*or|,|and|&|or|as well as|plus|,?\s*along with|,?\s*together with|-|–))\s+(?:(?:the|The|An)\s+)?(?:(?:University|College|Institute|Bank|Museum|Academy|School|Department|Ministry|Society|Association|Federation|Council|Government) of\s+(?:the\s+)?)?(?:(?:[A-Z][\w.-]*['’]s|[\w-]+-based|[A-Z][a-z]+(?:ish|ese|ian|an|ern|ch)|[a-z][\w-]*)\s+){0,3}$")
        .expect("coordination pattern")
});

/// A relative clause between two names ("Matsushita, which makes Panasonic") is no list.
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?-u:\b)(?:which|who|whose|that|where)(?-u:\b)")
        .expect("relative pattern")
});

/// "Globex and a deal with Initech": a phrase of its own, not a list.
static PREPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?-u:\b)(?:with|to|for|by|from|between|into|on|at)(?-u:\b)")
        .expect("preposition pattern")
});

/// "The World, a BBC production": a description, not a list.
static APPOSITION: LazyLock<Matcher> =
    LazyLock::new(|| Matcher::new(r"^\s*,\s+(?:a|an)\s").expect("apposition pattern"));

/// A relative clause right after a name, without a comma.
static OWN_RELATIVE: LazyLock<Matcher> =
    LazyLock::new(|| Matcher::new(r"^\s+(?:which|who)\s").expect("own relative pattern"));

/// The gap after a leading "along with" or "together with", which joins
/// its name to the one before ("Acme, together with Globex, signed"),
/// unlike any other "with".
fn without_companion(gap: &str) -> &str {
    let t = gap.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    ["along with ", "together with "]
        .iter()
        .find_map(|lead| t.strip_prefix(lead))
        .unwrap_or(gap)
}

/// A gap that is only spaces around at most one opening bracket: same group.
fn is_same_name_gap(gap: &str) -> bool {
    matches!(gap.trim(), "" | "(" | "[")
}

/// Only a possessive between two names ("Jane's Sporting Goods").
static POSSESSIVE_GAP: LazyLock<Regex> =
    LazyLock::new(|| crate::text::pattern::regex(r"^['’]s?\s+$").expect("possessive pattern"));

/// Capitalized words right after a mention: the rest of a name the finder
/// cut short ("BBC" of "BBC World Service", "University" of "University of
/// Lund Medical Centre").
static NAME_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"^(?:\s(?:of\s)?[A-Z][\w'’.&-]*){1,4}").expect("name tail pattern")
});

/// The gap without the tail of the name before it, unless that tail is a
/// person ("Acme chairman Bill Gates and").
fn without_name_tail(gap: &str) -> &str {
    match NAME_TAIL.find(gap) {
        Some(m)
            if !m
                .as_str()
                .split_whitespace()
                .any(|w| lexicon::is_first_name(w) || names::is_title(w)) =>
        {
            &gap[m.end()..]
        }
        _ => gap,
    }
}

/// List items the organization finder did not report between two names of
/// a list ("Acme, Zorbo Ø, Globex", "Acme, Vexa' TV, and Globex", "Acme,
/// 20th Century Globex"): capitalized words or figures only, around a list
/// comma, no word ending in a period (a sentence may end there). The list
/// goes on across them.
static SKIPPED_ITEMS: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^(?:['’]s?)?(?:\s+[\p{Lu}\d][\w'’&+-]*(?:\.\w+)*){0,3}(?:\s*,\s*[\p{Lu}\d][\w'’&+-]*(?:\.\w+)*(?:\s+[\p{Lu}\d][\w'’&+-]*(?:\.\w+)*){0,2})*\s*,\s*(?:(?:and|or)\s+)?(?:[\p{Lu}\d][\w'’&+-]*(?:\.\w+)*\s+){0,3}$")
        .expect("skipped items pattern")
});

/// Only unreported list items between two names, none of them a person's
/// name or title ("Acme CEO Jane Roe, and Globex" is no list).
fn skips_items(gap: &str) -> bool {
    SKIPPED_ITEMS.is_match(gap)
        && !gap
            .split(|c: char| c.is_whitespace() || c == ',')
            .any(|w| lexicon::is_first_name(w) || names::is_title(w))
}

/// Groups the mentions of a sentence into coordinations, in text order.
pub fn groups<'o>(sentence: &str, mentions: &[Mention<'o>]) -> Vec<Group<'o>> {
    let mut out: Vec<Group<'o>> = Vec::new();
    for m in mentions {
        if let Some(g) = out.last_mut() {
            // A mention inside the group's extent (e.g. within its parenthesis) adds nothing.
            if m.start < g.end {
                continue;
            }
            let gap = &sentence[g.end..m.start];
            // A parenthesis after a name ("Acme (Melbourne)", "Globex (HAL)",
            // "Initech (The Quiz Show)", "Hooli (now part of Initech)")
            // describes it: the names in it are neither partners nor a break
            // in a list.
            let opened = gap.trim_start().strip_prefix('(');
            if opened.is_some_and(|inner| !inner.contains([')', '('])) {
                let rest = &sentence[m.end..];
                if let Some(close) = rest.find(')').filter(|&c| !rest[..c].contains('(')) {
                    g.end = m.end + close + 1;
                    continue;
                }
            }
            // Inside a list, a possessive joins one item ("Acme, Globex,
            // Jane's Sporting Goods and Initech"): the list goes on after it.
            if g.names.len() >= 2 && POSSESSIVE_GAP.is_match(gap) {
                g.end = m.end;
                continue;
            }
            if g.names.contains(&m.name) && is_same_name_gap(gap) {
                g.end = m.end;
                continue;
            }
            // "X which works with Y, Z which backs W":
            // a name with its own relative clause starts another item.
            let own_clause = OWN_RELATIVE.is_match(&sentence[m.end..]);
            let gap = without_name_tail(gap);
            if (COORDINATION.is_match(gap) || skips_items(gap))
                && !RELATIVE.is_match(gap)
                && !PREPOSITION.is_match(without_companion(gap))
                && !APPOSITION.is_match(gap)
                && !own_clause
            {
                g.end = m.end;
                g.alternatives |= OR_GAP.is_match(gap);
                g.guessed &= m.guessed;
                if !g.names.contains(&m.name) {
                    g.names.push(m.name);
                }
                continue;
            }
        }
        out.push(Group {
            start: m.start,
            end: m.end,
            names: vec![m.name],
            alternatives: introduces_examples(&sentence[..m.start]),
            guessed: m.guessed,
        });
    }
    out
}

/// The gap between a trigger and the group after it may hold a preposition
/// and a short description, not a new clause.
static RIGHT_GAP: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"(?i)^[\s,]*(?:(?:with|between|among|by|to|from|for|through|and|of|including|such as|like)\s+)?(?:(?:the|a|an|its|their|new|partner|partners)\s+)?(?:(?:[^\s;.!?]|\.\d)+\s+){0,7}?$")
        .expect("right gap pattern")
});

/// The agents of a passive trigger ("sponsored by firms including").
static PASSIVE_BY: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s*by\s+(?:[\w-]+\s+){0,3}?(?:including\s+|such as\s+)?$")
        .expect("passive pattern")
});

static BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?i)^[\s,]*(?:between|among|of)\s").expect("between pattern")
});

/// A verb listing the members right after the trigger's object ("Firms
/// working with Acme include", "Among the partners of Acme are").
static MEMBERS_AFTER: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(
        r"^\s+(?:include[sd]?|included|are|were|(?:have|has) included)\s*:?\s+(?:the\s+)?$",
    )
    .expect("members-after pattern")
});

/// "of" opening the gap after a trigger: what it acts on follows.
fn opens_with_of(gap: &str) -> bool {
    gap.trim_start_matches(|c: char| c.is_whitespace() || c == ',')
        .strip_prefix("of")
        .is_some_and(|rest| rest.starts_with(char::is_whitespace))
}

/// A finite verb or subordinator between a trigger and a name starts another
/// clause ("data sharing have been continuing since the X affair", "the
/// deal, said an analyst at X").
static VERB_GAP: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"(?i)(?-u:\b)(?:is|are|was|were|has|have|had|been|since|after|before|because|although|when|which|who|said|says|told|added)(?-u:\b)")
        .expect("verb gap pattern")
});

/// A trigger that ends in its own preposition ("teamed with", "a member
/// of"): the names after it are its subject's partners, not each other's.
fn ends_in_preposition(trigger: &str) -> bool {
    trigger
        .split_whitespace()
        .next_back()
        .is_some_and(|w| lexicon::is_one_of(w, &["with", "alongside", "of"]))
}

static WITH: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"(?i)(?-u:\b)(?:with|including|such as|like|to|for)(?-u:\b)")
        .expect("with pattern")
});

/// "with" right after a trigger: a partner that the sentence does not name
/// when no organization follows.
static UNNAMED_PARTNER: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"(?i)^\s*(?:[\w-]+\s+){0,2}?with\s+(?:a|an|the|its|their|other|local|several|[a-z]+(?:ese|ian|an|ish))?\s*[a-z]")
        .expect("unnamed partner pattern")
});

/// A clause break between the trigger and the group before it.
static LEFT_BREAK: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"(?i);|(?-u:\b)(?:but|however|while|whereas|although|meanwhile)(?-u:\b)")
        .expect("left break pattern")
});

/// A name in apposition to a collective trigger is that group itself
/// ("Called Acme Forum, the alliance will ..."), not one of its partners.
static NAMES_THE_GROUP: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s*,\s*(?:the|this|that|a|an)\s+(?:new\s+)?$")
        .expect("group apposition pattern")
});

const GROUP_NOUNS: &[&str] = &[
    "alliance",
    "alliances",
    "joint-venture",
    "joint-ventures",
    "joint venture",
    "joint ventures",
    "jv",
    "jvs",
    "partnership",
    "partnerships",
    "consortium",
];

/// Between a venture noun and the venture's name: "a joint venture,
/// Initech", "a joint venture called Initech", "a consortium named ...".
static VENTURE_NAME_GAP: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s*(?:,|\(|,?\s*(?:called|named|dubbed|known as))\s*(?:the\s+)?$")
        .expect("venture name gap")
});

/// A trigger naming the founding of a venture ("announced the formation
/// of"): the name after it is the venture, not a partner.
/// (No letter of it has a non-ASCII case variant: a byte comparison is exact.)
fn founds_venture(trigger: &str) -> bool {
    const ENDING: &[u8] = b"formation of";
    let t = trigger.as_bytes();
    t.len() >= ENDING.len() && t[t.len() - ENDING.len()..].eq_ignore_ascii_case(ENDING)
}

/// A date opening a sentence before a fronted phrase ("In May 2019, in
/// partnership with X, Y ...", "On March 3, 2015, ", "In the 1990s, ").
pub(super) const LEADING_DATE: &str = r"(?:[Ii]n|[Oo]n|[Bb]y|[Ss]ince|[Dd]uring|[Ff]rom)\s+(?:(?:early|mid|late|the)\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?\d{4}s?,\s+";

/// An opening preposition before a trigger ("In collaboration with X, Y
/// ..."), after an optional date: the trigger heads a fronted phrase, like
/// a participle.
static FRONTED: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(&format!(
        r"^\s*(?:{LEADING_DATE}(?:in|together)\s+|(?:(?:[Ii]n|[Tt]ogether)\s+)?)$"
    ))
    .expect("fronted pattern")
});

/// A second object of the trigger's "with" after the first one's clause
/// ("teamed up with X to build a rover and with Y to build a lander").
static AND_WITH: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^(?:\s+[\w'’-]+){0,8}?,?\s+and\s+(?:also\s+)?with\s+(?:the\s+)?$")
        .expect("and-with pattern")
});

/// More objects of the trigger after a plural noun joined to its first
/// ("with Globex and several stations, including X, Y").
static AND_OTHERS_INCLUDING: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s*,?\s+and\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*s\s*,?\s+(?:including|such as|like)\s+(?:the\s+)?$")
        .expect("and-others-including pattern")
});

/// The trigger's right group joined with the later groups that are more of
/// its objects: after "and with", or after "and other <plural>, including".
fn with_more_objects<'o>(
    sentence: &str,
    trigger: &Trigger,
    groups: &[Group<'o>],
    r: &Group<'o>,
) -> Option<Group<'o>> {
    let after_with = sentence[trigger.start..r.start].contains("with ");
    let mut joined: Option<Group<'o>> = None;
    for g in groups.iter().filter(|g| g.start >= r.end) {
        let gap = &sentence[joined.as_ref().unwrap_or(r).end..g.start];
        if !(after_with && AND_WITH.is_match(gap) || AND_OTHERS_INCLUDING.is_match(gap)) {
            break;
        }
        let j = joined.get_or_insert_with(|| r.clone());
        j.end = g.end;
        for &n in &g.names {
            if !j.names.contains(&n) {
                j.names.push(n);
            }
        }
    }
    joined
}

/// A name that modifies a plural noun before a list ("with Fortune 500
/// companies, including X, Y", "with leading payment service providers such
/// as X, Y"): the list holds the partners.
static LIST_AFTER_MODIFIER: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s\s*,?\s+(?:including|such as|like)\s+$")
        .expect("list after modifier pattern")
});

/// Lower-case nouns between a name and the next ("the London estate agency
/// Acme", "Jane Roe's design studio, Globex"): the first name modifies the
/// description the second heads.
static NOUN_GAP: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^(?:['’]s?)?\s+(?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*,?\s+$")
        .expect("noun gap pattern")
});

/// Words that make a gap more than a description: a clause, a phrase or a
/// list. A participle counts only as the gap's last word ("Globex owned
/// Initech"): before a noun it is a modifier ("its clothing label").
static FUNCTION_WORD: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?-u:\b)(?:to|for|in|on|at|and|or|with|by|of|from|that|which|who|is|are|was|were|has|have|had|will|would|its|their|the|a|an|as|into|than)(?-u:\b)|(?:ed|ing),?\s+$")
        .expect("function word pattern")
});

/// A second verb phrase of the sentence's subject ("Acme bought Initech,
/// and has a deal with Globex"): the name before it is an object.
static SECOND_PREDICATE: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^(?:\s+[a-z][\w-]*){0,2}\s*,\s*and\s+(?:also\s+)?(?:has|have|is|are|was|were|will|would|signed|agreed|formed)(?-u:\b)")
        .expect("second predicate pattern")
});

/// The same without the comma ("Acme bought Globex last year and signed a
/// deal with Initech"): a second predicate only when the name before it
/// has no verb of its own ("Acme said Globex expanded and has a deal" keeps
/// Globex).
static SECOND_PREDICATE_NO_COMMA: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^(?:\s+[a-z][\w-]*){0,3}\s+and\s+(?:also\s+|later\s+|then\s+)?(?:has|have|is|are|was|were|will|would|signed|agreed|formed|struck|inked|announced|entered)(?-u:\b)")
        .expect("second predicate without comma pattern")
});

/// A second verb phrase without a subject of its own after a name ("...
/// the Globex label and partnered with"): the name is the first verb's
/// object.
static COORDINATED_VERB: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^(?:\s+[a-z][\w-]*){0,3}\s*,?\s+and\s+(?:also\s+|later\s+|then\s+)?$")
        .expect("coordinated verb pattern")
});

/// Nothing but a short fronted phrase before a name: the clause's subject.
static OPENS_CLAUSE: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s*(?:[A-Z][^,;]{0,40},\s*)?$").expect("opens clause pattern")
});

/// The trigger opens with a past-tense verb ("partnered", "worked with").
fn is_past_verb(from_trigger: &str) -> bool {
    from_trigger.split_whitespace().next().is_some_and(|w| {
        w.len() > 4 && w.ends_with("ed") && w.starts_with(|c: char| c.is_lowercase())
    })
}

/// A name right after a preposition ("with", "of"): the object of a
/// phrase, not a subject.
static OBJECT_OF_WITH: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(r"(?i)(?-u:\b)(?:with|of|from|for|to)\s+(?:the\s+)?$")
        .expect("with object pattern")
});

/// A past participle's prepositional object ("released from Globex").
static OBJECT_OF_PARTICIPLE: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(
        r"(?i)(?-u:\b)[a-z]+ed\s+(?:with|of|from|for|to)\s+(?:the\s+)?$",
    )
    .expect("participle object pattern")
});

/// A trigger closing a manner phrase ("in conjunction with", "in
/// partnership with").
static MANNER_PHRASE: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(r"(?i)(?-u:\b)in\s+(?:close\s+)?[a-z]+(?:\s+with)?$")
        .expect("manner phrase pattern")
});

/// A name right after a preposition of place: where, not who.
static PLACE_OBJECT: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(r"(?i)(?-u:\b)(?:at|in|on|near|inside)\s+(?:the\s+)?$")
        .expect("place object pattern")
});

/// A finite verb right after a name: the name is a subject.
static SUBJECT_VERB: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s+(?:also\s+)?(?:has|have|had|is|are|was|were|will|would|can|could|signed|agreed|formed|[a-z]+ed)\s")
        .expect("subject verb pattern")
});

/// A list's last item: after "and" or "or".
static LIST_END: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?-u:\b)(?:and|or)(?-u:\b)|&").expect("list end pattern")
});

/// A finite verb (or its auxiliary) right after a name.
static FINITE_AFTER: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(
        r"^\s+(?:also\s+)?(?:has|have|had|is|are|was|were|will|would|can|could|[a-z]+ed|[a-z]+s)\s",
    )
    .expect("finite verb pattern")
});

/// The word "and" (ASCII word boundaries on both sides) in `text`.
fn has_and(text: &str) -> bool {
    let word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    let bytes = text.as_bytes();
    text.match_indices("and")
        .any(|(i, _)| !word(i.checked_sub(1).and_then(|j| bytes.get(j))) && !word(bytes.get(i + 3)))
}

/// The name ending at byte `end` closes the first verb phrase of a
/// sentence whose subject goes on with another ("..., and has a deal").
pub fn ends_first_predicate(sentence: &str, end: usize) -> bool {
    let rest = &sentence[end..];
    SECOND_PREDICATE.is_match(rest)
        || SECOND_PREDICATE_NO_COMMA.is_match(rest) && !FINITE_AFTER.is_match(rest)
}

/// An opening participial phrase ("Using a Globex engine, the ...") or
/// adverbial phrase about a thing or a time ("With the opening of Globex
/// Park, the ...", "After the sale of Globex, the ..."): a name in it is no
/// subject of the main clause after the comma.
static OPENING_PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"^(?:[A-Z][a-z]+ing|(?:With|After|Following|Before|During|Since|Despite|Through) (?:the|its|their|a|an))\s[^,;]*,").expect("opening participle pattern")
});

/// "Acme ranked in a poll of small firms, sponsored by Globex": the
/// participle after the comma qualifies the phrase before it ("small
/// firms"), not the name `left` further back.
fn qualifies_another_phrase(sentence: &str, trigger: &Trigger, left: &Group) -> bool {
    let before = &sentence[..trigger.start];
    sentence[trigger.start..trigger.end].ends_with("ed")
        && sentence[trigger.end..].starts_with(" by ")
        // A passive participle set off by a comma ("..., sponsored by"): a
        // reduced relative clause about the phrase right before the comma.
        && before.trim_end().ends_with(',')
        && !sentence[left.end..trigger.start]
            .trim_start_matches([')', '\'', '’', 's'])
            .trim()
            .eq(",")
}

/// A role noun a name can modify: "an official Globex partner", "a Globex supplier".
const ROLE_NOUNS: &[&str] = &["partner", "licensee", "supplier", "distributor"];

/// A copula and an article between a subject and the name modifying its
/// role noun ("Acme has been an official Globex partner"), up to two
/// adjectives allowed.
static COPULA_GAP: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s+(?:also\s+)?(?:is|was|has\s+been|had\s+been|have\s+been|became|becomes|become|remains|remained)\s+(?:also\s+)?(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,2}$")
        .expect("copula gap pattern")
});

/// The subject and the name that modifies its role noun: "Acme is an
/// official Globex partner" pairs Acme with Globex, the subject first (it
/// is the supplier of "a Globex supplier").
fn role_of_subject<'o>(
    sentence: &str,
    trigger: &Trigger,
    modifier: &Group<'o>,
    groups: &[Group<'o>],
) -> Option<Vec<(&'o str, &'o str)>> {
    // "a Contract Battery Assembler (CBA) supplier" describes a kind
    // of supplier: the name with its short form is no organization.
    if !sentence[modifier.end..trigger.start].trim().is_empty()
        || sentence[modifier.start..modifier.end].contains('(')
        || !lexicon::is_one_of(&sentence[trigger.start..trigger.end], ROLE_NOUNS)
    {
        return None;
    }
    let subject = groups.iter().rev().find(|g| g.end <= modifier.start)?;
    if !COPULA_GAP.is_match(&sentence[subject.end..modifier.start]) {
        return None;
    }
    let pairs: Vec<_> = subject
        .names
        .iter()
        .flat_map(|&a| modifier.names.iter().map(move |&b| (a, b)))
        .filter(|(a, b)| a != b)
        .collect();
    (!pairs.is_empty()).then_some(pairs)
}

/// A verb that lists the members of a trigger noun ("Acme's partners have
/// included ..."): no clause of its own between the trigger and its list.
static LIST_VERB: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?i)^\s*(?:have|has|had)\s+(?:included|incorporated|comprised)(?-u:\b)",
    )
    .expect("list verb pattern")
});

/// The gap after a listing verb opening it, else the whole gap.
fn list_verb_rest(gap: &str) -> &str {
    LIST_VERB.find(gap).map_or(gap, |m| &gap[m.end()..])
}

/// The gap from a passive trigger to its agent at the end of its clause:
/// no clause break, no list or apposition comma.
static AGENT_GAP: LazyLock<Matcher> =
    LazyLock::new(|| Matcher::new(r"^[^;:(),]*\sby\s+(?:the\s+)?$").expect("agent gap pattern"));

/// The agent of a passive trigger that its complement keeps from the
/// trigger ("Acme was awarded the contract to run the county's school
/// websites by Globex"): the organization after the clause's "by".
fn passive_agent<'g, 'o>(
    sentence: &str,
    trigger: &Trigger,
    groups: &'g [Group<'o>],
) -> Option<&'g Group<'o>> {
    let participle = sentence[trigger.start..trigger.end]
        .split(' ')
        .next()
        .is_some_and(|w| w.ends_with("ed"));
    if !participle || !triggers::after_passive_auxiliary(&sentence[..trigger.start]) {
        return None;
    }
    groups.iter().find(|g| {
        let gap = &sentence[trigger.end.min(g.start)..g.start];
        g.start >= trigger.end && AGENT_GAP.is_match(gap) && !VERB_GAP.is_match(gap)
    })
}

/// A sentence opening with a plural trigger's owner, not named ("Its
/// partners include", "Other partners are"): the list after it names the
/// partners of the organization the text is about, not of each other.
static OWN_PARTNERS: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"(?i)^(?:(?:its|their|other|key|major|main|notable|current|former|past|strategic|corporate)\s+){1,3}$")
        .expect("own partners pattern")
});

/// `before_trigger` is only the unnamed owner of the trigger ("Its", "Other").
pub fn lists_own_partners(before_trigger: &str) -> bool {
    OWN_PARTNERS.is_match(before_trigger)
}

/// A name after "its" or "their" that modifies the object of a first verb
/// coordinated with a second ("launched its Globex app and announced ..."):
/// the sentence's subject, not this name, does what the second verb says.
static POSSESSOR_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?i)(?-u:\b)(?:its|their)\s+$").expect("possessor pattern")
});
static NOUN_AND_VERB_AFTER: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?\s+and\s+(?:also\s+)?[a-z]+ed\s")
        .expect("noun and verb pattern")
});

fn is_possessed_object(sentence: &str, g: &Group) -> bool {
    POSSESSOR_BEFORE.is_match(&sentence[..g.start])
        && NOUN_AND_VERB_AFTER.is_match(&sentence[g.end..])
}

/// Examples after a one-way trigger ("distributes films such as X, Y",
/// "supplies data to broadcasters including X"): goods or customers, not
/// parties to a deal.
static EXAMPLES: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"(?i)(?-u:\b)(?:such as|including|like)(?-u:\b)").expect("examples pattern")
});

fn lists_examples(sentence: &str, trigger: &Trigger, right: &Group) -> bool {
    matches!(
        trigger.kind,
        Kind::Supply | Kind::Distribution | Kind::Licensing
    ) && EXAMPLES.is_match(&sentence[trigger.end.min(right.start)..right.start])
}

/// A one-way trigger used as a plain verb or agent noun ("distributes",
/// "supplier", "distribution of"), or the rights it names, rather than a
/// deal noun ("distribution deal"): its object may be goods or a title.
static PLAIN_ONE_WAY: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(
        r"(?i)^(?:distribut(?:e|es|ed|ing|ion|or)(?: rights)?|suppl(?:y|ies|ied|ying|ier))$",
    )
    .expect("plain one-way pattern")
});

/// Between such a trigger and a product or title: an article or a quantity
/// ("distributes the Zorblax 9", "supplies hundreds of Zorblax rifles",
/// "the following titles:"), or an opening quote.
static GOODS_GAP: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r#"(?i)^\s*(?:(?:of\s+)?(?:the|a|an)(?:\s+following(?:\s+[a-z]+)?\s*:?)?|(?:thousands|hundreds|millions|dozens|[\d,]+)\s+of(?:\s+the)?)\s+$|["“'`]\s*$"#)
        .expect("goods gap pattern")
});

/// A product noun right after the name ("Zorblax tablets", "the Zorblax
/// 9 submachine guns", "Zorblax and Quib cleaning products").
static PRODUCT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"^\s+(?:[a-z][\w-]*\s+){0,2}?(?:products?|brands?|cars?|vehicles?|engines?|motorcycles?|bikes?|bicycles?|guns?|rifles?|weapons?|tablets?|phones?|smartphones?|computers?|software|footwear|shoes|apparel|clothing|range|lines?|releases?|films?|movies?|titles?|games?|books?|comics?|magazines?|newspapers?|equipment|parts|aircraft|trucks?|tractors?|beers?|wines?|drinks?|beverages?|foods?|devices?|tools?|machines?|series|albums?|records?|catalogue|catalog|programs?|programmes?|channels?|chassis)(?-u:\b)")
        .expect("product after pattern")
});

/// A client or maker named after the goods ("supplies Zorblax engines to
/// Globex", "distributed the Quib releases from Initech").
static AFTER_GOODS: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s+(?:[a-z][\w-]*\s+){0,3}?(?:to|from|by)\s+(?:the\s+)?$")
        .expect("after goods pattern")
});

/// The seller named after an order's goods ("ordered 10 Zorblax jets from
/// Globex").
static SELLER_AFTER_GOODS: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s+(?:[a-z][\w-]*\s+){0,3}?from\s+(?:the\s+)?[A-Z]")
        .expect("seller after goods pattern")
});

/// A partner in making the goods, named after them ("co-produced Vorp
/// with Globex").
static WITH_AFTER_GOODS: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^\s+(?:[a-z][\w-]*\s+){0,3}?with\s+(?:the\s+)?$")
        .expect("with after goods pattern")
});

/// Head words of organizations and public bodies, which an article may
/// precede ("supplies the Zorblax Air Force", "the Quib Group").
static BODY_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r"(?-u:\b)(?:Forces?|Army|Navy|Ministry|Department|Agency|Authority|Council|Commission|Government|Office|Bureau|Board|Administration|Service|System|Company|Corporation|Group|Bank|University|Institute|Foundation|Society|Association)(?-u:\b)")
        .expect("body head pattern")
});

/// A title's kind or a quote right before its name ("the film Quib
/// Nights", "its game “Vorp”").
static TITLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(r#"(?:(?-u:\b)(?:film|movie|game|album|book|novel|series|show|title|single|song|magazine|brand|product|tablet|app)s?\s+["“”'`]*|["“”`]\s*)$"#)
        .expect("title before pattern")
});

/// A plain supply or distribution verb or agent noun, whose arguments may
/// be goods.
fn is_plain_one_way(sentence: &str, trigger: &Trigger) -> bool {
    matches!(trigger.kind, Kind::Supply | Kind::Distribution)
        && !trigger.reciprocal
        && PLAIN_ONE_WAY.is_match(&sentence[trigger.start..trigger.end])
}

/// A verb of making a work together ("co-produced"), whose direct object
/// is the work.
static CO_PRODUCED: LazyLock<Matcher> =
    LazyLock::new(|| Matcher::new(r"(?i)^co-produc(?:e|ed|es|ing)$").expect("co-produced pattern"));

/// Only "of", or nothing, between a verb or agent noun and its object
/// ("distributor of Quib Nights", "co-produced Vorp").
fn is_direct_object(gap: &str) -> bool {
    let gap = gap.trim();
    gap.is_empty() || gap == "of"
}

/// The object of a plain one-way trigger names goods or a title, not an
/// organization: an article or quantity before a name that no body head
/// word marks as an organization, a title's kind or a quote before it, or
/// a product noun after it. Names the organization finder did not know,
/// right after such a trigger or after "co-produced", are titles too
/// ("the distributor of Quib Nights", "co-produced Vorp or Alive"). What
/// a buyer's trigger (an order, a lease) names before "from" its seller is
/// the goods.
fn names_goods(sentence: &str, trigger: &Trigger, right: &Group) -> bool {
    if right.start < trigger.end {
        return false;
    }
    if trigger.kind == Kind::Supply
        && trigger.direction == Direction::RightProvides
        && SELLER_AFTER_GOODS.is_match(&sentence[right.end..])
    {
        return true;
    }
    let gap = &sentence[trigger.end..right.start];
    let plain = is_plain_one_way(sentence, trigger);
    let made = plain || CO_PRODUCED.is_match(&sentence[trigger.start..trigger.end]);
    made && right.guessed && is_direct_object(gap)
        || plain
            && (GOODS_GAP.is_match(gap) && !BODY_HEAD.is_match(&sentence[right.start..right.end])
                || TITLE_BEFORE.is_match(&sentence[..right.start])
                || PRODUCT_AFTER.is_match(&sentence[right.end..]))
}

/// Where the trigger's arguments were found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sides<'o> {
    /// Pairs with both sides named in the sentence, provider first for
    /// directed triggers.
    Pairs(Vec<(&'o str, &'o str)>),
    /// Only partners after the trigger were found: its subject is a pronoun
    /// or description ("It has agreed a deal with TiVo").
    RightOnly(Vec<&'o str>),
    /// Only one organization before the trigger ("Facebook is to end these partnerships").
    LeftOnly(&'o str),
    None,
}

/// The organizations `trigger` relates, given the sentence's groups.
pub fn sides<'o>(sentence: &str, trigger: &Trigger, groups: &[Group<'o>]) -> Sides<'o> {
    let mut right = groups.iter().position(|g| {
        let gap = &sentence[trigger.end.min(g.start)..g.start];
        g.start >= trigger.end && RIGHT_GAP.is_match(gap) && !VERB_GAP.is_match(list_verb_rest(gap))
    });
    if let Some(i) = right {
        if groups.get(i + 1).is_some_and(|next| {
            let gap = &sentence[groups[i].end..next.start];
            LIST_AFTER_MODIFIER.is_match(gap) && !LIST_END.is_match(gap)
                || groups[i].names.len() == 1
                    && NOUN_GAP.is_match(gap)
                    && !FUNCTION_WORD.is_match(gap)
                    && !MEMBERS_AFTER.is_match(gap)
        }) {
            right = Some(i + 1);
        }
    }
    let right = right
        .map(|i| &groups[i])
        .filter(|_| !founds_venture(&sentence[trigger.start..trigger.end]))
        .or_else(|| passive_agent(sentence, trigger, groups));
    // Goods are no party; the client or maker named after them is.
    let right = match right {
        Some(r) if names_goods(sentence, trigger, r) => groups.iter().find(|g| {
            g.start >= r.end && {
                let gap = &sentence[r.end..g.start];
                AFTER_GOODS.is_match(gap) || WITH_AFTER_GOODS.is_match(gap)
            }
        }),
        r => r,
    };
    if right.is_some_and(|r| lists_examples(sentence, trigger, r)) {
        return Sides::None;
    }
    let more_objects = right.and_then(|r| with_more_objects(sentence, trigger, groups, r));
    let right = more_objects.as_ref().or(right);
    let all_pairs = |group: &Group<'o>| {
        let mut v = Vec::new();
        if group.alternatives {
            return v;
        }
        let names = &group.names;
        for (i, &a) in names.iter().enumerate() {
            for &b in &names[i + 1..] {
                v.push((a, b));
            }
        }
        v
    };
    let opening = OPENING_PARTICIPLE
        .find(sentence)
        .map_or(0, |m| m.end())
        .min(trigger.start);
    let mut left = groups
        .iter()
        .rev()
        .filter(|g| g.end <= trigger.start)
        .find(|g| !is_possessed_object(sentence, g))
        .filter(|g| !LEFT_BREAK.is_match(&sentence[g.end..trigger.start]))
        .filter(|g| g.end > opening)
        .filter(|g| !qualifies_another_phrase(sentence, trigger, g))
        // "The film Quib Nights was distributed by Globex": a title.
        .filter(|g| {
            !(is_plain_one_way(sentence, trigger) && TITLE_BEFORE.is_match(&sentence[..g.start]))
        });
    if let Some(l) = left {
        if NAMES_THE_GROUP.is_match(&sentence[l.end..trigger.start])
            && lexicon::is_one_of(&sentence[trigger.start..trigger.end], GROUP_NOUNS)
        {
            // Its members may follow: "Acme Labs, a joint venture between
            // Globex and Initech".
            return match right {
                Some(r)
                    if r.names.len() >= 2 && BETWEEN.is_match(&sentence[trigger.end..r.start]) =>
                {
                    Sides::Pairs(all_pairs(r))
                }
                _ => Sides::None,
            };
        }
        if let Some(pairs) = role_of_subject(sentence, trigger, l, groups) {
            return Sides::Pairs(pairs);
        }
        let gap = &sentence[l.end..trigger.start];
        // "Acme signed a deal with Globex and an accord with Initech": a
        // partner of the first object is no party to the second.
        // "Acme covers the games at Globex Park in conjunction with
        // Initech", "Acme won a grant from Globex in partnership with
        // Initech": a place or a noun's object named in the clause is no
        // party to the manner phrase closing it; the subject is. A verb's
        // ("released from Globex in partnership with") may be its agent.
        let manner = MANNER_PHRASE.is_match(&sentence[..trigger.end]);
        let before = &sentence[..l.start];
        if ends_first_predicate(sentence, l.end)
            || OBJECT_OF_WITH.is_match(before) && has_and(gap)
            || manner
                && (PLACE_OBJECT.is_match(before)
                    || OBJECT_OF_WITH.is_match(before) && !OBJECT_OF_PARTICIPLE.is_match(before))
        {
            // The subject is the nearest earlier name its verb follows
            // ("Acme has", "Acme signed"), else the sentence's first.
            let earlier = || {
                groups
                    .iter()
                    .take_while(|g| g.end <= l.start)
                    .filter(|g| !OBJECT_OF_WITH.is_match(&sentence[..g.start]))
            };
            left = earlier()
                .filter(|g| SUBJECT_VERB.is_match(&sentence[g.end..]))
                .last()
                .or_else(|| earlier().next())
                .or(left);
        } else if COORDINATED_VERB.is_match(gap) && is_past_verb(&sentence[trigger.start..]) {
            // "They partnered with Acme to create the Globex label and
            // partnered with Initech": the second verb's subject is the
            // first's: a name opening the sentence or one its verb follows
            // (this one too: "Acme was hired and partnered with"), else one
            // not named here.
            left = groups
                .iter()
                .take_while(|g| g.start <= l.start)
                .filter(|g| {
                    SUBJECT_VERB.is_match(&sentence[g.end..])
                        || OPENS_CLAUSE.is_match(&sentence[..g.start])
                })
                .last();
        }
    }
    if trigger.subjects_only {
        return match left {
            Some(l) if l.names.len() >= 2 => Sides::Pairs(all_pairs(l)),
            _ => Sides::None,
        };
    }
    if let Some(r) = right {
        let gap = &sentence[trigger.end..r.start];
        // "a deal between X and Y"; "sponsored by X, Y and Z": co-sponsors.
        // "The distribution of X and Y": a one-way trigger's goods, no
        // parties to each other.
        let goods = !trigger.reciprocal && opens_with_of(gap);
        if r.names.len() >= 2
            && (BETWEEN.is_match(gap) && !goods || left.is_none() && PASSIVE_BY.is_match(gap))
        {
            return Sides::Pairs(all_pairs(r));
        }
        if let Some(l) = left {
            // "Acme and Globex formed a joint venture, Initech Mobility":
            // the name after the venture is the venture's own; the
            // partners are the subjects.
            if l.names.len() >= 2
                && trigger.reciprocal
                && lexicon::is_one_of(&sentence[trigger.start..trigger.end], GROUP_NOUNS)
                && VENTURE_NAME_GAP.is_match(gap)
            {
                return Sides::Pairs(all_pairs(l));
            }
            let mut v = Vec::new();
            for &a in &l.names {
                for &b in &r.names {
                    if a != b {
                        v.push(match trigger.direction {
                            Direction::LeftProvides => (a, b),
                            Direction::RightProvides => (b, a),
                        });
                    }
                }
            }
            if !v.is_empty() {
                return Sides::Pairs(v);
            }
        }
    }
    if let Some(l) = left {
        // "X and Y run joint ventures with local firms": an unnamed partner.
        let unnamed_partner = right.is_none() && UNNAMED_PARTNER.is_match(&sentence[trigger.end..]);
        if l.names.len() >= 2 && trigger.reciprocal && !unnamed_partner {
            return Sides::Pairs(all_pairs(l));
        }
    }
    if let (Some(r), None) = (right, left) {
        // "Partnering with X in 2008, Y assisted ...": the opening clause's
        // partner with the main clause's subject, the name right after the
        // comma closing the phrase.
        if FRONTED.is_match(&sentence[..trigger.start]) {
            if let Some(subject) = groups
                .iter()
                .find(|g| g.start >= r.end && sentence[r.end..g.start].contains(','))
                .filter(|g| sentence[r.end..g.start].trim_end().ends_with(','))
            {
                let v: Vec<_> = subject
                    .names
                    .iter()
                    .flat_map(|&a| r.names.iter().map(move |&b| (a, b)))
                    .filter(|(a, b)| a != b)
                    .collect();
                if !v.is_empty() {
                    return Sides::Pairs(v);
                }
            }
            // "In partnership with X, Y built ...": the comma closing the
            // phrase read as a list's; its last name, with its verb, is the
            // subject.
            let span = &sentence[r.start..r.end];
            if let (Some((&subject, partners)), Some(comma)) =
                (r.names.split_last(), span.rfind(','))
            {
                if !partners.is_empty()
                    && !LIST_END.is_match(&span[comma..])
                    && FINITE_AFTER.is_match(&sentence[r.end..])
                {
                    return Sides::Pairs(partners.iter().map(|&b| (subject, b)).collect());
                }
            }
        }
    }
    if let Some(r) = right {
        // "co-produced by X and Y" relates X and Y; "partnered with X and Y"
        // and "teamed with X and Y" relate each to a subject not named here,
        // and "Partners include X and Y", "Partners: X, Y" list an owner's.
        let gap = &sentence[trigger.end..r.start];
        if r.names.len() >= 2
            && trigger.reciprocal
            && left.is_none()
            && !WITH.is_match(gap)
            && !MEMBERS_AFTER.is_match(gap)
            && !gap.trim_start().starts_with(':')
            && !lists_own_partners(&sentence[..trigger.start])
            && !ends_in_preposition(&sentence[trigger.start..trigger.end])
            && gap.split_whitespace().count() <= 3
        {
            return Sides::Pairs(all_pairs(r));
        }
        // "Firms working with Acme include Globex and Initech": the list
        // after the verb holds the partners of the trigger's object.
        if left.is_none() {
            let members = groups
                .iter()
                .find(|g| g.start >= r.end && MEMBERS_AFTER.is_match(&sentence[r.end..g.start]));
            if let Some(m) = members {
                let v: Vec<_> = r
                    .names
                    .iter()
                    .flat_map(|&a| m.names.iter().map(move |&b| (a, b)))
                    .filter(|(a, b)| a != b)
                    .collect();
                if !v.is_empty() {
                    return Sides::Pairs(v);
                }
            }
        }
        return Sides::RightOnly(r.names.clone());
    }
    match left {
        Some(l) if l.names.len() == 1 => Sides::LeftOnly(l.names[0]),
        _ => Sides::None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::triggers::find_all;
    use super::*;

    #[test]
    fn gap_tests_read_as_their_patterns() {
        let re = |p: &str| crate::text::pattern::regex(p).expect("pattern");
        let (same, of, and) = (
            re(r"^\s*[(\[]?\s*$"),
            re(r"^[\s,]*of\s"),
            re(r"(?-u:\b)and(?-u:\b)"),
        );
        for gap in [
            "",
            " ",
            " ( ",
            "[",
            "((",
            " , ",
            ", of the",
            "of\u{a0}x",
            " ofx",
            "of",
            "and",
            "sand",
            "and_",
            " é and,",
            "andand",
            "x and",
            "\u{2003}(\u{2003}",
        ] {
            assert_eq!(is_same_name_gap(gap), same.is_match(gap), "{gap:?}");
            assert_eq!(opens_with_of(gap), of.is_match(gap), "{gap:?}");
            assert_eq!(has_and(gap), and.is_match(gap), "{gap:?}");
        }
    }

    /// Mentions of the capitalized words listed in `names`.
    fn mentions<'a>(s: &str, names: &[&'a str]) -> Vec<Mention<'a>> {
        let mut v: Vec<Mention> = names
            .iter()
            .map(|n| {
                let start = s.find(n).expect("name in sentence");
                Mention {
                    start,
                    end: start + n.len(),
                    name: n,
                    guessed: false,
                }
            })
            .collect();
        v.sort_by_key(|m| m.start);
        v
    }

    #[test]
    fn a_mention_inside_a_group_extent_is_absorbed() {
        // "Acme (Globex)" extends Acme's group over the parenthesis; a second
        // mention starting inside it must not be sliced backwards.
        let s = "Acme (Globex) and Initech agreed.";
        let mut m = mentions(s, &["Acme", "Globex", "Initech"]);
        m.insert(
            2,
            Mention {
                start: 7,
                end: 12,
                name: "lobex",
                guessed: true,
            },
        );
        let g = groups(s, &m);
        assert_eq!(g.len(), 1);
    }

    fn run<'a>(s: &str, names: &[&'a str]) -> Sides<'a> {
        let m = mentions(s, names);
        let g = groups(s, &m);
        let spans: Vec<(usize, usize)> = m.iter().map(|m| (m.start, m.end)).collect();
        let t = find_all(s, &spans);
        sides(s, &t[0], &g)
    }

    #[test]
    fn guessed_names_right_after_a_making_verb_are_its_titles() {
        // The finder knows Acme and Globex; the titles are only guessed.
        let run_guessing = |s: &str, found: &[&'static str], guessed: &[&'static str]| {
            let mut m = mentions(s, found);
            for &name in guessed {
                let mut g = Mention::of(s, name);
                g.guessed = true;
                m.push(g);
            }
            m.sort_by_key(|m| m.start);
            let g = groups(s, &m);
            let spans: Vec<(usize, usize)> = m.iter().map(|m| (m.start, m.end)).collect();
            let t = find_all(s, &spans);
            sides(s, &t[0], &g)
        };
        assert_eq!(
            run_guessing(
                "Acme co-produced Vorp or Alive with Globex.",
                &["Acme", "Globex"],
                &["Vorp", "Alive"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
        assert_eq!(
            run_guessing(
                "Acme is the distributor of Quib Nights.",
                &["Acme"],
                &["Quib Nights"]
            ),
            Sides::LeftOnly("Acme")
        );
        // A name the finder knows stays a party.
        assert_eq!(
            run("Acme is the distributor of Globex.", &["Acme", "Globex"]),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
    }

    #[test]
    fn a_name_joined_by_together_with_shares_the_subjects_partner() {
        assert_eq!(
            run(
                "Acme, together with the Dutch carmaker Globex, partnered with Initech.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Initech"), ("Globex", "Initech")])
        );
        assert_eq!(
            run(
                "Acme, along with Globex, signed a pact with Initech.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Initech"), ("Globex", "Initech")])
        );
    }

    #[test]
    fn a_second_with_object_is_the_triggers_partner_too() {
        assert_eq!(
            run(
                "Acme teamed up with Globex to build a rover and with Initech to test it.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Globex"), ("Acme", "Initech")])
        );
        // Another verb's object is not.
        assert_eq!(
            run(
                "Acme teamed up with Globex to build a rover, and Initech sued them.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
    }

    #[test]
    fn a_list_after_and_other_plurals_holds_more_partners() {
        assert_eq!(
            run(
                "Acme signed deals with Globex and several stations, including Initech and Hooli.",
                &["Acme", "Globex", "Initech", "Hooli"]
            ),
            Sides::Pairs(vec![
                ("Acme", "Globex"),
                ("Acme", "Initech"),
                ("Acme", "Hooli")
            ])
        );
    }

    #[test]
    fn a_place_is_no_party_to_a_closing_manner_phrase() {
        assert_eq!(
            run(
                "Acme covers the races at Globex Park in conjunction with Initech.",
                &["Acme", "Globex Park", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Initech")])
        );
        assert_eq!(
            run(
                "Acme built a plant at Globex Park in partnership with Initech.",
                &["Acme", "Globex Park", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Initech")])
        );
    }

    #[test]
    fn a_nouns_object_is_no_party_to_a_closing_manner_phrase_but_an_agent_is() {
        assert_eq!(
            run(
                "Acme announced it had won a grant from Globex to fund the plant, in partnership with Initech.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Initech")])
        );
        assert_eq!(
            run(
                "The second set to be released from Globex in partnership with Initech was a game.",
                &["Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Globex", "Initech")])
        );
    }

    #[test]
    fn partners_listed_without_their_owner_are_not_each_others() {
        let names = ["Globex", "Initech", "Hooli"];
        for s in [
            "Partners include Globex, Initech and Hooli.",
            "Partners: Globex, Initech, Hooli.",
            "Cloud partners: available on Globex, Initech, Hooli.",
        ] {
            assert_eq!(run(s, &names), Sides::RightOnly(names.to_vec()), "{s}");
        }
        assert_eq!(
            run(
                "The film was co-produced by Globex and Initech.",
                &names[..2]
            ),
            Sides::Pairs(vec![("Globex", "Initech")])
        );
    }

    #[test]
    fn the_members_listed_after_the_trigger_object_are_its_partners() {
        assert_eq!(
            run(
                "Firms working with Acme include Globex and Initech.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Globex"), ("Acme", "Initech")])
        );
        assert_eq!(
            run("Firms working with Acme grew.", &["Acme"]),
            Sides::RightOnly(vec!["Acme"])
        );
    }

    #[test]
    fn the_goods_of_a_one_way_trigger_are_no_partners() {
        assert_eq!(
            run(
                "Acme handles the distribution of Globex, Initech and Umbrella.",
                &["Acme", "Globex", "Initech", "Umbrella"]
            ),
            Sides::Pairs(vec![
                ("Acme", "Globex"),
                ("Acme", "Initech"),
                ("Acme", "Umbrella")
            ])
        );
        assert_eq!(
            run(
                "It was an alliance of Globex and Initech.",
                &["Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Globex", "Initech")])
        );
    }

    #[test]
    fn a_passive_trigger_takes_its_agent_after_the_complement() {
        assert_eq!(
            run(
                "Acme was awarded the contract to build every school in the county a website by Globex.",
                &["Acme", "Globex"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
        // Another clause's "by" is no agent of the trigger.
        assert_eq!(
            run(
                "Acme was awarded the contract, which was praised by Globex.",
                &["Acme", "Globex"]
            ),
            Sides::LeftOnly("Acme")
        );
    }

    #[test]
    fn subject_with_listed_partners() {
        assert_eq!(
            run(
                "Acme has partnered with Globex, Initech and Umbrella.",
                &["Acme", "Globex", "Initech", "Umbrella"]
            ),
            Sides::Pairs(vec![
                ("Acme", "Globex"),
                ("Acme", "Initech"),
                ("Acme", "Umbrella")
            ])
        );
    }

    #[test]
    fn coordinated_subject_pairs_among_itself() {
        assert_eq!(
            run(
                "Acme, Globex and Initech are developing a standard.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![
                ("Acme", "Globex"),
                ("Acme", "Initech"),
                ("Globex", "Initech")
            ])
        );
    }

    #[test]
    fn example_lists_are_told_by_their_last_words() {
        for before in [
            "brands such as ",
            "tools like the ",
            "firms, e.g., ",
            "Such As ",
        ] {
            assert!(introduces_examples(before), "{before:?}");
        }
        for before in ["unlike ", "alike ", "the ", "dislike the ", ""] {
            assert!(!introduces_examples(before), "{before:?}");
        }
    }

    #[test]
    fn alternatives_and_examples_are_no_partners_of_each_other() {
        let names = ["Acme", "Globex", "Initech"];
        for s in [
            "Acme, Globex or Initech may be better if you have a relationship with those firms.",
            "Tools like Acme, Globex and Initech are working together.",
            "Alliances among leaders such as Acme, Globex and Initech are reshaping the trade.",
        ] {
            assert_eq!(run(s, &names), Sides::Pairs(vec![]), "{s}");
        }
        // Alternatives still pair with the subject.
        assert_eq!(
            run(
                "Hooli may partner with Acme or Globex.",
                &["Hooli", "Acme", "Globex"]
            ),
            Sides::Pairs(vec![("Hooli", "Acme"), ("Hooli", "Globex")])
        );
    }

    #[test]
    fn between_pairs_the_members() {
        assert_eq!(
            run(
                "The tool is a joint venture between chip designer Acme and software house Globex.",
                &["Acme", "Globex"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
    }

    #[test]
    fn orders_run_from_the_seller() {
        assert_eq!(
            run(
                "Acme Air has placed an order for 40 Globex jets.",
                &["Acme Air", "Globex"]
            ),
            Sides::Pairs(vec![("Globex", "Acme Air")])
        );
        // A model named before "from" is the goods, not the seller.
        assert_eq!(
            run(
                "Acme Air ordered 10 Q400 jets from Globex.",
                &["Acme Air", "Q400", "Globex"]
            ),
            Sides::Pairs(vec![("Globex", "Acme Air")])
        );
    }

    #[test]
    fn opening_participle_pairs_with_main_subject() {
        assert_eq!(
            run(
                "Partnering with Globex in 2008, Acme assisted in the tests.",
                &["Globex", "Acme"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
    }

    #[test]
    fn working_on_pairs_only_coordinated_subjects() {
        assert_eq!(
            run(
                "Acme, Globex and Initech, who have been working on the sensor, will show it.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![
                ("Acme", "Globex"),
                ("Acme", "Initech"),
                ("Globex", "Initech")
            ])
        );
        assert_eq!(
            run(
                "Acme has been working on a gadget called Globex Pad.",
                &["Acme", "Globex Pad"]
            ),
            Sides::None
        );
    }

    #[test]
    fn unnamed_partner_does_not_pair_the_subjects() {
        assert_eq!(
            run(
                "Acme, Globex and Initech run joint ventures with local firms.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::None
        );
    }

    #[test]
    fn a_name_the_finder_cut_short_still_coordinates() {
        let s = "The Hour is a DRT World Service and KLTV-Denver co-production.";
        let g = groups(s, &mentions(s, &["DRT", "KLTV-Denver"]));
        assert_eq!(g[0].names, ["DRT", "KLTV-Denver"]);
        let s = "The Hour, a DRT World Service and KLTV-Denver co-production.";
        let g = groups(s, &mentions(s, &["Hour", "DRT", "KLTV-Denver"]));
        assert_eq!(g[1].names, ["DRT", "KLTV-Denver"]);
        let s = "Acme Chairman Bill Gates and Globex met.";
        assert_eq!(groups(s, &mentions(s, &["Acme", "Globex"])).len(), 2);
    }

    #[test]
    fn a_title_in_parentheses_after_a_listed_name_keeps_the_list() {
        let s = "Deals with Acme (The Quiz Show) and Globex (Cook Off).";
        let g = groups(
            s,
            &mentions(s, &["Acme", "Quiz Show", "Globex", "Cook Off"]),
        );
        assert_eq!(g[0].names, ["Acme", "Globex"]);
    }

    #[test]
    fn a_possessive_inside_a_list_keeps_the_list() {
        let s = "Deals with Acme, Hooli, Jane's Sporting Goods, Globex and others.";
        let g = groups(
            s,
            &mentions(s, &["Acme", "Hooli", "Jane", "Sporting Goods", "Globex"]),
        );
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].names, ["Acme", "Hooli", "Jane", "Globex"]);
        // Outside a list the owner and its unit stay apart.
        let s = "Acme's Globex unit signed a deal with Initech.";
        assert_eq!(
            groups(s, &mentions(s, &["Acme", "Globex", "Initech"])).len(),
            3
        );
    }

    #[test]
    fn relative_clause_ends_a_list() {
        let s = "The pact lets Acme and Globex, which makes Initech phones, grow.";
        let g = groups(s, &mentions(s, &["Acme", "Globex", "Initech"]));
        assert_eq!(g[0].names, ["Acme", "Globex"]);
        assert_eq!(g.len(), 2);
    }

    #[test]
    fn a_name_with_its_own_relative_clause_is_no_list_item() {
        assert_eq!(
            run(
                "Three firms matter, Acme which is allied with Globex, Initech which is tied to Umbrella.",
                &["Acme", "Globex", "Initech", "Umbrella"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
    }

    #[test]
    fn passive_agents_are_co_sponsors() {
        assert_eq!(
            run(
                "The bid was sponsored by firms including Acme, Globex and Initech.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![
                ("Acme", "Globex"),
                ("Acme", "Initech"),
                ("Globex", "Initech")
            ])
        );
    }

    #[test]
    fn a_name_in_apposition_to_the_alliance_is_the_alliance() {
        assert_eq!(
            run(
                "Called Acme Forum, the alliance will set standards.",
                &["Acme Forum"]
            ),
            Sides::None
        );
    }

    #[test]
    fn a_second_predicate_takes_the_sentence_subject() {
        assert_eq!(
            run(
                "Acme paid $2bn to create Globex, and has a partnership with Initech.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Initech")])
        );
        assert_eq!(
            run(
                "Acme bought Globex last year and signed a partnership with Initech.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Initech")])
        );
        // A name with its own verb is the subject of the second.
        assert_eq!(
            run(
                "Acme said Globex expanded and has a partnership with Initech.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Globex", "Initech")])
        );
        let s = "Acme paid $2bn to create Globex, and has a partnership with Initech.";
        let globex = s.find("Globex").expect("name") + "Globex".len();
        assert!(ends_first_predicate(s, globex));
        assert!(!ends_first_predicate(s, 4));
    }

    #[test]
    fn the_venture_founded_is_no_partner() {
        assert_eq!(
            run(
                "Acme and Globex announced the formation of Initech, a chip maker.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
    }

    #[test]
    fn a_fronted_partnership_phrase_pairs_with_the_main_subject() {
        assert_eq!(
            run(
                "In partnership with Globex in 2008, Acme built a plant.",
                &["Globex", "Acme"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
    }

    #[test]
    fn a_date_may_open_the_sentence_before_a_fronted_phrase() {
        assert_eq!(
            run(
                "In May 2019, in partnership with Globex, Acme opened a plant.",
                &["Globex", "Acme"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
        // A name after a later comma is no subject of the phrase's clause.
        assert_eq!(
            run(
                "In partnership with Globex, the firm launched a campaign to help Acme, a charity.",
                &["Globex", "Acme"]
            ),
            Sides::RightOnly(vec!["Globex"])
        );
    }

    #[test]
    fn the_name_after_a_fronted_phrase_is_the_subject_not_a_list_item() {
        assert_eq!(
            run(
                "In collaboration with Globex and Initech, Acme plans a new plant.",
                &["Globex", "Initech", "Acme"]
            ),
            Sides::Pairs(vec![("Acme", "Globex"), ("Acme", "Initech")])
        );
        assert_eq!(
            run(
                "In partnership with Globex, Initech and Acme, it plans a new plant.",
                &["Globex", "Initech", "Acme"]
            ),
            Sides::RightOnly(vec!["Globex", "Initech", "Acme"])
        );
    }

    #[test]
    fn names_after_a_trigger_ending_in_its_preposition_are_the_subjects_partners() {
        for (s, names) in [
            (
                "It teamed with Globex and Initech last year.",
                ["Globex", "Initech"],
            ),
            (
                "It is a member of Globex Forum and Initech Alliance.",
                ["Globex Forum", "Initech Alliance"],
            ),
        ] {
            assert_eq!(run(s, &names), Sides::RightOnly(names.to_vec()), "{s}");
        }
        // Without its own preposition a reciprocal trigger still pairs the list.
        assert_eq!(
            run(
                "The film was co-produced by Globex and Initech.",
                &["Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Globex", "Initech")])
        );
    }

    #[test]
    fn a_list_of_an_unnamed_owners_partners_are_not_each_others() {
        for s in [
            "Other partners include Globex, Initech and Hooli.",
            "Its partners include Globex, Initech and Hooli.",
        ] {
            assert_eq!(
                run(s, &["Globex", "Initech", "Hooli"]),
                Sides::RightOnly(vec!["Globex", "Initech", "Hooli"]),
                "{s}"
            );
        }
        assert!(lists_own_partners("Its key ") && !lists_own_partners("The film was "));
    }

    #[test]
    fn a_name_in_the_object_of_a_first_verb_is_no_subject_of_the_second() {
        assert_eq!(
            run(
                "Acme launched its Globex app and announced partnerships with Initech.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Initech")])
        );
        assert_eq!(
            run(
                "The firm launched its Globex app and announced partnerships with Initech.",
                &["Globex", "Initech"]
            ),
            Sides::RightOnly(vec!["Initech"])
        );
        // A possessed name that is the subject keeps its trigger.
        assert_eq!(
            run(
                "Acme said its Globex unit signed a deal with Initech.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Globex", "Initech")])
        );
    }

    #[test]
    fn a_list_after_a_name_modifying_a_plural_holds_the_partners() {
        assert_eq!(
            run(
                "Acme works with Fortune 500 companies, including Globex and Initech.",
                &["Acme", "Fortune 500", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Globex"), ("Acme", "Initech")])
        );
        // A noun phrase of a few words.
        assert_eq!(
            run(
                "Acme has partnerships with leading Zorbo service providers such as Globex and Initech.",
                &["Acme", "Zorbo", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Globex"), ("Acme", "Initech")])
        );
    }

    #[test]
    fn the_goods_of_a_plain_one_way_verb_are_no_party() {
        // An article or a quantity before a product or title.
        assert_eq!(
            run(
                "Acme also distributes the Zorblax 9 in Europe.",
                &["Acme", "Zorblax"]
            ),
            Sides::LeftOnly("Acme")
        );
        assert_eq!(
            run(
                "Acme distributed the following titles: Quib Nights and Vorp.",
                &["Acme", "Quib Nights", "Vorp"]
            ),
            Sides::LeftOnly("Acme")
        );
        // A product noun after the name; the client after the goods is
        // the party.
        assert_eq!(
            run(
                "Acme supplies hundreds of Zorblax rifles to Globex.",
                &["Acme", "Zorblax", "Globex"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
        assert_eq!(
            run(
                "Acme was a distributor for Quib cars and vans.",
                &["Acme", "Quib"]
            ),
            Sides::LeftOnly("Acme")
        );
        // An organization after the article, and a deal noun, keep theirs.
        assert_eq!(
            run(
                "Acme supplies the Globex Air Force.",
                &["Acme", "Globex Air Force"]
            ),
            Sides::Pairs(vec![("Acme", "Globex Air Force")])
        );
        assert_eq!(
            run(
                "Acme signed a distribution deal with the Globex games unit.",
                &["Acme", "Globex"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
    }

    #[test]
    fn a_title_named_by_its_kind_or_quoted_is_no_party() {
        assert_eq!(
            run(
                "Acme produced the widely distributed feature film Quib Nights.",
                &["Acme", "Quib Nights"]
            ),
            Sides::LeftOnly("Acme")
        );
        assert_eq!(
            run(
                "The film Quib Nights was distributed by Globex in Asia.",
                &["Quib Nights", "Globex"]
            ),
            Sides::RightOnly(vec!["Globex"])
        );
        // An organization before a passive distribution verb keeps its part.
        assert_eq!(
            run(
                "Acme Pictures is distributed by Globex in Asia.",
                &["Acme Pictures", "Globex"]
            ),
            Sides::Pairs(vec![("Acme Pictures", "Globex")])
        );
    }

    #[test]
    fn examples_after_a_one_way_trigger_are_goods_or_customers() {
        assert_eq!(
            run(
                "Acme supplies data to broadcasters such as Globex and Initech.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::None
        );
        assert_eq!(
            run(
                "Acme has distributed several films, including Globex Nights.",
                &["Acme", "Globex Nights"]
            ),
            Sides::None
        );
        // A partnership's examples are partners.
        assert_eq!(
            run(
                "Acme partnered with broadcasters such as Globex.",
                &["Acme", "Globex"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
    }

    #[test]
    fn a_second_verb_phrase_shares_the_first_ones_subject() {
        assert_eq!(
            run(
                "Acme bought Globex and later partnered with Initech.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Initech")])
        );
        assert_eq!(
            run(
                "Acme was hired and partnered with Initech.",
                &["Acme", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Initech")])
        );
        let s = "They teamed up with Acme to create the Globex label and partnered with Initech.";
        let m = mentions(s, &["Acme", "Globex", "Initech"]);
        let g = groups(s, &m);
        let spans: Vec<(usize, usize)> = m.iter().map(|m| (m.start, m.end)).collect();
        let t = find_all(s, &spans);
        assert_eq!(sides(s, &t[1], &g), Sides::RightOnly(vec!["Initech"]));
    }

    #[test]
    fn a_list_goes_on_across_items_the_finder_missed() {
        let s = "Acme collaborated with Globex, Zorbo Ø, Initech, Ny Øst, Hooli, 20th Century Vexamo, Quillon' WB, and Brindle.";
        assert_eq!(
            run(
                s,
                &[
                    "Acme",
                    "Globex",
                    "Initech",
                    "Hooli",
                    "Century Vexamo",
                    "Quillon",
                    "Brindle"
                ]
            ),
            Sides::Pairs(
                [
                    "Globex",
                    "Initech",
                    "Hooli",
                    "Century Vexamo",
                    "Quillon",
                    "Brindle"
                ]
                .iter()
                .map(|&b| ("Acme", b))
                .collect()
            )
        );
        // A person's name, or a sentence ending after a name, is no list item.
        assert_eq!(
            run(
                "Acme partnered with Globex CEO Jane Roe, and Initech.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
        assert_eq!(
            groups(
                "Acme, Inc. Additionally, Globex signed.",
                &mentions(
                    "Acme, Inc. Additionally, Globex signed.",
                    &["Acme", "Globex"]
                )
            )
            .len(),
            2
        );
    }

    #[test]
    fn a_name_before_a_described_name_modifies_it() {
        assert_eq!(
            run(
                "Acme has partnered with the Ohio estate agency Globex.",
                &["Acme", "Ohio", "Globex"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
    }

    #[test]
    fn a_year_after_a_listed_name_keeps_the_list() {
        assert_eq!(
            run(
                "Acme announced partnerships with Globex in 2017 and Initech in 2018.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Globex"), ("Acme", "Initech")])
        );
    }

    #[test]
    fn a_second_predicate_after_an_object_noun_takes_the_subject() {
        assert_eq!(
            run(
                "Acme has produced Globex and Initech consoles, and has worked with Umbrella.",
                &["Acme", "Globex", "Initech", "Umbrella"]
            ),
            Sides::Pairs(vec![("Acme", "Umbrella")])
        );
    }

    #[test]
    fn a_second_predicate_takes_the_nearest_subject_with_a_verb() {
        assert_eq!(
            run(
                "Made on Hooli hardware, Acme has produced Globex and Initech consoles, and has worked with Umbrella.",
                &["Hooli", "Acme", "Globex", "Initech", "Umbrella"]
            ),
            Sides::Pairs(vec![("Acme", "Umbrella")])
        );
    }

    #[test]
    fn a_nationality_may_describe_a_listed_name() {
        let s = "Acme, the Danish Globex Agency, and Initech collaborated.";
        let g = groups(s, &mentions(s, &["Acme", "Globex Agency", "Initech"]));
        assert_eq!(g[0].names, ["Acme", "Globex Agency", "Initech"]);
    }

    #[test]
    fn an_institution_head_the_finder_left_out_keeps_the_list() {
        let s = "Brindle Health worked with Dorvale Medicine, University of Orland Clinics, \
                 MedCity Health and Erskine Living.";
        let m = mentions(
            s,
            &[
                "Brindle Health",
                "Dorvale Medicine",
                "Orland Clinics",
                "MedCity Health",
                "Erskine Living",
            ],
        );
        let g = groups(s, &m);
        assert_eq!(
            g[1].names,
            [
                "Dorvale Medicine",
                "Orland Clinics",
                "MedCity Health",
                "Erskine Living"
            ]
        );
    }

    #[test]
    fn pronoun_subject_leaves_right_side_only() {
        assert_eq!(
            run(
                "It has signed a music deal with streaming firm Globex.",
                &["Globex"]
            ),
            Sides::RightOnly(vec!["Globex"])
        );
    }
    #[test]
    fn names_in_a_parenthesis_after_a_listed_name_describe_it() {
        let s = "Acme (now part of Hooli), Globex and Initech.";
        let g = groups(s, &mentions(s, &["Acme", "Hooli", "Globex", "Initech"]));
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].names, ["Acme", "Globex", "Initech"]);
    }

    #[test]
    fn a_capitalized_article_or_a_slash_keeps_the_list() {
        let s = "Acme, Globex and The Initech Company; Umbrella/ Hooli.";
        let g = groups(
            s,
            &mentions(s, &["Acme", "Globex", "Initech", "Umbrella", "Hooli"]),
        );
        assert_eq!(g[0].names, ["Acme", "Globex", "Initech"]);
        assert_eq!(g[1].names, ["Umbrella", "Hooli"]);
    }

    #[test]
    fn the_partner_of_a_first_deal_is_no_party_to_a_second() {
        let s = "Acme signed a deal with Globex and an accord with Initech.";
        let m = mentions(s, &["Acme", "Globex", "Initech"]);
        let g = groups(s, &m);
        let spans: Vec<(usize, usize)> = m.iter().map(|m| (m.start, m.end)).collect();
        let t = find_all(s, &spans);
        assert_eq!(
            sides(s, t.last().expect("a trigger"), &g),
            Sides::Pairs(vec![("Acme", "Initech")])
        );
    }

    #[test]
    fn a_venture_named_before_between_pairs_its_members() {
        assert_eq!(
            run(
                "Acme Labs, a joint venture between Globex and Initech, opened a store.",
                &["Acme Labs", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Globex", "Initech")])
        );
    }

    #[test]
    fn the_name_a_venture_is_given_is_no_partner() {
        for s in [
            "Acme and Globex formed a joint venture, Initech Mobility, in 2019.",
            "Acme and Globex set up a joint venture called Initech Mobility.",
        ] {
            assert_eq!(
                run(s, &["Acme", "Globex", "Initech Mobility"]),
                Sides::Pairs(vec![("Acme", "Globex")])
            );
        }
        // A partner after "with" is one.
        assert_eq!(
            run(
                "Acme formed a joint venture with Globex.",
                &["Acme", "Globex"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
    }

    #[test]
    fn the_owner_of_an_object_is_no_subject() {
        assert_eq!(
            run(
                "Acme sold the plant of Globex and partnered with Initech.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Initech")])
        );
    }

    #[test]
    fn a_name_modifying_the_subject_role_is_its_partner() {
        assert_eq!(
            run(
                "Acme has been an official Globex partner since 2004.",
                &["Acme", "Globex"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
        assert_eq!(
            run("Acme became a Globex supplier.", &["Acme", "Globex"]),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
        assert_eq!(
            run(
                "Acme was a Widget Maker (WM) supplier.",
                &["Acme", "Widget Maker", "WM"]
            ),
            Sides::LeftOnly("Widget Maker")
        );
        // Without a copula the first name is no subject of the role.
        assert_ne!(
            run("Acme hired a Globex partner.", &["Acme", "Globex"]),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
    }

    #[test]
    fn a_name_in_an_opening_participle_is_no_subject() {
        assert_eq!(
            run(
                "Flying a Globex jet, the first trip was made in conjunction with Initech.",
                &["Globex", "Initech"]
            ),
            Sides::RightOnly(vec!["Initech"])
        );
        assert_eq!(
            run(
                "Using Globex chips, Acme partnered with Initech.",
                &["Globex", "Acme", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Initech")])
        );
        assert_eq!(
            run(
                "With the opening of Globex Park, the firm forged ties with Initech.",
                &["Globex Park", "Initech"]
            ),
            Sides::RightOnly(vec!["Initech"])
        );
        assert_eq!(
            run(
                "After the sale of its Globex unit, Acme partnered with Initech.",
                &["Globex", "Acme", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Initech")])
        );
    }

    #[test]
    fn a_participle_after_a_comma_qualifies_the_phrase_before() {
        assert_eq!(
            run(
                "Acme ranked in a poll of small firms, sponsored by Globex.",
                &["Acme", "Globex"]
            ),
            Sides::RightOnly(vec!["Globex"])
        );
        assert_eq!(
            run(
                "The race, organised by Acme, sponsored by Globex.",
                &["Acme", "Globex"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
    }

    #[test]
    fn a_listing_verb_after_the_trigger_leads_to_its_partners() {
        assert_eq!(
            run(
                "Acme partnerships have included firms such as Globex and Initech.",
                &["Acme", "Globex", "Initech"]
            ),
            Sides::Pairs(vec![("Acme", "Globex"), ("Acme", "Initech")])
        );
    }

    #[test]
    fn a_possessive_name_before_a_described_name_modifies_it() {
        assert_eq!(
            run(
                "Acme has teamed up with Jane Rowe's design studio, Globex.",
                &["Acme", "Jane Rowe", "Globex"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
        // A gerund before the noun modifies it; a participle before the
        // name is a clause.
        assert_eq!(
            run(
                "Acme has partnered with Jane Rowe's clothing label, Globex.",
                &["Acme", "Jane Rowe", "Globex"]
            ),
            Sides::Pairs(vec![("Acme", "Globex")])
        );
        assert_eq!(
            run(
                "Acme has partnered with Initech owned Globex.",
                &["Acme", "Initech", "Globex"]
            ),
            Sides::Pairs(vec![("Acme", "Initech")])
        );
    }
}
