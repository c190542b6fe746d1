//! What a dataset is to the importer: a name for `--format`, how its files are
//! recognised, the source it cites, and how its text becomes a [`Batch`].
//!
//! A CSV dataset implements [`Csv`] instead and gets [`Dataset`] for free: it says
//! which columns it needs, how one row reads, and what its rows become (through
//! [`super::build`]); reading the table, placing problems as `file:line: column:
//! message` and citing the source live here once.

use super::table::{self, Row, Table};
use super::{clean, Batch};
use crate::error::Problem;
use crate::model::{PartialDate, Record, Source};

/// What a file is to the dataset that recognises it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A file of records.
    Records,
    /// A file the dataset reads along with its record files but that holds no records
    /// of its own (a table of party abbreviations, say); see [`Dataset::together`].
    Auxiliary,
}

/// One file of an import, read as text.
#[derive(Clone, Debug)]
pub struct Input {
    pub name: String,
    pub text: String,
    pub role: Role,
}

/// The source a dataset cites, as a static description; [`Cite::record`] makes the
/// `Source` record every record of the dataset names.
#[derive(Clone, Copy, Debug)]
pub struct Cite {
    pub id: &'static str,
    pub title: &'static str,
    pub publisher: &'static str,
    pub url: &'static str,
    pub licence: &'static str,
    /// The dataset's short name, as "as of 2021 (TCPD-ICoM)" cites it.
    pub short: &'static str,
    /// Where the dataset's knowledge ends when its rows cannot say it (TCPD-IAS's
    /// postings run to 2041); otherwise `None`, and the import works it out from the
    /// rows (see [`super::as_of`]).
    pub stated_as_of: Option<PartialDate>,
    /// Where the whole dataset (as in `shared/data`) ends, measured from its files:
    /// what a home imported before sources carried `as_of` falls back to.
    pub known_as_of: PartialDate,
}

impl Cite {
    /// The source record, naming the file read.
    pub fn record(&self, file: &str) -> Source {
        Source {
            id: self.id.into(),
            title: self.title.into(),
            publisher: Some(self.publisher.into()),
            url: Some(self.url.into()),
            date: None,
            as_of: self.stated_as_of,
            language: Some("en".into()),
            licence: Some(self.licence.into()),
            file: Some(clean::file_name(file)),
            text: None,
        }
    }
}

/// A format `import` reads. The one list of them is [`super::registry::ALL`].
pub trait Dataset: Sync {
    /// The name `--format` takes: `adr`, `tcpd-cm`.
    fn name(&self) -> &'static str;
    /// One line saying what the dataset is.
    fn about(&self) -> &'static str;
    /// Whether `text` (a file's whole text, or its first bytes) is this dataset's, and
    /// as what. Only what is unambiguous: a header's columns, a JSON document's shape.
    fn recognise(&self, file: &str, text: &str) -> Option<Role>;
    /// Parses one file. Every problem is collected, each placed at its line.
    fn parse(&self, file: &str, text: &str) -> Batch;
    /// Whether the files of one import that belong to this dataset are parsed together
    /// by [`Dataset::parse_all`] (a dataset whose files overlap, or that has auxiliary
    /// files); otherwise each file is parsed on its own, in the order given.
    fn together(&self) -> bool {
        false
    }
    /// Parses all the files of one import that belong to this dataset, auxiliary
    /// files included. Only called when [`Dataset::together`] says so.
    fn parse_all(&self, files: &[Input]) -> Batch {
        let mut batch = Batch::default();
        for f in files.iter().filter(|f| f.role == Role::Records) {
            batch.append(self.parse(&f.name, &f.text));
        }
        batch
    }
}

/// A CSV dataset: [`Dataset`] for it reads the table (by column name, either
/// separator), adds its source record and hands the rows that read to [`Csv::build`].
pub trait Csv: Sync {
    const NAME: &'static str;
    const ABOUT: &'static str;
    const SOURCE: Cite;
    /// One row, read and checked.
    type Row;
    /// What reading one file needs besides its rows (a year in its name, a cache).
    type File: Default;

    /// Whether a header (its columns, trimmed) is this dataset's.
    fn recognise(&self, header: &[String]) -> bool;
    /// The columns a file with this header must have, as a header line names them
    /// (`ID,Name,Cadre`).
    fn required(&self, header: &[String]) -> &'static str;
    /// Checks the file as a whole before its rows are read.
    fn open(&self, _file: &str, _table: &Table, _state: &mut Self::File) -> Result<(), Problem> {
        Ok(())
    }
    /// Reads one row; every bad field is a problem (see [`Row::problem`]).
    fn read(
        &self,
        file: &str,
        state: &mut Self::File,
        row: &Row,
    ) -> Result<Self::Row, Vec<Problem>>;
    /// Turns the rows that read into records.
    fn build(&self, file: &str, rows: Vec<Self::Row>, batch: &mut Batch);
}

impl<T: Csv> Dataset for T {
    fn name(&self) -> &'static str {
        T::NAME
    }

    fn about(&self) -> &'static str {
        T::ABOUT
    }

    fn recognise(&self, _file: &str, text: &str) -> Option<Role> {
        let head = text.trim_start_matches('\u{feff}').trim_start();
        Csv::recognise(self, &table::header(head)).then_some(Role::Records)
    }

    fn parse(&self, file: &str, text: &str) -> Batch {
        let mut batch = Batch::default();
        let header = table::header(text);
        let required: Vec<&str> = self.required(&header).split(',').collect();
        let Some(table) = Table::read(file, text, &required, &mut batch.problems) else {
            return batch;
        };
        let mut state = T::File::default();
        if let Err(p) = self.open(file, &table, &mut state) {
            batch.problems.push(p);
            return batch;
        }
        batch.default_record(file, 1, Record::Source(T::SOURCE.record(file)));
        let mut rows = Vec::with_capacity(table.len());
        for row in table.rows() {
            match self.read(file, &mut state, &row) {
                Ok(r) => rows.push(r),
                Err(mut p) => batch.problems.append(&mut p),
            }
        }
        self.build(file, rows, &mut batch);
        // Problems in line order (those the table found first otherwise).
        batch.problems.sort_by_key(|p| p.line);
        batch
    }
}

/// Whether a header begins with `columns` (`a,b,c`), in order.
pub fn starts_with(header: &[String], columns: &str) -> bool {
    let columns: Vec<&str> = columns.split(',').collect();
    header.len() >= columns.len() && header.iter().zip(columns).all(|(h, c)| h == c)
}

/// Whether a header names every one of `columns` (`a,b,c`), in any order.
pub fn names_all(header: &[String], columns: &str) -> bool {
    columns.split(',').all(|c| header.iter().any(|h| h == c))
}
