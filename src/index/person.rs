//! A person's document when the person is several records, and the career at a
//! glance that a result line shows and ranking weighs.
//!
//! Every member record's document is built as usual (see [`super::document`]) and
//! the documents are merged: every name in every script, every office, party,
//! election, state and year. The card names the person as its most complete record
//! does and sums the career up; `notability` (offices held, elections won and
//! contested, records that know the person) is what ranking prefers among namesakes.

use super::document::EntityDoc;
use super::people;
use super::Card;
use crate::analysis::filter_key;
use crate::model::{Kind, Names, Record};
use std::collections::{BTreeMap, HashSet};

/// What a person did, as the document builder reads it from the facts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Career {
    /// Offices held: the office's names, first and last year (none while current).
    pub offices: Vec<(Names, Option<u16>, Option<u16>)>,
    /// Elections contested: year, constituency, whether won.
    pub elections: Vec<Contest>,
    /// Labels of the parties stood for or belonged to (`SP`), first seen first.
    pub parties: Vec<String>,
}

/// One election contested.
#[derive(Clone, Debug, PartialEq)]
pub struct Contest {
    pub year: Option<u16>,
    pub constituency: Option<Names>,
    pub won: bool,
}

impl Career {
    /// The same election from two datasets (ADR and TCPD both list a candidacy)
    /// counts once: one per year and constituency, won if either says so.
    fn dedup(&mut self) {
        let mut seen: BTreeMap<(Option<u16>, String), usize> = BTreeMap::new();
        let mut kept: Vec<Contest> = Vec::new();
        for c in self.elections.drain(..) {
            let key = (
                c.year,
                c.constituency
                    .as_ref()
                    .map(|n| filter_key(n.best("en")))
                    .unwrap_or_default(),
            );
            match seen.get(&key) {
                Some(&i) => kept[i].won |= c.won,
                None => {
                    seen.insert(key, kept.len());
                    kept.push(c);
                }
            }
        }
        kept.sort_by_key(|c| c.year);
        self.elections = kept;
        let mut parties = HashSet::new();
        self.parties.retain(|p| parties.insert(p.clone()));
    }

    /// How likely a reader means this person among namesakes: offices weigh most,
    /// then elections won, then elections contested and records that know them.
    pub fn notability(&self, records: usize) -> u64 {
        let won = self.elections.iter().filter(|c| c.won).count();
        (3 * self.offices.len() + 2 * won + self.elections.len() + records) as u64
    }

    /// One line in English and one in Hindi: offices with years, elections by
    /// constituency, parties (the Hindi line names offices and seats in Hindi where
    /// their records have it).
    pub fn summary(&self) -> Names {
        let en = self.summary_in("en");
        if en.is_empty() {
            return Names::default();
        }
        let hi = self.summary_in("hi");
        Names::new([("en", en.as_str()), ("hi", hi.as_str())])
    }

    /// The summary line in `lang` (`en` or `hi`); empty when there is nothing to say.
    fn summary_in(&self, lang: &str) -> String {
        let hindi = lang == "hi";
        let mut parts: Vec<String> = Vec::new();
        let mut offices: Vec<(String, Option<u16>, Option<u16>, bool)> = Vec::new();
        for (names, start, end) in &self.offices {
            let name = names.best(lang).to_string();
            match offices.iter_mut().find(|o| o.0 == name) {
                Some(o) => {
                    o.1 = o.1.min(*start).or(*start);
                    o.2 = o.2.max(*end);
                    o.3 |= end.is_none();
                }
                None => offices.push((name, *start, *end, end.is_none())),
            }
        }
        offices.sort_by_key(|o| o.1);
        let shown: Vec<String> = offices
            .iter()
            .take(3)
            .map(|(name, start, end, current)| match (start, end, current) {
                (Some(s), _, true) => format!("{name} ({s}–)"),
                (Some(s), Some(e), false) if s == e => format!("{name} ({s})"),
                (Some(s), Some(e), false) => format!("{name} ({s}–{e})"),
                _ => name.clone(),
            })
            .collect();
        if !shown.is_empty() {
            let more = offices.len().saturating_sub(3);
            let mut line = shown.join("; ");
            if more > 0 {
                line.push_str(&if hindi {
                    format!("; {more} और")
                } else {
                    format!("; {more} more")
                });
            }
            parts.push(line);
        }
        if !self.elections.is_empty() {
            let won = self.elections.iter().filter(|c| c.won).count();
            let mut seats: Vec<(String, Vec<u16>)> = Vec::new();
            let mut keys: Vec<String> = Vec::new();
            for c in &self.elections {
                let seat = c
                    .constituency
                    .as_ref()
                    .map(|n| n.best(lang).to_string())
                    .unwrap_or_else(|| "?".into());
                // Grouped by the English spelling's fold (`KANNAUJ` and `Kannauj`).
                let key = filter_key(c.constituency.as_ref().map(|n| n.best("en")).unwrap_or("?"));
                let at = match keys.iter().position(|k| *k == key) {
                    Some(i) => i,
                    None => {
                        keys.push(key);
                        seats.push((seat, Vec::new()));
                        seats.len() - 1
                    }
                };
                seats[at].1.extend(c.year);
            }
            let mut list: Vec<String> = seats
                .iter()
                .take(4)
                .map(|(seat, years)| {
                    let years: Vec<String> = years.iter().map(u16::to_string).collect();
                    format!("{seat} {}", years.join(", ")).trim().to_string()
                })
                .collect();
            if seats.len() > 4 {
                list.push("…".into());
            }
            let n = self.elections.len();
            parts.push(if hindi {
                format!("{n} में से {won} चुनाव जीते: {}", list.join("; "))
            } else {
                format!(
                    "won {won} of {n} election{}: {}",
                    if n == 1 { "" } else { "s" },
                    list.join("; ")
                )
            });
        }
        if !self.parties.is_empty() {
            parts.push(
                self.parties
                    .iter()
                    .take(4)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
        parts.join(" · ")
    }
}

/// The card and notability of a person of `records` (one or more) with `career`.
pub fn finish(doc: &mut EntityDoc, records: &[&Record], mut career: Career) {
    career.dedup();
    let name = people::person_name(records);
    let own: HashSet<&str> = name.texts().collect();
    let mut also: Vec<String> = Vec::new();
    for n in &doc.names {
        if !own.contains(n.as_str()) && !also.contains(n) {
            also.push(n.clone());
        }
    }
    doc.card = Card {
        name,
        summary: people::person_summary(records),
        also,
        career: career.summary(),
        records: records.len() as u32,
    };
    doc.notability = career.notability(records.len());
    doc.career = Some(career);
}

/// One document for the person `person` of several records, from each record's
/// own document.
pub fn merge(person: &str, records: &[&Record], docs: Vec<EntityDoc>) -> EntityDoc {
    let mut out = EntityDoc {
        id: person.to_string(),
        kind: Kind::Person,
        names: Vec::new(),
        text: Vec::new(),
        parties: Vec::new(),
        states: Vec::new(),
        years: Vec::new(),
        card: Card::default(),
        notability: 0,
        career: None,
    };
    let mut career = Career::default();
    // Names first from the preferred record, so the best spelling leads.
    let order: Vec<&str> = people::by_preference(records)
        .iter()
        .map(|r| r.id())
        .collect();
    let mut docs = docs;
    docs.sort_by_key(|d| order.iter().position(|id| *id == d.id));
    let (mut names, mut text) = (HashSet::new(), HashSet::new());
    for d in docs {
        for n in d.names {
            if names.insert(n.clone()) {
                out.names.push(n);
            }
        }
        for t in d.text {
            if text.insert(t.clone()) {
                out.text.push(t);
            }
        }
        out.parties.extend(d.parties);
        out.states.extend(d.states);
        out.years.extend(d.years);
        if let Some(c) = d.career {
            career.offices.extend(c.offices);
            career.elections.extend(c.elections);
            career.parties.extend(c.parties);
        }
    }
    for v in [&mut out.parties, &mut out.states] {
        v.sort();
        v.dedup();
    }
    out.years.sort();
    out.years.dedup();
    finish(&mut out, records, career);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contest(year: u16, seat: &str, won: bool) -> Contest {
        Contest {
            year: Some(year),
            constituency: Some(Names::new([("en", seat)])),
            won,
        }
    }

    #[test]
    fn one_election_in_two_datasets_counts_once_and_the_summary_groups_seats() {
        let mut c = Career {
            offices: vec![(
                Names::new([("en", "Chief Minister of Uttar Pradesh")]),
                Some(2012),
                Some(2017),
            )],
            elections: vec![
                contest(2009, "Kannauj", true),
                contest(2000, "KANNAUJ", true),
                contest(2009, "KANNAUJ", false),
                contest(2019, "Azamgarh", true),
            ],
            parties: vec!["SP".into(), "SP".into()],
        };
        c.dedup();
        assert_eq!(c.elections.len(), 3);
        assert_eq!(c.notability(2), 3 + 2 * 3 + 3 + 2);
        assert_eq!(
            c.summary().best("en"),
            "Chief Minister of Uttar Pradesh (2012–2017) · won 3 of 3 elections: KANNAUJ 2000, 2009; Azamgarh 2019 · SP"
        );
        // In Hindi, the names the records have in Hindi; the others as they are.
        c.offices[0].0 = Names::new([
            ("en", "Chief Minister of Uttar Pradesh"),
            ("hi", "उत्तर प्रदेश के मुख्यमंत्री"),
        ]);
        c.elections[2].constituency = Some(Names::new([("en", "Azamgarh"), ("hi", "आज़मगढ़")]));
        assert_eq!(
            c.summary().best("hi"),
            "उत्तर प्रदेश के मुख्यमंत्री (2012–2017) · 3 में से 3 चुनाव जीते: KANNAUJ 2000, 2009; आज़मगढ़ 2019 · SP"
        );
    }
}
