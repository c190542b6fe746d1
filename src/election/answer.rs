//! What `election` answers for a typed name: the election (and seats) it names,
//! as tables or, for an election of many seats, its summary. Shared by the
//! command and `serve`.

use super::{results, seats_matching, summary, Results};
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::search::resolve_election;
use crate::store::Records;
use serde::{Deserialize, Serialize};

/// One or more result tables, or the summary of an election of many seats.
#[derive(Serialize, Deserialize)]
pub struct Answer {
    pub summary: bool,
    pub results: Results,
}

/// The answer for `target` (`Amethi 2019`, `lok-sabha-2024`), narrowed to the
/// seats `constituency` names; `tables` asks for the tables even of a whole
/// general election (as `--json` does) instead of its summary.
pub fn answer(
    records: &dyn Records,
    index: &SearchIndex,
    target: &str,
    constituency: Option<&str>,
    tables: bool,
) -> Result<Answer> {
    // A natural name (`Amethi 2019`) may single out a seat as well as the election.
    let named = resolve_election(records, index, target)?;
    let id = named.id;
    crate::kb::timing("resolved the election");
    let seats = match constituency {
        Some(text) => {
            let keys = seats_named(records, index, &id, text)?;
            if keys.is_empty() {
                return Err(Error::not_found(format!("constituency `{text}` in {id}")));
            }
            Some(keys)
        }
        None if !named.seats.is_empty() => Some(named.seats),
        None => None,
    };
    if seats.is_none() && !tables {
        let s = summary(records, &id)?;
        if s.totals.seats > 1 {
            return Ok(Answer {
                summary: true,
                results: s,
            });
        }
    }
    Ok(Answer {
        summary: false,
        results: results(records, &id, seats.as_deref())?,
    })
}

/// The seats of election `id` that `text` names in either script and any spelling
/// (`search::resolve::seats_named`), else — a store imported before seats were
/// records — every seat of the election whose name holds the text.
fn seats_named(
    records: &dyn Records,
    index: &SearchIndex,
    id: &str,
    text: &str,
) -> Result<Vec<String>> {
    match crate::search::resolve::seats_named(records, index, text, Some(id)) {
        Ok(seats) if !seats.is_empty() => Ok(seats),
        Ok(_) | Err(Error::NotFound { .. }) => seats_matching(records, id, text),
        Err(e) => Err(e),
    }
}
