//! `netakosh serve`: the JSON API answers as the CLI's `--json` does, the pages are
//! bilingual and escape every text, hostile requests get a 4xx or a closed
//! connection while the server keeps serving, and it keeps answering through an
//! import, moving to the new generation once it is committed.

mod common;

use common::{bin, Home};
use std::io::{BufRead, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `serve` over a home, stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(home: &Home, extra: &[&str]) -> Server {
        let mut child = Command::new(bin())
            .env_clear()
            .env("NETAKOSH_HOME", home.path())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start netakosh serve");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().expect("piped stdout"))
            .read_line(&mut line)
            .expect("read the serve line");
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Server { child, addr }
    }

    /// GET `path` with extra header lines; (status, body).
    fn get_with(&self, path: &str, headers: &str) -> (u16, String) {
        let mut s = TcpStream::connect(self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\n{headers}Connection: close\r\n\r\n"
        )
        .expect("send");
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("read the response");
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("no status line in {head:?}"));
        (status, body.to_string())
    }

    fn get(&self, path: &str) -> (u16, String) {
        self.get_with(path, "")
    }

    fn json(&self, path: &str) -> (u16, serde_json::Value) {
        let (status, body) = self.get(path);
        let v = serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {body}"));
        (status, v)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `आलोक` percent-encoded.
const ALOK: &str = "%E0%A4%86%E0%A4%B2%E0%A5%8B%E0%A4%95";

fn ids(v: &serde_json::Value) -> Vec<String> {
    common::hit_ids(v)
}

#[test]
fn the_api_answers_as_the_cli_does() {
    let home = Home::new();
    let server = Server::start(&home, &[]);
    let (status, v) = server.json(&format!("/api/search?q={ALOK}"));
    assert_eq!(status, 200);
    assert_eq!(
        ids(&v).first().map(String::as_str),
        Some("alok-ranjan"),
        "{v}"
    );
    assert_eq!(v["query"], "आलोक");
    // The same hits as `search --json`, and the same profile as `show --json`.
    let cli = home.json(&["search", "Alok Ranjan", "--json"]);
    let (_, api) = server.json("/api/search?q=Alok+Ranjan");
    assert_eq!(ids(&api), ids(&cli));
    assert_eq!(api["total"], cli["total"]);
    let (status, profile) = server.json("/api/show/alok-ranjan");
    assert_eq!(status, 200);
    assert_eq!(profile, home.json(&["show", "alok-ranjan", "--json"]));
    // A name resolves as `show` resolves it.
    let (_, by_name) = server.json(&format!(
        "/api/show/{ALOK}%20%E0%A4%B0%E0%A4%82%E0%A4%9C%E0%A4%A8"
    ));
    assert_eq!(by_name["id"], "alok-ranjan");
    let (status, e) = server.json("/api/election/rajya-sabha-2024-uttar-pradesh");
    assert_eq!(status, 200);
    assert_eq!(
        e,
        home.json(&["election", "rajya-sabha-2024-uttar-pradesh", "--json"])
    );
    // Alok Ranjan's 19 first-preference votes, as the seed report gives them.
    let rows = e["constituencies"][0]["rows"].as_array().expect("rows");
    let alok = rows
        .iter()
        .find(|r| r["person"] == "alok-ranjan")
        .expect("his row");
    assert_eq!(alok["votes"], 19);
    let (status, c) =
        server.json("/api/candidates?election=rajya-sabha-2024-uttar-pradesh&party=SP");
    assert_eq!(status, 200);
    let cli = home.json(&[
        "candidates",
        "--election",
        "rajya-sabha-2024-uttar-pradesh",
        "--party",
        "SP",
        "--json",
    ]);
    assert_eq!(c, cli);
    let (status, st) = server.json("/api/status");
    assert_eq!(status, 200);
    assert_eq!(
        st["generation"],
        home.json(&["stats", "--json"])["generation"]
    );
    assert_eq!(st["read_only"], false);
}

#[test]
fn errors_are_json_with_the_cli_meaning_as_a_status() {
    let home = Home::new();
    let server = Server::start(&home, &[]);
    let (status, v) = server.json("/api/show/no-such-person-anywhere");
    assert_eq!(status, 404);
    assert_eq!(v["kind"], "not_found");
    assert_eq!(v["exit_code"], 2);
    assert!(
        v["error"]
            .as_str()
            .unwrap()
            .contains("no-such-person-anywhere"),
        "{v}"
    );
    for (path, want) in [
        ("/api/search", 400),
        ("/api/search?q=alok&year=twenty", 400),
        ("/api/search?q=alok&limit=0", 400),
        ("/api/search?q=alok&kind=planet", 400),
        ("/api/office/chief-secretary?at=not-a-date", 400),
        ("/api/candidates", 400),
        (
            "/api/candidates?election=rajya-sabha-2024-uttar-pradesh&sort=height",
            400,
        ),
        ("/api/nothing-here", 404),
    ] {
        let (status, v) = server.json(path);
        assert_eq!(status, want, "{path}: {v}");
        assert!(v["error"].is_string(), "{path}: {v}");
    }
    // A page for an unknown id is a 404 page, not a blank one.
    let (status, body) = server.get("/p/no-such-person-anywhere");
    assert_eq!(status, 404);
    assert!(
        body.contains("no-such-person-anywhere") && body.contains("<form"),
        "{body}"
    );
}

#[test]
fn pages_are_bilingual_linked_and_credit_their_sources() {
    let home = Home::new();
    let server = Server::start(&home, &[]);
    let (status, page) = server.get("/");
    assert_eq!(status, 200);
    assert!(
        page.contains(r#"name="q""#) && page.contains(r#"action="/""#),
        "a search form without JavaScript"
    );
    assert!(page.contains(r#"name="viewport""#), "readable on a phone");
    // A Devanagari query is answered in Hindi, with links to the profiles.
    let (status, page) = server.get(&format!("/?q={ALOK}"));
    assert_eq!(status, 200);
    assert!(page.contains(r#"<html lang="hi">"#), "{page}");
    // Its links keep Hindi, and the footer credits the sources of the hits shown.
    assert!(page.contains(r#"href="/p/alok-ranjan?lang=hi""#), "{page}");
    assert!(page.contains("आलोक रंजन"));
    assert!(
        page.contains("<h2>स्रोत</h2>") && page.contains("UP News:"),
        "{page}"
    );
    let (_, page) = server.get("/?q=Alok+Ranjan");
    assert!(page.contains(r#"<html lang="en">"#));
    // The browser's language when nothing typed says otherwise; `?lang=` over both.
    let (_, page) = server.get_with(
        "/p/alok-ranjan",
        "Accept-Language: hi-IN,hi;q=0.9,en;q=0.5\r\n",
    );
    assert!(page.contains(r#"<html lang="hi">"#));
    let (_, page) = server.get_with("/p/alok-ranjan?lang=en", "Accept-Language: hi\r\n");
    assert!(page.contains(r#"<html lang="en">"#));
    assert!(
        page.contains(r#"href="/p/alok-ranjan?lang=hi""#),
        "the language toggle keeps the page"
    );
    // The career: his Rajya Sabha election links to its result table.
    assert!(page.contains("Alok Ranjan"));
    assert!(
        page.contains(r#"href="/election/rajya-sabha-2024-uttar-pradesh?lang=en""#),
        "{page}"
    );
    // The sources the profile's data comes from, with their licence.
    assert!(page.contains("Sources"), "{page}");
    let (_, page) = server.get("/election/rajya-sabha-2024-uttar-pradesh");
    assert!(page.contains("<table"));
    assert!(page.contains(r#"href="/p/alok-ranjan""#));
    assert!(page.contains("Sanjay Seth"));
    // An election id under /p/ goes to its result page.
    let (status, _) = server.get("/p/rajya-sabha-2024-uttar-pradesh");
    assert_eq!(status, 303);
    let (status, page) = server.get("/about");
    assert_eq!(status, 200);
    assert!(page.contains("<li>"), "every dataset credited: {page}");
}

#[test]
fn every_text_is_escaped() {
    let home = Home::new();
    let f = home.write(
        "xss.jsonl",
        r#"{"type":"person","id":"xss-test","name":{"en":"<script>alert(1)</script>","hi":"<img src=x onerror=alert(1)>"},"summary":{"en":"\"><b>bold</b>"}}"#,
    );
    home.ok(&["import", f.to_str().unwrap()]);
    let server = Server::start(&home, &[]);
    let (status, page) = server.get("/p/xss-test");
    assert_eq!(status, 200);
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(!page.contains("<img src=x"), "{page}");
    let (_, page) = server.get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // The only scripts a page loads are the server's own file, and the policy says so.
    let mut s = TcpStream::connect(server.addr).unwrap();
    write!(
        s,
        "GET /p/xss-test HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    assert!(
        raw.to_ascii_lowercase()
            .contains("content-security-policy: default-src 'self'; script-src 'self'"),
        "{raw}"
    );
    // The API gives the record's text as it is, JSON-encoded.
    let (_, v) = server.json("/api/show/xss-test");
    assert_eq!(v["record"]["name"]["en"], "<script>alert(1)</script>");
}

/// Sends `raw` and reads what comes back until the server closes or `wait` passes.
fn exchange(addr: SocketAddr, raw: &[u8], wait: Duration) -> String {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(wait)).unwrap();
    // A server may close before it has read everything: that is a refusal too.
    let _ = s.write_all(raw);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn status_of(response: &str) -> Option<u16> {
    response.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn hostile_requests_are_refused_and_the_server_keeps_serving() {
    let home = Home::new();
    let server = Server::start(&home, &[]);
    let wait = Duration::from_secs(10);
    // A 1 MB query: refused (a 4xx) or the connection closed, never answered.
    let huge = format!(
        "GET /api/search?q={} HTTP/1.1\r\nHost: x\r\n\r\n",
        "a".repeat(1 << 20)
    );
    let r = exchange(server.addr, huge.as_bytes(), wait);
    assert!(
        r.is_empty() || status_of(&r).is_some_and(|s| (400..500).contains(&s)),
        "{}",
        &r[..r.len().min(300)]
    );
    // Over the query limit but within the head limit: 414 with a JSON reason.
    let (status, v) = server.json(&format!("/api/search?q={}", "क".repeat(300)));
    assert_eq!(status, 414, "{v}");
    let (status, _) = server.get(&format!("/api/search?q={}", "a".repeat(5000)));
    assert_eq!(status, 414);
    // Invalid percent-encoding and bytes that are not UTF-8.
    for path in [
        "/api/search?q=%zz",
        "/api/search?q=%E0%A4",
        "/?q=%",
        "/api/show/%ff%fe",
    ] {
        let (status, _) = server.get(path);
        assert_eq!(status, 400, "{path}");
    }
    // No path reaches the filesystem.
    for path in [
        "/../../../../etc/passwd",
        "/assets/../../Cargo.toml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/assets/..%2f..%2fCargo.toml",
        "/p/..%2f..%2f..%2fetc%2fpasswd",
    ] {
        let (status, body) = server.get(path);
        assert!((400..500).contains(&status), "{path}: {status}");
        assert!(
            !body.contains("root:") && !body.contains("[package]"),
            "{path}: {body}"
        );
    }
    // A body the server never asked for, and a method it does not serve.
    let post = format!(
        "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n{}",
        1 << 20,
        "x".repeat(1 << 20)
    );
    let r = exchange(server.addr, post.as_bytes(), wait);
    assert!(
        r.is_empty() || status_of(&r).is_some_and(|s| (400..500).contains(&s)),
        "{}",
        &r[..r.len().min(300)]
    );
    // A slow client (slowloris): its head never completes, so it is cut off.
    let started = Instant::now();
    let mut slow = TcpStream::connect(server.addr).unwrap();
    slow.set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
    let mut closed = false;
    while started.elapsed() < Duration::from_secs(15) {
        // Meanwhile others are served at once.
        let (status, _) = server.get("/api/status");
        assert_eq!(status, 200);
        if slow.write_all(b"X-Slow: 1\r\n").is_err() {
            closed = true;
            break;
        }
        let mut buf = [0u8; 512];
        match slow.read(&mut buf) {
            Ok(0) => {
                closed = true;
                break;
            }
            // A 408 before closing is fine too.
            Ok(n) if String::from_utf8_lossy(&buf[..n]).contains(" 408 ") => {
                closed = true;
                break;
            }
            Ok(_) => {}
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => {
                closed = true;
                break;
            }
        }
    }
    assert!(
        closed,
        "a client that never finishes its head is still connected after {:?}",
        started.elapsed()
    );
    // Still serving, and correctly.
    let (status, v) = server.json(&format!("/api/search?q={ALOK}"));
    assert_eq!(status, 200);
    assert_eq!(ids(&v).first().map(String::as_str), Some("alok-ranjan"));
}

#[test]
fn it_keeps_answering_through_an_import_and_then_serves_the_new_generation() {
    let home = Home::new();
    let server = Server::start(&home, &[]);
    let (_, before) = server.json("/api/status");
    let f = home.write(
        "new.jsonl",
        r#"{"type":"person","id":"mayawati","name":{"en":"Mayawati","hi":"मायावती"}}"#,
    );
    // The index is committed, its replica not yet: the pair disagrees, so the
    // server stays on the generation it has.
    let paused = home.spawn_paused(&["import", f.to_str().unwrap()], "index-committed");
    for _ in 0..3 {
        let (status, v) = server.json(&format!("/api/search?q={ALOK}"));
        assert_eq!(status, 200);
        assert_eq!(ids(&v).first().map(String::as_str), Some("alok-ranjan"));
        let (status, _) = server.json("/api/show/mayawati");
        assert_eq!(status, 404, "not before the import is whole");
        let (_, now) = server.json("/api/status");
        assert_eq!(now["generation"], before["generation"]);
        std::thread::sleep(Duration::from_millis(300));
    }
    let (code, _, err) = paused.resume();
    assert_eq!(code, 0, "{err}");
    // Within a second or two the new generation answers.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (status, v) = server.json("/api/show/mayawati");
        if status == 200 {
            assert_eq!(v["id"], "mayawati");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the imported record never appeared"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let (_, after) = server.json("/api/status");
    assert!(
        after["generation"].as_u64() > before["generation"].as_u64(),
        "{after}"
    );
}

#[test]
fn a_general_election_page_lists_every_seat_with_its_winner() {
    let home = Home::new();
    let seats = common::fixture("seats");
    home.ok(&["import", "-r", seats.to_str().unwrap()]);
    let server = Server::start(&home, &[]);
    let (status, page) = server.get("/election/lok-sabha-2024");
    assert_eq!(status, 200);
    // The party tally, then each seat: its table's link, the winner and the margin.
    assert!(page.contains("<section class=\"seats\">"), "{page}");
    for (seat, winner, margin) in [
        ("Alathur", "K. Radhakrishnan", "20,111"),
        ("Kannauj", "Akhilesh Yadav", "1,70,922"),
        ("Rae Bareli", "Rahul Gandhi", "3,90,030"),
    ] {
        let link = format!(
            r#"href="/election/lok-sabha-2024?seat={}""#,
            seat.replace(' ', "%20")
        );
        let row = page
            .split("<tr>")
            .find(|r| r.contains(&link))
            .unwrap_or_else(|| panic!("no row for {seat}: {page}"));
        assert!(
            row.contains(winner) && row.contains(margin),
            "{seat}: {row}"
        );
    }
    // A seat's link opens its whole table.
    let (status, page) = server.get("/election/lok-sabha-2024?seat=Rae%20Bareli");
    assert_eq!(status, 200);
    assert!(page.contains("<section class=\"seat\">") && page.contains("Rahul Gandhi"));
    assert!(!page.contains("Akhilesh Yadav"), "only the seat asked for");
}

#[test]
fn an_office_page_names_who_held_it_on_a_date() {
    let home = Home::new();
    let server = Server::start(&home, &[]);
    let (status, page) = server.get("/p/chief-secretary-uttar-pradesh?at=2015-01-01");
    assert_eq!(status, 200);
    assert!(
        page.contains(r#"type="date" name="at" value="2015-01-01""#),
        "{page}"
    );
    let held = page
        .split("<h2>Held on")
        .nth(1)
        .expect("the holders on the date");
    assert!(held.contains(r#"href="/p/alok-ranjan""#), "{held}");
    // As `office --at --json` says.
    let cli = home.json(&[
        "office",
        "chief-secretary-uttar-pradesh",
        "--at",
        "2015-01-01",
        "--json",
    ]);
    assert_eq!(cli["holders"][0]["tenure"]["person"], "alok-ranjan");
    let (_, api) = server.json("/api/office/chief-secretary-uttar-pradesh?at=2015-01-01");
    assert_eq!(api, cli);
    let (_, page) = server.get("/p/chief-secretary-uttar-pradesh?at=2019-01-01");
    assert!(
        page.contains("Nobody in the knowledge base.")
            && !page.contains(r#"href="/p/alok-ranjan""#)
    );
    let (status, _) = server.get("/p/chief-secretary-uttar-pradesh?at=someday");
    assert_eq!(status, 400);
}

#[test]
fn the_search_page_filters_as_the_cli_does() {
    let home = Home::new();
    let server = Server::start(&home, &[]);
    let (status, page) = server.get("/?q=alok&kind=office");
    assert_eq!(status, 200);
    // The filter is kept in the form, open, and the results are offices only.
    assert!(
        page.contains(r#"<option value="office" selected>"#),
        "{page}"
    );
    assert!(page.contains("<details class=\"filters\" open>"), "{page}");
    let cli = home.json(&["search", "alok", "--kind", "office", "--json"]);
    let want = ids(&cli);
    assert!(!want.is_empty() && !want.contains(&"alok-ranjan".to_string()));
    for id in &want {
        assert!(page.contains(&format!(r#"href="/p/{id}""#)), "{id}: {page}");
    }
    assert!(!page.contains(r#"href="/p/alok-ranjan""#));
    let (_, api) = server.json("/api/search?q=alok&kind=office");
    assert_eq!(ids(&api), want);
    // Without a filter the panel is closed.
    let (_, page) = server.get("/?q=alok");
    assert!(page.contains("<details class=\"filters\">"));
}

#[test]
fn a_request_past_its_time_limit_is_a_503_and_connections_are_capped() {
    let home = Home::new();
    home.ok(&["stats"]);
    // No search can finish in a microsecond: each is stopped and said so.
    let server = Server::start(&home, &["--timeout", "0.000001"]);
    let (status, v) = server.json(&format!("/api/search?q={ALOK}"));
    assert_eq!(status, 503, "{v}");
    assert_eq!(v["kind"], "timeout");
    assert_eq!(v["exit_code"], 3);
    let (status, page) = server.get(&format!("/?q={ALOK}"));
    assert_eq!(status, 503);
    assert!(page.contains("took too long"), "{page}");
    drop(server);

    let server = Server::start(&home, &["--max-connections", "2"]);
    let held: Vec<TcpStream> = (0..2)
        .map(|_| TcpStream::connect(server.addr).unwrap())
        .collect();
    // A third is closed as it arrives, without an answer.
    let r = exchange(
        server.addr,
        b"GET /api/status HTTP/1.1\r\nHost: x\r\n\r\n",
        Duration::from_secs(5),
    );
    assert!(r.is_empty(), "a connection over the cap was answered: {r}");
    // Once the two are gone, connections are served again.
    drop(held);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let r = exchange(
            server.addr,
            b"GET /api/status HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            Duration::from_secs(5),
        );
        if status_of(&r) == Some(200) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "still refused after the held connections closed"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // A limit that makes no sense is the user's mistake.
    let (code, _, err) = home.run(&["serve", "--timeout", "0"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("seconds"), "{err}");
}

#[test]
fn started_while_an_import_is_between_commits_it_waits_for_a_whole_generation() {
    let home = Home::new();
    home.ok(&["stats"]);
    let f = home.write(
        "new.jsonl",
        r#"{"type":"person","id":"mayawati","name":{"en":"Mayawati","hi":"मायावती"}}"#,
    );
    // The index holds the new generation, its replica the old one.
    let paused = home.spawn_paused(&["import", f.to_str().unwrap()], "index-committed");
    let resumer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(1500));
        paused.resume()
    });
    let server = Server::start(&home, &[]);
    let (code, _, err) = resumer.join().unwrap();
    assert_eq!(code, 0, "{err}");
    let (status, v) = server.json("/api/show/mayawati");
    assert_eq!(status, 200, "{v}");
}
