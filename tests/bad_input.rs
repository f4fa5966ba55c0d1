//! Broken input never stops a batch and never goes unaccounted: each case
//! yields an error record (or a clean decode) and the following records
//! are still processed.

use assert_cmd::Command;
use flate2::write::GzEncoder;
use serde_json::Value;
use std::io::Write;

fn newsmine() -> Command {
    Command::cargo_bin("newsmine").unwrap()
}

fn lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn truncated_gzip_reports_where_it_broke_and_the_next_file_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..2000 {
        writeln!(enc, "{{\"id\": \"r{i}\", \"text\": \"Record {i} about Acme Corp. and its partners in the market.\"}}").unwrap();
    }
    let gz = enc.finish().unwrap();
    std::fs::write(dir.path().join("a.jsonl.gz"), &gz[..gz.len() / 2]).unwrap();
    std::fs::write(
        dir.path().join("b.jsonl"),
        "{\"id\": \"after\", \"text\": \"Still read.\"}\n",
    )
    .unwrap();
    let out = newsmine()
        .args(["extract", "--only", "orgs", "--no-clean", "-q"])
        .arg(dir.path())
        .assert()
        .code(1);
    let recs = lines(&out.get_output().stdout);
    let last = recs.last().unwrap();
    assert_eq!(last["id"], "after");
    let err = &recs[recs.len() - 2];
    assert!(
        err["error"].as_str().unwrap().starts_with("read error"),
        "{err}"
    );
    assert!(err["source"]["file"]
        .as_str()
        .unwrap()
        .ends_with("a.jsonl.gz"));
    let n = err["source"]["line"].as_u64().unwrap() as usize;
    assert_eq!(
        recs.len(),
        n + 1,
        "every complete line before the break was output"
    );
}

#[test]
fn bom_crlf_nul_and_invalid_utf8_are_handled() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(
        &p,
        b"\xEF\xBB\xBFAcme Corp. said\0 it grew.\r\nShares \xFF rose.\r\n",
    )
    .unwrap();
    let out = newsmine()
        .args(["extract", "--no-clean", "--only", "orgs"])
        .arg(&p)
        .assert()
        .success();
    let r = &lines(&out.get_output().stdout)[0];
    assert_eq!(
        r["text"],
        "Acme Corp. said it grew.\nShares \u{FFFD} rose.\n"
    );
    assert_eq!(r["orgs"][0]["text"], "Acme Corp.");
    // --strict turns invalid UTF-8 into an error record naming the byte.
    let out = newsmine()
        .args(["extract", "--strict", "-q"])
        .arg(&p)
        .assert()
        .code(1);
    let r = &lines(&out.get_output().stdout)[0];
    assert!(
        r["error"]
            .as_str()
            .unwrap()
            .contains("invalid UTF-8 at byte"),
        "{r}"
    );
}

#[test]
fn legacy_charsets_and_utf16_files_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    // A windows-1252 page that says so, and one that says nothing.
    std::fs::write(
        dir.path().join("a.html"),
        b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xE9 Verlo \x96 Brindle Oy</p></body></html>",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), b"Na\xEFve Quarto AG said.\n").unwrap();
    // UTF-16 with a byte-order mark: NUL bytes everywhere, yet not binary.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Tessel Inc. said."
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        )
        .collect();
    std::fs::write(dir.path().join("c.txt"), utf16).unwrap();
    let out = newsmine()
        .args(["clean", "-q"])
        .arg(dir.path())
        .assert()
        .success();
    let texts: Vec<String> = lines(&out.get_output().stdout)
        .iter()
        .map(|r| r["text"].as_str().unwrap().trim().to_string())
        .collect();
    assert_eq!(
        texts,
        [
            "Café Verlo – Brindle Oy",
            "Naïve Quarto AG said.",
            "Tessel Inc. said."
        ]
    );
}

#[test]
fn wrong_field_types_are_error_records() {
    let input = "{\"id\": \"a\", \"text\": [\"x\"]}\n{\"id\": {\"x\": 1}, \"text\": \"y\"}\n{\"id\": \"c\", \"text\": \"ok\"}\n";
    let out = newsmine()
        .args(["extract", "--input-format", "jsonl", "-q"])
        .write_stdin(input)
        .assert()
        .code(1);
    let recs = lines(&out.get_output().stdout);
    assert_eq!(recs.len(), 3);
    assert!(recs[0]["error"].as_str().unwrap().contains("invalid type"));
    assert!(recs[1]["error"]
        .as_str()
        .unwrap()
        .contains("`id` must be a string or number"));
    assert_eq!(recs[2]["id"], "c");
}

#[test]
fn a_100_mb_line_is_an_error_record_and_the_next_lines_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dump.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(f, "{{\"id\": \"before\", \"text\": \"Acme Corp. hired.\"}}").unwrap();
    write!(f, "{{\"id\": \"huge\", \"text\": \"").unwrap();
    let block = "Acme Corp. and Globex Inc. ".repeat(1000);
    for _ in 0..(100_000_000 / block.len()) {
        f.write_all(block.as_bytes()).unwrap();
    }
    writeln!(f, "\"}}").unwrap();
    writeln!(f, "{{\"id\": \"after\", \"text\": \"Globex Inc. hired.\"}}").unwrap();
    drop(f);
    let out = newsmine()
        .args(["extract", "--only", "orgs", "--no-clean", "-q"])
        .arg(&path)
        .assert()
        .code(1);
    let recs = lines(&out.get_output().stdout);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["id"], "before");
    assert_eq!(recs[1]["source"]["line"], 2);
    let error = recs[1]["error"].as_str().unwrap();
    assert!(
        error.starts_with("line of 100.0 MB is over the 67.1 MB record limit"),
        "{error}"
    );
    assert_eq!(recs[2]["id"], "after");
    assert_eq!(recs[2]["source"]["line"], 3);

    // The same line as a one-article text file, with a lower limit.
    let text = dir.path().join("page.txt");
    std::fs::write(&text, "word ".repeat(3_000_000)).unwrap();
    let out = newsmine()
        .args(["extract", "--max-record-mb", "10", "-q"])
        .arg(&text)
        .assert()
        .code(1);
    let recs = lines(&out.get_output().stdout);
    assert_eq!(
        recs[0]["error"],
        "file of 15.0 MB is over the 10.5 MB record limit"
    );
}
