//! Reads the files `newsmine run` wrote into the shapes the report needs.
//! The records mirror `crate::dataset` (which only serializes) and keep
//! only the fields the page shows; `articles.jsonl` and `errors.jsonl` are
//! streamed, so their size does not matter.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

/// One article's report of a partnership.
#[derive(Debug, Clone, Deserialize)]
pub struct Mention {
    pub article_id: String,
    pub url: Option<String>,
    pub date: Option<String>,
    pub status: String,
    pub evidence: String,
}

/// One aggregated partnership (a row of `partnerships.jsonl`).
#[derive(Debug, Clone, Deserialize)]
pub struct Partnership {
    pub a: String,
    pub b: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub status: String,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub articles: usize,
    pub sources: usize,
    pub confidence: f32,
    pub mentions: Vec<Mention>,
}

/// One organization (a row of `organizations.jsonl`).
#[derive(Debug, Clone, Deserialize)]
pub struct Organization {
    pub name: String,
    pub articles: usize,
}

/// Everything the report shows about one run.
#[derive(Debug, Clone, Default)]
pub struct RunData {
    /// Name of the run folder, for the page title.
    pub name: String,
    pub articles: usize,
    /// Titles of the articles that report a partnership, by article id.
    pub titles: HashMap<String, String>,
    pub organizations: Vec<Organization>,
    pub partnerships: Vec<Partnership>,
    pub errors: usize,
    /// Failed records per input file, most first.
    pub errors_by_file: Vec<(String, usize)>,
    /// The first few error messages, as `file:line: error`.
    pub error_samples: Vec<String>,
}

/// How many error messages the page quotes.
const ERROR_SAMPLES: usize = 10;

#[derive(Deserialize)]
struct ArticleLine {
    id: String,
    title: Option<String>,
}

#[derive(Deserialize)]
struct ErrorSource {
    file: String,
    line: Option<u64>,
}

#[derive(Deserialize)]
struct ErrorLine {
    source: ErrorSource,
    error: String,
}

fn open(dir: &Path, name: &str) -> io::Result<BufReader<File>> {
    let path = dir.join(name);
    File::open(&path).map(BufReader::new).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!(
                "{}: {e} (is it a folder written by `newsmine run`?)",
                path.display()
            ),
        )
    })
}

/// Calls `f` on every non-empty line of `name`, parsed as `T`.
fn each_line<T: for<'de> Deserialize<'de>>(
    dir: &Path,
    name: &str,
    mut f: impl FnMut(T),
) -> io::Result<()> {
    for (i, line) in open(dir, name)?.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let record = serde_json::from_str(&line).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{}:{}: {e}", dir.join(name).display(), i + 1),
            )
        })?;
        f(record);
    }
    Ok(())
}

impl RunData {
    /// Reads a run folder.
    pub fn load(dir: &Path) -> io::Result<Self> {
        let mut data = RunData {
            name: dir
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| dir.display().to_string()),
            ..RunData::default()
        };
        each_line(dir, "partnerships.jsonl", |p| data.partnerships.push(p))?;
        each_line(dir, "organizations.jsonl", |o| data.organizations.push(o))?;
        let cited: HashSet<&str> = data
            .partnerships
            .iter()
            .flat_map(|p| p.mentions.iter().map(|m| m.article_id.as_str()))
            .collect();
        let mut titles = HashMap::new();
        let mut articles = 0;
        each_line(dir, "articles.jsonl", |a: ArticleLine| {
            articles += 1;
            if let Some(title) = a.title.filter(|_| cited.contains(a.id.as_str())) {
                titles.insert(a.id, title);
            }
        })?;
        data.articles = articles;
        data.titles = titles;
        let mut by_file: BTreeMap<String, usize> = BTreeMap::new();
        each_line(dir, "errors.jsonl", |e: ErrorLine| {
            data.errors += 1;
            if data.error_samples.len() < ERROR_SAMPLES {
                let at = match e.source.line {
                    Some(l) => format!("{}:{l}", e.source.file),
                    None => e.source.file.clone(),
                };
                data.error_samples.push(format!("{at}: {}", e.error));
            }
            *by_file.entry(e.source.file).or_default() += 1;
        })?;
        data.errors_by_file = by_file.into_iter().collect();
        data.errors_by_file
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn reads_a_run_folder() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| fs::write(dir.path().join(name), text).unwrap();
        write(
            "partnerships.jsonl",
            r#"{"schema_version":1,"a":"Acme","b":"Globex","type":"supply","status":"announced","status_history":[],"first_seen":"2024-01-02","last_seen":"2024-01-02","articles":1,"sources":1,"confidence":0.8,"mentions":[{"article_id":"a1","url":"https://x.com/1","date":"2024-01-02","status":"announced","evidence":"Acme will supply Globex.","start":0,"end":24}]}
"#,
        );
        write(
            "organizations.jsonl",
            "{\"schema_version\":1,\"name\":\"Acme\",\"aliases\":[\"Acme\"],\"articles\":2,\"mentions\":3}\n",
        );
        write(
            "articles.jsonl",
            "{\"id\":\"a1\",\"title\":\"Acme deal\",\"text\":\"...\"}\n{\"id\":\"a2\",\"title\":\"Other\",\"text\":\"\"}\n\n",
        );
        write(
            "errors.jsonl",
            "{\"source\":{\"file\":\"b.jsonl\",\"line\":3},\"error\":\"bad\"}\n{\"source\":{\"file\":\"a.html\"},\"error\":\"worse\"}\n{\"source\":{\"file\":\"b.jsonl\",\"line\":9},\"error\":\"bad\"}\n",
        );
        let d = RunData::load(dir.path()).unwrap();
        assert_eq!(d.articles, 2);
        assert_eq!(d.partnerships.len(), 1);
        assert_eq!(
            d.partnerships[0].mentions[0].evidence,
            "Acme will supply Globex."
        );
        assert_eq!(d.organizations[0].articles, 2);
        // Only the titles of articles that report a partnership are kept.
        assert_eq!(d.titles.len(), 1);
        assert_eq!(d.titles["a1"], "Acme deal");
        assert_eq!(d.errors, 3);
        assert_eq!(
            d.errors_by_file,
            [("b.jsonl".to_string(), 2), ("a.html".to_string(), 1)]
        );
        assert_eq!(d.error_samples[0], "b.jsonl:3: bad");
        assert_eq!(d.error_samples[1], "a.html: worse");
    }

    #[test]
    fn missing_file_names_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let err = RunData::load(dir.path()).unwrap_err();
        assert!(err.to_string().contains("partnerships.jsonl"), "{err}");
    }
}
