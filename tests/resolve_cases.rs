//! The probabilistic linker across sources, on real rows (tests/fixtures/resolve and
//! the Popolo and TCPD chief-minister slices): records that share nothing but names
//! and facts join when they are one politician and stay apart when they are not.
//! No identifier links them — the linker's evidence alone decides.

use netakosh::import::read_files_as;
use netakosh::model::Record;
use netakosh::resolve::facts::Facts;
use netakosh::resolve::Resolver;
use netakosh::store::Verdict;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

struct Cases {
    records: Vec<Record>,
    resolver: Resolver,
    labels: Vec<u32>,
}

fn resolved() -> Cases {
    let paths: Vec<PathBuf> = [
        "resolve/adr/lok-sabha-candidates.csv",
        "resolve/adr/uttar-pradesh.csv",
        "resolve/adr/delhi.csv",
        "resolve/results/2024LokSabha.csv",
        "resolve/tcpd-cabinet/cabinet-mulayam.csv",
        "tcpd-cm/cm-slice.csv",
        "popolo/lok-sabha-16-slice.json",
    ]
    .iter()
    .map(|p| fixture(p))
    .collect();
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let (batch, _) = read_files_as(&refs, None);
    assert!(batch.problems.is_empty(), "{:?}", batch.problems);
    let records: Vec<Record> = batch
        .records
        .into_iter()
        .chain(batch.defaults)
        .map(|p| p.record)
        .collect();
    // Wikidata and EveryPolitician ids name Popolo's people only: none is shared,
    // so every link below is the probabilistic linker's.
    let mut resolver = Resolver::new(Facts::from_records(&records, &[]));
    let (_, mut clusters) = resolver.resolve(None, &[], 0);
    let labels = clusters.labels();
    Cases {
        records,
        resolver,
        labels,
    }
}

impl Cases {
    /// The person record standing in `constituency` in a `year` election, its name
    /// beginning with `name`.
    fn candidate(&self, name: &str, constituency: &str, year: &str) -> String {
        let there: Vec<&str> = self
            .records
            .iter()
            .filter_map(|r| match r {
                Record::Candidacy(c)
                    if c.election.contains(year)
                        && c.constituency.as_ref().is_some_and(|n| {
                            n.texts().any(|t| t.eq_ignore_ascii_case(constituency))
                        }) =>
                {
                    Some(c.person.as_str())
                }
                _ => None,
            })
            .collect();
        // The one named so, else the one whose name begins so.
        let exact: Vec<&str> = there
            .iter()
            .copied()
            .filter(|p| self.name_of(p).eq_ignore_ascii_case(name))
            .collect();
        let people: Vec<&str> = if exact.is_empty() {
            there
                .into_iter()
                .filter(|p| {
                    self.name_of(p)
                        .to_lowercase()
                        .starts_with(&name.to_lowercase())
                })
                .collect()
        } else {
            exact
        };
        assert_eq!(people.len(), 1, "{name} {constituency} {year}: {people:?}");
        people[0].to_string()
    }

    fn name_of(&self, id: &str) -> String {
        self.records
            .iter()
            .find_map(|r| match r {
                Record::Person(p) if p.id == id => p.name.get("en").map(str::to_string),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// The person records whose id starts with `prefix` and whose name holds `name`.
    fn named(&self, prefix: &str, name: &str) -> String {
        let found: Vec<&str> = self
            .records
            .iter()
            .filter_map(|r| match r {
                Record::Person(p)
                    if p.id.starts_with(prefix)
                        && p.name.texts().any(|t| t.to_lowercase().contains(name)) =>
                {
                    Some(p.id.as_str())
                }
                _ => None,
            })
            .collect();
        assert_eq!(found.len(), 1, "{prefix} {name}: {found:?}");
        found[0].to_string()
    }

    fn label(&self, id: &str) -> u32 {
        let x = self.resolver.facts.find(id).expect("a person record");
        self.labels[x as usize]
    }

    fn together(&self, a: &str, b: &str) -> bool {
        self.label(a) == self.label(b)
    }

    fn explain(&self, a: &str, b: &str) -> String {
        format!("{:#?}", self.resolver.score(a, b))
    }
}

#[test]
fn mulayam_singh_yadav_is_one_person_across_five_sources() {
    let c = resolved();
    let rows = [
        c.candidate("Mulayam Singh Yadav", "Mainpuri", "2004"),
        c.candidate("Mulayam Singh Yadav", "Mainpuri", "2009"),
        c.candidate("Mulayam Singh Yadav", "Mainpuri", "2014"),
        c.candidate("Mulayam Singh Yadav", "Mainpuri", "2019"),
        c.candidate("Mulayam Singh Yadav", "Bharthana", "2007"),
        c.candidate("Mulayam Singh Yadav", "Gunnaur", "2007"),
        c.named("tcpd-cm-", "mulayam"),
        c.named("tcpd-cabinet-", "mulayam"),
        c.named("ep-", "mulayam"),
    ];
    for r in &rows[1..] {
        assert!(
            c.together(&rows[0], r),
            "{} ~ {r}: {}",
            rows[0],
            c.explain(&rows[0], r)
        );
    }
    // His namesakes stay apart: Etawah 2024 (an independent, two years after his
    // death) and Badli, Delhi 2020 (33 then).
    let etawah = c.candidate("Mulayam Singh", "Etawah", "2024");
    let badli = c.candidate("Mulayam Singh", "Badli", "2020");
    for other in [&etawah, &badli] {
        assert!(
            !c.together(&rows[0], other),
            "{}",
            c.explain(&rows[0], other)
        );
    }
    assert!(!c.together(&etawah, &badli));
}

#[test]
fn namesakes_of_mayawati_and_rahul_gandhi_stay_apart() {
    let c = resolved();
    // Mayawati of Akbarpur 2004 (48 then) is not the BSP's Mayawati of Srinagar 2007
    // (38 then): ten years apart in age three years apart in time.
    let akbarpur = c.candidate("Mayawati", "Akbarpur", "2004");
    let srinagar = c.candidate("Mayawati", "Srinagar", "2007");
    assert!(
        !c.together(&akbarpur, &srinagar),
        "{}",
        c.explain(&akbarpur, &srinagar)
    );
    let s = c
        .resolver
        .score(&akbarpur, &srinagar)
        .expect("both are people");
    let birth = s
        .evidence
        .iter()
        .find(|e| e.comparison == "birth year")
        .expect("birth year is compared");
    assert!(birth.weight < 0.0, "{birth:?}");

    // Rahul Gandhi of Amethi (2004–2019, `Rahul Gandh` in 2019: ADR's cut) and
    // Wayanad (2019, 2024) is one person; `Rahul Gandhi K E` of Wayanad 2019 is not.
    let rahul = [
        c.candidate("Rahul Gandhi", "Amethi", "2004"),
        c.candidate("Rahul Gandhi", "Amethi", "2009"),
        c.candidate("Rahul Gandhi", "Amethi", "2014"),
        c.candidate("Rahul Gandh", "Amethi", "2019"),
        c.candidate("Rahul Gandhi", "Wayanad", "2019"),
        c.candidate("Rahul Gandh", "Wayanad", "2024"),
        c.named("ep-", "rahul"),
    ];
    for r in &rahul[1..] {
        assert!(
            c.together(&rahul[0], r),
            "{} ~ {r}: {}",
            rahul[0],
            c.explain(&rahul[0], r)
        );
    }
    let ke = c.candidate("Rahul Gandhi K E", "Wayanad", "2019");
    assert!(!c.together(&rahul[0], &ke), "{}", c.explain(&rahul[0], &ke));
}

#[test]
fn a_persons_not_same_decision_is_never_overridden() {
    let mut c = resolved();
    let a = c.candidate("Mulayam Singh Yadav", "Mainpuri", "2004");
    let b = c.candidate("Mulayam Singh Yadav", "Mainpuri", "2009");
    assert!(c.together(&a, &b));
    let decisions = [(a.clone(), b.clone(), Verdict::NotSame)];
    let (resolution, mut clusters) = c.resolver.resolve(None, &decisions, 7);
    let labels = clusters.labels();
    let (x, y) = (
        c.resolver.facts.find(&a).expect("a person"),
        c.resolver.facts.find(&b).expect("a person"),
    );
    assert_ne!(labels[x as usize], labels[y as usize]);
    // No chain through a third record joins them either, and every new decision is
    // the resolver's with its score.
    assert!(resolution.stats.refused_decision > 0);
    for d in &resolution.decisions {
        assert_eq!((d.by.as_str(), d.at), ("resolver", 7));
        assert!(d.why.starts_with("score "), "{}", d.why);
        assert_ne!((d.a.as_str(), d.b.as_str()), (a.as_str(), b.as_str()));
    }
}

#[test]
fn the_review_queue_gets_a_records_candidates_with_evidence_best_first() {
    let c = resolved();
    let a = c.candidate("Mayawati", "Akbarpur", "2004");
    let list = c.resolver.candidates_for(std::slice::from_ref(&a));
    // The BSP's other Mayawati and the chief minister Mayawati share her name.
    let srinagar = c.candidate("Mayawati", "Srinagar", "2007");
    assert!(
        list.iter().any(|s| s.a == srinagar || s.b == srinagar),
        "{list:#?}"
    );
    assert!(list.iter().all(|s| s.a == a || s.b == a));
    assert!(list.windows(2).all(|w| w[0].weight >= w[1].weight));
    for s in &list {
        // The weight is the prior and the comparisons' bits, nothing else.
        let sum: f64 = s.evidence.iter().map(|e| e.weight).sum();
        assert!((sum - s.weight).abs() < 1e-9, "{s:#?}");
        assert!(s.probability > 0.0 && s.probability < 1.0);
    }
}

#[test]
fn an_import_resolves_only_what_it_touches() {
    use netakosh::kb::{Home, Kb, OpenOptions};
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut kb = Kb::open(&Home::new(dir.path()), OpenOptions { seed: false }).expect("a new home");
    let read = |rel: &str| read_files_as(&[fixture(rel).as_path()], None).0;
    // The records already there are imported without resolution, so the store
    // holds pairs among them that a whole run would link.
    kb.resolve_imports = false;
    for (rel, label) in [
        ("resolve/adr/lok-sabha-candidates.csv", "ls"),
        ("popolo/lok-sabha-16-slice.json", "popolo"),
        ("tcpd-cm/cm-slice.csv", "cm"),
    ] {
        kb.import(read(rel), label, false)
            .expect("the fixture imports");
    }
    let assembly = read("resolve/adr/uttar-pradesh.csv");
    let touched: Vec<String> = assembly
        .records
        .iter()
        .filter_map(|p| match &p.record {
            Record::Person(p) => Some(p.id.clone()),
            _ => None,
        })
        .collect();
    kb.resolve_imports = true;
    let report = kb
        .import(assembly, "up", false)
        .expect("the assembly rows import");
    let r = &report.resolved;
    let gunnaur = "adr-vidhan-sabha-uttar-pradesh-2007-gunnaur-mulayam-singh-yadav";
    let bharthana = "adr-vidhan-sabha-uttar-pradesh-2007-bharthana-mulayam-singh-yadav";
    // Every new link holds a touched record: the records already in the store (the
    // Lok Sabha rows, Popolo's, the chief ministers') are not linked among
    // themselves by this import.
    assert!(r.resolver > 0, "{r:?}");
    assert_eq!(r.decisions.len(), r.exact + r.resolver);
    for d in &r.decisions {
        assert!(touched.contains(&d.a) || touched.contains(&d.b), "{d:?}");
    }
    // Mulayam Singh Yadav's 2007 assembly rows joined his person as the import ran.
    let person = netakosh::identity::same_person(&kb.store, gunnaur).expect("reads");
    assert!(person.iter().any(|x| x == bharthana), "{person:?}");
    assert!(
        person.iter().any(|x| x.starts_with("tcpd-cm-")),
        "the chief minister's record is the same person: {person:?}"
    );
    // A whole run links the records already there too.
    let all = netakosh::resolve::probabilistic(&kb.store, &[], 9).expect("resolves");
    assert!(all
        .decisions
        .iter()
        .any(|d| !touched.contains(&d.a) && !touched.contains(&d.b)));
}
