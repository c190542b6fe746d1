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

use super::india::{self, ElectionKey, House, Ids, Place};
use super::table::{self, Table};
use super::{clean, Batch, Parsed};
use crate::domain::parties;
use crate::model::{Affidavit, Candidacy, Outcome, PartialDate, Person, Record, Source};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The id of the dataset's source record, cited by every record the importer makes.
pub const SOURCE_ID: &str = "src-adr-affidavits";

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

/// Whether a header line is this format's (either separator, quoted or not).
pub fn is_header(first_line: &str) -> bool {
    let columns = table::header(first_line);
    columns.len() >= 3 && columns[..3] == ["Candidate", "Party", "Criminal Cases"]
}

/// The dataset's source record; `file` is the name of the file read.
pub fn source_record(file: &str) -> Source {
    Source {
        id: SOURCE_ID.into(),
        title: "Candidate affidavit summaries: Lok Sabha 2004–2024 and 31 state assemblies (ADR / MyNeta)".into(),
        publisher: Some(
            "Association for Democratic Reforms (ADR) / MyNeta, compiled by Vonter/india-election-affidavits".into(),
        ),
        url: Some("https://github.com/Vonter/india-election-affidavits".into()),
        date: None,
        language: Some("en".into()),
        licence: Some(
            "ODbL 1.0 (Open Database License); attribute the Association for Democratic Reforms (ADR), https://adrindia.org".into(),
        ),
        file: Some(clean::file_name(file)),
        text: None,
    }
}

/// One row, checked and cleaned, before ids are given out.
struct Row {
    line: usize,
    name: String,
    aliases: Vec<String>,
    party: Option<crate::model::Organization>,
    nota: bool,
    affidavit: Affidavit,
    winner: Option<bool>,
    constituency: String,
    state: Option<Place>,
    /// The district (it tells apart two seats of one name).
    district: String,
    election: ElectionKey,
    original: BTreeMap<String, String>,
}

/// Parses an ADR affidavits file. Every problem is collected, each naming the CSV
/// line and the column; rows with problems are left out.
pub fn parse(file: &str, text: &str) -> Batch {
    let mut batch = Batch::default();
    let Some(table) = Table::read(file, text, REQUIRED, &mut batch.problems) else {
        return batch;
    };
    let mut rows = Vec::with_capacity(table.len());
    let mut memo = Memo::default();
    for row in table.rows() {
        match read_row(file, &row, &mut memo) {
            Ok(row) => rows.push(row),
            Err(mut problems) => batch.problems.append(&mut problems),
        }
    }
    if rows.is_empty() {
        return batch;
    }
    batch.default_record(file, 1, Record::Source(source_record(file)));

    let seat = |r: &Row| {
        (
            r.election.id(),
            india::seat_slug(&r.election.house, r.state.as_ref(), &r.constituency),
        )
    };
    // Some states have two seats of one name (Uttar Pradesh's three Nawabganjs in
    // 2007): the district tells them apart.
    let seat_keys: Vec<(String, String)> = rows.iter().map(seat).collect();
    let district_keys: Vec<(String, String)> = seat_keys
        .iter()
        .zip(&rows)
        .map(|((e, s), r)| (e.clone(), format!("{s}\0{}", r.district.to_lowercase())))
        .collect();
    // Which seats have a winner recorded at all.
    let decided: HashSet<&(String, String)> = district_keys
        .iter()
        .zip(&rows)
        .filter(|(_, r)| r.winner == Some(true))
        .map(|(k, _)| k)
        .collect();
    let mut names: Vec<String> = rows.iter().map(|r| r.constituency.clone()).collect();
    let before = india::qualify_shared_names(&district_keys, &mut names, |i| {
        let r = &rows[i];
        match (&r.election.house, &r.state) {
            (House::LokSabha, Some(state)) => Some(state.en.clone()),
            _ => Some(clean::title_case(&r.district)),
        }
    });
    for ((r, name), before) in rows.iter_mut().zip(names).zip(before) {
        if let Some(b) = before {
            r.original.entry("constituency".into()).or_insert(b);
        }
        r.constituency = name;
    }
    let decided: Vec<bool> = district_keys.iter().map(|k| decided.contains(k)).collect();

    let mut ids = Ids::default();
    let mut elections: HashSet<String> = HashSet::new();
    let mut parties_seen: HashSet<String> = HashSet::new();
    batch.records.reserve(rows.len() * 2);
    for ((row, (election_id, seat_slug)), decided) in rows.into_iter().zip(seat_keys).zip(decided) {
        let result = match row.winner {
            Some(true) => Some(Outcome::Won),
            Some(false) if !row.nota && decided => Some(Outcome::Lost),
            _ => None,
        };
        if elections.insert(election_id.clone()) {
            row.election
                .add_defaults(&mut batch, file, row.line, SOURCE_ID);
        }
        let party = row.party.map(|p| {
            let id = p.id.clone();
            if parties_seen.insert(id.clone()) {
                batch.default_record(file, row.line, Record::Organization(p));
            }
            id
        });
        let person = if row.nota {
            if parties_seen.insert(india::NOTA_PERSON.into()) {
                batch.default_record(
                    file,
                    row.line,
                    Record::Person(india::nota_person(SOURCE_ID)),
                );
            }
            india::NOTA_PERSON.to_string()
        } else {
            let id = ids.unique(format!(
                "adr-{election_id}-{seat_slug}-{}",
                india::name_slug(&row.name)
            ));
            push(
                &mut batch,
                file,
                row.line,
                Record::Person(Person {
                    id: id.clone(),
                    name: crate::model::Names::new([("en", row.name.as_str())]),
                    aliases: row.aliases,
                    gender: None,
                    birth_date: None,
                    birth_place: None,
                    home_district: None,
                    home_state: None,
                    services: Vec::new(),
                    summary: Default::default(),
                    identifiers: Default::default(),
                    sources: vec![SOURCE_ID.into()],
                    ..Default::default()
                }),
            );
            id
        };
        let candidacy_id = if row.nota {
            ids.unique(format!("nota--{election_id}--{seat_slug}"))
        } else {
            format!("{person}--{election_id}")
        };
        push(
            &mut batch,
            file,
            row.line,
            Record::Candidacy(Candidacy {
                id: candidacy_id,
                person,
                election: election_id,
                party,
                constituency: Some(crate::model::Names::new([(
                    "en",
                    row.constituency.as_str(),
                )])),
                votes: None,
                vote_breakdown: BTreeMap::new(),
                result,
                rank: None,
                affidavit: Some(row.affidavit),
                note: Default::default(),
                original: row.original,
                sources: vec![SOURCE_ID.into()],
                ..Default::default()
            }),
        );
    }
    batch
}

fn push(batch: &mut Batch, file: &str, line: usize, record: Record) {
    batch.records.push(Parsed {
        file: file.to_string(),
        line,
        record,
    });
}

/// Checks and cleans one row; every bad field is a problem.
/// Parties and states already looked up: a file names a few hundred of each in
/// tens of thousands of rows.
#[derive(Default)]
struct Memo {
    parties: HashMap<String, Option<crate::model::Organization>>,
    places: HashMap<String, Option<Place>>,
}

impl Memo {
    fn party(&mut self, raw: &str) -> Option<crate::model::Organization> {
        self.parties
            .entry(raw.to_string())
            .or_insert_with(|| parties::party_record(raw, Some(SOURCE_ID)))
            .clone()
    }

    fn place(&mut self, raw: &str) -> Option<Place> {
        self.places
            .entry(raw.to_string())
            .or_insert_with(|| Place::from_name(raw))
            .clone()
    }
}

fn read_row(
    file: &str,
    r: &table::Row,
    memo: &mut Memo,
) -> Result<Row, Vec<crate::error::Problem>> {
    let line = r.line;
    let mut problems = Vec::new();
    let mut original = BTreeMap::new();
    let mut bad = |field: &str, message: String| problems.push(r.problem(file, field, message));

    let raw_name = r.raw("Candidate");
    let raw_party = r.raw("Party");
    let nota = india::is_nota(raw_name, raw_party);
    let (name, aliases) = india::candidate_name(raw_name);
    if name.is_empty() {
        bad(
            "Candidate",
            "is empty: every row names its candidate".into(),
        );
    }
    let party = memo.party(raw_party);
    if clean::text(raw_party).is_some() {
        original.insert("party".to_string(), raw_party.to_string());
    }

    let raw_constituency = r.raw("Constituency");
    let constituency = india::constituency_name(raw_constituency);
    if constituency.is_empty() {
        bad("Constituency", "is empty".into());
    } else if raw_constituency != constituency {
        original.insert("constituency".to_string(), raw_constituency.to_string());
    }

    let year = india::year(r.raw("Year")).map_err(|m| bad("Year", m)).ok();
    let state = memo.place(r.raw("State"));
    let raw_house = r.raw("House");
    let house = if india::tidy(raw_house).eq_ignore_ascii_case("lok sabha") {
        if state.is_none() {
            bad(
                "State",
                "is empty: a Lok Sabha row needs the constituency's state".into(),
            );
        }
        Some(House::LokSabha)
    } else {
        match memo.place(raw_house) {
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
    Ok(Row {
        line,
        name,
        aliases,
        party,
        nota,
        affidavit: Affidavit {
            date: Some(election.date()),
            criminal_cases,
            education: clean::text(r.raw("Education")),
            age,
            assets,
            liabilities,
        },
        winner,
        constituency,
        state,
        district: india::tidy(r.raw("District")),
        election,
        original,
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
    use crate::model::Kind;

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

    #[test]
    fn a_seat_without_any_winner_has_no_result() {
        let row = |name: &str| {
            format!("\"{name}\";\"IND\";\"0\";\"Graduate\";\"40\";\"1\";\"0\";\"No\";\"KARUR\";\"TAMIL NADU\";\"\";\"2024\";\"Lok Sabha\";\"No Comment\"\n")
        };
        let b = parse("x.csv", &format!("{HEADER}{}{}", row("A B"), row("C D")));
        assert!(candidacies(&b).iter().all(|c| c.result.is_none()));
    }

    #[test]
    fn two_seats_of_one_name_in_different_districts_are_decided_apart() {
        let row = |name: &str, district: &str, winner: &str| {
            format!("\"{name}\";\"IND\";\"0\";\"Graduate\";\"40\";\"1\";\"0\";\"{winner}\";\"NAWABGANJ\";\"UTTAR PRADESH\";\"{district}\";\"2007\";\"Uttar Pradesh\";\"No Comment\"\n")
        };
        let text = format!(
            "{HEADER}{}{}{}",
            row("A", "BAREILLY", "Yes"),
            row("B", "BAREILLY", "No"),
            row("C", "BARABANKI", "No")
        );
        let b = parse("up.csv", &text);
        let results: Vec<Option<Outcome>> = candidacies(&b).iter().map(|c| c.result).collect();
        assert_eq!(results, vec![Some(Outcome::Won), Some(Outcome::Lost), None]);
    }

    #[test]
    fn namesakes_in_one_seat_get_numbered_ids() {
        let row = "\"Jothimani. S\";\"IND\";\"0\";\"Graduate\";\"40\";\"1\";\"0\";\"No\";\"KARUR\";\"TAMIL NADU\";\"\";\"2024\";\"Lok Sabha\";\"No Comment\"\n";
        let b = parse("x.csv", &format!("{HEADER}{row}{row}"));
        let ids: Vec<&str> = persons(&b).iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                "adr-lok-sabha-2024-tamil-nadu-karur-jothimani-s",
                "adr-lok-sabha-2024-tamil-nadu-karur-jothimani-s-2"
            ]
        );
    }

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
    fn bad_fields_are_problems_naming_line_and_column() {
        let text = format!(
            "{HEADER}\"A\";\"SP\";\"many\";\"\";\"40\";\"1\";\"0\";\"Maybe\";\"X\";\"UP\";\"\";\"20x4\";\"Lok Sabha\";\"\"\n\"\";\"SP\";\"0\";\"\";\"40\";\"1\";\"0\";\"No\";\"X\";\"UP\";\"\";\"2014\";\"Lok Sabha\";\"\"\n\"short\";\"row\"\n"
        );
        let b = parse("bad.csv", &text);
        let got: Vec<(usize, &str)> = b
            .problems
            .iter()
            .map(|p| (p.line, p.field.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (4, ""),
                (2, "Year"),
                (2, "Criminal Cases"),
                (2, "Winner"),
                (3, "Candidate")
            ]
        );
        assert!(b.records.is_empty());
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
