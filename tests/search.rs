//! `netakosh search` on the bundled seed data, in both scripts.

mod common;
use common::{hit_ids, Home};

#[test]
fn first_search_on_a_new_home_answers_from_the_seed() {
    let home = Home::new();
    let (code, out, err) = home.run(&["search", "Alok Ranjan"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("bundled seed"),
        "the user is told the home was seeded: {err}"
    );
    let first = out.lines().next().unwrap();
    assert!(
        first.contains("Alok Ranjan")
            && first.contains("आलोक रंजन")
            && first.contains("[alok-ranjan]")
    );
}

#[test]
fn hindi_query_finds_the_person_first() {
    let home = Home::new();
    let v = home.json(&["search", "आलोक रंजन", "--json"]);
    assert_eq!(hit_ids(&v)[0], "alok-ranjan");
    let hit = &v["hits"][0];
    assert_eq!(hit["kind"], "person");
    assert_eq!(hit["name"]["hi"], "आलोक रंजन");
    assert_eq!(hit["name"]["en"], "Alok Ranjan");
    assert!(hit["score"].as_f64().unwrap() > 0.0);
}

#[test]
fn words_with_virama_and_nukta_are_searchable_whole() {
    let home = Home::new();
    // उन्नाव has a virama; a tokenizer that splits at it would match "उन" or "नाव" instead.
    let v = home.json(&["search", "उन्नाव", "--json"]);
    assert_eq!(hit_ids(&v)[0], "alok-ranjan");
    // क्रॉस वोटिंग (with a nukta-like candra o) is in the election's Hindi summary.
    let v = home.json(&["search", "क्रॉस वोटिंग", "--json", "--kind", "election"]);
    assert_eq!(hit_ids(&v), vec!["rajya-sabha-2024-uttar-pradesh"]);
}

#[test]
fn party_answers_to_its_abbreviations() {
    let home = Home::new();
    for q in ["SP", "सपा", "Samajwadi Party"] {
        let v = home.json(&["search", q, "--json", "--kind", "organization"]);
        assert_eq!(hit_ids(&v)[0], "samajwadi-party", "query {q}");
    }
    let v = home.json(&["search", "भाजपा", "--json", "--kind", "organization"]);
    assert_eq!(hit_ids(&v)[0], "bharatiya-janata-party");
}

#[test]
fn kind_filter_and_limit_are_respected() {
    let home = Home::new();
    let v = home.json(&[
        "search",
        "Uttar Pradesh",
        "--json",
        "--kind",
        "office",
        "--limit",
        "2",
    ]);
    let ids = hit_ids(&v);
    assert_eq!(ids.len(), 2);
    assert!(v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["kind"] == "office"));
}

#[test]
fn nothing_found_exits_one() {
    let home = Home::new();
    let (code, out, err) = home.run(&["search", "zzyzx"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("nothing found"), "{err}");
}

#[test]
fn hostile_queries_never_crash() {
    let home = Home::new();
    home.ok(&["stats"]);
    let long = "alok ".repeat(20_000);
    for q in [
        "Ranjan's",
        "IAS (1978",
        "\"unbalanced",
        "name:alok",
        "\u{094D}",
        "\u{200D}\u{200C}",
        "*",
        long.as_str(),
    ] {
        let (code, _, err) = home.run(&["search", q]);
        assert!(
            code == 0 || code == 1 || code == 2,
            "query {q:?} gave {code}: {err}"
        );
        assert!(!err.contains("panicked"), "query {q:?} panicked: {err}");
    }
    // 100,000 Devanagari characters are too long for an argument: `-` reads stdin.
    let out = home
        .cmd()
        .args(["search", "-", "--json"])
        .write_stdin("आलोक ".repeat(20_000))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hit_ids(&v)[0], "alok-ranjan");
    let (code, _, err) = home.run(&["search", "!!!"]);
    assert_eq!(code, 2);
    assert!(err.contains("no searchable words"), "{err}");
}

#[test]
fn search_answers_without_opening_the_store() {
    let home = Home::new();
    home.ok(&["stats"]);
    // Hold the store's lock the way another netakosh process would: make the store
    // unreadable. A search that opened sled would fail; one from the index answers.
    let store = home.path().join("store");
    let moved = home.path().join("store-away");
    std::fs::rename(&store, &moved).unwrap();
    std::fs::create_dir(&store).unwrap();
    std::fs::copy(
        moved.join("netakosh-generation"),
        store.join("netakosh-generation"),
    )
    .unwrap();
    let v = home.json(&["search", "Jaya Bachchan", "--json"]);
    assert_eq!(hit_ids(&v)[0], "jaya-bachchan");
    assert!(
        !store.join("db").exists(),
        "search must not have created a store"
    );
}
