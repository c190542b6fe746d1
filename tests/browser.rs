//! The web pages in a real browser: headless Chromium, driven through chromedriver's
//! WebDriver HTTP protocol, over `netakosh serve` on a fresh home. Results appear as a
//! name is typed in Devanagari (the page script, not a form submission), a click opens
//! the profile, and text that looks like HTML stays text. Screenshots are kept under
//! the target directory (`tmp/screenshots/`) to be looked at.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them); without
//! them the tests fail, unless `NETAKOSH_SKIP_BROWSER=1` says to skip.

mod common;

use base64::Engine as _;
use common::Home;
use serde_json::{json, Value};
use std::io::BufRead as _;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a rendered result or a page may take to appear.
const PATIENCE: Duration = Duration::from_secs(10);

/// The key under which WebDriver returns an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// `name` on `PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Chromium and chromedriver, or `None` when told to skip without them; a failure
/// naming the packages otherwise.
fn tools() -> Option<(PathBuf, PathBuf)> {
    let chromium = on_path("chromium");
    let driver = on_path("chromedriver");
    if let (Some(c), Some(d)) = (&chromium, &driver) {
        return Some((c.clone(), d.clone()));
    }
    let missing: Vec<&str> = [("chromium", &chromium), ("chromedriver", &driver)]
        .iter()
        .filter(|(_, p)| p.is_none())
        .map(|(n, _)| *n)
        .collect();
    if std::env::var("NETAKOSH_SKIP_BROWSER").as_deref() == Ok("1") {
        eprintln!(
            "skipped: no {} on PATH (NETAKOSH_SKIP_BROWSER=1)",
            missing.join(" or ")
        );
        return None;
    }
    panic!(
        "the browser tests need {} on PATH: install Debian's chromium and chromium-driver \
         (`apt-get install chromium chromium-driver`; .ci/run does this), or set \
         NETAKOSH_SKIP_BROWSER=1 to skip them",
        missing.join(" and ")
    );
}

/// A port nobody listens on now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free local port")
        .port()
}

/// Where screenshots are kept after the test.
fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&dir).expect("create the screenshot directory");
    dir
}

/// `netakosh serve` on port 0 over a fresh home; killed when dropped.
struct Server {
    child: Child,
    url: String,
    /// Held open: the server may still write to it.
    _stdout: std::io::BufReader<std::process::ChildStdout>,
    _home: Home,
}

impl Server {
    fn start() -> Server {
        let home = Home::new();
        let mut child = Command::new(common::bin())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .arg("--home")
            .arg(home.path())
            .args(["serve", "--addr", "127.0.0.1:0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start netakosh serve");
        let mut stdout = std::io::BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut line = String::new();
        stdout.read_line(&mut line).expect("read the serve line");
        // `serving HOME at http://127.0.0.1:PORT/ (Ctrl-C stops)`
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .map(|u| u.trim_end_matches('/').to_string());
        let Some(url) = url else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("netakosh serve did not name its address: {line:?}");
        };
        Server {
            child,
            url,
            _stdout: stdout,
            _home: home,
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A WebDriver error answer (`{"value": {"error": …, "message": …}}`).
#[derive(Debug)]
struct WdError {
    error: String,
    message: String,
}

impl std::fmt::Display for WdError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.error, self.message)
    }
}

/// chromedriver and one headless Chromium session; both end when dropped.
struct Browser {
    driver: Child,
    agent: ureq::Agent,
    /// `http://127.0.0.1:PORT`
    base: String,
    /// `http://127.0.0.1:PORT/session/ID`
    session: String,
    /// The profile directory and chromedriver's log.
    scratch: tempfile::TempDir,
}

impl Browser {
    fn start(chromium: &Path, chromedriver: &Path) -> Browser {
        let scratch = tempfile::tempdir().expect("a temporary directory");
        let log = scratch.path().join("chromedriver.log");
        let port = free_port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", chromedriver.display()));
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .proxy(None)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let mut browser = Browser {
            driver,
            agent,
            base: format!("http://127.0.0.1:{port}"),
            session: String::new(),
            scratch,
        };
        let started = Instant::now();
        loop {
            let ready = browser.call("GET", &format!("{}/status", browser.base), None);
            if matches!(&ready, Ok(v) if v["ready"] == true) {
                break;
            }
            if started.elapsed() > PATIENCE {
                panic!(
                    "chromedriver is not ready on port {port} after {PATIENCE:?} ({ready:?}); its log:\n{}",
                    browser.log()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = browser.scratch.path().join("profile");
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            // Leave an alert open, for the escaping test to find.
            "unhandledPromptBehavior": "ignore",
            "timeouts": {"pageLoad": 30_000, "script": 10_000, "implicit": 0},
            "goog:chromeOptions": {
                "binary": chromium.display().to_string(),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.display()),
                ],
                // English pages unless a page is told otherwise, whatever the machine's locale.
                "prefs": {"intl.accept_languages": "en-US,en"},
            },
        }}});
        let created = browser
            .call("POST", &format!("{}/session", browser.base), Some(caps))
            .unwrap_or_else(|e| {
                panic!(
                    "chromedriver could not start {}: {e}; its log:\n{}",
                    chromium.display(),
                    browser.log()
                )
            });
        let id = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session id in {created}"));
        browser.session = format!("{}/session/{id}", browser.base);
        browser
    }

    fn log(&self) -> String {
        let text = std::fs::read_to_string(self.scratch.path().join("chromedriver.log"))
            .unwrap_or_default();
        let tail: Vec<&str> = text.lines().rev().take(40).collect();
        tail.into_iter().rev().collect::<Vec<_>>().join("\n")
    }

    /// One WebDriver request; its `value`, or the error it answered.
    fn call(&self, method: &str, url: &str, body: Option<Value>) -> Result<Value, WdError> {
        let sent = match (method, body) {
            ("GET", _) => self.agent.get(url).call(),
            ("DELETE", _) => self.agent.delete(url).call(),
            (_, body) => self
                .agent
                .post(url)
                .header("Content-Type", "application/json; charset=utf-8")
                .send(body.unwrap_or_else(|| json!({})).to_string()),
        };
        let mut response = sent.map_err(|e| WdError {
            error: "no answer".into(),
            message: format!("{method} {url}: {e}"),
        })?;
        let ok = response.status().is_success();
        let text = response
            .body_mut()
            .with_config()
            .limit(64 << 20)
            .read_to_string()
            .map_err(|e| WdError {
                error: "unreadable answer".into(),
                message: format!("{method} {url}: {e}"),
            })?;
        let v: Value = serde_json::from_str(&text).map_err(|e| WdError {
            error: "not JSON".into(),
            message: format!("{method} {url}: {e}: {text}"),
        })?;
        let value = v["value"].clone();
        if ok {
            Ok(value)
        } else {
            Err(WdError {
                error: value["error"].as_str().unwrap_or("?").to_string(),
                message: value["message"].as_str().unwrap_or("").to_string(),
            })
        }
    }

    /// A command of this session (`path` after `/session/ID`) that must succeed.
    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.call(method, &format!("{}{path}", self.session), body)
            .unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"))
    }

    fn go(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
    }

    fn run(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// The element `css` selects (the first).
    fn find(&self, css: &str) -> String {
        let v = self.cmd(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        v[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element reference for {css}: {v}"))
            .to_string()
    }

    /// Polls `script` until it returns something other than null or false.
    fn wait_for(&self, what: &str, script: &str) -> Value {
        let started = Instant::now();
        loop {
            let v = self.run(script);
            if !v.is_null() && v != false {
                return v;
            }
            if started.elapsed() > PATIENCE {
                let shot = self.screenshot(&format!("timeout-{}.png", what.replace(' ', "-")));
                let url = self.cmd("GET", "/url", None);
                panic!("no {what} after {PATIENCE:?} at {url}; the page is in {shot}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn window(&self, width: u32, height: u32) {
        self.cmd(
            "POST",
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        );
    }

    /// Saves the viewport as `name` under the screenshot directory; its path.
    fn screenshot(&self, name: &str) -> String {
        let data = self.cmd("GET", "/screenshot", None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(data.as_str().expect("a base64 screenshot"))
            .expect("the screenshot decodes");
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG screenshot");
        let path = screenshot_dir().join(name);
        std::fs::write(&path, &png).expect("write the screenshot");
        let path = path.display().to_string();
        eprintln!("screenshot: {path}");
        path
    }

    /// The open alert's text, or the error saying there is none.
    fn alert(&self) -> Result<Value, WdError> {
        self.call("GET", &format!("{}/alert/text", self.session), None)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.call("DELETE", &self.session, None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// The server and the browser, or `None` when told to skip.
fn start() -> Option<(Server, Browser)> {
    let (chromium, chromedriver) = tools()?;
    let server = Server::start();
    let browser = Browser::start(&chromium, &chromedriver);
    Some((server, browser))
}

#[test]
fn typing_a_devanagari_name_shows_results_and_a_click_opens_the_profile() {
    let Some((server, b)) = start() else { return };
    b.go(&format!("{}/", server.url));
    assert_eq!(
        b.run("return document.querySelectorAll('ol.hits li.hit').length"),
        0,
        "the front page lists no results before anything is typed"
    );
    // A navigation (a submitted form) would start a new window object without this.
    b.run("window.netakoshTyped = 'same page'; return true");
    let q = b.find("#q");
    b.cmd(
        "POST",
        &format!("/element/{q}/value"),
        Some(json!({"text": "आलोक रंजन"})),
    );
    // The script's last answer is in once the address carries the whole query.
    let name = b.wait_for(
        "result link",
        "const q = new URLSearchParams(location.search).get('q');
         const a = [...document.querySelectorAll('ol.hits li.hit a.name')]
             .find(a => a.getAttribute('href') === '/p/alok-ranjan?lang=hi');
         return q === 'आलोक रंजन' && a ? a.textContent : null;",
    );
    assert_eq!(
        b.run("return document.getElementById('q').value"),
        "आलोक रंजन",
        "the Devanagari typed through WebDriver arrives whole"
    );
    assert_eq!(
        b.run("return window.netakoshTyped || null"),
        "same page",
        "the results were drawn by the page script, not a new page"
    );
    assert_eq!(
        name, "आलोक रंजन · Alok Ranjan",
        "a Devanagari query names the hit in Hindi first"
    );
    assert_eq!(
        b.run("return [document.documentElement.lang, document.querySelector('form.search button').textContent]"),
        json!(["hi", "खोजें"]),
        "the search bar speaks the results' language"
    );
    // The intro gives way to a count line, as on the server's own results page.
    let count = b.run(
        "const c = document.getElementById('count');
         const n = document.querySelectorAll('ol.hits li.hit').length;
         return [c && c.textContent, n + ' ', document.querySelector('section.intro') === null];",
    );
    assert!(
        count[0]
            .as_str()
            .is_some_and(|c| c.starts_with(count[1].as_str().unwrap()))
            && count[2] == true,
        "a count line of the hits shown, instead of the intro: {count}"
    );
    b.screenshot("search.png");

    let link = b.find("ol.hits li.hit a.name[href='/p/alok-ranjan?lang=hi']");
    b.cmd("POST", &format!("/element/{link}/click"), Some(json!({})));
    b.wait_for(
        "profile page",
        "return location.pathname === '/p/alok-ranjan' && document.readyState === 'complete'
             && document.querySelector('article.profile h1') !== null",
    );
    // A Devanagari query's hit opens in Hindi (`?lang=hi`), though the browser asks
    // for English; its heading gives both names, Hindi first.
    assert_eq!(b.run("return document.documentElement.lang"), "hi");
    assert_eq!(
        b.run("return document.querySelector('article.profile h1').textContent"),
        "आलोक रंजन · Alok Ranjan"
    );
    let election = b.run(
        "const a = document.querySelector(\"table.results a[href='/election/rajya-sabha-2024-uttar-pradesh?lang=hi']\");
         return a ? a.closest('tr').innerText : null;",
    );
    let row = election
        .as_str()
        .expect("the profile lists the 2024 Rajya Sabha election");
    assert!(
        row.contains("उत्तर प्रदेश राज्यसभा चुनाव 2024")
            && row.contains("SP")
            && row.contains("हारे"),
        "the election row: {row:?}"
    );
    b.screenshot("profile.png");

    // A phone: the page fits the screen's width (wide tables scroll inside their box).
    b.window(390, 844);
    b.wait_for("phone-width window", "return window.innerWidth <= 420");
    let [wide, seen] = ["scrollWidth", "clientWidth"]
        .map(|w| b.run(&format!("return document.documentElement.{w}")));
    let sticking_out = b.run(
        "const w = document.documentElement.clientWidth;
         return [...document.querySelectorAll('body *')]
             .filter(e => e.getBoundingClientRect().right > w + 0.5 && !e.closest('.scroll'))
             .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));",
    );
    assert_eq!(
        wide, seen,
        "nothing sticks out sideways on a phone: {sticking_out}"
    );
    b.screenshot("profile-phone.png");
}

#[test]
fn text_that_looks_like_html_stays_text_in_a_real_browser() {
    let Some((server, b)) = start() else { return };
    let no_inline_scripts = "return document.querySelectorAll('script:not([src])').length";

    let typed = "<script>alert(1)</script>";
    b.go(&format!(
        "{}/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        server.url
    ));
    let alert = b.alert().expect_err("no alert is open on the search page");
    assert_eq!(alert.error, "no such alert", "{alert}");
    assert_eq!(
        b.run(no_inline_scripts),
        0,
        "the search page runs no inline script"
    );
    assert_eq!(b.run("return document.getElementById('q').value"), typed);
    assert_eq!(
        b.run("return document.getElementById('count').textContent"),
        format!("Nothing found for {typed}")
    );

    let id = "<img src=x onerror=alert(1)>";
    b.go(&format!(
        "{}/p/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        server.url
    ));
    let alert = b.alert().expect_err("no alert is open on the profile page");
    assert_eq!(alert.error, "no such alert", "{alert}");
    assert_eq!(
        b.run(no_inline_scripts),
        0,
        "the profile page runs no inline script"
    );
    assert_eq!(
        b.run("return document.images.length"),
        0,
        "no image was made"
    );
    assert_eq!(
        b.run("return document.querySelector('h1').textContent"),
        "Not found"
    );
    let said = b.run("return document.querySelector('p.error').textContent");
    assert!(
        said.as_str().is_some_and(|s| s.contains(id)),
        "the id is shown as text: {said}"
    );

    // The check above would see an alert: open one and read it back.
    b.run("setTimeout(() => alert('probe'), 0); return true");
    let started = Instant::now();
    let text = loop {
        match b.alert() {
            Ok(text) => break text,
            Err(e) if started.elapsed() > PATIENCE => panic!("the probe alert never opened: {e}"),
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    };
    assert_eq!(text, "probe");
    b.cmd("POST", "/alert/dismiss", Some(json!({})));
}
