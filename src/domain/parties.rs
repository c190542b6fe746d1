//! India's parties as the datasets name them (`BJP`, `Bharatiya Janata Party`,
//! `SP`, `Shiv Sena`), mapped to one organization id each, so that every importer
//! links a candidate or minister to the same party record as the seed data does.
//!
//! The table covers the national and major state parties with their Hindi names;
//! abbreviations and full names are from the india-votes parties list (MIT) and the
//! parties' own usage. A party not in the table gets a deterministic id from its name.

use crate::domain::key;
use crate::model::{Classification, Names, Organization};

struct Known {
    id: &'static str,
    en: &'static str,
    hi: Option<&'static str>,
    aliases: &'static [&'static str],
    classification: Classification,
}

const fn party(
    id: &'static str,
    en: &'static str,
    hi: Option<&'static str>,
    aliases: &'static [&'static str],
) -> Known {
    Known {
        id,
        en,
        hi,
        aliases,
        classification: Classification::Party,
    }
}

const KNOWN: &[Known] = &[
    party(
        "bharatiya-janata-party",
        "Bharatiya Janata Party",
        Some("भारतीय जनता पार्टी"),
        &["BJP", "भाजपा", "बीजेपी"],
    ),
    party(
        "indian-national-congress",
        "Indian National Congress",
        Some("भारतीय राष्ट्रीय कांग्रेस"),
        &["INC", "Congress", "कांग्रेस", "INC(I)"],
    ),
    party(
        "samajwadi-party",
        "Samajwadi Party",
        Some("समाजवादी पार्टी"),
        &["SP", "सपा"],
    ),
    party(
        "bahujan-samaj-party",
        "Bahujan Samaj Party",
        Some("बहुजन समाज पार्टी"),
        &["BSP", "बसपा"],
    ),
    party(
        "aam-aadmi-party",
        "Aam Aadmi Party",
        Some("आम आदमी पार्टी"),
        &["AAP", "आप"],
    ),
    party(
        "all-india-trinamool-congress",
        "All India Trinamool Congress",
        Some("अखिल भारतीय तृणमूल कांग्रेस"),
        &["AITC", "TMC", "Trinamool Congress"],
    ),
    party(
        "communist-party-of-india",
        "Communist Party of India",
        Some("भारतीय कम्युनिस्ट पार्टी"),
        &["CPI"],
    ),
    party(
        "communist-party-of-india-marxist",
        "Communist Party of India (Marxist)",
        Some("भारतीय कम्युनिस्ट पार्टी (मार्क्सवादी)"),
        &["CPI(M)", "CPM", "CPIM"],
    ),
    party(
        "dravida-munnetra-kazhagam",
        "Dravida Munnetra Kazhagam",
        Some("द्रविड़ मुनेत्र कड़गम"),
        &["DMK"],
    ),
    party(
        "all-india-anna-dravida-munnetra-kazhagam",
        "All India Anna Dravida Munnetra Kazhagam",
        Some("अखिल भारतीय अन्ना द्रविड़ मुनेत्र कड़गम"),
        &["AIADMK", "ADMK", "ADK"],
    ),
    party(
        "rashtriya-janata-dal",
        "Rashtriya Janata Dal",
        Some("राष्ट्रीय जनता दल"),
        &["RJD", "राजद"],
    ),
    party(
        "janata-dal-united",
        "Janata Dal (United)",
        Some("जनता दल (यूनाइटेड)"),
        &["JD(U)", "JDU", "JD(United)", "जदयू"],
    ),
    party(
        "janata-dal-secular",
        "Janata Dal (Secular)",
        Some("जनता दल (सेक्युलर)"),
        &["JD(S)", "JDS"],
    ),
    party("shiv-sena", "Shiv Sena", Some("शिवसेना"), &["SHS", "SS"]),
    party(
        "nationalist-congress-party",
        "Nationalist Congress Party",
        Some("राष्ट्रवादी कांग्रेस पार्टी"),
        &["NCP", "राकांपा"],
    ),
    party(
        "telugu-desam-party",
        "Telugu Desam Party",
        Some("तेलुगु देशम पार्टी"),
        // india-votes writes `Telugu Desam`.
        &["TDP", "Telugu Desam"],
    ),
    party(
        "yuvajana-sramika-rythu-congress-party",
        "Yuvajana Sramika Rythu Congress Party",
        Some("युवजन श्रमिक रायथु कांग्रेस पार्टी"),
        &["YSRCP", "YSR Congress Party"],
    ),
    party(
        "biju-janata-dal",
        "Biju Janata Dal",
        Some("बीजू जनता दल"),
        &["BJD"],
    ),
    party(
        "bharat-rashtra-samithi",
        "Bharat Rashtra Samithi",
        Some("भारत राष्ट्र समिति"),
        &["BRS", "TRS", "Telangana Rashtra Samithi"],
    ),
    party(
        "jharkhand-mukti-morcha",
        "Jharkhand Mukti Morcha",
        Some("झारखंड मुक्ति मोर्चा"),
        &["JMM", "झामुमो"],
    ),
    party(
        "rashtriya-lok-dal",
        "Rashtriya Lok Dal",
        Some("राष्ट्रीय लोक दल"),
        &["RLD", "रालोद"],
    ),
    party(
        "shiromani-akali-dal",
        "Shiromani Akali Dal",
        Some("शिरोमणि अकाली दल"),
        &["SAD"],
    ),
    party(
        "indian-union-muslim-league",
        "Indian Union Muslim League",
        Some("इंडियन यूनियन मुस्लिम लीग"),
        &["IUML", "MUL"],
    ),
    party(
        "lok-janshakti-party",
        "Lok Janshakti Party",
        Some("लोक जनशक्ति पार्टी"),
        &["LJP", "LJNSP", "LJSP"],
    ),
    party(
        "jammu-and-kashmir-national-conference",
        "Jammu & Kashmir National Conference",
        Some("जम्मू और कश्मीर नेशनल कॉन्फ्रेंस"),
        &[
            "JKNC",
            "JKN",
            "NC",
            "National Conference",
            "Jammu and Kashmir National Conference",
        ],
    ),
    party(
        "jammu-and-kashmir-peoples-democratic-party",
        "Jammu & Kashmir Peoples Democratic Party",
        Some("जम्मू और कश्मीर पीपल्स डेमोक्रेटिक पार्टी"),
        &["JKPDP", "PDP", "J&KPDP", "JPDP"],
    ),
    party(
        "asom-gana-parishad",
        "Asom Gana Parishad",
        Some("असम गण परिषद"),
        &["AGP"],
    ),
    party(
        "all-india-united-democratic-front",
        "All India United Democratic Front",
        None,
        &["AIUDF"],
    ),
    party(
        "all-india-nr-congress",
        "All India N.R. Congress",
        None,
        &["AINRC"],
    ),
    party(
        "revolutionary-socialist-party",
        "Revolutionary Socialist Party",
        None,
        &["RSP"],
    ),
    party(
        "pattali-makkal-katchi",
        "Pattali Makkal Katchi",
        None,
        &["PMK"],
    ),
    party(
        "viduthalai-chiruthaigal-katchi",
        "Viduthalai Chiruthaigal Katchi",
        None,
        &["VCK"],
    ),
    party(
        "desiya-murpokku-dravida-kazhagam",
        "Desiya Murpokku Dravida Kazhagam",
        None,
        &["DMDK"],
    ),
    party(
        "tamilaga-vettri-kazhagam",
        "Tamilaga Vettri Kazhagam",
        None,
        &["TVK"],
    ),
    party("kerala-congress", "Kerala Congress", None, &["KEC"]),
    party(
        "bodoland-peoples-front",
        "Bodoland Peoples Front",
        None,
        &["BOPF", "BPF"],
    ),
    // Parties named by the TCPD chief-minister and cabinet files and the Lok Sabha
    // Popolo file (Hindi names where the party's own or Wikidata's usage is settled).
    party("janata-dal", "Janata Dal", Some("जनता दल"), &["JD"]),
    party(
        "janata-party",
        "Janata Party",
        Some("जनता पार्टी"),
        &["JNP", "JP"],
    ),
    party("samata-party", "Samata Party", Some("समता पार्टी"), &["SAP"]),
    party("lok-dal", "Lok Dal", Some("लोकदल"), &["LKD"]),
    party(
        "bharatiya-jana-sangh",
        "Bharatiya Jana Sangh",
        Some("भारतीय जनसंघ"),
        &["BJS", "Jana Sangh", "जनसंघ"],
    ),
    party(
        "swatantra-party",
        "Swatantra Party",
        Some("स्वतंत्र पार्टी"),
        &["SWA"],
    ),
    party(
        "indian-national-congress-organisation",
        "Indian National Congress (Organisation)",
        None,
        &["NCO", "INC(O)", "Congress (O)"],
    ),
    party(
        "samyukta-socialist-party",
        "Samyukta Socialist Party",
        Some("संयुक्त सोशलिस्ट पार्टी"),
        &["SSP"],
    ),
    party(
        "all-india-forward-bloc",
        "All India Forward Bloc",
        None,
        &["AIFB", "FBL", "Forward Bloc"],
    ),
    party(
        "bharatiya-kranti-dal",
        "Bharatiya Kranti Dal",
        Some("भारतीय क्रांति दल"),
        &["BKD"],
    ),
    party(
        "haryana-vikas-party",
        "Haryana Vikas Party",
        Some("हरियाणा विकास पार्टी"),
        &["HVP"],
    ),
    party(
        "indian-national-lok-dal",
        "Indian National Lok Dal",
        Some("इंडियन नेशनल लोक दल"),
        &["INLD", "इनेलो"],
    ),
    party("mizo-national-front", "Mizo National Front", None, &["MNF"]),
    party(
        "nationalist-democratic-progressive-party",
        "Nationalist Democratic Progressive Party",
        None,
        &["NDPP"],
    ),
    party(
        "naga-peoples-front",
        "Naga People's Front",
        Some("नागा पीपुल्स फ्रंट"),
        &["NPF", "Nagaland Peoples Front"],
    ),
    party(
        "sikkim-democratic-front",
        "Sikkim Democratic Front",
        Some("सिक्किम डेमोक्रेटिक फ्रंट"),
        &["SDF"],
    ),
    party(
        "marumalarchi-dravida-munnetra-kazhagam",
        "Marumalarchi Dravida Munnetra Kazhagam",
        None,
        &["MDMK"],
    ),
    party(
        "tamil-maanila-congress-moopanar",
        "Tamil Maanila Congress (Moopanar)",
        None,
        &["TMC(M)", "Tamil Maanila Congress"],
    ),
    party(
        "all-india-indira-congress-tiwari",
        "All India Indira Congress (Tiwari)",
        None,
        &["AIIC(T)"],
    ),
    // TCPD's cabinet file writes Upendra Kushwaha's party (2014) as `BLSP`.
    party(
        "rashtriya-lok-samta-party",
        "Rashtriya Lok Samta Party",
        Some("राष्ट्रीय लोक समता पार्टी"),
        &["RLSP", "BLSP"],
    ),
    party("apna-dal", "Apna Dal", Some("अपना दल"), &["AD"]),
    party(
        "republican-party-of-india",
        "Republican Party of India",
        None,
        &["RPI"],
    ),
    party(
        "republican-party-of-india-athawale",
        "Republican Party of India (Athawale)",
        None,
        // india-votes writes `Republican Party of India (A)`.
        &["RPI(A)", "Republican Party of India (A)"],
    ),
    party(
        "maharashtrawadi-gomantak-party",
        "Maharashtrawadi Gomantak Party",
        None,
        &["MAG", "MGP"],
    ),
    party("arunachal-congress", "Arunachal Congress", None, &["AC"]),
    party(
        "manipur-state-congress-party",
        "Manipur State Congress Party",
        None,
        &["MSCP"],
    ),
    party(
        "kerala-congress-m",
        "Kerala Congress (M)",
        None,
        &["KC(M)", "KEC(M)"],
    ),
    party(
        "swabhimani-paksha",
        "Swabhimani Paksha",
        Some("स्वाभिमानी पक्ष"),
        &["SWP"],
    ),
    party(
        "national-peoples-party",
        "National People's Party",
        None,
        &["NPP", "National Peoples Party"],
    ),
    party(
        "all-india-majlis-e-ittehadul-muslimeen",
        "All India Majlis-e-Ittehadul Muslimeen",
        None,
        &["AIMIM", "MIM"],
    ),
    // Parties of the 2024 Lok Sabha that ADR names by abbreviation or another
    // spelling than india-votes does (pairs found by joining the two datasets'
    // rows of one seat and candidate: `SUCI(C)` = `Socialist Unity Centre Of India
    // (COMMUNIST)`, `ShivSena (Uddhav Balasaheb Thackeray)` = india-votes' `Shiv
    // Sena (Uddhav Balasaheb Thackrey)`), and the new parties of 2024 by their
    // short names.
    party(
        "socialist-unity-centre-of-india-communist",
        "Socialist Unity Centre of India (Communist)",
        None,
        &["SUCI(C)", "SUCI", "SUCI (C)"],
    ),
    party(
        "shiv-sena-uddhav-balasaheb-thackeray",
        "Shiv Sena (Uddhav Balasaheb Thackeray)",
        Some("शिवसेना (उद्धव बालासाहेब ठाकरे)"),
        &[
            "SS(UBT)",
            "SHS(UBT)",
            "Shiv Sena (Uddhav Balasaheb Thackrey)",
            "Shiv Sena (UBT)",
        ],
    ),
    party(
        "nationalist-congress-party-sharadchandra-pawar",
        "Nationalist Congress Party – Sharadchandra Pawar",
        Some("राष्ट्रवादी कांग्रेस पार्टी – शरदचंद्र पवार"),
        &["NCP(SP)", "NCP-SP", "NCP (Sharadchandra Pawar)"],
    ),
    party(
        "lok-janshakti-party-ram-vilas",
        "Lok Janshakti Party (Ram Vilas)",
        Some("लोक जनशक्ति पार्टी (रामविलास)"),
        &["LJP(RV)"],
    ),
    party(
        "janasena-party",
        "Janasena Party",
        Some("जनसेना पार्टी"),
        &["JSP", "Jana Sena Party"],
    ),
    party(
        "communist-party-of-india-marxist-leninist-liberation",
        "Communist Party of India (Marxist-Leninist) (Liberation)",
        None,
        &["CPI(ML)(L)", "CPI(ML)L", "CPI(ML) Liberation"],
    ),
    Known {
        id: "independent",
        en: "Independent",
        hi: Some("निर्दलीय"),
        aliases: &["IND", "Independent candidate"],
        classification: Classification::Other,
    },
    Known {
        id: "none-of-the-above",
        en: "None of the Above",
        hi: Some("इनमें से कोई नहीं"),
        aliases: &["NOTA", "नोटा"],
        classification: Classification::Other,
    },
];

fn known(text: &str) -> Option<&'static Known> {
    // Built once: importers ask for every row of a file (184,000 ADR rows), and
    // re-keying the whole table per question dominated their time.
    static BY_KEY: std::sync::OnceLock<std::collections::HashMap<String, &'static Known>> =
        std::sync::OnceLock::new();
    let by_key = BY_KEY.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for p in KNOWN {
            let names = [p.id, p.en]
                .into_iter()
                .chain(p.hi)
                .chain(p.aliases.iter().copied());
            for name in names {
                // The first party in the table that has a key keeps it.
                map.entry(key(name)).or_insert(p);
            }
        }
        map
    });
    let k = key(text);
    if k.is_empty() {
        return None;
    }
    by_key.get(&k).copied()
}

/// The table's id for a party as a dataset writes it, if the party is in the table.
pub fn known_id(text: &str) -> Option<&'static str> {
    known(text).map(|p| p.id)
}

/// The organization record for a party as a dataset writes it; `None` for a blank.
/// Known parties get their canonical record; others a deterministic one (`party-…`).
pub fn party_record(text: &str, source: Option<&str>) -> Option<Organization> {
    let cleaned = crate::import::clean::text(text)?;
    let sources = source.map(|s| vec![s.to_string()]).unwrap_or_default();
    if let Some(p) = known(&cleaned) {
        let mut name = Names::new([("en", p.en)]);
        if let Some(hi) = p.hi {
            name.0.insert("hi".into(), hi.into());
        }
        return Some(Organization {
            id: p.id.into(),
            name,
            aliases: p.aliases.iter().map(|a| a.to_string()).collect(),
            classification: Some(p.classification),
            ..Default::default()
        });
    }
    // `People’s` and `Peoples` are one name (india-votes and ADR write both).
    let unquoted: String = cleaned
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | '‘'))
        .collect();
    let slug = crate::import::clean::slug(&unquoted);
    let id = if slug.is_empty() {
        format!("party-{:x}", fnv(&cleaned))
    } else {
        format!("party-{slug}")
    };
    // An abbreviation (`MADMK`) stays as written; a shouted full name is title-cased.
    let name = if cleaned.contains(' ') {
        crate::import::clean::title_case(&cleaned)
    } else {
        cleaned.clone()
    };
    Some(Organization {
        id,
        name: Names::new([("en", name.as_str())]),
        classification: Some(Classification::Party),
        sources,
        ..Default::default()
    })
}

/// A small stable hash for ids of names without ASCII letters.
pub fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A party's label for a table column or a career line: its shortest alias in
/// capitals (`SP`, `CPI(M)`), else its English name.
pub fn label(name: &crate::model::Names, aliases: &[String]) -> String {
    aliases
        .iter()
        .filter(|a| {
            a.chars()
                .all(|c| c.is_ascii_uppercase() || c == '(' || c == ')')
        })
        .min_by_key(|a| a.len())
        .cloned()
        .unwrap_or_else(|| name.best("en").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adr_and_india_votes_spellings_of_2024_meet() {
        // (ADR lok-sabha-candidates.csv, india-votes 2024LokSabha.csv) of one
        // candidate of one seat, as the two files write the party.
        for (adr, iv) in [
            ("SUCI(C)", "Socialist Unity Centre Of India (COMMUNIST)"),
            (
                "ShivSena (Uddhav Balasaheb Thackeray)",
                "Shiv Sena (Uddhav Balasaheb Thackrey)",
            ),
            ("CPI(M)", "Communist Party of India  (Marxist)"),
            ("JD(U)", "Janata Dal  (United)"),
            ("DMDK", "Desiya Murpokku Dravida Kazhagam"),
            ("TDP", "Telugu Desam"),
            (
                "Republican Party of India (Athawale)",
                "Republican Party of India (A)",
            ),
        ] {
            let (a, b) = (known_id(adr), known_id(iv));
            assert!(a.is_some() && a == b, "{adr} / {iv}: {a:?} {b:?}");
        }
    }

    #[test]
    fn abbreviations_and_names_meet_on_one_id() {
        for text in ["BJP", "Bharatiya Janata Party", "भाजपा", " bjp "] {
            assert_eq!(
                party_record(text, None).unwrap().id,
                "bharatiya-janata-party",
                "{text}"
            );
        }
        for text in ["SP", "Samajwadi Party", "सपा"] {
            assert_eq!(
                party_record(text, None).unwrap().id,
                "samajwadi-party",
                "{text}"
            );
        }
        assert_eq!(party_record("JD(U)", None).unwrap().id, "janata-dal-united");
        assert_eq!(party_record("JDU", None).unwrap().id, "janata-dal-united");
        assert_eq!(
            party_record("Jammu and Kashmir National Conference", None)
                .unwrap()
                .id,
            "jammu-and-kashmir-national-conference"
        );
    }

    #[test]
    fn unknown_parties_get_a_deterministic_record() {
        let a = party_record("Hindustani Awam Morcha (Secular)", Some("src")).unwrap();
        assert_eq!(a.id, "party-hindustani-awam-morcha-secular");
        assert_eq!(a.sources, vec!["src"]);
        assert_eq!(
            party_record("Hindustani Awam Morcha (Secular)", None)
                .unwrap()
                .id,
            a.id
        );
        assert_eq!(
            party_record("MADMK", None).unwrap().name.get("en"),
            Some("MADMK"),
            "an abbreviation is not title-cased"
        );
        assert_eq!(
            party_record("HINDUSTANI AWAM MORCHA", None)
                .unwrap()
                .name
                .get("en"),
            Some("Hindustani Awam Morcha")
        );
        // ADR's `Kamatapur Peoples Party (United)`, india-votes' `People’s`.
        assert_eq!(
            party_record("Kamatapur Peoples Party (United)", None)
                .unwrap()
                .id,
            party_record("Kamatapur People’s Party (United)", None)
                .unwrap()
                .id
        );
        assert!(party_record("  ", None).is_none());
        assert!(party_record("NA", None).is_none());
    }

    #[test]
    fn tcpd_and_popolo_abbreviations_are_known() {
        for (text, id) in [
            ("JD", "janata-dal"),
            ("JNP", "janata-party"),
            ("INC(I)", "indian-national-congress"),
            ("ADK", "all-india-anna-dravida-munnetra-kazhagam"),
            ("LJNSP", "lok-janshakti-party"),
            ("Ind.", "independent"),
            ("J&KPDP", "jammu-and-kashmir-peoples-democratic-party"),
            ("KC(M)", "kerala-congress-m"),
            ("KEC", "kerala-congress"),
            ("TMC(M)", "tamil-maanila-congress-moopanar"),
            ("TMC", "all-india-trinamool-congress"),
            ("Nagaland Peoples Front", "naga-peoples-front"),
        ] {
            assert_eq!(known_id(text), Some(id), "{text}");
        }
        assert_eq!(known_id("MADMK"), None);
    }

    #[test]
    fn every_name_and_alias_names_one_party() {
        let mut owner: std::collections::HashMap<String, &str> = Default::default();
        for k in KNOWN {
            let names = [k.id, k.en]
                .into_iter()
                .chain(k.hi)
                .chain(k.aliases.iter().copied());
            for n in names {
                if let Some(other) = owner.insert(key(n), k.id) {
                    assert_eq!(other, k.id, "`{n}` names both {other} and {}", k.id);
                }
            }
        }
    }

    #[test]
    fn known_records_are_valid() {
        for k in KNOWN {
            let r = crate::model::Record::Organization(party_record(k.en, None).unwrap());
            assert!(
                crate::model::validate::check_record(&r).is_empty(),
                "{}",
                k.id
            );
        }
    }
}
