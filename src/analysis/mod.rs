//! Text analysis for netakosh: turns Hindi (Devanagari) and English text into index terms,
//! the same way at index time and at query time.
//!
//! Pipeline (byte offsets always point into the original input, for snippets):
//! 1. [`segment`] splits the input into words with UAX #29 (`unicode-segmentation`), which
//!    keeps virama, nukta and vowel signs inside a word (tantivy's SimpleTokenizer splits
//!    प्रत्याशी at the virama). Punctuation and whitespace are dropped; each word gets a
//!    script. Words over 100 characters are skipped (characters, not bytes).
//! 2. Each word alone is prepared: NFC (`unicode-normalization`) — done per word so the
//!    token keeps the original word's byte range — then [`devanagari`] clean-up (ZWJ/ZWNJ
//!    removed, ०-९ → 0-9, nukta letters decomposed) and inner punctuation dropped (U.P. → up).
//! 3. Per field:
//!    - [`Field::Name`]: Devanagari → [`hindi`] normaliser (nukta, chandrabindu, न्/म्,
//!      vowel length); other scripts → [`english`] lowercase + diacritic fold. No stemming
//!      and no stopwords (the stemmer turns जया into जय). Plus spacing variants: right after
//!      each word, the normalised concatenation of it and the next word at the same position
//!      (रामजी लाल also indexes रामजीलाल), when only spaces or a hyphen separate them and both
//!      are in the same script.
//!    - [`Field::Text`]: as Name, then stopwords removed and words stemmed: Hindi light
//!      stemmer; English Porter2 (`rust-stemmers`, the stemmer tantivy ships). A removed
//!      stopword still uses up its position, so phrases do not match across it.
//!    - [`Field::Phonetic`]: [`phonetic_key`] of each word, plus the pair keys as in Name.
//! 4. [`tokenizer`] wraps this as tantivy (`tantivy`) tokenizers named [`NAME_TOKENIZER`],
//!    [`TEXT_TOKENIZER`], [`PHONETIC_TOKENIZER`].
//!
//! Speed: [`analyze`] is the pipeline above behind a per-thread memo and fast paths, because
//! an import analyses the same strings over and over (every record quoting a person,
//! party, state, office or election repeats its name; surnames like Yadav, Singh, Kumar
//! fill whole columns), and because the profile of a large import put most of tantivy's
//! indexing thread in this module (`char::is_alphabetic` for non-ASCII, NFC, UAX #29, the
//! stemmer), on the critical path of issue 6's throughput target.
//! - `memo`: per thread, no lock; short texts → tokens and words → terms, per field,
//!   bounded (emptied past a few MB).
//! - `fast`: ASCII words skip NFC and Unicode tables, Devanagari letters are classified by
//!   bitmaps built from `char::is_alphabetic` itself, NFC runs only where
//!   `is_nfc_quick` cannot prove a word is already NFC.
//!
//! [`analyze_uncached`] keeps the plain pipeline as the reference; the `equivalence` tests
//! check that both give exactly the same tokens on the real datasets, and
//! `benches/analysis.rs` measures one beside the other.
//!
//! Tokens come out in non-decreasing position order: tantivy's postings writer stores
//! per-term position deltas and must never see a position go backwards.
//!
//! The Devanagari → Latin phonetic table is hand-written (in [`phonetic`]) rather than taken
//! from `vidyut-lipi`: the key needs a lossy consonant skeleton, not a faithful
//! transliteration, and the table is about forty lines.

mod devanagari;
mod english;
/// The form a filter value takes in the index and in a query: the name-analysed
/// words joined by spaces, so `Samajwadi  Party`, `samajwadi party` and nukta or
/// chandrabindu variants of a Hindi name give the same key.
pub fn filter_key(text: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut last = None;
    for t in analyze(text, Field::Name) {
        // Joined word pairs share the position of their first word: keep the word.
        if last != Some(t.position) {
            words.push(t.text);
            last = Some(t.position);
        }
    }
    words.join(" ")
}

#[cfg(test)]
mod equivalence;
mod fast;
mod hindi;
mod memo;
mod phonetic;
mod segment;
pub use segment::is_devanagari_char;
mod tokenizer;

use unicode_normalization::UnicodeNormalization;

use segment::{script_of, Script, Word};
pub use tokenizer::{NkTokenStream, NkTokenizer};

/// Which analysis chain to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// People, party and place names: normalised, not stemmed, plus joined word pairs.
    Name,
    /// Running text: normalised, stopwords removed, stemmed.
    Text,
    /// Cross-script name matching: one phonetic key per word, plus joined pairs.
    Phonetic,
}

/// One index term.
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

/// Analyses `text` for `field`. Byte offsets refer to the ORIGINAL input string.
///
/// Runs the fast path with this thread's memo; the result is always exactly
/// [`analyze_uncached`]'s.
pub fn analyze(text: &str, field: Field) -> Vec<Token> {
    memo::analyze(text, field)
}

/// The reference analysis: the plain pipeline, no memo and no fast paths. Slower than
/// [`analyze`] and meant for tests and benchmarks, which check that both agree.
pub fn analyze_uncached(text: &str, field: Field) -> Vec<Token> {
    let words = segment::words(text);
    match field {
        Field::Name => with_pairs(text, &words, name_term),
        Field::Phonetic => with_pairs(text, &words, phonetic_terms),
        Field::Text => text_tokens(&words),
    }
}

/// Empties this thread's analysis memo. Only benchmarks need it (to measure a cold
/// start); results never depend on the memo.
pub fn clear_memo() {
    memo::clear();
}

/// Registers [`NAME_TOKENIZER`], [`TEXT_TOKENIZER`] and [`PHONETIC_TOKENIZER`] on the index.
pub fn register(index: &tantivy::Index) {
    tokenizer::register(index);
}

/// The phonetic key of one word (any script), used by the query side too. Spaces inside
/// the argument are ignored, so `phonetic_key("Ramji Lal")` is the key of "Ramjilal".
pub fn phonetic_key(word: &str) -> String {
    phonetic::key(&prepare(word))
}

/// Whether a Phonetic-field term is a strict key (vowel classes kept) rather than a
/// loose consonant skeleton; see [`phonetic`].
pub fn is_strict_key(term: &str) -> bool {
    term.starts_with(phonetic::STRICT)
}

/// The Phonetic-field terms of a raw word, space-separated: its loose and strict keys
/// with their variants (see [`phonetic::keys`]). A word with inner dots (`S.S.`,
/// `के.एच.मुनियप्पा`) also gives each part's keys, so initials written together meet the
/// same initials written apart (`एस॰एस॰`, `K. H. Muniyappa`).
fn phonetic_terms(raw: &str) -> String {
    let prep = |w: &str| {
        let p = prepare(w);
        let s = script_of(&p);
        (p, s)
    };
    phonetic_terms_with(raw, &prep, english::fold)
}

/// [`phonetic_terms`] with the preparation and Latin fold of either path.
fn phonetic_terms_with(
    raw: &str,
    prep: &dyn Fn(&str) -> (String, Script),
    latin_fold: fn(&str) -> String,
) -> String {
    let (prepared, script) = prep(raw);
    let mut keys = phonetic::keys(&prepared, script, latin_fold);
    if raw.contains('.') && raw.chars().any(char::is_alphabetic) {
        for part in raw.split('.').filter(|p| !p.is_empty()) {
            let (p, s) = prep(part);
            for k in phonetic::keys(&p, s, latin_fold) {
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
    }
    keys.join(" ")
}

/// True if the word is (mostly) Devanagari: more than half its letters are in U+0900–U+097F.
pub fn is_devanagari(word: &str) -> bool {
    script_of(word) == Script::Devanagari
}

/// NFC, Devanagari clean-up and removal of punctuation that UAX #29 leaves inside words
/// (apostrophes, dots, underscores; commas in numbers such as 2,50,000).
fn prepare(raw: &str) -> String {
    let raw = strip_possessive(raw);
    let has_letter = raw.chars().any(char::is_alphabetic);
    let mut out = String::with_capacity(raw.len());
    for c in raw.nfc() {
        let droppable = if has_letter {
            is_inner_punct(c)
        } else {
            is_inner_punct(c) && c != '.'
        };
        if !droppable && !is_invisible(c) {
            devanagari::push_clean(c, &mut out);
        }
    }
    out
}

/// "Modi's" → "Modi": the English possessive is not part of the name.
fn strip_possessive(raw: &str) -> &str {
    ["'s", "’s", "'S", "’S"]
        .iter()
        .find_map(|s| raw.strip_suffix(s))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(raw)
}

/// Punctuation UAX #29 allows inside a word (MidLetter, MidNum, MidNumLet, ExtendNumLet).
fn is_inner_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '\u{2018}' | '\u{2019}' | '\u{00B7}' | '\u{2024}' | '\u{FE52}'
        )
        || matches!(c, '\u{FF07}' | '\u{FF0E}' | '\u{203F}' | '\u{2040}')
}

/// Format characters that are invisible but would make two spellings differ.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// The Name-field form of a raw word.
fn name_term(raw: &str) -> String {
    let prepared = prepare(raw);
    match script_of(&prepared) {
        Script::Devanagari => hindi::normalize(&prepared),
        Script::Latin | Script::Other => english::fold(&prepared),
    }
}

/// The Text-field form of a raw word, or `None` for a stopword.
fn text_term(raw: &str) -> Option<String> {
    let prepared = prepare(raw);
    match script_of(&prepared) {
        Script::Devanagari => {
            let n = hindi::normalize(&prepared);
            (!hindi::is_stopword(&n)).then(|| hindi::stem(&n))
        }
        Script::Latin | Script::Other => {
            let f = english::fold(&prepared);
            (!english::is_stopword(&f)).then(|| english::stem(&f))
        }
    }
}

fn text_tokens(words: &[Word<'_>]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(words.len());
    for (position, w) in words.iter().enumerate() {
        if let Some(term) = text_term(w.text) {
            push(&mut tokens, term, w.start, w.end, position);
        }
    }
    tokens
}

/// One token per word, each followed by the term of the word joined with the next one.
fn with_pairs(text: &str, words: &[Word<'_>], term: fn(&str) -> String) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(words.len() * 2);
    for (position, w) in words.iter().enumerate() {
        let single = term(w.text);
        let pair = words
            .get(position + 1)
            .filter(|n| pairable(text, w, n))
            .and_then(|n| Some((new_keys(&single, term(&[w.text, n.text].concat()))?, n.end)));
        push(&mut tokens, single, w.start, w.end, position);
        if let Some((joined, end)) = pair {
            push(&mut tokens, joined, w.start, end, position);
        }
    }
    tokens
}

/// The keys of a joined pair that its first word does not already give (a term may
/// hold several space-separated keys); `None` when there are none.
fn new_keys(single: &str, joined: String) -> Option<String> {
    if joined == single {
        return None;
    }
    if !joined.contains(' ') && !single.contains(' ') {
        return Some(joined);
    }
    let old: Vec<&str> = single.split(' ').collect();
    let fresh: Vec<&str> = joined.split(' ').filter(|k| !old.contains(k)).collect();
    (!fresh.is_empty()).then(|| fresh.join(" "))
}

/// Two words form a spacing variant when they are in one script, both have letters, and
/// only spaces or a hyphen stand between them (not a comma or a full stop).
fn pairable(text: &str, a: &Word<'_>, b: &Word<'_>) -> bool {
    let has_letter = |w: &Word<'_>| w.text.chars().any(char::is_alphabetic);
    a.script == b.script && has_letter(a) && has_letter(b) && gap_ok(text, a, b)
}

/// Only spaces or a hyphen between the two words.
fn gap_ok(text: &str, a: &Word<'_>, b: &Word<'_>) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() || is_hyphen(c)))
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Pushes the token(s) of a term; a Phonetic term holds several keys, space-separated
/// (no other term has a space), which all take the word's place.
fn push(tokens: &mut Vec<Token>, text: String, from: usize, to: usize, position: usize) {
    let mut one = |text: String| {
        if !text.is_empty() {
            tokens.push(Token {
                text,
                offset_from: from,
                offset_to: to,
                position,
            });
        }
    };
    if text.contains(' ') {
        text.split(' ').map(str::to_string).for_each(one);
    } else {
        one(text);
    }
}

/// The seed article, read at run time so the crate still builds where `shared/` is absent.
#[cfg(test)]
fn seed_article() -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/article-rajya-sabha-2024-up.hi.txt"
    );
    let text = std::fs::read_to_string(path).ok();
    if text.is_none() {
        eprintln!("skipping seed-article checks: {path} not found");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCE: &str = "यूपी की 10 सीटों पर हुए राज्यसभा के चुनाव में सपा के तीसरे प्रत्यशाी आलोक रंजन को प्रथम वरीयता 19 वोट मिले थे और बीजेपी उम्मीदवार संजय सेठ को 29 वोट मिले.";

    fn texts(text: &str, field: Field) -> Vec<String> {
        analyze(text, field).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn offsets_slice_the_original_word() {
        let s = "UP News: क्रॉस वोटिंग, ज़िला उन्नाव (१९७८ बैच) Ālok";
        for field in [Field::Name, Field::Text, Field::Phonetic] {
            for t in analyze(s, field) {
                let Some(orig) = s.get(t.offset_from..t.offset_to) else {
                    panic!("bad offsets {t:?}");
                };
                assert!(!orig.is_empty() && !orig.starts_with(' '), "{t:?}");
            }
        }
        let name = analyze(s, Field::Name);
        let zila = name.iter().find(|t| t.text == "जिला");
        assert_eq!(zila.map(|t| &s[t.offset_from..t.offset_to]), Some("ज़िला"));
        let year = name.iter().find(|t| t.text == "1978");
        assert_eq!(year.map(|t| &s[t.offset_from..t.offset_to]), Some("१९७८"));
    }

    #[test]
    fn stopwords_go_in_text_but_stay_in_name() {
        let text = texts(SENTENCE, Field::Text);
        let name = texts(SENTENCE, Field::Name);
        for stop in ["की", "पर", "के", "में", "को", "और"] {
            let n = hindi::normalize(stop);
            assert!(!text.contains(&n), "{stop} kept in Text");
            assert!(name.contains(&n), "{stop} missing from Name");
        }
        assert!(text.contains(&"19".to_string()) && text.contains(&"29".to_string()));
        let english = texts("The elections of the Samajwadi Party", Field::Text);
        assert_eq!(english, vec!["elect", "samajwadi", "parti"]);
    }

    #[test]
    fn text_positions_count_removed_stopwords() {
        let tokens = analyze("यूपी की 10 सीटों", Field::Text);
        let positions: Vec<usize> = tokens.iter().map(|t| t.position).collect();
        assert_eq!(positions, vec![0, 2, 3]);
        assert_eq!(tokens[2].text, "सिट");
    }

    #[test]
    fn name_variants_meet() {
        assert_eq!(texts("नरेन्द्र", Field::Name), texts("नरेंद्र", Field::Name));
        assert_eq!(texts("गाँधी", Field::Name), texts("गांधी", Field::Name));
        assert_eq!(
            texts("जया", Field::Name),
            vec!["जया"],
            "names are not stemmed"
        );
        assert_eq!(
            texts("Ālok RANJAN", Field::Name),
            vec!["alok", "alokranjan", "ranjan"]
        );
        assert_eq!(texts("Modi's", Field::Name), vec!["modi"]);
        assert_eq!(texts("U.P.", Field::Name), vec!["up"]);
    }

    #[test]
    fn spacing_variants_are_indexed_as_pairs() {
        let spaced = analyze("रामजी लाल सुमन", Field::Name);
        let joined = texts("रामजीलाल", Field::Name);
        let pair = spaced.iter().find(|t| t.text == joined[0]);
        assert_eq!(pair.map(|t| t.position), Some(0));
        assert!(texts("Ramji Lal", Field::Name).contains(&"ramjilal".to_string()));
        assert!(texts("Ramji Lal", Field::Phonetic).contains(&phonetic_key("रामजीलाल")));
        // No pair across a comma or between scripts.
        assert_eq!(
            texts("Yadav, Akhilesh", Field::Name),
            vec!["yadav", "akhilesh"]
        );
        assert_eq!(texts("Alok रंजन", Field::Name).len(), 2);
        // A pair adds only the keys its first word lacks: हालही's loose key is हाल's
        // ("hl", the final h is silent), its strict key ("=hli") is new.
        assert_eq!(
            texts("हाल ही", Field::Phonetic),
            vec!["hl", "=hl", "=hli", "h", "=hi"]
        );
    }

    #[test]
    fn phonetic_field_crosses_scripts() {
        assert_eq!(
            texts("आलोक रंजन", Field::Phonetic),
            texts("Aalok Ranjan", Field::Phonetic)
        );
        assert_eq!(
            texts("संजय सेठ", Field::Phonetic),
            texts("Sanjay Seth", Field::Phonetic)
        );
    }

    #[test]
    fn detects_devanagari_words() {
        assert!(is_devanagari("प्रत्याशी") && is_devanagari("8वें"));
        assert!(!is_devanagari("Alok") && !is_devanagari("1978") && !is_devanagari(""));
        assert!(!is_devanagari("Alokक"));
    }

    #[test]
    fn seed_article_is_analysed_whole_words() {
        let Some(article) = seed_article() else {
            return;
        };
        let words: Vec<&str> = segment::words(&article).iter().map(|w| w.text).collect();
        for w in ["प्रत्यशाी", "पाप्टी", "समुन", "उन्नाव", "क्रॉस", "उम्मीदवारों"]
        {
            assert!(words.contains(&w), "{w} not kept whole");
        }
        let text = texts(&article, Field::Text);
        let stem = hindi::stem(&hindi::normalize("उम्मीदवार"));
        assert!(text.contains(&stem) && text.contains(&"1978".to_string()));
    }

    pub(super) fn odd_inputs() -> Vec<String> {
        let mut inputs: Vec<String> = [
            "",
            " ",
            "।।",
            "...",
            "!!??",
            "्",
            "ं",
            "़",
            "ँ",
            "ा",
            "\u{200D}",
            "\u{200C}क",
            "क्",
            "्क",
            "ं्ं़",
            "\u{0300}",
            "a\u{0301}\u{0301}",
            "🙂🙂",
            "x-",
            "-x",
            "ऽ",
            "\u{FEFF}",
            "ॐ",
            "ई अहमद",
            "एस॰एस॰",
            "U.P.",
            "2,50,000",
            "3.5",
            "_",
            "'",
            "a'",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        inputs.push("क".repeat(100_000));
        inputs.push("प्रत्याशी ".repeat(10_000));
        inputs.push("a".repeat(100_000));
        inputs.push("ं".repeat(100_000));
        inputs.push((0x0900u32..=0x097F).filter_map(char::from_u32).collect());
        inputs
    }

    #[test]
    fn odd_inputs_never_panic_and_keep_invariants() {
        for input in odd_inputs() {
            for field in [Field::Name, Field::Text, Field::Phonetic] {
                let tokens = analyze(&input, field);
                let mut last = 0;
                for t in &tokens {
                    assert!(!t.text.is_empty());
                    assert!(t.text.chars().count() <= 2 * segment::MAX_WORD_CHARS);
                    assert!(input.get(t.offset_from..t.offset_to).is_some());
                    assert!(t.position >= last, "positions go backwards");
                    last = t.position;
                }
            }
            let _ = phonetic_key(&input);
            let _ = is_devanagari(&input);
        }
    }
}
