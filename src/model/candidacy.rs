//! Candidacies: a person standing for a seat, with votes, result, share and margin,
//! and the affidavit they filed.

use super::{Id, Names, PartialDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Won,
    Lost,
}

/// Who may stand for a seat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SeatType {
    /// Open to every candidate.
    #[serde(rename = "GEN")]
    General,
    /// Reserved for Scheduled Castes.
    #[serde(rename = "SC")]
    ScheduledCaste,
    /// Reserved for Scheduled Tribes.
    #[serde(rename = "ST")]
    ScheduledTribe,
}

impl SeatType {
    /// `GEN`, `SC`, `ST` (any case, spaces around ignored).
    pub fn parse(text: &str) -> Option<SeatType> {
        match text.trim().to_ascii_uppercase().as_str() {
            "GEN" | "GENERAL" => Some(SeatType::General),
            "SC" => Some(SeatType::ScheduledCaste),
            "ST" => Some(SeatType::ScheduledTribe),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SeatType::General => "GEN",
            SeatType::ScheduledCaste => "SC",
            SeatType::ScheduledTribe => "ST",
        }
    }
}

/// A percentage kept to two decimals (`47.58`), stored as hundredths so records
/// stay comparable for equality; written and read as a JSON number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(pub u32);

impl Percent {
    /// `47.58` → hundredths, rounded; `None` for a negative, over-100 or non-finite value.
    pub fn from_f64(value: f64) -> Option<Percent> {
        (value.is_finite() && (0.0..=100.0).contains(&value))
            .then(|| Percent((value * 100.0).round() as u32))
    }

    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 100.0
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

impl Serialize for Percent {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_f64())
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        Percent::from_f64(v).ok_or_else(|| {
            serde::de::Error::custom(format!("{v} is not a percentage between 0 and 100"))
        })
    }
}

/// A person standing in an election.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Candidacy {
    #[serde(default)]
    pub id: Id,
    pub person: Id,
    pub election: Id,
    /// The party that fielded the candidate (an organization id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Id>,
    /// The seat stood for (a seat id); `constituency` keeps the dataset's spelling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constituency: Option<Names>,
    /// Votes polled; first-preference votes in an STV election.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes: Option<u64>,
    /// Votes by how they were cast (`{"evm": 95680, "postal": 1064}`); `votes` is the total.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub vote_breakdown: BTreeMap<String, u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Outcome>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    /// The share of the seat's valid votes, as the dataset gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Percent>,
    /// Votes ahead of the candidate ranked next below (the runner-up, for a winner;
    /// 0 for the last — TCPD's convention).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<u64>,
    /// Whether the candidate forfeited the security deposit (under a sixth of the
    /// valid votes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deposit_lost: Option<bool>,
    /// Whether the seat was open to all or reserved for Scheduled Castes or Tribes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat_type: Option<SeatType>,
    /// The candidate's age at the election, as the results give it (an affidavit's
    /// declared age is `affidavit.age`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u16>,
    /// What the candidate declared in the affidavit filed for this election.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affidavit: Option<Affidavit>,
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    pub note: Names,
    /// The dataset's own spelling of values this record cleaned up or could not use
    /// (`{"constituency": "Araku ", "party": "SP", "age": "546"}`), kept for provenance.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub original: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
}

/// A candidate's sworn declaration (ADR / MyNeta summaries), as of `date`. Amounts
/// are in rupees. The candidacy's sources cite it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Affidavit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criminal_cases: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assets: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub liabilities: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_reads_and_writes_two_decimals_and_refuses_the_impossible() {
        let p: Percent = serde_json::from_str("47.58").unwrap();
        assert_eq!(p, Percent(4758));
        assert_eq!(serde_json::to_string(&p).unwrap(), "47.58");
        assert_eq!(p.to_string(), "47.58");
        assert_eq!(Percent(5).to_string(), "0.05");
        assert!(serde_json::from_str::<Percent>("100.5").is_err());
        assert!(serde_json::from_str::<Percent>("-1").is_err());
        assert_eq!(Percent::from_f64(f64::NAN), None);
    }

    #[test]
    fn seat_types_are_the_tcpd_codes() {
        assert_eq!(SeatType::parse(" sc "), Some(SeatType::ScheduledCaste));
        assert_eq!(SeatType::parse("GEN"), Some(SeatType::General));
        assert_eq!(SeatType::parse("OBC"), None);
        let c: Candidacy = serde_json::from_str(
            r#"{"person":"p","election":"e","seat_type":"ST","share":12.5,"margin":42}"#,
        )
        .unwrap();
        assert_eq!(c.seat_type, Some(SeatType::ScheduledTribe));
        assert_eq!((c.share, c.margin), (Some(Percent(1250)), Some(42)));
    }
}
