//! A schema version 2 store (links in the records' `same_as`) is migrated on open:
//! every link becomes a decision in the identity tree and leaves the records,
//! without a new version of any record.

mod common;
use common::Home;
use netakosh::model::Kind;
use netakosh::store::encode_value;

/// A version 2 store as netakosh wrote it: `import a.jsonl` (generation 1), `merge
/// p-a p-b` (2, writing both records with `same_as`), then a re-import of p-b's
/// dataset (3) that dropped the link on its side: the bug the migration must mend.
/// p-c and p-d name each other with no record of when they were merged.
fn write_v2_store(home: &Home) {
    let db = sled::open(home.path().join("store")).unwrap();
    let tree = |n: &str| db.open_tree(n).unwrap();
    tree("meta").insert("schema_version", "2").unwrap();
    tree("meta").insert("generation", "3").unwrap();
    for (g, at, by) in [
        (1u64, 100, "import a.jsonl"),
        (2, 200, "merge p-a p-b"),
        (3, 300, "import b.jsonl"),
    ] {
        let w = format!(r#"{{"at":{at},"by":"{by}"}}"#);
        tree("imports")
            .insert(g.to_be_bytes(), w.as_bytes())
            .unwrap();
    }
    let records = tree("records");
    let a = r#"{"type":"person","id":"p-a","name":{"hi":"रामजी लाल सुमन"}}"#;
    let a_merged =
        r#"{"type":"person","id":"p-a","name":{"hi":"रामजी लाल सुमन"},"same_as":["p-b"]}"#;
    let b = r#"{"type":"person","id":"p-b","name":{"en":"Ramji Lal Suman"}}"#;
    let b_merged =
        r#"{"type":"person","id":"p-b","name":{"en":"Ramji Lal Suman"},"same_as":["p-a"]}"#;
    for (id, g, body) in [
        ("p-a", 2, a_merged),
        ("p-b", 3, b),
        (
            "p-c",
            1,
            r#"{"type":"person","id":"p-c","name":{"en":"C"},"same_as":["p-d"]}"#,
        ),
        (
            "p-d",
            1,
            r#"{"type":"person","id":"p-d","name":{"en":"D"},"same_as":["p-c"]}"#,
        ),
    ] {
        records
            .insert(id, encode_value(Kind::Person, g, body.as_bytes()))
            .unwrap();
    }
    records
        .insert(
            "o",
            encode_value(
                Kind::Office,
                1,
                br#"{"type":"office","id":"o","name":{"en":"Union Minister"}}"#,
            ),
        )
        .unwrap();
    records
        .insert(
            "t",
            encode_value(
                Kind::Tenure,
                1,
                br#"{"type":"tenure","id":"t","person":"p-b","office":"o","start":"1990"}"#,
            ),
        )
        .unwrap();
    tree("tenure_by_person").insert(b"p-b\0t", b"").unwrap();
    tree("tenure_by_office").insert(b"o\0t", b"").unwrap();
    let history = tree("history");
    let entry = |v: u32, at: u64, by: &str, record: &str| {
        format!(r#"{{"version":{v},"replaced_at":{at},"replaced_by":"{by}","record":{record}}}"#)
    };
    let key = |id: &str, v: u32| [id.as_bytes(), b"\0", &v.to_be_bytes()].concat();
    history
        .insert(key("p-a", 1), entry(1, 200, "merge p-a p-b", a).as_bytes())
        .unwrap();
    history
        .insert(key("p-b", 1), entry(1, 200, "merge p-a p-b", b).as_bytes())
        .unwrap();
    history
        .insert(
            key("p-b", 2),
            entry(2, 300, "import b.jsonl", b_merged).as_bytes(),
        )
        .unwrap();
    db.flush().unwrap();
}

#[test]
fn a_version_2_store_moves_its_links_into_the_identity_tree() {
    let home = Home::new();
    write_v2_store(&home);

    // Both sides are linked again, and p-a's profile has p-b's tenure.
    let v = home.json(&["show", "p-a", "--json"]);
    assert!(v["record"].get("same_as").is_none(), "{v}");
    assert_eq!(v["tenures"][0]["tenure"]["id"], "t", "{v}");
    let d = &v["identity"][0]["decision"];
    assert_eq!(
        (d["decision"].as_str(), d["by"].as_str(), d["why"].as_str()),
        (
            Some("same"),
            Some("migrated"),
            Some("merge before schema 3")
        )
    );
    // When: the time of the `merge p-a p-b` generation.
    assert_eq!(d["at"], 200);
    assert_eq!(home.linked("p-b"), ["p-a"]);
    assert_eq!(home.linked("p-c"), ["p-d"]);
    assert_eq!(home.linked("p-d"), ["p-c"]);

    // No record got a new version; old versions lost their `same_as` too.
    let h = home.json(&["history", "p-a", "--json"]);
    let by: Vec<&str> = h["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["written"]["by"].as_str().unwrap_or("not recorded"))
        .collect();
    assert_eq!(by, ["not recorded", "merge p-a p-b"]);
    let h = home.json(&["history", "p-b", "--json"]);
    assert_eq!(h["versions"].as_array().unwrap().len(), 3);
    assert!(!h.to_string().contains("same_as"), "{h}");

    assert!(home.ok(&["check"]).contains("every check passed"));
    // Opening again migrates nothing twice: two pairs, two decisions.
    let export = home.ok(&["export"]);
    assert_eq!(export.matches(r#""type":"link""#).count(), 2, "{export}");
    assert!(!export.contains(r#""same_as""#), "{export}");
}
