//! `netakosh stats` and `netakosh reindex`: what the store holds; rebuilding the index.

use super::{print_json, Context, Outcome};
use anyhow::Result;
use std::collections::BTreeMap;

pub fn run(ctx: &Context, json: bool) -> Result<Outcome> {
    let kb = ctx.open()?;
    let counts: BTreeMap<&str, usize> = kb
        .counts()
        .into_iter()
        .map(|(k, n)| (k.as_str(), n))
        .collect();
    let generation = kb.store.generation()?;
    let docs = kb.index.num_docs()?;
    let size = kb.store.size_on_disk()?;
    if json {
        print_json(&serde_json::json!({
            "home": kb.home.root(),
            "records": counts,
            "total": counts.values().sum::<usize>(),
            "generation": generation,
            "index_documents": docs,
            "store_bytes": size,
            "last_import": kb.store.last_import()?,
        }))?;
        return Ok(Outcome::Done);
    }
    println!("home          {}", kb.home.root().display());
    for (kind, n) in &counts {
        println!("{kind:<13} {n}");
    }
    println!("total         {}", counts.values().sum::<usize>());
    println!("index         {docs} documents, generation {generation}");
    println!("store size    {:.1} MiB", size as f64 / 1_048_576.0);
    Ok(Outcome::Done)
}

pub fn reindex(ctx: &Context) -> Result<Outcome> {
    let kb = ctx.open()?;
    let n = kb.reindex()?;
    println!("reindexed {n} documents");
    Ok(Outcome::Done)
}
