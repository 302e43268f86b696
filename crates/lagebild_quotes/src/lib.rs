//! Direct, indirect and partial quotations in German and English, attributed to speakers.

use lagebild_actors::ActorMention;
use lagebild_doc::{Document, Span, TextAnalysis};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Partial,
}

/// Who said it: the mention in the text and the actor it resolves to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub span: Span,
    pub name: Option<String>,
    pub code: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub kind: QuoteKind,
    /// The quoted content, without quotation marks.
    pub span: Span,
    pub speaker: Option<Speaker>,
    /// The cue (sagte, nach Ruttes Worten, according to).
    pub cue: Option<Span>,
}

/// Finds the quotations of `doc`, sorted by span.
pub fn annotate(doc: &Document, analysis: &TextAnalysis, actors: &[ActorMention]) -> Vec<Quote> {
    let _ = (doc, analysis, actors);
    Vec::new()
}
