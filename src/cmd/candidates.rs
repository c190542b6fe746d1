//! `netakosh candidates`: resolves the typed election, seat and person names, asks
//! the library for the matching candidacies and prints them as a table, JSON, CSV
//! or TSV, or their counts.

use super::election::pad;
use super::{print_json, Context, Outcome};
use crate::cli::{CandidatesArgs, GroupBy, Sex};
use anyhow::Result;
use netakosh::candidates::{self, Query, Row, Tally};
use netakosh::i18n::{rupees, Label as L, Lang};
use netakosh::model::{Gender, Kind};
use netakosh::numerals::indian;
use netakosh::search::{resolve::seats_named, resolve_election, resolve_kind};
use std::io::Write;

pub fn run(ctx: &Context, args: CandidatesArgs) -> Result<Outcome> {
    let typed = [
        &args.election,
        &args.state,
        &args.seat,
        &args.party,
        &args.source,
        &args.person,
        &args.house,
        &args.education,
    ];
    let lang = Lang::choose(args.lang, typed.into_iter().flatten().map(String::as_str));
    let kb = ctx.read()?;
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
        let target = resolve_election(&*kb.records, &kb.index, text)?;
        q.seats = target.seats;
        if args.bye_elections {
            q.elections = candidates::bye_elections_of(&*kb.records, &target.id)?;
        }
        q.elections.push(target.id);
    }
    if let Some(text) = &args.seat {
        let seats = seats_named(
            &*kb.records,
            &kb.index,
            text,
            q.elections.last().map(String::as_str),
        )?;
        if seats.is_empty() {
            // A store imported before seats were records: the candidacies' own
            // spellings of the constituency answer instead.
            if kb.records.counts()?[Kind::Seat as usize] > 0 {
                return Err(netakosh::Error::not_found(text.clone()).into());
            }
            q.constituency = Some(text.clone());
        }
        q.seats = seats;
    }
    if let Some(text) = &args.person {
        q.person = Some(resolve_kind(
            &*kb.records,
            &kb.index,
            text,
            Some(Kind::Person),
        )?);
    }
    let mut bar = super::LateBar::new(0, "reading [{bar:30}] {pos}/{len} candidacies {elapsed}");
    let rows = candidates::rows_with_progress(&*kb.records, &q, &mut |done, total| {
        bar.set(done as u64, total as u64)
    });
    bar.finish();
    let rows = rows?;
    if args.count || args.group_by.is_some() {
        let tallies = match args.group_by {
            Some(by) => candidates::group(&rows, group_by(by)),
            None => vec![candidates::count(&rows)],
        };
        return print_tallies(&args, &tallies, lang);
    }
    if args.json {
        print_json(&rows)?;
    } else if args.csv || args.tsv {
        write_delimited(&rows, if args.tsv { b'\t' } else { b',' })?;
    } else {
        print_table(&rows, lang)?;
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

fn print_tallies(args: &CandidatesArgs, tallies: &[Tally], lang: Lang) -> Result<Outcome> {
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
            "{} {} · {} {} ({} {}) · {} {}",
            t.won,
            lang.t(L::Won),
            t.with_cases,
            lang.t(L::WithDeclaredCases),
            t.criminal_cases,
            lang.t(L::Cases),
            lang.t(L::Assets),
            lang.rupees_in_words(t.assets)
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
            "{} {:>10} {:>6} {:>10} {:>8}  {}",
            pad(lang.t(L::HeadGroup), width),
            lang.t(L::HeadCandidacies),
            lang.t(L::HeadWon),
            lang.t(L::HeadWithCases),
            lang.t(L::HeadCases),
            lang.t(L::HeadAssets)
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
                lang.rupees_in_words(t.assets)
            )?;
        }
    }
    Ok(Outcome::Done)
}

fn print_table(rows: &[Row], lang: Lang) -> Result<()> {
    let mut out = std::io::stdout().lock();
    for r in rows {
        let name = match (&r.name_hi, lang) {
            (Some(hi), Lang::Hi) if *hi != r.name => format!("{hi} ({})", r.name),
            (Some(hi), Lang::En) if *hi != r.name => format!("{} ({hi})", r.name),
            _ => r.name.clone(),
        };
        let mut facts = Vec::new();
        if let Some(v) = r.votes {
            facts.push(format!("{} {}", indian(v), lang.t(L::Votes)));
        }
        if let Some(res) = &r.result {
            facts.push(match res.as_str() {
                "won" => lang.t(L::Won).to_string(),
                "lost" => lang.t(L::Lost).to_string(),
                other => other.to_string(),
            });
        }
        if let Some(n) = r.criminal_cases {
            facts.push(format!("{n} {}", lang.t(L::Cases)));
        }
        if let Some(a) = r.assets {
            facts.push(format!(
                "{} {} ({})",
                lang.t(L::Assets),
                rupees(a),
                lang.rupees_in_words(a)
            ));
        }
        if let Some(l) = r.liabilities {
            facts.push(format!("{} {}", lang.t(L::Liabilities), rupees(l)));
        }
        if let Some(e) = &r.education {
            facts.push(e.clone());
        }
        if let Some(a) = r.age {
            facts.push(format!("{} {a}", lang.t(L::Age)));
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
    let noun = lang.t(if rows.len() == 1 {
        L::CandidacyOne
    } else {
        L::CandidaciesMany
    });
    writeln!(out, "\n{} {noun}", indian(rows.len() as u64))?;
    Ok(())
}
