//! The JSON API: the same shapes as the CLI's `--json`, errors as
//! `{"error": …, "kind": …, "exit_code": …}` with an HTTP status.

use super::state::{Failure, Generation, Shared};
use crate::candidates::{self, Query, Range, Sort};
use crate::model::{Kind, Outcome};
use crate::profile::{Holders, Profile};
use crate::search::{
    self, parse_kind, parse_year, resolve, resolve_election, resolve_kind, SearchOptions,
};
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use std::sync::Arc;

/// Most results a search or candidates query returns in one response.
const MOST: usize = 500;

type Answer = std::result::Result<Value, Failure>;

/// The response for an answer or a failure.
fn reply(answer: Answer) -> Response {
    match answer {
        Ok(v) => Json(v).into_response(),
        Err(f) => failure(&f),
    }
}

pub fn failure(f: &Failure) -> Response {
    let (status, kind, exit_code) = f.status();
    let mut body = json!({ "error": f.message(), "kind": kind, "exit_code": exit_code });
    if let Failure::Lib(crate::Error::Ambiguous { candidates, .. }) = f {
        body["candidates"] = json!(candidates);
    }
    (status, Json(body)).into_response()
}

fn json<T: serde::Serialize>(value: &T) -> Answer {
    serde_json::to_value(value).map_err(|e| Failure::Internal(e.to_string()))
}

fn bad(e: crate::Error) -> Failure {
    Failure::Lib(e)
}

pub async fn status(State(s): State<Arc<Shared>>) -> Response {
    let read_only = s.read_only;
    reply(
        s.work(move |g| {
            Ok(json!({
                "generation": g.number,
                "records": g.reading.records.counts()?.iter().sum::<usize>(),
                "read_only": read_only,
            }))
        })
        .await,
    )
}

/// `limit`, 1 to [`MOST`], else `default`.
fn limit(p: &super::query::Params, default: usize) -> Result<usize, Failure> {
    match p.get("limit") {
        Some(l) => l
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=MOST).contains(n))
            .ok_or_else(|| Failure::BadRequest(format!("limit must be 1 to {MOST}"))),
        None => Ok(default),
    }
}

/// The search options of `q`, `kind`, `party`, `state`, `year`, `limit`.
pub fn search_options(s: &Shared, p: &super::query::Params) -> Result<SearchOptions, Failure> {
    let limit = limit(p, 20)?;
    Ok(SearchOptions {
        limit,
        kind: p.get("kind").map(parse_kind).transpose().map_err(bad)?,
        party: p
            .get("party")
            .map(|t| s.text("party", t).map(str::to_string))
            .transpose()?,
        state: p
            .get("state")
            .map(|t| s.text("state", t).map(str::to_string))
            .transpose()?,
        year: p.get("year").map(parse_year).transpose().map_err(bad)?,
    })
}

pub async fn search(State(s): State<Arc<Shared>>, RawQuery(raw): RawQuery) -> Response {
    let run = || -> Result<(String, SearchOptions), Failure> {
        let p = s.params(raw.as_deref())?;
        let q = s.text("query", p.get("q").unwrap_or(""))?.to_string();
        let opts = search_options(&s, &p)?;
        if q.is_empty() && !opts.has_filter() {
            return Err(Failure::BadRequest(
                "give a query (q), or a filter such as party, state or year".into(),
            ));
        }
        Ok((q, opts))
    };
    let (q, opts) = match run() {
        Ok(x) => x,
        Err(f) => return failure(&f),
    };
    reply(
        s.work(move |g| {
            let page = search::search_page(&g.reading.index, &q, &opts)?;
            Ok(json!({ "query": q, "hits": page.hits, "total": page.total }))
        })
        .await,
    )
}

/// `show --json`: the whole profile of an id or a name.
pub async fn show(State(s): State<Arc<Shared>>, Path(target): Path<String>) -> Response {
    if let Err(f) = s.text("name", &target) {
        return failure(&f);
    }
    reply(
        s.work(move |g| {
            let id = resolve(&*g.reading.records, &g.reading.index, &target)?;
            json(&Profile::load_naming(&*g.reading.records, &id, None)?)
        })
        .await,
    )
}

/// `election --json`: the result tables of an election or of the seats named.
pub async fn election(
    State(s): State<Arc<Shared>>,
    Path(target): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let seat = match s.params(raw.as_deref()).and_then(|p| {
        let c = p.get("constituency").or(p.get("seat")).map(str::to_string);
        s.text("name", &target)?;
        Ok(c)
    }) {
        Ok(c) => c,
        Err(f) => return failure(&f),
    };
    reply(
        s.work(move |g| {
            let r = &g.reading;
            let a = g.kept(format!("election-tables\0{target}\0{seat:?}"), || {
                crate::election::answer(&*r.records, &r.index, &target, seat.as_deref(), true)
            })?;
            json(&a.results)
        })
        .await,
    )
}

/// `seat --json`: a constituency's history.
pub async fn seat(State(s): State<Arc<Shared>>, Path(target): Path<String>) -> Response {
    if let Err(f) = s.text("name", &target) {
        return failure(&f);
    }
    reply(s.work(move |g| json(&*seat_history(g, &target)?)).await)
}

/// The history of the seat `target` names (as `seat` resolves it).
pub fn seat_history(
    g: &Generation,
    target: &str,
) -> Result<Arc<crate::election::SeatHistory>, Failure> {
    let r = &g.reading;
    g.kept(format!("seat\0{target}"), || {
        Ok(
            match resolve_kind(&*r.records, &r.index, target, Some(Kind::Seat)) {
                Ok(id) => crate::election::seat_history(&*r.records, &id)?,
                Err(crate::Error::NotFound { .. }) => {
                    crate::election::history(&*r.records, target)?
                }
                Err(e) => return Err(e.into()),
            },
        )
    })
}

/// `office --json [--at DATE]`: who held an office, or held it on a date.
pub async fn office(
    State(s): State<Arc<Shared>>,
    Path(target): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let at = match s.params(raw.as_deref()).and_then(|p| {
        s.text("name", &target)?;
        p.date("at").map_err(Failure::BadRequest)
    }) {
        Ok(a) => a,
        Err(f) => return failure(&f),
    };
    reply(
        s.work(move |g| {
            let r = &g.reading;
            let id = resolve_kind(&*r.records, &r.index, &target, Some(Kind::Office))?;
            Ok(Holders::load(&*r.records, &id, at)?.to_json())
        })
        .await,
    )
}

/// `candidates --json`: candidacies matching the filters (`election`, `seat`,
/// `person`, `party`, `state`, `year`, `house`, `result`, `sort`, `limit`…).
pub async fn candidates(State(s): State<Arc<Shared>>, RawQuery(raw): RawQuery) -> Response {
    let p = match s.params(raw.as_deref()) {
        Ok(p) => p,
        Err(f) => return failure(&f),
    };
    let parsed = (|| -> Result<_, Failure> {
        let text = |name: &str| -> Result<Option<String>, Failure> {
            p.get(name)
                .map(|t| s.text(name, t).map(str::to_string))
                .transpose()
        };
        let range = |name: &str| -> Result<Option<Range>, Failure> {
            p.get(name)
                .map(|t| {
                    t.parse::<Range>()
                        .map_err(|e| Failure::BadRequest(format!("{name}: {e}")))
                })
                .transpose()
        };
        let limit = limit(&p, 100)?;
        let q = Query {
            state: text("state")?,
            party: text("party")?,
            source: text("source")?,
            year: p.get("year").map(parse_year).transpose().map_err(bad)?,
            house: text("house")?,
            result: match p.get("result") {
                Some("won") => Some(Outcome::Won),
                Some("lost") => Some(Outcome::Lost),
                None => None,
                Some(o) => {
                    return Err(Failure::BadRequest(format!(
                        "result: `{o}` is not won or lost"
                    )))
                }
            },
            age: range("age")?,
            education: text("education")?,
            min_cases: p
                .get("min_cases")
                .map(|t| {
                    t.parse::<u32>()
                        .map_err(|_| Failure::BadRequest("min_cases: not a whole number".into()))
                })
                .transpose()?,
            assets: range("assets")?,
            liabilities: range("liabilities")?,
            sort: p
                .get("sort")
                .map(|t| {
                    t.parse::<Sort>()
                        .map_err(|e| Failure::BadRequest(format!("sort: {e}")))
                })
                .transpose()?,
            limit: Some(limit),
            ..Query::default()
        };
        Ok((q, text("election")?, text("seat")?, text("person")?))
    })();
    let (mut q, election, seat, person) = match parsed {
        Ok(x) => x,
        Err(f) => return failure(&f),
    };
    if election.is_none()
        && seat.is_none()
        && person.is_none()
        && q.party.is_none()
        && q.state.is_none()
        && q.year.is_none()
    {
        return failure(&Failure::BadRequest(
            "name an election, seat, person, party, state or year".into(),
        ));
    }
    reply(
        s.work(move |g| {
            let r = &g.reading;
            if let Some(text) = &election {
                let target = resolve_election(&*r.records, &r.index, text)?;
                q.seats = target.seats;
                q.elections.push(target.id);
            }
            if let Some(text) = &seat {
                let seats = crate::search::resolve::seats_named(
                    &*r.records,
                    &r.index,
                    text,
                    q.elections.last().map(String::as_str),
                )?;
                if seats.is_empty() {
                    return Err(crate::Error::not_found(text.clone()).into());
                }
                q.seats = seats;
            }
            if let Some(text) = &person {
                q.person = Some(resolve_kind(
                    &*r.records,
                    &r.index,
                    text,
                    Some(Kind::Person),
                )?);
            }
            json(&candidates::rows(&*r.records, &q)?)
        })
        .await,
    )
}
