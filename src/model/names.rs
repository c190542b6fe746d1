//! Text in several languages: a map from language code (`en`, `hi`) to text.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Names or texts keyed by language code. Records require at least one name;
/// summaries and notes may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Names(pub BTreeMap<String, String>);

impl Names {
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Names(
            pairs
                .into_iter()
                .map(|(l, t)| (l.to_string(), t.to_string()))
                .collect(),
        )
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, lang: &str) -> Option<&str> {
        self.0.get(lang).map(String::as_str)
    }

    /// The text in `lang`, else English, else Hindi, else any.
    pub fn best(&self, lang: &str) -> &str {
        self.get(lang)
            .or_else(|| self.get("en"))
            .or_else(|| self.get("hi"))
            .or_else(|| self.0.values().next().map(String::as_str))
            .unwrap_or("")
    }

    /// Every distinct text, English and Hindi first: `Alok Ranjan · आलोक रंजन`.
    pub fn both(&self) -> String {
        self.both_for("en")
    }

    /// Every distinct text, `lang`'s first (`hi`: `आलोक रंजन · Alok Ranjan`).
    pub fn both_for(&self, lang: &str) -> String {
        let mut out: Vec<&str> = Vec::new();
        let order = if lang == "hi" {
            ["hi", "en"]
        } else {
            ["en", "hi"]
        };
        for lang in order {
            if let Some(t) = self.get(lang) {
                out.push(t);
            }
        }
        for (lang, t) in &self.0 {
            if lang != "en" && lang != "hi" && !out.contains(&t.as_str()) {
                out.push(t);
            }
        }
        out.dedup();
        out.join(" · ")
    }

    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.0.values().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_puts_english_then_hindi() {
        let n = Names::new([("hi", "आलोक रंजन"), ("en", "Alok Ranjan")]);
        assert_eq!(n.both(), "Alok Ranjan · आलोक रंजन");
        assert_eq!(n.best("hi"), "आलोक रंजन");
        assert_eq!(n.best("mr"), "Alok Ranjan");
        assert_eq!(n.both_for("hi"), "आलोक रंजन · Alok Ranjan");
    }

    #[test]
    fn hindi_only_name_is_its_own_best() {
        let n = Names::new([("hi", "जया बच्चन")]);
        assert_eq!(n.best("en"), "जया बच्चन");
        assert_eq!(n.both(), "जया बच्चन");
    }
}
