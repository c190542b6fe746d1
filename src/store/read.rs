//! [`Records`]: what reading a knowledge base needs of its store, so that profiles,
//! result tables and name resolution read either the sled store or its read-only
//! copy in the index ([`crate::replica`]) without knowing which.
//!
//! Why a trait: opening sled costs 0.4–0.8 s on a store of every dataset (it reads its
//! page table and replays its log) and closing it another 0.4 s, while a reading
//! command needs a few hundred records. The replica opens in milliseconds; the store
//! stays the truth and every write goes through it.

use super::{Decision, Link, Store, Verdict};
use crate::error::Result;
use crate::model::{Kind, Record};

/// Read access to the records, their secondary indexes and the identity decisions.
///
/// Both implementations return the same answers at the same generation, in the
/// same order (ids in byte order), which `tests/replica.rs` checks record by record.
pub trait Records: Sync {
    /// The record with this id, if it exists.
    fn get(&self, id: &str) -> Result<Option<Record>>;

    /// The kind of the record with this id, if it exists.
    fn kind_of(&self, id: &str) -> Result<Option<Kind>>;

    /// The record `id` if it is of `kind`.
    fn get_kind(&self, kind: Kind, id: &str) -> Result<Option<Record>>;

    /// The fact ids linked to `owner` through a secondary index, in id order.
    fn linked(&self, link: Link, owner: &str) -> Result<Vec<String>>;

    /// The facts linked to `owner`, in id order.
    fn linked_records(&self, link: Link, owner: &str) -> Result<Vec<Record>>;

    /// Every record of one kind, in id order.
    fn of_kind(&self, kind: Kind) -> Box<dyn Iterator<Item = Result<Record>> + '_>;

    /// The effective decisions about `x`: (the other record, verdict, seq), in id order.
    fn identity_links(&self, x: &str) -> Result<Vec<(String, Verdict, u64)>>;

    /// The decision recorded as `seq`. The replica holds effective decisions only,
    /// which are the ones [`Records::identity_links`] names.
    fn decision(&self, seq: u64) -> Result<Option<Decision>>;

    /// Identity decisions in seq order, for working out every person at once
    /// ([`crate::identity::clusters`]): the store gives its whole log, the replica
    /// each pair's effective decision only, which replays to the same people.
    fn identity_log(&self) -> Box<dyn Iterator<Item = Result<(u64, Decision)>> + '_>;

    /// How many records of each kind, in [`Kind::ALL`] order.
    fn counts(&self) -> Result<[usize; Kind::ALL.len()]>;

    /// The store generation these records are at.
    fn generation(&self) -> Result<u64>;

    /// The label of the last import applied (`import a.jsonl`), if any.
    fn last_import(&self) -> Result<Option<String>>;
}

impl Records for Store {
    fn get(&self, id: &str) -> Result<Option<Record>> {
        Store::get(self, id)
    }
    fn kind_of(&self, id: &str) -> Result<Option<Kind>> {
        Store::kind_of(self, id)
    }
    fn get_kind(&self, kind: Kind, id: &str) -> Result<Option<Record>> {
        Store::get_kind(self, kind, id)
    }
    fn linked(&self, link: Link, owner: &str) -> Result<Vec<String>> {
        Store::linked(self, link, owner)
    }
    fn linked_records(&self, link: Link, owner: &str) -> Result<Vec<Record>> {
        Store::linked_records(self, link, owner)
    }
    fn of_kind(&self, kind: Kind) -> Box<dyn Iterator<Item = Result<Record>> + '_> {
        Box::new(Store::iter(self, kind))
    }
    fn identity_links(&self, x: &str) -> Result<Vec<(String, Verdict, u64)>> {
        Store::identity_links(self, x)
    }
    fn decision(&self, seq: u64) -> Result<Option<Decision>> {
        Store::decision(self, seq)
    }
    fn identity_log(&self) -> Box<dyn Iterator<Item = Result<(u64, Decision)>> + '_> {
        Box::new(Store::decisions(self))
    }
    fn counts(&self) -> Result<[usize; Kind::ALL.len()]> {
        Ok(Store::counts(self))
    }
    fn generation(&self) -> Result<u64> {
        Store::generation(self)
    }
    fn last_import(&self) -> Result<Option<String>> {
        Store::last_import(self)
    }
}
