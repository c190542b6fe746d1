//! Whether a fact is current: the one place "current", "former" and "as of" are
//! decided. `show`, `office` and the index's "former"/"current" words all ask
//! [`currency`].
//!
//! A tenure or membership without an end is current only while the knowledge of
//! the source that gives it reaches today: TCPD-ICoM ends in July 2021, so its
//! open tenures are "since 2019-05-30, as of 2021-07-07 (TCPD-ICoM)", never a bare
//! "current".

use super::career::Contest;
use crate::error::Result;
use crate::model::{Kind, Names, Outcome, PartialDate, Record, Source};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not over today, from a source whose knowledge reaches today (or an undated
    /// source: a person's own records).
    Current,
    /// Over by today.
    Former,
    /// Not over when its source's knowledge ends, before today: what happened
    /// after is not known from it (see [`AsOf`]).
    AsOf,
}

/// Where the knowledge of a fact ends: the date, and the source that says so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AsOf {
    pub date: PartialDate,
    pub source: String,
    /// The source's short name: `TCPD-ICoM`.
    pub dataset: String,
}

impl AsOf {
    /// The knowledge of a source: its `as_of` (see
    /// [`crate::import::sources::knowledge_ends`]).
    pub fn of_source(s: &Source) -> Option<AsOf> {
        crate::import::sources::knowledge_ends(s).map(|date| AsOf {
            date,
            source: s.id.clone(),
            dataset: crate::import::sources::short_name(s),
        })
    }

    /// The furthest knowledge among the sources `ids` (looked up by `source`);
    /// `None` when none of them has a date.
    pub fn of_sources(
        ids: &[String],
        mut source: impl FnMut(&str) -> Result<Option<Source>>,
    ) -> Result<Option<AsOf>> {
        let mut best: Option<AsOf> = None;
        for id in ids {
            if let Some(k) = source(id)?.as_ref().and_then(AsOf::of_source) {
                if best
                    .as_ref()
                    .is_none_or(|b| k.date.last_day() > b.date.last_day())
                {
                    best = Some(k);
                }
            }
        }
        Ok(best)
    }

    /// The source `id` from the store.
    pub fn from_store(store: &dyn crate::store::Records, id: &str) -> Result<Option<Source>> {
        Ok(match store.get_kind(Kind::Source, id)? {
            Some(Record::Source(s)) => Some(s),
            _ => None,
        })
    }
}

/// Whether a period ending at `end` (or `ended` on an unknown date) is current on
/// `today`, given what its sources know (`knowledge`). Returns the status and, when
/// it is [`Status::AsOf`], where the knowledge ends.
pub fn currency(
    end: Option<&PartialDate>,
    ended: bool,
    knowledge: Option<&AsOf>,
    today: &PartialDate,
) -> (Status, Option<AsOf>) {
    if ended || end.is_some_and(|e| e.is_over_by(today)) {
        return (Status::Former, None);
    }
    match knowledge {
        Some(k) if k.date.is_over_by(today) => (Status::AsOf, Some(k.clone())),
        _ => (Status::Current, None),
    }
}

/// "since 2019-05-30, as of 2021-07-07 (TCPD-ICoM)" / "30 मई 2019 से, 7 जुलाई 2021 तक
/// की जानकारी (TCPD-ICoM)": a period whose end is not known.
pub fn as_of_text(start: Option<&PartialDate>, k: &AsOf, lang: &str) -> String {
    let hi = crate::i18n::Lang::Hi;
    match (lang, start) {
        ("hi", Some(s)) => format!(
            "{} से, {} तक की जानकारी ({})",
            hi.date(s),
            hi.date(&k.date),
            k.dataset
        ),
        ("hi", None) => format!("{} तक की जानकारी ({})", hi.date(&k.date), k.dataset),
        (_, Some(s)) => format!("since {s}, as of {} ({})", k.date, k.dataset),
        (_, None) => format!("as of {} ({})", k.date, k.dataset),
    }
}

/// What the store knows of the person after a source's knowledge ends: an election
/// contested or an office taken later, shown beside the stale fact.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Later {
    pub date: PartialDate,
    /// The election's or the office's name.
    pub what: Names,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seat: Option<Names>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Outcome>,
}

impl Later {
    /// "lost Amethi, 2024 Lok Sabha election" / "हारे Amethi, लोक सभा चुनाव 2024".
    pub fn text(&self, lang: &str) -> String {
        let mut head = Vec::new();
        match (self.result, lang) {
            (Some(Outcome::Won), "hi") => head.push("जीते".to_string()),
            (Some(Outcome::Lost), "hi") => head.push("हारे".to_string()),
            (Some(Outcome::Won), _) => head.push("won".to_string()),
            (Some(Outcome::Lost), _) => head.push("lost".to_string()),
            (None, "hi") => head.push("लड़े".to_string()),
            (None, _) if self.seat.is_some() => head.push("stood in".to_string()),
            (None, _) => {}
        }
        if let Some(s) = &self.seat {
            head.push(s.best(lang).to_string());
        }
        let what = self.what.best(lang);
        if head.is_empty() && lang == "hi" {
            format!("{what}, {} से", crate::i18n::Lang::Hi.date(&self.date))
        } else if head.is_empty() {
            format!("{what}, from {}", self.date)
        } else {
            format!("{}, {what}", head.join(" "))
        }
    }
}

/// The contests and offices dated after `after`, in time order.
pub fn later(
    after: &PartialDate,
    contests: &[Contest],
    offices: &[(Names, Option<PartialDate>)],
) -> Vec<Later> {
    let mut out: Vec<Later> = contests
        .iter()
        .filter_map(|c| {
            let d = c.date.filter(|d| d.first_day() > after.last_day())?;
            Some(Later {
                date: d,
                what: c.name.clone(),
                seat: c.constituency.clone(),
                result: c.result,
            })
        })
        .collect();
    out.extend(offices.iter().filter_map(|(name, start)| {
        let d = start.filter(|d| d.first_day() > after.last_day())?;
        Some(Later {
            date: d,
            what: name.clone(),
            seat: None,
            result: None,
        })
    }));
    out.sort_by_key(|l| l.date);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn icom() -> AsOf {
        AsOf {
            date: d("2021-07-07"),
            source: "src-tcpd-cabinet".into(),
            dataset: "TCPD-ICoM".into(),
        }
    }

    #[test]
    fn an_open_tenure_from_a_dataset_that_ended_is_as_of_its_end() {
        let (s, k) = currency(None, false, Some(&icom()), &d("2025-06-01"));
        assert_eq!(s, Status::AsOf);
        assert_eq!(k.unwrap().dataset, "TCPD-ICoM");
        assert_eq!(
            as_of_text(Some(&d("2019-05-30")), &icom(), "en"),
            "since 2019-05-30, as of 2021-07-07 (TCPD-ICoM)"
        );
    }

    #[test]
    fn an_open_tenure_is_current_while_its_source_knows_today() {
        // On 2021-03-01 TCPD-ICoM (to 2021-07-07) still knows the day.
        assert_eq!(
            currency(None, false, Some(&icom()), &d("2021-03-01")),
            (Status::Current, None)
        );
        // A source of unknown date (a person's own records): current.
        assert_eq!(
            currency(None, false, None, &d("2025-06-01")),
            (Status::Current, None)
        );
        // A year-long knowledge covers the whole year.
        let year = AsOf {
            date: d("2024"),
            ..icom()
        };
        assert_eq!(
            currency(None, false, Some(&year), &d("2024-12-31")).0,
            Status::Current
        );
        assert_eq!(
            currency(None, false, Some(&year), &d("2025-01-01")).0,
            Status::AsOf
        );
    }

    #[test]
    fn an_end_passed_or_an_ended_flag_is_former_whatever_the_source() {
        let today = d("2025-06-01");
        assert_eq!(
            currency(Some(&d("2019-05-30")), false, Some(&icom()), &today),
            (Status::Former, None)
        );
        assert_eq!(
            currency(None, true, Some(&icom()), &today),
            (Status::Former, None)
        );
        // An end still ahead, from a source that stopped before today: as of.
        assert_eq!(
            currency(Some(&d("2030-07-04")), false, Some(&icom()), &today).0,
            Status::AsOf
        );
    }

    #[test]
    fn later_facts_are_those_after_the_knowledge() {
        let offices = vec![
            (
                Names::new([("en", "Minister of Textiles")]),
                Some(d("2019-05-30")),
            ),
            (
                Names::new([("en", "Minister of Minority Affairs")]),
                Some(d("2022-07-06")),
            ),
        ];
        let l = later(&d("2021-07-07"), &[], &offices);
        assert_eq!(l.len(), 1);
        assert_eq!(
            l[0].text("en"),
            "Minister of Minority Affairs, from 2022-07-06"
        );
        let amethi = Later {
            date: d("2024"),
            what: Names::new([("en", "2024 Lok Sabha election")]),
            seat: Some(Names::new([("en", "Amethi")])),
            result: Some(Outcome::Lost),
        };
        assert_eq!(amethi.text("en"), "lost Amethi, 2024 Lok Sabha election");
    }
}
