//! Fuzz target: see `netakosh::fuzzing::record_parser` for the properties checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| netakosh::fuzzing::record_parser(data));
