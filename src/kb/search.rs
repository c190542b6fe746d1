//! Search from the index alone, without opening sled, whenever the index is current.

use super::{Home, Kb, Notice, OpenOptions};
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::search::{self, Hit, Page, SearchOptions};

/// Searches from the index alone when it is current; otherwise opens the
/// knowledge base with `open` (so `seed: false` keeps a new home empty) to bring
/// the index up to date first. When another process holds the store (an import
/// is running), answers from the last committed index.
///
/// A search never waits for an import and never blocks one: it reads the index's
/// last commit, which reflects the store as of the last completed import.
pub fn search(
    home: &Home,
    query: &str,
    opts: &SearchOptions,
    open: OpenOptions,
) -> Result<(Vec<Hit>, Vec<Notice>)> {
    search_page(home, query, opts, open).map(|(page, notices)| (page.hits, notices))
}

/// As [`search`], with how many documents matched in all (see [`search::search_page`]).
pub fn search_page(
    home: &Home,
    query: &str,
    opts: &SearchOptions,
    open: OpenOptions,
) -> Result<(Page, Vec<Notice>)> {
    home.check_root()?;
    // An import in progress (or killed) leaves its marker: then ask the store.
    let importing = home.marker_file().exists();
    if let (false, Ok(Some(index)), Some(generation)) = (
        importing,
        SearchIndex::open(&home.index_dir()),
        home.mirrored_generation(),
    ) {
        if index.is_current(generation)? {
            return Ok((search::search_page(&index, query, opts)?, Vec::new()));
        }
    }
    match Kb::open(home, open) {
        Ok(kb) => Ok((search::search_page(&kb.index, query, opts)?, kb.notices)),
        Err(locked @ Error::Locked { .. }) => match SearchIndex::open(&home.index_dir()) {
            Ok(Some(index)) => Ok((
                search::search_page(&index, query, opts)?,
                vec![Notice::StoreBusy],
            )),
            _ => Err(locked),
        },
        Err(e) => Err(e),
    }
}
