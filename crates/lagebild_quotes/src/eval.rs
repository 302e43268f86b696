//! Evaluation harnesses: the German Wikinews quotation corpus (EVAL data, read from
//! `../shared/data/quotes/wikinews-de/dev`) and the seed gold (`corpus/seed`).
//!
//! Matching (both): a predicted quote and a gold quote match when their character spans
//! overlap by at least half of the shorter one (`|P ∩ G| >= 0.5 * min(|P|, |G|)`; the
//! gold span of a discontinuous Wikinews quote is the sum of its parts). Pairs are
//! matched one to one, best overlap first (ties broken by the Jaccard overlap).
//! Precision = matched predictions / predictions; recall = matched gold quotes / gold
//! quotes (also per gold type); F1 from
//! both. A matched quote has the right speaker when (Wikinews) the predicted speaker span
//! overlaps a gold speaker span, or (seed) the gold speaker's surname occurs in the
//! predicted speaker name or phrase. (`lagebild_eval::quotes` scores the whole pipeline and
//! also accepts a resolved name matching the head of the gold mention.)

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use lagebild_actors::ActorMention;
use lagebild_doc::{CharOffsets, Document, Lang, Span, TextAnalysis};

use crate::{Quote, QuoteKind};

pub use lagebild_timex::eval::EvalError;

/// The shared data folder: `$LAGEBILD_SHARED` or `../shared` beside the workspace.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("LAGEBILD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")))
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// One gold quotation in character offsets.
#[derive(Debug, Clone)]
pub struct GoldQuote {
    pub kind: String,
    pub spans: Vec<(u32, u32)>,
    pub speaker_spans: Vec<(u32, u32)>,
    /// Seed only: the speaker's name.
    pub speaker_name: Option<String>,
    pub cue: String,
}

/// A document with its gold quotations.
#[derive(Debug, Clone)]
pub struct GoldDocument {
    pub doc: Document,
    pub quotes: Vec<GoldQuote>,
}

fn spans_of(value: &serde_json::Value) -> Vec<(u32, u32)> {
    value["spans"]
        .as_array()
        .map(|spans| {
            spans
                .iter()
                .filter_map(|span| {
                    Some((
                        span["charBegin"].as_u64()? as u32,
                        span["charEnd"].as_u64()? as u32,
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Reads the Wikinews JSON files of `dir` (publication date from the file name).
pub fn load_wikinews(dir: &Path) -> Result<Vec<GoldDocument>, EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let json: serde_json::Value =
            serde_json::from_str(&read(&path)?).map_err(|source| EvalError::Json {
                path: path.clone(),
                source,
            })?;
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().to_string())
            .unwrap_or_default();
        let published = name
            .rfind('(')
            .and_then(|open| name.get(open + 1..open + 11))
            .and_then(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok());
        let text = json["originalText"].as_str().unwrap_or("").to_string();
        let quotes = json["annotations"]
            .as_array()
            .map(|annotations| {
                annotations
                    .iter()
                    .map(|annotation| GoldQuote {
                        kind: annotation["type"].as_str().unwrap_or("").to_string(),
                        spans: spans_of(&annotation["quote"]),
                        speaker_spans: spans_of(&annotation["speaker"]),
                        speaker_name: None,
                        cue: annotation["cue"]["text"].as_str().unwrap_or("").to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let doc = Document {
            id: name,
            text,
            published,
            lang: Lang::De,
            lang_confidence: 1.0,
            ..Document::default()
        };
        out.push(GoldDocument { doc, quotes });
    }
    Ok(out)
}

/// Reads the seed articles (`*.gold.json` with `.txt` and `.meta.json`) of `dir`, laid
/// out as wire stories by [`lagebild_timex::eval::load_seed`].
pub fn load_seed(dir: &Path) -> Result<Vec<GoldDocument>, EvalError> {
    Ok(lagebild_timex::eval::load_seed(dir)?
        .into_iter()
        .map(|article| {
            let quotes = article.gold["quotes"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|quote| GoldQuote {
                    kind: quote["kind"].as_str().unwrap_or("").to_string(),
                    spans: vec![(
                        quote["start"].as_u64().unwrap_or(0) as u32,
                        quote["end"].as_u64().unwrap_or(0) as u32,
                    )],
                    speaker_spans: Vec::new(),
                    speaker_name: quote["speaker"].as_str().map(str::to_string),
                    cue: quote["cue"].as_str().unwrap_or("").to_string(),
                })
                .collect();
            GoldDocument {
                doc: article.doc,
                quotes,
            }
        })
        .collect())
}

/// Counts per gold type.
#[derive(Debug, Clone, Default)]
pub struct TypeCounts {
    pub gold: usize,
    pub matched: usize,
}

#[derive(Debug, Clone, Default)]
pub struct QuoteReport {
    pub documents: usize,
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub by_gold_type: BTreeMap<String, TypeCounts>,
    /// Predicted kind -> (predicted, matched).
    pub by_predicted_kind: BTreeMap<String, (usize, usize)>,
    /// Matched quotes whose gold quote names a speaker.
    pub speaker_scorable: usize,
    pub speaker_right: usize,
    /// Gold cue words (first word, lowercased) and whether the cue lexicon knows them.
    pub cue_words: usize,
    pub cue_words_known: usize,
    /// Examples of misses and false alarms, for reading.
    pub examples: Vec<String>,
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

impl QuoteReport {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (precision, recall) = (self.precision(), self.recall());
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }

    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.speaker_scorable)
    }

    pub fn recall_of(&self, kind: &str) -> f64 {
        self.by_gold_type
            .get(kind)
            .map_or(0.0, |counts| ratio(counts.matched, counts.gold))
    }
}

impl fmt::Display for QuoteReport {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            out,
            "matching: |P ∩ G| >= 0.5 * min(|P|, |G|) in characters, one to one; speaker right = span overlap (Wikinews) or surname found (seed)"
        )?;
        writeln!(out, "documents: {}", self.documents)?;
        writeln!(out, "| gold type | gold | matched | recall |")?;
        writeln!(out, "|---|---|---|---|")?;
        for (kind, counts) in &self.by_gold_type {
            writeln!(
                out,
                "| {kind} | {} | {} | {:.2} |",
                counts.gold,
                counts.matched,
                ratio(counts.matched, counts.gold)
            )?;
        }
        writeln!(out)?;
        writeln!(out, "| predicted kind | predicted | matched | precision |")?;
        writeln!(out, "|---|---|---|---|")?;
        for (kind, (predicted, matched)) in &self.by_predicted_kind {
            writeln!(
                out,
                "| {kind} | {predicted} | {matched} | {:.2} |",
                ratio(*matched, *predicted)
            )?;
        }
        writeln!(out)?;
        writeln!(
            out,
            "| all types | gold | predicted | matched | precision | recall | F1 | speaker accuracy (matched) |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|---|")?;
        writeln!(
            out,
            "| all | {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} ({}/{}) |",
            self.gold,
            self.predicted,
            self.matched,
            self.precision(),
            self.recall(),
            self.f1(),
            self.speaker_accuracy(),
            self.speaker_right,
            self.speaker_scorable
        )?;
        if self.cue_words > 0 {
            writeln!(
                out,
                "cue lexicon coverage of gold cue words: {}/{} ({:.2})",
                self.cue_words_known,
                self.cue_words,
                ratio(self.cue_words_known, self.cue_words)
            )?;
        }
        Ok(())
    }
}

fn overlap(a: (u32, u32), b: (u32, u32)) -> u32 {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Scores `annotate` (through `run`, which gets each document) on `documents`.
pub fn evaluate(
    documents: &[GoldDocument],
    run: &dyn Fn(&Document) -> (TextAnalysis, Vec<ActorMention>),
    examples: usize,
) -> QuoteReport {
    evaluate_with(documents, run, &crate::QuoteOptions::default(), examples)
}

/// [`evaluate`] with [`crate::QuoteOptions`].
pub fn evaluate_with(
    documents: &[GoldDocument],
    run: &dyn Fn(&Document) -> (TextAnalysis, Vec<ActorMention>),
    options: &crate::QuoteOptions,
    examples: usize,
) -> QuoteReport {
    let mut report = QuoteReport {
        documents: documents.len(),
        ..QuoteReport::default()
    };
    let lexicon = &crate::lexicon::lexicons().german;
    for gold_document in documents {
        let doc = &gold_document.doc;
        let (analysis, actors) = run(doc);
        let predicted: Vec<Quote> = crate::annotate_with(doc, &analysis, &actors, options);
        let chars = CharOffsets::new(&doc.text);
        let char_span = |span: Span| chars.span(span);
        report.gold += gold_document.quotes.len();
        report.predicted += predicted.len();
        for quote in &predicted {
            report
                .by_predicted_kind
                .entry(kind_name(quote.kind).to_string())
                .or_default()
                .0 += 1;
        }
        for gold in &gold_document.quotes {
            report
                .by_gold_type
                .entry(gold.kind.clone())
                .or_default()
                .gold += 1;
            if let Some(first) = gold.cue.split_whitespace().next() {
                report.cue_words += 1;
                let lower = first.to_lowercase();
                if lexicon.get(&lower).is_some()
                    || matches!(
                        lower.as_str(),
                        "laut" | "nach" | "zufolge" | "so" | "demnach" | "wie"
                    )
                {
                    report.cue_words_known += 1;
                }
            }
        }
        // Candidate pairs by overlap, best first.
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (gold_index, gold) in gold_document.quotes.iter().enumerate() {
            let gold_length: u32 = gold
                .spans
                .iter()
                .map(|span| span.1.saturating_sub(span.0))
                .sum();
            for (predicted_index, quote) in predicted.iter().enumerate() {
                let span = char_span(quote.span);
                let shared: u32 = gold
                    .spans
                    .iter()
                    .map(|gold_span| overlap(span, *gold_span))
                    .sum();
                let shorter = gold_length.min(span.1.saturating_sub(span.0)).max(1);
                let share = shared as f64 / shorter as f64;
                if share >= 0.5 {
                    // Ties (a partial quote inside a gold indirect quote that also holds a
                    // gold direct quote) go to the pair of most similar extent.
                    let union = (gold_length + span.1.saturating_sub(span.0))
                        .saturating_sub(shared)
                        .max(1);
                    let jaccard = shared as f64 / union as f64;
                    pairs.push((share + 0.01 * jaccard, gold_index, predicted_index));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut gold_used = vec![false; gold_document.quotes.len()];
        let mut predicted_used = vec![false; predicted.len()];
        for (_, gold_index, predicted_index) in pairs {
            if gold_used[gold_index] || predicted_used[predicted_index] {
                continue;
            }
            gold_used[gold_index] = true;
            predicted_used[predicted_index] = true;
            report.matched += 1;
            let gold = &gold_document.quotes[gold_index];
            let quote = &predicted[predicted_index];
            report
                .by_gold_type
                .entry(gold.kind.clone())
                .or_default()
                .matched += 1;
            report
                .by_predicted_kind
                .entry(kind_name(quote.kind).to_string())
                .or_default()
                .1 += 1;
            if let Some(name) = &gold.speaker_name {
                report.speaker_scorable += 1;
                let surname = name
                    .split_whitespace()
                    .last()
                    .unwrap_or(name)
                    .to_lowercase();
                let found = quote.speaker.as_ref().is_some_and(|speaker| {
                    speaker
                        .name
                        .as_deref()
                        .is_some_and(|predicted| predicted.to_lowercase().contains(&surname))
                });
                if found {
                    report.speaker_right += 1;
                } else if report.examples.len() < examples {
                    report.examples.push(format!(
                        "speaker: gold {name:?}, predicted {:?} for {:?}",
                        quote
                            .speaker
                            .as_ref()
                            .map(|speaker| (speaker.span.slice(&doc.text), speaker.name.clone())),
                        clip(quote.span.slice(&doc.text))
                    ));
                }
            } else if !gold.speaker_spans.is_empty() {
                report.speaker_scorable += 1;
                let right = quote.speaker.as_ref().is_some_and(|speaker| {
                    let span = char_span(speaker.span);
                    gold.speaker_spans
                        .iter()
                        .any(|gold_span| overlap(span, *gold_span) > 0)
                });
                if right {
                    report.speaker_right += 1;
                } else if report.examples.len() < examples {
                    let gold_speaker: String = gold
                        .speaker_spans
                        .first()
                        .map(|&(start, end)| {
                            doc.text
                                .chars()
                                .skip(start as usize)
                                .take((end - start) as usize)
                                .collect()
                        })
                        .unwrap_or_default();
                    report.examples.push(format!(
                        "speaker: gold {gold_speaker:?}, predicted {:?} for {} {:?}",
                        quote
                            .speaker
                            .as_ref()
                            .map(|speaker| speaker.span.slice(&doc.text)),
                        gold.kind,
                        clip(quote.span.slice(&doc.text))
                    ));
                }
            }
        }
        for (gold_index, gold) in gold_document.quotes.iter().enumerate() {
            if !gold_used[gold_index] && report.examples.len() < examples {
                let text: String = gold
                    .spans
                    .first()
                    .map(|&(start, end)| {
                        doc.text
                            .chars()
                            .skip(start as usize)
                            .take((end - start) as usize)
                            .collect()
                    })
                    .unwrap_or_default();
                report.examples.push(format!(
                    "missed {} (cue {:?}): {:?}",
                    gold.kind,
                    gold.cue,
                    clip(&text)
                ));
            }
        }
        for (predicted_index, quote) in predicted.iter().enumerate() {
            if !predicted_used[predicted_index] && report.examples.len() < examples {
                report.examples.push(format!(
                    "extra {}: {:?}",
                    kind_name(quote.kind),
                    clip(quote.span.slice(&doc.text))
                ));
            }
        }
    }
    report
}

fn clip(text: &str) -> String {
    let clipped: String = text.chars().take(110).collect();
    clipped.replace('\n', " ")
}

fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Partial => "partial",
    }
}
