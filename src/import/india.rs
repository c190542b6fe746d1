//! What the Indian election datasets share: states and their codes, the legislatures
//! and elections they name (with ids every importer agrees on), constituency and
//! candidate names, and the deterministic ids of the people in them.
//!
//! State codes (`UP`, ECI's `S24`) are from india-votes-data's `data/states.csv`
//! (MIT licence, © 2024 India Votes Data); the Hindi names and the older spellings
//! (`ORISSA`, `UTTARANCHAL`, `PONDICHERRY`) the ADR files use were added here.

use super::clean;
use crate::error::Problem;
use crate::model::{Classification, Election, Names, Organization, PartialDate, Person, System};
use std::collections::HashMap;

/// A state or union territory.
#[derive(Debug, PartialEq, Eq)]
pub struct State {
    /// The short code used in ids and by india-votes (`up`, lowercased).
    pub code: &'static str,
    /// ECI's state code (`S24`), if it has one.
    pub eci: Option<&'static str>,
    pub en: &'static str,
    pub hi: &'static str,
    /// Other spellings the datasets use.
    pub aliases: &'static [&'static str],
}

const fn st(
    code: &'static str,
    eci: Option<&'static str>,
    en: &'static str,
    hi: &'static str,
    aliases: &'static [&'static str],
) -> State {
    State {
        code,
        eci,
        en,
        hi,
        aliases,
    }
}

pub const STATES: &[State] = &[
    st(
        "an",
        Some("U01"),
        "Andaman and Nicobar Islands",
        "अंडमान और निकोबार द्वीपसमूह",
        &[],
    ),
    st("ap", Some("S01"), "Andhra Pradesh", "आंध्र प्रदेश", &[]),
    st("ar", Some("S02"), "Arunachal Pradesh", "अरुणाचल प्रदेश", &[]),
    st("as", Some("S03"), "Assam", "असम", &[]),
    st("br", Some("S04"), "Bihar", "बिहार", &[]),
    st("ch", Some("U02"), "Chandigarh", "चंडीगढ़", &[]),
    st(
        "cg",
        Some("S26"),
        "Chhattisgarh",
        "छत्तीसगढ़",
        &["Chattisgarh", "CT"],
    ),
    st(
        "dn",
        Some("U03"),
        "Dadra and Nagar Haveli and Daman and Diu",
        "दादरा और नगर हवेली और दमन और दीव",
        &[],
    ),
    // Two territories until 2020; the older Lok Sabha files name them apart.
    st(
        "dnh",
        None,
        "Dadra and Nagar Haveli",
        "दादरा और नगर हवेली",
        &[],
    ),
    st("dd", None, "Daman and Diu", "दमन और दीव", &[]),
    st(
        "dl",
        Some("U05"),
        "Delhi",
        "दिल्ली",
        &["NCT of Delhi", "National Capital Territory of Delhi"],
    ),
    st("ga", Some("S05"), "Goa", "गोवा", &[]),
    st("gj", Some("S06"), "Gujarat", "गुजरात", &[]),
    st("hr", Some("S07"), "Haryana", "हरियाणा", &[]),
    st(
        "hp",
        Some("S08"),
        "Himachal Pradesh",
        "हिमाचल प्रदेश",
        &["Himachal"],
    ),
    st("jk", Some("U08"), "Jammu and Kashmir", "जम्मू और कश्मीर", &[]),
    st("jh", Some("S27"), "Jharkhand", "झारखंड", &[]),
    st("ka", Some("S10"), "Karnataka", "कर्नाटक", &[]),
    st("kl", Some("S11"), "Kerala", "केरल", &[]),
    st("la", Some("U09"), "Ladakh", "लद्दाख", &[]),
    st("ld", Some("U06"), "Lakshadweep", "लक्षद्वीप", &[]),
    st("mp", Some("S12"), "Madhya Pradesh", "मध्य प्रदेश", &[]),
    st("mh", Some("S13"), "Maharashtra", "महाराष्ट्र", &[]),
    st("mn", Some("S14"), "Manipur", "मणिपुर", &[]),
    st("ml", Some("S15"), "Meghalaya", "मेघालय", &[]),
    st("mz", Some("S16"), "Mizoram", "मिज़ोरम", &[]),
    st("nl", Some("S17"), "Nagaland", "नागालैंड", &[]),
    st("od", Some("S18"), "Odisha", "ओडिशा", &["Orissa", "OR"]),
    st("py", Some("U07"), "Puducherry", "पुडुचेरी", &["Pondicherry"]),
    st("pb", Some("S19"), "Punjab", "पंजाब", &[]),
    st("rj", Some("S20"), "Rajasthan", "राजस्थान", &[]),
    st("sk", Some("S21"), "Sikkim", "सिक्किम", &[]),
    st("tn", Some("S22"), "Tamil Nadu", "तमिलनाडु", &[]),
    st("tg", Some("S29"), "Telangana", "तेलंगाना", &["TS"]),
    st("tr", Some("S23"), "Tripura", "त्रिपुरा", &[]),
    st("up", Some("S24"), "Uttar Pradesh", "उत्तर प्रदेश", &[]),
    st(
        "uk",
        Some("S28"),
        "Uttarakhand",
        "उत्तराखंड",
        &["Uttaranchal", "UT"],
    ),
    st("wb", Some("S25"), "West Bengal", "पश्चिम बंगाल", &[]),
];

/// How names are compared: case, spaces and punctuation do not matter, `&` = `and`.
pub fn key(s: &str) -> String {
    s.to_lowercase()
        .replace('&', "and")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The state a dataset names, by its name, an older spelling or its code.
pub fn state(text: &str) -> Option<&'static State> {
    // Built once: importers ask for every row.
    static BY_KEY: std::sync::OnceLock<HashMap<String, &'static State>> =
        std::sync::OnceLock::new();
    let by_key = BY_KEY.get_or_init(|| {
        let mut map = HashMap::new();
        for s in STATES {
            let names = [s.en, s.code]
                .into_iter()
                .chain(s.eci)
                .chain(s.aliases.iter().copied());
            for name in names {
                map.entry(key(name)).or_insert(s);
            }
        }
        map
    });
    by_key.get(&key(text)).copied()
}

/// A state as an importer uses it: known from the table, or only by the dataset's name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Place {
    /// For ids: the code of a known state, else a slug of the name.
    pub code: String,
    /// For the state's slug in legislature and election ids (`uttar-pradesh`).
    pub slug: String,
    pub en: String,
    pub hi: Option<String>,
}

impl Place {
    /// The state named `text`, or `None` when `text` is blank.
    pub fn from_name(text: &str) -> Option<Place> {
        let text = clean::text(text)?;
        Some(match state(&text) {
            Some(s) => Place::known(s),
            None => {
                let en = clean::title_case(&text);
                let slug = clean::slug(&en);
                let slug = if slug.is_empty() {
                    format!("state-{:x}", super::parties::fnv(&en))
                } else {
                    slug
                };
                Place {
                    code: slug.clone(),
                    slug,
                    en,
                    hi: None,
                }
            }
        })
    }

    pub fn known(s: &State) -> Place {
        Place {
            code: s.code.to_string(),
            slug: clean::slug(s.en),
            en: s.en.to_string(),
            hi: Some(s.hi.to_string()),
        }
    }

    pub fn names(&self) -> Names {
        let mut n = Names::new([("en", self.en.as_str())]);
        if let Some(hi) = &self.hi {
            n.0.insert("hi".into(), hi.clone());
        }
        n
    }
}

/// The house an election fills.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum House {
    LokSabha,
    VidhanSabha(Place),
}

impl House {
    /// The legislature's organization id: `lok-sabha`, `vidhan-sabha-uttar-pradesh`.
    pub fn body_id(&self) -> String {
        match self {
            House::LokSabha => "lok-sabha".into(),
            House::VidhanSabha(p) => format!("vidhan-sabha-{}", p.slug),
        }
    }

    fn names(&self) -> (String, Option<String>) {
        match self {
            House::LokSabha => ("Lok Sabha".into(), Some("लोकसभा".into())),
            House::VidhanSabha(p) => (
                format!("{} Vidhan Sabha", p.en),
                p.hi.as_ref().map(|hi| format!("{hi} विधानसभा")),
            ),
        }
    }

    /// The legislature's record, for [`super::Batch::default_record`].
    pub fn body_record(&self, source: &str) -> Organization {
        let (en, hi) = self.names();
        let mut name = Names::new([("en", en.as_str())]);
        if let Some(hi) = &hi {
            name.0.insert("hi".into(), hi.clone());
        }
        let (aliases, state) = match self {
            House::LokSabha => (
                vec!["House of the People".to_string(), "लोक सभा".to_string()],
                None,
            ),
            House::VidhanSabha(p) => {
                let mut a = vec![format!("{} Legislative Assembly", p.en)];
                if let Some(hi) = &p.hi {
                    a.push(format!("{hi} विधान सभा"));
                }
                (a, Some(p.names()))
            }
        };
        Organization {
            id: self.body_id(),
            name,
            aliases,
            classification: Some(Classification::Legislature),
            parent: None,
            state,
            founded: None,
            dissolved: None,
            summary: Names::default(),
            identifiers: Default::default(),
            sources: vec![source.to_string()],
        }
    }
}

/// Which election of a house: the general election of a year, or a bye-election
/// held during the term that began that year (on `date`, when the dataset says).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ElectionKey {
    pub house: House,
    pub year: u16,
    /// `Some` for a bye-election; the inner date is `None` when the dataset gives none.
    pub bye: Option<Option<PartialDate>>,
}

impl ElectionKey {
    pub fn general(house: House, year: u16) -> ElectionKey {
        ElectionKey {
            house,
            year,
            bye: None,
        }
    }

    /// `lok-sabha-2024`, `vidhan-sabha-uttar-pradesh-2022`, and for bye-elections
    /// `vidhan-sabha-assam-2021-bye-election-2021-10-30`.
    pub fn id(&self) -> String {
        let mut id = format!("{}-{}", self.house.body_id(), self.year);
        if let Some(date) = &self.bye {
            id.push_str("-bye-election");
            if let Some(d) = date {
                id.push('-');
                id.push_str(&d.to_string());
            }
        }
        id
    }

    /// When the election was held, as far as the dataset tells.
    pub fn date(&self) -> PartialDate {
        match &self.bye {
            Some(Some(d)) => *d,
            _ => PartialDate::year(self.year),
        }
    }

    /// The election's record, for [`super::Batch::default_record`].
    pub fn record(&self, source: &str) -> Election {
        let (house_en, house_hi) = self.house.names();
        let year = self.year;
        let (en, hi) = match &self.bye {
            None => (
                format!("{year} {house_en} election"),
                house_hi.map(|h| format!("{h} चुनाव {year}")),
            ),
            Some(Some(d)) => (
                format!("{d} {house_en} bye-election"),
                house_hi.map(|h| format!("{h} उपचुनाव {d}")),
            ),
            Some(None) => (
                format!("{house_en} bye-election ({year} term)"),
                house_hi.map(|h| format!("{h} उपचुनाव ({year} कार्यकाल)")),
            ),
        };
        let mut name = Names::new([("en", en.as_str())]);
        if let Some(hi) = &hi {
            name.0.insert("hi".into(), hi.clone());
        }
        let mut aliases = Vec::new();
        if self.bye.is_none() {
            match &self.house {
                House::LokSabha => {
                    aliases.push(format!("{year} Indian general election"));
                    aliases.push(format!("आम चुनाव {year}"));
                }
                House::VidhanSabha(p) => {
                    aliases.push(format!("{year} {} Legislative Assembly election", p.en));
                }
            }
        }
        let area = match &self.house {
            House::LokSabha => Names::new([("en", "India"), ("hi", "भारत")]),
            House::VidhanSabha(p) => p.names(),
        };
        Election {
            id: self.id(),
            name,
            aliases,
            body: Some(self.house.body_id()),
            area: Some(area),
            date: Some(self.date()),
            seats: None,
            indirect: false,
            system: Some(System::Fptp),
            summary: Names::default(),
            sources: vec![source.to_string()],
        }
    }
}

/// Collapses white space and drops control characters (tabs and newlines inside
/// quoted fields are in the data).
pub fn tidy(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    clean::squash(&s)
}

/// A constituency's name for display: `AGRA CANTT. (SC)` → `Agra Cantt. (SC)`,
/// `DIMAPUR-II` → `Dimapur-II`, `Araku ` → `Araku`. Mixed case is kept.
pub fn constituency_name(raw: &str) -> String {
    let t = tidy(raw);
    let titled = clean::title_case(&t);
    if titled == t {
        return t;
    }
    // Reserved-seat markers and Roman numerals stay in capitals.
    const KEEP: &[&str] = &[
        "SC", "ST", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    let mut out = String::with_capacity(titled.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let upper = word.to_uppercase();
        if KEEP.contains(&upper.as_str()) {
            out.push_str(&upper);
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in titled.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// A candidate's display name and other names: honorifics off, UPPER CASE
/// title-cased, and `X ALIAS Y` / `X URF Y` split into a name and an alias.
/// The original string, when it differs, is the first alias.
pub fn candidate_name(raw: &str) -> (String, Vec<String>) {
    let original = tidy(raw);
    let mut aliases = Vec::new();
    let lower = original.to_lowercase();
    let split = [" alias ", " urf ", " @ "]
        .iter()
        .find_map(|sep| lower.find(sep).map(|i| (i, sep.len())));
    let name = match split {
        Some((i, len)) if i > 0 && i + len < original.len() => {
            let other = clean::person_name(&original[i + len..]);
            if !other.is_empty() {
                aliases.push(other);
            }
            clean::person_name(&original[..i])
        }
        _ => clean::person_name(&original),
    };
    if !original.is_empty() && original != name {
        aliases.insert(0, original);
    }
    (name, aliases)
}

/// The slug of a person's name for ids, at most 60 characters; a hash when the
/// name has no ASCII letters.
pub fn name_slug(name: &str) -> String {
    let mut s = clean::slug(name);
    if s.len() > 60 {
        s.truncate(60);
        s = s.trim_end_matches('-').to_string();
    }
    if s.is_empty() {
        format!("p{:x}", super::parties::fnv(name))
    } else {
        s
    }
}

/// The part of a person's id that says where they stood: the constituency, with
/// the state's code in a Lok Sabha election (`up-hathras`).
pub fn seat_slug(house: &House, state: Option<&Place>, constituency: &str) -> String {
    let mut c = clean::slug(constituency);
    if c.len() > 50 {
        c.truncate(50);
        c = c.trim_end_matches('-').to_string();
    }
    if c.is_empty() {
        c = format!("c{:x}", super::parties::fnv(constituency));
    }
    match (house, state) {
        (House::LokSabha, Some(p)) => format!("{}-{c}", p.code),
        _ => c,
    }
}

/// Hands out ids, numbering repeats in the order they are asked for: `x`, `x-2`,
/// `x-3`. Namesakes in one constituency are common (a tactic to confuse voters),
/// so this keeps them apart deterministically by their order in the file.
#[derive(Default)]
pub struct Ids {
    seen: HashMap<String, u32>,
}

impl Ids {
    pub fn unique(&mut self, base: String) -> String {
        let n = self.seen.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            base
        } else {
            format!("{base}-{n}")
        }
    }
}

/// The id of the stand-in "person" whose candidacies hold the votes cast for
/// None of the Above in each constituency.
pub const NOTA_PERSON: &str = "nota";

/// Whether a row is the None of the Above line of a result.
pub fn is_nota(candidate: &str, party: &str) -> bool {
    let k = |s: &str| key(s);
    k(candidate) == "nota" || k(party) == "noneoftheabove" || k(party) == "nota"
}

/// The NOTA stand-in, for [`super::Batch::default_record`].
pub fn nota_person(source: &str) -> Person {
    Person {
        id: NOTA_PERSON.into(),
        name: Names::new([("en", "None of the Above"), ("hi", "इनमें से कोई नहीं")]),
        aliases: vec!["NOTA".into(), "नोटा".into()],
        gender: None,
        birth_date: None,
        birth_place: None,
        home_district: None,
        home_state: None,
        services: Vec::new(),
        summary: Names::new([
            (
                "en",
                "Not a person: the ballot option to reject every candidate. Its votes in each constituency are recorded as its candidacies; it never wins a seat.",
            ),
            (
                "hi",
                "व्यक्ति नहीं: सभी उम्मीदवारों को अस्वीकार करने का मतपत्र विकल्प। हर निर्वाचन क्षेत्र में इसके वोट इसकी उम्मीदवारी के रूप में दर्ज हैं; यह कभी सीट नहीं जीतता।",
            ),
        ]),
        identifiers: Default::default(),
        same_as: Vec::new(),
        sources: vec![source.to_string()],
    }
}

/// A year as the datasets write it (`2019`), within the range of Indian elections.
pub fn year(text: &str) -> Result<u16, String> {
    let t = text.trim();
    match t.parse::<u16>() {
        Ok(y) if (1950..=2100).contains(&y) => Ok(y),
        _ => Err(format!("`{t}` is not an election year (1950–2100)")),
    }
}

/// A CSV file read for an importer: its columns by name and its records with the
/// line each starts on (quoted fields may hold newlines, so lines and records differ).
pub struct Table {
    file: String,
    columns: HashMap<String, usize>,
    width: usize,
    pub rows: Vec<(usize, csv::StringRecord)>,
    /// Records that could not be read (wrong number of fields, broken quoting).
    pub problems: Vec<Problem>,
}

/// The separator a header line uses: `;` or `,`, whichever occurs more outside quotes.
pub fn separator(header: &str) -> u8 {
    let (mut semi, mut comma, mut quoted) = (0, 0, false);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semi += 1,
            ',' if !quoted => comma += 1,
            _ => {}
        }
    }
    if semi > comma {
        b';'
    } else {
        b','
    }
}

/// The column names of a header line, compared without case, spaces or punctuation.
pub fn header_keys(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let line = text.lines().next().unwrap_or("");
    line.split(separator(line) as char).map(key).collect()
}

impl Table {
    /// Reads `text`. A missing required column fails the whole file; a bad record
    /// is kept in `problems` and the others are read on.
    pub fn read(file: &str, text: &str, required: &[&str]) -> Result<Table, Vec<Problem>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let sep = separator(text.lines().next().unwrap_or(""));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(sep)
            .flexible(true)
            .has_headers(true)
            .from_reader(text.as_bytes());
        let problem = |line: usize, field: &str, message: String| Problem {
            file: file.to_string(),
            line,
            field: field.to_string(),
            message,
        };
        let header = reader
            .headers()
            .map_err(|e| vec![problem(1, "", format!("cannot read the header: {e}"))])?
            .clone();
        let columns: HashMap<String, usize> = header
            .iter()
            .enumerate()
            .map(|(i, h)| (key(h), i))
            .collect();
        let missing: Vec<Problem> = required
            .iter()
            .filter(|c| !columns.contains_key(&key(c)))
            .map(|c| problem(1, c, "this column is missing from the header".into()))
            .collect();
        if !missing.is_empty() {
            return Err(missing);
        }
        let mut table = Table {
            file: file.to_string(),
            columns,
            width: header.len(),
            rows: Vec::new(),
            problems: Vec::new(),
        };
        for result in reader.records() {
            match result {
                Ok(record) => {
                    let line = record.position().map_or(0, |p| p.line() as usize);
                    if record.len() == 1 && record[0].trim().is_empty() {
                        continue;
                    }
                    if record.len() != table.width {
                        table.problems.push(problem(
                            line,
                            "",
                            format!(
                                "has {} fields, but the header has {} (separator `{}`)",
                                record.len(),
                                table.width,
                                sep as char
                            ),
                        ));
                        continue;
                    }
                    table.rows.push((line, record));
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    table.problems.push(problem(
                        line,
                        "",
                        format!("not a readable CSV record: {e}"),
                    ));
                }
            }
        }
        Ok(table)
    }

    /// The field of `record` in column `name` (empty when the column is absent).
    pub fn get<'r>(&self, record: &'r csv::StringRecord, name: &str) -> &'r str {
        self.columns
            .get(&key(name))
            .and_then(|&i| record.get(i))
            .unwrap_or("")
    }

    pub fn has(&self, name: &str) -> bool {
        self.columns.contains_key(&key(name))
    }

    pub fn problem(&self, line: usize, field: &str, message: impl Into<String>) -> Problem {
        Problem {
            file: self.file.clone(),
            line,
            field: field.to_string(),
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_are_found_by_name_old_spelling_and_code() {
        assert_eq!(state("UTTAR PRADESH").unwrap().code, "up");
        assert_eq!(state("ORISSA").unwrap().en, "Odisha");
        assert_eq!(state("Chattisgarh").unwrap().en, "Chhattisgarh");
        assert_eq!(state("NCT OF Delhi").unwrap().code, "dl");
        assert_eq!(state("JAMMU & KASHMIR").unwrap().code, "jk");
        assert_eq!(state("Jammu and Kashmir").unwrap().code, "jk");
        assert_eq!(state("HR").unwrap().en, "Haryana");
        assert_eq!(state("S24").unwrap().en, "Uttar Pradesh");
        assert_eq!(
            state("Dadra & Nagar Haveli and Daman & Diu").unwrap().code,
            "dn"
        );
        assert_eq!(state("DADRA & NAGAR HAVELI").unwrap().code, "dnh");
        assert!(state("Atlantis").is_none());
        assert!(state(" ").is_none());
    }

    #[test]
    fn unknown_states_keep_their_name() {
        let p = Place::from_name("NEW TERRITORY").unwrap();
        assert_eq!(
            (p.slug.as_str(), p.en.as_str(), p.hi),
            ("new-territory", "New Territory", None)
        );
        assert!(Place::from_name("  ").is_none());
    }

    #[test]
    fn election_ids_and_names_in_both_languages() {
        let up = Place::from_name("UTTAR PRADESH").unwrap();
        let vs = ElectionKey::general(House::VidhanSabha(up.clone()), 2022);
        assert_eq!(vs.id(), "vidhan-sabha-uttar-pradesh-2022");
        let r = vs.record("src");
        assert_eq!(
            r.name.get("en"),
            Some("2022 Uttar Pradesh Vidhan Sabha election")
        );
        assert_eq!(r.name.get("hi"), Some("उत्तर प्रदेश विधानसभा चुनाव 2022"));
        assert_eq!(r.body.as_deref(), Some("vidhan-sabha-uttar-pradesh"));
        let ls = ElectionKey::general(House::LokSabha, 2024).record("src");
        assert_eq!(ls.id, "lok-sabha-2024");
        assert_eq!(ls.name.get("en"), Some("2024 Lok Sabha election"));
        assert_eq!(ls.name.get("hi"), Some("लोकसभा चुनाव 2024"));
        let bye = ElectionKey {
            house: House::VidhanSabha(up),
            year: 2017,
            bye: Some(Some("2019-10-21".parse().unwrap())),
        };
        assert_eq!(
            bye.id(),
            "vidhan-sabha-uttar-pradesh-2017-bye-election-2019-10-21"
        );
        assert_eq!(
            bye.record("s").name.get("hi"),
            Some("उत्तर प्रदेश विधानसभा उपचुनाव 2019-10-21")
        );
        for rec in [
            crate::model::Record::Election(bye.record("s")),
            crate::model::Record::Organization(House::LokSabha.body_record("s")),
        ] {
            assert!(crate::model::validate::check_record(&rec).is_empty());
        }
    }

    #[test]
    fn constituency_names_are_cleaned() {
        assert_eq!(constituency_name("Araku "), "Araku");
        assert_eq!(constituency_name("AGRA CANTT. (SC)"), "Agra Cantt. (SC)");
        assert_eq!(constituency_name("DIMAPUR-II"), "Dimapur-II");
        assert_eq!(constituency_name("HAYULIANG (ST)"), "Hayuliang (ST)");
        assert_eq!(constituency_name("VALMIKI  NAGAR"), "Valmiki Nagar");
        assert_eq!(constituency_name("Bapatla "), "Bapatla");
    }

    #[test]
    fn candidate_names_keep_the_original_and_split_aliases() {
        assert_eq!(
            candidate_name("DHIRENDRA PRATAP SINGH ALIAS RINKU SINGH"),
            (
                "Dhirendra Pratap Singh".to_string(),
                vec![
                    "DHIRENDRA PRATAP SINGH ALIAS RINKU SINGH".to_string(),
                    "Rinku Singh".to_string()
                ]
            )
        );
        assert_eq!(
            candidate_name("ADV K C PADAVI"),
            ("K C Padavi".to_string(), vec!["ADV K C PADAVI".to_string()])
        );
        assert_eq!(
            candidate_name("\nLaxman K Padhiya"),
            ("Laxman K Padhiya".to_string(), vec![])
        );
        assert_eq!(candidate_name("Anil Vij"), ("Anil Vij".to_string(), vec![]));
    }

    #[test]
    fn repeated_ids_are_numbered_in_order() {
        let mut ids = Ids::default();
        assert_eq!(ids.unique("krishan--x".into()), "krishan--x");
        assert_eq!(ids.unique("other".into()), "other");
        assert_eq!(ids.unique("krishan--x".into()), "krishan--x-2");
        assert_eq!(ids.unique("krishan--x".into()), "krishan--x-3");
    }

    #[test]
    fn nota_is_recognised() {
        assert!(is_nota("NOTA", "None of the Above"));
        assert!(is_nota("", "NOTA"));
        assert!(!is_nota("Nota Ram", "BSP"));
    }
}
