//! Search: turns what the user typed into a safe tantivy query and returns hits.
//!
//! User text never reaches tantivy's query parser (which rejects `Ranjan's` or
//! `IAS (1978`): it is analysed with the same chains as the index and each word
//! becomes term queries on the name, phonetic and text fields.

mod resolve;
pub use resolve::resolve;

use crate::analysis::{self, Field as AField};
use crate::error::{Error, Result};
use crate::index::{Card, SearchIndex};
use crate::model::{Kind, Names};
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

/// How much a match on a name outweighs a match in running text.
const NAME_BOOST: f32 = 4.0;
/// Cross-script (phonetic) matches rank below exact-script name matches.
const PHONETIC_BOOST: f32 = 2.0;
/// The most characters of a query that are analysed; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 1000;

#[derive(Clone, Debug, Default)]
pub struct SearchOptions {
    pub limit: usize,
    pub kind: Option<Kind>,
}

/// One search result: what a result line needs, read from the index alone.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub kind: Kind,
    pub name: Names,
    #[serde(skip_serializing_if = "Names::is_empty")]
    pub summary: Names,
    pub score: f32,
}

fn term_query(field: tantivy::schema::Field, text: &str, boost: f32) -> Box<dyn Query> {
    let q = TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    );
    Box::new(BoostQuery::new(Box::new(q), boost))
}

/// Builds the query for `text`; `None` when it holds no searchable word.
pub fn build_query(
    index: &SearchIndex,
    text: &str,
    opts: &SearchOptions,
) -> Option<Box<dyn Query>> {
    let text: String = text.chars().take(MAX_QUERY_CHARS).collect();
    let f = &index.fields;
    let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for t in analysis::analyze(&text, AField::Name) {
        should.push((Occur::Should, term_query(f.name, &t.text, NAME_BOOST)));
    }
    for t in analysis::analyze(&text, AField::Phonetic) {
        should.push((
            Occur::Should,
            term_query(f.phonetic, &t.text, PHONETIC_BOOST),
        ));
    }
    for t in analysis::analyze(&text, AField::Text) {
        should.push((Occur::Should, term_query(f.text, &t.text, 1.0)));
    }
    if should.is_empty() {
        return None;
    }
    let mut must: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Must, Box::new(BooleanQuery::new(should)))];
    if let Some(kind) = opts.kind {
        must.push((Occur::Must, term_query(f.kind, kind.as_str(), 0.0)));
    }
    Some(Box::new(BooleanQuery::new(must)))
}

/// Runs a search; an empty result is `Ok(vec![])`, a query with no words is a usage error.
pub fn search(index: &SearchIndex, text: &str, opts: &SearchOptions) -> Result<Vec<Hit>> {
    let query = build_query(index, text, opts).ok_or_else(|| {
        Error::Usage(format!(
            "the query `{}` has no searchable words",
            text.chars().take(80).collect::<String>()
        ))
    })?;
    let searcher = index.index.reader()?.searcher();
    let limit = opts.limit.max(1);
    let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
    let f = &index.fields;
    let mut hits = Vec::with_capacity(top.len());
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text_of = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        let id = text_of(f.id);
        let kind = text_of(f.kind)
            .parse::<Kind>()
            .map_err(|message| Error::Corrupt {
                id: id.clone(),
                message,
            })?;
        let card: Card = serde_json::from_str(&text_of(f.card)).map_err(|e| Error::Corrupt {
            id: id.clone(),
            message: format!("index card: {e}"),
        })?;
        hits.push(Hit {
            id,
            kind,
            name: card.name,
            summary: card.summary,
            score,
        });
    }
    Ok(hits)
}
