//! Which person records the index shows as one person.
//!
//! A politician is many records (one per dataset and election) but one person: the
//! index holds one document per person, under the *person id* — the smallest id
//! among its records — so a politician's records never appear as separate hits and
//! every one of them leads to the same document. Which records are one person is
//! the identity's decision ([`crate::identity::clusters`] for the whole store,
//! [`crate::identity::same_person`] for a few records); this module only groups the
//! answer by person id, counting person records alone.

use crate::error::Result;
use crate::model::{Kind, Names, Record};
use crate::store::{Decision, Records, Store, Verdict};
use std::collections::{BTreeSet, HashMap};

/// The clusters of two or more person records among some records.
#[derive(Debug, Default)]
pub struct People {
    /// Member record → person id, for records in a cluster of two or more.
    person: HashMap<String, String>,
    /// Person id → its records, sorted (the person id first).
    members: HashMap<String, Vec<String>>,
}

impl People {
    /// Every cluster in the store, from the identity's whole-store clustering
    /// ([`crate::identity::clusters`], one pass over the decision log); only person
    /// records count (see [`cluster`]).
    pub fn load(store: &Store) -> Result<People> {
        let mut people = People::default();
        for (_, records) in crate::identity::clusters(store)?.groups() {
            let mut members = Vec::new();
            for m in records {
                if store.kind_of(m)? == Some(Kind::Person) {
                    members.push(m.to_string());
                }
            }
            people.insert(members);
        }
        Ok(people)
    }

    /// The clusters of `ids` as the store holds them now.
    pub fn of<'a>(store: &Store, ids: impl IntoIterator<Item = &'a str>) -> Result<People> {
        let mut people = People::default();
        for id in ids {
            if people.person.contains_key(id) || !has_same_link(store, id)? {
                continue;
            }
            people.insert(cluster(store, id)?);
        }
        Ok(people)
    }

    /// Adds the person of `members` (sorted: the person id first), when it has
    /// more than one record.
    fn insert(&mut self, members: Vec<String>) {
        if members.len() < 2 {
            return;
        }
        let person = members[0].clone();
        for m in &members {
            self.person.insert(m.clone(), person.clone());
        }
        self.members.insert(person, members);
    }

    /// The person id of record `id` (itself when it stands alone).
    pub fn person_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.person.get(id).map_or(id, String::as_str)
    }

    /// The records of the person `person`, sorted, when it has more than one.
    pub fn members(&self, person: &str) -> Option<&[String]> {
        self.members.get(person).map(Vec::as_slice)
    }

    /// Whether `id` is a record of a cluster but not its person id: it has no
    /// document of its own.
    pub fn is_hidden(&self, id: &str) -> bool {
        self.person_of(id) != id
    }
}

fn has_same_link(store: &Store, id: &str) -> Result<bool> {
    Ok(store
        .identity_links(id)?
        .iter()
        .any(|(_, v, _)| *v == Verdict::Same))
}

/// The records of the person `id` belongs to, sorted: the first is the person id.
/// Only person records count: a decision naming a missing record or another kind
/// (which `check` reports) never hides a document.
pub fn cluster(store: &dyn Records, id: &str) -> Result<Vec<String>> {
    if store.kind_of(id)? != Some(Kind::Person) {
        return Ok(vec![id.to_string()]);
    }
    let mut members = Vec::new();
    for m in crate::identity::same_person(store, id)? {
        if m == id || store.kind_of(&m)? == Some(Kind::Person) {
            members.push(m);
        }
    }
    members.sort();
    members.dedup();
    Ok(members)
}

/// Every record linked to `id` by `same` decisions, directly or through others.
/// Before a decision about `id` is written, this holds every record whose cluster
/// the decision can change.
pub fn component(store: &dyn Records, id: &str) -> Result<Vec<String>> {
    let mut out = vec![id.to_string()];
    let mut seen: BTreeSet<String> = out.iter().cloned().collect();
    let mut i = 0;
    while i < out.len() {
        for (other, verdict, _) in store.identity_links(&out[i])? {
            if verdict == Verdict::Same && seen.insert(other.clone()) {
                out.push(other);
            }
        }
        i += 1;
    }
    Ok(out)
}

/// The documents identity decisions make stale, worked out before they are
/// written: every record of the components of each decided pair. Their clusters
/// after the write lie within these (a `same` joins two components, a `not_same`
/// splits one), so rebuilding these documents covers the clusters before and after.
pub fn affected_by_decisions(store: &Store, decisions: &[Decision]) -> Result<BTreeSet<String>> {
    let mut out = BTreeSet::new();
    for d in decisions {
        for id in [&d.a, &d.b] {
            if !out.contains(id.as_str()) {
                out.extend(component(store, id)?);
            }
        }
    }
    Ok(out)
}

/// The records of a person in the order their names and summary are preferred:
/// the record with names in more scripts first (a curated record with both), then
/// one with a summary, then by id.
pub fn by_preference<'r>(records: &[&'r Record]) -> Vec<&'r Record> {
    let mut out = records.to_vec();
    out.sort_by(|a, b| {
        let key = |r: &Record| {
            (
                std::cmp::Reverse(r.name().0.len()),
                r.summary().is_empty(),
                r.id().to_string(),
            )
        };
        key(a).cmp(&key(b))
    });
    out
}

/// The name a person goes by: in each language, the name of the most preferred
/// record that has one (see [`by_preference`]). Only English and Hindi when it
/// has either — Wikidata's forty other scripts are other names, not the heading.
pub fn person_name(records: &[&Record]) -> Names {
    let mut names = Names::default();
    for r in by_preference(records) {
        for (lang, text) in r.name().0 {
            names.0.entry(lang).or_insert(text);
        }
    }
    if names.get("en").is_some() || names.get("hi").is_some() {
        names.0.retain(|lang, _| lang == "en" || lang == "hi");
    }
    names
}

/// The summary of the most preferred record that has one.
pub fn person_summary(records: &[&Record]) -> Names {
    by_preference(records)
        .into_iter()
        .map(Record::summary)
        .find(|s| !s.is_empty())
        .unwrap_or_default()
}
