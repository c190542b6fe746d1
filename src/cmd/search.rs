//! `netakosh search`: answers from the index alone when it is current.

use super::{notify, print_json, Context, Outcome};
use crate::cli::SearchArgs;
use anyhow::{Context as _, Result};
use netakosh::analysis::is_devanagari;
use netakosh::kb;
use netakosh::search::{parse_kind, parse_year, Hit, SearchOptions, Snippet};
use std::io::{IsTerminal, Write};

pub fn run(ctx: &Context, args: SearchArgs) -> Result<Outcome> {
    let query = if args.query == ["-"] {
        let mut q = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut q)
            .context("cannot read the query from standard input")?;
        q
    } else {
        args.query.join(" ")
    };
    let usage = |m: String| anyhow::Error::from(netakosh::Error::Usage(m));
    let kind = args.kind.as_deref().map(parse_kind).transpose()?;
    let year = args.year.as_deref().map(parse_year).transpose()?;
    if args.limit == 0 {
        return Err(usage("--limit must be at least 1".into()));
    }
    let opts = SearchOptions {
        limit: args.limit,
        kind,
        party: args.party,
        state: args.state,
        year,
    };
    if query.trim().is_empty() && !opts.has_filter() {
        return Err(usage(
            "give a query, or a filter such as --party, --state or --year".into(),
        ));
    }
    let (page, notices) = kb::search_page(&ctx.home, &query, &opts, ctx.open)?;
    notify(&notices);
    let hits = page.hits;
    if args.json {
        print_json(&serde_json::json!({ "query": query, "hits": hits, "total": page.total }))?;
    } else {
        print_hits(&query, &hits)?;
        if page.total > hits.len() {
            writeln!(
                std::io::stdout().lock(),
                "\nshowing {} of {}; `--limit N` shows more",
                hits.len(),
                netakosh::numerals::indian(page.total as u64)
            )?;
        }
    }
    if hits.is_empty() {
        if !args.json {
            eprintln!("netakosh: nothing found for `{}`", clip(&query, 80));
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

/// The snippet on one line, matched words in bold on a terminal.
fn render_snippet(s: &Snippet, bold: bool) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &(from, to) in &s.highlights {
        let valid = at <= from
            && to <= s.text.len()
            && s.text.is_char_boundary(from)
            && s.text.is_char_boundary(to);
        if !valid {
            continue;
        }
        out.push_str(&s.text[at..from]);
        out.push_str(if bold { "\x1b[1m" } else { "" });
        out.push_str(&s.text[from..to]);
        out.push_str(if bold { "\x1b[0m" } else { "" });
        at = to;
    }
    out.push_str(&s.text[at..]);
    format!("…{}…", out.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn print_hits(query: &str, hits: &[Hit]) -> Result<()> {
    let lang = if query.split_whitespace().any(is_devanagari) {
        "hi"
    } else {
        "en"
    };
    let stdout = std::io::stdout();
    let bold = stdout.is_terminal();
    let mut out = stdout.lock();
    for hit in hits {
        writeln!(
            out,
            "{:<12} {}  [{}]",
            hit.kind.as_str(),
            hit.name.both_for(lang),
            hit.id
        )?;
        if !hit.also.is_empty() {
            writeln!(out, "{:<12} also: {}", "", clip(&hit.also.join(", "), 104))?;
        }
        let summary = hit.summary.best(lang);
        if !summary.is_empty() {
            writeln!(out, "{:<12} {}", "", clip(summary, 110))?;
        }
        let career = hit.career.best(lang);
        if !career.is_empty() {
            let records = if hit.records > 1 {
                format!(" · {} records", hit.records)
            } else {
                String::new()
            };
            writeln!(out, "{:<12} {}{records}", "", clip(career, 110))?;
        }
        if let Some(s) = &hit.snippet {
            writeln!(out, "{:<12} {}", "", render_snippet(s, bold))?;
        }
    }
    Ok(())
}
