//! The team corpus against its hand-written expected results: every article
//! is extracted through the library and compared stage by stage (names
//! matched leniently, as the evaluation scorers do). The agreement of each
//! stage must stay at or above the level it has reached; a drop fails with
//! the list of differences.

use newsmine::extract::orgs::canonical_key;
use newsmine::extract::{extract, ExtractConfig};
use newsmine::input::{list_inputs, InputConfig, Records};
use newsmine::record::Extraction;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Lowest agreement (F1, or share of exact texts) each stage may fall to.
const FLOORS: &[(&str, f64)] = &[
    ("publication_date", 1.0),
    ("clean_text", 1.0),
    ("orgs", 0.91),
    ("dates", 0.96),
    ("quotes", 0.98),
    ("partnerships", 0.58),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn extractions() -> HashMap<String, Extraction> {
    let inputs = list_inputs(&[root().join("corpus")]).unwrap();
    let config = ExtractConfig::default();
    Records::new(inputs, InputConfig::default())
        .map(|r| {
            let a = r.expect("every corpus record reads");
            (a.id.clone(), extract(&a, &config))
        })
        .collect()
}

/// Same organization, leniently: equal keys, one's words a subset of the
/// other's, or an acronym of it.
fn same_org(a: &str, b: &str) -> bool {
    let (ka, kb) = (canonical_key(a), canonical_key(b));
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    let wa: Vec<&str> = ka.split(' ').collect();
    let wb: Vec<&str> = kb.split(' ').collect();
    let initials = |w: &[&str]| {
        w.iter()
            .filter_map(|x| x.chars().next())
            .collect::<String>()
    };
    ka == kb
        || wa.iter().all(|w| wb.contains(w))
        || wb.iter().all(|w| wa.contains(w))
        || (wa.len() == 1 && wb.len() > 1 && initials(&wb) == wa[0])
        || (wb.len() == 1 && wa.len() > 1 && initials(&wa) == wb[0])
}

#[derive(Default)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
    diffs: Vec<String>,
}

impl Tally {
    fn f1(&self) -> f64 {
        let d = 2 * self.tp + self.fp + self.fn_;
        if d == 0 {
            1.0
        } else {
            2.0 * self.tp as f64 / d as f64
        }
    }

    /// One-to-one matching of expected and predicted items.
    fn compare<E, P>(
        &mut self,
        id: &str,
        expected: &[E],
        predicted: &[P],
        same: impl Fn(&E, &P) -> bool,
        show_e: impl Fn(&E) -> String,
        show_p: impl Fn(&P) -> String,
    ) {
        let mut used = vec![false; predicted.len()];
        for e in expected {
            match (0..predicted.len()).find(|&i| !used[i] && same(e, &predicted[i])) {
                Some(i) => {
                    used[i] = true;
                    self.tp += 1;
                }
                None => {
                    self.fn_ += 1;
                    self.diffs.push(format!("{id}: missed {}", show_e(e)));
                }
            }
        }
        for (p, u) in predicted.iter().zip(used) {
            if !u {
                self.fp += 1;
                self.diffs.push(format!("{id}: spurious {}", show_p(p)));
            }
        }
    }
}

fn strs(v: &Value, key: &str) -> Vec<String> {
    v[key].as_array().map_or(Vec::new(), |a| {
        a.iter()
            .filter_map(|x| x.as_str().map(String::from))
            .collect()
    })
}

#[test]
fn corpus_matches_expected_results() {
    let got = extractions();
    let mut tallies: HashMap<&str, Tally> = HashMap::new();
    let mut clean_exact = (0usize, 0usize);
    let mut expected_files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/expected"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    expected_files.sort();
    assert!(
        expected_files.len() >= 20,
        "the corpus has at least 20 articles"
    );
    for path in expected_files {
        let mut exp: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        exp["date_list"] = Value::Array(
            exp["date"]
                .as_str()
                .map(|d| Value::String(d.into()))
                .into_iter()
                .collect(),
        );
        let id = exp["id"].as_str().unwrap();
        let e = got
            .get(id)
            .unwrap_or_else(|| panic!("no output for corpus article {id}"));
        let got_date: Vec<String> = e
            .date
            .iter()
            .map(|d| d.chars().take(10).collect())
            .collect();
        tallies.entry("publication_date").or_default().compare(
            id,
            &strs(&exp, "date_list"),
            &got_date,
            |a, b| a == b,
            |a| a.clone(),
            |b| b.clone(),
        );
        if let Some(clean) = exp["clean_text"].as_str() {
            clean_exact.1 += 1;
            if e.text == clean {
                clean_exact.0 += 1;
            } else {
                tallies
                    .entry("clean_text")
                    .or_default()
                    .diffs
                    .push(format!("{id}: clean text differs"));
            }
        }
        let orgs: Vec<String> = {
            let mut v: Vec<String> = e.orgs.iter().flatten().map(|o| o.name.clone()).collect();
            v.sort();
            v.dedup_by(|a, b| same_org(a, b));
            v
        };
        tallies.entry("orgs").or_default().compare(
            id,
            &strs(&exp, "orgs"),
            &orgs,
            |a, b| same_org(a, b),
            |a| a.clone(),
            |b| b.clone(),
        );
        let dates: Vec<(String, Option<String>)> = e
            .dates
            .iter()
            .flatten()
            .map(|d| (d.text.clone(), d.value.clone()))
            .collect();
        let exp_dates: Vec<(String, Option<String>)> = exp["dates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["text"].as_str().unwrap().to_string(),
                    d["value"].as_str().map(String::from),
                )
            })
            .collect();
        tallies.entry("dates").or_default().compare(
            id,
            &exp_dates,
            &dates,
            |a, b| a == b,
            |a| format!("{a:?}"),
            |b| format!("{b:?}"),
        );
        let quotes: Vec<(Option<String>, String)> = e
            .quotes
            .iter()
            .flatten()
            .map(|q| (q.speaker.clone(), q.text.clone()))
            .collect();
        let exp_quotes: Vec<(String, String)> = exp["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                (
                    q["speaker"].as_str().unwrap_or("").to_string(),
                    q["starts_with"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        tallies.entry("quotes").or_default().compare(
            id,
            &exp_quotes,
            &quotes,
            |(s, start), (ps, t)| {
                t.starts_with(start.as_str()) && ps.as_deref().is_some_and(|p| same_org(p, s))
            },
            |q| format!("{q:?}"),
            |q| format!("{q:?}"),
        );
        let pairs: Vec<(String, String, &str, &str)> = e
            .partnerships
            .iter()
            .flatten()
            .map(|p| (p.a.clone(), p.b.clone(), p.kind, p.status))
            .collect();
        let exp_pairs: Vec<(String, String, String, String)> = exp["partnerships"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let s = |k: &str| p[k].as_str().unwrap().to_string();
                (s("a"), s("b"), s("type"), s("status"))
            })
            .collect();
        tallies.entry("partnerships").or_default().compare(
            id,
            &exp_pairs,
            &pairs,
            |(a, b, t, s), (pa, pb, pt, ps)| {
                let pair =
                    (same_org(a, pa) && same_org(b, pb)) || (same_org(a, pb) && same_org(b, pa));
                pair && t == pt && s == ps
            },
            |p| format!("{p:?}"),
            |p| format!("{p:?}"),
        );
    }
    let mut report = String::new();
    let mut failed = false;
    for &(stage, floor) in FLOORS {
        let tally = tallies.remove(stage).unwrap_or_default();
        let score = if stage == "clean_text" {
            clean_exact.0 as f64 / clean_exact.1.max(1) as f64
        } else {
            tally.f1()
        };
        report.push_str(&format!("{stage}: {score:.3} (floor {floor})\n"));
        if score < floor {
            failed = true;
            for d in &tally.diffs {
                report.push_str(&format!("  {d}\n"));
            }
        }
    }
    eprintln!("{report}");
    assert!(!failed, "corpus agreement fell below its floor:\n{report}");
}
