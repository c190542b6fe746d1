//! The identity tree: decisions that two person records are, or are not, the same
//! person. They live apart from the records, so that no import of either record's
//! dataset can erase or half-erase them, and no `revert` of a record touches them.
//!
//! Layout (two sled trees, written by [`Store::apply_all`] in the same transaction or
//! final step as an import's records, so a decision lands with its generation):
//! - `identity`: seq (u64, big-endian, from 1) → a [`Decision`] as JSON. Append-only:
//!   a decision is never changed or removed; a later one about the same pair
//!   supersedes it (`unmerge` records `not_same` after a `same`). This is the truth.
//! - `identity_by_person`: `x \0 y`, for both orders of each pair → the verdict (one
//!   byte) and the seq (u64, big-endian) of the pair's effective decision. Derived
//!   from the log: `check` verifies it and `--repair` rebuilds it.
//!
//! A pair's *effective* decision is its latest decision made by a person (`by` is
//! `user`, `migrated` or `import …`, see [`crate::identity::is_persons`]) if there is
//! one, otherwise its latest machine decision (`exact:*`, `resolver`): a linker run
//! after a person's `different` logs what it thinks, but never overrides the person.
//!
//! A person is a constrained clustering of the `same` decisions that never joins a
//! `not_same` pair (see [`crate::identity::person_of`]).

use super::{Result, Store};
use crate::error::Error;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

pub(super) const LOG_TREE: &str = "identity";
pub(super) const INDEX_TREE: &str = "identity_by_person";

/// What a decision says about a pair of person records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The same person: their profiles are one.
    Same,
    /// Not the same person (a cannot-link): never linked automatically.
    NotSame,
}

impl Verdict {
    fn byte(self) -> u8 {
        match self {
            Verdict::Same => 1,
            Verdict::NotSame => 2,
        }
    }

    fn from_byte(b: u8) -> Option<Verdict> {
        match b {
            1 => Some(Verdict::Same),
            2 => Some(Verdict::NotSame),
            _ => None,
        }
    }
}

/// One decision about a pair of person records: who made it, when and why.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The pair, `a` before `b` in id order (a decision about a pair has no direction).
    pub a: String,
    pub b: String,
    pub decision: Verdict,
    /// Who decided: a person (`user`: `same`, `different`, `merge`, `unmerge`;
    /// `migrated`; `import FILE`: a hand-written link line) or a machine
    /// (`exact:<scheme>`, `resolver`). See [`crate::identity::is_persons`].
    pub by: String,
    /// Unix seconds.
    pub at: u64,
    /// Why, in the decider's words or as evidence.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
}

impl Decision {
    /// A decision about `x` and `y`, in either order.
    pub fn new(x: &str, y: &str, decision: Verdict, by: &str, at: u64, why: &str) -> Decision {
        let (a, b) = if x <= y { (x, y) } else { (y, x) };
        Decision {
            a: a.to_string(),
            b: b.to_string(),
            decision,
            by: by.to_string(),
            at,
            why: why.to_string(),
        }
    }
}

/// The `identity_by_person` key of `x`'s entry for `y`.
pub(super) fn pair_key(x: &str, y: &str) -> Vec<u8> {
    super::link_key(x, y)
}

pub(super) fn index_value(verdict: Verdict, seq: u64) -> Vec<u8> {
    let mut v = vec![verdict.byte()];
    v.extend_from_slice(&seq.to_be_bytes());
    v
}

fn parse_index_value(v: &[u8]) -> Option<(Verdict, u64)> {
    let verdict = Verdict::from_byte(*v.first()?)?;
    let seq = <[u8; 8]>::try_from(v.get(1..)?).ok()?;
    Some((verdict, u64::from_be_bytes(seq)))
}

fn corrupt(subject: String, message: String) -> Error {
    Error::Corrupt {
        id: subject,
        message,
    }
}

impl Store {
    /// Every decision ever recorded, oldest first, with its seq.
    pub fn decisions(&self) -> impl Iterator<Item = Result<(u64, Decision)>> + '_ {
        self.identity.iter().map(|item| {
            let (k, v) = item?;
            let seq = <[u8; 8]>::try_from(k.as_ref())
                .map(u64::from_be_bytes)
                .map_err(|_| corrupt("identity".into(), "a malformed seq".into()))?;
            let d = serde_json::from_slice(&v)
                .map_err(|e| corrupt(format!("identity {seq}"), format!("decision: {e}")))?;
            Ok((seq, d))
        })
    }

    /// The decision recorded as `seq`.
    pub fn decision(&self, seq: u64) -> Result<Option<Decision>> {
        self.identity
            .get(seq.to_be_bytes())?
            .map(|v| {
                serde_json::from_slice(&v)
                    .map_err(|e| corrupt(format!("identity {seq}"), format!("decision: {e}")))
            })
            .transpose()
    }

    /// The effective decision about `x` and `y`, if any.
    pub fn current_decision(&self, x: &str, y: &str) -> Result<Option<(u64, Decision)>> {
        let Some(v) = self.identity_index.get(pair_key(x, y))? else {
            return Ok(None);
        };
        let (_, seq) = parse_index_value(&v).ok_or_else(|| {
            corrupt(
                format!("identity_by_person {x} → {y}"),
                "malformed entry".into(),
            )
        })?;
        Ok(self.decision(seq)?.map(|d| (seq, d)))
    }

    /// The effective decisions about `x`: (the other record, verdict, seq), in id order.
    pub fn identity_links(&self, x: &str) -> Result<Vec<(String, Verdict, u64)>> {
        let mut prefix = x.as_bytes().to_vec();
        prefix.push(0);
        let mut out = Vec::new();
        for item in self.identity_index.scan_prefix(&prefix) {
            let (k, v) = item?;
            let other = String::from_utf8_lossy(&k[prefix.len()..]).into_owned();
            let (verdict, seq) = parse_index_value(&v).ok_or_else(|| {
                corrupt(
                    format!("identity_by_person {x} → {other}"),
                    "malformed entry".into(),
                )
            })?;
            out.push((other, verdict, seq));
        }
        Ok(out)
    }

    /// Every pair with an effective decision, once each (`a` < `b`), with its verdict.
    pub fn identity_pairs(&self) -> Result<Vec<(String, String, Verdict)>> {
        let mut out = Vec::new();
        for item in self.identity_index.iter() {
            let (k, v) = item?;
            let Some(at) = k.iter().position(|&b| b == 0) else {
                continue; // reported by `check`
            };
            let (a, b) = (&k[..at], &k[at + 1..]);
            if a < b {
                if let Some((verdict, _)) = parse_index_value(&v) {
                    out.push((
                        String::from_utf8_lossy(a).into_owned(),
                        String::from_utf8_lossy(b).into_owned(),
                        verdict,
                    ));
                }
            }
        }
        Ok(out)
    }

    /// The seq the next decision gets.
    pub(super) fn next_seq(&self) -> Result<u64> {
        Ok(match self.identity.last()? {
            Some((k, _)) => <[u8; 8]>::try_from(k.as_ref()).map_or(0, u64::from_be_bytes) + 1,
            None => 1,
        })
    }

    /// Adds the writes of `decisions` (numbered from `first`) to the batches of a
    /// transaction over [`Store::all_trees`]: each in the log, and as its pair's
    /// effective decision unless it is a machine's and a person has decided the pair
    /// (see [`supersedes`]).
    pub(super) fn add_decisions(
        &self,
        decisions: &[Decision],
        first: u64,
        batches: &mut [sled::Batch],
    ) -> Result<()> {
        // Whether each pair decided in this batch now has a person's decision.
        let mut batch_persons: HashMap<(&str, &str), bool> = HashMap::new();
        for (i, d) in decisions.iter().enumerate() {
            let seq = first + i as u64;
            batches[super::IDENTITY_SLOT].insert(
                &seq.to_be_bytes(),
                serde_json::to_vec(d).expect("a decision always serializes"),
            );
            let persons = crate::identity::is_persons(&d.by);
            let pair = (d.a.as_str(), d.b.as_str());
            let had_persons = match batch_persons.get(&pair) {
                Some(&p) => p,
                // Only a machine's decision needs to know who decided before it.
                None if !persons => self
                    .current_decision(&d.a, &d.b)?
                    .is_some_and(|(_, c)| crate::identity::is_persons(&c.by)),
                None => false,
            };
            if !supersedes(had_persons, &d.by) {
                continue;
            }
            batch_persons.insert(pair, persons || had_persons);
            let value = index_value(d.decision, seq);
            batches[super::IDENTITY_INDEX_SLOT].insert(pair_key(&d.a, &d.b), value.clone());
            batches[super::IDENTITY_INDEX_SLOT].insert(pair_key(&d.b, &d.a), value);
        }
        Ok(())
    }

    /// The `identity_by_person` entries the log implies: key → value.
    pub(super) fn replay_identity(&self) -> Result<BTreeMap<Vec<u8>, Vec<u8>>> {
        let mut persons: HashMap<(String, String), bool> = HashMap::new();
        let mut out = BTreeMap::new();
        for item in self.decisions() {
            let Ok((seq, d)) = item else {
                continue; // reported by `check`
            };
            let had = persons.entry((d.a.clone(), d.b.clone())).or_insert(false);
            if !supersedes(*had, &d.by) {
                continue;
            }
            *had |= crate::identity::is_persons(&d.by);
            let value = index_value(d.decision, seq);
            out.insert(pair_key(&d.a, &d.b), value.clone());
            out.insert(pair_key(&d.b, &d.a), value);
        }
        Ok(out)
    }
}

/// Whether a decision by `by` becomes its pair's effective decision, given whether
/// the pair's effective decision so far is a person's: a person's decision always
/// does (the latest person wins), a machine's only over another machine's.
pub fn supersedes(current_is_persons: bool, by: &str) -> bool {
    crate::identity::is_persons(by) || !current_is_persons
}
