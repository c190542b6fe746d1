//! Unit tests of [`super`] (the `tcpd-ias` dataset), on real rows of its files.

use super::*;
use crate::import::dataset::Dataset;
use crate::import::tests::csv_rows;
use crate::import::tests::{persons, recognised};

const HEADER: &str = "ID,Name,Cadre,Allotment_Year,Date_of_Birth,Date_of_Joining,Source_of_Recruitment,Gender,Place_of_Domicile,Mother_Tongue,Languages_Known,Retired,Retirement_Reason,Last_Education_Qualification,Last_Education_Subject,Last_Education_Division,Last_Designation,Last_Level,Last_Office,Last_Field_of_Experience,Last_Category_of_Experience,Last_Start_Date,Last_End_Date,Source,Gender_Source";
// Real rows from ias-profile.csv.
const ALOK_UP: &str = "UP042600,Shri Alok Ranjan,Uttar Pradesh,1978,1956-03-09,1978-07-12,Direct Recruitment,Male,Uttar Pradesh,Hindi,English French Hindi,1,Superannuated,M.B.A.,Marketing,-,Chief Secy,Secretary,Uttar Pradesh,General Administration,Personnel and General Administration,2014-06-02,N.A.,Supremo,Supremo";
const ALOK_RJ: &str = "RJ112S04,Shri Alok Ranjan,Rajasthan,2013,1985-12-26,2013-09-02,Direct Recruitment,Male,Rajasthan,Hindi,Hindi,0,Serving,B.E.,Electrical Engg.,First,Joint Secretary to Govt.,Under Secretary,Energy Deptt,Energy,Energy,2021-09-20,N.A.,Supremo,Supremo";
const NAMPUI: &str = "AM003800,Shri J C Nampui,Assam Meghalya,1955,1928-08-01,1955-07-01,Direct Recruitment,Male,Assam,English,Hindi,1,Retired after Extension/Re-Employment,Graduate,English,First,N.A.,Secretary,,Planning,Planning & Prog Implementation,1986-11-01,1980-10-30,Supremo,Supremo";
const VOHRA_1: &str = "PB004300,Shri N N Vohra,Punjab,1959,1936-05-05,1959-07-01,Direct Recruitment,Male,Punjab,Punjabi,English Hindi Punjabi,1,Superannuated,P.G.,English,First,Secretary,Secretary,M/o Defence,Defence,Defence,1990-01-01,1993-01-01,Supremo,Supremo";
const VOHRA_2: &str = "PB004300,Shri N N Vohra,Punjab,1959,1936-05-05,1959-07-01,Direct Recruitment,Male,Punjab,Punjabi,English Hindi Punjabi,1,Superannuated,P.G.,English,First,N.A.,Secretary,,Home,Home,1993-01-01,N.A.,Supremo,Supremo";

fn parse_rows(rows: &[&str]) -> Batch {
    csv_rows(&TcpdIas, "ias-profile.csv", HEADER, rows)
}

#[test]
fn alok_ranjan_row_maps_to_a_full_person() {
    let b = parse_rows(&[ALOK_UP]);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
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
    let office = b.records.iter().find_map(|p| match &p.record {
        Record::Office(o) => Some(o),
        _ => None,
    });
    let office = office.unwrap();
    assert_eq!(office.id, "ias-post-chief-secy-uttar-pradesh");
    assert_eq!(
        office.name.get("en"),
        Some("Chief Secretary, Uttar Pradesh")
    );
    assert_eq!(office.aliases, vec!["Chief Secy, Uttar Pradesh"]);
    let tenure = b.records.iter().find_map(|p| match &p.record {
        Record::Tenure(t) => Some(t),
        _ => None,
    });
    let tenure = tenure.unwrap();
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
    let b = parse_rows(&[ALOK_UP, ALOK_RJ]);
    let ids: Vec<&str> = persons(&b).iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "tcpd-ias-up042600-alok-ranjan",
            "tcpd-ias-rj112s04-alok-ranjan"
        ]
    );
    let again = parse_rows(&[ALOK_UP, ALOK_RJ]);
    assert_eq!(format!("{:?}", b.records), format!("{:?}", again.records));
}

#[test]
fn end_before_start_is_left_out_and_noted() {
    let b = parse_rows(&[NAMPUI]);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
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
    let b = parse_rows(&[&NAMPUI.replace(",N.A.,Secretary,,", ",Secretary,Secretary,,")]);
    let t = b
        .records
        .iter()
        .find_map(|p| match &p.record {
            Record::Tenure(t) => Some(t.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        (t.start.map(|d| d.to_string()), t.end),
        (Some("1986-11-01".into()), None)
    );
    assert!(t.note.get("en").unwrap().contains("1980-10-30"));
}

#[test]
fn two_rows_with_one_id_are_one_person_with_both_postings() {
    let b = parse_rows(&[VOHRA_1, VOHRA_2]);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    assert_eq!(persons(&b).len(), 1);
    assert_eq!(b.skipped.values().sum::<usize>(), 1);
    let tenures = b
        .records
        .iter()
        .filter(|r| matches!(r.record, Record::Tenure(_)))
        .count();
    assert_eq!(tenures, 1, "the second row has no designation");
    let b = parse_rows(&[VOHRA_1, VOHRA_1]);
    assert_eq!(
        b.records.len(),
        3,
        "office, person, tenure once: {:?}",
        b.records
    );
}

crate::import::tests::csv_cases!(TcpdIas, "ias-profile.csv", HEADER, {
    bad_values_are_problems_naming_line_and_column: [
        ALOK_UP.replace("1956-03-09", "1956-13-45"),
        ALOK_RJ.replace(",2013,1985", ",twenty,1985"),
        NAMPUI.replace(",Male,", ",Yes,"),
        ALOK_RJ.replace("Shri Alok Ranjan", ""),
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
    a_bad_date_is_quoted_in_its_problem: [ALOK_UP.replace("1956-03-09", "1956-13-45")] => {
        |b| assert!(b.problems[0].message.contains("1956-13-45"), "{:?}", b.problems)
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
    let row = "AM109C06,Dr.(Ms.) Karuna Kumari,Assam Meghalya,2010,1976-11-22,2011-02-21,Direct Recruitment,Female,Bihar,Hindi,English Hindi,0,Serving,B.V.Sc. & A.H.,Veterinary Sc.,First,On Inter Cadre Deputation,Under Secretary,,,,2017-08-11,2020-08-10,Supremo,Supremo";
    let b = parse_rows(&[row]);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
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
    assert!(recognised(&TcpdIas, HEADER));
    assert!(!recognised(&TcpdIas, "year,ls_number,name,party"));
}
