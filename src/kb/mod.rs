//! A knowledge-base home: where its store and index live, and keeping them in step.
//!
//! Layout of a home: `store/` (sled, the truth) and `index/` (tantivy, derived).
//! The store's generation is mirrored in `store/netakosh-generation` after every
//! import, so a search can tell whether the index is current without opening sled
//! (which takes an exclusive lock and 100–150 ms at a million records).
//!
//! An import that is killed part way is caught up by the next command: before the
//! store is written, `store/netakosh-importing` records the import and the
//! generation it will create, and it is removed only once the index reflects it.
//! The next command that finds it says whether the store holds the import or not,
//! and rebuilds the index if the index is behind.

pub mod answers;
mod check;
mod home;
mod open;
mod read;
mod search;
mod snapshot;
mod write;

pub use home::Home;
pub use open::{Notice, OpenOptions};
pub use read::{read, read_copy, Reading};
pub use search::{search, search_page};
pub use snapshot::snapshot;

use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::replica::Replica;
use crate::store::{Store, Version};

/// Called with a short description of each phase of a long operation.
pub type PhaseObserver = Box<dyn Fn(&str)>;

/// An open knowledge base: the store (locked for this process) and a current index.
pub struct Kb {
    pub home: Home,
    pub store: Store,
    pub index: SearchIndex,
    /// The store's read-only copy for reading commands, written after the store.
    pub replica: Replica,
    /// Things the user should be told (the store was seeded, the index rebuilt).
    pub notices: Vec<Notice>,
    /// Told what a long operation is doing ("writing the store"), for a progress display.
    pub on_phase: Option<PhaseObserver>,
    /// Whether an import resolves the person records it touches (`import --no-resolve`
    /// leaves that to a later `resolve`).
    pub resolve_imports: bool,
}

impl Kb {
    /// Every version of a record, oldest first (see [`Store::versions`]).
    pub fn history(&self, id: &str) -> Result<Vec<Version>> {
        let versions = self.store.versions(id)?;
        if versions.is_empty() {
            return Err(Error::not_found(id));
        }
        Ok(versions)
    }
}

/// With `NETAKOSH_TIMING` set, prints each phase with the time since the process
/// started on stderr: the timing spans `scripts/bench.sh` and BENCHMARKS.md quote.
pub fn timing(what: &str) {
    use std::sync::OnceLock;
    static START: OnceLock<Option<std::time::Instant>> = OnceLock::new();
    if let Some(start) =
        START.get_or_init(|| std::env::var_os("NETAKOSH_TIMING").map(|_| std::time::Instant::now()))
    {
        eprintln!(
            "netakosh timing: {:>8.3} s  {what}",
            start.elapsed().as_secs_f64()
        );
    }
}
