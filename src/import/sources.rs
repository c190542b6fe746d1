//! The sources the datasets cite, each once: [`Cite::record`] makes the `Source`
//! record that every record of its dataset names.

use super::dataset::Cite;
use crate::model::{PartialDate, Source};

const fn year(year: u16) -> PartialDate {
    PartialDate {
        year,
        month: None,
        day: None,
    }
}

const fn day(year: u16, month: u8, day: u8) -> PartialDate {
    PartialDate {
        year,
        month: Some(month),
        day: Some(day),
    }
}

/// ADR / MyNeta affidavits, as compiled by Vonter/india-election-affidavits.
pub const ADR: Cite = Cite {
    id: "src-adr-affidavits",
    title: "Candidate affidavit summaries: Lok Sabha 2004–2024 and 31 state assemblies (ADR / MyNeta)",
    publisher: "Association for Democratic Reforms (ADR) / MyNeta, compiled by Vonter/india-election-affidavits",
    url: "https://github.com/Vonter/india-election-affidavits",
    licence: "ODbL 1.0 (Open Database License); attribute the Association for Democratic Reforms (ADR), https://adrindia.org",
    short: "ADR",
    stated_as_of: None,
    // The last `Year` of lok-sabha-candidates.csv and of the state-assembly files.
    known_as_of: year(2024),
};

/// india-votes-data: results with votes from the Election Commission of India.
pub const INDIA_VOTES: Cite = Cite {
    id: "src-india-votes",
    title: "Election results with votes: 2024 Lok Sabha and state assemblies 2024–2026 (india-votes-data)",
    publisher: "India Votes Data (india-votes-data), from Election Commission of India results",
    url: "https://github.com/thecont1/india-votes-data",
    licence: "MIT License, © 2024 India Votes Data",
    short: "india-votes",
    stated_as_of: None,
    // The last election of results/: the 2026 assembly elections.
    known_as_of: year(2026),
};

/// TCPD's IAS officers (TCPD-IAS).
pub const TCPD_IAS: Cite = Cite {
    id: "src-tcpd-ias",
    title: "TCPD Indian Administrative Service Officers Dataset (TCPD-IAS), 1951-2020",
    publisher: "Trivedi Centre for Political Data (TCPD), Ashoka University",
    url: "https://github.com/tcpd/ias-release",
    licence: "TCPD: free for non-commercial use with citation (see its README)",
    short: "TCPD-IAS",
    stated_as_of: Some(year(2020)),
    // Its title says 1951-2020; its rows cannot: `Last_End_Date` runs to 2041
    // (postings' planned ends), `Last_Start_Date` to 2029.
    known_as_of: year(2020),
};

/// TCPD's Indian Council of Ministers (TCPD-ICoM).
pub const TCPD_CABINET: Cite = Cite {
    id: "src-tcpd-cabinet",
    title: "TCPD-ICoM: Indian Council of Ministers Dataset 1.1 (1990-2021)",
    publisher: "Trivedi Centre for Political Data (TCPD), Ashoka University",
    url: "https://github.com/tcpd/cabinet_data",
    licence: "TCPD, non-commercial, cite TCPD-ICoM",
    short: "TCPD-ICoM",
    stated_as_of: None,
    // The last appointment_begin/appointment_end: the reshuffle of 2021-07-07.
    known_as_of: day(2021, 7, 7),
};

/// TCPD's chief ministers (TCPD-CMID).
pub const TCPD_CM: Cite = Cite {
    id: "src-tcpd-cm",
    title: "TCPD Chief Ministers of India Dataset (TCPD-CMID), 1962-current",
    publisher: "Trivedi Centre for Political Data (TCPD), Ashoka University",
    url: "https://github.com/tcpd/cm-data-release",
    licence: "TCPD terms",
    short: "TCPD-CM",
    stated_as_of: None,
    // The last Start_Date/End_Date of TCPD-CMID_1962_2022.csv.
    known_as_of: day(2022, 3, 28),
};

/// TCPD's Lok Dhaba results (incumbency files of tcpd/incumbency_viz, or the full
/// download), cited as TCPD's terms ask.
pub const TCPD_LOKDHABA: Cite = Cite {
    id: "src-tcpd-lokdhaba",
    title: "TCPD Indian Elections Data v2.0 (Lok Dhaba), with the TCPD Individual Incumbency Dataset, 1962-current, Codebook 2.0",
    publisher: "Trivedi Centre for Political Data (TCPD), Ashoka University: Agarwal, Agrawal, Bhogale, Hangal, Jensenius, Kumar, Narayan, Nissa, Trivedi, Verniers (2021)",
    url: "https://lokdhaba.ashoka.edu.in",
    licence: "TCPD terms: non-commercial use only, with the citation \"TCPD Indian Elections Data v2.0\"; no endorsement by TCPD implied; no warranty",
    short: "Lok Dhaba",
    stated_as_of: None,
    // The last `Year` of the incumbency files (assemblies; the Lok Sabha's is 2019).
    known_as_of: year(2023),
};

/// Every dataset's citation, for what is looked up by source id.
pub const ALL: [&Cite; 6] = [
    &ADR,
    &INDIA_VOTES,
    &TCPD_IAS,
    &TCPD_CABINET,
    &TCPD_CM,
    &TCPD_LOKDHABA,
];

/// The Popolo file's source ids begin so (`src-popolo-lok-sabha-term-16`).
const POPOLO: &str = "src-popolo-";

/// Whether `source` (a source id) is a Popolo file's (`src-popolo-lok-sabha-term-16`):
/// Wikidata's names, the only dataset here with people's names in Hindi.
pub fn is_popolo(source: &str) -> bool {
    source.starts_with(POPOLO)
}

/// Whether `source` (a source id) is a dataset's: one of [`ALL`] or a Popolo file.
/// A record citing no dataset was written by a person: the curated seed, or a
/// native import of someone's own.
pub fn is_dataset(source: &str) -> bool {
    is_popolo(source) || ALL.iter().any(|c| c.id == source)
}

/// Where a source's knowledge ends: its `as_of`; for a dataset's source stored
/// before sources carried one, the dataset's measured end (the Popolo file's: the
/// 16th Lok Sabha's dissolution, May 2019); else the source's own date (a news
/// report knows what was so on the day it was written); else unknown.
pub fn knowledge_ends(s: &Source) -> Option<PartialDate> {
    s.as_of
        .or_else(|| ALL.iter().find(|c| c.id == s.id).map(|c| c.known_as_of))
        .or_else(|| {
            is_popolo(&s.id).then_some(PartialDate {
                year: 2019,
                month: Some(5),
                day: None,
            })
        })
        .or(s.date)
}

/// What "as of 2021 (TCPD-ICoM)" calls a source: a dataset's short name, else the
/// publisher, else its title up to a colon (`UP News` of a headline).
pub fn short_name(s: &Source) -> String {
    if let Some(c) = ALL.iter().find(|c| c.id == s.id) {
        return c.short.to_string();
    }
    if is_popolo(&s.id) {
        return "EveryPolitician".to_string();
    }
    if let Some(p) = &s.publisher {
        return p.split([',', '(']).next().unwrap_or(p).trim().to_string();
    }
    s.title
        .split([':', '|', '—'])
        .next()
        .unwrap_or(&s.title)
        .trim()
        .to_string()
}
