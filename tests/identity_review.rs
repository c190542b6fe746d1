//! `duplicates NAME`, the review queue: only undecided pairs of people the name
//! finds (in either script), scored by the linker, best first, each with evidence
//! for (positive bits) and against (negative); below the linker's threshold; a
//! decision, or `resolve`, takes a pair out of it. The assertions hold whatever the
//! linker's trained weights are.

mod common;
use common::{proposes, Home};

const SEED: &str = "ramji-lal-suman";
const CABINET: &str = "tcpd-cabinet-ramji-lal-suman";
const ADR: &str = "adr-lok-sabha-2009-uttar-pradesh-agra-ramji-lal-suman";
/// ADR's clipped `Ramji Lal Suma` of Hathras, 2014 and 2019.
const SUMA14: &str = "adr-lok-sabha-2014-uttar-pradesh-hathras-ramji-lal-suma";
const SUMA19: &str = "adr-lok-sabha-2019-uttar-pradesh-hathras-ramji-lal-suma";
/// Every pair the linker does not rule out.
const ALL: &[&str] = &["--min-weight", "-1000", "--json", "--limit", "1000"];

fn imported() -> Home {
    let home = Home::new();
    home.ok(&[
        "import",
        "--no-resolve",
        "tests/fixtures/tcpd-ias/ias-profile-slice.csv",
        "tests/fixtures/tcpd-cabinet/cabinet-slice.csv",
        "tests/fixtures/adr/lok-sabha-candidates.csv",
    ]);
    home
}

fn queue(home: &Home, name: &str) -> serde_json::Value {
    let mut args = vec!["duplicates", name];
    args.extend_from_slice(ALL);
    home.json(&args)
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
    let v = queue(&home, "Ramji Lal Suman");
    for (a, b) in [(SEED, ADR), (SEED, CABINET), (CABINET, ADR), (SEED, SUMA14)] {
        assert!(proposes(&v, a, b), "{a} ~ {b}: {v}");
    }
    // The records holding half the name's phonetic keys or more: the seed's, TCPD's,
    // ADR's 2009 record and ADR's clipped `Ramji Lal Suma` of 2014 and 2019 — not
    // `Devi Lal` or `Ganeshi Lal` for sharing `Lal`.
    assert_eq!((&v["records"], &v["people"]), (&5.into(), &5.into()), "{v}");
    // Only this name's people: no `Devi Lal`, no Alok Ranjan.
    let text = v["pairs"].to_string();
    assert!(
        !text.contains("devi-lal") && !text.contains("alok-ranjan"),
        "{v}"
    );
    let threshold = v["threshold"].as_f64().unwrap();
    let mut last = f64::INFINITY;
    for p in v["pairs"].as_array().unwrap() {
        let w = p["weight"].as_f64().unwrap();
        assert!(
            w <= last && w < threshold,
            "best first, below {threshold}: {v}"
        );
        last = w;
        for e in p["evidence"].as_array().unwrap() {
            assert!(e["weight"].as_f64().unwrap() > 0.0, "{p}");
        }
        for e in p["against"].as_array().unwrap() {
            assert!(e["weight"].as_f64().unwrap() < 0.0, "{p}");
        }
        // Each pair names the person each record belongs to.
        assert!(v["person"][p["a"].as_str().unwrap()].is_string(), "{v}");
    }
    // The Devanagari name finds the same pairs.
    let hindi = queue(&home, "रामजी लाल सुमन");
    assert_eq!(pairs(&hindi), pairs(&v));
}

#[test]
fn decided_pairs_leave_the_queue() {
    let home = imported();
    home.ok(&["same", SEED, ADR]);
    let v = queue(&home, "Ramji Lal Suman");
    // One person now: SEED–ADR is gone, and CABINET is proposed once, against it.
    assert!(!proposes(&v, SEED, ADR), "{v}");
    let with = |v: &serde_json::Value, id: &str| {
        pairs(v)
            .into_iter()
            .filter(|(a, b)| a == id || b == id)
            .count()
    };
    // CABINET against the SEED+ADR person, SUMA14 and SUMA19: once each.
    assert_eq!(with(&v, CABINET), 3, "{v}");
    home.ok(&["different", CABINET, SEED]);
    // Kept apart by a person: not proposed through either record of that person.
    let v = queue(&home, "Ramji Lal Suman");
    assert!(!proposes(&v, CABINET, ADR), "{v}");
    assert!(!proposes(&v, CABINET, SEED), "{v}");
    home.ok(&["different", SUMA14, SUMA19]);
    assert!(!proposes(&queue(&home, "Ramji Lal Suman"), SUMA14, SUMA19));
}

#[test]
fn alok_ranjans_are_proposed_only_where_no_identifier_rules_them_out() {
    let home = imported();
    // TCPD's other Alok Ranjans carry other IAS ids: the linker rules them out.
    // (The seed's and TCPD's UP042600 share theirs: proposed if the linker's weight
    // is below its threshold, left to `resolve` if not.)
    let (code, out, err) = home.run(&["duplicates", "आलोक रंजन", "--json", "--min-weight", "-1000"]);
    assert!(code == 0 || code == 1, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["records"].as_u64().unwrap() >= 4, "{v}");
    for (a, b) in pairs(&v) {
        assert_eq!(
            (a.as_str(), b.as_str()),
            ("alok-ranjan", "tcpd-ias-up042600-alok-ranjan"),
            "{v}"
        );
    }
    // `resolve` links the seed's and TCPD's UP042600: nothing is left to decide.
    home.ok(&["resolve"]);
    let (code, out, err) = home.run(&["duplicates", "Alok Ranjan", "--min-weight", "-1000"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("no undecided pairs for `Alok Ranjan`"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let (code, _, err) = home.run(&["duplicates", "—"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no letters"), "{err}");
}
