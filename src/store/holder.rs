//! Who holds the store: a small file beside sled's own, written while a process
//! has the store open, so a second opener's error can name the process.
//!
//! sled's lock is an advisory file lock that dies with its process; this file does
//! not, so a holder whose process is gone (killed) is recognised as stale and ignored.

use std::path::{Path, PathBuf};

/// The file's name inside the store directory.
pub const FILE: &str = "netakosh-holder";

/// The process that holds a store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    /// The holder's command line, clipped.
    pub command: String,
    /// Unix seconds when it opened the store.
    pub since: u64,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "pid {} `{}` since {}",
            self.pid,
            self.command,
            crate::time::format_utc(self.since)
        )
    }
}

impl Holder {
    /// This process.
    pub fn me() -> Holder {
        let mut args = std::env::args();
        let program = args
            .next()
            .map(|p| {
                Path::new(&p)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or(p)
            })
            .unwrap_or_else(|| "?".into());
        let mut command = std::iter::once(program)
            .chain(args)
            .collect::<Vec<_>>()
            .join(" ")
            .replace(['\n', '\r'], " ");
        if command.chars().count() > 160 {
            command = command.chars().take(159).collect::<String>() + "…";
        }
        Holder {
            pid: std::process::id(),
            command,
            since: crate::time::now(),
        }
    }

    fn encode(&self) -> String {
        format!(
            "pid {}\nsince {}\ncommand {}\n",
            self.pid, self.since, self.command
        )
    }

    fn decode(text: &str) -> Option<Holder> {
        let mut pid = None;
        let mut since = None;
        let mut command = None;
        for line in text.lines() {
            match line.split_once(' ') {
                Some(("pid", v)) => pid = v.parse().ok(),
                Some(("since", v)) => since = v.parse().ok(),
                Some(("command", v)) => command = Some(v.to_string()),
                _ => {}
            }
        }
        Some(Holder {
            pid: pid?,
            since: since?,
            command: command?,
        })
    }
}

fn path(store: &Path) -> PathBuf {
    store.join(FILE)
}

/// Records this process as the holder. Best effort: the lock itself is sled's, and a
/// store that cannot take this small file will fail on its own writes anyway.
pub fn write(store: &Path) {
    let _ = std::fs::write(path(store), Holder::me().encode());
}

/// Removes the record of this process as the holder (when the store is closed).
pub fn remove(store: &Path) {
    if read_any(store).is_some_and(|h| h.pid == std::process::id()) {
        let _ = std::fs::remove_file(path(store));
    }
}

fn read_any(store: &Path) -> Option<Holder> {
    Holder::decode(&std::fs::read_to_string(path(store)).ok()?)
}

/// The live process named as holder, if any (a holder left by a killed process is not).
pub fn read(store: &Path) -> Option<Holder> {
    let holder = read_any(store)?;
    let proc = Path::new("/proc");
    if proc.join("self").exists() && !proc.join(holder.pid.to_string()).exists() {
        return None;
    }
    Some(holder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_holder_round_trips_and_names_itself() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path());
        let h = read(dir.path()).expect("this process is alive");
        assert_eq!(h.pid, std::process::id());
        assert!(h.to_string().starts_with(&format!("pid {} `", h.pid)));
        remove(dir.path());
        assert!(!dir.path().join(FILE).exists());
    }

    #[test]
    fn a_dead_holder_is_ignored_and_garbage_is_not_a_holder() {
        let dir = tempfile::tempdir().unwrap();
        // Pids are below 2^22 on Linux, so this one is never alive.
        std::fs::write(
            dir.path().join(FILE),
            "pid 4294967295\nsince 1\ncommand x\n",
        )
        .unwrap();
        if Path::new("/proc/self").exists() {
            assert_eq!(read(dir.path()), None);
        }
        std::fs::write(dir.path().join(FILE), "pid x\n").unwrap();
        assert_eq!(read(dir.path()), None);
    }
}
