//! The analysis pipeline of lagebild and its JSON output (`lagebild/1`).
//!
//! [`Pipeline`] holds one field per stage, so the data flow reads top to bottom in
//! [`Pipeline::analyze`]: segmentation and parsing, actors, times, places, quotes,
//! events. Each stage is built once and shared across threads; analysing a document
//! never fails, it records diagnostics instead.
//!
//! [`wire`] owns the output schema and is the only place that turns byte spans into
//! character offsets.

mod apposition;
pub mod country;
mod discards;
pub mod wire;

pub use discards::{DiscardHit, Discards};

use std::sync::Arc;

use lagebild_actors::{ActorKb, ActorMention};
use lagebild_doc::{Diagnostic, Document, Lang, Severity, TextAnalysis};
use lagebild_events::{Coder, CodingInput, Event, Explanation};
use lagebild_geo::{Gazetteer, PlaceMention};
use lagebild_nlp::Analyzer;
use lagebild_quotes::Quote;
use lagebild_timex::TimeExpression;

/// Everything lagebild found in one document.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub doc: Document,
    pub tokens: TextAnalysis,
    pub actors: Vec<ActorMention>,
    pub times: Vec<TimeExpression>,
    pub places: Vec<PlaceMention>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The stages, in the order they run.
#[derive(Debug, Clone)]
pub struct Pipeline {
    pub language: Arc<Analyzer>,
    /// The actor knowledge base for English documents, and for German ones unless
    /// `german_actors` is set.
    pub actors: Arc<ActorKb>,
    /// The built-in knowledge base kept for German documents when user PETRARCH actor
    /// dictionaries (which are English) replaced it for English ones.
    pub german_actors: Option<Arc<ActorKb>>,
    pub places: Arc<Gazetteer>,
    pub events: Arc<Coder>,
    /// PETRARCH discard phrases, when the user gave a discard dictionary.
    pub discards: Option<Arc<Discards>>,
    /// How agents of unknown state take a country from the story's places.
    pub infer_countries: CountryInference,
}

/// How agents of unknown state (`---COP`, private persons) get a country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountryInference {
    /// Never.
    Off,
    /// The document's clear majority country only ([`country::infer_document_countries`]):
    /// the mode with user PETRARCH actor dictionaries, whose convention codes "students
    /// in Moscow" `---EDU`.
    Document,
    /// A place right after the agent, else the document's country
    /// ([`country::infer_agent_countries`]).
    PlaceOrDocument,
}

/// User dictionaries that replace or extend the embedded ones.
#[derive(Debug, Clone, Default)]
pub struct DictionaryFiles {
    /// A PETRARCH-2 verb dictionary, in place of the built-in English verbs.
    pub petrarch_verbs: Option<std::path::PathBuf>,
    /// PETRARCH / Phoenix actor dictionaries, in place of the built-in knowledge base for
    /// English documents.
    pub petrarch_actors: Vec<std::path::PathBuf>,
    pub petrarch_agents: Option<std::path::PathBuf>,
    pub petrarch_discards: Option<std::path::PathBuf>,
}

impl DictionaryFiles {
    /// Whether no user dictionary is given (the embedded ones are used).
    pub fn is_empty(&self) -> bool {
        self.petrarch_verbs.is_none()
            && self.petrarch_actors.is_empty()
            && self.petrarch_agents.is_none()
            && self.petrarch_discards.is_none()
    }
}

/// A dictionary file that could not be loaded; the message names `file:line`.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DictionaryError(pub String);

impl Pipeline {
    /// The pipeline on the dictionaries and models embedded in the binary.
    pub fn embedded() -> Pipeline {
        Pipeline {
            language: Analyzer::embedded(),
            actors: ActorKb::embedded(),
            german_actors: None,
            places: Gazetteer::embedded(),
            events: Coder::embedded(),
            discards: None,
            infer_countries: CountryInference::PlaceOrDocument,
        }
    }

    /// The pipeline with user dictionaries. PETRARCH actor files replace the built-in
    /// knowledge base for English documents (agents alone extend it; German documents keep
    /// the built-in one, since those dictionaries hold English names); a PETRARCH verb file
    /// replaces the built-in English verbs; a discard file suppresses events in matching
    /// sentences or stories.
    pub fn with_dictionaries(files: &DictionaryFiles) -> Result<Pipeline, DictionaryError> {
        let mut pipeline = Pipeline::embedded();
        if !files.petrarch_actors.is_empty() {
            pipeline.german_actors = Some(pipeline.actors.clone());
            pipeline.infer_countries = CountryInference::Document;
        }
        if !files.petrarch_actors.is_empty() || files.petrarch_agents.is_some() {
            let mut builder = ActorKb::builder().builtin(files.petrarch_actors.is_empty());
            builder = builder.petrarch_actors(&files.petrarch_actors);
            if let Some(agents) = &files.petrarch_agents {
                builder = builder.petrarch_agents(agents);
            }
            pipeline.actors = Arc::new(
                builder
                    .build()
                    .map_err(|error| DictionaryError(error.to_string()))?,
            );
        }
        if let Some(verbs) = &files.petrarch_verbs {
            pipeline.events = Coder::builder()
                .petrarch_verbs(verbs)
                .build()
                .map_err(|error| DictionaryError(error.to_string()))?;
        }
        if let Some(path) = &files.petrarch_discards {
            let bytes = std::fs::read(path)
                .map_err(|error| DictionaryError(format!("{}: {error}", path.display())))?;
            let text = String::from_utf8_lossy(&bytes);
            let name = path.display().to_string();
            pipeline.discards = Some(Arc::new(
                Discards::parse(&name, &text).map_err(DictionaryError)?,
            ));
        }
        Ok(pipeline)
    }

    /// The versions of the dictionaries and models behind this pipeline, by name; stored
    /// with every result so that `lagebild reprocess` knows what produced it.
    pub fn versions(&self) -> std::collections::BTreeMap<String, String> {
        let mut versions = std::collections::BTreeMap::new();
        versions.insert(
            "pipeline".to_string(),
            env!("CARGO_PKG_VERSION").to_string(),
        );
        versions.insert("actors".to_string(), self.actors.version().to_string());
        if let Some(german) = &self.german_actors {
            versions.insert("actors_de".to_string(), german.version().to_string());
        }
        let sizes = self.events.dictionary_sizes();
        versions.insert(
            "verbs".to_string(),
            format!(
                "de:{} entries, en:{} entries",
                sizes.german_entries, sizes.english_entries
            ),
        );
        if self.discards.is_some() {
            versions.insert("discards".to_string(), "user".to_string());
        }
        versions
    }

    /// Analyses one document. Documents in languages other than German and English are
    /// passed through with a diagnostic.
    pub fn analyze(&self, doc: Document) -> Analysis {
        let mut diagnostics = Vec::new();
        if !doc.lang.is_analysed() {
            diagnostics.push(Diagnostic::new(
                Severity::Info,
                "pipeline",
                format!(
                    "language {} is not analysed; the document is kept as it is",
                    doc.lang.code()
                ),
            ));
            return Analysis {
                doc,
                tokens: TextAnalysis::default(),
                actors: Vec::new(),
                times: Vec::new(),
                places: Vec::new(),
                quotes: Vec::new(),
                events: Vec::new(),
                diagnostics,
            };
        }
        let tokens = self
            .language
            .analyze(&doc.text, doc.body_span(), doc.lang, doc.title_span);
        let kb = match (&self.german_actors, doc.lang) {
            (Some(german), Lang::De) => german,
            _ => &self.actors,
        };
        let mut actors = kb.annotate(&doc, &tokens, doc.published);
        apposition::merge_appositions(&mut actors, &doc.text);
        let times = lagebild_timex::annotate(&doc, &tokens, doc.published);
        let places = self.places.annotate(&doc, &tokens);
        match self.infer_countries {
            CountryInference::Off => {}
            CountryInference::Document => {
                country::infer_document_countries(&mut actors, &places, &tokens)
            }
            CountryInference::PlaceOrDocument => {
                country::infer_agent_countries(&mut actors, &places, &tokens)
            }
        }
        let quotes = lagebild_quotes::annotate(&doc, &tokens, &actors);
        let mut events = self.events.code(&CodingInput {
            doc: &doc,
            analysis: &tokens,
            actors: &actors,
            quotes: &quotes,
            times: &times,
            places: &places,
        });
        if let Some(discards) = &self.discards {
            self.apply_discards(discards, &doc, &tokens, &mut events, &mut diagnostics);
        }
        Analysis {
            doc,
            tokens,
            actors,
            times,
            places,
            quotes,
            events,
            diagnostics,
        }
    }

    fn apply_discards(
        &self,
        discards: &Discards,
        doc: &Document,
        tokens: &TextAnalysis,
        events: &mut Vec<Event>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        if let Some(hit) = discards.find(&doc.text).filter(|hit| hit.story) {
            if !events.is_empty() {
                diagnostics.push(Diagnostic::new(
                    Severity::Info,
                    "events",
                    format!(
                        "story discarded by {:?} ({}): {} events dropped",
                        hit.phrase,
                        hit.rule,
                        events.len()
                    ),
                ));
            }
            events.clear();
            return;
        }
        events.retain(|event| {
            let Some(sentence) = tokens.sentences.get(event.sentence as usize) else {
                return true;
            };
            match discards.find(sentence.span.slice(&doc.text)) {
                Some(hit) => {
                    diagnostics.push(
                        Diagnostic::new(
                            Severity::Info,
                            "events",
                            format!(
                                "event {} dropped: sentence discarded by {:?} ({})",
                                event.cameo, hit.phrase, hit.rule
                            ),
                        )
                        .at(sentence.span),
                    );
                    false
                }
                None => true,
            }
        });
    }

    /// Explains the coding of one sentence of an analysed document (`lagebild explain`);
    /// `None` when there is no such sentence.
    pub fn explain(&self, analysis: &Analysis, sentence: usize) -> Option<Explanation> {
        if sentence >= analysis.tokens.sentences.len() {
            return None;
        }
        Some(self.events.explain(
            &CodingInput {
                doc: &analysis.doc,
                analysis: &analysis.tokens,
                actors: &analysis.actors,
                quotes: &analysis.quotes,
                times: &analysis.times,
                places: &analysis.places,
            },
            sentence,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(text: &str, lang: Lang) -> Document {
        Document {
            id: "t".to_string(),
            text: text.to_string(),
            published: chrono::NaiveDate::from_ymd_opt(2020, 3, 4),
            lang,
            lang_confidence: 1.0,
            ..Document::default()
        }
    }

    fn codes(pipeline: &Pipeline, text: &str, lang: Lang) -> Vec<String> {
        let analysis = pipeline.analyze(document(text, lang));
        analysis.actors.iter().map(|m| m.code.clone()).collect()
    }

    #[test]
    fn a_year_long_before_publication_makes_an_event_past() {
        let pipeline = Pipeline::embedded();
        let modality = |text: &str| -> Vec<Vec<&'static str>> {
            let analysis = pipeline.analyze(document(text, Lang::De));
            analysis
                .events
                .iter()
                .map(|event| event.modality.iter().map(|m| m.as_str()).collect())
                .collect()
        };
        // Published 2020-03-04: 1980 is background, 2019 is recent news.
        assert_eq!(
            modality("Frankreich hatte im Jahre 1980 die Beziehungen zu Russland abgebrochen."),
            vec![vec!["past"]]
        );
        assert_eq!(
            modality("Frankreich kritisierte Russland im Jahr 2019."),
            vec![vec!["asserted"]]
        );
    }

    #[test]
    fn a_relative_clause_on_the_speaker_is_not_reported_speech() {
        let pipeline = Pipeline::embedded();
        let text =
            "Der französische Präsident, der Merkel am Montag empfing, kritisierte Russland.";
        let analysis = pipeline.analyze(document(text, Lang::De));
        let received: Vec<_> = analysis
            .events
            .iter()
            .filter(|event| event.cameo.starts_with("04"))
            .collect();
        assert_eq!(received.len(), 1, "{:?}", analysis.events);
        assert!(received[0].attributed_to.is_none());
        assert!(analysis.quotes.is_empty(), "{:?}", analysis.quotes);
        assert!(
            !received[0]
                .modality
                .contains(&lagebild_events::Modality::Reported)
        );
    }

    #[test]
    fn user_actor_dictionaries_replace_the_kb_for_english_only() {
        let directory = tempfile::tempdir().expect("temp dir");
        let actors = directory.path().join("actors.txt");
        std::fs::write(&actors, "VELORIA [VLR]\n").expect("write actors");
        let files = DictionaryFiles {
            petrarch_actors: vec![actors],
            ..DictionaryFiles::default()
        };
        let pipeline = Pipeline::with_dictionaries(&files).expect("loads");
        // PETRARCH's convention: a place names where, not whose.
        assert_eq!(pipeline.infer_countries, CountryInference::Document);
        assert_eq!(
            Pipeline::embedded().infer_countries,
            CountryInference::PlaceOrDocument
        );
        let english = codes(&pipeline, "Veloria criticised France on Monday.", Lang::En);
        assert_eq!(english, vec!["VLR".to_string()]);
        let german = codes(
            &pipeline,
            "Frankreich kritisierte Veloria am Montag.",
            Lang::De,
        );
        assert!(
            german.iter().any(|code| code.starts_with("FRA")),
            "{german:?}"
        );
        assert!(!german.iter().any(|code| code == "VLR"), "{german:?}");
    }

    #[test]
    fn national_parties_are_actors_and_bracketed_ones_affiliations() {
        let pipeline = Pipeline::embedded();
        let analysis = pipeline.analyze(document(
            "Die SPD kritisierte am Montag die FPÖ. Ein Sprecher der ÖVP schwieg.",
            Lang::De,
        ));
        let codes: Vec<&str> = analysis.actors.iter().map(|m| m.code.as_str()).collect();
        assert!(codes.starts_with(&["DEUPTY", "AUTPTY"]), "{codes:?}");
        let bracketed = pipeline.analyze(document(
            "Die Ministerin Erika Beispielfrau (SPD) lobte die Bundeswehr.",
            Lang::De,
        ));
        assert!(
            !bracketed
                .actors
                .iter()
                .any(|m| m.span.slice(&bracketed.doc.text) == "SPD"),
            "{:?}",
            bracketed.actors
        );
    }
}
