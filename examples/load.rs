//! Load benchmark of `netakosh serve`: many keep-alive clients for a fixed time,
//! a realistic mix of requests, every latency recorded; beside it, in the same run,
//! the server with one client (latency without contention) and the same mix
//! answered the way the tool was used before the server: one `netakosh` process per
//! question, one after the other.
//!
//! ```sh
//! scripts/bench.sh serve                      # a fresh seeded home, 50 clients, 10 s
//! scripts/bench.sh serve /tmp/full            # an existing home (its ids: see --person)
//! cargo build --release --bins --example load
//! target/release/examples/load --home DIR [--clients 50] [--seconds 10] \
//!     [--cli-seconds 5] [--bin target/release/netakosh] [--person ID] \
//!     [--election ID [--constituency NAME]]
//! target/release/examples/load --url http://127.0.0.1:8080 [--home DIR]
//! ```
//!
//! With `--home` (and no `--url`) it starts `netakosh --home DIR serve --addr
//! 127.0.0.1:0` itself, reads the address from the first line the server prints, and
//! kills it at the end. With `--url` it loads that server; the process-per-request
//! peer then runs only if `--home` names the same home.
//!
//! The client is a minimal HTTP/1.1 one over `std::net::TcpStream` (request line,
//! Host, then the head and a Content-Length or chunked body), so the figures are the
//! server's and not a client library's; each client thread keeps one connection.
//! Any response but 200, and any connection error, is an error: they are printed
//! and the program exits 1. The figures are nearest-rank percentiles of every
//! request's latency (write of the request to the last byte of the body).
//!
//! On 2 cores the client threads share the CPUs with the server, as they would with
//! a proxy on the same machine; the 1-client row shows the latency without that.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Args {
    url: Option<String>,
    home: Option<PathBuf>,
    clients: usize,
    seconds: f64,
    cli_seconds: f64,
    bin: PathBuf,
    person: String,
    election: String,
    constituency: Option<String>,
}

fn usage() -> ! {
    eprintln!(
        "usage: load [--url http://HOST:PORT | --home DIR] [--clients 50] [--seconds 10] \
         [--cli-seconds 5] [--bin target/release/netakosh] [--person alok-ranjan] \
         [--election rajya-sabha-2024-uttar-pradesh [--constituency NAME]]"
    );
    std::process::exit(2)
}

fn parse_args() -> Args {
    let mut a = Args {
        url: None,
        home: None,
        clients: 50,
        seconds: 10.0,
        cli_seconds: 5.0,
        bin: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/netakosh"),
        person: "alok-ranjan".into(),
        election: "rajya-sabha-2024-uttar-pradesh".into(),
        constituency: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| usage());
        match flag.as_str() {
            "--url" => a.url = Some(value().trim_end_matches('/').to_string()),
            "--home" => a.home = Some(PathBuf::from(value())),
            "--clients" => a.clients = value().parse().unwrap_or_else(|_| usage()),
            "--seconds" => a.seconds = value().parse().unwrap_or_else(|_| usage()),
            "--cli-seconds" => a.cli_seconds = value().parse().unwrap_or_else(|_| usage()),
            "--bin" => a.bin = PathBuf::from(value()),
            "--person" => a.person = value(),
            "--election" => a.election = value(),
            "--constituency" => a.constituency = Some(value()),
            _ => usage(),
        }
    }
    if a.url.is_none() && a.home.is_none() || a.clients == 0 {
        usage()
    }
    a
}

/// One kind of request: its label, its path on the server, and the CLI
/// arguments that answer the same question in a process of its own.
struct Kind {
    label: &'static str,
    path: String,
    cli: Vec<String>,
}

/// Percent-encodes a query value (UTF-8 bytes; a space as `+`).
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn mix(person: &str, election: &str, constituency: Option<&str>) -> Vec<Kind> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let search = |label, q: &str| Kind {
        label,
        path: format!("/api/search?q={}&limit=10", encode(q)),
        cli: s(&["search", "--json", "--limit", "10", q]),
    };
    vec![
        search("search hi `आलोक रंजन`", "आलोक रंजन"),
        search("search en `Alok Ranjan`", "Alok Ranjan"),
        search("search `samajwadi`", "samajwadi"),
        search("search hi `मोदी`", "मोदी"),
        search("search typo `Aalok Ranjn`", "Aalok Ranjn"),
        Kind {
            label: "profile JSON",
            path: format!("/api/show/{}", encode(person)),
            cli: s(&["show", "--json", person]),
        },
        Kind {
            label: "profile HTML",
            path: format!("/p/{}", encode(person)),
            cli: s(&["show", person]),
        },
        Kind {
            label: "search HTML `आलोक रंजन`",
            path: format!("/?q={}", encode("आलोक रंजन")),
            cli: s(&["search", "आलोक रंजन"]),
        },
        Kind {
            label: "election JSON",
            path: match constituency {
                Some(c) => format!(
                    "/api/election/{}?constituency={}",
                    encode(election),
                    encode(c)
                ),
                None => format!("/api/election/{}", encode(election)),
            },
            cli: match constituency {
                Some(c) => s(&["election", "--json", election, "--constituency", c]),
                None => s(&["election", "--json", election]),
            },
        },
    ]
}

/// One keep-alive HTTP/1.1 connection.
struct Conn {
    host: String,
    addr: SocketAddr,
    reader: Option<BufReader<TcpStream>>,
}

impl Conn {
    fn new(host: &str, addr: SocketAddr) -> Conn {
        Conn {
            host: host.to_string(),
            addr,
            reader: None,
        }
    }

    /// GETs `path`: the status and the body's length, or why it failed. A failed
    /// connection is dropped; the next request opens a new one.
    fn get(&mut self, path: &str) -> Result<(u16, usize), String> {
        let r = self.try_get(path);
        if r.is_err() {
            self.reader = None;
        }
        r
    }

    fn try_get(&mut self, path: &str) -> Result<(u16, usize), String> {
        if self.reader.is_none() {
            let s = TcpStream::connect_timeout(&self.addr, Duration::from_secs(5))
                .map_err(|e| format!("connect: {e}"))?;
            s.set_nodelay(true).map_err(|e| e.to_string())?;
            s.set_read_timeout(Some(Duration::from_secs(30)))
                .map_err(|e| e.to_string())?;
            self.reader = Some(BufReader::with_capacity(64 * 1024, s));
        }
        let r = self.reader.as_mut().expect("connected");
        let req = format!("GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n", self.host);
        r.get_mut()
            .write_all(req.as_bytes())
            .map_err(|e| format!("write: {e}"))?;
        let mut line = String::new();
        let mut status = 0u16;
        let mut length: Option<usize> = None;
        let mut chunked = false;
        let mut close = false;
        let mut first = true;
        loop {
            line.clear();
            let n = r
                .read_line(&mut line)
                .map_err(|e| format!("read head: {e}"))?;
            if n == 0 {
                return Err("connection closed before the end of the head".into());
            }
            let l = line.trim_end();
            if first {
                first = false;
                status = l
                    .split(' ')
                    .nth(1)
                    .and_then(|c| c.parse().ok())
                    .ok_or_else(|| format!("bad status line {l:?}"))?;
                continue;
            }
            if l.is_empty() {
                break;
            }
            let (name, value) = l.split_once(':').unwrap_or((l, ""));
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                length = Some(value.parse().map_err(|_| format!("bad length {value:?}"))?);
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                chunked = value.eq_ignore_ascii_case("chunked");
            } else if name.eq_ignore_ascii_case("connection") {
                close = value.eq_ignore_ascii_case("close");
            }
        }
        let body = if chunked {
            let mut total = 0;
            loop {
                line.clear();
                r.read_line(&mut line)
                    .map_err(|e| format!("read chunk: {e}"))?;
                let size =
                    usize::from_str_radix(line.trim_end().split(';').next().unwrap_or(""), 16)
                        .map_err(|_| format!("bad chunk size {line:?}"))?;
                let mut rest = vec![0; size + 2];
                r.read_exact(&mut rest)
                    .map_err(|e| format!("read chunk: {e}"))?;
                total += size;
                if size == 0 {
                    break total;
                }
            }
        } else if let Some(n) = length {
            let mut body = vec![0; n];
            r.read_exact(&mut body)
                .map_err(|e| format!("read body: {e}"))?;
            n
        } else {
            return Err("a response with neither Content-Length nor chunked body".into());
        };
        if close {
            self.reader = None;
        }
        Ok((status, body))
    }
}

/// Every latency (µs) of one run, by kind, and its errors.
#[derive(Default)]
struct Run {
    by_kind: BTreeMap<usize, Vec<u64>>,
    errors: Vec<String>,
    wall: Duration,
}

impl Run {
    fn all(&self) -> Vec<u64> {
        let mut v: Vec<u64> = self.by_kind.values().flatten().copied().collect();
        v.sort_unstable();
        v
    }
    fn count(&self) -> usize {
        self.by_kind.values().map(Vec::len).sum()
    }
    fn merge(&mut self, other: Run) {
        for (k, v) in other.by_kind {
            self.by_kind.entry(k).or_default().extend(v);
        }
        self.errors.extend(other.errors);
    }
}

/// Nearest-rank percentile of sorted µs, in ms.
fn pct(sorted: &[u64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1] as f64 / 1000.0
}

fn sorted(v: &[u64]) -> Vec<u64> {
    let mut v = v.to_vec();
    v.sort_unstable();
    v
}

/// `clients` threads, each with its connection, cycling through the mix (each from
/// its own place in it) until `seconds` have passed.
fn load(host: &str, addr: SocketAddr, kinds: &Arc<Vec<Kind>>, clients: usize, seconds: f64) -> Run {
    let start = Instant::now();
    let deadline = start + Duration::from_secs_f64(seconds);
    let threads: Vec<_> = (0..clients)
        .map(|c| {
            let kinds = kinds.clone();
            let host = host.to_string();
            std::thread::spawn(move || {
                let mut conn = Conn::new(&host, addr);
                let mut run = Run::default();
                let mut i = c;
                while Instant::now() < deadline {
                    let k = i % kinds.len();
                    i += 1;
                    let t0 = Instant::now();
                    match conn.get(&kinds[k].path) {
                        Ok((200, _)) => {
                            let us = t0.elapsed().as_micros() as u64;
                            run.by_kind.entry(k).or_default().push(us);
                        }
                        Ok((status, _)) => run.errors.push(format!("{} → {status}", kinds[k].path)),
                        Err(e) => run.errors.push(format!("{} → {e}", kinds[k].path)),
                    }
                }
                run
            })
        })
        .collect();
    let mut all = Run::default();
    for t in threads {
        all.merge(t.join().expect("client thread"));
    }
    all.wall = start.elapsed();
    all
}

/// The same mix, one `netakosh` process per question, one after the other.
fn per_process(bin: &PathBuf, home: &PathBuf, kinds: &[Kind], seconds: f64) -> Run {
    let start = Instant::now();
    let deadline = start + Duration::from_secs_f64(seconds);
    let mut run = Run::default();
    let mut i = 0;
    while Instant::now() < deadline {
        let k = i % kinds.len();
        i += 1;
        let t0 = Instant::now();
        let out = Command::new(bin)
            .arg("--home")
            .arg(home)
            .arg("--no-pager")
            .args(&kinds[k].cli)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let us = t0.elapsed().as_micros() as u64;
        // `search` exits 1 for "nothing found" (README, Exit codes): an answer, as
        // the server's 200 with no hits is.
        let answered = |s: std::process::ExitStatus| {
            s.success() || s.code() == Some(1) && kinds[k].cli[0] == "search"
        };
        match out {
            Ok(s) if answered(s) => run.by_kind.entry(k).or_default().push(us),
            Ok(s) => run.errors.push(format!("{:?} → {s}", kinds[k].cli)),
            Err(e) => run.errors.push(format!("{:?} → {e}", kinds[k].cli)),
        }
    }
    run.wall = start.elapsed();
    run
}

/// Starts `netakosh --home DIR serve --addr 127.0.0.1:0` and reads its address.
fn start_server(bin: &PathBuf, home: &PathBuf) -> (Child, String) {
    let mut child = Command::new(bin)
        .arg("--home")
        .arg(home)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| {
            eprintln!("cannot start {}: {e}", bin.display());
            std::process::exit(1)
        });
    let mut line = String::new();
    let mut out = BufReader::new(child.stdout.take().expect("piped"));
    let _ = out.read_line(&mut line);
    // `serving HOME at http://127.0.0.1:PORT/ (Ctrl-C stops)`
    let Some(url) = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .map(|u| u.trim_end_matches('/').to_string())
    else {
        let _ = child.kill();
        let _ = child.wait();
        eprintln!("the server did not print its address (got {line:?})");
        std::process::exit(1)
    };
    // Keep reading its standard output so it never blocks on a full pipe.
    std::thread::spawn(move || {
        let mut sink = Vec::new();
        let _ = out.read_to_end(&mut sink);
    });
    (child, url)
}

/// A process's peak resident set (VmHWM), in MB.
fn peak_rss_mb(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn print_errors(name: &str, run: &Run) {
    if run.errors.is_empty() {
        return;
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &run.errors {
        *counts.entry(e.as_str()).or_default() += 1;
    }
    eprintln!("{name}: {} errors", run.errors.len());
    for (e, n) in counts.iter().take(20) {
        eprintln!("  {n} × {e}");
    }
}

fn main() {
    let args = parse_args();
    let kinds = Arc::new(mix(
        &args.person,
        &args.election,
        args.constituency.as_deref(),
    ));
    let (mut server, url) = match (&args.url, &args.home) {
        (Some(u), _) => (None, u.clone()),
        (None, Some(h)) => {
            let (child, url) = start_server(&args.bin, h);
            (Some(child), url)
        }
        (None, None) => usage(),
    };
    let host = url
        .strip_prefix("http://")
        .unwrap_or_else(|| usage())
        .split('/')
        .next()
        .unwrap_or_default()
        .to_string();
    let addr = host
        .to_socket_addrs()
        .ok()
        .and_then(|mut a| a.next())
        .unwrap_or_else(|| {
            eprintln!("cannot resolve {host}");
            std::process::exit(1)
        });
    let stop = |server: &mut Option<Child>| {
        if let Some(c) = server.as_mut() {
            let _ = c.kill();
            let _ = c.wait();
        }
    };

    // Every kind once (the first request opens the generation's caches), checking
    // that each answers 200 before anything is timed.
    let mut conn = Conn::new(&host, addr);
    let mut sizes = Vec::new();
    for k in kinds.iter() {
        match conn.get(&k.path) {
            Ok((200, n)) => sizes.push(n),
            other => {
                eprintln!(
                    "{} → {other:?}: the mix must answer 200 (see --person, --election)",
                    k.path
                );
                stop(&mut server);
                std::process::exit(1)
            }
        }
    }
    drop(conn);

    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("server {url}, {cores} cores, load before: {}", loadavg());
    let many = load(&host, addr, &kinds, args.clients, args.seconds);
    println!("load after {} clients: {}", args.clients, loadavg());
    let one = load(&host, addr, &kinds, 1, args.seconds);
    let rss = server.as_ref().and_then(|c| peak_rss_mb(c.id()));
    stop(&mut server);
    let cli = match (&args.home, args.cli_seconds > 0.0) {
        (Some(h), true) => Some(per_process(&args.bin, h, &kinds, args.cli_seconds)),
        _ => None,
    };
    println!("load at end: {}", loadavg());
    if let Some(r) = rss {
        println!("server peak RSS: {r:.0} MB");
    }

    let rate = |r: &Run| r.count() as f64 / r.wall.as_secs_f64();
    let cli_median = cli.as_ref().map(|c| (pct(&c.all(), 0.5), rate(c)));
    let ratio = |p50: f64, rate: f64| match cli_median {
        Some((m, r)) if m > 0.0 && r > 0.0 => {
            (format!("{:.3}", p50 / m), format!("{:.1}", rate / r))
        }
        _ => ("–".into(), "–".into()),
    };
    println!();
    println!(
        "| run | requests | errors | throughput | p50 | p90 | p99 | max | p50 / CLI median | throughput / CLI |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let row = |name: String, r: &Run| {
        let all = r.all();
        let p50 = pct(&all, 0.5);
        let (lat, thr) = ratio(p50, rate(r));
        println!(
            "| {name} | {} | {} | {:.0} req/s | {:.2} ms | {:.2} ms | {:.2} ms | {:.2} ms | {lat} | {thr} |",
            r.count(),
            r.errors.len(),
            rate(r),
            p50,
            pct(&all, 0.9),
            pct(&all, 0.99),
            pct(&all, 1.0),
        );
    };
    let secs = |s: f64| format!("{s} s");
    row(
        format!("server, {} clients, {}", args.clients, secs(args.seconds)),
        &many,
    );
    row(format!("server, 1 client, {}", secs(args.seconds)), &one);
    if let Some(c) = &cli {
        row(
            format!(
                "CLI, a process per request, sequential, {}",
                secs(args.cli_seconds)
            ),
            c,
        );
    }
    println!();
    println!(
        "| request | path | body | {} clients p50 / p99 | 1 client p50 / p99 | CLI median / p99 (`netakosh …`) |",
        args.clients
    );
    println!("|---|---|---|---|---|---|");
    for (k, kind) in kinds.iter().enumerate() {
        let pp = |r: &Run| match r.by_kind.get(&k) {
            Some(v) => {
                let v = sorted(v);
                format!("{:.2} / {:.2} ms", pct(&v, 0.5), pct(&v, 0.99))
            }
            None => "–".into(),
        };
        let c = cli
            .as_ref()
            .map(|c| format!("{} (`{}`)", pp(c), kind.cli.join(" ")))
            .unwrap_or_else(|| "–".into());
        println!(
            "| {} | `{}` | {} B | {} | {} | {} |",
            kind.label,
            kind.path,
            sizes[k],
            pp(&many),
            pp(&one),
            c
        );
    }
    print_errors("server, many clients", &many);
    print_errors("server, 1 client", &one);
    if let Some(c) = &cli {
        print_errors("CLI", c);
    }
    let errors = many.errors.len() + one.errors.len() + cli.as_ref().map_or(0, |c| c.errors.len());
    if errors > 0 {
        std::process::exit(1);
    }
}
