//! The `adr` format: candidate affidavit summaries from ADR / MyNeta, as compiled by
//! Vonter/india-election-affidavits (ODbL 1.0; credit the Association for Democratic
//! Reforms). One row per candidate per election: `Candidate; Party; Criminal Cases;
//! Education; Age; Total Assets; Liabilities; Winner; Constituency; State; District;
//! Year; House; Comment`, `;`- or `,`-separated, quoted or not.
//!
//! Each row becomes a person (one per row: the same politician in another year is
//! another record, linked later by `duplicates`/`merge`, never merged silently) and a
//! candidacy carrying the affidavit; elections, legislatures and parties are default
//! records, created only when absent. Quirks handled here:
//! - `Year` is the legislature's term; rows whose `Comment` says `BYE ELECTION ON
//!   30-10-2021` are bye-elections held during it, kept as elections of their own
//!   (`…-2021-bye-election-2021-10-30`). `BEFORE BYE-ELECTION` marks the general election.
//! - A constituency with no `Winner = Yes` at all (the 2024 Lok Sabha rows were scraped
//!   before counting) has no known result, not a field of losers.
//! - Age `0` means not given; an impossible age (`546`) is dropped and kept in `original`.
//! - Amounts may be written `Rs 2,06,54,961 ~ 2 Crore+`; the part before `~` counts.
//! - The source's scraper stripped the letters of `Winner` from both ends of mixed-case
//!   names (`Ramji Lal Suma`, `akil Ahmad` for Wakil): that cannot be undone here, so
//!   the name is kept as written.

use crate::domain::legislatures::{ElectionKey, House};
use crate::domain::states::Place;
use crate::error::Problem;
use crate::import::build::candidates::{self, Candidate};
use crate::import::build::names;
use crate::import::clean;
use crate::import::dataset::{starts_with, Cite, Csv};
use crate::import::sources;
use crate::import::table::Row;
use crate::import::Batch;
use crate::model::{Affidavit, PartialDate};
use std::collections::{BTreeMap, HashMap};

/// The dataset: `--format adr`.
pub struct Adr;

/// The id of the dataset's source record, cited by every record the importer makes.
pub const SOURCE_ID: &str = Adr::SOURCE.id;

/// The columns a file must have.
const REQUIRED: &str =
    "Candidate,Party,Criminal Cases,Education,Age,Total Assets,Liabilities,Winner,Constituency,State,Year,House";

impl Csv for Adr {
    const NAME: &'static str = "adr";
    const ABOUT: &'static str = "ADR / MyNeta candidate affidavits (CSV)";
    const SOURCE: Cite = sources::ADR;
    type Row = Candidate;
    /// States already looked up: a file names a few dozen in tens of thousands of rows.
    type File = HashMap<String, Option<Place>>;

    fn recognise(&self, header: &[String]) -> bool {
        starts_with(header, "Candidate,Party,Criminal Cases")
    }

    fn required(&self, _header: &[String]) -> &'static str {
        REQUIRED
    }

    fn read(
        &self,
        file: &str,
        places: &mut Self::File,
        r: &Row,
    ) -> Result<Candidate, Vec<Problem>> {
        read_row(file, r, places)
    }

    fn build(&self, file: &str, rows: Vec<Candidate>, batch: &mut Batch) {
        candidates::build(file, "adr", SOURCE_ID, rows, batch);
    }
}

fn place(places: &mut HashMap<String, Option<Place>>, raw: &str) -> Option<Place> {
    places
        .entry(raw.to_string())
        .or_insert_with(|| Place::from_name(raw))
        .clone()
}

fn read_row(
    file: &str,
    r: &Row,
    places: &mut HashMap<String, Option<Place>>,
) -> Result<Candidate, Vec<Problem>> {
    let mut problems = Vec::new();
    let entrant = candidates::entrant(file, r, "Candidate,Party,Constituency", &mut problems);
    let mut original = BTreeMap::new();
    let mut bad = |field: &str, message: String| problems.push(r.problem(file, field, message));

    let year = names::year(r.raw("Year")).map_err(|m| bad("Year", m)).ok();
    let state = place(places, r.raw("State"));
    let raw_house = r.raw("House");
    let house = if names::tidy(raw_house).eq_ignore_ascii_case("lok sabha") {
        if state.is_none() {
            bad(
                "State",
                "is empty: a Lok Sabha row needs the constituency's state".into(),
            );
        }
        Some(House::LokSabha)
    } else {
        match place(places, raw_house) {
            Some(p) => Some(House::VidhanSabha(p)),
            None => {
                bad(
                    "House",
                    "is empty: write `Lok Sabha` or the state of the Vidhan Sabha".into(),
                );
                None
            }
        }
    };

    let comment = clean::text(r.raw("Comment")).filter(|c| c != "No Comment");
    let bye = comment.as_deref().and_then(bye_election);
    if let Some(c) = comment {
        original.insert("comment".to_string(), c);
    }

    let mut whole = |field: &str| -> Option<u64> {
        let raw = r.raw(field);
        // `Rs 2,06,54,961 ~ 2 Crore+`: the approximation after `~` is not the amount.
        let exact = raw.split('~').next().unwrap_or("");
        match clean::number(exact) {
            Ok(n) => n,
            Err(m) => {
                bad(field, m);
                None
            }
        }
    };
    let criminal_cases = whole("Criminal Cases");
    let age = whole("Age");
    let assets = whole("Total Assets");
    let liabilities = whole("Liabilities");
    let criminal_cases = criminal_cases.and_then(|n| match u32::try_from(n) {
        Ok(n) => Some(n),
        Err(_) => {
            bad("Criminal Cases", format!("{n} is not a plausible count"));
            None
        }
    });
    // 0 is how the dataset writes "not given"; other impossible ages are typos,
    // kept as written rather than guessed at.
    let age = match age {
        Some(0) | None => None,
        Some(a) if (18..=120).contains(&a) => Some(a as u16),
        Some(_) => {
            original.insert("age".to_string(), r.raw("Age").trim().to_string());
            None
        }
    };

    let raw_winner = r.raw("Winner");
    let winner = match raw_winner.trim().to_lowercase().as_str() {
        "yes" | "y" | "won" | "winner" | "1" | "true" => Some(true),
        "no" | "n" | "lost" | "0" | "false" => Some(false),
        "" => None,
        other => {
            bad("Winner", format!("`{other}` is neither `Yes` nor `No`"));
            None
        }
    };

    let (Some(year), Some(house)) = (year, house) else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let election = ElectionKey {
        house,
        year,
        bye: bye.map(|d| d.filter(|d| d.year >= year)),
    };
    let affidavit = Affidavit {
        date: Some(election.date()),
        criminal_cases,
        education: clean::text(r.raw("Education")),
        age,
        assets,
        liabilities,
    };
    let mut c = Candidate::new(r.line, election, entrant);
    c.original.append(&mut original);
    Ok(Candidate {
        state,
        district: Some(names::tidy(r.raw("District"))),
        winner,
        affidavit: Some(affidavit),
        ..c
    })
}

/// Whether a comment marks a bye-election, and its date when the comment gives one
/// (`BYE ELECTION ON 03-11-2020`, `Bye Election 26-11-08`, `Bye - Election on
/// September 2009`, `Bye Election on 2010`). `BEFORE BYE-ELECTION` is the general
/// election of a seat that had a bye-election later.
pub fn bye_election(comment: &str) -> Option<Option<PartialDate>> {
    let lower = comment.to_lowercase();
    if !lower.contains("bye") || lower.contains("before") {
        return None;
    }
    Some(loose_date(&lower))
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A date from free text: `03-11-2020`, `26-11-08`, `15 september 2009`, `2010`.
fn loose_date(text: &str) -> Option<PartialDate> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let numbers: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let month_word = words.iter().find_map(|w| {
        MONTHS
            .iter()
            .position(|m| w.len() >= 3 && w.starts_with(m))
            .map(|i| i as u32 + 1)
    });
    let full_year = numbers
        .iter()
        .find(|n| n.len() == 4)
        .and_then(|n| n.parse().ok());
    let (year, month, day): (u32, Option<u32>, Option<u32>) = match month_word {
        Some(m) => {
            let day = numbers
                .iter()
                .find(|n| n.len() <= 2)
                .and_then(|n| n.parse().ok());
            (full_year?, Some(m), day)
        }
        None if numbers.len() >= 3 => {
            let n = &numbers[numbers.len() - 3..];
            let y: u32 = n[2].parse().ok()?;
            let y = match n[2].len() {
                2 => 2000 + y,
                4 => y,
                _ => return None,
            };
            (y, n[1].parse().ok(), n[0].parse().ok())
        }
        None => (full_year?, None, None),
    };
    let full = match (month, day) {
        (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{year:04}-{m:02}"),
        _ => format!("{year:04}"),
    };
    full.parse()
        .ok()
        .or_else(|| month.and_then(|m| format!("{year:04}-{m:02}").parse().ok()))
        .or_else(|| format!("{year:04}").parse().ok())
}

#[cfg(test)]
#[path = "tests/adr.rs"]
mod tests;
