//! Measures how well search answers Hindi: the precision of single-word Devanagari
//! surname queries, and the cross-script recall of Lok Sabha members' names.
//!
//! `cargo run --release --example hindi_eval -- --home DIR` searches a home (every
//! dataset of `../shared/data` imported, for the figure in the README) for each
//! surname of [`SURNAMES`] typed in Devanagari and prints the share of the top 10
//! whose name holds the word, in either script, judged against the hand-written
//! spellings of the table (never against the analysis under test). `--bin PATH`
//! searches through another build's `netakosh search --json` instead (an earlier
//! version, judged the same way).
//!
//! `cargo run --release --example hindi_eval -- --recall` builds a home in a
//! temporary folder: the 16th Lok Sabha's members from the Popolo file, each split
//! into an English-only and a Hindi-only record, among the Lok Sabha candidates of
//! every Lok Dhaba general election who never won one, one record per TCPD pid (tens
//! of thousands of namesakes and near-namesakes; winners are left out, since another
//! record of the member would be a right answer), imported without person resolution. It prints recall@5 both ways: the share of
//! Hindi names whose search finds the English-only record in the top 5, and back.
//! `--data DIR` names the data folder (default `../shared/data`); `--show N` prints
//! up to N misses of each measure.

use netakosh::import::{read_files_as, registry, Batch, Parsed};
use netakosh::kb::{Home, Kb, OpenOptions};
use netakosh::model::{Kind, Record};
use netakosh::search::{self, Hit, SearchOptions};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;
use unicode_normalization::UnicodeNormalization;

/// Surnames as a Hindi reader types them, with the spellings that count as the same
/// word: Devanagari forms, then Latin ones (lowercase).
const SURNAMES: &[(&str, &[&str])] = &[
    ("मोदी", &["मोदी", "modi", "mody"]),
    ("यादव", &["यादव", "yadav", "yadava"]),
    ("सिंह", &["सिंह", "सिंग", "singh", "sinh", "sing"]),
    ("शर्मा", &["शर्मा", "sharma", "sarma"]),
    ("वर्मा", &["वर्मा", "verma", "varma"]),
    ("गुप्ता", &["गुप्ता", "गुप्त", "gupta"]),
    ("पटेल", &["पटेल", "patel"]),
    ("चौहान", &["चौहान", "chauhan", "chouhan"]),
    ("ठाकुर", &["ठाकुर", "thakur"]),
    ("मिश्रा", &["मिश्रा", "मिश्र", "mishra", "misra"]),
    ("तिवारी", &["तिवारी", "tiwari", "tewari", "tiwary", "tiwar"]),
    (
        "पांडे",
        &["पांडे", "पाण्डे", "पांडेय", "पाण्डेय", "pandey", "pande", "pandeya"],
    ),
    (
        "चौधरी",
        &[
            "चौधरी",
            "chaudhary",
            "chaudhari",
            "choudhary",
            "choudhari",
            "chowdhury",
            "chowdhary",
            "chaudhry",
            "choudhury",
            "chaudhuri",
            "chaudhury",
        ],
    ),
    ("रेड्डी", &["रेड्डी", "reddy", "reddi"]),
    ("नायडू", &["नायडू", "naidu"]),
    ("बनर्जी", &["बनर्जी", "banerjee", "banerji"]),
    ("मुखर्जी", &["मुखर्जी", "mukherjee", "mukherji", "mookherjee"]),
    ("सिंधिया", &["सिंधिया", "scindia", "sindhia"]),
    ("गांधी", &["गांधी", "गाँधी", "gandhi"]),
    ("खड़गे", &["खड़गे", "kharge"]),
    ("राय", &["राय", "rai", "ray", "roy"]),
    ("जैन", &["जैन", "jain"]),
    ("पासवान", &["पासवान", "paswan"]),
    ("मौर्य", &["मौर्य", "maurya", "mourya"]),
    ("पवार", &["पवार", "pawar", "powar"]),
    (
        "अग्रवाल",
        &["अग्रवाल", "agrawal", "agarwal", "aggarwal", "agarwala"],
    ),
    ("मुलायम", &["मुलायम", "mulayam"]),
    ("गौड़ा", &["गौड़ा", "gowda", "gouda", "gauda"]),
];

struct Args {
    home: Option<PathBuf>,
    bin: Option<PathBuf>,
    recall: bool,
    data: PathBuf,
    show: usize,
}

fn args() -> Args {
    let mut out = Args {
        home: None,
        bin: None,
        recall: false,
        data: PathBuf::from("../shared/data"),
        show: 0,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--home" => out.home = it.next().map(PathBuf::from),
            "--recall" => out.recall = true,
            "--bin" => out.bin = it.next().map(PathBuf::from),
            "--data" => out.data = it.next().map(PathBuf::from).expect("--data DIR"),
            "--show" => out.show = it.next().and_then(|n| n.parse().ok()).expect("--show N"),
            other => panic!("unknown argument {other}; see the example's doc comment"),
        }
    }
    if out.home.is_none() && !out.recall {
        panic!("nothing to measure: give --home DIR, --recall or both");
    }
    out
}

/// A hit as the judge sees it: its id and every name it has, in every script.
struct Found {
    id: String,
    names: Vec<String>,
}

impl Found {
    fn of(hit: &Hit) -> Found {
        let mut names: Vec<String> = hit.name.0.values().cloned().collect();
        names.extend(hit.also.iter().cloned());
        Found {
            id: hit.id.clone(),
            names,
        }
    }

    /// From a hit of `search --json`.
    fn of_json(hit: &serde_json::Value) -> Found {
        let strings = |v: &serde_json::Value| -> Vec<String> {
            match v {
                serde_json::Value::Object(m) => m
                    .values()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect(),
                serde_json::Value::Array(a) => a
                    .iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect(),
                _ => Vec::new(),
            }
        };
        let mut names = strings(&hit["name"]);
        names.extend(strings(&hit["also"]));
        Found {
            id: hit["id"].as_str().unwrap_or_default().to_string(),
            names,
        }
    }

    /// The words of its names, lowercased and in NFC.
    fn words(&self) -> Vec<String> {
        self.names
            .iter()
            .flat_map(|n| {
                n.split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\''))
                    .map(|w| w.nfc().collect::<String>().to_lowercase())
                    .collect::<Vec<_>>()
            })
            .filter(|w| !w.is_empty())
            .collect()
    }
}

/// The top 10 of a search: in-process, or through another build's binary (`--bin`,
/// to measure an earlier version with the same judge).
fn top10(home: &Path, word: &str, bin: Option<&Path>) -> Vec<Found> {
    match bin {
        None => {
            let home = Home::new(home);
            let (hits, _) = netakosh::kb::search(
                &home,
                word,
                &SearchOptions::default(),
                OpenOptions { seed: false },
            )
            .expect("the search runs");
            hits.iter().map(Found::of).collect()
        }
        Some(bin) => {
            let out = std::process::Command::new(bin)
                .arg("--home")
                .arg(home)
                .args(["search", word, "--json"])
                .output()
                .expect("the binary runs");
            let v: serde_json::Value =
                serde_json::from_slice(&out.stdout).expect("search --json is JSON");
            v["hits"]
                .as_array()
                .map(|a| a.iter().map(Found::of_json).collect())
                .unwrap_or_default()
        }
    }
}

fn surname_precision(home: &Path, bin: Option<&Path>, show: usize) {
    println!(
        "single-word Devanagari surname queries, top 10 ({}{})",
        home.display(),
        bin.map(|b| format!(", through {}", b.display()))
            .unwrap_or_default()
    );
    println!("{:<10} {:>6} {:>5}  ms", "surname", "holds", "hits");
    let (mut held, mut shown) = (0usize, 0usize);
    let mut times = Vec::new();
    for (word, spellings) in SURNAMES {
        let spellings: Vec<String> = spellings.iter().map(|s| s.nfc().collect()).collect();
        let started = Instant::now();
        let hits = top10(home, word, bin);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        let holds: Vec<bool> = hits
            .iter()
            .map(|h| h.words().iter().any(|w| spellings.contains(w)))
            .collect();
        let n = holds.iter().filter(|h| **h).count();
        held += n;
        shown += hits.len();
        println!(
            "{word:<10} {n:>6} {:>5}  {:.0}",
            hits.len(),
            times.last().copied().unwrap_or(0.0)
        );
        for (hit, _) in hits.iter().zip(&holds).filter(|(_, h)| !**h).take(show) {
            println!("    not {word}: {} {:?}", hit.id, hit.names);
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "precision over {} surnames: {held}/{shown} = {:.1} %; median search {:.0} ms ({})",
        SURNAMES.len(),
        100.0 * held as f64 / shown.max(1) as f64,
        times[times.len() / 2],
        if bin.is_some() {
            "whole process"
        } else {
            "in-process, index only"
        }
    );
}

fn read(paths: &[PathBuf], format: &str) -> Batch {
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let format = registry::find(format).expect("the format exists");
    let (batch, _) = read_files_as(&refs, Some(format));
    assert!(
        batch.problems.is_empty(),
        "{} problems reading {paths:?}",
        batch.problems.len()
    );
    batch
}

/// A person record reduced to an id, one script of its name and its sources: what a
/// dataset in one script alone would give.
fn one_script(record: &Record, id: &str, lang: &str) -> Option<Record> {
    let mut v = serde_json::to_value(record).ok()?;
    let name = v.get("name")?.get(lang)?.clone();
    let mut out = serde_json::Map::new();
    out.insert("type".into(), "person".into());
    out.insert("id".into(), id.into());
    out.insert("name".into(), serde_json::json!({ lang: name }));
    if let Some(sources) = v.get_mut("sources") {
        out.insert("sources".into(), sources.take());
    }
    serde_json::from_value(serde_json::Value::Object(out)).ok()
}

fn parsed(record: Record) -> Parsed {
    Parsed {
        file: "hindi_eval".into(),
        line: 0,
        record,
    }
}

fn cross_script_recall(data: &Path, show: usize) {
    let popolo = read(
        &[data.join("popolo-lok-sabha-16/ep-popolo-v1.0.json")],
        "popolo",
    );
    let dir = data.join("tcpd-lokdhaba");
    let mut ge: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("ge-incumbency-"))
        })
        .collect();
    ge.sort();
    let lokdhaba = read(&ge, "tcpd-lokdhaba");

    let mut batch = Batch::default();
    let mut pairs: Vec<(String, String, String, String)> = Vec::new(); // en id, en, hi id, hi
    for p in popolo.records.iter().chain(&popolo.defaults) {
        match &p.record {
            Record::Source(_) => batch.records.push(p.clone()),
            Record::Person(person) => {
                let (Some(en), Some(hi)) = (person.name.0.get("en"), person.name.0.get("hi"))
                else {
                    continue;
                };
                let (en_id, hi_id) = (format!("en-{}", person.id), format!("hi-{}", person.id));
                if let (Some(e), Some(h)) = (
                    one_script(&p.record, &en_id, "en"),
                    one_script(&p.record, &hi_id, "hi"),
                ) {
                    batch.records.push(parsed(e));
                    batch.records.push(parsed(h));
                    pairs.push((en_id, en.clone(), hi_id, hi.clone()));
                }
            }
            _ => {}
        }
    }
    let members = batch.clone();
    // Winners are left out (by TCPD's pid): the members themselves are among them, and
    // another record of the member would be a right answer, not a distractor.
    let winner_records: HashSet<&str> = lokdhaba
        .records
        .iter()
        .filter_map(|p| match &p.record {
            Record::Candidacy(c) if c.rank == Some(1) => Some(c.person.as_str()),
            _ => None,
        })
        .collect();
    let pid = |r: &Record| match r {
        Record::Person(p) => p.identifiers.get("tcpd_pid").cloned(),
        _ => None,
    };
    let winners: HashSet<String> = lokdhaba
        .records
        .iter()
        .filter(|p| winner_records.contains(p.record.id()))
        .filter_map(|p| pid(&p.record))
        .collect();
    let mut distractors = 0;
    let mut seen_pids = HashSet::new();
    for p in lokdhaba.records.iter().chain(&lokdhaba.defaults) {
        match &p.record {
            Record::Source(_) => batch.records.push(p.clone()),
            Record::Person(person) => {
                // One record per person, as resolution by pid would make them.
                if let Some(id) = pid(&p.record) {
                    if winners.contains(&id) || !seen_pids.insert(id) {
                        continue;
                    }
                }
                if let Some(r) = one_script(&p.record, &person.id, "en") {
                    batch.records.push(parsed(r));
                    distractors += 1;
                }
            }
            _ => {}
        }
    }
    measure(members, &pairs, "alone", show);
    measure(
        batch,
        &pairs,
        &format!("among {distractors} losing Lok Dhaba candidates"),
        show,
    );
}

/// Imports `batch` into a new home and prints recall@5 of each split member both ways.
fn measure(batch: Batch, pairs: &[(String, String, String, String)], among: &str, show: usize) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let home = Home::new(tmp.path());
    let mut kb = Kb::open(&home, OpenOptions { seed: false }).expect("a new home opens");
    kb.resolve_imports = false;
    let started = Instant::now();
    kb.import(batch, "hindi_eval", false)
        .expect("the import succeeds");
    println!(
        "cross-script recall@5: {} Lok Sabha members split by script, {among} (imported in {:.1} s)",
        pairs.len(),
        started.elapsed().as_secs_f64()
    );
    let opts = SearchOptions {
        limit: 5,
        kind: Some(Kind::Person),
        ..Default::default()
    };
    let mut found = [0usize; 2];
    let mut misses: [Vec<String>; 2] = Default::default();
    for (en_id, en, hi_id, hi) in pairs {
        for (way, (query, want)) in [(hi, en_id), (en, hi_id)].into_iter().enumerate() {
            let hits = search::search(&kb.index, query, &opts).expect("the search runs");
            if hits.iter().any(|h| &h.id == want) {
                found[way] += 1;
            } else {
                let got: Vec<String> = hits
                    .iter()
                    .map(|h| h.name.0.values().cloned().collect::<Vec<_>>().join("/"))
                    .collect();
                misses[way].push(format!("{query} → {want}; got {}", got.join(", ")));
            }
        }
    }
    for (way, label) in ["Hindi name → English record", "English name → Hindi record"]
        .iter()
        .enumerate()
    {
        println!(
            "  {label}: {}/{} = {:.1} %",
            found[way],
            pairs.len(),
            100.0 * found[way] as f64 / pairs.len().max(1) as f64
        );
        for m in misses[way].iter().take(show) {
            println!("    missed {m}");
        }
    }
}

fn main() {
    let args = args();
    if let Some(home) = &args.home {
        surname_precision(home, args.bin.as_deref(), args.show);
    }
    if args.recall {
        cross_script_recall(&args.data, args.show);
    }
}
