//! What the Indian election datasets share: the legislatures and elections they
//! name (with ids every importer agrees on), the state codes of india-votes,
//! constituency and candidate names, and the deterministic ids of the people in them.
//! States themselves are [`crate::domain::states`].

use super::clean;
use crate::domain::key;
use crate::domain::states;
use crate::model::{
    Classification, Election, Names, Organization, PartialDate, Person, Record, System,
};
use std::collections::HashMap;

/// india-votes-data's state codes (`data/states.csv`, MIT licence, © 2024 India
/// Votes Data), with the names [`states::find`] knows them by.
const CODES: &[(&str, &str)] = &[
    ("AN", "Andaman and Nicobar Islands"),
    ("AP", "Andhra Pradesh"),
    ("AR", "Arunachal Pradesh"),
    ("AS", "Assam"),
    ("BR", "Bihar"),
    ("CH", "Chandigarh"),
    ("CG", "Chhattisgarh"),
    ("DN", "Dadra and Nagar Haveli and Daman and Diu"),
    ("DL", "Delhi"),
    ("GA", "Goa"),
    ("GJ", "Gujarat"),
    ("HR", "Haryana"),
    ("JK", "Jammu and Kashmir"),
    ("HP", "Himachal Pradesh"),
    ("JH", "Jharkhand"),
    ("KA", "Karnataka"),
    ("KL", "Kerala"),
    ("LA", "Ladakh"),
    ("MP", "Madhya Pradesh"),
    ("MH", "Maharashtra"),
    ("MN", "Manipur"),
    ("ML", "Meghalaya"),
    ("MZ", "Mizoram"),
    ("NL", "Nagaland"),
    ("OD", "Odisha"),
    ("PY", "Puducherry"),
    ("PB", "Punjab"),
    ("RJ", "Rajasthan"),
    ("SK", "Sikkim"),
    ("TN", "Tamil Nadu"),
    ("TG", "Telangana"),
    ("TR", "Tripura"),
    ("UP", "Uttar Pradesh"),
    ("UK", "Uttarakhand"),
    ("WB", "West Bengal"),
    ("LD", "Lakshadweep"),
];

/// The state an india-votes code (`HR`) stands for.
pub fn state_by_code(code: &str) -> Option<Place> {
    let code = code.trim();
    CODES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .and_then(|(_, name)| states::find(name))
        .map(Place::known)
}

/// A state as an importer uses it: known to [`states`], or only by the dataset's name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Place {
    /// For ids: `uttar-pradesh`.
    pub slug: String,
    pub en: String,
    pub hi: Option<String>,
}

impl Place {
    /// The state named `text`, or `None` when `text` is blank.
    pub fn from_name(text: &str) -> Option<Place> {
        let text = clean::text(text)?;
        Some(match states::find(&text) {
            Some(s) => Place::known(s),
            None => {
                let en = clean::title_case(&text);
                let slug = clean::slug(&en);
                let slug = if slug.is_empty() {
                    format!("state-{:x}", crate::domain::parties::fnv(&en))
                } else {
                    slug
                };
                Place { slug, en, hi: None }
            }
        })
    }

    fn known(s: &states::State) -> Place {
        Place {
            slug: s.slug.to_string(),
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

    /// Adds the house's legislature and this election to `batch` as defaults (created
    /// only where absent), at the line of the row that first names them.
    pub fn add_defaults(&self, batch: &mut super::Batch, file: &str, line: usize, source: &str) {
        batch.default_record(
            file,
            line,
            Record::Organization(self.house.body_record(source)),
        );
        batch.default_record(file, line, Record::Election(self.record(source)));
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
        format!("p{:x}", crate::domain::parties::fnv(name))
    } else {
        s
    }
}

/// The part of a person's id that says where they stood: the constituency, with
/// the state in a Lok Sabha election (`uttar-pradesh-hathras`).
pub fn seat_slug(house: &House, state: Option<&Place>, constituency: &str) -> String {
    let mut c = clean::slug(constituency);
    if c.len() > 50 {
        c.truncate(50);
        c = c.trim_end_matches('-').to_string();
    }
    if c.is_empty() {
        c = format!("c{:x}", crate::domain::parties::fnv(constituency));
    }
    match (house, state) {
        (House::LokSabha, Some(p)) => format!("{}-{c}", p.slug),
        _ => c,
    }
}

/// Seats that share a name in one election (the Lok Sabha's two Aurangabads, in
/// Bihar and Maharashtra; Bihar's two Kalyanpurs) get what tells them apart in
/// brackets — `Aurangabad (Bihar)`, `Kalyanpur (16)` — so a result table, which
/// groups candidates by constituency name, keeps them apart. `seats[i]` is row `i`'s
/// (election, seat) and `qualifier(i)` its state, number or district. Returns, for
/// each row whose name changed, the name it had.
pub fn qualify_shared_names(
    seats: &[(String, String)],
    names: &mut [String],
    qualifier: impl Fn(usize) -> Option<String>,
) -> Vec<Option<String>> {
    let mut by_name: HashMap<(&str, String), std::collections::HashSet<&str>> = HashMap::new();
    for (i, (election, seat)) in seats.iter().enumerate() {
        by_name
            .entry((election.as_str(), names[i].to_lowercase()))
            .or_default()
            .insert(seat.as_str());
    }
    let shared: Vec<bool> = seats
        .iter()
        .enumerate()
        .map(|(i, (election, _))| by_name[&(election.as_str(), names[i].to_lowercase())].len() > 1)
        .collect();
    let mut before = vec![None; names.len()];
    for (i, shared) in shared.into_iter().enumerate() {
        if let Some(q) = qualifier(i).filter(|q| shared && !q.is_empty()) {
            let qualified = format!("{} ({q})", names[i]);
            before[i] = Some(std::mem::replace(&mut names[i], qualified));
        }
    }
    before
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
        sources: vec![source.to_string()],
        ..Default::default()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn india_votes_codes_name_states() {
        assert_eq!(state_by_code("HR").unwrap().slug, "haryana");
        assert_eq!(state_by_code("dl").unwrap().en, "Delhi");
        assert_eq!(state_by_code("UK").unwrap().hi.as_deref(), Some("उत्तराखंड"));
        assert!(state_by_code("XX").is_none());
        // Every code names a state the table knows.
        for (code, _) in CODES {
            assert!(state_by_code(code).is_some(), "{code}");
        }
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
    fn seats_sharing_a_name_get_a_qualifier() {
        let seat = |e: &str, s: &str| (e.to_string(), s.to_string());
        let seats = [
            seat("lok-sabha-2024", "bihar-aurangabad"),
            seat("lok-sabha-2024", "bihar-aurangabad"),
            seat("lok-sabha-2024", "maharashtra-aurangabad"),
            seat("lok-sabha-2024", "bihar-gaya"),
            seat("lok-sabha-2019", "bihar-aurangabad"),
        ];
        let mut names: Vec<String> = [
            "Aurangabad",
            "Aurangabad",
            "AURANGABAD",
            "Gaya",
            "Aurangabad",
        ]
        .map(String::from)
        .to_vec();
        let states = ["Bihar", "Bihar", "Maharashtra", "Bihar", "Bihar"];
        let before = qualify_shared_names(&seats, &mut names, |i| Some(states[i].to_string()));
        assert_eq!(
            names,
            vec![
                "Aurangabad (Bihar)",
                "Aurangabad (Bihar)",
                "AURANGABAD (Maharashtra)",
                "Gaya",
                "Aurangabad"
            ]
        );
        assert_eq!(before[2].as_deref(), Some("AURANGABAD"));
        assert_eq!(before[3], None);
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
