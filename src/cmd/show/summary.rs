//! `show` of an election or an organization with many facts: counts, the party
//! tally and the top rows instead of thousands of lines (`--full` lists them all).

use super::names_line;
use anyhow::Result;
use netakosh::i18n::{Label as L, Lang};
use netakosh::model::{Kind, Outcome};
use netakosh::numerals::indian;
use netakosh::profile::{Profile, Status};
use std::collections::BTreeMap;
use std::io::Write;

/// More candidacies and members than this are summarised.
pub const LIST_AT_MOST: usize = 40;

/// Rows of each list a summary shows.
const TOP: usize = 10;

/// Whether `show` summarises `p` rather than listing every fact.
pub fn wanted(p: &Profile, full: bool) -> bool {
    !full
        && matches!(p.kind, Kind::Election | Kind::Organization)
        && p.candidacies.len() + p.memberships.len() > LIST_AT_MOST
}

/// An election: how many candidates in how many seats, the tally of the parties
/// with the most seats, the candidates with the most votes.
pub fn election(
    p: &Profile,
    results: &netakosh::election::Results,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    let candidates = p
        .candidacies
        .iter()
        .filter(|c| c.candidacy.person != netakosh::import::build::candidates::NOTA_PERSON)
        .count();
    let won = p
        .candidacies
        .iter()
        .filter(|c| c.candidacy.result == Some(Outcome::Won))
        .count();
    writeln!(
        out,
        "\n{}: {} {}, {} {}, {} {}",
        lang.t(L::Results),
        indian(candidates as u64),
        lang.t(L::Candidates),
        // Every seat of the election: those tallied and those only an affidavit lists.
        indian((results.totals.seats + results.totals.uncounted_seats) as u64),
        lang.t(L::Constituencies),
        indian(won as u64),
        lang.t(L::Won),
    )?;
    if !results.tally.is_empty() {
        writeln!(out, "\n{}", lang.t(L::PartyTally))?;
        let mut tally: Vec<_> = results.tally.iter().collect();
        tally.sort_by_key(|t| (std::cmp::Reverse(t.won), std::cmp::Reverse(t.votes)));
        for t in tally.iter().take(TOP) {
            writeln!(
                out,
                "  {:<16} {:>4} · {:>5} · {}",
                super::super::search::clip(&t.label, 16),
                t.won,
                t.candidates,
                indian(t.votes)
            )?;
        }
        if tally.len() > TOP {
            writeln!(out, "  … {} {}", tally.len() - TOP, lang.t(L::MoreParties))?;
        }
    }
    let top: Vec<_> = p
        .candidacies
        .iter()
        .filter(|c| c.candidacy.votes.is_some())
        .take(TOP)
        .collect();
    if !top.is_empty() {
        writeln!(out, "\n{}", lang.t(L::MostVotes))?;
        for c in top {
            let mut parts = vec![names_line(&c.name, lang)];
            parts.extend(c.party_aliases.first().cloned());
            parts.extend(
                c.candidacy
                    .constituency
                    .as_ref()
                    .map(|n| n.best(lang.code()).to_string()),
            );
            parts.extend(
                c.candidacy
                    .votes
                    .map(|v| format!("{} {}", indian(v), lang.votes_unit(c.votes_unit))),
            );
            writeln!(out, "  {}", parts.join(" · "))?;
        }
    }
    more(p, lang, out)
}

/// An organization: its members (how many, how many still members as far as the
/// sources know) and its candidacies by election, the latest first.
pub fn organization(p: &Profile, lang: Lang, out: &mut dyn Write) -> Result<()> {
    if !p.memberships.is_empty() {
        let count = |s: Status| p.memberships.iter().filter(|m| m.status == s).count();
        writeln!(
            out,
            "\n{}: {} ({} {}, {} {}, {} {})",
            lang.t(L::Members),
            indian(p.memberships.len() as u64),
            indian(count(Status::Current) as u64),
            lang.t(L::Current),
            indian(count(Status::AsOf) as u64),
            lang.t(L::AsOfTheirSource),
            indian(count(Status::Former) as u64),
            lang.t(L::Former),
        )?;
        for m in p.memberships.iter().take(TOP) {
            writeln!(out, "  {}", names_line(&m.name, lang))?;
        }
        if p.memberships.len() > TOP {
            writeln!(out, "  … {}", indian((p.memberships.len() - TOP) as u64))?;
        }
    }
    if !p.candidacies.is_empty() {
        // Election → (name, date, candidates, won).
        let mut by: BTreeMap<&str, (&netakosh::model::Names, Option<_>, usize, usize)> =
            BTreeMap::new();
        for c in &p.candidacies {
            let e =
                by.entry(c.candidacy.election.as_str())
                    .or_insert((&c.name, c.election_date, 0, 0));
            e.2 += 1;
            if c.candidacy.result == Some(Outcome::Won) {
                e.3 += 1;
            }
        }
        let won: usize = by.values().map(|e| e.3).sum();
        writeln!(
            out,
            "\n{}: {} {} {} {}, {} {}",
            lang.t(L::Candidacies),
            indian(p.candidacies.len() as u64),
            lang.t(L::In),
            indian(by.len() as u64),
            lang.t(L::ElectionsCount),
            indian(won as u64),
            lang.t(L::Won),
        )?;
        let mut rows: Vec<_> = by.into_iter().collect();
        // The latest years first; in a year, the elections it contested most.
        rows.sort_by_key(|(id, (_, date, n, _))| {
            (
                std::cmp::Reverse(date.map(|d| d.year)),
                std::cmp::Reverse(*n),
                *id,
            )
        });
        for (_, (name, _, n, w)) in rows.iter().take(TOP) {
            writeln!(
                out,
                "  {:<45} {:>5} {} · {} {}",
                names_line(name, lang),
                indian(*n as u64),
                lang.t(L::Candidates),
                indian(*w as u64),
                lang.t(L::Won),
            )?;
        }
        if rows.len() > TOP {
            writeln!(
                out,
                "  … {} {}",
                indian((rows.len() - TOP) as u64),
                lang.t(L::EarlierElections)
            )?;
        }
    }
    more(p, lang, out)
}

fn more(p: &Profile, lang: Lang, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "\n({} `show {} --full`)", lang.t(L::EveryRow), p.id)?;
    Ok(())
}
