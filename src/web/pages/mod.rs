//! The HTML pages: search (results as you type, and without JavaScript), a
//! person's career, an office's holders, an election's or seat's results, and the
//! datasets' credits. This module holds the frame every page shares (the search bar,
//! the language toggle, the credits, error pages); a file per kind of page.
//! maud escapes every interpolated text; links are built from ids percent-encoded.

mod profile;
mod results;
mod search;

pub use profile::profile;
pub use results::{election, seat};
pub use search::search;

use super::lang::choose;
use super::state::{Failure, Shared};
use crate::i18n::Lang;
use crate::model::{Kind, Names, Outcome, Source};
use crate::numerals::indian;
use axum::extract::{OriginalUri, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, DOCTYPE};
use std::sync::Arc;

/// Most rows of one list a page shows; the API gives them all.
const ROWS: usize = 200;

/// `en` or `hi` text.
fn t(lang: Lang, en: &'static str, hi: &'static str) -> &'static str {
    lang.pick(en, hi)
}

/// A path segment, percent-encoded (ids are slugs, but names typed in URLs are not).
fn seg(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Where a page's links keep the language the reader chose.
#[derive(Clone)]
struct Here {
    lang: Lang,
    /// `?lang=hi` when the language was chosen in the URL, else empty.
    keep: &'static str,
    /// The page's own path and query without `lang`, for the language toggle.
    path: String,
    query: Vec<(String, String)>,
}

impl Here {
    fn new(lang: Lang, explicit: bool, uri: &axum::http::Uri, p: &super::query::Params) -> Here {
        let keep = match (explicit, lang) {
            (true, Lang::Hi) => "?lang=hi",
            (true, Lang::En) => "?lang=en",
            _ => "",
        };
        Here {
            lang,
            keep,
            path: uri.path().to_string(),
            query: p.pairs().filter(|(k, _)| k != "lang").collect(),
        }
    }

    /// A link to `path` keeping the chosen language.
    fn link(&self, path: String) -> String {
        format!("{path}{}", self.keep)
    }

    fn person(&self, id: &str) -> String {
        self.link(format!("/p/{}", seg(id)))
    }

    /// This page in `lang`.
    fn toggle(&self, lang: Lang) -> String {
        let mut q: Vec<String> = self
            .query
            .iter()
            .map(|(k, v)| format!("{}={}", seg(k), seg(v)))
            .collect();
        q.push(format!("lang={}", lang.code()));
        format!("{}?{}", self.path, q.join("&"))
    }

    /// A link to a record: its page by kind.
    fn record(&self, id: &str, kind: Kind) -> String {
        match kind {
            Kind::Election => self.link(format!("/election/{}", seg(id))),
            Kind::Seat => self.link(format!("/seat/{}", seg(id))),
            _ => self.person(id),
        }
    }
}

fn html_response(status: StatusCode, page: Markup) -> Response {
    (status, Html(page.into_string())).into_response()
}

/// The frame of every page: the search bar, the language toggle, the credits.
fn layout(here: &Here, title: &str, q: &str, body: Markup, sources: &[&Source]) -> Markup {
    let lang = here.lang;
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — " (t(lang, "netakosh", "नेताकोश")) }
                link rel="stylesheet" href="/assets/app.css";
                script src="/assets/app.js" defer {}
            }
            body data-lang=(lang.code()) {
                header.top {
                    a.brand href=(here.link("/".into())) {
                        span.hi { "नेताकोश" } " " span.en { "netakosh" }
                    }
                    form.search #search action="/" method="get" role="search" {
                        input #q type="search" name="q" value=(q) autocomplete="off" maxlength="200"
                            placeholder=(t(lang, "A name, in Hindi or English", "नाम — हिन्दी या अंग्रेज़ी में"))
                            aria-label=(t(lang, "Search", "खोजें"));
                        @if !here.keep.is_empty() { input type="hidden" name="lang" value=(lang.code()); }
                        button type="submit" { (t(lang, "Search", "खोजें")) }
                    }
                    (filters(here))
                    nav.lang {
                        @if lang == Lang::Hi {
                            a href=(here.toggle(Lang::En)) hreflang="en" { "English" }
                        } @else {
                            a href=(here.toggle(Lang::Hi)) hreflang="hi" { "हिन्दी" }
                        }
                    }
                }
                main #main { (body) }
                footer {
                    @if !sources.is_empty() {
                        h2 { (t(lang, "Sources", "स्रोत")) }
                        ul.sources { @for s in sources { li { (credit(s)) } } }
                    }
                    p {
                        (t(lang, "netakosh — a knowledge base of Indian politicians. ", "नेताकोश — भारतीय राजनेताओं का ज्ञानकोश। "))
                        a href=(here.link("/about".into())) { (t(lang, "Datasets and licences", "डेटासेट और लाइसेंस")) }
                        " · "
                        a href="/api/status" { "API" }
                    }
                }
            }
        }
    }
}

/// The search's filters (kind, party, state, year), part of the search form; open
/// when one is set.
fn filters(here: &Here) -> Markup {
    let lang = here.lang;
    let get = |name: &str| {
        here.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let set = ["kind", "party", "state", "year"]
        .iter()
        .any(|f| !get(f).is_empty());
    html! {
        details.filters open[set] {
            summary { (t(lang, "Filters", "छाँटें")) }
            label { (t(lang, "Kind ", "प्रकार ")) select name="kind" form="search" {
                option value="" { (t(lang, "any", "सभी")) }
                @for k in Kind::ALL {
                    option value=(k.as_str()) selected[get("kind") == k.as_str()] { (lang.kind(k)) }
                }
            } }
            label { (t(lang, "Party ", "दल ")) input type="text" name="party" form="search" value=(get("party")) maxlength="200" placeholder=(t(lang, "SP, BJP…", "सपा, भाजपा…")); }
            label { (t(lang, "State ", "राज्य ")) input type="text" name="state" form="search" value=(get("state")) maxlength="200"; }
            label { (t(lang, "Year ", "वर्ष ")) input type="text" name="year" form="search" value=(get("year")) maxlength="4" inputmode="numeric" size="5"; }
        }
    }
}

/// One source: title, publisher, licence, and its address when it is a web one.
fn credit(s: &Source) -> Markup {
    let web = s
        .url
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    html! {
        @match web {
            Some(u) => a href=(u) rel="nofollow noopener" { (s.title) },
            None => (s.title),
        }
        @if let Some(p) = &s.publisher { " — " (p) }
        @if let Some(l) = &s.licence { span.licence { " · " (l) } }
    }
}

/// Every name of a record in its scripts, the page language's first.
fn names_line(lang: Lang, n: &Names) -> String {
    n.both_for(lang.code())
}

/// An error page with the status the API would give.
fn error_page(here: &Here, f: &Failure) -> Response {
    let (status, _, _) = f.status();
    let lang = here.lang;
    let heading = match status {
        StatusCode::NOT_FOUND => t(lang, "Not found", "नहीं मिला"),
        StatusCode::CONFLICT => t(lang, "Several records match", "कई रिकॉर्ड मिलते हैं"),
        s if s.is_client_error() => t(
            lang,
            "That request cannot be answered",
            "यह अनुरोध पूरा नहीं हो सकता",
        ),
        _ => t(lang, "The server could not answer", "सर्वर उत्तर नहीं दे सका"),
    };
    let mut body = html! {
        h1 { (heading) }
        p.error { (f.message()) }
    };
    if let Failure::Lib(crate::Error::Ambiguous { candidates, .. }) = f {
        body = html! {
            (body)
            ul { @for c in candidates { li { a href=(here.person(c)) { (c) } } } }
        };
    }
    html_response(status, layout(here, heading, "", body, &[]))
}

/// What every page handler starts from: parameters, language, links.
fn begin(
    s: &Shared,
    uri: &axum::http::Uri,
    raw: Option<&str>,
    typed: &[&str],
    headers: &HeaderMap,
) -> Result<(super::query::Params, Here), Box<Response>> {
    let fallback = |f: Failure| {
        let here = Here {
            lang: choose(None, &[], headers),
            keep: "",
            path: "/".into(),
            query: Vec::new(),
        };
        Box::new(error_page(&here, &f))
    };
    let p = s.params(raw).map_err(fallback)?;
    let explicit = p.get("lang").filter(|l| matches!(*l, "hi" | "en"));
    let mut words: Vec<&str> = typed.to_vec();
    if let Some(q) = p.get("q") {
        words.push(q);
    }
    let lang = choose(explicit, &words, headers);
    // A Hindi page chosen by what was typed keeps Hindi on the pages it links to.
    let typed_hindi = Lang::choose(None, words.iter().copied()) == Lang::Hi;
    let here = Here::new(
        lang,
        explicit.is_some() || (typed_hindi && lang == Lang::Hi),
        uri,
        &p,
    );
    Ok((p, here))
}

/// [`begin`] for a page of one record: `target` is typed text within the limits.
fn begin_named(
    s: &Shared,
    uri: &axum::http::Uri,
    raw: Option<&str>,
    target: &str,
    headers: &HeaderMap,
) -> Result<(super::query::Params, Here), Box<Response>> {
    let (p, here) = begin(s, uri, raw, &[target], headers)?;
    match s.text("name", target) {
        Ok(_) => Ok((p, here)),
        Err(f) => Err(Box::new(error_page(&here, &f))),
    }
}

/// The page, or the error page its failure calls for.
fn respond(here: &Here, answer: std::result::Result<Markup, Failure>) -> Response {
    match answer {
        Ok(page) => html_response(StatusCode::OK, page),
        Err(f) => error_page(here, &f),
    }
}

fn outcome(lang: Lang, result: Option<Outcome>, position: Option<u32>) -> Markup {
    html! {
        @match result {
            Some(Outcome::Won) => span.won { (t(lang, "won", "जीते")) },
            Some(Outcome::Lost) => span.lost { (t(lang, "lost", "हारे")) @if let Some(p) = position { " (" (p) ")" } },
            None => "",
        }
    }
}
fn more(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Hi => format!("पहले {ROWS} दिखाए; कुल {} — सब API में हैं", indian(n as u64)),
        Lang::En => format!(
            "the first {ROWS} of {} shown; the API gives them all",
            indian(n as u64)
        ),
    }
}
pub async fn about(
    State(s): State<Arc<Shared>>,
    OriginalUri(uri): OriginalUri,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let (_, here) = match begin(&s, &uri, raw.as_deref(), &[], &headers) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    let h = here.clone();
    let answer = s
        .work(move |g| {
            let lang = h.lang;
            let all: Vec<&Source> = g.sources.iter().collect();
            let body = html! {
                h1 { (t(lang, "Datasets and licences", "डेटासेट और लाइसेंस")) }
                p { (t(lang, "Every record in netakosh comes from one of these sources; each page names the ones its data comes from.",
                        "नेताकोश का हर रिकॉर्ड इनमें से किसी स्रोत से है; हर पन्ना अपने डेटा के स्रोत बताता है।")) }
                p { (t(lang, "Generation ", "संस्करण ")) (g.number) }
            };
            Ok(layout(&h, t(lang, "Sources", "स्रोत"), "", body, &all))
        })
        .await;
    respond(&here, answer)
}

pub async fn not_found(OriginalUri(uri): OriginalUri, headers: HeaderMap) -> Response {
    let lang = choose(None, &[], &headers);
    let here = Here {
        lang,
        keep: "",
        path: "/".into(),
        query: Vec::new(),
    };
    if uri.path().starts_with("/api/") {
        return super::api::failure(&Failure::Lib(crate::Error::not_found(
            uri.path().to_string(),
        )));
    }
    error_page(
        &here,
        &Failure::Lib(crate::Error::not_found(uri.path().to_string())),
    )
}
