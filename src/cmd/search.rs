//! `netakosh search`: answers from the index alone when it is current.

use super::{notify, print_json, Context, Outcome};
use crate::cli::SearchArgs;
use anyhow::{Context as _, Result};
use netakosh::analysis::is_devanagari;
use netakosh::kb;
use netakosh::model::Kind;
use netakosh::search::{Hit, SearchOptions};
use std::io::Write;

pub fn run(ctx: &Context, args: SearchArgs) -> Result<Outcome> {
    let query = if args.query == ["-"] {
        let mut q = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut q)
            .context("cannot read the query from standard input")?;
        q
    } else {
        args.query.join(" ")
    };
    let kind = args
        .kind
        .as_deref()
        .map(str::parse::<Kind>)
        .transpose()
        .map_err(netakosh::Error::Usage)?;
    if args.limit == 0 {
        return Err(netakosh::Error::Usage("--limit must be at least 1".into()).into());
    }
    let opts = SearchOptions {
        limit: args.limit,
        kind,
    };
    let (hits, notices) = kb::search(&ctx.home, &query, &opts)?;
    notify(&notices);
    if args.json {
        print_json(&serde_json::json!({ "query": query, "hits": hits }))?;
    } else {
        print_hits(&query, &hits)?;
    }
    if hits.is_empty() {
        if !args.json {
            eprintln!("netakosh: nothing found for `{query}`");
        }
        return Ok(Outcome::NothingFound);
    }
    Ok(Outcome::Done)
}

/// Shortens `s` to at most `max` characters, on a character boundary.
pub fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn print_hits(query: &str, hits: &[Hit]) -> Result<()> {
    let lang = if query.split_whitespace().any(is_devanagari) {
        "hi"
    } else {
        "en"
    };
    let mut out = std::io::stdout().lock();
    for hit in hits {
        writeln!(
            out,
            "{:<12} {}  [{}]",
            hit.kind.as_str(),
            hit.name.both(),
            hit.id
        )?;
        let summary = hit.summary.best(lang);
        if !summary.is_empty() {
            writeln!(out, "{:<12} {}", "", clip(summary, 110))?;
        }
    }
    Ok(())
}
