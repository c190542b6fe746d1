//! `netakosh serve` and `netakosh snapshot`: the web server over a home, and the
//! read-only copy of a home that replicas serve.

use super::{Context, Outcome};
use crate::cli::{ServeArgs, SnapshotArgs};
use anyhow::{Context as _, Result};
use netakosh::web::{self, Options};
use std::io::Write;

pub fn serve(ctx: &Context, args: ServeArgs) -> Result<Outcome> {
    let defaults = Options::default();
    let opts = Options {
        addr: args.addr,
        read_only: args.read_only || ctx.home.is_snapshot(),
        open: ctx.open,
        limits: web::Limits {
            request_time: std::time::Duration::from_secs_f64(args.timeout),
            connections: args.max_connections as usize,
            ..defaults.limits
        },
    };
    let root = ctx.home.root().display().to_string();
    web::serve(&ctx.home, opts, |addr, notices| {
        super::notify(notices);
        // The first line names the address: scripts and tests read it (port 0).
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "serving {root} at http://{addr}/ (Ctrl-C stops)");
        let _ = out.flush();
    })
    .with_context(|| format!("cannot serve {root}"))?;
    Ok(Outcome::Done)
}

pub fn snapshot(ctx: &Context, args: SnapshotArgs) -> Result<Outcome> {
    if !ctx.home.is_snapshot() {
        // Bring the index and replica up to date first. While an import holds the
        // store, the copy is of what it last committed (waiting, if the import is
        // between its index's and its replica's commits, for the two to agree).
        match netakosh::kb::read(&ctx.home, ctx.open) {
            Ok(r) => super::notify(&r.notices),
            Err(netakosh::Error::Locked { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    let generation = netakosh::kb::snapshot(&ctx.home, &args.dir)
        .with_context(|| format!("cannot write the snapshot {}", args.dir.display()))?;
    println!(
        "wrote a snapshot of {} at generation {generation} to {}; serve it with `netakosh --home {} serve --read-only`",
        ctx.home.root().display(),
        args.dir.display(),
        args.dir.display()
    );
    Ok(Outcome::Done)
}
