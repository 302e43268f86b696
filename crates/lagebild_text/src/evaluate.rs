//! The evaluation harness: segmentation of raw text rebuilt from a UD treebank, scored
//! against the treebank's sentences and surface tokens.

use std::collections::HashMap;
use std::fmt::Write as _;

use lagebild_doc::conllu::{self, ConlluSentence};
use lagebild_doc::{Lang, Span};

/// How many error samples a report keeps per kind.
const SAMPLES: usize = 40;

/// Scores of one segmentation run against gold data.
#[derive(Clone, Debug, Default)]
pub struct SegmentationReport {
    pub lang: Lang,
    /// Bytes of rebuilt raw text.
    pub bytes: usize,
    pub gold_sentences: usize,
    pub predicted_sentences: usize,
    /// Sentences whose span matches a gold sentence exactly.
    pub matched_sentences: usize,
    /// Sentence ends inside the text (the end of the text itself is not counted).
    pub gold_boundaries: usize,
    pub predicted_boundaries: usize,
    pub matched_boundaries: usize,
    /// Gold surface tokens (multiword tokens count once, by their surface form).
    pub gold_tokens: usize,
    pub predicted_tokens: usize,
    pub matched_tokens: usize,
    /// Gold tokens and matches after joining compound hyphens (see `join_hyphens`).
    pub gold_tokens_joined: usize,
    pub matched_tokens_joined: usize,
    /// Gold tokens whose form could not be found in the sentence text (left out).
    pub unaligned_tokens: usize,
    /// Reading problems (a CoNLL-U error names its line).
    pub problems: Vec<String>,
    /// Sentence ends missed or invented, with context (`⟂` marks the place).
    pub boundary_errors: Vec<String>,
    /// Missed gold tokens with context (`⟂` marks the token's start).
    pub token_errors: Vec<String>,
    /// The most frequent gold tokens (hyphens joined) that were not produced, with counts.
    pub missed_tokens: Vec<(String, usize)>,
    /// The most frequent produced tokens that are not gold, with counts.
    pub spurious_tokens: Vec<(String, usize)>,
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 / whole as f64 }
}

fn f1(matched: usize, gold: usize, predicted: usize) -> f64 {
    let (precision, recall) = (ratio(matched, predicted), ratio(matched, gold));
    if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) }
}

impl SegmentationReport {
    pub fn boundary_precision(&self) -> f64 {
        ratio(self.matched_boundaries, self.predicted_boundaries)
    }

    pub fn boundary_recall(&self) -> f64 {
        ratio(self.matched_boundaries, self.gold_boundaries)
    }

    pub fn boundary_f1(&self) -> f64 {
        f1(self.matched_boundaries, self.gold_boundaries, self.predicted_boundaries)
    }

    /// F1 of whole sentences (start and end both right), as in the CoNLL 2018 shared task.
    pub fn sentence_f1(&self) -> f64 {
        f1(self.matched_sentences, self.gold_sentences, self.predicted_sentences)
    }

    pub fn token_precision(&self) -> f64 {
        ratio(self.matched_tokens, self.predicted_tokens)
    }

    pub fn token_recall(&self) -> f64 {
        ratio(self.matched_tokens, self.gold_tokens)
    }

    pub fn token_f1(&self) -> f64 {
        f1(self.matched_tokens, self.gold_tokens, self.predicted_tokens)
    }

    /// Token F1 against gold tokens whose compound hyphens are joined (`US-Präsident`),
    /// lagebild's convention.
    pub fn token_f1_joined(&self) -> f64 {
        f1(self.matched_tokens_joined, self.gold_tokens_joined, self.predicted_tokens)
    }

    /// A plain-text table with one row per named report.
    pub fn table(rows: &[(&str, &SegmentationReport)]) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<18} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8} {:>7} {:>7} {:>7} {:>8} {:>6}",
            "treebank",
            "sents",
            "bnd P",
            "bnd R",
            "bnd F1",
            "sent F1",
            "tokens",
            "tok P",
            "tok R",
            "tok F1",
            "F1 hyph",
            "unal."
        );
        for (name, report) in rows {
            let _ = writeln!(
                out,
                "{:<18} {:>7} {:>7.2} {:>7.2} {:>7.2} {:>7.2} {:>8} {:>7.2} {:>7.2} {:>7.2} {:>8.2} {:>6}",
                name,
                report.gold_sentences,
                100.0 * report.boundary_precision(),
                100.0 * report.boundary_recall(),
                100.0 * report.boundary_f1(),
                100.0 * report.sentence_f1(),
                report.gold_tokens,
                100.0 * report.token_precision(),
                100.0 * report.token_recall(),
                100.0 * report.token_f1(),
                100.0 * report.token_f1_joined(),
                report.unaligned_tokens,
            );
        }
        out
    }
}

/// Gold tokens with the hyphens of compounds joined to their parts, as lagebild
/// tokenizes them: `US` `-` `Präsident` becomes `US-Präsident`, `Raketen` `-` (before a
/// space or comma) becomes `Raketen-`. German GSD and PUD and English EWT and GUM split
/// these; the brief for lagebild keeps them whole.
fn join_hyphens(text: &str, tokens: &[Span]) -> Vec<Span> {
    let mut joined: Vec<Span> = Vec::with_capacity(tokens.len());
    let mut index = 0;
    while index < tokens.len() {
        let token = tokens[index];
        let attached_to_previous = joined.last().is_some_and(|previous| {
            previous.end == token.start && previous.slice(text).chars().next_back().is_some_and(char::is_alphanumeric)
        });
        if token.slice(text) == "-" && attached_to_previous {
            let next = tokens.get(index + 1).copied();
            let glued_next = next.filter(|next| {
                next.start == token.end && next.slice(text).chars().next().is_some_and(char::is_alphanumeric)
            });
            let before_gap = next.is_none_or(|next| next.start > token.end || next.slice(text) == ",");
            if let Some(previous) = joined.last_mut() {
                if let Some(next) = glued_next {
                    previous.end = next.end;
                    index += 2;
                    continue;
                }
                if before_gap {
                    previous.end = token.end;
                    index += 1;
                    continue;
                }
            }
        }
        joined.push(token);
        index += 1;
    }
    joined
}

/// Raw text rebuilt from a treebank, with the gold sentence and token spans in it.
struct Gold {
    text: String,
    sentences: Vec<Span>,
    tokens: Vec<Span>,
    unaligned: usize,
}

/// Rebuilds a document's raw text: sentences joined by a newline where `# newdoc` or
/// `# newpar` starts a new paragraph, by a space elsewhere.
fn rebuild(sentences: &[ConlluSentence]) -> Gold {
    let mut gold = Gold { text: String::new(), sentences: Vec::new(), tokens: Vec::new(), unaligned: 0 };
    for (index, sentence) in sentences.iter().enumerate() {
        if index > 0 {
            let paragraph =
                sentence.comments.iter().any(|comment| comment.starts_with("newdoc") || comment.starts_with("newpar"));
            gold.text.push(if paragraph { '\n' } else { ' ' });
        }
        let sentence_text = match &sentence.text {
            Some(text) => text.trim().to_string(),
            None => surface_tokens(sentence).iter().fold(String::new(), |mut text, (form, space)| {
                text.push_str(form);
                if *space {
                    text.push(' ');
                }
                text
            }),
        };
        let base = gold.text.len();
        gold.text.push_str(sentence_text.trim_end());
        let end = gold.text.len();
        if end > base {
            gold.sentences.push(Span::from_range(base..end));
        }
        let mut cursor = base;
        for (form, _) in surface_tokens(sentence) {
            let rest = &gold.text[cursor..end];
            let skipped = rest.len() - rest.trim_start().len();
            let start = cursor + skipped;
            let found = if gold.text[start..end].starts_with(form.as_str()) {
                Some(start)
            } else {
                // Forms that differ from the text (rare) are searched a little ahead.
                let window = floor_boundary(&gold.text, (start + 64).min(end));
                gold.text[start..window].find(form.as_str()).map(|offset| start + offset)
            };
            match found.filter(|_| !form.is_empty()) {
                Some(token_start) => {
                    let token_end = token_start + form.len();
                    gold.tokens.push(Span::from_range(token_start..token_end));
                    cursor = token_end;
                }
                None => gold.unaligned += 1,
            }
        }
    }
    gold
}

fn floor_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The surface tokens of a sentence: multiword tokens by their form, other words by
/// theirs, each with whether a space follows.
fn surface_tokens(sentence: &ConlluSentence) -> Vec<(String, bool)> {
    let mut tokens = Vec::with_capacity(sentence.words.len());
    let mut skip_until = 0;
    for word in &sentence.words {
        if word.id <= skip_until {
            continue;
        }
        if let Some(multiword) = sentence.multiword.iter().find(|multiword| multiword.first == word.id) {
            let space = !multiword.misc.split('|').any(|item| item == "SpaceAfter=No");
            let parts: Vec<&str> = sentence
                .words
                .iter()
                .filter(|part| (multiword.first..=multiword.last).contains(&part.id))
                .map(|part| part.form.as_str())
                .collect();
            if parts.concat() == multiword.form {
                // The words spell out the surface form (English `do|n't`, `Russia|'s`):
                // lagebild splits these, so they are scored as words.
                let count = parts.len();
                for (index, part) in parts.into_iter().enumerate() {
                    tokens.push((part.to_string(), index + 1 == count && space));
                }
            } else {
                tokens.push((multiword.form.clone(), space));
            }
            skip_until = multiword.last;
        } else {
            tokens.push((word.form.clone(), word.space_after()));
        }
    }
    tokens
}

fn context(text: &str, at: usize) -> String {
    let start = floor_boundary(text, at.saturating_sub(40));
    let end = floor_boundary(text, (at + 40).min(text.len()));
    format!("{}⟂{}", &text[start..at], &text[at..end]).replace('\n', "¶")
}

fn top(counts: HashMap<String, usize>) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.truncate(SAMPLES);
    counts
}

/// Segments the raw text rebuilt from `conllu_text` and scores sentence boundaries and
/// tokens against the treebank.
///
/// The raw text is the sentences' `# text` lines (or their words and `SpaceAfter=No`),
/// joined by a newline where `# newdoc` or `# newpar` starts a paragraph and by a space
/// elsewhere. Gold tokens are the surface tokens: a multiword token counts once by its
/// form (`zum`), except when its words spell out the form (English `do|n't`,
/// `Russia|'s`), where the words count, as lagebild splits those. Boundary scores count
/// sentence ends inside the text; `sentence_f1` needs both ends right. Token scores are
/// given twice: against the treebank as is, and with compound hyphens joined
/// (`US-Präsident`), lagebild's convention where the treebanks split.
///
/// A file that does not parse yields an empty report whose `problems` name the line.
pub fn evaluate(conllu_text: &str, lang: Lang) -> SegmentationReport {
    let mut report = SegmentationReport { lang, ..SegmentationReport::default() };
    let sentences = match conllu::parse(conllu_text) {
        Ok(sentences) => sentences,
        Err(error) => {
            report.problems.push(error.to_string());
            return report;
        }
    };
    let gold = rebuild(&sentences);
    let text = gold.text.as_str();
    let analysis = crate::segment(text, Span::from_range(0..text.len()), lang, None);
    report.bytes = text.len();
    report.unaligned_tokens = gold.unaligned;

    report.gold_sentences = gold.sentences.len();
    report.predicted_sentences = analysis.sentences.len();
    let predicted_sentences: Vec<Span> = analysis.sentences.iter().map(|sentence| sentence.span).collect();
    report.matched_sentences = count_common(&gold.sentences, &predicted_sentences);

    let inner_ends = |spans: &[Span]| -> Vec<usize> {
        let count = spans.len().saturating_sub(1);
        spans[..count].iter().map(|span| span.end as usize).collect()
    };
    let gold_ends = inner_ends(&gold.sentences);
    let predicted_ends = inner_ends(&predicted_sentences);
    report.gold_boundaries = gold_ends.len();
    report.predicted_boundaries = predicted_ends.len();
    let (mut gold_index, mut predicted_index) = (0, 0);
    while gold_index < gold_ends.len() || predicted_index < predicted_ends.len() {
        let gold_end = gold_ends.get(gold_index).copied().unwrap_or(usize::MAX);
        let predicted_end = predicted_ends.get(predicted_index).copied().unwrap_or(usize::MAX);
        if gold_end == predicted_end {
            report.matched_boundaries += 1;
            gold_index += 1;
            predicted_index += 1;
        } else if gold_end < predicted_end {
            if report.boundary_errors.len() < SAMPLES * 2 {
                report.boundary_errors.push(format!("missed   {}", context(text, gold_end)));
            }
            gold_index += 1;
        } else {
            if report.boundary_errors.len() < SAMPLES * 2 {
                report.boundary_errors.push(format!("invented {}", context(text, predicted_end)));
            }
            predicted_index += 1;
        }
    }

    let predicted_tokens: Vec<Span> = analysis.tokens.iter().map(|token| token.span).collect();
    report.gold_tokens = gold.tokens.len();
    report.predicted_tokens = predicted_tokens.len();
    report.matched_tokens = count_common(&gold.tokens, &predicted_tokens);
    let joined = join_hyphens(text, &gold.tokens);
    report.gold_tokens_joined = joined.len();
    report.matched_tokens_joined = count_common(&joined, &predicted_tokens);
    let gold_tokens = joined;
    let mut missed = HashMap::new();
    let mut spurious = HashMap::new();
    let (mut gold_index, mut predicted_index) = (0, 0);
    while gold_index < gold_tokens.len() || predicted_index < predicted_tokens.len() {
        let gold_span = gold_tokens.get(gold_index).copied().unwrap_or(Span::new(u32::MAX, u32::MAX));
        let predicted_span = predicted_tokens.get(predicted_index).copied().unwrap_or(Span::new(u32::MAX, u32::MAX));
        if gold_span == predicted_span {
            gold_index += 1;
            predicted_index += 1;
        } else if gold_span < predicted_span {
            *missed.entry(gold_span.slice(text).to_string()).or_insert(0) += 1;
            if report.token_errors.len() < SAMPLES * 2 {
                report.token_errors.push(format!(
                    "{:<12} {}",
                    gold_span.slice(text),
                    context(text, gold_span.start as usize)
                ));
            }
            gold_index += 1;
        } else {
            *spurious.entry(predicted_span.slice(text).to_string()).or_insert(0) += 1;
            predicted_index += 1;
        }
    }
    report.missed_tokens = top(missed);
    report.spurious_tokens = top(spurious);
    report
}

/// The number of spans present in both sorted lists.
fn count_common(gold: &[Span], predicted: &[Span]) -> usize {
    let (mut gold_index, mut predicted_index, mut common) = (0, 0, 0);
    while gold_index < gold.len() && predicted_index < predicted.len() {
        match gold[gold_index].cmp(&predicted[predicted_index]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                gold_index += 1;
                predicted_index += 1;
            }
            std::cmp::Ordering::Less => gold_index += 1,
            std::cmp::Ordering::Greater => predicted_index += 1,
        }
    }
    common
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = a\n# text = Er kam z. B. um 5.\n1\tEr\ter\tPRON\t_\t_\t2\tnsubj\t_\t_\n2\tkam\tkommen\tVERB\t_\t_\t0\troot\t_\t_\n3\tz.\tz.\tADV\t_\t_\t2\tadvmod\t_\t_\n4\tB.\tB.\tADV\t_\t_\t3\tfixed\t_\t_\n5\tum\tum\tADP\t_\t_\t6\tcase\t_\t_\n6\t5\t5\tNUM\t_\t_\t2\tobl\t_\tSpaceAfter=No\n7\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n# text = Dann ging er zum Zug.\n1\tDann\tdann\tADV\t_\t_\t3\tadvmod\t_\t_\n2\tging\tgehen\tVERB\t_\t_\t0\troot\t_\t_\n3\ter\ter\tPRON\t_\t_\t2\tnsubj\t_\t_\n4-5\tzum\t_\t_\t_\t_\t_\t_\t_\t_\n4\tzu\tzu\tADP\t_\t_\t6\tcase\t_\t_\n5\tdem\tder\tDET\t_\t_\t6\tdet\t_\t_\n6\tZug\tZug\tNOUN\t_\t_\t2\tobl\t_\tSpaceAfter=No\n7\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n";

    #[test]
    fn rebuilds_text_and_surface_tokens() {
        let sentences = conllu::parse(SAMPLE).expect("sample parses");
        let gold = rebuild(&sentences);
        assert_eq!(gold.text, "Er kam z. B. um 5. Dann ging er zum Zug.");
        let forms: Vec<&str> = gold.tokens.iter().map(|span| span.slice(&gold.text)).collect();
        assert_eq!(forms, ["Er", "kam", "z.", "B.", "um", "5", ".", "Dann", "ging", "er", "zum", "Zug", "."]);
        assert_eq!(gold.unaligned, 0);
    }

    #[test]
    fn scores_a_small_treebank() {
        let report = evaluate(SAMPLE, Lang::De);
        assert_eq!(report.gold_sentences, 2);
        assert_eq!(report.gold_boundaries, 1);
        assert_eq!(report.gold_tokens, 13);
        assert!(report.token_f1() > 0.99, "{report:?}");
        assert!(report.boundary_f1() > 0.99, "{report:?}");
        assert!(SegmentationReport::table(&[("sample", &report)]).contains("sample"));
    }

    #[test]
    fn reports_unreadable_input() {
        let report = evaluate("1\tonly three\tcolumns\n", Lang::En);
        assert_eq!(report.problems.len(), 1);
        assert!(report.problems[0].contains("line 1"), "{:?}", report.problems);
    }
}
