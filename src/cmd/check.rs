//! `netakosh check [--repair]`: verify the store's invariants and the index; mend
//! what can be mended from the store. Exit 4 when problems remain.

use super::{print_json, Context, Outcome};
use crate::cli::CheckArgs;
use anyhow::Result;
use netakosh::store::Finding;
use std::io::Write;

pub fn run(ctx: &Context, args: CheckArgs) -> Result<Outcome> {
    let mut kb = ctx.open()?;
    let found = kb.check()?;
    let (repaired, remaining) = if args.repair && found.iter().any(|f| f.repairable) {
        let n = kb.repair(&found)?;
        (Some(n), kb.check()?)
    } else {
        (args.repair.then_some(0), found.clone())
    };
    let records = kb.store.len();
    let generation = kb.store.generation()?;
    if args.json {
        let mut v = serde_json::json!({
            "ok": remaining.is_empty(),
            "records": records,
            "generation": generation,
            "problems": found,
        });
        if let Some(n) = repaired {
            v["repaired"] = n.into();
            v["remaining"] = serde_json::to_value(&remaining)?;
        }
        print_json(&v)?;
    } else {
        // writeln! rather than println!: a closed pipe is an error that exits 0, not a panic.
        let mut out = std::io::stdout().lock();
        for f in &found {
            writeln!(out, "{f}")?;
        }
        print_summary(&mut out, &found, repaired, &remaining, records, generation)?;
    }
    Ok(if remaining.is_empty() {
        Outcome::Done
    } else {
        Outcome::ProblemsFound
    })
}

fn print_summary(
    out: &mut impl Write,
    found: &[Finding],
    repaired: Option<usize>,
    remaining: &[Finding],
    records: usize,
    generation: u64,
) -> std::io::Result<()> {
    if found.is_empty() {
        return writeln!(
            out,
            "ok: {records} records at generation {generation}; every check passed"
        );
    }
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    match repaired {
        None => {
            let mendable = found.iter().filter(|f| f.repairable).count();
            writeln!(
                out,
                "{} problem{} found; {mendable} can be mended with `netakosh check --repair`",
                found.len(),
                plural(found.len())
            )
        }
        Some(n) => {
            writeln!(out, "mended {n} problem{}", plural(n))?;
            if remaining.is_empty() {
                return writeln!(
                    out,
                    "ok: {records} records at generation {generation}; every check passed"
                );
            }
            writeln!(
                out,
                "{} problem{} remain{} that only a person can fix:",
                remaining.len(),
                plural(remaining.len()),
                if remaining.len() == 1 { "s" } else { "" }
            )?;
            for f in remaining {
                writeln!(out, "{f}")?;
            }
            Ok(())
        }
    }
}
