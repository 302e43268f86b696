//! Sentence and token segmentation for German and English news.
//!
//! [`segment`] turns a region of a document's text into a [`TextAnalysis`] whose
//! sentences and tokens carry byte spans into the original text; lemmas, tags and
//! dependencies are left empty for `lagebild_nlp` to fill. It uses one shared
//! [`Segmenter`], built on first use; build your own with [`Segmenter::new`] if you
//! prefer to own it.
//!
//! ```
//! use lagebild_doc::{Lang, Span};
//! let text = "Nato-Generalsekretär Mark Rutte sagte am 4. Dezember: „Wir sind bereit.“ Dann ging er.";
//! let analysis = lagebild_text::segment(text, Span::from_range(0..text.len()), Lang::De, None);
//! assert_eq!(analysis.sentences.len(), 2);
//! let first: Vec<&str> = analysis.sentence_tokens(0).iter().map(|token| token.span.slice(text)).collect();
//! assert_eq!(first, ["Nato-Generalsekretär", "Mark", "Rutte", "sagte", "am", "4.", "Dezember", ":", "„", "Wir", "sind", "bereit", ".", "“"]);
//! ```
//!
//! How it works: a hand-written scanner walks the region char by char. Whitespace
//! separates chunks; inside a chunk it takes words (letters and digits, joined by
//! hyphens, inner periods, digit group separators and apostrophes), URLs and e-mail
//! addresses, and single punctuation marks (runs for `...`, `?!`, `--`, ` `` `). A
//! period after a word stays with it when the word is a listed abbreviation
//! (word lists per language in the `de` and `en` modules), a single letter, a German ordinal or date
//! (`am 20. Januar`), or a short word before a lowercase word. English clitics are split
//! as in UD English (`do|n't`, `Russia|'s`); German contractions (`zum`) stay whole.
//! Straight and curly quotes are classified as opening or closing from the characters
//! around them. A second pass ends sentences after `.`, `!`, `?` and `…` (taking
//! closing quotes and brackets along) when the next token can start a sentence, at
//! every line break, and around the title span, which is always one sentence.
//!
//! Guarantees: tokens are sorted, non-empty, do not overlap, lie on char boundaries and
//! inside their sentence; every sentence has at least one token; the tokens plus the
//! whitespace-only gaps between them give back the text of the region. No input
//! panics: regions and titles are clamped to the text and to char boundaries. Time is
//! linear in the region's length.
//!
//! [`evaluate`] measures sentence-boundary and token F1 against a UD treebank.

mod de;
mod en;
mod evaluate;
mod rules;
mod segmenter;

use std::sync::LazyLock;

use lagebild_doc::{Lang, Span, TextAnalysis};

pub use evaluate::{SegmentationReport, evaluate};
pub use segmenter::Segmenter;

static SHARED: LazyLock<Segmenter> = LazyLock::new(Segmenter::new);

/// The segmenter that [`segment`] uses, built on first use.
pub fn shared() -> &'static Segmenter {
    &SHARED
}

/// Segments `region` of `text` into sentences and tokens.
///
/// `title` marks a headline inside the region: it is always a sentence of its own,
/// whether or not it ends in punctuation.
pub fn segment(text: &str, region: Span, lang: Lang, title: Option<Span>) -> TextAnalysis {
    SHARED.segment(text, region, lang, title)
}
