//! Search trusts the strictest kind of match first: the word in its own script, then the
//! same word in the other script, then a spelling variant, then a typo (issue 14).
//! The people are real names from Lok Dhaba, ADR and the Popolo file, with the
//! namesakes-by-consonants that a loose key alone confused with them.

mod common;
use common::{fixture, hit_ids, Home};

fn home() -> Home {
    let home = Home::new();
    let file = fixture("hindi-search/people.jsonl");
    home.ok(&["import", file.to_str().unwrap(), "--no-resolve"]);
    home
}

fn people(home: &Home, query: &str, limit: &str) -> Vec<String> {
    let v = home.json(&[
        "search", query, "--kind", "person", "--limit", limit, "--json",
    ]);
    hit_ids(&v)
}

const MODIS: [&str; 5] = [
    "narendra-modi",
    "sushil-kumar-modi",
    "hemant-modi",
    "rekha-modi",
    "shamim-modi",
];

#[test]
fn a_short_hindi_surname_finds_its_namesakes_before_mere_consonant_matches() {
    let home = home();
    let ids = people(&home, "मोदी", "20");
    // Every Modi, and before anyone else.
    let (modis, rest) = ids.split_at(MODIS.len().min(ids.len()));
    let mut modis = modis.to_vec();
    modis.sort();
    let mut want = MODIS.map(str::to_string).to_vec();
    want.sort();
    assert_eq!(modis, want, "{ids:?}");
    // The Devanagari मोदी (exact script) before the Latin Modi (cross-script).
    let mut first_two = ids[..2].to_vec();
    first_two.sort();
    assert_eq!(first_two, ["narendra-modi", "sushil-kumar-modi"], "{ids:?}");
    // Madhu, Mada, Madho and Md. share only the consonants: at most ranked below.
    for other in rest {
        assert!(!other.contains("modi"), "{ids:?}");
    }
    // A page of five holds only Modis.
    let five = people(&home, "मोदी", "5");
    assert!(five.iter().all(|id| id.contains("modi")), "{five:?}");
}

#[test]
fn the_latin_surname_ranks_the_same_way() {
    let home = home();
    let ids = people(&home, "Modi", "20");
    let first: Vec<&str> = ids.iter().take(5).map(String::as_str).collect();
    assert!(first.iter().all(|id| MODIS.contains(id)), "{ids:?}");
    // Exact Latin first, then the same word in Devanagari.
    let mut latin: Vec<&str> = first[..3].to_vec();
    latin.sort();
    assert_eq!(
        latin,
        ["hemant-modi", "rekha-modi", "shamim-modi"],
        "{ids:?}"
    );
}

#[test]
fn scindia_and_mulayam_keep_their_consonant_lookalikes_below() {
    let home = home();
    let ids = people(&home, "सिंधिया", "10");
    let mut first = ids[..2].to_vec();
    first.sort();
    assert_eq!(
        first,
        ["jyotiraditya-scindia", "vasundhara-raje"],
        "{ids:?}"
    );
    let ids = people(&home, "मुलायम", "10");
    assert_eq!(ids[0], "mulayam-singh-yadav", "{ids:?}");
    let ids = people(&home, "मुलायम", "1");
    assert_eq!(ids, ["mulayam-singh-yadav"]);
}

#[test]
fn flapped_d_and_marathi_vh_meet_their_latin_spellings() {
    let home = home();
    assert_eq!(people(&home, "खड़गे", "3")[0], "mallikarjun-kharge");
    assert_eq!(people(&home, "Bidhuri", "3")[0], "ramesh-bidhuri");
    assert_eq!(people(&home, "चव्हाण", "3")[0], "ashok-chavan");
}

#[test]
fn a_typo_still_finds_the_name_when_nothing_stricter_does() {
    let home = home();
    // Mulayan: neither the word nor its sound (m-l-y-n) is in the data; one edit from Mulayam.
    let ids = people(&home, "Mulayan", "3");
    assert_eq!(ids.first().map(String::as_str), Some("mulayam-singh-yadav"));
    // The page says how many documents match in all, counting the loosest kind.
    let (code, out, err) = home.run(&["search", "मोदी", "--kind", "person", "--limit", "2"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("showing 2 of"), "{out}");
}
