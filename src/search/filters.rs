//! The filters of a search as the user types them (`--state UP`, `--year २०१९`,
//! `--party सपा`, `--kind person`): their index keys, and a usage error that names
//! an unknown value and the nearest known one, rather than an empty result.

use super::SearchOptions;
use crate::analysis::filter_key;
use crate::domain::states;
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::model::Kind;
use crate::numerals::ascii_digits;
use std::collections::BTreeSet;
use tantivy::Term;

/// The index key of a state filter: a state the table knows (`UP`, `यूपी`,
/// `Orissa`) by its English name, as documents store it; any other text as typed.
pub fn state_key(text: &str) -> String {
    match states::find(text.trim()) {
        Some(s) => filter_key(s.en),
        None => filter_key(text),
    }
}

/// The index key of a party filter: an id such as `samajwadi-party` as it is,
/// a name or abbreviation (`SP`, `सपा`) by its [`filter_key`].
pub fn party_key(text: &str) -> String {
    let key = filter_key(text);
    if text.trim().contains('-') || key.is_empty() {
        text.trim().to_lowercase()
    } else {
        key
    }
}

/// A `--kind` value; an unknown kind is a usage error naming the nearest.
pub fn parse_kind(text: &str) -> Result<Kind> {
    text.parse::<Kind>().map_err(|_| {
        let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        let near = nearest(text, all.iter().copied());
        Error::Usage(format!(
            "unknown kind `{}`: the kinds are {}{}",
            text.trim(),
            all.join(", "),
            did_you_mean(near)
        ))
    })
}

/// A `--year` value in ASCII or Devanagari digits (`2019`, `२०१९`).
pub fn parse_year(text: &str) -> Result<u16> {
    let ascii = ascii_digits(text.trim());
    ascii
        .parse::<u16>()
        .ok()
        .filter(|y| (1..=9999).contains(y))
        .ok_or_else(|| {
            Error::Usage(format!(
                "--year `{}` is not a year: give four digits, e.g. 2019 or २०१९",
                text.trim()
            ))
        })
}

fn did_you_mean(near: Option<String>) -> String {
    near.map(|n| format!("; did you mean `{n}`?"))
        .unwrap_or_default()
}

/// The candidate closest to `typed` in spelling (case aside), if any is close
/// enough to be a plausible misspelling.
fn nearest<'a>(typed: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let typed = typed.trim().to_lowercase();
    candidates
        .map(|c| {
            (
                strsim::normalized_damerau_levenshtein(&typed, &c.to_lowercase()),
                c,
            )
        })
        // Half the letters right at least: `Utar Pradesh`, `persn`; not `XYZ` → `yp`.
        .filter(|(score, _)| *score >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_string())
}

/// How many documents hold `term`.
fn doc_freq(index: &SearchIndex, term: &Term) -> Result<u64> {
    Ok(index.searcher()?.doc_freq(term)?)
}

/// Every term of a filter field (a few thousand party names at most).
fn terms_of(index: &SearchIndex, field: tantivy::schema::Field) -> Result<BTreeSet<String>> {
    let searcher = index.searcher()?;
    let mut out = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            if let Ok(t) = std::str::from_utf8(stream.key()) {
                out.insert(t.to_string());
            }
        }
    }
    Ok(out)
}

/// Refuses a state or party that no record has and the tables do not know,
/// naming it and the nearest known one.
pub fn check_filters(index: &SearchIndex, opts: &SearchOptions) -> Result<()> {
    let f = &index.fields;
    if let Some(s) = &opts.state {
        let known = states::find(s.trim()).is_some()
            || doc_freq(index, &Term::from_field_text(f.state, &filter_key(s)))? > 0;
        if !known {
            let near = nearest(s, states::all().flat_map(|st| [st.en, st.hi]));
            let hint = match near {
                Some(_) => did_you_mean(near),
                None => "; a state or union territory by its name in English or Hindi, or an abbreviation (UP, यूपी)".to_string(),
            };
            return Err(Error::Usage(format!("unknown state `{}`{hint}", s.trim())));
        }
    }
    if let Some(p) = &opts.party {
        let key = party_key(p);
        let known = crate::domain::parties::known_id(p).is_some()
            || doc_freq(index, &Term::from_field_text(f.party, &key))? > 0;
        if !known {
            let terms = terms_of(index, f.party)?;
            let near = nearest(p, terms.iter().map(String::as_str));
            return Err(Error::Usage(format!(
                "unknown party `{}`: no record is linked to a party of that name or abbreviation{}",
                p.trim(),
                did_you_mean(near)
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_either_script() {
        assert_eq!(parse_year("२०१९").unwrap(), 2019);
        assert_eq!(parse_year(" 2014 ").unwrap(), 2014);
        let e = parse_year("twenty").unwrap_err().to_string();
        assert!(e.contains("`twenty` is not a year"), "{e}");
        assert!(parse_year("0").is_err());
    }

    #[test]
    fn an_unknown_kind_names_the_nearest() {
        assert_eq!(parse_kind("Person").unwrap(), Kind::Person);
        let e = parse_kind("persn").unwrap_err();
        assert!(matches!(e, Error::Usage(_)));
        let e = e.to_string();
        assert!(e.starts_with("unknown kind `persn`: the kinds are "), "{e}");
        assert!(e.ends_with("; did you mean `person`?"), "{e}");
    }

    #[test]
    fn state_keys_meet_the_documents_english_name() {
        let up = filter_key("Uttar Pradesh");
        for typed in ["UP", "up", "यूपी", "उत्तर प्रदेश", "Uttar Pradesh"]
        {
            assert_eq!(state_key(typed), up, "{typed}");
        }
        assert_eq!(state_key("Orissa"), filter_key("Odisha"));
        assert_eq!(party_key("samajwadi-party"), "samajwadi-party");
    }

    #[test]
    fn the_nearest_spelling() {
        let states = ["Nagaland", "Uttar Pradesh", "Kerala"];
        assert_eq!(
            nearest("Uttar Pardesh", states.iter().copied()).as_deref(),
            Some("Uttar Pradesh")
        );
        assert_eq!(nearest("zzzzzzzzzzzz", states.iter().copied()), None);
    }
}
