//! The party tally of an election: each seat counted once, from the dataset that
//! counted it (see `seat::counted_dataset`), each candidacy of that dataset once,
//! NOTA apart. It reads candidacies and party records only, never a person, so the
//! tally of a general election stays fast.

use super::seat::{counted_dataset, counts};
use super::{dataset, is_nota, party_label};
use crate::error::Result;
use crate::model::{Candidacy, Outcome};
use crate::store::Records;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PartyTally {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    pub label: String,
    /// Seats the party contested (candidacies of the counted datasets).
    pub candidates: usize,
    pub won: usize,
    pub votes: u64,
}

/// What a set of seats adds up to, each seat once.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Totals {
    pub seats: usize,
    /// Seats whose votes some dataset counted.
    pub counted_seats: usize,
    /// Seats left out of the tally: listed only by a dataset that counts no votes
    /// (ADR's affidavits) in an election another dataset counted — a seat the
    /// datasets name apart, whose rows are in its own table.
    pub uncounted_seats: usize,
    /// Candidacies (NOTA not included).
    pub candidates: usize,
    /// Valid votes, NOTA's included.
    pub votes: u64,
    pub nota_votes: u64,
    /// Seats with a winner.
    pub decided: usize,
    /// The datasets whose counting the tally uses.
    pub sources: Vec<String>,
}

/// The totals and the tally (most seats won first) of `seats`.
pub(super) fn count(
    store: &dyn Records,
    seats: &BTreeMap<String, Vec<Candidacy>>,
    labels: &mut HashMap<String, String>,
) -> Result<(Totals, Vec<PartyTally>)> {
    let mut totals = Totals::default();
    let mut tally: BTreeMap<Option<String>, PartyTally> = BTreeMap::new();
    let bases: Vec<(Option<String>, bool)> = seats
        .values()
        .map(|cands| {
            let base = counted_dataset(cands);
            let counted = cands
                .iter()
                .any(|c| dataset(c) == base.as_deref() && counts(c));
            (base, counted)
        })
        .collect();
    // Where a dataset counted the election, a seat only an affidavit lists is a
    // seat the datasets name apart (a spelling, a state) — counting it would count
    // its winner twice — so it is listed, not tallied.
    let any_counted = bases.iter().any(|b| b.1);
    for (cands, (base, counted)) in seats.values().zip(bases) {
        if any_counted && !counted {
            totals.uncounted_seats += 1;
            continue;
        }
        let mine = cands.iter().filter(|c| dataset(c) == base.as_deref());
        totals.seats += 1;
        let mut decided = false;
        for c in mine {
            if is_nota(c) {
                totals.nota_votes += c.votes.unwrap_or(0);
                totals.votes += c.votes.unwrap_or(0);
                continue;
            }
            totals.candidates += 1;
            totals.votes += c.votes.unwrap_or(0);
            let won = c.result == Some(Outcome::Won);
            decided |= won;
            let t = match tally.get_mut(&c.party) {
                Some(t) => t,
                None => {
                    let label = match &c.party {
                        Some(p) => party_label(store, p, labels)?,
                        None => "—".into(),
                    };
                    tally.entry(c.party.clone()).or_insert(PartyTally {
                        party: c.party.clone(),
                        label,
                        candidates: 0,
                        won: 0,
                        votes: 0,
                    })
                }
            };
            t.candidates += 1;
            t.won += usize::from(won);
            t.votes += c.votes.unwrap_or(0);
        }
        totals.counted_seats += usize::from(counted && cands.iter().any(|c| c.votes.is_some()));
        totals.decided += usize::from(decided);
        if let Some(b) = base {
            if !totals.sources.contains(&b) {
                totals.sources.push(b);
            }
        }
    }
    totals.sources.sort();
    let mut tally: Vec<PartyTally> = tally.into_values().collect();
    tally.sort_by(|a, b| (b.won, b.votes, &a.label).cmp(&(a.won, a.votes, &b.label)));
    Ok((totals, tally))
}
