//! One seat's result table: the candidacies that several datasets give of one race
//! joined into one row per candidate — the counted dataset's row (votes, rank,
//! result) with the affidavit of ADR's — then ranked, shared and margined.
//!
//! Two rows are one candidate when the identity tree says their person records are
//! one person, or, where the resolver left them apart, when their names fit the
//! resolver's same-candidacy rule (`resolve::compare::candidacy_names_fit`) and no
//! other row of the seat fits as well.

use super::{dataset, is_nota, party_label, Constituency};
use crate::error::Result;
use crate::identity::HindiNames;
use crate::model::{Affidavit, Candidacy, Names, Outcome, Record};
use crate::resolve::compare::candidacy_names_fit;
use crate::resolve::facts::Facts;
use crate::store::Records;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A candidacy record joined into a row, and the dataset it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cited {
    pub candidacy: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A value another dataset gives for a row that the table does not show: the
/// counted dataset's value is shown, this one kept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    /// `votes`, `result` or `party`.
    pub field: String,
    pub value: serde_json::Value,
    pub candidacy: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One candidate of one seat, from every dataset that lists the candidacy.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Row {
    /// Position by votes (the dataset's own, TCPD's `Position`, where given);
    /// none for NOTA and for a candidate no counting lists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    pub person: String,
    pub name: Names,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// The party's shortest alias (`SP`) or its name, for a table column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party_label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes: Option<u64>,
    /// The dataset the votes come from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes_source: Option<String>,
    /// Percent of the seat's valid votes: the dataset's figure where it gives one,
    /// else worked out from the counted rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
    /// Votes ahead of the next candidate, as the dataset gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub margin: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deposit_lost: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Outcome>,
    /// The None-of-the-Above line: votes, no rank, never a winner.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nota: bool,
    /// Whether a dataset that counted the seat lists this candidate; a row only an
    /// affidavit knows has no votes and no rank.
    pub counted: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affidavit: Option<Affidavit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affidavit_source: Option<String>,
    /// The candidacy records joined in this row, the shown one first.
    pub candidacies: Vec<Cited>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<Disagreement>,
}

/// The dataset whose counting a seat's table shows: the most vote counts, then
/// the most rows, then the first by id.
pub(super) fn counted_dataset(cands: &[Candidacy]) -> Option<String> {
    let mut weight: HashMap<Option<&str>, (usize, usize)> = HashMap::new();
    for c in cands {
        let w = weight.entry(dataset(c)).or_default();
        w.0 += usize::from(c.votes.is_some());
        w.1 += 1;
    }
    let mut best: Vec<_> = weight.into_iter().collect();
    best.sort_by(|a, b| (b.1, a.0).cmp(&(a.1, b.0)));
    best.first().and_then(|(s, _)| s.map(str::to_string))
}

/// Whether a candidacy comes from a counting: it has votes or a rank (an
/// uncontested winner has a rank and no votes).
pub(super) fn counts(c: &Candidacy) -> bool {
    c.votes.is_some() || c.rank.is_some()
}

fn cited(c: &Candidacy) -> Cited {
    Cited {
        candidacy: c.id.clone(),
        source: dataset(c).map(str::to_string),
    }
}

fn row(c: &Candidacy, name: Names, label: Option<String>, counted: bool) -> Row {
    Row {
        rank: if counted && !is_nota(c) { c.rank } else { None },
        person: c.person.clone(),
        name,
        party: c.party.clone(),
        party_label: label,
        votes: c.votes,
        votes_source: c.votes.and(dataset(c).map(str::to_string)),
        share: if counted {
            c.share.map(|p| p.as_f64())
        } else {
            None
        },
        margin: c.margin,
        deposit_lost: c.deposit_lost,
        result: if is_nota(c) { None } else { c.result },
        nota: is_nota(c),
        counted,
        affidavit_source: c.affidavit.as_ref().and(dataset(c).map(str::to_string)),
        affidavit: c.affidavit.clone(),
        candidacies: vec![cited(c)],
        disagreements: Vec::new(),
    }
}

/// Adds another dataset's candidacy of the same candidate to `r`: what the row
/// lacks is taken, a differing count or result is kept beside the shown one.
fn join(r: &mut Row, c: &Candidacy) {
    let source = dataset(c).map(str::to_string);
    let mut differ = |field: &'static str, value: serde_json::Value| {
        r.disagreements.push(Disagreement {
            field: field.to_string(),
            value,
            candidacy: c.id.clone(),
            source: source.clone(),
        })
    };
    match (r.votes, c.votes) {
        (Some(a), Some(b)) if a != b => differ("votes", b.into()),
        _ => {}
    }
    match (r.result, c.result) {
        (Some(a), Some(b)) if a != b && !r.nota => {
            differ("result", serde_json::to_value(b).unwrap_or_default())
        }
        _ => {}
    }
    match (&r.party, &c.party) {
        (Some(a), Some(b)) if a != b => differ("party", b.clone().into()),
        _ => {}
    }
    if r.votes.is_none() && c.votes.is_some() {
        r.votes = c.votes;
        r.votes_source = source.clone();
    }
    if r.result.is_none() && !r.nota {
        r.result = c.result;
    }
    if r.party.is_none() {
        r.party = c.party.clone();
    }
    if r.affidavit.is_none() && c.affidavit.is_some() {
        r.affidavit = c.affidavit.clone();
        r.affidavit_source = source.clone();
    }
    r.candidacies.push(cited(c));
}

/// Ranks by votes (ties share a rank) for counted rows the dataset left unranked.
fn rank_by_votes(rows: &mut [Row]) {
    if rows
        .iter()
        .any(|r| r.counted && !r.nota && r.rank.is_some())
    {
        return;
    }
    let votes: Vec<u64> = rows
        .iter()
        .filter(|r| r.counted && !r.nota)
        .filter_map(|r| r.votes)
        .collect();
    for r in rows.iter_mut().filter(|r| r.counted && !r.nota) {
        if let Some(v) = r.votes {
            r.rank = Some(1 + votes.iter().filter(|&&w| w > v).count() as u32);
        }
    }
}

/// The one free row of the same party whose name starts with `c`'s name, cut
/// short (ADR's `Arjuna` for india-votes' `Arjunan`): names too short for the
/// resolver's clipped level, which the seat and the party make safe.
fn clipped_same_party(
    rows: &[Row],
    c: &Candidacy,
    names: &HashMap<String, Names>,
    free: &dyn Fn(&Row) -> bool,
) -> Option<usize> {
    let fold = |n: &Names| -> String {
        n.best("en")
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let short = fold(names.get(&c.person)?);
    if short.len() < 3 || c.party.is_none() {
        return None;
    }
    let fits: Vec<usize> = (0..rows.len())
        .filter(|&i| {
            let r = &rows[i];
            !r.nota && free(r) && r.party == c.party && fold(&r.name).starts_with(&short)
        })
        .collect();
    match fits[..] {
        [i] => Some(i),
        _ => None,
    }
}

/// The one row of `c`'s party in the seat, when `c` is its party's only candidacy
/// of its dataset there too and the two names share a word: a party fields one
/// candidate per seat, so Lok Dhaba's `C. R. Patil` and ADR's `Patil Chandrakant`
/// (BJP, Navsari 2019) are one row. Independents and seats where a party lists
/// several candidates (a Rajya Sabha election) are left to the name rules.
fn party_alone(
    rows: &[Row],
    c: &Candidacy,
    others: &[Candidacy],
    names: &HashMap<String, Names>,
    free: &dyn Fn(&Row) -> bool,
) -> Option<usize> {
    let party = c.party.as_deref().filter(|p| *p != "independent")?;
    let mine = others
        .iter()
        .filter(|o| dataset(o) == dataset(c) && o.party.as_deref() == Some(party))
        .count();
    let theirs: Vec<usize> = (0..rows.len())
        .filter(|&i| !rows[i].nota && rows[i].party.as_deref() == Some(party))
        .collect();
    let words = |n: &Names| -> Vec<String> {
        n.best("en")
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect()
    };
    // A shared word, or a word of one inside the other's letters run together
    // (`K Shanmugasundaram`, `Shanmuga Sundaram. K`).
    let share = |a: &Names, b: &Names| {
        let (wa, wb) = (words(a), words(b));
        let joined = |ws: &[String]| ws.concat();
        wa.iter().any(|w| wb.contains(w))
            || wa
                .iter()
                .any(|w| w.len() >= 4 && joined(&wb).contains(w.as_str()))
            || wb
                .iter()
                .any(|w| w.len() >= 4 && joined(&wa).contains(w.as_str()))
    };
    let own = names.get(&c.person)?;
    match (mine, &theirs[..]) {
        (1, [i]) if free(&rows[*i]) && share(own, &rows[*i].name) => Some(*i),
        _ => None,
    }
}

/// The table of one seat from its candidacies (of every dataset), joined into one row
/// per candidate exactly as `election` prints them, each candidate named in Hindi
/// as its person is (see [`crate::identity::hindi`]); `people` says who each
/// person record's person is (a caller reaching most of the store builds it from
/// the whole identity log) and remembers it for the next seat.
/// Public as `election::join_seat` for callers that gather candidacies themselves.
pub fn table(
    store: &dyn Records,
    seat: String,
    cands: Vec<Candidacy>,
    labels: &mut HashMap<String, String>,
    people: &mut HindiNames,
) -> Result<Constituency> {
    let base = counted_dataset(&cands);
    let counted = cands
        .iter()
        .any(|c| dataset(c) == base.as_deref() && counts(c));
    // The person records of the seat, for names and name comparison.
    let mut records: Vec<Record> = Vec::new();
    let mut names: HashMap<String, Names> = HashMap::new();
    for c in &cands {
        if names.contains_key(&c.person) {
            continue;
        }
        let record = store.get(&c.person)?;
        if let Some(r) = &record {
            people.note(r);
        }
        let name = record
            .as_ref()
            .map(|r| r.name())
            .unwrap_or_else(|| Names::new([("en", c.person.as_str())]));
        names.insert(c.person.clone(), name);
        if let Some(r) = record.filter(|r| matches!(r, Record::Person(_))) {
            records.push(r);
        }
    }
    let facts = Facts::from_records(&records, &[]);
    let mut person = |id: &str| people.person(id);
    let mut sources: Vec<String> = cands
        .iter()
        .filter_map(|c| dataset(c).map(str::to_string))
        .collect();
    sources.sort();
    sources.dedup();
    let name = cands
        .iter()
        .find(|c| dataset(c) == base.as_deref() && c.constituency.is_some())
        .or_else(|| cands.iter().find(|c| c.constituency.is_some()))
        .and_then(|c| c.constituency.clone());
    let (mine, others): (Vec<Candidacy>, Vec<Candidacy>) = cands
        .into_iter()
        .partition(|c| dataset(c) == base.as_deref());
    let mut rows: Vec<Row> = Vec::new();
    for c in &mine {
        let label = match &c.party {
            Some(p) => Some(party_label(store, p, labels)?),
            None => None,
        };
        rows.push(row(c, names[&c.person].clone(), label, counted));
    }
    let mut others = others;
    others.sort_by(|a, b| (dataset(a), &a.id).cmp(&(dataset(b), &b.id)));
    for c in &others {
        let src = dataset(c);
        let free = |r: &Row| !r.candidacies.iter().any(|x| x.source.as_deref() == src);
        let nota = is_nota(c);
        let mut at = None;
        if nota {
            at = rows.iter().position(|r| r.nota && free(r));
        } else {
            let p = person(&c.person)?;
            for (i, r) in rows.iter().enumerate() {
                if !r.nota && free(r) && person(&r.person)? == p {
                    at = Some(i);
                    break;
                }
            }
            if at.is_none() {
                if let Some(x) = facts.find(&c.person) {
                    let fits: Vec<usize> = (0..rows.len())
                        .filter(|&i| !rows[i].nota && free(&rows[i]))
                        .filter(|&i| {
                            facts
                                .find(&rows[i].person)
                                .is_some_and(|y| candidacy_names_fit(&facts, x, y))
                        })
                        .collect();
                    if fits.len() == 1 {
                        at = Some(fits[0]);
                    }
                }
            }
            if at.is_none() {
                at = clipped_same_party(&rows, c, &names, &free);
            }
            if at.is_none() {
                at = party_alone(&rows, c, &others, &names, &free);
            }
        }
        match at {
            Some(i) => join(&mut rows[i], c),
            None => {
                let label = match &c.party {
                    Some(p) => Some(party_label(store, p, labels)?),
                    None => None,
                };
                rows.push(row(c, names[&c.person].clone(), label, false));
            }
        }
    }
    // Each candidate as its person is named in Hindi, whichever record gave the row.
    for r in rows.iter_mut().filter(|r| !r.nota) {
        people.fill(&r.person, &mut r.name)?;
    }
    // Ranks by votes need every counted candidate's votes, as shares do (below).
    if rows.iter().filter(|r| r.counted).all(|r| r.votes.is_some()) {
        rank_by_votes(&mut rows);
    }
    // Ranked candidates, then NOTA, then the rows no counting lists.
    rows.sort_by(|a, b| {
        let key = |r: &Row| {
            (
                !r.counted,
                r.nota,
                r.rank.unwrap_or(u32::MAX),
                std::cmp::Reverse(r.votes),
                r.name.best("en").to_string(),
            )
        };
        key(a).cmp(&key(b))
    });
    let total: u64 = rows
        .iter()
        .filter(|r| r.counted)
        .filter_map(|r| r.votes)
        .sum();
    // Shares of the valid votes need every counted candidate's votes: a seat whose
    // count lists only some (the seed's Rajya Sabha election gives two of eleven) has
    // no total to divide by, and its shares are left to the dataset.
    let complete = rows.iter().filter(|r| r.counted).all(|r| r.votes.is_some());
    let any_votes = complete && rows.iter().any(|r| r.counted && r.votes.is_some());
    for r in rows.iter_mut().filter(|r| r.counted && r.share.is_none()) {
        if let (Some(v), true) = (r.votes, complete && total > 0) {
            r.share = Some(v as f64 * 100.0 / total as f64);
        }
    }
    // A margin is the winner's lead over the runner-up: one winner only (not a
    // Rajya Sabha election filling several seats from one list).
    let winners = rows
        .iter()
        .filter(|r| r.counted && !r.nota && r.result == Some(Outcome::Won))
        .count();
    let winner = rows
        .iter()
        .filter(|r| r.counted && !r.nota)
        .find(|r| r.result == Some(Outcome::Won) || r.rank == Some(1));
    let runner_up = rows
        .iter()
        .filter(|r| r.counted && !r.nota)
        .filter(|r| winner.is_some_and(|w| w.person != r.person))
        .max_by_key(|r| r.votes);
    let margin = match (winner, runner_up) {
        _ if winners > 1 => None,
        (Some(w), Some(r)) => match (w.votes, r.votes) {
            (Some(a), Some(b)) => Some(a.saturating_sub(b)),
            _ => w.margin,
        },
        (Some(w), None) => w.margin,
        _ => None,
    };
    Ok(Constituency {
        seat,
        name,
        source: base,
        counted,
        sources,
        total_votes: any_votes.then_some(total),
        margin,
        rows,
    })
}
