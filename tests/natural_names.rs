//! Names a person can rely on: elections named as a journalist types them, in
//! either script (`UP Vidhan Sabha 2022`, `लोकसभा चुनाव २०१९`), the general election
//! over its by-elections, ambiguities listed with what tells the records apart,
//! several ids to `show`, and search filters that name an unknown value (exit 2).
//!
//! Over a seeded home (the Rajya Sabha 2024 Uttar Pradesh election) and real slices
//! in `tests/fixtures/natural-names/` (see the fixtures' README): Lok Dhaba's
//! Amethi, Rae Bareli, Kannauj and Varanasi rows of 2019, the Samastipur (Bihar)
//! bye-election of 2019 and the Araria one of 2018; Uttar Pradesh assembly rows of
//! 2017, 2022 (Amethi) and the 2019 bye-elections (Gangoh, Balha); two Uttarakhand
//! 2022 rows; india-votes' 2024 rows of the same four seats; TCPD's chief ministers.

mod common;
use common::{fixture, Home};

/// A seeded home with the slices imported.
fn home() -> Home {
    let home = Home::new();
    let dir = fixture("natural-names");
    let lokdhaba = dir.join("lokdhaba");
    let results = dir.join("2024LokSabha.csv");
    let cm = fixture("tcpd-cm/cm-slice.csv");
    home.ok(&[
        "import",
        "-r",
        lokdhaba.to_str().unwrap(),
        results.to_str().unwrap(),
        cm.to_str().unwrap(),
    ]);
    home
}

/// The id `election NAME` opens.
fn election_id(home: &Home, name: &str) -> String {
    let v = home.json(&["election", name, "--json"]);
    v["id"].as_str().unwrap_or_default().to_string()
}

#[test]
fn natural_election_names_resolve_in_both_scripts() {
    let home = home();
    for (name, id) in [
        (
            "2024 Rajya Sabha Uttar Pradesh",
            "rajya-sabha-2024-uttar-pradesh",
        ),
        ("उत्तर प्रदेश राज्यसभा 2024", "rajya-sabha-2024-uttar-pradesh"),
        ("UP Vidhan Sabha 2022", "vidhan-sabha-uttar-pradesh-2022"),
        ("यूपी विधानसभा चुनाव 2022", "vidhan-sabha-uttar-pradesh-2022"),
        ("यूपी विधानसभा चुनाव २०२२", "vidhan-sabha-uttar-pradesh-2022"),
        ("Uttarakhand assembly 2022", "vidhan-sabha-uttarakhand-2022"),
        (
            "Uttar Pradesh assembly election 2017",
            "vidhan-sabha-uttar-pradesh-2017",
        ),
        (
            "उत्तर प्रदेश विधानसभा चुनाव 2017",
            "vidhan-sabha-uttar-pradesh-2017",
        ),
        ("2019 Lok Sabha", "lok-sabha-2019"),
        ("लोकसभा चुनाव 2019", "lok-sabha-2019"),
        ("आम चुनाव २०१९", "lok-sabha-2019"),
        ("general election 2024", "lok-sabha-2024"),
        (
            "Lok Sabha by-election 2019",
            "lok-sabha-2019-bye-election-2019",
        ),
        ("लोकसभा उपचुनाव 2018", "lok-sabha-2014-bye-election-2018"),
        (
            "UP bye-election 2019",
            "vidhan-sabha-uttar-pradesh-2017-bye-election-2019",
        ),
    ] {
        assert_eq!(election_id(&home, name), id, "{name}");
    }
    // `show` reads the same names.
    let v = home.json(&["show", "UP Vidhan Sabha 2022", "--json"]);
    assert_eq!(v["id"], "vidhan-sabha-uttar-pradesh-2022");
}

#[test]
fn the_general_election_beats_its_bye_elections_and_ambiguity_says_why() {
    let home = home();
    // Both records of 2019 exist: the general election is what "2019 Lok Sabha" means.
    home.ok(&["show", "lok-sabha-2019-bye-election-2019"]);
    assert_eq!(election_id(&home, "2019 Lok Sabha"), "lok-sabha-2019");
    // Several fit: each is listed with its date and house, on one line, exit 2.
    let (code, out, err) = home.run(&["election", "UP Vidhan Sabha"]);
    assert_eq!(code, 2, "{out}{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    for listed in [
        // 14 Amethi rows of 2022 in up-18; 3 rows of 2017 (lines 2, 4, 8).
        "vidhan-sabha-uttar-pradesh-2022 (2022, Uttar Pradesh Vidhan Sabha, 14 candidacies)",
        "vidhan-sabha-uttar-pradesh-2017 (2017, Uttar Pradesh Vidhan Sabha, 3 candidacies)",
    ] {
        assert!(err.contains(listed), "{listed}: {err}");
    }
    // Not Uttarakhand's 2022 election, nor a bye-election (a general one fits).
    assert!(
        !err.contains("uttarakhand") && !err.contains("bye"),
        "{err}"
    );
    let (code, _, err) = home.run(&["election", "Lok Sabha bye-election"]);
    assert_eq!(code, 2, "{err}");
    for listed in [
        // ge-17: Samastipur 2019, 8 rows; Araria 2018, 2 rows.
        "lok-sabha-2019-bye-election-2019 (2019, Lok Sabha, 8 candidacies, bye-election)",
        "lok-sabha-2014-bye-election-2018 (2018, Lok Sabha, 2 candidacies, bye-election)",
    ] {
        assert!(err.contains(listed), "{listed}: {err}");
    }
    // A name of house, state and year that no record has is not found (exit 2).
    let (code, _, err) = home.run(&["election", "Goa Vidhan Sabha 2022"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("no record matches `Goa Vidhan Sabha 2022`"),
        "{err}"
    );
}

#[test]
fn offices_read_state_abbreviations_and_show_takes_several_ids() {
    let home = home();
    for name in [
        "UP chief minister",
        "यूपी मुख्यमंत्री",
        "Uttar Pradesh chief minister",
    ] {
        let out = home.ok(&["office", name]);
        // A name typed in Devanagari answers in Hindi: the Hindi name first.
        let first = if name.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) {
            "उत्तर प्रदेश के मुख्यमंत्री · Chief Minister of Uttar Pradesh  [पद chief-minister-uttar-pradesh]"
        } else {
            "Chief Minister of Uttar Pradesh · उत्तर प्रदेश के मुख्यमंत्री  [office chief-minister-uttar-pradesh]"
        };
        assert!(out.starts_with(first), "{name}: {out}");
    }
    let v = home.json(&[
        "show",
        "alok-ranjan",
        "rajya-sabha-2024-uttar-pradesh",
        "--json",
    ]);
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["alok-ranjan", "rajya-sabha-2024-uttar-pradesh"]);
    // A name typed in Devanagari makes the whole answer Hindi (`व्यक्ति`, person).
    for (args, kind) in [
        (["alok-ranjan", "sanjay-seth"], "person"),
        (["Alok Ranjan", "संजय सेठ"], "व्यक्ति"),
    ] {
        let out = home.ok(&["show", args[0], args[1]]);
        assert!(
            out.contains(&format!("[{kind} alok-ranjan]"))
                && out.contains(&format!("[{kind} sanjay-seth]")),
            "{out}"
        );
    }
    // One missing: the others are shown, and the command fails naming it.
    let (code, out, err) = home.run(&["show", "alok-ranjan", "no-such-record"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.contains("[person alok-ranjan]"), "{out}");
    assert!(
        err.contains("1 of 2 records shown") && err.contains("`no-such-record`"),
        "{err}"
    );
}

#[test]
fn merge_and_different_take_names() {
    let home = home();
    // Mayawati's chief-minister record and her seed-less namesakes: one person by
    // that name in these slices, so the name resolves to her record.
    let (code, out, err) = home.run(&["different", "Mayawati", "alok-ranjan"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains(
            "recorded that tcpd-cm-uttar-pradesh-444-mayawati and alok-ranjan are different people"
        ),
        "{out}"
    );
    let (code, _, err) = home.run(&["merge", "Nobody Anywhere", "alok-ranjan"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no record matches `Nobody Anywhere`"), "{err}");
}

#[test]
fn filters_name_unknown_values_and_read_abbreviations_and_devanagari_years() {
    let home = home();
    let (code, out, err) = home.run(&["search", "Yadav", "--state", "Narnia"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("unknown state `Narnia`"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let (code, _, err) = home.run(&["search", "--party", "XYZ"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("unknown party `XYZ`"), "{err}");
    let (code, _, err) = home.run(&["search", "Modi", "--kind", "persn"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("unknown kind `persn`") && err.contains("did you mean `person`?"),
        "{err}"
    );
    let (code, _, err) = home.run(&["search", "Modi", "--year", "बीस"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`बीस` is not a year"), "{err}");

    // `UP` and `यूपी` are Uttar Pradesh.
    let ids = |args: &[&str]| {
        let mut a = vec!["search", "--json", "-n", "50"];
        a.extend_from_slice(args);
        common::hit_ids(&home.json(&a))
    };
    let full = ids(&["Singh", "--state", "Uttar Pradesh"]);
    assert!(!full.is_empty());
    assert_eq!(ids(&["Singh", "--state", "UP"]), full);
    assert_eq!(ids(&["Singh", "--state", "यूपी"]), full);
    // Devanagari digits for the year.
    let y2019 = ids(&["Gandhi", "--year", "2019"]);
    assert!(y2019.iter().any(|id| id.contains("2019")), "{y2019:?}");
    assert_eq!(ids(&["Gandhi", "--year", "२०१९"]), y2019);

    // A chief minister is of her state (through the office's government): Mayawati,
    // whose only facts are TCPD's four terms as chief minister of Uttar Pradesh.
    let found = ids(&["Mayawati", "--state", "UP", "--kind", "person"]);
    assert_eq!(found, ["tcpd-cm-uttar-pradesh-444-mayawati"]);
    let (code, out, _) = home.run(&[
        "search",
        "Mayawati",
        "--state",
        "Karnataka",
        "--kind",
        "person",
    ]);
    assert_eq!((code, out.as_str()), (1, ""));
}

#[test]
fn a_cut_list_says_how_many_matched() {
    let home = home();
    // Every 2019 Lok Sabha candidate in the slices is a person active in 2019.
    let out = home.ok(&["search", "--year", "2019", "--kind", "person", "-n", "3"]);
    let last = out.trim().lines().last().unwrap_or_default();
    let total: usize = last
        .strip_prefix("showing 3 of ")
        .and_then(|rest| rest.split(';').next())
        .and_then(|n| n.replace(',', "").parse().ok())
        .unwrap_or_else(|| panic!("no count: {out}"));
    let v = home.json(&[
        "search", "--year", "2019", "--kind", "person", "-n", "500", "--json",
    ]);
    assert_eq!(total, common::hit_ids(&v).len());
    assert!(total > 3);
    // A list that was not cut says nothing.
    let out = home.ok(&["search", "--year", "2019", "--kind", "person", "-n", "500"]);
    assert!(!out.contains("showing"), "{out}");
}

/// The rows of `election NAME --json`'s one constituency: (name, votes, rank).
fn table(home: &Home, args: &[&str]) -> (String, Vec<(String, u64)>) {
    let mut a = vec!["election"];
    a.extend_from_slice(args);
    a.push("--json");
    let v = home.json(&a);
    let seats = v["constituencies"].as_array().cloned().unwrap_or_default();
    assert_eq!(seats.len(), 1, "{args:?}: {v}");
    let c = &seats[0];
    let name = c["name"]["en"].as_str().unwrap_or_default().to_string();
    let rows = c["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| Some((r["name"]["en"].as_str()?.to_string(), r["votes"].as_u64()?)))
        .collect();
    (name, rows)
}

#[test]
fn a_seat_and_a_year_name_the_election_and_the_seat() {
    let home = home();
    // Amethi 2019 (Lok Dhaba ge-17: SMRITI IRANI 468514, RAHUL GANDHI 413394).
    for name in ["Amethi 2019", "अमेठी 2019", "Amethi Lok Sabha २०१९"] {
        assert_eq!(election_id(&home, name), "lok-sabha-2019", "{name}");
        let (seat, rows) = table(&home, &[name]);
        assert_eq!(seat, "Amethi", "{name}");
        assert_eq!(rows[0].1, 468_514, "{name}: {rows:?}");
        assert_eq!(rows[1].1, 413_394, "{name}: {rows:?}");
    }
    // The same seat name, another year: the assembly seat of 2022 (up-18: MAHARAJI
    // PRAJAPATI, SP, 88217).
    assert_eq!(
        election_id(&home, "Amethi 2022"),
        "vidhan-sabha-uttar-pradesh-2022"
    );
    let (_, rows) = table(&home, &["Amethi 2022"]);
    assert_eq!(rows[0].1, 88_217, "{rows:?}");
    // Spellings and scripts of a seat (india-votes 2024: Rae Bareli, RAHUL GANDHI
    // 687649; Kannauj, AKHILESH YADAV 642292).
    for (name, constituency, votes) in [
        ("Raebareli 2024", None, 687_649),
        ("lok-sabha-2024", Some("Raebareli"), 687_649),
        ("lok-sabha-2024", Some("RAE BARELI"), 687_649),
        ("lok-sabha-2024", Some("कन्नौज"), 642_292),
        ("कन्नौज 2024", None, 642_292),
    ] {
        let mut args = vec![name];
        if let Some(c) = constituency {
            args.extend(["--constituency", c]);
        }
        let (_, rows) = table(&home, &args);
        assert_eq!(rows[0].1, votes, "{args:?}: {rows:?}");
    }
    // A seat name with no year is the seat, not an election.
    let (code, _, err) = home.run(&["election", "Amethi"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_lok_sabha_candidate_is_in_his_seats_state() {
    let home = home();
    // Varanasi is in Uttar Pradesh (Lok Dhaba ge-17 lines 193, 194; india-votes 2024).
    let v = home.json(&[
        "search",
        "Narendra Modi",
        "--state",
        "Uttar Pradesh",
        "--json",
    ]);
    let ids = common::hit_ids(&v);
    assert!(
        ids.first().is_some_and(|id| id.contains("narendra-modi")),
        "{ids:?}"
    );
    let v = home.json(&["search", "Narendra Modi", "--state", "यूपी", "--json"]);
    assert_eq!(common::hit_ids(&v).first(), ids.first());
    let (code, _, _) = home.run(&[
        "search",
        "Narendra Modi",
        "--state",
        "Bihar",
        "--kind",
        "person",
    ]);
    assert_eq!(code, 1);
}

#[test]
fn seats_by_name_in_either_script_and_spelling() {
    use netakosh::kb::{Home as KbHome, Kb, OpenOptions};
    use netakosh::search::resolve::{resolve_seat, seats_named};
    let home = home();
    let kb = Kb::open(&KbHome::new(home.path()), OpenOptions { seed: true }).unwrap();
    let named = |text: &str, election: Option<&str>| {
        seats_named(&kb.store, &kb.index, text, election).unwrap()
    };
    let raebareli = "lok-sabha-seat-uttar-pradesh-raebareli";
    for text in ["Raebareli", "Rae Bareli", "RAE BARELI", "rae-bareli"] {
        assert_eq!(named(text, None), [raebareli], "{text}");
    }
    assert_eq!(
        named("कन्नौज", None),
        ["lok-sabha-seat-uttar-pradesh-kannauj"]
    );
    // Two seats are called Amethi: the Lok Sabha's and the assembly's.
    let amethi_ls = "lok-sabha-seat-uttar-pradesh-amethi";
    let amethi_vs = "vidhan-sabha-uttar-pradesh-seat-amethi";
    let mut both = named("Amethi", None);
    both.sort();
    assert_eq!(both, [amethi_ls, amethi_vs]);
    assert_eq!(named("Amethi", Some("lok-sabha-2019")), [amethi_ls]);
    assert_eq!(
        named("Amethi", Some("vidhan-sabha-uttar-pradesh-2022")),
        [amethi_vs]
    );
    assert!(named("Amethi", Some("vidhan-sabha-uttarakhand-2022")).is_empty());
    assert!(named("Narnia", None).is_empty());
    // `seat NAME`: one seat, or the several listed with their house.
    assert_eq!(
        resolve_seat(&kb.store, &kb.index, "Raebareli").unwrap(),
        raebareli
    );
    assert_eq!(
        resolve_seat(&kb.store, &kb.index, "Amethi Lok Sabha").unwrap(),
        amethi_ls
    );
    assert_eq!(
        resolve_seat(&kb.store, &kb.index, "Amethi UP assembly").unwrap(),
        amethi_vs
    );
    let e = resolve_seat(&kb.store, &kb.index, "Amethi")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains(&format!("{amethi_ls} (Lok Sabha, Uttar Pradesh"))
            && e.contains(&format!("{amethi_vs} (Uttar Pradesh Vidhan Sabha")),
        "{e}"
    );
    // The command says how to choose, and fails as an ambiguous name does.
    drop(kb);
    let (code, _, err) = home.run(&["seat", "Amethi"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`seat Amethi Lok Sabha`"), "{err}");
}
