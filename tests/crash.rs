//! Crash safety: an import killed (SIGKILL) at any moment leaves the store exactly as
//! before it or exactly as after it; the next command catches the index up and says
//! so; `check` then passes.
//!
//! Trials: one kill at each pause point of an import (deterministic), then
//! `NETAKOSH_CRASH_TRIALS` (default 50) kills after delays spread evenly over the
//! whole import, from process start to its end, with a random jitter inside each
//! slot (the seed is printed; set `NETAKOSH_CRASH_SEED` to replay). Two trials run
//! at a time, each in its own copy of the home.
//!
//! Half the trials write the import as one transaction (how imports under 5,000
//! changes are written), half in chunks of 64 changes with a journal
//! (`NETAKOSH_TEST_CHUNK`; how large imports are written), whose interruption the
//! next opening of the store undoes.

mod common;
use common::{bin, copy_dir, Home};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const DEFAULT_TRIALS: usize = 50;

/// Every import here trains a zstd dictionary and compresses its records, so the
/// kills land in that too (a real store trains on its first import of 2,000 records).
const COMPRESS: (&str, &str) = ("NETAKOSH_TEST_TRAIN_MIN", "100");

/// A biggish import: new people (names in both scripts) with tenures, a new source,
/// and an overwrite of a seed record (so the post-import store has history).
fn write_import(dir: &Path) -> PathBuf {
    use std::fmt::Write;
    let mut text = String::new();
    text.push_str(
        r#"{"type":"source","id":"src-crash-test","title":"क्रैश परीक्षण सूची","language":"hi"}"#,
    );
    text.push('\n');
    for i in 0..500 {
        writeln!(
            text,
            r#"{{"type":"person","id":"vidhayak-{i}","name":{{"en":"Vidhayak {i}","hi":"विधायक क्रमांक {i}"}},"summary":{{"hi":"उत्तर प्रदेश विधान सभा के सदस्य"}},"sources":["src-crash-test"]}}"#
        )
        .unwrap();
        if i % 3 == 0 {
            writeln!(
                text,
                r#"{{"type":"tenure","person":"vidhayak-{i}","office":"chief-secretary-uttar-pradesh","start":"{}"}}"#,
                1950 + i % 70
            )
            .unwrap();
        }
    }
    text.push_str(r#"{"type":"person","id":"alok-ranjan","name":{"en":"Alok Ranjan","hi":"आलोक रंजन"},"summary":{"hi":"पूर्व मुख्य सचिव"}}"#);
    text.push('\n');
    let path = dir.join("crash-import.jsonl");
    std::fs::write(&path, text).unwrap();
    path
}

/// The store's logical content, read in this process after the commands ran.
#[derive(Debug, PartialEq)]
struct State {
    export: String,
    generation: u64,
    history_len: usize,
}

fn state(home: &Path) -> State {
    let store = netakosh::store::Store::open(&home.join("store")).expect("open the store");
    let mut out = Vec::new();
    netakosh::export::write_jsonl(&store, &mut out).expect("export");
    State {
        export: String::from_utf8(out).expect("exports are UTF-8"),
        generation: store.generation().expect("generation"),
        history_len: store.history("alok-ranjan").expect("history").len(),
    }
}

fn index_generation(home: &Path) -> Option<u64> {
    netakosh::index::SearchIndex::open(&home.join("index"))
        .ok()??
        .stamp()
        .ok()?
        .map(|s| s.generation)
}

enum Kill {
    At(&'static str),
    After(Duration),
}

/// Changes per chunk in the chunked trials: the import is ~10 chunks.
const CHUNK: &str = "64";

#[derive(Default)]
struct Tally {
    pre: usize,
    post: usize,
    interrupted: usize,
    index_behind: usize,
    finished: usize,
    /// Chunked imports whose partial writes the next opening undid.
    undone: usize,
}

fn trial(
    template: &Path,
    file: &Path,
    (kill, chunked): &(Kill, bool),
    pre: &State,
    post: &State,
    tally: &mut Tally,
) {
    let home = Home::new();
    copy_dir(template, home.path());
    let args = ["import", file.to_str().unwrap()];
    let chunk = if *chunked { CHUNK } else { "1000000" };
    let mode = if *chunked {
        "chunked"
    } else {
        "one transaction"
    };
    let what = match kill {
        Kill::At(point) => {
            home.spawn_paused_env(&args, point, &[("NETAKOSH_TEST_CHUNK", chunk), COMPRESS])
                .kill();
            format!("{mode}, killed at {point}")
        }
        Kill::After(delay) => {
            let mut child = std::process::Command::new(bin())
                .env_clear()
                .env("NETAKOSH_HOME", home.path())
                .env("NETAKOSH_TEST_CHUNK", chunk)
                .env(COMPRESS.0, COMPRESS.1)
                .args(args)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("start the import");
            std::thread::sleep(*delay);
            let _ = child.kill(); // it may have finished: then this does nothing
            let status = child.wait().expect("reap the import");
            if status.success() {
                tally.finished += 1;
            }
            format!("{mode}, killed after {delay:?} ({status})")
        }
    };
    let marker_text = std::fs::read_to_string(home.path().join("store/netakosh-importing")).ok();
    let marker = marker_text.is_some();
    let indexed = index_generation(home.path());

    // The next command catches up and says so; then every invariant holds.
    let (code, out, err) = home.run(&["check"]);
    assert_eq!(code, 0, "{what}: check failed:\n{out}{err}");
    let now = state(home.path());
    let is_pre = now == *pre;
    let is_post = now == *post;
    assert!(
        is_pre || is_post,
        "{what}: the store is neither as before nor as after the import \
         (generation {}, {} history entries)",
        now.generation,
        now.history_len
    );
    if is_pre {
        tally.pre += 1;
    } else {
        tally.post += 1;
    }
    if marker {
        tally.interrupted += 1;
        let expected = if is_pre {
            "did not finish: the store is as it was before it"
        } else {
            "did not finish, but the store holds all of it"
        };
        assert!(
            err.contains(expected),
            "{what}: expected {expected:?} in:\n{err}"
        );
        // The marker is renamed into place whole, so it always names the import.
        assert!(
            marker_text.is_some_and(|t| t.contains("crash-import.jsonl")),
            "{what}: the marker names the import"
        );
        assert!(
            err.contains("crash-import.jsonl"),
            "{what}: the import is named:\n{err}"
        );
    } else {
        assert!(
            !err.contains("did not finish"),
            "{what}: nothing was interrupted:\n{err}"
        );
    }
    if err.contains("its partial writes were undone") {
        assert!(
            is_pre && *chunked,
            "{what}: only a chunked import is undone:\n{err}"
        );
        tally.undone += 1;
    }
    if indexed != Some(now.generation) {
        tally.index_behind += 1;
        assert!(
            err.contains("the index was behind the store; rebuilt it"),
            "{what}: the index was at {indexed:?}, the store at {}; the catch-up must be said:\n{err}",
            now.generation
        );
    }
    assert!(
        !home.path().join("store/netakosh-importing").exists(),
        "{what}: the marker is cleared once caught up"
    );
    // The replica reading commands use is caught up too, and holds what the store does.
    let replica = netakosh::replica::Replica::open(&home.path().join("index/records"))
        .expect("open the replica")
        .expect("the replica exists");
    assert_eq!(
        replica.stamp().expect("its stamp").map(|s| s.generation),
        Some(now.generation),
        "{what}: the replica reflects the store"
    );
    let store = netakosh::store::Store::open(&home.path().join("store")).expect("open the store");
    use netakosh::store::Records;
    assert_eq!(
        Records::get(&replica, "alok-ranjan").expect("a read"),
        store.get("alok-ranjan").expect("a read"),
        "{what}"
    );
    assert_eq!(
        Records::counts(&replica).expect("counts"),
        store.counts(),
        "{what}"
    );
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.pre += o.pre;
        self.post += o.post;
        self.interrupted += o.interrupted;
        self.index_behind += o.index_behind;
        self.finished += o.finished;
        self.undone += o.undone;
    }
}

/// A small deterministic generator (xorshift), seeded per run, for the jitter.
struct Rng(u64);
impl Rng {
    fn next_f64(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[test]
fn an_import_killed_at_any_moment_leaves_the_store_before_or_after_it() {
    let trials: usize = std::env::var("NETAKOSH_CRASH_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_TRIALS);
    let seed: u64 = std::env::var("NETAKOSH_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("crash test: {trials} timed trials, NETAKOSH_CRASH_SEED={seed}");

    // The state before: a seeded home, opened once more so sled has settled.
    let template = Home::new();
    template.ok(&["stats"]);
    template.ok(&["stats"]);
    let files = tempfile::tempdir().unwrap();
    let file = write_import(files.path());
    let pre = state(template.path());

    // The state after, and how long an import takes from start to end.
    let reference = Home::new();
    copy_dir(template.path(), reference.path());
    let started = Instant::now();
    let out = reference
        .cmd()
        .env(COMPRESS.0, COMPRESS.1)
        .args(["import", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let duration = started.elapsed();
    let post = state(reference.path());
    assert_eq!(post.generation, pre.generation + 1);
    assert_eq!((pre.history_len, post.history_len), (0, 1));
    assert_ne!(pre.export, post.export);

    // Chunked, the import ends in the same state.
    let chunked = Home::new();
    copy_dir(template.path(), chunked.path());
    let out = chunked
        .cmd()
        .env("NETAKOSH_TEST_CHUNK", CHUNK)
        .env(COMPRESS.0, COMPRESS.1)
        .args(["import", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(state(chunked.path()), post);
    // The import was stored compressed, with a dictionary trained from it.
    {
        let db = sled::open(reference.path().join("store")).unwrap();
        assert_eq!(db.open_tree("dictionaries").unwrap().len(), 1);
    }

    let mut kills: Vec<(Kill, bool)> = Vec::new();
    for chunked in [false, true] {
        for p in netakosh::pause::POINTS
            .iter()
            .filter(|p| **p != "read-first-file")
        {
            kills.push((Kill::At(p), chunked));
        }
    }
    // Kill points for the timed trials: one in each of `trials` equal slots covering
    // the import's whole duration (and a little beyond), jittered within the slot;
    // chunked and not by turns.
    let mut rng = Rng(seed);
    let span = duration.as_secs_f64() * 1.1;
    for i in 0..trials {
        let at = span * (i as f64 + rng.next_f64()) / trials as f64;
        kills.push((Kill::After(Duration::from_secs_f64(at)), i % 2 == 1));
    }
    let total = kills.len();
    let queue = std::sync::Mutex::new(kills);
    let tally = std::sync::Mutex::new(Tally::default());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let Some(kill) = queue.lock().unwrap().pop() else {
                    break;
                };
                let mut mine = Tally::default();
                trial(template.path(), &file, &kill, &pre, &post, &mut mine);
                tally.lock().unwrap().add(&mine);
            });
        }
    });
    let tally = tally.into_inner().unwrap();
    eprintln!(
        "crash test: {total} trials over an import of {duration:?}: {} ended as before, {} as after; \
         {} left an interrupted import that the next command reported, {} left the index behind \
         (rebuilt and said so), {} chunked imports were undone, {} timed trials came after \
         the import had finished",
        tally.pre,
        tally.post,
        tally.interrupted,
        tally.index_behind,
        tally.undone,
        tally.finished
    );
    assert_eq!(tally.pre + tally.post, total);
    // The pause-point kills alone guarantee both outcomes and both kinds of catch-up.
    assert!(tally.pre > 0 && tally.post > 0);
    assert!(tally.interrupted > 0 && tally.index_behind > 0 && tally.undone > 0);
}
