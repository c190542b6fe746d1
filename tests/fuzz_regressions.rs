//! Replays the fuzz targets' inputs through the same properties the fuzzer checks
//! (`netakosh::fuzzing`): the hand-written seeds in `fuzz/seeds/TARGET/` and every
//! input the fuzzer found failing, minimised, in `fuzz/regressions/TARGET/`.
//! Fuzzing itself runs outside CI (`cargo +nightly fuzz run TARGET`, see README).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// Runs `harness` on each input for `target`; returns how many there were.
fn replay(target: &str, harness: impl Fn(&[u8])) -> usize {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for kind in ["seeds", "regressions"] {
        let dir = fuzz.join(kind).join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let data = std::fs::read(&path).unwrap();
            if catch_unwind(AssertUnwindSafe(|| harness(&data))).is_err() {
                panic!("{} fails (see the panic above)", path.display());
            }
            count += 1;
        }
    }
    count
}

#[test]
fn record_parser() {
    assert!(replay("record_parser", netakosh::fuzzing::record_parser) >= 2);
    // The bundled seed is real data: every record of it round-trips too.
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/seed.jsonl");
    netakosh::fuzzing::record_parser(&std::fs::read(seed).unwrap());
}

#[test]
fn format_parser() {
    assert!(replay("format_parser", netakosh::fuzzing::format_parser) >= 1);
}

#[test]
fn read_text() {
    assert!(replay("read_text", netakosh::fuzzing::read_text) >= 2);
}

#[test]
fn analysis() {
    assert!(replay("analysis", netakosh::fuzzing::analysis) >= 3);
}

/// A knowledge base holding the bundled seed, in a temporary home.
fn seeded() -> (tempfile::TempDir, netakosh::kb::Kb) {
    let dir = tempfile::tempdir().unwrap();
    let kb = netakosh::kb::Kb::open(
        &netakosh::kb::Home::new(dir.path()),
        netakosh::kb::OpenOptions::default(),
    )
    .unwrap();
    (dir, kb)
}

#[test]
fn query() {
    let (_dir, kb) = seeded();
    assert!(replay("query", |d| netakosh::fuzzing::query(&kb, d)) >= 3);
}

#[test]
fn import_plan() {
    let (_dir, kb) = seeded();
    assert!(replay("import_plan", |d| netakosh::fuzzing::import_plan(&kb, d)) >= 2);
}
