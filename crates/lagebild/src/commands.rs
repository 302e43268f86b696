//! One function per subcommand.

use std::io::{IsTerminal, Write};

use anyhow::Context;
use lagebild_doc::{Document, Lang};
use lagebild_pipeline::{Analysis, DictionaryFiles, Pipeline, wire};
use lagebild_store::{EventQuery, Store, StoredAnalysis};
use rayon::prelude::*;

use crate::cli::*;
use crate::input::{self, Item};
use crate::{Outcome, UsageError, table};

/// Documents are analysed in parallel batches of this size; output keeps input order.
const BATCH: usize = 64;

/// Builds the pipeline on the embedded defaults, or with the user's PETRARCH dictionaries.
fn dictionary_files(dictionaries: &DictionaryArgs) -> DictionaryFiles {
    DictionaryFiles {
        petrarch_verbs: dictionaries.petrarch_verbs.clone(),
        petrarch_actors: dictionaries.petrarch_actors.clone(),
        petrarch_agents: dictionaries.petrarch_agents.clone(),
        petrarch_discards: dictionaries.petrarch_discards.clone(),
    }
}

pub fn pipeline(dictionaries: &DictionaryArgs) -> anyhow::Result<Pipeline> {
    let files = dictionary_files(dictionaries);
    if files.is_empty() {
        return Ok(Pipeline::embedded());
    }
    let pipeline = Pipeline::with_dictionaries(&files)?;
    // Entries the actor loader skipped are named, not silently dropped.
    let warnings = pipeline.actors.warnings();
    for warning in warnings.iter().take(10) {
        eprintln!("warning: {warning}");
    }
    if warnings.len() > 10 {
        eprintln!(
            "warning: {} more dictionary entries skipped",
            warnings.len() - 10
        );
    }
    Ok(pipeline)
}

/// Runs `each` on every analysed document in input order; failed inputs are reported on
/// stderr and counted.
fn analyse_stream(
    pipeline: &Pipeline,
    items: impl Iterator<Item = Item>,
    mut each: impl FnMut(Analysis) -> anyhow::Result<()>,
) -> anyhow::Result<Tally> {
    let mut tally = Tally::default();
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Document>, tally: &mut Tally| -> anyhow::Result<()> {
        let analyses: Vec<Analysis> = std::mem::take(batch)
            .into_par_iter()
            .map(|doc| pipeline.analyze(doc))
            .collect();
        for analysis in analyses {
            tally.analysed += 1;
            each(analysis)?;
        }
        Ok(())
    };
    for item in items {
        match item {
            Ok(doc) => {
                batch.push(doc);
                if batch.len() >= BATCH {
                    flush(&mut batch, &mut tally)?;
                }
            }
            Err(message) => {
                eprintln!("{message}");
                tally.failed += 1;
            }
        }
    }
    flush(&mut batch, &mut tally)?;
    Ok(tally)
}

#[derive(Default, Debug)]
struct Tally {
    analysed: usize,
    failed: usize,
}

impl Tally {
    fn outcome(&self) -> Outcome {
        if self.failed > 0 {
            Outcome::SomeInputFailed
        } else {
            Outcome::Complete
        }
    }
}

pub fn code(args: CodeArgs) -> anyhow::Result<Outcome> {
    let pipeline = pipeline(&args.dictionaries)?;
    let items = input::documents(&args.input)?;
    let stdout = std::io::stdout();
    let table = match args.format {
        Some(CodeFormat::Table) => true,
        Some(CodeFormat::Jsonl) => false,
        None => stdout.is_terminal(),
    };
    let mut out = std::io::BufWriter::new(stdout.lock());
    let tally = analyse_stream(&pipeline, items, |analysis| {
        if table {
            out.write_all(table::document(&analysis).as_bytes())?;
        } else {
            serde_json::to_writer(&mut out, &wire::to_json(&analysis))?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(tally.outcome())
}

fn open_store(db: &DbArgs) -> anyhow::Result<Store> {
    let path = match &db.db {
        Some(path) => path.clone(),
        None => Store::default_path()?,
    };
    Ok(Store::open(&path)?)
}

fn open_store_read_only(db: &DbArgs) -> anyhow::Result<Store> {
    let path = match &db.db {
        Some(path) => path.clone(),
        None => Store::default_path()?,
    };
    if !path.exists() {
        return Err(UsageError(format!(
            "{}: no database here yet (run lagebild ingest first)",
            path.display()
        ))
        .into());
    }
    Ok(Store::open_read_only(&path)?)
}

/// A progress bar on a terminal: documents, rate and, when the inputs are plain files of
/// known size, the share of bytes read and an ETA.
fn progress_bar(quiet: bool, paths: &[String]) -> Option<indicatif::ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let total = input::total_plain_bytes(paths);
    let (bar, template) = match total {
        Some(total) if total > 0 => (
            indicatif::ProgressBar::new(total),
            "{spinner} [{bar:30}] {percent}%  {msg}  {elapsed_precise} elapsed, ETA {eta}",
        ),
        _ => (
            indicatif::ProgressBar::new_spinner(),
            "{spinner} {msg}  {elapsed_precise}",
        ),
    };
    let style = indicatif::ProgressStyle::with_template(template)
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner())
        .progress_chars("=> ");
    bar.set_style(style);
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    Some(bar)
}

pub fn ingest(args: IngestArgs) -> anyhow::Result<Outcome> {
    let pipeline = pipeline(&args.dictionaries)?;
    // The filter below and the batch writer take turns on the one connection.
    let store = std::cell::RefCell::new(open_store(&args.db)?);
    let versions = lagebild_serve::versions(&pipeline);
    let bar = progress_bar(args.quiet, &args.input.paths);
    let started = std::time::Instant::now();
    let totals = std::cell::RefCell::new(IngestTotals::default());
    let mut lookup_error = None;
    // Documents stored before with the same content are not analysed again.
    let items = input::documents(&args.input)?.filter(|item| {
        let Ok(doc) = item else { return true };
        match store.borrow().is_stored(doc) {
            Ok(true) => {
                totals.borrow_mut().duplicate += 1;
                false
            }
            Ok(false) => true,
            Err(error) => {
                lookup_error.get_or_insert(error);
                true
            }
        }
    });
    let mut pending: Vec<StoredAnalysis> = Vec::with_capacity(BATCH);
    let mut read_bytes = 0u64;
    let tally = analyse_stream(&pipeline, items, |analysis| {
        read_bytes += analysis.doc.text.len() as u64;
        pending.push(lagebild_serve::stored(analysis, &versions));
        if pending.len() >= BATCH {
            let summary = store.borrow_mut().ingest(&pending)?;
            pending.clear();
            let mut totals = totals.borrow_mut();
            totals.add(&summary);
            if let Some(bar) = &bar {
                // Text bytes approximate input bytes; the bar never runs past its end.
                bar.set_position(
                    read_bytes.min(bar.length().unwrap_or(u64::MAX).saturating_sub(1)),
                );
                let rate = totals.seen() as f64 / started.elapsed().as_secs_f64().max(1e-9);
                bar.set_message(format!(
                    "{} documents ({rate:.0}/s): {} stored, {} duplicate",
                    totals.seen(),
                    totals.stored,
                    totals.duplicate
                ));
            }
        }
        Ok(())
    })?;
    if let Some(error) = lookup_error {
        return Err(error.into());
    }
    let mut store = store.into_inner();
    let mut totals = totals.into_inner();
    totals.add(&store.ingest(&pending)?);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "{} documents in {:.1} s ({:.0}/s): {} stored ({} new versions), {} duplicate, {} failed; database {}",
        totals.seen() + tally.failed as u64,
        seconds,
        totals.seen() as f64 / seconds.max(1e-9),
        totals.stored,
        totals.new_versions,
        totals.duplicate,
        tally.failed,
        store.path().display()
    );
    Ok(tally.outcome())
}

#[derive(Default)]
struct IngestTotals {
    stored: u64,
    duplicate: u64,
    new_versions: u64,
}

impl IngestTotals {
    fn add(&mut self, summary: &lagebild_store::IngestSummary) {
        self.stored += summary.stored;
        self.duplicate += summary.duplicate;
        self.new_versions += summary.new_versions;
    }

    fn seen(&self) -> u64 {
        self.stored + self.duplicate
    }
}

pub fn reprocess(args: ReprocessArgs) -> anyhow::Result<Outcome> {
    let pipeline = pipeline(&args.dictionaries)?;
    let mut store = open_store(&args.db)?;
    let versions = lagebild_serve::versions(&pipeline);
    let mut cursor = store.reprocess_cursor();
    let mut replaced = 0u64;
    loop {
        let batch = cursor.next_batch(&store)?;
        if batch.is_empty() {
            break;
        }
        let results: Vec<StoredAnalysis> = batch
            .into_par_iter()
            .map(|item| lagebild_serve::stored(pipeline.analyze(item.doc), &versions))
            .collect();
        replaced += store.replace_analysis(&results)?.replaced;
    }
    eprintln!(
        "{replaced} documents re-analysed in {}",
        store.path().display()
    );
    Ok(Outcome::Complete)
}

pub fn stats(args: StatsArgs) -> anyhow::Result<Outcome> {
    let store = open_store_read_only(&args.db)?;
    let stats = store.stats()?;
    let mut out = std::io::stdout().lock();
    match args.format {
        StatsFormat::Json => writeln!(out, "{}", serde_json::to_string(&stats)?)?,
        StatsFormat::Table => {
            writeln!(out, "database         {}", store.path().display())?;
            writeln!(
                out,
                "documents        {} ({} versions)",
                stats.documents, stats.document_versions
            )?;
            writeln!(out, "stories          {}", stats.stories)?;
            writeln!(
                out,
                "events           {} mentions, {} deduplicated",
                stats.events, stats.events_deduplicated
            )?;
            writeln!(
                out,
                "actors           {} mentions, {} distinct",
                stats.actors, stats.distinct_actors
            )?;
            writeln!(out, "quotes           {}", stats.quotes)?;
            let langs: Vec<String> = stats
                .by_lang
                .iter()
                .map(|(lang, count)| format!("{lang} {count}"))
                .collect();
            writeln!(out, "languages        {}", langs.join(", "))?;
            writeln!(
                out,
                "published        {} .. {}",
                stats.first_published.as_deref().unwrap_or("-"),
                stats.last_published.as_deref().unwrap_or("-")
            )?;
        }
    }
    Ok(Outcome::Complete)
}

fn event_query(filter: &EventFilterArgs) -> anyhow::Result<EventQuery> {
    let date = |value: &Option<String>, flag: &str| -> anyhow::Result<Option<chrono::NaiveDate>> {
        value
            .as_deref()
            .map(|text| {
                chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
                    UsageError(format!("--{flag}: {text:?} is not a date (YYYY-MM-DD)")).into()
                })
            })
            .transpose()
    };
    let dyad = filter.dyad.as_deref().map(|dyad| {
        let (source, target) = dyad.split_once(',').unwrap_or((dyad, ""));
        (source.trim().to_string(), target.trim().to_string())
    });
    Ok(EventQuery {
        actor: filter.actor.clone(),
        country: filter.country.clone(),
        dyad,
        cameo: filter.cameo.clone(),
        plover: filter.plover.clone(),
        modality: filter.modality.clone(),
        date_from: date(&filter.from, "from")?,
        date_to: date(&filter.to, "to")?,
        text: filter.text.clone(),
        deduplicated: !filter.all_mentions,
        limit: Some(filter.limit as u64),
        offset: filter.offset as u64,
        ..EventQuery::default()
    })
}

pub fn events(args: EventsArgs) -> anyhow::Result<Outcome> {
    let store = open_store_read_only(&args.db)?;
    let query = event_query(&args.filter)?;
    let rows = store.events(&query)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        EventsFormat::Jsonl => {
            for row in &rows {
                serde_json::to_writer(&mut out, row)?;
                out.write_all(b"\n")?;
            }
        }
        EventsFormat::Table => {
            writeln!(
                out,
                "{:<10} {:<4} {:<12} {:<28} {:<28} {:<12} trigger",
                "date", "cameo", "plover", "source", "target", "modality"
            )?;
            for row in &rows {
                let actor = |code: &Option<String>, name: &Option<String>| {
                    format!(
                        "{} {}",
                        code.as_deref().unwrap_or("-"),
                        name.as_deref().unwrap_or("")
                    )
                };
                writeln!(
                    out,
                    "{:<10} {:<4} {:<12} {:<28} {:<28} {:<12} {}",
                    row.event_date.as_deref().unwrap_or("-"),
                    row.cameo.as_deref().unwrap_or("-"),
                    row.plover.as_deref().unwrap_or("-"),
                    actor(&row.source_code, &row.source_name),
                    actor(&row.target_code, &row.target_name),
                    row.modality.join(","),
                    row.trigger_text.as_deref().unwrap_or("")
                )?;
            }
            let total = store.count_events(&query)?;
            writeln!(
                out,
                "{} of {total} events{}",
                rows.len(),
                if query.deduplicated {
                    " (deduplicated: one per story; --all-mentions for every mention)"
                } else {
                    ""
                }
            )?;
        }
    }
    out.flush()?;
    Ok(Outcome::Complete)
}

pub fn export(args: ExportArgs) -> anyhow::Result<Outcome> {
    let store = open_store_read_only(&args.db)?;
    let mut query = event_query(&args.filter)?;
    query.limit = None;
    query.sort = lagebild_store::EventSort::Stored;
    let format = match args.format {
        ExportFormat::Jsonl => lagebild_store::ExportFormat::Jsonl,
        ExportFormat::Csv => lagebild_store::ExportFormat::Csv,
        ExportFormat::Parquet => lagebild_store::ExportFormat::Parquet,
    };
    let rows = match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("{}: cannot create", path.display()))?;
            store.export(format, &query, std::io::BufWriter::new(file))?
        }
        None if args.format == ExportFormat::Parquet => {
            return Err(UsageError("--format parquet needs --output FILE".into()).into());
        }
        None => store.export(format, &query, std::io::BufWriter::new(std::io::stdout()))?,
    };
    eprintln!("{rows} events exported");
    Ok(Outcome::Complete)
}

pub fn analyze(args: AnalyzeArgs) -> anyhow::Result<Outcome> {
    if args.format != "conllu" {
        return Err(UsageError(format!(
            "--format {}: only conllu is supported",
            args.format
        ))
        .into());
    }
    let text = input::read_text(&args.path)?;
    let lang = match args.lang {
        Some(lang) => input::lang(lang),
        None => match lagebild_ingest::detect_language(&text).lang {
            Lang::Other => Lang::En,
            lang => lang,
        },
    };
    let analyzer = lagebild_nlp::Analyzer::embedded();
    let output = if args.pretokenized {
        analyzer.analyze_conllu_pretokenized(&text, lang)
    } else {
        analyzer.analyze_conllu(&text, lang)
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    out.write_all(output.as_bytes())?;
    out.flush()?;
    Ok(Outcome::Complete)
}

pub fn explain(args: ExplainArgs) -> anyhow::Result<Outcome> {
    let pipeline = pipeline(&args.dictionaries)?;
    let mut tally = Tally::default();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for item in input::documents(&args.input)? {
        let doc = match item {
            Ok(doc) => doc,
            Err(message) => {
                eprintln!("{message}");
                tally.failed += 1;
                continue;
            }
        };
        tally.analysed += 1;
        let analysis = pipeline.analyze(doc);
        let sentences: Vec<usize> = match args.sentence {
            Some(sentence) => vec![sentence],
            None => (0..analysis.tokens.sentences.len()).collect(),
        };
        writeln!(
            out,
            "== {} ({} sentences)",
            analysis.doc.id,
            analysis.tokens.sentences.len()
        )?;
        for sentence in sentences {
            match pipeline.explain(&analysis, sentence) {
                Some(explanation) => writeln!(out, "{explanation}")?,
                None => writeln!(out, "sentence {sentence}: no such sentence")?,
            }
        }
    }
    out.flush()?;
    Ok(tally.outcome())
}

pub fn eval(command: EvalCommand) -> anyhow::Result<Outcome> {
    let mut out = std::io::stdout().lock();
    match command {
        EvalCommand::Gold {
            paths,
            dictionaries,
            json,
        } => {
            let report = lagebild_eval::gold_with(&pipeline(&dictionaries)?, &paths)?;
            print_report(&mut out, &report, json)?;
        }
        EvalCommand::Conllu { lang, path, json } => {
            let report = lagebild_eval::conllu(input::lang(lang), &path)?;
            print_report(&mut out, &report, json)?;
        }
        EvalCommand::Petrarch {
            path,
            dictionaries,
            json,
        } => {
            let given = dictionary_files(&dictionaries);
            let files = if given.is_empty() {
                // The suite's expected codings hold with its own dictionaries.
                lagebild_eval::petrarch_validate_dictionaries(&path)
            } else {
                given
            };
            let report = lagebild_eval::petrarch(&path, &files)?;
            print_report(&mut out, &report, json)?;
        }
        EvalCommand::Quotes { path, json } => {
            let report = lagebild_eval::quotes(&path)?;
            print_report(&mut out, &report, json)?;
        }
    }
    Ok(Outcome::Complete)
}

fn print_report<R: std::fmt::Display + serde::Serialize>(
    out: &mut impl Write,
    report: &R,
    json: bool,
) -> anyhow::Result<()> {
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(report)?)?;
    } else {
        writeln!(out, "{report}")?;
    }
    Ok(())
}

pub fn serve(args: ServeArgs) -> anyhow::Result<Outcome> {
    let path = match &args.db.db {
        Some(path) => path.clone(),
        None => Store::default_path()?,
    };
    let mut config = lagebild_serve::ServeConfig::new(path);
    config.bind = args.bind.parse().map_err(|_| {
        UsageError(format!(
            "--bind: {:?} is not an address like 127.0.0.1:8750",
            args.bind
        ))
    })?;
    config.read_only = args.read_only;
    config.token = match &args.token_file {
        Some(file) => {
            let token = std::fs::read_to_string(file)
                .with_context(|| format!("{}: cannot read the token", file.display()))?;
            let token = token.trim().to_string();
            if token.len() < 16 {
                return Err(UsageError(format!(
                    "{}: a token needs at least 16 characters",
                    file.display()
                ))
                .into());
            }
            Some(token)
        }
        None if args.read_only => None,
        None => {
            let token = lagebild_serve::random_token();
            eprintln!("write token for POST /api/documents (this run only): {token}");
            Some(token)
        }
    };
    let pipeline = std::sync::Arc::new(Pipeline::embedded());
    let db = config.db.clone();
    lagebild_serve::run(config, pipeline, |addr| {
        eprintln!(
            "lagebild serves {} on http://{addr}/ (Ctrl-C stops)",
            db.display()
        );
    })?;
    Ok(Outcome::Complete)
}
