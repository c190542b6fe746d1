//! The appointments builder: what a dataset of posts held becomes (TCPD's IAS
//! officers, union ministers, chief ministers; Popolo memberships). Rows are folded
//! by the dataset's person key into one person, who gains every spelling of the
//! name; each post is an office, each appointment a tenure, each party a
//! membership; the party organizations are records created only where absent.
//!
//! The records come out in a fixed order — offices, persons, then tenures and
//! memberships in the order they were added — each at the line that first gave it.

use crate::domain::parties;
use crate::import::{Batch, Parsed};
use crate::model::{Membership, Names, Office, PartialDate, Person, Record, Tenure};
use std::collections::HashMap;

/// What adding a tenure or membership found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    /// The first with its id.
    New,
    /// The same record as the one added at `line`.
    Repeat { line: usize },
    /// Another record with the same id (the same appointment with other dates or
    /// notes), added at `line`; this one is left out.
    Conflict { line: usize },
}

/// The records of one file being built.
pub struct Appointments {
    file: String,
    source: String,
    persons: Vec<(usize, Person)>,
    by_key: HashMap<String, usize>,
    offices: Vec<(usize, Office)>,
    office_at: HashMap<String, usize>,
    facts: Vec<(usize, Record)>,
    fact_at: HashMap<String, usize>,
}

impl Appointments {
    /// Records read from `file`, citing `source`.
    pub fn new(file: &str, source: &str) -> Appointments {
        Appointments {
            file: file.to_string(),
            source: source.to_string(),
            persons: Vec::new(),
            by_key: HashMap::new(),
            offices: Vec::new(),
            office_at: HashMap::new(),
            facts: Vec::new(),
            fact_at: HashMap::new(),
        }
    }

    /// The person the dataset's `key` names, made by `make` at its first row
    /// (`line`); a later row with the same key adds its spellings (`names`) as aliases.
    /// Returns the person's place (for [`Appointments::person_mut`]) and whether the
    /// row was the person's first.
    pub fn person(
        &mut self,
        key: &str,
        line: usize,
        names: &[&str],
        make: impl FnOnce() -> Person,
    ) -> (usize, bool) {
        let (i, new) = match self.by_key.get(key) {
            Some(&i) => (i, false),
            None => {
                self.by_key.insert(key.to_string(), self.persons.len());
                self.persons.push((line, make()));
                (self.persons.len() - 1, true)
            }
        };
        also_known_as(&mut self.persons[i].1, names.iter().copied());
        (i, new)
    }

    pub fn person_mut(&mut self, i: usize) -> &mut Person {
        &mut self.persons[i].1
    }

    /// Every person so far, in the order first met.
    pub fn persons_mut(&mut self) -> impl Iterator<Item = &mut Person> {
        self.persons.iter_mut().map(|(_, p)| p)
    }

    /// Adds an office once per id: a later one whose spelling slugs alike adds its
    /// names as aliases.
    pub fn office(&mut self, line: usize, office: Office) {
        match self.office_at.get(&office.id) {
            Some(&i) => {
                let known = &mut self.offices[i].1;
                for n in office
                    .name
                    .texts()
                    .chain(office.aliases.iter().map(String::as_str))
                {
                    if !known.name.texts().any(|t| t == n) && !known.aliases.iter().any(|a| a == n)
                    {
                        known.aliases.push(n.to_string());
                    }
                }
            }
            None => {
                self.office_at.insert(office.id.clone(), self.offices.len());
                self.offices.push((line, office));
            }
        }
    }

    /// A tenure of `person` in `office`, citing the source; its id is derived.
    pub fn tenure(
        &self,
        person: &str,
        office: &str,
        start: Option<PartialDate>,
        end: Option<PartialDate>,
        note: Names,
    ) -> Tenure {
        let mut record = Record::Tenure(Tenure {
            id: String::new(),
            person: person.to_string(),
            office: office.to_string(),
            start,
            end,
            ended: false,
            note,
            sources: vec![self.source.clone()],
        });
        record.fill_derived_id();
        match record {
            Record::Tenure(t) => t,
            _ => unreachable!("a tenure stays a tenure"),
        }
    }

    /// Adds a tenure or membership once per id; says what it found.
    pub fn fact(&mut self, line: usize, record: Record) -> Fact {
        match self.fact_at.get(record.id()) {
            None => {
                self.push(line, record);
                Fact::New
            }
            Some(&i) if self.facts[i].1 == record => Fact::Repeat {
                line: self.facts[i].0,
            },
            Some(&i) => Fact::Conflict {
                line: self.facts[i].0,
            },
        }
    }

    /// Adds a tenure or membership without looking for an earlier one.
    pub fn push(&mut self, line: usize, record: Record) {
        self.fact_at
            .entry(record.id().to_string())
            .or_insert(self.facts.len());
        self.facts.push((line, record));
    }

    /// `person`'s membership of the party written `party` (once per person and
    /// party), with the party's organization as a default record.
    pub fn party(&mut self, batch: &mut Batch, line: usize, person: &str, party: &str) {
        let org = parties::party_record(party, Some(&self.source))
            .expect("a party text that is not missing gives a record");
        let m = membership(person, &org.id, &self.source);
        self.fact(line, m);
        batch.default_record(&self.file, line, Record::Organization(org));
    }

    /// Moves the records into `batch`: offices, persons, then the rest.
    pub fn finish(self, batch: &mut Batch) {
        let file = self.file;
        let offices = self
            .offices
            .into_iter()
            .map(|(l, o)| (l, Record::Office(o)));
        let persons = self
            .persons
            .into_iter()
            .map(|(l, p)| (l, Record::Person(p)));
        for (line, record) in offices.chain(persons).chain(self.facts) {
            batch.records.push(Parsed {
                file: file.clone(),
                line,
                record,
            });
        }
    }
}

/// A membership of `person` in `organization`, with its derived id.
pub fn membership(person: &str, organization: &str, source: &str) -> Record {
    let mut m = Record::Membership(Membership {
        id: String::new(),
        person: person.to_string(),
        organization: organization.to_string(),
        role: Names::default(),
        start: None,
        end: None,
        sources: vec![source.to_string()],
    });
    m.fill_derived_id();
    m
}

/// Adds each of `names` that is neither a name nor an alias of `person` yet.
pub fn also_known_as<'a>(person: &mut Person, names: impl IntoIterator<Item = &'a str>) {
    for n in names {
        if !person.name.texts().any(|t| t == n) && !person.aliases.iter().any(|a| a == n) {
            person.aliases.push(n.to_string());
        }
    }
}

/// An end before the start is left out (and said in the note): the end to keep,
/// and the sentence saying why one was dropped.
pub fn end_after_start(
    start: Option<PartialDate>,
    end: Option<PartialDate>,
) -> (Option<PartialDate>, Option<String>) {
    match (start, end) {
        (Some(s), Some(e)) if e < s => (
            None,
            Some(format!(
                "the dataset gives the end as {e}, before the start, so it is left out"
            )),
        ),
        _ => (end, None),
    }
}

/// Notes as one English sentence: `a; b.`; none when there are none.
pub fn sentence(parts: &[String]) -> Names {
    if parts.is_empty() {
        Names::default()
    } else {
        Names::new([("en", format!("{}.", parts.join("; ")).as_str())])
    }
}

/// `(1990–1991)`-style spans of years: first year, last year, whether still going.
pub fn span(first: Option<u16>, last: Option<u16>, current: bool) -> String {
    match (first, last, current) {
        (Some(f), _, true) => format!("{f}–"),
        (Some(f), Some(l), false) if l != f => format!("{f}–{l}"),
        (Some(f), _, false) => f.to_string(),
        (None, _, _) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_folds_spellings_and_facts_come_once() {
        let mut a = Appointments::new("f.csv", "src");
        let make = || Person::named("x", "en", "Ramji Lal Suman", "src");
        let (i, new) = a.person("k", 2, &["RAMJI LAL SUMAN", "Ramji Lal Suman"], make);
        assert!(new);
        let (j, new) = a.person("k", 3, &["Ramji Lal Suman.", "RAMJI LAL SUMAN"], || {
            unreachable!("the person exists")
        });
        assert_eq!((i, new), (j, false));
        assert_eq!(
            a.person_mut(i).aliases,
            vec!["RAMJI LAL SUMAN", "Ramji Lal Suman."]
        );
        let t = a.tenure(
            "x",
            "o",
            Some(PartialDate::year(1990)),
            None,
            Names::default(),
        );
        assert_eq!(t.id, "x--o--1990");
        assert_eq!(a.fact(2, Record::Tenure(t.clone())), Fact::New);
        assert_eq!(
            a.fact(3, Record::Tenure(t.clone())),
            Fact::Repeat { line: 2 }
        );
        let other = Tenure {
            note: sentence(&["other".into()]),
            ..t
        };
        assert_eq!(a.fact(4, Record::Tenure(other)), Fact::Conflict { line: 2 });
        let mut batch = Batch::default();
        a.party(&mut batch, 2, "x", "SP");
        a.party(&mut batch, 3, "x", "Samajwadi Party");
        a.finish(&mut batch);
        let kinds: Vec<&str> = batch.records.iter().map(|p| p.record.id()).collect();
        assert_eq!(kinds, vec!["x", "x--o--1990", "x--samajwadi-party"]);
    }

    #[test]
    fn ends_before_starts_are_left_out_and_spans_read_well() {
        let d = |s: &str| s.parse::<PartialDate>().ok();
        let (end, why) = end_after_start(d("1986-11-01"), d("1980-10-30"));
        assert_eq!(end, None);
        assert!(why.unwrap().contains("1980-10-30"));
        assert_eq!(end_after_start(d("1980"), d("1986")), (d("1986"), None));
        assert_eq!(span(Some(1990), Some(1991), false), "1990–1991");
        assert_eq!(span(Some(2017), None, true), "2017–");
        assert_eq!(span(Some(2017), Some(2017), false), "2017");
        assert_eq!(sentence(&[]), Names::default());
        assert_eq!(sentence(&["a".into(), "b".into()]).get("en"), Some("a; b."));
    }
}
