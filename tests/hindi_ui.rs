//! The interface in Hindi (issue 14): `--lang hi` or a Devanagari argument gives Hindi
//! headings, labels and table headers; Devanagari digits in numeric and date flags;
//! union ministers' posts named as Hindi readers name them (`गृह मंत्री`).

mod common;
use common::{fixture, shared_file, Home};
use netakosh::i18n::{rupees_in_words, Lang};
use serde_json::Value;

const CABINET: &str = "tcpd-cabinet/home-affairs-2019.csv";

/// A seeded home with the Home Affairs slice of TCPD's cabinet file.
fn cabinet_home() -> Home {
    let home = Home::new();
    home.ok(&["import", fixture(CABINET).to_str().unwrap()]);
    home
}

/// A home without the seed holding Amethi's 2024 count and Wayanad's 2024 affidavits.
fn results_home() -> Home {
    let home = Home::new();
    home.ok(&[
        "--no-seed",
        "import",
        "--no-resolve",
        fixture("results/amethi-2024.csv").to_str().unwrap(),
        fixture("adr/wayanad-2024.csv").to_str().unwrap(),
    ]);
    home
}

/// The lines of `out` that are exactly one of `headings` (trimmed).
fn heading_lines<'a>(out: &'a str, headings: &[&str]) -> Vec<&'a str> {
    out.lines()
        .filter(|l| headings.contains(&l.trim()))
        .collect()
}

#[test]
fn show_in_hindi_has_hindi_headings_and_no_english_ones() {
    let home = Home::new();
    let hi = home.ok(&["show", "alok-ranjan", "--lang", "hi"]);
    assert_eq!(
        heading_lines(&hi, &["पद", "सदस्यता", "चुनाव", "दल", "अभिलेख", "स्रोत"]).len(),
        6,
        "{hi}"
    );
    let english = [
        "Offices",
        "Memberships",
        "Elections",
        "Parties",
        "Records",
        "Sources",
    ];
    assert!(heading_lines(&hi, &english).is_empty(), "{hi}");
    for word in [
        "[person ",
        "first-preference",
        "the person id",
        " rank ",
        "(former)",
    ] {
        assert!(!hi.contains(word), "`{word}` in Hindi output:\n{hi}");
    }
    // Dates as a Hindi reader writes them, and the first-preference votes in Hindi.
    assert!(hi.contains("जून 2014 – जून 2016"), "{hi}");
    assert!(hi.contains("27 फ़रवरी 2024"), "{hi}");
    assert!(hi.contains("19 प्रथम वरीयता वोट"), "{hi}");
    assert!(hi.contains("[व्यक्ति alok-ranjan]"), "{hi}");

    let en = home.ok(&["show", "alok-ranjan", "--lang", "en"]);
    assert_eq!(heading_lines(&en, &english).len(), 6, "{en}");
    assert!(
        en.contains("2014-06 – 2016-06") && en.contains("(former)"),
        "{en}"
    );
}

#[test]
fn a_devanagari_query_picks_hindi_by_itself() {
    let home = Home::new();
    let typed = home.ok(&["show", "आलोक", "रंजन"]);
    let flagged = home.ok(&["show", "alok-ranjan", "--lang", "hi"]);
    assert_eq!(typed, flagged);
    // A Latin name stays English; `--lang en` wins over the script.
    let latin = home.ok(&["show", "Alok", "Ranjan"]);
    assert!(heading_lines(&latin, &["Offices"]).len() == 1, "{latin}");
    let forced = home.ok(&["show", "आलोक", "रंजन", "--lang", "en"]);
    assert_eq!(forced, latin);
    // An election typed in Devanagari: Hindi table headers.
    let out = home.ok(&["election", "राज्यसभा चुनाव 2024"]);
    assert!(out.contains("उम्मीदवार") && out.contains("परिणाम"), "{out}");
    assert!(!out.contains("candidate"), "{out}");
}

#[test]
fn election_seat_and_candidates_headers_in_hindi() {
    let home = results_home();
    let out = home.ok(&["--no-seed", "election", "Amethi 2024", "--lang", "hi"]);
    let header = out
        .lines()
        .find(|l| l.trim_start().starts_with('#'))
        .unwrap_or_else(|| panic!("no header:\n{out}"));
    for word in ["उम्मीदवार", "दल", "वोट", "हिस्सा", "परिणाम"]
    {
        assert!(header.contains(word), "{header}");
    }
    for word in ["candidate", "party", "votes", "share", "result"] {
        assert!(!header.contains(word), "{header}");
    }
    assert!(out.contains("कुल: 13 उम्मीदवार + NOTA"), "{out}");
    assert!(out.contains("अंतर 1,67,196"), "{out}");
    assert!(!out.contains("turnout") && !out.contains("margin"), "{out}");
    let en = home.ok(&["--no-seed", "election", "Amethi 2024"]);
    assert!(en.contains("total: 13 candidates + NOTA"), "{en}");
    assert!(en.contains("margin 1,67,196"), "{en}");

    let seat = home.ok(&["--no-seed", "seat", "Amethi", "--lang", "hi"]);
    let header = seat
        .lines()
        .find(|l| l.contains("विजेता"))
        .unwrap_or_else(|| panic!("no header:\n{seat}"));
    for word in ["वर्ष", "सदन", "अंतर", "उपविजेता"] {
        assert!(header.contains(word), "{header}");
    }
    assert!(
        !seat.contains("runner-up") && !seat.contains("winner"),
        "{seat}"
    );
    assert!(seat.contains("लोकसभा"), "{seat}");

    let grouped = home.ok(&[
        "--no-seed",
        "candidates",
        "--group-by",
        "party",
        "--lang",
        "hi",
    ]);
    let first = grouped.lines().next().unwrap_or_default();
    for word in ["समूह", "उम्मीदवारियाँ", "जीते", "मामले", "संपत्ति"]
    {
        assert!(first.contains(word), "{first}");
    }
    assert!(!first.contains("candidacies"), "{first}");
    let rows = home.ok(&[
        "--no-seed",
        "candidates",
        "--seat",
        "Amethi",
        "--lang",
        "hi",
    ]);
    assert!(rows.contains("5,39,228 वोट · जीते"), "{rows}");
    assert!(rows.trim_end().ends_with("उम्मीदवारियाँ"), "{rows}");
    assert!(!rows.contains(" votes") && !rows.contains("won"), "{rows}");
}

#[test]
fn candidates_say_crore_in_hindi() {
    let home = results_home();
    let richest: Value = home.json(&[
        "--no-seed",
        "candidates",
        "--seat",
        "Wayanad",
        "--sort",
        "assets",
        "--limit",
        "1",
        "--json",
    ]);
    let assets = richest[0]["assets"].as_u64().expect("declared assets");
    assert!(assets >= 10_000_000, "a crore or more: {assets}");
    let words = rupees_in_words(assets, Lang::Hi);
    assert!(words.ends_with(" करोड़"), "{words}");
    let args = [
        "--no-seed",
        "candidates",
        "--seat",
        "Wayanad",
        "--sort",
        "assets",
        "--limit",
        "1",
    ];
    let mut hi_args = args.to_vec();
    hi_args.extend(["--lang", "hi"]);
    let hi = home.ok(&hi_args);
    assert!(hi.contains(&format!("({words})")), "{hi}");
    assert!(hi.contains("संपत्ति ₹") && !hi.contains("crore"), "{hi}");
    let en = home.ok(&args);
    assert!(
        en.contains(&format!("({})", rupees_in_words(assets, Lang::En))),
        "{en}"
    );
    assert!(en.contains(" crore)"), "{en}");
}

#[test]
fn devanagari_digits_in_numeric_and_date_flags() {
    let home = results_home();
    let latin = home.ok(&["--no-seed", "candidates", "--year", "2024", "--json"]);
    let devanagari = home.ok(&["--no-seed", "candidates", "--year", "२०२४", "--json"]);
    assert_eq!(latin, devanagari);
    let rows: Value = serde_json::from_str(&latin).expect("json");
    assert!(rows.as_array().is_some_and(|r| r.len() > 20), "{latin}");
    let two = home.json(&[
        "--no-seed",
        "candidates",
        "--year",
        "२०२४",
        "--limit",
        "२",
        "--json",
    ]);
    assert_eq!(two.as_array().map(Vec::len), Some(2));
    let none = home.ok(&["--no-seed", "candidates", "--year", "२०१४", "--count"]);
    assert_eq!(none.trim(), "0");
    // A bad value is one line naming the flag, exit 2, never a panic.
    for (flag, value) in [
        ("--year", "२०x४"),
        ("--limit", "दो"),
        ("--min-cases", "-१"),
        ("--age", "७०-३०"),
    ] {
        let typed = format!("{flag}={value}");
        let (code, out, err) = home.run(&["--no-seed", "candidates", &typed]);
        assert_eq!(code, 2, "{flag} {value}: {err}");
        assert!(out.is_empty(), "{out}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
        assert!(err.contains(flag) && err.contains(value), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let (code, _, err) = home.run(&["--no-seed", "search", "x", "--limit", "१०x"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--limit"), "{err}");
}

#[test]
fn office_at_a_devanagari_date_is_the_ascii_date() {
    let home = cabinet_home();
    let id = "union-cabinet-minister-home-affairs";
    let latin = home.ok(&["office", id, "--at", "2020-01-01", "--json"]);
    let devanagari = home.ok(&["office", id, "--at", "२०२०-०१-०१", "--json"]);
    assert_eq!(latin, devanagari);
    let v: Value = serde_json::from_str(&latin).expect("json");
    assert_eq!(v["at"], "2020-01-01");
    let (code, _, err) = home.run(&["office", id, "--at", "२०२०-१३"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--at") && err.trim().lines().count() == 1,
        "{err}"
    );
}

#[test]
fn the_home_minister_on_a_date_is_amit_shah() {
    let home = cabinet_home();
    let v = home.json(&["office", "गृह मंत्री", "--at", "2020-01-01", "--json"]);
    assert_eq!(v["id"], "union-cabinet-minister-home-affairs");
    let holders: Vec<&str> = v["holders"]
        .as_array()
        .expect("holders")
        .iter()
        .map(|h| h["tenure"]["person"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(holders, vec!["tcpd-cabinet-amit-shah"]);
    // The JSON keys stay English; the name is the office's in both languages.
    assert_eq!(v["name"]["hi"], "गृह मंत्री");
    assert_eq!(v["name"]["en"], "Cabinet Minister, Home Affairs");

    let out = home.ok(&["office", "गृह मंत्री", "--at", "2020-01-01"]);
    assert!(out.contains("Amit Shah"), "{out}");
    assert!(
        out.starts_with("गृह मंत्री · Cabinet Minister, Home Affairs"),
        "{out}"
    );
    assert!(out.contains("1 जनवरी 2020 को इस पद पर:"), "{out}");
    assert!(!out.contains("held on"), "{out}");
    // Before 2019 it was Rajnath Singh's.
    let before = home.json(&["office", "गृह मंत्री", "--at", "2016", "--json"]);
    assert_eq!(
        before["holders"][0]["tenure"]["person"],
        "tcpd-cabinet-rajnath-singh"
    );
    // English names people use find the office too; the ministers of State are
    // another office.
    for (typed, office, person) in [
        (
            "Home Minister",
            "union-cabinet-minister-home-affairs",
            "tcpd-cabinet-amit-shah",
        ),
        (
            "Finance Minister",
            "union-cabinet-minister-finance",
            "tcpd-cabinet-nirmala-sitharaman",
        ),
        (
            "वित्त मंत्री",
            "union-cabinet-minister-finance",
            "tcpd-cabinet-nirmala-sitharaman",
        ),
        (
            "रक्षा मंत्री",
            "union-cabinet-minister-defence",
            "tcpd-cabinet-rajnath-singh",
        ),
        (
            "विदेश मंत्री",
            "union-cabinet-minister-external-affairs",
            "tcpd-cabinet-subrahmanyam-jaishankar",
        ),
    ] {
        let v = home.json(&["office", typed, "--at", "2020-01-01", "--json"]);
        assert_eq!(v["id"], office, "{typed}");
        assert_eq!(v["holders"][0]["tenure"]["person"], person, "{typed}");
    }
    let mos = home.json(&["office", "गृह राज्य मंत्री", "--at", "2020-01-01", "--json"]);
    assert_eq!(mos["id"], "union-minister-of-state-home-affairs");
    assert_eq!(mos["holders"].as_array().map(Vec::len), Some(2));
}

#[test]
fn a_cabinet_post_reads_in_hindi() {
    let home = cabinet_home();
    let shah = home.json(&["show", "tcpd-cabinet-amit-shah", "--json"]);
    assert_eq!(shah["tenures"][0]["name"]["hi"], "गृह मंत्री");
    let naik = home.json(&["show", "tcpd-cabinet-shripad-yesso-naik", "--json"]);
    assert_eq!(
        naik["tenures"][0]["name"]["hi"],
        "आयुष राज्य मंत्री (स्वतंत्र प्रभार)"
    );
    let text = home.ok(&["show", "tcpd-cabinet-amit-shah", "--lang", "hi"]);
    assert!(
        text.contains("गृह मंत्री · Cabinet Minister, Home Affairs"),
        "{text}"
    );
    assert!(
        text.contains("30 मई 2019 से, 7 जुलाई 2021 तक की जानकारी"),
        "{text}"
    );
    assert!(!text.contains("कैबिनेट मंत्री, Home Affairs"), "{text}");
    // An office the store kept from before the table (half-English Hindi name, or
    // none) is shown with the table's Hindi name.
    let old = home.write(
        "old.jsonl",
        r#"{"type":"office","id":"old-railways","name":{"en":"Cabinet Minister, Railways","hi":"कैबिनेट मंत्री, Railways"}}
{"type":"office","id":"old-mla","name":{"en":"Member of the Legislative Assembly"}}
{"type":"office","id":"own-hindi","name":{"en":"Cabinet Minister, Coal","hi":"कोयला मंत्री (केंद्र)"}}"#,
    );
    home.ok(&["import", old.to_str().unwrap()]);
    let v = home.json(&["show", "old-railways", "--json"]);
    assert_eq!(
        v["record"]["name"]["hi"], "कैबिनेट मंत्री, Railways",
        "stored as it was"
    );
    let shown = home.ok(&["show", "old-railways", "--lang", "hi"]);
    assert!(
        shown.starts_with("रेल मंत्री · Cabinet Minister, Railways"),
        "{shown}"
    );
    let mla = home.ok(&["show", "old-mla", "--lang", "hi"]);
    assert!(
        mla.starts_with("विधायक · Member of the Legislative Assembly"),
        "{mla}"
    );
    let own = home.ok(&["show", "own-hindi", "--lang", "hi"]);
    assert!(
        own.starts_with("कोयला मंत्री (केंद्र)"),
        "a record's own Hindi name stays: {own}"
    );
}

#[test]
fn history_in_hindi() {
    let home = Home::new();
    let out = home.ok(&["history", "alok-ranjan", "--lang", "hi"]);
    assert!(
        out.starts_with("alok-ranjan (व्यक्ति): 1 संस्करण, नवीनतम पहले"),
        "{out}"
    );
    assert!(out.contains("संस्करण 1 (वर्तमान)"), "{out}");
    let en = home.ok(&["history", "alok-ranjan"]);
    assert!(
        en.starts_with("alok-ranjan (person): 1 version, newest first"),
        "{en}"
    );
}

#[test]
fn every_office_of_the_real_cabinet_file_has_a_hindi_name() {
    let Some(file) = shared_file("tcpd-cabinet/TCPD_Indian_Cabinet_1990_2021.csv") else {
        return;
    };
    let home = Home::new();
    home.ok(&[
        "--no-seed",
        "import",
        "--no-resolve",
        file.to_str().unwrap(),
    ]);
    let export = home.ok(&["--no-seed", "export"]);
    let mut offices = 0;
    for line in export.lines() {
        let v: Value = serde_json::from_str(line).expect("a JSON line");
        if v["type"] != "office" {
            continue;
        }
        offices += 1;
        let hi = v["name"]["hi"].as_str().unwrap_or_default();
        assert!(
            !hi.is_empty() && !hi.chars().any(|c| c.is_ascii_alphabetic()),
            "{}: `{hi}`",
            v["id"]
        );
    }
    assert!(offices > 200, "{offices} offices");
    let v = home.json(&[
        "--no-seed",
        "office",
        "गृह मंत्री",
        "--at",
        "2020-01-01",
        "--json",
    ]);
    assert_eq!(v["id"], "union-cabinet-minister-home-affairs");
    assert_eq!(
        v["holders"][0]["tenure"]["person"],
        "tcpd-cabinet-amit-shah"
    );
    let v = home.json(&[
        "--no-seed",
        "office",
        "Home Minister",
        "--at",
        "2005",
        "--json",
    ]);
    assert_eq!(v["id"], "union-cabinet-minister-home-affairs");
}
