//! The sled store: the single source of truth for every record.
//!
//! Layout (one sled tree each):
//! - one tree per kind (`person`, `office`, …): id → the record's JSON;
//! - `ids`: id → kind, so ids are unique across kinds and `show ID` needs one lookup;
//! - secondary indexes (`tenure_by_person`, …): `owner \0 fact` → empty;
//! - `history`: `id \0 version` → an earlier version of a record, kept when it is overwritten;
//! - `meta`: schema version, generation (bumped by every applied import), seed flag,
//!   and the journal of a large import while it is being written.
//!
//! Writes go through [`Store::apply`]: one sled transaction over all trees, or for a
//! large import chunks with a journal that undoes them if the import is interrupted,
//! so an import lands entirely or not at all.

mod links;

pub use links::Link;

use crate::error::{Error, Result};
use crate::model::{Kind, Record};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The on-disk layout version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

const META_SCHEMA: &[u8] = b"schema_version";
const META_GENERATION: &[u8] = b"generation";
const META_SEEDED: &[u8] = b"seeded";
const META_LAST_IMPORT: &[u8] = b"last_import";
/// The journal of an import being written in several transactions (see [`Store::apply`]).
const META_PENDING: &[u8] = b"pending_import";

/// Changes written per transaction by a large import (see [`Store::apply`]).
pub const CHUNK: usize = 5_000;

/// What an import in progress replaces, so that an interrupted one can be undone.
#[derive(Serialize, Deserialize)]
struct Journal {
    label: String,
    undo: Vec<Undo>,
}

#[derive(Serialize, Deserialize)]
struct Undo {
    kind: Kind,
    id: String,
    previous: Option<Record>,
    history_version: Option<u32>,
}

/// An earlier version of a record, kept when an import overwrote it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub version: u32,
    /// Unix seconds when this version was replaced.
    pub replaced_at: u64,
    /// What replaced it (`import seed.jsonl`).
    pub replaced_by: String,
    pub record: Record,
}

/// One record to write, with the version it replaces (if any).
#[derive(Clone, Debug)]
pub struct Change {
    pub record: Record,
    pub previous: Option<Record>,
}

pub struct Store {
    db: sled::Db,
    path: PathBuf,
    kinds: Vec<sled::Tree>,
    ids: sled::Tree,
    history: sled::Tree,
    meta: sled::Tree,
    links: Vec<sled::Tree>,
    /// Changes per transaction in a large import ([`CHUNK`]; smaller in tests).
    chunk: usize,
    /// The label of an interrupted import that opening the store rolled back.
    pub rolled_back: Option<String>,
}

impl Store {
    /// Opens (creating if needed) the store in `path`, refusing a store that another
    /// process holds or that was written with another schema version.
    pub fn open(path: &Path) -> Result<Store> {
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
        let db = sled::Config::new()
            .path(path)
            .cache_capacity(64 * 1024 * 1024)
            .open()
            .map_err(|e| match e {
                sled::Error::Io(io) if io.to_string().contains("could not acquire lock") => {
                    Error::Locked {
                        path: path.to_path_buf(),
                    }
                }
                other => Error::Store(other),
            })?;
        let tree = |name: &str| db.open_tree(name);
        let kinds = Kind::ALL
            .iter()
            .map(|k| tree(k.as_str()))
            .collect::<sled::Result<Vec<_>>>()?;
        let links = Link::ALL
            .iter()
            .map(|l| tree(l.tree_name()))
            .collect::<sled::Result<Vec<_>>>()?;
        let mut store = Store {
            ids: tree("ids")?,
            history: tree("history")?,
            meta: tree("meta")?,
            db,
            path: path.to_path_buf(),
            kinds,
            links,
            chunk: CHUNK,
            rolled_back: None,
        };
        store.check_schema()?;
        store.rolled_back = store.roll_back_interrupted()?;
        Ok(store)
    }

    fn check_schema(&self) -> Result<()> {
        match self.meta.get(META_SCHEMA)? {
            Some(v) if v.as_ref() == SCHEMA_VERSION.to_string().as_bytes() => Ok(()),
            Some(v) => Err(Error::SchemaVersion {
                path: self.path.clone(),
                found: String::from_utf8_lossy(&v).into_owned(),
                supported: SCHEMA_VERSION,
            }),
            None if self.ids.is_empty() => {
                self.meta
                    .insert(META_SCHEMA, SCHEMA_VERSION.to_string().as_bytes())?;
                Ok(())
            }
            None => Err(Error::SchemaVersion {
                path: self.path.clone(),
                found: "none".into(),
                supported: SCHEMA_VERSION,
            }),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn tree(&self, kind: Kind) -> &sled::Tree {
        &self.kinds[kind as usize]
    }

    fn link_tree(&self, link: Link) -> &sled::Tree {
        &self.links[link as usize]
    }

    /// The kind of the record with this id, if it exists.
    pub fn kind_of(&self, id: &str) -> Result<Option<Kind>> {
        match self.ids.get(id.as_bytes())? {
            None => Ok(None),
            Some(v) => {
                let name = String::from_utf8_lossy(&v);
                name.parse::<Kind>()
                    .map(Some)
                    .map_err(|message| Error::Corrupt {
                        id: id.into(),
                        message,
                    })
            }
        }
    }

    pub fn get(&self, id: &str) -> Result<Option<Record>> {
        match self.kind_of(id)? {
            None => Ok(None),
            Some(kind) => self.get_kind(kind, id),
        }
    }

    pub fn get_kind(&self, kind: Kind, id: &str) -> Result<Option<Record>> {
        self.tree(kind)
            .get(id.as_bytes())?
            .map(|bytes| decode(id, &bytes))
            .transpose()
    }

    /// Every record of one kind, in id order.
    pub fn iter(&self, kind: Kind) -> impl Iterator<Item = Result<Record>> + '_ {
        self.tree(kind).iter().map(|item| {
            let (k, v) = item?;
            decode(&String::from_utf8_lossy(&k), &v)
        })
    }

    pub fn count(&self, kind: Kind) -> usize {
        self.tree(kind).len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The fact ids linked to `owner` through a secondary index, in id order.
    pub fn linked(&self, link: Link, owner: &str) -> Result<Vec<String>> {
        let mut prefix = owner.as_bytes().to_vec();
        prefix.push(0);
        self.link_tree(link)
            .scan_prefix(&prefix)
            .keys()
            .map(|k| Ok(String::from_utf8_lossy(&k?[prefix.len()..]).into_owned()))
            .collect()
    }

    /// The facts linked to `owner`, decoded.
    pub fn linked_records(&self, link: Link, owner: &str) -> Result<Vec<Record>> {
        let kind = link.fact_kind();
        let mut out = Vec::new();
        for id in self.linked(link, owner)? {
            match self.get_kind(kind, &id)? {
                Some(r) => out.push(r),
                None => {
                    return Err(Error::Corrupt {
                        id,
                        message: format!("listed in {} but missing", link.tree_name()),
                    })
                }
            }
        }
        Ok(out)
    }

    /// Incremented by every applied import; the index records the generation it reflects.
    pub fn generation(&self) -> Result<u64> {
        Ok(self
            .meta
            .get(META_GENERATION)?
            .and_then(|v| std::str::from_utf8(&v).ok()?.parse().ok())
            .unwrap_or(0))
    }

    pub fn is_seeded(&self) -> Result<bool> {
        Ok(self.meta.get(META_SEEDED)?.is_some())
    }

    /// What the last applied import was (a label and its time), if any.
    pub fn last_import(&self) -> Result<Option<String>> {
        Ok(self
            .meta
            .get(META_LAST_IMPORT)?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// Earlier versions of a record, oldest first.
    pub fn history(&self, id: &str) -> Result<Vec<HistoryEntry>> {
        let mut prefix = id.as_bytes().to_vec();
        prefix.push(0);
        self.history
            .scan_prefix(&prefix)
            .values()
            .map(|v| {
                let v = v?;
                serde_json::from_slice(&v).map_err(|e| Error::Corrupt {
                    id: id.into(),
                    message: format!("history entry: {e}"),
                })
            })
            .collect()
    }

    /// Writes all `changes`: records, ids, secondary indexes, history of overwritten
    /// versions, and a new generation. Returns the generation.
    ///
    /// All or nothing: a small import is one sled transaction. A large one is written
    /// in chunks of [`CHUNK`] changes, because sled keeps every node version a batch
    /// or transaction makes until it ends (one transaction for the 370,000 records of
    /// the ADR dataset held 8 GB), and outside a transaction, because a transaction
    /// reads every key before writing it. Before the first chunk, a journal of what
    /// each change replaces is written and flushed; the last step bumps the
    /// generation and removes the journal in one batch. A store opened with a journal
    /// left behind (the import was interrupted) is rolled back to where it was
    /// ([`Store::open`]).
    pub fn apply(&self, changes: &[Change], label: &str, mark_seeded: bool) -> Result<u64> {
        self.apply_chunked(changes, label, mark_seeded, self.chunk)
    }

    fn apply_chunked(
        &self,
        changes: &[Change],
        label: &str,
        mark_seeded: bool,
        chunk: usize,
    ) -> Result<u64> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let generation = self.generation()? + 1;
        // The version each overwritten record's history entry gets.
        let versions = changes
            .iter()
            .map(|c| match c.previous {
                Some(_) => self.history_len(c.record.id()).map(|n| Some(n + 1)),
                None => Ok(None),
            })
            .collect::<Result<Vec<Option<u32>>>>()?;
        let mut meta = sled::Batch::default();
        meta.insert(META_GENERATION, generation.to_string().as_bytes());
        meta.insert(META_LAST_IMPORT, format!("{label} at {now}").as_bytes());
        if mark_seeded {
            meta.insert(META_SEEDED, b"1");
        }
        let chunk = chunk.max(1);
        if changes.len() <= chunk {
            let mut batches = self.chunk_batches(changes, &versions, label, now);
            let slot = self.meta_slot();
            batches[slot] = meta;
            self.transaction(&batches)?;
        } else {
            let journal = Journal {
                label: label.to_string(),
                undo: changes
                    .iter()
                    .zip(&versions)
                    .map(|(c, v)| Undo {
                        kind: c.record.kind(),
                        id: c.record.id().to_string(),
                        previous: c.previous.clone(),
                        history_version: *v,
                    })
                    .collect(),
            };
            self.meta.insert(
                META_PENDING,
                serde_json::to_vec(&journal).expect("a journal always serializes"),
            )?;
            self.db.flush()?;
            for (part, v) in changes.chunks(chunk).zip(versions.chunks(chunk)) {
                let batches = self.chunk_batches(part, v, label, now);
                // Record trees first: the roll-back decides from them whether a
                // change was written, and undoes its ids, links and history with it.
                for (tree, batch) in self.all_trees().into_iter().zip(batches) {
                    tree.apply_batch(batch)?;
                }
            }
            meta.remove(META_PENDING);
            self.meta.apply_batch(meta)?;
        }
        self.db.flush().map_err(Error::Store)?;
        Ok(generation)
    }

    /// The writes of some changes, one batch per tree (see [`Store::all_trees`]).
    fn chunk_batches(
        &self,
        changes: &[Change],
        versions: &[Option<u32>],
        label: &str,
        now: u64,
    ) -> Vec<sled::Batch> {
        let mut batches = self.empty_batches();
        for (change, version) in changes.iter().zip(versions) {
            let record = &change.record;
            let id = record.id();
            batches[record.kind() as usize].insert(id.as_bytes(), encode(record));
            batches[self.ids_slot()].insert(id.as_bytes(), record.kind().as_str().as_bytes());
            if let (Some(old), Some(version)) = (&change.previous, version) {
                for (link, owner) in Link::of(old) {
                    batches[self.link_slot(link)].remove(link_key(owner, id));
                }
                let entry = HistoryEntry {
                    version: *version,
                    replaced_at: now,
                    replaced_by: label.to_string(),
                    record: old.clone(),
                };
                batches[self.history_slot()].insert(
                    history_key(id, *version),
                    serde_json::to_vec(&entry).expect("a history entry always serializes"),
                );
            }
            for (link, owner) in Link::of(record) {
                batches[self.link_slot(link)].insert(link_key(owner, id), &[]);
            }
        }
        batches
    }

    /// The trees in the order [`Store::empty_batches`] gives their batches:
    /// kinds, links, ids, history, meta.
    fn all_trees(&self) -> Vec<&sled::Tree> {
        let mut trees: Vec<&sled::Tree> = self.kinds.iter().collect();
        trees.extend(self.links.iter());
        trees.extend([&self.ids, &self.history, &self.meta]);
        trees
    }

    fn empty_batches(&self) -> Vec<sled::Batch> {
        (0..self.all_trees().len())
            .map(|_| sled::Batch::default())
            .collect()
    }

    fn link_slot(&self, link: Link) -> usize {
        self.kinds.len() + link as usize
    }

    fn ids_slot(&self) -> usize {
        self.kinds.len() + self.links.len()
    }

    fn history_slot(&self) -> usize {
        self.ids_slot() + 1
    }

    fn meta_slot(&self) -> usize {
        self.ids_slot() + 2
    }

    /// Applies one batch per tree (see [`Store::all_trees`]) atomically.
    fn transaction(&self, batches: &[sled::Batch]) -> Result<()> {
        use sled::Transactional;
        self.all_trees()
            .as_slice()
            .transaction(|views| {
                for (view, batch) in views.iter().zip(batches) {
                    view.apply_batch(batch)?;
                }
                Ok::<(), sled::transaction::ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                sled::transaction::TransactionError::Storage(e) => Error::Store(e),
                sled::transaction::TransactionError::Abort(()) => {
                    Error::Store(sled::Error::ReportableBug("transaction aborted".into()))
                }
            })
    }

    /// How many earlier versions of `id` are kept.
    fn history_len(&self, id: &str) -> Result<u32> {
        let mut prefix = id.as_bytes().to_vec();
        prefix.push(0);
        let mut n = 0;
        for key in self.history.scan_prefix(&prefix).keys() {
            key?;
            n += 1;
        }
        Ok(n)
    }

    /// Undoes an import that was interrupted between its first chunk and its last
    /// step (see [`Store::apply`]): every record it wrote is put back as it was.
    /// Safe to repeat if it is itself interrupted. Returns the import's label.
    fn roll_back_interrupted(&self) -> Result<Option<String>> {
        let Some(bytes) = self.meta.get(META_PENDING)? else {
            return Ok(None);
        };
        let journal: Journal = serde_json::from_slice(&bytes).map_err(|e| Error::Corrupt {
            id: "pending_import".into(),
            message: format!("the journal of an interrupted import cannot be read: {e}"),
        })?;
        for part in journal.undo.chunks(self.chunk.max(1)) {
            let mut batches = self.empty_batches();
            for undo in part {
                let id = undo.id.as_str();
                let current = self.get_kind(undo.kind, id)?;
                if current == undo.previous {
                    // Never written (its record tree is written first), or undone already.
                    continue;
                }
                if let Some(cur) = &current {
                    for (link, owner) in Link::of(cur) {
                        batches[self.link_slot(link)].remove(link_key(owner, id));
                    }
                }
                match &undo.previous {
                    None => {
                        batches[undo.kind as usize].remove(id.as_bytes());
                        batches[self.ids_slot()].remove(id.as_bytes());
                    }
                    Some(old) => {
                        batches[undo.kind as usize].insert(id.as_bytes(), encode(old));
                        batches[self.ids_slot()]
                            .insert(id.as_bytes(), undo.kind.as_str().as_bytes());
                        for (link, owner) in Link::of(old) {
                            batches[self.link_slot(link)].insert(link_key(owner, id), &[]);
                        }
                    }
                }
                if let Some(v) = undo.history_version {
                    batches[self.history_slot()].remove(history_key(id, v));
                }
            }
            self.transaction(&batches)?;
        }
        self.meta.remove(META_PENDING)?;
        self.db.flush()?;
        Ok(Some(journal.label))
    }

    /// Bytes on disk used by the store.
    pub fn size_on_disk(&self) -> Result<u64> {
        Ok(self.db.size_on_disk()?)
    }
}

fn history_key(id: &str, version: u32) -> Vec<u8> {
    let mut key = id.as_bytes().to_vec();
    key.push(0);
    key.extend_from_slice(&version.to_be_bytes());
    key
}

fn link_key(owner: &str, fact: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(owner.len() + fact.len() + 1);
    key.extend_from_slice(owner.as_bytes());
    key.push(0);
    key.extend_from_slice(fact.as_bytes());
    key
}

fn encode(record: &Record) -> Vec<u8> {
    serde_json::to_vec(record).expect("records are plain data and always serialize")
}

fn decode(id: &str, bytes: &[u8]) -> Result<Record> {
    serde_json::from_slice(bytes).map_err(|e| Error::Corrupt {
        id: id.to_string(),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests;
