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
                // `2024` reaches further than `2024-01-05`: dates compare by the last
                // day they can mean.
                let e = latest.entry(s.clone()).or_insert(d);
                if d.last_day() > e.last_day() {
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
                if s.as_of.is_none_or(|a| a.last_day() < as_of.last_day()) {
                    s.as_of = Some(as_of);
                }
            }
            continue;
        }
        if let Some(Record::Source(mut stored)) =
            store.get_kind(crate::model::Kind::Source, &new.id)?
        {
            if stored.as_of.is_none_or(|a| a.last_day() < as_of.last_day()) {
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

#[cfg(test)]
mod tests {
    use crate::import::read_files_as;
    use crate::import::sources::{knowledge_ends, short_name};
    use crate::model::{PartialDate, Record, Source};
    use std::path::Path;

    fn source_as_of(file: &str) -> Option<PartialDate> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let (batch, _) = read_files_as(&[path.as_path()], None);
        assert!(batch.problems.is_empty(), "{:?}", batch.problems);
        let sources: Vec<&Source> = batch
            .defaults
            .iter()
            .filter_map(|p| match &p.record {
                Record::Source(s) => Some(s),
                _ => None,
            })
            .collect();
        assert_eq!(sources.len(), 1);
        sources[0].as_of
    }

    #[test]
    fn a_datasets_knowledge_ends_at_its_last_date() {
        // The Modi/Irani rows of TCPD-ICoM: the last appointment_end is 2021-07-07.
        assert_eq!(
            source_as_of("tests/fixtures/tcpd-cabinet/modi-irani.csv").map(|d| d.to_string()),
            Some("2021-07-07".into())
        );
        // Lok Dhaba's Amethi 2019 rows and the Tirupati bye-election of 2021.
        assert_eq!(
            source_as_of("tests/fixtures/tcpd-lokdhaba/ge-incumbency-17.csv").map(|d| d.year),
            Some(2021)
        );
        // TCPD-IAS says 1951-2020; its rows' dates are postings' planned ends.
        assert_eq!(
            source_as_of("tests/fixtures/tcpd-ias/ias-profile-slice.csv"),
            Some(PartialDate::year(2020))
        );
    }

    #[test]
    fn a_year_reaches_further_than_a_day_within_it() {
        // ADR: the 2024 Lok Sabha election (a year) and a bye-election of 2024-01-05.
        let mut batch = crate::import::Batch::default();
        for json in [
            r#"{"type":"source","id":"src-adr-affidavits","title":"ADR"}"#,
            r#"{"type":"election","id":"lok-sabha-2024","name":{"en":"2024"},"date":"2024","sources":["src-adr-affidavits"]}"#,
            r#"{"type":"election","id":"bye","name":{"en":"bye"},"date":"2024-01-05","sources":["src-adr-affidavits"]}"#,
        ] {
            let r: Record = serde_json::from_str(json).unwrap();
            batch.default_record("f", 1, r);
        }
        super::date_sources(&mut batch);
        let Record::Source(s) = &batch.defaults[0].record else {
            panic!("the source is the first default");
        };
        assert_eq!(s.as_of, Some(PartialDate::year(2024)));
    }

    #[test]
    fn an_undated_source_falls_back_to_its_dataset_then_its_own_date() {
        let bare = |id: &str| Source {
            id: id.into(),
            title: "UP News: राज्यसभा चुनाव में मिली हार पर आलोक रंजन ने तोड़ी चुप्पी".into(),
            publisher: None,
            url: None,
            date: None,
            as_of: None,
            language: None,
            licence: None,
            file: None,
            text: None,
        };
        // TCPD-CMID_1962_2022.csv's last Start_Date/End_Date.
        assert_eq!(
            knowledge_ends(&bare("src-tcpd-cm")).map(|d| d.to_string()),
            Some("2022-03-28".into())
        );
        assert_eq!(short_name(&bare("src-tcpd-cm")), "TCPD-CM");
        assert_eq!(
            knowledge_ends(&bare("src-popolo-lok-sabha-16")).map(|d| d.to_string()),
            Some("2019-05".into())
        );
        assert_eq!(knowledge_ends(&bare("a-report")), None);
        let dated = Source {
            date: Some(PartialDate::year(2024)),
            ..bare("a-report")
        };
        assert_eq!(knowledge_ends(&dated), Some(PartialDate::year(2024)));
        assert_eq!(short_name(&dated), "UP News");
    }
}
