//! The interface in English and Hindi: one place for the words the binary prints
//! around the data (headings, table headers, field labels, "won"/"lost"), dates as a
//! Hindi reader writes them ("1 जनवरी 2020") and rupees in lakhs and crores
//! ("₹1,107 करोड़", "₹45 लाख").
//!
//! Which language a command speaks is [`Lang::choose`]'s rule: `--lang hi|en` when
//! given, else Hindi when anything typed is in Devanagari, else English. Digits stay
//! Latin in both languages, as Hindi newspapers mostly print them. Data keeps its own
//! language: a name without a Hindi form is shown as it is, and JSON keys never change.

use crate::analysis::is_devanagari_char;
use crate::model::PartialDate;
use crate::numerals::indian;
use std::fmt;
use std::str::FromStr;

/// The language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Hi,
}

impl Lang {
    /// `explicit` (`--lang`) when given; else Hindi when any word of any `typed`
    /// text is in Devanagari (`show आलोक रंजन`, `candidates --party सपा`); else English.
    pub fn choose<'a>(explicit: Option<Lang>, typed: impl IntoIterator<Item = &'a str>) -> Lang {
        if let Some(l) = explicit {
            return l;
        }
        let hindi = typed.into_iter().any(|t| {
            t.split_whitespace().any(|w| {
                w.chars()
                    .any(|c| c.is_alphabetic() && is_devanagari_char(c))
            })
        });
        if hindi {
            Lang::Hi
        } else {
            Lang::En
        }
    }

    /// The language code data is keyed by (`Names`): `en`, `hi`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Hi => "hi",
        }
    }

    /// The label in this language.
    pub fn t(self, label: Label) -> &'static str {
        match self {
            Lang::En => label.en(),
            Lang::Hi => label.hi(),
        }
    }

    /// `en` or `hi` as given, for the few phrases built around a number or a name.
    pub fn pick<'a>(self, en: &'a str, hi: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Hi => hi,
        }
    }

    /// Where a fact's knowledge ends, as a line's tail: `  (as of 2024-06-04, ADR)`.
    pub fn as_of(self, k: &crate::profile::currency::AsOf) -> String {
        format!(
            "  ({} {}, {})",
            self.t(Label::AsOf),
            self.date(&k.date),
            k.dataset
        )
    }

    /// That a source's knowledge ends before the date asked about (`office --at`,
    /// the office page): what it lists may or may not still hold then.
    pub fn knowledge_ends_before(
        self,
        k: &crate::profile::currency::AsOf,
        at: &PartialDate,
    ) -> String {
        match self {
            Lang::En => format!(
                "{}'s knowledge ends {}; after that, not known whether anyone it lists held it on {at}",
                k.dataset, k.date
            ),
            Lang::Hi => format!(
                "{} की जानकारी {} तक है; उसके बाद, {} को इसमें दर्ज कोई व्यक्ति पद पर था या नहीं, यह ज्ञात नहीं",
                k.dataset,
                self.date(&k.date),
                self.date(at)
            ),
        }
    }

    /// A date as a reader of this language writes it: `2020-01-01` in English (as
    /// the data and `--json` write it), `1 जनवरी 2020`, `जनवरी 2020`, `2020` in Hindi.
    pub fn date(self, d: &PartialDate) -> String {
        match (self, d.month, d.day) {
            (Lang::En, ..) => d.to_string(),
            (Lang::Hi, None, _) => d.year.to_string(),
            (Lang::Hi, Some(m), None) => format!("{} {}", month_hi(m), d.year),
            (Lang::Hi, Some(m), Some(day)) => format!("{day} {} {}", month_hi(m), d.year),
        }
    }

    /// A span of dates: `2014-06 – 2016-06`, `जून 2014 – जून 2016`; an open end
    /// `2019-05-30 –`, an unknown start `? – 2016`.
    pub fn period(self, start: Option<&PartialDate>, end: Option<&PartialDate>) -> String {
        match (start, end) {
            (None, None) => self.t(Label::DatesUnknown).to_string(),
            (Some(s), None) => format!("{} –", self.date(s)),
            (None, Some(e)) => format!("? – {}", self.date(e)),
            (Some(s), Some(e)) => format!("{} – {}", self.date(s), self.date(e)),
        }
    }

    /// A unit of votes as the data names it (`votes`, `first-preference votes`),
    /// in this language.
    pub fn votes_unit(self, unit: &str) -> String {
        match (self, unit) {
            (Lang::En, _) => unit.to_string(),
            (Lang::Hi, "votes") => "वोट".to_string(),
            (Lang::Hi, "first-preference votes") => "प्रथम वरीयता वोट".to_string(),
            (Lang::Hi, other) => other.to_string(),
        }
    }

    /// A kind of record as a reader says it (`person`, `व्यक्ति`).
    pub fn kind(self, kind: crate::model::Kind) -> &'static str {
        use crate::model::Kind;
        let label = match kind {
            Kind::Source => Label::KindSource,
            Kind::Organization => Label::KindOrganization,
            Kind::Office => Label::KindOffice,
            Kind::Election => Label::KindElection,
            Kind::Seat => Label::KindSeat,
            Kind::Person => Label::KindPerson,
            Kind::Tenure => Label::KindTenure,
            Kind::Membership => Label::KindMembership,
            Kind::Candidacy => Label::KindCandidacy,
        };
        self.t(label)
    }

    /// Rupees in words in this language: [`rupees_in_words`].
    pub fn rupees_in_words(self, n: u64) -> String {
        rupees_in_words(n, self)
    }
}

impl FromStr for Lang {
    type Err = crate::Error;

    /// `en`/`english`, `hi`/`hindi`/`हिंदी` (any case).
    fn from_str(s: &str) -> Result<Lang, crate::Error> {
        match s.trim().to_lowercase().as_str() {
            "en" | "english" => Ok(Lang::En),
            "hi" | "hindi" | "हिंदी" | "हिन्दी" => Ok(Lang::Hi),
            other => Err(crate::Error::Usage(format!(
                "`{other}` is not a language: write hi or en"
            ))),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The months as Hindi newspapers write them.
const MONTHS_HI: [&str; 12] = [
    "जनवरी",
    "फ़रवरी",
    "मार्च",
    "अप्रैल",
    "मई",
    "जून",
    "जुलाई",
    "अगस्त",
    "सितंबर",
    "अक्टूबर",
    "नवंबर",
    "दिसंबर",
];

fn month_hi(m: u8) -> &'static str {
    MONTHS_HI
        .get(usize::from(m).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// Rupees with Indian digit grouping: 12345678 → `₹1,23,45,678` (both languages).
pub fn rupees(n: u64) -> String {
    format!("₹{}", indian(n))
}

/// Rupees in words as Indian readers say them: `₹1,107 crore`, `₹45 lakh`, `₹9,500`;
/// in Hindi `₹1,107 करोड़`, `₹45 लाख`. Rounded down, as "₹1,107 crore" is said of
/// ₹1,107.58 crore: never more than was declared; one decimal below ten units,
/// where a whole number says too little (`₹1.9 crore`).
pub fn rupees_in_words(n: u64, lang: Lang) -> String {
    const CRORE: u64 = 10_000_000;
    const LAKH: u64 = 100_000;
    let words = |unit: u64, word: &str| {
        if n < 10 * unit {
            let tenths = n / (unit / 10);
            match tenths % 10 {
                0 => format!("₹{} {word}", tenths / 10),
                t => format!("₹{}.{t} {word}", tenths / 10),
            }
        } else {
            format!("₹{} {word}", indian(n / unit))
        }
    };
    if n >= CRORE {
        words(CRORE, lang.t(Label::Crore))
    } else if n >= LAKH {
        words(LAKH, lang.t(Label::Lakh))
    } else {
        rupees(n)
    }
}

macro_rules! labels {
    ($($(#[$doc:meta])* $name:ident => $en:literal, $hi:literal;)*) => {
        /// A word or phrase of the interface, in both languages.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Label {
            $($(#[$doc])* $name,)*
        }

        impl Label {
            /// Every label, for the tests that check the table.
            pub const ALL: &'static [Label] = &[$(Label::$name,)*];

            pub fn en(self) -> &'static str {
                match self {
                    $(Label::$name => $en,)*
                }
            }

            pub fn hi(self) -> &'static str {
                match self {
                    $(Label::$name => $hi,)*
                }
            }
        }
    };
}

labels! {
    // Kinds of record.
    KindPerson => "person", "व्यक्ति";
    KindOrganization => "organization", "संगठन";
    KindOffice => "office", "पद";
    KindElection => "election", "चुनाव";
    KindSeat => "seat", "सीट";
    KindSource => "source", "स्रोत";
    KindTenure => "tenure", "कार्यकाल";
    KindMembership => "membership", "सदस्यता";
    KindCandidacy => "candidacy", "उम्मीदवारी";
    // Headings of a profile.
    Offices => "Offices", "पद";
    Memberships => "Memberships", "सदस्यता";
    Elections => "Elections", "चुनाव";
    Results => "Results", "परिणाम";
    Parties => "Parties", "दल";
    Affidavits => "Affidavits", "शपथपत्र";
    Records => "Records", "अभिलेख";
    Sources => "Sources", "स्रोत";
    Members => "Members", "सदस्य";
    Candidacies => "Candidacies", "उम्मीदवारियाँ";
    MostVotes => "Most votes", "सबसे अधिक वोट";
    PartyTally => "Parties (seats won · candidates · votes)", "दल (जीती सीटें · उम्मीदवार · वोट)";
    // Field labels.
    Record => "record", "अभिलेख";
    RecordOne => "1 record", "1 अभिलेख";
    RecordsCount => "records", "अभिलेख";
    Also => "also", "अन्य नाम";
    Born => "born", "जन्म";
    Home => "home", "गृह";
    Service => "service", "सेवा";
    Batch => "batch", "बैच";
    Cadre => "cadre", "कैडर";
    NotSamePerson => "not the same person as", "यह व्यक्ति नहीं";
    From => "from", "स्रोत";
    AsOf => "as of", "जानकारी";
    AsOfDate => "as of", "तिथि";
    Later => "later", "बाद में";
    LinkedTo => "linked to", "जुड़ा";
    Undated => "undated", "तिथि अज्ञात";
    DatesUnknown => "dates unknown", "तिथि अज्ञात";
    PeopleBearName => "people bear this name", "व्यक्ति इस नाम के हैं";
    Publisher => "publisher", "प्रकाशक";
    Date => "date", "तिथि";
    KnowledgeEnds => "knowledge ends", "जानकारी की अंतिम तिथि";
    Language => "language", "भाषा";
    Url => "url", "पता";
    Licence => "licence", "लाइसेंस";
    Seats => "seats", "सीटें";
    Indirect => "indirect", "अप्रत्यक्ष";
    Rank => "rank", "स्थान";
    Age => "age", "आयु";
    Assets => "assets", "संपत्ति";
    Liabilities => "liabilities", "देनदारी";
    CriminalCases => "criminal cases", "आपराधिक मामले";
    Cases => "cases", "मामले";
    Affidavit => "affidavit", "शपथपत्र";
    EveryRow => "every row:", "सभी पंक्तियाँ:";
    MoreParties => "more parties", "और दल";
    EarlierElections => "earlier elections", "पहले के चुनाव";
    In => "in", "—";
    ElectionsCount => "elections", "चुनाव";
    AsOfTheirSource => "as of their source", "स्रोत की तिथि तक";
    // Status of a fact.
    Current => "current", "वर्तमान";
    Former => "former", "पूर्व";
    NotKnownSince => "not known since", "अद्यतन अज्ञात";
    // Results.
    Won => "won", "जीते";
    Lost => "lost", "हारे";
    Votes => "votes", "वोट";
    Margin => "margin", "अंतर";
    DepositLost => "deposit lost", "ज़मानत ज़ब्त";
    // Table headers.
    HeadCandidate => "candidate", "उम्मीदवार";
    HeadParty => "party", "दल";
    HeadVotes => "votes", "वोट";
    HeadShare => "share", "हिस्सा";
    HeadResult => "result", "परिणाम";
    HeadContested => "contested", "लड़े";
    HeadWon => "won", "जीते";
    HeadYear => "year", "वर्ष";
    HeadHouse => "house", "सदन";
    HeadWinner => "winner", "विजेता";
    HeadMargin => "margin", "अंतर";
    HeadRunnerUp => "runner-up", "उपविजेता";
    HeadGroup => "group", "समूह";
    HeadCandidacies => "candidacies", "उम्मीदवारियाँ";
    HeadWithCases => "with cases", "मामलों वाले";
    HeadCases => "cases", "मामले";
    HeadAssets => "assets", "संपत्ति";
    // Election tables.
    Candidates => "candidates", "उम्मीदवार";
    Constituencies => "constituencies", "निर्वाचन क्षेत्र";
    Total => "total", "कुल";
    Counted => "counted", "गिनती";
    NotCounted => "not counted in the data", "आँकड़ों में गिनती नहीं";
    NotInTheCount => "not in the count (an affidavit without a counted row):", "गिनती में नहीं (शपथपत्र है, गिनती की पंक्ति नहीं):";
    Valid => "valid", "वैध";
    NoTurnout => "turnout: not in the data (no dataset gives the electors)", "मतदान प्रतिशत: आँकड़ों में नहीं (किसी डेटासेट में मतदाताओं की संख्या नहीं)";
    VotesAre => "votes are", "वोट:";
    CountedBy => "counted by", "गिनती का स्रोत";
    NoDataset => "no dataset", "कोई डेटासेट नहीं";
    ValidVotes => "valid votes", "वैध वोट";
    OneTable => "seats; `--constituency NAME` prints one result table", "सीटें; `--constituency NAME` से एक सीट की परिणाम तालिका";
    UncountedSeats => "more seats only an affidavit dataset lists under another name or state: not in the tally (`--constituency NAME` shows their rows)", "और सीटें, जिन्हें केवल शपथपत्र डेटासेट किसी और नाम या राज्य से सूचीबद्ध करता है: गिनती में नहीं (`--constituency NAME` उनकी पंक्तियाँ दिखाता है)";
    // Money.
    Crore => "crore", "करोड़";
    Lakh => "lakh", "लाख";
    // candidates.
    CandidacyOne => "candidacy", "उम्मीदवारी";
    CandidaciesMany => "candidacies", "उम्मीदवारियाँ";
    WithDeclaredCases => "with declared criminal cases", "घोषित आपराधिक मामलों वाले";
    // office.
    HeldOn => "held on", "इस तिथि को";
    HeldBy => "by", "पद पर";
    NotKnown => "not known", "अज्ञात";
    LastKnown => "last known:", "अंतिम ज्ञात:";
    // history.
    Version => "version", "संस्करण";
    Versions => "versions", "संस्करण";
    NewestFirst => "newest first", "नवीनतम पहले";
    CurrentVersion => "(current)", "(वर्तमान)";
    NoTime => "(written before netakosh kept the time)", "(समय दर्ज होने से पहले लिखा गया)";
    Nothing => "(none)", "(कुछ नहीं)";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_the_flag_else_the_script_typed() {
        assert_eq!(Lang::choose(None, ["आलोक रंजन"]), Lang::Hi);
        assert_eq!(Lang::choose(None, ["Alok Ranjan"]), Lang::En);
        assert_eq!(Lang::choose(Some(Lang::En), ["आलोक रंजन"]), Lang::En);
        assert_eq!(Lang::choose(Some(Lang::Hi), ["Alok"]), Lang::Hi);
        // Any argument: a party typed in Hindi.
        assert_eq!(Lang::choose(None, ["UP", "सपा"]), Lang::Hi);
        // Devanagari digits alone are a number, not a language.
        assert_eq!(Lang::choose(None, ["Amethi २०१९"]), Lang::En);
        assert_eq!("hi".parse::<Lang>().ok(), Some(Lang::Hi));
        assert_eq!(" EN ".parse::<Lang>().ok(), Some(Lang::En));
        assert!("fr".parse::<Lang>().is_err());
    }

    #[test]
    fn hindi_dates_as_a_hindi_reader_writes_them() {
        let d = |s: &str| s.parse::<PartialDate>().unwrap();
        assert_eq!(Lang::Hi.date(&d("2020-01-01")), "1 जनवरी 2020");
        assert_eq!(Lang::Hi.date(&d("2019-05-30")), "30 मई 2019");
        assert_eq!(Lang::Hi.date(&d("2014-06")), "जून 2014");
        assert_eq!(Lang::Hi.date(&d("2014-12-31")), "31 दिसंबर 2014");
        assert_eq!(Lang::Hi.date(&d("1978")), "1978");
        assert_eq!(Lang::En.date(&d("2020-01-01")), "2020-01-01");
        assert_eq!(
            Lang::Hi.period(Some(&d("2014-06")), Some(&d("2016-06"))),
            "जून 2014 – जून 2016"
        );
        assert_eq!(Lang::Hi.period(None, None), "तिथि अज्ञात");
        assert_eq!(
            Lang::En.period(Some(&d("2019-05-30")), None),
            "2019-05-30 –"
        );
    }

    #[test]
    fn crore_and_lakh_at_their_boundaries() {
        let both = |n| (rupees_in_words(n, Lang::En), rupees_in_words(n, Lang::Hi));
        assert_eq!(
            both(11_070_000_000),
            ("₹1,107 crore".into(), "₹1,107 करोड़".into())
        );
        assert_eq!(both(4_520_000), ("₹45 lakh".into(), "₹45 लाख".into()));
        assert_eq!(both(9_500), ("₹9,500".into(), "₹9,500".into()));
        // Just under a lakh and a crore, and exactly at them.
        assert_eq!(both(99_999), ("₹99,999".into(), "₹99,999".into()));
        assert_eq!(both(100_000), ("₹1 lakh".into(), "₹1 लाख".into()));
        assert_eq!(both(9_999_999), ("₹99 lakh".into(), "₹99 लाख".into()));
        assert_eq!(both(10_000_000), ("₹1 crore".into(), "₹1 करोड़".into()));
        // One decimal below ten units, rounded down; whole units from ten.
        assert_eq!(rupees_in_words(19_900_000, Lang::En), "₹1.9 crore");
        assert_eq!(rupees_in_words(19_999_999, Lang::Hi), "₹1.9 करोड़");
        assert_eq!(rupees_in_words(150_000, Lang::Hi), "₹1.5 लाख");
        assert_eq!(rupees_in_words(999_999, Lang::Hi), "₹9.9 लाख");
        assert_eq!(rupees_in_words(1_000_000, Lang::Hi), "₹10 लाख");
        // Rahul Gandhi's 2024 affidavit: ₹20,39,61,862.
        assert_eq!(rupees_in_words(203_961_862, Lang::En), "₹20 crore");
        assert_eq!(rupees_in_words(11_075_833_190, Lang::En), "₹1,107 crore");
        assert_eq!(rupees(843_025), "₹8,43,025");
        assert_eq!(rupees(12_345_678), "₹1,23,45,678");
        assert_eq!(rupees(999), "₹999");
    }

    #[test]
    fn every_label_has_both_languages() {
        for l in Label::ALL {
            assert!(!l.en().is_empty(), "{l:?}");
            assert!(
                l.hi().chars().any(is_devanagari_char) || l.hi() == "—" || l.hi().starts_with('1'),
                "{l:?}: the Hindi label is not Hindi: {}",
                l.hi()
            );
            assert!(
                !l.hi().chars().any(|c| c.is_ascii_alphabetic())
                    || l.hi().contains("--constituency"),
                "{l:?}: English left in the Hindi label: {}",
                l.hi()
            );
        }
        assert_eq!(
            Lang::Hi.votes_unit("first-preference votes"),
            "प्रथम वरीयता वोट"
        );
        assert_eq!(Lang::En.votes_unit("votes"), "votes");
        assert_eq!(Lang::Hi.kind(crate::model::Kind::Person), "व्यक्ति");
    }
}
