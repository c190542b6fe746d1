//! `netakosh office`: who held an office, or who held it on a date.

use super::{print_json, Context, Outcome};
use crate::cli::OfficeArgs;
use anyhow::Result;
use netakosh::i18n::{Label as L, Lang};
use netakosh::model::Kind;
use netakosh::profile::{AsOf, Holders, TenureLine};
use netakosh::search::resolve_kind;
use std::io::Write;

pub fn run(ctx: &Context, args: OfficeArgs) -> Result<Outcome> {
    let target = args.target.join(" ");
    let at = args.at;
    let lang = Lang::choose(args.lang, [target.as_str()]);
    let kb = ctx.read()?;
    let id = resolve_kind(&*kb.records, &kb.index, &target, Some(Kind::Office))?;
    let h = Holders::load(&*kb.records, &id, at)?;
    let ends = h.ends();
    let Holders {
        profile,
        at,
        unknown,
    } = &h;
    if args.json {
        print_json(&h.to_json())?;
    } else {
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "{}  [{} {}]",
            profile.record.name().both_for(lang.code()),
            lang.t(L::KindOffice),
            profile.id
        )?;
        if let Some(d) = &at {
            let on = match lang {
                Lang::En => format!("held on {d} by:"),
                Lang::Hi => format!("{} को इस पद पर:", lang.date(d)),
            };
            if profile.tenures.is_empty() && !unknown.is_empty() {
                writeln!(out, "{on} {}", lang.t(L::NotKnown))?;
            } else {
                writeln!(out, "{on}")?;
            }
        }
        for t in &profile.tenures {
            holder(&mut out, t, None, lang)?;
        }
        if let Some(d) = &at {
            for k in &ends {
                writeln!(out, "{}", lang.knowledge_ends_before(k, d))?;
            }
            if !unknown.is_empty() {
                writeln!(out, "{}", lang.t(L::LastKnown))?;
            }
        }
        for (t, k) in unknown {
            holder(&mut out, t, Some(k), lang)?;
        }
    }
    if !unknown.is_empty() && profile.tenures.is_empty() {
        // The answer is that the knowledge base does not know, said above.
        return Ok(Outcome::Done);
    }
    if profile.tenures.is_empty() {
        if !args.json {
            match &at {
                Some(d) => match lang {
                    Lang::En => {
                        eprintln!("netakosh: nobody in the knowledge base held `{id}` on {d}")
                    }
                    Lang::Hi => eprintln!(
                        "netakosh: ज्ञानकोश में {} को `{id}` पर कोई नहीं था",
                        lang.date(d)
                    ),
                },
                None => eprintln!("netakosh: nobody in the knowledge base has held `{id}`"),
            }
        }
        return Ok(Outcome::NothingFound);
    }
    Ok(Outcome::Done)
}

/// One holder line: the tenure's dates, the holder, and how far its source knew.
fn holder(out: &mut dyn Write, t: &TenureLine, as_of: Option<&AsOf>, lang: Lang) -> Result<()> {
    let start = t
        .tenure
        .start
        .map(|d| lang.date(&d))
        .unwrap_or_else(|| "?".into());
    let end = t.tenure.end.map(|d| lang.date(&d)).unwrap_or_default();
    let known = as_of
        .or(t.as_of.as_ref())
        .map(|k| lang.as_of(k))
        .unwrap_or_default();
    let (start_w, end_w) = match lang {
        Lang::En => (10, 10),
        Lang::Hi => (16, 16),
    };
    writeln!(
        out,
        "  {start:>start_w$} – {end:<end_w$}  {}  [{}]{known}",
        t.name.both_for(lang.code()),
        t.tenure.person
    )?;
    Ok(())
}
