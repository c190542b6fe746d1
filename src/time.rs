//! Wall-clock times as the store keeps them (Unix seconds) and as people read them.

use crate::model::civil_from_days;

/// Seconds since the Unix epoch; 0 if the clock is before it.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// `2024-02-27 14:05:09 UTC`.
pub fn format_utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} UTC",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_utc(0), "1970-01-01 00:00:00 UTC");
        // 2024-02-27 (the Rajya Sabha poll) 09:30:05 UTC, worked out by hand:
        // 19780 days from the epoch to 2024-02-27.
        assert_eq!(
            format_utc(19_780 * 86_400 + 9 * 3600 + 30 * 60 + 5),
            "2024-02-27 09:30:05 UTC"
        );
    }
}
