//! Evaluation against the seed gold format (`corpus/seed/*.gold.json`: `places` with
//! `start`/`end` character offsets and `country`, `---` for regions across borders).
//!
//! Matching: a gold place is found when a predicted mention overlaps its character
//! span, and right when the countries agree. Precision counts predicted mentions that
//! overlap a gold place; since the gold lists each place once, a second mention of a
//! gold place name counts as right too ("repeat").

use std::fmt;
use std::path::{Path, PathBuf};

use lagebild_doc::{CharOffsets, Document, TextAnalysis};

use crate::Gazetteer;

/// The seed reader is the one of `lagebild_timex::eval`, shared by the stages
/// evaluated on the seed articles.
pub use lagebild_timex::eval::{EvalError, wire_story};

/// Reads every `*.gold.json` of `dir` with its `.txt` and `.meta.json` as wire stories
/// (see [`lagebild_timex::eval::load_seed`]).
pub fn load_seed(dir: &Path) -> Result<Vec<(Document, serde_json::Value)>, EvalError> {
    Ok(lagebild_timex::eval::load_seed(dir)?
        .into_iter()
        .map(|article| (article.doc, article.gold))
        .collect())
}

#[derive(Debug, Clone)]
pub struct PlaceRow {
    pub text: String,
    pub gold: Option<String>,
    pub predicted: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct PlaceReport {
    pub gold: usize,
    pub found: usize,
    pub right_country: usize,
    pub predicted: usize,
    /// Predictions overlapping a gold place, or repeating a gold place's name.
    pub predicted_right: usize,
    pub rows: Vec<PlaceRow>,
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

impl PlaceReport {
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_right, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.right_country, self.gold)
    }
}

impl fmt::Display for PlaceReport {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            out,
            "matching: gold found = a prediction overlaps its char span; right = same country (--- = none)"
        )?;
        writeln!(out, "{:<24} {:<8} {:<24}", "text", "gold", "predicted")?;
        for row in &self.rows {
            writeln!(
                out,
                "{:<24} {:<8} {:<24}",
                row.text,
                row.gold.as_deref().unwrap_or("-"),
                row.predicted.as_deref().unwrap_or("-")
            )?;
        }
        writeln!(out)?;
        writeln!(
            out,
            "| gold | found | right country | predicted | predicted right (incl. repeats) | precision | recall |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|")?;
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {:.2} | {:.2} |",
            self.gold,
            self.found,
            self.right_country,
            self.predicted,
            self.predicted_right,
            self.precision(),
            self.recall()
        )
    }
}

/// Runs `gazetteer` on the seed articles of `dir`.
pub fn evaluate_seed(
    gazetteer: &Gazetteer,
    dir: &Path,
    analyze: &dyn Fn(&Document) -> TextAnalysis,
) -> Result<PlaceReport, EvalError> {
    let mut report = PlaceReport::default();
    for (doc, gold) in load_seed(dir)? {
        let analysis = analyze(&doc);
        let predicted = gazetteer.annotate(&doc, &analysis);
        let chars = CharOffsets::new(&doc.text);
        let gold = gold["places"].as_array().cloned().unwrap_or_default();
        let span_of = |item: &serde_json::Value| {
            (
                item["start"].as_u64().unwrap_or(0) as u32,
                item["end"].as_u64().unwrap_or(0) as u32,
            )
        };
        let overlaps = |a: (u32, u32), b: (u32, u32)| a.0 < b.1 && b.0 < a.1;
        let country = |value: Option<&str>| value.filter(|code| *code != "---").map(str::to_string);
        report.gold += gold.len();
        report.predicted += predicted.len();
        for item in &gold {
            let hit = predicted
                .iter()
                .find(|place| overlaps(chars.span(place.span), span_of(item)));
            let gold_country = country(item["country"].as_str());
            if let Some(place) = hit {
                report.found += 1;
                if place.country == gold_country {
                    report.right_country += 1;
                }
            }
            report.rows.push(PlaceRow {
                text: item["text"].as_str().unwrap_or("").to_string(),
                gold: Some(gold_country.unwrap_or_else(|| "---".into())),
                predicted: hit.map(|place| {
                    format!(
                        "{} {}",
                        place.name,
                        place.country.as_deref().unwrap_or("---")
                    )
                }),
            });
        }
        for place in &predicted {
            let surface = place.span.slice(&doc.text);
            let right = gold.iter().any(|item| {
                overlaps(chars.span(place.span), span_of(item))
                    || item["text"].as_str() == Some(surface)
            });
            if right {
                report.predicted_right += 1;
            } else {
                report.rows.push(PlaceRow {
                    text: surface.to_string(),
                    gold: None,
                    predicted: Some(format!(
                        "{} {}",
                        place.name,
                        place.country.as_deref().unwrap_or("---")
                    )),
                });
            }
        }
    }
    Ok(report)
}

/// The shared data folder: `$LAGEBILD_SHARED` or `../shared` beside the workspace.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("LAGEBILD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")))
}
