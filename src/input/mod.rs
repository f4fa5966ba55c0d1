//! Reading articles: walk the given paths, undo compression, detect the
//! format and turn every file, line or WARC record into an [`Article`] or a
//! [`RecordError`] naming the file and line. Everything streams: a JSONL
//! dump is read one line at a time, a WARC file one record at a time.

mod charset;
mod decompress;
mod jsonl;
mod walk;
mod warc;

pub use walk::{list_inputs, shard};

use crate::record::{Article, Body, RecordError, Source};
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Input format of a file or of standard input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// From the file extension, then from the first bytes.
    Auto,
    /// One plain-text article per file (a scraped dump or clean text).
    Text,
    /// One HTML page per file.
    Html,
    /// One JSON article per line.
    Jsonl,
    /// WARC (e.g. Common Crawl CC-NEWS): HTML responses become articles.
    Warc,
}

/// How inputs are read.
#[derive(Debug, Clone, Copy)]
pub struct InputConfig {
    pub format: InputFormat,
    /// Invalid UTF-8 is an error instead of being replaced with U+FFFD.
    pub strict_utf8: bool,
    /// A record (JSON line, WARC record, one-article file) longer than this
    /// becomes an error record without being held in memory.
    pub max_record_bytes: usize,
}

/// Default of [`InputConfig::max_record_bytes`]: far above any real article.
pub const MAX_RECORD_BYTES: usize = 64 << 20;

impl Default for InputConfig {
    fn default() -> Self {
        InputConfig {
            format: InputFormat::Auto,
            strict_utf8: false,
            max_record_bytes: MAX_RECORD_BYTES,
        }
    }
}

/// The error message for a record over the limit.
fn too_long(what: &str, bytes: u64, limit: usize) -> String {
    format!(
        "{what} of {:.1} MB is over the {:.1} MB record limit",
        bytes as f64 / 1e6,
        limit as f64 / 1e6
    )
}

/// One thing to read: a file, standard input, or bytes already in memory
/// (for library callers; the name plays the part of the file name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputPath {
    Stdin,
    File(PathBuf),
    Memory { name: String, bytes: Arc<[u8]> },
}

impl InputPath {
    pub fn display_name(&self) -> String {
        match self {
            InputPath::Stdin => "-".to_string(),
            InputPath::File(p) => p.display().to_string(),
            InputPath::Memory { name, .. } => name.clone(),
        }
    }

    /// The path whose extension tells the format, if any.
    fn path(&self) -> Option<&Path> {
        match self {
            InputPath::Stdin => None,
            InputPath::File(p) => Some(p),
            InputPath::Memory { name, .. } => Some(Path::new(name)),
        }
    }
}

/// Iterator over every record of every input, in order.
pub struct Records {
    inputs: std::vec::IntoIter<InputPath>,
    config: InputConfig,
    current: Option<Stream>,
    /// Bytes read from the inputs (after decompression).
    pub bytes_read: u64,
    /// WARC records skipped because they are not HTML responses.
    pub skipped: u64,
}

/// A file read record by record.
enum Stream {
    Jsonl(jsonl::JsonlReader),
    Warc(warc::WarcReader),
}

impl Stream {
    fn next(&mut self) -> Option<Result<Article, RecordError>> {
        match self {
            Stream::Jsonl(r) => r.next(),
            Stream::Warc(r) => r.next(),
        }
    }

    /// Bytes and skipped records since the last call.
    fn take_counts(&mut self) -> (u64, u64) {
        match self {
            Stream::Jsonl(r) => (r.take_bytes(), 0),
            Stream::Warc(r) => (r.take_bytes(), r.take_skipped()),
        }
    }
}

impl Records {
    pub fn new(inputs: Vec<InputPath>, config: InputConfig) -> Self {
        Records {
            inputs: inputs.into_iter(),
            config,
            current: None,
            bytes_read: 0,
            skipped: 0,
        }
    }

    /// Opens the next input; a single-article file yields its record directly.
    fn open_next(&mut self) -> Option<Result<Article, RecordError>> {
        loop {
            let input = self.inputs.next()?;
            let name = input.display_name();
            let source = Source {
                file: name.clone(),
                line: None,
                ..Default::default()
            };
            let mut reader = match decompress::open(&input) {
                Ok(r) => r,
                Err(e) => return Some(Err(RecordError::new(source, format!("cannot open: {e}")))),
            };
            let format = match self.config.format {
                InputFormat::Auto => match detect_format(&input, &mut reader) {
                    Ok(f) => f,
                    Err(e) => {
                        return Some(Err(RecordError::new(source, format!("cannot read: {e}"))))
                    }
                },
                f => f,
            };
            let stream = match format {
                InputFormat::Jsonl => {
                    Stream::Jsonl(jsonl::JsonlReader::new(reader, name, self.config))
                }
                InputFormat::Warc => Stream::Warc(warc::WarcReader::new(reader, name, self.config)),
                _ => {
                    let result = read_whole(&input, reader, format, self.config);
                    if let Ok(a) = &result {
                        self.bytes_read += body_len(a) as u64;
                    }
                    return Some(result);
                }
            };
            self.current = Some(stream);
            if let Some(r) = self.next_from_current() {
                return Some(r);
            }
        }
    }

    fn next_from_current(&mut self) -> Option<Result<Article, RecordError>> {
        let stream = self.current.as_mut()?;
        let next = stream.next();
        let (bytes, skipped) = stream.take_counts();
        self.bytes_read = self.bytes_read.saturating_add(bytes);
        self.skipped += skipped;
        if next.is_none() {
            self.current = None;
        }
        next
    }
}

fn body_len(a: &Article) -> usize {
    match &a.body {
        Body::Text(t) | Body::Html(t) => t.len(),
    }
}

impl Iterator for Records {
    type Item = Result<Article, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(r) = self.next_from_current() {
            return Some(r);
        }
        self.open_next()
    }
}

/// Format from the extension (ignoring `.gz`/`.zst`), else from the first non-blank byte.
fn detect_format(
    input: &InputPath,
    reader: &mut Box<dyn BufRead + Send>,
) -> io::Result<InputFormat> {
    if let Some(f) = input.path().and_then(format_from_extension) {
        return Ok(f);
    }
    let buf = reader.fill_buf()?;
    let first = buf
        .iter()
        .copied()
        .skip_while(|b| b.is_ascii_whitespace() || *b == 0xEF || *b == 0xBB || *b == 0xBF)
        .take(16)
        .collect::<Vec<u8>>();
    Ok(match first.first() {
        _ if first.starts_with(b"WARC/") => InputFormat::Warc,
        Some(b'{') => InputFormat::Jsonl,
        Some(b'<') if looks_like_html(&first) => InputFormat::Html,
        _ => InputFormat::Text,
    })
}

fn looks_like_html(head: &[u8]) -> bool {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    [
        &b"<!doctype"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<!--",
        b"<meta",
        b"<div",
        b"<p",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

fn format_from_extension(p: &Path) -> Option<InputFormat> {
    let name = p.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(&name);
    let ext = name.rsplit_once('.')?.1;
    match ext {
        "jsonl" | "ndjson" | "json" => Some(InputFormat::Jsonl),
        "warc" | "arc" => Some(InputFormat::Warc),
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "txt" | "text" => Some(InputFormat::Text),
        _ => None,
    }
}

/// Decodes bytes as UTF-8 (a BOM dropped), lossily unless `strict`.
pub(crate) fn decode_utf8(bytes: Vec<u8>, strict: bool) -> Result<String, String> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if strict => Err(format!(
            "invalid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        )),
        Err(e) => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
    }
}

/// True when the bytes look like a binary file rather than text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x09 || (0x0E..0x20).contains(&b))
        .count();
    controls * 10 > head.len()
}

/// Reads a one-article file (text or HTML).
fn read_whole(
    input: &InputPath,
    mut reader: Box<dyn BufRead + Send>,
    format: InputFormat,
    config: InputConfig,
) -> Result<Article, RecordError> {
    let name = input.display_name();
    let source = Source {
        file: name.clone(),
        line: None,
        ..Default::default()
    };
    let mut bytes = Vec::new();
    let limit = config.max_record_bytes;
    if let Err(e) = (&mut reader).take(limit as u64 + 1).read_to_end(&mut bytes) {
        return Err(RecordError::new(source, format!("read error: {e}")));
    }
    if bytes.len() > limit {
        let rest = io::copy(&mut reader, &mut io::sink()).unwrap_or(0);
        let size = bytes.len() as u64 + rest;
        return Err(RecordError::new(source, too_long("file", size, limit)));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(RecordError::new(source, "empty input"));
    }
    if !charset::is_utf16(&bytes) && looks_binary(&bytes) {
        return Err(RecordError::new(source, "binary data, not text"));
    }
    let declared = match format {
        InputFormat::Html => charset::declared(None, &bytes),
        _ => None,
    };
    let content = charset::decode(bytes, declared, config.strict_utf8)
        .map_err(|e| RecordError::new(source.clone(), e))?;
    let content = if content.contains('\0') {
        content.replace('\0', "")
    } else {
        content
    };
    let body = if format == InputFormat::Html {
        Body::Html(content)
    } else {
        Body::Text(content.replace("\r\n", "\n"))
    };
    Ok(Article {
        id: article_id_from_path(input),
        body,
        date: None,
        url: None,
        title: None,
        author: None,
        site_name: None,
        source,
    })
}

/// The file name without directories and extensions (`corpus/01-acme.txt.gz` → `01-acme`).
fn article_id_from_path(input: &InputPath) -> String {
    match input.path() {
        None => "stdin".to_string(),
        Some(p) => {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("input");
            name.split('.').next().unwrap_or(name).to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_decides_format() {
        assert_eq!(
            format_from_extension(Path::new("a/b.jsonl.gz")),
            Some(InputFormat::Jsonl)
        );
        assert_eq!(
            format_from_extension(Path::new("x.HTM")),
            Some(InputFormat::Html)
        );
        assert_eq!(
            format_from_extension(Path::new("x.txt")),
            Some(InputFormat::Text)
        );
        assert_eq!(format_from_extension(Path::new("README")), None);
        assert_eq!(
            format_from_extension(Path::new("CC-NEWS-1.warc.gz")),
            Some(InputFormat::Warc)
        );
    }

    #[test]
    fn lossy_and_strict_decoding() {
        assert_eq!(decode_utf8(b"\xEF\xBB\xBFhi".to_vec(), true).unwrap(), "hi");
        assert_eq!(
            decode_utf8(b"a\xFFb".to_vec(), false).unwrap(),
            "a\u{FFFD}b"
        );
        assert!(decode_utf8(b"a\xFFb".to_vec(), true)
            .unwrap_err()
            .contains("byte 1"));
    }

    #[test]
    fn binary_is_detected() {
        assert!(looks_binary(&[0u8, 1, 2, 3, 4, 5, 0, 0, 7, 8]));
        assert!(!looks_binary(b"plain text\nwith lines\n"));
    }

    #[test]
    fn id_from_path_drops_extensions() {
        let p = InputPath::File(PathBuf::from("corpus/01-acme.txt.gz"));
        assert_eq!(article_id_from_path(&p), "01-acme");
    }
}
