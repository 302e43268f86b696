//! Sentences over the words of [`lagebild_text::words`], found by the quote stage itself
//! so that quotes come out the same whatever the segmenter upstream does; and the
//! quotation-mark classes the detector shares.

use lagebild_text::words::{Word, WordKind};

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
                        || (previous.kind == WordKind::Alpha && previous.lower.chars().count() == 1)
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
    use lagebild_doc::Span;
    use lagebild_text::words::words;

    /// The sentences of `text` as slices.
    fn split(text: &str) -> Vec<&str> {
        let words = words(text, Span::new(0, text.len() as u32));
        sentences(text, &words)
            .into_iter()
            .map(|range| {
                &text
                    [words[range.start].span.start as usize..words[range.end - 1].span.end as usize]
            })
            .collect()
    }

    #[test]
    fn sentences_skip_ordinals_and_keep_closing_marks() {
        let text = "Er kam am 20. Januar. \"Gut.\" Sie ging.\nNeu";
        assert_eq!(
            split(text),
            ["Er kam am 20. Januar.", "\"Gut.\"", "Sie ging.", "Neu"]
        );
    }

    #[test]
    fn a_period_after_a_closing_mark_ends_the_sentence() {
        // A closing quotation mark is one character but no abbreviation; "z." is one.
        let text = "Sie nannte es „gut“. Der Plan gilt z. B. ab Mai.";
        assert_eq!(
            split(text),
            ["Sie nannte es „gut“.", "Der Plan gilt z. B. ab Mai."]
        );
    }
}
