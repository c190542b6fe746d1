//! A record with everything linked to it, as `show` presents it.
//!
//! The profile is plain data (and the `--json` form of `show`); the binary renders
//! it as text. "Former"/"current"/"as of" is derived here from dates, today and what
//! the sources know (see [`currency`]). A person's
//! profile is the whole person — the facts of every record linked to it, and its
//! career (see [`career`]) — whichever of its records was asked for.

pub mod career;
pub mod currency;
mod holders;
pub use career::Career;
pub use currency::{currency, AsOf, Later, Status};
pub use holders::Holders;

use crate::error::{Error, Result};
use crate::model::{Candidacy, Kind, Membership, Names, Record, Source, System, Tenure};
use crate::store::{Link, Records};
use serde::Serialize;

/// A tenure with the names of its office (for a person) or holder (for an office).
#[derive(Clone, Debug, Serialize)]
pub struct TenureLine {
    pub tenure: Tenure,
    pub status: Status,
    /// Where its sources' knowledge ends, when that is before today and the tenure
    /// had not ended by then (see [`currency`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AsOf>,
    /// What the store knows of the person after that (a person's profile).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub later: Vec<Later>,
    /// The office's name (in a person's profile) or the holder's (in an office's).
    pub name: Names,
}

#[derive(Clone, Debug, Serialize)]
pub struct MembershipLine {
    pub membership: Membership,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AsOf>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub later: Vec<Later>,
    /// The organization's name (person profile) or the member's (organization profile).
    pub name: Names,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CandidacyLine {
    pub candidacy: Candidacy,
    /// The election's name (person profile) or the candidate's (election profile).
    pub name: Names,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub election_date: Option<crate::model::PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<Names>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub party_aliases: Vec<String>,
    /// What `votes` counts: `votes`, or `first-preference votes` in an STV election.
    pub votes_unit: &'static str,
}

/// A decision that this person record is, or is not, the same person as another.
#[derive(Clone, Debug, Serialize)]
pub struct IdentityLine {
    pub with: String,
    pub name: Names,
    pub decision: crate::store::Decision,
}

/// Everything `show` prints about one record.
#[derive(Clone, Debug, Serialize)]
pub struct Profile {
    pub id: String,
    pub kind: Kind,
    pub record: Record,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tenures: Vec<TenureLine>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub memberships: Vec<MembershipLine>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidacies: Vec<CandidacyLine>,
    /// Other records of the same person (linked by `merge`, directly or through
    /// others), whose facts are included.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub same_as: std::collections::BTreeMap<String, Names>,
    /// The latest identity decision about this record and each other record:
    /// who decided, when and why (see [`crate::store::identity`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identity: Vec<IdentityLine>,
    /// The names of records this one points at (an office's organization, an election's body).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub related: std::collections::BTreeMap<String, Names>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// For a person: the career of the whole person (every record's facts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub career: Option<Career>,
}

/// One of several people a name matches, with what tells them apart.
#[derive(Clone, Debug, Serialize)]
pub struct Namesake {
    pub id: String,
    pub name: Names,
    /// Constituencies with the years contested there (`Agra 2009`).
    pub seats: Vec<String>,
    /// The first and last year of any election or office.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<(u16, u16)>,
    pub parties: Vec<String>,
    pub offices: Vec<Names>,
    pub records: usize,
}

impl Namesake {
    /// What tells the person `id` apart from namesakes.
    pub fn load(store: &dyn Records, id: &str) -> Result<Namesake> {
        let p = Profile::load(store, id)?;
        let Some(c) = p.career else {
            return Ok(Namesake {
                id: id.to_string(),
                name: p.record.name(),
                seats: Vec::new(),
                years: None,
                parties: Vec::new(),
                offices: Vec::new(),
                records: 1,
            });
        };
        let mut seats: Vec<(String, Vec<u16>)> = Vec::new();
        let mut years: Vec<u16> = Vec::new();
        for e in &c.elections {
            let seat = e
                .constituency
                .as_ref()
                .map(|n| n.best("en").to_string())
                .unwrap_or_else(|| e.name.best("en").to_string());
            let year = e.date.map(|d| d.year);
            years.extend(year);
            match seats
                .iter_mut()
                .find(|s| crate::analysis::filter_key(&s.0) == crate::analysis::filter_key(&seat))
            {
                Some(s) => s.1.extend(year),
                None => seats.push((seat, year.into_iter().collect())),
            }
        }
        for o in &c.offices {
            years.extend(o.start.map(|d| d.year));
            years.extend(o.end.map(|d| d.year));
        }
        let mut parties: Vec<String> = Vec::new();
        for s in &c.parties {
            if !parties.contains(&s.label) {
                parties.push(s.label.clone());
            }
        }
        let mut offices: Vec<Names> = Vec::new();
        for o in &c.offices {
            if !offices.contains(&o.name) {
                offices.push(o.name.clone());
            }
        }
        Ok(Namesake {
            id: c.person.clone(),
            name: c.name.clone(),
            seats: seats
                .into_iter()
                .map(|(seat, ys)| {
                    let ys: Vec<String> = ys.iter().map(u16::to_string).collect();
                    format!("{seat} {}", ys.join(", ")).trim().to_string()
                })
                .collect(),
            years: years
                .iter()
                .min()
                .zip(years.iter().max())
                .map(|(a, b)| (*a, *b)),
            parties,
            offices,
            records: c.records.len(),
        })
    }
}

fn names_of(store: &dyn Records, id: &str) -> Result<(Names, Vec<String>)> {
    Ok(match store.get(id)? {
        Some(r) => (r.name(), r.aliases().to_vec()),
        None => (Names::new([("en", id)]), Vec::new()),
    })
}

fn votes_unit(
    store: &dyn Records,
    election: &str,
) -> Result<(&'static str, Option<crate::model::PartialDate>, Names)> {
    Ok(match store.get_kind(Kind::Election, election)? {
        Some(Record::Election(e)) => (
            if e.system == Some(System::Stv) {
                "first-preference votes"
            } else {
                "votes"
            },
            e.date,
            e.name,
        ),
        _ => ("votes", None, Names::new([("en", election)])),
    })
}

/// A candidacy with the election's name (a person's profile) or, given `people`,
/// the candidate's record's name (an election's profile; the record is noted for
/// its person's Hindi name, which [`Profile::name_people`] sets).
fn candidacy_line(
    store: &dyn Records,
    c: Candidacy,
    people: Option<&mut crate::identity::HindiNames>,
) -> Result<CandidacyLine> {
    let (unit, date, election_name) = votes_unit(store, &c.election)?;
    let name = match people {
        Some(people) => {
            let record = store.get(&c.person)?;
            let name = match &record {
                Some(r) => r.name(),
                None => Names::new([("en", c.person.as_str())]),
            };
            if let Some(r) = &record {
                people.note(r);
            }
            name
        }
        None => election_name,
    };
    let (party, party_aliases) = match &c.party {
        Some(p) => {
            let (n, a) = names_of(store, p)?;
            (Some(n), a)
        }
        None => (None, Vec::new()),
    };
    Ok(CandidacyLine {
        candidacy: c,
        name,
        election_date: date,
        party,
        party_aliases,
        votes_unit: unit,
    })
}

impl Profile {
    /// Names in Hindi, as each person is named, the people the first `at_most`
    /// lines (all when `None`) of an office's, organization's or election's lists
    /// name: holders, members, candidates (NOTA is no person).
    fn name_people(
        &mut self,
        people: &mut crate::identity::HindiNames,
        at_most: Option<usize>,
    ) -> Result<()> {
        let n = at_most.unwrap_or(usize::MAX);
        for t in self.tenures.iter_mut().take(n) {
            people.fill(&t.tenure.person, &mut t.name)?;
        }
        for m in self.memberships.iter_mut().take(n) {
            people.fill(&m.membership.person, &mut m.name)?;
        }
        if self.kind == Kind::Election {
            for c in self.candidacies.iter_mut().take(n) {
                if c.candidacy.person != crate::import::build::candidates::NOTA_PERSON {
                    people.fill(&c.candidacy.person, &mut c.name)?;
                }
            }
        }
        Ok(())
    }

    /// Gathers the profile of the record `id`, every person it lists named in
    /// Hindi as the person is (see [`crate::identity::hindi`]).
    pub fn load(store: &dyn Records, id: &str) -> Result<Profile> {
        Profile::load_naming(store, id, None)
    }

    /// [`Profile::load`], naming in Hindi the people of only the first `at_most`
    /// lines of each list (tenures, memberships, candidacies) when given: a
    /// summary of an election of thousands of candidates shows the first few, and
    /// working out a person per line is most of the time such a profile takes.
    pub fn load_naming(store: &dyn Records, id: &str, at_most: Option<usize>) -> Result<Profile> {
        let record = store.get(id)?.ok_or_else(|| Error::not_found(id))?;
        let mut p = Profile {
            id: id.to_string(),
            kind: record.kind(),
            record: record.clone(),
            tenures: Vec::new(),
            memberships: Vec::new(),
            candidacies: Vec::new(),
            same_as: Default::default(),
            identity: Vec::new(),
            related: Default::default(),
            sources: Vec::new(),
            career: None,
        };
        let (tenure_link, membership_link, candidacy_link) = match record.kind() {
            Kind::Person => (
                Some(Link::TenureByPerson),
                Some(Link::MembershipByPerson),
                Some(Link::CandidacyByPerson),
            ),
            Kind::Office => (Some(Link::TenureByOffice), None, None),
            Kind::Organization => (
                None,
                Some(Link::MembershipByOrganization),
                Some(Link::CandidacyByParty),
            ),
            Kind::Election => (None, None, Some(Link::CandidacyByElection)),
            _ => (None, None, None),
        };
        let is_person = record.kind() == Kind::Person;
        // A merged person's timeline is the union of all its records' facts.
        let owners = if is_person {
            crate::identity::same_person(store, id)?
        } else {
            vec![id.to_string()]
        };
        // The person id and the records in id order, whichever record was asked for.
        let members = if is_person {
            crate::index::people::cluster(store, id)?
        } else {
            owners.clone()
        };
        // Each person another record names (an office's holders, an election's
        // candidates, a party's members) in Hindi as the person is named.
        let mut people = crate::identity::HindiNames::new(store);
        for other in owners.iter().skip(1) {
            p.same_as.insert(other.clone(), names_of(store, other)?.0);
        }
        if is_person {
            for (other, _, seq) in store.identity_links(id)? {
                if let Some(decision) = store.decision(seq)? {
                    let mut name = names_of(store, &other)?.0;
                    people.fill(&other, &mut name)?;
                    p.identity.push(IdentityLine {
                        name,
                        with: other,
                        decision,
                    });
                }
            }
        }
        let linked = |link: Link| -> Result<Vec<Record>> {
            let mut all = Vec::new();
            for owner in &owners {
                all.extend(store.linked_records(link, owner)?);
            }
            Ok(all)
        };
        let today = crate::model::PartialDate::today();
        let mut sources: std::collections::HashMap<String, Option<Source>> = Default::default();
        let mut knowledge = |ids: &[String]| -> Result<Option<AsOf>> {
            AsOf::of_sources(ids, |id| {
                if let Some(s) = sources.get(id) {
                    return Ok(s.clone());
                }
                let s = AsOf::from_store(store, id)?;
                sources.insert(id.to_string(), s.clone());
                Ok(s)
            })
        };
        if let Some(link) = tenure_link {
            for fact in linked(link)? {
                if let Record::Tenure(t) = fact {
                    let other = if is_person { &t.office } else { &t.person };
                    let k = knowledge(&t.sources)?;
                    let (status, as_of) = currency(t.end.as_ref(), t.ended, k.as_ref(), &today);
                    p.tenures.push(TenureLine {
                        status,
                        as_of,
                        later: Vec::new(),
                        name: names_of(store, other)?.0,
                        tenure: t,
                    });
                }
            }
            p.tenures.sort_by(|a, b| {
                (a.tenure.start, a.tenure.end).cmp(&(b.tenure.start, b.tenure.end))
            });
        }
        if let Some(link) = membership_link {
            for fact in linked(link)? {
                if let Record::Membership(m) = fact {
                    let other = if is_person {
                        &m.organization
                    } else {
                        &m.person
                    };
                    let (name, aliases) = names_of(store, other)?;
                    let k = knowledge(&m.sources)?;
                    let (status, as_of) = currency(m.end.as_ref(), false, k.as_ref(), &today);
                    p.memberships.push(MembershipLine {
                        status,
                        as_of,
                        later: Vec::new(),
                        name,
                        aliases,
                        membership: m,
                    });
                }
            }
            p.memberships.sort_by_key(|a| a.membership.start);
        }
        if let Some(link) = candidacy_link {
            let for_election = record.kind() == Kind::Election;
            for fact in linked(link)? {
                if let Record::Candidacy(c) = fact {
                    let candidate = for_election.then_some(&mut people);
                    p.candidacies.push(candidacy_line(store, c, candidate)?);
                }
            }
            if for_election {
                // The result table: most votes first; candidates without counts by rank, winners first.
                p.candidacies.sort_by(|a, b| {
                    let key = |l: &CandidacyLine| {
                        (
                            std::cmp::Reverse(l.candidacy.votes),
                            l.candidacy.rank.unwrap_or(u32::MAX),
                            l.candidacy.result != Some(crate::model::Outcome::Won),
                        )
                    };
                    key(a).cmp(&key(b))
                });
            } else {
                p.candidacies.sort_by_key(|a| a.election_date);
            }
        }
        if !is_person {
            p.name_people(&mut people, at_most)?;
        }
        for r in record.references() {
            if r.kind != Kind::Source {
                p.related.insert(r.id.to_string(), names_of(store, r.id)?.0);
            }
        }
        let mut source_ids: Vec<String> = record.sources().to_vec();
        for id in p
            .tenures
            .iter()
            .flat_map(|t| t.tenure.sources.iter())
            .chain(
                p.memberships
                    .iter()
                    .flat_map(|m| m.membership.sources.iter()),
            )
            .chain(
                p.candidacies
                    .iter()
                    .flat_map(|c| c.candidacy.sources.iter()),
            )
        {
            if !source_ids.contains(id) {
                source_ids.push(id.clone());
            }
        }
        for sid in source_ids {
            if let Some(Record::Source(s)) = store.get_kind(Kind::Source, &sid)? {
                p.sources.push(s);
            }
        }
        if is_person {
            let c = career::load(store, &members, &p.tenures, &p.memberships, &p.candidacies)?;
            // Beside a stale fact, what the store knows of the person after it.
            let offices: Vec<(Names, Option<crate::model::PartialDate>)> = c
                .offices
                .iter()
                .map(|o| (o.name.clone(), o.start))
                .collect();
            for t in &mut p.tenures {
                if let Some(k) = &t.as_of {
                    t.later = currency::later(&k.date, &c.elections, &offices);
                }
            }
            for m in &mut p.memberships {
                if let Some(k) = &m.as_of {
                    m.later = currency::later(&k.date, &c.elections, &offices);
                }
            }
            p.career = Some(c);
        }
        Ok(p)
    }
}
