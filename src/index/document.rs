//! What goes into an entity's search document: the words a searcher would type.
//!
//! A person's document quotes the names of the offices they held (with "former" or
//! "current" in both languages), their parties and the elections they contested, so
//! `former chief secretary` or `पूर्व मुख्य सचिव` finds them.

use super::person::{self, Career, Contest};
use super::Card;
use crate::analysis::filter_key;
use crate::error::Result;
use crate::model::{Kind, Names, PartialDate, Record};
use crate::profile::{currency, AsOf, Status};
use crate::store::{Change, Link, Store};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// What an import just wrote, so that documents are built from memory rather than
/// read back from the store: at a million records, reading every fact back (sled
/// lookups and JSON decoding, beyond sled's cache) was most of an import's time.
///
/// Only sound for the entities this import created: nothing in the store can name
/// them but this import's own facts (references are validated to exist), so their
/// facts are exactly the ones here. Every other entity's facts are read from the
/// store, which already holds the import.
pub struct Overlay<'c> {
    records: HashMap<&'c str, &'c Record>,
    /// Facts by (index, owner), in fact-id order as the store lists them.
    facts: HashMap<(Link, &'c str), Vec<&'c Record>>,
    fresh: HashSet<&'c str>,
}

impl<'c> Overlay<'c> {
    pub fn new(changes: &'c [Change]) -> Overlay<'c> {
        let mut records = HashMap::with_capacity(changes.len());
        let mut facts: HashMap<(Link, &str), Vec<&Record>> = HashMap::new();
        let mut fresh = HashSet::new();
        for c in changes {
            let r = &c.record;
            records.insert(r.id(), r);
            if c.previous.is_none() && r.kind().is_entity() {
                fresh.insert(r.id());
            }
            for (link, owner) in Link::of(r) {
                facts.entry((link, owner)).or_default().push(r);
            }
        }
        for list in facts.values_mut() {
            list.sort_by(|a, b| a.id().cmp(b.id()));
        }
        Overlay {
            records,
            facts,
            fresh,
        }
    }

    /// Whether `id` is an entity this import created.
    pub fn is_fresh(&self, id: &str) -> bool {
        self.fresh.contains(id)
    }

    /// The record this import wrote under `id`, if any.
    pub fn record(&self, id: &str) -> Option<&'c Record> {
        self.records.get(id).copied()
    }
}

/// Builds documents from the store, remembering the parties, offices and elections
/// it has read and the filter keys it has made: the documents of a dataset's
/// thousands of candidates quote the same few hundred of them, and reading and
/// analysing them once per document was most of a large import's indexing time.
pub struct Builder<'a> {
    store: &'a Store,
    overlay: Option<&'a Overlay<'a>>,
    entities: RefCell<HashMap<(Kind, String), Found>>,
    keys: RefCell<HashMap<String, String>>,
}

/// A record looked up once, or its absence.
type Found = Option<Rc<Record>>;

impl<'a> Builder<'a> {
    pub fn new(store: &'a Store) -> Builder<'a> {
        Builder {
            store,
            overlay: None,
            entities: RefCell::default(),
            keys: RefCell::default(),
        }
    }

    /// A builder that takes what an import just wrote from memory (see [`Overlay`]).
    pub fn with_overlay(store: &'a Store, overlay: &'a Overlay<'a>) -> Builder<'a> {
        Builder {
            overlay: Some(overlay),
            ..Builder::new(store)
        }
    }

    /// The facts linked to `owner`, from the overlay when the owner is new.
    fn linked(&self, link: Link, owner: &str) -> Result<Vec<Record>> {
        match self.overlay {
            Some(o) if o.fresh.contains(owner) => Ok(o
                .facts
                .get(&(link, owner))
                .map(|l| l.iter().map(|r| (*r).clone()).collect())
                .unwrap_or_default()),
            _ => self.store.linked_records(link, owner),
        }
    }

    /// Adds the names and aliases of the entity `id` to `out`, if it exists.
    fn quote(&self, id: &str, out: &mut Vec<String>) -> Result<()> {
        if let Some(r) = self.overlay.and_then(|o| o.records.get(id)) {
            out.extend(all_names(r));
        } else if let Some(r) = self.store.get(id)? {
            out.extend(all_names(&r));
        }
        Ok(())
    }

    /// The document of `record` (for a person, the person of this record alone).
    pub fn build(&self, record: &Record) -> Result<EntityDoc> {
        build_with(self, record)
    }

    /// The one document of the person `person` made of several `records`.
    pub fn build_person(&self, person: &str, records: &[Record]) -> Result<EntityDoc> {
        let docs = records
            .iter()
            .map(|r| self.build(r))
            .collect::<Result<Vec<_>>>()?;
        let refs: Vec<&Record> = records.iter().collect();
        Ok(person::merge(person, &refs, docs))
    }

    /// A party, office or election (few, and quoted by many documents).
    fn entity(&self, kind: Kind, id: &str) -> Result<Found> {
        let key = (kind, id.to_string());
        if let Some(r) = self.entities.borrow().get(&key) {
            return Ok(r.clone());
        }
        let r = match self.overlay.and_then(|o| o.records.get(id)) {
            Some(r) if r.kind() == kind => Some(Rc::new((*r).clone())),
            Some(_) => None,
            None => self.store.get_kind(kind, id)?.map(Rc::new),
        };
        self.entities.borrow_mut().insert(key, r.clone());
        Ok(r)
    }

    /// Whether a tenure is current, former, or open as of its sources' knowledge
    /// (see [`crate::profile::currency`]).
    fn status(&self, t: &crate::model::Tenure) -> Result<Status> {
        let k = AsOf::of_sources(&t.sources, |id| {
            Ok(match self.entity(Kind::Source, id)?.as_deref() {
                Some(Record::Source(s)) => Some(s.clone()),
                _ => None,
            })
        })?;
        Ok(currency(
            t.end.as_ref(),
            t.ended,
            k.as_ref(),
            &crate::model::PartialDate::today(),
        )
        .0)
    }

    /// [`filter_key`] of a party or state name.
    fn key(&self, text: &str) -> String {
        if let Some(k) = self.keys.borrow().get(text) {
            return k.clone();
        }
        let k = filter_key(text);
        self.keys.borrow_mut().insert(text.to_string(), k.clone());
        k
    }
}

/// The searchable content of one entity, before it becomes a tantivy document.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityDoc {
    pub id: String,
    pub kind: Kind,
    /// Names and aliases in every script.
    pub names: Vec<String>,
    pub text: Vec<String>,
    /// Party ids and their names/abbreviations, lowercased, for `--party`.
    pub parties: Vec<String>,
    /// State names, lowercased, for `--state`.
    pub states: Vec<String>,
    pub years: Vec<u16>,
    pub card: Card,
    /// How likely a reader means this entity among namesakes (see
    /// [`Career::notability`]); 0 for anything but a person.
    pub notability: u64,
    /// A person's offices, elections and parties, for the card and notability.
    pub career: Option<Career>,
}

fn all_names(record: &Record) -> Vec<String> {
    let mut out: Vec<String> = record.name().texts().map(str::to_string).collect();
    out.extend(record.aliases().iter().cloned());
    out
}

fn push_names(out: &mut Vec<String>, names: &Names) {
    out.extend(names.texts().map(str::to_string));
}

fn years_between(start: Option<&PartialDate>, end: Option<&PartialDate>, out: &mut Vec<u16>) {
    match (start, end) {
        (Some(s), Some(e)) if e.year >= s.year && e.year - s.year <= 80 => {
            out.extend(s.year..=e.year)
        }
        (Some(s), None) => out.extend(s.year..=PartialDate::today().year.max(s.year)),
        (None, Some(e)) => out.push(e.year),
        (Some(s), Some(_)) => out.push(s.year),
        (None, None) => {}
    }
}

impl EntityDoc {
    fn add_party(&mut self, b: &Builder, org_id: &str) -> Result<()> {
        self.parties.push(org_id.to_string());
        if let Some(org) = b.entity(Kind::Organization, org_id)? {
            for n in all_names(&org) {
                self.parties.push(b.key(&n));
                self.text.push(n);
            }
        }
        Ok(())
    }

    /// The state of an organization (a state's government), if it has one.
    fn add_org_state(&mut self, b: &Builder, org_id: &str) -> Result<()> {
        if let Some(org) = b.entity(Kind::Organization, org_id)? {
            if let Record::Organization(o) = &*org {
                if let Some(state) = &o.state {
                    self.states.extend(state.texts().map(|n| b.key(n)));
                }
            }
        }
        Ok(())
    }

    fn add_state(&mut self, b: &Builder, names: &Names) {
        for n in names.texts() {
            self.states.push(b.key(n));
        }
        push_names(&mut self.text, names);
    }
}

fn build_with(b: &Builder, record: &Record) -> Result<EntityDoc> {
    let mut doc = EntityDoc {
        id: record.id().to_string(),
        kind: record.kind(),
        names: all_names(record),
        card: Card::of(record),
        text: Vec::new(),
        parties: Vec::new(),
        states: Vec::new(),
        years: Vec::new(),
        notability: 0,
        career: None,
    };
    push_names(&mut doc.text, &record.summary());
    match record {
        Record::Person(p) => {
            for place in [&p.birth_place, &p.home_district].into_iter().flatten() {
                push_names(&mut doc.text, place);
            }
            if let Some(state) = &p.home_state {
                doc.add_state(b, state);
            }
            if let Some(b) = &p.birth_date {
                doc.years.push(b.year);
            }
            for s in &p.services {
                doc.text.push(s.service.clone());
                if let Some(names) = crate::domain::services::names(&s.service) {
                    doc.text.extend(names.iter().map(|n| n.to_string()));
                }
                if let Some(b) = s.batch {
                    doc.text.push(format!("{b} batch · {b} बैच"));
                    doc.years.push(b);
                }
                if let Some(c) = &s.cadre {
                    doc.add_state(b, c);
                }
            }
            doc.text.extend(p.identifiers.values().cloned());
            let career = person_facts(b, &p.id, &mut doc)?;
            person::finish(&mut doc, &[record], career);
        }
        Record::Organization(o) => {
            if let Some(s) = &o.state {
                doc.add_state(b, s);
            }
            if o.classification == Some(crate::model::Classification::Party) {
                let id = o.id.clone();
                doc.add_party(b, &id)?;
            }
            if let Some(parent) = &o.parent {
                b.quote(parent, &mut doc.text)?;
            }
        }
        Record::Office(o) => {
            if let Some(org) = &o.organization {
                b.quote(org, &mut doc.text)?;
                doc.add_org_state(b, org)?;
            }
            for fact in b.linked(Link::TenureByOffice, &o.id)? {
                if let Record::Tenure(t) = fact {
                    b.quote(&t.person, &mut doc.text)?;
                    years_between(t.start.as_ref(), t.end.as_ref(), &mut doc.years);
                }
            }
        }
        Record::Election(e) => {
            if let Some(body) = &e.body {
                b.quote(body, &mut doc.text)?;
            }
            if let Some(area) = &e.area {
                doc.add_state(b, area);
            }
            if let Some(d) = &e.date {
                doc.years.push(d.year);
                doc.text.push(d.year.to_string());
            }
            // A general election has thousands of candidates but a few hundred
            // parties: quote each party once.
            let mut parties = std::collections::HashSet::new();
            for fact in b.linked(Link::CandidacyByElection, &e.id)? {
                if let Record::Candidacy(c) = fact {
                    b.quote(&c.person, &mut doc.text)?;
                    if let Some(p) = c.party.filter(|p| !parties.contains(p)) {
                        doc.add_party(b, &p)?;
                        parties.insert(p);
                    }
                }
            }
        }
        Record::Seat(s) => seat_facts(b, s, &mut doc)?,
        Record::Source(s) => {
            doc.text.push(s.title.clone());
            doc.text.extend(s.publisher.clone());
            doc.text.extend(s.text.clone());
            if let Some(d) = &s.date {
                doc.years.push(d.year);
            }
        }
        Record::Tenure(_) | Record::Membership(_) | Record::Candidacy(_) => {}
    }
    doc.parties.sort();
    doc.parties.dedup();
    doc.states.sort();
    doc.states.dedup();
    doc.years.sort();
    doc.years.dedup();
    Ok(doc)
}

/// A seat's document: its spellings (names), legislature, state, type and district,
/// and the years of its elections (its card's summary is [`crate::model::Seat::describe`]).
fn seat_facts(b: &Builder, s: &crate::model::Seat, doc: &mut EntityDoc) -> Result<()> {
    b.quote(&s.body, &mut doc.text)?;
    doc.text.push("constituency seat निर्वाचन क्षेत्र सीट".into());
    if let Some(state) = &s.state {
        doc.add_state(b, state);
    }
    if let Some(t) = s
        .seat_type
        .filter(|t| *t != crate::model::SeatType::General)
    {
        let (en, hi) = match t {
            crate::model::SeatType::ScheduledTribe => ("reserved ST", "अनुसूचित जनजाति आरक्षित"),
            _ => ("reserved SC", "अनुसूचित जाति आरक्षित"),
        };
        doc.text.push(format!("{en} {hi}"));
    }
    doc.text.extend(s.district.clone());
    let mut elections = HashSet::new();
    for fact in b.linked(Link::CandidacyBySeat, &s.id)? {
        if let Record::Candidacy(c) = fact {
            if elections.insert(c.election.clone()) {
                if let Some(e) = b.entity(Kind::Election, &c.election)? {
                    if let Record::Election(e) = &*e {
                        doc.years.extend(e.date.map(|d| d.year));
                    }
                }
            }
        }
    }
    Ok(())
}

/// A party's label for a career line.
fn party_label(org: &Record) -> String {
    crate::domain::parties::label(&org.name(), org.aliases())
}

fn person_facts(b: &Builder, person: &str, doc: &mut EntityDoc) -> Result<Career> {
    let mut career = Career::default();
    let label = |b: &Builder, id: &str, career: &mut Career| -> Result<()> {
        if let Some(org) = b.entity(Kind::Organization, id)? {
            career.parties.push(party_label(&org));
        }
        Ok(())
    };
    for fact in b.linked(Link::TenureByPerson, person)? {
        let Record::Tenure(t) = fact else { continue };
        let status = b.status(&t)?;
        // A tenure a stale source leaves open is neither: its office is named bare.
        let (en, hi) = match status {
            Status::Former => ("former", "पूर्व"),
            Status::Current => ("current", "वर्तमान"),
            Status::AsOf => ("", ""),
        };
        if let Some(office) = b.entity(Kind::Office, &t.office)? {
            career.offices.push((
                office.name(),
                t.start.map(|d| d.year),
                if status == Status::Former {
                    t.end.map(|d| d.year).or(t.start.map(|d| d.year))
                } else {
                    None
                },
            ));
            for n in all_names(&office) {
                let prefix = if crate::analysis::is_devanagari(&n) {
                    hi
                } else {
                    en
                };
                doc.text
                    .push(format!("{prefix} {n}").trim_start().to_string());
            }
            if let Record::Office(o) = &*office {
                if let Some(org) = &o.organization {
                    b.quote(org, &mut doc.text)?;
                    // A chief minister is of the state whose government the office is in.
                    doc.add_org_state(b, org)?;
                }
            }
        }
        years_between(t.start.as_ref(), t.end.as_ref(), &mut doc.years);
        push_names(&mut doc.text, &t.note);
    }
    for fact in b.linked(Link::MembershipByPerson, person)? {
        let Record::Membership(m) = fact else {
            continue;
        };
        doc.add_party(b, &m.organization)?;
        label(b, &m.organization, &mut career)?;
        push_names(&mut doc.text, &m.role);
        years_between(m.start.as_ref(), m.end.as_ref(), &mut doc.years);
    }
    for fact in b.linked(Link::CandidacyByPerson, person)? {
        let Record::Candidacy(c) = fact else { continue };
        let mut year = None;
        if let Some(election) = b.entity(Kind::Election, &c.election)? {
            doc.text.extend(all_names(&election));
            if let Record::Election(e) = &*election {
                if let Some(d) = &e.date {
                    doc.years.push(d.year);
                    year = Some(d.year);
                }
                if let Some(area) = &e.area {
                    doc.add_state(b, area);
                }
            }
        }
        // A Lok Sabha seat is in a state though its election is India's.
        if let Some(seat) = &c.seat {
            if let Some(found) = b.entity(Kind::Seat, seat)? {
                if let Record::Seat(s) = &*found {
                    if let Some(state) = &s.state {
                        doc.add_state(b, state);
                    }
                }
            }
        }
        if let Some(p) = &c.party {
            doc.add_party(b, p)?;
            label(b, p, &mut career)?;
        }
        if let Some(n) = &c.constituency {
            push_names(&mut doc.text, n);
        }
        push_names(&mut doc.text, &c.note);
        career.elections.push(Contest {
            year,
            constituency: c.constituency.clone(),
            won: c.result == Some(crate::model::Outcome::Won),
        });
    }
    Ok(career)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{plan, Batch, Parsed};

    fn batch(lines: &[&str]) -> Batch {
        Batch {
            records: lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let mut record =
                        Record::from_value(serde_json::from_str(l).expect("test JSON")).unwrap();
                    record.fill_derived_id();
                    Parsed {
                        file: "t.jsonl".into(),
                        line: i + 1,
                        record,
                    }
                })
                .collect(),
            ..Batch::default()
        }
    }

    /// Every document of an import, built from memory, equals the one built by
    /// reading the store back: for the seed (all new) and for a second import that
    /// adds facts to people and offices the store already had.
    #[test]
    fn documents_from_the_overlay_equal_documents_from_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let second = batch(&[
            r#"{"type":"person","id":"new-person","name":{"en":"Ram Lal","hi":"राम लाल"}}"#,
            r#"{"type":"tenure","person":"new-person","office":"chief-secretary-uttar-pradesh","start":"2020"}"#,
            r#"{"type":"tenure","person":"alok-ranjan","office":"new-office","start":"2021"}"#,
            r#"{"type":"office","id":"new-office","name":{"en":"Adviser"}}"#,
            r#"{"type":"membership","person":"new-person","organization":"samajwadi-party"}"#,
        ]);
        let mut compared = 0;
        for b in [crate::seed::records(), second] {
            let p = plan(&store, b).unwrap();
            store.apply(&p.changes, "test", false).unwrap();
            let overlay = Overlay::new(&p.changes);
            let ids = crate::index::affected(&store, &p.changes).unwrap();
            let (plain, fast) = (
                Builder::new(&store),
                Builder::with_overlay(&store, &overlay),
            );
            for id in ids {
                let record = store.get(&id).unwrap().unwrap();
                if record.kind().is_entity() {
                    assert_eq!(
                        fast.build(&record).unwrap(),
                        plain.build(&record).unwrap(),
                        "{id}"
                    );
                    compared += 1;
                }
            }
        }
        assert!(compared > 20, "only {compared} documents compared");
    }
}
