//! The rules: each is a regular expression (compiled once), the trigger
//! words without which it cannot match, and a function that types and
//! resolves its match. A named group `t` marks the annotated span when the
//! pattern also reads context it must not include ("in March" -> "March").

use super::calendar::{self, Holiday};
use super::context::{tense, DocState, Tense};
use super::fills::{self, Fill};
use super::triggers::{self as tr, Words};
use super::{Date, TimexType};
use crate::text::pattern::lower_literals;
use regex_automata::meta::{self, Regex};
use regex_automata::util::{captures::Captures, syntax};
use regex_automata::{MatchKind, PatternID, Span};
use std::cell::Cell;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

const MONTH: &str = r"(?-i:(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?))";
const MONTH_FULL: &str =
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)";
const WEEKDAY: &str = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const YEAR: &str = r"(?P<y>1[5-9]\d\d|20\d\d)";
const DAY: &str = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?";
const NUM: &str = r"(?P<n>\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a|one|two|three|several)\s+hundred|hundreds\s+of|a\s+dozen|dozens\s+of|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|few|several|some|many|a|an)";
const UNIT: &str = r"(?:(?:trading|business|calendar)\s+)?(?P<unit>years?|months?|weeks?|days?|decades?|hours?|minutes?|seconds?|quarters?|centur(?:y|ies)|fortnights?)";
const APPROX: &str = r"(?:(?:about|around|nearly|almost|some|roughly|approximately|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|only|just|barely|another|an\s+additional|a\s+full|a\s+further)\s+)";
const PART: &str = r"(?P<part>morning|afternoon|evening|night)";
const SEASON: &str = r"(?P<season>spring|summer|fall|autumn|winter)";
const ORD: &str = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)";

/// What a resolver sees: the match, its sentence, the reference date and
/// the document state.
pub struct Ctx<'a> {
    pub caps: &'a Captures,
    /// The text the captures index.
    pub hay: &'a str,
    pub sentence: &'a str,
    /// Byte range of the annotated span inside the sentence.
    pub at: usize,
    pub end: usize,
    pub reference: Option<Date>,
    pub doc: &'a DocState,
    /// Set by a rule that names a fiscal quarter: later "the quarter" refers to it.
    pub names_quarter: Cell<Option<(i32, u32)>>,
    /// Bytes a resolver drops from the start of the span.
    pub trim_start: Cell<usize>,
}

impl Ctx<'_> {
    fn cap(&self, name: &str) -> Option<&str> {
        group(self.caps, name).map(|span| &self.hay[span.range()])
    }

    fn text(&self) -> &str {
        &self.sentence[self.at..self.end]
    }

    fn lower(&self) -> String {
        self.text().to_ascii_lowercase()
    }

    fn before(&self) -> &str {
        &self.sentence[..self.at]
    }

    fn after(&self) -> &str {
        &self.sentence[self.end..]
    }

    /// The lower-cased word right before the span.
    fn prev_word(&self) -> String {
        self.before()
            .trim_end()
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '\''))
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    }

    fn tense(&self) -> Tense {
        tense(self.sentence, self.at, self.end)
    }
}

/// The span of the named group `name`, when it took part in the match.
pub fn group(caps: &Captures, name: &str) -> Option<Span> {
    // A pattern has a handful of groups: scanning their names is cheaper
    // than hashing the name for the group table.
    let index = caps
        .group_info()
        .pattern_names(PatternID::ZERO)
        .position(|n| n == Some(name))?;
    caps.get_group(index)
}

pub type Resolved = Option<(TimexType, Option<String>)>;
type Resolve = fn(&Ctx) -> Resolved;

pub struct Rule {
    /// The pattern, compiled on the first sentence that passes the gate: a
    /// short input pays only for the rules its words can trigger.
    pattern: String,
    /// The pattern has no case-sensitive part (the capitalized month
    /// names): it runs without case folding on the ASCII-lower-cased text
    /// (see [`Rule::haystack`]). Folding case was about a third of
    /// building the rules (12M of 43M instructions).
    lowered: bool,
    compiled: OnceLock<Compiled>,
    /// Trigger classes a sentence needs for the rule to run: at least one
    /// class of every element (see `triggers`).
    pub gate: &'static [u64],
    pub resolve: Resolve,
    /// When set, the groups come from this rather than from a capture
    /// search, for the match shapes it reads.
    pub fill: Option<Fill>,
    /// Where in a sentence its matches can lie.
    window: Window,
}

/// Where a match can lie, read off the trigger words it cannot lack: it
/// starts at most `from.1` runs of white space before the first word of a
/// class of `from.0`, and ends at most `to.1` runs after the last word of a
/// class of `to.0` (each class set one of the rule's gate elements). The
/// counts are those of the places the pattern allows white space in.
/// A rule's regex and the groups marking the annotated span (`t`, then
/// `t2`), when the pattern has them: looked up once rather than by name on
/// every match.
struct Compiled {
    re: Regex,
    span_groups: [Option<usize>; 2],
}

#[derive(Clone, Copy, Default)]
struct Window {
    from: Option<(u64, usize)>,
    to: Option<(u64, usize)>,
}

impl Rule {
    /// The rule's regex, compiled on first use.
    pub fn re(&self) -> &Regex {
        &self.compiled().re
    }

    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| {
            let config = meta::Config::new()
                .match_kind(MatchKind::LeftmostFirst)
                .utf8_empty(true)
                .nfa_size_limit(Some(10 << 20))
                // A roomy lazy-DFA cache: these alternations have many states and a
                // cache that keeps clearing costs more than the memory.
                .hybrid_cache_capacity(16 << 20)
                // The haystacks are single sentences and many patterns start with
                // common words ("a", "the", digits): a literal prefilter costs more
                // than the bytes it skips.
                .auto_prefilter(false);
            let re = meta::Builder::new()
                .configure(config)
                .syntax(syntax::Config::new().utf8(true))
                .build(&self.pattern)
                .expect("date rule pattern");
            let index = |name| re.group_info().to_index(PatternID::ZERO, name);
            let span_groups = [index("t"), index("t2")];
            Compiled { re, span_groups }
        })
    }

    /// The text the rule searches: `lowered` (`text` ASCII-lower-cased)
    /// for a rule that runs on it, else `text`. Offsets are the same in both.
    pub fn haystack<'t>(&self, text: &'t str, lowered: &'t [u8]) -> &'t [u8] {
        if self.lowered {
            lowered
        } else {
            text.as_bytes()
        }
    }

    /// The annotated span of a match of this rule: group `t`, `t2` or the whole match.
    pub fn span(&self, caps: &Captures) -> Span {
        self.compiled()
            .span_groups
            .iter()
            .flatten()
            .find_map(|&g| caps.get_group(g))
            .or_else(|| caps.get_group(0))
            .expect("whole match")
    }

    /// Whether a sentence with trigger classes `mask` can hold a match.
    pub fn may_match(&self, mask: u64) -> bool {
        self.gate.iter().all(|&any| any & mask != 0)
    }

    /// The part of sentence `s`, with trigger words `words`, that holds
    /// every match of the rule: the only part worth searching.
    pub fn range(&self, words: &Words, s: &[u8]) -> Range<usize> {
        let start = self.window.from.map_or(0, |(classes, runs)| {
            back(s, words.first_start(classes).min(s.len()), runs)
        });
        let end = self.window.to.map_or(s.len(), |(classes, runs)| {
            forward(s, words.last_end(classes).min(s.len()), runs)
        });
        start..end
    }

    /// Whether no match can start at or after byte `at` of a sentence with
    /// trigger words `words`: every word of some gate element ends by then.
    pub fn exhausted(&self, words: &Words, at: usize) -> bool {
        self.gate.iter().any(|&e| words.last_end(e) <= at)
    }

    /// The rule with its matches confined as `Window` says.
    fn within(self, from: Option<(u64, usize)>, to: Option<(u64, usize)>) -> Rule {
        Rule {
            window: Window { from, to },
            ..self
        }
    }
}

/// The regex's ASCII `\s`.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// The start of the white-space-delimited token `runs` tokens before the one holding byte `i`.
fn back(s: &[u8], mut i: usize, runs: usize) -> usize {
    for k in 0..=runs {
        while i > 0 && !is_space(s[i - 1]) {
            i -= 1;
        }
        if k == runs {
            break;
        }
        while i > 0 && is_space(s[i - 1]) {
            i -= 1;
        }
    }
    i
}

/// The end of the token `runs` tokens after the one ending at or holding byte `i`.
fn forward(s: &[u8], mut i: usize, runs: usize) -> usize {
    for k in 0..=runs {
        while i < s.len() && !is_space(s[i]) {
            i += 1;
        }
        if k == runs {
            break;
        }
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
    }
    i
}

/// A rule whose groups `fill` reads off its most frequent match shapes.
fn filled(gate: &'static [u64], pattern: &str, resolve: Resolve, fill: Fill) -> Rule {
    Rule {
        fill: Some(fill),
        ..rule(gate, pattern, resolve)
    }
}

fn rule(gate: &'static [u64], pattern: &str, resolve: Resolve) -> Rule {
    let lowered = !pattern.contains("(?-i");
    Rule {
        pattern: if lowered {
            format!(r"(?-u)\b(?:{})\b", lower_literals(pattern))
        } else {
            format!(r"(?i-u)\b(?:{pattern})\b")
        },
        lowered,
        compiled: OnceLock::new(),
        gate,
        resolve,
        fill: None,
        window: Window::default(),
    }
}

/// The words of a fiscal period: "quarter", "period", "year".
const PERIODS: u64 = tr::QUARTER | tr::PERIOD | tr::YEAR_W;
/// The periods "this", "last" and "next" name.
const RELATIVE_UNITS: u64 =
    tr::WEEK_W | tr::MONTH_W | tr::YEAR_W | tr::QUARTER | tr::DECADE_W | tr::SEASON;

pub static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        // June 5, 2018 / Saturday, April 25, 1998
        filled(
            &[tr::MONTH, tr::YEAR4],
            &format!(r"(?:{WEEKDAY},?\s+)?{MONTH}\s*{DAY},?\s+{YEAR}"),
            full_date,
            fills::month_day_year,
        )
        .within(Some((tr::MONTH, 1)), Some((tr::YEAR4, 0))),
        // 5 June 2018
        filled(
            &[tr::MONTH, tr::YEAR4],
            &format!(r"(?:{WEEKDAY},?\s+)?{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}"),
            full_date,
            fills::day_month_year,
        )
        .within(Some((tr::MONTH, 3)), Some((tr::YEAR4, 0))),
        // Jun. 5 / 5 June / Friday, Oct. 23
        filled(
            &[tr::MONTH],
            &format!(
                r"(?:(?P<rel>last|next|this|early|late)\s+)?(?:{WEEKDAY},?\s+)?(?:{MONTH}\s*{DAY}|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTH_FULL}))"
            ),
            month_day,
            fills::month_day,
        )
        .within(Some((tr::MONTH, 4)), Some((tr::MONTH, 1))),
        // June 2018, January this year, the winter of 1994
        filled(
            &[tr::MONTH | tr::SEASON, tr::YEAR4 | tr::YEAR_W],
            &format!(
                r"(?:(?:early|late|mid)[- ]?|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)?(?:{MONTH}|(?:the\s+)?{SEASON})(?:,?\s+(?:of\s+)?{YEAR}|\s+(?:of\s+)?(?P<ry>this|last|next)\s+year)"
            ),
            month_year,
            fills::month_year,
        )
        .within(Some((tr::MONTH | tr::SEASON, 4)), Some((tr::YEAR4 | tr::YEAR_W, 0))),
        // March, last April, early March, mid-November, each July
        filled(
            &[tr::MONTH],
            &format!(r"(?:(?P<rel>last|next|this|each|every|early|late|mid)[- ]?)?{MONTH}"),
            bare_month,
            fills::bare_month,
        )
        .within(Some((tr::MONTH, 1)), Some((tr::MONTH, 0))),
        rule(
            &[tr::ISO],
            r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)",
            iso_date,
        ),
        rule(
            &[tr::SLASH],
            r"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d\d)",
            us_date,
        ),
        // the 1990s, the '80s, the early 1970s, the nineties
        rule(
            &[tr::DECADE],
            r"(?:the\s+)?(?:(?:early|late|mid)[- ]?)?(?:(?P<c>1[5-9]|20)(?P<dec>\d)0'?s|'(?P<dec2>\d)0s|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))",
            decade,
        ),
        // the 20th century, this century
        rule(
            &[tr::CENTURY],
            r"(?:the\s+)?(?:(?P<cn>\d{1,2})(?:st|nd|rd|th)|(?P<cw>this|last|next))[- ]century",
            century,
        ),
        // the third quarter (of fiscal 2019), this year's first quarter, the
        // year-ago third quarter, third-quarter, the first half
        rule(
            &[tr::QUARTER | tr::HALF],
            &format!(
                r"(?:(?:the\s+)?(?:(?:this|last|next)\s+year's|(?:comparable\s+)?(?:year-ago|year-earlier|prior-year|year-before)|{YEAR}|fiscal|current)\s+)?(?:the\s+)?(?:fiscal\s+)?(?:{ORD}[- ](?P<qh>quarter|half)|(?P<ordh>first|second|1st|2nd)\s+half)(?:\s+of\s+(?:the\s+)?(?:(?:fiscal|calendar)\s+(?:year\s+)?)?(?:(?P<y2>1[5-9]\d\d|20\d\d)|(?P<ry>this|last|next|the)\s+year))?"
            ),
            quarter,
        ),
        // the quarter, the latest period, the year-ago quarter, the 1988 period, year-earlier
        rule(
            &[PERIODS],
            &format!(
                r"(?:the\s+)?(?:(?P<qmod>latest|current|same|comparable|year-ago|year-earlier|prior-year|year-before|{YEAR}|corresponding|(?:comparable|same)\s+year-ago|(?:comparable|same)\s+year-earlier)\s+)?(?P<qn>quarter|period)(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year))?|(?P<adj>year-ago|year-earlier)|last\s+year's\s+(?P<qn2>quarter|period)"
            ),
            fiscal_period,
        )
        .within(Some((PERIODS, 3)), Some((PERIODS, 1))),
        // fiscal 1998, mid-2017, 1998, post-1959
        filled(
            &[tr::YEAR4],
            r"(?:(?P<fy>fiscal|calendar|the\s+year)\s+(?:year\s+)?|(?:early|late|mid|post|pre)[- ]?)?(?P<y>1[5-9]\d\d|20\d\d)",
            year,
            fills::year,
        )
        .within(Some((tr::YEAR4, 3)), Some((tr::YEAR4, 0))),
        // nineteen ninety-six, the year two thousand
        rule(
            &[tr::SPOKEN],
            r"(?:the\s+year\s+)?(?:nineteen\s+(?P<tens>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?P<units>one|two|three|four|five|six|seven|eight|nine))?|two\s+thousand(?:\s+and)?(?:\s+(?P<units2>one|two|three|four|five|six|seven|eight|nine))?)",
            spoken_year,
        ),
        // today, yesterday morning, late yesterday, tonight, this afternoon, last night
        filled(
            &[tr::DEICTIC | tr::PART],
            &format!(
                r"(?:(?P<pre>early|late|later|earlier|mid-?afternoon|mid-?morning)\s+)?(?:(?P<w>today|yesterday|tomorrow|tonight)(?:\s+{PART})?|(?P<rel>this|last|later\s+this|earlier\s+this)\s+(?P<part2>morning|afternoon|evening|night))"
            ),
            deictic_day,
            fills::deictic_day,
        )
        .within(Some((tr::DEICTIC | tr::PART, 3)), Some((tr::DEICTIC | tr::PART, 0))),
        // this week, last month, later this year, next quarter, last fall, this weekend
        filled(
            &[tr::REL, RELATIVE_UNITS],
            &format!(
                r"(?:(?P<pos>later|earlier|early|late)\s+)?(?P<rel>this|last|next|coming|previous|this\s+past)\s+(?:(?P<g>week|month|year|quarter|weekend|decade)|{SEASON})"
            ),
            relative_period,
            fills::relative_period,
        )
        .within(Some((tr::REL, 1)), Some((RELATIVE_UNITS, 0))),
        // the weekend, the summer, the week
        rule(
            &[tr::WEEK_W | tr::SEASON],
            &format!(
                r"(?:(?:over|during|for|in|ahead\s+of|into)\s+)(?P<t>the\s+(?:(?:early|late)\s+)?(?:(?P<g>weekend|week)|{SEASON}))"
            ),
            anaphoric_period,
        )
        .within(Some((tr::WEEK_W | tr::SEASON, 4)), Some((tr::WEEK_W | tr::SEASON, 0))),
        // the year (ended Sept. 30), the fiscal year, the full year, the current year, year-end
        rule(
            &[tr::YEAR_W],
            r"(?:(?:for|of|in|during|throughout|through|by|since|around)\s+)(?P<t>(?:the\s+)?(?:end\s+of\s+the\s+year|year(?:-end|\s+end|'s\s+end)|(?:the\s+)?(?:(?P<m>fiscal|full|current|calendar|current\s+fiscal)\s+)?year))(?P<ended>\s+end(?:ed|ing))?",
            the_year,
        )
        .within(Some((tr::YEAR_W, 5)), Some((tr::YEAR_W, 2))),
        // Friday, last Sunday, Tuesday morning, 10 p.m. Wednesday, each Thursday
        filled(
            &[tr::WEEKDAY],
            &format!(
                r"(?:(?P<clock>\d{{1,2}}(?::\d\d)?\s*[ap]\.?m\.?|noon|midnight|midday)(?:\s+[ECMP][SD]T)?,?\s+)?(?:(?P<rel>last|next|this|coming|previous|the\s+previous|the\s+following|early|late|each|every)\s+)?{WEEKDAY}(?P<plural>s)?(?:\s+{PART}s?)?"
            ),
            weekday,
            fills::weekday,
        )
        .within(Some((tr::WEEKDAY, 5)), Some((tr::WEEKDAY, 1))),
        // Thanksgiving Day, last Christmas, Easter week
        rule(
            &[
                tr::HOLIDAY | tr::HOLIDAY2,
                tr::HOLIDAY | tr::DAY_W | tr::YEAR_W,
            ],
            r"(?:(?P<rel>last|next|this)\s+)?(?P<h>Thanksgiving(?:\s+Day)?|Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)?|Election\s+Day|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Halloween|Valentine's\s+Day|Easter(?:\s+Sunday|\s+week)?)",
            holiday,
        ),
        // 10 years ago, a year earlier, a week or so ago, months ago
        filled(
            &[tr::UNIT, tr::DIR],
            &format!(
                r"{APPROX}?(?:{NUM}\s+|(?P<bare>))(?:more\s+)?{UNIT}(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|from\s+now|hence)"
            ),
            ago,
            fills::ago,
        )
        .within(None, Some((tr::DIR, 0))),
        // the past three years, the next few days, the first nine months, the nine months
        filled(
            &[tr::UNIT],
            &format!(
                r"(?:{APPROX})?the\s+(?:(?P<q>past|last|next|coming|previous|first|final|following|preceding|ensuing|remaining|same|latest)\s+)?(?:{NUM}\s+(?:more\s+)?)?{UNIT}(?P<or>\s+or\s+so)?"
            ),
            span_duration,
            fills::span_duration,
        )
        .within(None, Some((tr::UNIT, 2))),
        // three years, two-year, 90 days, a minute, several months, 2 1/2 years
        filled(
            &[tr::UNIT],
            &format!(
                r"{APPROX}?{NUM}(?:\s+(?P<frac>1/2|and\s+a\s+half))?[- ]+(?:more\s+)?{UNIT}(?:\s+and\s+a\s+half)?(?P<long>-long)?"
            ),
            plain_duration,
            fills::plain_duration,
        )
        .within(None, Some((tr::UNIT, 3))),
        // for years, within weeks, decades-long
        rule(
            &[tr::UNITS],
            r"(?:(?P<p>for|within|in|over)\s+)(?P<t>(?:the\s+)?(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes))|(?P<t2>(?P<unit2>years|months|weeks|days|decades|hours)-long)",
            bare_plural_duration,
        )
        .within(Some((tr::UNITS, 2)), Some((tr::UNITS, 0))),
        // now, currently, recently, the future, recent years, the coming months
        filled(
            &[tr::VAGUE | tr::UNITS],
            r"(?P<v>now|currently|nowadays|at\s+present|the\s+present|recently|lately|formerly|the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short|long)\s+term|the\s+past|these\s+days)|(?P<rec>recent|coming|past)\s+(?P<unit>years|months|weeks|days|decades|quarters)",
            vague,
            fills::vague,
        )
        .within(Some((tr::VAGUE | tr::UNITS, 2)), Some((tr::VAGUE | tr::UNITS, 0))),
        // 10:30 a.m., 5 p.m. EST, noon
        filled(
            &[tr::CLOCK],
            &format!(
                r"(?:(?P<h>\d{{1,2}})(?::(?P<mi>\d\d))?\s*(?P<ap>a\.m\.|p\.m\.|am|pm|a\.m|p\.m)|(?P<word>noon|midnight|midday))(?:\s+(?:[ECMP][SD]T|GMT))?(?:,?\s+(?P<w>today|yesterday|tomorrow)|,?\s+{MONTH}\s*{DAY})?"
            ),
            clock_time,
            fills::clock,
        )
        .within(Some((tr::CLOCK, 1)), Some((tr::CLOCK, 3))),
        // every day, each week, daily, annually
        filled(
            &[tr::SET],
            r"(?:every|each|per)\s+(?P<g>day|week|month|year|quarter|morning|night|evening)|(?P<adv>annually|yearly|daily|weekly|monthly|hourly)",
            set,
            fills::set_word,
        )
        .within(Some((tr::SET, 0)), Some((tr::SET, 1))),
    ]
});

/// The first three letters of `name`, lower-cased.
fn prefix3(name: &str) -> Option<[u8; 3]> {
    let b = name.as_bytes().get(..3)?;
    Some([
        b[0].to_ascii_lowercase(),
        b[1].to_ascii_lowercase(),
        b[2].to_ascii_lowercase(),
    ])
}

fn month_number(name: &str) -> Option<u32> {
    Some(match &prefix3(name)? {
        b"jan" => 1,
        b"feb" => 2,
        b"mar" => 3,
        b"apr" => 4,
        b"may" => 5,
        b"jun" => 6,
        b"jul" => 7,
        b"aug" => 8,
        b"sep" => 9,
        b"oct" => 10,
        b"nov" => 11,
        b"dec" => 12,
        _ => return None,
    })
}

fn weekday_number(name: &str) -> Option<i64> {
    Some(match &prefix3(name)? {
        b"mon" => 0,
        b"tue" => 1,
        b"wed" => 2,
        b"thu" => 3,
        b"fri" => 4,
        b"sat" => 5,
        b"sun" => 6,
        _ => return None,
    })
}

fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// The value of a number phrase; `None` for unspecified amounts ("several").
fn number(phrase: &str) -> Option<f64> {
    let w = phrase.to_ascii_lowercase();
    if let Ok(n) = w.parse::<f64>() {
        return Some(n);
    }
    let words: Vec<&str> = w
        .split([' ', '-', '\t', '\n'])
        .filter(|x| !x.is_empty())
        .collect();
    match words.as_slice() {
        ["a" | "an" | "one"] => Some(1.0),
        ["a", "couple", ..] | ["couple", ..] => Some(2.0),
        ["a", "dozen"] => Some(12.0),
        [n, "hundred"] => Some(f64::from(if *n == "a" { 1 } else { small_number(n)? }) * 100.0),
        [tens, units] => Some(f64::from(small_number(tens)? + small_number(units)?)),
        [one] => small_number(one).map(f64::from),
        _ => None,
    }
}

fn tod_code(part: &str) -> &'static str {
    match part.to_ascii_lowercase().trim_end_matches('s') {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        _ => "NI",
    }
}

fn season_code(s: &str) -> (&'static str, u32) {
    match s.to_ascii_lowercase().as_str() {
        "spring" => ("SP", 0),
        "summer" => ("SU", 1),
        "fall" | "autumn" => ("FA", 2),
        _ => ("WI", 3),
    }
}

/// Season index (0 spring … 3 winter) of a month; January and February
/// belong to the winter that started the previous December.
fn season_of(month: u32) -> u32 {
    match month {
        3..=5 => 0,
        6..=8 => 1,
        9..=11 => 2,
        _ => 3,
    }
}

/// The year of a month-day (or month, `day = None`) written without one:
/// after "last"/"next", else by the tense of the clause.
fn infer_year(r: Date, month: u32, day: Option<u32>, rel: Option<&str>, tense: Tense) -> i32 {
    let key = (month, day.unwrap_or(0));
    let now = (r.month, if day.is_some() { r.day } else { 0 });
    match rel {
        Some("last") => {
            if key < now {
                r.year
            } else {
                r.year - 1
            }
        }
        Some("next") => {
            if key > now {
                r.year
            } else {
                r.year + 1
            }
        }
        Some("this") => r.year,
        // Tense moves the year only for another month: "extended to Nov. 20"
        // written on Nov. 2 is this year's.
        // A month one or two ahead is the coming one even in a past clause
        // ("said it extended the offer to Nov. 6" on Oct. 30): the one eleven
        // months back would be written with its year or "last".
        _ => match tense {
            Tense::Past if month > r.month + 2 => r.year - 1,
            Tense::Future if month < r.month => r.year + 1,
            // No cue: one of the next four months is upcoming ("in January"
            // written in November), any other the last one past.
            Tense::Unknown => {
                let ahead = (month as i32 - r.month as i32).rem_euclid(12);
                match (ahead, month > r.month) {
                    (0, _) => r.year,
                    (1..=4, true) => r.year,
                    (1..=4, false) => r.year + 1,
                    (_, true) => r.year - 1,
                    (_, false) => r.year,
                }
            }
            _ => r.year,
        },
    }
}

fn full_date(c: &Ctx) -> Resolved {
    let m = month_number(c.cap("month")?)?;
    let d = c.cap("d")?.parse().ok()?;
    let y = c.cap("y")?.parse().ok()?;
    let date = Date::new(y, m, d)?;
    Some((TimexType::Date, Some(date.iso())))
}

fn month_day(c: &Ctx) -> Resolved {
    let month = c.cap("month").or_else(|| c.cap("month2"))?;
    let after = c.after();
    // "March 5,000", "May 12-year-old", "Jan. 1:00" are not dates.
    if after.starts_with([',', '.', ':', '-'])
        && after[1..].starts_with(|ch: char| ch.is_ascii_digit())
    {
        return None;
    }
    let m = month_number(month)?;
    let d: u32 = c.cap("d").or_else(|| c.cap("d2"))?.parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let rel = c.cap("rel").map(|r| r.to_ascii_lowercase());
    let rel = rel
        .as_deref()
        .filter(|r| matches!(*r, "last" | "next" | "this"));
    let value = match c.reference {
        Some(r) => {
            let y = infer_year(r, m, Some(d), rel, c.tense());
            Date::new(y, m, d).map(|x| x.iso())
        }
        None => Some(format!("XXXX-{m:02}-{d:02}")),
    };
    Some((TimexType::Date, value))
}

fn relative_year(r: Option<Date>, rel: &str) -> Option<i32> {
    let r = r?;
    Some(match rel.to_ascii_lowercase().as_str() {
        "last" => r.year - 1,
        "next" => r.year + 1,
        _ => r.year,
    })
}

fn month_year(c: &Ctx) -> Resolved {
    let y = match c.cap("y") {
        Some(y) => Some(y.parse::<i32>().ok()?),
        None => relative_year(c.reference, c.cap("ry")?),
    };
    let value = if let Some(season) = c.cap("season") {
        y.map(|y| format!("{y:04}-{}", season_code(season).0))
    } else {
        let m = month_number(c.cap("month")?)?;
        y.map(|y| calendar::year_month(y, m))
    };
    Some((TimexType::Date, value))
}

fn bare_month(c: &Ctx) -> Resolved {
    let month = c.cap("month")?;
    let m = month_number(month)?;
    let rel = c.cap("rel").map(|r| r.to_ascii_lowercase());
    let prev = c.prev_word();
    let after = c.after();
    // "May" and "March" are also a verb: take them after a preposition or modifier only.
    if rel.is_none()
        && matches!(month, "May" | "March" | "Mar.")
        && !matches!(
            prev.as_str(),
            "in" | "since"
                | "by"
                | "until"
                | "till"
                | "through"
                | "from"
                | "of"
                | "to"
                | "during"
                | "before"
                | "after"
                | "and"
                | "or"
                | "early"
                | "late"
                | "mid"
                | "the"
                | "between"
        )
    {
        return None;
    }
    // Abbreviations need their period and no "Jan" as a name.
    if month.len() <= 4 && !month.ends_with('.') && !matches!(month, "May" | "June" | "July") {
        return None;
    }
    if after.starts_with(|ch: char| ch.is_alphanumeric()) {
        return None;
    }
    if matches!(rel.as_deref(), Some("each" | "every")) {
        return Some((TimexType::Set, Some(format!("XXXX-{m:02}"))));
    }
    let rel = rel
        .as_deref()
        .filter(|r| matches!(*r, "last" | "next" | "this"));
    let value = match c.reference {
        Some(r) => {
            let y = infer_year(r, m, None, rel, c.tense());
            Some(calendar::year_month(y, m))
        }
        None => Some(format!("XXXX-{m:02}")),
    };
    Some((TimexType::Date, value))
}

fn iso_date(c: &Ctx) -> Resolved {
    let d = Date::new(
        c.cap("y")?.parse().ok()?,
        c.cap("m")?.parse().ok()?,
        c.cap("d")?.parse().ok()?,
    )?;
    Some((TimexType::Date, Some(d.iso())))
}

fn us_date(c: &Ctx) -> Resolved {
    let mut y: i32 = c.cap("y")?.parse().ok()?;
    if y < 100 {
        y += if y < 50 { 2000 } else { 1900 };
    }
    let d = Date::new(y, c.cap("m")?.parse().ok()?, c.cap("d")?.parse().ok()?)?;
    Some((TimexType::Date, Some(d.iso())))
}

fn decade(c: &Ctx) -> Resolved {
    let value = if let Some(w) = c.cap("word") {
        let dec = match w.to_ascii_lowercase().as_str() {
            "twenties" => 2,
            "thirties" => 3,
            "forties" => 4,
            "fifties" => 5,
            "sixties" => 6,
            "seventies" => 7,
            "eighties" => 8,
            _ => 9,
        };
        // Spelled decades need "the": "in his forties" is an age.
        if !c.lower().starts_with("the") {
            return None;
        }
        let century = c
            .reference
            .map_or(19, |r| if r.year >= 2030 { 20 } else { 19 });
        format!("{century}{dec}")
    } else if let Some(d) = c.cap("dec2") {
        if !c.lower().starts_with("the") {
            return None;
        }
        format!("19{d}")
    } else {
        format!("{}{}", c.cap("c")?, c.cap("dec")?)
    };
    Some((TimexType::Date, Some(value)))
}

fn century(c: &Ctx) -> Resolved {
    let n: i32 = match c.cap("cn") {
        Some(n) => n.parse().ok()?,
        None => {
            let r = c.reference?;
            let this = r.year / 100 + 1;
            match c.cap("cw")?.to_ascii_lowercase().as_str() {
                "last" => this - 1,
                "next" => this + 1,
                _ => this,
            }
        }
    };
    if !(1..=21).contains(&n) {
        return None;
    }
    Some((TimexType::Date, Some(format!("{:02}", n - 1))))
}

fn quarter(c: &Ctx) -> Resolved {
    let whole = c.lower();
    let half =
        c.cap("qh").is_some_and(|q| q.eq_ignore_ascii_case("half")) || c.cap("ordh").is_some();
    let ord = c.cap("ord").or_else(|| c.cap("ordh"))?.to_ascii_lowercase();
    let n = match ord.as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        _ => 4,
    };
    if half && n > 2 {
        return None;
    }
    let explicit = c.cap("y").or_else(|| c.cap("y2"));
    let year = if let Some(y) = explicit {
        Some(y.parse::<i32>().ok()?)
    } else if whole.contains("year-ago")
        || whole.contains("year-earlier")
        || whole.contains("prior-year")
        || whole.contains("year-before")
        || whole.contains("last year")
    {
        c.doc
            .current_quarter(c.reference)
            .map(|(y, _)| y - 1)
            .or_else(|| c.reference.map(|r| r.year - 1))
    } else if whole.contains("next year") {
        c.reference.map(|r| r.year + 1)
    } else if whole.contains("this year") || whole.contains("the year") {
        c.reference.map(|r| r.year)
    } else {
        c.reference.map(|r| {
            let current = if half {
                (r.month - 1) / 6 + 1
            } else {
                r.quarter()
            };
            if n > current {
                r.year - 1
            } else {
                r.year
            }
        })
    };
    let prior = whole.contains("year-ago")
        || whole.contains("year-earlier")
        || whole.contains("prior-year")
        || whole.contains("year-before");
    // An adjective ("the third-quarter results") leaves the article out.
    if whole.starts_with("the ") && (whole.contains("-quarter") || whole.contains("-half")) {
        c.trim_start.set(4);
    }
    // A quarter not yet over ("through the third quarter of 1990") is no reporting
    // period, nor is one of years back ("stopped paying in the third quarter of 1984").
    let past = |y: i32| {
        c.reference
            .is_none_or(|r| (y, n) < (r.year, r.quarter()) && y >= r.year - 1)
    };
    // "the fourth quarter ended Aug. 26" is a fiscal quarter already reported.
    let reported = c.after().trim_start().starts_with("ended");
    if !half && !prior && (reported || year.is_some_and(past)) {
        c.names_quarter.set(year.map(|y| (y, n)));
    }
    let code = if half { 'H' } else { 'Q' };
    Some((TimexType::Date, year.map(|y| format!("{y:04}-{code}{n}"))))
}

fn fiscal_period(c: &Ctx) -> Resolved {
    let whole = c.lower();
    let prior = whole.contains("year-ago")
        || whole.contains("year-earlier")
        || whole.contains("prior-year")
        || whole.contains("year-before")
        || whole.contains("last year")
        || c.cap("ago").is_some();
    if c.cap("adj").is_some() {
        // "year-earlier results": the same quarter a year before in an earnings report.
        let v = if c.doc.compares_quarters(c.sentence) {
            c.doc
                .current_quarter(c.reference)
                .map(|(y, q)| format!("{:04}-Q{q}", y - 1))
        } else {
            c.reference.map(|r| format!("{:04}", r.year - 1))
        };
        return Some((TimexType::Date, v));
    }
    let qmod = c
        .cap("qmod")
        .or_else(|| c.cap("ago"))
        .or_else(|| c.cap("qn2"));
    let is_period = c
        .cap("qn")
        .or_else(|| c.cap("qn2"))?
        .eq_ignore_ascii_case("period");
    // A bare "the period" refers to anything; a bare "quarter" needs "the".
    if qmod.is_none() && (is_period || !whole.starts_with("the")) {
        return None;
    }
    if !c.doc.financial && is_period {
        return None;
    }
    if whole.contains("current") && !is_period {
        return Some((
            TimexType::Date,
            c.reference
                .map(|r| format!("{:04}-Q{}", r.year, r.quarter())),
        ));
    }
    let (y, q) = match c.doc.current_quarter(c.reference) {
        Some(v) => v,
        None => return Some((TimexType::Date, None)),
    };
    let year = if let Some(y) = c.cap("y") {
        y.parse().ok()?
    } else if prior {
        y - 1
    } else {
        y
    };
    Some((TimexType::Date, Some(format!("{year:04}-Q{q}"))))
}

/// Count nouns after which a four-digit number is a quantity, not a year.
fn quantity_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "persons"
            | "men"
            | "women"
            | "children"
            | "troops"
            | "soldiers"
            | "workers"
            | "employees"
            | "jobs"
            | "feet"
            | "foot"
            | "meters"
            | "metres"
            | "miles"
            | "kilometers"
            | "km"
            | "yards"
            | "points"
            | "shares"
            | "units"
            | "tons"
            | "tonnes"
            | "barrels"
            | "cars"
            | "vehicles"
            | "acres"
            | "pounds"
            | "dollars"
            | "yen"
            | "marks"
            | "francs"
            | "members"
            | "votes"
            | "stores"
            | "homes"
            | "houses"
            | "students"
            | "cases"
            | "deaths"
            | "hours"
            | "days"
            | "calories"
            | "rooms"
            | "seats"
            | "planes"
            | "aircraft"
            | "flights"
            | "passengers"
            | "copies"
            | "lines"
            | "words"
            | "pages"
            | "times"
            | "percent"
    )
}

fn year(c: &Ctx) -> Resolved {
    let y = c.cap("y")?;
    let after = c.after();
    let before = c.before();
    // Part of a number, an amount, an address or a clock time.
    if after.starts_with(['%', '$'])
        || (after.starts_with([',', '.', ':', '/'])
            && after[1..].starts_with(|ch: char| ch.is_ascii_digit()))
        || after.starts_with(|ch: char| ch.is_alphanumeric())
    {
        return None;
    }
    if before.ends_with(['$', '#', '/', '-', '.', ','])
        && !before.to_ascii_lowercase().ends_with("mid-")
        && !before.to_ascii_lowercase().ends_with("post-")
        && !before.to_ascii_lowercase().ends_with("pre-")
    {
        if before.ends_with(',')
            && before[..before.len() - 1].ends_with(|ch: char| ch.is_ascii_digit())
        {
            return None;
        }
        if !before.ends_with(',') {
            return None;
        }
    }
    let prev = c.prev_word();
    if matches!(
        prev.as_str(),
        "no" | "number"
            | "flight"
            | "route"
            | "room"
            | "page"
            | "about"
            | "nearly"
            | "some"
            | "than"
    ) && c.cap("fy").is_none()
        && c.text().len() == 4
    {
        return None;
    }
    let next = after
        .trim_start()
        .split(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if quantity_noun(&next) {
        return None;
    }
    Some((TimexType::Date, Some(y.to_string())))
}

fn spoken_year(c: &Ctx) -> Resolved {
    let whole = c.lower();
    if whole.contains("thousand") {
        // "two thousand" alone is a count; "the year two thousand" a year.
        if !whole.starts_with("the year") {
            return None;
        }
        let u = c.cap("units2").and_then(small_number).unwrap_or(0);
        return Some((TimexType::Date, Some(format!("{}", 2000 + u))));
    }
    let tens = small_number(&c.cap("tens")?.to_ascii_lowercase())?;
    let units = c
        .cap("units")
        .map_or(Some(0), |u| small_number(&u.to_ascii_lowercase()))?;
    Some((TimexType::Date, Some(format!("19{:02}", tens + units))))
}

fn deictic_day(c: &Ctx) -> Resolved {
    let (offset, part) = if let Some(w) = c.cap("w") {
        let w = w.to_ascii_lowercase();
        let offset = match w.as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        let part = if w == "tonight" {
            Some("NI")
        } else {
            c.cap("part").map(tod_code)
        };
        (offset, part)
    } else {
        let rel = c.cap("rel")?.to_ascii_lowercase();
        let part = tod_code(c.cap("part2")?);
        let offset = if rel == "last" { -1 } else { 0 };
        if rel == "last" && part != "NI" {
            return None;
        }
        (offset, Some(part))
    };
    let pre = c.cap("pre").map(|p| p.to_ascii_lowercase());
    let part = part.or_else(|| match pre.as_deref() {
        Some(p) if p.contains("afternoon") => Some("AF"),
        Some(p) if p.contains("morning") => Some("MO"),
        _ => None,
    });
    let kind = if part.is_some() {
        TimexType::Time
    } else {
        TimexType::Date
    };
    let value = c.reference.map(|r| {
        let d = r.add_days(offset).iso();
        match part {
            Some(p) => {
                let mut v = d;
                v.push('T');
                v.push_str(p);
                v
            }
            None => d,
        }
    });
    Some((kind, value))
}

fn relative_period(c: &Ctx) -> Resolved {
    let rel = c.cap("rel")?.to_ascii_lowercase();
    let step: i32 = match rel.as_str() {
        "last" | "previous" | "this past" => -1,
        "next" | "coming" => 1,
        _ => 0,
    };
    let r = match c.reference {
        Some(r) => r,
        None => return Some((TimexType::Date, None)),
    };
    if let Some(season) = c.cap("season") {
        let (code, idx) = season_code(season);
        let current = season_of(r.month);
        // The winter of Jan/Feb started the year before.
        let season_year = if r.month <= 2 { r.year - 1 } else { r.year };
        let y = match step {
            -1 if idx < current => season_year,
            -1 => season_year - 1,
            1 if idx > current => season_year,
            1 => season_year + 1,
            _ => season_year,
        };
        return Some((TimexType::Date, Some(format!("{y:04}-{code}"))));
    }
    let g = c.cap("g")?.to_ascii_lowercase();
    let v = match g.as_str() {
        "week" => r.add_days(7 * i64::from(step)).iso_week_string(),
        "weekend" => {
            let d = if step == 0 && r.weekday() < 5 {
                r
            } else {
                r.add_days(7 * i64::from(step))
            };
            format!("{}-WE", d.iso_week_string())
        }
        "month" => r.add_months(step).iso_month(),
        "quarter" => {
            let d = r.add_months(3 * step);
            format!("{:04}-Q{}", d.year, d.quarter())
        }
        "decade" => format!("{:03}", r.year / 10 + step),
        _ => format!("{:04}", r.year + step),
    };
    Some((TimexType::Date, Some(v)))
}

fn anaphoric_period(c: &Ctx) -> Resolved {
    let r = c.reference;
    if let Some(season) = c.cap("season") {
        let (code, idx) = season_code(season);
        let v = r.map(|r| {
            let current = season_of(r.month);
            let y = match c.tense() {
                Tense::Past if idx > current => r.year - 1,
                Tense::Future if idx < current => r.year + 1,
                _ => r.year,
            };
            format!("{y:04}-{code}")
        });
        return Some((TimexType::Date, v));
    }
    let g = c.cap("g")?.to_ascii_lowercase();
    let v = r.map(|r| {
        if g == "weekend" {
            // The weekend just past, unless the clause looks ahead.
            let d = match c.tense() {
                Tense::Future => r.add_days((5 - i64::from(r.weekday())).rem_euclid(7)),
                _ if r.weekday() >= 5 => r,
                _ => r.add_days(-(i64::from(r.weekday()) + 1)),
            };
            format!("{}-WE", d.iso_week_string())
        } else {
            r.iso_week_string()
        }
    });
    Some((TimexType::Date, v))
}

fn the_year(c: &Ctx) -> Resolved {
    if c.cap("ended").is_some() {
        return Some((TimexType::Duration, Some("P1Y".to_string())));
    }
    let whole = c.lower();
    // "the year" alone is the current one in a report ("for the year") or
    // after a part of it ("the first nine months of the year").
    if whole == "the year" && !c.doc.financial && c.prev_word() != "of" {
        return None;
    }
    if c.after().trim_start().starts_with("of")
        || c.after().trim_start().starts_with("before")
        || c.after().trim_start().starts_with("after")
    {
        return None;
    }
    Some((
        TimexType::Date,
        c.reference.map(|r| format!("{:04}", r.year)),
    ))
}

fn weekday(c: &Ctx) -> Resolved {
    let wd = weekday_number(c.cap("wd")?)?;
    let rel = c.cap("rel").map(|r| r.to_ascii_lowercase());
    let part = c.cap("part");
    // "Mondays", "Sunday nights", "every Friday" recur.
    let plural_part = part.is_some() && c.text().ends_with(['s', 'S']);
    if c.cap("plural").is_some() || plural_part || matches!(rel.as_deref(), Some("each" | "every"))
    {
        let p = part
            .map(|p| format!("T{}", tod_code(p)))
            .unwrap_or_default();
        return Some((TimexType::Set, Some(format!("XXXX-WXX-{}{p}", wd + 1))));
    }
    let clock = c.cap("clock").map(|x| x.to_ascii_lowercase());
    let kind = if part.is_some() || clock.is_some() {
        TimexType::Time
    } else {
        TimexType::Date
    };
    let value = c.reference.map(|r| {
        let today = i64::from(r.weekday());
        let back = (today - wd).rem_euclid(7);
        let fwd = (wd - today).rem_euclid(7);
        let d = match rel.as_deref() {
            Some("last" | "previous" | "the previous") => {
                r.add_days(-(if back == 0 { 7 } else { back }))
            }
            Some("next" | "coming" | "the following") => r.add_days(fwd.max(1)),
            Some("this") => r.add_days(wd - today),
            // "Wednesday's ruling" names something that already happened.
            _ if c.after().starts_with("'s") => r.add_days(-back),
            _ => match c.tense() {
                Tense::Future => r.add_days(fwd),
                _ => r.add_days(-back),
            },
        };
        let time = match (clock.as_deref(), part) {
            (Some(k), _) => clock_suffix(k).unwrap_or_default(),
            (None, Some(p)) => format!("T{}", tod_code(p)),
            _ => String::new(),
        };
        let mut v = d.iso();
        v.push_str(&time);
        v
    });
    Some((kind, value))
}

/// "10 p.m." -> "T22:00", "noon" -> "T12:00".
fn clock_suffix(clock: &str) -> Option<String> {
    let k = clock.to_ascii_lowercase();
    match k.as_str() {
        "noon" | "midday" => return Some("T12:00".into()),
        "midnight" => return Some("T24:00".into()),
        _ => {}
    }
    let digits: String = k
        .chars()
        .take_while(|ch| ch.is_ascii_digit() || *ch == ':')
        .collect();
    let (h, mi) = match digits.split_once(':') {
        Some((h, m)) => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
        None => (digits.parse::<u32>().ok()?, 0),
    };
    if h == 0 || h > 12 || mi > 59 {
        return None;
    }
    let pm = k[digits.len()..].trim_start().starts_with('p');
    let h = match (pm, h) {
        (true, 12) => 12,
        (true, h) => h + 12,
        (false, 12) => 0,
        (false, h) => h,
    };
    let digit = |n: u32| char::from(b'0' + n as u8);
    Some(
        [
            'T',
            digit(h / 10),
            digit(h % 10),
            ':',
            digit(mi / 10),
            digit(mi % 10),
        ]
        .iter()
        .collect(),
    )
}

fn holiday(c: &Ctx) -> Resolved {
    let name = c.cap("h")?.to_ascii_lowercase();
    let h = if name.starts_with("thanksgiving") {
        Holiday::Thanksgiving
    } else if name.starts_with("christmas eve") {
        Holiday::ChristmasEve
    } else if name.starts_with("christmas") {
        Holiday::Christmas
    } else if name.ends_with("eve") {
        Holiday::NewYearsEve
    } else if name.starts_with("new") {
        Holiday::NewYear
    } else if name.starts_with("election") {
        Holiday::Election
    } else if name.starts_with("independence") {
        Holiday::Independence
    } else if name.starts_with("labor") {
        Holiday::Labor
    } else if name.starts_with("memorial") {
        Holiday::Memorial
    } else if name.starts_with("halloween") {
        Holiday::Halloween
    } else if name.starts_with("valentine") {
        Holiday::Valentine
    } else {
        Holiday::Easter
    };
    let rel = c.cap("rel").map(|r| r.to_ascii_lowercase());
    let value = c.reference.map(|r| {
        let this = h.on(r.year);
        let d = match rel.as_deref() {
            Some("last") if this < r => this,
            Some("last") => h.on(r.year - 1),
            Some("next") if this > r => this,
            Some("next") => h.on(r.year + 1),
            Some(_) => this,
            None => match c.tense() {
                Tense::Future if this < r => h.on(r.year + 1),
                Tense::Future => this,
                _ if this > r => h.on(r.year - 1),
                _ => this,
            },
        };
        if name.ends_with("week") {
            d.iso_week_string()
        } else {
            d.iso()
        }
    });
    Some((TimexType::Date, value))
}

/// The TIMEX3 duration code and multiplier of a unit word.
fn unit_code(unit: &str) -> (&'static str, f64) {
    let u = unit.to_ascii_lowercase();
    let u = u.trim_end_matches('s');
    if u.starts_with("centur") {
        return ("CE", 1.0);
    }
    match u {
        "year" => ("Y", 1.0),
        "month" => ("M", 1.0),
        "week" => ("W", 1.0),
        "day" => ("D", 1.0),
        "decade" => ("Y", 10.0),
        "hour" => ("H", 1.0),
        "minute" => ("MIN", 1.0),
        "second" => ("S", 1.0),
        "quarter" => ("M", 3.0),
        "fortnight" => ("W", 2.0),
        _ => ("X", 1.0),
    }
}

fn duration_value(n: Option<f64>, unit: &str) -> String {
    let (code, mult) = unit_code(unit);
    let amount = n.map_or("X".to_string(), |n| {
        let n = n * mult;
        if n.fract() == 0.0 {
            format!("{}", n as i64)
        } else {
            format!("{n}")
        }
    });
    let code = if n.is_none() && mult == 10.0 {
        "DE"
    } else if n.is_none() && mult == 3.0 {
        "Q"
    } else {
        code
    };
    match code {
        "H" => format!("PT{amount}H"),
        "MIN" => format!("PT{amount}M"),
        "S" => format!("PT{amount}S"),
        c => format!("P{amount}{c}"),
    }
}

fn ago(c: &Ctx) -> Resolved {
    let n = match c.cap("n") {
        Some(w) => number(w),
        None => None,
    };
    let unit = c.cap("unit")?;
    let plural = unit.to_ascii_lowercase().ends_with('s');
    if c.cap("bare").is_some() && !plural {
        return None; // "day earlier"
    }
    if c.cap("n")
        .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "a" | "an"))
        && plural
    {
        return None;
    }
    let dir = c.cap("dir")?.to_ascii_lowercase();
    // "two weeks before the vote": a duration anchored on an event, not the reference.
    if matches!(dir.as_str(), "before" | "later" | "earlier") {
        let next = c.after().trim_start();
        if dir == "before" && next.starts_with(|ch: char| ch.is_alphanumeric()) {
            return None;
        }
    }
    // "three days later", "a day earlier" count from an event in the story,
    // not from the reference date: TimeML keeps just the duration.
    if matches!(dir.as_str(), "later" | "earlier")
        && matches!(unit_code(unit).0, "D" | "H" | "MIN" | "S")
    {
        return None;
    }
    let sign: i64 = if matches!(dir.as_str(), "later" | "from now" | "hence") {
        1
    } else {
        -1
    };
    let code = unit_code(unit);
    let value = match (c.reference, n) {
        (Some(r), Some(n)) if n.fract() == 0.0 => {
            let n = n as i64 * sign;
            Some(match (code.0, code.1 as i64) {
                ("Y", 10) => format!("{:03}", (r.year + 10 * n as i32) / 10),
                ("Y", _) if c.doc.compares_quarters(c.sentence) && n == -1 && dir != "before" => {
                    match c.doc.current_quarter(Some(r)) {
                        Some((y, q)) => format!("{:04}-Q{q}", y - 1),
                        None => format!("{:04}", r.year - 1),
                    }
                }
                ("Y", _) => format!("{:04}", r.year + n as i32),
                ("M", 3) => {
                    let d = r.add_months(3 * n as i32);
                    format!("{:04}-Q{}", d.year, d.quarter())
                }
                ("M", _) => r.add_months(n as i32).iso_month(),
                ("W", m) => r.add_days(7 * m * n).iso_week_string(),
                ("D", _) => r.add_days(n).iso(),
                ("CE", _) => format!("{:02}", (r.year + 100 * n as i32) / 100),
                _ => r.iso(),
            })
        }
        (Some(_), _) => Some(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.to_string()),
        (None, _) => None,
    };
    Some((TimexType::Date, value))
}

fn span_duration(c: &Ctx) -> Resolved {
    let unit = c.cap("unit")?;
    let plural = unit.to_ascii_lowercase().ends_with('s');
    let q = c.cap("q").map(|q| q.to_ascii_lowercase());
    let n = match c.cap("n") {
        Some(w) => {
            if matches!(w.to_ascii_lowercase().as_str(), "a" | "an") {
                return None;
            }
            number(w)
        }
        // "the past year" is one year; "the past months" an unknown number.
        None if plural => None,
        None => match q.as_deref() {
            Some("past" | "last" | "next" | "coming" | "previous" | "first" | "final") => Some(1.0),
            _ => return None,
        },
    };
    if q.is_none() && c.cap("n").is_none() {
        return None;
    }
    if q.as_deref() == Some("latest") || q.as_deref() == Some("same") {
        return None;
    }
    // "the past year", "the last decade" name the previous calendar unit.
    if c.cap("n").is_none() && !plural && matches!(q.as_deref(), Some("past" | "last")) {
        let code = unit_code(unit);
        if code.0 == "Y" {
            let v = c.reference.map(|r| {
                if code.1 == 10.0 {
                    format!("{:03}", r.year / 10 - 1)
                } else {
                    format!("{:04}", r.year - 1)
                }
            });
            return Some((TimexType::Date, v));
        }
    }
    if c.after().trim_start().starts_with("ago") {
        return None;
    }
    // "the following day", "the next morning" point at a day, not a stretch.
    if n.is_some()
        && !plural
        && c.cap("n").is_none()
        && matches!(q.as_deref(), Some("following" | "preceding"))
    {
        return None;
    }
    Some((TimexType::Duration, Some(duration_value(n, unit))))
}

fn plain_duration(c: &Ctx) -> Resolved {
    let after = c.after();
    let lower_after = after.trim_start().to_ascii_lowercase();
    // "a 6-year-old", "six-year-old boy": an age.
    if after.starts_with("-old") || lower_after.starts_with("old") || lower_after.starts_with("ago")
    {
        return None;
    }
    let w = c.cap("n")?;
    let lw = w.to_ascii_lowercase();
    let unit = c.cap("unit")?;
    let plural = unit.to_ascii_lowercase().ends_with('s');
    if matches!(lw.as_str(), "a" | "an") {
        if plural {
            return None;
        }
        // "$2 million a year", "24 hours a day": a rate; keep "for a year",
        // "within a week", "a day later".
        let prev = c.prev_word();
        let whole = c.lower();
        let anchored = ["earlier", "later", "after", "before"]
            .iter()
            .any(|w| lower_after.starts_with(w));
        // With an approximator ("about a year") the phrase is a duration anyway.
        if (whole.starts_with("a ") || whole.starts_with("an "))
            && !anchored
            && !matches!(
                prev.as_str(),
                "for"
                    | "within"
                    | "after"
                    | "than"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "over"
                    | "least"
                    | "only"
                    | "just"
                    | "in"
                    | "of"
                    | "last"
                    | "lasted"
                    | "lasting"
                    | "half"
                    | "take"
                    | "takes"
                    | "took"
                    | "spent"
                    | "spend"
                    | "once"
                    | "twice"
            )
        {
            return None;
        }
    }
    if matches!(lw.as_str(), "some" | "many") && !plural {
        return None;
    }
    // "three quarters of its food" is a fraction.
    if unit.to_ascii_lowercase().starts_with("quarter") && lower_after.starts_with("of") {
        return None;
    }
    let mut n = number(w);
    if c.cap("frac").is_some() || c.lower().ends_with("and a half") {
        n = n.map(|x| x + 0.5);
    }
    let value = match n {
        Some(x) if x.fract() == 0.5 && unit_code(unit).0 == "Y" && unit_code(unit).1 == 1.0 => {
            format!("P{}Y6M", x as i64)
        }
        Some(x) if x.fract() == 0.5 && unit_code(unit).0 == "MIN" => {
            format!("PT{}M30S", x as i64)
        }
        _ => duration_value(n, unit),
    };
    Some((TimexType::Duration, Some(value)))
}

fn bare_plural_duration(c: &Ctx) -> Resolved {
    let unit = c.cap("unit").or_else(|| c.cap("unit2"))?;
    if c.cap("t2").is_none() {
        let whole = c.lower();
        let p = c.cap("p")?.to_ascii_lowercase();
        // "in the years that followed" is anchored; "over the years" and "for years" are stretches.
        if whole.starts_with("the") && p != "over" {
            return None;
        }
        if !whole.starts_with("the") && p == "over" {
            return None;
        }
        let next = c.after().trim_start().to_ascii_lowercase();
        if next.starts_with("of") || next.starts_with("to come") {
            return None;
        }
    }
    Some((TimexType::Duration, Some(duration_value(None, unit))))
}

fn vague(c: &Ctx) -> Resolved {
    if let Some(rec) = c.cap("rec") {
        let unit = c.cap("unit")?;
        let rec = rec.to_ascii_lowercase();
        if rec == "coming" {
            return Some((TimexType::Date, Some("FUTURE_REF".into())));
        }
        if unit.eq_ignore_ascii_case("years") {
            // "in recent years" is annotated as a vague past more often than a duration.
            return Some((TimexType::Date, Some("PAST_REF".into())));
        }
        if rec == "past" {
            // "past years" (no article): an unknown stretch in the past.
            if c.prev_word() == "the" {
                return None;
            }
            return Some((TimexType::Date, Some("PAST_REF".into())));
        }
        return Some((TimexType::Duration, Some(duration_value(None, unit))));
    }
    let v = c.cap("v")?.to_ascii_lowercase();
    let after = c.after().trim_start().to_ascii_lowercase();
    if v == "the past"
        && (after.starts_with(|ch: char| ch.is_ascii_digit()) || c.prev_word() != "in")
    {
        return None;
    }
    let value = if v.contains("future") || v.contains("term") {
        "FUTURE_REF"
    } else if matches!(v.as_str(), "now" | "currently" | "nowadays" | "these days")
        || v.contains("present")
    {
        "PRESENT_REF"
    } else {
        "PAST_REF"
    };
    if v == "the future" && c.prev_word() != "in" && c.prev_word() != "the" {
        // "the future of our peoples" is a topic, not a time.
        if after.starts_with("of") {
            return None;
        }
    }
    Some((TimexType::Date, Some(value.to_string())))
}

fn clock_time(c: &Ctx) -> Resolved {
    let after = c.after();
    if after.starts_with(|ch: char| ch.is_alphabetic()) {
        return None; // "12 Americans"
    }
    let clock = match c.cap("word") {
        Some(w) => w.to_string(),
        None => format!(
            "{}:{}{}",
            c.cap("h")?,
            c.cap("mi").unwrap_or("00"),
            c.cap("ap")?
        ),
    };
    let suffix = clock_suffix(&clock)?;
    let day = if let Some(w) = c.cap("w") {
        let off = match w.to_ascii_lowercase().as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        c.reference.map(|r| r.add_days(off).iso())
    } else if let Some(m) = c.cap("month") {
        let m = month_number(m)?;
        let d: u32 = c.cap("d")?.parse().ok()?;
        c.reference
            .and_then(|r| Date::new(infer_year(r, m, Some(d), None, c.tense()), m, d))
            .map(|d| d.iso())
    } else {
        c.reference.map(|r| r.iso())
    };
    if c.cap("word").is_some() && c.cap("w").is_none() && c.cap("month").is_none() {
        // A bare "noon" / "midnight" is a time only next to a clock preposition.
        if !matches!(
            c.prev_word().as_str(),
            "at" | "by" | "until" | "before" | "after" | "since" | "till"
        ) {
            return None;
        }
    }
    Some((
        TimexType::Time,
        day.map(|mut d| {
            d.push_str(&suffix);
            d
        }),
    ))
}

fn set(c: &Ctx) -> Resolved {
    let g = c.cap("g").or_else(|| c.cap("adv"))?.to_ascii_lowercase();
    let code = match g.get(..3)? {
        "day" | "dai" => "P1D",
        "wee" => "P1W",
        "mon" if g.starts_with("month") => "P1M",
        "mor" => "XXXX-XX-XXTMO",
        "nig" => "XXXX-XX-XXTNI",
        "eve" => "XXXX-XX-XXTEV",
        "qua" => "P1Q",
        "hou" => "PT1H",
        _ => "P1Y",
    };
    Some((TimexType::Set, Some(code.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::{Anchored, Input};

    /// Shapes the hand readers take and shapes they leave to the capture search.
    const SHAPES: &[&str] = &[
        "In fiscal year 1998, THE  YEAR 2001, Calendar 2004, mid-2017 and 1959 too.",
        "On June 5, 2018, Saturday, April 25, 1998, March12, 2024 and Jan. 21st, 1999.",
        "5 June 2018, 5th of June, 2018, 21st  Dec. 2001 and Monday, 3 May 1999.",
        "March 12, Jan.5, Sept. 3 and last Friday, Oct. 23; 4th of July and 5 March.",
        "June 2018, June, 2018, June of 2018, early March 2019, the winter of 1994, Spring 2019.",
        "In March, last April, early-May, midJune, thisMay, last  March, each July, mid-Nov.",
        "Talks on Friday, last Sunday, Mondays, this Tuesday morning, noon Monday, each Thursday.",
        "Then the previous Monday, 10 p.m. Wednesday, SATURDAYS, Sunday nights, early Friday.",
        "Today, yesterday morning, late tonight, this afternoon, later this morning, last night.",
        "Earlier today, mid-morning today, tomorrow Evening, earlier this evening and tonight.",
        "This week, later this year, this past weekend, last fall, the coming month, early next decade.",
        "Ten years ago, a year earlier, months ago, some months ago, two weeks before, a week or so ago.",
        "About three years ago, ten years from now, 2.5 years later, several more days ago, day earlier.",
        "The past three years, the next few days, the first quarter, the same day, the trading days.",
        "The last 12 months, the past year or so, about the next two years, the past two trading weeks.",
        "Three years, 10-day, a minute, 2.5 years, an hour, some years, twenty-one years, three more years.",
        "2 1/2 years, about six weeks, four and a half years, decades-long, a-year, 90 days, several  months.",
        "Now, currently, recent years, past months, the past, at present, coming weeks, these days.",
        "Every day, each  week, per quarter, daily, Annually, every morning and each\tnight.",
        "At 10 p.m. EST, 6:45 pm, 10:30am, noon, 5 P.M. Wednesday, 7 a.m. today, 11 pm, Jan. 5.",
    ];

    /// The groups the readers give (or, for shapes they leave, the anchored
    /// capture search `find` then runs) are those of the capture search.
    #[test]
    fn filled_groups_match_the_capture_search() {
        for (ri, rule) in RULES.iter().enumerate() {
            let Some(fill) = rule.fill else { continue };
            let (mut found, mut read) = (0, 0);
            for text in SHAPES {
                let lowered = text.to_ascii_lowercase();
                let hay = rule.haystack(text, lowered.as_bytes());
                for m in rule.re().find_iter(hay) {
                    let mut want = rule.re().create_captures();
                    let input = Input::new(hay).span(m.range());
                    rule.re().search_captures(&input, &mut want);
                    let mut got = rule.re().create_captures();
                    if fill(&mut got, text, m.span()) {
                        read += 1;
                    } else {
                        let exact = Input::new(hay).span(m.range()).anchored(Anchored::Yes);
                        rule.re().search_captures(&exact, &mut got);
                    }
                    assert_eq!(got.slots(), want.slots(), "rule {ri}: {}", &text[m.range()]);
                    found += 1;
                }
            }
            assert!(read >= 2, "rule {ri}: {read} of {found} read");
        }
    }

    /// Every match a rule finds in a whole sentence lies in the range it
    /// searches, and none follows one after which the rule is exhausted.
    #[test]
    fn matches_lie_in_the_rule_ranges() {
        let extra = [
            "Sales fell in the third quarter of fiscal 1998 , and in the year-ago period; \
             for the year ended Sept. 30 the company earned more than in the comparable year-ago quarter.",
            "On  Saturday ,  April 25 , 1998 at 10:30 a.m. EST, Jan. 5, they met for the first time \
             in the past three  trading days, two weeks before the vote and ten years from now.",
            "Over the weekend, ahead of the late summer, for the end of the year, for years and decades-long \
             talks, in the near future, these days, at noon Monday, 5 p.m. EST, Jan. 3, every day and per week.",
        ];
        let mut checked = 0;
        for text in SHAPES.iter().chain(&extra) {
            let doc = crate::text::Document::new(text);
            let lowered = text.to_ascii_lowercase();
            for sentence in &doc.sentences {
                let s = &text[sentence.clone()];
                let mut words = Words::default();
                tr::words(s, &mut words);
                for (ri, rule) in RULES.iter().enumerate() {
                    if !rule.may_match(words.mask) {
                        continue;
                    }
                    let range = rule.range(&words, s.as_bytes());
                    let hay = &rule.haystack(text, lowered.as_bytes())[..sentence.end];
                    let input = Input::new(hay).span(sentence.clone());
                    let found: Vec<_> = rule.re().find_iter(input).collect();
                    for (i, m) in found.iter().enumerate() {
                        let (a, b) = (m.start() - sentence.start, m.end() - sentence.start);
                        assert!(
                            range.start <= a && b <= range.end,
                            "rule {ri}: {:?} outside {:?}",
                            &s[a..b],
                            &s[range.clone()]
                        );
                        assert!(
                            i + 1 == found.len() || !rule.exhausted(&words, b),
                            "rule {ri}: matches after {:?}",
                            &s[a..b]
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 200, "{checked}");
    }

    #[test]
    fn numbers() {
        assert_eq!(number("twenty four"), Some(24.0));
        assert_eq!(number("twenty-four"), Some(24.0));
        assert_eq!(number("a couple of"), Some(2.0));
        assert_eq!(number("a hundred"), Some(100.0));
        assert_eq!(number("several"), None);
        assert_eq!(number("2.5"), Some(2.5));
    }

    #[test]
    fn durations() {
        assert_eq!(duration_value(Some(3.0), "years"), "P3Y");
        assert_eq!(duration_value(Some(2.0), "decades"), "P20Y");
        assert_eq!(duration_value(None, "decades"), "PXDE");
        assert_eq!(duration_value(Some(3.0), "quarters"), "P9M");
        assert_eq!(duration_value(Some(24.0), "hours"), "PT24H");
        assert_eq!(duration_value(None, "months"), "PXM");
    }

    #[test]
    fn clock_suffixes() {
        assert_eq!(clock_suffix("10 p.m.").as_deref(), Some("T22:00"));
        assert_eq!(clock_suffix("12:30 a.m.").as_deref(), Some("T00:30"));
        assert_eq!(clock_suffix("noon").as_deref(), Some("T12:00"));
        assert_eq!(clock_suffix("13 pm"), None);
    }

    #[test]
    fn year_inference_follows_tense() {
        let r = Date::new(1989, 11, 2).unwrap();
        assert_eq!(infer_year(r, 1, Some(2), None, Tense::Future), 1990);
        assert_eq!(infer_year(r, 12, None, None, Tense::Past), 1989);
        assert_eq!(infer_year(r, 11, Some(20), None, Tense::Past), 1989);
        assert_eq!(infer_year(r, 12, None, None, Tense::Unknown), 1989);
        assert_eq!(infer_year(r, 1, None, None, Tense::Unknown), 1990);
        assert_eq!(infer_year(r, 4, None, None, Tense::Unknown), 1989);
        let march = Date::new(1999, 3, 12).unwrap();
        assert_eq!(infer_year(march, 4, None, None, Tense::Unknown), 1999);
        assert_eq!(infer_year(march, 10, None, None, Tense::Unknown), 1998);
        assert_eq!(infer_year(march, 5, None, None, Tense::Past), 1999);
        assert_eq!(infer_year(march, 6, None, None, Tense::Past), 1998);
        assert_eq!(infer_year(r, 4, None, Some("last"), Tense::Unknown), 1989);
        assert_eq!(infer_year(r, 11, None, Some("last"), Tense::Unknown), 1988);
        assert_eq!(infer_year(r, 3, None, Some("next"), Tense::Unknown), 1990);
    }
}
