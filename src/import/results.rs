//! The `results` format: election results with votes from india-votes-data (MIT,
//! © 2024 India Votes Data; counts from the Election Commission of India). Two shapes:
//! - the 2024 Lok Sabha file, `;`-separated and quoted: `State; Constituency; Party;
//!   Candidate; Votes; State ID; Constituency ID`, with full party names, trailing
//!   spaces in constituency names (`Araku `), and no year (taken from the file
//!   name, `2024LokSabha.csv`, unless a `Year` column is given). Its `Constituency ID`
//!   repeats across seats, so seats are told apart by state and name;
//! - the assembly files, `,`-separated: `election_year, election_type,
//!   election_state (code), constituency, constituency_no, serial_no, candidate,
//!   party, evm_votes, postal_votes`.
//!
//! Every row becomes a person (one per election, seat and name; namesakes on one
//! ballot are numbered in file order) and a candidacy with its votes, its rank in
//! the seat and the result: first past the post, so the candidate with the most
//! votes won. NOTA is not a candidate: its votes are kept (party `none-of-the-above`,
//! stand-in person `nota`) but it has no rank and never wins. A tie for the most
//! votes leaves the result open (the returning officer draws lots; the data does
//! not say who won). A seat where nobody polled a vote (a countermanded poll) has
//! no ranks or results. `Uncontested` (Surat 2024) is a win without a count.

use crate::domain::legislatures::{ElectionKey, House};
use crate::domain::states::{self, Place};
use crate::error::Problem;
use crate::import::build::candidates::{self, Candidate, Votes};
use crate::import::build::names;
use crate::import::clean;
use crate::import::dataset::{starts_with, Cite, Csv};
use crate::import::sources;
use crate::import::table::{Row, Table};
use crate::import::Batch;

/// The dataset: `--format results`.
pub struct Results;

/// The id of the dataset's source record, cited by every record the importer makes.
pub const SOURCE_ID: &str = Results::SOURCE.id;

const LOK_SABHA_COLUMNS: &[&str] = &["State", "Constituency", "Party", "Candidate", "Votes"];
const ASSEMBLY_COLUMNS: &[&str] = &[
    "election_year",
    "election_type",
    "election_state",
    "constituency",
    "candidate",
    "party",
    "evm_votes",
    "postal_votes",
];

/// What a file's header and name say about all its rows.
#[derive(Default)]
pub struct Shape {
    assembly: bool,
    has_year: bool,
    file_year: Option<u16>,
}

impl Csv for Results {
    const NAME: &'static str = "results";
    const ABOUT: &'static str = "india-votes-data election results with votes (CSV)";
    const SOURCE: Cite = sources::INDIA_VOTES;
    type Row = Candidate;
    type File = Shape;

    fn recognise(&self, header: &[String]) -> bool {
        starts_with(header, LOK_SABHA_COLUMNS) || starts_with(header, &ASSEMBLY_COLUMNS[..4])
    }

    fn required(&self, header: &[String]) -> &'static [&'static str] {
        if is_assembly(header) {
            ASSEMBLY_COLUMNS
        } else {
            LOK_SABHA_COLUMNS
        }
    }

    fn open(&self, file: &str, table: &Table, shape: &mut Shape) -> Result<(), Problem> {
        *shape = Shape {
            assembly: table.first_column() == Some("election_year"),
            has_year: table.has_column("Year"),
            file_year: year_in_name(file),
        };
        if !shape.assembly && !shape.has_year && shape.file_year.is_none() && !table.is_empty() {
            return Err(Problem {
                file: file.to_string(),
                line: 1,
                field: "Year".into(),
                message: "the file has no Year column and its name gives no year: name it like 2024LokSabha.csv".into(),
            });
        }
        Ok(())
    }

    fn read(&self, file: &str, shape: &mut Shape, r: &Row) -> Result<Candidate, Vec<Problem>> {
        if shape.assembly {
            assembly_row(file, r)
        } else {
            lok_sabha_row(file, r, shape.has_year, shape.file_year)
        }
    }

    fn build(&self, file: &str, rows: Vec<Candidate>, batch: &mut Batch) {
        candidates::build(file, "india-votes", SOURCE_ID, rows, batch);
    }
}

fn is_assembly(header: &[String]) -> bool {
    header.first().map(String::as_str) == Some("election_year")
}

/// A year in a file name: `2024LokSabha.csv` → 2024.
fn year_in_name(file: &str) -> Option<u16> {
    let name = clean::file_name(file);
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let w = &bytes[i..i + 4];
        let before = i == 0 || !bytes[i - 1].is_ascii_digit();
        let after = bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        if before && after && w.iter().all(u8::is_ascii_digit) {
            names::year(std::str::from_utf8(w).ok()?).ok()
        } else {
            None
        }
    })
}

fn count(file: &str, r: &Row, field: &str, problems: &mut Vec<Problem>) -> Option<u64> {
    let raw = r.raw(field);
    match clean::number(raw) {
        Ok(n) => n,
        Err(m) => {
            problems.push(r.problem(file, field, m));
            None
        }
    }
}

fn lok_sabha_row(
    file: &str,
    r: &Row,
    has_year: bool,
    file_year: Option<u16>,
) -> Result<Candidate, Vec<Problem>> {
    let mut problems = Vec::new();
    let c = candidates::entrant(
        file,
        r,
        ["Candidate", "Party", "Constituency"],
        &mut problems,
    );
    let year = if has_year {
        names::year(r.raw("Year"))
            .map_err(|m| problems.push(r.problem(file, "Year", m)))
            .ok()
    } else {
        file_year
    };
    let state = Place::from_name(r.raw("State"));
    if state.is_none() {
        problems.push(r.problem(file, "State", "is empty"));
    }
    let raw_votes = r.raw("Votes");
    let mut uncontested = false;
    let votes = if raw_votes.trim().to_lowercase().starts_with("unconteste") {
        uncontested = true;
        Votes::Uncontested
    } else {
        match count(file, r, "Votes", &mut problems) {
            Some(total) => Votes::Counted {
                total,
                evm: None,
                postal: None,
            },
            None => Votes::Unknown,
        }
    };
    match (year, state) {
        (Some(year), Some(state)) if problems.is_empty() => {
            let mut c = Candidate::new(r.line, ElectionKey::general(House::LokSabha, year), c);
            if uncontested {
                c.original
                    .insert("votes".to_string(), raw_votes.to_string());
            }
            Ok(Candidate {
                state: Some(state),
                votes,
                ..c
            })
        }
        _ => Err(problems),
    }
}

fn assembly_row(file: &str, r: &Row) -> Result<Candidate, Vec<Problem>> {
    let mut problems = Vec::new();
    let c = candidates::entrant(
        file,
        r,
        ["candidate", "party", "constituency"],
        &mut problems,
    );
    let year = names::year(r.raw("election_year"))
        .map_err(|m| problems.push(r.problem(file, "election_year", m)))
        .ok();
    let raw_state = r.raw("election_state");
    let state = states::by_code(raw_state);
    if state.is_none() {
        problems.push(r.problem(
            file,
            "election_state",
            format!(
                "`{}` is not a state code (such as UP, HR)",
                raw_state.trim()
            ),
        ));
    }
    let kind = names::tidy(r.raw("election_type")).to_lowercase();
    let lok_sabha = match kind.as_str() {
        "assembly" | "vidhan sabha" | "vidhansabha" | "ac" => Some(false),
        "lok sabha" | "loksabha" | "parliament" | "general" | "pc" => Some(true),
        _ => {
            problems.push(r.problem(
                file,
                "election_type",
                format!("`{kind}` is neither `Assembly` nor `Lok Sabha`"),
            ));
            None
        }
    };
    let evm = count(file, r, "evm_votes", &mut problems);
    let postal = count(file, r, "postal_votes", &mut problems);
    let votes = match (evm, postal) {
        (None, None) => Votes::Unknown,
        (e, p) => Votes::Counted {
            total: e.unwrap_or(0) + p.unwrap_or(0),
            evm: e,
            postal: p,
        },
    };
    match (year, state, lok_sabha) {
        (Some(year), Some(state), Some(ls)) if problems.is_empty() => {
            let house = if ls {
                House::LokSabha
            } else {
                House::VidhanSabha(state.clone())
            };
            Ok(Candidate {
                state: Some(state),
                number: Some(clean::slug(r.raw("constituency_no"))).filter(|n| !n.is_empty()),
                votes,
                ..Candidate::new(r.line, ElectionKey::general(house, year), c)
            })
        }
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::dataset::Dataset;
    use crate::model::{Candidacy, Outcome, Record};
    use std::collections::BTreeMap;

    fn parse(file: &str, text: &str) -> Batch {
        Results.parse(file, text)
    }

    fn is_header(line: &str) -> bool {
        Dataset::recognise(&Results, "f.csv", line).is_some()
    }

    const LS_HEADER: &str =
        "\"State\";\"Constituency\";\"Party\";\"Candidate\";\"Votes\";\"State ID\";\"Constituency ID\"\n";
    const AS_HEADER: &str = "election_year,election_type,election_state,constituency,constituency_no,serial_no,candidate,party,evm_votes,postal_votes\n";

    fn candidacies(b: &Batch) -> Vec<&Candidacy> {
        b.records
            .iter()
            .filter_map(|p| match &p.record {
                Record::Candidacy(c) => Some(c),
                _ => None,
            })
            .collect()
    }

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
        let b = parse("data/2024LokSabha.csv", &text);
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
        let b = parse("2024Assembly-HR.csv", &text);
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
        let b = parse("2025Assembly-BR.csv", &text);
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
        let b = parse("t.csv", &text);
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
        let b = parse("2024LokSabha.csv", &text);
        assert!(b.problems.is_empty(), "{:?}", b.problems);
        let c = candidacies(&b);
        assert_eq!(
            (c[0].votes, c[0].rank, c[0].result),
            (None, Some(1), Some(Outcome::Won))
        );
        assert_eq!(c[0].note.get("en"), Some("Elected unopposed"));
    }

    #[test]
    fn bad_rows_are_problems_naming_line_and_column() {
        let text = format!(
            "{AS_HEADER}2024,Assembly,XX,KALKA,1,1,A,P,12,1\n2024,Assembly,HR,KALKA,1,2,B,P,many,1\n2024,Senate,HR,KALKA,1,3,,P,1,1\n2024,Assembly,HR\n"
        );
        let b = parse("2024Assembly-HR.csv", &text);
        let got: Vec<(usize, &str)> = b
            .problems
            .iter()
            .map(|p| (p.line, p.field.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (2, "election_state"),
                (3, "evm_votes"),
                (4, "candidate"),
                (4, "election_type"),
                (5, "")
            ]
        );
        assert!(b.records.is_empty());
    }

    #[test]
    fn a_lok_sabha_file_needs_a_year() {
        let text =
            format!("{LS_HEADER}\"Goa\";\"North Goa\";\"INC\";\"A B\";\"5\";\"S05\";\"1\"\n");
        let b = parse("results.csv", &text);
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
        assert!(is_header(LS_HEADER));
        assert!(is_header("State,Constituency,Party,Candidate,Votes"));
        assert!(is_header(AS_HEADER));
        assert!(is_header(&AS_HEADER.replace(',', ";")));
        assert!(!is_header("Candidate;Party;Criminal Cases"));
    }
}
