//! Identity decisions in JSON Lines: `export` writes them as `link` lines after the
//! records, `import` reads them back (into a fresh home, or again without adding
//! any), and a person's `same_as` in an export made before schema 3 becomes links.

mod common;
use common::{assert_export_round_trips, import_report, Home};

const PEOPLE: &str = r#"{"type":"person","id":"ias-up042600","name":{"en":"Alok Ranjan"},"identifiers":{"tcpd_ias":"UP042600"}}
{"type":"person","id":"ramji-lal-suman","name":{"hi":"रामजी लाल सुमन"}}
"#;

#[test]
fn links_round_trip_through_an_export() {
    let home = Home::new();
    let f = home.write("people.jsonl", PEOPLE);
    home.ok(&["import", "--no-resolve", f.to_str().unwrap()]);
    home.ok(&[
        "merge",
        "alok-ranjan",
        "ias-up042600",
        "--why",
        "वही आईएएस अधिकारी",
    ]);
    home.ok(&["merge", "alok-ranjan", "ramji-lal-suman"]);
    home.ok(&[
        "unmerge",
        "alok-ranjan",
        "ramji-lal-suman",
        "--why",
        "wrong pair",
    ]);
    assert_export_round_trips(&home);

    let export = home.ok(&["export"]);
    let links: Vec<&str> = export
        .lines()
        .filter(|l| l.contains(r#""type":"link""#))
        .collect();
    assert_eq!(links.len(), 3, "{export}");
    // After every record, so an import meets the people first.
    assert!(export.trim_end().ends_with(links[2]));
    let file = home.write("export.jsonl", &export);
    let fresh = Home::new();
    fresh.ok(&["import", "--no-resolve", file.to_str().unwrap()]);
    assert_eq!(fresh.linked("ias-up042600"), ["alok-ranjan"]);
    assert!(fresh.linked("ramji-lal-suman").is_empty());
    let v = fresh.json(&["show", "ias-up042600", "--json"]);
    assert_eq!(v["identity"][0]["decision"]["why"], "वही आईएएस अधिकारी");

    // Importing the export again adds no decision: the log stays as it was.
    let again = import_report(&fresh, &[file.as_path()]);
    assert_eq!(
        again["links"],
        serde_json::json!({"added": 0, "unchanged": 3})
    );
    assert_eq!(fresh.ok(&["export"]), export);
}

#[test]
fn same_as_in_an_old_export_becomes_links_that_never_override_a_decision() {
    let home = Home::new();
    let old = home.write(
        "old-export.jsonl",
        r#"{"type":"person","id":"ias-up042600","name":{"en":"Alok Ranjan"},"same_as":["alok-ranjan"]}
{"type":"person","id":"ramji-lal-suman","name":{"hi":"रामजी लाल सुमन"},"same_as":["ias-up042600"]}
"#,
    );
    let report = import_report(&home, &[old.as_path()]);
    assert_eq!(
        report["links"],
        serde_json::json!({"added": 2, "unchanged": 0})
    );
    assert_eq!(
        home.linked("ias-up042600"),
        ["alok-ranjan", "ramji-lal-suman"]
    );
    let v = home.json(&["show", "ias-up042600", "--json"]);
    assert!(v["record"].get("same_as").is_none(), "{v}");
    assert_eq!(v["identity"][0]["decision"]["by"], "migrated");

    // A person decides otherwise; the old export, imported again, does not undo it.
    home.ok(&["unmerge", "ramji-lal-suman", "ias-up042600"]);
    let again = import_report(&home, &[old.as_path()]);
    assert_eq!(
        again["links"],
        serde_json::json!({"added": 0, "unchanged": 2})
    );
    assert_eq!(home.linked("ias-up042600"), ["alok-ranjan"]);
    assert!(home.linked("ramji-lal-suman").is_empty());
}

#[test]
fn hand_written_links_are_validated_like_records() {
    let home = Home::new();
    let f = home.write("people.jsonl", PEOPLE);
    home.ok(&["import", "--no-resolve", f.to_str().unwrap()]);
    let before = home.store_snapshot();
    let bad = home.write(
        "links.jsonl",
        concat!(
            r#"{"type":"link","a":"alok-ranjan","b":"ghost","decision":"same"}"#,
            "\n",
            r#"{"type":"link","a":"alok-ranjan","b":"samajwadi-party","decision":"same"}"#,
            "\n",
            r#"{"type":"link","a":"alok-ranjan","b":"ias-up042600","decision":"maybe"}"#,
            "\n",
            r#"{"type":"link","a":"alok-ranjan","b":"alok-ranjan","decision":"same"}"#,
            "\n",
        ),
    );
    let (code, _, err) = home.run(&["import", "--no-resolve", bad.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    for expected in [
        "links.jsonl:1: b: refers to `ghost`, which is neither in the store nor in this import",
        "links.jsonl:2: b: refers to `samajwadi-party`, which is an organization, not a person",
        "links.jsonl:3: decision: unknown variant `maybe`",
        "links.jsonl:4: b: `alok-ranjan` cannot be linked with itself",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert_eq!(home.store_snapshot(), before);

    // Who and when default to the import and its time.
    let good = home.write(
        "good.jsonl",
        r#"{"type":"link","a":"ias-up042600","b":"alok-ranjan","decision":"same","why":"same TCPD id"}
"#,
    );
    home.ok(&["import", "--no-resolve", good.to_str().unwrap()]);
    let v = home.json(&["show", "alok-ranjan", "--json"]);
    let d = &v["identity"][0]["decision"];
    assert_eq!(d["by"], format!("import {}", good.display()));
    assert!(d["at"].as_u64().unwrap() > 1_700_000_000, "{d}");
    // Imported again (at another time), it says nothing new: nothing is added.
    let again = import_report(&home, &[good.as_path()]);
    assert_eq!(
        again["links"],
        serde_json::json!({"added": 0, "unchanged": 1})
    );
    let export = home.ok(&["export"]);
    assert_eq!(export.matches(r#""type":"link""#).count(), 1, "{export}");
}

#[test]
fn a_persons_different_and_a_linkers_decisions_round_trip_with_the_person_winning() {
    let home = Home::new();
    let f = home.write("people.jsonl", PEOPLE);
    home.ok(&["import", "--no-resolve", f.to_str().unwrap()]);
    let machine = |at: u64| {
        format!(
            "{{\"type\":\"link\",\"a\":\"alok-ranjan\",\"b\":\"ias-up042600\",\"decision\":\"same\",\"by\":\"resolver\",\"at\":{at},\"why\":\"score 18.4: name; batch\"}}\n"
        )
    };
    let first = home.write("first.jsonl", &machine(1_700_000_000));
    home.ok(&["import", "--no-resolve", first.to_str().unwrap()]);
    assert_eq!(home.linked("alok-ranjan"), ["ias-up042600"]);
    home.ok(&[
        "different",
        "ias-up042600",
        "alok-ranjan",
        "--why",
        "दो अधिकारी",
    ]);
    // A linker's later decision about the pair: logged, not effective.
    let later = home.write("later.jsonl", &machine(4_000_000_000));
    home.ok(&["import", "--no-resolve", later.to_str().unwrap()]);
    assert!(home.linked("alok-ranjan").is_empty());
    assert_export_round_trips(&home);

    let file = home.write("export.jsonl", &home.ok(&["export"]));
    let fresh = Home::new();
    fresh.ok(&["import", "--no-resolve", file.to_str().unwrap()]);
    let said: Vec<String> = fresh
        .ok(&["export"])
        .lines()
        .filter(|l| l.contains(r#""type":"link""#))
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            format!(
                "{} {}",
                v["decision"].as_str().unwrap(),
                v["by"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(said, ["same resolver", "not_same user", "same resolver"]);
    assert!(fresh.linked("alok-ranjan").is_empty());
    let v = fresh.json(&["show", "alok-ranjan", "--json"]);
    assert_eq!(v["identity"][0]["decision"]["why"], "दो अधिकारी");
    assert!(fresh.ok(&["check"]).contains("every check passed"));
}
