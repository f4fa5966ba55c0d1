//! End to end: `newsmine run corpus/` then `newsmine report` on its folder.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn report_shows_every_partnership_of_the_corpus_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    Command::cargo_bin("newsmine")
        .unwrap()
        .args(["run", "corpus", "--quiet", "--out"])
        .arg(&out)
        .assert()
        .success();
    Command::cargo_bin("newsmine")
        .unwrap()
        .arg("report")
        .arg(&out)
        .assert()
        .success();

    let page = fs::read_to_string(out.join("report.html")).unwrap();
    let partnerships: Vec<Value> = fs::read_to_string(out.join("partnerships.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!partnerships.is_empty(), "the corpus yields partnerships");
    assert_eq!(
        page.matches("<tr data-type=").count(),
        partnerships.len(),
        "one table row per partnership"
    );
    let mut orgs = BTreeSet::new();
    for p in &partnerships {
        let (a, b) = (p["a"].as_str().unwrap(), p["b"].as_str().unwrap());
        assert!(
            page.contains(&format!("<b>{}</b> – <b>{}</b>", esc(a), esc(b)))
                || page.contains(&format!("<b>{}</b> → <b>{}</b>", esc(a), esc(b))),
            "{a} / {b} missing"
        );
        // The page shows the three latest evidence sentences of a partnership
        // and says how many more there are.
        let mut mentions: Vec<&Value> = p["mentions"].as_array().unwrap().iter().collect();
        mentions.sort_by(|x, y| y["date"].as_str().cmp(&x["date"].as_str()));
        for m in mentions.iter().take(3) {
            let evidence = m["evidence"].as_str().unwrap();
            let start: String = evidence.chars().take(40).collect();
            assert!(page.contains(&esc(&start)), "evidence of {a} / {b} missing");
        }
        if mentions.len() > 3 {
            assert!(page.contains(&format!("and {} more mentions", mentions.len() - 3)));
        }
        if a != b {
            orgs.insert(a.to_string());
            orgs.insert(b.to_string());
        }
    }
    let svg_start = page.find("<svg id=\"network\"").expect("network drawn");
    let svg = &page[svg_start..];
    let svg = &svg[..svg.find("</svg>").unwrap()];
    assert_eq!(svg.matches(" data-org=").count(), orgs.len());
    for org in &orgs {
        assert!(svg.contains(&format!("data-org=\"{}\"", esc(org))), "{org}");
    }
    // Self-contained: nothing loaded from elsewhere.
    for external in ["<link", " src=", "@import", "url("] {
        assert!(!page.contains(external), "{external}");
    }
}

#[test]
fn report_on_a_folder_without_run_files_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("newsmine")
        .unwrap()
        .arg("report")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("partnerships.jsonl"));
}
