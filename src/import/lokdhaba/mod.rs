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
//! year of its general-election rows (of its bye-elections when the files hold none).
//! Telangana's "assembly 0" (its seats in Andhra Pradesh's 2009 election and that
//! term's bye-elections) is read as Andhra Pradesh's 13th assembly.
//!
//! Rows become records through [`candidates::build`], after the union, in the order
//! of election, seat and TCPD's position, so ids do not depend on which files are
//! read or in what order. NOTA rows (the full download has them) are left out and
//! counted.

mod row;

use crate::domain::legislatures::{ElectionKey, House};
use crate::domain::states::Place;
use crate::domain::{key, parties};
use crate::import::build::{candidates, names};
use crate::import::dataset::{Dataset, Input, Role};
use crate::import::table::{self, Table};
use crate::import::{clean, sources, Batch};
use crate::model::{PartialDate, Record};
use row::Row;
use std::collections::{HashMap, HashSet};

/// The dataset, for [`crate::import::registry`].
pub struct LokDhaba;

/// The Lok Sabha's general elections by term (the 8th's polls in Assam and Punjab
/// were held in 1985, the 10th's in Punjab in 1992).
const LOK_SABHA_YEARS: [u16; 18] = [
    1951, 1957, 1962, 1967, 1971, 1977, 1980, 1984, 1989, 1991, 1996, 1998, 1999, 2004, 2009, 2014,
    2019, 2024,
];

/// Its `--format` name, and what the format list says of it.
const NAME: &str = "tcpd-lokdhaba";
const ABOUT: &str = "TCPD Lok Dhaba results with person ids (incumbency files and their party lists, or the full download)";

impl Dataset for LokDhaba {
    fn name(&self) -> &'static str {
        NAME
    }

    fn about(&self) -> &'static str {
        ABOUT
    }

    fn recognise(&self, _file: &str, text: &str) -> Option<Role> {
        let head = table::header(text.trim_start_matches('\u{feff}'));
        let has = |columns: &[&str]| columns.iter().all(|c| head.iter().any(|h| h == c));
        if has(&["Party", "Expanded_Party_Name"]) {
            Some(Role::Auxiliary)
        } else {
            has(row::REQUIRED).then_some(Role::Records)
        }
    }

    fn parse(&self, file: &str, text: &str) -> Batch {
        let role = self.recognise(file, text).unwrap_or(Role::Records);
        self.parse_all(&[Input {
            name: file.to_string(),
            text: text.to_string(),
            role,
        }])
    }

    fn together(&self) -> bool {
        true
    }

    fn parse_all(&self, files: &[Input]) -> Batch {
        parse_all(files)
    }
}

/// The number a file's name ends in (`up-incumbency-18.csv` → 18): later files'
/// copies win. A file without one (the full download) wins over all.
fn file_number(file: &str) -> u32 {
    let name = clean::file_name(file);
    let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
    match stem.rsplit_once('-') {
        Some((_, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            n.parse().unwrap_or(u32::MAX)
        }
        _ => u32::MAX,
    }
}

/// What goes before `-incumbency-` or `-party-expanded` (`up`), naming the party
/// list a data file uses.
fn prefix(file: &str) -> String {
    let name = clean::file_name(file).to_lowercase();
    name.split('-').next().unwrap_or("").to_string()
}

fn parse_all(files: &[Input]) -> Batch {
    let mut batch = Batch::default();
    // Party lists by prefix: abbreviations mean different parties in different
    // states (`SAP` is the Samata Party in one, the Social Action Party in another).
    let mut lists: HashMap<String, HashMap<String, String>> = HashMap::new();
    for f in files.iter().filter(|f| f.role == Role::Auxiliary) {
        let Some(t) = Table::read(&f.name, &f.text, &[], &mut batch.problems) else {
            continue;
        };
        let list = lists.entry(prefix(&f.name)).or_default();
        for r in t.rows() {
            if let (Some(a), Some(e)) = (r.text("Party"), r.text("Expanded_Party_Name")) {
                list.entry(key(&a)).or_insert(e);
            }
        }
    }
    // Highest number first, so the first copy of a candidacy met is the one kept.
    let mut data: Vec<&Input> = files.iter().filter(|f| f.role == Role::Records).collect();
    data.sort_by(|a, b| (file_number(&b.name), &b.name).cmp(&(file_number(&a.name), &a.name)));
    let mut seen: HashSet<String> = HashSet::new();
    let mut rows: Vec<Row> = Vec::new();
    for f in data {
        let Some(table) = Table::read(&f.name, &f.text, row::REQUIRED, &mut batch.problems) else {
            continue;
        };
        for r in table.rows() {
            let lok_sabha = row::is_lok_sabha(&f.name, r.raw("Election_Type"));
            if names::is_nota(r.raw("Candidate"), r.raw("Party")) {
                batch.skip("NOTA rows (not a candidate)");
                continue;
            }
            let andhra = !lok_sabha && before_telangana(&r);
            // The content, fields apart by a separator no field holds.
            let mut k = if lok_sabha {
                String::from("ge")
            } else if andhra {
                key(ANDHRA_PRADESH)
            } else {
                key(r.raw("State_Name"))
            };
            for c in row::REQUIRED {
                k.push('\u{1f}');
                k.push_str(match *c {
                    "Assembly_No" if andhra => ANDHRA_2009_ASSEMBLY,
                    "State_Name" if andhra => ANDHRA_PRADESH,
                    _ => r.raw(c).trim(),
                });
            }
            if !seen.insert(k) {
                batch.skip("copies of a candidacy kept from a later file");
                continue;
            }
            match row::read(&f.name, &r, lok_sabha) {
                Ok(mut row) => {
                    if andhra {
                        into_andhra_pradesh(&mut row);
                    }
                    row.candidate.file = Some(f.name.clone());
                    let list = lists.get(&prefix(&f.name));
                    let list = list.or_else(|| lists.get("ge").filter(|_| lok_sabha));
                    row.candidate.party = row
                        .candidate
                        .party
                        .take()
                        .map(|p| party(&p, list, &f.name, r.line, &mut batch));
                    rows.push(row);
                }
                Err(mut p) => batch.problems.append(&mut p),
            }
        }
        if table.is_empty() {
            batch
                .problems
                .push(crate::import::file_problem(&f.name, "holds no records"));
        }
    }
    drop(seen);
    let Some(first) = rows.first().map(|r| r.candidate.clone()) else {
        return batch;
    };
    let file = first.file.as_deref().unwrap_or("");
    batch.default_record(
        file,
        first.line,
        Record::Source(sources::TCPD_LOKDHABA.record(file)),
    );
    set_elections(&mut rows);
    // File order does not decide ids (namesakes are numbered in the order given):
    // rows go by election, seat and position.
    let mut rows: Vec<(String, String, u32, candidates::Candidate)> = rows
        .into_iter()
        .map(|r| {
            let c = r.candidate;
            let seat = names::seat_slug(&c.election.house, c.state.as_ref(), &c.constituency);
            let seat = format!("{seat}\0{}", c.district.as_deref().unwrap_or(""));
            (c.election.id(), seat, c.rank.unwrap_or(u32::MAX), c)
        })
        .collect();
    rows.sort_by(|a, b| (&a.0, &a.1, a.2).cmp(&(&b.0, &b.1, b.2)));
    let rows = rows.into_iter().map(|r| r.3).collect();
    candidates::build(file, "tcpd", sources::TCPD_LOKDHABA.id, rows, &mut batch);
    batch
}

/// TCPD files the Telangana seats of Andhra Pradesh's 13th assembly — the 2009
/// election and its bye-elections, five years before Telangana existed — as
/// Telangana's assembly 0. They are Andhra Pradesh's: keyed as its rows, they meet
/// the copies its own files hold and fill in the seats those files lack, instead of
/// making a Telangana election that never was.
const ANDHRA_PRADESH: &str = "Andhra_Pradesh";
const ANDHRA_2009_ASSEMBLY: &str = "13";

fn before_telangana(r: &table::Row) -> bool {
    key(r.raw("State_Name")) == "telangana" && r.raw("Assembly_No").trim() == "0"
}

fn into_andhra_pradesh(row: &mut Row) {
    let Some(state) = Place::from_name("Andhra Pradesh") else {
        return;
    };
    let c = &mut row.candidate;
    if let Some(filed) = c.state.replace(state.clone()) {
        c.original.insert("state".into(), filed.en);
    }
    c.election.house = House::VidhanSabha(state);
    row.assembly = 13;
}

/// Gives each row its election (see the module doc).
fn set_elections(rows: &mut [Row]) {
    let mut first: HashMap<(String, u16), (u16, u16)> = HashMap::new();
    for r in rows.iter() {
        let e = first
            .entry((r.house().body_id(), r.assembly))
            .or_insert((u16::MAX, u16::MAX));
        if r.is_bye() {
            e.1 = e.1.min(r.year);
        } else {
            e.0 = e.0.min(r.year);
        }
    }
    for r in rows.iter_mut() {
        let (general, any) = first[&(r.house().body_id(), r.assembly)];
        let year = match r.house() {
            House::LokSabha if (1..=18).contains(&r.assembly) => {
                LOK_SABHA_YEARS[usize::from(r.assembly) - 1]
            }
            _ if general != u16::MAX => general,
            _ => any,
        };
        let bye = r.is_bye().then_some(Some(PartialDate::year(r.year)));
        if bye.is_none() && r.year != year {
            let c = &mut r.candidate;
            c.original.insert("year".into(), r.year.to_string());
        }
        r.candidate.election = ElectionKey {
            house: r.house().clone(),
            year,
            bye,
        };
    }
}

/// A party as the files write it, through the house's list of full names to the
/// built-in table (`SP` → `Samajwadi Party`, the record `सपा` also names); what the
/// builder is handed to name it. A party the table does not know is made here, with
/// the abbreviation as an alias (defaults made first win).
fn party(
    written: &str,
    list: Option<&HashMap<String, String>>,
    file: &str,
    line: usize,
    batch: &mut Batch,
) -> String {
    let full = list.and_then(|l| l.get(&key(written)));
    match full {
        Some(full) if parties::known_id(full).is_some() => full.clone(),
        _ if parties::known_id(written).is_some() => written.to_string(),
        Some(full) => {
            if let Some(mut org) = parties::party_record(full, Some(sources::TCPD_LOKDHABA.id)) {
                org.aliases.push(written.to_string());
                batch.default_record(file, line, Record::Organization(org));
            }
            full.clone()
        }
        None => written.to_string(),
    }
}

#[cfg(test)]
mod tests;
