//! The tagger of one language: a main perceptron for `UPOS|XPOS|FEATS` labels, for
//! German a second perceptron for Case and Number of nominal words, and the lemmatiser.

use std::sync::Arc;

use lagebild_doc::{Feats, Gender, Lang, Upos};

use crate::ModelError;
use crate::codec::{Reader, Writer};
use crate::corpus::{self, GoldToken};
use crate::features::{Context, SentenceFeatures};
use crate::lemmatizer::Lemmatizer;
use crate::lexicon::Lexicon;
use crate::perceptron::{Perceptron, PerceptronTrainer, argmax};

const MAGIC: &str = "lagebild-nlp-tagger-1";

/// A decoded label of the main tagger.
#[derive(Clone, Debug)]
pub(crate) struct LabelInfo {
    pub upos: Upos,
    pub upos_text: String,
    pub xpos: String,
    pub feats: Feats,
}

/// What the tagger says about one token.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TaggedToken {
    pub upos: Upos,
    pub xpos: String,
    pub feats: Feats,
    pub lemma: String,
}

#[derive(Debug)]
pub struct Tagger {
    pub lang: Lang,
    main: Perceptron,
    /// Second pass over the main labels, seeing the first pass's labels on both sides.
    stacked: Option<Perceptron>,
    main_info: Vec<LabelInfo>,
    /// German: Case/Number of nominals (and verbal features with `split_verbal`).
    second: Option<Perceptron>,
    second_feats: Vec<Feats>,
    /// German: a second Case/Number pass that sees the cases the first gave the other
    /// nominals of the clause.
    case_stack: Option<Perceptron>,
    case_stack_feats: Vec<Feats>,
    /// German: Gender of nouns, names, pronouns, determiners and adjectives (labels are
    /// "Masc", "Fem", "Neut" and "_" for none).
    gender: Option<Perceptron>,
    gender_values: Vec<Option<Gender>>,
    split_verbal: bool,
    lemmatizer: Lemmatizer,
    lexicon: Arc<Lexicon>,
}

/// Reusable buffers for tagging.
#[derive(Default)]
pub struct TagBuffers {
    features: SentenceFeatures,
    list: Vec<u64>,
    scores: Vec<f32>,
    labels: Vec<u16>,
    /// German: per position, the best second-tagger score for each case (Nom, Acc,
    /// Dat, Gen) and the label reaching it, for noun-phrase agreement.
    case_scores: Vec<CaseScores>,
    /// German: per position, the Gender model's scores for Masc, Fem, Neut.
    gender_scores: Vec<[f32; 3]>,
}

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct TrainConfig {
    pub iterations: usize,
    pub min_feature_count: u32,
    pub min_weight: f32,
    pub seed: u64,
    /// German: predict verbal features with the second tagger instead of the main one.
    pub split_verbal: bool,
    /// Folds of the jackknife that trains the stacked second pass (< 2: no second pass).
    pub stack_folds: usize,
    /// German: train the Case/Number tagger on the jackknifed first-pass labels (as it
    /// sees them when tagging) instead of gold labels.
    pub second_on_predicted: bool,
    /// German: a second Case/Number pass over the first pass's clause cases (off:
    /// measured 0.1-0.6 points of Case accuracy worse in CV).
    pub case_stack: bool,
    /// German: train the Gender tagger (a third perceptron over the nominal words).
    pub gender: bool,
    /// Perceptrons trained per model with different example orders and averaged into
    /// one (1 = a single one); tagging cost does not grow with it.
    pub bags: usize,
    /// Averaged weights below this magnitude are dropped (smaller, faster models).
    pub average_min_weight: f32,
    /// Title-case features (see `SentenceFeatures::title_case_features`); set by
    /// [`Tagger::train`] from the language.
    pub title_case: bool,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            iterations: 8,
            min_feature_count: 1,
            min_weight: 0.0,
            seed: 7,
            split_verbal: true,
            stack_folds: 4,
            second_on_predicted: false,
            gender: true,
            case_stack: false,
            bags: 1,
            average_min_weight: 0.0,
            title_case: false,
        }
    }
}

fn label_info(label: &str) -> LabelInfo {
    let (upos, xpos, feats) = corpus::split_label(label);
    LabelInfo {
        upos: Upos::parse(upos).unwrap_or(Upos::X),
        upos_text: upos.to_string(),
        xpos: xpos.to_string(),
        feats,
    }
}

/// Finite German forms that are subjunctive whatever their context (Konjunktiv II of
/// the auxiliaries and modals, Konjunktiv I of "sein").
fn is_always_subjunctive(form: &str) -> bool {
    const STEMS: [&str; 8] = [
        "wär", "hätt", "würd", "könnt", "möcht", "dürft", "müsst", "müßt",
    ];
    const ENDINGS: [&str; 4] = ["e", "en", "est", "et"];
    let lower = form.to_lowercase();
    if matches!(lower.as_str(), "sei" | "seien" | "seiest" | "seiet") {
        return true;
    }
    STEMS.iter().any(|stem| {
        lower
            .strip_prefix(stem)
            .is_some_and(|rest| ENDINGS.contains(&rest))
    })
}

/// The gender each label of a Gender model stands for ("_": none).
fn gender_values(model: &Perceptron) -> Vec<Option<Gender>> {
    model
        .labels
        .iter()
        .map(|label| Gender::parse(label))
        .collect()
}

/// English marks gender on third-person singular pronouns only, as UD English does
/// ("he", "his" Masc; "she", "her" Fem; "it", "its" Neut).
fn english_pronoun_gender(form: &str) -> Option<Gender> {
    const PRONOUNS: [(&str, Gender); 11] = [
        ("he", Gender::Masc),
        ("him", Gender::Masc),
        ("his", Gender::Masc),
        ("himself", Gender::Masc),
        ("she", Gender::Fem),
        ("her", Gender::Fem),
        ("hers", Gender::Fem),
        ("herself", Gender::Fem),
        ("it", Gender::Neut),
        ("its", Gender::Neut),
        ("itself", Gender::Neut),
    ];
    PRONOUNS
        .iter()
        .find(|(pronoun, _)| form.eq_ignore_ascii_case(pronoun))
        .map(|&(_, gender)| gender)
}

fn gender_index(gender: Gender) -> usize {
    match gender {
        Gender::Masc => 0,
        Gender::Fem => 1,
        Gender::Neut => 2,
    }
}

/// Determiner, attributive adjectives and noun of one noun phrase ("des neuen
/// Vertrags") share their gender: the gender with the highest summed score over the
/// phrase's gendered words wins; a word the model left without gender keeps none unless
/// it is singular (plural determiners have no gender, singular ones do).
fn agree_gender(out: &mut [TaggedToken], gender_scores: &[[f32; 3]]) {
    const GENDERS: [Gender; 3] = [Gender::Masc, Gender::Fem, Gender::Neut];
    let mut start: Option<usize> = None;
    for position in 0..out.len() {
        let token = &out[position];
        let modifier = token.upos == Upos::Det || token.xpos == "ADJA";
        if matches!(token.upos, Upos::Noun | Upos::Propn) {
            if let Some(first) = start.take() {
                let mut totals = [0.0f32; 3];
                for index in first..=position {
                    if out[index].feats.gender.is_some() {
                        for (total, score) in totals.iter_mut().zip(gender_scores[index]) {
                            *total += score;
                        }
                    }
                }
                let best = (0..3).max_by(|&a, &b| totals[a].total_cmp(&totals[b]));
                let gendered = out[first..=position]
                    .iter()
                    .any(|token| token.feats.gender.is_some());
                if let (Some(best), true) = (best, gendered) {
                    for token in &mut out[first..=position] {
                        let singular = token.feats.number == Some(lagebild_doc::Number::Sing);
                        if token.feats.gender.is_some() || singular {
                            token.feats.gender = Some(GENDERS[best]);
                        }
                    }
                }
            }
        } else if modifier {
            start.get_or_insert(position);
        } else if !matches!(token.upos, Upos::Adj | Upos::Adv | Upos::Num) {
            start = None;
        }
    }
}

/// A small deterministic shuffle (xorshift), so training is reproducible.
fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for index in (1..items.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let other = (*seed % (index as u64 + 1)) as usize;
        items.swap(index, other);
    }
}

fn collect_labels(labels: impl Iterator<Item = String>) -> Vec<String> {
    let mut counts: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for label in labels {
        *counts.entry(label).or_insert(0) += 1;
    }
    let mut sorted: Vec<(String, u32)> = counts.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    sorted.into_iter().map(|(label, _)| label).collect()
}

/// Greedy left-to-right decoding of one prepared sentence.
fn decode(
    model: &Perceptron,
    features: &SentenceFeatures,
    count: usize,
    context: Option<&Context>,
    list: &mut Vec<u64>,
    scores: &mut Vec<f32>,
    labels: &mut Vec<u16>,
) {
    labels.clear();
    let label_count = model.label_count().max(1);
    scores.resize(label_count.max(scores.len()), 0.0);
    let (mut prev, mut prev2) = (0u64, 0u64);
    for position in 0..count {
        features.at(position, prev, prev2, context, list);
        model.score(list, &mut scores[..label_count]);
        let label = argmax(&scores[..label_count]) as u16;
        labels.push(label);
        prev2 = prev;
        prev = u64::from(label) + 1;
    }
}

fn train_model(
    sentences: &[&[GoldToken]],
    lexicon: &Lexicon,
    config: TrainConfig,
    labels: Vec<String>,
    label_of: &dyn Fn(&GoldToken) -> Option<String>,
    contexts: Option<&[Context]>,
) -> Perceptron {
    let bags = config.bags.max(1);
    let models: Vec<Perceptron> = (0..bags)
        .map(|bag| {
            let config = TrainConfig {
                seed: config.seed.wrapping_add(7919 * bag as u64),
                ..config
            };
            train_one(
                sentences,
                lexicon,
                config,
                labels.clone(),
                label_of,
                contexts,
            )
        })
        .collect();
    Perceptron::average(models, config.average_min_weight).unwrap_or_default()
}

fn train_one(
    sentences: &[&[GoldToken]],
    lexicon: &Lexicon,
    config: TrainConfig,
    labels: Vec<String>,
    label_of: &dyn Fn(&GoldToken) -> Option<String>,
    contexts: Option<&[Context]>,
) -> Perceptron {
    let mut trainer = PerceptronTrainer::new(labels);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut seed = config.seed.max(1);
    let mut features = SentenceFeatures::default();
    features.title_case_features = config.title_case;
    let mut list = Vec::new();
    let mut scores = vec![0.0f32; trainer.labels.len()];
    for iteration in 0..config.iterations {
        shuffle(&mut order, &mut seed);
        for &index in &order {
            let sentence = sentences[index];
            let forms: Vec<&str> = sentence.iter().map(|token| token.form.as_str()).collect();
            features.prepare(&forms, lexicon);
            let context = contexts.and_then(|contexts| contexts.get(index));
            let (mut prev, mut prev2) = (0u64, 0u64);
            for (position, token) in sentence.iter().enumerate() {
                let truth = label_of(token).and_then(|label| trainer.label_id(&label));
                features.at(position, prev, prev2, context, &mut list);
                let Some(truth) = truth else {
                    prev2 = prev;
                    prev = 0xfffe;
                    continue;
                };
                if iteration == 0 {
                    trainer.count(&list);
                }
                trainer.score(&list, &mut scores);
                let guess = argmax(&scores) as u16;
                trainer.update(&list, truth, guess);
                prev2 = prev;
                // Train on the guessed history, as at tagging time.
                prev = u64::from(guess) + 1;
            }
        }
    }
    trainer.finish(config.min_feature_count, config.min_weight)
}

/// Clause classes of a label for [`Context::with_classes`]: 1 participle, 2 infinitive,
/// 4 predicative adjective, 8 noun or pronoun, 16 preposition, 32 "zu", 64 determiner,
/// 128 finite verb.
fn label_class(info: &[LabelInfo], label: u16) -> u8 {
    let Some(info) = info.get(label as usize) else {
        return 0;
    };
    match info.xpos.as_str() {
        "VVPP" | "VAPP" | "VMPP" | "VBN" => 1,
        "VVINF" | "VAINF" | "VMINF" | "VVIZU" | "VB" => 2,
        "ADJD" => 4,
        "PTKZU" => 32,
        "VVFIN" | "VAFIN" | "VMFIN" | "VBZ" | "VBD" | "VBP" => 128,
        _ => match info.upos {
            Upos::Noun | Upos::Propn | Upos::Pron => 8,
            Upos::Adp => 16,
            Upos::Det => 64,
            Upos::Adj => 4,
            _ => 0,
        },
    }
}

/// Per position, the best second-tagger score and label for each (case, number) slot:
/// slot = 2 * case index + 1 for plural.
type CaseScores = [(f32, u16); 8];

/// The best (score, label) of `case` over both numbers.
fn case_best(scores: &CaseScores, case: usize) -> (f32, u16) {
    let (singular, plural) = (scores[2 * case], scores[2 * case + 1]);
    if plural.1 != u16::MAX && (singular.1 == u16::MAX || plural.0 > singular.0) {
        plural
    } else {
        singular
    }
}

fn case_slot(feats: &Feats) -> Option<usize> {
    let plural = usize::from(feats.number == Some(lagebild_doc::Number::Plur));
    feats.case.map(|case| 2 * case_index(case) + plural)
}

fn case_index(case: lagebild_doc::Case) -> usize {
    match case {
        lagebild_doc::Case::Nom => 0,
        lagebild_doc::Case::Acc => 1,
        lagebild_doc::Case::Dat => 2,
        lagebild_doc::Case::Gen => 3,
    }
}

/// Noun-phrase roles for [`Context::add_governors`].
fn label_role(info: &[LabelInfo], label: u16) -> u8 {
    let Some(info) = info.get(label as usize) else {
        return 0;
    };
    match info.upos {
        Upos::Adp if matches!(info.xpos.as_str(), "APPR" | "APPRART") => 1,
        Upos::Det => 2,
        Upos::Adj | Upos::Adv | Upos::Num => 3,
        Upos::Noun | Upos::Propn | Upos::Pron => 4,
        _ => 0,
    }
}

fn label_kind(info: &[LabelInfo], label: u16) -> u8 {
    match info.get(label as usize).map(|info| info.upos) {
        Some(Upos::Verb | Upos::Aux) => 1,
        Some(Upos::Punct | Upos::Sconj) => 2,
        Some(Upos::Cconj) => 3,
        _ => 0,
    }
}

/// Determiner, attributive adjectives and noun of one noun phrase ("den neuen
/// Verträgen") share their case: the case with the highest summed score over the
/// phrase wins, and each word takes its best label with that case.
fn agree_noun_phrases(
    main_info: &[LabelInfo],
    second_feats: &[Feats],
    labels: &[u16],
    case_scores: &[CaseScores],
    out: &mut [TaggedToken],
) {
    let mut start: Option<usize> = None;
    for position in 0..labels.len() {
        let role = label_role(main_info, labels[position]);
        let adjective = out[position].xpos == "ADJA";
        let noun = matches!(out[position].upos, Upos::Noun | Upos::Propn);
        match (start, role) {
            (_, 2) | (None, 3) if role == 2 || adjective => {
                start.get_or_insert(position);
            }
            (Some(_), 3) => {}
            (Some(first), 4) if noun => {
                let member = |token: &TaggedToken| {
                    token.upos == Upos::Det
                        || token.xpos == "ADJA"
                        || matches!(token.upos, Upos::Noun | Upos::Propn)
                };
                let mut totals = [0.0f32; 8];
                let mut usable = [true; 8];
                for index in (first..=position).filter(|&index| member(&out[index])) {
                    for case in 0..8 {
                        let (score, label) = case_scores[index][case];
                        if label == u16::MAX {
                            usable[case] = false;
                        } else {
                            totals[case] += score;
                        }
                    }
                }
                let best = (0..8)
                    .filter(|&case| usable[case])
                    .max_by(|&a, &b| totals[a].total_cmp(&totals[b]));
                if let Some(case) = best {
                    for index in first..=position {
                        if !member(&out[index]) {
                            continue;
                        }
                        let label = case_scores[index][case].1;
                        if let Some(feats) = second_feats.get(label as usize) {
                            out[index].feats.case = feats.case;
                            out[index].feats.number = feats.number;
                        }
                    }
                }
                start = None;
            }
            _ => start = None,
        }
    }
}

/// Copula verbs, whose clauses have a nominative predicate besides the subject.
fn is_copula(lemma: &str) -> bool {
    matches!(
        lemma,
        "sein" | "werden" | "bleiben" | "heißen" | "scheinen" | "gelten" | "nennen"
    )
}

/// A clause (between punctuation, conjunctions) with one finite verb that is not a
/// copula has one subject: when several of its noun phrases (determiner, attributive
/// adjectives, nouns and names in a row; or a pronoun) came out nominative, the one
/// with the clearest nominative keeps it and the others take their best other case.
/// In a clause whose only verb is a copula, accusative noun phrases not governed by a
/// preposition become nominative (predicate nominative).
fn one_subject_per_clause(
    main_info: &[LabelInfo],
    second_feats: &[Feats],
    labels: &[u16],
    case_scores: &[CaseScores],
    governor: &[u32],
    out: &mut [TaggedToken],
) {
    // Units as (first, last) positions, filled per clause.
    let mut units: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for end in 0..=out.len() {
        let boundary = labels
            .get(end)
            .is_none_or(|&label| matches!(label_kind(main_info, label), 2 | 3));
        if !boundary {
            continue;
        }
        let clause = start..end;
        start = end + 1;
        let finite = clause
            .clone()
            .filter(|&index| out[index].xpos.ends_with("FIN"))
            .count();
        let verbs = clause
            .clone()
            .filter(|&index| matches!(out[index].upos, Upos::Verb | Upos::Aux))
            .count();
        let copula = clause.clone().any(|index| {
            matches!(out[index].upos, Upos::Verb | Upos::Aux) && is_copula(&out[index].lemma)
        });
        // With a copula ("sein", "werden") next to other verbs the clause may be
        // passive or perfect, or have a predicate nominative: leave it alone.
        if finite != 1 || (copula && verbs > 1) {
            continue;
        }
        units.clear();
        let mut open: Option<usize> = None;
        let mut has_noun = false;
        for index in clause.clone() {
            let token = &out[index];
            let noun = matches!(token.upos, Upos::Noun | Upos::Propn);
            let modifier = token.upos == Upos::Det || token.xpos == "ADJA";
            if noun {
                open.get_or_insert(index);
                has_noun = true;
                let next_noun = out
                    .get(index + 1)
                    .is_some_and(|next| matches!(next.upos, Upos::Noun | Upos::Propn))
                    && index + 1 < clause.end;
                if !next_noun {
                    if let Some(first) = open.take() {
                        units.push((first, index));
                    }
                    has_noun = false;
                }
            } else if modifier && !has_noun {
                open.get_or_insert(index);
            } else if token.upos == Upos::Pron {
                open = None;
                has_noun = false;
                units.push((index, index));
            } else if !matches!(token.upos, Upos::Adv | Upos::Num | Upos::Adj) {
                open = None;
                has_noun = false;
            }
        }
        let nominative =
            |&(_, last): &(usize, usize)| out[last].feats.case == Some(lagebild_doc::Case::Nom);
        let totals = |&(first, last): &(usize, usize)| -> Option<[f32; 4]> {
            let mut totals = [0.0f32; 4];
            for index in first..=last {
                let member = &out[index];
                if !(member.upos == Upos::Det
                    || member.xpos == "ADJA"
                    || matches!(member.upos, Upos::Noun | Upos::Propn | Upos::Pron))
                {
                    continue;
                }
                for (case, total) in totals.iter_mut().enumerate() {
                    let (score, label) = case_best(&case_scores[index], case);
                    if label == u16::MAX {
                        return None;
                    }
                    *total += score;
                }
            }
            Some(totals)
        };
        if copula {
            // "X ist ein Erlebnis": a predicate noun of a lone copula is nominative too,
            // unless a preposition governs it.
            for &(first, last) in &units {
                let accusative = out[last].feats.case == Some(lagebild_doc::Case::Acc);
                let governed = governor.get(first).is_some_and(|&g| g != u32::MAX);
                if !accusative || governed || !matches!(out[last].upos, Upos::Noun | Upos::Propn) {
                    continue;
                }
                for position in first..=last {
                    let member = &out[position];
                    if !(member.upos == Upos::Det
                        || member.xpos == "ADJA"
                        || matches!(member.upos, Upos::Noun | Upos::Propn))
                    {
                        continue;
                    }
                    let label = case_best(&case_scores[position], 0).1;
                    if let Some(feats) = second_feats.get(label as usize) {
                        out[position].feats.case = feats.case;
                        out[position].feats.number = feats.number;
                    }
                }
            }
            continue;
        }
        let candidates: Vec<((usize, usize), [f32; 4])> = units
            .iter()
            .filter(|unit| nominative(unit))
            .filter_map(|unit| totals(unit).map(|totals| (*unit, totals)))
            .collect();
        if candidates.len() < 2 {
            continue;
        }
        let margin = |totals: &[f32; 4]| {
            totals[0]
                - totals[1..]
                    .iter()
                    .copied()
                    .fold(f32::NEG_INFINITY, f32::max)
        };
        let keep = candidates
            .iter()
            .enumerate()
            .max_by(|a, b| margin(&a.1.1).total_cmp(&margin(&b.1.1)))
            .map_or(0, |(index, _)| index);
        for (index, ((first, last), totals)) in candidates.iter().enumerate() {
            if index == keep {
                continue;
            }
            let case = (1..4)
                .max_by(|&a, &b| totals[a].total_cmp(&totals[b]))
                .unwrap_or(1);
            for position in *first..=*last {
                let member = &out[position];
                if !(member.upos == Upos::Det
                    || member.xpos == "ADJA"
                    || matches!(member.upos, Upos::Noun | Upos::Propn | Upos::Pron))
                {
                    continue;
                }
                let label = case_best(&case_scores[position], case).1;
                if let Some(feats) = second_feats.get(label as usize) {
                    out[position].feats.case = feats.case;
                    out[position].feats.number = feats.number;
                }
            }
        }
    }
}

/// One run of a German Case/Number (and verbal features) model over a sentence whose
/// UPOS/XPOS are in `out`.
struct SecondPass<'a> {
    model: &'a Perceptron,
    feats: &'a [Feats],
    split_verbal: bool,
    /// Only nouns, names, pronouns, determiners and adjectives (the case stack).
    nominal_only: bool,
}

impl SecondPass<'_> {
    /// Sets the features of `out` and, per nominal position, the best score and label
    /// for each case in `case_scores`.
    fn run(
        &self,
        features: &SentenceFeatures,
        context: &Context,
        out: &mut [TaggedToken],
        list: &mut Vec<u64>,
        scores: &mut Vec<f32>,
        case_scores: &mut Vec<CaseScores>,
    ) {
        let count = self.model.label_count();
        scores.resize(count.max(scores.len()), 0.0);
        let (mut prev, mut prev2) = (0u64, 0u64);
        case_scores.clear();
        case_scores.resize(out.len(), [(f32::NEG_INFINITY, u16::MAX); 8]);
        for position in 0..out.len() {
            features.at(position, prev, prev2, Some(context), list);
            let upos = out[position].upos.as_str();
            let verbal = self.split_verbal && !self.nominal_only && corpus::is_verbal(upos);
            if !verbal && !corpus::is_nominal(upos) {
                prev2 = prev;
                prev = 0xfffe;
                continue;
            }
            self.model.score(list, &mut scores[..count]);
            if verbal {
                // Keep the features consistent with the XPOS: finite verbs have a
                // mood, infinitives and participles none.
                let finite = out[position].xpos.ends_with("FIN");
                let imperative = out[position].xpos.ends_with("IMP");
                for (score, feats) in scores[..count].iter_mut().zip(self.feats) {
                    let allowed = match feats.mood {
                        Some(lagebild_doc::Mood::Imp) => imperative,
                        Some(_) => finite,
                        None => !finite && !imperative,
                    };
                    if !allowed {
                        *score = f32::NEG_INFINITY;
                    }
                }
            }
            let label = argmax(&scores[..count]);
            if !verbal {
                let best = &mut case_scores[position];
                for (index, (&score, feats)) in scores[..count].iter().zip(self.feats).enumerate() {
                    if let Some(case) = case_slot(feats)
                        && score > best[case].0
                    {
                        best[case] = (score, index as u16);
                    }
                }
            }
            if let Some(feats) = self.feats.get(label) {
                if verbal {
                    out[position].feats = crate::corpus::verbal_feats(feats);
                } else {
                    out[position].feats.case = feats.case;
                    out[position].feats.number = feats.number;
                }
            }
            prev2 = prev;
            prev = label as u64 + 1;
        }
    }
}

/// [`Context::case_bits`] from the cases in `out`: clauses end at punctuation and
/// subordinating conjunctions (main labels of kind 2).
fn case_bits(main_info: &[LabelInfo], labels: &[u16], out: &[TaggedToken]) -> Vec<u16> {
    let mut bits = vec![0u16; out.len()];
    let head_case = |token: &TaggedToken| -> Option<usize> {
        matches!(token.upos, Upos::Noun | Upos::Propn | Upos::Pron)
            .then_some(token.feats.case.map(case_index))
            .flatten()
    };
    let mut start = 0;
    for end in 0..=out.len() {
        let boundary = labels
            .get(end)
            .is_none_or(|&label| label_kind(main_info, label) == 2);
        if !boundary {
            continue;
        }
        let mut counts = [0u16; 4];
        for token in &out[start..end] {
            if let Some(case) = head_case(token) {
                counts[case] += 1;
            }
        }
        for position in start..end {
            let own = out[position].feats.case.map(case_index);
            let mut others = counts;
            if let Some(case) = head_case(&out[position]) {
                others[case] -= 1;
            }
            let packed = others
                .iter()
                .enumerate()
                .fold(0u16, |packed, (case, &count)| {
                    packed | count.min(2) << (2 * case)
                });
            bits[position] = packed | own.map_or(0, |case| case as u16 + 1) << 8;
        }
        start = end + 1;
    }
    bits
}

impl Tagger {
    /// Trains a tagger on gold sentences.
    pub fn train(
        lang: Lang,
        sentences: &[Vec<GoldToken>],
        lexicon: Arc<Lexicon>,
        config: TrainConfig,
    ) -> Tagger {
        let config = TrainConfig {
            title_case: lang == Lang::En,
            ..config
        };
        let split_verbal = config.split_verbal && lang == Lang::De;
        let all: Vec<&[GoldToken]> = sentences.iter().map(Vec::as_slice).collect();
        let main_label = |token: &GoldToken| Some(corpus::main_label(token, lang, split_verbal));
        let labels = collect_labels(sentences.iter().flatten().filter_map(main_label));
        let main = train_model(&all, &lexicon, config, labels.clone(), &main_label, None);
        let main_info: Vec<LabelInfo> = main.labels.iter().map(|label| label_info(label)).collect();
        let kind = |label: u16| label_kind(&main_info, label);
        let class = |label: u16| label_class(&main_info, label);
        // The second pass sees the first pass's labels of the whole sentence. Its training
        // contexts come from first-pass models that did not see the sentence (jackknife).
        // The second pass sees the first pass's labels of the whole sentence. Its training
        // contexts come from first-pass models that did not see the sentence (jackknife).
        let jackknifed: Option<Vec<Vec<u16>>> = (config.stack_folds >= 2).then(|| {
            let folds = config.stack_folds;
            let mut predictions = vec![Vec::new(); all.len()];
            let (mut features, mut list, mut scores, mut predicted) = (
                SentenceFeatures::default(),
                Vec::new(),
                Vec::new(),
                Vec::new(),
            );
            for fold in 0..folds {
                let train: Vec<&[GoldToken]> = all
                    .iter()
                    .enumerate()
                    .filter(|(index, _)| index % folds != fold)
                    .map(|(_, s)| *s)
                    .collect();
                let model =
                    train_model(&train, &lexicon, config, labels.clone(), &main_label, None);
                for (index, sentence) in all
                    .iter()
                    .enumerate()
                    .filter(|(index, _)| index % folds == fold)
                {
                    let forms: Vec<&str> =
                        sentence.iter().map(|token| token.form.as_str()).collect();
                    features.title_case_features = config.title_case;
                    features.prepare(&forms, &lexicon);
                    decode(
                        &model,
                        &features,
                        forms.len(),
                        None,
                        &mut list,
                        &mut scores,
                        &mut predicted,
                    );
                    predictions[index] = predicted.clone();
                }
            }
            predictions
        });
        let stacked = jackknifed.as_ref().map(|predictions| {
            let contexts: Vec<Context> = predictions
                .iter()
                .map(|labels| Context::with_classes(labels.clone(), kind, class))
                .collect();
            train_model(
                &all,
                &lexicon,
                config,
                labels.clone(),
                &main_label,
                Some(&contexts),
            )
        });
        let feats_of = |model: &Perceptron| -> Vec<Feats> {
            model
                .labels
                .iter()
                .map(|label| Feats::from_conllu(label))
                .collect()
        };
        let mut second = None;
        let mut case_stack = None;
        let mut gender = None;
        if lang == Lang::De {
            let label_ids: std::collections::HashMap<&str, u16> = main
                .labels
                .iter()
                .enumerate()
                .map(|(index, label)| (label.as_str(), index as u16))
                .collect();
            let role = |label: u16| label_role(&main_info, label);
            let mut contexts: Vec<Context> = sentences
                .iter()
                .enumerate()
                .map(|(index, sentence)| {
                    let predicted = jackknifed
                        .as_ref()
                        .filter(|_| config.second_on_predicted)
                        .and_then(|predictions| predictions.get(index))
                        .filter(|labels| labels.len() == sentence.len());
                    let labels = match predicted {
                        Some(labels) => labels.clone(),
                        None => sentence
                            .iter()
                            .map(|token| {
                                label_ids
                                    .get(corpus::main_label(token, lang, split_verbal).as_str())
                                    .copied()
                                    .unwrap_or(u16::MAX - 1)
                            })
                            .collect(),
                    };
                    let mut context = Context::with_classes(labels, kind, class);
                    context.add_governors(role);
                    context
                })
                .collect();
            let label_of = |token: &GoldToken| corpus::second_label(token, split_verbal);
            let second_labels = collect_labels(sentences.iter().flatten().filter_map(label_of));
            // The feature tagger stays a single perceptron: averaging several cost
            // Mood accuracy in CV (95.03 -> 94.9 with 2 or 4).
            let second_config = TrainConfig { bags: 1, ..config };
            let model = train_model(
                &all,
                &lexicon,
                second_config,
                second_labels.clone(),
                &label_of,
                Some(&contexts),
            );
            if config.gender {
                let gender_labels =
                    collect_labels(sentences.iter().flatten().filter_map(corpus::gender_label));
                gender = Some(train_model(
                    &all,
                    &lexicon,
                    second_config,
                    gender_labels,
                    &corpus::gender_label,
                    Some(&contexts),
                ));
            }
            if config.case_stack && config.stack_folds >= 2 {
                // The cases a first pass that did not see the sentence gives the other
                // nominals of each clause (jackknife), as context for a second pass.
                let folds = config.stack_folds;
                let mut features = SentenceFeatures::default();
                let (mut list, mut scores, mut case_scores) = (Vec::new(), Vec::new(), Vec::new());
                let mut bits = vec![Vec::new(); all.len()];
                for fold in 0..folds {
                    let train: Vec<&[GoldToken]> = all
                        .iter()
                        .enumerate()
                        .filter(|(index, _)| index % folds != fold)
                        .map(|(_, s)| *s)
                        .collect();
                    let train_contexts: Vec<Context> = contexts
                        .iter()
                        .enumerate()
                        .filter(|(index, _)| index % folds != fold)
                        .map(|(_, context)| context.clone())
                        .collect();
                    let fold_model = train_model(
                        &train,
                        &lexicon,
                        config,
                        second_labels.clone(),
                        &label_of,
                        Some(&train_contexts),
                    );
                    let fold_feats = feats_of(&fold_model);
                    let pass = SecondPass {
                        model: &fold_model,
                        feats: &fold_feats,
                        split_verbal,
                        nominal_only: false,
                    };
                    for (index, sentence) in all
                        .iter()
                        .enumerate()
                        .filter(|(index, _)| index % folds == fold)
                    {
                        let forms: Vec<&str> =
                            sentence.iter().map(|token| token.form.as_str()).collect();
                        features.title_case_features = config.title_case;
                        features.prepare(&forms, &lexicon);
                        let mut out: Vec<TaggedToken> = sentence
                            .iter()
                            .map(|token| TaggedToken {
                                upos: Upos::parse(&token.upos).unwrap_or(Upos::X),
                                xpos: token.xpos.clone(),
                                ..TaggedToken::default()
                            })
                            .collect();
                        let context = &contexts[index];
                        pass.run(
                            &features,
                            context,
                            &mut out,
                            &mut list,
                            &mut scores,
                            &mut case_scores,
                        );
                        agree_noun_phrases(
                            &main_info,
                            &fold_feats,
                            &context.labels,
                            &case_scores,
                            &mut out,
                        );
                        bits[index] = case_bits(&main_info, &context.labels, &out);
                    }
                }
                for (context, bits) in contexts.iter_mut().zip(bits) {
                    context.case_bits = bits;
                }
                let nominal_of = |token: &GoldToken| {
                    corpus::is_nominal(&token.upos)
                        .then(|| corpus::nominal_feats(&token.feats).to_conllu())
                };
                let nominal_labels =
                    collect_labels(sentences.iter().flatten().filter_map(nominal_of));
                case_stack = Some(train_model(
                    &all,
                    &lexicon,
                    config,
                    nominal_labels,
                    &nominal_of,
                    Some(&contexts),
                ));
            }
            second = Some(model);
        }
        let second_feats = second.as_ref().map(feats_of).unwrap_or_default();
        let case_stack_feats = case_stack.as_ref().map(feats_of).unwrap_or_default();
        let gender_values = gender.as_ref().map(gender_values).unwrap_or_default();
        let lemmatizer = Lemmatizer::train(
            sentences.iter().flatten().map(|token| {
                (
                    token.form.as_str(),
                    token.upos.as_str(),
                    token.lemma.as_str(),
                )
            }),
            lang,
        );
        Tagger {
            lang,
            main,
            stacked,
            main_info,
            second,
            second_feats,
            case_stack,
            case_stack_feats,
            gender,
            gender_values,
            split_verbal,
            lemmatizer,
            lexicon,
        }
    }

    /// Tags one sentence given as forms; `out` receives one entry per form.
    pub fn tag<S: AsRef<str>>(
        &self,
        forms: &[S],
        buffers: &mut TagBuffers,
        out: &mut Vec<TaggedToken>,
    ) {
        // Training sentences end in punctuation; a headline does not. Tag it as if it
        // did, so that a final separable particle ("wirft ... vor") reads as one.
        let ends_open = forms
            .last()
            .is_some_and(|last| last.as_ref().chars().any(char::is_alphanumeric));
        if ends_open {
            let mut closed: Vec<&str> = forms.iter().map(AsRef::as_ref).collect();
            closed.push(".");
            self.tag_closed(&closed, buffers, out);
            out.pop();
        } else {
            self.tag_closed(forms, buffers, out);
        }
    }

    fn tag_closed<S: AsRef<str>>(
        &self,
        forms: &[S],
        buffers: &mut TagBuffers,
        out: &mut Vec<TaggedToken>,
    ) {
        out.clear();
        let TagBuffers {
            features,
            list,
            scores,
            labels,
            case_scores,
            gender_scores,
        } = buffers;
        features.title_case_features = self.lang == Lang::En;
        features.prepare(forms, &self.lexicon);
        decode(
            &self.main,
            features,
            forms.len(),
            None,
            list,
            scores,
            labels,
        );
        let kind = |label: u16| label_kind(&self.main_info, label);
        let class = |label: u16| label_class(&self.main_info, label);
        if let Some(stacked) = &self.stacked {
            let context = Context::with_classes(labels.clone(), kind, class);
            decode(
                stacked,
                features,
                forms.len(),
                Some(&context),
                list,
                scores,
                labels,
            );
        }
        if self.lang == Lang::De {
            self.coordinated_infinitives(forms, labels);
            self.separable_verb_forms(forms, labels);
            self.haben_by_participle(forms, labels);
        } else {
            self.closed_conjunctions(forms, labels);
        }
        for (position, form) in forms.iter().enumerate() {
            let info = self.main_info.get(labels[position] as usize);
            let mut token = match info {
                Some(info) => TaggedToken {
                    upos: info.upos,
                    xpos: info.xpos.clone(),
                    feats: info.feats,
                    lemma: String::new(),
                },
                None => TaggedToken::default(),
            };
            let upos_text = info.map_or("X", |info| info.upos_text.as_str());
            token.lemma = self
                .lemmatizer
                .lemma(form.as_ref(), upos_text, self.lang, &self.lexicon);
            if self.lang == Lang::En && token.upos == Upos::Pron {
                token.feats.gender = english_pronoun_gender(form.as_ref());
            }
            out.push(token);
        }
        if let Some(second) = &self.second {
            let mut context = Context::with_classes(labels.clone(), kind, class);
            context.add_governors(|label| label_role(&self.main_info, label));
            let pass = SecondPass {
                model: second,
                feats: &self.second_feats,
                split_verbal: self.split_verbal,
                nominal_only: false,
            };
            pass.run(features, &context, out, list, scores, case_scores);
            agree_noun_phrases(
                &self.main_info,
                &self.second_feats,
                labels,
                case_scores,
                out,
            );
            one_subject_per_clause(
                &self.main_info,
                &self.second_feats,
                labels,
                case_scores,
                &context.governor,
                out,
            );
            if let Some(case_stack) = &self.case_stack {
                context.case_bits = case_bits(&self.main_info, labels, out);
                let pass = SecondPass {
                    model: case_stack,
                    feats: &self.case_stack_feats,
                    split_verbal: self.split_verbal,
                    nominal_only: true,
                };
                pass.run(features, &context, out, list, scores, case_scores);
                agree_noun_phrases(
                    &self.main_info,
                    &self.case_stack_feats,
                    labels,
                    case_scores,
                    out,
                );
            }
            for (token, form) in out.iter_mut().zip(forms) {
                if token.xpos.ends_with("FIN") && is_always_subjunctive(form.as_ref()) {
                    token.feats.mood = Some(lagebild_doc::Mood::Sub);
                }
            }
            self.tag_gender(features, &context, out, list, scores, gender_scores);
        }
    }

    /// Gender of the nominal words of a tagged sentence (UPOS in `out`), greedy left to
    /// right like the Case pass.
    fn tag_gender(
        &self,
        features: &SentenceFeatures,
        context: &Context,
        out: &mut [TaggedToken],
        list: &mut Vec<u64>,
        scores: &mut Vec<f32>,
        gender_scores: &mut Vec<[f32; 3]>,
    ) {
        let Some(model) = &self.gender else {
            return;
        };
        let count = model.label_count();
        scores.resize(count.max(scores.len()), 0.0);
        gender_scores.clear();
        gender_scores.resize(out.len(), [0.0; 3]);
        let (mut prev, mut prev2) = (0u64, 0u64);
        for position in 0..out.len() {
            if !corpus::is_nominal(out[position].upos.as_str()) {
                prev2 = prev;
                prev = 0xfffe;
                continue;
            }
            features.at(position, prev, prev2, Some(context), list);
            model.score(list, &mut scores[..count]);
            let label = argmax(&scores[..count]);
            out[position].feats.gender = self.gender_values.get(label).copied().flatten();
            for (&score, gender) in scores[..count].iter().zip(&self.gender_values) {
                if let Some(gender) = gender {
                    gender_scores[position][gender_index(*gender)] = score;
                }
            }
            prev2 = prev;
            prev = label as u64 + 1;
        }
        agree_gender(out, gender_scores);
    }

    /// Forms of separable verbs whose shape and lemma (from the lexicon) settle finite
    /// versus non-finite: prefix + "zu" + infinitive ("anzutreten" of "antreten") is a
    /// zu-infinitive; prefix + "ge" + stem ("aufgefordert" of "auffordern") a
    /// participle; prefix + a stem without such infix that is not the infinitive
    /// ("eintraf", "beisteuert") a finite verb of a verb-final clause.
    fn separable_verb_forms<S: AsRef<str>>(&self, forms: &[S], labels: &mut [u16]) {
        const PREFIXES: [&str; 30] = [
            "zusammen", "zurück", "vorbei", "voran", "weiter", "heraus", "hinaus", "herein",
            "hinein", "wieder", "dar", "fest", "frei", "fort", "hoch", "inne", "nach", "ab", "an",
            "auf", "aus", "bei", "ein", "her", "hin", "los", "mit", "vor", "weg", "zu",
        ];
        const INSEPARABLE: [&str; 8] = ["be", "ge", "er", "ver", "zer", "ent", "emp", "miss"];
        for position in 0..labels.len() {
            let Some(info) = self.main_info.get(labels[position] as usize) else {
                continue;
            };
            if info.upos != Upos::Verb {
                continue;
            }
            let form = forms[position].as_ref();
            if form.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let Some(lemma) = self.lexicon.lemma_of(form) else {
                continue;
            };
            if lemma == form || !lemma.ends_with('n') {
                continue;
            }
            let Some(prefix) = PREFIXES
                .iter()
                .find(|prefix| form.starts_with(*prefix) && lemma.starts_with(*prefix))
            else {
                continue;
            };
            let rest = &form[prefix.len()..];
            let lemma_rest = &lemma[prefix.len()..];
            let wanted = if let Some(stem) = rest.strip_prefix("zu") {
                // "anzutreten": lemma "antreten" = prefix + the rest after "zu".
                if stem == lemma_rest && stem.chars().count() >= 3 {
                    "VVIZU"
                } else {
                    continue;
                }
            } else if let Some(stem) = rest.strip_prefix("ge") {
                // "aufgefordert" (not "zugestehen": its lemma keeps the "ge").
                if stem.chars().count() >= 3
                    && !lemma_rest.starts_with("ge")
                    && (stem.ends_with('t') || stem.ends_with("en"))
                {
                    "VVPP"
                } else {
                    continue;
                }
            } else if INSEPARABLE.iter().any(|start| rest.starts_with(start))
                || rest.ends_with("iert")
                || rest.chars().count() < 3
            {
                // "anerkannt", "ausprobiert": participles without "ge".
                continue;
            } else {
                "VVFIN"
            };
            if info.xpos == wanted {
                continue;
            }
            // Only between the verb's own forms: a finite verb tagged as infinitive or
            // participle, or the reverse.
            if !info.xpos.starts_with("VV") {
                continue;
            }
            let replacement = self
                .main_info
                .iter()
                .position(|candidate| candidate.upos == Upos::Verb && candidate.xpos == wanted);
            if let Some(replacement) = replacement {
                labels[position] = replacement as u16;
            }
        }
    }

    /// "haben" is an auxiliary exactly when its clause has a participle ("hat ...
    /// vorgeworfen"); without one it is the full verb of possession ("hat zwei
    /// Kinder"). The clause runs between punctuation and subordinating conjunctions.
    /// Coordinating conjunctions are a closed class: an English word outside it that the
    /// model tags CCONJ (an unknown name opening a sentence, "Veloria on Monday signed")
    /// is a proper noun when capitalised, else a noun.
    fn closed_conjunctions<S: AsRef<str>>(&self, forms: &[S], labels: &mut [u16]) {
        // The conjunctions, and the words English treebanks tag CCONJ inside them
        // ("not only", "as well as", "rather than", "'n'").
        const CONJUNCTIONS: &[&str] = &[
            "and", "or", "but", "nor", "yet", "so", "plus", "both", "either", "neither", "&",
            "versus", "vs", "vs.", "v.", "and/or", "whether", "not", "only", "as", "well",
            "rather", "than", "then", "n't", "'n'", "n'", "an'", "'n", "an", "und",
        ];
        let find = |upos: Upos, xpos: &str| {
            self.main_info
                .iter()
                .position(|info| info.upos == upos && info.xpos == xpos)
                .map(|label| label as u16)
        };
        for (position, form) in forms.iter().enumerate() {
            let form = form.as_ref();
            let tagged_conjunction = self
                .main_info
                .get(labels[position] as usize)
                .is_some_and(|info| info.upos == Upos::Cconj);
            if !tagged_conjunction || CONJUNCTIONS.contains(&form.to_lowercase().as_str()) {
                continue;
            }
            // Rare: the replacement labels are looked up only when needed.
            let capitalised = form.chars().next().is_some_and(char::is_uppercase);
            let replacement = if capitalised {
                find(Upos::Propn, "NNP")
            } else {
                find(Upos::Noun, "NN")
            };
            if let Some(label) = replacement {
                labels[position] = label;
            }
        }
    }

    fn haben_by_participle<S: AsRef<str>>(&self, forms: &[S], labels: &mut [u16]) {
        let info = |label: u16| self.main_info.get(label as usize);
        let boundary = |label: u16| {
            info(label).is_none_or(|info| matches!(info.upos, Upos::Punct | Upos::Sconj))
        };
        for position in 0..labels.len() {
            let Some(here) = info(labels[position]) else {
                continue;
            };
            if !matches!(here.upos, Upos::Aux | Upos::Verb) || !here.xpos.starts_with("VA") {
                continue;
            }
            let lower = forms[position].as_ref().to_lowercase();
            if self.lexicon.lemma_of(&lower) != Some("haben") {
                continue;
            }
            let start = (0..position)
                .rev()
                .find(|&earlier| boundary(labels[earlier]))
                .map_or(0, |earlier| earlier + 1);
            let end = (position + 1..labels.len())
                .find(|&later| boundary(labels[later]))
                .unwrap_or(labels.len());
            let participle = (start..end).any(|other| {
                other != position
                    && info(labels[other]).is_some_and(|info| {
                        matches!(info.upos, Upos::Verb | Upos::Aux) && info.xpos.ends_with("PP")
                    })
            });
            // Without a participle it is a full verb only if nothing else in the
            // clause is verbal ("hat ... zu tun", a participle read as adjective).
            let other_verbal = (start..end).any(|other| {
                other != position
                    && info(labels[other]).is_some_and(|info| {
                        matches!(info.upos, Upos::Verb | Upos::Aux)
                            || (info.upos == Upos::Adj && info.xpos == "ADJD")
                    })
            });
            let wanted = if participle {
                Upos::Aux
            } else if !other_verbal {
                Upos::Verb
            } else {
                continue;
            };
            if here.upos == wanted {
                continue;
            }
            let replacement = self.main_info.iter().position(|candidate| {
                candidate.upos == wanted
                    && candidate.xpos == here.xpos
                    && candidate.feats == here.feats
            });
            if let Some(replacement) = replacement {
                labels[position] = replacement as u16;
            }
        }
    }

    /// "kann X destabilisieren und Y bedrohen": a finite-tagged verb in "-en" whose
    /// clause starts with a coordinating conjunction right after an infinitive (no finite
    /// verb or punctuation in between) is an infinitive coordinated with it.
    fn coordinated_infinitives<S: AsRef<str>>(&self, forms: &[S], labels: &mut [u16]) {
        for position in 0..labels.len() {
            let Some(info) = self.main_info.get(labels[position] as usize) else {
                continue;
            };
            let Some(stem) = info.xpos.strip_suffix("FIN") else {
                continue;
            };
            if !forms[position].as_ref().ends_with("en") {
                continue;
            }
            let mut conjunction = false;
            let mut infinitive_before = false;
            for earlier in (0..position).rev() {
                let Some(other) = self.main_info.get(labels[earlier] as usize) else {
                    break;
                };
                match other.upos {
                    Upos::Verb | Upos::Aux => {
                        infinitive_before = conjunction && other.xpos.ends_with("INF");
                        break;
                    }
                    Upos::Cconj if !conjunction => conjunction = true,
                    Upos::Punct | Upos::Sconj | Upos::Cconj => break,
                    _ => {}
                }
            }
            if !infinitive_before {
                continue;
            }
            let wanted = format!("{stem}INF");
            let replacement = self
                .main_info
                .iter()
                .position(|candidate| candidate.upos == info.upos && candidate.xpos == wanted);
            if let Some(replacement) = replacement {
                labels[position] = replacement as u16;
            }
        }
    }

    /// The model file (without the lexicon), gzip-compressed.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Writer::default();
        out.str(MAGIC);
        out.str(self.lang.code());
        self.main.write(&mut out);
        let flags = u8::from(self.second.is_some())
            | (u8::from(self.split_verbal) << 1)
            | (u8::from(self.stacked.is_some()) << 2)
            | (u8::from(self.case_stack.is_some()) << 3)
            | (u8::from(self.gender.is_some()) << 4);
        out.u8(flags);
        if let Some(second) = &self.second {
            second.write(&mut out);
        }
        if let Some(stacked) = &self.stacked {
            stacked.write(&mut out);
        }
        if let Some(case_stack) = &self.case_stack {
            case_stack.write(&mut out);
        }
        if let Some(gender) = &self.gender {
            gender.write(&mut out);
        }
        self.lemmatizer.write(&mut out);
        out.compressed()
    }

    /// Reads a model written by [`Tagger::to_bytes`].
    pub fn from_bytes(
        bytes: &[u8],
        name: &'static str,
        lexicon: Arc<Lexicon>,
    ) -> Result<Tagger, ModelError> {
        let raw = crate::codec::gunzip(bytes, name)?;
        let mut input = Reader::new(&raw, name);
        if input.str()? != MAGIC {
            return Err(ModelError::Format {
                name,
                message: "not a lagebild tagger model".to_string(),
            });
        }
        let lang = Lang::parse(input.str()?);
        let main = Perceptron::read(&mut input)?;
        let main_info = main.labels.iter().map(|label| label_info(label)).collect();
        let flags = input.u8()?;
        let split_verbal = flags & 2 != 0;
        let second = if flags & 1 != 0 {
            Some(Perceptron::read(&mut input)?)
        } else {
            None
        };
        let stacked = if flags & 4 != 0 {
            Some(Perceptron::read(&mut input)?)
        } else {
            None
        };
        let case_stack = if flags & 8 != 0 {
            Some(Perceptron::read(&mut input)?)
        } else {
            None
        };
        let feats_of = |model: &Perceptron| -> Vec<Feats> {
            model
                .labels
                .iter()
                .map(|label| Feats::from_conllu(label))
                .collect()
        };
        let gender = if flags & 16 != 0 {
            Some(Perceptron::read(&mut input)?)
        } else {
            None
        };
        let second_feats = second.as_ref().map(feats_of).unwrap_or_default();
        let case_stack_feats = case_stack.as_ref().map(feats_of).unwrap_or_default();
        let gender_values = gender.as_ref().map(gender_values).unwrap_or_default();
        let lemmatizer = Lemmatizer::read(&mut input)?;
        Ok(Tagger {
            lang,
            main,
            stacked,
            main_info,
            second,
            second_feats,
            case_stack,
            case_stack_feats,
            gender,
            gender_values,
            split_verbal,
            lemmatizer,
            lexicon,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(upos: Upos, xpos: &str, gender: Option<Gender>) -> TaggedToken {
        TaggedToken {
            upos,
            xpos: xpos.to_string(),
            feats: Feats {
                gender,
                ..Feats::default()
            },
            lemma: String::new(),
        }
    }

    #[test]
    fn gender_agrees_over_the_noun_phrase() {
        // "dem neuen Vertrag": the adjective alone leans to Fem, the phrase to Masc; a
        // word without gender and number (a plural determiner would be) and one outside
        // the phrase keep theirs.
        let mut out = vec![
            token(Upos::Det, "ART", Some(Gender::Neut)),
            token(Upos::Adj, "ADJA", Some(Gender::Fem)),
            token(Upos::Noun, "NN", Some(Gender::Masc)),
            token(Upos::Verb, "VVFIN", None),
            token(Upos::Det, "ART", None),
            token(Upos::Noun, "NN", Some(Gender::Fem)),
        ];
        let scores = [
            [1.0, 0.0, 1.2],
            [0.5, 0.8, 0.0],
            [3.0, 0.5, 0.0],
            [0.0; 3],
            [0.9, 0.0, 0.0],
            [0.0, 2.0, 0.0],
        ];
        agree_gender(&mut out, &scores);
        let genders: Vec<Option<Gender>> = out.iter().map(|token| token.feats.gender).collect();
        assert_eq!(
            genders,
            [
                Some(Gender::Masc),
                Some(Gender::Masc),
                Some(Gender::Masc),
                None,
                None,
                Some(Gender::Fem)
            ]
        );
    }
}
