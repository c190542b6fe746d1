//! India's legislatures and their elections, with the ids every importer agrees on:
//! `lok-sabha`, `vidhan-sabha-uttar-pradesh`, `lok-sabha-2024`,
//! `vidhan-sabha-assam-2021-bye-election-2021-10-30`, and their names in English and Hindi.

use crate::domain::states::Place;
use crate::model::{Classification, Election, Names, Organization, PartialDate, System};

/// The house an election fills.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum House {
    LokSabha,
    VidhanSabha(Place),
}

impl House {
    /// The legislature's organization id: `lok-sabha`, `vidhan-sabha-uttar-pradesh`.
    pub fn body_id(&self) -> String {
        match self {
            House::LokSabha => "lok-sabha".into(),
            House::VidhanSabha(p) => format!("vidhan-sabha-{}", p.slug),
        }
    }

    fn names(&self) -> (String, Option<String>) {
        match self {
            House::LokSabha => ("Lok Sabha".into(), Some("लोकसभा".into())),
            House::VidhanSabha(p) => (
                format!("{} Vidhan Sabha", p.en),
                p.hi.as_ref().map(|hi| format!("{hi} विधानसभा")),
            ),
        }
    }

    /// The legislature's record, created by importers only where absent.
    pub fn body_record(&self, source: &str) -> Organization {
        let (en, hi) = self.names();
        let mut name = Names::new([("en", en.as_str())]);
        if let Some(hi) = &hi {
            name.0.insert("hi".into(), hi.clone());
        }
        let (aliases, state) = match self {
            House::LokSabha => (
                vec!["House of the People".to_string(), "लोक सभा".to_string()],
                None,
            ),
            House::VidhanSabha(p) => {
                let mut a = vec![format!("{} Legislative Assembly", p.en)];
                if let Some(hi) = &p.hi {
                    a.push(format!("{hi} विधान सभा"));
                }
                (a, Some(p.names()))
            }
        };
        Organization {
            id: self.body_id(),
            name,
            aliases,
            classification: Some(Classification::Legislature),
            state,
            sources: vec![source.to_string()],
            ..Default::default()
        }
    }
}

/// Which election of a house: the general election of a year, or a bye-election
/// held during the term that began that year (on `date`, when the dataset says).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ElectionKey {
    pub house: House,
    pub year: u16,
    /// `Some` for a bye-election; the inner date is `None` when the dataset gives none.
    pub bye: Option<Option<PartialDate>>,
}

impl ElectionKey {
    pub fn general(house: House, year: u16) -> ElectionKey {
        ElectionKey {
            house,
            year,
            bye: None,
        }
    }

    /// `lok-sabha-2024`, `vidhan-sabha-uttar-pradesh-2022`, and for bye-elections
    /// `vidhan-sabha-assam-2021-bye-election-2021-10-30`.
    pub fn id(&self) -> String {
        let mut id = format!("{}-{}", self.house.body_id(), self.year);
        if let Some(date) = &self.bye {
            id.push_str("-bye-election");
            if let Some(d) = date {
                id.push('-');
                id.push_str(&d.to_string());
            }
        }
        id
    }

    /// When the election was held, as far as the dataset tells.
    pub fn date(&self) -> PartialDate {
        match &self.bye {
            Some(Some(d)) => *d,
            _ => PartialDate::year(self.year),
        }
    }

    /// The election's record, created by importers only where absent.
    pub fn record(&self, source: &str) -> Election {
        let (house_en, house_hi) = self.house.names();
        let year = self.year;
        let (en, hi) = match &self.bye {
            None => (
                format!("{year} {house_en} election"),
                house_hi.map(|h| format!("{h} चुनाव {year}")),
            ),
            Some(Some(d)) => (
                format!("{d} {house_en} bye-election"),
                house_hi.map(|h| format!("{h} उपचुनाव {d}")),
            ),
            Some(None) => (
                format!("{house_en} bye-election ({year} term)"),
                house_hi.map(|h| format!("{h} उपचुनाव ({year} कार्यकाल)")),
            ),
        };
        let mut name = Names::new([("en", en.as_str())]);
        if let Some(hi) = &hi {
            name.0.insert("hi".into(), hi.clone());
        }
        let mut aliases = Vec::new();
        if self.bye.is_none() {
            match &self.house {
                House::LokSabha => {
                    aliases.push(format!("{year} Indian general election"));
                    aliases.push(format!("आम चुनाव {year}"));
                }
                House::VidhanSabha(p) => {
                    aliases.push(format!("{year} {} Legislative Assembly election", p.en));
                }
            }
        }
        let area = match &self.house {
            House::LokSabha => Names::new([("en", "India"), ("hi", "भारत")]),
            House::VidhanSabha(p) => p.names(),
        };
        Election {
            id: self.id(),
            name,
            aliases,
            body: Some(self.house.body_id()),
            area: Some(area),
            date: Some(self.date()),
            seats: None,
            indirect: false,
            system: Some(System::Fptp),
            summary: Names::default(),
            sources: vec![source.to_string()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn election_ids_and_names_in_both_languages() {
        let up = Place::from_name("UTTAR PRADESH").unwrap();
        let vs = ElectionKey::general(House::VidhanSabha(up.clone()), 2022);
        assert_eq!(vs.id(), "vidhan-sabha-uttar-pradesh-2022");
        let r = vs.record("src");
        assert_eq!(
            r.name.get("en"),
            Some("2022 Uttar Pradesh Vidhan Sabha election")
        );
        assert_eq!(r.name.get("hi"), Some("उत्तर प्रदेश विधानसभा चुनाव 2022"));
        assert_eq!(r.body.as_deref(), Some("vidhan-sabha-uttar-pradesh"));
        let ls = ElectionKey::general(House::LokSabha, 2024).record("src");
        assert_eq!(ls.id, "lok-sabha-2024");
        assert_eq!(ls.name.get("en"), Some("2024 Lok Sabha election"));
        assert_eq!(ls.name.get("hi"), Some("लोकसभा चुनाव 2024"));
        let bye = ElectionKey {
            house: House::VidhanSabha(up),
            year: 2017,
            bye: Some(Some("2019-10-21".parse().unwrap())),
        };
        assert_eq!(
            bye.id(),
            "vidhan-sabha-uttar-pradesh-2017-bye-election-2019-10-21"
        );
        assert_eq!(
            bye.record("s").name.get("hi"),
            Some("उत्तर प्रदेश विधानसभा उपचुनाव 2019-10-21")
        );
        for rec in [
            crate::model::Record::Election(bye.record("s")),
            crate::model::Record::Organization(House::LokSabha.body_record("s")),
        ] {
            assert!(crate::model::validate::check_record(&rec).is_empty());
        }
    }
}
