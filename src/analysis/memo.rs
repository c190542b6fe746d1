//! The per-thread memo behind [`analyze`](super::analyze).
//!
//! An import analyses the same strings over and over: every person's name, every party,
//! state, office and election name quoted in the documents that mention them, and the
//! same few thousand name words (Yadav, Singh, Kumar, सिंह…). Each thread (tantivy's
//! indexing threads, the query side) keeps two maps per field, with no lock:
//! - short texts (at most [`SHORT_TEXT`] bytes) → their whole token list;
//! - raw words (and the joined pairs of Name/Phonetic) → their term.
//!
//! A text is remembered only the second time it is seen (a set of hashes records the
//! first sighting), so the many texts that never repeat (distinct summaries, rare names)
//! do not push out the ones that do. Each map has its own budget: when its estimated size
//! passes [`BUDGET_BYTES`] it is emptied and fills again from what comes next. A result
//! never depends on what the memo holds, only the time does.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};

use super::segment::Word;
use super::{fast, gap_ok, push, Field, Token};

/// Texts up to this many bytes are remembered whole (names, titles, short summaries).
pub const SHORT_TEXT: usize = 256;
/// Per-thread memory (estimated) each of the text memo, the word memo and the set of
/// texts seen once may hold before it is emptied.
pub const BUDGET_BYTES: usize = 4 << 20;
/// Estimated bytes of one hash in the set of texts seen once.
const SEEN_COST: usize = 16;
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
pub fn held_bytes() -> [usize; 3] {
    MEMO.try_with(|m| {
        m.try_borrow()
            .map(|memo| [memo.text_bytes, memo.word_bytes, memo.seen_bytes])
            .unwrap_or_default()
    })
    .unwrap_or_default()
}

#[derive(Default)]
struct Memo {
    /// Whole short texts → tokens, per field (indexed by [`slot`]).
    texts: [HashMap<Box<str>, Vec<Token>>; 3],
    /// Raw word → term (`None`: a Text stopword), per field.
    words: [HashMap<Box<str>, Option<Box<str>>>; 3],
    /// Hashes of (field, text) of the short texts seen once and not yet remembered.
    seen: HashSet<u64>,
    hasher: RandomState,
    /// Estimated sizes of `texts`, `words` and `seen`.
    text_bytes: usize,
    word_bytes: usize,
    seen_bytes: usize,
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
        if short && self.seen_before(text, field) {
            let cost = ENTRY_COST
                + text.len()
                + tokens
                    .iter()
                    .map(|t| TOKEN_COST + t.text.len())
                    .sum::<usize>();
            if self.text_bytes + cost > BUDGET_BYTES {
                self.texts = Default::default();
                self.text_bytes = 0;
            }
            self.text_bytes += cost;
            self.texts[slot(field)].insert(text.into(), tokens.clone());
        }
        tokens
    }

    /// True the second time a text is seen for a field (then it is worth remembering).
    fn seen_before(&mut self, text: &str, field: Field) -> bool {
        let hash = self.hasher.hash_one((slot(field), text));
        if self.seen.remove(&hash) {
            self.seen_bytes -= SEEN_COST;
            return true;
        }
        if self.seen_bytes + SEEN_COST > BUDGET_BYTES {
            self.seen = HashSet::new();
            self.seen_bytes = 0;
        }
        self.seen_bytes += SEEN_COST;
        self.seen.insert(hash);
        false
    }

    /// The term of `raw` for `field`, from the memo or computed and remembered.
    fn term(&mut self, raw: &str, field: Field) -> Option<String> {
        if let Some(term) = self.words[slot(field)].get(raw) {
            return term.as_deref().map(str::to_string);
        }
        let term = fast::term(raw, field);
        let cost = ENTRY_COST + raw.len() + term.as_ref().map_or(0, String::len);
        if self.word_bytes + cost > BUDGET_BYTES {
            self.words = Default::default();
            self.word_bytes = 0;
        }
        self.word_bytes += cost;
        self.words[slot(field)].insert(raw.into(), term.as_deref().map(Box::from));
        term
    }

    fn clear(&mut self) {
        *self = Memo::default();
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
                    super::new_keys(&single, term).map(|t| (t, n.end))
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
