//! Seats are records: datasets' spellings of one constituency meet at one seat, the
//! candidacies of every dataset point at it, and it is found in either script.
//! Expected values are counted from the data files (see each test).

mod common;
use common::{assert_export_round_trips, fixture, hit_ids, shared_data, shared_file, Home};
use netakosh::domain::seats::{bare_name, seat_id};
use netakosh::domain::states::Place;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

const RAE_BARELI: &str = "lok-sabha-seat-uttar-pradesh-raebareli";
const ALATHUR: &str = "lok-sabha-seat-kerala-alathur";

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// Every record of the home's export, by id.
fn exported(home: &Home) -> BTreeMap<String, Value> {
    home.ok(&["export"])
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("an export line is JSON"))
        .map(|v| (v["id"].as_str().unwrap_or_default().to_string(), v))
        .collect()
}

fn of_kind<'a>(records: &'a BTreeMap<String, Value>, kind: &str) -> Vec<&'a Value> {
    records.values().filter(|v| v["type"] == kind).collect()
}

/// Candidacies pointing at `seat`, counted per source.
fn candidacies_of(records: &BTreeMap<String, Value>, seat: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for c in of_kind(records, "candidacy") {
        if c["seat"] == seat {
            *out.entry(c["sources"][0].as_str().unwrap_or_default().to_string())
                .or_default() += 1;
        }
    }
    out
}

fn aliases(seat: &Value) -> Vec<&str> {
    seat["aliases"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// The whole 2024 Lok Sabha results (543 distinct state and constituency pairs:
/// `awk -F'";"' 'NR>1{print $1"|"$2}' 2024LokSabha.csv | sort -u | wc -l`) with an
/// ADR slice and a TCPD row: Rae Bareli is one seat in three spellings, Alathur one
/// seat though ADR writes `ALATHUR (SC)`, and every dataset's candidacies point at them.
#[test]
fn datasets_meet_at_one_seat() {
    let Some(results) = shared_file("india-votes/results/2024LokSabha.csv") else {
        return;
    };
    let home = Home::new();
    let adr = fixture("seats/lok-sabha-candidates.csv");
    let tcpd = fixture("seats/tcpd");
    home.ok(&["import", "--no-resolve", path(&results), path(&adr)]);
    home.ok(&["import", "--no-resolve", "-r", path(&tcpd)]);
    let records = exported(&home);
    assert_eq!(of_kind(&records, "seat").len(), 543);

    let rae_bareli = &records[RAE_BARELI];
    assert_eq!(rae_bareli["name"]["en"], "Rae Bareli");
    assert_eq!(rae_bareli["body"], "lok-sabha");
    assert_eq!(rae_bareli["state"]["en"], "Uttar Pradesh");
    assert!(aliases(rae_bareli).contains(&"RAE BARELI"), "{rae_bareli}");
    assert!(aliases(rae_bareli).contains(&"RAEBAREILLY"), "{rae_bareli}");
    // grep -c '"Rae Bareli"' 2024LokSabha.csv → 9; the ADR slice's Rae Bareli 2019
    // rows, 15; the TCPD row, 1.
    let by_source = |pairs: &[(&str, usize)]| -> BTreeMap<String, usize> {
        pairs.iter().map(|(s, n)| (s.to_string(), *n)).collect()
    };
    assert_eq!(
        candidacies_of(&records, RAE_BARELI),
        by_source(&[
            ("src-india-votes", 9),
            ("src-adr-affidavits", 15),
            ("src-tcpd-lokdhaba", 1)
        ])
    );

    let alathur = &records[ALATHUR];
    assert_eq!(alathur["name"]["en"], "Alathur");
    assert_eq!(alathur["seat_type"], "SC");
    assert!(aliases(alathur).contains(&"ALATHUR (SC)"), "{alathur}");
    // grep -c '"Alathur"' 2024LokSabha.csv → 6; the ADR slice's Alathur (SC), 5.
    assert_eq!(
        candidacies_of(&records, ALATHUR),
        by_source(&[("src-india-votes", 6), ("src-adr-affidavits", 5)])
    );
    let alathurs: Vec<&Value> = of_kind(&records, "seat")
        .into_iter()
        .filter(|s| s["id"].as_str().is_some_and(|id| id.contains("alathur")))
        .collect();
    assert_eq!(alathurs.len(), 1, "{alathurs:?}");

    let hits = home.json(&["search", "Raebareli", "--kind", "seat", "--json"]);
    assert_eq!(hit_ids(&hits).first().map(String::as_str), Some(RAE_BARELI));
    let hits = home.json(&["search", "कन्नौज", "--kind", "seat", "--json"]);
    assert_eq!(
        hit_ids(&hits).first().map(String::as_str),
        Some("lok-sabha-seat-uttar-pradesh-kannauj")
    );
    let shown = home.json(&["show", "Rae Bareli", "--json"]);
    assert_eq!(shown["id"], RAE_BARELI, "{shown}");
}

/// A later import's spelling reaches the seat an earlier one made: the seat is
/// updated, its earlier version kept in the history; importing again changes
/// nothing; the export, seats between elections and candidacies, round-trips.
#[test]
fn a_later_spelling_joins_the_seat_and_keeps_its_history() {
    let home = Home::new();
    let results = fixture("seats/2024LokSabha.csv");
    let adr = fixture("seats/lok-sabha-candidates.csv");
    let first = home.json(&["import", "--no-resolve", "--json", path(&results)]);
    // Alathur, Rae Bareli and Kannauj.
    assert_eq!(first["report"]["added"]["seat"], 3, "{first}");
    let second = home.json(&["import", "--no-resolve", "--json", path(&adr)]);
    // ADR adds `ALATHUR (SC)` and `RAE BARELI` to the two seats it names.
    assert_eq!(second["report"]["updated"]["seat"], 2, "{second}");
    assert!(second["report"]["added"].get("seat").is_none(), "{second}");
    let again = home.json(&["import", "--no-resolve", "--json", path(&adr)]);
    assert!(again["report"]["updated"].get("seat").is_none(), "{again}");
    // The seat index and the seats' search documents agree with the store.
    assert!(home.ok(&["check"]).contains("every check passed"));

    {
        use netakosh::kb::{Home as KbHome, Kb, OpenOptions};
        use netakosh::model::Kind;
        let kb = Kb::open(&KbHome::new(home.path()), OpenOptions { seed: false })
            .expect("the home opens");
        let resolved =
            netakosh::search::resolve_kind(&kb.store, &kb.index, "Rae Bareli", Some(Kind::Seat))
                .expect("Rae Bareli resolves to its seat");
        assert_eq!(resolved, RAE_BARELI);
        let linked = kb
            .store
            .linked(netakosh::store::Link::CandidacyBySeat, RAE_BARELI)
            .expect("the seat index reads");
        // 9 india-votes rows (2024) and 15 ADR rows (2019) of Rae Bareli.
        assert_eq!(linked.len(), 24);
    }
    let history = home.json(&["history", ALATHUR, "--json"]);
    let versions = history["versions"].as_array().expect("a list of versions");
    assert_eq!(versions.len(), 2, "{history}");

    let export = home.ok(&["export"]);
    let order: Vec<String> = export
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("JSON")["type"].to_string())
        .collect();
    let last = |k: &str| order.iter().rposition(|t| t == &format!("\"{k}\""));
    let first_of = |k: &str| order.iter().position(|t| t == &format!("\"{k}\""));
    assert!(last("election") < first_of("seat"), "seats after elections");
    assert!(
        last("seat") < first_of("candidacy"),
        "seats before candidacies"
    );
    assert_export_round_trips(&home);
}

/// A seat named in a native file is checked like any record: an unknown field is
/// refused, and a candidacy's `seat` must name a seat.
#[test]
fn native_seats_are_validated() {
    let home = Home::new();
    let bad = home.write(
        "bad.jsonl",
        concat!(
            r#"{"type":"seat","id":"lok-sabha-seat-x-y","name":{"en":"Y"},"body":"lok-sabha","reserved":"SC"}"#,
            "\n",
            r#"{"type":"candidacy","id":"c","person":"alok-ranjan","election":"lok-sabha-2024","seat":"lok-sabha"}"#,
            "\n"
        ),
    );
    let (code, _, err) = home.run(&["import", path(&bad)]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("bad.jsonl:1:") && err.contains("unknown field `reserved`"),
        "{err}"
    );
    assert!(err.contains("bad.jsonl:2: seat"), "{err}");
}

/// One election's rows in one state: the names as written (reserved marks and
/// case aside), by the seat id they fold to.
type Group = HashMap<String, BTreeSet<String>>;

fn written(name: &str) -> String {
    bare_name(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn read(file: &Path, separator: u8, mut row: impl FnMut(&csv::StringRecord, &csv::StringRecord)) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .flexible(true)
        .from_path(file)
        .expect("a readable CSV");
    let header = reader.headers().expect("a header").clone();
    for r in reader.records().flatten() {
        row(&header, &r);
    }
}

fn field<'a>(header: &csv::StringRecord, r: &'a csv::StringRecord, column: &str) -> &'a str {
    header
        .iter()
        .position(|h| h == column)
        .and_then(|i| r.get(i))
        .unwrap_or("")
}

fn slug(state: &str) -> String {
    Place::from_name(&state.replace('_', " "))
        .map(|p| p.slug)
        .unwrap_or_default()
}

/// The fold never joins two seats: over every file of TCPD Lok Dhaba, ADR and
/// india-votes, no two different names of one election in one state fold to one
/// seat id. Also measures the Lok Sabha's seats 1962–2024 (run with
/// `--ignored --nocapture`: it reads every file, a minute in a debug build).
#[test]
#[ignore]
fn folds_no_two_seats_of_one_election() {
    let Some(data) = shared_data() else { return };
    let mut groups: HashMap<String, Group> = HashMap::new();
    let mut lok_sabha: BTreeSet<String> = BTreeSet::new();
    let mut lok_sabha_written: BTreeSet<(String, String)> = BTreeSet::new();
    let mut lok_sabha_raw: BTreeSet<(String, String)> = BTreeSet::new();
    let mut add = |group: String, body: &str, state: &str, name: &str| {
        if name.trim().is_empty() {
            return;
        }
        let id = seat_id(body, Some(state), bare_name(name));
        if body == "lok-sabha" {
            lok_sabha.insert(id.clone());
            lok_sabha_written.insert((state.to_string(), written(name)));
            lok_sabha_raw.insert((state.to_string(), name.trim().to_string()));
        }
        groups
            .entry(format!("{group}|{state}"))
            .or_default()
            .entry(id)
            .or_default()
            .insert(written(name));
    };
    let mut files = 0;
    for entry in std::fs::read_dir(data.join("tcpd-lokdhaba")).expect("Lok Dhaba") {
        let file = entry.expect("a file").path();
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let Some((prefix, _)) = name.split_once("-incumbency-") else {
            continue;
        };
        files += 1;
        read(&file, b',', |h, r| {
            let state = slug(field(h, r, "State_Name"));
            let body = if prefix == "ge" {
                "lok-sabha".to_string()
            } else {
                format!("vidhan-sabha-{state}")
            };
            let group = format!(
                "tcpd {prefix} {} {} {}",
                field(h, r, "Year"),
                field(h, r, "Assembly_No"),
                field(h, r, "Poll_No")
            );
            add(group, &body, &state, field(h, r, "Constituency_Name"));
        });
    }
    let adr = data.join("adr-affidavits");
    let mut adr_files = vec![adr.join("lok-sabha-candidates.csv")];
    for entry in std::fs::read_dir(adr.join("state-assemblies")).expect("ADR assemblies") {
        adr_files.push(entry.expect("a file").path());
    }
    for file in adr_files {
        files += 1;
        read(&file, b';', |h, r| {
            let state = slug(field(h, r, "State"));
            let house = field(h, r, "House");
            let body = if house == "Lok Sabha" {
                "lok-sabha".to_string()
            } else {
                format!("vidhan-sabha-{state}")
            };
            let group = format!("adr {house} {}", field(h, r, "Year"));
            add(group, &body, &state, field(h, r, "Constituency"));
        });
    }
    for entry in std::fs::read_dir(data.join("india-votes/results")).expect("india-votes") {
        let file = entry.expect("a file").path();
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        files += 1;
        if name.contains("LokSabha") {
            read(&file, b';', |h, r| {
                let state = slug(field(h, r, "State"));
                add(
                    name.clone(),
                    "lok-sabha",
                    &state,
                    field(h, r, "Constituency"),
                );
            });
        } else {
            read(&file, b',', |h, r| {
                let state = name.clone();
                let body = format!("vidhan-sabha-{state}");
                add(name.clone(), &body, &state, field(h, r, "constituency"));
            });
        }
    }
    let mut joined = Vec::new();
    let mut seats = 0;
    for (group, ids) in &groups {
        seats += ids.len();
        for (id, names) in ids {
            if names.len() > 1 {
                joined.push(format!("{group}: {id} ← {names:?}"));
            }
        }
    }
    joined.sort();
    eprintln!(
        "{files} files, {} elections × states, {seats} seats in them; {} joined wrongly",
        groups.len(),
        joined.len()
    );
    eprintln!(
        "Lok Sabha 1962–2024: {} seats from {} (state, spelling) pairs; {} once case, spaces and reserved marks are set aside: the spelling rules, variants and renames merged {}",
        lok_sabha.len(),
        lok_sabha_raw.len(),
        lok_sabha_written.len(),
        lok_sabha_written.len() - lok_sabha.len()
    );
    assert!(files > 100, "only {files} files read");
    assert!(joined.is_empty(), "{}", joined.join("\n"));
}
