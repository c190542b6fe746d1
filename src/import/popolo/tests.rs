//! Unit tests of the Popolo reader, on a document in the shape of the EveryPolitician file.

use super::*;
use crate::import::tests::of;
use crate::model::Gender;

/// A small document in the shape of the EveryPolitician file (names and ids
/// from it; fewer labels).
const DOC: &str = r#"{
  "posts": [],
  "persons": [
{
  "birth_date": "1956-05-08",
  "gender": "male",
  "id": "35ad9676-8485-4137-9a16-50f2844f3ab2",
  "identifiers": [
    {"identifier": "4143", "scheme": "everypolitician_legacy"},
    {"identifier": "Q13121505", "scheme": "wikidata"}
  ],
  "name": "Adhalrao Patil, Shri Shivaji",
  "other_names": [
    {"name": "Shivajirao Adhalarao Patil", "note": "alternate"},
    {"lang": "en", "name": "Shivajirao Adhalarao Patil", "note": "multilingual"},
    {"lang": "hi", "name": "अधलराव शिवाजी दत्तात्रेय", "note": "multilingual"},
    {"lang": "mr", "name": "शिवाजी अढळराव पाटील", "note": "multilingual"},
    {"lang": "hi", "name": "शिवाजी अढळराव पाटील", "note": "multilingual"},
    {"lang": "ne", "name": "अधलराव शिवाजी दत्तात्रेय", "note": "multilingual"}
  ]
},
{
  "birth_date": "1967",
  "gender": "female",
  "id": "0094ff14-ff6c-440a-96fc-f0bd68068569",
  "identifiers": [{"identifier": "4000", "scheme": "everypolitician_legacy"}],
  "name": "Gawali (Patil), Ms. Bhavana"
}
  ],
  "organizations": [
{"classification": "party", "id": "SS", "identifiers": [{"identifier": "Q59177", "scheme": "wikidata"}], "name": "Shiv Sena",
 "other_names": [{"lang": "hi", "name": "शिवसेना"}]},
{"classification": "party", "id": "XYZ", "identifiers": [{"identifier": "Q1", "scheme": "wikidata"}], "name": "Example Lok Party",
 "other_names": [{"lang": "hi", "name": "उदाहरण लोक पार्टी"}, {"lang": "en", "name": "XYZ"}]},
{"classification": "legislature", "id": "legislature", "identifiers": [{"identifier": "Q230003", "scheme": "wikidata"}], "name": "Lok Sabha"}
  ],
  "memberships": [
{"area_id": "area/shirur", "legislative_period_id": "term/16", "on_behalf_of_id": "SS", "organization_id": "legislature", "person_id": "35ad9676-8485-4137-9a16-50f2844f3ab2", "role": "member"},
{"area_id": "area/yavatmal-washim", "legislative_period_id": "term/16", "on_behalf_of_id": "XYZ", "organization_id": "legislature", "person_id": "0094ff14-ff6c-440a-96fc-f0bd68068569", "role": "member"}
  ],
  "events": [
{"classification": "legislative period", "id": "term/16", "name": "XVI Lok Sabha", "organization_id": "legislature", "start_date": "2014-05-26"}
  ],
  "areas": [
{"id": "area/shirur", "name": "Shirur", "type": "constituency"},
{"id": "area/yavatmal-washim", "name": "Yavatmal-Washim", "type": "constituency"}
  ]
}"#;

fn defaults(b: &Batch) -> Vec<&Record> {
    b.defaults.iter().map(|d| &d.record).collect()
}

#[test]
fn persons_get_names_per_language_and_aliases() {
    let b = parse("ep-popolo-v1.0.json", DOC);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    let people = of(&b, |r| match r {
        Record::Person(p) => Some(p.clone()),
        _ => None,
    });
    let p = &people[0];
    assert_eq!(p.id, "ep-4143-shivaji-adhalrao-patil");
    assert_eq!(p.name.get("en"), Some("Shivaji Adhalrao Patil"));
    assert_eq!(p.name.get("hi"), Some("अधलराव शिवाजी दत्तात्रेय"));
    assert_eq!(p.name.get("mr"), Some("शिवाजी अढळराव पाटील"));
    assert_eq!(p.name.get("ne"), Some("अधलराव शिवाजी दत्तात्रेय"));
    assert_eq!(
        p.aliases,
        vec!["Adhalrao Patil, Shri Shivaji", "Shivajirao Adhalarao Patil"],
        "the original, Wikidata's English label; the second Hindi label is the Marathi name already"
    );
    assert_eq!(p.birth_date.unwrap().to_string(), "1956-05-08");
    assert_eq!(p.identifiers["wikidata"], "Q13121505");
    assert_eq!(
        p.identifiers["everypolitician"],
        "35ad9676-8485-4137-9a16-50f2844f3ab2"
    );
    assert_eq!(
        p.summary.get("en"),
        Some("Member of the XVI Lok Sabha for Shirur, Shiv Sena.")
    );
    let q = &people[1];
    assert_eq!(q.id, "ep-4000-bhavana-gawali-patil");
    assert_eq!(q.birth_date.unwrap().to_string(), "1967");
    assert_eq!(q.gender, Some(Gender::Female));
}

#[test]
fn memberships_become_party_memberships_and_tenures() {
    let b = parse("ep-popolo-v1.0.json", DOC);
    let tenures = of(&b, |r| match r {
        Record::Tenure(t) => Some(t.clone()),
        _ => None,
    });
    assert_eq!(tenures.len(), 2);
    let t = &tenures[0];
    assert_eq!(t.office, "member-lok-sabha");
    assert_eq!(t.start.unwrap().to_string(), "2014-05-26");
    assert_eq!(
        t.end.unwrap().to_string(),
        "2019-05",
        "from the public record"
    );
    let note = t.note.get("en").unwrap();
    assert!(
        note.starts_with("Shirur constituency, XVI Lok Sabha;"),
        "{note}"
    );
    let m = of(&b, |r| match r {
        Record::Membership(m) => Some(m.organization.clone()),
        _ => None,
    });
    assert_eq!(m, vec!["shiv-sena", "party-example-lok-party"]);
}

#[test]
fn parties_known_to_the_table_use_it_and_others_keep_popolo_names() {
    let b = parse("ep-popolo-v1.0.json", DOC);
    let d = defaults(&b);
    let org = |id: &str| {
        d.iter()
            .find_map(|r| match r {
                Record::Organization(o) if o.id == id => Some(o.clone()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{id} among the defaults"))
    };
    let ss = org("shiv-sena");
    assert!(ss.sources.is_empty(), "the party table's own record");
    let xyz = org("party-example-lok-party");
    assert_eq!(xyz.name.get("hi"), Some("उदाहरण लोक पार्टी"));
    assert_eq!(xyz.identifiers["wikidata"], "Q1");
    assert!(xyz.aliases.contains(&"XYZ".to_string()));
    let ls = org("lok-sabha");
    assert_eq!(ls.name.get("hi"), Some("लोकसभा"));
    assert_eq!(ls.identifiers["wikidata"], "Q230003");
    let office = d
        .iter()
        .find_map(|r| match r {
            Record::Office(o) => Some(o.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(office.id, "member-lok-sabha");
    assert_eq!(office.name.get("hi"), Some("लोकसभा सदस्य"));
    let source = d.iter().find(|r| matches!(r, Record::Source(_))).unwrap();
    assert_eq!(source.id(), "src-popolo-lok-sabha-16");
    for r in &b.records {
        assert_eq!(r.record.sources(), [source.id()], "{:?}", r.record);
    }
    for r in b.records.iter().map(|p| &p.record).chain(d.iter().copied()) {
        assert!(
            crate::model::validate::check_record(r).is_empty(),
            "{r:?}: {:?}",
            crate::model::validate::check_record(r)
        );
    }
}

#[test]
fn bad_elements_are_problems_with_their_line_and_field() {
    let bad = DOC
        .replace("\"birth_date\": \"1967\"", "\"birth_date\": \"1967-13\"")
        .replace("\"gender\": \"male\"", "\"gender\": 7")
        .replace(
            "\"on_behalf_of_id\": \"XYZ\"",
            "\"on_behalf_of_id\": \"NOPE\"",
        );
    let b = parse("x.json", &bad);
    assert_eq!(
        b.problems[0].message,
        "not a Popolo person: invalid type: integer `7`, expected a string"
    );
    assert_eq!(
        crate::import::tests::placed(&b),
        vec![(4, "gender"), (22, "birth_date"), (39, "on_behalf_of_id")],
        "{:?}",
        b.problems
    );
    let b = parse("x.json", "{\"persons\": [");
    assert_eq!(b.problems.len(), 1);
}

#[test]
fn detects_popolo_but_not_native_records() {
    assert!(detect(DOC));
    assert!(!detect(r#"{"type":"person","id":"x","name":{"hi":"क"}}"#));
    assert!(!detect("{\"type\":\"person\"}\n{\"type\":\"person\"}\n"));
}
