//! Search returns people, not rows: the records of one politician, once linked,
//! are one hit under the person id (the smallest of their ids) carrying every
//! record's names, and ranking prefers the notable person among namesakes.
//! Real rows: the seed, ADR affidavits, TCPD's cabinet, chief-minister and Lok
//! Dhaba slices (tests/fixtures).

mod common;
use common::{hit_ids, Home};

/// Ramji Lal Suman's records: the seed (Rajya Sabha 2024, Hindi name), TCPD's
/// cabinet (1990 minister), Lok Dhaba (Firozabad 1977), ADR (Agra 2009, and
/// Hathras 2014 and 2019 clipped to `Ramji Lal Suma`).
const RAMJI: [&str; 6] = [
    "adr-lok-sabha-2009-uttar-pradesh-agra-ramji-lal-suman",
    "adr-lok-sabha-2014-uttar-pradesh-hathras-ramji-lal-suma",
    "adr-lok-sabha-2019-uttar-pradesh-hathras-ramji-lal-suma",
    "ramji-lal-suman",
    "tcpd-cabinet-ramji-lal-suman",
    "tcpd-lok-sabha-1977-uttar-pradesh-firozabad-ramji-lal-suman",
];

fn ramji_home() -> Home {
    let home = Home::new();
    home.ok(&[
        "import",
        "--no-resolve",
        "tests/fixtures/tcpd-cabinet/cabinet-slice.csv",
        "tests/fixtures/adr/lok-sabha-candidates.csv",
        "tests/fixtures/tcpd-lokdhaba/ge-incumbency-6.csv",
    ]);
    home
}

fn person_hits(home: &Home, query: &str) -> serde_json::Value {
    home.json(&[
        "search", query, "--kind", "person", "--json", "--limit", "20",
    ])
}

#[test]
fn linked_records_are_one_hit_with_every_name_and_unmerge_splits_them_again() {
    let home = ramji_home();
    let before = hit_ids(&person_hits(&home, "Ramji Lal Suman"));
    for id in RAMJI {
        assert!(before.contains(&id.to_string()), "{id} in {before:?}");
    }
    for other in &RAMJI[..] {
        if *other != "ramji-lal-suman" {
            home.ok(&["merge", "ramji-lal-suman", other]);
        }
    }
    let v = person_hits(&home, "Ramji Lal Suman");
    let ids = hit_ids(&v);
    let person = RAMJI[0];
    assert_eq!(ids[0], person, "{v}");
    for id in &RAMJI[1..] {
        assert!(
            !ids.contains(&id.to_string()),
            "{id} is not a hit of its own: {ids:?}"
        );
    }
    let hit = &v["hits"][0];
    // The seed's Hindi name and the ADR clipping are both on the one card.
    assert_eq!(hit["name"]["hi"], "रामजीलाल सुमन", "{hit}");
    assert_eq!(hit["name"]["en"], "Ramji Lal Suman", "{hit}");
    let also: Vec<&str> = hit["also"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(also.contains(&"Ramji Lal Suma"), "{also:?}");
    assert!(also.contains(&"रामजी लाल सुमन"), "{also:?}");
    assert_eq!(hit["records"], 6);
    let career = hit["career"]["en"].as_str().unwrap();
    for part in [
        "Minister of State, Labour",
        "Firozabad 1977",
        "Hathras 2014, 2019",
    ] {
        assert!(career.contains(part), "{part:?} in {career}");
    }
    // What only one record knows finds the person: Firozabad (Lok Dhaba), Hathras
    // (ADR), the Devanagari name (the seed).
    for q in ["Firozabad", "Hathras", "रामजीलाल सुमन"] {
        let ids = hit_ids(&person_hits(&home, q));
        assert!(ids.contains(&person.to_string()), "{q}: {ids:?}");
        assert!(
            ids.iter().all(|i| !RAMJI[1..].contains(&i.as_str())),
            "{q}: {ids:?}"
        );
    }
    // Every record opens the same person.
    for id in RAMJI {
        let p = home.json(&["show", id, "--json"]);
        assert_eq!(p["career"]["person"], person, "show {id}");
    }
    assert!(home.ok(&["check"]).contains("every check passed"));

    // A new version of one member record re-indexes the person, not the record.
    let (code, _, _) = home.run(&["search", "Babuji", "--kind", "person"]);
    assert_eq!(code, 1, "nothing is called Babuji yet");
    let mut record =
        home.json(&["show", "tcpd-cabinet-ramji-lal-suman", "--json"])["record"].clone();
    record["aliases"] = serde_json::json!(["Babuji"]);
    let file = home.write("alias.jsonl", &format!("{record}\n"));
    home.ok(&["import", "--no-resolve", file.to_str().unwrap()]);
    assert_eq!(hit_ids(&person_hits(&home, "Babuji")), [person]);
    assert!(home.ok(&["check"]).contains("every check passed"));

    home.ok(&["unmerge", "ramji-lal-suman", "tcpd-cabinet-ramji-lal-suman"]);
    let ids = hit_ids(&person_hits(&home, "Ramji Lal Suman"));
    let ramji: Vec<&String> = ids.iter().filter(|i| RAMJI.contains(&i.as_str())).collect();
    assert_eq!(ramji, [person, "tcpd-cabinet-ramji-lal-suman"], "{ids:?}");
    let split = home.json(&["show", "tcpd-cabinet-ramji-lal-suman", "--json"]);
    assert_eq!(split["career"]["person"], "tcpd-cabinet-ramji-lal-suman");
    assert_eq!(split["career"]["records"].as_array().unwrap().len(), 1);
    assert!(home.ok(&["check"]).contains("every check passed"));
}

/// The real Akhilesh Yadav's rows (ADR Kannauj 2004, Kannauj and Firozabad 2009,
/// Azamgarh 2019, Karhal 2022; Lok Dhaba Kannauj 2000; TCPD chief minister; the
/// curated seed record) and two namesakes ADR lists in Uttar Pradesh (Mubarakpur
/// 2017, SP, aged 54; Bikapur 2022, INC, aged 37).
const AKHILESH: [&str; 7] = [
    "adr-lok-sabha-2004-uttar-pradesh-kannauj-akhilesh-yadav",
    "adr-lok-sabha-2009-uttar-pradesh-firozabad-akhilesh-yadav",
    "adr-lok-sabha-2009-uttar-pradesh-kannauj-akhilesh-yadav",
    "adr-lok-sabha-2019-uttar-pradesh-azamgarh-akhilesh-yadav",
    "adr-vidhan-sabha-uttar-pradesh-2022-karhal-akhilesh-yadav",
    "tcpd-lok-sabha-1999-bye-election-2000-uttar-pradesh-kannauj-akhilesh-yadav",
    "tcpd-cm-uttar-pradesh-454-akhilesh-yadav",
];
const NAMESAKES: [&str; 2] = [
    "adr-vidhan-sabha-uttar-pradesh-2017-mubarakpur-akhilesh-yadav",
    "adr-vidhan-sabha-uttar-pradesh-2022-bikapur-akhilesh-yadav",
];

#[test]
fn the_notable_person_leads_namesakes_without_burying_exact_names() {
    let home = Home::new();
    home.ok(&[
        "import",
        "--no-resolve",
        "tests/fixtures/adr/akhilesh-yadav-lok-sabha.csv",
        "tests/fixtures/adr/akhilesh-yadav-uttar-pradesh.csv",
        "tests/fixtures/tcpd-cm/cm-slice.csv",
        "tests/fixtures/tcpd-lokdhaba/ge-incumbency-17.csv",
    ]);
    for id in AKHILESH {
        home.ok(&["merge", "akhilesh-yadav", id]);
    }
    let v = person_hits(&home, "Akhilesh Yadav");
    let ids = hit_ids(&v);
    // The person id is the smallest of the eight record ids.
    assert_eq!(ids[0], AKHILESH[0], "{v}");
    assert_eq!(v["hits"][0]["records"], 8);
    assert_eq!(v["hits"][0]["name"]["hi"], "अखिलेश यादव");
    // The two namesakes come next, before anyone whose name is not theirs (the
    // chief minister Mulayam Singh Yadav, notable as he is, shares only `Yadav`).
    assert_eq!(ids[1..3].to_vec(), NAMESAKES.to_vec(), "{ids:?}");
    let v = person_hits(&home, "अखिलेश यादव");
    assert_eq!(hit_ids(&v)[0], AKHILESH[0]);
    // A Devanagari query shows the Devanagari name first.
    let out = home.ok(&["search", "अखिलेश यादव", "--kind", "person"]);
    let first = out.lines().next().unwrap();
    assert!(
        first.contains(&format!("अखिलेश यादव · Akhilesh Yadav  [{}]", AKHILESH[0])),
        "{out}"
    );
}

#[test]
fn a_person_is_named_in_english_and_hindi_and_the_other_scripts_are_other_names() {
    let home = Home::new();
    home.ok(&[
        "import",
        "--no-resolve",
        "tests/fixtures/popolo/lok-sabha-16-slice.json",
    ]);
    let v = person_hits(&home, "Narendra Modi");
    let hit = &v["hits"][0];
    let langs: Vec<&String> = hit["name"].as_object().unwrap().keys().collect();
    assert_eq!(langs, ["en", "hi"], "{hit}");
    assert_eq!(hit["name"]["hi"], "नरेन्द्र मोदी");
    let also = hit["also"].as_array().unwrap();
    assert!(also.iter().any(|a| a == "নরেন্দ্র মোদি"), "{hit}");
    assert!(home.ok(&["check"]).contains("every check passed"));
}
