//! Unit tests of [`super`] (the `tcpd-ias` dataset), on real rows of its files.

use super::*;
use crate::import::dataset::Dataset;
use crate::import::tests::{clean, offices, persons, recognised, rows, tenures, Rows};

const ROWS: Rows = rows!(TcpdIas, "ias-profile.csv");

#[test]
fn alok_ranjan_row_maps_to_a_full_person() {
    let b = clean(ROWS.parse(&["UP042600"]));
    let p = persons(&b)[0];
    assert_eq!(p.id, "tcpd-ias-up042600-alok-ranjan");
    assert_eq!(p.name.get("en"), Some("Alok Ranjan"));
    assert_eq!(p.aliases, vec!["Shri Alok Ranjan"]);
    assert_eq!(p.birth_date.unwrap().to_string(), "1956-03-09");
    assert_eq!(p.gender, Some(Gender::Male));
    assert_eq!(p.services[0].batch, Some(1978));
    assert_eq!(
        p.services[0].cadre.as_ref().unwrap().get("hi"),
        Some("उत्तर प्रदेश")
    );
    assert_eq!(
        p.home_state.as_ref().unwrap().get("en"),
        Some("Uttar Pradesh")
    );
    assert_eq!(p.identifiers["tcpd_ias"], "UP042600");
    assert_eq!(p.sources, vec![SOURCE_ID]);
    let en = p.summary.get("en").unwrap();
    assert!(
        en.contains("1978 batch") && en.contains("M.B.A., Marketing"),
        "{en}"
    );
    assert!(
        en.contains("Last posting: Chief Secretary, Uttar Pradesh, from 2014-06-02"),
        "{en}"
    );
    assert!(p.summary.get("hi").unwrap().contains("1978 बैच"));
    let office = offices(&b)[0];
    assert_eq!(office.id, "ias-post-chief-secy-uttar-pradesh");
    assert_eq!(
        office.name.get("en"),
        Some("Chief Secretary, Uttar Pradesh")
    );
    assert_eq!(office.aliases, vec!["Chief Secy, Uttar Pradesh"]);
    let tenure = tenures(&b)[0];
    assert_eq!(tenure.person, p.id);
    assert_eq!(tenure.start.unwrap().to_string(), "2014-06-02");
    assert_eq!(tenure.end, None);
    assert!(tenure.note.get("en").unwrap().contains("retired"));
    assert_eq!(
        tenure.id,
        "tcpd-ias-up042600-alok-ranjan--ias-post-chief-secy-uttar-pradesh--2014-06-02"
    );
    assert_eq!(b.defaults.len(), 1, "the source");
    for r in &b.records {
        assert_eq!(r.record.sources(), [SOURCE_ID], "{:?}", r.record);
    }
    for r in &b.records {
        assert!(
            crate::model::validate::check_record(&r.record).is_empty(),
            "{:?}",
            r.record
        );
    }
}

#[test]
fn namesakes_stay_apart_and_ids_are_deterministic() {
    let b = ROWS.parse(&["UP042600", "RJ112S04"]);
    let ids: Vec<&str> = persons(&b).iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "tcpd-ias-up042600-alok-ranjan",
            "tcpd-ias-rj112s04-alok-ranjan"
        ]
    );
    let again = ROWS.parse(&["UP042600", "RJ112S04"]);
    assert_eq!(format!("{:?}", b.records), format!("{:?}", again.records));
}

#[test]
fn end_before_start_is_left_out_and_noted() {
    let b = clean(ROWS.parse(&["AM003800"]));
    let p = persons(&b)[0];
    assert_eq!(
        p.services[0].cadre.as_ref().unwrap().get("en"),
        Some("Assam-Meghalaya")
    );
    // Designation `N.A.`: no posting.
    assert!(!b
        .records
        .iter()
        .any(|r| matches!(r.record, Record::Tenure(_))));
    let b = ROWS.parse_lines(&[&ROWS
        .row("AM003800")
        .replace(",N.A.,Secretary,,", ",Secretary,Secretary,,")]);
    let t = tenures(&b)[0];
    assert_eq!(
        (t.start.map(|d| d.to_string()), t.end),
        (Some("1986-11-01".into()), None)
    );
    assert!(t.note.get("en").unwrap().contains("1980-10-30"));
}

#[test]
fn two_rows_with_one_id_are_one_person_with_both_postings() {
    // The two rows of N N Vohra, as they stand in the file.
    let b = clean(ROWS.parse(&["P M O", "Not Available"]));
    assert_eq!(persons(&b).len(), 1);
    assert_eq!(b.skipped.values().sum::<usize>(), 1);
    assert_eq!(tenures(&b).len(), 1, "the second row has no designation");
    let b = ROWS.parse(&["P M O", "P M O"]);
    assert_eq!(
        b.records.len(),
        3,
        "office, person, tenure once: {:?}",
        b.records
    );
}

crate::import::tests::csv_cases!(TcpdIas, ROWS.file, ROWS.header(), {
    a_bad_date_is_quoted_in_its_problem: [ROWS.row("UP042600").replace("1956-03-09", "1956-13-45")] => {
        |b| assert!(b.problems[0].message.contains("1956-13-45"), "{:?}", b.problems)
    };
    bad_values_are_problems_naming_line_and_column: [
        ROWS.row("UP042600").replace("1956-03-09", "1956-13-45"),
        ROWS.row("RJ112S04").replace(",2013,1985", ",twenty,1985"),
        ROWS.row("AM003800").replace(",Male,", ",Yes,"),
        ROWS.row("RJ112S04").replace("Shri Alok Ranjan", ""),
        "UP1,Shri X,Uttar Pradesh",
    ] => {
        problems [
            (2, "Date_of_Birth"),
            (3, "Allotment_Year"),
            (4, "Gender"),
            (5, "Name"),
            (6, ""),
        ]
    };
});

#[test]
fn a_missing_column_is_one_problem() {
    let b = TcpdIas.parse("x.csv", "ID,Name\nUP1,Shri X\n");
    assert!(b.records.is_empty());
    assert!(b.problems.iter().all(|p| p.line == 1));
    assert!(b.problems.iter().any(|p| p.field == "Cadre"));
}

#[test]
fn a_status_is_not_a_post() {
    // Line 394 of the file.
    let b = clean(ROWS.parse(&["AM109C06"]));
    assert_eq!(b.records.len(), 1, "the person only: {:?}", b.records);
    let p = persons(&b)[0];
    assert_eq!(p.name.get("en"), Some("Karuna Kumari"));
    assert!(p
        .summary
        .get("en")
        .unwrap()
        .contains("Last recorded status: On Inter Cadre Deputation (2017-08-11 to 2020-08-10)."));
}

#[test]
fn abbreviations_are_spelt_out() {
    assert_eq!(expand("Jt Secy"), "Joint Secretary");
    assert_eq!(expand("M/o Home Affairs"), "Ministry of Home Affairs");
    assert_eq!(
        expand("Joint Secretary to Govt."),
        "Joint Secretary to Government"
    );
    assert_eq!(expand("Energy Deptt"), "Energy Department");
    assert_eq!(clean::capitalise("commissioner"), "Commissioner");
}

#[test]
fn detects_its_header_only() {
    assert!(recognised(&TcpdIas, ROWS.header()));
    assert!(!recognised(&TcpdIas, "year,ls_number,name,party"));
}
