//! Import: read files, validate everything, then apply all records at once or none.
//!
//! The steps are kept apart so each can be tested and reused by other formats:
//! [`read_files`] parses, [`plan`] validates against the store and works out what
//! changes, and the caller applies the plan with [`crate::store::Store::apply`].

pub mod native;

use crate::error::{Error, Problem, Result};
use crate::model::validate::{check_record, check_references};
use crate::model::{Kind, Record};
use crate::store::{Change, Store};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// A record read from a file, with where it came from.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub file: String,
    pub line: usize,
    pub record: Record,
}

/// Records read from one or more files, with the problems found while reading.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    pub records: Vec<Parsed>,
    pub problems: Vec<Problem>,
    /// Ids declared by records that failed to parse, so that references to them are
    /// not reported as missing on top of the record's own problem.
    pub declared: HashMap<String, Kind>,
}

impl Batch {
    pub fn append(&mut self, mut other: Batch) {
        self.records.append(&mut other.records);
        self.problems.append(&mut other.problems);
        self.declared.extend(other.declared);
    }
}

/// What an import did (or, in a dry run, would do), per kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Report {
    pub added: BTreeMap<Kind, usize>,
    pub updated: BTreeMap<Kind, usize>,
    pub unchanged: BTreeMap<Kind, usize>,
    /// The store generation after the import; `None` for a dry run or when nothing changed.
    pub generation: Option<u64>,
}

impl Report {
    pub fn total(map: &BTreeMap<Kind, usize>) -> usize {
        map.values().sum()
    }
}

/// A validated import: the records that change the store, and the report.
pub struct Plan {
    pub changes: Vec<Change>,
    pub report: Report,
}

/// Reads native records from files; every problem in every file is collected.
/// Reading never fails as a whole: problems are validated along with the rest by [`plan`].
pub fn read_files(paths: &[&Path]) -> Batch {
    let mut batch = Batch::default();
    for path in paths {
        let name = path.display().to_string();
        if path.is_dir() {
            batch
                .problems
                .push(file_problem(&name, "is a directory, not a file"));
            continue;
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                batch
                    .problems
                    .push(file_problem(&name, &format!("cannot be read: {e}")));
                continue;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                batch.problems.push(Problem {
                    file: name,
                    line,
                    field: String::new(),
                    message: "is not valid UTF-8 text".into(),
                });
                continue;
            }
        };
        let parsed = native::parse(&name, &text);
        if parsed.records.is_empty() && parsed.problems.is_empty() {
            batch.problems.push(file_problem(&name, "holds no records"));
        }
        batch.append(parsed);
    }
    batch
}

fn file_problem(file: &str, message: &str) -> Problem {
    Problem {
        file: file.to_string(),
        line: 0,
        field: String::new(),
        message: message.to_string(),
    }
}

/// Validates `records` against each other and the store and works out what changes.
/// Fails with every problem found; the store is only read.
pub fn plan(store: &Store, batch: Batch) -> Result<Plan> {
    let Batch {
        records,
        mut problems,
        declared,
    } = batch;
    let mut report = Report::default();
    let mut seen: HashMap<String, (Kind, String, usize)> = HashMap::new();
    let at = |p: &Parsed, field: &str, message: String| Problem {
        file: p.file.clone(),
        line: p.line,
        field: field.to_string(),
        message,
    };

    for p in &records {
        for (field, message) in check_record(&p.record) {
            problems.push(at(p, &field, message));
        }
        let id = p.record.id().to_string();
        if let Some((_, file, line)) = seen.get(&id) {
            problems.push(at(
                p,
                "id",
                format!("`{id}` is already defined at {file}:{line} in this import"),
            ));
            continue;
        }
        if let Some(stored) = store.kind_of(&id)? {
            if stored != p.record.kind() {
                problems.push(at(
                    p,
                    "id",
                    format!(
                        "`{id}` is already {} in the store; ids are unique across kinds",
                        stored.with_article()
                    ),
                ));
            }
        }
        seen.insert(id, (p.record.kind(), p.file.clone(), p.line));
    }

    let kind_of = |id: &str| -> Option<Kind> {
        seen.get(id)
            .map(|(k, _, _)| *k)
            .or_else(|| declared.get(id).copied())
            .or_else(|| store.kind_of(id).ok().flatten())
    };
    for p in &records {
        for (field, message) in check_references(&p.record, kind_of) {
            problems.push(at(p, &field, message));
        }
    }
    if !problems.is_empty() {
        // Report in file order, then line order, as a reader would fix them.
        let mut files: Vec<String> = Vec::new();
        for p in &problems {
            if !files.contains(&p.file) {
                files.push(p.file.clone());
            }
        }
        problems.sort_by_key(|p| (files.iter().position(|f| *f == p.file), p.line));
        return Err(Error::Invalid(problems));
    }

    let mut changes = Vec::new();
    for p in records {
        let kind = p.record.kind();
        let previous = store.get_kind(kind, p.record.id())?;
        let bucket = match &previous {
            None => &mut report.added,
            Some(old) if *old == p.record => &mut report.unchanged,
            Some(_) => &mut report.updated,
        };
        *bucket.entry(kind).or_default() += 1;
        if previous.as_ref() != Some(&p.record) {
            changes.push(Change {
                record: p.record,
                previous,
            });
        }
    }
    Ok(Plan { changes, report })
}

#[cfg(test)]
mod tests;
