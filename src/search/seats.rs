//! Seats named in either script and their spelling variants (`Raebareli`,
//! `Rae Bareli`, `कन्नौज`), and the election a seat and a year name (`Amethi 2019`).

use super::elections::ElectionTarget;
use super::names::ElectionName;
use crate::error::Result;
use crate::index::SearchIndex;
use crate::store::Store;

/// The ids of the seats `text` names; only `election`'s seats when given.
pub fn seats_named(
    _store: &Store,
    _index: &SearchIndex,
    _text: &str,
    _election: Option<&str>,
) -> Result<Vec<String>> {
    Ok(Vec::new())
}

/// The election (and its seats) a seat's name with a year, house or state names.
pub(crate) fn election_of_seat(
    _store: &Store,
    _index: &SearchIndex,
    _typed: &str,
    _name: &ElectionName,
) -> Result<Option<ElectionTarget>> {
    Ok(None)
}
