//! `netakosh office`: who held an office, or who held it on a date.

use super::{print_json, Context, Outcome};
use crate::cli::OfficeArgs;
use anyhow::Result;
use netakosh::model::{Kind, PartialDate};
use netakosh::profile::Profile;
use netakosh::search::resolve_kind;
use std::io::Write;

pub fn run(ctx: &Context, args: OfficeArgs) -> Result<Outcome> {
    let target = args.target.join(" ");
    let at = args
        .at
        .as_deref()
        .map(str::parse::<PartialDate>)
        .transpose()
        .map_err(|e| netakosh::Error::Usage(format!("--at: {e}")))?;
    let kb = ctx.open()?;
    let id = resolve_kind(&kb.store, &kb.index, &target, Some(Kind::Office))?;
    let mut profile = Profile::load(&kb.store, &id)?;
    if let Some(date) = &at {
        profile
            .tenures
            .retain(|t| date.within(t.tenure.start.as_ref(), t.tenure.end.as_ref()));
    }
    if args.json {
        print_json(&serde_json::json!({
            "id": profile.id,
            "name": profile.record.name(),
            "at": at,
            "holders": profile.tenures,
        }))?;
    } else {
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "{}  [office {}]",
            profile.record.name().both(),
            profile.id
        )?;
        if let Some(d) = &at {
            writeln!(out, "held on {d} by:")?;
        }
        for t in &profile.tenures {
            let start = t
                .tenure
                .start
                .map(|d| d.to_string())
                .unwrap_or_else(|| "?".into());
            let end = t.tenure.end.map(|d| d.to_string()).unwrap_or_default();
            writeln!(
                out,
                "  {start:>10} – {end:<10}  {}  [{}]",
                t.name.both(),
                t.tenure.person
            )?;
        }
    }
    if profile.tenures.is_empty() {
        if !args.json {
            match &at {
                Some(d) => eprintln!("netakosh: nobody in the knowledge base held `{id}` on {d}"),
                None => eprintln!("netakosh: nobody in the knowledge base has held `{id}`"),
            }
        }
        return Ok(Outcome::NothingFound);
    }
    Ok(Outcome::Done)
}
