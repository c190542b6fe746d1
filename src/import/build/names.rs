//! Names and ids in Indian election results: a constituency's and a candidate's
//! name for display, the slugs of person ids, seats sharing a name, namesakes on
//! one ballot, NOTA, election years.

use crate::domain::key;
use crate::domain::legislatures::House;
use crate::domain::states::Place;
use crate::import::clean;
use std::collections::HashMap;

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

/// Whether a row is the None of the Above line of a result.
pub fn is_nota(candidate: &str, party: &str) -> bool {
    let k = |s: &str| key(s);
    k(candidate) == "nota" || k(party) == "noneoftheabove" || k(party) == "nota"
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
