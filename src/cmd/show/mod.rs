//! `netakosh show`: the whole profile of one record, as text or JSON. A person is
//! shown whole (every record's facts, the career); a name several people bear
//! lists them with what tells them apart (see [`career`]).

mod career;
mod summary;

use super::{print_json, Context, Outcome};
use crate::cli::ShowArgs;
use anyhow::{Context as _, Result};
use netakosh::i18n::{rupees, Label as L, Lang};
use netakosh::model::{Names, Outcome as Result_, Record};
use netakosh::profile::{Namesake, Profile, Status};
use netakosh::search::resolve;
use std::io::Write;

pub fn run(ctx: &Context, args: ShowArgs) -> Result<Outcome> {
    let target = args.target.join(" ");
    let lang = Lang::choose(args.lang, [target.as_str()]);
    let kb = ctx.read()?;
    // Several ids, or several quoted names: each is a record of its own.
    let several_named = args.target.len() > 1
        && (kb.records.kind_of(args.target[0].trim())?.is_some()
            || args.target.iter().any(|t| t.trim().contains(' ')));
    if several_named {
        return several(&kb, &args.target, lang, args.json, args.full);
    }
    let mut others: Vec<Namesake> = Vec::new();
    let id = match resolve(&*kb.records, &kb.index, &target) {
        Ok(id) => id,
        Err(netakosh::Error::Ambiguous {
            query,
            candidates,
            described,
        }) => {
            // Several people bear the name: say what tells them apart, then fail
            // as an ambiguous name does.
            let mut namesakes = Vec::new();
            for c in &candidates {
                if kb.records.kind_of(c)? == Some(netakosh::model::Kind::Person) {
                    namesakes.push(Namesake::load(&*kb.records, c)?);
                }
            }
            if let Some(top) = dominant(&mut namesakes, candidates.len()) {
                others = namesakes;
                top
            } else if !namesakes.is_empty() {
                if args.json {
                    print_json(&serde_json::json!({ "query": query, "namesakes": namesakes }))?;
                } else {
                    career::namesakes(&namesakes, lang, &mut std::io::stdout().lock())?;
                }
                return Err(netakosh::Error::Ambiguous {
                    query,
                    candidates,
                    described,
                }
                .into());
            } else {
                return Err(netakosh::Error::Ambiguous {
                    query,
                    candidates,
                    described,
                }
                .into());
            }
        }
        Err(e) => return Err(e.into()),
    };
    let profile = Profile::load_naming(&*kb.records, &id, naming(args.json, args.full))
        .with_context(|| format!("cannot load `{id}`"))?;
    // An election's summary has its party tally (read before the store closes).
    let summarise = !args.json && summary::wanted(&profile, args.full);
    let results = if summarise && profile.kind == netakosh::model::Kind::Election {
        Some(netakosh::election::summary(&*kb.records, &id)?)
    } else {
        None
    };
    netakosh::kb::timing("loaded the profile");
    drop(kb);
    netakosh::kb::timing("closed the store");
    if args.json {
        print_json(&profile)?;
    } else if summarise {
        render_summary(
            results.as_ref(),
            &profile,
            lang,
            &mut std::io::stdout().lock(),
        )?;
    } else {
        render(&profile, lang, &mut std::io::stdout().lock())?;
    }
    if !others.is_empty() {
        let list: Vec<String> = others
            .iter()
            .map(|n| format!("{} ({})", n.id, n.seats.join("; ")))
            .collect();
        eprintln!(
            "netakosh: also bearing this name, with far fewer records: {} — `show ID` opens one; `duplicates \"{target}\"` reviews whether they are the same person",
            list.join(", ")
        );
    }
    Ok(Outcome::Done)
}

/// How many lines of each list a profile names in Hindi: all for `--json` and
/// `--full`; else as many as a summary shows at most (a profile of more is
/// summarised, its first rows shown).
fn naming(json: bool, full: bool) -> Option<usize> {
    (!json && !full).then_some(summary::LIST_AT_MOST)
}

/// `show A B …` where the first is an id or a target is a quoted name of several
/// words: each target (an id, or a name) shown in
/// turn — as a JSON array with `--json`. A target that resolves to nothing is
/// reported after the others are shown, and the command fails as it would alone.
fn several(
    kb: &netakosh::kb::Reading,
    targets: &[String],
    lang: Lang,
    json: bool,
    full: bool,
) -> Result<Outcome> {
    let mut profiles = Vec::new();
    let mut failed: Option<anyhow::Error> = None;
    for t in targets {
        match resolve(&*kb.records, &kb.index, t) {
            Ok(id) => profiles.push(
                Profile::load_naming(&*kb.records, &id, naming(json, full))
                    .with_context(|| format!("cannot load `{id}`"))?,
            ),
            // The first failure is the command's error; any other is said here.
            Err(e) if failed.is_none() => failed = Some(e.into()),
            Err(e) => eprintln!("netakosh: {e}"),
        }
    }
    if json {
        print_json(&profiles)?;
    } else {
        let mut out = std::io::stdout().lock();
        for (i, p) in profiles.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            // A long election or organization is summarised here as it is alone.
            if summary::wanted(p, full) {
                let results = if p.kind == netakosh::model::Kind::Election {
                    Some(netakosh::election::summary(&*kb.records, &p.id)?)
                } else {
                    None
                };
                render_summary(results.as_ref(), p, lang, &mut out)?;
            } else {
                render(p, lang, &mut out)?;
            }
        }
    }
    match failed {
        Some(e) => Err(e.context(format!(
            "{} of {} records shown",
            profiles.len(),
            targets.len()
        ))),
        None => Ok(Outcome::Done),
    }
}

/// The person a name most likely means when one of its bearers has at least four
/// times the weight of the next (records, and offices three times over) and five
/// records or more: Ramji Lal Suman's 18-record career, not the single 1985 row
/// of an Agra West namesake. Returns that person's id and leaves the others in
/// `namesakes`; `None` when no bearer stands out (or a candidate is not a person).
fn dominant(namesakes: &mut Vec<Namesake>, candidates: usize) -> Option<String> {
    if namesakes.len() < 2 || namesakes.len() != candidates {
        return None;
    }
    let weight = |n: &Namesake| n.records + 3 * n.offices.len();
    namesakes.sort_by_key(|n| std::cmp::Reverse(weight(n)));
    let (top, next) = (weight(&namesakes[0]), weight(&namesakes[1]));
    (top >= 4 * next && namesakes[0].records >= 5).then(|| namesakes.remove(0).id)
}

fn status(s: Status, lang: Lang) -> &'static str {
    lang.t(match s {
        Status::Current => L::Current,
        Status::Former => L::Former,
        Status::AsOf => L::NotKnownSince,
    })
}

/// What the store knows after a stale fact: "later: lost Amethi, 2024 Lok Sabha election".
fn later(list: &[netakosh::profile::Later], lang: Lang, out: &mut dyn Write) -> Result<()> {
    if list.is_empty() {
        return Ok(());
    }
    let items: Vec<String> = list.iter().map(|l| l.text(lang.code())).collect();
    writeln!(out, "      {}: {}", lang.t(L::Later), items.join("; "))?;
    Ok(())
}

pub(super) fn names_line(n: &Names, lang: Lang) -> String {
    n.both_for(lang.code())
}

/// An affidavit's assets and liabilities as `assets ₹…` / `संपत्ति ₹…`, those declared.
pub(super) fn money(lang: Lang, assets: Option<u64>, liabilities: Option<u64>) -> Vec<String> {
    let label = |l, v: Option<u64>| v.map(|v| format!("{} {}", lang.t(l), rupees(v)));
    [label(L::Assets, assets), label(L::Liabilities, liabilities)]
        .into_iter()
        .flatten()
        .collect()
}

pub(super) fn affidavit_line(a: &netakosh::model::Affidavit, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(n) = a.criminal_cases {
        parts.push(format!("{n} {}", lang.t(L::CriminalCases)));
    }
    if let Some(e) = &a.education {
        parts.push(e.clone());
    }
    if let Some(age) = a.age {
        parts.push(format!("{} {age}", lang.t(L::Age)));
    }
    parts.extend(money(lang, a.assets, a.liabilities));
    let when = a
        .date
        .map(|d| format!(" {}", lang.date(&d)))
        .unwrap_or_default();
    format!("{}{when}: {}", lang.t(L::Affidavit), parts.join(" · "))
}

/// The head of the profile (as [`render`] prints it, without its long lists),
/// then the summary of an election's or organization's facts.
fn render_summary(
    results: Option<&netakosh::election::Results>,
    p: &Profile,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    let mut head = p.clone();
    head.candidacies.clear();
    head.memberships.clear();
    head.sources.retain(|s| p.record.sources().contains(&s.id));
    render(&head, lang, out)?;
    if let Some(results) = results {
        summary::election(p, results, lang, out)
    } else {
        summary::organization(p, lang, out)
    }
}

/// Renders a profile as text for a terminal.
pub fn render(p: &Profile, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let r = &p.record;
    if let Some(c) = &p.career {
        career::head(p, c, lang, out)?;
    } else {
        writeln!(
            out,
            "{}  [{} {}]",
            names_line(&r.name(), lang),
            lang.kind(p.kind),
            p.id
        )?;
    }
    if p.career.is_none() && !r.aliases().is_empty() {
        writeln!(out, "{}: {}", lang.t(L::Also), r.aliases().join(", "))?;
    }
    match r {
        Record::Person(person) => {
            if let Some(b) = p.career.as_ref().and_then(|c| c.born).or(person.birth_date) {
                writeln!(out, "{}: {}", lang.t(L::Born), lang.date(&b))?;
            }
            let home: Vec<String> = [&person.home_district, &person.home_state]
                .into_iter()
                .flatten()
                .map(|n| names_line(n, lang))
                .collect();
            if !home.is_empty() {
                writeln!(out, "{}: {}", lang.t(L::Home), home.join(", "))?;
            }
            for s in &person.services {
                let mut line = s.service.clone();
                if let Some(b) = s.batch {
                    line.push_str(&format!(", {} {b}", lang.t(L::Batch)));
                }
                if let Some(c) = &s.cadre {
                    line.push_str(&format!(", {} {}", lang.t(L::Cadre), names_line(c, lang)));
                }
                writeln!(out, "{}: {line}", lang.t(L::Service))?;
            }
            if p.career.is_none() {
                for (k, v) in &person.identifiers {
                    writeln!(out, "{k}: {v}")?;
                }
            }
            for l in &p.identity {
                if l.decision.decision == netakosh::store::Verdict::NotSame {
                    writeln!(
                        out,
                        "{}: {}  [{}]",
                        lang.t(L::NotSamePerson),
                        names_line(&l.name, lang),
                        l.with
                    )?;
                }
            }
        }
        Record::Election(e) => {
            let mut facts = Vec::new();
            if let Some(d) = &e.date {
                facts.push(lang.date(d));
            }
            if let Some(a) = &e.area {
                facts.push(names_line(a, lang));
            }
            if let Some(s) = e.seats {
                facts.push(format!("{s} {}", lang.t(L::Seats)));
            }
            if e.indirect {
                facts.push(lang.t(L::Indirect).into());
            }
            if let Some(b) = &e.body {
                facts.push(
                    p.related
                        .get(b)
                        .map(|n| names_line(n, lang))
                        .unwrap_or_else(|| b.clone()),
                );
            }
            writeln!(out, "{}", facts.join(" · "))?;
        }
        Record::Source(s) => {
            for (label, value) in [
                (L::Publisher, s.publisher.clone()),
                (L::Date, s.date.map(|d| lang.date(&d))),
                (
                    L::KnowledgeEnds,
                    netakosh::import::sources::knowledge_ends(s).map(|d| lang.date(&d)),
                ),
                (L::Language, s.language.clone()),
                (L::Url, s.url.clone()),
                (L::Licence, s.licence.clone()),
            ] {
                if let Some(v) = value {
                    writeln!(out, "{}: {v}", lang.t(label))?;
                }
            }
            if let Some(t) = &s.text {
                writeln!(out, "\n{}", super::search::clip(t, 400))?;
            }
        }
        _ => {
            for (id, names) in &p.related {
                writeln!(out, "{}  [{id}]", names_line(names, lang))?;
            }
        }
    }
    let summary = r.summary();
    if !summary.is_empty() {
        writeln!(out, "\n{}", summary.best(lang.code()))?;
    }
    if !p.tenures.is_empty() {
        writeln!(out, "\n{}", lang.t(L::Offices))?;
        for t in &p.tenures {
            let via = if p.kind == netakosh::model::Kind::Person && t.tenure.person != p.id {
                format!("  ({} {})", lang.t(L::From), t.tenure.person)
            } else {
                String::new()
            };
            match &t.as_of {
                // Never a bare "current" from a source that stopped before today.
                Some(k) => writeln!(
                    out,
                    "  {}  {}{via}",
                    netakosh::profile::currency::as_of_text(
                        t.tenure.start.as_ref(),
                        k,
                        lang.code()
                    ),
                    names_line(&t.name, lang),
                )?,
                None => writeln!(
                    out,
                    "  {:<25} {}  ({}){via}",
                    lang.period(t.tenure.start.as_ref(), t.tenure.end.as_ref()),
                    names_line(&t.name, lang),
                    status(t.status, lang)
                )?,
            }
            later(&t.later, lang, out)?;
        }
    }
    if !p.memberships.is_empty() {
        writeln!(out, "\n{}", lang.t(L::Memberships))?;
        // Several records of a person often say the same membership once each.
        let mut shown = Vec::new();
        for m in &p.memberships {
            let key = (
                &m.membership.organization,
                m.membership.start,
                m.membership.end,
                &m.membership.role,
            );
            if shown.contains(&key) {
                continue;
            }
            shown.push(key);
            let mut line = names_line(&m.name, lang);
            if !m.aliases.is_empty() {
                line.push_str(&format!(" ({})", m.aliases.join(", ")));
            }
            if !m.membership.role.is_empty() {
                line.push_str(&format!(", {}", m.membership.role.best(lang.code())));
            }
            let when = if m.membership.start.is_none() && m.membership.end.is_none() {
                String::new()
            } else {
                format!(
                    "  {}",
                    lang.period(m.membership.start.as_ref(), m.membership.end.as_ref())
                )
            };
            let known = m.as_of.as_ref().map(|k| lang.as_of(k)).unwrap_or_default();
            writeln!(out, "  {line}{when}{known}")?;
        }
    }
    if let Some(c) = &p.career {
        career::sections(c, lang, out)?;
    } else if !p.candidacies.is_empty() {
        let title = if p.kind == netakosh::model::Kind::Election {
            lang.t(L::Results)
        } else {
            lang.t(L::Elections)
        };
        writeln!(out, "\n{title}")?;
        for c in &p.candidacies {
            let cand = &c.candidacy;
            let mut parts = vec![names_line(&c.name, lang)];
            if let Some(party) = &c.party {
                parts.push(
                    c.party_aliases
                        .first()
                        .cloned()
                        .unwrap_or_else(|| party.best(lang.code()).to_string()),
                );
            }
            if p.kind == netakosh::model::Kind::Election {
                // Which seat: an election of many constituencies lists every row.
                parts.extend(
                    cand.constituency
                        .as_ref()
                        .map(|n| n.best(lang.code()).to_string()),
                );
            }
            if let Some(v) = cand.votes {
                parts.push(format!("{v} {}", lang.votes_unit(c.votes_unit)));
            }
            match cand.result {
                Some(Result_::Won) => parts.push(lang.t(L::Won).into()),
                Some(Result_::Lost) => parts.push(lang.t(L::Lost).into()),
                None => {}
            }
            if let Some(rank) = cand.rank {
                parts.push(format!("{} {rank}", lang.t(L::Rank)));
            }
            let date = c.election_date.map(|d| lang.date(&d)).unwrap_or_default();
            if p.kind == netakosh::model::Kind::Election {
                writeln!(out, "  {}", parts.join(" · "))?;
            } else {
                writeln!(out, "  {date:<11} {}", parts.join(" · "))?;
            }
            if !cand.note.is_empty() {
                writeln!(out, "              {}", cand.note.best(lang.code()))?;
            }
            if let Some(a) = &cand.affidavit {
                writeln!(out, "              {}", affidavit_line(a, lang))?;
            }
            if p.kind == netakosh::model::Kind::Person && cand.person != p.id {
                writeln!(out, "              ({} {})", lang.t(L::From), cand.person)?;
            }
        }
    }
    if !p.sources.is_empty() {
        writeln!(out, "\n{}", lang.t(L::Sources))?;
        for s in &p.sources {
            let mut line = format!("  [{}] {}", s.id, super::search::clip(&s.title, 90));
            if let Some(pb) = &s.publisher {
                line.push_str(&format!(" — {pb}"));
            }
            if let Some(d) = &s.date {
                line.push_str(&format!(", {}", lang.date(d)));
            }
            if let Some(a) = netakosh::import::sources::knowledge_ends(s) {
                line.push_str(&format!(", {} {}", lang.t(L::AsOfDate), lang.date(&a)));
            }
            if let Some(u) = &s.url {
                line.push_str(&format!(" <{u}>"));
            }
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod dominant_tests {
    use super::dominant;
    use netakosh::model::Names;
    use netakosh::profile::Namesake;

    fn bearer(id: &str, records: usize, offices: usize) -> Namesake {
        Namesake {
            id: id.to_string(),
            name: Names::new([("en", "Ramji Lal Suman")]),
            seats: Vec::new(),
            years: None,
            parties: Vec::new(),
            offices: (0..offices)
                .map(|_| Names::new([("en", "Minister of State")]))
                .collect(),
            records,
        }
    }

    #[test]
    fn a_career_far_heavier_than_its_namesakes_is_the_one_a_name_means() {
        // Ramji Lal Suman's career (18 records, three offices) and one 1985 row.
        let mut all = vec![bearer("agra-west-1985", 1, 0), bearer("career", 18, 3)];
        assert_eq!(dominant(&mut all, 2).as_deref(), Some("career"));
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].id, "agra-west-1985");
    }

    #[test]
    fn comparable_namesakes_or_a_short_record_stay_a_list() {
        // Two Mayawatis: 18 rows against 2 rows and a chief ministership.
        let mut both = vec![bearer("ld", 18, 0), bearer("cm", 2, 1)];
        assert_eq!(dominant(&mut both, 2), None);
        assert_eq!(both.len(), 2);
        // Four records against none is not enough to choose.
        assert_eq!(
            dominant(&mut vec![bearer("a", 4, 0), bearer("b", 1, 0)], 2),
            None
        );
        // A candidate that is not a person keeps the list.
        assert_eq!(
            dominant(&mut vec![bearer("a", 20, 0), bearer("b", 1, 0)], 3),
            None
        );
    }
}
