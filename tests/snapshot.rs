//! `netakosh snapshot DIR`: a consistent, read-only copy of a home at one
//! generation — searchable as a home, served with `serve --read-only`, never
//! written, and taken safely while an import is part way.

mod common;

use common::{bin, Home};
use std::process::Command;

/// Runs netakosh with `--home dir`; (exit code, stdout, stderr).
fn run_in(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(bin())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .arg("--home")
        .arg(dir)
        .args(args)
        .output()
        .expect("run netakosh");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json_in(dir: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let (code, out, err) = run_in(dir, args);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

#[test]
fn a_snapshot_answers_as_its_home_did_and_is_never_written() {
    let home = Home::new();
    let generation = home.json(&["stats", "--json"])["generation"].clone();
    let parent = tempfile::tempdir().unwrap();
    let snap = parent.path().join("snap");
    let out = home.ok(&["snapshot", snap.to_str().unwrap()]);
    assert!(out.contains(&format!("generation {generation}")), "{out}");
    // Searches, profiles and tables answer as the home does.
    for args in [
        &["search", "आलोक रंजन", "--json"][..],
        &["show", "alok-ranjan", "--json"],
        &["election", "rajya-sabha-2024-uttar-pradesh", "--json"],
    ] {
        assert_eq!(json_in(&snap, args), home.json(args), "{args:?}");
    }
    // It holds no store, and a command that writes is refused without creating one.
    let f = home.write(
        "p.jsonl",
        r#"{"type":"person","id":"someone","name":{"en":"Someone"}}"#,
    );
    let (code, _, err) = run_in(&snap, &["import", f.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("snapshot"), "{err}");
    assert!(!snap.join("store").exists());
    // A snapshot never overwrites a directory.
    let (code, _, err) = home.run(&["snapshot", snap.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("exists"), "{err}");
}

#[test]
fn a_snapshot_during_an_import_holds_the_last_committed_generation_whole() {
    let home = Home::new();
    let before = home.json(&["stats", "--json"])["generation"]
        .as_u64()
        .unwrap();
    let f = home.write(
        "p.jsonl",
        r#"{"type":"person","id":"mayawati","name":{"en":"Mayawati","hi":"मायावती"}}"#,
    );
    let parent = tempfile::tempdir().unwrap();
    // The import has written the store and holds it; the index is not yet caught up.
    let paused = home.spawn_paused(&["import", f.to_str().unwrap()], "store-flushed");
    let during = parent.path().join("during");
    // The store is held by the import: the snapshot copies what was last committed.
    let (code, out, err) = home.run(&["snapshot", during.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("generation {before}")), "{out}");
    let (code, _, _) = paused.resume();
    assert_eq!(code, 0);
    let (code, _, _) = run_in(&during, &["show", "mayawati", "--json"]);
    assert_eq!(
        code, 2,
        "the snapshot is of the generation before the import"
    );
    assert_eq!(
        json_in(&during, &["show", "alok-ranjan", "--json"])["id"],
        "alok-ranjan"
    );
    // A new snapshot has the import.
    let after = parent.path().join("after");
    let out = home.ok(&["snapshot", after.to_str().unwrap()]);
    assert!(out.contains(&format!("generation {}", before + 1)), "{out}");
    assert_eq!(
        json_in(&after, &["show", "mayawati", "--json"])["id"],
        "mayawati"
    );
}

#[test]
fn a_snapshot_between_the_index_and_replica_commits_waits_for_them_to_agree() {
    let home = Home::new();
    let before = home.json(&["stats", "--json"])["generation"]
        .as_u64()
        .unwrap();
    let f = home.write(
        "p.jsonl",
        r#"{"type":"person","id":"mayawati","name":{"en":"Mayawati"}}"#,
    );
    // The index holds the new generation, the replica the old: no whole pair yet.
    let paused = home.spawn_paused(&["import", f.to_str().unwrap()], "index-committed");
    let parent = tempfile::tempdir().unwrap();
    let dest = parent.path().join("snap");
    let mut snap = std::process::Command::new(bin())
        .env_clear()
        .env("NETAKOSH_HOME", home.path())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .args(["snapshot", dest.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start the snapshot");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(
        snap.try_wait().unwrap().is_none(),
        "the snapshot waits for a whole pair"
    );
    assert!(
        !dest.exists(),
        "nothing is left at DIR until the copy is whole"
    );
    let (code, _, err) = paused.resume();
    assert_eq!(code, 0, "{err}");
    let out = snap.wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains(&format!("generation {}", before + 1)),
        "{said}"
    );
    assert_eq!(
        json_in(&dest, &["show", "mayawati", "--json"])["id"],
        "mayawati"
    );
}
