//! Faster equivalents of the reference helpers in `mod.rs`, [`segment`](super::segment) and
//! [`english`](super::english): same results for every input, less work per word.
//!
//! - ASCII words skip NFC, diacritic folding and the Unicode property tables: for ASCII,
//!   NFC and NFD are the identity, `char::is_alphabetic` is `is_ascii_alphabetic`, and
//!   [`english::fold`](super::english::fold) is `to_ascii_lowercase`.
//! - Letters of the Devanagari block are classified by two bitmaps built once from
//!   `char::is_alphabetic` / `char::is_alphanumeric` themselves (so they cannot disagree),
//!   instead of the binary search `core` does for every non-ASCII character.
//! - NFC runs only when `is_nfc_quick` cannot prove the word is already NFC.
//!
//! The tests in `mod.rs` compare this path with the reference one on the real datasets.

use std::sync::LazyLock;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

use super::segment::{is_devanagari_char, Script, Word, MAX_WORD_CHARS};
use super::{devanagari, english, hindi, is_inner_punct, is_invisible};
use super::{strip_possessive, Field};

/// Bit `i` set when U+0900+i is alphabetic (`.0`) / alphanumeric (`.1`), as `core` says.
static DEVANAGARI_CLASSES: LazyLock<(u128, u128)> = LazyLock::new(|| {
    let (mut alpha, mut alnum) = (0u128, 0u128);
    for (i, c) in ('\u{0900}'..='\u{097F}').enumerate() {
        alpha |= u128::from(c.is_alphabetic()) << i;
        alnum |= u128::from(c.is_alphanumeric()) << i;
    }
    (alpha, alnum)
});

/// `char::is_alphabetic`, with the ASCII and Devanagari cases answered without tables.
pub(super) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if is_devanagari_char(c) {
        (DEVANAGARI_CLASSES.0 >> (c as u32 - 0x0900)) & 1 == 1
    } else {
        c.is_alphabetic()
    }
}

/// `char::is_alphanumeric`, with the ASCII and Devanagari cases answered without tables.
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if is_devanagari_char(c) {
        (DEVANAGARI_CLASSES.1 >> (c as u32 - 0x0900)) & 1 == 1
    } else {
        c.is_alphanumeric()
    }
}

/// [`segment::words`](super::segment::words) with the faster character classes.
pub(super) fn words(text: &str) -> Vec<Word<'_>> {
    text.split_word_bound_indices()
        .filter(|(_, seg)| seg.chars().any(is_alphanumeric) && !is_too_long(seg))
        .map(|(start, seg)| Word {
            text: seg,
            start,
            end: start + seg.len(),
            script: script_of(seg),
        })
        .collect()
}

/// A word of at most `MAX_WORD_CHARS` bytes has at most that many characters.
fn is_too_long(seg: &str) -> bool {
    seg.len() > MAX_WORD_CHARS && seg.chars().nth(MAX_WORD_CHARS).is_some()
}

/// [`segment::script_of`](super::segment::script_of) with the faster character classes.
pub(super) fn script_of(word: &str) -> Script {
    if word.is_ascii() {
        return if word.bytes().any(|b| b.is_ascii_alphabetic()) {
            Script::Latin
        } else {
            Script::Other
        };
    }
    let (mut letters, mut deva, mut latin) = (0usize, 0usize, 0usize);
    for c in word.chars().filter(|&c| is_alphabetic(c)) {
        letters += 1;
        if is_devanagari_char(c) {
            deva += 1;
        } else if super::segment::is_latin_char(c) {
            latin += 1;
        }
    }
    if letters > 0 && deva * 2 > letters {
        Script::Devanagari
    } else if letters > 0 && latin * 2 > letters {
        Script::Latin
    } else {
        Script::Other
    }
}

/// True if the word has a letter: a Devanagari or Latin word always has one.
pub(super) fn has_letter(w: &Word<'_>) -> bool {
    w.script != Script::Other || w.text.chars().any(is_alphabetic)
}

/// [`super::prepare`]: NFC skipped where the word is provably NFC already.
fn prepare(raw: &str) -> String {
    let raw = strip_possessive(raw);
    if raw.is_ascii() {
        let has_letter = raw.bytes().any(|b| b.is_ascii_alphabetic());
        return raw
            .chars()
            .filter(|&c| !(c.is_ascii_punctuation() && (has_letter || c != '.')))
            .collect();
    }
    let has_letter = raw.chars().any(is_alphabetic);
    let mut out = String::with_capacity(raw.len());
    if is_nfc_quick(raw.chars()) == IsNormalized::Yes {
        clean_into(raw.chars(), has_letter, &mut out);
    } else {
        clean_into(raw.nfc(), has_letter, &mut out);
    }
    out
}

/// The loop of [`super::prepare`] over already normalised characters.
fn clean_into(chars: impl Iterator<Item = char>, has_letter: bool, out: &mut String) {
    for c in chars {
        let droppable = if has_letter {
            is_inner_punct(c)
        } else {
            is_inner_punct(c) && c != '.'
        };
        if !droppable && !is_invisible(c) {
            devanagari::push_clean(c, out);
        }
    }
}

/// [`english::fold`]; for ASCII that is just lowercasing.
fn fold(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        english::fold(word)
    }
}

/// The term of one raw word for `field` (`None`: a Text stopword), as the reference
/// `name_term`, `text_term` and `phonetic_key` compute it.
pub(super) fn term(raw: &str, field: Field) -> Option<String> {
    let prep = |w: &str| {
        let p = prepare(w);
        let s = script_of(&p);
        (p, s)
    };
    if field == Field::Phonetic {
        return Some(super::phonetic_terms_with(raw, &prep, fold));
    }
    let (prepared, script) = prep(raw);
    match (field, script) {
        (Field::Name, Script::Devanagari) => Some(hindi::normalize(&prepared)),
        (Field::Text, Script::Devanagari) => {
            let n = hindi::normalize(&prepared);
            (!hindi::is_stopword(&n)).then(|| hindi::stem(&n))
        }
        (Field::Text, _) => {
            let f = fold(&prepared);
            (!english::is_stopword(&f)).then(|| english::stem(&f))
        }
        // Name in Latin or another script (Phonetic returned above).
        (_, _) => Some(fold(&prepared)),
    }
}
