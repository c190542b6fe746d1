//! `netakosh history ID`: every version of a record, newest first, with what changed.

use super::{print_json, Context, Outcome};
use crate::cli::HistoryArgs;
use anyhow::Result;
use netakosh::i18n::{Label as L, Lang};
use netakosh::model::diff::{changes, FieldChange};
use netakosh::store::{Version, Written};
use netakosh::time::format_utc;
use std::io::Write;

pub fn run(ctx: &Context, args: HistoryArgs) -> Result<Outcome> {
    let kb = ctx.open()?;
    let versions = kb.history(&args.id)?;
    let kind = versions[0].record.kind();
    // What each version changed from the one before it (nothing for version 1).
    let diffs: Vec<Vec<FieldChange>> = versions
        .iter()
        .enumerate()
        .map(|(i, v)| match i {
            0 => Vec::new(),
            _ => changes(&versions[i - 1].record, &v.record),
        })
        .collect();
    if args.json {
        let list: Vec<serde_json::Value> = versions
            .iter()
            .zip(&diffs)
            .map(|(v, d)| {
                serde_json::json!({
                    "version": v.version,
                    "current": v.current,
                    "written": v.written,
                    "replaced": v.replaced,
                    "changes": d,
                    "record": v.record,
                })
            })
            .collect();
        print_json(&serde_json::json!({ "id": args.id, "kind": kind, "versions": list }))?;
        return Ok(Outcome::Done);
    }
    let lang = Lang::choose(args.lang, [args.id.as_str()]);
    let mut out = std::io::stdout().lock();
    let n = versions.len();
    writeln!(
        out,
        "{} ({}): {n} {}, {}",
        args.id,
        lang.kind(kind),
        lang.t(if n == 1 { L::Version } else { L::Versions }),
        lang.t(L::NewestFirst)
    )?;
    for (v, d) in versions.iter().zip(&diffs).rev() {
        render(&mut out, v, d, lang)?;
    }
    Ok(Outcome::Done)
}

fn when(w: &Option<Written>, lang: Lang) -> String {
    match w {
        Some(w) => format!("{}  {}", format_utc(w.at), w.by),
        None => lang.t(L::NoTime).into(),
    }
}

fn render(
    out: &mut impl Write,
    v: &Version,
    diff: &[FieldChange],
    lang: Lang,
) -> std::io::Result<()> {
    let tag = if v.current {
        format!(" {}", lang.t(L::CurrentVersion))
    } else {
        String::new()
    };
    writeln!(
        out,
        "{} {}{tag:<10}  {}",
        lang.t(L::Version),
        v.version,
        when(&v.written, lang)
    )?;
    if v.version == 1 {
        writeln!(
            out,
            "    {}",
            serde_json::to_string(&v.record).unwrap_or_default()
        )?;
    }
    for c in diff {
        let show = |x: &Option<serde_json::Value>| match x {
            None => lang.t(L::Nothing).to_string(),
            Some(v) => super::search::clip(&v.to_string(), 70),
        };
        writeln!(
            out,
            "    {}: {} → {}",
            c.field,
            show(&c.before),
            show(&c.after)
        )?;
    }
    Ok(())
}
