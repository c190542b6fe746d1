//! The one list of datasets `import` reads, in the order they are tried when a
//! file's format is not named: `--format` takes their names.
//!
//! Adding a dataset: a module that implements [`Dataset`] (for a CSV file,
//! [`super::dataset::Csv`]) and one line in [`ALL`].

use super::dataset::{Dataset, Role};
use super::{adr, lokdhaba, native, popolo, results, tcpd_cabinet, tcpd_cm, tcpd_ias};

/// A dataset, as `import` passes it around.
pub type Format = &'static dyn Dataset;

/// Every dataset, in the order of detection (and of `--format`'s list).
pub static ALL: &[Format] = &[
    &native::Native,
    &popolo::Popolo,
    &tcpd_ias::TcpdIas,
    &tcpd_cabinet::TcpdCabinet,
    &tcpd_cm::TcpdCm,
    &lokdhaba::LokDhaba,
    &adr::Adr,
    &results::Results,
];

/// The dataset a file's name and first bytes show, and what the file is to it.
pub fn detect(name: &str, text: &str) -> Option<(Format, Role)> {
    ALL.iter()
        .find_map(|d| d.recognise(name, text).map(|role| (*d, role)))
}

/// The dataset `--format` names (any case, spaces around ignored).
pub fn find(name: &str) -> Result<Format, String> {
    let wanted = name.trim().to_lowercase();
    ALL.iter()
        .find(|d| d.name() == wanted)
        .copied()
        .ok_or_else(|| {
            let all: Vec<_> = ALL.iter().map(|d| d.name()).collect();
            format!(
                "unknown format `{name}`: expected one of {}",
                all.join(", ")
            )
        })
}

/// Whether two entries are the same dataset.
pub fn same(a: Format, b: Format) -> bool {
    a.name() == b.name()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_named_and_detected_from_their_first_bytes() {
        let names: Vec<&str> = ALL.iter().map(|f| f.name()).collect();
        assert_eq!(
            names,
            vec![
                "jsonl",
                "popolo",
                "tcpd-ias",
                "tcpd-cabinet",
                "tcpd-cm",
                "tcpd-lokdhaba",
                "adr",
                "results"
            ]
        );
        for f in ALL {
            assert_eq!(find(f.name()).map(|d| d.name()), Ok(f.name()));
            assert!(!f.about().is_empty());
        }
        assert_eq!(find(" ADR ").map(|d| d.name()), Ok("adr"));
        assert!(find("tcpd").err().unwrap().contains("tcpd-cabinet"));
        let cases = [
            ("{\"persons\": [], \"organizations\": []}", Some("popolo")),
            ("{\"type\":\"person\",\"id\":\"x\",\"name\":{\"hi\":\"क\"}}\n", Some("jsonl")),
            ("[{\"type\":\"source\",\"id\":\"s\",\"title\":\"t\"}]", Some("jsonl")),
            // A BOM and CRLF line ends, as spreadsheet programs write CSV.
            ("\u{feff}ID,Name,Cadre,Allotment_Year,Date_of_Birth,Last_Designation\r\nUP1,Shri X,UP,1978,N.A.,N.A.\r\n", Some("tcpd-ias")),
            ("year,ls_number,name,party,gender,portfolio,rank,appointment_begin,appointment_end\n", Some("tcpd-cabinet")),
            ("State_Name,Assembly_No,Sequence_No,pid_CM,Name,Start_Date,End_Date\n", Some("tcpd-cm")),
            ("pid,Assembly_No,Poll_No,Year,Candidate,Candidate_Type,State_Name,Constituency_Name,Constituency_Type,Party,Last_Party,Votes,Sex,Position\n", Some("tcpd-lokdhaba")),
            ("\"Candidate\";\"Party\";\"Criminal Cases\";\"Education\"\n", Some("adr")),
            ("\u{feff}Candidate,Party,Criminal Cases,Education\r\nA,B,0,X\r\n", Some("adr")),
            ("\"State\";\"Constituency\";\"Party\";\"Candidate\";\"Votes\";\"State ID\"\n", Some("results")),
            ("State,Constituency,Party,Candidate,Votes\n", Some("results")),
            ("election_year,election_type,election_state,constituency,constituency_no\n", Some("results")),
            ("election_year;election_type;election_state;constituency\n", Some("results")),
            ("a,b,c\n1,2,3\n", None),
            ("नाम,दल\n", None),
        ];
        for (text, expected) in cases {
            let got = detect("f", text).map(|(d, role)| {
                assert_eq!(role, Role::Records);
                d.name()
            });
            assert_eq!(got, expected, "{text:?}");
        }
    }
}
