//! `netakosh stats` and `netakosh reindex`: what the store holds; rebuilding the index.

use super::{print_json, Context, Outcome};
use anyhow::Result;
use std::collections::BTreeMap;
use std::io::Write;

pub fn run(ctx: &Context, json: bool) -> Result<Outcome> {
    let kb = ctx.read()?;
    let counts: BTreeMap<&str, usize> = netakosh::model::Kind::ALL
        .into_iter()
        .zip(kb.records.counts()?)
        .map(|(k, n)| (k.as_str(), n))
        .collect();
    let generation = kb.records.generation()?;
    let docs = kb.index.num_docs()?;
    let size = netakosh::store::size_on_disk(&kb.home.store_dir());
    if json {
        print_json(&serde_json::json!({
            "home": kb.home.root(),
            "records": counts,
            "total": counts.values().sum::<usize>(),
            "generation": generation,
            "index_documents": docs,
            "store_bytes": size,
            "last_import": kb.records.last_import()?,
        }))?;
        return Ok(Outcome::Done);
    }
    // writeln! rather than println!: a closed pipe is an error that exits 0, not a panic.
    let mut out = std::io::stdout().lock();
    writeln!(out, "home          {}", kb.home.root().display())?;
    for (kind, n) in &counts {
        writeln!(out, "{kind:<13} {n}")?;
    }
    writeln!(out, "total         {}", counts.values().sum::<usize>())?;
    writeln!(
        out,
        "index         {docs} documents, generation {generation}"
    )?;
    writeln!(out, "store size    {:.1} MiB", size as f64 / 1_048_576.0)?;
    Ok(Outcome::Done)
}

pub fn reindex(ctx: &Context) -> Result<Outcome> {
    let mut kb = ctx.open()?;
    let n = kb.reindex()?;
    writeln!(std::io::stdout(), "reindexed {n} documents")?;
    Ok(Outcome::Done)
}
