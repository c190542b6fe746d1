//! Measuring a resolution against a truth: pairwise precision, recall and F1, and
//! B-cubed precision, recall and F1. Both come from the contingency table of the
//! two clusterings (how many items each truth cluster shares with each predicted
//! one), so half a million records never become a hundred billion pairs.

use serde::Serialize;
use std::collections::HashMap;
use std::hash::Hash;

/// Precision, recall and their harmonic mean.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// Scores of a predicted clustering against a truth over the same items.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Scores {
    pub items: usize,
    /// Pairs in one truth cluster, in one predicted cluster, and in both.
    pub truth_pairs: u64,
    pub predicted_pairs: u64,
    pub true_pairs: u64,
    pub pairwise: Prf,
    pub bcubed: Prf,
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

/// A ratio that is perfect when there is nothing to get wrong (no predicted pair
/// can be wrong when none is predicted; no truth pair can be missed when none exists).
fn ratio(num: u64, den: u64) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// Scores `items`: each item's truth cluster label and predicted cluster label.
pub fn score<T, P>(items: impl IntoIterator<Item = (T, P)>) -> Scores
where
    T: Hash + Eq + Clone,
    P: Hash + Eq + Clone,
{
    let mut cells: HashMap<(T, P), u64> = HashMap::new();
    let mut truth: HashMap<T, u64> = HashMap::new();
    let mut predicted: HashMap<P, u64> = HashMap::new();
    let mut n = 0usize;
    for (t, p) in items {
        *truth.entry(t.clone()).or_default() += 1;
        *predicted.entry(p.clone()).or_default() += 1;
        *cells.entry((t, p)).or_default() += 1;
        n += 1;
    }
    let truth_pairs = truth.values().map(|&c| pairs(c)).sum();
    let predicted_pairs = predicted.values().map(|&c| pairs(c)).sum();
    let true_pairs = cells.values().map(|&c| pairs(c)).sum();
    // B-cubed: an item of cell (t, p) has precision n_tp / |p| and recall n_tp / |t|;
    // the cell's n_tp items contribute n_tp² / |p| and n_tp² / |t|.
    let (mut bp, mut br) = (0.0, 0.0);
    for ((t, p), &c) in &cells {
        let c2 = (c * c) as f64;
        bp += c2 / predicted[p] as f64;
        br += c2 / truth[t] as f64;
    }
    let bcubed = if n == 0 {
        Prf::new(1.0, 1.0)
    } else {
        Prf::new(bp / n as f64, br / n as f64)
    };
    Scores {
        items: n,
        truth_pairs,
        predicted_pairs,
        true_pairs,
        pairwise: Prf::new(
            ratio(true_pairs, predicted_pairs),
            ratio(true_pairs, truth_pairs),
        ),
        bcubed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn a_split_and_a_wrong_join() {
        // Truth {a,b,c},{d}; predicted {a,b},{c,d}.
        let s = score([("T1", "P1"), ("T1", "P1"), ("T1", "P2"), ("T2", "P2")]);
        // Truth pairs ab, ac, bc = 3; predicted ab, cd = 2; both: ab = 1.
        assert_eq!((s.truth_pairs, s.predicted_pairs, s.true_pairs), (3, 2, 1));
        assert!(close(s.pairwise.precision, 0.5));
        assert!(close(s.pairwise.recall, 1.0 / 3.0));
        // F1 = 2·(1/2)(1/3) / (1/2 + 1/3) = (1/3) / (5/6) = 0.4.
        assert!(close(s.pairwise.f1, 0.4));
        // B-cubed precision: a 2/2, b 2/2, c 1/2, d 1/2 → 3/4.
        assert!(close(s.bcubed.precision, 0.75));
        // B-cubed recall: a 2/3, b 2/3, c 1/3, d 1/1 → (8/3)/4 = 2/3.
        assert!(close(s.bcubed.recall, 2.0 / 3.0));
        // F1 = 2·(3/4)(2/3) / (3/4 + 2/3) = 1 / (17/12) = 12/17.
        assert!(close(s.bcubed.f1, 12.0 / 17.0));
    }

    #[test]
    fn everything_in_one_cluster() {
        // Truth {a,b},{c},{d}; predicted {a,b,c,d}.
        let s = score([(1, 0), (1, 0), (2, 0), (3, 0)]);
        // Predicted pairs C(4,2) = 6, truth pairs 1, true 1.
        assert_eq!((s.truth_pairs, s.predicted_pairs, s.true_pairs), (1, 6, 1));
        assert!(close(s.pairwise.precision, 1.0 / 6.0));
        assert!(close(s.pairwise.recall, 1.0));
        // B-cubed precision: a 2/4, b 2/4, c 1/4, d 1/4 → (6/4)/4 = 3/8; recall 1.
        assert!(close(s.bcubed.precision, 0.375));
        assert!(close(s.bcubed.recall, 1.0));
    }

    #[test]
    fn singletons_against_singletons_are_perfect() {
        // Nothing is predicted and nothing is to be found: nothing is wrong.
        let s = score([("a", 1), ("b", 2)]);
        assert_eq!((s.truth_pairs, s.predicted_pairs), (0, 0));
        assert_eq!(s.pairwise, Prf::new(1.0, 1.0));
        assert!(close(s.bcubed.f1, 1.0));
    }

    #[test]
    fn all_split_finds_no_pair() {
        // Truth {a,b,c}; predicted all apart: precision vacuous, recall 0.
        let s = score([(0, 'a'), (0, 'b'), (0, 'c')]);
        assert!(close(s.pairwise.recall, 0.0));
        assert!(close(s.pairwise.f1, 0.0));
        // B-cubed recall: each item finds itself only, 1/3.
        assert!(close(s.bcubed.recall, 1.0 / 3.0));
        assert!(close(s.bcubed.precision, 1.0));
    }
}
