//! Direct, indirect and partial quotations in German and English, attributed to speakers.
//!
//! Data flow: [`annotate`] splits the document body into words and sentences of its
//! own (so it does not depend on the segmenter upstream) and runs the patterns in
//! document order, sentence by sentence:
//! 1. quotation-mark pairs in every common style (`„…“ »…« «…» "…" “…” ‚…‘`), within a
//!    paragraph and across sentences: **direct** when the quote opens a clause (after a
//!    colon, at a sentence start, with a cue after it: `„…“, sagte Rutte`; also the
//!    second half of `„…“, sagte er, „…“`), **partial** when a short quoted phrase sits
//!    inside a sentence that has a cue verb (`nannte es „unangemessen“`);
//! 2. **indirect** speech: a cue verb, a comma and a Konjunktiv clause or a `dass`
//!    clause (`Rutte warnte, die Führung könne ...`); a trailing cue (`..., unterstrich
//!    der Kanzler.`, `..., so der Minister.`); cue phrases (`laut X`, `nach Angaben von
//!    X`, `nach Ruttes Worten`, `nach den Worten des X`, `X zufolge`, `according to X`,
//!    `X said that ...`); and bare Konjunktiv I sentences, which continue the speaker of
//!    the quote just before (`Moskau verstoße damit gegen ...`).
//!
//! Consecutive bare Konjunktiv sentences form one quote. By default
//! ([`QuoteOptions::report_speech_acts`]) sentences whose main verb is a reporting verb
//! (`X nannte es ...`, `X kritisierte ...`) are also indirect quotes.
//!
//! Cue verbs come from the hand-written lexicons `data/cues_de.txt` and
//! `data/cues_en.txt` (separable verbs need their particle in the clause: `teilte ...
//! mit`). Konjunktiv is read from the tagger's `Mood=Sub` when it provides it (Konjunktiv
//! II, `Tense=Past`, only where the listed Konjunktiv II forms count too: right after
//! reported speech), and from a list of Konjunktiv I forms. With a dependency parse in the [`TextAnalysis`], the
//! speaker is the `nsubj` of the cue verb (through auxiliaries, `xcomp` and conjuncts;
//! a relative pronoun stands for its noun), cut to its head noun phrase (a comma
//! apposition is left out: `Maria Beispiel, Sprecherin des Amtes, sagte`); a quote the
//! patterns leave without speaker takes the subject of the verb governing it in the
//! parse, else the last named speaker of the four sentences before. Without a parse,
//! or when it has no subject, the speaker phrase is found around the cue verb; it is
//! named by an overlapping [`ActorMention`] (which resolves pronouns and descriptions)
//! and, without one, by the phrase itself, with pronouns and definite descriptions
//! (`der Kanzler`) taken back to an earlier speaker.
//!
//! Which mention is the speaker follows the German Wikinews quotation corpus: the local
//! mention in the quote's frame, named by what it refers to. `sagte er` gives `er`,
//! `Berger, die angab, ...` gives the relative pronoun `die`, `Demnach ...`, `Seiner
//! Meinung nach ...` and `nach dessen Angaben` give those words, each with the name of
//! the source before; `nach Angaben der Polizei` gives `der Polizei`, and such a source
//! after the verb of a `dass` clause wins over the verb's subject (`bestätigte X laut
//! Reuters, dass`). A colon quote whose clause has no cue verb takes the subject of the
//! sentence's main verb (`Den Unmut brachte die Sprecherin zum Ausdruck:`), with
//! object-first order read from the words after the verb (`Die Arbeit lobte er mit
//! den Worten:`), or a written source (`So heißt es in dem Schreiben:`). Bare Konjunktiv
//! (free indirect) speech continues the quote of the sentence before; without one, the
//! subject of the sentence that introduces it (`Die Stadtreinigung äußerte Zweifel. Es
//! sei rechtens, ...`), looking back over reported and subjectless sentences to the last
//! quote. A partial quote without a cue of its own takes the speaker of the indirect
//! quote around it (`Die „viel zu späten“ Hilfen kämen ..., so Hallmann`).
//!
//! ```
//! use lagebild_doc::{Document, Lang, TextAnalysis};
//! use lagebild_quotes::QuoteKind;
//! let text = "\"Wir bleiben hart\", sagte Ministerin Anna Beispiel am Montag.";
//! let doc = Document { text: text.into(), lang: Lang::De, ..Document::default() };
//! let quotes = lagebild_quotes::annotate(&doc, &TextAnalysis::default(), &[]);
//! assert_eq!(quotes[0].kind, QuoteKind::Direct);
//! assert_eq!(quotes[0].span.slice(text), "Wir bleiben hart");
//! assert_eq!(quotes[0].speaker.as_ref().map(|speaker| speaker.span.slice(text)), Some("Ministerin Anna Beispiel"));
//! ```
//!
//! Guarantees: never panics; spans lie on char boundaries inside the body, quotes are
//! sorted by span; linear in the text length apart from short look-arounds.

mod detect;
pub mod eval;
mod lexicon;
mod sentences;

use lagebild_actors::ActorMention;
use lagebild_doc::{Document, Lang, Span, TextAnalysis};
use serde::{Deserialize, Serialize};

pub use lexicon::check_embedded;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Partial,
}

/// Who said it: the mention in the text and the actor it resolves to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub span: Span,
    pub name: Option<String>,
    pub code: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub kind: QuoteKind,
    /// The quoted content, without quotation marks.
    pub span: Span,
    pub speaker: Option<Speaker>,
    /// The cue (sagte, nach Ruttes Worten, according to).
    pub cue: Option<Span>,
}

/// Errors of loading a cue lexicon.
#[derive(Debug, thiserror::Error)]
pub enum QuoteError {
    #[error("{file}:{line}: {message}")]
    Lexicon {
        file: String,
        line: usize,
        message: String,
    },
}

/// Options of [`annotate_with`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteOptions {
    /// Also report sentences whose main verb is a cue verb without a quoted clause
    /// ("X nannte es den schwärzesten Tag") as indirect quotes of the whole sentence
    /// (Wikinews "Reported"). On by default since Konjunktiv II from the tagger no
    /// longer counts as reported speech by itself: on the Wikinews train split the two
    /// together raise recall and precision over all quotation types.
    pub report_speech_acts: bool,
}

impl Default for QuoteOptions {
    fn default() -> QuoteOptions {
        QuoteOptions {
            report_speech_acts: true,
        }
    }
}

/// Finds the quotations of `doc`, sorted by span.
pub fn annotate(doc: &Document, analysis: &TextAnalysis, actors: &[ActorMention]) -> Vec<Quote> {
    annotate_with(doc, analysis, actors, &QuoteOptions::default())
}

/// [`annotate`] with options.
pub fn annotate_with(
    doc: &Document,
    analysis: &TextAnalysis,
    actors: &[ActorMention],
    options: &QuoteOptions,
) -> Vec<Quote> {
    let (german, english) = match doc.lang {
        Lang::De => (true, false),
        Lang::En => (false, true),
        Lang::Other => (true, true),
    };
    detect::Detector::new(
        &doc.text,
        doc.body_span(),
        analysis,
        actors,
        german,
        english,
    )
    .report_speech_acts(options.report_speech_acts)
    .run()
}

#[cfg(test)]
mod tests;
