//! Fuzz harnesses: the properties each fuzz target checks on arbitrary input.
//!
//! The cargo-fuzz targets in `fuzz/` call these, and `tests/fuzz_regressions.rs`
//! replays every input the fuzzer found (and the seed corpus) through them in CI.
//! A harness panics when a property fails; a panic inside netakosh is a failure too.

use crate::analysis::{self, Field};
use crate::error::{Error, Problem};
use crate::import::registry::ALL;
use crate::import::{self, native};
use crate::kb::Kb;
use crate::model::validate::check_record;
use crate::model::Record;
use crate::search::{self, SearchOptions};

/// The last line a problem may name in `text` (a file without a final newline
/// still has its last line).
fn last_line(text: &str) -> usize {
    text.matches('\n').count() + 1
}

fn assert_problems_are_placed(problems: &[Problem], file: &str, text: &str) {
    for p in problems {
        assert_eq!(p.file, file, "a problem names its file: {p}");
        assert!(
            p.line <= last_line(text),
            "a problem names a line of the file: {p} (the file has {} lines)",
            last_line(text)
        );
        assert!(!p.message.is_empty(), "a problem says what is wrong: {p:?}");
    }
}

/// A record survives export and re-import unchanged.
fn assert_round_trips(record: &Record) {
    let line = serde_json::to_string(record).expect("records always serialize");
    let batch = native::parse("export.jsonl", &line);
    assert!(
        batch.problems.is_empty(),
        "an exported record re-imports without problems: {line}\n{:?}",
        batch.problems
    );
    assert_eq!(batch.records.len(), 1, "{line}");
    assert_eq!(
        &batch.records[0].record, record,
        "re-imported as exported: {line}"
    );
}

/// The native record parser (JSON Lines or a JSON array): never panics, every
/// problem names the file and a line in it, every record it accepts validates
/// without panicking and round-trips through export.
pub fn record_parser(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let batch = native::parse("fuzz.jsonl", text);
    assert_problems_are_placed(&batch.problems, "fuzz.jsonl", text);
    for p in &batch.records {
        assert!(
            (1..=last_line(text)).contains(&p.line),
            "record line {}",
            p.line
        );
        let _ = check_record(&p.record);
        assert_round_trips(&p.record);
    }
    for l in &batch.links {
        assert!(
            (1..=last_line(text)).contains(&l.line),
            "link line {}",
            l.line
        );
    }
}

/// Validation and planning against a store (the seed): the first byte picks the
/// format, the rest is a file. Planning never fails but with problems that name the
/// file and a line, and a plan changes at most the records and links read.
pub fn import_plan(kb: &Kb, data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let format = ALL[pick as usize % ALL.len()];
    let batch = format.parse("fuzz.in", text);
    let read = batch.records.len() + batch.defaults.len();
    let links = batch.links.len();
    match import::plan(&kb.store, batch) {
        Ok(plan) => {
            assert!(plan.changes.len() <= read);
            assert!(plan.decisions.len() <= links);
        }
        Err(Error::Invalid(problems)) => {
            assert!(!problems.is_empty());
            assert_problems_are_placed(&problems, "fuzz.in", text);
        }
        Err(e) => panic!("planning failed: {e}"),
    }
}

/// Every import format's row parser: the first byte picks the format.
pub fn format_parser(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let format = ALL[pick as usize % ALL.len()];
    let name = format!("fuzz.{}", format.name());
    let batch = format.parse(&name, text);
    assert_problems_are_placed(&batch.problems, &name, text);
    for p in batch.records.iter().chain(&batch.defaults) {
        assert!(p.line <= last_line(text), "record line {}", p.line);
        let _ = check_record(&p.record);
        assert_round_trips(&p.record);
    }
}

/// The file reader: the first byte picks the chunk size, the second the longest
/// line allowed. It agrees with `std::str::from_utf8` on what is valid, and names
/// the right line for what it refuses, wherever the chunks fall.
pub fn read_text(data: &[u8]) {
    let [chunk, max_line, bytes @ ..] = data else {
        return;
    };
    let chunk = 1 + *chunk as usize % 16;
    let max_line = 1 + *max_line as usize;
    let line_of = |at: usize| bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let too_long = bytes.split(|&b| b == b'\n').any(|l| l.len() > max_line);
    match import::read_text_from(bytes, "fuzz", chunk, max_line) {
        Ok(text) => {
            assert!(!too_long, "a line over {max_line} bytes was accepted");
            assert_eq!(text.as_bytes(), bytes);
        }
        Err(p) => {
            assert_eq!(p.file, "fuzz");
            if p.message.starts_with("line is longer") {
                let line = bytes.split(|&b| b == b'\n').nth(p.line - 1);
                assert!(
                    line.is_some_and(|l| l.len() > max_line),
                    "line {} is not over {max_line} bytes",
                    p.line
                );
            } else {
                assert!(p.message.contains("not valid UTF-8"), "{p}");
                let e = std::str::from_utf8(bytes).expect_err("refused valid UTF-8");
                assert_eq!(p.line, line_of(e.valid_up_to()), "{p}");
            }
        }
    }
}

/// The analysis pipeline, for every field: never panics; each token is non-empty,
/// its offsets are character boundaries of the input in order, and positions never
/// go back.
pub fn analysis(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for field in [Field::Name, Field::Text, Field::Phonetic] {
        let tokens = analysis::analyze(&text, field);
        let mut last_position = 0;
        for t in &tokens {
            assert!(!t.text.is_empty(), "{field:?}: an empty token in {text:?}");
            assert!(
                t.offset_from <= t.offset_to && t.offset_to <= text.len(),
                "{field:?}: offsets {}..{} outside {} bytes",
                t.offset_from,
                t.offset_to,
                text.len()
            );
            assert!(
                text.is_char_boundary(t.offset_from) && text.is_char_boundary(t.offset_to),
                "{field:?}: offsets {}..{} cut a character of {text:?}",
                t.offset_from,
                t.offset_to
            );
            assert!(
                t.position >= last_position,
                "{field:?}: position {} after {last_position} in {text:?}",
                t.position
            );
            last_position = t.position;
        }
    }
    let _ = analysis::phonetic_key(&text);
    let _ = crate::analysis::filter_key(&text);
}

/// The query path on a knowledge base: the first byte picks the options (kind,
/// filters, limit), the rest is the query. A search never fails (but for a query
/// without a searchable word, which is a usage error) or panics, returns
/// at most `limit` hits, and its snippets' highlights are in-bounds, ordered
/// character ranges. `show`'s name resolution never fails but with "not found",
/// "ambiguous" or a usage error.
pub fn query(kb: &Kb, data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let (half_a, half_b) = text.split_at(
        text.char_indices()
            .nth(text.chars().count() / 2)
            .map_or(text.len(), |(i, _)| i),
    );
    let opts = SearchOptions {
        limit: 1 + (pick as usize >> 5),
        kind: (pick & 1 == 1)
            .then(|| crate::model::Kind::ALL[(pick as usize >> 1) % crate::model::Kind::ALL.len()]),
        party: (pick & 2 == 2).then(|| half_a.to_string()),
        state: (pick & 4 == 4).then(|| half_b.to_string()),
        year: (pick & 8 == 8).then_some(u16::from(pick) * 8),
    };
    let hits = match search::search(&kb.index, &text, &opts) {
        Ok(hits) => hits,
        // A query with no searchable words is the user's to fix, and says so.
        Err(Error::Usage(m)) => {
            assert!(m.contains("no searchable words"), "{m}");
            return;
        }
        Err(e) => panic!("search {text:?} with {opts:?} failed: {e}"),
    };
    assert!(
        hits.len() <= opts.limit,
        "{} hits for limit {}",
        hits.len(),
        opts.limit
    );
    for h in &hits {
        if let Some(s) = &h.snippet {
            let mut at = 0;
            for &(from, to) in &s.highlights {
                assert!(
                    at <= from && from <= to && to <= s.text.len(),
                    "highlight {from}..{to} of {} bytes",
                    s.text.len()
                );
                assert!(s.text.is_char_boundary(from) && s.text.is_char_boundary(to));
                at = to;
            }
        }
    }
    match search::resolve(&kb.store, &kb.index, &text) {
        Ok(_)
        | Err(Error::NotFound { .. })
        | Err(Error::Ambiguous { .. })
        | Err(Error::Usage(_)) => {}
        Err(e) => panic!("resolving {text:?} failed: {e}"),
    }
}
