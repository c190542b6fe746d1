//! Resolving what the user typed for `show` (an id or a name) to one record id.
//!
//! Predictable rather than clever: an id, else a record whose name or alias has
//! exactly the typed words, else the one record whose name contains them all (in
//! either script). Anything else is "ambiguous" or "not found", with suggestions.
//! A person of several records is one hit and answers to every record's names, so
//! a name matches several people only when several real (unlinked) people bear it.

use super::{search, ElectionTarget, SearchOptions};
use crate::analysis::{analyze, Field};
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::model::{Kind, Record};
use crate::store::Records;
use std::collections::BTreeSet;

/// The words of `text` as `field` analyses them, without the joined word pairs
/// (`uttarpradesh`): `Uttar Pradesh chief minister` holds the words of `Chief
/// Minister of Uttar Pradesh` in another order.
pub(super) fn terms(text: &str, field: Field) -> BTreeSet<String> {
    let mut last = None;
    let mut out = BTreeSet::new();
    for t in analyze(text, field) {
        if last != Some(t.position) {
            last = Some(t.position);
            out.insert(t.text);
        }
    }
    out
}

/// How well a record's names match the typed words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    None,
    /// Every typed word is in one of the names (`Jaya` in `Jaya Bachchan`).
    Contains,
    /// A name has exactly the typed words.
    Exact,
}

/// How well a record's names hold the typed words, and for a containing name how
/// few words it has beyond them (`Chief Minister of Uttar Pradesh` has one more
/// than `Uttar Pradesh chief minister`; `Chief Advisor to Chief Minister, Uttar
/// Pradesh` two).
fn fit(record: &Record, typed: &str) -> (Fit, usize) {
    let (q_name, q_sound) = (terms(typed, Field::Name), terms(typed, Field::Phonetic));
    let names = record.name();
    let mut best = (Fit::None, usize::MAX);
    for n in names
        .texts()
        .chain(record.aliases().iter().map(String::as_str))
    {
        let (name, sound) = (terms(n, Field::Name), terms(n, Field::Phonetic));
        if name == q_name || sound == q_sound {
            return (Fit::Exact, 0);
        }
        let extra = if q_name.iter().all(|t| name.contains(t)) {
            name.len() - q_name.len()
        } else if q_sound.iter().all(|t| sound.contains(t)) {
            sound.len() - q_sound.len()
        } else {
            continue;
        };
        if !q_name.is_empty() {
            best = (Fit::Contains, best.1.min(extra));
        }
    }
    best
}

pub use super::seats::{resolve_seat, seats_named};

pub fn resolve(store: &dyn Records, index: &SearchIndex, text: &str) -> Result<String> {
    resolve_kind(store, index, text, None)
}

/// An election named by its id, by a natural name (`UP Vidhan Sabha 2022`,
/// `लोकसभा चुनाव २०१९`, `Amethi 2019` — the election and the seat) or by its text.
pub fn resolve_election(
    store: &dyn Records,
    index: &SearchIndex,
    text: &str,
) -> Result<ElectionTarget> {
    let typed = text.trim();
    if store.kind_of(typed)?.is_none() {
        if let Some(target) = super::elections::by_fields(store, index, typed)? {
            return Ok(target);
        }
    }
    Ok(ElectionTarget {
        id: by_text(store, index, typed, Some(Kind::Election))?,
        seats: Vec::new(),
    })
}

/// As [`resolve`], for a record of one kind (`election`, `office`): an id of another
/// kind is an error that says what it is. An election (or, with no kind, a record)
/// named by house, state and year resolves as [`resolve_election`] does; a state
/// typed as an abbreviation (`UP chief minister`) is read as its name.
pub fn resolve_kind(
    store: &dyn Records,
    index: &SearchIndex,
    text: &str,
    kind: Option<Kind>,
) -> Result<String> {
    let typed = text.trim();
    if kind == Some(Kind::Seat) {
        return resolve_seat(store, index, typed);
    }
    let is_id = store.kind_of(typed)?.is_some();
    if !is_id && matches!(kind, None | Some(Kind::Election)) {
        if let Some(target) = super::elections::by_fields(store, index, typed)? {
            return Ok(target.id);
        }
    }
    by_text(store, index, typed, kind)
}

/// An id, else the text resolution of the module's comment; a state typed as an
/// abbreviation (`UP`, `यूपी`) is read as the state's name first.
fn by_text(
    store: &dyn Records,
    index: &SearchIndex,
    typed: &str,
    kind: Option<Kind>,
) -> Result<String> {
    if store.kind_of(typed)?.is_none() {
        if let Some(expanded) = super::names::expand_states(typed) {
            match by_words(store, index, &expanded, kind) {
                Err(Error::NotFound { .. }) => {}
                Err(Error::Ambiguous {
                    candidates,
                    described,
                    ..
                }) => {
                    return Err(Error::Ambiguous {
                        query: typed.to_string(),
                        candidates,
                        described,
                    })
                }
                found => return found,
            }
        }
    }
    by_words(store, index, typed, kind)
}

fn by_words(
    store: &dyn Records,
    index: &SearchIndex,
    typed: &str,
    kind: Option<Kind>,
) -> Result<String> {
    if let Some(found) = store.kind_of(typed)? {
        return match kind {
            Some(k) if k != found => Err(Error::Usage(format!(
                "`{typed}` is {}, not {}",
                found.with_article(),
                k.with_article()
            ))),
            _ => Ok(typed.to_string()),
        };
    }
    let opts = SearchOptions {
        limit: 20,
        kind,
        ..SearchOptions::default()
    };
    let hits = match search(index, typed, &opts) {
        Ok(h) => h,
        Err(Error::Usage(_)) => return Err(Error::not_found(typed)),
        Err(e) => return Err(e),
    };
    let mut fits: Vec<(Fit, usize, Kind, String)> = Vec::new();
    for hit in &hits {
        // A person of several records answers to the names of every one of them.
        let members = if hit.kind == Kind::Person {
            crate::index::people::cluster(store, &hit.id)?
        } else {
            vec![hit.id.clone()]
        };
        let mut best = (Fit::None, usize::MAX);
        for m in &members {
            if let Some(record) = store.get(m)? {
                let (f, extra) = fit(&record, typed);
                if f > best.0 || (f == best.0 && extra < best.1) {
                    best = (f, extra);
                }
            }
        }
        if !members.is_empty() {
            fits.push((best.0, best.1, hit.kind, hit.id.clone()));
        }
    }
    for level in [Fit::Exact, Fit::Contains] {
        let at_level: Vec<&(Fit, usize, Kind, String)> =
            fits.iter().filter(|(f, ..)| *f == level).collect();
        // Of several names holding the words, the closest wins when it is one
        // record and no person (namesakes are listed, never picked this way).
        let closest = at_level.iter().map(|(_, extra, ..)| *extra).min();
        let nearest: Vec<_> = at_level
            .iter()
            .filter(|(_, extra, ..)| Some(*extra) == closest)
            .collect();
        if let [(_, _, kind, id)] = nearest.as_slice() {
            if *kind != Kind::Person && at_level.iter().all(|(_, _, k, _)| *k != Kind::Person) {
                return Ok(id.clone());
            }
        }
        let mut ids: Vec<String> = at_level.iter().map(|(.., id)| id.clone()).collect();
        match ids.len() {
            0 => continue,
            1 => return Ok(ids.remove(0)),
            _ => {
                ids.truncate(8);
                let described = ids
                    .iter()
                    .map(|id| describe(store, id))
                    .collect::<Result<Vec<_>>>()?;
                return Err(Error::Ambiguous {
                    query: typed.to_string(),
                    candidates: ids,
                    described,
                });
            }
        }
    }
    Err(Error::NotFound {
        query: typed.to_string(),
        suggestions: hits.iter().take(3).map(|h| h.id.clone()).collect(),
    })
}

/// What tells a record apart from others of its name in a list of candidates:
/// an election's date, house and area; another record's kind and name. Empty for
/// a person (`show` lists namesakes with their seats and years itself).
fn describe(store: &dyn Records, id: &str) -> Result<String> {
    Ok(match store.get(id)? {
        Some(Record::Election(e)) => super::describe_election(store, &e)?,
        Some(Record::Person(_)) | None => String::new(),
        Some(r) => format!("{}: {}", r.kind().as_str(), r.name().best("en")),
    })
}
