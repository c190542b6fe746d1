//! `revert` of one side of a merge never touches the link: both profiles stay one
//! person with exactly the linked records' current facts, until `unmerge` (issue 10:
//! after `merge` Mayawati ~ an unrelated record and `revert`, the other profile kept
//! listing four UP chief-minister terms).

mod common;
use common::Home;

const MAYAWATI: &str = "tcpd-cm-uttar-pradesh-444-mayawati";
const CM_UP: &str = "chief-minister-uttar-pradesh";

/// The chief-minister terms a profile lists.
fn cm_terms(home: &Home, id: &str) -> usize {
    let v = home.json(&["show", id, "--json"]);
    v["tenures"].as_array().map_or(0, |t| {
        t.iter().filter(|t| t["tenure"]["office"] == CM_UP).count()
    })
}

#[test]
fn reverting_one_side_keeps_both_profiles_in_step() {
    let home = Home::new();
    home.ok(&["import", "tests/fixtures/tcpd-cm/cm-slice.csv"]);
    // A second version of the seed's Jaya Bachchan, so there is something to revert.
    let update = home.write(
        "jaya.jsonl",
        r#"{"type":"person","id":"jaya-bachchan","name":{"en":"Jaya Bachchan","hi":"जया बच्चन"},"aliases":["जया भादुड़ी"],"gender":"female","sources":["src-article-rajya-sabha-2024-up"]}
"#,
    );
    home.ok(&["import", update.to_str().unwrap()]);
    assert_eq!(cm_terms(&home, MAYAWATI), 4);
    assert_eq!(cm_terms(&home, "jaya-bachchan"), 0);

    // The wrong merge: Jaya Bachchan's profile shows Mayawati's four terms.
    home.ok(&["merge", MAYAWATI, "jaya-bachchan"]);
    assert_eq!(cm_terms(&home, "jaya-bachchan"), 4);
    // Reverting either record changes that record only; the link is not a version.
    let (code, _, err) = home.run(&["revert", MAYAWATI]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("only one version"), "{err}");
    home.ok(&["revert", "jaya-bachchan"]);
    let jaya = home.json(&["show", "jaya-bachchan", "--json"]);
    assert!(jaya["record"].get("aliases").is_none(), "{jaya}");
    assert_eq!(home.linked("jaya-bachchan"), [MAYAWATI]);
    assert_eq!(home.linked(MAYAWATI), ["jaya-bachchan"]);
    assert!(home.ok(&["check"]).contains("every check passed"));

    // Undoing the merge separates both profiles at once.
    home.ok(&[
        "unmerge",
        "jaya-bachchan",
        MAYAWATI,
        "--why",
        "different people",
    ]);
    assert_eq!(cm_terms(&home, "jaya-bachchan"), 0);
    assert_eq!(cm_terms(&home, MAYAWATI), 4);
    assert!(home.linked("jaya-bachchan").is_empty());
    assert!(home.linked(MAYAWATI).is_empty());
    assert!(home.ok(&["check"]).contains("every check passed"));
}
