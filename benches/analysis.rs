//! Text analysis throughput: the fast, memoised `analysis::analyze` beside the reference
//! `analysis::analyze_uncached`, on the same mix in the same run, so the speed-up is a
//! ratio measured side by side.
//!
//! ```sh
//! cargo bench --bench analysis
//! ```
//!
//! The mix is what an import feeds the analysers: names, party/state/constituency names
//! and short summaries in English and Hindi, repeating as they do in real data, plus the
//! longer sentences of the seed article. It is read from `../shared/data` and
//! `../shared/seed` when present (ADR candidates, TCPD IAS officers, Popolo Hindi names);
//! otherwise a small built-in mix is used, and the bench says so.
//!
//! For each field three functions analyse the whole mix once per iteration:
//! - `memo-warm`: `analyze`, with the memo kept between iterations (a long import);
//! - `memo-cold`: `analyze`, memo emptied first (the memo only helps within the mix);
//! - `reference`: `analyze_uncached`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, Criterion, Throughput};
use netakosh::analysis::{analyze, analyze_uncached, clear_memo, Field};

fn shared(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel)
}

/// The `;`-separated, quoted cells of one ADR line.
fn adr_cells(line: &str) -> Vec<&str> {
    line.split(';')
        .map(|c| c.trim_matches('"').trim())
        .collect()
}

/// Texts as an import analyses them: each record's name, party, place and a summary.
fn real_mix() -> Option<Vec<String>> {
    let adr =
        std::fs::read_to_string(shared("data/adr-affidavits/lok-sabha-candidates.csv")).ok()?;
    let ias = std::fs::read_to_string(shared("data/tcpd-ias/ias-profile.csv")).ok()?;
    let popolo =
        std::fs::read_to_string(shared("data/popolo-lok-sabha-16/ep-popolo-v1.0.json")).ok()?;
    let seed = std::fs::read_to_string(shared("seed/article-rajya-sabha-2024-up.hi.txt")).ok()?;
    let mut mix = Vec::new();
    // 2,000 ADR candidates, spread over the file (all years and states).
    let rows: Vec<&str> = adr.lines().skip(1).collect();
    for line in rows.iter().step_by((rows.len() / 2000).max(1)).take(2000) {
        let c = adr_cells(line);
        let cell = |i: usize| c.get(i).copied().unwrap_or("");
        mix.push(cell(0).to_string());
        mix.push(cell(1).to_string());
        mix.push(cell(8).to_string());
        mix.push(cell(9).to_string());
        mix.push(format!(
            "{} ({}) contested {} in {}, {} ({}). Education: {}.",
            cell(0),
            cell(1),
            cell(8),
            cell(9),
            cell(11),
            cell(12),
            cell(3)
        ));
    }
    // 1,000 IAS officers: name, cadre, last post and office.
    for line in ias.lines().skip(1).step_by(13).take(1000) {
        let c: Vec<&str> = line.split(',').collect();
        let cell = |i: usize| c.get(i).copied().unwrap_or("").trim_matches('"');
        mix.push(cell(1).to_string());
        mix.push(cell(2).to_string());
        mix.push(format!("{} batch · {} बैच", cell(3), cell(3)));
        mix.push(format!("{}, {}", cell(16), cell(18)));
    }
    // Every Hindi name of Popolo, twice (a name is quoted by the records that cite it).
    let hindi: Vec<String> = popolo
        .lines()
        .filter_map(|l| l.trim().strip_prefix("\"name\": \""))
        .map(|v| v.trim_end_matches(',').trim_end_matches('"').to_string())
        .filter(|v| v.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)))
        .collect();
    mix.extend(hindi.iter().cloned());
    mix.extend(hindi);
    // The article's sentences: long Hindi text.
    mix.extend(
        seed.lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string),
    );
    Some(mix)
}

/// Used when `../shared` is absent: the same shapes from a few built-in names.
fn builtin_mix() -> Vec<String> {
    let people = [
        ("Alok Ranjan", "आलोक रंजन"),
        ("Akhilesh Yadav", "अखिलेश यादव"),
        ("Ramji Lal Suman", "रामजी लाल सुमन"),
        ("Jaya Bachchan", "जया बच्चन"),
        ("Narendra Modi", "नरेन्द्र मोदी"),
        ("Sanjay Seth", "संजय सेठ"),
    ];
    let parties = [
        ("Samajwadi Party", "समाजवादी पार्टी"),
        ("Bharatiya Janata Party", "भारतीय जनता पार्टी"),
    ];
    let states = [("Uttar Pradesh", "उत्तर प्रदेश"), ("Bihar", "बिहार")];
    let mut mix = Vec::new();
    for i in 0..2000 {
        let (en, hi) = people[i % people.len()];
        let (pen, phi) = parties[i % parties.len()];
        let (sen, shi) = states[(i / 3) % states.len()];
        mix.extend([en, hi, pen, phi, sen, shi].map(str::to_string));
        mix.push(format!(
            "{en} ({pen}) contested an election in {sen}, {}.",
            1952 + i % 70
        ));
        mix.push(format!(
            "{hi} ({phi}) ने {shi} में {} का चुनाव लड़ा।",
            1952 + i % 70
        ));
    }
    mix
}

fn bench(c: &mut Criterion) {
    let mix = real_mix().unwrap_or_else(|| {
        eprintln!("../shared not found: benchmarking the built-in mix");
        builtin_mix()
    });
    let bytes: usize = mix.iter().map(String::len).sum();
    eprintln!("mix: {} texts, {} bytes", mix.len(), bytes);
    for (label, field) in [
        ("name", Field::Name),
        ("text", Field::Text),
        ("phonetic", Field::Phonetic),
    ] {
        // The two paths must agree on the mix, or the comparison means nothing.
        for t in &mix {
            assert_eq!(analyze(t, field), analyze_uncached(t, field), "{t}");
        }
        let mut group = c.benchmark_group(format!("analysis/{label}"));
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("memo-warm", |b| {
            b.iter(|| {
                for t in &mix {
                    black_box(analyze(black_box(t), field));
                }
            })
        });
        group.bench_function("memo-cold", |b| {
            b.iter(|| {
                clear_memo();
                for t in &mix {
                    black_box(analyze(black_box(t), field));
                }
            })
        });
        group.bench_function("reference", |b| {
            b.iter(|| {
                for t in &mix {
                    black_box(analyze_uncached(black_box(t), field));
                }
            })
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(4));
    targets = bench
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
