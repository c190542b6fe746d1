//! `netakosh analyze`: the tokens the index would store for a text.

use super::{print_json, Outcome};
use crate::cli::{AnalyzeArgs, AnalyzeField};
use anyhow::Result;
use netakosh::analysis::{analyze, Field};
use std::io::Write;

pub fn run(args: AnalyzeArgs) -> Result<Outcome> {
    let text = args.text.join(" ");
    let field = match args.field {
        AnalyzeField::Name => Field::Name,
        AnalyzeField::Text => Field::Text,
        AnalyzeField::Phonetic => Field::Phonetic,
    };
    let tokens = analyze(&text, field);
    if args.json {
        let list: Vec<_> = tokens
            .iter()
            .map(|t| {
                serde_json::json!({
                    "token": t.text,
                    "position": t.position,
                    "from": t.offset_from,
                    "to": t.offset_to,
                    "source": &text[t.offset_from..t.offset_to],
                })
            })
            .collect();
        print_json(&serde_json::json!({ "text": text, "tokens": list }))?;
        return Ok(Outcome::Done);
    }
    let mut out = std::io::stdout().lock();
    for t in &tokens {
        writeln!(
            out,
            "{}\t{}\t{}",
            t.position,
            t.text,
            &text[t.offset_from..t.offset_to]
        )?;
    }
    if tokens.is_empty() {
        eprintln!("netakosh: no tokens");
        return Ok(Outcome::NothingFound);
    }
    Ok(Outcome::Done)
}
