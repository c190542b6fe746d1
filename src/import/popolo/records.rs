//! What the elements of a Popolo document are, and the records they become:
//! persons with a name per language of India, parties (the party table's record
//! where the party is known) and the legislature with its member's office.

use super::problem;
use crate::domain::parties;
use crate::error::Problem;
use crate::import::clean;
use crate::model::{Classification, Gender, Names, Office, Organization, Person};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Languages of India whose label becomes a name (one per language); labels in
/// other languages are kept as aliases.
const NAME_LANGS: &[&str] = &[
    "hi", "mr", "ne", "sa", "gu", "pa", "bn", "as", "or", "te", "ta", "kn", "ml", "ur", "mai",
    "bho", "ks", "sd", "kok", "doi", "mni", "sat", "brx",
];

#[derive(Deserialize)]
pub struct OtherName {
    pub name: String,
    #[serde(default)]
    pub lang: Option<String>,
}

#[derive(Deserialize)]
pub struct Identifier {
    pub identifier: String,
    pub scheme: String,
}

#[derive(Deserialize)]
pub struct PopoloPerson {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub other_names: Vec<OtherName>,
    #[serde(default)]
    pub birth_date: Option<String>,
    #[serde(default)]
    pub gender: Option<String>,
    #[serde(default)]
    pub identifiers: Vec<Identifier>,
}

#[derive(Deserialize)]
pub struct PopoloOrganization {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub classification: Option<String>,
    #[serde(default)]
    pub other_names: Vec<OtherName>,
    #[serde(default)]
    pub identifiers: Vec<Identifier>,
}

#[derive(Deserialize)]
pub struct PopoloMembership {
    pub person_id: String,
    #[serde(default)]
    pub organization_id: Option<String>,
    #[serde(default)]
    pub on_behalf_of_id: Option<String>,
    #[serde(default)]
    pub area_id: Option<String>,
    #[serde(default)]
    pub legislative_period_id: Option<String>,
    #[serde(default)]
    pub start_date: Option<String>,
    #[serde(default)]
    pub end_date: Option<String>,
}

#[derive(Deserialize)]
pub struct PopoloEvent {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub start_date: Option<String>,
    #[serde(default)]
    pub end_date: Option<String>,
}

#[derive(Deserialize)]
pub struct PopoloArea {
    pub id: String,
    pub name: String,
}

/// A legislature's id: `Lok Sabha` → `lok-sabha`.
pub fn legislature_id(name: &str) -> String {
    let s = clean::slug(name);
    if s.is_empty() {
        format!("legislature-{:x}", parties::fnv(name))
    } else {
        s
    }
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

pub fn person(
    file: &str,
    line: usize,
    p: &PopoloPerson,
    src: &str,
) -> Result<Person, Vec<Problem>> {
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
        sources: vec![src.to_string()],
        ..Default::default()
    })
}

/// A party (or other body): the party table's record when the party is known,
/// else Popolo's names and identifiers.
pub fn organization(o: &PopoloOrganization, src: &str) -> Organization {
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
        identifiers: identifiers(&o.identifiers),
        sources: vec![src.to_string()],
        ..Default::default()
    }
}

/// The legislature and its member's office (`lok-sabha`, `member-lok-sabha`).
pub fn legislature_records(o: &PopoloOrganization, src: &str) -> (Organization, Office) {
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
        identifiers: identifiers(&o.identifiers),
        sources: vec![src.to_string()],
        ..Default::default()
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
