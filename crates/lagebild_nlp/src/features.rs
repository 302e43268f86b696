//! Feature extraction for the taggers.
//!
//! [`SentenceFeatures`] computes the word-local features of a sentence once (form,
//! lowercase, affixes, shape, lexicon evidence); [`SentenceFeatures::at`] adds the
//! context (neighbour words, previous labels) for one position. Buffers are reused
//! between sentences, so tagging allocates nothing per token here.

use crate::lexicon::Lexicon;
use crate::perceptron::FeatureHasher;

const BOUNDARY: u64 = 0x0bad_cafe;

/// Feature templates: every feature hash starts from one of these ids.
mod template {
    pub const BIAS: u8 = 0;
    pub const FORM: u8 = 1;
    pub const LOWER: u8 = 2;
    pub const SUFFIX: u8 = 3;
    pub const PREFIX: u8 = 4;
    pub const SHAPE: u8 = 5;
    pub const FIRST_CAPITAL: u8 = 6;
    pub const LEX_EDIT: u8 = 7;
    pub const LEX_LEMMA_END: u8 = 8;
    pub const LEX_NOUN: u8 = 9;
    pub const LEX_BAND: u8 = 10;
    pub const LEX_INFINITIVE_MINUS_N: u8 = 11;
    pub const LEX_UNKNOWN: u8 = 12;
    pub const LEX_LOWER_EDIT: u8 = 13;
    pub const PREV_WORD: u8 = 20;
    pub const NEXT_WORD: u8 = 21;
    pub const PREV2_WORD: u8 = 22;
    pub const NEXT2_WORD: u8 = 23;
    pub const PREV_SUFFIX: u8 = 24;
    pub const NEXT_SUFFIX: u8 = 25;
    pub const PREV_LABEL: u8 = 30;
    pub const PREV2_LABEL: u8 = 31;
    pub const PREV_LABELS: u8 = 32;
    pub const PREV_LABEL_WORD: u8 = 33;
    pub const CONTEXT_HERE: u8 = 40;
    pub const CONTEXT_PREV: u8 = 41;
    pub const CONTEXT_NEXT: u8 = 42;
    pub const CONTEXT_HERE_SUFFIX: u8 = 43;
    pub const CONTEXT_PREV_HERE: u8 = 44;
    pub const LEX_KONJ: u8 = 45;
    pub const CONTEXT_WINDOW_PRONOUN: u8 = 46;
    pub const CONTEXT_PREV2: u8 = 47;
    pub const CONTEXT_NEXT2: u8 = 48;
    pub const CONTEXT_NEXT_VERBAL: u8 = 49;
    pub const CONTEXT_PREV_VERBAL: u8 = 50;
    pub const CONTEXT_NEXT_VERBAL_WORD: u8 = 51;
    pub const CONTEXT_NEXT_WORD: u8 = 52;
    pub const CONTEXT_PREV_NEXT: u8 = 53;
    pub const COMPOUND_HEAD: u8 = 54;
    pub const KONJ_WITH_ICH: u8 = 55;
    pub const PREV_WORD_HERE: u8 = 56;
    pub const CLAUSE_POSITION: u8 = 58;
    pub const HERE_NEXT_WORD: u8 = 57;
    pub const NAME_CLASS: u8 = 59;
    pub const NAME_CLASS_PREV: u8 = 60;
    pub const NAME_CLASS_NEXT: u8 = 61;
    pub const CLAUSE_SUMMARY: u8 = 62;
    pub const CLAUSE_SUMMARY_WORD: u8 = 63;
    pub const GOVERNOR: u8 = 64;
    pub const GOVERNOR_SUFFIX: u8 = 65;
    pub const NP_DETERMINER: u8 = 66;
    pub const NP_DETERMINER_SUFFIX: u8 = 67;
    pub const NP_DETERMINER_LABEL: u8 = 68;
    pub const CASE_CLAUSE: u8 = 69;
    pub const CASE_CLAUSE_LABEL: u8 = 70;
    pub const CASE_CLAUSE_SUFFIX: u8 = 71;
    pub const CASE_CLAUSE_VERB: u8 = 72;
    pub const CASE_OWN_WORD: u8 = 73;
    pub const TITLE_CASE: u8 = 74;
}

/// Labels of an earlier tagging pass over the whole sentence, with the nearest verbal
/// label to the left and right of each position inside its clause (`u16::MAX` = none).
#[derive(Clone, Debug, Default)]
pub struct Context {
    pub labels: Vec<u16>,
    pub prev_verbal: Vec<u16>,
    pub next_verbal: Vec<u16>,
    /// Tokens since the last clause boundary (capped), and whether one follows directly.
    pub clause_position: Vec<u8>,
    /// Classes of the other tokens of the clause, or-ed (see [`Context::with_classes`]).
    pub clause_summary: Vec<u8>,
    /// Per position, the preposition governing its noun phrase and the nearest
    /// determiner before it in the phrase (`u32::MAX` = none); empty unless
    /// [`Context::add_governors`] was called.
    pub governor: Vec<u32>,
    pub determiner: Vec<u32>,
    /// Per position, the cases an earlier pass gave the other nouns, names and
    /// pronouns of its clause (2 bits per case: Nom, Acc, Dat, Gen; count capped at 2)
    /// and, in bits 8-10, its own case (0 = none); empty when there is no such pass.
    pub case_bits: Vec<u16>,
}

impl Context {
    /// `kind(label)`: 1 = verbal, 2 = clause boundary (punctuation, subordinating conjunction),
    /// 3 = coordinating conjunction (a boundary except for `clause_summary`), 0 = other.
    /// `class(label)` gives bits (participle, infinitive,
    /// predicative adjective, noun, preposition, "zu", ...) that are or-ed over each clause
    /// (without the position itself) into `clause_summary`.
    pub fn with_classes(
        labels: Vec<u16>,
        kind: impl Fn(u16) -> u8,
        class: impl Fn(u16) -> u8,
    ) -> Context {
        let mut clause_summary = vec![0u8; labels.len()];
        let mut start = 0;
        for end in 0..=labels.len() {
            // Coordination ("destabilisieren und ... bedrohen") shares the finite verb:
            // it does not end the clause here.
            let boundary = labels.get(end).is_none_or(|&label| kind(label) == 2);
            if !boundary {
                continue;
            }
            // Per bit, how many tokens of the clause have it; a position sees the bits
            // that some other token has.
            let mut counts = [0u16; 8];
            for &label in &labels[start..end] {
                let bits = class(label);
                for (bit, count) in counts.iter_mut().enumerate() {
                    *count += u16::from(bits >> bit & 1);
                }
            }
            for (&label, slot) in labels[start..end]
                .iter()
                .zip(clause_summary[start..end].iter_mut())
            {
                let own = class(label);
                *slot = counts
                    .iter()
                    .enumerate()
                    .filter(|&(bit, &count)| count > u16::from(own >> bit & 1))
                    .fold(0u8, |bits, (bit, _)| bits | 1 << bit);
            }
            start = end + 1;
        }
        let mut prev_verbal = vec![u16::MAX; labels.len()];
        let mut next_verbal = vec![u16::MAX; labels.len()];
        let mut clause_position = vec![0u8; labels.len()];
        let mut since = 0u8;
        for (index, &label) in labels.iter().enumerate() {
            clause_position[index] = since.min(5);
            since = if matches!(kind(label), 2 | 3) {
                0
            } else {
                since.saturating_add(1)
            };
            let boundary_next = labels
                .get(index + 1)
                .is_none_or(|&next| matches!(kind(next), 2 | 3));
            if boundary_next {
                clause_position[index] |= 8;
            }
        }
        let mut last = u16::MAX;
        for (index, &label) in labels.iter().enumerate() {
            prev_verbal[index] = last;
            match kind(label) {
                1 => last = label,
                2 | 3 => last = u16::MAX,
                _ => {}
            }
        }
        last = u16::MAX;
        for (index, &label) in labels.iter().enumerate().rev() {
            next_verbal[index] = last;
            match kind(label) {
                1 => last = label,
                2 | 3 => last = u16::MAX,
                _ => {}
            }
        }
        Context {
            labels,
            prev_verbal,
            next_verbal,
            clause_position,
            clause_summary,
            governor: Vec::new(),
            determiner: Vec::new(),
            case_bits: Vec::new(),
        }
    }

    /// Fills [`Context::governor`] and [`Context::determiner`]. `role(label)`: 1 =
    /// preposition, 2 = determiner, 3 = inside a noun phrase (adjective, adverb,
    /// number), 4 = noun, name or pronoun, 0 = anything else. A position's governor is
    /// the preposition reached walking left over roles 2 and 3 (at most 6 tokens); its
    /// determiner is the nearest role 2 reached walking left over role 3.
    pub fn add_governors(&mut self, role: impl Fn(u16) -> u8) {
        let roles: Vec<u8> = self.labels.iter().map(|&label| role(label)).collect();
        self.governor = vec![u32::MAX; roles.len()];
        self.determiner = vec![u32::MAX; roles.len()];
        for index in 0..roles.len() {
            let mut determiner_open = true;
            for earlier in (index.saturating_sub(6)..index).rev() {
                match roles[earlier] {
                    1 => {
                        self.governor[index] = earlier as u32;
                        break;
                    }
                    2 => {
                        if determiner_open {
                            self.determiner[index] = earlier as u32;
                            determiner_open = false;
                        }
                    }
                    3 => {}
                    _ => break,
                }
            }
        }
    }
}

/// Per-sentence feature buffers, reusable across sentences.
#[derive(Default)]
pub struct SentenceFeatures {
    local: Vec<u64>,
    offsets: Vec<usize>,
    lower: Vec<u64>,
    suffix: Vec<u64>,
    /// Capitalisation and gazetteer class per position (see `name_class`).
    class: Vec<u64>,
    konj_candidate: Vec<bool>,
    lower_buffer: String,
    /// Most longer words after the first are capitalised: a headline or title in title
    /// case, where a capital says little about names.
    title_case: bool,
    /// Whether to give title-case features at all (English: they gained 0.04-0.11
    /// UPOS points on EWT, GUM and PUD; German, whose nouns are capitalised, lost Case
    /// and Mood accuracy in CV).
    pub title_case_features: bool,
}

fn shape(word: &str) -> String {
    let mut out = String::with_capacity(8);
    let mut last = '\0';
    let mut repeat = 0;
    for ch in word.chars() {
        let class = if ch.is_uppercase() {
            'X'
        } else if ch.is_lowercase() {
            'x'
        } else if ch.is_ascii_digit() {
            'd'
        } else if ch.is_alphabetic() {
            'a'
        } else {
            ch
        };
        if class == last {
            repeat += 1;
            if repeat >= 2 {
                continue;
            }
        } else {
            repeat = 0;
        }
        last = class;
        out.push(class);
    }
    out
}

fn char_suffix(word: &str, chars: usize) -> Option<&str> {
    let count = word.chars().count();
    if count <= chars {
        return None;
    }
    word.char_indices()
        .nth(count - chars)
        .map(|(index, _)| &word[index..])
}

fn char_prefix(word: &str, chars: usize) -> Option<&str> {
    if word.chars().count() <= chars {
        return None;
    }
    word.char_indices()
        .nth(chars)
        .map(|(index, _)| &word[..index])
}

impl SentenceFeatures {
    /// Computes the word-local features of `forms`.
    pub fn prepare<S: AsRef<str>>(&mut self, forms: &[S], lexicon: &Lexicon) {
        self.local.clear();
        self.offsets.clear();
        self.lower.clear();
        self.suffix.clear();
        self.class.clear();
        self.konj_candidate.clear();
        for (position, form) in forms.iter().enumerate() {
            let form = form.as_ref();
            self.offsets.push(self.local.len());
            let mut lower = std::mem::take(&mut self.lower_buffer);
            lower.clear();
            for ch in form.chars() {
                lower.extend(ch.to_lowercase());
            }
            let local = &mut self.local;
            let mut push = |hash: FeatureHasher| local.push(hash.finish());
            push(FeatureHasher::new(template::BIAS));
            push(FeatureHasher::new(template::FORM).str(form));
            push(FeatureHasher::new(template::LOWER).str(&lower));
            for chars in 1..=5 {
                if let Some(suffix) = char_suffix(&lower, chars) {
                    push(
                        FeatureHasher::new(template::SUFFIX)
                            .num(chars as u64)
                            .str(suffix),
                    );
                }
            }
            for chars in 1..=3 {
                if let Some(prefix) = char_prefix(&lower, chars) {
                    push(
                        FeatureHasher::new(template::PREFIX)
                            .num(chars as u64)
                            .str(prefix),
                    );
                }
            }
            push(FeatureHasher::new(template::SHAPE).str(&shape(form)));
            let capital = form.chars().next().is_some_and(char::is_uppercase);
            push(
                FeatureHasher::new(template::FIRST_CAPITAL)
                    .num(u64::from(capital) + 2 * u64::from(position == 0)),
            );
            let lexicon_feature =
                |template: u8, word: &str, push: &mut dyn FnMut(FeatureHasher)| {
                    match lexicon.get(word) {
                        Some(entry) => {
                            if let Some(lemma) = lexicon.lemma(entry) {
                                let (strip, suffix) = crate::lexicon::edit_script(word, lemma);
                                push(FeatureHasher::new(template).num(strip as u64).str(suffix));
                                let lemma_capital =
                                    lemma.chars().next().is_some_and(char::is_uppercase);
                                let end = char_suffix(lemma, 2).unwrap_or(lemma);
                                push(
                                    FeatureHasher::new(template::LEX_LEMMA_END)
                                        .num(u64::from(lemma_capital))
                                        .str(end),
                                );
                            }
                            push(FeatureHasher::new(template::LEX_NOUN).num(
                                u64::from(entry.noun)
                                    + 2 * u64::from(entry.place)
                                    + 4 * u64::from(entry.name),
                            ));
                            push(FeatureHasher::new(template::LEX_BAND).num(u64::from(entry.band)));
                        }
                        None => {
                            // Punctuation is never in the lexicon: keep unknown words apart from it.
                            let class = if word.chars().any(char::is_alphabetic) {
                                1
                            } else {
                                2
                            };
                            push(
                                FeatureHasher::new(template::LEX_UNKNOWN)
                                    .num(u64::from(template))
                                    .num(class),
                            );
                        }
                    }
                };
            lexicon_feature(template::LEX_EDIT, form, &mut push);
            if lower != form {
                lexicon_feature(template::LEX_LOWER_EDIT, &lower, &mut push);
            }
            // A capitalised word the lexicon does not know as a noun may be a compound
            // whose head it knows ("Atomprogramm" -> "Programm").
            if capital && !lexicon.get(form).is_some_and(|entry| entry.noun) {
                let chars: Vec<(usize, char)> = form.char_indices().collect();
                let mut head = String::with_capacity(form.len() + 2);
                let inner = chars.len().saturating_sub(2);
                for &(offset, first) in chars.get(3..inner).unwrap_or(&[]) {
                    if !first.is_alphabetic() {
                        continue;
                    }
                    head.clear();
                    head.extend(first.to_uppercase());
                    head.push_str(&form[offset + first.len_utf8()..]);
                    if let Some(entry) = lexicon.get(&head).filter(|entry| entry.noun) {
                        push(
                            FeatureHasher::new(template::COMPOUND_HEAD).num(u64::from(entry.band)),
                        );
                        if let Some(suffix) = char_suffix(&lower, 3) {
                            push(FeatureHasher::new(template::COMPOUND_HEAD).str(suffix));
                        }
                        break;
                    }
                }
            }
            // Capitalised mid-sentence and known as a common noun, a place or a person's
            // name: the PROPN/NOUN evidence, alone and next to the neighbours' classes.
            let class = {
                let entry = lexicon.get(form);
                let lower_entry = if lower != form {
                    lexicon.get(&lower)
                } else {
                    None
                };
                u64::from(capital)
                    | u64::from(position == 0) << 1
                    | u64::from(entry.is_some_and(|entry| entry.noun)) << 2
                    | u64::from(entry.is_some_and(|entry| entry.place)) << 3
                    | u64::from(entry.is_some_and(|entry| entry.name)) << 4
                    | u64::from(lower_entry.is_some_and(|entry| entry.has_lemma())) << 5
                    | u64::from(form.chars().all(|ch| !ch.is_lowercase())) << 6
            };
            push(FeatureHasher::new(template::NAME_CLASS).num(class));
            self.class.push(class);
            // German subjunctive I (3rd singular) is the infinitive minus its final n:
            // "verstoße" <- "verstoßen", "sei" <- "sein". Ask the lexicon whether
            // form + "n" is an infinitive that lemmatises to itself.
            let mut konj_candidate = false;
            if lower.ends_with('e') || lower == "sei" {
                let mut infinitive = String::with_capacity(lower.len() + 1);
                infinitive.push_str(&lower);
                infinitive.push('n');
                if lexicon.lemma_of(&infinitive) == Some(infinitive.as_str()) {
                    push(FeatureHasher::new(template::LEX_INFINITIVE_MINUS_N));
                    konj_candidate = true;
                    if let Some(stem) = char_suffix(&lower, 3) {
                        push(FeatureHasher::new(template::LEX_KONJ).str(stem));
                    }
                }
            }
            self.konj_candidate.push(konj_candidate);
            self.lower.push(FeatureHasher::new(0).str(&lower).finish());
            self.suffix.push(
                FeatureHasher::new(0)
                    .str(char_suffix(&lower, 3).unwrap_or(&lower))
                    .finish(),
            );
            self.lower_buffer = lower;
        }
        self.offsets.push(self.local.len());
        let (mut long, mut capitalised) = (0usize, 0usize);
        for form in forms.iter().skip(1) {
            let form = form.as_ref();
            if form.chars().count() >= 4 && form.chars().all(char::is_alphabetic) {
                long += 1;
                capitalised += usize::from(form.chars().next().is_some_and(char::is_uppercase));
            }
        }
        self.title_case = self.title_case_features && long >= 2 && capitalised * 4 >= long * 3;
    }

    /// All features of position `index`: the local ones plus neighbours and the labels
    /// of the two previous positions (`prev`, `prev2`, label ids + 1, 0 = boundary).
    /// `context` carries labels of another model (the first tagger) for all positions.
    pub fn at(
        &self,
        index: usize,
        prev: u64,
        prev2: u64,
        context: Option<&Context>,
        out: &mut Vec<u64>,
    ) {
        out.clear();
        let (Some(&start), Some(&end)) = (self.offsets.get(index), self.offsets.get(index + 1))
        else {
            return;
        };
        out.extend_from_slice(&self.local[start..end]);
        let word = |offset: isize| -> u64 {
            let position = index as isize + offset;
            if position < 0 {
                BOUNDARY
            } else {
                self.lower
                    .get(position as usize)
                    .copied()
                    .unwrap_or(BOUNDARY + 1)
            }
        };
        let suffix = |offset: isize| -> u64 {
            let position = index as isize + offset;
            if position < 0 {
                BOUNDARY
            } else {
                self.suffix
                    .get(position as usize)
                    .copied()
                    .unwrap_or(BOUNDARY + 1)
            }
        };
        out.push(
            FeatureHasher::new(template::PREV_WORD)
                .num(word(-1))
                .finish(),
        );
        out.push(
            FeatureHasher::new(template::NEXT_WORD)
                .num(word(1))
                .finish(),
        );
        out.push(
            FeatureHasher::new(template::PREV2_WORD)
                .num(word(-2))
                .finish(),
        );
        out.push(
            FeatureHasher::new(template::NEXT2_WORD)
                .num(word(2))
                .finish(),
        );
        out.push(
            FeatureHasher::new(template::PREV_WORD_HERE)
                .num(word(-1))
                .num(word(0))
                .finish(),
        );
        out.push(
            FeatureHasher::new(template::HERE_NEXT_WORD)
                .num(word(0))
                .num(word(1))
                .finish(),
        );
        out.push(
            FeatureHasher::new(template::PREV_SUFFIX)
                .num(suffix(-1))
                .finish(),
        );
        out.push(
            FeatureHasher::new(template::NEXT_SUFFIX)
                .num(suffix(1))
                .finish(),
        );
        out.push(FeatureHasher::new(template::PREV_LABEL).num(prev).finish());
        out.push(
            FeatureHasher::new(template::PREV2_LABEL)
                .num(prev2)
                .finish(),
        );
        out.push(
            FeatureHasher::new(template::PREV_LABELS)
                .num(prev)
                .num(prev2)
                .finish(),
        );
        out.push(
            FeatureHasher::new(template::PREV_LABEL_WORD)
                .num(prev)
                .num(word(0))
                .finish(),
        );
        let class = |offset: isize| -> u64 {
            let position = index as isize + offset;
            if position < 0 {
                0xff
            } else {
                self.class.get(position as usize).copied().unwrap_or(0xfe)
            }
        };
        out.push(
            FeatureHasher::new(template::NAME_CLASS_PREV)
                .num(class(-1))
                .num(class(0))
                .finish(),
        );
        out.push(
            FeatureHasher::new(template::NAME_CLASS_NEXT)
                .num(class(0))
                .num(class(1))
                .finish(),
        );
        if self.title_case {
            out.push(
                FeatureHasher::new(template::TITLE_CASE)
                    .num(class(0))
                    .finish(),
            );
            out.push(
                FeatureHasher::new(template::TITLE_CASE)
                    .num(class(0))
                    .num(word(0))
                    .finish(),
            );
        }
        if self.konj_candidate.get(index).copied().unwrap_or(false) {
            // "habe" is indicative after "ich", subjunctive I in reported speech.
            let ich = FeatureHasher::new(0).str("ich").finish();
            let near = (-4isize..=2).any(|offset| offset != 0 && word(offset) == ich);
            out.push(
                FeatureHasher::new(template::KONJ_WITH_ICH)
                    .num(u64::from(near))
                    .finish(),
            );
        }
        if let Some(context) = context {
            let label = |offset: isize| -> u64 {
                let position = index as isize + offset;
                if position < 0 {
                    0
                } else {
                    context
                        .labels
                        .get(position as usize)
                        .map_or(0xffff, |&label| u64::from(label) + 1)
                }
            };
            let next_verbal = context
                .next_verbal
                .get(index)
                .map_or(0, |&label| u64::from(label));
            let prev_verbal = context
                .prev_verbal
                .get(index)
                .map_or(0, |&label| u64::from(label));
            out.push(
                FeatureHasher::new(template::CONTEXT_PREV2)
                    .num(label(-2))
                    .finish(),
            );
            out.push(
                FeatureHasher::new(template::CONTEXT_NEXT2)
                    .num(label(2))
                    .finish(),
            );
            out.push(
                FeatureHasher::new(template::CONTEXT_NEXT_VERBAL)
                    .num(next_verbal)
                    .finish(),
            );
            out.push(
                FeatureHasher::new(template::CONTEXT_PREV_VERBAL)
                    .num(prev_verbal)
                    .finish(),
            );
            out.push(
                FeatureHasher::new(template::CONTEXT_NEXT_VERBAL_WORD)
                    .num(next_verbal)
                    .num(word(0))
                    .finish(),
            );
            out.push(
                FeatureHasher::new(template::CONTEXT_NEXT_WORD)
                    .num(label(1))
                    .num(word(0))
                    .finish(),
            );
            out.push(
                FeatureHasher::new(template::CONTEXT_PREV_NEXT)
                    .num(label(-1))
                    .num(label(1))
                    .finish(),
            );
            let clause = context
                .clause_position
                .get(index)
                .map_or(0, |&position| u64::from(position));
            out.push(
                FeatureHasher::new(template::CLAUSE_POSITION)
                    .num(clause)
                    .num(label(0))
                    .finish(),
            );
            out.push(
                FeatureHasher::new(template::CLAUSE_POSITION)
                    .num(clause)
                    .num(prev_verbal)
                    .finish(),
            );
            let summary = context
                .clause_summary
                .get(index)
                .map_or(0, |&bits| u64::from(bits));
            out.push(
                FeatureHasher::new(template::CLAUSE_SUMMARY)
                    .num(summary)
                    .num(label(0))
                    .finish(),
            );
            out.push(
                FeatureHasher::new(template::CLAUSE_SUMMARY_WORD)
                    .num(summary)
                    .num(word(0))
                    .finish(),
            );
            out.push(
                FeatureHasher::new(template::CONTEXT_HERE)
                    .num(label(0))
                    .finish(),
            );
            let at = |position: Option<&u32>| -> Option<isize> {
                position
                    .filter(|&&position| position != u32::MAX)
                    .map(|&position| position as isize - index as isize)
            };
            if let Some(&bits) = context.case_bits.get(index) {
                let (others, own) = (u64::from(bits & 0xff), u64::from(bits >> 8));
                out.push(
                    FeatureHasher::new(template::CASE_CLAUSE)
                        .num(others)
                        .num(own)
                        .finish(),
                );
                out.push(
                    FeatureHasher::new(template::CASE_CLAUSE_LABEL)
                        .num(others)
                        .num(own)
                        .num(label(0))
                        .finish(),
                );
                out.push(
                    FeatureHasher::new(template::CASE_CLAUSE_SUFFIX)
                        .num(others)
                        .num(suffix(0))
                        .finish(),
                );
                out.push(
                    FeatureHasher::new(template::CASE_CLAUSE_VERB)
                        .num(others)
                        .num(own)
                        .num(prev_verbal)
                        .num(next_verbal)
                        .finish(),
                );
                out.push(
                    FeatureHasher::new(template::CASE_OWN_WORD)
                        .num(own)
                        .num(word(0))
                        .finish(),
                );
            }
            if !context.governor.is_empty() {
                let governor = at(context.governor.get(index)).map_or(0, &word);
                out.push(
                    FeatureHasher::new(template::GOVERNOR)
                        .num(governor)
                        .num(label(0))
                        .finish(),
                );
                out.push(
                    FeatureHasher::new(template::GOVERNOR_SUFFIX)
                        .num(governor)
                        .num(suffix(0))
                        .finish(),
                );
                let determiner = at(context.determiner.get(index));
                let determiner_word = determiner.map_or(0, &word);
                out.push(
                    FeatureHasher::new(template::NP_DETERMINER)
                        .num(determiner_word)
                        .num(governor)
                        .finish(),
                );
                out.push(
                    FeatureHasher::new(template::NP_DETERMINER_SUFFIX)
                        .num(determiner_word)
                        .num(suffix(0))
                        .finish(),
                );
                out.push(
                    FeatureHasher::new(template::NP_DETERMINER_LABEL)
                        .num(determiner_word)
                        .num(label(0))
                        .finish(),
                );
            }
            out.push(
                FeatureHasher::new(template::CONTEXT_PREV)
                    .num(label(-1))
                    .finish(),
            );
            out.push(
                FeatureHasher::new(template::CONTEXT_NEXT)
                    .num(label(1))
                    .finish(),
            );
            out.push(
                FeatureHasher::new(template::CONTEXT_HERE_SUFFIX)
                    .num(label(0))
                    .num(suffix(0))
                    .finish(),
            );
            out.push(
                FeatureHasher::new(template::CONTEXT_PREV_HERE)
                    .num(label(-1))
                    .num(label(0))
                    .finish(),
            );
            out.push(
                FeatureHasher::new(template::CONTEXT_WINDOW_PRONOUN)
                    .num(label(-1))
                    .num(word(-1))
                    .finish(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_compress_runs() {
        assert_eq!(shape("Nato-Gipfel"), "Xxx-Xxx");
        assert_eq!(shape("2024"), "dd");
        assert_eq!(shape("U.S."), "X.X.");
    }

    #[test]
    fn affixes_count_chars() {
        assert_eq!(char_suffix("Größe", 3), Some("öße"));
        assert_eq!(char_suffix("ab", 2), None);
        assert_eq!(char_prefix("Größe", 3), Some("Grö"));
    }
}
