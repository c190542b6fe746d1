//! Reading commands keep their answer per store generation (`index/answers/`): asked
//! again, `election` and `seat` answer without opening the store, and any write
//! makes the kept answers stale.

mod common;
use common::{fixture, Home};

/// Moves the store's files away, leaving only the mirrored generation, and the
/// index's copy of the store with them: a command that read records now would find
/// an empty store.
fn hide_store(home: &Home) -> std::path::PathBuf {
    let store = home.path().join("store");
    let away = home.path().join("store.away");
    std::fs::rename(&store, &away).unwrap();
    std::fs::rename(home.path().join("index/records"), away.join("records")).unwrap();
    std::fs::create_dir(&store).unwrap();
    std::fs::copy(
        away.join("netakosh-generation"),
        store.join("netakosh-generation"),
    )
    .unwrap();
    away
}

fn restore_store(home: &Home, away: &std::path::Path) {
    let store = home.path().join("store");
    std::fs::remove_dir_all(&store).unwrap();
    let records = home.path().join("index/records");
    let _ = std::fs::remove_dir_all(&records);
    std::fs::rename(away.join("records"), &records).unwrap();
    std::fs::rename(away, &store).unwrap();
}

#[test]
fn a_repeated_question_is_answered_without_the_store_until_a_write() {
    let home = Home::new();
    let amethi = fixture("results/amethi-2024.csv");
    home.ok(&["import", "--no-resolve", amethi.to_str().unwrap()]);
    let ask = ["election", "lok-sabha-2024", "--constituency", "Amethi"];
    let first = home.ok(&ask);
    // KISHORI LAL's count in the india-votes row: "539228".
    assert!(first.contains("5,39,228"), "{first}");
    let seat_first = home.ok(&["seat", "Amethi"]);
    assert!(seat_first.contains("Amethi"), "{seat_first}");

    let away = hide_store(&home);
    assert_eq!(home.ok(&ask), first, "answered from the kept answer");
    assert_eq!(home.ok(&["seat", "Amethi"]), seat_first);
    // A question not asked before needs the store: with it hidden, the answer differs.
    let (_, json, _) = home.run(&["election", "lok-sabha-2024", "--json"]);
    assert!(!json.contains("539228"), "{json}");
    restore_store(&home, &away);

    // A later import changes the count: the kept answer is stale and not used.
    let text = std::fs::read_to_string(&amethi).unwrap();
    assert!(text.contains("\"539228\""));
    let changed = home.write("amethi-2024.csv", &text.replace("\"539228\"", "\"539229\""));
    home.ok(&["import", "--no-resolve", changed.to_str().unwrap()]);
    let after = home.ok(&ask);
    assert!(
        after.contains("5,39,229") && !after.contains("5,39,228"),
        "{after}"
    );
}

#[test]
fn an_import_in_progress_means_no_kept_answer_is_trusted() {
    let home = Home::new();
    let amethi = fixture("results/amethi-2024.csv");
    home.ok(&["import", "--no-resolve", amethi.to_str().unwrap()]);
    let ask = ["election", "lok-sabha-2024", "--constituency", "Amethi"];
    let first = home.ok(&ask);
    // The marker of an import that died part way: the next command must ask the
    // store (which says what happened) rather than the kept answer.
    std::fs::write(
        home.path().join("store/netakosh-importing"),
        "generation 99\nlabel import x\n",
    )
    .unwrap();
    let (code, out, err) = home.run(&ask);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, first);
    assert!(
        err.contains("netakosh:"),
        "the store's notice is told: {err}"
    );
}
