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
    let total = kb.store.len() as u64;
    let mut bar = super::LateBar::new(total, "exporting [{bar:30}] {pos}/{len} records {elapsed}");
    let n =
        netakosh::export::write_sqlite(&kb.store, path, &mut |done| bar.set(done as u64, total));
    bar.finish();
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
