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

use super::india::{self, ElectionKey, House, Ids, Place};
use super::table::{self, Table};
use super::{clean, Batch, Parsed};
use crate::domain::parties;
use crate::error::Problem;
use crate::model::{Candidacy, Names, Outcome, Person, Record, Source};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The id of the dataset's source record, cited by every record the importer makes.
pub const SOURCE_ID: &str = "src-india-votes";

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

fn starts_with(found: &[String], columns: &[&str]) -> bool {
    found.len() >= columns.len() && found.iter().zip(columns).all(|(f, c)| f == c)
}

/// Whether a header line is this format's (either shape, either separator).
pub fn is_header(first_line: &str) -> bool {
    let columns = table::header(first_line);
    starts_with(&columns, LOK_SABHA_COLUMNS) || starts_with(&columns, &ASSEMBLY_COLUMNS[..4])
}

/// The dataset's source record; `file` is the name of the file read.
pub fn source_record(file: &str) -> Source {
    Source {
        id: SOURCE_ID.into(),
        title: "Election results with votes: 2024 Lok Sabha and state assemblies 2024–2026 (india-votes-data)".into(),
        publisher: Some("India Votes Data (india-votes-data), from Election Commission of India results".into()),
        url: Some("https://github.com/thecont1/india-votes-data".into()),
        date: None,
        language: Some("en".into()),
        licence: Some("MIT License, © 2024 India Votes Data".into()),
        file: Some(clean::file_name(file)),
        text: None,
    }
}

/// How a row's votes were given.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Votes {
    Counted {
        total: u64,
        evm: Option<u64>,
        postal: Option<u64>,
    },
    Uncontested,
    Unknown,
}

impl Votes {
    fn total(self) -> Option<u64> {
        match self {
            Votes::Counted { total, .. } => Some(total),
            _ => None,
        }
    }
}

struct Row {
    line: usize,
    election: ElectionKey,
    state: Place,
    constituency: String,
    /// The constituency's number, when the file gives it (`constituency_no`).
    number: Option<String>,
    name: String,
    aliases: Vec<String>,
    party: Option<crate::model::Organization>,
    nota: bool,
    votes: Votes,
    original: BTreeMap<String, String>,
}

/// Parses an india-votes results file. Every problem is collected, each naming the
/// CSV line and the column; rows with problems are left out.
pub fn parse(file: &str, text: &str) -> Batch {
    let mut batch = Batch::default();
    let columns = table::header(text);
    let assembly = columns.first().map(String::as_str) == Some("election_year");
    let required = if assembly {
        ASSEMBLY_COLUMNS
    } else {
        LOK_SABHA_COLUMNS
    };
    let Some(table) = Table::read(file, text, required, &mut batch.problems) else {
        return batch;
    };
    let file_year = year_in_name(file);
    let has_year = table.has_column("Year");
    if !assembly && !has_year && file_year.is_none() && !table.is_empty() {
        batch.problems.push(Problem {
            file: file.to_string(),
            line: 1,
            field: "Year".into(),
            message: "the file has no Year column and its name gives no year: name it like 2024LokSabha.csv".into(),
        });
        return batch;
    }
    let mut rows = Vec::with_capacity(table.len());
    for row in table.rows() {
        let row = if assembly {
            assembly_row(file, &row)
        } else {
            lok_sabha_row(file, &row, has_year, file_year)
        };
        match row {
            Ok(row) => rows.push(row),
            Err(mut problems) => batch.problems.append(&mut problems),
        }
    }
    if rows.is_empty() {
        return batch;
    }
    batch.default_record(file, 1, Record::Source(source_record(file)));

    // Rows by seat, in file order, to rank them.
    // Seats are told apart by number where the file gives one: Bihar has two
    // Kalyanpurs and two Pipras, West Bengal two Bishnupurs.
    let seat_of = |r: &Row| {
        let seat = india::seat_slug(&r.election.house, Some(&r.state), &r.constituency);
        let seat = match &r.number {
            Some(n) => format!("{n}-{seat}"),
            None => seat,
        };
        (r.election.id(), seat)
    };
    let seat_keys: Vec<(String, String)> = rows.iter().map(seat_of).collect();
    let mut names: Vec<String> = rows.iter().map(|r| r.constituency.clone()).collect();
    let before = india::qualify_shared_names(&seat_keys, &mut names, |i| {
        let r = &rows[i];
        match r.election.house {
            House::LokSabha => Some(r.state.en.clone()),
            House::VidhanSabha(_) => r.number.clone(),
        }
    });
    for ((r, name), before) in rows.iter_mut().zip(names).zip(before) {
        if let Some(b) = before {
            r.original.entry("constituency".into()).or_insert(b);
        }
        r.constituency = name;
    }
    let mut seats: HashMap<&(String, String), Vec<usize>> = HashMap::new();
    for (i, key) in seat_keys.iter().enumerate() {
        seats.entry(key).or_default().push(i);
    }
    let mut outcome: Vec<(Option<u32>, Option<Outcome>, Names)> =
        vec![(None, None, Names::default()); rows.len()];
    for members in seats.values() {
        rank_seat(&rows, members, &mut outcome);
    }

    let mut ids = Ids::default();
    let mut made: HashSet<String> = HashSet::new();
    batch.records.reserve(rows.len() * 2);
    for ((row, (rank, result, note)), (election_id, seat)) in
        rows.into_iter().zip(outcome).zip(seat_keys)
    {
        if made.insert(election_id.clone()) {
            row.election
                .add_defaults(&mut batch, file, row.line, SOURCE_ID);
        }
        let party = row.party.map(|p| {
            let id = p.id.clone();
            if made.insert(id.clone()) {
                batch.default_record(file, row.line, Record::Organization(p));
            }
            id
        });
        let (person, candidacy_id) = if row.nota {
            if made.insert(india::NOTA_PERSON.into()) {
                batch.default_record(
                    file,
                    row.line,
                    Record::Person(india::nota_person(SOURCE_ID)),
                );
            }
            (
                india::NOTA_PERSON.to_string(),
                ids.unique(format!("nota--{election_id}--{seat}")),
            )
        } else {
            let id = ids.unique(format!(
                "india-votes-{election_id}-{seat}-{}",
                india::name_slug(&row.name)
            ));
            push(
                &mut batch,
                file,
                row.line,
                Record::Person(Person {
                    id: id.clone(),
                    name: Names::new([("en", row.name.as_str())]),
                    aliases: row.aliases,
                    gender: None,
                    birth_date: None,
                    birth_place: None,
                    home_district: None,
                    home_state: None,
                    services: Vec::new(),
                    summary: Names::default(),
                    identifiers: Default::default(),
                    sources: vec![SOURCE_ID.into()],
                    ..Default::default()
                }),
            );
            let candidacy = format!("{id}--{election_id}");
            (id, candidacy)
        };
        let mut vote_breakdown = BTreeMap::new();
        if let Votes::Counted { evm, postal, .. } = row.votes {
            vote_breakdown.extend(evm.map(|v| ("evm".to_string(), v)));
            vote_breakdown.extend(postal.map(|v| ("postal".to_string(), v)));
        }
        push(
            &mut batch,
            file,
            row.line,
            Record::Candidacy(Candidacy {
                id: candidacy_id,
                person,
                election: election_id,
                party,
                constituency: Some(Names::new([("en", row.constituency.as_str())])),
                votes: row.votes.total(),
                vote_breakdown,
                result,
                rank,
                affidavit: None,
                note,
                original: row.original,
                sources: vec![SOURCE_ID.into()],
                ..Default::default()
            }),
        );
    }
    batch
}

fn push(batch: &mut Batch, file: &str, line: usize, record: Record) {
    batch.records.push(Parsed {
        file: file.to_string(),
        line,
        record,
    });
}

/// Ranks the candidates of one seat by votes (ties share a rank) and gives the
/// result: the single candidate with the most votes won, the others lost.
fn rank_seat(rows: &[Row], members: &[usize], out: &mut [(Option<u32>, Option<Outcome>, Names)]) {
    let contenders: Vec<(usize, u64)> = members
        .iter()
        .filter(|&&i| !rows[i].nota)
        .filter_map(|&i| rows[i].votes.total().map(|v| (i, v)))
        .collect();
    for &i in members {
        if rows[i].votes == Votes::Uncontested {
            out[i] = (
                Some(1),
                Some(Outcome::Won),
                Names::new([("en", "Elected unopposed"), ("hi", "निर्विरोध निर्वाचित")]),
            );
        }
    }
    let top = contenders.iter().map(|&(_, v)| v).max().unwrap_or(0);
    if top == 0 {
        // Nobody polled a vote: the poll was not held or not counted.
        return;
    }
    let tied = contenders.iter().filter(|&&(_, v)| v == top).count() > 1;
    for &(i, v) in &contenders {
        let rank = 1 + contenders.iter().filter(|&&(_, w)| w > v).count() as u32;
        let (result, note) = match (v == top, tied) {
            (true, false) => (Some(Outcome::Won), Names::default()),
            (true, true) => (
                None,
                Names::new([
                    (
                        "en",
                        "Tied for the most votes: the returning officer draws lots, and this dataset does not say who won.",
                    ),
                    (
                        "hi",
                        "सबसे अधिक वोटों में बराबरी: विजेता लॉटरी से तय होता है, और यह डेटा नहीं बताता कि कौन जीता।",
                    ),
                ]),
            ),
            (false, _) => (Some(Outcome::Lost), Names::default()),
        };
        out[i] = (Some(rank), result, note);
    }
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
            india::year(std::str::from_utf8(w).ok()?).ok()
        } else {
            None
        }
    })
}

/// Fields every row shape shares: candidate, party, constituency.
struct Common {
    name: String,
    aliases: Vec<String>,
    party: Option<crate::model::Organization>,
    nota: bool,
    constituency: String,
    original: BTreeMap<String, String>,
}

fn common(file: &str, r: &table::Row, columns: [&str; 3], problems: &mut Vec<Problem>) -> Common {
    let [candidate, party, constituency] = columns;
    let raw_name = r.raw(candidate);
    let raw_party = r.raw(party);
    let nota = india::is_nota(raw_name, raw_party);
    let (name, aliases) = india::candidate_name(raw_name);
    if name.is_empty() {
        problems.push(r.problem(file, candidate, "is empty: every row names its candidate"));
    }
    let mut original = BTreeMap::new();
    if clean::text(raw_party).is_some() {
        original.insert("party".to_string(), raw_party.to_string());
    }
    let raw_constituency = r.raw(constituency);
    let display = india::constituency_name(raw_constituency);
    if display.is_empty() {
        problems.push(r.problem(file, constituency, "is empty"));
    } else if display != raw_constituency {
        original.insert("constituency".to_string(), raw_constituency.to_string());
    }
    Common {
        name,
        aliases,
        party: if nota {
            parties::party_record("NOTA", None)
        } else {
            parties::party_record(raw_party, Some(SOURCE_ID))
        },
        nota,
        constituency: display,
        original,
    }
}

fn count(file: &str, r: &table::Row, field: &str, problems: &mut Vec<Problem>) -> Option<u64> {
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
    r: &table::Row,
    has_year: bool,
    file_year: Option<u16>,
) -> Result<Row, Vec<Problem>> {
    let line = r.line;
    let mut problems = Vec::new();
    let c = common(
        file,
        r,
        ["Candidate", "Party", "Constituency"],
        &mut problems,
    );
    let mut original = c.original;
    let year = if has_year {
        india::year(r.raw("Year"))
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
    let votes = if raw_votes.trim().to_lowercase().starts_with("unconteste") {
        original.insert("votes".to_string(), raw_votes.to_string());
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
        (Some(year), Some(state)) if problems.is_empty() => Ok(Row {
            line,
            election: ElectionKey::general(House::LokSabha, year),
            state,
            constituency: c.constituency,
            number: None,
            name: c.name,
            aliases: c.aliases,
            party: c.party,
            nota: c.nota,
            votes,
            original,
        }),
        _ => Err(problems),
    }
}

fn assembly_row(file: &str, r: &table::Row) -> Result<Row, Vec<Problem>> {
    let line = r.line;
    let mut problems = Vec::new();
    let c = common(
        file,
        r,
        ["candidate", "party", "constituency"],
        &mut problems,
    );
    let year = india::year(r.raw("election_year"))
        .map_err(|m| problems.push(r.problem(file, "election_year", m)))
        .ok();
    let raw_state = r.raw("election_state");
    let state = india::state_by_code(raw_state);
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
    let kind = india::tidy(r.raw("election_type")).to_lowercase();
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
        (Some(year), Some(state), Some(ls)) if problems.is_empty() => Ok(Row {
            line,
            election: ElectionKey::general(
                if ls {
                    House::LokSabha
                } else {
                    House::VidhanSabha(state.clone())
                },
                year,
            ),
            state,
            constituency: c.constituency,
            number: Some(clean::slug(r.raw("constituency_no"))).filter(|n| !n.is_empty()),
            name: c.name,
            aliases: c.aliases,
            party: c.party,
            nota: c.nota,
            votes,
            original: c.original,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
                (5, ""),
                (2, "election_state"),
                (3, "evm_votes"),
                (4, "candidate"),
                (4, "election_type")
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
