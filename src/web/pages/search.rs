//! The search page: the server's own result list (the page script draws the same
//! from `/api/search` as the reader types), crediting the sources of what it shows.

use super::{begin, error_page, html_response, layout, respond, seg, t, Here};
use crate::numerals::indian;
use crate::search::{self, Hit};
use crate::web::api::search_options;
use crate::web::state::Shared;
use axum::extract::{OriginalUri, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use maud::{html, Markup};
use std::sync::Arc;

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
