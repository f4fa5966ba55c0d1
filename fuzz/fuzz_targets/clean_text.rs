//! Boilerplate removal of a text dump: the output is made of input lines.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let cleaned = newsmine::clean::clean_text(&text);
    for line in cleaned.lines() {
        assert!(text.contains(line.trim()), "invented line {line:?}");
    }
});
