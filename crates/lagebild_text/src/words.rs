//! A plain word splitter shared by the stages that find their expressions on words of
//! their own (`lagebild_timex`, `lagebild_geo`, `lagebild_quotes`), so that what they
//! find does not change with the segmenter upstream.
//!
//! [`words`] splits a region of a text into [`Word`]s: runs of letters and digits that
//! start with a letter (joined across `-`, `'` and `’` when a letter follows), runs of
//! ASCII digits, and single punctuation marks; whitespace separates and is dropped.
//! Each word carries its byte span into the original text, its lowercase form, its
//! [`WordKind`] and whether it starts with an uppercase letter.
//!
//! ```
//! use lagebild_doc::Span;
//! use lagebild_text::words::{words, WordKind};
//! let text = "am 20. Januar";
//! let found = words(text, Span::from_range(0..text.len()));
//! assert_eq!(found.len(), 4);
//! assert_eq!(found[1].kind, WordKind::Digits);
//! assert_eq!(found[1].number(), Some(20));
//! ```
//!
//! Guarantees: words are sorted, non-empty, do not overlap and lie on char boundaries
//! inside the region; no input panics (the region is sliced with [`Span::slice`]). Time
//! is linear in the region's length; one `String` (the lowercase form) per word.
//! Unlike [`crate::segment`], the splitter knows no abbreviations, clitics or sentence
//! ends: `20.` is two words, `sagt's` one.

use lagebild_doc::Span;

/// One word of [`words`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte span into the text given to [`words`].
    pub span: Span,
    /// Lowercase form (`str::to_lowercase`).
    pub lower: String,
    pub kind: WordKind,
    /// Whether the first character is uppercase.
    pub capitalised: bool,
}

/// What a [`Word`] is made of, decided by its first character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordKind {
    /// Starts with a letter; letters, digits and inner joiners follow.
    Alpha,
    /// ASCII digits only.
    Digits,
    /// A single character that is neither a letter, an ASCII digit nor whitespace.
    Punct,
}

impl Word {
    /// The value of a digit word of at most nine digits.
    pub fn number(&self) -> Option<u32> {
        if self.kind == WordKind::Digits && self.lower.len() <= 9 { self.lower.parse().ok() } else { None }
    }

    /// Whether the lowercase form is `text`.
    pub fn is(&self, text: &str) -> bool {
        self.lower == text
    }

    /// Whether the lowercase form is one of `texts`.
    pub fn is_any(&self, texts: &[&str]) -> bool {
        texts.contains(&self.lower.as_str())
    }
}

/// Splits `text[region]` into words. Letters joined by `-` or `'` stay one word
/// (`Nato-Generalsekretär`), digits are their own words (`20`, `.`, `Januar`).
pub fn words(text: &str, region: Span) -> Vec<Word> {
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
                let joiner = kind == WordKind::Alpha && (next == '-' || next == '\'' || next == '’');
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
        assert_eq!(forms, ["am", "20", ".", "Januar", ",", "Nato-Chef", "sagt's"]);
        assert_eq!(words[1].number(), Some(20));
        assert!(words[3].capitalised && words[3].is("januar"));
        assert!(words[5].is_any(&["x", "nato-chef"]));
    }

    #[test]
    fn joiners_need_a_following_letter_and_spans_are_offset() {
        let text = "xx Raketen- und 12ab 'Zitat’";
        let region = Span::from_range(3..text.len());
        let words = words(text, region);
        let forms: Vec<(&str, WordKind)> = words.iter().map(|word| (word.span.slice(text), word.kind)).collect();
        assert_eq!(
            forms,
            [
                ("Raketen", WordKind::Alpha),
                ("-", WordKind::Punct),
                ("und", WordKind::Alpha),
                ("12", WordKind::Digits),
                ("ab", WordKind::Alpha),
                ("'", WordKind::Punct),
                ("Zitat", WordKind::Alpha),
                ("’", WordKind::Punct),
            ]
        );
        assert_eq!(words[3].number(), Some(12));
        assert_eq!(words[0].number(), None);
    }
}
