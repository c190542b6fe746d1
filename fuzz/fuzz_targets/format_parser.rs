//! Fuzz target: see `netakosh::fuzzing::format_parser` for the properties checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| netakosh::fuzzing::format_parser(data));
