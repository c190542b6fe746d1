//! `netakosh show`: whole profiles, by id or by name in either script.

mod common;
use common::Home;

#[test]
fn alok_ranjan_profile_has_every_section() {
    let home = Home::new();
    let out = home.ok(&["show", "alok-ranjan"]);
    for expected in [
        "Alok Ranjan · आलोक रंजन",
        "IAS, batch 1978",
        "Unnao · उन्नाव",
        "2014-06 – 2016-06",
        "Chief Secretary of Uttar Pradesh · उत्तर प्रदेश के मुख्य सचिव  (former)",
        "Chief Advisor to the Chief Minister",
        "Samajwadi Party · समाजवादी पार्टी",
        "19 first-preference votes · lost",
        "[src-article-rajya-sabha-2024-up]",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
}

#[test]
fn show_by_name_in_either_script() {
    let home = Home::new();
    let by_hi = home.json(&["show", "आलोक रंजन", "--json"]);
    assert_eq!(by_hi["id"], "alok-ranjan");
    let by_en = home.json(&["show", "Jaya", "Bachchan", "--json"]);
    assert_eq!(by_en["id"], "jaya-bachchan");
    // Spacing variant of रामजीलाल via the alias.
    let v = home.json(&["show", "रामजी लाल सुमन", "--json"]);
    assert_eq!(v["id"], "ramji-lal-suman");
}

#[test]
fn hindi_query_gives_hindi_headings() {
    let home = Home::new();
    let out = home.ok(&["show", "आलोक रंजन"]);
    assert!(out.contains("पद") && out.contains("(पूर्व)"), "{out}");
    assert!(out.contains("हारे"), "{out}");
}

#[test]
fn json_profile_derives_current_and_former() {
    let home = Home::new();
    let v = home.json(&["show", "akhilesh-yadav", "--json"]);
    let tenures = v["tenures"].as_array().unwrap();
    let status_of = |office: &str| {
        tenures
            .iter()
            .find(|t| t["tenure"]["office"] == office)
            .map(|t| t["status"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(status_of("chief-minister-uttar-pradesh"), "former");
    // The seed's report is of 2024: what it says of today is not known from it.
    assert_eq!(status_of("national-president-samajwadi-party"), "as_of");
    assert_eq!(v["record"]["type"], "person");
}

#[test]
fn election_profile_lists_results_by_votes() {
    let home = Home::new();
    let v = home.json(&["show", "rajya-sabha-2024-uttar-pradesh", "--json"]);
    let cands = v["candidacies"].as_array().unwrap();
    assert_eq!(cands.len(), 4);
    assert_eq!(cands[0]["candidacy"]["person"], "sanjay-seth");
    assert_eq!(cands[0]["candidacy"]["votes"], 29);
    assert_eq!(cands[1]["candidacy"]["person"], "alok-ranjan");
    assert_eq!(cands[1]["candidacy"]["votes"], 19);
    assert_eq!(cands[0]["votes_unit"], "first-preference votes");
    assert_eq!(v["record"]["seats"], 10);
}

#[test]
fn unknown_id_is_a_user_error() {
    let home = Home::new();
    home.ok(&["stats"]);
    let (code, out, err) = home.run(&["show", "no-such-person-xyz"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert_eq!(err.trim().lines().count(), 1, "one-line error: {err}");
    assert!(err.contains("no record matches"), "{err}");
}

#[test]
fn a_tenure_that_ended_on_an_unknown_date_is_former() {
    let home = Home::new();
    let f = home.write(
        "t.jsonl",
        r#"{"type":"person","id":"retired-officer","name":{"en":"Retired Officer"}}
{"type":"tenure","person":"retired-officer","office":"chief-secretary-uttar-pradesh","start":"1990","ended":true}
{"type":"tenure","person":"retired-officer","office":"member-rajya-sabha","start":"2020"}
"#,
    );
    home.ok(&["import", f.to_str().unwrap()]);
    let v = home.json(&["show", "retired-officer", "--json"]);
    let status = |office: &str| {
        v["tenures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["tenure"]["office"] == office)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status("chief-secretary-uttar-pradesh"), "former");
    assert_eq!(status("member-rajya-sabha"), "current");
}
