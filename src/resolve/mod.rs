//! Person resolution: which person records are one politician (issue 11). The
//! resolver only proposes links as identity decisions (see [`crate::store::identity`]);
//! a person's own decisions always win over it.
//!
//! - [`exact`]: links from identifiers two records share (TCPD's pid, Wikidata…);
//! - [`eval`]: pairwise and B-cubed scores of a clustering against a truth.

pub mod eval;
pub mod exact;

pub use exact::{exact, link, Outcome, SchemeStats, SCHEMES};
