//! A URL's query string, decoded strictly: a malformed percent-escape or bytes
//! that are not UTF-8 are the client's error (400), never replaced silently.

use std::collections::BTreeMap;

/// The parameters of a query string; the first of a repeated name wins.
#[derive(Debug, Default)]
pub struct Params(BTreeMap<String, String>);

impl Params {
    /// Parses `raw` (without the `?`).
    pub fn parse(raw: Option<&str>) -> Result<Params, String> {
        let mut map = BTreeMap::new();
        for pair in raw.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let (k, v) = (decode(k)?, decode(v)?);
            map.entry(k).or_insert(v);
        }
        Ok(Params(map))
    }

    /// The value of `name`, trimmed; absent or blank is `None`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())
    }

    /// The date `name` gives (`2015-01-01`, `2015`), if any.
    pub fn date(&self, name: &str) -> Result<Option<crate::model::PartialDate>, String> {
        self.get(name)
            .map(|t| t.parse().map_err(|e| format!("{name}: {e}")))
            .transpose()
    }

    /// Every parameter, by name.
    pub fn pairs(&self) -> impl Iterator<Item = (String, String)> + '_ {
        self.0.iter().map(|(k, v)| (k.clone(), v.clone()))
    }

    /// Whether `name` is given as a true flag (`won=1`, `won=true`, `won`).
    pub fn flag(&self, name: &str) -> bool {
        self.0
            .get(name)
            .is_some_and(|v| matches!(v.trim(), "" | "1" | "true" | "yes" | "on"))
    }
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte.
pub fn decode(s: &str) -> Result<String, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = |b: u8| (b as char).to_digit(16);
                let (Some(hi), Some(lo)) = (
                    bytes.get(i + 1).copied().and_then(hex),
                    bytes.get(i + 2).copied().and_then(hex),
                ) else {
                    return Err("the query has a malformed percent-escape".into());
                };
                out.push((hi * 16 + lo) as u8);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| "the query is not UTF-8".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_devanagari_and_plus() {
        let p = Params::parse(Some(
            "q=%E0%A4%86%E0%A4%B2%E0%A5%8B%E0%A4%95+%E0%A4%B0%E0%A4%82%E0%A4%9C%E0%A4%A8&lang=hi",
        ))
        .unwrap();
        assert_eq!(p.get("q"), Some("आलोक रंजन"));
        assert_eq!(p.get("lang"), Some("hi"));
        assert_eq!(p.get("missing"), None);
    }

    #[test]
    fn refuses_malformed_escapes_and_bad_utf8() {
        assert!(Params::parse(Some("q=%zz")).is_err());
        assert!(Params::parse(Some("q=abc%4")).is_err());
        assert!(Params::parse(Some("q=%ff%fe")).is_err());
    }

    #[test]
    fn the_first_of_a_repeated_name_wins_and_flags_read() {
        let p = Params::parse(Some("q=a&q=b&won&lost=0")).unwrap();
        assert_eq!(p.get("q"), Some("a"));
        assert!(p.flag("won"));
        assert!(!p.flag("lost"));
    }
}
