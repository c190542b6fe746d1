//! Opening a home: the store, a current index, the seed for an empty store, and
//! catching up after an import that was interrupted or an index that is behind.

use super::{timing, Home, Kb};
use crate::error::Result;
use crate::import::Report;
use crate::index::SearchIndex;
use crate::seed;
use crate::store::Store;

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

impl Kb {
    pub fn open(home: &Home, opts: OpenOptions) -> Result<Kb> {
        home.check_root()?;
        timing("opening the store");
        let store = Store::open(&home.store_dir())?;
        timing("opened the store");
        crate::pause::at("store-open");
        let mut notices = Vec::new();
        // Read only now that this process holds the store: no import is running.
        let interrupted = home.read_marker();
        if let Some(label) = &store.rolled_back {
            // A large import written in chunks was undone by opening the store.
            notices.push(format!(
                "`{label}` did not finish: the store is as it was before it (its partial writes were undone)"
            ));
        } else if let Some((expected, label)) = &interrupted {
            let applied = expected.is_some_and(|g| store.generation().is_ok_and(|now| now >= g));
            notices.push(if applied {
                format!("{label} did not finish, but the store holds all of it")
            } else {
                format!("{label} did not finish: the store is as it was before it")
            });
        }
        let index_dir = home.index_dir();
        let index = match SearchIndex::open(&index_dir) {
            Ok(Some(i)) => i,
            Ok(None) => SearchIndex::create(&index_dir)?,
            Err(e) => {
                notices.push(format!(
                    "the index could not be opened ({e}); rebuilding it from the store"
                ));
                SearchIndex::create(&index_dir)?
            }
        };
        let mut kb = Kb {
            home: home.clone(),
            store,
            index,
            notices: Vec::new(),
            on_phase: None,
        };
        if opts.seed && kb.store.is_empty() && !kb.store.is_seeded()? {
            let report = kb.apply(seed::records(), "seed", true)?;
            notices.push(format!(
                "new knowledge base at {}: filled with the bundled seed dataset ({} records)",
                home.root().display(),
                Report::total(&report.added)
            ));
        }
        let generation = kb.store.generation()?;
        if !kb.index.is_current(generation)? {
            let stamped = kb.index.stamp()?.is_some();
            let count = kb.index.rebuild(&kb.store)?;
            if generation > 0 && (stamped || interrupted.is_some()) {
                notices.push(format!(
                    "the index was behind the store; rebuilt it ({count} documents)"
                ));
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
