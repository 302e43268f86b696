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

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "dr", "prof", "bzw", "vgl", "ca", "nr", "st", "mr", "mrs", "ms", "jr", "sen", "gen", "u", "z",
    "b", "etc", "usw", "inkl", "evtl", "ggf", "sog", "bzgl", "abs", "art", "mio", "mrd", "tsd",
    "no", "vs", "co", "corp", "inc", "ltd",
];

/// Splits words into sentences (`start..end` word ranges): after `.`, `!`, `?` followed
/// by an uppercase letter, a digit or a quotation mark, and at line breaks. A full stop
/// after a number (`20. Januar`) or an abbreviation does not end a sentence.
pub(crate) fn sentences(text: &str, words: &[Word]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for index in 0..words.len() {
        let word = &words[index];
        let next = words.get(index + 1);
        let line_break = next.is_some_and(|next| {
            text.get(word.span.end as usize..next.span.start as usize)
                .is_some_and(|gap| gap.contains('\n'))
        });
        let end_here = line_break || next.is_none();
        if !end_here
            && word.kind == WordKind::Punct
            && matches!(word.lower.as_str(), "." | "!" | "?" | "…")
        {
            let previous = index
                .checked_sub(1)
                .and_then(|previous| words.get(previous));
            let after_number = word.lower == "."
                && previous.is_some_and(|previous| previous.kind == WordKind::Digits);
            let after_abbreviation = word.lower == "."
                && previous.is_some_and(|previous| {
                    ABBREVIATIONS.contains(&previous.lower.as_str())
                        || previous.lower.chars().count() == 1
                });
            // Closing quotation marks right after the stop stay in this sentence.
            let mut follow = index + 1;
            while words
                .get(follow)
                .is_some_and(|word| is_closing_mark(&word.lower) && !is_opening_after(text, word))
            {
                follow += 1;
            }
            let starts_sentence = words.get(follow).is_some_and(|next| {
                next.capitalised || next.kind == WordKind::Digits || is_any_mark(&next.lower)
            });
            if starts_sentence && !after_number && !after_abbreviation {
                let end = follow.min(words.len());
                if end > start {
                    out.push(start..end);
                }
                start = end;
                continue;
            }
        }
        if end_here && index + 1 > start {
            out.push(start..index + 1);
            start = index + 1;
        }
    }
    if start < words.len() {
        out.push(start..words.len());
    }
    out
}

pub(crate) fn is_any_mark(text: &str) -> bool {
    matches!(text, "\"" | "„" | "“" | "”" | "»" | "«" | "‚" | "‘" | "’")
}

fn is_closing_mark(text: &str) -> bool {
    matches!(text, "\"" | "“" | "”" | "«" | "»" | "‘" | "’")
}

/// Whether a straight quotation mark opens a quotation (a space before it, none after).
fn is_opening_after(text: &str, word: &Word) -> bool {
    let before = text
        .get(..word.span.start as usize)
        .and_then(|head| head.chars().next_back());
    let after = text
        .get(word.span.end as usize..)
        .and_then(|tail| tail.chars().next());
    word.lower == "\""
        && before.is_none_or(char::is_whitespace)
        && after.is_some_and(|ch| !ch.is_whitespace())
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

    #[test]
    fn sentences_skip_ordinals_and_keep_closing_marks() {
        let text = "Er kam am 20. Januar. \"Gut.\" Sie ging.\nNeu";
        let words = words(text, Span::new(0, text.len() as u32));
        let spans: Vec<&str> = sentences(text, &words)
            .into_iter()
            .map(|range| {
                &text
                    [words[range.start].span.start as usize..words[range.end - 1].span.end as usize]
            })
            .collect();
        assert_eq!(
            spans,
            ["Er kam am 20. Januar.", "\"Gut.\"", "Sie ging.", "Neu"]
        );
    }
}
