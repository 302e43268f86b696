//! A gazetteer of places with coordinates, and the place mentions of a document.

use std::sync::Arc;

use lagebild_doc::{Document, Span, TextAnalysis};
use serde::{Deserialize, Serialize};

/// One mention of a place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub span: Span,
    pub name: String,
    /// ISO 3166 alpha-3; `None` for regions across borders (Ostseeraum).
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub geonames: Option<u32>,
}

/// The embedded gazetteer.
#[derive(Debug, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    pub fn embedded() -> Arc<Gazetteer> {
        Arc::new(Gazetteer {})
    }

    /// Finds the place mentions of `doc`, sorted by span.
    pub fn annotate(&self, doc: &Document, analysis: &TextAnalysis) -> Vec<PlaceMention> {
        let _ = (doc, analysis);
        Vec::new()
    }
}
