//! Fuzz target: see `netakosh::fuzzing::analysis` for the properties checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| netakosh::fuzzing::analysis(data));
