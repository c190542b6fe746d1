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

use crate::error::{Error, Result};
use crate::import::{self, Batch, Report};
use crate::index::{self, Card, SearchIndex};
use crate::model::{Kind, Record};
use crate::search::{self, Hit, SearchOptions};
use crate::seed;
use crate::store::{Change, Decision, Finding, Fix, Store, Version};
use std::collections::HashSet;
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

    fn marker_file(&self) -> PathBuf {
        self.store_dir().join("netakosh-importing")
    }

    /// Records, durably, that an import creating `generation` is about to be written.
    /// Written beside and renamed into place, so a marker is whole or absent.
    fn write_marker(&self, generation: u64, label: &str) -> Result<()> {
        use std::io::Write;
        let path = self.marker_file();
        let tmp = path.with_extension("tmp");
        let text = format!(
            "generation {generation}\nlabel {}\n",
            label.replace('\n', " ")
        );
        std::fs::File::create(&tmp)
            .and_then(|mut f| {
                f.write_all(text.as_bytes())?;
                f.sync_all()
            })
            .map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))?;
        // The marker's directory entry must reach the disk before the store's writes.
        let dir = self.store_dir();
        std::fs::File::open(&dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| Error::io(&dir, e))
    }

    /// The interrupted import, if the marker is there: (generation it creates, label).
    fn read_marker(&self) -> Option<(Option<u64>, String)> {
        let text = std::fs::read_to_string(self.marker_file()).ok()?;
        let mut generation = None;
        let mut label = "an import".to_string();
        for line in text.lines() {
            match line.split_once(' ') {
                Some(("generation", v)) => generation = v.parse().ok(),
                Some(("label", v)) => label = format!("`{v}`"),
                _ => {}
            }
        }
        Some((generation, label))
    }

    fn remove_marker(&self) -> Result<()> {
        // A half-written marker left by a killed import never became the marker.
        let _ = std::fs::remove_file(self.marker_file().with_extension("tmp"));
        let path = self.marker_file();
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(&path, e)),
            _ => Ok(()),
        }
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
        if plan.changes.is_empty() && plan.decisions.is_empty() && !seeding {
            return Ok(report);
        }
        report.generation = Some(self.write(&plan.changes, &plan.decisions, label, seeding)?);
        drop(plan.changes);
        timing("freed the import's records");
        Ok(report)
    }

    /// Writes validated changes to the store, then to the index, so that a crash at
    /// any moment leaves the store before or after them and the next command can
    /// tell which and catch the index up (see the module's doc). Returns the new
    /// generation.
    fn write(
        &mut self,
        changes: &[Change],
        decisions: &[Decision],
        label: &str,
        seeding: bool,
    ) -> Result<u64> {
        crate::pause::at("planned");
        self.home
            .write_marker(self.store.generation()? + 1, label)?;
        crate::pause::at("marked");
        // Worked out before the store is written: the facts it reads are those of
        // entities that existed, and this import's own facts are in `changes`.
        timing("finding the documents to re-index");
        let affected = index::affected(&self.store, changes)?;
        self.phase(&format!(
            "writing {} records to the store and indexing {} documents",
            changes.len(),
            affected.len()
        ));
        let index_failed = |e: Error| match e {
            e @ (Error::WriteFailed { .. } | Error::IndexFailed { .. }) => e,
            other => Error::IndexFailed {
                label: label.to_string(),
                source: Box::new(other),
            },
        };
        let (store, home) = (&self.store, &self.home);
        let write_store = || -> Result<u64> {
            let generation = store
                .apply_all(changes, decisions, label, seeding)
                .map_err(|e| Error::WriteFailed {
                    label: label.to_string(),
                    source: Box::new(e),
                })?;
            timing("the store is written");
            crate::pause::at("store-flushed");
            home.write_generation(generation).map_err(index_failed)?;
            Ok(generation)
        };
        let generation = self
            .index
            .update_while(store, &affected, changes, write_store)
            .map_err(index_failed)?;
        crate::pause::at("index-committed");
        self.home.remove_marker()?;
        timing("done");
        Ok(generation)
    }

    /// Records that two person records are the same person (see [`crate::identity`]);
    /// the records are not touched. Returns false when that was already decided.
    pub fn merge(&mut self, a: &str, b: &str, why: &str) -> Result<bool> {
        let Some(d) = crate::identity::merge_decision(&self.store, a, b, why)? else {
            return Ok(false);
        };
        self.write(&[], &[d], &format!("merge {a} {b}"), false)?;
        Ok(true)
    }

    /// Records that two merged person records are not the same person.
    pub fn unmerge(&mut self, a: &str, b: &str, why: &str) -> Result<()> {
        let d = crate::identity::unmerge_decision(&self.store, a, b, why)?;
        self.write(&[], &[d], &format!("unmerge {a} {b}"), false)?;
        Ok(())
    }

    pub fn reindex(&self) -> Result<u64> {
        let n = self.index.rebuild(&self.store)?;
        let generation = self.store.generation()?;
        if generation > 0 {
            self.home.write_generation(generation)?;
        }
        Ok(n)
    }

    /// Every version of a record, oldest first (see [`Store::versions`]).
    pub fn history(&self, id: &str) -> Result<Vec<Version>> {
        let versions = self.store.versions(id)?;
        if versions.is_empty() {
            return Err(Error::not_found(id));
        }
        Ok(versions)
    }

    /// Restores an earlier version of a record as its newest version (validated
    /// like an import, and itself kept in the history). `to` defaults to the
    /// version before the current one. Returns the restored and the new version.
    pub fn revert(&mut self, id: &str, to: Option<u32>) -> Result<(u32, u32)> {
        let versions = self.history(id)?;
        let current = versions.len() as u32;
        if current == 1 {
            return Err(Error::Usage(format!(
                "`{id}` has only one version: there is nothing to revert to"
            )));
        }
        let to = to.unwrap_or(current - 1);
        if to == 0 || to >= current {
            return Err(Error::Usage(format!(
                "`{id}` has no version {to} to revert to: choose one from 1 to {} (version {current} is the current one)",
                current - 1
            )));
        }
        let record = versions[to as usize - 1].record.clone();
        if record == versions[current as usize - 1].record {
            return Err(Error::Usage(format!(
                "version {to} of `{id}` is the same as the current version: nothing to revert"
            )));
        }
        let label = format!("revert {id} to version {to}");
        let batch = Batch {
            records: vec![import::Parsed {
                file: format!("version {to} of {id}"),
                line: 0,
                record,
            }],
            ..Batch::default()
        };
        self.apply(batch, &label, false)?;
        Ok((to, current + 1))
    }

    /// Checks the store's invariants and that the index and the generation mirror
    /// agree with the store.
    pub fn check(&self) -> Result<Vec<Finding>> {
        let mut out = self.store.check()?;
        let generation = self.store.generation()?;
        let reindex = |f: Finding| f.with_fix(Fix::Reindex);
        match self.index.stamp()? {
            Some(s) if s.format == index::INDEX_FORMAT && s.generation == generation => {}
            Some(s) => out.push(reindex(Finding::new(
                "index",
                "stamp",
                format!(
                    "reflects generation {} (format {}); the store is at generation {generation} (format {})",
                    s.generation,
                    s.format,
                    index::INDEX_FORMAT
                ),
            ))),
            None => out.push(reindex(Finding::new(
                "index",
                "stamp",
                "has never been committed by netakosh",
            ))),
        }
        let mirrored = self.home.mirrored_generation();
        if generation > 0 && mirrored != Some(generation) {
            out.push(reindex(Finding::new(
                "meta",
                "netakosh-generation",
                format!(
                    "says {}; the store is at generation {generation}",
                    mirrored.map_or("nothing".to_string(), |g| g.to_string())
                ),
            )));
        }
        self.check_documents(&mut out)?;
        Ok(out)
    }

    /// Each index document is one entity of the store, showing its current card;
    /// each entity has a document.
    fn check_documents(&self, out: &mut Vec<Finding>) -> Result<()> {
        let f = self.index.fields;
        let searcher = self.index.index.reader()?.searcher();
        let mut seen: HashSet<String> = HashSet::new();
        let text = |doc: &tantivy::TantivyDocument, field| {
            use tantivy::schema::document::Value;
            doc.get_first(field)
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        for segment in searcher.segment_readers() {
            let docs = segment
                .get_store_reader(16)
                .map_err(|e| Error::io(self.index.dir(), e))?;
            for doc in docs.iter::<tantivy::TantivyDocument>(segment.alive_bitset()) {
                let doc = doc?;
                let id = text(&doc, f.id);
                let kind = text(&doc, f.kind);
                let mut problem = |m: String| {
                    out.push(Finding::new("index", id.clone(), m).with_fix(Fix::Reindex))
                };
                if !seen.insert(id.clone()) {
                    problem("more than one document in the index".into());
                    continue;
                }
                let record = match self.store.get(&id) {
                    Ok(Some(r)) => r,
                    Ok(None) => {
                        problem("in the index but not in the store".into());
                        continue;
                    }
                    Err(_) => continue, // reported by the store's check
                };
                if record.kind().as_str() != kind || !record.kind().is_entity() {
                    problem(format!(
                        "indexed as {kind}, but the store holds {}",
                        record.kind().with_article()
                    ));
                    continue;
                }
                let card: Option<Card> = serde_json::from_str(&text(&doc, f.card)).ok();
                if card != Some(Card::of(&record)) {
                    problem("the index shows an out-of-date name or summary".into());
                }
            }
        }
        for record in self.store.iter_all() {
            let Ok(record): Result<Record> = record else {
                continue;
            };
            if record.kind().is_entity() && !seen.contains(record.id()) {
                out.push(
                    Finding::new("index", record.id(), "in the store but not in the index")
                        .with_fix(Fix::Reindex),
                );
            }
        }
        Ok(())
    }

    /// Mends what `findings` says can be mended: the store's derived trees, then the
    /// index (rebuilt whenever anything was mended). Never deletes a record.
    /// Returns how many findings were mended.
    pub fn repair(&self, findings: &[Finding]) -> Result<usize> {
        let fixes: Vec<&Fix> = findings.iter().filter_map(|f| f.fix.as_ref()).collect();
        if fixes.is_empty() {
            return Ok(0);
        }
        self.store.repair(&fixes)?;
        self.reindex()?;
        Ok(fixes.len())
    }

    /// Records per kind (see [`Store::counts`]).
    pub fn counts(&self) -> Vec<(Kind, usize)> {
        Kind::ALL.into_iter().zip(self.store.counts()).collect()
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

/// Searches from the index alone when it is current; otherwise opens the
/// knowledge base to bring the index up to date first. When another process holds
/// the store (an import is running), answers from the last committed index.
///
/// A search never waits for an import and never blocks one: it reads the index's
/// last commit, which reflects the store as of the last completed import.
pub fn search(home: &Home, query: &str, opts: &SearchOptions) -> Result<(Vec<Hit>, Vec<String>)> {
    home.check_root()?;
    // An import in progress (or killed) leaves its marker: then ask the store.
    let importing = home.marker_file().exists();
    if let (false, Ok(Some(index)), Some(generation)) = (
        importing,
        SearchIndex::open(&home.index_dir()),
        home.mirrored_generation(),
    ) {
        if index.is_current(generation)? {
            return Ok((search::search(&index, query, opts)?, Vec::new()));
        }
    }
    match Kb::open(home, OpenOptions::default()) {
        Ok(kb) => Ok((search::search(&kb.index, query, opts)?, kb.notices)),
        Err(locked @ Error::Locked { .. }) => match SearchIndex::open(&home.index_dir()) {
            Ok(Some(index)) => Ok((
                search::search(&index, query, opts)?,
                vec!["another netakosh process is writing to the store; these results are from the last committed index".into()],
            )),
            _ => Err(locked),
        },
        Err(e) => Err(e),
    }
}
