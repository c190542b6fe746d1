//! `netakosh candidates` on real ADR affidavit rows: counts, sorts, CSV/TSV that read
//! back as the JSON rows, and bad values refused with exit 2 naming the flag. The
//! expected numbers are computed here from the fixture files themselves.

mod common;
use common::{fixture, Home};
use serde_json::Value;
use std::collections::BTreeMap;

/// The ADR files every test imports: Lok Sabha rows of four states, and assembly
/// rows of Kerala, Tamil Nadu and Uttar Pradesh (winners with declared cases).
const FILES: [&str; 4] = [
    "adr/lok-sabha-candidates.csv",
    "adr/kerala.csv",
    "adr/tamil-nadu.csv",
    "adr/akhilesh-yadav-uttar-pradesh.csv",
];

/// A home without the seed holding `FILES`, so every candidacy is a row of them.
fn home() -> Home {
    let home = Home::new();
    let paths: Vec<String> = FILES
        .iter()
        .map(|f| fixture(f).display().to_string())
        .collect();
    let mut args = vec!["--no-seed", "import", "--no-resolve"];
    args.extend(paths.iter().map(String::as_str));
    home.ok(&args);
    home
}

/// The rows of the ADR files, each a map from header to its trimmed value.
fn adr_rows() -> Vec<BTreeMap<String, String>> {
    let mut out = Vec::new();
    for f in FILES {
        let mut r = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_path(fixture(f))
            .expect("the fixture opens");
        let headers = r.headers().expect("a header row").clone();
        for rec in r.records() {
            let rec = rec.expect("a fixture row reads");
            out.push(
                headers
                    .iter()
                    .zip(rec.iter())
                    .map(|(h, v)| (h.to_string(), v.trim().to_string()))
                    .collect(),
            );
        }
    }
    out
}

fn number(row: &BTreeMap<String, String>, column: &str) -> u64 {
    row[column].parse().unwrap_or(0)
}

#[test]
fn winners_with_declared_cases_are_counted_as_the_files_give_them() {
    let home = home();
    let rows = adr_rows();
    let expected = rows
        .iter()
        .filter(|r| r["Winner"] == "Yes" && number(r, "Criminal Cases") >= 1)
        .count();
    assert!(expected >= 2, "the fixtures hold winners with cases");
    let out = home.ok(&[
        "--no-seed",
        "candidates",
        "--won",
        "--min-cases",
        "1",
        "--count",
    ]);
    assert_eq!(out.trim(), expected.to_string());
    // Every row is a candidacy: no filter counts them all.
    let all = home.ok(&["--no-seed", "candidates", "--count"]);
    assert_eq!(all.trim(), rows.len().to_string());
    // By party: the winners with cases split as the files' party columns do.
    let v = home.json(&[
        "--no-seed",
        "candidates",
        "--won",
        "--min-cases",
        "1",
        "--group-by",
        "party",
        "--json",
    ]);
    let groups = v.as_array().expect("a list of groups");
    let total: u64 = groups
        .iter()
        .map(|g| g["candidacies"].as_u64().unwrap())
        .sum();
    assert_eq!(total as usize, expected);
    assert!(groups.iter().any(|g| g["key"] == "DMK"), "{v}");
}

#[test]
fn sort_by_assets_names_the_richest_row_of_the_files() {
    let home = home();
    let rows = adr_rows();
    let richest = rows
        .iter()
        .max_by_key(|r| number(r, "Total Assets"))
        .expect("rows");
    let v = home.json(&[
        "--no-seed",
        "candidates",
        "--sort",
        "assets",
        "--limit",
        "1",
        "--json",
    ]);
    let got = v.as_array().expect("rows");
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0]["name"].as_str().unwrap().to_lowercase(),
        richest["Candidate"].to_lowercase()
    );
    assert_eq!(
        got[0]["assets"].as_u64(),
        Some(number(richest, "Total Assets"))
    );
    // Ascending: the poorest declared first.
    let poorest = rows
        .iter()
        .filter(|r| !r["Total Assets"].is_empty())
        .min_by_key(|r| number(r, "Total Assets"))
        .expect("rows");
    let v = home.json(&[
        "--no-seed",
        "candidates",
        "--sort",
        "assets:asc",
        "--limit",
        "1",
        "--json",
    ]);
    assert_eq!(
        v[0]["assets"].as_u64(),
        Some(number(poorest, "Total Assets"))
    );
    // The table says the amount in Indian grouping and in words.
    let table = home.ok(&[
        "--no-seed",
        "candidates",
        "--sort",
        "assets",
        "--limit",
        "1",
    ]);
    assert!(table.contains("₹40,14,94,817 (₹40 crore)"), "{table}");
}

#[test]
fn filters_by_seat_state_and_year_match_the_files() {
    let home = home();
    let rows = adr_rows();
    let hathras_2019 = rows
        .iter()
        .filter(|r| r["Constituency"] == "HATHRAS" && r["Year"] == "2019")
        .count();
    let out = home.ok(&[
        "--no-seed",
        "candidates",
        "--seat",
        "Hathras",
        "--year",
        "2019",
        "--count",
    ]);
    assert_eq!(out.trim(), hathras_2019.to_string());
    let kerala_ls = rows
        .iter()
        .filter(|r| r["State"] == "KERALA" && r["House"] == "Lok Sabha")
        .count();
    let out = home.ok(&[
        "--no-seed",
        "candidates",
        "--state",
        "Kerala",
        "--house",
        "Lok Sabha",
        "--count",
    ]);
    assert_eq!(out.trim(), kerala_ls.to_string());
    let graduates_60_plus = rows
        .iter()
        .filter(|r| r["Education"].to_lowercase().contains("graduate") && number(r, "Age") >= 60)
        .count();
    let out = home.ok(&[
        "--no-seed",
        "candidates",
        "--education",
        "graduate",
        "--age",
        "60-",
        "--count",
    ]);
    assert_eq!(out.trim(), graduates_60_plus.to_string());
}

/// A CSV or TSV cell as the JSON value it stands for.
fn same_cell(json: &Value, cell: &str) -> bool {
    match json {
        Value::Null => cell.is_empty(),
        Value::String(s) => s == cell,
        Value::Number(n) => cell.parse::<f64>().ok() == n.as_f64(),
        other => *other == Value::String(cell.to_string()),
    }
}

#[test]
fn csv_and_tsv_read_back_as_the_json_rows_with_devanagari_intact() {
    // The seed's Rajya Sabha candidacies carry Hindi names.
    let home = Home::new();
    home.ok(&[
        "import",
        "--no-resolve",
        fixture(FILES[0]).to_str().unwrap(),
    ]);
    let json = home.json(&["candidates", "--json"]);
    let json = json.as_array().expect("rows");
    assert!(json.len() > 40);
    for (flag, delimiter) in [("--csv", b','), ("--tsv", b'\t')] {
        let text = home.ok(&["candidates", flag]);
        let mut r = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let headers = r.headers().expect("a header row").clone();
        assert_eq!(&headers[0], "candidacy");
        let records: Vec<csv::StringRecord> = r.records().map(|x| x.expect("a row")).collect();
        assert_eq!(records.len(), json.len());
        for (rec, row) in records.iter().zip(json) {
            let obj = row.as_object().expect("an object");
            assert_eq!(obj.len(), headers.len());
            for (h, cell) in headers.iter().zip(rec.iter()) {
                assert!(same_cell(&obj[h], cell), "{flag} {h}: {cell} vs {}", obj[h]);
            }
        }
        assert!(text.contains("आलोक रंजन"), "{text}");
    }
}

#[test]
fn bad_values_exit_2_naming_the_flag() {
    let home = Home::new();
    for (args, flag) in [
        (vec!["--min-cases", "-1"], "--min-cases"),
        (vec!["--sort", "nonsense"], "--sort"),
        (vec!["--sort", "assets:up"], "--sort"),
        (vec!["--age", "200-10"], "--age"),
        (vec!["--assets", "lots"], "--assets"),
        (vec!["--group-by", "colour"], "--group-by"),
    ] {
        let mut all = vec!["--no-seed", "candidates"];
        all.extend(args.iter());
        let (code, out, err) = home.run(&all);
        assert_eq!(code, 2, "{all:?}: {err}");
        assert!(err.contains(flag), "{all:?}: {err}");
        assert!(out.is_empty());
    }
}

#[test]
fn a_party_answers_to_any_of_its_names_and_rows_name_their_dataset() {
    let home = home();
    let rows = adr_rows();
    // ADR writes `SP` and `BJP`; the party is the same under its names in either script.
    for (abbr, names) in [
        ("SP", ["Samajwadi Party", "सपा", "समाजवादी पार्टी"]),
        ("BJP", ["Bharatiya Janata Party", "भाजपा", "bjp"]),
    ] {
        let expected = rows.iter().filter(|r| r["Party"] == abbr).count();
        assert!(expected >= 2, "the fixtures hold {abbr} rows");
        for typed in names {
            let out = home.ok(&["--no-seed", "candidates", "--party", typed, "--count"]);
            assert_eq!(out.trim(), expected.to_string(), "--party {typed}");
        }
    }
    // Every row here comes from ADR's files, and says so.
    let json: Value =
        serde_json::from_str(&home.ok(&["--no-seed", "candidates", "--json"])).expect("json");
    let all = json.as_array().expect("rows");
    assert_eq!(all.len(), rows.len());
    assert!(all
        .iter()
        .all(|r| r["source"].as_str().is_some_and(|s| s.contains("adr"))));
    let out = home.ok(&["--no-seed", "candidates", "--source", "adr", "--count"]);
    assert_eq!(out.trim(), rows.len().to_string());
    let out = home.ok(&["--no-seed", "candidates", "--source", "tcpd", "--count"]);
    assert_eq!(out.trim(), "0");
}
