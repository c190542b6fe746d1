//! The curated seed dataset bundled in the binary (`data/seed.jsonl`).

use crate::error::{Error, Result};
use crate::import::{native, Parsed};

/// The seed records as written in `data/seed.jsonl`.
pub const SEED_JSONL: &str = include_str!("../data/seed.jsonl");

/// The seed records, parsed. They are validated like any import when applied.
pub fn records() -> Result<Vec<Parsed>> {
    let (records, problems) = native::parse("<bundled seed data/seed.jsonl>", SEED_JSONL);
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(Error::Invalid(problems))
    }
}
