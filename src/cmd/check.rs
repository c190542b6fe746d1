//! `netakosh check [--repair]`: verify the store's invariants and the index; mend
//! what can be mended from the store. Exit 4 when problems remain.

use super::{print_json, Context, Outcome};
use crate::cli::CheckArgs;
use anyhow::Result;
use netakosh::store::Finding;

pub fn run(ctx: &Context, args: CheckArgs) -> Result<Outcome> {
    let kb = ctx.open()?;
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
        for f in &found {
            println!("{f}");
        }
        print_summary(&found, repaired, &remaining, records, generation);
    }
    Ok(if remaining.is_empty() {
        Outcome::Done
    } else {
        Outcome::ProblemsFound
    })
}

fn print_summary(
    found: &[Finding],
    repaired: Option<usize>,
    remaining: &[Finding],
    records: usize,
    generation: u64,
) {
    if found.is_empty() {
        println!("ok: {records} records at generation {generation}; every check passed");
        return;
    }
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    match repaired {
        None => {
            let mendable = found.iter().filter(|f| f.repairable).count();
            println!(
                "{} problem{} found; {mendable} can be mended with `netakosh check --repair`",
                found.len(),
                plural(found.len())
            );
        }
        Some(n) => {
            println!("mended {n} problem{}", plural(n));
            if remaining.is_empty() {
                println!("ok: {records} records at generation {generation}; every check passed");
            } else {
                println!(
                    "{} problem{} remain{} that only a person can fix:",
                    remaining.len(),
                    plural(remaining.len()),
                    if remaining.len() == 1 { "s" } else { "" }
                );
                for f in remaining {
                    println!("{f}");
                }
            }
        }
    }
}
