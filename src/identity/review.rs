//! The review queue for one name (`duplicates "Narendra Modi"`): the pairs of
//! people a reader may want to decide, and nothing else.
//!
//! The records the name finds come from the search index (a term query on the
//! cross-script phonetic keys of the name's words, so `नरेंद्र मोदी` and `Narendra
//! Modi` find the same records; at most [`MAX_CANDIDATES`], best matches first), so
//! a name answers in well under a second however large the store is. Each record is
//! taken with the rest of its person ([`super::person_of`]); pairs are scored
//! between records of *different* people, and a pair of people is left out when it
//! is decided already: one person, or any `not_same` between their records (a
//! person's or a machine's cannot-link). What remains is uncertain: today's scorer
//! links nothing by itself, so every pair above `min_score` is a question for a
//! person. Each pair of people is listed once, by its best-scoring records, with the
//! evidence for and against.

use super::duplicates::{gather, name_keys, score, Facts, Pair};
use crate::analysis::{self, Field as AField};
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::model::{Kind, Record};
use crate::store::{Store, Verdict};
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

/// The review queue for a name.
#[derive(Clone, Debug, Serialize)]
pub struct Review {
    pub name: String,
    /// Person records the name found (with the rest of their people).
    pub records: usize,
    /// How many people they make.
    pub people: usize,
    /// Undecided pairs, best first.
    pub pairs: Vec<Pair>,
    /// The person id of each record in `pairs`.
    pub person: BTreeMap<String, String>,
}

/// The person records whose names share a phonetic key with `name`'s words, best
/// first.
fn candidates(index: &SearchIndex, name: &str) -> Result<Vec<String>> {
    let f = &index.fields;
    let words: Vec<(Occur, Box<dyn Query>)> = analysis::analyze(name, AField::Phonetic)
        .into_iter()
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
    let query = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(BooleanQuery::new(words)) as Box<dyn Query>,
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

/// The undecided pairs of people among the person records `name` finds, scoring at
/// least `min_score`, best first.
pub fn review(store: &Store, index: &SearchIndex, name: &str, min_score: f64) -> Result<Review> {
    let found = candidates(index, name)?;
    // Each record's person, and the people in the order their best record was found.
    let mut person: HashMap<String, String> = HashMap::new();
    let mut people: Vec<(String, Vec<String>)> = Vec::new();
    for id in &found {
        if person.contains_key(id) {
            continue;
        }
        let cluster = super::person_of(store, id)?;
        let members: Vec<String> = cluster
            .members
            .into_iter()
            .map(|m| m.record)
            .take(MAX_MEMBERS)
            .collect();
        for m in &members {
            person.insert(m.clone(), cluster.id.clone());
        }
        person.insert(id.clone(), cluster.id.clone());
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
    let mut facts: BTreeMap<String, Facts> = BTreeMap::new();
    let mut key_count: HashMap<String, usize> = HashMap::new();
    for (_, members) in &people {
        for m in members {
            if let Some(Record::Person(p)) = store.get_kind(Kind::Person, m)? {
                for k in name_keys(&p).0 {
                    *key_count.entry(k).or_default() += 1;
                }
                facts.insert(m.clone(), gather(store, &p)?);
            }
        }
    }
    // The best pair of records of each pair of people.
    let mut best: BTreeMap<(String, String), Pair> = BTreeMap::new();
    let records: Vec<(&String, &Facts)> = facts.iter().collect();
    for (i, (a, fa)) in records.iter().enumerate() {
        for (b, fb) in &records[i + 1..] {
            let (pa, pb) = (&person[*a], &person[*b]);
            let people_pair = ordered(pa, pb);
            if pa == pb || apart.contains(&people_pair) {
                continue;
            }
            let shared = fa.keys.intersection(&fb.keys).next();
            let group = shared.map_or(0, |k| key_count.get(k).copied().unwrap_or(0));
            let Some(s) = score(fa, fb, group) else {
                continue;
            };
            if s.score < min_score {
                continue;
            }
            let better = best
                .get(&people_pair)
                .is_none_or(|p: &Pair| s.score > p.score);
            if better {
                best.insert(
                    people_pair,
                    Pair {
                        a: (*a).clone(),
                        b: (*b).clone(),
                        score: s.score,
                        evidence: s.evidence,
                        against: s.against,
                    },
                );
            }
        }
    }
    let mut pairs: Vec<Pair> = best.into_values().collect();
    pairs.sort_by(|p, q| {
        q.score
            .total_cmp(&p.score)
            .then_with(|| (&p.a, &p.b).cmp(&(&q.a, &q.b)))
    });
    let person = pairs
        .iter()
        .flat_map(|p| [&p.a, &p.b])
        .map(|r| (r.clone(), person[r].clone()))
        .collect();
    Ok(Review {
        name: name.to_string(),
        records: facts.len(),
        people: people.len(),
        pairs,
        person,
    })
}

fn ordered(x: &str, y: &str) -> (String, String) {
    if x <= y {
        (x.to_string(), y.to_string())
    } else {
        (y.to_string(), x.to_string())
    }
}
