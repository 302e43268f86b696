//! Sentence and token segmentation for German and English news.
//!
//! [`segment`] turns a region of a document's text into a [`TextAnalysis`] whose
//! sentences and tokens carry byte spans into the original text; lemmas, tags and
//! dependencies are left empty for `lagebild_nlp` to fill.
//!
//! Guarantee: tokens are sorted, do not overlap, lie inside their sentence, and the
//! tokens plus the whitespace between them give back the text of the region.

use lagebild_doc::{Lang, Sentence, Span, TextAnalysis, Token};

/// Segments `region` of `text` into sentences and tokens.
///
/// `title` marks a headline inside the region: it is always a sentence of its own,
/// whether or not it ends in punctuation.
pub fn segment(text: &str, region: Span, lang: Lang, title: Option<Span>) -> TextAnalysis {
    // Placeholder until the real segmenter lands: one sentence per line, tokens split
    // on whitespace. It keeps the span guarantees so that later stages can be built.
    let _ = (lang, title);
    let mut analysis = TextAnalysis::default();
    let base = region.start as usize;
    let region_text = region.slice(text);
    let mut line_start = 0usize;
    for line in region_text.split_inclusive('\n') {
        let token_start = analysis.tokens.len() as u32;
        let mut first = None;
        let mut last = 0usize;
        let mut offset = 0usize;
        for piece in line.split_inclusive(char::is_whitespace) {
            let word = piece.trim_end();
            if !word.is_empty() {
                let start = base + line_start + offset;
                let end = start + word.len();
                first.get_or_insert(start);
                last = end;
                analysis.tokens.push(Token { span: Span::from_range(start..end), ..Token::default() });
            }
            offset += piece.len();
        }
        if let Some(first) = first {
            analysis.sentences.push(Sentence {
                span: Span::from_range(first..last),
                token_start,
                token_end: analysis.tokens.len() as u32,
            });
        }
        line_start += line.len();
    }
    analysis
}
