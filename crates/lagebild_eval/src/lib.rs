//! Evaluation of the whole lagebild pipeline against gold data.
//!
//! Every evaluation starts from raw text and runs [`lagebild_pipeline::Pipeline`] (or, for
//! CoNLL-U, the language analyser on gold tokenization), then scores the result against
//! gold annotations. Each public function returns a report struct that prints a readable
//! table (`Display`) and serialises to JSON (`serde::Serialize`):
//!
//! - [`gold()`]: seed-format gold files (`*.gold.json` beside `.txt` and `.meta.json`):
//!   events, times, places, quotes and persons, with a list of misses and extras.
//! - [`petrarch()`]: PETRARCH validation records coded from their raw text with the
//!   suite's (or any) PETRARCH dictionaries; exact (source, target, code) strings.
//! - [`conllu()`]: UPOS, XPOS, lemma, Mood, features, UAS, LAS and core-argument F1 on
//!   gold tokenization, plus sentence and token F1 of the segmenter on raw text.
//! - [`quotes()`]: the German Wikinews quotation corpus, precision/recall/F1 per type and
//!   speaker accuracy.
//!
//! Each has a `*_with` variant taking an already built pipeline (or analyser), for
//! callers that hold one. Gold readers and matchers of the stage crates are reused where they are public
//! (`lagebild_events::eval`, `lagebild_quotes::eval`, `lagebild_nlp::corpus`,
//! `lagebild_text::evaluate`). Reading errors are returned as [`EvalError`] naming the
//! file; analysis itself never fails.

use std::path::{Path, PathBuf};

pub mod conllu;
pub mod gold;
pub mod petrarch;
pub mod quotes;

pub use conllu::{ConlluReport, conllu};
pub use gold::{Category, Check, ErrorLine, GoldReport, gold, gold_with};
pub use petrarch::{
    PetrarchRecordResult, PetrarchReport, petrarch, petrarch_validate_dictionaries,
};
pub use quotes::{QuoteReport, QuoteTypeScore, quotes};

/// Why an evaluation could not read its inputs. Messages name the file (and line or
/// byte where known).
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {message}")]
    Read { path: String, message: String },
    #[error("{0}")]
    Dictionary(String),
}

impl EvalError {
    pub(crate) fn read(path: &Path, message: impl std::fmt::Display) -> EvalError {
        EvalError::Read {
            path: path.display().to_string(),
            message: message.to_string(),
        }
    }
}

/// The shared data folder: `$LAGEBILD_SHARED`, or `../shared` beside the workspace.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("LAGEBILD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")))
}

/// `part / whole`, 0 when `whole` is 0.
pub(crate) fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Harmonic mean of precision and recall, 0 when both are 0.
pub(crate) fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// Shortens `text` to at most `limit` characters on one line, for error listings.
pub(crate) fn clip(text: &str, limit: usize) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= limit {
        line
    } else {
        let mut short: String = line.chars().take(limit).collect();
        short.push('…');
        short
    }
}

/// Byte offset of every character of `text`, plus the end.
pub(crate) fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(byte, _)| byte)
        .chain(std::iter::once(text.len()))
        .collect()
}

#[cfg(test)]
pub(crate) mod testdata {
    use std::path::PathBuf;

    /// A fresh empty folder under the system temp dir, unique per test name and process.
    pub fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("lagebild_eval_{name}_{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp folder");
        dir
    }

    /// The shared folder when it holds `relative`, else `None` after a skip message.
    pub fn shared(test: &str, relative: &str) -> Option<PathBuf> {
        let path = super::shared_dir().join(relative);
        if path.exists() {
            Some(path)
        } else {
            eprintln!("skipping {test}: ../shared not found");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_and_clipping() {
        assert_eq!(ratio(1, 0), 0.0);
        assert!((ratio(1, 4) - 0.25).abs() < 1e-9);
        assert!((f1(0.5, 0.5) - 0.5).abs() < 1e-9);
        assert_eq!(f1(0.0, 0.0), 0.0);
        assert_eq!(clip("a  b\nc", 10), "a b c");
        assert_eq!(clip("abcdef", 3), "abc…");
        assert_eq!(byte_offsets("äb"), vec![0, 2, 3]);
    }
}
