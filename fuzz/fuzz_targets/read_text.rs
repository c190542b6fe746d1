//! Fuzz target: see `netakosh::fuzzing::read_text` for the properties checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| netakosh::fuzzing::read_text(data));
