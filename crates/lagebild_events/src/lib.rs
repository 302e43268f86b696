//! Event coding in CAMEO and PLOVER, with modality and provenance.

use std::sync::Arc;

use lagebild_actors::ActorMention;
use lagebild_doc::{Document, Span, TextAnalysis};
use lagebild_geo::PlaceMention;
use lagebild_quotes::Quote;
use lagebild_timex::TimeExpression;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Reported,
    Hypothetical,
    Negated,
    Future,
    Past,
}

/// One side of an event: the actor mention and what it resolves to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    pub span: Span,
    pub name: String,
    pub code: String,
    pub country: Option<String>,
}

/// Who reports a reported event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    pub name: String,
    pub code: Option<String>,
}

/// One event mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Index into the document's sentences.
    pub sentence: u32,
    /// The trigger (verb or noun) span.
    pub trigger: Span,
    pub source: Participant,
    pub target: Option<Participant>,
    /// CAMEO code as a string, leading zeros kept.
    pub cameo: String,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub goldstein: f32,
    pub quad_class: u8,
    pub modality: Vec<Modality>,
    pub attributed_to: Option<Attribution>,
    /// `YYYY-MM-DD` or a coarser TIMEX3 value.
    pub date: Option<String>,
    /// Index into the document's places.
    pub place: Option<u32>,
    /// Mentions of the same event within the document share a cluster id.
    pub cluster: u32,
    /// The dictionary entry that fired (`de/verbs.txt:123`).
    pub rule: String,
}

/// Everything the coder reads about one document.
pub struct CodingInput<'a> {
    pub doc: &'a Document,
    pub analysis: &'a TextAnalysis,
    pub actors: &'a [ActorMention],
    pub quotes: &'a [Quote],
    pub times: &'a [TimeExpression],
    pub places: &'a [PlaceMention],
}

/// The event coder with its verb dictionaries loaded.
#[derive(Debug, Default)]
pub struct Coder {}

impl Coder {
    pub fn embedded() -> Arc<Coder> {
        Arc::new(Coder {})
    }

    pub fn code(&self, input: &CodingInput<'_>) -> Vec<Event> {
        let _ = input;
        Vec::new()
    }
}
