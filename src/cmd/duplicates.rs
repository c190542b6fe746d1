//! `netakosh duplicates` (the review queue), `same`, `different`, `merge` and
//! `unmerge`: likely same-person pairs, and a person deciding whether they are one.

use super::{print_json, Context, Outcome};
use crate::cli::{DuplicatesArgs, MergeArgs, SameArgs, SplitArgs};
use anyhow::Result;
use netakosh::identity::{duplicates, review, Pair};
use netakosh::kb::Kb;
use netakosh::model::Kind;
use netakosh::search::resolve_kind;
use std::io::Write;

pub fn run(ctx: &Context, args: DuplicatesArgs) -> Result<Outcome> {
    let kb = ctx.open()?;
    let name = args.name.join(" ");
    if !name.trim().is_empty() {
        return queue(&kb, name.trim(), &args);
    }
    let mut pairs = duplicates(&kb.store, args.min_score)?;
    let total = pairs.len();
    pairs.truncate(args.limit);
    if args.json {
        print_json(
            &serde_json::json!({ "min_score": args.min_score, "total": total, "pairs": pairs }),
        )?;
    } else {
        print_pairs(&kb, &pairs)?;
        more(total, pairs.len())?;
    }
    if total == 0 {
        if !args.json {
            eprintln!(
                "netakosh: no undecided likely duplicates at --min-score {}",
                args.min_score
            );
        }
        return Ok(Outcome::NothingFound);
    }
    Ok(Outcome::Done)
}

fn more(total: usize, shown: usize) -> Result<()> {
    if total > shown {
        writeln!(
            std::io::stdout().lock(),
            "({} more; raise --limit)",
            total - shown
        )?;
    }
    Ok(())
}

/// The review queue for one name.
fn queue(kb: &Kb, name: &str, args: &DuplicatesArgs) -> Result<Outcome> {
    let mut r = review(&kb.store, &kb.index, name, args.min_weight)?;
    let total = r.pairs.len();
    r.pairs.truncate(args.limit);
    if args.json {
        let mut v = serde_json::to_value(&r)?;
        v["total"] = total.into();
        v["min_weight"] = args.min_weight.into();
        print_json(&v)?;
    } else {
        let mut out = std::io::stdout().lock();
        let said = |e: &[netakosh::resolve::Evidence]| {
            e.iter()
                .map(|e| format!("{} {} ({:+.1})", e.comparison, e.level, e.weight))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let name = |id: &str| name_of(kb, id);
        for p in &r.pairs {
            writeln!(
                out,
                "{:+.1} bits ({:.0}%)  {}  ~  {}",
                p.weight,
                p.probability * 100.0,
                p.a,
                p.b
            )?;
            writeln!(out, "      {}  ~  {}", name(&p.a)?, name(&p.b)?)?;
            if !p.evidence.is_empty() {
                writeln!(out, "      for: {}", said(&p.evidence))?;
            }
            if !p.against.is_empty() {
                writeln!(out, "      against: {}", said(&p.against))?;
            }
        }
        drop(out);
        more(total, r.pairs.len())?;
    }
    if total == 0 {
        if !args.json {
            eprintln!(
                "netakosh: no undecided pairs for `{name}` ({} records of {} people found; pairs at or above {} bits are linked by `resolve`)",
                r.records, r.people, r.threshold
            );
        }
        return Ok(Outcome::NothingFound);
    }
    Ok(Outcome::Done)
}

fn print_pairs(kb: &Kb, pairs: &[Pair]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let name = |id: &str| name_of(kb, id);
    for p in pairs {
        writeln!(out, "{:.2}  {}  ~  {}", p.score, p.a, p.b)?;
        writeln!(out, "      {}  ~  {}", name(&p.a)?, name(&p.b)?)?;
        writeln!(out, "      for: {}", p.evidence.join("; "))?;
        if !p.against.is_empty() {
            writeln!(out, "      against: {}", p.against.join("; "))?;
        }
    }
    Ok(())
}

pub fn same(ctx: &Context, args: SameArgs) -> Result<Outcome> {
    let mut kb = ctx.open()?;
    let (a, b) = &person_pair(&kb, &args.pair)?;
    let written = kb.same(a, b, &args.pair.why, args.force)?;
    let mut out = std::io::stdout().lock();
    if written.is_empty() {
        writeln!(
            out,
            "{a} and {b} were already decided to be the same person"
        )?;
        return Ok(Outcome::Done);
    }
    writeln!(
        out,
        "recorded that {a} and {b} are the same person (the records are not changed)"
    )?;
    for d in &written[1..] {
        writeln!(
            out,
            "  and, reversing an earlier `different`: {} and {}",
            d.a, d.b
        )?;
    }
    Ok(Outcome::Done)
}

pub fn different(ctx: &Context, args: MergeArgs) -> Result<Outcome> {
    let mut kb = ctx.open()?;
    let (a, b) = &person_pair(&kb, &args)?;
    let before = netakosh::identity::same_person(&kb.store, a)?.contains(b);
    let mut out = std::io::stdout().lock();
    if !kb.different(a, b, &args.why)? {
        writeln!(
            out,
            "{a} and {b} were already decided to be different people"
        )?;
        return Ok(Outcome::Done);
    }
    writeln!(out, "recorded that {a} and {b} are different people")?;
    if before {
        let (pa, pb) = (
            netakosh::identity::same_person(&kb.store, a)?,
            netakosh::identity::same_person(&kb.store, b)?,
        );
        writeln!(
            out,
            "  they were one person; now {a} is one of {} record(s) and {b} one of {}",
            pa.len(),
            pb.len()
        )?;
    }
    Ok(Outcome::Done)
}

pub fn split(ctx: &Context, mut args: SplitArgs) -> Result<Outcome> {
    let mut kb = ctx.open()?;
    args.id = person_record(&kb, &args.id)?;
    let written = kb.split(&args.id, &args.why)?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "recorded that {} is a different person from each of {} record(s):",
        args.id,
        written.len()
    )?;
    for d in &written {
        let other = if d.a == args.id { &d.b } else { &d.a };
        writeln!(out, "  {other}")?;
    }
    Ok(Outcome::Done)
}

pub fn merge(ctx: &Context, mut args: MergeArgs) -> Result<Outcome> {
    let mut kb = ctx.open()?;
    (args.a, args.b) = person_pair(&kb, &args)?;
    if kb.merge(&args.a, &args.b, &args.why)? {
        println!(
            "linked {} and {} as the same person (the records are not changed)",
            args.a, args.b
        );
    } else {
        println!("{} and {} were already linked", args.a, args.b);
    }
    Ok(Outcome::Done)
}

pub fn unmerge(ctx: &Context, mut args: MergeArgs) -> Result<Outcome> {
    let mut kb = ctx.open()?;
    (args.a, args.b) = person_pair(&kb, &args)?;
    kb.unmerge(&args.a, &args.b, &args.why)?;
    println!(
        "recorded that {} and {} are not the same person (`merge` links them again)",
        args.a, args.b
    );
    Ok(Outcome::Done)
}

/// A person record named by its id, or by a name one person bears (resolved as
/// `show` resolves it; a person of several records answers with its person id).
fn person_record(kb: &Kb, text: &str) -> Result<String> {
    // An id is passed on as typed: the decision says what it refuses.
    if kb.store.kind_of(text.trim())?.is_some() {
        return Ok(text.trim().to_string());
    }
    Ok(resolve_kind(
        &kb.store,
        &kb.index,
        text,
        Some(Kind::Person),
    )?)
}

/// The two person records of `same`, `different`, `merge` or `unmerge`.
fn person_pair(kb: &Kb, pair: &MergeArgs) -> Result<(String, String)> {
    Ok((person_record(kb, &pair.a)?, person_record(kb, &pair.b)?))
}

/// A record's name in both scripts, for a pair's second line (empty when gone).
fn name_of(kb: &Kb, id: &str) -> Result<String> {
    Ok(kb
        .store
        .get(id)?
        .map(|r| r.name().both())
        .unwrap_or_default())
}
