//! Shared by the fuzz targets: reading fuzz bytes as input files, and the
//! checks every extraction must pass whatever the input.

// Each target uses only part of this module.
#![allow(dead_code)]

use newsmine::extract::{self, ExtractConfig, Stages};
use newsmine::input::{InputConfig, InputPath, Records};
use newsmine::record::{Article, Body, Extraction, Source};
use std::sync::Arc;

/// Reads `data` as a file called `name` (its extension picks the parser) and
/// runs every article through `check`.
pub fn read_as(name: &str, data: &[u8], check: impl Fn(&Article)) {
    let input = InputPath::Memory {
        name: name.to_string(),
        bytes: Arc::from(data),
    };
    for strict_utf8 in [false, true] {
        let config = InputConfig {
            strict_utf8,
            ..InputConfig::default()
        };
        for record in Records::new(vec![input.clone()], config) {
            match record {
                Ok(article) => check(&article),
                Err(e) => assert!(!e.error.is_empty()),
            }
        }
    }
}

/// Runs the given stages on `data` as a text article that is already clean.
pub fn run_stage(data: &[u8], stages: &str) -> Extraction {
    let article = Article {
        id: "fuzz".into(),
        body: Body::Text(String::from_utf8_lossy(data).into_owned()),
        date: Some("2024-03-15".into()),
        url: None,
        title: None,
        author: None,
        site_name: None,
        source: Source::default(),
    };
    let config = ExtractConfig {
        stages: Stages::parse(stages).expect("known stages"),
        clean: false,
        reference_date: None,
    };
    let e = extract::extract(&article, &config);
    check_offsets(&e);
    e
}

/// Every span's text is the output text's slice at its code-point offsets.
pub fn check_offsets(e: &Extraction) {
    if let Err(problem) = e.check_spans() {
        panic!("{problem}");
    }
}
