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

use super::{clean, Batch, Parsed};
use crate::domain::parties;
use crate::error::Problem;
use crate::model::{
    Classification, Gender, Membership, Names, Office, Organization, PartialDate, Person, Record,
    Source, Tenure,
};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::{BTreeMap, HashMap};

/// Languages of India whose label becomes a name (one per language); labels in
/// other languages are kept as aliases.
const NAME_LANGS: &[&str] = &[
    "hi", "mr", "ne", "sa", "gu", "pa", "bn", "as", "or", "te", "ta", "kn", "ml", "ur", "mai",
    "bho", "ks", "sd", "kok", "doi", "mni", "sat", "brx",
];

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

impl super::dataset::Dataset for Popolo {
    fn name(&self) -> &'static str {
        "popolo"
    }

    fn about(&self) -> &'static str {
        "a Popolo JSON document (EveryPolitician's Lok Sabha file)"
    }

    fn recognise(&self, _file: &str, text: &str) -> Option<super::dataset::Role> {
        let head = text.trim_start_matches('\u{feff}').trim_start();
        (head.starts_with('{') && detect(text)).then_some(super::dataset::Role::Records)
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

#[derive(Deserialize)]
struct OtherName {
    name: String,
    #[serde(default)]
    lang: Option<String>,
}

#[derive(Deserialize)]
struct Identifier {
    identifier: String,
    scheme: String,
}

#[derive(Deserialize)]
struct PopoloPerson {
    id: String,
    name: String,
    #[serde(default)]
    other_names: Vec<OtherName>,
    #[serde(default)]
    birth_date: Option<String>,
    #[serde(default)]
    gender: Option<String>,
    #[serde(default)]
    identifiers: Vec<Identifier>,
}

#[derive(Deserialize)]
struct PopoloOrganization {
    id: String,
    name: String,
    #[serde(default)]
    classification: Option<String>,
    #[serde(default)]
    other_names: Vec<OtherName>,
    #[serde(default)]
    identifiers: Vec<Identifier>,
}

#[derive(Deserialize)]
struct PopoloMembership {
    person_id: String,
    #[serde(default)]
    organization_id: Option<String>,
    #[serde(default)]
    on_behalf_of_id: Option<String>,
    #[serde(default)]
    area_id: Option<String>,
    #[serde(default)]
    legislative_period_id: Option<String>,
    #[serde(default)]
    start_date: Option<String>,
    #[serde(default)]
    end_date: Option<String>,
}

#[derive(Deserialize)]
struct PopoloEvent {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    start_date: Option<String>,
    #[serde(default)]
    end_date: Option<String>,
}

#[derive(Deserialize)]
struct PopoloArea {
    id: String,
    name: String,
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

/// A legislature's id: `Lok Sabha` → `lok-sabha`.
fn legislature_id(name: &str) -> String {
    let s = clean::slug(name);
    if s.is_empty() {
        format!("legislature-{:x}", parties::fnv(name))
    } else {
        s
    }
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

    let mut events: HashMap<String, PopoloEvent> = HashMap::new();
    for raw in &doc.events {
        if let Some(e) = element::<PopoloEvent>(file, lines.of(raw), "event", raw, problems) {
            events.insert(e.id.clone(), e);
        }
    }
    let mut areas: HashMap<String, String> = HashMap::new();
    for raw in &doc.areas {
        if let Some(a) = element::<PopoloArea>(file, lines.of(raw), "area", raw, problems) {
            areas.insert(a.id, clean::squash(&a.name));
        }
    }
    let mut orgs: Vec<(usize, PopoloOrganization)> = Vec::new();
    for raw in &doc.organizations {
        let line = lines.of(raw);
        if let Some(o) = element::<PopoloOrganization>(file, line, "organization", raw, problems) {
            orgs.push((line, o));
        }
    }
    let mut persons: Vec<(usize, PopoloPerson)> = Vec::new();
    for raw in &doc.persons {
        let line = lines.of(raw);
        if let Some(p) = element::<PopoloPerson>(file, line, "person", raw, problems) {
            persons.push((line, p));
        }
    }
    let mut memberships: Vec<(usize, PopoloMembership)> = Vec::new();
    for raw in &doc.memberships {
        let line = lines.of(raw);
        if let Some(m) = element::<PopoloMembership>(file, line, "membership", raw, problems) {
            memberships.push((line, m));
        }
    }

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

    let mut facts: Vec<(usize, Record)> = Vec::new();
    let mut fact_ids: std::collections::HashSet<String> = Default::default();
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
            let mut r = Record::Membership(Membership {
                id: String::new(),
                person: person_id.clone(),
                organization: org,
                role: Names::default(),
                start: None,
                end: None,
                sources: vec![src_id.clone()],
            });
            r.fill_derived_id();
            if fact_ids.insert(r.id().to_string()) {
                facts.push((line, r));
            }
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
        let mut tenure = Record::Tenure(Tenure {
            ended: false,
            id: String::new(),
            person: person_id.clone(),
            office: office.clone(),
            start,
            end,
            note: if note.is_empty() {
                Names::default()
            } else {
                Names::new([(
                    "en",
                    format!("{}.", clean::capitalise(&note.join("; "))).as_str(),
                )])
            },
            sources: vec![src_id.clone()],
        });
        tenure.fill_derived_id();
        if !fact_ids.insert(tenure.id().to_string()) {
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
        facts.push((line, tenure));
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
    for (line, record) in facts {
        batch.records.push(Parsed {
            file: file.to_string(),
            line,
            record,
        });
    }
    batch
}

fn org_name(orgs: &[(usize, PopoloOrganization)], id: &str) -> String {
    orgs.iter()
        .find(|(_, o)| o.id == id)
        .map_or_else(|| id.to_string(), |(_, o)| clean::squash(&o.name))
}

fn is_lang(code: &str) -> bool {
    let mut parts = code.split('-');
    parts
        .next()
        .is_some_and(|b| (2..=3).contains(&b.len()) && b.bytes().all(|c| c.is_ascii_lowercase()))
        && parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|c| c.is_ascii_alphanumeric()))
}

/// Names per language (the first label of each language of India) and every other
/// distinct spelling as an alias, in file order.
fn names_and_aliases(
    en: Option<&str>,
    original: &str,
    others: &[OtherName],
) -> (Names, Vec<String>) {
    let mut names = Names::default();
    if let Some(en) = en {
        names.0.insert("en".into(), en.to_string());
    }
    let mut rest: Vec<String> = Vec::new();
    if en != Some(original) {
        rest.push(original.to_string());
    }
    for o in others {
        let text = clean::squash(&o.name);
        if text.is_empty() || text.chars().any(|c| c.is_control()) {
            continue;
        }
        match o.lang.as_deref() {
            Some(l) if NAME_LANGS.contains(&l) && is_lang(l) && !names.0.contains_key(l) => {
                names.0.insert(l.to_string(), text);
            }
            _ => rest.push(text),
        }
    }
    let mut aliases: Vec<String> = Vec::new();
    for a in rest {
        if !names.texts().any(|n| n == a) && !aliases.contains(&a) {
            aliases.push(a);
        }
    }
    (names, aliases)
}

fn identifiers(list: &[Identifier]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for i in list {
        let (scheme, value) = (i.scheme.trim(), i.identifier.trim());
        if !scheme.is_empty() && !value.is_empty() {
            out.entry(scheme.to_string())
                .or_insert_with(|| value.to_string());
        }
    }
    out
}

fn person(file: &str, line: usize, p: &PopoloPerson, src: &str) -> Result<Person, Vec<Problem>> {
    let mut problems = Vec::new();
    let en = clean::person_name(&p.name);
    if en.is_empty() {
        problems.push(problem(file, line, "name", "is empty".into()));
    }
    let birth_date = match p.birth_date.as_deref().map(clean::date) {
        None | Some(Ok(None)) => None,
        Some(Ok(d)) => d,
        Some(Err(e)) => {
            problems.push(problem(file, line, "birth_date", e));
            None
        }
    };
    let gender = match p.gender.as_deref().map(|g| g.trim().to_lowercase()) {
        None => None,
        Some(g) if g.is_empty() => None,
        Some(g) if g == "male" => Some(Gender::Male),
        Some(g) if g == "female" => Some(Gender::Female),
        Some(g) if g == "other" => Some(Gender::Other),
        Some(g) => {
            problems.push(problem(
                file,
                line,
                "gender",
                format!("`{g}` is not male, female or other"),
            ));
            None
        }
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let (name, aliases) = names_and_aliases(Some(&en), &clean::squash(&p.name), &p.other_names);
    let mut ids = identifiers(&p.identifiers);
    ids.entry("everypolitician".into())
        .or_insert_with(|| p.id.clone());
    let key = ids
        .get("everypolitician_legacy")
        .map(|l| clean::slug(l))
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| {
            let hex: String =
                p.id.chars()
                    .filter(|c| c.is_ascii_alphanumeric())
                    .take(8)
                    .collect();
            if hex.is_empty() {
                format!("{:08x}", parties::fnv(&p.id) as u32)
            } else {
                hex.to_lowercase()
            }
        });
    let slug = clean::slug_max(&en, 60);
    let id = if slug.is_empty() {
        format!("ep-{key}")
    } else {
        format!("ep-{key}-{slug}")
    };
    Ok(Person {
        id,
        name,
        aliases,
        gender,
        birth_date,
        birth_place: None,
        home_district: None,
        home_state: None,
        services: Vec::new(),
        summary: Names::default(),
        identifiers: ids,
        same_as: Vec::new(),
        sources: vec![src.to_string()],
        ..Default::default()
    })
}

/// A party (or other body): the party table's record when the party is known,
/// else Popolo's names and identifiers.
fn organization(o: &PopoloOrganization, src: &str) -> Organization {
    let name = clean::squash(&o.name);
    let known = parties::known_id(&name).or_else(|| parties::known_id(&o.id));
    if let Some(id) = known {
        return parties::party_record(id, None).expect("a known party id gives a record");
    }
    let is_party = o.classification.as_deref() == Some("party");
    let id = if is_party {
        parties::party_record(&name, None).map_or_else(|| clean::slug(&name), |r| r.id)
    } else {
        let s = clean::slug(&name);
        if s.is_empty() {
            format!("organization-{:x}", parties::fnv(&name))
        } else {
            s
        }
    };
    let (names, mut aliases) = names_and_aliases(Some(&name), &name, &o.other_names);
    if o.id != name && !aliases.contains(&o.id) {
        aliases.insert(0, o.id.clone());
    }
    Organization {
        id,
        name: names,
        aliases,
        classification: Some(if is_party {
            Classification::Party
        } else {
            Classification::Other
        }),
        parent: None,
        state: None,
        founded: None,
        dissolved: None,
        summary: Names::default(),
        identifiers: identifiers(&o.identifiers),
        sources: vec![src.to_string()],
    }
}

/// The legislature and its member's office (`lok-sabha`, `member-lok-sabha`).
fn legislature_records(o: &PopoloOrganization, src: &str) -> (Organization, Office) {
    let name = clean::squash(&o.name);
    let id = legislature_id(&name);
    let (mut names, mut aliases) = names_and_aliases(Some(&name), &name, &o.other_names);
    let lok_sabha = id == "lok-sabha";
    if lok_sabha {
        names
            .0
            .entry("hi".into())
            .or_insert_with(|| "लोकसभा".into());
        for a in ["House of the People", "लोक सभा"] {
            if !aliases.iter().any(|x| x == a) {
                aliases.push(a.into());
            }
        }
    }
    let org = Organization {
        id: id.clone(),
        name: names,
        aliases,
        classification: Some(Classification::Legislature),
        parent: None,
        state: None,
        founded: None,
        dissolved: None,
        summary: Names::default(),
        identifiers: identifiers(&o.identifiers),
        sources: vec![src.to_string()],
    };
    let mut office_name = Names::new([("en", format!("Member of {name}").as_str())]);
    let mut office_aliases = vec![format!("{name} member")];
    if lok_sabha {
        office_name.0.insert("hi".into(), "लोकसभा सदस्य".into());
        office_aliases = vec![
            "Lok Sabha MP".into(),
            "Member of Parliament".into(),
            "MP".into(),
            "लोकसभा सांसद".into(),
            "सांसद".into(),
        ];
    }
    let office = Office {
        id: format!("member-{id}"),
        name: office_name,
        aliases: office_aliases,
        organization: Some(id),
        summary: Names::default(),
        sources: vec![src.to_string()],
    };
    (org, office)
}

#[cfg(test)]
mod tests {
    use super::super::tests::of;
    use super::*;

    /// A small document in the shape of the EveryPolitician file (names and ids
    /// from it; fewer labels).
    const DOC: &str = r#"{
  "posts": [],
  "persons": [
    {
      "birth_date": "1956-05-08",
      "gender": "male",
      "id": "35ad9676-8485-4137-9a16-50f2844f3ab2",
      "identifiers": [
        {"identifier": "4143", "scheme": "everypolitician_legacy"},
        {"identifier": "Q13121505", "scheme": "wikidata"}
      ],
      "name": "Adhalrao Patil, Shri Shivaji",
      "other_names": [
        {"name": "Shivajirao Adhalarao Patil", "note": "alternate"},
        {"lang": "en", "name": "Shivajirao Adhalarao Patil", "note": "multilingual"},
        {"lang": "hi", "name": "अधलराव शिवाजी दत्तात्रेय", "note": "multilingual"},
        {"lang": "mr", "name": "शिवाजी अढळराव पाटील", "note": "multilingual"},
        {"lang": "hi", "name": "शिवाजी अढळराव पाटील", "note": "multilingual"},
        {"lang": "ne", "name": "अधलराव शिवाजी दत्तात्रेय", "note": "multilingual"}
      ]
    },
    {
      "birth_date": "1967",
      "gender": "female",
      "id": "0094ff14-ff6c-440a-96fc-f0bd68068569",
      "identifiers": [{"identifier": "4000", "scheme": "everypolitician_legacy"}],
      "name": "Gawali (Patil), Ms. Bhavana"
    }
  ],
  "organizations": [
    {"classification": "party", "id": "SS", "identifiers": [{"identifier": "Q59177", "scheme": "wikidata"}], "name": "Shiv Sena",
     "other_names": [{"lang": "hi", "name": "शिवसेना"}]},
    {"classification": "party", "id": "XYZ", "identifiers": [{"identifier": "Q1", "scheme": "wikidata"}], "name": "Example Lok Party",
     "other_names": [{"lang": "hi", "name": "उदाहरण लोक पार्टी"}, {"lang": "en", "name": "XYZ"}]},
    {"classification": "legislature", "id": "legislature", "identifiers": [{"identifier": "Q230003", "scheme": "wikidata"}], "name": "Lok Sabha"}
  ],
  "memberships": [
    {"area_id": "area/shirur", "legislative_period_id": "term/16", "on_behalf_of_id": "SS", "organization_id": "legislature", "person_id": "35ad9676-8485-4137-9a16-50f2844f3ab2", "role": "member"},
    {"area_id": "area/yavatmal-washim", "legislative_period_id": "term/16", "on_behalf_of_id": "XYZ", "organization_id": "legislature", "person_id": "0094ff14-ff6c-440a-96fc-f0bd68068569", "role": "member"}
  ],
  "events": [
    {"classification": "legislative period", "id": "term/16", "name": "XVI Lok Sabha", "organization_id": "legislature", "start_date": "2014-05-26"}
  ],
  "areas": [
    {"id": "area/shirur", "name": "Shirur", "type": "constituency"},
    {"id": "area/yavatmal-washim", "name": "Yavatmal-Washim", "type": "constituency"}
  ]
}"#;

    fn defaults(b: &Batch) -> Vec<&Record> {
        b.defaults.iter().map(|d| &d.record).collect()
    }

    #[test]
    fn persons_get_names_per_language_and_aliases() {
        let b = parse("ep-popolo-v1.0.json", DOC);
        assert!(b.problems.is_empty(), "{:?}", b.problems);
        let people = of(&b, |r| match r {
            Record::Person(p) => Some(p.clone()),
            _ => None,
        });
        let p = &people[0];
        assert_eq!(p.id, "ep-4143-shivaji-adhalrao-patil");
        assert_eq!(p.name.get("en"), Some("Shivaji Adhalrao Patil"));
        assert_eq!(p.name.get("hi"), Some("अधलराव शिवाजी दत्तात्रेय"));
        assert_eq!(p.name.get("mr"), Some("शिवाजी अढळराव पाटील"));
        assert_eq!(p.name.get("ne"), Some("अधलराव शिवाजी दत्तात्रेय"));
        assert_eq!(
            p.aliases,
            vec!["Adhalrao Patil, Shri Shivaji", "Shivajirao Adhalarao Patil"],
            "the original, Wikidata's English label; the second Hindi label is the Marathi name already"
        );
        assert_eq!(p.birth_date.unwrap().to_string(), "1956-05-08");
        assert_eq!(p.identifiers["wikidata"], "Q13121505");
        assert_eq!(
            p.identifiers["everypolitician"],
            "35ad9676-8485-4137-9a16-50f2844f3ab2"
        );
        assert_eq!(
            p.summary.get("en"),
            Some("Member of the XVI Lok Sabha for Shirur, Shiv Sena.")
        );
        let q = &people[1];
        assert_eq!(q.id, "ep-4000-bhavana-gawali-patil");
        assert_eq!(q.birth_date.unwrap().to_string(), "1967");
        assert_eq!(q.gender, Some(Gender::Female));
    }

    #[test]
    fn memberships_become_party_memberships_and_tenures() {
        let b = parse("ep-popolo-v1.0.json", DOC);
        let tenures = of(&b, |r| match r {
            Record::Tenure(t) => Some(t.clone()),
            _ => None,
        });
        assert_eq!(tenures.len(), 2);
        let t = &tenures[0];
        assert_eq!(t.office, "member-lok-sabha");
        assert_eq!(t.start.unwrap().to_string(), "2014-05-26");
        assert_eq!(
            t.end.unwrap().to_string(),
            "2019-05",
            "from the public record"
        );
        let note = t.note.get("en").unwrap();
        assert!(
            note.starts_with("Shirur constituency, XVI Lok Sabha;"),
            "{note}"
        );
        let m = of(&b, |r| match r {
            Record::Membership(m) => Some(m.organization.clone()),
            _ => None,
        });
        assert_eq!(m, vec!["shiv-sena", "party-example-lok-party"]);
    }

    #[test]
    fn parties_known_to_the_table_use_it_and_others_keep_popolo_names() {
        let b = parse("ep-popolo-v1.0.json", DOC);
        let d = defaults(&b);
        let org = |id: &str| {
            d.iter()
                .find_map(|r| match r {
                    Record::Organization(o) if o.id == id => Some(o.clone()),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("{id} among the defaults"))
        };
        let ss = org("shiv-sena");
        assert!(ss.sources.is_empty(), "the party table's own record");
        let xyz = org("party-example-lok-party");
        assert_eq!(xyz.name.get("hi"), Some("उदाहरण लोक पार्टी"));
        assert_eq!(xyz.identifiers["wikidata"], "Q1");
        assert!(xyz.aliases.contains(&"XYZ".to_string()));
        let ls = org("lok-sabha");
        assert_eq!(ls.name.get("hi"), Some("लोकसभा"));
        assert_eq!(ls.identifiers["wikidata"], "Q230003");
        let office = d
            .iter()
            .find_map(|r| match r {
                Record::Office(o) => Some(o.clone()),
                _ => None,
            })
            .unwrap();
        assert_eq!(office.id, "member-lok-sabha");
        assert_eq!(office.name.get("hi"), Some("लोकसभा सदस्य"));
        let source = d.iter().find(|r| matches!(r, Record::Source(_))).unwrap();
        assert_eq!(source.id(), "src-popolo-lok-sabha-16");
        for r in &b.records {
            assert_eq!(r.record.sources(), [source.id()], "{:?}", r.record);
        }
        for r in b.records.iter().map(|p| &p.record).chain(d.iter().copied()) {
            assert!(
                crate::model::validate::check_record(r).is_empty(),
                "{r:?}: {:?}",
                crate::model::validate::check_record(r)
            );
        }
    }

    #[test]
    fn bad_elements_are_problems_with_their_line_and_field() {
        let bad = DOC
            .replace("\"birth_date\": \"1967\"", "\"birth_date\": \"1967-13\"")
            .replace("\"gender\": \"male\"", "\"gender\": 7")
            .replace(
                "\"on_behalf_of_id\": \"XYZ\"",
                "\"on_behalf_of_id\": \"NOPE\"",
            );
        let b = parse("x.json", &bad);
        assert_eq!(
            b.problems[0].message,
            "not a Popolo person: invalid type: integer `7`, expected a string"
        );
        let got: Vec<(usize, &str)> = b
            .problems
            .iter()
            .map(|p| (p.line, p.field.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![(4, "gender"), (22, "birth_date"), (39, "on_behalf_of_id")],
            "{:?}",
            b.problems
        );
        let b = parse("x.json", "{\"persons\": [");
        assert_eq!(b.problems.len(), 1);
    }

    #[test]
    fn detects_popolo_but_not_native_records() {
        assert!(detect(DOC));
        assert!(!detect(r#"{"type":"person","id":"x","name":{"hi":"क"}}"#));
        assert!(!detect("{\"type\":\"person\"}\n{\"type\":\"person\"}\n"));
    }
}
