//! `import` of TCPD's Lok Dhaba results: real rows (tests/fixtures/tcpd-lokdhaba),
//! then, ignored (run them in release mode), every Lok Sabha and Uttar Pradesh file.

mod common;
use common::{
    assert_reimport_changes_nothing, counts, fixture, import_report, kinds, shared_data, Home,
};
use std::path::{Path, PathBuf};

/// `import -r` of the fixture folder: the incumbency files, their party lists and
/// the full-download-shaped file beside them.
fn import_slice(home: &Home) -> serde_json::Value {
    let dir = fixture("tcpd-lokdhaba");
    let v = home.json(&[
        "import",
        "--json",
        "-r",
        dir.to_str().expect("a UTF-8 path"),
    ]);
    v["report"].clone()
}

/// An election's result table (`election --json`) for one constituency: name,
/// votes, share, result.
fn table(home: &Home, election: &str, seat: &str) -> Vec<(String, u64, f64, String)> {
    let v = home.json(&["election", election, "--constituency", seat, "--json"]);
    v["constituencies"][0]["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r["name"]["en"].as_str().unwrap_or("").to_string(),
                r["votes"].as_u64().unwrap_or(0),
                r["share"].as_f64().unwrap_or(-1.0),
                r["result"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn the_slice_imports_as_counted_by_hand() {
    let home = Home::new();
    let report = import_slice(&home);
    // Rows: Firozabad 1977 (4, two of them again in the 7th file), Amethi 2019 (27,
    // three again in the full download), Tirupati 2021 (3), Kannauj 2000 (1), and
    // Jaswantnagar 1985 and 1989 (3): 38 candidacies, one person each.
    // Elections: Lok Sabha 1977, 2019, the bye-elections of 2000 and 2021, Uttar
    // Pradesh 1985 and 1989; the Uttar Pradesh Vidhan Sabha is new (the Lok Sabha is
    // in the seed). Parties: 20 named; BJP, INC, SP, JD, Lok Dal, TDP, YSRCP, CPI(M)
    // and Independent are in the seed or the built-in table's records already made
    // by the seed (see the list below).
    let added = counts(&report, "added");
    assert_eq!(added.get("candidacy"), Some(&38));
    assert_eq!(added.get("person"), Some(&38));
    assert_eq!(added.get("election"), Some(&6));
    assert_eq!(added.get("source"), Some(&1));
    assert_eq!(
        report["skipped"],
        serde_json::json!({
            "NOTA rows (not a candidate)": 1,
            "copies of a candidacy kept from a later file": 5,
        })
    );
}

#[test]
fn election_tables_rank_by_votes_with_tcpds_shares() {
    let home = Home::new();
    import_slice(&home);
    let firozabad = table(&home, "1977 Lok Sabha", "Firozabad");
    assert_eq!(
        firozabad[0],
        ("Ramji Lal Suman".into(), 232_679, 73.75, "won".into())
    );
    assert_eq!(firozabad.len(), 4);
    let amethi = table(&home, "lok-sabha-2019", "Amethi");
    assert_eq!(amethi.len(), 27);
    assert_eq!(
        amethi[0],
        ("Smriti Irani".into(), 468_514, 49.71, "won".into())
    );
    assert_eq!(
        amethi[1],
        ("Rahul Gandhi".into(), 413_394, 43.86, "lost".into())
    );
    // The text table shows the share as TCPD gives it, the margin and lost deposits.
    let out = home.ok(&["election", "lok-sabha-2019", "--constituency", "Amethi"]);
    let irani = out.lines().find(|l| l.contains("Smriti Irani")).unwrap();
    assert!(
        irani.contains("4,68,514") && irani.contains("49.71%"),
        "{out}"
    );
    assert!(out.contains("margin 55,120"), "{out}");
    let dhurv = out.lines().find(|l| l.contains("Dhurv")).unwrap();
    assert!(dhurv.contains("deposit lost"), "{out}");
}

#[test]
fn parties_and_elections_meet_the_other_datasets() {
    let home = Home::new();
    // ADR's Hathras 2019 first: its election `lok-sabha-2019` is the one TCPD's
    // Amethi rows join.
    import_report(&home, &[fixture("adr/lok-sabha-candidates.csv").as_path()]);
    let report = import_slice(&home);
    assert_eq!(counts(&report, "added").get("election"), Some(&5));
    let v = home.json(&["election", "lok-sabha-2019", "--json"]);
    let seats: Vec<&str> = v["constituencies"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["name"]["en"].as_str())
        .collect();
    assert!(
        seats.contains(&"Amethi") && seats.contains(&"Hathras"),
        "{seats:?}"
    );
    // SP in TCPD's rows is the Samajwadi Party that सपा names.
    let kannauj = home.json(&[
        "election",
        "lok-sabha-1999-bye-election-2000",
        "--constituency",
        "Kannauj",
        "--json",
    ]);
    let row = &kannauj["constituencies"][0]["rows"][0];
    assert_eq!(row["party"], "samajwadi-party");
    assert_eq!(row["name"]["en"], "Akhilesh Yadav");
    let hits = home.json(&["search", "सपा", "--json"]);
    assert_eq!(hits["hits"][0]["id"], "samajwadi-party");
    // Every person keeps TCPD's pid; the father's name is a fact of its own.
    let p = home.json(&[
        "show",
        "tcpd-vidhan-sabha-uttar-pradesh-1989-jaswantnagar-mulayam-singh-yadav",
        "--json",
    ]);
    let person = &p["record"];
    assert_eq!(person["identifiers"]["tcpd_pid"], "AEUP101085");
    assert_eq!(person["father"]["en"], "Sudhar Singh");
}

#[test]
fn importing_the_slice_again_changes_nothing() {
    assert_reimport_changes_nothing(
        import_slice,
        &[("candidacy", 38), ("person", 38)],
        "the 38 rows, as they were; defaults already there are not counted",
    );
}

/// The data files of one house (`ge`, `up`) with its party list.
fn house_files(prefix: &str) -> Option<Vec<PathBuf>> {
    let Some(dir) = shared_data().map(|d| d.join("tcpd-lokdhaba")) else {
        eprintln!("skipped: the shared data folder is not there (set NETAKOSH_SHARED_DATA)");
        return None;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(&format!("{prefix}-")) && name.ends_with(".csv")
        })
        .collect();
    files.sort();
    Some(files)
}

fn import_house(home: &Home, prefix: &str) -> Option<serde_json::Value> {
    let files = house_files(prefix)?;
    let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    Some(import_report(home, &refs))
}

/// The whole Lok Sabha set: the 90,562 candidacies of the union, Firozabad 1977 and
/// Amethi 2019. Slow in a debug build: `cargo test --release -- --ignored`.
#[test]
#[ignore]
fn every_lok_sabha_file_gives_the_union() {
    let home = Home::new();
    let Some(report) = import_house(&home, "ge") else {
        return;
    };
    let added = counts(&report, "added");
    eprintln!("{report}");
    assert_eq!(added.get("candidacy"), Some(&90_562));
    assert_eq!(added.get("person"), Some(&90_562));
    let firozabad = table(&home, "1977 Lok Sabha", "Firozabad");
    assert_eq!(firozabad[0].0, "Ramji Lal Suman");
    assert_eq!(firozabad[0].1, 232_679);
    let amethi = table(&home, "lok-sabha-2019", "Amethi");
    assert_eq!(
        amethi[..2],
        [
            ("Smriti Irani".into(), 468_514, 49.71, "won".into()),
            ("Rahul Gandhi".into(), 413_394, 43.86, "lost".into())
        ]
    );
}

#[test]
#[ignore]
fn every_uttar_pradesh_file_gives_the_union() {
    let home = Home::new();
    let Some(report) = import_house(&home, "up") else {
        return;
    };
    eprintln!("{report}");
    assert_eq!(counts(&report, "added").get("candidacy"), Some(&83_908));
    let v = home.json(&["show", "vidhan-sabha-uttar-pradesh-1985", "--json"]);
    assert_eq!(v["record"]["id"], "vidhan-sabha-uttar-pradesh-1985");
    // Unchanged on a second import.
    let again = import_house(&home, "up").unwrap();
    assert!(counts(&again, "added").is_empty(), "{again}");
    assert!(counts(&again, "updated").is_empty(), "{again}");
    assert_eq!(
        counts(&again, "unchanged"),
        kinds(&[("candidacy", 83_908), ("person", 83_908)])
    );
}
