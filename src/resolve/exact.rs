//! Exact links: person records that share a value of an identifier scheme are one
//! person; two records with *different* values of one scheme are two people (a
//! cannot-link). Clustering is a union-find over the records that carry an
//! identifier, seeded with the identity tree's `same` decisions; a union is
//! refused when the two groups' identifiers conflict in any scheme, or when a
//! `not_same` decision (a person's) joins a member of one to a member of the other.
//! Cannot-links are never listed as pairs: they are checked at each union.
//!
//! The output is a spanning set of new `same` decisions (a group of n records
//! gets at most n − 1, each between two records that share the value named in its
//! `why`), in a deterministic order: schemes in [`SCHEMES`] order, values sorted,
//! records in id order.

use crate::disjoint::DisjointSets;
use crate::error::Result;
use crate::model::{Kind, Record};
use crate::store::{Decision, Store, Verdict};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The identifier schemes that name one person wherever they appear, in the order
/// they are linked, with why each is trusted (and which others are not):
/// - `tcpd_pid`: TCPD's person id across Lok Dhaba elections (one record per
///   candidacy carries it; TCPD built it to follow a candidate across elections);
/// - `tcpd_ias`: TCPD's IAS officer id (the seed's and the IAS importer's);
/// - `wikidata`: a Wikidata item is one person (Popolo's Lok Sabha members);
/// - `everypolitician`, `everypolitician_legacy`: EveryPolitician's person id and
///   its older numeric Lok Sabha member id, which Popolo files of other terms repeat.
///
/// Not `tcpd_cm`: TCPD numbers chief ministers within a state, so one value names
/// different people in different states.
pub const SCHEMES: [&str; 5] = [
    "tcpd_pid",
    "tcpd_ias",
    "wikidata",
    "everypolitician",
    "everypolitician_legacy",
];

/// What linking did with one scheme.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SchemeStats {
    pub scheme: String,
    /// Records carrying the scheme.
    pub records: usize,
    /// Values shared by two records or more.
    pub shared_values: usize,
    /// New `same` decisions.
    pub links: usize,
    /// Records left apart from others sharing their value: their groups conflict
    /// in another scheme, or a person decided they are not the same.
    pub blocked_by_conflict: usize,
    pub blocked_by_decision: usize,
}

/// The result of exact linking: the decisions to write and what they amount to.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Outcome {
    #[serde(skip)]
    pub decisions: Vec<Decision>,
    /// Records with an identifier of [`SCHEMES`], or in a decision.
    pub records: usize,
    /// Groups of two records or more after linking (with earlier `same` decisions).
    pub groups: usize,
    pub links: usize,
    pub schemes: Vec<SchemeStats>,
}

/// A record's identifiers: (scheme index, interned value).
type Ids = Vec<(u8, u32)>;

#[derive(Clone, Copy)]
enum Refusal {
    Conflict,
    Decision,
}

struct Clusters {
    sets: DisjointSets,
    /// At each root: the identifiers of its members (one value per scheme unless a
    /// person merged records that disagree).
    ids: Vec<Ids>,
    /// At each root: the records its members were decided `not_same` with.
    apart: HashMap<u32, Vec<u32>>,
}

impl Clusters {
    fn find(&mut self, x: u32) -> u32 {
        self.sets.find(x)
    }

    fn refusal(&mut self, ra: u32, rb: u32) -> Option<Refusal> {
        for (r, other) in [(ra, rb), (rb, ra)] {
            // Taken out while `find` compresses paths, then put back.
            let apart = self.apart.remove(&r).unwrap_or_default();
            let kept_apart = apart.iter().any(|&x| self.find(x) == other);
            if !apart.is_empty() {
                self.apart.insert(r, apart);
            }
            if kept_apart {
                return Some(Refusal::Decision);
            }
        }
        let (a, b) = (&self.ids[ra as usize], &self.ids[rb as usize]);
        let conflict = a
            .iter()
            .any(|&(s, v)| b.iter().any(|&(t, w)| s == t && v != w));
        conflict.then_some(Refusal::Conflict)
    }

    fn union(&mut self, ra: u32, rb: u32) {
        let (big, small) = self.sets.join(ra, rb);
        let moved = std::mem::take(&mut self.ids[small as usize]);
        let ids = &mut self.ids[big as usize];
        for x in moved {
            if !ids.contains(&x) {
                ids.push(x);
            }
        }
        if let Some(apart) = self.apart.remove(&small) {
            self.apart.entry(big).or_default().extend(apart);
        }
    }
}

/// Links `persons` (id and identifiers, any schemes; others are ignored) given the
/// identity tree's effective `decisions`; new decisions are stamped `at`.
pub fn link(
    persons: impl IntoIterator<Item = (String, BTreeMap<String, String>)>,
    decisions: &[(String, String, Verdict)],
    at: u64,
) -> Outcome {
    let mut values: Vec<HashMap<String, u32>> = vec![HashMap::new(); SCHEMES.len()];
    let mut names: Vec<Vec<String>> = vec![Vec::new(); SCHEMES.len()];
    let mut nodes: Vec<(String, Ids)> = Vec::new();
    for (id, identifiers) in persons {
        let mut ids = Ids::new();
        for (s, scheme) in SCHEMES.iter().enumerate() {
            if let Some(v) = identifiers.get(*scheme) {
                let next = names[s].len() as u32;
                let n = *values[s].entry(v.clone()).or_insert(next);
                if n == next {
                    names[s].push(v.clone());
                }
                ids.push((s as u8, n));
            }
        }
        if !ids.is_empty() {
            nodes.push((id, ids));
        }
    }
    drop(values);
    // Records in a decision take part even without an identifier: a `same` link
    // through them joins groups, a `not_same` keeps groups apart.
    let decided: BTreeSet<&String> = decisions.iter().flat_map(|(a, b, _)| [a, b]).collect();
    nodes.extend(decided.into_iter().map(|id| (id.clone(), Ids::new())));
    // Identifiers first, so dedup keeps a record's identifiers.
    nodes.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.len().cmp(&x.1.len())));
    nodes.dedup_by(|later, first| later.0 == first.0);
    let n = nodes.len();
    let (ids, node_ids): (Vec<String>, Vec<Ids>) = nodes.into_iter().unzip();
    let index = |id: &str| {
        ids.binary_search_by(|x| x.as_str().cmp(id))
            .expect("every decided record is a node") as u32
    };
    // Per scheme, (value, record) pairs sorted so that records of one value are
    // adjacent, values in text order and records in id order.
    let carried: Vec<Vec<(u32, u32)>> = (0..SCHEMES.len())
        .map(|s| {
            let mut list: Vec<(u32, u32)> = node_ids
                .iter()
                .enumerate()
                .filter_map(|(i, nid)| {
                    nid.iter()
                        .find(|(t, _)| *t as usize == s)
                        .map(|&(_, v)| (v, i as u32))
                })
                .collect();
            let text = &names[s];
            list.sort_by(|x, y| {
                text[x.0 as usize]
                    .cmp(&text[y.0 as usize])
                    .then(x.1.cmp(&y.1))
            });
            list
        })
        .collect();
    let mut c = Clusters {
        sets: DisjointSets::new(n),
        ids: node_ids,
        apart: HashMap::new(),
    };
    for (a, b, verdict) in decisions {
        if *verdict == Verdict::Same {
            let (ra, rb) = (c.find(index(a)), c.find(index(b)));
            if ra != rb {
                c.union(ra, rb);
            }
        }
    }
    for (a, b, verdict) in decisions {
        if *verdict == Verdict::NotSame {
            let (x, y) = (index(a), index(b));
            let (rx, ry) = (c.find(x), c.find(y));
            c.apart.entry(rx).or_default().push(y);
            c.apart.entry(ry).or_default().push(x);
        }
    }

    let mut out = Outcome {
        records: n,
        ..Outcome::default()
    };
    for (s, scheme) in SCHEMES.iter().enumerate() {
        let mut stats = SchemeStats {
            scheme: scheme.to_string(),
            ..SchemeStats::default()
        };
        stats.records = carried[s].len();
        let text = &names[s];
        for bucket in carried[s].chunk_by(|x, y| x.0 == y.0) {
            if bucket.len() < 2 {
                continue;
            }
            stats.shared_values += 1;
            let value = &text[bucket[0].0 as usize];
            let mut anchors = vec![bucket[0].1];
            for &(_, x) in &bucket[1..] {
                let rx = c.find(x);
                let roots: Vec<u32> = anchors.iter().map(|&a| c.find(a)).collect();
                if roots.contains(&rx) {
                    continue; // already one person
                }
                let mut first_refusal = None;
                let mut joined = false;
                for (&a, &ra) in anchors.iter().zip(&roots) {
                    match c.refusal(ra, rx) {
                        None => {
                            c.union(ra, rx);
                            out.decisions.push(Decision::new(
                                &ids[x as usize],
                                &ids[a as usize],
                                Verdict::Same,
                                &format!("exact:{scheme}"),
                                at,
                                &format!("{scheme} {value}"),
                            ));
                            stats.links += 1;
                            joined = true;
                            break;
                        }
                        Some(r) => {
                            first_refusal.get_or_insert(r);
                        }
                    }
                }
                if !joined {
                    anchors.push(x);
                    match first_refusal {
                        Some(Refusal::Conflict) => stats.blocked_by_conflict += 1,
                        Some(Refusal::Decision) => stats.blocked_by_decision += 1,
                        None => unreachable!("a record not joined was refused"),
                    }
                }
            }
        }
        out.links += stats.links;
        out.schemes.push(stats);
    }
    out.groups = c.sets.groups();
    out
}

/// Links every person record of `store` (see [`link`]), reading only ids and
/// identifiers while streaming the records.
pub fn exact(store: &Store, at: u64) -> Result<Outcome> {
    let mut persons = Vec::new();
    for record in store.iter(Kind::Person) {
        if let Record::Person(p) = record? {
            let ids: BTreeMap<String, String> = p
                .identifiers
                .into_iter()
                .filter(|(k, _)| SCHEMES.contains(&k.as_str()))
                .collect();
            if !ids.is_empty() {
                persons.push((p.id, ids));
            }
        }
    }
    Ok(link(persons, &store.identity_pairs()?, at))
}

#[cfg(test)]
#[path = "exact_tests.rs"]
mod tests;
