//! A small trained person-name tagger: an averaged structured perceptron over hashed
//! features with Viterbi decoding, labelling the pieces of a sentence with BIO tags.
//!
//! [`PersonTagger`] is trained by `examples/train_ner.rs` on GermEval 2014 (CC BY 4.0) and
//! committed as `models/person_tagger.bin.gz` (quantised weights, a word lexicon from
//! Leipzig frequencies, Wikidata nouns, name lists and Wiktionary person nouns, and the
//! spelling model); [`PersonTagger::embedded`] loads
//! it once. The committed weights are the mean of five taggers trained with different
//! seeds ([`PersonTagger::average`]). The tag set has room for places, organisations and
//! other names ([`TAGS`], [`tag_of`]) so that a model can learn them jointly with persons;
//! the committed model learns persons only, which scored as well in cross-validation
//! and decodes faster. The tagger works on the same pieces as the matcher (letter/digit
//! runs and single punctuation characters), so its spans fall on piece boundaries.
//!
//! Features: the word, its lowercase form, shape, affixes, neighbouring words (±2),
//! cues from the knowledge base (listed given names and surnames, persons, states and
//! organisations, role nouns) and the lexicon (common noun, frequency band, known word,
//! place, person noun such as "Trainer" or "Teamkollegen", also as a compound head
//! "Bäderleiter", and verb form, from `models/cues.tsv.gz`), the bucketed score of a
//! character n-gram spelling model of person names (trained when the tagger is built, on
//! the lexicon's listed names against its nouns and places; stored in the model) for the
//! piece and its neighbours, and first-order transition features (previous tag, previous
//! tag with the cue bits). Decoding is exact Viterbi per sentence with two constraints: a continuation
//! tag only follows its own type, and a person name starts on a capitalised piece.
//! [`person_ranges`] then completes names at their right edge (particles: "Patrick von
//! Brunn"; the full stop of a final initial or regnal numeral: "Magnus I.") and marks
//! the last word of a tagged name wherever else it stands alone in the document
//! ("Wurzacher widersprach. ... Benjamin Wurzacher").
//!
//! Cost: about 45 hash lookups per piece plus 2 per active tag for the transitions (3
//! tags for a persons-only model, whose weight table then holds 3 weights per bucket);
//! a capitalised piece adds its spelling score (about 3 n-grams per letter) and the
//! compound-head lookups of the person-noun cue (one per letter); buffers are reused
//! within a document. In the `annotate` bench (91 KB of German news prose) the tagger
//! costs about 9 ms of 18 ms, of which some 3.5 ms are the spelling and person-noun cues.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::kb::{Form, Target};
use crate::matcher::{Piece, PieceMatch};
use crate::{ActorKb, ActorKind};

/// Tags: outside, first piece of a person name, later piece of a person name; then the
/// same pair for places (`LOC`), organisations (`ORG`) and other names (`OTH`), which the
/// tagger learns jointly so that it knows what is *not* a person. Tag `2 * t - 1` begins
/// an entity of type `t` (1 = PER, 2 = LOC, 3 = ORG, 4 = OTH), tag `2 * t` continues it.
pub const TAG_O: u8 = 0;
pub const TAG_B: u8 = 1;
pub const TAG_I: u8 = 2;
pub const TAG_B_LOC: u8 = 3;
pub const TAG_I_LOC: u8 = 4;
pub const TAG_B_ORG: u8 = 5;
pub const TAG_I_ORG: u8 = 6;
pub const TAG_B_OTH: u8 = 7;
pub const TAG_I_OTH: u8 = 8;
/// Number of tags.
pub const TAGS: usize = 9;

/// Entity types as numbered in the tags.
pub const TYPE_PER: u8 = 1;
pub const TYPE_LOC: u8 = 2;
pub const TYPE_ORG: u8 = 3;
pub const TYPE_OTH: u8 = 4;

/// The tag that begins (`inside == false`) or continues an entity of type `kind`.
pub fn tag_of(kind: u8, inside: bool) -> u8 {
    if kind == 0 || kind > TYPE_OTH {
        TAG_O
    } else {
        2 * kind - u8::from(!inside)
    }
}

/// Whether `tag` may follow `previous` (a continuation only after its own type).
fn allowed(previous: u8, tag: u8) -> bool {
    tag == TAG_O || tag % 2 == 1 || (previous != TAG_O && previous.div_ceil(2) == tag / 2)
}

/// Model file versions: 002 has no spelling model, 003 has one after the word filter.
const MAGIC_V2: &[u8; 8] = b"LBPER002";
const MAGIC: &[u8; 8] = b"LBPER003";
const DEFAULT_BITS: u32 = 18;

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
const CAPITALIZED: u32 = 1;
const ALL_CAPS: u32 = 1 << 1;
const FIRST_NAME: u32 = 1 << 2;
const SURNAME: u32 = 1 << 3;
const KB_PERSON: u32 = 1 << 4;
const KB_OTHER: u32 = 1 << 5;
const ROLE: u32 = 1 << 6;
const NOUN: u32 = 1 << 7;
const SPEECH: u32 = 1 << 8;
const DIGIT: u32 = 1 << 9;
const ALPHABETIC: u32 = 1 << 10;
const GIVEN: u32 = 1 << 11;
const FAMILY: u32 = 1 << 12;
const PLACE: u32 = 1 << 13;
const WORD: u32 = 1 << 14;
/// A person noun (role, occupation, kin: "Trainer", "Teamkollegen", "Tochter"), also as
/// the head of a compound ("Bäderleiter").
const PERSON_NOUN: u32 = 1 << 15;
/// A verb form ("gab", "will", "widersprach").
const VERB: u32 = 1 << 16;
const CUE_BITS: u32 = 17;

/// Lexicon flags: a common noun (Wikidata lexemes), a given name, a family name (Faker
/// name lists), a place (GeoNames cities).
pub const LEXICON_NOUN: u8 = 1;
pub const LEXICON_GIVEN: u8 = 1 << 1;
pub const LEXICON_FAMILY: u8 = 1 << 2;
pub const LEXICON_PLACE: u8 = 1 << 3;
pub const LEXICON_WORD: u8 = 1 << 4;
/// Lexicon flags from `models/cues.tsv.gz`: a person noun, a verb form.
pub const LEXICON_PERSON_NOUN: u8 = 1 << 5;
pub const LEXICON_VERB: u8 = 1 << 6;

/// FNV-1a for the lexicon's keys: short words, looked up several times per piece, where
/// the standard SipHash costs more than the rest of the lookup.
#[derive(Clone, Copy, Debug)]
struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> WordHasher {
        WordHasher(0xcbf29ce484222325)
    }
}

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x100000001b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Lexicon = HashMap<String, WordInfo, std::hash::BuildHasherDefault<WordHasher>>;

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
    lexicon: Lexicon,
    /// Bloom filter (3 hashes over `WORD_FILTER_BITS` bits) of known German word forms
    /// (`LEXICON_WORD`), kept apart from `lexicon` because it is large.
    known_words: Vec<u64>,
    /// Character n-gram model of how much a word looks like a person name.
    spelling: Spelling,
    /// Tags `0..active` are decoded: 3 for a persons-only model, [`TAGS`] for all types.
    active: u8,
    /// Weights per bucket in `weights`: [`TAGS`] while training, `active` once trained or
    /// loaded (a smaller table is faster to look up).
    stride: usize,
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

/// The tags a model decodes: up to the last type with a weight (at least the persons).
fn active_tags(weights: &[f32]) -> u8 {
    let mut last = 0;
    for row in weights.chunks_exact(TAGS) {
        for (tag, &weight) in row.iter().enumerate().skip(last + 1) {
            if weight != 0.0 {
                last = tag;
            }
        }
    }
    let kind = last.div_ceil(2).max(1) as u8;
    2 * kind + 1
}

/// How much a word looks like a person name, from its character n-grams (2 to 4 letters,
/// with word-boundary marks): a logistic regression over hashed n-grams, trained on the
/// lexicon's given and family names against its common nouns and places (names that are
/// also nouns or places are left out). It generalises from some 40,000 listed names to
/// surnames no list has ("Laukötter", "Kulikow").
#[derive(Clone, Debug, Default)]
struct Spelling {
    /// `weights[hash & mask]`; empty: no model (every bucket is 0).
    weights: Vec<f32>,
}

const SPELLING_BITS: u32 = 17;

impl Spelling {
    /// Calls `emit` with the hash of every n-gram of `lower`.
    fn ngrams(lower: &str, mut emit: impl FnMut(u64)) {
        let mut buffer = [0u8; 100];
        let mut starts = [0u8; 100];
        buffer[0] = b'^';
        let mut length = 1;
        let mut count = 1;
        for (index, c) in lower.char_indices() {
            let width = c.len_utf8();
            if length + width + 1 > buffer.len() {
                break;
            }
            starts[count] = length as u8;
            count += 1;
            buffer[length..length + width].copy_from_slice(&lower.as_bytes()[index..index + width]);
            length += width;
        }
        starts[count] = length as u8;
        buffer[length] = b'$';
        length += 1;
        count += 1;
        starts[count] = length as u8;
        // `starts[0..=count]`: char starts of `^ c1 .. ck $` and the end.
        for n in 2..=4usize {
            for first in 0..count.saturating_sub(n - 1) {
                let (from, to) = (starts[first] as usize, starts[first + n] as usize);
                emit(
                    FeatureHash::new(60 + n as u8)
                        .bytes(&buffer[from..to])
                        .finish(),
                );
            }
        }
    }

    fn score(&self, lower: &str) -> f32 {
        if self.weights.is_empty() {
            return 0.0;
        }
        let mask = self.weights.len() - 1;
        let mut score = self.weights[0];
        Spelling::ngrams(lower, |hash| {
            score += self.weights[(hash as usize & mask) | 1]
        });
        score
    }

    /// The score as a feature value: 1 (unlike a name) ..= 9 (like a name), 0 with no model.
    fn bucket(&self, lower: &str) -> u8 {
        if self.weights.is_empty() {
            return 0;
        }
        (self.score(lower).round().clamp(-4.0, 4.0) + 5.0) as u8
    }

    /// Trains on `(lowercase word, is a name)` pairs, both classes weighted equally (a few
    /// passes of stochastic gradient descent in a fixed order).
    fn train(examples: &[(&str, bool)]) -> Spelling {
        let positives = examples.iter().filter(|(_, name)| *name).count().max(1) as f32;
        let negatives = (examples.len() as f32 - positives).max(1.0);
        let mut spelling = Spelling {
            weights: vec![0.0; 1 << SPELLING_BITS],
        };
        let mask = spelling.weights.len() - 1;
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut seed = 0x5851f42d4c957f2du64;
        let mut hashes = Vec::with_capacity(64);
        for epoch in 0..4 {
            for index in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(index, (seed % (index as u64 + 1)) as usize);
            }
            let rate = 0.2 / (1.0 + epoch as f32);
            for &example in &order {
                let (word, name) = examples[example];
                hashes.clear();
                Spelling::ngrams(word, |hash| hashes.push((hash as usize & mask) | 1));
                let score = spelling.weights[0]
                    + hashes
                        .iter()
                        .map(|&slot| spelling.weights[slot])
                        .sum::<f32>();
                let probability = 1.0 / (1.0 + (-score).exp());
                let (target, weight) = if name {
                    (1.0, 0.5 * examples.len() as f32 / positives)
                } else {
                    (0.0, 0.5 * examples.len() as f32 / negatives)
                };
                let step = rate * weight * (target - probability);
                spelling.weights[0] += step * 0.01;
                for &slot in &hashes {
                    spelling.weights[slot] += step;
                }
            }
        }
        spelling
    }

    /// The training pairs from a lexicon (sorted, so training is reproducible).
    fn examples(lexicon: &Lexicon) -> Vec<(&str, bool)> {
        let mut out: Vec<(&str, bool)> = lexicon
            .iter()
            .filter_map(|(word, info)| {
                let name = info.flags & (LEXICON_GIVEN | LEXICON_FAMILY) != 0;
                let other = info.flags & (LEXICON_NOUN | LEXICON_PLACE) != 0;
                (name != other && word.chars().all(char::is_alphabetic))
                    .then_some((word.as_str(), name))
            })
            .collect();
        out.sort_unstable();
        out
    }
}

/// Buffers reused while decoding.
#[derive(Debug, Default)]
struct Scratch {
    features: Vec<u64>,
    best: Vec<[f32; TAGS]>,
    back: Vec<[u8; TAGS]>,
    tags: Vec<u8>,
}

/// A sentence prepared for tagging: piece texts, lowercase forms and cue bits.
#[derive(Debug, Default)]
pub struct Sequence {
    texts: Vec<(usize, usize)>,
    lowers: Vec<(usize, usize)>,
    shapes: Vec<[u8; 4]>,
    cues: Vec<u32>,
    bands: Vec<u8>,
    /// Spelling score bucket of capitalised words (see [`Spelling::bucket`]; 0 for others).
    spellings: Vec<u8>,
    /// Index of the sentence of each piece (pieces of one sentence are contiguous).
    sentences: Vec<u32>,
    buffer: String,
}

/// Cue bits from name lists (given names, surnames, listed persons).
const NAME_CUES: u32 = FIRST_NAME | SURNAME | KB_PERSON | GIVEN | FAMILY;

impl Sequence {
    /// Forgets the name-list cues of piece `index` (gazetteer dropout in training, so that
    /// the tagger also learns names that no list has from their context).
    pub(crate) fn drop_name_cues(&mut self, index: usize) {
        if let Some(cue) = self.cues.get_mut(index) {
            *cue &= !NAME_CUES;
        }
    }

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
        let mut words = Lexicon::default();
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
        let spelling = Spelling::train(&Spelling::examples(&words));
        PersonTagger {
            bits: DEFAULT_BITS,
            weights: vec![0.0; (1usize << DEFAULT_BITS) * TAGS],
            spelling,
            lexicon: words,
            known_words,
            active: TAGS as u8,
            stride: TAGS,
        }
    }

    /// Keeps only the weights of the active tags (see `stride`).
    fn compact(&mut self) {
        let stride = usize::from(self.active).min(self.stride);
        if stride == self.stride {
            return;
        }
        self.weights = self
            .weights
            .chunks_exact(self.stride)
            .flat_map(|row| row[..stride].iter().copied())
            .collect();
        self.stride = stride;
    }

    /// Spreads the weights back to [`TAGS`] per bucket (for training and writing).
    fn expanded_weights(&self) -> Vec<f32> {
        if self.stride == TAGS {
            return self.weights.clone();
        }
        let mut weights = vec![0.0; self.weights.len() / self.stride.max(1) * TAGS];
        for (row, out) in self
            .weights
            .chunks_exact(self.stride)
            .zip(weights.chunks_exact_mut(TAGS))
        {
            out[..self.stride].copy_from_slice(row);
        }
        weights
    }

    /// Restricts decoding (and training) to person tags (`false`) or opens all name types.
    pub fn set_all_types(&mut self, all_types: bool) {
        self.active = if all_types { TAGS as u8 } else { TAG_I + 1 };
    }

    fn is_known_word(&self, lower: &str) -> bool {
        !self.known_words.is_empty()
            && word_filter_bits(lower).iter().all(|&bit| {
                self.known_words
                    .get(bit / 64)
                    .is_some_and(|slot| slot & (1 << (bit % 64)) != 0)
            })
    }

    /// Whether `lower` (lexicon entry `info`) is a person noun or a compound whose head
    /// (a suffix of at least four letters after at least two) is one: "bäderleiter".
    fn is_person_noun(&self, lower: &str, info: WordInfo) -> bool {
        if info.flags & LEXICON_PERSON_NOUN != 0 {
            return true;
        }
        lower
            .char_indices()
            .skip(2)
            .take_while(|&(index, _)| lower[index..].chars().nth(3).is_some())
            .any(|(index, _)| {
                self.lexicon
                    .get(&lower[index..])
                    .is_some_and(|info| info.flags & LEXICON_PERSON_NOUN != 0)
            })
    }

    /// How much `word` looks like a person name by its spelling (log-odds of the
    /// character n-gram model; 0 without one).
    pub fn name_likeness(&self, word: &str) -> f32 {
        self.spelling.score(&word.to_lowercase())
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
        let mut kb_cues = vec![0u32; pieces.len()];
        for found in matches {
            let pattern = &kb.matcher.patterns[found.pattern as usize];
            let mut cue = 0u32;
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
            if piece.capitalized && piece.alphabetic && self.is_person_noun(lower, info) {
                cue |= PERSON_NOUN;
            }
            for (flag, bit) in [
                (LEXICON_NOUN, NOUN),
                (LEXICON_GIVEN, GIVEN),
                (LEXICON_FAMILY, FAMILY),
                (LEXICON_PLACE, PLACE),
                (LEXICON_VERB, VERB),
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
            sequence
                .spellings
                .push(if piece.capitalized && piece.alphabetic {
                    self.spelling.bucket(lower)
                } else {
                    0
                });
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
        let spelling = sequence.spellings[index];
        if spelling != 0 {
            emit(FeatureHash::new(50).bytes(&[spelling]).finish());
            emit(
                FeatureHash::new(51)
                    .bytes(&[
                        spelling,
                        initial as u8,
                        (cue & NOUN != 0) as u8,
                        (cue & WORD != 0) as u8,
                    ])
                    .finish(),
            );
        }
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
        let cues_at = |at: Option<usize>| at.map_or(u32::MAX, |at| sequence.cues[at]);
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
        // The spelling of the neighbours ("Anna Quendler": a surname-like word after).
        let spelling_at = |at: Option<usize>| at.map_or(10, |at| sequence.spellings[at]);
        emit(
            FeatureHash::new(52)
                .bytes(&[
                    sequence.spellings[index],
                    spelling_at(previous),
                    spelling_at(next),
                ])
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
                if cue != u32::MAX && cue & (1 << bit) != 0 {
                    emit(FeatureHash::new(template + 2).bytes(&[bit as u8]).finish());
                }
            }
        }
        for (template, offset) in [(30u8, -2isize), (31, 2)] {
            let cue = cues_at(in_sentence(i + offset));
            for bit in 0..CUE_BITS {
                if cue != u32::MAX && cue & (1 << bit) != 0 {
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

    /// Buckets of the transition features from tag `previous` into a piece with cue bits
    /// `cue` (first order, so that Viterbi decoding is exact).
    fn transition_features(previous: u8, cue: u32) -> [u64; 2] {
        [
            FeatureHash::new(40).bytes(&[previous]).finish(),
            FeatureHash::new(42)
                .bytes(&[previous])
                .bytes(&cue.to_le_bytes())
                .finish(),
        ]
    }

    fn bucket(&self, hash: u64) -> usize {
        (hash as usize & ((1usize << self.bits) - 1)) * self.stride
    }

    fn add_scores(&self, features: &[u64], scores: &mut [f32; TAGS]) {
        if self.stride == 3 {
            // The persons-only table: a fixed-size row (the common, fast case).
            for &hash in features {
                let base = self.bucket(hash);
                if let Some(&[o, b, i]) = self.weights.get(base..base + 3) {
                    scores[0] += o;
                    scores[1] += b;
                    scores[2] += i;
                }
            }
            return;
        }
        for &hash in features {
            let base = self.bucket(hash);
            if let Some(row) = self.weights.get(base..base + self.stride) {
                for (score, weight) in scores.iter_mut().zip(row) {
                    *score += weight;
                }
            }
        }
    }

    /// Viterbi decoding of the pieces `range` of `sequence` (one sentence); appends the
    /// best tags to `tags`. A continuation tag only follows its own type, and a person
    /// name starts on a capitalised piece.
    fn decode(&self, sequence: &Sequence, range: Range<usize>, scratch: &mut Scratch) {
        let length = range.len();
        if length == 0 {
            return;
        }
        scratch.best.clear();
        scratch.back.clear();
        for (offset, index) in range.enumerate() {
            scratch.features.clear();
            self.features(sequence, index, |hash| scratch.features.push(hash));
            let mut emission = [0.0f32; TAGS];
            self.add_scores(&scratch.features, &mut emission);
            let cue = sequence.cues[index];
            let mut column = [f32::NEG_INFINITY; TAGS];
            let mut pointers = [TAG_O; TAGS];
            for previous in 0..self.active {
                let base = match offset {
                    0 if previous != TAG_O => continue,
                    0 => 0.0,
                    _ => scratch.best[offset - 1][previous as usize],
                };
                if base == f32::NEG_INFINITY {
                    continue;
                }
                let mut transition = emission;
                self.add_scores(
                    &PersonTagger::transition_features(previous, cue),
                    &mut transition,
                );
                for tag in 0..self.active {
                    if !allowed(previous, tag) || (tag == TAG_B && cue & CAPITALIZED == 0) {
                        continue;
                    }
                    let score = base + transition[tag as usize];
                    if score > column[tag as usize] {
                        column[tag as usize] = score;
                        pointers[tag as usize] = previous;
                    }
                }
            }
            scratch.best.push(column);
            scratch.back.push(pointers);
        }
        let last = scratch.best[length - 1];
        let mut tag = TAG_O;
        for candidate in 1..self.active {
            if last[candidate as usize] > last[tag as usize] {
                tag = candidate;
            }
        }
        let start = scratch.tags.len();
        scratch.tags.resize(start + length, TAG_O);
        for offset in (0..length).rev() {
            scratch.tags[start + offset] = tag;
            tag = scratch.back[offset][tag as usize];
        }
    }

    fn decode_all(&self, sequence: &Sequence, scratch: &mut Scratch) {
        scratch.tags.clear();
        let mut start = 0;
        while start < sequence.len() {
            let mut end = start + 1;
            while end < sequence.len() && sequence.sentences[end] == sequence.sentences[start] {
                end += 1;
            }
            self.decode(sequence, start..end, scratch);
            start = end;
        }
    }

    /// Tags every piece of `sequence` (Viterbi, per sentence): `TAG_O`, or a `B`/`I` tag
    /// of a person (`TAG_B`, `TAG_I`) or of another name type (see [`tag_of`]).
    pub fn tag(&self, sequence: &Sequence) -> Vec<u8> {
        let mut scratch = Scratch::default();
        self.decode_all(sequence, &mut scratch);
        scratch.tags
    }

    /// Averaged structured-perceptron training on `(sequence, gold tags)` pairs (Viterbi
    /// decoding, updates where the best path leaves the gold path); the order of the
    /// examples is shuffled with a fixed seed every epoch, so runs are reproducible.
    pub fn train(&mut self, examples: &[(Sequence, Vec<u8>)], epochs: usize) {
        self.train_seeded(examples, epochs, 0);
    }

    /// [`PersonTagger::train`] with the example order drawn from seed number `seed`.
    pub fn train_seeded(&mut self, examples: &[(Sequence, Vec<u8>)], epochs: usize, seed: u64) {
        self.weights = self.expanded_weights();
        self.stride = TAGS;
        let mut totals = vec![0.0f32; self.weights.len()];
        let mut stamps = vec![0u32; self.weights.len()];
        let mut clock = 0u32;
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut seed = 0x9e3779b97f4a7c15u64 ^ seed.wrapping_mul(0xd1b54a32d192ed03);
        let mut scratch = Scratch::default();
        let mut features = Vec::with_capacity(64);
        let mask = (1usize << self.bits) - 1;
        for _ in 0..epochs {
            for index in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(index, (seed % (index as u64 + 1)) as usize);
            }
            for &example in &order {
                let (sequence, gold) = &examples[example];
                clock += 1;
                self.decode_all(sequence, &mut scratch);
                if scratch.tags == *gold {
                    continue;
                }
                for index in 0..sequence.len() {
                    let starts =
                        index == 0 || sequence.sentences[index - 1] != sequence.sentences[index];
                    let previous = |tags: &[u8]| if starts { TAG_O } else { tags[index - 1] };
                    let (gold_previous, guess_previous) = (previous(gold), previous(&scratch.tags));
                    let (truth, guess) = (gold[index], scratch.tags[index]);
                    if truth == guess && gold_previous == guess_previous {
                        continue;
                    }
                    let cue = sequence.cues[index];
                    features.clear();
                    self.features(sequence, index, |hash| features.push(hash));
                    for (from, tag, delta) in [
                        (gold_previous, truth, 1.0f32),
                        (guess_previous, guess, -1.0),
                    ] {
                        let transitions = PersonTagger::transition_features(from, cue);
                        let emissions: &[u64] = if truth == guess { &[] } else { &features };
                        for &hash in emissions.iter().chain(transitions.iter()) {
                            let slot = (hash as usize & mask) * TAGS + tag as usize;
                            totals[slot] += (clock - stamps[slot]) as f32 * self.weights[slot];
                            stamps[slot] = clock;
                            self.weights[slot] += delta;
                        }
                    }
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
        self.compact();
    }

    /// Averages the weights of taggers trained on the same data with different seeds (an
    /// ensemble at the cost of one model). Taggers with another table size are skipped.
    pub fn average(&mut self, others: &[PersonTagger]) {
        let mut weights = self.expanded_weights();
        let mut count = 1.0f32;
        for other in others {
            let theirs = other.expanded_weights();
            if theirs.len() != weights.len() {
                continue;
            }
            for (mine, their) in weights.iter_mut().zip(&theirs) {
                *mine += their;
            }
            count += 1.0;
        }
        for weight in &mut weights {
            *weight /= count;
        }
        self.weights = weights;
        self.stride = TAGS;
        self.active = self
            .active
            .max(others.iter().map(|other| other.active).max().unwrap_or(0));
        self.compact();
    }

    /// Adds `bias` to the score of starting a person name everywhere (a bias above zero
    /// trades precision for recall).
    pub fn add_person_bias(&mut self, bias: f32) {
        let base = self.bucket(FeatureHash::new(0).finish());
        if let Some(weight) = self.weights.get_mut(base + TAG_B as usize) {
            *weight += bias;
        }
    }

    /// Serialises the model: gzip of a header, i16-quantised weights and the lexicon.
    pub fn to_bytes(&self) -> std::io::Result<Vec<u8>> {
        let weights = self.expanded_weights();
        let max = weights
            .iter()
            .fold(0.0f32, |max, weight| max.max(weight.abs()));
        let scale = if max == 0.0 { 1.0 } else { max / 32767.0 };
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&self.bits.to_le_bytes());
        raw.extend_from_slice(&scale.to_le_bytes());
        for weight in &weights {
            let quantised = (weight / scale).round().clamp(-32767.0, 32767.0) as i16;
            raw.extend_from_slice(&quantised.to_le_bytes());
        }
        raw.extend_from_slice(&(self.known_words.len() as u32).to_le_bytes());
        for slot in &self.known_words {
            raw.extend_from_slice(&slot.to_le_bytes());
        }
        let spelling = &self.spelling.weights;
        let max = spelling
            .iter()
            .fold(0.0f32, |max, weight| max.max(weight.abs()));
        let spelling_scale = if max == 0.0 { 1.0 } else { max / 32767.0 };
        raw.extend_from_slice(&(spelling.len() as u32).to_le_bytes());
        raw.extend_from_slice(&spelling_scale.to_le_bytes());
        for weight in spelling {
            let quantised = (weight / spelling_scale).round().clamp(-32767.0, 32767.0) as i16;
            raw.extend_from_slice(&quantised.to_le_bytes());
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
        if raw.len() < 16 || (&raw[..8] != MAGIC && &raw[..8] != MAGIC_V2) {
            return Err("person tagger: not a model file".to_string());
        }
        let has_spelling = &raw[..8] == MAGIC;
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
        let weights: Vec<f32> = weight_bytes
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
        let active = active_tags(&weights);
        let mut spelling = Spelling::default();
        let mut lexicon_start = filter_end;
        if has_spelling {
            let Some(header) = raw.get(filter_end..filter_end + 8) else {
                return Err("person tagger: truncated spelling model".to_string());
            };
            let count = u32::from_le_bytes([header[0], header[1], header[2], header[3]]) as usize;
            let scale = f32::from_le_bytes([header[4], header[5], header[6], header[7]]);
            if count != 0 && !count.is_power_of_two() {
                return Err(format!("person tagger: bad spelling size {count}"));
            }
            lexicon_start = filter_end + 8 + count * 2;
            let Some(bytes) = raw.get(filter_end + 8..lexicon_start) else {
                return Err("person tagger: truncated spelling model".to_string());
            };
            spelling.weights = bytes
                .chunks_exact(2)
                .map(|pair| f32::from(i16::from_le_bytes([pair[0], pair[1]])) * scale)
                .collect();
        }
        let mut lexicon = Lexicon::default();
        let mut rest = &raw[lexicon_start..];
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
            spelling,
            lexicon,
            known_words,
            active,
            stride: TAGS,
        })
        .map(|mut tagger| {
            tagger.compact();
            tagger
        })
    }
}

/// Lowercase name particles that may stand inside a person name ("Patrick von Brunn",
/// "Fernando Collor de Mello", "Ali al-Nuaimi").
const PARTICLES: &[&str] = &[
    "von", "van", "de", "da", "del", "della", "di", "dos", "du", "al", "el", "bin", "ibn", "ten",
    "ter",
];

/// Articles after the particles `von`, `van`, `de` ("von der Leyen", "de la Fuente").
const PARTICLE_ARTICLES: &[&str] = &["der", "den", "la", "las", "los", "le"];

/// Roman numerals of regnal names ("Elisabeth II.").
const NUMERALS: &[&str] = &[
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
];

/// Runs `tagger` over the pieces of a document and returns the person spans as piece
/// ranges `start..end` (only `TAG_B`/`TAG_I` spans; other name types are dropped). The
/// tagger's spans are then completed at their right edge: a
/// name ending in an initial or a regnal numeral takes the following full stop
/// ("Susanne R.", "Magnus I."), and lowercase particles followed by a capitalised word
/// continue a name ("Patrick von Brunn", "Ali al-Nuaimi"). Finally the surnames of the
/// document are added where the tagger missed them (see `add_repeated_surnames`).
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
            end = complete_name(&sequence, &tags, pieces, text, index, end);
            out.push((index, end));
            index = end;
        } else {
            index += 1;
        }
    }
    add_repeated_surnames(&sequence, &tags, pieces, text, &mut out);
    out
}

/// Document-level consistency: the last word of a tagged person name ("Heidi
/// Brunnhuber", "Brunnhuber") is a person wherever else it stands alone in the document,
/// also as a genitive ("Brunnhubers"), unless the knowledge base knows the word, a role
/// noun is there, or it is part of a compound ("Brunnhuber-Klinik") or of another name.
fn add_repeated_surnames(
    sequence: &Sequence,
    tags: &[u8],
    pieces: &[Piece],
    text: &str,
    out: &mut Vec<(usize, usize)>,
) {
    let surnames: std::collections::HashSet<&str> = out
        .iter()
        .filter_map(|&(_, end)| {
            let last = sequence.text(end - 1);
            (last.chars().count() >= 3 && sequence.cues[end - 1] & CAPITALIZED != 0).then_some(last)
        })
        .collect();
    if surnames.is_empty() {
        return;
    }
    let mut covered = vec![false; sequence.len()];
    for &(start, end) in out.iter() {
        covered[start..end].fill(true);
    }
    let hyphen = |left: usize, right: usize| {
        text.get(pieces[left].span.end as usize..pieces[right].span.start as usize)
            .is_some_and(|between| between.is_empty())
            && (sequence.text(left) == "-" || sequence.text(right) == "-")
    };
    let mut added = false;
    for index in 0..sequence.len() {
        let cue = sequence.cues[index];
        if covered[index]
            || tags[index] != TAG_O
            || cue & (CAPITALIZED | ALPHABETIC) != CAPITALIZED | ALPHABETIC
            || cue & (KB_PERSON | KB_OTHER | ROLE) != 0
        {
            continue;
        }
        let word = sequence.text(index);
        let known = surnames.contains(word)
            || word
                .strip_suffix('s')
                .is_some_and(|stem| surnames.contains(stem));
        let compound = (index > 0 && hyphen(index - 1, index))
            || (index + 1 < sequence.len() && hyphen(index, index + 1));
        if known && !compound {
            out.push((index, index + 1));
            added = true;
        }
    }
    if added {
        out.sort_unstable();
    }
}

/// The end of the person name `start..end` after the completions of [`person_ranges`].
fn complete_name(
    sequence: &Sequence,
    tags: &[u8],
    pieces: &[Piece],
    text: &str,
    start: usize,
    mut end: usize,
) -> usize {
    let same_sentence =
        |at: usize| at < pieces.len() && sequence.sentences[at] == sequence.sentences[start];
    // Only the space between two pieces (at most one blank).
    let close = |left: usize, right: usize| {
        let gap = pieces[right]
            .span
            .start
            .saturating_sub(pieces[left].span.end);
        gap <= 1
            && text
                .get(pieces[left].span.end as usize..pieces[right].span.start as usize)
                .is_some_and(|between| between.chars().all(|c| c == ' ' || c == '-'))
    };
    // Particles followed by a capitalised word (not tagged as another name type).
    let mut at = end;
    if same_sentence(at) && PARTICLES.contains(&sequence.text(at)) && close(at - 1, at) {
        at += 1;
        if same_sentence(at)
            && matches!(sequence.text(at - 1), "von" | "van" | "de")
            && PARTICLE_ARTICLES.contains(&sequence.text(at))
            && close(at - 1, at)
        {
            at += 1;
        }
        if same_sentence(at) && sequence.text(at) == "-" {
            at += 1;
        }
    }
    if at > end
        && same_sentence(at)
        && close(at - 1, at)
        && sequence.cues[at] & CAPITALIZED != 0
        && sequence.cues[at] & (KB_OTHER | PLACE) == 0
        && matches!(tags[at], TAG_O | TAG_B)
    {
        end = at + 1;
    }
    // A final initial or regnal numeral takes its full stop.
    let last = sequence.text(end - 1);
    let initial = last.chars().count() == 1 && last.chars().all(char::is_uppercase);
    if (initial || (end - start > 1 && NUMERALS.contains(&last)))
        && same_sentence(end)
        && sequence.text(end) == "."
        && close(end - 1, end)
    {
        end += 1;
    }
    end
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
    fn tag_set() {
        assert_eq!(tag_of(TYPE_PER, false), TAG_B);
        assert_eq!(tag_of(TYPE_PER, true), TAG_I);
        assert_eq!(tag_of(TYPE_OTH, true), TAG_I_OTH);
        assert_eq!(tag_of(0, true), TAG_O);
        assert!(allowed(TAG_B, TAG_I) && allowed(TAG_I, TAG_I) && allowed(TAG_O, TAG_B_LOC));
        assert!(!allowed(TAG_O, TAG_I) && !allowed(TAG_B_LOC, TAG_I) && !allowed(TAG_I, TAG_I_ORG));
        assert!(allowed(TAG_B_ORG, TAG_I_ORG) && allowed(TAG_I_LOC, TAG_B));
    }

    /// A hand-made sequence of capitalised words (cue bits from `capitalised`).
    fn toy_sequence(words: &[&str], capitalised: &[bool]) -> Sequence {
        let mut sequence = Sequence::default();
        for (word, &capital) in words.iter().zip(capitalised) {
            let start = sequence.buffer.len();
            sequence.buffer.push_str(word);
            let middle = sequence.buffer.len();
            sequence.buffer.push_str(&word.to_lowercase());
            sequence.texts.push((start, middle));
            sequence.lowers.push((middle, sequence.buffer.len()));
            sequence.shapes.push(shape_of(word));
            sequence.cues.push(if capital { CAPITALIZED } else { 0 });
            sequence.bands.push(0);
            sequence.spellings.push(0);
            sequence.sentences.push(0);
        }
        sequence
    }

    #[test]
    fn structured_training_learns_a_context_and_decoding_keeps_the_constraints() {
        let names = ["Quendler", "Brunnhuber", "Wurzacher", "Tallinger"];
        let mut examples = Vec::new();
        for name in names {
            let words = ["Gestern", "sagte", "Frau", name, "nichts"];
            let sequence = toy_sequence(&words, &[true, false, true, true, false]);
            examples.push((sequence, vec![TAG_O, TAG_O, TAG_O, TAG_B, TAG_O]));
            let words = ["Die", "Stadt", name, "wuchs"];
            let sequence = toy_sequence(&words, &[true, true, true, false]);
            examples.push((sequence, vec![TAG_O, TAG_O, TAG_B_LOC, TAG_O]));
        }
        let mut tagger = PersonTagger::new(Vec::new());
        tagger.train(&examples, 5);
        // An unseen name after the learnt contexts.
        let person = toy_sequence(
            &["Gestern", "sagte", "Frau", "Okonkwo", "nichts"],
            &[true, false, true, true, false],
        );
        assert_eq!(tagger.tag(&person)[3], TAG_B);
        let place = toy_sequence(
            &["Die", "Stadt", "Okonkwo", "wuchs"],
            &[true, true, true, false],
        );
        assert_eq!(tagger.tag(&place)[2], TAG_B_LOC);
        // Whatever the weights, a lowercase piece never starts a person name and no
        // continuation follows an outside tag.
        let lower = toy_sequence(&["sagte", "frau", "okonkwo"], &[false, false, false]);
        let tags = tagger.tag(&lower);
        assert!(tags.iter().all(|&tag| tag != TAG_B));
        for pair in tags.windows(2) {
            assert!(allowed(pair[0], pair[1]), "{tags:?}");
        }
    }

    #[test]
    fn averaged_taggers() {
        let mut first = PersonTagger::new(Vec::new());
        let mut second = PersonTagger::new(Vec::new());
        first.weights[TAGS + 1] = 1.0;
        second.weights[TAGS + 1] = 3.0;
        second.weights[2 * TAGS + 4] = 2.0;
        let mut all_types = first.clone();
        all_types.average(std::slice::from_ref(&second));
        assert_eq!(all_types.stride, TAGS);
        assert_eq!(all_types.weights[TAGS + 1], 2.0);
        assert_eq!(all_types.weights[2 * TAGS + 4], 1.0);
        // Persons-only taggers keep 3 weights per bucket.
        first.set_all_types(false);
        second.set_all_types(false);
        first.average(&[second]);
        assert_eq!(first.stride, 3);
        assert_eq!(first.weights[3 + 1], 2.0);
        assert_eq!(first.expanded_weights()[TAGS + 1], 2.0);
        assert_eq!(first.expanded_weights()[2 * TAGS + 4], 0.0);
    }

    #[test]
    fn committed_model_decodes_persons_only() {
        let tagger = PersonTagger::embedded().expect("committed model");
        assert_eq!((tagger.active, tagger.stride), (3, 3));
        assert_eq!(tagger.weights.len(), (1 << tagger.bits) * 3);
    }

    #[test]
    fn spelling_model_generalises_from_lists_and_survives_a_round_trip() {
        let mut lexicon = Vec::new();
        for name in [
            "petrow", "iwanow", "smirnow", "sokolow", "popow", "lebedew", "kusnezow", "wolkow",
        ] {
            lexicon.push((name.to_string(), 0, LEXICON_FAMILY));
        }
        for noun in [
            "regierung",
            "zeitung",
            "wohnung",
            "ordnung",
            "rechnung",
            "meinung",
            "leitung",
            "heizung",
        ] {
            lexicon.push((noun.to_string(), 0, LEXICON_NOUN));
        }
        lexicon.push(("bäckerin".to_string(), 0, LEXICON_PERSON_NOUN));
        let tagger = PersonTagger::new(lexicon);
        // Unseen words: a surname-like and a noun-like one.
        assert!(tagger.name_likeness("Orlow") > 0.0);
        assert!(tagger.name_likeness("Haltung") < 0.0);
        assert!(tagger.spelling.bucket("orlow") > tagger.spelling.bucket("haltung"));
        let back =
            PersonTagger::from_bytes(&tagger.to_bytes().expect("serialise")).expect("deserialise");
        assert!((back.name_likeness("Orlow") - tagger.name_likeness("Orlow")).abs() < 0.05);
        // Person nouns, also as the head of a compound, but not any suffix.
        let info = |word: &str| tagger.lexicon.get(word).copied().unwrap_or_default();
        assert!(tagger.is_person_noun("bäckerin", info("bäckerin")));
        assert!(tagger.is_person_noun("dorfbäckerin", info("dorfbäckerin")));
        assert!(!tagger.is_person_noun("kerin", info("kerin")));
        assert!(!tagger.is_person_noun("zeitung", info("zeitung")));
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
