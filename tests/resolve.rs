//! `netakosh resolve` on real Lok Dhaba rows (tests/fixtures/tcpd-lokdhaba): records
//! that share TCPD's pid become one person, a person's `unmerge` is never undone,
//! and re-running adds nothing.

mod common;
use common::{fixture, Home};

/// Mulayam Singh Yadav's Jaswantnagar rows of 1985 and 1989 in up-incumbency-10.csv:
/// two candidacies, two person records, both with TCPD pid AEUP101085.
const M1985: &str = "tcpd-vidhan-sabha-uttar-pradesh-1985-jaswantnagar-mulayam-singh-yadav";
const M1989: &str = "tcpd-vidhan-sabha-uttar-pradesh-1989-jaswantnagar-mulayam-singh-yadav";

fn imported() -> Home {
    common::lokdhaba_unresolved()
}

fn pid_stats(v: &serde_json::Value) -> &serde_json::Value {
    v["resolve"]["schemes"]
        .as_array()
        .expect("schemes")
        .iter()
        .find(|s| s["scheme"] == "tcpd_pid")
        .expect("tcpd_pid is a scheme")
}

#[test]
fn records_sharing_a_pid_become_one_person_once() {
    let home = imported();
    assert!(home.linked(M1985).is_empty());

    // A dry run says what it would do and writes nothing.
    let before = home.store_snapshot();
    let dry = home.ok(&["resolve", "--dry-run"]);
    assert!(dry.contains("would add 1 new links"), "{dry}");
    assert_eq!(home.store_snapshot(), before);

    let out = home.ok(&["resolve"]);
    assert!(out.contains("added 1 new links"), "{out}");
    assert_eq!(home.linked(M1985), [M1989]);
    assert_eq!(home.linked(M1989), [M1985]);
    // The decisions are the identity tree's like any other: `check` agrees.
    let check = home.ok(&["check"]);
    assert!(check.contains("every check passed"), "{check}");
    let v = home.json(&["show", M1989, "--json"]);
    let d = &v["identity"][0]["decision"];
    assert_eq!(
        (d["decision"].as_str(), d["by"].as_str(), d["why"].as_str()),
        (
            Some("same"),
            Some("exact:tcpd_pid"),
            Some("tcpd_pid AEUP101085")
        )
    );

    // Again: nothing new, and the store is untouched.
    let before = home.store_snapshot();
    let again = home.ok(&["resolve"]);
    assert!(again.contains("added 0 new links"), "{again}");
    assert_eq!(home.store_snapshot(), before);
}

#[test]
fn a_persons_unmerge_survives_resolve() {
    let home = imported();
    home.ok(&["resolve"]);
    home.ok(&["unmerge", M1985, M1989, "--why", "checked: two people"]);
    assert!(home.linked(M1985).is_empty());

    let v = home.json(&["resolve", "--json"]);
    assert_eq!(v["resolve"]["links"], 0, "{v}");
    let pid = pid_stats(&v);
    assert_eq!(
        (&pid["shared_values"], &pid["blocked_by_decision"]),
        (&serde_json::json!(1), &serde_json::json!(1)),
        "{v}"
    );
    assert!(home.linked(M1985).is_empty());
    let latest = home.json(&["show", M1985, "--json"]);
    assert_eq!(latest["identity"][0]["decision"]["by"], "user", "{latest}");
}

/// Mulayam Singh Yadav's ADR rows (Mainpuri 2004–2019, Bharthana and Gunnaur 2007),
/// TCPD's chief-minister and cabinet records and the 16th Lok Sabha's share no
/// identifier: `resolve` links them by the probabilistic linker, as the resolver's
/// decisions with their score, and says how many links each linker made.
#[test]
fn the_resolver_links_records_that_share_no_identifier() {
    let home = Home::new();
    for f in ["resolve", "tcpd-cm", "popolo"] {
        let dir = fixture(f);
        home.ok(&[
            "import",
            "--no-resolve",
            "-r",
            dir.to_str().expect("a UTF-8 path"),
        ]);
    }
    const MAINPURI_2004: &str = "adr-lok-sabha-2004-uttar-pradesh-mainpuri-mulayam-singh-yadav";
    assert!(home.linked(MAINPURI_2004).is_empty());
    let out = home.ok(&["resolve"]);
    let resolver = out
        .lines()
        .find(|l| l.starts_with("resolver: added "))
        .unwrap_or_else(|| panic!("{out}"));
    let links: usize = resolver["resolver: added ".len()..]
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{resolver}"));
    assert!(links >= 8, "{out}");
    let v = home.json(&["show", MAINPURI_2004, "--json"]);
    let person = home.linked(MAINPURI_2004);
    for id in [
        "tcpd-cm-uttar-pradesh-440-mulayam-singh-yadav",
        "tcpd-cabinet-mulayam-singh-yadav",
        "ep-530-mulayam-singh-yadav",
        "adr-vidhan-sabha-uttar-pradesh-2007-gunnaur-mulayam-singh-yadav",
    ] {
        assert!(person.iter().any(|p| p == id), "{id} not in {person:?}");
    }
    for namesake in [
        "adr-vidhan-sabha-delhi-2020-badli-mulayam-singh",
        "india-votes-lok-sabha-2024-uttar-pradesh-etawah-mulayam-singh",
    ] {
        assert!(
            !person.iter().any(|p| p == namesake),
            "{namesake} in {person:?}"
        );
    }
    let d = &v["identity"][0]["decision"];
    assert_eq!(d["by"], "resolver", "{v}");
    assert!(
        d["why"].as_str().is_some_and(|w| w.starts_with("score ")),
        "{v}"
    );
    // Again: nothing new.
    let again = home.ok(&["resolve"]);
    assert!(again.contains("added 0 new links in all"), "{again}");
}
