//! Shared by the end-to-end tests: a `run` interrupted by SIGINT.

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

/// Starts `newsmine run INPUTS --out OUT`, sends SIGINT as soon as `signal`
/// (a file in OUT) is not empty, and returns what the process wrote.
pub fn interrupted_run(inputs: &[PathBuf], out: &Path, signal: &str) -> Output {
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsmine"))
        .arg("run")
        .args(inputs)
        .arg("--out")
        .arg(out)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let signal = out.join(signal);
    let started = Instant::now();
    while std::fs::metadata(&signal).map_or(true, |m| m.len() == 0) {
        assert!(
            started.elapsed().as_secs() < 60,
            "{} stayed empty",
            signal.display()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    child.wait_with_output().unwrap()
}
