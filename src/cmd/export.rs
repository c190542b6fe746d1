//! `netakosh export`: every record as JSON Lines (or Popolo, or the crosswalk of
//! people), to a file or standard output; or a SQLite database to a file.

use super::{Context, Outcome};
use crate::cli::ExportArgs;
use anyhow::{Context as _, Result};
use std::io::Write;

pub fn run(ctx: &Context, args: ExportArgs) -> Result<Outcome> {
    if args.format == "sqlite" {
        return sqlite(ctx, &args);
    }
    let kb = ctx.open()?;
    let write = |out: &mut dyn std::io::Write| match args.format.as_str() {
        "popolo" => netakosh::export::write_popolo(&kb.store, out),
        "crosswalk" => netakosh::export::write_crosswalk(&kb.store, out),
        _ => netakosh::export::write_jsonl(&kb.store, out),
    };
    match args.file.as_deref().filter(|p| p.as_os_str() != "-") {
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            write(&mut out)?;
            out.flush()?;
        }
        Some(path) => {
            // Write beside the target and rename, so a failed export leaves no half file.
            let tmp = path.with_extension("netakosh-tmp");
            let file = std::fs::File::create(&tmp)
                .with_context(|| format!("cannot create {}", tmp.display()))?;
            let mut out = std::io::BufWriter::new(file);
            let n = write(&mut out).with_context(|| format!("cannot write {}", path.display()))?;
            out.flush()
                .with_context(|| format!("cannot write {}", path.display()))?;
            std::fs::rename(&tmp, path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "netakosh: exported {n} {} to {}",
                match args.format.as_str() {
                    "popolo" => "Popolo objects",
                    "crosswalk" => "people",
                    _ => "records",
                },
                path.display()
            );
        }
    }
    Ok(Outcome::Done)
}

/// `--format sqlite FILE`: the library writes the file atomically.
fn sqlite(ctx: &Context, args: &ExportArgs) -> Result<Outcome> {
    let Some(path) = args.file.as_deref().filter(|p| p.as_os_str() != "-") else {
        return Err(netakosh::Error::Usage(
            "--format sqlite needs a FILE to write (a database cannot go to standard output)"
                .into(),
        )
        .into());
    };
    let kb = ctx.open()?;
    let bar = progress_bar(kb.store.len() as u64);
    let (start, mut shown) = (std::time::Instant::now(), false);
    let n = netakosh::export::write_sqlite(&kb.store, path, &mut |done| {
        // Drawn only on a terminal, and only once the export has run a second.
        if !shown && start.elapsed() > std::time::Duration::from_secs(1) {
            shown = true;
            if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
        }
        bar.set_position(done as u64)
    });
    bar.finish_and_clear();
    let n = n.with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!(
        "netakosh: exported {} records ({} people, {} candidacies) to {}, and metadata.json beside it",
        n.records,
        n.people,
        n.candidacies,
        path.display()
    );
    Ok(Outcome::Done)
}

/// A bar over the store's records, hidden until the export has run a second.
fn progress_bar(total: u64) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
    let style = ProgressStyle::with_template("exporting [{bar:30}] {pos}/{len} records {elapsed}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}
