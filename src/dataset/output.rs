//! The output folder of `run`. Every file is written under a temporary name
//! and renamed only when the run completes, so a crash never leaves a file
//! that looks complete. `inputs.jsonl` lists the input files processed to
//! their end, which is what `run --resume` skips.

use super::aggregate::{PartnershipHead, StatusChange, Tally};
use super::parquet::{self, Table};
use super::{Dataset, Mention};
use crate::record::{Extraction, RecordError, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Open output files of one run.
pub struct OutputDir {
    dir: PathBuf,
    articles: BufWriter<File>,
    errors: BufWriter<File>,
    inputs: File,
    /// The input whose records are being written, and how many so far.
    current: Option<(String, u64)>,
    /// `articles.parquet`, when Parquet files were asked for.
    parquet: Option<parquet::Writer>,
}

/// The streaming files, in the order they are carried over on resume.
const STREAMED: [&str; 3] = ["articles.jsonl", "errors.jsonl", "inputs.jsonl"];

/// One input file processed to its end.
#[derive(Debug, Serialize, Deserialize)]
struct InputDone {
    file: String,
    /// Size and modification time when it was read: a changed file is read again.
    bytes: u64,
    modified: u64,
    records: u64,
}

fn identity(file: &str) -> Option<(u64, u64)> {
    let meta = fs::metadata(file).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((meta.len(), modified.as_secs()))
}

/// What `run --resume` found in the folder.
pub struct Resumed {
    pub out: OutputDir,
    /// Every article already in the folder, aggregated.
    pub dataset: Dataset,
    /// Inputs processed to their end by earlier runs: to be skipped.
    pub done: HashSet<String>,
    /// Records carried over from earlier runs (articles and errors).
    pub records: u64,
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
    /// Creates the folder if needed and opens the streaming files; with
    /// `parquet`, the articles, partnerships and organizations are also
    /// written as Parquet files.
    pub fn create(dir: &Path, parquet: bool) -> io::Result<Self> {
        fs::create_dir_all(dir)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
        let parquet = parquet
            .then(|| {
                let path = partial(dir, parquet_name(Table::Articles));
                parquet::Writer::create(&path, Table::Articles)
            })
            .transpose()?;
        Ok(OutputDir {
            dir: dir.to_path_buf(),
            articles: create(&partial(dir, "articles.jsonl"))?,
            errors: create(&partial(dir, "errors.jsonl"))?,
            inputs: create(&partial(dir, "inputs.jsonl"))?.into_inner()?,
            current: None,
            parquet,
        })
    }

    /// Opens the folder for a run that goes on from earlier ones: the
    /// records of every input they finished (and that has not changed
    /// since, and is among `inputs`) are carried over and aggregated again;
    /// records of an input left half-done are dropped, to be redone.
    pub fn resume(dir: &Path, parquet: bool, inputs: &HashSet<String>) -> io::Result<Resumed> {
        let earlier = take_earlier(dir)?;
        let mut out = OutputDir::create(dir, parquet)?;
        let mut dataset = Dataset::new(dir)?;
        let (mut done, mut records) = (HashSet::new(), 0);
        if let Some(earlier) = earlier {
            for line in read_lines(&earlier[2])? {
                let input: InputDone = parse(&earlier[2], &line?)?;
                if inputs.contains(&input.file)
                    && identity(&input.file) == Some((input.bytes, input.modified))
                {
                    out.inputs
                        .write_all(format!("{}\n", serde_json::to_string(&input)?).as_bytes())?;
                    done.insert(input.file);
                }
            }
            for line in read_lines(&earlier[0])? {
                let line = line?;
                let e: Extraction = parse(&earlier[0], &line)?;
                if done.contains(&e.source.file) {
                    dataset.add(&e)?;
                    out.write_article(&e, line.as_bytes())?;
                    records += 1;
                }
            }
            for line in read_lines(&earlier[1])? {
                let line = line?;
                let e: RecordError = parse(&earlier[1], &line)?;
                if done.contains(&e.source.file) {
                    out.write_error(line.as_bytes())?;
                    records += 1;
                }
            }
            out.articles.flush()?;
            out.errors.flush()?;
            // The manifest goes first: without it the leftovers are never read again.
            for path in earlier.iter().rev() {
                fs::remove_file(path)?;
            }
        }
        Ok(Resumed {
            out,
            dataset,
            done,
            records,
        })
    }

    /// Writes one article: `json` is `article` serialized.
    pub fn write_article(&mut self, article: &Extraction, json: &[u8]) -> io::Result<()> {
        if let Some(p) = &mut self.parquet {
            p.write(std::slice::from_ref(article))?;
        }
        self.articles.write_all(json)?;
        self.articles.write_all(b"\n")
    }

    pub fn write_error(&mut self, json: &[u8]) -> io::Result<()> {
        self.errors.write_all(json)?;
        self.errors.write_all(b"\n")
    }

    /// Notes that the record about to be written comes from `file`; when the
    /// input changes, the previous one is complete and goes in the manifest.
    pub fn record_from(&mut self, file: &str) -> io::Result<()> {
        match &mut self.current {
            Some((name, n)) if name == file => *n += 1,
            _ => {
                self.end_input()?;
                self.current = Some((file.to_string(), 1));
            }
        }
        Ok(())
    }

    /// Enters the current input in the manifest, after its records are on disk.
    fn end_input(&mut self) -> io::Result<()> {
        let Some((file, records)) = self.current.take() else {
            return Ok(());
        };
        // Standard input cannot be read again, so it is never "done".
        let Some((bytes, modified)) = identity(&file).filter(|_| file != "-") else {
            return Ok(());
        };
        self.articles.flush()?;
        self.errors.flush()?;
        let done = InputDone {
            file,
            bytes,
            modified,
            records,
        };
        // One unbuffered write per line: the manifest never runs ahead of the records.
        self.inputs
            .write_all(format!("{}\n", serde_json::to_string(&done)?).as_bytes())
    }

    /// Flushes what was written and leaves it under the temporary names: for
    /// an interrupted run, whose files must not look complete. The input
    /// being read when it stopped stays out of the manifest.
    pub fn abandon(mut self) -> io::Result<PathBuf> {
        self.articles.flush()?;
        self.errors.flush()?;
        Ok(partial(&self.dir, "articles.jsonl"))
    }

    /// Writes the aggregated files and renames everything into place.
    pub fn finish(mut self, mut dataset: Dataset) -> io::Result<Written> {
        self.end_input()?;
        dataset.merge_acronyms();
        self.articles.flush()?;
        self.errors.flush()?;
        let organizations = dataset.organizations();
        write_jsonl(&partial(&self.dir, "organizations.jsonl"), &organizations)?;
        let mut jsonl = create(&partial(&self.dir, "partnerships.jsonl"))?;
        let mut csv = csv_writer(&partial(&self.dir, "partnerships.csv"))?;
        let mut parquet = self
            .parquet
            .is_some()
            .then(|| parquet_writer(&self.dir, Table::Partnerships))
            .transpose()?;
        let mut scratch = tempfile::tempfile_in(&self.dir)?;
        let mut partnerships = 0;
        dataset.each_partnership(|head, mentions| {
            // Parquet rows are whole records: only there are mentions held.
            let mut kept = parquet.as_ref().map(|_| Vec::new());
            let mut csv_tail = CsvTail::default();
            let tally = write_streamed(&mut jsonl, &mut scratch, head, || {
                let m = mentions.read()?;
                if let Some(m) = &m {
                    csv_tail.add(m);
                    if let Some(kept) = &mut kept {
                        kept.push(m.clone());
                    }
                }
                Ok(m)
            })?;
            csv_row(&mut csv, head, &tally, &csv_tail)?;
            if let (Some(w), Some(kept)) = (&mut parquet, kept) {
                w.write(&[head.record(kept)])?;
            }
            partnerships += 1;
            Ok(())
        })?;
        jsonl.flush()?;
        csv.flush()?;
        let mut names = vec![
            "articles.jsonl",
            "errors.jsonl",
            "inputs.jsonl",
            "partnerships.jsonl",
            "partnerships.csv",
            "organizations.jsonl",
        ];
        if let (Some(articles), Some(partnerships)) = (self.parquet.take(), parquet) {
            articles.close()?;
            partnerships.close()?;
            let mut w = parquet_writer(&self.dir, Table::Organizations)?;
            w.write(&organizations)?;
            w.close()?;
            names.extend([
                "articles.parquet",
                "partnerships.parquet",
                "organizations.parquet",
            ]);
        }
        for name in names {
            fs::rename(partial(&self.dir, name), self.dir.join(name))?;
        }
        Ok(Written {
            partnerships,
            organizations: organizations.len(),
        })
    }
}

/// How many records the aggregated files got.
pub struct Written {
    pub partnerships: usize,
    pub organizations: usize,
}

/// Moves the streaming files of the latest earlier run out of the way, to be
/// read back: those of a run that stopped before finishing when there are
/// any, else the finished ones. Returns their paths, or `None` when the
/// folder holds no earlier run.
fn take_earlier(dir: &Path) -> io::Result<Option<[PathBuf; 3]>> {
    let taken = STREAMED.map(|name| dir.join(format!(".{name}.resume")));
    // Left by a resume that stopped while carrying records over: read them again.
    if taken[2].exists() {
        return Ok(Some(taken));
    }
    let unfinished = STREAMED.map(|name| partial(dir, name));
    let finished = STREAMED.map(|name| dir.join(name));
    let from = if unfinished[2].exists() {
        unfinished
    } else if finished[2].exists() {
        finished
    } else {
        return Ok(None);
    };
    for (from, to) in from.iter().zip(&taken) {
        if from.exists() {
            fs::rename(from, to)?;
        } else {
            File::create(to)?;
        }
    }
    // The aggregated files of the earlier run are rebuilt at the end.
    for name in [
        "partnerships.jsonl",
        "partnerships.csv",
        "organizations.jsonl",
        "articles.parquet",
        "partnerships.parquet",
        "organizations.parquet",
    ] {
        match fs::remove_file(dir.join(name)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(Some(taken))
}

fn parse<'a, T: Deserialize<'a>>(path: &Path, line: &'a str) -> io::Result<T> {
    serde_json::from_str(line).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: cannot resume from it: {e}", path.display()),
        )
    })
}

fn read_lines(path: &Path) -> io::Result<impl Iterator<Item = io::Result<String>>> {
    let file = File::open(path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    Ok(BufReader::with_capacity(1 << 20, file).lines())
}

fn parquet_name(table: Table) -> &'static str {
    match table {
        Table::Articles => "articles.parquet",
        Table::Partnerships => "partnerships.parquet",
        Table::Organizations => "organizations.parquet",
    }
}

fn parquet_writer(dir: &Path, table: Table) -> io::Result<parquet::Writer> {
    parquet::Writer::create(&partial(dir, parquet_name(table)), table)
}

fn write_jsonl<T: Serialize>(path: &Path, rows: &[T]) -> io::Result<()> {
    let mut w = create(path)?;
    for r in rows {
        serde_json::to_writer(&mut w, r)?;
        w.write_all(b"\n")?;
    }
    w.flush()
}

/// Writes one partnership as a line of `partnerships.jsonl` while its
/// mentions come from `next`, oldest first: the same bytes as serializing
/// [`PartnershipHead::record`], without holding the mentions (they wait in
/// `scratch` while the status history is written).
fn write_streamed(
    out: &mut impl Write,
    scratch: &mut File,
    head: &PartnershipHead,
    mut next: impl FnMut() -> io::Result<Option<Mention>>,
) -> io::Result<Tally> {
    out.write_all(format!("{{\"schema_version\":{SCHEMA_VERSION},\"a\":").as_bytes())?;
    json(out, &head.a)?;
    out.write_all(b",\"b\":")?;
    json(out, &head.b)?;
    out.write_all(b",\"type\":")?;
    json(out, &head.kind)?;
    out.write_all(b",\"status\":")?;
    json(out, &head.status)?;
    out.write_all(b",\"status_history\":[")?;
    scratch.set_len(0)?;
    scratch.rewind()?;
    let mut mentions = BufWriter::with_capacity(1 << 16, &mut *scratch);
    let mut tally = Tally::default();
    let mut first = true;
    while let Some(m) = next()? {
        if !first {
            out.write_all(b",")?;
            mentions.write_all(b",")?;
        }
        first = false;
        json(out, &StatusChange::of(&m))?;
        json(&mut mentions, &m)?;
        tally.add(&m);
    }
    mentions.flush()?;
    drop(mentions);
    out.write_all(b"],\"first_seen\":")?;
    json(out, &tally.first_seen)?;
    out.write_all(b",\"last_seen\":")?;
    json(out, &tally.last_seen)?;
    out.write_all(
        format!(
            ",\"articles\":{},\"sources\":{},\"confidence\":",
            tally.articles, head.sources
        )
        .as_bytes(),
    )?;
    json(out, &head.confidence)?;
    out.write_all(b",\"mentions\":[")?;
    scratch.rewind()?;
    io::copy(scratch, out)?;
    out.write_all(b"]}\n")?;
    Ok(tally)
}

fn json(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(out, value).map_err(io::Error::from)
}

/// What the CSV row needs from the mentions: the status changes and the
/// latest report.
#[derive(Default)]
struct CsvTail {
    /// One entry per run of mentions with the same status.
    statuses: Vec<&'static str>,
    latest_evidence: String,
    latest_url: Option<String>,
}

impl CsvTail {
    fn add(&mut self, m: &Mention) {
        if self.statuses.last() != Some(&m.status) {
            self.statuses.push(m.status);
        }
        self.latest_evidence.clone_from(&m.evidence);
        self.latest_url.clone_from(&m.url);
    }
}

/// `partnerships.csv`: one row per aggregated partnership, with the evidence
/// of its latest mention.
fn csv_writer(path: &Path) -> io::Result<csv::Writer<BufWriter<File>>> {
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
    Ok(w)
}

fn csv_row(
    w: &mut csv::Writer<BufWriter<File>>,
    p: &PartnershipHead,
    tally: &Tally,
    tail: &CsvTail,
) -> io::Result<()> {
    w.write_record([
        SCHEMA_VERSION.to_string(),
        p.a.clone(),
        p.b.clone(),
        p.kind.to_string(),
        p.status.to_string(),
        tally.first_seen.clone().unwrap_or_default(),
        tally.last_seen.clone().unwrap_or_default(),
        tally.articles.to_string(),
        p.sources.to_string(),
        p.confidence.to_string(),
        tail.statuses.join(";"),
        tail.latest_evidence.clone(),
        tail.latest_url.clone().unwrap_or_default(),
    ])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(article: &str, date: Option<&str>, status: &'static str) -> Mention {
        Mention {
            article_id: article.into(),
            url: Some(format!("https://a.example/{article}")),
            date: date.map(String::from),
            status,
            evidence: format!("Acme and \"Zeta\" signed ({article})."),
            start: 3,
            end: 40,
        }
    }

    #[test]
    fn a_streamed_partnership_is_its_serialized_record() {
        let dir = tempfile::tempdir().unwrap();
        let mut scratch = tempfile::tempfile_in(dir.path()).unwrap();
        let head = PartnershipHead {
            a: "Acme \"A\" Corp".into(),
            b: "Zeta".into(),
            kind: "supply",
            status: "ended",
            sources: 2,
            confidence: 0.875,
        };
        let long = vec![
            mention("1", Some("2024-01-02"), "announced"),
            mention("1", Some("2024-01-02"), "announced"),
            mention("2", Some("2024-03-01"), "ongoing"),
            mention("3", None, "ended"),
        ];
        // The scratch file is reused: a shorter record after a longer one.
        for mentions in [long.clone(), long[2..3].to_vec()] {
            let mut out = Vec::new();
            let mut it = mentions.clone().into_iter();
            let tally = write_streamed(&mut out, &mut scratch, &head, || Ok(it.next())).unwrap();
            let record = head.record(mentions);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&record).unwrap() + "\n"
            );
            assert_eq!(tally.articles, record.articles);
        }
        assert_eq!(head.record(long).articles, 3);
    }

    #[test]
    fn files_appear_only_when_finished() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = OutputDir::create(dir.path(), false).unwrap();
        out.write_error(b"{\"id\":\"a\"}").unwrap();
        assert!(!dir.path().join("articles.jsonl").exists());
        out.finish(Dataset::new(dir.path()).unwrap()).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("errors.jsonl")).unwrap(),
            "{\"id\":\"a\"}\n"
        );
        let csv = fs::read_to_string(dir.path().join("partnerships.csv")).unwrap();
        assert!(csv.starts_with("schema_version,a,b,type,status"));
        assert!(!dir.path().join(".articles.jsonl.partial").exists());
    }

    fn input(dir: &Path, name: &str) -> String {
        let path = dir.join(name);
        fs::write(&path, name).unwrap();
        path.display().to_string()
    }

    fn error_line(file: &str) -> Vec<u8> {
        let e = RecordError::new(
            crate::record::Source {
                file: file.to_string(),
                ..Default::default()
            },
            "bad",
        );
        serde_json::to_vec(&e).unwrap()
    }

    #[test]
    fn resume_keeps_finished_inputs_and_drops_the_half_read_one() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (input(dir.path(), "a"), input(dir.path(), "b"));
        let out_dir = dir.path().join("out");
        let mut out = OutputDir::create(&out_dir, false).unwrap();
        for file in [&a, &a, &b] {
            out.record_from(file).unwrap();
            out.write_error(&error_line(file)).unwrap();
        }
        // Interrupted while reading `b`: only `a` is done.
        out.abandon().unwrap();
        let inputs: HashSet<String> = [a.clone(), b.clone()].into();
        let resumed = OutputDir::resume(&out_dir, false, &inputs).unwrap();
        assert_eq!(resumed.done, [a.clone()].into());
        assert_eq!(resumed.records, 2);
        let mut out = resumed.out;
        out.record_from(&b).unwrap();
        out.write_error(&error_line(&b)).unwrap();
        out.finish(Dataset::new(dir.path()).unwrap()).unwrap();
        let errors = fs::read_to_string(out_dir.join("errors.jsonl")).unwrap();
        let files: Vec<&str> = errors
            .lines()
            .map(|l| if l.contains("/a\"") { "a" } else { "b" })
            .collect();
        assert_eq!(files, ["a", "a", "b"]);
        let manifest = fs::read_to_string(out_dir.join("inputs.jsonl")).unwrap();
        assert_eq!(manifest.lines().count(), 2);
        let leftovers: Vec<_> = fs::read_dir(&out_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.starts_with('.'))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}
