//! Numbers as Indian readers write and type them: digit grouping in lakhs and crores
//! (6,12,970), and Devanagari digits (२०१४) read as ASCII ones.

/// Indian digit grouping: the last three digits, then groups of two — 612970 →
/// `6,12,970`, 12345678 → `1,23,45,678`.
///
/// ```
/// assert_eq!(netakosh::numerals::indian(647_445), "6,47,445");
/// assert_eq!(netakosh::numerals::indian(999), "999");
/// ```
pub fn indian(n: u64) -> String {
    let digits = n.to_string();
    if digits.len() <= 3 {
        return digits;
    }
    let (head, tail) = digits.split_at(digits.len() - 3);
    let mut out = String::with_capacity(digits.len() + digits.len() / 2);
    let first = head.len() % 2;
    if first == 1 {
        out.push_str(&head[..1]);
    }
    for (i, pair) in head.as_bytes()[first..].chunks(2).enumerate() {
        if i > 0 || first == 1 {
            out.push(',');
        }
        out.push_str(std::str::from_utf8(pair).expect("ASCII digits are UTF-8"));
    }
    out.push(',');
    out.push_str(tail);
    out
}

/// Devanagari digits (०–९) replaced by ASCII ones; everything else kept, so
/// `--year २०१४` and `--at २०२०-०१-०१` parse as their ASCII forms do.
///
/// ```
/// assert_eq!(netakosh::numerals::ascii_digits("२०२०-०१-०१"), "2020-01-01");
/// ```
pub fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0966}'..='\u{096F}' => char::from(b'0' + (u32::from(c) - 0x0966) as u8),
            _ => c,
        })
        .collect()
}

/// A number typed in either script's digits (`२०१४`, `2014`, `१०`), spaces around
/// ignored; a bad one is a user error saying what was typed and what `what` is.
///
/// ```
/// assert_eq!(netakosh::numerals::parse::<u16>("२०१४", "a year").ok(), Some(2014));
/// assert!(netakosh::numerals::parse::<u16>("२०x४", "a year").is_err());
/// ```
pub fn parse<T: std::str::FromStr>(text: &str, what: &str) -> crate::Result<T> {
    ascii_digits(text.trim())
        .parse::<T>()
        .map_err(|_| crate::Error::Usage(format!("`{text}` is not {what}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_in_lakhs_and_crores() {
        assert_eq!(indian(0), "0");
        assert_eq!(indian(1000), "1,000");
        assert_eq!(indian(55_120), "55,120");
        assert_eq!(indian(468_514), "4,68,514");
        assert_eq!(indian(12_345_678), "1,23,45,678");
        assert_eq!(indian(11_070_000_000), "11,07,00,00,000");
    }

    #[test]
    fn devanagari_digits_read_as_ascii() {
        assert_eq!(ascii_digits("२०१४"), "2014");
        assert_eq!(ascii_digits("year ०९"), "year 09");
        assert_eq!(ascii_digits("२०१४a"), "2014a");
    }

    #[test]
    fn numbers_parse_in_either_script_and_refuse_the_rest() {
        assert_eq!(parse::<u16>("२०१४", "a year").ok(), Some(2014));
        assert_eq!(parse::<usize>(" 10 ", "a count").ok(), Some(10));
        assert_eq!(parse::<f64>("०.५", "a score").ok(), Some(0.5));
        let e = parse::<u16>("२०x४", "a year").unwrap_err().to_string();
        assert!(e.contains("`२०x४` is not a year"), "{e}");
        assert!(parse::<u32>("-1", "a count").is_err());
        assert!(parse::<u16>("99999", "a year").is_err());
    }
}
