//! `netakosh duplicates` and `netakosh merge`: likely same-person pairs and links.

mod common;
use common::Home;

/// Three IAS officers called Alok Ranjan (different cadres, batches, birth dates, as
/// in TCPD's IAS data), one of them UP042600, and a Ramjilal Suman of the SP.
const PEOPLE: &str = r#"{"type":"person","id":"ias-up042600","name":{"en":"Alok Ranjan"},"aliases":["Shri Alok Ranjan"],"birth_date":"1955-03-15","services":[{"service":"IAS","batch":1978,"cadre":{"en":"Uttar Pradesh"}}],"identifiers":{"tcpd_ias":"UP042600"}}
{"type":"person","id":"ias-bh-alok-ranjan","name":{"en":"Alok Ranjan"},"birth_date":"1962-01-01","services":[{"service":"IAS","batch":1986,"cadre":{"en":"Bihar"}}],"identifiers":{"tcpd_ias":"BH001"}}
{"type":"person","id":"ias-jh-alok-ranjan","name":{"en":"Alok Ranjan"},"birth_date":"1970-05-05","services":[{"service":"IAS","batch":1995,"cadre":{"en":"Jharkhand"}}],"identifiers":{"tcpd_ias":"JH002"}}
{"type":"person","id":"adr-ramjilal-suman","name":{"en":"Ramjilal Suman"},"home_state":{"en":"Uttar Pradesh"}}
{"type":"membership","person":"adr-ramjilal-suman","organization":"samajwadi-party"}
"#;

fn pairs(home: &Home) -> Vec<(String, String, f64)> {
    let v = home.json(&["duplicates", "--json"]);
    v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["a"].as_str().unwrap().to_string(),
                p["b"].as_str().unwrap().to_string(),
                p["score"].as_f64().unwrap(),
            )
        })
        .collect()
}

fn has(pairs: &[(String, String, f64)], a: &str, b: &str) -> bool {
    pairs
        .iter()
        .any(|(x, y, _)| (x == a && y == b) || (x == b && y == a))
}

#[test]
fn same_people_are_proposed_and_namesakes_are_not() {
    let home = Home::new();
    let f = home.write("people.jsonl", PEOPLE);
    home.ok(&["import", "--no-resolve", f.to_str().unwrap()]);
    let found = pairs(&home);
    assert!(has(&found, "alok-ranjan", "ias-up042600"), "{found:?}");
    assert!(
        has(&found, "adr-ramjilal-suman", "ramji-lal-suman"),
        "{found:?}"
    );
    for (a, b) in [
        ("ias-up042600", "ias-bh-alok-ranjan"),
        ("ias-up042600", "ias-jh-alok-ranjan"),
        ("ias-bh-alok-ranjan", "ias-jh-alok-ranjan"),
        ("alok-ranjan", "ias-bh-alok-ranjan"),
        ("alok-ranjan", "ias-jh-alok-ranjan"),
    ] {
        assert!(
            !has(&found, a, b),
            "{a} and {b} are different people: {found:?}"
        );
    }
    let v = home.json(&["duplicates", "--json"]);
    let best = &v["pairs"][0];
    let evidence: Vec<&str> = best["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert!(
        evidence.iter().any(|e| e.contains("UP042600")),
        "{evidence:?}"
    );
    assert!(
        evidence.iter().any(|e| e.contains("batch 1978")),
        "{evidence:?}"
    );
}

#[test]
fn merge_links_both_records_without_changing_them() {
    let home = Home::new();
    let f = home.write("people.jsonl", PEOPLE);
    home.ok(&["import", "--no-resolve", f.to_str().unwrap()]);
    let out = home.ok(&["merge", "alok-ranjan", "ias-up042600"]);
    assert!(out.contains("linked"), "{out}");
    assert!(
        !has(&pairs(&home), "alok-ranjan", "ias-up042600"),
        "a merged pair is not proposed again"
    );
    let again = home.ok(&["merge", "ias-up042600", "alok-ranjan"]);
    assert!(again.contains("already linked"), "{again}");

    let v = home.json(&["show", "alok-ranjan", "--json"]);
    assert!(v["record"].get("same_as").is_none(), "{v}");
    assert!(v["same_as"]["ias-up042600"].is_object());
    assert_eq!(v["identity"][0]["with"], "ias-up042600");
    assert_eq!(v["identity"][0]["decision"]["decision"], "same");
    assert_eq!(v["identity"][0]["decision"]["by"], "user");
    let other = home.json(&["show", "ias-up042600", "--json"]);
    let linked: Vec<&String> = other["same_as"].as_object().unwrap().keys().collect();
    assert_eq!(linked, ["alok-ranjan"]);
    // The merged profile carries the seed record's facts on both sides.
    assert_eq!(other["candidacies"][0]["candidacy"]["votes"], 19);

    // Neither record changed: no new version of either.
    let store = netakosh::store::Store::open(&home.path().join("store")).unwrap();
    assert!(store.history("alok-ranjan").unwrap().is_empty());
    assert!(store.history("ias-up042600").unwrap().is_empty());
}

#[test]
fn merge_cycles_terminate_and_bad_merges_are_refused() {
    let home = Home::new();
    let f = home.write("people.jsonl", PEOPLE);
    home.ok(&["import", "--no-resolve", f.to_str().unwrap()]);
    home.ok(&["merge", "ias-up042600", "ias-bh-alok-ranjan"]);
    home.ok(&["merge", "ias-bh-alok-ranjan", "ias-jh-alok-ranjan"]);
    home.ok(&["merge", "ias-jh-alok-ranjan", "ias-up042600"]);
    let v = home.json(&["show", "ias-up042600", "--json"]);
    let linked: Vec<&String> = v["same_as"].as_object().unwrap().keys().collect();
    assert_eq!(linked, vec!["ias-bh-alok-ranjan", "ias-jh-alok-ranjan"]);
    for (a, b, expected) in [
        ("alok-ranjan", "alok-ranjan", "with itself"),
        (
            "alok-ranjan",
            "samajwadi-party",
            "only people can be merged",
        ),
        ("alok-ranjan", "nobody-here", "no record matches"),
    ] {
        let (code, _, err) = home.run(&["merge", a, b]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(expected), "{err}");
    }
}
