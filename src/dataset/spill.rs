//! Partnership mentions kept on disk while a run goes on, and read back at
//! the end grouped by partnership through an external merge sort, so that
//! the memory of `run` does not grow with the number of mentions.
//!
//! A spilled line is `{group}\t{seq}\t{json}`: the aggregate it belongs to
//! when written, its place in input order, and the mention. The groups are
//! only final at the end (acronym merging joins some), so sorting waits
//! until then.

use super::Mention;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Seek, Write};
use std::path::{Path, PathBuf};

/// Bytes of spilled lines sorted in memory at a time.
const RUN_BYTES: usize = 32 << 20;

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

/// Splits `{a}\t{b}\t{rest}` into its numbers and the rest.
fn split_line(line: &str) -> io::Result<(u64, u64, &str)> {
    let mut parts = line.splitn(3, '\t');
    let mut number = || -> io::Result<u64> {
        parts
            .next()
            .and_then(|p| p.parse().ok())
            .ok_or_else(|| corrupt("bad line"))
    };
    let (a, b) = (number()?, number()?);
    let rest = parts.next().ok_or_else(|| corrupt("bad line"))?;
    Ok((a, b, rest.trim_end_matches('\n')))
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

    pub fn push(&mut self, group: u32, mention: &Mention) -> io::Result<()> {
        write!(self.file, "{group}\t{}\t", self.next_seq)?;
        serde_json::to_writer(&mut self.file, mention)?;
        self.file.write_all(b"\n")?;
        self.next_seq += 1;
        Ok(())
    }

    /// Every mention, ordered by `key(group)` and then input order; `key`
    /// maps each group to its final aggregate.
    pub fn sorted(self, key: impl Fn(u32) -> u64) -> io::Result<Sorted> {
        let mut file = self.file.into_inner().map_err(|e| e.into_error())?;
        file.rewind()?;
        let spilled = BufReader::with_capacity(1 << 20, file);
        Sorted::merge(sorted_runs(spilled, key, &self.dir, RUN_BYTES)?)
    }
}

/// Cuts the spill into runs of about `run_bytes`, each sorted by (key, seq)
/// and written to its own temporary file in `dir` as `{key}\t{seq}\t{json}`.
fn sorted_runs(
    mut reader: impl BufRead,
    key: impl Fn(u32) -> u64,
    dir: &Path,
    run_bytes: usize,
) -> io::Result<Vec<File>> {
    let mut runs = Vec::new();
    let mut lines: Vec<(u64, u64, String)> = Vec::new();
    let mut bytes = 0;
    loop {
        let mut line = String::new();
        let done = reader.read_line(&mut line)? == 0;
        if !done {
            let (group, seq, json) = split_line(&line)?;
            let group = u32::try_from(group).map_err(|_| corrupt("bad group"))?;
            bytes += line.len();
            lines.push((key(group), seq, json.to_string()));
        }
        if (done && !lines.is_empty()) || bytes >= run_bytes {
            lines.sort_unstable_by_key(|l| (l.0, l.1));
            let mut run = BufWriter::with_capacity(1 << 20, tempfile::tempfile_in(dir)?);
            for (k, seq, json) in lines.drain(..) {
                writeln!(run, "{k}\t{seq}\t{json}")?;
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
    /// The head line of each run that is not exhausted.
    heads: Vec<Option<(u64, String)>>,
    heap: BinaryHeap<Reverse<(u64, u64, usize)>>,
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
        let (key, seq, json) = split_line(&line)?;
        self.heads[i] = Some((key, json.to_string()));
        self.heap.push(Reverse((key, seq, i)));
        Ok(())
    }

    /// The next mention and the key of its aggregate.
    pub fn next_mention(&mut self) -> io::Result<Option<(u64, Mention)>> {
        let Some(Reverse((_, _, i))) = self.heap.pop() else {
            return Ok(None);
        };
        let (key, json) = self.heads[i].take().ok_or_else(|| corrupt("lost line"))?;
        self.advance(i)?;
        let mention = serde_json::from_str(&json).map_err(|e| corrupt(&e.to_string()))?;
        Ok(Some((key, mention)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(id: &str) -> Mention {
        Mention {
            article_id: id.into(),
            url: None,
            date: None,
            status: "announced",
            evidence: "A\tand \"B\"\nsigned.".into(),
            start: 0,
            end: 3,
        }
    }

    #[test]
    fn mentions_come_back_by_final_group_then_input_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::in_dir(dir.path()).unwrap();
        for (group, id) in [(0, "a"), (1, "b"), (2, "c"), (0, "d"), (1, "e")] {
            spill.push(group, &mention(id)).unwrap();
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
            assert_eq!(m, mention(&m.article_id));
        }
        let want = [(0, "a"), (0, "c"), (0, "d"), (1, "b"), (1, "e")];
        assert_eq!(
            got,
            want.map(|(k, id)| (k, id.to_string())).to_vec(),
            "grouped, input order within a group"
        );
    }

    #[test]
    fn several_runs_merge_in_order() {
        let lines: String = (0..10u64)
            .rev()
            .map(|i| {
                let json = serde_json::to_string(&mention(&i.to_string())).unwrap();
                format!("{}\t{i}\t{json}\n", i % 3)
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
        assert_eq!(
            keys,
            [
                (0, 0),
                (0, 3),
                (0, 6),
                (0, 9),
                (1, 1),
                (1, 4),
                (1, 7),
                (2, 2),
                (2, 5),
                (2, 8)
            ]
        );
    }
}
