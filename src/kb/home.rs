//! A home's directory and the small files netakosh keeps beside the store: the
//! mirrored generation and the marker of an import in progress.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Where a knowledge base lives.
#[derive(Clone, Debug)]
pub struct Home {
    root: PathBuf,
}

impl Home {
    pub fn new(root: impl Into<PathBuf>) -> Home {
        Home { root: root.into() }
    }

    /// The default home: `$XDG_DATA_HOME/netakosh`, else `~/.local/share/netakosh`.
    pub fn default_root() -> Result<PathBuf> {
        if let Some(x) = std::env::var_os("XDG_DATA_HOME").filter(|x| !x.is_empty()) {
            return Ok(PathBuf::from(x).join("netakosh"));
        }
        match std::env::var_os("HOME").filter(|h| !h.is_empty()) {
            Some(h) => Ok(PathBuf::from(h).join(".local/share/netakosh")),
            None => Err(Error::Usage(
                "no home for the knowledge base: pass --home DIR or set NETAKOSH_HOME".into(),
            )),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn store_dir(&self) -> PathBuf {
        self.root.join("store")
    }

    pub fn index_dir(&self) -> PathBuf {
        self.root.join("index")
    }

    fn generation_file(&self) -> PathBuf {
        self.store_dir().join("netakosh-generation")
    }

    pub(super) fn marker_file(&self) -> PathBuf {
        self.store_dir().join("netakosh-importing")
    }

    /// Records, durably, that an import creating `generation` is about to be written.
    /// Written beside and renamed into place, so a marker is whole or absent.
    pub(super) fn write_marker(&self, generation: u64, label: &str) -> Result<()> {
        use std::io::Write;
        let path = self.marker_file();
        let tmp = path.with_extension("tmp");
        let text = format!(
            "generation {generation}\nlabel {}\n",
            label.replace('\n', " ")
        );
        std::fs::File::create(&tmp)
            .and_then(|mut f| {
                f.write_all(text.as_bytes())?;
                f.sync_all()
            })
            .map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))?;
        // The marker's directory entry must reach the disk before the store's writes.
        let dir = self.store_dir();
        std::fs::File::open(&dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| Error::io(&dir, e))
    }

    /// The interrupted import, if the marker is there: (generation it creates, label).
    pub(super) fn read_marker(&self) -> Option<(Option<u64>, Option<String>)> {
        let text = std::fs::read_to_string(self.marker_file()).ok()?;
        let mut generation = None;
        let mut label = None;
        for line in text.lines() {
            match line.split_once(' ') {
                Some(("generation", v)) => generation = v.parse().ok(),
                Some(("label", v)) => label = Some(v.to_string()),
                _ => {}
            }
        }
        Some((generation, label))
    }

    pub(super) fn remove_marker(&self) -> Result<()> {
        // A half-written marker left by a killed import never became the marker.
        let _ = std::fs::remove_file(self.marker_file().with_extension("tmp"));
        let path = self.marker_file();
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(&path, e)),
            _ => Ok(()),
        }
    }

    pub(super) fn check_root(&self) -> Result<()> {
        if self.root.exists() && !self.root.is_dir() {
            return Err(Error::Usage(format!(
                "the home {} is not a directory",
                self.root.display()
            )));
        }
        Ok(())
    }

    /// The store generation last written by an import, read without opening sled;
    /// for a snapshot, the generation it was taken at.
    pub(super) fn mirrored_generation(&self) -> Option<u64> {
        let read = |path: PathBuf| std::fs::read_to_string(path).ok()?.trim().parse().ok();
        read(self.generation_file()).or_else(|| read(self.snapshot_file()))
    }

    /// The generation the store last finished, when no import is part way (its
    /// marker absent): what a reader that never opens the store waits for.
    pub fn settled_generation(&self) -> Option<u64> {
        if self.marker_file().exists() {
            return None;
        }
        self.mirrored_generation()
    }

    /// Written by `snapshot`: the generation its copy of the index holds. A home
    /// with it has no store and is only read.
    pub(super) fn snapshot_file(&self) -> PathBuf {
        self.root.join("netakosh-snapshot")
    }

    /// Whether this home is a snapshot (`netakosh snapshot DIR`): read-only.
    pub fn is_snapshot(&self) -> bool {
        self.snapshot_file().exists()
    }

    pub(crate) fn write_generation(&self, generation: u64) -> Result<()> {
        let path = self.generation_file();
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, generation.to_string()).map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))
    }
}
