//! The secondary indexes: which facts belong to which person, office, election, party, seat.

use crate::model::{Kind, Record};

/// A secondary index from an entity to the facts that name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Link {
    TenureByPerson,
    TenureByOffice,
    MembershipByPerson,
    MembershipByOrganization,
    CandidacyByPerson,
    CandidacyByElection,
    CandidacyByParty,
    CandidacyBySeat,
}

impl Link {
    pub const ALL: [Link; 8] = [
        Link::TenureByPerson,
        Link::TenureByOffice,
        Link::MembershipByPerson,
        Link::MembershipByOrganization,
        Link::CandidacyByPerson,
        Link::CandidacyByElection,
        Link::CandidacyByParty,
        Link::CandidacyBySeat,
    ];

    pub fn tree_name(self) -> &'static str {
        match self {
            Link::TenureByPerson => "tenure_by_person",
            Link::TenureByOffice => "tenure_by_office",
            Link::MembershipByPerson => "membership_by_person",
            Link::MembershipByOrganization => "membership_by_organization",
            Link::CandidacyByPerson => "candidacy_by_person",
            Link::CandidacyByElection => "candidacy_by_election",
            Link::CandidacyByParty => "candidacy_by_party",
            Link::CandidacyBySeat => "candidacy_by_seat",
        }
    }

    /// The kind of fact this index lists.
    pub fn fact_kind(self) -> Kind {
        match self {
            Link::TenureByPerson | Link::TenureByOffice => Kind::Tenure,
            Link::MembershipByPerson | Link::MembershipByOrganization => Kind::Membership,
            Link::CandidacyByPerson
            | Link::CandidacyByElection
            | Link::CandidacyByParty
            | Link::CandidacyBySeat => Kind::Candidacy,
        }
    }

    /// The index entries a record contributes: (index, owner id).
    pub fn of(record: &Record) -> Vec<(Link, &str)> {
        match record {
            Record::Tenure(t) => vec![
                (Link::TenureByPerson, &t.person),
                (Link::TenureByOffice, &t.office),
            ],
            Record::Membership(m) => vec![
                (Link::MembershipByPerson, &m.person),
                (Link::MembershipByOrganization, &m.organization),
            ],
            Record::Candidacy(c) => {
                let mut v = vec![
                    (Link::CandidacyByPerson, &c.person),
                    (Link::CandidacyByElection, &c.election),
                ];
                if let Some(p) = &c.party {
                    v.push((Link::CandidacyByParty, p));
                }
                if let Some(s) = &c.seat {
                    v.push((Link::CandidacyBySeat, s));
                }
                v
            }
            _ => vec![],
        }
        .into_iter()
        .map(|(l, s)| (l, s.as_str()))
        .collect()
    }
}
