//! `netakosh seat`: a constituency's history, election by election.

use super::election::pad;
use super::{print_json, Context, Outcome};
use crate::cli::SeatArgs;
use anyhow::Result;
use netakosh::election::{history, seat_history, SeatHistory, Standing};
use netakosh::i18n::{Label as L, Lang};
use netakosh::kb::answers;
use netakosh::model::Kind;
use netakosh::numerals::indian;
use netakosh::search::resolve_kind;
use std::io::Write;

/// A winner or runner-up: the name (the person's Hindi name, from whichever of its
/// records has one; in English both scripts), party and votes.
fn who(s: &Standing, lang: Lang) -> String {
    let mut t = match lang {
        Lang::Hi => s.name.best(lang.code()).to_string(),
        _ => s.name.both(),
    };
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
            let kb = ctx.read()?;
            // The seat record the name resolves to (either script, any spelling its
            // aliases hold); a store without seat records answers from the name's fold.
            let h = match resolve_kind(&*kb.records, &kb.index, &target, Some(Kind::Seat)) {
                Ok(id) => seat_history(&*kb.records, &id)?,
                Err(netakosh::Error::NotFound { .. }) => history(&*kb.records, &target)?,
                // Amethi is a Lok Sabha seat and an assembly seat: say how to choose.
                Err(e @ netakosh::Error::Ambiguous { .. }) => {
                    return Err(netakosh::Error::Usage(format!(
                        "{e}, or add the house or the state to the name (`seat {target} Lok Sabha`)"
                    ))
                    .into())
                }
                Err(e) => return Err(e.into()),
            };
            let generation = kb.records.generation()?;
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
    let lang = Lang::choose(args.lang, [target.as_str()]);
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}  [{} {}]",
        h.name.both_for(lang.code()),
        lang.t(L::KindSeat),
        h.seat
    )?;
    let width = h
        .contests
        .iter()
        .filter_map(|c| c.winner.as_ref())
        .map(|w| who(w, lang).chars().count())
        .max()
        .unwrap_or(6)
        .clamp(6, 48);
    writeln!(
        out,
        "\n{:<4}  {} {} {:>10}  {}",
        lang.t(L::HeadYear),
        pad(lang.t(L::HeadHouse), 12),
        pad(lang.t(L::HeadWinner), width),
        lang.t(L::HeadMargin),
        lang.t(L::HeadRunnerUp),
    )?;
    for c in &h.contests {
        let year = c.date.map(|d| d.year.to_string()).unwrap_or_default();
        let house = c.house.as_deref().map(|h| house_in(h, lang)).unwrap_or("");
        let winner = c
            .winner
            .as_ref()
            .map(|w| who(w, lang))
            .unwrap_or_else(|| "—".into());
        let runner = c
            .runner_up
            .as_ref()
            .map(|w| who(w, lang))
            .unwrap_or_default();
        let margin = c.margin.map(indian).unwrap_or_default();
        let mut cited = c.source.clone().unwrap_or_default();
        let also: Vec<&str> = c
            .sources
            .iter()
            .map(String::as_str)
            .filter(|s| Some(*s) != c.source.as_deref())
            .collect();
        if !also.is_empty() {
            cited.push_str(&format!(
                "; {} {}",
                lang.pick("also", "साथ में"),
                also.join(", ")
            ));
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
    writeln!(out, "\n{}", lang.t(L::NoTurnout))?;
    Ok(Outcome::Done)
}

/// A house as the history names it (`Lok Sabha`), in the interface's language.
fn house_in(house: &str, lang: Lang) -> &str {
    match (lang, house) {
        (Lang::Hi, "Lok Sabha") => "लोकसभा",
        (Lang::Hi, "Vidhan Sabha") => "विधानसभा",
        (Lang::Hi, "Rajya Sabha") => "राज्यसभा",
        (Lang::Hi, "Vidhan Parishad") => "विधान परिषद",
        _ => house,
    }
}
