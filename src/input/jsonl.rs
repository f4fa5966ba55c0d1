//! JSONL dumps: one article per line. Accepts the project's own field names
//! (`id`, `text`, `html`, `date`, `url`, `title`) and those written by
//! news-please (`maintext`, `date_publish`, `title`, `url`) and trafilatura
//! (`text`, `raw_html`, `date`, `source`).

use super::{decode_utf8, InputConfig};
use crate::record::{Article, Body, RecordError, Source};
use serde::Deserialize;
use std::borrow::Cow;
use std::io::BufRead;

#[derive(Deserialize)]
struct RawRecord<'a> {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default, borrow)]
    text: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    maintext: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    html: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    raw_html: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    date: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    date_publish: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub_date: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    url: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    source: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    title: Option<Cow<'a, str>>,
}

/// Reads one JSONL stream line by line.
pub struct JsonlReader {
    reader: Box<dyn BufRead + Send>,
    file: String,
    line: u64,
    config: InputConfig,
    buf: Vec<u8>,
    bytes: u64,
    done: bool,
}

impl JsonlReader {
    pub fn new(reader: Box<dyn BufRead + Send>, file: String, config: InputConfig) -> Self {
        JsonlReader {
            reader,
            file,
            line: 0,
            config,
            buf: Vec::new(),
            bytes: 0,
            done: false,
        }
    }

    /// Bytes consumed since the last call.
    pub fn take_bytes(&mut self) -> u64 {
        std::mem::take(&mut self.bytes)
    }

    fn source(&self) -> Source {
        Source {
            file: self.file.clone(),
            line: Some(self.line),
            ..Default::default()
        }
    }
}

impl Iterator for JsonlReader {
    type Item = Result<Article, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            self.line += 1;
            let limit = self.config.max_record_bytes;
            match read_line_within(&mut self.reader, &mut self.buf, limit) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(n) if n > self.buf.len() as u64 => {
                    self.bytes += n;
                    self.buf.clear();
                    let error = super::too_long("line", n, limit);
                    return Some(Err(RecordError::new(self.source(), error)));
                }
                Ok(n) => self.bytes += n,
                Err(e) => {
                    // A truncated or corrupt stream: report where it broke and stop this file.
                    self.done = true;
                    return Some(Err(RecordError::new(
                        self.source(),
                        format!("read error: {e}"),
                    )));
                }
            }
            if self.buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            let source = self.source();
            // Valid UTF-8 (the common case) is parsed where it lies: the
            // buffer keeps its capacity for the next line.
            if let Ok(line) = std::str::from_utf8(&self.buf) {
                let line = line.strip_prefix('\u{feff}').unwrap_or(line);
                return Some(parse_line(line, source));
            }
            let bytes = std::mem::take(&mut self.buf);
            let line = match decode_utf8(bytes, self.config.strict_utf8) {
                Ok(l) => l,
                Err(e) => return Some(Err(RecordError::new(source, e))),
            };
            return Some(parse_line(&line, source));
        }
    }
}

/// Reads through the next newline, keeping at most `limit` bytes in `buf`
/// (nothing of a longer line). Returns the bytes consumed, newline included.
fn read_line_within(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<u64> {
    let mut consumed = 0u64;
    let mut over = false;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(consumed);
        }
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if !over && buf.len() + take <= limit.saturating_add(1) {
            buf.extend_from_slice(&chunk[..take]);
        } else {
            over = true;
            buf.clear();
        }
        reader.consume(take);
        consumed += take as u64;
        if done {
            return Ok(consumed);
        }
    }
}

/// Parses one JSON line into an article.
pub fn parse_line(line: &str, source: Source) -> Result<Article, RecordError> {
    let raw: RawRecord = serde_json::from_str(line.trim())
        .map_err(|e| RecordError::new(source.clone(), format!("invalid JSON record: {e}")))?;
    let id = match raw.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        None | Some(serde_json::Value::Null) => source.to_string(),
        Some(other) => {
            return Err(RecordError::new(
                source,
                format!("invalid JSON record: `id` must be a string or number, got {other}"),
            ))
        }
    };
    let text = raw.text.or(raw.maintext);
    let html = raw.html.or(raw.raw_html);
    // A field that is present but empty is an empty article (its output is
    // empty text); a record without either field is an error.
    let body = match (text, html) {
        (_, Some(h)) if !h.trim().is_empty() => Body::Html(clean_nul(h)),
        (Some(t), _) => Body::Text(lf_line_ends(clean_nul(t))),
        (None, Some(h)) => Body::Html(clean_nul(h)),
        (None, None) => {
            return Err(RecordError {
                id: Some(id),
                source,
                error: "record has neither text nor html".into(),
            })
        }
    };
    let url = raw
        .url
        .or(raw.source.filter(|s| s.starts_with("http")))
        .map(Cow::into_owned);
    Ok(Article {
        id,
        body,
        date: raw
            .date
            .or(raw.date_publish)
            .or(raw.pub_date)
            .map(Cow::into_owned),
        url,
        title: raw.title.map(Cow::into_owned),
        source,
    })
}

/// CRLF line ends as LF; the text is copied only when it holds a CR.
fn lf_line_ends(s: String) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n")
    } else {
        s
    }
}

fn clean_nul(s: Cow<'_, str>) -> String {
    if s.contains('\0') {
        s.replace('\0', "")
    } else {
        s.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src() -> Source {
        Source {
            file: "in.jsonl".into(),
            line: Some(3),
            ..Default::default()
        }
    }

    #[test]
    fn reads_project_fields() {
        let a = parse_line(
            r#"{"id": "a1", "text": "Hello", "date": "2018-06-06", "url": "u", "title": "T"}"#,
            src(),
        )
        .unwrap();
        assert_eq!(a.id, "a1");
        assert_eq!(a.body, Body::Text("Hello".into()));
        assert_eq!(a.date.as_deref(), Some("2018-06-06"));
        assert_eq!(a.title.as_deref(), Some("T"));
    }

    #[test]
    fn reads_news_please_fields() {
        let a = parse_line(
            r#"{"maintext": "Body", "date_publish": "2019-01-02 10:00:00", "url": "http://x", "title": "T"}"#,
            src(),
        )
        .unwrap();
        assert_eq!(a.id, "in.jsonl:3");
        assert_eq!(a.body, Body::Text("Body".into()));
        assert_eq!(a.date.as_deref(), Some("2019-01-02 10:00:00"));
    }

    #[test]
    fn html_wins_over_text_and_ids_may_be_numbers() {
        let a = parse_line(r#"{"id": 7, "raw_html": "<p>x</p>", "text": "x"}"#, src()).unwrap();
        assert_eq!(a.id, "7");
        assert!(matches!(a.body, Body::Html(_)));
    }

    #[test]
    fn lines_with_a_bom_or_bad_bytes_still_read() {
        let input: &[u8] =
            b"\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"One\"}\n{\"id\": \"b\", \"text\": \"T\xFFwo\"}\n\n{\"id\": \"c\", \"text\": \"Three\"}\n";
        let reader = JsonlReader::new(
            Box::new(std::io::Cursor::new(input)),
            "in.jsonl".into(),
            InputConfig::default(),
        );
        let texts: Vec<String> = reader
            .map(|r| match r.unwrap().body {
                Body::Text(t) => t,
                Body::Html(h) => h,
            })
            .collect();
        assert_eq!(texts, ["One", "T\u{fffd}wo", "Three"]);
    }

    #[test]
    fn errors_name_the_problem() {
        let e = parse_line(r#"{"id": "a", "text": 5}"#, src()).unwrap_err();
        assert!(e.error.contains("invalid type"), "{}", e.error);
        let e = parse_line(r#"{"id": "a"}"#, src()).unwrap_err();
        assert_eq!(e.error, "record has neither text nor html");
        assert_eq!(e.id.as_deref(), Some("a"));
        let a = parse_line(r#"{"id": "a", "text": ""}"#, src()).unwrap();
        assert_eq!(a.body, Body::Text(String::new()));
        let e = parse_line("{not json", src()).unwrap_err();
        assert!(e.to_string().starts_with("in.jsonl:3: invalid JSON record"));
    }
}
