//! Time expressions in German and English, normalised against the publication date
//! to TIMEX3 values.
//!
//! Data flow: [`annotate`] splits the document body into words of its own (so it does
//! not depend on the segmenter upstream), tries the patterns of the document's language
//! at every word (longest match wins, matches never overlap), and resolves each match
//! against the publication date. Weekdays and months without a year are resolved with
//! the tense of their clause ([`ClauseTense`]): past tense picks the last such day on or
//! before the publication date, future the next one, and an unknown tense the one in
//! the publication week. Dates without a year take the nearest year. `in seiner ersten
//! Amtszeit` / `in his second term` takes the term from `data/terms.tsv` of the office
//! holder named nearest before it (the only values that come from world knowledge).
//!
//! Main types: [`TimeExpression`] (span, [`TimexKind`], value), [`governing_time`]
//! (the time expression an event clause is dated by), [`eval`] (the seed-gold harness).
//!
//! ```
//! use chrono::NaiveDate;
//! use lagebild_doc::{Document, Lang, TextAnalysis};
//! let doc = Document { text: "Rutte sagte am Mittwoch in Brüssel, ...".into(), lang: Lang::De, ..Document::default() };
//! let published = NaiveDate::from_ymd_opt(2024, 12, 4);
//! let times = lagebild_timex::annotate(&doc, &TextAnalysis::default(), published);
//! assert_eq!(times[0].value.as_deref(), Some("2024-12-04"));
//! assert_eq!(&doc.text[times[0].span.range()], "am Mittwoch");
//! ```
//!
//! Guarantees: never panics on any text, never reads the clock (without a publication
//! date relative expressions get `value: None`), spans lie on char boundaries inside
//! the document body, sorted and non-overlapping. Linear in the text length.

pub mod eval;
mod lexicon;
mod resolve;
mod rules;
mod terms;

use chrono::NaiveDate;
use lagebild_doc::{Document, Lang, Span, Tense, TextAnalysis};
use serde::{Deserialize, Serialize};

pub use resolve::ClauseTense;

use crate::lexicon::{FUTURE_DE, FUTURE_EN, NOT_PRETERITE_DE, PAST_DE, PAST_EN};
use lagebild_text::words::{self, Word, WordKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexKind {
    Date,
    Time,
    Duration,
    Set,
}

/// One time expression with its TIMEX3 value (`2024-12-04`, `PT24H`, `PAST_REF`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeExpression {
    pub span: Span,
    pub kind: TimexKind,
    /// `None` when the value depends on a publication date that is unknown.
    pub value: Option<String>,
}

/// Finds the time expressions of `doc`, sorted by span. Without `published`, relative
/// expressions get no value: the clock is never consulted.
pub fn annotate(
    doc: &Document,
    analysis: &TextAnalysis,
    published: Option<NaiveDate>,
) -> Vec<TimeExpression> {
    let (german, english) = match doc.lang {
        Lang::De => (true, false),
        Lang::En => (false, true),
        Lang::Other => (true, true),
    };
    let body = doc.body_span();
    let words = words::words(&doc.text, body);
    let mut out = Vec::new();
    let mut index = 0;
    while index < words.len() {
        let Some(found) = rules::match_at(&words, index, german, english) else {
            index += 1;
            continue;
        };
        let end = found.end.min(words.len());
        let span = words[index].span.cover(words[end - 1].span);
        let tense = clause_tense(&words, index, end, analysis, german);
        let value = match &found.spec {
            rules::Spec::Term(ordinal) => {
                terms::term_before(&doc.text, span.start as usize, *ordinal)
            }
            spec => resolve::resolve(spec, published, tense),
        };
        out.push(TimeExpression {
            span,
            kind: found.kind,
            value,
        });
        index = end;
    }
    out
}

fn is_boundary(word: &Word) -> bool {
    word.kind == WordKind::Punct
        && matches!(
            word.lower.as_str(),
            "," | ";"
                | ":"
                | "!"
                | "?"
                | "„"
                | "“"
                | "”"
                | "\""
                | "»"
                | "«"
                | "("
                | ")"
                | "–"
                | "—"
                | "-"
        )
}

/// Whether a `.` ends a sentence (not after a day number or a one-letter abbreviation).
fn is_full_stop(words: &[Word], index: usize) -> bool {
    words[index].lower == "."
        && index > 0
        && words[index - 1].kind != WordKind::Digits
        && words[index - 1].lower.chars().count() > 1
}

/// The tense of the clause around words `start..end`, from tense markers in the words
/// and, where the tagger provides them, `Tense` features of the tokens.
fn clause_tense(
    words: &[Word],
    start: usize,
    end: usize,
    analysis: &TextAnalysis,
    german: bool,
) -> ClauseTense {
    let mut left = start;
    while left > 0 && !is_boundary(&words[left - 1]) && !is_full_stop(words, left - 1) {
        left -= 1;
    }
    let mut right = end;
    while right < words.len() && !is_boundary(&words[right]) && !is_full_stop(words, right) {
        right += 1;
    }
    let (mut past, mut future) = (0, 0);
    for (index, word) in words.iter().enumerate().take(right).skip(left) {
        if (start..end).contains(&index) || word.kind != WordKind::Alpha {
            continue;
        }
        let lower = word.lower.as_str();
        if german {
            if FUTURE_DE.contains(&lower) {
                future += 1;
            } else if PAST_DE.contains(&lower)
                || (!word.capitalised
                    && (lower.ends_with("te") || lower.ends_with("ten"))
                    && lower.chars().count() > 4
                    && !lower.ends_with("ste")
                    && !lower.ends_with("sten")
                    && !lower.starts_with("ge")
                    && !NOT_PRETERITE_DE.contains(&lower))
            {
                past += 1;
            }
        } else if FUTURE_EN.contains(&lower) {
            future += 1;
        } else if PAST_EN.contains(&lower)
            || (lower.ends_with("ed") && lower.len() > 4 && !word.capitalised)
        {
            past += 1;
        }
    }
    // Tense features from the tagger, when it provides them.
    if left < right {
        let clause = words[left].span.cover(words[right - 1].span);
        for token in &analysis.tokens {
            if !clause.contains(token.span) {
                continue;
            }
            match token.feats.tense {
                Some(Tense::Past | Tense::Pqp) => past += 1,
                Some(Tense::Fut) => future += 1,
                _ => {}
            }
        }
    }
    match past.cmp(&future) {
        std::cmp::Ordering::Greater => ClauseTense::Past,
        std::cmp::Ordering::Less => ClauseTense::Future,
        std::cmp::Ordering::Equal => ClauseTense::Unknown,
    }
}

/// The time expression that dates a clause (for event dates): a dated expression
/// inside `clause`, else the nearest one in the same sentence (by `analysis`). Only
/// `DATE` and `TIME` expressions with a value count.
pub fn governing_time<'a>(
    times: &'a [TimeExpression],
    analysis: &TextAnalysis,
    clause: Span,
) -> Option<&'a TimeExpression> {
    let dated = |time: &&TimeExpression| {
        matches!(time.kind, TimexKind::Date | TimexKind::Time) && time.value.is_some()
    };
    if let Some(time) = times
        .iter()
        .filter(dated)
        .find(|time| clause.contains(time.span))
    {
        return Some(time);
    }
    let sentence = analysis
        .sentence_at(clause.start)
        .and_then(|index| analysis.sentences.get(index))?;
    let distance = |time: &TimeExpression| {
        if time.span.end <= clause.start {
            clause.start - time.span.end
        } else {
            time.span.start.saturating_sub(clause.end)
        }
    };
    times
        .iter()
        .filter(dated)
        .filter(|time| sentence.span.contains(time.span))
        .min_by_key(|time| distance(time))
}

/// [`governing_time`] for a whole sentence, by its index in `analysis`.
pub fn governing_time_for_sentence<'a>(
    times: &'a [TimeExpression],
    analysis: &TextAnalysis,
    sentence: usize,
) -> Option<&'a TimeExpression> {
    let span = analysis.sentences.get(sentence)?.span;
    governing_time(times, analysis, span)
}

#[cfg(test)]
mod tests;
