//! `netakosh candidates`: resolves the typed election, seat and person names, asks
//! the library for the matching candidacies and prints them as a table, JSON, CSV
//! or TSV, or their counts.

use super::election::pad;
use super::{print_json, Context, Outcome};
use crate::cli::{CandidatesArgs, GroupBy, Sex};
use anyhow::Result;
use netakosh::candidates::{self, Query, Row, Tally};
use netakosh::model::{Gender, Kind};
use netakosh::numerals::indian;
use netakosh::search::{resolve::seats_named, resolve_election, resolve_kind};
use std::io::Write;

pub fn run(ctx: &Context, args: CandidatesArgs) -> Result<Outcome> {
    let kb = ctx.open()?;
    let mut q = Query {
        state: args.state.clone(),
        party: args.party.clone(),
        source: args.source.clone(),
        year: args.year,
        house: args.house.clone(),
        result: match (args.won, args.lost) {
            (true, _) => Some(netakosh::model::Outcome::Won),
            (_, true) => Some(netakosh::model::Outcome::Lost),
            _ => None,
        },
        sex: args.sex.map(|s| match s {
            Sex::Female => Gender::Female,
            Sex::Male => Gender::Male,
            Sex::Other => Gender::Other,
        }),
        age: args.age,
        education: args.education.clone(),
        min_cases: args.min_cases,
        assets: args.assets,
        liabilities: args.liabilities,
        sort: args.sort,
        limit: args.limit,
        ..Query::default()
    };
    if let Some(text) = &args.election {
        // `Amethi 2019` names the election and a seat of it.
        let target = resolve_election(&kb.store, &kb.index, text)?;
        q.seats = target.seats;
        if args.bye_elections {
            q.elections = candidates::bye_elections_of(&kb.store, &target.id)?;
        }
        q.elections.push(target.id);
    }
    if let Some(text) = &args.seat {
        let seats = seats_named(
            &kb.store,
            &kb.index,
            text,
            q.elections.last().map(String::as_str),
        )?;
        if seats.is_empty() {
            // A store imported before seats were records: the candidacies' own
            // spellings of the constituency answer instead.
            if kb.store.count(Kind::Seat) > 0 {
                return Err(netakosh::Error::not_found(text.clone()).into());
            }
            q.constituency = Some(text.clone());
        }
        q.seats = seats;
    }
    if let Some(text) = &args.person {
        q.person = Some(resolve_kind(
            &kb.store,
            &kb.index,
            text,
            Some(Kind::Person),
        )?);
    }
    let mut bar = super::LateBar::new(0, "reading [{bar:30}] {pos}/{len} candidacies {elapsed}");
    let rows = candidates::rows_with_progress(&kb.store, &q, &mut |done, total| {
        bar.set(done as u64, total as u64)
    });
    bar.finish();
    let rows = rows?;
    if args.count || args.group_by.is_some() {
        let tallies = match args.group_by {
            Some(by) => candidates::group(&rows, group_by(by)),
            None => vec![candidates::count(&rows)],
        };
        return print_tallies(&args, &tallies);
    }
    if args.json {
        print_json(&rows)?;
    } else if args.csv || args.tsv {
        write_delimited(&rows, if args.tsv { b'\t' } else { b',' })?;
    } else {
        print_table(&rows)?;
    }
    Ok(if rows.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Done
    })
}

fn group_by(by: GroupBy) -> candidates::GroupBy {
    match by {
        GroupBy::Party => candidates::GroupBy::Party,
        GroupBy::State => candidates::GroupBy::State,
        GroupBy::Year => candidates::GroupBy::Year,
        GroupBy::Education => candidates::GroupBy::Education,
        GroupBy::Sex => candidates::GroupBy::Sex,
    }
}

fn write_delimited<T: serde::Serialize>(items: &[T], delimiter: u8) -> Result<()> {
    let out = std::io::stdout().lock();
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(out);
    for item in items {
        w.serialize(item)?;
    }
    w.flush()?;
    Ok(())
}

fn print_tallies(args: &CandidatesArgs, tallies: &[Tally]) -> Result<Outcome> {
    if args.json {
        if args.count {
            print_json(&tallies[0])?;
        } else {
            print_json(&tallies)?;
        }
    } else if args.csv || args.tsv {
        write_delimited(tallies, if args.tsv { b'\t' } else { b',' })?;
    } else if args.count {
        let t = &tallies[0];
        println!("{}", t.candidacies);
        eprintln!(
            "{} won · {} with declared criminal cases ({} cases) · assets {}",
            t.won,
            t.with_cases,
            t.criminal_cases,
            candidates::rupees_in_words(t.assets)
        );
    } else {
        let width = tallies
            .iter()
            .map(|t| t.key.chars().count())
            .max()
            .unwrap_or(5)
            .clamp(5, 40);
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "{} {:>10} {:>6} {:>10} {:>8}  assets",
            pad("group", width),
            "candidacies",
            "won",
            "with cases",
            "cases"
        )?;
        for t in tallies {
            writeln!(
                out,
                "{} {:>10} {:>6} {:>10} {:>8}  {}",
                pad(&t.key, width),
                indian(t.candidacies),
                indian(t.won),
                indian(t.with_cases),
                indian(t.criminal_cases),
                candidates::rupees_in_words(t.assets)
            )?;
        }
    }
    Ok(Outcome::Done)
}

fn print_table(rows: &[Row]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    for r in rows {
        let name = match &r.name_hi {
            Some(hi) if *hi != r.name => format!("{} ({hi})", r.name),
            _ => r.name.clone(),
        };
        let mut facts = Vec::new();
        if let Some(v) = r.votes {
            facts.push(format!("{} votes", indian(v)));
        }
        if let Some(res) = &r.result {
            facts.push(res.clone());
        }
        if let Some(n) = r.criminal_cases {
            facts.push(format!("{n} cases"));
        }
        if let Some(a) = r.assets {
            facts.push(format!(
                "assets ₹{} ({})",
                indian(a),
                candidates::rupees_in_words(a)
            ));
        }
        if let Some(l) = r.liabilities {
            facts.push(format!("liabilities ₹{}", indian(l)));
        }
        if let Some(e) = &r.education {
            facts.push(e.clone());
        }
        if let Some(a) = r.age {
            facts.push(format!("age {a}"));
        }
        writeln!(
            out,
            "{} · {} · {} · {}  [{}]\n    {}",
            pad(&name, 24),
            r.party.as_deref().unwrap_or("—"),
            r.constituency.as_deref().unwrap_or("—"),
            r.election,
            r.candidacy,
            facts.join(" · ")
        )?;
    }
    let noun = if rows.len() == 1 {
        "candidacy"
    } else {
        "candidacies"
    };
    writeln!(out, "\n{} {noun}", indian(rows.len() as u64))?;
    Ok(())
}
