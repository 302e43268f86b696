//! `lagebild explain`: why a sentence was or was not coded.

use std::fmt;

use crate::sentence::SentenceView;
use crate::{CodingInput, Event};

/// One dictionary entry tried on one trigger token.
#[derive(Clone, Debug, PartialEq)]
pub struct Attempt {
    /// Token index within the sentence.
    pub token: usize,
    pub trigger: String,
    /// `de/verbs.txt:57`.
    pub rule: String,
    pub code: Option<String>,
    /// How the trigger matched (`lemma `treffen``, `word form`, particle).
    pub matched: String,
    /// The argument frame the entry was tried against.
    pub frame: String,
    /// `coded: ...` or the reason it was not.
    pub outcome: String,
}

/// The explanation of one sentence; `Display` renders it for people.
#[derive(Clone, Debug)]
pub struct Explanation {
    pub sentence: usize,
    pub text: String,
    pub parsed: bool,
    /// One line per token: index, form, lemma, UPOS, feats, head, deprel.
    pub tokens: Vec<String>,
    /// One line per actor mention in the sentence.
    pub actors: Vec<String>,
    /// Clause ranges used by the word-order fallback.
    pub clauses: Vec<(usize, usize)>,
    pub attempts: Vec<Attempt>,
    pub events: Vec<Event>,
}

impl Explanation {
    pub(crate) fn new(
        input: &CodingInput<'_>,
        view: &SentenceView<'_>,
        sentence: usize,
        attempts: Vec<Attempt>,
        events: Vec<Event>,
    ) -> Explanation {
        let tokens = view
            .words
            .iter()
            .enumerate()
            .map(|(index, word)| {
                let token = word.token;
                let head = token
                    .head
                    .map_or_else(|| "-".to_string(), |head| head.to_string());
                format!(
                    "{index:>3} {:<18} {:<16} {:<5} {:<28} {:>3} {}",
                    token.span.slice(&input.doc.text),
                    word.lemma,
                    token.upos.as_str(),
                    token.feats.to_conllu(),
                    head,
                    if token.deprel.is_empty() {
                        "_"
                    } else {
                        &token.deprel
                    }
                )
            })
            .collect();
        let actors = input
            .actors
            .iter()
            .filter(|mention| view.span.contains(mention.span))
            .map(|mention| {
                format!(
                    "{:?} -> {} ({}) [{}]",
                    mention.span.slice(&input.doc.text),
                    mention.code,
                    mention.name,
                    mention.rule
                )
            })
            .collect();
        Explanation {
            sentence,
            text: view.span.slice(&input.doc.text).to_string(),
            parsed: view.parsed,
            tokens,
            actors,
            clauses: view.clauses.clone(),
            attempts,
            events,
        }
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(out, "sentence {}: {}", self.sentence, self.text)?;
        writeln!(
            out,
            "analysis ({}):",
            if self.parsed {
                "dependency parse"
            } else {
                "no parse: word order within clauses"
            }
        )?;
        for line in &self.tokens {
            writeln!(out, "  {line}")?;
        }
        if !self.parsed {
            let clauses: Vec<String> = self
                .clauses
                .iter()
                .map(|(start, end)| format!("{start}..{end}"))
                .collect();
            writeln!(out, "clauses: {}", clauses.join(" "))?;
        }
        writeln!(out, "actors:")?;
        if self.actors.is_empty() {
            writeln!(out, "  (none: nothing can be coded without actor mentions)")?;
        }
        for line in &self.actors {
            writeln!(out, "  {line}")?;
        }
        writeln!(out, "dictionary entries tried:")?;
        if self.attempts.is_empty() {
            writeln!(out, "  (no token matched a trigger of the dictionary)")?;
        }
        for attempt in &self.attempts {
            writeln!(
                out,
                "  token {} {:?}: {} [{}] via {}; frame: {}; {}",
                attempt.token,
                attempt.trigger,
                attempt.rule,
                attempt.code.as_deref().unwrap_or("---"),
                attempt.matched,
                if attempt.frame.is_empty() {
                    "no actor arguments"
                } else {
                    &attempt.frame
                },
                attempt.outcome
            )?;
        }
        writeln!(out, "events:")?;
        if self.events.is_empty() {
            writeln!(out, "  (none)")?;
        }
        for event in &self.events {
            let modality: Vec<&str> = event
                .modality
                .iter()
                .map(|modality| modality.as_str())
                .collect();
            writeln!(
                out,
                "  {} -> {} {} ({} {}, goldstein {}, quad {}) [{}] rule {}{}",
                event.source.code,
                event
                    .target
                    .as_ref()
                    .map_or("-", |target| target.code.as_str()),
                event.cameo,
                event.plover.as_deref().unwrap_or("-"),
                event.plover_mode.as_deref().unwrap_or(""),
                event.goldstein,
                event.quad_class,
                modality.join(","),
                event.rule,
                event
                    .attributed_to
                    .as_ref()
                    .map_or(String::new(), |attribution| format!(
                        ", attributed to {}",
                        attribution.name
                    ))
            )?;
        }
        Ok(())
    }
}
