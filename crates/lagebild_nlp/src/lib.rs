//! Lemmas, part of speech, morphology and dependency structure for German and English.
//!
//! [`Analyzer`] holds one [`Tagger`] per language (embedded models, built once and shared
//! with `Arc`) and the dependency parser of `lagebild_depparse`. [`Analyzer::analyze`]
//! segments a document region with `lagebild_text::segment`, then per sentence:
//!
//! 1. the main tagger (an averaged perceptron, greedy left to right) predicts one label
//!    `UPOS|XPOS|FEATS` per token (XPOS is STTS for German, Penn Treebank for English;
//!    for German the label carries the verbal features Mood, Tense, VerbForm, Person,
//!    Number, for English all modelled features);
//! 2. for German, a second perceptron predicts Case and Number of nouns, names,
//!    pronouns, determiners and adjectives (and the verbal features), using the first
//!    tagger's labels, the governing preposition and the phrase's determiner as context;
//!    determiner, attributive adjectives and noun of a phrase then agree in case and
//!    number (best summed score), a clause with one non-copula finite verb keeps one
//!    nominative phrase, and a lone copula's accusative phrases become nominative;
//!    forms of separable verbs ("anzutreten", "aufgefordert", "eintraf") get their
//!    finite/non-finite XPOS from their shape and lexicon lemma; a third perceptron
//!    predicts Gender of the same nominal words, and determiner, attributive adjectives
//!    and noun of a phrase then agree in gender;
//! 3. the [`lemmatizer`] finds the lemma from (form, UPOS) dictionaries, a form lexicon
//!    and learned suffix rules;
//! 4. the parser (`Parser::embedded(lang)`, when there is one) fills head and relation;
//! 5. German separable verbs get their particle back: a token attached by
//!    `compound:prt` to a verb prefixes the verb's lemma ("wirft ... vor" -> "vorwerfen").
//!
//! German contractions ("zum", "im", "beim") stay one token: ADP, XPOS `APPRART`, lemma
//! of the preposition.
//!
//! ```
//! use lagebild_doc::{Lang, Span};
//! let analyzer = lagebild_nlp::Analyzer::embedded();
//! let text = "Die Nato sagte, Russland verstoße gegen das Abkommen.";
//! let analysis = analyzer.analyze(text, Span::new(0, text.len() as u32), Lang::De, None);
//! assert!(!analysis.tokens.is_empty());
//! ```
//!
//! Guarantees: analysis never fails and never panics; tokens and spans come unchanged
//! from segmentation; cost is linear in the number of tokens (about 40 hash probes per
//! token and tagger). Models are read once, on first use, from the bytes embedded in the
//! binary; a model that cannot be read leaves the tagger of that language out (tokens
//! then get their form as lemma and `X` as UPOS), which [`Analyzer::problems`] reports.
//!
//! Training and evaluation: `cargo run --release -p lagebild_nlp --example train_nlp` and
//! `--example eval_nlp` (see `models/README.md`).

mod codec;
pub mod corpus;
pub mod evaluate;
mod features;
pub mod lemmatizer;
pub mod lexicon;
mod perceptron;
pub mod tagger;

use std::cell::RefCell;
use std::sync::{Arc, LazyLock};

use lagebild_depparse::Parser;
use lagebild_doc::{Lang, Sentence, Span, TextAnalysis, Token, Upos};

pub use evaluate::{EvalReport, cross_validate, cross_validate_against, evaluate, evaluate_gold};
pub use lexicon::Lexicon;
pub use tagger::{TaggedToken, Tagger, TrainConfig};

/// Why a model could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("model {name}: truncated at byte {offset}")]
    Truncated { name: &'static str, offset: usize },
    #[error("model {name}: invalid UTF-8 at byte {offset}")]
    Utf8 { name: &'static str, offset: usize },
    #[error("model {name}: {message}")]
    Gzip { name: &'static str, message: String },
    #[error("model {name}: {message}")]
    Format { name: &'static str, message: String },
}

static DE_TAGGER: &[u8] = include_bytes!("../models/de.tagger.gz");
static EN_TAGGER: &[u8] = include_bytes!("../models/en.tagger.gz");
static DE_LEXICON: &[u8] = include_bytes!("../models/de.lexicon.tsv.gz");
static EN_LEXICON: &[u8] = include_bytes!("../models/en.lexicon.tsv.gz");

/// Reads a gzip-compressed lexicon TSV (see [`lexicon`]).
pub fn load_lexicon(bytes: &[u8], name: &'static str) -> Result<Lexicon, ModelError> {
    let raw = codec::gunzip(bytes, name)?;
    let text = String::from_utf8(raw).map_err(|_| ModelError::Utf8 { name, offset: 0 })?;
    Ok(Lexicon::from_tsv(&text))
}

/// The lexicon embedded for `lang` (empty when there is none or it cannot be read).
pub fn embedded_lexicon(lang: Lang) -> Arc<Lexicon> {
    let loaded = match lang {
        Lang::De => load_lexicon(DE_LEXICON, "de.lexicon.tsv.gz"),
        Lang::En => load_lexicon(EN_LEXICON, "en.lexicon.tsv.gz"),
        Lang::Other => Ok(Lexicon::default()),
    };
    Arc::new(loaded.unwrap_or_default())
}

static EMBEDDED: LazyLock<Arc<Analyzer>> = LazyLock::new(|| {
    let mut problems = Vec::new();
    let mut load = |lang: Lang, bytes: &[u8], name: &'static str| -> Option<Tagger> {
        let lexicon = match lang {
            Lang::De => load_lexicon(DE_LEXICON, "de.lexicon.tsv.gz"),
            _ => load_lexicon(EN_LEXICON, "en.lexicon.tsv.gz"),
        };
        let lexicon = match lexicon {
            Ok(lexicon) => Arc::new(lexicon),
            Err(error) => {
                problems.push(error.to_string());
                Arc::new(Lexicon::default())
            }
        };
        match Tagger::from_bytes(bytes, name, lexicon) {
            Ok(tagger) => Some(tagger),
            Err(error) => {
                problems.push(error.to_string());
                None
            }
        }
    };
    let de = load(Lang::De, DE_TAGGER, "de.tagger.gz");
    let en = load(Lang::En, EN_TAGGER, "en.tagger.gz");
    let mut analyzer = Analyzer::new(de, en);
    analyzer.problems = problems;
    Arc::new(analyzer)
});

thread_local! {
    static BUFFERS: RefCell<(tagger::TagBuffers, Vec<TaggedToken>, Vec<String>)> = RefCell::default();
}

struct LanguageModel {
    tagger: Option<Tagger>,
    parser: Option<Arc<Parser>>,
}

/// The language analysers of lagebild, with their models loaded.
pub struct Analyzer {
    de: LanguageModel,
    en: LanguageModel,
    problems: Vec<String>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Analyzer")
            .field("de_tagger", &self.de.tagger.is_some())
            .field("de_parser", &self.de.parser.is_some())
            .field("en_tagger", &self.en.tagger.is_some())
            .field("en_parser", &self.en.parser.is_some())
            .field("problems", &self.problems)
            .finish()
    }
}

impl Default for Analyzer {
    fn default() -> Analyzer {
        Analyzer::new(None, None)
    }
}

impl Analyzer {
    /// Loads the models embedded in the binary (once per process; later calls share them).
    pub fn embedded() -> Arc<Analyzer> {
        Arc::clone(&EMBEDDED)
    }

    /// An analyser from given taggers, with the embedded parsers.
    pub fn new(de: Option<Tagger>, en: Option<Tagger>) -> Analyzer {
        Analyzer {
            de: LanguageModel {
                tagger: de,
                parser: Parser::embedded(Lang::De),
            },
            en: LanguageModel {
                tagger: en,
                parser: Parser::embedded(Lang::En),
            },
            problems: Vec::new(),
        }
    }

    /// Leaves out the parsers (for evaluating the taggers alone).
    pub fn without_parsers(mut self) -> Analyzer {
        self.de.parser = None;
        self.en.parser = None;
        self
    }

    /// Models that could not be loaded, one message each.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// Whether a parser is used for `lang`.
    pub fn has_parser(&self, lang: Lang) -> bool {
        self.model(lang).is_some_and(|model| model.parser.is_some())
    }

    fn model(&self, lang: Lang) -> Option<&LanguageModel> {
        match lang {
            Lang::De => Some(&self.de),
            Lang::En => Some(&self.en),
            Lang::Other => None,
        }
    }

    /// Segments and analyses `region` of `text`.
    pub fn analyze(
        &self,
        text: &str,
        region: Span,
        lang: Lang,
        title: Option<Span>,
    ) -> TextAnalysis {
        let mut analysis = lagebild_text::segment(text, region, lang, title);
        self.annotate(text, lang, &mut analysis);
        analysis
    }

    /// Fills lemmas, tags, features and dependencies of already segmented tokens.
    pub fn annotate(&self, text: &str, lang: Lang, analysis: &mut TextAnalysis) {
        let model = self.model(lang);
        let TextAnalysis { sentences, tokens } = analysis;
        for sentence in sentences.iter() {
            let Some(tokens) = tokens.get_mut(sentence.token_range()) else {
                continue;
            };
            match model {
                Some(model) => self.annotate_sentence(text, lang, model, tokens),
                None => {
                    for token in tokens.iter_mut() {
                        token.lemma = token.span.slice(text).to_string();
                    }
                }
            }
        }
    }

    fn annotate_sentence(
        &self,
        text: &str,
        lang: Lang,
        model: &LanguageModel,
        tokens: &mut [Token],
    ) {
        match &model.tagger {
            Some(tagger) => BUFFERS.with(|buffers| {
                let mut buffers = buffers.borrow_mut();
                let (buffers, tagged, _) = &mut *buffers;
                let forms: Vec<&str> = tokens.iter().map(|token| token.span.slice(text)).collect();
                tagger.tag(&forms, buffers, tagged);
                for (token, tag) in tokens.iter_mut().zip(tagged.drain(..)) {
                    token.upos = tag.upos;
                    token.xpos = tag.xpos;
                    token.feats = tag.feats;
                    token.lemma = tag.lemma;
                }
            }),
            None => {
                for token in tokens.iter_mut() {
                    token.lemma = token.span.slice(text).to_string();
                }
            }
        }
        if let Some(parser) = &model.parser {
            parser.parse(text, tokens);
            if lang == Lang::De {
                join_separable_particles(text, tokens);
            }
        }
    }

    /// Analyses raw `text` and returns CoNLL-U (surface tokens, no multiword ranges).
    pub fn analyze_conllu(&self, text: &str, lang: Lang) -> String {
        let analysis = self.analyze(text, Span::from_range(0..text.len()), lang, None);
        write_conllu(text, &analysis)
    }

    /// Analyses pretokenized input: one sentence per line, tokens separated by single
    /// spaces. The output keeps exactly those tokens, in order, one sentence per line.
    pub fn analyze_conllu_pretokenized(&self, input: &str, lang: Lang) -> String {
        let (text, analysis) = pretokenized(input);
        let mut analysis = analysis;
        self.annotate(&text, lang, &mut analysis);
        write_conllu(&text, &analysis)
    }
}

/// German separable verbs: "wirft ... vor" has lemma "vorwerfen".
fn join_separable_particles(text: &str, tokens: &mut [Token]) {
    for index in 0..tokens.len() {
        if tokens[index].deprel != "compound:prt" {
            continue;
        }
        let Some(head) = tokens[index].head.map(|head| head as usize) else {
            continue;
        };
        if head == index
            || head >= tokens.len()
            || !matches!(tokens[head].upos, Upos::Verb | Upos::Aux)
        {
            continue;
        }
        let particle = tokens[index].span.slice(text).to_lowercase();
        if particle.is_empty()
            || !particle.chars().all(char::is_alphabetic)
            || tokens[head].lemma.starts_with(&particle)
        {
            continue;
        }
        tokens[head].lemma = format!("{particle}{}", tokens[head].lemma);
    }
}

/// Builds the text and token layer of pretokenized input (see
/// [`Analyzer::analyze_conllu_pretokenized`]): the text is the lines joined by newlines.
pub fn pretokenized(input: &str) -> (String, TextAnalysis) {
    let mut text = String::with_capacity(input.len());
    let mut analysis = TextAnalysis::default();
    for line in input.lines() {
        let line = line.trim_end_matches('\r');
        let token_start = analysis.tokens.len() as u32;
        let line_start = text.len();
        for form in line.split(' ').filter(|form| !form.is_empty()) {
            if text.len() > line_start {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(form);
            analysis.tokens.push(Token {
                span: Span::from_range(start..text.len()),
                ..Token::default()
            });
        }
        let token_end = analysis.tokens.len() as u32;
        if token_end > token_start {
            analysis.sentences.push(Sentence {
                span: Span::from_range(line_start..text.len()),
                token_start,
                token_end,
            });
        }
        text.push('\n');
    }
    (text, analysis)
}

/// Writes a token layer as CoNLL-U, one token per line, `SpaceAfter=No` where the next
/// token follows without a gap.
pub fn write_conllu(text: &str, analysis: &TextAnalysis) -> String {
    let mut out = String::new();
    for (number, sentence) in analysis.sentences.iter().enumerate() {
        let tokens = analysis.sentence_tokens(number);
        out.push_str(&format!("# sent_id = {}\n", number + 1));
        let sentence_text = sentence.span.slice(text).replace(['\n', '\r'], " ");
        out.push_str(&format!("# text = {sentence_text}\n"));
        for (index, token) in tokens.iter().enumerate() {
            let form = token.span.slice(text).replace(['\t', '\n'], " ");
            let field = |value: &str| {
                if value.is_empty() {
                    "_".to_string()
                } else {
                    value.replace(['\t', '\n'], " ")
                }
            };
            let head = match (token.head, token.deprel.is_empty()) {
                (Some(head), _) => (head + 1).to_string(),
                (None, false) => "0".to_string(),
                (None, true) => "_".to_string(),
            };
            let space_after = tokens
                .get(index + 1)
                .is_some_and(|next| next.span.start == token.span.end);
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}\n",
                index + 1,
                field(&form),
                field(&token.lemma),
                token.upos.as_str(),
                field(&token.xpos),
                token.feats.to_conllu(),
                head,
                field(&token.deprel),
                if space_after { "SpaceAfter=No" } else { "_" }
            ));
        }
        out.push('\n');
    }
    out
}
