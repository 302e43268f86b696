//! A dated German/English actor knowledge base, fast matching and in-document resolution.
//!
//! [`ActorKb`] is built once (from the embedded knowledge base, optionally with PETRARCH
//! dictionaries) and shared; [`ActorKb::annotate`] finds and resolves the actor
//! mentions of one document, with codes valid at the publication date.

use std::sync::Arc;

use chrono::NaiveDate;
use lagebild_doc::{Document, Span, TextAnalysis};
use serde::{Deserialize, Serialize};

/// What kind of actor a mention names (CONTRACT.md `actors[].type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    State,
    Organization,
    Group,
    Location,
}

/// One mention of an actor in a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    pub span: Span,
    /// Canonical name ("Mark Rutte", "Russia").
    pub name: String,
    /// CAMEO-style code valid at the publication date (`RUSGOV`, `IGOWSTNAT`).
    pub code: String,
    /// ISO 3166 alpha-3, when the actor belongs to a state.
    pub country: Option<String>,
    pub kind: ActorKind,
    pub wikidata: Option<String>,
    /// For pronouns and descriptions: the span of the mention they were resolved to.
    pub antecedent: Option<Span>,
    /// The knowledge-base entry that matched (`actors/persons.txt:120`).
    pub rule: String,
}

/// The actor knowledge base and its matchers.
#[derive(Debug, Default)]
pub struct ActorKb {}

impl ActorKb {
    /// The knowledge base embedded in the binary.
    pub fn embedded() -> Arc<ActorKb> {
        Arc::new(ActorKb {})
    }

    /// Finds and resolves the actor mentions of `doc`, sorted by span.
    pub fn annotate(&self, doc: &Document, analysis: &TextAnalysis, date: Option<NaiveDate>) -> Vec<ActorMention> {
        let _ = (doc, analysis, date);
        Vec::new()
    }
}
