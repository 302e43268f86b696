//! Training: averaged perceptrons with a dynamic oracle and exploration.

use std::collections::HashMap;

use lagebild_doc::Lang;

use crate::Parser;
use crate::attributes::Attributes;
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
    /// Print one line per epoch to stderr.
    pub verbose: bool,
}

impl TrainConfig {
    /// Defaults sized for the amount of treebank data available for `lang`.
    pub fn for_lang(lang: Lang) -> TrainConfig {
        let (transition_bits, label_bits) = if lang == Lang::En { (19, 16) } else { (18, 16) };
        TrainConfig {
            epochs: 15,
            transition_bits,
            label_bits,
            explore_from: 1,
            explore: 0.9,
            seed: 0x5eed,
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
                        let guess = label_scores
                            .iter()
                            .enumerate()
                            .filter(|&(index, _)| index != root_label as usize)
                            .max_by(|a, b| a.1.total_cmp(b.1))
                            .map_or(0, |(index, _)| index as u16);
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
    };
    Parser::from_model(model)
}
