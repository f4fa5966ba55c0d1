//! Capture groups read by hand off the most frequent shapes of some rules'
//! matches ("Monday", "March 5", "three years", "this week"), at a small
//! fraction of the cost of the regex engine's capture search, which still
//! runs on every match whose shape a reader does not recognise.
//!
//! A reader only ever sees a span its rule's pattern matched, so it checks
//! the shape, not the words the pattern already vouched for; each one is
//! tested against the capture search (`rules::tests`).

use regex_automata::util::{captures::Captures, primitives::NonMaxUsize};
use regex_automata::{PatternID, Span};
use std::ops::Range;

/// Sets the groups of match `m` of `hay` and returns true, or returns false
/// when the match is not of a shape it reads (the capture search decides).
pub type Fill = fn(&mut Captures, hay: &str, m: Span) -> bool;

/// The regex's ASCII `\s`.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// Clears the groups of `caps` and sets the whole match.
fn start(caps: &mut Captures, m: Span) {
    caps.set_pattern(Some(PatternID::ZERO));
    caps.slots_mut().fill(None);
    set(caps, None, m.range());
}

/// Sets group `name` of `caps` to the byte range `r` of the haystack.
fn set(caps: &mut Captures, name: Option<&str>, r: Range<usize>) {
    let info = caps.group_info();
    let index = info
        .pattern_names(PatternID::ZERO)
        .position(|n| n == name)
        .expect("group of the pattern");
    let (s, e) = info.slots(PatternID::ZERO, index).expect("group slots");
    let slots = caps.slots_mut();
    slots[s] = NonMaxUsize::new(r.start);
    slots[e] = NonMaxUsize::new(r.end);
}

/// Up to `N` words of a match separated by runs of `sep` bytes, as ranges
/// relative to the match; `None` when there are more, or an empty word.
fn words<const N: usize>(t: &[u8], sep: fn(u8) -> bool) -> Option<([Range<usize>; N], usize)> {
    let mut out: [Range<usize>; N] = std::array::from_fn(|_| 0..0);
    let mut n = 0;
    let mut i = 0;
    while i < t.len() {
        let s = i;
        while i < t.len() && !sep(t[i]) {
            i += 1;
        }
        if s == i || n == N {
            return None;
        }
        out[n] = s..i;
        n += 1;
        while i < t.len() && sep(t[i]) {
            i += 1;
        }
    }
    Some((out, n))
}

fn space_or_hyphen(b: u8) -> bool {
    b == b' ' || b == b'-'
}

fn is_any(w: &[u8], list: &[&str]) -> bool {
    list.iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes()))
}

fn letters(w: &[u8]) -> bool {
    !w.is_empty() && w.iter().all(u8::is_ascii_alphabetic)
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const UNITS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "decade",
    "decades",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "quarter",
    "quarters",
    "century",
    "centuries",
    "fortnight",
    "fortnights",
];
/// The one-word alternatives of the rules' number phrase.
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "few",
    "several",
    "some",
    "many",
    "a",
    "an",
];

/// A one-word number: digits with an optional decimal part, or a number word.
fn number_word(w: &[u8]) -> bool {
    let digits = |d: &[u8]| !d.is_empty() && d.iter().all(u8::is_ascii_digit);
    match w.iter().position(|&b| b == b'.') {
        Some(p) => digits(&w[..p]) && digits(&w[p + 1..]),
        None => digits(w) || is_any(w, NUMBER_WORDS),
    }
}

/// A capitalised month word with its period ("Jan.", "March"), which no
/// modifier ("mid", "early") can be glued to.
fn month_word(t: &[u8], i: usize) -> Option<Range<usize>> {
    let mut j = i;
    while j < t.len() && t[j].is_ascii_alphabetic() {
        j += 1;
    }
    let w = &t[i..j];
    let known = w.len() >= 3
        && w[0].is_ascii_uppercase()
        && is_any(
            &w[..3],
            &[
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            ],
        );
    if !known {
        return None;
    }
    if t.get(j) == Some(&b'.') {
        j += 1;
    }
    Some(i..j)
}

/// A reader of the bytes of a match.
struct Cursor<'a> {
    t: &'a [u8],
    i: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of the match `m` in `hay`.
    fn over(hay: &'a str, m: Span) -> Self {
        Cursor {
            t: &hay.as_bytes()[m.range()],
            i: 0,
        }
    }

    fn spaces(&mut self) -> usize {
        let s = self.i;
        while self.i < self.t.len() && is_space(self.t[self.i]) {
            self.i += 1;
        }
        self.i - s
    }

    fn digits(&mut self) -> Range<usize> {
        let s = self.i;
        while self.i < self.t.len() && self.t[self.i].is_ascii_digit() {
            self.i += 1;
        }
        s..self.i
    }

    /// A day of the month with its ordinal suffix ("5", "21st"): the digits.
    fn day(&mut self) -> Option<Range<usize>> {
        let d = self.digits();
        if d.is_empty() || d.len() > 2 {
            return None;
        }
        while self.i < self.t.len() && self.t[self.i].is_ascii_alphabetic() {
            self.i += 1;
        }
        Some(d)
    }

    fn month(&mut self) -> Option<Range<usize>> {
        let m = month_word(self.t, self.i)?;
        self.i = m.end;
        Some(m)
    }

    /// A four-digit year ending the match.
    fn final_year(&mut self) -> Option<Range<usize>> {
        let y = self.digits();
        (y.len() == 4 && self.i == self.t.len()).then_some(y)
    }

    fn comma(&mut self) {
        if self.t.get(self.i) == Some(&b',') {
            self.i += 1;
        }
    }
}

fn shift(r: Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}

/// "June 5, 2018": month, day and year.
pub fn month_day_year(caps: &mut Captures, hay: &str, m: Span) -> bool {
    let mut c = Cursor::over(hay, m);
    let Some(month) = c.month() else { return false };
    c.spaces();
    let Some(d) = c.day() else { return false };
    c.comma();
    if c.spaces() == 0 {
        return false;
    }
    let Some(y) = c.final_year() else {
        return false;
    };
    start(caps, m);
    set(caps, Some("month"), shift(month, m.start));
    set(caps, Some("d"), shift(d, m.start));
    set(caps, Some("y"), shift(y, m.start));
    true
}

/// "5 June 2018": day, month and year.
pub fn day_month_year(caps: &mut Captures, hay: &str, m: Span) -> bool {
    let mut c = Cursor::over(hay, m);
    let Some(d) = c.day() else { return false };
    if c.spaces() == 0 {
        return false;
    }
    let Some(month) = c.month() else { return false };
    c.comma();
    if c.spaces() == 0 {
        return false;
    }
    let Some(y) = c.final_year() else {
        return false;
    };
    start(caps, m);
    set(caps, Some("d"), shift(d, m.start));
    set(caps, Some("month"), shift(month, m.start));
    set(caps, Some("y"), shift(y, m.start));
    true
}

/// "March 5", "Jan. 21st": month and day.
pub fn month_day(caps: &mut Captures, hay: &str, m: Span) -> bool {
    let mut c = Cursor::over(hay, m);
    let Some(month) = c.month() else { return false };
    c.spaces();
    let Some(d) = c.day() else { return false };
    if c.i != c.t.len() {
        return false;
    }
    start(caps, m);
    set(caps, Some("month"), shift(month, m.start));
    set(caps, Some("d"), shift(d, m.start));
    true
}

/// "June 2018": month and year.
pub fn month_year(caps: &mut Captures, hay: &str, m: Span) -> bool {
    let mut c = Cursor::over(hay, m);
    let Some(month) = c.month() else { return false };
    c.comma();
    if c.spaces() == 0 {
        return false;
    }
    let Some(y) = c.final_year() else {
        return false;
    };
    start(caps, m);
    set(caps, Some("month"), shift(month, m.start));
    set(caps, Some("y"), shift(y, m.start));
    true
}

/// "10 p.m.", "6:45 pm", "noon": hour, minutes and the half of the day, or the word.
pub fn clock(caps: &mut Captures, hay: &str, m: Span) -> bool {
    let t = &hay.as_bytes()[m.range()];
    if letters(t) {
        start(caps, m);
        set(caps, Some("word"), m.range());
        return true;
    }
    let mut c = Cursor { t, i: 0 };
    let h = c.digits();
    let mut mi = None;
    if c.t.get(c.i) == Some(&b':') {
        c.i += 1;
        let d = c.digits();
        if d.len() != 2 {
            return false;
        }
        mi = Some(d);
    }
    c.spaces();
    let ap = c.i..t.len();
    let ap_shape = t[ap.clone()]
        .iter()
        .all(|&b| b.is_ascii_alphabetic() || b == b'.');
    if h.is_empty() || h.len() > 2 || ap.is_empty() || !ap_shape {
        return false;
    }
    start(caps, m);
    set(caps, Some("h"), shift(h, m.start));
    if let Some(mi) = mi {
        set(caps, Some("mi"), shift(mi, m.start));
    }
    set(caps, Some("ap"), shift(ap, m.start));
    true
}

/// "March", "last April", "mid-November": the modifier and the month.
pub fn bare_month(caps: &mut Captures, hay: &str, m: Span) -> bool {
    const REL: [&str; 8] = [
        "last", "next", "this", "each", "every", "early", "late", "mid",
    ];
    let t = &hay.as_bytes()[m.range()];
    start(caps, m);
    // No month name starts with a modifier word.
    let rel = REL
        .iter()
        .find(|w| t.len() > w.len() && t[..w.len()].eq_ignore_ascii_case(w.as_bytes()));
    let mut month = 0;
    if let Some(w) = rel {
        let n = w.len();
        set(caps, Some("rel"), m.start..m.start + n);
        month = n + usize::from(matches!(t[n], b' ' | b'-'));
    }
    set(caps, Some("month"), m.start + month..m.end);
    true
}

/// "Friday", "last Sunday", "Mondays".
pub fn weekday(caps: &mut Captures, hay: &str, m: Span) -> bool {
    const REL: &[&str] = &[
        "last", "next", "this", "coming", "previous", "early", "late", "each", "every",
    ];
    let t = &hay.as_bytes()[m.range()];
    let Some((w, n)) = words::<2>(t, is_space) else {
        return false;
    };
    let day = &t[w[n - 1].clone()];
    if !w[..n].iter().all(|r| letters(&t[r.clone()])) || (n == 2 && !is_any(&t[w[0].clone()], REL))
    {
        return false;
    }
    let Some(name) = WEEKDAYS
        .iter()
        .map(|d| d.len())
        .find(|&k| day.len() >= k && is_any(&day[..k], &WEEKDAYS))
    else {
        return false;
    };
    if day.len() > name + 1 {
        return false;
    }
    start(caps, m);
    if n == 2 {
        set(caps, Some("rel"), shift(w[0].clone(), m.start));
    }
    let at = m.start + w[n - 1].start;
    set(caps, Some("wd"), at..at + name);
    if day.len() == name + 1 {
        set(caps, Some("plural"), at + name..at + name + 1);
    }
    true
}

/// "today", "yesterday morning", "late yesterday", "this afternoon".
pub fn deictic_day(caps: &mut Captures, hay: &str, m: Span) -> bool {
    const DAYS: &[&str] = &["today", "yesterday", "tomorrow", "tonight"];
    const PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];
    let t = &hay.as_bytes()[m.range()];
    let Some((w, n)) = words::<2>(t, is_space) else {
        return false;
    };
    let word = |i: usize| &t[w[i].clone()];
    let at = |i: usize| shift(w[i].clone(), m.start);
    if !w[..n].iter().all(|r| letters(&t[r.clone()])) {
        return false;
    }
    start(caps, m);
    match n {
        1 if is_any(word(0), DAYS) => set(caps, Some("w"), at(0)),
        2 if is_any(word(0), DAYS) && is_any(word(1), PARTS) => {
            set(caps, Some("w"), at(0));
            set(caps, Some("part"), at(1));
        }
        2 if is_any(word(0), &["this", "last"]) && is_any(word(1), PARTS) => {
            set(caps, Some("rel"), at(0));
            set(caps, Some("part2"), at(1));
        }
        2 if is_any(word(0), &["early", "late", "later", "earlier"]) && is_any(word(1), DAYS) => {
            set(caps, Some("pre"), at(0));
            set(caps, Some("w"), at(1));
        }
        _ => return false,
    }
    true
}

/// "this week", "later this year", "this past weekend", "last fall".
pub fn relative_period(caps: &mut Captures, hay: &str, m: Span) -> bool {
    const POS: &[&str] = &["later", "earlier", "early", "late"];
    const PERIODS: &[&str] = &["week", "month", "year", "quarter", "weekend", "decade"];
    let t = &hay.as_bytes()[m.range()];
    let Some((w, n)) = words::<4>(t, is_space) else {
        return false;
    };
    if n < 2 {
        return false;
    }
    start(caps, m);
    let mut rel = 0;
    if is_any(&t[w[0].clone()], POS) {
        set(caps, Some("pos"), shift(w[0].clone(), m.start));
        rel = 1;
    }
    set(
        caps,
        Some("rel"),
        m.start + w[rel].start..m.start + w[n - 2].end,
    );
    let last = shift(w[n - 1].clone(), m.start);
    if is_any(&t[w[n - 1].clone()], PERIODS) {
        set(caps, Some("g"), last);
    } else {
        set(caps, Some("season"), last);
    }
    true
}

/// "three years", "10-day", "a minute": the number and the unit.
pub fn plain_duration(caps: &mut Captures, hay: &str, m: Span) -> bool {
    let t = &hay.as_bytes()[m.range()];
    let Some((w, 2)) = words::<2>(t, space_or_hyphen) else {
        return false;
    };
    if !number_word(&t[w[0].clone()]) || !is_any(&t[w[1].clone()], UNITS) {
        return false;
    }
    start(caps, m);
    set(caps, Some("n"), shift(w[0].clone(), m.start));
    set(caps, Some("unit"), shift(w[1].clone(), m.start));
    true
}

/// "the past three years", "the next few days", "the first quarter".
pub fn span_duration(caps: &mut Captures, hay: &str, m: Span) -> bool {
    const Q: &[&str] = &[
        "past",
        "last",
        "next",
        "coming",
        "previous",
        "first",
        "final",
        "following",
        "preceding",
        "ensuing",
        "remaining",
        "same",
        "latest",
    ];
    let t = &hay.as_bytes()[m.range()];
    let Some((w, n)) = words::<4>(t, is_space) else {
        return false;
    };
    let word = |i: usize| &t[w[i].clone()];
    if n < 3 || !word(0).eq_ignore_ascii_case(b"the") || !is_any(word(n - 1), UNITS) {
        return false;
    }
    let (q, num) = match n {
        3 if is_any(word(1), Q) => (Some(1), None),
        3 if number_word(word(1)) => (None, Some(1)),
        4 if is_any(word(1), Q) && number_word(word(2)) => (Some(1), Some(2)),
        _ => return false,
    };
    start(caps, m);
    if let Some(i) = q {
        set(caps, Some("q"), shift(w[i].clone(), m.start));
    }
    if let Some(i) = num {
        set(caps, Some("n"), shift(w[i].clone(), m.start));
    }
    set(caps, Some("unit"), shift(w[n - 1].clone(), m.start));
    true
}

/// "10 years ago", "a year earlier", "months ago".
pub fn ago(caps: &mut Captures, hay: &str, m: Span) -> bool {
    let t = &hay.as_bytes()[m.range()];
    let Some((w, n)) = words::<3>(t, is_space) else {
        return false;
    };
    let word = |i: usize| &t[w[i].clone()];
    // "some" may also be the approximation before a bare unit.
    let number = n == 3 && number_word(word(0)) && !word(0).eq_ignore_ascii_case(b"some");
    if !(number || n == 2) || !is_any(word(n - 2), UNITS) {
        return false;
    }
    start(caps, m);
    if number {
        set(caps, Some("n"), shift(w[0].clone(), m.start));
    } else {
        set(caps, Some("bare"), m.start..m.start);
    }
    set(caps, Some("unit"), shift(w[n - 2].clone(), m.start));
    set(caps, Some("dir"), shift(w[n - 1].clone(), m.start));
    true
}

/// "now", "recently", "recent years".
pub fn vague(caps: &mut Captures, hay: &str, m: Span) -> bool {
    let t = &hay.as_bytes()[m.range()];
    let first = t.iter().position(|&b| is_space(b)).unwrap_or(t.len());
    start(caps, m);
    if first < t.len() && is_any(&t[..first], &["recent", "coming", "past"]) {
        set(caps, Some("rec"), m.start..m.start + first);
        let unit = first + t[first..].iter().take_while(|&&b| is_space(b)).count();
        set(caps, Some("unit"), m.start + unit..m.end);
    } else {
        set(caps, Some("v"), m.range());
    }
    true
}

/// "every day", "each week", "daily".
pub fn set_word(caps: &mut Captures, hay: &str, m: Span) -> bool {
    let t = &hay.as_bytes()[m.range()];
    start(caps, m);
    match t.iter().position(|&b| is_space(b)) {
        Some(p) => {
            let g = p + t[p..].iter().take_while(|&&b| is_space(b)).count();
            set(caps, Some("g"), m.start + g..m.end);
        }
        None => set(caps, Some("adv"), m.range()),
    }
    true
}

/// "fiscal 1998", "mid-2017", "1998": `y` is the last four bytes; `fy` the
/// leading "fiscal", "calendar" or "the year", when there is one.
pub fn year(caps: &mut Captures, hay: &str, m: Span) -> bool {
    let text = &hay.as_bytes()[m.range()];
    let lead = &text[..text.len() - 4];
    let word =
        |w: &str| lead.len() >= w.len() && lead[..w.len()].eq_ignore_ascii_case(w.as_bytes());
    let fy_len = if word("fiscal") {
        Some(6)
    } else if word("calendar") {
        Some(8)
    } else if word("the") {
        // "the", the regex's `\s+`, "year".
        let gap = lead[3..].iter().take_while(|&&b| is_space(b)).count();
        Some(3 + gap + 4)
    } else {
        None
    };
    start(caps, m);
    if let Some(n) = fy_len {
        set(caps, Some("fy"), m.start..m.start + n);
    }
    set(caps, Some("y"), m.end - 4..m.end);
    true
}
