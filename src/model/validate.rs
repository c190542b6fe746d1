//! Where a record is validated: ids, names, dates, numbers and references.
//!
//! Serde has already checked types and required fields; this checks what types
//! cannot say. Each problem names its field so the importer can report
//! `file:line: field: what is wrong`.

use super::{Kind, Names, PartialDate, Record};

/// A problem with one field of one record.
pub type FieldProblem = (String, String);

/// The most votes any one candidate can have polled (India's electorate is under 1.1 billion).
pub const MAX_VOTES: u64 = 1_500_000_000;

/// Checks an id: lowercase ASCII letters, digits, `-`, `_` and `.`, starting with a
/// letter or digit, at most 200 characters — safe in a shell and in a URL.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("must not be empty".into());
    }
    if id.len() > 200 {
        return Err(format!("is {} characters long; at most 200", id.len()));
    }
    let first_ok = id
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    let all_ok = id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'));
    if !first_ok || !all_ok {
        return Err(format!(
            "`{id}` is not a valid id: use lowercase a-z, 0-9, `-`, `_`, `.`, starting with a letter or digit"
        ));
    }
    Ok(())
}

fn check_lang(lang: &str) -> bool {
    let mut parts = lang.split('-');
    let base_ok = parts
        .next()
        .is_some_and(|b| (2..=3).contains(&b.len()) && b.bytes().all(|c| c.is_ascii_lowercase()));
    base_ok
        && parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|c| c.is_ascii_alphanumeric()))
}

fn check_text(field: &str, text: &str, out: &mut Vec<FieldProblem>) {
    if text.trim().is_empty() {
        out.push((field.into(), "must not be empty".into()));
    } else if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        out.push((field.into(), "contains a control character".into()));
    }
}

fn check_names(field: &str, names: &Names, required: bool, out: &mut Vec<FieldProblem>) {
    if required && names.is_empty() {
        out.push((
            field.into(),
            "needs at least one language, e.g. {\"hi\": \"…\"} or {\"en\": \"…\"}".into(),
        ));
    }
    for (lang, text) in &names.0 {
        if !check_lang(lang) {
            out.push((
                format!("{field}.{lang}"),
                format!("`{lang}` is not a language code (use ISO 639 codes such as `hi`, `en`)"),
            ));
        }
        check_text(&format!("{field}.{lang}"), text, out);
    }
}

fn check_period(
    start: Option<&PartialDate>,
    end: Option<&PartialDate>,
    out: &mut Vec<FieldProblem>,
) {
    if let (Some(s), Some(e)) = (start, end) {
        // Compare at the coarser precision: `2014` to `2014-06` is a valid period.
        let coarse = |d: &PartialDate, p: u8| match p {
            0 => (d.year, 0, 0),
            1 => (d.year, d.month.unwrap_or(0), 0),
            _ => (d.year, d.month.unwrap_or(0), d.day.unwrap_or(0)),
        };
        let precision =
            |d: &PartialDate| d.month.map_or(0, |_| if d.day.is_some() { 2 } else { 1 });
        let p = precision(s).min(precision(e));
        if coarse(e, p) < coarse(s, p) {
            out.push(("end".into(), format!("{e} is before the start {s}")));
        }
    }
}

fn check_aliases(aliases: &[String], out: &mut Vec<FieldProblem>) {
    for (i, a) in aliases.iter().enumerate() {
        check_text(&format!("aliases[{i}]"), a, out);
    }
}

/// Validates one record on its own (no references): returns every problem found.
pub fn check_record(record: &Record) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    if let Err(e) = check_id(record.id()) {
        out.push(("id".into(), e));
    }
    match record {
        Record::Person(p) => {
            check_names("name", &p.name, true, &mut out);
            check_aliases(&p.aliases, &mut out);
            check_names("summary", &p.summary, false, &mut out);
            for (field, place) in [
                ("birth_place", &p.birth_place),
                ("home_district", &p.home_district),
                ("home_state", &p.home_state),
            ] {
                if let Some(n) = place {
                    check_names(field, n, true, &mut out);
                }
            }
            for (i, s) in p.services.iter().enumerate() {
                check_text(&format!("services[{i}].service"), &s.service, &mut out);
                if let Some(b) = s.batch {
                    if !(1850..=2100).contains(&b) {
                        out.push((
                            format!("services[{i}].batch"),
                            format!("{b} is not a plausible batch year"),
                        ));
                    }
                }
                if let Some(c) = &s.cadre {
                    check_names(&format!("services[{i}].cadre"), c, true, &mut out);
                }
            }
            for (k, v) in &p.identifiers {
                check_text(&format!("identifiers.{k}"), v, &mut out);
            }
        }
        Record::Organization(o) => {
            check_names("name", &o.name, true, &mut out);
            check_aliases(&o.aliases, &mut out);
            check_names("summary", &o.summary, false, &mut out);
            if let Some(s) = &o.state {
                check_names("state", s, true, &mut out);
            }
            check_period(o.founded.as_ref(), o.dissolved.as_ref(), &mut out);
            if o.parent.as_deref() == Some(o.id.as_str()) {
                out.push((
                    "parent".into(),
                    "an organization cannot be its own parent".into(),
                ));
            }
        }
        Record::Office(o) => {
            check_names("name", &o.name, true, &mut out);
            check_aliases(&o.aliases, &mut out);
            check_names("summary", &o.summary, false, &mut out);
        }
        Record::Election(e) => {
            check_names("name", &e.name, true, &mut out);
            check_aliases(&e.aliases, &mut out);
            check_names("summary", &e.summary, false, &mut out);
            if let Some(a) = &e.area {
                check_names("area", a, true, &mut out);
            }
            if e.seats == Some(0) {
                out.push(("seats".into(), "an election fills at least one seat".into()));
            }
        }
        Record::Seat(s) => {
            check_names("name", &s.name, true, &mut out);
            check_aliases(&s.aliases, &mut out);
            if let Some(st) = &s.state {
                check_names("state", st, true, &mut out);
            }
            if s.number == Some(0) {
                out.push(("number".into(), "constituencies are numbered from 1".into()));
            }
            if let Some(d) = &s.district {
                check_text("district", d, &mut out);
            }
        }
        Record::Tenure(t) => {
            check_period(t.start.as_ref(), t.end.as_ref(), &mut out);
            check_names("note", &t.note, false, &mut out);
        }
        Record::Membership(m) => {
            check_period(m.start.as_ref(), m.end.as_ref(), &mut out);
            check_names("role", &m.role, false, &mut out);
        }
        Record::Candidacy(c) => {
            if let Some(v) = c.votes {
                if v > MAX_VOTES {
                    out.push((
                        "votes".into(),
                        format!("{v} is more votes than there are voters in India"),
                    ));
                }
            }
            for (mode, v) in &c.vote_breakdown {
                if *v > MAX_VOTES {
                    out.push((
                        format!("vote_breakdown.{mode}"),
                        format!("{v} is more votes than there are voters in India"),
                    ));
                }
            }
            if let Some(a) = &c.affidavit {
                if a.age.is_some_and(|age| !(18..=120).contains(&age)) {
                    out.push((
                        "affidavit.age".into(),
                        "a candidate's age is between 18 and 120".into(),
                    ));
                }
            }
            if c.rank == Some(0) {
                out.push(("rank".into(), "ranks start at 1".into()));
            }
            if let Some(n) = &c.constituency {
                check_names("constituency", n, true, &mut out);
            }
            check_names("note", &c.note, false, &mut out);
            for (key, value) in &c.original {
                check_text("original", key, &mut out);
                check_text(&format!("original.{key}"), value, &mut out);
            }
        }
        Record::Source(s) => {
            check_text("title", &s.title, &mut out);
            if let Some(l) = &s.language {
                if !check_lang(l) {
                    out.push(("language".into(), format!("`{l}` is not a language code")));
                }
            }
            if let Some(u) = &s.url {
                if !(u.starts_with("http://") || u.starts_with("https://")) {
                    out.push(("url".into(), format!("`{u}` is not an http(s) URL")));
                }
            }
        }
    }
    out
}

/// Checks that every reference points at a record of the right kind, asking
/// `kind_of` where an id lives (in the store or in the same import).
pub fn check_references(
    record: &Record,
    kind_of: impl Fn(&str) -> Option<Kind>,
) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    for r in record.references() {
        match kind_of(r.id) {
            None => out.push((
                r.field,
                format!(
                    "refers to `{}`, which is neither in the store nor in this import",
                    r.id
                ),
            )),
            Some(k) if k != r.kind => out.push((
                r.field,
                format!(
                    "refers to `{}`, which is {}, not {}",
                    r.id,
                    k.with_article(),
                    r.kind.with_article()
                ),
            )),
            Some(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Record {
        Record::from_value(serde_json::from_str(json).unwrap()).unwrap()
    }

    #[test]
    fn minimal_person_is_valid() {
        let r = parse(r#"{"type":"person","id":"x","name":{"hi":"आलोक रंजन"}}"#);
        assert!(check_record(&r).is_empty());
    }

    #[test]
    fn empty_name_map_is_refused() {
        let r = parse(r#"{"type":"person","id":"x","name":{}}"#);
        let problems = check_record(&r);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].0, "name");
    }

    #[test]
    fn bad_ids_are_refused() {
        for id in ["", "Alok", "alok ranjan", "-x", "आलोक", "a/b"] {
            assert!(check_id(id).is_err(), "{id:?} should be refused");
        }
        for id in ["alok-ranjan", "up042600", "rs-2024.up", "1978_batch"] {
            assert!(check_id(id).is_ok(), "{id:?} should be accepted");
        }
    }

    #[test]
    fn end_before_start_is_refused_at_common_precision() {
        let bad = parse(
            r#"{"type":"tenure","id":"t","person":"p","office":"o","start":"2016","end":"2014-06"}"#,
        );
        assert_eq!(check_record(&bad)[0].0, "end");
        let ok = parse(
            r#"{"type":"tenure","id":"t","person":"p","office":"o","start":"2014","end":"2014-06"}"#,
        );
        assert!(check_record(&ok).is_empty());
    }

    #[test]
    fn absurd_votes_and_bad_language_codes_are_refused() {
        let r = parse(
            r#"{"type":"candidacy","id":"c","person":"p","election":"e","votes":99999999999}"#,
        );
        assert_eq!(check_record(&r)[0].0, "votes");
        let r = parse(r#"{"type":"person","id":"x","name":{"Hindi":"आलोक"}}"#);
        assert_eq!(check_record(&r)[0].0, "name.Hindi");
    }

    #[test]
    fn references_must_exist_and_have_the_right_kind() {
        let r = parse(r#"{"type":"tenure","id":"t","person":"alok-ranjan","office":"sp"}"#);
        let problems = check_references(&r, |id| match id {
            "alok-ranjan" => Some(Kind::Person),
            "sp" => Some(Kind::Organization),
            _ => None,
        });
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].0, "office");
        assert!(
            problems[0].1.contains("is an organization, not an office"),
            "{}",
            problems[0].1
        );
    }

    #[test]
    fn serde_errors_name_the_field() {
        let v = serde_json::json!({"type":"person","id":"x","name":{"hi":"क"},"services":[{"service":"IAS","batch":"nineteen"}]});
        let (field, _) = Record::from_value(v).unwrap_err();
        assert_eq!(field, "services[0].batch");
        let v = serde_json::json!({"type":"person","id":"x","name":{"hi":"क"},"birthdate":"1950"});
        let (_, msg) = Record::from_value(v).unwrap_err();
        assert!(msg.contains("unknown field `birthdate`"), "{msg}");
        let v = serde_json::json!({"type":"politician","id":"x"});
        let (field, _) = Record::from_value(v).unwrap_err();
        assert_eq!(field, "type");
    }

    #[test]
    fn originals_must_be_text() {
        let ok = parse(
            r#"{"type":"candidacy","id":"c","person":"p","election":"e","original":{"constituency":"Araku "}}"#,
        );
        assert!(check_record(&ok).is_empty());
        let bad = parse(
            r#"{"type":"candidacy","id":"c","person":"p","election":"e","original":{"party":" "}}"#,
        );
        assert_eq!(check_record(&bad)[0].0, "original.party");
    }

    #[test]
    fn seats_are_validated_and_candidacies_must_name_a_seat() {
        let ok = parse(
            r#"{"type":"seat","id":"lok-sabha-seat-kerala-alathur","name":{"en":"Alathur"},"aliases":["ALATHUR (SC)"],"body":"lok-sabha","state":{"en":"Kerala"},"number":9,"seat_type":"SC"}"#,
        );
        assert!(check_record(&ok).is_empty());
        let bad = parse(
            r#"{"type":"seat","id":"s","name":{"en":"Alathur"},"body":"lok-sabha","number":0,"district":" "}"#,
        );
        let fields: Vec<String> = check_record(&bad).into_iter().map(|p| p.0).collect();
        assert_eq!(fields, ["number", "district"]);
        let c = parse(
            r#"{"type":"candidacy","id":"c","person":"p","election":"e","seat":"lok-sabha"}"#,
        );
        let problems = check_references(&c, |id| match id {
            "lok-sabha" => Some(Kind::Organization),
            _ => Some(Kind::Person),
        });
        let seat: Vec<_> = problems.iter().filter(|p| p.0 == "seat").collect();
        assert_eq!(seat.len(), 1, "{problems:?}");
        assert!(seat[0].1.contains("not a seat"), "{}", seat[0].1);
    }

    #[test]
    fn facts_get_deterministic_ids() {
        let mut r =
            parse(r#"{"type":"tenure","person":"alok-ranjan","office":"cs-up","start":"2014-06"}"#);
        r.fill_derived_id();
        assert_eq!(r.id(), "alok-ranjan--cs-up--2014-06");
    }
}
