//! The netakosh binary: parse the command line, run it, map the outcome to an exit code.
//!
//! Exit codes: 0 success, 1 nothing found, 2 a problem the user can fix (bad input,
//! unknown id, busy store), 3 a failure of the machine (I/O, a corrupt store),
//! 4 `check` found problems (that `--repair` did not mend).

mod cli;
mod cmd;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        // A value its parser refused (`--year २०x४`): one line, exit 2, as other
        // mistakes of the user's are.
        Err(e) if e.kind() == clap::error::ErrorKind::ValueValidation => {
            let text = e.to_string();
            let line = text.lines().next().unwrap_or_default();
            eprintln!("netakosh: {}", line.strip_prefix("error: ").unwrap_or(line));
            return ExitCode::from(2);
        }
        Err(e) => e.exit(),
    };
    match cmd::run(cli) {
        Ok(cmd::Outcome::Done) => ExitCode::SUCCESS,
        Ok(cmd::Outcome::NothingFound) => ExitCode::from(1),
        Ok(cmd::Outcome::ProblemsFound) => ExitCode::from(4),
        Err(err) => report(&err),
    }
}

fn report(err: &anyhow::Error) -> ExitCode {
    let broken_pipe = err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    });
    if broken_pipe {
        return ExitCode::SUCCESS;
    }
    let lib = err
        .chain()
        .find_map(|c| c.downcast_ref::<netakosh::Error>());
    if let Some(netakosh::Error::Invalid(problems)) = lib {
        for p in problems {
            eprintln!("{p}");
        }
    }
    eprintln!("netakosh: {}", message(err));
    match lib {
        Some(e) if e.is_user_error() => ExitCode::from(2),
        _ => ExitCode::from(3),
    }
}

/// The error and its causes on one line, leaving out a cause whose text the
/// message already holds (library errors quote their source).
fn message(err: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}
