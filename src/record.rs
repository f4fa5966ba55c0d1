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
    pub source: Source,
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
