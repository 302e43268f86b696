//! Plain text in the wire-story layout: title line, paragraphs, optional byline.

use lagebild_doc::{Byline, Document, Span};

/// The longest first line still taken as a title.
const MAX_TITLE_BYTES: usize = 600;

/// Builds a document from wire-story text; the text is kept exactly as given.
pub(crate) fn wire_document(id: String, origin: String, text: String) -> Document {
    let title_span = find_title(&text);
    let byline = find_byline(&text, title_span);
    let title = title_span.map(|span| span.slice(&text).to_string());
    Document {
        id,
        text,
        title,
        title_span,
        byline,
        origin,
        ..Document::default()
    }
}

/// The first non-blank line, when more text follows it.
fn find_title(text: &str) -> Option<Span> {
    let start = text.len() - text.trim_start().len();
    let line_length = text[start..].find('\n')?;
    let line = text[start..start + line_length].trim_end();
    if line.is_empty() || line.len() > MAX_TITLE_BYTES {
        return None;
    }
    let rest = &text[start + line_length..];
    if rest.trim().is_empty() {
        return None;
    }
    Some(Span::from_range(start..start + line.len()))
}

/// The last line when it reads `Author--AGENCY` (or `--AGENCY`).
fn find_byline(text: &str, title: Option<Span>) -> Option<Byline> {
    let end = text.trim_end().len();
    let line_start = text[..end].rfind('\n')? + 1;
    if title.is_some_and(|title| title.start as usize >= line_start) {
        return None;
    }
    let raw = &text[line_start..end];
    let line = raw.trim_start();
    let start = line_start + (raw.len() - line.len());
    if line.len() > 160 {
        return None;
    }
    let separator = line.rfind("--")?;
    let author = line[..separator].trim().trim_end_matches('-').trim();
    let agency = line[separator + 2..].trim();
    let agency_ok = !agency.is_empty()
        && agency.chars().count() <= 40
        && agency.split_whitespace().count() <= 4
        && agency.chars().next().is_some_and(char::is_alphanumeric)
        && agency
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '/' | '&' | '.' | '-' | '\'' | ','));
    let author_ok = author.chars().count() <= 100
        && author.split_whitespace().count() <= 10
        && !author.ends_with(['.', '!', '?', ':', ';', '"', '“', '”'])
        || author.is_empty();
    if !(agency_ok && author_ok) {
        return None;
    }
    Some(Byline {
        span: Span::from_range(start..end),
        author: (!author.is_empty()).then(|| author.to_string()),
        agency: Some(agency.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, title: Option<&str>, author: Option<&str>, agency: Option<&str>) {
        let document = wire_document("id".into(), "origin".into(), text.to_string());
        assert_eq!(document.text, text);
        assert_eq!(document.title.as_deref(), title, "{text:?}");
        if let Some(span) = document.title_span {
            assert_eq!(Some(span.slice(text)), title);
        }
        let byline = document.byline.as_ref();
        assert_eq!(byline.and_then(|b| b.author.as_deref()), author, "{text:?}");
        assert_eq!(byline.and_then(|b| b.agency.as_deref()), agency, "{text:?}");
        if let Some(byline) = byline {
            assert!(byline.span.slice(text).contains("--"));
            assert!(document.body_span().end <= byline.span.start);
        }
    }

    #[test]
    fn wire_layouts() {
        check(
            "Titel der Meldung\nErster Absatz.\nZweiter Absatz.\nA. Muster--XYZ",
            Some("Titel der Meldung"),
            Some("A. Muster"),
            Some("XYZ"),
        );
        check(
            "Titel\r\nAbsatz.\r\nB. Beispiel--dpa\r\n",
            Some("Titel"),
            Some("B. Beispiel"),
            Some("dpa"),
        );
        check(
            "\n\n  Titel  \nAbsatz.\n--AFP\n",
            Some("Titel"),
            None,
            Some("AFP"),
        );
        check("Nur eine Zeile ohne Umbruch.", None, None, None);
        check(
            "Titel\nDer Satz endet so--oder nicht, sagte er am Ende des langen Absatzes.",
            Some("Titel"),
            None,
            None,
        );
        check("Titel\nAbsatz.\n", Some("Titel"), None, None);
        check("", None, None, None);
        check("Titel--ABC\n", None, None, None);
    }
}
