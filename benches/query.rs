//! In-process query latency over a 100k-record knowledge base (criterion medians),
//! followed by a p50/p99 pass of its own (criterion does not report tails).
//!
//! ```sh
//! cargo run --release --example gen -- 100000 > target/bench/corpus-100000.jsonl
//! NETAKOSH_BENCH_CORPUS=target/bench/corpus-100000.jsonl cargo bench --bench query
//! ```
//!
//! The knowledge base is built once, through the library, in a temporary directory
//! (or taken as is from `NETAKOSH_BENCH_HOME`, a home `scripts/bench.sh` already
//! imported). Without a corpus the bench says so and does nothing.

use criterion::{criterion_group, Criterion};
use netakosh::import;
use netakosh::index::SearchIndex;
use netakosh::kb::{Home, Kb, OpenOptions};
use netakosh::search::{self, SearchOptions};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The five query shapes of BENCHMARKS.md, the same ones `scripts/bench.sh` times
/// whole-process: (label, query, party filter, state filter).
pub const QUERIES: &[(&str, &str, Option<&str>, Option<&str>)] = &[
    ("name", "Akhilesh Yadav", None, None),
    ("hindi", "अखिलेश यादव", None, None),
    ("cross-script", "अखिलेश Yadav", None, None),
    ("typo", "Akhilsh Yadaw", None, None),
    ("filtered", "Singh", Some("BJP"), Some("Bihar")),
];

fn options(party: Option<&str>, state: Option<&str>) -> SearchOptions {
    SearchOptions {
        party: party.map(str::to_string),
        state: state.map(str::to_string),
        ..SearchOptions::default()
    }
}

/// The index of a ready knowledge base; the temporary directory (if any) must outlive it.
fn prepare() -> Option<(SearchIndex, Option<tempfile::TempDir>)> {
    if let Some(home) = std::env::var_os("NETAKOSH_BENCH_HOME") {
        let home = Home::new(PathBuf::from(home));
        let index = SearchIndex::open(&home.index_dir()).expect("the bench home's index opens")?;
        return Some((index, None));
    }
    let corpus = PathBuf::from(std::env::var_os("NETAKOSH_BENCH_CORPUS")?);
    let dir = tempfile::tempdir().expect("a temporary directory for the bench home");
    let home = Home::new(dir.path());
    let mut kb = Kb::open(&home, OpenOptions { seed: false }).expect("an empty home opens");
    let started = Instant::now();
    let batch = import::read_files(&[corpus.as_path()]);
    kb.import(batch, "bench corpus", false)
        .expect("the generated corpus imports");
    eprintln!("imported {} in {:.1?}", corpus.display(), started.elapsed());
    drop(kb);
    let index = SearchIndex::open(&home.index_dir()).expect("the new index opens")?;
    Some((index, Some(dir)))
}

fn percentiles(index: &SearchIndex) {
    for (label, q, party, state) in QUERIES {
        let opts = options(*party, *state);
        let mut times: Vec<Duration> = (0..500)
            .map(|_| {
                let t = Instant::now();
                let hits = search::search(index, q, &opts).expect("a bench query runs");
                std::hint::black_box(hits);
                t.elapsed()
            })
            .collect();
        times.sort();
        let at = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
        println!(
            "in-process {label:<13} p50 {:>9.1?}  p99 {:>9.1?}  (500 runs)",
            at(50),
            at(99)
        );
    }
}

fn bench(c: &mut Criterion) {
    let Some((index, _dir)) = prepare() else {
        eprintln!(
            "no corpus: set NETAKOSH_BENCH_CORPUS to a generated JSONL file \
             (see the module docs) or NETAKOSH_BENCH_HOME to an imported home; skipping"
        );
        return;
    };
    let mut group = c.benchmark_group("search");
    for (label, q, party, state) in QUERIES {
        let opts = options(*party, *state);
        group.bench_function(*label, |b| {
            b.iter(|| search::search(&index, q, &opts).expect("a bench query runs"))
        });
    }
    group.finish();
    percentiles(&index);
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(Duration::from_secs(3));
    targets = bench
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
