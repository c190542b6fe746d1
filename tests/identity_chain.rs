//! Clusters never break a cannot-link: a chain A–X–B of machine links is cut by a
//! person's `different A B` at its weaker link, A–X staying when it is the stronger;
//! the cut survives re-importing the datasets. Records: the seed's Ramji Lal Suman
//! (Rajya Sabha 2024), TCPD's union minister of 1990 and ADR's SP candidate of 2009.

mod common;
use common::Home;

const SEED: &str = "ramji-lal-suman";
const CABINET: &str = "tcpd-cabinet-ramji-lal-suman";
const ADR: &str = "adr-lok-sabha-2009-uttar-pradesh-agra-ramji-lal-suman";
const FILES: [&str; 2] = [
    "tests/fixtures/tcpd-cabinet/cabinet-slice.csv",
    "tests/fixtures/adr/lok-sabha-candidates.csv",
];

/// A home with the slices and resolver links SEED–CABINET and CABINET–ADR scored
/// `first` and `second`.
fn chained(first: f64, second: f64) -> Home {
    let home = Home::new();
    home.ok(&["import", FILES[0], FILES[1]]);
    let links = home.write(
        "resolver.jsonl",
        &format!(
            "{{\"type\":\"link\",\"a\":\"{SEED}\",\"b\":\"{CABINET}\",\"decision\":\"same\",\"by\":\"resolver\",\"at\":1700000000,\"why\":\"score {first}: name\"}}\n\
             {{\"type\":\"link\",\"a\":\"{CABINET}\",\"b\":\"{ADR}\",\"decision\":\"same\",\"by\":\"resolver\",\"at\":1700000000,\"why\":\"score {second}: name\"}}\n"
        ),
    );
    home.ok(&["import", links.to_str().unwrap()]);
    assert_eq!(home.linked(SEED), [ADR, CABINET]);
    home
}

#[test]
fn different_cuts_the_weaker_link_of_a_machine_chain() {
    let home = chained(20.1, 11.5);
    let out = home.ok(&["different", SEED, ADR, "--why", "ADR's is a namesake"]);
    assert!(out.contains("they were one person"), "{out}");
    // SEED–CABINET (20.1) stays; CABINET–ADR (11.5) would join SEED and ADR.
    assert_eq!(home.linked(SEED), [CABINET]);
    assert_eq!(home.linked(CABINET), [SEED]);
    assert!(home.linked(ADR).is_empty());
    assert!(home.ok(&["check"]).contains("every check passed"));

    // The datasets imported again: the cut holds.
    home.ok(&["import", FILES[0], FILES[1]]);
    assert_eq!(home.linked(SEED), [CABINET]);
    assert!(home.linked(ADR).is_empty());
}

#[test]
fn the_stronger_link_decides_which_side_the_middle_record_is_on() {
    let home = chained(9.0, 14.0);
    home.ok(&["different", SEED, ADR]);
    assert!(home.linked(SEED).is_empty());
    assert_eq!(home.linked(CABINET), [ADR]);
}

#[test]
fn different_on_records_never_linked_is_recorded_and_leaves_the_queue() {
    let home = Home::new();
    home.ok(&["import", FILES[0], FILES[1]]);
    let out = home.ok(&["different", ADR, SEED]);
    assert!(!out.contains("they were one person"), "{out}");
    let v = home.json(&["show", SEED, "--json"]);
    let d = &v["identity"][0];
    assert_eq!(
        (d["with"].as_str(), d["decision"]["decision"].as_str()),
        (Some(ADR), Some("not_same"))
    );
    let queue = home.json_code(
        &[
            "duplicates",
            "Ramji Lal Suman",
            "--json",
            "--min-weight",
            "-1000",
        ],
        0,
    );
    assert!(!common::proposes(&queue, SEED, ADR), "{queue}");
    // Saying it again adds nothing.
    let before = home.store_snapshot();
    assert!(home
        .ok(&["different", SEED, ADR])
        .contains("already decided"));
    assert_eq!(home.store_snapshot(), before);
}
