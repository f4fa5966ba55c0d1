//! Boilerplate removal and metadata of any HTML page: no panic, no hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    newsmine::clean::clean_html(&String::from_utf8_lossy(data));
});
