//! `netakosh seat`: a constituency's history, election by election.

use super::election::{pad, NO_TURNOUT};
use super::{print_json, Context, Outcome};
use crate::cli::SeatArgs;
use anyhow::Result;
use netakosh::election::{history, seat_history, SeatHistory, Standing};
use netakosh::kb::answers;
use netakosh::model::Kind;
use netakosh::numerals::indian;
use netakosh::search::resolve_kind;
use std::io::Write;

/// A winner or runner-up: the name in both scripts (the person's Hindi name, from
/// whichever of its records has one), party and votes.
fn who(s: &Standing) -> String {
    let mut t = s.name.both();
    if let Some(p) = &s.party_label {
        t.push_str(&format!(" ({p})"));
    }
    if let Some(v) = s.votes {
        t.push_str(&format!(" {}", indian(v)));
    }
    t
}

pub fn run(ctx: &Context, args: SeatArgs) -> Result<Outcome> {
    let target = args.target.join(" ");
    let question = format!("seat\0{target}");
    let h: SeatHistory = match answers::recall(&ctx.home, &question) {
        Some(h) => h,
        None => {
            let kb = ctx.open()?;
            // The seat record the name resolves to (either script, any spelling its
            // aliases hold); a store without seat records answers from the name's fold.
            let h = match resolve_kind(&kb.store, &kb.index, &target, Some(Kind::Seat)) {
                Ok(id) => seat_history(&kb.store, &id)?,
                Err(netakosh::Error::NotFound { .. }) => history(&kb.store, &target)?,
                // Amethi is a Lok Sabha seat and an assembly seat: say how to choose.
                Err(e @ netakosh::Error::Ambiguous { .. }) => {
                    return Err(netakosh::Error::Usage(format!(
                        "{e}, or add the house or the state to the name (`seat {target} Lok Sabha`)"
                    ))
                    .into())
                }
                Err(e) => return Err(e.into()),
            };
            let generation = kb.store.generation()?;
            if let Err(e) = answers::remember(&ctx.home, generation, &question, &h) {
                // Keeping it is only a saving: the history is printed all the same.
                eprintln!("netakosh: the answer was not kept for next time: {e}");
            }
            h
        }
    };
    if args.json {
        print_json(&h)?;
        return Ok(Outcome::Done);
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}  [seat {}]", h.name.both(), h.seat)?;
    let width = h
        .contests
        .iter()
        .filter_map(|c| c.winner.as_ref())
        .map(|w| who(w).chars().count())
        .max()
        .unwrap_or(6)
        .clamp(6, 48);
    writeln!(
        out,
        "\n{:<4}  {} {} {:>10}  runner-up",
        "year",
        pad("house", 12),
        pad("winner", width),
        "margin",
    )?;
    for c in &h.contests {
        let year = c.date.map(|d| d.year.to_string()).unwrap_or_default();
        let house = c.house.as_deref().unwrap_or("");
        let winner = c.winner.as_ref().map(who).unwrap_or_else(|| "—".into());
        let runner = c.runner_up.as_ref().map(who).unwrap_or_default();
        let margin = c.margin.map(indian).unwrap_or_default();
        let mut cited = c.source.clone().unwrap_or_default();
        let also: Vec<&str> = c
            .sources
            .iter()
            .map(String::as_str)
            .filter(|s| Some(*s) != c.source.as_deref())
            .collect();
        if !also.is_empty() {
            cited.push_str(&format!("; also {}", also.join(", ")));
        }
        writeln!(
            out,
            "{:<4}  {} {} {:>10}  {}  [{}{}]",
            year,
            pad(house, 12),
            pad(&winner, width),
            margin,
            runner,
            c.election,
            if cited.is_empty() {
                String::new()
            } else {
                format!(": {cited}")
            }
        )?;
    }
    writeln!(out, "\n{NO_TURNOUT}")?;
    Ok(Outcome::Done)
}
