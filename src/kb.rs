//! A knowledge-base home: where its store and index live, and keeping them in step.
//!
//! Layout of a home: `store/` (sled, the truth) and `index/` (tantivy, derived).
//! The store's generation is mirrored in `store/netakosh-generation` after every
//! import, so a search can tell whether the index is current without opening sled
//! (which takes an exclusive lock and 100–150 ms at a million records).

use crate::error::{Error, Result};
use crate::import::{self, Batch, Report};
use crate::index::{self, SearchIndex};
use crate::model::Kind;
use crate::search::{self, Hit, SearchOptions};
use crate::seed;
use crate::store::Store;
use std::path::{Path, PathBuf};

/// Where a knowledge base lives.
#[derive(Clone, Debug)]
pub struct Home {
    root: PathBuf,
}

impl Home {
    pub fn new(root: impl Into<PathBuf>) -> Home {
        Home { root: root.into() }
    }

    /// The default home: `$XDG_DATA_HOME/netakosh`, else `~/.local/share/netakosh`.
    pub fn default_root() -> Result<PathBuf> {
        if let Some(x) = std::env::var_os("XDG_DATA_HOME").filter(|x| !x.is_empty()) {
            return Ok(PathBuf::from(x).join("netakosh"));
        }
        match std::env::var_os("HOME").filter(|h| !h.is_empty()) {
            Some(h) => Ok(PathBuf::from(h).join(".local/share/netakosh")),
            None => Err(Error::Usage(
                "no home for the knowledge base: pass --home DIR or set NETAKOSH_HOME".into(),
            )),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn store_dir(&self) -> PathBuf {
        self.root.join("store")
    }

    pub fn index_dir(&self) -> PathBuf {
        self.root.join("index")
    }

    fn generation_file(&self) -> PathBuf {
        self.store_dir().join("netakosh-generation")
    }

    fn check_root(&self) -> Result<()> {
        if self.root.exists() && !self.root.is_dir() {
            return Err(Error::Usage(format!(
                "the home {} is not a directory",
                self.root.display()
            )));
        }
        Ok(())
    }

    /// The store generation last written by an import, read without opening sled.
    fn mirrored_generation(&self) -> Option<u64> {
        std::fs::read_to_string(self.generation_file())
            .ok()?
            .trim()
            .parse()
            .ok()
    }

    fn write_generation(&self, generation: u64) -> Result<()> {
        let path = self.generation_file();
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, generation.to_string()).map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))
    }
}

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

/// Called with a short description of each phase of a long operation.
pub type PhaseObserver = Box<dyn Fn(&str)>;

/// An open knowledge base: the store (locked for this process) and a current index.
pub struct Kb {
    pub home: Home,
    pub store: Store,
    pub index: SearchIndex,
    /// Things the user should be told (the store was seeded, the index rebuilt).
    pub notices: Vec<String>,
    /// Told what a long operation is doing ("writing the store"), for a progress display.
    pub on_phase: Option<PhaseObserver>,
}

impl Kb {
    pub fn open(home: &Home, opts: OpenOptions) -> Result<Kb> {
        home.check_root()?;
        timing("opening the store");
        let store = Store::open(&home.store_dir())?;
        timing("opened the store");
        let mut notices = Vec::new();
        let index_dir = home.index_dir();
        let index = match SearchIndex::open(&index_dir)? {
            Some(i) => i,
            None => SearchIndex::create(&index_dir)?,
        };
        if let Some(label) = &store.rolled_back {
            notices.push(format!(
                "an interrupted `{label}` was undone: the store is as it was before it"
            ));
        }
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
            let count = kb.index.rebuild(&kb.store)?;
            if generation > 0 && kb.index.stamp()?.is_some() {
                notices.push(format!(
                    "the index was behind the store; rebuilt it ({count} documents)"
                ));
            }
        }
        if generation > 0 {
            home.write_generation(generation)?;
        }
        kb.notices.append(&mut notices);
        Ok(kb)
    }

    /// Validates records and, unless `dry_run`, applies them to the store and index.
    pub fn import(&mut self, records: Batch, label: &str, dry_run: bool) -> Result<Report> {
        if dry_run {
            self.phase(&format!("checking {} records", records.records.len()));
            return Ok(import::plan(&self.store, records)?.report);
        }
        self.apply(records, label, false)
    }

    fn phase(&self, what: &str) {
        if let Some(f) = &self.on_phase {
            f(what);
        }
        timing(what);
    }

    fn apply(&mut self, records: Batch, label: &str, seeding: bool) -> Result<Report> {
        self.phase(&format!("checking {} records", records.records.len()));
        let plan = import::plan(&self.store, records)?;
        let mut report = plan.report;
        if plan.changes.is_empty() && !seeding {
            return Ok(report);
        }
        self.phase(&format!(
            "writing {} records to the store",
            plan.changes.len()
        ));
        let generation = self.store.apply(&plan.changes, label, seeding)?;
        self.home.write_generation(generation)?;
        timing("finding the documents to re-index");
        let affected = index::affected(&self.store, &plan.changes)?;
        self.phase(&format!("indexing {} documents", affected.len()));
        self.index.update(&self.store, &affected)?;
        timing("done");
        report.generation = Some(generation);
        Ok(report)
    }

    /// Links two person records as the same person (see [`crate::identity`]).
    /// Returns false when they were linked already.
    pub fn merge(&mut self, a: &str, b: &str) -> Result<bool> {
        let changes = crate::identity::merge_changes(&self.store, a, b)?;
        if changes.is_empty() {
            return Ok(false);
        }
        let generation = self
            .store
            .apply(&changes, &format!("merge {a} {b}"), false)?;
        self.home.write_generation(generation)?;
        let affected = index::affected(&self.store, &changes)?;
        self.index.update(&self.store, &affected)?;
        Ok(true)
    }

    pub fn reindex(&self) -> Result<u64> {
        self.index.rebuild(&self.store)
    }

    pub fn count(&self, kind: Kind) -> usize {
        self.store.count(kind)
    }
}

/// With `NETAKOSH_TIMING` set, prints each phase with the time since the process
/// started on stderr: the timing spans `scripts/bench.sh` and BENCHMARKS.md quote.
fn timing(what: &str) {
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

/// Searches from the index alone when it is current; otherwise opens the
/// knowledge base to bring the index up to date first. When another process holds
/// the store (an import is running), answers from the last committed index.
pub fn search(home: &Home, query: &str, opts: &SearchOptions) -> Result<(Vec<Hit>, Vec<String>)> {
    home.check_root()?;
    if let (Some(index), Some(generation)) = (
        SearchIndex::open(&home.index_dir())?,
        home.mirrored_generation(),
    ) {
        if index.is_current(generation)? {
            return Ok((search::search(&index, query, opts)?, Vec::new()));
        }
    }
    match Kb::open(home, OpenOptions::default()) {
        Ok(kb) => Ok((search::search(&kb.index, query, opts)?, kb.notices)),
        Err(Error::Locked { .. }) => match SearchIndex::open(&home.index_dir())? {
            Some(index) => Ok((
                search::search(&index, query, opts)?,
                vec!["another netakosh process is writing to the store; these results are from the last committed index".into()],
            )),
            None => Err(Error::Locked { path: home.store_dir() }),
        },
        Err(e) => Err(e),
    }
}
