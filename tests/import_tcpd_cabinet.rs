//! `import` of TCPD's Indian Council of Ministers: a slice of the real file, then
//! the whole file.

mod common;
use common::{
    assert_reimport_changes_nothing, counts, fixture, import_report, kinds, shared_file, Home,
};

const SLICE: &str = "tcpd-cabinet/cabinet-slice.csv";

#[test]
fn the_slice_imports_as_counted_by_hand() {
    let home = Home::new();
    let file = fixture(SLICE);
    let (code, _, err) = home.run(&["import", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("as tcpd-cabinet"), "{err}");
    let home = Home::new();
    let report = import_report(&home, &[&file]);
    // 36 rows, one repeated exactly (Bhamre): 35 tenures. 26 people (Balyan's three
    // spellings, Ahluwalia's two, Dhanushkodi Athithan/Atithan by pid, Vajpayee,
    // Dasai Chowdhary, Suman, Bhamre and Rao Inderjit Singh on several rows). 26
    // rank+portfolio offices, plus the prime minister's and deputy prime minister's.
    // 27 person–party pairs. Organizations new to a seeded home: the Government of
    // India and INC, PMK, TRS, RJD, JD, TMC(M), SHS (BJP is in the seed).
    assert_eq!(
        counts(&report, "added"),
        kinds(&[
            ("source", 1),
            ("organization", 8),
            ("office", 28),
            ("person", 26),
            ("tenure", 35),
            ("membership", 27),
        ])
    );
    assert_eq!(
        counts(&report, "skipped").values().sum::<u64>(),
        1,
        "Bhamre's repeated row: {report}"
    );
}

#[test]
fn ministers_offices_and_parties_are_as_the_rows_say() {
    let home = Home::new();
    import_report(&home, &[&fixture(SLICE)]);

    let suman = home.json(&["show", "tcpd-cabinet-ramji-lal-suman", "--json"]);
    assert_eq!(suman["record"]["name"]["en"], "Ramji Lal Suman");
    assert_eq!(suman["record"]["aliases"][0], "RAMJI LAL SUMAN");
    let offices: Vec<&str> = suman["tenures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"]["en"].as_str().unwrap())
        .collect();
    assert_eq!(
        offices,
        vec!["Minister of State, Labour", "Minister of State, Welfare"]
    );
    assert_eq!(suman["tenures"][0]["tenure"]["start"], "1990-11-21");
    assert_eq!(suman["tenures"][0]["tenure"]["end"], "1991-06-21");
    assert_eq!(suman["tenures"][0]["status"], "former");
    assert_eq!(
        suman["memberships"][0]["membership"]["organization"],
        "janata-dal"
    );
    // The seed's Ramji Lal Suman is a different record, untouched.
    let seed = home.json(&["show", "ramji-lal-suman", "--json"]);
    assert_eq!(seed["record"]["name"]["hi"], "रामजीलाल सुमन");
    assert!(seed["record"].get("same_as").is_none());

    let naik = home.json(&["show", "tcpd-cabinet-shripad-yesso-naik", "--json"]);
    assert_eq!(
        naik["tenures"][0]["name"]["en"],
        "Minister of State (Independent Charge), AAYUSH"
    );
    assert_eq!(
        naik["tenures"][0]["name"]["hi"],
        "आयुष राज्य मंत्री (स्वतंत्र प्रभार)"
    );
    assert_eq!(
        naik["memberships"][0]["membership"]["organization"],
        "bharatiya-janata-party"
    );

    let balyan = home.json(&["show", "tcpd-cabinet-sanjeev-kumar-balyan", "--json"]);
    assert_eq!(balyan["record"]["name"]["en"], "Sanjeev Kumar Balyan");
    assert_eq!(balyan["tenures"].as_array().unwrap().len(), 3);
    let current: Vec<&str> = balyan["tenures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["status"] == "as_of")
        .map(|t| t["tenure"]["start"].as_str().unwrap())
        .collect();
    assert_eq!(
        current,
        vec!["2019-05-30", "2021-07-07"],
        "`Current`: no end, known only as far as TCPD-ICoM goes"
    );
    // The slice's last date is 2021-07-07 (the reshuffle), and that is before today.
    for t in balyan["tenures"].as_array().unwrap() {
        if t["status"] == "as_of" {
            assert_eq!(t["as_of"]["date"], "2021-07-07", "{t}");
            assert_eq!(t["as_of"]["dataset"], "TCPD-ICoM", "{t}");
        }
    }

    let geete = home.json(&["show", "tcpd-cabinet-anant-geete", "--json"]);
    assert_eq!(
        geete["record"]["aliases"][0], "ANANT GEETE",
        "trailing space gone"
    );
    assert_eq!(
        geete["memberships"][0]["membership"]["organization"],
        "shiv-sena"
    );

    let pm = home.json(&["show", "prime-minister-of-india", "--json"]);
    assert_eq!(pm["record"]["name"]["hi"], "भारत के प्रधानमंत्री");
    assert_eq!(pm["tenures"].as_array().unwrap().len(), 2, "Vajpayee twice");
    let portfolio = home.json(&[
        "show",
        "union-minister-of-state-personnel-public-grievances-and-pensions",
        "--json",
    ]);
    assert_eq!(
        portfolio["tenures"].as_array().unwrap().len(),
        2,
        "`personnel, …` and `Personnel, …` are one office"
    );
    let rs = home.json(&["show", "tcpd-cabinet-arun-jaitley", "--json"]);
    assert_eq!(
        rs["tenures"][0]["tenure"]["note"]["en"],
        "Rajya Sabha member from Gujarat."
    );
    let sayeed = home.json(&["show", "tcpd-cabinet-p-m-sayeed", "--json"]);
    assert!(sayeed["tenures"][0]["tenure"]["note"]["en"]
        .as_str()
        .unwrap()
        .contains("TCPD: Exception (death)"));
}

#[test]
fn reimport_changes_nothing_and_the_export_round_trips() {
    assert_reimport_changes_nothing(
        |home| import_report(home, &[&fixture(SLICE)]),
        &[
            ("office", 26),
            ("person", 26),
            ("tenure", 35),
            ("membership", 27),
        ],
        "the defaults (source, parties, PM's office) exist and are not counted again",
    );
}

#[test]
fn a_bad_rank_names_line_and_column() {
    let home = Home::new();
    let text = std::fs::read_to_string(fixture(SLICE)).unwrap();
    let file = home.write(
        "cab.csv",
        &text.replacen(",JD,M,Labour,MoS,", ",JD,M,Labour,Minister,", 1),
    );
    let (code, _, err) = home.run(&["import", file.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    // Suman's Labour row is line 29 (`grep -n RAMJI`).
    assert!(
        err.contains("cab.csv:29: rank: `Minister` is not a rank"),
        "{err}"
    );
}

#[test]
fn the_whole_file_imports_one_tenure_per_distinct_row() {
    let Some(file) = shared_file("tcpd-cabinet/TCPD_Indian_Cabinet_1990_2021.csv") else {
        return;
    };
    let mut reader = csv::Reader::from_path(&file).unwrap();
    let mut rows = std::collections::BTreeSet::new();
    let mut count = 0;
    for record in reader.records() {
        let record = record.unwrap();
        count += 1;
        rows.insert(record.iter().map(str::to_string).collect::<Vec<_>>());
    }
    assert_eq!(count, 1_697, "the file as the data README describes it");
    let home = Home::new();
    let report = import_report(&home, &[&file]);
    // Every row is an appointment; a row repeated exactly is one.
    assert_eq!(report["added"]["tenure"], rows.len() as u64, "{report}");
    let suman = home.json(&["search", "Ramji Lal Suman", "--kind", "person", "--json"]);
    let hits = common::hit_ids(&suman);
    assert!(hits.contains(&"ramji-lal-suman".to_string()), "{hits:?}");
    assert!(
        hits.contains(&"tcpd-cabinet-ramji-lal-suman".to_string()),
        "{hits:?}"
    );
}
