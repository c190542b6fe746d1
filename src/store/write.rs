//! The write path of the store: one import's records, secondary indexes, history
//! and identity decisions written all at once or, for a large import, under a
//! journal that lets an interrupted one be rolled back on the next open.

use super::*;

/// What an import in progress replaces, so that an interrupted one can be undone.
///
/// Only overwritten records are listed: a record the import created carries the
/// import's generation in its header, so the roll-back finds it by that (a journal
/// listing all million records of a fresh import was a 100 MB sled value).
#[derive(Serialize, Deserialize)]
pub(super) struct Journal {
    pub(super) label: String,
    /// The generation the import writes into its records' headers; absent in
    /// journals that listed every record.
    #[serde(default)]
    pub(super) generation: Option<u64>,
    pub(super) undo: Vec<Undo>,
}

impl Journal {
    /// The journal of an import writing `changes` as `generation`: only the
    /// overwritten records, each with the history version its earlier version gets
    /// and the generation that wrote it.
    pub(super) fn of(
        label: &str,
        generation: u64,
        changes: &[Change],
        versions: &[Option<u32>],
        previous: &[Option<u64>],
    ) -> Journal {
        Journal {
            label: label.to_string(),
            generation: Some(generation),
            undo: changes
                .iter()
                .zip(versions.iter().zip(previous))
                .filter(|(c, _)| c.previous.is_some())
                .map(|(c, (v, g))| Undo {
                    kind: c.record.kind(),
                    id: c.record.id().to_string(),
                    previous: c.previous.clone(),
                    history_version: *v,
                    previous_generation: *g,
                })
                .collect(),
        }
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct Undo {
    pub(super) kind: Kind,
    pub(super) id: String,
    pub(super) previous: Option<Record>,
    pub(super) history_version: Option<u32>,
    /// The generation that wrote `previous`, to put back in its header.
    #[serde(default)]
    pub(super) previous_generation: Option<u64>,
}

impl Store {
    /// Writes all `changes`: records, secondary indexes, history of overwritten
    /// versions, and a new generation. Returns the generation.
    ///
    /// All or nothing: an import of up to [`CHUNK`] changes is one sled transaction.
    /// A larger one is written insert by insert, outside any transaction or batch,
    /// because sled keeps every node version a batch or transaction makes until it
    /// ends (one transaction for the 370,000 records of the ADR dataset held 8 GB).
    /// Before the first insert, a journal of what it overwrites is written and
    /// flushed; the last step bumps the generation and removes the journal in one
    /// batch. A store opened with a journal left behind (the import was interrupted)
    /// is rolled back to where it was ([`Store::open`]).
    pub fn apply(&self, changes: &[Change], label: &str, mark_seeded: bool) -> Result<u64> {
        self.apply_all(changes, &[], label, mark_seeded)
    }

    /// [`Store::apply`] with identity decisions, written with the records: in the
    /// one transaction, or in the last step of a large import (see [`identity`]).
    pub fn apply_all(
        &self,
        changes: &[Change],
        decisions: &[Decision],
        label: &str,
        mark_seeded: bool,
    ) -> Result<u64> {
        self.apply_chunked(changes, decisions, label, mark_seeded, self.chunk)
    }

    pub(super) fn apply_chunked(
        &self,
        changes: &[Change],
        decisions: &[Decision],
        label: &str,
        mark_seeded: bool,
        chunk: usize,
    ) -> Result<u64> {
        let now = crate::time::now();
        let generation = self.generation()? + 1;
        let first_seq = self.next_seq()?;
        // The version each overwritten record's history entry gets, and when and by
        // what the version it replaces was written.
        let versions = changes
            .iter()
            .map(|c| match c.previous {
                Some(_) => self.history_len(c.record.id()).map(|n| Some(n + 1)),
                None => Ok(None),
            })
            .collect::<Result<Vec<Option<u32>>>>()?;
        let previous = changes
            .iter()
            .map(|c| match c.previous {
                Some(_) => self.generation_of(c.record.id()),
                None => Ok(None),
            })
            .collect::<Result<Vec<Option<u64>>>>()?;
        let written = previous
            .iter()
            .map(|g| g.map_or(Ok(None), |g| self.import_entry(g)))
            .collect::<Result<Vec<Option<Written>>>>()?;
        let stamp = Stamp {
            versions: &versions,
            written: &written,
            label,
            now,
            generation,
        };
        let this = serde_json::to_vec(&Written {
            at: now,
            by: label.to_string(),
        })
        .expect("a written entry always serializes");
        let mut meta = sled::Batch::default();
        meta.insert(META_GENERATION, generation.to_string().as_bytes());
        meta.insert(META_LAST_IMPORT, format!("{label} at {now}").as_bytes());
        if mark_seeded {
            meta.insert(META_SEEDED, b"1");
        }
        let chunk = chunk.max(1);
        let mut enc = self.encoder(changes)?;
        if changes.len() <= chunk {
            let mut batches = self.empty_batches();
            for (i, change) in changes.iter().enumerate() {
                for write in self.writes(change, &stamp, i, &mut enc) {
                    write.add_to(&mut batches);
                }
            }
            batches[IMPORTS_SLOT].insert(&generation.to_be_bytes(), this);
            batches[META_SLOT] = meta;
            self.add_decisions(decisions, first_seq, &mut batches)?;
            self.transaction(&batches)?;
            crate::pause::at("store-committed");
        } else {
            let journal = Journal::of(label, generation, changes, &versions, &previous);
            let io = |e| self.storage_error(e);
            self.meta
                .insert(
                    META_PENDING,
                    serde_json::to_vec(&journal).expect("a journal always serializes"),
                )
                .map_err(io)?;
            // The generation's entry may be written ahead: until the generation is
            // bumped, nothing refers to it, and a rolled-back import's entry is
            // overwritten by the next import's.
            self.imports
                .insert(generation.to_be_bytes(), this)
                .map_err(io)?;
            self.db.flush().map_err(io)?;
            // Plain inserts, not batches: sled applies a batch no faster and keeps
            // every node version it makes until the batch ends. Each change writes its
            // record first: the roll-back decides from the record whether a change
            // was written, and undoes its links and history with it.
            let trees = self.all_trees();
            for (i, change) in changes.iter().enumerate() {
                for write in self.writes(change, &stamp, i, &mut enc) {
                    write.apply(&trees).map_err(io)?;
                }
            }
            crate::pause::at("store-committed");
            meta.remove(META_PENDING);
            // The decisions land with the generation: an interrupted import has none.
            let mut last = self.empty_batches();
            last[META_SLOT] = meta;
            self.add_decisions(decisions, first_seq, &mut last)?;
            self.transaction(&last)?;
        }
        self.db.flush().map_err(|e| self.storage_error(e))?;
        Ok(generation)
    }

    /// The writes of the change at position `at` of an import, its record first.
    pub(super) fn writes(
        &self,
        change: &Change,
        stamp: &Stamp,
        at: usize,
        enc: &mut Encoder,
    ) -> Vec<Write> {
        let record = &change.record;
        let id = record.id();
        let mut out = vec![Write::Insert(
            RECORDS_SLOT,
            id.as_bytes().to_vec(),
            enc.encode(record, stamp.generation),
        )];
        if let (Some(old), Some(version)) = (&change.previous, stamp.versions[at]) {
            for (link, owner) in Link::of(old) {
                out.push(Write::Remove(link_slot(link), link_key(owner, id)));
            }
            let entry = HistoryEntry {
                version,
                replaced_at: stamp.now,
                replaced_by: stamp.label.to_string(),
                written: stamp.written[at].clone(),
                record: old.clone(),
            };
            out.push(Write::Insert(
                HISTORY_SLOT,
                history_key(id, version),
                serde_json::to_vec(&entry).expect("a history entry always serializes"),
            ));
        }
        for (link, owner) in Link::of(record) {
            out.push(Write::Insert(
                link_slot(link),
                link_key(owner, id),
                Vec::new(),
            ));
        }
        out
    }

    /// The trees in slot order: records, links, history, imports, meta, identity.
    pub(super) fn all_trees(&self) -> Vec<&sled::Tree> {
        let mut trees: Vec<&sled::Tree> = vec![&self.records];
        trees.extend(self.links.iter());
        trees.extend([
            &self.history,
            &self.imports,
            &self.meta,
            &self.identity,
            &self.identity_index,
        ]);
        trees
    }

    pub(super) fn empty_batches(&self) -> Vec<sled::Batch> {
        (0..self.all_trees().len())
            .map(|_| sled::Batch::default())
            .collect()
    }

    /// Applies one batch per tree (see [`Store::all_trees`]) atomically.
    pub(super) fn transaction(&self, batches: &[sled::Batch]) -> Result<()> {
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
    pub(super) fn history_len(&self, id: &str) -> Result<u32> {
        let mut prefix = id.as_bytes().to_vec();
        prefix.push(0);
        let mut n = 0;
        for key in self.history.scan_prefix(&prefix).keys() {
            key?;
            n += 1;
        }
        Ok(n)
    }

    /// Undoes an import that was interrupted between its first write and its last
    /// step (see [`Store::apply`]): every record it wrote is put back as it was.
    /// Safe to repeat if it is itself interrupted. Returns the import's label.
    pub(super) fn roll_back_interrupted(&self) -> Result<Option<String>> {
        let Some(bytes) = self.meta.get(META_PENDING)? else {
            return Ok(None);
        };
        let journal: Journal = serde_json::from_slice(&bytes).map_err(|e| Error::Corrupt {
            id: "pending_import".into(),
            message: format!("the journal of an interrupted import cannot be read: {e}"),
        })?;
        // Records the import created: its generation in their header, not listed.
        let mut created = Vec::new();
        if let Some(g) = journal.generation {
            let listed: std::collections::HashSet<&str> =
                journal.undo.iter().map(|u| u.id.as_str()).collect();
            for item in self.records.iter() {
                let (key, value) = item?;
                let id = String::from_utf8_lossy(&key).into_owned();
                if header(&id, &value)?.generation == g && !listed.contains(id.as_str()) {
                    created.push(id);
                }
            }
        }
        for part in created.chunks(self.chunk.max(1)) {
            let mut batches = self.empty_batches();
            for id in part {
                if let Some(cur) = self.get(id)? {
                    for (link, owner) in Link::of(&cur) {
                        batches[link_slot(link)].remove(link_key(owner, id));
                    }
                }
                batches[RECORDS_SLOT].remove(id.as_bytes());
            }
            self.transaction(&batches)?;
        }
        for part in journal.undo.chunks(self.chunk.max(1)) {
            let mut batches = self.empty_batches();
            for undo in part {
                let id = undo.id.as_str();
                let current = self.get(id)?;
                if current == undo.previous {
                    // Never written (its record is written first), or undone already.
                    continue;
                }
                if let Some(cur) = &current {
                    for (link, owner) in Link::of(cur) {
                        batches[link_slot(link)].remove(link_key(owner, id));
                    }
                }
                match &undo.previous {
                    None => batches[RECORDS_SLOT].remove(id.as_bytes()),
                    Some(old) => {
                        batches[RECORDS_SLOT].insert(
                            id.as_bytes(),
                            Encoder::plain().encode(old, undo.previous_generation.unwrap_or(0)),
                        );
                        for (link, owner) in Link::of(old) {
                            batches[link_slot(link)].insert(link_key(owner, id), &[]);
                        }
                    }
                }
                if let Some(v) = undo.history_version {
                    batches[HISTORY_SLOT].remove(history_key(id, v));
                }
            }
            self.transaction(&batches)?;
        }
        self.meta.remove(META_PENDING)?;
        self.db.flush()?;
        Ok(Some(journal.label))
    }
}

/// One write of an import, to the tree in a slot of [`Store::all_trees`].
pub(super) enum Write {
    Insert(usize, Vec<u8>, Vec<u8>),
    Remove(usize, Vec<u8>),
}

impl Write {
    pub(super) fn add_to(self, batches: &mut [sled::Batch]) {
        match self {
            Write::Insert(slot, k, v) => batches[slot].insert(k, v),
            Write::Remove(slot, k) => batches[slot].remove(k),
        }
    }

    pub(super) fn apply(self, trees: &[&sled::Tree]) -> sled::Result<()> {
        match self {
            Write::Insert(slot, k, v) => trees[slot].insert(k, v).map(drop),
            Write::Remove(slot, k) => trees[slot].remove(k).map(drop),
        }
    }
}
