//! The tantivy index: derived from the store, rebuildable at any time.
//!
//! Each entity (person, organization, office, election, source) is one document
//! holding what a searcher types (names in every script, offices held, parties,
//! elections…; see [`document`]) and a stored card with what a result line shows,
//! so searches answer from the index alone without opening the store. Every commit
//! records the store generation it reflects, so a stale index is detected.

pub mod document;
pub mod people;
pub mod person;

use crate::analysis;
use crate::error::{Error, Result};
use crate::model::{Kind, Names, Record};
use crate::store::{Change, Decision, Link, Store};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

/// Bumped whenever the schema or the analysis changes, so old indexes get rebuilt.
/// 6: offices carry their Hindi names from `domain::offices` (`गृह मंत्री`).
/// 8: strict cross-script keys beside the loose ones in `phonetic` (search tiers).
/// 9: a person's career line in Hindi beside the English one.
pub const INDEX_FORMAT: u32 = 9;

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
    /// How likely a reader means this entity among namesakes, for ranking (see
    /// [`person::Career::notability`]).
    pub notability: Field,
}

pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    // The phonetic field's length is how many names (scripts, aliases, records)
    // a person has, not how focused a match is: it has no length norm, so a
    // curated record with both scripts or a person of eight records does not rank
    // below a one-row namesake on it. The name field keeps its norm, so a short
    // exact name (`सपा`, the party) still beats a longer one holding the word.
    let analyzed = |tokenizer: &str, stored: bool, norms: bool| {
        let opts = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions)
                .set_fieldnorms(norms),
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
        name: b.add_text_field("name", analyzed(analysis::NAME_TOKENIZER, false, true)),
        phonetic: b.add_text_field(
            "phonetic",
            analyzed(analysis::PHONETIC_TOKENIZER, false, false),
        ),
        text: b.add_text_field("text", analyzed(analysis::TEXT_TOKENIZER, true, true)),
        party: b.add_text_field("party", STRING),
        state: b.add_text_field("state", STRING),
        year: b.add_u64_field("year", INDEXED | FAST),
        card: b.add_text_field("card", STORED),
        notability: b.add_u64_field("notability", FAST),
    };
    (b.build(), fields)
}

/// What a result line needs, stored in the index.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Card {
    pub name: Names,
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    pub summary: Names,
    /// A person's other names (every record, every script) beside `name`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// A person's offices, elections and parties at a glance.
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    pub career: Names,
    /// How many records make up a person (0 for anything else).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub records: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Card {
    /// The card of a record: its own name and summary, nothing linked.
    pub fn of(record: &Record) -> Card {
        Card {
            name: record.name(),
            summary: record.summary(),
            ..Card::default()
        }
    }
}

/// Indexing threads for a large write: one per core, at most four.
pub(crate) fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
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

    /// Reads an index commit's payload (also `snapshot`, which copies commits).
    pub(crate) fn decode(s: &str) -> Option<Stamp> {
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
        let threads = if docs > PARALLEL_DOCS { cores() } else { 1 };
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

    /// Rebuilds the whole index from the store: one document per entity, a person
    /// of several records as one document under its person id (see [`people`]).
    pub fn rebuild(&self, store: &Store) -> Result<u64> {
        let writer = self.writer(usize::MAX)?;
        writer.delete_all_documents()?;
        let mut count = 0;
        let people = people::People::load(store)?;
        crate::kb::timing("found the people of several records");
        let builder = document::Builder::new(store);
        for record in store.iter_all() {
            let record = record?;
            if !record.kind().is_entity() {
                continue;
            }
            let id = record.id();
            let doc = match people.members(id) {
                _ if people.is_hidden(id) => continue,
                Some(members) => builder.build_person(id, &load_members(store, members)?)?,
                None => builder.build(&record)?,
            };
            writer.add_document(self.to_tantivy(&doc))?;
            count += 1;
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
    ///
    /// A record named by one of the `decisions` may join a person of several
    /// records, so its document waits for the store too; so does every record
    /// that belongs to a person of several records once the store is written.
    pub fn update_while<F>(
        &self,
        store: &Store,
        ids: &BTreeSet<String>,
        changes: &[Change],
        decisions: &[Decision],
        write_store: F,
    ) -> Result<u64>
    where
        F: FnOnce() -> Result<u64> + Send,
    {
        let overlay = document::Overlay::new(changes);
        let writer = self.writer(ids.len())?;
        let decided: BTreeSet<&str> = decisions
            .iter()
            .flat_map(|d| [d.a.as_str(), d.b.as_str()])
            .collect();
        // A new record may also be named by decisions written before it existed
        // (a link line imported first): then it waits for the store too.
        // Many new records: one pass over the identity tree beats a lookup each.
        let linked: Option<BTreeSet<String>> = if ids.len() > PARALLEL_DOCS {
            let mut set = BTreeSet::new();
            for (a, b, _) in store.identity_pairs()? {
                set.insert(a);
                set.insert(b);
            }
            Some(set)
        } else {
            None
        };
        let has_links = |id: &str| -> Result<bool> {
            Ok(match &linked {
                Some(set) => set.contains(id),
                None => !store.identity_links(id)?.is_empty(),
            })
        };
        let mut fresh = Vec::new();
        let mut rest = Vec::new();
        for id in ids {
            let alone = overlay.is_fresh(id)
                && !decided.contains(id.as_str())
                && (overlay.record(id).map(Record::kind) != Some(Kind::Person) || !has_links(id)?);
            if alone {
                fresh.push(id);
            } else {
                rest.push(id);
            }
        }
        let fresh: Vec<Vec<String>> = fresh.into_iter().map(|id| vec![id.clone()]).collect();
        let generation = std::thread::scope(|scope| -> Result<u64> {
            let written = scope.spawn(write_store);
            let indexed = self.add_documents(store, &overlay, &writer, &fresh);
            let generation = written
                .join()
                .expect("writing the store never panics: errors are values")?;
            indexed?;
            Ok(generation)
        })?;
        let rest = self.groups(store, &overlay, &rest)?;
        self.add_documents(store, &overlay, &writer, &rest)?;
        crate::pause::at("index-written");
        self.commit(writer, generation)?;
        Ok(generation)
    }

    /// `ids` grouped by person, once the store is written: each person record
    /// with the other records of its person (the person id first), every other
    /// id alone. A group's documents are deleted and rebuilt by one worker, so the
    /// deletes always precede the person's new document.
    fn groups(
        &self,
        store: &Store,
        overlay: &document::Overlay,
        ids: &[&String],
    ) -> Result<Vec<Vec<String>>> {
        let mut people_ids: Vec<&str> = Vec::new();
        let mut out: Vec<Vec<String>> = Vec::new();
        for id in ids {
            let kind = match overlay.record(id) {
                Some(r) => Some(r.kind()),
                None => store.kind_of(id)?,
            };
            if kind == Some(Kind::Person) {
                people_ids.push(id.as_str());
            } else {
                out.push(vec![id.to_string()]);
            }
        }
        let people = people::People::of(store, people_ids.iter().copied())?;
        // The person id leads: its document is the one built, and the documents
        // of all its records are deleted (see [`Self::add_group`]).
        let mut grouped: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
        for id in people_ids {
            let person = people.person_of(id);
            let group = grouped
                .entry(person)
                .or_insert_with(|| vec![person.to_string()]);
            if id != person {
                group.push(id.to_string());
            }
        }
        out.extend(grouped.into_values());
        Ok(out)
    }

    /// Builds and adds the documents of `groups` (see [`Self::groups`]), split
    /// over the cores; tantivy's indexing threads take them as they come.
    fn add_documents(
        &self,
        store: &Store,
        overlay: &document::Overlay,
        writer: &IndexWriter,
        groups: &[Vec<String>],
    ) -> Result<()> {
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let chunk = groups.len().div_ceil(workers).max(1);
        std::thread::scope(|scope| {
            let handles: Vec<_> = groups
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || -> Result<()> {
                        // Each worker keeps its own cache of looked-up parties and places.
                        let builder = document::Builder::with_overlay(store, overlay);
                        for group in part {
                            self.add_group(store, overlay, &builder, writer, group)?;
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

    /// Deletes the documents of a group and adds its one new document: the
    /// person's, when the group is a person of several records.
    fn add_group(
        &self,
        store: &Store,
        overlay: &document::Overlay,
        builder: &document::Builder,
        writer: &IndexWriter,
        group: &[String],
    ) -> Result<()> {
        let get = |id: &str| -> Result<Option<Record>> {
            match overlay.record(id) {
                Some(r) => Ok(Some(r.clone())),
                None => store.get(id),
            }
        };
        let members = match get(&group[0])? {
            Some(Record::Person(_)) => people::cluster(store, &group[0])?,
            _ => vec![group[0].clone()],
        };
        let first = members[0].as_str();
        for id in group.iter().chain(&members) {
            writer.delete_term(Term::from_field_text(self.fields.id, id));
        }
        let doc = if members.len() > 1 {
            let mut records = Vec::with_capacity(members.len());
            for m in &members {
                records.extend(get(m)?);
            }
            builder.build_person(first, &records)?
        } else {
            match get(first)?.filter(|r| r.kind().is_entity()) {
                Some(record) => builder.build(&record)?,
                None => return Ok(()),
            }
        };
        writer.add_document(self.to_tantivy(&doc))?;
        Ok(())
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
        t.add_u64(f.notability, doc.notability);
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
        // No document quotes a seat's names (candidacies keep their own spelling),
        // so a seat gaining a spelling rebuilds only its own document.
        for link in Link::ALL
            .into_iter()
            .filter(|l| *l != Link::CandidacyBySeat)
        {
            for fact in store.linked_records(link, &id)? {
                add_refs(&fact, &mut out);
            }
        }
    }
    Ok(out)
}

/// The records of a person, read from the store.
fn load_members(store: &Store, members: &[String]) -> Result<Vec<Record>> {
    let mut out = Vec::with_capacity(members.len());
    for m in members {
        out.extend(store.get(m)?);
    }
    Ok(out)
}
