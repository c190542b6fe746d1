//! Person resolution: which person records are one politician (issue 11). The
//! resolver only proposes links as identity decisions (see [`crate::store::identity`]);
//! a person's own decisions always win over it.
//!
//! - [`exact`]: links from identifiers two records share (TCPD's pid, Wikidata…);
//! - the probabilistic linker, Fellegi–Sunter style, for everything else:
//!   [`facts`] (what is compared, gathered in one pass), [`block`] (which pairs are
//!   compared), [`compare`] (each comparison's level, and the hard cannot-links),
//!   [`weights`] (m and u per level, estimated from TCPD's labelled pairs),
//!   [`cluster`] (strongest pairs first, never across a cannot-link or a decision);
//!   [`Resolver`] is its face: scoring a pair with its evidence, candidates for the
//!   review queue, and the decisions of a whole run or of an import's records;
//! - [`eval`]: pairwise and B-cubed scores of a clustering against a truth.

pub mod block;
pub mod cluster;
pub mod compare;
pub mod eval;
pub mod exact;
pub mod facts;
pub mod on_import;
pub mod weights;

pub use exact::{exact, link, Outcome, SchemeStats, SCHEMES};

use crate::error::Result;
use crate::store::{Decision, Store, Verdict};
use block::Blocks;
use compare::{Levels, COMPARISONS};
use facts::Facts;
use serde::Serialize;
use weights::Model;

/// Weight reported for a pair that can never be one person (a cannot-link).
pub const CANNOT_LINK: f64 = -1000.0;

/// One comparison's say about a pair.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    pub comparison: String,
    pub level: String,
    /// Bits: positive for, negative against.
    pub weight: f64,
}

/// A pair of person records with its match weight and the evidence for and against.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scored {
    pub a: String,
    pub b: String,
    /// The match weight in bits, the prior included; [`CANNOT_LINK`] for a pair
    /// that can never be one person.
    pub weight: f64,
    pub probability: f64,
    pub evidence: Vec<Evidence>,
}

/// What a probabilistic run did, and the decisions to write.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Resolution {
    #[serde(skip)]
    pub decisions: Vec<Decision>,
    #[serde(flatten)]
    pub stats: cluster::Stats,
    /// The threshold used, in bits.
    pub threshold: f64,
}

/// The probabilistic linker over a set of person records.
pub struct Resolver {
    pub facts: Facts,
    pub blocks: Blocks,
    pub model: Model,
    /// Each name's frequency in records, as gathered: every [`Resolver::resolve`]
    /// starts from it (its second pass counts people instead).
    record_counts: std::collections::HashMap<facts::Sym, u32>,
}

impl Resolver {
    /// A resolver over `facts` with the bundled weights.
    pub fn new(facts: Facts) -> Resolver {
        Resolver::with_model(facts, Model::bundled())
    }

    pub fn with_model(facts: Facts, model: Model) -> Resolver {
        let blocks = block::build(&facts);
        Resolver {
            record_counts: facts.name_counts.clone(),
            facts,
            blocks,
            model,
        }
    }

    /// A resolver over every person record of `store`.
    pub fn from_store(store: &Store) -> Result<Resolver> {
        Ok(Resolver::new(Facts::from_store(store)?))
    }

    fn scored(&self, x: u32, y: u32) -> Scored {
        let (a, b) = (&self.facts.ids[x as usize], &self.facts.ids[y as usize]);
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        let (px, py) = (
            &self.facts.people[x as usize],
            &self.facts.people[y as usize],
        );
        if let Some(why) = compare::cannot_link(px, py) {
            return Scored {
                a: a.clone(),
                b: b.clone(),
                weight: CANNOT_LINK,
                probability: 0.0,
                evidence: vec![Evidence {
                    comparison: "cannot link".into(),
                    level: why.describe().into(),
                    weight: CANNOT_LINK,
                }],
            };
        }
        let levels = compare::levels(&self.facts, x, y);
        let weight = self.model.weight(&levels);
        let mut evidence = vec![Evidence {
            comparison: "prior".into(),
            level: "share of compared pairs that match".into(),
            weight: self.model.prior_bits,
        }];
        for (c, &l) in levels.iter().enumerate() {
            let (name, names) = COMPARISONS[c];
            evidence.push(Evidence {
                comparison: name.into(),
                level: names[l as usize].into(),
                weight: self.model.bits[c][l as usize],
            });
        }
        Scored {
            a: a.clone(),
            b: b.clone(),
            weight,
            probability: weights::probability(weight),
            evidence,
        }
    }

    /// The pair `a`, `b` scored, whether or not blocking would compare them; `None`
    /// when either is not a person record or they are one record.
    pub fn score(&self, a: &str, b: &str) -> Option<Scored> {
        let (x, y) = (self.facts.find(a)?, self.facts.find(b)?);
        (x != y).then(|| self.scored(x, y))
    }

    /// Every pair blocking compares that holds one of `ids`, scored, best first
    /// (cannot-links left out), each pair once.
    pub fn candidates_for(&self, ids: &[String]) -> Vec<Scored> {
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for id in ids {
            let Some(x) = self.facts.find(id) else {
                continue;
            };
            for &b in &self.blocks.of[x as usize] {
                for &y in &self.blocks.blocks[b as usize] {
                    if y != x {
                        pairs.push((x.min(y), x.max(y)));
                    }
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut out: Vec<Scored> = pairs
            .into_iter()
            .map(|(x, y)| self.scored(x, y))
            .filter(|s| s.weight > CANNOT_LINK)
            .collect();
        out.sort_by(|p, q| {
            q.weight
                .total_cmp(&p.weight)
                .then_with(|| (&p.a, &p.b).cmp(&(&q.a, &q.b)))
        });
        out
    }

    /// The compared pairs whose weight passes the threshold, and how many pairs
    /// were compared. With `only`, just pairs holding a record it marks. Blocks are
    /// scored on two threads.
    pub fn pairs_above(&self, only: Option<&[bool]>) -> (Vec<cluster::Pair>, u64) {
        let threshold = self.model.weights.threshold;
        let blocks = &self.blocks;
        let work = |part: usize, parts: usize| {
            let mut out = Vec::new();
            let mut compared = 0u64;
            for (b, block) in blocks.blocks.iter().enumerate().skip(part).step_by(parts) {
                if let Some(only) = only {
                    if !block.iter().any(|&x| only[x as usize]) {
                        continue;
                    }
                }
                for (i, &x) in block.iter().enumerate() {
                    for &y in &block[i + 1..] {
                        if let Some(only) = only {
                            if !only[x as usize] && !only[y as usize] {
                                continue;
                            }
                        }
                        if blocks.first_shared(x, y) != Some(b as u32) {
                            continue;
                        }
                        let (px, py) = (
                            &self.facts.people[x as usize],
                            &self.facts.people[y as usize],
                        );
                        if compare::cannot_link(px, py).is_some() {
                            continue;
                        }
                        compared += 1;
                        let levels: Levels = compare::levels(&self.facts, x, y);
                        let w = self.model.weight(&levels);
                        if w >= threshold {
                            out.push((w, x, y, levels));
                        }
                    }
                }
            }
            (out, compared)
        };
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 2);
        if threads == 1 {
            return work(0, 1);
        }
        std::thread::scope(|s| {
            let other = s.spawn(|| work(1, 2));
            let (mut out, mut compared) = work(0, 2);
            let (more, n) = other.join().expect("a scoring thread does not panic");
            out.extend(more);
            compared += n;
            (out, compared)
        })
    }

    /// Clusters the pairs above the threshold (all, or those holding a record
    /// `only` marks) given the effective `decisions`; new decisions stamped `at`.
    ///
    /// Two passes. How rare a name is was counted in records; but a politician's
    /// own twenty contests make his name look common, so the pairs that would join
    /// his records from other datasets (a cabinet post, a chief ministership) score
    /// low. After the first pass a name's frequency is counted in the people it
    /// found (Splink's term frequencies are best taken on deduplicated data), and
    /// the pairs are scored and clustered again, the first pass's links seeded.
    pub fn resolve(
        &mut self,
        only: Option<&[bool]>,
        decisions: &[(String, String, Verdict)],
        at: u64,
    ) -> (Resolution, cluster::Clusters) {
        self.facts.name_counts = self.record_counts.clone();
        let (pairs, compared) = self.pairs_above(only);
        let (mut first, stats, mut clusters) =
            cluster::cluster(&self.facts, &self.model, pairs, decisions, at);
        self.count_names_by_person(&clusters.labels());
        let mut known = decisions.to_vec();
        known.extend(first.iter().map(|d| (d.a.clone(), d.b.clone(), d.decision)));
        let (pairs, _) = self.pairs_above(only);
        let (second, mut last, again) =
            cluster::cluster(&self.facts, &self.model, pairs, &known, at);
        first.extend(second);
        last.links = first.len();
        last.compared = compared;
        last.records = stats.records;
        clusters = again;
        (
            Resolution {
                decisions: first,
                stats: last,
                threshold: self.model.weights.threshold,
            },
            clusters,
        )
    }

    /// Counts each name (its cross-script key) once per person of `labels` (a
    /// cluster label per record) rather than once per record.
    fn count_names_by_person(&mut self, labels: &[u32]) {
        let mut seen: Vec<(facts::Sym, u32)> = Vec::new();
        for (p, &label) in self.facts.people.iter().zip(labels) {
            for n in &p.names {
                seen.push((n.joined, label));
            }
        }
        seen.sort_unstable();
        seen.dedup();
        let mut counts: std::collections::HashMap<facts::Sym, u32> =
            std::collections::HashMap::with_capacity(self.facts.name_counts.len());
        for (joined, _) in seen {
            *counts.entry(joined).or_default() += 1;
        }
        self.facts.name_counts = counts;
    }
}

/// What `netakosh resolve` did: exact links, then probabilistic ones.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Both {
    #[serde(flatten)]
    pub exact: Outcome,
    pub probabilistic: Resolution,
}

/// The probabilistic links of every person record of `store`, given its effective
/// decisions and `extra` ones not yet written (the exact linker's of this run).
pub fn probabilistic(store: &Store, extra: &[Decision], at: u64) -> Result<Resolution> {
    let facts = Facts::from_store(store)?;
    crate::kb::timing("resolver: facts gathered");
    let mut resolver = Resolver::new(facts);
    crate::kb::timing("resolver: blocks built");
    let mut decisions = store.identity_pairs()?;
    decisions.extend(extra.iter().map(|d| (d.a.clone(), d.b.clone(), d.decision)));
    let out = resolver.resolve(None, &decisions, at).0;
    crate::kb::timing("resolver: pairs scored and clustered");
    Ok(out)
}

/// The probabilistic links an import's `touched` person records take part in: only
/// the blocks holding one of them are scored.
pub fn incremental(store: &Store, touched: &[String], at: u64) -> Result<Resolution> {
    let mut resolver = Resolver::from_store(store)?;
    let mut only = vec![false; resolver.facts.people.len()];
    for id in touched {
        if let Some(x) = resolver.facts.find(id) {
            only[x as usize] = true;
        }
    }
    let decisions = store.identity_pairs()?;
    Ok(resolver.resolve(Some(&only), &decisions, at).0)
}
