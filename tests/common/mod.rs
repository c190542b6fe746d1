//! Shared helpers: run the real binary in a fresh temporary home.
#![allow(dead_code)]

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    /// A new, empty home; the first command fills it from the bundled seed.
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("netakosh").expect("the netakosh binary is built");
        c.env_clear()
            .env("NETAKOSH_HOME", self.path())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default());
        c
    }

    /// Runs `args`; returns (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.cmd().args(args).output().expect("the binary runs");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Runs `args` expecting success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "`netakosh {}` failed:\n{err}", args.join(" "));
        out
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"))
    }

    pub fn write(&self, name: &str, content: &str) -> PathBuf {
        let p = self.path().join(name);
        std::fs::write(&p, content).expect("write a test file");
        p
    }

    /// The store's logical content: every record and the generation. (sled rewrites
    /// its own snapshot files when opened, so bytes are not compared.)
    pub fn store_snapshot(&self) -> String {
        let records = self.ok(&["export"]);
        let stats = self.json(&["stats", "--json"]);
        format!("{records}\ngeneration {}", stats["generation"])
    }
}

/// The ids of a `search --json` answer, in order.
pub fn hit_ids(v: &serde_json::Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .expect("hits is an array")
        .iter()
        .map(|h| h["id"].as_str().expect("hit id").to_string())
        .collect()
}

/// The folder of the shared public datasets: `NETAKOSH_SHARED_DATA` if set, else
/// `<crate root>/../shared/data`, else `/work/shared/data`; `None` when absent.
pub fn shared_data() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("NETAKOSH_SHARED_DATA") {
        let dir = PathBuf::from(dir);
        return dir.is_dir().then_some(dir);
    }
    [
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
        PathBuf::from("/work/shared/data"),
    ]
    .into_iter()
    .find(|d| d.is_dir())
}

/// A file of the shared datasets, or `None` (saying why the test is skipped).
pub fn shared_file(relative: &str) -> Option<PathBuf> {
    let file = shared_data()
        .map(|d| d.join(relative))
        .filter(|f| f.is_file());
    if file.is_none() {
        eprintln!(
            "skipped: the shared dataset {relative} is not there (set NETAKOSH_SHARED_DATA to the folder holding it)"
        );
    }
    file
}

/// A fixture under `tests/fixtures/`.
pub fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative)
}

/// `import --json FILE…`: the report.
pub fn import_report(home: &Home, files: &[&Path]) -> serde_json::Value {
    let mut args = vec!["import", "--json"];
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    home.json(&args)["report"].clone()
}

/// A report's counts per kind (`added`, `updated` or `unchanged`).
pub fn counts(report: &serde_json::Value, bucket: &str) -> BTreeMap<String, u64> {
    report[bucket]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_u64().unwrap_or(0)))
                .collect()
        })
        .unwrap_or_default()
}

/// Expected counts per kind, written as a list.
pub fn kinds(list: &[(&str, u64)]) -> BTreeMap<String, u64> {
    list.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}

/// Exports `home`, imports the export into a fresh home and exports that: the two
/// exports must be equal for an import format to be lossless through JSON Lines.
pub fn assert_export_round_trips(home: &Home) {
    let first = home.ok(&["export"]);
    let file = home.write("export.jsonl", &first);
    let fresh = Home::new();
    fresh.ok(&["import", file.to_str().expect("a UTF-8 path")]);
    let second = fresh.ok(&["export"]);
    assert!(
        first == second,
        "the export of a fresh home that imported the export differs ({} vs {} lines)",
        first.lines().count(),
        second.lines().count()
    );
}
