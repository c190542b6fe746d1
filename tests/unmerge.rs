//! `netakosh unmerge`: reversing a merge is a decision of its own (not the same
//! person), recorded beside the merge; `merge` reverses it in turn.

mod common;
use common::{proposes, Home};

const PEOPLE: &str = r#"{"type":"person","id":"ias-up042600","name":{"en":"Alok Ranjan"},"birth_date":"1955-03-15","services":[{"service":"IAS","batch":1978,"cadre":{"en":"Uttar Pradesh"}}],"identifiers":{"tcpd_ias":"UP042600"}}
{"type":"person","id":"ramji-lal-suman-2","name":{"hi":"रामजी लाल सुमन"}}
"#;

fn proposed(home: &Home, a: &str, b: &str) -> bool {
    proposes(
        &home.json(&["duplicates", "--json", "--min-score", "0"]),
        a,
        b,
    )
}

#[test]
fn unmerge_separates_the_profiles_and_keeps_both_decisions() {
    let home = Home::new();
    let f = home.write("people.jsonl", PEOPLE);
    home.ok(&["import", "--no-resolve", f.to_str().unwrap()]);
    assert!(proposed(&home, "alok-ranjan", "ias-up042600"));
    home.ok(&[
        "merge",
        "alok-ranjan",
        "ias-up042600",
        "--why",
        "same TCPD id",
    ]);
    assert_eq!(home.linked("ias-up042600"), ["alok-ranjan"]);

    let out = home.ok(&[
        "unmerge",
        "ias-up042600",
        "alok-ranjan",
        "--why",
        "अलग व्यक्ति",
    ]);
    assert!(out.contains("not the same person"), "{out}");
    assert!(home.linked("ias-up042600").is_empty());
    assert!(home.linked("alok-ranjan").is_empty());
    let v = home.json(&["show", "ias-up042600", "--json"]);
    assert!(v["candidacies"].is_null(), "the seed's facts are gone: {v}");
    let d = &v["identity"][0]["decision"];
    assert_eq!(
        (d["decision"].as_str(), d["by"].as_str(), d["why"].as_str()),
        (Some("not_same"), Some("user"), Some("अलग व्यक्ति"))
    );
    // A decided pair is not proposed again.
    assert!(!proposed(&home, "alok-ranjan", "ias-up042600"));
    // Both decisions are kept, oldest first.
    let export = home.ok(&["export"]);
    let links: Vec<serde_json::Value> = export
        .lines()
        .filter(|l| l.contains(r#""type":"link""#))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let said: Vec<(&str, &str)> = links
        .iter()
        .map(|l| (l["decision"].as_str().unwrap(), l["why"].as_str().unwrap()))
        .collect();
    assert_eq!(said, [("same", "same TCPD id"), ("not_same", "अलग व्यक्ति")]);

    // Merging again reverses the reversal.
    home.ok(&["merge", "alok-ranjan", "ias-up042600"]);
    assert_eq!(home.linked("alok-ranjan"), ["ias-up042600"]);
    assert!(home.ok(&["check"]).contains("every check passed"));
}

#[test]
fn unmerge_refuses_what_is_not_a_merge() {
    let home = Home::new();
    let f = home.write("people.jsonl", PEOPLE);
    home.ok(&["import", "--no-resolve", f.to_str().unwrap()]);
    home.ok(&["merge", "alok-ranjan", "ias-up042600"]);
    home.ok(&["merge", "ias-up042600", "ramji-lal-suman-2"]);
    let before = home.store_snapshot();
    for (a, b, expected) in [
        (
            "alok-ranjan",
            "alok-ranjan",
            "cannot be unmerged with itself",
        ),
        (
            "alok-ranjan",
            "samajwadi-party",
            "only people can be unmerged",
        ),
        ("alok-ranjan", "nobody-here", "no record matches"),
        ("alok-ranjan", "jaya-bachchan", "are not merged"),
        // One person through ias-up042600, but never merged with each other.
        (
            "alok-ranjan",
            "ramji-lal-suman-2",
            "linked through other records",
        ),
    ] {
        let (code, out, err) = home.run(&["unmerge", a, b]);
        assert_eq!(code, 2, "{a} {b}: {out}{err}");
        assert!(err.contains(expected), "{err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    }
    assert_eq!(home.store_snapshot(), before);
}
