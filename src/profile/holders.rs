//! Who held an office, or who held it on a date: the answer `office` prints and
//! `serve` returns, worked out once for both.

use super::{currency, AsOf, Profile, TenureLine};
use crate::error::Result;
use crate::model::PartialDate;
use crate::store::Records;

/// The holders of one office, all of them or those on `at`.
pub struct Holders {
    /// The office's profile, its tenures cut to those covering `at` when given.
    pub profile: Profile,
    pub at: Option<PartialDate>,
    /// Tenures that would cover `at` but whose sources' knowledge ends before it:
    /// who held the office then is not known from them.
    pub unknown: Vec<(TenureLine, AsOf)>,
}

impl Holders {
    pub fn load(records: &dyn Records, id: &str, at: Option<PartialDate>) -> Result<Holders> {
        let mut profile = Profile::load(records, id)?;
        let mut unknown = Vec::new();
        if let Some(date) = &at {
            let mut kept = Vec::new();
            for t in std::mem::take(&mut profile.tenures) {
                if !date.within(t.tenure.start.as_ref(), t.tenure.end.as_ref()) {
                    continue;
                }
                let k = AsOf::of_sources(&t.tenure.sources, |s| AsOf::from_store(records, s))?;
                match k {
                    Some(k) if k.date.is_over_by(date) => {
                        match currency(t.tenure.end.as_ref(), t.tenure.ended, Some(&k), date) {
                            (_, Some(k)) => unknown.push((t, k)),
                            _ => kept.push(t),
                        }
                    }
                    _ => kept.push(t),
                }
            }
            profile.tenures = kept;
        }
        Ok(Holders {
            profile,
            at,
            unknown,
        })
    }

    /// Each source whose knowledge ends before the date, once.
    pub fn ends(&self) -> Vec<&AsOf> {
        let mut v: Vec<&AsOf> = self.unknown.iter().map(|(_, k)| k).collect();
        v.sort_by(|a, b| (&a.source, a.date).cmp(&(&b.source, b.date)));
        v.dedup_by(|a, b| a.source == b.source);
        v
    }

    /// The JSON shape of `office --json` and `/api/office`.
    pub fn to_json(&self) -> serde_json::Value {
        let last_known: Vec<serde_json::Value> = self
            .unknown
            .iter()
            .map(|(t, k)| serde_json::json!({ "tenure": t, "as_of": k }))
            .collect();
        serde_json::json!({
            "id": self.profile.id,
            "name": self.profile.record.name(),
            "at": self.at,
            "holders": self.profile.tenures,
            "knowledge_ends": self.ends(),
            "last_known": last_known,
        })
    }
}
