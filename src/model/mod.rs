//! The record model: the nine kinds of record, their serde form and their references.
//!
//! A record's JSON form is the native import/export format: one object per record,
//! `"type"` naming the kind. Unknown fields are refused, so a misspelt field name
//! (`"birthdate"`) is reported instead of silently dropped.

mod candidacy;
mod date;
pub mod diff;
mod names;
mod seat;
pub mod validate;

pub use candidacy::{Affidavit, Candidacy, Outcome, Percent, SeatType};
pub use date::{civil_from_days, PartialDate};
pub use names::Names;
pub use seat::Seat;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// A record's stable, human-readable id (a slug such as `alok-ranjan`).
pub type Id = String;

/// The kinds of record, in the order an export writes them (referenced kinds first).
/// The byte a stored record names its kind by is [`Kind::code`], not this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Source,
    Organization,
    Office,
    Election,
    Seat,
    Person,
    Tenure,
    Membership,
    Candidacy,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Source,
        Kind::Organization,
        Kind::Office,
        Kind::Election,
        Kind::Seat,
        Kind::Person,
        Kind::Tenure,
        Kind::Membership,
        Kind::Candidacy,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Source => "source",
            Kind::Organization => "organization",
            Kind::Office => "office",
            Kind::Election => "election",
            Kind::Seat => "seat",
            Kind::Person => "person",
            Kind::Tenure => "tenure",
            Kind::Membership => "membership",
            Kind::Candidacy => "candidacy",
        }
    }

    /// The byte a stored record's header names its kind by (see
    /// `crate::store::codec`). Fixed for good: stores written before a kind was
    /// added must keep opening, so a new kind takes the next free code.
    pub fn code(self) -> u8 {
        match self {
            Kind::Source => 0,
            Kind::Organization => 1,
            Kind::Office => 2,
            Kind::Election => 3,
            Kind::Person => 4,
            Kind::Tenure => 5,
            Kind::Membership => 6,
            Kind::Candidacy => 7,
            Kind::Seat => 8,
        }
    }

    /// The kind stored under `code`, if any.
    pub fn from_code(code: u8) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// `an office`, `a person`: for messages.
    pub fn with_article(self) -> String {
        let s = self.as_str();
        let article = if s.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {s}")
    }

    /// Entities have names and their own search documents; facts link entities.
    pub fn is_entity(self) -> bool {
        !matches!(self, Kind::Tenure | Kind::Membership | Kind::Candidacy)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim().to_lowercase())
            .ok_or_else(|| {
                let all: Vec<_> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                format!("unknown kind `{s}`: expected one of {}", all.join(", "))
            })
    }
}

/// A person's service in a civil service cadre: `{"service":"IAS","batch":1978,"cadre":{…}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// The service's abbreviation or name, e.g. `IAS`.
    pub service: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cadre: Option<Names>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Female,
    Male,
    Other,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: Id,
    pub name: Names,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_place: Option<Names>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_district: Option<Names>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_state: Option<Names>,
    /// The father's name as a dataset gives it (`MULAYAM SINGH YADAV S/O SUDHAR
    /// SINGH` → `Sudhar Singh`): evidence for telling namesakes apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub father: Option<Names>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<Service>,
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    pub summary: Names,
    /// External identifiers: `{"wikidata": "Q…", "tcpd_ias": "UP042600"}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub identifiers: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
}

impl Person {
    /// A person known only by a name in one language, citing `source`: what an
    /// importer starts from before adding the facts its dataset gives.
    pub fn named(id: impl Into<Id>, lang: &str, name: &str, source: &str) -> Person {
        Person {
            id: id.into(),
            name: Names::new([(lang, name)]),
            sources: vec![source.to_string()],
            ..Person::default()
        }
    }
}

/// What an organization is; Popolo calls this `classification`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Classification {
    Party,
    Legislature,
    Government,
    Service,
    Other,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub id: Id,
    pub name: Names,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<Classification>,
    /// The organization this one belongs to (a state's council of ministers → its government).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<Names>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dissolved: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    pub summary: Names,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub identifiers: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
}

/// A post that a person holds: "Chief Secretary of Uttar Pradesh".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub id: Id,
    pub name: Names,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The body the post belongs to (a government, a legislature, a party).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<Id>,
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    pub summary: Names,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
}

impl Office {
    /// The office's names, with the Hindi name of `domain::offices` when the record
    /// has none or only a half-English one (`कैबिनेट मंत्री, Home Affairs`, as imports
    /// before the table wrote): `गृह मंत्री`. A Hindi name of the record's own is kept.
    pub fn names(&self) -> Names {
        let mut names = self.name.clone();
        let needs = self
            .name
            .get("hi")
            .is_none_or(crate::domain::offices::half_english);
        if needs {
            if let Some(hi) = self.name.get("en").and_then(crate::domain::offices::hindi) {
                names.0.insert("hi".into(), hi);
            }
        }
        names
    }
}

/// How seats are filled: first past the post, or single transferable vote (Rajya Sabha).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum System {
    Fptp,
    Stv,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Election {
    pub id: Id,
    pub name: Names,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The body elected to (an organization id: `rajya-sabha`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Id>,
    /// The area that elects: a state for Rajya Sabha, a constituency or state otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Names>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<u32>,
    /// Elected by other elected members (Rajya Sabha: by the state's MLAs), not by voters.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub indirect: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<System>,
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    pub summary: Names,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
}

/// A person holding an office from `start` to `end`; no `end` means current.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tenure {
    /// Optional in an import: derived from person, office and start when absent.
    #[serde(default)]
    pub id: Id,
    pub person: Id,
    pub office: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// The tenure is over though its end date is unknown (a retired officer's last
    /// posting); without it, no `end` means current.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ended: bool,
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    pub note: Names,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
}

/// A person in an organization (usually a party), with a role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    #[serde(default)]
    pub id: Id,
    pub person: Id,
    pub organization: Id,
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    pub role: Names,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
}

/// A document that facts come from. Its text, when present, is searchable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Id,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The date the source's knowledge ends: a dataset's last event, a report's date.
    /// A tenure it gives without an end is "current" only while this reaches today
    /// (see [`crate::profile::currency`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<PartialDate>,
    /// Language code of the document (`hi`, `en`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// For a dataset: the file the records were imported from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Any record, tagged by `"type"` in its JSON form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Record {
    Source(Source),
    Organization(Organization),
    Office(Office),
    Election(Election),
    Seat(Seat),
    Person(Person),
    Tenure(Tenure),
    Membership(Membership),
    Candidacy(Candidacy),
}

/// A reference from one record to another: the field it is in and the kind it must be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference<'a> {
    pub field: String,
    pub id: &'a str,
    pub kind: Kind,
}

impl Record {
    pub fn kind(&self) -> Kind {
        match self {
            Record::Source(_) => Kind::Source,
            Record::Organization(_) => Kind::Organization,
            Record::Office(_) => Kind::Office,
            Record::Election(_) => Kind::Election,
            Record::Seat(_) => Kind::Seat,
            Record::Person(_) => Kind::Person,
            Record::Tenure(_) => Kind::Tenure,
            Record::Membership(_) => Kind::Membership,
            Record::Candidacy(_) => Kind::Candidacy,
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Record::Source(r) => &r.id,
            Record::Organization(r) => &r.id,
            Record::Office(r) => &r.id,
            Record::Election(r) => &r.id,
            Record::Seat(r) => &r.id,
            Record::Person(r) => &r.id,
            Record::Tenure(r) => &r.id,
            Record::Membership(r) => &r.id,
            Record::Candidacy(r) => &r.id,
        }
    }

    /// The record's names; a source's title counts as its name, facts have none.
    pub fn name(&self) -> Names {
        match self {
            Record::Person(r) => r.name.clone(),
            Record::Organization(r) => r.name.clone(),
            Record::Office(r) => r.names(),
            Record::Election(r) => r.name.clone(),
            Record::Seat(r) => r.name.clone(),
            Record::Source(r) => {
                let lang = r.language.as_deref().unwrap_or("en");
                Names::new([(lang, r.title.as_str())])
            }
            _ => Names::default(),
        }
    }

    pub fn aliases(&self) -> &[String] {
        match self {
            Record::Person(r) => &r.aliases,
            Record::Organization(r) => &r.aliases,
            Record::Office(r) => &r.aliases,
            Record::Election(r) => &r.aliases,
            Record::Seat(r) => &r.aliases,
            _ => &[],
        }
    }

    pub fn summary(&self) -> Names {
        match self {
            Record::Person(r) => r.summary.clone(),
            Record::Organization(r) => r.summary.clone(),
            Record::Office(r) => r.summary.clone(),
            Record::Election(r) => r.summary.clone(),
            Record::Seat(r) => r.describe(),
            _ => Names::default(),
        }
    }

    /// Gives a fact without an id its derived, deterministic id, so that importing
    /// the same file twice writes the same records.
    pub fn fill_derived_id(&mut self) {
        let derived = match self {
            Record::Tenure(t) if t.id.is_empty() => {
                derived_id(&[&t.person, &t.office], t.start.as_ref())
            }
            Record::Membership(m) if m.id.is_empty() => {
                derived_id(&[&m.person, &m.organization], m.start.as_ref())
            }
            Record::Candidacy(c) if c.id.is_empty() => derived_id(&[&c.person, &c.election], None),
            _ => return,
        };
        match self {
            Record::Tenure(t) => t.id = derived,
            Record::Membership(m) => m.id = derived,
            Record::Candidacy(c) => c.id = derived,
            _ => {}
        }
    }

    /// Every id this record points at, with the field and the kind it must have.
    pub fn references(&self) -> Vec<Reference<'_>> {
        let mut out = Vec::new();
        match self {
            Record::Person(_) | Record::Source(_) => {}
            Record::Organization(o) => {
                if let Some(p) = &o.parent {
                    out.push(reference("parent", p, Kind::Organization));
                }
            }
            Record::Office(o) => {
                if let Some(org) = &o.organization {
                    out.push(reference("organization", org, Kind::Organization));
                }
            }
            Record::Election(e) => {
                if let Some(b) = &e.body {
                    out.push(reference("body", b, Kind::Organization));
                }
            }
            Record::Seat(s) => out.push(reference("body", &s.body, Kind::Organization)),
            Record::Tenure(t) => {
                out.push(reference("person", &t.person, Kind::Person));
                out.push(reference("office", &t.office, Kind::Office));
            }
            Record::Membership(m) => {
                out.push(reference("person", &m.person, Kind::Person));
                out.push(reference(
                    "organization",
                    &m.organization,
                    Kind::Organization,
                ));
            }
            Record::Candidacy(c) => {
                out.push(reference("person", &c.person, Kind::Person));
                out.push(reference("election", &c.election, Kind::Election));
                if let Some(p) = &c.party {
                    out.push(reference("party", p, Kind::Organization));
                }
                if let Some(s) = &c.seat {
                    out.push(reference("seat", s, Kind::Seat));
                }
            }
        }
        for (i, s) in self.sources().iter().enumerate() {
            out.push(Reference {
                field: format!("sources[{i}]"),
                id: s,
                kind: Kind::Source,
            });
        }
        out
    }

    pub fn sources(&self) -> &[Id] {
        match self {
            Record::Person(r) => &r.sources,
            Record::Organization(r) => &r.sources,
            Record::Office(r) => &r.sources,
            Record::Election(r) => &r.sources,
            Record::Seat(r) => &r.sources,
            Record::Tenure(r) => &r.sources,
            Record::Membership(r) => &r.sources,
            Record::Candidacy(r) => &r.sources,
            Record::Source(_) => &[],
        }
    }

    /// Parses one record from a JSON value, naming the failing field on error.
    pub fn from_value(value: serde_json::Value) -> Result<Record, (String, String)> {
        let serde_json::Value::Object(mut map) = value else {
            return Err((String::new(), "a record must be a JSON object".into()));
        };
        let kind = match map.remove("type") {
            None => {
                return Err((
                    "type".into(),
                    "missing: every record names its kind in `type`".into(),
                ))
            }
            Some(serde_json::Value::String(s)) => {
                s.parse::<Kind>().map_err(|e| ("type".to_string(), e))?
            }
            Some(other) => return Err(("type".into(), format!("must be a string, not {other}"))),
        };
        let value = serde_json::Value::Object(map);
        fn parse<T: serde::de::DeserializeOwned>(
            v: serde_json::Value,
        ) -> Result<T, (String, String)> {
            serde_path_to_error::deserialize(v).map_err(|e| {
                let path = e.path().to_string();
                let path = if path == "." { String::new() } else { path };
                (path, friendlier(&e.into_inner().to_string()))
            })
        }
        Ok(match kind {
            Kind::Source => Record::Source(parse(value)?),
            Kind::Organization => Record::Organization(parse(value)?),
            Kind::Office => Record::Office(parse(value)?),
            Kind::Election => Record::Election(parse(value)?),
            Kind::Seat => Record::Seat(parse(value)?),
            Kind::Person => Record::Person(parse(value)?),
            Kind::Tenure => Record::Tenure(parse(value)?),
            Kind::Membership => Record::Membership(parse(value)?),
            Kind::Candidacy => Record::Candidacy(parse(value)?),
        })
    }
}

/// serde's type names mean little to a person editing a file.
fn friendlier(message: &str) -> String {
    message
        .replace("expected u64", "expected a whole number, 0 or more")
        .replace("expected u32", "expected a whole number, 0 or more")
        .replace("expected u16", "expected a whole number from 0 to 65535")
        .replace("expected a borrowed string", "expected a string")
}

fn reference<'a>(field: &str, id: &'a str, kind: Kind) -> Reference<'a> {
    Reference {
        field: field.to_string(),
        id,
        kind,
    }
}

fn derived_id(parts: &[&str], start: Option<&PartialDate>) -> Id {
    let mut id = parts.join("--");
    if let Some(s) = start {
        id.push_str("--");
        id.push_str(&s.to_string());
    }
    id
}
