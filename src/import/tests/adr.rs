//! Unit tests of [`super`] (the `adr` dataset), on real rows of its files.

use super::*;
use crate::import::dataset::Dataset;
use crate::import::tests::{candidacies, persons, recognised};
use crate::model::{Kind, Outcome};

fn count_kinds(batch: &Batch) -> HashMap<Kind, usize> {
    let mut out = HashMap::new();
    for p in batch.records.iter().chain(&batch.defaults) {
        *out.entry(p.record.kind()).or_default() += 1;
    }
    out
}

const HEADER: &str = "\"Candidate\";\"Party\";\"Criminal Cases\";\"Education\";\"Age\";\"Total Assets\";\"Liabilities\";\"Winner\";\"Constituency\";\"State\";\"District\";\"Year\";\"House\";\"Comment\"\n";

#[test]
fn a_lok_sabha_row_becomes_a_person_and_a_candidacy_with_its_affidavit() {
    let text = format!(
        "{HEADER}\"RAMJI LAL SUMAN\";\"SP\";\" 1\";\"Graduate Professional\";\"57\";\"17516869\";\"0\";\"No\";\"AGRA\";\"UTTAR PRADESH\";\"\";\"2009\";\"Lok Sabha\";\"No Comment\"\n\"Other One\";\"BJP\";\"0\";\"Not Given\";\"0\";\"Rs 2,06,54,961 ~ 2 Crore+\";\"\";\"Yes\";\"AGRA\";\"UTTAR PRADESH\";\"\";\"2009\";\"Lok Sabha\";\"No Comment\"\n"
    );
    let b = Adr.parse("lok-sabha.csv", &text);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    let p = persons(&b);
    assert_eq!(
        p[0].id,
        "adr-lok-sabha-2009-uttar-pradesh-agra-ramji-lal-suman"
    );
    assert_eq!(p[0].name.get("en"), Some("Ramji Lal Suman"));
    assert_eq!(p[0].aliases, vec!["RAMJI LAL SUMAN"]);
    let c = candidacies(&b);
    assert_eq!(
        c[0].id,
        "adr-lok-sabha-2009-uttar-pradesh-agra-ramji-lal-suman--lok-sabha-2009"
    );
    assert_eq!(c[0].election, "lok-sabha-2009");
    assert_eq!(c[0].party.as_deref(), Some("samajwadi-party"));
    assert_eq!(c[0].result, Some(Outcome::Lost));
    assert_eq!(c[0].constituency.as_ref().unwrap().get("en"), Some("Agra"));
    assert_eq!(
        c[0].original.get("constituency").map(String::as_str),
        Some("AGRA")
    );
    assert_eq!(c[0].original.get("party").map(String::as_str), Some("SP"));
    let a = c[0].affidavit.as_ref().unwrap();
    assert_eq!(
        (a.criminal_cases, a.age, a.assets, a.liabilities),
        (Some(1), Some(57), Some(17_516_869), Some(0))
    );
    assert_eq!(a.education.as_deref(), Some("Graduate Professional"));
    assert_eq!(a.date, Some(PartialDate::year(2009)));
    let a = c[1].affidavit.as_ref().unwrap();
    assert_eq!(
        (a.age, a.assets, a.liabilities, a.education.as_deref()),
        (None, Some(20_654_961), None, None)
    );
    assert_eq!(c[1].result, Some(Outcome::Won));
    let kinds = count_kinds(&b);
    assert_eq!(kinds[&Kind::Source], 1);
    assert_eq!(kinds[&Kind::Election], 1);
    // lok-sabha, samajwadi-party, bharatiya-janata-party
    assert_eq!(kinds[&Kind::Organization], 3);
}

fn karur(name: &str) -> String {
    format!("\"{name}\";\"IND\";\"0\";\"Graduate\";\"40\";\"1\";\"0\";\"No\";\"KARUR\";\"TAMIL NADU\";\"\";\"2024\";\"Lok Sabha\";\"No Comment\"")
}

fn nawabganj(name: &str, district: &str, winner: &str) -> String {
    format!("\"{name}\";\"IND\";\"0\";\"Graduate\";\"40\";\"1\";\"0\";\"{winner}\";\"NAWABGANJ\";\"UTTAR PRADESH\";\"{district}\";\"2007\";\"Uttar Pradesh\";\"No Comment\"")
}

const BAD: &str = "\"A\";\"SP\";\"many\";\"\";\"40\";\"1\";\"0\";\"Maybe\";\"X\";\"UP\";\"\";\"20x4\";\"Lok Sabha\";\"\"";
const NO_NAME: &str = "\"\";\"SP\";\"0\";\"\";\"40\";\"1\";\"0\";\"No\";\"X\";\"UP\";\"\";\"2014\";\"Lok Sabha\";\"\"";

crate::import::tests::csv_cases!(Adr, "x.csv", HEADER, {
    a_seat_without_any_winner_has_no_result: [karur("A B"), karur("C D")] => {
        |b| assert!(candidacies(b).iter().all(|c| c.result.is_none()))
    };
    two_seats_of_one_name_in_different_districts_are_decided_apart: [
        nawabganj("A", "BAREILLY", "Yes"),
        nawabganj("B", "BAREILLY", "No"),
        nawabganj("C", "BARABANKI", "No"),
    ] => { |b|
        let results: Vec<Option<Outcome>> = candidacies(b).iter().map(|c| c.result).collect();
        assert_eq!(results, vec![Some(Outcome::Won), Some(Outcome::Lost), None]);
        let names: Vec<&str> = candidacies(b)
            .iter()
            .map(|c| c.constituency.as_ref().unwrap().get("en").unwrap())
            .collect();
        assert_eq!(names, vec!["Nawabganj (Bareilly)", "Nawabganj (Bareilly)", "Nawabganj (Barabanki)"]);
    };
    namesakes_in_one_seat_get_numbered_ids: [karur("Jothimani. S"), karur("Jothimani. S")] => { |b|
        let ids: Vec<&str> = persons(b).iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                "adr-lok-sabha-2024-tamil-nadu-karur-jothimani-s",
                "adr-lok-sabha-2024-tamil-nadu-karur-jothimani-s-2"
            ]
        );
    };
    bad_fields_are_problems_naming_line_and_column: [BAD, NO_NAME, "\"short\";\"row\""] => {
        problems [(2, "Year"), (2, "Criminal Cases"), (2, "Winner"), (3, "Candidate"), (4, "")]
    };
});

#[test]
fn assembly_rows_and_bye_elections_get_their_own_elections() {
    let text = format!(
        "{HEADER}\"Phanidhar Talukdar\";\"BJP\";\" 2\";\"12th Pass\";\"55\";\"107812804\";\"12365742\";\"Yes\";\"BHABANIPUR\";\"ASSAM\";\"BAJALI\";\"2021\";\"Assam\";\"BYE ELECTION ON 30-10-2021\"\n\"T M Jacob\";\"KC(J)\";\" 1\";\"Graduate Professional\";\"60\";\"35562652\";\"7549000\";\"Yes\";\"PIRAVOM\";\"KERALA\";\"ERNAKULAM\";\"2011\";\"Kerala\";\"BEFORE BYE-ELECTION\"\n\"Biju Das\";\"BJD\";\"0\";\"Graduate\";\"50\";\"1\";\"0\";\"No\";\"ANGUL\";\"ORISSA\";\"ANGUL\";\"2009\";\"Orissa\";\"No Comment\"\n"
    );
    let b = Adr.parse("s.csv", &text);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    let c = candidacies(&b);
    assert_eq!(
        c[0].election,
        "vidhan-sabha-assam-2021-bye-election-2021-10-30"
    );
    assert_eq!(
        c[0].affidavit.as_ref().unwrap().date,
        Some("2021-10-30".parse().unwrap())
    );
    assert_eq!(c[1].election, "vidhan-sabha-kerala-2011");
    assert_eq!(c[2].election, "vidhan-sabha-odisha-2009");
    assert_eq!(
        c[0].constituency.as_ref().unwrap().get("en"),
        Some("Bhabanipur")
    );
}

#[test]
fn bye_election_dates_in_every_spelling() {
    let d = |s: &str| bye_election(s).map(|d| d.map(|d| d.to_string()));
    assert_eq!(
        d("BYE ELECTION ON 03-11-2020"),
        Some(Some("2020-11-03".into()))
    );
    assert_eq!(d("Bye Election 26-11-08"), Some(Some("2008-11-26".into())));
    assert_eq!(
        d("BYE ELECTION ON 2-06-2013"),
        Some(Some("2013-06-02".into()))
    );
    assert_eq!(
        d("Bye Election on 15 September 2009"),
        Some(Some("2009-09-15".into()))
    );
    assert_eq!(
        d("Bye - Election on September  2009"),
        Some(Some("2009-09".into()))
    );
    assert_eq!(d("Bye Election on 2010"), Some(Some("2010".into())));
    assert_eq!(d("Bye - Election on September"), Some(None));
    assert_eq!(d("BEFORE BYE-ELECTION"), None);
    assert_eq!(d("No Comment"), None);
}

#[test]
fn a_missing_column_is_one_problem_on_the_header() {
    let b = Adr.parse("x.csv", "Candidate,Party,Criminal Cases\nA,B,0\n");
    assert!(b.problems.iter().all(|p| p.line == 1));
    assert!(b.problems.iter().any(|p| p.field == "Winner"));
    assert!(b.records.is_empty() && b.defaults.is_empty());
}

#[test]
fn comma_separated_unquoted_files_and_impossible_ages() {
    let text = "Candidate,Party,Criminal Cases,Education,Age,Total Assets,Liabilities,Winner,Constituency,State,District,Year,House,Comment\nVenkatesan J,IND,0,Graduate,546,\"1,00,000\",0,No,ARIYALUR,TAMIL NADU,ARIYALUR,2021,Tamil Nadu,No Comment\n";
    let b = Adr.parse("c.csv", text);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    let c = candidacies(&b);
    assert_eq!(c[0].election, "vidhan-sabha-tamil-nadu-2021");
    let a = c[0].affidavit.as_ref().unwrap();
    assert_eq!((a.age, a.assets), (None, Some(100_000)));
    assert_eq!(c[0].original.get("age").map(String::as_str), Some("546"));
    assert!(recognised(&Adr, text.lines().next().unwrap()));
    assert!(recognised(&Adr, HEADER));
    assert!(!recognised(&Adr, "State,Constituency,Party"));
}
