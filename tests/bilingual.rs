//! Bilingual search: cross-script names, spelling variants, typos, mixed queries,
//! filters and snippets, on the seed data and on records named in one script only.

mod common;
use common::{hit_ids, Home};

/// A home with the seed plus people named in one script only.
fn home_with_single_script_people() -> Home {
    let home = Home::new();
    let f = home.write(
        "people.jsonl",
        concat!(
            r#"{"type":"person","id":"hi-only","name":{"hi":"आलोक रंजन"}}"#,
            "\n",
            r#"{"type":"person","id":"en-only","name":{"en":"Alok Ranjan"}}"#,
            "\n",
            r#"{"type":"person","id":"mayawati","name":{"hi":"मायावती"}}"#,
            "\n",
            r#"{"type":"person","id":"laxmi","name":{"hi":"लक्ष्मी कांत"}}"#,
            "\n",
            r#"{"type":"person","id":"gandhi","name":{"hi":"राहुल गाँधी"}}"#,
            "\n",
            r#"{"type":"person","id":"narendra","name":{"hi":"नरेन्द्र मोदी"}}"#,
            "\n"
        ),
    );
    home.ok(&["import", "--no-resolve", f.to_str().unwrap()]);
    home
}

fn ids(home: &Home, query: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["search", query, "--json", "--limit", "20"];
    args.extend_from_slice(extra);
    let (code, out, err) = home.run(&args);
    assert!(code == 0 || code == 1, "`{query}` failed: {err}");
    hit_ids(&serde_json::from_str(&out).unwrap())
}

fn rank(ids: &[String], id: &str) -> usize {
    ids.iter()
        .position(|x| x == id)
        .unwrap_or_else(|| panic!("{id} not found in {ids:?}"))
}

#[test]
fn exact_script_ranks_above_cross_script() {
    let home = home_with_single_script_people();
    let latin = ids(&home, "Alok Ranjan", &["--kind", "person"]);
    assert!(
        rank(&latin, "en-only") < rank(&latin, "hi-only"),
        "{latin:?}"
    );
    let deva = ids(&home, "आलोक रंजन", &["--kind", "person"]);
    assert!(rank(&deva, "hi-only") < rank(&deva, "en-only"), "{deva:?}");
}

#[test]
fn names_are_found_in_the_other_script_with_real_spellings() {
    let home = home_with_single_script_people();
    for (query, id) in [
        ("Aalok Ranjan", "hi-only"),
        ("Mayawati", "mayawati"),
        ("Laxmi Kant", "laxmi"),
        ("Lakshmi", "laxmi"),
        ("Rahul Gandhi", "gandhi"),
        ("Narendra Modi", "narendra"),
        ("Yaadav", "akhilesh-yadav"),
        ("Bachan", "jaya-bachchan"),
        ("Ramjilal", "ramji-lal-suman"),
        ("Ramji Lal", "ramji-lal-suman"),
    ] {
        let found = ids(&home, query, &["--kind", "person"]);
        assert!(
            found.contains(&id.to_string()),
            "`{query}` should find {id}: {found:?}"
        );
        assert!(
            rank(&found, id) < 3,
            "`{query}` should rank {id} near the top: {found:?}"
        );
    }
    // And the reverse: Devanagari typed for a Latin-only record.
    let found = ids(&home, "आलोक रंजन", &["--kind", "person"]);
    assert!(found.contains(&"en-only".to_string()), "{found:?}");
}

#[test]
fn hindi_spelling_variants_meet() {
    let home = home_with_single_script_people();
    for (query, id) in [
        ("राहुल गांधी", "gandhi"),
        ("नरेंद्र मोदी", "narendra"),
        ("रामजी लाल सुमन", "ramji-lal-suman"),
        ("रामजीलाल", "ramji-lal-suman"),
    ] {
        let found = ids(&home, query, &["--kind", "person"]);
        assert_eq!(
            found.first().map(String::as_str),
            Some(id),
            "`{query}`: {found:?}"
        );
    }
    // अलोक is a common misspelling of आलोक; both people named आलोक रंजन come first.
    let found = ids(&home, "अलोक रंजन", &["--kind", "person"]);
    let mut first_two = found[..2].to_vec();
    first_two.sort();
    assert_eq!(first_two, vec!["alok-ranjan", "hi-only"], "{found:?}");
}

#[test]
fn small_typos_are_forgiven() {
    let home = Home::new();
    for (query, id) in [
        ("Alok Ranjn", "alok-ranjan"),
        ("Akhilesh Yadva", "akhilesh-yadav"),
        ("Samajwadee Party", "samajwadi-party"),
        ("Jaya Bacchan", "jaya-bachchan"),
    ] {
        let found = ids(&home, query, &[]);
        assert_eq!(
            found.first().map(String::as_str),
            Some(id),
            "`{query}`: {found:?}"
        );
    }
}

#[test]
fn mixed_script_and_descriptive_queries() {
    let home = Home::new();
    for (query, id) in [
        ("Alok Ranjan मुख्य सचिव", "alok-ranjan"),
        ("1978 batch IAS", "alok-ranjan"),
        ("1978 बैच के आईएएस", "alok-ranjan"),
        ("पूर्व मुख्य सचिव", "alok-ranjan"),
        (
            "Rajya Sabha 2024 Uttar Pradesh",
            "rajya-sabha-2024-uttar-pradesh",
        ),
        ("राज्यसभा चुनाव 2024", "rajya-sabha-2024-uttar-pradesh"),
        ("राज्य सभा चुनाव", "rajya-sabha-2024-uttar-pradesh"),
        ("उन्नाव", "alok-ranjan"),
    ] {
        let found = ids(&home, query, &[]);
        assert_eq!(
            found.first().map(String::as_str),
            Some(id),
            "`{query}`: {found:?}"
        );
    }
    // The election's text says what happened.
    for q in ["cross-voting", "क्रॉस वोटिंग"] {
        let found = ids(&home, q, &["--kind", "election"]);
        assert_eq!(found, vec!["rajya-sabha-2024-uttar-pradesh"], "`{q}`");
    }
    let found = ids(&home, "former chief secretary", &["--kind", "person"]);
    assert_eq!(found.first().map(String::as_str), Some("alok-ranjan"));
}

#[test]
fn the_reports_own_misspellings_still_find_it() {
    let home = Home::new();
    // प्रत्यशाी and पाप्टी are misspelt in the report itself.
    for q in ["प्रत्यशाी", "समाजवादी पाप्टी"] {
        let found = ids(&home, q, &["--kind", "source"]);
        assert_eq!(found, vec!["src-article-rajya-sabha-2024-up"], "`{q}`");
    }
}

#[test]
fn filters_by_party_state_year_and_kind() {
    let home = Home::new();
    for party in ["SP", "सपा", "samajwadi-party", "Samajwadi Party"] {
        let mut found = ids(&home, "", &["--party", party, "--kind", "person"]);
        found.sort();
        assert_eq!(
            found,
            vec![
                "akhilesh-yadav",
                "alok-ranjan",
                "jaya-bachchan",
                "ramji-lal-suman"
            ],
            "--party {party}"
        );
    }
    assert_eq!(
        ids(&home, "", &["--party", "BJP", "--kind", "person"]),
        vec!["sanjay-seth"]
    );
    let in_2015 = ids(&home, "", &["--year", "2015", "--kind", "person"]);
    let mut in_2015_sorted = in_2015.clone();
    in_2015_sorted.sort();
    assert_eq!(
        in_2015_sorted,
        vec!["akhilesh-yadav", "alok-ranjan"],
        "in office in 2015"
    );
    let up = ids(&home, "Alok", &["--state", "उत्तर प्रदेश"]);
    assert_eq!(up.first().map(String::as_str), Some("alok-ranjan"));
    let (code, _, _) = home.run(&["search", "Alok", "--state", "Kerala"]);
    assert_eq!(code, 1, "no Alok in Kerala");
}

#[test]
fn json_hits_carry_a_highlighted_snippet() {
    let home = Home::new();
    let v = home.json(&["search", "पूर्व मुख्य सचिव", "--json"]);
    let hit = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == "alok-ranjan")
        .unwrap();
    let text = hit["snippet"]["text"].as_str().unwrap();
    let highlights = hit["snippet"]["highlights"].as_array().unwrap();
    assert!(!highlights.is_empty());
    let words: Vec<&str> = highlights
        .iter()
        .map(|r| &text[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize])
        .collect();
    assert!(words.contains(&"सचिव"), "{words:?} in {text}");
    assert!(
        words.iter().all(|w| ["पूर्व", "मुख्य", "सचिव"].contains(w)),
        "{words:?}"
    );
}

#[test]
fn analyze_shows_whole_hindi_words() {
    let home = Home::new();
    let v = home.json(&[
        "analyze",
        "--json",
        "--field",
        "text",
        "प्रत्याशी उन्नाव समाजवादी पार्टी",
    ]);
    let tokens: Vec<&str> = v["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["source"].as_str().unwrap())
        .collect();
    assert_eq!(tokens, vec!["प्रत्याशी", "उन्नाव", "समाजवादी", "पार्टी"]);
    let v = home.json(&["analyze", "--json", "--field", "name", "गाँधी"]);
    let gandhi = v["tokens"][0]["token"].as_str().unwrap().to_string();
    let v = home.json(&["analyze", "--json", "--field", "name", "गांधी"]);
    assert_eq!(v["tokens"][0]["token"].as_str().unwrap(), gandhi);
    let v = home.json(&["analyze", "--json", "--field", "phonetic", "Bachchan"]);
    let latin = v["tokens"][0]["token"].as_str().unwrap().to_string();
    let v = home.json(&["analyze", "--json", "--field", "phonetic", "बच्चन"]);
    assert_eq!(v["tokens"][0]["token"].as_str().unwrap(), latin);
}
