//! `check` for the store: the invariants between its trees, and mends for the
//! derived parts (a record's kind header and the secondary indexes), which are
//! rebuilt from the records. A record is never deleted by a mend: what only a person can decide
//! (a dangling reference, an unreadable record) is reported and left alone.

use super::{header, link_key, Link, Result, Store, Written};
use crate::model::validate::check_record;
use crate::model::{Kind, Record};
use serde::Serialize;
use std::fmt;

/// One broken invariant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Which invariant: `record`, `reference`, `link`, `history`, `identity`, `meta`, `index`.
    pub area: &'static str,
    /// What it concerns: `tenure t1`, `tenure_by_person alok-ranjan → t1`.
    pub subject: String,
    pub message: String,
    /// Whether `check --repair` mends it.
    pub repairable: bool,
    #[serde(skip)]
    pub fix: Option<Fix>,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.area, self.subject, self.message)
    }
}

/// How a finding is mended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fix {
    /// Rewrite a record's header to say the kind its body holds.
    SetKind {
        id: String,
        kind: Kind,
    },
    AddLink {
        link: Link,
        key: Vec<u8>,
    },
    RemoveLink {
        link: Link,
        key: Vec<u8>,
    },
    /// Set (or, with `None`, remove) an `identity_by_person` entry to what the
    /// identity log says.
    SetIdentity {
        key: Vec<u8>,
        value: Option<Vec<u8>>,
    },
    /// Rebuild the search index from the store (done by the knowledge base).
    Reindex,
}

fn finding(area: &'static str, subject: impl Into<String>, message: impl Into<String>) -> Finding {
    Finding {
        area,
        subject: subject.into(),
        message: message.into(),
        repairable: false,
        fix: None,
    }
}

impl Finding {
    pub fn with_fix(mut self, fix: Fix) -> Finding {
        self.repairable = true;
        self.fix = Some(fix);
        self
    }

    pub(crate) fn new(
        area: &'static str,
        subject: impl Into<String>,
        message: impl Into<String>,
    ) -> Finding {
        finding(area, subject, message)
    }
}

fn show_key(key: &[u8]) -> String {
    String::from_utf8_lossy(key).replace('\0', " → ")
}

impl Store {
    /// Checks every invariant between the store's trees; returns what is broken.
    /// Reads everything once (plus one lookup per reference and index entry).
    pub fn check(&self) -> Result<Vec<Finding>> {
        let mut out = Vec::new();
        self.check_meta(&mut out)?;
        self.check_records(&mut out)?;
        self.check_links(&mut out)?;
        self.check_history(&mut out)?;
        self.check_identity(&mut out)?;
        Ok(out)
    }

    /// Identity decisions: readable, between two different person records that
    /// exist; `identity_by_person` says each pair's latest decision and nothing else.
    /// A decision about a missing record is reported, not removed: it is a person's
    /// decision, and the record may come back with an import.
    fn check_identity(&self, out: &mut Vec<Finding>) -> Result<()> {
        for item in self.decisions() {
            let (seq, d) = match item {
                Ok(x) => x,
                Err(e) => {
                    out.push(finding(
                        "identity",
                        "identity",
                        format!("cannot be read: {e}"),
                    ));
                    continue;
                }
            };
            let subject = format!("decision {seq} ({} ~ {})", d.a, d.b);
            if d.a == d.b {
                out.push(finding("identity", &subject, "links a record with itself"));
                continue;
            }
            for id in [&d.a, &d.b] {
                let message = match self.kind_of(id) {
                    Ok(Some(Kind::Person)) | Err(_) => continue,
                    Ok(None) => format!("refers to missing `{id}`"),
                    Ok(Some(k)) => {
                        format!(
                            "refers to `{id}`, which is {}, not a person",
                            k.with_article()
                        )
                    }
                };
                out.push(finding("identity", &subject, message));
            }
        }
        let mut expected = self.replay_identity()?;
        for item in self.identity_index.iter() {
            let (key, value) = item?;
            let want = expected.remove(key.as_ref());
            if want.as_deref() == Some(value.as_ref()) {
                continue;
            }
            let message = match &want {
                None => "stale: no decision is about this pair",
                Some(_) => "does not say the pair's latest decision",
            };
            out.push(
                finding(
                    "identity",
                    format!("identity_by_person {}", show_key(&key)),
                    message,
                )
                .with_fix(Fix::SetIdentity {
                    key: key.to_vec(),
                    value: want,
                }),
            );
        }
        for (key, value) in expected {
            out.push(
                finding(
                    "identity",
                    format!("identity_by_person {}", show_key(&key)),
                    "missing: a decision is about this pair but the index does not list it",
                )
                .with_fix(Fix::SetIdentity {
                    key,
                    value: Some(value),
                }),
            );
        }
        Ok(())
    }

    fn check_meta(&self, out: &mut Vec<Finding>) -> Result<()> {
        if let Some(v) = self.meta.get(super::META_GENERATION)? {
            if std::str::from_utf8(&v)
                .ok()
                .and_then(|s| s.parse::<u64>().ok())
                .is_none()
            {
                out.push(finding(
                    "meta",
                    "generation",
                    format!("`{}` is not a number", String::from_utf8_lossy(&v)),
                ));
            }
        }
        Ok(())
    }

    /// Each record: readable, under its own id, its header saying its kind, valid,
    /// its references resolved, its secondary-index entries present.
    fn check_records(&self, out: &mut Vec<Finding>) -> Result<()> {
        for item in self.records.iter() {
            let (key, value) = item?;
            let id = String::from_utf8_lossy(&key).into_owned();
            let head = match header(&id, &value) {
                Ok(h) => h,
                Err(e) => {
                    out.push(finding("record", &id, format!("cannot be read: {e}")));
                    continue;
                }
            };
            let kind = head.kind;
            let subject = format!("{kind} {id}");
            let parsed = self
                .body(&id, &value, &head)
                .map_err(|e| e.to_string())
                .and_then(|b| serde_json::from_slice::<Record>(&b).map_err(|e| e.to_string()));
            let record = match parsed {
                Ok(r) => r,
                Err(e) => {
                    out.push(finding("record", subject, format!("cannot be read: {e}")));
                    continue;
                }
            };
            if record.id() != id {
                out.push(finding(
                    "record",
                    subject,
                    format!("stored under `{id}` but its id is `{}`", record.id()),
                ));
                continue;
            }
            if record.kind() != kind {
                out.push(
                    finding(
                        "record",
                        subject,
                        format!(
                            "stored as {} but holds {}",
                            kind.with_article(),
                            record.kind().with_article()
                        ),
                    )
                    .with_fix(Fix::SetKind {
                        id: id.clone(),
                        kind: record.kind(),
                    }),
                );
                continue;
            }
            if head.generation < u64::MAX / 2 && self.import_entry(head.generation).is_err() {
                out.push(finding(
                    "history",
                    &subject,
                    format!("the entry of generation {} cannot be read", head.generation),
                ));
            }
            for (field, message) in check_record(&record) {
                out.push(finding("record", &subject, format!("{field}: {message}")));
            }
            for r in record.references() {
                let message = match self.kind_of(r.id) {
                    Ok(Some(k)) if k == r.kind => continue,
                    // A header naming the wrong kind is reported from the record.
                    Ok(Some(_)) if self.get(r.id).is_err() => continue,
                    Ok(None) => format!("{}: refers to missing `{}`", r.field, r.id),
                    Ok(Some(k)) => format!(
                        "{}: refers to `{}`, which is {}, not {}",
                        r.field,
                        r.id,
                        k.with_article(),
                        r.kind.with_article()
                    ),
                    Err(_) => continue, // reported as an unreadable record
                };
                out.push(finding("reference", &subject, message));
            }
            for (link, owner) in Link::of(&record) {
                let key = link_key(owner, &id);
                if !self.link_tree(link).contains_key(&key)? {
                    out.push(
                        finding(
                            "link",
                            format!("{} {}", link.tree_name(), show_key(&key)),
                            "missing: the fact names it but the index does not list it",
                        )
                        .with_fix(Fix::AddLink { link, key }),
                    );
                }
            }
        }
        Ok(())
    }

    /// Each secondary-index entry is named by its fact.
    fn check_links(&self, out: &mut Vec<Finding>) -> Result<()> {
        for link in Link::ALL {
            for key in self.link_tree(link).iter().keys() {
                let key = key?;
                let subject = format!("{} {}", link.tree_name(), show_key(&key));
                let stale = match key.iter().position(|&b| b == 0) {
                    None => Some("malformed entry".to_string()),
                    Some(at) => {
                        let owner = String::from_utf8_lossy(&key[..at]);
                        let fact = String::from_utf8_lossy(&key[at + 1..]);
                        match self.get_kind(link.fact_kind(), &fact) {
                            Err(_) => None, // an unreadable fact is reported as a record
                            Ok(None) => {
                                Some(format!("stale: there is no {} `{fact}`", link.fact_kind()))
                            }
                            Ok(Some(r)) if !Link::of(&r).contains(&(link, owner.as_ref())) => {
                                Some(format!(
                                    "stale: {} `{fact}` does not name `{owner}`",
                                    link.fact_kind()
                                ))
                            }
                            Ok(Some(_)) => None,
                        }
                    }
                };
                if let Some(message) = stale {
                    out.push(finding("link", subject, message).with_fix(Fix::RemoveLink {
                        link,
                        key: key.to_vec(),
                    }));
                }
            }
        }
        Ok(())
    }

    /// History entries: readable, numbered 1, 2, 3… per record, of a record that exists.
    fn check_history(&self, out: &mut Vec<Finding>) -> Result<()> {
        let mut last: Option<(String, u32)> = None;
        for item in self.history.iter() {
            let (key, value) = item?;
            let Some(at) = key
                .iter()
                .position(|&b| b == 0)
                .filter(|&at| key.len() == at + 5)
            else {
                out.push(finding("history", show_key(&key), "malformed key"));
                continue;
            };
            let id = String::from_utf8_lossy(&key[..at]).into_owned();
            let mut be = [0u8; 4];
            be.copy_from_slice(&key[at + 1..]);
            let version = u32::from_be_bytes(be);
            let subject = format!("{id} version {version}");
            let expected = match &last {
                Some((prev, v)) if *prev == id => v + 1,
                _ => 1,
            };
            if version != expected {
                out.push(finding(
                    "history",
                    &subject,
                    format!("versions must count 1, 2, 3…; expected version {expected}"),
                ));
            }
            if last.as_ref().is_none_or(|(prev, _)| *prev != id) && self.kind_of(&id)?.is_none() {
                out.push(finding(
                    "history",
                    &subject,
                    "earlier versions of a record that is not in the store",
                ));
            }
            last = Some((id.clone(), version));
            match serde_json::from_slice::<super::HistoryEntry>(&value) {
                Err(e) => out.push(finding("history", subject, format!("cannot be read: {e}"))),
                Ok(entry) => {
                    if entry.version != version || entry.record.id() != id {
                        out.push(finding(
                            "history",
                            &subject,
                            format!("holds version {} of `{}`", entry.version, entry.record.id()),
                        ));
                    }
                    if let Some(kind) = self.kind_of(&id).ok().flatten() {
                        if entry.record.kind() != kind {
                            out.push(finding(
                                "history",
                                subject,
                                format!(
                                    "holds {}, but the record is {}",
                                    entry.record.kind().with_article(),
                                    kind.with_article()
                                ),
                            ));
                        }
                    }
                }
            }
        }
        for item in self.imports.iter() {
            let (key, value) = item?;
            let generation = <[u8; 8]>::try_from(key.as_ref()).map(u64::from_be_bytes);
            if generation.is_err() || serde_json::from_slice::<Written>(&value).is_err() {
                out.push(finding(
                    "history",
                    format!("import {}", show_key(&key)),
                    "cannot be read",
                ));
            }
        }
        Ok(())
    }

    /// Applies the store's mends in one transaction; returns how many were applied.
    /// `Fix::Reindex` is left to the caller, which owns the index.
    pub fn repair(&self, fixes: &[&Fix]) -> Result<usize> {
        let mut batches = self.empty_batches();
        let mut applied = 0;
        for fix in fixes {
            match fix {
                Fix::SetKind { id, kind } => {
                    let Some(value) = self.records.get(id.as_bytes())? else {
                        continue;
                    };
                    // The kind is the value's first byte; the rest stays as it is.
                    let mut fixed = value.to_vec();
                    fixed[0] = kind.code();
                    batches[super::RECORDS_SLOT].insert(id.as_bytes(), fixed);
                }
                Fix::AddLink { link, key } => {
                    batches[super::link_slot(*link)].insert(key.as_slice(), &[])
                }
                Fix::RemoveLink { link, key } => {
                    batches[super::link_slot(*link)].remove(key.as_slice())
                }
                Fix::SetIdentity { key, value } => match value {
                    Some(v) => {
                        batches[super::IDENTITY_INDEX_SLOT].insert(key.as_slice(), v.as_slice())
                    }
                    None => batches[super::IDENTITY_INDEX_SLOT].remove(key.as_slice()),
                },
                Fix::Reindex => continue,
            }
            applied += 1;
        }
        if applied == 0 {
            return Ok(0);
        }
        self.transaction(&batches)?;
        self.db.flush().map_err(|e| self.storage_error(e))?;
        Ok(applied)
    }
}
