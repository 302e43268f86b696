//! The command-line interface: clap definitions only, no behaviour.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "lagebild",
    version,
    about = "Explainable political event data from German and English news",
    long_about = "lagebild reads German and English news and codes who did what to whom, when, \
where and who said so: CAMEO and PLOVER events with modality and provenance, dated actor \
codes, attributed quotes, normalised times and places.",
    after_help = "Examples:\n  lagebild code --published 2024-12-04 article.txt\n  \
lagebild ingest news/\n  lagebild events --dyad RUS,PRK --format table\n  lagebild serve"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Analyse documents and print one JSON object per document; touches no database
    #[command(
        after_help = "Examples:\n  lagebild code --published 2024-12-04 article.txt\n  \
cat feed.xml | lagebild code --input-format feed -\n  lagebild code --format table articles/"
    )]
    Code(CodeArgs),
    /// Analyse documents and store them, with their events, in the database
    #[command(
        after_help = "Examples:\n  lagebild ingest articles/\n  lagebild ingest --db news.db export.jsonl.gz"
    )]
    Ingest(IngestArgs),
    /// Re-analyse stored documents, e.g. after a dictionary change
    #[command(after_help = "Example:\n  lagebild reprocess --db news.db")]
    Reprocess(ReprocessArgs),
    /// Print counts of the store
    #[command(after_help = "Example:\n  lagebild stats --format json")]
    Stats(StatsArgs),
    /// Query stored events
    #[command(
        after_help = "Examples:\n  lagebild events --actor Rutte\n  lagebild events --dyad RUS,PRK --from 2024-01-01\n  \
lagebild events --cameo 11 --format jsonl"
    )]
    Events(EventsArgs),
    /// Export stored events as JSONL, CSV or Parquet
    #[command(
        after_help = "Examples:\n  lagebild export --format csv > events.csv\n  lagebild export --format parquet --output events.parquet"
    )]
    Export(ExportArgs),
    /// Print the linguistic analysis of a text as CoNLL-U
    #[command(after_help = "Examples:\n  lagebild analyze --lang de article.txt\n  \
echo 'Die Nato warnt Russland .' | lagebild analyze --pretokenized --lang de -")]
    Analyze(AnalyzeArgs),
    /// Show for each sentence the analysis, matched actors, dictionary entries tried and why an event was or was not coded
    #[command(
        after_help = "Example:\n  lagebild explain --published 2024-12-04 --sentence 2 article.txt"
    )]
    Explain(ExplainArgs),
    /// Measure accuracy against gold data
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Start the analyst workbench: HTTP API and web UI
    #[command(
        after_help = "Examples:\n  lagebild serve\n  lagebild serve --bind 127.0.0.1:9000 --token-file token.txt"
    )]
    Serve(ServeArgs),
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    Auto,
    Text,
    Jsonl,
    Html,
    Feed,
    PetrarchXml,
    Csv,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    De,
    En,
}

#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Files, directories (read recursively) or `-` for standard input; `.gz` is read transparently
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Input format; `auto` looks at the extension and the first bytes
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: InputFormatArg,
    /// Language of documents that do not declare one (default: detected)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Publication date (YYYY-MM-DD) for documents that carry none
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
}

#[derive(Args, Debug, Clone, Default)]
pub struct DictionaryArgs {
    /// PETRARCH-2 verb dictionary (CAMEO.2.0.txt syntax) used in place of the built-in English verbs
    #[arg(long, value_name = "FILE")]
    pub petrarch_verbs: Option<PathBuf>,
    /// PETRARCH / Phoenix actor dictionaries, comma-separated, in place of the built-in
    /// knowledge base for English documents (German documents keep the built-in one)
    #[arg(long, value_name = "FILE[,FILE...]", value_delimiter = ',')]
    pub petrarch_actors: Vec<PathBuf>,
    /// PETRARCH / Phoenix agent dictionary
    #[arg(long, value_name = "FILE")]
    pub petrarch_agents: Option<PathBuf>,
    /// PETRARCH discard dictionary
    #[arg(long, value_name = "FILE")]
    pub petrarch_discards: Option<PathBuf>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum CodeFormat {
    Jsonl,
    Table,
}

#[derive(Args, Debug)]
pub struct CodeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dictionaries: DictionaryArgs,
    /// Output format (default: jsonl when stdout is not a terminal, else table)
    #[arg(long, value_enum)]
    pub format: Option<CodeFormat>,
}

#[derive(Args, Debug)]
pub struct DbArgs {
    /// Database file (default: the platform data directory, or $LAGEBILD_DB)
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct IngestArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dictionaries: DictionaryArgs,
    /// Do not show a progress bar even on a terminal
    #[arg(long)]
    pub quiet: bool,
}

#[derive(Args, Debug)]
pub struct ReprocessArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub dictionaries: DictionaryArgs,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Json,
    Table,
}

#[derive(Args, Debug)]
pub struct StatsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[arg(long, value_enum, default_value = "table")]
    pub format: StatsFormat,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum EventsFormat {
    Table,
    Jsonl,
}

#[derive(Args, Debug, Clone, Default)]
pub struct EventFilterArgs {
    /// Actor name or code, as source or target (e.g. Rutte, RUSGOV)
    #[arg(long)]
    pub actor: Option<String>,
    /// ISO alpha-3 country of source or target
    #[arg(long)]
    pub country: Option<String>,
    /// Source and target codes or countries, `SRC,TGT` (either may be empty)
    #[arg(long, value_name = "SRC,TGT")]
    pub dyad: Option<String>,
    /// CAMEO code or root: `11` matches 11, 111, 112, ...
    #[arg(long)]
    pub cameo: Option<String>,
    /// PLOVER event type (e.g. ACCUSE)
    #[arg(long)]
    pub plover: Option<String>,
    /// Modality (asserted, reported, hypothetical, negated, future, past)
    #[arg(long)]
    pub modality: Option<String>,
    /// First event date, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last event date, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Full-text search in the documents
    #[arg(long)]
    pub text: Option<String>,
    /// Keep every mention instead of one event per story
    #[arg(long)]
    pub all_mentions: bool,
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
}

#[derive(Args, Debug)]
pub struct EventsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub filter: EventFilterArgs,
    #[arg(long, value_enum, default_value = "table")]
    pub format: EventsFormat,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Parquet,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub filter: EventFilterArgs,
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExportFormat,
    /// Output file (default: standard output; required for parquet)
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct AnalyzeArgs {
    #[arg(long, default_value = "conllu")]
    pub format: String,
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// One sentence per line, tokens separated by single spaces
    #[arg(long)]
    pub pretokenized: bool,
    /// A file or `-` for standard input
    #[arg(value_name = "PATH")]
    pub path: String,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dictionaries: DictionaryArgs,
    /// Only this sentence (0-based index into `sentences`)
    #[arg(long)]
    pub sentence: Option<usize>,
}

#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// Events, times, places, quotes and persons against gold files in the seed's format
    #[command(
        after_help = "Examples:\n  lagebild eval gold ../shared/corpus/seed/\n  lagebild eval gold --petrarch-verbs CAMEO.2.0.txt --petrarch-actors Phoenix.Countries.actors.txt --petrarch-agents Phoenix.agents.txt gold-en/"
    )]
    Gold {
        /// `*.gold.json` files or directories holding them beside their texts
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        dictionaries: DictionaryArgs,
        /// Print the report as JSON
        #[arg(long)]
        json: bool,
    },
    /// CoNLL-U accuracy (UPOS, lemma, Mood, UAS, LAS, core arguments) against gold tokenization
    #[command(after_help = "Example:\n  lagebild eval conllu --lang de de_pud-ud-test.conllu")]
    Conllu {
        #[arg(long, value_enum)]
        lang: LangArg,
        path: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Coding against PETRARCH validation XML with expected codings per record
    /// (default dictionaries: the suite's own PETR.Validate.* files beside it)
    #[command(
        after_help = "Example:\n  lagebild eval petrarch ../shared/data/petrarch/petrarch2/PETR.UnitTest.records.xml"
    )]
    Petrarch {
        path: PathBuf,
        #[command(flatten)]
        dictionaries: DictionaryArgs,
        #[arg(long)]
        json: bool,
    },
    /// Quotation attribution against the German Wikinews quotation corpus format
    #[command(
        after_help = "Example:\n  lagebild eval quotes ../shared/data/quotes/wikinews-de/dev"
    )]
    Quotes {
        path: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[arg(long, default_value = "127.0.0.1:8750")]
    pub bind: String,
    /// File holding the bearer token for writes (default: a random token printed at start)
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Refuse all writes
    #[arg(long)]
    pub read_only: bool,
}
