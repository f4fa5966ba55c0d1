//! Partnership mentions kept on disk while a run goes on, and read back at
//! the end grouped by partnership through an external merge sort, so that
//! the memory of `run` does not grow with the number of mentions.
//!
//! A spilled line is `{group}\t{seq}\t{date}\t{json}`: the aggregate it
//! belongs to when written, its place in input order, its publication date
//! (empty when unknown) and the mention. The groups are only final at the
//! end (acronym merging joins some), so sorting waits until then.

use super::Mention;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Seek, Write};
use std::path::{Path, PathBuf};

/// Bytes of spilled lines sorted in memory at a time.
const RUN_BYTES: usize = 8 << 20;

/// The order mentions come back in: by aggregate, then oldest first
/// (undated ones last), then input order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    group: u64,
    undated: bool,
    date: String,
    seq: u64,
}

/// Mentions written so far, in an unnamed temporary file.
pub struct Spill {
    file: BufWriter<File>,
    next_seq: u64,
    /// Where the sorted runs go too.
    dir: PathBuf,
}

fn corrupt(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("partnership mention spill: {what}"),
    )
}

/// Splits `{group}\t{seq}\t{date}\t{json}` into its key and the JSON.
fn split_line(line: &str) -> io::Result<(Key, &str)> {
    let mut parts = line.trim_end_matches('\n').splitn(4, '\t');
    let mut field = || parts.next().ok_or_else(|| corrupt("bad line"));
    let number = |f: &str| f.parse().map_err(|_| corrupt("bad line"));
    let (group, seq, date) = (number(field()?)?, number(field()?)?, field()?);
    let key = Key {
        group,
        undated: date.is_empty(),
        date: date.to_string(),
        seq,
    };
    Ok((key, field()?))
}

fn write_line(w: &mut impl Write, key: &Key, json: &str) -> io::Result<()> {
    writeln!(w, "{}\t{}\t{}\t{json}", key.group, key.seq, key.date)
}

impl Spill {
    /// A spill file in `dir`, removed by the system when dropped (or when the
    /// process dies), so an interrupted run leaves nothing behind.
    pub fn in_dir(dir: &Path) -> io::Result<Self> {
        let file = tempfile::tempfile_in(dir)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
        Ok(Spill {
            file: BufWriter::with_capacity(1 << 20, file),
            next_seq: 0,
            dir: dir.to_path_buf(),
        })
    }

    /// Writes a mention of aggregate `group`; returns its place in input order.
    pub fn push(&mut self, group: u32, mention: &Mention) -> io::Result<u64> {
        let date = mention.date.as_deref().unwrap_or_default();
        if date.contains(['\t', '\n']) {
            return Err(corrupt("a date with a tab or a line break"));
        }
        let seq = self.next_seq;
        write!(self.file, "{group}\t{seq}\t{date}\t")?;
        serde_json::to_writer(&mut self.file, mention)?;
        self.file.write_all(b"\n")?;
        self.next_seq += 1;
        Ok(seq)
    }

    /// Every mention, ordered by `key(group)`, then by date (oldest first,
    /// undated last), then input order; `key` maps each group to its final
    /// aggregate.
    pub fn sorted(self, key: impl Fn(u32) -> u64) -> io::Result<Sorted> {
        let mut file = self.file.into_inner().map_err(|e| e.into_error())?;
        file.rewind()?;
        let spilled = BufReader::with_capacity(1 << 20, file);
        Sorted::merge(sorted_runs(spilled, key, &self.dir, RUN_BYTES)?)
    }
}

/// Cuts the spill into runs of about `run_bytes`, each sorted by [`Key`]
/// (with final groups) and written to its own temporary file in `dir`.
fn sorted_runs(
    mut reader: impl BufRead,
    key: impl Fn(u32) -> u64,
    dir: &Path,
    run_bytes: usize,
) -> io::Result<Vec<File>> {
    let mut runs = Vec::new();
    let mut lines: Vec<(Key, String)> = Vec::new();
    let mut bytes = 0;
    loop {
        let mut line = String::new();
        let done = reader.read_line(&mut line)? == 0;
        if !done {
            let (mut k, json) = split_line(&line)?;
            k.group = key(u32::try_from(k.group).map_err(|_| corrupt("bad group"))?);
            bytes += line.len();
            lines.push((k, json.to_string()));
        }
        if (done && !lines.is_empty()) || bytes >= run_bytes {
            lines.sort_unstable_by(|x, y| x.0.cmp(&y.0));
            let mut run = BufWriter::with_capacity(1 << 20, tempfile::tempfile_in(dir)?);
            for (k, json) in lines.drain(..) {
                write_line(&mut run, &k, &json)?;
            }
            let mut run = run.into_inner().map_err(|e| e.into_error())?;
            run.rewind()?;
            runs.push(run);
            bytes = 0;
        }
        if done {
            return Ok(runs);
        }
    }
}

/// The k-way merge of the sorted runs.
pub struct Sorted {
    runs: Vec<BufReader<File>>,
    /// The JSON of the head line of each run that is not exhausted.
    heads: Vec<Option<String>>,
    heap: BinaryHeap<Reverse<(Key, usize)>>,
}

impl Sorted {
    fn merge(files: Vec<File>) -> io::Result<Self> {
        let mut s = Sorted {
            runs: files
                .into_iter()
                .map(|f| BufReader::with_capacity(1 << 16, f))
                .collect(),
            heads: Vec::new(),
            heap: BinaryHeap::new(),
        };
        s.heads = vec![None; s.runs.len()];
        for i in 0..s.runs.len() {
            s.advance(i)?;
        }
        Ok(s)
    }

    /// Reads the next line of run `i` into its head.
    fn advance(&mut self, i: usize) -> io::Result<()> {
        let mut line = String::new();
        if self.runs[i].read_line(&mut line)? == 0 {
            self.heads[i] = None;
            return Ok(());
        }
        let (key, json) = split_line(&line)?;
        self.heads[i] = Some(json.to_string());
        self.heap.push(Reverse((key, i)));
        Ok(())
    }

    /// The next mention and the key of its aggregate.
    pub fn next_mention(&mut self) -> io::Result<Option<(u64, Mention)>> {
        let Some(Reverse((key, i))) = self.heap.pop() else {
            return Ok(None);
        };
        let json = self.heads[i].take().ok_or_else(|| corrupt("lost line"))?;
        self.advance(i)?;
        let mention = serde_json::from_str(&json).map_err(|e| corrupt(&e.to_string()))?;
        Ok(Some((key.group, mention)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(id: &str, date: Option<&str>) -> Mention {
        Mention {
            article_id: id.into(),
            url: None,
            date: date.map(String::from),
            status: "announced",
            evidence: "A\tand \"B\"\nsigned.".into(),
            start: 0,
            end: 3,
        }
    }

    #[test]
    fn mentions_come_back_by_final_group_then_date_then_input_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::in_dir(dir.path()).unwrap();
        let pushed = [
            (0, "a", Some("2024-05-01")),
            (1, "b", None),
            (2, "c", Some("2024-01-01")),
            (0, "d", None),
            (1, "e", Some("2024-02-01")),
            (0, "f", Some("2024-05-01")),
        ];
        for (group, id, date) in pushed {
            spill.push(group, &mention(id, date)).unwrap();
        }
        // Group 2 merged into group 0; group 1 comes after.
        let mut sorted = spill
            .sorted(|g| match g {
                0 | 2 => 0,
                _ => 1,
            })
            .unwrap();
        let mut got = Vec::new();
        while let Some((key, m)) = sorted.next_mention().unwrap() {
            got.push((key, m.article_id.clone()));
            assert_eq!(m, mention(&m.article_id, m.date.as_deref()));
        }
        let want = [(0, "c"), (0, "a"), (0, "f"), (0, "d"), (1, "e"), (1, "b")];
        assert_eq!(got, want.map(|(k, id)| (k, id.to_string())).to_vec());
    }

    #[test]
    fn several_runs_merge_in_order() {
        let lines: String = (0..10u64)
            .rev()
            .map(|i| {
                let json = serde_json::to_string(&mention(&i.to_string(), None)).unwrap();
                format!("{}\t{i}\t\t{json}\n", i % 3)
            })
            .collect();
        let dir = tempfile::tempdir().unwrap();
        // About three lines per run.
        let run_bytes = lines.len() / 4;
        let runs = sorted_runs(lines.as_bytes(), u64::from, dir.path(), run_bytes).unwrap();
        assert_eq!(runs.len(), 4);
        let mut sorted = Sorted::merge(runs).unwrap();
        let mut keys = Vec::new();
        while let Some((key, m)) = sorted.next_mention().unwrap() {
            keys.push((key, m.article_id.parse::<u64>().unwrap()));
        }
        let want = [
            (0, 0),
            (0, 3),
            (0, 6),
            (0, 9),
            (1, 1),
            (1, 4),
            (1, 7),
            (2, 2),
            (2, 5),
            (2, 8),
        ];
        assert_eq!(keys, want);
    }
}
