//! `netakosh election`: the result table of one election.

use super::{print_json, Context, Outcome};
use crate::cli::ElectionArgs;
use anyhow::Result;
use netakosh::analysis::is_devanagari;
use netakosh::election::results;
use netakosh::model::Outcome as Won;
use netakosh::search::resolve::seats_named;
use netakosh::search::resolve_election;
use std::io::Write;

pub fn run(ctx: &Context, args: ElectionArgs) -> Result<Outcome> {
    let target = args.target.join(" ");
    let kb = ctx.open()?;
    let named = resolve_election(&kb.store, &kb.index, &target)?;
    let id = named.id;
    // The seats to show: `--constituency` in either script and any spelling, else the
    // seat the name singled out (`Amethi 2019`).
    let seats = match &args.constituency {
        Some(text) => seats_named(&kb.store, &kb.index, text, Some(&id))?,
        None => named.seats,
    };
    // `results` filters by a constituency's name: the seat's, else the text as typed
    // (a store imported before seats were records).
    let constituency = match seats.first() {
        Some(seat) => kb.store.get(seat)?.map(|r| r.name().best("en").to_string()),
        None => args.constituency.clone(),
    };
    let r = results(&kb.store, &id, constituency.as_deref())?;
    if args.json {
        print_json(&r)?;
        return Ok(Outcome::Done);
    }
    let hi = target.split_whitespace().any(is_devanagari);
    let mut out = std::io::stdout().lock();
    let mut title = format!("{}  [{}]", r.name.both(), r.id);
    if let Some(d) = &r.date {
        title.push_str(&format!("  {d}"));
    }
    if let Some(s) = r.seats {
        title.push_str(&format!(", {s} seats"));
    }
    writeln!(out, "{title}")?;
    let (won, lost) = if hi {
        ("जीते", "हारे")
    } else {
        ("won", "lost")
    };
    let many = r.constituencies.iter().filter(|c| c.tallied).count() > 1;
    if many && constituency.is_none() {
        writeln!(
            out,
            "\n{:<28} {:>10} {:>6} {:>14}",
            "party", "candidates", "won", "votes"
        )?;
        for t in &r.tally {
            writeln!(
                out,
                "{:<28} {:>10} {:>6} {:>14}",
                t.label, t.candidates, t.won, t.votes
            )?;
        }
        writeln!(
            out,
            "\n{} constituencies; `--constituency NAME` prints one result table",
            r.constituencies.iter().filter(|c| c.tallied).count()
        )?;
        return Ok(Outcome::Done);
    }
    // A constituency that more than one dataset covers has a table from each.
    let mut tables: std::collections::HashMap<Option<&str>, usize> = Default::default();
    for c in &r.constituencies {
        *tables
            .entry(c.name.as_ref().map(|n| n.best("en")))
            .or_default() += 1;
    }
    for c in &r.constituencies {
        let shared = tables[&c.name.as_ref().map(|n| n.best("en"))] > 1;
        let from = match (&c.source, shared) {
            (Some(s), true) => format!("  [{s}]"),
            _ => String::new(),
        };
        if let Some(n) = &c.name {
            writeln!(out, "\n{}{from}", n.both())?;
        } else if !from.is_empty() {
            writeln!(out, "\n{from}")?;
        }
        // TCPD gives each candidate's margin over the next: a column when any row has one.
        let margins = c.rows.iter().any(|r| r.margin.is_some());
        writeln!(
            out,
            "{:>3}  {:<44} {:<10} {:>12} {:>7}{}  result",
            "#",
            "candidate",
            "party",
            r.votes_unit.split(' ').next_back().unwrap_or("votes"),
            "share",
            if margins {
                format!(" {:>10}", "margin")
            } else {
                String::new()
            }
        )?;
        for row in &c.rows {
            let votes = row
                .votes
                .map(|v| v.to_string())
                .unwrap_or_else(|| "—".into());
            let share = row.share.map(|s| format!("{s:.2}%")).unwrap_or_default();
            let margin = match (margins, row.margin) {
                (false, _) => String::new(),
                (true, Some(m)) => format!(" {m:>10}"),
                (true, None) => format!(" {:>10}", ""),
            };
            let deposit = if row.deposit_lost == Some(true) {
                if hi {
                    " (ज़मानत ज़ब्त)"
                } else {
                    " (deposit lost)"
                }
            } else {
                ""
            };
            let result = match row.result {
                Some(Won::Won) => won,
                Some(Won::Lost) => lost,
                None => "",
            };
            writeln!(
                out,
                "{:>3}  {:<44} {:<10} {:>12} {:>7}{}  {}{}",
                row.rank,
                row.name.both(),
                row.party_label.as_deref().unwrap_or(""),
                votes,
                share,
                margin,
                result,
                deposit
            )?;
        }
    }
    if r.votes_unit != "votes" {
        writeln!(out, "\n(votes are {})", r.votes_unit)?;
    }
    Ok(Outcome::Done)
}
