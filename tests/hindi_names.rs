//! A person's Hindi name from any of its records (Popolo's Wikidata names, the
//! curated seed, someone's own native records) on the whole profile and on every
//! row of that person: result tables, seat histories, candidates rows (table,
//! JSON, CSV) and `office --at`. Lok Dhaba and ADR rows are English only; the
//! Hindi comes from the person. The seed outranks Popolo, Popolo other datasets.
//!
//! Fixtures: the Popolo slice (Rahul Gandhi, `राहुल गाँधी`, Wikidata's label), the
//! Amethi 2019 rows of Lok Dhaba's `ge-incumbency-17.csv` (Rahul Gandhi second,
//! Smriti Irani first — she is in no Popolo slice, so has no Hindi anywhere), ADR's
//! Akhilesh Yadav rows, and small files written here.

mod common;
use common::{fixture, Home};
use serde_json::Value;

const POPOLO_RAHUL: &str = "ep-4074-rahul-gandhi";
const LD_RAHUL: &str = "tcpd-lok-sabha-2019-uttar-pradesh-amethi-rahul-gandhi";
const WIKIDATA_HI: &str = "राहुल गाँधी";

fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// The Popolo slice and the Lok Dhaba Amethi 2019 rows, unresolved: the link is
/// a person's decision each test makes, not the resolver's judgement.
fn amethi() -> Home {
    let home = Home::new();
    let popolo = fixture("popolo/lok-sabha-16-slice.json");
    let lokdhaba = fixture("tcpd-lokdhaba/ge-incumbency-17.csv");
    home.ok(&["import", "--no-resolve", path(&popolo), path(&lokdhaba)]);
    home
}

/// The Amethi 2019 row of `en` in `election --json`.
fn election_row(home: &Home, en: &str) -> Value {
    let v = home.json(&[
        "election",
        "lok-sabha-2019",
        "--constituency",
        "Amethi",
        "--json",
    ]);
    v["constituencies"][0]["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["name"]["en"] == en)
        .unwrap_or_else(|| panic!("no row of {en}: {v}"))
        .clone()
}

/// The `candidates --json` row of `en` at Amethi 2019.
fn candidates_row(home: &Home, en: &str) -> Value {
    let v = home.json(&[
        "candidates",
        "--election",
        "lok-sabha-2019",
        "--seat",
        "Amethi",
        "--json",
    ]);
    v.as_array()
        .expect("a list of rows")
        .iter()
        .find(|r| r["name"] == en)
        .unwrap_or_else(|| panic!("no row of {en}: {v}"))
        .clone()
}

#[test]
fn a_popolo_hindi_name_reaches_the_lok_dhaba_rows_of_the_same_person() {
    let home = amethi();
    // Unlinked, the Lok Dhaba row is English only: its own record has no Hindi.
    assert_eq!(
        election_row(&home, "Rahul Gandhi")["name"]["hi"],
        Value::Null
    );
    assert_eq!(
        candidates_row(&home, "Rahul Gandhi")["name_hi"],
        Value::Null
    );

    home.ok(&["same", LD_RAHUL, POPOLO_RAHUL, "--why", "one MP"]);

    // election: JSON and the table.
    let row = election_row(&home, "Rahul Gandhi");
    assert_eq!(row["name"]["hi"], WIKIDATA_HI, "{row}");
    assert_eq!(
        row["person"], LD_RAHUL,
        "the row is still Lok Dhaba's: {row}"
    );
    assert_eq!(row["votes"], 413_394);
    let table = home.ok(&["election", "lok-sabha-2019", "--constituency", "Amethi"]);
    let line = table
        .lines()
        .find(|l| l.contains("Rahul Gandhi"))
        .expect("Rahul Gandhi's line");
    assert!(
        line.contains(&format!("Rahul Gandhi · {WIKIDATA_HI}")),
        "{table}"
    );
    assert!(line.contains("4,13,394"), "{line}");

    // candidates: JSON, the table and CSV.
    let row = candidates_row(&home, "Rahul Gandhi");
    assert_eq!(row["name_hi"], WIKIDATA_HI, "{row}");
    assert_eq!(
        row["person"], POPOLO_RAHUL,
        "the person id is the smallest: {row}"
    );
    let text = home.ok(&[
        "candidates",
        "--election",
        "lok-sabha-2019",
        "--seat",
        "Amethi",
    ]);
    assert!(
        text.contains(&format!("Rahul Gandhi ({WIKIDATA_HI})")),
        "{text}"
    );
    let csv = home.ok(&[
        "candidates",
        "--election",
        "lok-sabha-2019",
        "--seat",
        "Amethi",
        "--csv",
    ]);
    let rahul = csv
        .lines()
        .find(|l| l.contains(LD_RAHUL))
        .expect("Rahul Gandhi's CSV line");
    assert!(
        rahul.contains(&format!(",Rahul Gandhi,{WIKIDATA_HI},")),
        "{rahul}"
    );

    // The seat's history names the runner-up in both scripts.
    let seat = home.ok(&["seat", "Amethi"]);
    assert!(
        seat.contains(&format!("Rahul Gandhi · {WIKIDATA_HI} (INC)")),
        "{seat}"
    );

    // The profile, asked for by the Lok Dhaba record: the heading, and JSON.
    let profile = home.ok(&["show", LD_RAHUL]);
    let heading = profile.lines().next().expect("a heading");
    assert!(
        heading.starts_with(&format!(
            "Rahul Gandhi · {WIKIDATA_HI}  [person {POPOLO_RAHUL}"
        )),
        "{profile}"
    );
    let v = home.json(&["show", LD_RAHUL, "--json"]);
    assert_eq!(v["career"]["name"]["hi"], WIKIDATA_HI, "{}", v["career"]);
    // The election's own profile lists the candidate under the person's Hindi name.
    let v = home.json(&["show", "lok-sabha-2019", "--json"]);
    let line = v["candidacies"]
        .as_array()
        .expect("candidacies")
        .iter()
        .find(|c| c["candidacy"]["person"] == LD_RAHUL)
        .expect("Rahul Gandhi's candidacy")
        .clone();
    assert_eq!(line["name"]["hi"], WIKIDATA_HI, "{line}");
}

#[test]
fn a_person_with_no_hindi_anywhere_shows_none() {
    let home = amethi();
    home.ok(&["same", LD_RAHUL, POPOLO_RAHUL]);
    // Smriti Irani is in no Popolo slice and not in the seed.
    let row = election_row(&home, "Smriti Irani");
    assert_eq!(row["name"].as_object().map(|n| n.len()), Some(1), "{row}");
    assert_eq!(row["name"]["en"], "Smriti Irani");
    let row = candidates_row(&home, "Smriti Irani");
    assert_eq!(row["name_hi"], Value::Null, "{row}");
    let table = home.ok(&["election", "lok-sabha-2019", "--constituency", "Amethi"]);
    let line = table
        .lines()
        .find(|l| l.contains("Smriti Irani"))
        .expect("Smriti Irani's line");
    assert!(!line.contains('·'), "{line}");
    assert!(
        !line.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)),
        "{line}"
    );
    let heading = home.ok(&[
        "show",
        "tcpd-lok-sabha-2019-uttar-pradesh-amethi-smriti-irani",
    ]);
    let heading = heading.lines().next().expect("a heading");
    assert!(heading.starts_with("Smriti Irani  [person"), "{heading}");
    let text = home.ok(&[
        "candidates",
        "--election",
        "lok-sabha-2019",
        "--seat",
        "Amethi",
    ]);
    let line = text
        .lines()
        .find(|l| l.starts_with("Smriti Irani"))
        .expect("Smriti Irani's row");
    assert!(!line.contains('('), "{line}");
}

/// A Popolo file of one person, Akhilesh Yadav, whose Hindi label differs from the
/// seed's `अखिलेश यादव` (written for this test).
const POPOLO_AKHILESH: &str = r#"{"persons": [{"id": "person-akhilesh", "name": "Yadav, Shri Akhilesh",
  "other_names": [{"lang": "hi", "name": "अखिलेश सिंह यादव"}],
  "identifiers": [{"scheme": "everypolitician_legacy", "identifier": "9999"}]}]}"#;

#[test]
fn the_seed_outranks_popolo_on_every_row_of_the_person() {
    let home = Home::new();
    let popolo = home.write("akhilesh-popolo.json", POPOLO_AKHILESH);
    let adr = fixture("adr/akhilesh-yadav-lok-sabha.csv");
    home.ok(&["import", "--no-resolve", path(&popolo), path(&adr)]);
    let adr_2019 = "adr-lok-sabha-2019-uttar-pradesh-azamgarh-akhilesh-yadav";
    // Popolo's alone names the ADR row before the seed's record joins the person.
    home.ok(&["same", "ep-9999-akhilesh-yadav", adr_2019]);
    let row = |home: &Home| {
        let v = home.json(&["candidates", "--election", "lok-sabha-2019", "--json"]);
        v.as_array()
            .expect("rows")
            .iter()
            .find(|r| r["candidacy"].as_str().unwrap_or("").starts_with(adr_2019))
            .expect("the Azamgarh 2019 row")
            .clone()
    };
    assert_eq!(row(&home)["name_hi"], "अखिलेश सिंह यादव");

    home.ok(&["same", "akhilesh-yadav", "ep-9999-akhilesh-yadav"]);
    // The person id is the ADR record's (the smallest id), which has no Hindi; the
    // name is the seed's, not Wikidata's.
    let r = row(&home);
    assert_eq!(r["person"], adr_2019);
    assert_eq!(r["name_hi"], "अखिलेश यादव", "{r}");
    let table = home.ok(&["election", "lok-sabha-2019", "--constituency", "Azamgarh"]);
    assert!(table.contains("Akhilesh Yadav · अखिलेश यादव "), "{table}");
    assert!(!table.contains("सिंह"), "{table}");
    // Whichever record the profile is asked for.
    for id in ["ep-9999-akhilesh-yadav", adr_2019, "akhilesh-yadav"] {
        let profile = home.ok(&["show", id]);
        let heading = profile.lines().next().expect("a heading");
        assert!(
            heading.starts_with("Akhilesh Yadav · अखिलेश यादव  [person"),
            "{id}: {heading}"
        );
    }
    // Wikidata's spelling stays one of the person's other names.
    let v = home.json(&["show", "akhilesh-yadav", "--json"]);
    assert_eq!(v["career"]["name"]["hi"], "अखिलेश यादव");
    let also: Vec<&str> = v["career"]["also"]
        .as_array()
        .expect("also")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(also.contains(&"अखिलेश सिंह यादव"), "{also:?}");
    // ADR's other rows are other people until linked: no Hindi on them.
    let v = home.json(&["candidates", "--election", "lok-sabha-2009", "--json"]);
    let rows = v.as_array().expect("rows");
    assert_eq!(rows.len(), 2, "Firozabad and Kannauj 2009: {v}");
    for r in rows {
        assert_eq!(r["name_hi"], Value::Null, "{r}");
    }
}

/// Someone's own record (a native import citing no dataset) is curated, as the
/// seed is: it names the holder of an office over Popolo's label.
#[test]
fn office_at_a_date_names_the_holder_as_the_person_is_named() {
    let home = Home::new();
    let popolo = fixture("popolo/lok-sabha-16-slice.json");
    let note = home.write(
        "note.jsonl",
        concat!(
            r#"{"type": "source", "id": "src-test-note", "title": "A reporter's note"}"#,
            "\n",
            r#"{"type": "person", "id": "rahul-gandhi-note", "name": {"en": "Rahul Gandhi", "hi": "राहुल गांधी"}, "sources": ["src-test-note"]}"#,
            "\n"
        ),
    );
    home.ok(&["import", "--no-resolve", path(&popolo), path(&note)]);
    let holder = |home: &Home| {
        let v = home.json(&["office", "member-lok-sabha", "--at", "2015-01-01", "--json"]);
        v["holders"]
            .as_array()
            .expect("holders")
            .iter()
            .find(|t| t["tenure"]["person"] == POPOLO_RAHUL)
            .expect("Rahul Gandhi held the seat in 2015")
            .clone()
    };
    assert_eq!(holder(&home)["name"]["hi"], WIKIDATA_HI);
    home.ok(&["same", "rahul-gandhi-note", POPOLO_RAHUL]);
    assert_eq!(holder(&home)["name"]["hi"], "राहुल गांधी");
    let text = home.ok(&["office", "member-lok-sabha", "--at", "2015-01-01"]);
    let line = text
        .lines()
        .find(|l| l.contains(POPOLO_RAHUL))
        .expect("Rahul Gandhi's line");
    assert!(line.contains("Rahul Gandhi · राहुल गांधी"), "{line}");
}
