//! The evaluation harness: gold event files in the seed format, and PETRARCH validation
//! records. Both take an analysis callback, so they run with any pipeline (the real one,
//! or gold UD parses) without this crate depending on the analysers.
//!
//! Scoring of gold files: a coded event matches a gold event when it lies in the same
//! sentence, its CAMEO root is one of the gold codes' roots, and its source and target
//! match the gold roots (country code, or IGO alias: `NATO` ~ `IGOWSTNAT`). Core gold
//! events count for recall; optional ones count neither for nor against; coded events
//! matching no gold event are extras.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use lagebild_actors::ActorMention;
use lagebild_doc::{CharOffsets, Document, Lang, Span, TextAnalysis};
use lagebild_geo::PlaceMention;
use lagebild_quotes::Quote;
use lagebild_timex::TimeExpression;

use crate::{Coder, CodingInput, Event, Participant, codes};

/// What an analysis callback returns for one document.
#[derive(Clone, Debug, Default)]
pub struct Analysed {
    pub analysis: TextAnalysis,
    pub actors: Vec<ActorMention>,
    pub quotes: Vec<Quote>,
    pub times: Vec<TimeExpression>,
    pub places: Vec<PlaceMention>,
}

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Format { path: String, message: String },
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// One gold event: roots of source and target (any of), CAMEO codes (any of).
#[derive(Clone, Debug, PartialEq)]
pub struct GoldEvent {
    pub sources: Vec<String>,
    pub targets: Vec<String>,
    pub cameo: Vec<String>,
    pub core: bool,
    pub modality: String,
    /// Byte span into the document text.
    pub span: Span,
    pub quote: String,
}

/// A document with its gold events.
#[derive(Clone, Debug)]
pub struct GoldDocument {
    pub doc: Document,
    pub events: Vec<GoldEvent>,
}

fn strings(value: Option<&serde_json::Value>) -> Vec<String> {
    match value {
        Some(serde_json::Value::String(text)) if text.trim().is_empty() => Vec::new(),
        Some(serde_json::Value::String(text)) => vec![text.clone()],
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|item| item.as_str())
            .filter(|item| !item.trim().is_empty())
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

/// Loads `NAME.gold.json` with its `NAME.txt` (and `NAME.meta.json` when present).
/// Gold offsets are character offsets; they are turned into byte spans here.
pub fn load_gold(path: &Path) -> Result<GoldDocument, EvalError> {
    let format = |message: String| EvalError::Format {
        path: path.display().to_string(),
        message,
    };
    let gold: serde_json::Value =
        serde_json::from_str(&read(path)?).map_err(|error| format(error.to_string()))?;
    let name = path
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or("")
        .trim_end_matches(".gold.json")
        .to_string();
    let text_path = gold.get("doc").and_then(|doc| doc.as_str()).map_or_else(
        || path.with_file_name(format!("{name}.txt")),
        |doc| path.with_file_name(doc),
    );
    let text = read(&text_path)?;
    let lang = Lang::parse(
        gold.get("lang")
            .and_then(|lang| lang.as_str())
            .unwrap_or("de"),
    );
    let published = gold
        .get("dct")
        .and_then(|date| date.as_str())
        .and_then(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok());
    let byte_of_char: Vec<usize> = text
        .char_indices()
        .map(|(byte, _)| byte)
        .chain(std::iter::once(text.len()))
        .collect();
    let byte = |character: u64| {
        byte_of_char
            .get(character as usize)
            .copied()
            .unwrap_or(text.len())
    };
    let mut events = Vec::new();
    for event in gold
        .get("events")
        .and_then(|events| events.as_array())
        .into_iter()
        .flatten()
    {
        let start = event
            .get("start")
            .and_then(|value| value.as_u64())
            .ok_or_else(|| format("event without start".into()))?;
        let end = event
            .get("end")
            .and_then(|value| value.as_u64())
            .unwrap_or(start);
        events.push(GoldEvent {
            sources: strings(event.get("source")),
            targets: strings(event.get("target")),
            cameo: strings(event.get("cameo")),
            core: event.get("status").and_then(|status| status.as_str()) == Some("core"),
            modality: event
                .get("modality")
                .and_then(|value| value.as_str())
                .unwrap_or("")
                .to_string(),
            span: Span::from_range(byte(start)..byte(end)),
            quote: event
                .get("quote")
                .and_then(|value| value.as_str())
                .unwrap_or("")
                .to_string(),
        });
    }
    // The byline (last line `Author--AGENCY`) is not analysed.
    let byline_start = text
        .trim_end()
        .rfind('\n')
        .filter(|at| text[*at..].contains("--"))
        .map(|at| at + 1);
    let doc = Document {
        id: name,
        text,
        lang,
        published,
        origin: path.display().to_string(),
        byline: byline_start.map(|start| lagebild_doc::Byline {
            span: Span::from_range(start..start),
            author: None,
            agency: None,
        }),
        ..Document::default()
    };
    let mut doc = doc;
    if let Some(byline) = doc.byline.as_mut() {
        byline.span = Span::from_range(byline.span.start as usize..doc.text.len());
    }
    Ok(GoldDocument { doc, events })
}

/// Loads every `*.gold.json` under `dir`, sorted by name.
pub fn load_gold_dir(dir: &Path) -> Result<Vec<GoldDocument>, EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|source| EvalError::Io {
        path: dir.display().to_string(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    paths.iter().map(|path| load_gold(path)).collect()
}

const IGO_ALIASES: &[(&str, &str)] = &[
    ("NATO", "WSTNAT"),
    ("UNO", "UNO"),
    ("UN", "UNO"),
    ("EU", "EUREEC"),
    ("IAEA", "UNOIAE"),
    ("AU", "AFRAU"),
];

/// Whether an actor code (or its country) matches the root of a gold code. The root of a
/// state actor is its country (`DEUGOV` -> `DEU`), so a gold `DEUGOV` takes `DEU`,
/// `DEUGOV` or `DEUPTY`; `---` (any agent of unknown state) takes any actor; IGO codes
/// and their short names (`NATO`, `UNO`, `EU`) match IGO codes.
pub fn root_matches(code: &str, country: Option<&str>, gold: &str) -> bool {
    let code = code.to_uppercase();
    let gold = gold.trim().to_uppercase();
    if gold.is_empty() {
        return false;
    }
    if IGO_ALIASES.iter().any(|(alias, fragment)| {
        *alias == gold && code.starts_with("IGO") && code.contains(fragment)
    }) {
        return true;
    }
    let root = gold_root(&gold);
    root == "---"
        || code.starts_with(root)
        || country.is_some_and(|country| country.eq_ignore_ascii_case(root))
}

/// The root of a gold actor code: the country of a state code with an agent
/// (`DEUGOV`, `---COP`), else the code itself (`RUS`, `IGOUNO`, `NATO`).
fn gold_root(gold: &str) -> &str {
    let state_like = gold.len() > 3
        && !gold.starts_with("IGO")
        && !IGO_ALIASES.iter().any(|(alias, _)| *alias == gold)
        && gold.get(..3).is_some_and(|root| {
            root == "---" || root.bytes().all(|byte| byte.is_ascii_uppercase())
        });
    if state_like { &gold[..3] } else { gold }
}

/// Whether a produced target matches the gold targets. An empty gold target list stands
/// for "no political actor" (a private person): a missing target matches it, and so does
/// a civilian one (agent `CVL`, any country), the code lagebild gives private persons.
pub fn target_matches(target: Option<&Participant>, gold_targets: &[String]) -> bool {
    match target {
        None => gold_targets.is_empty() || gold_targets.iter().any(|gold| gold == "---"),
        Some(target) if gold_targets.is_empty() => target.code.to_uppercase().ends_with("CVL"),
        Some(target) => gold_targets
            .iter()
            .any(|gold| root_matches(&target.code, target.country.as_deref(), gold)),
    }
}

fn event_matches(event: &Event, gold: &GoldEvent, analysis: &TextAnalysis) -> bool {
    let sentence = analysis
        .sentence_at(gold.span.start)
        .map(|index| index as u32);
    let same_sentence = sentence == Some(event.sentence)
        || analysis
            .sentence_at(gold.span.end.saturating_sub(1))
            .map(|index| index as u32)
            == Some(event.sentence);
    let root = codes::root(&event.cameo);
    let code_ok = gold.cameo.iter().any(|code| codes::root(code) == root);
    let source_ok = gold
        .sources
        .iter()
        .any(|source| root_matches(&event.source.code, event.source.country.as_deref(), source));
    let target_ok = target_matches(event.target.as_ref(), &gold.targets);
    same_sentence && code_ok && source_ok && target_ok
}

/// Per-document scores of a gold evaluation.
#[derive(Clone, Debug, Default)]
pub struct GoldRow {
    pub doc: String,
    pub core: usize,
    pub core_found: usize,
    pub optional: usize,
    pub optional_found: usize,
    pub produced: usize,
    pub extras: usize,
    /// Readable lines: missed core events and extra events.
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct GoldReport {
    pub rows: Vec<GoldRow>,
}

impl GoldReport {
    fn sum(&self, field: impl Fn(&GoldRow) -> usize) -> usize {
        self.rows.iter().map(field).sum()
    }

    pub fn core_found(&self) -> usize {
        self.sum(|row| row.core_found)
    }

    pub fn extras(&self) -> usize {
        self.sum(|row| row.extras)
    }

    /// Coded events that match gold (core or optional) over all coded events.
    pub fn precision(&self) -> f64 {
        let produced = self.sum(|row| row.produced);
        if produced == 0 {
            0.0
        } else {
            (produced - self.extras()) as f64 / produced as f64
        }
    }

    /// Core gold events found over core gold events.
    pub fn recall(&self) -> f64 {
        let core = self.sum(|row| row.core);
        if core == 0 {
            0.0
        } else {
            self.core_found() as f64 / core as f64
        }
    }
}

impl fmt::Display for GoldReport {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            out,
            "{:<28} {:>10} {:>10} {:>8} {:>7} {:>9} {:>7}",
            "document", "core found", "optional", "produced", "extras", "precision", "recall"
        )?;
        for row in &self.rows {
            let precision = if row.produced == 0 {
                0.0
            } else {
                (row.produced - row.extras) as f64 / row.produced as f64
            };
            let recall = if row.core == 0 {
                0.0
            } else {
                row.core_found as f64 / row.core as f64
            };
            writeln!(
                out,
                "{:<28} {:>6}/{:<3} {:>6}/{:<3} {:>8} {:>7} {:>9.2} {:>7.2}",
                row.doc,
                row.core_found,
                row.core,
                row.optional_found,
                row.optional,
                row.produced,
                row.extras,
                precision,
                recall
            )?;
        }
        writeln!(
            out,
            "{:<28} {:>6}/{:<3} {:>6}/{:<3} {:>8} {:>7} {:>9.2} {:>7.2}",
            "total",
            self.core_found(),
            self.sum(|row| row.core),
            self.sum(|row| row.optional_found),
            self.sum(|row| row.optional),
            self.sum(|row| row.produced),
            self.extras(),
            self.precision(),
            self.recall()
        )?;
        for row in &self.rows {
            for note in &row.notes {
                writeln!(out, "  {}: {note}", row.doc)?;
            }
        }
        Ok(())
    }
}

fn describe(event: &Event, text: &str) -> String {
    let modality: Vec<&str> = event
        .modality
        .iter()
        .map(|modality| modality.as_str())
        .collect();
    format!(
        "s{} {:?} {}->{} {} [{}] {}",
        event.sentence,
        event.trigger.slice(text),
        event.source.code,
        event
            .target
            .as_ref()
            .map_or("-", |target| target.code.as_str()),
        event.cameo,
        modality.join(","),
        event.rule
    )
}

/// Codes every gold document through `analyse` and scores it.
pub fn evaluate_gold(
    coder: &Coder,
    documents: &[GoldDocument],
    analyse: impl Fn(&Document) -> Analysed,
) -> GoldReport {
    let mut report = GoldReport::default();
    for gold in documents {
        let analysed = analyse(&gold.doc);
        let input = CodingInput {
            doc: &gold.doc,
            analysis: &analysed.analysis,
            actors: &analysed.actors,
            quotes: &analysed.quotes,
            times: &analysed.times,
            places: &analysed.places,
        };
        let events = coder.code(&input);
        let mut row = GoldRow {
            doc: gold.doc.id.clone(),
            produced: events.len(),
            ..GoldRow::default()
        };
        let mut used = vec![false; events.len()];
        for gold_event in &gold.events {
            if gold_event.core {
                row.core += 1;
            } else {
                row.optional += 1;
            }
            let found = events
                .iter()
                .enumerate()
                .filter(|(_, event)| event_matches(event, gold_event, &analysed.analysis))
                .map(|(index, _)| index)
                .collect::<Vec<_>>();
            for &index in &found {
                used[index] = true;
            }
            match (found.is_empty(), gold_event.core) {
                (false, true) => row.core_found += 1,
                (false, false) => row.optional_found += 1,
                (true, true) => row.notes.push(format!(
                    "missed core {:?} {}->{} {}",
                    gold_event.quote,
                    gold_event.sources.join("|"),
                    gold_event.targets.join("|"),
                    gold_event.cameo.join("|")
                )),
                (true, false) => {}
            }
        }
        for (index, event) in events.iter().enumerate() {
            if !used[index] {
                row.extras += 1;
                row.notes
                    .push(format!("extra {}", describe(event, &gold.doc.text)));
            }
        }
        report.rows.push(row);
    }
    report
}

/// One PETRARCH validation record.
#[derive(Clone, Debug, Default)]
pub struct PetrarchRecord {
    pub id: String,
    pub category: String,
    pub date: Option<NaiveDate>,
    pub text: String,
    /// Expected (source, target, event) codes; empty with `noevents`.
    pub expected: Vec<(String, String, String)>,
    /// The record carries `<Config>` overrides (scored, but flagged).
    pub has_config: bool,
    /// The `<Parse>` content (PTB or CoNLL-U), untouched.
    pub parse: String,
}

/// Reads a PETRARCH validation XML file (`PETR.UnitTest.records.xml` or its UD version).
pub fn read_petrarch_records(path: &Path) -> Result<Vec<PetrarchRecord>, EvalError> {
    use quick_xml::events::Event as Xml;
    let text = read(path)?;
    let format = |message: String| EvalError::Format {
        path: path.display().to_string(),
        message,
    };
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut records = Vec::new();
    let mut current: Option<PetrarchRecord> = None;
    let mut field: Option<&'static str> = None;
    loop {
        let position = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|error| format(format!("byte {position}: {error}")))?;
        match event {
            Xml::Start(element) | Xml::Empty(element) => {
                let name = element.name();
                let attribute = |key: &str| {
                    element
                        .attributes()
                        .flatten()
                        .find(|attribute| attribute.key.as_ref() == key.as_bytes())
                        .and_then(|attribute| attribute.unescape_value().ok())
                        .map(|value| value.into_owned())
                };
                match name.as_ref() {
                    b"Sentence" => {
                        current = Some(PetrarchRecord {
                            id: attribute("id").unwrap_or_default(),
                            category: attribute("category").unwrap_or_default(),
                            date: attribute("date")
                                .and_then(|date| NaiveDate::parse_from_str(&date, "%Y%m%d").ok()),
                            ..PetrarchRecord::default()
                        });
                    }
                    b"EventCoding" => {
                        if let Some(record) = current.as_mut()
                            && let (Some(source), Some(target), Some(code)) = (
                                attribute("sourcecode"),
                                attribute("targetcode"),
                                attribute("eventcode"),
                            )
                        {
                            record.expected.push((source, target, code));
                        }
                    }
                    b"Config" => {
                        if let Some(record) = current.as_mut() {
                            record.has_config = true;
                        }
                    }
                    b"Text" => field = Some("text"),
                    b"Parse" => field = Some("parse"),
                    _ => {}
                }
            }
            Xml::Text(content) => {
                if let (Some(record), Some(which)) = (current.as_mut(), field) {
                    let value = content
                        .unescape()
                        .map(|value| value.into_owned())
                        .unwrap_or_default();
                    match which {
                        "text" => record.text.push_str(&value),
                        _ => record.parse.push_str(&value),
                    }
                }
            }
            Xml::End(element) => match element.name().as_ref() {
                b"Text" | b"Parse" => field = None,
                b"Sentence" => {
                    if let Some(mut record) = current.take() {
                        record.text = record.text.split_whitespace().collect::<Vec<_>>().join(" ");
                        records.push(record);
                    }
                }
                _ => {}
            },
            Xml::Eof => break,
            _ => {}
        }
    }
    Ok(records)
}

/// The document a PETRARCH record becomes: its text in English, dated.
pub fn petrarch_document(record: &PetrarchRecord) -> Document {
    Document {
        id: record.id.clone(),
        text: record.text.clone(),
        lang: Lang::En,
        published: record.date,
        origin: record.id.clone(),
        ..Document::default()
    }
}

#[derive(Clone, Debug, Default)]
pub struct PetrarchRow {
    pub id: String,
    pub expected: usize,
    pub produced: usize,
    pub matched: usize,
    pub extra: usize,
    /// Missed codings whose source or target code no actor mention carries (an actor
    /// problem rather than a verb problem).
    pub missed_no_actor: usize,
    pub lines: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct PetrarchReport {
    pub rows: Vec<PetrarchRow>,
    /// Print every record, not just the totals and the wrong ones.
    pub verbose: bool,
}

impl PetrarchReport {
    pub fn expected(&self) -> usize {
        self.rows.iter().map(|row| row.expected).sum()
    }

    pub fn matched(&self) -> usize {
        self.rows.iter().map(|row| row.matched).sum()
    }

    pub fn extra(&self) -> usize {
        self.rows.iter().map(|row| row.extra).sum()
    }

    pub fn produced(&self) -> usize {
        self.rows.iter().map(|row| row.produced).sum()
    }

    pub fn records_correct(&self) -> usize {
        self.rows
            .iter()
            .filter(|row| row.matched == row.expected && row.extra == 0)
            .count()
    }
}

impl fmt::Display for PetrarchReport {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        for row in &self.rows {
            let wrong = row.matched != row.expected || row.extra > 0;
            if self.verbose || wrong {
                writeln!(
                    out,
                    "{:<16} expected {:>2} produced {:>2} matched {:>2} extra {:>2}",
                    row.id, row.expected, row.produced, row.matched, row.extra
                )?;
                for line in &row.lines {
                    writeln!(out, "    {line}")?;
                }
            }
        }
        let expected = self.expected().max(1) as f64;
        let produced = self.produced().max(1) as f64;
        writeln!(out, "records               {:>5}", self.rows.len())?;
        writeln!(out, "records fully correct {:>5}", self.records_correct())?;
        writeln!(out, "expected codings      {:>5}", self.expected())?;
        writeln!(out, "produced codings      {:>5}", self.produced())?;
        writeln!(
            out,
            "matched (recall)      {:>5}  {:.1}% of expected",
            self.matched(),
            100.0 * self.matched() as f64 / expected
        )?;
        writeln!(
            out,
            "extra                 {:>5}  {:.1}% of produced",
            self.extra(),
            100.0 * self.extra() as f64 / produced
        )?;
        let no_actor: usize = self.rows.iter().map(|row| row.missed_no_actor).sum();
        writeln!(
            out,
            "missed, actor code not among the mentions {:>5}",
            no_actor
        )?;
        writeln!(
            out,
            "missed, actors present (verb/role problem) {:>4}",
            self.expected() - self.matched() - no_actor
        )
    }
}

/// Codes PETRARCH records and compares exact (source, target, code) strings.
pub fn evaluate_petrarch(
    coder: &Coder,
    records: &[PetrarchRecord],
    analyse: impl Fn(&PetrarchRecord, &Document) -> Analysed,
) -> PetrarchReport {
    let mut report = PetrarchReport::default();
    for record in records {
        let doc = petrarch_document(record);
        let analysed = analyse(record, &doc);
        let input = CodingInput {
            doc: &doc,
            analysis: &analysed.analysis,
            actors: &analysed.actors,
            quotes: &[],
            times: &[],
            places: &[],
        };
        let events = coder.code(&input);
        let mut produced: Vec<(String, String, String)> = events
            .iter()
            .map(|event| {
                (
                    event.source.code.clone(),
                    event
                        .target
                        .as_ref()
                        .map(|target| target.code.clone())
                        .unwrap_or_default(),
                    event.cameo.clone(),
                )
            })
            .collect();
        produced.sort();
        produced.dedup();
        let mut remaining: HashMap<&(String, String, String), usize> = HashMap::new();
        for expected in &record.expected {
            *remaining.entry(expected).or_default() += 1;
        }
        let mut row = PetrarchRow {
            id: record.id.clone(),
            expected: record.expected.len(),
            produced: produced.len(),
            ..PetrarchRow::default()
        };
        for coding in &produced {
            match remaining.get_mut(coding) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    row.matched += 1;
                    row.lines
                        .push(format!("ok     {} {} {}", coding.0, coding.1, coding.2));
                }
                _ => {
                    row.extra += 1;
                    let rule = events
                        .iter()
                        .find(|event| event.cameo == coding.2 && event.source.code == coding.0)
                        .map(|event| event.rule.as_str())
                        .unwrap_or("");
                    row.lines.push(format!(
                        "extra  {} {} {}  ({rule})",
                        coding.0, coding.1, coding.2
                    ));
                }
            }
        }
        for (coding, count) in remaining {
            let has = |code: &str| {
                code == "---" || analysed.actors.iter().any(|mention| mention.code == code)
            };
            let actors_present = has(&coding.0) && has(&coding.1);
            for _ in 0..count {
                if !actors_present {
                    row.missed_no_actor += 1;
                }
                row.lines.push(format!(
                    "missed {} {} {}{}",
                    coding.0,
                    coding.1,
                    coding.2,
                    if actors_present {
                        ""
                    } else {
                        "  (actor code not among the mentions)"
                    }
                ));
            }
        }
        row.lines.push(format!("text: {}", record.text));
        report.rows.push(row);
    }
    report
}

/// Builds a token layer from a CoNLL-U parse aligned to `text`: each word is found in
/// order; words not found get an empty span at the current offset (heads stay valid).
pub fn analysis_from_conllu(text: &str, conllu: &str) -> TextAnalysis {
    let mut analysis = TextAnalysis::default();
    let Ok(sentences) = lagebild_doc::conllu::parse(conllu) else {
        return analysis;
    };
    let mut offset = 0usize;
    for sentence in sentences {
        let token_start = analysis.tokens.len() as u32;
        let sentence_start = offset;
        for word in &sentence.words {
            let found = text
                .get(offset..)
                .and_then(|rest| rest.find(&word.form))
                .map(|at| at + offset);
            let span = match found {
                Some(start) if start - offset < 40 => {
                    offset = start + word.form.len();
                    Span::from_range(start..offset)
                }
                _ => Span::from_range(offset..offset),
            };
            analysis.tokens.push(lagebild_doc::Token {
                span,
                lemma: word.lemma.clone(),
                upos: lagebild_doc::Upos::parse(&word.upos).unwrap_or_default(),
                xpos: word.xpos.clone(),
                feats: lagebild_doc::Feats::from_conllu(&word.feats),
                head: word.head.checked_sub(1),
                deprel: word.deprel.clone(),
            });
        }
        let first = analysis
            .tokens
            .get(token_start as usize)
            .map_or(sentence_start, |token| token.span.start as usize);
        analysis.sentences.push(lagebild_doc::Sentence {
            span: Span::from_range(first..offset.max(first)),
            token_start,
            token_end: analysis.tokens.len() as u32,
        });
    }
    let _ = CharOffsets::new(text);
    analysis
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_and_aliases() {
        assert!(root_matches("RUSGOV", None, "RUS"));
        assert!(root_matches("IGOWSTNAT", None, "NATO"));
        assert!(root_matches("XYZ", Some("DEU"), "DEU"));
        assert!(!root_matches("USAGOV", Some("USA"), "RUS"));
        assert!(root_matches("ANY", None, "---"));
        assert!(
            !root_matches("ANY", None, ""),
            "an empty gold root is no wildcard"
        );
        assert!(
            root_matches("DEU", Some("DEU"), "DEUGOV"),
            "roots, not whole codes"
        );
        assert!(root_matches("USACVL", None, "USAEDU"));
        assert!(!root_matches("RUSGOV", Some("RUS"), "DEUGOV"));
        assert!(root_matches("RUSMIL", None, "---RAD"));
        assert!(root_matches("IGOUNOIAE", None, "IGOUNOIAE"));
        assert!(!root_matches("IGOUNO", None, "IGOWSTNAT"));
        assert!(root_matches("IGOEUREEC", None, "EU"));
        assert!(
            !root_matches("NATGOV", None, "NATO"),
            "a short name is no state root"
        );
    }

    #[test]
    fn empty_gold_target_means_a_private_person() {
        let participant = |code: &str, country: Option<&str>| Participant {
            span: Span::default(),
            name: String::new(),
            code: code.to_string(),
            country: country.map(str::to_string),
        };
        let none: Vec<String> = Vec::new();
        assert!(target_matches(None, &none));
        assert!(target_matches(Some(&participant("---CVL", None)), &none));
        assert!(target_matches(
            Some(&participant("DEUCVL", Some("DEU"))),
            &none
        ));
        assert!(!target_matches(
            Some(&participant("DEUGOV", Some("DEU"))),
            &none
        ));
        let russia = vec!["RUS".to_string()];
        assert!(!target_matches(None, &russia));
        assert!(target_matches(
            Some(&participant("RUSGOV", Some("RUS"))),
            &russia
        ));
        assert!(target_matches(None, &["---".to_string()]));
        assert_eq!(strings(Some(&serde_json::json!(""))), none);
        assert_eq!(strings(Some(&serde_json::json!(["", "RUS"]))), russia);
    }

    #[test]
    fn conllu_alignment_keeps_heads() {
        let conllu = "1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\n";
        let analysis = analysis_from_conllu("Arnor attacked Gondor", conllu);
        assert_eq!(analysis.tokens.len(), 3);
        assert_eq!(
            analysis.tokens[2].span.slice("Arnor attacked Gondor"),
            "Gondor"
        );
        assert_eq!(analysis.tokens[0].head, Some(1));
        assert_eq!(analysis.sentences.len(), 1);
    }
}
