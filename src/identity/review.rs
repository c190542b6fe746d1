//! The review queue for one name (`duplicates "Narendra Modi"`): the pairs of
//! people a reader may want to decide, and nothing else.
//!
//! The records the name finds come from the search index (a term query on the
//! cross-script phonetic keys of the name's words, so `नरेंद्र मोदी` and `Narendra
//! Modi` find the same records; at most [`MAX_CANDIDATES`], best matches first), so
//! a name answers in well under a second however large the store is. Each record is
//! taken with the rest of its person ([`super::person_of`]), and pairs of records of
//! *different* people are scored by the probabilistic linker
//! ([`crate::resolve::Resolver`], over just these records and their facts: a
//! name's rarity is counted among them, which for a name the index found whole is
//! its count in the store). A pair of people is left out when it is decided
//! already — one person, or any `not_same` between their records (a person's or a
//! machine's cannot-link) — when the linker rules it out (a cannot-link), and when
//! it scores at or above the linker's threshold (`resolve` links it by itself). What
//! remains is uncertain. Each pair of people is listed once, by its best-scoring
//! records, with the evidence for (positive bits) and against (negative).

use crate::analysis::{self, Field as AField};
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::model::{Kind, Record};
use crate::resolve::{Evidence, Resolver, CANNOT_LINK};
use crate::store::{Link, Store, Verdict};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

/// The most records a name brings into the queue (before their people are added):
/// a name as common as `Rajesh Kumar` has thousands, and the best matches come first.
pub const MAX_CANDIDATES: usize = 300;
/// The most records of one person taken into the queue.
const MAX_MEMBERS: usize = 50;

/// An undecided pair of records of two people, with the linker's say.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ReviewPair {
    pub a: String,
    pub b: String,
    /// The match weight in bits (the prior included): above 0 more likely one
    /// person than not.
    pub weight: f64,
    pub probability: f64,
    /// Comparisons that speak for (positive bits), strongest first.
    pub evidence: Vec<Evidence>,
    /// Comparisons that speak against (negative bits), strongest first.
    pub against: Vec<Evidence>,
}

/// The review queue for a name.
#[derive(Clone, Debug, Serialize)]
pub struct Review {
    pub name: String,
    /// The weight at which the linker links a pair by itself.
    pub threshold: f64,
    /// Person records the name found (with the rest of their people).
    pub records: usize,
    /// How many people they make.
    pub people: usize,
    /// Undecided pairs, best first.
    pub pairs: Vec<ReviewPair>,
    /// The person id of each record in `pairs`.
    pub person: BTreeMap<String, String>,
}

/// The person records whose names share a phonetic key with `name`'s words, best
/// first.
fn candidates(index: &SearchIndex, name: &str) -> Result<Vec<String>> {
    let f = &index.fields;
    // The loose keys only, one per word or pair (as before strict keys and variants).
    let mut last = None;
    let words: Vec<(Occur, Box<dyn Query>)> = analysis::analyze(name, AField::Phonetic)
        .into_iter()
        .filter(|t| {
            let first =
                !analysis::is_strict_key(&t.text) && last != Some((t.position, t.offset_to));
            last = Some((t.position, t.offset_to));
            first
        })
        .map(|t| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(f.phonetic, &t.text),
                IndexRecordOption::WithFreqs,
            ));
            (Occur::Should, q)
        })
        .collect();
    if words.is_empty() {
        return Err(Error::Usage(format!(
            "the name `{}` has no letters to look for",
            name.chars().take(80).collect::<String>()
        )));
    }
    // Half the name's keys (words and joined pairs of words): `Ramji Lal Suma`
    // (ADR's clipped name) shares three of `Ramji Lal Suman`'s five, `Devi Lal` one.
    let needed = words.len().div_ceil(2);
    let query = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(BooleanQuery::with_minimum_required_clauses(words, needed)) as Box<dyn Query>,
        ),
        (
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(f.kind, Kind::Person.as_str()),
                IndexRecordOption::Basic,
            )),
        ),
    ]);
    let searcher = index.searcher()?;
    let top = searcher.search(
        &query,
        &TopDocs::with_limit(MAX_CANDIDATES).order_by_score(),
    )?;
    let mut out = Vec::with_capacity(top.len());
    for (_, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        if let Some(id) = doc.get_first(f.id).and_then(|v| v.as_str()) {
            out.push(id.to_string());
        }
    }
    Ok(out)
}

/// The undecided pairs of people among the person records `name` finds, weighing
/// at least `floor` bits and below the linker's threshold, best first.
pub fn review(store: &Store, index: &SearchIndex, name: &str, floor: f64) -> Result<Review> {
    let found = candidates(index, name)?;
    // Each record's person, and the people in the order their best record was found.
    let mut person: HashMap<String, String> = HashMap::new();
    let mut people: Vec<(String, Vec<String>)> = Vec::new();
    for id in &found {
        if person.contains_key(id) {
            continue;
        }
        let cluster = super::person_of(store, id)?;
        let mut members: Vec<String> = cluster
            .members
            .into_iter()
            .map(|m| m.record)
            .take(MAX_MEMBERS)
            .collect();
        if !members.contains(id) {
            members.push(id.clone());
        }
        for m in &members {
            person.insert(m.clone(), cluster.id.clone());
        }
        people.push((cluster.id, members));
    }
    // Pairs of people kept apart by any `not_same` between their records.
    let mut apart: HashSet<(String, String)> = HashSet::new();
    for (pid, members) in &people {
        for m in members {
            for (other, verdict, _) in store.identity_links(m)? {
                if verdict == Verdict::NotSame {
                    if let Some(q) = person.get(&other) {
                        apart.insert(ordered(pid, q));
                    }
                }
            }
        }
    }
    let records: Vec<String> = people.iter().flat_map(|(_, m)| m.clone()).collect();
    let resolver = Resolver::new(crate::resolve::facts::Facts::from_records(
        &with_facts(store, &records)?,
        &[],
    ));
    let threshold = resolver.model.weights.threshold;
    // The best pair of records of each pair of people, among the pairs the linker's
    // blocking compares (cannot-links left out).
    let mut best: BTreeMap<(String, String), ReviewPair> = BTreeMap::new();
    // Best first: the first pair of two people is their best.
    for s in resolver.candidates_for(&records) {
        let (Some(pa), Some(pb)) = (person.get(&s.a), person.get(&s.b)) else {
            continue;
        };
        let people_pair = ordered(pa, pb);
        if pa == pb
            || apart.contains(&people_pair)
            || best.contains_key(&people_pair)
            || s.weight <= CANNOT_LINK
            || s.weight >= threshold
            || s.weight < floor
        {
            continue;
        }
        let (mut evidence, mut against): (Vec<Evidence>, Vec<Evidence>) = s
            .evidence
            .into_iter()
            .filter(|e| e.weight != 0.0)
            .partition(|e| e.weight > 0.0);
        evidence.sort_by(|x, y| y.weight.total_cmp(&x.weight));
        against.sort_by(|x, y| x.weight.total_cmp(&y.weight));
        best.insert(
            people_pair,
            ReviewPair {
                a: s.a,
                b: s.b,
                weight: (s.weight * 100.0).round() / 100.0,
                probability: s.probability,
                evidence,
                against,
            },
        );
    }
    let mut pairs: Vec<ReviewPair> = best.into_values().collect();
    pairs.sort_by(|p, q| {
        q.weight
            .total_cmp(&p.weight)
            .then_with(|| (&p.a, &p.b).cmp(&(&q.a, &q.b)))
    });
    let person = pairs
        .iter()
        .flat_map(|p| [&p.a, &p.b])
        .filter_map(|r| Some((r.clone(), person.get(r)?.clone())))
        .collect();
    Ok(Review {
        name: name.to_string(),
        threshold,
        records: records.len(),
        people: people.len(),
        pairs,
        person,
    })
}

/// The person records `ids` with what the linker compares: their candidacies,
/// tenures and memberships, and the elections and offices those name.
fn with_facts(store: &Store, ids: &[String]) -> Result<Vec<Record>> {
    let mut out: Vec<Record> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for id in ids {
        let Some(person) = store.get_kind(Kind::Person, id)? else {
            continue;
        };
        out.push(person);
        for link in [
            Link::CandidacyByPerson,
            Link::TenureByPerson,
            Link::MembershipByPerson,
        ] {
            for fact in store.linked_records(link, id)? {
                let referenced = match &fact {
                    Record::Candidacy(c) => Some((Kind::Election, c.election.clone())),
                    Record::Tenure(t) => Some((Kind::Office, t.office.clone())),
                    _ => None,
                };
                if let Some((kind, rid)) = referenced {
                    if seen.insert(rid.clone()) {
                        if let Some(r) = store.get_kind(kind, &rid)? {
                            out.push(r);
                        }
                    }
                }
                out.push(fact);
            }
        }
    }
    Ok(out)
}

fn ordered(x: &str, y: &str) -> (String, String) {
    if x <= y {
        (x.to_string(), y.to_string())
    } else {
        (y.to_string(), x.to_string())
    }
}
