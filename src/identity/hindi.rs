//! A person's name in Hindi, from whichever of its records has one: a Lok Dhaba or
//! ADR row says `Rahul Gandhi` only, the Popolo record of the same person says
//! `राहुल गाँधी`, and every line that names the person — a profile, a row of a
//! result table, a candidates row — shows that Hindi name.
//!
//! - [`hindi_name`] chooses among a person's records by trust: a record written
//!   by a person (the curated seed, or someone's own native import: it cites no
//!   dataset) first, then Popolo's (Wikidata's labels), then any other dataset's;
//!   ties go to the smallest record id, so the choice never depends on the order
//!   the records were read in. Only Devanagari text counts (a Wikidata label in
//!   Latin letters under `hi` is no Hindi name).
//! - [`HindiNames`] is a command's memo of record → person id → Hindi name, so a
//!   table of thousands of rows reads each person's records once. It is also the
//!   memo of who each record's person is, which the result tables join rows by.

use super::{person_of, Clusters};
use crate::analysis::is_devanagari_char;
use crate::error::Result;
use crate::import::sources::{is_dataset, is_popolo};
use crate::model::{Names, Record};
use crate::store::Records;
use std::collections::HashMap;

/// How far a record's name is trusted, most trusted first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Trust {
    /// Written by a person: the curated seed, or a native import citing no dataset.
    Curated,
    /// A Popolo file's (Wikidata's names).
    Popolo,
    /// Any other dataset's.
    Dataset,
}

/// The trust of a record's names, by the sources it cites.
pub fn trust(record: &Record) -> Trust {
    let sources = record.sources();
    if sources.iter().any(|s| is_popolo(s)) {
        Trust::Popolo
    } else if sources.iter().any(|s| is_dataset(s)) {
        Trust::Dataset
    } else {
        Trust::Curated
    }
}

/// Whether `text` is a name in Hindi's script: some Devanagari, and no letter of
/// another script.
fn is_hindi(text: &str) -> bool {
    text.chars().any(is_devanagari_char)
        && text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| is_devanagari_char(c) || ('\u{A8E0}'..='\u{A8FF}').contains(&c))
}

/// A person record's own name in Hindi, trimmed, when it has one.
fn own_hindi(record: &Record) -> Option<String> {
    let Record::Person(p) = record else {
        return None;
    };
    let text = p.name.get("hi")?.trim();
    is_hindi(text).then(|| text.to_string())
}

/// What a record offers as its person's Hindi name: its own, with its trust.
fn offer(record: &Record) -> Option<(Trust, String)> {
    own_hindi(record).map(|hi| (trust(record), hi))
}

/// The best of the offers of records (id, offer): most trusted, then smallest id.
fn best<'a>(
    offers: impl IntoIterator<Item = (&'a str, Option<(Trust, String)>)>,
) -> Option<String> {
    offers
        .into_iter()
        .filter_map(|(id, o)| o.map(|(t, hi)| ((t, id), hi)))
        .min_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, hi)| hi)
}

/// The Hindi name of the person made of `records`: the most trusted record's
/// (see [`Trust`]), the smallest record id among equals; none when no person
/// record among them has a name in Devanagari.
pub fn hindi_name(records: &[&Record]) -> Option<String> {
    best(records.iter().map(|r| (r.id(), offer(r))))
}

/// `names` with its Hindi text set to the person's `hindi` (left as it is when the
/// person has none).
pub fn with_hindi(names: &mut Names, hindi: Option<String>) {
    if let Some(hi) = hindi {
        names.0.insert("hi".to_string(), hi);
    }
}

/// Who each record's person is, and each person's Hindi name, worked out once
/// per person for one command. A person's records are read at most once.
pub struct HindiNames<'s> {
    store: &'s dyn Records,
    /// Record → person id, for every record of each person met so far.
    persons: HashMap<String, String>,
    /// Person id → its records, for the persons met so far (with `clusters`: every
    /// person of two records or more).
    members: HashMap<String, Vec<String>>,
    /// Person id → its Hindi name.
    hindi: HashMap<String, Option<String>>,
    /// What records the caller has already read offer (see [`HindiNames::note`]).
    offers: HashMap<String, Option<(Trust, String)>>,
    /// The whole identity log's clustering, for a command reaching most records.
    clusters: Option<Clusters>,
}

impl<'s> HindiNames<'s> {
    /// A memo that reads each person's part of the identity log when first asked.
    pub fn new(store: &'s dyn Records) -> HindiNames<'s> {
        HindiNames {
            store,
            persons: HashMap::new(),
            members: HashMap::new(),
            hindi: HashMap::new(),
            offers: HashMap::new(),
            clusters: None,
        }
    }

    /// A memo answering who is whom from the whole log's clustering, read once
    /// (cheaper than a walk per person when most of the store is reached).
    pub fn with_clusters(store: &'s dyn Records, clusters: Clusters) -> HindiNames<'s> {
        let members = clusters
            .groups()
            .into_iter()
            .map(|(p, rs)| (p.to_string(), rs.into_iter().map(str::to_string).collect()))
            .collect();
        HindiNames {
            store,
            persons: HashMap::new(),
            members,
            hindi: HashMap::new(),
            offers: HashMap::new(),
            clusters: Some(clusters),
        }
    }

    /// The person id of person record `record`.
    pub fn person(&mut self, record: &str) -> Result<String> {
        if let Some(c) = &self.clusters {
            return Ok(c.person(record).to_string());
        }
        if let Some(p) = self.persons.get(record) {
            return Ok(p.clone());
        }
        let cluster = person_of(self.store, record)?;
        let mut members: Vec<String> = cluster.members.into_iter().map(|m| m.record).collect();
        if !members.iter().any(|m| m == record) {
            members.push(record.to_string());
        }
        for m in &members {
            self.persons.insert(m.clone(), cluster.id.clone());
        }
        self.members.insert(cluster.id.clone(), members);
        Ok(cluster.id)
    }

    /// The Hindi name of the person that record `record` belongs to.
    pub fn hindi(&mut self, record: &str) -> Result<Option<String>> {
        let person = self.person(record)?;
        if let Some(h) = self.hindi.get(&person) {
            return Ok(h.clone());
        }
        let ids = match self.members.get(&person) {
            Some(ids) => ids.clone(),
            None => vec![record.to_string()],
        };
        let mut offers = Vec::with_capacity(ids.len());
        for id in &ids {
            let o = match self.offers.remove(id) {
                Some(o) => o,
                None => self.store.get(id)?.as_ref().and_then(offer),
            };
            offers.push((id.as_str(), o));
        }
        let h = best(offers);
        self.hindi.insert(person, h.clone());
        Ok(h)
    }

    /// Remembers what a record the caller has read anyway offers, so working out
    /// its person's Hindi name does not read it again.
    pub fn note(&mut self, record: &Record) {
        let id = record.id();
        let person = match &self.clusters {
            Some(c) => Some(c.person(id)),
            None => self.persons.get(id).map(String::as_str),
        };
        if person.is_some_and(|p| self.hindi.contains_key(p)) {
            return;
        }
        self.offers
            .entry(id.to_string())
            .or_insert_with(|| offer(record));
    }

    /// Sets `names`' Hindi text to the Hindi name of `record`'s person, if it has one.
    pub fn fill(&mut self, record: &str, names: &mut Names) -> Result<()> {
        let h = self.hindi(record)?;
        with_hindi(names, h);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;

    fn person(id: &str, source: &str, hi: Option<&str>) -> Record {
        let mut p = Person::named(id, "en", "Rahul Gandhi", source);
        if let Some(hi) = hi {
            p.name.0.insert("hi".into(), hi.into());
        }
        Record::Person(p)
    }

    fn choose(records: &[Record]) -> Option<String> {
        let refs: Vec<&Record> = records.iter().collect();
        hindi_name(&refs)
    }

    #[test]
    fn sources_say_how_far_a_name_is_trusted() {
        assert_eq!(
            trust(&person("a", "src-article-rajya-sabha-2024-up", None)),
            Trust::Curated
        );
        assert_eq!(
            trust(&person("b", "src-popolo-lok-sabha-term-16", None)),
            Trust::Popolo
        );
        assert_eq!(
            trust(&person("c", "src-tcpd-lokdhaba", None)),
            Trust::Dataset
        );
        assert_eq!(
            trust(&person("d", "src-adr-affidavits", None)),
            Trust::Dataset
        );
    }

    #[test]
    fn the_curated_record_outranks_popolo_which_outranks_other_datasets() {
        let records = [
            person("a-lokdhaba", "src-tcpd-lokdhaba", Some("राहुल")),
            person(
                "b-popolo",
                "src-popolo-lok-sabha-term-16",
                Some("राहुल गाँधी"),
            ),
            person("z-seed", "src-article-x", Some("राहुल गांधी")),
        ];
        assert_eq!(choose(&records).as_deref(), Some("राहुल गांधी"));
        // Without the curated record, Popolo's, though a dataset's id is smaller.
        assert_eq!(choose(&records[..2]).as_deref(), Some("राहुल गाँधी"));
        // A dataset's alone is still a Hindi name.
        assert_eq!(choose(&records[..1]).as_deref(), Some("राहुल"));
    }

    #[test]
    fn equal_trust_goes_to_the_smallest_record_id_in_any_order() {
        let a = person("popolo-a", "src-popolo-lok-sabha-term-16", Some("क"));
        let b = person("popolo-b", "src-popolo-lok-sabha-term-15", Some("ख"));
        assert_eq!(choose(&[a.clone(), b.clone()]).as_deref(), Some("क"));
        assert_eq!(choose(&[b, a]).as_deref(), Some("क"));
    }

    #[test]
    fn no_devanagari_is_no_hindi_name() {
        let records = [
            person("a", "src-tcpd-lokdhaba", None),
            // A Latin label filed under `hi`, and a blank one: not Hindi names.
            person("b", "src-popolo-lok-sabha-term-16", Some("Rahul Gandhi")),
            person("c", "src-article-x", Some("  ")),
        ];
        assert_eq!(choose(&records), None);
        assert_eq!(choose(&[]), None);
        // A lower-trust Devanagari name wins over a higher-trust garbage one, trimmed.
        let mut with_dataset = records.to_vec();
        with_dataset.push(person("d", "src-adr-affidavits", Some(" राहुल गांधी ")));
        assert_eq!(choose(&with_dataset).as_deref(), Some("राहुल गांधी"));
    }

    /// A store of: `a-ld` (a dataset's, no Hindi), `b-ep` (Popolo's), `c-seed`
    /// (curated), linked by the resolver; `e-note` (curated, another spelling)
    /// linked to `a-ld` by the resolver but kept apart from `b-ep` by a person; and
    /// `d-ld`, a person of its own without Hindi.
    fn linked_store(dir: &std::path::Path) -> crate::store::Store {
        use crate::store::{Change, Decision, Verdict};
        let store = crate::store::Store::open(dir).expect("a new store");
        let records = [
            person("a-ld", "src-tcpd-lokdhaba", None),
            person("b-ep", "src-popolo-lok-sabha-term-16", Some("राहुल गाँधी")),
            person("c-seed", "src-article-x", Some("राहुल गांधी")),
            person("d-ld", "src-tcpd-lokdhaba", None),
            person("e-note", "src-article-y", Some("राहुल जी")),
        ];
        let changes: Vec<Change> = records
            .iter()
            .map(|r| Change {
                record: r.clone(),
                previous: None,
            })
            .collect();
        let decisions = [
            Decision::new(
                "a-ld",
                "b-ep",
                Verdict::Same,
                "resolver",
                1,
                "score 20: test",
            ),
            Decision::new(
                "b-ep",
                "c-seed",
                Verdict::Same,
                "resolver",
                1,
                "score 19: test",
            ),
            Decision::new(
                "a-ld",
                "e-note",
                Verdict::Same,
                "resolver",
                1,
                "score 5: test",
            ),
            Decision::new("b-ep", "e-note", Verdict::NotSame, "user", 2, "not him"),
        ];
        store
            .apply_all(&changes, &decisions, "test", false)
            .expect("the records and decisions are written");
        store
    }

    #[test]
    fn the_memo_names_every_record_of_a_person_alike_and_nobody_kept_apart() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let store = linked_store(dir.path());
        let all = super::super::clusters(&store).expect("the clustering");
        for mut memo in [
            HindiNames::new(&store),
            HindiNames::with_clusters(&store, all),
        ] {
            // A record the caller read already is not read again, and counts alike.
            if let Some(r) = store.get("a-ld").expect("a read") {
                memo.note(&r);
            }
            for id in ["a-ld", "b-ep", "c-seed"] {
                assert_eq!(memo.person(id).expect("a person").as_str(), "a-ld");
                assert_eq!(
                    memo.hindi(id).expect("a name").as_deref(),
                    Some("राहुल गांधी"),
                    "{id}"
                );
            }
            // Kept apart from the person by a person's decision: its own name only.
            assert_eq!(memo.person("e-note").expect("a person").as_str(), "e-note");
            assert_eq!(
                memo.hindi("e-note").expect("a name").as_deref(),
                Some("राहुल जी")
            );
            assert_eq!(memo.hindi("d-ld").expect("a name"), None);
            let mut names = Names::new([("en", "Rahul Gandhi")]);
            memo.fill("d-ld", &mut names).expect("a name");
            assert_eq!(names, Names::new([("en", "Rahul Gandhi")]));
            memo.fill("a-ld", &mut names).expect("a name");
            assert_eq!(names.get("hi"), Some("राहुल गांधी"));
        }
    }

    #[test]
    fn only_person_records_give_a_persons_name() {
        let office = Record::Office(crate::model::Office {
            id: "office".into(),
            name: Names::new([("en", "Chief Minister"), ("hi", "मुख्यमंत्री")]),
            aliases: Vec::new(),
            organization: None,
            summary: Names::default(),
            sources: vec!["src-article-x".into()],
        });
        assert_eq!(choose(&[office]), None);
    }
}
