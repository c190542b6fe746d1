//! Fuzz target: see `netakosh::fuzzing::query` for the properties checked, on a
//! knowledge base holding the bundled seed, built once per fuzzing process.
#![no_main]

use netakosh::kb::{Home, Kb, OpenOptions};

thread_local! {
    // libFuzzer runs the target on one thread; a `Kb` is not shared between threads.
    static KB: (tempfile::TempDir, Kb) = {
        let dir = tempfile::tempdir().expect("a temporary home");
        let kb = Kb::open(&Home::new(dir.path()), OpenOptions::default()).expect("a seeded home");
        (dir, kb)
    };
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    KB.with(|(_, kb)| netakosh::fuzzing::query(kb, data));
});
