//! The sled store: the single source of truth for every record.
//!
//! Layout (one sled tree each):
//! - one tree per kind (`person`, `office`, …): id → the record's JSON;
//! - `ids`: id → kind, so ids are unique across kinds and `show ID` needs one lookup;
//! - secondary indexes (`tenure_by_person`, …): `owner \0 fact` → empty;
//! - `history`: `id \0 version` → an earlier version of a record, kept when it is overwritten;
//! - `written`: id → when and by what the current version was written;
//! - `meta`: schema version, generation (bumped by every applied import), seed flag,
//!   the last applied import, and the journal of a large import while it is being written.
//!
//! Writes go through [`Store::apply`]: one sled transaction over all trees, or for a
//! large import chunks with a journal that undoes them if the import is interrupted,
//! so an import lands entirely or not at all (sled's recovery discards a transaction
//! whose log entries were not all written). [`check`] verifies the invariants between
//! the trees and mends the derived ones. While a process has the store open, the file
//! `netakosh-holder` beside sled's names it (see [`holder`]).

pub mod check;
pub mod holder;
mod links;

pub use check::{Finding, Fix};
pub use holder::Holder;
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
    /// When and by what `previous` was written, to put back in `written`.
    #[serde(default)]
    previous_written: Option<Written>,
}

/// An earlier version of a record, kept when an import overwrote it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub version: u32,
    /// Unix seconds when this version was replaced.
    pub replaced_at: u64,
    /// What replaced it (`import seed.jsonl`).
    pub replaced_by: String,
    /// When and by what this version was written, when the store knew it (stores
    /// written before netakosh kept this do not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<Written>,
    pub record: Record,
}

/// When and by what a version of a record was written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Written {
    /// Unix seconds.
    pub at: u64,
    /// The change that wrote it (`import a.jsonl`, `seed`, `revert x to version 1`).
    pub by: String,
}

/// One version of a record, for `history`: the record and where it came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Version {
    pub version: u32,
    pub current: bool,
    /// When and by what it was written; `None` when the store did not record it.
    pub written: Option<Written>,
    /// When and by what it was replaced; `None` for the current version.
    pub replaced: Option<Written>,
    pub record: Record,
}

/// What every change of one `apply` shares, and what was looked up for each.
struct Stamp<'a> {
    versions: &'a [Option<u32>],
    written: &'a [Option<Written>],
    label: &'a str,
    now: u64,
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
    written: sled::Tree,
    meta: sled::Tree,
    links: Vec<sled::Tree>,
    /// Changes per transaction in a large import ([`CHUNK`]; smaller in tests).
    chunk: usize,
    /// The label of an interrupted import that opening the store rolled back.
    pub rolled_back: Option<String>,
}

impl Drop for Store {
    fn drop(&mut self) {
        holder::remove(&self.path);
    }
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
                        holder: holder::read(path).map(|h| h.to_string()),
                    }
                }
                sled::Error::Io(io)
                    if matches!(
                        io.kind(),
                        std::io::ErrorKind::PermissionDenied
                            | std::io::ErrorKind::ReadOnlyFilesystem
                    ) =>
                {
                    Error::NotWritable {
                        path: path.to_path_buf(),
                        source: plain_io(io),
                    }
                }
                sled::Error::Io(io) => Error::io(path, plain_io(io)),
                other => Error::Store(other),
            })?;
        holder::write(path);
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
            written: tree("written")?,
            meta: tree("meta")?,
            db,
            path: path.to_path_buf(),
            kinds,
            links,
            // Tests make imports chunked without writing thousands of records.
            chunk: std::env::var("NETAKOSH_TEST_CHUNK")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(CHUNK),
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

    /// When and by what the current version of a record was written, if recorded.
    pub fn written(&self, id: &str) -> Result<Option<Written>> {
        self.written
            .get(id.as_bytes())?
            .map(|v| {
                serde_json::from_slice(&v).map_err(|e| Error::Corrupt {
                    id: id.into(),
                    message: format!("written entry: {e}"),
                })
            })
            .transpose()
    }

    /// Every version of a record, oldest first, the current one last; empty when
    /// there is no such record. A version's time and source are those of the change
    /// that wrote it, which is also the change that replaced the version before it.
    pub fn versions(&self, id: &str) -> Result<Vec<Version>> {
        let Some(current) = self.get(id)? else {
            return Ok(Vec::new());
        };
        let history = self.history(id)?;
        let mut out: Vec<Version> = Vec::with_capacity(history.len() + 1);
        let mut written_next: Option<Written> = None;
        for entry in history {
            let replaced = Written {
                at: entry.replaced_at,
                by: entry.replaced_by,
            };
            out.push(Version {
                version: entry.version,
                current: false,
                written: entry.written.or(written_next.take()),
                replaced: Some(replaced.clone()),
                record: entry.record,
            });
            written_next = Some(replaced);
        }
        out.push(Version {
            version: out.len() as u32 + 1,
            current: true,
            written: self.written(id)?.or(written_next),
            replaced: None,
            record: current,
        });
        Ok(out)
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
        let now = crate::time::now();
        let generation = self.generation()? + 1;
        // The version each overwritten record's history entry gets, and when and by
        // what the version it replaces was written.
        let versions = changes
            .iter()
            .map(|c| match c.previous {
                Some(_) => self.history_len(c.record.id()).map(|n| Some(n + 1)),
                None => Ok(None),
            })
            .collect::<Result<Vec<Option<u32>>>>()?;
        let written = changes
            .iter()
            .map(|c| match c.previous {
                Some(_) => self.written(c.record.id()),
                None => Ok(None),
            })
            .collect::<Result<Vec<Option<Written>>>>()?;
        let stamp = Stamp {
            versions: &versions,
            written: &written,
            label,
            now,
        };
        let mut meta = sled::Batch::default();
        meta.insert(META_GENERATION, generation.to_string().as_bytes());
        meta.insert(META_LAST_IMPORT, format!("{label} at {now}").as_bytes());
        if mark_seeded {
            meta.insert(META_SEEDED, b"1");
        }
        let chunk = chunk.max(1);
        if changes.len() <= chunk {
            let mut batches = self.chunk_batches(changes, &stamp, 0);
            let slot = self.meta_slot();
            batches[slot] = meta;
            self.transaction(&batches)?;
            crate::pause::at("store-committed");
        } else {
            let journal = Journal {
                label: label.to_string(),
                undo: changes
                    .iter()
                    .zip(versions.iter().zip(&written))
                    .map(|(c, (v, w))| Undo {
                        kind: c.record.kind(),
                        id: c.record.id().to_string(),
                        previous: c.previous.clone(),
                        history_version: *v,
                        previous_written: w.clone(),
                    })
                    .collect(),
            };
            let io = |e| self.storage_error(e);
            self.meta
                .insert(
                    META_PENDING,
                    serde_json::to_vec(&journal).expect("a journal always serializes"),
                )
                .map_err(io)?;
            self.db.flush().map_err(io)?;
            for (i, part) in changes.chunks(chunk).enumerate() {
                let batches = self.chunk_batches(part, &stamp, i * chunk);
                // Record trees first: the roll-back decides from them whether a
                // change was written, and undoes its ids, links and history with it.
                for (tree, batch) in self.all_trees().into_iter().zip(batches) {
                    tree.apply_batch(batch).map_err(io)?;
                }
            }
            crate::pause::at("store-committed");
            meta.remove(META_PENDING);
            self.meta.apply_batch(meta).map_err(io)?;
        }
        self.db.flush().map_err(|e| self.storage_error(e))?;
        Ok(generation)
    }

    /// The writes of some changes, one batch per tree (see [`Store::all_trees`]);
    /// `from` is the position of the first of them in the whole import.
    fn chunk_batches(&self, changes: &[Change], stamp: &Stamp, from: usize) -> Vec<sled::Batch> {
        let mut batches = self.empty_batches();
        let this = serde_json::to_vec(&Written {
            at: stamp.now,
            by: stamp.label.to_string(),
        })
        .expect("a written entry always serializes");
        for (i, change) in changes.iter().enumerate() {
            let record = &change.record;
            let id = record.id();
            batches[record.kind() as usize].insert(id.as_bytes(), encode(record));
            batches[self.ids_slot()].insert(id.as_bytes(), record.kind().as_str().as_bytes());
            batches[self.written_slot()].insert(id.as_bytes(), this.as_slice());
            if let (Some(old), Some(version)) = (&change.previous, stamp.versions[from + i]) {
                for (link, owner) in Link::of(old) {
                    batches[self.link_slot(link)].remove(link_key(owner, id));
                }
                let entry = HistoryEntry {
                    version,
                    replaced_at: stamp.now,
                    replaced_by: stamp.label.to_string(),
                    written: stamp.written[from + i].clone(),
                    record: old.clone(),
                };
                batches[self.history_slot()].insert(
                    history_key(id, version),
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
    /// kinds, links, ids, history, written, meta.
    fn all_trees(&self) -> Vec<&sled::Tree> {
        let mut trees: Vec<&sled::Tree> = self.kinds.iter().collect();
        trees.extend(self.links.iter());
        trees.extend([&self.ids, &self.history, &self.written, &self.meta]);
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

    fn written_slot(&self) -> usize {
        self.ids_slot() + 2
    }

    fn meta_slot(&self) -> usize {
        self.ids_slot() + 3
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
                sled::transaction::TransactionError::Storage(e) => self.storage_error(e),
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
                match &undo.previous_written {
                    Some(w) if undo.previous.is_some() => batches[self.written_slot()].insert(
                        id.as_bytes(),
                        serde_json::to_vec(w).expect("a written entry always serializes"),
                    ),
                    _ => batches[self.written_slot()].remove(id.as_bytes()),
                }
            }
            self.transaction(&batches)?;
        }
        self.meta.remove(META_PENDING)?;
        self.db.flush()?;
        Ok(Some(journal.label))
    }

    /// An I/O error names the store's directory (a full disk, a read-only home).
    fn storage_error(&self, e: sled::Error) -> Error {
        match e {
            sled::Error::Io(io) => Error::io(&self.path, plain_io(io)),
            other => Error::Store(other),
        }
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

/// sled re-wraps some OS errors with their debug form as the message
/// (`Os { code: 27, kind: FileTooLarge, … }`); give back the plain OS error.
fn plain_io(io: std::io::Error) -> std::io::Error {
    let text = io.to_string();
    let code = text
        .strip_prefix("Os { code: ")
        .and_then(|rest| rest.split(',').next())
        .and_then(|n| n.parse::<i32>().ok());
    match code {
        Some(code) if io.raw_os_error().is_none() => std::io::Error::from_raw_os_error(code),
        _ => io,
    }
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
