//! Accuracy of the analysis against gold CoNLL-U with gold tokenization.
//!
//! [`evaluate`] runs an [`Analyzer`] over gold sentences (their forms joined by spaces)
//! and counts UPOS, XPOS, lemma, feature and Mood agreement, plus UAS/LAS and F1 of the
//! core arguments (nsubj, obj, iobj; subtypes count as their base relation) when a
//! parser is present. [`cross_validate`] trains a tagger per fold and evaluates it on the
//! held-out fold.

use std::fmt;
use std::sync::Arc;

use lagebild_doc::conllu::ConlluSentence;
use lagebild_doc::{Lang, Sentence, Span, TextAnalysis, Token, Upos};

use crate::corpus::{GoldToken, gold_tokens};
use crate::{Analyzer, Lexicon, Tagger, TrainConfig};

/// Counts of one evaluation; percentages via the accessor methods.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvalReport {
    pub name: String,
    pub sentences: usize,
    pub tokens: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
    /// All modelled features equal (Feats as a whole).
    pub feats: usize,
    /// Gold VERB/AUX tokens, and those whose predicted Mood equals the gold Mood.
    pub verbs: usize,
    pub mood: usize,
    /// Gold tokens with Mood=Sub, and those predicted Mood=Sub.
    pub subjunctive: usize,
    pub subjunctive_found: usize,
    pub predicted_subjunctive: usize,
    /// Gold NOUN/PROPN/PRON/DET/ADJ tokens with a Case, and those whose predicted Case
    /// equals it; the same restricted to gold Nom or Acc.
    pub cased: usize,
    pub case: usize,
    pub nom_acc: usize,
    pub nom_acc_right: usize,
    /// Gold NOUN/PROPN/PRON/DET/ADJ tokens with one Gender, and those whose predicted
    /// Gender equals it.
    pub gendered: usize,
    pub gender: usize,
    pub parsed: bool,
    pub uas: usize,
    pub las: usize,
    /// Per core relation (nsubj, obj, iobj): gold, predicted, correct (head and relation).
    pub core: [(usize, usize, usize); 3],
    /// (what, gold, predicted) -> count, for UPOS and Mood errors.
    pub confusions: std::collections::BTreeMap<(String, String, String), usize>,
}

const CORE: [&str; 3] = ["nsubj", "obj", "iobj"];

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

impl EvalReport {
    pub fn upos_accuracy(&self) -> f64 {
        percent(self.upos, self.tokens)
    }
    pub fn xpos_accuracy(&self) -> f64 {
        percent(self.xpos, self.tokens)
    }
    pub fn lemma_accuracy(&self) -> f64 {
        percent(self.lemma, self.tokens)
    }
    pub fn feats_accuracy(&self) -> f64 {
        percent(self.feats, self.tokens)
    }
    pub fn mood_accuracy(&self) -> f64 {
        percent(self.mood, self.verbs)
    }
    pub fn case_accuracy(&self) -> f64 {
        percent(self.case, self.cased)
    }
    pub fn nom_acc_accuracy(&self) -> f64 {
        percent(self.nom_acc_right, self.nom_acc)
    }
    pub fn gender_accuracy(&self) -> f64 {
        percent(self.gender, self.gendered)
    }

    /// F1 of one core relation, in percent.
    pub fn core_f1(&self, index: usize) -> f64 {
        let (gold, predicted, correct) = self.core.get(index).copied().unwrap_or_default();
        let precision = percent(correct, predicted);
        let recall = percent(correct, gold);
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }

    /// Adds the counts of `other` (for folds).
    pub fn add(&mut self, other: &EvalReport) {
        self.sentences += other.sentences;
        self.tokens += other.tokens;
        self.upos += other.upos;
        self.xpos += other.xpos;
        self.lemma += other.lemma;
        self.feats += other.feats;
        self.verbs += other.verbs;
        self.mood += other.mood;
        self.subjunctive += other.subjunctive;
        self.subjunctive_found += other.subjunctive_found;
        self.predicted_subjunctive += other.predicted_subjunctive;
        self.cased += other.cased;
        self.case += other.case;
        self.nom_acc += other.nom_acc;
        self.nom_acc_right += other.nom_acc_right;
        self.gendered += other.gendered;
        self.gender += other.gender;
        self.parsed |= other.parsed;
        self.uas += other.uas;
        self.las += other.las;
        for (key, count) in &other.confusions {
            *self.confusions.entry(key.clone()).or_insert(0) += count;
        }
        for (total, part) in self.core.iter_mut().zip(other.core) {
            total.0 += part.0;
            total.1 += part.1;
            total.2 += part.2;
        }
    }

    /// The most frequent confusions, one per line.
    pub fn top_confusions(&self, what: &str, count: usize) -> String {
        let mut list: Vec<_> = self
            .confusions
            .iter()
            .filter(|(key, _)| key.0 == what)
            .collect();
        list.sort_by(|a, b| b.1.cmp(a.1));
        list.iter()
            .take(count)
            .map(|(key, count)| format!("{count:5} {} {} -> {}\n", key.0, key.1, key.2))
            .collect()
    }

    /// The header line of [`fmt::Display`]'s table.
    pub fn header() -> &'static str {
        "| data | sentences | tokens | UPOS | XPOS | lemma | feats | Mood (verbs) | Sub recall | Sub precision | Case (nominals) | Nom/Acc | Gender (nominals) | UAS | LAS | nsubj F1 | obj F1 | iobj F1 |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    }
}

impl fmt::Display for EvalReport {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "| {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.1} ({}/{}) | {:.1} | {:.2} | {:.2} | {} |",
            self.name,
            self.sentences,
            self.tokens,
            self.upos_accuracy(),
            self.xpos_accuracy(),
            self.lemma_accuracy(),
            self.feats_accuracy(),
            self.mood_accuracy(),
            percent(self.subjunctive_found, self.subjunctive),
            self.subjunctive_found,
            self.subjunctive,
            percent(self.subjunctive_found, self.predicted_subjunctive),
            self.case_accuracy(),
            self.nom_acc_accuracy(),
            if self.gendered == 0 {
                "-".to_string()
            } else {
                format!("{:.2}", self.gender_accuracy())
            },
        )?;
        if self.parsed {
            write!(
                formatter,
                " {:.2} | {:.2} | {:.1} | {:.1} | {:.1} |",
                percent(self.uas, self.tokens),
                percent(self.las, self.tokens),
                self.core_f1(0),
                self.core_f1(1),
                self.core_f1(2)
            )
        } else {
            write!(formatter, " - | - | - | - | - |")
        }
    }
}

fn base_relation(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

/// Evaluates `analyzer` on sentences already in lagebild's tokenization.
pub fn evaluate_gold(
    analyzer: &Analyzer,
    lang: Lang,
    sentences: &[Vec<GoldToken>],
    name: &str,
) -> EvalReport {
    let mut report = EvalReport {
        name: name.to_string(),
        parsed: analyzer.has_parser(lang),
        ..EvalReport::default()
    };
    for gold in sentences {
        if gold.is_empty() {
            continue;
        }
        let mut text = String::new();
        let mut analysis = TextAnalysis::default();
        for token in gold {
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
        for (predicted, gold) in analysis.tokens.iter().zip(gold) {
            report.tokens += 1;
            let gold_upos = Upos::parse(&gold.upos).unwrap_or(Upos::X);
            report.upos += usize::from(predicted.upos == gold_upos);
            if predicted.upos != gold_upos {
                let key = (
                    "UPOS".to_string(),
                    gold.upos.clone(),
                    predicted.upos.as_str().to_string(),
                );
                *report.confusions.entry(key).or_insert(0) += 1;
                let key = (
                    "UPOS-form".to_string(),
                    format!("{} {}", gold.upos, gold.form),
                    predicted.upos.as_str().to_string(),
                );
                *report.confusions.entry(key).or_insert(0) += 1;
            }
            report.xpos += usize::from(predicted.xpos == gold.xpos);
            report.lemma += usize::from(predicted.lemma == gold.lemma);
            if predicted.lemma != gold.lemma {
                let key = (
                    "lemma".to_string(),
                    format!("{} {} {}", gold.upos, gold.form, gold.lemma),
                    format!("{} ({})", predicted.lemma, predicted.upos.as_str()),
                );
                *report.confusions.entry(key).or_insert(0) += 1;
            }
            report.feats += usize::from(predicted.feats == gold.feats);
            if matches!(gold_upos, Upos::Verb | Upos::Aux) {
                report.verbs += 1;
                report.mood += usize::from(predicted.feats.mood == gold.feats.mood);
                if predicted.feats.mood != gold.feats.mood {
                    let mood = |feats: &lagebild_doc::Feats| {
                        feats.mood.map_or("-", |mood| mood.as_str()).to_string()
                    };
                    let key = (
                        "Mood".to_string(),
                        format!("{} {}", mood(&gold.feats), gold.form),
                        mood(&predicted.feats),
                    );
                    *report.confusions.entry(key).or_insert(0) += 1;
                }
            }
            let gold_sub = gold.feats.mood == Some(lagebild_doc::Mood::Sub);
            let predicted_sub = predicted.feats.mood == Some(lagebild_doc::Mood::Sub);
            report.subjunctive += usize::from(gold_sub);
            report.predicted_subjunctive += usize::from(predicted_sub);
            report.subjunctive_found += usize::from(gold_sub && predicted_sub);
            let nominal = matches!(
                gold_upos,
                Upos::Noun | Upos::Propn | Upos::Pron | Upos::Det | Upos::Adj
            );
            if let (true, Some(gold_case)) = (nominal, gold.feats.case) {
                let right = predicted.feats.case == Some(gold_case);
                report.cased += 1;
                report.case += usize::from(right);
                if matches!(gold_case, lagebild_doc::Case::Nom | lagebild_doc::Case::Acc) {
                    report.nom_acc += 1;
                    report.nom_acc_right += usize::from(right);
                }
                if !right {
                    let key = (
                        "Case".to_string(),
                        format!("{} {}", gold.upos, gold_case.as_str()),
                        predicted
                            .feats
                            .case
                            .map_or("-", |case| case.as_str())
                            .to_string(),
                    );
                    *report.confusions.entry(key).or_insert(0) += 1;
                }
            }
            if let (true, Some(gold_gender)) = (nominal, gold.feats.gender) {
                report.gendered += 1;
                report.gender += usize::from(predicted.feats.gender == Some(gold_gender));
            }
            if report.parsed {
                let head_right = predicted.head == gold.head;
                let relation_right = predicted.deprel == gold.deprel;
                report.uas += usize::from(head_right);
                report.las += usize::from(head_right && relation_right);
                for (index, core) in CORE.iter().enumerate() {
                    let gold_is = base_relation(&gold.deprel) == *core;
                    let predicted_is = base_relation(&predicted.deprel) == *core;
                    report.core[index].0 += usize::from(gold_is);
                    report.core[index].1 += usize::from(predicted_is);
                    report.core[index].2 += usize::from(gold_is && predicted_is && head_right);
                }
            }
        }
    }
    report
}

/// Evaluates `analyzer` on CoNLL-U sentences (gold tokenization; German multiword
/// tokens become one token, see [`crate::corpus`]).
pub fn evaluate(
    analyzer: &Analyzer,
    lang: Lang,
    sentences: &[ConlluSentence],
    name: &str,
) -> EvalReport {
    let gold: Vec<Vec<GoldToken>> = sentences
        .iter()
        .map(|sentence| gold_tokens(sentence, lang))
        .collect();
    evaluate_gold(analyzer, lang, &gold, name)
}

/// k-fold cross-validation of the tagger: sentence `i` is in fold `i % folds`.
pub fn cross_validate(
    lang: Lang,
    sentences: &[Vec<GoldToken>],
    folds: usize,
    lexicon: Arc<Lexicon>,
    config: TrainConfig,
    with_parser: bool,
    name: &str,
) -> EvalReport {
    cross_validate_against(
        lang,
        sentences,
        sentences,
        folds,
        lexicon,
        config,
        with_parser,
        name,
    )
}

/// As [`cross_validate`], but scores each held-out fold against `gold` (parallel to
/// `sentences`, same tokens), e.g. unharmonised gold for a model trained on
/// harmonised data. If the lengths differ, `sentences` is used as gold.
#[allow(clippy::too_many_arguments)]
pub fn cross_validate_against(
    lang: Lang,
    sentences: &[Vec<GoldToken>],
    gold: &[Vec<GoldToken>],
    folds: usize,
    lexicon: Arc<Lexicon>,
    config: TrainConfig,
    with_parser: bool,
    name: &str,
) -> EvalReport {
    let gold = if gold.len() == sentences.len() {
        gold
    } else {
        sentences
    };
    let folds = folds.max(2);
    let mut total = EvalReport {
        name: name.to_string(),
        ..EvalReport::default()
    };
    for fold in 0..folds {
        let train: Vec<Vec<GoldToken>> = sentences
            .iter()
            .enumerate()
            .filter(|(index, _)| index % folds != fold)
            .map(|(_, s)| s.clone())
            .collect();
        let test: Vec<Vec<GoldToken>> = gold
            .iter()
            .enumerate()
            .filter(|(index, _)| index % folds == fold)
            .map(|(_, s)| s.clone())
            .collect();
        let tagger = Tagger::train(lang, &train, Arc::clone(&lexicon), config);
        let analyzer = match lang {
            Lang::De => Analyzer::new(Some(tagger), None),
            _ => Analyzer::new(None, Some(tagger)),
        };
        let analyzer = if with_parser {
            analyzer
        } else {
            analyzer.without_parsers()
        };
        let report = evaluate_gold(&analyzer, lang, &test, name);
        total.add(&report);
    }
    total
}
