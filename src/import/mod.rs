//! Import: read files, validate everything, then apply all records at once or none.
//!
//! The steps are kept apart so each can be tested and reused by other formats:
//! [`read_files`] parses, [`plan`] validates against the store and works out what
//! changes, and the caller applies the plan with [`crate::store::Store::apply`].
//! The datasets read are listed in [`registry`]; what one is, in [`dataset`].

pub mod adr;
pub mod build;
pub mod clean;
pub mod dataset;
pub mod lokdhaba;
pub mod native;
pub mod popolo;
pub mod registry;
pub mod results;
pub mod sources;
pub mod table;
pub mod tcpd_cabinet;
pub mod tcpd_cm;
pub mod tcpd_ias;

use crate::error::{Error, Problem, Result};
use crate::model::validate::{check_record, check_references};
use crate::model::{Kind, Record};
use crate::store::{Change, Decision, Store};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// A record read from a file, with where it came from.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub file: String,
    pub line: usize,
    pub record: Record,
}

/// An identity decision read from a file: a `{"type":"link",…}` line, or a
/// `same_as` entry of a person in an export made before schema 3.
#[derive(Clone, Debug)]
pub struct ParsedLink {
    pub file: String,
    pub line: usize,
    /// The field problems are reported under: `a`/`b`, or `same_as[0]`.
    pub field: String,
    pub decision: Decision,
    /// From a `same_as` list: written only when the pair has no decision yet, so an
    /// old export never overrides a decision made since.
    pub legacy: bool,
}

/// Records read from one or more files, with the problems found while reading.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    pub records: Vec<Parsed>,
    pub problems: Vec<Problem>,
    /// Ids declared by records that failed to parse, so that references to them are
    /// not reported as missing on top of the record's own problem.
    pub declared: HashMap<String, Kind>,
    /// Records to create only if no record with their id exists (in the store or in
    /// `records`): the parties, legislatures and dataset sources that importers refer
    /// to. An existing record is never overwritten by one of these.
    pub defaults: Vec<Parsed>,
    /// Rows an importer deliberately left out, counted by reason
    /// (`"blank row"`, `"NOTA is not a candidate"`), for the import summary.
    pub skipped: BTreeMap<String, usize>,
    /// Identity decisions between person records (see [`crate::store::identity`]).
    pub links: Vec<ParsedLink>,
}

impl Batch {
    pub fn append(&mut self, mut other: Batch) {
        self.records.append(&mut other.records);
        self.links.append(&mut other.links);
        self.problems.append(&mut other.problems);
        self.declared.extend(other.declared);
        self.defaults.append(&mut other.defaults);
        for (reason, n) in other.skipped {
            *self.skipped.entry(reason).or_default() += n;
        }
    }

    /// Counts a row left out on purpose.
    pub fn skip(&mut self, reason: &str) {
        *self.skipped.entry(reason.to_string()).or_default() += 1;
    }

    /// Adds a record to create only if its id is not taken (see `defaults`).
    pub fn default_record(&mut self, file: &str, line: usize, record: Record) {
        self.defaults.push(Parsed {
            file: file.to_string(),
            line,
            record,
        });
    }
}

/// What an import did (or, in a dry run, would do), per kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Report {
    pub added: BTreeMap<Kind, usize>,
    pub updated: BTreeMap<Kind, usize>,
    pub unchanged: BTreeMap<Kind, usize>,
    /// Rows left out on purpose, by reason.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub skipped: BTreeMap<String, usize>,
    /// The store generation after the import; `None` for a dry run or when nothing changed.
    pub generation: Option<u64>,
    /// Identity decisions the import adds, and those the store holds already.
    #[serde(skip_serializing_if = "LinkCounts::is_empty")]
    pub links: LinkCounts,
    /// What resolving the import's person records linked (see
    /// [`crate::resolve::on_import`]).
    #[serde(skip_serializing_if = "crate::resolve::on_import::Linked::is_empty")]
    pub resolved: crate::resolve::on_import::Linked,
}

/// Identity decisions in an import (see [`Report`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct LinkCounts {
    pub added: usize,
    pub unchanged: usize,
}

impl LinkCounts {
    pub fn is_empty(&self) -> bool {
        self.added == 0 && self.unchanged == 0
    }
}

impl Report {
    pub fn total(map: &BTreeMap<Kind, usize>) -> usize {
        map.values().sum()
    }
}

/// A validated import: the records and decisions that change the store, and the report.
pub struct Plan {
    pub changes: Vec<Change>,
    pub decisions: Vec<Decision>,
    pub report: Report,
}

pub use dataset::{Dataset, Input, Role};
pub use registry::Format;

/// Reads native records from files; every problem in every file is collected.
/// Reading never fails as a whole: problems are validated along with the rest by [`plan`].
pub fn read_files(paths: &[&Path]) -> Batch {
    read_files_as(paths, None).0
}

/// Reads files in `format`, or in the format detected for each file; returns the
/// records and the format used for each file.
pub fn read_files_as(paths: &[&Path], format: Option<Format>) -> (Batch, Vec<(String, Format)>) {
    read_files_with(paths, format, |_| {})
}

/// [`read_files_as`], calling `on_file` before each file is read (for a progress
/// bar). Files are parsed in the order given, each on its own, except that the files
/// of a dataset that reads its files [together](Dataset::together) are parsed as one
/// group after the others.
pub fn read_files_with(
    paths: &[&Path],
    format: Option<Format>,
    mut on_file: impl FnMut(&Path),
) -> (Batch, Vec<(String, Format)>) {
    let mut chosen = Vec::new();
    let mut batch = Batch::default();
    let mut groups: Vec<(Format, Vec<Input>)> = Vec::new();
    for (i, path) in paths.iter().enumerate() {
        on_file(path);
        let name = path.display().to_string();
        if path.is_dir() {
            batch
                .problems
                .push(file_problem(&name, "is a directory, not a file"));
            continue;
        }
        let text = match read_text(path, &name) {
            Ok(t) => t,
            Err(p) => {
                batch.problems.push(p);
                continue;
            }
        };
        if i == 0 {
            crate::pause::at("read-first-file");
        }
        if text.trim_start_matches('\u{feff}').trim().is_empty() {
            batch.problems.push(file_problem(&name, "holds no records"));
            continue;
        }
        let detected = match format {
            Some(f) => Some((f, f.recognise(&name, &text).unwrap_or(Role::Records))),
            None => registry::detect(&name, &text),
        };
        let Some((fmt, role)) = detected else {
            batch.problems.push(file_problem(
                &name,
                "format not recognised: name it with --format",
            ));
            continue;
        };
        chosen.push((name.clone(), fmt));
        if fmt.together() {
            let input = Input { name, text, role };
            match groups.iter_mut().find(|(f, _)| registry::same(*f, fmt)) {
                Some((_, files)) => files.push(input),
                None => groups.push((fmt, vec![input])),
            }
            continue;
        }
        let parsed = fmt.parse(&name, &text);
        if parsed.records.is_empty() && parsed.links.is_empty() && parsed.problems.is_empty() {
            batch.problems.push(file_problem(&name, "holds no records"));
        }
        batch.append(parsed);
    }
    for (fmt, files) in groups {
        batch.append(fmt.parse_all(&files));
    }
    (batch, chosen)
}

/// The longest line an input file may have. No record comes near it; a longer line
/// means the wrong file (a binary, a dump without line ends), and refusing it early
/// keeps a 1 GB line from being held in memory.
pub const MAX_LINE_BYTES: usize = 64 * 1024 * 1024;

/// Reads a file as UTF-8 text, refusing invalid UTF-8 and over-long lines as soon as
/// they are met (a huge binary file is not read to its end first).
fn read_text(path: &Path, name: &str) -> Result<String, Problem> {
    let file = std::fs::File::open(path)
        .map_err(|e| file_problem(name, &format!("cannot be read: {e}")))?;
    read_text_from(file, name, 1 << 20, MAX_LINE_BYTES)
}

/// [`read_text`] on any reader, in chunks of `chunk` bytes, with lines of at most
/// `max_line` bytes (the fuzz harness varies both).
#[doc(hidden)]
pub fn read_text_from(
    mut reader: impl std::io::Read,
    name: &str,
    chunk: usize,
    max_line: usize,
) -> Result<String, Problem> {
    let at_line = |line: usize, message: String| Problem {
        file: name.to_string(),
        line,
        field: String::new(),
        message,
    };
    let mut bytes: Vec<u8> = Vec::new();
    let mut chunk = vec![0u8; chunk.max(1)];
    let mut line = 1;
    let mut line_len = 0;
    // Bytes before this offset are known to be valid UTF-8.
    let mut valid = 0;
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(at_line(line, format!("cannot be read: {e}"))),
        };
        for &b in &chunk[..n] {
            if b == b'\n' {
                line += 1;
                line_len = 0;
            } else {
                line_len += 1;
                if line_len > max_line {
                    return Err(at_line(
                        line,
                        format!(
                            "line is longer than {}; no record is that long (is this the right file?)",
                            size(max_line)
                        ),
                    ));
                }
            }
        }
        bytes.extend_from_slice(&chunk[..n]);
        match std::str::from_utf8(&bytes[valid..]) {
            Ok(_) => valid = bytes.len(),
            Err(e) => {
                let bad = valid + e.valid_up_to();
                if e.error_len().is_some() {
                    let line = bytes[..bad].iter().filter(|&&b| b == b'\n').count() + 1;
                    return Err(at_line(line, "is not valid UTF-8 text".into()));
                }
                valid = bad; // a character cut by the chunk's end: look again with more
            }
        }
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        at_line(
            line,
            "is not valid UTF-8 text (it ends inside a character)".into(),
        )
    })
}

/// `64 MiB`, or bytes for small sizes.
fn size(bytes: usize) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{bytes} bytes")
    }
}

/// A problem with a whole file (line 0).
pub fn file_problem(file: &str, message: &str) -> Problem {
    Problem {
        file: file.to_string(),
        line: 0,
        field: String::new(),
        message: message.to_string(),
    }
}

/// The defaults an import writes. Defaults fill in only what nobody defines: the
/// first default for an id wins. Seats merge instead (see `build::seats`): every
/// default of a seat and the stored seat become one record, kept only if it differs
/// from the stored one (like any default, a seat left as it was is not counted).
fn accept_defaults(
    store: &Store,
    records: &[Parsed],
    declared: &HashMap<String, Kind>,
    defaults: Vec<Parsed>,
) -> Result<Vec<Parsed>> {
    let defined: std::collections::HashSet<&str> = records.iter().map(|p| p.record.id()).collect();
    let mut taken: std::collections::HashSet<String> = Default::default();
    // Each accepted default, with the stored version of a seat it merges into.
    let mut accepted: Vec<(Parsed, Option<Record>)> = Vec::new();
    let mut seat_at: HashMap<String, usize> = HashMap::new();
    for d in defaults {
        let id = d.record.id();
        if let Record::Seat(new) = &d.record {
            if let Some(&i) = seat_at.get(id) {
                if let Record::Seat(s) = &mut accepted[i].0.record {
                    s.absorb(new);
                }
                continue;
            }
            if defined.contains(id) || declared.contains_key(id) || taken.contains(id) {
                continue;
            }
            let stored = match store.get(id)? {
                None => None,
                Some(Record::Seat(stored)) => Some(stored),
                Some(_) => continue,
            };
            seat_at.insert(id.to_string(), accepted.len());
            taken.insert(id.to_string());
            match stored {
                None => accepted.push((d, None)),
                Some(stored) => {
                    let mut merged = stored.clone();
                    merged.absorb(new);
                    let record = Record::Seat(merged);
                    accepted.push((Parsed { record, ..d }, Some(Record::Seat(stored))));
                }
            }
            continue;
        }
        let free = !defined.contains(id) && !declared.contains_key(id) && !taken.contains(id);
        if free && store.kind_of(id)?.is_none() {
            taken.insert(id.to_string());
            accepted.push((d, None));
        }
    }
    Ok(accepted
        .into_iter()
        .filter(|(p, stored)| stored.as_ref() != Some(&p.record))
        .map(|(p, _)| p)
        .collect())
}

/// Validates `records` against each other and the store and works out what changes.
/// Fails with every problem found; the store is only read.
pub fn plan(store: &Store, batch: Batch) -> Result<Plan> {
    let Batch {
        mut records,
        mut problems,
        declared,
        defaults,
        skipped,
        links,
    } = batch;
    let mut accepted = accept_defaults(store, &records, &declared, defaults)?;
    records.append(&mut accepted);
    let mut report = Report {
        skipped,
        ..Report::default()
    };
    // Each id's first record, by its place in `records` (an import can hold
    // hundreds of thousands of records: no copies of ids or file names).
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(records.len());
    let at = |p: &Parsed, field: &str, message: String| Problem {
        file: p.file.clone(),
        line: p.line,
        field: field.to_string(),
        message,
    };

    for (i, p) in records.iter().enumerate() {
        for (field, message) in check_record(&p.record) {
            problems.push(at(p, &field, message));
        }
        let id = p.record.id();
        if let Some(&first) = seen.get(id) {
            let first = &records[first];
            problems.push(at(
                p,
                "id",
                format!(
                    "`{id}` is already defined at {}:{} in this import",
                    first.file, first.line
                ),
            ));
            continue;
        }
        if let Some(stored) = store.kind_of(id)? {
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
        seen.insert(id, i);
    }

    let kind_of = |id: &str| -> Option<Kind> {
        seen.get(id)
            .map(|&i| records[i].record.kind())
            .or_else(|| declared.get(id).copied())
            .or_else(|| store.kind_of(id).ok().flatten())
    };
    for p in &records {
        for (field, message) in check_references(&p.record, kind_of) {
            problems.push(at(p, &field, message));
        }
    }
    for l in &links {
        for (field, message) in check_link(l, kind_of) {
            problems.push(Problem {
                file: l.file.clone(),
                line: l.line,
                field,
                message,
            });
        }
    }
    drop(seen);
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
    let decisions = new_decisions(store, links, &mut report)?;
    Ok(Plan {
        changes,
        decisions,
        report,
    })
}

/// A decision's problems: both ends must be person records, and different ones.
fn check_link(l: &ParsedLink, kind_of: impl Fn(&str) -> Option<Kind>) -> Vec<(String, String)> {
    let d = &l.decision;
    let field = |end: &str| {
        if l.legacy {
            l.field.clone()
        } else {
            end.to_string()
        }
    };
    if d.a == d.b {
        let message = if l.legacy {
            "a person cannot be the same as itself".to_string()
        } else {
            format!("`{}` cannot be linked with itself", d.a)
        };
        return vec![(
            if l.legacy {
                "same_as".into()
            } else {
                "b".into()
            },
            message,
        )];
    }
    let mut out = Vec::new();
    for (end, id) in [("a", &d.a), ("b", &d.b)] {
        match kind_of(id) {
            None => out.push((
                field(end),
                format!("refers to `{id}`, which is neither in the store nor in this import"),
            )),
            Some(Kind::Person) => {}
            Some(k) => out.push((
                field(end),
                format!(
                    "refers to `{id}`, which is {}, not a person",
                    k.with_article()
                ),
            )),
        }
    }
    out
}

/// The decisions of `links` that change what the store holds. A decision already in
/// the log (a re-imported export) is unchanged, and so is one that says what the
/// pair's effective decision says already (a hand-written link imported twice); a
/// `same_as` of an old export is unchanged for a pair with any decision.
fn new_decisions(
    store: &Store,
    links: Vec<ParsedLink>,
    report: &mut Report,
) -> Result<Vec<Decision>> {
    if links.is_empty() {
        return Ok(Vec::new());
    }
    let mut known: std::collections::HashSet<Decision> = std::collections::HashSet::new();
    for d in store.decisions() {
        known.insert(d?.1);
    }
    // The effective verdict on each pair this import decides, and whether a person
    // decided it (a machine's decision does not replace a person's).
    let mut decided: HashMap<(String, String), (crate::store::Verdict, bool)> = HashMap::new();
    let mut out = Vec::new();
    for l in links {
        let d = l.decision;
        let pair = (d.a.clone(), d.b.clone());
        let current = match decided.get(&pair) {
            Some(v) => Some(*v),
            None => store
                .current_decision(&d.a, &d.b)?
                .map(|(_, c)| (c.decision, crate::identity::is_persons(&c.by))),
        };
        let old = if l.legacy {
            current.is_some()
        } else {
            known.contains(&d) || current.map(|c| c.0) == Some(d.decision)
        };
        if old {
            // The other person's `same_as` naming a pair decided above is no news.
            if !(l.legacy && decided.contains_key(&pair)) {
                report.links.unchanged += 1;
            }
            continue;
        }
        report.links.added += 1;
        let had = current.is_some_and(|c| c.1);
        if crate::store::identity::supersedes(had, &d.by) {
            decided.insert(
                pair,
                (d.decision, had || crate::identity::is_persons(&d.by)),
            );
        } else if let Some(c) = current {
            decided.insert(pair, c);
        }
        known.insert(d.clone());
        out.push(d);
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
