//! One Lok Dhaba row read by column name: the election it belongs to, the seat, the
//! candidate's name (honorifics off, a father's or husband's name split out), and
//! the result as TCPD gives it. Either shape of the data reads the same: the
//! incumbency files and TCPD's full download share these column names.

use crate::domain::legislatures::{ElectionKey, House};
use crate::domain::states::Place;
use crate::error::Problem;
use crate::import::build::candidates::{self, Candidate, Entrant, Votes};
use crate::import::build::names;
use crate::import::{clean, table};
use crate::model::{Gender, Percent, SeatType};
use std::collections::BTreeMap;

/// Columns every shape has; together with the house they are what a candidacy is
/// known by across the files.
pub const REQUIRED: &[&str] = &[
    "Assembly_No",
    "Poll_No",
    "Year",
    "Candidate",
    "State_Name",
    "Constituency_Name",
    "Party",
    "Votes",
    "Position",
];

/// A row read: the candidate for the builder, and what places it in a term. The
/// candidate's election is the general election of `year` until
/// [`super::election_keys`] knows the term.
#[derive(Clone, Debug)]
pub struct Row {
    pub assembly: u16,
    pub poll: u16,
    pub year: u16,
    pub candidate: Candidate,
}

impl Row {
    pub fn house(&self) -> &House {
        &self.candidate.election.house
    }

    /// Whether this row is a bye-election: `Poll_No` above 0, and the Lok Sabha
    /// rows of 2020 on (held during the 17th Lok Sabha's term).
    pub fn is_bye(&self) -> bool {
        self.poll > 0
            || (*self.house() == House::LokSabha && self.assembly == 17 && self.year >= 2020)
    }
}

/// Which house a file's rows fill: the full download says so in `Election_Type`
/// (`Lok Sabha Election (GE)`, `State Assembly Election (AE)`); the incumbency
/// files in their name (`ge-…` is the Lok Sabha).
pub fn is_lok_sabha(file: &str, election_type: &str) -> bool {
    let t = election_type.trim().to_uppercase();
    if !t.is_empty() {
        return t.contains("(GE") || t.contains("LOK SABHA") || t == "GE";
    }
    let name = clean::file_name(file).to_lowercase();
    name.starts_with("ge-")
        || name
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "ge")
}

/// Reads one row; every problem names the line and column.
pub fn read(file: &str, r: &table::Row, lok_sabha: bool) -> Result<Row, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut original = BTreeMap::new();
    let whole = |column: &str, problems: &mut Vec<Problem>| -> Option<u64> {
        clean::number(r.raw(column))
            .map_err(|m| problems.push(r.problem(file, column, m)))
            .ok()
            .flatten()
    };
    let small = |column: &str, problems: &mut Vec<Problem>| -> Option<u16> {
        whole(column, problems).and_then(|v| {
            u16::try_from(v)
                .map_err(|_| problems.push(r.problem(file, column, format!("`{v}` is too large"))))
                .ok()
        })
    };
    let assembly = small("Assembly_No", &mut problems);
    let poll = small("Poll_No", &mut problems).unwrap_or(0);
    let year = names::year(r.raw("Year"))
        .map_err(|m| problems.push(r.problem(file, "Year", m)))
        .ok();
    let state = Place::from_name(&r.raw("State_Name").replace('_', " "));
    if state.is_none() {
        problems.push(r.problem(file, "State_Name", "is empty"));
    }
    let raw_constituency = r.raw("Constituency_Name");
    let constituency = names::constituency_name(raw_constituency);
    if constituency.is_empty() {
        problems.push(r.problem(file, "Constituency_Name", "is empty"));
    } else if constituency != raw_constituency {
        original.insert("constituency".into(), raw_constituency.to_string());
    }
    let written = names::tidy(r.raw("Candidate"));
    let (bare, relative) = split_relative(&written);
    let (name, mut aliases) = names::candidate_name(&bare);
    if name.is_empty() {
        problems.push(r.problem(file, "Candidate", "is empty: every row names its candidate"));
    }
    aliases.retain(|a| *a != written && *a != bare);
    if written != name {
        aliases.insert(0, written.clone());
        original.insert("candidate".into(), written.clone());
    }
    let votes = match r.raw("Votes").trim() {
        // TCPD writes -1 where the count is not known.
        "-1" => None,
        _ => whole("Votes", &mut problems),
    };
    let position = whole("Position", &mut problems).and_then(|p| u32::try_from(p).ok());
    let share = match clean::text(r.raw("Vote_Share_Percentage")) {
        None => None,
        Some(t) => match t.parse::<f64>().ok().and_then(Percent::from_f64) {
            Some(p) => Some(p),
            None => {
                problems.push(r.problem(
                    file,
                    "Vote_Share_Percentage",
                    format!("`{t}` is not a percentage between 0 and 100"),
                ));
                None
            }
        },
    };
    let margin = whole("Margin", &mut problems);
    let age = small("Age", &mut problems);
    let valid = whole("Valid_Votes", &mut problems);
    let deposit_lost = match r.raw("Deposit_Lost").trim().to_lowercase().as_str() {
        "yes" | "true" | "1" => Some(true),
        "no" | "false" | "0" => Some(false),
        _ => derived_deposit(position, votes, valid, share),
    };
    let mut keep = |key: &str, column: &str| {
        if let Some(t) = clean::text(r.raw(column)) {
            original.insert(key.into(), t);
        }
    };
    let sex = match r.raw("Sex").trim().to_uppercase().as_str() {
        "M" | "MALE" => Some(Gender::Male),
        "F" | "FEMALE" => Some(Gender::Female),
        "O" | "THIRD" | "TG" => Some(Gender::Other),
        _ => {
            keep("sex", "Sex");
            None
        }
    };
    let seat_type = SeatType::parse(r.raw("Constituency_Type"));
    if seat_type.is_none() {
        keep("seat_type", "Constituency_Type");
    }
    let (father, husband) = match relative {
        Some(Relative::Father(f)) => (Some(f), None),
        Some(Relative::Husband(h)) => (None, Some(h)),
        None => (None, None),
    };
    if let Some(h) = husband {
        original.insert("husband".into(), h);
    }
    let party = clean::text(r.raw("Party"));
    if let Some(p) = &party {
        original.insert("party".into(), p.clone());
    }
    let (Some(assembly), Some(year), Some(state)) = (assembly, year, state) else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let house = if lok_sabha {
        House::LokSabha
    } else {
        House::VidhanSabha(state.clone())
    };
    let entrant = Entrant {
        name,
        aliases,
        party,
        nota: false,
        constituency,
        original,
    };
    let c = Candidate::new(r.line, ElectionKey::general(house, year), entrant);
    let candidate = Candidate {
        state: Some(state),
        number: None,
        // A later poll of one seat in one election is a seat of its own (Fatehpur,
        // Uttar Pradesh, voted twice in 2014): the poll tells them apart.
        district: (poll > 0).then(|| candidates::poll_district(poll)),
        seat_type,
        person: None,
        votes: votes.map_or(Votes::Unknown, |total| Votes::Counted {
            total,
            evm: None,
            postal: None,
        }),
        rank: position,
        winner: position.map(|p| p == 1),
        share,
        margin,
        deposit_lost,
        age,
        sex,
        identifiers: clean::text(r.raw("pid"))
            .map(|pid| BTreeMap::from([("tcpd_pid".to_string(), pid)]))
            .unwrap_or_default(),
        father,
        ..c
    };
    Ok(Row {
        assembly,
        poll,
        year,
        candidate,
    })
}

/// A candidate forfeits the deposit with under a sixth of the valid votes, unless
/// elected. Without `Valid_Votes` the share (rounded to hundredths) stands in.
fn derived_deposit(
    position: Option<u32>,
    votes: Option<u64>,
    valid: Option<u64>,
    share: Option<Percent>,
) -> Option<bool> {
    if position == Some(1) {
        return Some(false);
    }
    match (votes, valid, share) {
        (Some(v), Some(all), _) if all > 0 => Some(v * 6 < all),
        (_, _, Some(p)) => Some(u64::from(p.0) * 6 < 10_000),
        _ => None,
    }
}

/// A candidate's relation named after the name: `S/O`, `D/O` (a father) or `W/O`
/// (a husband).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Relative {
    Father(String),
    Husband(String),
}

/// Splits `RAM CHAND S/O MOHANA RAM` into the name and the relative it names. The
/// mark must stand after a name and before one (`S.O. ALI` and `T. S. O.` are
/// initials, not marks); `S/O`, `S\O`, `S/0`, `S/ O`, `S/O.`, `SON OF`, `D/O`,
/// `DAUGHTER OF`, `W/O` and `WIFE OF` are met in the data.
pub fn split_relative(written: &str) -> (String, Option<Relative>) {
    let upper = written.to_uppercase();
    const MARKS: &[(&str, bool)] = &[
        (" S/O", true),
        (" S\\O", true),
        (" S/0", true),
        (" S/ O", true),
        (" SON OF ", true),
        (" D/O", true),
        (" D/0", true),
        (" DAUGHTER OF ", true),
        (" W/O", false),
        (" W/0", false),
        (" WIFE OF ", false),
    ];
    for (mark, father) in MARKS {
        let Some(at) = upper.find(mark) else { continue };
        let after = &written[at + mark.len()..];
        // The mark ends at a space or a dot: `S/OMPRAKASH` is not a mark.
        if !(mark.ends_with(' ') || after.starts_with([' ', '.'])) {
            continue;
        }
        let other = after.trim_start_matches(['.', ' ']).trim();
        let name = written[..at].trim().trim_end_matches(',').trim();
        if other.is_empty() || name.is_empty() {
            continue;
        }
        let other = clean::person_name(other);
        return (
            name.to_string(),
            Some(if *father {
                Relative::Father(other)
            } else {
                Relative::Husband(other)
            }),
        );
    }
    (written.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fathers_and_husbands_come_off_the_name() {
        let f = |s: &str| split_relative(s);
        assert_eq!(
            f("MULAYAM SINGH YADAV S/O SUDHAR SINGH"),
            (
                "MULAYAM SINGH YADAV".into(),
                Some(Relative::Father("Sudhar Singh".into()))
            )
        );
        assert_eq!(
            f("RANJIT SINGH S\\O DEVI LAL").1,
            Some(Relative::Father("Devi Lal".into()))
        );
        assert_eq!(
            f("RAMSHANKER S/O. MAHADEO"),
            (
                "RAMSHANKER".into(),
                Some(Relative::Father("Mahadeo".into()))
            )
        );
        assert_eq!(
            f("RAM CHAND S/ O MOHANA RAM").1,
            Some(Relative::Father("Mohana Ram".into()))
        );
        assert_eq!(
            f("Dharambir Singh S/0 Fateh Singh").1,
            Some(Relative::Father("Fateh Singh".into()))
        );
        assert_eq!(
            f("SATNAM SINGH SON OF BALWANT SINGH").1,
            Some(Relative::Father("Balwant Singh".into()))
        );
        assert_eq!(
            f("SANTOSH D/O BHAGWAN SINGH").1,
            Some(Relative::Father("Bhagwan Singh".into()))
        );
        assert_eq!(
            f("GAYATRI DEVI W/O SAWAI MANSINGH"),
            (
                "GAYATRI DEVI".into(),
                Some(Relative::Husband("Sawai Mansingh".into()))
            )
        );
        // Initials and abbreviations that look like marks are names.
        for s in [
            "S.O. ALI",
            "PADMANABHAN, S.O.",
            "ABDUL CADIR, T. S. O.",
            "Deep Chand Ram Urf B.D.O Sahab",
            "SHAH DHIRAJLAL OTTAMCHAND (D.O. SHAH)",
        ] {
            assert_eq!(f(s), (s.to_string(), None), "{s}");
        }
    }

    #[test]
    fn the_house_comes_from_the_election_type_or_the_file_name() {
        assert!(is_lok_sabha("x/ge-incumbency-17.csv", ""));
        assert!(!is_lok_sabha("x/up-incumbency-17.csv", ""));
        assert!(is_lok_sabha("All_States_GE.csv", ""));
        assert!(is_lok_sabha("a.csv", "Lok Sabha Election (GE)"));
        assert!(!is_lok_sabha("ge-x.csv", "State Assembly Election (AE)"));
        assert!(!is_lok_sabha("Uttar_Pradesh_AE.csv", ""));
    }

    #[test]
    fn deposits_follow_a_sixth_of_the_valid_votes_and_winners_keep_theirs() {
        let p = |x: f64| Percent::from_f64(x);
        assert_eq!(derived_deposit(Some(3), None, None, p(16.66)), Some(true));
        assert_eq!(derived_deposit(Some(3), None, None, p(16.67)), Some(false));
        assert_eq!(
            derived_deposit(Some(2), Some(99), Some(600), p(16.67)),
            Some(true)
        );
        assert_eq!(derived_deposit(Some(1), None, None, p(5.0)), Some(false));
        assert_eq!(derived_deposit(Some(4), None, None, None), None);
    }
}
