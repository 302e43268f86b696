//! Reads news in every common format into lagebild [`Document`]s.

use lagebild_doc::Document;

/// A plain-text wire story: title line, paragraphs, optional `Author--AGENCY` byline.
pub fn read_wire_text(id: &str, text: &str) -> Document {
    let title_end = text.find('\n').unwrap_or(text.len());
    let title = text[..title_end].trim();
    Document {
        id: id.to_string(),
        text: text.to_string(),
        title: (!title.is_empty()).then(|| title.to_string()),
        title_span: Some(lagebild_doc::Span::from_range(0..title_end)),
        origin: id.to_string(),
        ..Document::default()
    }
}
