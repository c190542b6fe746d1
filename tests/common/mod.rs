//! Shared helpers: run the real binary in a fresh temporary home.
#![allow(dead_code)]

use assert_cmd::Command;
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
