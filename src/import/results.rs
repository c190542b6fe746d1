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

/// The columns of the 2024 Lok Sabha file and of the assembly files.
const LOK_SABHA_COLUMNS: &str = "State,Constituency,Party,Candidate,Votes";
const ASSEMBLY_COLUMNS: &str =
    "election_year,election_type,election_state,constituency,candidate,party,evm_votes,postal_votes";

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
        starts_with(header, LOK_SABHA_COLUMNS)
            || starts_with(
                header,
                "election_year,election_type,election_state,constituency",
            )
    }

    fn required(&self, header: &[String]) -> &'static str {
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
    let c = candidates::entrant(file, r, "Candidate,Party,Constituency", &mut problems);
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
    let c = candidates::entrant(file, r, "candidate,party,constituency", &mut problems);
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
#[path = "tests/results.rs"]
mod tests;
