//! Blocking: which pairs of person records are compared at all. Records meet when
//! they share a key of one of their names — the first six letters of the
//! cross-script phonetic key of the whole name (Devanagari and Latin meet; joined
//! and split words meet, `Ramjilal` / `Ramji Lal`; ADR's clipped names meet their
//! whole, `Ramji Lal Suma` / `Ramji Lal Suman`), the sorted phonetic keys of its words
//! (`Reddy T. Ramachandra` / `T. Ramachandra Reddy`), or its last word with its first
//! letter (`B. Lal` / `Bansi Lal`, `T. Ramachandra Reddy` / `Tummala Ramachandra
//! Reddy`). A block bigger than [`MAX_BLOCK`] is split by state, and a state's part
//! still too big by seat, so the work stays near-linear in the records.
//!
//! A pair sharing several blocks is compared once, in the first block it shares
//! ([`Blocks::first_shared`]), without a set of pairs seen.

use super::facts::{Facts, Sym};
use std::collections::HashMap;

/// The most records compared all-against-all in one block.
pub const MAX_BLOCK: usize = 250;
/// The length of the joined-key prefix that blocks clipped names with their whole.
const PREFIX: usize = 6;

/// The blocks: each a sorted list of record numbers, and each record's blocks.
#[derive(Debug, Default)]
pub struct Blocks {
    pub blocks: Vec<Vec<u32>>,
    /// For each record, the blocks it is in, sorted.
    pub of: Vec<Vec<u32>>,
}

impl Blocks {
    /// The first block both `a` and `b` are in (both lists are sorted).
    pub fn first_shared(&self, a: u32, b: u32) -> Option<u32> {
        let (x, y) = (&self.of[a as usize], &self.of[b as usize]);
        let (mut i, mut j) = (0, 0);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => return Some(x[i]),
            }
        }
        None
    }

    /// How many pairs the blocks compare (a pair in several blocks counted in each).
    pub fn pair_bound(&self) -> u64 {
        self.blocks
            .iter()
            .map(|b| (b.len() as u64) * (b.len() as u64).saturating_sub(1) / 2)
            .sum()
    }
}

/// The blocking keys of record `i`, as strings built in `buf` and interned in `keys`.
fn keys_of(facts: &Facts, i: usize, keys: &mut HashMap<String, u32>, out: &mut Vec<u32>) {
    let s = &facts.strings;
    let mut buf = String::new();
    let mut add = |buf: &str| {
        let next = keys.len() as u32;
        let k = *keys.entry(buf.to_string()).or_insert(next);
        if !out.contains(&k) {
            out.push(k);
        }
    };
    for n in &facts.people[i].names {
        let joined = s.text(n.joined);
        buf.clear();
        buf.push_str("j:");
        buf.extend(joined.chars().take(PREFIX));
        if joined.chars().count() >= 3 {
            add(&buf);
        }
        if n.tokens.len() >= 2 {
            buf.clear();
            buf.push_str("t:");
            for t in &n.tokens {
                buf.push_str(s.text(*t));
                buf.push(' ');
            }
            add(&buf);
        }
        // The last whole word and the first letter: initials meet the words they stand for.
        if let (Some(&first), Some(last)) = (n.firsts.first(), last_word_key(n)) {
            if n.firsts.len() >= 2 {
                buf.clear();
                buf.push_str("l:");
                buf.push(first);
                buf.push(' ');
                buf.push_str(s.text(last));
                add(&buf);
            }
        }
    }
}

/// The phonetic key of a name's last word longer than one letter.
fn last_word_key(n: &super::facts::NameForm) -> Option<Sym> {
    n.words.iter().rev().find(|&&w| w != Sym::MAX).copied()
}

/// Builds the blocks of `facts` (see the module doc).
pub fn build(facts: &Facts) -> Blocks {
    let n = facts.people.len();
    let mut keys: HashMap<String, u32> = HashMap::new();
    let mut members: Vec<Vec<u32>> = Vec::new();
    let mut mine = Vec::new();
    for i in 0..n {
        mine.clear();
        keys_of(facts, i, &mut keys, &mut mine);
        for &k in &mine {
            if k as usize >= members.len() {
                members.resize(k as usize + 1, Vec::new());
            }
            members[k as usize].push(i as u32);
        }
    }
    drop(keys);
    let mut out = Blocks {
        blocks: Vec::new(),
        of: vec![Vec::new(); n],
    };
    let push = |out: &mut Blocks, b: Vec<u32>| {
        if b.len() < 2 {
            return;
        }
        let id = out.blocks.len() as u32;
        for &x in &b {
            out.of[x as usize].push(id);
        }
        out.blocks.push(b);
    };
    for m in members {
        if m.len() <= MAX_BLOCK {
            push(&mut out, m);
            continue;
        }
        for part in split(&m, |x| &facts.people[x as usize].states) {
            if part.len() <= MAX_BLOCK {
                push(&mut out, part);
            } else {
                for seat in split(&part, |x| &facts.people[x as usize].seats) {
                    if seat.len() <= MAX_BLOCK {
                        push(&mut out, seat);
                    }
                }
            }
        }
    }
    // Block ids were pushed in increasing order: each record's list is sorted.
    out
}

/// Splits `block` by a set-valued fact (a record in several groups goes to each;
/// records without the fact are left out).
fn split<'a>(block: &[u32], by: impl Fn(u32) -> &'a Vec<Sym>) -> Vec<Vec<u32>> {
    let mut parts: HashMap<Sym, Vec<u32>> = HashMap::new();
    for &x in block {
        for &s in by(x) {
            parts.entry(s).or_default().push(x);
        }
    }
    let mut parts: Vec<(Sym, Vec<u32>)> = parts.into_iter().collect();
    parts.sort_unstable_by_key(|p| p.0);
    parts.into_iter().map(|p| p.1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, Record};

    fn facts(names: &[&str]) -> Facts {
        let records: Vec<Record> = names
            .iter()
            .enumerate()
            .map(|(i, n)| Record::Person(Person::named(format!("p{i}"), "en", n, "s")))
            .collect();
        Facts::from_records(&records, &[])
    }

    #[test]
    fn variants_of_one_name_meet_and_others_do_not() {
        let f = facts(&[
            "Ramji Lal Suman",
            "Ramjilal Suman",
            "रामजी लाल सुमन",
            "Ramji Lal Suma",
            "Reddy T. Ramachandra",
            "T. Ramachandra Reddy",
            "Tummala Ramachandra Reddy",
            "B.LAL",
            "BANSI LAL",
            "Mayawati",
        ]);
        let b = build(&f);
        let meet = |x: u32, y: u32| b.first_shared(x, y).is_some();
        assert!(meet(0, 1), "joined and split words");
        assert!(meet(0, 2), "Devanagari and Latin");
        assert!(meet(0, 3), "a clipped name");
        assert!(meet(4, 5), "words reordered");
        assert!(meet(5, 6), "an initial and its word");
        assert!(meet(7, 8), "B. Lal and Bansi Lal");
        assert!(!meet(0, 9));
        assert!(!meet(4, 8));
    }
}
