//! What a person's `same`, `different`, `merge` and `unmerge` record in the identity
//! tree: checked against the store here, written by [`crate::kb::Kb`]'s one write
//! path. Records are never touched.
//!
//! - `same A B` records that A and B are one person. It is refused when a person
//!   has decided that A's person and B's person are different (A ≠ B itself, or any
//!   record of one ≠ any of the other): the link could not hold, and silently
//!   overriding a person is what this module exists to prevent. `--force` (and
//!   `merge`) override it: besides `same A B` they record `same` for each of those
//!   pairs, so the person's earlier `different`s are reversed, visibly, in the log.
//! - `different A B` records that they are not one person, whether they were
//!   linked directly, through others (the clustering then cuts the weakest link of
//!   the chain, see [`super::cluster`]) or not at all.
//! - `split A` takes A out of its person: `different A M` for every other record M
//!   of it (records held together only through A fall apart too).
//! - `unmerge A B` reverses a direct link only (the older command).

use super::{person_of, same_person, Cluster};
use crate::error::{Error, Result};
use crate::model::Kind;
use crate::store::{Decision, Store, Verdict};

/// Who decides from the command line (`same`, `different`, `merge`, `unmerge`).
pub const BY_USER: &str = "user";

/// Refuses anything but two different person records.
fn two_people(store: &Store, a: &str, b: &str, verb: &str) -> Result<()> {
    if a == b {
        return Err(Error::Usage(format!("`{a}` cannot be {verb} with itself")));
    }
    for id in [a, b] {
        match store.kind_of(id)? {
            Some(Kind::Person) => {}
            Some(other) => {
                return Err(Error::Usage(format!(
                    "`{id}` is {}; only people can be {verb}",
                    other.with_article()
                )))
            }
            None => return Err(Error::not_found(id)),
        }
    }
    Ok(())
}

/// The decisions `same A B` records: empty when a person already decided that pair
/// is the same; otherwise `same A B` first, then (only with `force`) a `same` for
/// each person's `not_same` that keeps A's person apart from B's.
pub fn same_decisions(
    store: &Store,
    a: &str,
    b: &str,
    why: &str,
    force: bool,
) -> Result<Vec<Decision>> {
    two_people(store, a, b, "linked")?;
    if let Some((_, d)) = store.current_decision(a, b)? {
        if d.decision == Verdict::Same && super::is_persons(&d.by) {
            return Ok(Vec::new());
        }
    }
    let now = crate::time::now();
    let mut out = vec![Decision::new(a, b, Verdict::Same, BY_USER, now, why)];
    let (pa, pb) = (person_of(store, a)?, person_of(store, b)?);
    if pa.id == pb.id {
        return Ok(out); // a person confirms a machine's link
    }
    let blocking = kept_apart(store, &pa, &pb)?;
    if let Some(first) = blocking.first() {
        if !force {
            let pair = if (first.a == a && first.b == b) || (first.a == b && first.b == a) {
                format!("`{a}` and `{b}`")
            } else {
                format!(
                    "`{}` and `{}` (records of these two people)",
                    first.a, first.b
                )
            };
            return Err(Error::Usage(format!(
                "a person decided that {pair} are different people ({}, {}{}); `same --force` records that they are one person after all",
                first.by,
                crate::time::format_utc(first.at),
                if first.why.is_empty() {
                    String::new()
                } else {
                    format!(": {}", first.why)
                }
            )));
        }
        let why = format!("forced by `same {a} {b}`");
        for d in &blocking {
            if !((d.a == a && d.b == b) || (d.a == b && d.b == a)) {
                out.push(Decision::new(&d.a, &d.b, Verdict::Same, BY_USER, now, &why));
            }
        }
    }
    Ok(out)
}

/// A person's `not_same` decisions between a record of `pa` and one of `pb`.
fn kept_apart(store: &Store, pa: &Cluster, pb: &Cluster) -> Result<Vec<Decision>> {
    let other: std::collections::HashSet<&str> =
        pb.members.iter().map(|m| m.record.as_str()).collect();
    let mut out = Vec::new();
    for m in &pa.members {
        for (x, verdict, seq) in store.identity_links(&m.record)? {
            if verdict == Verdict::NotSame && other.contains(x.as_str()) {
                if let Some(d) = store.decision(seq)? {
                    if super::is_persons(&d.by) {
                        out.push(d);
                    }
                }
            }
        }
    }
    Ok(out)
}

/// The decision `different A B` records, or `None` when a person already decided
/// so.
pub fn different_decision(store: &Store, a: &str, b: &str, why: &str) -> Result<Option<Decision>> {
    two_people(store, a, b, "told apart")?;
    if let Some((_, d)) = store.current_decision(a, b)? {
        if d.decision == Verdict::NotSame && super::is_persons(&d.by) {
            return Ok(None);
        }
    }
    Ok(Some(Decision::new(
        a,
        b,
        Verdict::NotSame,
        BY_USER,
        crate::time::now(),
        why,
    )))
}

/// The decision that person `a` and person `b` are the same person, or `None` when
/// that is already the pair's decision (`merge`, the older name of `same --force`,
/// kept for its messages).
pub fn merge_decision(store: &Store, a: &str, b: &str, why: &str) -> Result<Vec<Decision>> {
    two_people(store, a, b, "merged")?;
    same_decisions(store, a, b, why, true)
}

/// The decision that reverses the merge of `a` and `b`: they are not the same
/// person. Refused unless the pair's decision is `same` (a merge through a third
/// record is reversed by unmerging one of its own links, or by `different`).
pub fn unmerge_decision(store: &Store, a: &str, b: &str, why: &str) -> Result<Decision> {
    two_people(store, a, b, "unmerged")?;
    let linked =
        matches!(store.current_decision(a, b)?, Some((_, d)) if d.decision == Verdict::Same);
    if !linked {
        let person = same_person(store, a)?;
        return Err(Error::Usage(if person.iter().any(|x| x == b) {
            format!(
                "`{a}` and `{b}` were not merged with each other but are linked through other records ({}): unmerge one of those links, or use `different`",
                person.join(", ")
            )
        } else {
            format!("`{a}` and `{b}` are not merged")
        }));
    }
    Ok(Decision::new(
        a,
        b,
        Verdict::NotSame,
        BY_USER,
        crate::time::now(),
        why,
    ))
}

/// The decisions `split A` records: `not_same` between `a` and every other record
/// of its person. Refused for a record that is a person of its own.
pub fn split_decisions(store: &Store, a: &str, why: &str) -> Result<Vec<Decision>> {
    match store.kind_of(a)? {
        Some(Kind::Person) => {}
        Some(other) => {
            return Err(Error::Usage(format!(
                "`{a}` is {}; only people can be split",
                other.with_article()
            )))
        }
        None => return Err(Error::not_found(a)),
    }
    let person = same_person(store, a)?;
    if person.len() < 2 {
        return Err(Error::Usage(format!(
            "`{a}` is a person of its own: there is nothing to split"
        )));
    }
    let now = crate::time::now();
    Ok(person[1..]
        .iter()
        .map(|m| Decision::new(a, m, Verdict::NotSame, BY_USER, now, why))
        .collect())
}
