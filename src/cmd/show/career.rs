//! A person's career as text: the heading of the whole person, the election
//! timeline, parties, the affidavit trend and the records section; and the list
//! of namesakes when a name matches several people.

use super::{money, names_line};
use anyhow::Result;
use netakosh::i18n::{Label as L, Lang};
use netakosh::model::Outcome as Result_;
use netakosh::profile::{Career, Namesake, Profile};
use std::io::Write;

/// The person's name in every script, its person id, and its other names.
pub fn head(p: &Profile, c: &Career, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let asked = if p.id != c.person {
        format!(", {} {}", lang.t(L::Record), p.id)
    } else {
        String::new()
    };
    writeln!(
        out,
        "{}  [{} {}{asked}]",
        names_line(&c.name, lang),
        lang.t(L::KindPerson),
        c.person
    )?;
    if !c.also.is_empty() {
        writeln!(out, "{}: {}", lang.t(L::Also), c.also.join(", "))?;
    }
    for (scheme, values) in &c.identifiers {
        let values: Vec<&str> = values.iter().map(String::as_str).collect();
        writeln!(out, "{scheme}: {}", values.join(", "))?;
    }
    Ok(())
}

/// Elections, parties, affidavits and records.
pub fn sections(c: &Career, lang: Lang, out: &mut dyn Write) -> Result<()> {
    if !c.elections.is_empty() {
        writeln!(out, "\n{}", lang.t(L::Elections))?;
        for e in &c.elections {
            let mut parts = vec![names_line(e.house.as_ref().unwrap_or(&e.name), lang)];
            if let Some(seat) = &e.constituency {
                parts.push(names_line(seat, lang));
            }
            parts.extend(e.party_label.clone());
            if let Some(v) = e.votes {
                parts.push(format!("{v} {}", lang.votes_unit(e.votes_unit)));
            }
            match e.result {
                Some(Result_::Won) => parts.push(lang.t(L::Won).into()),
                Some(Result_::Lost) => parts.push(lang.t(L::Lost).into()),
                None => {}
            }
            if let Some(s) = e.share {
                parts.push(format!("{s:.2}%"));
            }
            if let Some(rank) = e.position {
                parts.push(format!("{} {rank}", lang.t(L::Rank)));
            }
            if let Some(m) = e.margin {
                parts.push(format!("{} {m}", lang.t(L::Margin)));
            }
            let date = e.date.map(|d| lang.date(&d)).unwrap_or_default();
            writeln!(out, "  {date:<11} {}", parts.join(" · "))?;
            if !e.note.is_empty() {
                writeln!(out, "              {}", e.note.best(lang.code()))?;
            }
        }
    }
    if !c.parties.is_empty() {
        writeln!(out, "\n{}", lang.t(L::Parties))?;
        let (dated, undated): (Vec<_>, Vec<_>) = c.parties.iter().partition(|s| s.from.is_some());
        let spans: Vec<String> = dated
            .iter()
            .map(|s| match (s.from, s.to) {
                (Some(a), Some(b)) if a != b => format!("{} {a}–{b}", s.label),
                (Some(a), _) => format!("{} {a}", s.label),
                _ => s.label.clone(),
            })
            .collect();
        if !spans.is_empty() {
            writeln!(out, "  {}", spans.join(" → "))?;
        }
        if !undated.is_empty() {
            let labels: Vec<&str> = undated.iter().map(|s| s.label.as_str()).collect();
            writeln!(out, "  {}: {}", lang.t(L::Undated), labels.join(", "))?;
        }
    }
    if !c.affidavits.is_empty() {
        writeln!(out, "\n{}", lang.t(L::Affidavits))?;
        for a in &c.affidavits {
            let mut parts = Vec::new();
            parts.extend(money(lang, a.assets, a.liabilities));
            if let Some(n) = a.criminal_cases {
                parts.push(format!("{n} {}", lang.t(L::CriminalCases)));
            }
            if let Some(e) = &a.education {
                parts.push(e.clone());
            }
            if let Some(age) = a.age {
                parts.push(format!("{} {age}", lang.t(L::Age)));
            }
            let year = a.year.map(|y| y.to_string()).unwrap_or_default();
            writeln!(out, "  {year:<6} {}", parts.join(" · "))?;
        }
    }
    writeln!(out, "\n{}", lang.t(L::Records))?;
    for (i, r) in c.records.iter().enumerate() {
        let dataset = r
            .dataset
            .as_deref()
            .map(|d| format!(" — {}", super::super::search::clip(d, 60)))
            .unwrap_or_default();
        writeln!(out, "  [{}] {}{dataset}", r.id, names_line(&r.name, lang))?;
        let with = r
            .linked_to
            .as_deref()
            .map(|w| format!("{} {w}: ", lang.t(L::LinkedTo)))
            .unwrap_or_default();
        // The first record is the person id (see `profile::career`).
        let how = match lang {
            Lang::En => r.how.clone(),
            _ => netakosh::profile::career::how(r.via.as_ref(), i == 0, lang),
        };
        writeln!(out, "      {with}{how}")?;
    }
    Ok(())
}

/// The people a name matches, one block each, with what tells them apart.
pub fn namesakes(list: &[Namesake], lang: Lang, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "{} {}:", list.len(), lang.t(L::PeopleBearName))?;
    for n in list {
        let mut facts = Vec::new();
        if let Some((a, b)) = n.years {
            facts.push(if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            });
        }
        if !n.parties.is_empty() {
            facts.push(n.parties.join(", "));
        }
        facts.push(if n.records == 1 {
            lang.t(L::RecordOne).to_string()
        } else {
            format!("{} {}", n.records, lang.t(L::RecordsCount))
        });
        writeln!(
            out,
            "  {}  [{}]  {}",
            names_line(&n.name, lang),
            n.id,
            facts.join(" · ")
        )?;
        for o in n.offices.iter().take(3) {
            writeln!(out, "      {}", names_line(o, lang))?;
        }
        if !n.seats.is_empty() {
            let more = n.seats.len().saturating_sub(5);
            let mut seats = n
                .seats
                .iter()
                .take(5)
                .cloned()
                .collect::<Vec<_>>()
                .join("; ");
            if more > 0 {
                seats.push_str(&format!("; +{more}"));
            }
            writeln!(out, "      {seats}")?;
        }
    }
    Ok(())
}
