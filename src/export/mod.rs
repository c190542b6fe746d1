//! Export: every record as JSON Lines (referenced kinds first, so the file
//! re-imports losslessly) followed by the identity decisions, the knowledge base
//! as Popolo JSON, or the crosswalk of people (a researcher's join table between
//! datasets: which records, and which identifiers, are one person), or a SQLite
//! database for Datasette ([`sqlite`]).

pub mod sqlite;
pub use sqlite::write_sqlite;

use crate::error::{Error, Result};
use crate::model::Kind;
use crate::store::Store;
use std::io::Write;

/// An identity decision as an export line: `{"type":"link","a":…,"b":…,…}`.
#[derive(serde::Serialize)]
struct LinkLine<'a> {
    r#type: &'static str,
    #[serde(flatten)]
    decision: &'a crate::store::Decision,
}

/// Writes every record to `out`, then every identity decision, oldest first, as
/// `link` lines (so an import into a fresh home reproduces the identity tree);
/// returns how many records were written.
pub fn write_jsonl(store: &Store, out: &mut dyn Write) -> Result<usize> {
    let mut count = 0;
    let io = |e| Error::io("<export output>", e);
    for kind in Kind::ALL {
        for record in store.iter(kind) {
            let line = serde_json::to_string(&record?).expect("records always serialize");
            out.write_all(line.as_bytes()).map_err(io)?;
            out.write_all(b"\n").map_err(io)?;
            count += 1;
        }
    }
    for item in store.decisions() {
        let (_, decision) = item?;
        let line = serde_json::to_string(&LinkLine {
            r#type: "link",
            decision: &decision,
        })
        .expect("decisions always serialize");
        out.write_all(line.as_bytes()).map_err(io)?;
        out.write_all(b"\n").map_err(io)?;
    }
    out.flush().map_err(io)?;
    Ok(count)
}

/// One person in the crosswalk.
#[derive(serde::Serialize)]
struct CrosswalkLine {
    /// The person id (its smallest record id, see [`crate::identity::cluster`]).
    person: String,
    /// Every name and alias of its records, in both scripts, sorted and once each.
    names: std::collections::BTreeSet<String>,
    /// Every identifier its records carry: scheme → values, sorted.
    identifiers: std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
    /// Its record ids, sorted.
    records: Vec<String>,
}

/// Writes one JSON line per person, in person-id order: every person record is in
/// exactly one line, a record linked to no other in a line of its own, so the file
/// is a total join table from any record id to its person. Reads the decision log
/// once and streams the records. Returns how many people were written.
pub fn write_crosswalk(store: &Store, out: &mut dyn Write) -> Result<usize> {
    use crate::model::Record;
    let clusters = crate::identity::clusters(store)?;
    let groups = clusters.groups();
    let io = |e| Error::io("<export output>", e);
    let mut count = 0;
    for record in store.iter(Kind::Person) {
        let Record::Person(first) = record? else {
            continue;
        };
        let person = clusters.person(&first.id);
        if person != first.id {
            continue; // written with its person, whose id sorts first
        }
        let mut line = CrosswalkLine {
            person: first.id.clone(),
            names: Default::default(),
            identifiers: Default::default(),
            records: Vec::new(),
        };
        let members: Vec<&str> = groups
            .get(first.id.as_str())
            .cloned()
            .unwrap_or_else(|| vec![first.id.as_str()]);
        let mut add = |p: &crate::model::Person| {
            line.records.push(p.id.clone());
            line.names.extend(p.name.texts().map(str::to_string));
            line.names.extend(p.aliases.iter().cloned());
            for (scheme, value) in &p.identifiers {
                line.identifiers
                    .entry(scheme.clone())
                    .or_default()
                    .insert(value.clone());
            }
        };
        for id in members {
            if id == first.id {
                add(&first);
            } else if let Some(Record::Person(p)) = store.get_kind(Kind::Person, id)? {
                add(&p);
            }
        }
        let text = serde_json::to_string(&line).expect("a crosswalk line always serializes");
        out.write_all(text.as_bytes()).map_err(io)?;
        out.write_all(b"\n").map_err(io)?;
        count += 1;
    }
    out.flush().map_err(io)?;
    Ok(count)
}

/// Writes the knowledge base as one Popolo JSON document (persons, organizations,
/// posts, memberships, events), the format of EveryPolitician and Popolo tools.
/// Offices become posts and tenures memberships of them; elections become events.
/// Popolo has no candidacy: candidacies are left out (JSON Lines keeps everything).
/// Returns how many Popolo objects were written.
pub fn write_popolo(store: &Store, out: &mut dyn Write) -> Result<usize> {
    use crate::model::{Names, Record};
    use serde_json::{json, Map, Value};

    fn other_names(name: &Names, aliases: &[String]) -> Vec<Value> {
        let mut v: Vec<Value> = name
            .0
            .iter()
            .map(|(lang, text)| json!({"lang": lang, "name": text, "note": "multilingual"}))
            .collect();
        v.extend(
            aliases
                .iter()
                .map(|a| json!({"name": a, "note": "alternate"})),
        );
        v
    }
    fn put(map: &mut Map<String, Value>, key: &str, value: Option<String>) {
        if let Some(v) = value {
            map.insert(key.into(), Value::String(v));
        }
    }
    fn ids(map: &std::collections::BTreeMap<String, String>) -> Vec<Value> {
        map.iter()
            .map(|(s, i)| json!({"scheme": s, "identifier": i}))
            .collect()
    }
    fn sources(list: &[String]) -> Vec<Value> {
        list.iter()
            .map(|s| json!({"url": format!("netakosh:{s}"), "note": s}))
            .collect()
    }

    let mut doc: std::collections::BTreeMap<&str, Vec<Value>> = Default::default();
    for key in [
        "persons",
        "organizations",
        "posts",
        "memberships",
        "events",
        "areas",
    ] {
        doc.insert(key, Vec::new());
    }
    let push = |doc: &mut std::collections::BTreeMap<&str, Vec<Value>>,
                key: &'static str,
                v: Map<String, Value>| {
        doc.get_mut(key)
            .expect("every Popolo collection is created above")
            .push(Value::Object(v));
    };
    let office_org: std::collections::HashMap<String, Option<String>> = store
        .iter(Kind::Office)
        .filter_map(|r| match r {
            Ok(Record::Office(o)) => Some(Ok((o.id, o.organization))),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<Result<_>>()?;
    for kind in Kind::ALL {
        for record in store.iter(kind) {
            let record = record?;
            let mut m = Map::new();
            m.insert("id".into(), json!(record.id()));
            match record {
                Record::Person(p) => {
                    m.insert("name".into(), json!(p.name.best("en")));
                    m.insert(
                        "other_names".into(),
                        json!(other_names(&p.name, &p.aliases)),
                    );
                    put(&mut m, "birth_date", p.birth_date.map(|d| d.to_string()));
                    put(
                        &mut m,
                        "gender",
                        p.gender.map(|g| format!("{g:?}").to_lowercase()),
                    );
                    if !p.summary.is_empty() {
                        m.insert("summary".into(), json!(p.summary.best("en")));
                    }
                    m.insert("identifiers".into(), json!(ids(&p.identifiers)));
                    m.insert("sources".into(), json!(sources(&p.sources)));
                    push(&mut doc, "persons", m);
                }
                Record::Organization(o) => {
                    m.insert("name".into(), json!(o.name.best("en")));
                    m.insert(
                        "other_names".into(),
                        json!(other_names(&o.name, &o.aliases)),
                    );
                    put(
                        &mut m,
                        "classification",
                        o.classification.map(|c| format!("{c:?}").to_lowercase()),
                    );
                    put(&mut m, "parent_id", o.parent);
                    put(&mut m, "founding_date", o.founded.map(|d| d.to_string()));
                    put(
                        &mut m,
                        "dissolution_date",
                        o.dissolved.map(|d| d.to_string()),
                    );
                    m.insert("identifiers".into(), json!(ids(&o.identifiers)));
                    push(&mut doc, "organizations", m);
                }
                Record::Office(o) => {
                    m.insert("label".into(), json!(o.name.best("en")));
                    let others: Vec<&str> =
                        o.name.texts().filter(|t| *t != o.name.best("en")).collect();
                    m.insert("other_label".into(), json!(others));
                    put(&mut m, "organization_id", o.organization);
                    push(&mut doc, "posts", m);
                }
                Record::Election(e) => {
                    m.insert("name".into(), json!(e.name.best("en")));
                    m.insert("classification".into(), json!("election"));
                    put(&mut m, "start_date", e.date.map(|d| d.to_string()));
                    put(&mut m, "organization_id", e.body);
                    push(&mut doc, "events", m);
                }
                Record::Tenure(t) => {
                    m.insert("person_id".into(), json!(t.person));
                    m.insert("post_id".into(), json!(t.office));
                    put(
                        &mut m,
                        "organization_id",
                        office_org.get(&t.office).cloned().flatten(),
                    );
                    put(&mut m, "start_date", t.start.map(|d| d.to_string()));
                    put(&mut m, "end_date", t.end.map(|d| d.to_string()));
                    push(&mut doc, "memberships", m);
                }
                Record::Membership(ms) => {
                    m.insert("person_id".into(), json!(ms.person));
                    m.insert("organization_id".into(), json!(ms.organization));
                    put(
                        &mut m,
                        "role",
                        (!ms.role.is_empty()).then(|| ms.role.best("en").to_string()),
                    );
                    put(&mut m, "start_date", ms.start.map(|d| d.to_string()));
                    put(&mut m, "end_date", ms.end.map(|d| d.to_string()));
                    push(&mut doc, "memberships", m);
                }
                // Popolo areas are not written yet: seats stay in the JSON Lines export.
                Record::Candidacy(_) | Record::Source(_) | Record::Seat(_) => {}
            }
        }
    }
    let count = doc.values().map(Vec::len).sum();
    let io = |e| Error::io("<export output>", e);
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(|e| io(std::io::Error::other(e)))?;
    out.write_all(b"\n").map_err(io)?;
    out.flush().map_err(io)?;
    Ok(count)
}
