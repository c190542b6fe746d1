//! `export --format sqlite`: the database a reporter opens in Datasette or sqlite3,
//! checked with SQLite itself against the store and the imported files.

mod common;
use common::{fixture, Home};
use rusqlite::Connection;
use std::collections::BTreeSet;

/// The seed plus an ADR affidavit file and an india-votes result file.
fn home_with_data() -> Home {
    let home = Home::new();
    for file in ["adr/wayanad-2024.csv", "results/amethi-2024.csv"] {
        home.ok(&["import", "--no-resolve", fixture(file).to_str().unwrap()]);
    }
    home
}

fn export(home: &Home) -> (std::path::PathBuf, Connection) {
    let db = home.path().join("out").join("netakosh.db");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    home.ok(&["export", "--format", "sqlite", db.to_str().unwrap()]);
    let conn = Connection::open(&db).expect("the export is a SQLite database");
    (db, conn)
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[test]
fn tables_hold_what_the_store_holds() {
    let home = home_with_data();
    let stats = home.json(&["stats", "--json"]);
    let (db, conn) = export(&home);
    for (table, kind) in [
        ("candidacies", "candidacy"),
        ("people", "person"),
        ("elections", "election"),
        ("organizations", "organization"),
        ("sources", "source"),
        ("tenures", "tenure"),
        ("memberships", "membership"),
        ("offices", "office"),
        ("seats", "seat"),
    ] {
        let expected = stats["records"][kind].as_i64().expect("a count per kind");
        let got = count(&conn, &format!("select count(*) from {table}"));
        assert_eq!(got, expected, "{table}");
    }
    assert!(count(&conn, "select count(*) from candidacies") > 4);
    // Every person record has its row in the crosswalk; every declared key holds.
    assert_eq!(
        count(&conn, "select count(*) from crosswalk"),
        stats["records"]["person"].as_i64().unwrap()
    );
    let broken: Vec<String> = conn
        .prepare("pragma foreign_key_check")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(broken.is_empty(), "dangling keys in {broken:?}");
    assert!(
        !db.with_file_name("netakosh.db.netakosh-tmp").exists(),
        "the temporary file is renamed away"
    );
}

#[test]
fn names_are_searchable_in_both_scripts() {
    let home = Home::new();
    let (_, conn) = export(&home);
    for query in ["आलोक", "Alok", "रंजन"] {
        let found: BTreeSet<String> = conn
            .prepare(
                "select n.record from names_fts join names n on n.rowid = names_fts.rowid \
                 where names_fts match ?1",
            )
            .unwrap()
            .query_map([query], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(found.contains("alok-ranjan"), "{query}: {found:?}");
    }
    // A Devanagari word is one token: its vowel signs do not split it, so the
    // fragment `आल` (before the sign ो) is no word of `आलोक रंजन`.
    assert_eq!(
        count(
            &conn,
            "select count(*) from names_fts where names_fts match 'आल'"
        ),
        0
    );
    let scripts: BTreeSet<String> = conn
        .prepare("select script from names where record = 'alok-ranjan'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        scripts.contains("Devanagari") && scripts.contains("Latin"),
        "{scripts:?}"
    );
}

#[test]
fn affidavit_columns_are_integers_with_the_files_values() {
    let home = home_with_data();
    let (_, conn) = export(&home);
    // Each affidavit row of the file, as (cases, age, assets, liabilities).
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_path(fixture("adr/wayanad-2024.csv"))
        .unwrap();
    let mut expected = BTreeSet::new();
    for row in reader.records() {
        let row = row.unwrap();
        let n = |i: usize| row[i].trim().parse::<i64>().unwrap();
        expected.insert((n(2), n(4), n(5), n(6)));
    }
    assert!(expected.len() > 3);
    let mut stmt = conn
        .prepare(
            "select typeof(criminal_cases), typeof(age), typeof(assets), typeof(liabilities), \
             criminal_cases, age, assets, liabilities from candidacies where assets is not null",
        )
        .unwrap();
    let mut got = BTreeSet::new();
    let rows = stmt
        .query_map([], |r| {
            for i in 0..4 {
                assert_eq!(r.get::<_, String>(i)?, "integer", "column {i}");
            }
            Ok((r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?))
        })
        .unwrap();
    for row in rows {
        got.insert(row.unwrap());
    }
    assert_eq!(got, expected);
    // Amethi's votes from the results file are integers too.
    assert_eq!(
        count(&conn, "select max(votes) from candidacies"),
        539228,
        "KISHORI LAL's votes in amethi-2024.csv"
    );
}

#[test]
fn metadata_credits_each_sources_licence() {
    let home = home_with_data();
    // The licences the store's source records carry, read from the JSON Lines export.
    let lines = home.ok(&["export"]);
    let licences: BTreeSet<String> = lines
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["type"] == "source")
        .filter_map(|v| v["licence"].as_str().map(str::to_string))
        .collect();
    assert!(licences.len() >= 2, "{licences:?}");
    let (db, _) = export(&home);
    let text = std::fs::read_to_string(db.with_file_name("metadata.json")).unwrap();
    let meta: serde_json::Value = serde_json::from_str(&text).expect("metadata.json is JSON");
    let tables = &meta["databases"]["netakosh"]["tables"];
    assert!(tables["sources"].is_object(), "{meta}");
    for licence in &licences {
        assert!(
            meta["description"]
                .as_str()
                .unwrap()
                .contains(licence.as_str()),
            "{licence} not credited: {meta}"
        );
        assert!(meta["license"].as_str().unwrap().contains(licence.as_str()));
    }
}

#[test]
fn a_failed_export_leaves_no_file() {
    let home = Home::new();
    home.ok(&["stats"]);
    // A path under a regular file cannot be created, even by root.
    let blocker = home.path().join("not-a-dir");
    std::fs::write(&blocker, "x").unwrap();
    let db = blocker.join("netakosh.db");
    let (code, _, err) = home.run(&["export", "--format", "sqlite", db.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("netakosh.db"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    // A missing folder is the same user error.
    let missing = home.path().join("no-such-folder").join("netakosh.db");
    let (code, _, err) = home.run(&["export", "--format", "sqlite", missing.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(!home.path().join("no-such-folder").exists());
    let left: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains("netakosh.db"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // A database cannot go to standard output.
    let (code, _, err) = home.run(&["export", "--format", "sqlite"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("FILE"), "{err}");
}
