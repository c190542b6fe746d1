//! The command line's shape (clap derive). Only the binary sees these types.

use clap::{Args, Parser, Subcommand};
use netakosh::i18n::Lang;
use netakosh::model::PartialDate;
use netakosh::numerals;
use std::path::PathBuf;

// Value parsers: numbers and dates in either script's digits (`--year २०१४`,
// `--at २०२०-०१-०१`), each bad value a one-line error naming what was typed.

fn lang(text: &str) -> Result<Lang, String> {
    text.parse().map_err(|e: netakosh::Error| e.to_string())
}

fn count(text: &str) -> Result<usize, String> {
    numerals::parse(text, "a count (a whole number, 0 or more)").map_err(|e| e.to_string())
}

fn whole(text: &str) -> Result<u32, String> {
    numerals::parse(text, "a whole number, 0 or more").map_err(|e| e.to_string())
}

fn year(text: &str) -> Result<u16, String> {
    numerals::parse(text, "a year").map_err(|e| e.to_string())
}

fn decimal(text: &str) -> Result<f64, String> {
    numerals::parse::<f64>(text, "a number")
        .map_err(|e| e.to_string())
        .and_then(|n| {
            if n.is_finite() {
                Ok(n)
            } else {
                Err(format!("`{text}` is not a number"))
            }
        })
}

fn date(text: &str) -> Result<PartialDate, String> {
    numerals::ascii_digits(text).parse()
}

fn range(text: &str) -> Result<netakosh::candidates::Range, String> {
    numerals::ascii_digits(text).parse()
}

/// नेताकोश — search and keep politician profiles, in Hindi and English.
#[derive(Debug, Parser)]
#[command(name = "netakosh", version, about, long_about = None)]
pub struct Cli {
    /// The knowledge-base home (holds store/ and index/).
    /// Default: $XDG_DATA_HOME/netakosh or ~/.local/share/netakosh.
    #[arg(long, global = true, env = "NETAKOSH_HOME", value_name = "DIR")]
    pub home: Option<PathBuf>,

    /// Do not fill a new, empty store with the bundled seed dataset.
    /// `NETAKOSH_NO_SEED` takes 1/0, true/false, yes/no or on/off.
    #[arg(
        long,
        global = true,
        env = "NETAKOSH_NO_SEED",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    pub no_seed: bool,

    /// Write straight to the terminal. Otherwise the output of search, show, election,
    /// seat, candidates, office, history and duplicates goes through `$PAGER` (unset:
    /// `less -FRX`; empty or `cat`: none) when standard output is a terminal.
    #[arg(long, global = true)]
    pub no_pager: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Search people, parties, offices, elections and sources, in Hindi or English.
    Search(SearchArgs),
    /// Show a whole profile: names, services, offices, memberships, elections, sources.
    Show(ShowArgs),
    /// The result table of an election: candidates, parties, votes, shares, results.
    Election(ElectionArgs),
    /// A seat's history: every election, winner, runner-up, margin, the datasets cited.
    Seat(SeatArgs),
    /// Candidacies matching filters, one row per candidacy (person, party, seat,
    /// votes, affidavit); sorted, counted or grouped.
    Candidates(CandidatesArgs),
    /// Who held an office, or who held it on a date (`--at 2015-01-01`).
    Office(OfficeArgs),
    /// The review queue: undecided pairs of people a NAME finds (either script), best
    /// first, with the evidence for and against; without NAME, likely pairs store-wide.
    Duplicates(DuplicatesArgs),
    /// Record that two person records are one person (your decision: no linker
    /// overrides it; the records are not changed).
    Same(SameArgs),
    /// Record that two person records are different people, linked directly, through
    /// others or not at all (your decision: no linker overrides it).
    Different(MergeArgs),
    /// Take a person record out of its person: recorded as `different` from each of
    /// the person's other records.
    Split(SplitArgs),
    /// Record that two person records are the same person (`same --force`).
    Merge(MergeArgs),
    /// Record that two merged person records are not the same person (reverses `merge`;
    /// both decisions are kept).
    Unmerge(MergeArgs),
    /// Link person records that share an identifier (TCPD pid, Wikidata…) as one
    /// person; a person's own `unmerge` is never overridden.
    Resolve(ResolveArgs),
    /// Validate records and import them all-or-nothing (JSON Lines or a JSON array).
    Import(ImportArgs),
    /// Write every record as JSON Lines (to FILE, or to standard output).
    Export(ExportArgs),
    /// Count the records in the store and describe the index.
    Stats(JsonArg),
    /// Rebuild the search index from the store.
    Reindex,
    /// Print a shell completion script: `source <(netakosh completions bash)`, or
    /// write it where your shell looks (zsh: a `_netakosh` file on `$fpath`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `netakosh man | man -l -`, or save it as
    /// `netakosh.1` on your `MANPATH`.
    Man,
    /// Every version of a record: what changed, when, and by which import.
    History(HistoryArgs),
    /// Restore an earlier version of a record; the restored copy is a new version.
    Revert(RevertArgs),
    /// Verify the store's invariants and that the index agrees with the store.
    Check(CheckArgs),
    /// Print the tokens the index stores for TEXT (to see why something matches).
    Analyze(AnalyzeArgs),
    /// Serve a JSON API and bilingual web pages over this home, read-only
    /// (localhost by default; keeps answering while an import runs).
    Serve(ServeArgs),
    /// Write a consistent copy of the index and its replica of the store, at one
    /// generation, to a new DIR, for `serve --read-only` (safe while an import runs).
    Snapshot(SnapshotArgs),
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum AnalyzeField {
    /// Names: normalised, not stemmed, with joined word pairs.
    Name,
    /// Running text: normalised, stopwords removed, stemmed.
    Text,
    /// The cross-script phonetic keys of names.
    Phonetic,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub field: AnalyzeField,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for, in any script: `Alok Ranjan`, `आलोक रंजन`, `मुख्य सचिव`;
    /// `-` reads the query from standard input. May be left out when a filter is given.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Only records of this kind (person, organization, office, election, seat, source).
    #[arg(long)]
    pub kind: Option<String>,
    /// Only records linked to this party: its id, name or abbreviation (SP, सपा, BJP).
    #[arg(long)]
    pub party: Option<String>,
    /// Only records linked to this state through any of their facts (a seat, an
    /// office, a cadre), named in either script or abbreviated (UP, यूपी, J&K).
    #[arg(long)]
    pub state: Option<String>,
    /// Only records active in this year (born, in office, in an election…), in
    /// either script's digits: 2019 or २०१९.
    #[arg(long)]
    pub year: Option<String>,
    /// At most this many results.
    #[arg(long, short = 'n', default_value_t = 10, value_parser = count)]
    pub limit: usize,
    /// Machine-readable output (see the README for the shape).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// An id (`alok-ranjan`) or a name in either script (`आलोक रंजन`).
    #[arg(required = true, value_name = "ID-OR-NAME")]
    pub target: Vec<String>,
    /// Language of headings and summaries; default: the script the name is typed in.
    #[arg(long, value_parser = lang, value_name = "hi|en")]
    pub lang: Option<Lang>,
    #[arg(long)]
    pub json: bool,
    /// An election or organization: list every candidacy and member instead of a
    /// summary (counts, the party tally, the top rows).
    #[arg(long)]
    pub full: bool,
}

#[derive(Debug, Args)]
pub struct DuplicatesArgs {
    /// Only people this name finds, in either script (`Narendra Modi`, `नरेंद्र मोदी`).
    #[arg(value_name = "NAME")]
    pub name: Vec<String>,
    /// Without NAME: only pairs scoring at least this (0 to about 2; evidence adds up).
    #[arg(long, default_value_t = 0.6, value_parser = decimal)]
    pub min_score: f64,
    /// With NAME: only pairs whose match weight is at least this many bits (0: as
    /// likely one person as not; pairs at the linker's threshold are linked anyway).
    #[arg(
        long,
        default_value_t = -10.0,
        allow_negative_numbers = true,
        value_name = "BITS",
        value_parser = decimal
    )]
    pub min_weight: f64,
    /// At most this many pairs.
    #[arg(long, short = 'n', default_value_t = 50, value_parser = count)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// One person record: its id, or a name that one person bears.
    pub a: String,
    /// The other person record: its id, or a name that one person bears.
    pub b: String,
    /// Why: kept with the decision (`show --json` lists it under `identity`).
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub why: String,
}

#[derive(Debug, Args)]
pub struct SplitArgs {
    /// The id of the person record to take out.
    pub id: String,
    /// Why: kept with each decision.
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub why: String,
}

#[derive(Debug, Args)]
pub struct SameArgs {
    #[command(flatten)]
    pub pair: MergeArgs,
    /// Link them even though a person decided (`different`) that they, or records of
    /// their people, are different people; those decisions are reversed in the log.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// Report what would be linked, but write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ElectionArgs {
    /// An election's id or name (`rajya-sabha-2024-uttar-pradesh`, `राज्यसभा चुनाव 2024`,
    /// `UP Vidhan Sabha 2022`), or a seat and a year (`Amethi 2019`).
    #[arg(required = true, value_name = "ID-OR-NAME")]
    pub target: Vec<String>,
    /// Only constituencies whose name contains this (either script).
    #[arg(long)]
    pub constituency: Option<String>,
    #[arg(long)]
    pub json: bool,
    /// Language of headings, labels and table headers (hi or en); default: Hindi
    /// when anything is typed in Devanagari, else English. JSON keys stay English.
    #[arg(long, value_parser = lang, value_name = "hi|en")]
    pub lang: Option<Lang>,
}

#[derive(Debug, Args)]
pub struct SeatArgs {
    /// A constituency's name, in any spelling the data uses (`Rae Bareli`, `RAEBARELI (SC)`).
    #[arg(required = true, value_name = "NAME")]
    pub target: Vec<String>,
    #[arg(long)]
    pub json: bool,
    /// Language of headings, labels and table headers (hi or en); default: Hindi
    /// when anything is typed in Devanagari, else English. JSON keys stay English.
    #[arg(long, value_parser = lang, value_name = "hi|en")]
    pub lang: Option<Lang>,
}

#[derive(Debug, Args)]
pub struct CandidatesArgs {
    /// An election's id or name (`lok-sabha-2019`, `UP Vidhan Sabha 2022`, `Amethi 2019`).
    #[arg(long, value_name = "ID-OR-NAME")]
    pub election: Option<String>,
    /// With --election: also the bye-elections held during its term (ADR's files list
    /// them under the general election's year).
    #[arg(long, requires = "election")]
    pub bye_elections: bool,
    /// A state's name or abbreviation (`UP`, `Kerala`, `केरल`).
    #[arg(long)]
    pub state: Option<String>,
    /// A constituency's name in any spelling (`Wayanad`, `RAEBARELI (SC)`).
    #[arg(long)]
    pub seat: Option<String>,
    /// A party's id, name or any alias (`BJP`, `samajwadi-party`, `सपा`).
    #[arg(long)]
    pub party: Option<String>,
    /// A dataset: its source id or a word of it (`adr`, `tcpd-lokdhaba`).
    #[arg(long)]
    pub source: Option<String>,
    /// A person's id or name; every record of the person.
    #[arg(long)]
    pub person: Option<String>,
    /// The election's year, in either script's digits (2014, २०१४).
    #[arg(long, value_parser = year)]
    pub year: Option<u16>,
    /// A house (`Lok Sabha`, `Vidhan Sabha`).
    #[arg(long)]
    pub house: Option<String>,
    #[arg(long, conflicts_with = "lost")]
    pub won: bool,
    #[arg(long)]
    pub lost: bool,
    #[arg(long, value_enum)]
    pub sex: Option<Sex>,
    /// Age at the election, MIN-MAX (`30-45`, `70-`).
    #[arg(long, value_name = "MIN-MAX", allow_hyphen_values = true, value_parser = range)]
    pub age: Option<netakosh::candidates::Range>,
    /// Words of the declared education (`graduate`, `10th`).
    #[arg(long)]
    pub education: Option<String>,
    /// At least N declared criminal cases.
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = whole)]
    pub min_cases: Option<u32>,
    /// Declared assets in rupees, MIN-MAX.
    #[arg(long, value_name = "MIN-MAX", allow_hyphen_values = true, value_parser = range)]
    pub assets: Option<netakosh::candidates::Range>,
    /// Declared liabilities in rupees, MIN-MAX.
    #[arg(long, value_name = "MIN-MAX", allow_hyphen_values = true, value_parser = range)]
    pub liabilities: Option<netakosh::candidates::Range>,
    /// assets|cases|votes|share|margin|age, descending; `:asc` for ascending.
    #[arg(long, value_name = "KEY[:asc]")]
    pub sort: Option<netakosh::candidates::Sort>,
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = count)]
    pub limit: Option<usize>,
    /// Print counts and sums instead of rows.
    #[arg(long, conflicts_with = "group_by")]
    pub count: bool,
    /// Print counts and sums per group instead of rows.
    #[arg(long, value_enum)]
    pub group_by: Option<GroupBy>,
    #[arg(long, conflicts_with_all = ["csv", "tsv"])]
    pub json: bool,
    #[arg(long, conflicts_with = "tsv")]
    pub csv: bool,
    #[arg(long)]
    pub tsv: bool,
    /// Language of headings, labels and table headers (hi or en); default: Hindi
    /// when anything is typed in Devanagari, else English. JSON keys stay English.
    #[arg(long, value_parser = lang, value_name = "hi|en")]
    pub lang: Option<Lang>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Sex {
    Female,
    Male,
    Other,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum GroupBy {
    Party,
    State,
    Year,
    Education,
    Sex,
}

#[derive(Debug, Args)]
pub struct OfficeArgs {
    /// An office's id or name (`chief-secretary-uttar-pradesh`, `मुख्य सचिव`).
    #[arg(required = true, value_name = "ID-OR-NAME")]
    pub target: Vec<String>,
    /// Only who held it on this date (YYYY, YYYY-MM or YYYY-MM-DD), in either
    /// script's digits (2020-01-01, २०२०-०१-०१).
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub at: Option<PartialDate>,
    #[arg(long)]
    pub json: bool,
    /// Language of headings, labels and table headers (hi or en); default: Hindi
    /// when anything is typed in Devanagari, else English. JSON keys stay English.
    #[arg(long, value_parser = lang, value_name = "hi|en")]
    pub lang: Option<Lang>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files of records: JSON Lines (one record per line) or a JSON array.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Validate and report what would change, but write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Do not link the imported people to the others (`resolve` does it later).
    #[arg(long)]
    pub no_resolve: bool,
    /// The files' format (see the README); detected from each file when absent.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Import every recognised file under each directory given (e.g. all of a data
    /// folder in one all-or-nothing import); unrecognised files are listed and skipped.
    #[arg(long, short = 'r')]
    pub recursive: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Where to write; standard output when absent or `-`.
    pub file: Option<PathBuf>,
    /// `jsonl` (every record, re-imports losslessly), `popolo` (Popolo JSON) or
    /// `crosswalk` (one JSON line per person: its names, identifiers and records) or
    /// `sqlite` (a database for Datasette or sqlite3, with `metadata.json` beside it;
    /// needs FILE).
    #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "popolo", "crosswalk", "sqlite"])]
    pub format: String,
}

#[derive(Debug, Args)]
pub struct JsonArg {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The record's id.
    #[arg(value_name = "ID")]
    pub id: String,
    #[arg(long)]
    pub json: bool,
    /// Language of headings, labels and table headers (hi or en); default: Hindi
    /// when anything is typed in Devanagari, else English. JSON keys stay English.
    #[arg(long, value_parser = lang, value_name = "hi|en")]
    pub lang: Option<Lang>,
}

#[derive(Debug, Args)]
pub struct RevertArgs {
    /// The record's id.
    #[arg(value_name = "ID")]
    pub id: String,
    /// The version to restore (see `history`); default: the one before the current.
    #[arg(long, value_name = "VERSION", value_parser = whole)]
    pub to: Option<u32>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Mend what can be mended from the store: its id list and secondary indexes,
    /// the index of identity decisions, and the search index. Never deletes a record
    /// or a decision.
    #[arg(long)]
    pub repair: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on; `0.0.0.0:8080` opens it to the network
    /// (put a proxy in front). Port 0 picks a free one.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Never open the store, not even to bring the index up to date at start:
    /// serve a snapshot (`netakosh snapshot DIR`) or a home another process writes.
    #[arg(long)]
    pub read_only: bool,
    /// Seconds of work one request may take before it is answered 503 (keep a
    /// proxy's read timeout above it).
    #[arg(long, default_value_t = 10.0, value_parser = seconds)]
    pub timeout: f64,
    /// Connections open at once; more are closed as they arrive.
    #[arg(long, default_value_t = 1024, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,
}

/// A positive number of seconds (`10`, `0.5`).
fn seconds(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(s) if s.is_finite() && s > 0.0 && s <= 86_400.0 => Ok(s),
        _ => Err(format!("`{text}` is not a number of seconds above 0")),
    }
}

#[derive(Debug, Args)]
pub struct SnapshotArgs {
    /// Where to write it; must not exist.
    pub dir: PathBuf,
}
