//! Search: turns what the user typed into a safe tantivy query and returns hits.
//!
//! User text never reaches tantivy's query parser (which rejects `Ranjan's` or
//! `IAS (1978`): it is analysed with the same chains as the index, and each word
//! becomes term queries on three fields:
//! - `name` (names and aliases, not stemmed): the strongest signal;
//! - `text` (summaries, offices, parties, places, sources; stemmed);
//! - `phonetic` (keys shared by both scripts): a strict key that keeps the vowels
//!   (`मोदी` = `Modi`) and a loose one of consonants only (`Aalok` = `Alok`);
//!
//! plus fuzzy name terms for small typos (one edit from 5 letters, two from 9).
//! The kinds of match are tried in order of trust ([`Tier`]): a looser kind only
//! adds hits when the stricter ones found too few, and ranks below them, so a
//! short word typed in Hindi finds its namesakes before words that merely share
//! its consonants.
//! Filters (`kind`, `party`, `state`, `year`) are exact, required clauses.

mod elections;
mod filters;
pub mod names;
pub mod resolve;
mod seats;
pub use elections::{describe_election, is_bye, ElectionTarget};
pub use filters::{check_filters, parse_kind, parse_year};
pub use filters::{party_key, state_key};
pub use resolve::{resolve, resolve_election, resolve_kind};

use crate::analysis::{self, Field as AField};
use crate::error::{Error, Result};
use crate::index::{Card, SearchIndex};
use crate::model::{Kind, Names};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{TantivyDocument, Term};

/// A match on a name outweighs one in running text.
const NAME_BOOST: f32 = 4.0;
/// Cross-script (phonetic) matches rank below exact-script name matches.
const PHONETIC_BOOST: f32 = 1.5;
/// A typo-tolerant name match counts for less than an exact one.
const FUZZY_BOOST: f32 = 1.0;
/// How much notability can lift a score: a factor of `1 + w·ln(1 + n)`, so the
/// curated record of a chief minister (n ≈ 20) gains about 30 % over a one-row
/// namesake (n ≈ 2, 9 %) — enough to order namesakes, not to lift a partial
/// name above an exact one (which gains far more from BM25).
const NOTABILITY_WEIGHT: f32 = 0.1;
/// Notability reorders the best few times `limit` hits by text score (never
/// reaching deeper), so a search keeps tantivy's pruned top-k collection.
const RERANK_DEPTH: usize = 4;
const RERANK_MIN: usize = 40;
/// The most characters of a query that are analysed; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 1000;
/// The most words of a query that become clauses (each word makes up to four).
const MAX_QUERY_WORDS: usize = 32;
const SNIPPET_CHARS: usize = 160;

#[derive(Clone, Debug)]
pub struct SearchOptions {
    pub limit: usize,
    pub kind: Option<Kind>,
    /// A party's id, name or abbreviation (`SP`, `सपा`, `samajwadi-party`).
    pub party: Option<String>,
    /// A state's name in either script.
    pub state: Option<String>,
    /// Records active in that year (born, served, stood for election…).
    pub year: Option<u16>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            kind: None,
            party: None,
            state: None,
            year: None,
        }
    }
}

impl SearchOptions {
    /// Whether any filter is set (a search may then have no words).
    pub fn has_filter(&self) -> bool {
        self.kind.is_some() || self.party.is_some() || self.state.is_some() || self.year.is_some()
    }
}

/// A fragment of the matching text with the byte ranges of the matched words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges in `text` of the words that matched.
    pub highlights: Vec<(usize, usize)>,
}

/// One search result: what a result line needs, read from the index alone.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub kind: Kind,
    pub name: Names,
    #[serde(skip_serializing_if = "Names::is_empty")]
    pub summary: Names,
    /// A person's other names, from every record, in every script.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// A person's offices, elections and parties at a glance.
    #[serde(skip_serializing_if = "Names::is_empty")]
    pub career: Names,
    /// How many records make up a person.
    #[serde(skip_serializing_if = "is_zero")]
    pub records: u32,
    pub score: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<Snippet>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn term_query(field: tantivy::schema::Field, text: &str, boost: f32) -> Box<dyn Query> {
    let q = TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    );
    Box::new(BoostQuery::new(Box::new(q), boost))
}

/// Edits forgiven in a word of this many characters.
fn typo_distance(word: &str) -> u8 {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// How much a query word is trusted to match a record's word, strictest first. A
/// looser kind only adds hits the stricter kinds did not find, ranked below them:
/// `मोदी` finds every Modi (exact, then cross-script) before Madhu or Mada (same
/// consonants only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// The word in its own script in a name.
    Exact,
    /// The same word in the other script: the strict cross-script key, vowels kept
    /// (`मोदी` = `Modi`, `बनर्जी` = `Banerjee`).
    CrossScript,
    /// The (stemmed) word in running text: a summary, an office, a party. Below the
    /// name tiers, so that the office "Member of Lok Sabha", whose text names its
    /// holders, or a party named after Sharad Pawar never outrank the people named so.
    Text,
    /// A spelling variant: the loose key, consonants only (`Aalok` = `Alok`).
    Variant,
    /// A small typo in the name (one edit from 5 letters, two from 9).
    Typo,
}

impl Tier {
    pub const ALL: [Tier; 5] = [
        Tier::Exact,
        Tier::CrossScript,
        Tier::Text,
        Tier::Variant,
        Tier::Typo,
    ];
}

/// The queries for one search, in the order their hits rank: first the records with
/// every content word of the query (not a stopword or an initial) at each [`Tier`],
/// then those with one word fewer at each tier, and so on; then those with only
/// stopwords or initials. Each query allows its tier and the stricter ones; a tier
/// that adds no clause to the one before is left out. `पूर्व मुख्य सचिव` (former chief
/// secretary) puts the former chief secretary above the office named `मुख्य सचिव`,
/// however strongly the office's name matches two of the three words.
pub struct Queries {
    /// In rank order; the last is the loosest, matching every document any other does.
    pub blocks: Vec<Box<dyn Query>>,
}

impl Queries {
    /// The loosest query: every document any block can match (for counts and snippets).
    pub fn loosest(&self) -> &dyn Query {
        self.blocks
            .last()
            .map(|q| q.as_ref())
            .expect("build_queries always ends with an any-word block")
    }
}

type Clauses = Vec<(Occur, Box<dyn Query>)>;

/// The clauses of each query word (by position) at each tier, and which words are
/// content words rather than stopwords.
struct WordGroups {
    /// position → tier → clauses of that tier alone.
    groups: BTreeMap<usize, BTreeMap<Tier, Clauses>>,
    /// Words that carry meaning: neither stopwords nor initials.
    content: BTreeSet<usize>,
    /// Initials (`P.`, `एस॰`): counted among the words a record matches, but never
    /// enough alone: they match thousands of names.
    initials: BTreeSet<usize>,
}

impl WordGroups {
    /// Whether any word has clauses of `tier`.
    fn has(&self, tier: Tier) -> bool {
        self.groups.values().any(|t| t.contains_key(&tier))
    }

    /// The query of the word at `pos` allowing `tier` and every stricter tier.
    fn word(&self, pos: usize, tier: Tier) -> Box<dyn Query> {
        let clauses: Clauses = self.groups[&pos]
            .range(..=tier)
            .flat_map(|(_, c)| c.iter().map(|(o, q)| (*o, q.box_clone())))
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }
}

/// Per query word, the clauses that match it by tier; and the positions of content words.
fn word_groups(index: &SearchIndex, text: &str) -> WordGroups {
    let text: String = text.chars().take(MAX_QUERY_CHARS).collect();
    let f = &index.fields;
    let mut groups: BTreeMap<usize, BTreeMap<Tier, Clauses>> = BTreeMap::new();
    let mut add = |pos: usize, tier: Tier, q: Box<dyn Query>| {
        if pos < MAX_QUERY_WORDS {
            let clauses = groups.entry(pos).or_default().entry(tier).or_default();
            clauses.push((Occur::Should, q));
        }
    };
    let mut initials = BTreeSet::new();
    for t in analysis::analyze(&text, AField::Name) {
        let dotted = text
            .get(t.offset_to..)
            .is_some_and(|rest| rest.starts_with(['.', '॰']));
        if t.position < MAX_QUERY_WORDS && is_initial(&t.text, dotted) {
            initials.insert(t.position);
        }
        add(
            t.position,
            Tier::Exact,
            term_query(f.name, &t.text, NAME_BOOST),
        );
        let distance = typo_distance(&t.text);
        if distance > 0 {
            let fuzzy = FuzzyTermQuery::new(Term::from_field_text(f.name, &t.text), distance, true);
            let fuzzy = Box::new(BoostQuery::new(Box::new(fuzzy), FUZZY_BOOST));
            add(t.position, Tier::Typo, fuzzy);
        }
    }
    for t in analysis::analyze(&text, AField::Phonetic) {
        let tier = if analysis::is_strict_key(&t.text) {
            Tier::CrossScript
        } else {
            Tier::Variant
        };
        add(
            t.position,
            tier,
            term_query(f.phonetic, &t.text, PHONETIC_BOOST),
        );
    }
    let mut content = BTreeSet::new();
    for t in analysis::analyze(&text, AField::Text) {
        if t.position < MAX_QUERY_WORDS && !initials.contains(&t.position) {
            content.insert(t.position);
        }
        add(t.position, Tier::Text, term_query(f.text, &t.text, 1.0));
    }
    WordGroups {
        groups,
        content,
        initials,
    }
}

/// Whether a name term is an initial: one Latin letter, or a Devanagari letter's name
/// of at most two characters followed by a dot (`एस॰`, `पी.`; `के॰` is K, `के` a
/// postposition).
fn is_initial(term: &str, dotted: bool) -> bool {
    let n = term.chars().count();
    if analysis::is_devanagari(term) {
        dotted && n <= 2
    } else {
        n == 1 && term.chars().all(char::is_alphabetic)
    }
}

/// How many content words the blocks of a query of `n` require, most first: every
/// count for a short query, a few steps for a long one (a pasted sentence), so that a
/// search runs a bounded number of queries.
fn coordination_levels(n: usize) -> Vec<usize> {
    if n <= 4 {
        return (1..=n).rev().collect();
    }
    let mut levels = vec![n, n - 1, n.div_ceil(2), 1];
    levels.dedup();
    levels
}

/// The exact, non-scoring clauses for the filters of `opts`.
fn filter_clauses(index: &SearchIndex, opts: &SearchOptions) -> Vec<Box<dyn Query>> {
    let f = &index.fields;
    let mut out: Vec<Box<dyn Query>> = Vec::new();
    let mut exact = |term: Term| {
        let q = TermQuery::new(term, IndexRecordOption::Basic);
        out.push(Box::new(BoostQuery::new(Box::new(q), 0.0)));
    };
    if let Some(kind) = opts.kind {
        exact(Term::from_field_text(f.kind, kind.as_str()));
    }
    if let Some(p) = &opts.party {
        exact(Term::from_field_text(f.party, &filters::party_key(p)));
    }
    if let Some(s) = &opts.state {
        exact(Term::from_field_text(f.state, &filters::state_key(s)));
    }
    if let Some(y) = opts.year {
        exact(Term::from_field_u64(f.year, u64::from(y)));
    }
    out
}

fn with_filters(query: Box<dyn Query>, filters: &[Box<dyn Query>]) -> Box<dyn Query> {
    if filters.is_empty() {
        return query;
    }
    let mut must = vec![(Occur::Must, query)];
    must.extend(filters.iter().map(|f| (Occur::Must, f.box_clone())));
    Box::new(BooleanQuery::new(must))
}

/// Builds the queries for `text` with the filters of `opts`; `None` when there is
/// nothing to search for (no word and no filter).
pub fn build_queries(index: &SearchIndex, text: &str, opts: &SearchOptions) -> Option<Queries> {
    let words = word_groups(index, text);
    let filters = filter_clauses(index, opts);
    if words.groups.is_empty() {
        if !text.trim().is_empty() || filters.is_empty() {
            return None;
        }
        let all = with_filters(Box::new(AllQuery), &filters);
        return Some(Queries { blocks: vec![all] });
    }
    // A tier no word has adds nothing to the tier before (the first always stays).
    let tiers: Vec<Tier> = Tier::ALL
        .into_iter()
        .filter(|t| *t == Tier::Exact || words.has(*t))
        .collect();
    let mut blocks = Vec::new();
    let any = |tier: Tier| -> Box<dyn Query> {
        let clauses: Clauses = words
            .groups
            .keys()
            .map(|&p| (Occur::Should, words.word(p, tier)))
            .collect();
        with_filters(Box::new(BooleanQuery::new(clauses)), &filters)
    };
    // The words a record is ranked by how many it holds; initials count only beside a
    // content word (`P. R. Senthilnathan`: the anchor), or when there is nothing else
    // (`P. R.`).
    let named: Vec<usize> = words.content.union(&words.initials).copied().collect();
    let anchor: Vec<usize> = if words.initials.is_empty() {
        Vec::new()
    } else {
        words.content.iter().copied().collect()
    };
    if named.is_empty() {
        // Only stopwords (`the`, `के`): any of them, tier by tier.
        blocks.extend(tiers.iter().map(|&tier| any(tier)));
        return Some(Queries { blocks });
    }
    let stopwords = words.groups.len() > named.len();
    // More of the query's words outweigh a stricter match of fewer: `Hansraj Gangaram
    // Ahir` ranks हंसराज गंगाराम अहीर (three words, in the other script) above a `Hansraj`
    // (one word, exactly); `P. C. Mohan` ranks पी॰सी॰ मोहन above a `Mohan`. Stopwords
    // take no part (`के` would favour long Hindi texts).
    let of = |list: &[usize], tier: Tier| -> Clauses {
        list.iter()
            .map(|&p| (Occur::Should, words.word(p, tier)))
            .collect()
    };
    for m in coordination_levels(named.len()) {
        for &tier in &tiers {
            let required = BooleanQuery::with_minimum_required_clauses(of(&named, tier), m);
            let mut clauses: Clauses = vec![(Occur::Must, Box::new(required))];
            if !anchor.is_empty() {
                clauses.push((Occur::Must, Box::new(BooleanQuery::new(of(&anchor, tier)))));
            }
            blocks.push(with_filters(Box::new(BooleanQuery::new(clauses)), &filters));
        }
    }
    // Records that hold only the query's stopwords or initials come last.
    if stopwords || !anchor.is_empty() {
        let loosest = *tiers.last().expect("the exact tier is always there");
        blocks.push(any(loosest));
    }
    Some(Queries { blocks })
}

/// The ids of the documents the filters of `opts` select (no words; at most
/// `opts.limit`, in index order): the elections of a year, for a natural name.
pub(crate) fn ids_matching(index: &SearchIndex, opts: &SearchOptions) -> Result<Vec<String>> {
    let query = with_filters(Box::new(AllQuery), &filter_clauses(index, opts));
    let searcher = index.searcher()?;
    let found = searcher.search(
        &query,
        &TopDocs::with_limit(opts.limit.max(1)).order_by_score(),
    )?;
    let mut ids = Vec::with_capacity(found.len());
    for (_, address) in found {
        let doc: TantivyDocument = searcher.doc(address)?;
        if let Some(id) = doc.get_first(index.fields.id).and_then(|v| v.as_str()) {
            ids.push(id.to_string());
        }
    }
    Ok(ids)
}

/// A page of hits and how many documents matched in all.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Page {
    pub hits: Vec<Hit>,
    /// Every document the query matches: more than `hits.len()` when the list was cut.
    pub total: usize,
}

/// [`search`], and how many documents matched in all when the hits fill the
/// limit (counted only then: a count visits every match).
pub fn search_page(index: &SearchIndex, text: &str, opts: &SearchOptions) -> Result<Page> {
    let hits = search(index, text, opts)?;
    let mut total = hits.len();
    if hits.len() >= opts.limit.max(1) {
        if let Some(q) = build_queries(index, text, opts) {
            let searcher = index.searcher()?;
            total = total.max(searcher.search(q.loosest(), &tantivy::collector::Count)?);
        }
    }
    Ok(Page { hits, total })
}

/// Runs a search; an empty result is `Ok(vec![])`, a query with no words is a usage error.
pub fn search(index: &SearchIndex, text: &str, opts: &SearchOptions) -> Result<Vec<Hit>> {
    check_filters(index, opts)?;
    let queries = build_queries(index, text, opts).ok_or_else(|| {
        Error::Usage(format!(
            "the query `{}` has no searchable words",
            text.chars().take(80).collect::<String>()
        ))
    })?;
    let searcher = index.searcher()?;
    let limit = opts.limit.max(1);
    let depth = (limit * RERANK_DEPTH).max(RERANK_MIN);
    let top = |q: &dyn Query, n: usize| -> Result<Vec<(f32, tantivy::DocAddress)>> {
        let found = searcher.search(q, &TopDocs::with_limit(n).order_by_score())?;
        boost_by_notability(index, &searcher, found)
    };
    // Block by block, strictest first, until the page is full: when enough records
    // match strictly, the looser queries (the typo one, most of a search's time at a
    // million records) never run.
    let mut blocks: Vec<Vec<(f32, tantivy::DocAddress)>> = Vec::new();
    let mut seen: BTreeSet<tantivy::DocAddress> = BTreeSet::new();
    for query in &queries.blocks {
        if seen.len() >= limit {
            break;
        }
        let mut block = Vec::new();
        for (s, a) in top(query.as_ref(), depth.max(limit + seen.len()))? {
            if seen.len() >= limit {
                break;
            }
            if seen.insert(a) {
                block.push((s, a));
            }
        }
        blocks.push(block);
    }
    // Each block's scores are lifted above every later block's, so that `score`
    // keeps describing the order.
    let mut floor = 0.0f32;
    for block in blocks.iter_mut().rev() {
        let mut top_here = floor;
        for (s, _) in block.iter_mut() {
            *s += floor;
            top_here = top_here.max(*s);
        }
        floor = top_here;
    }
    let ranked: Vec<(f32, tantivy::DocAddress)> = blocks.into_iter().flatten().collect();

    let f = &index.fields;
    let mut snippets = SnippetGenerator::create(&searcher, queries.loosest(), f.text)?;
    snippets.set_max_num_chars(SNIPPET_CHARS);
    let mut hits = Vec::with_capacity(ranked.len());
    for (score, address) in ranked {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text_of = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        let id = text_of(f.id);
        let corrupt = |message: String| Error::Corrupt {
            id: id.clone(),
            message,
        };
        let kind = text_of(f.kind).parse::<Kind>().map_err(corrupt)?;
        let card: Card = serde_json::from_str(&text_of(f.card))
            .map_err(|e| corrupt(format!("index card: {e}")))?;
        let body: Vec<&str> = doc.get_all(f.text).filter_map(|v| v.as_str()).collect();
        let snippet = snippets.snippet(&body.join(" · "));
        let snippet = (!snippet.highlighted().is_empty()).then(|| Snippet {
            text: snippet.fragment().to_string(),
            highlights: snippet
                .highlighted()
                .iter()
                .map(|r| (r.start, r.end))
                .collect(),
        });
        hits.push(Hit {
            id,
            kind,
            name: card.name,
            summary: card.summary,
            also: card.also,
            career: card.career,
            records: card.records,
            score,
            snippet,
        });
    }
    Ok(hits)
}

/// Multiplies each text score by the document's notability factor (see
/// [`NOTABILITY_WEIGHT`]) and re-sorts, best first.
fn boost_by_notability(
    index: &SearchIndex,
    searcher: &tantivy::Searcher,
    found: Vec<(f32, tantivy::DocAddress)>,
) -> Result<Vec<(f32, tantivy::DocAddress)>> {
    let name = index
        .index
        .schema()
        .get_field_name(index.fields.notability)
        .to_string();
    let mut columns = BTreeMap::new();
    let mut out = Vec::with_capacity(found.len());
    for (score, address) in found {
        let column = match columns.entry(address.segment_ord) {
            std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::btree_map::Entry::Vacant(e) => e.insert(
                searcher
                    .segment_reader(address.segment_ord)
                    .fast_fields()
                    .u64(&name)?,
            ),
        };
        let n = column.first(address.doc_id).unwrap_or(0);
        out.push((score * notability_factor(n), address));
    }
    out.sort_by(|a, b| b.0.total_cmp(&a.0));
    Ok(out)
}

fn notability_factor(n: u64) -> f32 {
    1.0 + NOTABILITY_WEIGHT * (1.0 + n as f32).ln()
}
