//! Devanagari character facts and per-character clean-up: digit folding (०-९ → 0-9),
//! ZWJ/ZWNJ removal and nukta decomposition.

pub const NUKTA: char = '\u{093C}';
pub const VIRAMA: char = '\u{094D}';
pub const ANUSVARA: char = '\u{0902}';
pub const CHANDRABINDU: char = '\u{0901}';
pub const VISARGA: char = '\u{0903}';

/// ZERO WIDTH NON-JOINER / JOINER only choose a glyph shape (half forms, ligatures);
/// writers insert them inconsistently, so they must not make two spellings differ.
pub fn is_joiner(c: char) -> bool {
    c == '\u{200C}' || c == '\u{200D}'
}

/// Folds Devanagari digits to ASCII so १९७८ and 1978 index the same.
pub fn fold_digit(c: char) -> char {
    if ('०'..='९').contains(&c) {
        char::from_u32(c as u32 - '०' as u32 + '0' as u32).unwrap_or(c)
    } else {
        c
    }
}

/// The base consonant of a precomposed nukta letter (क़ → क). NFC already splits
/// U+0958–U+095F (they are composition exclusions) but *composes* ऩ ऱ ऴ, so the
/// pipeline decomposes all of them itself to see one form only.
pub fn nukta_base(c: char) -> Option<char> {
    Some(match c {
        '\u{0929}' => 'न',
        '\u{0931}' => 'र',
        '\u{0934}' => 'ळ',
        '\u{0958}' => 'क',
        '\u{0959}' => 'ख',
        '\u{095A}' => 'ग',
        '\u{095B}' => 'ज',
        '\u{095C}' => 'ड',
        '\u{095D}' => 'ढ',
        '\u{095E}' => 'फ',
        '\u{095F}' => 'य',
        _ => return None,
    })
}

/// Pushes the cleaned form of `c`: joiners dropped, digits folded, nukta letters decomposed.
pub fn push_clean(c: char, out: &mut String) {
    if is_joiner(c) {
        return;
    }
    match nukta_base(c) {
        Some(base) => {
            out.push(base);
            out.push(NUKTA);
        }
        None => out.push(fold_digit(c)),
    }
}

/// Consonant letters, including the precomposed nukta ones and the Sindhi/extended ones.
pub fn is_consonant(c: char) -> bool {
    ('\u{0915}'..='\u{0939}').contains(&c)
        || ('\u{0958}'..='\u{095F}').contains(&c)
        || ('\u{0979}'..='\u{097F}').contains(&c)
}

/// Dependent vowel signs (matras), which replace a consonant's inherent vowel.
pub fn is_vowel_sign(c: char) -> bool {
    ('\u{093E}'..='\u{094C}').contains(&c)
        || ('\u{094E}'..='\u{094F}').contains(&c)
        || ('\u{0955}'..='\u{0957}').contains(&c)
        || c == '\u{0962}'
        || c == '\u{0963}'
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn clean(s: &str) -> String {
        let mut out = String::new();
        s.nfc().for_each(|c| push_clean(c, &mut out));
        out
    }

    #[test]
    fn folds_devanagari_digits() {
        assert_eq!(clean("१९७८"), "1978");
        assert_eq!(clean("८वें"), "8वें");
        assert_eq!(fold_digit('क'), 'क');
    }

    #[test]
    fn removes_joiners() {
        assert_eq!(clean("क्\u{200D}ष"), "क्ष");
        assert_eq!(clean("र्\u{200C}य"), "र्य");
    }

    #[test]
    fn precomposed_and_decomposed_nukta_meet() {
        let precomposed = "\u{095B}िला"; // ज़िला with U+095B
        let decomposed = "ज\u{093C}िला";
        assert_eq!(clean(precomposed), clean(decomposed));
        assert_eq!(clean(precomposed), decomposed);
        // NFC composes न + nukta into U+0929; we split it again.
        assert_eq!(clean("न\u{093C}"), "न\u{093C}");
    }

    #[test]
    fn classifies_letters() {
        assert!(is_consonant('क') && is_consonant('ह') && is_consonant('\u{095C}'));
        assert!(!is_consonant('अ') && !is_consonant(VIRAMA));
        assert!(is_vowel_sign('ा') && is_vowel_sign('ौ') && is_vowel_sign('ॉ'));
        assert!(!is_vowel_sign(ANUSVARA) && !is_vowel_sign(VIRAMA) && !is_vowel_sign(NUKTA));
    }
}
