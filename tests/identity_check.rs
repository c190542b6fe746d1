//! `check` verifies identity decisions: both ends exist and are people, no record
//! is linked with itself, and the index of each pair's latest decision agrees with
//! the log (`--repair` mends the index; a decision is never removed).

mod common;
use common::Home;

fn key(x: &str, y: &str) -> Vec<u8> {
    [x.as_bytes(), b"\0", y.as_bytes()].concat()
}

/// An index entry: `same` (1) and the decision's seq.
fn same(seq: u64) -> Vec<u8> {
    [&[1u8][..], &seq.to_be_bytes()].concat()
}

/// Writes decisions behind netakosh's back, as a bug or a bad disk could.
fn corrupt_identity(home: &Home) {
    let db = sled::open(home.path().join("store")).unwrap();
    let log = db.open_tree("identity").unwrap();
    let index = db.open_tree("identity_by_person").unwrap();
    let decision = |seq: u64, a: &str, b: &str| {
        let d = format!(r#"{{"a":"{a}","b":"{b}","decision":"same","by":"user","at":1700000000}}"#);
        log.insert(seq.to_be_bytes(), d.as_bytes()).unwrap();
    };
    // A link to a record that is not there, and one to a party.
    decision(1, "alok-ranjan", "ghost");
    index.insert(key("alok-ranjan", "ghost"), same(1)).unwrap();
    index.insert(key("ghost", "alok-ranjan"), same(1)).unwrap();
    decision(2, "alok-ranjan", "samajwadi-party");
    index
        .insert(key("alok-ranjan", "samajwadi-party"), same(2))
        .unwrap();
    index
        .insert(key("samajwadi-party", "alok-ranjan"), same(2))
        .unwrap();
    decision(3, "alok-ranjan", "alok-ranjan");
    index
        .insert(key("alok-ranjan", "alok-ranjan"), same(3))
        .unwrap();
    // A sound decision whose index entries were lost, and an entry of no decision.
    decision(4, "akhilesh-yadav", "alok-ranjan");
    index
        .insert(key("jaya-bachchan", "sanjay-seth"), same(9))
        .unwrap();
    db.flush().unwrap();
}

#[test]
fn dangling_links_are_reported_and_the_index_is_mended() {
    let home = Home::new();
    home.ok(&["stats"]);
    corrupt_identity(&home);

    let (code, out, err) = home.run(&["check"]);
    assert_eq!(code, 4, "{err}");
    let expected = [
        "identity: decision 1 (alok-ranjan ~ ghost): refers to missing `ghost`",
        "identity: decision 2 (alok-ranjan ~ samajwadi-party): refers to `samajwadi-party`, which is an organization, not a person",
        "identity: decision 3 (alok-ranjan ~ alok-ranjan): links a record with itself",
        "identity: identity_by_person akhilesh-yadav → alok-ranjan: missing: a decision is about this pair but the index does not list it",
        "identity: identity_by_person alok-ranjan → akhilesh-yadav: missing: a decision is about this pair but the index does not list it",
        "identity: identity_by_person jaya-bachchan → sanjay-seth: stale: no decision is about this pair",
    ];
    let lines: Vec<&str> = out.lines().collect();
    for e in expected {
        assert!(lines.contains(&e), "missing {e:?} in:\n{out}");
    }
    assert_eq!(lines.len(), expected.len() + 1, "{out}");
    // The lost entries hid the link from the profile.
    assert!(!home
        .linked("akhilesh-yadav")
        .contains(&"alok-ranjan".to_string()));

    let (code, out, _) = home.run(&["check", "--repair"]);
    assert_eq!(code, 4, "the dangling decisions remain: {out}");
    assert!(out.contains("mended 3 problems"), "{out}");
    let v = home.json_code(&["check", "--json"], 4);
    let subjects: Vec<&str> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["subject"].as_str().unwrap())
        .collect();
    assert_eq!(
        subjects,
        [
            "decision 1 (alok-ranjan ~ ghost)",
            "decision 2 (alok-ranjan ~ samajwadi-party)",
            "decision 3 (alok-ranjan ~ alok-ranjan)",
        ]
    );
    assert_eq!(
        home.linked("akhilesh-yadav"),
        ["alok-ranjan", "ghost", "samajwadi-party"]
    );
    // Importing the missing person makes its decision sound.
    let ghost = home.write(
        "ghost.jsonl",
        r#"{"type":"person","id":"ghost","name":{"hi":"भूत"}}
"#,
    );
    home.ok(&["import", ghost.to_str().unwrap()]);
    let v = home.json_code(&["check", "--json"], 4);
    assert_eq!(v["problems"].as_array().unwrap().len(), 2, "{v}");
}
