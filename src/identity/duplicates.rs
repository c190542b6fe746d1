//! Likely same-person pairs over the whole store (`duplicates` without a name):
//! a hand-made evidence scorer, older than the linker (the review queue for a name,
//! [`super::review`], asks the linker instead).
//!
//! Candidates are people whose names share a cross-script phonetic key (the key of
//! the whole name, spaces ignored, so `Ramjilal Suman`, `Ramji Lal Suman` and
//! `रामजीलाल सुमन` meet). Each pair is then scored from evidence that either
//! supports it (same birth date, same service batch, same identifier, shared party,
//! state or office) or speaks against it (different states; different birth dates,
//! batches or identifiers of one scheme rule a pair out) — three IAS officers called
//! Alok Ranjan with different batches and birth dates are never proposed.

use crate::analysis::filter_key;
use crate::analysis::phonetic_key;
use crate::error::Result;
use crate::model::{Kind, Person, Record};
use crate::store::{Link, Store, Verdict};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The default score a pair needs to be listed.
pub const DEFAULT_MIN_SCORE: f64 = 0.6;
/// Name groups larger than this are split by state before pairs are scored, so a
/// common name does not make the search quadratic in the whole store.
const MAX_GROUP: usize = 200;

/// A likely same-person pair with the evidence for and against.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Pair {
    pub a: String,
    pub b: String,
    pub score: f64,
    /// What says they are one person.
    pub evidence: Vec<String>,
    /// What says they are not.
    pub against: Vec<String>,
}

/// What is known about one person, gathered once for scoring.
pub(super) struct Facts {
    pub(super) keys: BTreeSet<String>,
    names: BTreeSet<String>,
    birth: Option<crate::model::PartialDate>,
    batches: BTreeMap<String, u16>,
    identifiers: BTreeMap<String, String>,
    states: BTreeSet<String>,
    parties: BTreeSet<String>,
    offices: BTreeSet<String>,
}

pub(super) fn name_keys(p: &Person) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut keys = BTreeSet::new();
    let mut names = BTreeSet::new();
    for n in p.name.texts().chain(p.aliases.iter().map(String::as_str)) {
        let k = phonetic_key(n);
        if k.len() >= 3 {
            keys.insert(k);
        }
        names.insert(filter_key(n));
    }
    (keys, names)
}

pub(super) fn gather(store: &Store, p: &Person) -> Result<Facts> {
    let (keys, names) = name_keys(p);
    let mut f = Facts {
        keys,
        names,
        birth: p.birth_date,
        batches: p
            .services
            .iter()
            .filter_map(|s| s.batch.map(|b| (s.service.to_uppercase(), b)))
            .collect(),
        identifiers: p.identifiers.clone(),
        states: BTreeSet::new(),
        parties: BTreeSet::new(),
        offices: BTreeSet::new(),
    };
    let mut state = |n: &crate::model::Names| {
        for t in n.texts() {
            f.states.insert(filter_key(t));
        }
    };
    for n in p
        .home_state
        .iter()
        .chain(p.services.iter().filter_map(|s| s.cadre.as_ref()))
    {
        state(n);
    }
    for fact in store.linked_records(Link::CandidacyByPerson, &p.id)? {
        if let Record::Candidacy(c) = fact {
            f.parties.extend(c.party.clone());
            if let Some(Record::Election(e)) = store.get_kind(Kind::Election, &c.election)? {
                if let Some(a) = &e.area {
                    // A national election's area (India) says nothing about a state.
                    for t in a
                        .texts()
                        .map(filter_key)
                        .filter(|t| t != "india" && t != "भारत")
                    {
                        f.states.insert(t);
                    }
                }
            }
        }
    }
    for fact in store.linked_records(Link::MembershipByPerson, &p.id)? {
        if let Record::Membership(m) = fact {
            f.parties.insert(m.organization);
        }
    }
    for fact in store.linked_records(Link::TenureByPerson, &p.id)? {
        if let Record::Tenure(t) = fact {
            f.offices.insert(t.office);
        }
    }
    Ok(f)
}

/// Scores a pair whose name key is shared by `group` records; `None` when the
/// evidence rules it out.
pub(super) fn score(a: &Facts, b: &Facts, group: usize) -> Option<Scored> {
    let mut s = 0.0;
    let mut ev = Vec::new();
    let mut against = Vec::new();
    let shared: Vec<&String> = a.keys.intersection(&b.keys).collect();
    let key = shared.first()?;
    // A long name that few records share is itself evidence; `Rajesh Kumar` is not.
    if group <= 3 && key.len() >= 8 {
        s += 0.15;
        ev.push(format!("uncommon name (only {group} records share it)"));
    }
    if a.names.intersection(&b.names).next().is_some() {
        s += 0.5;
        ev.push("same name".to_string());
    } else {
        s += 0.4;
        ev.push(format!(
            "same name across scripts or spellings (key `{key}`)"
        ));
    }
    for (scheme, va) in &a.identifiers {
        if let Some(vb) = b.identifiers.get(scheme) {
            if va == vb {
                s += 0.6;
                ev.push(format!("same {scheme} {va}"));
            } else {
                return None;
            }
        }
    }
    match (&a.birth, &b.birth) {
        (Some(x), Some(y)) if x == y => {
            s += 0.3;
            ev.push(format!("same birth date {x}"));
        }
        (Some(x), Some(y)) if x.year == y.year => {
            s += 0.1;
            ev.push(format!("same birth year {}", x.year));
        }
        (Some(x), Some(y)) if x.day.is_some() && y.day.is_some() => return None,
        (Some(x), Some(y)) if x.year.abs_diff(y.year) > 1 => return None,
        _ => {}
    }
    for (service, ba) in &a.batches {
        if let Some(bb) = b.batches.get(service) {
            if ba == bb {
                s += 0.2;
                ev.push(format!("same {service} batch {ba}"));
            } else {
                return None;
            }
        }
    }
    let states: Vec<&String> = a.states.intersection(&b.states).collect();
    if let Some(st) = states.first() {
        s += 0.15;
        ev.push(format!("same state {st}"));
    } else if !a.states.is_empty() && !b.states.is_empty() {
        s -= 0.2;
        against.push("different states".to_string());
    }
    if let Some(p) = a.parties.intersection(&b.parties).next() {
        s += 0.15;
        ev.push(format!("same party {p}"));
    }
    if let Some(o) = a.offices.intersection(&b.offices).next() {
        s += 0.1;
        ev.push(format!("same office {o}"));
    }
    Some(Scored {
        score: (s * 100.0_f64).round() / 100.0,
        evidence: ev,
        against,
    })
}

/// A pair's score and its evidence for and against.
pub(super) struct Scored {
    pub score: f64,
    pub evidence: Vec<String>,
    pub against: Vec<String>,
}

/// Lists likely same-person pairs scoring at least `min_score`, best first.
/// Pairs already decided are left out: records of one person (linked directly or
/// through others) and pairs decided to be different people.
pub fn duplicates(store: &Store, min_score: f64) -> Result<Vec<Pair>> {
    let decided = Decided::load(store)?;
    let mut groups: HashMap<String, Vec<Person>> = HashMap::new();
    for record in store.iter(Kind::Person) {
        if let Record::Person(p) = record? {
            let (keys, _) = name_keys(&p);
            for k in keys {
                groups.entry(k).or_default().push(p.clone());
            }
        }
    }
    let mut facts: HashMap<String, Facts> = HashMap::new();
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    let mut pairs = Vec::new();
    let mut keys: Vec<&String> = groups.keys().collect();
    keys.sort();
    for key in keys {
        let people = &groups[key];
        if people.len() < 2 {
            continue;
        }
        for p in people {
            if !facts.contains_key(&p.id) {
                facts.insert(p.id.clone(), gather(store, p)?);
            }
        }
        let group = people.len();
        for block in blocks(people, &facts) {
            for (i, a) in block.iter().enumerate() {
                for b in &block[i + 1..] {
                    let (x, y) = if a < b { (a, b) } else { (b, a) };
                    if !seen.insert((x.clone(), y.clone())) {
                        continue;
                    }
                    let (fa, fb) = (&facts[x], &facts[y]);
                    if decided.covers(x, y) {
                        continue;
                    }
                    if let Some(s) = score(fa, fb, group) {
                        if s.score >= min_score {
                            pairs.push(Pair {
                                a: x.clone(),
                                b: y.clone(),
                                score: s.score,
                                evidence: s.evidence,
                                against: s.against,
                            });
                        }
                    }
                }
            }
        }
    }
    pairs.sort_by(|p, q| {
        q.score
            .total_cmp(&p.score)
            .then_with(|| (&p.a, &p.b).cmp(&(&q.a, &q.b)))
    });
    Ok(pairs)
}

/// A name group as blocks of ids to compare: whole when small, else split by state.
fn blocks(people: &[Person], facts: &HashMap<String, Facts>) -> Vec<Vec<String>> {
    if people.len() <= MAX_GROUP {
        return vec![people.iter().map(|p| p.id.clone()).collect()];
    }
    let mut by_state: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in people {
        for s in &facts[&p.id].states {
            by_state.entry(s.clone()).or_default().push(p.id.clone());
        }
    }
    by_state
        .into_values()
        .filter(|b| b.len() <= MAX_GROUP)
        .collect()
}

/// What the identity tree has decided, for `duplicates`: which person each record
/// belongs to (the constrained clustering of [`super::clusters`]) and the pairs
/// with an effective `not_same`.
struct Decided {
    person: super::Clusters,
    different: BTreeSet<(String, String)>,
}

impl Decided {
    fn load(store: &Store) -> Result<Decided> {
        let different = store
            .identity_pairs()?
            .into_iter()
            .filter(|(_, _, v)| *v == Verdict::NotSame)
            .map(|(a, b, _)| (a, b))
            .collect();
        Ok(Decided {
            person: super::clusters(store)?,
            different,
        })
    }

    /// Whether `x` < `y` are already decided either way.
    fn covers(&self, x: &str, y: &str) -> bool {
        self.different.contains(&(x.to_string(), y.to_string()))
            || self.person.person(x) == self.person.person(y)
    }
}
