//! The library's typed errors; the binary adds context and maps them to exit codes.

use std::fmt;
use std::path::PathBuf;

/// One problem found while validating an import: where, which field, what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based line number; 0 when the problem concerns the whole file.
    pub line: usize,
    /// Dotted path of the field (`name.hi`, `services[0].batch`), or empty for the record.
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if !self.field.is_empty() {
            write!(f, ": {}", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An import (or the bundled seed) had problems; nothing was written.
    #[error("{} problem{} found; nothing was imported", .0.len(), if .0.len() == 1 { "" } else { "s" })]
    Invalid(Vec<Problem>),

    #[error("no record matches `{query}`{}", suggest(.suggestions))]
    NotFound {
        query: String,
        /// Ids of records that came close, best first.
        suggestions: Vec<String>,
    },

    #[error("`{query}` matches several records: {}; give an id", list_candidates(.candidates, .described))]
    Ambiguous {
        query: String,
        /// The ids of the records that fit, best first.
        candidates: Vec<String>,
        /// What tells each candidate apart (date, house, state, seats), in the
        /// order of `candidates`; empty when the ids say it themselves.
        described: Vec<String>,
    },

    #[error("the store at {path} is in use by another netakosh process ({}); try again when it has finished", .holder.as_deref().unwrap_or("it holds the lock"))]
    Locked {
        path: PathBuf,
        /// The holding process (`pid 4242 \`netakosh import big.jsonl\` since …`), when known.
        holder: Option<String>,
    },

    /// Writing a change failed part way (disk full, I/O error). The store's
    /// transaction makes the change land whole or not at all; the next command
    /// finds out which and says so.
    #[error("{label}: writing failed: {source}; the store holds either all of it or none of it, and the next command will say which")]
    WriteFailed {
        label: String,
        #[source]
        source: Box<Error>,
    },

    #[error("the store at {path} has schema version {found}, but this netakosh reads version {supported}")]
    SchemaVersion {
        path: PathBuf,
        found: String,
        supported: u32,
    },

    /// The store holds the change, but the index could not be brought up to date.
    #[error("{label}: the store holds it, but updating the index failed: {source}; the next command rebuilds the index")]
    IndexFailed {
        label: String,
        #[source]
        source: Box<Error>,
    },

    #[error("{0}")]
    Usage(String),

    #[error("cannot write to the store at {path}: {source}; netakosh needs a home it may write to (choose one with --home DIR)")]
    NotWritable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("store: {0}")]
    Store(#[from] sled::Error),

    #[error("index: {0}")]
    Index(#[from] tantivy::TantivyError),

    #[error("corrupt record `{id}` in the store: {message}")]
    Corrupt { id: String, message: String },
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// True when the user can fix the cause (bad input, unknown id, busy store, a
    /// home they may not write to), as opposed to a failure of the machine or a bug.
    pub fn is_user_error(&self) -> bool {
        use std::io::ErrorKind::{PermissionDenied, ReadOnlyFilesystem};
        match self {
            Error::Invalid(_)
            | Error::NotFound { .. }
            | Error::Ambiguous { .. }
            | Error::Locked { .. }
            | Error::SchemaVersion { .. }
            | Error::NotWritable { .. }
            | Error::Usage(_) => true,
            Error::Io { source, .. } => {
                matches!(source.kind(), PermissionDenied | ReadOnlyFilesystem)
            }
            _ => false,
        }
    }
}

/// The candidates of an ambiguous name, each with what tells it apart when known.
fn list_candidates(ids: &[String], described: &[String]) -> String {
    if described.len() != ids.len() || described.iter().all(String::is_empty) {
        return ids.join(", ");
    }
    ids.iter()
        .zip(described)
        .map(|(id, d)| {
            if d.is_empty() {
                id.clone()
            } else {
                format!("{id} ({d})")
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn suggest(ids: &[String]) -> String {
    if ids.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", ids.join(", "))
    }
}

impl Error {
    pub fn not_found(query: impl Into<String>) -> Self {
        Error::NotFound {
            query: query.into(),
            suggestions: Vec::new(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
