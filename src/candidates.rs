//! Candidacies matching a reporter's filters (`netakosh candidates`): one row per
//! candidacy with its person, party, seat, votes and affidavit facts, sorted by a
//! numeric fact, or counted and summed by a group.

use crate::analysis::filter_key;
use crate::error::{Error, Result};
use crate::model::{Candidacy, Gender, Kind, Outcome, Record};
use crate::store::{Link, Store};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

/// An inclusive range of a number typed `MIN-MAX` (`MIN-` or `-MAX` leave a side open).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub min: u64,
    pub max: u64,
}

impl Range {
    pub fn contains(&self, n: u64) -> bool {
        self.min <= n && n <= self.max
    }
}

impl FromStr for Range {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Range, String> {
        let (lo, hi) = s
            .trim()
            .split_once('-')
            .ok_or_else(|| format!("`{s}` is not MIN-MAX (e.g. 30-45)"))?;
        let num = |t: &str, open: u64| -> std::result::Result<u64, String> {
            let t: String = t
                .trim()
                .chars()
                .filter(|c| *c != ',' && *c != '_')
                .collect();
            if t.is_empty() {
                return Ok(open);
            }
            t.parse::<u64>()
                .map_err(|_| format!("`{s}` is not MIN-MAX of whole numbers (e.g. 30-45)"))
        };
        let r = Range {
            min: num(lo, 0)?,
            max: num(hi, u64::MAX)?,
        };
        if r.min > r.max {
            return Err(format!("`{s}`: MIN is above MAX"));
        }
        Ok(r)
    }
}

/// The numeric facts rows sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Assets,
    Cases,
    Votes,
    Share,
    Margin,
    Age,
}

/// A sort: descending unless `:asc`; rows without the fact go last either way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub ascending: bool,
}

impl FromStr for Sort {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Sort, String> {
        let (name, dir) = match s.trim().split_once(':') {
            Some((n, d)) => (n, Some(d)),
            None => (s.trim(), None),
        };
        let key = match name.to_lowercase().as_str() {
            "assets" => SortKey::Assets,
            "cases" => SortKey::Cases,
            "votes" => SortKey::Votes,
            "share" => SortKey::Share,
            "margin" => SortKey::Margin,
            "age" => SortKey::Age,
            _ => {
                return Err(format!(
                    "`{name}` is not one of assets, cases, votes, share, margin, age"
                ))
            }
        };
        let ascending = match dir.map(str::to_lowercase).as_deref() {
            None | Some("desc") => false,
            Some("asc") => true,
            Some(d) => return Err(format!("`{d}` is not asc or desc")),
        };
        Ok(Sort { key, ascending })
    }
}

/// What `--group-by` counts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupBy {
    Party,
    State,
    Year,
    Education,
    Sex,
}

/// The filters, with every name already resolved to ids by the caller.
#[derive(Clone, Debug, Default)]
pub struct Query {
    pub election: Option<String>,
    /// Seat ids; any of them.
    pub seats: Vec<String>,
    /// A person record id; the candidacies of its whole person.
    pub person: Option<String>,
    pub state: Option<String>,
    pub party: Option<String>,
    pub year: Option<u16>,
    pub house: Option<String>,
    pub result: Option<Outcome>,
    pub sex: Option<Gender>,
    pub age: Option<Range>,
    pub education: Option<String>,
    pub min_cases: Option<u32>,
    pub assets: Option<Range>,
    pub liabilities: Option<Range>,
    pub sort: Option<Sort>,
    pub limit: Option<usize>,
}

/// One candidacy, flat so that JSON and CSV carry the same columns.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub candidacy: String,
    /// The identity person the candidacy's person record belongs to.
    pub person: String,
    pub name: String,
    pub name_hi: Option<String>,
    pub party: Option<String>,
    pub election: String,
    pub year: Option<u16>,
    pub state: Option<String>,
    pub constituency: Option<String>,
    pub votes: Option<u64>,
    pub share: Option<f64>,
    pub margin: Option<u64>,
    pub result: Option<String>,
    pub sex: Option<String>,
    pub age: Option<u16>,
    pub education: Option<String>,
    pub criminal_cases: Option<u32>,
    pub assets: Option<u64>,
    pub liabilities: Option<u64>,
}

/// Counts and sums of a set of rows (`--count`, or one group of `--group-by`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Tally {
    pub key: String,
    pub candidacies: u64,
    pub won: u64,
    pub with_cases: u64,
    pub criminal_cases: u64,
    pub assets: u64,
}

impl Tally {
    fn add(&mut self, r: &Row) {
        self.candidacies += 1;
        self.won += u64::from(r.result.as_deref() == Some("won"));
        let cases = r.criminal_cases.unwrap_or(0);
        self.with_cases += u64::from(cases > 0);
        self.criminal_cases += u64::from(cases);
        self.assets = self.assets.saturating_add(r.assets.unwrap_or(0));
    }
}

/// Caches of the records rows are built from, each read once.
struct Lookup<'a> {
    store: &'a Store,
    elections: HashMap<String, Option<crate::model::Election>>,
    parties: HashMap<String, String>,
    people: HashMap<String, Option<crate::model::Person>>,
    persons: Persons,
}

/// Which person each candidacy's record belongs to. A query that reaches a seat's
/// or an election's candidacies reads only their people's components of the
/// identity log; one that reaches most of the store reads the whole log once.
enum Persons {
    Each(HashMap<String, String>),
    All(crate::identity::Clusters),
}

/// Above this many candidacies, one pass over the identity log is cheaper than a
/// component walk per person.
const WHOLE_LOG_FROM: usize = 50_000;

impl Lookup<'_> {
    fn election(&mut self, id: &str) -> Result<Option<crate::model::Election>> {
        if let Some(e) = self.elections.get(id) {
            return Ok(e.clone());
        }
        let e = match self.store.get_kind(Kind::Election, id)? {
            Some(Record::Election(e)) => Some(e),
            _ => None,
        };
        self.elections.insert(id.to_string(), e.clone());
        Ok(e)
    }

    fn party(&mut self, id: &str) -> Result<String> {
        if let Some(l) = self.parties.get(id) {
            return Ok(l.clone());
        }
        let label = match self.store.get(id)? {
            Some(r) => crate::domain::parties::label(&r.name(), r.aliases()),
            None => id.to_string(),
        };
        self.parties.insert(id.to_string(), label.clone());
        Ok(label)
    }

    fn person_id(&mut self, record: &str) -> Result<String> {
        let known = match &mut self.persons {
            Persons::All(c) => return Ok(c.person(record).to_string()),
            Persons::Each(known) => known,
        };
        if let Some(p) = known.get(record) {
            return Ok(p.clone());
        }
        let cluster = crate::identity::person_of(self.store, record)?;
        for m in &cluster.members {
            known.insert(m.record.clone(), cluster.id.clone());
        }
        known.insert(record.to_string(), cluster.id.clone());
        Ok(cluster.id)
    }

    fn person(&mut self, id: &str) -> Result<Option<crate::model::Person>> {
        if let Some(p) = self.people.get(id) {
            return Ok(p.clone());
        }
        let p = match self.store.get_kind(Kind::Person, id)? {
            Some(Record::Person(p)) => Some(p),
            _ => None,
        };
        self.people.insert(id.to_string(), p.clone());
        Ok(p)
    }
}

/// A fold for comparing typed words with ids and names: letters and digits only.
fn fold(text: &str) -> String {
    filter_key(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The candidacies the query's narrowest handle reaches: a seat's, an election's,
/// a person's (every record of the person), else every candidacy.
fn reach(store: &Store, q: &Query) -> Result<Vec<Candidacy>> {
    let mut records = Vec::new();
    if !q.seats.is_empty() {
        for seat in &q.seats {
            records.extend(store.linked_records(Link::CandidacyBySeat, seat)?);
        }
    } else if let Some(e) = &q.election {
        records = store.linked_records(Link::CandidacyByElection, e)?;
    } else if let Some(p) = &q.person {
        for m in crate::identity::person_of(store, p)?.members {
            records.extend(store.linked_records(Link::CandidacyByPerson, &m.record)?);
        }
    } else {
        for r in store.iter(Kind::Candidacy) {
            records.push(r?);
        }
    }
    let mut out: Vec<Candidacy> = records
        .into_iter()
        .filter_map(|r| match r {
            Record::Candidacy(c) => Some(c),
            _ => None,
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out.dedup_by(|a, b| a.id == b.id);
    Ok(out)
}

/// The rows matching `q`, sorted and limited.
pub fn rows(store: &Store, q: &Query) -> Result<Vec<Row>> {
    if let Some(e) = &q.election {
        if store.get_kind(Kind::Election, e)?.is_none() {
            return Err(Error::not_found(e));
        }
    }
    let reached = reach(store, q)?;
    let persons = if reached.len() >= WHOLE_LOG_FROM {
        Persons::All(crate::identity::clusters(store)?)
    } else {
        Persons::Each(HashMap::new())
    };
    let mut look = Lookup {
        store,
        elections: HashMap::new(),
        parties: HashMap::new(),
        people: HashMap::new(),
        persons,
    };
    let wanted_person = match &q.person {
        Some(p) => Some(look.person_id(p)?),
        None => None,
    };
    let state = q
        .state
        .as_deref()
        .map(crate::search::state_key)
        .map(|s| fold(&s));
    let party = q.party.as_deref().map(fold);
    let house = q.house.as_deref().map(fold);
    let education = q.education.as_deref().map(filter_key);
    let mut out = Vec::new();
    for c in reached {
        if q.election.as_deref().is_some_and(|e| c.election != e) {
            continue;
        }
        if q.result.is_some() && c.result != q.result {
            continue;
        }
        let a = c.affidavit.clone().unwrap_or_else(no_affidavit);
        if q.min_cases
            .is_some_and(|n| a.criminal_cases.is_none_or(|k| k < n))
        {
            continue;
        }
        if !in_range(q.assets, a.assets) || !in_range(q.liabilities, a.liabilities) {
            continue;
        }
        let age = a.age.or(c.age);
        if !in_range(q.age, age.map(u64::from)) {
            continue;
        }
        if let Some(ed) = &education {
            if !a
                .education
                .as_deref()
                .is_some_and(|e| filter_key(e).contains(ed))
            {
                continue;
            }
        }
        let e = look.election(&c.election)?;
        let year = e.as_ref().and_then(|e| e.date).map(|d| d.year);
        if q.year.is_some() && year != q.year {
            continue;
        }
        if let Some(h) = &house {
            let body = e.as_ref().and_then(|e| e.body.as_deref()).unwrap_or("");
            if !fold(body).contains(h.as_str()) && !fold(&c.election).contains(h.as_str()) {
                continue;
            }
        }
        let area = e
            .as_ref()
            .and_then(|e| e.area.as_ref())
            .and_then(|a| crate::domain::states::find(a.best("en")))
            .map(|s| s.en.to_string());
        // A national election's area is India: the state is in an ADR row's id.
        let row_state = area.or_else(|| state_in_id(&c.id));
        if let Some(s) = &state {
            if row_state.as_deref().is_none_or(|r| fold(r) != *s) {
                continue;
            }
        }
        let party_label = match &c.party {
            Some(p) => Some(look.party(p)?),
            None => None,
        };
        if let Some(p) = &party {
            let by_id = c.party.as_deref().is_some_and(|id| fold(id) == *p);
            let by_label = party_label.as_deref().is_some_and(|l| fold(l) == *p);
            if !by_id && !by_label {
                continue;
            }
        }
        let person = look.person_id(&c.person)?;
        if wanted_person.as_ref().is_some_and(|w| *w != person) {
            continue;
        }
        let record = look.person(&c.person)?;
        let sex = record.as_ref().and_then(|p| p.gender);
        if q.sex.is_some() && sex != q.sex {
            continue;
        }
        let name = record.as_ref().map(|p| p.name.clone()).unwrap_or_default();
        out.push(Row {
            candidacy: c.id.clone(),
            person,
            name: name.best("en").to_string(),
            name_hi: name.get("hi").map(str::to_string),
            party: party_label,
            election: c.election.clone(),
            year,
            state: row_state,
            constituency: c.constituency.as_ref().map(|n| n.best("en").to_string()),
            votes: c.votes,
            share: c.share.map(|p| f64::from(p.0) / 100.0),
            margin: c.margin,
            result: c.result.map(|r| match r {
                Outcome::Won => "won".to_string(),
                Outcome::Lost => "lost".to_string(),
            }),
            sex: sex.map(|g| sex_word(g).to_string()),
            age,
            education: a.education,
            criminal_cases: a.criminal_cases,
            assets: a.assets,
            liabilities: a.liabilities,
        });
    }
    if let Some(s) = q.sort {
        sort(&mut out, s);
    }
    if let Some(n) = q.limit {
        out.truncate(n);
    }
    Ok(out)
}

/// The facts of a candidacy without an affidavit: none.
fn no_affidavit() -> crate::model::Affidavit {
    crate::model::Affidavit {
        date: None,
        criminal_cases: None,
        education: None,
        age: None,
        assets: None,
        liabilities: None,
    }
}

/// Whether `value` is in `range`; an unknown value is in no range.
fn in_range(range: Option<Range>, value: Option<u64>) -> bool {
    match range {
        None => true,
        Some(r) => value.is_some_and(|v| r.contains(v)),
    }
}

pub fn sex_word(g: Gender) -> &'static str {
    match g {
        Gender::Female => "female",
        Gender::Male => "male",
        Gender::Other => "other",
    }
}

/// The state an ADR candidacy id names (`adr-lok-sabha-2024-bihar-aurangabad-…`),
/// for a national election's row, when the id holds a state the table knows.
fn state_in_id(id: &str) -> Option<String> {
    let words: Vec<&str> = id.split('-').collect();
    for len in (1..=3).rev() {
        for w in words.windows(len) {
            let text = w.join(" ");
            if let Some(s) = crate::domain::states::find(&text) {
                if fold(s.en) == fold(&text) {
                    return Some(s.en.to_string());
                }
            }
        }
    }
    None
}

fn sort(rows: &mut [Row], s: Sort) {
    let key = |r: &Row| -> Option<u64> {
        match s.key {
            SortKey::Assets => r.assets,
            SortKey::Cases => r.criminal_cases.map(u64::from),
            SortKey::Votes => r.votes,
            SortKey::Share => r.share.map(|x| (x * 100.0).round() as u64),
            SortKey::Margin => r.margin,
            SortKey::Age => r.age.map(u64::from),
        }
    };
    rows.sort_by(|a, b| match (key(a), key(b)) {
        (Some(x), Some(y)) if s.ascending => x.cmp(&y),
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
}

/// The rows counted and summed by `by`, largest count first.
pub fn group(rows: &[Row], by: GroupBy) -> Vec<Tally> {
    let mut groups: BTreeMap<String, Tally> = BTreeMap::new();
    for r in rows {
        let key = match by {
            GroupBy::Party => r.party.clone(),
            GroupBy::State => r.state.clone(),
            GroupBy::Year => r.year.map(|y| y.to_string()),
            GroupBy::Education => r.education.clone(),
            GroupBy::Sex => r.sex.clone(),
        }
        .unwrap_or_else(|| "(unknown)".to_string());
        let t = groups.entry(key.clone()).or_insert_with(|| Tally {
            key,
            ..Tally::default()
        });
        t.add(r);
    }
    let mut out: Vec<Tally> = groups.into_values().collect();
    out.sort_by(|a, b| b.candidacies.cmp(&a.candidacies).then(a.key.cmp(&b.key)));
    out
}

/// The rows counted and summed as one.
pub fn count(rows: &[Row]) -> Tally {
    let mut t = Tally {
        key: "all".to_string(),
        ..Tally::default()
    };
    for r in rows {
        t.add(r);
    }
    t
}

/// Rupees in words as Indian readers say them: `₹1,107 crore`, `₹45 lakh`, `₹9,500`.
pub fn rupees_in_words(n: u64) -> String {
    use crate::numerals::indian;
    const CRORE: u64 = 10_000_000;
    const LAKH: u64 = 100_000;
    if n >= CRORE {
        format!("₹{} crore", indian((n + CRORE / 2) / CRORE))
    } else if n >= LAKH {
        format!("₹{} lakh", indian((n + LAKH / 2) / LAKH))
    } else {
        format!("₹{}", indian(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_sorts_and_words_read_as_typed() {
        assert_eq!("30-45".parse::<Range>(), Ok(Range { min: 30, max: 45 }));
        assert_eq!("-45".parse::<Range>().map(|r| r.min), Ok(0));
        assert!("200-10".parse::<Range>().is_err());
        assert!("ten-20".parse::<Range>().is_err());
        assert_eq!(
            "age:asc".parse::<Sort>(),
            Ok(Sort {
                key: SortKey::Age,
                ascending: true
            })
        );
        assert!("nonsense".parse::<Sort>().is_err());
        assert_eq!(rupees_in_words(11_070_000_000), "₹1,107 crore");
        assert_eq!(rupees_in_words(4_520_000), "₹45 lakh");
        assert_eq!(rupees_in_words(9_500), "₹9,500");
    }
}
