//! The TCPD Indian Council of Ministers dataset (`TCPD_Indian_Cabinet_1990_2021.csv`,
//! TCPD-ICoM): union ministers as persons, each rank and portfolio as an office
//! (`Minister of State (Independent Charge), AAYUSH`), each appointment as a tenure,
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

use super::table::{Row, Table};
use super::{clean, Batch, Parsed};
use crate::domain::parties;
use crate::error::Problem;
use crate::model::{
    Classification, Gender, Membership, Names, Office, Organization, PartialDate, Person, Record,
    Source, Tenure,
};
use std::collections::{BTreeSet, HashMap};

/// The dataset's source record.
pub const SOURCE_ID: &str = "src-tcpd-cabinet";
/// The organization every union minister's office belongs to.
pub const GOVERNMENT_ID: &str = "government-of-india";

const REQUIRED: &[&str] = &[
    "name",
    "party",
    "gender",
    "portfolio",
    "rank",
    "appointment_begin",
    "appointment_end",
    "house",
    "constituency",
    "pid",
    "state",
];

/// The dataset: `--format tcpd-cabinet`.
pub struct TcpdCabinet;

impl super::dataset::Dataset for TcpdCabinet {
    fn name(&self) -> &'static str {
        "tcpd-cabinet"
    }

    fn about(&self) -> &'static str {
        "TCPD's Indian Council of Ministers (TCPD_Indian_Cabinet_1990_2021.csv)"
    }

    fn recognise(&self, _file: &str, text: &str) -> Option<super::dataset::Role> {
        detect(text).then_some(super::dataset::Role::Records)
    }

    fn parse(&self, file: &str, text: &str) -> Batch {
        parse(file, text)
    }
}

/// Whether `text` is this dataset: its header names the ICoM columns.
pub fn detect(text: &str) -> bool {
    super::table::has_columns(
        text,
        &[
            "name",
            "portfolio",
            "rank",
            "appointment_begin",
            "appointment_end",
        ],
    )
}

fn source(file: &str) -> Source {
    Source {
        id: SOURCE_ID.into(),
        title: "TCPD-ICoM: Indian Council of Ministers Dataset 1.1 (1990-2021)".into(),
        publisher: Some("Trivedi Centre for Political Data (TCPD), Ashoka University".into()),
        url: Some("https://github.com/tcpd/cabinet_data".into()),
        date: None,
        language: Some("en".into()),
        licence: Some("TCPD, non-commercial, cite TCPD-ICoM".into()),
        file: Some(clean::file_name(file)),
        text: None,
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
            let (id, name_en, name_hi, aliases) = if without {
                (
                    format!("union-{id_part}-without-portfolio"),
                    format!("{en} without portfolio"),
                    format!("{hi} (बिना विभाग)"),
                    vec![portfolio.to_string()],
                )
            } else {
                (
                    format!("union-{id_part}-{}", clean::slug_max(portfolio, 80)),
                    format!("{en}, {portfolio}"),
                    format!("{hi}, {portfolio}"),
                    vec![format!("{phrase} {portfolio}")],
                )
            };
            (
                Office {
                    id,
                    name: Names::new([("en", name_en.as_str()), ("hi", name_hi.as_str())]),
                    aliases,
                    organization: government,
                    summary: Names::new([(
                        "en",
                        format!("A post in the Union Council of Ministers: {en}.").as_str(),
                    )]),
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
        parent: None,
        state: None,
        founded: None,
        dissolved: None,
        summary: Names::default(),
        identifiers: Default::default(),
        sources: vec![SOURCE_ID.into()],
    }
}

/// One appointment, checked and cleaned.
struct Appointment {
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
    note: String,
}

impl Appointment {
    fn read(file: &str, row: &Row) -> Result<Appointment, Vec<Problem>> {
        let mut problems = Vec::new();
        let raw_name = row.text("name");
        if raw_name.is_none() {
            problems.push(row.problem(file, "name", "missing: every minister needs a name"));
        }
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
        let start = clean::date(row.raw("appointment_begin")).unwrap_or_else(|e| {
            problems.push(row.problem(file, "appointment_begin", e));
            None
        });
        let end = if row
            .raw("appointment_end")
            .trim()
            .eq_ignore_ascii_case("current")
        {
            None
        } else {
            clean::date(row.raw("appointment_end")).unwrap_or_else(|e| {
                problems.push(row.problem(file, "appointment_end", format!("{e}, or Current")));
                None
            })
        };
        let (Some(raw_name), Some(rank)) = (raw_name, rank) else {
            return Err(problems);
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut note = Vec::new();
        let state = row.text("state").map(|s| {
            crate::domain::states::names(&s)
                .map_or(s.replace('_', " "), |n| n.best("en").to_string())
        });
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
        let (end, bad_end) = match (start, end) {
            (Some(s), Some(e)) if e < s => (None, Some(e)),
            _ => (end, None),
        };
        if let Some(bad) = bad_end {
            note.push(format!(
                "the dataset gives the end as {bad}, before the start, so it is left out"
            ));
        }
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
            note: note.join("; "),
        })
    }
}

/// Parses the council of ministers CSV.
pub fn parse(file: &str, text: &str) -> Batch {
    let mut batch = Batch::default();
    let Some(table) = Table::read(file, text, REQUIRED, &mut batch.problems) else {
        return batch;
    };
    batch.default_record(file, 1, Record::Source(source(file)));
    batch.default_record(file, 1, Record::Organization(government()));
    let mut rows = Vec::new();
    for row in table.rows() {
        match Appointment::read(file, &row) {
            Ok(a) => rows.push(a),
            Err(mut p) => batch.problems.append(&mut p),
        }
    }
    let group = people(&rows);
    // One person per group, named by its first row.
    let mut persons: Vec<(usize, Person, Vec<usize>)> = Vec::new();
    let mut person_of_group: HashMap<usize, usize> = HashMap::new();
    for (i, a) in rows.iter().enumerate() {
        let g = group[i];
        let p = *person_of_group.entry(g).or_insert_with(|| {
            let slug = clean::slug_max(&a.name, 60);
            let id = if slug.is_empty() {
                format!("tcpd-cabinet-line-{}", a.line)
            } else {
                format!("tcpd-cabinet-{slug}")
            };
            persons.push((
                a.line,
                Person {
                    id,
                    name: Names::new([("en", a.name.as_str())]),
                    aliases: Vec::new(),
                    gender: None,
                    birth_date: None,
                    birth_place: None,
                    home_district: None,
                    home_state: None,
                    services: Vec::new(),
                    summary: Names::default(),
                    identifiers: Default::default(),
                    same_as: Vec::new(),
                    sources: vec![SOURCE_ID.into()],
                    ..Default::default()
                },
                Vec::new(),
            ));
            persons.len() - 1
        });
        let (_, person, members) = &mut persons[p];
        members.push(i);
        for n in [&a.raw_name, &a.name] {
            if !person.name.texts().any(|t| t == n) && !person.aliases.contains(n) {
                person.aliases.push(n.clone());
            }
        }
        person.gender = person.gender.or(a.gender);
    }

    let mut offices: Vec<(usize, Office)> = Vec::new();
    let mut office_ids: BTreeSet<String> = BTreeSet::new();
    let mut facts: Vec<(usize, Record)> = Vec::new();
    let mut fact_at: HashMap<String, usize> = HashMap::new();
    for (p, (_, person, members)) in persons.iter_mut().enumerate() {
        let _ = p;
        for &i in members.iter() {
            let a = &rows[i];
            let (office, is_default) = office(a.rank, &a.portfolio);
            let office_id = office.id.clone();
            if is_default {
                batch.default_record(file, a.line, Record::Office(office));
            } else if office_ids.insert(office_id.clone()) {
                offices.push((a.line, office));
            }
            let mut tenure = Record::Tenure(Tenure {
                ended: false,
                id: String::new(),
                person: person.id.clone(),
                office: office_id,
                start: a.start,
                end: a.end,
                note: if a.note.is_empty() {
                    Names::default()
                } else {
                    Names::new([("en", format!("{}.", a.note).as_str())])
                },
                sources: vec![SOURCE_ID.into()],
            });
            tenure.fill_derived_id();
            let repeated = push_fact(
                file,
                a.line,
                tenure,
                &mut facts,
                &mut fact_at,
                &mut batch.problems,
            );
            if repeated {
                batch.skip("row repeating an earlier one exactly");
            }
            if let Some(party) = &a.party {
                let org = parties::party_record(party, Some(SOURCE_ID))
                    .expect("a party text that is not missing gives a record");
                let mut m = Record::Membership(Membership {
                    id: String::new(),
                    person: person.id.clone(),
                    organization: org.id.clone(),
                    role: Names::default(),
                    start: None,
                    end: None,
                    sources: vec![SOURCE_ID.into()],
                });
                m.fill_derived_id();
                push_fact(
                    file,
                    a.line,
                    m,
                    &mut facts,
                    &mut fact_at,
                    &mut batch.problems,
                );
                batch.default_record(file, a.line, Record::Organization(org));
            }
        }
        person.summary = summary(members.iter().map(|&i| &rows[i]));
    }
    let mut push = |line: usize, record: Record| {
        batch.records.push(Parsed {
            file: file.to_string(),
            line,
            record,
        })
    };
    for (line, o) in offices {
        push(line, Record::Office(o));
    }
    for (line, p, _) in persons {
        push(line, Record::Person(p));
    }
    for (line, f) in facts {
        push(line, f);
    }
    batch.problems.sort_by_key(|p| p.line);
    batch
}

/// Adds a tenure or membership once: a row that repeats another exactly (the file
/// lists one appointment of Subhash Bhamre twice) adds nothing; a row that gives
/// the same appointment different dates or notes is a problem. Returns whether
/// the record repeated an earlier one exactly.
fn push_fact(
    file: &str,
    line: usize,
    record: Record,
    facts: &mut Vec<(usize, Record)>,
    at: &mut HashMap<String, usize>,
    problems: &mut Vec<Problem>,
) -> bool {
    match at.get(record.id()) {
        None => {
            at.insert(record.id().to_string(), facts.len());
            facts.push((line, record));
            false
        }
        Some(&i) if facts[i].1 == record => true,
        // One membership per person and party, however many rows name it.
        Some(_) if matches!(record, Record::Membership(_)) => false,
        Some(&i) => {
            problems.push(Problem {
                file: file.to_string(),
                line,
                field: "appointment_end".into(),
                message: format!(
                    "repeats the appointment on line {} with a different end or note",
                    facts[i].0
                ),
            });
            false
        }
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
    let span = match (first, last, current) {
        (Some(f), _, true) => format!("{f}–"),
        (Some(f), Some(l), false) if l != f => format!("{f}–{l}"),
        (Some(f), _, false) => f.to_string(),
        (None, _, _) => String::new(),
    };
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
mod tests {
    use super::super::tests::{csv_rows, of};
    use super::*;

    const HEADER: &str = "year,ls_number,name,party,gender,portfolio,rank,appointment_begin,appointment_end,house,constituency,pid,state,start_source,end_source,comments,type_begin,type_end";
    // Real rows from TCPD_Indian_Cabinet_1990_2021.csv.
    const NAIK: &str = "2014,16,SHRIPAD YESSO NAIK,BJP,M,AAYUSH,MoS(IC),2014-11-09,2019-05-30,Lok Sabha,NORTH GOA,16_Goa_1_0_1,Goa,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_10.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1856.pdf,,mid_term,end_of_term";
    const SUMAN_1: &str = "1990,9,RAMJI LAL SUMAN,JD,M,Labour,MoS,1990-11-21,1991-06-21,Lok Sabha,FIROZABAD,9_Uttar_Pradesh_72_0_1,Uttar_Pradesh,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1574.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1541.pdf,,mid_term,end_of_term";
    const SUMAN_2: &str = "1990,9,RAMJI LAL SUMAN,JD,M,Welfare,MoS,1990-11-21,1991-06-21,Lok Sabha,FIROZABAD,9_Uttar_Pradesh_72_0_1,Uttar_Pradesh,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1574.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1541.pdf,,mid_term,end_of_term";
    const BALYAN: &str = "2014,16,DR. SANJEEV KUMAR BALYAN,BJP,M,Agriculture,MoS,2014-05-27,2016-07-05,Lok Sabha,MUZAFFARNAGAR,16_Uttar_Pradesh_3_0_1,Uttar_Pradesh,https://cabsec.gov.in/writereaddata/councilofministers/english/1_Upload_1782.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_6.pdf,,start_of_term,mid_term";
    const JAITLEY_RS: &str = "1999,13,ARUN JAITLEY,BJP,M,\"Law, Justice, and Company Affairs\",MoS(IC),2000-07-24,2000-11-07,Rajya Sabha,,NA ,Gujarat,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1668.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1677.pdf,,mid_term,mid_term";
    const AHLUWALIA_1: &str = "2014,16,S.S. AHLUWALIA,BJP,M,Agriculture and Farmers Welfare,MoS,2016-07-05,2017-09-03,Lok Sabha,DARJEELING,16_West_Bengal_4_0_1,West_Bengal,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_6.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1269.pdf,,mid_term,mid_term";
    const AHLUWALIA_2: &str = "1991,10,S. S. AHLUWALIA,INC,M,Urban Affairs and Employment,MoS,1995-09-15,1996-05-16,Rajya Sabha,,NA ,Bihar,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1591.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1607.pdf,,mid_term,end_of_term";

    fn parse_rows(rows: &[&str]) -> Batch {
        csv_rows(
            &TcpdCabinet,
            "TCPD_Indian_Cabinet_1990_2021.csv",
            HEADER,
            rows,
        )
    }

    fn persons(b: &Batch) -> Vec<Person> {
        of(b, |r| match r {
            Record::Person(p) => Some(p.clone()),
            _ => None,
        })
    }

    #[test]
    fn ramji_lal_suman_is_one_tcpd_person_with_two_portfolios() {
        let b = parse_rows(&[SUMAN_1, SUMAN_2]);
        assert!(b.problems.is_empty(), "{:?}", b.problems);
        let p = persons(&b);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].id, "tcpd-cabinet-ramji-lal-suman");
        assert_eq!(p[0].name.get("en"), Some("Ramji Lal Suman"));
        assert_eq!(p[0].aliases, vec!["RAMJI LAL SUMAN"]);
        assert_eq!(p[0].gender, Some(Gender::Male));
        assert_eq!(
            p[0].summary.get("en"),
            Some("Union minister 1990–1991 (Labour; Welfare).")
        );
        let tenures = of(&b, |r| match r {
            Record::Tenure(t) => Some(t.clone()),
            _ => None,
        });
        let offices: Vec<&str> = tenures.iter().map(|t| t.office.as_str()).collect();
        assert_eq!(
            offices,
            vec![
                "union-minister-of-state-labour",
                "union-minister-of-state-welfare"
            ]
        );
        assert_eq!(tenures[0].start.unwrap().to_string(), "1990-11-21");
        assert_eq!(tenures[0].end.unwrap().to_string(), "1991-06-21");
        assert_eq!(
            tenures[0].note.get("en"),
            Some("Lok Sabha member for Firozabad, Uttar Pradesh.")
        );
        let m = of(&b, |r| match r {
            Record::Membership(m) => Some(m.organization.clone()),
            _ => None,
        });
        assert_eq!(m, vec!["janata-dal"], "one membership for two rows");
        for r in &b.records {
            assert_eq!(r.record.sources(), [SOURCE_ID], "{:?}", r.record);
        }
    }

    #[test]
    fn offices_are_named_by_rank_and_portfolio_in_both_languages() {
        let b = parse_rows(&[NAIK, JAITLEY_RS]);
        assert!(b.problems.is_empty(), "{:?}", b.problems);
        let offices = of(&b, |r| match r {
            Record::Office(o) => Some(o.clone()),
            _ => None,
        });
        assert_eq!(
            offices[0].id,
            "union-minister-of-state-independent-charge-aayush"
        );
        assert_eq!(
            offices[0].name.get("en"),
            Some("Minister of State (Independent Charge), AAYUSH")
        );
        assert_eq!(
            offices[0].name.get("hi"),
            Some("राज्य मंत्री (स्वतंत्र प्रभार), AAYUSH")
        );
        assert_eq!(offices[0].organization.as_deref(), Some(GOVERNMENT_ID));
        assert_eq!(
            offices[1].name.get("en"),
            Some("Minister of State (Independent Charge), Law, Justice, and Company Affairs")
        );
        let jaitley = &persons(&b)[1];
        assert_eq!(jaitley.id, "tcpd-cabinet-arun-jaitley");
        let note = of(&b, |r| match r {
            Record::Tenure(t) if t.person == jaitley.id => t.note.get("en").map(str::to_string),
            _ => None,
        });
        assert_eq!(note, vec!["Rajya Sabha member from Gujarat."]);
    }

    #[test]
    fn honorifics_and_spacing_variants_make_one_person() {
        let b = parse_rows(&[BALYAN, AHLUWALIA_1, AHLUWALIA_2]);
        assert!(b.problems.is_empty(), "{:?}", b.problems);
        let p = persons(&b);
        let ids: Vec<&str> = p.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                "tcpd-cabinet-sanjeev-kumar-balyan",
                "tcpd-cabinet-s-s-ahluwalia"
            ]
        );
        assert_eq!(p[0].name.get("en"), Some("Sanjeev Kumar Balyan"));
        assert!(p[1].aliases.contains(&"S.S. AHLUWALIA".to_string()));
        assert!(p[1].aliases.contains(&"S. S. AHLUWALIA".to_string()));
        let parties = of(&b, |r| match r {
            Record::Membership(m) if m.person == p[1].id => Some(m.organization.clone()),
            _ => None,
        });
        assert_eq!(
            parties,
            vec!["bharatiya-janata-party", "indian-national-congress"]
        );
    }

    #[test]
    fn rows_sharing_a_pid_are_one_person_despite_spelling() {
        // Lines 311 and 312 of the file, in that order.
        let a = "1996,11,DHANUSHKODI ATHITHAN R.,TMC(M),M,Human Resource Development,MoS,1997-05-01,1998-03-19,Lok Sabha,TIRUCHENDUR,11_Tamil_Nadu_38_0_1,Tamil_Nadu,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1626.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1637.pdf,,mid_term,end_of_term";
        let b_ = "1996,11,DHANUSHKODI ATITHAN R.,TMC(M),M,Human Resource Development,MoS,1996-06-29,1997-04-21,Lok Sabha,TIRUCHENDUR,11_Tamil_Nadu_38_0_1,Tamil_Nadu,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1614.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1622.pdf,,mid_term,mid_term";
        let b = parse_rows(&[a, b_]);
        let p = persons(&b);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].id, "tcpd-cabinet-dhanushkodi-athithan-r");
        assert!(p[0].aliases.contains(&"Dhanushkodi Atithan R.".to_string()));
        let tenures = of(&b, |r| matches!(r, Record::Tenure(_)).then_some(()));
        assert_eq!(tenures.len(), 2, "one office, two appointments");
    }

    #[test]
    fn an_exact_repeat_adds_nothing_and_a_conflicting_one_is_a_problem() {
        let b = parse_rows(&[SUMAN_1, SUMAN_1]);
        assert!(b.problems.is_empty(), "{:?}", b.problems);
        assert_eq!(b.skipped.values().sum::<usize>(), 1);
        assert_eq!(b.records.len(), 4, "office, person, tenure, membership");
        let other_end = SUMAN_1.replace("1991-06-21,Lok", "1991-05-01,Lok");
        let b = parse_rows(&[SUMAN_1, &other_end]);
        assert_eq!(b.problems.len(), 1);
        assert_eq!(b.problems[0].line, 3);
        assert!(b.problems[0].message.contains("line 2"));
    }

    #[test]
    fn bad_rows_name_line_and_column() {
        let bad_rank = NAIK.replace(",MoS(IC),", ",Minister,");
        let bad_date = SUMAN_1.replace("1990-11-21", "21/13/1990");
        let bad_gender = BALYAN.replace(",BJP,M,", ",BJP,X,");
        let b = parse_rows(&[&bad_rank, &bad_date, &bad_gender]);
        let got: Vec<(usize, &str)> = b
            .problems
            .iter()
            .map(|p| (p.line, p.field.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![(2, "rank"), (3, "appointment_begin"), (4, "gender")]
        );
        assert!(persons(&b).is_empty());
    }

    #[test]
    fn prime_minister_is_a_default_office() {
        let pm = "1996,11,ATAL BIHARI VAJPAYEE,BJP,M,Prime Minister,PM,1996-05-16,1998-03-19,Lok Sabha,LUCKNOW,11_Uttar_Pradesh_20_0_1,Uttar_Pradesh,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1608.pdf,https://cabsec.gov.in/writereaddata/changeinportfolio/english/1_Upload_1637.pdf,,start_of_term,end_of_term";
        let b = parse_rows(&[pm]);
        assert!(b.problems.is_empty(), "{:?}", b.problems);
        assert!(b
            .defaults
            .iter()
            .any(|d| d.record.id() == "prime-minister-of-india"));
        let t = of(&b, |r| match r {
            Record::Tenure(t) => Some(t.office.clone()),
            _ => None,
        });
        assert_eq!(t, vec!["prime-minister-of-india"]);
    }
}
