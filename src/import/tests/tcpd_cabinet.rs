//! Unit tests of [`super`] (the `tcpd-cabinet` dataset), on real rows of its files.

use super::*;
use crate::import::tests::{clean, memberships, of, offices, persons, rows, tenures, Rows};

const ROWS: Rows = rows!(TcpdCabinet, "TCPD_Indian_Cabinet_1990_2021.csv");

#[test]
fn ramji_lal_suman_is_one_tcpd_person_with_two_portfolios() {
    let b = clean(ROWS.parse(&["SUMAN,JD,M,Labour", "SUMAN,JD,M,Welfare"]));
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
    let tenures = tenures(&b);
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
    let m: Vec<&str> = memberships(&b)
        .iter()
        .map(|m| m.organization.as_str())
        .collect();
    assert_eq!(m, vec!["janata-dal"], "one membership for two rows");
    for r in &b.records {
        assert_eq!(r.record.sources(), [SOURCE_ID], "{:?}", r.record);
    }
}

#[test]
fn offices_are_named_by_rank_and_portfolio_in_both_languages() {
    let b = clean(ROWS.parse(&["SHRIPAD YESSO NAIK", "ARUN JAITLEY"]));
    let offices = offices(&b);
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
        Some("आयुष राज्य मंत्री (स्वतंत्र प्रभार)")
    );
    assert!(
        offices[0]
            .aliases
            .contains(&"राज्य मंत्री (स्वतंत्र प्रभार), आयुष मंत्रालय".to_string()),
        "{:?}",
        offices[0].aliases
    );
    assert_eq!(
        offices[0].summary.get("hi"),
        Some("केंद्रीय मंत्रिपरिषद का पद: राज्य मंत्री (स्वतंत्र प्रभार), आयुष मंत्रालय।")
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
    let b = clean(ROWS.parse(&["BALYAN", "S.S. AHLUWALIA", "S. S. AHLUWALIA"]));
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
    let b = ROWS.parse(&["DHANUSHKODI ATHITHAN R.", "DHANUSHKODI ATITHAN R."]);
    let p = persons(&b);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].id, "tcpd-cabinet-dhanushkodi-athithan-r");
    assert!(p[0].aliases.contains(&"Dhanushkodi Atithan R.".to_string()));
    let tenures = tenures(&b);
    assert_eq!(tenures.len(), 2, "one office, two appointments");
}

#[test]
fn an_exact_repeat_adds_nothing_and_a_conflicting_one_is_a_problem() {
    let suman = ROWS.row("SUMAN,JD,M,Labour");
    let b = clean(ROWS.parse_lines(&[suman, suman]));
    assert_eq!(b.skipped.values().sum::<usize>(), 1);
    assert_eq!(b.records.len(), 4, "office, person, tenure, membership");
    let other_end = suman.replace("1991-06-21,Lok", "1991-05-01,Lok");
    let b = ROWS.parse_lines(&[suman, &other_end]);
    assert_eq!(b.problems.len(), 1);
    assert_eq!(b.problems[0].line, 3);
    assert!(b.problems[0].message.contains("line 2"));
}

crate::import::tests::csv_cases!(TcpdCabinet, ROWS.file, ROWS.header(), {
    bad_rows_name_line_and_column: [
        ROWS.row("SHRIPAD YESSO NAIK").replace(",MoS(IC),", ",Minister,"),
        ROWS.row("SUMAN,JD,M,Labour").replace("1990-11-21", "21/13/1990"),
        ROWS.row("BALYAN").replace(",BJP,M,", ",BJP,X,"),
    ] => { problems [(2, "rank"), (3, "appointment_begin"), (4, "gender")] };
});

#[test]
fn prime_minister_is_a_default_office() {
    let b = clean(ROWS.parse(&["ATAL BIHARI VAJPAYEE"]));
    assert!(b
        .defaults
        .iter()
        .any(|d| d.record.id() == "prime-minister-of-india"));
    let t: Vec<&str> = tenures(&b).iter().map(|t| t.office.as_str()).collect();
    assert_eq!(t, vec!["prime-minister-of-india"]);
}
