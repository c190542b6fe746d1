//! A record's page: a person's career, an office's holders (on a date), or what
//! any other record links to.

use super::{
    begin_named, error_page, html_response, layout, more, names_line, outcome, seg, t, Here, ROWS,
};
use crate::i18n::Lang;
use crate::model::Kind;
use crate::numerals::indian;
use crate::profile::{Career, Holders, Profile};
use crate::search::resolve;
use crate::web::state::{Failure, Generation, Shared};
use axum::extract::{OriginalUri, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use std::sync::Arc;

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
    let at = match p.date("at") {
        Ok(at) => at,
        Err(e) => return error_page(&here, &Failure::BadRequest(e)),
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
            (heading(lang, &name, p))
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
                    @for k in h.ends() { p.kind { (lang.knowledge_ends_before(k, d)) } }
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

/// A record page's top: its names, kind and id, and its summary.
fn heading(lang: Lang, name: &crate::model::Names, p: &Profile) -> Markup {
    let summary = p.record.summary();
    html! {
        h1 { (names_line(lang, name)) }
        p.kind { (lang.kind(p.kind)) " · " code { (p.id) } }
        @if !summary.is_empty() { p.lede { (summary.best(lang.code())) } }
    }
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
    let credits = g.sources_of(source_ids);
    let body = html! {
        article.profile {
            (heading(lang, &name, p))
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
