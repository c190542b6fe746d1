//! What every request reads: the index and replica of one generation, swapped
//! for the next once an import has committed it.

use super::{Limits, Options};
use crate::error::{Error, Result};
use crate::kb::{self, Home, Reading};
use crate::model::{Kind, Record, Source};
use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// How often a request may look for a newer generation (a stat and a small file read).
const RECHECK: Duration = Duration::from_millis(500);

/// Answers kept per generation: result tables and seat histories take tens of
/// milliseconds at full size and election-night readers ask for the same few.
const KEPT: usize = 2048;

/// One generation, as requests read it.
pub struct Generation {
    pub reading: Reading,
    pub number: u64,
    /// Every source record (datasets, reports), for the pages' credits.
    pub sources: Vec<Source>,
    /// Worked-out answers by question; dropped with the generation.
    kept: Kept,
}

/// Answers by question, of any type, at most [`KEPT`] of them.
#[derive(Default)]
struct Kept(Mutex<HashMap<String, Arc<dyn Any + Send + Sync>>>);

impl Kept {
    /// The kept answer to `question`, else `work`'s (kept unless it failed).
    /// When full, every kept answer is dropped and keeping starts anew.
    fn get_or<T: Send + Sync + 'static, E>(
        &self,
        question: String,
        work: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<Arc<T>, E> {
        let found = self
            .0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&question)
            .and_then(|a| a.clone().downcast::<T>().ok());
        if let Some(a) = found {
            return Ok(a);
        }
        let answer = Arc::new(work()?);
        let mut m = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if m.len() >= KEPT {
            m.clear();
        }
        m.insert(question, answer.clone());
        Ok(answer)
    }
}

/// The server's state, shared by every request.
pub struct Shared {
    home: Home,
    current: RwLock<Arc<Generation>>,
    checked: Mutex<Instant>,
    /// Requests working at once: a few per core. More wait their turn (within
    /// the time limit) instead of all slowing each other down.
    working: Arc<tokio::sync::Semaphore>,
    pub read_only: bool,
    pub limits: Limits,
    /// What opening the home did (seeded it, rebuilt the index), for the user.
    pub notices: Vec<kb::Notice>,
}

impl Shared {
    /// Opens what `home` last committed. Unless `read_only`, a home whose index is
    /// behind its store (or a new one) is first caught up by opening it once.
    pub fn open(home: &Home, opts: &Options) -> Result<Shared> {
        let mut notices = Vec::new();
        let first = match kb::read_copy(home)? {
            Some(r) => r,
            None if opts.read_only => {
                return Err(Error::Usage(format!(
                    "{} has no current index to serve (read-only: the store is not opened to build one)",
                    home.root().display()
                )))
            }
            None => {
                // Catch the index and replica up, then let go of the store.
                match kb::read(home, opts.open) {
                    Ok(r) => notices = r.notices,
                    // An import holds the store and is between its index's and its
                    // replica's commits: the pair agrees again in a moment.
                    Err(Error::Locked { .. }) => {
                        for _ in 0..240 {
                            if let Some(r) = kb::read_copy(home)? {
                                return Shared::with(home, opts, r, notices);
                            }
                            std::thread::sleep(std::time::Duration::from_millis(250));
                        }
                    }
                    Err(e) => return Err(e),
                }
                kb::read_copy(home)?.ok_or_else(|| {
                    Error::Usage(format!(
                        "{}: the index could not be brought up to date",
                        home.root().display()
                    ))
                })?
            }
        };
        Shared::with(home, opts, first, notices)
    }

    fn with(
        home: &Home,
        opts: &Options,
        first: Reading,
        notices: Vec<kb::Notice>,
    ) -> Result<Shared> {
        Ok(Shared {
            home: home.clone(),
            current: RwLock::new(Arc::new(Generation::load(first)?)),
            checked: Mutex::new(Instant::now()),
            working: Arc::new(tokio::sync::Semaphore::new(
                2 * std::thread::available_parallelism().map_or(2, |n| n.get()),
            )),
            read_only: opts.read_only,
            limits: opts.limits,
            notices,
        })
    }

    /// The generation to answer from: the newest committed one, looked for at
    /// most every [`RECHECK`]. Blocking (reads files): call off the async threads.
    pub fn current(&self) -> Arc<Generation> {
        let now = self.now();
        let due = {
            let mut checked = self.checked.lock().unwrap_or_else(|p| p.into_inner());
            let due = checked.elapsed() >= RECHECK;
            if due {
                *checked = Instant::now();
            }
            due
        };
        // Only a finished import's new generation is worth opening the index for.
        let moved = || {
            self.home
                .settled_generation()
                .is_some_and(|g| g != now.number)
        };
        if due && moved() {
            if let Ok(Some(reading)) = kb::read_copy(&self.home) {
                let newer = reading.records.generation().ok();
                if newer.is_some_and(|g| g != now.number) {
                    if let Ok(g) = Generation::load(reading) {
                        let g = Arc::new(g);
                        *self.current.write().unwrap_or_else(|p| p.into_inner()) = g.clone();
                        return g;
                    }
                }
            }
        }
        now
    }

    fn now(&self) -> Arc<Generation> {
        self.current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

impl Generation {
    fn load(reading: Reading) -> Result<Generation> {
        let number = reading.records.generation()?;
        let mut sources = Vec::new();
        for r in reading.records.of_kind(Kind::Source) {
            if let Record::Source(s) = r? {
                sources.push(s);
            }
        }
        Ok(Generation {
            reading,
            number,
            sources,
            kept: Kept::default(),
        })
    }

    /// The answer to `question`, worked out by `work` the first time it is asked
    /// of this generation.
    pub fn kept<T: Send + Sync + 'static, E>(
        &self,
        question: String,
        work: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<Arc<T>, E> {
        self.kept.get_or(question, work)
    }

    /// The sources among `ids`, in the order given, once each.
    pub fn sources_of<'a>(&'a self, ids: impl IntoIterator<Item = &'a str>) -> Vec<&'a Source> {
        let mut out: Vec<&Source> = Vec::new();
        for id in ids {
            if let Some(s) = self.sources.iter().find(|s| s.id == id) {
                if !out.iter().any(|o| o.id == s.id) {
                    out.push(s);
                }
            }
        }
        out
    }
}

/// Why a request was not answered, for a JSON error or an error page.
#[derive(Debug)]
pub enum Failure {
    /// The library's error: not found, ambiguous, a bad filter…
    Lib(Error),
    /// The request itself was malformed (a bad escape, a bad number).
    BadRequest(String),
    /// A query or query string over the limits.
    TooLong(String),
    /// The work ran past [`Limits::request_time`].
    Timeout,
    /// The server's own failure (a handler panicked).
    Internal(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Lib(e)
    }
}

impl Failure {
    /// The HTTP status, a stable name for clients, and the exit code the CLI would
    /// give the same mistake (2 the user's, 3 the machine's).
    pub fn status(&self) -> (axum::http::StatusCode, &'static str, u8) {
        use axum::http::StatusCode as S;
        match self {
            Failure::Lib(Error::NotFound { .. }) => (S::NOT_FOUND, "not_found", 2),
            Failure::Lib(Error::Ambiguous { .. }) => (S::CONFLICT, "ambiguous", 2),
            Failure::Lib(Error::Locked { .. }) => (S::SERVICE_UNAVAILABLE, "busy", 2),
            Failure::Lib(e) if e.is_user_error() => (S::BAD_REQUEST, "bad_request", 2),
            Failure::Lib(_) => (S::INTERNAL_SERVER_ERROR, "internal", 3),
            Failure::BadRequest(_) => (S::BAD_REQUEST, "bad_request", 2),
            Failure::TooLong(_) => (S::URI_TOO_LONG, "too_long", 2),
            Failure::Timeout => (S::SERVICE_UNAVAILABLE, "timeout", 3),
            Failure::Internal(_) => (S::INTERNAL_SERVER_ERROR, "internal", 3),
        }
    }

    pub fn message(&self) -> String {
        match self {
            Failure::Lib(e) => e.to_string(),
            Failure::BadRequest(m) | Failure::TooLong(m) | Failure::Internal(m) => m.clone(),
            Failure::Timeout => "the request took too long and was stopped".into(),
        }
    }
}

impl Shared {
    /// Runs `f` on the current generation off the async threads, within the
    /// request time limit.
    pub async fn work<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&Generation) -> std::result::Result<T, Failure> + Send + 'static,
    ) -> std::result::Result<T, Failure> {
        let me = self.clone();
        let working = self.working.clone();
        let job = async move {
            let Ok(_turn) = working.acquire_owned().await else {
                return Err(Failure::Internal("the server is stopping".into()));
            };
            tokio::task::spawn_blocking(move || f(&me.current()))
                .await
                .map_err(|_| Failure::Internal("the server failed on this request".into()))?
        };
        match tokio::time::timeout(self.limits.request_time, job).await {
            Ok(answer) => answer,
            Err(_) => Err(Failure::Timeout),
        }
    }

    /// The query string's parameters within the limits.
    pub fn params(&self, raw: Option<&str>) -> std::result::Result<super::query::Params, Failure> {
        if raw.is_some_and(|r| r.len() > self.limits.query_bytes) {
            return Err(Failure::TooLong(format!(
                "the query string is over {} bytes",
                self.limits.query_bytes
            )));
        }
        super::query::Params::parse(raw).map_err(Failure::BadRequest)
    }

    /// A typed text (a query, a name) within the length limit.
    pub fn text<'a>(&self, what: &str, text: &'a str) -> std::result::Result<&'a str, Failure> {
        if text.chars().count() > self.limits.query_chars {
            return Err(Failure::TooLong(format!(
                "the {what} is over {} characters",
                self.limits.query_chars
            )));
        }
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_worked_out_once_and_a_failure_not_kept() {
        let kept = Kept::default();
        let mut runs = 0;
        for _ in 0..3 {
            let a: Arc<u32> = kept
                .get_or("q".into(), || {
                    runs += 1;
                    Ok::<_, ()>(7)
                })
                .unwrap();
            assert_eq!(*a, 7);
        }
        assert_eq!(runs, 1);
        assert!(kept.get_or::<u32, _>("bad".into(), || Err("no")).is_err());
        let again: Arc<u32> = kept.get_or("bad".into(), || Ok::<_, ()>(1)).unwrap();
        assert_eq!(*again, 1, "a failed question is asked again");
    }

    #[test]
    fn a_full_store_of_answers_starts_again() {
        let kept = Kept::default();
        for i in 0..KEPT + 1 {
            let _ = kept.get_or(format!("q{i}"), || Ok::<_, ()>(i));
        }
        assert_eq!(kept.0.lock().unwrap().len(), 1);
    }
}
