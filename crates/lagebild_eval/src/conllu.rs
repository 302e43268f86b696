//! Accuracy of the language analysis against a CoNLL-U file.
//!
//! On gold tokenization: each gold sentence becomes a [`TextAnalysis`] of its words
//! (lagebild's tokenization of them, from [`lagebild_nlp::corpus::gold_tokens`]: German
//! multiword tokens stay one token, PUD tags are mapped to STTS), which
//! [`lagebild_nlp::Analyzer::annotate`] fills. Scored per token: UPOS, XPOS, lemma, the
//! whole feature set, Mood (on tokens whose gold has a Mood), head (UAS), head and
//! relation (LAS), and F1 of the core arguments nsubj/obj/iobj (subtypes count as their
//! base relation; a predicted core relation is right when the head is right too).
//!
//! On raw text: sentence and token F1 of the segmenter via [`lagebild_text::evaluate`].
//!
//! The figures are held-out accuracy only for files the models were not trained on: the
//! embedded German models are trained on the German UD files in `../shared/data/ud`
//! (DERIVE data), so on those this measures fit, not accuracy; the stage crates'
//! cross-validation gives held-out figures.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use lagebild_doc::{Lang, Sentence, Span, TextAnalysis, Token, Upos};
use lagebild_nlp::Analyzer;
use serde::Serialize;

use crate::{EvalError, f1, ratio};

const CORE: [&str; 3] = ["nsubj", "obj", "iobj"];

/// Counts of one core relation.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CoreScore {
    pub relation: String,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl CoreScore {
    pub fn f1(&self) -> f64 {
        f1(
            ratio(self.correct, self.predicted),
            ratio(self.correct, self.gold),
        )
    }
}

/// Segmentation of the raw text (from [`lagebild_text::SegmentationReport`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SegmentationScores {
    pub gold_sentences: usize,
    pub predicted_sentences: usize,
    pub sentence_f1: f64,
    pub boundary_f1: f64,
    pub gold_tokens: usize,
    pub predicted_tokens: usize,
    pub token_f1: f64,
    /// Token F1 against gold tokens with compound hyphens joined (lagebild's convention).
    pub token_f1_joined: f64,
    pub problems: Vec<String>,
}

/// The result of [`conllu`].
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ConlluReport {
    pub lang: String,
    pub path: String,
    pub sentences: usize,
    pub tokens: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
    pub feats: usize,
    /// Tokens whose gold has a Mood, and those with the same predicted Mood.
    pub mood_scored: usize,
    pub mood: usize,
    /// Whether the analyser has a parser for the language (else no UAS/LAS).
    pub parsed: bool,
    pub uas: usize,
    pub las: usize,
    pub core: Vec<CoreScore>,
    pub segmentation: SegmentationScores,
    /// Most frequent `gold -> predicted` UPOS, Mood and relation confusions.
    pub confusions: Vec<(String, usize)>,
}

impl ConlluReport {
    fn accuracy(&self, count: usize) -> f64 {
        ratio(count, self.tokens)
    }
    pub fn upos_accuracy(&self) -> f64 {
        self.accuracy(self.upos)
    }
    pub fn xpos_accuracy(&self) -> f64 {
        self.accuracy(self.xpos)
    }
    pub fn lemma_accuracy(&self) -> f64 {
        self.accuracy(self.lemma)
    }
    pub fn feats_accuracy(&self) -> f64 {
        self.accuracy(self.feats)
    }
    pub fn mood_accuracy(&self) -> f64 {
        ratio(self.mood, self.mood_scored)
    }
    pub fn uas(&self) -> f64 {
        self.accuracy(self.uas)
    }
    pub fn las(&self) -> f64 {
        self.accuracy(self.las)
    }
}

impl fmt::Display for ConlluReport {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |value: f64| format!("{:.2}", 100.0 * value);
        writeln!(out, "CoNLL-U evaluation ({}): {}", self.lang, self.path)?;
        writeln!(
            out,
            "gold tokenization: {} sentences, {} tokens",
            self.sentences, self.tokens
        )?;
        writeln!(out, "{:<26} {:>8}", "measure", "%")?;
        writeln!(out, "{:<26} {:>8}", "UPOS", pct(self.upos_accuracy()))?;
        writeln!(out, "{:<26} {:>8}", "XPOS", pct(self.xpos_accuracy()))?;
        writeln!(out, "{:<26} {:>8}", "lemma", pct(self.lemma_accuracy()))?;
        writeln!(
            out,
            "{:<26} {:>8}",
            "feats (all equal)",
            pct(self.feats_accuracy())
        )?;
        writeln!(
            out,
            "{:<26} {:>8}",
            format!("Mood ({} gold)", self.mood_scored),
            pct(self.mood_accuracy())
        )?;
        if self.parsed {
            writeln!(out, "{:<26} {:>8}", "UAS", pct(self.uas()))?;
            writeln!(out, "{:<26} {:>8}", "LAS", pct(self.las()))?;
            for core in &self.core {
                writeln!(
                    out,
                    "{:<26} {:>8}",
                    format!(
                        "{} F1 (gold {}, pred {})",
                        core.relation, core.gold, core.predicted
                    ),
                    pct(core.f1())
                )?;
            }
        } else {
            writeln!(out, "UAS/LAS: no parser for this language")?;
        }
        let segmentation = &self.segmentation;
        writeln!(
            out,
            "raw text: {} gold / {} predicted sentences, {} gold / {} predicted tokens",
            segmentation.gold_sentences,
            segmentation.predicted_sentences,
            segmentation.gold_tokens,
            segmentation.predicted_tokens
        )?;
        writeln!(
            out,
            "{:<26} {:>8}",
            "sentence F1",
            pct(segmentation.sentence_f1)
        )?;
        writeln!(
            out,
            "{:<26} {:>8}",
            "sentence boundary F1",
            pct(segmentation.boundary_f1)
        )?;
        writeln!(out, "{:<26} {:>8}", "token F1", pct(segmentation.token_f1))?;
        writeln!(
            out,
            "{:<26} {:>8}",
            "token F1 (hyphens joined)",
            pct(segmentation.token_f1_joined)
        )?;
        for problem in &segmentation.problems {
            writeln!(out, "note: {problem}")?;
        }
        if !self.confusions.is_empty() {
            writeln!(out, "most frequent confusions (gold -> predicted):")?;
            for (confusion, count) in &self.confusions {
                writeln!(out, "  {count:>5} {confusion}")?;
            }
        }
        Ok(())
    }
}

fn base_relation(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

/// Evaluates `Analyzer::embedded()` on the CoNLL-U file at `path` for `lang`.
pub fn conllu(lang: Lang, path: &Path) -> Result<ConlluReport, EvalError> {
    conllu_with(&Analyzer::embedded(), lang, path)
}

/// [`conllu`] with a given analyser.
pub fn conllu_with(
    analyzer: &Analyzer,
    lang: Lang,
    path: &Path,
) -> Result<ConlluReport, EvalError> {
    let input = std::fs::read_to_string(path).map_err(|error| EvalError::read(path, error))?;
    let sentences =
        lagebild_doc::conllu::parse(&input).map_err(|error| EvalError::read(path, error))?;
    let mut report = ConlluReport {
        lang: lang.code().to_string(),
        path: path.display().to_string(),
        parsed: analyzer.has_parser(lang),
        core: CORE
            .iter()
            .map(|relation| CoreScore {
                relation: relation.to_string(),
                ..CoreScore::default()
            })
            .collect(),
        ..ConlluReport::default()
    };
    let mut confusions: BTreeMap<String, usize> = BTreeMap::new();
    for sentence in &sentences {
        let gold = lagebild_nlp::corpus::gold_tokens(sentence, lang);
        if gold.is_empty() {
            continue;
        }
        let mut text = String::new();
        let mut analysis = TextAnalysis::default();
        for token in &gold {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(&token.form);
            analysis.tokens.push(Token {
                span: Span::from_range(start..text.len()),
                ..Token::default()
            });
        }
        analysis.sentences.push(Sentence {
            span: Span::from_range(0..text.len()),
            token_start: 0,
            token_end: gold.len() as u32,
        });
        analyzer.annotate(&text, lang, &mut analysis);
        report.sentences += 1;
        for (predicted, gold) in analysis.tokens.iter().zip(&gold) {
            report.tokens += 1;
            let gold_upos = Upos::parse(&gold.upos).unwrap_or(Upos::X);
            report.upos += usize::from(predicted.upos == gold_upos);
            if predicted.upos != gold_upos {
                *confusions
                    .entry(format!("UPOS {} -> {}", gold.upos, predicted.upos.as_str()))
                    .or_default() += 1;
            }
            report.xpos += usize::from(predicted.xpos == gold.xpos);
            report.lemma += usize::from(predicted.lemma == gold.lemma);
            report.feats += usize::from(predicted.feats == gold.feats);
            if let Some(mood) = gold.feats.mood {
                report.mood_scored += 1;
                report.mood += usize::from(predicted.feats.mood == Some(mood));
                if predicted.feats.mood != Some(mood) {
                    let got = predicted.feats.mood.map_or("-", |mood| mood.as_str());
                    *confusions
                        .entry(format!("Mood {} -> {got} ({})", mood.as_str(), gold.form))
                        .or_default() += 1;
                }
            }
            if report.parsed {
                let head_right = predicted.head == gold.head;
                report.uas += usize::from(head_right);
                report.las += usize::from(head_right && predicted.deprel == gold.deprel);
                if head_right && predicted.deprel != gold.deprel {
                    *confusions
                        .entry(format!("deprel {} -> {}", gold.deprel, predicted.deprel))
                        .or_default() += 1;
                }
                for core in &mut report.core {
                    let gold_is = base_relation(&gold.deprel) == core.relation;
                    let predicted_is = base_relation(&predicted.deprel) == core.relation;
                    core.gold += usize::from(gold_is);
                    core.predicted += usize::from(predicted_is);
                    core.correct += usize::from(gold_is && predicted_is && head_right);
                }
            }
        }
    }
    let mut list: Vec<(String, usize)> = confusions.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list.truncate(15);
    report.confusions = list;
    let segmentation = lagebild_text::evaluate(&input, lang);
    report.segmentation = SegmentationScores {
        gold_sentences: segmentation.gold_sentences,
        predicted_sentences: segmentation.predicted_sentences,
        sentence_f1: segmentation.sentence_f1(),
        boundary_f1: segmentation.boundary_f1(),
        gold_tokens: segmentation.gold_tokens,
        predicted_tokens: segmentation.predicted_tokens,
        token_f1: segmentation.token_f1(),
        token_f1_joined: segmentation.token_f1_joined(),
        problems: segmentation.problems.clone(),
    };
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata;

    const ENGLISH: &str = "# sent_id = 1\n# text = The minister visited Paris.\n\
1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t_\t_\n\
2\tminister\tminister\tNOUN\tNN\tNumber=Sing\t3\tnsubj\t_\t_\n\
3\tvisited\tvisit\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n\
4\tParis\tParis\tPROPN\tNNP\tNumber=Sing\t3\tobj\t_\tSpaceAfter=No\n\
5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n\
# sent_id = 2\n# text = She left.\n\
1\tShe\tshe\tPRON\tPRP\tCase=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs\t2\tnsubj\t_\t_\n\
2\tleft\tleave\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\tSpaceAfter=No\n\
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

    fn check(report: &ConlluReport) {
        for count in [
            report.upos,
            report.xpos,
            report.lemma,
            report.feats,
            report.uas,
            report.las,
        ] {
            assert!(count <= report.tokens);
        }
        assert!(report.las <= report.uas);
        assert!(report.mood <= report.mood_scored && report.mood_scored <= report.tokens);
        for core in &report.core {
            assert!(core.correct <= core.gold.min(core.predicted));
        }
        assert!(report.to_string().contains("UPOS"));
        assert!(serde_json::to_value(report).is_ok());
    }

    #[test]
    fn small_english_file() {
        let dir = testdata::folder("conllu_small");
        let path = dir.join("small.conllu");
        std::fs::write(&path, ENGLISH).expect("write");
        let report = conllu(Lang::En, &path).expect("report");
        check(&report);
        assert_eq!((report.sentences, report.tokens), (2, 8));
        assert_eq!(report.mood_scored, 2);
        assert_eq!(report.core[0].gold, 2);
        assert_eq!(report.core[1].gold, 1);
        assert_eq!(report.segmentation.gold_sentences, 2);
        assert_eq!(report.segmentation.gold_tokens, 8);
        // Plain punctuation is tagged PUNCT by any tagger worth the name.
        assert!(report.upos >= 2);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn unreadable_file_is_named() {
        let error = conllu(Lang::De, Path::new("/nonexistent/x.conllu")).expect_err("missing");
        assert!(error.to_string().contains("x.conllu"));
    }

    #[test]
    fn german_pud_runs() {
        let Some(path) = testdata::shared("german_pud_runs", "data/ud/de_pud-ud-test.conllu")
        else {
            return;
        };
        let report = conllu(Lang::De, &path).expect("report");
        check(&report);
        assert_eq!(report.sentences, 1000);
        assert!(report.upos_accuracy() > 0.5);
    }
}
