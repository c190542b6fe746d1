//! `netakosh split A`: A leaves its person, recorded as a person's `different`
//! from each of the person's other records; the rest stay one person where they are
//! linked without A.

mod common;
use common::Home;

const SEED: &str = "ramji-lal-suman";
const CABINET: &str = "tcpd-cabinet-ramji-lal-suman";
const ADR: &str = "adr-lok-sabha-2009-uttar-pradesh-agra-ramji-lal-suman";

#[test]
fn split_takes_one_record_out_of_its_person() {
    let home = Home::new();
    home.ok(&[
        "import",
        "tests/fixtures/tcpd-cabinet/cabinet-slice.csv",
        "tests/fixtures/adr/lok-sabha-candidates.csv",
    ]);
    home.ok(&["same", SEED, CABINET]);
    home.ok(&["same", CABINET, ADR]);
    home.ok(&["same", SEED, ADR]);
    let mut linked = home.linked(ADR);
    linked.sort();
    assert_eq!(linked, [SEED, CABINET]);

    let out = home.ok(&["split", ADR, "--why", "ADR का उम्मीदवार अलग है"]);
    assert!(out.contains("a different person from each of 2"), "{out}");
    assert!(home.linked(ADR).is_empty());
    assert_eq!(home.linked(SEED), [CABINET]);
    let v = home.json(&["show", ADR, "--json"]);
    for line in v["identity"].as_array().unwrap() {
        let d = &line["decision"];
        assert_eq!(
            (d["decision"].as_str(), d["by"].as_str(), d["why"].as_str()),
            (
                Some("not_same"),
                Some("user"),
                Some("ADR का उम्मीदवार अलग है")
            )
        );
    }
    assert!(home.ok(&["check"]).contains("every check passed"));

    // Alone now: nothing to split (exit 2, one line, nothing written).
    let before = home.store_snapshot();
    for (id, expected) in [
        (ADR, "a person of its own"),
        ("samajwadi-party", "only people can be split"),
        ("nobody-here", "no record matches"),
    ] {
        let (code, out, err) = home.run(&["split", id]);
        assert_eq!(code, 2, "{out}{err}");
        assert!(err.contains(expected), "{err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
    assert_eq!(home.store_snapshot(), before);
}
