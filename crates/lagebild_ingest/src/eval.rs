//! Evaluation of language identification on sentences of known language.
//!
//! [`evaluate_language_id`] reads CoNLL-U files (their `# text = ` lines) or plain text files
//! (one sentence per line), each labelled with its language, runs [`detect_language`] on
//! every sentence and on windows of five consecutive sentences ("paragraphs"), and reports
//! accuracy by language and sentence length. `Display` prints the table.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use lagebild_doc::Lang;

use crate::detect_language;

/// Length buckets in words.
const BUCKETS: [(usize, usize, &str); 4] = [
    (1, 5, "1-5 words"),
    (6, 11, "6-11 words"),
    (12, 25, "12-25 words"),
    (26, usize::MAX, "26+ words"),
];

#[derive(Clone, Copy, Debug, Default)]
pub struct Tally {
    pub total: usize,
    pub correct: usize,
}

impl Tally {
    fn add(&mut self, correct: bool) {
        self.total += 1;
        self.correct += usize::from(correct);
    }

    pub fn accuracy(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
}

/// Accuracy per gold language and unit (`sentence 1-5 words`, ..., `paragraph`).
#[derive(Debug, Default)]
pub struct LanguageReport {
    pub rows: BTreeMap<(String, String), Tally>,
    /// Predictions by (gold, predicted) language over all sentences.
    pub confusion: BTreeMap<(String, String), usize>,
    /// Misidentified sentences and paragraphs (gold, predicted, text), every one.
    pub mistakes: Vec<(Lang, Lang, String)>,
}

impl fmt::Display for LanguageReport {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(formatter, "| gold | unit | n | correct | accuracy |")?;
        writeln!(formatter, "|---|---|---:|---:|---:|")?;
        for ((lang, unit), tally) in &self.rows {
            writeln!(
                formatter,
                "| {lang} | {unit} | {} | {} | {:.1}% |",
                tally.total,
                tally.correct,
                100.0 * tally.accuracy()
            )?;
        }
        writeln!(formatter)?;
        writeln!(formatter, "sentences, gold -> predicted:")?;
        for ((gold, predicted), count) in &self.confusion {
            writeln!(formatter, "  {gold} -> {predicted}: {count}")?;
        }
        Ok(())
    }
}

fn sentences(path: &Path) -> std::io::Result<Vec<String>> {
    let text = std::fs::read_to_string(path)?;
    let conllu = path
        .extension()
        .is_some_and(|extension| extension == "conllu");
    Ok(if conllu {
        text.lines()
            .filter_map(|line| line.strip_prefix("# text = "))
            .map(str::to_string)
            .collect()
    } else {
        text.lines()
            .filter(|line| !line.trim().is_empty())
            .map(str::to_string)
            .collect()
    })
}

/// Runs language identification on every labelled file.
pub fn evaluate_language_id(files: &[(PathBuf, Lang)]) -> std::io::Result<LanguageReport> {
    let mut report = LanguageReport::default();
    for (path, gold) in files {
        let sentences = sentences(path)?;
        for sentence in &sentences {
            let words = sentence.split_whitespace().count();
            let Some((_, _, bucket)) = BUCKETS
                .iter()
                .find(|(low, high, _)| (*low..=*high).contains(&words))
            else {
                continue;
            };
            let predicted = detect_language(sentence).lang;
            report
                .rows
                .entry((gold.code().to_string(), format!("sentence {bucket}")))
                .or_default()
                .add(predicted == *gold);
            if predicted != *gold {
                report.mistakes.push((*gold, predicted, sentence.clone()));
            }
            *report
                .confusion
                .entry((gold.code().to_string(), predicted.code().to_string()))
                .or_default() += 1;
        }
        for window in sentences.chunks(5) {
            let paragraph = window.join(" ");
            let predicted = detect_language(&paragraph).lang;
            report
                .rows
                .entry((
                    gold.code().to_string(),
                    "paragraph (5 sentences)".to_string(),
                ))
                .or_default()
                .add(predicted == *gold);
            if predicted != *gold {
                report.mistakes.push((*gold, predicted, paragraph));
            }
        }
    }
    Ok(report)
}
