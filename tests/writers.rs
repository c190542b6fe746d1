//! One writer, many readers: a second writer gets a one-line error naming the
//! process that holds the store; searches answer from the last committed index
//! while an import runs; concurrent imports never corrupt the store.

mod common;
use common::{hit_ids, Home};

fn person(home: &Home, file: &str, id: &str, hi: &str) -> String {
    let path = home.write(
        file,
        &format!(r#"{{"type":"person","id":"{id}","name":{{"en":"{id}","hi":"{hi}"}}}}"#),
    );
    path.to_str().unwrap().to_string()
}

#[test]
fn a_second_writer_is_told_which_process_holds_the_store() {
    let home = Home::new();
    home.ok(&["stats"]);
    let first = person(&home, "first.jsonl", "pratham", "प्रथम");
    let second = person(&home, "second.jsonl", "dvitiya", "द्वितीय");
    let running = home.spawn_paused(&["import", &first], "planned");
    let pid = running.child.id();

    let (code, out, err) = home.run(&["import", &second]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(
        err.contains(&format!(
            "in use by another netakosh process (pid {pid} `netakosh import {first}` since "
        )),
        "{err}"
    );
    // Commands that need the store itself are refused the same way, at once.
    let (code, _, err) = home.run(&["history", "alok-ranjan"]);
    assert_eq!((code, err.trim().lines().count()), (2, 1), "{err}");
    assert!(err.contains(&format!("pid {pid}")), "{err}");
    // A profile answers from the index's copy of the store (nothing is written yet,
    // so it is current and nothing needs saying).
    let (code, out, err) = home.run(&["show", "alok-ranjan"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Rajya Sabha"), "{out}");
    // A search answers (nothing is written yet, so the index is current).
    let (code, out, err) = home.run(&["search", "आलोक रंजन"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("[alok-ranjan]"), "{out}");

    let (code, _, err) = running.resume();
    assert_eq!(code, 0, "{err}");
    // With the first writer gone, the second goes through; both are there.
    home.ok(&["import", &second]);
    assert_eq!(
        hit_ids(&home.json(&["search", "प्रथम", "--json"]))[0],
        "pratham"
    );
    assert_eq!(
        hit_ids(&home.json(&["search", "द्वितीय", "--json"]))[0],
        "dvitiya"
    );
    assert!(
        !home.path().join("store/netakosh-holder").exists(),
        "the holder file goes when the store is closed"
    );
    home.ok(&["check"]);
}

#[test]
fn a_search_during_an_import_sees_the_last_committed_state() {
    let home = Home::new();
    home.ok(&["stats"]);
    let file = person(&home, "new.jsonl", "navin", "नवीन कुमार");
    // The store holds the import; the index does not yet.
    let running = home.spawn_paused(&["import", &file], "store-flushed");
    let (code, out, err) = home.run(&["search", "नवीन कुमार", "--json"]);
    assert!(code == 0 || code == 1, "{err}");
    assert!(
        !out.contains("\"navin\""),
        "the import is not committed to the index yet: {out}"
    );
    assert!(err.contains("from the last committed index"), "{err}");
    let (code, _, err) = running.resume();
    assert_eq!(code, 0, "{err}");
    // Once the import has finished, searches see it, from the index alone.
    let (code, out, err) = home.run(&["search", "नवीन कुमार", "--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    assert!(out.contains("\"navin\""), "{out}");
}

#[test]
fn racing_imports_never_corrupt_the_store() {
    let home = Home::new();
    home.ok(&["stats"]);
    let mut applied = Vec::new();
    for round in 0..4 {
        let files: Vec<(String, String)> = ["a", "b"]
            .iter()
            .map(|w| {
                let id = format!("race-{w}-{round}");
                (
                    id.clone(),
                    person(&home, &format!("{id}.jsonl"), &id, "दौड़"),
                )
            })
            .collect();
        let children: Vec<_> = files
            .iter()
            .map(|(_, f)| {
                std::process::Command::new(common::bin())
                    .env_clear()
                    .env("NETAKOSH_HOME", home.path())
                    .args(["import", f])
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for ((id, _), child) in files.iter().zip(children) {
            let out = child.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            match out.status.code() {
                Some(0) => applied.push(id.clone()),
                Some(2) => {
                    assert!(err.contains("in use by another netakosh process"), "{err}");
                    assert_eq!(err.trim().lines().count(), 1, "{err}");
                }
                other => panic!("import {id} ended with {other:?}: {err}"),
            }
        }
    }
    assert!(
        !applied.is_empty(),
        "at least the first of each race gets through"
    );
    let export = home.ok(&["export"]);
    for id in &applied {
        assert!(
            export.contains(&format!("\"id\":\"{id}\"")),
            "{id} was reported imported"
        );
    }
    let (code, out, err) = home.run(&["check"]);
    assert_eq!(code, 0, "{out}{err}");
}
