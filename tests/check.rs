//! `netakosh check`: each broken invariant is one line and exit code 4; `--repair`
//! mends the derived trees and the index from the records, never deletes a record,
//! and leaves what only a person can decide.

mod common;
use common::Home;
use netakosh::model::Kind;
use netakosh::store::encode_value;

const TENURE: &str = "alok-ranjan--chief-secretary-uttar-pradesh--2014-06";

/// The JSON body of a stored record (after its kind, encoding and generation).
fn body(value: &[u8]) -> &[u8] {
    &value[value.iter().position(|&b| b == b'{').unwrap()..]
}

fn key(owner: &str, fact: &str) -> Vec<u8> {
    [owner.as_bytes(), b"\0", fact.as_bytes()].concat()
}

/// Breaks the store behind netakosh's back, as a bug or a bad disk could.
fn corrupt_store(home: &Home) {
    let db = sled::open(home.path().join("store")).unwrap();
    let tree = |n: &str| db.open_tree(n).unwrap();
    // A secondary-index entry lost, and one that no fact names.
    tree("tenure_by_person")
        .remove(key("alok-ranjan", TENURE))
        .unwrap();
    tree("tenure_by_person")
        .insert(key("sanjay-seth", TENURE), &[])
        .unwrap();
    let records = tree("records");
    // A record whose header names the wrong kind (the body is the truth).
    let akhilesh = records.get("akhilesh-yadav").unwrap().unwrap();
    records
        .insert(
            "akhilesh-yadav",
            encode_value(Kind::Office, 1, body(&akhilesh)),
        )
        .unwrap();
    // A fact pointing at a person who is not there (cannot be mended).
    let dangling =
        r#"{"type":"tenure","id":"t-ghost","person":"ghost-person","office":"member-rajya-sabha"}"#;
    records
        .insert(
            "t-ghost",
            encode_value(Kind::Tenure, 1, dangling.as_bytes()),
        )
        .unwrap();
    tree("tenure_by_person")
        .insert(key("ghost-person", "t-ghost"), &[])
        .unwrap();
    tree("tenure_by_office")
        .insert(key("member-rajya-sabha", "t-ghost"), &[])
        .unwrap();
    // A birth place in no language (validation refuses it; here it got in anyway).
    let jaya = records.get("jaya-bachchan").unwrap().unwrap();
    let mut jaya: serde_json::Value = serde_json::from_slice(body(&jaya)).unwrap();
    jaya["birth_place"] = serde_json::json!({});
    records
        .insert(
            "jaya-bachchan",
            encode_value(Kind::Person, 1, &serde_json::to_vec(&jaya).unwrap()),
        )
        .unwrap();
    db.flush().unwrap();
}

/// Removes one document from the index, keeping its commit stamp, so the index
/// claims to be current but is not.
fn drop_index_document(home: &Home, id: &str) {
    let index = netakosh::index::SearchIndex::open(&home.path().join("index"))
        .unwrap()
        .unwrap();
    let payload = index.index.load_metas().unwrap().payload.unwrap();
    let mut writer: tantivy::IndexWriter =
        index.index.writer_with_num_threads(1, 15_000_000).unwrap();
    writer.delete_term(tantivy::Term::from_field_text(index.fields.id, id));
    let mut commit = writer.prepare_commit().unwrap();
    commit.set_payload(&payload);
    commit.commit().unwrap();
}

/// The ids of the stored records, read from sled (`export` refuses a corrupt store).
fn record_ids(home: &Home) -> Vec<String> {
    let db = sled::open(home.path().join("store")).unwrap();
    let records = db.open_tree("records").unwrap();
    let mut ids = Vec::new();
    for key in records.iter().keys() {
        ids.push(String::from_utf8(key.unwrap().to_vec()).unwrap());
    }
    ids
}

#[test]
fn a_sound_store_passes() {
    let home = Home::new();
    let out = home.ok(&["check"]);
    assert_eq!(
        out.trim(),
        "ok: 33 records at generation 1; every check passed"
    );
    let v = home.json(&["check", "--json"]);
    assert_eq!(v["ok"], true);
    assert_eq!(v["problems"], serde_json::json!([]));
}

#[test]
fn each_broken_invariant_is_reported_and_the_derived_ones_are_mended() {
    let home = Home::new();
    home.ok(&["stats"]);
    corrupt_store(&home);
    drop_index_document(&home, "sanjay-seth");

    let (code, out, err) = home.run(&["check"]);
    assert_eq!(code, 4, "{err}");
    let expected = [
        format!("link: tenure_by_person alok-ranjan → {TENURE}: missing: the fact names it but the index does not list it"),
        format!("link: tenure_by_person sanjay-seth → {TENURE}: stale: tenure `{TENURE}` does not name `sanjay-seth`"),
        "record: office akhilesh-yadav: stored as an office but holds a person".into(),
        "reference: tenure t-ghost: person: refers to missing `ghost-person`".into(),
        "record: person jaya-bachchan: birth_place: needs at least one language, e.g. {\"hi\": \"…\"} or {\"en\": \"…\"}".into(),
        "index: sanjay-seth: in the store but not in the index".into(),
        // Written behind netakosh's back, the store no longer matches its copy.
        "replica: office: holds 5 records of this kind; the store holds 6".into(),
        "replica: person: holds 5 records of this kind; the store holds 4".into(),
        "replica: tenure: holds 7 records of this kind; the store holds 8".into(),
    ];
    let lines: Vec<&str> = out.lines().collect();
    for e in &expected {
        assert!(lines.contains(&e.as_str()), "missing {e:?} in:\n{out}");
    }
    // One line per problem, then the summary.
    assert_eq!(lines.len(), expected.len() + 1, "{out}");
    assert_eq!(
        lines.last().unwrap(),
        &"9 problems found; 7 can be mended with `netakosh check --repair`"
    );
    let before = record_ids(&home);

    let (code, out, err) = home.run(&["check", "--repair"]);
    assert_eq!(code, 4, "what only a person can fix remains: {out}{err}");
    assert!(out.contains("mended 7 problems"), "{out}");
    assert!(
        out.contains("2 problems remain that only a person can fix:"),
        "{out}"
    );
    assert_eq!(record_ids(&home), before, "repair never deletes a record");
    let v = home.json_code(&["check", "--json"], 4);
    assert_eq!(v["ok"], false);
    let areas: Vec<&str> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["area"].as_str().unwrap())
        .collect();
    assert_eq!(areas, ["record", "reference"]);
    assert_eq!(v["problems"][0]["repairable"], false);
    // Sanjay Seth is searchable again: the index was rebuilt.
    let hits = common::hit_ids(&home.json(&["search", "संजय सेठ", "--json"]));
    assert_eq!(hits[0], "sanjay-seth");

    // The person fixes the rest with ordinary imports; then everything holds.
    let fix = home.write(
        "fix.jsonl",
        concat!(
            r#"{"type":"person","id":"ghost-person","name":{"en":"Ghost Person"}}"#,
            "\n",
            r#"{"type":"person","id":"jaya-bachchan","name":{"en":"Jaya Bachchan","hi":"जया बच्चन"}}"#,
            "\n"
        ),
    );
    home.ok(&["import", fix.to_str().unwrap()]);
    assert!(home.ok(&["check"]).contains("every check passed"));
}

#[test]
fn check_terminates_on_same_as_cycles() {
    let home = Home::new();
    let people = home.write(
        "people.jsonl",
        &["a", "b", "c", "x", "y"]
            .iter()
            .map(|id| format!(r#"{{"type":"person","id":"{id}","name":{{"en":"{id}"}}}}"#) + "\n")
            .collect::<String>(),
    );
    home.ok(&["import", people.to_str().unwrap()]);
    // Three people merged in a circle, and two merged both ways round.
    for (a, b) in [("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "x")] {
        home.ok(&["merge", a, b]);
    }
    let out = home.ok(&["check"]);
    assert!(out.contains("every check passed"), "{out}");
    let v = home.json(&["show", "b", "--json"]);
    let linked: Vec<&String> = v["same_as"].as_object().unwrap().keys().collect();
    assert_eq!(linked, ["a", "c"]);
}
