//! Constituencies: the one fold of a constituency's name ([`key`]), the seat ids
//! every importer agrees on ([`seat_id`]), and the seat type a name's suffix gives.
//!
//! The datasets spell one seat many ways: `RAE BARELI`, `Rae Bareli`, `RAEBAREILLY`;
//! `ALATHUR (SC)` beside `Alathur`; `Barrackpore` and `Barrackpur`; `CALCUTTA SOUTH`
//! until 2004 and `KOLKATA DAKSHIN` since. The fold makes them one key:
//!
//! 1. case, spaces and punctuation do not matter, nor the word `and` (`Daman & Diu` =
//!    `Daman Diu`);
//! 2. a reserved-seat marker at the end (`(SC)`, `(ST)`, `- SC`, `(GEN)`) and a
//!    by-election's ` PC` are dropped; a closing Roman numeral is a number
//!    (`Dimapur-II` → `dimapur2`, so it stays apart from `Dimapur-I`);
//! 3. spelling: a final `pore` = `pur` (`Barrackpore` =
//!    `Barrackpur`), a final `ea` = `ia` (`Purnea` = `Purnia`). Doubled letters
//!    are *not* folded: Kovur and Kovvur, Alur and Allur, Tirupattur and
//!    Tiruppattur are different assembly seats of one state and election;
//! 4. [`VARIANTS`], a short table of the spellings the rules miss and of the renames
//!    the data shows (the old name's last election abuts the new name's first), each
//!    found by comparing the names of every Lok Sabha election of the TCPD Lok
//!    Dhaba, ADR and india-votes files.
//!
//! The fold must never join two different seats: no two different names of one
//! election in one state fold to one key in any dataset (`folds_no_two_seats_of_one_
//! election` in `tests/seats.rs` checks every file). Seats that share a name in one
//! election (Bihar's two Kalyanpurs) are told apart by the importer, by number.

use crate::model::SeatType;

/// Where a [`VARIANTS`] entry holds: everywhere, in one legislature's seats, or in
/// one state's.
#[derive(Clone, Copy)]
enum Scope {
    All,
    Body(&'static str),
    State(&'static str),
}

/// (where, a spelling or former name, the name it is folded to), written as plain
/// lower-case names; both sides go through the rules before they are compared.
const VARIANTS: &[(Scope, &str, &str)] = &[
    // Renames (Lok Sabha): Calcutta South 1998–2004 → Kolkata Dakshin 2009–;
    // Madras North/South/Central → Chennai 2009; Bombay North East (1984) → Mumbai.
    (Scope::All, "calcutta south", "kolkata dakshin"),
    (Scope::All, "madras north", "chennai north"),
    (Scope::All, "madras south", "chennai south"),
    (Scope::All, "madras central", "chennai central"),
    (Scope::All, "bombay north", "mumbai north"),
    (Scope::All, "bombay north east", "mumbai north east"),
    (Scope::All, "bombay north west", "mumbai north west"),
    (Scope::All, "bombay north central", "mumbai north central"),
    (Scope::All, "bombay south", "mumbai south"),
    (Scope::All, "bombay south central", "mumbai south central"),
    (Scope::Body("lok-sabha"), "calicut", "kozhikode"),
    (Scope::Body("lok-sabha"), "cannanore", "kannur"),
    (Scope::Body("lok-sabha"), "quilon", "kollam"),
    (Scope::Body("lok-sabha"), "trichur", "thrissur"),
    (Scope::Body("lok-sabha"), "trivandrum", "thiruvananthapuram"),
    (Scope::Body("lok-sabha"), "gauhati", "guwahati"),
    // Haryana has an assembly seat named Baroda: only Gujarat's became Vadodara.
    (Scope::State("gujarat"), "baroda", "vadodara"),
    // Spellings the rules miss (Lok Sabha, across datasets and years).
    (Scope::All, "rae bareilly", "rae bareli"),
    (Scope::All, "bhabanipore", "bhabanipur"),
    (Scope::Body("lok-sabha"), "hissar", "hisar"),
    (Scope::Body("lok-sabha"), "mandsour", "mandsaur"),
    (Scope::Body("lok-sabha"), "bilhour", "bilhaur"),
    (Scope::Body("lok-sabha"), "chickmagalur", "chikmagalur"),
    (Scope::Body("lok-sabha"), "balia", "ballia"),
    (Scope::Body("lok-sabha"), "chikballapur", "chikkballapur"),
    (Scope::Body("lok-sabha"), "mavelikara", "mavelikkara"),
    (Scope::Body("lok-sabha"), "srerampur", "sreerampur"),
    (
        Scope::Body("lok-sabha"),
        "gautam budhha nagar",
        "gautam buddha nagar",
    ),
    (Scope::Body("lok-sabha"), "anakapalli", "anakapalle"),
    (Scope::Body("lok-sabha"), "tirupathi", "tirupati"),
    (Scope::Body("lok-sabha"), "ananthapur", "anantapur"),
    (Scope::Body("lok-sabha"), "mayiladuturai", "mayiladuthurai"),
    (Scope::Body("lok-sabha"), "chelvella", "chevella"),
    (Scope::Body("lok-sabha"), "kurnoolu", "kurnool"),
    (Scope::Body("lok-sabha"), "mahbubnagar", "mahabubnagar"),
    (Scope::Body("lok-sabha"), "narasapur", "narsapuram"),
    (Scope::Body("lok-sabha"), "narsaraopet", "narasaraopet"),
    (Scope::Body("lok-sabha"), "peddapalle", "peddapalli"),
    (Scope::Body("lok-sabha"), "secundrabad", "secunderabad"),
    (Scope::Body("lok-sabha"), "patliputra", "pataliputra"),
    (
        Scope::Body("lok-sabha"),
        "dadar nagar haveli",
        "dadra nagar haveli",
    ),
    (Scope::Body("lok-sabha"), "sonepat", "sonipat"),
    (Scope::Body("lok-sabha"), "koderma", "kodarma"),
    (Scope::Body("lok-sabha"), "palamau", "palamu"),
    (Scope::Body("lok-sabha"), "bellory", "bellary"),
    (Scope::Body("lok-sabha"), "davangere", "davanagere"),
    (Scope::Body("lok-sabha"), "khargon", "khargone"),
    (Scope::Body("lok-sabha"), "ahmadnagar", "ahmednagar"),
    (Scope::Body("lok-sabha"), "hatkanangle", "hatkanangale"),
    (Scope::Body("lok-sabha"), "ferozepur", "ferozpur"),
    (Scope::Body("lok-sabha"), "gurdashpur", "gurdaspur"),
    (Scope::Body("lok-sabha"), "hardwar", "haridwar"),
    (Scope::Body("lok-sabha"), "baharaich", "bahraich"),
    (Scope::Body("lok-sabha"), "domariaganj", "domariyaganj"),
    (Scope::Body("lok-sabha"), "arambag", "arambagh"),
    (Scope::Body("lok-sabha"), "krishnagar", "krishnanagar"),
    (Scope::Body("lok-sabha"), "nawadwip", "nabadwip"),
    // Lok Dhaba and ADR apart in 2019 (found by `candidates --won` counting 548).
    (Scope::Body("lok-sabha"), "aruku", "araku"),
    (Scope::Body("lok-sabha"), "nawgong", "nowgong"),
    (Scope::Body("lok-sabha"), "sarguja", "surguja"),
    (Scope::Body("lok-sabha"), "thiruvallur", "tiruvallur"),
];

/// The one fold of a constituency's name (see the module doc), with the variants
/// that hold everywhere: `Rae Bareli`, `RAEBAREILLY` and `Raebareli` → `raebareli`.
pub fn key(name: &str) -> String {
    fold(name, None, None)
}

/// The id of the seat `name` of the legislature `body_id` (in `state_slug`, which a
/// Vidhan Sabha's id already holds): `lok-sabha-seat-uttar-pradesh-raebareli`,
/// `vidhan-sabha-uttar-pradesh-seat-amethi`. Deterministic, so datasets imported at
/// different times name one seat alike.
pub fn seat_id(body_id: &str, state_slug: Option<&str>, name: &str) -> String {
    let k = fold(name, Some(body_id), state_slug);
    let mut part: String = k.chars().filter(char::is_ascii_alphanumeric).collect();
    if part.len() != k.len() || part.is_empty() {
        part = format!("c{:x}", crate::domain::parties::fnv(&k));
    }
    part.truncate(60);
    match state_slug {
        Some(s) if !s.is_empty() && !body_id.ends_with(s) => format!("{body_id}-seat-{s}-{part}"),
        _ => format!("{body_id}-seat-{part}"),
    }
}

/// The seat type a name's reserved-seat marker gives: `Alathur (SC)` → SC; `None`
/// without a marker (an unmarked name does not say the seat is open).
pub fn seat_type(name: &str) -> Option<SeatType> {
    let words = words(name);
    if words.len() < 2 {
        return None;
    }
    match words.last().map(String::as_str) {
        Some("sc") => Some(SeatType::ScheduledCaste),
        Some("st") => Some(SeatType::ScheduledTribe),
        Some("gen") => Some(SeatType::General),
        _ => None,
    }
}

/// The name without its reserved-seat marker, for display: `Alathur (SC)` →
/// `Alathur`, `AGRA - SC` → `AGRA`.
pub fn bare_name(name: &str) -> &str {
    let mut t = name.trim();
    loop {
        let lower = t.to_ascii_lowercase();
        let cut = ["(sc)", "(st)", "(gen)", "sc", "st"]
            .iter()
            .find_map(|suffix| {
                let rest = lower.strip_suffix(suffix)?;
                // A bare `sc` must follow a separator: `Basti` does not end in a marker.
                let separated =
                    suffix.starts_with('(') || rest.ends_with([' ', '-', '–', '.', ',']);
                (separated && !rest.trim().is_empty()).then_some(rest.len())
            });
        match cut {
            Some(n) if t.is_char_boundary(n) => {
                t = t[..n].trim_end_matches(|c: char| c.is_whitespace() || "-–,".contains(c));
            }
            _ => return t,
        }
    }
}

/// Lower-case words: letters and digits (Devanagari signs included), `&` as `and`.
fn words(name: &str) -> Vec<String> {
    let lower = name.to_lowercase().replace('&', " and ");
    lower
        .split(|c: char| !(c.is_alphanumeric() || ('\u{0900}'..='\u{097F}').contains(&c)))
        .filter(|w| !w.is_empty() && *w != "and")
        .map(str::to_string)
        .collect()
}

fn roman(word: &str) -> Option<u32> {
    const NUMERALS: [&str; 12] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ];
    NUMERALS
        .iter()
        .position(|n| *n == word)
        .map(|i| i as u32 + 1)
}

/// Steps 1–3 of the module doc.
fn plain(name: &str) -> String {
    let mut words = words(name);
    while words.len() > 1
        && matches!(
            words.last().map(String::as_str),
            Some("sc" | "st" | "gen" | "pc")
        )
    {
        words.pop();
    }
    // A closing numeral, also spelt out letter by letter (`NAGPUR I I I`).
    let numeral = words
        .iter()
        .rev()
        .take_while(|w| w.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
        .count();
    if numeral > 0 && numeral < words.len() {
        let at = words.len() - numeral;
        if let Some(n) = roman(&words[at..].concat()) {
            words.truncate(at);
            words.push(n.to_string());
        }
    }
    spell(&words.concat())
}

/// Step 3: spelling rules on ASCII text; other scripts are left as they are.
fn spell(s: &str) -> String {
    if !s.is_ascii() {
        return s.to_string();
    }
    let mut s = s.to_string();
    if let Some(stem) = s.strip_suffix("pore") {
        s = format!("{stem}pur");
    }
    if let Some(stem) = s.strip_suffix("ea") {
        s = format!("{stem}ia");
    }
    s
}

/// [`VARIANTS`] through the rules, by the folded spelling: built once, since an
/// import folds every row's constituency.
fn variants() -> &'static std::collections::HashMap<String, Vec<(Scope, String)>> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<String, Vec<(Scope, String)>>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: std::collections::HashMap<String, Vec<(Scope, String)>> = Default::default();
        for (scope, from, to) in VARIANTS {
            table
                .entry(plain(from))
                .or_default()
                .push((*scope, plain(to)));
        }
        table
    })
}

fn fold(name: &str, body: Option<&str>, state: Option<&str>) -> String {
    let k = plain(name);
    let Some(entries) = variants().get(&k) else {
        return k;
    };
    for (scope, to) in entries {
        let holds = match scope {
            Scope::All => true,
            Scope::Body(b) => body == Some(*b),
            Scope::State(s) => state == Some(*s),
        };
        if holds {
            return to.clone();
        }
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both directions of each variant the datasets use, and their marks.
    #[test]
    fn spellings_of_one_seat_fold_to_one_key() {
        for (a, b) in [
            ("Rae Bareli", "Raebareli"),
            ("RAE BARELI", "RAEBAREILLY"),
            ("Bhabanipore", "Bhabanipur"),
            ("ALATHUR (SC)", "Alathur"),
            ("Hayuliang (ST)", "HAYULIANG"),
            ("AGRA - SC", "agra"),
            ("Barrackpore", "BARRACKPUR"),
            ("NAGPUR I I I", "Nagpur-III"),
            ("PURNEA", "Purnia"),
            ("Andaman & Nicobar Islands", "ANDAMAN AND NICOBAR ISLANDS"),
            ("ANDAMAN AND NICOBAR ISLANDS", "Andaman Nicobar Islands"),
            ("MUMBAINORTHWEST", "Mumbai North West"),
            ("Calcutta South", "Kolkata Dakshin"),
            ("MADRAS NORTH", "CHENNAI NORTH"),
            ("BOMBAY NORTH EAST", "Mumbai North East"),
        ] {
            assert_eq!(key(a), key(b), "{a} / {b}");
            assert_eq!(key(b), key(a), "{b} / {a}");
        }
        assert_eq!(key("Rae Bareli"), "raebareli");
        assert_eq!(key("Calcutta South"), "kolkatadakshin");
    }

    #[test]
    fn different_seats_keep_different_keys() {
        for (a, b) in [
            ("Dimapur-I", "Dimapur-II"),
            ("NAGPUR I I", "NAGPUR I I I"),
            ("Kovur", "Kovvur"),
            ("Alur", "Allur"),
            ("Tirupattur", "Tiruppattur"),
            ("Calcutta North East", "Calcutta North West"),
            ("Tiruppattur", "Tiruppur"),
            ("Chapra", "Chatra"),
            ("Mumbai North", "Mumbai North East"),
            ("Arunachal East", "Arunachal West"),
            ("Basti", "Bas"),
        ] {
            assert_ne!(key(a), key(b), "{a} / {b}");
        }
    }

    #[test]
    fn scoped_variants_hold_only_in_their_scope() {
        for (a, b) in [
            ("HISSAR", "Hisar"),
            ("BALLIA", "Balia"),
            ("MANDSOUR", "Mandsaur"),
        ] {
            let id = |n| seat_id("lok-sabha", Some("x"), n);
            assert_eq!(id(a), id(b), "{a} / {b}");
            assert_ne!(key(a), key(b), "{a} / {b}: only the Lok Sabha's");
        }
        assert_eq!(
            seat_id("lok-sabha", Some("andhra-pradesh"), "Tirupathi"),
            seat_id("lok-sabha", Some("andhra-pradesh"), "TIRUPATI")
        );
        assert_eq!(
            seat_id("lok-sabha", Some("kerala"), "TRICHUR"),
            seat_id("lok-sabha", Some("kerala"), "Thrissur")
        );
        assert_eq!(
            seat_id("lok-sabha", Some("gujarat"), "BARODA"),
            "lok-sabha-seat-gujarat-vadodara"
        );
        assert_eq!(
            seat_id("vidhan-sabha-haryana", Some("haryana"), "Baroda"),
            "vidhan-sabha-haryana-seat-baroda"
        );
    }

    #[test]
    fn seat_ids_name_the_body_and_state_once() {
        assert_eq!(
            seat_id("lok-sabha", Some("uttar-pradesh"), "RAE BARELI"),
            "lok-sabha-seat-uttar-pradesh-raebareli"
        );
        assert_eq!(
            seat_id(
                "vidhan-sabha-uttar-pradesh",
                Some("uttar-pradesh"),
                "Amethi"
            ),
            "vidhan-sabha-uttar-pradesh-seat-amethi"
        );
        let hindi = seat_id("lok-sabha", Some("uttar-pradesh"), "कन्नौज");
        assert!(
            hindi.starts_with("lok-sabha-seat-uttar-pradesh-c"),
            "{hindi}"
        );
        assert!(crate::model::validate::check_id(&hindi).is_ok(), "{hindi}");
    }

    #[test]
    fn markers_give_the_type_and_leave_the_name() {
        assert_eq!(seat_type("ALATHUR (SC)"), Some(SeatType::ScheduledCaste));
        assert_eq!(seat_type("Hayuliang (ST)"), Some(SeatType::ScheduledTribe));
        assert_eq!(seat_type("Alathur"), None);
        assert_eq!(seat_type("Basti"), None);
        assert_eq!(bare_name("ALATHUR (SC)"), "ALATHUR");
        assert_eq!(bare_name("AGRA CANTT. (SC)"), "AGRA CANTT.");
        assert_eq!(bare_name("Kishanganj - SC"), "Kishanganj");
        assert_eq!(bare_name("Basti"), "Basti");
        assert_eq!(bare_name("Hayuliang (ST)"), "Hayuliang");
    }
}
