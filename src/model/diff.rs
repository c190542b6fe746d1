//! What changed between two versions of a record, field by field, for `history`.

use super::Record;
use serde::Serialize;
use serde_json::Value;

/// One field that differs: its dotted path (`name.hi`, `services`), before and after.
/// A list is compared whole; `None` means the field was absent.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// The fields that differ from `old` to `new`, in field order.
pub fn changes(old: &Record, new: &Record) -> Vec<FieldChange> {
    let value = |r: &Record| serde_json::to_value(r).expect("records always serialize");
    let mut out = Vec::new();
    walk("", Some(&value(old)), Some(&value(new)), &mut out);
    out
}

fn walk(path: &str, a: Option<&Value>, b: Option<&Value>, out: &mut Vec<FieldChange>) {
    if a == b {
        return;
    }
    if let (Some(Value::Object(x)), Some(Value::Object(y))) = (a, b) {
        let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            let sub = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            walk(&sub, x.get(k), y.get(k), out);
        }
        return;
    }
    out.push(FieldChange {
        field: path.to_string(),
        before: a.cloned(),
        after: b.cloned(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(json: &str) -> Record {
        Record::from_value(serde_json::from_str(json).unwrap()).unwrap()
    }

    #[test]
    fn names_nested_fields_and_absent_ones() {
        let old = rec(r#"{"type":"person","id":"x","name":{"en":"Alok Ranjan"},"aliases":["A"]}"#);
        let new = rec(
            r#"{"type":"person","id":"x","name":{"en":"Alok Ranjan","hi":"आलोक रंजन"},"gender":"male"}"#,
        );
        let c = changes(&old, &new);
        let fields: Vec<&str> = c.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["aliases", "gender", "name.hi"]);
        assert_eq!(c[0].after, None);
        assert_eq!(c[2].before, None);
        assert_eq!(c[2].after, Some(Value::String("आलोक रंजन".into())));
        assert!(changes(&new, &new).is_empty());
    }
}
