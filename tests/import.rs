//! `netakosh import`: all-or-nothing, every problem reported, idempotent, history kept.

mod common;
use common::{hit_ids, Home};

const MINIMAL: &str = r#"{"type":"person","id":"x","name":{"hi":"…"}}"#;

#[test]
fn the_minimal_person_imports() {
    let home = Home::new();
    let f = home.write("min.jsonl", MINIMAL);
    let out = home.ok(&["import", f.to_str().unwrap()]);
    assert!(out.contains("added 1 (person 1)"), "{out}");
    let v = home.json(&["show", "x", "--json"]);
    assert_eq!(v["record"]["name"]["hi"], "…");
}

#[test]
fn new_records_are_searchable_in_both_scripts_and_linked_to_the_seed() {
    let home = Home::new();
    let f = home.write(
        "new.jsonl",
        concat!(
            r#"{"type":"person","id":"mayawati","name":{"en":"Mayawati","hi":"मायावती"},"summary":{"hi":"बहुजन समाज पार्टी की अध्यक्ष"}}"#,
            "\n",
            r#"{"type":"tenure","person":"mayawati","office":"chief-minister-uttar-pradesh","start":"2007-05-13","end":"2012-03-15"}"#,
            "\n"
        ),
    );
    home.ok(&["import", f.to_str().unwrap()]);
    assert_eq!(
        hit_ids(&home.json(&["search", "मायावती", "--json"]))[0],
        "mayawati"
    );
    assert_eq!(
        hit_ids(&home.json(&["search", "Mayawati", "--json"]))[0],
        "mayawati"
    );
    // The office's document now quotes its new holder.
    let v = home.json(&["search", "Mayawati", "--json", "--kind", "office"]);
    assert_eq!(hit_ids(&v), vec!["chief-minister-uttar-pradesh"]);
    let p = home.json(&["show", "mayawati", "--json"]);
    assert_eq!(p["tenures"][0]["status"], "former");
    assert_eq!(
        p["tenures"][0]["tenure"]["id"],
        "mayawati--chief-minister-uttar-pradesh--2007-05-13"
    );
}

#[test]
fn a_bad_record_writes_nothing_and_every_problem_is_named() {
    let home = Home::new();
    home.ok(&["stats"]);
    let before = home.store_snapshot();
    let good = home.write(
        "good.jsonl",
        r#"{"type":"person","id":"good","name":{"en":"Good"}}"#,
    );
    let bad = home.write(
        "bad.jsonl",
        concat!(
            r#"{"type":"person","id":"ok-one","name":{"en":"Fine"}}"#,
            "\n",
            r#"{"type":"person","id":"p2","name":{"en":"X"},"birth_date":"2014-13-45"}"#,
            "\n",
            r#"{"type":"candidacy","person":"alok-ranjan","election":"rajya-sabha-2024-uttar-pradesh","votes":-5}"#,
            "\n",
            r#"{"type":"tenure","person":"ghost","office":"chief-secretary-uttar-pradesh"}"#,
            "\n",
            "{not json\n",
            r#"{"type":"person","id":"p3","name":{"en":"Y"},"nickname":"z"}"#,
            "\n"
        ),
    );
    let (code, out, err) = home.run(&["import", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    let bad_name = bad.display().to_string();
    for expected in [
        format!("{bad_name}:2: birth_date:"),
        format!("{bad_name}:3: votes:"),
        format!("{bad_name}:5: not valid JSON"),
        format!("{bad_name}:6: nickname: unknown field `nickname`"),
        format!("{bad_name}:4: person: refers to `ghost`"),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in:\n{err}");
    }
    assert!(err.contains("2014-13-45"), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(
        home.store_snapshot(),
        before,
        "the store must be byte-for-byte unchanged"
    );
    let (code, _, _) = home.run(&["show", "good"]);
    assert_eq!(
        code, 2,
        "the good file of a failed import is not applied either"
    );
}

#[test]
fn reference_problems_are_reported_after_parsing() {
    let home = Home::new();
    let f = home.write(
        "refs.jsonl",
        r#"{"type":"tenure","person":"ghost","office":"samajwadi-party"}"#,
    );
    let (code, _, err) = home.run(&["import", f.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains(":1: person: refers to `ghost`"), "{err}");
    assert!(
        err.contains(
            ":1: office: refers to `samajwadi-party`, which is an organization, not an office"
        ),
        "{err}"
    );
}

#[test]
fn reimporting_changes_nothing_and_dry_run_writes_nothing() {
    let home = Home::new();
    let f = home.write("p.jsonl", r#"{"type":"person","id":"p","name":{"en":"P"}}"#);
    let path = f.to_str().unwrap();
    let dry = home.ok(&["import", "--dry-run", path]);
    assert!(
        dry.contains("would add 1") && dry.contains("nothing was written"),
        "{dry}"
    );
    let (code, _, _) = home.run(&["show", "p"]);
    assert_eq!(code, 2, "a dry run must not import");
    home.ok(&["import", path]);
    let before = home.store_snapshot();
    let again = home.json(&["import", path, "--json"]);
    assert_eq!(again["report"]["unchanged"]["person"], 1);
    assert!(again["report"]["generation"].is_null());
    assert_eq!(home.store_snapshot(), before);
}

#[test]
fn an_overwritten_record_keeps_its_earlier_version() {
    let home = Home::new();
    let v1 = home.write(
        "v1.jsonl",
        r#"{"type":"person","id":"p","name":{"en":"Ram Lal"}}"#,
    );
    let v2 = home.write(
        "v2.jsonl",
        r#"{"type":"person","id":"p","name":{"en":"Ram Lal","hi":"राम लाल"}}"#,
    );
    home.ok(&["import", v1.to_str().unwrap()]);
    let out = home.ok(&["import", v2.to_str().unwrap()]);
    assert!(out.contains("updated 1 (person 1)"), "{out}");
    let store = netakosh::store::Store::open(&home.path().join("store")).unwrap();
    let history = store.history("p").unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].record.name().get("en"), Some("Ram Lal"));
    assert_eq!(history[0].record.name().get("hi"), None);
    assert!(history[0].replaced_by.contains("v2.jsonl"));
}

#[test]
fn a_json_array_imports_like_json_lines() {
    let home = Home::new();
    let f = home.write(
        "a.json",
        "[\n {\"type\":\"person\",\"id\":\"a\",\"name\":{\"en\":\"A\"}},\n {\"type\":\"person\",\"id\":\"b\",\"name\":{}}\n]\n",
    );
    let (code, _, err) = home.run(&["import", f.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("a.json:3: name:"), "{err}");
}

#[test]
fn recursive_import_takes_every_recognised_file_under_a_directory() {
    let home = Home::new();
    let dir = home.path().join("data");
    std::fs::create_dir_all(dir.join("more")).unwrap();
    std::fs::write(
        dir.join("a.jsonl"),
        r#"{"type":"person","id":"a","name":{"en":"A"}}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("more/b.json"),
        r#"[{"type":"person","id":"b","name":{"en":"B"}}]"#,
    )
    .unwrap();
    std::fs::write(dir.join("README.md"), "# not data\n").unwrap();
    let d = dir.to_str().unwrap();
    let (code, _, err) = home.run(&["import", d]);
    assert_eq!(code, 2, "a directory without -r is refused");
    assert!(err.contains("is a directory"), "{err}");
    let (code, out, err) = home.run(&["import", "-r", d]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("added 2 (person 2)"), "{out}");
    assert!(
        err.contains("skipping") && err.contains("README.md"),
        "{err}"
    );
}
