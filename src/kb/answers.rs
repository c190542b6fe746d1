//! Answers of reading commands kept per store generation, so that asking the same
//! question again (`election lok-sabha-2024`, a seat's history) reads one small file
//! instead of paying sled's open — over a second at a million records, where the
//! whole answer then takes a few milliseconds.
//!
//! An answer is derived like the index: it lives in `index/answers/`, names the store
//! generation it was worked out at, and is used only while that is still the store's
//! generation (read from the mirror beside the store, without opening sled) and no
//! import is in progress. Any write makes every kept answer stale; the next write of
//! an answer removes the stale ones. Losing the folder loses nothing.

use super::Home;
use crate::error::{Error, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::io::{Read, Write};
use std::path::PathBuf;

/// What an answer file starts with: the format and the program's version (another
/// version may work an answer out differently), the generation and the question, so
/// a hash collision or an older layout is never taken for the answer.
const MAGIC: &str = concat!("netakosh-answer 1 ", env!("CARGO_PKG_VERSION"));

fn dir(home: &Home) -> PathBuf {
    home.index_dir().join("answers")
}

fn hash(question: &str) -> u64 {
    // FNV-1a: stable across builds and platforms, unlike the std hasher.
    question.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn file(home: &Home, generation: u64, question: &str) -> PathBuf {
    dir(home).join(format!("{generation}-{:016x}.json.zst", hash(question)))
}

/// The running program's build: its version, and when its file was written, so a
/// rebuilt binary (a developer's, between two releases of one version) never reads
/// an answer an earlier build worked out.
fn build() -> String {
    let written = std::env::current_exe()
        .and_then(std::fs::metadata)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{MAGIC} {written}")
}

fn header(generation: u64, question: &str) -> String {
    format!(
        "{}\n{generation}\n{}\n",
        build(),
        question.replace('\n', " ")
    )
}

/// The kept answer to `question`, when it is current: no import in progress and
/// worked out at the generation the store has now.
pub fn recall<T: DeserializeOwned>(home: &Home, question: &str) -> Option<T> {
    if home.marker_file().exists() {
        return None;
    }
    let generation = home.mirrored_generation()?;
    let raw = std::fs::File::open(file(home, generation, question)).ok()?;
    let mut text = String::new();
    zstd::Decoder::new(raw)
        .ok()?
        .read_to_string(&mut text)
        .ok()?;
    let body = text.strip_prefix(&header(generation, question))?;
    serde_json::from_str(body).ok()
}

/// Keeps `answer` to `question`, worked out from the store at `generation`, and
/// removes the answers of other generations. Written beside and renamed into place,
/// so a reader sees a whole answer or none.
pub fn remember<T: Serialize>(
    home: &Home,
    generation: u64,
    question: &str,
    answer: &T,
) -> Result<()> {
    let folder = dir(home);
    std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
    let path = file(home, generation, question);
    let tmp = path.with_extension("netakosh-tmp");
    let body = serde_json::to_string(answer)
        .map_err(|e| Error::Usage(format!("cannot keep the answer: {e}")))?;
    let written = std::fs::File::create(&tmp).and_then(|f| {
        let mut z = zstd::Encoder::new(f, 3)?;
        z.write_all(header(generation, question).as_bytes())?;
        z.write_all(body.as_bytes())?;
        z.finish().map(drop)
    });
    written.map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))?;
    let current = format!("{generation}-");
    if let Ok(entries) = std::fs::read_dir(&folder) {
        for e in entries.flatten() {
            let name = e.file_name();
            if !name.to_string_lossy().starts_with(&current) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn home_at(generation: u64) -> (tempfile::TempDir, Home) {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::new(dir.path());
        std::fs::create_dir_all(home.store_dir()).unwrap();
        home.write_generation(generation).unwrap();
        (dir, home)
    }

    #[test]
    fn an_answer_is_recalled_only_at_its_generation_and_without_an_import_running() {
        let (_dir, home) = home_at(7);
        let answer = vec!["आलोक रंजन".to_string(), "19".to_string()];
        assert_eq!(recall::<Vec<String>>(&home, "q"), None);
        remember(&home, 7, "q", &answer).unwrap();
        assert_eq!(recall::<Vec<String>>(&home, "q"), Some(answer.clone()));
        assert_eq!(recall::<Vec<String>>(&home, "another question"), None);
        // An import in progress: the store may be ahead of the answer.
        std::fs::write(home.marker_file(), "generation 8\n").unwrap();
        assert_eq!(recall::<Vec<String>>(&home, "q"), None);
        std::fs::remove_file(home.marker_file()).unwrap();
        // A write moved the store on: the answer is stale, and the next one removes it.
        home.write_generation(8).unwrap();
        assert_eq!(recall::<Vec<String>>(&home, "q"), None);
        remember(&home, 8, "other", &1u32).unwrap();
        let left: Vec<_> = std::fs::read_dir(dir(&home)).unwrap().flatten().collect();
        assert_eq!(left.len(), 1, "only the current generation's answer stays");
        assert_eq!(recall::<u32>(&home, "other"), Some(1));
    }

    #[test]
    fn a_damaged_answer_is_no_answer() {
        let (_dir, home) = home_at(3);
        remember(&home, 3, "q", &5u32).unwrap();
        std::fs::write(file(&home, 3, "q"), b"not zstd").unwrap();
        assert_eq!(recall::<u32>(&home, "q"), None);
    }
}
