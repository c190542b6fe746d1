//! Export: every record as JSON Lines, referenced kinds first, so the file re-imports.

use crate::error::{Error, Result};
use crate::model::Kind;
use crate::store::Store;
use std::io::Write;

/// Writes every record to `out`; returns how many were written.
pub fn write_jsonl(store: &Store, out: &mut dyn Write) -> Result<usize> {
    let mut count = 0;
    let io = |e| Error::io("<export output>", e);
    for kind in Kind::ALL {
        for record in store.iter(kind) {
            let line = serde_json::to_string(&record?).expect("records always serialize");
            out.write_all(line.as_bytes()).map_err(io)?;
            out.write_all(b"\n").map_err(io)?;
            count += 1;
        }
    }
    out.flush().map_err(io)?;
    Ok(count)
}
