//! The TCPD IAS officers dataset (`ias-profile.csv`, TCPD-IAS 1951–2020): one
//! person per officer, with the service, batch and cadre, and the last posting as
//! an office and a tenure.
//!
//! An officer is identified by TCPD's `ID` (`UP042600`); ids are
//! `tcpd-ias-<ID>-<name>` (`tcpd-ias-up042600-alok-ranjan`), so the three officers
//! called Alok Ranjan stay three people and none is the seed's `alok-ranjan`
//! (finding the same person across sources is `duplicates`' job). The file lists a
//! few officers twice under one `ID` (e.g. `PB004300`, once per posting): such rows
//! make one person, with each row's posting.
//!
//! Posts are named by designation and office as TCPD writes them (`Chief Secy`,
//! `Uttar Pradesh`); the display name spells out the usual abbreviations
//! (`Chief Secretary, Uttar Pradesh`) and keeps the original as an alias.

use super::table::{Row, Table};
use super::{clean, Batch, Parsed};
use crate::domain::states;
use crate::error::Problem;
use crate::model::{Gender, Names, Office, PartialDate, Person, Record, Service, Source, Tenure};
use std::collections::HashMap;

/// The dataset's source record.
pub const SOURCE_ID: &str = "src-tcpd-ias";

const REQUIRED: &[&str] = &[
    "ID",
    "Name",
    "Cadre",
    "Allotment_Year",
    "Date_of_Birth",
    "Gender",
    "Place_of_Domicile",
    "Last_Designation",
    "Last_Office",
    "Last_Start_Date",
    "Last_End_Date",
];

/// The dataset: `--format tcpd-ias`.
pub struct TcpdIas;

impl super::dataset::Dataset for TcpdIas {
    fn name(&self) -> &'static str {
        "tcpd-ias"
    }

    fn about(&self) -> &'static str {
        "TCPD's IAS officers (ias-profile.csv)"
    }

    fn recognise(&self, _file: &str, text: &str) -> Option<super::dataset::Role> {
        detect(text).then_some(super::dataset::Role::Records)
    }

    fn parse(&self, file: &str, text: &str) -> Batch {
        parse(file, text)
    }
}

/// Whether `text` is this dataset: its header names the IAS columns.
pub fn detect(text: &str) -> bool {
    super::table::has_columns(
        text,
        &["ID", "Name", "Cadre", "Allotment_Year", "Last_Designation"],
    )
}

fn source(file: &str) -> Source {
    Source {
        id: SOURCE_ID.into(),
        title: "TCPD Indian Administrative Service Officers Dataset (TCPD-IAS), 1951-2020".into(),
        publisher: Some("Trivedi Centre for Political Data (TCPD), Ashoka University".into()),
        url: Some("https://github.com/tcpd/ias-release".into()),
        date: None,
        language: Some("en".into()),
        licence: Some("TCPD: free for non-commercial use with citation (see its README)".into()),
        file: Some(clean::file_name(file)),
        text: None,
    }
}

/// Parses the IAS profile CSV.
pub fn parse(file: &str, text: &str) -> Batch {
    let mut batch = Batch::default();
    let Some(table) = Table::read(file, text, REQUIRED, &mut batch.problems) else {
        return batch;
    };
    batch.default_record(file, 1, Record::Source(source(file)));
    // Officers in file order; rows sharing an `ID` fold into the first.
    let mut people: Vec<(usize, Person)> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut offices: Vec<(usize, Office)> = Vec::new();
    let mut office_at: HashMap<String, usize> = HashMap::new();
    let mut tenures: Vec<(usize, Tenure)> = Vec::new();
    let mut tenure_ids: HashMap<String, usize> = HashMap::new();

    for row in table.rows() {
        let officer = match Officer::read(file, &row) {
            Ok(o) => o,
            Err(mut problems) => {
                batch.problems.append(&mut problems);
                continue;
            }
        };
        let person_id = match by_id.get(&officer.tcpd_id) {
            Some(&i) => {
                fold(&mut people[i].1, &officer);
                batch.skip("row of an officer ID read before (merged into that officer)");
                people[i].1.id.clone()
            }
            None => {
                let p = officer.person();
                by_id.insert(officer.tcpd_id.clone(), people.len());
                let id = p.id.clone();
                people.push((row.line, p));
                id
            }
        };
        if let Some((office, tenure)) = officer.posting(&person_id) {
            match office_at.get(&office.id) {
                Some(&i) => {
                    // Two spellings that slug alike: one office, the other as an alias.
                    let known = &mut offices[i].1;
                    for n in office
                        .name
                        .texts()
                        .chain(office.aliases.iter().map(String::as_str))
                    {
                        if !known.name.texts().any(|t| t == n)
                            && !known.aliases.iter().any(|a| a == n)
                        {
                            known.aliases.push(n.to_string());
                        }
                    }
                }
                None => {
                    office_at.insert(office.id.clone(), offices.len());
                    offices.push((row.line, office));
                }
            }
            // The same posting listed twice under one ID is one tenure.
            if !tenure_ids.contains_key(&tenure.id) {
                tenure_ids.insert(tenure.id.clone(), tenures.len());
                tenures.push((row.line, tenure));
            }
        }
    }
    let mut push = |line: usize, record: Record| {
        batch.records.push(Parsed {
            file: file.to_string(),
            line,
            record,
        })
    };
    for (line, o) in offices {
        push(line, Record::Office(o));
    }
    for (line, p) in people {
        push(line, Record::Person(p));
    }
    for (line, t) in tenures {
        push(line, Record::Tenure(t));
    }
    batch.problems.sort_by_key(|p| p.line);
    batch
}

/// One row, checked and cleaned.
struct Officer {
    tcpd_id: String,
    raw_name: String,
    name: String,
    cadre: Option<Names>,
    batch: Option<u16>,
    birth: Option<PartialDate>,
    gender: Option<Gender>,
    domicile: Option<Names>,
    summary: Names,
    designation: Option<String>,
    office: Option<String>,
    start: Option<PartialDate>,
    end: Option<PartialDate>,
    /// The end date as written when it is before the start (and so left out).
    bad_end: Option<String>,
    retired: bool,
    level: Option<String>,
    field: Option<String>,
}

impl Officer {
    fn read(file: &str, row: &Row) -> Result<Officer, Vec<Problem>> {
        let mut problems = Vec::new();
        let tcpd_id = row.text("ID");
        if tcpd_id.is_none() {
            problems.push(row.problem(file, "ID", "missing: every officer needs TCPD's ID"));
        }
        let raw_name = row.text("Name");
        if raw_name.is_none() {
            problems.push(row.problem(file, "Name", "missing: every officer needs a name"));
        }
        let mut date = |column: &str| match clean::date(row.raw(column)) {
            Ok(d) => d,
            Err(e) => {
                problems.push(row.problem(file, column, e));
                None
            }
        };
        let birth = date("Date_of_Birth");
        let start = date("Last_Start_Date");
        let end = date("Last_End_Date");
        let batch = match clean::number(row.raw("Allotment_Year")) {
            Ok(None) => None,
            Ok(Some(y)) if (1850..=2100).contains(&y) => Some(y as u16),
            Ok(Some(y)) => {
                problems.push(row.problem(
                    file,
                    "Allotment_Year",
                    format!("{y} is not a plausible batch year"),
                ));
                None
            }
            Err(e) => {
                problems.push(row.problem(file, "Allotment_Year", e));
                None
            }
        };
        let gender = match row.text("Gender").map(|g| g.to_lowercase()) {
            None => None,
            Some(g) if g == "male" || g == "m" => Some(Gender::Male),
            Some(g) if g == "female" || g == "f" => Some(Gender::Female),
            Some(g) if g == "other" || g == "transgender" => Some(Gender::Other),
            Some(_) => {
                problems.push(row.problem(
                    file,
                    "Gender",
                    format!("`{}` is not Male or Female", row.raw("Gender").trim()),
                ));
                None
            }
        };
        let (Some(tcpd_id), Some(raw_name)) = (tcpd_id, raw_name) else {
            return Err(problems);
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let (end, bad_end) = match (start, end) {
            (Some(s), Some(e)) if e < s => (None, Some(e.to_string())),
            _ => (end, None),
        };
        let domicile = row
            .text("Place_of_Domicile")
            .filter(|d| !d.eq_ignore_ascii_case("others"))
            .and_then(|d| states::names(&d));
        let mut o = Officer {
            name: clean::person_name(&raw_name),
            raw_name,
            tcpd_id,
            cadre: row.text("Cadre").map(|c| cadre(&c)),
            batch,
            birth,
            gender,
            domicile,
            summary: Names::default(),
            designation: row.text("Last_Designation"),
            office: row.text("Last_Office"),
            start,
            end,
            bad_end,
            retired: row.raw("Retired").trim() == "1",
            level: row.text("Last_Level"),
            field: row.text("Last_Field_of_Experience"),
        };
        o.summary = o.summary(row);
        Ok(o)
    }

    fn person_id(&self) -> String {
        let name = clean::slug_max(&self.name, 60);
        let id = clean::slug(&self.tcpd_id);
        if name.is_empty() {
            format!("tcpd-ias-{id}")
        } else {
            format!("tcpd-ias-{id}-{name}")
        }
    }

    fn person(&self) -> Person {
        let mut aliases = Vec::new();
        if self.raw_name != self.name {
            aliases.push(self.raw_name.clone());
        }
        Person {
            id: self.person_id(),
            name: Names::new([("en", self.name.as_str())]),
            aliases,
            gender: self.gender,
            birth_date: self.birth,
            birth_place: None,
            home_district: None,
            home_state: self.domicile.clone(),
            services: vec![Service {
                service: "IAS".into(),
                batch: self.batch,
                cadre: self.cadre.clone(),
            }],
            summary: self.summary.clone(),
            identifiers: [("tcpd_ias".to_string(), self.tcpd_id.clone())].into(),
            same_as: Vec::new(),
            sources: vec![SOURCE_ID.into()],
            ..Default::default()
        }
    }

    /// The last designation when it is a status, not a post (`On Leave`,
    /// `Under Suspension`, `Waiting for posting`).
    fn status(&self) -> Option<&str> {
        let d = self.designation.as_deref()?;
        let lower = d.to_lowercase();
        let status = lower.starts_with("on ")
            || lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "leave")
            || matches!(
                lower.as_str(),
                "under suspension"
                    | "suspended"
                    | "under training"
                    | "posting awaited"
                    | "waiting for posting"
            );
        status.then_some(d)
    }

    /// `Chief Secretary, Uttar Pradesh` (with `Chief Secy, Uttar Pradesh` kept).
    fn post_names(&self) -> Option<(String, String)> {
        if self.status().is_some() {
            return None;
        }
        // `Secretary-cum-commissioner,` ends in a comma in the file.
        let designation = self.designation.as_deref()?.trim_end_matches([',', ' ']);
        let original = match &self.office {
            Some(o) => format!("{designation}, {o}"),
            None => designation.to_string(),
        };
        let mut display = clean::capitalise(&expand(designation));
        if let Some(o) = &self.office {
            display = format!("{display}, {}", expand(o));
        }
        Some((display, original))
    }

    /// The last posting as an office and a tenure; `None` without a designation.
    fn posting(&self, person: &str) -> Option<(Office, Tenure)> {
        let (display, original) = self.post_names()?;
        let office_id = format!("ias-post-{}", clean::slug_max(&original, 80));
        let mut aliases = Vec::new();
        if original != display {
            aliases.push(original.clone());
        }
        let summary = if self.office.is_none() {
            Names::new([(
                "en",
                "A post named in the TCPD IAS dataset without the office it belongs to.",
            )])
        } else {
            Names::default()
        };
        let office = Office {
            id: office_id.clone(),
            name: Names::new([("en", display.as_str())]),
            aliases,
            organization: None,
            summary,
            sources: vec![SOURCE_ID.into()],
        };
        let mut note = vec!["The last posting TCPD-IAS records".to_string()];
        let detail: Vec<&str> = [self.level.as_deref(), self.field.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !detail.is_empty() {
            note[0].push_str(&format!(" ({})", detail.join("; ")));
        }
        if let Some(bad) = &self.bad_end {
            note.push(format!(
                "the dataset gives the end as {bad}, before the start, so it is left out"
            ));
        } else if self.end.is_none() && self.retired {
            note.push("the dataset gives no end date, though the officer has retired".into());
        }
        let mut tenure = Tenure {
            id: String::new(),
            person: person.to_string(),
            office: office_id,
            start: self.start,
            end: self.end,
            ended: self.end.is_none() && (self.retired || self.bad_end.is_some()),
            note: Names::new([("en", format!("{}.", note.join("; ")).as_str())]),
            sources: vec![SOURCE_ID.into()],
        };
        let mut record = Record::Tenure(tenure.clone());
        record.fill_derived_id();
        tenure.id = record.id().to_string();
        Some((office, tenure))
    }

    fn summary(&self, row: &Row) -> Names {
        let mut en = String::from("IAS officer");
        if let Some(b) = self.batch {
            en.push_str(&format!(" of the {b} batch"));
        }
        if let Some(c) = &self.cadre {
            en.push_str(&format!(", {} cadre", c.best("en")));
        }
        if let Some(r) = row.text("Source_of_Recruitment") {
            en.push_str(&format!(" ({})", r.to_lowercase()));
        }
        en.push('.');
        let mut facts = Vec::new();
        if let Some(d) = &self.domicile {
            facts.push(format!("Domicile: {}.", d.best("en")));
        }
        if let Some(m) = row.text("Mother_Tongue") {
            facts.push(format!("Mother tongue: {m}."));
        }
        let education: Vec<String> = ["Last_Education_Qualification", "Last_Education_Subject"]
            .iter()
            .filter_map(|c| row.text(c))
            .collect();
        if !education.is_empty() {
            facts.push(format!("Education: {}.", education.join(", ")));
        }
        if let Some((display, _)) = self.post_names() {
            let mut s = format!("Last posting: {display}");
            if let Some(start) = self.start {
                s.push_str(&format!(", from {start}"));
            }
            if let Some(end) = self.end {
                s.push_str(&format!(" to {end}"));
            }
            facts.push(format!("{s}."));
        } else if let Some(status) = self.status() {
            let mut s = format!("Last recorded status: {status}");
            if let Some(o) = &self.office {
                s.push_str(&format!(", {}", expand(o)));
            }
            match (self.start, self.end) {
                (Some(a), Some(b)) => s.push_str(&format!(" ({a} to {b})")),
                (Some(a), None) => s.push_str(&format!(" (from {a})")),
                _ => {}
            }
            facts.push(format!("{s}."));
        } else if let Some(o) = &self.office {
            facts.push(format!("Last posted at {}.", expand(o)));
        }
        match (row.raw("Retired").trim(), row.text("Retirement_Reason")) {
            ("1", Some(reason)) => facts.push(format!("Retired ({}).", reason.to_lowercase())),
            ("1", None) => facts.push("Retired.".into()),
            ("0", _) => facts.push("Serving when the data was collected.".into()),
            _ => {}
        }
        for f in facts {
            en.push(' ');
            en.push_str(&f);
        }
        let mut hi = String::from("भारतीय प्रशासनिक सेवा (आईएएस) के");
        if let Some(b) = self.batch {
            hi.push_str(&format!(" {b} बैच के"));
        }
        hi.push_str(" अधिकारी");
        if let Some(c) = &self.cadre {
            hi.push_str(&format!(", {} कैडर", c.best("hi")));
        }
        hi.push('।');
        Names::new([("en", en.as_str()), ("hi", hi.as_str())])
    }
}

/// Adds what a later row for the same `ID` says that the first did not.
fn fold(person: &mut Person, other: &Officer) {
    for n in [&other.raw_name, &other.name] {
        if !person.name.texts().any(|t| t == n) && !person.aliases.contains(n) {
            person.aliases.push(n.clone());
        }
    }
    person.birth_date = person.birth_date.or(other.birth);
    person.gender = person.gender.or(other.gender);
    if person.home_state.is_none() {
        person.home_state = other.domicile.clone();
    }
}

/// A cadre's names: a state's (with Hindi), or one of the joint cadres.
fn cadre(text: &str) -> Names {
    let joint: &[(&str, &str, Option<&str>)] = &[
        ("assammeghalya", "Assam-Meghalaya", Some("असम-मेघालय")),
        ("assammeghalaya", "Assam-Meghalaya", Some("असम-मेघालय")),
        ("manipurtripura", "Manipur-Tripura", Some("मणिपुर-त्रिपुरा")),
        ("agmut", "AGMUT", None),
    ];
    let key: String = text
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    if let Some((_, en, hi)) = joint.iter().find(|(k, _, _)| *k == key) {
        let mut n = Names::new([("en", *en)]);
        if let Some(hi) = hi {
            n.0.insert("hi".into(), hi.to_string());
        }
        return n;
    }
    states::names(text).unwrap_or_else(|| Names::new([("en", text)]))
}

/// Spells out the abbreviations of TCPD's designations and offices
/// (`Jt Secy` → `Joint Secretary`, `M/o` → `Ministry of`).
fn expand(text: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        ("secy", "Secretary"),
        ("jt", "Joint"),
        ("addl", "Additional"),
        ("spl", "Special"),
        ("deptt", "Department"),
        ("dept", "Department"),
        ("dir", "Director"),
        ("govt", "Government"),
        ("fin", "Finance"),
        ("dev", "Development"),
        ("admn", "Administration"),
        ("mgmt", "Management"),
        ("commr", "Commissioner"),
        ("dy", "Deputy"),
        ("asstt", "Assistant"),
        ("asst", "Assistant"),
        ("prog", "Programme"),
        ("corpn", "Corporation"),
        ("m/o", "Ministry of"),
        ("d/o", "Department of"),
    ];
    text.split(' ')
        .map(|w| {
            let bare = w.trim_end_matches([',', '.']);
            let tail = &w[bare.len()..];
            let tail = tail.trim_start_matches('.');
            match WORDS.iter().find(|(k, _)| bare.eq_ignore_ascii_case(k)) {
                Some((_, full)) => format!("{full}{tail}"),
                None => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::tests::csv_rows;
    use super::*;

    const HEADER: &str = "ID,Name,Cadre,Allotment_Year,Date_of_Birth,Date_of_Joining,Source_of_Recruitment,Gender,Place_of_Domicile,Mother_Tongue,Languages_Known,Retired,Retirement_Reason,Last_Education_Qualification,Last_Education_Subject,Last_Education_Division,Last_Designation,Last_Level,Last_Office,Last_Field_of_Experience,Last_Category_of_Experience,Last_Start_Date,Last_End_Date,Source,Gender_Source";
    // Real rows from ias-profile.csv.
    const ALOK_UP: &str = "UP042600,Shri Alok Ranjan,Uttar Pradesh,1978,1956-03-09,1978-07-12,Direct Recruitment,Male,Uttar Pradesh,Hindi,English French Hindi,1,Superannuated,M.B.A.,Marketing,-,Chief Secy,Secretary,Uttar Pradesh,General Administration,Personnel and General Administration,2014-06-02,N.A.,Supremo,Supremo";
    const ALOK_RJ: &str = "RJ112S04,Shri Alok Ranjan,Rajasthan,2013,1985-12-26,2013-09-02,Direct Recruitment,Male,Rajasthan,Hindi,Hindi,0,Serving,B.E.,Electrical Engg.,First,Joint Secretary to Govt.,Under Secretary,Energy Deptt,Energy,Energy,2021-09-20,N.A.,Supremo,Supremo";
    const NAMPUI: &str = "AM003800,Shri J C Nampui,Assam Meghalya,1955,1928-08-01,1955-07-01,Direct Recruitment,Male,Assam,English,Hindi,1,Retired after Extension/Re-Employment,Graduate,English,First,N.A.,Secretary,,Planning,Planning & Prog Implementation,1986-11-01,1980-10-30,Supremo,Supremo";
    const VOHRA_1: &str = "PB004300,Shri N N Vohra,Punjab,1959,1936-05-05,1959-07-01,Direct Recruitment,Male,Punjab,Punjabi,English Hindi Punjabi,1,Superannuated,P.G.,English,First,Secretary,Secretary,M/o Defence,Defence,Defence,1990-01-01,1993-01-01,Supremo,Supremo";
    const VOHRA_2: &str = "PB004300,Shri N N Vohra,Punjab,1959,1936-05-05,1959-07-01,Direct Recruitment,Male,Punjab,Punjabi,English Hindi Punjabi,1,Superannuated,P.G.,English,First,N.A.,Secretary,,Home,Home,1993-01-01,N.A.,Supremo,Supremo";

    fn parse_rows(rows: &[&str]) -> Batch {
        csv_rows(&TcpdIas, "ias-profile.csv", HEADER, rows)
    }

    fn persons(b: &Batch) -> Vec<&Person> {
        b.records
            .iter()
            .filter_map(|p| match &p.record {
                Record::Person(p) => Some(p),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn alok_ranjan_row_maps_to_a_full_person() {
        let b = parse_rows(&[ALOK_UP]);
        assert!(b.problems.is_empty(), "{:?}", b.problems);
        let p = persons(&b)[0];
        assert_eq!(p.id, "tcpd-ias-up042600-alok-ranjan");
        assert_eq!(p.name.get("en"), Some("Alok Ranjan"));
        assert_eq!(p.aliases, vec!["Shri Alok Ranjan"]);
        assert_eq!(p.birth_date.unwrap().to_string(), "1956-03-09");
        assert_eq!(p.gender, Some(Gender::Male));
        assert_eq!(p.services[0].batch, Some(1978));
        assert_eq!(
            p.services[0].cadre.as_ref().unwrap().get("hi"),
            Some("उत्तर प्रदेश")
        );
        assert_eq!(
            p.home_state.as_ref().unwrap().get("en"),
            Some("Uttar Pradesh")
        );
        assert_eq!(p.identifiers["tcpd_ias"], "UP042600");
        assert_eq!(p.sources, vec![SOURCE_ID]);
        let en = p.summary.get("en").unwrap();
        assert!(
            en.contains("1978 batch") && en.contains("M.B.A., Marketing"),
            "{en}"
        );
        assert!(
            en.contains("Last posting: Chief Secretary, Uttar Pradesh, from 2014-06-02"),
            "{en}"
        );
        assert!(p.summary.get("hi").unwrap().contains("1978 बैच"));
        let office = b.records.iter().find_map(|p| match &p.record {
            Record::Office(o) => Some(o),
            _ => None,
        });
        let office = office.unwrap();
        assert_eq!(office.id, "ias-post-chief-secy-uttar-pradesh");
        assert_eq!(
            office.name.get("en"),
            Some("Chief Secretary, Uttar Pradesh")
        );
        assert_eq!(office.aliases, vec!["Chief Secy, Uttar Pradesh"]);
        let tenure = b.records.iter().find_map(|p| match &p.record {
            Record::Tenure(t) => Some(t),
            _ => None,
        });
        let tenure = tenure.unwrap();
        assert_eq!(tenure.person, p.id);
        assert_eq!(tenure.start.unwrap().to_string(), "2014-06-02");
        assert_eq!(tenure.end, None);
        assert!(tenure.note.get("en").unwrap().contains("retired"));
        assert_eq!(
            tenure.id,
            "tcpd-ias-up042600-alok-ranjan--ias-post-chief-secy-uttar-pradesh--2014-06-02"
        );
        assert_eq!(b.defaults.len(), 1, "the source");
        for r in &b.records {
            assert_eq!(r.record.sources(), [SOURCE_ID], "{:?}", r.record);
        }
        for r in &b.records {
            assert!(
                crate::model::validate::check_record(&r.record).is_empty(),
                "{:?}",
                r.record
            );
        }
    }

    #[test]
    fn namesakes_stay_apart_and_ids_are_deterministic() {
        let b = parse_rows(&[ALOK_UP, ALOK_RJ]);
        let ids: Vec<&str> = persons(&b).iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                "tcpd-ias-up042600-alok-ranjan",
                "tcpd-ias-rj112s04-alok-ranjan"
            ]
        );
        let again = parse_rows(&[ALOK_UP, ALOK_RJ]);
        assert_eq!(format!("{:?}", b.records), format!("{:?}", again.records));
    }

    #[test]
    fn end_before_start_is_left_out_and_noted() {
        let b = parse_rows(&[NAMPUI]);
        assert!(b.problems.is_empty(), "{:?}", b.problems);
        let p = persons(&b)[0];
        assert_eq!(
            p.services[0].cadre.as_ref().unwrap().get("en"),
            Some("Assam-Meghalaya")
        );
        // Designation `N.A.`: no posting.
        assert!(!b
            .records
            .iter()
            .any(|r| matches!(r.record, Record::Tenure(_))));
        let b = parse_rows(&[&NAMPUI.replace(",N.A.,Secretary,,", ",Secretary,Secretary,,")]);
        let t = b
            .records
            .iter()
            .find_map(|p| match &p.record {
                Record::Tenure(t) => Some(t.clone()),
                _ => None,
            })
            .unwrap();
        assert_eq!(
            (t.start.map(|d| d.to_string()), t.end),
            (Some("1986-11-01".into()), None)
        );
        assert!(t.note.get("en").unwrap().contains("1980-10-30"));
    }

    #[test]
    fn two_rows_with_one_id_are_one_person_with_both_postings() {
        let b = parse_rows(&[VOHRA_1, VOHRA_2]);
        assert!(b.problems.is_empty(), "{:?}", b.problems);
        assert_eq!(persons(&b).len(), 1);
        assert_eq!(b.skipped.values().sum::<usize>(), 1);
        let tenures = b
            .records
            .iter()
            .filter(|r| matches!(r.record, Record::Tenure(_)))
            .count();
        assert_eq!(tenures, 1, "the second row has no designation");
        let b = parse_rows(&[VOHRA_1, VOHRA_1]);
        assert_eq!(
            b.records.len(),
            3,
            "office, person, tenure once: {:?}",
            b.records
        );
    }

    #[test]
    fn bad_values_are_problems_naming_line_and_column() {
        let bad_date = ALOK_UP.replace("1956-03-09", "1956-13-45");
        let bad_year = ALOK_RJ.replace(",2013,1985", ",twenty,1985");
        let bad_gender = NAMPUI.replace(",Male,", ",Yes,");
        let no_name = ALOK_RJ.replace("Shri Alok Ranjan", "");
        let short = "UP1,Shri X,Uttar Pradesh";
        let b = parse_rows(&[&bad_date, &bad_year, &bad_gender, &no_name, short]);
        let got: Vec<(usize, &str)> = b
            .problems
            .iter()
            .map(|p| (p.line, p.field.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (2, "Date_of_Birth"),
                (3, "Allotment_Year"),
                (4, "Gender"),
                (5, "Name"),
                (6, ""),
            ]
        );
        assert!(b.problems[0].message.contains("1956-13-45"));
        assert!(persons(&b).is_empty());
    }

    #[test]
    fn a_missing_column_is_one_problem() {
        let b = parse("x.csv", "ID,Name\nUP1,Shri X\n");
        assert!(b.records.is_empty());
        assert!(b.problems.iter().all(|p| p.line == 1));
        assert!(b.problems.iter().any(|p| p.field == "Cadre"));
    }

    #[test]
    fn a_status_is_not_a_post() {
        // Line 394 of the file.
        let row = "AM109C06,Dr.(Ms.) Karuna Kumari,Assam Meghalya,2010,1976-11-22,2011-02-21,Direct Recruitment,Female,Bihar,Hindi,English Hindi,0,Serving,B.V.Sc. & A.H.,Veterinary Sc.,First,On Inter Cadre Deputation,Under Secretary,,,,2017-08-11,2020-08-10,Supremo,Supremo";
        let b = parse_rows(&[row]);
        assert!(b.problems.is_empty(), "{:?}", b.problems);
        assert_eq!(b.records.len(), 1, "the person only: {:?}", b.records);
        let p = persons(&b)[0];
        assert_eq!(p.name.get("en"), Some("Karuna Kumari"));
        assert!(p.summary.get("en").unwrap().contains(
            "Last recorded status: On Inter Cadre Deputation (2017-08-11 to 2020-08-10)."
        ));
    }

    #[test]
    fn abbreviations_are_spelt_out() {
        assert_eq!(expand("Jt Secy"), "Joint Secretary");
        assert_eq!(expand("M/o Home Affairs"), "Ministry of Home Affairs");
        assert_eq!(
            expand("Joint Secretary to Govt."),
            "Joint Secretary to Government"
        );
        assert_eq!(expand("Energy Deptt"), "Energy Department");
        assert_eq!(clean::capitalise("commissioner"), "Commissioner");
    }

    #[test]
    fn detects_its_header_only() {
        assert!(detect(HEADER));
        assert!(!detect("year,ls_number,name,party"));
    }
}
