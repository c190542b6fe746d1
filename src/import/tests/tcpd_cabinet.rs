//! Unit tests of [`super`] (the `tcpd-cabinet` dataset), on real rows of its files.

use super::*;
use crate::import::tests::persons;
use crate::import::tests::{csv_rows, of};

const HEADER: &str = "year,ls_number,name,party,gender,portfolio,rank,appointment_begin,appointment_end,house,constituency,pid,state,start_source,end_source,comments,type_begin,type_end";
// Real rows from TCPD_Indian_Cabinet_1990_2021.csv.
const NAIK: &str = "2014,16,SHRIPAD YESSO NAIK,BJP,M,AAYUSH,MoS(IC),2014-11-09,2019-05-30,Lok Sabha,NORTH GOA,16_Goa_1_0_1,Goa,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_10.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1856.pdf,,mid_term,end_of_term";
const SUMAN_1: &str = "1990,9,RAMJI LAL SUMAN,JD,M,Labour,MoS,1990-11-21,1991-06-21,Lok Sabha,FIROZABAD,9_Uttar_Pradesh_72_0_1,Uttar_Pradesh,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1574.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1541.pdf,,mid_term,end_of_term";
const SUMAN_2: &str = "1990,9,RAMJI LAL SUMAN,JD,M,Welfare,MoS,1990-11-21,1991-06-21,Lok Sabha,FIROZABAD,9_Uttar_Pradesh_72_0_1,Uttar_Pradesh,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1574.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1541.pdf,,mid_term,end_of_term";
const BALYAN: &str = "2014,16,DR. SANJEEV KUMAR BALYAN,BJP,M,Agriculture,MoS,2014-05-27,2016-07-05,Lok Sabha,MUZAFFARNAGAR,16_Uttar_Pradesh_3_0_1,Uttar_Pradesh,https://cabsec.gov.in/writereaddata/councilofministers/english/1_Upload_1782.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_6.pdf,,start_of_term,mid_term";
const JAITLEY_RS: &str = "1999,13,ARUN JAITLEY,BJP,M,\"Law, Justice, and Company Affairs\",MoS(IC),2000-07-24,2000-11-07,Rajya Sabha,,NA ,Gujarat,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1668.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1677.pdf,,mid_term,mid_term";
const AHLUWALIA_1: &str = "2014,16,S.S. AHLUWALIA,BJP,M,Agriculture and Farmers Welfare,MoS,2016-07-05,2017-09-03,Lok Sabha,DARJEELING,16_West_Bengal_4_0_1,West_Bengal,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_6.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1269.pdf,,mid_term,mid_term";
const AHLUWALIA_2: &str = "1991,10,S. S. AHLUWALIA,INC,M,Urban Affairs and Employment,MoS,1995-09-15,1996-05-16,Rajya Sabha,,NA ,Bihar,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1591.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1607.pdf,,mid_term,end_of_term";

fn parse_rows(rows: &[&str]) -> Batch {
    csv_rows(
        &TcpdCabinet,
        "TCPD_Indian_Cabinet_1990_2021.csv",
        HEADER,
        rows,
    )
}

#[test]
fn ramji_lal_suman_is_one_tcpd_person_with_two_portfolios() {
    let b = parse_rows(&[SUMAN_1, SUMAN_2]);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    let p = persons(&b);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].id, "tcpd-cabinet-ramji-lal-suman");
    assert_eq!(p[0].name.get("en"), Some("Ramji Lal Suman"));
    assert_eq!(p[0].aliases, vec!["RAMJI LAL SUMAN"]);
    assert_eq!(p[0].gender, Some(Gender::Male));
    assert_eq!(
        p[0].summary.get("en"),
        Some("Union minister 1990–1991 (Labour; Welfare).")
    );
    let tenures = of(&b, |r| match r {
        Record::Tenure(t) => Some(t.clone()),
        _ => None,
    });
    let offices: Vec<&str> = tenures.iter().map(|t| t.office.as_str()).collect();
    assert_eq!(
        offices,
        vec![
            "union-minister-of-state-labour",
            "union-minister-of-state-welfare"
        ]
    );
    assert_eq!(tenures[0].start.unwrap().to_string(), "1990-11-21");
    assert_eq!(tenures[0].end.unwrap().to_string(), "1991-06-21");
    assert_eq!(
        tenures[0].note.get("en"),
        Some("Lok Sabha member for Firozabad, Uttar Pradesh.")
    );
    let m = of(&b, |r| match r {
        Record::Membership(m) => Some(m.organization.clone()),
        _ => None,
    });
    assert_eq!(m, vec!["janata-dal"], "one membership for two rows");
    for r in &b.records {
        assert_eq!(r.record.sources(), [SOURCE_ID], "{:?}", r.record);
    }
}

#[test]
fn offices_are_named_by_rank_and_portfolio_in_both_languages() {
    let b = parse_rows(&[NAIK, JAITLEY_RS]);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    let offices = of(&b, |r| match r {
        Record::Office(o) => Some(o.clone()),
        _ => None,
    });
    assert_eq!(
        offices[0].id,
        "union-minister-of-state-independent-charge-aayush"
    );
    assert_eq!(
        offices[0].name.get("en"),
        Some("Minister of State (Independent Charge), AAYUSH")
    );
    assert_eq!(
        offices[0].name.get("hi"),
        Some("राज्य मंत्री (स्वतंत्र प्रभार), AAYUSH")
    );
    assert_eq!(offices[0].organization.as_deref(), Some(GOVERNMENT_ID));
    assert_eq!(
        offices[1].name.get("en"),
        Some("Minister of State (Independent Charge), Law, Justice, and Company Affairs")
    );
    let jaitley = &persons(&b)[1];
    assert_eq!(jaitley.id, "tcpd-cabinet-arun-jaitley");
    let note = of(&b, |r| match r {
        Record::Tenure(t) if t.person == jaitley.id => t.note.get("en").map(str::to_string),
        _ => None,
    });
    assert_eq!(note, vec!["Rajya Sabha member from Gujarat."]);
}

#[test]
fn honorifics_and_spacing_variants_make_one_person() {
    let b = parse_rows(&[BALYAN, AHLUWALIA_1, AHLUWALIA_2]);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    let p = persons(&b);
    let ids: Vec<&str> = p.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "tcpd-cabinet-sanjeev-kumar-balyan",
            "tcpd-cabinet-s-s-ahluwalia"
        ]
    );
    assert_eq!(p[0].name.get("en"), Some("Sanjeev Kumar Balyan"));
    assert!(p[1].aliases.contains(&"S.S. AHLUWALIA".to_string()));
    assert!(p[1].aliases.contains(&"S. S. AHLUWALIA".to_string()));
    let parties = of(&b, |r| match r {
        Record::Membership(m) if m.person == p[1].id => Some(m.organization.clone()),
        _ => None,
    });
    assert_eq!(
        parties,
        vec!["bharatiya-janata-party", "indian-national-congress"]
    );
}

#[test]
fn rows_sharing_a_pid_are_one_person_despite_spelling() {
    // Lines 311 and 312 of the file, in that order.
    let a = "1996,11,DHANUSHKODI ATHITHAN R.,TMC(M),M,Human Resource Development,MoS,1997-05-01,1998-03-19,Lok Sabha,TIRUCHENDUR,11_Tamil_Nadu_38_0_1,Tamil_Nadu,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1626.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1637.pdf,,mid_term,end_of_term";
    let b_ = "1996,11,DHANUSHKODI ATITHAN R.,TMC(M),M,Human Resource Development,MoS,1996-06-29,1997-04-21,Lok Sabha,TIRUCHENDUR,11_Tamil_Nadu_38_0_1,Tamil_Nadu,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1614.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1622.pdf,,mid_term,mid_term";
    let b = parse_rows(&[a, b_]);
    let p = persons(&b);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].id, "tcpd-cabinet-dhanushkodi-athithan-r");
    assert!(p[0].aliases.contains(&"Dhanushkodi Atithan R.".to_string()));
    let tenures = of(&b, |r| matches!(r, Record::Tenure(_)).then_some(()));
    assert_eq!(tenures.len(), 2, "one office, two appointments");
}

#[test]
fn an_exact_repeat_adds_nothing_and_a_conflicting_one_is_a_problem() {
    let b = parse_rows(&[SUMAN_1, SUMAN_1]);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    assert_eq!(b.skipped.values().sum::<usize>(), 1);
    assert_eq!(b.records.len(), 4, "office, person, tenure, membership");
    let other_end = SUMAN_1.replace("1991-06-21,Lok", "1991-05-01,Lok");
    let b = parse_rows(&[SUMAN_1, &other_end]);
    assert_eq!(b.problems.len(), 1);
    assert_eq!(b.problems[0].line, 3);
    assert!(b.problems[0].message.contains("line 2"));
}

crate::import::tests::csv_cases!(TcpdCabinet, "TCPD_Indian_Cabinet_1990_2021.csv", HEADER, {
    bad_rows_name_line_and_column: [
        NAIK.replace(",MoS(IC),", ",Minister,"),
        SUMAN_1.replace("1990-11-21", "21/13/1990"),
        BALYAN.replace(",BJP,M,", ",BJP,X,"),
    ] => { problems [(2, "rank"), (3, "appointment_begin"), (4, "gender")] };
});

#[test]
fn prime_minister_is_a_default_office() {
    let pm = "1996,11,ATAL BIHARI VAJPAYEE,BJP,M,Prime Minister,PM,1996-05-16,1998-03-19,Lok Sabha,LUCKNOW,11_Uttar_Pradesh_20_0_1,Uttar_Pradesh,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1608.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1637.pdf,,start_of_term,end_of_term";
    let b = parse_rows(&[pm]);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    assert!(b
        .defaults
        .iter()
        .any(|d| d.record.id() == "prime-minister-of-india"));
    let t = of(&b, |r| match r {
        Record::Tenure(t) => Some(t.office.clone()),
        _ => None,
    });
    assert_eq!(t, vec!["prime-minister-of-india"]);
}
