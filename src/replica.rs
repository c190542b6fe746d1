//! The replica: a read-only copy of the store's records, secondary indexes and
//! effective identity decisions in a tantivy index beside the search index
//! (`index/records/`), so that `show`, `election`, `office`, `seat` and `stats` answer
//! without opening sled.
//!
//! Why: sled has no read-only open. Opening a store of every dataset (1.45M records,
//! 3.3 GB) reads its page table and accounts its segments, 0.4–0.8 s, and closing it
//! flushes, another 0.4 s, with 200 MB resident — while a profile reads a few hundred
//! records. tantivy opens a committed index by mapping its files (milliseconds, and
//! only the pages read become resident), answers a term lookup from its term
//! dictionary and a record from its compressed document store, and lets a reader
//! see the last commit while a writer adds the next.
//!
//! What it holds, one document per record and one per decided pair, each with terms
//! in one raw `key` field and the payload in one stored `body`:
//! - a record: `i:ID` (the document's identity), `k:KIND`, and `lN:OWNER` for each
//!   secondary index `N` ([`Link`]) that lists it; body `[kind code][id length, u16
//!   LE][id][the record's fields as JSON]`, so ids and kinds are read without parsing JSON;
//! - a pair with an effective decision: `i=A\0B` (A < B), `p:A`, `p:B`, `s:SEQ`;
//!   `k=pair`; body `{"seq", "decision"}`.
//!
//! It is derived like the search index: written by [`crate::kb`]'s one write path
//! after the store and before the home's import marker is cleared, stamped with the
//! store generation it reflects, rebuilt from the store whenever that stamp is not
//! the store's ([`Replica::rebuild`]), and used by a reading command only when it is
//! current (see [`crate::kb::Reading`]). Losing it loses nothing.

use crate::error::{Error, Result};
use crate::model::{Kind, Record};
use crate::store::{Change, Decision, Link, Records, Store, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tantivy::collector::Count;
use tantivy::query::TermQuery;
use tantivy::schema::document::{DeserializeError, DocumentDeserialize, DocumentDeserializer};
use tantivy::schema::{Field, IndexRecordOption, Schema, STORED, STRING};
use tantivy::{
    DocAddress, DocSet, Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument,
    Term, TERMINATED,
};

/// Bumped when what the replica holds or how changes; an older one is rebuilt.
pub const REPLICA_FORMAT: u32 = 3;

/// Where a home's replica lives, inside its index folder.
pub fn dir(index_dir: &Path) -> PathBuf {
    index_dir.join("records")
}

/// From this many records a read is split across the cores.
const PARALLEL_READ: usize = 2_000;
/// Per indexing thread; tantivy's floor is 15 MB.
const WRITER_HEAP: usize = 64 * 1024 * 1024;
/// The document store's compressed blocks: a record is read by decompressing its
/// block, so smaller blocks than tantivy's 16 KiB make a lookup cheaper (a seat's
/// history makes a thousand) for a slightly larger store.
const STORE_BLOCK: usize = 4096;
/// Decompressed blocks a reader keeps: a result table of thousands of candidacies
/// imported together reads each block once.
const CACHE_BLOCKS: usize = 1024;

/// What each commit records: the replica's format, the store generation it reflects
/// and the store's last import, which `stats` prints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub format: u32,
    pub generation: u64,
    #[serde(default)]
    pub last_import: Option<String>,
}

pub struct Replica {
    index: Index,
    key: Field,
    body: Field,
    dir: PathBuf,
    reader: OnceLock<(IndexReader, Searcher)>,
}

/// The term every pair's document holds.
const PAIR_KIND: &str = "k=pair";

/// The identity of a pair's document, whichever order it is named in.
fn pair_term(a: &str, b: &str) -> String {
    let (x, y) = if a <= b { (a, b) } else { (b, a) };
    format!("i={x}\0{y}")
}

/// A pair's document body.
#[derive(Serialize, Deserialize)]
struct Pair {
    seq: u64,
    decision: Decision,
}

fn schema() -> (Schema, Field, Field) {
    let mut b = Schema::builder();
    let key = b.add_text_field("key", STRING);
    let body = b.add_bytes_field("body", STORED);
    (b.build(), key, body)
}

fn corrupt(what: &str, message: impl Into<String>) -> Error {
    Error::Corrupt {
        id: what.to_string(),
        message: format!("in the index's copy of the store: {}", message.into()),
    }
}

/// A record's body: kind, id, then the record's fields as JSON without the `type`
/// tag, which the kind byte carries: a record then parses straight into its own
/// type, twice as fast as through the tagged enum, which buffers every field first.
fn encode(record: &Record) -> Vec<u8> {
    let id = record.id().as_bytes();
    let json = match record {
        Record::Source(r) => serde_json::to_vec(r),
        Record::Organization(r) => serde_json::to_vec(r),
        Record::Office(r) => serde_json::to_vec(r),
        Record::Election(r) => serde_json::to_vec(r),
        Record::Seat(r) => serde_json::to_vec(r),
        Record::Person(r) => serde_json::to_vec(r),
        Record::Tenure(r) => serde_json::to_vec(r),
        Record::Membership(r) => serde_json::to_vec(r),
        Record::Candidacy(r) => serde_json::to_vec(r),
    }
    .expect("a record always serializes");
    let mut out = Vec::with_capacity(3 + id.len() + json.len());
    out.push(record.kind().code());
    out.extend_from_slice(&(id.len() as u16).to_le_bytes());
    out.extend_from_slice(id);
    out.extend_from_slice(&json);
    out
}

/// The parts of a record's body: its kind, id and JSON.
fn parts(body: &[u8]) -> Option<(Kind, &str, &[u8])> {
    let kind = Kind::from_code(*body.first()?)?;
    let len = u16::from_le_bytes([*body.get(1)?, *body.get(2)?]) as usize;
    let id = std::str::from_utf8(body.get(3..3 + len)?).ok()?;
    Some((kind, id, &body[3 + len..]))
}

/// A record body's id (empty for a malformed body, which [`decode`] reports).
fn id_of(body: &[u8]) -> String {
    parts(body).map_or_else(String::new, |p| p.1.to_string())
}

fn decode(body: &[u8]) -> Result<Record> {
    let (kind, id, json) = parts(body).ok_or_else(|| corrupt("a record", "a malformed body"))?;
    let parsed = match kind {
        Kind::Source => serde_json::from_slice(json).map(Record::Source),
        Kind::Organization => serde_json::from_slice(json).map(Record::Organization),
        Kind::Office => serde_json::from_slice(json).map(Record::Office),
        Kind::Election => serde_json::from_slice(json).map(Record::Election),
        Kind::Seat => serde_json::from_slice(json).map(Record::Seat),
        Kind::Person => serde_json::from_slice(json).map(Record::Person),
        Kind::Tenure => serde_json::from_slice(json).map(Record::Tenure),
        Kind::Membership => serde_json::from_slice(json).map(Record::Membership),
        Kind::Candidacy => serde_json::from_slice(json).map(Record::Candidacy),
    };
    parsed.map_err(|e| corrupt(id, e.to_string()))
}

/// A stored document read for its body alone, without building a whole
/// `TantivyDocument` (a third of a result table's time went to that).
struct Body(Vec<u8>);

impl DocumentDeserialize for Body {
    fn deserialize<'de, D>(mut fields: D) -> std::result::Result<Self, DeserializeError>
    where
        D: DocumentDeserializer<'de>,
    {
        // Every document stores exactly one value: its body.
        match fields.next_field::<Vec<u8>>()? {
            Some((_, bytes)) => Ok(Body(bytes)),
            None => Err(DeserializeError::custom("a document without its body")),
        }
    }
}

impl Replica {
    /// Opens the replica in `dir` if one with this build's schema is there.
    pub fn open(dir: &Path) -> Result<Option<Replica>> {
        if !dir.join("meta.json").exists() {
            return Ok(None);
        }
        let index = Index::open_in_dir(dir)?;
        let (schema, key, body) = schema();
        if index.schema() != schema {
            return Ok(None);
        }
        Ok(Some(Replica {
            index,
            key,
            body,
            dir: dir.to_path_buf(),
            reader: OnceLock::new(),
        }))
    }

    /// Creates an empty replica in `dir`, replacing whatever was there.
    pub fn create(dir: &Path) -> Result<Replica> {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let (schema, key, body) = schema();
        let settings = tantivy::IndexSettings {
            docstore_blocksize: STORE_BLOCK,
            ..Default::default()
        };
        let index = Index::builder()
            .schema(schema)
            .settings(settings)
            .create_in_dir(dir)?;
        Ok(Replica {
            index,
            key,
            body,
            dir: dir.to_path_buf(),
            reader: OnceLock::new(),
        })
    }

    /// Opens the replica in `dir`, or creates an empty one (stamped with nothing, so
    /// never current) when there is none or it cannot be read.
    pub fn open_or_create(dir: &Path) -> Result<Replica> {
        match Replica::open(dir) {
            Ok(Some(r)) => Ok(r),
            _ => Replica::create(dir),
        }
    }

    /// The stamp of the last commit, if there has been one.
    pub fn stamp(&self) -> Result<Option<Stamp>> {
        let metas = self.index.load_metas()?;
        Ok(metas
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok()))
    }

    /// True when the replica reflects exactly this store generation in this format.
    pub fn is_current(&self, generation: u64) -> Result<bool> {
        Ok(self
            .stamp()?
            .is_some_and(|s| s.format == REPLICA_FORMAT && s.generation == generation))
    }

    fn searcher(&self) -> Result<&Searcher> {
        if let Some((_, s)) = self.reader.get() {
            return Ok(s);
        }
        let reader: IndexReader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .doc_store_cache_num_blocks(CACHE_BLOCKS)
            .try_into()?;
        let searcher = reader.searcher();
        Ok(&self.reader.get_or_init(|| (reader, searcher)).1)
    }

    /// The live documents holding the term `key`, in document order.
    fn postings(&self, key: &str) -> Result<Vec<DocAddress>> {
        let searcher = self.searcher()?;
        let term = Term::from_field_text(self.key, key);
        let mut out = Vec::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let inverted = segment.inverted_index(self.key)?;
            let Some(mut postings) = inverted
                .read_postings(&term, IndexRecordOption::Basic)
                .map_err(tantivy::TantivyError::from)?
            else {
                continue;
            };
            let alive = segment.alive_bitset();
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    out.push(DocAddress::new(ord as u32, doc));
                }
                doc = postings.advance();
            }
        }
        Ok(out)
    }

    fn body_of(&self, at: DocAddress) -> Result<Vec<u8>> {
        Ok(self.searcher()?.doc::<Body>(at)?.0)
    }

    /// The bodies of the documents holding `key`.
    fn bodies(&self, key: &str) -> Result<Vec<Vec<u8>>> {
        self.postings(key)?
            .into_iter()
            .map(|at| self.body_of(at))
            .collect()
    }

    fn record_body(&self, id: &str) -> Result<Option<Vec<u8>>> {
        match self.postings(&format!("i:{id}"))?.first() {
            Some(&at) => self.body_of(at).map(Some),
            None => Ok(None),
        }
    }

    /// The records holding `key`, in id order. Thousands (an election's candidacies)
    /// are read and parsed on every core: that is most of a tally's time.
    fn records_by(&self, key: &str) -> Result<Vec<Record>> {
        let at = self.postings(key)?;
        let read = |part: &[DocAddress]| -> Result<Vec<(String, Record)>> {
            part.iter()
                .map(|&a| {
                    let body = self.body_of(a)?;
                    Ok((id_of(&body), decode(&body)?))
                })
                .collect()
        };
        let mut records = if at.len() >= PARALLEL_READ {
            let half = at.len().div_ceil(crate::index::cores());
            std::thread::scope(|scope| -> Result<Vec<(String, Record)>> {
                let parts: Vec<_> = at
                    .chunks(half)
                    .map(|c| scope.spawn(move || read(c)))
                    .collect();
                let mut all = Vec::with_capacity(at.len());
                for p in parts {
                    all.extend(
                        p.join()
                            .expect("reading records never panics: errors are values")?,
                    );
                }
                Ok(all)
            })?
        } else {
            read(&at)?
        };
        records.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Ok(records.into_iter().map(|(_, r)| r).collect())
    }

    fn pairs(&self, key: &str) -> Result<Vec<Pair>> {
        self.bodies(key)?
            .iter()
            .map(|b| {
                serde_json::from_slice(b)
                    .map_err(|e| corrupt("an identity decision", e.to_string()))
            })
            .collect()
    }

    /// A record's document.
    fn record_doc(&self, record: &Record) -> TantivyDocument {
        let mut doc = TantivyDocument::new();
        doc.add_text(self.key, format!("i:{}", record.id()));
        doc.add_text(self.key, format!("k:{}", record.kind().as_str()));
        for (link, owner) in Link::of(record) {
            doc.add_text(self.key, format!("l{}:{owner}", link as usize));
        }
        doc.add_bytes(self.body, &encode(record));
        doc
    }

    /// The document of a pair's effective decision.
    fn pair_doc(&self, seq: u64, decision: &Decision) -> TantivyDocument {
        let mut doc = TantivyDocument::new();
        doc.add_text(self.key, pair_term(&decision.a, &decision.b));
        doc.add_text(self.key, format!("p:{}", decision.a));
        doc.add_text(self.key, format!("p:{}", decision.b));
        doc.add_text(self.key, format!("s:{seq}"));
        doc.add_text(self.key, PAIR_KIND);
        let body = serde_json::to_vec(&Pair {
            seq,
            decision: decision.clone(),
        })
        .expect("a decision always serializes");
        doc.add_bytes(self.body, &body);
        doc
    }

    /// A writer for a rebuild: one indexing thread per core.
    fn writer_per_core(&self) -> Result<IndexWriter> {
        let threads = crate::index::cores();
        Ok(self
            .index
            .writer_with_num_threads(threads, WRITER_HEAP * threads)?)
    }

    fn commit(&self, mut writer: IndexWriter, store: &Store, generation: u64) -> Result<()> {
        let stamp = Stamp {
            format: REPLICA_FORMAT,
            generation,
            last_import: store.last_import()?,
        };
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&serde_json::to_string(&stamp).expect("a stamp serializes"));
        prepared.commit()?;
        writer.wait_merging_threads()?;
        if let Some((reader, _)) = self.reader.get() {
            reader.reload()?;
        }
        Ok(())
    }

    /// A writer for an update, which [`crate::kb`] makes in two steps: the records
    /// of the changes ([`Replica::add_records`], while the store is written), then
    /// the decided pairs as the store holds them and the commit ([`Replica::finish`]).
    /// One indexing thread: it runs beside the store's writer and the search
    /// index's threads on the same cores, where a second one would only take turns.
    pub fn update_writer(&self) -> Result<IndexWriter> {
        Ok(self.index.writer_with_num_threads(1, 2 * WRITER_HEAP)?)
    }

    /// Adds the records of `changes`, replacing their earlier copies. Needs nothing
    /// from the store, so it runs while the store is written; nothing shows until
    /// [`Replica::finish`] commits.
    pub fn add_records(&self, writer: &IndexWriter, changes: &[Change]) -> Result<()> {
        for c in changes {
            // A record new to the store has no copy to replace (the replica is current
            // whenever the store is written): a fresh import queues no deletes.
            if c.previous.is_some() {
                writer.delete_term(Term::from_field_text(
                    self.key,
                    &format!("i:{}", c.record.id()),
                ));
            }
            writer.add_document(self.record_doc(&c.record))?;
        }
        crate::kb::timing("copied the records to the replica");
        Ok(())
    }

    /// Copies the effective decision of each pair `decisions` named, once the store
    /// holds them, and commits stamped with `generation`.
    pub fn finish(
        &self,
        writer: IndexWriter,
        store: &Store,
        decisions: &[Decision],
        generation: u64,
    ) -> Result<()> {
        let pairs: BTreeSet<(&str, &str)> = decisions
            .iter()
            .map(|d| (d.a.as_str(), d.b.as_str()))
            .collect();
        for (a, b) in pairs {
            writer.delete_term(Term::from_field_text(self.key, &pair_term(a, b)));
            if let Some((seq, d)) = store.current_decision(a, b)? {
                writer.add_document(self.pair_doc(seq, &d))?;
            }
        }
        self.commit(writer, store, generation)
    }

    /// Rebuilds the replica from the store, in a new index (so a replica of an older
    /// format takes this build's settings): every record and every pair's effective
    /// decision, merged into one segment, so a lookup reads one term dictionary.
    /// Returns the records copied.
    pub fn rebuild(&mut self, store: &Store) -> Result<u64> {
        *self = Replica::create(&self.dir)?;
        let mut writer = self.writer_per_core()?;
        let mut count = 0;
        for record in store.iter_all() {
            writer.add_document(self.record_doc(&record?))?;
            count += 1;
        }
        for (a, b, _) in store.identity_pairs()? {
            if let Some((seq, d)) = store.current_decision(&a, &b)? {
                writer.add_document(self.pair_doc(seq, &d))?;
            }
        }
        writer.commit()?;
        let segments = self.index.searchable_segment_ids()?;
        if segments.len() > 1 {
            writer.merge(&segments).wait()?;
        }
        self.commit(writer, store, store.generation()?)?;
        Ok(count)
    }
}

impl Records for Replica {
    fn get(&self, id: &str) -> Result<Option<Record>> {
        self.record_body(id)?.map(|b| decode(&b)).transpose()
    }

    fn kind_of(&self, id: &str) -> Result<Option<Kind>> {
        Ok(self
            .record_body(id)?
            .and_then(|b| parts(&b).map(|(kind, _, _)| kind)))
    }

    fn get_kind(&self, kind: Kind, id: &str) -> Result<Option<Record>> {
        match self.record_body(id)? {
            Some(b) if parts(&b).is_some_and(|(k, _, _)| k == kind) => decode(&b).map(Some),
            _ => Ok(None),
        }
    }

    fn linked(&self, link: Link, owner: &str) -> Result<Vec<String>> {
        let mut ids: Vec<String> = self
            .bodies(&format!("l{}:{owner}", link as usize))?
            .iter()
            .filter_map(|b| parts(b).map(|(_, id, _)| id.to_string()))
            .collect();
        ids.sort_unstable();
        Ok(ids)
    }

    fn linked_records(&self, link: Link, owner: &str) -> Result<Vec<Record>> {
        self.records_by(&format!("l{}:{owner}", link as usize))
    }

    /// Streams: the ids first (to keep id order), then each record as it is asked
    /// for, so a scan of 700,000 candidacies never holds them all at once.
    fn of_kind(&self, kind: Kind) -> Box<dyn Iterator<Item = Result<Record>> + '_> {
        let ordered = self
            .postings(&format!("k:{}", kind.as_str()))
            .and_then(|at| {
                let mut ids = at
                    .into_iter()
                    .map(|a| {
                        let body = self.body_of(a)?;
                        let id = parts(&body).map_or_else(String::new, |p| p.1.to_string());
                        Ok((id, a))
                    })
                    .collect::<Result<Vec<(String, DocAddress)>>>()?;
                ids.sort_unstable();
                Ok(ids)
            });
        match ordered {
            Ok(ids) => Box::new(
                ids.into_iter()
                    .map(move |(_, a)| self.body_of(a).and_then(|b| decode(&b))),
            ),
            Err(e) => Box::new(std::iter::once(Err(e))),
        }
    }

    fn identity_links(&self, x: &str) -> Result<Vec<(String, Verdict, u64)>> {
        let mut out: Vec<(String, Verdict, u64)> = self
            .pairs(&format!("p:{x}"))?
            .into_iter()
            .map(|p| {
                let other = if p.decision.a == x {
                    p.decision.b
                } else {
                    p.decision.a
                };
                (other, p.decision.decision, p.seq)
            })
            .collect();
        out.sort();
        Ok(out)
    }

    fn decision(&self, seq: u64) -> Result<Option<Decision>> {
        Ok(self
            .pairs(&format!("s:{seq}"))?
            .into_iter()
            .next()
            .map(|p| p.decision))
    }

    fn identity_log(&self) -> Box<dyn Iterator<Item = Result<(u64, Decision)>> + '_> {
        let all = self.pairs(PAIR_KIND).map(|pairs| {
            let mut out: Vec<(u64, Decision)> =
                pairs.into_iter().map(|p| (p.seq, p.decision)).collect();
            out.sort_by_key(|(seq, _)| *seq);
            out
        });
        match all {
            Ok(v) => Box::new(v.into_iter().map(Ok)),
            Err(e) => Box::new(std::iter::once(Err(e))),
        }
    }

    fn counts(&self) -> Result<[usize; Kind::ALL.len()]> {
        let searcher = self.searcher()?;
        let mut out = [0; Kind::ALL.len()];
        for kind in Kind::ALL {
            let term = Term::from_field_text(self.key, &format!("k:{}", kind.as_str()));
            out[kind as usize] =
                searcher.search(&TermQuery::new(term, IndexRecordOption::Basic), &Count)?;
        }
        Ok(out)
    }

    fn generation(&self) -> Result<u64> {
        Ok(self.stamp()?.map_or(0, |s| s.generation))
    }

    fn last_import(&self) -> Result<Option<String>> {
        Ok(self.stamp()?.and_then(|s| s.last_import))
    }
}
