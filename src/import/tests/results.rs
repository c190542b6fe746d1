//! Unit tests of [`super`] (the `results` dataset), on real rows of its files.

use super::*;
use crate::import::dataset::Dataset;
use crate::import::tests::{candidacies, recognised};
use crate::model::{Candidacy, Outcome};
use std::collections::BTreeMap;

const LS_HEADER: &str =
    "\"State\";\"Constituency\";\"Party\";\"Candidate\";\"Votes\";\"State ID\";\"Constituency ID\"\n";
const AS_HEADER: &str = "election_year,election_type,election_state,constituency,constituency_no,serial_no,candidate,party,evm_votes,postal_votes\n";

fn by_person<'a>(b: &'a Batch, id: &str) -> &'a Candidacy {
    candidacies(b)
        .into_iter()
        .find(|c| c.person == id)
        .unwrap_or_else(|| panic!("no candidacy of {id}"))
}

#[test]
fn lok_sabha_rows_are_ranked_and_the_top_candidate_won() {
    let text = format!(
        "{LS_HEADER}\"Andhra Pradesh\";\"Araku \";\"Bharatiya Janata Party\";\"KOTHAPALLI GEETHA\";\"426425\";\"S01\";\"1\"\n\"Andhra Pradesh\";\"Araku \";\"Yuvajana Sramika Rythu Congress Party\";\"GUMMA THANUJA RANI\";\"477005\";\"S01\";\"1\"\n\"Andhra Pradesh\";\"Araku \";\"None of the Above\";\"NOTA\";\"50470\";\"S01\";\"1\"\n"
    );
    let b = Results.parse("data/2024LokSabha.csv", &text);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    let rani = by_person(
        &b,
        "india-votes-lok-sabha-2024-andhra-pradesh-araku-gumma-thanuja-rani",
    );
    assert_eq!(
        (rani.votes, rani.rank, rani.result),
        (Some(477_005), Some(1), Some(Outcome::Won))
    );
    assert_eq!(rani.election, "lok-sabha-2024");
    assert_eq!(rani.constituency.as_ref().unwrap().get("en"), Some("Araku"));
    assert_eq!(
        rani.original.get("constituency").map(String::as_str),
        Some("Araku ")
    );
    let geetha = by_person(
        &b,
        "india-votes-lok-sabha-2024-andhra-pradesh-araku-kothapalli-geetha",
    );
    assert_eq!((geetha.rank, geetha.result), (Some(2), Some(Outcome::Lost)));
    assert_eq!(geetha.party.as_deref(), Some("bharatiya-janata-party"));
    let nota = by_person(&b, "nota");
    assert_eq!(nota.id, "nota--lok-sabha-2024--andhra-pradesh-araku");
    assert_eq!(
        (nota.votes, nota.rank, nota.result, nota.party.as_deref()),
        (Some(50_470), None, None, Some("none-of-the-above"))
    );
}

#[test]
fn assembly_votes_are_evm_plus_postal_and_namesakes_stay_apart() {
    let text = format!(
        "{AS_HEADER}2024,Assembly,HR,KALKA,1,1,OM PARKASH GUJJAR,Aam Aadmi Party,854,4\n2024,Assembly,HR,KALKA,1,2,KRISHAN,Bahujan Samaj Party,1368,6\n2024,Assembly,HR,KALKA,1,3,KRISHAN,Independent,1368,6\n2024,Assembly,HR,KALKA,1,4,SHAKTI RANI SHARMA,Bharatiya Janata Party,\"60,000\",612\n"
    );
    let b = Results.parse("2024Assembly-HR.csv", &text);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    let c = candidacies(&b);
    assert_eq!(c.len(), 4);
    assert_eq!(c[0].election, "vidhan-sabha-haryana-2024");
    assert_eq!(c[0].votes, Some(858));
    assert_eq!(
        c[0].vote_breakdown,
        BTreeMap::from([("evm".to_string(), 854), ("postal".to_string(), 4)])
    );
    assert_eq!(
        c[1].person,
        "india-votes-vidhan-sabha-haryana-2024-1-kalka-krishan"
    );
    assert_eq!(
        c[2].person,
        "india-votes-vidhan-sabha-haryana-2024-1-kalka-krishan-2"
    );
    // The two Krishans tie for second place, behind the winner.
    assert_eq!(
        (c[1].rank, c[2].rank, c[0].rank),
        (Some(2), Some(2), Some(4))
    );
    assert_eq!(
        (c[3].votes, c[3].result),
        (Some(60_612), Some(Outcome::Won))
    );
    assert_eq!(c[0].constituency.as_ref().unwrap().get("en"), Some("Kalka"));
}

#[test]
fn two_seats_of_one_name_are_told_apart_by_number() {
    // Bihar 2025 has a Kalyanpur at number 16 and another at 131.
    let text = format!(
        "{AS_HEADER}2025,Assembly,BR,KALYANPUR,16,1,A ONE,P,10,0\n2025,Assembly,BR,KALYANPUR,16,2,B TWO,Q,5,0\n2025,Assembly,BR,KALYANPUR,131,1,C THREE,P,7,0\n2025,Assembly,BR,KALYANPUR,131,2,B TWO,Q,9,0\n"
    );
    let b = Results.parse("2025Assembly-BR.csv", &text);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    let won: Vec<&str> = candidacies(&b)
        .into_iter()
        .filter(|c| c.result == Some(Outcome::Won))
        .map(|c| c.person.as_str())
        .collect();
    assert_eq!(
        won,
        vec![
            "india-votes-vidhan-sabha-bihar-2025-16-kalyanpur-a-one",
            "india-votes-vidhan-sabha-bihar-2025-131-kalyanpur-b-two"
        ]
    );
}

#[test]
fn a_tie_at_the_top_and_an_uncounted_seat_have_no_winner() {
    let text = format!(
        "{AS_HEADER}2026,Assembly,WB,A,1,1,X ONE,P,10,0\n2026,Assembly,WB,A,1,2,X TWO,Q,9,1\n2026,Assembly,WB,A,1,3,X THREE,R,3,0\n2026,Assembly,WB,B,2,1,Y ONE,P,0,0\n2026,Assembly,WB,B,2,2,Y TWO,Q,0,0\n"
    );
    let b = Results.parse("t.csv", &text);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    let c = candidacies(&b);
    assert_eq!((c[0].rank, c[0].result), (Some(1), None));
    assert_eq!((c[1].rank, c[1].result), (Some(1), None));
    assert!(c[0].note.get("en").unwrap().contains("Tied"));
    assert_eq!((c[2].rank, c[2].result), (Some(3), Some(Outcome::Lost)));
    assert!(c[3..]
        .iter()
        .all(|c| c.rank.is_none() && c.result.is_none()));
}

#[test]
fn an_uncontested_seat_is_a_win_without_votes() {
    let text = format!(
        "{LS_HEADER}\"Gujarat\";\"Surat\";\"Bharatiya Janata Party\";\"MUKESHKUMAR CHANDRAKAANT DALAL\";\"Unconteste\";\"S06\";\"2\"\n"
    );
    let b = Results.parse("2024LokSabha.csv", &text);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    let c = candidacies(&b);
    assert_eq!(
        (c[0].votes, c[0].rank, c[0].result),
        (None, Some(1), Some(Outcome::Won))
    );
    assert_eq!(c[0].note.get("en"), Some("Elected unopposed"));
}

crate::import::tests::csv_cases!(Results, "2024Assembly-HR.csv", AS_HEADER, {
    bad_rows_are_problems_naming_line_and_column: [
        "2024,Assembly,XX,KALKA,1,1,A,P,12,1",
        "2024,Assembly,HR,KALKA,1,2,B,P,many,1",
        "2024,Senate,HR,KALKA,1,3,,P,1,1",
        "2024,Assembly,HR",
    ] => {
        problems [
            (2, "election_state"),
            (3, "evm_votes"),
            (4, "candidate"),
            (4, "election_type"),
            (5, ""),
        ]
    };
    a_constituency_number_qualifies_a_shared_name: [
        "2025,Assembly,BR,KALYANPUR,16,1,A ONE,P,10,0",
        "2025,Assembly,BR,KALYANPUR,131,1,C THREE,P,7,0",
    ] => { |b|
        let names: Vec<&str> = candidacies(b)
            .iter()
            .map(|c| c.constituency.as_ref().unwrap().get("en").unwrap())
            .collect();
        assert_eq!(names, vec!["Kalyanpur (16)", "Kalyanpur (131)"]);
    };
});

#[test]
fn a_lok_sabha_file_needs_a_year() {
    let text = format!("{LS_HEADER}\"Goa\";\"North Goa\";\"INC\";\"A B\";\"5\";\"S05\";\"1\"\n");
    let b = Results.parse("results.csv", &text);
    assert_eq!(b.problems.len(), 1);
    assert_eq!(
        (b.problems[0].line, b.problems[0].field.as_str()),
        (1, "Year")
    );
    assert_eq!(year_in_name("x/2024LokSabha.csv"), Some(2024));
    assert_eq!(year_in_name("2026Assembly-WB.csv"), Some(2026));
    assert_eq!(year_in_name("12345.csv"), None);
}

#[test]
fn headers_of_both_shapes_and_separators_are_recognised() {
    assert!(recognised(&Results, LS_HEADER));
    assert!(recognised(
        &Results,
        "State,Constituency,Party,Candidate,Votes"
    ));
    assert!(recognised(&Results, AS_HEADER));
    assert!(recognised(&Results, &AS_HEADER.replace(',', ";")));
    assert!(!recognised(&Results, "Candidate;Party;Criminal Cases"));
}
