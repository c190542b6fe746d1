//! `netakosh export`: JSON Lines that re-import to the same store.

mod common;
use common::Home;

#[test]
fn export_reimports_into_a_fresh_home_losslessly() {
    let a = Home::new();
    let extra = a.write(
        "extra.jsonl",
        r#"{"type":"person","id":"mulayam-singh-yadav","name":{"en":"Mulayam Singh Yadav","hi":"मुलायम सिंह यादव"},"birth_date":"1939-11-22","services":[]}"#,
    );
    a.ok(&["import", extra.to_str().unwrap()]);
    let exported = a.ok(&["export"]);
    let lines: Vec<&str> = exported.lines().collect();
    assert_eq!(lines.len(), 34, "33 seed records and one more");
    for l in &lines {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(v["type"].is_string() && v["id"].is_string());
    }

    let b = Home::new();
    let file = b.write("all.jsonl", &exported);
    b.ok(&["--no-seed", "import", file.to_str().unwrap()]);
    assert_eq!(b.ok(&["export"]), exported);
}

#[test]
fn export_to_a_file() {
    let home = Home::new();
    let target = home.path().join("out.jsonl");
    let (code, _, err) = home.run(&["export", target.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.lines().any(|l| l.contains("\"id\":\"alok-ranjan\"")));
    assert!(
        text.lines().next().unwrap().contains("\"type\":\"source\""),
        "sources come first"
    );
}

#[test]
fn no_seed_home_starts_empty() {
    let home = Home::new();
    let v = home.json(&["--no-seed", "stats", "--json"]);
    assert_eq!(v["total"], 0);
    assert_eq!(home.ok(&["--no-seed", "export"]), "");
}

#[test]
fn popolo_export_has_people_posts_and_memberships() {
    let home = Home::new();
    let target = home.path().join("kb.popolo.json");
    home.ok(&["export", "--format", "popolo", target.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    let persons = v["persons"].as_array().unwrap();
    assert_eq!(persons.len(), 5, "the seed's five people");
    let alok = persons.iter().find(|p| p["id"] == "alok-ranjan").unwrap();
    assert_eq!(alok["name"], "Alok Ranjan");
    assert!(alok["other_names"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["lang"] == "hi" && n["name"] == "आलोक रंजन"));
    assert_eq!(
        alok["identifiers"][0],
        serde_json::json!({"scheme": "tcpd_ias", "identifier": "UP042600"})
    );
    let posts = v["posts"].as_array().unwrap();
    assert!(posts
        .iter()
        .any(|p| p["id"] == "chief-secretary-uttar-pradesh"
            && p["organization_id"] == "government-of-uttar-pradesh"));
    let memberships = v["memberships"].as_array().unwrap();
    assert_eq!(
        memberships.len(),
        7 + 5,
        "seven tenures and five party memberships"
    );
    let cs = memberships
        .iter()
        .find(|m| m["post_id"] == "chief-secretary-uttar-pradesh")
        .unwrap();
    assert_eq!(
        (
            cs["person_id"].as_str(),
            cs["start_date"].as_str(),
            cs["end_date"].as_str()
        ),
        (Some("alok-ranjan"), Some("2014-06"), Some("2016-06"))
    );
    assert_eq!(v["events"][0]["classification"], "election");
    assert_eq!(v["organizations"].as_array().unwrap().len(), 5);
}
