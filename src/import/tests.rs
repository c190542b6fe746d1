//! Tests of reading and planning, and what the datasets' tests share: pickers, `csv_rows`
//! and the table-driven `csv_cases!`.

use super::*;

/// The records of `b` that `f` picks, in order (for the format modules' tests).
pub(super) fn of<T>(b: &Batch, f: impl Fn(&Record) -> Option<T>) -> Vec<T> {
    b.records.iter().filter_map(|p| f(&p.record)).collect()
}

/// Parses `rows` under `header` as the CSV file `file`, with a dataset.
pub(super) fn csv_rows(dataset: &dyn Dataset, file: &str, header: &str, rows: &[&str]) -> Batch {
    let header = header.trim_end_matches('\n');
    dataset.parse(file, &format!("{header}\n{}\n", rows.join("\n")))
}

/// `persons(&batch)`: the records of one kind in a batch, in order.
macro_rules! pickers {
    ($($name:ident: $kind:ident),*) => {$(
        pub(crate) fn $name(b: &Batch) -> Vec<&crate::model::$kind> {
            b.records
                .iter()
                .filter_map(|p| match &p.record {
                    Record::$kind(x) => Some(x),
                    _ => None,
                })
                .collect()
        }
    )*};
}
pickers!(persons: Person, candidacies: Candidacy);

/// Whether `dataset` recognises `text` as a file of its records.
pub(crate) fn recognised(dataset: &dyn Dataset, text: &str) -> bool {
    dataset.recognise("f.csv", text) == Some(Role::Records)
}

/// The problems of `b` as (line, column), in order.
pub(super) fn placed(b: &Batch) -> Vec<(usize, &str)> {
    b.problems
        .iter()
        .map(|p| (p.line, p.field.as_str()))
        .collect()
}

/// Table-driven tests of a CSV dataset: each case names a test, the rows read under
/// `header` (as the file `file`) and what must come of them: the problems as
/// (line, column), or a check run on the batch.
///
/// ```ignore
/// csv_cases!(Adr, "x.csv", HEADER, {
///     bad_year: [ROW.replace("2009", "20x9")] => { problems [(2, "Year")] };
///     one_person: [ROW] => { |b| assert_eq!(persons(&b).len(), 1) };
/// });
/// ```
macro_rules! csv_cases {
    ($dataset:expr, $file:expr, $header:expr, {
        $($name:ident: [$($row:expr),* $(,)?] => $expect:tt;)*
    }) => {
        $(
            #[test]
            fn $name() {
                let rows: Vec<String> = vec![$(String::from($row)),*];
                let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
                let batch = $crate::import::tests::csv_rows(&$dataset, $file, $header, &rows);
                $crate::import::tests::csv_cases!(@expect batch $expect);
            }
        )*
    };
    (@expect $b:ident { problems [$(($line:expr, $col:expr)),* $(,)?] }) => {
        assert_eq!(
            $crate::import::tests::placed(&$b),
            vec![$(($line, $col)),*],
            "{:?}",
            $b.problems
        );
        assert!($b.records.is_empty(), "rows with problems are left out");
    };
    (@expect $b:ident { |$x:ident| $($body:tt)* }) => {
        let $x = &$b;
        $($body)*
    };
}
pub(crate) use csv_cases;

fn parsed(lines: &str) -> Batch {
    let batch = native::parse("t.jsonl", lines);
    assert!(batch.problems.is_empty(), "{:?}", batch.problems);
    batch
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    (dir, store)
}

fn problems(result: Result<Plan>) -> Vec<Problem> {
    match result {
        Err(Error::Invalid(p)) => p,
        Err(e) => panic!("expected problems, got {e}"),
        Ok(_) => panic!("expected problems, got a plan"),
    }
}

#[test]
fn minimal_person_plans_as_one_addition() {
    let (_d, store) = store();
    let plan = plan(
        &store,
        parsed(r#"{"type":"person","id":"x","name":{"hi":"आलोक रंजन"}}"#),
    )
    .unwrap();
    assert_eq!(plan.changes.len(), 1);
    assert_eq!(plan.report.added.get(&Kind::Person), Some(&1));
}

#[test]
fn duplicate_ids_and_missing_references_are_all_reported() {
    let (_d, store) = store();
    let text = concat!(
        r#"{"type":"person","id":"x","name":{"hi":"क"}}"#,
        "\n",
        r#"{"type":"person","id":"x","name":{"hi":"ख"}}"#,
        "\n",
        r#"{"type":"tenure","person":"x","office":"nowhere"}"#,
        "\n"
    );
    let p = problems(plan(&store, parsed(text)));
    assert_eq!(p.len(), 2, "{p:?}");
    assert_eq!((p[0].line, p[0].field.as_str()), (2, "id"));
    assert!(p[0].message.contains("t.jsonl:1"));
    assert_eq!((p[1].line, p[1].field.as_str()), (3, "office"));
}

#[test]
fn references_may_point_forward_within_the_import() {
    let (_d, store) = store();
    let text = concat!(
        r#"{"type":"tenure","person":"x","office":"o"}"#,
        "\n",
        r#"{"type":"person","id":"x","name":{"hi":"क"}}"#,
        "\n",
        r#"{"type":"office","id":"o","name":{"en":"O"}}"#,
        "\n"
    );
    assert_eq!(plan(&store, parsed(text)).unwrap().changes.len(), 3);
}

#[test]
fn reimport_is_unchanged_and_a_kind_change_is_refused() {
    let (_d, store) = store();
    let line = r#"{"type":"person","id":"x","name":{"hi":"क"}}"#;
    let first = plan(&store, parsed(line)).unwrap();
    store.apply(&first.changes, "t", false).unwrap();
    let again = plan(&store, parsed(line)).unwrap();
    assert!(again.changes.is_empty());
    assert_eq!(again.report.unchanged.get(&Kind::Person), Some(&1));
    let p = problems(plan(
        &store,
        parsed(r#"{"type":"office","id":"x","name":{"en":"X"}}"#),
    ));
    assert!(
        p[0].message.contains("already a person"),
        "{}",
        p[0].message
    );
}

#[test]
fn parse_and_reference_problems_are_reported_together() {
    let (_d, store) = store();
    let text = concat!(
        r#"{"type":"person","id":"bad","name":{}}"#,
        "\n",
        r#"{"type":"tenure","person":"bad","office":"nowhere"}"#,
        "\n",
        r#"{"type":"office","id":"o2","name":{"en":"O"},"extra":1}"#,
        "\n"
    );
    let p = problems(plan(&store, native::parse("t.jsonl", text)));
    let lines: Vec<(usize, &str)> = p.iter().map(|p| (p.line, p.field.as_str())).collect();
    // `bad` fails validation but is declared, so only `nowhere` is a missing reference.
    assert_eq!(
        lines,
        vec![(1, "name"), (2, "office"), (3, "extra")],
        "{p:?}"
    );
}

#[test]
fn defaults_never_overwrite_and_are_added_once() {
    let (_d, store) = store();
    let existing = parsed(r#"{"type":"organization","id":"sp","name":{"en":"Samajwadi Party"}}"#);
    let p = plan(&store, existing).unwrap();
    store.apply(&p.changes, "t", false).unwrap();

    let mut batch = parsed(r#"{"type":"membership","person":"x","organization":"sp"}"#);
    batch.append(parsed(r#"{"type":"person","id":"x","name":{"en":"X"}}"#));
    let other_sp = native::parse(
        "t.jsonl",
        r#"{"type":"organization","id":"sp","name":{"en":"SP (other)"}}"#,
    );
    let new_org = native::parse(
        "t.jsonl",
        r#"{"type":"organization","id":"bjp","name":{"en":"BJP"}}"#,
    );
    for r in other_sp
        .records
        .into_iter()
        .chain(new_org.records.clone())
        .chain(new_org.records)
    {
        batch.default_record(&r.file, r.line, r.record);
    }
    let p = plan(&store, batch).unwrap();
    assert_eq!(
        p.report.added.get(&Kind::Organization),
        Some(&1),
        "bjp once; sp untouched"
    );
    assert!(p.changes.iter().all(|c| c.record.id() != "sp"));
}

/// A dataset that reads its files together, telling back what it was given.
struct Together;

impl Dataset for Together {
    fn name(&self) -> &'static str {
        "together"
    }

    fn about(&self) -> &'static str {
        "a test dataset whose files are read as one group"
    }

    fn recognise(&self, file: &str, _text: &str) -> Option<Role> {
        Some(if file.ends_with("-aux.csv") {
            Role::Auxiliary
        } else {
            Role::Records
        })
    }

    fn parse(&self, file: &str, _text: &str) -> Batch {
        panic!("{file}: a together-dataset is read by parse_all")
    }

    fn together(&self) -> bool {
        true
    }

    fn parse_all(&self, files: &[Input]) -> Batch {
        let mut batch = Batch::default();
        for f in files {
            let name = std::path::Path::new(&f.name).file_name().unwrap();
            let message = format!("{:?} {:?}", name, f.role);
            batch.problems.push(file_problem("group", &message));
        }
        batch
    }
}

#[test]
fn a_together_dataset_gets_all_its_files_at_once_with_auxiliary_ones() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, "x,y\n1,2\n").unwrap();
        path
    };
    let paths = [write("a-1.csv"), write("a-aux.csv"), write("a-2.csv")];
    let paths: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    let mut seen = Vec::new();
    let (batch, chosen) = read_files_with(&paths, Some(&Together), |p| seen.push(p.to_owned()));
    assert_eq!(seen.len(), 3, "called before each file");
    assert_eq!(chosen.len(), 3);
    let told: Vec<&str> = batch.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        told,
        vec![
            "\"a-1.csv\" Records",
            "\"a-aux.csv\" Auxiliary",
            "\"a-2.csv\" Records"
        ]
    );
}
