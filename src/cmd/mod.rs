//! One file per subcommand; each turns parsed arguments into calls on the library
//! and prints the result. Context added here names the file or id involved.

mod analyze;
mod candidates;
mod check;
mod duplicates;
mod election;
mod export;
mod history;
mod import;
mod office;
mod pager;
mod resolve;
mod revert;
mod search;
mod seat;
mod serve;
mod shell;
mod show;
mod stats;

use crate::cli::{Cli, Command};
use anyhow::Result;
use netakosh::kb::{Home, Kb, Notice, OpenOptions};

/// What a command found, for the exit code.
pub enum Outcome {
    Done,
    NothingFound,
    /// `check` found problems that remain.
    ProblemsFound,
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

    /// Opens the knowledge base for a command that only reads: from the index's
    /// replica of the store when it is current (see [`netakosh::kb::read`]).
    pub fn read(&self) -> Result<netakosh::kb::Reading> {
        let r = netakosh::kb::read(&self.home, self.open)?;
        notify(&r.notices);
        Ok(r)
    }
}

pub fn notify(notices: &[Notice]) {
    for n in notices {
        eprintln!("netakosh: {n}");
    }
}

pub fn run(cli: Cli) -> Result<Outcome> {
    // Generated from the command line's definition: no home, no store.
    match &cli.command {
        Command::Completions { shell: s } => return shell::completions(*s),
        Command::Man => return shell::man(),
        _ => {}
    }
    // A today that does not read is the user's mistake: say so before any command.
    netakosh::time::today_override().map_err(netakosh::Error::Usage)?;
    let root = match cli.home {
        Some(h) => h,
        None => netakosh::kb::Home::default_root()?,
    };
    let ctx = Context {
        home: Home::new(root),
        open: OpenOptions { seed: !cli.no_seed },
    };
    // Dropped when the command is done: waits for the user to leave the pager.
    let _pager = pager::start(&cli.command, cli.no_pager);
    match cli.command {
        Command::Search(a) => search::run(&ctx, a),
        Command::Show(a) => show::run(&ctx, a),
        Command::Election(a) => election::run(&ctx, a),
        Command::Seat(a) => seat::run(&ctx, a),
        Command::Candidates(a) => candidates::run(&ctx, a),
        Command::Duplicates(a) => duplicates::run(&ctx, a),
        Command::Same(a) => duplicates::same(&ctx, a),
        Command::Different(a) => duplicates::different(&ctx, a),
        Command::Split(a) => duplicates::split(&ctx, a),
        Command::Merge(a) => duplicates::merge(&ctx, a),
        Command::Unmerge(a) => duplicates::unmerge(&ctx, a),
        Command::Office(a) => office::run(&ctx, a),
        Command::Resolve(a) => resolve::run(&ctx, a),
        Command::Import(a) => import::run(&ctx, a),
        Command::Export(a) => export::run(&ctx, a),
        Command::Stats(a) => stats::run(&ctx, a.json),
        Command::Reindex => stats::reindex(&ctx),
        Command::Completions { shell: s } => shell::completions(s),
        Command::Man => shell::man(),
        Command::Analyze(a) => analyze::run(a),
        Command::Serve(a) => serve::serve(&ctx, a),
        Command::Snapshot(a) => serve::snapshot(&ctx, a),
        Command::History(a) => history::run(&ctx, a),
        Command::Revert(a) => revert::run(&ctx, a),
        Command::Check(a) => check::run(&ctx, a),
    }
}

/// Writes JSON to standard output followed by a newline.
pub fn print_json(value: &impl serde::Serialize) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    // As an io::Error, a closed pipe is recognised (and exits 0) like any other write.
    serde_json::to_writer_pretty(&mut out, value).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

/// A progress bar drawn on stderr only when it is a terminal and only once the work
/// has run a second: quick commands and pipes never see it.
pub struct LateBar {
    bar: indicatif::ProgressBar,
    start: std::time::Instant,
    shown: bool,
}

impl LateBar {
    /// `template` is indicatif's, e.g. `"exporting [{bar:30}] {pos}/{len} records"`.
    pub fn new(total: u64, template: &str) -> LateBar {
        use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
        let style =
            ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        LateBar {
            bar,
            start: std::time::Instant::now(),
            shown: false,
        }
    }

    pub fn set(&mut self, done: u64, total: u64) {
        if !self.shown && self.start.elapsed() > std::time::Duration::from_secs(1) {
            self.shown = true;
            if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
                self.bar
                    .set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
        }
        self.bar.set_length(total);
        self.bar.set_position(done);
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
