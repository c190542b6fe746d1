//! Exact linking on small hand-made stores of ids and identifiers.

use super::*;

fn person(id: &str, ids: &[(&str, &str)]) -> (String, BTreeMap<String, String>) {
    (
        id.to_string(),
        ids.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
}

fn decided(a: &str, b: &str, v: Verdict) -> (String, String, Verdict) {
    (a.to_string(), b.to_string(), v)
}

fn pairs(o: &Outcome) -> Vec<(&str, &str, &str, &str)> {
    o.decisions
        .iter()
        .map(|d| (d.a.as_str(), d.b.as_str(), d.by.as_str(), d.why.as_str()))
        .collect()
}

fn stats<'a>(o: &'a Outcome, scheme: &str) -> &'a SchemeStats {
    o.schemes.iter().find(|s| s.scheme == scheme).unwrap()
}

#[test]
fn records_sharing_a_pid_get_a_spanning_set_of_links() {
    let o = link(
        [
            person(
                "ls-1977-firozabad-ramji-lal-suman",
                &[("tcpd_pid", "GEUP11692")],
            ),
            person(
                "ls-1980-firozabad-ramji-lal-suman",
                &[("tcpd_pid", "GEUP11692")],
            ),
            person(
                "ls-1989-firozabad-ramji-lal-suman",
                &[("tcpd_pid", "GEUP11692")],
            ),
            person("ls-1977-agra-someone", &[("tcpd_pid", "GEUP11000")]),
        ],
        &[],
        7,
    );
    // Three records, two links (not three), each with the shared value.
    assert_eq!(
        pairs(&o),
        [
            (
                "ls-1977-firozabad-ramji-lal-suman",
                "ls-1980-firozabad-ramji-lal-suman",
                "exact:tcpd_pid",
                "tcpd_pid GEUP11692"
            ),
            (
                "ls-1977-firozabad-ramji-lal-suman",
                "ls-1989-firozabad-ramji-lal-suman",
                "exact:tcpd_pid",
                "tcpd_pid GEUP11692"
            ),
        ]
    );
    assert!(o
        .decisions
        .iter()
        .all(|d| d.at == 7 && d.decision == Verdict::Same));
    assert_eq!((o.groups, o.links), (1, 2));
    let s = stats(&o, "tcpd_pid");
    assert_eq!((s.records, s.shared_values, s.links), (4, 1, 2));
}

#[test]
fn conflicting_pids_are_never_joined_through_another_scheme() {
    // A and B share a Wikidata item but TCPD says they are two people.
    let o = link(
        [
            person("a", &[("tcpd_pid", "P1"), ("wikidata", "Q1")]),
            person("b", &[("tcpd_pid", "P2"), ("wikidata", "Q1")]),
        ],
        &[],
        0,
    );
    assert!(o.decisions.is_empty(), "{:?}", pairs(&o));
    assert_eq!(stats(&o, "wikidata").blocked_by_conflict, 1);
    assert_eq!(o.groups, 0);
}

#[test]
fn a_conflict_reaches_through_a_group() {
    // b and c share pid P1; a (pid P2) shares Q1 with c: joining a to c's group would
    // make P1 and P2 one person.
    let o = link(
        [
            person("a", &[("tcpd_pid", "P2"), ("wikidata", "Q1")]),
            person("b", &[("tcpd_pid", "P1")]),
            person("c", &[("tcpd_pid", "P1"), ("wikidata", "Q1")]),
        ],
        &[],
        0,
    );
    assert_eq!(pairs(&o), [("b", "c", "exact:tcpd_pid", "tcpd_pid P1")]);
    assert_eq!(stats(&o, "wikidata").blocked_by_conflict, 1);
}

#[test]
fn two_schemes_chain_into_one_person() {
    // A~B by tcpd_ias, B~C by wikidata: one person of three records.
    let o = link(
        [
            person("a", &[("tcpd_ias", "UP042600")]),
            person("b", &[("tcpd_ias", "UP042600"), ("wikidata", "Q7")]),
            person("c", &[("wikidata", "Q7")]),
        ],
        &[],
        0,
    );
    assert_eq!(
        pairs(&o),
        [
            ("a", "b", "exact:tcpd_ias", "tcpd_ias UP042600"),
            ("b", "c", "exact:wikidata", "wikidata Q7"),
        ]
    );
    assert_eq!(o.groups, 1);
}

#[test]
fn a_persons_not_same_blocks_the_union_of_the_groups() {
    // x and y share a pid, but y was merged by hand with z, and a person said z is
    // not x: no link may join x's group to y's.
    let o = link(
        [
            person("x", &[("tcpd_pid", "P1")]),
            person("y", &[("tcpd_pid", "P1")]),
        ],
        &[
            decided("y", "z", Verdict::Same),
            decided("x", "z", Verdict::NotSame),
        ],
        0,
    );
    assert!(o.decisions.is_empty(), "{:?}", pairs(&o));
    assert_eq!(stats(&o, "tcpd_pid").blocked_by_decision, 1);
    // The hand-made group y–z counts; nothing was added to it.
    assert_eq!(o.groups, 1);
}

#[test]
fn others_sharing_the_value_still_join_around_a_not_same() {
    // a ≠ b by a person's decision; c shares the pid with both and joins a's group;
    // b, refused by that group, stays apart.
    let o = link(
        [
            person("a", &[("tcpd_pid", "P1")]),
            person("b", &[("tcpd_pid", "P1")]),
            person("c", &[("tcpd_pid", "P1")]),
        ],
        &[decided("a", "b", Verdict::NotSame)],
        0,
    );
    assert_eq!(pairs(&o), [("a", "c", "exact:tcpd_pid", "tcpd_pid P1")]);
    assert_eq!(stats(&o, "tcpd_pid").blocked_by_decision, 1);
}

#[test]
fn pairs_already_the_same_person_get_no_new_decision() {
    let o = link(
        [
            person("a", &[("tcpd_pid", "P1")]),
            person("b", &[("tcpd_pid", "P1")]),
            person("c", &[("tcpd_pid", "P1")]),
        ],
        &[decided("a", "b", Verdict::Same)],
        0,
    );
    // Only c is new to the group.
    assert_eq!(pairs(&o), [("a", "c", "exact:tcpd_pid", "tcpd_pid P1")]);
    let again = link(
        [
            person("a", &[("tcpd_pid", "P1")]),
            person("b", &[("tcpd_pid", "P1")]),
            person("c", &[("tcpd_pid", "P1")]),
        ],
        &[
            decided("a", "b", Verdict::Same),
            decided("a", "c", Verdict::Same),
        ],
        0,
    );
    assert!(again.decisions.is_empty());
    assert_eq!((again.links, again.groups), (0, 1));
}

#[test]
fn unknown_schemes_and_tcpd_cm_link_nothing() {
    // TCPD numbers chief ministers per state: pid_CM 1 is two people.
    let o = link(
        [
            person("tcpd-cm-andhra-pradesh-1", &[("tcpd_cm", "1")]),
            person("tcpd-cm-bihar-1", &[("tcpd_cm", "1")]),
            person("p", &[("viaf", "9")]),
            person("q", &[("viaf", "9")]),
        ],
        &[],
        0,
    );
    assert!(o.decisions.is_empty());
    assert_eq!(o.records, 0);
}

#[test]
fn the_order_of_the_input_does_not_change_the_output() {
    let people = [
        person("d", &[("tcpd_pid", "P2"), ("wikidata", "Q1")]),
        person("c", &[("tcpd_pid", "P1")]),
        person("b", &[("wikidata", "Q1")]),
        person("a", &[("tcpd_pid", "P1"), ("wikidata", "Q1")]),
    ];
    let forward = link(people.clone(), &[], 0);
    let mut reversed = people.to_vec();
    reversed.reverse();
    let backward = link(reversed, &[], 0);
    assert_eq!(forward.decisions, backward.decisions);
    // a–c by pid; then b joins by Q1; d conflicts with a's P1.
    assert_eq!(
        pairs(&forward),
        [
            ("a", "c", "exact:tcpd_pid", "tcpd_pid P1"),
            ("a", "b", "exact:wikidata", "wikidata Q1"),
        ]
    );
}
