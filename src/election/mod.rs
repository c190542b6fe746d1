//! Election result tables as a reader expects them: one row per candidate per seat
//! (the candidacies several datasets give of one race joined, each fact citing its
//! dataset), ranks by votes, NOTA last without a rank, shares of the valid votes, the
//! winner's margin, and a party tally that counts each seat once, for `netakosh
//! election` (and the seat histories of `netakosh seat`).

mod answer;
mod history;
mod seat;
mod tally;

pub use answer::{answer, Answer};
pub use history::{history, seat_history, Contest as SeatContest, SeatHistory, Standing};
pub use seat::{table as join_seat, Cited, Disagreement, Row};
pub use tally::{PartyTally, Totals};

use crate::analysis::filter_key;
use crate::error::{Error, Result};
use crate::model::{Candidacy, Kind, Names, PartialDate, Record, System};
use crate::store::{Link, Records};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// One seat's result table.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Constituency {
    /// The seat's key: what the tables group candidacies by (see [`seat_of`]).
    pub seat: String,
    /// Absent when the candidacies name no constituency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Names>,
    /// The dataset whose counting the table shows (ranks, votes, results): the one
    /// with the most vote counts for this seat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Whether any dataset counted this seat's votes.
    pub counted: bool,
    /// Every dataset with a row of this seat.
    pub sources: Vec<String>,
    /// The valid votes: the counted rows' votes, NOTA's included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_votes: Option<u64>,
    /// The winner's votes ahead of the runner-up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub margin: Option<u64>,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Results {
    pub id: String,
    pub name: Names,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The seats the election fills, as the election record says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seats: Option<u32>,
    pub votes_unit: String,
    /// Seats, candidates and votes of the tables below (or of the whole election
    /// for a summary), each counted once.
    pub totals: Totals,
    /// Empty in a summary.
    pub constituencies: Vec<Constituency>,
    pub tally: Vec<PartyTally>,
}

/// What groups the candidacies of one seat: the candidacy's seat record when the
/// import gave it one, else the fold of its constituency's English name
/// ([`crate::domain::seats::key`]: case, spaces, punctuation, reserved-seat marks),
/// so ADR's `ALATHUR (SC)` and india-votes' `Alathur` are one seat.
fn seat_of(c: &Candidacy) -> String {
    match &c.seat {
        Some(seat) => seat.clone(),
        None => seat_key(c.constituency.as_ref().map(|n| n.best("en")).unwrap_or("")),
    }
}

/// The seat a candidacy is grouped by in result tables (its seat record's id, else
/// the fold of its constituency), for callers that gather candidacies themselves.
pub fn seat_group(c: &Candidacy) -> String {
    seat_of(c)
}

/// The fold of a constituency name that groups candidacies without a seat record.
pub fn seat_key(name: &str) -> String {
    crate::domain::seats::key(name)
}

/// The dataset a candidacy comes from: its first source.
fn dataset(c: &Candidacy) -> Option<&str> {
    c.sources.first().map(String::as_str)
}

/// Whether a candidacy is the None-of-the-Above line.
fn is_nota(c: &Candidacy) -> bool {
    c.person == crate::import::build::candidates::NOTA_PERSON
        || c.party.as_deref() == Some("none-of-the-above")
}

/// The election record `id`, or not found.
fn election(store: &dyn Records, id: &str) -> Result<crate::model::Election> {
    match store.get_kind(Kind::Election, id)? {
        Some(Record::Election(e)) => Ok(e),
        _ => Err(Error::not_found(id)),
    }
}

/// The candidacies of election `id` by seat key.
fn by_seat(store: &dyn Records, id: &str) -> Result<BTreeMap<String, Vec<Candidacy>>> {
    let mut seats: BTreeMap<String, Vec<Candidacy>> = BTreeMap::new();
    for fact in store.linked_records(Link::CandidacyByElection, id)? {
        if let Record::Candidacy(c) = fact {
            seats.entry(seat_of(&c)).or_default().push(c);
        }
    }
    join_qualified(&mut seats);
    Ok(seats)
}

/// The candidacies of election `id` in `seats`: through each seat record's
/// candidacies (a few dozen, not the election's thousands) when every seat is a
/// record, else by seat key over the election.
fn of_seats(
    store: &dyn Records,
    id: &str,
    seats: &[String],
) -> Result<BTreeMap<String, Vec<Candidacy>>> {
    let mut out: BTreeMap<String, Vec<Candidacy>> = BTreeMap::new();
    for seat in seats {
        if store.get_kind(Kind::Seat, seat)?.is_none() {
            return by_seat(store, id);
        }
        for fact in store.linked_records(Link::CandidacyBySeat, seat)? {
            if let Record::Candidacy(c) = fact {
                if c.election == id {
                    out.entry(seat_of(&c)).or_default().push(c);
                }
            }
        }
    }
    Ok(out)
}

/// Moves the uncounted rows of a seat name that one dataset qualifies and another
/// does not (india-votes' `Aurangabad (Bihar)` and `Aurangabad (Maharashtra)`,
/// ADR's `AURANGABAD` of Bihar) into the qualified seat whose qualifier their
/// candidacy ids name (`adr-lok-sabha-2024-bihar-aurangabad-…`).
fn join_qualified(seats: &mut BTreeMap<String, Vec<Candidacy>>) {
    let bare: Vec<String> = seats
        .iter()
        .filter(|(_, cands)| cands.iter().all(|c| c.votes.is_none()))
        .map(|(k, _)| k.clone())
        .collect();
    for key in bare {
        if key.is_empty() {
            continue;
        }
        let suffixes: Vec<String> = seats
            .range(key.clone()..)
            .skip(1)
            .take_while(|(k, _)| k.starts_with(&key))
            .map(|(k, _)| k[key.len()..].to_string())
            .collect();
        if suffixes.is_empty() {
            continue;
        }
        let cands = &seats[&key];
        let ids: Vec<String> = cands.iter().map(|c| crate::domain::key(&c.id)).collect();
        let fits: Vec<&String> = suffixes
            .iter()
            .filter(|s| ids.iter().all(|id| id.contains(s.as_str())))
            .collect();
        if let [suffix] = fits[..] {
            let target = format!("{key}{suffix}");
            let moved = seats.remove(&key).unwrap_or_default();
            seats.entry(target).or_default().extend(moved);
        }
    }
}

/// The seat keys of election `id` whose constituency name, in any script, contains
/// `text` (folded); empty when none does.
pub fn seats_matching(store: &dyn Records, id: &str, text: &str) -> Result<Vec<String>> {
    election(store, id)?;
    let wanted = filter_key(text);
    let exact = seat_key(text);
    let mut keys = Vec::new();
    let mut seen: HashMap<String, bool> = HashMap::new();
    for fact in store.linked_records(Link::CandidacyByElection, id)? {
        let Record::Candidacy(c) = fact else { continue };
        let Some(names) = &c.constituency else {
            continue;
        };
        for name in names.texts() {
            let hit = *seen.entry(name.to_string()).or_insert_with(|| {
                !wanted.is_empty() && filter_key(name).contains(&wanted)
                    || (!exact.is_empty() && seat_key(name) == exact)
            });
            if hit {
                let key = seat_of(&c);
                if !keys.contains(&key) {
                    keys.push(key);
                }
                break;
            }
        }
    }
    keys.sort();
    Ok(keys)
}

/// The party's shortest upper-case alias (`SP`) or its name, for a table column.
fn party_label(
    store: &dyn Records,
    id: &str,
    labels: &mut HashMap<String, String>,
) -> Result<String> {
    if let Some(l) = labels.get(id) {
        return Ok(l.clone());
    }
    let label = match store.get(id)? {
        Some(r) => crate::domain::parties::label(&r.name(), r.aliases()),
        None => id.to_string(),
    };
    labels.insert(id.to_string(), label.clone());
    Ok(label)
}

fn votes_unit(e: &crate::model::Election) -> &'static str {
    if e.system == Some(System::Stv) {
        "first-preference votes"
    } else {
        "votes"
    }
}

/// The results of election `id`: a table for each seat whose key is in `seats`
/// (every seat when `None`), and the tally of those seats.
pub fn results(store: &dyn Records, id: &str, seats: Option<&[String]>) -> Result<Results> {
    let e = election(store, id)?;
    let mut groups = match seats {
        Some(wanted) => of_seats(store, id, wanted)?,
        None => by_seat(store, id)?,
    };
    if let Some(wanted) = seats {
        groups.retain(|k, _| wanted.contains(k));
        if groups.is_empty() {
            return Err(Error::not_found(format!(
                "constituency `{}` in {id}",
                wanted.join("`, `")
            )));
        }
    }
    let mut labels = HashMap::new();
    let (totals, tally) = tally::count(store, &groups, &mut labels)?;
    let mut constituencies = Vec::with_capacity(groups.len());
    let mut people = crate::identity::HindiNames::new(store);
    for (key, cands) in groups {
        constituencies.push(seat::table(store, key, cands, &mut labels, &mut people)?);
    }
    Ok(Results {
        id: id.to_string(),
        votes_unit: votes_unit(&e).to_string(),
        name: e.name,
        date: e.date,
        seats: e.seats,
        totals,
        constituencies,
        tally,
    })
}

/// The summary of election `id`: seats, candidates, votes and the party tally,
/// without tables (no person record is read).
pub fn summary(store: &dyn Records, id: &str) -> Result<Results> {
    let e = election(store, id)?;
    let groups = by_seat(store, id)?;
    let mut labels = HashMap::new();
    let (totals, tally) = tally::count(store, &groups, &mut labels)?;
    Ok(Results {
        id: id.to_string(),
        votes_unit: votes_unit(&e).to_string(),
        name: e.name,
        date: e.date,
        seats: e.seats,
        totals,
        constituencies: Vec::new(),
        tally,
    })
}

#[cfg(test)]
mod tests {
    use super::seat_key;

    #[test]
    fn reserved_seat_suffixes_and_spelling_fold_to_one_key() {
        assert_eq!(seat_key("ALATHUR (SC)"), seat_key("Alathur"));
        assert_eq!(seat_key("Rae Bareli"), seat_key("RAEBARELI"));
        assert_eq!(seat_key("Araku "), seat_key("Araku"));
    }
}
