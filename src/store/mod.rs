//! The sled store: the single source of truth for every record.
//!
//! Layout (schema version 3; one sled tree each):
//! - `records`: id → the record, as `[kind][encoding][generation][body]` (see
//!   [`encode_value`]): one tree for every kind, so an id is unique across kinds by
//!   construction and `show ID` is one lookup; the generation says which import wrote
//!   this version;
//! - secondary indexes (`tenure_by_person`, …): `owner \0 fact` → empty;
//! - `history`: `id \0 version` → an earlier version of a record, kept when it is overwritten;
//! - `imports`: generation → when and by what it was written (`import a.jsonl`, `seed`);
//! - `meta`: schema version, generation (bumped by every applied import), seed flag,
//!   the last applied import, and the journal of a large import while it is being written;
//! - `identity`, `identity_by_person`: decisions that two person records are (not) the
//!   same person, apart from the records (see [`identity`]; schema version 3 moved the
//!   `same_as` lists of person records there, see [`migrate`]).
//!
//! Why one `records` tree with a header, rather than a tree per kind plus an `ids` tree
//! and a per-record "written" entry (schema version 1): sled's cost is per insert
//! (≈ 6–10 µs whatever the value's size), and version 1 made 4.4 inserts per record;
//! version 2 makes one per record plus one per secondary-index entry. Version 1 and
//! 2 stores are migrated on open (see [`Store::open`]).
//!
//! Writes go through [`Store::apply`] (in `write.rs`): one sled transaction over all trees, or for a
//! large import plain inserts with a journal that undoes them if the import is
//! interrupted, so an import lands entirely or not at all (sled's recovery discards a
//! transaction whose log entries were not all written). [`check`] verifies the
//! invariants between the trees and mends the derived ones. While a process has the
//! store open, the file `netakosh-holder` beside sled's names it (see [`holder`]).

pub mod check;
mod codec;
pub mod holder;
pub mod identity;
mod links;
pub mod migrate;
mod read;
mod write;

pub use check::{Finding, Fix};
pub use codec::encode_value;
use codec::{header, Codecs, Encoder};
pub use holder::Holder;
pub use identity::{Decision, Verdict};
pub use links::Link;
pub use read::Records;

use crate::error::{Error, Result};
use crate::model::{Kind, Record};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The on-disk layout version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 3;

const META_SCHEMA: &[u8] = b"schema_version";
const META_GENERATION: &[u8] = b"generation";
const META_SEEDED: &[u8] = b"seeded";
const META_LAST_IMPORT: &[u8] = b"last_import";
/// The journal of an import being written in several transactions (see [`Store::apply`]).
const META_PENDING: &[u8] = b"pending_import";

/// sled's page cache. It fills only with the pages a command touches (a `show` touches
/// a few), but an import of a million records writes all over the tree: with 64 MiB
/// it ran at 40,000 records/s, with 1 GiB at 60,000 (sled alone, one tree).
const CACHE_BYTES: u64 = 512 * 1024 * 1024;

/// How long [`Store::open`] waits for a store that was just closed to be let go of.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(100);

/// Imports of more changes than this are written under a journal rather than in one
/// transaction; the roll-back of one undoes this many per transaction (see [`Store::apply`]).
pub const CHUNK: usize = 5_000;

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
    /// When and by what each replaced version was written.
    written: &'a [Option<Written>],
    label: &'a str,
    now: u64,
    generation: u64,
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
    records: sled::Tree,
    /// id (u32, big-endian) → a zstd dictionary (see [`codec`]).
    dictionaries: sled::Tree,
    codecs: std::sync::RwLock<Codecs>,
    history: sled::Tree,
    imports: sled::Tree,
    meta: sled::Tree,
    links: Vec<sled::Tree>,
    /// The log of identity decisions and its index (see [`identity`]).
    identity: sled::Tree,
    identity_index: sled::Tree,
    /// Records an import needs to train a dictionary ([`codec::TRAIN_MIN`]; fewer in tests).
    train_min: usize,
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
        let open = || {
            sled::Config::new()
                .path(path)
                .cache_capacity(CACHE_BYTES)
                .open()
        };
        let locked = |r: &sled::Result<sled::Db>| matches!(r, Err(sled::Error::Io(io)) if io.to_string().contains("could not acquire lock"));
        // A store that a process has just closed can stay locked for a moment while
        // sled's threads let go of it: wait up to LOCK_WAIT before calling it held.
        let mut attempt = open();
        let started = std::time::Instant::now();
        while locked(&attempt) && started.elapsed() < LOCK_WAIT {
            std::thread::sleep(std::time::Duration::from_millis(10));
            attempt = open();
        }
        let db = attempt.map_err(|e| match e {
            sled::Error::Io(io) if io.to_string().contains("could not acquire lock") => {
                Error::Locked {
                    path: path.to_path_buf(),
                    holder: holder::read(path).map(|h| h.to_string()),
                }
            }
            sled::Error::Io(io)
                if matches!(
                    io.kind(),
                    std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
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
        let links = Link::ALL
            .iter()
            .map(|l| tree(l.tree_name()))
            .collect::<sled::Result<Vec<_>>>()?;
        let dictionaries = tree("dictionaries")?;
        let identity = tree(identity::LOG_TREE)?;
        let identity_index = tree(identity::INDEX_TREE)?;
        let mut codecs = Codecs::default();
        for item in dictionaries.iter() {
            let (k, v) = item?;
            if let Ok(id) = <[u8; 4]>::try_from(k.as_ref()).map(u32::from_be_bytes) {
                codecs.add(codec::Dictionary::new(id, v.to_vec()));
            }
        }
        let mut store = Store {
            records: tree("records")?,
            dictionaries,
            codecs: std::sync::RwLock::new(codecs),
            history: tree("history")?,
            imports: tree("imports")?,
            meta: tree("meta")?,
            db,
            path: path.to_path_buf(),
            links,
            identity,
            identity_index,
            // Tests make imports chunked without writing thousands of records.
            // Tests train a dictionary (and so compress) without thousands of records.
            train_min: std::env::var("NETAKOSH_TEST_TRAIN_MIN")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(codec::TRAIN_MIN),
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
            Some(v) if v.as_ref() == b"1" => {
                self.migrate_v1()?;
                self.migrate_v2()
            }
            Some(v) if v.as_ref() == b"2" => self.migrate_v2(),
            Some(v) => Err(Error::SchemaVersion {
                path: self.path.clone(),
                found: String::from_utf8_lossy(&v).into_owned(),
                supported: SCHEMA_VERSION,
            }),
            None if self.records.is_empty()
                && !self.db.tree_names().iter().any(|n| n == b"ids") =>
            {
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

    fn link_tree(&self, link: Link) -> &sled::Tree {
        &self.links[link as usize]
    }

    fn decode(&self, id: &str, bytes: &[u8]) -> Result<Record> {
        self.decode_with(id, bytes, &header(id, bytes)?)
    }

    /// [`Store::decode`] of a value whose header has been read already.
    fn decode_with(&self, id: &str, bytes: &[u8], h: &codec::Header) -> Result<Record> {
        self.codecs
            .read()
            .expect("the codecs lock is never poisoned: nothing panics holding it")
            .decode(id, bytes, h)
    }

    /// The JSON of a stored value (decompressed if need be).
    fn body<'a>(
        &self,
        id: &str,
        bytes: &'a [u8],
        h: &codec::Header,
    ) -> Result<std::borrow::Cow<'a, [u8]>> {
        self.codecs
            .read()
            .expect("the codecs lock is never poisoned: nothing panics holding it")
            .body(id, bytes, h)
    }

    /// The encoder for an import of `changes`: with a dictionary trained from these
    /// records if they are many, else with the store's newest one (if any).
    fn encoder(&self, changes: &[Change]) -> Result<Encoder> {
        let mut codecs = self
            .codecs
            .write()
            .expect("the codecs lock is never poisoned: nothing panics holding it");
        // Every large import trains its own: datasets differ (a dictionary trained on
        // IAS officers compresses ADR affidavits poorly). Smaller ones use the newest.
        if changes.len() >= self.train_min {
            let records: Vec<&Record> = changes.iter().map(|c| &c.record).collect();
            let id = codecs.newest().map_or(1, |d| d.id + 1);
            if let Some(d) = codec::train(id, &records) {
                // Kept even if this import is then undone: it is valid for any record.
                self.dictionaries
                    .insert(d.id.to_be_bytes(), d.bytes.as_slice())
                    .map_err(|e| self.storage_error(e))?;
                codecs.add(d);
            }
        }
        Ok(Encoder::new(codecs.newest().as_deref()))
    }

    /// The kind of the record with this id, if it exists.
    pub fn kind_of(&self, id: &str) -> Result<Option<Kind>> {
        match self.records.get(id.as_bytes())? {
            None => Ok(None),
            Some(v) => Ok(Some(header(id, &v)?.kind)),
        }
    }

    pub fn get(&self, id: &str) -> Result<Option<Record>> {
        self.records
            .get(id.as_bytes())?
            .map(|bytes| self.decode(id, &bytes))
            .transpose()
    }

    /// The record `id` if it is of `kind`.
    pub fn get_kind(&self, kind: Kind, id: &str) -> Result<Option<Record>> {
        match self.records.get(id.as_bytes())? {
            Some(bytes) => {
                let h = header(id, &bytes)?;
                (h.kind == kind)
                    .then(|| self.decode_with(id, &bytes, &h))
                    .transpose()
            }
            None => Ok(None),
        }
    }

    /// Every record of one kind, in id order. Records of other kinds are skipped
    /// from their header, without decoding them.
    pub fn iter(&self, kind: Kind) -> impl Iterator<Item = Result<Record>> + '_ {
        self.records.iter().filter_map(move |item| {
            let (k, v) = match item {
                Ok(kv) => kv,
                Err(e) => return Some(Err(e.into())),
            };
            let id = String::from_utf8_lossy(&k);
            match header(&id, &v) {
                Ok(h) if h.kind != kind => None,
                Ok(h) => Some(self.decode_with(&id, &v, &h)),
                Err(e) => Some(Err(e)),
            }
        })
    }

    /// Every record, in id order.
    pub fn iter_all(&self) -> impl Iterator<Item = Result<Record>> + '_ {
        self.records.iter().map(|item| {
            let (k, v) = item?;
            self.decode(&String::from_utf8_lossy(&k), &v)
        })
    }

    /// How many records of each kind the store holds, in [`Kind::ALL`] order
    /// (indexed by `Kind as usize`): one scan of the record headers for all kinds.
    pub fn counts(&self) -> [usize; Kind::ALL.len()] {
        let mut out = [0; Kind::ALL.len()];
        for v in self.records.iter().values().flatten() {
            if let Some(kind) = v.first().and_then(|&k| Kind::from_code(k)) {
                out[kind as usize] += 1;
            }
        }
        out
    }

    /// How many records of `kind` the store holds (see [`Store::counts`]).
    pub fn count(&self, kind: Kind) -> usize {
        self.counts()[kind as usize]
    }

    /// How many records the store holds.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
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
        match self.generation_of(id)? {
            None => Ok(None),
            Some(g) => self.import_entry(g),
        }
    }

    /// The generation that wrote the current version of `id`.
    fn generation_of(&self, id: &str) -> Result<Option<u64>> {
        match self.records.get(id.as_bytes())? {
            None => Ok(None),
            Some(v) => Ok(Some(header(id, &v)?.generation)),
        }
    }

    /// When and by what generation `generation` was written, if recorded.
    pub fn import_entry(&self, generation: u64) -> Result<Option<Written>> {
        self.imports
            .get(generation.to_be_bytes())?
            .map(|v| {
                serde_json::from_slice(&v).map_err(|e| Error::Corrupt {
                    id: format!("import {generation}"),
                    message: format!("import entry: {e}"),
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

    /// An I/O error names the store's directory (a full disk, a read-only home).
    fn storage_error(&self, e: sled::Error) -> Error {
        match e {
            sled::Error::Io(io) => Error::io(&self.path, plain_io(io)),
            other => Error::Store(other),
        }
    }
}

/// The bytes the files under a store folder take, read from the file system so
/// that `stats` need not open sled.
pub fn size_on_disk(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => size_on_disk(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
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

/// Slots of [`Store::all_trees`] and [`Store::empty_batches`].
const RECORDS_SLOT: usize = 0;
const HISTORY_SLOT: usize = 1 + Link::ALL.len();
const IMPORTS_SLOT: usize = HISTORY_SLOT + 1;
const META_SLOT: usize = HISTORY_SLOT + 2;
const IDENTITY_SLOT: usize = HISTORY_SLOT + 3;
const IDENTITY_INDEX_SLOT: usize = HISTORY_SLOT + 4;

fn link_slot(link: Link) -> usize {
    1 + link as usize
}

#[cfg(test)]
mod tests;
