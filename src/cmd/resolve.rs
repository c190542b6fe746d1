//! `netakosh resolve`: links person records that share an identifier and says how
//! many links each scheme made and how many were refused, and why.

use super::{print_json, Context, Outcome};
use crate::cli::ResolveArgs;
use anyhow::Result;
use std::io::Write;

pub fn run(ctx: &Context, args: ResolveArgs) -> Result<Outcome> {
    let mut kb = ctx.open()?;
    let o = kb.resolve(args.dry_run)?;
    if args.json {
        print_json(&serde_json::json!({ "dry_run": args.dry_run, "resolve": o }))?;
        return Ok(Outcome::Done);
    }
    let mut out = std::io::stdout().lock();
    for s in &o.schemes {
        if s.records == 0 {
            continue;
        }
        writeln!(
            out,
            "{:<24} {} records, {} shared values, {} new links, {} kept apart by a conflicting identifier, {} by a person's decision",
            s.scheme, s.records, s.shared_values, s.links, s.blocked_by_conflict, s.blocked_by_decision
        )?;
    }
    let verb = if args.dry_run { "would add" } else { "added" };
    writeln!(
        out,
        "{verb} {} new links; {} people of two records or more among {} records with an identifier",
        o.links, o.groups, o.records
    )?;
    Ok(Outcome::Done)
}
