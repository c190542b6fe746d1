//! Who is one person: a constrained clustering of the identity tree's effective
//! decisions, so that no chain of links ever joins two records kept apart.
//!
//! A plain connected component of `same` links would let a resolver chain A–X–B
//! undo a person's `different A B`. Instead the `same` links of a component are
//! unioned in priority order — a person's links oldest first, then the exact
//! linker's (oldest first), then the resolver's by its score (the match weight in
//! `why`, `score 17.3: …`) best first, then any other machine's — and a union is
//! refused when it would put two records with an effective `not_same` in one
//! cluster. A person's `same` is refused only by a person's `not_same` (a person
//! overrides a machine's cannot-link); a machine's link by any `not_same`. So
//! `different A B` cuts the weaker of A–X and X–B, and A–X stays when it is the
//! stronger.
//!
//! The person's id is the smallest record id among its members: stable under any
//! later link that does not bring in a smaller id, and the same whichever record a
//! reader starts from.

use crate::disjoint::DisjointSets;
use crate::error::Result;
use crate::store::{Decision, Records, Verdict};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

/// At most this many records are read for one person's component (in breadth-first
/// order from the record asked about, so its nearest links come first). A real
/// politician has tens of records; a component this large is a chain of bad links,
/// and its far end cannot change who the near records are in any useful way.
pub const MAX_COMPONENT: usize = 5_000;

/// One person: its id and its records.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cluster {
    /// The person id: the smallest member record id.
    pub id: String,
    /// The person record `id` first, then the others breadth-first along the links
    /// that hold them (ties in id order).
    pub members: Vec<Member>,
}

/// A record of a person and the decision that brought it in.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Member {
    pub record: String,
    /// The `same` decision linking it to a member listed before it (`None` for the
    /// first).
    pub via: Option<Decision>,
}

/// Whether a decision was made by a person (`user`: `same`, `different`, `merge`,
/// `unmerge`; `migrated`: a person's merge in an older store; `import FILE`: a link
/// line written by hand, imported without a `by`) rather than a machine
/// (`exact:<scheme>`, `resolver`). A person's decision always wins over a machine's.
pub fn is_persons(by: &str) -> bool {
    by == super::BY_USER || by == crate::store::migrate::MIGRATED_BY || by.starts_with("import ")
}

/// The order a `same` link is tried in: a person's, the exact linker's, the
/// resolver's, another machine's.
fn class(d: &Decision) -> u8 {
    if is_persons(&d.by) {
        0
    } else if d.by.starts_with("exact:") {
        1
    } else if d.by == "resolver" {
        2
    } else {
        3
    }
}

/// The resolver's match weight from its `why` (`score 17.3: …`); 0 when absent.
fn score_of(d: &Decision) -> f32 {
    d.why
        .strip_prefix("score ")
        .and_then(|r| r.split([':', ' ']).next())
        .and_then(|w| w.parse::<f32>().ok())
        .unwrap_or(0.0)
}

/// A `same` link between two nodes, with what orders it.
#[derive(Clone, Copy)]
struct Edge {
    a: u32,
    b: u32,
    class: u8,
    score: f32,
    seq: u64,
}

impl Edge {
    fn of(a: u32, b: u32, seq: u64, d: &Decision) -> Edge {
        Edge {
            a,
            b,
            class: class(d),
            score: score_of(d),
            seq,
        }
    }
}

/// A `not_same` between two nodes, and whether a person decided it.
#[derive(Clone, Copy)]
struct Apart {
    a: u32,
    b: u32,
    persons: bool,
}

/// A union-find whose roots remember the records their members are kept apart from.
struct Forest {
    sets: DisjointSets,
    apart: HashMap<u32, Vec<(u32, bool)>>,
}

impl Forest {
    fn new(n: usize, constraints: &[Apart]) -> Forest {
        let mut apart: HashMap<u32, Vec<(u32, bool)>> = HashMap::new();
        for c in constraints {
            apart.entry(c.a).or_default().push((c.b, c.persons));
            apart.entry(c.b).or_default().push((c.a, c.persons));
        }
        Forest {
            sets: DisjointSets::new(n),
            apart,
        }
    }

    fn find(&mut self, x: u32) -> u32 {
        self.sets.find(x)
    }

    /// Joins the clusters of `e`'s ends unless they already are one or a
    /// `not_same` (a person's, for a person's link) is between them; says whether
    /// it joined them.
    fn join(&mut self, e: &Edge) -> bool {
        let (ra, rb) = (self.find(e.a), self.find(e.b));
        if ra == rb {
            return false;
        }
        // Each `not_same` is listed at both ends' roots: the shorter list suffices.
        let len = |r: u32, f: &Forest| f.apart.get(&r).map_or(0, Vec::len);
        let (scan, other) = if len(ra, self) <= len(rb, self) {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let list = self.apart.remove(&scan).unwrap_or_default();
        let blocked = list
            .iter()
            .any(|&(x, persons)| (persons || e.class > 0) && self.find(x) == other);
        if !list.is_empty() {
            self.apart.insert(scan, list);
        }
        if blocked {
            return false;
        }
        let (big, small) = self.sets.join(ra, rb);
        if let Some(moved) = self.apart.remove(&small) {
            self.apart.entry(big).or_default().extend(moved);
        }
        true
    }
}

/// Unions `edges` in priority order under `constraints`; returns the forest and
/// which edges (by position in `edges`) were taken.
fn solve(n: usize, edges: &[Edge], constraints: &[Apart]) -> (Forest, Vec<bool>) {
    let mut order: Vec<usize> = (0..edges.len()).collect();
    order.sort_by(|&i, &j| {
        let (x, y) = (&edges[i], &edges[j]);
        x.class
            .cmp(&y.class)
            .then_with(|| {
                if x.class == 2 {
                    y.score.total_cmp(&x.score)
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .then(x.seq.cmp(&y.seq))
    });
    let mut forest = Forest::new(n, constraints);
    let mut taken = vec![false; edges.len()];
    for i in order {
        taken[i] = forest.join(&edges[i]);
    }
    (forest, taken)
}

/// The person record `id` belongs to: its component of effective `same` links
/// (read through `identity_by_person`, at most [`MAX_COMPONENT`] records),
/// clustered under every `not_same` between its records. A record with no link is
/// a person of its own.
pub fn person_of(store: &dyn Records, id: &str) -> Result<Cluster> {
    let mut ids: Vec<String> = vec![id.to_string()];
    let mut index: HashMap<String, u32> = HashMap::from([(id.to_string(), 0)]);
    let mut decisions: Vec<Decision> = Vec::new();
    let mut edges: Vec<Edge> = Vec::new();
    let mut apart_seqs: Vec<(u32, String, u64)> = Vec::new();
    let mut seen_seqs: HashSet<u64> = HashSet::new();
    let mut queue = VecDeque::from([0u32]);
    while let Some(x) = queue.pop_front() {
        let links = store.identity_links(&ids[x as usize])?;
        for (other, verdict, seq) in links {
            match verdict {
                Verdict::NotSame => apart_seqs.push((x, other, seq)),
                Verdict::Same => {
                    let y = match index.get(&other) {
                        Some(&y) => y,
                        None if ids.len() < MAX_COMPONENT => {
                            let y = ids.len() as u32;
                            index.insert(other.clone(), y);
                            ids.push(other);
                            queue.push_back(y);
                            y
                        }
                        None => continue,
                    };
                    if !seen_seqs.insert(seq) {
                        continue;
                    }
                    let Some(d) = store.decision(seq)? else {
                        continue; // reported by `check`
                    };
                    edges.push(Edge::of(x, y, seq, &d));
                    decisions.push(d);
                }
            }
        }
    }
    let mut constraints = Vec::new();
    let mut apart_seen = HashSet::new();
    for (x, other, seq) in apart_seqs {
        let Some(&y) = index.get(&other) else {
            continue; // outside the component: it cannot be joined anyway
        };
        if !apart_seen.insert(seq) {
            continue;
        }
        let persons = match store.decision(seq)? {
            Some(d) => is_persons(&d.by),
            None => true,
        };
        constraints.push(Apart {
            a: x,
            b: y,
            persons,
        });
    }
    let (mut forest, taken) = solve(ids.len(), &edges, &constraints);
    let root = forest.find(0);
    let in_cluster: Vec<u32> = (0..ids.len() as u32)
        .filter(|&x| forest.find(x) == root)
        .collect();
    let first = *in_cluster
        .iter()
        .min_by(|&&x, &&y| ids[x as usize].cmp(&ids[y as usize]))
        .expect("a cluster holds the record asked about");
    // Breadth-first from the person id along the links taken, neighbours in id order.
    let mut adjacent: BTreeMap<u32, Vec<(u32, usize)>> = BTreeMap::new();
    for (i, e) in edges.iter().enumerate().filter(|(i, _)| taken[*i]) {
        adjacent.entry(e.a).or_default().push((e.b, i));
        adjacent.entry(e.b).or_default().push((e.a, i));
    }
    let mut members = vec![Member {
        record: ids[first as usize].clone(),
        via: None,
    }];
    let mut placed: HashSet<u32> = HashSet::from([first]);
    let mut queue = VecDeque::from([first]);
    while let Some(x) = queue.pop_front() {
        let mut next = adjacent.remove(&x).unwrap_or_default();
        next.sort_by(|p, q| ids[p.0 as usize].cmp(&ids[q.0 as usize]));
        for (y, i) in next {
            if placed.insert(y) {
                members.push(Member {
                    record: ids[y as usize].clone(),
                    via: Some(decisions[i].clone()),
                });
                queue.push_back(y);
            }
        }
    }
    Ok(Cluster {
        id: ids[first as usize].clone(),
        members,
    })
}

/// Every person record decided to be the same person as `id` (see [`person_of`]),
/// `id` first.
pub fn same_person(store: &dyn Records, id: &str) -> Result<Vec<String>> {
    let cluster = person_of(store, id)?;
    let mut out = vec![id.to_string()];
    out.extend(
        cluster
            .members
            .into_iter()
            .map(|m| m.record)
            .filter(|r| r != id),
    );
    Ok(out)
}

/// The person of every record in a link, for the whole store at once (exports,
/// index rebuilds, the whole-store `duplicates`).
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    /// Record → person id, for records of a person with two records or more.
    person: HashMap<String, String>,
}

impl Clusters {
    /// The person id of `record` (itself when it is a person of its own).
    pub fn person<'a>(&'a self, record: &'a str) -> &'a str {
        self.person.get(record).map_or(record, String::as_str)
    }

    /// Each person of two records or more: person id → its records in id order.
    pub fn groups(&self) -> BTreeMap<&str, Vec<&str>> {
        let mut out: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (record, person) in &self.person {
            out.entry(person.as_str())
                .or_default()
                .push(record.as_str());
        }
        for members in out.values_mut() {
            members.sort_unstable();
        }
        out
    }
}

/// The clustering of [`person_of`] for every record at once, reading the decision
/// log once (a pair's effective decision is replayed as the store does, so the
/// answer is the one `person_of` gives for each record, up to [`MAX_COMPONENT`]).
pub fn clusters(store: &dyn Records) -> Result<Clusters> {
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut ids: Vec<String> = Vec::new();
    // Per pair: its effective decision, as a verdict, who and an edge.
    let mut effective: HashMap<(u32, u32), (Verdict, bool, Edge)> = HashMap::new();
    for item in store.identity_log() {
        let (seq, d) = item?;
        let mut node = |id: &str| -> u32 {
            if let Some(&x) = index.get(id) {
                return x;
            }
            let x = ids.len() as u32;
            ids.push(id.to_string());
            index.insert(id.to_string(), x);
            x
        };
        let key = (node(&d.a), node(&d.b));
        let had = effective.get(&key).is_some_and(|e| e.1);
        if crate::store::identity::supersedes(had, &d.by) {
            let edge = Edge::of(key.0, key.1, seq, &d);
            effective.insert(key, (d.decision, is_persons(&d.by), edge));
        }
    }
    drop(index);
    let mut edges = Vec::new();
    let mut constraints = Vec::new();
    for ((a, b), (verdict, persons, edge)) in effective {
        match verdict {
            Verdict::Same => edges.push(edge),
            Verdict::NotSame => constraints.push(Apart { a, b, persons }),
        }
    }
    let (mut forest, _) = solve(ids.len(), &edges, &constraints);
    // The person id of each root: its smallest member id.
    let mut smallest: HashMap<u32, u32> = HashMap::new();
    for x in 0..ids.len() as u32 {
        let r = forest.find(x);
        let s = smallest.entry(r).or_insert(x);
        if ids[x as usize] < ids[*s as usize] {
            *s = x;
        }
    }
    let mut person = HashMap::new();
    for x in 0..ids.len() as u32 {
        let r = forest.find(x);
        if forest.sets.size(r) > 1 {
            person.insert(ids[x as usize].clone(), ids[smallest[&r] as usize].clone());
        }
    }
    Ok(Clusters { person })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str, v: Verdict, by: &str, why: &str) -> Decision {
        Decision::new(a, b, v, by, 1, why)
    }

    fn run(ds: &[Decision]) -> Vec<Vec<u32>> {
        let mut index: HashMap<&str, u32> = HashMap::new();
        for x in ds {
            for id in [x.a.as_str(), x.b.as_str()] {
                let n = index.len() as u32;
                index.entry(id).or_insert(n);
            }
        }
        let mut edges = Vec::new();
        let mut apart = Vec::new();
        for (seq, x) in ds.iter().enumerate() {
            let (a, b) = (index[x.a.as_str()], index[x.b.as_str()]);
            match x.decision {
                Verdict::Same => edges.push(Edge::of(a, b, seq as u64, x)),
                Verdict::NotSame => apart.push(Apart {
                    a,
                    b,
                    persons: is_persons(&x.by),
                }),
            }
        }
        let (mut f, _) = solve(index.len(), &edges, &apart);
        let mut groups: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for x in 0..index.len() as u32 {
            groups.entry(f.find(x)).or_default().push(x);
        }
        groups.into_values().collect()
    }

    #[test]
    fn the_weaker_link_of_a_chain_is_cut_by_a_cannot_link() {
        // a=0, x=1, b=2: a–x scores 20, x–b 12; a person says a ≠ b.
        let ds = [
            d("a", "x", Verdict::Same, "resolver", "score 20.5: name"),
            d("x", "b", Verdict::Same, "resolver", "score 12: name"),
            d("a", "b", Verdict::NotSame, "user", ""),
        ];
        assert_eq!(run(&ds), vec![vec![0, 1], vec![2]]);
        // The stronger link decides which side x is on.
        let ds = [
            d("a", "x", Verdict::Same, "resolver", "score 9.1: name"),
            d("x", "b", Verdict::Same, "resolver", "score 12: name"),
            d("a", "b", Verdict::NotSame, "user", ""),
        ];
        assert_eq!(run(&ds), vec![vec![0], vec![1, 2]]);
    }

    #[test]
    fn a_persons_link_beats_a_machines_cannot_link_but_not_a_persons() {
        let ds = [
            d("a", "b", Verdict::Same, "user", ""),
            d("a", "b", Verdict::NotSame, "resolver", "score -3"),
        ];
        // (Distinct pairs here: the store's effective decision is replayed elsewhere.)
        assert_eq!(run(&ds), vec![vec![0, 1]]);
        let ds = [
            d("a", "x", Verdict::Same, "user", ""),
            d("x", "b", Verdict::Same, "user", ""),
            d("a", "b", Verdict::NotSame, "user", ""),
        ];
        // Oldest first: a–x holds, x–b would join a and b.
        assert_eq!(run(&ds), vec![vec![0, 1], vec![2]]);
        let ds = [
            d("a", "x", Verdict::Same, "exact:tcpd_pid", "tcpd_pid 1"),
            d("x", "b", Verdict::Same, "user", ""),
            d("a", "b", Verdict::NotSame, "exact:tcpd_pid", ""),
        ];
        // A person's x–b goes first and a machine's cannot-link does not stop it;
        // the exact a–x then would join a and b, and is refused.
        assert_eq!(run(&ds), vec![vec![0], vec![1, 2]]);
    }

    #[test]
    fn who_is_a_person() {
        for by in ["user", "migrated", "import links.jsonl"] {
            assert!(is_persons(by), "{by}");
        }
        for by in ["resolver", "exact:tcpd_pid", "imported", ""] {
            assert!(!is_persons(by), "{by}");
        }
    }

    #[test]
    fn the_resolver_score_is_read_from_why() {
        let s = |why| score_of(&d("a", "b", Verdict::Same, "resolver", why));
        assert_eq!(s("score 17.3: name …; birth year …"), 17.3);
        assert_eq!(s("score -2 name"), -2.0);
        assert_eq!(s("no score"), 0.0);
    }

    /// The store's effective decisions, `person_of` one record at a time and
    /// `clusters` for all at once agree, over many mixes of people's and machines'
    /// decisions written in several writes (so later ones meet earlier ones in the
    /// store, not only in one batch).
    #[test]
    fn person_of_and_clusters_agree_on_the_stores_effective_decisions() {
        let ids = ["p0", "p1", "p2", "p3", "p4", "p5", "p6"];
        let bys = ["user", "resolver", "exact:tcpd_pid", "migrated"];
        // A small deterministic generator (xorshift), so a failure is reproducible.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for round in 0..40 {
            let dir = tempfile::tempdir().expect("a temporary directory");
            let store = crate::store::Store::open(dir.path()).expect("a new store");
            for write in 0..3 {
                let batch: Vec<Decision> = (0..4)
                    .filter_map(|_| {
                        let (a, b) = (ids[next(ids.len())], ids[next(ids.len())]);
                        let verdict = if next(3) == 0 {
                            Verdict::NotSame
                        } else {
                            Verdict::Same
                        };
                        let by = bys[next(bys.len())];
                        let why = format!("score {}: test", next(30));
                        (a != b).then(|| Decision::new(a, b, verdict, by, 1, &why))
                    })
                    .collect();
                store
                    .apply_all(&[], &batch, &format!("round {round} write {write}"), false)
                    .expect("decisions are written");
            }
            // A machine's decision never replaces a person's.
            for (a, b, _) in store.identity_pairs().unwrap() {
                let (_, effective) = store.current_decision(&a, &b).unwrap().unwrap();
                let persons_said = store
                    .decisions()
                    .map(|d| d.unwrap().1)
                    .any(|d| d.a == a && d.b == b && is_persons(&d.by));
                assert_eq!(is_persons(&effective.by), persons_said, "{a} {b}");
            }
            let all = clusters(&store).unwrap();
            for id in ids {
                let one = person_of(&store, id).unwrap();
                assert_eq!(all.person(id), one.id, "round {round}: {id}");
                assert_eq!(one.members[0].record, one.id);
                // No cluster holds a pair a person decided is not the same.
                for m in &one.members {
                    for (other, verdict, seq) in store.identity_links(&m.record).unwrap() {
                        let by = store.decision(seq).unwrap().unwrap().by;
                        if verdict == Verdict::NotSame && is_persons(&by) {
                            assert!(
                                one.members.iter().all(|x| x.record != other),
                                "round {round}: {} and {other} kept apart",
                                m.record
                            );
                        }
                    }
                }
            }
        }
    }
}
