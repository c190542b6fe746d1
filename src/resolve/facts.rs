//! What the probabilistic linker knows of each person record: its name forms,
//! birth-year estimate, sex, states, seats, parties, elections, offices, father and
//! identifiers, gathered in one pass over the records (from the store, or from
//! records in memory, so the evaluation needs no home). Strings are interned.

use crate::analysis::phonetic_key;
use crate::domain::{key, states};
use crate::error::Result;
use crate::model::{Gender, Kind, Record};
use crate::resolve::exact::SCHEMES;
use crate::store::Store;
use std::collections::HashMap;

/// An interned string.
pub type Sym = u32;

/// Strings to numbers, so facts compare by `u32` and hot loops never allocate.
#[derive(Debug, Default)]
pub struct Interner {
    map: HashMap<String, Sym>,
    strings: Vec<String>,
}

impl Interner {
    pub fn intern(&mut self, s: &str) -> Sym {
        if let Some(&x) = self.map.get(s) {
            return x;
        }
        let x = self.strings.len() as Sym;
        self.strings.push(s.to_string());
        self.map.insert(s.to_string(), x);
        x
    }

    pub fn get(&self, s: &str) -> Option<Sym> {
        self.map.get(s).copied()
    }

    pub fn text(&self, x: Sym) -> &str {
        &self.strings[x as usize]
    }
}

/// One way a record writes a name, prepared for comparison and blocking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameForm {
    /// The words, folded to lower case, honorifics and initials' dots removed, in order.
    pub text: Sym,
    /// The same words sorted (`reddy t ramachandra` = `ramachandra reddy t`).
    pub sorted: Sym,
    /// The cross-script phonetic key of the whole name, spaces ignored
    /// (`Ramji Lal` = `Ramjilal` = `रामजीलाल`).
    pub joined: Sym,
    /// The phonetic keys of the words longer than one letter, sorted.
    pub tokens: Vec<Sym>,
    /// The phonetic key of each word in order, `Sym::MAX` for an initial.
    pub words: Vec<Sym>,
    /// The initials (one-letter words), in order.
    pub initials: Vec<char>,
    /// The first letter of each word, in order (initials and whole words alike).
    pub firsts: Vec<char>,
}

/// One election a record stood in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Contest {
    pub election: Sym,
    pub seat: Sym,
    pub year: u16,
    /// A general election (not a bye-election): the two-seat rule applies from 1996.
    pub general: bool,
    /// The dataset that reports the candidacy (its id's first word: `adr`, `tcpd`,
    /// `iv`…): two rows of one race are two people only within one dataset; across
    /// datasets they may be one candidacy reported twice.
    pub source: Sym,
}

/// What is known about one person record.
#[derive(Clone, Debug, Default)]
pub struct PersonFacts {
    pub names: Vec<NameForm>,
    /// Birth year, as the smallest and largest estimate: a birth date's year, or an
    /// election's year minus the age at it (and one less, for a birthday not yet come).
    pub birth: Option<(u16, u16)>,
    pub sex: Option<Gender>,
    pub states: Vec<Sym>,
    pub seats: Vec<Sym>,
    pub parties: Vec<Sym>,
    pub offices: Vec<Sym>,
    pub contests: Vec<Contest>,
    /// (scheme index in [`SCHEMES`], value).
    pub ids: Vec<(u8, Sym)>,
    pub father: Option<Sym>,
    /// The first and last year the record is seen active (elections, offices).
    pub years: Option<(u16, u16)>,
}

impl PersonFacts {
    fn add_birth(&mut self, lo: u16, hi: u16) {
        self.birth = Some(match self.birth {
            Some((a, b)) => (a.min(lo), b.max(hi)),
            None => (lo, hi),
        });
    }

    fn add_year(&mut self, y: u16) {
        self.years = Some(match self.years {
            Some((a, b)) => (a.min(y), b.max(y)),
            None => (y, y),
        });
    }
}

fn push_unique(v: &mut Vec<Sym>, x: Sym) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// The person records and their facts; record `i` is `ids[i]`.
#[derive(Debug, Default)]
pub struct Facts {
    pub ids: Vec<String>,
    pub people: Vec<PersonFacts>,
    pub strings: Interner,
    /// How many records write each joined name key (the term frequency of a name).
    pub name_counts: HashMap<Sym, u32>,
    index: HashMap<String, u32>,
}

impl Facts {
    /// The record numbered `id`.
    pub fn find(&self, id: &str) -> Option<u32> {
        self.index.get(id).copied()
    }

    /// How many records write `joined` (at least 1).
    pub fn name_count(&self, joined: Sym) -> u32 {
        self.name_counts.get(&joined).copied().unwrap_or(1)
    }

    /// Gathers facts from every person record of `store` and the records linked to
    /// them, one pass over each kind.
    pub fn from_store(store: &Store) -> Result<Facts> {
        let mut b = Builder::default();
        for kind in [
            Kind::Election,
            Kind::Office,
            Kind::Person,
            Kind::Candidacy,
            Kind::Tenure,
            Kind::Membership,
        ] {
            for record in store.iter(kind) {
                b.add(&record?);
            }
        }
        Ok(b.finish())
    }

    /// Gathers facts from records in memory, in any order. `withhold` names
    /// identifier schemes to leave out (the evaluation withholds `tcpd_pid`).
    pub fn from_records<'a>(
        records: impl IntoIterator<Item = &'a Record>,
        withhold: &[&str],
    ) -> Facts {
        let mut b = Builder {
            withhold: withhold.iter().map(|s| s.to_string()).collect(),
            ..Builder::default()
        };
        let mut later = Vec::new();
        for r in records {
            match r {
                Record::Election(_) | Record::Office(_) | Record::Person(_) => b.add(r),
                _ => later.push(r),
            }
        }
        for r in later {
            b.add(r);
        }
        b.finish()
    }
}

/// An election as the linker needs it.
#[derive(Clone, Copy)]
struct ElectionFacts {
    year: u16,
    state: Option<Sym>,
    lok_sabha: bool,
    general: bool,
}

/// Gathers facts from records given kind by kind: elections and offices before the
/// records that refer to them, persons before their facts (facts of persons not
/// given are dropped).
#[derive(Default)]
struct Builder {
    facts: Facts,
    elections: HashMap<String, ElectionFacts>,
    office_states: HashMap<String, Sym>,
    /// Prepared name forms by the text they came from.
    forms: HashMap<String, Option<NameForm>>,
    token_keys: HashMap<String, Sym>,
    withhold: Vec<String>,
    /// Winners per source, election and seat: two mean two polls under one id.
    winners: HashMap<(String, Sym, Sym), u32>,
}

/// Words that are titles, not names, in either script.
const HONORIFICS: &[&str] = &[
    "shri",
    "sri",
    "shree",
    "smt",
    "shrimati",
    "srimati",
    "dr",
    "km",
    "kumari",
    "kum",
    "mr",
    "mrs",
    "ms",
    "miss",
    "prof",
    "adv",
    "advocate",
    "late",
    "thiru",
    "tmt",
    "selvi",
    "sh",
    "col",
    "capt",
    "major",
    "gen",
    "retd",
    "rtd",
    "श्री",
    "श्रीमती",
    "डॉ",
    "डा",
    "कुमारी",
    "सुश्री",
    "स्व",
];

/// The state a slug-like text begins with (`uttar-pradesh-firozabad-…`): the longest
/// run of its first hyphenated words that names a state.
fn leading_state(text: &str) -> Option<&'static states::State> {
    let parts: Vec<&str> = text.split('-').take(8).collect();
    (1..=parts.len())
        .rev()
        .find_map(|n| states::find(&parts[..n].join("-")))
}

/// The state a slug-like text ends with (`chief-minister-uttar-pradesh`).
fn trailing_state(text: &str) -> Option<&'static states::State> {
    let parts: Vec<&str> = text.split('-').collect();
    (0..parts.len()).find_map(|i| states::find(&parts[i..].join("-")))
}

impl Builder {
    fn add(&mut self, r: &Record) {
        match r {
            Record::Election(e) => {
                let year = e
                    .date
                    .map(|d| d.year)
                    .or_else(|| year_in(&e.id))
                    .unwrap_or(0);
                let lok_sabha = e.id.starts_with("lok-sabha");
                let state = if lok_sabha {
                    None
                } else {
                    e.area
                        .iter()
                        .flat_map(|a| a.texts())
                        .find_map(states::find)
                        .or_else(|| e.id.strip_prefix("vidhan-sabha-").and_then(leading_state))
                        .map(|s| self.facts.strings.intern(s.slug))
                };
                let general = !e.id.contains("bye-election");
                self.elections.insert(
                    e.id.clone(),
                    ElectionFacts {
                        year,
                        state,
                        lok_sabha,
                        general,
                    },
                );
            }
            Record::Office(o) => {
                if let Some(s) = trailing_state(&o.id) {
                    let s = self.facts.strings.intern(s.slug);
                    self.office_states.insert(o.id.clone(), s);
                }
            }
            Record::Person(p) => {
                if p.id == crate::import::build::candidates::NOTA_PERSON {
                    return;
                }
                let mut f = PersonFacts::default();
                for text in p.name.texts().chain(p.aliases.iter().map(String::as_str)) {
                    if let Some(form) = self.form(text) {
                        if !f.names.contains(&form) {
                            f.names.push(form);
                        }
                    }
                }
                if let Some(d) = p.birth_date {
                    f.add_birth(d.year, d.year);
                }
                f.sex = p.gender;
                for n in p.home_state.iter().flat_map(|n| n.texts()) {
                    if let Some(s) = states::find(n) {
                        let s = self.facts.strings.intern(s.slug);
                        push_unique(&mut f.states, s);
                    }
                }
                for (scheme, value) in &p.identifiers {
                    if self.withhold.iter().any(|w| w == scheme) {
                        continue;
                    }
                    if let Some(i) = SCHEMES.iter().position(|s| s == scheme) {
                        let v = self.facts.strings.intern(value);
                        f.ids.push((i as u8, v));
                    }
                }
                if let Some(father) = p.father.as_ref().and_then(|n| n.texts().next()) {
                    let k = phonetic_key(father);
                    if k.len() >= 3 {
                        f.father = Some(self.facts.strings.intern(&k));
                    }
                }
                let i = self.facts.ids.len() as u32;
                self.facts.index.insert(p.id.clone(), i);
                self.facts.ids.push(p.id.clone());
                self.facts.people.push(f);
            }
            Record::Candidacy(c) => {
                let Some(&i) = self.facts.index.get(&c.person) else {
                    return;
                };
                let e = self.elections.get(&c.election).copied();
                let year = e.map(|e| e.year).or_else(|| year_in(&c.election));
                let state = match e {
                    Some(ElectionFacts { state: Some(s), .. }) => Some(s),
                    // A Lok Sabha seat's state is in the ids the builder makes:
                    // `<person>--<election>`, the person `<prefix>-<election>-<state>-…`.
                    _ => c
                        .person
                        .split_once(&format!("-{}-", c.election))
                        .and_then(|(_, rest)| leading_state(rest))
                        .map(|s| self.facts.strings.intern(s.slug)),
                };
                let seat_name = c
                    .constituency
                    .as_ref()
                    .and_then(|n| n.get("en").or_else(|| n.texts().next()))
                    .map(|n| key(n.split(" (").next().unwrap_or(n)));
                let strings = &mut self.facts.strings;
                let seat = seat_name.map(|n| {
                    let st = state.map_or("", |s| strings.text(s)).to_string();
                    strings.intern(&format!("{st}|{n}"))
                });
                let election = strings.intern(&c.election);
                let party = c.party.as_deref().map(|p| strings.intern(p));
                let f = &mut self.facts.people[i as usize];
                if let Some(s) = state {
                    push_unique(&mut f.states, s);
                }
                if let Some(s) = seat {
                    push_unique(&mut f.seats, s);
                }
                if let Some(p) = party {
                    push_unique(&mut f.parties, p);
                }
                if let Some(y) = year.filter(|&y| y > 0) {
                    f.add_year(y);
                    let age = c.age.or(c.affidavit.as_ref().and_then(|a| a.age));
                    if let Some(age) = age.filter(|a| (18..=110).contains(a)) {
                        f.add_birth(y.saturating_sub(age + 1), y.saturating_sub(age));
                    }
                    let source_text = c.id.split('-').next().unwrap_or("");
                    if let (Some(seat), Some(1)) = (seat, c.rank) {
                        *self
                            .winners
                            .entry((source_text.to_string(), election, seat))
                            .or_default() += 1;
                    }
                    let source = self.facts.strings.intern(source_text);
                    let f = &mut self.facts.people[i as usize];
                    f.contests.push(Contest {
                        election,
                        seat: seat.unwrap_or(Sym::MAX),
                        year: y,
                        general: e.is_none_or(|e| e.general && (e.lok_sabha || y > 0)),
                        source,
                    });
                }
            }
            Record::Tenure(t) => {
                let Some(&i) = self.facts.index.get(&t.person) else {
                    return;
                };
                let state = self.office_states.get(&t.office).copied();
                let office = self.facts.strings.intern(&t.office);
                let f = &mut self.facts.people[i as usize];
                push_unique(&mut f.offices, office);
                if let Some(s) = state {
                    push_unique(&mut f.states, s);
                }
                for y in t.start.iter().chain(t.end.iter()).map(|d| d.year) {
                    f.add_year(y);
                }
            }
            Record::Membership(m) => {
                let Some(&i) = self.facts.index.get(&m.person) else {
                    return;
                };
                let o = &m.organization;
                // Legislatures are not parties.
                if o.starts_with("lok-sabha")
                    || o.starts_with("vidhan-sabha")
                    || o.starts_with("rajya-sabha")
                    || o.starts_with("vidhan-parishad")
                {
                    return;
                }
                let party = self.facts.strings.intern(o);
                push_unique(&mut self.facts.people[i as usize].parties, party);
            }
            Record::Source(_) | Record::Organization(_) | Record::Seat(_) => {}
        }
    }

    /// The prepared form of a name as written, memoised by text.
    fn form(&mut self, text: &str) -> Option<NameForm> {
        if let Some(f) = self.forms.get(text) {
            return f.clone();
        }
        let made = self.make_form(text);
        self.forms.insert(text.to_string(), made.clone());
        made
    }

    fn make_form(&mut self, text: &str) -> Option<NameForm> {
        let words = name_words(text);
        if words.is_empty() {
            return None;
        }
        let joined = phonetic_key(&words.join(" "));
        if joined.is_empty() {
            return None;
        }
        let mut sorted = words.clone();
        sorted.sort();
        let mut tokens = Vec::new();
        let mut initials = Vec::new();
        let mut word_keys = Vec::new();
        let mut firsts = Vec::new();
        for w in &words {
            let first = w.chars().next().unwrap_or(' ');
            firsts.push(first);
            if w.chars().count() == 1 {
                initials.push(first);
                word_keys.push(Sym::MAX);
            } else {
                let k = match self.token_keys.get(w.as_str()) {
                    Some(&k) => k,
                    None => {
                        let k = self.facts.strings.intern(&phonetic_key(w));
                        self.token_keys.insert(w.clone(), k);
                        k
                    }
                };
                tokens.push(k);
                word_keys.push(k);
            }
        }
        tokens.sort_unstable();
        let s = &mut self.facts.strings;
        Some(NameForm {
            text: s.intern(&words.join(" ")),
            sorted: s.intern(&sorted.join(" ")),
            joined: s.intern(&joined),
            tokens,
            words: word_keys,
            initials,
            firsts,
        })
    }

    fn finish(mut self) -> Facts {
        // Bihar polled twice in 2005 (February and October) and both polls have one
        // election id: one source's seat with two winners in one election is two
        // polls, where one person's two candidacies for the seat are no cannot-link.
        let doubled: std::collections::HashSet<(Sym, Sym)> = self
            .winners
            .iter()
            .filter(|(_, &n)| n >= 2)
            .map(|((_, e, s), _)| (*e, *s))
            .collect();
        if !doubled.is_empty() {
            for p in &mut self.facts.people {
                for c in &mut p.contests {
                    if doubled.contains(&(c.election, c.seat)) {
                        c.seat = Sym::MAX;
                    }
                }
            }
        }
        let mut counts: HashMap<Sym, u32> = HashMap::new();
        for p in &self.facts.people {
            let mut seen: Vec<Sym> = p.names.iter().map(|n| n.joined).collect();
            seen.sort_unstable();
            seen.dedup();
            for k in seen {
                *counts.entry(k).or_default() += 1;
            }
        }
        self.facts.name_counts = counts;
        self.facts
    }
}

/// The words of a name: lower case, Latin folded to ASCII where it can be, split at
/// spaces, dots, commas and hyphens, titles left out.
pub fn name_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | '-' | '(' | ')' | '/'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .filter(|w| !HONORIFICS.contains(&w.as_str()))
        .collect()
}

/// The last four-digit year in an id (`lok-sabha-2014`, `…-bye-election-2016-02-13`
/// gives 2016 through its first year after `bye-election`).
fn year_in(id: &str) -> Option<u16> {
    let at = id.find("bye-election-").map_or(0, |i| i + 13);
    id[at..]
        .split('-')
        .chain(id.split('-'))
        .find(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|p| p.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_dots_leave_the_words() {
        assert_eq!(
            name_words("Sri Mulayam Singh Yadav"),
            ["mulayam", "singh", "yadav"]
        );
        assert_eq!(
            name_words("Dr. T.Ramachandra Reddy"),
            ["t", "ramachandra", "reddy"]
        );
        assert_eq!(name_words("श्री मुलायम सिंह"), ["मुलायम", "सिंह"]);
    }

    #[test]
    fn states_lead_or_trail_slugs() {
        assert_eq!(
            leading_state("uttar-pradesh-firozabad-ramji-lal").map(|s| s.slug),
            Some("uttar-pradesh")
        );
        assert_eq!(
            trailing_state("chief-minister-uttar-pradesh").map(|s| s.slug),
            Some("uttar-pradesh")
        );
        assert!(leading_state("firozabad-ramji").is_none());
    }

    /// Bihar's February and October 2005 polls share one election id: a seat with
    /// two TCPD winners is two polls, so Ram Babu Singh's candidacies in both are no
    /// cannot-link, while two candidates of one seat in one ordinary poll stay one.
    #[test]
    fn two_polls_under_one_id_are_no_cannot_link() {
        use crate::model::{Candidacy, Names, Person};
        use crate::resolve::compare::cannot_link;
        let person = |id: &str| Record::Person(Person::named(id, "en", "Ram Babu Singh", "s"));
        let run = |id: &str, person: &str, election: &str, rank: u32| {
            Record::Candidacy(Candidacy {
                id: id.into(),
                person: person.into(),
                election: election.into(),
                constituency: Some(Names::new([("en", "Raghopur")])),
                rank: Some(rank),
                ..Candidacy::default()
            })
        };
        let records = [
            person("tcpd-feb"),
            person("tcpd-oct"),
            run("tcpd-c1", "tcpd-feb", "vidhan-sabha-bihar-2005", 1),
            run("tcpd-c2", "tcpd-oct", "vidhan-sabha-bihar-2005", 1),
            person("tcpd-a"),
            person("tcpd-b"),
            run("tcpd-c3", "tcpd-a", "vidhan-sabha-bihar-2010", 1),
            run("tcpd-c4", "tcpd-b", "vidhan-sabha-bihar-2010", 4),
        ];
        let f = Facts::from_records(&records, &[]);
        assert_eq!(cannot_link(&f.people[0], &f.people[1]), None);
        assert!(cannot_link(&f.people[2], &f.people[3]).is_some());
    }

    #[test]
    fn years_come_from_ids() {
        assert_eq!(year_in("lok-sabha-2014"), Some(2014));
        assert_eq!(
            year_in("lok-sabha-1967-bye-election-1970-05-01"),
            Some(1970)
        );
        assert_eq!(year_in("vidhan-sabha-uttar-pradesh-1985"), Some(1985));
    }
}
