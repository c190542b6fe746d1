//! Hostile and bad input: one fixture file per case in `tests/bad_input/`, each
//! refused with every problem named as `file:line: field: what`, exit code 2, and
//! the store and index byte-for-byte unchanged. Cases that need the machine (a 1 GB
//! line, a file that disappears, a read-only home, a full disk) are made here.

mod common;
use common::{file_bytes, Home};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Each refused fixture and what its problems must say (after the file name).
const REFUSED: &[(&str, &[&str])] = &[
    ("a-directory.jsonl", &[": is a directory, not a file"]),
    (
        "absurd-votes.jsonl",
        &[
            ":1: votes: 99999999999 is more votes than there are voters in India",
            ":2: not valid JSON: number out of range",
            ":3: votes: invalid type: floating point",
        ],
    ),
    ("binary.jsonl", &[":1: is not valid UTF-8 text"]),
    ("bom-crlf-line-numbers.jsonl", &[":3: missing field `name`"]),
    ("bom-in-the-middle.jsonl", &[":2: not valid JSON"]),
    (
        "control-characters.jsonl",
        &[":1: name.en: contains a control character"],
    ),
    (
        "deep-nesting.jsonl",
        &[":2: not valid JSON: recursion limit exceeded"],
    ),
    (
        "deep-nesting-array.json",
        &[":1: not valid JSON: recursion limit exceeded"],
    ),
    (
        "duplicate-id-across-kinds.jsonl",
        &[":1: id: `alok-ranjan` is already a person in the store"],
    ),
    (
        "duplicate-ids.jsonl",
        &[":3: id: `ok-1` is already defined at"],
    ),
    ("empty.jsonl", &[": holds no records"]),
    (
        "field-given-twice.jsonl",
        &[":1: not valid JSON: field `id` is given twice"],
    ),
    (
        "hostile-ids.jsonl",
        &[
            ":1: id: `../../etc/passwd` is not a valid id",
            ":2: id: must not be empty",
            ":3: id: `आलोक` is not a valid id",
            ":4: id: is 300 characters long",
        ],
    ),
    (
        "impossible-dates.jsonl",
        &[
            ":1: birth_date: `2014-13-45`: the month must be 01 to 12",
            ":2: birth_date: `2023-02-29`: day 29 does not exist",
            ":3: birth_date: `14 July 1950` is not a date",
            ":4: end: 2014 is before the start 2016",
        ],
    ),
    ("invalid-utf8.jsonl", &[":2: is not valid UTF-8 text"]),
    ("lone-surrogate.jsonl", &[":1: not valid JSON"]),
    (
        "malformed-json.jsonl",
        &[":2: not valid JSON: EOF while parsing an object"],
    ),
    (
        "merge-to-a-missing-person.jsonl",
        &[":1: same_as[0]: refers to `ghost`"],
    ),
    (
        "merge-to-itself.jsonl",
        &[":1: same_as: a person cannot be the same as itself"],
    ),
    (
        "missing-reference.jsonl",
        &[":2: person: refers to `ghost`"],
    ),
    (
        "missing-required-fields.jsonl",
        &[
            ":1: missing field `name`",
            ":2: missing field `office`",
            ":3: missing field `title`",
            ":4: missing field `id`",
        ],
    ),
    (
        "negative-votes.jsonl",
        &[":1: votes: invalid value: integer `-19`, expected a whole number, 0 or more"],
    ),
    (
        "not-an-object.jsonl",
        &[
            ":2: a record must be a JSON object",
            ":3: a record must be a JSON object",
            ":4: a record must be a JSON object",
        ],
    ),
    ("only-a-bom-and-blank-lines.jsonl", &[": holds no records"]),
    (
        "truncated-array.json",
        &[":3: not a valid JSON array: EOF while parsing a list"],
    ),
    (
        "unknown-field.jsonl",
        &[":1: birthdate: unknown field `birthdate`"],
    ),
    (
        "unknown-kind.jsonl",
        &[
            ":1: type: unknown kind `politician`",
            ":2: type: missing",
            ":3: type: must be a string",
        ],
    ),
    (
        "wrong-types.jsonl",
        &[
            ":1: name: invalid type: string \"Alok Ranjan\", expected a map",
            ":2: seats: invalid type: string \"ten\"",
            ":3: votes: invalid type: floating point `19.5`",
            ":4: indirect: invalid type: string \"yes\", expected a boolean",
            ":5: services[0].batch: invalid value: integer `99999`",
            ":6: aliases: invalid type: string \"C.\", expected a sequence",
        ],
    ),
];

/// Fixtures that look odd but are fine, and what importing each reports.
const ACCEPTED: &[(&str, &str)] = &[
    // A BOM and CRLF line ends are what Windows editors write.
    ("ok-bom-crlf.jsonl", "added 2 (person 2)"),
    // same_as links that go round in a circle: what merging A↔B, B↔C, C↔A makes.
    ("ok-merge-cycle.jsonl", "added 3 (person 3)"),
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_input")
}

/// A seeded home whose store was opened once more (by `check`: `stats` reads the
/// index's copy and never opens sled), so sled has settled and a command that
/// writes nothing leaves every byte as it was.
fn settled_home() -> Home {
    let home = Home::new();
    home.ok(&["check"]);
    home.ok(&["check"]);
    home
}

fn home_bytes(home: &Home) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut all = file_bytes(&home.path().join("store"));
    for (k, v) in file_bytes(&home.path().join("index")) {
        all.insert(Path::new("index").join(k), v);
    }
    all
}

fn assert_same_bytes(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
    case: &str,
) {
    let names = |m: &BTreeMap<PathBuf, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(before),
        names(after),
        "{case}: the home's files changed"
    );
    for (path, bytes) in before {
        assert!(after[path] == *bytes, "{case}: {} changed", path.display());
    }
}

/// Asserts a refused import: exit 2, nothing on stdout, each expected problem on a
/// line that starts with the file's name, and the closing summary.
fn assert_refused(code: i32, out: &str, err: &str, file: &str, expected: &[&str]) {
    assert_eq!(code, 2, "{file}: exit code\n{err}");
    assert!(out.is_empty(), "{file}: stdout: {out}");
    let lines: Vec<&str> = err.lines().collect();
    let (summary, problems) = lines.split_last().expect("stderr has lines");
    assert!(
        summary.starts_with("netakosh: ") && summary.ends_with("nothing was imported"),
        "{file}: {summary}"
    );
    assert_eq!(
        problems.len(),
        expected.len(),
        "{file}: one line per problem:\n{err}"
    );
    for e in expected {
        let want = format!("{file}{e}");
        assert!(
            problems.iter().any(|l| l.starts_with(&want)),
            "{file}: no line starts with {want:?}:\n{err}"
        );
    }
}

#[test]
fn every_fixture_has_an_expectation() {
    let mut on_disk: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = REFUSED
        .iter()
        .map(|(n, _)| n.to_string())
        .chain(ACCEPTED.iter().map(|(n, _)| n.to_string()))
        .collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn each_bad_file_is_refused_with_file_and_line_and_changes_no_byte() {
    let home = settled_home();
    let before = home_bytes(&home);
    let snapshot = home.store_snapshot();
    let before = {
        // `store_snapshot` ran commands: they must not have changed a byte either.
        assert_same_bytes(&before, &home_bytes(&home), "reading the store");
        before
    };
    for (name, expected) in REFUSED {
        let path = fixtures().join(name);
        let path = path.to_str().unwrap();
        let (code, out, err) = home.run(&["import", path]);
        assert_refused(code, &out, &err, path, expected);
        assert_same_bytes(&before, &home_bytes(&home), name);
    }
    assert_eq!(home.store_snapshot(), snapshot);
}

#[test]
fn odd_but_valid_files_import_and_check_passes() {
    for (name, expected) in ACCEPTED {
        let home = Home::new();
        let path = fixtures().join(name);
        let out = home.ok(&["import", path.to_str().unwrap()]);
        assert!(out.contains(expected), "{name}: {out}");
        let out = home.ok(&["check"]);
        assert!(out.contains("every check passed"), "{name}: {out}");
    }
    // The circle of same_as links (an export before schema 3) becomes three links,
    // which show and export without going round forever.
    let home = Home::new();
    home.ok(&[
        "import",
        fixtures().join("ok-merge-cycle.jsonl").to_str().unwrap(),
    ]);
    let v = home.json(&["show", "b", "--json"]);
    let linked: Vec<&String> = v["same_as"].as_object().unwrap().keys().collect();
    assert_eq!(linked, ["a", "c"]);
    let export = home.ok(&["export"]);
    assert!(!export.contains(r#""same_as":"#), "{export}");
    assert_eq!(export.matches(r#"{"type":"link","#).count(), 3, "{export}");
}

#[test]
fn a_missing_file_is_named() {
    let home = settled_home();
    let before = home_bytes(&home);
    let missing = home.path().join("nowhere.jsonl");
    let missing = missing.to_str().unwrap();
    let (code, out, err) = home.run(&["import", missing]);
    assert_refused(
        code,
        &out,
        &err,
        missing,
        &[": cannot be read: No such file or directory"],
    );
    assert_same_bytes(&before, &home_bytes(&home), "missing file");
}

#[test]
fn a_line_of_a_gigabyte_is_refused_without_being_held() {
    let home = settled_home();
    let before = home_bytes(&home);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gigabyte-line.jsonl");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&path).unwrap();
        writeln!(
            f,
            r#"{{"type":"person","id":"ok-1","name":{{"en":"Fine"}}}}"#
        )
        .unwrap();
        f.write_all(br#"{"type":"person","id":"x","name":{"en":""#)
            .unwrap();
        // The rest of the gigabyte is a hole: no disk is used, reading gives zeros.
        f.set_len(1 << 30).unwrap();
    }
    let p = path.to_str().unwrap();
    let (code, out, err) = home.run(&["import", p]);
    assert_refused(
        code,
        &out,
        &err,
        p,
        &[":2: line is longer than 64 MiB; no record is that long"],
    );
    assert_same_bytes(&before, &home_bytes(&home), "gigabyte line");
}

#[test]
fn a_file_that_disappears_during_the_import_is_named() {
    let home = settled_home();
    let before = home_bytes(&home);
    let first = home.write(
        "first.jsonl",
        r#"{"type":"person","id":"pehla","name":{"hi":"पहला"}}"#,
    );
    let second = home.write(
        "second.jsonl",
        r#"{"type":"person","id":"doosra","name":{"hi":"दूसरा"}}"#,
    );
    let (f, s) = (first.to_str().unwrap(), second.to_str().unwrap());
    let paused = home.spawn_paused(&["import", f, s], "read-first-file");
    std::fs::remove_file(&second).unwrap();
    let (code, out, err) = paused.resume();
    let err = err
        .lines()
        .filter(|l| !l.contains("test pause"))
        .collect::<Vec<_>>()
        .join("\n");
    assert_refused(
        code,
        &out,
        &err,
        s,
        &[": cannot be read: No such file or directory"],
    );
    assert_same_bytes(&before, &home_bytes(&home), "disappearing file");
}

/// True when this process runs as root (who may write anywhere).
fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let f = tempfile::NamedTempFile::new().unwrap();
    f.as_file().metadata().unwrap().uid() == 0
}

fn set_tree_mode(path: &Path, writable: bool) {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(path).unwrap();
    let mode = match (meta.is_dir(), writable) {
        (true, true) => 0o755,
        (true, false) => 0o555,
        (false, true) => 0o644,
        (false, false) => 0o444,
    };
    if meta.is_dir() && writable {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    if meta.is_dir() {
        for e in std::fs::read_dir(path).unwrap() {
            set_tree_mode(&e.unwrap().path(), writable);
        }
    }
    if !(meta.is_dir() && writable) {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
}

#[test]
fn a_home_that_may_not_be_written_is_a_clear_error() {
    use std::os::unix::process::CommandExt;
    let home = settled_home();
    let file = home.write("p.jsonl", r#"{"type":"person","id":"p","name":{"hi":"प"}}"#);
    let before = home_bytes(&home);
    set_tree_mode(home.path(), false);
    // Root writes through permissions: run as `nobody` instead, from a copy of the
    // binary that `nobody` may run (a checkout under a private directory is not).
    let copy = tempfile::tempdir().unwrap();
    let bin = if is_root() {
        let bin = copy.path().join("netakosh");
        std::fs::copy(common::bin(), &bin).unwrap();
        use std::os::unix::fs::PermissionsExt;
        for (path, mode) in [(copy.path(), 0o755), (bin.as_path(), 0o755)] {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
        }
        bin
    } else {
        common::bin()
    };
    let mut cmd = std::process::Command::new(&bin);
    cmd.env_clear()
        .env("NETAKOSH_HOME", home.path())
        .args(["import", file.to_str().unwrap()]);
    if is_root() {
        cmd.uid(65534).gid(65534);
    }
    let out = cmd.output().unwrap();
    set_tree_mode(home.path(), true);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let store = home.path().join("store");
    assert!(
        err.contains(&format!(
            "cannot write to the store at {}: Permission denied",
            store.display()
        )),
        "{err}"
    );
    assert_same_bytes(&before, &home_bytes(&home), "read-only home");
}

/// A tmpfs mounted for one test, unmounted when dropped; `None` where this
/// process may not mount (not root, or a container without the privilege).
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().ok()?;
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("SKIPPED: cannot mount a tmpfs here (needs root)");
            return None;
        }
        Some(Tmpfs { dir })
    }

    fn remount_read_only(&self) {
        let ok = std::process::Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.dir.path())
            .status()
            .unwrap()
            .success();
        assert!(ok, "remount read-only");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.dir.path())
            .status();
    }
}

#[test]
fn a_home_on_a_read_only_filesystem_is_a_clear_error() {
    let Some(fs) = Tmpfs::mount("16m") else {
        return;
    };
    let seeded = settled_home();
    let root = fs.dir.path().join("home");
    common::copy_dir(seeded.path(), &root);
    let file = seeded.write("p.jsonl", r#"{"type":"person","id":"p","name":{"hi":"प"}}"#);
    fs.remount_read_only();
    let before = file_bytes(&root);
    let out = seeded
        .cmd()
        .env("NETAKOSH_HOME", &root)
        .args(["import", file.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("cannot write to the store at") && err.contains("Read-only file system"),
        "{err}"
    );
    assert_same_bytes(&before, &file_bytes(&root), "read-only filesystem");
}

/// An import big enough to need more room than the tests leave it.
fn big_import(dir: &Path) -> PathBuf {
    use std::fmt::Write;
    let mut text = String::new();
    // Stored records are compressed: a random note in each keeps the import large.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..3000 {
        let mut note = String::new();
        for _ in 0..25 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            write!(note, "{x:016x}").unwrap();
        }
        writeln!(
            text,
            r#"{{"type":"person","id":"bhari-{i}","name":{{"en":"Bhari {i}","hi":"भारी {i}"}},"summary":{{"hi":"एक बहुत लंबा सारांश जो भंडार को भरता है, {i} {note}"}}}}"#
        )
        .unwrap();
    }
    let path = dir.join("big.jsonl");
    std::fs::write(&path, text).unwrap();
    path
}

/// After a write that failed part way, the store is logically as before; the next
/// command says the import did not finish, and `check` passes.
fn assert_failed_write_left_the_store_as_before(home: &Home, snapshot: &str) {
    let (code, out, err) = home.run(&["check"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains("did not finish: the store is as it was before it"),
        "{err}"
    );
    assert_eq!(home.store_snapshot(), snapshot);
}

#[test]
fn a_full_disk_fails_cleanly_and_loses_nothing() {
    // The disk is "full" for the store's own file: it may not grow past its size.
    let home = settled_home();
    let snapshot = home.store_snapshot();
    let largest = file_bytes(&home.path().join("store"))
        .values()
        .map(|b| b.len())
        .max()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = big_import(dir.path());
    // `ulimit -f` counts 1024-byte blocks in bash; an ignored SIGXFSZ turns the
    // limit into write errors (EFBIG), as a full disk gives ENOSPC.
    let script = format!(
        "ulimit -f {}; trap '' XFSZ; exec \"$0\" import \"$1\"",
        largest / 1024 + 1
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .arg(common::bin())
        .arg(&file)
        .env_clear()
        .env("NETAKOSH_HOME", home.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("writing failed") && err.contains("File too large"),
        "{err}"
    );
    assert_failed_write_left_the_store_as_before(&home, &snapshot);
}

#[test]
fn a_small_full_tmpfs_fails_cleanly_and_loses_nothing() {
    let Some(fs) = Tmpfs::mount("1200k") else {
        return;
    };
    let seeded = settled_home();
    let snapshot = seeded.store_snapshot();
    let root = fs.dir.path().join("home");
    common::copy_dir(seeded.path(), &root);
    let dir = tempfile::tempdir().unwrap();
    let file = big_import(dir.path());
    let out = seeded
        .cmd()
        .env("NETAKOSH_HOME", &root)
        .args(["import", file.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    // Give the store room again, then look: it is as before.
    let moved = Home::new();
    common::copy_dir(&root, moved.path());
    drop(fs);
    assert_failed_write_left_the_store_as_before(&moved, &snapshot);
}
