//! The tantivy index: derived from the store, rebuildable at any time.
//!
//! Each entity (person, organization, office, election, source) is one document
//! holding what a searcher types (names in every script, offices held, parties,
//! elections…; see [`document`]) and a stored card with what a result line shows,
//! so searches answer from the index alone without opening the store. Every commit
//! records the store generation it reflects, so a stale index is detected.

pub mod document;

use crate::analysis;
use crate::error::{Error, Result};
use crate::model::{Kind, Names, Record};
use crate::store::{Change, Link, Store};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

/// Bumped whenever the schema or the analysis changes, so old indexes get rebuilt.
pub const INDEX_FORMAT: u32 = 2;

/// tantivy's indexing memory per indexing thread.
const WRITER_HEAP: usize = 64 * 1024 * 1024;

/// Documents above which indexing uses every core (see [`SearchIndex::writer`]).
const PARALLEL_DOCS: usize = 10_000;

/// The fields of the index.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    pub id: Field,
    pub kind: Field,
    /// Names and aliases, name analysis (no stemming).
    pub name: Field,
    /// Names and aliases as cross-script phonetic keys.
    pub phonetic: Field,
    /// Everything else a searcher may type: summaries, offices, parties, places.
    pub text: Field,
    /// Filters: party ids and abbreviations, state names, years.
    pub party: Field,
    pub state: Field,
    pub year: Field,
    /// Stored JSON card: what a result line shows.
    pub card: Field,
}

pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let analyzed = |tokenizer: &str, stored: bool| {
        let opts = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        if stored {
            opts.set_stored()
        } else {
            opts
        }
    };
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        kind: b.add_text_field("kind", STRING | STORED),
        name: b.add_text_field("name", analyzed(analysis::NAME_TOKENIZER, false)),
        phonetic: b.add_text_field("phonetic", analyzed(analysis::PHONETIC_TOKENIZER, false)),
        text: b.add_text_field("text", analyzed(analysis::TEXT_TOKENIZER, true)),
        party: b.add_text_field("party", STRING),
        state: b.add_text_field("state", STRING),
        year: b.add_u64_field("year", INDEXED | FAST),
        card: b.add_text_field("card", STORED),
    };
    (b.build(), fields)
}

/// What a result line needs, stored in the index.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Card {
    pub name: Names,
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    pub summary: Names,
}

impl Card {
    /// The card of a record: its own name and summary, nothing linked.
    pub fn of(record: &Record) -> Card {
        Card {
            name: record.name(),
            summary: record.summary(),
        }
    }
}

pub struct SearchIndex {
    pub index: Index,
    pub fields: Fields,
    dir: PathBuf,
    /// Opened on the first search and kept: opening a reader costs milliseconds, a
    /// searcher from an open reader microseconds. Reloaded after our own commits.
    reader: OnceLock<IndexReader>,
}

/// The state an index commit records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub format: u32,
    pub generation: u64,
}

impl Stamp {
    fn encode(self) -> String {
        format!("format={};generation={}", self.format, self.generation)
    }

    fn decode(s: &str) -> Option<Stamp> {
        let mut format = None;
        let mut generation = None;
        for part in s.split(';') {
            match part.split_once('=') {
                Some(("format", v)) => format = v.parse().ok(),
                Some(("generation", v)) => generation = v.parse().ok(),
                _ => {}
            }
        }
        Some(Stamp {
            format: format?,
            generation: generation?,
        })
    }
}

impl SearchIndex {
    /// Opens the index in `dir` if one is there; `None` when there is none yet.
    pub fn open(dir: &Path) -> Result<Option<SearchIndex>> {
        if !dir.join("meta.json").exists() {
            return Ok(None);
        }
        let index = Index::open_in_dir(dir)?;
        let (schema, fields) = schema();
        if index.schema() != schema {
            return Ok(None);
        }
        analysis::register(&index);
        Ok(Some(SearchIndex {
            index,
            fields,
            dir: dir.to_path_buf(),
            reader: OnceLock::new(),
        }))
    }

    /// Creates an empty index in `dir`, replacing whatever index was there.
    pub fn create(dir: &Path) -> Result<SearchIndex> {
        if dir.join("meta.json").exists() {
            for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
                let path = entry.map_err(|e| Error::io(dir, e))?.path();
                // Keep dotfiles such as the checkout's index/.gitignore.
                let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                    n.starts_with('.') && n != ".tantivy-writer.lock" && n != ".tantivy-meta.lock"
                });
                if path.is_file() && !hidden {
                    std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
                }
            }
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let (schema, fields) = schema();
        let index = Index::create_in_dir(dir, schema)?;
        analysis::register(&index);
        Ok(SearchIndex {
            index,
            fields,
            dir: dir.to_path_buf(),
            reader: OnceLock::new(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The stamp of the last commit, if the index has been committed to by netakosh.
    pub fn stamp(&self) -> Result<Option<Stamp>> {
        let metas = self.index.load_metas()?;
        Ok(metas.payload.as_deref().and_then(Stamp::decode))
    }

    /// True when the index reflects exactly this store generation with this format.
    pub fn is_current(&self, generation: u64) -> Result<bool> {
        Ok(self.stamp()?
            == Some(Stamp {
                format: INDEX_FORMAT,
                generation,
            }))
    }

    pub fn num_docs(&self) -> Result<u64> {
        Ok(self.searcher()?.num_docs())
    }

    /// A searcher over the last commit this handle has seen.
    pub fn searcher(&self) -> Result<Searcher> {
        if let Some(r) = self.reader.get() {
            return Ok(r.searcher());
        }
        let reader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(self.reader.get_or_init(|| reader).searcher())
    }

    /// A writer with one indexing thread per core for `docs` documents above
    /// [`PARALLEL_DOCS`]: tantivy's indexing threads run our analysis, the larger part
    /// of indexing; below it, one thread and so fewer segments to merge.
    fn writer(&self, docs: usize) -> Result<IndexWriter> {
        let threads = if docs > PARALLEL_DOCS {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
        } else {
            1
        };
        Ok(self
            .index
            .writer_with_num_threads(threads, WRITER_HEAP * threads)?)
    }

    fn commit(&self, mut writer: IndexWriter, generation: u64) -> Result<()> {
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(
            &Stamp {
                format: INDEX_FORMAT,
                generation,
            }
            .encode(),
        );
        prepared.commit()?;
        writer.wait_merging_threads()?;
        if let Some(r) = self.reader.get() {
            r.reload()?;
        }
        Ok(())
    }

    /// Rebuilds the whole index from the store.
    pub fn rebuild(&self, store: &Store) -> Result<u64> {
        let writer = self.writer(usize::MAX)?;
        writer.delete_all_documents()?;
        let mut count = 0;
        let builder = document::Builder::new(store);
        for record in store.iter_all() {
            let record = record?;
            if record.kind().is_entity() {
                writer.add_document(self.to_tantivy(&builder.build(&record)?))?;
                count += 1;
            }
        }
        self.commit(writer, store.generation()?)?;
        Ok(count)
    }

    /// Re-indexes the entities an import touched (see [`affected`]) while
    /// `write_store` writes the import to the store, and commits the index stamped
    /// with the generation it returns — only if it succeeds.
    ///
    /// The documents of the entities the import creates need nothing from the store
    /// (see [`document::Overlay`]), so they are built and indexed on the other core
    /// while the store is written; the others (entities that existed, whose facts
    /// the store holds) once it is written. For a fresh import that is all of them,
    /// and the two halves of the work overlap.
    pub fn update_while<F>(
        &self,
        store: &Store,
        ids: &BTreeSet<String>,
        changes: &[Change],
        write_store: F,
    ) -> Result<u64>
    where
        F: FnOnce() -> Result<u64> + Send,
    {
        let overlay = document::Overlay::new(changes);
        let writer = self.writer(ids.len())?;
        let (fresh, rest): (Vec<&String>, Vec<&String>) =
            ids.iter().partition(|id| overlay.is_fresh(id));
        let generation = std::thread::scope(|scope| -> Result<u64> {
            let written = scope.spawn(write_store);
            let indexed = self.add_documents(store, &overlay, &writer, &fresh);
            let generation = written
                .join()
                .expect("writing the store never panics: errors are values")?;
            indexed?;
            Ok(generation)
        })?;
        self.add_documents(store, &overlay, &writer, &rest)?;
        crate::pause::at("index-written");
        self.commit(writer, generation)?;
        Ok(generation)
    }

    /// Builds and adds the documents of `ids`, split over the cores; tantivy's
    /// indexing threads take them as they come. Each id is handled by one worker, so
    /// its delete always precedes its new document.
    fn add_documents(
        &self,
        store: &Store,
        overlay: &document::Overlay,
        writer: &IndexWriter,
        ids: &[&String],
    ) -> Result<()> {
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let chunk = ids.len().div_ceil(workers).max(1);
        std::thread::scope(|scope| {
            let handles: Vec<_> = ids
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || -> Result<()> {
                        // Each worker keeps its own cache of looked-up parties and places.
                        let builder = document::Builder::with_overlay(store, overlay);
                        for id in part {
                            writer.delete_term(Term::from_field_text(self.fields.id, id));
                            let record = match overlay.record(id) {
                                Some(r) => Some(std::borrow::Cow::Borrowed(r)),
                                None => store.get(id)?.map(std::borrow::Cow::Owned),
                            };
                            if let Some(record) = record.filter(|r| r.kind().is_entity()) {
                                writer.add_document(self.to_tantivy(&builder.build(&record)?))?;
                            }
                        }
                        Ok(())
                    })
                })
                .collect();
            handles.into_iter().try_for_each(|h| {
                h.join()
                    .expect("building a document never panics: it is plain data")
            })
        })
    }

    fn to_tantivy(&self, doc: &document::EntityDoc) -> TantivyDocument {
        let f = &self.fields;
        let mut t = TantivyDocument::default();
        t.add_text(f.id, &doc.id);
        t.add_text(f.kind, doc.kind.as_str());
        for n in &doc.names {
            t.add_text(f.name, n);
            t.add_text(f.phonetic, n);
        }
        for x in &doc.text {
            t.add_text(f.text, x);
        }
        for p in &doc.parties {
            t.add_text(f.party, p);
        }
        for s in &doc.states {
            t.add_text(f.state, s);
        }
        for y in &doc.years {
            t.add_u64(f.year, u64::from(*y));
        }
        t.add_text(
            f.card,
            serde_json::to_string(&doc.card).expect("a card always serializes"),
        );
        t
    }
}

/// The entity documents an import's changes make stale: every changed entity, the
/// entities that changed facts point at (before and after), and the entities whose
/// documents quote a changed entity's names (holders of a renamed office, …).
pub fn affected(store: &Store, changes: &[Change]) -> Result<BTreeSet<String>> {
    let mut out = BTreeSet::new();
    // Looked up before inserting: a million facts name a few hundred thousand
    // entities, and an owned copy per name was most of this step.
    let add = |id: &str, out: &mut BTreeSet<String>| {
        if !out.contains(id) {
            out.insert(id.to_string());
        }
    };
    let add_refs = |record: &Record, out: &mut BTreeSet<String>| {
        if record.kind().is_entity() {
            add(record.id(), out);
        }
        for r in record.references() {
            if r.kind.is_entity() && r.kind != Kind::Source {
                add(r.id, out);
            }
        }
    };
    for change in changes {
        add_refs(&change.record, &mut out);
        if let Some(old) = &change.previous {
            add_refs(old, &mut out);
        }
    }
    // Entities whose documents quote the names of a changed entity. Only an entity
    // that existed before can be quoted by facts outside this import (references are
    // validated to exist), and facts inside it are covered above: a fresh import of a
    // million records makes no store reads here.
    let changed_entities: Vec<String> = changes
        .iter()
        .filter(|c| c.record.kind().is_entity() && c.previous.is_some())
        .map(|c| c.record.id().to_string())
        .collect();
    for id in changed_entities {
        for link in Link::ALL {
            for fact in store.linked_records(link, &id)? {
                add_refs(&fact, &mut out);
            }
        }
    }
    Ok(out)
}
