//! The linker's weights: for each comparison level, m (how often a pair of one
//! person's records is at that level) and u (how often a pair of two people's is),
//! the match weight log2(m/u) in bits, the prior, the threshold a pair must pass
//! and the largest spread of birth-year estimates within one person. None is tuned
//! by hand: `weights.json` is written by `cargo run --release --example
//! resolve_eval -- --train`, which reads TCPD Lok Dhaba's assembly files of every
//! state except Uttar Pradesh, Bihar and the states cut from them (Uttarakhand,
//! Jharkhand), builds facts with TCPD's `pid` withheld, blocks them like the linker
//! does, and counts the levels of the blocked pairs, labelled by `pid` (the same
//! pid is a match). The evaluation then reports on Uttar Pradesh, Bihar and the
//! Lok Sabha, which training never saw.
//!
//! The threshold is the weight with the best F0.5 (precision weighted twice as much
//! as recall) over the training pairs; the birth spread is the 99.5th percentile of the spread
//! of birth-year estimates within a training pid.

use super::block;
use super::compare::{self, Levels, COMPARISONS, N};
use super::facts::Facts;
use serde::{Deserialize, Serialize};

/// A level's counts as trained.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Level {
    pub level: String,
    pub m: f64,
    pub u: f64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Comparison {
    pub name: String,
    pub levels: Vec<Level>,
}

/// What the weights were trained on.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Training {
    pub about: String,
    pub records: usize,
    pub pairs: u64,
    pub matches: u64,
}

/// The trained model, as `weights.json` holds it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Weights {
    pub training: Training,
    /// The share of blocked pairs that are matches.
    pub prior: f64,
    /// The weight in bits (prior included) a pair must reach to be linked.
    pub threshold: f64,
    /// The largest spread of birth-year estimates within one person.
    pub max_birth_spread: u16,
    pub comparisons: Vec<Comparison>,
}

/// The weights bundled with the program.
const BUNDLED: &str = include_str!("weights.json");

/// The weight of one race reported by two datasets under compatible names. Not
/// estimated: TCPD's pids come from one dataset, which never reports a race twice,
/// so no labelled pair reaches this level. It is a rule with the strength of a
/// shared identifier — enough to pass the threshold against every other comparison
/// (a different birth year or sex still keeps such a pair apart only when it outweighs
/// this, which takes several strong disagreements).
pub const SAME_CANDIDACY_BITS: f64 = 16.0;
const ELECTION: usize = 6;

/// Weights as a table of bits, ready to score.
#[derive(Clone, Debug)]
pub struct Model {
    pub weights: Weights,
    pub prior_bits: f64,
    pub bits: [[f64; 8]; N],
}

impl Model {
    pub fn bundled() -> Model {
        let w: Weights = serde_json::from_str(BUNDLED)
            .expect("the bundled weights.json is valid (a test reads it)");
        Model::new(w)
    }

    pub fn new(weights: Weights) -> Model {
        let mut bits = [[0.0; 8]; N];
        for (c, comp) in weights.comparisons.iter().enumerate().take(N) {
            for (l, level) in comp.levels.iter().enumerate().take(8) {
                bits[c][l] = if level.m > 0.0 && level.u > 0.0 {
                    (level.m / level.u).log2()
                } else {
                    0.0
                };
            }
        }
        bits[ELECTION][super::compare::SAME_CANDIDACY as usize] = SAME_CANDIDACY_BITS;
        let p = weights.prior.clamp(1e-12, 1.0 - 1e-12);
        Model {
            prior_bits: (p / (1.0 - p)).log2(),
            weights,
            bits,
        }
    }

    /// The match weight of a pair at `levels`, in bits.
    #[inline]
    pub fn weight(&self, levels: &Levels) -> f64 {
        let mut w = self.prior_bits;
        for (c, &l) in levels.iter().enumerate() {
            w += self.bits[c][l as usize];
        }
        w
    }
}

/// The probability a weight in bits stands for.
pub fn probability(bits: f64) -> f64 {
    let odds = bits.exp2();
    odds / (1.0 + odds)
}

/// Counts of levels among matches and non-matches.
#[derive(Clone, Debug)]
pub struct Counts {
    pub m: [[u64; 8]; N],
    pub u: [[u64; 8]; N],
    pub matches: u64,
    pub pairs: u64,
    /// Levels of every blocked pair and whether it is a match, to set the threshold.
    pub scored: Vec<(Levels, bool)>,
    /// Birth-year spread within each truth group that has two estimates.
    pub spreads: Vec<u16>,
    pub records: usize,
}

impl Default for Counts {
    fn default() -> Self {
        Counts {
            m: [[0; 8]; N],
            u: [[0; 8]; N],
            matches: 0,
            pairs: 0,
            scored: Vec::new(),
            spreads: Vec::new(),
            records: 0,
        }
    }
}

impl Counts {
    /// Adds the blocked pairs of one training set: `truth[i]` is record `i`'s label.
    pub fn add(&mut self, facts: &Facts, truth: &[Option<u32>]) {
        let blocks = block::build(facts);
        self.records += facts.people.len();
        for (b, block) in blocks.blocks.iter().enumerate() {
            for (i, &x) in block.iter().enumerate() {
                for &y in &block[i + 1..] {
                    if blocks.first_shared(x, y) != Some(b as u32) {
                        continue;
                    }
                    let (fx, fy) = (&facts.people[x as usize], &facts.people[y as usize]);
                    if compare::cannot_link(fx, fy).is_some() {
                        continue;
                    }
                    let (Some(tx), Some(ty)) = (truth[x as usize], truth[y as usize]) else {
                        continue;
                    };
                    let levels = compare::levels(facts, x, y);
                    let is_match = tx == ty;
                    let table = if is_match { &mut self.m } else { &mut self.u };
                    for (c, &l) in levels.iter().enumerate() {
                        table[c][l as usize] += 1;
                    }
                    self.pairs += 1;
                    self.matches += u64::from(is_match);
                    self.scored.push((levels, is_match));
                }
            }
        }
        // Birth spreads within truth groups.
        let mut groups: std::collections::HashMap<u32, (u16, u16)> = Default::default();
        for (i, p) in facts.people.iter().enumerate() {
            if let (Some(t), Some((lo, hi))) = (truth[i], p.birth) {
                let e = groups.entry(t).or_insert((u16::MAX, 0));
                // The spread is the gap between the latest low and the earliest high.
                e.0 = e.0.min(hi);
                e.1 = e.1.max(lo);
            }
        }
        self.spreads.extend(
            groups
                .values()
                .map(|&(min_hi, max_lo)| max_lo.saturating_sub(min_hi)),
        );
    }

    /// The weights these counts give (add-one smoothing), with the threshold of the
    /// best F-beta on the training pairs.
    pub fn weights(&self, about: &str, beta: f64) -> Weights {
        let comparisons = COMPARISONS
            .iter()
            .enumerate()
            .map(|(c, (name, levels))| Comparison {
                name: name.to_string(),
                levels: levels
                    .iter()
                    .enumerate()
                    .map(|(l, level)| {
                        let k = levels.len() as f64;
                        let matches = self.matches as f64;
                        let others = (self.pairs - self.matches) as f64;
                        let (cm, cu) = (self.m[c][l] as f64, self.u[c][l] as f64);
                        // A level training hardly saw says nothing either way.
                        let (m, u) = if cm + cu < 20.0 {
                            let p = (cm + cu + 1.0) / (matches + others + k);
                            (p, p)
                        } else {
                            ((cm + 1.0) / (matches + k), (cu + 1.0) / (others + k))
                        };
                        Level {
                            level: level.to_string(),
                            m,
                            u,
                        }
                    })
                    .collect(),
            })
            .collect();
        let mut spreads = self.spreads.clone();
        spreads.sort_unstable();
        let max_birth_spread = spreads
            .get((spreads.len() as f64 * 0.995) as usize)
            .or(spreads.last())
            .copied()
            .unwrap_or(10);
        let mut w = Weights {
            training: Training {
                about: about.to_string(),
                records: self.records,
                pairs: self.pairs,
                matches: self.matches,
            },
            prior: self.matches as f64 / self.pairs.max(1) as f64,
            threshold: 0.0,
            max_birth_spread,
            comparisons,
        };
        let model = Model::new(w.clone());
        let mut scored: Vec<(f64, bool)> = self
            .scored
            .iter()
            .map(|(l, m)| (model.weight(l), *m))
            .collect();
        scored.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
        // The threshold with the best F-beta (β = 0.5: precision counts twice as
        // much as recall) over the training pairs, labelled by pid.
        let (mut tp, mut all) = (0u64, 0u64);
        let mut threshold = scored.first().map_or(0.0, |s| s.0);
        let mut best = -1.0;
        let b2 = beta * beta;
        for (i, &(weight, m)) in scored.iter().enumerate() {
            tp += u64::from(m);
            all += 1;
            // Only where the weight changes, so equal weights go in or out together.
            let next = scored.get(i + 1).map(|s| s.0);
            if next == Some(weight) {
                continue;
            }
            let p = tp as f64 / all as f64;
            let r = tp as f64 / self.matches.max(1) as f64;
            let f = if p + r > 0.0 {
                (1.0 + b2) * p * r / (b2 * p + r)
            } else {
                0.0
            };
            if f > best {
                best = f;
                threshold = weight;
            }
        }
        w.threshold = (threshold * 100.0).round() / 100.0;
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_weights_read_and_say_what_agreement_is_worth() {
        let m = Model::bundled();
        assert_eq!(m.weights.comparisons.len(), N);
        for (c, (name, levels)) in COMPARISONS.iter().enumerate() {
            assert_eq!(m.weights.comparisons[c].name, *name);
            assert_eq!(m.weights.comparisons[c].levels.len(), levels.len());
        }
        // Trained, not neutral: an exact name is evidence for, a different one against,
        // and a birth year far off is strong evidence against.
        assert!(m.bits[0][0] > 1.0, "{:?}", m.bits[0]);
        assert!(m.bits[0][6] < 0.0, "{:?}", m.bits[0]);
        assert!(m.bits[2][5] < -3.0, "{:?}", m.bits[2]);
        assert!(m.weights.training.matches > 10_000);
        // A race reported by two datasets is a rule, not a trained level.
        assert_eq!(
            m.bits[ELECTION][compare::SAME_CANDIDACY as usize],
            SAME_CANDIDACY_BITS
        );
    }
}
