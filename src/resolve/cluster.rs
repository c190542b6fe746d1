//! Clustering scored pairs into people: pairs whose weight passes the threshold are
//! joined strongest first by a union-find that refuses a join when the two groups
//! are kept apart — different identifiers of one scheme, two candidacies in one
//! election for one seat, more than two seats in one general election since 1996,
//! birth-year estimates further apart than one person's ever are, a `not_same`
//! decision between their members, or (for groups small enough to check) members
//! that, pair by pair, score far below the threshold on average: a chain of strong
//! links does not join two people. The identity tree's `same` decisions (a
//! person's, the exact linker's, earlier resolver runs') are joined first and never
//! refused, so a person's decision is never overridden; a pair already decided gets
//! no new decision. The output is a spanning set (n − 1 new decisions per group)
//! in a deterministic order.

use super::compare::COMPARISONS;
use super::facts::{Contest, Facts, Sym};
use super::weights::Model;
use crate::disjoint::DisjointSets;
use crate::store::{Decision, Verdict};
use serde::Serialize;

/// Who the resolver's decisions are by.
pub const BY: &str = "resolver";

/// What clustering did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Stats {
    /// Person records compared.
    pub records: usize,
    /// Pairs compared, and those whose weight passed the threshold.
    pub compared: u64,
    pub above_threshold: usize,
    /// New `same` decisions.
    pub links: usize,
    /// Joins refused: by an identifier, the time rules, birth years, a decision.
    pub refused_identifier: usize,
    pub refused_time: usize,
    pub refused_birth: usize,
    pub refused_decision: usize,
    /// Joins refused because the two groups' members, pair by pair, score too low.
    pub refused_linkage: usize,
    /// Groups of two records or more after clustering.
    pub groups: usize,
}

#[derive(Clone, Copy)]
enum Refusal {
    Identifier,
    Time,
    Birth,
    Decision,
    Linkage,
}

/// What a group's root knows of its members.
#[derive(Clone, Default)]
struct Group {
    ids: Vec<(u8, Sym)>,
    contests: Vec<Contest>,
    /// The earliest high and the latest low birth-year estimate.
    birth: Option<(u16, u16)>,
    apart: Vec<u32>,
    members: Vec<u32>,
}

pub struct Clusters {
    sets: DisjointSets,
    groups: Vec<Group>,
    max_spread: u16,
}

impl Clusters {
    pub fn new(facts: &Facts, max_spread: u16) -> Clusters {
        let groups = facts
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| Group {
                members: vec![i as u32],
                ids: p.ids.clone(),
                contests: p.contests.clone(),
                birth: p.birth.map(|(lo, hi)| (hi, lo)),
                apart: Vec::new(),
            })
            .collect();
        Clusters {
            sets: DisjointSets::new(facts.people.len()),
            groups,
            max_spread,
        }
    }

    pub fn find(&mut self, x: u32) -> u32 {
        self.sets.find(x)
    }

    fn refusal(&mut self, ra: u32, rb: u32) -> Option<Refusal> {
        for (r, other) in [(ra, rb), (rb, ra)] {
            let apart = std::mem::take(&mut self.groups[r as usize].apart);
            let kept = apart.iter().any(|&x| self.find(x) == other);
            self.groups[r as usize].apart = apart;
            if kept {
                return Some(Refusal::Decision);
            }
        }
        let (a, b) = (&self.groups[ra as usize], &self.groups[rb as usize]);
        if a.ids
            .iter()
            .any(|&(s, v)| b.ids.iter().any(|&(t, w)| s == t && v != w))
        {
            return Some(Refusal::Identifier);
        }
        for x in &a.contests {
            for y in &b.contests {
                if x.election == y.election
                    && x.seat == y.seat
                    && x.seat != Sym::MAX
                    && x.source == y.source
                {
                    return Some(Refusal::Time);
                }
            }
        }
        // Since 1996 nobody stands for more than two seats in one general election.
        for x in a.contests.iter().chain(&b.contests) {
            if x.general && x.year >= 1996 {
                let mut seats: [Sym; 3] = [Sym::MAX; 3];
                let mut n = 0;
                for y in a.contests.iter().chain(&b.contests) {
                    if y.election == x.election && !seats[..n].contains(&y.seat) {
                        seats[n] = y.seat;
                        n += 1;
                        if n == 3 {
                            return Some(Refusal::Time);
                        }
                    }
                }
            }
        }
        if let (Some((ahi, alo)), Some((bhi, blo))) = (a.birth, b.birth) {
            let (hi, lo) = (ahi.min(bhi), alo.max(blo));
            if lo.saturating_sub(hi) > self.max_spread {
                return Some(Refusal::Birth);
            }
        }
        None
    }

    fn union(&mut self, ra: u32, rb: u32) {
        let (big, small) = self.sets.join(ra, rb);
        let moved = std::mem::take(&mut self.groups[small as usize]);
        let g = &mut self.groups[big as usize];
        for x in moved.ids {
            if !g.ids.contains(&x) {
                g.ids.push(x);
            }
        }
        g.contests.extend(moved.contests);
        g.birth = match (g.birth, moved.birth) {
            (Some((h1, l1)), Some((h2, l2))) => Some((h1.min(h2), l1.max(l2))),
            (x, None) => x,
            (None, y) => y,
        };
        g.apart.extend(moved.apart);
        g.members.extend(moved.members);
    }

    /// The mean weight of the pairs across two groups, when there are few enough to
    /// score: a chain of strong links must not join two groups whose members,
    /// taken pair by pair, look like different people.
    fn linkage(&self, ra: u32, rb: u32, facts: &Facts, model: &Model) -> Option<f64> {
        let (a, b) = (
            &self.groups[ra as usize].members,
            &self.groups[rb as usize].members,
        );
        if a.len() * b.len() <= 1 || a.len() * b.len() > MAX_LINKAGE_PAIRS {
            return None;
        }
        let mut sum = 0.0;
        for &x in a {
            for &y in b {
                sum += model.weight(&super::compare::levels(facts, x, y));
            }
        }
        Some(sum / (a.len() * b.len()) as f64)
    }

    /// Joins `a` and `b` unconditionally (a decision already made).
    pub fn force(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.union(ra, rb);
        }
    }

    /// Keeps the groups of `a` and `b` apart from now on.
    pub fn keep_apart(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        self.groups[ra as usize].apart.push(b);
        self.groups[rb as usize].apart.push(a);
    }

    /// The root of every record (for evaluation and for the review queue).
    pub fn labels(&mut self) -> Vec<u32> {
        (0..self.sets.len() as u32).map(|x| self.find(x)).collect()
    }
}

/// How far below the threshold (in bits: 16 times less likely) the mean weight of
/// the pairs across two groups may be before their join is refused.
const LINKAGE_SLACK: f64 = 4.0;
/// The election comparison's place in a pair's levels.
const ELECTION: usize = 6;
/// The most pairs scored to check a join's linkage.
const MAX_LINKAGE_PAIRS: usize = 400;

/// A scored pair: its weight in bits and its comparison levels.
pub type Pair = (f64, u32, u32, super::compare::Levels);

/// The evidence of a pair as `why` text: `name exact (+12.1); birth year ±1 (+3.2)`.
pub fn why(model: &Model, weight: f64, levels: &super::compare::Levels) -> String {
    let mut out = format!("score {weight:.1}:");
    let mut first = true;
    for (c, &l) in levels.iter().enumerate() {
        let bits = model.bits[c][l as usize];
        if bits.abs() < 0.05 {
            continue;
        }
        let (name, names) = COMPARISONS[c];
        out.push_str(if first { " " } else { "; " });
        first = false;
        out.push_str(&format!("{name} {} ({bits:+.1})", names[l as usize]));
    }
    out
}

/// Clusters `pairs` (any order) given the effective `decisions` (record ids; those
/// not among `facts` are ignored). New decisions are stamped `at`.
pub fn cluster(
    facts: &Facts,
    model: &Model,
    mut pairs: Vec<Pair>,
    decisions: &[(String, String, Verdict)],
    at: u64,
) -> (Vec<Decision>, Stats, Clusters) {
    let mut c = Clusters::new(facts, model.weights.max_birth_spread);
    for (a, b, v) in decisions {
        if *v == Verdict::Same {
            if let (Some(x), Some(y)) = (facts.find(a), facts.find(b)) {
                c.force(x, y);
            }
        }
    }
    for (a, b, v) in decisions {
        if *v == Verdict::NotSame {
            if let (Some(x), Some(y)) = (facts.find(a), facts.find(b)) {
                c.keep_apart(x, y);
            }
        }
    }
    let ids = &facts.ids;
    pairs.sort_unstable_by(|p, q| {
        q.0.total_cmp(&p.0).then_with(|| {
            (&ids[p.1 as usize], &ids[p.2 as usize]).cmp(&(&ids[q.1 as usize], &ids[q.2 as usize]))
        })
    });
    let mut stats = Stats {
        records: facts.people.len(),
        above_threshold: pairs.len(),
        ..Stats::default()
    };
    let mut out = Vec::new();
    for (weight, x, y, levels) in pairs {
        let (rx, ry) = (c.find(x), c.find(y));
        if rx == ry {
            continue;
        }
        let mut refusal = c.refusal(rx, ry);
        // One race reported by two datasets is a rule with an identifier's strength
        // (see `compare::same_candidacy`): like an exact link, it is not weighed
        // against the two careers' other pairs — a long career's early and late
        // contests score low against each other by nature.
        let rule = levels[ELECTION] == super::compare::SAME_CANDIDACY;
        if refusal.is_none() && !rule {
            if let Some(mean) = c.linkage(rx, ry, facts, model) {
                if mean < model.weights.threshold - LINKAGE_SLACK {
                    refusal = Some(Refusal::Linkage);
                }
            }
        }
        match refusal {
            None => {
                c.union(rx, ry);
                out.push(Decision::new(
                    &ids[x as usize],
                    &ids[y as usize],
                    Verdict::Same,
                    BY,
                    at,
                    &why(model, weight, &levels),
                ));
            }
            Some(Refusal::Identifier) => stats.refused_identifier += 1,
            Some(Refusal::Time) => stats.refused_time += 1,
            Some(Refusal::Birth) => stats.refused_birth += 1,
            Some(Refusal::Decision) => stats.refused_decision += 1,
            Some(Refusal::Linkage) => stats.refused_linkage += 1,
        }
    }
    stats.links = out.len();
    stats.groups = c.sets.groups();
    (out, stats, c)
}
