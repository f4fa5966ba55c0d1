//! A CC-NEWS-style WARC.gz built from the team corpus's HTML pages goes
//! through `run`: HTML responses become articles that keep their WARC
//! record id, URL and fetch date; other records are skipped and counted.
//! With the `parquet` feature the same run also writes Parquet files.

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

/// Writes the WARC.gz into `dir`; returns its path and the number of pages.
fn cc_news_warc(dir: &Path) -> (std::path::PathBuf, usize) {
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
    let input = dir.join("CC-NEWS-20240605.warc.gz");
    std::fs::write(&input, warc).unwrap();
    (input, pages.len())
}

#[test]
fn cc_news_warc_goes_through_run() {
    let dir = tempfile::tempdir().unwrap();
    let (input, n) = cc_news_warc(dir.path());
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

#[cfg(feature = "parquet")]
#[test]
fn cc_news_warc_goes_into_parquet_and_csv() {
    use arrow_array::{Array, RecordBatch, StringArray, StructArray};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    fn read(path: &Path) -> Vec<RecordBatch> {
        let file = std::fs::File::open(path).unwrap();
        ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }
    fn strings<'a>(batch: &'a RecordBatch, column: &str) -> &'a StringArray {
        batch
            .column_by_name(column)
            .unwrap()
            .as_any()
            .downcast_ref()
            .unwrap()
    }

    let dir = tempfile::tempdir().unwrap();
    let (input, n) = cc_news_warc(dir.path());
    let out = dir.path().join("out");
    Command::cargo_bin("newsmine")
        .unwrap()
        .args(["run", "--parquet", "--quiet"])
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let jsonl: Vec<Value> = std::fs::read_to_string(out.join("articles.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let articles = read(&out.join("articles.parquet"));
    let ids: Vec<&str> = articles
        .iter()
        .flat_map(|b| strings(b, "id").iter().map(Option::unwrap))
        .collect();
    let expected: Vec<&str> = jsonl.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), n);
    assert_eq!(ids, expected);
    let source: &StructArray = articles[0]
        .column_by_name("source")
        .unwrap()
        .as_any()
        .downcast_ref()
        .unwrap();
    let record_ids: &StringArray = source
        .column_by_name("record_id")
        .unwrap()
        .as_any()
        .downcast_ref()
        .unwrap();
    assert_eq!(record_ids.value(0), jsonl[0]["source"]["record_id"]);
    let orgs = articles[0].column_by_name("orgs").unwrap();
    assert_eq!(orgs.null_count(), 0);

    // The Parquet partnerships are the CSV's rows, in the same order.
    let mut csv = csv::Reader::from_path(out.join("partnerships.csv")).unwrap();
    let csv_rows: Vec<(String, String, String, String)> = csv
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[1].into(), r[2].into(), r[3].into(), r[4].into())
        })
        .collect();
    assert!(!csv_rows.is_empty());
    let parquet_rows: Vec<(String, String, String, String)> =
        read(&out.join("partnerships.parquet"))
            .iter()
            .flat_map(|b| {
                let col = |c| strings(b, c).iter().map(|v| v.unwrap().to_string());
                col("a")
                    .zip(col("b"))
                    .zip(col("type").zip(col("status")))
                    .map(|((a, b), (t, s))| (a, b, t, s))
                    .collect::<Vec<_>>()
            })
            .collect();
    assert_eq!(parquet_rows, csv_rows);
    let organizations: usize = read(&out.join("organizations.parquet"))
        .iter()
        .map(RecordBatch::num_rows)
        .sum();
    let expected = std::fs::read_to_string(out.join("organizations.jsonl")).unwrap();
    assert_eq!(organizations, expected.lines().count());
}

#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_without_the_feature_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let (input, _) = cc_news_warc(dir.path());
    let assert = Command::cargo_bin("newsmine")
        .unwrap()
        .args(["run", "--parquet"])
        .arg(&input)
        .arg("--out")
        .arg(dir.path().join("out"))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr);
    assert!(stderr.contains("--features parquet"), "{stderr}");
}
