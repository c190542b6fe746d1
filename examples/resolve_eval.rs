//! Trains and evaluates the probabilistic person linker on TCPD Lok Dhaba data, whose
//! `pid` is the truth and is withheld from the linker (the `tcpd_pid` identifier is
//! dropped before facts are gathered).
//!
//! `cargo run --release --example resolve_eval -- --train` counts the comparison
//! levels of the blocked pairs of every state's assembly files except Uttar
//! Pradesh, Bihar, Uttarakhand and Jharkhand, and writes `src/resolve/weights.json`.
//! Without `--train` it resolves the Lok Sabha set (`ge-*`), Uttar Pradesh and Bihar
//! with the bundled weights and prints pairwise and B-cubed precision, recall and F1
//! per set, and the pairwise precision with pid's own gaps tolerated (see
//! [`consistent`]). `--missed N` and `--wrong N` print the pid groups split most and
//! a sample of clusters joining pid groups; `--store DIR --score A,B` scores a pair
//! of a home's records. `--data DIR` names the Lok Dhaba folder (default
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
    if let (Some(store), Some(pair)) = (value("--store"), value("--score")) {
        // A pair of a home's records scored, with its evidence.
        let store = netakosh::store::Store::open(Path::new(&store)).expect("the store opens");
        let resolver = Resolver::from_store(&store).expect("the store reads");
        let (a, b) = pair.split_once(',').expect("--score A,B");
        println!("{:#?}", resolver.score(a, b));
        return;
    }
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
        let beta = value("--beta").and_then(|b| b.parse().ok()).unwrap_or(0.5);
        let weights = counts.weights(&about, beta);
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
        let mut resolver = Resolver::with_model(facts, model);
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
        let (tolerant, tolerated) = tolerant_precision(&resolver.facts, &truth, &labels);
        println!(
            "{set}\tpairwise P with pid's own gaps tolerated: {tolerant:.4} ({tolerated} of {} predicted pairs join two consistent pid groups)",
            s.predicted_pairs
        );
        eprintln!("{set}: {:?}", resolution.stats);
        if args.iter().any(|a| a == "--errors") {
            report_errors(&resolver, &truth, &labels);
        }
        if let Some(n) = value("--wrong").and_then(|n| n.parse().ok()) {
            report_wrong(&resolver, &truth, &labels, n);
        }
        if let Some(n) = value("--missed").and_then(|n| n.parse().ok()) {
            report_missed(&resolver, &truth, &labels, n);
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

/// The `n` pid groups with the most missed pairs, each as the predicted groups it
/// splits into, every record with its name, seat, years, birth estimate and party.
fn report_missed(resolver: &Resolver, truth: &[Option<u32>], labels: &[u32], n: usize) {
    let f = &resolver.facts;
    let mut by_truth: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, t) in truth.iter().enumerate() {
        if let Some(t) = t {
            by_truth.entry(*t).or_default().push(i);
        }
    }
    let mut groups: Vec<(u64, Vec<Vec<usize>>)> = by_truth
        .into_values()
        .map(|members| {
            let mut parts: HashMap<u32, Vec<usize>> = HashMap::new();
            for i in members {
                parts.entry(labels[i]).or_default().push(i);
            }
            let mut parts: Vec<Vec<usize>> = parts.into_values().collect();
            parts.sort_by_key(|p| std::cmp::Reverse(p.len()));
            let total: u64 = parts.iter().map(|p| p.len() as u64).sum();
            let within: u64 = parts.iter().map(|p| (p.len() as u64).pow(2)).sum();
            ((total * total - within) / 2, parts)
        })
        .filter(|g| g.0 > 0)
        .collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.0));
    let total: u64 = groups.iter().map(|g| g.0).sum();
    println!("missed pairs {total} in {} pid groups", groups.len());
    // Every missed pair by whether blocking compared it and its levels of name,
    // constituency, party and birth year.
    let mut kinds: HashMap<String, u64> = HashMap::new();
    for (_, parts) in &groups {
        for (k, p) in parts.iter().enumerate() {
            for q in &parts[k + 1..] {
                for &i in p {
                    for &j in q {
                        let (x, y) = (i as u32, j as u32);
                        let blocked = resolver.blocks.first_shared(x, y).is_some();
                        let l = netakosh::resolve::compare::levels(f, x, y);
                        let w = resolver.model.weight(&l);
                        let names =
                            |c: usize| netakosh::resolve::compare::COMPARISONS[c].1[l[c] as usize];
                        let band = if w >= resolver.model.weights.threshold {
                            "above (refused)"
                        } else if w >= 0.0 {
                            "0..threshold"
                        } else {
                            "below 0"
                        };
                        let key = format!(
                            "blocked {blocked} | {band} | name {} | seat {} | party {} | birth {}",
                            names(0),
                            names(4),
                            names(5),
                            names(2)
                        );
                        *kinds.entry(key).or_default() += 1;
                    }
                }
            }
        }
    }
    let mut kinds: Vec<(String, u64)> = kinds.into_iter().collect();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    for (k, c) in kinds.iter().take(25) {
        println!("  {c:>6} {k}");
    }
    let row = |i: usize| {
        let p = &f.people[i];
        let texts = |v: &[u32]| {
            v.iter()
                .map(|&s| f.strings.text(s).to_string())
                .collect::<Vec<_>>()
                .join(",")
        };
        format!(
            "{} | {} | {:?} | birth {:?} | {}",
            p.names.first().map_or("", |n| f.strings.text(n.text)),
            texts(&p.seats),
            p.years.map(|y| y.0),
            p.birth,
            texts(&p.parties)
        )
    };
    for (missed, parts) in groups.iter().take(n) {
        println!("== {missed} missed, {} parts", parts.len());
        for (k, part) in parts.iter().enumerate() {
            for &i in part {
                println!("  [{k}] {}", row(i));
            }
        }
        // The best score across the first two parts, and why.
        if parts.len() >= 2 {
            let mut best: Option<netakosh::resolve::Scored> = None;
            for &i in &parts[0] {
                for &j in &parts[1] {
                    if let Some(s) = resolver.score(&f.ids[i], &f.ids[j]) {
                        if best.as_ref().is_none_or(|b| s.weight > b.weight) {
                            best = Some(s);
                        }
                    }
                }
            }
            if let Some(s) = best {
                let ev: Vec<String> = s
                    .evidence
                    .iter()
                    .map(|e| format!("{} {} {:+.1}", e.comparison, e.level, e.weight))
                    .collect();
                println!("  best 0~1 {:.1}: {}", s.weight, ev.join("; "));
            }
        }
    }
}

/// What a pid group is, for telling a split person from two people.
#[derive(Default)]
struct PidGroup {
    names: Vec<u32>,
    seats: Vec<u32>,
    parties: Vec<u32>,
    /// (election, seat) of each candidacy whose seat is known.
    contests: Vec<(u32, u32)>,
    birth: Option<(u16, u16)>,
}

/// Two pid groups TCPD may have failed to join: they share a normalised name (the
/// cross-script key of a whole name), their birth-year estimates are within two
/// years (or one is unknown), they share a seat or a party, and they never stood
/// for one seat in one election (the linker's own cannot-link).
fn consistent(a: &PidGroup, b: &PidGroup) -> bool {
    let shares = |x: &[u32], y: &[u32]| x.iter().any(|v| y.contains(v));
    let births = match (a.birth, b.birth) {
        (Some((alo, ahi)), Some((blo, bhi))) => {
            blo.saturating_sub(ahi) <= 2 && alo.saturating_sub(bhi) <= 2
        }
        _ => true,
    };
    shares(&a.names, &b.names)
        && births
        && (shares(&a.seats, &b.seats) || shares(&a.parties, &b.parties))
        && !a.contests.iter().any(|c| b.contests.contains(c))
}

/// Pairwise precision counting a predicted pair across two pid groups as right when
/// the two groups are [`consistent`]; and how many predicted pairs that tolerates.
fn tolerant_precision(f: &Facts, truth: &[Option<u32>], labels: &[u32]) -> (f64, u64) {
    let mut groups: HashMap<u32, PidGroup> = HashMap::new();
    let mut cells: HashMap<(u32, u32), u64> = HashMap::new();
    for (i, t) in truth.iter().enumerate() {
        let Some(t) = *t else { continue };
        *cells.entry((labels[i], t)).or_default() += 1;
        let p = &f.people[i];
        let g = groups.entry(t).or_default();
        g.names.extend(p.names.iter().map(|n| n.joined));
        g.seats.extend(&p.seats);
        g.parties.extend(&p.parties);
        g.contests.extend(
            p.contests
                .iter()
                .filter(|c| c.seat != u32::MAX)
                .map(|c| (c.election, c.seat)),
        );
        if let Some((lo, hi)) = p.birth {
            g.birth = Some(g.birth.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))));
        }
    }
    let mut by_label: HashMap<u32, Vec<(u32, u64)>> = HashMap::new();
    for (&(l, t), &n) in &cells {
        by_label.entry(l).or_default().push((t, n));
    }
    let (mut predicted, mut right, mut tolerated) = (0u64, 0u64, 0u64);
    for parts in by_label.values() {
        let total: u64 = parts.iter().map(|p| p.1).sum();
        predicted += total * total.saturating_sub(1) / 2;
        for (k, &(t, n)) in parts.iter().enumerate() {
            right += n * n.saturating_sub(1) / 2;
            for &(u, m) in &parts[k + 1..] {
                if consistent(&groups[&t], &groups[&u]) {
                    tolerated += n * m;
                }
            }
        }
    }
    let p = if predicted == 0 {
        1.0
    } else {
        (right + tolerated) as f64 / predicted as f64
    };
    (p, tolerated)
}

/// `n` predicted clusters that join pid groups, biggest wrong share first, each
/// pid group's records and whether the two groups are [`consistent`] (pid's gap).
fn report_wrong(resolver: &Resolver, truth: &[Option<u32>], labels: &[u32], n: usize) {
    let f = &resolver.facts;
    let mut by_label: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, &l) in labels.iter().enumerate() {
        if truth[i].is_some() {
            by_label.entry(l).or_default().push(i);
        }
    }
    let mut clusters: Vec<(u64, Vec<usize>)> = by_label
        .into_values()
        .filter_map(|m| {
            let mut per: HashMap<u32, u64> = HashMap::new();
            for &i in &m {
                *per.entry(truth[i].expect("kept")).or_default() += 1;
            }
            let total = m.len() as u64;
            let within: u64 = per.values().map(|c| c * c).sum();
            let wrong = (total * total - within) / 2;
            (wrong > 0).then_some((wrong, m))
        })
        .collect();
    clusters.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let step = (clusters.len() / n.max(1)).max(1);
    for (wrong, m) in clusters.iter().step_by(step).take(n) {
        println!("== {wrong} wrong pairs");
        let mut m = m.clone();
        m.sort_by_key(|&i| (truth[i], f.people[i].years));
        for i in m {
            let p = &f.people[i];
            let texts = |v: &[u32]| {
                v.iter()
                    .map(|&s| f.strings.text(s).to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            };
            println!(
                "  pid#{} {} | {} | {:?} | birth {:?} | {} | father {:?}",
                truth[i].expect("kept"),
                p.names.first().map_or("", |n| f.strings.text(n.text)),
                texts(&p.seats),
                p.years.map(|y| y.0),
                p.birth,
                texts(&p.parties),
                p.father.map(|x| f.strings.text(x))
            );
        }
    }
}
