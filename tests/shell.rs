//! The shell: completion scripts and the man page, generated from the command line.

mod common;
use common::Home;

#[test]
fn bash_completion_sources_and_completes_subcommands() {
    let home = Home::new();
    let script = home.write("netakosh.bash", &home.ok(&["completions", "bash"]));
    // What bash does on `netakosh sh<TAB>` and `netakosh show --la<TAB>`.
    let complete = |words: &str, cword: usize| -> String {
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!(
                "source '{}' && complete -p netakosh >/dev/null && COMP_WORDS=({words}) && \
                 COMP_CWORD={cword} && _netakosh netakosh \"${{COMP_WORDS[$COMP_CWORD]}}\" \
                 \"${{COMP_WORDS[$COMP_CWORD-1]}}\" && printf '%s\\n' \"${{COMPREPLY[@]}}\"",
                script.display()
            ))
            .output()
            .expect("bash runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let subcommands = complete("netakosh sh", 1);
    assert!(subcommands.lines().any(|l| l == "show"), "{subcommands}");
    assert!(!subcommands.lines().any(|l| l == "search"), "{subcommands}");
    let flags = complete("netakosh show --la", 2);
    assert!(flags.lines().any(|l| l == "--lang"), "{flags}");
}

#[test]
fn every_shell_gets_a_script_and_an_unknown_one_is_refused() {
    let home = Home::new();
    for (shell, marker) in [
        ("zsh", "#compdef netakosh"),
        ("fish", "complete -c netakosh"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = home.ok(&["completions", shell]);
        assert!(out.contains(marker), "{shell}: {out}");
        assert!(out.contains("election"), "{shell} lists the subcommands");
    }
    let (code, _, err) = home.run(&["completions", "tcsh"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("tcsh"), "{err}");
    // Neither needs a home: nothing was created.
    assert!(!home.path().join("store").exists());
}

#[test]
fn the_man_page_is_roff_listing_every_command() {
    let home = Home::new();
    let page = home.ok(&["man"]);
    assert!(page.contains(".TH netakosh 1"), "{page}");
    for command in [
        "search",
        "show",
        "election",
        "seat",
        "import",
        "completions",
    ] {
        assert!(
            page.contains(&format!("netakosh\\-{command}(1)")),
            "{command} is in the page"
        );
    }
    assert!(page.contains("नेताकोश"), "the description, in both scripts");
}
