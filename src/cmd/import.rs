//! `netakosh import`: validate every file, then apply all records or none, with a
//! progress bar on a terminal and a summary at the end.

use super::{print_json, Context, Outcome};
use crate::cli::ImportArgs;
use anyhow::Context as _;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use netakosh::import::{read_files_with, registry, Format, Report};
use netakosh::model::Kind;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

fn describe(map: &BTreeMap<Kind, usize>) -> String {
    let total = Report::total(map);
    if total == 0 {
        return "0".into();
    }
    let parts: Vec<String> = map.iter().map(|(k, n)| format!("{k} {n}")).collect();
    format!("{total} ({})", parts.join(", "))
}

/// A bar over the bytes of the input files, then a spinner over the import's phases;
/// drawn only when stderr is a terminal.
fn progress_bar(total_bytes: u64) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    let style = ProgressStyle::with_template(
        "{spinner} {msg:40!} [{bar:30}] {bytes}/{total_bytes} {elapsed}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

/// The files under `dir` (sorted, recursively) whose format is recognised; the
/// others are reported as skipped.
fn walk(dir: &Path, format: Option<Format>, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the directory {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, format, out)?;
            continue;
        }
        let mut head = vec![0u8; 64 * 1024];
        let n = std::fs::File::open(&path)
            .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
            .unwrap_or(0);
        let text = String::from_utf8_lossy(&head[..n]);
        if format.is_some() || registry::detect(&path.display().to_string(), &text).is_some() {
            out.push(path);
        } else {
            eprintln!(
                "netakosh: skipping {} (format not recognised)",
                path.display()
            );
        }
    }
    Ok(())
}

pub fn run(ctx: &Context, args: ImportArgs) -> Result<Outcome> {
    netakosh::kb::timing("reading the files");
    let format = args
        .format
        .as_deref()
        .map(registry::find)
        .transpose()
        .map_err(netakosh::Error::Usage)?;
    let mut files = Vec::new();
    for f in &args.files {
        if args.recursive && f.is_dir() {
            walk(f, format, &mut files)?;
        } else {
            files.push(f.clone());
        }
    }
    let sizes: Vec<u64> = files
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .collect();
    let bar = progress_bar(sizes.iter().sum());
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let mut read = 0;
    let (records, chosen) = read_files_with(&paths, format, |path| {
        // The bar moves when the next file starts.
        if read > 0 {
            bar.inc(sizes[read - 1]);
        }
        read += 1;
        bar.set_message(format!("reading {}", path.display()));
    });
    bar.inc(sizes.last().copied().unwrap_or(0));
    bar.suspend(|| {
        // Native files need no announcement; a recognised dataset does.
        if format.is_none() && !args.json {
            let native = registry::ALL[0];
            for (file, f) in chosen.iter().filter(|(_, f)| !registry::same(*f, native)) {
                eprintln!("netakosh: reading {file} as {}", f.name());
            }
        }
    });
    let label = format!(
        "import {}",
        args.files
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" ")
    );
    let mut kb = ctx.open()?;
    kb.resolve_imports = !args.no_resolve;
    let spinner = bar.clone();
    kb.on_phase = Some(Box::new(move |what| {
        spinner.set_message(what.to_string());
        spinner.tick();
    }));
    let result = kb.import(records, &label, args.dry_run);
    netakosh::kb::timing("imported");
    drop(kb);
    netakosh::kb::timing("closed the store and the index");
    bar.finish_and_clear();
    let report = result?;
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
    if !report.links.is_empty() {
        println!(
            "identity links: {verb} {}, unchanged {}",
            report.links.added, report.links.unchanged
        );
    }
    if !report.resolved.is_empty() {
        println!(
            "people: linked {} records by a shared identifier and {} by the resolver (`netakosh duplicates NAME` lists the uncertain pairs)",
            report.resolved.exact, report.resolved.resolver
        );
    }
    if !report.skipped.is_empty() {
        let reasons: Vec<String> = report
            .skipped
            .iter()
            .map(|(r, n)| format!("{n} {r}"))
            .collect();
        println!(
            "skipped {}: {}",
            report.skipped.values().sum::<usize>(),
            reasons.join("; ")
        );
    }
    if args.dry_run {
        println!("dry run: nothing was written");
    }
    Ok(Outcome::Done)
}
