//! Unit tests of [`super`] (the `tcpd-cm` dataset), on real rows of its files.

use super::*;
use crate::import::tests::{clean, defaults_of, memberships, persons, rows, tenures, Rows};
use crate::model::Office;

const ROWS: Rows = rows!(TcpdCm, "TCPD-CMID_1962_2022.csv");

#[test]
fn terms_of_one_pid_are_one_person_and_presidents_rule_is_skipped() {
    let b = clean(ROWS.parse(&[
        "Mulayam Singh Yadav",
        "Akhilesh Yadav",
        "President's Rule",
        "Yogi Adityanath,2017",
        "Yogi Adityanath,2022",
    ]));
    assert_eq!(b.skipped.values().sum::<usize>(), 1);
    let people: Vec<&str> = persons(&b).iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        people,
        vec![
            "tcpd-cm-uttar-pradesh-440-mulayam-singh-yadav",
            "tcpd-cm-uttar-pradesh-454-akhilesh-yadav",
            "tcpd-cm-uttar-pradesh-5091-yogi-adityanath",
        ]
    );
    let tenures = tenures(&b);
    assert_eq!(tenures.len(), 4);
    assert!(tenures
        .iter()
        .all(|t| t.office == "chief-minister-uttar-pradesh"));
    let yogi_now = &tenures[3];
    assert_eq!(yogi_now.start.unwrap().to_string(), "2022-03-25");
    assert_eq!(yogi_now.end, None, "Current: no end");
    assert!(yogi_now.note.get("en").unwrap().contains("Gorakhpur Urban"));
    assert!(tenures[1]
        .note
        .get("en")
        .unwrap()
        .contains("Legislative Council"));
    // Offices are defaults: the seed's UP office is never overwritten.
    assert!(!b
        .records
        .iter()
        .any(|r| matches!(r.record, Record::Office(_))));
    let default_ids: Vec<&str> = b.defaults.iter().map(|d| d.record.id()).collect();
    for id in [
        SOURCE_ID,
        "chief-minister-uttar-pradesh",
        "government-of-uttar-pradesh",
        "samajwadi-party",
        "bharatiya-janata-party",
    ] {
        assert!(default_ids.contains(&id), "{id} in {default_ids:?}");
    }
    let memberships: Vec<&str> = memberships(&b)
        .iter()
        .map(|m| m.organization.as_str())
        .collect();
    assert_eq!(
        memberships,
        vec!["samajwadi-party", "bharatiya-janata-party"]
    );
    for r in &b.records {
        assert_eq!(r.record.sources(), [SOURCE_ID], "{:?}", r.record);
    }
}

#[test]
fn names_are_cleaned_and_originals_kept() {
    let b = ROWS.parse(&["Neelam Sanjeeva Reddy"]);
    let p = persons(&b)[0];
    assert_eq!(p.id, "tcpd-cm-andhra-pradesh-1-neelam-sanjeeva-reddy");
    assert_eq!(p.name.get("en"), Some("Neelam Sanjeeva Reddy"));
    assert_eq!(p.aliases, vec!["Sri (Dr)Neelam Sanjeeva Reddy"]);
    assert_eq!(p.summary.get("hi"), Some("आंध्र प्रदेश के मुख्यमंत्री (1962–1964)।"));
    let office = defaults_of::<Office>(&b)[0];
    assert_eq!(office.id, "chief-minister-andhra-pradesh");
    assert_eq!(office.name.get("hi"), Some("आंध्र प्रदेश के मुख्यमंत्री"));
    assert_eq!(
        office.organization.as_deref(),
        Some("government-of-andhra-pradesh")
    );
}

crate::import::tests::csv_cases!(TcpdCm, ROWS.file, ROWS.header(), {
    bad_dates_and_flags_name_line_and_column: [
        ROWS.row("Mulayam Singh Yadav").replace("2003-08-29", "2003-02-30"),
        ROWS.row("Akhilesh Yadav").replace("2017-03-19", "soon"),
        ROWS.row("Yogi Adityanath,2017").replace(",FALSE,TRUE,FALSE,", ",maybe,TRUE,FALSE,"),
        ROWS.row("Yogi Adityanath,2022").replace(",5091,", ",NA,"),
    ] => {
        problems [
            (2, "Start_Date"),
            (3, "End_Date"),
            (4, "Administrative_Rule"),
            (5, "pid_CM"),
        ]
    };
});
