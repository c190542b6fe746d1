//! A person's career, from the facts of every record of the person: the elections
//! contested (one row per contest, however many datasets list it), offices held,
//! the parties in order (so switches show), the affidavit trend, and the records
//! themselves with the identity decision that brought each in.
//!
//! A reader asks "who is this politician", not "what does row 4711 say": the
//! career answers the first, and the records section keeps the second checkable.

use super::{CandidacyLine, MembershipLine, TenureLine};
use crate::analysis::filter_key;
use crate::error::Result;
use crate::i18n::Lang;
use crate::index::people;
use crate::model::{Kind, Names, Outcome, PartialDate, Record};
use crate::store::{Decision, Records};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Everything `show` says about a person beyond one record.
#[derive(Clone, Debug, Serialize)]
pub struct Career {
    /// The person id: the smallest id among its records.
    pub person: String,
    /// The name the person goes by, in every script known.
    pub name: Names,
    /// Every other name the records give.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub born: Option<PartialDate>,
    /// Identifiers gathered from every record: scheme → values.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub identifiers: BTreeMap<String, BTreeSet<String>>,
    pub elections: Vec<Contest>,
    pub offices: Vec<OfficeLine>,
    /// Parties in the order the person stood for or joined them; a new span is a switch.
    pub parties: Vec<PartySpan>,
    pub affidavits: Vec<AffidavitLine>,
    pub records: Vec<RecordLine>,
}

/// One election contested: the candidacies of every dataset that lists it, joined.
#[derive(Clone, Debug, Serialize)]
pub struct Contest {
    pub election: String,
    /// The election's name.
    pub name: Names,
    /// The house elected to (the election's body).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub house: Option<Names>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub constituency: Option<Names>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// The party's short label (`SP`) or name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party_label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes: Option<u64>,
    pub votes_unit: &'static str,
    /// Percent of the seat's valid votes, as the dataset gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Outcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub margin: Option<u64>,
    #[serde(skip_serializing_if = "Names::is_empty")]
    pub note: Names,
    /// The candidacy records joined in this row.
    pub candidacies: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct OfficeLine {
    pub office: String,
    pub name: Names,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    pub status: super::Status,
    /// The person record the tenure belongs to.
    pub record: String,
}

/// A stretch of years with one party.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartySpan {
    pub party: String,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<u16>,
}

/// What an affidavit declared, by election year.
#[derive(Clone, Debug, Serialize)]
pub struct AffidavitLine {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    pub election: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assets: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub liabilities: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criminal_cases: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<u16>,
}

/// One source record of the person and how it came to belong.
#[derive(Clone, Debug, Serialize)]
pub struct RecordLine {
    pub id: String,
    pub name: Names,
    /// The title of the dataset (source) the record comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dataset: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// The record it was linked to, and the decision that linked them; none for
    /// the person id itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked_to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<Decision>,
    /// How it came to belong, in words (English; see [`how`] for Hindi).
    pub how: String,
}

/// How a record came to belong to its person, in words: through the decision that
/// linked it (a person's decision, a shared identifier, or the resolver's score with
/// its evidence), as the person id itself, or through records outside the list. The
/// why of a decision is the decider's own text, in whatever language it was written.
pub fn how(via: Option<&Decision>, person_id: bool, lang: Lang) -> String {
    let Some(d) = via else {
        let words = if person_id {
            lang.pick(
                "the person id (its smallest record id)",
                "व्यक्ति की पहचान (सबसे छोटी अभिलेख पहचान)",
            )
        } else {
            lang.pick(
                "linked through records outside this list",
                "इस सूची से बाहर के अभिलेखों के ज़रिए जुड़ा",
            )
        };
        return words.to_string();
    };
    let why = if d.why.is_empty() {
        String::new()
    } else {
        format!(": {}", d.why)
    };
    let when = crate::time::format_utc(d.at);
    let when = when.split(' ').next().unwrap_or_default();
    let shared = lang.pick("a shared identifier", "साझा पहचानकर्ता");
    match d.by.as_str() {
        "user" | "migrated" => format!(
            "{} ({}, {when}){why}",
            lang.pick("a person's decision", "एक व्यक्ति का निर्णय"),
            d.by
        ),
        "resolver" => format!(
            "{}{why}",
            lang.pick("the resolver", "मिलान प्रणाली (resolver)")
        ),
        by => match by.strip_prefix("exact:") {
            Some(scheme) if d.why.is_empty() => format!("{shared} ({scheme})"),
            Some(_) => format!("{shared}{why}"),
            None => format!("{by}{why}"),
        },
    }
}

fn party_label(names: &Names, aliases: &[String]) -> String {
    crate::domain::parties::label(names, aliases)
}

/// The house an election fills: its body's name.
fn house(
    store: &dyn Records,
    election: &str,
    cache: &mut HashMap<String, Option<Names>>,
) -> Result<Option<Names>> {
    if let Some(h) = cache.get(election) {
        return Ok(h.clone());
    }
    let h = match store.get_kind(Kind::Election, election)? {
        Some(Record::Election(e)) => match &e.body {
            Some(body) => store.get(body)?.map(|r| r.name()),
            None => None,
        },
        _ => None,
    };
    cache.insert(election.to_string(), h.clone());
    Ok(h)
}

fn contests(store: &dyn Records, lines: &[CandidacyLine]) -> Result<Vec<Contest>> {
    let mut out: Vec<Contest> = Vec::new();
    let mut at: HashMap<(String, String), usize> = HashMap::new();
    let mut houses = HashMap::new();
    for l in lines {
        let c = &l.candidacy;
        let seat = c
            .constituency
            .as_ref()
            .map(|n| filter_key(n.best("en")))
            .unwrap_or_default();
        let key = (c.election.clone(), seat);
        let i = match at.get(&key) {
            Some(&i) => i,
            None => {
                at.insert(key, out.len());
                out.push(Contest {
                    election: c.election.clone(),
                    name: l.name.clone(),
                    house: house(store, &c.election, &mut houses)?,
                    date: l.election_date,
                    constituency: None,
                    party: None,
                    party_label: None,
                    votes: None,
                    votes_unit: l.votes_unit,
                    share: None,
                    position: None,
                    result: None,
                    margin: None,
                    note: Names::default(),
                    candidacies: Vec::new(),
                });
                out.len() - 1
            }
        };
        // Each dataset fills what the others leave out (ADR has no votes, TCPD no
        // affidavit); the first to give a value keeps it.
        let row = &mut out[i];
        row.constituency = row.constituency.take().or(c.constituency.clone());
        if row.party.is_none() {
            row.party = c.party.clone();
            row.party_label = l.party.as_ref().map(|n| party_label(n, &l.party_aliases));
        }
        row.votes = row.votes.or(c.votes);
        row.share = row.share.or(c.share.map(|s| s.as_f64()));
        row.position = row.position.or(c.rank);
        row.result = row.result.or(c.result);
        row.margin = row.margin.or(c.margin);
        if row.note.is_empty() {
            row.note = c.note.clone();
        }
        row.candidacies.push(c.id.clone());
    }
    out.sort_by(|a, b| (a.date, &a.election).cmp(&(b.date, &b.election)));
    Ok(out)
}

/// Parties in time order from candidacies and memberships, consecutive years
/// with one party joined into a span; parties known without any date come last,
/// undated, unless a dated span already names them.
fn party_spans(
    contests: &[Contest],
    memberships: &[MembershipLine],
    tenures: &[TenureLine],
) -> Vec<PartySpan> {
    let mut events: Vec<(u16, String, String)> = Vec::new();
    let mut undated: Vec<(String, String)> = Vec::new();
    for c in contests {
        if let (Some(p), Some(l), Some(d)) = (&c.party, &c.party_label, c.date) {
            events.push((d.year, p.clone(), l.clone()));
        }
    }
    for m in memberships {
        let label = party_label(&m.name, &m.aliases);
        let org = &m.membership.organization;
        let (mut start, mut end) = (
            m.membership.start.map(|d| d.year),
            m.membership.end.map(|d| d.year),
        );
        let alone = memberships
            .iter()
            .filter(|o| {
                o.membership.person == m.membership.person
                    && o.membership.start.is_none()
                    && o.membership.end.is_none()
            })
            .count()
            == 1;
        if start.is_none() && end.is_none() && alone {
            // The one undated membership of a record with offices (a minister's
            // or chief minister's party at appointment) dates from them.
            let years = tenures
                .iter()
                .filter(|t| t.tenure.person == m.membership.person)
                .flat_map(|t| [t.tenure.start, t.tenure.end])
                .flatten()
                .map(|d| d.year);
            start = years.clone().min();
            end = years.max();
        }
        match (start, end) {
            (None, None) => undated.push((org.clone(), label)),
            _ => {
                for year in [start, end].into_iter().flatten() {
                    events.push((year, org.clone(), label.clone()));
                }
            }
        }
    }
    events.sort_by_key(|e| e.0);
    let mut spans: Vec<PartySpan> = Vec::new();
    for (year, party, label) in events {
        match spans.last_mut() {
            Some(s) if s.party == party => s.to = s.to.max(Some(year)),
            _ => spans.push(PartySpan {
                party,
                label,
                from: Some(year),
                to: Some(year),
            }),
        }
    }
    for (party, label) in undated {
        if !spans.iter().any(|s| s.party == party) {
            spans.push(PartySpan {
                party,
                label,
                from: None,
                to: None,
            });
        }
    }
    spans
}

/// The records of the person and the decision that brought each in, as the
/// identity's clustering says (see [`crate::identity::person_of`]): the link it
/// kept for each record, never one a person's `different` cut.
fn records(store: &dyn Records, members: &[String]) -> Result<Vec<RecordLine>> {
    let cluster = crate::identity::person_of(store, &members[0])?;
    let via: BTreeMap<String, Option<(String, Decision)>> = cluster
        .members
        .into_iter()
        .map(|m| {
            let link = m.via.map(|d| {
                let other = if d.a == m.record {
                    d.b.clone()
                } else {
                    d.a.clone()
                };
                (other, d)
            });
            (m.record, link)
        })
        .collect();
    let mut out = Vec::new();
    for id in members {
        let record = store.get(id)?;
        let sources: Vec<String> = record
            .as_ref()
            .map(|r| r.sources().to_vec())
            .unwrap_or_default();
        let dataset = match sources.first() {
            Some(s) => match store.get_kind(Kind::Source, s)? {
                Some(Record::Source(src)) => Some(src.title),
                _ => None,
            },
            None => None,
        };
        let link = via.get(id).cloned().flatten();
        let how_text = how(link.as_ref().map(|(_, d)| d), id == &members[0], Lang::En);
        out.push(RecordLine {
            id: id.clone(),
            name: record
                .as_ref()
                .map(|r| people::person_name(&[r]))
                .unwrap_or_default(),
            dataset,
            sources,
            linked_to: link.as_ref().map(|(w, _)| w.clone()),
            via: link.map(|(_, d)| d),
            how: how_text,
        });
    }
    Ok(out)
}

/// The career of the person made of `members` (sorted, the person id first),
/// from the facts the profile gathered from all of them.
pub fn load(
    store: &dyn Records,
    members: &[String],
    tenures: &[TenureLine],
    memberships: &[MembershipLine],
    candidacies: &[CandidacyLine],
) -> Result<Career> {
    let mut all = Vec::new();
    for m in members {
        all.extend(store.get(m)?);
    }
    let refs: Vec<&Record> = all.iter().collect();
    let mut name = people::person_name(&refs);
    // The person's Hindi name by trust (the seed's over Wikidata's), whichever
    // record the heading's other scripts come from.
    crate::identity::hindi::with_hindi(&mut name, crate::identity::hindi_name(&refs));
    let own: BTreeSet<&str> = name.texts().collect();
    let mut also: Vec<String> = Vec::new();
    let mut born = None;
    let mut identifiers: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in people::by_preference(&refs) {
        for n in r
            .name()
            .texts()
            .map(str::to_string)
            .chain(r.aliases().iter().cloned())
        {
            if !own.contains(n.as_str()) && !also.contains(&n) {
                also.push(n);
            }
        }
        if let Record::Person(p) = r {
            born = born.or(p.birth_date);
            for (k, v) in &p.identifiers {
                identifiers.entry(k.clone()).or_default().insert(v.clone());
            }
        }
    }
    let elections = contests(store, candidacies)?;
    let offices = tenures
        .iter()
        .map(|t| OfficeLine {
            office: t.tenure.office.clone(),
            name: t.name.clone(),
            start: t.tenure.start,
            end: t.tenure.end,
            status: t.status,
            record: t.tenure.person.clone(),
        })
        .collect();
    let parties = party_spans(&elections, memberships, tenures);
    let mut affidavits: Vec<AffidavitLine> = candidacies
        .iter()
        .filter_map(|l| {
            let a = l.candidacy.affidavit.as_ref()?;
            Some(AffidavitLine {
                year: l.election_date.map(|d| d.year).or(a.date.map(|d| d.year)),
                election: l.candidacy.election.clone(),
                assets: a.assets,
                liabilities: a.liabilities,
                criminal_cases: a.criminal_cases,
                education: a.education.clone(),
                age: a.age,
            })
        })
        .collect();
    affidavits.sort_by_key(|a| a.year);
    Ok(Career {
        person: members[0].clone(),
        name,
        also,
        born,
        identifiers,
        elections,
        offices,
        parties,
        affidavits,
        records: records(store, members)?,
    })
}
