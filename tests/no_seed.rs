//! `--no-seed` and `NETAKOSH_NO_SEED=1`: no command fills a new home from the seed.

mod common;
use common::Home;

/// The records in the home's store, counted by a command that leaves an empty
/// store empty.
fn total(home: &Home) -> u64 {
    home.json(&["--no-seed", "stats", "--json"])["total"]
        .as_u64()
        .expect("stats --json has a total")
}

#[test]
fn no_command_seeds_a_new_home_when_told_not_to() {
    let scratch = Home::new();
    let file = scratch.write(
        "one.jsonl",
        r#"{"type":"person","id":"mulayam-singh-yadav","name":{"en":"Mulayam Singh Yadav","hi":"मुलायम सिंह यादव"}}"#,
    );
    let file = file.to_str().expect("a UTF-8 path");
    // Each command on a new home, and its exit code there: 1 is "nothing found",
    // 2 an unknown id (the seed's ids are not there).
    let commands: &[(&[&str], i32)] = &[
        (&["search", "Alok Ranjan"], 1),
        (&["search", "आलोक रंजन"], 1),
        (&["search", "--party", "SP"], 1),
        (&["show", "alok-ranjan"], 2),
        (&["election", "rajya-sabha-2024-uttar-pradesh"], 2),
        (&["office", "chief-secretary-uttar-pradesh"], 2),
        (&["duplicates"], 1),
        (&["merge", "alok-ranjan", "akhilesh-yadav"], 2),
        (&["history", "alok-ranjan"], 2),
        (&["revert", "alok-ranjan"], 2),
        (&["import", "--dry-run", file], 0),
        (&["export"], 0),
        (&["stats"], 0),
        (&["reindex"], 0),
        (&["check"], 0),
    ];
    for (args, code) in commands {
        let home = Home::new();
        let mut with_flag = vec!["--no-seed"];
        with_flag.extend_from_slice(args);
        let (got, out, err) = home.run(&with_flag);
        let shown = with_flag.join(" ");
        assert_eq!(got, *code, "`netakosh {shown}`:\n{out}{err}");
        assert!(
            !out.contains("alok-ranjan") && !err.contains("seed dataset"),
            "`netakosh {shown}` answered from the seed:\n{out}{err}"
        );
        assert_eq!(total(&home), 0, "`netakosh {shown}` filled the store");
    }
}

#[test]
fn the_environment_variable_works_like_the_flag() {
    let home = Home::new();
    let (code, out, err) = home
        .cmd()
        .env("NETAKOSH_NO_SEED", "1")
        .args(["search", "--json", "Alok Ranjan"])
        .output()
        .map(|o| {
            (
                o.status.code().unwrap_or(-1),
                String::from_utf8_lossy(&o.stdout).into_owned(),
                String::from_utf8_lossy(&o.stderr).into_owned(),
            )
        })
        .expect("the binary runs");
    assert_eq!(code, 1, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("search --json is JSON");
    assert_eq!(v["hits"], serde_json::json!([]));
    assert_eq!(total(&home), 0);

    // Set to a false value, it does not stop the seed.
    let seeded = Home::new();
    let out = seeded
        .cmd()
        .env("NETAKOSH_NO_SEED", "0")
        .args(["search", "Alok Ranjan"])
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("[alok-ranjan]"));
}

#[test]
fn without_the_flag_the_first_search_seeds_the_home() {
    let home = Home::new();
    let (code, out, err) = home.run(&["search", "Alok Ranjan"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("[alok-ranjan]"), "{out}");
    assert!(
        err.contains("filled with the bundled seed dataset (33 records)"),
        "{err}"
    );
    assert_eq!(total(&home), 33);
}
