//! `netakosh resolve`: links person records that share an identifier, then the rest
//! by the probabilistic linker, and says how many links each made and how many
//! were refused, and why.

use super::{print_json, Context, Outcome};
use crate::cli::ResolveArgs;
use anyhow::Result;
use std::io::Write;

pub fn run(ctx: &Context, args: ResolveArgs) -> Result<Outcome> {
    let mut kb = ctx.open()?;
    let both = kb.resolve(args.dry_run)?;
    let o = &both.exact;
    if args.json {
        print_json(&serde_json::json!({ "dry_run": args.dry_run, "resolve": both }))?;
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
        "exact: {verb} {} new links; {} people of two records or more among {} records with an identifier",
        o.links, o.groups, o.records
    )?;
    let p = &both.probabilistic.stats;
    writeln!(
        out,
        "resolver: {verb} {} new links from {} pairs compared ({} above the threshold of {:.1} bits); joins refused: {} by an identifier, {} by the time rules, {} by birth years, {} by a decision, {} by the groups' linkage",
        p.links,
        p.compared,
        p.above_threshold,
        both.probabilistic.threshold,
        p.refused_identifier,
        p.refused_time,
        p.refused_birth,
        p.refused_decision,
        p.refused_linkage
    )?;
    writeln!(out, "{verb} {} new links in all", o.links + p.links)?;
    Ok(Outcome::Done)
}
