//! `import` of Popolo JSON: a slice of EveryPolitician's 16th Lok Sabha, then the
//! whole file.

mod common;
use common::{
    assert_reimport_changes_nothing, counts, fixture, hit_ids, import_report, kinds, shared_file,
    Home,
};

const SLICE: &str = "popolo/lok-sabha-16-slice.json";

#[test]
fn the_slice_imports_as_counted_by_hand() {
    let home = Home::new();
    let file = fixture(SLICE);
    let (code, _, err) = home.run(&["import", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("as popolo"), "{err}");
    let home = Home::new();
    let report = import_report(&home, &[&file]);
    // 25 persons, 25 memberships (one each): 25 party memberships and 25 tenures.
    // 11 organizations: the legislature and 10 parties, of which BJP and SP are in
    // the seed: 9 new. One office, `member-lok-sabha`.
    assert_eq!(
        counts(&report, "added"),
        kinds(&[
            ("source", 1),
            ("organization", 9),
            ("office", 1),
            ("person", 25),
            ("tenure", 25),
            ("membership", 25),
        ])
    );
}

#[test]
fn members_have_names_in_both_scripts_and_a_dated_seat() {
    let home = Home::new();
    import_report(&home, &[&fixture(SLICE)]);

    let patil = home.json(&["show", "ep-4143-shivaji-adhalrao-patil", "--json"]);
    let r = &patil["record"];
    assert_eq!(r["name"]["en"], "Shivaji Adhalrao Patil");
    assert_eq!(r["name"]["hi"], "अधलराव शिवाजी दत्तात्रेय");
    assert_eq!(r["name"]["mr"], "शिवाजी अढळराव पाटील");
    let aliases = r["aliases"].as_array().unwrap();
    assert!(aliases.contains(&"Adhalrao Patil, Shri Shivaji".into()));
    assert!(aliases.contains(&"Shivajirao Adhalarao Patil".into()));
    assert_eq!(r["birth_date"], "1956-05-08");
    assert_eq!(r["identifiers"]["wikidata"], "Q13121505");
    let t = &patil["tenures"][0];
    assert_eq!(t["name"]["hi"], "लोकसभा सदस्य");
    assert_eq!(t["tenure"]["start"], "2014-05-26");
    assert_eq!(t["tenure"]["end"], "2019-05");
    assert_eq!(t["status"], "former");
    assert!(t["tenure"]["note"]["en"]
        .as_str()
        .unwrap()
        .starts_with("Shirur constituency"));
    assert_eq!(
        patil["memberships"][0]["membership"]["organization"],
        "shiv-sena"
    );

    let sona = home.json(&["show", "ep-89-sona-ram-choudhary", "--json"]);
    assert_eq!(sona["record"]["name"]["en"], "Sona Ram Choudhary");
    let uma = home.json(&["show", "ep-496-uma-bharati", "--json"]);
    assert_eq!(
        uma["record"]["name"]["en"], "Uma Bharati",
        "from `Sushree, Uma Bharati`"
    );
    let rahul = home.json(&["show", "ep-4074-rahul-gandhi", "--json"]);
    assert_eq!(rahul["record"]["name"]["hi"], "राहुल गाँधी");
    let jyoti = home.json(&["show", "ep-4622-sadhvi-niranjan-jyoti", "--json"]);
    assert_eq!(
        jyoti["record"]["birth_date"], "1967",
        "a year-only birth date"
    );
    let ind = home.json(&["show", "ep-4686-joice-george", "--json"]);
    assert_eq!(
        ind["memberships"][0]["membership"]["organization"],
        "independent"
    );

    // Found from Hindi, and from the Hindi spelling variant गांधी/गाँधी.
    let v = home.json(&["search", "राहुल गांधी", "--kind", "person", "--json"]);
    assert_eq!(hit_ids(&v)[0], "ep-4074-rahul-gandhi");
    let lok_sabha = home.json(&["show", "lok-sabha", "--json"]);
    assert_eq!(lok_sabha["record"]["identifiers"]["wikidata"], "Q230003");
    assert_eq!(lok_sabha["record"]["classification"], "legislature");
}

#[test]
fn reimport_changes_nothing_and_the_export_round_trips() {
    assert_reimport_changes_nothing(
        |home| import_report(home, &[&fixture(SLICE)]),
        &[("person", 25), ("tenure", 25), ("membership", 25)],
        "",
    );
}

#[test]
fn a_bad_person_names_its_line_and_field() {
    let home = Home::new();
    let text = std::fs::read_to_string(fixture(SLICE)).unwrap();
    let file = home.write(
        "ls.json",
        &text.replacen("\"1956-05-08\"", "\"1956-05-32\"", 1),
    );
    let (code, _, err) = home.run(&["import", "--format", "popolo", file.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    // The first person object opens on line 4 of the slice.
    assert!(err.contains("ls.json:4: birth_date: `1956-05-32`"), "{err}");
}

#[test]
fn the_whole_file_imports_every_member() {
    let Some(file) = shared_file("popolo-lok-sabha-16/ep-popolo-v1.0.json") else {
        return;
    };
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let persons = doc["persons"].as_array().unwrap().len();
    let memberships = doc["memberships"].as_array().unwrap().len();
    assert_eq!(persons, 541, "the file as the data README describes it");
    let home = Home::new();
    let report = import_report(&home, &[&file]);
    assert_eq!(report["added"]["person"], persons as u64, "{report}");
    assert_eq!(report["added"]["tenure"], memberships as u64, "{report}");
    let hindi = doc["persons"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| {
            p["other_names"]
                .as_array()
                .is_some_and(|n| n.iter().any(|n| n["lang"] == "hi"))
        })
        .count();
    // Every person with a Hindi label has a Hindi name: count them in the export.
    let export = home.ok(&["export"]);
    let with_hindi = export
        .lines()
        .filter(|l| l.contains("\"id\":\"ep-") && l.contains("\"type\":\"person\""))
        .filter(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["name"]["hi"].is_string()
        })
        .count();
    assert_eq!(with_hindi, hindi);
}
