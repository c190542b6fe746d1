//! `netakosh revert ID [--to VERSION]`: restore an earlier version as a new one.

use super::{Context, Outcome};
use crate::cli::RevertArgs;
use anyhow::Result;
use std::io::Write;

pub fn run(ctx: &Context, args: RevertArgs) -> Result<Outcome> {
    let mut kb = ctx.open()?;
    let (restored, new) = kb.revert(&args.id, args.to)?;
    writeln!(
        std::io::stdout(),
        "{}: restored version {restored} as version {new} (version {} is kept in its history)",
        args.id,
        new - 1
    )?;
    Ok(Outcome::Done)
}
