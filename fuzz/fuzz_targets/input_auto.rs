//! Format detection, gzip/zstd, and one-article text and HTML files, then
//! the whole extraction with cleaning.
#![no_main]
mod common;
use libfuzzer_sys::fuzz_target;
use newsmine::extract::{self, ExtractConfig};

fuzz_target!(|data: &[u8]| common::read_as("fuzz", data, |article| {
    common::check_offsets(&extract::extract(article, &ExtractConfig::default()));
}));
