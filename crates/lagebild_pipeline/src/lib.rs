//! The analysis pipeline of lagebild and its JSON output (`lagebild/1`).
//!
//! [`Pipeline`] holds one field per stage, so the data flow reads top to bottom in
//! [`Pipeline::analyze`]: segmentation and parsing, actors, times, places, quotes,
//! events. Each stage is built once and shared across threads; analysing a document
//! never fails, it records diagnostics instead.
//!
//! [`wire`] owns the output schema and is the only place that turns byte spans into
//! character offsets.

pub mod wire;

use std::sync::Arc;

use lagebild_actors::{ActorKb, ActorMention};
use lagebild_doc::{Diagnostic, Document, Severity, TextAnalysis};
use lagebild_events::{Coder, CodingInput, Event};
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
    pub actors: Arc<ActorKb>,
    pub places: Arc<Gazetteer>,
    pub events: Arc<Coder>,
}

impl Pipeline {
    /// The pipeline on the dictionaries and models embedded in the binary.
    pub fn embedded() -> Pipeline {
        Pipeline {
            language: Analyzer::embedded(),
            actors: ActorKb::embedded(),
            places: Gazetteer::embedded(),
            events: Coder::embedded(),
        }
    }

    /// The versions of the dictionaries and models behind this pipeline, by name; stored
    /// with every result so that `lagebild reprocess` knows what produced it.
    pub fn versions(&self) -> std::collections::BTreeMap<String, String> {
        let mut versions = std::collections::BTreeMap::new();
        versions.insert("pipeline".to_string(), env!("CARGO_PKG_VERSION").to_string());
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
                format!("language {} is not analysed; the document is kept as it is", doc.lang.code()),
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
        let tokens = self.language.analyze(&doc.text, doc.body_span(), doc.lang, doc.title_span);
        let actors = self.actors.annotate(&doc, &tokens, doc.published);
        let times = lagebild_timex::annotate(&doc, &tokens, doc.published);
        let places = self.places.annotate(&doc, &tokens);
        let quotes = lagebild_quotes::annotate(&doc, &tokens, &actors);
        let events = self.events.code(&CodingInput {
            doc: &doc,
            analysis: &tokens,
            actors: &actors,
            quotes: &quotes,
            times: &times,
            places: &places,
        });
        Analysis { doc, tokens, actors, times, places, quotes, events, diagnostics }
    }
}
