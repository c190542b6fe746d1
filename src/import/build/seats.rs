//! The seat records a results or affidavit dataset adds: one per constituency, named
//! by [`crate::domain::seats::seat_id`] so every dataset meets at the same record.
//!
//! How a later dataset's spelling reaches a seat: a seat is a *merged default*
//! ([`crate::import::Batch::default_record`]). Like a party, it is created where
//! absent; unlike one, when the store (or an earlier file of the same import)
//! already holds it, [`crate::import::plan`] folds the new record into the stored
//! one with [`Seat::absorb`] — new spellings become aliases, fields the stored
//! record lacks (number, type, district, a Hindi name) are filled, nothing it says
//! is replaced — and writes it only if that added something. The write goes through
//! the store's normal path, so the earlier version stays in the history. It costs
//! one read per seat an import names (543 for a general election), and re-importing
//! a dataset changes nothing. A seat a native file names is taken as written
//! (explicit records win over defaults); later dataset imports only add to it.
//!
//! Within one dataset the latest election's rows say the seat's type, number and
//! district (reservations and numbers changed with the 2008 delimitation); each
//! candidacy keeps its own election's `seat_type`.
//!
//! Seats sharing a name in one election and state (Bihar's two Kalyanpurs) are two
//! seats: when the rows of one election give one seat id different numbers (or
//! districts), each id gets its number (`vidhan-sabha-bihar-seat-kalyanpur-16`).

use super::candidates::{real_district, Candidate};
use crate::domain::seats::{bare_name, seat_id, seat_type};
use crate::import::{clean, Batch};
use crate::model::{Names, Record, Seat};
use std::collections::{HashMap, HashSet};

/// The seats of one build, in the order rows first name them.
#[derive(Default)]
pub struct Seats {
    seats: Vec<(Option<String>, usize, Seat)>,
    /// Each seat's place in `seats` and the year of the election that set its type.
    at: HashMap<String, (usize, u16)>,
}

impl Seats {
    /// Adds the seat of every row; returns each row's seat id.
    pub fn add_rows(
        &mut self,
        rows: &[Candidate],
        election_ids: &[String],
        source: &str,
    ) -> Vec<String> {
        let base: Vec<String> = rows
            .iter()
            .map(|r| {
                let state = r.state.as_ref().map(|p| p.slug.as_str());
                seat_id(
                    &r.election.house.body_id(),
                    state,
                    bare_name(&r.constituency),
                )
            })
            .collect();
        let tell = |r: &Candidate| -> Option<String> {
            r.number
                .clone()
                .or_else(|| real_district(r).map(clean::slug))
                .filter(|t| !t.is_empty())
        };
        let mut tellers: HashMap<(&str, &str), HashSet<Option<String>>> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            tellers
                .entry((&election_ids[i], &base[i]))
                .or_default()
                .insert(tell(r));
        }
        let mut ids = Vec::with_capacity(rows.len());
        for (i, r) in rows.iter().enumerate() {
            let shared = tellers[&(election_ids[i].as_str(), base[i].as_str())].len() > 1;
            let id = match tell(r).filter(|_| shared) {
                Some(t) => format!("{}-{t}", base[i]),
                None => base[i].clone(),
            };
            self.add(r, &id, source);
            ids.push(id);
        }
        ids
    }

    fn add(&mut self, r: &Candidate, id: &str, source: &str) {
        let written = r
            .original
            .get("constituency")
            .map_or(r.constituency.as_str(), String::as_str);
        let mut seat = Seat {
            id: id.to_string(),
            name: Names::new([("en", bare_name(&r.constituency))]),
            body: r.election.house.body_id(),
            state: r.state.as_ref().map(|p| {
                let mut n = Names::new([("en", p.en.as_str())]);
                if let Some(hi) = &p.hi {
                    n.0.insert("hi".into(), hi.clone());
                }
                n
            }),
            number: r
                .number
                .as_deref()
                .and_then(|n| n.parse().ok())
                .filter(|n| *n > 0),
            seat_type: r.seat_type.or_else(|| seat_type(written)),
            district: real_district(r).map(clean::title_case),
            sources: vec![source.to_string()],
            aliases: Vec::new(),
        };
        seat.add_alias(written);
        let year = r.election.year;
        match self.at.get_mut(id) {
            Some((i, set_in)) => {
                let known = &mut self.seats[*i].2;
                if year > *set_in {
                    *set_in = year;
                    known.seat_type = seat.seat_type.or(known.seat_type);
                    known.number = seat.number.or(known.number);
                    known.district = seat.district.clone().or(known.district.take());
                }
                known.absorb(&seat);
            }
            None => {
                self.at.insert(id.to_string(), (self.seats.len(), year));
                self.seats.push((r.file.clone(), r.line, seat));
            }
        }
    }

    /// Hands the seats to `batch` as merged defaults, at the row that first named each.
    pub fn into_defaults(self, file: &str, batch: &mut Batch) {
        for (row_file, line, seat) in self.seats {
            let file = row_file.as_deref().unwrap_or(file);
            batch.default_record(file, line, Record::Seat(seat));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::legislatures::{ElectionKey, House};
    use crate::domain::states::Place;
    use crate::import::build::candidates::Entrant;
    use crate::model::SeatType;

    fn row(year: u16, state: &str, constituency: &str, number: Option<&str>) -> Candidate {
        let entrant = Entrant {
            name: "A".into(),
            aliases: vec![],
            party: None,
            nota: false,
            constituency: constituency.into(),
            original: Default::default(),
        };
        let place = Place::from_name(state).expect("a state");
        Candidate {
            state: Some(place.clone()),
            number: number.map(str::to_string),
            ..Candidate::new(
                1,
                ElectionKey::general(House::VidhanSabha(place), year),
                entrant,
            )
        }
    }

    /// Kalyanpur, Bihar, 2025: seats 16 and 131 in india-votes' `2025Assembly-BR.csv`
    /// (`KALYANPUR,16` and `KALYANPUR,131`) are two seats; a Kalyanpur of another
    /// election without a number is neither.
    #[test]
    fn seats_sharing_a_name_in_one_election_stay_two() {
        let rows = vec![
            row(2025, "Bihar", "Kalyanpur", Some("16")),
            row(2025, "Bihar", "Kalyanpur", Some("131")),
            row(2010, "Bihar", "Kalyanpur", None),
        ];
        let elections: Vec<String> = rows.iter().map(|r| r.election.id()).collect();
        let mut seats = Seats::default();
        let ids = seats.add_rows(&rows, &elections, "src");
        assert_eq!(
            ids,
            [
                "vidhan-sabha-bihar-seat-kalyanpur-16",
                "vidhan-sabha-bihar-seat-kalyanpur-131",
                "vidhan-sabha-bihar-seat-kalyanpur"
            ]
        );
        assert_eq!(seats.seats.len(), 3);
    }

    /// The latest election's rows give the type and number; every spelling stays.
    #[test]
    fn the_latest_election_says_the_type() {
        let mut rows = vec![
            row(2004, "Kerala", "ALATHUR", Some("7")),
            row(2009, "Kerala", "Alathur (SC)", Some("9")),
        ];
        rows[0].seat_type = Some(SeatType::General);
        let elections: Vec<String> = rows.iter().map(|r| r.election.id()).collect();
        let mut seats = Seats::default();
        let ids = seats.add_rows(&rows, &elections, "src");
        assert_eq!(ids[0], ids[1]);
        let seat = &seats.seats[0].2;
        assert_eq!(seat.seat_type, Some(SeatType::ScheduledCaste));
        assert_eq!(seat.number, Some(9));
        assert_eq!(seat.name.get("en"), Some("ALATHUR"));
        assert_eq!(seat.aliases, ["Alathur", "Alathur (SC)"]);
    }
}
