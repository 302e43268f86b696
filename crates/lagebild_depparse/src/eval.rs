//! The evaluation harness: attachment scores and per-relation F1 against gold trees.

use std::fmt;

use lagebild_doc::conllu::ConlluSentence;

use crate::Parser;
use crate::data::GoldSentence;

/// Relations reported by default. A name without subtype matches all its subtypes
/// (`nsubj` counts `nsubj:pass`); a name with subtype matches only itself.
pub const REPORTED_RELATIONS: &[&str] = &[
    "nsubj",
    "nsubj:pass",
    "obj",
    "iobj",
    "obl",
    "obl:agent",
    "ccomp",
    "xcomp",
    "advcl",
    "compound:prt",
    "conj",
    "nmod",
    "amod",
];

/// Precision, recall and F1 of one relation (a token counts when head and relation match).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RelationScore {
    pub relation: String,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl RelationScore {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
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

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Scores of a parser on a set of gold sentences. `Display` prints a table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvalReport {
    pub sentences: usize,
    pub tokens: usize,
    /// Tokens with the right head.
    pub attached: usize,
    /// Tokens with the right head and the right relation including subtype.
    pub labelled: usize,
    /// Tokens with the right head and the right universal relation (CoNLL 2018 LAS).
    pub labelled_universal: usize,
    /// nsubj, obj and iobj (with subtypes) pooled.
    pub core: RelationScore,
    pub relations: Vec<RelationScore>,
    /// Errors by `(gold relation, predicted relation or "wrong head")`, most frequent first
    /// when printed.
    pub confusions: std::collections::BTreeMap<(String, String), usize>,
}

impl EvalReport {
    pub fn uas(&self) -> f64 {
        ratio(self.attached, self.tokens)
    }

    /// LAS with full labels (subtypes must match).
    pub fn las(&self) -> f64 {
        ratio(self.labelled, self.tokens)
    }

    /// LAS on universal relations, subtypes ignored (the CoNLL 2018 shared task's LAS).
    pub fn las_universal(&self) -> f64 {
        ratio(self.labelled_universal, self.tokens)
    }

    pub fn relation(&self, name: &str) -> Option<&RelationScore> {
        self.relations.iter().find(|score| score.relation == name)
    }

    /// Adds another report's counts (for pooling cross-validation folds).
    pub fn merge(&mut self, other: &EvalReport) {
        self.sentences += other.sentences;
        self.tokens += other.tokens;
        self.attached += other.attached;
        self.labelled += other.labelled;
        self.labelled_universal += other.labelled_universal;
        if self.core.relation.is_empty() {
            self.core.relation.clone_from(&other.core.relation);
        }
        add_counts(&mut self.core, &other.core);
        for (pair, count) in &other.confusions {
            *self.confusions.entry(pair.clone()).or_default() += count;
        }
        for score in &other.relations {
            match self
                .relations
                .iter_mut()
                .find(|mine| mine.relation == score.relation)
            {
                Some(mine) => add_counts(mine, score),
                None => self.relations.push(score.clone()),
            }
        }
    }
}

fn add_counts(into: &mut RelationScore, from: &RelationScore) {
    into.gold += from.gold;
    into.predicted += from.predicted;
    into.correct += from.correct;
}

impl fmt::Display for EvalReport {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            formatter,
            "sentences {}  tokens {}",
            self.sentences, self.tokens
        )?;
        writeln!(
            formatter,
            "UAS {:.2}  LAS {:.2}  LAS(universal) {:.2}",
            100.0 * self.uas(),
            100.0 * self.las(),
            100.0 * self.las_universal()
        )?;
        writeln!(
            formatter,
            "{:<14} {:>6} {:>6} {:>7} {:>7} {:>7}",
            "relation", "gold", "pred", "P", "R", "F1"
        )?;
        for score in std::iter::once(&self.core).chain(&self.relations) {
            writeln!(
                formatter,
                "{:<14} {:>6} {:>6} {:>7.2} {:>7.2} {:>7.2}",
                score.relation,
                score.gold,
                score.predicted,
                100.0 * score.precision(),
                100.0 * score.recall(),
                100.0 * score.f1()
            )?;
        }
        let mut confusions: Vec<(&(String, String), &usize)> = self.confusions.iter().collect();
        confusions.sort_by_key(|entry| std::cmp::Reverse(*entry.1));
        let top: Vec<String> = confusions
            .iter()
            .take(15)
            .map(|((gold, predicted), count)| format!("{gold}>{predicted} {count}"))
            .collect();
        writeln!(formatter, "top errors (gold>predicted): {}", top.join(", "))?;
        Ok(())
    }
}

fn universal(label: &str) -> &str {
    label.split(':').next().unwrap_or(label)
}

fn matches_relation(name: &str, label: &str) -> bool {
    if name.contains(':') {
        label == name
    } else {
        universal(label) == name
    }
}

fn is_core(label: &str) -> bool {
    matches!(universal(label), "nsubj" | "obj" | "iobj")
}

/// Parses CoNLL-U sentences (gold tokenization and gold tags) and scores the trees.
/// With `merge_contractions`, German `zum`-style contractions are one token, as the
/// segmenter gives them.
pub fn evaluate(
    parser: &Parser,
    sentences: &[ConlluSentence],
    merge_contractions: bool,
) -> EvalReport {
    let gold: Vec<GoldSentence> = sentences
        .iter()
        .map(|sentence| GoldSentence::from_conllu(sentence, merge_contractions))
        .collect();
    evaluate_gold(parser, &gold)
}

/// Parses already converted sentences (their tokens may carry predicted tags) and scores them.
pub fn evaluate_gold(parser: &Parser, sentences: &[GoldSentence]) -> EvalReport {
    evaluate_against(parser, sentences, sentences)
}

/// Parses `input` and scores it against the trees of `gold`, the same sentences with the
/// same tokens (gold features decide the German dative rule on the gold side).
pub fn evaluate_against(
    parser: &Parser,
    input: &[GoldSentence],
    gold: &[GoldSentence],
) -> EvalReport {
    evaluate_into(parser, input, gold, None)
}

/// Column names of the prediction rows written by [`cross_validate_sets_with_predictions`].
pub const PREDICTION_COLUMNS: &str =
    "id\tform\tlemma\tupos\tfeats\tgold_upos\tgold_feats\tgold_head\tgold_deprel\thead\tdeprel";

/// [`evaluate_against`], also appending one row per token to `rows` (when given):
/// the input's form, lemma, UPOS and features, the gold UPOS, features, head and
/// relation (after the German dative rule), and the parser's head and relation (heads
/// 1-based, 0 for the root); a blank line ends each sentence.
fn evaluate_into(
    parser: &Parser,
    input: &[GoldSentence],
    gold: &[GoldSentence],
    mut rows: Option<&mut String>,
) -> EvalReport {
    let mut report = EvalReport {
        core: RelationScore {
            relation: "core(s/o/io)".to_string(),
            ..RelationScore::default()
        },
        relations: REPORTED_RELATIONS
            .iter()
            .map(|name| RelationScore {
                relation: (*name).to_string(),
                ..RelationScore::default()
            })
            .collect(),
        ..EvalReport::default()
    };
    let mut tokens = Vec::new();
    let mut gold_deprels: Vec<String> = Vec::new();
    for (input, sentence) in input.iter().zip(gold) {
        if input.tokens.len() != sentence.tokens.len() {
            continue;
        }
        gold_deprels.clone_from(&sentence.deprels);
        if parser.lang() == lagebild_doc::Lang::De {
            let cases: Vec<Option<lagebild_doc::Case>> = sentence
                .tokens
                .iter()
                .map(|token| token.feats.case)
                .collect();
            crate::de::dative_objects_as_iobj(
                &sentence.tokens,
                &cases,
                &sentence.heads,
                &mut gold_deprels,
            );
        }
        tokens.clear();
        tokens.extend(input.tokens.iter().cloned());
        parser.parse(&sentence.text, &mut tokens);
        report.sentences += 1;
        if let Some(rows) = rows.as_deref_mut() {
            write_rows(rows, sentence, &tokens, &gold_deprels);
        }
        for (index, token) in tokens.iter().enumerate() {
            let gold_head = sentence.heads[index];
            let gold_label = gold_deprels[index].as_str();
            let head_right = token.head == gold_head;
            report.tokens += 1;
            report.attached += usize::from(head_right);
            report.labelled += usize::from(head_right && token.deprel == gold_label);
            report.labelled_universal +=
                usize::from(head_right && universal(&token.deprel) == universal(gold_label));
            if !head_right {
                *report
                    .confusions
                    .entry((gold_label.to_string(), "wrong head".to_string()))
                    .or_default() += 1;
            } else if token.deprel != gold_label {
                *report
                    .confusions
                    .entry((gold_label.to_string(), token.deprel.clone()))
                    .or_default() += 1;
            }
            let core_gold = is_core(gold_label);
            let core_predicted = is_core(&token.deprel);
            report.core.gold += usize::from(core_gold);
            report.core.predicted += usize::from(core_predicted);
            report.core.correct += usize::from(
                core_gold && head_right && universal(&token.deprel) == universal(gold_label),
            );
            for score in &mut report.relations {
                let in_gold = matches_relation(&score.relation, gold_label);
                let in_predicted = matches_relation(&score.relation, &token.deprel);
                score.gold += usize::from(in_gold);
                score.predicted += usize::from(in_predicted);
                score.correct += usize::from(in_gold && in_predicted && head_right);
            }
        }
    }
    report
}

fn write_rows(
    rows: &mut String,
    sentence: &GoldSentence,
    parsed: &[lagebild_doc::Token],
    gold_deprels: &[String],
) {
    use std::fmt::Write;
    let one_based = |head: Option<u32>| head.map_or(0, |head| head + 1);
    for (index, (token, gold)) in parsed.iter().zip(&sentence.tokens).enumerate() {
        let _ = writeln!(
            rows,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            index + 1,
            token.span.slice(&sentence.text),
            token.lemma,
            token.upos.as_str(),
            token.feats.to_conllu(),
            gold.upos.as_str(),
            gold.feats.to_conllu(),
            one_based(sentence.heads[index]),
            gold_deprels[index],
            one_based(token.head),
            token.deprel,
        );
    }
    rows.push('\n');
}

/// `folds`-fold cross-validation: the sentences are cut into contiguous blocks (so one
/// document rarely lands on both sides); each block is parsed by a parser trained on the
/// others with [`crate::training_sentences`]. Returns the pooled reports on gold words
/// and on merged contractions.
pub fn cross_validate(
    lang: lagebild_doc::Lang,
    sentences: &[ConlluSentence],
    folds: usize,
    config: &crate::TrainConfig,
) -> (EvalReport, EvalReport) {
    let folds = folds.max(2);
    let mut words = EvalReport::default();
    let mut merged = EvalReport::default();
    for fold in 0..folds {
        let start = sentences.len() * fold / folds;
        let end = sentences.len() * (fold + 1) / folds;
        let training: Vec<ConlluSentence> = sentences[..start]
            .iter()
            .chain(&sentences[end..])
            .cloned()
            .collect();
        let parser = crate::train(lang, &crate::training_sentences(lang, &training), config);
        let held_out = &sentences[start..end];
        let report = evaluate(&parser, held_out, false);
        if config.verbose {
            eprintln!(
                "fold {}: UAS {:.2} LAS {:.2}",
                fold + 1,
                100.0 * report.uas(),
                100.0 * report.las()
            );
        }
        words.merge(&report);
        merged.merge(&evaluate(&parser, held_out, true));
    }
    (words, merged)
}

/// Cross-validation over aligned versions of the same sentences (for example gold tags
/// and jackknifed predicted tags): fold `i` trains on the sentences outside block `i` of
/// every set in `training_sets` and is scored on block `i` of `test_set` (contractions
/// merged for German), scored against the trees and features of `gold_set`.
pub fn cross_validate_sets(
    lang: lagebild_doc::Lang,
    training_sets: &[&[ConlluSentence]],
    test_set: &[ConlluSentence],
    gold_set: &[ConlluSentence],
    folds: usize,
    config: &crate::TrainConfig,
) -> EvalReport {
    cross_validate_sets_into(lang, training_sets, test_set, gold_set, folds, config, None)
}

/// [`cross_validate_sets`], also returning every held-out token's prediction beside its
/// gold analysis, as tab-separated rows ([`PREDICTION_COLUMNS`], a blank line after each
/// sentence), for error analysis.
pub fn cross_validate_sets_with_predictions(
    lang: lagebild_doc::Lang,
    training_sets: &[&[ConlluSentence]],
    test_set: &[ConlluSentence],
    gold_set: &[ConlluSentence],
    folds: usize,
    config: &crate::TrainConfig,
) -> (EvalReport, String) {
    let mut rows = String::new();
    let report = cross_validate_sets_into(
        lang,
        training_sets,
        test_set,
        gold_set,
        folds,
        config,
        Some(&mut rows),
    );
    (report, rows)
}

fn cross_validate_sets_into(
    lang: lagebild_doc::Lang,
    training_sets: &[&[ConlluSentence]],
    test_set: &[ConlluSentence],
    gold_set: &[ConlluSentence],
    folds: usize,
    config: &crate::TrainConfig,
    mut rows: Option<&mut String>,
) -> EvalReport {
    let folds = folds.max(2);
    let mut pooled = EvalReport::default();
    let count = test_set.len();
    for fold in 0..folds {
        let start = count * fold / folds;
        let end = count * (fold + 1) / folds;
        let mut training = Vec::new();
        for set in training_sets {
            let outside: Vec<ConlluSentence> = set[..start.min(set.len())]
                .iter()
                .chain(&set[end.min(set.len())..])
                .cloned()
                .collect();
            training.extend(crate::training_sentences(lang, &outside));
        }
        let parser = crate::train(lang, &training, config);
        let merge = lang == lagebild_doc::Lang::De;
        let convert = |sentences: &[ConlluSentence]| -> Vec<GoldSentence> {
            sentences
                .iter()
                .map(|sentence| GoldSentence::from_conllu(sentence, merge))
                .collect()
        };
        let report = evaluate_into(
            &parser,
            &convert(&test_set[start..end]),
            &convert(&gold_set[start..end]),
            rows.as_deref_mut(),
        );
        if config.verbose {
            eprintln!(
                "fold {}: UAS {:.2} LAS {:.2}",
                fold + 1,
                100.0 * report.uas(),
                100.0 * report.las()
            );
        }
        pooled.merge(&report);
    }
    pooled
}
