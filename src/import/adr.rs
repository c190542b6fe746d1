//! The `adr` format: candidate affidavit summaries from ADR / MyNeta, as compiled by
//! Vonter/india-election-affidavits (ODbL 1.0; credit the Association for Democratic
//! Reforms). One row per candidate per election: `Candidate; Party; Criminal Cases;
//! Education; Age; Total Assets; Liabilities; Winner; Constituency; State; District;
//! Year; House; Comment`, `;`- or `,`-separated, quoted or not.
//!
//! Each row becomes a person (one per row: the same politician in another year is
//! another record, linked later by `duplicates`/`merge`, never merged silently) and a
//! candidacy carrying the affidavit; elections, legislatures and parties are default
//! records, created only when absent. Quirks handled here:
//! - `Year` is the legislature's term; rows whose `Comment` says `BYE ELECTION ON
//!   30-10-2021` are bye-elections held during it, kept as elections of their own
//!   (`…-2021-bye-election-2021-10-30`). `BEFORE BYE-ELECTION` marks the general election.
//! - A constituency with no `Winner = Yes` at all (the 2024 Lok Sabha rows were scraped
//!   before counting) has no known result, not a field of losers.
//! - Age `0` means not given; an impossible age (`546`) is dropped and kept in `original`.
//! - Amounts may be written `Rs 2,06,54,961 ~ 2 Crore+`; the part before `~` counts.
//! - The source's scraper stripped the letters of `Winner` from both ends of mixed-case
//!   names (`Ramji Lal Suma`, `akil Ahmad` for Wakil): that cannot be undone here, so
//!   the name is kept as written.

use crate::domain::legislatures::{ElectionKey, House};
use crate::domain::states::Place;
use crate::error::Problem;
use crate::import::build::candidates::{self, Candidate};
use crate::import::build::names;
use crate::import::clean;
use crate::import::dataset::{starts_with, Cite, Csv};
use crate::import::sources;
use crate::import::table::Row;
use crate::import::Batch;
use crate::model::{Affidavit, PartialDate};
use std::collections::{BTreeMap, HashMap};

/// The dataset: `--format adr`.
pub struct Adr;

/// The id of the dataset's source record, cited by every record the importer makes.
pub const SOURCE_ID: &str = Adr::SOURCE.id;

const REQUIRED: &[&str] = &[
    "Candidate",
    "Party",
    "Criminal Cases",
    "Education",
    "Age",
    "Total Assets",
    "Liabilities",
    "Winner",
    "Constituency",
    "State",
    "Year",
    "House",
];

impl Csv for Adr {
    const NAME: &'static str = "adr";
    const ABOUT: &'static str = "ADR / MyNeta candidate affidavits (CSV)";
    const SOURCE: Cite = sources::ADR;
    type Row = Candidate;
    /// States already looked up: a file names a few dozen in tens of thousands of rows.
    type File = HashMap<String, Option<Place>>;

    fn recognise(&self, header: &[String]) -> bool {
        starts_with(header, &["Candidate", "Party", "Criminal Cases"])
    }

    fn required(&self, _header: &[String]) -> &'static [&'static str] {
        REQUIRED
    }

    fn read(
        &self,
        file: &str,
        places: &mut Self::File,
        r: &Row,
    ) -> Result<Candidate, Vec<Problem>> {
        read_row(file, r, places)
    }

    fn build(&self, file: &str, rows: Vec<Candidate>, batch: &mut Batch) {
        candidates::build(file, "adr", SOURCE_ID, rows, batch);
    }
}

fn place(places: &mut HashMap<String, Option<Place>>, raw: &str) -> Option<Place> {
    places
        .entry(raw.to_string())
        .or_insert_with(|| Place::from_name(raw))
        .clone()
}

fn read_row(
    file: &str,
    r: &Row,
    places: &mut HashMap<String, Option<Place>>,
) -> Result<Candidate, Vec<Problem>> {
    let mut problems = Vec::new();
    let entrant = candidates::entrant(
        file,
        r,
        ["Candidate", "Party", "Constituency"],
        &mut problems,
    );
    let mut original = BTreeMap::new();
    let mut bad = |field: &str, message: String| problems.push(r.problem(file, field, message));

    let year = names::year(r.raw("Year")).map_err(|m| bad("Year", m)).ok();
    let state = place(places, r.raw("State"));
    let raw_house = r.raw("House");
    let house = if names::tidy(raw_house).eq_ignore_ascii_case("lok sabha") {
        if state.is_none() {
            bad(
                "State",
                "is empty: a Lok Sabha row needs the constituency's state".into(),
            );
        }
        Some(House::LokSabha)
    } else {
        match place(places, raw_house) {
            Some(p) => Some(House::VidhanSabha(p)),
            None => {
                bad(
                    "House",
                    "is empty: write `Lok Sabha` or the state of the Vidhan Sabha".into(),
                );
                None
            }
        }
    };

    let comment = clean::text(r.raw("Comment")).filter(|c| c != "No Comment");
    let bye = comment.as_deref().and_then(bye_election);
    if let Some(c) = comment {
        original.insert("comment".to_string(), c);
    }

    let mut whole = |field: &str| -> Option<u64> {
        let raw = r.raw(field);
        // `Rs 2,06,54,961 ~ 2 Crore+`: the approximation after `~` is not the amount.
        let exact = raw.split('~').next().unwrap_or("");
        match clean::number(exact) {
            Ok(n) => n,
            Err(m) => {
                bad(field, m);
                None
            }
        }
    };
    let criminal_cases = whole("Criminal Cases");
    let age = whole("Age");
    let assets = whole("Total Assets");
    let liabilities = whole("Liabilities");
    let criminal_cases = criminal_cases.and_then(|n| match u32::try_from(n) {
        Ok(n) => Some(n),
        Err(_) => {
            bad("Criminal Cases", format!("{n} is not a plausible count"));
            None
        }
    });
    // 0 is how the dataset writes "not given"; other impossible ages are typos,
    // kept as written rather than guessed at.
    let age = match age {
        Some(0) | None => None,
        Some(a) if (18..=120).contains(&a) => Some(a as u16),
        Some(_) => {
            original.insert("age".to_string(), r.raw("Age").trim().to_string());
            None
        }
    };

    let raw_winner = r.raw("Winner");
    let winner = match raw_winner.trim().to_lowercase().as_str() {
        "yes" | "y" | "won" | "winner" | "1" | "true" => Some(true),
        "no" | "n" | "lost" | "0" | "false" => Some(false),
        "" => None,
        other => {
            bad("Winner", format!("`{other}` is neither `Yes` nor `No`"));
            None
        }
    };

    let (Some(year), Some(house)) = (year, house) else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let election = ElectionKey {
        house,
        year,
        bye: bye.map(|d| d.filter(|d| d.year >= year)),
    };
    let affidavit = Affidavit {
        date: Some(election.date()),
        criminal_cases,
        education: clean::text(r.raw("Education")),
        age,
        assets,
        liabilities,
    };
    let mut c = Candidate::new(r.line, election, entrant);
    c.original.append(&mut original);
    Ok(Candidate {
        state,
        district: Some(names::tidy(r.raw("District"))),
        winner,
        affidavit: Some(affidavit),
        ..c
    })
}

/// Whether a comment marks a bye-election, and its date when the comment gives one
/// (`BYE ELECTION ON 03-11-2020`, `Bye Election 26-11-08`, `Bye - Election on
/// September 2009`, `Bye Election on 2010`). `BEFORE BYE-ELECTION` is the general
/// election of a seat that had a bye-election later.
pub fn bye_election(comment: &str) -> Option<Option<PartialDate>> {
    let lower = comment.to_lowercase();
    if !lower.contains("bye") || lower.contains("before") {
        return None;
    }
    Some(loose_date(&lower))
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A date from free text: `03-11-2020`, `26-11-08`, `15 september 2009`, `2010`.
fn loose_date(text: &str) -> Option<PartialDate> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let numbers: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let month_word = words.iter().find_map(|w| {
        MONTHS
            .iter()
            .position(|m| w.len() >= 3 && w.starts_with(m))
            .map(|i| i as u32 + 1)
    });
    let full_year = numbers
        .iter()
        .find(|n| n.len() == 4)
        .and_then(|n| n.parse().ok());
    let (year, month, day): (u32, Option<u32>, Option<u32>) = match month_word {
        Some(m) => {
            let day = numbers
                .iter()
                .find(|n| n.len() <= 2)
                .and_then(|n| n.parse().ok());
            (full_year?, Some(m), day)
        }
        None if numbers.len() >= 3 => {
            let n = &numbers[numbers.len() - 3..];
            let y: u32 = n[2].parse().ok()?;
            let y = match n[2].len() {
                2 => 2000 + y,
                4 => y,
                _ => return None,
            };
            (y, n[1].parse().ok(), n[0].parse().ok())
        }
        None => (full_year?, None, None),
    };
    let full = match (month, day) {
        (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{year:04}-{m:02}"),
        _ => format!("{year:04}"),
    };
    full.parse()
        .ok()
        .or_else(|| month.and_then(|m| format!("{year:04}-{m:02}").parse().ok()))
        .or_else(|| format!("{year:04}").parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::dataset::Dataset;
    use crate::model::{Candidacy, Kind, Outcome, Person, Record};

    fn parse(file: &str, text: &str) -> Batch {
        Adr.parse(file, text)
    }

    fn is_header(line: &str) -> bool {
        Dataset::recognise(&Adr, "f.csv", line).is_some()
    }

    fn count_kinds(batch: &Batch) -> HashMap<Kind, usize> {
        let mut out = HashMap::new();
        for p in batch.records.iter().chain(&batch.defaults) {
            *out.entry(p.record.kind()).or_default() += 1;
        }
        out
    }

    const HEADER: &str = "\"Candidate\";\"Party\";\"Criminal Cases\";\"Education\";\"Age\";\"Total Assets\";\"Liabilities\";\"Winner\";\"Constituency\";\"State\";\"District\";\"Year\";\"House\";\"Comment\"\n";

    fn candidacies(b: &Batch) -> Vec<&Candidacy> {
        b.records
            .iter()
            .filter_map(|p| match &p.record {
                Record::Candidacy(c) => Some(c),
                _ => None,
            })
            .collect()
    }

    fn persons(b: &Batch) -> Vec<&Person> {
        b.records
            .iter()
            .filter_map(|p| match &p.record {
                Record::Person(c) => Some(c),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_lok_sabha_row_becomes_a_person_and_a_candidacy_with_its_affidavit() {
        let text = format!(
            "{HEADER}\"RAMJI LAL SUMAN\";\"SP\";\" 1\";\"Graduate Professional\";\"57\";\"17516869\";\"0\";\"No\";\"AGRA\";\"UTTAR PRADESH\";\"\";\"2009\";\"Lok Sabha\";\"No Comment\"\n\"Other One\";\"BJP\";\"0\";\"Not Given\";\"0\";\"Rs 2,06,54,961 ~ 2 Crore+\";\"\";\"Yes\";\"AGRA\";\"UTTAR PRADESH\";\"\";\"2009\";\"Lok Sabha\";\"No Comment\"\n"
        );
        let b = parse("lok-sabha.csv", &text);
        assert!(b.problems.is_empty(), "{:?}", b.problems);
        let p = persons(&b);
        assert_eq!(
            p[0].id,
            "adr-lok-sabha-2009-uttar-pradesh-agra-ramji-lal-suman"
        );
        assert_eq!(p[0].name.get("en"), Some("Ramji Lal Suman"));
        assert_eq!(p[0].aliases, vec!["RAMJI LAL SUMAN"]);
        let c = candidacies(&b);
        assert_eq!(
            c[0].id,
            "adr-lok-sabha-2009-uttar-pradesh-agra-ramji-lal-suman--lok-sabha-2009"
        );
        assert_eq!(c[0].election, "lok-sabha-2009");
        assert_eq!(c[0].party.as_deref(), Some("samajwadi-party"));
        assert_eq!(c[0].result, Some(Outcome::Lost));
        assert_eq!(c[0].constituency.as_ref().unwrap().get("en"), Some("Agra"));
        assert_eq!(
            c[0].original.get("constituency").map(String::as_str),
            Some("AGRA")
        );
        assert_eq!(c[0].original.get("party").map(String::as_str), Some("SP"));
        let a = c[0].affidavit.as_ref().unwrap();
        assert_eq!(
            (a.criminal_cases, a.age, a.assets, a.liabilities),
            (Some(1), Some(57), Some(17_516_869), Some(0))
        );
        assert_eq!(a.education.as_deref(), Some("Graduate Professional"));
        assert_eq!(a.date, Some(PartialDate::year(2009)));
        let a = c[1].affidavit.as_ref().unwrap();
        assert_eq!(
            (a.age, a.assets, a.liabilities, a.education.as_deref()),
            (None, Some(20_654_961), None, None)
        );
        assert_eq!(c[1].result, Some(Outcome::Won));
        let kinds = count_kinds(&b);
        assert_eq!(kinds[&Kind::Source], 1);
        assert_eq!(kinds[&Kind::Election], 1);
        // lok-sabha, samajwadi-party, bharatiya-janata-party
        assert_eq!(kinds[&Kind::Organization], 3);
    }

    fn karur(name: &str) -> String {
        format!("\"{name}\";\"IND\";\"0\";\"Graduate\";\"40\";\"1\";\"0\";\"No\";\"KARUR\";\"TAMIL NADU\";\"\";\"2024\";\"Lok Sabha\";\"No Comment\"")
    }

    fn nawabganj(name: &str, district: &str, winner: &str) -> String {
        format!("\"{name}\";\"IND\";\"0\";\"Graduate\";\"40\";\"1\";\"0\";\"{winner}\";\"NAWABGANJ\";\"UTTAR PRADESH\";\"{district}\";\"2007\";\"Uttar Pradesh\";\"No Comment\"")
    }

    const BAD: &str = "\"A\";\"SP\";\"many\";\"\";\"40\";\"1\";\"0\";\"Maybe\";\"X\";\"UP\";\"\";\"20x4\";\"Lok Sabha\";\"\"";
    const NO_NAME: &str = "\"\";\"SP\";\"0\";\"\";\"40\";\"1\";\"0\";\"No\";\"X\";\"UP\";\"\";\"2014\";\"Lok Sabha\";\"\"";

    crate::import::tests::csv_cases!(Adr, "x.csv", HEADER, {
        a_seat_without_any_winner_has_no_result: [karur("A B"), karur("C D")] => {
            |b| assert!(candidacies(b).iter().all(|c| c.result.is_none()))
        };
        two_seats_of_one_name_in_different_districts_are_decided_apart: [
            nawabganj("A", "BAREILLY", "Yes"),
            nawabganj("B", "BAREILLY", "No"),
            nawabganj("C", "BARABANKI", "No"),
        ] => { |b|
            let results: Vec<Option<Outcome>> = candidacies(b).iter().map(|c| c.result).collect();
            assert_eq!(results, vec![Some(Outcome::Won), Some(Outcome::Lost), None]);
            let names: Vec<&str> = candidacies(b)
                .iter()
                .map(|c| c.constituency.as_ref().unwrap().get("en").unwrap())
                .collect();
            assert_eq!(names, vec!["Nawabganj (Bareilly)", "Nawabganj (Bareilly)", "Nawabganj (Barabanki)"]);
        };
        namesakes_in_one_seat_get_numbered_ids: [karur("Jothimani. S"), karur("Jothimani. S")] => { |b|
            let ids: Vec<&str> = persons(b).iter().map(|p| p.id.as_str()).collect();
            assert_eq!(
                ids,
                vec![
                    "adr-lok-sabha-2024-tamil-nadu-karur-jothimani-s",
                    "adr-lok-sabha-2024-tamil-nadu-karur-jothimani-s-2"
                ]
            );
        };
        bad_fields_are_problems_naming_line_and_column: [BAD, NO_NAME, "\"short\";\"row\""] => {
            problems [(2, "Year"), (2, "Criminal Cases"), (2, "Winner"), (3, "Candidate"), (4, "")]
        };
    });

    #[test]
    fn assembly_rows_and_bye_elections_get_their_own_elections() {
        let text = format!(
            "{HEADER}\"Phanidhar Talukdar\";\"BJP\";\" 2\";\"12th Pass\";\"55\";\"107812804\";\"12365742\";\"Yes\";\"BHABANIPUR\";\"ASSAM\";\"BAJALI\";\"2021\";\"Assam\";\"BYE ELECTION ON 30-10-2021\"\n\"T M Jacob\";\"KC(J)\";\" 1\";\"Graduate Professional\";\"60\";\"35562652\";\"7549000\";\"Yes\";\"PIRAVOM\";\"KERALA\";\"ERNAKULAM\";\"2011\";\"Kerala\";\"BEFORE BYE-ELECTION\"\n\"Biju Das\";\"BJD\";\"0\";\"Graduate\";\"50\";\"1\";\"0\";\"No\";\"ANGUL\";\"ORISSA\";\"ANGUL\";\"2009\";\"Orissa\";\"No Comment\"\n"
        );
        let b = parse("s.csv", &text);
        assert!(b.problems.is_empty(), "{:?}", b.problems);
        let c = candidacies(&b);
        assert_eq!(
            c[0].election,
            "vidhan-sabha-assam-2021-bye-election-2021-10-30"
        );
        assert_eq!(
            c[0].affidavit.as_ref().unwrap().date,
            Some("2021-10-30".parse().unwrap())
        );
        assert_eq!(c[1].election, "vidhan-sabha-kerala-2011");
        assert_eq!(c[2].election, "vidhan-sabha-odisha-2009");
        assert_eq!(
            c[0].constituency.as_ref().unwrap().get("en"),
            Some("Bhabanipur")
        );
    }

    #[test]
    fn bye_election_dates_in_every_spelling() {
        let d = |s: &str| bye_election(s).map(|d| d.map(|d| d.to_string()));
        assert_eq!(
            d("BYE ELECTION ON 03-11-2020"),
            Some(Some("2020-11-03".into()))
        );
        assert_eq!(d("Bye Election 26-11-08"), Some(Some("2008-11-26".into())));
        assert_eq!(
            d("BYE ELECTION ON 2-06-2013"),
            Some(Some("2013-06-02".into()))
        );
        assert_eq!(
            d("Bye Election on 15 September 2009"),
            Some(Some("2009-09-15".into()))
        );
        assert_eq!(
            d("Bye - Election on September  2009"),
            Some(Some("2009-09".into()))
        );
        assert_eq!(d("Bye Election on 2010"), Some(Some("2010".into())));
        assert_eq!(d("Bye - Election on September"), Some(None));
        assert_eq!(d("BEFORE BYE-ELECTION"), None);
        assert_eq!(d("No Comment"), None);
    }

    #[test]
    fn a_missing_column_is_one_problem_on_the_header() {
        let b = parse("x.csv", "Candidate,Party,Criminal Cases\nA,B,0\n");
        assert!(b.problems.iter().all(|p| p.line == 1));
        assert!(b.problems.iter().any(|p| p.field == "Winner"));
        assert!(b.records.is_empty() && b.defaults.is_empty());
    }

    #[test]
    fn comma_separated_unquoted_files_and_impossible_ages() {
        let text = "Candidate,Party,Criminal Cases,Education,Age,Total Assets,Liabilities,Winner,Constituency,State,District,Year,House,Comment\nVenkatesan J,IND,0,Graduate,546,\"1,00,000\",0,No,ARIYALUR,TAMIL NADU,ARIYALUR,2021,Tamil Nadu,No Comment\n";
        let b = parse("c.csv", text);
        assert!(b.problems.is_empty(), "{:?}", b.problems);
        let c = candidacies(&b);
        assert_eq!(c[0].election, "vidhan-sabha-tamil-nadu-2021");
        let a = c[0].affidavit.as_ref().unwrap();
        assert_eq!((a.age, a.assets), (None, Some(100_000)));
        assert_eq!(c[0].original.get("age").map(String::as_str), Some("546"));
        assert!(is_header(text.lines().next().unwrap()));
        assert!(is_header(HEADER));
        assert!(!is_header("State,Constituency,Party"));
    }
}
