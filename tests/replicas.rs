//! Two read-only replicas of one snapshot behind nginx (scripts/replicas.sh, the
//! README's "Serve it"): nginx answers exactly what each replica answers, spreads
//! requests over both, and a rollout to a new snapshot fails no request.
//!
//! Needs nginx (Debian's package; `.ci/run` installs it) and curl. Without nginx the
//! tests fail, unless `NETAKOSH_SKIP_NGINX=1`, which skips them.

mod common;

use common::Home;
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/replicas.sh");

/// Whether nginx is there to test with; panics when it is not and skipping was not asked.
fn nginx_or_skip() -> bool {
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join("nginx").is_file()))
        .unwrap_or(false);
    if on_path || Path::new("/usr/sbin/nginx").is_file() {
        return true;
    }
    if std::env::var("NETAKOSH_SKIP_NGINX").as_deref() == Ok("1") {
        eprintln!("skipped: nginx is not installed (NETAKOSH_SKIP_NGINX=1)");
        return false;
    }
    panic!(
        "nginx is not installed: these tests run scripts/replicas.sh, which puts nginx in \
         front of two replicas. Install it (Debian: apt-get install nginx; .ci/run does), \
         or set NETAKOSH_SKIP_NGINX=1 to skip them."
    );
}

/// Runs `scripts/replicas.sh STEP` on `work` (and `home`, for `up`); returns its stdout.
fn script(step: &str, work: &Path, home: Option<&Path>) -> String {
    let mut c = Command::new("bash");
    c.arg(SCRIPT)
        .arg(step)
        .env("BIN", env!("CARGO_BIN_EXE_netakosh"))
        .env("WORK", work)
        .env_remove("NETAKOSH_HOME")
        .env_remove("HOME_DIR")
        .env_remove("IMPORT")
        .stdin(std::process::Stdio::null());
    if let Some(h) = home {
        c.env("HOME_DIR", h);
    }
    let out = c.output().expect("bash runs scripts/replicas.sh");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(
        out.status.success(),
        "scripts/replicas.sh {step} failed ({}):\n{stdout}\n{stderr}\n{}",
        out.status,
        logs(work)
    );
    stdout
}

/// nginx's logs, for a failure's message.
fn logs(work: &Path) -> String {
    ["error.log", "nginx.out"]
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(work.join(f)).unwrap_or_default();
            format!("--- {f}:\n{text}")
        })
        .collect()
}

/// Stops everything `up` started, even when an assertion failed first.
struct Up {
    work: PathBuf,
    down: bool,
}

impl Up {
    fn down(&mut self) {
        self.down = true;
        script("down", &self.work, None);
    }
}

impl Drop for Up {
    fn drop(&mut self) {
        if !self.down {
            let _ = Command::new("bash")
                .arg(SCRIPT)
                .arg("down")
                .env("WORK", &self.work)
                .env("BIN", env!("CARGO_BIN_EXE_netakosh"))
                .output();
        }
    }
}

/// GET `path` from 127.0.0.1:`port` on a new connection: (status, body).
fn try_get(port: u16, path: &str) -> Result<(u16, Vec<u8>), String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("connect: {e}"))?;
    s.set_read_timeout(Some(Duration::from_secs(20)))
        .map_err(|e| e.to_string())?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| format!("send: {e}"))?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).map_err(|e| format!("read: {e}"))?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| format!("no end of head in {} bytes", raw.len()))?;
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| format!("no status in {head}"))?;
    let body = raw[split + 4..].to_vec();
    let body = if head.contains("transfer-encoding: chunked") {
        dechunk(&body)?
    } else {
        body
    };
    Ok((status, body))
}

fn get(port: u16, path: &str) -> (u16, Vec<u8>) {
    try_get(port, path).unwrap_or_else(|e| panic!("GET :{port}{path}: {e}"))
}

fn dechunk(mut b: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let eol = b
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or("a chunk without a size line")?;
        let size = std::str::from_utf8(&b[..eol]).map_err(|e| e.to_string())?;
        let size = usize::from_str_radix(size.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|e| format!("chunk size: {e}"))?;
        if size == 0 {
            return Ok(out);
        }
        let start = eol + 2;
        let chunk = b.get(start..start + size).ok_or("a short chunk")?;
        out.extend_from_slice(chunk);
        b = b
            .get(start + size + 2..)
            .ok_or("a chunk without its line end")?;
    }
}

fn json(body: &[u8]) -> serde_json::Value {
    serde_json::from_slice(body)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(body)))
}

/// Percent-encodes every byte that is not an ASCII letter or digit.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The port of `http://127.0.0.1:PORT/`.
fn port_of(url: &str) -> u16 {
    url.trim()
        .trim_end_matches('/')
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {url:?}"))
}

/// The replicas `up` or `rollout` left in `$WORK/replicas`: (pid, port) pairs.
fn replicas(work: &Path) -> Vec<(u32, u16)> {
    let text = std::fs::read_to_string(work.join("replicas")).expect("$WORK/replicas");
    let n: Vec<&str> = text.split_whitespace().collect();
    assert_eq!(n.len(), 4, "two replicas (pid port pid port): {text:?}");
    n.chunks(2)
        .map(|c| (c[0].parse().unwrap(), c[1].parse().unwrap()))
        .collect()
}

/// The replica ports nginx's access log names as upstreams of the requests.
fn upstream_ports(work: &Path) -> Vec<u16> {
    let log = std::fs::read_to_string(work.join("access.log")).expect("nginx's access.log");
    log.lines()
        .filter_map(|l| l.split("upstream=127.0.0.1:").nth(1))
        .filter_map(|rest| {
            rest.split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        })
        .collect()
}

fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
        && std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|s| !s.rsplit(") ").next().unwrap_or("").starts_with('Z'))
            .unwrap_or(false)
}

/// Polls until `pid` is gone (a zombie counts as gone), at most 10 s.
fn gone(pid: u32) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if !alive(pid) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

const NEW_PERSON: &str = r#"{"type":"person","id":"savitri-bai-rollout","name":{"en":"Savitri Bai Chaturvedi","hi":"सावित्री बाई चतुर्वेदी"},"summary":{"en":"A record imported between two snapshots."}}"#;

#[test]
fn two_replicas_behind_nginx_answer_alike_and_a_rollout_fails_no_request() {
    if !nginx_or_skip() {
        return;
    }
    let started = Instant::now();
    let home = Home::new();
    let work = tempfile::tempdir().expect("a temporary directory");
    let work = work.path();

    // Up: snap-1 of a fresh seeded home, two replicas, nginx.
    let mut up = Up {
        work: work.to_path_buf(),
        down: false,
    };
    let out = script("up", work, Some(home.path()));
    assert!(work.join("snap-1").is_dir(), "no snap-1:\n{out}");
    let proxy_url = std::fs::read_to_string(work.join("proxy")).expect("$WORK/proxy");
    assert!(
        out.contains(&format!("proxy: {}/", proxy_url.trim())),
        "the script prints the proxy URL:\n{out}"
    );
    let proxy = port_of(&proxy_url);
    let old = replicas(work);
    let old_ports: BTreeSet<u16> = old.iter().map(|r| r.1).collect();
    assert_eq!(old_ports.len(), 2, "two ports: {old:?}");
    assert!(!old_ports.contains(&proxy));
    let gen1 = json(&get(proxy, "/api/status").1)["generation"]
        .as_u64()
        .expect("a generation");

    // (a) Through nginx, the same bytes as straight from either replica.
    let search = format!("/api/search?q={}", encode("आलोक"));
    assert_eq!(search, "/api/search?q=%E0%A4%86%E0%A4%B2%E0%A5%8B%E0%A4%95");
    for path in [search.as_str(), "/api/show/alok-ranjan"] {
        let direct: Vec<Vec<u8>> = old
            .iter()
            .map(|&(_, port)| {
                let (status, body) = get(port, path);
                assert_eq!(status, 200, "replica :{port}{path}");
                body
            })
            .collect();
        assert_eq!(direct[0], direct[1], "the two replicas differ on {path}");
        for _ in 0..3 {
            let (status, body) = get(proxy, path);
            assert_eq!(
                status,
                200,
                "nginx {path}: {}",
                String::from_utf8_lossy(&body)
            );
            assert!(
                body == direct[0],
                "nginx's answer to {path} is not byte-identical to the replicas':\n{}\n---\n{}",
                String::from_utf8_lossy(&body),
                String::from_utf8_lossy(&direct[0])
            );
        }
    }
    let found = json(&get(proxy, &search).1);
    assert!(
        found["hits"]
            .as_array()
            .is_some_and(|h| h.iter().any(|h| h["id"] == "alok-ranjan")),
        "आलोक finds alok-ranjan through nginx: {found}"
    );
    assert_eq!(
        json(&get(proxy, "/api/show/alok-ranjan").1)["id"],
        "alok-ranjan"
    );

    // (b) nginx sent requests to both replicas, and only to them.
    let used: BTreeSet<u16> = upstream_ports(work).into_iter().collect();
    assert_eq!(
        used, old_ports,
        "the access log's upstreams are both replicas"
    );

    // (d) A loop of requests through nginx from before the import until after the rollout.
    let stop = Arc::new(AtomicBool::new(false));
    let looping = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut seen = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                for path in ["/api/status", "/api/show/alok-ranjan"] {
                    let got = try_get(proxy, path);
                    let generation = match &got {
                        Ok((200, body)) if path == "/api/status" => {
                            serde_json::from_slice::<serde_json::Value>(body)
                                .ok()
                                .and_then(|v| v["generation"].as_u64())
                        }
                        _ => None,
                    };
                    seen.push((path, got.map(|g| g.0), generation));
                }
            }
            seen
        })
    };
    std::thread::sleep(Duration::from_millis(200));

    // Import a person into the source home: the replicas serve snap-1, not the home.
    let file = home.write("new.jsonl", &format!("{NEW_PERSON}\n"));
    home.ok(&["import", file.to_str().unwrap()]);
    let gen2 = home.json(&["stats", "--json"])["generation"]
        .as_u64()
        .expect("stats --json has the generation");
    assert!(gen2 > gen1, "the import made a new generation");
    let (status, body) = get(proxy, "/api/show/savitri-bai-rollout");
    assert_eq!(
        status,
        404,
        "snap-1 does not have the new record yet: {}",
        String::from_utf8_lossy(&body)
    );
    assert_eq!(json(&body)["kind"], "not_found");

    // Rollout: snap-2, two new replicas, reload, the old replicas stopped.
    let out = script("rollout", work, None);
    assert!(work.join("snap-2").is_dir(), "no snap-2:\n{out}");
    std::thread::sleep(Duration::from_millis(300));
    stop.store(true, Ordering::Relaxed);
    let seen = looping.join().expect("the request loop");

    let failed: Vec<_> = seen.iter().filter(|s| s.1 != Ok(200)).collect();
    assert!(
        failed.is_empty(),
        "{} of {} requests through the rollout did not answer 200; the first: {:?}\n{}",
        failed.len(),
        seen.len(),
        &failed[..failed.len().min(10)],
        logs(work)
    );
    let generations: BTreeSet<u64> = seen.iter().filter_map(|s| s.2).collect();
    assert_eq!(
        generations,
        BTreeSet::from([gen1, gen2]),
        "the loop ran from the old snapshot to the new one ({} requests)",
        seen.len()
    );

    // (c) The proxy answers from snap-2: its generation, the imported person.
    let new = replicas(work);
    let new_ports: BTreeSet<u16> = new.iter().map(|r| r.1).collect();
    assert!(new_ports.is_disjoint(&old_ports), "{new:?} vs {old:?}");
    let status = json(&get(proxy, "/api/status").1);
    assert_eq!(status["generation"].as_u64(), Some(gen2), "{status}");
    assert_eq!(status["read_only"], true, "{status}");
    let (code, body) = get(proxy, "/api/show/savitri-bai-rollout");
    assert_eq!(code, 200, "{}", String::from_utf8_lossy(&body));
    assert_eq!(json(&body)["id"], "savitri-bai-rollout");
    let search2 = format!("/api/search?q={}", encode("सावित्री चतुर्वेदी"));
    let (code, body) = get(proxy, &search2);
    assert_eq!(code, 200);
    let hits = json(&body);
    assert!(
        hits["hits"]
            .as_array()
            .is_some_and(|h| h.iter().any(|h| h["id"] == "savitri-bai-rollout")),
        "the imported person is found through nginx: {hits}"
    );
    for &(_, port) in &new {
        assert_eq!(
            get(port, &search2).1,
            body,
            "replica :{port} answers as nginx"
        );
    }
    // The old replicas are stopped; nginx now uses only the new ones.
    for &(pid, port) in &old {
        assert!(gone(pid), "old replica {pid} still runs");
        assert!(
            TcpStream::connect(("127.0.0.1", port)).is_err(),
            "old replica :{port} still accepts"
        );
    }
    for _ in 0..4 {
        assert_eq!(get(proxy, "/api/show/alok-ranjan").0, 200);
    }
    let lines = upstream_ports(work);
    let recent: BTreeSet<u16> = lines[lines.len() - 4..].iter().copied().collect();
    assert_eq!(
        recent, new_ports,
        "the last requests went to both new replicas"
    );

    // Down: nginx and the replicas stop.
    let nginx: u32 = std::fs::read_to_string(work.join("nginx.pid"))
        .expect("nginx.pid")
        .trim()
        .parse()
        .expect("a pid");
    up.down();
    assert!(gone(nginx), "nginx {nginx} still runs after down");
    for (pid, _) in new {
        assert!(gone(pid), "replica {pid} still runs after down");
    }
    assert!(TcpStream::connect(("127.0.0.1", proxy)).is_err());
    eprintln!("replicas: {:?}", started.elapsed());
}

/// `scripts/replicas.sh check`, the whole demo with its own assertions, passes.
#[test]
fn the_scripts_check_mode_passes() {
    if !nginx_or_skip() {
        return;
    }
    let work = tempfile::tempdir().expect("a temporary directory");
    let _up = Up {
        work: work.path().to_path_buf(),
        down: false,
    };
    let out = script("check", work.path(), None);
    for line in [
        "same answer: /api/show/alok-ranjan via nginx",
        "no request failed",
        "check passed",
    ] {
        assert!(out.contains(line), "no {line:?} in:\n{out}");
    }
    assert!(!out.contains("FAIL"), "{out}");
    assert!(
        !work.path().join("nginx.pid").exists(),
        "check leaves nothing running"
    );
}
