//! The rules: each is a regular expression and a function that types and
//! resolves its match. Candidates from every rule are merged, the longest
//! winning where they overlap.

use super::{Date, Timex, TimexType};
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

const MONTH: &str = r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
const WEEKDAY: &str = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const NUM: &str = r"(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|hundred|a|an|several|a few|few|many)";
const UNIT: &str =
    r"(?P<unit>years?|months?|weeks?|days?|decades?|hours?|minutes?|quarters?|centur(?:y|ies))";

/// Context a rule sees: the match, the sentence it is in and the reference date.
struct Ctx<'a> {
    caps: &'a Captures<'a>,
    sentence: &'a str,
    /// Byte offset of the match inside the sentence.
    at: usize,
    reference: Option<Date>,
}

type Resolve = fn(&Ctx) -> Option<(TimexType, Option<String>)>;

struct Rule {
    re: Regex,
    resolve: Resolve,
}

fn rule(pattern: &str, resolve: Resolve) -> Rule {
    Rule {
        re: Regex::new(pattern).expect("date rule pattern"),
        resolve,
    }
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        rule(
            &format!(
                r"(?-u:\b){MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:1[89]|20)\d\d)(?-u:\b)"
            ),
            full_date,
        ),
        rule(
            &format!(
                r"(?-u:\b)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(?P<y>(?:1[89]|20)\d\d)(?-u:\b)"
            ),
            full_date,
        ),
        rule(
            &format!(r"(?-u:\b){MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)"),
            month_day,
        ),
        rule(
            &format!(
                r"(?-u:\b)(?:(?:early|late|mid)[- ])?{MONTH},?\s+(?P<y>(?:1[89]|20)\d\d)(?-u:\b)"
            ),
            month_year,
        ),
        rule(
            &format!(
                r"(?-u:\b)(?:(?:early|late|mid)[- ]|(?:in|since|by|until|during|through|last|next|this|from|of)\s+){MONTH}(?-u:\b)"
            ),
            bare_month,
        ),
        rule(
            r"(?-u:\b)(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?-u:\b)",
            iso_date,
        ),
        rule(
            r"(?-u:\b)(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d\d)(?-u:\b)",
            us_date,
        ),
        rule(
            r"(?i)(?-u:\b)(?:the\s+)?(?:(?:early|late|mid)[- ])?(?P<c>1[89]|20)(?P<dec>\d)0'?s(?-u:\b)",
            decade,
        ),
        rule(
            r"(?i)(?-u:\b)(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?:\s+of\s+(?:fiscal\s+(?:year\s+)?)?(?P<y>(?:19|20)\d\d))?(?-u:\b)",
            quarter,
        ),
        rule(
            r"(?-u:\b)(?:(?i:fiscal)\s+(?:year\s+)?|(?i:mid|early|late)-?\s*)?(?P<y>(?:19|20)\d\d)(?-u:\b)",
            year,
        ),
        rule(
            r"(?i)(?-u:\b)(?P<w>today|yesterday|tomorrow|tonight)(?-u:\b)",
            deictic_day,
        ),
        rule(
            r"(?i)(?-u:\b)(?:(?P<pos>later|earlier)\s+)?(?P<rel>this|last|next|coming|previous)\s+(?P<g>week|month|year|quarter|weekend)(?-u:\b)",
            relative_period,
        ),
        rule(
            &format!(
                r"(?i)(?-u:\b)(?:(?P<rel>last|next|this|coming)\s+)?{WEEKDAY}(?:\s+(?P<part>morning|afternoon|evening|night))?(?-u:\b)"
            ),
            weekday,
        ),
        rule(
            &format!(
                r"(?i)(?-u:\b){NUM}\s+{UNIT}\s+(?P<dir>ago|earlier|later|before|from now)(?-u:\b)"
            ),
            ago,
        ),
        rule(
            &format!(
                r"(?i)(?-u:\b)(?:the\s+)?(?:past|last|next|coming|previous|first|final)\s+(?:{NUM}\s+)?{UNIT}(?-u:\b)"
            ),
            span_duration,
        ),
        rule(
            &format!(r"(?i)(?-u:\b){NUM}[- ]{UNIT}(?-u:\b)"),
            plain_duration,
        ),
        rule(
            r"(?i)(?-u:\b)(?P<v>now|currently|at present|nowadays|recently|lately|in recent (?:years|months|weeks|days)|the future|in the past|formerly)(?-u:\b)",
            vague,
        ),
        rule(
            r"(?i)(?-u:\b)(?P<h>\d{1,2})(?::(?P<mi>\d\d))?\s*(?P<ap>a\.m\.|p\.m\.|am|pm)(?-u:\b|\B)",
            clock_time,
        ),
        rule(
            r"(?i)(?-u:\b)(?:every|each|per)\s+(?P<g>day|week|month|year|quarter)(?-u:\b)|(?-u:\b)(?P<adv>annually|yearly|daily|weekly|monthly|quarterly)(?-u:\b)",
            set,
        ),
    ]
});

/// Finds the expressions of one sentence and appends them, merged, to `out`.
pub fn find_in_sentence(
    text: &str,
    sentence: Range<usize>,
    reference: Option<Date>,
    out: &mut Vec<Timex>,
) {
    let s = &text[sentence.clone()];
    let mut cands: Vec<Timex> = Vec::new();
    for r in RULES.iter() {
        for caps in r.re.captures_iter(s) {
            let m = caps.get(0).expect("whole match");
            let ctx = Ctx {
                caps: &caps,
                sentence: s,
                at: m.start(),
                reference,
            };
            if let Some((kind, value)) = (r.resolve)(&ctx) {
                cands.push(Timex {
                    start: sentence.start + m.start(),
                    end: sentence.start + m.end(),
                    kind,
                    value,
                });
            }
        }
    }
    cands.sort_by_key(|t| (t.start, std::cmp::Reverse(t.end)));
    let mut last_end = 0;
    for t in cands {
        if t.start >= last_end {
            last_end = t.end;
            out.push(t);
        }
    }
}

fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    Some(match n.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

fn number(word: &str) -> Option<f64> {
    let w = word.to_ascii_lowercase();
    if let Ok(n) = w.parse::<f64>() {
        return Some(n);
    }
    Some(match w.as_str() {
        "a" | "an" | "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "hundred" => 100.0,
        _ => return None, // several, a few, many: unspecified
    })
}

fn cap<'a>(c: &'a Ctx, name: &str) -> Option<&'a str> {
    c.caps.name(name).map(|m| m.as_str())
}

/// True when the words before the match read as future ("will", "next", "plans to").
fn future_context(c: &Ctx) -> bool {
    let before = c.sentence[..c.at].to_ascii_lowercase();
    let tail: Vec<&str> = before.split_whitespace().rev().take(4).collect();
    if tail.iter().any(|w| {
        matches!(
            *w,
            "said" | "says" | "announced" | "told" | "reported" | "was" | "were" | "had"
        ) || w.ends_with("ed")
    }) {
        return false;
    }
    let s = c.sentence.to_ascii_lowercase();
    [
        " will ",
        " shall ",
        " is to ",
        " are to ",
        " expected to ",
        " scheduled ",
        " due to ",
        " plans to ",
        " going to ",
    ]
    .iter()
    .any(|k| s.contains(k))
}

fn full_date(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let m = month_number(cap(c, "month")?)?;
    let d = cap(c, "d")?.parse().ok()?;
    let y = cap(c, "y")?.parse().ok()?;
    let date = Date::new(y, m, d)?;
    Some((TimexType::Date, Some(date.iso())))
}

fn month_day(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let month = cap(c, "month")?;
    if month == "May" && !c.sentence[c.at..].starts_with("May ") {
        return None;
    }
    let m = month_number(month)?;
    let d: u32 = cap(c, "d")?.parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let value = match c.reference {
        Some(r) => Date::new(r.year, m, d).map(|x| x.iso()),
        None => Some(format!("XXXX-{m:02}-{d:02}")),
    };
    Some((TimexType::Date, value))
}

fn month_year(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let m = month_number(cap(c, "month")?)?;
    let y: i32 = cap(c, "y")?.parse().ok()?;
    Some((TimexType::Date, Some(format!("{y:04}-{m:02}"))))
}

fn bare_month(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let m = month_number(cap(c, "month")?)?;
    let whole = c.caps.get(0)?.as_str().to_ascii_lowercase();
    let value = c.reference.map(|r| {
        let year = if whole.starts_with("last")
            || (m > r.month && !whole.starts_with("next") && !future_context(c))
        {
            r.year - 1
        } else if whole.starts_with("next") && m <= r.month {
            r.year + 1
        } else {
            r.year
        };
        format!("{year:04}-{m:02}")
    });
    Some((TimexType::Date, value))
}

fn iso_date(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let d = Date::new(
        cap(c, "y")?.parse().ok()?,
        cap(c, "m")?.parse().ok()?,
        cap(c, "d")?.parse().ok()?,
    )?;
    Some((TimexType::Date, Some(d.iso())))
}

fn us_date(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let mut y: i32 = cap(c, "y")?.parse().ok()?;
    if y < 100 {
        y += if y < 50 { 2000 } else { 1900 };
    }
    let d = Date::new(y, cap(c, "m")?.parse().ok()?, cap(c, "d")?.parse().ok()?)?;
    Some((TimexType::Date, Some(d.iso())))
}

fn decade(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    Some((
        TimexType::Date,
        Some(format!("{}{}", cap(c, "c")?, cap(c, "dec")?)),
    ))
}

fn quarter(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let q = match cap(c, "ord")?.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        _ => 4,
    };
    let year = match cap(c, "y") {
        Some(y) => Some(y.parse::<i32>().ok()?),
        None => c
            .reference
            .map(|r| if q > r.quarter() { r.year - 1 } else { r.year }),
    };
    Some((TimexType::Date, year.map(|y| format!("{y:04}-Q{q}"))))
}

fn year(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let whole = c.caps.get(0)?.as_str();
    let y = cap(c, "y")?;
    let after = &c.sentence[c.at + whole.len()..];
    // Not a year: part of a number ("2000 people", "$2020", "2019-20 season" is kept).
    if after.starts_with(['%', ',']) && after[1..].starts_with(|ch: char| ch.is_ascii_digit()) {
        return None;
    }
    let before = c.sentence[..c.at].trim_end();
    if before.ends_with(['$', '£', '€', '#']) {
        return None;
    }
    let prev = before
        .rsplit(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let qualified = whole.len() > y.len();
    let year_word = matches!(
        prev.as_str(),
        "in" | "since"
            | "by"
            | "of"
            | "from"
            | "until"
            | "to"
            | "through"
            | "during"
            | "before"
            | "after"
            | "year"
            | "and"
            | "or"
            | "early"
            | "late"
            | "mid"
            | "for"
            | "between"
            | "till"
            | "fiscal"
    );
    let next_word_is_noun = after
        .trim_start()
        .chars()
        .next()
        .is_some_and(|ch| ch.is_lowercase())
        && after.starts_with(' ');
    if !year_word && (!qualified || next_word_is_noun) {
        return None;
    }
    Some((TimexType::Date, Some(y.to_string())))
}

fn deictic_day(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let w = cap(c, "w")?.to_ascii_lowercase();
    let (offset, kind, suffix) = match w.as_str() {
        "today" => (0, TimexType::Date, ""),
        "yesterday" => (-1, TimexType::Date, ""),
        "tomorrow" => (1, TimexType::Date, ""),
        _ => (0, TimexType::Time, "TNI"),
    };
    Some((
        kind,
        c.reference
            .map(|r| format!("{}{suffix}", r.add_days(offset).iso())),
    ))
}

fn relative_period(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let rel = cap(c, "rel")?.to_ascii_lowercase();
    let g = cap(c, "g")?.to_ascii_lowercase();
    let step: i64 = match rel.as_str() {
        "last" | "previous" => -1,
        "next" | "coming" => 1,
        _ => 0,
    };
    let value = c.reference.map(|r| match g.as_str() {
        "week" => r.add_days(7 * step).iso_week_string(),
        "weekend" => format!("{}-WE", r.add_days(7 * step).iso_week_string()),
        "month" => r.add_months(step as i32).iso_month(),
        "quarter" => {
            let d = r.add_months(3 * step as i32);
            format!("{:04}-Q{}", d.year, d.quarter())
        }
        _ => format!("{:04}", r.year + step as i32),
    });
    Some((TimexType::Date, value))
}

fn weekday(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let wd = match cap(c, "wd")?.to_ascii_lowercase().get(..3)? {
        "mon" => 0,
        "tue" => 1,
        "wed" => 2,
        "thu" => 3,
        "fri" => 4,
        "sat" => 5,
        _ => 6,
    };
    let rel = cap(c, "rel").map(|r| r.to_ascii_lowercase());
    let value = c.reference.map(|r| {
        let today = i64::from(r.weekday());
        let back = (today - wd).rem_euclid(7);
        let d = match rel.as_deref() {
            Some("last") => r.add_days(-(if back == 0 { 7 } else { back })),
            Some("next") | Some("coming") => r.add_days((wd - today).rem_euclid(7).max(1)),
            Some("this") => r.add_days(wd - today),
            _ if future_context(c) => r.add_days((wd - today).rem_euclid(7)),
            _ => r.add_days(-back),
        };
        match cap(c, "part").map(|p| p.to_ascii_lowercase()) {
            Some(p) => format!(
                "{}T{}",
                d.iso(),
                match p.as_str() {
                    "morning" => "MO",
                    "afternoon" => "AF",
                    "evening" => "EV",
                    _ => "NI",
                }
            ),
            None => d.iso(),
        }
    });
    // "on Tuesday" is annotated without the preposition.
    Some((
        if cap(c, "part").is_some() {
            TimexType::Time
        } else {
            TimexType::Date
        },
        value,
    ))
}

fn unit_code(unit: &str) -> (&'static str, f64) {
    let u = unit.to_ascii_lowercase();
    match u.trim_end_matches('s') {
        "year" => ("Y", 1.0),
        "month" => ("M", 1.0),
        "week" => ("W", 1.0),
        "day" => ("D", 1.0),
        "decade" => ("DE", 1.0),
        "hour" => ("H", 1.0),
        "minute" => ("MIN", 1.0),
        "quarter" => ("Q", 1.0),
        _ => ("CE", 1.0),
    }
}

fn duration_value(n: Option<f64>, unit: &str) -> String {
    let (code, _) = unit_code(unit);
    let amount = n.map_or("X".to_string(), |n| {
        if n.fract() == 0.0 {
            format!("{}", n as i64)
        } else {
            format!("{n}")
        }
    });
    match code {
        "H" => format!("PT{amount}H"),
        "MIN" => format!("PT{amount}M"),
        c => format!("P{amount}{c}"),
    }
}

fn ago(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let n = number(cap(c, "n")?);
    let unit = cap(c, "unit")?;
    let dir = cap(c, "dir")?.to_ascii_lowercase();
    let sign: i64 = if matches!(dir.as_str(), "later" | "from now") {
        1
    } else {
        -1
    };
    let value = match (c.reference, n) {
        (Some(r), Some(n)) if n.fract() == 0.0 => {
            let n = n as i64 * sign;
            Some(match unit_code(unit).0 {
                "Y" => format!("{:04}", r.year + n as i32),
                "DE" => format!("{:03}", (r.year + 10 * n as i32) / 10),
                "M" => r.add_months(n as i32).iso_month(),
                "Q" => {
                    let d = r.add_months(3 * n as i32);
                    format!("{:04}-Q{}", d.year, d.quarter())
                }
                "W" => r.add_days(7 * n).iso_week_string(),
                "D" => r.add_days(n).iso(),
                _ => r.iso(),
            })
        }
        _ => Some(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.to_string()),
    };
    Some((TimexType::Date, value))
}

fn span_duration(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let unit = cap(c, "unit")?;
    let plural = unit.ends_with('s');
    let n = match cap(c, "n") {
        Some(w) => number(w),
        None if plural => None,
        None => {
            // "last year", "next month" are dates, handled by the relative rule.
            let whole = c.caps.get(0)?.as_str().to_ascii_lowercase();
            if !whole.contains("past") && !whole.starts_with("the") {
                return None;
            }
            Some(1.0)
        }
    };
    Some((TimexType::Duration, Some(duration_value(n, unit))))
}

fn plain_duration(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let after = c.sentence[c.at + c.caps.get(0)?.as_str().len()..]
        .trim_start()
        .to_ascii_lowercase();
    if after.starts_with("old") || after.starts_with("ago") {
        return None;
    }
    let w = cap(c, "n")?;
    if matches!(w.to_ascii_lowercase().as_str(), "a" | "an") && cap(c, "unit")?.ends_with('s') {
        return None;
    }
    Some((
        TimexType::Duration,
        Some(duration_value(number(w), cap(c, "unit")?)),
    ))
}

fn vague(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let v = cap(c, "v")?.to_ascii_lowercase();
    let value = if v.contains("future") {
        "FUTURE_REF"
    } else if matches!(v.as_str(), "now" | "currently" | "at present" | "nowadays") {
        "PRESENT_REF"
    } else {
        "PAST_REF"
    };
    Some((TimexType::Date, Some(value.to_string())))
}

fn clock_time(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let mut h: u32 = cap(c, "h")?.parse().ok()?;
    let mi: u32 = cap(c, "mi").map_or(Some(0), |m| m.parse().ok())?;
    if h == 0 || h > 12 || mi > 59 {
        return None;
    }
    let pm = cap(c, "ap")?.to_ascii_lowercase().starts_with('p');
    if pm && h < 12 {
        h += 12;
    } else if !pm && h == 12 {
        h = 0;
    }
    let day = c.reference.map_or("XXXX-XX-XX".to_string(), |r| r.iso());
    Some((TimexType::Time, Some(format!("{day}T{h:02}:{mi:02}"))))
}

fn set(c: &Ctx) -> Option<(TimexType, Option<String>)> {
    let g = cap(c, "g").or_else(|| cap(c, "adv"))?.to_ascii_lowercase();
    let code = match g.get(..3)? {
        "day" | "dai" => "P1D",
        "wee" => "P1W",
        "mon" => "P1M",
        "qua" => "P1Q",
        _ => "P1Y",
    };
    Some((TimexType::Set, Some(code.to_string())))
}
