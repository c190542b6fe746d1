//! Shared clean-up for source datasets: names, ids, numbers, missing values.
//!
//! Sources write `Adhalrao Patil, Shri Shivaji`, `SHRIPAD YESSO NAIK`,
//! `Sri (Dr)Neelam Sanjeeva Reddy`, `Araku ` and `8,43,025`. Importers keep the
//! original string (as an alias) and use the cleaned form for display and ids.

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
];

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
            start = c.is_whitespace() || c == '.' || c == '-' || c == '(' || c == '\'';
        }
    }
    out
}

/// A person's name as a reader expects it: `Surname, Shri First` reordered to
/// `First Surname`, honorifics removed, UPPER CASE title-cased, spaces squashed.
pub fn person_name(raw: &str) -> String {
    let raw = squash(raw);
    // Split `(Dr)Neelam` into `(Dr) Neelam` so the title comes off.
    let raw = raw.replace(")", ") ").replace("  ", " ");
    let ordered = match raw.split_once(',') {
        Some((surname, given)) if !given.trim().is_empty() && !surname.trim().is_empty() => {
            format!("{} {}", given.trim(), surname.trim())
        }
        _ => raw.clone(),
    };
    let words: Vec<&str> = ordered.split_whitespace().collect();
    let kept: Vec<&str> = words.iter().copied().filter(|w| !is_honorific(w)).collect();
    let kept = if kept.is_empty() { words } else { kept };
    title_case(&squash(&kept.join(" ")))
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

/// Missing-value markers used by the datasets.
pub fn is_missing(s: &str) -> bool {
    matches!(
        s.trim().to_lowercase().as_str(),
        "" | "na" | "n/a" | "n.a." | "nil" | "none" | "-" | "--" | "null" | "not given" | "unknown"
    )
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
    fn slugs_are_ascii() {
        assert_eq!(slug("Alok Ranjan"), "alok-ranjan");
        assert_eq!(slug("  Md. Tajuddin (SP) "), "md-tajuddin-sp");
        assert_eq!(slug("आलोक रंजन"), "");
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
