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
//! How it works: a hand-written scanner walks the region char by char (no regex, no
//! allocation per token). Whitespace separates chunks; inside a chunk it takes
//! - words: letters and digits joined by hyphens (`US-Präsident`, elliptical
//!   `Raketen-`), inner periods (`2.500`, `z.B.`, `U.S.`), digit group separators
//!   (`24,5`, `1,000.50`), times (`12:30`), apostrophes (`O'Neill`), gender marks
//!   (`Bürger*innen`) and slashes between numbers or single letters (`24/7`, `km/h`);
//! - URLs, e-mail addresses, domain paths, hashtags and handles as single tokens;
//! - punctuation one mark at a time, except runs (`...`, `--`, ` `` `, and in English
//!   `!!!`) and emoticons (`:-)`).
//!
//! A period after a word stays with it when the word is a listed abbreviation (word
//! lists per language in the `de` and `en` modules, kept as plain text), a single
//! letter, a dotted abbreviation, a German ordinal or date (`am 20. Januar`, `der 1. FC`,
//! `(79.)`, `30. 9. 2015`), or a short capitalised or vowelless word before a lowercase
//! word (`Abg. der`). English clitics and units are split as in UD English (`do|n't`,
//! `Russia|'s`, `10|am`); German contractions (`zum`) and possessives (`Marx'`) stay
//! whole. Straight and curly quotes are classified as opening or closing from the
//! characters around them, with the open/closed state per quote family as tie-breaker.
//!
//! A second pass ends sentences after `.`, `!`, `?` and `…` when the next token can
//! start a sentence (not before a comma, a closing mark, or a lowercase word after
//! `...`, a quoted question or a German `!`/`?`), taking closing quotes, brackets and
//! footnote marks (`[6]`) along; after abbreviations that may end a sentence (`usw.`,
//! `U.S.`) before a typical sentence opener; after a dateline (`Brüssel (dpa) -`,
//! `WASHINGTON (Reuters) —`, `Wien –`); at every line break; and around the title
//! span, which is always exactly one sentence. A sentence end inside a quotation ends
//! the sentence there: `"Wir kommen. Morgen", sagte er.` is two sentences, the second
//! being `Morgen", sagte er.`.
//!
//! Guarantees: tokens are sorted, non-empty, do not overlap, lie on char boundaries and
//! inside their sentence; every sentence has at least one token; the tokens plus the
//! whitespace-only gaps between them give back the text of the region. No input
//! panics: regions and titles are clamped to the text and to char boundaries. Time is
//! linear in the region's length.
//!
//! [`evaluate`] measures sentence-boundary and token F1 against a UD treebank (see
//! `examples/eval_text.rs`); `examples/show_text.rs` prints the segmentation of a file.

mod de;
mod en;
mod evaluate;
mod rules;
mod segmenter;
pub mod words;

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
