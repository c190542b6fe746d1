//! Shared helpers: run the real binary in a fresh temporary home.
#![allow(dead_code)]

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    /// Runs `args` with its standard output closed as soon as it starts, as a pager
    /// quitting early does.
    pub fn with_stdout_closed(&self, args: &[&str]) -> std::process::Output {
        let mut child = std::process::Command::new(bin())
            .env("NETAKOSH_HOME", self.path())
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        child.wait_with_output().unwrap()
    }

    /// The records `show ID` lists as the same person (through the identity tree).
    pub fn linked(&self, id: &str) -> Vec<String> {
        let v = self.json(&["show", id, "--json"]);
        v["same_as"]
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    }

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

    /// Runs `args` expecting exit `code` and JSON on stdout.
    pub fn json_code(&self, args: &[&str], code: i32) -> serde_json::Value {
        let (got, out, err) = self.run(args);
        assert_eq!(got, code, "`netakosh {}`:\n{out}{err}", args.join(" "));
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
/// Whether a `duplicates --json` answer proposes the pair `a`, `b` (either order).
pub fn proposes(v: &serde_json::Value, a: &str, b: &str) -> bool {
    v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| (p["a"] == a && p["b"] == b) || (p["a"] == b && p["b"] == a))
}

pub fn hit_ids(v: &serde_json::Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .expect("hits is an array")
        .iter()
        .map(|h| h["id"].as_str().expect("hit id").to_string())
        .collect()
}

/// The netakosh binary under test.
pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("netakosh")
}

/// Copies a directory tree (a home that no process has open).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create the copy's directory");
    for entry in std::fs::read_dir(from).expect("read a directory to copy") {
        let entry = entry.expect("a directory entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
pub fn file_bytes(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut std::collections::BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("read a directory") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .expect("under the root")
                    .to_path_buf();
                out.insert(rel, std::fs::read(&path).expect("read a file"));
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// A netakosh process stopped at a pause point (see `netakosh::pause`).
pub struct Paused {
    pub child: std::process::Child,
    stderr: std::io::BufReader<std::process::ChildStderr>,
    /// What it wrote to stderr up to and including the pause line.
    pub said: String,
}

impl Home {
    /// Starts `netakosh ARGS` with `NETAKOSH_TEST_PAUSE=point` and waits until it is
    /// paused there; panics if it ends first.
    pub fn spawn_paused(&self, args: &[&str], point: &str) -> Paused {
        self.spawn_paused_env(args, point, &[])
    }

    pub fn spawn_paused_env(&self, args: &[&str], point: &str, env: &[(&str, &str)]) -> Paused {
        use std::io::BufRead;
        let mut cmd = std::process::Command::new(bin());
        cmd.env_clear()
            .env("NETAKOSH_HOME", self.path())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env(netakosh::pause::VAR, point)
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("start netakosh");
        let mut stderr = std::io::BufReader::new(child.stderr.take().expect("piped stderr"));
        let mut said = String::new();
        loop {
            let mut line = String::new();
            let n = stderr.read_line(&mut line).expect("read stderr");
            said.push_str(&line);
            if n == 0 {
                let status = child.wait().expect("wait for netakosh");
                panic!("netakosh ended ({status}) before pausing at {point}:\n{said}");
            }
            if line.contains(&format!("test pause at {point}")) {
                break;
            }
        }
        Paused {
            child,
            stderr,
            said,
        }
    }
}

impl Paused {
    /// Lets it go on; returns (exit code, stdout, all of stderr).
    pub fn resume(mut self) -> (i32, String, String) {
        use std::io::{Read, Write};
        let mut stdin = self.child.stdin.take().expect("piped stdin");
        stdin.write_all(b"\n").expect("resume netakosh");
        drop(stdin);
        let mut rest = String::new();
        self.stderr.read_to_string(&mut rest).expect("read stderr");
        let out = self.child.wait_with_output().expect("wait for netakosh");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            self.said + &rest,
        )
    }

    /// SIGKILL: the process ends where it stands.
    pub fn kill(mut self) {
        self.child.kill().expect("kill netakosh");
        self.child.wait().expect("reap netakosh");
    }
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

/// `import --no-resolve --json FILE…`: the report (resolution on import has its own
/// tests, `tests/resolve_on_import.rs`).
pub fn import_report(home: &Home, files: &[&Path]) -> serde_json::Value {
    let mut args = vec!["import", "--no-resolve", "--json"];
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

/// Imports with `import` into a fresh home, then again: the second import adds and
/// updates nothing, finds `unchanged` records as they were (`why`: what else it
/// skipped), and leaves the store as it was; the export then round-trips. Returns
/// the second import's report.
pub fn assert_reimport_changes_nothing(
    import: impl Fn(&Home) -> serde_json::Value,
    unchanged: &[(&str, u64)],
    why: &str,
) -> serde_json::Value {
    let home = Home::new();
    import(&home);
    let before = home.store_snapshot();
    let again = import(&home);
    assert!(counts(&again, "added").is_empty(), "{again}");
    assert!(counts(&again, "updated").is_empty(), "{again}");
    assert_eq!(counts(&again, "unchanged"), kinds(unchanged), "{why}");
    assert_eq!(home.store_snapshot(), before);
    assert_export_round_trips(&home);
    again
}

/// Exports `home`, imports the export into a fresh home and exports that: the two
/// exports must be equal for an import format to be lossless through JSON Lines.
pub fn assert_export_round_trips(home: &Home) {
    let first = home.ok(&["export"]);
    let file = home.write("export.jsonl", &first);
    let fresh = Home::new();
    fresh.ok(&[
        "import",
        "--no-resolve",
        file.to_str().expect("a UTF-8 path"),
    ]);
    let second = fresh.ok(&["export"]);
    assert!(
        first == second,
        "the export of a fresh home that imported the export differs ({} vs {} lines)",
        first.lines().count(),
        second.lines().count()
    );
}

/// The Lok Dhaba fixtures (`tests/fixtures/tcpd-lokdhaba`) imported with
/// `--no-resolve` into a home without the seed (the seed's Ramji Lal Suman carries
/// his pid, GEUP11692, which would add a link to the counts of tests that resolve).
pub fn lokdhaba_unresolved() -> Home {
    let home = Home::new();
    let dir = fixture("tcpd-lokdhaba");
    home.ok(&[
        "--no-seed",
        "import",
        "--no-resolve",
        "-r",
        dir.to_str().expect("a UTF-8 path"),
    ]);
    home
}
