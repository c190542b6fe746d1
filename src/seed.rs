//! The curated seed dataset bundled in the binary (`data/seed.jsonl`).

use crate::import::{native, Batch};

/// The seed records as written in `data/seed.jsonl`.
pub const SEED_JSONL: &str = include_str!("../data/seed.jsonl");

/// The seed records, parsed. They are validated like any import when applied.
pub fn records() -> Batch {
    native::parse("<bundled seed data/seed.jsonl>", SEED_JSONL)
}
