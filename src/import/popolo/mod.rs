//! Popolo JSON (EveryPolitician's format; here the 16th Lok Sabha, 2014–19):
//! persons with their names in many languages, parties, the legislature, areas,
//! memberships and the legislative period's dates.
//!
//! - A person gets `name.en` from Popolo's `name` (`Adhalrao Patil, Shri Shivaji` →
//!   `Shivaji Adhalrao Patil`) and one name per language of India from
//!   `other_names` (`hi`, `mr`, `ne`, `sa`, `gu`…); every other spelling (Wikidata's
//!   English label, further Hindi variants, other languages) and the original string
//!   are aliases. Ids are `ep-<EveryPolitician legacy id>-<name>`
//!   (`ep-4143-shivaji-adhalrao-patil`).
//! - Parties known to [`crate::domain::parties`] become that table's records; others keep
//!   Popolo's names and Wikidata id. The legislature (`lok-sabha`) and its office
//!   (`member-lok-sabha`) are default records, like the parties: an existing record
//!   is never overwritten.
//! - A membership becomes a party membership and a tenure of the member's office,
//!   dated by the legislative period, with the constituency in the note.

mod records;

use super::build::appointments::{self, Appointments, Fact};
use super::{clean, Batch, Parsed};
use crate::error::Problem;
use crate::model::{Names, PartialDate, Person, Record, Source};
use records::{
    legislature_id, legislature_records, organization, person, PopoloArea, PopoloEvent,
    PopoloMembership, PopoloOrganization, PopoloPerson,
};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::{BTreeMap, HashMap};

/// Legislative periods whose end the file leaves out, from the public record.
const TERM_ENDS: &[(&str, &str, &str, &str)] = &[(
    "lok-sabha",
    "term/16",
    "2019-05",
    "the file gives no end for the term; May 2019, when the 16th Lok Sabha was dissolved, is from the public record",
)];

/// Whether `text` is a Popolo document: one JSON object with a `persons` list
/// (a native record names its `type`).
pub fn detect(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<HashMap<String, serde::de::IgnoredAny>>(text) {
        Ok(keys) => keys.contains_key("persons") && !keys.contains_key("type"),
        Err(_) => false,
    }
}

/// The dataset: `--format popolo`.
pub struct Popolo;

impl crate::import::dataset::Dataset for Popolo {
    fn name(&self) -> &'static str {
        "popolo"
    }

    fn about(&self) -> &'static str {
        "a Popolo JSON document (EveryPolitician's Lok Sabha file)"
    }

    fn recognise(&self, _file: &str, text: &str) -> Option<crate::import::dataset::Role> {
        let head = text.trim_start_matches('\u{feff}').trim_start();
        (head.starts_with('{') && detect(text)).then_some(crate::import::dataset::Role::Records)
    }

    fn parse(&self, file: &str, text: &str) -> Batch {
        parse(file, text)
    }
}

#[derive(Deserialize)]
struct Document<'a> {
    #[serde(borrow, default)]
    persons: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    organizations: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    memberships: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    events: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    areas: Vec<&'a RawValue>,
}

/// Just the id of an element, to know what a malformed element declared (so that
/// references to it are not reported on top of its own problem).
#[derive(Deserialize)]
struct IdOnly {
    #[serde(default)]
    id: Option<serde_json::Value>,
}

fn declared(raws: &[&RawValue]) -> std::collections::HashSet<String> {
    raws.iter()
        .filter_map(|r| serde_json::from_str::<IdOnly>(r.get()).ok())
        .filter_map(|i| match i.id {
            Some(serde_json::Value::String(s)) => Some(s),
            _ => None,
        })
        .collect()
}

/// Where each line of the text starts, to give a JSON element its line number.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    fn of(&self, raw: &RawValue) -> usize {
        let offset = raw.get().as_ptr() as usize - self.text.as_ptr() as usize;
        self.starts.partition_point(|&s| s <= offset)
    }
}

/// Parses one element, or reports it at its line with the failing field.
fn element<T: DeserializeOwned>(
    file: &str,
    line: usize,
    what: &str,
    raw: &RawValue,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let mut de = serde_json::Deserializer::from_str(raw.get());
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(v) => Some(v),
        Err(e) => {
            let path = e.path().to_string();
            // The position inside the element means nothing to the reader: the
            // element's own line is given instead.
            let message = e.into_inner().to_string();
            let message = message
                .rfind(" at line ")
                .map_or(message.as_str(), |i| &message[..i])
                .to_string();
            problems.push(Problem {
                file: file.to_string(),
                line,
                field: if path == "." { String::new() } else { path },
                message: format!("not a Popolo {what}: {message}"),
            });
            None
        }
    }
}

fn problem(file: &str, line: usize, field: &str, message: String) -> Problem {
    Problem {
        file: file.to_string(),
        line,
        field: field.to_string(),
        message,
    }
}

/// Every element of one list that parses, with its line; the others are problems.
fn elements<T: DeserializeOwned>(
    file: &str,
    lines: &Lines,
    what: &str,
    raws: &[&RawValue],
    problems: &mut Vec<Problem>,
) -> Vec<(usize, T)> {
    raws.iter()
        .filter_map(|raw| {
            let line = lines.of(raw);
            element(file, line, what, raw, problems).map(|e| (line, e))
        })
        .collect()
}

/// What the file's legislature is called, for the source's title and id.
struct Legislature {
    id: String,
    name: String,
}

/// The dataset's source record: `src-popolo-lok-sabha-16` for the legislature and
/// the legislative period (`term/16`, named `XVI Lok Sabha`) its members sit in.
fn source(
    file: &str,
    legislature: Option<&Legislature>,
    term: Option<&(String, String)>,
    ep: bool,
) -> Source {
    let (id, title) = match (legislature, term) {
        (Some(l), Some((t, name))) => (
            format!(
                "src-popolo-{}-{}",
                l.id,
                clean::slug(t.rsplit('/').next().unwrap_or(t))
            ),
            if name.contains(&l.name) {
                format!("Popolo data: {name}")
            } else {
                format!("Popolo data: {}, {name}", l.name)
            },
        ),
        (Some(l), None) => (
            format!("src-popolo-{}", l.id),
            format!("Popolo data: {}", l.name),
        ),
        _ => (
            format!("src-popolo-{}", clean::slug(&clean::file_name(file))),
            format!("Popolo data: {}", clean::file_name(file)),
        ),
    };
    let title = if ep {
        title.replacen("Popolo data", "EveryPolitician data (Popolo)", 1)
    } else {
        title
    };
    Source {
        id,
        title,
        publisher: ep.then(|| "EveryPolitician (mySociety)".to_string()),
        url: ep.then(|| "https://github.com/everypolitician/everypolitician-data".to_string()),
        date: None,
        // From the rows: the term's end (see `TERM_ENDS`).
        as_of: None,
        language: Some("en".into()),
        licence: ep.then(|| "names from Wikidata (CC0); EveryPolitician data".to_string()),
        file: Some(clean::file_name(file)),
        text: None,
    }
}

/// Parses a Popolo document.
pub fn parse(file: &str, text: &str) -> Batch {
    let mut batch = Batch::default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let doc: Document = match serde_json::from_str(text) {
        Ok(d) => d,
        Err(e) => {
            batch.problems.push(problem(
                file,
                e.line(),
                "",
                format!("not a Popolo JSON document: {e}"),
            ));
            return batch;
        }
    };
    let lines = Lines::new(text);
    let declared_persons = declared(&doc.persons);
    let declared_orgs = declared(&doc.organizations);
    let problems = &mut batch.problems;

    let events: HashMap<String, PopoloEvent> =
        elements::<PopoloEvent>(file, &lines, "event", &doc.events, problems)
            .into_iter()
            .map(|(_, e)| (e.id.clone(), e))
            .collect();
    let areas: HashMap<String, String> =
        elements::<PopoloArea>(file, &lines, "area", &doc.areas, problems)
            .into_iter()
            .map(|(_, a)| (a.id, clean::squash(&a.name)))
            .collect();
    let orgs: Vec<(usize, PopoloOrganization)> =
        elements(file, &lines, "organization", &doc.organizations, problems);
    let persons: Vec<(usize, PopoloPerson)> =
        elements(file, &lines, "person", &doc.persons, problems);
    let memberships: Vec<(usize, PopoloMembership)> =
        elements(file, &lines, "membership", &doc.memberships, problems);

    let legislature = orgs
        .iter()
        .find(|(_, o)| o.classification.as_deref() == Some("legislature"))
        .map(|(_, o)| Legislature {
            id: legislature_id(&o.name),
            name: clean::squash(&o.name),
        });
    let term = memberships
        .iter()
        .find_map(|(_, m)| m.legislative_period_id.clone())
        .map(|t| {
            let name = events
                .get(&t)
                .and_then(|e| e.name.clone())
                .unwrap_or_else(|| t.clone());
            (t, name)
        });
    let ep = persons.iter().any(|(_, p)| {
        p.identifiers
            .iter()
            .any(|i| i.scheme.starts_with("everypolitician"))
    });
    let src = source(file, legislature.as_ref(), term.as_ref(), ep);
    let src_id = src.id.clone();
    batch.default_record(file, 1, Record::Source(src));
    let problems = &mut batch.problems;

    // Organizations: Popolo id → our id, and the member's office of a legislature.
    let mut org_ids: HashMap<String, String> = HashMap::new();
    let mut member_office: HashMap<String, String> = HashMap::new();
    let mut defaults: Vec<(usize, Record)> = Vec::new();
    for (line, o) in &orgs {
        match o.classification.as_deref() {
            Some("legislature") | Some("chamber") => {
                let (org, office) = legislature_records(o, &src_id);
                org_ids.insert(o.id.clone(), org.id.clone());
                member_office.insert(o.id.clone(), office.id.clone());
                defaults.push((*line, Record::Organization(org)));
                defaults.push((*line, Record::Office(office)));
            }
            _ => {
                let org = organization(o, &src_id);
                org_ids.insert(o.id.clone(), org.id.clone());
                defaults.push((*line, Record::Organization(org)));
            }
        }
    }

    let mut people: Vec<(usize, Person)> = Vec::new();
    let mut person_ids: HashMap<String, usize> = HashMap::new();
    for (line, p) in &persons {
        match person(file, *line, p, &src_id) {
            Ok(person) => {
                person_ids.insert(p.id.clone(), people.len());
                people.push((*line, person));
            }
            Err(mut e) => problems.append(&mut e),
        }
    }

    let mut facts = Appointments::new(file, &src_id);
    let mut summaries: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (line, m) in &memberships {
        let line = *line;
        // The party is checked even when the person is malformed, so every
        // problem of the file is reported at once.
        let party = match &m.on_behalf_of_id {
            None => None,
            Some(party) => match org_ids.get(party) {
                Some(org) => Some((org.clone(), org_name(&orgs, party))),
                None => {
                    if !declared_orgs.contains(party) {
                        problems.push(problem(
                            file,
                            line,
                            "on_behalf_of_id",
                            format!("`{party}` is not an organization of this file"),
                        ));
                    }
                    None
                }
            },
        };
        let Some(&pi) = person_ids.get(&m.person_id) else {
            if !declared_persons.contains(&m.person_id) {
                problems.push(problem(
                    file,
                    line,
                    "person_id",
                    format!("`{}` is not a person of this file", m.person_id),
                ));
            }
            continue;
        };
        let person_id = people[pi].1.id.clone();
        let mut member_of = Vec::new();
        if let Some((org, name)) = party {
            facts.fact(line, appointments::membership(&person_id, &org, &src_id));
            member_of.push(name);
        }
        let Some(org) = &m.organization_id else {
            continue;
        };
        let Some(office) = member_office.get(org) else {
            if !declared_orgs.contains(org) {
                problems.push(problem(
                    file,
                    line,
                    "organization_id",
                    format!("`{org}` is not an organization of this file"),
                ));
            }
            continue;
        };
        let period = m.legislative_period_id.as_deref();
        let event = period.and_then(|p| events.get(p));
        if let (Some(p), None) = (period, event) {
            problems.push(problem(
                file,
                line,
                "legislative_period_id",
                format!("`{p}` is not an event of this file"),
            ));
            continue;
        }
        let mut date = |field: &str, own: &Option<String>, of_event: Option<&Option<String>>| {
            let text = own.as_ref().or(of_event.and_then(|e| e.as_ref()));
            match text.map(|t| clean::date(t)) {
                None => None,
                Some(Ok(d)) => d,
                Some(Err(e)) => {
                    problems.push(problem(file, line, field, e));
                    None
                }
            }
        };
        let start = date("start_date", &m.start_date, event.map(|e| &e.start_date));
        let mut end = date("end_date", &m.end_date, event.map(|e| &e.end_date));
        let mut note = Vec::new();
        let area = m
            .area_id
            .as_ref()
            .map(|a| areas.get(a).cloned().unwrap_or_else(|| a.clone()));
        let term_name = event.and_then(|e| e.name.clone());
        match (&area, &term_name) {
            (Some(a), Some(t)) => note.push(format!("{a} constituency, {t}")),
            (Some(a), None) => note.push(format!("{a} constituency")),
            (None, Some(t)) => note.push(t.clone()),
            (None, None) => {}
        }
        if end.is_none() && m.end_date.is_none() {
            let legislature = org_ids.get(org).map(String::as_str).unwrap_or("");
            if let Some((_, _, known, why)) = TERM_ENDS
                .iter()
                .find(|(l, t, _, _)| *l == legislature && Some(*t) == period)
            {
                end = known.parse::<PartialDate>().ok();
                note.push(why.to_string());
            }
        }
        let note = if note.is_empty() {
            Names::default()
        } else {
            let text = format!("{}.", clean::capitalise(&note.join("; ")));
            Names::new([("en", text.as_str())])
        };
        let tenure = facts.tenure(&person_id, office, start, end, note);
        if facts.fact(line, Record::Tenure(tenure)) != Fact::New {
            problems.push(problem(
                file,
                line,
                "person_id",
                format!(
                    "a second membership of `{}` in the same body from the same date",
                    m.person_id
                ),
            ));
            continue;
        }
        let mut s = format!(
            "Member of the {}",
            term_name.clone().unwrap_or_else(|| org_name(&orgs, org))
        );
        if let Some(a) = &area {
            s.push_str(&format!(" for {a}"));
        }
        for p in member_of.iter().filter(|p| !p.is_empty()) {
            s.push_str(&format!(", {p}"));
        }
        summaries.entry(pi).or_default().push(s);
    }
    for (pi, lines) in summaries {
        let en = format!("{}.", lines.join("; "));
        people[pi].1.summary = Names::new([("en", en.as_str())]);
    }

    for (line, record) in defaults {
        batch.default_record(file, line, record);
    }
    batch.problems.sort_by_key(|p| p.line);
    for (line, p) in people {
        batch.records.push(Parsed {
            file: file.to_string(),
            line,
            record: Record::Person(p),
        });
    }
    facts.finish(&mut batch);
    batch
}

fn org_name(orgs: &[(usize, PopoloOrganization)], id: &str) -> String {
    orgs.iter()
        .find(|(_, o)| o.id == id)
        .map_or_else(|| id.to_string(), |(_, o)| clean::squash(&o.name))
}

#[cfg(test)]
mod tests;
