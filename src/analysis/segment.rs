//! Word segmentation (UAX #29 via `unicode-segmentation`) and per-word script detection.

use unicode_segmentation::UnicodeSegmentation;

/// Longer words are skipped: they are junk (hashes, runs of one letter) and bloat the index.
/// Counted in characters, not bytes, so Devanagari (3 bytes a letter) is not penalised.
pub const MAX_WORD_CHARS: usize = 100;

/// The writing system a word is (mostly) in; it picks the chain that handles the word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Devanagari,
    Latin,
    /// Any other script, or no letters at all (numbers).
    Other,
}

/// One word of the input with its byte range in the original string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub script: Script,
}

/// Splits `text` into words. UAX #29 keeps virama, nukta and vowel signs inside the word
/// (they are Extend characters), which is why it is used instead of tantivy's SimpleTokenizer.
pub fn words(text: &str) -> Vec<Word<'_>> {
    text.split_word_bound_indices()
        .filter(|(_, seg)| is_wordlike(seg) && !is_too_long(seg))
        .map(|(start, seg)| Word {
            text: seg,
            start,
            end: start + seg.len(),
            script: script_of(seg),
        })
        .collect()
}

/// Whitespace and punctuation segments have no letter or digit.
fn is_wordlike(seg: &str) -> bool {
    seg.chars().any(char::is_alphanumeric)
}

fn is_too_long(seg: &str) -> bool {
    seg.chars().nth(MAX_WORD_CHARS).is_some()
}

/// The script most of the word's letters belong to ("most" = more than half).
pub fn script_of(word: &str) -> Script {
    let (mut letters, mut deva, mut latin) = (0usize, 0usize, 0usize);
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if is_devanagari_char(c) {
            deva += 1;
        } else if is_latin_char(c) {
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

/// The Devanagari block, U+0900–U+097F.
pub fn is_devanagari_char(c: char) -> bool {
    ('\u{0900}'..='\u{097F}').contains(&c)
}

/// Basic Latin letters plus the Latin-1, Extended-A/B and Extended Additional blocks
/// (ā, ś, ṣ, ṛ of romanised Indian names).
pub fn is_latin_char(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{00C0}'..='\u{024F}').contains(&c)
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s).iter().map(|w| w.text).collect()
    }

    #[test]
    fn keeps_virama_nukta_and_vowel_signs_inside_words() {
        for w in [
            "प्रत्याशी",
            "उन्नाव",
            "पार्टी",
            "क्रॉस",
            "ज़िला",
            "प्रत्यशाी",
            "पाप्टी",
        ] {
            assert_eq!(texts(w), vec![w], "{w} was split");
        }
    }

    #[test]
    fn segments_an_article_sentence() {
        let s = "इस चुनाव में सपा के दो उम्मीदवार जया बच्चन और रामजीलाल समुन की जीत हुई थी.";
        assert_eq!(
            texts(s),
            vec![
                "इस",
                "चुनाव",
                "में",
                "सपा",
                "के",
                "दो",
                "उम्मीदवार",
                "जया",
                "बच्चन",
                "और",
                "रामजीलाल",
                "समुन",
                "की",
                "जीत",
                "हुई",
                "थी"
            ]
        );
    }

    #[test]
    fn drops_punctuation_danda_and_quotes() {
        let s = "ने एक्स पर लिखा-\"हाल ही में\"। क्रॉस वोटिंग!";
        assert_eq!(
            texts(s),
            vec!["ने", "एक्स", "पर", "लिखा", "हाल", "ही", "में", "क्रॉस", "वोटिंग"]
        );
    }

    #[test]
    fn byte_ranges_slice_the_original() {
        let s = "UP News: राज्यसभा चुनाव 2024";
        for w in words(s) {
            assert_eq!(&s[w.start..w.end], w.text);
        }
        assert_eq!(texts(s), vec!["UP", "News", "राज्यसभा", "चुनाव", "2024"]);
    }

    #[test]
    fn detects_scripts() {
        assert_eq!(script_of("आलोक"), Script::Devanagari);
        assert_eq!(script_of("8वें"), Script::Devanagari);
        assert_eq!(script_of("Ālok"), Script::Latin);
        assert_eq!(script_of("1978"), Script::Other);
        assert_eq!(script_of("யோகி"), Script::Other);
    }

    #[test]
    fn skips_overlong_words_only() {
        let long = "क".repeat(MAX_WORD_CHARS + 1);
        let ok = "क".repeat(MAX_WORD_CHARS);
        assert!(words(&long).is_empty());
        assert_eq!(
            words(&ok).len(),
            1,
            "100 Devanagari letters are 300 bytes but allowed"
        );
    }
}
