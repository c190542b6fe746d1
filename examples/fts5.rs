//! The SQLite FTS5 side of `scripts/bench.sh`: the same corpus and the same queries
//! as netakosh, through SQLite's full-text index (rusqlite, bundled SQLite), so each
//! figure in BENCHMARKS.md has a ratio beside it.
//!
//! ```sh
//! cargo build --release --features fts5-bench --example fts5
//! target/release/examples/fts5 build corpus.jsonl fts.db      # prints records/s
//! target/release/examples/fts5 query fts.db Akhilesh Yadav    # open + one ranked MATCH
//! target/release/examples/fts5 query fts.db --party BJP --state Bihar Singh
//! ```
//!
//! Each entity gets one row holding what netakosh's document holds for it: names and
//! aliases in both scripts, summaries, the offices held, the parties (ids, names and
//! abbreviations, from memberships and candidacies) and the home state, plus a JSON
//! card for the result line. FTS5's default `unicode61` tokenizer is used as shipped;
//! it has no stemming, no fuzzy matching and no cross-script keys.

use rusqlite::{params, Connection};
use serde_json::Value;
use std::collections::HashMap;
use std::io::BufRead;
use std::time::Instant;

#[derive(Default)]
struct Doc {
    kind: String,
    names: Vec<String>,
    text: Vec<String>,
    parties: Vec<String>,
    states: Vec<String>,
    card: Value,
}

fn names_of(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(o) = v.get("name").and_then(Value::as_object) {
        out.extend(o.values().filter_map(Value::as_str).map(str::to_string));
    }
    if let Some(a) = v.get("aliases").and_then(Value::as_array) {
        out.extend(a.iter().filter_map(Value::as_str).map(str::to_string));
    }
    out
}

fn texts_of(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Object(o)) => o
            .values()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn build(corpus: &str, db: &str) -> rusqlite::Result<()> {
    let started = Instant::now();
    let _ = std::fs::remove_file(db);
    let file = std::fs::File::open(corpus).expect("the corpus file opens");
    let mut docs: Vec<(String, Doc)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut facts: Vec<Value> = Vec::new();
    let mut records = 0usize;
    for line in std::io::BufReader::new(file).lines() {
        let line = line.expect("the corpus reads");
        let v: Value = serde_json::from_str(&line).expect("the corpus is JSON Lines");
        records += 1;
        let kind = v["type"].as_str().unwrap_or_default().to_string();
        match kind.as_str() {
            "person" | "organization" | "office" | "election" | "source" => {
                let id = v["id"].as_str().unwrap_or_default().to_string();
                let mut d = Doc {
                    names: names_of(&v),
                    text: texts_of(v.get("summary")),
                    states: texts_of(v.get("home_state")),
                    card: serde_json::json!({"name": v.get("name"), "summary": v.get("summary")}),
                    ..Doc::default()
                };
                if let Some(t) = v.get("title").and_then(Value::as_str) {
                    d.names.push(t.to_string());
                }
                if kind == "organization" {
                    d.parties = names_of(&v);
                    d.parties.push(id.clone());
                }
                d.text.extend(texts_of(v.get("area")));
                d.kind = kind;
                at.insert(id.clone(), docs.len());
                docs.push((id, d));
            }
            _ => facts.push(v),
        }
    }
    // Facts add to their person's document, as netakosh's documents do.
    for f in &facts {
        let Some(&p) = f["person"].as_str().and_then(|p| at.get(p)) else {
            continue;
        };
        for key in ["office", "election", "organization", "party"] {
            let Some(&o) = f.get(key).and_then(Value::as_str).and_then(|o| at.get(o)) else {
                continue;
            };
            let names = docs[o].1.names.clone();
            let id = docs[o].0.clone();
            let d = &mut docs[p].1;
            if key == "organization" || key == "party" {
                d.parties.extend(names.iter().cloned());
                d.parties.push(id);
            }
            d.text.extend(names);
        }
    }
    let mut conn = Connection::open(db)?;
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
         CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, kind UNINDEXED, name, text, party, state, card UNINDEXED);",
    )?;
    let tx = conn.transaction()?;
    {
        let mut insert = tx.prepare("INSERT INTO docs VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
        for (id, d) in &docs {
            insert.execute(params![
                id,
                d.kind,
                d.names.join(" · "),
                d.text.join(" · "),
                d.parties.join(" · "),
                d.states.join(" · "),
                d.card.to_string()
            ])?;
        }
    }
    tx.commit()?;
    conn.execute_batch(
        "INSERT INTO docs(docs) VALUES('optimize'); PRAGMA wal_checkpoint(TRUNCATE);",
    )?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "fts5 build: {records} records, {} documents in {secs:.2} s = {:.0} records/s",
        docs.len(),
        records as f64 / secs
    );
    Ok(())
}

/// A phrase-quoted FTS5 string, so user words are never operators.
fn quote(w: &str) -> String {
    format!("\"{}\"", w.replace('"', "\"\""))
}

fn query(db: &str, args: &[String]) -> rusqlite::Result<usize> {
    let mut words = Vec::new();
    let mut filters = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--party" | "--state" => {
                let col = &a[2..];
                let v = it.next().expect("a filter value");
                filters.push(format!("{col}:{}", quote(v)));
            }
            _ => words.extend(a.split_whitespace().map(quote)),
        }
    }
    let mut expr = format!("{{name text}}: ({})", words.join(" OR "));
    for f in filters {
        expr = format!("{expr} AND {f}");
    }
    let conn = Connection::open(db)?;
    let mut stmt = conn.prepare(
        "SELECT id, kind, card FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs, 0, 0, 4.0, 1.0, 0, 0, 0) LIMIT 10",
    )?;
    let mut rows = stmt.query(params![expr])?;
    let mut n = 0;
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    while let Some(r) = rows.next()? {
        let (id, kind, card): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let _ = writeln!(out, "{kind:<12} {id}  {card}");
        n += 1;
    }
    Ok(n)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") if args.len() == 3 => build(&args[1], &args[2]).map(|_| 1),
        Some("query") if args.len() >= 3 => query(&args[1], &args[2..]),
        _ => {
            eprintln!(
                "usage: fts5 build CORPUS.jsonl DB | fts5 query DB [--party P] [--state S] WORDS…"
            );
            std::process::exit(2);
        }
    };
    match result {
        Ok(0) => std::process::exit(1),
        Ok(_) => {}
        Err(e) => {
            eprintln!("fts5: {e}");
            std::process::exit(3);
        }
    }
}
