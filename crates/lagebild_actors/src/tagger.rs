//! A small trained person-name tagger: an averaged perceptron over hashed features that
//! labels the pieces of a sentence O / B-PER / I-PER.
//!
//! [`PersonTagger`] is trained by `examples/train_ner.rs` on GermEval 2014 (CC BY 4.0) and
//! committed as `models/person_tagger.bin.gz` (quantised weights plus a word lexicon from
//! Leipzig frequencies and Wikidata nouns); [`PersonTagger::embedded`] loads it once.
//! The tagger works on the same pieces as the matcher (letter/digit runs and single
//! punctuation characters), so its spans fall on piece boundaries. Features: the word, its
//! lowercase form, shape, affixes, neighbouring words (±2), the previous tags, and cues
//! from the knowledge base (listed given names and surnames, persons, states and
//! organisations, role nouns) and the lexicon (common noun, frequency band).
//!
//! Cost: about 40 hash lookups per piece; greedy left-to-right decoding; no allocation per
//! piece beyond one lowercase buffer per document.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::sync::{Arc, OnceLock};

use crate::kb::{Form, Target};
use crate::matcher::{Piece, PieceMatch};
use crate::{ActorKb, ActorKind};

/// Tags: outside, first piece of a person name, later piece of a person name.
pub const TAG_O: u8 = 0;
pub const TAG_B: u8 = 1;
pub const TAG_I: u8 = 2;
const TAGS: usize = 3;

const MAGIC: &[u8; 8] = b"LBPER001";
const DEFAULT_BITS: u32 = 19;

const SPEECH_CUES: &[&str] = &[
    "sagte",
    "sagt",
    "erklärte",
    "erklärt",
    "betonte",
    "meinte",
    "so",
    "sagen",
    "said",
    "says",
    "told",
    "according",
];

// Per-piece cue bits.
const CAPITALIZED: u16 = 1;
const ALL_CAPS: u16 = 1 << 1;
const FIRST_NAME: u16 = 1 << 2;
const SURNAME: u16 = 1 << 3;
const KB_PERSON: u16 = 1 << 4;
const KB_OTHER: u16 = 1 << 5;
const ROLE: u16 = 1 << 6;
const NOUN: u16 = 1 << 7;
const SPEECH: u16 = 1 << 8;
const DIGIT: u16 = 1 << 9;
const ALPHABETIC: u16 = 1 << 10;
const GIVEN: u16 = 1 << 11;
const FAMILY: u16 = 1 << 12;
const PLACE: u16 = 1 << 13;
const WORD: u16 = 1 << 14;
const CUE_BITS: u32 = 15;

/// Lexicon flags: a common noun (Wikidata lexemes), a given name, a family name (Faker
/// name lists), a place (GeoNames cities).
pub const LEXICON_NOUN: u8 = 1;
pub const LEXICON_GIVEN: u8 = 1 << 1;
pub const LEXICON_FAMILY: u8 = 1 << 2;
pub const LEXICON_PLACE: u8 = 1 << 3;
pub const LEXICON_WORD: u8 = 1 << 4;

/// Lexicon entry: frequency band (10 = most frequent .. 60, 0 = unknown) and flags.
#[derive(Clone, Copy, Debug, Default)]
struct WordInfo {
    band: u8,
    flags: u8,
}

/// The person-name tagger: hashed feature weights and a word lexicon.
#[derive(Debug, Clone)]
pub struct PersonTagger {
    bits: u32,
    /// `weights[bucket * 3 + tag]`, quantised; the real weight is `value * scale`.
    weights: Vec<f32>,
    lexicon: HashMap<String, WordInfo>,
    /// Bloom filter (3 hashes over `WORD_FILTER_BITS` bits) of known German word forms
    /// (`LEXICON_WORD`), kept apart from `lexicon` because it is large.
    known_words: Vec<u64>,
}

const WORD_FILTER_BITS: u32 = 23;

fn word_filter_bits(word: &str) -> [usize; 3] {
    let hash = FeatureHash::new(99).bytes(word.as_bytes()).finish();
    let mask = (1u64 << WORD_FILTER_BITS) - 1;
    [
        (hash & mask) as usize,
        ((hash >> 21) & mask) as usize,
        ((hash >> 42) & mask) as usize,
    ]
}

/// A sentence prepared for tagging: piece texts, lowercase forms and cue bits.
#[derive(Debug, Default)]
pub struct Sequence {
    texts: Vec<(usize, usize)>,
    lowers: Vec<(usize, usize)>,
    shapes: Vec<[u8; 4]>,
    cues: Vec<u16>,
    bands: Vec<u8>,
    /// Index of the sentence of each piece (pieces of one sentence are contiguous).
    sentences: Vec<u32>,
    buffer: String,
}

impl Sequence {
    pub fn len(&self) -> usize {
        self.cues.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cues.is_empty()
    }

    fn text(&self, index: usize) -> &str {
        let (start, end) = self.texts[index];
        &self.buffer[start..end]
    }

    fn lower(&self, index: usize) -> &str {
        let (start, end) = self.lowers[index];
        &self.buffer[start..end]
    }
}

fn shape_of(text: &str) -> [u8; 4] {
    let mut shape = [b' '; 4];
    let mut length = 0;
    for c in text.chars() {
        let class = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else {
            b'.'
        };
        if length > 0 && shape[length - 1] == class {
            continue;
        }
        if length == shape.len() {
            break;
        }
        shape[length] = class;
        length += 1;
    }
    shape
}

/// FNV-1a over a template id and byte strings.
#[derive(Clone, Copy)]
struct FeatureHash(u64);

impl FeatureHash {
    fn new(template: u8) -> FeatureHash {
        FeatureHash((0xcbf29ce484222325u64 ^ u64::from(template)).wrapping_mul(0x100000001b3))
    }

    fn bytes(mut self, bytes: &[u8]) -> FeatureHash {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x100000001b3);
        }
        // A separator so that ("ab", "c") and ("a", "bc") differ.
        self.0 = (self.0 ^ 0xff).wrapping_mul(0x100000001b3);
        self
    }

    fn finish(self) -> u64 {
        // Final mixing (from SplitMix64) so that the low bits are well spread.
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
        z ^ (z >> 31)
    }
}

fn suffix(text: &str, chars: usize) -> &str {
    let mut indices = text.char_indices().rev();
    let mut start = 0;
    for _ in 0..chars {
        match indices.next() {
            Some((index, _)) => start = index,
            None => return text,
        }
    }
    &text[start..]
}

fn prefix(text: &str, chars: usize) -> &str {
    match text.char_indices().nth(chars) {
        Some((index, _)) => &text[..index],
        None => text,
    }
}

impl PersonTagger {
    /// The committed model, decoded once per process; `None` if it cannot be read.
    pub fn embedded() -> Option<Arc<PersonTagger>> {
        static EMBEDDED: OnceLock<Option<Arc<PersonTagger>>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| {
                PersonTagger::from_bytes(include_bytes!("../models/person_tagger.bin.gz"))
                    .ok()
                    .map(Arc::new)
            })
            .clone()
    }

    /// An untrained tagger with a lexicon (lowercase word, frequency band, `LEXICON_*` flags).
    pub fn new(lexicon: impl IntoIterator<Item = (String, u8, u8)>) -> PersonTagger {
        let mut known_words = vec![0u64; 1 << (WORD_FILTER_BITS - 6)];
        let mut words = HashMap::new();
        for (word, band, flags) in lexicon {
            if flags & LEXICON_WORD != 0 {
                for bit in word_filter_bits(&word) {
                    known_words[bit / 64] |= 1 << (bit % 64);
                }
            }
            let flags = flags & !LEXICON_WORD;
            if band != 0 || flags != 0 {
                words.insert(word, WordInfo { band, flags });
            }
        }
        PersonTagger {
            bits: DEFAULT_BITS,
            weights: vec![0.0; (1usize << DEFAULT_BITS) * TAGS],
            lexicon: words,
            known_words,
        }
    }

    fn is_known_word(&self, lower: &str) -> bool {
        !self.known_words.is_empty()
            && word_filter_bits(lower).iter().all(|&bit| {
                self.known_words
                    .get(bit / 64)
                    .is_some_and(|slot| slot & (1 << (bit % 64)) != 0)
            })
    }

    /// Number of lexicon words.
    pub fn lexicon_len(&self) -> usize {
        self.lexicon.len()
    }

    /// Prepares the pieces `pieces` (with the matcher's `matches`) of `text` for tagging.
    pub(crate) fn sequence(
        &self,
        kb: &ActorKb,
        text: &str,
        pieces: &[Piece],
        matches: &[PieceMatch],
    ) -> Sequence {
        let mut sequence = Sequence::default();
        let mut kb_cues = vec![0u16; pieces.len()];
        for found in matches {
            let pattern = &kb.matcher.patterns[found.pattern as usize];
            let mut cue = 0u16;
            for target in &pattern.targets {
                match *target {
                    Target::Actor { actor, form } => {
                        let person = kb.data.actors[actor as usize].kind == ActorKind::Person;
                        if person
                            && matches!(
                                form,
                                Form::Name | Form::NameGenitive | Form::Alias | Form::Surname
                            )
                        {
                            cue |= KB_PERSON;
                        } else if !person {
                            cue |= KB_OTHER;
                        }
                    }
                    Target::Role { .. } => cue |= ROLE,
                    Target::Party { .. } => {}
                }
            }
            for slot in kb_cues.iter_mut().take(found.end).skip(found.start) {
                *slot |= cue;
            }
        }
        for (index, piece) in pieces.iter().enumerate() {
            let word = piece.span.slice(text);
            let start = sequence.buffer.len();
            sequence.buffer.push_str(word);
            let middle = sequence.buffer.len();
            sequence
                .buffer
                .extend(word.chars().flat_map(char::to_lowercase));
            let end = sequence.buffer.len();
            sequence.texts.push((start, middle));
            sequence.lowers.push((middle, end));
            let lower = &sequence.buffer[middle..end];
            let info = self.lexicon.get(lower).copied().unwrap_or_default();
            let mut cue = kb_cues[index];
            if piece.capitalized {
                cue |= CAPITALIZED;
            }
            if piece.alphabetic {
                cue |= ALPHABETIC;
            }
            if word.chars().count() > 1 && word.chars().all(|c| !c.is_lowercase()) {
                cue |= ALL_CAPS;
            }
            if word.chars().any(|c| c.is_ascii_digit()) {
                cue |= DIGIT;
            }
            if kb.first_names.contains_key(word) {
                cue |= FIRST_NAME;
            }
            if kb.surnames.contains(word) {
                cue |= SURNAME;
            }
            for (flag, bit) in [
                (LEXICON_NOUN, NOUN),
                (LEXICON_GIVEN, GIVEN),
                (LEXICON_FAMILY, FAMILY),
                (LEXICON_PLACE, PLACE),
            ] {
                if info.flags & flag != 0 {
                    cue |= bit;
                }
            }
            if self.is_known_word(lower) {
                cue |= WORD;
            }
            if SPEECH_CUES.contains(&lower) {
                cue |= SPEECH;
            }
            sequence.shapes.push(shape_of(word));
            sequence.cues.push(cue);
            sequence.bands.push(info.band);
            sequence.sentences.push(piece.sentence);
        }
        sequence
    }

    /// Calls `emit` with the bucket of every feature of piece `index` that does not
    /// depend on the previous tags.
    fn features(&self, sequence: &Sequence, index: usize, mut emit: impl FnMut(u64)) {
        let sentence = sequence.sentences[index];
        let in_sentence = |at: isize| -> Option<usize> {
            let at = usize::try_from(at).ok()?;
            (at < sequence.len() && sequence.sentences[at] == sentence).then_some(at)
        };
        let i = index as isize;
        let text = sequence.text(index);
        let lower = sequence.lower(index);
        let shape = &sequence.shapes[index];
        let cue = sequence.cues[index];
        emit(FeatureHash::new(0).finish());
        emit(FeatureHash::new(1).bytes(text.as_bytes()).finish());
        emit(FeatureHash::new(2).bytes(lower.as_bytes()).finish());
        emit(FeatureHash::new(3).bytes(shape).finish());
        emit(
            FeatureHash::new(4)
                .bytes(suffix(lower, 2).as_bytes())
                .finish(),
        );
        emit(
            FeatureHash::new(5)
                .bytes(suffix(lower, 3).as_bytes())
                .finish(),
        );
        emit(
            FeatureHash::new(6)
                .bytes(suffix(lower, 4).as_bytes())
                .finish(),
        );
        emit(
            FeatureHash::new(7)
                .bytes(prefix(lower, 3).as_bytes())
                .finish(),
        );
        emit(
            FeatureHash::new(8)
                .bytes(&[sequence.bands[index], (cue & NOUN != 0) as u8])
                .finish(),
        );
        let initial = in_sentence(i - 1).is_none();
        emit(FeatureHash::new(9).bytes(&[initial as u8]).finish());
        emit(
            FeatureHash::new(10)
                .bytes(&[
                    initial as u8,
                    (cue & CAPITALIZED != 0) as u8,
                    (cue & NOUN != 0) as u8,
                ])
                .finish(),
        );
        for bit in 0..CUE_BITS {
            if cue & (1 << bit) != 0 {
                emit(FeatureHash::new(11).bytes(&[bit as u8]).finish());
            }
        }
        // The cue combination of the piece itself, and with its neighbours.
        let cues_at = |at: Option<usize>| at.map_or(u16::MAX, |at| sequence.cues[at]);
        let previous = in_sentence(i - 1);
        let next = in_sentence(i + 1);
        emit(FeatureHash::new(12).bytes(&cue.to_le_bytes()).finish());
        emit(
            FeatureHash::new(13)
                .bytes(&cue.to_le_bytes())
                .bytes(&cues_at(previous).to_le_bytes())
                .finish(),
        );
        emit(
            FeatureHash::new(14)
                .bytes(&cue.to_le_bytes())
                .bytes(&cues_at(next).to_le_bytes())
                .finish(),
        );
        for (template, offset) in [(20u8, -2isize), (21, -1), (22, 1), (23, 2)] {
            let word = in_sentence(i + offset).map_or("<s>", |at| sequence.lower(at));
            emit(FeatureHash::new(template).bytes(word.as_bytes()).finish());
        }
        for (template, offset) in [(24u8, -1isize), (25, 1)] {
            let shape = in_sentence(i + offset).map_or(*b"<s> ", |at| sequence.shapes[at]);
            emit(FeatureHash::new(template).bytes(&shape).finish());
            let cue = cues_at(in_sentence(i + offset));
            for bit in 0..CUE_BITS {
                if cue != u16::MAX && cue & (1 << bit) != 0 {
                    emit(FeatureHash::new(template + 2).bytes(&[bit as u8]).finish());
                }
            }
        }
        for (template, offset) in [(30u8, -2isize), (31, 2)] {
            let cue = cues_at(in_sentence(i + offset));
            for bit in 0..CUE_BITS {
                if cue != u16::MAX && cue & (1 << bit) != 0 {
                    emit(FeatureHash::new(template).bytes(&[bit as u8]).finish());
                }
            }
        }
        if let Some(at) = next {
            emit(
                FeatureHash::new(32)
                    .bytes(suffix(sequence.lower(at), 3).as_bytes())
                    .finish(),
            );
        }
        if let Some(at) = previous {
            emit(
                FeatureHash::new(33)
                    .bytes(suffix(sequence.lower(at), 3).as_bytes())
                    .finish(),
            );
        }
        let before = previous.map_or("<s>", |at| sequence.lower(at));
        emit(
            FeatureHash::new(28)
                .bytes(before.as_bytes())
                .bytes(shape)
                .finish(),
        );
        let after = next.map_or("<s>", |at| sequence.lower(at));
        emit(
            FeatureHash::new(29)
                .bytes(shape)
                .bytes(after.as_bytes())
                .finish(),
        );
    }

    fn tag_features(previous: u8, before_previous: u8, cue: u16, emit: &mut impl FnMut(u64)) {
        emit(FeatureHash::new(40).bytes(&[previous]).finish());
        emit(
            FeatureHash::new(41)
                .bytes(&[previous, before_previous])
                .finish(),
        );
        emit(
            FeatureHash::new(42)
                .bytes(&[previous])
                .bytes(&cue.to_le_bytes())
                .finish(),
        );
    }

    fn bucket(&self, hash: u64) -> usize {
        (hash as usize & ((1usize << self.bits) - 1)) * TAGS
    }

    fn scores(&self, features: &[u64]) -> [f32; TAGS] {
        let mut scores = [0.0f32; TAGS];
        for &hash in features {
            let base = self.bucket(hash);
            for (tag, score) in scores.iter_mut().enumerate() {
                *score += self.weights[base + tag];
            }
        }
        scores
    }

    fn best(scores: [f32; TAGS], previous: u8, cue: u16) -> u8 {
        let mut best = TAG_O;
        let mut best_score = scores[0];
        for tag in [TAG_B, TAG_I] {
            // I only continues a name; names start on capitalised letters.
            if tag == TAG_I && previous == TAG_O {
                continue;
            }
            if tag == TAG_B && cue & CAPITALIZED == 0 {
                continue;
            }
            if scores[tag as usize] > best_score {
                best = tag;
                best_score = scores[tag as usize];
            }
        }
        best
    }

    /// Tags every piece of `sequence` (greedy, left to right, per sentence).
    pub fn tag(&self, sequence: &Sequence) -> Vec<u8> {
        let mut tags = Vec::with_capacity(sequence.len());
        let mut features = Vec::with_capacity(64);
        for index in 0..sequence.len() {
            let starts = index == 0 || sequence.sentences[index - 1] != sequence.sentences[index];
            let previous = if starts { TAG_O } else { tags[index - 1] };
            let before_previous = if starts
                || index < 2
                || sequence.sentences[index - 2] != sequence.sentences[index]
            {
                TAG_O
            } else {
                tags[index - 2]
            };
            features.clear();
            self.features(sequence, index, |hash| features.push(hash));
            let cue = sequence.cues[index];
            PersonTagger::tag_features(previous, before_previous, cue, &mut |hash| {
                features.push(hash)
            });
            tags.push(PersonTagger::best(self.scores(&features), previous, cue));
        }
        tags
    }

    /// Averaged-perceptron training on `(sequence, gold tags)` pairs; the order of the
    /// examples is shuffled with a fixed seed every epoch, so runs are reproducible.
    pub fn train(&mut self, examples: &[(Sequence, Vec<u8>)], epochs: usize) {
        let mut totals = vec![0.0f32; self.weights.len()];
        let mut stamps = vec![0u32; self.weights.len()];
        let mut clock = 0u32;
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut seed = 0x9e3779b97f4a7c15u64;
        let mut features = Vec::with_capacity(64);
        for _ in 0..epochs {
            for index in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(index, (seed % (index as u64 + 1)) as usize);
            }
            for &example in &order {
                let (sequence, gold) = &examples[example];
                let mut predicted: Vec<u8> = Vec::with_capacity(sequence.len());
                for index in 0..sequence.len() {
                    clock += 1;
                    let history = |tags: &[u8]| {
                        let previous = if index == 0 { TAG_O } else { tags[index - 1] };
                        let before = if index < 2 { TAG_O } else { tags[index - 2] };
                        (previous, before)
                    };
                    // Greedy training: the history is the model's own predictions.
                    let (previous, before_previous) = history(&predicted);
                    let cue = sequence.cues[index];
                    features.clear();
                    self.features(sequence, index, |hash| features.push(hash));
                    PersonTagger::tag_features(previous, before_previous, cue, &mut |hash| {
                        features.push(hash)
                    });
                    let guess = PersonTagger::best(self.scores(&features), previous, cue);
                    let truth = gold[index];
                    if guess != truth {
                        for &hash in &features {
                            let base = self.bucket(hash);
                            for (tag, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                                let slot = base + tag as usize;
                                totals[slot] += (clock - stamps[slot]) as f32 * self.weights[slot];
                                stamps[slot] = clock;
                                self.weights[slot] += delta;
                            }
                        }
                    }
                    predicted.push(guess);
                }
            }
        }
        for slot in 0..self.weights.len() {
            totals[slot] += (clock - stamps[slot]) as f32 * self.weights[slot];
            self.weights[slot] = if clock == 0 {
                0.0
            } else {
                totals[slot] / clock as f32
            };
        }
    }

    /// Serialises the model: gzip of a header, i16-quantised weights and the lexicon.
    pub fn to_bytes(&self) -> std::io::Result<Vec<u8>> {
        let max = self
            .weights
            .iter()
            .fold(0.0f32, |max, weight| max.max(weight.abs()));
        let scale = if max == 0.0 { 1.0 } else { max / 32767.0 };
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&self.bits.to_le_bytes());
        raw.extend_from_slice(&scale.to_le_bytes());
        for weight in &self.weights {
            let quantised = (weight / scale).round().clamp(-32767.0, 32767.0) as i16;
            raw.extend_from_slice(&quantised.to_le_bytes());
        }
        raw.extend_from_slice(&(self.known_words.len() as u32).to_le_bytes());
        for slot in &self.known_words {
            raw.extend_from_slice(&slot.to_le_bytes());
        }
        let mut words: Vec<(&String, &WordInfo)> = self.lexicon.iter().collect();
        words.sort_by_key(|(word, _)| *word);
        for (word, info) in words {
            raw.extend_from_slice(word.as_bytes());
            raw.push(b'\t');
            raw.push(info.band);
            raw.push(info.flags);
            raw.push(b'\n');
        }
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&raw)?;
        encoder.finish()
    }

    /// Reads a model written by [`PersonTagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<PersonTagger, String> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut raw)
            .map_err(|error| format!("person tagger: {error}"))?;
        if raw.len() < 16 || &raw[..8] != MAGIC {
            return Err("person tagger: not a model file".to_string());
        }
        let bits = u32::from_le_bytes([raw[8], raw[9], raw[10], raw[11]]);
        let scale = f32::from_le_bytes([raw[12], raw[13], raw[14], raw[15]]);
        if !(8..=24).contains(&bits) {
            return Err(format!("person tagger: bad hash size {bits}"));
        }
        let count = (1usize << bits) * TAGS;
        let weights_end = 16 + count * 2;
        let Some(weight_bytes) = raw.get(16..weights_end) else {
            return Err("person tagger: truncated weights".to_string());
        };
        let weights = weight_bytes
            .chunks_exact(2)
            .map(|pair| f32::from(i16::from_le_bytes([pair[0], pair[1]])) * scale)
            .collect();
        let Some(count_bytes) = raw.get(weights_end..weights_end + 4) else {
            return Err("person tagger: truncated word filter".to_string());
        };
        let slots = u32::from_le_bytes([
            count_bytes[0],
            count_bytes[1],
            count_bytes[2],
            count_bytes[3],
        ]) as usize;
        let filter_end = weights_end + 4 + slots * 8;
        let Some(filter_bytes) = raw.get(weights_end + 4..filter_end) else {
            return Err("person tagger: truncated word filter".to_string());
        };
        let known_words = filter_bytes
            .chunks_exact(8)
            .map(|bytes| {
                let mut array = [0u8; 8];
                array.copy_from_slice(bytes);
                u64::from_le_bytes(array)
            })
            .collect();
        let mut lexicon = HashMap::new();
        let mut rest = &raw[filter_end..];
        while let Some(tab) = rest.iter().position(|&byte| byte == b'\t') {
            if rest.len() < tab + 4 {
                break;
            }
            if let Ok(word) = std::str::from_utf8(&rest[..tab]) {
                lexicon.insert(
                    word.to_string(),
                    WordInfo {
                        band: rest[tab + 1],
                        flags: rest[tab + 2],
                    },
                );
            }
            rest = &rest[tab + 4..];
        }
        Ok(PersonTagger {
            bits,
            weights,
            lexicon,
            known_words,
        })
    }
}

/// Runs `tagger` over the pieces of a document and returns the person spans as piece
/// ranges `start..end`.
pub(crate) fn person_ranges(
    tagger: &PersonTagger,
    kb: &ActorKb,
    text: &str,
    pieces: &[Piece],
    matches: &[PieceMatch],
) -> Vec<(usize, usize)> {
    let sequence = tagger.sequence(kb, text, pieces, matches);
    let tags = tagger.tag(&sequence);
    let mut out = Vec::new();
    let mut index = 0;
    while index < tags.len() {
        if tags[index] == TAG_B {
            let mut end = index + 1;
            while end < tags.len()
                && tags[end] == TAG_I
                && sequence.sentences[end] == sequence.sentences[index]
            {
                end += 1;
            }
            out.push((index, end));
            index = end;
        } else {
            index += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes() {
        assert_eq!(&shape_of("Müller"), b"Xx  ");
        assert_eq!(&shape_of("US-Präsident"), b"X.Xx");
        assert_eq!(suffix("präsident", 3), "ent");
        assert_eq!(suffix("ab", 3), "ab");
        assert_eq!(prefix("ärztin", 3), "ärz");
    }

    #[test]
    fn model_round_trip() {
        let mut tagger = PersonTagger::new([("haus".to_string(), 20, LEXICON_NOUN | LEXICON_WORD)]);
        tagger.weights[5] = 1.5;
        tagger.weights[7] = -0.25;
        let bytes = tagger.to_bytes().expect("serialise");
        let back = PersonTagger::from_bytes(&bytes).expect("deserialise");
        assert!((back.weights[5] - 1.5).abs() < 1e-3);
        assert!((back.weights[7] + 0.25).abs() < 1e-3);
        assert_eq!(back.lexicon_len(), 1);
        assert!(back.is_known_word("haus"));
        assert!(!back.is_known_word("brunnhuber"));
        assert!(PersonTagger::from_bytes(b"garbage").is_err());
    }
}
