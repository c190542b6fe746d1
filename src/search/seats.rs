//! Seats named in either script and their spelling variants (`Raebareli`,
//! `Rae Bareli`, `RAE BARELI (SC)`, `कन्नौज`), and the election a seat and a year
//! name (`Amethi 2019`: the 2019 Lok Sabha election, Amethi's seat).
//!
//! A seat's name is matched by the one fold of constituency names
//! ([`crate::domain::seats::key`]), else by its cross-script sound (कन्नौज ↔
//! Kannauj), else by holding every typed word (`Bareli` → Rae Bareli).

use super::elections::{pick_among, ElectionTarget};
use super::names::ElectionName;
use super::resolve::terms;
use super::{search, SearchOptions};
use crate::analysis::Field;
use crate::domain::seats::key;
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::model::{Kind, Record, Seat};
use crate::store::{Link, Records};
use std::collections::BTreeSet;

/// The most seats a name is matched against (a common name, `Maharajganj`, is the
/// name of a few seats in several legislatures).
const MAX_SEATS: usize = 200;

/// How well a seat's names match the typed text: the fold, the sound, the words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SeatFit {
    Words,
    Sound,
    Fold,
}

fn seat_fit(seat: &Seat, typed: &str) -> Option<SeatFit> {
    let folded = key(typed);
    let (q_words, q_sound) = (terms(typed, Field::Name), terms(typed, Field::Phonetic));
    let mut best = None;
    for n in seat
        .name
        .texts()
        .chain(seat.aliases.iter().map(String::as_str))
    {
        let fit = if !folded.is_empty() && key(n) == folded {
            SeatFit::Fold
        } else if !q_sound.is_empty() && terms(n, Field::Phonetic) == q_sound {
            SeatFit::Sound
        } else if !q_words.is_empty() && q_words.is_subset(&terms(n, Field::Name)) {
            SeatFit::Words
        } else {
            continue;
        };
        best = best.max(Some(fit));
    }
    best
}

/// Whether seat `seat` has a candidacy in `election`.
fn contested_in(store: &dyn Records, seat: &str, election: &str) -> Result<bool> {
    Ok(store
        .linked_records(Link::CandidacyBySeat, seat)?
        .iter()
        .any(|r| matches!(r, Record::Candidacy(c) if c.election == election)))
}

/// The ids of the seats `text` names, in either script and any of their spellings
/// (the best-matching ones: an exact fold before a sound before the words); only
/// `election`'s seats when given. An unknown election is an error; no seat is an
/// empty list.
pub fn seats_named(
    store: &dyn Records,
    index: &SearchIndex,
    text: &str,
    election: Option<&str>,
) -> Result<Vec<String>> {
    let typed = text.trim();
    let body = match election {
        Some(id) => match store.get_kind(Kind::Election, id)? {
            Some(Record::Election(e)) => e.body,
            _ => return Err(Error::not_found(id)),
        },
        None => None,
    };
    if typed.is_empty() {
        return Ok(Vec::new());
    }
    let mut candidates: Vec<(SeatFit, String)> = Vec::new();
    if store.kind_of(typed)? == Some(Kind::Seat) {
        candidates.push((SeatFit::Fold, typed.to_string()));
    } else {
        let opts = SearchOptions {
            limit: MAX_SEATS,
            kind: Some(Kind::Seat),
            ..SearchOptions::default()
        };
        let hits = match search(index, typed, &opts) {
            Ok(h) => h,
            Err(Error::Usage(_)) => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        for hit in hits {
            if let Some(Record::Seat(s)) = store.get_kind(Kind::Seat, &hit.id)? {
                if body.as_ref().is_some_and(|b| *b != s.body) {
                    continue;
                }
                if let Some(fit) = seat_fit(&s, typed) {
                    candidates.push((fit, s.id));
                }
            }
        }
    }
    let mut out = Vec::new();
    for level in [SeatFit::Fold, SeatFit::Sound, SeatFit::Words] {
        for (_, id) in candidates.iter().filter(|(f, _)| *f == level) {
            let keep = match election {
                Some(e) => contested_in(store, id, e)?,
                None => true,
            };
            if keep && !out.contains(id) {
                out.push(id.clone());
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    Ok(out)
}

/// The election a seat's name with a year (or a house, or "bye") names, and that
/// seat in it: `Amethi 2019`. `Ok(None)` when the words name no seat, or only a
/// seat (`Amethi` alone is the seat, not an election).
pub(crate) fn election_of_seat(
    store: &dyn Records,
    index: &SearchIndex,
    typed: &str,
    name: &ElectionName,
) -> Result<Option<ElectionTarget>> {
    if name.year.is_none() && name.house.is_none() && !name.bye {
        return Ok(None);
    }
    let seats = seats_named(store, index, &name.rest_text(), None)?;
    if seats.is_empty() {
        return Ok(None);
    }
    let mut elections = BTreeSet::new();
    for seat in &seats {
        for r in store.linked_records(Link::CandidacyBySeat, seat)? {
            if let Record::Candidacy(c) = r {
                elections.insert(c.election);
            }
        }
    }
    let elections: Vec<String> = elections.into_iter().collect();
    let Some(id) = pick_among(store, typed, name, &elections)? else {
        return Ok(None);
    };
    let mut in_it = Vec::new();
    for seat in seats {
        if contested_in(store, &seat, &id)? {
            in_it.push(seat);
        }
    }
    Ok(Some(ElectionTarget { id, seats: in_it }))
}

/// What tells a seat apart from others of its name: its legislature and state.
fn describe_seat(store: &dyn Records, s: &Seat) -> Result<String> {
    let mut parts = vec![match store.get(&s.body)? {
        Some(r) => r.name().best("en").to_string(),
        None => s.body.clone(),
    }];
    if let Some(state) = &s.state {
        let en = state.best("en");
        if !parts[0].contains(en) {
            parts.push(en.to_string());
        }
    }
    if let Some(n) = s.number {
        parts.push(format!("no. {n}"));
    }
    Ok(parts.join(", "))
}

/// The one seat `text` names (`seat NAME`): an id, or a name in either script and
/// any spelling, narrowed by a house or state typed with it (`Amethi Lok Sabha`,
/// `Amethi UP assembly`). Several seats of the name are listed with their house
/// and state.
pub fn resolve_seat(store: &dyn Records, index: &SearchIndex, text: &str) -> Result<String> {
    let typed = text.trim();
    if let Some(kind) = store.kind_of(typed)? {
        return match kind {
            Kind::Seat => Ok(typed.to_string()),
            other => Err(Error::Usage(format!(
                "`{typed}` is {}, not a seat",
                other.with_article()
            ))),
        };
    }
    let name = super::names::parse(typed);
    let (words, narrowed) =
        if name.rest.is_empty() || (name.house.is_none() && name.state.is_none()) {
            (typed.to_string(), false)
        } else {
            (name.rest_text(), true)
        };
    let mut found = Vec::new();
    for id in seats_named(store, index, &words, None)? {
        if let Some(Record::Seat(s)) = store.get_kind(Kind::Seat, &id)? {
            let house_fits = name.house.is_none_or(|h| h.is_body(&s.body)) || !narrowed;
            let state_fits = !narrowed
                || name.state.is_none_or(|st| {
                    s.body.ends_with(st.slug)
                        || s.state.as_ref().is_some_and(|n| {
                            n.texts().any(|t| {
                                crate::domain::states::find(t).is_some_and(|f| f.slug == st.slug)
                            })
                        })
                });
            if house_fits && state_fits {
                found.push(s);
            }
        }
    }
    match found.len() {
        0 => {
            let opts = SearchOptions {
                limit: 3,
                kind: Some(Kind::Seat),
                ..SearchOptions::default()
            };
            let suggestions = search(index, typed, &opts)
                .map(|hits| hits.into_iter().map(|h| h.id).collect())
                .unwrap_or_default();
            Err(Error::NotFound {
                query: typed.to_string(),
                suggestions,
            })
        }
        1 => Ok(found.remove(0).id),
        _ => {
            let mut described = Vec::new();
            for s in &found {
                described.push(describe_seat(store, s)?);
            }
            Err(Error::Ambiguous {
                query: typed.to_string(),
                candidates: found.into_iter().map(|s| s.id).collect(),
                described,
            })
        }
    }
}
