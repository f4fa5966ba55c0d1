//! WARC files (Common Crawl CC-NEWS and the like, plain or gzipped per
//! record): every `response` record whose HTTP payload is HTML becomes an
//! article, decoded as `charset.rs` says (a valid UTF-8 page as UTF-8, else
//! the charset of the HTTP header or the page's `<meta>`); other records are
//! skipped and counted.

use super::InputConfig;
use crate::record::{Article, Body, RecordError, Source, WarcInfo};
use std::io::{self, BufRead, Read};

/// Reads the records of one WARC stream.
pub struct WarcReader {
    reader: Box<dyn BufRead + Send>,
    file: String,
    config: InputConfig,
    record: u64,
    bytes: u64,
    skipped: u64,
    done: bool,
}

/// The WARC header fields newsmine uses.
#[derive(Default)]
struct Header {
    kind: String,
    id: Option<String>,
    uri: Option<String>,
    date: Option<String>,
    length: Option<usize>,
}

impl WarcReader {
    pub fn new(reader: Box<dyn BufRead + Send>, file: String, config: InputConfig) -> Self {
        WarcReader {
            reader,
            file,
            config,
            record: 0,
            bytes: 0,
            skipped: 0,
            done: false,
        }
    }

    pub fn take_bytes(&mut self) -> u64 {
        std::mem::take(&mut self.bytes)
    }

    /// Records skipped since the last call (not responses, or not HTML).
    pub fn take_skipped(&mut self) -> u64 {
        std::mem::take(&mut self.skipped)
    }

    fn error(&mut self, msg: String) -> Option<Result<Article, RecordError>> {
        self.done = true;
        Some(Err(RecordError::new(self.source(None, None), msg)))
    }

    fn source(&self, id: Option<String>, date: Option<String>) -> Source {
        Source {
            file: self.file.clone(),
            line: None,
            record: Some(self.record),
            warc: Some(Box::new(WarcInfo {
                record_id: id,
                fetch_date: date,
            })),
        }
    }

    /// Reads the header block; `Ok(None)` at a clean end of stream.
    fn read_header(&mut self) -> std::io::Result<Option<(String, Header)>> {
        let mut line = String::new();
        loop {
            line.clear();
            if self.reader.read_line(&mut line)? == 0 {
                return Ok(None);
            }
            self.bytes += line.len() as u64;
            if !line.trim().is_empty() {
                break;
            }
        }
        let version = line.trim().to_string();
        let mut h = Header::default();
        loop {
            line.clear();
            if self.reader.read_line(&mut line)? == 0 {
                break;
            }
            self.bytes += line.len() as u64;
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                let v = v.trim().to_string();
                match k.trim().to_ascii_lowercase().as_str() {
                    "warc-type" => h.kind = v,
                    "warc-record-id" => h.id = Some(v.trim_matches(['<', '>']).to_string()),
                    "warc-target-uri" => h.uri = Some(v),
                    "warc-date" => h.date = Some(v),
                    "content-length" => h.length = v.parse().ok(),
                    _ => {}
                }
            }
        }
        Ok(Some((version, h)))
    }
}

/// Splits an HTTP response into its Content-Type header and its body.
fn http_payload(block: &[u8]) -> (Option<String>, &[u8]) {
    let end = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2)));
    let Some((head_end, body_start)) = end else {
        return (None, &[]);
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let content_type = head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case("content-type")
            .then(|| v.trim().to_string())
    });
    (content_type, &block[body_start..])
}

fn is_html(content_type: &Option<String>) -> bool {
    content_type
        .as_deref()
        .is_some_and(|c| c.to_ascii_lowercase().contains("html"))
}

impl Iterator for WarcReader {
    type Item = Result<Article, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let (version, header) = match self.read_header() {
                Ok(Some(h)) => h,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => return self.error(format!("read error: {e}")),
            };
            self.record += 1;
            if !version.starts_with("WARC/") {
                return self.error(format!("not a WARC record (starts with {version:?})"));
            }
            let Some(length) = header.length else {
                return self.error("WARC record without Content-Length".into());
            };
            let limit = self.config.max_record_bytes;
            if length > limit {
                // Skipped unread; the records after it are still good.
                let block = (&mut self.reader).take(length as u64);
                match io::copy(&mut { block }, &mut io::sink()) {
                    Ok(n) => self.bytes += n,
                    Err(e) => return self.error(format!("read error: {e}")),
                }
                let error = super::too_long("WARC record", length as u64, limit);
                let source = self.source(header.id, header.date);
                return Some(Err(RecordError::new(source, error)));
            }
            let mut block = Vec::with_capacity(length);
            match (&mut self.reader)
                .take(length as u64)
                .read_to_end(&mut block)
            {
                Ok(n) if n == length => self.bytes += n as u64,
                Ok(n) => {
                    return self.error(format!("truncated WARC record: {n} of {length} bytes"))
                }
                Err(e) => return self.error(format!("read error: {e}")),
            }
            if !header.kind.eq_ignore_ascii_case("response") {
                self.skipped += 1;
                continue;
            }
            let (content_type, body) = http_payload(&block);
            if !is_html(&content_type) || body.is_empty() {
                self.skipped += 1;
                continue;
            }
            let declared = super::charset::declared(content_type.as_deref(), body);
            let body_start = block.len() - body.len();
            block.drain(..body_start);
            let source = self.source(header.id.clone(), header.date.clone());
            let html = match super::charset::decode(block, declared, self.config.strict_utf8) {
                Ok(html) => html,
                Err(e) => return Some(Err(RecordError::new(source, e))),
            };
            return Some(Ok(Article {
                id: header.id.unwrap_or_else(|| source.to_string()),
                body: Body::Html(html),
                date: None,
                url: header.uri,
                title: None,
                author: None,
                site_name: None,
                source,
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A WARC record with the given type and block.
    pub fn record(kind: &str, id: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-15T10:00:00Z\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn read(bytes: Vec<u8>) -> (Vec<Result<Article, RecordError>>, u64) {
        let mut r = WarcReader::new(
            Box::new(std::io::Cursor::new(bytes)),
            "x.warc".into(),
            InputConfig::default(),
        );
        let items: Vec<_> = r.by_ref().collect();
        (items, r.take_skipped())
    }

    #[test]
    fn html_responses_become_articles_and_the_rest_is_skipped() {
        let mut w = record("warcinfo", "0", "", b"software: test\r\n");
        w.extend(record(
            "request",
            "1",
            "https://a.example/x",
            b"GET /x HTTP/1.1\r\n\r\n",
        ));
        w.extend(record(
            "response",
            "2",
            "https://a.example/x",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n<p>caf\xe9</p>",
        ));
        w.extend(record(
            "response",
            "3",
            "https://a.example/img",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        let (items, skipped) = read(w);
        assert_eq!(items.len(), 1);
        assert_eq!(skipped, 3);
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.id, "urn:uuid:2");
        assert_eq!(a.url.as_deref(), Some("https://a.example/x"));
        assert_eq!(a.body, Body::Html("<p>café</p>".into()));
        assert_eq!(
            a.source.warc.as_ref().and_then(|w| w.fetch_date.as_deref()),
            Some("2024-03-15T10:00:00Z")
        );
        assert_eq!(a.source.record, Some(3));
    }

    #[test]
    fn meta_charset_is_used_without_a_header_charset() {
        let mut block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<meta charset=\"iso-8859-1\"><p>na"
                .to_vec();
        block.extend_from_slice(&[0xef, b'v', b'e', b'<', b'/', b'p', b'>']);
        let (items, _) = read(record("response", "1", "u", &block));
        assert!(
            matches!(&items[0].as_ref().unwrap().body, Body::Html(h) if h.ends_with("<p>naïve</p>"))
        );
    }

    #[test]
    fn truncated_record_is_an_error_naming_the_record() {
        let mut w = record(
            "response",
            "1",
            "u",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>",
        );
        w.truncate(w.len() - 10);
        let (items, _) = read(w);
        let e = items[0].as_ref().unwrap_err();
        assert!(e.error.starts_with("truncated WARC record"), "{}", e.error);
        assert_eq!(e.source.record, Some(1));
    }

    #[test]
    fn a_record_over_the_limit_is_an_error_and_the_next_one_is_read() {
        let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Acme.</p>";
        let mut bytes = record("response", "1", "https://a.example/", &[b'x'; 5000]);
        bytes.extend(record("response", "2", "https://b.example/", page));
        let config = InputConfig {
            max_record_bytes: 1000,
            ..InputConfig::default()
        };
        let mut reader = WarcReader::new(Box::new(std::io::Cursor::new(bytes)), "w".into(), config);
        let first = reader.next().unwrap().unwrap_err();
        assert_eq!(
            first.error,
            "WARC record of 0.0 MB is over the 0.0 MB record limit"
        );
        assert_eq!(first.source.record, Some(1));
        let second = reader.next().unwrap().unwrap();
        assert_eq!(second.url.as_deref(), Some("https://b.example/"));
        assert!(reader.next().is_none());
    }
}
