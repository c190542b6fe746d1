//! The `tcpd-lokdhaba` format: TCPD's Lok Dhaba election results with person ids —
//! the incumbency files (`ge-incumbency-17.csv`, `up-incumbency-18.csv`, with the
//! `*-party-expanded.csv` party names) and TCPD's full download (one file per
//! house, about 47 columns, NOTA rows included). Columns are read by name, so both
//! shapes read alike; `Deposit_Lost`, `Age`, `Constituency_No` and `Valid_Votes`
//! are used when present.
//!
//! The incumbency files are cumulative by person: file N holds every row, up to
//! election N, of everyone who stood in election N, so one candidacy is in many
//! files with different running counts (`Contested`, `Terms`). A house's data set
//! is the union of its files. A candidacy is known by what it says — house,
//! `Assembly_No`, `Poll_No`, `Year`, state, constituency, `Position`, candidate,
//! party and votes — not by its `pid` (TCPD gave one pid to two candidates of one
//! seat 22 times), and the copy in the highest-numbered file is kept (the full
//! download, which has no number, over all of them).
//!
//! Every kept row is one person record (a mention; nothing is merged on `pid`,
//! which is kept as the identifier `tcpd_pid` so identity can be resolved, and
//! measured, apart) and one candidacy with TCPD's votes, position, vote share,
//! margin, deposit, seat type and age. Where `Deposit_Lost` is absent it is derived:
//! lost with under a sixth of the valid votes (the vote share when `Valid_Votes`
//! is absent), never by the winner.
//!
//! Elections meet other importers' ids: a general election is its house's term
//! (`Assembly_No`) and that term's first year (`lok-sabha-1984` also for Assam's and
//! Punjab's polls of 1985; `vidhan-sabha-uttar-pradesh-1985`); a bye-election
//! (`Poll_No` > 0, and the Lok Sabha rows of 2020 on) is its own election,
//! `lok-sabha-1967-bye-election-1970`. An assembly's first year is the earliest
//! year of its general-election rows (of its bye-elections when a file has none).

mod row;

use super::india::{self, ElectionKey, House, Ids};
use super::table::Table;
use super::{clean, Batch, Parsed};
use crate::domain::{key, parties};
use crate::model::{Candidacy, Names, Organization, Outcome, PartialDate, Person, Record, Source};
use row::{Relative, Row};
use std::collections::{HashMap, HashSet};

/// The id of the dataset's source record.
pub const SOURCE_ID: &str = "src-tcpd-lokdhaba";

/// The Lok Sabha's general elections by term (the 8th's polls in Assam and Punjab
/// were held in 1985, the 10th's in Punjab in 1992).
const LOK_SABHA_YEARS: [u16; 18] = [
    1951, 1957, 1962, 1967, 1971, 1977, 1980, 1984, 1989, 1991, 1996, 1998, 1999, 2004, 2009, 2014,
    2019, 2024,
];

/// Whether `text` is a file of this dataset: results with TCPD's columns, or a
/// party list (`Party,Expanded_Party_Name`).
pub fn detect(text: &str) -> bool {
    is_party_list(text) || super::table::has_columns(text, row::REQUIRED)
}

fn is_party_list(text: &str) -> bool {
    super::table::has_columns(text, &["Party", "Expanded_Party_Name"])
}

/// The dataset's source record.
pub fn source_record() -> Source {
    Source {
        id: SOURCE_ID.into(),
        title: "TCPD Indian Elections Data v2.0 (Lok Dhaba), with the TCPD Individual Incumbency Dataset 1962-current".into(),
        publisher: Some("Trivedi Centre for Political Data (TCPD), Ashoka University: Agarwal, Agrawal, Bhogale, Hangal, Jensenius, Kumar, Narayan, Nissa, Trivedi, Verniers (2021)".into()),
        url: Some("https://lokdhaba.ashoka.edu.in".into()),
        date: None,
        language: Some("en".into()),
        licence: Some("TCPD terms: non-commercial use, cite \"TCPD Indian Elections Data v2.0\"; no endorsement implied".into()),
        file: None,
        text: None,
    }
}

/// The number a file's name ends in (`up-incumbency-18.csv` → 18): later files'
/// copies win. A file without one (the full download) wins over all.
fn file_number(file: &str) -> u32 {
    let name = clean::file_name(file);
    let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
    let digits: String = stem
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let dashed = stem.len() > digits.len() && stem[..stem.len() - digits.len()].ends_with('-');
    match digits.parse() {
        Ok(n) if dashed => n,
        _ => u32::MAX,
    }
}

/// What goes before `-incumbency-` or `-party-expanded` (`up`), naming the party
/// list a data file uses.
fn prefix(file: &str) -> String {
    let name = clean::file_name(file).to_lowercase();
    name.split('-').next().unwrap_or("").to_string()
}

/// Reads the files of the dataset together (the union needs them all); `files`
/// are (name, text) pairs.
pub fn parse_files(files: &[(String, String)]) -> Batch {
    let mut batch = Batch::default();
    // Party lists by prefix: abbreviations mean different parties in different
    // states (`SAP` is the Samata Party in one, the Social Action Party in another).
    let mut lists: HashMap<String, HashMap<String, String>> = HashMap::new();
    let mut data: Vec<&(String, String)> = Vec::new();
    for f in files {
        if is_party_list(&f.1) {
            let Some(t) = Table::read(&f.0, &f.1, &[], &mut batch.problems) else {
                continue;
            };
            let list = lists.entry(prefix(&f.0)).or_default();
            for r in t.rows() {
                if let (Some(a), Some(e)) = (r.text("Party"), r.text("Expanded_Party_Name")) {
                    list.entry(key(&a)).or_insert(e);
                }
            }
        } else {
            data.push(f);
        }
    }
    // Highest number first, so the first copy of a candidacy met is the one kept.
    data.sort_by(|a, b| (file_number(&b.0), &b.0).cmp(&(file_number(&a.0), &a.0)));
    let mut seen: HashSet<String> = HashSet::new();
    let mut rows: Vec<(usize, Row)> = Vec::new();
    for (i, (file, text)) in data.iter().enumerate() {
        let Some(table) = Table::read(file, text, row::REQUIRED, &mut batch.problems) else {
            continue;
        };
        for r in table.rows() {
            let lok_sabha = row::is_lok_sabha(file, r.raw("Election_Type"));
            if india::is_nota(r.raw("Candidate"), r.raw("Party")) {
                batch.skip("NOTA rows (not a candidate)");
                continue;
            }
            // The content, fields apart by a separator no field holds.
            let mut k = if lok_sabha {
                String::from("ge")
            } else {
                key(r.raw("State_Name"))
            };
            for c in row::REQUIRED {
                k.push('\u{1f}');
                k.push_str(r.raw(c).trim());
            }
            if seen.contains(&k) {
                batch.skip("copies of a candidacy kept from a later file");
                continue;
            }
            match row::read(file, &r, lok_sabha) {
                Ok(row) => rows.push((i, row)),
                Err(mut p) => batch.problems.append(&mut p),
            }
            seen.insert(k);
        }
    }
    if rows.is_empty() {
        return batch;
    }
    drop(seen);
    batch.default_record(
        &data[rows[0].0].0,
        rows[0].1.line,
        Record::Source(source_record()),
    );
    let keys = election_keys(&rows);
    build(&mut batch, &data, rows, keys, &lists);
    batch
}

/// Each row's election: see the module doc.
fn election_keys(rows: &[(usize, Row)]) -> Vec<ElectionKey> {
    let mut first: HashMap<(String, u16), (u16, u16)> = HashMap::new();
    for (_, r) in rows {
        let e = first
            .entry((r.house.body_id(), r.assembly))
            .or_insert((u16::MAX, u16::MAX));
        if r.is_bye() {
            e.1 = e.1.min(r.year);
        } else {
            e.0 = e.0.min(r.year);
        }
    }
    rows.iter()
        .map(|(_, r)| {
            let (general, any) = first[&(r.house.body_id(), r.assembly)];
            let year = match r.house {
                House::LokSabha if (1..=18).contains(&r.assembly) => {
                    LOK_SABHA_YEARS[usize::from(r.assembly) - 1]
                }
                _ if general != u16::MAX => general,
                _ => any.min(r.year),
            };
            ElectionKey {
                house: r.house.clone(),
                year,
                bye: r.is_bye().then_some(Some(PartialDate::year(r.year))),
            }
        })
        .collect()
}

/// A party as the files write it, through the house's list of full names to the
/// built-in table (`SP` → `Samajwadi Party`, the same record as `सपा`).
fn party(written: &str, list: Option<&HashMap<String, String>>) -> Option<Organization> {
    let full = list.and_then(|l| l.get(&key(written)));
    if let Some(full) = full.filter(|f| parties::known_id(f).is_some()) {
        return parties::party_record(full, None);
    }
    if parties::known_id(written).is_some() {
        return parties::party_record(written, None);
    }
    let mut org = parties::party_record(full.map_or(written, String::as_str), Some(SOURCE_ID))?;
    if full.is_some() {
        org.aliases.push(written.to_string());
    }
    Some(org)
}

fn build(
    batch: &mut Batch,
    data: &[&(String, String)],
    rows: Vec<(usize, Row)>,
    keys: Vec<ElectionKey>,
    lists: &HashMap<String, HashMap<String, String>>,
) {
    // Seats by name, not `Constituency_No` (which only the full download has), so
    // both shapes give one id. A poll after the first in one election is a seat of
    // its own (Fatehpur, Uttar Pradesh, had two bye-elections in 2014).
    let seat_of = |r: &Row| {
        let mut seat = india::seat_slug(&r.house, Some(&r.state), &r.constituency);
        if r.poll > 1 {
            seat.push_str(&format!("-poll-{}", r.poll));
        }
        seat
    };
    let mut order: Vec<(String, String, u32, usize)> = rows
        .iter()
        .zip(&keys)
        .enumerate()
        .map(|(i, ((_, r), k))| (k.id(), seat_of(r), r.position.unwrap_or(u32::MAX), i))
        .collect();
    // File order does not decide ids: rows go by election, seat and position.
    order.sort();
    let seats: Vec<(String, String)> = order.iter().map(|o| (o.0.clone(), o.1.clone())).collect();
    let mut names: Vec<String> = order
        .iter()
        .map(|o| rows[o.3].1.constituency.clone())
        .collect();
    let before = india::qualify_shared_names(&seats, &mut names, |i| {
        let r = &rows[order[i].3].1;
        match (&r.house, r.poll) {
            (House::LokSabha, _) => Some(r.state.en.clone()),
            (_, p) if p > 0 => Some(format!("poll {p}")),
            _ => r.number.clone(),
        }
    });
    let mut rows: Vec<Option<(usize, Row)>> = rows.into_iter().map(Some).collect();
    let mut ids = Ids::default();
    let mut made: HashSet<String> = HashSet::new();
    batch.records.reserve(order.len() * 2);
    for (((election, seat, _, i), constituency), before) in order.into_iter().zip(names).zip(before)
    {
        let Some((f, r)) = rows[i].take() else {
            continue;
        };
        let file = data[f].0.as_str();
        let key = &keys[i];
        if made.insert(election.clone()) {
            key.add_defaults(batch, file, r.line, SOURCE_ID);
        }
        let org = r.party.as_deref().and_then(|p| {
            party(
                p,
                lists
                    .get(&prefix(file))
                    .or_else(|| lists.get("ge").filter(|_| r.house == House::LokSabha)),
            )
        });
        let party_id = org.map(|o| {
            let id = o.id.clone();
            if made.insert(id.clone()) {
                batch.default_record(file, r.line, Record::Organization(o));
            }
            id
        });
        let id = ids.unique(format!(
            "tcpd-{election}-{seat}-{}",
            india::name_slug(&r.name)
        ));
        let mut person = Person::named(id.clone(), "en", &r.name, SOURCE_ID);
        person.aliases = r.aliases;
        person.gender = r.gender;
        if let Some(pid) = r.pid {
            person.identifiers.insert("tcpd_pid".into(), pid);
        }
        match r.relative {
            Some(Relative::Father(f)) => person.father = Some(Names::new([("en", f.as_str())])),
            Some(Relative::Husband(h)) => {
                person.summary = Names::new([(
                    "en",
                    format!("Wife of {h}, as TCPD's results write her name.").as_str(),
                )])
            }
            None => {}
        }
        let mut original = r.original;
        if r.written != r.name {
            original.insert("candidate".into(), r.written);
        }
        if let Some(p) = &r.party {
            original.insert("party".into(), p.clone());
        }
        if let Some(b) = before {
            original.entry("constituency".into()).or_insert(b);
        }
        if key.bye.is_none() && r.year != key.year {
            original.insert("year".into(), r.year.to_string());
        }
        let candidacy = Candidacy {
            id: format!("{id}--{election}"),
            person: id,
            election,
            party: party_id,
            constituency: Some(Names::new([("en", constituency.as_str())])),
            votes: r.votes,
            result: r
                .position
                .map(|p| if p == 1 { Outcome::Won } else { Outcome::Lost }),
            rank: r.position,
            share: r.share,
            margin: r.margin,
            deposit_lost: r.deposit_lost,
            seat_type: r.seat_type,
            age: r.age,
            original,
            sources: vec![SOURCE_ID.into()],
            ..Default::default()
        };
        for record in [Record::Person(person), Record::Candidacy(candidacy)] {
            batch.records.push(Parsed {
                file: file.to_string(),
                line: r.line,
                record,
            });
        }
    }
}

#[cfg(test)]
mod tests;
