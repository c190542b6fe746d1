//! Export as a SQLite database for Datasette or the sqlite3 shell: one table per
//! kind of record with typed columns (integers for money and counts, ISO dates as
//! text), every name in both scripts with an FTS5 table over them, the identity
//! crosswalk, and a Datasette `metadata.json` crediting each source's licence.

use crate::error::{Error, Result};
use crate::model::{Kind, Names, PartialDate, Record};
use crate::store::Store;
use rusqlite::{params, Connection, Transaction};
use std::path::{Path, PathBuf};

/// The tables, foreign keys declared. `names` and `identifiers` belong to records
/// of several kinds, so their `record` column names its `kind` instead of a key.
const SCHEMA: &str = "
CREATE TABLE sources (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, publisher TEXT, url TEXT, date TEXT,
    as_of TEXT, language TEXT, licence TEXT, file TEXT);
CREATE TABLE organizations (
    id TEXT PRIMARY KEY, name_en TEXT, name_hi TEXT, classification TEXT,
    parent TEXT REFERENCES organizations(id), state TEXT, founded TEXT, dissolved TEXT);
CREATE TABLE offices (
    id TEXT PRIMARY KEY, name_en TEXT, name_hi TEXT,
    organization TEXT REFERENCES organizations(id));
CREATE TABLE elections (
    id TEXT PRIMARY KEY, name_en TEXT, name_hi TEXT,
    body TEXT REFERENCES organizations(id), area TEXT, date TEXT, seats INTEGER,
    indirect INTEGER NOT NULL, system TEXT);
CREATE TABLE seats (
    id TEXT PRIMARY KEY, name_en TEXT, name_hi TEXT,
    body TEXT NOT NULL REFERENCES organizations(id), state TEXT, number INTEGER,
    seat_type TEXT, district TEXT);
CREATE TABLE people (
    id TEXT PRIMARY KEY, name_en TEXT, name_hi TEXT, gender TEXT, birth_date TEXT,
    birth_place TEXT, home_district TEXT, home_state TEXT, father TEXT);
CREATE TABLE tenures (
    id TEXT PRIMARY KEY, person TEXT NOT NULL REFERENCES people(id),
    office TEXT NOT NULL REFERENCES offices(id), start TEXT, \"end\" TEXT,
    ended INTEGER NOT NULL, note TEXT);
CREATE TABLE memberships (
    id TEXT PRIMARY KEY, person TEXT NOT NULL REFERENCES people(id),
    organization TEXT NOT NULL REFERENCES organizations(id), role TEXT, start TEXT,
    \"end\" TEXT);
CREATE TABLE candidacies (
    id TEXT PRIMARY KEY, person TEXT NOT NULL REFERENCES people(id),
    election TEXT NOT NULL REFERENCES elections(id),
    party TEXT REFERENCES organizations(id), seat TEXT REFERENCES seats(id),
    constituency TEXT, votes INTEGER, rank INTEGER, share REAL, margin INTEGER,
    result TEXT, deposit_lost INTEGER, seat_type TEXT, affidavit_date TEXT,
    criminal_cases INTEGER, education TEXT, age INTEGER, assets INTEGER,
    liabilities INTEGER);
CREATE TABLE crosswalk (
    record TEXT PRIMARY KEY REFERENCES people(id),
    person TEXT NOT NULL REFERENCES people(id));
CREATE TABLE names (
    record TEXT NOT NULL, kind TEXT NOT NULL, language TEXT, script TEXT NOT NULL,
    text TEXT NOT NULL);
CREATE TABLE identifiers (
    record TEXT NOT NULL, kind TEXT NOT NULL, scheme TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX names_record ON names(record);
CREATE INDEX identifiers_record ON identifiers(record);
CREATE INDEX identifiers_value ON identifiers(scheme, value);
CREATE INDEX candidacies_person ON candidacies(person);
CREATE INDEX candidacies_election ON candidacies(election);
CREATE INDEX crosswalk_person ON crosswalk(person);
";

/// Full-text search over `names`, in Datasette's external-content layout. Marks
/// (`M*`) are word characters, so a Devanagari vowel sign does not split `आलोक`;
/// diacritics are kept, so no mark is stripped from a Devanagari word either.
const FTS: &str = "
CREATE VIRTUAL TABLE names_fts USING fts5(
    text, content='names', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 0 categories ''L* N* Co M*''');
INSERT INTO names_fts(names_fts) VALUES('rebuild');
";

/// How many rows went into each table.
#[derive(Debug, Default)]
pub struct SqliteCounts {
    pub records: usize,
    pub names: usize,
    pub people: usize,
    pub candidacies: usize,
    pub sources: usize,
}

/// Writes the database to `path` and `metadata.json` beside it. The database is
/// built in one transaction in `path.netakosh-tmp` and renamed over `path` only
/// when complete; on any failure the temporary file is removed, so no half
/// database is ever left where the user looks. `progress` is told how many records
/// have been written, every few thousand (the binary draws a bar from it).
pub fn write_sqlite(
    store: &Store,
    path: &Path,
    progress: &mut dyn FnMut(usize),
) -> Result<SqliteCounts> {
    let tmp = temp_path(path);
    let result = build(store, path, &tmp, progress);
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// `FILE.netakosh-tmp`, beside `FILE`.
fn temp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".netakosh-tmp");
    path.with_file_name(name)
}

fn build(
    store: &Store,
    path: &Path,
    tmp: &Path,
    progress: &mut dyn FnMut(usize),
) -> Result<SqliteCounts> {
    // Create (and truncate) the file ourselves first: an unwritable place is then
    // the io error it is (a user error), not a SQLite one.
    std::fs::File::create(tmp).map_err(|e| match e.kind() {
        // A folder that is missing or is a file: the user's to fix (exit 2).
        std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory => Error::Usage(format!(
            "{}: {e}; export into an existing folder",
            tmp.display()
        )),
        _ => Error::io(tmp, e),
    })?;
    let sql = |e: rusqlite::Error| Error::io(tmp, std::io::Error::other(e));
    let mut conn = Connection::open(tmp).map_err(sql)?;
    // The file is private until renamed, so no journal is needed for safety.
    conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        .map_err(sql)?;
    let tx = conn.transaction().map_err(sql)?;
    tx.execute_batch(SCHEMA).map_err(sql)?;
    let mut counts = SqliteCounts::default();
    let mut sources = Vec::new();
    insert_records(store, &tx, &mut counts, &mut sources, progress).map_err(|e| match e {
        Failure::Store(e) => e,
        Failure::Sql(e) => sql(e),
    })?;
    insert_crosswalk(store, &tx).map_err(|e| match e {
        Failure::Store(e) => e,
        Failure::Sql(e) => sql(e),
    })?;
    tx.execute_batch(FTS).map_err(sql)?;
    tx.commit().map_err(sql)?;
    conn.close().map_err(|(_, e)| sql(e))?;
    write_metadata(path, &sources)?;
    std::fs::rename(tmp, path).map_err(|e| Error::io(path, e))?;
    Ok(counts)
}

/// A store error or a SQLite one, told apart so each keeps its own message.
enum Failure {
    Store(Error),
    Sql(rusqlite::Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Store(e)
    }
}

impl From<rusqlite::Error> for Failure {
    fn from(e: rusqlite::Error) -> Self {
        Failure::Sql(e)
    }
}

fn date(d: Option<PartialDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn text(n: &Option<Names>) -> Option<&str> {
    n.as_ref().filter(|n| !n.is_empty()).map(|n| n.best("en"))
}

fn nonempty(n: &Names) -> Option<&str> {
    (!n.is_empty()).then(|| n.best("en"))
}

/// `Devanagari` when the text has a Devanagari letter, else `Latin`.
fn script(text: &str) -> &'static str {
    if text.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)) {
        "Devanagari"
    } else {
        "Latin"
    }
}

/// Lowercase name of a unit enum variant as serde writes it (`"won"`, `"party"`).
fn label<T: serde::Serialize>(v: &T) -> Option<String> {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

/// Streams every record of the store into its table, with its names and
/// identifiers; keeps the sources for the metadata.
fn insert_records(
    store: &Store,
    tx: &Transaction,
    counts: &mut SqliteCounts,
    sources: &mut Vec<crate::model::Source>,
    progress: &mut dyn FnMut(usize),
) -> std::result::Result<(), Failure> {
    let mut name_stmt = tx.prepare(
        "INSERT INTO names (record, kind, language, script, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut id_stmt = tx
        .prepare("INSERT INTO identifiers (record, kind, scheme, value) VALUES (?1, ?2, ?3, ?4)")?;
    let mut names = |id: &str, kind: Kind, n: &Names, aliases: &[String]| -> rusqlite::Result<()> {
        for (lang, t) in &n.0 {
            name_stmt.execute(params![id, kind.as_str(), lang, script(t), t])?;
            counts.names += 1;
        }
        for a in aliases {
            let lang: Option<&str> = None; // an alias carries no language
            name_stmt.execute(params![id, kind.as_str(), lang, script(a), a])?;
            counts.names += 1;
        }
        Ok(())
    };
    for kind in Kind::ALL {
        for record in store.iter(kind) {
            let record = record?;
            counts.records += 1;
            if counts.records.is_multiple_of(4096) {
                progress(counts.records);
            }
            match record {
                Record::Source(s) => {
                    tx.execute(
                        "INSERT INTO sources VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        params![
                            s.id,
                            s.title,
                            s.publisher,
                            s.url,
                            date(s.date),
                            date(s.as_of),
                            s.language,
                            s.licence,
                            s.file
                        ],
                    )?;
                    counts.sources += 1;
                    sources.push(s);
                }
                Record::Organization(o) => {
                    tx.execute(
                        "INSERT INTO organizations VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        params![
                            o.id,
                            o.name.get("en"),
                            o.name.get("hi"),
                            o.classification.as_ref().and_then(label),
                            o.parent,
                            text(&o.state),
                            date(o.founded),
                            date(o.dissolved)
                        ],
                    )?;
                    names(&o.id, kind, &o.name, &o.aliases)?;
                    for (scheme, value) in &o.identifiers {
                        id_stmt.execute(params![o.id, kind.as_str(), scheme, value])?;
                    }
                }
                Record::Office(o) => {
                    tx.execute(
                        "INSERT INTO offices VALUES (?1, ?2, ?3, ?4)",
                        params![o.id, o.name.get("en"), o.name.get("hi"), o.organization],
                    )?;
                    names(&o.id, kind, &o.name, &o.aliases)?;
                }
                Record::Election(e) => {
                    tx.execute(
                        "INSERT INTO elections VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        params![
                            e.id,
                            e.name.get("en"),
                            e.name.get("hi"),
                            e.body,
                            text(&e.area),
                            date(e.date),
                            e.seats,
                            e.indirect,
                            e.system.as_ref().and_then(label)
                        ],
                    )?;
                    names(&e.id, kind, &e.name, &e.aliases)?;
                }
                Record::Seat(s) => {
                    tx.execute(
                        "INSERT INTO seats VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        params![
                            s.id,
                            s.name.get("en"),
                            s.name.get("hi"),
                            s.body,
                            text(&s.state),
                            s.number,
                            s.seat_type.map(|t| t.as_str()),
                            s.district
                        ],
                    )?;
                    names(&s.id, kind, &s.name, &s.aliases)?;
                }
                Record::Person(p) => {
                    tx.execute(
                        "INSERT INTO people VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        params![
                            p.id,
                            p.name.get("en"),
                            p.name.get("hi"),
                            p.gender.as_ref().and_then(label),
                            date(p.birth_date),
                            text(&p.birth_place),
                            text(&p.home_district),
                            text(&p.home_state),
                            text(&p.father)
                        ],
                    )?;
                    names(&p.id, kind, &p.name, &p.aliases)?;
                    for (scheme, value) in &p.identifiers {
                        id_stmt.execute(params![p.id, kind.as_str(), scheme, value])?;
                    }
                    counts.people += 1;
                }
                Record::Tenure(t) => {
                    tx.execute(
                        "INSERT INTO tenures VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        params![
                            t.id,
                            t.person,
                            t.office,
                            date(t.start),
                            date(t.end),
                            t.ended,
                            nonempty(&t.note)
                        ],
                    )?;
                }
                Record::Membership(m) => {
                    tx.execute(
                        "INSERT INTO memberships VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![
                            m.id,
                            m.person,
                            m.organization,
                            nonempty(&m.role),
                            date(m.start),
                            date(m.end)
                        ],
                    )?;
                }
                Record::Candidacy(c) => {
                    let a = c.affidavit.as_ref();
                    tx.execute(
                        "INSERT INTO candidacies VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
                         ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
                        params![
                            c.id,
                            c.person,
                            c.election,
                            c.party,
                            c.seat,
                            text(&c.constituency),
                            c.votes.map(|v| v as i64),
                            c.rank,
                            c.share.map(|s| s.as_f64()),
                            c.margin.map(|v| v as i64),
                            c.result.as_ref().and_then(label),
                            c.deposit_lost,
                            c.seat_type.map(|t| t.as_str()),
                            date(a.and_then(|a| a.date)),
                            a.and_then(|a| a.criminal_cases),
                            a.and_then(|a| a.education.as_deref()),
                            // The affidavit's declared age, else the one the result lists.
                            a.and_then(|a| a.age).or(c.age),
                            a.and_then(|a| a.assets).map(|v| v as i64),
                            a.and_then(|a| a.liabilities).map(|v| v as i64)
                        ],
                    )?;
                    counts.candidacies += 1;
                }
            }
        }
    }
    Ok(())
}

/// One row per person record: record → its person (see [`super::write_crosswalk`]).
fn insert_crosswalk(store: &Store, tx: &Transaction) -> std::result::Result<(), Failure> {
    let clusters = crate::identity::clusters(store)?;
    let mut stmt = tx.prepare("INSERT INTO crosswalk (record, person) VALUES (?1, ?2)")?;
    for record in store.iter(Kind::Person) {
        let id = record?.id().to_string();
        stmt.execute(params![id, clusters.person(&id)])?;
    }
    Ok(())
}

/// Datasette's metadata (`datasette FILE -m metadata.json`): the licence of each
/// source, in the description and on the `sources` table, written atomically too.
fn write_metadata(path: &Path, sources: &[crate::model::Source]) -> Result<()> {
    use serde_json::json;
    let credits: Vec<String> = sources
        .iter()
        .map(|s| {
            let mut line = s.title.clone();
            if let Some(p) = &s.publisher {
                line.push_str(&format!(" ({p})"));
            }
            line.push_str(&format!(
                ": licence {}",
                s.licence.as_deref().unwrap_or("not stated")
            ));
            if let Some(u) = &s.url {
                line.push_str(&format!(", {u}"));
            }
            line
        })
        .collect();
    let mut licences: Vec<&str> = sources
        .iter()
        .filter_map(|s| s.licence.as_deref())
        .collect();
    licences.sort_unstable();
    licences.dedup();
    let database = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "netakosh".into());
    let doc = json!({
        "title": "नेताकोश netakosh: Indian politicians, elections and affidavits",
        "description": format!("Exported by netakosh {}. Sources: {}", env!("CARGO_PKG_VERSION"), credits.join("; ")),
        "license": licences.join("; "),
        "source": "netakosh",
        "databases": {
            database: {
                "tables": {
                    "sources": {
                        "description": "Every dataset the records come from, with its licence.",
                        "licenses": sources.iter().map(|s| json!({
                            "source": s.id, "title": s.title, "publisher": s.publisher,
                            "url": s.url, "license": s.licence,
                        })).collect::<Vec<_>>(),
                    },
                    "candidacies": {"description": "One row per candidacy: the result and the affidavit (money in rupees)."},
                    "names": {"description": "Every name and alias of every record, in each script."},
                    "crosswalk": {"description": "Each person record → the person it is (identity decisions applied)."},
                }
            }
        }
    });
    let meta = path.with_file_name("metadata.json");
    let tmp = temp_path(&meta);
    let text = serde_json::to_string_pretty(&doc).expect("metadata always serializes");
    std::fs::write(&tmp, text + "\n").map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, &meta).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(&meta, e)
    })
}
