//! The date each dataset's knowledge ends (`Source.as_of`): worked out from an
//! import's own records, or stated where the data cannot say it.
//!
//! A dataset's last event — the last appointment or end of TCPD-ICoM, the last
//! election a results file holds — is where its knowledge ends: a tenure it gives
//! without an end is known to run only until then (see [`crate::profile::currency`]).

use super::{Batch, Parsed};
use crate::model::{PartialDate, Record};
use crate::store::Store;
use std::collections::HashMap;

/// The dates a record tells of: a tenure's or membership's start and end, an
/// election's date.
fn dates(r: &Record) -> [Option<PartialDate>; 2] {
    match r {
        Record::Tenure(t) => [t.start, t.end],
        Record::Membership(m) => [m.start, m.end],
        Record::Election(e) => [e.date, None],
        _ => [None, None],
    }
}

/// Sets `as_of` on every source record an importer made (the batch's defaults) that
/// does not state it: the latest date among the batch's records citing it (a
/// candidacy's date is its election's). Every default of one source gets the same
/// date, whichever file's default the plan keeps.
pub fn date_sources(batch: &mut Batch) {
    let mut latest: HashMap<String, PartialDate> = HashMap::new();
    let stated: Vec<(String, PartialDate)> = batch
        .defaults
        .iter()
        .filter_map(|p| match &p.record {
            Record::Source(s) => s.as_of.map(|a| (s.id.clone(), a)),
            _ => None,
        })
        .collect();
    if !batch
        .defaults
        .iter()
        .any(|p| matches!(&p.record, Record::Source(s) if s.as_of.is_none()))
    {
        return;
    }
    let election_dates: HashMap<&str, PartialDate> = batch
        .records
        .iter()
        .chain(&batch.defaults)
        .filter_map(|p| match &p.record {
            Record::Election(e) => e.date.map(|d| (e.id.as_str(), d)),
            _ => None,
        })
        .collect();
    let mut seen = |p: &Parsed| {
        let mut ds = dates(&p.record).to_vec();
        if let Record::Candidacy(c) = &p.record {
            ds.push(election_dates.get(c.election.as_str()).copied());
        }
        for d in ds.into_iter().flatten() {
            for s in p.record.sources() {
                let e = latest.entry(s.clone()).or_insert(d);
                if d > *e {
                    *e = d;
                }
            }
        }
    };
    batch.records.iter().for_each(&mut seen);
    batch.defaults.iter().for_each(&mut seen);
    latest.extend(stated);
    for p in &mut batch.defaults {
        if let Record::Source(s) = &mut p.record {
            if s.as_of.is_none() {
                s.as_of = latest.get(&s.id).copied();
            }
        }
    }
}

/// The stored sources an import's defaults know further than: the stored record
/// with the later `as_of` (a later file of a dataset — the 2025 results after the
/// 2024 ones — moves its knowledge on; an earlier one never moves it back).
pub fn widened(store: &Store, defaults: &[Parsed]) -> crate::error::Result<Vec<Parsed>> {
    let mut out: Vec<Parsed> = Vec::new();
    for d in defaults {
        let Record::Source(new) = &d.record else {
            continue;
        };
        let Some(as_of) = new.as_of else { continue };
        if let Some(p) = out.iter_mut().find(|p| p.record.id() == new.id) {
            if let Record::Source(s) = &mut p.record {
                s.as_of = s.as_of.max(Some(as_of));
            }
            continue;
        }
        if let Some(Record::Source(mut stored)) =
            store.get_kind(crate::model::Kind::Source, &new.id)?
        {
            if stored.as_of.is_none_or(|a| a < as_of) {
                stored.as_of = Some(as_of);
                out.push(Parsed {
                    file: d.file.clone(),
                    line: d.line,
                    record: Record::Source(stored),
                });
            }
        }
    }
    Ok(out)
}
