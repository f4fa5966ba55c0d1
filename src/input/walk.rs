//! Expands the paths given on the command line into a sorted list of input
//! files: directories are walked recursively, hidden entries skipped, and
//! only files with an article extension are taken from them (a README or a
//! manifest beside a dump is not an article). Files named explicitly are
//! always read.

use super::InputPath;
use std::io;
use std::path::{Path, PathBuf};

/// Files under `paths` in a deterministic order; `-` stands for standard input.
pub fn list_inputs(paths: &[PathBuf]) -> io::Result<Vec<InputPath>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(InputPath::Stdin);
            continue;
        }
        let meta = std::fs::metadata(p)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", p.display())))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk_dir(p, &mut files)?;
            files.sort();
            out.extend(files.into_iter().map(InputPath::File));
        } else {
            out.push(InputPath::File(p.clone()));
        }
    }
    Ok(out)
}

/// The inputs of shard `index` of `count` (0-based): every `count`-th file of
/// the sorted list, so shards are disjoint, cover everything and do not
/// depend on the machine.
pub fn shard(inputs: Vec<InputPath>, index: usize, count: usize) -> Vec<InputPath> {
    inputs
        .into_iter()
        .enumerate()
        .filter(|(i, _)| count > 0 && i % count == index)
        .map(|(_, p)| p)
        .collect()
}

fn walk_dir(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            walk_dir(&path, out)?;
        } else if super::format_from_extension(&path).is_some() {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_recursively_sorted_and_skips_hidden_and_non_article_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("b.txt"), "b").unwrap();
        std::fs::write(dir.path().join("sub/a.txt"), "a").unwrap();
        std::fs::write(dir.path().join(".hidden.txt"), "h").unwrap();
        std::fs::write(dir.path().join("README.md"), "not an article").unwrap();
        let got = list_inputs(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<String> = got
            .iter()
            .map(|i| match i {
                InputPath::File(p) => p.strip_prefix(dir.path()).unwrap().display().to_string(),
                other => other.display_name(),
            })
            .collect();
        assert_eq!(names, ["b.txt", "sub/a.txt"]);
    }

    #[test]
    fn shards_are_disjoint_and_cover_everything() {
        let all: Vec<InputPath> = (0..10)
            .map(|i| InputPath::File(PathBuf::from(format!("{i}"))))
            .collect();
        let mut seen: Vec<InputPath> = (0..3).flat_map(|k| shard(all.clone(), k, 3)).collect();
        assert_eq!(shard(all.clone(), 1, 3).len(), 3);
        seen.sort_by_key(|p| p.display_name().parse::<u32>().unwrap());
        assert_eq!(seen, all);
    }

    #[test]
    fn missing_path_is_an_error_naming_it() {
        let err = list_inputs(&[PathBuf::from("/no/such/file")]).unwrap_err();
        assert!(err.to_string().contains("/no/such/file"));
    }
}
