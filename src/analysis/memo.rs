//! The per-thread memo behind [`analyze`](super::analyze).
//!
//! An import analyses the same strings over and over: every person's name, every party,
//! state, office and election name quoted in the documents that mention them, and the
//! same few thousand name words (Yadav, Singh, Kumar, सिंह…). Each thread (tantivy's
//! indexing threads, the query side) keeps two maps per field, with no lock:
//! - short texts (at most [`SHORT_TEXT`] bytes) → their whole token list;
//! - raw words (and the joined pairs of Name/Phonetic) → their term.
//!
//! Both are bounded together: when the estimated size passes [`BUDGET_BYTES`] the memo
//! is emptied and fills again from what comes next. A result never depends on what the
//! memo holds, only the time does.

use std::cell::RefCell;
use std::collections::HashMap;

use super::segment::Word;
use super::{fast, gap_ok, push, Field, Token};

/// Texts up to this many bytes are remembered whole (names, titles, short summaries).
pub const SHORT_TEXT: usize = 256;
/// Per-thread memory the memo may hold (estimated) before it is emptied.
pub const BUDGET_BYTES: usize = 4 << 20;
/// Estimated bytes of a map entry besides its strings (hash slot, headers).
const ENTRY_COST: usize = 64;
/// Estimated bytes of one remembered token besides its text.
const TOKEN_COST: usize = std::mem::size_of::<Token>();

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// Analyses with this thread's memo (a fresh one if the thread's is unavailable).
pub fn analyze(text: &str, field: Field) -> Vec<Token> {
    MEMO.try_with(|m| {
        m.try_borrow_mut()
            .ok()
            .map(|mut memo| memo.analyze(text, field))
    })
    .ok()
    .flatten()
    .unwrap_or_else(|| Memo::default().analyze(text, field))
}

/// Empties this thread's memo (benchmarks use it to start cold).
pub fn clear() {
    let _ = MEMO.try_with(|m| m.try_borrow_mut().map(|mut memo| memo.clear()));
}

/// The estimated bytes this thread's memo holds.
#[cfg(test)]
pub fn held_bytes() -> usize {
    MEMO.try_with(|m| m.try_borrow().map(|memo| memo.bytes).unwrap_or(0))
        .unwrap_or(0)
}

#[derive(Default)]
struct Memo {
    /// Whole short texts → tokens, per field (indexed by [`slot`]).
    texts: [HashMap<Box<str>, Vec<Token>>; 3],
    /// Raw word → term (`None`: a Text stopword), per field.
    words: [HashMap<Box<str>, Option<Box<str>>>; 3],
    /// Estimated size of everything above.
    bytes: usize,
    /// Reused buffer for joined word pairs.
    scratch: String,
}

fn slot(field: Field) -> usize {
    match field {
        Field::Name => 0,
        Field::Text => 1,
        Field::Phonetic => 2,
    }
}

impl Memo {
    fn analyze(&mut self, text: &str, field: Field) -> Vec<Token> {
        let short = text.len() <= SHORT_TEXT;
        if short {
            if let Some(tokens) = self.texts[slot(field)].get(text) {
                return tokens.clone();
            }
        }
        let words = fast::words(text);
        let tokens = match field {
            Field::Name | Field::Phonetic => self.with_pairs(text, &words, field),
            Field::Text => self.text_tokens(&words),
        };
        if short {
            let cost = ENTRY_COST
                + text.len()
                + tokens
                    .iter()
                    .map(|t| TOKEN_COST + t.text.len())
                    .sum::<usize>();
            self.charge(cost);
            self.texts[slot(field)].insert(text.into(), tokens.clone());
        }
        tokens
    }

    /// The term of `raw` for `field`, from the memo or computed and remembered.
    fn term(&mut self, raw: &str, field: Field) -> Option<String> {
        if let Some(term) = self.words[slot(field)].get(raw) {
            return term.as_deref().map(str::to_string);
        }
        let term = fast::term(raw, field);
        self.charge(ENTRY_COST + raw.len() + term.as_ref().map_or(0, String::len));
        self.words[slot(field)].insert(raw.into(), term.as_deref().map(Box::from));
        term
    }

    fn charge(&mut self, cost: usize) {
        if self.bytes + cost > BUDGET_BYTES {
            self.clear();
        }
        self.bytes += cost;
    }

    fn clear(&mut self) {
        for map in &mut self.texts {
            *map = HashMap::new();
        }
        for map in &mut self.words {
            *map = HashMap::new();
        }
        self.bytes = 0;
    }

    /// The reference `text_tokens`, with memoised terms.
    fn text_tokens(&mut self, words: &[Word<'_>]) -> Vec<Token> {
        let mut tokens = Vec::with_capacity(words.len());
        for (position, w) in words.iter().enumerate() {
            if let Some(term) = self.term(w.text, Field::Text) {
                push(&mut tokens, term, w.start, w.end, position);
            }
        }
        tokens
    }

    /// The reference `with_pairs`, with memoised terms and no allocation for the join.
    fn with_pairs(&mut self, text: &str, words: &[Word<'_>], field: Field) -> Vec<Token> {
        let mut tokens = Vec::with_capacity(words.len() * 2);
        for (position, w) in words.iter().enumerate() {
            let single = self.term(w.text, field).unwrap_or_default();
            let pair = match words.get(position + 1) {
                Some(n) if pairable(text, w, n) => {
                    let mut joined = std::mem::take(&mut self.scratch);
                    joined.clear();
                    joined.push_str(w.text);
                    joined.push_str(n.text);
                    let term = self.term(&joined, field).unwrap_or_default();
                    self.scratch = joined;
                    (term != single).then_some((term, n.end))
                }
                _ => None,
            };
            push(&mut tokens, single, w.start, w.end, position);
            if let Some((joined, end)) = pair {
                push(&mut tokens, joined, w.start, end, position);
            }
        }
        tokens
    }
}

/// The reference `pairable` with the faster letter test.
fn pairable(text: &str, a: &Word<'_>, b: &Word<'_>) -> bool {
    a.script == b.script && fast::has_letter(a) && fast::has_letter(b) && gap_ok(text, a, b)
}
