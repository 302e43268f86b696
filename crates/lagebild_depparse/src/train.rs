//! Training: averaged perceptrons with a dynamic oracle and exploration.

use std::collections::HashMap;

use lagebild_doc::Lang;

use crate::Parser;
use crate::attributes::Attributes;
use crate::beam::{self, Beam};
use crate::data::{GoldSentence, projectivize};
use crate::features::{label_features, transition_features};
use crate::model::{Model, TrainTable};
use crate::system::{ACTIONS, LEFT, RIGHT, SHIFT, State};

/// Settings of [`train`].
#[derive(Clone, Debug)]
pub struct TrainConfig {
    pub epochs: usize,
    /// log2 of the rows of the transition table.
    pub transition_bits: u8,
    /// log2 of the rows of the label table.
    pub label_bits: u8,
    /// From this epoch on (0-based) the oracle follows the model's own (possibly wrong)
    /// choices with probability `explore`, so training sees the states parsing will.
    pub explore_from: usize,
    pub explore: f64,
    pub seed: u64,
    /// Beam width: 1 trains greedy with the dynamic oracle, more trains the transition
    /// model globally (beam search, max-violation updates) for parsing with that beam.
    pub beam: usize,
    /// Print one line per epoch to stderr.
    pub verbose: bool,
}

impl TrainConfig {
    /// Defaults sized for the amount of treebank data available for `lang`.
    pub fn for_lang(lang: Lang) -> TrainConfig {
        let (transition_bits, label_bits) = if lang == Lang::En { (19, 16) } else { (18, 16) };
        TrainConfig {
            // Measured: German 6 and 10 epochs score alike in cross-validation; English
            // gains from 6 to 10.
            epochs: if lang == Lang::En { 10 } else { 6 },
            transition_bits,
            label_bits,
            explore_from: 1,
            explore: 0.9,
            seed: 0x5eed,
            beam: 4,
            verbose: false,
        }
    }
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn chance(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Transition scores of the model being trained, labels predicted by the label model
/// being trained (as at parse time, so that labels in features do not betray wrong arcs).
struct TrainScorer<'a> {
    transitions: &'a TrainTable,
    arcs: &'a TrainTable,
    attributes: &'a Attributes,
    features: &'a mut Vec<u64>,
    label_scores: &'a mut Vec<f32>,
    root_label: u16,
}

impl beam::Scorer for TrainScorer<'_> {
    fn actions(&mut self, state: &State, out: &mut [f64; ACTIONS]) {
        transition_features(state, self.attributes, self.features);
        let mut scores = [0.0f32; ACTIONS];
        self.transitions.score(self.features, &mut scores);
        for (out, score) in out.iter_mut().zip(scores) {
            *out = f64::from(score);
        }
    }

    fn label(&mut self, state: &State, head: u32, dependent: u32) -> u16 {
        if head == 0 {
            return self.root_label;
        }
        label_features(
            state,
            self.attributes,
            head as usize,
            dependent as usize,
            self.features,
        );
        self.label_scores.resize(self.arcs.classes, 0.0);
        self.arcs.score(self.features, self.label_scores);
        let root = self.root_label as usize;
        self.label_scores
            .iter()
            .enumerate()
            .filter(|&(index, _)| index != root)
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map_or(0, |(index, _)| index as u16)
    }
}

/// Trains a parser for `lang` on `sentences` (gold heads and relations).
pub fn train(lang: Lang, sentences: &[GoldSentence], config: &TrainConfig) -> Parser {
    // Labels by frequency, so that the most frequent get their own bit in label sets.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for sentence in sentences {
        for deprel in &sentence.deprels {
            *counts.entry(deprel.as_str()).or_default() += 1;
        }
    }
    counts.entry("root").or_default();
    let mut labels: Vec<(&str, usize)> = counts.into_iter().collect();
    labels.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let labels: Vec<String> = labels
        .into_iter()
        .map(|(label, _)| label.to_string())
        .collect();
    let label_index: HashMap<&str, u16> = labels
        .iter()
        .enumerate()
        .map(|(index, label)| (label.as_str(), index as u16))
        .collect();
    let root_label = label_index.get("root").copied().unwrap_or(0);

    // Gold trees as node arrays (node 0 = root, nodes 1..=n), projectivised.
    let golds: Vec<(Vec<u32>, Vec<u16>)> = sentences
        .iter()
        .map(|sentence| {
            let mut heads = vec![0u32; sentence.tokens.len() + 2];
            let mut gold_labels = vec![0u16; sentence.tokens.len() + 2];
            for (index, head) in sentence.heads.iter().enumerate() {
                heads[index + 1] = head.map_or(0, |head| head + 1);
                gold_labels[index + 1] = label_index
                    .get(sentence.deprels[index].as_str())
                    .copied()
                    .unwrap_or(0);
            }
            let count = sentence.tokens.len() + 1;
            projectivize(&mut heads[..count]);
            (heads, gold_labels)
        })
        .collect();

    let mut transitions = TrainTable::new(config.transition_bits, ACTIONS);
    let mut arcs = TrainTable::new(config.label_bits, labels.len());
    let mut rng = Rng(config.seed | 1);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut attributes = Attributes::default();
    let mut state = State::default();
    let mut features = Vec::new();
    let mut scores = vec![0.0f32; ACTIONS.max(labels.len())];
    let mut on_stack: Vec<bool> = Vec::new();
    let mut now: u32 = 1;
    let mut beam = Beam::default();
    let mut reference: Vec<(u8, u16)> = Vec::new();
    let mut violating: Vec<(u8, u16)> = Vec::new();
    let mut gold_state = State::default();
    let mut beam_label_scores: Vec<f32> = Vec::new();
    for epoch in 0..config.epochs {
        for index in (1..order.len()).rev() {
            let other = (rng.next() % (index as u64 + 1)) as usize;
            order.swap(index, other);
        }
        let (mut decisions, mut mistakes, mut arcs_seen, mut label_mistakes) =
            (0usize, 0usize, 0usize, 0usize);
        for &sentence_index in &order {
            let sentence = &sentences[sentence_index];
            let (gold, gold_labels) = &golds[sentence_index];
            if sentence.tokens.is_empty() {
                continue;
            }
            attributes.fill(lang, &sentence.text, &sentence.tokens);
            state.reset(sentence.tokens.len());
            on_stack.clear();
            on_stack.resize(sentence.tokens.len() + 2, false);
            on_stack[0] = true;
            if config.beam > 1 {
                // Reference derivation: the static oracle (arcs as early as possible).
                reference.clear();
                while !state.is_terminal() {
                    let action = [LEFT, RIGHT, SHIFT]
                        .into_iter()
                        .find(|&action| {
                            state.is_legal(action) && state.cost(action, gold, &on_stack) == 0
                        })
                        .or_else(|| {
                            [SHIFT, LEFT, RIGHT]
                                .into_iter()
                                .find(|&action| state.is_legal(action))
                        })
                        .unwrap_or(SHIFT);
                    let mut label = 0;
                    if let Some((head, dependent)) = state.arc(action) {
                        on_stack[dependent as usize] = false;
                        label = if head == 0 {
                            root_label
                        } else {
                            // The label model learns on the reference arcs.
                            label_features(
                                &state,
                                &attributes,
                                head as usize,
                                dependent as usize,
                                &mut features,
                            );
                            let label_scores = &mut scores[..labels.len()];
                            arcs.score(&features, label_scores);
                            let guess = best_non_root_label(label_scores, root_label);
                            let correct = if gold[dependent as usize] == head {
                                gold_labels[dependent as usize]
                            } else {
                                guess
                            };
                            arcs_seen += 1;
                            if guess != correct {
                                label_mistakes += 1;
                                arcs.update(&features, correct as usize, guess as usize, now);
                            }
                            now += 1;
                            correct
                        };
                    } else if action == SHIFT {
                        on_stack[state.front as usize] = true;
                    }
                    reference.push((action as u8, label));
                    state.apply(action, label);
                }
                // Beam search against the reference; update at the largest violation.
                beam.reset(sentence.tokens.len());
                gold_state.reset(sentence.tokens.len());
                let mut gold_score = 0.0f64;
                let mut worst: Option<(f64, usize)> = None;
                let mut scorer = TrainScorer {
                    transitions: &transitions,
                    arcs: &arcs,
                    attributes: &attributes,
                    features: &mut features,
                    label_scores: &mut beam_label_scores,
                    root_label,
                };
                for step in 0..reference.len() {
                    let action = reference.get(step).map_or(0, |&(action, _)| action);
                    let mut action_scores = [0.0f64; ACTIONS];
                    beam::Scorer::actions(&mut scorer, &gold_state, &mut action_scores);
                    gold_score += action_scores[usize::from(action)];
                    // The reference with the labels the beam gives it.
                    let label = match gold_state.arc(usize::from(action)) {
                        Some((head, dependent)) if usize::from(action) != SHIFT => {
                            beam::Scorer::label(&mut scorer, &gold_state, head, dependent)
                        }
                        _ => 0,
                    };
                    if let Some(entry) = reference.get_mut(step) {
                        entry.1 = label;
                    }
                    gold_state.apply(usize::from(action), label);
                    beam.step(config.beam, &mut scorer, Some(usize::from(action)));
                    let best = beam.best();
                    decisions += 1;
                    if !best.gold {
                        let violation = best.score - gold_score;
                        if violation >= 0.0 && worst.is_none_or(|(largest, _)| violation > largest)
                        {
                            worst = Some((violation, step));
                            violating.clone_from(&best.history);
                        }
                    }
                }
                if let Some((_, step)) = worst {
                    mistakes += 1;
                    for (sequence, delta) in [(&reference, 1.0f32), (&violating, -1.0)] {
                        state.reset(sentence.tokens.len());
                        for &(action, label) in &sequence[..=step] {
                            transition_features(&state, &attributes, &mut features);
                            transitions.add(&features, usize::from(action), delta, now);
                            state.apply(usize::from(action), label);
                        }
                    }
                }
                now += 1;
                continue;
            }
            while !state.is_terminal() {
                transition_features(&state, &attributes, &mut features);
                transitions.score(&features, &mut scores[..ACTIONS]);
                let legal: Vec<usize> = [SHIFT, LEFT, RIGHT]
                    .into_iter()
                    .filter(|&action| state.is_legal(action))
                    .collect();
                let costs: Vec<u32> = legal
                    .iter()
                    .map(|&action| state.cost(action, gold, &on_stack))
                    .collect();
                let least = costs.iter().copied().min().unwrap_or(0);
                let best = |candidates: &mut dyn Iterator<Item = usize>| {
                    candidates
                        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
                        .unwrap_or(SHIFT)
                };
                let predicted = best(&mut legal.iter().copied());
                let oracle = best(
                    &mut legal
                        .iter()
                        .zip(&costs)
                        .filter(|&(_, &cost)| cost == least)
                        .map(|(&a, _)| a),
                );
                let predicted_cost = legal
                    .iter()
                    .position(|&a| a == predicted)
                    .map_or(u32::MAX, |i| costs[i]);
                decisions += 1;
                if predicted_cost > least {
                    mistakes += 1;
                    transitions.update(&features, oracle, predicted, now);
                }
                now += 1;
                let action = if epoch >= config.explore_from && rng.chance() < config.explore {
                    predicted
                } else {
                    oracle
                };
                let mut label = 0;
                if let Some((head, dependent)) = state.arc(action) {
                    if head == 0 {
                        label = root_label;
                    } else {
                        label_features(
                            &state,
                            &attributes,
                            head as usize,
                            dependent as usize,
                            &mut features,
                        );
                        let label_scores = &mut scores[..labels.len()];
                        arcs.score(&features, label_scores);
                        let guess = best_non_root_label(label_scores, root_label);
                        label = guess;
                        if gold[dependent as usize] == head {
                            let correct = gold_labels[dependent as usize];
                            arcs_seen += 1;
                            if guess != correct {
                                label_mistakes += 1;
                                arcs.update(&features, correct as usize, guess as usize, now);
                            }
                            label = correct;
                        }
                        now += 1;
                    }
                    on_stack[dependent as usize] = false;
                } else if action == SHIFT {
                    on_stack[state.front as usize] = true;
                }
                state.apply(action, label);
            }
        }
        if config.verbose {
            eprintln!(
                "epoch {}: transition errors {:.2}%, label errors {:.2}%",
                epoch + 1,
                100.0 * mistakes as f64 / decisions.max(1) as f64,
                100.0 * label_mistakes as f64 / arcs_seen.max(1) as f64
            );
        }
    }
    let model = Model {
        lang,
        labels,
        transitions: transitions.finish(now),
        arcs: arcs.finish(now),
        beam: config.beam.clamp(1, 255) as u8,
    };
    Parser::from_model(model)
}

/// The highest-scoring label other than the root label (index 0 when none scores).
fn best_non_root_label(scores: &[f32], root_label: u16) -> u16 {
    scores
        .iter()
        .enumerate()
        .filter(|&(index, _)| index != root_label as usize)
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map_or(0, |(index, _)| index as u16)
}
