//! The records that flow through the pipeline: the input [`Article`], the
//! per-article [`Extraction`] written by `extract`, and the [`RecordError`]
//! written for every record that could not be processed.
//!
//! All offsets in output records are Unicode code point offsets into the
//! record's output `text`, end exclusive (what Python's `str` indexes).

use serde::{Deserialize, Deserializer, Serialize};
use std::collections::HashSet;
use std::sync::{LazyLock, Mutex};

/// Version of the output schema, written into every output record.
pub const SCHEMA_VERSION: u32 = 1;

/// Where a record came from: enough to find it again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Input file path, or `-` for standard input.
    pub file: String,
    /// 1-based line number for JSONL input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// 1-based record number for WARC input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<u64>,
    /// The WARC record's identity, for WARC input.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub warc: Option<Box<WarcInfo>>,
}

/// Where a WARC record came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarcInfo {
    /// WARC-Record-ID.
    pub record_id: Option<String>,
    /// WARC-Date: when the page was fetched.
    pub fetch_date: Option<String>,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.record) {
            (Some(line), _) => write!(f, "{}:{}", self.file, line),
            (None, Some(record)) => write!(f, "{} record {}", self.file, record),
            (None, None) => f.write_str(&self.file),
        }
    }
}

/// A label from a small fixed vocabulary: a date type, a partnership type or
/// status. (An alias, so that serde does not take the field as borrowed.)
pub type Label = &'static str;

/// Reading records back (`run --resume`) interns each distinct label once.
pub(crate) fn interned<'de, D: Deserializer<'de>>(d: D) -> Result<Label, D::Error> {
    static LABELS: LazyLock<Mutex<HashSet<&'static str>>> = LazyLock::new(Default::default);
    let s = String::deserialize(d)?;
    let mut labels = LABELS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(l) = labels.get(s.as_str()) {
        return Ok(l);
    }
    let l: &'static str = Box::leak(s.into_boxed_str());
    labels.insert(l);
    Ok(l)
}

/// Whether an article arrives as visible text or as a raw HTML page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Text(String),
    Html(String),
}

/// One input article, whatever format it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The id given by the input, or one derived from the source.
    pub id: String,
    pub body: Body,
    /// Publication date or datetime (ISO 8601) as given by the input.
    pub date: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// The byline, when the input record carries one.
    pub author: Option<String>,
    /// The publishing site's name, when the input record carries one.
    pub site_name: Option<String>,
    pub source: Source,
}

/// The host of a URL ("www.docker.com" of "https://www.docker.com:443/blog?x"),
/// or the text up to its first "/", ":", "?" or "#" when it has no scheme.
pub fn url_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', ':', '?', '#']).next().unwrap_or(rest)
}

/// Output of `clean`: the main text of the page, one block per line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cleaned {
    pub id: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The byline: the input record's, else read from an HTML page's metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The publishing site's name: the input record's, else read from an HTML
    /// page's metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
}

/// An organization mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgMention {
    /// Canonical name shared by every mention of the same organization in the article.
    pub name: String,
    /// The text as written.
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A time expression with its TIMEX3 type and value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type", deserialize_with = "interned")]
    pub kind: Label,
    /// TIMEX3 value, `None` when it cannot be resolved (e.g. no publication date).
    pub value: Option<String>,
}

/// A quotation and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
    /// Span of the speaker's mention in the attribution: the name, or a
    /// pronoun or description that `speaker` resolves.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_end: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_org: Option<String>,
}

/// A reported partnership between two organizations in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partnership {
    pub a: String,
    pub b: String,
    #[serde(rename = "type", deserialize_with = "interned")]
    pub kind: Label,
    #[serde(deserialize_with = "interned")]
    pub status: Label,
    /// Resolved TIMEX3 value of the time expression governing the evidence, if any.
    pub date: Option<String>,
    pub confidence: f32,
    /// The sentence that reports it.
    pub evidence: String,
    pub start: usize,
    pub end: usize,
}

/// Output of `extract` for one article. A stage that was not run is `None`
/// and left out of the JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub schema_version: u32,
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The byline: the input record's, else read from an HTML page's metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The publishing site's name: the input record's, else read from an HTML
    /// page's metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    pub source: Source,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orgs: Option<Vec<OrgMention>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dates: Option<Vec<DateMention>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Vec<Quote>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partnerships: Option<Vec<Partnership>>,
}

impl Extraction {
    /// Checks that every span is the output text's slice at its code point
    /// offsets (the speaker span only for bounds: it may be a pronoun that
    /// `speaker` resolves). For tests, fuzzers and readers of stored output.
    pub fn check_spans(&self) -> Result<(), String> {
        let chars: Vec<char> = self.text.chars().collect();
        let at = |what: &str, start: usize, end: usize| -> Result<String, String> {
            if start <= end && end <= chars.len() {
                Ok(chars[start..end].iter().collect())
            } else {
                Err(format!("{what} span {start}..{end} outside the text"))
            }
        };
        let same = |what: &str, start: usize, end: usize, text: &str| -> Result<(), String> {
            let found = at(what, start, end)?;
            if found == text {
                Ok(())
            } else {
                Err(format!(
                    "{what} span {start}..{end} is {found:?}, not {text:?}"
                ))
            }
        };
        for o in self.orgs.iter().flatten() {
            same("organization", o.start, o.end, &o.text)?;
        }
        for d in self.dates.iter().flatten() {
            same("date", d.start, d.end, &d.text)?;
        }
        for q in self.quotes.iter().flatten() {
            same("quote", q.start, q.end, &q.text)?;
            if let (Some(s), Some(e)) = (q.speaker_start, q.speaker_end) {
                at("speaker", s, e)?;
            }
        }
        for p in self.partnerships.iter().flatten() {
            same("evidence", p.start, p.end, &p.evidence)?;
        }
        Ok(())
    }
}

impl Cleaned {
    /// The record as one JSON line without the newline: the bytes
    /// `serde_json::to_vec` writes, with the text escaped a word at a time.
    pub fn to_json(&self) -> Vec<u8> {
        let Cleaned {
            id,
            text,
            title,
            date,
            url,
            author,
            site_name,
        } = self;
        let mut out = Vec::with_capacity(text.len() + text.len() / 16 + 64);
        out.extend_from_slice(b"{\"id\":");
        json::string(&mut out, id);
        out.extend_from_slice(b",\"text\":");
        json::string(&mut out, text);
        json::optional_string(&mut out, "title", title);
        json::optional_string(&mut out, "date", date);
        json::optional_string(&mut out, "url", url);
        json::optional_string(&mut out, "author", author);
        json::optional_string(&mut out, "site_name", site_name);
        out.push(b'}');
        out
    }
}

impl Extraction {
    /// The record as one JSON line without the newline: the bytes
    /// `serde_json::to_vec` writes (same fields, same order), with the long
    /// strings escaped a word at a time. The destructuring is exhaustive so
    /// that a new field cannot be left out silently.
    pub fn to_json(&self) -> Vec<u8> {
        let Extraction {
            schema_version,
            id,
            url,
            title,
            date,
            author,
            site_name,
            source,
            text,
            orgs,
            dates,
            quotes,
            partnerships,
        } = self;
        let mut out = Vec::with_capacity(text.len() + text.len() / 16 + 256);
        out.extend_from_slice(b"{\"schema_version\":");
        out.extend_from_slice(schema_version.to_string().as_bytes());
        out.extend_from_slice(b",\"id\":");
        json::string(&mut out, id);
        json::optional_string(&mut out, "url", url);
        json::optional_string(&mut out, "title", title);
        json::optional_string(&mut out, "date", date);
        json::optional_string(&mut out, "author", author);
        json::optional_string(&mut out, "site_name", site_name);
        json::field(&mut out, "source", source);
        out.extend_from_slice(b",\"text\":");
        json::string(&mut out, text);
        if let Some(v) = orgs {
            out.extend_from_slice(b",\"orgs\":");
            json::array(&mut out, v, OrgMention::write_json);
        }
        if let Some(v) = dates {
            out.extend_from_slice(b",\"dates\":");
            json::array(&mut out, v, DateMention::write_json);
        }
        if let Some(v) = quotes {
            out.extend_from_slice(b",\"quotes\":");
            json::array(&mut out, v, Quote::write_json);
        }
        if let Some(v) = partnerships {
            json::field(&mut out, "partnerships", v);
        }
        out.push(b'}');
        out
    }
}

impl OrgMention {
    /// Appends the JSON object serde_json writes for it.
    fn write_json(&self, out: &mut Vec<u8>) {
        let OrgMention {
            name,
            text,
            start,
            end,
        } = self;
        out.extend_from_slice(b"{\"name\":");
        json::string(out, name);
        out.extend_from_slice(b",\"text\":");
        json::string(out, text);
        json::number_field(out, "start", *start);
        json::number_field(out, "end", *end);
        out.push(b'}');
    }
}

impl DateMention {
    /// Appends the JSON object serde_json writes for it.
    fn write_json(&self, out: &mut Vec<u8>) {
        let DateMention {
            text,
            start,
            end,
            kind,
            value,
        } = self;
        out.extend_from_slice(b"{\"text\":");
        json::string(out, text);
        json::number_field(out, "start", *start);
        json::number_field(out, "end", *end);
        out.extend_from_slice(b",\"type\":");
        json::string(out, kind);
        out.extend_from_slice(b",\"value\":");
        json::string_or_null(out, value);
        out.push(b'}');
    }
}

impl Quote {
    /// Appends the JSON object serde_json writes for it.
    fn write_json(&self, out: &mut Vec<u8>) {
        let Quote {
            text,
            start,
            end,
            speaker,
            speaker_start,
            speaker_end,
            speaker_role,
            speaker_org,
        } = self;
        out.extend_from_slice(b"{\"text\":");
        json::string(out, text);
        json::number_field(out, "start", *start);
        json::number_field(out, "end", *end);
        out.extend_from_slice(b",\"speaker\":");
        json::string_or_null(out, speaker);
        if let Some(n) = speaker_start {
            json::number_field(out, "speaker_start", *n);
        }
        if let Some(n) = speaker_end {
            json::number_field(out, "speaker_end", *n);
        }
        json::optional_string(out, "speaker_role", speaker_role);
        json::optional_string(out, "speaker_org", speaker_org);
        out.push(b'}');
    }
}

/// JSON writing with serde_json's exact output, faster on long strings.
mod json {
    use serde::Serialize;

    /// `[a,b,...]`, each element written by `write`.
    pub fn array<T>(out: &mut Vec<u8>, items: &[T], write: fn(&T, &mut Vec<u8>)) {
        out.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write(item, out);
        }
        out.push(b']');
    }

    /// `,"name":n`.
    #[inline]
    pub fn number_field(out: &mut Vec<u8>, name: &str, n: usize) {
        out.extend_from_slice(b",\"");
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b"\":");
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        let mut n = n;
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        out.extend_from_slice(&digits[i..]);
    }

    /// The string, or `null`.
    pub fn string_or_null(out: &mut Vec<u8>, value: &Option<String>) {
        match value {
            Some(v) => string(out, v),
            None => out.extend_from_slice(b"null"),
        }
    }

    /// `,"name":` and the value as serde_json writes it.
    pub fn field(out: &mut Vec<u8>, name: &str, value: &impl Serialize) {
        out.extend_from_slice(b",\"");
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b"\":");
        serde_json::to_writer(&mut *out, value).expect("records serialize");
    }

    /// `,"name":"value"` when there is a value (`skip_serializing_if = "Option::is_none"`).
    pub fn optional_string(out: &mut Vec<u8>, name: &str, value: &Option<String>) {
        if let Some(v) = value {
            out.extend_from_slice(b",\"");
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(b"\":");
            string(out, v);
        }
    }

    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;

    /// The high bit of each of the eight bytes (little-endian) that may need
    /// escaping: a control character, `"` or `\\`. Only a true hit can flag
    /// the bytes after it, so the lowest flagged byte always needs escaping.
    fn needs_escape(w: u64) -> u64 {
        let control = w.wrapping_sub(ONES * 0x20) & !w;
        let q = w ^ (ONES * u64::from(b'"'));
        let quote = q.wrapping_sub(ONES) & !q;
        let b = w ^ (ONES * u64::from(b'\\'));
        let backslash = b.wrapping_sub(ONES) & !b;
        (control | quote | backslash) & HIGH
    }

    /// `s` as a JSON string, escaped as serde_json escapes it.
    pub fn string(out: &mut Vec<u8>, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let b = s.as_bytes();
        out.reserve(b.len() + 2);
        out.push(b'"');
        let mut run = 0;
        let mut i = 0;
        while i < b.len() {
            // Sixteen, then eight bytes at a time up to the next byte to escape.
            if let Some(w) = b.get(i..i + 16) {
                let lo = needs_escape(u64::from_le_bytes(w[..8].try_into().expect("8 bytes")));
                let hi = needs_escape(u64::from_le_bytes(w[8..].try_into().expect("8 bytes")));
                if lo | hi == 0 {
                    i += 16;
                    continue;
                }
                i += if lo != 0 {
                    lo.trailing_zeros() as usize / 8
                } else {
                    8 + hi.trailing_zeros() as usize / 8
                };
            } else {
                // Eight bytes, or the last few padded with spaces (which
                // need no escaping): a short name is one word, not a
                // byte-by-byte walk.
                let mut w = [b' '; 8];
                let n = (b.len() - i).min(8);
                w[..n].copy_from_slice(&b[i..i + n]);
                let hits = needs_escape(u64::from_le_bytes(w));
                if hits == 0 {
                    i += n;
                    continue;
                }
                i += hits.trailing_zeros() as usize / 8;
            }
            let c = b[i];
            let short = match c {
                b'"' => b'"',
                b'\\' => b'\\',
                b'\n' => b'n',
                b'\r' => b'r',
                b'\t' => b't',
                0x08 => b'b',
                0x0c => b'f',
                0..0x20 => 0,
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.extend_from_slice(&b[run..i]);
            // Fixed-size pieces: copied in place rather than by a call.
            if short != 0 {
                out.extend_from_slice(&[b'\\', short]);
            } else {
                let hex = [HEX[usize::from(c >> 4)], HEX[usize::from(c & 0xf)]];
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex[0], hex[1]]);
            }
            i += 1;
            run = i;
        }
        out.extend_from_slice(&b[run..]);
        out.push(b'"');
    }
}

/// A record that could not be read or processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordError {
    /// The record id when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub source: Source,
    pub error: String,
}

impl RecordError {
    pub fn new(source: Source, error: impl Into<String>) -> Self {
        RecordError {
            id: None,
            source,
            error: error.into(),
        }
    }
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.source, self.error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_hosts() {
        assert_eq!(
            url_host("https://www.docker.com:443/blog?x=1"),
            "www.docker.com"
        );
        assert_eq!(url_host("http://bokun.io?ref=a"), "bokun.io");
        assert_eq!(url_host("example.org/path#top"), "example.org");
    }

    /// Every byte below 0x80 and some multi-byte characters, at every
    /// offset within an eight-byte word.
    fn tricky() -> String {
        let mut s = String::new();
        for pad in 0..8 {
            s.push_str(&"x".repeat(pad));
            s.extend((0u8..0x80).map(char::from));
            s.push_str("é“quoted”\u{1f600}\u{7f}");
        }
        s
    }

    #[test]
    fn short_strings_are_escaped_as_serde_json_escapes_them() {
        // Every length up to two words, with a byte to escape (or none) at
        // every position: the last bytes of a string are read padded.
        for len in 0..20 {
            for special in ["", "\"", "\\", "\n", "\u{1}", "\u{1f}", "é", " "] {
                for at in 0..=len {
                    let s = format!("{}{special}{}", "A".repeat(at), "b".repeat(len - at));
                    let mut out = Vec::new();
                    json::string(&mut out, &s);
                    assert_eq!(out, serde_json::to_vec(&s).unwrap(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn extraction_json_is_serde_json_byte_for_byte() {
        let t = tricky();
        let mut e = Extraction {
            schema_version: SCHEMA_VERSION,
            id: t.clone(),
            url: Some("https://x/\"a\"".into()),
            title: Some(t.clone()),
            date: Some("2024-06-01".into()),
            author: Some("Jane \"JD\" Doe".into()),
            site_name: Some(t.clone()),
            source: Source {
                file: "in\\put.jsonl".into(),
                line: Some(3),
                record: None,
                warc: Some(Box::new(WarcInfo {
                    record_id: Some("<urn:x>".into()),
                    fetch_date: None,
                })),
            },
            text: t.clone(),
            orgs: Some(vec![OrgMention {
                name: "A\tB".into(),
                text: "A\nB".into(),
                start: 0,
                end: 3,
            }]),
            dates: Some(vec![
                DateMention {
                    text: "today".into(),
                    start: 1,
                    end: 6,
                    kind: "DATE",
                    value: None,
                },
                DateMention {
                    text: t.clone(),
                    start: 0,
                    end: usize::MAX,
                    kind: "DURATION",
                    value: Some("P3Y\"".into()),
                },
            ]),
            quotes: Some(vec![
                Quote {
                    text: t.clone(),
                    start: 0,
                    end: 1,
                    speaker: Some("X".into()),
                    speaker_start: Some(2),
                    speaker_end: Some(3),
                    speaker_role: None,
                    speaker_org: Some("Y".into()),
                },
                Quote {
                    text: "\u{201c}Yes\u{201d}".into(),
                    start: 10,
                    end: 15,
                    speaker: None,
                    speaker_start: None,
                    speaker_end: Some(7),
                    speaker_role: Some("chief \\ executive".into()),
                    speaker_org: None,
                },
            ]),
            partnerships: Some(vec![Partnership {
                a: "A".into(),
                b: "B".into(),
                kind: "supply",
                status: "announced",
                date: None,
                confidence: 0.7,
                evidence: t.clone(),
                start: 0,
                end: 9,
            }]),
        };
        assert_eq!(e.to_json(), serde_json::to_vec(&e).unwrap());
        e.url = None;
        e.title = None;
        e.date = None;
        e.author = None;
        e.source = Source::default();
        e.orgs = None;
        e.dates = Some(Vec::new());
        e.quotes = None;
        e.partnerships = None;
        e.text = String::new();
        assert_eq!(e.to_json(), serde_json::to_vec(&e).unwrap());
    }

    #[test]
    fn cleaned_json_is_serde_json_byte_for_byte() {
        let mut c = Cleaned {
            id: "1".into(),
            text: tricky(),
            title: Some("T\"".into()),
            date: None,
            url: Some("u".into()),
            author: None,
            site_name: Some("Daily \u{e9}".into()),
        };
        assert_eq!(c.to_json(), serde_json::to_vec(&c).unwrap());
        c.title = None;
        c.site_name = None;
        c.text = "short".into();
        assert_eq!(c.to_json(), serde_json::to_vec(&c).unwrap());
    }
}
