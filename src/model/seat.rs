//! Seats: a constituency of one legislature, with its state, number, type and every
//! spelling the datasets give it, so that candidacies of many elections and datasets
//! meet at one record.

use super::{Id, Names, SeatType};
use serde::{Deserialize, Serialize};

/// A constituency of a legislature (`body`): `Rae Bareli` of the Lok Sabha.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seat {
    pub id: Id,
    pub name: Names,
    /// Every other spelling the data uses: `Raebareli`, `RAE BARELI`, `Alathur (SC)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The legislature the seat elects to (an organization id: `lok-sabha`).
    pub body: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<Names>,
    /// The constituency's number, as the first dataset to give one numbers it
    /// (numbers changed with the 2008 delimitation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat_type: Option<SeatType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
}

impl Seat {
    /// Takes in what `other` (the same seat as another row or dataset gives it) adds:
    /// names in new languages, new spellings as aliases, fields this record lacks,
    /// its sources. What this record already says is kept. Returns whether anything
    /// was added.
    pub fn absorb(&mut self, other: &Seat) -> bool {
        let before = self.clone();
        for (lang, text) in &other.name.0 {
            if !self.name.0.contains_key(lang) {
                self.name.0.insert(lang.clone(), text.clone());
            }
        }
        for spelling in other
            .name
            .texts()
            .chain(other.aliases.iter().map(String::as_str))
        {
            self.add_alias(spelling);
        }
        if self.state.is_none() {
            self.state.clone_from(&other.state);
        }
        self.number = self.number.or(other.number);
        self.seat_type = self.seat_type.or(other.seat_type);
        if self.district.is_none() {
            self.district.clone_from(&other.district);
        }
        for s in &other.sources {
            if !self.sources.contains(s) {
                self.sources.push(s.clone());
            }
        }
        *self != before
    }

    /// What the seat is, in both languages, from the record alone (a search line's
    /// summary): `Lok Sabha constituency, Kerala (SC)`.
    pub fn describe(&self) -> Names {
        let (mut en, mut hi) = match self.body.as_str() {
            "lok-sabha" => (
                "Lok Sabha constituency".to_string(),
                "लोकसभा निर्वाचन क्षेत्र".to_string(),
            ),
            b if b.starts_with("vidhan-sabha") => (
                "Vidhan Sabha constituency".to_string(),
                "विधानसभा निर्वाचन क्षेत्र".to_string(),
            ),
            _ => ("Constituency".to_string(), "निर्वाचन क्षेत्र".to_string()),
        };
        if let Some(state) = &self.state {
            en.push_str(&format!(", {}", state.best("en")));
            hi.push_str(&format!(", {}", state.best("hi")));
        }
        if let Some(t) = self.seat_type.filter(|t| *t != SeatType::General) {
            en.push_str(&format!(" ({})", t.as_str()));
            hi.push_str(&format!(" ({})", t.as_str()));
        }
        Names::new([("en", en.as_str()), ("hi", hi.as_str())])
    }

    /// Adds `spelling` unless the seat already has it (spacing aside: `Araku ` is
    /// `Araku`). Case is kept: `RAE BARELI` is how a dataset writes it.
    pub fn add_alias(&mut self, spelling: &str) {
        let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let f = fold(spelling);
        if f.is_empty() {
            return;
        }
        let known = self
            .name
            .texts()
            .chain(self.aliases.iter().map(String::as_str))
            .any(|t| fold(t) == f);
        if !known {
            self.aliases.push(spelling.trim().to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absorbing_keeps_what_is_known_and_adds_new_spellings() {
        let mut a: Seat = serde_json::from_str(
            r#"{"id":"s","name":{"en":"Rae Bareli"},"aliases":["RAE BARELI"],"body":"lok-sabha","number":36,"sources":["india-votes"]}"#,
        )
        .unwrap();
        let b: Seat = serde_json::from_str(
            r#"{"id":"s","name":{"en":"Raebareli"},"aliases":["Rae  Bareli ","RAE BARELI"],"body":"lok-sabha","number":99,"seat_type":"GEN","sources":["adr"]}"#,
        )
        .unwrap();
        assert!(a.absorb(&b));
        assert_eq!(a.name.get("en"), Some("Rae Bareli"));
        assert_eq!(a.aliases, ["RAE BARELI", "Raebareli"]);
        assert_eq!(a.number, Some(36));
        assert_eq!(a.seat_type, Some(SeatType::General));
        assert_eq!(a.sources, ["india-votes", "adr"]);
        assert!(!a.absorb(&b), "a second time adds nothing");
    }

    #[test]
    fn a_seat_says_what_it_is_in_both_languages() {
        let s: Seat = serde_json::from_str(
            r#"{"id":"s","name":{"en":"Alathur"},"body":"lok-sabha","state":{"en":"Kerala","hi":"केरल"},"seat_type":"SC"}"#,
        )
        .unwrap();
        let d = s.describe();
        assert_eq!(d.get("en"), Some("Lok Sabha constituency, Kerala (SC)"));
        assert_eq!(d.get("hi"), Some("लोकसभा निर्वाचन क्षेत्र, केरल (SC)"));
    }

    #[test]
    fn unknown_fields_are_refused() {
        let e = serde_json::from_str::<Seat>(
            r#"{"id":"s","name":{"en":"Amethi"},"body":"lok-sabha","reserved":"SC"}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("unknown field `reserved`"), "{e}");
    }
}
