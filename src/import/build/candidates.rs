//! The candidates builder: what every election-results dataset becomes. A dataset
//! reads its rows into [`Candidate`]s; [`build`] gives out the ids (namesakes on one
//! seat numbered in file order), tells apart constituencies sharing a name, ranks
//! the candidates of a seat by votes where the dataset gives no rank, works out the
//! results, and adds the elections, legislatures, parties and NOTA as records
//! created only where absent, and the seats (see [`seats`](super::seats)).
//!
//! Each candidate becomes a person (one per row, unless the dataset names its own
//! person key: the same politician in another dataset is another record, linked
//! later by `duplicates`/`merge`) and a candidacy. NOTA is not a candidate: its
//! votes are kept (party `none-of-the-above`, stand-in person `nota`) but it has no
//! rank and never wins.

use super::names::{self, Ids};
use super::seats::Seats;
use crate::domain::legislatures::{ElectionKey, House};
use crate::domain::parties;
use crate::domain::states::Place;
use crate::error::Problem;
use crate::import::table::Row;
use crate::import::{clean, Batch, Parsed};
use crate::model::{
    Affidavit, Candidacy, Gender, Names, Organization, Outcome, Percent, Person, Record, SeatType,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// How a row's votes were given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Votes {
    Counted {
        total: u64,
        evm: Option<u64>,
        postal: Option<u64>,
    },
    /// Elected unopposed: a win without a count.
    Uncontested,
    Unknown,
}

impl Votes {
    pub fn total(self) -> Option<u64> {
        match self {
            Votes::Counted { total, .. } => Some(total),
            _ => None,
        }
    }
}

/// One candidate in one election, as a dataset gives it; everything past the name,
/// party and constituency is optional.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The line of the file the row starts on.
    pub line: usize,
    /// The file the row is in, when one build takes rows from several files (a
    /// dataset read [together](crate::import::dataset::Dataset::together)); else
    /// [`build`]'s `file`.
    pub file: Option<String>,
    pub election: ElectionKey,
    /// The constituency's state (part of a Lok Sabha seat's id).
    pub state: Option<Place>,
    /// The constituency's name for display (see [`names::constituency_name`]).
    pub constituency: String,
    /// The constituency's number: part of the seat's id, and what tells apart two
    /// assembly seats of one name.
    pub number: Option<String>,
    /// The district: tells apart two seats of one name, without being part of ids.
    pub district: Option<String>,
    pub seat_type: Option<SeatType>,
    /// The candidate's name for display, and the other names (the original first).
    pub name: String,
    pub aliases: Vec<String>,
    /// The dataset's own id of the person: rows sharing it are one person.
    pub person: Option<String>,
    /// The party as written (joined to [`crate::domain::parties`]).
    pub party: Option<String>,
    /// The None of the Above line of a result.
    pub nota: bool,
    pub votes: Votes,
    /// The rank in the seat, when the dataset gives it; else ranked by votes.
    pub rank: Option<u32>,
    /// Whether the candidate won, when the dataset says; else the most votes won.
    pub winner: Option<bool>,
    pub share: Option<Percent>,
    pub margin: Option<u64>,
    pub deposit_lost: Option<bool>,
    pub age: Option<u16>,
    pub sex: Option<Gender>,
    pub affidavit: Option<Affidavit>,
    pub identifiers: BTreeMap<String, String>,
    /// The father's name, for display.
    pub father: Option<String>,
    /// The dataset's spelling of values cleaned up or left out.
    pub original: BTreeMap<String, String>,
}

impl Candidate {
    /// A candidate with what every results row gives; the rest unknown.
    pub fn new(line: usize, election: ElectionKey, entrant: Entrant) -> Candidate {
        Candidate {
            line,
            file: None,
            election,
            state: None,
            constituency: entrant.constituency,
            number: None,
            district: None,
            seat_type: None,
            name: entrant.name,
            aliases: entrant.aliases,
            person: None,
            party: entrant.party,
            nota: entrant.nota,
            votes: Votes::Unknown,
            rank: None,
            winner: None,
            share: None,
            margin: None,
            deposit_lost: None,
            age: None,
            sex: None,
            affidavit: None,
            identifiers: BTreeMap::new(),
            father: None,
            original: entrant.original,
        }
    }
}

/// The candidate, party and constituency of a row, cleaned, with the originals kept.
#[derive(Clone, Debug)]
pub struct Entrant {
    pub name: String,
    pub aliases: Vec<String>,
    pub party: Option<String>,
    pub nota: bool,
    pub constituency: String,
    pub original: BTreeMap<String, String>,
}

/// Reads a row's candidate, party and constituency columns (named in that order:
/// `Candidate,Party,Constituency`); an empty name or constituency is a problem.
pub fn entrant(file: &str, r: &Row, columns: &str, problems: &mut Vec<Problem>) -> Entrant {
    let mut columns = columns.split(',');
    let mut next = || columns.next().unwrap_or_default();
    let (candidate, party, constituency) = (next(), next(), next());
    let raw_name = r.raw(candidate);
    let raw_party = r.raw(party);
    let nota = names::is_nota(raw_name, raw_party);
    let (name, aliases) = names::candidate_name(raw_name);
    if name.is_empty() {
        problems.push(r.problem(file, candidate, "is empty: every row names its candidate"));
    }
    let mut original = BTreeMap::new();
    let party = clean::text(raw_party).map(|_| {
        original.insert("party".to_string(), raw_party.to_string());
        raw_party.to_string()
    });
    let raw_constituency = r.raw(constituency);
    let display = names::constituency_name(raw_constituency);
    if display.is_empty() {
        problems.push(r.problem(file, constituency, "is empty"));
    } else if display != raw_constituency {
        original.insert("constituency".to_string(), raw_constituency.to_string());
    }
    Entrant {
        name,
        aliases,
        party,
        nota,
        constituency: display,
        original,
    }
}

/// The `district` a Lok Dhaba row gives a later poll of one seat in one election:
/// it keeps the polls' candidacies apart, but names no district and no other seat.
pub fn poll_district(poll: u16) -> String {
    format!("{POLL}{poll}")
}

const POLL: &str = "poll ";

/// The seat's district a row gives, if any (not a [`poll_district`]).
pub fn real_district(row: &Candidate) -> Option<&str> {
    row.district
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty() && !d.starts_with(POLL))
}

/// The id of the stand-in "person" whose candidacies hold the votes cast for
/// None of the Above in each constituency.
pub const NOTA_PERSON: &str = "nota";

/// The NOTA stand-in, a default record.
pub fn nota_person(source: &str) -> Person {
    Person {
        aliases: vec!["NOTA".into(), "नोटा".into()],
        name: Names::new([("en", "None of the Above"), ("hi", "इनमें से कोई नहीं")]),
        summary: Names::new([
            (
                "en",
                "Not a person: the ballot option to reject every candidate. Its votes in each constituency are recorded as its candidacies; it never wins a seat.",
            ),
            (
                "hi",
                "व्यक्ति नहीं: सभी उम्मीदवारों को अस्वीकार करने का मतपत्र विकल्प। हर निर्वाचन क्षेत्र में इसके वोट इसकी उम्मीदवारी के रूप में दर्ज हैं; यह कभी सीट नहीं जीतता।",
            ),
        ]),
        ..Person::named(NOTA_PERSON, "en", "", source)
    }
}

/// Adds the house's legislature and the election as defaults (created only where
/// absent), at the line of the row that first names them.
pub fn election_defaults(
    key: &ElectionKey,
    batch: &mut Batch,
    file: &str,
    line: usize,
    source: &str,
) {
    let body = Record::Organization(key.house.body_record(source));
    batch.default_record(file, line, body);
    batch.default_record(file, line, Record::Election(key.record(source)));
}

/// What ranking a seat gives one candidate.
#[derive(Clone, Default)]
struct Ranked {
    rank: Option<u32>,
    result: Option<Outcome>,
    note: Names,
}

/// Turns `rows` into records: person ids `<prefix>-<election>-<seat>-<name>`, each
/// record citing `source`.
pub fn build(file: &str, prefix: &str, source: &str, mut rows: Vec<Candidate>, batch: &mut Batch) {
    let election_ids: Vec<String> = rows.iter().map(|r| r.election.id()).collect();
    // Before `qualify`: a seat is named as the dataset names it, unqualified.
    let mut seat_records = Seats::default();
    let seat_ids = seat_records.add_rows(&rows, &election_ids, source);
    // Seats are told apart by number where the file gives one (Bihar has two
    // Kalyanpurs), else by district (Uttar Pradesh's three Nawabganjs in 2007).
    let seats: Vec<String> = rows
        .iter()
        .map(|r| {
            let seat = names::seat_slug(&r.election.house, r.state.as_ref(), &r.constituency);
            match &r.number {
                Some(n) => format!("{n}-{seat}"),
                None => seat,
            }
        })
        .collect();
    let groups: Vec<(String, String)> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let seat = match &r.district {
                Some(d) => format!("{}\0{}", seats[i], d.to_lowercase()),
                None => seats[i].clone(),
            };
            (election_ids[i].clone(), seat)
        })
        .collect();
    qualify(&groups, &mut rows);
    // Which seats have a winner recorded at all.
    let decided: HashSet<&(String, String)> = groups
        .iter()
        .zip(&rows)
        .filter(|(_, r)| r.winner == Some(true))
        .map(|(k, _)| k)
        .collect();
    let decided: Vec<bool> = groups.iter().map(|k| decided.contains(k)).collect();
    let mut members: HashMap<&(String, String), Vec<usize>> = HashMap::new();
    for (i, key) in groups.iter().enumerate() {
        members.entry(key).or_default().push(i);
    }
    let mut ranked = vec![Ranked::default(); rows.len()];
    for m in members.values() {
        rank_seat(&rows, m, &mut ranked);
    }

    let mut ids = Ids::default();
    let mut made: HashSet<String> = HashSet::new();
    let mut party_of: HashMap<String, Option<Organization>> = HashMap::new();
    let mut keyed: HashMap<String, usize> = HashMap::new();
    batch.records.reserve(rows.len() * 2);
    let all = rows
        .into_iter()
        .zip(ranked)
        .zip(election_ids)
        .zip(seats)
        .zip(seat_ids);
    for (i, ((((row, ranked), election_id), seat), seat_id)) in all.enumerate() {
        let line = row.line;
        let row_file = row.file.clone();
        let file = row_file.as_deref().unwrap_or(file);
        if made.insert(election_id.clone()) {
            election_defaults(&row.election, batch, file, line, source);
        }
        let party_text = if row.nota {
            Some("NOTA")
        } else {
            row.party.as_deref()
        };
        let party = party_text.and_then(|text| {
            let org = party_of
                .entry(text.to_string())
                .or_insert_with(|| parties::party_record(text, Some(source)))
                .clone()?;
            let id = org.id.clone();
            if made.insert(id.clone()) {
                batch.default_record(file, line, Record::Organization(org));
            }
            Some(id)
        });
        let (person, candidacy_id) = if row.nota {
            if made.insert(NOTA_PERSON.into()) {
                batch.default_record(file, line, Record::Person(nota_person(source)));
            }
            let id = ids.unique(format!("nota--{election_id}--{seat}"));
            (NOTA_PERSON.to_string(), id)
        } else {
            let person = person(
                file,
                prefix,
                source,
                &row,
                &election_id,
                &seat,
                &mut ids,
                &mut keyed,
                batch,
            );
            let candidacy = format!("{person}--{election_id}");
            let candidacy = if row.person.is_some() {
                ids.unique(candidacy)
            } else {
                candidacy
            };
            (person, candidacy)
        };
        let result = match row.winner {
            Some(true) => Some(Outcome::Won),
            Some(false) if !row.nota && decided[i] => Some(Outcome::Lost),
            Some(false) => None,
            None => ranked.result,
        };
        let note = if row.winner.is_none() {
            ranked.note
        } else {
            Names::default()
        };
        let mut vote_breakdown = BTreeMap::new();
        if let Votes::Counted { evm, postal, .. } = row.votes {
            vote_breakdown.extend(evm.map(|v| ("evm".to_string(), v)));
            vote_breakdown.extend(postal.map(|v| ("postal".to_string(), v)));
        }
        let candidacy = Candidacy {
            id: candidacy_id,
            person,
            election: election_id,
            party,
            seat: Some(seat_id),
            constituency: Some(Names::new([("en", row.constituency.as_str())])),
            votes: row.votes.total(),
            vote_breakdown,
            result,
            rank: row.rank.or(ranked.rank),
            share: row.share,
            margin: row.margin,
            deposit_lost: row.deposit_lost,
            seat_type: row.seat_type,
            age: row.age,
            affidavit: row.affidavit,
            note,
            original: row.original,
            sources: vec![source.into()],
        };
        push(batch, file, line, Record::Candidacy(candidacy));
    }
    seat_records.into_defaults(file, batch);
}

fn push(batch: &mut Batch, file: &str, line: usize, record: Record) {
    batch.records.push(Parsed {
        file: file.to_string(),
        line,
        record,
    });
}

/// The person a row names: a new record, or (for a row with the dataset's own person
/// key seen before) the earlier one, which gains this row's spellings.
#[allow(clippy::too_many_arguments)]
fn person(
    file: &str,
    prefix: &str,
    source: &str,
    row: &Candidate,
    election_id: &str,
    seat: &str,
    ids: &mut Ids,
    keyed: &mut HashMap<String, usize>,
    batch: &mut Batch,
) -> String {
    if let Some(&at) = row.person.as_ref().and_then(|k| keyed.get(k)) {
        if let Record::Person(p) = &mut batch.records[at].record {
            for n in std::iter::once(&row.name).chain(&row.aliases) {
                if !p.name.texts().any(|t| t == n) && !p.aliases.contains(n) {
                    p.aliases.push(n.clone());
                }
            }
            for (k, v) in &row.identifiers {
                p.identifiers.entry(k.clone()).or_insert_with(|| v.clone());
            }
            return p.id.clone();
        }
    }
    let base = match &row.person {
        Some(key) => format!(
            "{prefix}-{}-{}",
            clean::slug(key),
            names::name_slug(&row.name)
        ),
        None => format!(
            "{prefix}-{election_id}-{seat}-{}",
            names::name_slug(&row.name)
        ),
    };
    let id = ids.unique(base);
    if let Some(key) = &row.person {
        keyed.insert(key.clone(), batch.records.len());
    }
    let person = Person {
        aliases: row.aliases.clone(),
        gender: row.sex,
        father: row.father.as_deref().map(|f| Names::new([("en", f)])),
        identifiers: row.identifiers.clone(),
        ..Person::named(id.clone(), "en", &row.name, source)
    };
    push(batch, file, row.line, Record::Person(person));
    id
}

/// Seats that share a name in one election get what tells them apart in brackets
/// (`Aurangabad (Bihar)`, `Kalyanpur (16)`, `Nawabganj (Bareilly)`); the name
/// before is kept in `original`.
fn qualify(groups: &[(String, String)], rows: &mut [Candidate]) {
    let mut shown: Vec<String> = rows.iter().map(|r| r.constituency.clone()).collect();
    let before = names::qualify_shared_names(groups, &mut shown, |i| {
        let r = &rows[i];
        match (&r.election.house, &r.state) {
            (House::LokSabha, Some(state)) => Some(state.en.clone()),
            _ => r
                .number
                .clone()
                .or_else(|| r.district.as_deref().map(clean::title_case)),
        }
    });
    for ((r, name), before) in rows.iter_mut().zip(shown).zip(before) {
        if let Some(b) = before {
            r.original.entry("constituency".into()).or_insert(b);
        }
        r.constituency = name;
    }
}

/// Ranks the candidates of one seat by votes (ties share a rank) and gives the
/// result: first past the post, so the single candidate with the most votes won. A
/// tie for the most votes leaves the result open (the returning officer draws lots;
/// the data does not say who won); a seat where nobody polled a vote (a
/// countermanded poll) has no ranks or results.
fn rank_seat(rows: &[Candidate], members: &[usize], out: &mut [Ranked]) {
    let contenders: Vec<(usize, u64)> = members
        .iter()
        .filter(|&&i| !rows[i].nota)
        .filter_map(|&i| rows[i].votes.total().map(|v| (i, v)))
        .collect();
    for &i in members {
        if rows[i].votes == Votes::Uncontested {
            out[i] = Ranked {
                rank: Some(1),
                result: Some(Outcome::Won),
                note: Names::new([("en", "Elected unopposed"), ("hi", "निर्विरोध निर्वाचित")]),
            };
        }
    }
    let top = contenders.iter().map(|&(_, v)| v).max().unwrap_or(0);
    if top == 0 {
        return;
    }
    let tied = contenders.iter().filter(|&&(_, v)| v == top).count() > 1;
    for &(i, v) in &contenders {
        let rank = 1 + contenders.iter().filter(|&&(_, w)| w > v).count() as u32;
        let (result, note) = match (v == top, tied) {
            (true, false) => (Some(Outcome::Won), Names::default()),
            (true, true) => (
                None,
                Names::new([
                    (
                        "en",
                        "Tied for the most votes: the returning officer draws lots, and this dataset does not say who won.",
                    ),
                    (
                        "hi",
                        "सबसे अधिक वोटों में बराबरी: विजेता लॉटरी से तय होता है, और यह डेटा नहीं बताता कि कौन जीता।",
                    ),
                ]),
            ),
            (false, _) => (Some(Outcome::Lost), Names::default()),
        };
        out[i] = Ranked {
            rank: Some(rank),
            result,
            note,
        };
    }
}
