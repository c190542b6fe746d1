//! Comparing two person records, Fellegi–Sunter style: each comparison puts the pair
//! at one of a few levels (the name exact, reordered, the same key, clipped,
//! initials-compatible, different; birth years equal, ±1, …), whose weights come from
//! data ([`super::weights`]). Name agreement is weighted by how many records write
//! the name (Splink's term-frequency adjustment, here a comparison of its own: a
//! name 500 records share is weak evidence, one only two share is strong). The time
//! rules are hard cannot-links ([`cannot_link`]): two candidacies in one election
//! and one seat are two people.
//!
//! The state is not a comparison: TCPD numbers assembly pids per state (`AEUP…`), so
//! trained on them it would learn that nobody ever stands in two states, which
//! Rahul Gandhi (Amethi, Wayanad) and Narendra Modi (Vadodara, Varanasi) did. The
//! constituency says where; the state only splits big blocks.

use super::facts::{Facts, NameForm, PersonFacts};

/// The comparisons, in the order of a pair's level vector.
pub const COMPARISONS: [(&str, &[&str]); 9] = [
    (
        "name",
        &[
            "exact",
            "reordered",
            "same key",
            "clipped",
            "initials",
            "subset",
            "different",
        ],
    ),
    (
        "name frequency",
        &[
            "2 records",
            "3-4 records",
            "5-9 records",
            "10-29 records",
            "30-99 records",
            "100+ records",
            "names differ",
        ],
    ),
    (
        "birth year",
        &["same", "±1", "±2-3", "±4-6", "±7-12", "far", "unknown"],
    ),
    ("sex", &["same", "different", "unknown"]),
    ("constituency", &["same", "different", "unknown"]),
    ("party", &["same", "different", "unknown"]),
    (
        "election",
        &[
            "same election",
            "different elections",
            "unknown",
            "same candidacy in two datasets",
        ],
    ),
    (
        "years apart",
        &["0-5", "6-10", "11-20", "21-30", "31+", "unknown"],
    ),
    ("father", &["same", "different", "unknown"]),
];

pub const N: usize = COMPARISONS.len();
/// A pair's level in each comparison.
pub type Levels = [u8; N];

const NAME: usize = 0;
const FREQ: usize = 1;
const NAME_DIFFERENT: u8 = 6;

/// Why two records can never be one person, whatever their names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CannotLink {
    /// Different values of one identifier scheme.
    Identifier,
    /// Two candidacies in one election for one seat.
    SameSeatSameElection,
}

impl CannotLink {
    pub fn describe(self) -> &'static str {
        match self {
            CannotLink::Identifier => "different identifiers of one scheme",
            CannotLink::SameSeatSameElection => "two candidates in one election for one seat",
        }
    }
}

/// The hard rules between two records (between two groups, see [`super::cluster`]).
pub fn cannot_link(a: &PersonFacts, b: &PersonFacts) -> Option<CannotLink> {
    if a.ids
        .iter()
        .any(|&(s, v)| b.ids.iter().any(|&(t, w)| s == t && v != w))
    {
        return Some(CannotLink::Identifier);
    }
    if a.contests.iter().any(|x| {
        x.seat != u32::MAX
            && b.contests
                .iter()
                .any(|y| x.election == y.election && x.seat == y.seat && x.source == y.source)
    }) {
        return Some(CannotLink::SameSeatSameElection);
    }
    None
}

/// Whether two records stood in one race (election and seat) as reported by two
/// datasets: then, with compatible names, they are one candidacy reported twice
/// (ADR's affidavit row and TCPD's or india-votes' counted row).
pub fn same_candidacy(a: &PersonFacts, b: &PersonFacts) -> bool {
    a.contests.iter().any(|x| {
        x.seat != u32::MAX
            && b.contests
                .iter()
                .any(|y| x.election == y.election && x.seat == y.seat && x.source != y.source)
    })
}

/// Whether records `x` and `y` have names compatible enough to be one candidacy
/// reported twice ([`same_candidacy`]'s name rule: exact, reordered, the same key,
/// clipped). Result tables use it to pair an affidavit row with its counted row
/// where the resolver left the two records apart.
pub fn candidacy_names_fit(facts: &Facts, x: u32, y: u32) -> bool {
    let (a, b) = (&facts.people[x as usize], &facts.people[y as usize]);
    a.names.iter().any(|fa| {
        b.names
            .iter()
            .any(|fb| name_level(fa, fb, facts) <= CANDIDACY_NAMES)
    })
}

/// The `election` level of [`same_candidacy`]: it is not estimated from TCPD's
/// pids (one dataset never reports a race twice) but stands as a rule, like a
/// shared identifier (see [`super::weights::SAME_CANDIDACY_BITS`]).
pub const SAME_CANDIDACY: u8 = 3;
/// Name levels that may join a candidacy reported twice: exact, reordered, the
/// same key, clipped (ADR's `Rahul Gandh`).
const CANDIDACY_NAMES: u8 = 3;

fn intersects(a: &[u32], b: &[u32]) -> bool {
    a.iter().any(|x| b.contains(x))
}

/// Same, different or unknown (0, 1, 2) for two sets of facts.
fn sets(a: &[u32], b: &[u32]) -> u8 {
    if a.is_empty() || b.is_empty() {
        2
    } else if intersects(a, b) {
        0
    } else {
        1
    }
}

/// Whether every word of `short` is in `long` and its initials stand for words of
/// `long` it did not use (`T. Ramachandra Reddy` / `Tummala Ramachandra Reddy`).
fn initials_fit(short: &NameForm, long: &NameForm) -> bool {
    // The first letters of `long`'s words not matched by `short`'s whole words must
    // cover `short`'s initials.
    let mut spare: [char; 8] = [' '; 8];
    let mut n = 0;
    for (&w, &first) in long.words.iter().zip(&long.firsts) {
        let used = w != u32::MAX && short.tokens.contains(&w);
        if !used && n < spare.len() {
            spare[n] = first;
            n += 1;
        }
    }
    short.initials.iter().all(|c| spare[..n].contains(c))
}

/// The name level of two forms (0 = exact … 6 = different).
fn name_level(a: &NameForm, b: &NameForm, facts: &Facts) -> u8 {
    if a.text == b.text {
        return 0;
    }
    if a.sorted == b.sorted {
        return 1;
    }
    if a.joined == b.joined
        || (!a.tokens.is_empty() && a.tokens == b.tokens && a.initials == b.initials)
    {
        return 2;
    }
    // Clipped: one is the other cut short inside a word (ADR's `Rahul Gandh`).
    let s = &facts.strings;
    let (ta, tb) = (s.text(a.text), s.text(b.text));
    let (tshort, tlong) = if ta.len() <= tb.len() {
        (ta, tb)
    } else {
        (tb, ta)
    };
    if tshort.len() >= 8
        && tlong.starts_with(tshort)
        && tlong[tshort.len()..]
            .chars()
            .next()
            .is_some_and(|c| c != ' ')
    {
        return 3;
    }
    // The one with fewer whole words (or more initials) is the short form.
    let (sf, lf) = if (a.tokens.len(), b.initials.len()) <= (b.tokens.len(), a.initials.len()) {
        (a, b)
    } else {
        (b, a)
    };
    let within = |x: &NameForm, y: &NameForm| {
        !x.tokens.is_empty() && x.tokens.iter().all(|t| y.tokens.contains(t))
    };
    if within(sf, lf) {
        if !sf.initials.is_empty() && initials_fit(sf, lf) {
            return 4;
        }
        return 5;
    }
    if within(lf, sf) {
        return 5;
    }
    NAME_DIFFERENT
}

fn frequency_level(count: u32) -> u8 {
    match count {
        0..=2 => 0,
        3..=4 => 1,
        5..=9 => 2,
        10..=29 => 3,
        30..=99 => 4,
        _ => 5,
    }
}

/// The levels of records `x` and `y`, and the name forms that gave the name level.
pub fn levels(facts: &Facts, x: u32, y: u32) -> Levels {
    let (a, b) = (&facts.people[x as usize], &facts.people[y as usize]);
    let mut l = [0u8; N];
    let mut best = (NAME_DIFFERENT, u32::MAX);
    for fa in &a.names {
        for fb in &b.names {
            let level = name_level(fa, fb, facts);
            // The rarer of the two names says how common the agreement is.
            let count = facts.name_count(fa.joined).max(facts.name_count(fb.joined));
            let count = if level <= 2 && fa.joined == fb.joined {
                facts.name_count(fa.joined)
            } else {
                count
            };
            if (level, count) < best {
                best = (level, count);
            }
        }
    }
    l[NAME] = best.0;
    l[FREQ] = if best.0 == NAME_DIFFERENT {
        6
    } else {
        frequency_level(best.1)
    };
    l[2] = match (a.birth, b.birth) {
        (Some((alo, ahi)), Some((blo, bhi))) => {
            let d = blo.saturating_sub(ahi).max(alo.saturating_sub(bhi));
            match d {
                0 => 0,
                1 => 1,
                2..=3 => 2,
                4..=6 => 3,
                7..=12 => 4,
                _ => 5,
            }
        }
        _ => 6,
    };
    l[3] = match (a.sex, b.sex) {
        (Some(p), Some(q)) if p == q => 0,
        (Some(_), Some(_)) => 1,
        _ => 2,
    };
    l[4] = sets(&a.seats, &b.seats);
    l[5] = sets(&a.parties, &b.parties);
    l[6] = if a.contests.is_empty() || b.contests.is_empty() {
        2
    } else if l[NAME] <= CANDIDACY_NAMES && same_candidacy(a, b) {
        SAME_CANDIDACY
    } else if a
        .contests
        .iter()
        .any(|p| b.contests.iter().any(|q| p.election == q.election))
    {
        0
    } else {
        1
    };
    l[7] = match (a.years, b.years) {
        (Some((alo, ahi)), Some((blo, bhi))) => {
            let d = blo.saturating_sub(ahi).max(alo.saturating_sub(bhi));
            match d {
                0..=5 => 0,
                6..=10 => 1,
                11..=20 => 2,
                21..=30 => 3,
                _ => 4,
            }
        }
        _ => 5,
    };
    l[8] = match (a.father, b.father) {
        (Some(p), Some(q)) if p == q => 0,
        (Some(_), Some(_)) => 1,
        _ => 2,
    };
    l
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, Record};

    fn name_levels(pairs: &[(&str, &str)]) -> Vec<&'static str> {
        let records: Vec<Record> = pairs
            .iter()
            .flat_map(|(a, b)| [a, b])
            .enumerate()
            .map(|(i, n)| Record::Person(Person::named(format!("p{i}"), "en", n, "s")))
            .collect();
        let f = Facts::from_records(&records, &[]);
        (0..pairs.len() as u32)
            .map(|i| COMPARISONS[0].1[levels(&f, 2 * i, 2 * i + 1)[0] as usize])
            .collect()
    }

    #[test]
    fn name_levels_tell_variants_apart() {
        assert_eq!(
            name_levels(&[
                ("MULAYAM SINGH YADAV", "Sri Mulayam Singh Yadav"),
                ("Reddy T. Ramachandra", "T. Ramachandra Reddy"),
                ("Ramjilal Suman", "Ramji Lal Suman"),
                ("मुलायम सिंह यादव", "Mulayam Singh Yadav"),
                ("Ramji Lal Suma", "Ramji Lal Suman"),
                ("T. Ramachandra Reddy", "Tummala Ramachandra Reddy"),
                ("Mulayam Singh", "Mulayam Singh Yadav"),
                ("Rahul Gandhi", "Rahul Gandhi K E"),
                ("B.LAL", "BANSI LAL"),
                ("Ram Singh", "Shyam Lal"),
            ]),
            [
                "exact",
                "reordered",
                "same key",
                "same key",
                "clipped",
                "initials",
                "subset",
                "subset",
                "initials",
                "different"
            ]
        );
    }
}
