//! Event coding in CAMEO and PLOVER, with modality and provenance.
//!
//! [`Coder`] holds one compiled verb/noun dictionary per language (German
//! `dict/de/verbs.txt`, English `dict/en/verbs.txt`, or a PETRARCH-2 verb dictionary in
//! place of the English one). [`Coder::code`] reads a [`CodingInput`] (tokens with
//! lemma/UPOS/feats/head/deprel, actor mentions, quotes, times, places) and returns one
//! [`Event`] per mention of an event in a sentence.
//!
//! Data flow per sentence: tokens are normalised and actor mentions grouped into phrases
//! (`sentence.rs`); each token is looked up as a trigger (lemma, generated word form,
//! separable base + particle, noun head of a compound); each candidate entry's slots
//! (`$subj +dat`, `+mit`, `<>zwischen`) are filled from the dependency parse, or, when
//! the sentence is unparsed, from word order within the clause; the most specific entry
//! whose required words and slots are all present wins. Passive voice maps the agent
//! (`von`/`durch`/`by`) to the subject slot. Modality (`modality.rs`) and attribution
//! come from negation, modals, tense, quotes and speech verbs. English-only rules
//! (`english.rs`) keep PETRARCH-style coding precise: sports reports code nothing, a
//! bare statement takes no target by word order, two actors of unknown state make no
//! dyad, attribution phrases and the kind-of modifier of a pattern's noun are no target.
//!
//! ```
//! use lagebild_events::Coder;
//! let coder = Coder::embedded();
//! assert!(coder.dictionary_sizes().german_entries > 300);
//! ```
//!
//! Evaluation ([`eval`]): `cargo run --release -p lagebild_events --example eval_events -- seed`
//! (gold files like `../shared/corpus/seed/*.gold.json`), `... -- petrarch` (PETRARCH-2
//! unit tests from their UD parses), `... -- explain GOLD_FILE [SENTENCE]`; speed:
//! `cargo bench -p lagebild_events --bench coding`. Unlabelled news and the English
//! Phoenix proxy are probed from the pipeline crate: `cargo run --release -p
//! lagebild_pipeline --example recall_probe -- FILE.jsonl` (events per 1,000 sentences,
//! uncoded sentences with two actors and why) and `... --example plover_gsr` (CAMEO
//! manual examples coded with the Phoenix dictionaries).
//!
//! Guarantees: coding never panics and never fails; every event names the dictionary
//! entry that fired (`rule`, `de/verbs.txt:123`); events are sorted by sentence and
//! trigger. Precision comes first: an event needs actor mentions in both the source and
//! the target slot. Cost is linear in the number of tokens times the (small) number of
//! entries per trigger lemma; dictionaries are compiled once and shared with `Arc`.

mod coder;
mod codes;
pub mod dictionary;
mod english;
pub mod eval;
mod explain;
mod implied;
mod modality;
pub mod petrarch;
mod sentence;
mod verbs;
mod words;

use lagebild_actors::ActorMention;
use lagebild_doc::{Document, Span, TextAnalysis};
use lagebild_geo::PlaceMention;
use lagebild_quotes::Quote;
use lagebild_timex::TimeExpression;
use serde::{Deserialize, Serialize};

pub use coder::{Coder, CoderBuilder, DictionarySizes};
pub use codes::{
    PloverMapping, goldstein, is_valid as is_valid_cameo, plover, quad_class, root as cameo_root,
};
pub use dictionary::DictionaryError;
pub use explain::{Attempt, Explanation};
pub use verbs::VerbDictionary;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Reported,
    Hypothetical,
    Negated,
    Future,
    Past,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Hypothetical => "hypothetical",
            Modality::Negated => "negated",
            Modality::Future => "future",
            Modality::Past => "past",
        }
    }
}

/// One side of an event: the actor mention and what it resolves to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    pub span: Span,
    pub name: String,
    pub code: String,
    pub country: Option<String>,
}

/// Who reports a reported event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    pub name: String,
    pub code: Option<String>,
}

/// One event mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Index into the document's sentences.
    pub sentence: u32,
    /// The trigger (verb or noun) span.
    pub trigger: Span,
    pub source: Participant,
    pub target: Option<Participant>,
    /// CAMEO code as a string, leading zeros kept.
    pub cameo: String,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub goldstein: f32,
    pub quad_class: u8,
    pub modality: Vec<Modality>,
    pub attributed_to: Option<Attribution>,
    /// `YYYY-MM-DD` or a coarser TIMEX3 value.
    pub date: Option<String>,
    /// Index into the document's places.
    pub place: Option<u32>,
    /// Mentions of the same event within the document share a cluster id.
    pub cluster: u32,
    /// The dictionary entry that fired (`de/verbs.txt:123`).
    pub rule: String,
}

/// Everything the coder reads about one document.
pub struct CodingInput<'a> {
    pub doc: &'a Document,
    pub analysis: &'a TextAnalysis,
    pub actors: &'a [ActorMention],
    pub quotes: &'a [Quote],
    pub times: &'a [TimeExpression],
    pub places: &'a [PlaceMention],
}
