//! Text analysis for the index (stand-in: segmentation, NFC, lowercase).

use tantivy::tokenizer::{Token as TToken, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    Text,
    Phonetic,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub offset_from: usize,
    pub offset_to: usize,
    pub position: usize,
}

pub const NAME_TOKENIZER: &str = "nk_name";
pub const TEXT_TOKENIZER: &str = "nk_text";
pub const PHONETIC_TOKENIZER: &str = "nk_phonetic";

pub fn analyze(text: &str, field: Field) -> Vec<Token> {
    text.unicode_word_indices()
        .enumerate()
        .map(|(position, (from, word))| {
            let norm: String = word.nfc().collect::<String>().to_lowercase();
            Token {
                text: if field == Field::Phonetic {
                    phonetic_key(&norm)
                } else {
                    norm
                },
                offset_from: from,
                offset_to: from + word.len(),
                position,
            }
        })
        .collect()
}

pub fn phonetic_key(word: &str) -> String {
    word.to_lowercase()
}

pub fn is_devanagari(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let deva = word
        .chars()
        .filter(|c| ('\u{0900}'..='\u{097F}').contains(c))
        .count();
    letters > 0 && deva * 2 >= letters
}

#[derive(Clone)]
struct Analyzer(Field);

struct Stream {
    tokens: Vec<TToken>,
    next: usize,
}

impl Tokenizer for Analyzer {
    type TokenStream<'a> = Stream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Stream {
        let tokens = analyze(text, self.0)
            .into_iter()
            .map(|t| TToken {
                offset_from: t.offset_from,
                offset_to: t.offset_to,
                position: t.position,
                text: t.text,
                position_length: 1,
            })
            .collect();
        Stream { tokens, next: 0 }
    }
}

impl TokenStream for Stream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }
    fn token(&self) -> &TToken {
        &self.tokens[self.next - 1]
    }
    fn token_mut(&mut self) -> &mut TToken {
        &mut self.tokens[self.next - 1]
    }
}

pub fn register(index: &tantivy::Index) {
    let m = index.tokenizers();
    m.register(NAME_TOKENIZER, Analyzer(Field::Name));
    m.register(TEXT_TOKENIZER, Analyzer(Field::Text));
    m.register(PHONETIC_TOKENIZER, Analyzer(Field::Phonetic));
}
