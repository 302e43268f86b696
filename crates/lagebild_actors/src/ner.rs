//! Person-name recognition evaluated on GermEval 2014 (CoNLL-style TSV).
//!
//! Each sentence is analysed as a document of its own (tokens joined by single spaces);
//! a predicted person is a mention for which [`ActorMention::is_person_name`] holds and
//! whose span starts and ends on token boundaries. Gold persons are the outer `B-PER` /
//! `I-PER` spans (not `PERderiv`/`PERpart`). Scores are exact span matches.

use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use lagebild_doc::{Document, Lang, Sentence, Span, TextAnalysis, Token};

use crate::{ActorKb, ActorMention, KbError};

/// Precision, recall and F1 of person names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NerReport {
    pub sentences: usize,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl NerReport {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.correct as f64 / self.predicted as f64
        }
    }

    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }

    pub fn f1(&self) -> f64 {
        let (precision, recall) = (self.precision(), self.recall());
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }
}

impl fmt::Display for NerReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "| type | sentences | gold | predicted | correct | precision | recall | F1 |"
        )?;
        writeln!(
            f,
            "|------|-----------|------|-----------|---------|-----------|--------|----|"
        )?;
        writeln!(
            f,
            "| PER  | {} | {} | {} | {} | {:.1}% | {:.1}% | {:.1}% |",
            self.sentences,
            self.gold,
            self.predicted,
            self.correct,
            100.0 * self.precision(),
            100.0 * self.recall(),
            100.0 * self.f1()
        )
    }
}

/// One sentence of the evaluation file: tokens and gold person spans (token ranges).
struct GoldSentence {
    tokens: Vec<String>,
    persons: Vec<(usize, usize)>,
}

fn read_germeval(text: &str) -> Vec<GoldSentence> {
    let mut out = Vec::new();
    let mut tokens = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let finish = |tokens: &mut Vec<String>, tags: &mut Vec<String>, out: &mut Vec<GoldSentence>| {
        if tokens.is_empty() {
            return;
        }
        let mut persons = Vec::new();
        let mut start = None;
        for (index, tag) in tags.iter().enumerate() {
            let begins = tag == "B-PER";
            let inside = tag == "I-PER";
            if let Some(open) = start
                && !inside
            {
                persons.push((open, index));
                start = None;
            }
            if begins || (inside && start.is_none()) {
                start = Some(index);
            }
        }
        if let Some(open) = start {
            persons.push((open, tags.len()));
        }
        out.push(GoldSentence {
            tokens: std::mem::take(tokens),
            persons,
        });
        tags.clear();
    };
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            finish(&mut tokens, &mut tags, &mut out);
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() >= 3 {
            tokens.push(columns[1].to_string());
            tags.push(columns[2].to_string());
        }
    }
    finish(&mut tokens, &mut tags, &mut out);
    out
}

fn sentence_document(tokens: &[String]) -> (Document, TextAnalysis, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(tokens.len());
    for token in tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(token);
        spans.push(Span::from_range(start..text.len()));
    }
    let analysis = TextAnalysis {
        sentences: vec![Sentence {
            span: Span::from_range(0..text.len()),
            token_start: 0,
            token_end: tokens.len() as u32,
        }],
        tokens: spans
            .iter()
            .map(|&span| Token {
                span,
                ..Token::default()
            })
            .collect(),
    };
    let doc = Document {
        text,
        lang: Lang::De,
        ..Document::default()
    };
    (doc, analysis, spans)
}

/// Token ranges of the predicted person names.
fn predicted_persons(mentions: &[ActorMention], spans: &[Span]) -> HashSet<(usize, usize)> {
    let mut out = HashSet::new();
    for mention in mentions.iter().filter(|mention| mention.is_person_name()) {
        let start = spans
            .iter()
            .position(|span| span.start == mention.span.start);
        let end = spans.iter().position(|span| span.end == mention.span.end);
        if let (Some(start), Some(end)) = (start, end) {
            out.insert((start, end + 1));
        }
    }
    out
}

/// Evaluates person-name recognition on a GermEval 2014 file.
pub fn evaluate_ner(kb: &ActorKb, path: &Path) -> Result<NerReport, KbError> {
    let text = std::fs::read_to_string(path).map_err(|source| KbError::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(evaluate_ner_text(kb, &text))
}

/// Evaluates person-name recognition on GermEval-formatted text.
pub fn evaluate_ner_text(kb: &ActorKb, text: &str) -> NerReport {
    let mut report = NerReport::default();
    // Set LAGEBILD_NER_ERRORS=1 to print misses (FN) and false alarms (FP) to stderr.
    let show_errors = std::env::var_os("LAGEBILD_NER_ERRORS").is_some();
    for sentence in read_germeval(text) {
        let (doc, analysis, spans) = sentence_document(&sentence.tokens);
        let mentions = kb.annotate(&doc, &analysis, None);
        let predicted = predicted_persons(&mentions, &spans);
        let gold: HashSet<(usize, usize)> = sentence.persons.iter().copied().collect();
        report.sentences += 1;
        report.gold += gold.len();
        report.predicted += predicted.len();
        report.correct += predicted.intersection(&gold).count();
        if show_errors {
            let join = |range: &(usize, usize)| sentence.tokens[range.0..range.1].join(" ");
            for missed in gold.difference(&predicted) {
                eprintln!(
                    "FN {:?} | {}",
                    join(missed),
                    join(&(
                        missed.0.saturating_sub(2),
                        (missed.1 + 1).min(sentence.tokens.len())
                    ))
                );
            }
            for extra in predicted.difference(&gold) {
                eprintln!(
                    "FP {:?} | {}",
                    join(extra),
                    join(&(
                        extra.0.saturating_sub(2),
                        (extra.1 + 1).min(sentence.tokens.len())
                    ))
                );
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_gold_spans() {
        let text = "# x\n1\tMark\tB-PER\tO\n2\tRutte\tI-PER\tO\n3\tsagte\tO\tO\n4\tMerkel\tB-PER\tO\n\n1\tdeutsche\tB-LOCderiv\tO\n";
        let sentences = read_germeval(text);
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[0].persons, [(0, 2), (3, 4)]);
        assert!(sentences[1].persons.is_empty());
    }
}
