//! JSONL reader: any bytes give articles or error records, never a panic.
#![no_main]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| common::read_as("fuzz.jsonl", data, |_| {}));
