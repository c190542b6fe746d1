//! Wall-clock times as the store keeps them (Unix seconds) and as people read them.

use crate::model::{civil_from_days, PartialDate};
use std::sync::OnceLock;

/// The environment variable that sets today's date (`YYYY-MM-DD`, `YYYY-MM` or
/// `YYYY`) instead of the clock: what "current" means is decided against today
/// (see [`crate::profile::currency`]), and tests need a today that does not move.
pub const TODAY_VAR: &str = "NETAKOSH_TODAY";

/// Today's date: [`TODAY_VAR`] when it is set and reads as a date, otherwise the
/// system clock (UTC). Read once per process. The binary refuses a
/// `NETAKOSH_TODAY` that does not read (see [`today_override`]) before any command runs.
pub fn today() -> PartialDate {
    static TODAY: OnceLock<PartialDate> = OnceLock::new();
    *TODAY.get_or_init(|| {
        today_override()
            .ok()
            .flatten()
            .unwrap_or_else(|| clock_date(now()))
    })
}

/// The date [`TODAY_VAR`] sets: `None` when unset or empty, an error naming the
/// variable when it is not a date.
pub fn today_override() -> Result<Option<PartialDate>, String> {
    match std::env::var(TODAY_VAR) {
        Ok(v) if !v.trim().is_empty() => v
            .parse::<PartialDate>()
            .map(Some)
            .map_err(|e| format!("{TODAY_VAR}: {e}")),
        _ => Ok(None),
    }
}

/// The UTC calendar day of an instant.
pub fn clock_date(secs: u64) -> PartialDate {
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    PartialDate {
        year: y as u16,
        month: Some(m as u8),
        day: Some(d as u8),
    }
}

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
    fn the_clock_date_of_an_instant() {
        assert_eq!(clock_date(0).to_string(), "1970-01-01");
        assert_eq!(clock_date(19_780 * 86_400 + 5).to_string(), "2024-02-27");
    }

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
