//! Resolving what the user typed for `show` (an id or a name) to one record id.
//!
//! Predictable rather than clever: an id, else a record whose name or alias has
//! exactly the typed words, else the one record whose name contains them all (in
//! either script). Anything else is "ambiguous" or "not found", with suggestions.
//! A person of several records is one hit and answers to every record's names, so
//! a name matches several people only when several real (unlinked) people bear it.

use super::{search, SearchOptions};
use crate::analysis::{analyze, Field};
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::model::{Kind, Record};
use crate::store::Store;
use std::collections::BTreeSet;

fn terms(text: &str, field: Field) -> BTreeSet<String> {
    analyze(text, field).into_iter().map(|t| t.text).collect()
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

fn fit(record: &Record, typed: &str) -> Fit {
    let (q_name, q_sound) = (terms(typed, Field::Name), terms(typed, Field::Phonetic));
    let names = record.name();
    let mut best = Fit::None;
    for n in names
        .texts()
        .chain(record.aliases().iter().map(String::as_str))
    {
        let (name, sound) = (terms(n, Field::Name), terms(n, Field::Phonetic));
        if name == q_name || sound == q_sound {
            return Fit::Exact;
        }
        let contained =
            q_name.iter().all(|t| name.contains(t)) || q_sound.iter().all(|t| sound.contains(t));
        if contained && !q_name.is_empty() {
            best = Fit::Contains;
        }
    }
    best
}

pub fn resolve(store: &Store, index: &SearchIndex, text: &str) -> Result<String> {
    resolve_kind(store, index, text, None)
}

/// As [`resolve`], for a record of one kind (`election`, `office`): an id of another
/// kind is an error that says what it is.
pub fn resolve_kind(
    store: &Store,
    index: &SearchIndex,
    text: &str,
    kind: Option<Kind>,
) -> Result<String> {
    let typed = text.trim();
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
    let mut fits: Vec<(Fit, String)> = Vec::new();
    for hit in &hits {
        // A person of several records answers to the names of every one of them.
        let members = if hit.kind == Kind::Person {
            crate::index::people::cluster(store, &hit.id)?
        } else {
            vec![hit.id.clone()]
        };
        let mut best = Fit::None;
        for m in &members {
            if let Some(record) = store.get(m)? {
                best = best.max(fit(&record, typed));
            }
        }
        if !members.is_empty() {
            fits.push((best, hit.id.clone()));
        }
    }
    for level in [Fit::Exact, Fit::Contains] {
        let mut ids: Vec<String> = fits
            .iter()
            .filter(|(f, _)| *f == level)
            .map(|(_, id)| id.clone())
            .collect();
        match ids.len() {
            0 => continue,
            1 => return Ok(ids.remove(0)),
            _ => {
                return Err(Error::Ambiguous {
                    query: typed.to_string(),
                    candidates: ids.into_iter().take(8).collect(),
                })
            }
        }
    }
    Err(Error::NotFound {
        query: typed.to_string(),
        suggestions: hits.iter().take(3).map(|h| h.id.clone()).collect(),
    })
}
