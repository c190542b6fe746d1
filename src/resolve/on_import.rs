//! Resolution as part of an import: the person records an import touches are linked
//! to the others (shared identifiers, then the probabilistic linker) so that a new
//! dataset's politicians join their people at once, without a separate `resolve`.
//!
//! Two paths, by what the store already holds:
//! - a home holding few people (a new home: the seed) is resolved *before* the import
//!   is written, from the import's own records and the few stored ones, and the
//!   decisions land in the same write as the records — one generation, no reading
//!   back of a million records;
//! - otherwise, after the import is written, every person's facts are read from the
//!   store and only the blocks holding a touched record are scored (see
//!   [`super::Resolver::resolve`]); the decisions are a second write.
//!
//! Either way a person's decisions win (the clustering is seeded with them) and
//! nothing here touches a record.

use super::{exact, facts::Facts, Resolver};
use crate::error::Result;
use crate::model::{Kind, Record};
use crate::store::{Change, Decision, Store, Verdict};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// A store holding at most this many person records (beyond the import's) is
/// resolved from memory before the import is written.
pub const SMALL_STORE: usize = 5_000;

/// What resolving an import's records decided.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Linked {
    /// New `same` decisions from shared identifiers, and from the probabilistic linker.
    pub exact: usize,
    pub resolver: usize,
    #[serde(skip)]
    pub decisions: Vec<Decision>,
}

impl Linked {
    pub fn is_empty(&self) -> bool {
        self.exact == 0 && self.resolver == 0
    }

    fn of(exact: Vec<Decision>, resolver: Vec<Decision>) -> Linked {
        let (e, r) = (exact.len(), resolver.len());
        let mut decisions = exact;
        decisions.extend(resolver);
        Linked {
            exact: e,
            resolver: r,
            decisions,
        }
    }
}

fn touched_persons(changes: &[Change]) -> Vec<&str> {
    changes
        .iter()
        .filter(|c| c.record.kind() == Kind::Person)
        .map(|c| c.record.id())
        .collect()
}

fn identifiers(r: &Record) -> Option<(String, BTreeMap<String, String>)> {
    let Record::Person(p) = r else { return None };
    let ids: BTreeMap<String, String> = p
        .identifiers
        .iter()
        .filter(|(k, _)| exact::SCHEMES.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    (!ids.is_empty()).then(|| (p.id.clone(), ids))
}

fn pairs(decisions: &[Decision]) -> impl Iterator<Item = (String, String, Verdict)> + '_ {
    decisions
        .iter()
        .map(|d| (d.a.clone(), d.b.clone(), d.decision))
}

/// Resolves the import `changes` (with its own link lines `decided`) against a store
/// that does not hold it yet, when the store holds few people; `None` when it holds
/// too many for that (then [`after_write`]).
pub fn before_write(
    store: &Store,
    changes: &[Change],
    decided: &[Decision],
    at: u64,
) -> Result<Option<Linked>> {
    let touched = touched_persons(changes);
    if touched.is_empty() {
        return Ok(Some(Linked::default()));
    }
    if store.count(Kind::Person) > SMALL_STORE {
        return Ok(None);
    }
    let changed: HashSet<&str> = changes.iter().map(|c| c.record.id()).collect();
    let mut stored = Vec::new();
    for r in store.iter_all() {
        let r = r?;
        if !changed.contains(r.id()) {
            stored.push(r);
        }
    }
    let records = || stored.iter().chain(changes.iter().map(|c| &c.record));
    let mut known: Vec<(String, String, Verdict)> = store.identity_pairs()?;
    known.extend(pairs(decided));
    let exact = exact::link(records().filter_map(identifiers), &known, at);
    crate::kb::timing("resolver: exact links of the import");
    known.extend(pairs(&exact.decisions));
    let mut resolver = Resolver::new(Facts::from_records(records(), &[]));
    let only = mask(&resolver, &touched);
    let resolution = resolver.resolve(Some(&only), &known, at).0;
    crate::kb::timing("resolver: the import's records scored and clustered");
    Ok(Some(Linked::of(exact.decisions, resolution.decisions)))
}

/// Resolves the person records `changes` touched once the store holds them.
pub fn after_write(store: &Store, changes: &[Change], at: u64) -> Result<Linked> {
    let touched = touched_persons(changes);
    if touched.is_empty() {
        return Ok(Linked::default());
    }
    let exact = exact::exact(store, at)?;
    crate::kb::timing("resolver: exact links");
    let mut resolver = Resolver::from_store(store)?;
    crate::kb::timing("resolver: facts gathered");
    let mut known = store.identity_pairs()?;
    known.extend(pairs(&exact.decisions));
    let only = mask(&resolver, &touched);
    let resolution = resolver.resolve(Some(&only), &known, at).0;
    crate::kb::timing("resolver: the import's records scored and clustered");
    Ok(Linked::of(exact.decisions, resolution.decisions))
}

fn mask(resolver: &Resolver, touched: &[&str]) -> Vec<bool> {
    let mut only = vec![false; resolver.facts.people.len()];
    for id in touched {
        if let Some(x) = resolver.facts.find(id) {
            only[x as usize] = true;
        }
    }
    only
}
