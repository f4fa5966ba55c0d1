//! The parallel, streaming pipeline: a reader thread cuts the input into
//! chunks of records, rayon workers clean and extract each chunk, and the
//! results come back in input order to a sink. Memory is bounded by the
//! chunk size, and the output bytes do not depend on the thread count.

use crate::extract::{self, ExtractConfig};
use crate::input::Records;
use crate::record::{Article, Cleaned, Extraction, RecordError};
use std::collections::VecDeque;
use std::io;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::sync_channel;
use std::time::Instant;

/// What to do with each article.
#[derive(Debug, Clone)]
pub enum Task {
    /// Boilerplate removal only.
    Clean,
    /// Cleaning (unless disabled) and extraction.
    Extract(ExtractConfig),
}

/// Parallelism and batching.
#[derive(Debug, Clone, Copy)]
pub struct PipelineConfig {
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// A chunk is cut after this many records...
    pub chunk_records: usize,
    /// ...or after this many bytes of article bodies. 1 MB rather than 4:
    /// on 12.6 MB of real dumps four chunks left one core idle at the
    /// ends (`clean` 140 -> 150 MB/s), and nothing ran slower.
    pub chunk_bytes: usize,
}

impl Default for PipelineConfig {
    fn default() -> Self {
        PipelineConfig {
            threads: 0,
            chunk_records: 512,
            chunk_bytes: 1 << 20,
        }
    }
}

/// The result for one input record.
pub enum Outcome {
    Cleaned(Cleaned),
    Extracted(Box<Extraction>),
    Failed(RecordError),
}

/// One processed record: its outcome and its JSON line (without the newline).
pub struct Processed {
    pub outcome: Outcome,
    pub json: Vec<u8>,
}

/// Counts for the end-of-run summary.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    pub records_read: u64,
    pub records_written: u64,
    pub records_failed: u64,
    pub bytes_read: u64,
    /// Input records skipped on purpose (WARC records that are not HTML responses).
    pub records_skipped: u64,
    pub seconds: f64,
    pub orgs: u64,
    pub dates: u64,
    pub quotes: u64,
    pub partnerships: u64,
}

impl Summary {
    fn count(&mut self, outcome: &Outcome) {
        self.records_read += 1;
        match outcome {
            Outcome::Failed(_) => self.records_failed += 1,
            Outcome::Cleaned(_) => self.records_written += 1,
            Outcome::Extracted(e) => {
                self.records_written += 1;
                self.orgs += e.orgs.as_ref().map_or(0, |v| v.len() as u64);
                self.dates += e.dates.as_ref().map_or(0, |v| v.len() as u64);
                self.quotes += e.quotes.as_ref().map_or(0, |v| v.len() as u64);
                self.partnerships += e.partnerships.as_ref().map_or(0, |v| v.len() as u64);
            }
        }
    }
}

/// Processes one article; a panic in a stage becomes an error record.
pub fn process(article: Article, task: &Task) -> Outcome {
    let source = article.source.clone();
    let id = article.id.clone();
    let result = catch_unwind(AssertUnwindSafe(|| match task {
        Task::Clean => {
            let page = extract::prepare(&article, true);
            Outcome::Cleaned(Cleaned {
                id: article.id,
                text: page.text,
                title: article.title.or(page.title),
                date: article.date.or(page.date),
                url: article.url.or(page.url),
                author: article.author.or(page.author),
                site_name: article.site_name.or(page.site_name),
            })
        }
        Task::Extract(config) => Outcome::Extracted(Box::new(extract::extract(&article, config))),
    }));
    result.unwrap_or_else(|panic| {
        let msg = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        Outcome::Failed(RecordError {
            id: Some(id),
            source,
            error: format!("internal error: {msg}"),
        })
    })
}

fn to_json(outcome: &Outcome) -> Vec<u8> {
    match outcome {
        Outcome::Cleaned(c) => c.to_json(),
        Outcome::Extracted(e) => e.to_json(),
        Outcome::Failed(e) => serde_json::to_vec(e).expect("records serialize"),
    }
}

/// Chunks being processed at once: one the sink waits for, one the workers
/// move on to.
const IN_FLIGHT: usize = 2;

/// Processes and serializes one chunk's records in parallel, in order.
fn process_chunk(chunk: Vec<Result<Article, RecordError>>, task: &Task) -> Vec<Processed> {
    use rayon::prelude::*;
    chunk
        .into_par_iter()
        .map(|r| {
            let outcome = match r {
                Ok(article) => process(article, task),
                Err(e) => Outcome::Failed(e),
            };
            let json = to_json(&outcome);
            Processed { outcome, json }
        })
        .collect()
}

/// Records, and the input bytes read and records skipped while reading them.
type Chunk = (Vec<Result<Article, RecordError>>, u64, u64);

/// Runs `task` over every record and hands each result, in input order, to `sink`.
/// Stops early (without error) when the sink returns `Ok(false)`.
pub fn run(
    records: Records,
    task: &Task,
    config: PipelineConfig,
    mut sink: impl FnMut(Processed) -> io::Result<bool>,
) -> io::Result<Summary> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads)
        .build()
        .map_err(io::Error::other)?;
    let (tx, rx) = sync_channel::<Chunk>(2);
    let reader = std::thread::spawn(move || {
        let mut records = records;
        loop {
            let mut chunk = Vec::new();
            let mut bytes = 0usize;
            let (bytes_before, skipped_before) = (records.bytes_read, records.skipped);
            while chunk.len() < config.chunk_records && bytes < config.chunk_bytes {
                match records.next() {
                    Some(r) => {
                        bytes += r.as_ref().map_or(0, article_len);
                        chunk.push(r);
                    }
                    None => break,
                }
            }
            let read = records.bytes_read - bytes_before;
            let skipped = records.skipped - skipped_before;
            if chunk.is_empty() && skipped == 0 {
                return;
            }
            if tx.send((chunk, read, skipped)).is_err() {
                return;
            }
        }
    });
    // Chunks are processed while earlier ones are written: the workers start
    // on the next chunk instead of waiting for the sink to drain this one.
    let mut summary = Summary::default();
    let result = pool.in_place_scope(|scope| -> io::Result<()> {
        let mut pending = VecDeque::with_capacity(IN_FLIGHT);
        let mut chunks = rx.iter();
        loop {
            while pending.len() < IN_FLIGHT {
                let Some((chunk, bytes, skipped)) = chunks.next() else {
                    break;
                };
                summary.bytes_read += bytes;
                summary.records_skipped += skipped;
                let (done, processed) = sync_channel::<Vec<Processed>>(1);
                scope.spawn(move |_| {
                    // The receiver is gone only when the sink stopped early.
                    let _ = done.send(process_chunk(chunk, task));
                });
                pending.push_back(processed);
            }
            let Some(next) = pending.pop_front() else {
                return Ok(());
            };
            let processed = next
                .recv()
                .map_err(|_| io::Error::other("a worker panicked"))?;
            for p in processed {
                summary.count(&p.outcome);
                if !sink(p)? {
                    return Ok(());
                }
            }
        }
    });
    drop(rx);
    reader
        .join()
        .map_err(|_| io::Error::other("input reader panicked"))?;
    result?;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

fn article_len(a: &Article) -> usize {
    match &a.body {
        crate::record::Body::Text(t) | crate::record::Body::Html(t) => t.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{InputConfig, InputPath};

    fn jsonl_file(lines: &[&str]) -> (tempfile::TempDir, InputPath) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("in.jsonl");
        std::fs::write(&p, lines.join("\n")).unwrap();
        (dir, InputPath::File(p))
    }

    fn run_all(input: InputPath, threads: usize) -> (Vec<String>, Summary) {
        let records = Records::new(vec![input], InputConfig::default());
        let config = PipelineConfig {
            threads,
            chunk_records: 2,
            chunk_bytes: 1 << 20,
        };
        let mut lines = Vec::new();
        let summary = run(
            records,
            &Task::Extract(ExtractConfig::default()),
            config,
            |p| {
                lines.push(String::from_utf8(p.json).unwrap());
                Ok(true)
            },
        )
        .unwrap();
        (lines, summary)
    }

    #[test]
    fn order_is_kept_and_every_record_accounted_for() {
        let (_d, input) = jsonl_file(&[
            r#"{"id": "1", "text": "Acme Corp. and Globex Inc. signed a supply deal on Monday."}"#,
            "{broken",
            r#"{"id": "3"}"#,
            r#"{"id": "4", "text": "Nothing here."}"#,
            r#"{"id": "5", "text": "More text."}"#,
        ]);
        let (lines, summary) = run_all(input, 2);
        assert_eq!(lines.len(), 5);
        assert!(lines[0].contains(r#""id":"1""#));
        assert!(lines[1].contains("invalid JSON record"));
        assert!(lines[2].contains("neither text nor html"));
        assert!(lines[4].contains(r#""id":"5""#));
        assert_eq!(
            (
                summary.records_read,
                summary.records_written,
                summary.records_failed
            ),
            (5, 3, 2)
        );
    }

    #[test]
    fn same_bytes_whatever_the_thread_count() {
        let rows: Vec<String> = (0..40)
            .map(|i| format!(r#"{{"id": "{i}", "text": "Acme Corp. partnered with Globex Inc. on {i} June 2020."}}"#))
            .collect();
        let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
        let (_d, input) = jsonl_file(&refs);
        let (one, _) = run_all(input.clone(), 1);
        let (four, _) = run_all(input, 4);
        assert_eq!(one, four);
    }
}
