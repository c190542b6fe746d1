//! `duplicates NAME`, the review queue: only undecided pairs of people the name
//! finds (in either script), best first, each with evidence for and against; a
//! decision takes a pair out of it.

mod common;
use common::{proposes, Home};

const SEED: &str = "ramji-lal-suman";
const CABINET: &str = "tcpd-cabinet-ramji-lal-suman";
const ADR: &str = "adr-lok-sabha-2009-uttar-pradesh-agra-ramji-lal-suman";

fn imported() -> Home {
    let home = Home::new();
    home.ok(&[
        "import",
        "tests/fixtures/tcpd-ias/ias-profile-slice.csv",
        "tests/fixtures/tcpd-cabinet/cabinet-slice.csv",
        "tests/fixtures/adr/lok-sabha-candidates.csv",
    ]);
    home
}

fn pairs(v: &serde_json::Value) -> Vec<(String, String)> {
    v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["a"].as_str().unwrap().into(),
                p["b"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn a_name_lists_its_undecided_pairs_best_first_in_either_script() {
    let home = imported();
    let v = home.json(&["duplicates", "Ramji Lal Suman", "--json"]);
    assert!(proposes(&v, SEED, ADR), "{v}");
    assert!(proposes(&v, SEED, CABINET), "{v}");
    assert!(proposes(&v, CABINET, ADR), "{v}");
    // Only this name's people: no Alok Ranjan.
    assert!(!v.to_string().contains("alok-ranjan"), "{v}");
    let scores: Vec<f64> = v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // The best: the seed's SP member and ADR's SP candidate share their party.
    let best = &v["pairs"][0];
    assert_eq!(
        (best["a"].as_str(), best["b"].as_str()),
        (Some(ADR), Some(SEED))
    );
    assert!(
        best["evidence"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("same party samajwadi-party")),
        "{best}"
    );
    assert!(best["against"].is_array(), "{best}");
    // The Devanagari name finds the same pairs.
    let hindi = home.json(&["duplicates", "रामजी लाल सुमन", "--json"]);
    assert_eq!(pairs(&hindi), pairs(&v));
}

#[test]
fn decided_pairs_leave_the_queue() {
    let home = imported();
    home.ok(&["same", SEED, ADR]);
    let v = home.json(&["duplicates", "Ramji Lal Suman", "--json"]);
    // One person now: SEED–ADR is gone, and CABINET is proposed once, against it.
    assert!(!proposes(&v, SEED, ADR), "{v}");
    let with_cabinet = |v: &serde_json::Value| {
        pairs(v)
            .into_iter()
            .filter(|(a, b)| a == CABINET || b == CABINET)
            .count()
    };
    assert_eq!(with_cabinet(&v), 1, "{v}");
    home.ok(&["different", CABINET, SEED]);
    // Kept apart by a person: not proposed through either record of that person.
    let v = home.json(&["duplicates", "Ramji Lal Suman", "--json"]);
    assert_eq!(with_cabinet(&v), 0, "{v}");
    // ADR's clipped `Ramji Lal Suma` of 2014 and 2019 remain to be decided.
    assert_eq!(v["total"], 1, "{v}");
    home.ok(&[
        "different",
        "adr-lok-sabha-2014-uttar-pradesh-hathras-ramji-lal-suma",
        "adr-lok-sabha-2019-uttar-pradesh-hathras-ramji-lal-suma",
    ]);
    let (code, out, err) = home.run(&["duplicates", "Ramji Lal Suman"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("no undecided likely duplicates for `Ramji Lal Suman`"),
        "{err}"
    );
}

#[test]
fn alok_ranjans_with_different_batches_are_never_proposed() {
    let home = imported();
    let v = home.json(&["duplicates", "आलोक रंजन", "--json"]);
    assert_eq!(
        pairs(&v),
        [(
            "alok-ranjan".to_string(),
            "tcpd-ias-up042600-alok-ranjan".to_string()
        )],
        "{v}"
    );
    let (code, _, err) = home.run(&["duplicates", "—"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no letters"), "{err}");
}
