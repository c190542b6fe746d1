//! Which person records the index shows as one person.
//!
//! A politician is many records (one per dataset and election) but one person: the
//! index holds one document per person, under the *person id* — the smallest id
//! among its records — so a politician's records never appear as separate hits and
//! every one of them leads to the same document. Which records are one person is
//! decided by [`crate::identity::same_person`]; this module only asks it as little as
//! possible. The connected components of `same` decisions bound every cluster
//! (whatever rules split a component, no cluster spans two of them), so one pass
//! over the identity tree finds the records that can belong to a cluster at all,
//! and `same_person` is asked once per cluster of those.

use crate::error::Result;
use crate::model::{Kind, Names, Record};
use crate::store::{Decision, Store, Verdict};
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
    /// Every cluster in the store: one streaming pass over the identity tree (a
    /// union-find over `same` decisions), then `same_person` once per cluster.
    pub fn load(store: &Store) -> Result<People> {
        let mut parent: HashMap<String, String> = HashMap::new();
        fn root(parent: &mut HashMap<String, String>, id: &str) -> String {
            let mut at = id.to_string();
            while let Some(p) = parent.get(&at).filter(|p| **p != at) {
                at = p.clone();
            }
            // Path compression: every record on the way now points at the root.
            let mut walk = id.to_string();
            while walk != at {
                let next = parent.get(&walk).cloned().unwrap_or_else(|| at.clone());
                parent.insert(walk, at.clone());
                walk = next;
            }
            at
        }
        for (a, b, verdict) in store.identity_pairs()? {
            if verdict != Verdict::Same {
                continue;
            }
            let (ra, rb) = (root(&mut parent, &a), root(&mut parent, &b));
            parent.entry(ra.clone()).or_insert_with(|| ra.clone());
            parent.entry(rb.clone()).or_insert_with(|| rb.clone());
            if ra != rb {
                parent.insert(ra, rb);
            }
        }
        let ids: Vec<String> = parent.keys().cloned().collect();
        let mut components: HashMap<String, Vec<String>> = HashMap::new();
        for id in ids {
            let r = root(&mut parent, &id);
            components.entry(r).or_default().push(id);
        }
        let mut people = People::default();
        for (_, mut component) in components {
            component.sort();
            people.add_component(store, &component)?;
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
            people.add_component(store, &[id.to_string()])?;
        }
        Ok(people)
    }

    /// Splits records known to be linked into the clusters `same_person` says.
    fn add_component(&mut self, store: &Store, component: &[String]) -> Result<()> {
        for id in component {
            if self.person.contains_key(id) {
                continue;
            }
            let members = cluster(store, id)?;
            if members.len() < 2 {
                continue;
            }
            let person = members[0].clone();
            for m in &members {
                self.person.insert(m.clone(), person.clone());
            }
            self.members.insert(person, members);
        }
        Ok(())
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
pub fn cluster(store: &Store, id: &str) -> Result<Vec<String>> {
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
pub fn component(store: &Store, id: &str) -> Result<Vec<String>> {
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
