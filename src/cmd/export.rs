//! `netakosh export`: every record as JSON Lines, to a file or standard output.

use super::{Context, Outcome};
use crate::cli::ExportArgs;
use anyhow::{Context as _, Result};
use std::io::Write;

pub fn run(ctx: &Context, args: ExportArgs) -> Result<Outcome> {
    let kb = ctx.open()?;
    match args.file.as_deref().filter(|p| p.as_os_str() != "-") {
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            netakosh::export::write_jsonl(&kb.store, &mut out)?;
            out.flush()?;
        }
        Some(path) => {
            // Write beside the target and rename, so a failed export leaves no half file.
            let tmp = path.with_extension("netakosh-tmp");
            let file = std::fs::File::create(&tmp)
                .with_context(|| format!("cannot create {}", tmp.display()))?;
            let mut out = std::io::BufWriter::new(file);
            let n = netakosh::export::write_jsonl(&kb.store, &mut out)
                .with_context(|| format!("cannot write {}", path.display()))?;
            out.flush()
                .with_context(|| format!("cannot write {}", path.display()))?;
            std::fs::rename(&tmp, path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("netakosh: exported {n} records to {}", path.display());
        }
    }
    Ok(Outcome::Done)
}
