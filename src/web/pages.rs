//! The HTML pages: search (results as you type, and without JavaScript), a
//! person's career, an election's or seat's results, and the datasets' credits.
//! maud escapes every interpolated text; links are built from ids percent-encoded.

use super::api::search_options;
use super::lang::choose;
use super::state::{Failure, Generation, Shared};
use crate::election::{Answer, Constituency, SeatHistory};
use crate::i18n::Lang;
use crate::model::{Kind, Names, Outcome, Source};
use crate::numerals::indian;
use crate::profile::{Career, Holders, Profile};
use crate::search::{self, resolve, Hit};
use axum::extract::{OriginalUri, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
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

pub async fn search(
    State(s): State<Arc<Shared>>,
    OriginalUri(uri): OriginalUri,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let (p, here) = match begin(&s, &uri, raw.as_deref(), &[], &headers) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    let q = p.get("q").unwrap_or("").to_string();
    if let Err(f) = s.text("query", &q) {
        return error_page(&here, &f);
    }
    let opts = match search_options(&s, &p) {
        Ok(o) => o,
        Err(f) => return error_page(&here, &f),
    };
    let lang = here.lang;
    if q.is_empty() && !opts.has_filter() {
        let body = html! {
            section.intro {
                h1 { (t(lang, "Who is this politician?", "यह राजनेता कौन है?")) }
                p { (t(lang,
                    "Search people, parties, offices and elections in Hindi or English — a name typed in either script, with its spelling variants and small typos. Results appear as you type.",
                    "लोगों, दलों, पदों और चुनावों को हिन्दी या अंग्रेज़ी में खोजें — किसी भी लिपि में लिखा नाम, वर्तनी के रूपों और छोटी भूलों समेत। लिखते-लिखते परिणाम दिखते हैं।")) }
                p.examples {
                    (t(lang, "Try ", "आज़माएँ "))
                    @for ex in ["आलोक रंजन", "Alok Ranjan", "Samajwadi Party", "Rajya Sabha 2024"] {
                        a href=(format!("/?q={}{}", seg(ex), if here.keep.is_empty() { String::new() } else { format!("&lang={}", lang.code()) })) { (ex) } " "
                    }
                }
            }
            div #results aria-live="polite" {}
        };
        return html_response(
            StatusCode::OK,
            layout(&here, t(lang, "Search", "खोज"), "", body, &[]),
        );
    }
    let h = here.clone();
    let answer = s
        .work(move |g| {
            let page = search::search_page(&g.reading.index, &q, &opts)?;
            // The sources of the records shown, credited at the foot of the page.
            let mut cited: Vec<String> = Vec::new();
            for hit in &page.hits {
                if let Some(r) = g.reading.records.get(&hit.id)? {
                    cited.extend(r.sources().iter().cloned());
                }
            }
            let credits = g.sources_of(cited.iter().map(String::as_str));
            let (shown, total) = (page.hits.len(), page.total);
            let body = html! {
                p.count #count {
                    @if shown == 0 {
                        (t(lang, "Nothing found for ", "इसके लिए कुछ नहीं मिला: ")) q { (q) }
                    } @else if total > shown {
                        (format!("{shown} / {}", indian(total as u64))) " " (t(lang, "results", "परिणाम"))
                    } @else {
                        (shown) " " (t(lang, "results", "परिणाम"))
                    }
                }
                div #results aria-live="polite" { (hits(&h, &page.hits)) }
            };
            Ok(layout(&h, &q, &q, body, &credits))
        })
        .await;
    respond(&here, answer)
}

/// The result list (the page script renders the same from `/api/search`).
fn hits(here: &Here, hits: &[Hit]) -> Markup {
    let lang = here.lang;
    html! {
        ol.hits {
            @for h in hits {
                li.hit {
                    a.name href=(here.record(&h.id, h.kind)) { (h.name.both_for(lang.code())) }
                    " " span.kind { (lang.kind(h.kind)) }
                    @let summary = h.summary.best(lang.code());
                    @if !summary.is_empty() { div.summary { (summary) } }
                    @let career = h.career.best(lang.code());
                    @if !career.is_empty() { div.career { (career) } }
                    @if !h.also.is_empty() { div.also { (t(lang, "also: ", "अन्य नाम: ")) (h.also.join(", ")) } }
                }
            }
        }
    }
}

pub async fn profile(
    State(s): State<Arc<Shared>>,
    OriginalUri(uri): OriginalUri,
    Path(target): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let (p, here) = match begin_named(&s, &uri, raw.as_deref(), &target, &headers) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    // An office's holders on a date (`office --at`).
    let at = match p
        .get("at")
        .map(|t| t.parse::<crate::model::PartialDate>())
        .transpose()
    {
        Ok(at) => at,
        Err(e) => return error_page(&here, &Failure::BadRequest(format!("at: {e}"))),
    };
    let h = here.clone();
    let answer = s
        .work(move |g| {
            let r = &g.reading;
            let id = resolve(&*r.records, &r.index, &target)?;
            let kind = r.records.kind_of(&id)?;
            if matches!(kind, Some(Kind::Election) | Some(Kind::Seat)) || id != target {
                return Ok(Err(h.record(&id, kind.unwrap_or(Kind::Person))));
            }
            if kind == Some(Kind::Office) {
                let holders = Holders::load(&*r.records, &id, at)?;
                return Ok(Ok(office_page(&h, g, &holders)));
            }
            let profile = Profile::load_naming(&*r.records, &id, None)?;
            Ok(Ok(profile_page(&h, g, &profile)))
        })
        .await;
    match answer {
        Ok(Ok(page)) => html_response(StatusCode::OK, page),
        Ok(Err(to)) => Redirect::to(&to).into_response(),
        Err(f) => error_page(&here, &f),
    }
}

/// An office: its holders, or those on a date, and where a source's knowledge ends
/// before it (as `office --at` says).
fn office_page(here: &Here, g: &Generation, h: &Holders) -> Markup {
    let lang = here.lang;
    let p = &h.profile;
    let name = p.record.name();
    let cited = p
        .tenures
        .iter()
        .chain(h.unknown.iter().map(|(t, _)| t))
        .flat_map(|t| t.tenure.sources.iter().map(String::as_str));
    let credits = g.sources_of(cited);
    let holder = |l: &crate::profile::TenureLine| -> Markup {
        html! {
            a href=(here.person(&l.tenure.person)) { (l.name.best(lang.code())) }
            " " span.period { (lang.period(l.tenure.start.as_ref(), l.tenure.end.as_ref())) }
        }
    };
    let body = html! {
        article.profile {
            h1 { (names_line(lang, &name)) }
            p.kind { (lang.kind(p.kind)) " · " code { (p.id) } }
            @let summary = p.record.summary();
            @if !summary.is_empty() { p.lede { (summary.best(lang.code())) } }
            form.narrow action=(format!("/p/{}", seg(&p.id))) method="get" {
                label { (t(lang, "Held on ", "इस तिथि को पद पर: "))
                    input type="date" name="at" value=(h.at.map(|d| d.to_string()).unwrap_or_default()); }
                @if !here.keep.is_empty() { input type="hidden" name="lang" value=(lang.code()); }
                button type="submit" { (t(lang, "Show", "दिखाएँ")) }
            }
            section {
                h2 { @match &h.at {
                    Some(d) => { (t(lang, "Held on ", "")) (lang.date(d)) (t(lang, " by", " को पद पर")) },
                    None => (t(lang, "Held by", "पदधारी")),
                } }
                @if p.tenures.is_empty() {
                    p.kind { @if h.unknown.is_empty() { (t(lang, "Nobody in the knowledge base.", "ज्ञानकोश में कोई नहीं।")) }
                        @else { (t(lang, "Not known.", "ज्ञात नहीं।")) } }
                }
                ul { @for l in p.tenures.iter().take(ROWS) { li { (holder(l)) } } }
                @if let Some(d) = &h.at {
                    @for k in h.ends() {
                        p.kind { (match lang {
                            Lang::En => format!("{}'s knowledge ends {}; after that, not known whether anyone it lists held it on {d}", k.dataset, k.date),
                            Lang::Hi => format!("{} की जानकारी {} तक है; उसके बाद, {} को इसमें दर्ज कोई व्यक्ति पद पर था या नहीं, यह ज्ञात नहीं", k.dataset, lang.date(&k.date), lang.date(d)),
                        }) }
                    }
                    @if !h.unknown.is_empty() {
                        h2 { (t(lang, "Last known", "अंतिम ज्ञात")) }
                        ul { @for (l, _) in &h.unknown { li { (holder(l)) } } }
                    }
                }
            }
        }
    };
    layout(here, name.best(lang.code()), "", body, &credits)
}

fn names_line(lang: Lang, n: &Names) -> String {
    n.both_for(lang.code())
}

fn profile_page(here: &Here, g: &Generation, p: &Profile) -> Markup {
    let lang = here.lang;
    // A person goes by the name of all their records (both scripts), not one record's.
    let name = match &p.career {
        Some(c) if !c.name.is_empty() => c.name.clone(),
        _ => p.record.name(),
    };
    let mut source_ids: Vec<&str> = p.sources.iter().map(|s| s.id.as_str()).collect();
    if let Some(c) = &p.career {
        for r in &c.records {
            source_ids.extend(r.dataset.as_deref());
            source_ids.extend(r.sources.iter().map(String::as_str));
        }
    }
    let credits = {
        let mut v: Vec<&Source> = p.sources.iter().collect();
        for s in g.sources_of(source_ids) {
            if !v.iter().any(|o| o.id == s.id) {
                v.push(s);
            }
        }
        v
    };
    let body = html! {
        article.profile {
            h1 { (names_line(lang, &name)) }
            p.kind { (lang.kind(p.kind)) " · " code { (p.id) } }
            @let summary = p.record.summary();
            @if !summary.is_empty() { p.lede { (summary.best(lang.code())) } }
            @if let crate::model::Record::Person(person) = &p.record { (person_facts(lang, person)) }
            @if let Some(c) = &p.career { (career(here, c)) }
            @else { (facts(here, p)) }
        }
    };
    layout(here, name.best(lang.code()), "", body, &credits)
}

/// What a person record says of itself: services, home, father.
fn person_facts(lang: Lang, p: &crate::model::Person) -> Markup {
    html! {
        @if !p.services.is_empty() || p.home_district.is_some() || p.home_state.is_some() {
            dl.facts {
                @for s in &p.services {
                    dt { (t(lang, "Service", "सेवा")) }
                    dd { (s.service)
                        @if let Some(b) = s.batch { ", " (b) " " (t(lang, "batch", "बैच")) }
                        @if let Some(c) = &s.cadre { ", " (c.best(lang.code())) " " (t(lang, "cadre", "कैडर")) } }
                }
                @if let Some(h) = p.home_district.as_ref().or(p.home_state.as_ref()) {
                    dt { (t(lang, "From", "निवासी")) } dd { (h.best(lang.code())) }
                }
            }
        }
    }
}

/// A person's career: elections, offices, parties, affidavits, the records joined.
fn career(here: &Here, c: &Career) -> Markup {
    let lang = here.lang;
    let shares = c.elections.iter().any(|e| e.share.is_some());
    html! {
        @if !c.also.is_empty() {
            // Latin and Devanagari spellings first; the other scripts folded away.
            @let (near, far): (Vec<&String>, Vec<&String>) = c.also.iter().partition(|a| {
                a.chars().all(|ch| !ch.is_alphabetic() || ch.is_ascii() || ('\u{0900}'..='\u{097F}').contains(&ch))
            });
            div.also { (t(lang, "Also written: ", "अन्य रूप: "))
                (near.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "))
                @if !far.is_empty() {
                    details { summary { (t(lang, "in other scripts", "अन्य लिपियों में")) " (" (far.len()) ")" }
                        (far.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")) }
                }
            }
        }
        @if let Some(b) = &c.born { p { (t(lang, "Born ", "जन्म ")) (lang.date(b)) } }
        @if !c.offices.is_empty() {
            section {
                h2 { (t(lang, "Offices", "पद")) }
                ul.offices {
                    @for o in &c.offices {
                        li {
                            a href=(here.person(&o.office)) { (o.name.best(lang.code())) }
                            " " span.period { (lang.period(o.start.as_ref(), o.end.as_ref())) }
                        }
                    }
                }
            }
        }
        @if !c.elections.is_empty() {
            section {
                h2 { (t(lang, "Elections", "चुनाव")) " " span.n { (c.elections.len()) } }
                div.scroll { table.results {
                    thead { tr {
                        th { (t(lang, "Date", "तिथि")) } th { (t(lang, "Election", "चुनाव")) }
                        th { (t(lang, "Constituency", "क्षेत्र")) } th { (t(lang, "Party", "दल")) }
                        th.num { (t(lang, "Votes", "मत")) } @if shares { th.num { "%" } } th { (t(lang, "Result", "परिणाम")) }
                    } }
                    tbody {
                        @for e in c.elections.iter().take(ROWS) {
                            tr {
                                td.date { @if let Some(d) = &e.date { (lang.date(d)) } }
                                td { a href=(here.link(format!("/election/{}", seg(&e.election)))) { (e.name.best(lang.code())) } }
                                td { @if let Some(k) = &e.constituency { (k.best(lang.code())) } }
                                td { @if let Some(l) = &e.party_label { (l) } }
                                td.num { @if let Some(v) = e.votes { (indian(v)) } }
                                @if shares { td.num { @if let Some(s) = e.share { (format!("{s:.1}")) } } }
                                td { (outcome(lang, e.result, e.position)) }
                            }
                        }
                    }
                } }
            }
        }
        @if !c.parties.is_empty() {
            section {
                h2 { (t(lang, "Parties", "दल")) }
                ul.parties {
                    @for s in &c.parties {
                        li { a href=(here.person(&s.party)) { (s.label) } " "
                            span.period { (s.from.map(|y| y.to_string()).unwrap_or_default()) "–" (s.to.map(|y| y.to_string()).unwrap_or_default()) } }
                    }
                }
            }
        }
        @if !c.affidavits.is_empty() {
            section {
                h2 { (t(lang, "Affidavits", "शपथपत्र")) }
                div.scroll { table {
                    thead { tr { th { (t(lang, "Year", "वर्ष")) } th.num { (t(lang, "Assets", "संपत्ति")) }
                        th.num { (t(lang, "Liabilities", "देनदारी")) } th.num { (t(lang, "Criminal cases", "आपराधिक मामले")) }
                        th { (t(lang, "Education", "शिक्षा")) } } }
                    tbody { @for a in &c.affidavits { tr {
                        td { (a.year.map(|y| y.to_string()).unwrap_or_default()) }
                        td.num { @if let Some(v) = a.assets { (lang.rupees_in_words(v)) } }
                        td.num { @if let Some(v) = a.liabilities { (lang.rupees_in_words(v)) } }
                        td.num { @if let Some(v) = a.criminal_cases { (v) } }
                        td { @if let Some(e) = &a.education { (e) } }
                    } } }
                } }
            }
        }
        @if c.records.len() > 1 {
            section.records {
                h2 { (t(lang, "Records joined into this person", "इस व्यक्ति में जोड़े गए रिकॉर्ड")) " " span.n { (c.records.len()) } }
                ul { @for r in c.records.iter().take(ROWS) {
                    li { code { (r.id) } " " (r.name.best(lang.code()))
                        @if let Some(d) = &r.dataset { " · " (d) }
                        " — " span.how { (r.how) } }
                } }
            }
        }
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

/// Any other record: what it links to (holders, members, candidates, related).
fn facts(here: &Here, p: &Profile) -> Markup {
    let lang = here.lang;
    html! {
        @if !p.tenures.is_empty() {
            section { h2 { (t(lang, "Held by", "पदधारी")) }
                ul { @for l in p.tenures.iter().take(ROWS) { li {
                    a href=(here.person(&l.tenure.person)) { (l.name.best(lang.code())) }
                    " " span.period { (lang.period(l.tenure.start.as_ref(), l.tenure.end.as_ref())) }
                } } }
            }
        }
        @if !p.memberships.is_empty() {
            section { h2 { (t(lang, "Members", "सदस्य")) " " span.n { (p.memberships.len()) } }
                ul.columns { @for l in p.memberships.iter().take(ROWS) { li {
                    a href=(here.person(&l.membership.person)) { (l.name.best(lang.code())) }
                } } }
                @if p.memberships.len() > ROWS { p.more { (more(lang, p.memberships.len())) } }
            }
        }
        @if !p.candidacies.is_empty() {
            section { h2 { (t(lang, "Candidates", "उम्मीदवार")) " " span.n { (indian(p.candidacies.len() as u64)) } }
                div.scroll { table.results { tbody {
                    @for c in p.candidacies.iter().take(ROWS) { tr {
                        td { a href=(here.person(&c.candidacy.person)) { (c.name.best(lang.code())) } }
                        td { a href=(here.link(format!("/election/{}", seg(&c.candidacy.election)))) { (c.candidacy.election) } }
                        td.num { @if let Some(v) = c.candidacy.votes { (indian(v)) } }
                        td { (outcome(lang, c.candidacy.result, c.candidacy.rank)) }
                    } }
                } } }
                @if p.candidacies.len() > ROWS { p.more { (more(lang, p.candidacies.len())) } }
            }
        }
        @if !p.related.is_empty() {
            section { h2 { (t(lang, "Related", "संबंधित")) }
                ul { @for (id, n) in p.related.iter().take(ROWS) { li { a href=(here.person(id)) { (n.best(lang.code())) } } } }
            }
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

pub async fn election(
    State(s): State<Arc<Shared>>,
    OriginalUri(uri): OriginalUri,
    Path(target): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let (p, here) = match begin(&s, &uri, raw.as_deref(), &[&target], &headers) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    let seat = p.get("seat").map(str::to_string);
    for text in [Some(target.as_str()), seat.as_deref()]
        .into_iter()
        .flatten()
    {
        if let Err(f) = s.text("name", text) {
            return error_page(&here, &f);
        }
    }
    let h = here.clone();
    let answer = s
        .work(move |g| {
            let r = &g.reading;
            let a = g.kept(format!("election-page\0{target}\0{seat:?}"), || {
                crate::election::answer(&*r.records, &r.index, &target, seat.as_deref(), false)
            })?;
            // An election of many seats: its summary, and every seat's winner from the
            // tables the API keeps too.
            let tables = if a.summary {
                let none: Option<String> = None;
                Some(g.kept(format!("election-tables\0{target}\0{none:?}"), || {
                    crate::election::answer(&*r.records, &r.index, &target, None, true)
                })?)
            } else {
                None
            };
            Ok(election_page(&h, g, &a, tables.as_deref(), seat.as_deref()))
        })
        .await;
    respond(&here, answer)
}

fn election_page(
    here: &Here,
    g: &Generation,
    a: &Answer,
    tables: Option<&Answer>,
    seat: Option<&str>,
) -> Markup {
    let lang = here.lang;
    let r = &a.results;
    let mut used: Vec<&str> = r.totals.sources.iter().map(String::as_str).collect();
    for c in &r.constituencies {
        used.extend(c.sources.iter().map(String::as_str));
    }
    let credits = g.sources_of(used);
    let body = html! {
        h1 { (names_line(lang, &r.name)) }
        p.kind { @if let Some(d) = &r.date { (lang.date(d)) " · " } code { (r.id) } }
        form.narrow action=(format!("/election/{}", seg(&r.id))) method="get" {
            label { (t(lang, "Constituency ", "निर्वाचन क्षेत्र ")) input type="text" name="seat" value=(seat.unwrap_or("")) maxlength="200"; }
            @if !here.keep.is_empty() { input type="hidden" name="lang" value=(lang.code()); }
            button type="submit" { (t(lang, "Show", "दिखाएँ")) }
        }
        @if a.summary {
            p.totals {
                (indian(r.totals.seats as u64)) " " (t(lang, "seats", "सीटें")) " · "
                (indian(r.totals.candidates as u64)) " " (t(lang, "candidates", "उम्मीदवार"))
                @if r.totals.votes > 0 { " · " (indian(r.totals.votes)) " " (lang.votes_unit(&r.votes_unit)) }
            }
            div.scroll { table.results {
                thead { tr { th { (t(lang, "Party", "दल")) } th.num { (t(lang, "Candidates", "उम्मीदवार")) }
                    th.num { (t(lang, "Won", "जीते")) } th.num { (lang.votes_unit(&r.votes_unit)) } } }
                tbody { @for p in r.tally.iter().take(ROWS) { tr {
                    td { @match &p.party { Some(id) => a href=(here.person(id)) { (p.label) }, None => (p.label) } }
                    td.num { (indian(p.candidates as u64)) }
                    td.num { (indian(p.won as u64)) }
                    td.num { (indian(p.votes)) }
                } } }
            } }
            @if let Some(t) = tables { (winners(here, &r.id, &t.results)) }
        } @else {
            @for c in r.constituencies.iter().take(ROWS) { (seat_table(here, c, &r.votes_unit)) }
        }
    };
    layout(here, r.name.best(lang.code()), "", body, &credits)
}

/// Every seat of a general election: its winner, party, votes and margin, the seat
/// linking to its full table.
fn winners(here: &Here, election: &str, r: &crate::election::Results) -> Markup {
    let lang = here.lang;
    html! {
        section.seats {
            h2 { (t(lang, "Seats", "सीटें")) " " span.n { (indian(r.constituencies.len() as u64)) } }
            div.scroll { table.results {
                thead { tr { th { (t(lang, "Constituency", "निर्वाचन क्षेत्र")) } th { (t(lang, "Winner", "विजेता")) }
                    th { (t(lang, "Party", "दल")) } th.num { (lang.votes_unit(&r.votes_unit)) } th.num { (t(lang, "Margin", "अंतर")) } } }
                tbody { @for c in &r.constituencies {
                    @let won = c.rows.iter().find(|row| row.result == Some(Outcome::Won));
                    @let name = c.name.as_ref().map(|n| n.best("en").to_string()).unwrap_or_else(|| c.seat.clone());
                    tr {
                        td { a href=(here.link(format!("/election/{}", seg(election))) + if here.keep.is_empty() { "?" } else { "&" } + "seat=" + &seg(&name)) {
                            @match &c.name { Some(n) => (n.best(lang.code())), None => (c.seat) } } }
                        @if let Some(w) = won {
                            td { a href=(here.person(&w.person)) { (w.name.best(lang.code())) } }
                            td { @if let Some(l) = &w.party_label { (l) } }
                            td.num { @if let Some(v) = w.votes { (indian(v)) } }
                            td.num { @if let Some(m) = c.margin.or(w.margin) { (indian(m)) } }
                        } @else {
                            td colspan="4" { span.kind { (t(lang, "no winner in the data", "आँकड़ों में विजेता नहीं")) } }
                        }
                    }
                } }
            } }
        }
    }
}

fn seat_table(here: &Here, c: &Constituency, unit: &str) -> Markup {
    let lang = here.lang;
    let shares = c.rows.iter().any(|r| r.share.is_some());
    html! {
        section.seat {
            h2 { @match &c.name { Some(n) => (names_line(lang, n)), None => (c.seat) } }
            div.scroll { table.results {
                thead { tr { th.num { "#" } th { (t(lang, "Candidate", "उम्मीदवार")) } th { (t(lang, "Party", "दल")) }
                    th.num { (lang.votes_unit(unit)) } @if shares { th.num { "%" } } th.num { (t(lang, "Margin", "अंतर")) } th {} } }
                tbody { @for row in &c.rows { tr.(if row.result == Some(Outcome::Won) { "winner" } else { "" }) {
                    td.num { @if let Some(k) = row.rank { (k) } }
                    td { @if row.nota { (row.name.best(lang.code())) } @else {
                        a href=(here.person(&row.person)) { (row.name.best(lang.code())) } } }
                    td { @if let Some(l) = &row.party_label { (l) } }
                    td.num { @if let Some(v) = row.votes { (indian(v)) } }
                    @if shares { td.num { @if let Some(s) = row.share { (format!("{s:.1}")) } } }
                    td.num { @if let Some(m) = row.margin { @if row.result == Some(Outcome::Won) { (indian(m)) } } }
                    td { (outcome(lang, row.result, None)) }
                } } }
            } }
        }
    }
}

pub async fn seat(
    State(s): State<Arc<Shared>>,
    OriginalUri(uri): OriginalUri,
    Path(target): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let (_, here) = match begin_named(&s, &uri, raw.as_deref(), &target, &headers) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    let h = here.clone();
    let answer = s
        .work(move |g| Ok(seat_page(&h, &*super::api::seat_history(g, &target)?)))
        .await;
    respond(&here, answer)
}

fn seat_page(here: &Here, h: &SeatHistory) -> Markup {
    let lang = here.lang;
    let who = |s: &Option<crate::election::Standing>| -> Markup {
        html! { @if let Some(s) = s {
            a href=(here.person(&s.person)) { (s.name.best(lang.code())) }
            @if let Some(p) = &s.party_label { " " span.party { "(" (p) ")" } }
            @if let Some(v) = s.votes { " " span.votes { (indian(v)) } }
        } }
    };
    let body = html! {
        h1 { (names_line(lang, &h.name)) }
        p.kind { (lang.kind(Kind::Seat)) " · " code { (h.seat) } }
        div.scroll { table.results {
            thead { tr { th { (t(lang, "Date", "तिथि")) } th { (t(lang, "Election", "चुनाव")) }
                th { (t(lang, "Winner", "विजेता")) } th { (t(lang, "Runner-up", "उपविजेता")) } } }
            tbody { @for c in &h.contests { tr {
                td.date { @if let Some(d) = &c.date { (lang.date(d)) } }
                td { a href=(here.link(format!("/election/{}?seat={}", seg(&c.election), seg(&h.seat)))) { (c.name.best(lang.code())) } }
                td { (who(&c.winner)) }
                td { (who(&c.runner_up)) }
            } } }
        } }
    };
    layout(here, h.name.best(lang.code()), "", body, &[])
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
