//! `check` and `repair`: whether the store, the index and the generation mirror
//! agree, and mending what can be mended; `reindex` rebuilds the index.

use super::Kb;
use crate::error::{Error, Result};
use crate::index::people::{self, People};
use crate::index::{self, Card};
use crate::model::Record;
use crate::store::{Finding, Fix};
use std::collections::HashSet;

impl Kb {
    /// Rebuilds the index and its replica of the store; returns the documents indexed.
    pub fn reindex(&mut self) -> Result<u64> {
        let n = self.index.rebuild(&self.store)?;
        self.replica.rebuild(&self.store)?;
        let generation = self.store.generation()?;
        if generation > 0 {
            self.home.write_generation(generation)?;
        }
        Ok(n)
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
        match self.replica.stamp()? {
            Some(s)
                if s.format == crate::replica::REPLICA_FORMAT && s.generation == generation =>
            {
                use crate::store::Records;
                let copied = self.replica.counts()?;
                let stored = self.store.counts();
                for kind in crate::model::Kind::ALL {
                    let (c, n) = (copied[kind as usize], stored[kind as usize]);
                    if c != n {
                        out.push(reindex(Finding::new(
                            "replica",
                            kind.as_str(),
                            format!("holds {c} records of this kind; the store holds {n}"),
                        )));
                    }
                }
            }
            Some(s) => out.push(reindex(Finding::new(
                "replica",
                "stamp",
                format!(
                    "reflects generation {} (format {}); the store is at generation {generation} (format {})",
                    s.generation,
                    s.format,
                    crate::replica::REPLICA_FORMAT
                ),
            ))),
            None => out.push(reindex(Finding::new(
                "replica",
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
    /// each entity has a document, except the records of a person of several
    /// records, which share the one under the person id.
    fn check_documents(&self, out: &mut Vec<Finding>) -> Result<()> {
        let f = self.index.fields;
        let people = People::load(&self.store)?;
        let mut hidden: Vec<String> = Vec::new();
        let mut records: std::collections::HashMap<String, u32> = Default::default();
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
                if people.is_hidden(&id) {
                    hidden.push(id.clone());
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
                let expected = match people.members(&id) {
                    Some(members) => {
                        let mut records = Vec::new();
                        for m in members {
                            records.extend(self.store.get(m)?);
                        }
                        let refs: Vec<&Record> = records.iter().collect();
                        (people::person_name(&refs), people::person_summary(&refs))
                    }
                    None if record.kind() == crate::model::Kind::Person => {
                        (people::person_name(&[&record]), record.summary())
                    }
                    None => (record.name(), record.summary()),
                };
                let card: Option<Card> = serde_json::from_str(&text(&doc, f.card)).ok();
                if let Some(c) = &card {
                    records.insert(id.clone(), c.records);
                }
                if card.map(|c| (c.name, c.summary)) != Some(expected) {
                    problem("the index shows an out-of-date name or summary".into());
                }
            }
        }
        // A record of a person with its own document is stale only when the
        // person's document holds the records already; otherwise the identity
        // tree changed behind the index's back, which its own check reports.
        for id in hidden {
            let person = people.person_of(&id);
            if records.get(person).is_some_and(|n| *n > 1) {
                out.push(
                    Finding::new(
                        "index",
                        id.clone(),
                        format!("indexed on its own, but it is a record of the person `{person}`"),
                    )
                    .with_fix(Fix::Reindex),
                );
            }
        }
        for record in self.store.iter_all() {
            let Ok(record): Result<Record> = record else {
                continue;
            };
            if record.kind().is_entity()
                && !seen.contains(record.id())
                && !people.is_hidden(record.id())
            {
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
    pub fn repair(&mut self, findings: &[Finding]) -> Result<usize> {
        let fixes: Vec<&Fix> = findings.iter().filter_map(|f| f.fix.as_ref()).collect();
        if fixes.is_empty() {
            return Ok(0);
        }
        self.store.repair(&fixes)?;
        self.reindex()?;
        Ok(fixes.len())
    }
}
