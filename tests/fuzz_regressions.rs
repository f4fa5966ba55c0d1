//! Inputs the fuzzers (fuzz/) found failing, replayed the way their target
//! ran them: `stage_X-*` through stage X alone, `input_auto-*` as a file of
//! unknown format through the whole pipeline. Each must give records whose
//! spans match their text, without a panic.

use newsmine::extract::{extract, ExtractConfig, Stages};
use newsmine::input::{InputConfig, InputPath, Records};
use newsmine::record::{Article, Body, Source};
use std::path::Path;
use std::sync::Arc;

fn replay(target: &str, bytes: &[u8]) -> Result<(), String> {
    if let Some(stage) = target.strip_prefix("stage_") {
        let article = Article {
            id: "fuzz".into(),
            body: Body::Text(String::from_utf8_lossy(bytes).into_owned()),
            date: Some("2024-03-15".into()),
            url: None,
            title: None,
            author: None,
            site_name: None,
            source: Source::default(),
        };
        let config = ExtractConfig {
            stages: Stages::parse(stage)?,
            clean: false,
            reference_date: None,
        };
        return extract(&article, &config).check_spans();
    }
    assert_eq!(target, "input_auto", "no replay for {target}");
    let input = InputPath::Memory {
        name: "fuzz".into(),
        bytes: Arc::from(bytes),
    };
    for article in Records::new(vec![input], InputConfig::default()).flatten() {
        extract(&article, &ExtractConfig::default()).check_spans()?;
    }
    Ok(())
}

#[test]
fn inputs_found_by_the_fuzzers() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut replayed = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let target = name.split('-').next().unwrap();
        let result = replay(target, &std::fs::read(&path).unwrap());
        assert_eq!(result, Ok(()), "{name}");
        replayed += 1;
    }
    assert!(replayed >= 2);
}
