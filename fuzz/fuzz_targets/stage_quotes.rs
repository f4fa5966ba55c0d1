//! The quotes stage on any text: spans match the text at their offsets.
#![no_main]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::run_stage(data, "quotes");
});
