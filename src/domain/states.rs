//! India's states and union territories as the datasets write them
//! (`Andhra_Pradesh`, `Jammu & Kashmir`, `Orissa`, `Maharastra`), mapped to one
//! English name, its Hindi name and a slug for ids (`chief-minister-uttar-pradesh`).
//!
//! Hindi names are the forms the Government of India uses; old names, the
//! misspellings met in the TCPD files and the abbreviations people type (`UP`,
//! `यूपी`, `J&K`, `TN`) are aliases. A name not in the table is
//! kept as written (cleaned), with no Hindi.

use crate::domain::key;
use crate::model::Names;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, PartialEq, Eq)]
pub struct State {
    pub slug: &'static str,
    pub en: &'static str,
    pub hi: &'static str,
    aliases: &'static [&'static str],
}

const fn st(
    slug: &'static str,
    en: &'static str,
    hi: &'static str,
    aliases: &'static [&'static str],
) -> State {
    State {
        slug,
        en,
        hi,
        aliases,
    }
}

const STATES: &[State] = &[
    st(
        "andhra-pradesh",
        "Andhra Pradesh",
        "आंध्र प्रदेश",
        &["AP", "एपी"],
    ),
    st("arunachal-pradesh", "Arunachal Pradesh", "अरुणाचल प्रदेश", &[]),
    st("assam", "Assam", "असम", &[]),
    st("bihar", "Bihar", "बिहार", &[]),
    st(
        "chhattisgarh",
        "Chhattisgarh",
        "छत्तीसगढ़",
        &["Chhasttisgarh", "Chattisgarh"],
    ),
    st("goa", "Goa", "गोवा", &[]),
    st("gujarat", "Gujarat", "गुजरात", &[]),
    st("haryana", "Haryana", "हरियाणा", &[]),
    st(
        "himachal-pradesh",
        "Himachal Pradesh",
        "हिमाचल प्रदेश",
        &["Himachal", "HP", "एचपी", "हिमाचल"],
    ),
    st("jharkhand", "Jharkhand", "झारखंड", &[]),
    st("karnataka", "Karnataka", "कर्नाटक", &["Mysore"]),
    st("kerala", "Kerala", "केरल", &[]),
    st(
        "madhya-pradesh",
        "Madhya Pradesh",
        "मध्य प्रदेश",
        &["MP", "एमपी"],
    ),
    st(
        "maharashtra",
        "Maharashtra",
        "महाराष्ट्र",
        &["Maharastra", "MH"],
    ),
    st("manipur", "Manipur", "मणिपुर", &[]),
    st("meghalaya", "Meghalaya", "मेघालय", &[]),
    st("mizoram", "Mizoram", "मिज़ोरम", &[]),
    st("nagaland", "Nagaland", "नागालैंड", &[]),
    st("odisha", "Odisha", "ओडिशा", &["Orissa", "उड़ीसा", "ओडिसा"]),
    st("punjab", "Punjab", "पंजाब", &[]),
    st("rajasthan", "Rajasthan", "राजस्थान", &[]),
    st("sikkim", "Sikkim", "सिक्किम", &[]),
    st(
        "tamil-nadu",
        "Tamil Nadu",
        "तमिलनाडु",
        &["Madras", "TN", "तमिल नाडु"],
    ),
    st("telangana", "Telangana", "तेलंगाना", &[]),
    st("tripura", "Tripura", "त्रिपुरा", &[]),
    st(
        "uttar-pradesh",
        "Uttar Pradesh",
        "उत्तर प्रदेश",
        &["UP", "यूपी", "उप्र"],
    ),
    st("uttarakhand", "Uttarakhand", "उत्तराखंड", &["Uttaranchal"]),
    st(
        "west-bengal",
        "West Bengal",
        "पश्चिम बंगाल",
        &["WB", "Bengal", "बंगाल"],
    ),
    st(
        "delhi",
        "Delhi",
        "दिल्ली",
        &[
            "NCT of Delhi",
            "New Delhi",
            "National Capital Territory of Delhi",
        ],
    ),
    st(
        "jammu-and-kashmir",
        "Jammu and Kashmir",
        "जम्मू और कश्मीर",
        &["J&K", "JK", "जम्मू कश्मीर", "जम्मू-कश्मीर"],
    ),
    st("ladakh", "Ladakh", "लद्दाख", &[]),
    st("puducherry", "Puducherry", "पुडुचेरी", &["Pondicherry"]),
    st("chandigarh", "Chandigarh", "चंडीगढ़", &[]),
    st(
        "andaman-and-nicobar-islands",
        "Andaman and Nicobar Islands",
        "अंडमान और निकोबार द्वीपसमूह",
        &["Andaman & Nicobar", "Andaman and Nicobar"],
    ),
    st("lakshadweep", "Lakshadweep", "लक्षद्वीप", &[]),
    st(
        "dadra-and-nagar-haveli-and-daman-and-diu",
        "Dadra and Nagar Haveli and Daman and Diu",
        "दादरा और नगर हवेली और दमन और दीव",
        &[],
    ),
    // Two territories until 2020; the older ADR Lok Sabha rows name them apart.
    st(
        "dadra-and-nagar-haveli",
        "Dadra and Nagar Haveli",
        "दादरा और नगर हवेली",
        &[],
    ),
    st("daman-and-diu", "Daman and Diu", "दमन और दीव", &[]),
];

/// Every name, slug and alias of the table by its key, built once: an import
/// looks up a state for every row.
fn by_key() -> &'static HashMap<String, &'static State> {
    static MAP: OnceLock<HashMap<String, &'static State>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for s in STATES {
            for n in [s.en, s.slug, s.hi].iter().chain(s.aliases) {
                map.entry(key(n)).or_insert(s);
            }
        }
        map
    })
}

/// Every state and union territory of the table.
pub fn all() -> impl Iterator<Item = &'static State> {
    STATES.iter()
}

/// The state or union territory a dataset's text names, if it is one.
pub fn find(text: &str) -> Option<&'static State> {
    by_key().get(&key(text)).copied()
}

/// A place name for display: `Andhra_Pradesh` → `Andhra Pradesh`, with the Hindi
/// name when it is a known state. `None` for a missing value.
pub fn names(text: &str) -> Option<Names> {
    let cleaned = crate::import::clean::text(&text.replace('_', " "))?;
    Some(match find(&cleaned) {
        Some(s) => Names::new([("en", s.en), ("hi", s.hi)]),
        None => Names::new([("en", cleaned.as_str())]),
    })
}

/// The slug of a state for ids: the table's, or one made from the text.
pub fn slug(text: &str) -> String {
    match find(text) {
        Some(s) => s.slug.to_string(),
        None => crate::import::clean::slug(text),
    }
}

/// india-votes-data's state codes (`data/states.csv`, MIT licence, © 2024 India
/// Votes Data), with the names [`find`] knows them by.
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
pub fn by_code(code: &str) -> Option<Place> {
    let code = code.trim();
    CODES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .and_then(|(_, name)| find(name))
        .map(Place::known)
}

/// A state as an importer uses it: known to the table, or only by the dataset's name.
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
        use crate::import::clean;
        let text = clean::text(text)?;
        Some(match find(&text) {
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

    fn known(s: &State) -> Place {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dataset_spellings_meet_on_one_state() {
        for text in [
            "Andhra_Pradesh",
            "Andhra Pradesh",
            "ANDHRA PRADESH",
            "आंध्र प्रदेश",
        ] {
            assert_eq!(find(text).map(|s| s.slug), Some("andhra-pradesh"), "{text}");
        }
        assert_eq!(slug("Jammu_&_Kashmir"), "jammu-and-kashmir");
        assert_eq!(slug("Jammu & Kashmir"), "jammu-and-kashmir");
        assert_eq!(find("Maharastra").map(|s| s.en), Some("Maharashtra"));
        assert_eq!(find("Orissa").map(|s| s.en), Some("Odisha"));
        // The ADR files' spellings.
        for (text, slug) in [
            ("CHATTISGARH", "chhattisgarh"),
            ("Himachal", "himachal-pradesh"),
            ("NATIONAL CAPITAL TERRITORY OF DELHI", "delhi"),
            ("PONDICHERRY", "puducherry"),
            ("DADRA & NAGAR HAVELI", "dadra-and-nagar-haveli"),
            (
                "Dadra & Nagar Haveli and Daman & Diu",
                "dadra-and-nagar-haveli-and-daman-and-diu",
            ),
            ("ANDAMAN & NICOBAR ISLANDS", "andaman-and-nicobar-islands"),
        ] {
            assert_eq!(find(text).map(|s| s.slug), Some(slug), "{text}");
        }
        // What people type: abbreviations in either script.
        for (text, slug) in [
            ("UP", "uttar-pradesh"),
            ("यूपी", "uttar-pradesh"),
            ("MP", "madhya-pradesh"),
            ("एमपी", "madhya-pradesh"),
            ("AP", "andhra-pradesh"),
            ("HP", "himachal-pradesh"),
            ("J&K", "jammu-and-kashmir"),
            ("जम्मू-कश्मीर", "jammu-and-kashmir"),
            ("TN", "tamil-nadu"),
            ("WB", "west-bengal"),
            ("बंगाल", "west-bengal"),
        ] {
            assert_eq!(find(text).map(|s| s.slug), Some(slug), "{text}");
        }
        assert!(find("Assam Meghalya").is_none());
        assert!(find("").is_none());
    }

    #[test]
    fn names_carry_hindi_for_known_states_only() {
        let n = names("Uttar_Pradesh").unwrap();
        assert_eq!(
            (n.get("en"), n.get("hi")),
            (Some("Uttar Pradesh"), Some("उत्तर प्रदेश"))
        );
        let n = names("A G M U T").unwrap();
        assert_eq!((n.get("en"), n.get("hi")), (Some("A G M U T"), None));
        assert!(names(" - ").is_none());
        assert_eq!(slug("Some Place"), "some-place");
    }

    #[test]
    fn slugs_are_valid_ids_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for s in STATES {
            assert!(
                crate::model::validate::check_id(s.slug).is_ok(),
                "{}",
                s.slug
            );
            assert_eq!(s.slug, crate::import::clean::slug(s.en), "{}", s.en);
            assert!(seen.insert(s.slug), "{} twice", s.slug);
        }
    }

    #[test]
    fn india_votes_codes_name_states() {
        assert_eq!(by_code("HR").unwrap().slug, "haryana");
        assert_eq!(by_code("dl").unwrap().en, "Delhi");
        assert_eq!(by_code("UK").unwrap().hi.as_deref(), Some("उत्तराखंड"));
        assert!(by_code("XX").is_none());
        // Every code names a state the table knows.
        for (code, _) in CODES {
            assert!(by_code(code).is_some(), "{code}");
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
}
