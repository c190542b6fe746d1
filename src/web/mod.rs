//! `netakosh serve`: a read-only HTTP server over a home — a JSON API with the
//! CLI's `--json` shapes and bilingual HTML pages — safe to put on a newsroom's
//! network behind a proxy.
//!
//! The server never opens the store. It reads the index and its replica of the
//! store as last committed ([`crate::kb::read_copy`]), so an import can run
//! beside it; once the import commits, the next request (at most half a second
//! later) answers from the new generation. A snapshot (`netakosh snapshot DIR`)
//! is served the same way.
//!
//! Safety: it binds to localhost unless told otherwise; routes are fixed and
//! assets are compiled in, so no part of a URL reaches the filesystem; every text
//! is escaped by the templates (maud) and the page script only sets
//! `textContent`; request heads are bounded and must arrive within a deadline
//! (a slow client is cut off); each request has a time limit; connections are
//! capped.
//!
//! ```no_run
//! use netakosh::kb::Home;
//! use netakosh::web::{serve, Options};
//! let home = Home::new("/srv/netakosh");
//! serve(&home, Options::default(), |addr, _| println!("serving at http://{addr}/")).unwrap();
//! ```

mod api;
mod assets;
mod lang;
mod pages;
mod query;
mod state;

use crate::error::{Error, Result};
use crate::kb::{Home, OpenOptions};
use axum::routing::get;
use axum::Router;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

pub use state::Shared;

/// How `serve` runs.
#[derive(Clone, Debug)]
pub struct Options {
    pub addr: SocketAddr,
    /// Never open the store, not even to catch the index up at start (a snapshot,
    /// or a home another machine writes).
    pub read_only: bool,
    /// How to open a home whose index is behind at start (seeding a new one).
    pub open: OpenOptions,
    pub limits: Limits,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            read_only: false,
            open: OpenOptions { seed: true },
            limits: Limits::default(),
        }
    }
}

/// What one client may ask of the server.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Characters of a search query (a name, a phrase: 200 is generous).
    pub query_chars: usize,
    /// Bytes of a URL's query string.
    pub query_bytes: usize,
    /// Bytes of a request's head (request line and headers); more is refused.
    pub head_bytes: usize,
    /// The head must arrive within this; a slower client is disconnected.
    pub head_time: Duration,
    /// The work of one request; past it the client gets 503.
    pub request_time: Duration,
    /// Open connections; more are closed at once.
    pub connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            query_chars: 200,
            query_bytes: 4096,
            head_bytes: 16 * 1024,
            head_time: Duration::from_secs(5),
            request_time: Duration::from_secs(10),
            connections: 1024,
        }
    }
}

/// The routes: pages, the API and the compiled-in assets.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(pages::search))
        .route("/search", get(pages::search))
        .route("/p/{id}", get(pages::profile))
        .route("/election/{id}", get(pages::election))
        .route("/seat/{id}", get(pages::seat))
        .route("/about", get(pages::about))
        .route("/assets/app.css", get(assets::css))
        .route("/assets/app.js", get(assets::js))
        .route("/api/status", get(api::status))
        .route("/api/search", get(api::search))
        .route("/api/show/{target}", get(api::show))
        .route("/api/election/{target}", get(api::election))
        .route("/api/seat/{target}", get(api::seat))
        .route("/api/office/{target}", get(api::office))
        .route("/api/candidates", get(api::candidates))
        .fallback(pages::not_found)
        .layer(axum::extract::DefaultBodyLimit::max(16 * 1024))
        .layer(axum::middleware::map_response(assets::headers))
        .with_state(shared)
}

/// Serves `home` until interrupted (Ctrl-C). `ready` is told the bound address
/// once the server accepts connections (with port 0, the one the system chose),
/// and what opening the home did.
pub fn serve(
    home: &Home,
    opts: Options,
    ready: impl FnOnce(SocketAddr, &[crate::kb::Notice]),
) -> Result<()> {
    let shared = Arc::new(Shared::open(home, &opts)?);
    let notices = shared.notices.clone();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::io(home.root(), e))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(opts.addr)
            .await
            .map_err(|e| Error::Usage(format!("cannot listen on {}: {e}", opts.addr)))?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::Usage(format!("cannot listen on {}: {e}", opts.addr)))?;
        ready(addr, &notices);
        accept(listener, router(shared), opts.limits).await;
        Ok(())
    })
}

/// Accepts connections until Ctrl-C, each served by hyper with the head limits.
async fn accept(listener: tokio::net::TcpListener, app: Router, limits: Limits) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let open = Arc::new(tokio::sync::Semaphore::new(limits.connections));
    let stop = tokio::signal::ctrl_c();
    tokio::pin!(stop);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of descriptors, a connection reset before accept: keep serving.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
            _ = &mut stop => return,
        };
        let Ok(permit) = open.clone().try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.head_time)
                .max_buf_size(limits.head_bytes.max(8192))
                .serve_connection(TokioIo::new(stream), service)
                .await;
            drop(permit);
        });
    }
}
