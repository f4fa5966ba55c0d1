//! A CC-NEWS-style WARC.gz built from the team corpus's HTML pages goes
//! through `run`: HTML responses become articles that keep their WARC
//! record id, URL and fetch date; other records are skipped and counted.

use assert_cmd::Command;
use flate2::write::GzEncoder;
use serde_json::Value;
use std::io::Write;
use std::path::Path;

/// One gzip member per record, as Common Crawl writes them.
fn member(kind: &str, n: usize, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut rec = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012}>\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-06-05T08:00:00Z\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    rec.extend_from_slice(block);
    rec.extend_from_slice(b"\r\n\r\n");
    let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(&rec).unwrap();
    enc.finish().unwrap()
}

#[test]
fn cc_news_warc_goes_through_run() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut pages: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    let mut warc = member("warcinfo", 0, "", b"software: newsmine-test\r\n");
    for (i, page) in pages.iter().enumerate() {
        let uri = format!(
            "https://news.example/{}",
            page.file_stem().unwrap().to_string_lossy()
        );
        warc.extend(member(
            "request",
            2 * i + 1,
            &uri,
            b"GET / HTTP/1.1\r\nHost: news.example\r\n\r\n",
        ));
        let mut block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
        block.extend(std::fs::read(page).unwrap());
        warc.extend(member("response", 2 * i + 2, &uri, &block));
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("CC-NEWS-20240605.warc.gz");
    std::fs::write(&input, warc).unwrap();
    let out = dir.path().join("out");
    let assert = Command::cargo_bin("newsmine")
        .unwrap()
        .arg("run")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr);
    let n = pages.len();
    assert!(
        stderr.contains(&format!(
            "{n} records read, {n} written, 0 failed, {} skipped",
            n + 1
        )),
        "{stderr}"
    );
    let articles: Vec<Value> = std::fs::read_to_string(out.join("articles.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(articles.len(), n);
    let first = &articles[0];
    assert_eq!(first["id"], "urn:uuid:00000000-0000-0000-0000-000000000002");
    assert!(first["url"].as_str().unwrap().starts_with("https://"));
    assert_eq!(first["source"]["fetch_date"], "2024-06-05T08:00:00Z");
    assert_eq!(first["source"]["record"], 3);
    assert!(!first["text"].as_str().unwrap().is_empty());
    // The publication date comes from the page's own metadata.
    assert!(articles
        .iter()
        .all(|a| a["date"].as_str().is_some_and(|d| d.starts_with("20"))));
    assert!(out.join("partnerships.csv").exists());
}
