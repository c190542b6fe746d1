//! The index's replica of the store: it answers every read as the store does, stays
//! current through every kind of write, is what reading commands use (so they give
//! the same output without opening sled), and is rebuilt when it falls behind.

mod common;

use common::{fixture, Home};
use netakosh::model::Kind;
use netakosh::replica::{self, Replica};
use netakosh::store::{Link, Records, Store};
use std::collections::BTreeSet;

/// A home with the seed, several datasets' fixtures resolved into people, and a
/// person's decisions on top.
fn home_with_people() -> Home {
    let home = Home::new();
    for dir in [
        "resolve",
        "tcpd-cm",
        "tcpd-ias",
        "seat-join",
        "tcpd-lokdhaba",
        "seats",
        "adr",
    ] {
        let d = fixture(dir);
        home.ok(&["import", "-r", d.to_str().expect("a UTF-8 path")]);
    }
    home
}

fn open(home: &Home) -> (Store, Replica) {
    let store = Store::open(&home.path().join("store")).expect("open the store");
    let replica = Replica::open(&replica::dir(&home.path().join("index")))
        .expect("open the replica")
        .expect("the replica exists");
    (store, replica)
}

/// Every read of the trait, for every record, link owner and decided record.
fn assert_same_answers(store: &Store, replica: &Replica) {
    let s: &dyn Records = store;
    let r: &dyn Records = replica;
    assert_eq!(r.generation().unwrap(), s.generation().unwrap());
    assert_eq!(r.counts().unwrap(), s.counts().unwrap());
    assert_eq!(r.last_import().unwrap(), s.last_import().unwrap());
    let mut owners: BTreeSet<(usize, String)> = BTreeSet::new();
    let mut people = Vec::new();
    let mut n = 0;
    for record in store.iter_all() {
        let record = record.unwrap();
        let id = record.id().to_string();
        assert_eq!(r.get(&id).unwrap().as_ref(), Some(&record), "{id}");
        assert_eq!(r.kind_of(&id).unwrap(), Some(record.kind()), "{id}");
        assert_eq!(
            r.get_kind(record.kind(), &id).unwrap().as_ref(),
            Some(&record)
        );
        let other = if record.kind() == Kind::Person {
            Kind::Seat
        } else {
            Kind::Person
        };
        assert_eq!(
            r.get_kind(other, &id).unwrap(),
            None,
            "{id} is no {other:?}"
        );
        for (link, owner) in Link::of(&record) {
            owners.insert((link as usize, owner.to_string()));
        }
        if record.kind() == Kind::Person {
            people.push(id);
        }
        n += 1;
    }
    assert!(n > 900, "a fair test holds many records ({n})");
    assert_eq!(r.get("no-such-record").unwrap(), None);
    assert_eq!(r.kind_of("no-such-record").unwrap(), None);
    for (link, owner) in &owners {
        let link = Link::ALL[*link];
        assert_eq!(
            r.linked(link, owner).unwrap(),
            s.linked(link, owner).unwrap(),
            "{link:?} {owner}"
        );
        assert_eq!(
            r.linked_records(link, owner).unwrap(),
            s.linked_records(link, owner).unwrap()
        );
    }
    let mut decided = 0;
    for id in &people {
        let links = s.identity_links(id).unwrap();
        assert_eq!(r.identity_links(id).unwrap(), links, "{id}");
        for (_, _, seq) in links {
            assert_eq!(r.decision(seq).unwrap(), s.decision(seq).unwrap());
            decided += 1;
        }
    }
    assert!(
        decided > 10,
        "a fair test has identity decisions ({decided})"
    );
    for kind in [Kind::Election, Kind::Seat] {
        let a: Vec<_> = r.of_kind(kind).map(Result::unwrap).collect();
        let b: Vec<_> = s.of_kind(kind).map(Result::unwrap).collect();
        assert_eq!(a, b, "{kind:?}");
    }
    let a = netakosh::identity::clusters(r).unwrap();
    let b = netakosh::identity::clusters(s).unwrap();
    assert_eq!(a.groups(), b.groups(), "the same people");
}

#[test]
fn the_replica_answers_every_read_as_the_store_does() {
    let home = home_with_people();
    let (store, replica) = open(&home);
    assert_same_answers(&store, &replica);
}

#[test]
fn the_replica_stays_current_through_decisions_reverts_and_reimports() {
    let home = home_with_people();
    // A person's decisions (over the resolver's), a revert and a changed re-import.
    let alok = home.json(&["show", "alok-ranjan", "--json"]);
    assert_eq!(alok["id"], "alok-ranjan");
    home.ok(&[
        "different",
        "alok-ranjan",
        "akhilesh-yadav",
        "--why",
        "two people",
    ]);
    let changed = home.write(
        "changed.jsonl",
        r#"{"type":"person","id":"alok-ranjan","name":{"en":"Alok Ranjan","hi":"आलोक रंजन"},"summary":{"en":"Former chief secretary of Uttar Pradesh."}}"#,
    );
    home.ok(&["import", changed.to_str().unwrap()]);
    home.ok(&["revert", "alok-ranjan"]);
    let (store, replica) = open(&home);
    assert_same_answers(&store, &replica);
}

/// `show`, `election`, `office --at`, `seat` and `stats`, from the store (the replica
/// removed, so the command opens sled and rebuilds it) and then from the replica.
#[test]
fn reading_commands_print_the_same_from_the_replica_as_from_the_store() {
    let home = home_with_people();
    let commands: &[&[&str]] = &[
        &["show", "alok-ranjan"],
        &["show", "narendra-modi", "--json"],
        &["show", "आलोक रंजन"],
        &[
            "election",
            "rajya sabha 2024",
            "--constituency",
            "uttar pradesh",
        ],
        &["election", "lok sabha 2024"],
        &[
            "office",
            "chief-minister-of-uttar-pradesh",
            "--at",
            "2013-01-01",
        ],
        &["seat", "Amethi"],
        &["stats"],
    ];
    let records = home.path().join("index/records");
    let answers = home.path().join("index/answers");
    for args in commands {
        let _ = std::fs::remove_dir_all(&records);
        let _ = std::fs::remove_dir_all(&answers);
        let (code, from_store, err) = home.run(args);
        assert!(
            records.join("meta.json").exists(),
            "{args:?}: opening the store rebuilt the replica"
        );
        let _ = std::fs::remove_dir_all(&answers);
        let (code2, from_replica, err2) = home.run(args);
        assert_eq!(code, code2, "{args:?}:\n{err}\n{err2}");
        // sled rewrites its snapshot files when opened: sizes on disk differ.
        let sized = |s: &str| -> String {
            s.lines()
                .filter(|l| !l.starts_with("store size"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(sized(&from_store), sized(&from_replica), "{args:?}");
        assert!(!from_store.is_empty(), "{args:?} printed nothing:\n{err}");
    }
}

/// A reading command that finds the replica current never opens sled: it works
/// while another process holds the store, and a store it cannot open at all does
/// not stop it.
#[test]
fn reading_commands_do_not_open_the_store() {
    let home = Home::new();
    home.ok(&["stats"]);
    // sled's own files made unreadable: opening the store would fail.
    let db = home.path().join("store/db");
    let saved = std::fs::read(&db).unwrap();
    std::fs::write(&db, b"not a sled file").unwrap();
    let out = home.ok(&["show", "alok-ranjan"]);
    assert!(out.contains("Rajya Sabha"), "{out}");
    let stats = home.json(&["stats", "--json"]);
    assert_eq!(stats["records"]["person"], 5, "{stats}");
    assert!(
        stats["last_import"].as_str().unwrap().starts_with("seed"),
        "{stats}"
    );
    std::fs::write(&db, saved).unwrap();
}

#[test]
fn a_reading_command_during_an_import_answers_from_the_last_commit() {
    let home = Home::new();
    home.ok(&["stats"]);
    let file = fixture("tcpd-cm");
    let running = home.spawn_paused(&["import", "-r", file.to_str().unwrap()], "store-flushed");
    let (code, out, err) = home.run(&["show", "alok-ranjan"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("आलोक रंजन"), "{out}");
    assert!(
        err.contains("another netakosh process is writing"),
        "the answer is said to be the last committed one:\n{err}"
    );
    let (code, _, err) = running.resume();
    assert_eq!(code, 0, "{err}");
    let stats = home.json(&["stats", "--json"]);
    assert!(stats["records"]["tenure"].as_u64().unwrap() > 7, "{stats}");
}

#[test]
fn a_replica_behind_the_store_is_rebuilt_and_said_to_be() {
    let home = home_with_people();
    let records = home.path().join("index/records");
    // An older replica: the seed's alone, at generation 1.
    let seed = Home::new();
    seed.ok(&["stats"]);
    std::fs::remove_dir_all(&records).unwrap();
    common::copy_dir(&seed.path().join("index/records"), &records);
    let (code, out, err) = home.run(&["show", "narendra-modi"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Narendra Modi"), "{out}");
    assert!(
        err.contains("copy of the store was behind the store; rebuilt it"),
        "{err}"
    );
    home.ok(&["check"]);
    let (store, replica) = open(&home);
    assert_same_answers(&store, &replica);
}

/// A home from before the replica gets one on its next command, which says so once.
#[test]
fn a_home_without_a_replica_gets_one_and_says_so_once() {
    let home = Home::new();
    home.ok(&["stats"]);
    std::fs::remove_dir_all(home.path().join("index/records")).unwrap();
    let (code, out, err) = home.run(&["show", "alok-ranjan"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("आलोक रंजन"), "{out}");
    assert!(
        err.contains("copied the store's 33 records into the index (once)"),
        "{err}"
    );
    let (code, _, err) = home.run(&["show", "alok-ranjan"]);
    assert_eq!((code, err.as_str()), (0, ""), "said once");
}
