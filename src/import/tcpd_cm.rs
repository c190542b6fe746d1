//! The TCPD chief ministers dataset (`TCPD-CMID_1962_2022.csv`): one person per
//! chief minister of a state, the office `chief-minister-<state>` with its state
//! government, a tenure per term and party memberships.
//!
//! A chief minister is TCPD's `pid_CM` within a state; ids are
//! `tcpd-cm-<state>-<pid_CM>-<name>` (`tcpd-cm-uttar-pradesh-454-akhilesh-yadav`).
//! Offices and governments are default records, so the seed's
//! `chief-minister-uttar-pradesh` and `government-of-uttar-pradesh` are used as
//! they are and never overwritten. Rows for President's or Governor's rule
//! (`Administrative_Rule` TRUE) name no chief minister and are left out.

use crate::domain::states;
use crate::error::Problem;
use crate::import::build::appointments::{self, Appointments};
use crate::import::dataset::{names_all, Cite, Csv};
use crate::import::table::Row;
use crate::import::{clean, sources, Batch};
use crate::model::{Classification, Names, Office, Organization, PartialDate, Person, Record};
use std::collections::BTreeMap;

/// The dataset: `--format tcpd-cm`.
pub struct TcpdCm;

/// The columns a file must have.
const REQUIRED: &str =
    "State_Name,pid_CM,Name,Start_Date,End_Date,Administrative_Rule,Party,Constituency_Name";

/// The dataset's source record, cited by every record it makes.
pub const SOURCE_ID: &str = TcpdCm::SOURCE.id;

impl Csv for TcpdCm {
    const NAME: &'static str = "tcpd-cm";
    const ABOUT: &'static str = "TCPD's chief ministers (TCPD-CMID_1962_2022.csv)";
    const SOURCE: Cite = sources::TCPD_CM;
    /// `None` for a row of President's or Governor's rule.
    type Row = Option<Term>;
    type File = ();

    fn recognise(&self, header: &[String]) -> bool {
        names_all(header, "State_Name,pid_CM,Start_Date,End_Date")
    }

    fn required(&self, _header: &[String]) -> &'static str {
        REQUIRED
    }

    fn read(&self, file: &str, _: &mut (), row: &Row) -> Result<Option<Term>, Vec<Problem>> {
        Term::read(file, row)
    }

    fn build(&self, file: &str, rows: Vec<Option<Term>>, batch: &mut Batch) {
        let mut out = Appointments::new(file, SOURCE_ID);
        // Each person's state and terms, for the summary.
        let mut terms: Vec<(Names, Vec<Years>)> = Vec::new();
        let mut states_seen: BTreeMap<String, (usize, Names)> = BTreeMap::new();
        for term in rows {
            let Some(term) = term else {
                batch.skip("President's or Governor's rule (no chief minister)");
                continue;
            };
            let key = format!("{}\0{}", term.state_slug, term.pid);
            let names = [term.raw_name.as_str(), term.name.as_str()];
            let (i, new) = out.person(&key, term.line, &names, || term.person());
            if new {
                terms.push((term.state.clone(), Vec::new()));
            }
            if let Some(s) = term.start {
                terms[i].1.push((s.year, term.end.map(|e| e.year)));
            }
            let person = out.person_mut(i).id.clone();
            states_seen
                .entry(term.state_slug.clone())
                .or_insert((term.line, term.state.clone()));
            let office = office_id(&term.state_slug);
            let tenure = out.tenure(
                &person,
                &office,
                term.start,
                term.end,
                appointments::sentence(&term.note),
            );
            out.push(term.line, Record::Tenure(tenure));
            if let Some(party) = &term.party {
                out.party(batch, term.line, &person, party);
            }
        }
        for (slug, (line, names)) in &states_seen {
            let (government, office) = state_records(slug, names);
            batch.default_record(file, *line, Record::Organization(government));
            batch.default_record(file, *line, Record::Office(office));
        }
        for (person, (state, years)) in out.persons_mut().zip(&terms) {
            person.summary = summary(state, years);
        }
        out.finish(batch);
    }
}

/// The office id of a state's chief minister: `chief-minister-uttar-pradesh`.
pub fn office_id(state_slug: &str) -> String {
    format!("chief-minister-{state_slug}")
}

/// A state's government and its chief minister's office (default records).
fn state_records(slug: &str, state: &Names) -> (Organization, Office) {
    let en = state.best("en");
    let government_id = format!("government-of-{slug}");
    let mut gov_name = Names::new([("en", format!("Government of {en}").as_str())]);
    let mut office_name = Names::new([("en", format!("Chief Minister of {en}").as_str())]);
    let mut office_aliases = vec![format!("{en} CM")];
    if let Some(hi) = state.get("hi") {
        gov_name.0.insert("hi".into(), format!("{hi} सरकार"));
        office_name.0.insert("hi".into(), format!("{hi} के मुख्यमंत्री"));
        office_aliases.push(format!("{hi} मुख्यमंत्री"));
    }
    office_aliases.push("मुख्यमंत्री".into());
    let government = Organization {
        id: government_id.clone(),
        name: gov_name,
        classification: Some(Classification::Government),
        state: Some(state.clone()),
        sources: vec![SOURCE_ID.into()],
        ..Default::default()
    };
    let office = Office {
        id: office_id(slug),
        name: office_name,
        aliases: office_aliases,
        organization: Some(government_id),
        summary: Names::default(),
        sources: vec![SOURCE_ID.into()],
    };
    (government, office)
}

fn summary(state: &Names, years: &[Years]) -> Names {
    let first = years.iter().map(|(s, _)| *s).min();
    let current = years.iter().any(|(_, e)| e.is_none());
    let last = years.iter().filter_map(|(_, e)| *e).max();
    let span = match appointments::span(first, last, current) {
        s if s.is_empty() => s,
        s => format!(" ({s})"),
    };
    let terms = if years.len() == 1 {
        "1 term".to_string()
    } else {
        format!("{} terms", years.len())
    };
    let mut out = Names::new([(
        "en",
        format!("Chief Minister of {}{span}, {terms}.", state.best("en")).as_str(),
    )]);
    if let Some(hi) = state.get("hi") {
        out.0.insert("hi".into(), format!("{hi} के मुख्यमंत्री{span}।"));
    }
    out
}

/// A term's first and last years (none while it goes on).
type Years = (u16, Option<u16>);

/// One chief minister's term, checked and cleaned.
pub struct Term {
    line: usize,
    state: Names,
    state_slug: String,
    pid: String,
    raw_name: String,
    name: String,
    start: Option<PartialDate>,
    end: Option<PartialDate>,
    party: Option<String>,
    note: Vec<String>,
}

fn flag(file: &str, row: &Row, column: &str, problems: &mut Vec<Problem>) -> bool {
    match row.raw(column).trim().to_lowercase().as_str() {
        "true" | "1" | "yes" => true,
        "false" | "0" | "no" | "" | "na" => false,
        other => {
            problems.push(row.problem(file, column, format!("`{other}` is not TRUE or FALSE")));
            false
        }
    }
}

impl Term {
    /// `Ok(None)` for a row of President's or Governor's rule.
    fn read(file: &str, row: &Row) -> Result<Option<Term>, Vec<Problem>> {
        let mut problems = Vec::new();
        if flag(file, row, "Administrative_Rule", &mut problems) {
            return if problems.is_empty() {
                Ok(None)
            } else {
                Err(problems)
            };
        }
        let mlc = flag(file, row, "MLC", &mut problems);
        let caretaker = flag(file, row, "Caretaker_CM", &mut problems);
        let why = "a chief minister's row needs a state, TCPD's pid_CM and a name";
        let state = row.needed(file, "State_Name", why, &mut problems);
        let pid = row.needed(file, "pid_CM", why, &mut problems);
        let raw_name = row.needed(file, "Name", why, &mut problems);
        let start = row.date(file, "Start_Date", &mut problems);
        let end = row.end_date(file, "End_Date", &mut problems);
        let (Some(state), Some(pid), Some(raw_name)) = (state, pid, raw_name) else {
            return Err(problems);
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let (end, end_left_out) = appointments::end_after_start(start, end);
        let mut note = Vec::new();
        if let Some(c) = row.text("Constituency_Name") {
            note.push(format!("Constituency: {}", clean::title_case(&c)));
        }
        if mlc {
            note.push("member of the Legislative Council".into());
        }
        if caretaker {
            note.push("caretaker chief minister".into());
        }
        if let Some(n) = row.text("Assembly_No").filter(|n| !n.starts_with('-')) {
            note.push(format!("assembly no. {n}"));
        }
        note.extend(end_left_out);
        let state_names =
            states::names(&state).unwrap_or_else(|| Names::new([("en", state.as_str())]));
        Ok(Some(Term {
            line: row.line,
            state_slug: states::slug(&state.replace('_', " ")),
            state: state_names,
            name: clean::person_name(&raw_name),
            raw_name,
            pid,
            start,
            end,
            party: row.text("Party"),
            note,
        }))
    }

    fn person(&self) -> Person {
        let name = clean::slug_max(&self.name, 60);
        let pid = clean::slug(&self.pid);
        let id = if name.is_empty() {
            format!("tcpd-cm-{}-{pid}", self.state_slug)
        } else {
            format!("tcpd-cm-{}-{pid}-{name}", self.state_slug)
        };
        Person {
            identifiers: [("tcpd_cm".to_string(), self.pid.clone())].into(),
            ..Person::named(id, "en", &self.name, SOURCE_ID)
        }
    }
}

#[cfg(test)]
#[path = "tests/tcpd_cm.rs"]
mod tests;
