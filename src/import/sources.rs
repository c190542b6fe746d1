//! The sources the datasets cite, each once: [`Cite::record`] makes the `Source`
//! record that every record of its dataset names.

use super::dataset::Cite;

/// ADR / MyNeta affidavits, as compiled by Vonter/india-election-affidavits.
pub const ADR: Cite = Cite {
    id: "src-adr-affidavits",
    title: "Candidate affidavit summaries: Lok Sabha 2004–2024 and 31 state assemblies (ADR / MyNeta)",
    publisher: "Association for Democratic Reforms (ADR) / MyNeta, compiled by Vonter/india-election-affidavits",
    url: "https://github.com/Vonter/india-election-affidavits",
    licence: "ODbL 1.0 (Open Database License); attribute the Association for Democratic Reforms (ADR), https://adrindia.org",
};

/// india-votes-data: results with votes from the Election Commission of India.
pub const INDIA_VOTES: Cite = Cite {
    id: "src-india-votes",
    title: "Election results with votes: 2024 Lok Sabha and state assemblies 2024–2026 (india-votes-data)",
    publisher: "India Votes Data (india-votes-data), from Election Commission of India results",
    url: "https://github.com/thecont1/india-votes-data",
    licence: "MIT License, © 2024 India Votes Data",
};

/// TCPD's IAS officers (TCPD-IAS).
pub const TCPD_IAS: Cite = Cite {
    id: "src-tcpd-ias",
    title: "TCPD Indian Administrative Service Officers Dataset (TCPD-IAS), 1951-2020",
    publisher: "Trivedi Centre for Political Data (TCPD), Ashoka University",
    url: "https://github.com/tcpd/ias-release",
    licence: "TCPD: free for non-commercial use with citation (see its README)",
};

/// TCPD's Indian Council of Ministers (TCPD-ICoM).
pub const TCPD_CABINET: Cite = Cite {
    id: "src-tcpd-cabinet",
    title: "TCPD-ICoM: Indian Council of Ministers Dataset 1.1 (1990-2021)",
    publisher: "Trivedi Centre for Political Data (TCPD), Ashoka University",
    url: "https://github.com/tcpd/cabinet_data",
    licence: "TCPD, non-commercial, cite TCPD-ICoM",
};

/// TCPD's chief ministers (TCPD-CMID).
pub const TCPD_CM: Cite = Cite {
    id: "src-tcpd-cm",
    title: "TCPD Chief Ministers of India Dataset (TCPD-CMID), 1962-current",
    publisher: "Trivedi Centre for Political Data (TCPD), Ashoka University",
    url: "https://github.com/tcpd/cm-data-release",
    licence: "TCPD terms",
};

/// TCPD's Lok Dhaba results (incumbency files of tcpd/incumbency_viz, or the full
/// download), cited as TCPD's terms ask.
pub const TCPD_LOKDHABA: Cite = Cite {
    id: "src-tcpd-lokdhaba",
    title: "TCPD Indian Elections Data v2.0 (Lok Dhaba), with the TCPD Individual Incumbency Dataset, 1962-current, Codebook 2.0",
    publisher: "Trivedi Centre for Political Data (TCPD), Ashoka University: Agarwal, Agrawal, Bhogale, Hangal, Jensenius, Kumar, Narayan, Nissa, Trivedi, Verniers (2021)",
    url: "https://lokdhaba.ashoka.edu.in",
    licence: "TCPD terms: non-commercial use only, with the citation \"TCPD Indian Elections Data v2.0\"; no endorsement by TCPD implied; no warranty",
};
