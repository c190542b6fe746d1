//! Election result tables: candidates by constituency, ordered by votes, with vote
//! shares, and the party tally, for `netakosh election`.

use crate::analysis::filter_key;
use crate::error::{Error, Result};
use crate::model::{Kind, Names, Outcome, PartialDate, Record, System};
use crate::store::{Link, Store};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub rank: usize,
    pub person: String,
    pub name: Names,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// The party's shortest alias (`SP`) or its name, for a table column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party_label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes: Option<u64>,
    /// Percent of the votes: the dataset's share of the valid votes when every
    /// candidacy of the seat gives one (TCPD), else worked out from the listed
    /// counts when every one is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
    /// Votes ahead of the next candidate, as the dataset gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub margin: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deposit_lost: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Outcome>,
    /// The dataset's share, kept apart until the seat is complete.
    #[serde(skip)]
    given_share: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Constituency {
    /// Absent when the candidacies name no constituency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Names>,
    /// The dataset the rows come from. Datasets are tabled apart: two of them name
    /// the same candidates (each a record of its own until merged), and their counts
    /// differ in what they cover.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Whether the party tally counts this table: one per constituency, the dataset
    /// with the most vote counts.
    pub tallied: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_votes: Option<u64>,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PartyTally {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    pub label: String,
    pub candidates: usize,
    pub won: usize,
    pub votes: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Results {
    pub id: String,
    pub name: Names,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seats: Option<u32>,
    pub votes_unit: &'static str,
    pub constituencies: Vec<Constituency>,
    pub tally: Vec<PartyTally>,
}

fn party_label(store: &Store, id: &str) -> Result<String> {
    Ok(match store.get(id)? {
        Some(r) => r
            .aliases()
            .iter()
            .filter(|a| {
                a.chars()
                    .all(|c| c.is_ascii_uppercase() || c == '(' || c == ')')
            })
            .min_by_key(|a| a.len())
            .cloned()
            .unwrap_or_else(|| r.name().best("en").to_string()),
        None => id.to_string(),
    })
}

/// One result table: a constituency's key and the dataset its rows come from.
type Table = (String, Option<String>);

/// The results of election `id`, only for constituencies whose name contains
/// `constituency` (any script) when given.
pub fn results(store: &Store, id: &str, constituency: Option<&str>) -> Result<Results> {
    let Some(Record::Election(e)) = store.get_kind(Kind::Election, id)? else {
        return Err(Error::not_found(id));
    };
    let wanted = constituency.map(filter_key).filter(|k| !k.is_empty());
    let mut groups: BTreeMap<Table, (Option<Names>, Vec<Row>)> = BTreeMap::new();
    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    for fact in store.linked_records(Link::CandidacyByElection, id)? {
        let Record::Candidacy(c) = fact else { continue };
        let key = c
            .constituency
            .as_ref()
            .map(|n| filter_key(n.best("en")))
            .unwrap_or_default();
        if let Some(w) = &wanted {
            let names = c
                .constituency
                .iter()
                .flat_map(|n| n.texts())
                .map(filter_key);
            if !names.into_iter().any(|n| n.contains(w.as_str())) {
                continue;
            }
        }
        let party_label = match &c.party {
            Some(p) => {
                if !labels.contains_key(p) {
                    labels.insert(p.clone(), party_label(store, p)?);
                }
                labels.get(p).cloned()
            }
            None => None,
        };
        let name = store
            .get(&c.person)?
            .map(|r| r.name())
            .unwrap_or_else(|| Names::new([("en", c.person.as_str())]));
        let entry = groups
            .entry((key, c.sources.first().cloned()))
            .or_insert_with(|| (c.constituency.clone(), Vec::new()));
        entry.1.push(Row {
            rank: 0,
            person: c.person.clone(),
            name,
            party: c.party.clone(),
            party_label,
            votes: c.votes,
            share: None,
            margin: c.margin,
            deposit_lost: c.deposit_lost,
            result: c.result,
            given_share: c.share.map(|p| p.as_f64()),
        });
    }
    if let (Some(w), true) = (constituency, groups.is_empty()) {
        return Err(Error::not_found(format!("constituency `{w}` in {id}")));
    }
    // Per constituency, the dataset the tally counts: most vote counts, then rows.
    let mut tallied: BTreeMap<&str, (usize, usize, &Option<String>)> = BTreeMap::new();
    for ((key, source), (_, rows)) in &groups {
        let weight = (
            rows.iter().filter(|r| r.votes.is_some()).count(),
            rows.len(),
        );
        let best = tallied.entry(key).or_insert((0, 0, source));
        if weight > (best.0, best.1) {
            *best = (weight.0, weight.1, source);
        }
    }
    let tallied: std::collections::BTreeSet<Table> = tallied
        .into_iter()
        .map(|(k, (_, _, s))| (k.to_string(), s.clone()))
        .collect();
    let mut constituencies = Vec::new();
    let mut tally: BTreeMap<Option<String>, PartyTally> = BTreeMap::new();
    for (group, (name, mut rows)) in groups {
        let counted = tallied.contains(&group);
        rows.sort_by(|a, b| {
            let key = |r: &Row| {
                (
                    std::cmp::Reverse(r.votes),
                    r.result != Some(Outcome::Won),
                    r.name.best("en").to_string(),
                )
            };
            key(a).cmp(&key(b))
        });
        let complete = rows.iter().all(|r| r.votes.is_some());
        let given = rows.iter().all(|r| r.given_share.is_some());
        let total: u64 = rows.iter().filter_map(|r| r.votes).sum();
        for (i, r) in rows.iter_mut().enumerate() {
            r.rank = i + 1;
            if given {
                r.share = r.given_share;
            } else if complete && total > 0 {
                r.share = r.votes.map(|v| (v as f64) * 100.0 / (total as f64));
            }
            if !counted {
                continue;
            }
            let t = tally.entry(r.party.clone()).or_insert_with(|| PartyTally {
                party: r.party.clone(),
                label: r.party_label.clone().unwrap_or_else(|| "—".into()),
                candidates: 0,
                won: 0,
                votes: 0,
            });
            t.candidates += 1;
            t.won += usize::from(r.result == Some(Outcome::Won));
            t.votes += r.votes.unwrap_or(0);
        }
        let table = Constituency {
            name,
            source: group.1,
            tallied: counted,
            total_votes: complete.then_some(total),
            rows,
        };
        constituencies.push((group.0, !counted, table));
    }
    // By constituency; the tallied dataset's table first.
    constituencies.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let constituencies: Vec<Constituency> = constituencies.into_iter().map(|c| c.2).collect();
    let mut tally: Vec<PartyTally> = tally.into_values().collect();
    tally.sort_by(|a, b| (b.won, b.votes, &a.label).cmp(&(a.won, a.votes, &b.label)));
    Ok(Results {
        id: id.to_string(),
        name: e.name,
        date: e.date,
        seats: e.seats,
        votes_unit: if e.system == Some(System::Stv) {
            "first-preference votes"
        } else {
            "votes"
        },
        constituencies,
        tally,
    })
}
