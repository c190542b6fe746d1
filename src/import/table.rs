//! Reading a CSV dataset: columns found by name (so a reordered file still reads),
//! every row with the line it starts on, and problems — a missing column, a row
//! with too few or too many fields — as `file:line: column: what is wrong`.
//!
//! The `csv` crate does the parsing: the TCPD files quote fields that hold commas
//! (`"Consumer Affairs, Food and Public Distribution"`), which a split on `,` breaks.

use super::clean;
use crate::error::Problem;
use std::collections::HashMap;

/// A parsed CSV file.
pub struct Table {
    columns: HashMap<String, usize>,
    rows: Vec<(usize, csv::StringRecord)>,
}

/// One row of a table, read by column name.
pub struct Row<'a> {
    /// The 1-based line the row starts on (the header is line 1).
    pub line: usize,
    columns: &'a HashMap<String, usize>,
    fields: &'a csv::StringRecord,
}

/// The separator a header line uses: `;` (the ADR and india-votes Lok Sabha files)
/// or `,`, whichever occurs more outside quotes.
pub fn separator(header: &str) -> u8 {
    let (mut semi, mut comma, mut quoted) = (0, 0, false);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semi += 1,
            ',' if !quoted => comma += 1,
            _ => {}
        }
    }
    if semi > comma {
        b';'
    } else {
        b','
    }
}

/// The header line of `text` (after a BOM), for format detection.
pub fn header(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(separator(first))
        .from_reader(first.as_bytes());
    match reader.records().next() {
        Some(Ok(r)) => r.iter().map(|h| h.trim().to_string()).collect(),
        _ => Vec::new(),
    }
}

/// Whether `text`'s header names every one of `columns`.
pub fn has_columns(text: &str, columns: &[&str]) -> bool {
    let found = header(text);
    columns.iter().all(|c| found.iter().any(|h| h == c))
}

impl Table {
    /// Parses `text`; `None` (with the problem recorded) when a required column is
    /// missing. Rows that cannot be read are reported and left out.
    pub fn read(
        file: &str,
        text: &str,
        required: &[&str],
        problems: &mut Vec<Problem>,
    ) -> Option<Table> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .delimiter(separator(text.lines().next().unwrap_or("")))
            .from_reader(text.as_bytes());
        let problem = |line: usize, field: &str, message: String| Problem {
            file: file.to_string(),
            line,
            field: field.to_string(),
            message,
        };
        let headers = match reader.headers() {
            Ok(h) => h.clone(),
            Err(e) => {
                problems.push(problem(1, "", format!("the header cannot be read: {e}")));
                return None;
            }
        };
        let columns: HashMap<String, usize> = headers
            .iter()
            .enumerate()
            .map(|(i, h)| (h.trim().to_string(), i))
            .collect();
        let missing: Vec<&&str> = required
            .iter()
            .filter(|c| !columns.contains_key(**c))
            .collect();
        if !missing.is_empty() {
            for c in missing {
                problems.push(problem(
                    1,
                    c,
                    "missing column: the header must name it".to_string(),
                ));
            }
            return None;
        }
        // csv counts a record's line from where it began reading, blank lines before
        // it included; the line is worked out from the record's first byte instead.
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let line_at = |pos: Option<&csv::Position>| {
            let Some(pos) = pos else { return 0 };
            let mut at = pos.byte() as usize;
            let bytes = text.as_bytes();
            while at < bytes.len() && (bytes[at] == b'\n' || bytes[at] == b'\r') {
                at += 1;
            }
            starts.partition_point(|&s| s <= at)
        };
        let mut rows = Vec::new();
        for result in reader.records() {
            match result {
                Ok(record) => {
                    let line = line_at(record.position());
                    rows.push((line, record));
                }
                Err(e) => {
                    let line = line_at(e.position());
                    let message = match e.kind() {
                        csv::ErrorKind::UnequalLengths {
                            expected_len, len, ..
                        } => format!("has {len} fields; the header has {expected_len}"),
                        _ => format!("cannot be read as CSV: {e}"),
                    };
                    problems.push(problem(line, "", message));
                }
            }
        }
        Some(Table { columns, rows })
    }

    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|(line, fields)| Row {
            line: *line,
            columns: &self.columns,
            fields,
        })
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The header's first column.
    pub fn first_column(&self) -> Option<&str> {
        self.columns
            .iter()
            .find(|(_, &i)| i == 0)
            .map(|(c, _)| c.as_str())
    }

    /// Whether the header names `column`.
    pub fn has_column(&self, column: &str) -> bool {
        self.columns.contains_key(column)
    }
}

impl Row<'_> {
    /// The field as written (trailing spaces and all); empty when the column is absent.
    pub fn raw(&self, column: &str) -> &str {
        self.columns
            .get(column)
            .and_then(|&i| self.fields.get(i))
            .unwrap_or("")
    }

    /// The field with spaces squashed, or `None` when it is a missing-value marker.
    pub fn text(&self, column: &str) -> Option<String> {
        clean::text(self.raw(column))
    }

    /// The field, or `None` and a problem (`missing: ` and `why`) when it is missing.
    pub fn needed(
        &self,
        file: &str,
        column: &str,
        why: &str,
        problems: &mut Vec<Problem>,
    ) -> Option<String> {
        let text = self.text(column);
        if text.is_none() {
            problems.push(self.problem(file, column, format!("missing: {why}")));
        }
        text
    }

    /// The date in `column` (`None` when missing); a bad one is a problem.
    pub fn date(
        &self,
        file: &str,
        column: &str,
        problems: &mut Vec<Problem>,
    ) -> Option<crate::model::PartialDate> {
        clean::date(self.raw(column)).unwrap_or_else(|e| {
            problems.push(self.problem(file, column, e));
            None
        })
    }

    /// An end date in `column`, where `Current` means none yet.
    pub fn end_date(
        &self,
        file: &str,
        column: &str,
        problems: &mut Vec<Problem>,
    ) -> Option<crate::model::PartialDate> {
        if self.raw(column).trim().eq_ignore_ascii_case("current") {
            return None;
        }
        let mut found = Vec::new();
        let date = self.date(file, column, &mut found);
        problems.extend(found.into_iter().map(|mut p| {
            p.message.push_str(", or Current");
            p
        }));
        date
    }

    /// A problem with this row's `column`.
    pub fn problem(&self, file: &str, column: &str, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_string(),
            line: self.line,
            field: column.to_string(),
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_their_line_and_quoted_commas() {
        let text = "\u{feff}a,b\n1,\"x, y\"\n\n2,\"multi\nline\"\n3,z\n";
        let mut problems = Vec::new();
        let t = Table::read("t.csv", text, &["a", "b"], &mut problems).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let rows: Vec<(usize, String, String)> = t
            .rows()
            .map(|r| (r.line, r.raw("a").to_string(), r.raw("b").to_string()))
            .collect();
        assert_eq!(
            rows,
            vec![
                (2, "1".into(), "x, y".into()),
                (4, "2".into(), "multi\nline".into()),
                (6, "3".into(), "z".into()),
            ]
        );
    }

    #[test]
    fn a_short_row_and_a_missing_column_are_problems() {
        let mut problems = Vec::new();
        let t = Table::read("t.csv", "a,b\n1,2\n3\n4,5\n", &["a"], &mut problems).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 3);
        assert!(problems[0]
            .message
            .contains("has 1 fields; the header has 2"));

        let mut problems = Vec::new();
        assert!(Table::read("t.csv", "a,b\n1,2\n", &["a", "Name"], &mut problems).is_none());
        assert_eq!((problems[0].line, problems[0].field.as_str()), (1, "Name"));
    }

    #[test]
    fn semicolon_separated_quoted_files_read_the_same() {
        let text = "\"State\";\"Constituency\";\"Votes\"\n\"Andhra Pradesh\";\"Araku \";\"477005\"\n\"A; B\";\"x\";\"1\"\n";
        let mut problems = Vec::new();
        let t = Table::read("t.csv", text, &["State", "Votes"], &mut problems).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let rows: Vec<(usize, String, String)> = t
            .rows()
            .map(|r| (r.line, r.raw("State").into(), r.raw("Constituency").into()))
            .collect();
        assert_eq!(
            rows,
            vec![
                (2, "Andhra Pradesh".into(), "Araku ".into()),
                (3, "A; B".into(), "x".into())
            ]
        );
        assert!(t.has_column("Votes") && !t.has_column("votes"));
        assert_eq!(header(text), vec!["State", "Constituency", "Votes"]);
        assert_eq!(separator("a,b;c,d"), b',');
    }

    #[test]
    fn text_treats_markers_as_missing() {
        let mut problems = Vec::new();
        let t = Table::read("t.csv", "a,b\nN.A., Araku \n", &["a"], &mut problems).unwrap();
        let row = t.rows().next().unwrap();
        assert_eq!(row.text("a"), None);
        assert_eq!(row.text("b").as_deref(), Some("Araku"));
        assert_eq!(row.raw("b"), " Araku ");
        assert!(has_columns("a,b\n", &["b", "a"]));
        assert!(!has_columns("a,b\n", &["c"]));
    }
}
