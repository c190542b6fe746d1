//! `history` and `revert`: every overwritten version is kept with the time and the
//! source of the change; a revert restores one as a new version and loses nothing.

mod common;
use common::Home;

fn utc_time(s: &str) -> bool {
    // `2026-11-23 22:13:22 UTC`
    let b = s.as_bytes();
    s.len() == 23
        && s.ends_with(" UTC")
        && [4, 7].iter().all(|&i| b[i] == b'-')
        && b[10] == b' '
        && [13, 16].iter().all(|&i| b[i] == b':')
}

/// Imports three versions of one person from three files; returns the file paths.
fn three_versions(home: &Home) -> [String; 3] {
    let versions = [
        r#"{"type":"person","id":"ram-lal","name":{"en":"Ram Lal"}}"#,
        r#"{"type":"person","id":"ram-lal","name":{"en":"Ram Lal","hi":"राम लाल"}}"#,
        r#"{"type":"person","id":"ram-lal","name":{"en":"Ram Lal","hi":"रामलाल"},"summary":{"hi":"विधायक"}}"#,
    ];
    let mut paths = Vec::new();
    for (i, v) in versions.iter().enumerate() {
        let p = home.write(&format!("v{}.jsonl", i + 1), v);
        home.ok(&["import", p.to_str().unwrap()]);
        paths.push(p.to_str().unwrap().to_string());
    }
    paths.try_into().unwrap()
}

#[test]
fn history_shows_each_version_with_its_time_source_and_changes() {
    let home = Home::new();
    let files = three_versions(&home);
    let v = home.json(&["history", "ram-lal", "--json"]);
    assert_eq!(
        (v["id"].as_str(), v["kind"].as_str()),
        (Some("ram-lal"), Some("person"))
    );
    let versions = v["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 3);
    for (i, version) in versions.iter().enumerate() {
        assert_eq!(version["version"], i + 1);
        assert_eq!(version["current"], i == 2);
        assert_eq!(version["written"]["by"], format!("import {}", files[i]));
        assert!(version["written"]["at"].as_u64().unwrap() > 1_600_000_000);
    }
    assert_eq!(
        versions[0]["replaced"]["by"],
        format!("import {}", files[1])
    );
    assert!(versions[2]["replaced"].is_null());
    assert_eq!(
        versions[0]["record"]["name"],
        serde_json::json!({"en":"Ram Lal"})
    );
    assert_eq!(
        versions[1]["changes"],
        serde_json::json!([{"field":"name.hi","before":null,"after":"राम लाल"}])
    );
    assert_eq!(
        versions[2]["changes"],
        serde_json::json!([
            {"field":"name.hi","before":"राम लाल","after":"रामलाल"},
            {"field":"summary","before":null,"after":{"hi":"विधायक"}}
        ])
    );

    let text = home.ok(&["history", "ram-lal"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "ram-lal (person): 3 versions, newest first");
    assert!(lines[1].starts_with("version 3 (current)"), "{text}");
    assert!(
        lines[1].ends_with(&format!("import {}", files[2])),
        "{text}"
    );
    let time = lines[1]
        .trim_start_matches("version 3 (current)")
        .trim_start();
    assert!(utc_time(&time[..23]), "{time}");
    assert!(
        text.contains(r#"    name.hi: "राम लाल" → "रामलाल""#),
        "{text}"
    );
    assert!(
        text.contains(r#"    name.hi: (none) → "राम लाल""#),
        "{text}"
    );
}

#[test]
fn a_seed_record_was_written_by_the_seed() {
    let home = Home::new();
    let v = home.json(&["history", "alok-ranjan", "--json"]);
    assert_eq!(v["versions"].as_array().unwrap().len(), 1);
    assert_eq!(v["versions"][0]["written"]["by"], "seed");
    let (code, _, err) = home.run(&["history", "nobody-at-all"]);
    assert_eq!(code, 2);
    assert!(err.contains("no record matches `nobody-at-all`"), "{err}");
}

#[test]
fn revert_restores_a_version_as_a_new_one_and_loses_nothing() {
    let home = Home::new();
    three_versions(&home);
    let out = home.ok(&["revert", "ram-lal"]);
    assert_eq!(
        out.trim(),
        "ram-lal: restored version 2 as version 4 (version 3 is kept in its history)"
    );
    let shown = home.json(&["show", "ram-lal", "--json"]);
    assert_eq!(
        shown["record"]["name"],
        serde_json::json!({"en":"Ram Lal","hi":"राम लाल"})
    );
    assert!(shown["record"].get("summary").is_none());
    home.ok(&["revert", "ram-lal", "--to", "1"]);
    let v = home.json(&["history", "ram-lal", "--json"]);
    let versions = v["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 5);
    assert_eq!(versions[3]["written"]["by"], "revert ram-lal to version 2");
    assert_eq!(versions[4]["written"]["by"], "revert ram-lal to version 1");
    assert_eq!(versions[4]["record"], versions[0]["record"]);
    // Version 3, which the first revert replaced, is still there.
    assert_eq!(
        versions[2]["record"]["summary"],
        serde_json::json!({"hi":"विधायक"})
    );
    assert!(home.ok(&["check"]).contains("every check passed"));
}

#[test]
fn reverting_a_fact_moves_its_links_back() {
    let home = Home::new();
    let a = home.write(
        "a.jsonl",
        r#"{"type":"tenure","id":"t1","person":"sanjay-seth","office":"chief-secretary-uttar-pradesh","start":"2001"}"#,
    );
    let b = home.write(
        "b.jsonl",
        r#"{"type":"tenure","id":"t1","person":"sanjay-seth","office":"chief-minister-uttar-pradesh","start":"2001"}"#,
    );
    home.ok(&["import", a.to_str().unwrap()]);
    home.ok(&["import", b.to_str().unwrap()]);
    let holders = |office: &str| {
        let v = home.json(&["show", office, "--json"]);
        v["tenures"]
            .as_array()
            .map(|t| {
                t.iter()
                    .map(|t| t["tenure"]["id"].as_str().unwrap().to_string())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    assert!(!holders("chief-secretary-uttar-pradesh").contains(&"t1".to_string()));
    home.ok(&["revert", "t1"]);
    assert!(holders("chief-secretary-uttar-pradesh").contains(&"t1".to_string()));
    assert!(!holders("chief-minister-uttar-pradesh").contains(&"t1".to_string()));
    assert!(home.ok(&["check"]).contains("every check passed"));
}

#[test]
fn revert_refuses_what_it_cannot_do() {
    let home = Home::new();
    three_versions(&home);
    for (args, expected) in [
        (
            vec!["revert", "alok-ranjan"],
            "`alok-ranjan` has only one version",
        ),
        (vec!["revert", "ram-lal", "--to", "0"], "has no version 0"),
        (
            vec!["revert", "ram-lal", "--to", "3"],
            "choose one from 1 to 2 (version 3 is the current one)",
        ),
        (vec!["revert", "ghost"], "no record matches `ghost`"),
    ] {
        let (code, out, err) = home.run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty());
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    // Back to version 1, then "revert to 1" again would change nothing: refused.
    home.ok(&["revert", "ram-lal", "--to", "1"]);
    let (code, _, err) = home.run(&["revert", "ram-lal", "--to", "1"]);
    assert_eq!(code, 2);
    assert!(err.contains("is the same as the current version"), "{err}");
}

#[test]
fn merges_in_a_circle_add_no_version_and_break_nothing() {
    let home = Home::new();
    let f = home.write(
        "people.jsonl",
        concat!(
            r#"{"type":"person","id":"ram-lal-a","name":{"en":"Ram Lal"}}"#,
            "\n",
            r#"{"type":"person","id":"ram-lal-b","name":{"hi":"राम लाल"}}"#,
            "\n",
            r#"{"type":"person","id":"ram-lal-c","name":{"en":"Ramlal"}}"#,
            "\n"
        ),
    );
    home.ok(&["import", f.to_str().unwrap()]);
    for (a, b) in [
        ("ram-lal-a", "ram-lal-b"),
        ("ram-lal-b", "ram-lal-c"),
        ("ram-lal-c", "ram-lal-a"),
    ] {
        home.ok(&["merge", a, b]);
    }
    // A merge is a decision about two records, not a version of either.
    let v = home.json(&["history", "ram-lal-a", "--json"]);
    let by: Vec<&str> = v["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["written"]["by"].as_str().unwrap())
        .collect();
    assert_eq!(by, [format!("import {}", f.display()).as_str()]);
    assert!(v["versions"][0]["record"].get("same_as").is_none(), "{v}");
    // Walking the circle ends: show, export and check all finish and agree.
    home.ok(&["show", "ram-lal-b"]);
    assert!(home.ok(&["check"]).contains("every check passed"));
    // Undoing one link of the circle is a person's `not_same`: a and b can no longer
    // be one person through c either. The older of the links left (b–c) holds, and
    // c–a, which would join a and b, does not.
    home.ok(&["unmerge", "ram-lal-a", "ram-lal-b"]);
    assert!(home.linked("ram-lal-a").is_empty());
    assert_eq!(home.linked("ram-lal-b"), ["ram-lal-c"]);
    assert!(home.ok(&["check"]).contains("every check passed"));
}
