//! Shared clean-up for source datasets: names, ids, numbers, missing values.
//!
//! Sources write `Adhalrao Patil, Shri Shivaji`, `SHRIPAD YESSO NAIK`,
//! `Sri (Dr)Neelam Sanjeeva Reddy`, `Araku ` and `8,43,025`. Importers keep the
//! original string (as an alias) and use the cleaned form for display and ids.

use crate::model::PartialDate;

/// Honorifics and titles that precede Indian names in official lists (lowercase,
/// without the final dot). Removed for display; the original string is kept.
const HONORIFICS: &[&str] = &[
    "shri",
    "sri",
    "shree",
    "smt",
    "smti",
    "shrimati",
    "kumari",
    "km",
    "ms",
    "mr",
    "mrs",
    "miss",
    "dr",
    "prof",
    "adv",
    "advocate",
    "late",
    "capt",
    "col",
    "gen",
    "lt",
    "maj",
    "justice",
    "sardar",
    "thiru",
    "thirumathi",
    "selvi",
    "janab",
    "mohd",
    "sushree",
    "sushri",
    "maulana",
    "captain",
    "brig",
    "general",
    "pt",
    "kalaignar",
];

/// Decorations and service marks written after a name (`Sona Ram, VSM (Retd.)`):
/// dropped for display, kept in the original string.
const POST_NOMINALS: &[&str] = &["pvsm", "avsm", "vsm", "uysm", "ysm", "retd"];

fn is_post_nominal(word: &str) -> bool {
    let bare = word.trim_matches(|c: char| c == '.' || c == '(' || c == ')' || c == ',');
    let lower = bare.to_lowercase();
    // Service marks are written in capitals; `(Retd.)` in any case.
    (lower == "retd") || (POST_NOMINALS.contains(&lower.as_str()) && bare == bare.to_uppercase())
}

/// Puts a space where sources glue words together: after a dot before a letter
/// (`P.V.Narasimha` → `P. V. Narasimha`), around brackets (`Dr.(Ms.)`,
/// `(Dr)Neelam`) and between a lowercase and an uppercase letter inside a word
/// (`KamlapatiTripathi`; only after three letters, so `McDonald` stays).
fn space_out(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut run = 0usize; // letters since the word began
    for (i, &c) in chars.iter().enumerate() {
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let glued = match prev {
            Some(p) if !p.is_whitespace() => {
                (p == '.' && c.is_alphabetic())
                    || (c == '(')
                    || (p == ')' && !c.is_whitespace() && c != ',')
                    || (p.is_lowercase() && c.is_uppercase() && run >= 3)
            }
            _ => false,
        };
        if glued {
            out.push(' ');
            run = 0;
        }
        if c.is_alphabetic() {
            run += 1;
        } else {
            run = 0;
        }
        out.push(c);
    }
    out
}

/// Whether a word (with or without a dot or brackets) is an honorific.
fn is_honorific(word: &str) -> bool {
    let bare = word.trim_matches(|c: char| c == '.' || c == '(' || c == ')' || c == ',');
    // `Mohd` is part of a name (Mohd. Azharuddin), not a title: keep it.
    !bare.is_empty() && bare != "mohd" && HONORIFICS.contains(&bare.to_lowercase().as_str())
}

/// Collapses runs of white space and trims.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Shripad Yesso Naik` from `SHRIPAD YESSO NAIK`; mixed-case text is left alone.
pub fn title_case(s: &str) -> String {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = !letters.is_empty() && letters.iter().all(|c| !c.is_lowercase());
    if !shouting {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if c.is_alphabetic() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = c.is_whitespace() || matches!(c, '.' | '-' | '(' | '\'' | '"');
        }
    }
    out
}

/// A person's name as a reader expects it: `Surname, Shri First` reordered to
/// `First Surname`, titles and service marks removed, glued initials spaced
/// (`P.V.Narasimha Rao` → `P. V. Narasimha Rao`), stray numbers dropped, UPPER
/// CASE title-cased, spaces squashed. Titles come off only where titles stand,
/// before a name (`Col. Choudhary, Sona Ram`), so `Karuna Kumari` keeps `Kumari`.
pub fn person_name(raw: &str) -> String {
    let spaced = space_out(&squash(raw));
    let words: Vec<&str> = spaced
        .split_whitespace()
        .filter(|w| !is_post_nominal(w))
        .collect();
    // `Rao Inderjit Singh,` and `Choudhary, Sona Ram, VSM` leave commas behind.
    let joined = words.join(" ");
    let joined = joined.trim_matches(|c: char| c == ',' || c.is_whitespace());
    let parts: Vec<Vec<&str>> = match joined.split_once(',') {
        Some((surname, given)) => vec![given, surname],
        None => vec![joined],
    }
    .into_iter()
    .map(|part| {
        let words: Vec<&str> = part
            .split_whitespace()
            .map(|w| w.trim_matches(','))
            .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
            .collect();
        let titles = words.iter().take_while(|w| is_honorific(w)).count();
        words[titles..].to_vec()
    })
    .collect();
    let kept: Vec<&str> = parts.concat();
    let kept = if kept.is_empty() {
        joined.split_whitespace().collect()
    } else {
        kept
    };
    capitalise_words(&title_case(&squash(&kept.join(" "))))
}

/// Lowercase words of a mixed-case name that are names, not particles, get their
/// capital: `Ram Naresh yadav` → `Ram Naresh Yadav`; `Wilfred de Souza` and
/// `Raju alias Devappa` stay.
fn capitalise_words(name: &str) -> String {
    const PARTICLES: &[&str] = &["alias", "urf", "van", "von", "der", "del", "bin", "binti"];
    name.split(' ')
        .map(|w| {
            let lower = w.chars().all(|c| !c.is_uppercase());
            if lower && w.chars().count() >= 3 && !PARTICLES.contains(&w) {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A lowercase ASCII slug for ids (`alok-ranjan`); letters outside ASCII are dropped,
/// so callers fall back to a source identifier when the slug comes out empty.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else {
            dash = true;
        }
    }
    out.truncate(120);
    out.trim_end_matches('-').to_string()
}

/// A slug of at most `max` bytes: a longer one is cut and ends in a hash of the
/// whole text, so two long names that share a beginning still get different ids.
pub fn slug_max(s: &str, max: usize) -> String {
    let full = slug(s);
    if full.len() <= max || max < 12 {
        return full;
    }
    let hash = format!("{:08x}", crate::domain::parties::fnv(&full) as u32);
    let cut = full[..max - 9].trim_end_matches('-');
    format!("{cut}-{hash}")
}

/// Upper-cases the first letter (`commissioner` → `Commissioner`).
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A dataset file's own name, without the folder it was imported from, so a source
/// record is the same wherever the file lies.
pub fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}

/// Missing-value markers used by the datasets.
pub fn is_missing(s: &str) -> bool {
    matches!(
        s.trim().to_lowercase().as_str(),
        "" | "na"
            | "n/a"
            | "n.a."
            | "nil"
            | "none"
            | "-"
            | "--"
            | "null"
            | "not given"
            | "unknown"
            | "not found"
            | "not available"
            | "not applicable"
            | "n.applicable"
            | "details awaited"
    )
}

/// A date as the datasets write it: `YYYY-MM-DD` (also `YYYY-MM`, `YYYY`), or the
/// Indian day-first `DD-MM-YYYY`, `DD/MM/YYYY`, `DD.MM.YYYY`. `None` when missing.
pub fn date(s: &str) -> Result<Option<PartialDate>, String> {
    if is_missing(s) {
        return Ok(None);
    }
    let t = s.trim();
    if let Ok(d) = t.parse::<PartialDate>() {
        return Ok(Some(d));
    }
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if let [d, m, y] = parts[..] {
        let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
            n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        };
        if digits(d, 1..=2) && digits(m, 1..=2) && digits(y, 4..=4) {
            let iso = format!("{y}-{m:0>2}-{d:0>2}");
            return iso
                .parse::<PartialDate>()
                .map(Some)
                .map_err(|_| format!("`{t}` is not a date that exists"));
        }
    }
    Err(format!(
        "`{t}` is not a date: expected YYYY-MM-DD (or DD-MM-YYYY)"
    ))
}

/// A trimmed value, or `None` when missing.
pub fn text(s: &str) -> Option<String> {
    (!is_missing(s)).then(|| squash(s))
}

/// A whole number written with spaces, Indian digit grouping (`8,43,025`) or `Rs`;
/// `None` when missing, `Err` when it is not a number.
pub fn number(s: &str) -> Result<Option<u64>, String> {
    if is_missing(s) {
        return Ok(None);
    }
    let digits: String = s
        .trim()
        .trim_start_matches("Rs")
        .trim_start_matches("rs")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .collect();
    let digits = digits.trim_start_matches('.').trim_end_matches('~');
    digits
        .parse::<u64>()
        .map(Some)
        .map_err(|_| format!("`{}` is not a whole number", s.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_reordered_and_cleaned() {
        assert_eq!(
            person_name("Adhalrao Patil, Shri Shivaji"),
            "Shivaji Adhalrao Patil"
        );
        assert_eq!(person_name("SHRIPAD YESSO NAIK"), "Shripad Yesso Naik");
        assert_eq!(
            person_name("DR. SANJEEV KUMAR BALYAN"),
            "Sanjeev Kumar Balyan"
        );
        assert_eq!(
            person_name("Sri (Dr)Neelam Sanjeeva Reddy"),
            "Neelam Sanjeeva Reddy"
        );
        assert_eq!(person_name("Shri Alok Ranjan "), "Alok Ranjan");
        assert_eq!(person_name("Ms. P P Trivedi"), "P P Trivedi");
        assert_eq!(person_name("Smt.  Jaya   Bachchan"), "Jaya Bachchan");
        assert_eq!(person_name("MD. TAJUDDIN"), "Md. Tajuddin");
        assert_eq!(
            person_name("Shri"),
            "Shri",
            "a name that is only a title stays"
        );
    }

    #[test]
    fn names_from_the_popolo_and_tcpd_files() {
        // Real strings from the Lok Sabha Popolo file and the TCPD files.
        for (raw, clean) in [
            (
                "Col. Choudhary, Sona Ram, VSM (Retd.)",
                "Sona Ram Choudhary",
            ),
            (
                "Khanduri, Maj Gen Bhuwan Chandra AVSM (Retd.)",
                "Bhuwan Chandra Khanduri",
            ),
            ("Singh, Gen. (Retd.) Vijay Kumar", "Vijay Kumar Singh"),
            ("Rao Inderjit Singh,", "Rao Inderjit Singh"),
            ("Gawali (Patil), Ms. Bhavana", "Bhavana Gawali (Patil)"),
            ("Sumitra Mahajan (Tai)", "Sumitra Mahajan (Tai)"),
            ("Sushree, Uma Bharati", "Uma Bharati"),
            ("Singh, Captain Amarinder", "Amarinder Singh"),
            ("Dr.(Ms.) Neelam Sahni", "Neelam Sahni"),
            ("Sri P.V.Narasimha Rao", "P. V. Narasimha Rao"),
            ("Sri B.S.YEDDYURAPPA", "B. S. Yeddyurappa"),
            ("Dr.Marri Chenna Reddy", "Marri Chenna Reddy"),
            ("Pt. KamlapatiTripathi", "Kamlapati Tripathi"),
            ("Sri K.VijayaBhaskara Reddy", "K. Vijaya Bhaskara Reddy"),
            ("Mufti Mohammad Sayeed 0", "Mufti Mohammad Sayeed"),
            ("Maj.General.B.C.Khanduri", "B. C. Khanduri"),
            ("Dr. Kalaignar M. Karunanidhi", "M. Karunanidhi"),
            ("SHRI BANSI LAL", "Bansi Lal"),
            (
                "CAPT. JAI NARAYAN PRASAD NISHAD",
                "Jai Narayan Prasad Nishad",
            ),
            ("ANANT GEETE ", "Anant Geete"),
            ("Shri. A. K. Antony", "A. K. Antony"),
            ("Sri Ram Naresh yadav", "Ram Naresh Yadav"),
            ("Dr.(Ms.) Karuna Kumari", "Karuna Kumari"),
            ("Karandlaje, Km. Shobha", "Shobha Karandlaje"),
            ("Sri N.Bhaskara rao", "N. Bhaskara Rao"),
            ("Dr. Wilfred de Souza", "Wilfred de Souza"),
            (
                "Shetti, Shri Raju alias Devappa Anna",
                "Raju alias Devappa Anna Shetti",
            ),
        ] {
            assert_eq!(person_name(raw), clean, "{raw}");
        }
        assert_eq!(
            person_name("S M Krishna"),
            "S M Krishna",
            "SM is not a mark"
        );
    }

    #[test]
    fn dates_in_the_forms_the_datasets_use() {
        let d = |s: &str| date(s).unwrap().map(|d| d.to_string());
        assert_eq!(d("2014-06-02"), Some("2014-06-02".into()));
        assert_eq!(d(" 1967 "), Some("1967".into()));
        assert_eq!(d("02-06-2014"), Some("2014-06-02".into()));
        assert_eq!(d("2/6/2014"), Some("2014-06-02".into()));
        assert_eq!(d("N.A."), None);
        assert_eq!(d(""), None);
        assert!(date("31-02-2014").unwrap_err().contains("31-02-2014"));
        assert!(date("2014/13/01").is_err());
        assert!(date("Current").is_err());
    }

    #[test]
    fn a_quoted_nickname_is_title_cased_too() {
        // india-votes 2024 Lok Sabha, Maharajganj (Bihar).
        assert_eq!(
            title_case("JANARDAN SINGH \"SIGRIWAL\""),
            "Janardan Singh \"Sigriwal\""
        );
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Alok Ranjan"), "alok-ranjan");
        assert_eq!(slug("  Md. Tajuddin (SP) "), "md-tajuddin-sp");
        assert_eq!(slug("आलोक रंजन"), "");
        let long = "Principal Secretary to Government, Department of Animal Husbandry";
        let a = slug_max(long, 40);
        let b = slug_max(&format!("{long} and Fisheries"), 40);
        assert!(a.len() <= 40 && b.len() <= 40, "{a} {b}");
        assert!(a.starts_with("principal-secretary-to-gov"), "{a}");
        assert_ne!(a, b);
        assert_eq!(slug_max("Chief Secy", 40), "chief-secy");
    }

    #[test]
    fn numbers_and_missing_values() {
        assert_eq!(number("8,43,025"), Ok(Some(843_025)));
        assert_eq!(number(" 477005 "), Ok(Some(477_005)));
        assert_eq!(number("Rs 1 23 456"), Ok(Some(123_456)));
        assert_eq!(number("NA"), Ok(None));
        assert_eq!(number(""), Ok(None));
        assert!(number("twelve").is_err());
        assert!(number("-5").is_err());
        assert_eq!(text("  Araku  "), Some("Araku".into()));
        assert_eq!(text("N/A"), None);
    }
}
