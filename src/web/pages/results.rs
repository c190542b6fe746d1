//! Results: an election's page (the party tally and every seat's winner, or a
//! seat's whole table) and a seat's history.

use super::{
    begin, begin_named, error_page, layout, names_line, outcome, respond, seg, t, Here, ROWS,
};
use crate::election::{Answer, Constituency, SeatHistory};
use crate::model::{Kind, Outcome};
use crate::numerals::indian;
use crate::web::state::{Generation, Shared};
use axum::extract::{OriginalUri, Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use maud::{html, Markup};
use std::sync::Arc;

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
        .work(move |g| Ok(seat_page(&h, &*crate::web::api::seat_history(g, &target)?)))
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
