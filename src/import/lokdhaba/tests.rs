//! Real rows of the Lok Dhaba files (tests/fixtures/tcpd-lokdhaba, copied unchanged).

use super::*;
use crate::import::Parsed;
use crate::model::{Candidacy, Gender, Outcome, Percent, Person, SeatType};

const GE6: &str = include_str!("../../../tests/fixtures/tcpd-lokdhaba/ge-incumbency-6.csv");
const GE7: &str = include_str!("../../../tests/fixtures/tcpd-lokdhaba/ge-incumbency-7.csv");
const GE17: &str = include_str!("../../../tests/fixtures/tcpd-lokdhaba/ge-incumbency-17.csv");
const GE_PARTIES: &str =
    include_str!("../../../tests/fixtures/tcpd-lokdhaba/ge-party-expanded.csv");
const UP10: &str = include_str!("../../../tests/fixtures/tcpd-lokdhaba/up-incumbency-10.csv");
const UP_PARTIES: &str =
    include_str!("../../../tests/fixtures/tcpd-lokdhaba/up-party-expanded.csv");
const FULL: &str = include_str!(
    "../../../tests/fixtures/tcpd-lokdhaba/full-download/TCPD_GE_Uttar_Pradesh_2019.csv"
);

/// Reads files as `import` hands them over: each with the role it is recognised in.
fn read(files: &[(&str, &str)]) -> Batch {
    let files: Vec<Input> = files
        .iter()
        .map(|(n, t)| Input {
            name: format!("data/{n}"),
            text: t.to_string(),
            role: LokDhaba.recognise(n, t).expect("a Lok Dhaba file"),
        })
        .collect();
    LokDhaba.parse_all(&files)
}

fn parse(files: &[(&str, &str)]) -> Batch {
    let b = read(files);
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    b
}

fn persons(b: &Batch) -> Vec<&Person> {
    b.records
        .iter()
        .filter_map(|p| match &p.record {
            Record::Person(x) => Some(x),
            _ => None,
        })
        .collect()
}

fn candidacies(b: &Batch) -> Vec<(&Parsed, &Candidacy)> {
    b.records
        .iter()
        .filter_map(|p| match &p.record {
            Record::Candidacy(x) => Some((p, x)),
            _ => None,
        })
        .collect()
}

fn candidacy<'a>(b: &'a Batch, person: &str) -> &'a Candidacy {
    candidacies(b)
        .into_iter()
        .map(|(_, c)| c)
        .find(|c| c.person == person)
        .unwrap_or_else(|| panic!("no candidacy of {person}"))
}

fn person<'a>(b: &'a Batch, id: &str) -> &'a Person {
    persons(b)
        .into_iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no person {id}"))
}

const RAMJI: &str = "tcpd-lok-sabha-1977-uttar-pradesh-firozabad-ramji-lal-suman";

#[test]
fn a_candidacy_in_two_files_is_kept_once_from_the_later_file() {
    // Ramji Lal Suman's and Bhagwan Singh Majhwar's 1977 rows are in both files,
    // with `Contested` 1 in the 6th and 2 in the 7th.
    let b = parse(&[("ge-incumbency-6.csv", GE6), ("ge-incumbency-7.csv", GE7)]);
    let c = candidacies(&b);
    assert_eq!(c.len(), 4);
    assert_eq!(persons(&b).len(), 4);
    let (from, _) = c.iter().find(|(_, c)| c.person == RAMJI).unwrap();
    assert_eq!(
        (from.file.as_str(), from.line),
        ("data/ge-incumbency-7.csv", 3)
    );
    assert_eq!(
        b.skipped
            .get("copies of a candidacy kept from a later file"),
        Some(&2)
    );
    // The files' order on the command line does not matter.
    let again = parse(&[("ge-incumbency-7.csv", GE7), ("ge-incumbency-6.csv", GE6)]);
    let ids = |b: &Batch| {
        b.records
            .iter()
            .map(|p| p.record.id().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&b), ids(&again));
}

#[test]
fn a_row_gives_a_person_with_its_pid_and_a_candidacy_with_the_result() {
    let b = parse(&[
        ("ge-incumbency-6.csv", GE6),
        ("ge-party-expanded.csv", GE_PARTIES),
    ]);
    let p = person(&b, RAMJI);
    assert_eq!(p.name.get("en"), Some("Ramji Lal Suman"));
    assert_eq!(p.aliases, vec!["RAMJI LAL SUMAN".to_string()]);
    assert_eq!(p.gender, Some(Gender::Male));
    assert_eq!(
        p.identifiers.get("tcpd_pid").map(String::as_str),
        Some("GEUP11692")
    );
    let c = candidacy(&b, RAMJI);
    assert_eq!(c.id, format!("{RAMJI}--lok-sabha-1977"));
    assert_eq!(c.election, "lok-sabha-1977");
    assert_eq!(
        c.constituency.as_ref().and_then(|n| n.get("en")),
        Some("Firozabad")
    );
    assert_eq!(
        (c.votes, c.rank, c.result, c.margin),
        (Some(232_679), Some(1), Some(Outcome::Won), Some(156_764))
    );
    assert_eq!(c.share, Some(Percent(7375)));
    assert_eq!(
        (c.deposit_lost, c.seat_type),
        (Some(false), Some(SeatType::ScheduledCaste))
    );
    // BLD: the expansion `BHARATIYA LOK DAL` is not in the built-in table, so it is
    // a party of its own, with the abbreviation as an alias.
    assert_eq!(c.party.as_deref(), Some("party-bharatiya-lok-dal"));
    assert_eq!(c.original.get("party").map(String::as_str), Some("BLD"));
    // 0.87% of the votes: under a sixth, the deposit is lost.
    let m = candidacy(
        &b,
        "tcpd-lok-sabha-1977-uttar-pradesh-firozabad-bhagwan-singh-majhwar",
    );
    assert_eq!(
        (m.rank, m.result, m.deposit_lost),
        (Some(4), Some(Outcome::Lost), Some(true))
    );
    let bld = b
        .defaults
        .iter()
        .find_map(|p| match &p.record {
            Record::Organization(o) if o.id == "party-bharatiya-lok-dal" => Some(o),
            _ => None,
        })
        .unwrap();
    assert_eq!(bld.name.get("en"), Some("Bharatiya Lok Dal"));
    assert_eq!(bld.aliases, vec!["BLD".to_string()]);
}

#[test]
fn abbreviations_join_the_built_in_parties_through_the_expanded_names() {
    let b = parse(&[
        ("ge-incumbency-17.csv", GE17),
        ("ge-party-expanded.csv", GE_PARTIES),
    ]);
    let party = |id: &str| candidacy(&b, id).party.clone();
    // SP → SAMAJWADI PARTY: the record सपा and `Samajwadi Party` also name.
    assert_eq!(
        party("tcpd-lok-sabha-1999-bye-election-2000-uttar-pradesh-kannauj-akhilesh-yadav")
            .as_deref(),
        Some("samajwadi-party")
    );
    assert_eq!(
        parties::party_record("सपा", None).map(|o| o.id).as_deref(),
        Some("samajwadi-party")
    );
    // INC's expansion is misspelt (`INDIA NATIONAL CONGRESS`): the abbreviation
    // still finds the party.
    assert_eq!(
        party("tcpd-lok-sabha-2019-uttar-pradesh-amethi-rahul-gandhi").as_deref(),
        Some("indian-national-congress")
    );
    assert_eq!(
        party("tcpd-lok-sabha-2019-uttar-pradesh-amethi-smriti-irani").as_deref(),
        Some("bharatiya-janata-party")
    );
    // A party the list does not expand keeps its abbreviation.
    assert_eq!(
        party("tcpd-lok-sabha-2019-uttar-pradesh-amethi-ram-sidh-yadav").as_deref(),
        Some("party-mwsp")
    );
}

#[test]
fn bye_elections_are_elections_of_their_own_within_the_term() {
    let b = parse(&[("ge-incumbency-17.csv", GE17)]);
    let c = candidacy(
        &b,
        "tcpd-lok-sabha-2019-bye-election-2021-andhra-pradesh-tirupati-maddila-gurumoorthy",
    );
    assert_eq!(c.election, "lok-sabha-2019-bye-election-2021");
    assert_eq!((c.rank, c.result), (Some(1), Some(Outcome::Won)));
    let p = person(
        &b,
        "tcpd-lok-sabha-2019-bye-election-2021-andhra-pradesh-tirupati-k-ratnaprabha",
    );
    // `female` as the 2021 rows write it.
    assert_eq!(p.gender, Some(Gender::Female));
    let akhilesh = candidacy(
        &b,
        "tcpd-lok-sabha-1999-bye-election-2000-uttar-pradesh-kannauj-akhilesh-yadav",
    );
    assert_eq!(akhilesh.election, "lok-sabha-1999-bye-election-2000");
    let elections: Vec<String> = b
        .defaults
        .iter()
        .filter_map(|p| match &p.record {
            Record::Election(e) => Some(format!("{} {}", e.id, e.name.get("en").unwrap_or(""))),
            _ => None,
        })
        .collect();
    assert_eq!(
        elections,
        vec![
            "lok-sabha-1999-bye-election-2000 2000 Lok Sabha bye-election",
            "lok-sabha-2019 2019 Lok Sabha election",
            "lok-sabha-2019-bye-election-2021 2021 Lok Sabha bye-election",
        ]
    );
}

#[test]
fn a_fathers_name_is_a_fact_and_namesakes_on_one_ballot_stay_apart() {
    // Jaswantnagar 1989: Mulayam Singh Yadav S/O Sudhar Singh won; Mulayam Singh
    // Yadav S/O Pati Ram, an independent, came fifth.
    let b = parse(&[
        ("up-incumbency-10.csv", UP10),
        ("up-party-expanded.csv", UP_PARTIES),
    ]);
    let seat = "tcpd-vidhan-sabha-uttar-pradesh-1989-jaswantnagar-mulayam-singh-yadav";
    let won = person(&b, seat);
    assert_eq!(won.name.get("en"), Some("Mulayam Singh Yadav"));
    assert_eq!(
        won.father.as_ref().and_then(|f| f.get("en")),
        Some("Sudhar Singh")
    );
    assert_eq!(won.identifiers["tcpd_pid"], "AEUP101085");
    assert_eq!(
        won.aliases,
        vec!["MULAYAM SINGH YADAV S/O SUDHAR SINGH".to_string()]
    );
    let other = person(&b, &format!("{seat}-2"));
    assert_eq!(
        other.father.as_ref().and_then(|f| f.get("en")),
        Some("Pati Ram")
    );
    assert_eq!(candidacy(&b, &format!("{seat}-2")).rank, Some(5));
    let c = candidacy(&b, seat);
    assert_eq!(c.election, "vidhan-sabha-uttar-pradesh-1989");
    assert_eq!(c.party.as_deref(), Some("janata-dal"));
    assert_eq!(
        c.original["candidate"],
        "MULAYAM SINGH YADAV S/O SUDHAR SINGH"
    );
    // The same pid's 1985 row: Uttar Pradesh's 1985 assembly, Lok Dal.
    let c85 = candidacy(
        &b,
        "tcpd-vidhan-sabha-uttar-pradesh-1985-jaswantnagar-mulayam-singh-yadav",
    );
    assert_eq!(c85.election, "vidhan-sabha-uttar-pradesh-1985");
    assert_eq!(c85.party.as_deref(), Some("lok-dal"));
    // One person record per row: nothing is merged on the pid.
    assert_eq!(persons(&b).len(), 3);
}

#[test]
fn the_full_download_reads_by_column_name_and_leaves_nota_out() {
    let b = parse(&[("TCPD_GE_Uttar_Pradesh_2019.csv", FULL)]);
    assert_eq!(b.skipped.get("NOTA rows (not a candidate)"), Some(&1));
    let c = candidacies(&b);
    assert_eq!(c.len(), 3);
    // Ids as from the incumbency files; `Deposit_Lost` is read as given.
    let irani = candidacy(&b, "tcpd-lok-sabha-2019-uttar-pradesh-amethi-smriti-irani");
    assert_eq!(
        (irani.votes, irani.share, irani.deposit_lost),
        (Some(468_514), Some(Percent(4971)), Some(false))
    );
    let dhurv = candidacy(&b, "tcpd-lok-sabha-2019-uttar-pradesh-amethi-dhurv-lal");
    assert_eq!((dhurv.rank, dhurv.deposit_lost), (Some(3), Some(true)));
    assert_eq!(
        person(&b, "tcpd-lok-sabha-2019-uttar-pradesh-amethi-rahul-gandhi").identifiers["tcpd_pid"],
        "GEUP77584"
    );
}

#[test]
fn the_full_download_and_the_incumbency_files_meet_on_one_candidacy() {
    let b = parse(&[
        ("ge-incumbency-17.csv", GE17),
        ("TCPD_GE_Uttar_Pradesh_2019.csv", FULL),
    ]);
    // 31 rows in the incumbency file; the full download's three are copies of
    // three of them, kept from the full download (it has `Deposit_Lost`).
    assert_eq!(candidacies(&b).len(), 31);
    let (from, _) = candidacies(&b)
        .into_iter()
        .find(|(_, c)| c.person == "tcpd-lok-sabha-2019-uttar-pradesh-amethi-smriti-irani")
        .unwrap();
    assert_eq!(from.file, "data/TCPD_GE_Uttar_Pradesh_2019.csv");
    assert_eq!(
        b.skipped
            .get("copies of a candidacy kept from a later file"),
        Some(&3)
    );
}

#[test]
fn bad_values_are_problems_naming_file_line_and_column() {
    let header = GE6.lines().next().unwrap();
    let text = format!(
        "{header}\nGEUP1,6,0,1977,A B,,Uttar_Pradesh,FIROZABAD,SC,IND,,many,M,4,1,FALSE,FALSE,0.87,0,0,,1\nGEUP2,6,0,19x7,C D,,Uttar_Pradesh,FIROZABAD,SC,IND,,5,M,5,1,FALSE,FALSE,140,0,0,,1\n"
    );
    let b = read(&[("ge-incumbency-6.csv", &text)]);
    let got: Vec<(usize, &str)> = b
        .problems
        .iter()
        .map(|p| (p.line, p.field.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![(2, "Votes"), (3, "Year"), (3, "Vote_Share_Percentage")]
    );
    assert!(b.records.is_empty());
    // A file without the columns: the dataset does not recognise it, and read as it
    // (`--format tcpd-lokdhaba`) it names every missing column.
    assert_eq!(LokDhaba.recognise("x.csv", "pid,Year\nX,1977\n"), None);
    let missing = LokDhaba.parse("x.csv", "pid,Year\nX,1977\n");
    assert!(missing
        .problems
        .iter()
        .any(|p| p.field == "Assembly_No" && p.line == 1));
}

#[test]
fn file_numbers_order_the_copies() {
    assert_eq!(file_number("d/up-incumbency-18.csv"), 18);
    assert_eq!(file_number("ge-incumbency-3.csv"), 3);
    assert_eq!(file_number("TCPD_GE_Uttar_Pradesh_2019.csv"), u32::MAX);
    assert_eq!(prefix("x/tn_md-party-expanded.csv"), "tn_md");
}

#[test]
fn telangana_before_2014_is_andhra_pradesh_and_meets_its_rows() {
    const TS0: &str =
        include_str!("../../../tests/fixtures/tcpd-lokdhaba-telangana/ts-incumbency-0.csv");
    const AP13: &str =
        include_str!("../../../tests/fixtures/tcpd-lokdhaba-telangana/ap-incumbency-13.csv");
    let b = parse(&[("ts-incumbency-0.csv", TS0), ("ap-incumbency-13.csv", AP13)]);
    // Md. Jameeluddin's Karimnagar and Jagtial rows are in both files: one
    // candidacy each. Jayasudha Kapoor's Secunderabad row is only in Telangana's
    // file and fills in the seat.
    let c = candidacies(&b);
    assert_eq!(
        c.len(),
        4,
        "{:?}",
        c.iter().map(|(_, c)| &c.id).collect::<Vec<_>>()
    );
    assert!(c
        .iter()
        .all(|(_, c)| c.election == "vidhan-sabha-andhra-pradesh-2009"));
    assert!(!b
        .defaults
        .iter()
        .any(|d| d.record.id().contains("telangana")));
    let jayasudha = c
        .iter()
        .find(|(_, c)| c.person.contains("jayasudha"))
        .map(|(_, c)| *c)
        .expect("Jayasudha Kapoor's candidacy");
    assert_eq!(
        jayasudha.original.get("state").map(String::as_str),
        Some("Telangana")
    );
    assert_eq!(jayasudha.votes, Some(45063));
    assert_eq!(
        b.skipped
            .get("copies of a candidacy kept from a later file"),
        Some(&2)
    );
}
