//! Evaluation against the seed gold format (`corpus/seed/*.gold.json`: `times` with
//! `start`/`end` character offsets and `value`).
//!
//! Matching: a gold expression is found when a predicted expression overlaps its
//! character span; it is right when the predicted value equals the gold value.
//! Precision counts predicted expressions that overlap some gold expression.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use lagebild_doc::{Byline, CharOffsets, Document, Lang, Span, TextAnalysis};

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
}

/// One seed article with its gold annotation.
#[derive(Debug, Clone)]
pub struct SeedArticle {
    pub doc: Document,
    pub gold: serde_json::Value,
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Reads every `*.gold.json` of `dir` with its `.txt` and `.meta.json`, laid out like a
/// wire story (first line title, last line `Author--AGENCY` byline). `lagebild_geo::eval`
/// reads the seed with this function too. A missing `.meta.json` is fine (date and
/// language then come from the gold file); an unreadable `.txt` or a malformed JSON file
/// is an error naming the file.
pub fn load_seed(dir: &Path) -> Result<Vec<SeedArticle>, EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for gold_path in paths {
        let stem = gold_path
            .to_string_lossy()
            .trim_end_matches(".gold.json")
            .to_string();
        let text = read(Path::new(&format!("{stem}.txt")))?;
        let gold: serde_json::Value =
            serde_json::from_str(&read(&gold_path)?).map_err(|source| EvalError::Json {
                path: gold_path.clone(),
                source,
            })?;
        let meta_path = PathBuf::from(format!("{stem}.meta.json"));
        let meta: serde_json::Value = match std::fs::read_to_string(&meta_path) {
            Ok(raw) => serde_json::from_str(&raw).map_err(|source| EvalError::Json {
                path: meta_path,
                source,
            })?,
            Err(_) => serde_json::Value::Null,
        };
        let published = meta["published"]
            .as_str()
            .or(gold["dct"].as_str())
            .and_then(|value| {
                NaiveDate::parse_from_str(value.get(..10).unwrap_or(value), "%Y-%m-%d").ok()
            });
        let lang = Lang::parse(
            meta["lang"]
                .as_str()
                .or(gold["lang"].as_str())
                .unwrap_or("de"),
        );
        out.push(SeedArticle {
            doc: wire_story(&stem, text, published, lang),
            gold,
        });
    }
    Ok(out)
}

/// A document laid out like the seed: title line, body, optional `Author--AGENCY` line.
pub fn wire_story(id: &str, text: String, published: Option<NaiveDate>, lang: Lang) -> Document {
    let trimmed = text.trim_end();
    let title_end = text.find('\n').unwrap_or(text.len());
    let byline = trimmed.rfind('\n').and_then(|start| {
        let line = &trimmed[start + 1..];
        let (author, agency) = line.split_once("--")?;
        (line.len() < 80).then(|| Byline {
            span: Span::from_range(start + 1..trimmed.len()),
            author: Some(author.trim().to_string()),
            agency: Some(agency.trim().to_string()),
        })
    });
    Document {
        id: id.to_string(),
        title: Some(text[..title_end].to_string()),
        title_span: Some(Span::from_range(0..title_end)),
        byline,
        published,
        lang,
        lang_confidence: 1.0,
        text,
        ..Document::default()
    }
}

/// One gold or predicted expression in the report.
#[derive(Debug, Clone)]
pub struct TimexRow {
    pub doc: String,
    pub text: String,
    pub gold: Option<String>,
    pub predicted: Option<String>,
}

/// Figures over the seed articles.
#[derive(Debug, Clone, Default)]
pub struct TimexReport {
    pub gold: usize,
    pub predicted: usize,
    /// Gold expressions overlapped by a prediction.
    pub found: usize,
    /// Gold expressions overlapped by a prediction with the same value.
    pub right_value: usize,
    /// Predictions that overlap some gold expression.
    pub predicted_matching: usize,
    pub rows: Vec<TimexRow>,
}

impl TimexReport {
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_matching, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
}

pub(crate) fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

impl fmt::Display for TimexReport {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            out,
            "matching: a gold time is found when a prediction overlaps its char span; right when the values are equal"
        )?;
        writeln!(out, "{:<34} {:<24} {:<24}", "text", "gold", "predicted")?;
        for row in &self.rows {
            writeln!(
                out,
                "{:<34} {:<24} {:<24}",
                row.text.chars().take(33).collect::<String>(),
                row.gold.as_deref().unwrap_or("-"),
                row.predicted.as_deref().unwrap_or("-")
            )?;
        }
        writeln!(out)?;
        writeln!(
            out,
            "| gold | predicted | found | right value | precision | recall |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|")?;
        writeln!(
            out,
            "| {} | {} | {} | {}/{} | {:.2} | {:.2} |",
            self.gold,
            self.predicted,
            self.found,
            self.right_value,
            self.gold,
            self.precision(),
            self.recall()
        )
    }
}

/// Runs [`crate::annotate`] on the seed articles of `dir`, with `analyze` producing the
/// token analysis (the segmenter and tagger, or a stub).
pub fn evaluate_seed(
    dir: &Path,
    analyze: &dyn Fn(&Document) -> TextAnalysis,
) -> Result<TimexReport, EvalError> {
    let mut report = TimexReport::default();
    for article in load_seed(dir)? {
        let doc = &article.doc;
        let analysis = analyze(doc);
        let predicted = crate::annotate(doc, &analysis, doc.published);
        let chars = CharOffsets::new(&doc.text);
        let predicted: Vec<((u32, u32), &crate::TimeExpression)> = predicted
            .iter()
            .map(|time| (chars.span(time.span), time))
            .collect();
        let gold = article.gold["times"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        report.gold += gold.len();
        report.predicted += predicted.len();
        let overlaps = |a: (u32, u32), b: (u32, u32)| a.0 < b.1 && b.0 < a.1;
        let mut used = vec![false; predicted.len()];
        for item in &gold {
            let span = (
                item["start"].as_u64().unwrap_or(0) as u32,
                item["end"].as_u64().unwrap_or(0) as u32,
            );
            let value = item["value"].as_str().map(str::to_string);
            let hit = predicted
                .iter()
                .position(|(predicted_span, _)| overlaps(*predicted_span, span));
            let predicted_value = hit.and_then(|index| predicted[index].1.value.clone());
            if let Some(index) = hit {
                used[index] = true;
                report.found += 1;
                if predicted_value == value {
                    report.right_value += 1;
                }
            }
            report.rows.push(TimexRow {
                doc: doc.id.clone(),
                text: item["text"].as_str().unwrap_or("").to_string(),
                gold: value,
                predicted: hit.map(|_| predicted_value.unwrap_or_else(|| "None".into())),
            });
        }
        for (index, (_, time)) in predicted.iter().enumerate() {
            let matches = gold.iter().any(|item| {
                let span = (
                    item["start"].as_u64().unwrap_or(0) as u32,
                    item["end"].as_u64().unwrap_or(0) as u32,
                );
                overlaps(predicted[index].0, span)
            });
            if matches {
                report.predicted_matching += 1;
            } else if !used[index] {
                report.rows.push(TimexRow {
                    doc: doc.id.clone(),
                    text: time.span.slice(&doc.text).to_string(),
                    gold: None,
                    predicted: time.value.clone(),
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
