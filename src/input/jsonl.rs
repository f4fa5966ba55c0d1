//! JSONL dumps: one article per line. Accepts the project's own field names
//! (`id`, `text`, `html`, `date`, `url`, `title`, `author`, `site_name`) and
//! those written by news-please (`maintext`, `date_publish`, `title`, `url`,
//! `authors`) and trafilatura (`text`, `raw_html`, `date`, `source`,
//! `author`, `sitename`).

use super::{decode_utf8, InputConfig};
use crate::record::{Article, Body, RecordError, Source};
use serde::Deserialize;
use std::borrow::Cow;
use std::io::BufRead;

#[derive(Deserialize, Default)]
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
    /// Read leniently (a string, a list of names, an object with a `name`):
    /// a byline in an unexpected shape must not cost the article.
    #[serde(default)]
    author: Option<serde_json::Value>,
    #[serde(default)]
    authors: Option<serde_json::Value>,
    #[serde(default, borrow)]
    site_name: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    sitename: Option<Cow<'a, str>>,
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
    let line = line.trim();
    let raw = match parse_flat(line) {
        Some(raw) => raw,
        None => serde_json::from_str(line)
            .map_err(|e| RecordError::new(source.clone(), format!("invalid JSON record: {e}")))?,
    };
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
        author: [raw.author, raw.authors].iter().flatten().find_map(names),
        site_name: raw
            .site_name
            .or(raw.sitename)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        source,
    })
}

/// The byline held by an `author`/`authors` value: a string, the names of a
/// list joined with ", ", or an object's `name`; `None` when it holds none.
fn names(value: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    let joined = match value {
        Value::String(s) => s.trim().to_string(),
        Value::Array(items) => items
            .iter()
            .filter_map(names)
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(map) => return map.get("name").and_then(names),
        _ => return None,
    };
    (!joined.is_empty()).then_some(joined)
}

/// The common record read without serde: a flat object whose fields of
/// `RawRecord` hold strings, each unescaped in one copy; its other fields
/// are read past. `None` for anything else (a field of ours that is not a
/// string, a repeated one, surrogate escapes, deep nesting, bad JSON):
/// serde then reads the line, so values and errors stay serde's.
fn parse_flat(line: &str) -> Option<RawRecord<'_>> {
    let b = line.as_bytes();
    let mut raw = RawRecord::default();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_ws(b, i + 1);
    if b.get(i) == Some(&b'}') {
        return (skip_ws(b, i + 1) == b.len()).then_some(raw);
    }
    loop {
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let (key, after) = json_string(line, i + 1)?;
        i = skip_ws(b, after);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, read_value(&mut raw, &key, line, skip_ws(b, i + 1))?);
        match b.get(i) {
            Some(b',') => i = skip_ws(b, i + 1),
            Some(b'}') => return (skip_ws(b, i + 1) == b.len()).then_some(raw),
            _ => return None,
        }
    }
}

/// Reads the value at byte `i` of `line` for field `key` into `raw` and
/// returns the index past it. A field of `RawRecord` must hold a string
/// and come once; another field's value is read past (extra metadata such
/// as "domain", "wordcount" or "tags").
fn read_value<'a>(raw: &mut RawRecord<'a>, key: &str, line: &'a str, i: usize) -> Option<usize> {
    let string_field = match key {
        "id" | "author" | "authors" => None,
        "text" => Some(&mut raw.text),
        "maintext" => Some(&mut raw.maintext),
        "html" => Some(&mut raw.html),
        "raw_html" => Some(&mut raw.raw_html),
        "date" => Some(&mut raw.date),
        "date_publish" => Some(&mut raw.date_publish),
        "pub_date" => Some(&mut raw.pub_date),
        "url" => Some(&mut raw.url),
        "source" => Some(&mut raw.source),
        "title" => Some(&mut raw.title),
        "site_name" => Some(&mut raw.site_name),
        "sitename" => Some(&mut raw.sitename),
        _ => return skip_value(line, i, 0),
    };
    if line.as_bytes().get(i) != Some(&b'"') {
        return None;
    }
    let (value, after) = json_string(line, i + 1)?;
    match string_field {
        Some(field) if field.is_none() => *field = Some(value),
        Some(_) => return None,
        None => {
            // `authors` (a list, as a rule) is left to serde.
            let field = match key {
                "id" => &mut raw.id,
                "author" => &mut raw.author,
                _ => return None,
            };
            if field.is_some() {
                return None;
            }
            *field = Some(serde_json::Value::String(value.into_owned()));
        }
    }
    Some(after)
}

/// Nesting deeper than this is left to serde (whose limit is 128).
const MAX_NESTING: usize = 64;

/// The index past the JSON value starting at byte `i` of `line`, read
/// strictly to the JSON grammar; `None` for a malformed one (a number with
/// a leading zero, a trailing comma) or one nested deeper than `MAX_NESTING`.
fn skip_value(line: &str, i: usize, depth: usize) -> Option<usize> {
    let b = line.as_bytes();
    match *b.get(i)? {
        b'"' => json_string(line, i + 1).map(|(_, after)| after),
        b't' | b'f' | b'n' => ["true", "false", "null"]
            .iter()
            .find(|w| b[i..].starts_with(w.as_bytes()))
            .map(|w| i + w.len()),
        open @ (b'[' | b'{') if depth < MAX_NESTING => {
            let close = if open == b'[' { b']' } else { b'}' };
            let mut j = skip_ws(b, i + 1);
            if b.get(j) == Some(&close) {
                return Some(j + 1);
            }
            loop {
                if open == b'{' {
                    if b.get(j) != Some(&b'"') {
                        return None;
                    }
                    j = skip_ws(b, json_string(line, j + 1)?.1);
                    if b.get(j) != Some(&b':') {
                        return None;
                    }
                    j = skip_ws(b, j + 1);
                }
                j = skip_ws(b, skip_value(line, j, depth + 1)?);
                match b.get(j) {
                    Some(b',') => j = skip_ws(b, j + 1),
                    Some(&c) if c == close => return Some(j + 1),
                    _ => return None,
                }
            }
        }
        b'[' | b'{' => None,
        _ => skip_number(b, i),
    }
}

/// The index past the JSON number at `i`.
fn skip_number(b: &[u8], mut i: usize) -> Option<usize> {
    let digits = |i: usize| i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    i = match b.get(i)? {
        b'0' => i + 1,
        b'1'..=b'9' => digits(i),
        _ => return None,
    };
    // A fraction or an exponent needs a digit.
    let some_digits = |i: usize| Some(digits(i)).filter(|&end| end > i);
    if b.get(i) == Some(&b'.') {
        i = some_digits(i + 1)?;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        i = some_digits(i)?;
    }
    Some(i)
}

/// The index of the first byte at or after `i` that is not JSON white space.
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b
        .get(i)
        .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    {
        i += 1;
    }
    i
}

/// The JSON string whose contents start at byte `start` of `line` (just
/// past its opening quote), unescaped, and the index past its closing
/// quote. `None` where serde might read it otherwise or reject it: a raw
/// control character, a surrogate or malformed escape, no closing quote.
fn json_string(line: &str, start: usize) -> Option<(Cow<'_, str>, usize)> {
    let b = line.as_bytes();
    let mut owned: Option<String> = None;
    let mut i = start;
    loop {
        let j = i + string_end(&b[i..])?;
        if b[j] < 0x20 {
            return None;
        }
        // `i` and `j` sit at ASCII bytes or past escapes: char boundaries.
        let run = &line[i..j];
        if b[j] == b'"' {
            let value = match owned {
                None => Cow::Borrowed(run),
                Some(mut s) => {
                    s.push_str(run);
                    Cow::Owned(s)
                }
            };
            return Some((value, j + 1));
        }
        let s = owned.get_or_insert_with(|| String::with_capacity(b.len() - start));
        s.push_str(run);
        let (c, len) = match *b.get(j + 1)? {
            b'"' => ('"', 2),
            b'\\' => ('\\', 2),
            b'/' => ('/', 2),
            b'b' => ('\u{8}', 2),
            b'f' => ('\u{c}', 2),
            b'n' => ('\n', 2),
            b'r' => ('\r', 2),
            b't' => ('\t', 2),
            b'u' => {
                let hex = b.get(j + 2..j + 6)?;
                let v = hex
                    .iter()
                    .try_fold(0u32, |v, &h| Some(v << 4 | (h as char).to_digit(16)?))?;
                // Surrogates (pairs or lone) are left to serde.
                (
                    char::from_u32(v).filter(|_| !(0xD800..0xE000).contains(&v))?,
                    6,
                )
            }
            _ => return None,
        };
        s.push(c);
        i = j + len;
    }
}

/// The first quote, backslash or control character (below 0x20) in `b`:
/// where a run of plain string bytes ends.
fn string_end(b: &[u8]) -> Option<usize> {
    let plain = |c: u8| c >= 0x20 && c != b'"' && c != b'\\';
    let mut at = 0;
    #[cfg(target_arch = "x86_64")]
    while at + 16 <= b.len() {
        use std::arch::x86_64::*;
        // SAFETY: SSE2 is part of x86_64; the 16 bytes loaded lie in `b`.
        let special = unsafe {
            let v = _mm_loadu_si128(b.as_ptr().add(at).cast());
            let control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
            let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
            let slash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
            _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, slash)))
        };
        if special != 0 {
            return Some(at + special.trailing_zeros() as usize);
        }
        at += 16;
    }
    b[at..].iter().position(|&c| !plain(c)).map(|k| at + k)
}

/// CRLF line ends as LF; the text is copied only when it holds a CR.
fn lf_line_ends(s: String) -> String {
    // `memchr` (SIMD) rather than `str::contains` (a word at a time).
    if memchr::memchr(b'\r', s.as_bytes()).is_some() {
        s.replace("\r\n", "\n")
    } else {
        s
    }
}

fn clean_nul(s: Cow<'_, str>) -> String {
    if memchr::memchr(0, s.as_bytes()).is_some() {
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

    /// Every field serde reads, as strings, to compare the two readers.
    fn fields(r: &RawRecord) -> Vec<Option<String>> {
        let id = r.id.as_ref().map(|v| v.to_string());
        let author = r.author.as_ref().map(|v| v.to_string());
        let cows = [
            &r.text,
            &r.maintext,
            &r.html,
            &r.raw_html,
            &r.date,
            &r.date_publish,
            &r.pub_date,
            &r.url,
            &r.source,
            &r.title,
            &r.site_name,
            &r.sitename,
        ];
        [id, author]
            .into_iter()
            .chain(cows.iter().map(|c| c.as_deref().map(str::to_string)))
            .collect()
    }

    #[test]
    fn flat_records_read_as_serde_reads_them() {
        let read = [
            r#"{"id": "a1", "text": "Line one\nLine \"two\"\t\\ \/ \u00e9\u20ac \b\f\r", "date": "2024-06-01"}"#,
            r#"  {"text":"","title":"T","url":"u","source":"s","maintext":"m","html":"h","raw_html":"r","date_publish":"d","pub_date":"p"}"#,
            r#"{"text": "x", "author": "Jane Roe", "site_name": "The Daily", "sitename": "Daily"}"#,
            "{}",
            r#"{ "id" : "\u0041" , "html" : "<p>caf\u00E9</p>" }"#,
            r#"{"te\u0078t": "escaped key"}"#,
            r#"{"id": "x", "text": "\u0000nul"}"#,
            r#"{"text": "x", "extra": "y"}"#,
            r#"{"n": -1.5e3, "text": "x", "b": true, "f": false, "z": null, "s": "\u00e9\n", "i": 0, "e": 2E+1}"#,
            r#"{"wordcount": 12}"#,
            r#"{"tags": ["a", 1, [], {}, {"k": [true, null]}], "text": "x", "o": { "a" : "b" , "c" : [ ] }}"#,
        ];
        for line in read {
            let fast = parse_flat(line.trim()).unwrap_or_else(|| panic!("fast path: {line}"));
            let slow: RawRecord = serde_json::from_str(line.trim()).unwrap();
            assert_eq!(fields(&fast), fields(&slow), "{line}");
        }
        // Left to serde: numbers and nulls in our fields, repeated fields,
        // malformed values, deep nesting, surrogates, bad escapes, raw
        // control characters, trailing bytes.
        let deep = format!(
            r#"{{"text": "x", "d": {}{}}}"#,
            "[".repeat(70),
            "]".repeat(70)
        );
        let left = [
            r#"{"id": 7, "text": "x"}"#,
            r#"{"text": null}"#,
            r#"{"text": "x", "extra": [1,]}"#,
            r#"{"text": "x", "extra": [1 2]}"#,
            r#"{"text": "x", "extra": {"a" 1}}"#,
            r#"{"text": "x", "extra": {1: 1}}"#,
            r#"{"text": "x", "extra": {"a": 1,}}"#,
            r#"{"text": "x", "extra": [}"#,
            r#"{"text": "x", "extra": ["#,
            &deep,
            r#"{"text": "x", "n": 01}"#,
            r#"{"text": "x", "n": 1.}"#,
            r#"{"text": "x", "n": -}"#,
            r#"{"text": "x", "n": 1e}"#,
            r#"{"text": "x", "n": tru}"#,
            r#"{"text": "x", "n": 12abc}"#,
            r#"{"text": "x", "s": "\x"}"#,
            r#"{"text": "x", "authors": "A"}"#,
            r#"{"text": "x", "text": "y"}"#,
            r#"{"id": "a", "id": "b"}"#,
            r#"{"author": "a", "author": "b"}"#,
            r#"{"text": "x", "authors": ["A"]}"#,
            r#"{"text": "\ud83d\ude00"}"#,
            r#"{"text": "\udc00"}"#,
            r#"{"text": "\x41"}"#,
            r#"{"text": "\u12g4"}"#,
            r#"{"text": "\u+123"}"#,
            "{\"text\": \"tab\there\"}",
            r#"{"text": "x"} x"#,
            r#"{"text": "x",}"#,
            r#"{"text": "x""#,
            r#"["text"]"#,
        ];
        for line in left {
            assert!(parse_flat(line).is_none(), "{line}");
        }
    }

    #[test]
    fn string_ends_are_found_in_every_position() {
        for len in 0..40 {
            for at in 0..len {
                for special in [b'"', b'\\', 0x01, 0x1f] {
                    // Non-ASCII bytes (é) and 0x20 are plain.
                    let mut b: Vec<u8> = "é ".bytes().cycle().take(len).collect();
                    b[at] = special;
                    assert_eq!(string_end(&b), Some(at), "{len} {at} {special}");
                }
            }
            let plain: Vec<u8> = "é ".bytes().cycle().take(len).collect();
            assert_eq!(string_end(&plain), None);
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
    fn reads_bylines_and_site_names() {
        let a = parse_line(
            r#"{"text": "x", "author": " Jane Roe ", "site_name": "The Daily"}"#,
            src(),
        )
        .unwrap();
        assert_eq!(a.author.as_deref(), Some("Jane Roe"));
        assert_eq!(a.site_name.as_deref(), Some("The Daily"));
        // news-please: a list of names; trafilatura: `sitename`.
        let a = parse_line(
            r#"{"maintext": "x", "authors": ["Jane Roe", "", "John Doe"], "sitename": "Daily"}"#,
            src(),
        )
        .unwrap();
        assert_eq!(a.author.as_deref(), Some("Jane Roe, John Doe"));
        assert_eq!(a.site_name.as_deref(), Some("Daily"));
        // Bylines in other shapes never cost the article.
        for (line, author) in [
            (
                r#"{"text": "x", "author": {"name": "Jane Roe"}}"#,
                Some("Jane Roe"),
            ),
            (r#"{"text": "x", "author": 7, "authors": []}"#, None),
            (r#"{"text": "x", "author": null, "site_name": " "}"#, None),
        ] {
            let a = parse_line(line, src()).unwrap();
            assert_eq!(a.author.as_deref(), author, "{line}");
            assert_eq!(a.site_name, None, "{line}");
        }
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
