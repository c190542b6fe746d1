//! `netakosh completions SHELL` and `netakosh man`: generated from the clap
//! definition in `cli.rs`, so they list exactly the commands and flags there are.

use super::Outcome;
use crate::cli::Cli;
use anyhow::Result;
use clap::CommandFactory;
use std::io::Write;

pub fn completions(shell: clap_complete::Shell) -> Result<Outcome> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "netakosh", &mut out);
    // write_all rather than generating straight to stdout: a closed pipe is an
    // error that exits 0, not a panic.
    std::io::stdout().lock().write_all(&out)?;
    Ok(Outcome::Done)
}

pub fn man() -> Result<Outcome> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    std::io::stdout().lock().write_all(&out)?;
    Ok(Outcome::Done)
}
