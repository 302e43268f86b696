//! Whole-pipeline evaluation against gold files in the seed format.
//!
//! A gold file `NAME.gold.json` lies beside `NAME.txt` (and `NAME.meta.json`). The text is
//! read with [`lagebild_ingest::read_path`], so title, byline and publication date are
//! what `lagebild ingest` would see; the gold `dct` stands in when the meta has no date.
//! Gold offsets are Unicode character offsets.
//!
//! Scoring, per category:
//! - **events**: a produced event matches a gold event when its trigger (or the stretch
//!   from source to target) overlaps the gold span or lies in the same sentence, its CAMEO
//!   root equals a gold code's root, and source and target match the gold roots by code
//!   prefix, country or IGO alias ([`lagebild_events::eval::root_matches`]); an empty
//!   gold target (a private person) takes a missing or a civilian (`CVL`) target, and a
//!   `---` gold target takes any or none ([`lagebild_events::eval::target_matches`]). Recall counts core gold events only;
//!   extras are produced events matching no gold event, core or optional. Modality is
//!   checked on matched events (gold `asserted` also accepts an empty modality list).
//! - **times**: span overlap, one to one; value checked for exact equality.
//! - **places**: span overlap, one to one; country checked.
//! - **quotes**: character overlap of at least half the shorter span, one to one best
//!   first; kind and speaker name (case-insensitive equality) checked.
//! - **persons**: a gold person is found when an actor mention carries that name (or
//!   that surface text); its code is right when any such mention's code or country
//!   matches the gold actor root. Persons have no precision (gold lists only some).

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use lagebild_doc::{CharOffsets, Document, Lang, Span, TextAnalysis};
use lagebild_events::Event;
use lagebild_events::eval::{GoldEvent, root_matches, target_matches};
use lagebild_pipeline::{Analysis, Pipeline};
use serde::Serialize;

use crate::{EvalError, byte_offsets, clip, f1, ratio};

/// A secondary check on matched items (time value, place country, quote speaker, ...).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Check {
    pub name: String,
    /// Matched items the check applies to, and those where it holds.
    pub scored: usize,
    pub right: usize,
}

impl Check {
    pub fn accuracy(&self) -> f64 {
        ratio(self.right, self.scored)
    }
}

/// Scores of one category (events, times, places, quotes, persons).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Category {
    pub name: String,
    /// Gold items that count for recall (for events: core events), and those found.
    pub gold: usize,
    pub found: usize,
    /// Gold items that count neither for nor against (optional events), and those found.
    pub optional: usize,
    pub optional_found: usize,
    /// Produced items; `None` where precision is not defined (persons).
    pub predicted: Option<usize>,
    /// Produced items matching no gold item.
    pub extras: usize,
    /// Produced times and places not matched but repeating a gold item's text and value
    /// (gold lists each once); neither matches nor extras.
    pub repeats: usize,
    pub checks: Vec<Check>,
}

impl Category {
    fn new(name: &str, checks: &[&str], precision: bool) -> Category {
        Category {
            name: name.to_string(),
            predicted: precision.then_some(0),
            checks: checks
                .iter()
                .map(|check| Check {
                    name: check.to_string(),
                    ..Check::default()
                })
                .collect(),
            ..Category::default()
        }
    }

    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    /// Produced items matching gold over produced items; `None` for persons.
    pub fn precision(&self) -> Option<f64> {
        self.predicted
            .map(|predicted| ratio(predicted.saturating_sub(self.extras), predicted))
    }

    pub fn f1(&self) -> Option<f64> {
        self.precision()
            .map(|precision| f1(precision, self.recall()))
    }

    /// The named check, if the category has it.
    pub fn check(&self, name: &str) -> Option<&Check> {
        self.checks.iter().find(|check| check.name == name)
    }

    fn score(&mut self, name: &str, right: bool) {
        if let Some(check) = self.checks.iter_mut().find(|check| check.name == name) {
            check.scored += 1;
            check.right += usize::from(right);
        }
    }

    fn add(&mut self, other: &Category) {
        self.gold += other.gold;
        self.found += other.found;
        self.optional += other.optional;
        self.optional_found += other.optional_found;
        if let (Some(total), Some(part)) = (self.predicted.as_mut(), other.predicted) {
            *total += part;
        }
        self.extras += other.extras;
        self.repeats += other.repeats;
        for (total, part) in self.checks.iter_mut().zip(&other.checks) {
            total.scored += part.scored;
            total.right += part.right;
        }
    }
}

/// One error for developers: a miss, an extra or a wrong attribute, with its sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ErrorLine {
    pub doc: String,
    pub category: String,
    /// `miss`, `extra`, or `wrong <check>`.
    pub kind: String,
    pub what: String,
    pub sentence: String,
}

/// The result of [`gold`]: totals per category over all documents, and every error.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct GoldReport {
    pub documents: Vec<String>,
    pub sentences: usize,
    pub tokens: usize,
    /// In this order: events, times, places, quotes, persons.
    pub categories: Vec<Category>,
    pub errors: Vec<ErrorLine>,
    /// Remarks about the input (text changed by ingest, unknown gold fields, ...).
    pub problems: Vec<String>,
}

impl GoldReport {
    /// The category named `name` (`events`, `times`, `places`, `quotes`, `persons`).
    pub fn category(&self, name: &str) -> Option<&Category> {
        self.categories
            .iter()
            .find(|category| category.name == name)
    }
}

fn percent(value: f64) -> String {
    format!("{:.1}", 100.0 * value)
}

impl fmt::Display for GoldReport {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            out,
            "gold evaluation: {} document(s), {} sentences, {} tokens",
            self.documents.len(),
            self.sentences,
            self.tokens
        )?;
        writeln!(
            out,
            "{:<9} {:>6} {:>6} {:>8} {:>9} {:>6} {:>6} {:>7} {:>6} {:>9}  checks on matched items",
            "category",
            "gold",
            "found",
            "recall%",
            "produced",
            "repeat",
            "extra",
            "prec%",
            "F1%",
            "optional"
        )?;
        for category in &self.categories {
            let checks: Vec<String> = category
                .checks
                .iter()
                .map(|check| {
                    format!(
                        "{} {}/{} ({}%)",
                        check.name,
                        check.right,
                        check.scored,
                        percent(check.accuracy())
                    )
                })
                .collect();
            writeln!(
                out,
                "{:<9} {:>6} {:>6} {:>8} {:>9} {:>6} {:>6} {:>7} {:>6} {:>9}  {}",
                category.name,
                category.gold,
                category.found,
                percent(category.recall()),
                category
                    .predicted
                    .map_or("-".to_string(), |predicted| predicted.to_string()),
                category.repeats,
                if category.predicted.is_some() {
                    category.extras.to_string()
                } else {
                    "-".to_string()
                },
                category.precision().map_or("-".to_string(), percent),
                category.f1().map_or("-".to_string(), percent),
                if category.optional > 0 {
                    format!("{}/{}", category.optional_found, category.optional)
                } else {
                    "-".to_string()
                },
                checks.join(", ")
            )?;
        }
        for problem in &self.problems {
            writeln!(out, "note: {problem}")?;
        }
        writeln!(
            out,
            "(repeat: later mentions of a gold time or place, same text and value; not scored)"
        )?;
        if !self.errors.is_empty() {
            writeln!(out, "\nerrors ({}):", self.errors.len())?;
        }
        for category in &self.categories {
            for error in self
                .errors
                .iter()
                .filter(|error| error.category == category.name)
            {
                writeln!(
                    out,
                    "  [{}] {} {}: {}",
                    error.category, error.doc, error.kind, error.what
                )?;
                if !error.sentence.is_empty() {
                    writeln!(out, "      in: {}", error.sentence)?;
                }
            }
        }
        Ok(())
    }
}

/// Evaluates `Pipeline::embedded()` on the gold files named by `paths` (files
/// `*.gold.json` or folders holding them, read recursively in name order).
pub fn gold(paths: &[PathBuf]) -> Result<GoldReport, EvalError> {
    gold_with(&Pipeline::embedded(), paths)
}

/// [`gold`] with a given pipeline.
pub fn gold_with(pipeline: &Pipeline, paths: &[PathBuf]) -> Result<GoldReport, EvalError> {
    let mut files = Vec::new();
    for path in paths {
        collect_gold_files(path, &mut files)?;
    }
    let mut report = GoldReport {
        categories: vec![
            Category::new("events", &["modality"], true),
            Category::new("times", &["value"], true),
            Category::new("places", &["country"], true),
            Category::new("quotes", &["kind", "speaker"], true),
            Category::new("persons", &["code"], false),
        ],
        ..GoldReport::default()
    };
    for file in &files {
        let document = GoldFile::read(file)?;
        report.problems.extend(document.problems.iter().cloned());
        let analysis = pipeline.analyze(document.doc.clone());
        let scored = score_document(&document, &analysis);
        report.documents.push(document.doc.id.clone());
        report.sentences += analysis.tokens.sentences.len();
        report.tokens += analysis.tokens.tokens.len();
        for (total, part) in report.categories.iter_mut().zip(&scored.categories) {
            total.add(part);
        }
        report.errors.extend(scored.errors);
    }
    Ok(report)
}

fn collect_gold_files(path: &Path, files: &mut Vec<PathBuf>) -> Result<(), EvalError> {
    if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|error| EvalError::read(path, error))?;
        let mut children: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .collect();
        children.sort();
        for child in children {
            if child.is_dir() || child.to_string_lossy().ends_with(".gold.json") {
                collect_gold_files(&child, files)?;
            }
        }
        Ok(())
    } else if path.exists() {
        files.push(path.to_path_buf());
        Ok(())
    } else {
        Err(EvalError::read(path, "not found"))
    }
}

/// A gold item with a byte span into the ingested document text.
#[derive(Clone, Debug)]
struct Item {
    span: Span,
    text: String,
    /// Time value, place country, or quote kind.
    attribute: String,
    /// Quote speaker.
    speaker: Option<String>,
}

#[derive(Clone, Debug)]
struct Person {
    name: String,
    actor: String,
}

/// One gold file, read and aligned to the ingested document.
#[derive(Clone, Debug)]
struct GoldFile {
    doc: Document,
    events: Vec<GoldEvent>,
    times: Vec<Item>,
    places: Vec<Item>,
    quotes: Vec<Item>,
    persons: Vec<Person>,
    problems: Vec<String>,
}

fn field<'a>(value: &'a serde_json::Value, key: &str) -> &'a str {
    value
        .get(key)
        .and_then(|value| value.as_str())
        .unwrap_or("")
}

impl GoldFile {
    fn read(path: &Path) -> Result<GoldFile, EvalError> {
        let json_text =
            std::fs::read_to_string(path).map_err(|error| EvalError::read(path, error))?;
        let json: serde_json::Value =
            serde_json::from_str(&json_text).map_err(|error| EvalError::read(path, error))?;
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or("")
            .trim_end_matches(".gold.json")
            .to_string();
        let text_path = match json.get("doc").and_then(|doc| doc.as_str()) {
            Some(doc) => path.with_file_name(doc),
            None => path.with_file_name(format!("{name}.txt")),
        };
        let raw = std::fs::read_to_string(&text_path)
            .map_err(|error| EvalError::read(&text_path, error))?;
        let dct =
            NaiveDate::parse_from_str(field(&json, "dct").get(..10).unwrap_or(""), "%Y-%m-%d").ok();
        let lang = match field(&json, "lang") {
            "" => None,
            code => Some(Lang::parse(code)),
        };
        let options = lagebild_ingest::ReadOptions {
            published: dct,
            lang,
            ..lagebild_ingest::ReadOptions::default()
        };
        let mut doc = match lagebild_ingest::read_path(&text_path, &options).next() {
            Some(Ok(doc)) => doc,
            Some(Err(error)) => return Err(EvalError::read(&text_path, error)),
            None => return Err(EvalError::read(&text_path, "no document in file")),
        };
        if doc.published.is_none() {
            doc.published = dct;
        }
        let mut problems = Vec::new();
        // Gold offsets are characters of the file; the ingested text should be the same.
        let raw_chars = raw.chars().count();
        let doc_bytes = byte_offsets(&doc.text);
        if doc.text != raw {
            problems.push(format!(
                "{}: ingested text differs from the file ({} vs {} characters); gold offsets taken as characters of the ingested text",
                text_path.display(),
                doc.text.chars().count(),
                raw_chars
            ));
        }
        let byte = |character: u64| {
            doc_bytes
                .get(character as usize)
                .copied()
                .unwrap_or(doc.text.len())
        };
        let span_of = |value: &serde_json::Value| -> Option<Span> {
            let start = value.get("start")?.as_u64()?;
            let end = value
                .get("end")
                .and_then(|end| end.as_u64())
                .unwrap_or(start);
            Some(Span::from_range(byte(start)..byte(end.max(start))))
        };
        let items = |key: &str, attribute: &str, problems: &mut Vec<String>| -> Vec<Item> {
            let mut out = Vec::new();
            for (index, value) in json
                .get(key)
                .and_then(|list| list.as_array())
                .into_iter()
                .flatten()
                .enumerate()
            {
                let Some(span) = span_of(value) else {
                    problems.push(format!("{}: {key}[{index}] has no start", path.display()));
                    continue;
                };
                out.push(Item {
                    span,
                    text: field(value, "text").to_string(),
                    attribute: field(value, attribute).to_string(),
                    speaker: value
                        .get("speaker")
                        .and_then(|speaker| speaker.as_str())
                        .map(str::to_string),
                });
            }
            out
        };
        let times = items("times", "value", &mut problems);
        let places = items("places", "country", &mut problems);
        let quotes = items("quotes", "kind", &mut problems);
        let persons = json
            .get("persons")
            .and_then(|list| list.as_array())
            .into_iter()
            .flatten()
            .map(|person| Person {
                name: field(person, "name").to_string(),
                actor: field(person, "actor").to_string(),
            })
            .filter(|person| !person.name.is_empty())
            .collect();
        // Events through lagebild_events' reader (cameo as string or list, core/optional);
        // its spans are bytes of the raw file, turned back into characters here.
        let mut events = lagebild_events::eval::load_gold(path)
            .map_err(|error| EvalError::Read {
                path: path.display().to_string(),
                message: error.to_string(),
            })?
            .events;
        let raw_chars = CharOffsets::new(&raw);
        for event in &mut events {
            let (start, end) = raw_chars.span(event.span);
            event.span = Span::from_range(byte(start as u64)..byte(end as u64));
        }
        Ok(GoldFile {
            doc,
            events,
            times,
            places,
            quotes,
            persons,
            problems,
        })
    }
}

struct Scored {
    categories: Vec<Category>,
    errors: Vec<ErrorLine>,
}

/// The sentence around `span`, clipped, for error listings.
fn sentence_text(text: &str, analysis: &TextAnalysis, span: Span) -> String {
    match analysis
        .sentence_at(span.start)
        .and_then(|index| analysis.sentences.get(index))
    {
        Some(sentence) => clip(sentence.span.slice(text), 220),
        None => clip(span.slice(text), 220),
    }
}

fn event_location(event: &Event) -> Span {
    let mut span = event.trigger;
    if !event.source.span.is_empty() {
        span = span.cover(event.source.span);
    }
    if let Some(target) = event
        .target
        .as_ref()
        .filter(|target| !target.span.is_empty())
    {
        span = span.cover(target.span);
    }
    span
}

fn same_place(event: &Event, gold: &GoldEvent, analysis: &TextAnalysis) -> bool {
    let sentence = |byte: u32| analysis.sentence_at(byte).map(|index| index as u32);
    gold.span.overlaps(event.trigger)
        || gold.span.overlaps(event_location(event))
        || sentence(gold.span.start) == Some(event.sentence)
        || sentence(gold.span.end.saturating_sub(1)) == Some(event.sentence)
}

/// Whether a produced event matches a gold event (see the module docs).
pub fn event_matches(event: &Event, gold: &GoldEvent, analysis: &TextAnalysis) -> bool {
    let root = lagebild_events::cameo_root(&event.cameo);
    let code_ok = gold
        .cameo
        .iter()
        .any(|code| lagebild_events::cameo_root(code) == root);
    let source_ok = gold.sources.is_empty()
        || gold.sources.iter().any(|source| {
            root_matches(&event.source.code, event.source.country.as_deref(), source)
        });
    let target_ok = target_matches(event.target.as_ref(), &gold.targets);
    code_ok && source_ok && target_ok && same_place(event, gold, analysis)
}

fn modality_agrees(event: &Event, gold: &GoldEvent) -> bool {
    let gold_modality = gold.modality.trim().to_lowercase();
    gold_modality.is_empty()
        || event.modality.iter().any(|modality| {
            gold_modality == modality.as_str()
                || gold_modality.starts_with(&format!("{}-", modality.as_str()))
        })
        || (gold_modality == "asserted" && event.modality.is_empty())
}

fn describe_event(event: &Event, text: &str) -> String {
    let modality: Vec<&str> = event
        .modality
        .iter()
        .map(|modality| modality.as_str())
        .collect();
    format!(
        "{:?} {}->{} {} [{}] ({})",
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

fn describe_gold_event(gold: &GoldEvent) -> String {
    format!(
        "{} {:?} {}->{} {} [{}]",
        if gold.core { "core" } else { "optional" },
        gold.quote,
        gold.sources.join("|"),
        gold.targets.join("|"),
        gold.cameo.join("|"),
        gold.modality
    )
}

fn score_document(gold: &GoldFile, analysis: &Analysis) -> Scored {
    let text = &analysis.doc.text;
    let tokens = &analysis.tokens;
    let id = &analysis.doc.id;
    let mut errors = Vec::new();
    let mut error = |category: &str, kind: &str, what: String, span: Span| {
        errors.push(ErrorLine {
            doc: id.clone(),
            category: category.to_string(),
            kind: kind.to_string(),
            what,
            sentence: sentence_text(text, tokens, span),
        });
    };

    // Events.
    let mut events = Category::new("events", &["modality"], true);
    let mut used = vec![false; analysis.events.len()];
    for gold_event in &gold.events {
        if gold_event.core {
            events.gold += 1;
        } else {
            events.optional += 1;
        }
        let found: Vec<usize> = analysis
            .events
            .iter()
            .enumerate()
            .filter(|(_, event)| event_matches(event, gold_event, tokens))
            .map(|(index, _)| index)
            .collect();
        for &index in &found {
            used[index] = true;
        }
        match found.first() {
            Some(&first) => {
                if gold_event.core {
                    events.found += 1;
                } else {
                    events.optional_found += 1;
                }
                let event = &analysis.events[first];
                let agrees = found
                    .iter()
                    .any(|&index| modality_agrees(&analysis.events[index], gold_event));
                events.score("modality", agrees);
                if !agrees {
                    error(
                        "events",
                        "wrong modality",
                        format!(
                            "{} produced {}",
                            describe_gold_event(gold_event),
                            describe_event(event, text)
                        ),
                        gold_event.span,
                    );
                }
            }
            None if gold_event.core => {
                let nearby: Vec<String> = analysis
                    .events
                    .iter()
                    .filter(|event| same_place(event, gold_event, tokens))
                    .map(|event| describe_event(event, text))
                    .collect();
                let nearby = if nearby.is_empty() {
                    "nothing coded there".to_string()
                } else {
                    format!("coded there: {}", nearby.join("; "))
                };
                error(
                    "events",
                    "miss",
                    format!("{}; {nearby}", describe_gold_event(gold_event)),
                    gold_event.span,
                );
            }
            None => {}
        }
    }
    events.predicted = Some(analysis.events.len());
    for (index, event) in analysis.events.iter().enumerate() {
        if !used[index] {
            events.extras += 1;
            error(
                "events",
                "extra",
                describe_event(event, text),
                event.trigger,
            );
        }
    }

    // Times and places: overlap, one to one in text order.
    let mut times = Category::new("times", &["value"], true);
    let predicted_times: Vec<(Span, String)> = analysis
        .times
        .iter()
        .map(|time| {
            (
                time.span,
                time.value.clone().unwrap_or_else(|| NONE.to_string()),
            )
        })
        .collect();
    score_spans(
        &mut times,
        "value",
        &gold.times,
        &predicted_times,
        text,
        &mut error,
    );
    let mut places = Category::new("places", &["country"], true);
    let predicted_places: Vec<(Span, String)> = analysis
        .places
        .iter()
        .map(|place| {
            (
                place.span,
                place.country.clone().unwrap_or_else(|| NONE.to_string()),
            )
        })
        .collect();
    score_spans(
        &mut places,
        "country",
        &gold.places,
        &predicted_places,
        text,
        &mut error,
    );

    // Quotes: half of the shorter span, best overlap first.
    let mut quotes = Category::new("quotes", &["kind", "speaker"], true);
    let chars = CharOffsets::new(text);
    let length = |span: Span| {
        let (start, end) = chars.span(span);
        end.saturating_sub(start)
    };
    let mut pairs: Vec<(f64, f64, usize, usize)> = Vec::new();
    for (gold_index, item) in gold.quotes.iter().enumerate() {
        for (index, quote) in analysis.quotes.iter().enumerate() {
            let shared = length(Span::new(
                item.span.start.max(quote.span.start),
                item.span
                    .end
                    .min(quote.span.end)
                    .max(item.span.start.max(quote.span.start)),
            ));
            let shorter = length(item.span).min(length(quote.span)).max(1);
            let share = f64::from(shared) / f64::from(shorter);
            let union = (length(item.span) + length(quote.span))
                .saturating_sub(shared)
                .max(1);
            let jaccard = f64::from(shared) / f64::from(union);
            if shared > 0 && share >= 0.5 {
                pairs.push((share, jaccard, gold_index, index));
            }
        }
    }
    // Best share first; among equal shares the closer span (a nested partial quote
    // rather than the sentence around it).
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.total_cmp(&a.1)));
    let mut gold_used = vec![false; gold.quotes.len()];
    let mut quote_used = vec![false; analysis.quotes.len()];
    for (_, _, gold_index, index) in pairs {
        if gold_used[gold_index] || quote_used[index] {
            continue;
        }
        gold_used[gold_index] = true;
        quote_used[index] = true;
        quotes.found += 1;
        let item = &gold.quotes[gold_index];
        let quote = &analysis.quotes[index];
        let kind = kind_name(quote.kind);
        let kind_right = kind.eq_ignore_ascii_case(&item.attribute);
        quotes.score("kind", kind_right);
        if !kind_right {
            error(
                "quotes",
                "wrong kind",
                format!(
                    "gold {} produced {kind}: {:?}",
                    item.attribute,
                    clip(&item.text, 80)
                ),
                item.span,
            );
        }
        if let Some(gold_speaker) = &item.speaker {
            let produced = quote
                .speaker
                .as_ref()
                .and_then(|speaker| speaker.name.clone());
            let right = produced
                .as_deref()
                .is_some_and(|name| same_name(name, gold_speaker));
            quotes.score("speaker", right);
            if !right {
                let phrase = quote
                    .speaker
                    .as_ref()
                    .map(|speaker| speaker.span.slice(text).to_string());
                error(
                    "quotes",
                    "wrong speaker",
                    format!(
                        "gold {gold_speaker:?} produced {produced:?} (phrase {phrase:?}): {:?}",
                        clip(&item.text, 80)
                    ),
                    item.span,
                );
            }
        }
    }
    quotes.gold = gold.quotes.len();
    quotes.predicted = Some(analysis.quotes.len());
    for (gold_index, item) in gold.quotes.iter().enumerate() {
        if !gold_used[gold_index] {
            error(
                "quotes",
                "miss",
                format!("{} {:?}", item.attribute, clip(&item.text, 120)),
                item.span,
            );
        }
    }
    for (index, quote) in analysis.quotes.iter().enumerate() {
        if !quote_used[index] {
            quotes.extras += 1;
            let speaker = quote
                .speaker
                .as_ref()
                .and_then(|speaker| speaker.name.clone())
                .unwrap_or_default();
            error(
                "quotes",
                "extra",
                format!(
                    "{} {:?} speaker {speaker:?}",
                    kind_name(quote.kind),
                    clip(quote.span.slice(text), 120)
                ),
                quote.span,
            );
        }
    }

    // Persons.
    let mut persons = Category::new("persons", &["code"], false);
    for person in &gold.persons {
        persons.gold += 1;
        let mentions: Vec<_> = analysis
            .actors
            .iter()
            .filter(|mention| {
                same_name(&mention.name, &person.name)
                    || same_name(mention.span.slice(text), &person.name)
            })
            .collect();
        if mentions.is_empty() {
            let surname = person
                .name
                .split_whitespace()
                .last()
                .unwrap_or(&person.name);
            let at = text.find(surname).map_or(Span::new(0, 0), |start| {
                Span::from_range(start..start + surname.len())
            });
            error(
                "persons",
                "miss",
                format!(
                    "{} ({}) has no actor mention of that name",
                    person.name, person.actor
                ),
                at,
            );
            continue;
        }
        persons.found += 1;
        let right = person.actor.is_empty()
            || mentions.iter().any(|mention| {
                root_matches(&mention.code, mention.country.as_deref(), &person.actor)
            });
        persons.score("code", right);
        if !right {
            let codes: Vec<&str> = mentions
                .iter()
                .map(|mention| mention.code.as_str())
                .collect();
            error(
                "persons",
                "wrong code",
                format!(
                    "{} gold {} produced {}",
                    person.name,
                    person.actor,
                    codes.join(",")
                ),
                mentions[0].span,
            );
        }
    }

    Scored {
        categories: vec![events, times, places, quotes, persons],
        errors,
    }
}

fn kind_name(kind: lagebild_quotes::QuoteKind) -> &'static str {
    match kind {
        lagebild_quotes::QuoteKind::Direct => "direct",
        lagebild_quotes::QuoteKind::Indirect => "indirect",
        lagebild_quotes::QuoteKind::Partial => "partial",
    }
}

/// Names equal up to case and spacing.
fn same_name(a: &str, b: &str) -> bool {
    let normal = |name: &str| {
        name.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    };
    !a.trim().is_empty() && normal(a) == normal(b)
}

/// Attribute values equal up to case; gold `---` is "none".
fn same_value(produced: &str, gold: &str) -> bool {
    produced.eq_ignore_ascii_case(gold) || (gold == "---" && produced == NONE)
}

const NONE: &str = "(none)";

/// Span-overlap matching (one to one, in text order) with one attribute check.
fn score_spans(
    category: &mut Category,
    check: &str,
    gold: &[Item],
    predicted: &[(Span, String)],
    text: &str,
    error: &mut impl FnMut(&str, &str, String, Span),
) {
    let name = category.name.clone();
    let mut used = vec![false; predicted.len()];
    category.gold += gold.len();
    category.predicted = Some(predicted.len());
    for item in gold {
        let found = predicted
            .iter()
            .enumerate()
            .find(|(index, (span, _))| !used[*index] && span.overlaps(item.span));
        match found {
            Some((index, (span, value))) => {
                used[index] = true;
                category.found += 1;
                let right = same_value(value, &item.attribute);
                category.score(check, right);
                if !right {
                    error(
                        &name,
                        &format!("wrong {check}"),
                        format!(
                            "{:?} gold {} produced {value} (for {:?})",
                            item.text,
                            item.attribute,
                            span.slice(text)
                        ),
                        item.span,
                    );
                }
            }
            None => error(
                &name,
                "miss",
                format!("{:?} {}", item.text, item.attribute),
                item.span,
            ),
        }
    }
    for (index, (span, value)) in predicted.iter().enumerate() {
        if used[index] {
            continue;
        }
        // Gold lists a place or time once; later mentions of the same text with the
        // same value are repeats, not extras.
        let surface = span.slice(text);
        if gold
            .iter()
            .any(|item| same_name(&item.text, surface) && same_value(value, &item.attribute))
        {
            category.repeats += 1;
            continue;
        }
        {
            category.extras += 1;
            error(
                &name,
                "extra",
                format!("{:?} {value}", span.slice(text)),
                *span,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata;

    /// Writes a seed-style article with its gold file; returns the gold path.
    fn write_article(dir: &Path, name: &str, text: &str, gold: serde_json::Value) -> PathBuf {
        std::fs::write(dir.join(format!("{name}.txt")), text).expect("write text");
        let meta = serde_json::json!({"id": name, "published": "2025-03-05", "lang": "de", "source": "TST"});
        std::fs::write(dir.join(format!("{name}.meta.json")), meta.to_string())
            .expect("write meta");
        let path = dir.join(format!("{name}.gold.json"));
        std::fs::write(&path, gold.to_string()).expect("write gold");
        path
    }

    fn chars_of(text: &str, needle: &str) -> (usize, usize) {
        let byte = text.find(needle).expect("needle in text");
        let start = text[..byte].chars().count();
        (start, start + needle.chars().count())
    }

    /// Checks the invariants every report must hold.
    fn check(report: &GoldReport) {
        assert_eq!(report.categories.len(), 5);
        for category in &report.categories {
            assert!(
                category.found <= category.gold,
                "{}: found > gold",
                category.name
            );
            assert!(category.optional_found <= category.optional);
            if let Some(predicted) = category.predicted {
                assert!(
                    category.extras <= predicted,
                    "{}: extras > produced",
                    category.name
                );
            }
            for check in &category.checks {
                assert!(
                    check.right <= check.scored
                        && check.scored <= category.found + category.optional_found
                );
            }
            let misses = report
                .errors
                .iter()
                .filter(|error| error.category == category.name && error.kind == "miss")
                .count();
            if category.name != "events" {
                assert_eq!(
                    misses,
                    category.gold - category.found,
                    "{}: one miss line per miss",
                    category.name
                );
            }
            let extras = report
                .errors
                .iter()
                .filter(|error| error.category == category.name && error.kind == "extra")
                .count();
            assert_eq!(
                extras, category.extras,
                "{}: one extra line per extra",
                category.name
            );
        }
        let printed = report.to_string();
        assert!(printed.contains("category") && printed.contains("events"));
        let json = serde_json::to_value(report).expect("report serialises");
        assert!(json["categories"].is_array());
    }

    #[test]
    fn small_article_is_scored() {
        let dir = testdata::folder("gold_small");
        let text = "Gondor kritisiert Mordor\n\nDie Regierung in Berlin hat am Montag Russland scharf kritisiert. \
                    \"Wir werden das nicht hinnehmen\", sagte Bundeskanzler Olaf Scholz in Berlin.\n\nA. Schreiber--TST\n";
        let (time_start, time_end) = chars_of(text, "am Montag");
        let (place_start, place_end) = chars_of(text, "Berlin");
        let (quote_start, quote_end) = chars_of(text, "Wir werden das nicht hinnehmen");
        let (event_start, event_end) = chars_of(
            text,
            "Die Regierung in Berlin hat am Montag Russland scharf kritisiert",
        );
        let gold = serde_json::json!({
            "lang": "de", "dct": "2025-03-05",
            "events": [
                {"quote": "kritisiert", "source": "DEU", "target": "RUS", "cameo": ["111", "112"], "status": "core", "modality": "asserted", "start": event_start, "end": event_end},
                {"quote": "nicht hinnehmen", "source": "DEU", "target": "RUS", "cameo": "12", "status": "optional", "modality": "future", "start": quote_start, "end": quote_end}
            ],
            "times": [{"text": "am Montag", "start": time_start, "end": time_end, "value": "2025-03-03"}],
            "places": [{"text": "Berlin", "start": place_start, "end": place_end, "country": "DEU"}],
            "quotes": [{"kind": "direct", "text": "Wir werden das nicht hinnehmen", "start": quote_start, "end": quote_end, "speaker": "Olaf Scholz", "cue": "sagte"}],
            "persons": [{"name": "Olaf Scholz", "actor": "DEU"}, {"name": "Erika Unbekanntfrau", "actor": "DEU"}]
        });
        let path = write_article(&dir, "001_test", text, gold);
        let report = gold_with(&Pipeline::embedded(), std::slice::from_ref(&dir)).expect("report");
        check(&report);
        assert_eq!(report.documents, vec!["001_test".to_string()]);
        let times = report.category("times").expect("times");
        assert_eq!(times.gold, 1);
        let places = report.category("places").expect("places");
        assert_eq!(places.gold, 1);
        let persons = report.category("persons").expect("persons");
        assert_eq!(persons.gold, 2);
        // A person written nowhere in the text cannot be found.
        assert!(persons.found <= 1);
        assert!(
            report
                .errors
                .iter()
                .any(|error| error.category == "persons"
                    && error.what.contains("Erika Unbekanntfrau"))
        );
        let events = report.category("events").expect("events");
        assert_eq!((events.gold, events.optional), (1, 1));
        // The same file named directly gives the same report.
        let again = gold_with(&Pipeline::embedded(), &[path]).expect("report");
        assert_eq!(again, report);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn missing_inputs_name_the_file() {
        let dir = testdata::folder("gold_missing");
        let missing = dir.join("nothing.gold.json");
        let error = gold_with(&Pipeline::embedded(), &[missing]).expect_err("missing file");
        assert!(error.to_string().contains("nothing.gold.json"));
        std::fs::write(dir.join("bad.gold.json"), "{ not json").expect("write");
        let error =
            gold_with(&Pipeline::embedded(), &[dir.join("bad.gold.json")]).expect_err("bad json");
        assert!(error.to_string().contains("bad.gold.json"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn event_matching_rules() {
        use lagebild_events::{Modality, Participant};
        let text = "Russland greift die Ukraine an. Danach sprach Paris mit Berlin.";
        let mut analysis = TextAnalysis::default();
        analysis.sentences.push(lagebild_doc::Sentence {
            span: Span::from_range(0..31),
            token_start: 0,
            token_end: 0,
        });
        analysis.sentences.push(lagebild_doc::Sentence {
            span: Span::from_range(32..text.len()),
            token_start: 0,
            token_end: 0,
        });
        let participant = |code: &str, country: &str| Participant {
            span: Span::new(0, 0),
            name: code.to_string(),
            code: code.to_string(),
            country: Some(country.to_string()),
        };
        let event = Event {
            sentence: 0,
            trigger: Span::from_range(9..15),
            source: participant("RUSMIL", "RUS"),
            target: Some(participant("UKR", "UKR")),
            cameo: "190".to_string(),
            plover: None,
            plover_mode: None,
            goldstein: -10.0,
            quad_class: 4,
            modality: vec![],
            attributed_to: None,
            date: None,
            place: None,
            cluster: 0,
            rule: "test".to_string(),
        };
        let gold = GoldEvent {
            sources: vec!["RUS".into()],
            targets: vec!["UKR".into()],
            cameo: vec!["19".into()],
            core: true,
            modality: "asserted".into(),
            span: Span::from_range(0..30),
            quote: String::new(),
        };
        assert!(event_matches(&event, &gold, &analysis));
        assert!(modality_agrees(&event, &gold));
        let other_sentence = GoldEvent {
            span: Span::from_range(40..50),
            ..gold.clone()
        };
        assert!(!event_matches(&event, &other_sentence, &analysis));
        let other_code = GoldEvent {
            cameo: vec!["112".into()],
            ..gold.clone()
        };
        assert!(!event_matches(&event, &other_code, &analysis));
        let other_target = GoldEvent {
            targets: vec!["USA".into()],
            ..gold.clone()
        };
        assert!(!event_matches(&event, &other_target, &analysis));
        let negated = Event {
            modality: vec![Modality::Negated],
            ..event.clone()
        };
        assert!(!modality_agrees(&negated, &gold));
    }

    #[test]
    fn seed_gold_runs() {
        let Some(seed) = testdata::shared("seed_gold_runs", "corpus/seed") else {
            return;
        };
        let report = gold_with(&Pipeline::embedded(), &[seed]).expect("seed report");
        check(&report);
        assert!(!report.documents.is_empty());
        assert!(
            report
                .category("events")
                .is_some_and(|events| events.gold > 0)
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..proptest::prelude::ProptestConfig::default() })]

        /// Arbitrary text and arbitrary (even reversed or out-of-range) gold offsets never
        /// make the evaluation panic, and the report keeps its invariants.
        #[test]
        fn no_panic_on_arbitrary_gold(
            text in "[A-Za-zÄÖÜäöüß„“\"., \n-]{0,160}",
            offsets in proptest::collection::vec((0u64..220, 0u64..220), 0..6),
        ) {
            let dir = testdata::folder(&format!("gold_prop_{}", text.len() * 1000 + offsets.len()));
            let item = |(start, end): (u64, u64)| serde_json::json!({"text": "x", "start": start, "end": end, "value": "2025", "country": "DEU", "kind": "direct", "speaker": "A B"});
            let gold = serde_json::json!({
                "lang": "de", "dct": "2025-03-05",
                "events": offsets.iter().map(|&(start, end)| serde_json::json!({"source": "DEU", "target": ["RUS"], "cameo": "01", "status": "core", "start": start, "end": end})).collect::<Vec<_>>(),
                "times": offsets.iter().copied().map(item).collect::<Vec<_>>(),
                "places": offsets.iter().copied().map(item).collect::<Vec<_>>(),
                "quotes": offsets.iter().copied().map(item).collect::<Vec<_>>(),
                "persons": [{"name": "A B", "actor": "DEU"}],
            });
            write_article(&dir, "prop", &text, gold);
            let report = gold_with(&PIPELINE, std::slice::from_ref(&dir));
            let _ = std::fs::remove_dir_all(&dir);
            // A blank article is an input error (one line naming the file), not a panic.
            match report {
                Ok(report) => check(&report),
                Err(error) => proptest::prop_assert!(text.trim().is_empty(), "{error}"),
            }
        }
    }

    static PIPELINE: std::sync::LazyLock<Pipeline> = std::sync::LazyLock::new(Pipeline::embedded);
}
