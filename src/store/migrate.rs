//! Migrations of older stores, run by [`Store::open`].
//!
//! Schema version 1 → 2: one `records` tree with a kind header instead of a tree per
//! kind, an `ids` tree and a `written` entry per record ([`Store::migrate_v1`]).
//!
//! Schema version 2 → 3: the `same_as` lists of person records become decisions in
//! the identity tree (see [`super::identity`]), and leave the records. Each stripped
//! record keeps its version number, its generation and so when and by what it was
//! written: the migration adds no version to any history (a version that `merge`
//! wrote then reads the same as the one before it, which is what it was apart from
//! the link). Earlier versions in the history lose their `same_as` too; the links
//! of the current records (and of an interrupted import's journal, which opening then
//! rolls back) are the ones migrated. All of it is one transaction with the schema
//! version, so an interrupted migration starts over.

use super::codec::{encode_value, header, Encoder};
use super::identity::{Decision, Verdict};
use super::{Result, Store, HISTORY_SLOT, META_PENDING, META_SCHEMA, META_SLOT, RECORDS_SLOT};
use crate::error::Error;
use crate::model::{Kind, Record};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

/// Who the migrated decisions are by, and why.
pub const MIGRATED_BY: &str = "migrated";
pub const MIGRATED_WHY: &str = "merge before schema 3";

/// Removes `same_as` from a person record's JSON; returns the ids it listed.
pub fn strip_same_as(record: &mut Value) -> Vec<String> {
    if record.get("type").and_then(Value::as_str) != Some("person") {
        return Vec::new();
    }
    match record.as_object_mut().and_then(|m| m.remove("same_as")) {
        Some(Value::Array(ids)) => ids
            .into_iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

fn corrupt(id: &str, message: String) -> Error {
    Error::Corrupt {
        id: id.to_string(),
        message,
    }
}

impl Store {
    /// Rewrites a schema version 1 store (a tree per kind, `ids`, `written`) in the
    /// version 2 layout, keeping every record, its history and when and by what it
    /// was written. The old trees are dropped only once the new layout is flushed
    /// and the schema version says 2, so an interrupted migration starts over.
    pub(super) fn migrate_v1(&self) -> Result<()> {
        let names = self.db.tree_names();
        let has = |n: &str| names.iter().any(|t| t.as_ref() == n.as_bytes());
        let written = has("written")
            .then(|| self.db.open_tree("written"))
            .transpose()?;
        // Version 1 kept "written" per record; version 2 per generation. Each
        // distinct (time, label) becomes an entry counted down from u64::MAX, above
        // any generation an import will reach.
        let mut entries: std::collections::HashMap<Vec<u8>, u64> = Default::default();
        for kind in Kind::ALL.into_iter().filter(|k| has(k.as_str())) {
            let tree = self.db.open_tree(kind.as_str())?;
            for item in tree.iter() {
                let (id, body) = item?;
                let w = match &written {
                    Some(t) => t.get(&id)?,
                    None => None,
                };
                let generation = match w {
                    None => 0,
                    Some(w) => {
                        let next = u64::MAX - entries.len() as u64;
                        let g = *entries.entry(w.to_vec()).or_insert(next);
                        if g == next {
                            self.imports.insert(g.to_be_bytes(), w)?;
                        }
                        g
                    }
                };
                self.records
                    .insert(id, encode_value(kind, generation, &body))?;
            }
        }
        self.db.flush()?;
        self.meta.insert(META_SCHEMA, b"2")?;
        self.db.flush()?;
        for name in Kind::ALL
            .iter()
            .map(|k| k.as_str())
            .chain(["ids", "written"])
        {
            if has(name) {
                self.db.drop_tree(name)?;
            }
        }
        self.db.flush()?;
        Ok(())
    }

    /// See the module's doc.
    pub(super) fn migrate_v2(&self) -> Result<()> {
        let mut batches = self.empty_batches();
        let mut pairs: BTreeSet<(String, String)> = BTreeSet::new();
        let mut add_pairs = |id: &str, others: Vec<String>| {
            for other in others.into_iter().filter(|o| o != id) {
                let pair = if id < other.as_str() {
                    (id.to_string(), other)
                } else {
                    (other, id.to_string())
                };
                pairs.insert(pair);
            }
        };
        let mut enc = {
            let codecs = self
                .codecs
                .read()
                .expect("the codecs lock is never poisoned: nothing panics holding it");
            Encoder::new(codecs.newest().as_deref())
        };
        for item in self.records.iter() {
            let (key, value) = item?;
            let id = String::from_utf8_lossy(&key).into_owned();
            let h = header(&id, &value)?;
            if h.kind != Kind::Person {
                continue;
            }
            let body = self.body(&id, &value, &h)?;
            if !body.windows(9).any(|w| w == b"\"same_as\"") {
                continue;
            }
            let mut json: Value = serde_json::from_slice(&body)
                .map_err(|e| corrupt(&id, format!("cannot be read: {e}")))?;
            let others = strip_same_as(&mut json);
            let record = Record::from_value(json)
                .map_err(|(f, m)| corrupt(&id, format!("cannot be read: {f}: {m}")))?;
            batches[RECORDS_SLOT].insert(key.to_vec(), enc.encode(&record, h.generation));
            add_pairs(&id, others);
        }
        for item in self.history.iter() {
            let (key, value) = item?;
            if !value.windows(9).any(|w| w == b"\"same_as\"") {
                continue;
            }
            let mut entry: Value = serde_json::from_slice(&value).map_err(|e| {
                corrupt(
                    &String::from_utf8_lossy(&key),
                    format!("history entry: {e}"),
                )
            })?;
            if let Some(record) = entry.get_mut("record") {
                strip_same_as(record);
            }
            batches[HISTORY_SLOT].insert(
                key.to_vec(),
                serde_json::to_vec(&entry).expect("JSON values always serialize"),
            );
        }
        if let Some(bytes) = self.meta.get(META_PENDING)? {
            let mut journal: Value = serde_json::from_slice(&bytes).map_err(|e| {
                corrupt(
                    "pending_import",
                    format!("the journal of an interrupted import cannot be read: {e}"),
                )
            })?;
            if let Some(undo) = journal.get_mut("undo").and_then(Value::as_array_mut) {
                for u in undo {
                    if let Some(previous) = u.get_mut("previous") {
                        let id = previous
                            .get("id")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_string();
                        add_pairs(&id, strip_same_as(previous));
                    }
                }
            }
            batches[META_SLOT].insert(
                META_PENDING,
                serde_json::to_vec(&journal).expect("JSON values always serialize"),
            );
        }
        // When a pair was merged: the time of the generation `merge a b` wrote.
        let mut merged_at: HashMap<(String, String), u64> = HashMap::new();
        for item in self.imports.iter() {
            let (_, value) = item?;
            let Ok(w) = serde_json::from_slice::<super::Written>(&value) else {
                continue;
            };
            if let Some((a, b)) = w.by.strip_prefix("merge ").and_then(|r| r.split_once(' ')) {
                let pair = if a < b { (a, b) } else { (b, a) };
                let at = merged_at
                    .entry((pair.0.to_string(), pair.1.to_string()))
                    .or_default();
                *at = (*at).max(w.at);
            }
        }
        let now = crate::time::now();
        let decisions: Vec<Decision> = pairs
            .iter()
            .map(|(a, b)| {
                let at = merged_at.get(&(a.clone(), b.clone())).copied();
                Decision::new(
                    a,
                    b,
                    Verdict::Same,
                    MIGRATED_BY,
                    at.unwrap_or(now),
                    MIGRATED_WHY,
                )
            })
            .collect();
        self.add_decisions(&decisions, self.next_seq()?, &mut batches)?;
        batches[META_SLOT].insert(META_SCHEMA, super::SCHEMA_VERSION.to_string().as_bytes());
        self.transaction(&batches)?;
        self.db.flush()?;
        Ok(())
    }
}
