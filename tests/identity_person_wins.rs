//! A person's decision wins: a linker's decision made after a person's `different`
//! is logged but never links the pair, `resolve` does not undo it, `check` agrees,
//! and `same` refuses to contradict it without `--force`.

mod common;
use common::{fixture, import_report, Home};

/// Mulayam Singh Yadav's Jaswantnagar rows of 1985 and 1989 (up-incumbency-10.csv),
/// both with TCPD pid AEUP101085.
const M1985: &str = "tcpd-vidhan-sabha-uttar-pradesh-1985-jaswantnagar-mulayam-singh-yadav";
const M1989: &str = "tcpd-vidhan-sabha-uttar-pradesh-1989-jaswantnagar-mulayam-singh-yadav";

fn imported() -> Home {
    common::lokdhaba_unresolved()
}

/// Link lines a linker would write, stamped a day after now.
fn machine_links(home: &Home) -> std::path::PathBuf {
    let later = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 86_400;
    home.write(
        "machine.jsonl",
        &format!(
            "{{\"type\":\"link\",\"a\":\"{M1985}\",\"b\":\"{M1989}\",\"decision\":\"same\",\"by\":\"resolver\",\"at\":{later},\"why\":\"score 31.2: name; pid\"}}\n\
             {{\"type\":\"link\",\"a\":\"{M1985}\",\"b\":\"{M1989}\",\"decision\":\"same\",\"by\":\"exact:tcpd_pid\",\"at\":{later},\"why\":\"tcpd_pid AEUP101085\"}}\n"
        ),
    )
}

#[test]
fn a_machines_later_link_never_overrides_a_persons_different() {
    let home = imported();
    let out = home.ok(&["different", M1985, M1989, "--why", "दो अलग लोग"]);
    assert!(out.contains("are different people"), "{out}");
    let report = import_report(&home, &[machine_links(&home).as_path()]);
    // Both are logged (the log keeps what every linker thought)…
    assert_eq!(
        report["links"],
        serde_json::json!({"added": 2, "unchanged": 0})
    );
    let export = home.ok(&["export"]);
    assert_eq!(export.matches(r#""type":"link""#).count(), 3, "{export}");
    // …but neither links the pair: the person's decision is the effective one.
    assert!(home.linked(M1985).is_empty());
    let v = home.json(&["show", M1989, "--json"]);
    let d = &v["identity"][0]["decision"];
    assert_eq!(
        (d["decision"].as_str(), d["by"].as_str(), d["why"].as_str()),
        (Some("not_same"), Some("user"), Some("दो अलग लोग"))
    );
    assert!(home.ok(&["check"]).contains("every check passed"));
    // Re-resolving links nothing either.
    let v = home.json(&["resolve", "--json"]);
    assert_eq!(v["resolve"]["links"], 0, "{v}");
    assert!(home.linked(M1985).is_empty());
}

#[test]
fn same_refuses_to_contradict_a_person_unless_forced() {
    let home = imported();
    home.ok(&["different", M1985, M1989]);
    let before = home.store_snapshot();
    let (code, out, err) = home.run(&["same", M1989, M1985]);
    assert_eq!(code, 2, "{out}{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(
        err.contains("a person decided that") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(home.store_snapshot(), before);

    let out = home.ok(&["same", M1989, M1985, "--force", "--why", "same pid"]);
    assert!(out.contains("are the same person"), "{out}");
    assert_eq!(home.linked(M1985), [M1989]);
    // A second `same` says so and adds nothing.
    let before = home.store_snapshot();
    let again = home.ok(&["same", M1985, M1989]);
    assert!(again.contains("already decided"), "{again}");
    assert_eq!(home.store_snapshot(), before);
}

#[test]
fn a_persons_different_cuts_a_machines_link_and_survives_reimport() {
    let home = imported();
    home.ok(&["resolve"]);
    assert_eq!(home.linked(M1985), [M1989]);
    home.ok(&["different", M1985, M1989]);
    assert!(home.linked(M1985).is_empty());
    // Import the dataset again and resolve again: still two people.
    let dir = fixture("tcpd-lokdhaba");
    home.ok(&["import", "--no-resolve", "-r", dir.to_str().unwrap()]);
    home.ok(&["resolve"]);
    assert!(home.linked(M1985).is_empty());
    assert!(home.linked(M1989).is_empty());
    assert!(home.ok(&["check"]).contains("every check passed"));
}
