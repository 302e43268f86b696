//! Reads news in every common format into lagebild [`Document`]s.
//!
//! This is stage 1 of the pipeline: bytes in, immutable documents out. Everything later
//! points into [`Document::text`] with byte spans, so this crate decides once what the text
//! of a document is and never changes it.
//!
//! # Main types and data flow
//!
//! [`read_path`] (files, directories, `-` for stdin) and [`read_bytes`] (a buffer, e.g. an
//! HTTP upload) open the input, undo gzip (`.gz` or the gzip magic bytes), reject binary
//! data, pick an [`InputFormat`] (given in [`ReadOptions`], or detected), and hand the bytes
//! to the format reader. Each reader yields `Result<Document, InputError>` per document, so
//! one broken record never stops the others. Every document then gets its defaults:
//! a sidecar `X.meta.json` beside `X.txt` (`id`, `published`, `lang`, `source`, `url`), then
//! [`ReadOptions::published`] and [`ReadOptions::lang`] for what the input does not state,
//! then [`detect_language`] when no language is stated at all.
//!
//! | format | text of the document | id | published |
//! |---|---|---|---|
//! | [`InputFormat::Text`] | the file, exactly as decoded; first line = `title`/`title_span`, last line `Author--AGENCY` = `byline` | file stem | sidecar |
//! | [`InputFormat::Jsonl`] | field `text` as given; `title_span` only when the text starts with `title` | `id` field | `published` (date or RFC 3339) |
//! | [`InputFormat::Html`] | title line + one line per paragraph of the main content | file stem | `article:published_time`, JSON-LD `datePublished`, `<time datetime>` |
//! | [`InputFormat::Feed`] | item title line + description/content paragraphs | `guid`/`id`/link | `pubDate`/`published`/`dc:date`/`updated` |
//! | [`InputFormat::PetrarchXml`] | `<Text>`, whitespace normalised | record `id` | record `date` |
//! | [`InputFormat::Csv`] | the `text` column | content hash | a `published` column |
//!
//! Documents without an id get 16 hex digits of the SHA-256 of their text. Unknown JSONL
//! fields, CSV labels and extra columns go to [`Document::meta`].
//!
//! # Auto-detection
//! By extension first (`.txt`, `.jsonl`/`.ndjson`/`.json`, `.html`/`.htm`, `.rss`/`.atom`,
//! `.csv`/`.tsv`, each also with `.gz`), else by content: `{` or `[` = JSON(L); a root
//! element `rss`/`feed`/`rdf:RDF` = feed; `Sentences`/`Validation`/`Sentence` = PETRARCH;
//! `html` or HTML tags near the start = web page; anything else = plain text.
//!
//! # Encodings
//! A BOM decides (UTF-8, UTF-16); valid UTF-8 stays UTF-8; mostly-valid UTF-8 keeps its
//! UTF-8 and reads stray bytes as Windows-1252; anything else is decoded with the charset the
//! HTML or XML declares, else Windows-1252. Binary data (a NUL byte, or over 10 % control
//! characters in the first 64 KiB) is rejected with an error.
//!
//! # Guarantees
//! - No panics on any input; HTML of any nesting depth is walked without recursion.
//! - Memory: JSONL and CSV are streamed record by record; other formats read one file at a
//!   time, at most [`ReadOptions::max_document_bytes`] (default 16 MiB; larger inputs give
//!   a `TooLarge` error naming the byte offset). Directories are streamed file by file.
//! - Linear time in the input size; language identification reads at most 2 KiB.
//! - Errors ([`InputError`]) display as one line naming the input and the line or byte
//!   offset; [`Document::origin`] is `path` or `path:line`.
//!
//! ```
//! use lagebild_ingest::{read_bytes, InputFormat, ReadOptions};
//! let options = ReadOptions { format: InputFormat::Text, ..ReadOptions::default() };
//! let input = "Nato wirft Russland Hilfe vor\nDie Nato hat Russland Unterstützung vorgeworfen.\nA. Muster--XYZ";
//! let documents = read_bytes("story.txt", input.as_bytes(), &options);
//! let document = documents[0].as_ref().unwrap();
//! assert_eq!(document.title.as_deref(), Some("Nato wirft Russland Hilfe vor"));
//! assert_eq!(document.byline.as_ref().unwrap().agency.as_deref(), Some("XYZ"));
//! assert_eq!(document.lang, lagebild_doc::Lang::De);
//! ```

mod csv_input;
mod decode;
mod error;
pub mod eval;
mod feed;
mod html;
mod jsonl;
mod language;
mod nesting;
mod petrarch;
mod source;
mod text;
mod util;
mod xml;

use std::path::Path;
use std::str::FromStr;

use chrono::NaiveDate;
use lagebild_doc::{Document, Lang};

pub use error::{InputError, InputErrorKind, Position};
pub use lagebild_doc::LangGuess;
pub use language::{MAX_DETECTED_CONFIDENCE, SAMPLE_BYTES, detect_language};
pub use source::Documents;

pub(crate) use source::{Context, Draft};

/// The default of [`ReadOptions::max_document_bytes`]: 16 MiB.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// The input format; `Auto` detects it per input (see the crate docs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum InputFormat {
    #[default]
    Auto,
    Text,
    Jsonl,
    Html,
    Feed,
    PetrarchXml,
    Csv,
}

impl InputFormat {
    /// The name used on the command line (`petrarch-xml`, ...).
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Auto => "auto",
            InputFormat::Text => "text",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Html => "html",
            InputFormat::Feed => "feed",
            InputFormat::PetrarchXml => "petrarch-xml",
            InputFormat::Csv => "csv",
        }
    }
}

impl FromStr for InputFormat {
    type Err = String;

    /// Parses `auto|text|jsonl|html|feed|petrarch-xml|csv` (also `json`, `rss`, `atom`, `xml`).
    fn from_str(value: &str) -> Result<InputFormat, String> {
        Ok(match value.trim().to_ascii_lowercase().as_str() {
            "auto" => InputFormat::Auto,
            "text" | "txt" | "plain" => InputFormat::Text,
            "jsonl" | "json" | "ndjson" => InputFormat::Jsonl,
            "html" | "htm" => InputFormat::Html,
            "feed" | "rss" | "atom" => InputFormat::Feed,
            "petrarch-xml" | "petrarch" | "xml" => InputFormat::PetrarchXml,
            "csv" => InputFormat::Csv,
            other => {
                return Err(format!(
                    "unknown input format {other:?} (expected auto, text, jsonl, html, feed, petrarch-xml or csv)"
                ));
            }
        })
    }
}

impl std::fmt::Display for InputFormat {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.name())
    }
}

/// How to read inputs. Build with `..ReadOptions::default()` so new fields do not break you.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadOptions {
    pub format: InputFormat,
    /// The language of documents whose input states none (skips identification).
    pub lang: Option<Lang>,
    /// The publication date of documents whose input carries none.
    pub published: Option<NaiveDate>,
    /// Inputs read whole (text, HTML, feeds, XML, JSON arrays) and single JSONL lines larger
    /// than this are rejected with [`InputErrorKind::TooLarge`]; also bounds gzip expansion.
    pub max_document_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            format: InputFormat::Auto,
            lang: None,
            published: None,
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
        }
    }
}

/// Reads a file, a directory (recursively, sorted) or stdin (`-`), streaming.
///
/// Yields one item per document or per error; errors never stop the iteration. A missing
/// path yields a single `NotFound` error.
pub fn read_path(path: &Path, options: &ReadOptions) -> Documents {
    Documents::new(path, options)
}

/// Reads an in-memory input (stdin contents, an HTTP upload). `origin` names it in errors
/// and in [`Document::origin`]; its extension, if any, helps format detection. Documents
/// without an id get a content hash.
pub fn read_bytes(
    origin: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Vec<Result<Document, InputError>> {
    let context = Context {
        origin: origin.to_string(),
        stem: None,
        sidecar: None,
        options: options.clone(),
    };
    source::read_stream(context, Some(origin), Box::new(bytes)).collect()
}

/// A plain-text wire story (title line, paragraphs, optional `Author--AGENCY` byline)
/// with the given id; the language is identified. Kept for callers that already hold the
/// text; [`read_path`] does the same for files and also reads sidecars.
pub fn read_wire_text(id: &str, text: &str) -> Document {
    let document = text::wire_document(id.to_string(), id.to_string(), text.to_string());
    let context = Context {
        origin: id.to_string(),
        stem: None,
        sidecar: None,
        options: ReadOptions::default(),
    };
    context.finish(
        Draft {
            document,
            lang: None,
        },
        true,
    )
}
