//! The TCPD Indian Council of Ministers dataset (`TCPD_Indian_Cabinet_1990_2021.csv`,
//! TCPD-ICoM): union ministers as persons, each rank and portfolio as an office
//! (`Minister of State (Independent Charge), AAYUSH`; in Hindi as `domain::offices`
//! names it, `आयुष राज्य मंत्री (स्वतंत्र प्रभार)`), each appointment as a tenure,
//! and party memberships.
//!
//! Who is who: TCPD's `pid` is a Lok Sabha candidate id of one term
//! (`16_Goa_1_0_1`), absent (`NA`) for Rajya Sabha members, so it cannot follow a
//! minister across terms. Rows are one person when they share a `pid` (which joins
//! spelling variants such as `K.H. MUNIYAPPA` / `K.H. MUNCHHATRAIYAPPA`) or the
//! same cleaned name (`S. S. AHLUWALIA` / `S.S. AHLUWALIA`): in this list of about
//! 600 union ministers every name shared across rows belongs to one minister (party
//! switches and Rajya Sabha seats in other states included). Ids are
//! `tcpd-cabinet-<name>` (`tcpd-cabinet-ramji-lal-suman`), never the seed's ids;
//! linking to people from other sources is `duplicates`' job.

use crate::domain::{offices, states};
use crate::error::Problem;
use crate::import::build::appointments::{self, Appointments, Fact};
use crate::import::dataset::{names_all, Cite, Csv};
use crate::import::table::Row;
use crate::import::{clean, sources, Batch};
use crate::model::{Classification, Gender, Names, Office, Organization, PartialDate, Record};
use std::collections::HashMap;

/// The dataset: `--format tcpd-cabinet`.
pub struct TcpdCabinet;

/// The dataset's source record.
pub const SOURCE_ID: &str = TcpdCabinet::SOURCE.id;
/// The organization every union minister's office belongs to.
pub const GOVERNMENT_ID: &str = "government-of-india";

/// The columns a file must have.
const REQUIRED: &str = "name,party,gender,portfolio,rank,appointment_begin,appointment_end,house,constituency,pid,state";

impl Csv for TcpdCabinet {
    const NAME: &'static str = "tcpd-cabinet";
    const ABOUT: &'static str =
        "TCPD's Indian Council of Ministers (TCPD_Indian_Cabinet_1990_2021.csv)";
    const SOURCE: Cite = sources::TCPD_CABINET;
    type Row = Appointment;
    type File = ();

    fn recognise(&self, header: &[String]) -> bool {
        names_all(
            header,
            "name,portfolio,rank,appointment_begin,appointment_end",
        )
    }

    fn required(&self, _header: &[String]) -> &'static str {
        REQUIRED
    }

    fn read(&self, file: &str, _: &mut (), row: &Row) -> Result<Appointment, Vec<Problem>> {
        Appointment::read(file, row)
    }

    fn build(&self, file: &str, rows: Vec<Appointment>, batch: &mut Batch) {
        batch.default_record(file, 1, Record::Organization(government()));
        let group = people(&rows);
        // One person per group, named by its first row.
        let mut out = Appointments::new(file, SOURCE_ID);
        let mut members: Vec<Vec<usize>> = Vec::new();
        for (i, a) in rows.iter().enumerate() {
            let names = [a.raw_name.as_str(), a.name.as_str()];
            let make = || {
                let slug = clean::slug_max(&a.name, 60);
                let id = if slug.is_empty() {
                    format!("tcpd-cabinet-line-{}", a.line)
                } else {
                    format!("tcpd-cabinet-{slug}")
                };
                crate::model::Person::named(id, "en", &a.name, SOURCE_ID)
            };
            let (p, new) = out.person(&group[i].to_string(), a.line, &names, make);
            if new {
                members.push(Vec::new());
            }
            members[p].push(i);
            let person = out.person_mut(p);
            person.gender = person.gender.or(a.gender);
        }
        for (p, members) in members.iter().enumerate() {
            let person = out.person_mut(p).id.clone();
            for &i in members {
                appoint(&mut out, batch, file, &person, &rows[i]);
            }
            out.person_mut(p).summary = summary(members.iter().map(|&i| &rows[i]));
        }
        out.finish(batch);
    }
}

/// One row's office, tenure and party membership. A row that repeats another exactly
/// (the file lists one appointment of Subhash Bhamre twice) adds nothing; a row that
/// gives the same appointment different dates or notes is a problem.
fn appoint(out: &mut Appointments, batch: &mut Batch, file: &str, person: &str, a: &Appointment) {
    let (office, is_default) = office(a.rank, &a.portfolio);
    let office_id = office.id.clone();
    if is_default {
        batch.default_record(file, a.line, Record::Office(office));
    } else {
        out.office(a.line, office);
    }
    let tenure = out.tenure(
        person,
        &office_id,
        a.start,
        a.end,
        appointments::sentence(&a.note),
    );
    match out.fact(a.line, Record::Tenure(tenure)) {
        Fact::New => {}
        Fact::Repeat { .. } => batch.skip("row repeating an earlier one exactly"),
        Fact::Conflict { line } => batch.problems.push(Problem {
            file: file.to_string(),
            line: a.line,
            field: "appointment_end".into(),
            message: format!("repeats the appointment on line {line} with a different end or note"),
        }),
    }
    if let Some(party) = &a.party {
        out.party(batch, a.line, person, party);
    }
}

/// A minister's rank as TCPD codes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rank {
    PrimeMinister,
    DeputyPrimeMinister,
    Cabinet,
    StateIndependent,
    State,
    Deputy,
}

impl Rank {
    fn parse(text: &str) -> Option<Rank> {
        let key: String = text
            .to_uppercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        Some(match key.as_str() {
            "PM" => Rank::PrimeMinister,
            "DPM" => Rank::DeputyPrimeMinister,
            "CM" => Rank::Cabinet,
            "MOSIC" => Rank::StateIndependent,
            "MOS" => Rank::State,
            "DM" => Rank::Deputy,
            _ => return None,
        })
    }

    /// The rank in the table of offices; `None` for the prime minister's posts.
    fn minister(self) -> Option<offices::MinisterRank> {
        match self {
            Rank::Cabinet => Some(offices::MinisterRank::Cabinet),
            Rank::StateIndependent => Some(offices::MinisterRank::StateIndependent),
            Rank::State => Some(offices::MinisterRank::State),
            Rank::Deputy => Some(offices::MinisterRank::Deputy),
            Rank::PrimeMinister | Rank::DeputyPrimeMinister => None,
        }
    }

    /// (id part, English, Hindi, how an alias phrases the portfolio).
    fn words(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Rank::Cabinet => (
                "cabinet-minister",
                "Cabinet Minister",
                "कैबिनेट मंत्री",
                "Minister of",
            ),
            Rank::StateIndependent => (
                "minister-of-state-independent-charge",
                "Minister of State (Independent Charge)",
                "राज्य मंत्री (स्वतंत्र प्रभार)",
                "Minister of State (Independent Charge) for",
            ),
            Rank::State => (
                "minister-of-state",
                "Minister of State",
                "राज्य मंत्री",
                "Minister of State for",
            ),
            Rank::Deputy => (
                "deputy-minister",
                "Deputy Minister",
                "उप मंत्री",
                "Deputy Minister for",
            ),
            Rank::PrimeMinister => ("prime-minister", "Prime Minister", "प्रधानमंत्री", ""),
            Rank::DeputyPrimeMinister => (
                "deputy-prime-minister",
                "Deputy Prime Minister",
                "उप प्रधानमंत्री",
                "",
            ),
        }
    }
}

/// The office a rank and portfolio name, and whether it is a default record (the
/// prime minister's office is one post, whoever imports it first).
fn office(rank: Rank, portfolio: &str) -> (Office, bool) {
    let sources = vec![SOURCE_ID.to_string()];
    let government = Some(GOVERNMENT_ID.to_string());
    match rank {
        Rank::PrimeMinister => (
            Office {
                id: "prime-minister-of-india".into(),
                name: Names::new([
                    ("en", "Prime Minister of India"),
                    ("hi", "भारत के प्रधानमंत्री"),
                ]),
                aliases: vec!["PM".into(), "प्रधानमंत्री".into(), "पीएम".into()],
                organization: government,
                summary: Names::default(),
                sources,
            },
            true,
        ),
        Rank::DeputyPrimeMinister => (
            Office {
                id: "deputy-prime-minister-of-india".into(),
                name: Names::new([
                    ("en", "Deputy Prime Minister of India"),
                    ("hi", "भारत के उप प्रधानमंत्री"),
                ]),
                aliases: vec!["उप प्रधानमंत्री".into()],
                organization: government,
                summary: Names::default(),
                sources,
            },
            true,
        ),
        _ => {
            let (id_part, en, hi, phrase) = rank.words();
            let without = clean::slug(portfolio) == "minister-without-portfolio";
            // The post as Hindi newspapers name it (गृह मंत्री), from the table of
            // portfolios; a portfolio the table lacks keeps its English name.
            let table = rank.minister().filter(|_| !without);
            let ministry = table
                .and_then(|_| offices::portfolio(portfolio))
                .map_or_else(|| portfolio.to_string(), |p| format!("{} मंत्रालय", p.hi));
            let (id, name_en, name_hi, aliases) = if without {
                (
                    format!("union-{id_part}-without-portfolio"),
                    format!("{en} without portfolio"),
                    format!("{hi} (बिना विभाग)"),
                    vec![portfolio.to_string()],
                )
            } else {
                let mut aliases = vec![format!("{phrase} {portfolio}")];
                if let Some(r) = table {
                    aliases.extend(offices::minister_aliases(r, portfolio));
                }
                (
                    format!("union-{id_part}-{}", clean::slug_max(portfolio, 80)),
                    format!("{en}, {portfolio}"),
                    table
                        .and_then(|r| offices::minister_hi(r, portfolio))
                        .unwrap_or_else(|| format!("{hi}, {portfolio}")),
                    aliases,
                )
            };
            let summary_hi = if without {
                format!("केंद्रीय मंत्रिपरिषद का पद: {hi}, बिना विभाग।")
            } else {
                format!("केंद्रीय मंत्रिपरिषद का पद: {hi}, {ministry}।")
            };
            (
                Office {
                    id,
                    name: Names::new([("en", name_en.as_str()), ("hi", name_hi.as_str())]),
                    aliases,
                    organization: government,
                    summary: Names::new([
                        (
                            "en",
                            format!("A post in the Union Council of Ministers: {en}.").as_str(),
                        ),
                        ("hi", summary_hi.as_str()),
                    ]),
                    sources,
                },
                false,
            )
        }
    }
}

fn government() -> Organization {
    Organization {
        id: GOVERNMENT_ID.into(),
        name: Names::new([("en", "Government of India"), ("hi", "भारत सरकार")]),
        aliases: vec![
            "Union Government".into(),
            "Central Government".into(),
            "केंद्र सरकार".into(),
        ],
        classification: Some(Classification::Government),
        sources: vec![SOURCE_ID.into()],
        ..Default::default()
    }
}

/// One appointment, checked and cleaned.
pub struct Appointment {
    line: usize,
    raw_name: String,
    name: String,
    key: String,
    pid: Option<String>,
    gender: Option<Gender>,
    party: Option<String>,
    rank: Rank,
    portfolio: String,
    start: Option<PartialDate>,
    end: Option<PartialDate>,
    note: Vec<String>,
}

impl Appointment {
    fn read(file: &str, row: &Row) -> Result<Appointment, Vec<Problem>> {
        let mut problems = Vec::new();
        let raw_name = row.needed(file, "name", "every minister needs a name", &mut problems);
        let rank = match row.text("rank") {
            None => {
                problems.push(row.problem(file, "rank", "missing"));
                None
            }
            Some(r) => {
                let parsed = Rank::parse(&r);
                if parsed.is_none() {
                    problems.push(row.problem(
                        file,
                        "rank",
                        format!("`{r}` is not a rank: expected PM, DPM, CM, MoS(IC), MoS or DM"),
                    ));
                }
                parsed
            }
        };
        let portfolio = row.text("portfolio").map(|p| clean::capitalise(&p));
        if portfolio.is_none()
            && !matches!(rank, Some(Rank::PrimeMinister | Rank::DeputyPrimeMinister))
        {
            problems.push(row.problem(file, "portfolio", "missing: a minister holds a portfolio"));
        }
        let gender = match row.text("gender").map(|g| g.to_uppercase()) {
            None => None,
            Some(g) if g == "M" || g == "MALE" => Some(Gender::Male),
            Some(g) if g == "F" || g == "FEMALE" => Some(Gender::Female),
            Some(g) => {
                problems.push(row.problem(file, "gender", format!("`{g}` is not M or F")));
                None
            }
        };
        let start = row.date(file, "appointment_begin", &mut problems);
        let end = row.end_date(file, "appointment_end", &mut problems);
        let (Some(raw_name), Some(rank)) = (raw_name, rank) else {
            return Err(problems);
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut note = Vec::new();
        let state = row
            .text("state")
            .map(|s| states::names(&s).map_or(s.replace('_', " "), |n| n.best("en").to_string()));
        match (row.text("house"), row.text("constituency"), &state) {
            (Some(h), Some(c), Some(s)) => {
                note.push(format!("{h} member for {}, {s}", clean::title_case(&c)))
            }
            (Some(h), Some(c), None) => {
                note.push(format!("{h} member for {}", clean::title_case(&c)))
            }
            (Some(h), None, Some(s)) => note.push(format!("{h} member from {s}")),
            (Some(h), None, None) => note.push(format!("{h} member")),
            _ => {}
        }
        let (end, end_left_out) = appointments::end_after_start(start, end);
        note.extend(end_left_out);
        if let Some(c) = row.text("comments") {
            note.push(format!("TCPD: {c}"));
        }
        let name = clean::person_name(&raw_name);
        Ok(Appointment {
            line: row.line,
            key: clean::slug(&name).replace('-', ""),
            name,
            raw_name,
            pid: row.text("pid"),
            gender,
            party: row.text("party"),
            rank,
            portfolio: portfolio.unwrap_or_default(),
            start,
            end,
            note,
        })
    }
}

/// Groups rows into people: rows sharing a `pid` or a cleaned name are one person.
/// Returns each row's group (the index of a representative row).
fn people(rows: &[Appointment]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..rows.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first_with: HashMap<String, usize> = HashMap::new();
    for (i, a) in rows.iter().enumerate() {
        let keys = [
            (!a.key.is_empty()).then(|| format!("name:{}", a.key)),
            a.pid.as_ref().map(|p| format!("pid:{p}")),
        ];
        for k in keys.into_iter().flatten() {
            match first_with.get(&k) {
                Some(&j) => {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    // The earlier row represents the group, so ids follow file order.
                    let (lo, hi) = (ri.min(rj), ri.max(rj));
                    parent[hi] = lo;
                }
                None => {
                    first_with.insert(k, i);
                }
            }
        }
    }
    (0..rows.len()).map(|i| find(&mut parent, i)).collect()
}

fn summary<'a>(rows: impl Iterator<Item = &'a Appointment>) -> Names {
    let mut first: Option<u16> = None;
    let mut last: Option<u16> = None;
    let mut current = false;
    let mut posts: Vec<String> = Vec::new();
    for a in rows {
        if let Some(s) = a.start {
            first = Some(first.map_or(s.year, |f| f.min(s.year)));
        }
        match a.end {
            Some(e) => last = Some(last.map_or(e.year, |l| l.max(e.year))),
            None => current = true,
        }
        let post = match a.rank {
            Rank::PrimeMinister | Rank::DeputyPrimeMinister => a.rank.words().1.to_string(),
            _ => a.portfolio.clone(),
        };
        if !posts.contains(&post) {
            posts.push(post);
        }
    }
    let span = appointments::span(first, last, current);
    let shown = if posts.len() > 6 {
        format!("{} and {} more", posts[..6].join("; "), posts.len() - 6)
    } else {
        posts.join("; ")
    };
    let en = format!("Union minister {span} ({shown}).");
    let hi = format!("केंद्रीय मंत्री {span}।");
    Names::new([("en", en.as_str()), ("hi", hi.as_str())])
}

#[cfg(test)]
#[path = "tests/tcpd_cabinet.rs"]
mod tests;
