//! Universal Dependencies parsing for German and English.
//!
//! [`Parser::parse`] reads the forms, lemmas, tags and features of one sentence's tokens
//! (filled by the tagger of `lagebild_nlp`) and fills their `head` (0-based index within
//! the sentence, `None` for the root) and `deprel` (UD relation with subtype).
//!
//! # How it works
//! A transition-based parser: the arc-hybrid system (`system.rs`) searched with a beam
//! (`beam.rs`, width 4, stored in the model) over about 150 hashed feature templates of
//! stack, buffer and children (`features.rs`: words, lemmas, UPOS, reduced fine tags,
//! case, verb form, person and number, suffixes, distances, commas between, valency,
//! labels of children, determiner forms, preposition-noun pairs for PP attachment). The
//! transition model is a globally trained averaged perceptron (beam search with
//! max-violation updates against the static oracle's derivation of the projectivised
//! gold tree; with width 1, training falls back to greedy with a dynamic oracle). Each
//! arc is labelled when it is made by a second perceptron that sees the dependent's
//! complete subtree (its preposition, conjunction, determiner), the labels the head
//! already has, agreement with the head and the words after the head. After parsing,
//! heads with two subjects or two direct objects have their core arguments relabelled
//! jointly from the label scores (`core.rs`). German fine tags are reduced STTS classes
//! that both STTS and UD German PUD's tag set map to (`attributes.rs`), and German
//! contractions ("zum") are one token as the segmenter leaves them. Then German
//! post-corrections (`de.rs`): a nominative `nmod` after an object becomes the verb's
//! missing subject, a second nominal subject of a verb in the accusative or dative
//! becomes `obj`/`iobj`, bare dative objects of verbs become `iobj` (the German
//! treebanks say `obl:arg`), the `obj` of a passive clause without subject becomes
//! `nsubj:pass`, an `obj` that can only be dative ("den Regeln"), the one object of a
//! dative verb ("Andy gratulieren") and an accusative-or-dative pronoun before a further
//! object of a verb taking both ("uns ein Angebot unterbreiten") become `iobj`, what
//! "es gibt" gives is its object whether `es` is read as subject or expletive, and a
//! nominative attached as `parataxis`/`dep` (often a quoted noun) to a verb without
//! subject becomes its subject. German case (`case.rs`): determiners,
//! pronouns, adjective endings and dative plural forms ("Kindern"; "Forderungen" after
//! `den`) give each noun phrase a set of possible cases; the
//! templates read it beside the tagger's single guess, and the post-corrections use the
//! tagger's case corrected by it (`dem` is dative whatever the tagger said).
//!
//! Models (`models/<lang>.lbdp.gz`, format in `model.rs`) are embedded with
//! `include_bytes!` and decoded once, on first use ([`Parser::embedded`]). They are
//! written by `cargo run --release -p lagebild_depparse --example train_depparse` and scored by
//! [`evaluate`] / [`cross_validate`] (`--example eval`; `--example eval_predicted` and
//! `--example jackknife` with `--features tagger` use `lagebild_nlp`'s tags).
//!
//! ```
//! use lagebild_doc::{Lang, Span, Token, Upos};
//! use lagebild_depparse::Parser;
//! let text = "Nato warnt Russland";
//! let mut tokens: Vec<Token> = [(0, 4, Upos::Propn), (5, 10, Upos::Verb), (11, 19, Upos::Propn)]
//!     .into_iter()
//!     .map(|(start, end, upos)| Token { span: Span::new(start, end), upos, ..Token::default() })
//!     .collect();
//! if let Some(parser) = Parser::embedded(Lang::De) {
//!     parser.parse(text, &mut tokens);
//!     assert_eq!(tokens.iter().filter(|token| token.head.is_none()).count(), 1);
//! }
//! ```
//!
//! # Guarantees
//! `parse` never panics and always yields one tree: exactly one token without head
//! (labelled `root`), every other head in range, no cycles. Memory is linear in the
//! sentence length; time is 2n transitions with a fixed number of features for each of
//! at most `beam` hypotheses, plus copying the hypotheses' arrays (quadratic, with a
//! small constant). Output trees are projective.

mod attributes;
mod beam;
mod case;
mod core;
mod data;
mod de;
mod eval;
mod features;
mod model;
mod system;
mod train;

use std::cell::RefCell;
use std::sync::{Arc, LazyLock};

use lagebild_doc::{Lang, Token, Upos};

use crate::attributes::Attributes;
use crate::model::Model;
use crate::system::{ACTIONS, LEFT, RIGHT, SHIFT, State};

pub use crate::data::{
    DataError, GoldSentence, read_conllu, read_training_treebanks, training_sentences,
    training_treebanks, write_conllu,
};
pub use crate::eval::{
    EvalReport, PREDICTION_COLUMNS, REPORTED_RELATIONS, RelationScore, cross_validate,
    cross_validate_sets, cross_validate_sets_with_predictions, evaluate, evaluate_against,
    evaluate_gold,
};
pub use crate::model::ModelError;
pub use crate::train::{TrainConfig, train};

/// A dependency parser for one language with its model loaded.
#[derive(Debug, Default)]
pub struct Parser {
    model: Model,
    root_label: u16,
    /// Subject/object class of each label, for [`core::relabel`].
    classes: Vec<core::Class>,
    joint_core: bool,
    /// Beam width of the transition search (1: greedy).
    beam: usize,
}

/// Buffers reused across sentences on one thread, so parsing allocates nothing per token.
#[derive(Default)]
struct Scratch {
    attributes: Attributes,
    state: State,
    features: Vec<u64>,
    scores: Vec<i32>,
    /// Label scores of every node's arc, one row of `labels` per node.
    label_scores: Vec<i32>,
    beam: beam::Beam,
    best: Vec<(u8, u16)>,
    cache: LabelCache,
}

/// Labels already computed in this sentence: the hypotheses of a beam share most arcs
/// with identical label features (the same dependent subtree and head label set).
#[derive(Default)]
struct LabelCache {
    /// What the label features read from the state -> row number.
    index: std::collections::HashMap<[u64; 5], u32>,
    labels: Vec<u16>,
    /// Label scores, one row of the label count per entry.
    rows: Vec<i32>,
}

impl LabelCache {
    fn clear(&mut self) {
        self.index.clear();
        self.labels.clear();
        self.rows.clear();
    }
}

/// Scores for the beam search from an embedded model.
struct DecodeScorer<'a> {
    parser: &'a Parser,
    attributes: &'a Attributes,
    features: &'a mut Vec<u64>,
    scores: &'a mut Vec<i32>,
    cache: &'a mut LabelCache,
}

impl beam::Scorer for DecodeScorer<'_> {
    fn actions(&mut self, state: &State, out: &mut [f64; ACTIONS]) {
        features::transition_features(state, self.attributes, self.features);
        self.scores.resize(ACTIONS, 0);
        self.parser
            .model
            .transitions
            .score(self.features, self.scores);
        for (out, &score) in out.iter_mut().zip(self.scores.iter()) {
            *out = f64::from(score);
        }
    }

    fn label(&mut self, state: &State, head: u32, dependent: u32) -> u16 {
        if head == 0 {
            return self.parser.root_label;
        }
        let row = self.parser.label_row(
            self.cache,
            state,
            self.attributes,
            head,
            dependent,
            self.features,
            self.scores,
        );
        self.cache.labels[row]
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

#[cfg(model_de)]
static GERMAN: LazyLock<Option<Arc<Parser>>> = LazyLock::new(|| {
    Parser::from_bytes(include_bytes!("../models/de.lbdp.gz"))
        .ok()
        .map(Arc::new)
});
#[cfg(not(model_de))]
static GERMAN: LazyLock<Option<Arc<Parser>>> = LazyLock::new(|| None);
#[cfg(model_en)]
static ENGLISH: LazyLock<Option<Arc<Parser>>> = LazyLock::new(|| {
    Parser::from_bytes(include_bytes!("../models/en.lbdp.gz"))
        .ok()
        .map(Arc::new)
});
#[cfg(not(model_en))]
static ENGLISH: LazyLock<Option<Arc<Parser>>> = LazyLock::new(|| None);

impl Parser {
    /// The model embedded in the binary for `lang`, if there is one. Loaded on first use.
    pub fn embedded(lang: Lang) -> Option<Arc<Parser>> {
        match lang {
            Lang::De => GERMAN.clone(),
            Lang::En => ENGLISH.clone(),
            Lang::Other => None,
        }
    }

    /// Loads a model written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        Ok(Parser::from_model(Model::from_bytes(bytes)?))
    }

    /// The model in the file format described in the `model` module (gzip, `i16` weights).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.model.to_bytes()
    }

    pub(crate) fn from_model(model: Model) -> Parser {
        let root_label = model
            .labels
            .iter()
            .position(|label| label == "root")
            .unwrap_or(0) as u16;
        let classes = core::classes(&model.labels);
        Parser {
            beam: usize::from(model.beam.max(1)),
            model,
            root_label,
            classes,
            joint_core: true,
        }
    }

    /// Sets the beam width of the transition search (1: greedy). Models trained with a
    /// beam ([`TrainConfig::beam`]) should be parsed with the same width.
    pub fn set_beam(&mut self, width: usize) {
        self.beam = width.clamp(1, 255);
        self.model.beam = self.beam as u8;
    }

    /// Switches the joint relabelling of core arguments (at most one subject and one
    /// direct object per head, see the `core` module) on or off; on by default.
    pub fn set_joint_core(&mut self, on: bool) {
        self.joint_core = on;
    }

    /// The beam width of the transition search.
    pub fn beam(&self) -> usize {
        self.beam
    }

    /// The language the model was trained for.
    pub fn lang(&self) -> Lang {
        self.model.lang
    }

    /// The relation labels the model can assign.
    pub fn labels(&self) -> &[String] {
        &self.model.labels
    }

    /// Fills `head` and `deprel` of one sentence's tokens; `text` is what their spans index.
    pub fn parse(&self, text: &str, tokens: &mut [Token]) {
        if tokens.is_empty() {
            return;
        }
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut scratch) => self.parse_with(&mut scratch, text, tokens),
            // Only reachable if parsing re-entered itself on this thread.
            Err(_) => self.parse_with(&mut Scratch::default(), text, tokens),
        });
    }

    fn parse_with(&self, scratch: &mut Scratch, text: &str, tokens: &mut [Token]) {
        let Scratch {
            attributes,
            state,
            features,
            scores,
            label_scores,
            beam,
            best,
            cache,
        } = scratch;
        attributes.fill(self.model.lang, text, tokens);
        best.clear();
        cache.clear();
        if self.beam > 1 {
            beam.reset(tokens.len());
            let mut scorer = DecodeScorer {
                parser: self,
                attributes,
                features,
                scores,
                cache,
            };
            while !beam.is_terminal() {
                beam.step(self.beam, &mut scorer, None);
            }
            best.clone_from(&beam.best().history);
        }
        state.reset(tokens.len());
        let label_count = self.model.labels.len().max(1);
        let nodes = tokens.len() + 1;
        label_scores.clear();
        label_scores.resize(nodes * label_count, 0);
        let mut step = 0;
        while !state.is_terminal() {
            // The beam's best derivation when there is one (its labels are recomputed
            // identically below, keeping their scores), else the greedy choice.
            let forced = best
                .get(step)
                .map(|&(action, _)| usize::from(action))
                .filter(|&action| state.is_legal(action));
            step += 1;
            let action = match forced {
                Some(action) => action,
                None => {
                    features::transition_features(state, attributes, features);
                    scores.resize(ACTIONS, 0);
                    self.model.transitions.score(features, scores);
                    [SHIFT, LEFT, RIGHT]
                        .into_iter()
                        .filter(|&action| state.is_legal(action))
                        .max_by_key(|&action| scores[action])
                        .unwrap_or(SHIFT)
                }
            };
            let label = match state.arc(action) {
                Some((head, dependent)) if action != SHIFT => {
                    if head == 0 {
                        self.root_label
                    } else {
                        let row = self
                            .label_row(cache, state, attributes, head, dependent, features, scores);
                        let start = dependent as usize * label_count;
                        if let (Some(into), Some(from)) = (
                            label_scores.get_mut(start..start + label_count),
                            cache.rows.get(row * label_count..(row + 1) * label_count),
                        ) {
                            into.copy_from_slice(from);
                        }
                        cache.labels[row]
                    }
                }
                _ => 0,
            };
            state.apply(action, label);
        }
        if self.joint_core {
            core::relabel(
                &state.heads,
                &mut state.labels,
                label_scores,
                label_count,
                &self.classes,
                self.root_label,
                nodes,
            );
        }
        for (index, token) in tokens.iter_mut().enumerate() {
            let node = index + 1;
            let head = state.heads[node];
            token.head = if head == 0 || head == system::NO_HEAD {
                None
            } else {
                Some(head - 1)
            };
            token.deprel.clear();
            if let Some(label) = self.model.labels.get(state.labels[node] as usize) {
                token.deprel.push_str(label);
            }
        }
        if self.model.lang == Lang::De {
            let mut heads: Vec<Option<u32>> = tokens.iter().map(|token| token.head).collect();
            let mut deprels: Vec<String> =
                tokens.iter().map(|token| token.deprel.clone()).collect();
            let cases = &attributes.resolved;
            de::nominative_modifiers_as_subjects(tokens, cases, &mut heads, &mut deprels);
            de::fronted_clause_subject(tokens, cases, &mut heads, &mut deprels);
            de::one_subject_per_verb(tokens, cases, &heads, &mut deprels);
            de::agreeing_nominative_is_subject(tokens, cases, &heads, &mut deprels);
            de::dative_objects_as_iobj(tokens, cases, &heads, &mut deprels);
            // A determiner standing alone as a pronoun ("und diesen getroffen") carries
            // its own case evidence; nominals carry their phrase's.
            let evidence: Vec<u8> = tokens
                .iter()
                .enumerate()
                .map(|(index, token)| match attributes.window[index + 1] {
                    0 if token.upos == Upos::Det && deprels[index].starts_with("nsubj") => {
                        attributes.cases[index + 1]
                    }
                    phrase => phrase,
                })
                .collect();
            de::case_decides_subject(&evidence, &heads, &mut deprels);
            de::passive_objects_as_subjects(&heads, &evidence, &mut deprels);
            de::dative_evidence_as_iobj(tokens, &evidence, &heads, &mut deprels);
            de::valency_datives_as_iobj(tokens, &evidence, &heads, &mut deprels);
            de::es_gibt_object(text, tokens, &heads, &mut deprels);
            de::quoted_nominatives_as_subjects(tokens, cases, &heads, &mut deprels);
            for ((token, deprel), head) in tokens.iter_mut().zip(deprels).zip(heads) {
                token.deprel = deprel;
                token.head = head;
            }
        }
    }

    /// Scores the labels of the arc `head -> dependent` (through the cache); returns the
    /// cache entry, whose `labels` item is the best label and whose row the scores.
    #[allow(clippy::too_many_arguments)]
    fn label_row(
        &self,
        cache: &mut LabelCache,
        state: &State,
        attributes: &Attributes,
        head: u32,
        dependent: u32,
        features: &mut Vec<u64>,
        scores: &mut Vec<i32>,
    ) -> usize {
        let (h, d) = (head as usize, dependent as usize);
        let label_at = |node: u32| u64::from(state.labels.get(node as usize).copied().unwrap_or(0));
        let (first, last) = (state.leftmost[d], state.rightmost[d]);
        let key = [
            (u64::from(head) << 32) | u64::from(dependent),
            state.label_set[h],
            state.label_set[d],
            (u64::from(first) << 32) | u64::from(last),
            (u64::from(state.leftmost2[d]) << 32) | (label_at(first) << 16) | label_at(last),
        ];
        if let Some(&row) = cache.index.get(&key) {
            return row as usize;
        }
        features::label_features(state, attributes, h, d, features);
        let label_count = self.model.labels.len().max(1);
        scores.resize(label_count, 0);
        self.model.arcs.score(features, scores);
        let row = cache.labels.len();
        cache.labels.push(self.best_label(scores));
        cache.rows.extend_from_slice(&scores[..label_count]);
        cache.index.insert(key, row as u32);
        row
    }

    fn best_label(&self, scores: &[i32]) -> u16 {
        let root = self.root_label as usize;
        scores
            .iter()
            .enumerate()
            .filter(|&(label, _)| label != root || scores.len() == 1)
            .max_by_key(|&(_, score)| *score)
            .map_or(0, |(label, _)| label as u16)
    }
}
