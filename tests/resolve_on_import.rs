//! An import links the people it brings to the ones already known (shared
//! identifiers, then the probabilistic linker), unless `--no-resolve`.

mod common;
use common::{fixture, hit_ids, Home};

/// The record ids of the person `id` belongs to, from `show --json`'s records section.
fn records_of(home: &Home, id: &str) -> Vec<(String, String)> {
    let v = home.json(&["show", id, "--json"]);
    v["career"]["records"]
        .as_array()
        .unwrap_or_else(|| panic!("`show {id}` has a records section: {v}"))
        .iter()
        .map(|r| {
            (
                r["id"].as_str().expect("a record id").to_string(),
                r["how"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_seeds_alok_ranjan_meets_his_ias_record_and_namesakes_stay_apart() {
    let home = Home::new();
    let file = fixture("tcpd-ias/ias-profile-slice.csv");
    let report = home.json(&["import", "--json", file.to_str().unwrap()])["report"].clone();
    assert!(
        report["resolved"]["exact"].as_u64().unwrap_or(0) >= 1,
        "the seed's Alok Ranjan carries tcpd_ias UP042600: {report}"
    );
    let person = records_of(&home, "tcpd-ias-up042600-alok-ranjan");
    let ids: Vec<&str> = person.iter().map(|(id, _)| id.as_str()).collect();
    assert!(ids.contains(&"alok-ranjan"), "{person:?}");
    let (_, how) = person
        .iter()
        .find(|(id, _)| id != &person[0].0)
        .expect("two records");
    assert!(
        how.contains("UP042600"),
        "linked by the shared IAS id: {how}"
    );
    // The Rajasthan officer of 2013 (born 1985) and the others are other people.
    for other in [
        "tcpd-ias-rj112s04-alok-ranjan",
        "tcpd-ias-bh110d01-alok-ranjan-ghosh",
        "tcpd-ias-jh028500-alok-chandra-ranjan",
    ] {
        assert!(!ids.contains(&other), "{other} joined {person:?}");
    }
    // Search: the chief secretary is one hit; the Rajasthan namesake is another.
    let hits = hit_ids(&home.json(&["search", "Alok Ranjan", "--json"]));
    assert!(hits.contains(&"alok-ranjan".to_string()), "{hits:?}");
    assert!(
        !hits.contains(&"tcpd-ias-up042600-alok-ranjan".to_string()),
        "{hits:?}"
    );
    assert!(
        hits.contains(&"tcpd-ias-rj112s04-alok-ranjan".to_string()),
        "{hits:?}"
    );
}

#[test]
fn affidavits_of_one_candidate_in_two_elections_become_one_person() {
    let home = Home::new();
    let file = fixture("adr/lok-sabha-candidates.csv");
    let out = home.ok(&["import", file.to_str().unwrap()]);
    assert!(out.contains("by the resolver"), "{out}");
    // Ramji Lal Suma(n) of Hathras: 63 in 2014 and 68 in 2019, SP both times.
    let person = records_of(
        &home,
        "adr-lok-sabha-2019-uttar-pradesh-hathras-ramji-lal-suma",
    );
    let ids: Vec<&str> = person.iter().map(|(id, _)| id.as_str()).collect();
    assert!(
        ids.contains(&"adr-lok-sabha-2014-uttar-pradesh-hathras-ramji-lal-suma"),
        "{person:?}"
    );
    assert!(
        person.iter().any(|(_, how)| how.contains("resolver")),
        "the link names the resolver and its evidence: {person:?}"
    );

    // Without resolution the two rows stay two people until `resolve`.
    let apart = Home::new();
    apart.ok(&["import", "--no-resolve", file.to_str().unwrap()]);
    let person = records_of(
        &apart,
        "adr-lok-sabha-2019-uttar-pradesh-hathras-ramji-lal-suma",
    );
    assert_eq!(person.len(), 1, "{person:?}");
    apart.ok(&["resolve"]);
    let person = records_of(
        &apart,
        "adr-lok-sabha-2019-uttar-pradesh-hathras-ramji-lal-suma",
    );
    assert!(person.len() >= 2, "{person:?}");
}

#[test]
fn importing_the_same_file_again_links_nothing_new() {
    let home = Home::new();
    let file = fixture("adr/lok-sabha-candidates.csv");
    home.ok(&["import", file.to_str().unwrap()]);
    let again = home.json(&["import", "--json", file.to_str().unwrap()])["report"].clone();
    assert!(again["resolved"].is_null(), "{again}");
    assert!(
        again["generation"].is_null(),
        "nothing was written: {again}"
    );
}

#[test]
fn one_race_reported_by_two_datasets_is_one_candidacy_and_joins_the_people() {
    let home = Home::new();
    home.ok(&[
        "import",
        fixture("adr/narendra-modi-lok-sabha.csv").to_str().unwrap(),
    ]);
    let out = home.ok(&[
        "import",
        fixture("resolve/lokdhaba-modi/ge-incumbency-17.csv")
            .to_str()
            .unwrap(),
    ]);
    assert!(out.contains("people: linked"), "{out}");
    // ADR's three affidavits (Vadodara and Varanasi 2014, Varanasi 2019) and TCPD's
    // three counted rows of the same races: one person.
    let person = records_of(
        &home,
        "adr-lok-sabha-2019-uttar-pradesh-varanasi-narendra-modi",
    );
    let adr = person
        .iter()
        .filter(|(id, _)| id.starts_with("adr-"))
        .count();
    let tcpd = person
        .iter()
        .filter(|(id, _)| id.starts_with("tcpd-"))
        .count();
    assert_eq!((adr, tcpd), (3, 3), "{person:?}");
    assert!(
        person
            .iter()
            .any(|(_, how)| how.contains("same candidacy in two datasets")),
        "{person:?}"
    );
    // Search: one person for him.
    let hits = hit_ids(&home.json(&["search", "Narendra Modi", "--kind", "person", "--json"]));
    assert_eq!(hits.len(), 1, "{hits:?}");
}

#[test]
fn the_seeds_ramji_lal_suman_gathers_his_lok_sabha_rows_by_his_pid() {
    let home = Home::new();
    let dir = fixture("tcpd-lokdhaba");
    home.ok(&["import", "-r", dir.to_str().unwrap()]);
    let person = records_of(&home, "ramji-lal-suman");
    let tcpd: Vec<&(String, String)> = person
        .iter()
        .filter(|(id, _)| id.starts_with("tcpd-lok-sabha-"))
        .collect();
    assert!(!tcpd.is_empty(), "{person:?}");
    assert!(
        person.iter().any(|(_, how)| how.contains("GEUP11692")),
        "{person:?}"
    );
    // `show` by his Hindi name opens the one person with his Firozabad contests.
    let v = home.json(&["show", "रामजीलाल सुमन", "--json"]);
    let seats: Vec<&str> = v["career"]["elections"]
        .as_array()
        .expect("elections")
        .iter()
        .filter_map(|e| e["constituency"]["en"].as_str())
        .collect();
    assert!(
        seats.iter().any(|s| s.eq_ignore_ascii_case("firozabad")),
        "{seats:?}"
    );
}
