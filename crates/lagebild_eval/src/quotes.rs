//! Quotations of the whole pipeline against the German Wikinews quotation corpus.
//!
//! Files are read with [`lagebild_quotes::eval::load_wikinews`] (`originalText`,
//! `annotations` with `type`, `quote.spans`, `speaker.spans`; the publication date from
//! the file name) and analysed by [`Pipeline::analyze`], so quotes see the real tokens,
//! parses and actor mentions.
//!
//! Matching, as in `lagebild_quotes::eval`: a produced and a gold quote match when their
//! character spans overlap by at least half of the shorter one (a discontinuous gold
//! quote counts all its parts), one to one, best overlap first. Per gold type: recall
//! (matched by a quote of any kind). Per produced kind: precision. Per class, with
//! precision, recall and F1 on pairs whose kinds agree: `direct` = gold `Direct` vs
//! produced `direct` and `partial`; `indirect` = gold `Indirect`, `IndirectFreeIndirect`,
//! `FreeIndirect` vs produced `indirect`.
//!
//! Speakers. The corpus annotates the speaker as character spans of one mention in the
//! text (`speaker.spans`): the local mention in the quote's frame (`sagte er` gives `er`,
//! `nach Angaben der Polizei` gives `Angaben der Polizei`), and for a quote without frame
//! (free indirect speech) the mention in the frame of the quote it continues. There is no
//! coreference annotation. A matched quote with a gold speaker counts as right when
//! 1. the produced speaker span overlaps a gold speaker span (the corpus's own semantics:
//!    `Angela Merkel` for gold `Bundeskanzlerin Angela Merkel` is right), or
//! 2. the produced speaker's resolved name ends in a name word of the gold mention's head:
//!    another mention of the same person or body (`er` resolved to `Angela Merkel` for gold
//!    `Merkel`). The head leaves out what is attached by a genitive or a preposition
//!    (`Merkel` is not the speaker `der Sprecher von Merkel`) and parentheses, but keeps
//!    comma appositions (`Berger, die Anwältin der Klägerin`); after a source noun
//!    (`Angaben der Polizei`, `einer Erklärung des Ministeriums`) the attached phrase is
//!    the source and counts. A gold pronoun (`er`) can only be matched by its span.
//!
//! `speaker_span_right` counts criterion 1 alone.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use lagebild_doc::{CharOffsets, Document};
use lagebild_pipeline::Pipeline;
use lagebild_quotes::QuoteKind;
use serde::Serialize;

use crate::{EvalError, clip, f1, ratio};

/// Scores of one gold type, produced kind or class.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct QuoteTypeScore {
    pub name: String,
    pub gold: usize,
    /// Gold quotes of this type matched (recall).
    pub gold_matched: usize,
    pub predicted: usize,
    /// Produced quotes of this kind matched (precision).
    pub predicted_matched: usize,
    /// Gold types only: matched quotes with a gold speaker, and those with the right one.
    pub speaker_scorable: usize,
    pub speaker_right: usize,
}

impl QuoteTypeScore {
    pub fn recall(&self) -> f64 {
        ratio(self.gold_matched, self.gold)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_matched, self.predicted)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.speaker_scorable)
    }
}

/// The result of [`quotes`].
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct QuoteReport {
    pub path: String,
    pub documents: usize,
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    /// By gold type (`Direct`, `Indirect`, ...): gold and matched.
    pub by_gold_type: Vec<QuoteTypeScore>,
    /// By produced kind (`direct`, `indirect`, `partial`): predicted and matched.
    pub by_predicted_kind: Vec<QuoteTypeScore>,
    /// `direct` and `indirect` classes with kinds agreeing (see the module docs).
    pub by_class: Vec<QuoteTypeScore>,
    /// Matched quotes with a gold speaker, and those whose produced speaker is right.
    pub speaker_scorable: usize,
    pub speaker_right: usize,
    /// Of those, the ones whose produced speaker span overlaps a gold speaker span
    /// (the stricter criterion of `lagebild_quotes::eval`).
    pub speaker_span_right: usize,
    /// Misses, extras and wrong speakers, for reading.
    pub errors: Vec<String>,
    /// How many of `errors` `Display` prints.
    pub show_errors: usize,
    /// Errors by kind (`miss Indirect`, `extra partial`, `speaker missing`, `speaker wrong`).
    pub error_kinds: BTreeMap<String, usize>,
}

impl QuoteReport {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.speaker_scorable)
    }
    /// Recall of one gold type (`Direct`, ...), 0 when absent.
    pub fn recall_of(&self, gold_type: &str) -> f64 {
        self.by_gold_type
            .iter()
            .find(|score| score.name == gold_type)
            .map_or(0.0, QuoteTypeScore::recall)
    }
}

impl fmt::Display for QuoteReport {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |value: f64| format!("{:.1}", 100.0 * value);
        writeln!(
            out,
            "quotation evaluation: {} ({} documents)",
            self.path, self.documents
        )?;
        writeln!(
            out,
            "{:<22} {:>6} {:>8} {:>8} {:>13} {:>9}",
            "gold type", "gold", "matched", "recall%", "speaker right", "speaker%"
        )?;
        for score in &self.by_gold_type {
            writeln!(
                out,
                "{:<22} {:>6} {:>8} {:>8} {:>13} {:>9}",
                score.name,
                score.gold,
                score.gold_matched,
                pct(score.recall()),
                format!("{}/{}", score.speaker_right, score.speaker_scorable),
                pct(score.speaker_accuracy())
            )?;
        }
        writeln!(
            out,
            "\n{:<22} {:>9} {:>8} {:>6}",
            "produced kind", "produced", "matched", "prec%"
        )?;
        for score in &self.by_predicted_kind {
            writeln!(
                out,
                "{:<22} {:>9} {:>8} {:>6}",
                score.name,
                score.predicted,
                score.predicted_matched,
                pct(score.precision())
            )?;
        }
        writeln!(
            out,
            "\n{:<22} {:>6} {:>9} {:>7} {:>6} {:>8} {:>6}",
            "class (kinds agree)", "gold", "produced", "prec%", "rec%", "F1%", ""
        )?;
        for score in &self.by_class {
            writeln!(
                out,
                "{:<22} {:>6} {:>9} {:>7} {:>6} {:>8}",
                score.name,
                score.gold,
                score.predicted,
                pct(score.precision()),
                pct(score.recall()),
                pct(score.f1())
            )?;
        }
        writeln!(
            out,
            "{:<22} {:>6} {:>9} {:>7} {:>6} {:>8}   (any kind)",
            "all",
            self.gold,
            self.predicted,
            pct(self.precision()),
            pct(self.recall()),
            pct(self.f1())
        )?;
        writeln!(out, "direct recall: {}%", pct(self.recall_of("Direct")))?;
        writeln!(
            out,
            "speaker accuracy on matched quotes: {}/{} ({}%)",
            self.speaker_right,
            self.speaker_scorable,
            pct(self.speaker_accuracy())
        )?;
        writeln!(
            out,
            "  of which speaker span overlaps the gold speaker: {}/{} ({}%)",
            self.speaker_span_right,
            self.speaker_scorable,
            pct(ratio(self.speaker_span_right, self.speaker_scorable))
        )?;
        if !self.error_kinds.is_empty() {
            let mut kinds: Vec<_> = self.error_kinds.iter().collect();
            kinds.sort_by(|a, b| b.1.cmp(a.1));
            let kinds: Vec<String> = kinds
                .iter()
                .map(|(kind, count)| format!("{kind} {count}"))
                .collect();
            writeln!(out, "errors by kind: {}", kinds.join(", "))?;
        }
        if !self.errors.is_empty() && self.show_errors > 0 {
            writeln!(
                out,
                "\nerrors (first {} of {}):",
                self.show_errors.min(self.errors.len()),
                self.errors.len()
            )?;
            for error in self.errors.iter().take(self.show_errors) {
                writeln!(out, "  {error}")?;
            }
        }
        Ok(())
    }
}

fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Partial => "partial",
    }
}

fn gold_class(gold_type: &str) -> Option<&'static str> {
    match gold_type {
        "Direct" => Some("direct"),
        "Indirect" | "IndirectFreeIndirect" | "FreeIndirect" => Some("indirect"),
        _ => None,
    }
}

fn predicted_class(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct | QuoteKind::Partial => "direct",
        QuoteKind::Indirect => "indirect",
    }
}

fn overlap(a: (u32, u32), b: (u32, u32)) -> u32 {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn char_slice(text: &str, (start, end): (u32, u32)) -> String {
    text.chars()
        .skip(start as usize)
        .take(end.saturating_sub(start) as usize)
        .collect()
}

/// Nouns whose genitive or `von` attachment names the source itself
/// (`Angaben der Polizei`, `einer Erklärung des Ministeriums`).
const SOURCE_HEADS: &[&str] = &[
    "angaben",
    "aussage",
    "aussagen",
    "bericht",
    "berichte",
    "berichten",
    "erklärung",
    "stellungnahme",
    "mitteilung",
    "pressemitteilung",
    "worte",
    "worten",
    "informationen",
    "auskunft",
    "ansicht",
    "auffassung",
    "einschätzung",
    "darstellung",
    "meinung",
    "schreiben",
    "versprechen",
];

/// Words that attach a phrase to the head noun (genitive, prepositions).
const ATTACHMENTS: &[&str] = &[
    "des",
    "der",
    "von",
    "vom",
    "aus",
    "bei",
    "beim",
    "im",
    "in",
    "für",
    "mit",
    "am",
    "an",
    "auf",
    "zur",
    "zum",
    "gegenüber",
];

/// Whether the resolved `name` ends in a name word of the head of the gold speaker
/// mention (see the module docs): the words of each comma part up to the first
/// attachment after a noun, parentheses left out; after a source noun the attached
/// phrase counts too.
fn names_gold_head(name: &str, gold_speaker: &[String]) -> bool {
    let Some(last) = name.split_whitespace().last().and_then(|word| {
        word.split(|c: char| !c.is_alphanumeric())
            .rfind(|part| !part.is_empty())
    }) else {
        return false;
    };
    // A name word is capitalised: "Steuern" or a determiner never names a speaker.
    if !last.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    gold_speaker.iter().any(|gold| {
        let mut depth = 0usize;
        let mut without_parentheses = String::new();
        for ch in gold.chars() {
            match ch {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => without_parentheses.push(ch),
                _ => {}
            }
        }
        without_parentheses.split(',').any(|part| {
            let mut seen_noun = false;
            let mut source = false;
            for word in part.split_whitespace() {
                let lower = word.to_lowercase();
                if seen_noun && ATTACHMENTS.contains(&lower.as_str()) && !source {
                    break;
                }
                if word
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|piece| piece == last)
                {
                    return true;
                }
                if word.chars().next().is_some_and(char::is_uppercase)
                    && ![
                        "der", "die", "das", "den", "dem", "ein", "eine", "einer", "einem",
                    ]
                    .contains(&lower.as_str())
                {
                    seen_noun = true;
                    source = SOURCE_HEADS
                        .iter()
                        .any(|head| lower == *head || lower.ends_with(head));
                }
            }
            false
        })
    })
}

/// Evaluates `Pipeline::embedded()` on the Wikinews JSON files of the folder `dir`.
pub fn quotes(dir: &Path) -> Result<QuoteReport, EvalError> {
    quotes_with(&Pipeline::embedded(), dir)
}

/// [`quotes`] with a given pipeline.
pub fn quotes_with(pipeline: &Pipeline, dir: &Path) -> Result<QuoteReport, EvalError> {
    let documents = lagebild_quotes::eval::load_wikinews(dir).map_err(|error| EvalError::Read {
        path: dir.display().to_string(),
        message: error.to_string(),
    })?;
    let mut report = QuoteReport {
        path: dir.display().to_string(),
        documents: documents.len(),
        show_errors: 60,
        ..QuoteReport::default()
    };
    let mut by_gold: BTreeMap<String, QuoteTypeScore> = BTreeMap::new();
    let mut by_kind: BTreeMap<String, QuoteTypeScore> = BTreeMap::new();
    let mut by_class: BTreeMap<String, QuoteTypeScore> = ["direct", "indirect"]
        .iter()
        .map(|name| {
            (
                name.to_string(),
                QuoteTypeScore {
                    name: name.to_string(),
                    ..QuoteTypeScore::default()
                },
            )
        })
        .collect();
    for gold_document in &documents {
        let doc: &Document = &gold_document.doc;
        let analysis = pipeline.analyze(doc.clone());
        let text = &analysis.doc.text;
        let chars = CharOffsets::new(text);
        let produced = &analysis.quotes;
        report.gold += gold_document.quotes.len();
        report.predicted += produced.len();
        for gold in &gold_document.quotes {
            by_gold
                .entry(gold.kind.clone())
                .or_insert_with(|| QuoteTypeScore {
                    name: gold.kind.clone(),
                    ..QuoteTypeScore::default()
                })
                .gold += 1;
            if let Some(class) = gold_class(&gold.kind).and_then(|class| by_class.get_mut(class)) {
                class.gold += 1;
            }
        }
        for quote in produced {
            let name = kind_name(quote.kind);
            by_kind
                .entry(name.to_string())
                .or_insert_with(|| QuoteTypeScore {
                    name: name.to_string(),
                    ..QuoteTypeScore::default()
                })
                .predicted += 1;
            if let Some(class) = by_class.get_mut(predicted_class(quote.kind)) {
                class.predicted += 1;
            }
        }
        let mut pairs: Vec<(f64, f64, usize, usize)> = Vec::new();
        for (gold_index, gold) in gold_document.quotes.iter().enumerate() {
            let gold_length: u32 = gold
                .spans
                .iter()
                .map(|span| span.1.saturating_sub(span.0))
                .sum();
            for (index, quote) in produced.iter().enumerate() {
                let span = chars.span(quote.span);
                let shared: u32 = gold
                    .spans
                    .iter()
                    .map(|gold_span| overlap(span, *gold_span))
                    .sum();
                let shorter = gold_length.min(span.1.saturating_sub(span.0)).max(1);
                let share = f64::from(shared) / f64::from(shorter);
                let union = (gold_length + span.1.saturating_sub(span.0))
                    .saturating_sub(shared)
                    .max(1);
                let jaccard = f64::from(shared) / f64::from(union);
                if shared > 0 && share >= 0.5 {
                    pairs.push((share, jaccard, gold_index, index));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.total_cmp(&a.1)));
        let mut gold_used = vec![false; gold_document.quotes.len()];
        let mut produced_used = vec![false; produced.len()];
        for (_, _, gold_index, index) in pairs {
            if gold_used[gold_index] || produced_used[index] {
                continue;
            }
            gold_used[gold_index] = true;
            produced_used[index] = true;
            report.matched += 1;
            let gold = &gold_document.quotes[gold_index];
            let quote = &produced[index];
            if let Some(score) = by_gold.get_mut(&gold.kind) {
                score.gold_matched += 1;
            }
            if let Some(score) = by_kind.get_mut(kind_name(quote.kind)) {
                score.predicted_matched += 1;
            }
            let class = predicted_class(quote.kind);
            if let Some(score) = by_class
                .get_mut(class)
                .filter(|_| gold_class(&gold.kind) == Some(class))
            {
                score.gold_matched += 1;
                score.predicted_matched += 1;
            }
            if gold.speaker_spans.is_empty() {
                continue;
            }
            report.speaker_scorable += 1;
            let gold_speaker: Vec<String> = gold
                .speaker_spans
                .iter()
                .map(|span| char_slice(text, *span))
                .collect();
            let produced_span = quote
                .speaker
                .as_ref()
                .map(|speaker| chars.span(speaker.span));
            let overlaps = produced_span.is_some_and(|span| {
                gold.speaker_spans
                    .iter()
                    .any(|gold_span| overlap(span, *gold_span) > 0)
            });
            let named = quote
                .speaker
                .as_ref()
                .and_then(|speaker| speaker.name.as_deref())
                .is_some_and(|name| names_gold_head(name, &gold_speaker));
            report.speaker_span_right += usize::from(overlaps);
            let right = overlaps || named;
            if let Some(score) = by_gold.get_mut(&gold.kind) {
                score.speaker_scorable += 1;
                score.speaker_right += usize::from(right);
            }
            if right {
                report.speaker_right += 1;
            } else {
                let kind = if quote.speaker.is_some() {
                    "speaker wrong"
                } else {
                    "speaker missing"
                };
                *report.error_kinds.entry(kind.to_string()).or_default() += 1;
                let produced_speaker = quote
                    .speaker
                    .as_ref()
                    .map(|speaker| (speaker.span.slice(text).to_string(), speaker.name.clone()));
                let quote_chars = chars.span(quote.span);
                report.errors.push(format!(
                    "{}: wrong speaker: gold {:?} @{:?} produced {:?} @{:?} for {} @{:?} {:?}",
                    doc.id,
                    gold_speaker.join(" … "),
                    gold.speaker_spans.first().map(|span| span.0),
                    produced_speaker,
                    produced_span.map(|span| span.0),
                    gold.kind,
                    (quote_chars.0, quote_chars.1),
                    clip(quote.span.slice(text), 100)
                ));
            }
        }
        for (gold_index, gold) in gold_document.quotes.iter().enumerate() {
            if !gold_used[gold_index] {
                *report
                    .error_kinds
                    .entry(format!("miss {}", gold.kind))
                    .or_default() += 1;
                let quoted: Vec<String> = gold
                    .spans
                    .iter()
                    .map(|span| char_slice(text, *span))
                    .collect();
                report.errors.push(format!(
                    "{}: miss {} (cue {:?}): {:?}",
                    doc.id,
                    gold.kind,
                    gold.cue,
                    clip(&quoted.join(" … "), 140)
                ));
            }
        }
        for (index, quote) in produced.iter().enumerate() {
            if !produced_used[index] {
                *report
                    .error_kinds
                    .entry(format!("extra {}", kind_name(quote.kind)))
                    .or_default() += 1;
                report.errors.push(format!(
                    "{}: extra {}: {:?}",
                    doc.id,
                    kind_name(quote.kind),
                    clip(quote.span.slice(text), 140)
                ));
            }
        }
    }
    report.by_gold_type = by_gold.into_values().collect();
    report.by_predicted_kind = by_kind.into_values().collect();
    report.by_class = by_class.into_values().collect();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata;

    fn annotation(text: &str, kind: &str, quote: &str, speaker: &str) -> serde_json::Value {
        let chars = |needle: &str| {
            let byte = text.find(needle).expect("needle");
            let start = text[..byte].chars().count();
            serde_json::json!([{"charBegin": start, "charEnd": start + needle.chars().count()}])
        };
        serde_json::json!({"type": kind, "quote": {"spans": chars(quote)}, "speaker": {"spans": chars(speaker)}, "cue": {"text": "sagte"}})
    }

    fn check(report: &QuoteReport) {
        assert!(report.matched <= report.gold.min(report.predicted));
        assert!(
            report.speaker_span_right <= report.speaker_right
                && report.speaker_right <= report.speaker_scorable
                && report.speaker_scorable <= report.matched
        );
        for score in report
            .by_gold_type
            .iter()
            .chain(&report.by_predicted_kind)
            .chain(&report.by_class)
        {
            assert!(score.gold_matched <= score.gold || score.gold == 0 && score.gold_matched == 0);
            assert!(score.predicted_matched <= score.predicted || score.predicted == 0);
        }
        assert_eq!(
            report
                .by_gold_type
                .iter()
                .map(|score| score.gold)
                .sum::<usize>(),
            report.gold
        );
        assert_eq!(
            report
                .by_predicted_kind
                .iter()
                .map(|score| score.predicted)
                .sum::<usize>(),
            report.predicted
        );
        assert!(report.to_string().contains("speaker accuracy"));
        assert_eq!(
            report.error_kinds.values().sum::<usize>(),
            report.errors.len()
        );
        let misses: usize = report
            .error_kinds
            .iter()
            .filter(|(kind, _)| kind.starts_with("miss"))
            .map(|(_, count)| count)
            .sum();
        assert_eq!(misses, report.gold - report.matched);
        assert!(serde_json::to_value(report).is_ok());
    }

    #[test]
    fn small_corpus() {
        let dir = testdata::folder("quotes_small");
        let text = "Der Bürgermeister Hans Gruber sagte: „Wir bauen die Brücke im Sommer neu.“ \
                    Die Stadt habe genug Geld dafür, erklärte Gruber weiter.";
        let json = serde_json::json!({
            "originalText": text,
            "annotations": [
                annotation(text, "Direct", "Wir bauen die Brücke im Sommer neu.", "Der Bürgermeister Hans Gruber"),
                annotation(text, "Indirect", "Die Stadt habe genug Geld dafür", "Gruber"),
            ]
        });
        std::fs::write(dir.join("1 - Brücke (2024-05-02).json"), json.to_string()).expect("write");
        let report = quotes(&dir).expect("report");
        check(&report);
        assert_eq!((report.documents, report.gold), (1, 2));
        assert_eq!(
            report
                .by_class
                .iter()
                .map(|score| score.gold)
                .sum::<usize>(),
            2
        );
        // The colon-introduced direct quote in typographic marks is found by any quote stage.
        assert!(report.recall_of("Direct") > 0.0, "{report}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn speaker_names_match_the_head_of_the_gold_mention() {
        let gold = |text: &str| vec![text.to_string()];
        assert!(names_gold_head(
            "Angela Merkel",
            &gold("Bundeskanzlerin Merkel (CDU)")
        ));
        assert!(names_gold_head(
            "Sabine Berger",
            &gold("Berger, die Anwältin der Klägerin")
        ));
        assert!(names_gold_head("Polizei", &gold("Angaben der Polizei")));
        assert!(names_gold_head(
            "Anna Schimmer-Beispiel",
            &gold("Frau Schimmer-Beispiel")
        ));
        // An attached person is not the speaker, nor is a party in parentheses.
        assert!(!names_gold_head(
            "Angela Merkel",
            &gold("der Sprecher von Merkel")
        ));
        assert!(!names_gold_head(
            "CDU",
            &gold("Bundeskanzlerin Merkel (CDU)")
        ));
        // A pronoun in the gold is matched by its span only.
        assert!(!names_gold_head("Angela Merkel", &gold("sie")));
        assert!(!names_gold_head("steuern", &gold("Steuern")));
    }

    #[test]
    fn missing_folder_is_named() {
        let error = quotes(Path::new("/nonexistent/wikinews")).expect_err("missing");
        assert!(error.to_string().contains("wikinews"));
    }

    #[test]
    fn wikinews_dev_runs() {
        let Some(dir) = testdata::shared("wikinews_dev_runs", "data/quotes/wikinews-de/dev") else {
            return;
        };
        let report = quotes(&dir).expect("report");
        check(&report);
        assert_eq!(report.documents, 150);
    }
}
