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
//! a dataset changes nothing. What a person edited by hand (a native import names
//! the seat as a record of its own) is never merged into: explicit records win.
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
    at: HashMap<String, usize>,
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
        match self.at.get(id) {
            Some(&i) => {
                self.seats[i].2.absorb(&seat);
            }
            None => {
                self.at.insert(id.to_string(), self.seats.len());
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
