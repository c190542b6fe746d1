//! Latin-script pieces: lowercase + diacritic folding, a small English stopword list and
//! Porter2 stemming (`rust-stemmers`, the stemmer tantivy itself ships).

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// Lucene's classic English stopwords: short, so names like "Will" or "May" are rarely lost.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "to", "was", "will", "with",
];

/// Lowercases and strips diacritics (Ālok → alok, Śrī → sri): romanised Indian names are
/// written both with and without IAST marks.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase).nfd() {
        if is_combining_diacritic(c) {
            continue;
        }
        match special_letter(c) {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
    out.nfc().collect()
}

/// Combining marks of the Latin diacritic blocks only, so other scripts' vowel signs stay.
fn is_combining_diacritic(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
        || ('\u{1AB0}'..='\u{1AFF}').contains(&c)
        || ('\u{1DC0}'..='\u{1DFF}').contains(&c)
}

/// Letters that NFD does not split into base + mark.
fn special_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'đ' | 'ð' => "d",
        'þ' => "th",
        'ł' => "l",
        'ı' => "i",
        _ => return None,
    })
}

/// True for an English stopword (expects folded input).
pub fn is_stopword(folded: &str) -> bool {
    STOPWORDS.binary_search(&folded).is_ok()
}

/// Porter2 stem of a folded ASCII word; other words are returned unchanged because the
/// English rules would only mangle them.
pub fn stem(folded: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    if !folded.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return folded.to_string();
    }
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(folded)
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Ālok"), "alok");
        assert_eq!(fold("ŚRĪ"), "sri");
        assert_eq!(fold("Kṛṣṇa"), "krsna");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("யோகி"), "யோகி", "Tamil vowel signs survive");
    }

    #[test]
    fn stopword_list_is_sorted_and_used() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("the") && is_stopword("of"));
        assert!(!is_stopword("election") && !is_stopword("sanjay"));
    }

    #[test]
    fn porter2_stems() {
        assert_eq!(stem("elections"), stem("election"));
        assert_eq!(stem("voting"), stem("votes"));
        assert_eq!(stem("officers"), "offic");
        assert_eq!(stem("1978"), "1978");
        assert_eq!(stem("naïve"), "naïve", "non-ASCII is left alone");
    }
}
