//! Candidacies matching a reporter's filters (`netakosh candidates`): one row per
//! candidacy with its person, party, seat, votes and affidavit facts, sorted by a
//! numeric fact, or counted and summed by a group.

use crate::analysis::filter_key;
use crate::error::{Error, Result};
use crate::model::{Candidacy, Gender, Kind, Outcome, Record};
use crate::store::{Link, Records};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
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
    /// Election ids; any of them (a general election and, on request, its
    /// bye-elections).
    pub elections: Vec<String>,
    /// Seat ids; any of them.
    pub seats: Vec<String>,
    /// A constituency as typed, matched against each candidacy's own spelling when no
    /// seat record answers to it (a store imported before seats were records).
    pub constituency: Option<String>,
    /// A dataset (source id or a word of it, `adr`, `tcpd`): candidacies citing it.
    pub source: Option<String>,
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

/// One candidate in one race, flat so that JSON and CSV carry the same columns.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// The candidacy the row's count comes from (the counted dataset's), else its
    /// only one; `also` lists the other datasets' candidacies of the same race.
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
    /// The rank in the count (none for a row no counting lists).
    pub rank: Option<u32>,
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
    /// The datasets the row joins (`src-tcpd-lokdhaba;src-adr-affidavits`), the
    /// counted one first; `--source` keeps one dataset's rows alone.
    pub source: Option<String>,
    /// The other datasets' candidacies of the same candidate in the race, `;`-separated.
    pub also: Option<String>,
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
    store: &'a dyn Records,
    elections: HashMap<String, Option<crate::model::Election>>,
    parties: HashMap<String, Party>,
    people: HashMap<String, Option<crate::model::Person>>,
    seats: HashMap<String, Option<String>>,
    /// Each record's person and each person's Hindi name.
    persons: crate::identity::HindiNames<'a>,
}

/// A party's label and every name it answers to, folded.
#[derive(Clone)]
struct Party {
    label: String,
    names: Vec<String>,
}

/// Above this many candidacies, one pass over the identity log is cheaper than a
/// component walk per person. Below it, a query that reaches a seat's or an
/// election's candidacies reads only their people's components of the log.
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

    fn party(&mut self, id: &str) -> Result<Party> {
        if let Some(p) = self.parties.get(id) {
            return Ok(p.clone());
        }
        let mut names = vec![fold(id)];
        let label = match self.store.get(id)? {
            Some(r) => {
                let n = r.name();
                names.extend(n.0.values().map(|t| fold(t)));
                names.extend(r.aliases().iter().map(|a| fold(a)));
                crate::domain::parties::label(&n, r.aliases())
            }
            None => id.to_string(),
        };
        names.push(fold(&label));
        names.retain(|n| !n.is_empty());
        let party = Party { label, names };
        self.parties.insert(id.to_string(), party.clone());
        Ok(party)
    }

    fn person_id(&mut self, record: &str) -> Result<String> {
        self.persons.person(record)
    }

    /// The state of a candidacy's race: its seat's, its election's (a state
    /// assembly's), else the one an ADR id names (a Lok Sabha row of a store without
    /// seat records).
    fn state(&mut self, c: &Candidacy) -> Result<Option<String>> {
        if let Some(seat) = &c.seat {
            if !self.seats.contains_key(seat) {
                let state = match self.store.get_kind(Kind::Seat, seat)? {
                    Some(Record::Seat(s)) => s
                        .state
                        .as_ref()
                        .and_then(|n| crate::domain::states::find(n.best("en")))
                        .map(|s| s.en.to_string()),
                    _ => None,
                };
                self.seats.insert(seat.clone(), state);
            }
            if let Some(s) = &self.seats[seat] {
                return Ok(Some(s.clone()));
            }
        }
        let area = self
            .election(&c.election)?
            .and_then(|e| e.area)
            .and_then(|a| crate::domain::states::find(a.best("en")))
            .map(|s| s.en.to_string());
        Ok(area.or_else(|| state_in_id(&c.id)))
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

/// The bye-elections held during the term `general` (an election id) began:
/// `lok-sabha-2019-bye-election-2021-04-06` for `lok-sabha-2019`. ADR's files list
/// them under the general election's year.
pub fn bye_elections_of(store: &dyn Records, general: &str) -> Result<Vec<String>> {
    let prefix = format!("{general}-bye-election");
    let mut out = Vec::new();
    for r in store.of_kind(Kind::Election) {
        let r = r?;
        if r.id().starts_with(&prefix) {
            out.push(r.id().to_string());
        }
    }
    Ok(out)
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
fn reach(store: &dyn Records, q: &Query) -> Result<Vec<Candidacy>> {
    let mut records = Vec::new();
    if !q.seats.is_empty() {
        // The seat records answer; the typed name is only a fallback.
        for seat in &q.seats {
            records.extend(store.linked_records(Link::CandidacyBySeat, seat)?);
        }
    } else if !q.elections.is_empty() {
        for e in &q.elections {
            records.extend(store.linked_records(Link::CandidacyByElection, e)?);
        }
    } else if let Some(p) = &q.person {
        for m in crate::identity::person_of(store, p)?.members {
            records.extend(store.linked_records(Link::CandidacyByPerson, &m.record)?);
        }
    } else {
        for r in store.of_kind(Kind::Candidacy) {
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
pub fn rows(store: &dyn Records, q: &Query) -> Result<Vec<Row>> {
    rows_with_progress(store, q, &mut |_, _| {})
}

/// [`rows`], telling `progress` how many of the reached races it has joined and of
/// how many (a query over every candidacy of a full home takes seconds).
///
/// A race two datasets list (Lok Dhaba's count, ADR's affidavit) is one row, joined
/// as `election` joins it; the filters then apply to the joined facts, so
/// `--won --min-cases 1` counts each winner once.
pub fn rows_with_progress(
    store: &dyn Records,
    q: &Query,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<Row>> {
    for e in &q.elections {
        if store.get_kind(Kind::Election, e)?.is_none() {
            return Err(Error::not_found(e));
        }
    }
    let reached = reach(store, q)?;
    let persons = if reached.len() >= WHOLE_LOG_FROM {
        crate::identity::HindiNames::with_clusters(store, crate::identity::clusters(store)?)
    } else {
        crate::identity::HindiNames::new(store)
    };
    let mut look = Lookup {
        store,
        elections: HashMap::new(),
        parties: HashMap::new(),
        people: HashMap::new(),
        seats: HashMap::new(),
        persons,
    };
    let wanted_person = match &q.person {
        Some(p) => Some(look.person_id(p)?),
        None => None,
    };
    let sel = Selection::new(q);
    // The races (election, seat) of the candidacies the race-level filters keep.
    let mut races: BTreeMap<(String, String), Vec<Candidacy>> = BTreeMap::new();
    let mut selected: HashSet<String> = HashSet::new();
    let mut ages: HashMap<String, u16> = HashMap::new();
    for c in reached {
        if !sel.keeps_candidacy(&c) {
            continue;
        }
        let e = look.election(&c.election)?;
        let year = e.as_ref().and_then(|e| e.date).map(|d| d.year);
        if q.year.is_some() && year != q.year {
            continue;
        }
        if let Some(h) = &sel.house {
            let body = e.as_ref().and_then(|e| e.body.as_deref()).unwrap_or("");
            if !fold(body).contains(h.as_str()) && !fold(&c.election).contains(h.as_str()) {
                continue;
            }
        }
        if let Some(s) = &sel.state {
            if look.state(&c)?.is_none_or(|r| fold(&r) != *s) {
                continue;
            }
        }
        selected.insert(c.id.clone());
        if let Some(a) = c.age {
            ages.insert(c.id.clone(), a);
        }
        races
            .entry((c.election.clone(), crate::election::seat_group(&c)))
            .or_default()
            .push(c);
    }
    // A person's candidacies are a few rows of each race: the join needs the race.
    if q.person.is_some() && q.seats.is_empty() && q.elections.is_empty() {
        for ((election, seat), cands) in races.iter_mut() {
            *cands = whole_race(store, election, seat)?
                .into_iter()
                .filter(|c| sel.keeps_candidacy(c))
                .collect();
        }
    }
    let mut labels = HashMap::new();
    let mut out = Vec::new();
    let total = races.len();
    for (done, ((election, seat), cands)) in races.into_iter().enumerate() {
        if done % 256 == 0 {
            progress(done, total);
        }
        let mut state = None;
        for c in &cands {
            if let Some(a) = c.age {
                ages.entry(c.id.clone()).or_insert(a);
            }
            if state.is_none() {
                state = look.state(c)?;
            }
        }
        let e = look.election(&election)?;
        let year = e.as_ref().and_then(|e| e.date).map(|d| d.year);
        let table = crate::election::join_seat(store, seat, cands, &mut labels, &mut look.persons)?;
        let constituency = table.name.as_ref().map(|n| n.best("en").to_string());
        for r in table.rows {
            if r.nota
                || !r
                    .candidacies
                    .iter()
                    .any(|c| selected.contains(&c.candidacy))
            {
                continue;
            }
            if q.result.is_some() && r.result != q.result {
                continue;
            }
            let a = r.affidavit.clone().unwrap_or_else(no_affidavit);
            if q.min_cases
                .is_some_and(|n| a.criminal_cases.is_none_or(|k| k < n))
            {
                continue;
            }
            if !in_range(q.assets, a.assets) || !in_range(q.liabilities, a.liabilities) {
                continue;
            }
            let age = a.age.or_else(|| {
                r.candidacies
                    .iter()
                    .find_map(|c| ages.get(&c.candidacy).copied())
            });
            if !in_range(q.age, age.map(u64::from)) {
                continue;
            }
            if let Some(ed) = &sel.education {
                if !a
                    .education
                    .as_deref()
                    .is_some_and(|e| filter_key(e).contains(ed))
                {
                    continue;
                }
            }
            let party = match &r.party {
                Some(p) => Some(look.party(p)?),
                None => None,
            };
            if let Some(p) = &sel.party {
                if !party.as_ref().is_some_and(|r| r.names.contains(p)) {
                    continue;
                }
            }
            let person = look.person_id(&r.person)?;
            if wanted_person.as_ref().is_some_and(|w| *w != person) {
                continue;
            }
            let record = look.person(&r.person)?;
            let sex = record.as_ref().and_then(|p| p.gender);
            if q.sex.is_some() && sex != q.sex {
                continue;
            }
            let won = r.result == Some(Outcome::Won);
            let mut sources: Vec<&str> = Vec::new();
            for c in &r.candidacies {
                if let Some(s) = c.source.as_deref() {
                    if !sources.contains(&s) {
                        sources.push(s);
                    }
                }
            }
            let also: Vec<&str> = r
                .candidacies
                .iter()
                .skip(1)
                .map(|c| c.candidacy.as_str())
                .collect();
            out.push(Row {
                candidacy: r.candidacies[0].candidacy.clone(),
                person,
                name: r.name.best("en").to_string(),
                name_hi: r.name.get("hi").map(str::to_string),
                party: party.map(|p| p.label),
                election: election.clone(),
                year,
                state: state.clone(),
                constituency: constituency.clone(),
                rank: r.rank,
                votes: r.votes,
                share: r.share.map(|x| (x * 100.0).round() / 100.0),
                margin: if won {
                    table.margin.or(r.margin)
                } else {
                    r.margin
                },
                result: r.result.map(|r| match r {
                    Outcome::Won => "won".to_string(),
                    Outcome::Lost => "lost".to_string(),
                }),
                sex: sex.map(|g| sex_word(g).to_string()),
                age,
                education: a.education,
                criminal_cases: a.criminal_cases,
                assets: a.assets,
                liabilities: a.liabilities,
                source: (!sources.is_empty()).then(|| sources.join(";")),
                also: (!also.is_empty()).then(|| also.join(";")),
            });
        }
    }
    progress(total, total);
    if let Some(s) = q.sort {
        sort(&mut out, s);
    }
    if let Some(n) = q.limit {
        out.truncate(n);
    }
    Ok(out)
}

/// Every candidacy of race (`election`, `seat` group), of every dataset.
fn whole_race(store: &dyn Records, election: &str, seat: &str) -> Result<Vec<Candidacy>> {
    let (link, key) = if store.get_kind(Kind::Seat, seat)?.is_some() {
        (Link::CandidacyBySeat, seat)
    } else {
        (Link::CandidacyByElection, election)
    };
    Ok(store
        .linked_records(link, key)?
        .into_iter()
        .filter_map(|r| match r {
            Record::Candidacy(c) => Some(c),
            _ => None,
        })
        .filter(|c| c.election == election && crate::election::seat_group(c) == seat)
        .collect())
}

/// The typed filters folded once, and the ones a single candidacy answers.
struct Selection {
    elections: Vec<String>,
    constituency: Option<String>,
    source: Option<String>,
    state: Option<String>,
    party: Option<String>,
    house: Option<String>,
    education: Option<String>,
}

impl Selection {
    fn new(q: &Query) -> Selection {
        Selection {
            elections: q.elections.clone(),
            constituency: q
                .constituency
                .as_deref()
                .filter(|_| q.seats.is_empty())
                .map(crate::domain::seats::key),
            source: q.source.as_deref().map(fold),
            state: q
                .state
                .as_deref()
                .map(crate::search::state_key)
                .map(|s| fold(&s)),
            party: q.party.as_deref().map(fold),
            house: q.house.as_deref().map(fold),
            education: q.education.as_deref().map(filter_key),
        }
    }

    /// The filters every dataset's candidacy of a race answers alike.
    fn keeps_candidacy(&self, c: &Candidacy) -> bool {
        if !self.elections.is_empty() && !self.elections.contains(&c.election) {
            return false;
        }
        if let Some(k) = &self.constituency {
            let spelled = c
                .constituency
                .as_ref()
                .is_some_and(|n| n.0.values().any(|t| crate::domain::seats::key(t) == *k));
            if !spelled {
                return false;
            }
        }
        if let Some(s) = &self.source {
            if !c.sources.iter().any(|id| fold(id).contains(s.as_str())) {
                return false;
            }
        }
        true
    }
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
    }
}
