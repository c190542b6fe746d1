//! The language of a page: `?lang=` when given, else Hindi for a query typed in
//! Devanagari, else the browser's `Accept-Language` (Hindi or English, whichever
//! it ranks higher), else English.

use crate::i18n::Lang;
use axum::http::HeaderMap;

pub fn choose(explicit: Option<&str>, typed: &[&str], headers: &HeaderMap) -> Lang {
    match explicit {
        Some("hi") => return Lang::Hi,
        Some("en") => return Lang::En,
        _ => {}
    }
    // A query typed in Devanagari is read in Hindi; one in Latin letters says
    // nothing of the reader (Hindi readers type names in English too).
    if Lang::choose(None, typed.iter().copied()) == Lang::Hi {
        return Lang::Hi;
    }
    let accept = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if prefers_hindi(accept) {
        Lang::Hi
    } else {
        Lang::En
    }
}

/// Whether Hindi ranks above English in an `Accept-Language` list
/// (`hi-IN,hi;q=0.9,en;q=0.8`).
fn prefers_hindi(accept: &str) -> bool {
    let mut best: Option<(f32, bool)> = None;
    for part in accept.split(',') {
        let mut bits = part.trim().split(';');
        let tag = bits.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = bits
            .find_map(|b| b.trim().strip_prefix("q=")?.parse::<f32>().ok())
            .unwrap_or(1.0);
        let hindi = tag == "hi" || tag.starts_with("hi-");
        if !(hindi || tag == "en" || tag.starts_with("en-")) {
            continue;
        }
        if best.is_none_or(|(bq, _)| q > bq) {
            best = Some((q, hindi));
        }
    }
    best.is_some_and(|(_, hindi)| hindi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_higher_of_hindi_and_english() {
        assert!(prefers_hindi("hi-IN,hi;q=0.9,en;q=0.8"));
        assert!(!prefers_hindi("en-GB,en;q=0.9,hi;q=0.5"));
        assert!(prefers_hindi("fr,hi;q=0.7"));
        assert!(!prefers_hindi(""));
    }

    #[test]
    fn a_devanagari_query_means_hindi_unless_told() {
        let h = HeaderMap::new();
        assert_eq!(choose(None, &["आलोक"], &h), Lang::Hi);
        assert_eq!(choose(None, &["alok"], &h), Lang::En);
        assert_eq!(choose(Some("en"), &["आलोक"], &h), Lang::En);
    }
}
