//! Resolving what the user typed for `show` (an id or a name) to one record id.

use super::{search, SearchOptions};
use crate::analysis::{analyze, Field};
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::store::Store;

fn name_key(text: &str) -> Vec<String> {
    analyze(text, Field::Name)
        .into_iter()
        .map(|t| t.text)
        .collect()
}

/// An id as typed, else the one record whose name or alias equals the text (after
/// name analysis), else the best search hit when it clearly leads.
pub fn resolve(store: &Store, index: &SearchIndex, text: &str) -> Result<String> {
    let typed = text.trim();
    if store.kind_of(typed)?.is_some() {
        return Ok(typed.to_string());
    }
    let opts = SearchOptions {
        limit: 10,
        kind: None,
    };
    let hits = match search(index, typed, &opts) {
        Ok(h) => h,
        Err(Error::Usage(_)) => return Err(Error::NotFound(typed.to_string())),
        Err(e) => return Err(e),
    };
    let key = name_key(typed);
    let mut exact: Vec<String> = Vec::new();
    for hit in &hits {
        let Some(record) = store.get(&hit.id)? else {
            continue;
        };
        let names = record.name();
        let matches = names
            .texts()
            .chain(record.aliases().iter().map(String::as_str))
            .any(|n| name_key(n) == key);
        if matches {
            exact.push(hit.id.clone());
        }
    }
    match exact.len() {
        1 => return Ok(exact.remove(0)),
        n if n > 1 => {
            return Err(Error::Ambiguous {
                query: typed.to_string(),
                candidates: exact,
            })
        }
        _ => {}
    }
    match hits.as_slice() {
        [] => Err(Error::NotFound(typed.to_string())),
        [only] => Ok(only.id.clone()),
        [first, second, ..] if first.score >= 1.5 * second.score => Ok(first.id.clone()),
        _ => Err(Error::Ambiguous {
            query: typed.to_string(),
            candidates: hits.iter().take(5).map(|h| h.id.clone()).collect(),
        }),
    }
}
