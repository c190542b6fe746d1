//! `same` and `different`: what they refuse (exit 2, one line, the store as it was)
//! and how they say that nothing was new (exit 0).

mod common;
use common::Home;

const PEOPLE: &str = r#"{"type":"person","id":"ias-up042600","name":{"en":"Alok Ranjan"},"identifiers":{"tcpd_ias":"UP042600"}}
"#;

#[test]
fn same_and_different_refuse_what_is_not_two_people() {
    let home = Home::new();
    let f = home.write("people.jsonl", PEOPLE);
    home.ok(&["import", "--no-resolve", f.to_str().unwrap()]);
    let before = home.store_snapshot();
    for verb in ["same", "different"] {
        for (a, b, expected) in [
            ("alok-ranjan", "alok-ranjan", "with itself"),
            (
                "alok-ranjan",
                "samajwadi-party",
                "is an organization; only people",
            ),
            (
                "rajya-sabha-2024-uttar-pradesh",
                "alok-ranjan",
                "is an election",
            ),
            (
                "alok-ranjan",
                "nobody-here",
                "no record matches `nobody-here`",
            ),
        ] {
            let (code, out, err) = home.run(&[verb, a, b, "--why", "परीक्षण"]);
            assert_eq!(code, 2, "{verb} {a} {b}: {out}{err}");
            assert!(err.contains(expected), "{verb} {a} {b}: {err}");
            assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
        }
    }
    let (code, _, err) = home.run(&["same", "alok-ranjan"]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(home.store_snapshot(), before);
}

#[test]
fn decisions_carry_who_when_and_why_and_are_not_repeated() {
    let home = Home::new();
    let f = home.write("people.jsonl", PEOPLE);
    home.ok(&["import", "--no-resolve", f.to_str().unwrap()]);
    let out = home.ok(&[
        "same",
        "ias-up042600",
        "alok-ranjan",
        "--why",
        "वही अधिकारी",
    ]);
    assert!(out.contains("are the same person"), "{out}");
    let v = home.json(&["show", "alok-ranjan", "--json"]);
    let d = &v["identity"][0]["decision"];
    assert_eq!(
        (d["decision"].as_str(), d["by"].as_str(), d["why"].as_str()),
        (Some("same"), Some("user"), Some("वही अधिकारी"))
    );
    assert!(d["at"].as_u64().unwrap() > 1_700_000_000, "{d}");
    let before = home.store_snapshot();
    assert!(home
        .ok(&["same", "alok-ranjan", "ias-up042600"])
        .contains("already decided"));
    assert_eq!(home.store_snapshot(), before);

    // `different` on a linked pair separates them; `merge` (same --force) joins again.
    home.ok(&["different", "alok-ranjan", "ias-up042600"]);
    assert!(home.linked("alok-ranjan").is_empty());
    home.ok(&["merge", "alok-ranjan", "ias-up042600"]);
    assert_eq!(home.linked("alok-ranjan"), ["ias-up042600"]);
    let export = home.ok(&["export"]);
    assert_eq!(export.matches(r#""type":"link""#).count(), 3, "{export}");
}
