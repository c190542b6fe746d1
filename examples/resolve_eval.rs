//! Trains and evaluates the probabilistic person linker on TCPD Lok Dhaba data, whose
//! `pid` is the truth and is withheld from the linker (the `tcpd_pid` identifier is
//! dropped before facts are gathered).
//!
//! `cargo run --release --example resolve_eval -- --train` counts the comparison
//! levels of the blocked pairs of every state's assembly files except Uttar
//! Pradesh, Bihar, Uttarakhand and Jharkhand, and writes `src/resolve/weights.json`.
//! Without `--train` it resolves the Lok Sabha set (`ge-*`), Uttar Pradesh and Bihar
//! with the bundled weights and prints pairwise and B-cubed precision, recall and F1
//! per set. `--data DIR` names the Lok Dhaba folder (default
//! `../shared/data/tcpd-lokdhaba`); `--sets ge,up` chooses the sets.

use netakosh::import::{read_files_as, registry};
use netakosh::model::Record;
use netakosh::resolve::facts::Facts;
use netakosh::resolve::weights::{Counts, Model};
use netakosh::resolve::{eval, Resolver};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// States held out of training: the evaluation's, and those cut from them.
const HELD_OUT: &[&str] = &["up", "bh", "uk", "jh", "ge"];

fn files(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{prefix}-")) && n.ends_with(".csv"))
        })
        .collect();
    out.sort();
    out
}

fn prefixes(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .expect("the data folder reads")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.split_once("-incumbency-").map(|(p, _)| p.to_string()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The records of one set's files, and each person record's pid.
fn read(dir: &Path, prefix: &str) -> (Vec<Record>, HashMap<String, String>) {
    let paths = files(dir, prefix);
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let format = registry::find("tcpd-lokdhaba").expect("the format exists");
    let (batch, _) = read_files_as(&refs, Some(format));
    if !batch.problems.is_empty() {
        eprintln!("{prefix}: {} problems while reading", batch.problems.len());
    }
    let mut pids = HashMap::new();
    let records: Vec<Record> = batch
        .records
        .into_iter()
        .chain(batch.defaults)
        .map(|p| p.record)
        .collect();
    for r in &records {
        if let Record::Person(p) = r {
            if let Some(pid) = p.identifiers.get("tcpd_pid") {
                pids.insert(p.id.clone(), pid.clone());
            }
        }
    }
    (records, pids)
}

/// Facts with the pid withheld, and each record's pid as a number.
fn prepare(records: &[Record], pids: &HashMap<String, String>) -> (Facts, Vec<Option<u32>>) {
    let facts = Facts::from_records(records, &["tcpd_pid"]);
    let mut numbers: HashMap<&str, u32> = HashMap::new();
    let truth = facts
        .ids
        .iter()
        .map(|id| {
            pids.get(id).map(|p| {
                let next = numbers.len() as u32;
                *numbers.entry(p.as_str()).or_insert(next)
            })
        })
        .collect();
    (facts, truth)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let dir =
        PathBuf::from(value("--data").unwrap_or_else(|| "../shared/data/tcpd-lokdhaba".into()));
    if args.iter().any(|a| a == "--train") {
        let start = Instant::now();
        let mut train: Vec<String> = prefixes(&dir)
            .into_iter()
            .filter(|p| !HELD_OUT.contains(&p.as_str()))
            .collect();
        if let Some(only) = value("--states") {
            train.retain(|p| only.split(',').any(|s| s == p));
        }
        let mut records = Vec::new();
        let mut pids = HashMap::new();
        for p in &train {
            let (r, t) = read(&dir, p);
            records.extend(r);
            pids.extend(t);
        }
        let (facts, truth) = prepare(&records, &pids);
        drop(records);
        let mut counts = Counts::default();
        counts.add(&facts, &truth);
        let about = format!(
            "TCPD Lok Dhaba assembly files (tcpd/incumbency_viz @ bd2e41b1) of {}, read as one set with the pid withheld; blocked pairs labelled by pid",
            train.join(", ")
        );
        let weights = counts.weights(&about, 0.5);
        let json = serde_json::to_string_pretty(&weights).expect("weights serialize");
        let out = value("--out").unwrap_or_else(|| "src/resolve/weights.json".into());
        std::fs::write(&out, json + "\n").expect("the weights file writes");
        eprintln!(
            "trained on {} records, {} pairs ({} matches) in {:.1}s; threshold {:.2} bits, birth spread {} → {out}",
            counts.records,
            counts.pairs,
            counts.matches,
            start.elapsed().as_secs_f64(),
            weights.threshold,
            weights.max_birth_spread
        );
        return;
    }
    let sets = value("--sets").unwrap_or_else(|| "ge,up,bh".into());
    println!("set\trecords\tpids\tpairwise P\tpairwise R\tpairwise F1\tB3 P\tB3 R\tB3 F1\tseconds");
    for set in sets.split(',') {
        let start = Instant::now();
        let (records, pids) = read(&dir, set);
        let (facts, truth) = prepare(&records, &pids);
        drop(records);
        let read_s = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let model = match value("--weights") {
            Some(f) => Model::new(
                serde_json::from_str(&std::fs::read_to_string(&f).expect("the weights file reads"))
                    .expect("the weights file is valid"),
            ),
            None => Model::bundled(),
        };
        let mut model = model;
        if let Some(t) = value("--threshold").and_then(|t| t.parse().ok()) {
            model.weights.threshold = t;
        }
        let resolver = Resolver::with_model(facts, model);
        let (resolution, mut clusters) = resolver.resolve(None, &[], 0);
        let labels = clusters.labels();
        let took = start.elapsed().as_secs_f64();
        let s = eval::score(
            truth
                .iter()
                .zip(&labels)
                .filter_map(|(t, &p)| t.map(|t| (t, p))),
        );
        let distinct: std::collections::HashSet<_> = truth.iter().flatten().collect();
        println!(
            "{set}\t{}\t{}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{took:.2} (read {read_s:.1})",
            s.items,
            distinct.len(),
            s.pairwise.precision,
            s.pairwise.recall,
            s.pairwise.f1,
            s.bcubed.precision,
            s.bcubed.recall,
            s.bcubed.f1
        );
        eprintln!("{set}: {:?}", resolution.stats);
        if args.iter().any(|a| a == "--errors") {
            report_errors(&resolver, &truth, &labels);
        }
    }
}

/// A few wrong joins and missed links, to see what the linker gets wrong.
fn report_errors(resolver: &Resolver, truth: &[Option<u32>], labels: &[u32]) {
    let f = &resolver.facts;
    let name = |i: usize| {
        let p = &f.people[i];
        format!(
            "{} [{}] birth {:?} years {:?}",
            p.names.first().map_or("", |n| f.strings.text(n.text)),
            f.ids[i],
            p.birth,
            p.years
        )
    };
    let mut by_label: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, &l) in labels.iter().enumerate() {
        by_label.entry(l).or_default().push(i);
    }
    let mut wrong = 0;
    for members in by_label.values() {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                if truth[i] != truth[j] && wrong < 15 {
                    wrong += 1;
                    let w = resolver
                        .score(&f.ids[i], &f.ids[j])
                        .map_or(0.0, |s| s.weight);
                    println!("WRONG {w:.1}: {} ~ {}", name(i), name(j));
                }
            }
        }
    }
    let mut by_truth: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, t) in truth.iter().enumerate() {
        if let Some(t) = t {
            by_truth.entry(*t).or_default().push(i);
        }
    }
    let mut missed = 0;
    for members in by_truth.values() {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                if labels[i] != labels[j] && missed < 25 {
                    missed += 1;
                    let s = resolver.score(&f.ids[i], &f.ids[j]);
                    let ev = s.as_ref().map_or(String::new(), |s| {
                        s.evidence
                            .iter()
                            .filter(|e| e.weight.abs() > 0.5)
                            .map(|e| format!("{} {} {:+.1}", e.comparison, e.level, e.weight))
                            .collect::<Vec<_>>()
                            .join("; ")
                    });
                    let blocked = resolver.blocks.first_shared(i as u32, j as u32).is_some();
                    println!(
                        "MISSED {:.1} blocked={blocked}: {} ~ {} :: {ev}",
                        s.map_or(0.0, |s| s.weight),
                        name(i),
                        name(j)
                    );
                }
            }
        }
    }
}
