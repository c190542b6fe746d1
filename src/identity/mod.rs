//! Identity across sources: which person records are one politician. The decisions
//! live in the store's identity tree, never in the records (see
//! [`crate::store::identity`]); this module turns them into people and lets a
//! person make them.
//!
//! - [`cluster`]: a person is a constrained clustering of the effective `same`
//!   decisions that never joins two records kept apart (`person_of`, `same_person`,
//!   `clusters` for the whole store);
//! - [`decide`]: what `same`, `different`, `split`, `merge` and `unmerge` record;
//! - [`duplicates`]: the whole-store list of likely pairs (a hand-made scorer);
//! - [`hindi`]: a person's name in Hindi from whichever of its records has one, by
//!   trust (the curated seed, then Popolo, then other datasets), and `HindiNames`,
//!   a command's memo of each record's person and each person's Hindi name;
//! - [`review`]: the review queue for one name — the pairs the linker is unsure of.

pub mod cluster;
pub mod decide;
pub mod duplicates;
pub mod hindi;
pub mod review;

pub use cluster::{clusters, is_persons, person_of, same_person, Cluster, Clusters, Member};
pub use decide::{
    different_decision, merge_decision, same_decisions, split_decisions, unmerge_decision, BY_USER,
};
pub use duplicates::{duplicates, Pair, DEFAULT_MIN_SCORE};
pub use hindi::{hindi_name, HindiNames};
pub use review::{review, Review, ReviewPair};
