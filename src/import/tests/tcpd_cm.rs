//! Unit tests of [`super`] (the `tcpd-cm` dataset), on real rows of its files.

use super::*;
use crate::import::tests::{csv_rows, of};

const HEADER: &str = "State_Name,Assembly_No,Sequence_No,pid_CM,No_Terms_as_CM,Name,Start_Date,End_Date,Days_in_Office,Appointment_Delay,Administrative_Rule,MLC,Caretaker_CM,Constituency_No,Poll_No,Position,Constituency_Name,pid_IED,Party,No_Terms_as_MLA,Turncoat,Incumbent,Recontest";
// Real rows from TCPD-CMID_1962_2022.csv.
const REDDY: &str = "Andhra_Pradesh,3,1,1,1,Sri (Dr)Neelam Sanjeeva Reddy,1962-03-12,1964-02-28,718,NA,FALSE,FALSE,FALSE,185,0,1,DHONE,AEAP26190,INC,1,FALSE,FALSE,FALSE";
const MULAYAM: &str = "Uttar_Pradesh,14,2,440,3,Sri Mulayam Singh Yadav,2003-08-29,2007-05-12,1352,1,FALSE,FALSE,FALSE,25,1,1,Gunnur,AEUP101085,SP,8,FALSE,FALSE,TRUE";
const AKHILESH: &str = "Uttar_Pradesh,16,1,454,1,Sri Akhilesh Yadav,2012-03-15,2017-03-19,1830,1,FALSE,TRUE,FALSE,,,,,,,,,,";
const YOGI_1: &str = "Uttar_Pradesh,17,1,5091,1,Yogi Adityanath,2017-03-19,2022-03-25,1832,0,FALSE,TRUE,FALSE,,,,,,,,,,";
const YOGI_2: &str = "Uttar_Pradesh,18,1,5091,2,Yogi Adityanath,2022-03-25,Current,11,0,FALSE,FALSE,FALSE,322,0,1,GORAKHPUR URBAN,GEUP67610,BJP,1,FALSE,FALSE,FALSE";
const PRESIDENTS_RULE: &str =
    "Uttar_Pradesh,-1,3,,,President's Rule,1973-06-13,1973-11-08,148,1,TRUE,FALSE,FALSE,,,,,,,,,,";

fn parse_rows(rows: &[&str]) -> Batch {
    csv_rows(&TcpdCm, "TCPD-CMID_1962_2022.csv", HEADER, rows)
}

#[test]
fn terms_of_one_pid_are_one_person_and_presidents_rule_is_skipped() {
    let b = parse_rows(&[MULAYAM, AKHILESH, PRESIDENTS_RULE, YOGI_1, YOGI_2]);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    assert_eq!(b.skipped.values().sum::<usize>(), 1);
    let people = of(&b, |r| match r {
        Record::Person(p) => Some(p.id.clone()),
        _ => None,
    });
    assert_eq!(
        people,
        vec![
            "tcpd-cm-uttar-pradesh-440-mulayam-singh-yadav",
            "tcpd-cm-uttar-pradesh-454-akhilesh-yadav",
            "tcpd-cm-uttar-pradesh-5091-yogi-adityanath",
        ]
    );
    let tenures = of(&b, |r| match r {
        Record::Tenure(t) => Some(t.clone()),
        _ => None,
    });
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
    let memberships = of(&b, |r| match r {
        Record::Membership(m) => Some(m.organization.clone()),
        _ => None,
    });
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
    let b = parse_rows(&[REDDY]);
    let p = of(&b, |r| match r {
        Record::Person(p) => Some(p.clone()),
        _ => None,
    })
    .remove(0);
    assert_eq!(p.id, "tcpd-cm-andhra-pradesh-1-neelam-sanjeeva-reddy");
    assert_eq!(p.name.get("en"), Some("Neelam Sanjeeva Reddy"));
    assert_eq!(p.aliases, vec!["Sri (Dr)Neelam Sanjeeva Reddy"]);
    assert_eq!(p.summary.get("hi"), Some("आंध्र प्रदेश के मुख्यमंत्री (1962–1964)।"));
    let office = b
        .defaults
        .iter()
        .find_map(|d| match &d.record {
            Record::Office(o) => Some(o.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(office.id, "chief-minister-andhra-pradesh");
    assert_eq!(office.name.get("hi"), Some("आंध्र प्रदेश के मुख्यमंत्री"));
    assert_eq!(
        office.organization.as_deref(),
        Some("government-of-andhra-pradesh")
    );
}

crate::import::tests::csv_cases!(TcpdCm, "TCPD-CMID_1962_2022.csv", HEADER, {
    bad_dates_and_flags_name_line_and_column: [
        MULAYAM.replace("2003-08-29", "2003-02-30"),
        AKHILESH.replace("2017-03-19", "soon"),
        YOGI_1.replace(",FALSE,TRUE,FALSE,", ",maybe,TRUE,FALSE,"),
        YOGI_2.replace(",5091,", ",NA,"),
    ] => {
        problems [
            (2, "Start_Date"),
            (3, "End_Date"),
            (4, "Administrative_Rule"),
            (5, "pid_CM"),
        ]
    };
});
