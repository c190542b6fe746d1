//! `import` of TCPD's chief ministers: a slice of the real file, then the whole file.

mod common;
use common::{
    assert_reimport_changes_nothing, counts, fixture, hit_ids, import_report, kinds, shared_file,
    Home,
};

const SLICE: &str = "tcpd-cm/cm-slice.csv";

#[test]
fn the_slice_imports_as_counted_by_hand() {
    let home = Home::new();
    let file = fixture(SLICE);
    let (code, _, err) = home.run(&["import", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("as tcpd-cm"), "{err}");
    let home = Home::new();
    let report = import_report(&home, &[&file]);
    // 33 rows; 5 are President's or Governor's rule: 28 terms. Chief ministers by
    // pid_CM: Andhra Pradesh 1, 2, 4, 8; Jammu & Kashmir 164; Karnataka 194; Uttar
    // Pradesh 438, 429, 440, 441, 444, 448, 449, 454, 5091: 15. Person–party pairs:
    // 14 (INC(I) is INC; Mulayam Singh Yadav was JD, then SP). New offices and
    // governments for AP, J&K and Karnataka (Uttar Pradesh's are the seed's), and
    // the parties INC, JKPDP, JD, BSP.
    assert_eq!(
        counts(&report, "added"),
        kinds(&[
            ("source", 1),
            ("organization", 7),
            ("office", 3),
            ("person", 15),
            ("tenure", 28),
            ("membership", 14),
        ])
    );
    assert_eq!(
        counts(&report, "skipped").values().sum::<u64>(),
        5,
        "President's and Governor's rule: {report}"
    );
}

#[test]
fn terms_hang_on_the_seeds_office_and_names_are_cleaned() {
    let home = Home::new();
    let office_before =
        home.json(&["show", "chief-minister-uttar-pradesh", "--json"])["record"].clone();
    import_report(&home, &[&fixture(SLICE)]);
    let office = home.json(&["show", "chief-minister-uttar-pradesh", "--json"]);
    assert_eq!(
        office["record"], office_before,
        "the seed's office is not overwritten"
    );
    let holders: Vec<&str> = office["tenures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["tenure"]["person"].as_str().unwrap())
        .collect();
    assert!(holders.contains(&"tcpd-cm-uttar-pradesh-454-akhilesh-yadav"));
    assert!(
        holders.contains(&"akhilesh-yadav"),
        "the seed's tenure is still there"
    );

    let akhilesh = home.json(&["show", "tcpd-cm-uttar-pradesh-454-akhilesh-yadav", "--json"]);
    assert_eq!(akhilesh["record"]["name"]["en"], "Akhilesh Yadav");
    assert_eq!(akhilesh["tenures"][0]["tenure"]["start"], "2012-03-15");
    assert_eq!(akhilesh["tenures"][0]["tenure"]["end"], "2017-03-19");
    assert!(akhilesh["tenures"][0]["tenure"]["note"]["en"]
        .as_str()
        .unwrap()
        .contains("Legislative Council"));

    let yogi = home.json(&[
        "show",
        "tcpd-cm-uttar-pradesh-5091-yogi-adityanath",
        "--json",
    ]);
    let statuses: Vec<&str> = yogi["tenures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["status"].as_str().unwrap())
        .collect();
    // `Current` has no end; TCPD-CMID's knowledge ends in 2022, before today.
    assert_eq!(statuses, vec!["former", "as_of"], "`Current` has no end");
    assert_eq!(yogi["tenures"][1]["as_of"]["dataset"], "TCPD-CM");

    let reddy = home.json(&[
        "show",
        "tcpd-cm-andhra-pradesh-1-neelam-sanjeeva-reddy",
        "--json",
    ]);
    assert_eq!(reddy["record"]["name"]["en"], "Neelam Sanjeeva Reddy");
    assert_eq!(
        reddy["record"]["aliases"][0],
        "Sri (Dr)Neelam Sanjeeva Reddy"
    );
    assert_eq!(reddy["tenures"][0]["name"]["hi"], "आंध्र प्रदेश के मुख्यमंत्री");
    let mufti = home.json(&[
        "show",
        "tcpd-cm-jammu-and-kashmir-164-mufti-mohammad-sayeed",
        "--json",
    ]);
    assert_eq!(
        mufti["tenures"].as_array().unwrap().len(),
        2,
        "`… Sayeed 0` is him too"
    );
    let bsy = home.json(&["show", "tcpd-cm-karnataka-194-b-s-yeddyurappa", "--json"]);
    assert_eq!(bsy["record"]["name"]["en"], "B. S. Yeddyurappa");
    assert_eq!(bsy["tenures"].as_array().unwrap().len(), 4);
    let mulayam = home.json(&[
        "show",
        "tcpd-cm-uttar-pradesh-440-mulayam-singh-yadav",
        "--json",
    ]);
    let parties: Vec<&str> = mulayam["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["membership"]["organization"].as_str().unwrap())
        .collect();
    assert_eq!(parties.len(), 2);
    assert!(parties.contains(&"janata-dal") && parties.contains(&"samajwadi-party"));

    // Searching in Hindi finds the new chief ministers' office.
    let v = home.json(&["search", "आंध्र प्रदेश मुख्यमंत्री", "--kind", "office", "--json"]);
    assert_eq!(hit_ids(&v)[0], "chief-minister-andhra-pradesh");
}

#[test]
fn reimport_changes_nothing_and_the_export_round_trips() {
    assert_reimport_changes_nothing(
        |home| import_report(home, &[&fixture(SLICE)]),
        &[("person", 15), ("tenure", 28), ("membership", 14)],
        "",
    );
}

#[test]
fn a_bad_date_names_line_and_column() {
    let home = Home::new();
    let text = std::fs::read_to_string(fixture(SLICE)).unwrap();
    let file = home.write("cm.csv", &text.replacen("2012-03-15", "15.13.2012", 1));
    let (code, _, err) = home.run(&["import", "--format", "tcpd-cm", file.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    // Akhilesh Yadav's row is line 32 (`grep -n Akhilesh`).
    assert!(err.contains("cm.csv:32: Start_Date: `15.13.2012`"), "{err}");
}

#[test]
fn the_whole_file_imports_every_term() {
    let Some(file) = shared_file("tcpd-cm/TCPD-CMID_1962_2022.csv") else {
        return;
    };
    let mut reader = csv::Reader::from_path(&file).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (rule, state, pid) = (col("Administrative_Rule"), col("State_Name"), col("pid_CM"));
    let mut rows = 0;
    let mut terms = 0;
    let mut people = std::collections::BTreeSet::new();
    for record in reader.records() {
        let record = record.unwrap();
        rows += 1;
        if &record[rule] == "FALSE" {
            terms += 1;
            people.insert((record[state].to_string(), record[pid].to_string()));
        }
    }
    assert_eq!(rows, 503, "the file as the data README describes it");
    let home = Home::new();
    let report = import_report(&home, &[&file]);
    assert_eq!(report["added"]["tenure"], terms, "{report}");
    assert_eq!(report["added"]["person"], people.len() as u64, "{report}");
}
