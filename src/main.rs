//! The netakosh binary: parse the command line, run it, map the outcome to an exit code.
//!
//! Exit codes: 0 success, 1 nothing found, 2 a problem the user can fix (bad input,
//! unknown id, busy store), 3 a failure of the machine (I/O, a corrupt store).

mod cli;
mod cmd;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(cmd::Outcome::Done) => ExitCode::SUCCESS,
        Ok(cmd::Outcome::NothingFound) => ExitCode::from(1),
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
    eprintln!("netakosh: {err:#}");
    match lib {
        Some(e) if e.is_user_error() => ExitCode::from(2),
        _ => ExitCode::from(3),
    }
}
