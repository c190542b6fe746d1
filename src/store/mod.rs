//! The sled store: the single source of truth for every record.
//!
//! Layout (one sled tree each):
//! - one tree per kind (`person`, `office`, …): id → the record's JSON;
//! - `ids`: id → kind, so ids are unique across kinds and `show ID` needs one lookup;
//! - secondary indexes (`tenure_by_person`, …): `owner \0 fact` → empty;
//! - `history`: `id \0 version` → an earlier version of a record, kept when it is overwritten;
//! - `meta`: schema version, generation (bumped by every applied import), seed flag.
//!
//! Writes go through [`Store::apply`], one sled transaction over all trees, so an
//! import lands entirely or not at all.

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
        let store = Store {
            ids: tree("ids")?,
            history: tree("history")?,
            meta: tree("meta")?,
            db,
            path: path.to_path_buf(),
            kinds,
            links,
        };
        store.check_schema()?;
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

    /// Writes all `changes` in one transaction: records, ids, secondary indexes,
    /// history of overwritten versions, and a new generation. Returns the generation.
    pub fn apply(&self, changes: &[Change], label: &str, mark_seeded: bool) -> Result<u64> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let generation = self.generation()? + 1;

        // Build every write first: the transaction closure may be retried.
        let mut kind_batches: Vec<sled::Batch> =
            Kind::ALL.iter().map(|_| sled::Batch::default()).collect();
        let mut link_batches: Vec<sled::Batch> =
            Link::ALL.iter().map(|_| sled::Batch::default()).collect();
        let mut ids = sled::Batch::default();
        let mut history = sled::Batch::default();
        let mut meta = sled::Batch::default();

        for change in changes {
            let record = &change.record;
            let id = record.id();
            kind_batches[record.kind() as usize].insert(id.as_bytes(), encode(record));
            ids.insert(id.as_bytes(), record.kind().as_str().as_bytes());
            if let Some(old) = &change.previous {
                for (link, owner) in Link::of(old) {
                    link_batches[link as usize].remove(link_key(owner, id));
                }
                let version = self.history(id)?.len() as u32 + 1;
                let entry = HistoryEntry {
                    version,
                    replaced_at: now,
                    replaced_by: label.to_string(),
                    record: old.clone(),
                };
                let mut key = id.as_bytes().to_vec();
                key.push(0);
                key.extend_from_slice(&version.to_be_bytes());
                history.insert(
                    key,
                    serde_json::to_vec(&entry).expect("a history entry always serializes"),
                );
            }
            for (link, owner) in Link::of(record) {
                link_batches[link as usize].insert(link_key(owner, id), &[]);
            }
        }
        meta.insert(META_GENERATION, generation.to_string().as_bytes());
        meta.insert(META_LAST_IMPORT, format!("{label} at {now}").as_bytes());
        if mark_seeded {
            meta.insert(META_SEEDED, b"1");
        }

        let mut trees: Vec<&sled::Tree> = self.kinds.iter().collect();
        trees.extend(self.links.iter());
        trees.extend([&self.ids, &self.history, &self.meta]);
        let mut batches = kind_batches;
        batches.extend(link_batches);
        batches.extend([ids, history, meta]);

        use sled::Transactional;
        trees
            .as_slice()
            .transaction(|views| {
                for (view, batch) in views.iter().zip(&batches) {
                    view.apply_batch(batch)?;
                }
                Ok::<(), sled::transaction::ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                sled::transaction::TransactionError::Storage(e) => Error::Store(e),
                sled::transaction::TransactionError::Abort(()) => {
                    Error::Store(sled::Error::ReportableBug("transaction aborted".into()))
                }
            })?;
        self.db.flush().map_err(Error::Store)?;
        Ok(generation)
    }

    /// Bytes on disk used by the store.
    pub fn size_on_disk(&self) -> Result<u64> {
        Ok(self.db.size_on_disk()?)
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
