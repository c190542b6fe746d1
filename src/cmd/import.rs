//! `netakosh import`: validate every file, then apply all records or none.

use super::{print_json, Context, Outcome};
use crate::cli::ImportArgs;
use anyhow::Result;
use netakosh::import::{read_files_as, Format, Report};
use netakosh::model::Kind;
use std::collections::BTreeMap;
use std::path::Path;

fn describe(map: &BTreeMap<Kind, usize>) -> String {
    let total = Report::total(map);
    if total == 0 {
        return "0".into();
    }
    let parts: Vec<String> = map.iter().map(|(k, n)| format!("{k} {n}")).collect();
    format!("{total} ({})", parts.join(", "))
}

pub fn run(ctx: &Context, args: ImportArgs) -> Result<Outcome> {
    let paths: Vec<&Path> = args.files.iter().map(|p| p.as_path()).collect();
    let format = args
        .format
        .as_deref()
        .map(str::parse::<Format>)
        .transpose()
        .map_err(netakosh::Error::Usage)?;
    let (records, chosen) = read_files_as(&paths, format);
    if format.is_none() && !args.json {
        // Native files need no announcement; a recognised dataset does.
        for (file, f) in chosen.iter().filter(|(_, f)| *f != Format::Jsonl) {
            eprintln!("netakosh: reading {file} as {}", f.as_str());
        }
    }
    let mut kb = ctx.open()?;
    let label = format!(
        "import {}",
        args.files
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" ")
    );
    let report = kb.import(records, &label, args.dry_run)?;
    if args.json {
        print_json(&serde_json::json!({ "dry_run": args.dry_run, "report": report }))?;
        return Ok(Outcome::Done);
    }
    let verb = if args.dry_run { "would add" } else { "added" };
    println!(
        "{verb} {}, {} {}, unchanged {}",
        describe(&report.added),
        if args.dry_run {
            "would update"
        } else {
            "updated"
        },
        describe(&report.updated),
        describe(&report.unchanged)
    );
    if args.dry_run {
        println!("dry run: nothing was written");
    }
    Ok(Outcome::Done)
}
