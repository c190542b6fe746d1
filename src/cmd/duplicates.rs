//! `netakosh duplicates`, `merge` and `unmerge`: likely same-person pairs, and
//! deciding whether they are one person.

use super::{print_json, Context, Outcome};
use crate::cli::{DuplicatesArgs, MergeArgs};
use anyhow::Result;
use netakosh::identity::duplicates;
use std::io::Write;

pub fn run(ctx: &Context, args: DuplicatesArgs) -> Result<Outcome> {
    let kb = ctx.open()?;
    let mut pairs = duplicates(&kb.store, args.min_score)?;
    let total = pairs.len();
    pairs.truncate(args.limit);
    if args.json {
        print_json(
            &serde_json::json!({ "min_score": args.min_score, "total": total, "pairs": pairs }),
        )?;
    } else {
        let mut out = std::io::stdout().lock();
        for p in &pairs {
            let name = |id: &str| -> Result<String> {
                Ok(kb
                    .store
                    .get(id)?
                    .map(|r| r.name().both())
                    .unwrap_or_default())
            };
            writeln!(out, "{:.2}  {}  ~  {}", p.score, p.a, p.b)?;
            writeln!(out, "      {}  ~  {}", name(&p.a)?, name(&p.b)?)?;
            writeln!(out, "      {}", p.evidence.join("; "))?;
        }
        if total > pairs.len() {
            writeln!(
                out,
                "({} more; raise --limit or --min-score)",
                total - pairs.len()
            )?;
        }
    }
    if total == 0 {
        if !args.json {
            eprintln!(
                "netakosh: no likely duplicates at --min-score {}",
                args.min_score
            );
        }
        return Ok(Outcome::NothingFound);
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
