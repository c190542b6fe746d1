//! Reading a natural name of an election as a journalist types it, in either
//! script: `2024 Rajya Sabha Uttar Pradesh`, `UP Vidhan Sabha 2022`,
//! `यूपी विधानसभा चुनाव २०२२`, `Amethi 2019` — the house, the state, the year and
//! whether a bye-election is meant, with the words left over (a seat's name).
//!
//! The parse only reads words; matching them to records is `resolve`'s job.

use crate::domain::states::{self, State};
use crate::numerals::ascii_digits;

/// The house an election fills, as the words name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HouseWord {
    LokSabha,
    VidhanSabha,
    RajyaSabha,
}

impl HouseWord {
    /// Whether an election's legislature (`body`) is this house.
    pub fn is_body(self, body: &str) -> bool {
        match self {
            HouseWord::LokSabha => body == "lok-sabha",
            HouseWord::RajyaSabha => body == "rajya-sabha",
            HouseWord::VidhanSabha => body.starts_with("vidhan-sabha-"),
        }
    }
}

/// What the words of a typed election name say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ElectionName {
    pub house: Option<HouseWord>,
    pub state: Option<&'static State>,
    pub year: Option<u16>,
    /// A bye-election word (`bye`, `by-election`, `उपचुनाव`).
    pub bye: bool,
    /// The words that are none of these nor filler (`election`, `चुनाव`, `in`), in
    /// order: a seat's name, or words that are no part of an election's name.
    pub rest: Vec<String>,
}

impl ElectionName {
    /// Whether the words say anything about an election beyond its free text.
    pub fn is_structured(&self) -> bool {
        self.house.is_some() || self.bye || (self.year.is_some() && self.state.is_some())
    }

    /// The rest of the words as one name (`Rae Bareli`).
    pub fn rest_text(&self) -> String {
        self.rest.join(" ")
    }
}

/// Phrases naming a house, as word sequences (compared lowercased).
const HOUSES: &[(&[&str], HouseWord)] = &[
    (&["lok", "sabha"], HouseWord::LokSabha),
    (&["loksabha"], HouseWord::LokSabha),
    (&["लोकसभा"], HouseWord::LokSabha),
    (&["लोक", "सभा"], HouseWord::LokSabha),
    (&["general", "election"], HouseWord::LokSabha),
    (&["general", "elections"], HouseWord::LokSabha),
    (&["indian", "general", "election"], HouseWord::LokSabha),
    (&["parliamentary"], HouseWord::LokSabha),
    (&["आम", "चुनाव"], HouseWord::LokSabha),
    (&["संसदीय"], HouseWord::LokSabha),
    (&["vidhan", "sabha"], HouseWord::VidhanSabha),
    (&["vidhansabha"], HouseWord::VidhanSabha),
    (&["विधानसभा"], HouseWord::VidhanSabha),
    (&["विधान", "सभा"], HouseWord::VidhanSabha),
    (&["legislative", "assembly"], HouseWord::VidhanSabha),
    (&["assembly"], HouseWord::VidhanSabha),
    (&["rajya", "sabha"], HouseWord::RajyaSabha),
    (&["rajyasabha"], HouseWord::RajyaSabha),
    (&["राज्यसभा"], HouseWord::RajyaSabha),
    (&["राज्य", "सभा"], HouseWord::RajyaSabha),
    (&["council", "of", "states"], HouseWord::RajyaSabha),
];

/// Phrases naming a bye-election (`by-election` is split at its hyphen).
const BYE: &[&[&str]] = &[
    &["bye", "election"],
    &["bye", "elections"],
    &["by", "election"],
    &["by", "elections"],
    &["bye"],
    &["byeelection"],
    &["byelection"],
    &["byelections"],
    &["bypoll"],
    &["bypolls"],
    &["by", "poll"],
    &["उपचुनाव"],
    &["उप", "चुनाव"],
];

/// Words that only say "an election" or join the others.
const FILLER: &[&str] = &[
    "election",
    "elections",
    "poll",
    "polls",
    "in",
    "of",
    "the",
    "for",
    "result",
    "results",
    "term",
    "चुनाव",
    "निर्वाचन",
    "के",
    "का",
    "की",
    "में",
    "परिणाम",
];

/// The most words a state's name takes (`Dadra and Nagar Haveli and Daman and Diu`).
const MAX_STATE_WORDS: usize = 8;

/// Words of `text`: lowercased, Devanagari digits as ASCII, split at spaces,
/// hyphens and punctuation other than `&` (`J&K`) and the Devanagari marks.
fn words(text: &str) -> Vec<String> {
    ascii_digits(text)
        .to_lowercase()
        .split(|c: char| {
            c.is_whitespace() || c == '-' || c == '–' || (c.is_ascii_punctuation() && c != '&')
        })
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn starts_with(words: &[String], phrase: &[&str]) -> bool {
    words.len() >= phrase.len() && phrase.iter().zip(words).all(|(p, w)| p == w)
}

/// The year a word is, if it is one an election could be held in.
fn year(word: &str) -> Option<u16> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse::<u16>().ok())
        .flatten()
        .filter(|y| (1947..=2100).contains(y))
}

/// Reads a typed election name (see the module's comment).
pub fn parse(text: &str) -> ElectionName {
    let words = words(text);
    let mut out = ElectionName::default();
    let mut i = 0;
    'next: while i < words.len() {
        let here = &words[i..];
        // The longest house phrase first (`indian general election`).
        let house = HOUSES
            .iter()
            .filter(|(p, _)| starts_with(here, p))
            .max_by_key(|(p, _)| p.len());
        if let Some((phrase, h)) = house {
            if out.house.is_none() {
                out.house = Some(*h);
            }
            i += phrase.len();
            continue;
        }
        if let Some(phrase) = BYE
            .iter()
            .filter(|p| starts_with(here, p))
            .max_by_key(|p| p.len())
        {
            out.bye = true;
            i += phrase.len();
            continue;
        }
        if let Some(y) = year(&here[0]) {
            if out.year.is_none() {
                out.year = Some(y);
                i += 1;
                continue;
            }
        }
        if out.state.is_none() {
            for n in (1..=MAX_STATE_WORDS.min(here.len())).rev() {
                if let Some(s) = states::find(&here[..n].join(" ")) {
                    out.state = Some(s);
                    i += n;
                    continue 'next;
                }
            }
        }
        if !FILLER.contains(&here[0].as_str()) {
            out.rest.push(here[0].clone());
        }
        i += 1;
    }
    out
}

/// `text` with a state's abbreviation or other spelling written out as its name
/// in the script it was typed in (`UP chief minister` → `Uttar Pradesh chief
/// minister`, `यूपी` → `उत्तर प्रदेश`), so that a text search meets the records' names; `None` when the
/// text names no state but by its own name.
pub fn expand_states(text: &str) -> Option<String> {
    let words = words(text);
    let mut out: Vec<String> = Vec::new();
    let mut expanded = false;
    let mut i = 0;
    'next: while i < words.len() {
        let here = &words[i..];
        for n in (1..=MAX_STATE_WORDS.min(here.len())).rev() {
            let phrase = here[..n].join(" ");
            if let Some(s) = states::find(&phrase) {
                let same = crate::domain::key(&phrase);
                if same == crate::domain::key(s.en) || same == crate::domain::key(s.hi) {
                    out.push(phrase);
                } else {
                    // In the script it was typed in, as records' names are.
                    let devanagari = phrase
                        .chars()
                        .any(|c| ('\u{0900}'..='\u{097F}').contains(&c));
                    out.push(if devanagari { s.hi } else { s.en }.to_string());
                    expanded = true;
                }
                i += n;
                continue 'next;
            }
        }
        out.push(here[0].clone());
        i += 1;
    }
    expanded.then(|| out.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(name: &ElectionName) -> Option<&'static str> {
        name.state.map(|s| s.slug)
    }

    #[test]
    fn house_state_and_year_in_any_order_and_script() {
        let cases: &[(&str, HouseWord, Option<&str>, u16)] = &[
            (
                "2024 Rajya Sabha Uttar Pradesh",
                HouseWord::RajyaSabha,
                Some("uttar-pradesh"),
                2024,
            ),
            (
                "UP Vidhan Sabha 2022",
                HouseWord::VidhanSabha,
                Some("uttar-pradesh"),
                2022,
            ),
            (
                "यूपी विधानसभा चुनाव 2022",
                HouseWord::VidhanSabha,
                Some("uttar-pradesh"),
                2022,
            ),
            (
                "यूपी विधानसभा चुनाव २०२२",
                HouseWord::VidhanSabha,
                Some("uttar-pradesh"),
                2022,
            ),
            ("2019 Lok Sabha", HouseWord::LokSabha, None, 2019),
            ("लोकसभा चुनाव 2019", HouseWord::LokSabha, None, 2019),
            ("आम चुनाव २०१९", HouseWord::LokSabha, None, 2019),
            ("general election 2014", HouseWord::LokSabha, None, 2014),
            (
                "Uttar Pradesh assembly election 2017",
                HouseWord::VidhanSabha,
                Some("uttar-pradesh"),
                2017,
            ),
            (
                "J&K legislative assembly elections 2024",
                HouseWord::VidhanSabha,
                Some("jammu-and-kashmir"),
                2024,
            ),
            (
                "उत्तर प्रदेश राज्यसभा चुनाव 2024",
                HouseWord::RajyaSabha,
                Some("uttar-pradesh"),
                2024,
            ),
            (
                "2026 West Bengal Vidhan Sabha election",
                HouseWord::VidhanSabha,
                Some("west-bengal"),
                2026,
            ),
            (
                "MP vidhansabha 2023",
                HouseWord::VidhanSabha,
                Some("madhya-pradesh"),
                2023,
            ),
            (
                "TN assembly 2021",
                HouseWord::VidhanSabha,
                Some("tamil-nadu"),
                2021,
            ),
        ];
        for &(text, house, st, y) in cases {
            let n = parse(text);
            assert_eq!(n.house, Some(house), "{text}");
            assert_eq!(state(&n), st, "{text}");
            assert_eq!(n.year, Some(y), "{text}");
            assert!(!n.bye, "{text}");
            assert!(n.rest.is_empty(), "{text}: {:?}", n.rest);
            assert!(n.is_structured(), "{text}");
        }
    }

    #[test]
    fn bye_election_words() {
        for text in [
            "Lok Sabha by-election 2021",
            "lok sabha bye election 2021",
            "Lok Sabha byelection 2021",
            "लोकसभा उपचुनाव 2021",
            "लोकसभा उप चुनाव २०२१",
            "Lok Sabha bypoll 2021",
        ] {
            let n = parse(text);
            assert!(n.bye, "{text}");
            assert_eq!(
                (n.house, n.year),
                (Some(HouseWord::LokSabha), Some(2021)),
                "{text}"
            );
            assert!(n.rest.is_empty(), "{text}: {:?}", n.rest);
        }
        assert!(!parse("Lok Sabha 2019").bye);
    }

    #[test]
    fn a_seat_and_a_year_leave_the_seat_as_the_rest() {
        let n = parse("Amethi 2019");
        assert_eq!((n.house, n.state, n.year), (None, None, Some(2019)));
        assert_eq!(n.rest, ["amethi"]);
        assert!(!n.is_structured());
        let n = parse("Rae Bareli Lok Sabha election 2024");
        assert_eq!(n.rest_text(), "rae bareli");
        assert_eq!(n.house, Some(HouseWord::LokSabha));
        let n = parse("कन्नौज २०१९");
        assert_eq!((n.rest_text().as_str(), n.year), ("कन्नौज", Some(2019)));
    }

    #[test]
    fn words_that_are_no_election_stay_words() {
        let n = parse("Narendra Modi");
        assert_eq!(
            n,
            ElectionName {
                rest: vec!["narendra".into(), "modi".into()],
                ..Default::default()
            }
        );
        assert!(!n.is_structured());
        // A number that is no year, and a year alone.
        assert_eq!(parse("543").year, None);
        assert_eq!(parse("12019").year, None);
        assert!(!parse("2019").is_structured());
    }

    #[test]
    fn abbreviations_are_written_out_for_text_search() {
        assert_eq!(
            expand_states("UP chief minister").as_deref(),
            Some("Uttar Pradesh chief minister")
        );
        assert_eq!(
            expand_states("मुख्यमंत्री यूपी").as_deref(),
            Some("मुख्यमंत्री उत्तर प्रदेश")
        );
        // A state's own name, or none, leaves the text as typed.
        assert_eq!(expand_states("chief secretary uttar pradesh"), None);
        assert_eq!(expand_states("Alok Ranjan"), None);
    }
}
