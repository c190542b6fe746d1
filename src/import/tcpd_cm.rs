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

use super::table::{Row, Table};
use super::{clean, Batch, Parsed};
use crate::domain::{parties, states};
use crate::error::Problem;
use crate::model::{
    Classification, Membership, Names, Office, Organization, PartialDate, Person, Record, Source,
    Tenure,
};
use std::collections::{BTreeMap, HashMap};

/// The dataset's source record.
pub const SOURCE_ID: &str = "src-tcpd-cm";

const REQUIRED: &[&str] = &[
    "State_Name",
    "pid_CM",
    "Name",
    "Start_Date",
    "End_Date",
    "Administrative_Rule",
    "Party",
    "Constituency_Name",
];

/// The dataset: `--format tcpd-cm`.
pub struct TcpdCm;

impl super::dataset::Dataset for TcpdCm {
    fn name(&self) -> &'static str {
        "tcpd-cm"
    }

    fn about(&self) -> &'static str {
        "TCPD's chief ministers (TCPD-CMID_1962_2022.csv)"
    }

    fn recognise(&self, _file: &str, text: &str) -> Option<super::dataset::Role> {
        detect(text).then_some(super::dataset::Role::Records)
    }

    fn parse(&self, file: &str, text: &str) -> Batch {
        parse(file, text)
    }
}

/// Whether `text` is this dataset: its header names the CMID columns.
pub fn detect(text: &str) -> bool {
    super::table::has_columns(text, &["State_Name", "pid_CM", "Start_Date", "End_Date"])
}

fn source(file: &str) -> Source {
    Source {
        id: SOURCE_ID.into(),
        title: "TCPD Chief Ministers of India Dataset (TCPD-CMID), 1962-current".into(),
        publisher: Some("Trivedi Centre for Political Data (TCPD), Ashoka University".into()),
        url: Some("https://github.com/tcpd/cm-data-release".into()),
        date: None,
        language: Some("en".into()),
        licence: Some("TCPD terms".into()),
        file: Some(clean::file_name(file)),
        text: None,
    }
}

/// A chief minister while the rows are read.
struct Cm {
    line: usize,
    person: Person,
    state: Names,
    years: Vec<(u16, Option<u16>)>,
}

/// Parses the chief ministers CSV.
pub fn parse(file: &str, text: &str) -> Batch {
    let mut batch = Batch::default();
    let Some(table) = Table::read(file, text, REQUIRED, &mut batch.problems) else {
        return batch;
    };
    batch.default_record(file, 1, Record::Source(source(file)));
    let mut people: Vec<Cm> = Vec::new();
    let mut by_key: HashMap<(String, String), usize> = HashMap::new();
    let mut facts: Vec<(usize, Record)> = Vec::new();
    let mut memberships: BTreeMap<String, ()> = BTreeMap::new();
    let mut states_seen: BTreeMap<String, (usize, Names)> = BTreeMap::new();

    for row in table.rows() {
        let term = match Term::read(file, &row) {
            Ok(Some(t)) => t,
            Ok(None) => {
                batch.skip("President's or Governor's rule (no chief minister)");
                continue;
            }
            Err(mut p) => {
                batch.problems.append(&mut p);
                continue;
            }
        };
        let key = (term.state_slug.clone(), term.pid.clone());
        let i = match by_key.get(&key) {
            Some(&i) => i,
            None => {
                by_key.insert(key, people.len());
                people.push(Cm {
                    line: row.line,
                    person: term.person(),
                    state: term.state.clone(),
                    years: Vec::new(),
                });
                people.len() - 1
            }
        };
        let cm = &mut people[i];
        for n in [&term.raw_name, &term.name] {
            if !cm.person.name.texts().any(|t| t == n) && !cm.person.aliases.contains(n) {
                cm.person.aliases.push(n.clone());
            }
        }
        if let Some(s) = term.start {
            cm.years.push((s.year, term.end.map(|e| e.year)));
        }
        let person = cm.person.id.clone();
        states_seen
            .entry(term.state_slug.clone())
            .or_insert((row.line, term.state.clone()));
        facts.push((row.line, Record::Tenure(term.tenure(&person))));
        if let Some(party) = &term.party {
            let org = parties::party_record(party, Some(SOURCE_ID))
                .expect("a party text that is not missing gives a record");
            let mut m = Record::Membership(Membership {
                id: String::new(),
                person: person.clone(),
                organization: org.id.clone(),
                role: Names::default(),
                start: None,
                end: None,
                sources: vec![SOURCE_ID.into()],
            });
            m.fill_derived_id();
            if memberships.insert(m.id().to_string(), ()).is_none() {
                facts.push((row.line, m));
            }
            batch.default_record(file, row.line, Record::Organization(org));
        }
    }
    for (slug, (line, names)) in &states_seen {
        let (government, office) = state_records(slug, names);
        batch.default_record(file, *line, Record::Organization(government));
        batch.default_record(file, *line, Record::Office(office));
    }
    for mut cm in people {
        cm.person.summary = summary(&cm.state, &cm.years);
        batch.records.push(Parsed {
            file: file.to_string(),
            line: cm.line,
            record: Record::Person(cm.person),
        });
    }
    for (line, record) in facts {
        batch.records.push(Parsed {
            file: file.to_string(),
            line,
            record,
        });
    }
    batch.problems.sort_by_key(|p| p.line);
    batch
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
        aliases: Vec::new(),
        classification: Some(Classification::Government),
        parent: None,
        state: Some(state.clone()),
        founded: None,
        dissolved: None,
        summary: Names::default(),
        identifiers: Default::default(),
        sources: vec![SOURCE_ID.into()],
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

fn summary(state: &Names, years: &[(u16, Option<u16>)]) -> Names {
    let first = years.iter().map(|(s, _)| *s).min();
    let current = years.iter().any(|(_, e)| e.is_none());
    let last = years.iter().filter_map(|(_, e)| *e).max();
    let span = match (first, last, current) {
        (Some(f), _, true) => format!(" ({f}–)"),
        (Some(f), Some(l), false) if l != f => format!(" ({f}–{l})"),
        (Some(f), _, false) => format!(" ({f})"),
        (None, _, _) => String::new(),
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

/// One chief minister's term, checked and cleaned.
struct Term {
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
        let state = row.text("State_Name");
        let pid = row.text("pid_CM");
        let raw_name = row.text("Name");
        for (column, value) in [
            ("State_Name", &state),
            ("pid_CM", &pid),
            ("Name", &raw_name),
        ] {
            if value.is_none() {
                problems.push(row.problem(
                    file,
                    column,
                    "missing: a chief minister's row needs a state, TCPD's pid_CM and a name",
                ));
            }
        }
        let start = clean::date(row.raw("Start_Date")).unwrap_or_else(|e| {
            problems.push(row.problem(file, "Start_Date", e));
            None
        });
        let end = if row.raw("End_Date").trim().eq_ignore_ascii_case("current") {
            None
        } else {
            clean::date(row.raw("End_Date")).unwrap_or_else(|e| {
                problems.push(row.problem(file, "End_Date", format!("{e}, or Current")));
                None
            })
        };
        let (Some(state), Some(pid), Some(raw_name)) = (state, pid, raw_name) else {
            return Err(problems);
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let (end, bad_end) = match (start, end) {
            (Some(s), Some(e)) if e < s => (None, Some(e.to_string())),
            _ => (end, None),
        };
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
        if let Some(bad) = &bad_end {
            note.push(format!(
                "the dataset gives the end as {bad}, before the start, so it is left out"
            ));
        }
        let state_names =
            states::names(&state).unwrap_or_else(|| Names::new([("en", state.as_str())]));
        Ok(Some(Term {
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
            id,
            name: Names::new([("en", self.name.as_str())]),
            aliases: Vec::new(),
            gender: None,
            birth_date: None,
            birth_place: None,
            home_district: None,
            home_state: None,
            services: Vec::new(),
            summary: Names::default(),
            identifiers: [("tcpd_cm".to_string(), self.pid.clone())].into(),
            same_as: Vec::new(),
            sources: vec![SOURCE_ID.into()],
            ..Default::default()
        }
    }

    fn tenure(&self, person: &str) -> Tenure {
        let note = if self.note.is_empty() {
            Names::default()
        } else {
            let mut text = self.note.join("; ");
            text.push('.');
            Names::new([("en", text.as_str())])
        };
        let mut r = Record::Tenure(Tenure {
            ended: false,
            id: String::new(),
            person: person.to_string(),
            office: office_id(&self.state_slug),
            start: self.start,
            end: self.end,
            note,
            sources: vec![SOURCE_ID.into()],
        });
        r.fill_derived_id();
        match r {
            Record::Tenure(t) => t,
            _ => unreachable!("a tenure stays a tenure"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{csv_rows, of};
    use super::*;

    const HEADER: &str = "State_Name,Assembly_No,Sequence_No,pid_CM,No_Terms_as_CM,Name,Start_Date,End_Date,Days_in_Office,Appointment_Delay,Administrative_Rule,MLC,Caretaker_CM,Constituency_No,Poll_No,Position,Constituency_Name,pid_IED,Party,No_Terms_as_MLA,Turncoat,Incumbent,Recontest";
    // Real rows from TCPD-CMID_1962_2022.csv.
    const REDDY: &str = "Andhra_Pradesh,3,1,1,1,Sri (Dr)Neelam Sanjeeva Reddy,1962-03-12,1964-02-28,718,NA,FALSE,FALSE,FALSE,185,0,1,DHONE,AEAP26190,INC,1,FALSE,FALSE,FALSE";
    const MULAYAM: &str = "Uttar_Pradesh,14,2,440,3,Sri Mulayam Singh Yadav,2003-08-29,2007-05-12,1352,1,FALSE,FALSE,FALSE,25,1,1,Gunnur,AEUP101085,SP,8,FALSE,FALSE,TRUE";
    const AKHILESH: &str = "Uttar_Pradesh,16,1,454,1,Sri Akhilesh Yadav,2012-03-15,2017-03-19,1830,1,FALSE,TRUE,FALSE,,,,,,,,,,";
    const YOGI_1: &str = "Uttar_Pradesh,17,1,5091,1,Yogi Adityanath,2017-03-19,2022-03-25,1832,0,FALSE,TRUE,FALSE,,,,,,,,,,";
    const YOGI_2: &str = "Uttar_Pradesh,18,1,5091,2,Yogi Adityanath,2022-03-25,Current,11,0,FALSE,FALSE,FALSE,322,0,1,GORAKHPUR URBAN,GEUP67610,BJP,1,FALSE,FALSE,FALSE";
    const PRESIDENTS_RULE: &str = "Uttar_Pradesh,-1,3,,,President's Rule,1973-06-13,1973-11-08,148,1,TRUE,FALSE,FALSE,,,,,,,,,,";

    fn parse_rows(rows: &[&str]) -> Batch {
        csv_rows(&TcpdCm, "TCPD-CMID_1962_2022.csv", HEADER, rows)
    }

    #[test]
    fn terms_of_one_pid_are_one_person_and_presidents_rule_is_skipped() {
        let b = parse_rows(&[MULAYAM, AKHILESH, PRESIDENTS_RULE, YOGI_1, YOGI_2]);
        assert!(b.problems.is_empty(), "{:?}", b.problems);
        assert_eq!(b.skipped.values().sum::<usize>(), 1);
        let people = of(&b, |r| match r {
            Record::Person(p) => Some(p.id.clone()),
            _ => None,
        });
        assert_eq!(
            people,
            vec![
                "tcpd-cm-uttar-pradesh-440-mulayam-singh-yadav",
                "tcpd-cm-uttar-pradesh-454-akhilesh-yadav",
                "tcpd-cm-uttar-pradesh-5091-yogi-adityanath",
            ]
        );
        let tenures = of(&b, |r| match r {
            Record::Tenure(t) => Some(t.clone()),
            _ => None,
        });
        assert_eq!(tenures.len(), 4);
        assert!(tenures
            .iter()
            .all(|t| t.office == "chief-minister-uttar-pradesh"));
        let yogi_now = &tenures[3];
        assert_eq!(yogi_now.start.unwrap().to_string(), "2022-03-25");
        assert_eq!(yogi_now.end, None, "Current: no end");
        assert!(yogi_now.note.get("en").unwrap().contains("Gorakhpur Urban"));
        assert!(tenures[1]
            .note
            .get("en")
            .unwrap()
            .contains("Legislative Council"));
        // Offices are defaults: the seed's UP office is never overwritten.
        assert!(!b
            .records
            .iter()
            .any(|r| matches!(r.record, Record::Office(_))));
        let default_ids: Vec<&str> = b.defaults.iter().map(|d| d.record.id()).collect();
        for id in [
            SOURCE_ID,
            "chief-minister-uttar-pradesh",
            "government-of-uttar-pradesh",
            "samajwadi-party",
            "bharatiya-janata-party",
        ] {
            assert!(default_ids.contains(&id), "{id} in {default_ids:?}");
        }
        let memberships = of(&b, |r| match r {
            Record::Membership(m) => Some(m.organization.clone()),
            _ => None,
        });
        assert_eq!(
            memberships,
            vec!["samajwadi-party", "bharatiya-janata-party"]
        );
        for r in &b.records {
            assert_eq!(r.record.sources(), [SOURCE_ID], "{:?}", r.record);
        }
    }

    #[test]
    fn names_are_cleaned_and_originals_kept() {
        let b = parse_rows(&[REDDY]);
        let p = of(&b, |r| match r {
            Record::Person(p) => Some(p.clone()),
            _ => None,
        })
        .remove(0);
        assert_eq!(p.id, "tcpd-cm-andhra-pradesh-1-neelam-sanjeeva-reddy");
        assert_eq!(p.name.get("en"), Some("Neelam Sanjeeva Reddy"));
        assert_eq!(p.aliases, vec!["Sri (Dr)Neelam Sanjeeva Reddy"]);
        assert_eq!(p.summary.get("hi"), Some("आंध्र प्रदेश के मुख्यमंत्री (1962–1964)।"));
        let office = b
            .defaults
            .iter()
            .find_map(|d| match &d.record {
                Record::Office(o) => Some(o.clone()),
                _ => None,
            })
            .unwrap();
        assert_eq!(office.id, "chief-minister-andhra-pradesh");
        assert_eq!(office.name.get("hi"), Some("आंध्र प्रदेश के मुख्यमंत्री"));
        assert_eq!(
            office.organization.as_deref(),
            Some("government-of-andhra-pradesh")
        );
    }

    #[test]
    fn bad_dates_and_flags_name_line_and_column() {
        let bad_start = MULAYAM.replace("2003-08-29", "2003-02-30");
        let bad_end = AKHILESH.replace("2017-03-19", "soon");
        let bad_flag = YOGI_1.replace(",FALSE,TRUE,FALSE,", ",maybe,TRUE,FALSE,");
        let no_pid = YOGI_2.replace(",5091,", ",NA,");
        let b = parse_rows(&[&bad_start, &bad_end, &bad_flag, &no_pid]);
        let got: Vec<(usize, &str)> = b
            .problems
            .iter()
            .map(|p| (p.line, p.field.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (2, "Start_Date"),
                (3, "End_Date"),
                (4, "Administrative_Rule"),
                (5, "pid_CM"),
            ]
        );
        assert!(b.records.is_empty());
    }
}
