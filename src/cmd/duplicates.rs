//! `netakosh duplicates` (the review queue), `same`, `different`, `merge` and
//! `unmerge`: likely same-person pairs, and a person deciding whether they are one.

use super::{print_json, Context, Outcome};
use crate::cli::{DuplicatesArgs, MergeArgs, SameArgs};
use anyhow::Result;
use netakosh::identity::{duplicates, review, Pair};
use netakosh::kb::Kb;
use std::io::Write;

pub fn run(ctx: &Context, args: DuplicatesArgs) -> Result<Outcome> {
    let kb = ctx.open()?;
    let name = args.name.join(" ");
    let (mut pairs, json) = if name.trim().is_empty() {
        let pairs = duplicates(&kb.store, args.min_score)?;
        let json = serde_json::json!({ "min_score": args.min_score, "total": pairs.len() });
        (pairs, json)
    } else {
        let r = review(&kb.store, &kb.index, &name, args.min_score)?;
        let json = serde_json::json!({
            "name": r.name, "min_score": args.min_score, "records": r.records,
            "people": r.people, "total": r.pairs.len(), "person": r.person,
        });
        (r.pairs, json)
    };
    let total = pairs.len();
    pairs.truncate(args.limit);
    if args.json {
        let mut json = json;
        json["pairs"] = serde_json::to_value(&pairs)?;
        print_json(&json)?;
    } else {
        print_pairs(&kb, &pairs)?;
        if total > pairs.len() {
            writeln!(
                std::io::stdout().lock(),
                "({} more; raise --limit or --min-score)",
                total - pairs.len()
            )?;
        }
    }
    if total == 0 {
        if !args.json {
            eprintln!(
                "netakosh: no undecided likely duplicates{} at --min-score {}",
                if name.trim().is_empty() {
                    String::new()
                } else {
                    format!(" for `{}`", name.trim())
                },
                args.min_score
            );
        }
        return Ok(Outcome::NothingFound);
    }
    Ok(Outcome::Done)
}

fn print_pairs(kb: &Kb, pairs: &[Pair]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let name = |id: &str| -> Result<String> {
        Ok(kb
            .store
            .get(id)?
            .map(|r| r.name().both())
            .unwrap_or_default())
    };
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
    let (a, b) = (&args.pair.a, &args.pair.b);
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
    let (a, b) = (&args.a, &args.b);
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

pub fn merge(ctx: &Context, args: MergeArgs) -> Result<Outcome> {
    let mut kb = ctx.open()?;
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

pub fn unmerge(ctx: &Context, args: MergeArgs) -> Result<Outcome> {
    let mut kb = ctx.open()?;
    kb.unmerge(&args.a, &args.b, &args.why)?;
    println!(
        "recorded that {} and {} are not the same person (`merge` links them again)",
        args.a, args.b
    );
    Ok(Outcome::Done)
}
