//! `snapshot DIR`: a consistent copy of a home's index and replica at one store
//! generation, for read-only serving (`serve --read-only`) on this or another
//! machine. Safe while an import runs: it copies the last committed pair.
//!
//! A tantivy index is immutable files named by segment plus `meta.json`, which
//! names the segments of the last commit. Copying `meta.json` as read, then the
//! files it names, gives that commit whole; a commit landing meanwhile only adds
//! files, and if a merge's clean-up removes one before it is copied, the copy
//! starts again. Files are hard-linked where the filesystem allows (instant, no
//! space: tantivy never rewrites a file), else copied.

use super::Home;
use crate::error::{Error, Result};
use crate::replica;
use std::path::{Path, PathBuf};

/// How often a copy is retried, a quarter second apart, when an import changes the
/// index underneath it or is between its index's and replica's commits (seconds
/// at a million records): a minute in all.
const ATTEMPTS: usize = 240;

/// Writes a snapshot of `home` to `dest` (which must not exist) and returns its
/// generation. The home's index must be current; `kb::read` catches it up first.
pub fn snapshot(home: &Home, dest: &Path) -> Result<u64> {
    if dest.exists() {
        return Err(Error::Usage(format!(
            "{} exists; a snapshot is written to a new directory",
            dest.display()
        )));
    }
    let partial = partial_dir(dest);
    let _ = std::fs::remove_dir_all(&partial);
    let mut last = None;
    for _ in 0..ATTEMPTS {
        match copy_pair(home, &partial) {
            Ok(Some(generation)) => {
                std::fs::write(partial.join("netakosh-snapshot"), format!("{generation}\n"))
                    .map_err(|e| Error::io(&partial, e))?;
                std::fs::rename(&partial, dest).map_err(|e| Error::io(dest, e))?;
                return Ok(generation);
            }
            // The index and replica are between an import's two commits.
            Ok(None) => last = None,
            Err(e) => last = Some(e),
        }
        let _ = std::fs::remove_dir_all(&partial);
        std::thread::sleep(std::time::Duration::from_millis(250));
    }
    Err(last.unwrap_or_else(|| {
        Error::Usage(format!(
            "{}: the index and its replica never agreed on a generation while copying (an import committing?); try again",
            home.root().display()
        ))
    }))
}

fn partial_dir(dest: &Path) -> PathBuf {
    let mut name = dest.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    dest.with_file_name(name)
}

/// Copies the index and replica into `to` when their commits agree on a generation.
fn copy_pair(home: &Home, to: &Path) -> Result<Option<u64>> {
    let index_dir = home.index_dir();
    let replica_dir = replica::dir(&index_dir);
    let index = Commit::read(&index_dir)?;
    let replica = Commit::read(&replica_dir)?;
    let index_generation = index
        .payload
        .as_deref()
        .and_then(crate::index::Stamp::decode)
        .map(|s| s.generation);
    let replica_generation = replica
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str::<replica::Stamp>(p).ok())
        .map(|s| s.generation);
    let (Some(a), Some(b)) = (index_generation, replica_generation) else {
        return Ok(None);
    };
    if a != b {
        return Ok(None);
    }
    let to_index = to.join("index");
    index.copy(&index_dir, &to_index)?;
    replica.copy(&replica_dir, &replica::dir(&to_index))?;
    Ok(Some(a))
}

/// One tantivy commit as its `meta.json` records it.
struct Commit {
    /// `meta.json` as read, written unchanged into the copy.
    meta: Vec<u8>,
    /// The stamp the commit carries (the index's or the replica's own form).
    payload: Option<String>,
    /// The segment ids it names, as their files' names begin (no dashes).
    segments: Vec<String>,
}

impl Commit {
    fn read(dir: &Path) -> Result<Commit> {
        let path = dir.join("meta.json");
        let meta = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        Commit::parse(meta)
    }

    fn parse(meta: Vec<u8>) -> Result<Commit> {
        let json: serde_json::Value = serde_json::from_slice(&meta)
            .map_err(|e| Error::Usage(format!("the index's meta.json does not read: {e}")))?;
        let payload = json
            .get("payload")
            .and_then(|p| p.as_str())
            .map(String::from);
        let segments = json
            .get("segments")
            .and_then(|s| s.as_array())
            .map(|list| {
                list.iter()
                    .filter_map(|s| s.get("segment_id")?.as_str())
                    .map(|id| id.replace('-', ""))
                    .collect()
            })
            .unwrap_or_default();
        Ok(Commit {
            meta,
            payload,
            segments,
        })
    }

    /// Copies the commit from `from` into `to`: the files of its segments, then
    /// `meta.json` as it was read.
    fn copy(&self, from: &Path, to: &Path) -> Result<()> {
        std::fs::create_dir_all(to).map_err(|e| Error::io(to, e))?;
        for entry in std::fs::read_dir(from).map_err(|e| Error::io(from, e))? {
            let entry = entry.map_err(|e| Error::io(from, e))?;
            let name = entry.file_name();
            let Some(text) = name.to_str() else { continue };
            if !self.segments.iter().any(|id| text.starts_with(id.as_str())) {
                continue;
            }
            let (src, dst) = (entry.path(), to.join(&name));
            if std::fs::hard_link(&src, &dst).is_err() {
                std::fs::copy(&src, &dst).map_err(|e| Error::io(&src, e))?;
            }
        }
        let path = to.join("meta.json");
        std::fs::write(&path, &self.meta).map_err(|e| Error::io(&path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_generation_and_segments_of_a_commit() {
        let meta = br#"{"segments":[{"segment_id":"5e0c5a08-cdbe-4241-a18a-bbaa36b842bf","max_doc":3}],"payload":"{\"format\":3,\"generation\":42}"}"#;
        let replica = Commit::parse(meta.to_vec()).unwrap();
        let stamp: replica::Stamp =
            serde_json::from_str(replica.payload.as_deref().unwrap()).unwrap();
        assert_eq!(stamp.generation, 42);
        let index = Commit::parse(br#"{"segments":[],"payload":"format=8;generation=7"}"#.to_vec())
            .unwrap();
        let stamp = crate::index::Stamp::decode(index.payload.as_deref().unwrap()).unwrap();
        assert_eq!(stamp.generation, 7);
        assert_eq!(
            replica.segments,
            vec!["5e0c5a08cdbe4241a18abbaa36b842bf".to_string()]
        );
        assert_eq!(
            Commit::parse(br#"{"segments":[]}"#.to_vec())
                .unwrap()
                .payload,
            None
        );
    }

    #[test]
    fn the_partial_copy_sits_beside_the_destination() {
        assert_eq!(
            partial_dir(Path::new("/srv/snap-7")),
            PathBuf::from("/srv/snap-7.partial")
        );
    }
}
