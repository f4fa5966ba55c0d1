//! `run --resume`: a run that goes on from an earlier one, finished or
//! interrupted, ends with the same files as one uninterrupted run.

use assert_cmd::Command;
use std::io::Write;
use std::path::{Path, PathBuf};

mod common;

const FILES: [&str; 5] = [
    "articles.jsonl",
    "errors.jsonl",
    "inputs.jsonl",
    "partnerships.jsonl",
    "organizations.jsonl",
];

fn run(inputs: &[PathBuf], out: &Path, resume: bool) -> String {
    let mut cmd = Command::cargo_bin("newsmine").unwrap();
    cmd.arg("run").args(inputs).arg("--out").arg(out);
    if resume {
        cmd.arg("--resume");
    }
    let assert = cmd.assert().success();
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

fn assert_same_files(a: &Path, b: &Path) {
    for f in FILES.iter().chain(&["partnerships.csv"]) {
        let (x, y) = (
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap(),
        );
        assert!(x == y, "{f} differs");
    }
}

fn corpus_files() -> Vec<PathBuf> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "md"))
        .collect();
    files.sort();
    files
}

#[test]
fn resume_after_a_finished_run_reads_only_the_new_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus_files();
    let (fresh, resumed) = (dir.path().join("fresh"), dir.path().join("resumed"));
    run(&files, &fresh, false);
    run(&files[..3], &resumed, false);
    let stderr = run(&files, &resumed, true);
    assert!(
        stderr.contains("3 inputs already done (3 records kept), 17 to read"),
        "{stderr}"
    );
    assert!(stderr.contains("21 records read"), "{stderr}");
    assert_same_files(&fresh, &resumed);
    // Nothing left to do: the folder stays as it is.
    let stderr = run(&files, &resumed, true);
    assert!(stderr.contains("0 to read"), "{stderr}");
    assert_same_files(&fresh, &resumed);
}

#[test]
fn an_input_changed_since_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("briefs.jsonl");
    let line = |id: &str| {
        format!("{{\"id\": \"{id}\", \"date\": \"2024-03-15\", \"text\": \"Acme Corp. and Globex Inc. formed a joint venture on Tuesday.\"}}\n")
    };
    std::fs::write(&input, line("1")).unwrap();
    let out = dir.path().join("out");
    let inputs = [input];
    run(&inputs, &out, false);
    // A different size: the file is no longer the one that was read.
    std::fs::OpenOptions::new()
        .append(true)
        .open(&inputs[0])
        .unwrap()
        .write_all(line("2").as_bytes())
        .unwrap();
    let stderr = run(&inputs, &out, true);
    assert!(stderr.contains("0 inputs already done"), "{stderr}");
    let fresh = dir.path().join("fresh");
    run(&inputs, &fresh, false);
    assert_same_files(&fresh, &out);
}

#[test]
fn resume_after_sigint_ends_like_an_uninterrupted_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut inputs = Vec::new();
    for (name, n) in [("a", 200), ("b", 60_000), ("c", 200)] {
        let path = dir.path().join(format!("{name}.jsonl"));
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        for i in 0..n {
            writeln!(f, "{{\"id\": \"{name}{i}\", \"date\": \"2024-03-15\", \"text\": \"Acme Corp. and Globex Inc. said on Tuesday they will form a joint venture in Ohio.\"}}").unwrap();
        }
        inputs.push(path);
    }
    let out = dir.path().join("out");
    // Interrupted once the first input is done, while the second is being read.
    let output = common::interrupted_run(&inputs, &out, ".inputs.jsonl.partial");
    assert_eq!(output.status.code(), Some(130));
    let stderr = run(&inputs, &out, true);
    assert!(stderr.contains("resuming in"), "{stderr}");
    let fresh = dir.path().join("fresh");
    run(&inputs, &fresh, false);
    assert_same_files(&fresh, &out);
}
