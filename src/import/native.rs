//! The native format: JSON Lines (one record per line) or a JSON array of records.
//!
//! A field given twice in one object (`{"id":"a","id":"b"}`) is refused rather than
//! letting the last one win silently, as unknown fields are refused.

use super::{Batch, Parsed};
use crate::error::Problem;
use crate::model::{Kind, Record};

/// The dataset: `--format jsonl`.
pub struct Native;

impl super::dataset::Dataset for Native {
    fn name(&self) -> &'static str {
        "jsonl"
    }

    fn about(&self) -> &'static str {
        "netakosh's own records: JSON Lines or a JSON array"
    }

    /// Any JSON object or array that is not a Popolo document.
    fn recognise(&self, _file: &str, text: &str) -> Option<super::dataset::Role> {
        let head = text.trim_start_matches('\u{feff}').trim_start();
        let json = head.starts_with('[') || (head.starts_with('{') && !super::popolo::detect(text));
        json.then_some(super::dataset::Role::Records)
    }

    fn parse(&self, file: &str, text: &str) -> Batch {
        parse(file, text)
    }
}

/// Parses native records from `text`, which came from the file called `file`.
/// Every problem is collected; parsing goes on past a bad line.
pub fn parse(file: &str, text: &str) -> Batch {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.trim_start().chars().next();
    if first == Some('[') {
        parse_array(file, text)
    } else {
        parse_lines(file, text)
    }
}

fn problem(
    file: &str,
    line: usize,
    field: impl Into<String>,
    message: impl Into<String>,
) -> Problem {
    Problem {
        file: file.to_string(),
        line,
        field: field.into(),
        message: message.into(),
    }
}

/// Files above this size are parsed on every core, a part of the lines each.
const PARALLEL_BYTES: usize = 1 << 20;

/// JSON Lines, split at line ends into one part per core (parsing and building the
/// records is most of reading a large file); the parts' batches are joined in
/// file order, so records and problems come out as a single pass would give them.
fn parse_lines(file: &str, text: &str) -> Batch {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if cores == 1 || text.len() < PARALLEL_BYTES {
        return parse_lines_from(file, text, 1);
    }
    parse_lines_in_parts(file, text, cores)
}

fn parse_lines_in_parts(file: &str, text: &str, n: usize) -> Batch {
    let mut parts = Vec::with_capacity(n);
    let (mut start, mut first_line) = (0, 1);
    for k in 1..=n {
        // Each part ends just after a line end (an ASCII byte, so a char boundary).
        let from = start.max(text.len() * k / n);
        let end = if k == n {
            text.len()
        } else {
            text.as_bytes()[from..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(text.len(), |at| from + at + 1)
        };
        let part = &text[start..end];
        parts.push((part, first_line));
        first_line += part.matches('\n').count();
        start = end;
    }
    let batches: Vec<Batch> = std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|(part, first)| scope.spawn(move || parse_lines_from(file, part, first)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .expect("parsing a line never panics: errors are values")
            })
            .collect()
    });
    let mut out = Batch::default();
    for b in batches {
        out.append(b);
    }
    out
}

/// The lines of `text`, the first of which is line `first_line` of the file.
fn parse_lines_from(file: &str, text: &str, first_line: usize) -> Batch {
    let mut batch = Batch::default();
    for (i, line) in text.lines().enumerate() {
        let line_no = first_line + i;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match strict_value(line) {
            Err(e) => batch.problems.push(problem(
                file,
                line_no,
                "",
                format!("not valid JSON: {}", json_message(&e)),
            )),
            Ok(value) => push_record(file, line_no, value, &mut batch),
        }
    }
    batch
}

fn parse_array(file: &str, text: &str) -> Batch {
    let mut batch = Batch::default();
    match serde_json::from_str::<Vec<&serde_json::value::RawValue>>(text) {
        Err(e) => batch.problems.push(problem(
            file,
            e.line(),
            "",
            format!("not a valid JSON array: {}", json_message(&e)),
        )),
        Ok(items) => {
            // Elements come in file order: count newlines only since the last one.
            let (mut counted_to, mut line_no) = (0, 1);
            for raw in items {
                let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
                line_no += text[counted_to..offset].matches('\n').count();
                counted_to = offset;
                match strict_value(raw.get()) {
                    Err(e) => batch.problems.push(problem(
                        file,
                        line_no,
                        "",
                        format!("not valid JSON: {}", json_message(&e)),
                    )),
                    Ok(value) => push_record(file, line_no, value, &mut batch),
                }
            }
        }
    }
    batch
}

fn push_record(file: &str, line: usize, value: serde_json::Value, batch: &mut Batch) {
    // Remember what a bad record declares, so references to it are not reported too.
    let declared = value
        .get("id")
        .and_then(|v| v.as_str())
        .map(str::to_string)
        .zip(
            value
                .get("type")
                .and_then(|v| v.as_str())
                .and_then(|t| t.parse::<Kind>().ok()),
        );
    match Record::from_value(value) {
        Ok(mut record) => {
            record.fill_derived_id();
            batch.records.push(Parsed {
                file: file.to_string(),
                line,
                record,
            });
        }
        Err((field, message)) => {
            batch.problems.push(problem(file, line, field, message));
            if let Some((id, kind)) = declared {
                batch.declared.insert(id, kind);
            }
        }
    }
}

/// Parses JSON like `serde_json::from_str::<Value>`, but refuses an object that
/// gives the same field twice.
pub fn strict_value(text: &str) -> Result<serde_json::Value, serde_json::Error> {
    Ok(serde_json::from_str::<Strict>(text)?.0)
}

struct Strict(serde_json::Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = serde_json::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, Into::into))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            out.push(v);
        }
        Ok(out.into())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Strict(value) = map.next_value()?;
            if out.contains_key(&key) {
                return Err(serde::de::Error::custom(format!(
                    "field `{key}` is given twice"
                )));
            }
            out.insert(key, value);
        }
        Ok(out.into())
    }
}

/// serde_json's message without its "at line 1 column 5" tail (we give the line ourselves).
fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => format!("{} (column {})", &msg[..i], e.column()),
        None => msg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_with_bom_crlf_and_blank_lines() {
        let text = "\u{feff}{\"type\":\"person\",\"id\":\"x\",\"name\":{\"hi\":\"आलोक रंजन\"}}\r\n\r\n{\"type\":\"source\",\"id\":\"s\",\"title\":\"t\"}\r\n";
        let Batch {
            records, problems, ..
        } = parse("a.jsonl", text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].line, 3);
        assert_eq!(records[0].record.name().get("hi"), Some("आलोक रंजन"));
    }

    #[test]
    fn every_bad_line_is_reported_with_its_number() {
        let text = "{\"type\":\"person\",\"id\":\"x\"}\nnot json\n{\"type\":\"person\",\"id\":\"y\",\"name\":{\"hi\":\"क\"},\"gender\":\"yes\"}\n";
        let Batch {
            records, problems, ..
        } = parse("a.jsonl", text);
        assert!(records.is_empty());
        assert_eq!(problems.len(), 3);
        assert_eq!(
            (
                problems[0].line,
                problems[0].message.contains("missing field `name`")
            ),
            (1, true)
        );
        assert_eq!(problems[1].line, 2);
        assert_eq!(
            (problems[2].line, problems[2].field.as_str()),
            (3, "gender")
        );
    }

    #[test]
    fn a_field_given_twice_is_refused_at_any_depth() {
        let e = strict_value(r#"{"id":"a","name":{"en":"A"},"id":"b"}"#).unwrap_err();
        assert!(e.to_string().contains("field `id` is given twice"), "{e}");
        let e = strict_value(r#"{"name":{"en":"A","en":"B"}}"#).unwrap_err();
        assert!(e.to_string().contains("field `en` is given twice"), "{e}");
        let v = strict_value(r#"{"a":[1,-2,2.5,null,true,"x",{"b":{}}]}"#).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"a":[1,-2,2.5,null,true,"x",{"b":{}}]})
        );
    }

    #[test]
    fn json_array_elements_get_their_line() {
        let text = "[\n  {\"type\":\"source\",\"id\":\"s\",\"title\":\"t\"},\n  {\"type\":\"person\",\"id\":\"p\",\"name\":{}, \"x\":1}\n]";
        let Batch {
            records, problems, ..
        } = parse("a.json", text);
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].line, 2);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 3);
    }
}

#[cfg(test)]
mod parallel_tests {
    use super::*;

    /// A file parsed in parts gives the records, problems and line numbers of one
    /// pass: a large file with bad lines scattered through it, CRLF and blank lines.
    #[test]
    fn parts_join_as_one_pass() {
        let mut text = String::new();
        for i in 0..40_000 {
            match i % 997 {
                0 => text.push_str("{not json\r\n"),
                1 => text.push('\n'),
                2 => text.push_str(&format!("{{\"type\":\"person\",\"id\":\"p{i}\"}}\n")),
                _ => text.push_str(&format!(
                    "{{\"type\":\"person\",\"id\":\"p{i}\",\"name\":{{\"hi\":\"आलोक रंजन {i}\"}},\"summary\":{{\"hi\":\"{}\"}}}}\r\n",
                    "पूर्व मुख्य सचिव ".repeat(i % 5)
                )),
            }
        }
        assert!(text.len() > PARALLEL_BYTES);
        let single = parse_lines_from("f.jsonl", &text, 1);
        // Any number of parts: split points fall inside Devanagari letters too.
        for n in [2, 3, 5, 7, 64] {
            let parts = parse_lines_in_parts("f.jsonl", &text, n);
            assert_eq!(parts.records.len(), single.records.len(), "{n} parts");
            assert_eq!(parts.problems.len(), single.problems.len(), "{n} parts");
        }
        let whole = parse_lines("f.jsonl", &text);
        let key = |b: &Batch| {
            (
                b.records
                    .iter()
                    .map(|p| (p.line, p.record.id().to_string()))
                    .collect::<Vec<_>>(),
                b.problems
                    .iter()
                    .map(|p| (p.line, p.message.clone()))
                    .collect::<Vec<_>>(),
            )
        };
        assert_eq!(key(&whole), key(&single));
        // Each kind of bad line comes 41 times: 40,000 lines over a period of 997.
        assert_eq!(whole.records.len(), 40_000 - 3 * 41);
        assert_eq!(whole.problems.len(), 2 * 41);
        // Line numbers are the file's: line 998 is the second bad one.
        assert!(whole.problems.iter().any(|p| p.line == 998));
    }
}
