//! An averaged perceptron over hashed features, trained greedily left to right.
//!
//! Features are 64-bit hashes ([`FeatureHasher`]); each known feature owns a short sparse
//! list of `(label, weight)` pairs. Scoring a token costs one hash-map probe per feature
//! plus a few additions, with no allocation.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::ModelError;
use crate::codec::{Reader, Writer};

/// A hasher for keys that are already good 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 << 8) | u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// Models keep 32 bits of each feature hash: with a few hundred thousand features a
/// collision is rare and harmless, and the files are half the size.
#[inline]
fn key(feature: u64) -> u64 {
    feature >> 32
}

pub type IdentityMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Stable hashing of feature templates and their string values (same on every platform,
/// because hashes are stored in the model files).
#[derive(Clone, Copy)]
pub struct FeatureHasher {
    state: u64,
}

impl FeatureHasher {
    pub fn new(template: u8) -> FeatureHasher {
        FeatureHasher {
            state: SEED ^ u64::from(template).wrapping_mul(0x9e37_79b9_7f4a_7c15),
        }
    }

    #[inline]
    fn mix(&mut self, value: u64) {
        self.state = (self.state.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    #[inline]
    pub fn str(mut self, value: &str) -> FeatureHasher {
        let bytes = value.as_bytes();
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        self.mix(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        self.mix(0xff);
        self
    }

    #[inline]
    pub fn num(mut self, value: u64) -> FeatureHasher {
        self.mix(value.wrapping_add(0x1234_5678));
        self
    }

    #[inline]
    pub fn finish(self) -> u64 {
        // A final avalanche so that nearby states spread over the hash table.
        let mut value = self.state;
        value ^= value >> 33;
        value = value.wrapping_mul(0xff51_afd7_ed55_8ccd);
        value ^= value >> 33;
        value
    }
}

/// The trained, read-only model: feature hash -> sparse weights.
#[derive(Debug, Default)]
pub struct Perceptron {
    pub labels: Vec<String>,
    index: IdentityMap<(u32, u16)>,
    entries: Vec<(u16, f32)>,
}

impl Perceptron {
    pub fn label_count(&self) -> usize {
        self.labels.len()
    }

    /// Adds the weights of `features` into `scores` (length = label count).
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|score| *score = 0.0);
        for feature in features {
            if let Some(&(start, len)) = self.index.get(&key(*feature)) {
                let start = start as usize;
                for &(label, weight) in &self.entries[start..start + len as usize] {
                    if let Some(score) = scores.get_mut(label as usize) {
                        *score += weight;
                    }
                }
            }
        }
    }

    pub fn write(&self, out: &mut Writer) {
        out.u32(self.labels.len() as u32);
        for label in &self.labels {
            out.str(label);
        }
        let mut keys: Vec<u64> = self.index.keys().copied().collect();
        keys.sort_unstable();
        out.u32(keys.len() as u32);
        // Sorted keys as deltas, entries as varints: compact before compression.
        let mut last = 0u64;
        for key in keys {
            let (start, len) = self.index[&key];
            out.varint(key - last);
            last = key;
            out.varint(u64::from(len));
            for &(label, weight) in &self.entries[start as usize..start as usize + len as usize] {
                out.varint(u64::from(label));
                out.signed(i64::from(quantize(weight)));
            }
        }
    }

    pub fn read(input: &mut Reader<'_>) -> Result<Perceptron, ModelError> {
        let label_count = input.u32()? as usize;
        let mut labels = Vec::with_capacity(label_count);
        for _ in 0..label_count {
            labels.push(input.str()?.to_string());
        }
        let feature_count = input.u32()? as usize;
        let mut index = IdentityMap::default();
        index.reserve(feature_count);
        let mut entries = Vec::with_capacity(feature_count * 2);
        let mut last = 0u64;
        for _ in 0..feature_count {
            let key = last.wrapping_add(input.varint()?);
            last = key;
            let len = input.varint()?.min(u64::from(u16::MAX)) as u16;
            let start = entries.len() as u32;
            for _ in 0..len {
                let label = input.varint()?.min(u64::from(u16::MAX)) as u16;
                let weight = dequantize(
                    input
                        .signed()?
                        .clamp(i64::from(i16::MIN), i64::from(i16::MAX)) as i16,
                );
                entries.push((label, weight));
            }
            index.insert(key, (start, len));
        }
        Ok(Perceptron {
            labels,
            index,
            entries,
        })
    }
}

const SCALE: f32 = 64.0;

fn quantize(weight: f32) -> i16 {
    (weight * SCALE)
        .round()
        .clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i16
}

fn dequantize(value: i16) -> f32 {
    f32::from(value) / SCALE
}

#[derive(Clone, Copy, Default)]
struct TrainWeight {
    label: u16,
    weight: f32,
    total: f64,
    stamp: u32,
}

/// Training state of an averaged perceptron.
pub struct PerceptronTrainer {
    pub labels: Vec<String>,
    label_ids: HashMap<String, u16>,
    weights: IdentityMap<Vec<TrainWeight>>,
    counts: IdentityMap<u32>,
    instances: u32,
}

impl PerceptronTrainer {
    pub fn new(labels: Vec<String>) -> PerceptronTrainer {
        let label_ids = labels
            .iter()
            .enumerate()
            .map(|(index, label)| (label.clone(), index as u16))
            .collect();
        PerceptronTrainer {
            labels,
            label_ids,
            weights: IdentityMap::default(),
            counts: IdentityMap::default(),
            instances: 0,
        }
    }

    pub fn label_id(&self, label: &str) -> Option<u16> {
        self.label_ids.get(label).copied()
    }

    /// Scores with the current (not averaged) weights.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|score| *score = 0.0);
        for feature in features {
            if let Some(list) = self.weights.get(feature) {
                for entry in list {
                    scores[entry.label as usize] += entry.weight;
                }
            }
        }
    }

    /// Counts features once per training token (for pruning rare ones).
    pub fn count(&mut self, features: &[u64]) {
        for &feature in features {
            *self.counts.entry(feature).or_insert(0) += 1;
        }
    }

    /// One online update; `guess` and `truth` are label ids.
    pub fn update(&mut self, features: &[u64], truth: u16, guess: u16) {
        self.instances += 1;
        if truth == guess {
            return;
        }
        let now = self.instances;
        for &feature in features {
            let list = self.weights.entry(feature).or_default();
            for (label, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let entry = match list.iter_mut().position(|entry| entry.label == label) {
                    Some(position) => &mut list[position],
                    None => {
                        list.push(TrainWeight {
                            label,
                            stamp: now,
                            ..TrainWeight::default()
                        });
                        let last = list.len() - 1;
                        &mut list[last]
                    }
                };
                entry.total += f64::from(now - entry.stamp) * f64::from(entry.weight);
                entry.stamp = now;
                entry.weight += delta;
            }
        }
    }

    /// Averages the weights and drops features seen fewer than `min_count` times and
    /// weights whose magnitude is below `min_weight`.
    pub fn finish(self, min_count: u32, min_weight: f32) -> Perceptron {
        let now = self.instances.max(1);
        let mut features: Vec<u64> = self.weights.keys().copied().collect();
        features.sort_unstable_by_key(|&feature| (key(feature), feature));
        let mut index = IdentityMap::default();
        let mut entries: Vec<(u16, f32)> = Vec::new();
        for feature in features {
            if self.counts.get(&feature).copied().unwrap_or(0) < min_count {
                continue;
            }
            let mut averaged: Vec<(u16, f32)> = Vec::new();
            for entry in &self.weights[&feature] {
                let total = entry.total + f64::from(now - entry.stamp) * f64::from(entry.weight);
                let average = (total / f64::from(now)) as f32;
                if average.abs() >= min_weight && quantize(average) != 0 {
                    averaged.push((entry.label, dequantize(quantize(average))));
                }
            }
            if averaged.is_empty() || index.contains_key(&key(feature)) {
                // On a 32-bit collision the first feature keeps the slot.
                continue;
            }
            let start = entries.len() as u32;
            averaged.sort_unstable_by_key(|&(label, _)| label);
            entries.extend(averaged);
            let len = entries.len() as u32 - start;
            index.insert(key(feature), (start, len.min(u32::from(u16::MAX)) as u16));
        }
        Perceptron {
            labels: self.labels,
            index,
            entries,
        }
    }
}

impl Perceptron {
    /// The average of models over the same labels (trained with different example
    /// orders): one model whose scores are the mean of theirs, so tagging costs no more
    /// than with one. Mean weights below `min_weight` in magnitude are dropped (a
    /// feature one model used is weak in the mean). `None` for an empty list.
    pub fn average(models: Vec<Perceptron>, min_weight: f32) -> Option<Perceptron> {
        let count = models.len();
        if count <= 1 {
            return models.into_iter().next();
        }
        let labels = models[0].labels.clone();
        let mut sums: std::collections::BTreeMap<u64, Vec<f32>> = std::collections::BTreeMap::new();
        for model in &models {
            for (&slot, &(start, len)) in &model.index {
                let row = sums.entry(slot).or_insert_with(|| vec![0.0; labels.len()]);
                let range = start as usize..start as usize + len as usize;
                for &(label, weight) in model.entries.get(range).unwrap_or(&[]) {
                    if let Some(value) = row.get_mut(label as usize) {
                        *value += weight;
                    }
                }
            }
        }
        let mut index = IdentityMap::default();
        let mut entries: Vec<(u16, f32)> = Vec::new();
        for (slot, row) in sums {
            let start = entries.len() as u32;
            for (label, total) in row.into_iter().enumerate() {
                let mean = total / count as f32;
                if quantize(mean) != 0 && mean.abs() >= min_weight {
                    entries.push((label as u16, dequantize(quantize(mean))));
                }
            }
            let len = entries.len() as u32 - start;
            if len > 0 {
                index.insert(slot, (start, len.min(u32::from(u16::MAX)) as u16));
            }
        }
        Some(Perceptron {
            labels,
            index,
            entries,
        })
    }
}

/// Index of the highest score (first on ties); 0 for an empty slice.
#[inline]
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    let mut best_score = f32::NEG_INFINITY;
    for (index, &score) in scores.iter().enumerate() {
        if score > best_score {
            best = index;
            best_score = score;
        }
    }
    best
}

#[cfg(test)]
mod average_tests {
    use super::*;

    fn trained(examples: &[(u64, u16)], labels: usize) -> Perceptron {
        let mut trainer = PerceptronTrainer::new((0..labels).map(|l| l.to_string()).collect());
        let mut scores = vec![0.0; labels];
        for _ in 0..3 {
            for &(feature, truth) in examples {
                trainer.count(&[feature]);
                trainer.score(&[feature], &mut scores);
                let guess = argmax(&scores) as u16;
                trainer.update(&[feature], truth, guess);
            }
        }
        trainer.finish(1, 0.0)
    }

    #[test]
    fn averaged_scores_are_the_mean_of_the_models() {
        let first = trained(&[(11, 0), (12, 1)], 2);
        let second = trained(&[(11, 1), (13, 0)], 2);
        let mut expected = Vec::new();
        for feature in [11u64, 12, 13, 99] {
            let (mut a, mut b) = (vec![0.0; 2], vec![0.0; 2]);
            first.score(&[feature], &mut a);
            second.score(&[feature], &mut b);
            expected.push([(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0]);
        }
        let average = Perceptron::average(vec![first, second], 0.0).expect("two models");
        for (feature, want) in [11u64, 12, 13, 99].into_iter().zip(expected) {
            let mut got = vec![0.0; 2];
            average.score(&[feature], &mut got);
            for (got, want) in got.iter().zip(want) {
                assert!(
                    (got - want).abs() < 0.05,
                    "feature {feature}: {got} vs {want}"
                );
            }
        }
        assert!(Perceptron::average(Vec::new(), 0.0).is_none());
    }
}
