//! Weight tables: hashed feature rows of class scores, trained as averaged perceptrons
//! and stored quantised to `i16`.
//!
//! # Model file format (`models/<lang>.lbdp.gz`)
//! A gzip stream of, little-endian:
//! `b"LBDP"`, `u32` version (2), `u8` language (0 German, 1 English), `u8` beam width
//! the model was trained for (absent in version 1: greedy),
//! `u16` label count, then each label as `u8` length and UTF-8 bytes,
//! then the transition table and the label table, each as `u8` row bits, `u16` classes,
//! `f32` scale, and `2^bits * classes` `i16` weights (row-major). A weight is
//! `i16 / scale`. Feature hash `h` selects row `h >> (64 - bits)`.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;

use lagebild_doc::Lang;

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("reading model: {0}")]
    Io(#[from] std::io::Error),
    #[error("model byte {offset}: {message}")]
    Format { offset: usize, message: String },
}

/// A quantised table used at parse time.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    pub bits: u8,
    pub classes: usize,
    pub weights: Vec<i16>,
}

impl Table {
    #[inline]
    pub fn row(&self, feature: u64) -> usize {
        ((feature >> (64 - u32::from(self.bits))) as usize) * self.classes
    }

    /// Adds the rows of `features` into `scores` (length `classes`).
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|score| *score = 0);
        for &feature in features {
            let start = self.row(feature);
            if let Some(row) = self.weights.get(start..start + self.classes) {
                for (score, &weight) in scores.iter_mut().zip(row) {
                    *score += i32::from(weight);
                }
            }
        }
    }
}

/// An averaged-perceptron table used in training.
#[derive(Debug)]
pub(crate) struct TrainTable {
    pub bits: u8,
    pub classes: usize,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
}

impl TrainTable {
    pub fn new(bits: u8, classes: usize) -> TrainTable {
        let size = (1usize << bits) * classes;
        TrainTable {
            bits,
            classes,
            weights: vec![0.0; size],
            totals: vec![0.0; size],
            stamps: vec![0; size],
        }
    }

    #[inline]
    fn row(&self, feature: u64) -> usize {
        ((feature >> (64 - u32::from(self.bits))) as usize) * self.classes
    }

    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|score| *score = 0.0);
        for &feature in features {
            let start = self.row(feature);
            for (score, &weight) in scores
                .iter_mut()
                .zip(&self.weights[start..start + self.classes])
            {
                *score += weight;
            }
        }
    }

    /// Moves the weights of `features` towards `good` and away from `bad` at time `now`.
    pub fn update(&mut self, features: &[u64], good: usize, bad: usize, now: u32) {
        for &feature in features {
            let start = self.row(feature);
            for (class, delta) in [(good, 1.0f32), (bad, -1.0)] {
                let index = start + class;
                let elapsed = now - self.stamps[index];
                self.totals[index] += f64::from(elapsed) * f64::from(self.weights[index]);
                self.stamps[index] = now;
                self.weights[index] += delta;
            }
        }
    }

    /// Adds `delta` to the weights of `class` for `features` at time `now`.
    pub fn add(&mut self, features: &[u64], class: usize, delta: f32, now: u32) {
        for &feature in features {
            let index = self.row(feature) + class;
            let elapsed = now - self.stamps[index];
            self.totals[index] += f64::from(elapsed) * f64::from(self.weights[index]);
            self.stamps[index] = now;
            self.weights[index] += delta;
        }
    }

    /// The averaged weights, quantised.
    pub fn finish(&self, now: u32) -> Table {
        let now = now.max(1);
        let averaged: Vec<f64> = (0..self.weights.len())
            .map(|index| {
                let elapsed = now - self.stamps[index];
                (self.totals[index] + f64::from(elapsed) * f64::from(self.weights[index]))
                    / f64::from(now)
            })
            .collect();
        let largest = averaged
            .iter()
            .fold(0.0f64, |largest, weight| largest.max(weight.abs()));
        let scale = if largest > 0.0 {
            32767.0 / largest
        } else {
            1.0
        };
        let weights = averaged
            .iter()
            .map(|weight| (weight * scale).round() as i16)
            .collect();
        Table {
            bits: self.bits,
            classes: self.classes,
            weights,
        }
    }
}

/// Everything a [`crate::Parser`] needs.
#[derive(Debug, Clone, Default)]
pub(crate) struct Model {
    pub lang: Lang,
    pub labels: Vec<String>,
    pub transitions: Table,
    pub arcs: Table,
    /// Beam width the transition table was trained for (1: greedy).
    pub beam: u8,
}

const MAGIC: &[u8; 4] = b"LBDP";
const VERSION: u32 = 2;

impl Model {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&VERSION.to_le_bytes());
        raw.push(u8::from(self.lang == Lang::En));
        raw.push(self.beam.max(1));
        raw.extend_from_slice(&(self.labels.len() as u16).to_le_bytes());
        for label in &self.labels {
            raw.push(label.len() as u8);
            raw.extend_from_slice(label.as_bytes());
        }
        for table in [&self.transitions, &self.arcs] {
            raw.push(table.bits);
            raw.extend_from_slice(&(table.classes as u16).to_le_bytes());
            raw.extend_from_slice(&1.0f32.to_le_bytes());
            for weight in &table.weights {
                raw.extend_from_slice(&weight.to_le_bytes());
            }
        }
        let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
        // Writing into a Vec cannot fail.
        let _ = encoder.write_all(&raw);
        encoder.finish().unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut raw = Vec::new();
        GzDecoder::new(bytes).read_to_end(&mut raw)?;
        let mut reader = Reader {
            bytes: &raw,
            offset: 0,
        };
        if reader.take(4)? != MAGIC {
            return Err(reader.error("not a lagebild parser model"));
        }
        let version = u32::from_le_bytes(reader.array()?);
        if !(1..=VERSION).contains(&version) {
            return Err(reader.error(&format!("unsupported version {version}")));
        }
        let lang = if reader.take(1)?[0] == 1 {
            Lang::En
        } else {
            Lang::De
        };
        let beam = if version >= 2 { reader.take(1)?[0] } else { 1 };
        let label_count = u16::from_le_bytes(reader.array()?) as usize;
        let mut labels = Vec::with_capacity(label_count);
        for _ in 0..label_count {
            let length = reader.take(1)?[0] as usize;
            let text = reader.take(length)?;
            labels.push(
                String::from_utf8(text.to_vec()).map_err(|_| reader.error("label is not UTF-8"))?,
            );
        }
        let mut tables = Vec::new();
        for _ in 0..2 {
            let bits = reader.take(1)?[0];
            if !(1..=30).contains(&bits) {
                return Err(reader.error("bad table size"));
            }
            let classes = u16::from_le_bytes(reader.array()?) as usize;
            let _scale = f32::from_le_bytes(reader.array()?);
            let count = (1usize << bits) * classes;
            let data = reader.take(count * 2)?;
            let weights = data
                .chunks_exact(2)
                .map(|pair| i16::from_le_bytes([pair[0], pair[1]]))
                .collect();
            tables.push(Table {
                bits,
                classes,
                weights,
            });
        }
        let arcs = tables.pop().unwrap_or_default();
        let transitions = tables.pop().unwrap_or_default();
        if transitions.classes != crate::system::ACTIONS || arcs.classes != labels.len() {
            return Err(reader.error("table shapes do not match the labels"));
        }
        Ok(Model {
            lang,
            labels,
            transitions,
            arcs,
            beam: beam.max(1),
        })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, count: usize) -> Result<&'a [u8], ModelError> {
        let slice = self
            .bytes
            .get(self.offset..self.offset + count)
            .ok_or_else(|| self.error("truncated"))?;
        self.offset += count;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let slice = self.take(N)?;
        let mut array = [0u8; N];
        array.copy_from_slice(slice);
        Ok(array)
    }

    fn error(&self, message: &str) -> ModelError {
        ModelError::Format {
            offset: self.offset,
            message: message.to_string(),
        }
    }
}
