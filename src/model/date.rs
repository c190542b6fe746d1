//! Partial calendar dates (`2014`, `2014-07`, `2014-07-01`) as written in records.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A date known to the year, the month or the day. Ordering puts `2014` before
/// `2014-01`, which is what a timeline wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn year(year: u16) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// Today's date: the clock's (UTC), or `NETAKOSH_TODAY` (see [`crate::time::today`]).
    pub fn today() -> Self {
        crate::time::today()
    }

    /// The first day the date can mean: `2014` → 2014-01-01.
    pub fn first_day(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date can mean: `2014-02` → 2014-02-28.
    pub fn last_day(&self) -> (u16, u8, u8) {
        let month = self.month.unwrap_or(12);
        (
            self.year,
            month,
            self.day.unwrap_or_else(|| days_in_month(self.year, month)),
        )
    }

    /// Whether a period from `start` to `end` (absent: open) may include `self`:
    /// partial dates count for their whole year or month.
    pub fn within(&self, start: Option<&PartialDate>, end: Option<&PartialDate>) -> bool {
        start.is_none_or(|s| s.first_day() <= self.last_day())
            && end.is_none_or(|e| self.first_day() <= e.last_day())
    }

    /// Whether a period that ended on `self` has ended by `on`: a partial end date
    /// counts as ended only once the whole year or month it names is over.
    pub fn is_over_by(&self, on: &PartialDate) -> bool {
        match (self.month, self.day) {
            (None, _) => self.year < on.year,
            (Some(m), None) => (self.year, m) < (on.year, on.month.unwrap_or(12)),
            (Some(m), Some(d)) => {
                (self.year, m, d) < (on.year, on.month.unwrap_or(12), on.day.unwrap_or(31))
            }
        }
    }
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (Hinnant's algorithm).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

impl FromStr for PartialDate {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
        let mut parts = s.trim().split('-');
        let number = |p: Option<&str>, len: usize| -> Result<Option<u32>, String> {
            match p {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| bad())
                }
                Some(_) => Err(bad()),
            }
        };
        let year = number(parts.next(), 4)?.ok_or_else(bad)?;
        let month = number(parts.next(), 2)?;
        let day = number(parts.next(), 2)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        if !(1000..=2999).contains(&year) {
            return Err(format!("`{s}`: the year must be between 1000 and 2999"));
        }
        let year = year as u16;
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(format!("`{s}`: the month must be 01 to 12"));
            }
        }
        if let (Some(m), Some(d)) = (month, day) {
            let max = days_in_month(year, m as u8);
            if d == 0 || d > u32::from(max) {
                return Err(format!("`{s}`: day {d} does not exist in that month"));
            }
        }
        Ok(PartialDate {
            year,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date written YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PartialDate, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<PartialDate, E> {
                v.to_string().parse().map_err(E::custom)
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_partial_dates() {
        let d: PartialDate = "2014".parse().unwrap();
        assert_eq!((d.year, d.month, d.day), (2014, None, None));
        let d: PartialDate = "2014-07".parse().unwrap();
        assert_eq!((d.year, d.month, d.day), (2014, Some(7), None));
        let d: PartialDate = "2024-02-29".parse().unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2014-13-45",
            "2014-13",
            "2023-02-29",
            "14-07-2014",
            "2014/07",
            "",
            "२०१४",
            "2014-7",
        ] {
            assert!(
                bad.parse::<PartialDate>().is_err(),
                "{bad} should be refused"
            );
        }
    }

    #[test]
    fn year_sorts_before_its_months() {
        let y: PartialDate = "2014".parse().unwrap();
        let m: PartialDate = "2014-01".parse().unwrap();
        assert!(y < m);
    }

    #[test]
    fn partial_end_is_over_only_after_the_period() {
        let end: PartialDate = "2016-06".parse().unwrap();
        assert!(!end.is_over_by(&"2016-06-15".parse().unwrap()));
        assert!(end.is_over_by(&"2016-07-01".parse().unwrap()));
        let end = PartialDate::year(2017);
        assert!(!end.is_over_by(&"2017-12-31".parse().unwrap()));
        assert!(end.is_over_by(&"2018-01-01".parse().unwrap()));
    }

    #[test]
    fn periods_include_dates_at_their_precision() {
        let d = |s: &str| s.parse::<PartialDate>().unwrap();
        let (start, end) = (d("2014-06"), d("2016-06"));
        assert!(d("2015-01-01").within(Some(&start), Some(&end)));
        assert!(d("2014-06-01").within(Some(&start), Some(&end)));
        assert!(d("2016-06-30").within(Some(&start), Some(&end)));
        assert!(!d("2016-07-01").within(Some(&start), Some(&end)));
        assert!(!d("2014-05-31").within(Some(&start), Some(&end)));
        assert!(
            d("2030").within(Some(&start), None),
            "no end: still holds it"
        );
        assert_eq!(d("2024-02").last_day(), (2024, 2, 29));
    }

    #[test]
    fn civil_from_days_matches_known_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_780), (2024, 2, 27));
        assert_eq!(civil_from_days(20_415), (2025, 11, 23));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn serde_round_trip_and_year_number() {
        let d: PartialDate = serde_json::from_str("\"2014-06\"").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2014-06\"");
        let y: PartialDate = serde_json::from_str("1978").unwrap();
        assert_eq!(y, PartialDate::year(1978));
    }
}
