//! A seat's history for `netakosh seat`: every election it was contested in, with
//! the winner, the runner-up, the margin and the datasets cited — each election's
//! row read from the same joined table `election` prints (see [`super::seat`]).

use super::{seat, seat_key, Row};
use crate::error::{Error, Result};
use crate::model::{Candidacy, Kind, Names, Outcome, PartialDate, Record};
use crate::store::Link;
use crate::store::Records;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A candidate as a history line shows them.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Standing {
    pub person: String,
    pub name: Names,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party_label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
}

/// One election of the seat.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Contest {
    pub election: String,
    pub name: Names,
    /// The house elected to: the election's body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub house: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The seat's name as the counted dataset spells it that year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub constituency: Option<Names>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub winner: Option<Standing>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runner_up: Option<Standing>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub margin: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_votes: Option<u64>,
    /// Candidates (NOTA not included).
    pub candidates: usize,
    /// The dataset whose counting the line shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SeatHistory {
    /// The seat record's id, or the key of its name where seats are no records.
    pub seat: String,
    pub name: Names,
    /// Oldest first.
    pub contests: Vec<Contest>,
}

fn standing(r: &Row) -> Standing {
    Standing {
        person: r.person.clone(),
        name: r.name.clone(),
        party: r.party.clone(),
        party_label: r.party_label.clone(),
        votes: r.votes,
        share: r.share,
    }
}

/// The history of seat record `id` (its candidacies of every election and
/// dataset), oldest election first.
pub fn seat_history(store: &dyn Records, id: &str) -> Result<SeatHistory> {
    let Some(Record::Seat(seat)) = store.get_kind(Kind::Seat, id)? else {
        return Err(Error::not_found(id));
    };
    let mut by_election: BTreeMap<String, Vec<Candidacy>> = BTreeMap::new();
    for fact in store.linked_records(Link::CandidacyBySeat, id)? {
        if let Record::Candidacy(c) = fact {
            by_election.entry(c.election.clone()).or_default().push(c);
        }
    }
    if by_election.is_empty() {
        return Err(Error::not_found(id));
    }
    let mut h = of_elections(store, id.to_string(), by_election)?;
    h.name = seat.name;
    Ok(h)
}

/// The history of the seat named `name` (any spelling that folds to its key:
/// `RAE BARELI (SC)`, `Raebareli`), oldest election first, from a pass over every
/// candidacy: for a store whose candidacies have no seat records.
pub fn history(store: &dyn Records, name: &str) -> Result<SeatHistory> {
    let key = seat_key(name);
    if key.is_empty() {
        return Err(Error::not_found(name));
    }
    let mut by_election: BTreeMap<String, Vec<Candidacy>> = BTreeMap::new();
    for record in store.of_kind(Kind::Candidacy) {
        if let Record::Candidacy(c) = record? {
            let folded = c.constituency.as_ref().map(|n| seat_key(n.best("en")));
            if folded.as_deref() == Some(key.as_str()) {
                by_election.entry(c.election.clone()).or_default().push(c);
            }
        }
    }
    if by_election.is_empty() {
        return Err(Error::not_found(name));
    }
    of_elections(store, key, by_election)
}

/// The history from a seat's candidacies grouped by election.
fn of_elections(
    store: &dyn Records,
    key: String,
    by_election: BTreeMap<String, Vec<Candidacy>>,
) -> Result<SeatHistory> {
    let mut labels = HashMap::new();
    let mut people = crate::identity::HindiNames::new(store);
    let mut houses: HashMap<String, Option<String>> = HashMap::new();
    let mut contests = Vec::new();
    let mut name: Option<Names> = None;
    for (election, cands) in by_election {
        let e = match store.get_kind(Kind::Election, &election)? {
            Some(Record::Election(e)) => e,
            _ => continue,
        };
        let house = match &e.body {
            Some(body) => match houses.get(body) {
                Some(h) => h.clone(),
                None => {
                    let h = store.get(body)?.map(|r| r.name().best("en").to_string());
                    houses.insert(body.clone(), h.clone());
                    h
                }
            },
            None => None,
        };
        let t = seat::table(store, key.clone(), cands, &mut labels, &mut people)?;
        let counted: Vec<&Row> = t.rows.iter().filter(|r| r.counted && !r.nota).collect();
        let winner = counted
            .iter()
            .find(|r| r.result == Some(Outcome::Won))
            .or_else(|| counted.iter().find(|r| r.rank == Some(1)))
            .copied();
        let runner_up = counted
            .iter()
            .filter(|r| winner.is_some_and(|w| w.person != r.person))
            .find(|r| r.votes.is_some() || r.rank.is_some())
            .copied();
        name = t.name.clone().or(name);
        contests.push(Contest {
            election: e.id.clone(),
            name: e.name.clone(),
            house,
            date: e.date,
            constituency: t.name.clone(),
            winner: winner.map(standing),
            runner_up: runner_up.map(standing),
            margin: t.margin,
            total_votes: t.total_votes,
            candidates: t.rows.iter().filter(|r| !r.nota).count(),
            source: t.source.clone(),
            sources: t.sources.clone(),
        });
    }
    contests.sort_by(|a, b| (a.date, &a.election).cmp(&(b.date, &b.election)));
    Ok(SeatHistory {
        name: name.unwrap_or_else(|| Names::new([("en", key.as_str())])),
        seat: key,
        contests,
    })
}
