//! `show NAME` is the career of the one person the name means: elections from
//! every record in date order, offices, parties, the affidavit trend and the
//! records with the decision that brought each in; a name several real people
//! bear lists them with what tells them apart. Real rows (tests/fixtures): ADR
//! affidavits, TCPD chief ministers, Lok Dhaba.

mod common;
use common::Home;

/// Narendra Modi's rows: ADR Gujarat 2012 (Maninagar), ADR Lok Sabha 2014
/// (Vadodara, Varanasi) and 2019 (Varanasi), TCPD's four terms as chief minister.
const MODI: [&str; 5] = [
    "adr-lok-sabha-2014-gujarat-vadodara-narendra-modi",
    "adr-lok-sabha-2014-uttar-pradesh-varanasi-narendra-modi",
    "adr-lok-sabha-2019-uttar-pradesh-varanasi-narendra-modi",
    "adr-vidhan-sabha-gujarat-2012-maninagar-narendra-modi",
    "tcpd-cm-gujarat-113-narendra-modi",
];

fn modi_home() -> Home {
    let home = Home::new();
    home.ok(&[
        "import",
        "tests/fixtures/adr/narendra-modi-lok-sabha.csv",
        "tests/fixtures/adr/narendra-modi-gujarat.csv",
        "tests/fixtures/tcpd-cm/narendra-modi.csv",
    ]);
    for other in &MODI[1..] {
        home.ok(&["merge", MODI[0], other]);
    }
    home
}

#[test]
fn show_by_name_is_the_whole_career_with_its_records() {
    let home = modi_home();
    let v = home.json(&["show", "Narendra Modi", "--json"]);
    let c = &v["career"];
    assert_eq!(c["person"], MODI[0], "{v}");
    // One row per election, from both ADR files, in date order.
    let rows: Vec<(u64, String, String)> = c["elections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap()[..4].parse().unwrap(),
                e["constituency"]["en"].as_str().unwrap().to_lowercase(),
                e["result"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected: Vec<(u64, String, String)> = [
        (2012, "maninagar"),
        (2014, "vadodara"),
        (2014, "varanasi"),
        (2019, "varanasi"),
    ]
    .iter()
    .map(|(y, s)| (*y, s.to_string(), "won".to_string()))
    .collect();
    assert_eq!(rows, expected);
    // The chief minister's four terms, from TCPD.
    let offices = c["offices"].as_array().unwrap();
    assert_eq!(offices.len(), 4, "{offices:?}");
    assert_eq!(offices[0]["start"], "2001-10-07");
    assert!(offices.iter().all(|o| o["record"] == MODI[4]));
    // Affidavits by year; the 2019 assets are ADR's 25136119.
    let affidavits = c["affidavits"].as_array().unwrap();
    let years: Vec<u64> = affidavits
        .iter()
        .map(|a| a["year"].as_u64().unwrap())
        .collect();
    assert_eq!(years, [2012, 2014, 2014, 2019]);
    assert_eq!(affidavits[3]["assets"], 25136119);
    let parties: Vec<&str> = c["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["label"].as_str().unwrap())
        .collect();
    assert_eq!(parties, ["BJP"]);
    // Every record, and the person's decision that brought each in.
    let records = c["records"].as_array().unwrap();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, MODI);
    assert!(records[0].get("via").is_none());
    for r in &records[1..] {
        assert_eq!(r["via"]["by"], "user", "{r}");
        assert_eq!(r["linked_to"], MODI[0], "{r}");
        assert!(
            r["how"].as_str().unwrap().contains("a person's decision"),
            "{r}"
        );
    }
    assert!(records[4]["dataset"].as_str().unwrap().contains("TCPD"));

    let text = home.ok(&["show", "Narendra Modi"]);
    let at = |s: &str| {
        text.find(s)
            .unwrap_or_else(|| panic!("{s:?} missing:\n{text}"))
    };
    assert!(at("Maninagar") < at("Vadodara"), "{text}");
    assert!(at("Vadodara") < at("2019"), "{text}");
    for s in [
        "Records",
        "Affidavits",
        "Chief Minister of Gujarat",
        "BJP 2001–2019",
    ] {
        at(s);
    }
    // Any record of the person opens the same career.
    let other = home.json(&["show", MODI[4], "--json"]);
    assert_eq!(other["career"]["person"], MODI[0]);
    assert_eq!(other["career"]["elections"], c["elections"]);
}

#[test]
fn a_shared_identifier_is_how_a_record_came_in() {
    let home = Home::new();
    // Lok Dhaba's 1985 and 1989 Jaswantnagar rows share TCPD's pid AEUP101085.
    home.ok(&[
        "import",
        "tests/fixtures/tcpd-lokdhaba/up-incumbency-10.csv",
    ]);
    home.ok(&["resolve"]);
    let v = home.json(&[
        "show",
        "tcpd-vidhan-sabha-uttar-pradesh-1989-jaswantnagar-mulayam-singh-yadav",
        "--json",
    ]);
    let records = v["career"]["records"].as_array().unwrap();
    assert_eq!(records.len(), 2, "{v}");
    let linked = &records[1];
    assert_eq!(linked["via"]["by"], "exact:tcpd_pid", "{linked}");
    assert!(
        linked["how"].as_str().unwrap().contains("AEUP101085"),
        "{linked}"
    );
    let years: Vec<&str> = v["career"]["elections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert_eq!(years, ["1985", "1989"]);
}

#[test]
fn a_name_two_people_bear_lists_them_with_what_tells_them_apart() {
    let home = Home::new();
    home.ok(&[
        "import",
        "tests/fixtures/tcpd-lokdhaba/up-incumbency-10.csv",
        "tests/fixtures/tcpd-cm/cm-slice.csv",
    ]);
    // Mulayam Singh Yadav, chief minister, son of Sudhar Singh, who won
    // Jaswantnagar in 1985 and 1989 — and the independent son of Pati Ram who
    // polled 1,032 votes against him in 1989.
    let real = "tcpd-cm-uttar-pradesh-440-mulayam-singh-yadav";
    for id in [
        "tcpd-vidhan-sabha-uttar-pradesh-1985-jaswantnagar-mulayam-singh-yadav",
        "tcpd-vidhan-sabha-uttar-pradesh-1989-jaswantnagar-mulayam-singh-yadav",
    ] {
        home.ok(&["merge", real, id]);
    }
    let other = "tcpd-vidhan-sabha-uttar-pradesh-1989-jaswantnagar-mulayam-singh-yadav-2";
    let (code, out, err) = home.run(&["show", "Mulayam Singh Yadav"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.starts_with("2 people bear this name"), "{out}");
    let line_of = |id: &str| {
        out.lines()
            .find(|l| l.contains(&format!("[{id}]")))
            .unwrap_or_else(|| panic!("{id} missing:\n{out}"))
            .to_string()
    };
    assert!(
        line_of(real).contains("1985–2007") && line_of(real).contains("3 records"),
        "{out}"
    );
    assert!(
        line_of(other).contains("IND") && line_of(other).contains("1989"),
        "{out}"
    );
    assert!(out.contains("Chief Minister of Uttar Pradesh"), "{out}");
    let v = home.json_code(&["show", "Mulayam Singh Yadav", "--json"], 2);
    let ids: Vec<&str> = v["namesakes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{v}");
    assert!(ids.contains(&real) && ids.contains(&other), "{v}");
}

#[test]
fn a_devanagari_query_keeps_the_devanagari_name() {
    let home = Home::new();
    home.ok(&["import", "tests/fixtures/adr/lok-sabha-candidates.csv"]);
    home.ok(&[
        "merge",
        "ramji-lal-suman",
        "adr-lok-sabha-2009-uttar-pradesh-agra-ramji-lal-suman",
    ]);
    let out = home.ok(&["show", "रामजीलाल सुमन"]);
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("रामजीलाल सुमन · Ramji Lal Suman"), "{out}");
    assert!(
        out.contains("Agra"),
        "the ADR record's election is in: {out}"
    );
}
