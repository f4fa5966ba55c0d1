//! WARC reader: any bytes give articles, skipped records or error records.
#![no_main]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| common::read_as("fuzz.warc", data, |_| {}));
