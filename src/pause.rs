//! Test pause points: named moments of an import where a test can stop the process.
//!
//! When the environment variable `NETAKOSH_TEST_PAUSE` names a point, the process
//! says `netakosh: test pause at POINT` on stderr when it gets there and waits for a
//! line (or end of file) on standard input. The crash test kills it there, the
//! two-writer test starts a second writer there, the bad-input test deletes a file
//! there. Without the variable a pause point costs one environment lookup.

use std::io::BufRead;

/// The variable naming the point to pause at.
pub const VAR: &str = "NETAKOSH_TEST_PAUSE";

/// The points, in the order an import reaches them.
pub const POINTS: &[&str] = &[
    // The first input file has been read; the others not yet.
    "read-first-file",
    // The store is open and locked; the import is not yet validated.
    "store-open",
    // Validated and planned; nothing written yet.
    "planned",
    // The interrupted-import marker is written; the store is not.
    "marked",
    // The store transaction is committed in memory, not yet flushed to disk.
    "store-committed",
    // The store is flushed; the index does not reflect it yet.
    "store-flushed",
    // The index update is written but not committed.
    "index-written",
    // The index is committed; its replica of the store is not yet.
    "index-committed",
    // The replica is committed; the interrupted-import marker is still there.
    "replica-committed",
];

/// Pauses here if the test asked for this point.
pub fn at(point: &str) {
    debug_assert!(POINTS.contains(&point), "unknown pause point {point}");
    if std::env::var_os(VAR).is_some_and(|v| v == point) {
        eprintln!("netakosh: test pause at {point}");
        let mut line = String::new();
        // End of file or an error also ends the pause: never hang a real user.
        let _ = std::io::stdin().lock().read_line(&mut line);
    }
}
