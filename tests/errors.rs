//! Errors the user can meet: a busy store, a bad home, a closed pipe, a wrong kind.

mod common;
use common::Home;

#[test]
fn a_store_held_by_another_process_is_a_one_line_error() {
    let home = Home::new();
    home.ok(&["stats"]);
    // This test process holds the store, as a running import would.
    let _held = netakosh::store::Store::open(&home.path().join("store")).unwrap();
    let f = home.write("p.jsonl", r#"{"type":"person","id":"p","name":{"en":"P"}}"#);
    let (code, _, err) = home.run(&["import", f.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("in use by another netakosh process"), "{err}");
    // Searches still answer from the last committed index.
    let (code, out, err) = home.run(&["search", "Alok Ranjan"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("alok-ranjan"));
}

#[test]
fn a_home_that_is_a_file_is_refused() {
    let home = Home::new();
    let file = home.write("not-a-dir", "x");
    let out = home
        .cmd()
        .env("NETAKOSH_HOME", &file)
        .args(["search", "Alok"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a directory"));
}

#[test]
fn a_closed_pipe_exits_zero() {
    let home = Home::new();
    home.ok(&["stats"]);
    let out = home.with_stdout_closed(&["export"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Commands that print with `println!` panicked (exit 101) when the reader had gone.
#[test]
fn every_reading_command_exits_zero_on_a_closed_pipe() {
    let home = Home::new();
    home.ok(&["stats"]);
    let commands: &[&[&str]] = &[
        &["stats"],
        &["stats", "--json"],
        &["check"],
        &["reindex"],
        &["search", "Alok Ranjan"],
        &["show", "alok-ranjan"],
        &["history", "alok-ranjan"],
        &["office", "chief-secretary-uttar-pradesh"],
        &["election", "rajya-sabha-2024-uttar-pradesh"],
        &["analyze", "आलोक रंजन"],
    ];
    for args in commands {
        let out = home.with_stdout_closed(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "`{}`: {err}", args.join(" "));
        assert!(!err.contains("panicked"), "`{}`: {err}", args.join(" "));
    }
}

#[test]
fn an_unknown_kind_or_bad_limit_is_a_usage_error() {
    let home = Home::new();
    let (code, _, err) = home.run(&["search", "Alok", "--kind", "politician"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown kind `politician`"), "{err}");
    let (code, _, _) = home.run(&["search", "Alok", "--limit", "0"]);
    assert_eq!(code, 2);
    let (code, _, _) = home.run(&["search", "Alok", "--limit", "many"]);
    assert_eq!(code, 2);
}

#[test]
fn a_store_from_a_future_version_is_refused() {
    let home = Home::new();
    home.ok(&["stats"]);
    {
        let db = sled::open(home.path().join("store")).unwrap();
        db.open_tree("meta")
            .unwrap()
            .insert("schema_version", "99")
            .unwrap();
        db.flush().unwrap();
    }
    // `check` opens the store (`stats` would answer from the index's copy).
    let (code, _, err) = home.run(&["check"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("schema version 99"), "{err}");
}

#[test]
fn a_deleted_index_is_rebuilt_from_the_store() {
    let home = Home::new();
    home.ok(&["stats"]);
    std::fs::remove_dir_all(home.path().join("index")).unwrap();
    let out = home.ok(&["search", "Sanjay Seth"]);
    assert!(
        out.lines().next().unwrap().contains("[sanjay-seth]"),
        "{out}"
    );
    let reindexed = home.ok(&["reindex"]);
    assert!(reindexed.contains("reindexed 17 documents"), "{reindexed}");
}
