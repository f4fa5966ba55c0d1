//! End-to-end runs of the `newsmine` binary: the contract the scoreboard
//! and users rely on (one output line per input record, in order; exit
//! statuses; the run folder; a closed pipe).

use assert_cmd::Command;
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Stdio;

mod common;

fn newsmine() -> Command {
    Command::cargo_bin("newsmine").unwrap()
}

fn json_lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn readme_example_extracts_orgs_date_and_planned_joint_venture() {
    let out = newsmine()
        .args(["extract", "--reference-date", "2024-03-15"])
        .write_stdin("Acme Corp. and Globex said on Tuesday they will form a joint venture.\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let recs = json_lines(&out);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    let orgs: Vec<&str> = r["orgs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(orgs, ["Acme", "Globex"]);
    assert_eq!(r["dates"][0]["text"], "Tuesday");
    assert_eq!(r["dates"][0]["value"], "2024-03-12");
    let p = &r["partnerships"][0];
    assert_eq!(
        (p["a"].as_str(), p["b"].as_str()),
        (Some("Acme"), Some("Globex"))
    );
    assert_eq!(p["type"], "joint_venture");
    assert_eq!(p["status"], "planned");
    // Offsets are code points into the output text.
    let text: Vec<char> = r["text"].as_str().unwrap().chars().collect();
    let (s, e) = (
        r["dates"][0]["start"].as_u64().unwrap() as usize,
        r["dates"][0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(text[s..e].iter().collect::<String>(), "Tuesday");
}

#[test]
fn jsonl_gives_one_line_per_record_in_order_with_error_records() {
    let input = concat!(
        r#"{"id": "a", "text": "Huawei and Lenovo signed a licensing deal.", "date": "2018-06-06"}"#,
        "\n",
        "{not json\n",
        r#"{"id": "c", "title": "no body"}"#,
        "\n",
        r#"{"id": "d", "text": "“Nice,” she said."}"#,
        "\n",
    );
    let assert = newsmine()
        .args([
            "extract",
            "--input-format",
            "jsonl",
            "--no-clean",
            "--only",
            "orgs",
        ])
        .write_stdin(input)
        .assert()
        .code(1);
    let out = assert.get_output();
    let recs = json_lines(&out.stdout);
    let ids: Vec<&str> = recs
        .iter()
        .map(|r| r["id"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(ids, ["a", "-", "c", "d"]);
    assert_eq!(recs[1]["source"]["line"], 2);
    assert!(recs[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("invalid JSON record"));
    assert_eq!(recs[2]["error"], "record has neither text nor html");
    assert!(
        recs[0].get("dates").is_none(),
        "--only omits the other stages"
    );
    assert_eq!(
        recs[0]["text"],
        "Huawei and Lenovo signed a licensing deal."
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("-:2: invalid JSON record"), "{stderr}");
}

#[test]
fn clean_reads_html_records() {
    let html = "<html><head><title>T</title></head><body><nav>Home | World | Business</nav>\
        <p>Globex said on Monday that it had agreed to supply batteries to Acme Corp. for five years.</p>\
        <p>The contract is worth about $2 billion and starts next year, both companies said in statements.</p>\
        <footer>Copyright 2024</footer></body></html>";
    let line = serde_json::json!({"id": "h1", "html": html}).to_string() + "\n";
    let out = newsmine()
        .args(["clean", "--input-format", "jsonl"])
        .write_stdin(line)
        .assert()
        .success();
    let recs = json_lines(&out.get_output().stdout);
    assert_eq!(recs[0]["id"], "h1");
    let text = recs[0]["text"].as_str().unwrap();
    assert!(text.starts_with("Globex said on Monday"), "{text}");
    assert!(
        !text.contains("Copyright") && !text.contains("Home |"),
        "{text}"
    );
}

#[test]
fn dash_output_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = newsmine()
        .current_dir(dir.path())
        .args(["extract", "--only", "orgs", "-o", "-"])
        .write_stdin("Acme Corp. makes spam filters.\n")
        .assert()
        .success();
    let recs = json_lines(&out.get_output().stdout);
    assert_eq!(recs[0]["orgs"][0]["name"], "Acme");
    assert!(!dir.path().join("-").exists());
}

#[test]
fn bylines_and_site_names_of_the_input_win_over_page_metadata() {
    let html = "<html><head><meta name=\"author\" content=\"Page Byline\">\
        <meta property=\"og:site_name\" content=\"Page Site\"></head><body>\
        <p>Globex said on Monday that it had agreed to supply batteries to Acme Corp. for five years.</p></body></html>";
    let lines = [
        serde_json::json!({"id": "h1", "html": html, "authors": ["Jane Roe", "John Doe"]}),
        serde_json::json!({"id": "h2", "html": html}),
        serde_json::json!({"id": "t1", "text": "Globex said on Monday.", "author": "Jane Roe", "sitename": "Daily"}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect::<String>();
    for command in ["clean", "extract"] {
        let out = newsmine()
            .args([command, "--input-format", "jsonl"])
            .write_stdin(lines.clone())
            .assert()
            .success();
        let recs = json_lines(&out.get_output().stdout);
        let fields: Vec<(&str, &str)> = recs
            .iter()
            .map(|r| {
                (
                    r["author"].as_str().unwrap(),
                    r["site_name"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            fields,
            [
                ("Jane Roe, John Doe", "Page Site"),
                ("Page Byline", "Page Site"),
                ("Jane Roe", "Daily")
            ],
            "{command}"
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    newsmine()
        .args(["extract", "--only", "people"])
        .write_stdin("x")
        .assert()
        .code(2);
    newsmine()
        .args(["extract", "/no/such/path"])
        .assert()
        .code(2);
    newsmine()
        .args(["extract", "--reference-date", "yesterday"])
        .write_stdin("x")
        .assert()
        .code(2);
}

#[test]
fn run_writes_the_dataset_folder() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let out = dir.path().join("out");
    let assert = newsmine()
        .arg("run")
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr);
    assert!(
        stderr.contains("24 records read, 24 written, 0 failed, 0 skipped"),
        "{stderr}"
    );
    for f in [
        "articles.jsonl",
        "partnerships.jsonl",
        "partnerships.csv",
        "organizations.jsonl",
        "errors.jsonl",
    ] {
        assert!(out.join(f).exists(), "{f} missing");
    }
    let articles = std::fs::read_to_string(out.join("articles.jsonl")).unwrap();
    assert_eq!(articles.lines().count(), 24);
    assert_eq!(
        std::fs::read_to_string(out.join("errors.jsonl")).unwrap(),
        ""
    );
}

#[test]
fn run_accounts_for_bad_inputs_in_errors_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    std::fs::write(inp.join("empty.txt"), "").unwrap();
    std::fs::write(inp.join("binary.txt"), [0u8, 1, 2, 3, 0, 0, 5, 6, 7, 0]).unwrap();
    std::fs::write(
        inp.join("dump.jsonl"),
        "{\"id\": \"ok\", \"text\": \"Acme Corp. grew.\"}\n{bad\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    newsmine()
        .arg("run")
        .arg(&inp)
        .arg("--out")
        .arg(&out)
        .arg("--quiet")
        .assert()
        .code(1);
    let errors = std::fs::read_to_string(out.join("errors.jsonl")).unwrap();
    let errs: Vec<Value> = errors
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(errs.len(), 3, "{errors}");
    assert!(errs.iter().any(|e| e["error"] == "binary data, not text"));
    assert!(errs.iter().any(|e| e["error"] == "empty input"));
    assert!(errs.iter().any(|e| e["source"]["line"] == 2));
    assert_eq!(
        std::fs::read_to_string(out.join("articles.jsonl"))
            .unwrap()
            .lines()
            .count(),
        1
    );
}

#[test]
fn same_output_with_one_two_and_eight_threads() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let outputs: Vec<Vec<u8>> = ["1", "2", "8"]
        .iter()
        .map(|t| {
            newsmine()
                .arg("extract")
                .arg(&corpus)
                .args(["--threads", t])
                .assert()
                .success()
                .get_output()
                .stdout
                .clone()
        })
        .collect();
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
}

#[test]
fn closed_pipe_ends_quietly_with_success() {
    let bin = assert_cmd::cargo::cargo_bin("newsmine");
    let mut child = std::process::Command::new(bin)
        .args([
            "extract",
            "--input-format",
            "jsonl",
            "--no-clean",
            "--only",
            "orgs",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for i in 0..200_000 {
            if writeln!(
                stdin,
                "{{\"id\": \"{i}\", \"text\": \"Acme Corp. and Globex Inc. met.\"}}"
            )
            .is_err()
            {
                break;
            }
        }
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("\"id\":\"0\""));
    // Dropping the reader closes the pipe, as `| head -1` does.
    let status = child.wait().unwrap();
    writer.join().unwrap();
    assert_eq!(status.code(), Some(0));
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(err.is_empty(), "no noise on a closed pipe: {err}");
}

#[test]
fn shards_split_the_input_files_disjointly() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let ids = |shard: Option<&str>| -> Vec<String> {
        let mut cmd = newsmine();
        cmd.arg("extract").arg(&corpus).args(["--only", "orgs"]);
        if let Some(s) = shard {
            cmd.args(["--shard", s]);
        }
        json_lines(&cmd.assert().success().get_output().stdout)
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    let all = ids(None);
    let mut parts: Vec<String> = (0..3).flat_map(|i| ids(Some(&format!("{i}/3")))).collect();
    parts.sort();
    let mut sorted = all.clone();
    sorted.sort();
    assert_eq!(parts, sorted);
    newsmine()
        .args(["extract", "--shard", "3/3"])
        .arg(&corpus)
        .assert()
        .code(2);
}

#[test]
fn completions_and_zstd_input() {
    let out = newsmine().args(["completions", "bash"]).assert().success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("_newsmine()"));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("dump.jsonl.zst");
    let raw = b"{\"id\": \"z1\", \"text\": \"Acme Corp. grew.\"}\n";
    std::fs::write(&p, zstd::encode_all(&raw[..], 3).unwrap()).unwrap();
    let out = newsmine()
        .args(["extract", "--only", "orgs"])
        .arg(&p)
        .assert()
        .success();
    assert_eq!(json_lines(&out.get_output().stdout)[0]["id"], "z1");
}

#[test]
fn sigint_during_run_leaves_whole_lines_and_no_complete_looking_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
    for i in 0..300_000 {
        writeln!(f, "{{\"id\": \"{i}\", \"date\": \"2024-03-15\", \"text\": \"Acme Corp. and Globex Inc. said on Tuesday they will form a joint venture to build batteries in Ohio.\"}}").unwrap();
    }
    drop(f);
    let out = dir.path().join("out");
    let output = common::interrupted_run(&[input], &out, ".articles.jsonl.partial");
    assert_eq!(output.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("interrupted after"), "{stderr}");
    assert!(
        !out.join("articles.jsonl").exists(),
        "an interrupted run must not look complete"
    );
    let text = std::fs::read_to_string(out.join(".articles.jsonl.partial")).unwrap();
    let n = text.lines().count();
    assert!(n > 0 && n < 300_000, "{n} records");
    assert!(text.ends_with('\n'));
    for line in text.lines() {
        serde_json::from_str::<Value>(line).expect("only whole JSON lines");
    }
}

#[test]
fn csv_statuses_list_changes_not_every_mention() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("briefs.jsonl");
    let line = "{\"id\": \"ID\", \"date\": \"2024-03-15\", \"text\": \"Acme Corp. and Globex Inc. formed a joint venture in Ohio on Tuesday.\"}\n";
    let lines: String = (1..=3)
        .map(|i| line.replace("ID", &i.to_string()))
        .collect();
    std::fs::write(&input, lines).unwrap();
    let out = dir.path().join("out");
    newsmine()
        .args(["run", "-q"])
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let mut csv = csv::Reader::from_path(out.join("partnerships.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][7], "3", "three articles");
    assert_eq!(&rows[0][10], &rows[0][4], "one status, listed once");
}
