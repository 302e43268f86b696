//! A dated German/English actor knowledge base, fast matching and in-document resolution.
//!
//! [`ActorKb`] is built once (from the embedded knowledge base in `kb/`, optionally with
//! PETRARCH/Phoenix dictionaries via [`ActorKb::builder`]) and shared behind an `Arc`;
//! [`ActorKb::annotate`] finds and resolves the actor mentions of one document, with
//! codes valid at the publication date.
//!
//! Data flow:
//! 1. Dictionary files (`kb/*.txt`, grammar in `kb/README.md`; `kb/derived/*` made by
//!    `scripts/derive_lexicons.py`; PETRARCH `*.actors.txt` / agents) are read into
//!    [`KbData`]: actors (states, organisations, groups, persons with [`DatedCode`]s),
//!    role nouns ([`Role`]) and surface forms. Load errors name `file:line`.
//! 2. All surface forms are compiled into one leftmost-longest Aho-Corasick automaton over
//!    word ids (see `matcher.rs`): matches are always token-aligned; inflected forms
//!    (Präsidenten, russischen, Nordkoreas) are generated at load time.
//! 3. `annotate` splits tokens into pieces, runs the automaton once, then composes
//!    roles with states ("US-Präsident" -> `USAGOV`, "der russische Präsident",
//!    "die Führung in Pjöngjang", closed compounds such as "Bundesaußenministerin"),
//!    attaches names after role nouns (also unknown persons: "Außenminister Silvan
//!    Shalom"), and resolves surnames, descriptions ("der Kanzler", "der Niederländer",
//!    "die Allianz"), party descriptions ("der Republikaner") and pronouns in speech
//!    attribution ("sagte er") to earlier mentions, setting `antecedent`.
//!
//! ```
//! use lagebild_actors::ActorKb;
//! use lagebild_doc::{Document, TextAnalysis};
//! let kb = ActorKb::embedded();
//! let doc = Document { text: "Nato-Generalsekretär Mark Rutte warnte Moskau.".into(), ..Document::default() };
//! let date = chrono::NaiveDate::from_ymd_opt(2024, 12, 4);
//! let mentions = kb.annotate(&doc, &TextAnalysis::default(), date);
//! assert_eq!(mentions[0].name, "Mark Rutte");
//! assert_eq!(mentions[0].code, "IGOWSTNAT");
//! assert_eq!(mentions[1].code, "RUS");
//! ```
//!
//! 4. Names of persons outside the knowledge base (outside role contexts) come from the
//!    trained [`PersonTagger`] (`src/tagger.rs`, model in `models/`, trained by
//!    `examples/train_ner.rs` on GermEval 2014): its spans become `Person` mentions with
//!    code `---` and rule `names:tagger`; knowledge-base matches always take precedence.
//!    [`NameMode`] selects the older hand-written cues instead. The tagger is trained on
//!    German; documents with `Lang::En` keep the hand-written cues.
//!
//! Output conventions: a state or seat after a place preposition ("in der Ukraine", "in
//! Berlin") has kind `Location`; role compositions without a person are `Group` (or a
//! `Person` with rule suffix `(role)` for "der russische Präsident" with nobody in focus);
//! persons outside the knowledge base get code `---` (or `---GOV` etc. after a bare role);
//! private persons named by a common noun ("ein 38-jähriger Mann", "the student") are
//! `Person` mentions `---CVL` (students `---EDU`) with rule [`PRIVATE_RULE`], in focus for
//! later pronouns (`private.rs`; [`is_private_person`] tells the event coder which
//! mentions may only be targets); a bare German institution ("die Polizei") takes the
//! article's home state or stays `---COP` with rule suffix `(state not named)`;
//! `rule` names the dictionary line and how it was used (see [`ActorMention::rule`]).
//!
//! Evaluation: [`evaluate_ner`] (GermEval 2014 person names) and
//! [`evaluate_gold_persons`] (hand-annotated articles); run both with
//! `cargo run --release -p lagebild_actors --example eval_actors`. The rule-based and tagger
//! figures and a 5-fold cross-validation of the tagger (the committed model is trained on
//! GermEval dev, so only cross-validated figures are held out):
//! `cargo run --release -p lagebild_actors --example eval_ner`.
//!
//! Guarantees: no panics on any input; spans are sorted, lie on token piece boundaries
//! inside the text; building is linear in the dictionary size and annotation linear in
//! the number of tokens (plus a bounded look-around per match).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use lagebild_doc::{Document, Span, TextAnalysis};
use serde::{Deserialize, Serialize};

mod gold;
mod kb;
mod matcher;
pub mod ner;
pub mod petrarch;
mod private;
mod resolve;
pub mod tagger;

pub use gold::{PersonReport, evaluate_gold_persons};
pub use kb::{Actor, DatedCode, Form, Gender, KbData, KbError, Role, Target};
pub use ner::{NerReport, evaluate_ner, evaluate_ner_text};
pub use private::{PRIVATE_RULE, is_private_person};
pub use tagger::PersonTagger;

/// What kind of actor a mention names (CONTRACT.md `actors[].type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    State,
    Organization,
    Group,
    Location,
}

/// One mention of an actor in a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    pub span: Span,
    /// Canonical name ("Mark Rutte", "Russia").
    pub name: String,
    /// CAMEO-style code valid at the publication date (`RUSGOV`, `IGOWSTNAT`); `---` for
    /// a person outside the knowledge base with no role in the text.
    pub code: String,
    /// ISO 3166 alpha-3, when the actor belongs to a state.
    pub country: Option<String>,
    pub kind: ActorKind,
    pub wikidata: Option<String>,
    /// For pronouns and descriptions: the span of the mention they were resolved to.
    pub antecedent: Option<Span>,
    /// The knowledge-base entry that matched (`persons.txt:120`), with the way it was
    /// used in parentheses: `(surname)`, `(description)`, `(pronoun)`, `(role)`; unknown
    /// persons have `names:first-name` or `names:after-role`.
    pub rule: String,
}

impl ActorMention {
    /// Whether the mention is a person's name in the text (not a description or pronoun).
    pub fn is_person_name(&self) -> bool {
        self.kind == ActorKind::Person
            && !self.rule.ends_with("(description)")
            && !self.rule.ends_with("(pronoun)")
            && !self.rule.ends_with("(role)")
    }
}

/// How names of persons outside the knowledge base are found (outside role contexts such
/// as "Außenminister Silvan Shalom", which the rules always handle).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum NameMode {
    /// Hand-written cues only: listed given names, speech verbs, ages, listed surnames.
    Rules,
    /// The cues first, then the trained [`PersonTagger`] for what they leave.
    RulesThenTagger,
    /// The trained tagger alone (the default when a model is loaded).
    #[default]
    Tagger,
}

/// Sizes of a built knowledge base, by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct KbCounts {
    pub persons: usize,
    pub states: usize,
    pub organizations: usize,
    pub groups: usize,
    pub dated_roles: usize,
    pub role_nouns: usize,
    pub first_names: usize,
    pub surface_forms: usize,
    pub patterns: usize,
}

const EMBEDDED_VERSION: &str = include_str!("../kb/VERSION");
const EMBEDDED_FILES: &[(&str, &str)] = &[
    (
        "kb/derived/states.tsv",
        include_str!("../kb/derived/states.tsv"),
    ),
    ("kb/states.txt", include_str!("../kb/states.txt")),
    ("kb/orgs.txt", include_str!("../kb/orgs.txt")),
    ("kb/roles.txt", include_str!("../kb/roles.txt")),
    ("kb/persons.txt", include_str!("../kb/persons.txt")),
    (
        "kb/derived/firstnames.tsv",
        include_str!("../kb/derived/firstnames.tsv"),
    ),
    (
        "kb/derived/surnames.txt",
        include_str!("../kb/derived/surnames.txt"),
    ),
];

/// The actor knowledge base and its matchers.
#[derive(Debug)]
pub struct ActorKb {
    data: KbData,
    matcher: matcher::Matcher,
    prefixes: HashMap<String, u32>,
    /// Lowercase one-word role forms, for closed compounds ("Bundeskanzler").
    role_words: HashMap<String, u32>,
    first_names: HashMap<String, Option<Gender>>,
    surnames: std::collections::HashSet<String>,
    version: String,
}

impl Default for ActorKb {
    fn default() -> ActorKb {
        match ActorKbBuilder::new().build() {
            Ok(kb) => kb,
            Err(_) => ActorKb::from_data(KbData::default(), String::new())
                .unwrap_or_else(|_| unreachable_empty()),
        }
    }
}

fn unreachable_empty() -> ActorKb {
    // An empty automaton always builds; this is only a type-level fallback.
    ActorKb {
        data: KbData::default(),
        matcher: matcher::Matcher::build(&[])
            .unwrap_or_else(|error| panic!("empty automaton: {error}")),
        prefixes: HashMap::new(),
        role_words: HashMap::new(),
        first_names: HashMap::new(),
        surnames: Default::default(),
        version: String::new(),
    }
}

/// Builds an [`ActorKb`] from the embedded dictionaries plus optional extra files.
#[derive(Clone, Debug)]
pub struct ActorKbBuilder {
    builtin: bool,
    kb_files: Vec<PathBuf>,
    petrarch_actors: Vec<PathBuf>,
    petrarch_agents: Vec<PathBuf>,
}

impl Default for ActorKbBuilder {
    fn default() -> ActorKbBuilder {
        ActorKbBuilder::new()
    }
}

impl ActorKbBuilder {
    pub fn new() -> ActorKbBuilder {
        ActorKbBuilder {
            builtin: true,
            kb_files: Vec::new(),
            petrarch_actors: Vec::new(),
            petrarch_agents: Vec::new(),
        }
    }

    /// Whether to load the embedded knowledge base (default: yes). Without it, only the
    /// files given to the builder are used (e.g. PETRARCH dictionaries in place of it).
    pub fn builtin(mut self, builtin: bool) -> ActorKbBuilder {
        self.builtin = builtin;
        self
    }

    /// PETRARCH/TABARI actor dictionaries (`Phoenix.Countries.actors.txt`, ...).
    pub fn petrarch_actors<P: AsRef<Path>>(
        mut self,
        paths: impl IntoIterator<Item = P>,
    ) -> ActorKbBuilder {
        self.petrarch_actors
            .extend(paths.into_iter().map(|path| path.as_ref().to_path_buf()));
        self
    }

    /// A PETRARCH agents dictionary (`Phoenix.agents.txt`).
    pub fn petrarch_agents(mut self, path: impl AsRef<Path>) -> ActorKbBuilder {
        self.petrarch_agents.push(path.as_ref().to_path_buf());
        self
    }

    /// Extra files in lagebild's own format; the kind is chosen by file name:
    /// `*persons*.txt`, `*roles*.txt`, `*states*.txt`, anything else as organisations.
    pub fn kb_file(mut self, path: impl AsRef<Path>) -> ActorKbBuilder {
        self.kb_files.push(path.as_ref().to_path_buf());
        self
    }

    pub fn build(self) -> Result<ActorKb, KbError> {
        let mut data = KbData::default();
        let mut version = String::new();
        if self.builtin {
            version.push_str(EMBEDDED_VERSION.trim());
            for (name, text) in EMBEDDED_FILES {
                load_own_file(&mut data, name, text)?;
            }
        }
        for path in &self.kb_files {
            let (name, text) = read(path)?;
            load_own_file(&mut data, &name, &text)?;
            push_version(&mut version, &name);
        }
        for path in &self.petrarch_actors {
            let (name, text) = read(path)?;
            petrarch::read_actors(&mut data, &name, &text)?;
            push_version(&mut version, &name);
        }
        for path in &self.petrarch_agents {
            let (name, text) = read(path)?;
            petrarch::read_agents(&mut data, &name, &text)?;
            push_version(&mut version, &name);
        }
        ActorKb::from_data(data, version)
    }
}

fn push_version(version: &mut String, name: &str) {
    if !version.is_empty() {
        version.push('+');
    }
    version.push_str(
        Path::new(name)
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or(name),
    );
}

fn read(path: &Path) -> Result<(String, String), KbError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| KbError::Io {
        path: name.clone(),
        source,
    })?;
    // The Phoenix files contain a few Latin-1 bytes; keep the rest readable.
    Ok((name, String::from_utf8_lossy(&bytes).into_owned()))
}

fn load_own_file(data: &mut KbData, name: &str, text: &str) -> Result<(), KbError> {
    let file_name = Path::new(name)
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or(name);
    if file_name.contains("surnames") {
        data.read_surnames(text);
        Ok(())
    } else if file_name.ends_with(".tsv") && file_name.contains("first") {
        data.read_first_names(name, text)
    } else if file_name.ends_with(".tsv") {
        data.read_derived_states(name, text)
    } else if file_name.contains("persons") {
        data.read_persons(name, text)
    } else if file_name.contains("roles") {
        data.read_roles(name, text)
    } else if file_name.contains("states") {
        data.read_entities(name, text, ActorKind::State)
    } else {
        data.read_entities(name, text, ActorKind::Organization)
    }
}

impl ActorKb {
    /// The knowledge base embedded in the binary, built once per process.
    pub fn embedded() -> Arc<ActorKb> {
        static EMBEDDED: OnceLock<Arc<ActorKb>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| Arc::new(ActorKb::default()))
            .clone()
    }

    pub fn builder() -> ActorKbBuilder {
        ActorKbBuilder::new()
    }

    /// Compiles dictionary data into matchers.
    pub fn from_data(data: KbData, version: String) -> Result<ActorKb, KbError> {
        let matcher = matcher::Matcher::build(&data.surfaces)
            .map_err(|message| KbError::syntax("<automaton>", 0, message))?;
        let mut prefixes = HashMap::new();
        for (prefix, actor) in &data.prefixes {
            prefixes.entry(prefix.clone()).or_insert(*actor);
        }
        let mut role_words = HashMap::new();
        for surface in &data.surfaces {
            if let Target::Role { role } = surface.target
                && !surface.text.contains(' ')
                && surface.text.chars().next().is_some_and(char::is_uppercase)
            {
                role_words
                    .entry(surface.text.to_lowercase())
                    .or_insert(role);
            }
        }
        let first_names = data.first_names.iter().cloned().collect();
        let surnames = data.surnames.iter().cloned().collect();
        Ok(ActorKb {
            data,
            matcher,
            prefixes,
            role_words,
            first_names,
            surnames,
            version,
        })
    }

    /// The version of the loaded dictionaries (`kb/VERSION`, plus the names of extra files).
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The actors of the knowledge base.
    pub fn actors(&self) -> &[Actor] {
        &self.data.actors
    }

    /// Non-fatal problems met while loading (`file:line: message`).
    pub fn warnings(&self) -> &[String] {
        &self.data.warnings
    }

    /// Finds an actor by canonical name.
    pub fn actor(&self, name: &str) -> Option<&Actor> {
        self.data.actors.iter().find(|actor| actor.name == name)
    }

    pub fn counts(&self) -> KbCounts {
        let count = |kind: ActorKind| {
            self.data
                .actors
                .iter()
                .filter(|actor| actor.kind == kind)
                .count()
        };
        KbCounts {
            persons: count(ActorKind::Person),
            states: count(ActorKind::State),
            organizations: count(ActorKind::Organization),
            groups: count(ActorKind::Group),
            dated_roles: self.data.actors.iter().map(|actor| actor.roles.len()).sum(),
            role_nouns: self.data.roles.len(),
            first_names: self.first_names.len(),
            surface_forms: self.data.surfaces.len(),
            patterns: self.matcher.pattern_count(),
        }
    }

    /// Finds and resolves the actor mentions of `doc`, sorted by span.
    ///
    /// Without tokens in `analysis`, the words of the document body are used.
    pub fn annotate(
        &self,
        doc: &Document,
        analysis: &TextAnalysis,
        date: Option<NaiveDate>,
    ) -> Vec<ActorMention> {
        let tagger = PersonTagger::embedded();
        resolve::annotate(
            self,
            doc,
            analysis,
            date,
            tagger.as_deref(),
            NameMode::default(),
        )
    }

    /// [`ActorKb::annotate`] with an explicit person tagger (or none) and name mode.
    pub fn annotate_with(
        &self,
        doc: &Document,
        analysis: &TextAnalysis,
        date: Option<NaiveDate>,
        tagger: Option<&PersonTagger>,
        mode: NameMode,
    ) -> Vec<ActorMention> {
        resolve::annotate(self, doc, analysis, date, tagger, mode)
    }
}
