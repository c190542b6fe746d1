use super::write::Journal;
use super::*;
use crate::model::Record;

fn rec(json: &str) -> Record {
    let mut r = Record::from_value(serde_json::from_str(json).unwrap()).unwrap();
    r.fill_derived_id();
    r
}

fn put(store: &Store, records: &[Record]) -> u64 {
    let changes: Vec<Change> = records
        .iter()
        .map(|r| Change {
            record: r.clone(),
            previous: store.get(r.id()).unwrap(),
        })
        .collect();
    store.apply(&changes, "test", false).unwrap()
}

#[test]
fn records_round_trip_and_generation_grows() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert!(store.is_empty());
    let p = rec(r#"{"type":"person","id":"alok-ranjan","name":{"hi":"आलोक रंजन"}}"#);
    assert_eq!(put(&store, std::slice::from_ref(&p)), 1);
    assert_eq!(store.get("alok-ranjan").unwrap(), Some(p));
    assert_eq!(store.kind_of("alok-ranjan").unwrap(), Some(Kind::Person));
    assert_eq!(store.count(Kind::Person), 1);
    assert_eq!(store.count(Kind::Tenure), 0);
    assert_eq!(store.get_kind(Kind::Office, "alok-ranjan").unwrap(), None);
    let w = store.written("alok-ranjan").unwrap().unwrap();
    assert_eq!(w.by, "test");
    assert_eq!(store.get("nobody").unwrap(), None);
}

#[test]
fn overwritten_records_keep_their_earlier_versions() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let v1 = rec(r#"{"type":"person","id":"x","name":{"hi":"आलोक रंजन"}}"#);
    let v2 = rec(r#"{"type":"person","id":"x","name":{"hi":"आलोक रंजन","en":"Alok Ranjan"}}"#);
    let v3 = rec(r#"{"type":"person","id":"x","name":{"en":"Alok Ranjan"}}"#);
    put(&store, std::slice::from_ref(&v1));
    put(&store, std::slice::from_ref(&v2));
    put(&store, std::slice::from_ref(&v3));
    let history = store.history("x").unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!((history[0].version, &history[0].record), (1, &v1));
    assert_eq!((history[1].version, &history[1].record), (2, &v2));
    assert_eq!(store.get("x").unwrap(), Some(v3));
}

#[test]
fn secondary_indexes_follow_a_moved_fact() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    put(
        &store,
        &[
            rec(r#"{"type":"person","id":"a","name":{"en":"A"}}"#),
            rec(r#"{"type":"person","id":"b","name":{"en":"B"}}"#),
            rec(r#"{"type":"office","id":"o","name":{"en":"O"}}"#),
            rec(r#"{"type":"tenure","id":"t","person":"a","office":"o"}"#),
        ],
    );
    assert_eq!(store.linked(Link::TenureByPerson, "a").unwrap(), vec!["t"]);
    assert_eq!(store.linked(Link::TenureByOffice, "o").unwrap(), vec!["t"]);
    put(
        &store,
        &[rec(
            r#"{"type":"tenure","id":"t","person":"b","office":"o"}"#,
        )],
    );
    assert!(store.linked(Link::TenureByPerson, "a").unwrap().is_empty());
    assert_eq!(store.linked(Link::TenureByPerson, "b").unwrap(), vec!["t"]);
}

#[test]
fn a_prefix_owner_does_not_see_a_longer_owners_facts() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    put(
        &store,
        &[
            rec(r#"{"type":"person","id":"ram","name":{"en":"Ram"}}"#),
            rec(r#"{"type":"person","id":"ram-2","name":{"en":"Ram"}}"#),
            rec(r#"{"type":"office","id":"o","name":{"en":"O"}}"#),
            rec(r#"{"type":"tenure","id":"t","person":"ram-2","office":"o"}"#),
        ],
    );
    assert!(store
        .linked(Link::TenureByPerson, "ram")
        .unwrap()
        .is_empty());
}

#[test]
fn an_unknown_schema_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store.meta.insert(META_SCHEMA, b"999").unwrap();
        store.db.flush().unwrap();
    }
    match Store::open(dir.path()) {
        Err(Error::SchemaVersion { found, .. }) => assert_eq!(found, "999"),
        other => panic!("expected a schema version error, got {:?}", other.err()),
    }
}

#[test]
fn a_second_open_in_another_process_is_refused_as_locked() {
    // sled's lock is a per-process flock, so a second handle in the same process
    // would succeed; the two-process case is tested in tests/errors.rs. Here: the
    // error mapping itself.
    let dir = tempfile::tempdir().unwrap();
    let _store = Store::open(dir.path()).unwrap();
    assert!(dir.path().join("db").exists());
}

/// Everything a store holds, tree by tree, for comparing two states.
fn dump(store: &Store) -> Vec<Vec<(Vec<u8>, Vec<u8>)>> {
    store
        .all_trees()
        .iter()
        .map(|t| {
            t.iter()
                .map(|kv| {
                    let (k, v) = kv.unwrap();
                    (k.to_vec(), v.to_vec())
                })
                .filter(|(k, _)| k.as_slice() != META_LAST_IMPORT)
                .collect()
        })
        .collect()
}

fn changes_for(store: &Store, records: &[Record]) -> Vec<Change> {
    records
        .iter()
        .map(|r| Change {
            record: r.clone(),
            previous: store.get(r.id()).unwrap(),
        })
        .collect()
}

/// A store with some records, and an import that adds facts and overwrites a person.
fn before_and_import(store: &Store) -> Vec<Record> {
    put(
        store,
        &[
            rec(r#"{"type":"person","id":"a","name":{"en":"A"}}"#),
            rec(r#"{"type":"office","id":"o","name":{"en":"O"}}"#),
            rec(r#"{"type":"tenure","id":"t0","person":"a","office":"o"}"#),
        ],
    );
    let mut import = vec![
        rec(r#"{"type":"person","id":"a","name":{"en":"A","hi":"ए"}}"#),
        rec(r#"{"type":"tenure","id":"t0","person":"b0","office":"o"}"#),
    ];
    for i in 0..7 {
        import.push(rec(&format!(
            r#"{{"type":"person","id":"b{i}","name":{{"en":"B {i}"}}}}"#
        )));
        import.push(rec(&format!(
            r#"{{"type":"tenure","id":"t{}","person":"b{i}","office":"o"}}"#,
            i + 1
        )));
    }
    import
}

#[test]
fn a_large_import_in_chunks_ends_as_one_transaction_would() {
    let (one, many) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (one, many) = (
        Store::open(one.path()).unwrap(),
        Store::open(many.path()).unwrap(),
    );
    let import = before_and_import(&one);
    before_and_import(&many);
    // Decisions land in the transaction, or with the last step of the chunks.
    let decisions = [
        Decision::new("b1", "a", Verdict::Same, "user", 1, "same person"),
        Decision::new("a", "b1", Verdict::NotSame, "user", 2, "not after all"),
    ];
    let g1 = one
        .apply_chunked(&changes_for(&one, &import), &decisions, "test", false, 1000)
        .unwrap();
    let g2 = many
        .apply_chunked(&changes_for(&many, &import), &decisions, "test", false, 3)
        .unwrap();
    assert_eq!(g1, g2);
    assert_eq!(dump(&one), dump(&many));
    let logged: Vec<Decision> = many.decisions().map(|d| d.unwrap().1).collect();
    assert_eq!(logged, decisions);
    assert_eq!(
        many.current_decision("b1", "a")
            .unwrap()
            .map(|(seq, d)| (seq, d.decision)),
        Some((2, Verdict::NotSame))
    );
    assert_eq!(many.meta.get(META_PENDING).unwrap(), None);
    assert_eq!(many.history("a").unwrap().len(), 1);
    assert_eq!(
        many.linked(Link::TenureByPerson, "b0").unwrap(),
        vec!["t0", "t1"]
    );
    assert!(many.linked(Link::TenureByPerson, "a").unwrap().is_empty());
}

#[test]
fn an_interrupted_large_import_is_rolled_back_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let before;
    {
        let store = Store::open(dir.path()).unwrap();
        let import = before_and_import(&store);
        before = dump(&store);
        // What apply_chunked does, stopped in its third chunk of three.
        let changes = changes_for(&store, &import);
        let versions: Vec<Option<u32>> = changes
            .iter()
            .map(|c| c.previous.as_ref().map(|_| 1))
            .collect();
        let previous: Vec<Option<u64>> = changes
            .iter()
            .map(|c| store.generation_of(c.record.id()).unwrap())
            .collect();
        let written: Vec<Option<Written>> = changes
            .iter()
            .map(|c| store.written(c.record.id()).unwrap())
            .collect();
        let stamp = Stamp {
            versions: &versions,
            written: &written,
            label: "import big.csv",
            now: 0,
            generation: 2,
        };
        // As apply_chunked writes it: only the overwritten records are listed.
        let journal = Journal::of("import big.csv", 2, &changes, &versions, &previous);
        store
            .meta
            .insert(META_PENDING, serde_json::to_vec(&journal).unwrap())
            .unwrap();
        let trees = store.all_trees();
        // Two chunks of six written whole; in the third, only the records.
        for (i, change) in changes.iter().enumerate() {
            let writes = store.writes(change, &stamp, i, &mut codec::Encoder::plain());
            let take = if i < 12 { writes.len() } else { 1 };
            for w in writes.into_iter().take(take) {
                w.apply(&trees).unwrap();
            }
        }
        assert!(store.get_kind(Kind::Tenure, "t7").unwrap().is_some());
        assert!(store.linked(Link::TenureByPerson, "b6").unwrap().is_empty());
        assert!(
            store.get("b3").unwrap().is_some(),
            "the chunks were written"
        );
        store.db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.rolled_back.as_deref(), Some("import big.csv"));
    let mut after = dump(&store);
    // The journal itself is gone too.
    assert_eq!(store.meta.get(META_PENDING).unwrap(), None);
    after.iter_mut().for_each(|t| t.sort());
    let mut before = before;
    before.iter_mut().for_each(|t| t.sort());
    assert_eq!(after, before);
    assert_eq!(store.get("b3").unwrap(), None);
    assert_eq!(store.linked(Link::TenureByPerson, "a").unwrap(), vec!["t0"]);
    assert!(store.history("a").unwrap().is_empty());
    drop(store);
    // Opening again finds nothing to undo.
    assert_eq!(Store::open(dir.path()).unwrap().rolled_back, None);
}

#[test]
fn a_large_import_trains_a_dictionary_that_outlives_the_process() {
    let dir = tempfile::tempdir().unwrap();
    let people: Vec<Record> = (0..codec::TRAIN_MIN + 500)
        .map(|i| {
            rec(&format!(
                r#"{{"type":"person","id":"p{i}","name":{{"en":"Akhilesh Yadav {i}","hi":"अखिलेश यादव {i}"}},"summary":{{"hi":"उत्तर प्रदेश के पूर्व मुख्यमंत्री"}}}}"#
            ))
        })
        .collect();
    {
        let store = Store::open(dir.path()).unwrap();
        put(
            &store,
            &[rec(r#"{"type":"person","id":"small","name":{"en":"S"}}"#)],
        );
        put(&store, &people);
        let value = store.records.get("p7").unwrap().unwrap();
        assert_eq!(header("p7", &value).unwrap().encoding, codec::ENCODING_ZSTD);
        let small = store.records.get("small").unwrap().unwrap();
        assert_eq!(
            header("small", &small).unwrap().encoding,
            codec::ENCODING_JSON
        );
        assert!(store.check().unwrap().is_empty());
    }
    let store = Store::open(dir.path()).unwrap();
    for p in &people {
        assert_eq!(store.get(p.id()).unwrap().as_ref(), Some(p));
    }
    assert_eq!(store.count(Kind::Person), people.len() + 1);
    assert!(store.check().unwrap().is_empty());
    // A second large import trains a second dictionary; both stay readable.
    let offices: Vec<Record> = (0..codec::TRAIN_MIN)
        .map(|i| {
            rec(&format!(
                r#"{{"type":"office","id":"o{i}","name":{{"en":"Member of the Legislative Assembly for seat {i}","hi":"विधान सभा सदस्य, सीट {i}"}}}}"#
            ))
        })
        .collect();
    put(&store, &offices);
    let second = store.records.get("o3").unwrap().unwrap();
    assert_eq!(header("o3", &second).unwrap().dictionary, 2);
    assert_eq!(store.dictionaries.len(), 2);
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.get("o3").unwrap().as_ref(), Some(&offices[3]));
    assert_eq!(store.get("p7").unwrap().as_ref(), Some(&people[7]));
}

#[test]
fn a_version_1_store_is_migrated_with_its_history_and_origins() {
    let dir = tempfile::tempdir().unwrap();
    {
        let db = sled::open(dir.path()).unwrap();
        let tree = |n: &str| db.open_tree(n).unwrap();
        tree("meta").insert(META_SCHEMA, b"1").unwrap();
        tree("meta").insert(META_GENERATION, b"2").unwrap();
        tree("person")
            .insert("a", &br#"{"type":"person","id":"a","name":{"en":"A"}}"#[..])
            .unwrap();
        tree("office")
            .insert("o", &br#"{"type":"office","id":"o","name":{"en":"O"}}"#[..])
            .unwrap();
        tree("ids").insert("a", "person").unwrap();
        tree("ids").insert("o", "office").unwrap();
        tree("written")
            .insert("a", &br#"{"at":1700000000,"by":"import a.jsonl"}"#[..])
            .unwrap();
        tree("tenure_by_person").insert(b"a\0t", b"").unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.count(Kind::Person), 1);
    assert_eq!(
        store.get("o").unwrap().map(|r| r.kind()),
        Some(Kind::Office)
    );
    let w = store.written("a").unwrap().unwrap();
    assert_eq!((w.at, w.by.as_str()), (1_700_000_000, "import a.jsonl"));
    assert_eq!(store.written("o").unwrap(), None);
    assert_eq!(store.generation().unwrap(), 2);
    let names = store.db.tree_names();
    assert!(!names.iter().any(|n| n == b"ids" || n == b"person"));
    drop(store);
    // Opening again finds a version 2 store.
    assert_eq!(Store::open(dir.path()).unwrap().count(Kind::Office), 1);
}

#[test]
fn a_version_2_store_with_an_interrupted_import_migrates_then_rolls_back() {
    let dir = tempfile::tempdir().unwrap();
    let q_linked = r#"{"type":"person","id":"q","name":{"en":"Q"},"same_as":["p"]}"#;
    {
        let db = sled::open(dir.path()).unwrap();
        let tree = |n: &str| db.open_tree(n).unwrap();
        tree("meta").insert(META_SCHEMA, b"2").unwrap();
        tree("meta").insert(META_GENERATION, b"1").unwrap();
        let records = tree("records");
        let p = r#"{"type":"person","id":"p","name":{"hi":"प"},"same_as":["q"]}"#;
        records
            .insert("p", encode_value(Kind::Person, 1, p.as_bytes()))
            .unwrap();
        // The interrupted import (generation 2) overwrote q, dropping its link.
        let q2 = r#"{"type":"person","id":"q","name":{"en":"Q2"}}"#;
        records
            .insert("q", encode_value(Kind::Person, 2, q2.as_bytes()))
            .unwrap();
        let entry = format!(
            r#"{{"version":1,"replaced_at":5,"replaced_by":"import big.csv","record":{q_linked}}}"#
        );
        tree("history")
            .insert(history_key("q", 1), entry.as_bytes())
            .unwrap();
        let journal = format!(
            r#"{{"label":"import big.csv","generation":2,"undo":[{{"kind":"person","id":"q","previous":{q_linked},"history_version":1,"previous_generation":1}}]}}"#
        );
        tree("meta")
            .insert(META_PENDING, journal.as_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.rolled_back.as_deref(), Some("import big.csv"));
    assert_eq!(
        store.get("q").unwrap(),
        Some(rec(r#"{"type":"person","id":"q","name":{"en":"Q"}}"#))
    );
    assert!(store.history("q").unwrap().is_empty());
    let (_, d) = store.current_decision("q", "p").unwrap().unwrap();
    assert_eq!(
        (d.a.as_str(), d.b.as_str(), d.decision, d.by.as_str()),
        ("p", "q", Verdict::Same, "migrated")
    );
    assert_eq!(store.decisions().count(), 1);
    assert!(store.check().unwrap().is_empty());
}

/// A seat lists its candidacies across elections; `check` notices a lost entry of
/// the seat index and `repair` puts it back from the records.
#[test]
fn a_seat_lists_its_candidacies_and_check_mends_its_index() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let seat = "lok-sabha-seat-uttar-pradesh-amethi";
    put(
        &store,
        &[
            rec(r#"{"type":"organization","id":"lok-sabha","name":{"en":"Lok Sabha"}}"#),
            rec(r#"{"type":"election","id":"lok-sabha-2019","name":{"en":"2019"}}"#),
            rec(r#"{"type":"election","id":"lok-sabha-2024","name":{"en":"2024"}}"#),
            rec(r#"{"type":"person","id":"smriti-irani","name":{"en":"Smriti Irani"}}"#),
            rec(&format!(
                r#"{{"type":"seat","id":"{seat}","name":{{"en":"Amethi"}},"body":"lok-sabha"}}"#
            )),
            rec(&format!(
                r#"{{"type":"candidacy","person":"smriti-irani","election":"lok-sabha-2019","seat":"{seat}","votes":468514}}"#
            )),
            rec(&format!(
                r#"{{"type":"candidacy","person":"smriti-irani","election":"lok-sabha-2024","seat":"{seat}"}}"#
            )),
        ],
    );
    assert_eq!(
        store.linked(Link::CandidacyBySeat, seat).unwrap(),
        vec![
            "smriti-irani--lok-sabha-2019",
            "smriti-irani--lok-sabha-2024"
        ]
    );
    assert_eq!(store.count(Kind::Seat), 1);
    assert_eq!(store.count(Kind::Candidacy), 2);
    assert!(store.check().unwrap().is_empty());
    let key = link_key(seat, "smriti-irani--lok-sabha-2024");
    store.links[Link::CandidacyBySeat as usize]
        .remove(key)
        .unwrap();
    let findings = store.check().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(
        findings[0].to_string().contains("candidacy_by_seat"),
        "{}",
        findings[0]
    );
    let fixes: Vec<&Fix> = findings.iter().filter_map(|f| f.fix.as_ref()).collect();
    assert_eq!(store.repair(&fixes).unwrap(), 1);
    assert!(store.check().unwrap().is_empty());
    assert_eq!(store.linked(Link::CandidacyBySeat, seat).unwrap().len(), 2);
}
