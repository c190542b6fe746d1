//! Which election a natural name means: the words' house, state, year and
//! bye-election flag (see [`super::names`]) matched against election records'
//! fields (`body`, `area`, `date`), not their text alone. A general election is
//! meant over the bye-elections of its year unless the words say "bye"; when
//! several records still fit, the error lists each with what tells them apart.

use super::names::{self, ElectionName, HouseWord};
use super::{ids_matching, SearchOptions};
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::model::{Election, Kind, Record};
use crate::store::{Link, Records};

/// The most elections one name is matched against (every election of a year,
/// by-elections of every state included, is a few hundred).
const MAX_ELECTIONS: usize = 5000;
/// The most candidates an ambiguity lists.
const MAX_LISTED: usize = 8;

/// An election the user named, and the seats the name singled out in it
/// (`Amethi 2019`: the 2019 Lok Sabha election, Amethi's seat).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElectionTarget {
    pub id: String,
    /// Seat ids; empty when the name was of the whole election.
    pub seats: Vec<String>,
}

/// Whether an election is a bye-election, from its id or its names.
pub fn is_bye(e: &Election) -> bool {
    e.id.contains("bye-election")
        || e.name.texts().any(|n| {
            let n = n.to_lowercase();
            n.contains("bye-election") || n.contains("by-election") || n.contains("उपचुनाव")
        })
}

/// Whether `e` is of the house, state and year the words name.
fn fits(e: &Election, name: &ElectionName) -> bool {
    let body = e.body.as_deref().unwrap_or("");
    if let Some(h) = name.house {
        if !h.is_body(body) {
            return false;
        }
    }
    if let Some(y) = name.year {
        if e.date.map(|d| d.year) != Some(y) {
            return false;
        }
    }
    if let (Some(s), Some(h)) = (name.state, name.house) {
        if h != HouseWord::LokSabha {
            let by_body = body == format!("vidhan-sabha-{}", s.slug);
            let by_area = e.area.as_ref().is_some_and(|a| {
                a.texts()
                    .any(|t| crate::domain::states::find(t).is_some_and(|f| f.slug == s.slug))
            });
            if !(by_body || by_area) {
                return false;
            }
        }
    }
    !name.bye || is_bye(e)
}

/// The elections whose fields fit the words, general elections first-class:
/// unless the words say "bye", the general elections among them when any.
fn elections_fitting(
    store: &dyn Records,
    index: &SearchIndex,
    name: &ElectionName,
) -> Result<Vec<Election>> {
    let state = match (name.state, name.house) {
        // A Lok Sabha election's area is India: the state is no filter.
        (Some(_), Some(HouseWord::LokSabha)) | (None, _) => None,
        (Some(s), _) => Some(s.en.to_string()),
    };
    let opts = SearchOptions {
        limit: MAX_ELECTIONS,
        kind: Some(Kind::Election),
        state,
        year: name.year,
        party: None,
    };
    let mut found = Vec::new();
    for id in ids_matching(index, &opts)? {
        if let Some(Record::Election(e)) = store.get_kind(Kind::Election, &id)? {
            if fits(&e, name) {
                found.push(e);
            }
        }
    }
    prefer_general(&mut found, name);
    Ok(found)
}

/// Unless the words say "bye", keeps the general elections when any fit; then
/// orders them latest first, so a list of candidates starts with what is most
/// likely meant.
fn prefer_general(found: &mut Vec<Election>, name: &ElectionName) {
    if !name.bye && found.iter().any(|e| !is_bye(e)) {
        found.retain(|e| !is_bye(e));
    }
    found.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    found.dedup_by(|a, b| a.id == b.id);
}

/// What tells an election apart from others of a similar name: its date, house,
/// area, seats and whether it is a bye-election.
pub fn describe_election(store: &dyn Records, e: &Election) -> Result<String> {
    let mut parts = Vec::new();
    if let Some(d) = &e.date {
        parts.push(d.to_string());
    }
    if let Some(body) = &e.body {
        let name = match store.get(body)? {
            Some(r) => r.name().best("en").to_string(),
            None => body.clone(),
        };
        parts.push(name);
    }
    // The Lok Sabha's area is India: it tells nothing apart.
    if let Some(area) = e
        .area
        .as_ref()
        .filter(|_| e.body.as_deref() != Some("lok-sabha"))
    {
        let en = area.best("en");
        if !parts.iter().any(|p| p.contains(en)) {
            parts.push(en.to_string());
        }
    }
    match e.seats {
        Some(n) => parts.push(format!("{n} seats")),
        // Without a seat count, how many candidacies (keys only, no record read)
        // tells a bye-election of one seat from a general election.
        None => {
            let n = store.linked(Link::CandidacyByElection, &e.id)?.len();
            if n > 0 {
                parts.push(format!(
                    "{} candidac{}",
                    crate::numerals::indian(n as u64),
                    if n == 1 { "y" } else { "ies" }
                ));
            }
        }
    }
    if is_bye(e) {
        parts.push("bye-election".into());
    }
    Ok(parts.join(", "))
}

/// The ambiguity error for several fitting elections.
fn ambiguous(store: &dyn Records, typed: &str, found: &[Election]) -> Result<Error> {
    let mut candidates = Vec::new();
    let mut described = Vec::new();
    for e in found.iter().take(MAX_LISTED) {
        candidates.push(e.id.clone());
        described.push(describe_election(store, e)?);
    }
    if found.len() > MAX_LISTED {
        candidates.push(format!("… {} more", found.len() - MAX_LISTED));
        described.push(String::new());
    }
    Ok(Error::Ambiguous {
        query: typed.to_string(),
        candidates,
        described,
    })
}

/// The election a natural name means, if the words name one by its fields:
/// `Ok(None)` when they say nothing an election record's fields could answer
/// (then the name is matched as text), an error when several fit or a name of
/// house, state and year fits none.
pub fn by_fields(
    store: &dyn Records,
    index: &SearchIndex,
    typed: &str,
) -> Result<Option<ElectionTarget>> {
    let name = names::parse(typed);
    if !name.rest.is_empty() {
        // Words beyond house, state and year: a seat, when they name one.
        return super::seats::election_of_seat(store, index, typed, &name);
    }
    if !name.is_structured() {
        return Ok(None);
    }
    let found = elections_fitting(store, index, &name)?;
    match found.len() {
        0 => Ok(None),
        1 => Ok(Some(ElectionTarget {
            id: found[0].id.clone(),
            seats: Vec::new(),
        })),
        _ => Err(ambiguous(store, typed, &found)?),
    }
}
/// The elections of a year (and the house and state the words name) among
/// `ids`, general elections over bye-elections: for a seat and a year.
pub(crate) fn pick_among(
    store: &dyn Records,
    typed: &str,
    name: &ElectionName,
    ids: &[String],
) -> Result<Option<String>> {
    let mut found = Vec::new();
    for id in ids {
        if let Some(Record::Election(e)) = store.get_kind(Kind::Election, id)? {
            if fits(&e, name) {
                found.push(e);
            }
        }
    }
    prefer_general(&mut found, name);
    match found.len() {
        0 => Ok(None),
        1 => Ok(Some(found.remove(0).id)),
        _ => Err(ambiguous(store, typed, &found)?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::legislatures::{ElectionKey, House};
    use crate::domain::states::Place;

    fn up() -> House {
        House::VidhanSabha(Place::from_name("Uttar_Pradesh").unwrap())
    }

    /// The records importers make: the 2019 general election, a bye-election held
    /// in 2019 in the 2014 term, Uttar Pradesh's 2022 assembly and a 2019 bye-election
    /// of its 2017 term.
    fn elections() -> Vec<Election> {
        let bye = |house, year, date: &str| ElectionKey {
            house,
            year,
            bye: Some(Some(date.parse().unwrap())),
        };
        vec![
            ElectionKey::general(House::LokSabha, 2019).record("s"),
            bye(House::LokSabha, 2014, "2019").record("s"),
            ElectionKey::general(up(), 2022).record("s"),
            bye(up(), 2017, "2019-10-21").record("s"),
        ]
    }

    fn fitting(text: &str) -> Vec<String> {
        let name = names::parse(text);
        let mut found: Vec<Election> = elections().into_iter().filter(|e| fits(e, &name)).collect();
        prefer_general(&mut found, &name);
        found.into_iter().map(|e| e.id).collect()
    }

    #[test]
    fn fields_decide_and_the_general_election_wins() {
        assert_eq!(fitting("2019 Lok Sabha"), ["lok-sabha-2019"]);
        assert_eq!(
            fitting("लोकसभा उपचुनाव २०१९"),
            ["lok-sabha-2014-bye-election-2019"]
        );
        assert_eq!(
            fitting("UP Vidhan Sabha 2022"),
            ["vidhan-sabha-uttar-pradesh-2022"]
        );
        assert_eq!(
            fitting("Uttar Pradesh assembly by-election 2019"),
            ["vidhan-sabha-uttar-pradesh-2017-bye-election-2019-10-21"]
        );
        // Another state's assembly fits nothing; a house alone fits every year.
        assert!(fitting("Bihar Vidhan Sabha 2022").is_empty());
        assert_eq!(fitting("Lok Sabha"), ["lok-sabha-2019"]);
        assert!(fitting("Rajya Sabha 2019").is_empty());
    }

    #[test]
    fn bye_elections_are_known_by_id_or_name() {
        let all = elections();
        assert_eq!(
            all.iter().map(is_bye).collect::<Vec<_>>(),
            [false, true, false, true]
        );
    }
}
