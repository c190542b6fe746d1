//! `import` of TCPD's IAS officers: a slice of the real file, then the whole file.

mod common;
use common::{
    assert_reimport_changes_nothing, counts, fixture, hit_ids, import_report, kinds, shared_file,
    Home,
};
use std::collections::BTreeSet;

const SLICE: &str = "tcpd-ias/ias-profile-slice.csv";

#[test]
fn the_slice_imports_as_counted_by_hand() {
    let home = Home::new();
    let file = fixture(SLICE);
    let (code, _, err) = home.run(&["import", "--no-resolve", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("as tcpd-ias"), "the format is detected: {err}");
    let home = Home::new();
    let report = import_report(&home, &[&file]);
    // 28 rows, 26 IDs (BH015000 and MT007500 are listed twice); 17 rows name a post
    // (designation not N.A./empty, and not a status such as `On Inter Cadre
    // Deputation`), of which three are `Chairman` with no office: 15 offices.
    assert_eq!(
        counts(&report, "added"),
        kinds(&[
            ("source", 1),
            ("office", 15),
            ("person", 26),
            ("tenure", 17)
        ])
    );
    assert_eq!(
        counts(&report, "skipped").values().sum::<u64>(),
        2,
        "the second rows of BH015000 and MT007500: {report}"
    );
}

#[test]
fn officers_are_cleaned_and_the_alok_ranjans_stay_apart() {
    let home = Home::new();
    let seed_before = home.json(&["show", "alok-ranjan", "--json"])["record"].clone();
    import_report(&home, &[&fixture(SLICE)]);

    let v = home.json(&["show", "tcpd-ias-up042600-alok-ranjan", "--json"]);
    let r = &v["record"];
    assert_eq!(r["name"]["en"], "Alok Ranjan");
    assert_eq!(r["aliases"][0], "Shri Alok Ranjan");
    assert_eq!(r["birth_date"], "1956-03-09");
    assert_eq!(r["gender"], "male");
    assert_eq!(r["services"][0]["service"], "IAS");
    assert_eq!(r["services"][0]["batch"], 1978);
    assert_eq!(r["services"][0]["cadre"]["hi"], "उत्तर प्रदेश");
    assert_eq!(r["identifiers"]["tcpd_ias"], "UP042600");
    assert_eq!(r["sources"][0], "src-tcpd-ias");
    assert_eq!(
        v["tenures"][0]["name"]["en"],
        "Chief Secretary, Uttar Pradesh"
    );
    assert_eq!(v["tenures"][0]["tenure"]["start"], "2014-06-02");

    // Three people called Alok Ranjan (and Alok Chandra Ranjan), none of them the seed's.
    for id in [
        "tcpd-ias-rj112s04-alok-ranjan",
        "tcpd-ias-bh110d01-alok-ranjan-ghosh",
        "tcpd-ias-jh028500-alok-chandra-ranjan",
    ] {
        assert_eq!(home.json(&["show", id, "--json"])["kind"], "person", "{id}");
    }
    assert_eq!(
        home.json(&["show", "tcpd-ias-rj112s04-alok-ranjan", "--json"])["record"]["services"][0]
            ["batch"],
        2013
    );
    assert_eq!(
        home.json(&["show", "alok-ranjan", "--json"])["record"],
        seed_before,
        "the seed's Alok Ranjan is untouched"
    );

    let k = home.json(&["show", "tcpd-ias-am109c06-karuna-kumari", "--json"]);
    assert_eq!(
        k["record"]["name"]["en"], "Karuna Kumari",
        "from `Dr.(Ms.) Karuna Kumari`"
    );
    assert!(
        k.get("tenures").is_none(),
        "`On Inter Cadre Deputation` is not a post"
    );
    let m = home.json(&["show", "tcpd-ias-mh111o05-m-j-pradip-chandren", "--json"]);
    assert_eq!(
        m["record"]["services"][0]["cadre"]["en"], "Maharashtra",
        "from `Maharastra`"
    );
    let g = home.json(&["show", "tcpd-ias-mh042500-lokesh-chandra", "--json"]);
    assert_eq!(
        g["tenures"][0]["name"]["en"], "Secretary-cum-commissioner, Investment & Protocol",
        "a quoted field with a trailing comma"
    );
    assert_eq!(g["tenures"][0]["tenure"]["end"], "2018-03-31");
    let twice = home.json(&["show", "tcpd-ias-mt007500-basant-kishore-bal", "--json"]);
    assert!(twice["record"]["aliases"]
        .as_array()
        .unwrap()
        .contains(&"Basant Kishor Bal".into()));
    let hash = home.json(&[
        "show",
        "tcpd-ias-am117-08-masanda-magdalin-pertin",
        "--json",
    ]);
    assert_eq!(hash["record"]["identifiers"]["tcpd_ias"], "AM117#08");
}

#[test]
fn reimport_changes_nothing_and_the_export_round_trips() {
    let again = assert_reimport_changes_nothing(
        |home| import_report(home, &[&fixture(SLICE)]),
        &[("office", 15), ("person", 26), ("tenure", 17)],
        "",
    );
    assert!(again["generation"].is_null());
}

#[test]
fn a_bad_row_names_line_and_column_and_writes_nothing() {
    let home = Home::new();
    home.ok(&["stats"]);
    let before = home.store_snapshot();
    let text = std::fs::read_to_string(fixture(SLICE)).unwrap();
    let bad = text.replacen("1956-03-09", "1956-02-30", 1);
    let file = home.write("ias.csv", &bad);
    let (code, out, err) = home.run(&[
        "import",
        "--no-resolve",
        "--format",
        "tcpd-ias",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    // UP042600 is the 27th data row: line 28 (`grep -n UP042600`).
    assert!(
        err.contains("ias.csv:28: Date_of_Birth: `1956-02-30`"),
        "{err}"
    );
    assert_eq!(home.store_snapshot(), before);
}

/// The whole file: every officer imported (the file has 13,570 rows but 13,559
/// distinct IDs), and `Alok Ranjan` finds the seed's person and TCPD's three.
#[test]
fn the_whole_file_imports_and_alok_ranjan_finds_all_four() {
    let Some(file) = shared_file("tcpd-ias/ias-profile.csv") else {
        return;
    };
    let mut reader = csv::Reader::from_path(&file).unwrap();
    let id_column = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "ID")
        .unwrap();
    let mut rows = 0;
    let mut ids = BTreeSet::new();
    for record in reader.records() {
        let record = record.unwrap();
        rows += 1;
        ids.insert(record[id_column].to_string());
    }
    assert_eq!(rows, 13_570, "the file as the data README describes it");
    let home = Home::new();
    let report = import_report(&home, &[&file]);
    assert_eq!(report["added"]["person"], ids.len() as u64, "{report}");
    assert_eq!(report["added"]["source"], 1);

    let v = home.json(&[
        "search",
        "Alok Ranjan",
        "--kind",
        "person",
        "--json",
        "--limit",
        "20",
    ]);
    let hits = hit_ids(&v);
    for id in [
        "alok-ranjan",
        "tcpd-ias-up042600-alok-ranjan",
        "tcpd-ias-rj112s04-alok-ranjan",
        "tcpd-ias-bh110d01-alok-ranjan-ghosh",
    ] {
        assert!(hits.contains(&id.to_string()), "{id} missing from {hits:?}");
    }
}
