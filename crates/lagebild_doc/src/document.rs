use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Span;

/// A language lagebild analyses, or `Other` for stored-but-unanalysed text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    De,
    En,
    #[default]
    Other,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
            Lang::Other => "other",
        }
    }

    /// Parses an ISO 639-1 / -3 code or an English or German language name.
    pub fn parse(value: &str) -> Lang {
        match value.trim().to_ascii_lowercase().as_str() {
            "de" | "deu" | "ger" | "german" | "deutsch" | "de-de" | "de-at" | "de-ch" => Lang::De,
            "en" | "eng" | "english" | "englisch" | "en-us" | "en-gb" => Lang::En,
            _ => Lang::Other,
        }
    }

    pub fn is_analysed(self) -> bool {
        matches!(self, Lang::De | Lang::En)
    }
}

/// The outcome of language identification.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LangGuess {
    pub lang: Lang,
    /// 0.0 ..= 1.0; 1.0 when the language was given by the input.
    pub confidence: f32,
}

/// `Author--AGENCY` at the end of a wire story.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Byline {
    pub span: Span,
    pub author: Option<String>,
    pub agency: Option<String>,
}

/// One article as ingested. The text is immutable: every annotation points into it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    /// The text all offsets refer to; for wire stories it begins with the title line.
    pub text: String,
    pub title: Option<String>,
    /// Where the title sits inside `text`, when it is part of it.
    pub title_span: Option<Span>,
    pub byline: Option<Byline>,
    pub published: Option<NaiveDate>,
    pub lang: Lang,
    pub lang_confidence: f32,
    pub url: Option<String>,
    pub source: Option<String>,
    /// Fields of the input that lagebild does not interpret, kept as they came.
    pub meta: serde_json::Map<String, serde_json::Value>,
    /// Where the document came from (path, path:line, feed item), for diagnostics.
    pub origin: String,
}

impl Document {
    /// The part of the text that is analysed: everything except the byline.
    pub fn body_span(&self) -> Span {
        let end = self
            .byline
            .as_ref()
            .map_or(self.text.len() as u32, |byline| byline.span.start);
        Span::new(0, end)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// A note from a stage: analysis never fails, it explains what it could not do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The stage that speaks, e.g. `ingest`, `nlp`, `events`.
    pub stage: String,
    pub message: String,
    pub span: Option<Span>,
}

impl Diagnostic {
    pub fn new(severity: Severity, stage: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            stage: stage.to_string(),
            message: message.into(),
            span: None,
        }
    }

    pub fn at(mut self, span: Span) -> Diagnostic {
        self.span = Some(span);
        self
    }
}
