//! Reading without sled: reading commands answer from the index and its replica of
//! the store ([`crate::replica`]) whenever both reflect the store's generation, and
//! open the store (catching the index up) only when they do not.

use super::{Home, Kb, Notice, OpenOptions};
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::replica::{self, Replica};
use crate::store::Records;

/// What a reading command reads: the index and the records, from the replica or
/// the store, whichever [`read`] found current.
pub struct Reading {
    pub home: Home,
    pub index: SearchIndex,
    pub records: Box<dyn Records + Send>,
    /// Things the user should be told (the index rebuilt, the store busy).
    pub notices: Vec<Notice>,
}

/// Opens a home for reading: from the replica when no import is in progress and
/// the index and replica both reflect the generation mirrored beside the store;
/// otherwise by opening the knowledge base (which seeds a new home and catches the
/// index and replica up). While another process writes the store, answers from the
/// last committed replica and says so.
pub fn read(home: &Home, open: OpenOptions) -> Result<Reading> {
    home.check_root()?;
    // An import in progress (or killed) leaves its marker: then ask the store.
    if !home.marker_file().exists() {
        if let Some(generation) = home.mirrored_generation() {
            if let Some(r) = copy_at(home, Vec::new(), Some(generation))? {
                super::timing("opened the index and its replica of the store");
                return Ok(r);
            }
        }
    }
    match Kb::open(home, open) {
        Ok(kb) => {
            let Kb {
                home,
                store,
                index,
                notices,
                ..
            } = kb;
            Ok(Reading {
                home,
                index,
                records: Box::new(store),
                notices,
            })
        }
        Err(locked @ Error::Locked { .. }) => match copy_at(home, vec![Notice::StoreBusy], None)? {
            Some(r) => Ok(r),
            None => Err(locked),
        },
        Err(e) => Err(e),
    }
}

/// The index and replica as last committed, when they agree on a generation —
/// never opening the store, so it works while an import holds it and on a
/// snapshot (`serve` reads this way). `None` when there is no such pair.
pub fn read_copy(home: &Home) -> Result<Option<Reading>> {
    home.check_root()?;
    let expected = if home.marker_file().exists() {
        None
    } else {
        home.mirrored_generation()
    };
    copy_at(home, Vec::new(), expected)
}

/// The index and its replica, both at `current` (or, when that is unknown, at the
/// replica's own generation).
fn copy_at(home: &Home, notices: Vec<Notice>, current: Option<u64>) -> Result<Option<Reading>> {
    let index_dir = home.index_dir();
    let (Ok(Some(index)), Ok(Some(replica))) = (
        SearchIndex::open(&index_dir),
        Replica::open(&replica::dir(&index_dir)),
    ) else {
        return Ok(None);
    };
    // Both at the mirrored generation, or (the store busy) at the same one.
    let Some(generation) = current.or(replica.stamp()?.map(|s| s.generation)) else {
        return Ok(None);
    };
    let agree = replica.is_current(generation)? && index.is_current(generation)?;
    Ok(agree.then(|| Reading {
        home: home.clone(),
        index,
        records: Box::new(replica),
        notices,
    }))
}
