//! The fast, memoised [`analyze`] must give exactly [`analyze_uncached`]'s tokens (text,
//! offsets, positions) for every input. Each input is analysed twice by the fast path, so
//! both a memo miss and a memo hit are compared with the reference.
//!
//! The real datasets in `../shared/data` and the seed article are read at run time; a
//! missing file is skipped with a message. By default: every distinct line, `,`/`;` cell
//! and word of the Popolo and TCPD cabinet/CM files and the IAS file's cells and words;
//! `every_line_agrees` (ignored by default: minutes in a debug build; 40 s with
//! `--release`) adds every line of every file, ADR and india-votes included.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{analyze, analyze_uncached, memo, segment, Field};

const FIELDS: [Field; 3] = [Field::Name, Field::Text, Field::Phonetic];

fn shared(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel)
}

/// Compares fast (twice) and reference for every field; returns how many inputs ran.
fn check_all<'a>(inputs: impl IntoIterator<Item = &'a str>) -> usize {
    let mut n = 0;
    for input in inputs {
        for field in FIELDS {
            let reference = analyze_uncached(input, field);
            assert_eq!(analyze(input, field), reference, "{field:?} {input:?}");
            assert_eq!(
                analyze(input, field),
                reference,
                "{field:?} {input:?} (memo)"
            );
        }
        n += 1;
    }
    n
}

/// Which pieces of each file to check.
#[derive(Clone, Copy, PartialEq)]
enum Pieces {
    /// Every distinct `,`/`;` cell and word: the texts and words an import analyses.
    CellsAndWords,
    /// Those and every distinct whole line (pairs across cells, long texts).
    AlsoLines,
}

/// The pieces of a text file, each once, in first-seen order.
fn pieces(text: &str, which: Pieces) -> Vec<&str> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for line in text.lines() {
        let whole = (which == Pieces::AlsoLines).then_some(line);
        let cells = line.split([',', ';']).map(|c| c.trim().trim_matches('"'));
        let words = segment::words(line).into_iter().map(|w| w.text);
        for piece in whole.into_iter().chain(cells).chain(words) {
            if seen.insert(piece) {
                out.push(piece);
            }
        }
    }
    out
}

/// Checks the pieces of each existing file under `rel` (a file or a folder of files).
fn check_dataset(rel: &str, which: Pieces) {
    let path = shared(rel);
    let files: Vec<PathBuf> = match std::fs::read_dir(&path) {
        Ok(dir) => {
            let mut files: Vec<PathBuf> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
            files.sort();
            files
        }
        Err(_) => vec![path.clone()],
    };
    let mut total = 0;
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            eprintln!("skipping {}: not found or not text", file.display());
            continue;
        };
        total += check_all(pieces(&text, which));
    }
    eprintln!("{rel}: {total} inputs agree");
}

#[test]
fn odd_inputs_agree() {
    let inputs = super::tests::odd_inputs();
    check_all(inputs.iter().map(String::as_str));
    // Again after the memo was emptied (the first pass may have been served by it).
    memo::clear();
    check_all(inputs.iter().map(String::as_str));
}

#[test]
fn seed_article_agrees() {
    let Some(article) = super::seed_article() else {
        return;
    };
    check_all([article.as_str()]);
    check_all(pieces(&article, Pieces::AlsoLines));
}

#[test]
fn popolo_tcpd_and_results_agree() {
    use Pieces::AlsoLines;
    check_dataset("data/popolo-lok-sabha-16/ep-popolo-v1.0.json", AlsoLines);
    check_dataset(
        "data/tcpd-cabinet/TCPD_Indian_Cabinet_1990_2021.csv",
        AlsoLines,
    );
    check_dataset("data/tcpd-cm/TCPD-CMID_1962_2022.csv", AlsoLines);
}

/// The IAS file's cells and words only, so a debug `cargo test` stays short;
/// `every_line_agrees` covers its lines, the ADR and india-votes files.
#[test]
fn ias_and_adr_cells_and_words_agree() {
    use Pieces::CellsAndWords;
    check_dataset("data/tcpd-ias/ias-profile.csv", CellsAndWords);
}

/// Every line of every dataset. Slow in a debug build (minutes); run it optimised:
/// `cargo test --release --lib analysis::equivalence -- --ignored`.
#[test]
#[ignore = "minutes in a debug build; run with --release -- --ignored"]
fn every_line_agrees() {
    use Pieces::AlsoLines;
    check_dataset("data/tcpd-ias/ias-profile.csv", AlsoLines);
    check_dataset("data/adr-affidavits/lok-sabha-candidates.csv", AlsoLines);
    check_dataset("data/adr-affidavits/state-assemblies", AlsoLines);
    check_dataset("data/india-votes/data", AlsoLines);
    check_dataset("data/india-votes/results", AlsoLines);
}

/// SplitMix64, for reproducible random strings.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Random strings over the characters the fast paths treat specially: ASCII letters,
/// digits and punctuation, Devanagari (nukta letters, virama, signs, digits, danda),
/// combining accents, joiners, invisible marks, Latin with diacritics, other scripts.
#[test]
fn random_mixtures_agree() {
    let alphabet: Vec<char> = concat!(
        "aAzZsSkKhHyYoOwWcCeEiI09 .,;:'’-‐_\"!?()/\t\n",
        "कखगजडढनरलमयवसह़्ािीुूेैोौंँःॉॅऋृ",
        "\u{0929}\u{0931}\u{0934}\u{0958}\u{095B}\u{095C}\u{095F}०१९।॥ॐऽअआएऐओऔ\u{0951}\u{0952}\u{0972}",
        "\u{0301}\u{0300}\u{0308}\u{200C}\u{200D}\u{00AD}\u{200B}\u{FEFF}\u{00A0}",
        "ĀāŚśṣṛéüßæøłıÉ·ŉ",
        "யோகிবাংলা漢字🙂"
    )
    .chars()
    .collect();
    let mut rng = Rng(6);
    let inputs: Vec<String> = (0..4000)
        .map(|_| {
            let len = (rng.next() % 24) as usize;
            (0..len)
                .map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize])
                .collect()
        })
        .collect();
    check_all(inputs.iter().map(String::as_str));
}

#[test]
fn memo_stays_within_budget() {
    memo::clear();
    for i in 0..60_000 {
        let text = format!("उम्मीदवार{i} Candidate{i} सिंह{i}");
        for field in FIELDS {
            let _ = analyze(&text, field);
        }
        for held in memo::held_bytes() {
            assert!(held <= memo::BUDGET_BYTES);
        }
    }
    // Each text was seen once (the memo only keeps repeated texts): words and hashes.
    let [texts, words, seen] = memo::held_bytes();
    assert!(texts == 0 && words > 0 && seen > 0);
    let _ = analyze("Alok Ranjan", Field::Name);
    let _ = analyze("Alok Ranjan", Field::Name);
    assert!(memo::held_bytes()[0] > 0, "a repeated text is remembered");
}
