//! Hindi normaliser (the rules of Lucene's HindiNormalizer, after Larkey et al.), the light
//! stemmer of Ramanathan & Rao (as in Lucene's HindiStemmer) and the Hindi stopword list.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::devanagari::{
    is_consonant, is_joiner, nukta_base, ANUSVARA, CHANDRABINDU, NUKTA, VIRAMA,
};

/// Lucene's Hindi stopword list (Jacques Savoy, BSD); `#` and `|` lines are comments.
const STOPWORDS_TXT: &str = include_str!("hi-stopwords.txt");

/// Folds the spelling variants Hindi writers use interchangeably so they index alike:
/// nukta dropped, chandrabindu → anusvara, न्/म् before a consonant → anusvara
/// (नरेन्द्र = नरेंद्र), virama dropped, long vowels → short, rare vowel letters → common ones.
pub fn normalize(word: &str) -> String {
    let chars = compose_vowels(word);
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_dead_nasal(&chars, i) {
            out.push(ANUSVARA);
            i += 2;
            continue;
        }
        if let Some(n) = fold_char(c) {
            out.push(n);
        }
        i += 1;
    }
    out
}

/// न् or म् followed by a consonant: written interchangeably with anusvara.
fn is_dead_nasal(chars: &[char], i: usize) -> bool {
    matches!(chars[i], 'न' | 'म')
        && chars.get(i + 1) == Some(&VIRAMA)
        && chars.get(i + 2).is_some_and(|&c| is_consonant(c))
}

/// Independent vowel + vowel sign typed as two characters (अ + ा) become the single letter.
fn compose_vowels(word: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(word.len());
    for c in word.chars() {
        let composed = match (out.last(), c) {
            (Some('अ'), 'ा') => Some('आ'),
            (Some('अ'), 'ो') => Some('ओ'),
            (Some('अ'), 'ौ') => Some('औ'),
            (Some('ए'), 'े') => Some('ऐ'),
            _ => None,
        };
        match composed {
            Some(v) => {
                out.pop();
                out.push(v);
            }
            None => out.push(c),
        }
    }
    out
}

/// One character's normal form; `None` deletes it.
fn fold_char(c: char) -> Option<char> {
    if c == NUKTA || c == VIRAMA || is_joiner(c) {
        return None;
    }
    if let Some(base) = nukta_base(c) {
        return Some(base);
    }
    Some(match c {
        CHANDRABINDU => ANUSVARA,
        // short/candra e and o signs and letters
        '\u{0945}' | '\u{0946}' => 'े',
        '\u{0949}' | '\u{094A}' => 'ो',
        '\u{090D}' | '\u{090E}' => 'ए',
        '\u{0911}' | '\u{0912}' => 'ओ',
        '\u{0972}' => 'अ',
        // long → short independent vowels
        'आ' => 'अ',
        'ई' => 'इ',
        'ऊ' => 'उ',
        'ॠ' => 'ऋ',
        'ॡ' => 'ऌ',
        'ऐ' => 'ए',
        'औ' => 'ओ',
        // long → short vowel signs
        'ी' => 'ि',
        'ू' => 'ु',
        '\u{0944}' => 'ृ',
        '\u{0963}' => '\u{0962}',
        'ै' => 'े',
        'ौ' => 'ो',
        other => other,
    })
}

/// Inflectional suffixes, longest first, as listed by Ramanathan & Rao / Lucene. They are
/// normalised before use so they still match after the normaliser folded ी→ि, ँ→ं.
const SUFFIXES: &[&[&str]] = &[
    &["ाएंगी", "ाएंगे", "ाऊंगी", "ाऊंगा", "ाइयाँ", "ाइयों", "ाइयां"],
    &[
        "ाएगी",
        "ाएगा",
        "ाओगी",
        "ाओगे",
        "एंगी",
        "ेंगी",
        "एंगे",
        "ेंगे",
        "ूंगी",
        "ूंगा",
        "ातीं",
        "नाओं",
        "नाएं",
        "ताओं",
        "ताएं",
        "ियाँ",
        "ियों",
        "ियां",
    ],
    &[
        "ाकर",
        "ाइए",
        "ाईं",
        "ाया",
        "ेगी",
        "ेगा",
        "ोगी",
        "ोगे",
        "ाने",
        "ाना",
        "ाते",
        "ाती",
        "ाता",
        "तीं",
        "ाओं",
        "ाएं",
        "ुओं",
        "ुएं",
        "ुआं",
    ],
    &[
        "कर", "ाओ", "िए", "ाई", "ाए", "ने", "नी", "ना", "ते", "ीं", "ती", "ता", "ाँ", "ां", "ों", "ें",
    ],
    &["ो", "े", "ू", "ु", "ी", "ि", "ा"],
];

/// The normalised suffixes with their length in characters, longest first.
fn suffix_table() -> &'static [(usize, String)] {
    static TABLE: OnceLock<Vec<(usize, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(usize, String)> = SUFFIXES
            .iter()
            .flat_map(|group| group.iter())
            .map(|s| normalize(s))
            .map(|s| (s.chars().count(), s))
            .collect();
        table.sort_by_key(|(len, _)| std::cmp::Reverse(*len));
        table
    })
}

/// Strips the longest listed suffix, keeping a stem of at least two characters
/// (so उम्मीदवारों and उम्मीदवार, सीटों and सीट meet). Expects normalised input.
pub fn stem(word: &str) -> String {
    let len = word.chars().count();
    suffix_table()
        .iter()
        .filter(|(suffix_len, _)| len > suffix_len + 1)
        .find_map(|(_, s)| word.strip_suffix(s.as_str()))
        .unwrap_or(word)
        .to_string()
}

/// True if the normalised word is a Hindi stopword.
pub fn is_stopword(normalised: &str) -> bool {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| stopword_entries().map(normalize).collect())
        .contains(normalised)
}

/// The words of the bundled list, comments and blank lines skipped.
fn stopword_entries() -> impl Iterator<Item = &'static str> {
    STOPWORDS_TXT
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('|'))
        .filter_map(|l| l.split('|').next().map(str::trim))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nasal_spellings_meet() {
        assert_eq!(normalize("नरेन्द्र"), normalize("नरेंद्र"));
        assert_eq!(normalize("गाँधी"), normalize("गांधी"));
        assert_eq!(normalize("सम्पत"), normalize("संपत"));
        // न् at the end of a word is not a nasal before a consonant: only the virama goes.
        assert_eq!(normalize("भगवान्"), "भगवान");
    }

    #[test]
    fn nukta_and_vowel_length_fold() {
        assert_eq!(normalize("ज\u{093C}िला"), "जिला");
        assert_eq!(normalize("\u{095B}िला"), "जिला");
        assert_eq!(normalize("बड़ी"), "बडि");
        assert_eq!(normalize("रामजीलाल"), normalize("रामजिलाल"));
        assert_eq!(normalize("आलोक"), normalize("अलोक"));
        assert_eq!(normalize("क्रॉस"), "करोस");
        assert_eq!(normalize("अ\u{093E}लोक"), normalize("आलोक"));
    }

    #[test]
    fn plural_and_oblique_forms_meet() {
        let s = |w: &str| stem(&normalize(w));
        assert_eq!(s("उम्मीदवारों"), s("उम्मीदवार"));
        assert_eq!(s("सीटों"), s("सीट"));
        assert_eq!(s("विधायकों"), s("विधायक"));
        assert_eq!(s("जिले"), s("ज़िला"));
        assert_eq!(s("करती"), s("करता"));
    }

    #[test]
    fn stemmer_keeps_two_characters() {
        assert_eq!(stem("का"), "का");
        assert_eq!(stem("जया"), "जय", "why Name fields are not stemmed");
        assert_eq!(stem(""), "");
    }

    #[test]
    fn stopwords_load_without_comments() {
        assert!(is_stopword(&normalize("और")));
        assert!(is_stopword(&normalize("में")));
        assert!(is_stopword(&normalize("नहीं")));
        assert!(!is_stopword(&normalize("चुनाव")));
        assert!(stopword_entries().all(|w| !w.starts_with('#')));
        assert!(stopword_entries().count() > 200);
    }
}
