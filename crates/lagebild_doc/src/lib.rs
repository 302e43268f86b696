//! The document model of lagebild, the bottom crate that knows no other crate of ours.
//!
//! A [`Document`] owns its text, and the text never changes after ingest. Every
//! annotation made later (sentences, tokens, actor mentions, events, quotes, times,
//! places) is stand-off: a half-open byte range ([`Span`]) into that text that always
//! lies on `char` boundaries. Normalised forms (lemmas, folded spellings) sit beside the
//! spans and never move them.
//!
//! Offsets are converted to Unicode scalar offsets exactly once, at the JSON edge, with
//! [`CharOffsets`].
//!
//! ```
//! use lagebild_doc::{CharOffsets, Span};
//! let text = "Nato wirft Rußland vor";
//! let span = Span::new(11, 19);
//! assert_eq!(span.slice(text), "Rußland");
//! let chars = CharOffsets::new(text);
//! assert_eq!(chars.span(span), (11, 18));
//! ```

pub mod conllu;
mod document;
mod offsets;
mod span;
mod token;

pub use document::{Byline, Diagnostic, Document, Lang, LangGuess, Severity};
pub use offsets::CharOffsets;
pub use span::Span;
pub use token::{
    Case, Feats, Gender, Mood, Number, Person, Sentence, Tense, TextAnalysis, Token, Upos,
    VerbForm, Voice,
};
