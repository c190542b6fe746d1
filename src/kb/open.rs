//! Opening a home: the store, a current index, the seed for an empty store, and
//! catching up after an import that was interrupted or an index that is behind.

use super::{timing, Home, Kb};
use crate::error::{Error, Result};
use crate::import::Report;
use crate::index::SearchIndex;
use crate::replica::{self, Replica};
use crate::seed;
use crate::store::Store;
use std::fmt;
use std::path::PathBuf;

/// How to open a knowledge base.
#[derive(Clone, Copy, Debug)]
pub struct OpenOptions {
    /// Fill an empty store from the bundled seed dataset.
    pub seed: bool,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions { seed: true }
    }
}

/// Something opening (or searching) did that the user should be told; the
/// binary prints these on stderr.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A large import written in chunks was undone when the store was opened.
    RolledBack { label: String },
    /// An import was killed after marking the home; `applied` says whether the
    /// store holds all of it. `label` is absent when the marker did not name it.
    Interrupted {
        label: Option<String>,
        applied: bool,
    },
    /// The index could not be opened, so it was rebuilt from the store.
    IndexUnreadable { reason: String },
    /// A new, empty store was filled from the bundled seed.
    Seeded { root: PathBuf, records: usize },
    /// The index was behind the store and was rebuilt.
    IndexRebuilt { documents: u64 },
    /// The index's copy of the store was behind the store and was rebuilt.
    ReplicaRebuilt { records: u64 },
    /// A home written before netakosh kept a copy of the store got one.
    ReplicaBuilt { records: u64 },
    /// Another process holds the store: a search answered from the last committed index.
    StoreBusy,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::RolledBack { label } => write!(
                f,
                "`{label}` did not finish: the store is as it was before it (its partial writes were undone)"
            ),
            Notice::Interrupted { label, applied } => {
                match label {
                    Some(l) => write!(f, "`{l}`")?,
                    None => write!(f, "an import")?,
                }
                if *applied {
                    write!(f, " did not finish, but the store holds all of it")
                } else {
                    write!(f, " did not finish: the store is as it was before it")
                }
            }
            Notice::IndexUnreadable { reason } => write!(
                f,
                "the index could not be opened ({reason}); rebuilding it from the store"
            ),
            Notice::Seeded { root, records } => write!(
                f,
                "new knowledge base at {}: filled with the bundled seed dataset ({records} records)",
                root.display()
            ),
            Notice::IndexRebuilt { documents } => write!(
                f,
                "the index was behind the store; rebuilt it ({documents} documents)"
            ),
            Notice::ReplicaRebuilt { records } => write!(
                f,
                "the index's copy of the store was behind the store; rebuilt it ({records} records)"
            ),
            Notice::ReplicaBuilt { records } => write!(
                f,
                "copied the store's {records} records into the index (once), so reading commands need not open the store"
            ),
            Notice::StoreBusy => write!(
                f,
                "another netakosh process is writing to the store; these results are from the last committed index"
            ),
        }
    }
}

impl Kb {
    pub fn open(home: &Home, opts: OpenOptions) -> Result<Kb> {
        home.check_root()?;
        if home.is_snapshot() {
            return Err(Error::Usage(format!(
                "{} is a snapshot: it is only read (search, show, serve --read-only); its index is not current or this command writes",
                home.root().display()
            )));
        }
        timing("opening the store");
        let store = Store::open(&home.store_dir())?;
        timing("opened the store");
        crate::pause::at("store-open");
        let mut notices = Vec::new();
        // Read only now that this process holds the store: no import is running.
        let interrupted = home.read_marker();
        if let Some(label) = &store.rolled_back {
            // A large import written in chunks was undone by opening the store.
            notices.push(Notice::RolledBack {
                label: label.clone(),
            });
        } else if let Some((expected, label)) = &interrupted {
            let applied = expected.is_some_and(|g| store.generation().is_ok_and(|now| now >= g));
            notices.push(Notice::Interrupted {
                label: label.clone(),
                applied,
            });
        }
        let index_dir = home.index_dir();
        let index = match SearchIndex::open(&index_dir) {
            Ok(Some(i)) => i,
            Ok(None) => SearchIndex::create(&index_dir)?,
            Err(e) => {
                notices.push(Notice::IndexUnreadable {
                    reason: e.to_string(),
                });
                SearchIndex::create(&index_dir)?
            }
        };
        let replica = Replica::open_or_create(&replica::dir(&index_dir))?;
        let mut kb = Kb {
            home: home.clone(),
            store,
            index,
            replica,
            notices: Vec::new(),
            on_phase: None,
            resolve_imports: true,
        };
        if opts.seed && kb.store.is_empty() && !kb.store.is_seeded()? {
            let report = kb.apply(seed::records(), "seed", true)?;
            notices.push(Notice::Seeded {
                root: home.root().to_path_buf(),
                records: Report::total(&report.added),
            });
        }
        let generation = kb.store.generation()?;
        if !kb.index.is_current(generation)? {
            let stamped = kb.index.stamp()?.is_some();
            let count = kb.index.rebuild(&kb.store)?;
            if generation > 0 && (stamped || interrupted.is_some()) {
                notices.push(Notice::IndexRebuilt { documents: count });
            }
        }
        if !kb.replica.is_current(generation)? {
            let stamped = kb.replica.stamp()?.is_some();
            let count = kb.replica.rebuild(&kb.store)?;
            if generation > 0 && (stamped || interrupted.is_some()) {
                notices.push(Notice::ReplicaRebuilt { records: count });
            } else if generation > 0 {
                // A home from before the replica: built once, and worth saying why
                // this command took longer.
                notices.push(Notice::ReplicaBuilt { records: count });
            }
        }
        if generation > 0 {
            home.write_generation(generation)?;
        }
        if interrupted.is_some() {
            home.remove_marker()?;
        }
        kb.notices.append(&mut notices);
        Ok(kb)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupted_import_is_named_as_its_marker_recorded_it() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let home = Home::new(dir.path());
        std::fs::create_dir_all(home.store_dir()).expect("a store directory");
        home.write_marker(7, "import आलोक.jsonl\nsecond line")
            .expect("the marker is written");
        let (generation, label) = home.read_marker().expect("the marker is there");
        assert_eq!(generation, Some(7));
        let named = Notice::Interrupted {
            label,
            applied: false,
        };
        assert_eq!(
            named.to_string(),
            "`import आलोक.jsonl second line` did not finish: the store is as it was before it"
        );
        let unnamed = Notice::Interrupted {
            label: None,
            applied: true,
        };
        assert_eq!(
            unnamed.to_string(),
            "an import did not finish, but the store holds all of it"
        );
    }
}
