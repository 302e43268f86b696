//! A small tokenizer of its own, so that time expressions are found the same way
//! whatever the segmenter upstream does: words, digit runs and single punctuation marks,
//! each with its byte span and a lowercase form.

use lagebild_doc::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    pub span: Span,
    /// Lowercase form (`str::to_lowercase`).
    pub lower: String,
    pub kind: WordKind,
    /// Whether the first character is uppercase.
    pub capitalised: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordKind {
    Alpha,
    Digits,
    Punct,
}

impl Word {
    pub fn is(&self, text: &str) -> bool {
        self.lower == text
    }

    pub fn is_any(&self, texts: &[&str]) -> bool {
        texts.contains(&self.lower.as_str())
    }
}

/// Splits `text[region]` into words. Letters joined by `-` or `'` stay one word
/// (`Nato-Generalsekretär`), digits are their own words (`20`, `.`, `Januar`).
pub(crate) fn words(text: &str, region: Span) -> Vec<Word> {
    let base = region.start as usize;
    let slice = region.slice(text);
    let mut out = Vec::new();
    let mut chars = slice.char_indices().peekable();
    while let Some((start, ch)) = chars.next() {
        if ch.is_whitespace() {
            continue;
        }
        let kind = if ch.is_alphabetic() {
            WordKind::Alpha
        } else if ch.is_ascii_digit() {
            WordKind::Digits
        } else {
            WordKind::Punct
        };
        let mut end = start + ch.len_utf8();
        if kind != WordKind::Punct {
            while let Some(&(index, next)) = chars.peek() {
                let continues = match kind {
                    WordKind::Alpha => next.is_alphanumeric(),
                    _ => next.is_ascii_digit(),
                };
                let joiner =
                    kind == WordKind::Alpha && (next == '-' || next == '\'' || next == '’');
                if continues {
                    end = index + next.len_utf8();
                    chars.next();
                } else if joiner {
                    // Only join when a letter follows the joiner.
                    let after = slice[index + next.len_utf8()..].chars().next();
                    if after.is_some_and(char::is_alphabetic) {
                        end = index + next.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
        }
        let raw = &slice[start..end];
        out.push(Word {
            span: Span::from_range(base + start..base + end),
            lower: raw.to_lowercase(),
            kind,
            capitalised: ch.is_uppercase(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_dates_and_keeps_compounds() {
        let text = "am 20. Januar, Nato-Chef sagt's";
        let words = words(text, Span::new(0, text.len() as u32));
        let forms: Vec<&str> = words.iter().map(|word| word.span.slice(text)).collect();
        assert_eq!(
            forms,
            ["am", "20", ".", "Januar", ",", "Nato-Chef", "sagt's"]
        );
    }
}
