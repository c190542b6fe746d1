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

use crate::domain::states;
use crate::error::Problem;
use crate::import::build::appointments::{self, Appointments};
use crate::import::dataset::{names_all, Cite, Csv};
use crate::import::table::Row;
use crate::import::{clean, sources, Batch};
use crate::model::{Gender, Names, Office, PartialDate, Person, Record, Service, Tenure};

/// The dataset: `--format tcpd-ias`.
pub struct TcpdIas;

/// The dataset's source record.
pub const SOURCE_ID: &str = TcpdIas::SOURCE.id;

/// The columns a file must have.
const REQUIRED: &str = "ID,Name,Cadre,Allotment_Year,Date_of_Birth,Gender,Place_of_Domicile,Last_Designation,Last_Office,Last_Start_Date,Last_End_Date";

impl Csv for TcpdIas {
    const NAME: &'static str = "tcpd-ias";
    const ABOUT: &'static str = "TCPD's IAS officers (ias-profile.csv)";
    const SOURCE: Cite = sources::TCPD_IAS;
    type Row = Officer;
    type File = ();

    fn recognise(&self, header: &[String]) -> bool {
        names_all(header, "ID,Name,Cadre,Allotment_Year,Last_Designation")
    }

    fn required(&self, _header: &[String]) -> &'static str {
        REQUIRED
    }

    fn read(&self, file: &str, _: &mut (), row: &Row) -> Result<Officer, Vec<Problem>> {
        Officer::read(file, row)
    }

    /// Officers in file order; rows sharing an `ID` fold into the first.
    fn build(&self, file: &str, rows: Vec<Officer>, batch: &mut Batch) {
        let mut out = Appointments::new(file, SOURCE_ID);
        for officer in rows {
            let names = [officer.raw_name.as_str(), officer.name.as_str()];
            let (i, new) = out.person(&officer.tcpd_id, officer.line, &names, || officer.person());
            let person = out.person_mut(i);
            if !new {
                person.birth_date = person.birth_date.or(officer.birth);
                person.gender = person.gender.or(officer.gender);
                if person.home_state.is_none() {
                    person.home_state = officer.domicile.clone();
                }
                batch.skip("row of an officer ID read before (merged into that officer)");
            }
            let person = person.id.clone();
            if let Some((office, tenure)) = officer.posting(&out, &person) {
                out.office(officer.line, office);
                // The same posting listed twice under one ID is one tenure.
                out.fact(officer.line, Record::Tenure(tenure));
            }
        }
        out.finish(batch);
    }
}

/// One row, checked and cleaned.
pub struct Officer {
    line: usize,
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
    /// Why the end date, given before the start, is left out.
    end_left_out: Option<String>,
    retired: bool,
    level: Option<String>,
    field: Option<String>,
}

impl Officer {
    fn read(file: &str, row: &Row) -> Result<Officer, Vec<Problem>> {
        let mut problems = Vec::new();
        let tcpd_id = row.needed(file, "ID", "every officer needs TCPD's ID", &mut problems);
        let raw_name = row.needed(file, "Name", "every officer needs a name", &mut problems);
        let birth = row.date(file, "Date_of_Birth", &mut problems);
        let start = row.date(file, "Last_Start_Date", &mut problems);
        let end = row.date(file, "Last_End_Date", &mut problems);
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
        let (end, end_left_out) = appointments::end_after_start(start, end);
        let domicile = row
            .text("Place_of_Domicile")
            .filter(|d| !d.eq_ignore_ascii_case("others"))
            .and_then(|d| states::names(&d));
        let mut o = Officer {
            line: row.line,
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
            end_left_out,
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
            aliases,
            gender: self.gender,
            birth_date: self.birth,
            home_state: self.domicile.clone(),
            services: vec![Service {
                service: "IAS".into(),
                batch: self.batch,
                cadre: self.cadre.clone(),
            }],
            summary: self.summary.clone(),
            identifiers: [("tcpd_ias".to_string(), self.tcpd_id.clone())].into(),
            ..Person::named(self.person_id(), "en", &self.name, SOURCE_ID)
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
    fn posting(&self, out: &Appointments, person: &str) -> Option<(Office, Tenure)> {
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
        if let Some(why) = &self.end_left_out {
            note.push(why.clone());
        } else if self.end.is_none() && self.retired {
            note.push("the dataset gives no end date, though the officer has retired".into());
        }
        let note = Names::new([("en", format!("{}.", note.join("; ")).as_str())]);
        let tenure = Tenure {
            ended: self.end.is_none() && (self.retired || self.end_left_out.is_some()),
            ..out.tenure(person, &office_id, self.start, self.end, note)
        };
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
#[path = "tests/tcpd_ias.rs"]
mod tests;
