//! `netakosh election`: the result table of one election, or of its seats.

use super::{print_json, Context, Outcome};
use crate::cli::ElectionArgs;
use anyhow::Result;
use netakosh::analysis::is_devanagari;
use netakosh::election::{results, seats_matching, summary, Constituency, Results, Row};
use netakosh::kb::answers;
use netakosh::model::Outcome as Won;
use netakosh::numerals::indian;
use netakosh::search::resolve_election;
use serde::{Deserialize, Serialize};
use std::io::Write;

/// Said once under a table: no dataset here gives the electors of a seat.
pub const NO_TURNOUT: &str = "turnout: not in the data (no dataset gives the electors)";

/// What `election` prints: one or more result tables, or the summary of an
/// election of many seats. Kept per store generation (`kb::answers`), so asking
/// again reads one small file instead of opening the store.
#[derive(Serialize, Deserialize)]
struct Answer {
    summary: bool,
    results: Results,
}

pub fn run(ctx: &Context, args: ElectionArgs) -> Result<Outcome> {
    let target = args.target.join(" ");
    let question = format!(
        "election\0{target}\0{}\0{}",
        args.constituency.as_deref().unwrap_or("\u{1}"),
        args.json
    );
    let answer = match answers::recall::<Answer>(&ctx.home, &question) {
        Some(a) => a,
        None => {
            let kb = ctx.open()?;
            let answer = work_out(&kb, &target, &args)?;
            netakosh::kb::timing("worked out the answer");
            let generation = kb.store.generation()?;
            if let Err(e) = answers::remember(&ctx.home, generation, &question, &answer) {
                // Keeping it is only a saving: the answer is printed all the same.
                eprintln!("netakosh: the answer was not kept for next time: {e}");
            }
            answer
        }
    };
    let r = answer.results;
    if args.json {
        print_json(&r)?;
        return Ok(Outcome::Done);
    }
    let hi = target.split_whitespace().any(is_devanagari);
    let mut out = std::io::stdout().lock();
    title(&mut out, &r)?;
    if answer.summary {
        tally(&mut out, &r)?;
        writeln!(
            out,
            "\n{} seats; `--constituency NAME` prints one result table",
            r.totals.seats
        )?;
        return Ok(Outcome::Done);
    }
    for c in &r.constituencies {
        table(&mut out, c, &r.votes_unit, hi)?;
    }
    if r.constituencies.iter().any(|c| c.counted) {
        writeln!(out, "\n{NO_TURNOUT}")?;
    }
    if r.votes_unit != "votes" {
        writeln!(out, "(votes are {})", r.votes_unit)?;
    }
    Ok(Outcome::Done)
}

/// Resolves the election (and the seats a name or `--constituency` singles out)
/// and reads its tables, or its summary when it has many seats and none was named.
fn work_out(kb: &netakosh::kb::Kb, target: &str, args: &ElectionArgs) -> Result<Answer> {
    // A natural name (`Amethi 2019`) may single out a seat as well as the election.
    let named = resolve_election(&kb.store, &kb.index, target)?;
    let id = named.id;
    netakosh::kb::timing("resolved the election");
    let seats = match &args.constituency {
        Some(text) => {
            let keys = seats_named(kb, &id, text)?;
            if keys.is_empty() {
                return Err(
                    netakosh::Error::not_found(format!("constituency `{text}` in {id}")).into(),
                );
            }
            Some(keys)
        }
        None if !named.seats.is_empty() => Some(named.seats),
        None => None,
    };
    if seats.is_none() && !args.json {
        let s = summary(&kb.store, &id)?;
        if s.totals.seats > 1 {
            return Ok(Answer {
                summary: true,
                results: s,
            });
        }
    }
    Ok(Answer {
        summary: false,
        results: results(&kb.store, &id, seats.as_deref())?,
    })
}

/// The seats of election `id` that `text` names in either script and any spelling
/// (`search::resolve::seats_named`), else — a store imported before seats were
/// records — every seat of the election whose name holds the text.
fn seats_named(kb: &netakosh::kb::Kb, id: &str, text: &str) -> Result<Vec<String>> {
    match netakosh::search::resolve::seats_named(&kb.store, &kb.index, text, Some(id)) {
        Ok(seats) if !seats.is_empty() => Ok(seats),
        Ok(_) | Err(netakosh::Error::NotFound { .. }) => Ok(seats_matching(&kb.store, id, text)?),
        Err(e) => Err(e.into()),
    }
}

fn title(out: &mut impl Write, r: &Results) -> Result<()> {
    let mut title = format!("{}  [{}]", r.name.both(), r.id);
    if let Some(d) = &r.date {
        title.push_str(&format!("  {d}"));
    }
    if let Some(s) = r.seats {
        title.push_str(&format!(", {s} seats"));
    }
    writeln!(out, "{title}")?;
    Ok(())
}

/// `text` padded with spaces to `width` characters (left-aligned).
pub fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

/// `text` cut to `width` characters with an ellipsis.
pub fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut s: String = text.chars().take(width.saturating_sub(1)).collect();
    s.push('…');
    s
}

fn tally(out: &mut impl Write, r: &Results) -> Result<()> {
    let t = &r.totals;
    writeln!(
        out,
        "{} seats ({} counted), {} candidates, {} valid votes{}; counted by {}",
        t.seats,
        t.counted_seats,
        indian(t.candidates as u64),
        indian(t.votes),
        // A dataset without NOTA lines (TCPD's) says nothing of NOTA: no "NOTA 0".
        if t.nota_votes > 0 {
            format!(" (NOTA {})", indian(t.nota_votes))
        } else {
            String::new()
        },
        if t.sources.is_empty() {
            "no dataset".to_string()
        } else {
            t.sources.join(", ")
        }
    )?;
    if t.uncounted_seats > 0 {
        writeln!(
            out,
            "{} more seats only an affidavit dataset lists under another name or state: \
             not in the tally (`--constituency NAME` shows their rows)",
            t.uncounted_seats
        )?;
    }
    writeln!(out, "{NO_TURNOUT}")?;
    writeln!(
        out,
        "\n{} {:>10} {:>5} {:>15} {:>7}",
        pad("party", 30),
        "contested",
        "won",
        "votes",
        "share"
    )?;
    for p in &r.tally {
        let share = if t.votes > 0 {
            format!("{:.2}%", p.votes as f64 * 100.0 / t.votes as f64)
        } else {
            String::new()
        };
        writeln!(
            out,
            "{} {:>10} {:>5} {:>15} {:>7}",
            pad(&clip(&p.label, 30), 30),
            p.candidates,
            p.won,
            indian(p.votes),
            share
        )?;
    }
    let won: usize = r.tally.iter().map(|p| p.won).sum();
    writeln!(
        out,
        "{} {:>10} {:>5} {:>15}",
        pad("total", 30),
        t.candidates,
        won,
        indian(t.votes - t.nota_votes)
    )?;
    Ok(())
}

/// An affidavit's facts in a few words, with its dataset.
fn affidavit(row: &Row) -> String {
    let Some(a) = &row.affidavit else {
        return String::new();
    };
    let mut parts = Vec::new();
    if let Some(n) = a.criminal_cases {
        parts.push(format!(
            "{n} criminal case{}",
            if n == 1 { "" } else { "s" }
        ));
    }
    if let Some(n) = a.assets {
        parts.push(format!("assets {}", super::show::rupees(n)));
    }
    if let Some(e) = &a.education {
        parts.push(e.clone());
    }
    if parts.is_empty() {
        return String::new();
    }
    let from = row
        .affidavit_source
        .as_deref()
        .map(|s| format!(" [{s}]"))
        .unwrap_or_default();
    format!("  affidavit: {}{from}", parts.join(", "))
}

fn table(out: &mut impl Write, c: &Constituency, unit: &str, hi: bool) -> Result<()> {
    let (won, lost) = if hi {
        ("जीते", "हारे")
    } else {
        ("won", "lost")
    };
    let head = c.name.as_ref().map(|n| n.both()).unwrap_or_default();
    let from = match &c.source {
        Some(s) if c.counted => {
            let also: Vec<&str> = c
                .sources
                .iter()
                .map(String::as_str)
                .filter(|x| x != s)
                .collect();
            if also.is_empty() {
                format!("  [counted: {s}]")
            } else {
                format!("  [counted: {s}; also {}]", also.join(", "))
            }
        }
        _ => format!("  [not counted in the data: {}]", c.sources.join(", ")),
    };
    writeln!(out, "\n{head}{from}")?;
    let width = c
        .rows
        .iter()
        .map(|r| r.name.both().chars().count())
        .max()
        .unwrap_or(9)
        .clamp(9, 48);
    let pw = c
        .rows
        .iter()
        .filter_map(|r| r.party_label.as_ref())
        .map(|l| clip(l, 24).chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    writeln!(
        out,
        "{:>3}  {} {} {:>12} {:>7}  result",
        "#",
        pad("candidate", width),
        pad("party", pw),
        unit.split(' ').next_back().unwrap_or("votes"),
        "share",
    )?;
    let mut said_uncounted = false;
    for row in &c.rows {
        if !row.counted && c.counted && !said_uncounted {
            writeln!(
                out,
                "     not in the count (an affidavit without a counted row):"
            )?;
            said_uncounted = true;
        }
        let rank = row
            .rank
            .map(|r| r.to_string())
            .unwrap_or_else(|| "—".into());
        let votes = row.votes.map(indian).unwrap_or_else(|| "—".into());
        let share = row.share.map(|s| format!("{s:.2}%")).unwrap_or_default();
        let deposit = match (row.deposit_lost, hi) {
            (Some(true), true) => " (ज़मानत ज़ब्त)",
            (Some(true), false) => " (deposit lost)",
            _ => "",
        };
        let result = match row.result {
            Some(Won::Won) => won,
            Some(Won::Lost) => lost,
            None => "",
        };
        let label = row
            .party_label
            .as_deref()
            .map(|l| clip(l, 24))
            .unwrap_or_default();
        writeln!(
            out,
            "{:>3}  {} {} {:>12} {:>7}  {}{}{}",
            rank,
            pad(&row.name.both(), width),
            pad(&label, pw),
            votes,
            share,
            result,
            deposit,
            affidavit(row),
        )?;
    }
    let candidates = c.rows.iter().filter(|r| !r.nota).count();
    let mut total = format!("total: {candidates} candidates");
    if c.rows.iter().any(|r| r.nota) {
        total.push_str(" + NOTA");
    }
    if let Some(v) = c.total_votes {
        total.push_str(&format!(", {} valid {unit}", indian(v)));
    }
    if let Some(m) = c.margin {
        let counted: Vec<&Row> = c.rows.iter().filter(|r| r.counted && !r.nota).collect();
        let names = match (counted.first(), counted.get(1)) {
            (Some(a), Some(b)) => format!(
                " ({} over {})",
                a.name.best(if hi { "hi" } else { "en" }),
                b.name.best(if hi { "hi" } else { "en" })
            ),
            _ => String::new(),
        };
        total.push_str(&format!("; margin {}{names}", indian(m)));
    }
    writeln!(out, "{total}")?;
    Ok(())
}
