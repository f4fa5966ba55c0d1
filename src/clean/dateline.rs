//! The publication date of a text dump, read from its dateline: a short line
//! near the top that is mostly a date ("March 12, 2024 | 6:45 pm CET",
//! "Published 24 July 2024", "Thu, Oct 24 2024 8:02 AM BST", "06-Jun-2023").
//! A "Published" line wins over others; "Updated" lines are skipped.

use regex::Regex;
use std::sync::LazyLock;

const MONTHS: &str = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(&format!(
        r"(?i)(?-u:\b)(?:{MONTHS}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[\s-]+(?:of\s+)?{m2}[\s,-]+(?P<y2>(?:19|20)\d\d)|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)(?:T[\d:]+)?|(?P<a4>\d{{1,2}})[/.](?P<b4>\d{{1,2}})[/.](?P<y4>(?:19|20)\d\d))(?-u:\b)",
        m2 = MONTHS.replace("?P<mon>", "?P<mon2>")
    ))
    .expect("dateline pattern")
});

/// Lines looked at, from the top of the dump.
const HEAD_LINES: usize = 60;
/// A dateline is short: the date, a weekday, a time, "Published", a byline.
const MAX_WORDS: usize = 12;

fn month_number(name: &str) -> Option<u32> {
    let n = name.to_ascii_lowercase();
    let i = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| n.starts_with(m))?;
    Some(i as u32 + 1)
}

fn iso(y: &str, m: u32, d: u32) -> Option<String> {
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y}-{m:02}-{d:02}"))
}

/// The date written on one line, as `YYYY-MM-DD`.
fn date_in(line: &str) -> Option<String> {
    let c = DATE.captures(line)?;
    let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
    if let Some(y) = c.name("y1") {
        return iso(
            y.as_str(),
            month_number(c.name("mon")?.as_str())?,
            num("d1")?,
        );
    }
    if let Some(y) = c.name("y2") {
        return iso(
            y.as_str(),
            month_number(c.name("mon2")?.as_str())?,
            num("d2")?,
        );
    }
    if let Some(y) = c.name("y3") {
        return iso(y.as_str(), num("m3")?, num("d3")?);
    }
    let (a, b) = (num("a4")?, num("b4")?);
    // Day first when the first number cannot be a month, else US order.
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    iso(c.name("y4")?.as_str(), m, d)
}

/// Whether `line` holds a 19xx or 20xx digit run, which every date form
/// needs: most lines are skipped without running the pattern.
fn has_year(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr2_iter(b'1', b'2', b).any(|i| {
        b.get(i..i + 4).is_some_and(|w| {
            matches!(&w[..2], b"19" | b"20") && w[2].is_ascii_digit() && w[3].is_ascii_digit()
        })
    })
}

/// The publication date given by the dateline of a text dump, if any.
pub fn dateline(dump: &str) -> Option<String> {
    let mut first = None;
    for line in dump
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEAD_LINES)
    {
        if !has_year(line) || line.split_whitespace().count() > MAX_WORDS {
            continue;
        }
        let lower = line.to_ascii_lowercase();
        if lower.starts_with("updated") || lower.contains('©') || lower.contains("copyright") {
            continue;
        }
        if let Some(d) = date_in(line) {
            if lower.starts_with("published") || lower.starts_with("posted") {
                return Some(d);
            }
            first.get_or_insert(d);
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_common_dateline_forms() {
        for (line, want) in [
            ("March 12, 2024 | 6:45 pm CET", "2024-03-12"),
            ("Published 24 July 2024", "2024-07-24"),
            ("Thursday 14 September 2023", "2023-09-14"),
            ("Published: 22/05/2024", "2024-05-22"),
            ("06-Jun-2023 By Paul Hendry", "2023-06-06"),
            ("Published Thu, Oct 24 2024 8:02 AM BST", "2024-10-24"),
            ("2021-02-03T10:00", "2021-02-03"),
        ] {
            assert_eq!(dateline(line).as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn published_wins_and_prose_and_footers_are_ignored() {
        let dump = "Updated Oct 25 2024\nMenu\nPublished Oct 24 2024\n\
            The company said on March 3, 2021 that it had grown its sales by a fifth over the year.\n\
            © 2024 Markets Now";
        assert_eq!(dateline(dump).as_deref(), Some("2024-10-24"));
        assert_eq!(dateline("Copyright © 2023 Example Ltd\nNo date here"), None);
    }
}
