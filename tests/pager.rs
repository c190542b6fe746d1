//! The pager: long output goes through `$PAGER` only when standard output is a terminal
//! (here a pseudo-terminal from util-linux `script`) and `--no-pager` is not given.

mod common;
use common::{bin, Home};

/// Whether util-linux `script` is here to give the binary a terminal.
fn have_script() -> bool {
    let found = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("util-linux"));
    if !found {
        eprintln!("skipped: util-linux `script` is not installed");
    }
    found
}

/// A `PAGER` that writes what it is given to `file` instead of showing it.
fn pager_into(file: &std::path::Path) -> String {
    format!("cat > '{}'", file.display())
}

/// Runs `netakosh ARGS` with standard output on a pseudo-terminal and `PAGER` set;
/// returns what the terminal showed.
fn on_a_terminal(home: &Home, pager: &str, args: &[&str]) -> String {
    let line = std::iter::once(bin().display().to_string())
        .chain(args.iter().map(|a| a.to_string()))
        .map(|w| format!("'{w}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let out = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("NETAKOSH_HOME", home.path())
        .env("PAGER", pager)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script runs");
    let shown = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{shown}");
    shown
}

#[test]
fn on_a_terminal_long_output_goes_through_the_pager() {
    if !have_script() {
        return;
    }
    let home = Home::new();
    home.ok(&["stats"]); // seeded before, so the only output is the profile
    let paged = home.path().join("paged");
    let shown = on_a_terminal(&home, &pager_into(&paged), &["show", "alok-ranjan"]);
    let got = std::fs::read_to_string(&paged).expect("the pager ran");
    assert!(got.contains("Alok Ranjan"), "{got}");
    assert!(got.contains("आलोक रंजन"), "{got}");
    assert!(
        !shown.contains("Alok Ranjan"),
        "not also on the terminal: {shown}"
    );
}

#[test]
fn no_pager_writes_to_the_terminal() {
    if !have_script() {
        return;
    }
    let home = Home::new();
    let paged = home.path().join("paged");
    let shown = on_a_terminal(
        &home,
        &pager_into(&paged),
        &["--no-pager", "show", "alok-ranjan"],
    );
    assert!(!paged.exists(), "the pager was started");
    assert!(shown.contains("Alok Ranjan"), "{shown}");
    // `cat` and the empty PAGER mean no pager too.
    for pager in ["cat", ""] {
        let shown = on_a_terminal(&home, pager, &["show", "alok-ranjan"]);
        assert!(shown.contains("Alok Ranjan"), "PAGER={pager:?}: {shown}");
    }
}

#[test]
fn short_output_and_pipes_are_never_paged() {
    let home = Home::new();
    let paged = home.path().join("paged");
    let out = home
        .cmd()
        .env("PAGER", pager_into(&paged))
        .args(["show", "alok-ranjan"])
        .output()
        .expect("the binary runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Alok Ranjan"));
    assert!(!paged.exists(), "the pager was started on a pipe");
    if !have_script() {
        return;
    }
    let shown = on_a_terminal(&home, &pager_into(&paged), &["stats"]);
    assert!(!paged.exists(), "stats was paged: {shown}");
    assert!(shown.contains("generation"), "{shown}");
}

#[test]
fn the_pager_gets_less_options_unless_the_user_set_some() {
    if !have_script() {
        return;
    }
    let home = Home::new();
    let env = home.path().join("env");
    let pager = format!("cat >/dev/null; env > '{}'", env.display());
    on_a_terminal(&home, &pager, &["search", "Alok Ranjan"]);
    let got = std::fs::read_to_string(&env).expect("the pager ran");
    assert!(got.lines().any(|l| l == "LESS=FRX"), "{got}");
    assert!(got.lines().any(|l| l == "LV=-c"), "{got}");
}

#[test]
fn a_pager_that_is_not_installed_is_said_and_the_output_still_shown() {
    if !have_script() {
        return;
    }
    let home = Home::new();
    home.ok(&["stats"]);
    let shown = on_a_terminal(&home, "no-such-pager-anywhere -R", &["show", "alok-ranjan"]);
    assert!(
        shown.contains("Alok Ranjan"),
        "the profile is printed: {shown}"
    );
    assert!(
        shown.contains("`no-such-pager-anywhere` ($PAGER) is not installed"),
        "{shown}"
    );
}
