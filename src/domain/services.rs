//! The civil services a person may belong to, by abbreviation, with their names in
//! both languages, so `आईएएस` finds an `IAS` officer.

/// Names and abbreviations of the civil services, so `आईएएस` finds an `IAS` officer.
pub const SERVICES: &[(&str, &[&str])] = &[
    (
        "IAS",
        &[
            "Indian Administrative Service",
            "भारतीय प्रशासनिक सेवा",
            "आईएएस",
        ],
    ),
    (
        "IPS",
        &["Indian Police Service", "भारतीय पुलिस सेवा", "आईपीएस"],
    ),
    (
        "IFS",
        &["Indian Foreign Service", "भारतीय विदेश सेवा", "आईएफएस"],
    ),
    (
        "IRS",
        &["Indian Revenue Service", "भारतीय राजस्व सेवा", "आईआरएस"],
    ),
];

/// The other names of a service written `IAS` (any case, spaces around ignored).
pub fn names(service: &str) -> Option<&'static [&'static str]> {
    SERVICES
        .iter()
        .find(|(abbr, _)| abbr.eq_ignore_ascii_case(service.trim()))
        .map(|(_, names)| *names)
}

#[cfg(test)]
mod tests {
    #[test]
    fn services_are_found_by_abbreviation_in_any_case() {
        assert!(super::names(" ias ").unwrap().contains(&"आईएएस"));
        assert!(super::names("XYZ").is_none());
    }
}
