//! Domain tables: the states, parties, civil services, legislatures, seats and offices of
//! India that every importer, the index and search agree on, with the one way names
//! are compared.
//!
//! A table lives here when more than one part of the program reads it; a dataset's
//! own quirks stay in its importer.

pub mod legislatures;
pub mod offices;
pub mod parties;
pub mod seats;
pub mod services;
pub mod states;

/// How two names of one thing are compared: case, spaces, `_`, dots, brackets and
/// other punctuation do not matter, and `&` is `and` (`JD(U)` = `JDU`,
/// `Jammu & Kashmir` = `jammu_and_kashmir`).
pub fn key(s: &str) -> String {
    s.to_lowercase()
        .replace('&', "and")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn key_ignores_case_punctuation_and_ampersand() {
        assert_eq!(key("JD(U)"), key("jdu"));
        assert_eq!(key("Jammu & Kashmir"), key("Jammu_and_Kashmir"));
        assert_ne!(key("Uttar Pradesh"), key("Madhya Pradesh"));
        assert_eq!(key("उत्तर प्रदेश"), key("उत्तरप्रदेश"));
    }
}
