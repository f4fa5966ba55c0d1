//! The output folder of `run`. Every file is written under a temporary name
//! and renamed only when the run completes, so a crash never leaves a file
//! that looks complete.

use super::{AggregatedPartnership, Dataset};
use serde::Serialize;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Open output files of one run.
pub struct OutputDir {
    dir: PathBuf,
    articles: BufWriter<File>,
    errors: BufWriter<File>,
}

fn partial(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!(".{name}.partial"))
}

fn create(path: &Path) -> io::Result<BufWriter<File>> {
    File::create(path)
        .map(|f| BufWriter::with_capacity(1 << 20, f))
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}

impl OutputDir {
    /// Creates the folder if needed and opens the streaming files.
    pub fn create(dir: &Path) -> io::Result<Self> {
        fs::create_dir_all(dir)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
        Ok(OutputDir {
            dir: dir.to_path_buf(),
            articles: create(&partial(dir, "articles.jsonl"))?,
            errors: create(&partial(dir, "errors.jsonl"))?,
        })
    }

    pub fn write_article(&mut self, json: &[u8]) -> io::Result<()> {
        self.articles.write_all(json)?;
        self.articles.write_all(b"\n")
    }

    pub fn write_error(&mut self, json: &[u8]) -> io::Result<()> {
        self.errors.write_all(json)?;
        self.errors.write_all(b"\n")
    }

    /// Flushes what was written and leaves it under the temporary names: for
    /// an interrupted run, whose files must not look complete.
    pub fn abandon(mut self) -> io::Result<PathBuf> {
        self.articles.flush()?;
        self.errors.flush()?;
        Ok(partial(&self.dir, "articles.jsonl"))
    }

    /// Writes the aggregated files and renames everything into place.
    pub fn finish(mut self, dataset: &mut Dataset) -> io::Result<()> {
        dataset.merge_acronyms();
        self.articles.flush()?;
        self.errors.flush()?;
        let partnerships = dataset.partnerships();
        write_jsonl(&partial(&self.dir, "partnerships.jsonl"), &partnerships)?;
        write_csv(&partial(&self.dir, "partnerships.csv"), &partnerships)?;
        write_jsonl(
            &partial(&self.dir, "organizations.jsonl"),
            &dataset.organizations(),
        )?;
        for name in [
            "articles.jsonl",
            "errors.jsonl",
            "partnerships.jsonl",
            "partnerships.csv",
            "organizations.jsonl",
        ] {
            fs::rename(partial(&self.dir, name), self.dir.join(name))?;
        }
        Ok(())
    }
}

fn write_jsonl<T: Serialize>(path: &Path, rows: &[T]) -> io::Result<()> {
    let mut w = create(path)?;
    for r in rows {
        serde_json::to_writer(&mut w, r)?;
        w.write_all(b"\n")?;
    }
    w.flush()
}

/// One row per aggregated partnership; the evidence of its latest mention.
fn write_csv(path: &Path, rows: &[AggregatedPartnership]) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(create(path)?);
    w.write_record([
        "schema_version",
        "a",
        "b",
        "type",
        "status",
        "first_seen",
        "last_seen",
        "articles",
        "sources",
        "confidence",
        "statuses",
        "latest_evidence",
        "latest_url",
    ])?;
    for p in rows {
        let latest = p.mentions.last();
        let statuses: Vec<&str> = p.status_history.iter().map(|s| s.status).collect();
        w.write_record([
            p.schema_version.to_string(),
            p.a.clone(),
            p.b.clone(),
            p.kind.to_string(),
            p.status.to_string(),
            p.first_seen.clone().unwrap_or_default(),
            p.last_seen.clone().unwrap_or_default(),
            p.articles.to_string(),
            p.sources.to_string(),
            p.confidence.to_string(),
            statuses.join(";"),
            latest.map(|m| m.evidence.clone()).unwrap_or_default(),
            latest.and_then(|m| m.url.clone()).unwrap_or_default(),
        ])?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_appear_only_when_finished() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = OutputDir::create(dir.path()).unwrap();
        out.write_article(b"{\"id\":\"a\"}").unwrap();
        assert!(!dir.path().join("articles.jsonl").exists());
        out.finish(&mut Dataset::new()).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("articles.jsonl")).unwrap(),
            "{\"id\":\"a\"}\n"
        );
        let csv = fs::read_to_string(dir.path().join("partnerships.csv")).unwrap();
        assert!(csv.starts_with("schema_version,a,b,type,status"));
        assert!(!dir.path().join(".articles.jsonl.partial").exists());
    }
}
