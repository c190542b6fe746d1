//! netakosh (नेताकोश): a bilingual politician-profile knowledge base.
//!
//! The library holds everything but the command line:
//! - [`model`]: the records, their JSON form and where they are validated;
//! - [`store`]: the sled store, the single source of truth;
//! - [`import`]: reading files and applying them all-or-nothing;
//! - [`analysis`]: Hindi + English text analysis for the index;
//! - [`identity`]: likely duplicate people and `merge` links;
//! - [`index`]: the tantivy index derived from the store;
//! - [`replica`]: a read-only copy of the store in tantivy, so reading commands never open sled;
//! - [`search`]: queries and hits;
//! - [`election`]: result tables of an election, by constituency;
//! - [`profile`]: a record with everything linked to it, for `show`;
//! - [`resolve`]: person resolution, linking records of one politician;
//! - [`export`]: JSON Lines that re-import losslessly;
//! - [`kb`]: a knowledge-base home, keeping store and index in step;
//! - `fuzzing` (hidden): the properties the fuzz targets check;
//! - [`pause`]: named moments of an import where tests stop the process;
//! - [`time`]: timestamps as stored and as shown;
//! - [`numerals`]: Indian digit grouping and Devanagari digits;
//! - [`i18n`]: the interface's words in English and Hindi, Hindi dates, lakh and crore.

pub mod analysis;
pub mod candidates;
pub mod disjoint;
pub mod domain;
pub mod election;
pub mod error;
pub mod export;
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod identity;
pub mod import;
pub mod index;
pub mod kb;
pub mod model;
pub mod numerals;
pub mod pause;
pub mod profile;
pub mod replica;
pub mod resolve;
pub mod search;
pub mod seed;
pub mod store;
pub mod time;
pub mod web;

pub use error::{Error, Problem, Result};
