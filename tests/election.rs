//! `netakosh election` and `netakosh office`: result tables and office holders.

mod common;
use common::Home;

#[test]
fn election_table_orders_by_votes_in_both_scripts() {
    let home = Home::new();
    let out = home.ok(&["election", "राज्यसभा चुनाव 2024"]);
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| {
            // A partial count (two of the candidates' votes) ranks nobody: `—`.
            l.starts_with(" ")
                && l.trim_start()
                    .starts_with(|c: char| c.is_numeric() || c == '—')
        })
        .collect();
    assert!(
        rows[0].contains("Sanjay Seth") && rows[0].contains("29") && rows[0].contains("जीते"),
        "{out}"
    );
    assert!(
        rows[1].contains("Alok Ranjan") && rows[1].contains("19") && rows[1].contains("हारे"),
        "{out}"
    );
    // Typed in Devanagari: the table speaks Hindi, the unit too.
    assert!(out.contains("प्रथम वरीयता वोट"), "{out}");
    let en = home.ok(&["election", "rajya-sabha-2024-uttar-pradesh"]);
    assert!(en.contains("first-preference votes"), "{en}");
}

#[test]
fn two_datasets_of_one_seat_meet_in_one_row_and_are_tallied_once() {
    let home = Home::new();
    // As two datasets give Amethi 2019: TCPD-like rows with votes and shares (source
    // s2), and an affidavit-like row of the same winner (s1) with another count,
    // whose person record no decision links to the counted one: the names meet
    // (parties: the seed's).
    let f = home.write(
        "two.jsonl",
        r#"{"type":"source","id":"s1","title":"results"}
{"type":"source","id":"s2","title":"affidavits"}
{"type":"election","id":"e","name":{"en":"Test election"},"date":"2019","system":"fptp"}
{"type":"person","id":"a","name":{"en":"Smriti Irani"}}
{"type":"person","id":"b","name":{"en":"Rahul Gandhi"}}
{"type":"person","id":"a2","name":{"en":"SMRITI IRANI"}}
{"type":"candidacy","person":"a","election":"e","party":"bharatiya-janata-party","constituency":{"en":"Amethi"},"votes":468514,"share":49.71,"margin":55120,"result":"won","sources":["s2"]}
{"type":"candidacy","person":"b","election":"e","party":"samajwadi-party","constituency":{"en":"Amethi"},"votes":413394,"share":43.86,"margin":405578,"deposit_lost":false,"result":"lost","sources":["s2"]}
{"type":"candidacy","person":"a2","election":"e","party":"bharatiya-janata-party","constituency":{"en":"AMETHI (SC)"},"votes":468000,"result":"won","affidavit":{"criminal_cases":0},"sources":["s1"]}
{"type":"person","id":"c","name":{"en":"Kishori Lal"}}
{"type":"candidacy","person":"c","election":"e","party":"samajwadi-party","constituency":{"en":"Gauriganj"},"result":"won","sources":["s1"]}
"#,
    );
    home.ok(&["import", f.to_str().unwrap(), "--no-resolve"]);
    let v = home.json(&["election", "e", "--json", "--constituency", "Amethi"]);
    let tables = v["constituencies"].as_array().unwrap();
    assert_eq!(tables.len(), 1, "{v}");
    assert_eq!(tables[0]["source"], "s2");
    let rows = tables[0]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{v}");
    let irani = &rows[0];
    assert_eq!(
        (irani["person"].as_str(), irani["rank"].as_u64()),
        (Some("a"), Some(1))
    );
    // The counted dataset's votes and share, the other count kept with its source.
    assert_eq!(
        (irani["votes"].as_u64(), irani["share"].as_f64()),
        (Some(468514), Some(49.71))
    );
    assert_eq!(irani["votes_source"], "s2");
    assert_eq!(irani["affidavit_source"], "s1");
    let d = &irani["disagreements"][0];
    assert_eq!(
        (
            d["field"].as_str(),
            d["value"].as_u64(),
            d["source"].as_str()
        ),
        (Some("votes"), Some(468000), Some("s1"))
    );
    assert_eq!(tables[0]["margin"], 55120);
    let v = home.json(&["election", "e", "--json"]);
    let bjp = v["tally"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["label"] == "BJP")
        .unwrap()
        .clone();
    assert_eq!(
        (
            bjp["won"].as_u64(),
            bjp["candidates"].as_u64(),
            bjp["votes"].as_u64()
        ),
        (Some(1), Some(1), Some(468514))
    );
    // A seat only the vote-less dataset lists, in an election another dataset
    // counted, is listed but not tallied.
    assert_eq!(
        (
            v["totals"]["seats"].as_u64(),
            v["totals"]["uncounted_seats"].as_u64()
        ),
        (Some(1), Some(1))
    );
    assert!(
        !v["tally"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["label"] == "SP" && t["won"] == 1),
        "{v}"
    );
    assert_eq!(v["constituencies"].as_array().unwrap().len(), 2);
    let text = home.ok(&["election", "e", "--constituency", "Amethi"]);
    let irani = text.lines().find(|l| l.contains("Smriti Irani")).unwrap();
    assert!(
        irani.contains("4,68,514") && irani.contains("49.71%"),
        "{text}"
    );
    assert!(
        text.contains("margin 55,120 (Smriti Irani over Rahul Gandhi)"),
        "{text}"
    );
}

#[test]
fn election_json_has_ranks_shares_and_a_tally() {
    let home = Home::new();
    let f = home.write(
        "fptp.jsonl",
        r#"{"type":"election","id":"e","name":{"en":"Test election"},"date":"2024","system":"fptp"}
{"type":"person","id":"a","name":{"en":"A"}}
{"type":"person","id":"b","name":{"en":"B"}}
{"type":"person","id":"c","name":{"en":"C"}}
{"type":"candidacy","person":"a","election":"e","party":"samajwadi-party","constituency":{"en":"Kannauj"},"votes":300,"result":"lost"}
{"type":"candidacy","person":"b","election":"e","party":"bharatiya-janata-party","constituency":{"en":"Kannauj"},"votes":700,"result":"won"}
{"type":"candidacy","person":"c","election":"e","party":"samajwadi-party","constituency":{"en":"Mainpuri","hi":"मैनपुरी"},"votes":50,"result":"won"}
"#,
    );
    home.ok(&["import", f.to_str().unwrap()]);
    let v = home.json(&["election", "e", "--json", "--constituency", "kannauj"]);
    let rows = v["constituencies"][0]["rows"].as_array().unwrap();
    assert_eq!(v["constituencies"].as_array().unwrap().len(), 1);
    assert_eq!(
        (rows[0]["person"].as_str(), rows[0]["rank"].as_u64()),
        (Some("b"), Some(1))
    );
    assert!((rows[0]["share"].as_f64().unwrap() - 70.0).abs() < 1e-9);
    assert!((rows[1]["share"].as_f64().unwrap() - 30.0).abs() < 1e-9);
    let v = home.json(&["election", "e", "--json", "--constituency", "मैनपुरी"]);
    assert_eq!(v["constituencies"][0]["rows"][0]["person"], "c");
    let v = home.json(&["election", "e", "--json"]);
    let tally = v["tally"].as_array().unwrap();
    assert_eq!(tally[0]["label"], "BJP");
    assert_eq!(
        (tally[0]["won"].as_u64(), tally[1]["won"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(tally[1]["votes"], 350, "SP polled 300 + 50");
    let text = home.ok(&["election", "e"]);
    assert!(text.contains("2 seats"), "{text}");
    let (code, _, err) = home.run(&["election", "alok-ranjan"]);
    assert_eq!(code, 2);
    assert!(err.contains("is a person, not an election"), "{err}");
}

#[test]
fn office_at_a_date_names_who_held_it() {
    let home = Home::new();
    let v = home.json(&[
        "office",
        "chief-secretary-uttar-pradesh",
        "--at",
        "2015-01-01",
        "--json",
    ]);
    let holders = v["holders"].as_array().unwrap();
    assert_eq!(holders.len(), 1);
    assert_eq!(holders[0]["tenure"]["person"], "alok-ranjan");
    let out = home.ok(&["office", "Chief Minister of Uttar Pradesh", "--at", "2013"]);
    assert!(out.contains("Akhilesh Yadav"), "{out}");
    let (code, _, err) = home.run(&[
        "office",
        "chief-minister-uttar-pradesh",
        "--at",
        "2018-01-01",
    ]);
    assert_eq!(code, 1, "nobody in the seed held it then");
    assert!(err.contains("nobody"), "{err}");
    let (code, _, err) = home.run(&["office", "chief-minister-uttar-pradesh", "--at", "2018-13"]);
    assert_eq!(code, 2);
    assert!(err.contains("--at"), "{err}");
}

#[test]
fn show_language_follows_the_flag_or_the_script() {
    let home = Home::new();
    let hi = home.ok(&["show", "alok-ranjan", "--lang", "hi"]);
    assert!(
        hi.contains("उन्नाव जिले के 1978 बैच") && hi.contains("(पूर्व)"),
        "{hi}"
    );
    let en = home.ok(&["show", "आलोक रंजन", "--lang", "en"]);
    assert!(
        en.contains("1978-batch IAS officer") && en.contains("(former)"),
        "{en}"
    );
}
