//! `netakosh election`: the result table of one election, or of its seats.

use super::{print_json, Context, Outcome};
use crate::cli::ElectionArgs;
use anyhow::Result;
use netakosh::election::{answer, Answer, Constituency, Results, Row};
use netakosh::i18n::{rupees, Label as L, Lang};
use netakosh::kb::answers;
use netakosh::model::Outcome as Won;
use netakosh::numerals::indian;
use std::io::Write;

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
            let kb = ctx.read()?;
            let answer = answer(
                &*kb.records,
                &kb.index,
                &target,
                args.constituency.as_deref(),
                args.json,
            )?;
            netakosh::kb::timing("worked out the answer");
            let generation = kb.records.generation()?;
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
    let lang = Lang::choose(
        args.lang,
        [target.as_str(), args.constituency.as_deref().unwrap_or("")],
    );
    let mut out = std::io::stdout().lock();
    title(&mut out, &r, lang)?;
    if answer.summary {
        tally(&mut out, &r, lang)?;
        writeln!(out, "\n{} {}", r.totals.seats, lang.t(L::OneTable))?;
        return Ok(Outcome::Done);
    }
    for c in &r.constituencies {
        table(&mut out, c, &r.votes_unit, lang)?;
    }
    if r.constituencies.iter().any(|c| c.counted) {
        writeln!(out, "\n{}", lang.t(L::NoTurnout))?;
    }
    if r.votes_unit != "votes" {
        writeln!(
            out,
            "({} {})",
            lang.t(L::VotesAre),
            lang.votes_unit(&r.votes_unit)
        )?;
    }
    Ok(Outcome::Done)
}

/// Resolves the election (and the seats a name or `--constituency` singles out)
/// and reads its tables, or its summary when it has many seats and none was named.
fn title(out: &mut impl Write, r: &Results, lang: Lang) -> Result<()> {
    let mut title = format!("{}  [{}]", r.name.both_for(lang.code()), r.id);
    if let Some(d) = &r.date {
        title.push_str(&format!("  {}", lang.date(d)));
    }
    if let Some(s) = r.seats {
        title.push_str(&format!(", {s} {}", lang.t(L::Seats)));
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

fn tally(out: &mut impl Write, r: &Results, lang: Lang) -> Result<()> {
    let t = &r.totals;
    writeln!(
        out,
        "{} {} ({} {}), {} {}, {} {}{}; {} {}",
        t.seats,
        lang.t(L::Seats),
        t.counted_seats,
        lang.t(L::Counted),
        indian(t.candidates as u64),
        lang.t(L::Candidates),
        indian(t.votes),
        lang.t(L::ValidVotes),
        // A dataset without NOTA lines (TCPD's) says nothing of NOTA: no "NOTA 0".
        if t.nota_votes > 0 {
            format!(" (NOTA {})", indian(t.nota_votes))
        } else {
            String::new()
        },
        lang.t(L::CountedBy),
        if t.sources.is_empty() {
            lang.t(L::NoDataset).to_string()
        } else {
            t.sources.join(", ")
        }
    )?;
    if t.uncounted_seats > 0 {
        writeln!(out, "{} {}", t.uncounted_seats, lang.t(L::UncountedSeats))?;
    }
    writeln!(out, "{}", lang.t(L::NoTurnout))?;
    writeln!(
        out,
        "\n{} {:>10} {:>5} {:>15} {:>7}",
        pad(lang.t(L::HeadParty), 30),
        lang.t(L::HeadContested),
        lang.t(L::HeadWon),
        lang.t(L::HeadVotes),
        lang.t(L::HeadShare)
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
        pad(lang.t(L::Total), 30),
        t.candidates,
        won,
        indian(t.votes - t.nota_votes)
    )?;
    Ok(())
}

/// An affidavit's facts in a few words, with its dataset.
fn affidavit(row: &Row, lang: Lang) -> String {
    let Some(a) = &row.affidavit else {
        return String::new();
    };
    let mut parts = Vec::new();
    if let Some(n) = a.criminal_cases {
        parts.push(match lang {
            Lang::En => format!("{n} criminal case{}", if n == 1 { "" } else { "s" }),
            Lang::Hi => format!("{n} {}", lang.t(L::CriminalCases)),
        });
    }
    if let Some(n) = a.assets {
        parts.push(format!("{} {}", lang.t(L::Assets), rupees(n)));
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
    format!("  {}: {}{from}", lang.t(L::Affidavit), parts.join(", "))
}

fn table(out: &mut impl Write, c: &Constituency, unit: &str, lang: Lang) -> Result<()> {
    let (won, lost) = (lang.t(L::Won), lang.t(L::Lost));
    let counted = lang.t(L::Counted);
    let head = c
        .name
        .as_ref()
        .map(|n| n.both_for(lang.code()))
        .unwrap_or_default();
    let from = match &c.source {
        Some(s) if c.counted => {
            let also: Vec<&str> = c
                .sources
                .iter()
                .map(String::as_str)
                .filter(|x| x != s)
                .collect();
            if also.is_empty() {
                format!("  [{counted}: {s}]")
            } else {
                format!(
                    "  [{counted}: {s}; {} {}]",
                    lang.pick("also", "साथ में"),
                    also.join(", ")
                )
            }
        }
        _ => format!("  [{}: {}]", lang.t(L::NotCounted), c.sources.join(", ")),
    };
    writeln!(out, "\n{head}{from}")?;
    let width = c
        .rows
        .iter()
        .map(|r| r.name.both_for(lang.code()).chars().count())
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
        "{:>3}  {} {} {:>12} {:>7}  {}",
        "#",
        pad(lang.t(L::HeadCandidate), width),
        pad(lang.t(L::HeadParty), pw),
        lang.votes_unit(unit.split(' ').next_back().unwrap_or("votes")),
        lang.t(L::HeadShare),
        lang.t(L::HeadResult),
    )?;
    let mut said_uncounted = false;
    for row in &c.rows {
        if !row.counted && c.counted && !said_uncounted {
            writeln!(out, "     {}", lang.t(L::NotInTheCount))?;
            said_uncounted = true;
        }
        let rank = row
            .rank
            .map(|r| r.to_string())
            .unwrap_or_else(|| "—".into());
        let votes = row.votes.map(indian).unwrap_or_else(|| "—".into());
        let share = row.share.map(|s| format!("{s:.2}%")).unwrap_or_default();
        let deposit = match row.deposit_lost {
            Some(true) => format!(" ({})", lang.t(L::DepositLost)),
            _ => String::new(),
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
            pad(&row.name.both_for(lang.code()), width),
            pad(&label, pw),
            votes,
            share,
            result,
            deposit,
            affidavit(row, lang),
        )?;
    }
    let candidates = c.rows.iter().filter(|r| !r.nota).count();
    let mut total = format!(
        "{}: {candidates} {}",
        lang.t(L::Total),
        lang.t(L::Candidates)
    );
    if c.rows.iter().any(|r| r.nota) {
        total.push_str(" + NOTA");
    }
    if let Some(v) = c.total_votes {
        total.push_str(&format!(
            ", {} {} {}",
            indian(v),
            lang.t(L::Valid),
            lang.votes_unit(unit)
        ));
    }
    if let Some(m) = c.margin {
        let counted: Vec<&Row> = c.rows.iter().filter(|r| r.counted && !r.nota).collect();
        let names = match (counted.first(), counted.get(1)) {
            (Some(a), Some(b)) => match lang {
                Lang::En => format!(" ({} over {})", a.name.best("en"), b.name.best("en")),
                Lang::Hi => format!(" ({} ने {} को हराया)", a.name.best("hi"), b.name.best("hi")),
            },
            _ => String::new(),
        };
        total.push_str(&format!("; {} {}{names}", lang.t(L::Margin), indian(m)));
    }
    writeln!(out, "{total}")?;
    Ok(())
}
