//! `export --format crosswalk`: one JSON line per person — its id, names in both
//! scripts, identifiers and records — every person record in exactly one line, in
//! person-id order.

mod common;
use common::{fixture, Home};
use serde_json::json;

const M1985: &str = "tcpd-vidhan-sabha-uttar-pradesh-1985-jaswantnagar-mulayam-singh-yadav";
const M1989: &str = "tcpd-vidhan-sabha-uttar-pradesh-1989-jaswantnagar-mulayam-singh-yadav";

fn lines(home: &Home) -> Vec<serde_json::Value> {
    home.ok(&["export", "--format", "crosswalk"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn one_line_per_person_with_names_identifiers_and_records() {
    let home = Home::new();
    let dir = fixture("tcpd-lokdhaba");
    home.ok(&[
        "import",
        "-r",
        dir.to_str().unwrap(),
        "tests/fixtures/tcpd-ias/ias-profile-slice.csv",
    ]);
    home.ok(&["resolve"]);
    home.ok(&["same", "alok-ranjan", "tcpd-ias-up042600-alok-ranjan"]);
    let all = lines(&home);

    let find = |id: &str| {
        all.iter()
            .find(|l| l["records"].as_array().unwrap().iter().any(|r| r == id))
            .unwrap_or_else(|| panic!("no line holds {id}"))
    };
    // Linked by TCPD's pid: the person id is the smaller record id.
    let mulayam = find(M1989);
    assert_eq!(mulayam["person"], M1985);
    assert_eq!(mulayam["records"], json!([M1985, M1989]));
    assert_eq!(mulayam["identifiers"]["tcpd_pid"], json!(["AEUP101085"]));
    // Linked by a person: the seed's Hindi name joins TCPD's English one.
    let alok = find("tcpd-ias-up042600-alok-ranjan");
    assert_eq!(alok["person"], "alok-ranjan");
    assert_eq!(
        alok["records"],
        json!(["alok-ranjan", "tcpd-ias-up042600-alok-ranjan"])
    );
    let names = alok["names"].as_array().unwrap();
    assert!(names.contains(&json!("आलोक रंजन")), "{alok}");
    assert!(names.contains(&json!("Alok Ranjan")), "{alok}");
    assert_eq!(alok["identifiers"]["tcpd_ias"], json!(["UP042600"]));
    // A record linked to nobody is a person of its own.
    let other = find("tcpd-ias-rj112s04-alok-ranjan");
    assert_eq!(other["records"], json!(["tcpd-ias-rj112s04-alok-ranjan"]));

    // Exactly these fields; every person record once; in person-id order.
    for l in &all {
        let keys: Vec<&String> = l.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["identifiers", "names", "person", "records"], "{l}");
    }
    let mut records: Vec<&str> = all
        .iter()
        .flat_map(|l| l["records"].as_array().unwrap())
        .map(|r| r.as_str().unwrap())
        .collect();
    let persons = home.json(&["stats", "--json"]);
    let count = persons["records"]["person"].as_u64().unwrap();
    assert_eq!(records.len() as u64, count, "{persons}");
    records.sort_unstable();
    records.dedup();
    assert_eq!(records.len() as u64, count);
    let ids: Vec<&str> = all.iter().map(|l| l["person"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted);
    // A `different` splits the line in two.
    home.ok(&["different", M1985, M1989]);
    let after = lines(&home);
    assert_eq!(after.len(), all.len() + 1);
}
