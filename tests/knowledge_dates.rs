//! Knowledge has a date (issue 12, point 6): a tenure without an end from a dataset
//! that stops before today is "since …, as of … (TCPD-ICoM)", never a bare
//! "current"; `office --at` past a dataset's end says so; a later fact is shown
//! beside a stale one; `show` of an election summarises.
//!
//! Fixture: `tests/fixtures/tcpd-cabinet/modi-irani.csv`, the header and every row
//! of TCPD_Indian_Cabinet_1990_2021.csv naming NARENDRA MODI or SMRITI ZUBIN IRANI
//! (tcpd/cabinet_data @ c69d0ffd). Expected dates are read from that file here.

mod common;
use common::{shared_data, Home};

const CABINET: &str = "tests/fixtures/tcpd-cabinet/modi-irani.csv";
const IRANI: &str = "tcpd-cabinet-smriti-zubin-irani";

/// Every `YYYY-MM-DD` in a text, in order.
fn dates(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(9))
        .filter(|&i| {
            let w = &b[i..i + 10];
            w[4] == b'-'
                && w[7] == b'-'
                && [0, 1, 2, 3, 5, 6, 8, 9]
                    .iter()
                    .all(|&j| w[j].is_ascii_digit())
                && (i == 0 || !b[i - 1].is_ascii_digit())
        })
        .map(|i| text[i..i + 10].to_string())
        .collect()
}

/// The fixture's last date (where TCPD-ICoM's knowledge ends in it) and the start
/// of Smriti Irani's Women and Child Development appointment (its end: `Current`).
fn from_fixture() -> (String, String) {
    let text = std::fs::read_to_string(CABINET).unwrap();
    let last = dates(&text).into_iter().max().unwrap();
    let wcd = text
        .lines()
        .find(|l| l.contains("Smriti Zubin Irani") && l.contains("Women and Child Development"))
        .unwrap();
    assert!(wcd.contains(",Current,"), "{wcd}");
    (last, dates(wcd)[0].clone())
}

fn home_with_cabinet() -> Home {
    let home = Home::new();
    home.ok(&["import", CABINET]);
    home
}

/// Runs `args` with `NETAKOSH_TODAY` set; returns (code, stdout, stderr).
fn on(home: &Home, today: &str, args: &[&str]) -> (i32, String, String) {
    let out = home
        .cmd()
        .env("NETAKOSH_TODAY", today)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_open_tenure_from_a_dataset_that_ended_is_as_of_its_end() {
    let (last, start) = from_fixture();
    assert_eq!(last, "2021-07-07", "the slice ends at the 2021 reshuffle");
    let home = home_with_cabinet();

    // The real clock: today is after 2021.
    let out = home.ok(&["show", IRANI]);
    let wcd = out
        .lines()
        .find(|l| l.contains("Cabinet Minister, Women and Child Development"))
        .unwrap();
    assert!(
        wcd.contains(&format!("since {start}, as of {last} (TCPD-ICoM)")),
        "{out}"
    );
    assert!(!out.contains("(current)"), "no bare current:\n{out}");
    assert!(out.contains(&format!("as of {last}")), "{out}");

    // The same on a fixed today, in JSON: the tenure says where its knowledge ends,
    // and the source carries it.
    let (code, json, err) = on(&home, "2025-06-01", &["show", IRANI, "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let open: Vec<&serde_json::Value> = v["tenures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["tenure"].get("end").is_none())
        .collect();
    assert_eq!(open.len(), 1, "one appointment with `Current`: {json}");
    assert_eq!(open[0]["status"], "as_of");
    assert_eq!(open[0]["as_of"]["date"], last.as_str());
    assert_eq!(open[0]["as_of"]["dataset"], "TCPD-ICoM");
    assert!(v["tenures"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["status"] != "current"));
    let source = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "src-tcpd-cabinet")
        .unwrap();
    assert_eq!(source["as_of"], last.as_str());

    // While the dataset still knew the day, the appointment was current.
    let (_, json, _) = on(&home, "2021-03-01", &["show", IRANI, "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let wcd = v["tenures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["tenure"].get("end").is_none())
        .unwrap();
    assert_eq!(wcd["status"], "current", "{wcd}");
    assert!(wcd.get("as_of").is_none(), "{wcd}");
    let (_, text, _) = on(&home, "2021-03-01", &["show", IRANI]);
    assert!(text.contains("(current)"), "{text}");
}

#[test]
fn office_at_a_date_past_the_dataset_says_where_its_knowledge_ends() {
    let (last, _) = from_fixture();
    let home = home_with_cabinet();
    let out = home.ok(&["office", "prime-minister-of-india", "--at", "2025-06-01"]);
    assert!(
        out.contains(&format!(
            "TCPD-ICoM's knowledge ends {last}; after that, not known"
        )),
        "{out}"
    );
    assert!(out.contains("held on 2025-06-01 by: not known"), "{out}");
    // Narendra Modi is the last holder it knows, not a holder on that day.
    let (before, after) = out.split_once("last known:").unwrap();
    assert!(!before.contains("Narendra Modi"), "{out}");
    assert!(after.contains("Narendra Modi"), "{out}");

    let v = home.json(&[
        "office",
        "prime-minister-of-india",
        "--at",
        "2025-06-01",
        "--json",
    ]);
    assert_eq!(v["holders"].as_array().unwrap().len(), 0, "{v}");
    assert_eq!(v["knowledge_ends"][0]["dataset"], "TCPD-ICoM");
    assert_eq!(v["knowledge_ends"][0]["date"], last.as_str());

    // Inside the dataset's years the answer is plain, without a caveat.
    let out = home.ok(&["office", "prime-minister-of-india", "--at", "2020-01-01"]);
    assert!(out.contains("Narendra Modi"), "{out}");
    assert!(!out.contains("knowledge ends"), "{out}");
}

#[test]
fn a_today_that_is_not_a_date_is_refused_naming_the_variable() {
    let home = Home::new();
    let (code, out, err) = on(&home, "yesterday", &["stats"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("NETAKOSH_TODAY") && err.contains("yesterday"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn a_home_imported_before_as_of_falls_back_to_the_dataset_end() {
    // A source record as homes imported before this change stored it: no `as_of`.
    let home = Home::new();
    let f = home.write(
        "old.jsonl",
        r#"{"type":"source","id":"src-tcpd-cabinet","title":"TCPD-ICoM: Indian Council of Ministers Dataset 1.1 (1990-2021)"}
{"type":"person","id":"p","name":{"en":"A Minister"}}
{"type":"office","id":"o","name":{"en":"Minister of Something"}}
{"type":"tenure","person":"p","office":"o","start":"2019-05-30","sources":["src-tcpd-cabinet"]}
"#,
    );
    home.ok(&["import", f.to_str().unwrap()]);
    let v = home.json(&["show", "p", "--json"]);
    assert_eq!(v["tenures"][0]["status"], "as_of", "{v}");
    // TCPD_Indian_Cabinet_1990_2021.csv's last date (the whole file, measured).
    assert_eq!(v["tenures"][0]["as_of"]["date"], "2021-07-07", "{v}");
    home.ok(&["check"]);

    // Importing the dataset's rows then gives the source the date its rows reach.
    home.ok(&["import", CABINET]);
    let v = home.json(&["show", "src-tcpd-cabinet", "--json"]);
    assert_eq!(v["record"]["as_of"], "2021-07-07", "{v}");
    home.ok(&["check"]);
}

#[test]
fn as_of_is_validated_and_round_trips() {
    let home = Home::new();
    let bad = home.write(
        "bad.jsonl",
        r#"{"type":"source","id":"s","title":"A report","date":"2020-01-05","as_of":"2023"}
"#,
    );
    let (code, _, err) = home.run(&["import", bad.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("as_of") && err.contains("after the source's date"),
        "{err}"
    );
    let good = home.write(
        "good.jsonl",
        r#"{"type":"source","id":"s","title":"A report","date":"2020-01-05","as_of":"2019-12"}
"#,
    );
    home.ok(&["import", good.to_str().unwrap()]);
    let out = home.dir.path().join("out.jsonl");
    home.ok(&["export", out.to_str().unwrap()]);
    let text = std::fs::read_to_string(&out).unwrap();
    let line = text.lines().find(|l| l.contains(r#""id":"s""#)).unwrap();
    assert!(line.contains(r#""as_of":"2019-12""#), "{line}");
}

/// Seats, candidates (NOTA is not one) and the BJP's wins, counted from the file.
fn counts_2024(path: &std::path::Path) -> (usize, usize, usize) {
    use std::collections::BTreeMap;
    let text = std::fs::read_to_string(path).unwrap();
    let mut seats: BTreeMap<(String, String), (u64, String)> = BTreeMap::new();
    let mut candidates = 0;
    for line in text.lines().skip(1) {
        let f: Vec<String> = line
            .split(';')
            .map(|s| s.trim_matches('"').trim().to_string())
            .collect();
        let votes: u64 = f[4].parse().unwrap_or(0);
        if f[2] != "None of the Above" {
            candidates += 1;
        }
        let best = seats
            .entry((f[0].clone(), f[1].clone()))
            .or_insert((0, String::new()));
        // Surat's one candidate, `Unconteste`d, won with no count.
        if votes > best.0 || best.1.is_empty() {
            *best = (votes, f[2].clone());
        }
    }
    let bjp = seats
        .values()
        .filter(|(_, p)| p == "Bharatiya Janata Party")
        .count();
    (seats.len(), candidates, bjp)
}

#[test]
fn an_election_is_summarised_and_a_later_fact_sits_beside_a_stale_one() {
    let Some(data) = shared_data() else {
        eprintln!("skipped: ../shared/data not found");
        return;
    };
    let results = data.join("india-votes/results/2024LokSabha.csv");
    let (seats, candidates, bjp) = counts_2024(&results);
    let home = home_with_cabinet();
    home.ok(&["import", results.to_str().unwrap()]);

    let summary = home.ok(&["show", "lok-sabha-2024"]);
    assert!(summary.lines().count() < 60, "{summary}");
    // Indian grouping, written out for numbers of four or five digits.
    let fmt = |n: usize| format!("{},{:03}", n / 1000, n % 1000);
    assert!((1000..100_000).contains(&candidates));
    assert!(
        summary.contains(&format!("{} candidates", fmt(candidates)))
            && summary.contains(&format!("{seats} constituencies")),
        "{summary}"
    );
    let bjp_line = summary
        .lines()
        .find(|l| l.trim_start().starts_with("BJP "))
        .unwrap();
    assert!(bjp_line.contains(&format!(" {bjp} ")), "{bjp_line}");
    assert!(summary.contains("--full"), "{summary}");
    let full = home.ok(&["show", "lok-sabha-2024", "--full"]);
    assert!(full.lines().count() > candidates, "every candidacy a line");

    // Her 2024 row (india-votes: SMRITI IRANI, Amethi, 372032 votes, second to
    // KISHORI LAL's 539228) linked to her cabinet record.
    let v = home.json(&["search", "SMRITI IRANI", "--kind", "person", "--json"]);
    let iv = common::hit_ids(&v)
        .into_iter()
        .find(|id| id.starts_with("india-votes-"))
        .unwrap();
    home.ok(&["same", IRANI, &iv]);
    let out = home.ok(&["show", IRANI]);
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Women and Child Development") && l.contains("as of"))
        .unwrap();
    assert!(
        lines[at + 1].contains("later: lost Amethi, 2024 Lok Sabha election"),
        "{out}"
    );
}

#[test]
fn a_later_file_of_a_dataset_moves_its_knowledge_on_and_an_earlier_one_never_back() {
    // The 2024 Lok Sabha slice, then the 2026 Assam slice (india-votes files).
    let home = Home::new();
    let as_of = |home: &Home| {
        let v = home.json(&["show", "src-india-votes", "--json"]);
        v["record"]["as_of"].as_str().unwrap().to_string()
    };
    home.ok(&["import", "tests/fixtures/results/2024LokSabha.csv"]);
    assert_eq!(as_of(&home), "2024");
    home.ok(&["import", "tests/fixtures/results/2026Assembly-AS.csv"]);
    assert_eq!(as_of(&home), "2026");
    home.ok(&["import", "tests/fixtures/results/2024Assembly-HR.csv"]);
    assert_eq!(as_of(&home), "2026");
    // The earlier knowledge is kept in the source's history.
    let h = home.ok(&["history", "src-india-votes"]);
    assert!(h.contains("2024") && h.contains("2026"), "{h}");
    home.ok(&["check"]);
}

#[test]
fn the_index_says_current_only_where_show_does() {
    let home = home_with_cabinet();
    // Today (after 2021): no person's document calls an office current; Narendra
    // Modi's `Current` appointments are known only to 2021.
    let (code, out, _) = home.run(&["search", "current", "--kind", "person", "--json"]);
    let ids = if code == 0 {
        common::hit_ids(&serde_json::from_str(&out).unwrap())
    } else {
        Vec::new()
    };
    assert!(
        !ids.contains(&"tcpd-cabinet-narendra-modi".to_string()),
        "{out}"
    );
    // Rebuilt on a day TCPD-ICoM still knew, the same documents say current.
    let (code, _, err) = on(&home, "2021-03-01", &["reindex"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = on(
        &home,
        "2021-03-01",
        &["search", "current", "--kind", "person", "--json"],
    );
    assert_eq!(code, 0, "{err}");
    let ids = common::hit_ids(&serde_json::from_str(&out).unwrap());
    assert!(
        ids.contains(&"tcpd-cabinet-narendra-modi".to_string()),
        "{out}"
    );
}
