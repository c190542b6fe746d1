//! One file per subcommand; each turns parsed arguments into calls on the library
//! and prints the result. Context added here names the file or id involved.

mod analyze;
mod duplicates;
mod election;
mod export;
mod import;
mod office;
mod search;
mod show;
mod stats;

use crate::cli::{Cli, Command};
use anyhow::Result;
use netakosh::kb::{Home, Kb, OpenOptions};

/// What a command found, for the exit code.
pub enum Outcome {
    Done,
    NothingFound,
}

/// Global settings every command needs.
pub struct Context {
    pub home: Home,
    pub open: OpenOptions,
}

impl Context {
    /// Opens the knowledge base for a command that needs the store, telling the
    /// user what opening did (seeding, rebuilding the index).
    pub fn open(&self) -> Result<Kb> {
        let kb = Kb::open(&self.home, self.open)?;
        notify(&kb.notices);
        Ok(kb)
    }
}

pub fn notify(notices: &[String]) {
    for n in notices {
        eprintln!("netakosh: {n}");
    }
}

pub fn run(cli: Cli) -> Result<Outcome> {
    let root = match cli.home {
        Some(h) => h,
        None => netakosh::kb::Home::default_root()?,
    };
    let ctx = Context {
        home: Home::new(root),
        open: OpenOptions { seed: !cli.no_seed },
    };
    match cli.command {
        Command::Search(a) => search::run(&ctx, a),
        Command::Show(a) => show::run(&ctx, a),
        Command::Election(a) => election::run(&ctx, a),
        Command::Duplicates(a) => duplicates::run(&ctx, a),
        Command::Merge(a) => duplicates::merge(&ctx, a),
        Command::Office(a) => office::run(&ctx, a),
        Command::Import(a) => import::run(&ctx, a),
        Command::Export(a) => export::run(&ctx, a),
        Command::Stats(a) => stats::run(&ctx, a.json),
        Command::Reindex => stats::reindex(&ctx),
        Command::Analyze(a) => analyze::run(a),
    }
}

/// Writes JSON to standard output followed by a newline.
pub fn print_json(value: &impl serde::Serialize) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}
