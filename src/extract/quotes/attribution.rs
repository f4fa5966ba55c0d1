//! Who said a quotation: reporting-verb patterns after and before the quote,
//! dash-attributed lines, continued quotes and pronoun resolution.

use super::marks::Region;
use super::QuoteSpan;
use crate::extract::orgs::Org;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

const VERBS: &str = r"(?:said|says|say|told|tells|added|adds|noted|notes|warned|warns|argued|argues|wrote|writes|tweeted|tweets|insisted|insists|explained|explains|stated|states|declared|declares|claimed|claims|asked|asks|replied|replies|responded|responds|continued|recalled|acknowledged|admitted|announced|observed|remarked|cautioned|predicted|suggested|emphasized|stressed|conceded|joked|quipped)";
const NAME: &str = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+)?[A-Z][\w'’.-]*(?:\s+(?:de|van|von|al|bin)?\s*[A-Z][\w'’.-]*){0,3}";
const PRONOUN: &str = r"(?:he|she|they|He|She|They)";

static AFTER_VERB_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s,]*{VERBS}\s+(?P<name>{NAME}|{PRONOUN})(?:,\s+(?P<role>[^.;“”\x22]{{3,120}}))?"
    ))
    .expect("pattern")
});
static AFTER_NAME_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s,]*(?P<name>{NAME}|{PRONOUN})(?:,\s+(?P<role>[^,]{{3,80}}),)?\s+{VERBS}(?-u:\b)"
    ))
    .expect("pattern")
});
static BEFORE_NAME_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<name>{NAME}|{PRONOUN})(?:,\s+(?P<role>[^,]{{3,80}}),)?\s+{VERBS}(?:\s+[\w ]{{0,40}})?[:,]\s*$"
    ))
    .expect("pattern")
});
static ACCORDING_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^[\s,]*according to\s+(?P<name>{NAME})")).expect("pattern")
});
static DASH_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<quote>.{{20,}}?[.!?”\x22])\s*[–—―-]\s*(?P<name>{NAME})(?:,\s*(?P<role>.+))?$"
    ))
    .expect("pattern")
});
static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?-u:\b)")
        .expect("pattern")
});

/// A speaker's role: its byte offset and text.
type Role = (usize, String);

/// What attribution remembers across paragraphs.
#[derive(Debug, Default)]
pub struct State {
    last_speaker: Option<String>,
    last_person: Option<String>,
    continuing: bool,
}

impl State {
    pub fn remember(&mut self, q: &QuoteSpan) {
        if let Some(s) = &q.speaker {
            self.last_speaker = Some(s.clone());
        }
    }

    /// Notes the last person-like name of a paragraph for pronoun resolution.
    pub fn observe_names(&mut self, para: &str) {
        if let Some(m) = PERSON.find_iter(para).last() {
            self.last_person = Some(m.as_str().to_string());
        }
    }

    pub fn paragraph_done(&mut self, open_ended: bool) {
        self.continuing = open_ended;
    }

    fn resolve(&self, name: &str) -> Option<String> {
        if matches!(name, "he" | "she" | "they" | "He" | "She" | "They") {
            self.last_speaker
                .clone()
                .or_else(|| self.last_person.clone())
        } else {
            Some(name.to_string())
        }
    }
}

fn org_in(role: &str, role_start: usize, orgs: &[Org]) -> Option<String> {
    orgs.iter()
        .find(|o| o.start >= role_start && o.end <= role_start + role.len())
        .map(|o| o.name.clone())
}

/// Attributes one quoted region.
pub fn attribute(
    text: &str,
    para: Range<usize>,
    region: &Region,
    state: &mut State,
    orgs: &[Org],
) -> QuoteSpan {
    let after_start = region.outer.end;
    let after_end = para.end.min(after_start + 160);
    let after = text.get(after_start..after_end).unwrap_or("");
    let before = &text[para.start..region.outer.start];
    let mut found: Option<(Range<usize>, Option<Role>)> = None;
    for re in [&*AFTER_VERB_NAME, &*AFTER_NAME_VERB, &*ACCORDING_TO] {
        if let Some(c) = re.captures(after) {
            let n = c.name("name").expect("name group");
            let role = c
                .name("role")
                .map(|r| (after_start + r.start(), r.as_str().trim().to_string()));
            found = Some((after_start + n.start()..after_start + n.end(), role));
            break;
        }
    }
    if found.is_none() {
        if let Some(c) = BEFORE_NAME_VERB.captures(before) {
            let n = c.name("name").expect("name group");
            let role = c
                .name("role")
                .map(|r| (para.start + r.start(), r.as_str().trim().to_string()));
            found = Some((para.start + n.start()..para.start + n.end(), role));
        }
    }
    let mut q = QuoteSpan {
        start: region.inner.start,
        end: region.inner.end,
        speaker: None,
        speaker_span: None,
        role: None,
        org: None,
    };
    match found {
        Some((span, role)) => {
            q.speaker = state.resolve(&text[span.clone()]);
            q.speaker_span = Some(span);
            if let Some((rs, r)) = role {
                q.org = org_in(&r, rs, orgs);
                q.role = Some(r);
            }
        }
        None if state.continuing || region.open_ended => q.speaker = state.last_speaker.clone(),
        None => {}
    }
    state.remember(&q);
    q
}

/// A paragraph of the form `quoted words – Name, role`, with or without marks.
pub fn dash_quote(text: &str, para: Range<usize>, orgs: &[Org]) -> Option<QuoteSpan> {
    let s = &text[para.clone()];
    let c = DASH_LINE.captures(s)?;
    let quote = c.name("quote")?;
    let inner = quote
        .as_str()
        .trim_matches(|ch: char| ch == '"' || ch == '“' || ch == '”' || ch.is_whitespace());
    let lead = quote.as_str().find(inner).unwrap_or(0);
    let name = c.name("name")?;
    let role = c
        .name("role")
        .map(|r| (para.start + r.start(), r.as_str().trim().to_string()));
    Some(QuoteSpan {
        start: para.start + quote.start() + lead,
        end: para.start + quote.start() + lead + inner.len(),
        speaker: Some(name.as_str().to_string()),
        speaker_span: Some(para.start + name.start()..para.start + name.end()),
        org: role.as_ref().and_then(|(rs, r)| org_in(r, *rs, orgs)),
        role: role.map(|(_, r)| r),
    })
}
