//! One sentence prepared for coding: normalised tokens, actor phrases, clauses, and the
//! argument frames of trigger words, from the dependency parse or, without one, from
//! linear order within a clause.

use lagebild_actors::ActorMention;
use lagebild_doc::{Lang, Span, TextAnalysis, Token, Upos, VerbForm, Voice};

use crate::dictionary::{FormKind, Role};
use crate::words;

/// A token with the normalised strings the coder compares.
#[derive(Debug)]
pub(crate) struct Word<'a> {
    pub token: &'a Token,
    /// Surface form without surrounding punctuation, lowercase.
    pub norm: String,
    /// Lemma without surrounding punctuation, lowercase (the form when unknown).
    pub lemma: String,
    /// The surface form, original case, without surrounding punctuation.
    pub surface: &'a str,
    pub is_punct: bool,
    /// A known verb form or auxiliary (set by the coder from its form table).
    pub verbal: bool,
    /// A noun with a nominal-event entry (set by the coder).
    pub event_noun: bool,
    /// A clause boundary (`,` `;` `:` quote mark) follows this token.
    pub boundary_after: bool,
    /// A quote mark or other boundary opens just before this token.
    pub boundary_before: bool,
    /// A finite verb form the tagger read as another word class right after a
    /// coordinating conjunction ("... und griff den Iran an": `griff` tagged ADP): a
    /// second predicate sharing the first one's subject (German only).
    pub repaired_verb: bool,
    /// The actor phrase covering this token.
    pub phrase: Option<usize>,
    /// The covering mention names only the first part of a compound ("UN-Sanktionen",
    /// "Nato-Gipfel"): the word is a thing of that actor, not the actor.
    pub compound_prefix: bool,
}

/// A run of adjacent tokens covered by actor mentions; `mention` is its head mention.
#[derive(Clone, Debug)]
pub(crate) struct Phrase {
    pub first: usize,
    pub last: usize,
    pub mention: usize,
}

/// One argument of a trigger: its role and the actor mentions it names (several when
/// coordinated).
#[derive(Clone, Debug)]
pub(crate) struct Argument {
    pub role: Role,
    pub mentions: Vec<usize>,
    /// How the role was found (`nsubj`, `linear:prefield`).
    pub via: String,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Frame {
    pub arguments: Vec<Argument>,
    pub passive: bool,
    /// Lemmas and forms of the trigger's dependents (or its clause when unparsed).
    pub words: Vec<String>,
    pub parsed: bool,
    /// The subject of a clausal complement of the trigger ("demanded that Arnor withdraw",
    /// "forderte, dass Borland abzieht"): the target of appeals and demands without an
    /// object.
    pub clausal: Option<Argument>,
    /// Nouns without a genitive: the subject of the verb that governs the noun phrase,
    /// and whether a possessive pronoun names it as the noun's owner ("bei seinem Besuch
    /// in Moskau traf Steinmeier ...") rather than the noun being an adverbial of
    /// circumstance ("sagte Avramopoulos bei einem Besuch in Athen").
    pub host: Option<(Argument, Host)>,
    /// Verbs: the place of a direct object that names no actor ("besuchte ein Lager in
    /// Jordanien", "bombardierten die Straße im Gazastreifen"): the target of visits and
    /// attacks whose object is a thing or a site.
    pub object_place: Option<Argument>,
}

/// How a nominal event is tied to the subject of its governing verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Host {
    /// A third-person possessive determiner (`sein`, `ihr`): the owner is the subject.
    Possessive,
    /// A prepositional adverbial (`bei`, `während`, `nach`, `auf`): the subject took
    /// part in the event (visits, meetings, talks).
    Adverbial,
}

/// Prepositions that make an event noun an adverbial of circumstance of its verb.
const ADVERBIAL_PREPOSITIONS: &[&str] = &[
    "bei",
    "beim",
    "während",
    "nach",
    "auf",
    "anlässlich",
    "im",
    "zu",
    "zum",
    "zur",
];

impl Frame {
    /// The mentions filling `role`, with the argument's provenance.
    pub fn fill(&self, role: &Role, noun: bool) -> Option<&Argument> {
        let exact = self
            .arguments
            .iter()
            .find(|argument| &argument.role == role);
        if exact.is_some() {
            return exact;
        }
        match role {
            Role::Dat => self.arguments.iter().find(|argument| argument.role == Role::Obj),
            Role::Obj => self.arguments.iter().find(|argument| argument.role == Role::Dat),
            Role::Gen if noun => self.arguments.iter().find(|argument| matches!(&argument.role, Role::Prep(p) if words::is_agentive_preposition(p))),
            Role::Any => self
                .arguments
                .iter()
                .find(|argument| matches!(argument.role, Role::Obj | Role::Dat))
                // Without a parse, a prepositional actor may belong to anything in the
                // clause: only parsed PPs of the verb count.
                .or_else(|| self.arguments.iter().find(|argument| self.parsed && matches!(argument.role, Role::Prep(_)))),
            _ => None,
        }
    }
}

pub(crate) struct SentenceView<'a> {
    pub text: &'a str,
    pub lang: Lang,
    pub span: Span,
    pub words: Vec<Word<'a>>,
    pub phrases: Vec<Phrase>,
    pub clauses: Vec<(usize, usize)>,
    pub parsed: bool,
    children: Vec<Vec<usize>>,
}

fn strip(text: &str) -> &str {
    text.trim_matches(|character: char| !character.is_alphanumeric())
}

/// Clause boundaries for the word-order fallback. Quote marks and parentheses are not:
/// scare quotes (`"beschossen"`) and insertions (`Scholz (SPD) warnte`) sit inside clauses,
/// and quotations are delimited by commas and colons as well.
fn is_boundary_mark(character: char) -> bool {
    matches!(character, ',' | ';' | ':' | '–' | '—')
}

impl<'a> SentenceView<'a> {
    pub fn new(
        text: &'a str,
        lang: Lang,
        analysis: &'a TextAnalysis,
        sentence: usize,
        actors: &[ActorMention],
    ) -> SentenceView<'a> {
        let tokens = analysis.sentence_tokens(sentence);
        let span = analysis
            .sentences
            .get(sentence)
            .map(|sentence| sentence.span)
            .unwrap_or_default();
        let mut words: Vec<Word<'a>> = tokens
            .iter()
            .map(|token| {
                let raw = token.span.slice(text);
                let surface = strip(raw);
                let lemma = strip(&token.lemma);
                let lemma = if lemma.is_empty() || token.lemma == "_" {
                    surface
                } else {
                    lemma
                };
                let trailing = raw
                    .get(raw.trim_end_matches(|c: char| !c.is_alphanumeric()).len()..)
                    .unwrap_or("");
                let leading = raw
                    .get(..raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len())
                    .unwrap_or("");
                Word {
                    token,
                    norm: surface.to_lowercase(),
                    lemma: lemma.to_lowercase(),
                    surface,
                    is_punct: surface.is_empty() || token.upos == Upos::Punct,
                    verbal: matches!(token.upos, Upos::Verb | Upos::Aux),
                    event_noun: false,
                    boundary_after: surface.is_empty() && raw.chars().any(is_boundary_mark)
                        || !surface.is_empty() && trailing.chars().any(is_boundary_mark),
                    boundary_before: !surface.is_empty() && leading.chars().any(is_boundary_mark),
                    repaired_verb: false,
                    phrase: None,
                    compound_prefix: false,
                }
            })
            .collect();
        let parsed = tokens.iter().any(|token| token.head.is_some())
            && tokens.iter().all(|token| !token.deprel.is_empty());
        let mut children = vec![Vec::new(); words.len()];
        if parsed {
            for (index, token) in tokens.iter().enumerate() {
                if let Some(head) = token
                    .head
                    .map(|head| head as usize)
                    .filter(|head| *head < words.len() && *head != index)
                {
                    children[head].push(index);
                }
            }
        }
        // Actor phrases: runs of tokens covered by mentions of this sentence.
        let mut covering: Vec<Option<usize>> = vec![None; words.len()];
        for (mention_index, mention) in actors.iter().enumerate() {
            if !span.contains(mention.span) && !span.overlaps(mention.span) {
                continue;
            }
            for (index, word) in words.iter().enumerate() {
                if word.token.span.overlaps(mention.span) {
                    // The later, more specific mention wins ("Nato-Generalsekretär Mark Rutte").
                    covering[index] = Some(mention_index);
                }
            }
        }
        for (index, word) in words.iter_mut().enumerate() {
            if let Some(mention) = covering[index].map(|mention| &actors[mention]) {
                let rest = Span::new(
                    mention.span.end.max(word.token.span.start),
                    word.token.span.end,
                );
                word.compound_prefix = mention.span.end < word.token.span.end
                    && rest.slice(text).starts_with('-')
                    && rest.slice(text).chars().any(char::is_alphanumeric);
            }
        }
        let mut phrases: Vec<Phrase> = Vec::new();
        for index in 0..words.len() {
            let Some(mention) = covering[index] else {
                continue;
            };
            match phrases.last_mut() {
                Some(phrase)
                    if phrase.last + 1 == index
                        && !words[phrase.last].boundary_after
                        && !words[index].boundary_before
                        && (phrase.mention == mention
                            || same_actor(&actors[phrase.mention], &actors[mention])) =>
                {
                    phrase.last = index;
                    // The more specific code of one actor wins ("Bree President Romendacil":
                    // the agent-composed BREGOV over the name's bare BRE), the later on ties.
                    if actors[mention].code.len() >= actors[phrase.mention].code.len() {
                        phrase.mention = mention;
                    }
                }
                _ => phrases.push(Phrase {
                    first: index,
                    last: index,
                    mention,
                }),
            }
            let phrase_index = phrases.len() - 1;
            words[index].phrase = Some(phrase_index);
        }
        let mut view = SentenceView {
            text,
            lang,
            span,
            words,
            phrases,
            clauses: Vec::new(),
            parsed,
            children,
        };
        view.clauses = view.split_clauses();
        view
    }

    fn split_clauses(&self) -> Vec<(usize, usize)> {
        let mut clauses = Vec::new();
        let mut start = 0;
        for index in 0..self.words.len() {
            let word = &self.words[index];
            let next_opens = self
                .words
                .get(index + 1)
                .is_some_and(|next| next.boundary_before);
            let closes = word.boundary_after || next_opens;
            if !closes {
                continue;
            }
            // A comma inside a list of actors is not a clause boundary.
            let before = if word.is_punct {
                index.checked_sub(1).map(|previous| &self.words[previous])
            } else {
                Some(word)
            };
            let list_comma = before.is_some_and(|before| before.phrase.is_some())
                && self
                    .words
                    .get(index + 1)
                    .is_some_and(|next| next.phrase.is_some() && !next.boundary_before);
            if list_comma {
                continue;
            }
            clauses.push((start, index + 1));
            start = index + 1;
        }
        if start < self.words.len() {
            clauses.push((start, self.words.len()));
        }
        clauses
    }

    /// Marks known verb forms, so the word-order fallback never reads a verb as a
    /// modifier between a preposition and its noun.
    pub fn mark_verbal(
        &mut self,
        is_verb: impl Fn(&str) -> bool,
        is_event_noun: impl Fn(&str) -> bool,
    ) {
        let lang = self.lang;
        // A lowercase known finite form right after `und`/`oder`/`sondern`, tagged as
        // a function word or noun, is a coordinated predicate the tagger missed.
        for index in 1..self.words.len() {
            let previous = &self.words[index - 1];
            let word = &self.words[index];
            let after_conjunction = lang == Lang::De
                && matches!(previous.norm.as_str(), "und" | "oder" | "sondern" | "aber");
            if after_conjunction
                && !word.is_punct
                && word.phrase.is_none()
                && !matches!(word.token.upos, Upos::Verb | Upos::Aux)
                && word.surface.chars().next().is_some_and(char::is_lowercase)
                && !words::is_preposition(lang, &word.norm)
                && !words::is_determiner(lang, &word.norm)
                && is_verb(&word.norm)
            {
                self.words[index].repaired_verb = true;
            }
        }
        for word in &mut self.words {
            word.event_noun = word
                .surface
                .chars()
                .next()
                .is_some_and(|first| first.is_uppercase() || lang != Lang::De)
                && is_event_noun(&word.lemma);
            if !word.verbal
                && (words::is_auxiliary(lang, &word.norm)
                    || (word.surface.chars().next().is_some_and(char::is_lowercase)
                        && is_verb(&word.norm)))
            {
                word.verbal = true;
            }
        }
    }

    pub fn clause_of(&self, index: usize) -> (usize, usize) {
        self.clauses
            .iter()
            .copied()
            .find(|(start, end)| (*start..*end).contains(&index))
            .unwrap_or((0, self.words.len()))
    }

    pub fn children(&self, index: usize) -> &[usize] {
        self.children.get(index).map(Vec::as_slice).unwrap_or(&[])
    }

    fn deprel(&self, index: usize) -> &str {
        self.words[index].token.deprel.as_str()
    }

    fn base_deprel(&self, index: usize) -> &str {
        self.deprel(index).split(':').next().unwrap_or("")
    }

    /// The actor mentions a dependency subtree names: the token's own phrase, or a
    /// name/genitive/modifier inside it, plus its conjuncts.
    fn resolve(&self, index: usize, depth: usize, out: &mut Vec<usize>) {
        let mut budget = 32;
        self.resolve_within(index, depth, out, &mut budget, true);
    }

    /// Like `resolve`, without descending into genitive attributes: the actor of a
    /// prepositional phrase is its own noun ("zum Abschluss eines Treffens der Allianz"
    /// names no actor).
    fn resolve_head(&self, index: usize, out: &mut Vec<usize>) {
        let mut budget = 32;
        self.resolve_within(index, 0, out, &mut budget, false);
    }

    /// `budget` bounds the walk: parses from outside may contain cycles.
    fn resolve_within(
        &self,
        index: usize,
        depth: usize,
        out: &mut Vec<usize>,
        budget: &mut usize,
        genitives: bool,
    ) {
        if *budget == 0 {
            return;
        }
        *budget -= 1;
        if let Some(phrase) = self.words[index].phrase {
            push_unique(out, self.phrases[phrase].mention);
        } else if depth < 2 {
            for &child in self.children(index) {
                let relation = self.deprel(child);
                let has_case = self
                    .children(child)
                    .iter()
                    .any(|&grandchild| self.base_deprel(grandchild) == "case");
                // German `von` after a noun is a genitive too ("den Truppen von Assad").
                let genitive_case = self.children(child).iter().any(|&grandchild| {
                    self.base_deprel(grandchild) == "case"
                        && (matches!(self.words[grandchild].lemma.as_str(), "of" | "'s")
                            || (self.lang == Lang::De
                                && matches!(self.words[grandchild].norm.as_str(), "von" | "vom")))
                });
                let descend = matches!(relation, "flat" | "flat:name" | "appos" | "compound")
                    || (genitives
                        && (matches!(relation, "nmod:poss" | "amod")
                            || (relation.starts_with("nmod") && (!has_case || genitive_case))));
                if descend {
                    let before = out.len();
                    self.resolve_within(child, depth + 1, out, budget, genitives);
                    if out.len() > before {
                        break;
                    }
                }
            }
        }
        // Conjuncts, and actor appositions of an actor: lists parse as appositions
        // ("Evil Mordor, the awful Fornost, and good Gondor").
        let named = self.words[index].phrase.is_some();
        for &child in self.children(index) {
            let relation = self.base_deprel(child);
            if (relation == "conj" && !self.predicate_between(index, child))
                || (relation == "appos" && named && self.words[child].phrase.is_some())
            {
                self.resolve_within(child, depth, out, budget, genitives);
            }
        }
    }

    /// A conjunction directly followed by a verb form between two conjuncts: the
    /// coordination joins predicates, not nouns ("begrüßte den Beschluss der IAEA und
    /// griff den Iran an": the Iran is no second object of `begrüßte`).
    fn predicate_between(&self, first: usize, second: usize) -> bool {
        let (low, high) = (first.min(second), first.max(second));
        (low + 1..high).any(|position| {
            let word = &self.words[position];
            matches!(
                word.norm.as_str(),
                "und" | "oder" | "sondern" | "aber" | "and" | "or" | "but"
            ) && self.words.get(position + 1).is_some_and(|next| {
                position + 1 < high
                    && next.phrase.is_none()
                    && (next.repaired_verb
                        || matches!(next.token.upos, Upos::Verb | Upos::Aux)
                            && next.token.feats.verb_form == Some(VerbForm::Fin))
            })
        })
    }

    /// A German event noun that the clause asserts took place with an indefinite
    /// article: the subject of `stattfinden` ("fand ein Treffen zwischen X und Y statt")
    /// or of existential `es gab`, or the `zu` phrase of `es kam zu` ("kam es zu einem
    /// Schlagabtausch zwischen X und Y"). Read from word order within the clause, so a
    /// bad parse does not hide it.
    pub fn is_existential_noun(&self, index: usize) -> bool {
        if self.lang != Lang::De {
            return false;
        }
        let (start, end) = self.clause_of(index);
        let clause = &self.words[start..end];
        let has = |forms: &[&str]| {
            clause
                .iter()
                .any(|word| forms.contains(&word.norm.as_str()))
        };
        let takes_place = has(&["fand", "fanden", "findet", "finden"]) && has(&["statt"])
            || has(&["stattfand", "stattfanden", "stattfindet", "stattgefunden"]);
        // `es kam zu` / `kam es zum`: the preposition stands right before the noun phrase.
        let came_to = has(&["kam", "kamen", "kommt", "gekommen"])
            && has(&["es"])
            && self.words[start..index]
                .iter()
                .rev()
                .take(4)
                .any(|word| matches!(word.norm.as_str(), "zu" | "zum" | "zur"));
        let there_was = has(&["gab", "gibt"]) && has(&["es"]);
        takes_place || came_to || there_was
    }

    /// The actor of a nominal argument that names none itself, taken from its origin
    /// modifier when that names exactly one actor: "aus X" / "from X" attached to the
    /// noun ("Schiffe aus Polen"), or inside a relative clause on the noun
    /// ("Schiffe, die aus Polen kommen"). Places the noun is merely in
    /// ("Soldaten in Syrien") do not count.
    fn resolve_origin(&self, index: usize, out: &mut Vec<usize>) {
        if self.words[index].phrase.is_some()
            || !matches!(self.words[index].token.upos, Upos::Noun | Upos::X)
        {
            return;
        }
        let mut found: Vec<usize> = Vec::new();
        let origin =
            |position: usize| matches!(self.case_marker(position).as_deref(), Some("aus" | "from"));
        for &child in self.children(index) {
            let relation = self.deprel(child);
            if relation.starts_with("nmod") && origin(child) {
                self.resolve_head(child, &mut found);
            } else if relation.starts_with("acl") || self.is_relative_clause(child) {
                for &grandchild in self.children(child) {
                    if matches!(self.base_deprel(grandchild), "obl" | "nmod") && origin(grandchild)
                    {
                        self.resolve_head(grandchild, &mut found);
                    }
                }
            }
        }
        if let [only] = found.as_slice() {
            push_unique(out, *only);
        }
    }

    /// Where the subordinate clause of the trigger begins: its subordinating conjunction
    /// ("after", "nachdem", "weil"), when the parse gives one.
    pub fn subordinate_start(&self, index: usize) -> Option<usize> {
        if !self.parsed {
            return None;
        }
        self.children(index)
            .iter()
            .copied()
            .filter(|&child| {
                self.base_deprel(child) == "mark" && self.words[child].token.upos == Upos::Sconj
            })
            .min()
    }

    /// The first word of the actor phrase headed by `mention`.
    pub fn mention_position(&self, mention: usize) -> Option<usize> {
        self.phrases
            .iter()
            .find(|phrase| phrase.mention == mention)
            .map(|phrase| phrase.first)
    }

    /// An infinitive with its marker governed by another verb ("to be allowed to leave",
    /// "forderte ... auf, abzuziehen"): its subject is that verb's business (control), not
    /// a name earlier in the sentence. Infinitives after adjectives ("is about to
    /// restore", "bereit zu verhandeln") share the clause subject and do not count.
    pub fn is_infinitive(&self, index: usize) -> bool {
        let head_upos = self.words[index]
            .token
            .head
            .map(|head| head as usize)
            .and_then(|head| self.words.get(head))
            .map(|head| head.token.upos);
        // "allowed to leave" (xcomp of a verb), "a place to visit", "efforts to stop"
        // (infinitival modifier of a noun).
        let controlled = match self.base_deprel(index) {
            "xcomp" => head_upos == Some(Upos::Verb),
            "acl" => head_upos == Some(Upos::Noun),
            _ => false,
        };
        self.parsed
            && controlled
            && self.children(index).iter().any(|&child| {
                self.base_deprel(child) == "mark"
                    && matches!(self.words[child].lemma.as_str(), "to" | "zu")
            })
    }

    /// A German infinitive with `zu` introduced by `um`, `ohne` or `(an)statt`: an
    /// adverbial of purpose or manner whose subject is that of the verb it modifies.
    fn is_purpose_infinitive(&self, index: usize) -> bool {
        let marks = |forms: &[&str]| {
            self.children(index).iter().any(|&child| {
                matches!(self.base_deprel(child), "mark" | "case")
                    && forms.contains(&self.words[child].norm.as_str())
            })
        };
        self.lang == Lang::De
            && self.words[index].token.upos == Upos::Verb
            && marks(&["zu"])
            && marks(&["um", "ohne", "statt", "anstatt"])
    }

    /// A German infinitive with `zu` (separate or inside the form: "anzugreifen")
    /// governed by a verb as its complement or purpose adverbial.
    fn is_zu_infinitive(&self, index: usize) -> bool {
        let word = &self.words[index];
        let marked = self
            .children(index)
            .iter()
            .any(|&child| self.base_deprel(child) == "mark" && self.words[child].norm == "zu");
        let infixed = word.token.feats.verb_form == Some(VerbForm::Inf)
            && word.norm.contains("zu")
            && !word.lemma.contains("zu");
        self.lang == Lang::De
            && self.parsed
            && word.token.upos == Upos::Verb
            && matches!(self.base_deprel(index), "xcomp" | "advcl")
            && (marked || infixed)
    }

    /// A verb whose subject is a relative pronoun ("die aus Deutschland kommen"), whatever
    /// relation the parser gave it to its noun (`conj` and `dep` occur).
    fn is_relative_clause(&self, index: usize) -> bool {
        self.words[index].token.upos == Upos::Verb
            && self.children(index).iter().any(|&child| {
                self.base_deprel(child) == "nsubj"
                    && self.words[child].token.upos == Upos::Pron
                    && matches!(
                        self.words[child].norm.as_str(),
                        "der"
                            | "die"
                            | "das"
                            | "welcher"
                            | "welche"
                            | "welches"
                            | "who"
                            | "which"
                            | "that"
                    )
            })
    }

    /// A relative pronoun (`der`, `die`, `welche`, `who`) at `index` that is the
    /// subject or object of a relative clause: the noun the clause modifies (UD
    /// `acl:relcl`, or a verb the parser attached otherwise but whose subject is the
    /// pronoun).
    fn relative_antecedent(&self, index: usize) -> Option<usize> {
        let word = &self.words[index];
        let pronoun = word.token.upos == Upos::Pron
            && matches!(
                word.norm.as_str(),
                "der"
                    | "die"
                    | "das"
                    | "den"
                    | "dem"
                    | "denen"
                    | "welcher"
                    | "welche"
                    | "welches"
                    | "welchen"
                    | "welchem"
                    | "who"
                    | "whom"
                    | "which"
                    | "that"
            );
        if !pronoun {
            return None;
        }
        let verb = word
            .token
            .head
            .map(|head| head as usize)
            .filter(|head| *head < self.words.len() && *head != index)?;
        // The pronoun opens its clause, right after a comma or dash (or a preposition
        // after one: "mit der"), and the clause modifies a noun.
        let opens = |position: usize| {
            position.checked_sub(1).is_some_and(|previous| {
                self.words[previous].is_punct || self.words[previous].boundary_after
            })
        };
        let after_preposition = index.checked_sub(1).is_some_and(|previous| {
            self.words[previous].token.upos == Upos::Adp && opens(previous)
        });
        if !(opens(index) || after_preposition) || !self.deprel(verb).starts_with("acl") {
            return None;
        }
        let antecedent = self.words[verb]
            .token
            .head
            .map(|head| head as usize)
            .filter(|head| *head < self.words.len() && *head != verb && *head < index)?;
        let noun = &self.words[antecedent];
        // A relative pronoun agrees in number with its antecedent: "die Flüchtlinge in
        // den Grenzstädten Subotica und Kanjiža, die ... reisen" is not Kanjiža.
        let agrees = match (word.token.feats.number, noun.token.feats.number) {
            (Some(pronoun), Some(antecedent)) => pronoun == antecedent,
            _ => true,
        };
        (agrees
            && matches!(
                noun.token.upos,
                Upos::Noun | Upos::Propn | Upos::Pron | Upos::X
            ))
        .then_some(antecedent)
    }

    /// The actors the antecedent of a relative pronoun names: its own phrase, or a name,
    /// apposition or genitive attribute ("der Sprecher des Ministeriums, der ..."), never
    /// a bare adjective ("die serbischen Grenzstädte, die ...": places, not Serbia).
    fn resolve_antecedent(&self, antecedent: usize, out: &mut Vec<usize>) {
        if self.words[antecedent].compound_prefix {
            return;
        }
        if self.words[antecedent].phrase.is_some() {
            self.resolve(antecedent, 0, out);
            return;
        }
        let mut found = Vec::new();
        self.resolve(antecedent, 0, &mut found);
        let mut adjectival = Vec::new();
        for &child in self.children(antecedent) {
            if self.base_deprel(child) == "amod" {
                self.resolve(child, 1, &mut adjectival);
            }
        }
        for mention in found {
            if !adjectival.contains(&mention) {
                push_unique(out, mention);
            }
        }
    }

    /// The actors a subject names; a relative pronoun names its antecedent's ("der
    /// Präsident, der ihn empfing"). Returns whether the antecedent was used.
    fn resolve_subject(&self, subject: usize, out: &mut Vec<usize>) -> bool {
        self.resolve(subject, 0, out);
        if out.is_empty()
            && let Some(antecedent) = self.relative_antecedent(subject)
        {
            self.resolve_antecedent(antecedent, out);
            return !out.is_empty();
        }
        false
    }

    fn case_marker(&self, index: usize) -> Option<String> {
        self.children(index)
            .iter()
            .find(|&&child| self.base_deprel(child) == "case")
            .map(|&child| self.words[child].lemma.clone())
    }

    /// A past participle: English present participles (`is acting`, UD `VerbForm=Part`
    /// too) make no passive.
    fn is_participle(&self, index: usize, forms: &[(String, FormKind)]) -> bool {
        let token = self.words[index].token;
        if self.lang == Lang::En && (self.words[index].norm.ends_with("ing") || token.xpos == "VBG")
        {
            return false;
        }
        token.feats.verb_form == Some(VerbForm::Part)
            || matches!(token.xpos.as_str(), "VVPP" | "VAPP" | "VMPP" | "VBN")
            || forms.iter().any(|(_, kind)| *kind == FormKind::Participle)
    }

    /// Whether the event noun at `index` is a prepositional adverbial of its verb ("bei
    /// seinem Besuch in Moskau", "nach Gesprächen mit X"), so the clause's verbal act is
    /// not about it.
    pub fn is_adverbial_noun(&self, index: usize) -> bool {
        if !self.parsed || self.lang != Lang::De || self.base_deprel(index) != "obl" {
            return false;
        }
        self.children(index).iter().any(|&child| {
            self.base_deprel(child) == "case"
                && (ADVERBIAL_PREPOSITIONS.contains(&self.words[child].norm.as_str())
                    || ADVERBIAL_PREPOSITIONS.contains(&self.words[child].lemma.as_str()))
        })
    }

    /// The subject of the verb that governs the noun at `index`, when the noun is
    /// possessed by a third-person pronoun or is an adverbial of that verb (German only).
    fn host_subject(&self, index: usize) -> Option<(Argument, Host)> {
        if self.lang != Lang::De {
            return None;
        }
        let possessive = self.children(index).iter().any(|&child| {
            self.base_deprel(child) == "det"
                && (matches!(self.words[child].lemma.as_str(), "sein" | "ihr")
                    || ["sein", "ihr"]
                        .iter()
                        .any(|stem| self.words[child].norm.starts_with(stem)))
                && !matches!(self.words[child].norm.as_str(), "sein" | "seit")
        });
        let kind = if possessive {
            Host::Possessive
        } else if self.is_adverbial_noun(index) {
            Host::Adverbial
        } else {
            return None;
        };
        // Up from the noun (through at most two nouns: "bei der Eröffnung seines Besuchs")
        // to the verb; a noun that is itself the subject has no host.
        let mut current = index;
        let mut verb = None;
        for _ in 0..3 {
            if self.base_deprel(current) == "nsubj" {
                return None;
            }
            let head = self.words[current]
                .token
                .head
                .map(|head| head as usize)
                .filter(|head| *head < self.words.len())?;
            if matches!(self.words[head].token.upos, Upos::Verb | Upos::Aux) {
                verb = Some(head);
                break;
            }
            current = head;
        }
        let mut verb = verb?;
        for _ in 0..2 {
            if let Some(&subject) = self
                .children(verb)
                .iter()
                .find(|&&child| self.deprel(child) == "nsubj")
            {
                let mut mentions = Vec::new();
                self.resolve_subject(subject, &mut mentions);
                if mentions.is_empty() {
                    return None;
                }
                let via = match kind {
                    Host::Possessive => "possessor: subject of the governing verb",
                    Host::Adverbial => "adverbial: subject of the governing verb",
                };
                return Some((
                    Argument {
                        role: Role::Gen,
                        mentions,
                        via: via.into(),
                    },
                    kind,
                ));
            }
            if !matches!(self.base_deprel(verb), "conj" | "xcomp") {
                return None;
            }
            verb = self.words[verb]
                .token
                .head
                .map(|head| head as usize)
                .filter(|head| *head < self.words.len())?;
        }
        None
    }

    /// Builds the frame of the trigger at `index` from the parse.
    pub fn parsed_frame(&self, index: usize, noun: bool, forms: &[(String, FormKind)]) -> Frame {
        let mut frame = Frame {
            parsed: true,
            ..Frame::default()
        };
        let mut dependents: Vec<usize> = self.children(index).to_vec();
        // Light verbs and nominal objects: PPs attached to the object noun count too.
        for &child in self.children(index) {
            if matches!(self.base_deprel(child), "obj" | "dobj")
                && self.words[child].phrase.is_none()
                && self.words[child].event_noun
                && !noun
            {
                for &grandchild in self.children(child) {
                    if matches!(
                        self.case_marker(grandchild).as_deref(),
                        Some("zwischen" | "between")
                    ) {
                        let mut mentions = Vec::new();
                        self.resolve(grandchild, 0, &mut mentions);
                        if !mentions.is_empty() {
                            frame.arguments.push(Argument {
                                role: Role::Obj,
                                mentions,
                                via: "object-noun-zwischen".into(),
                            });
                        }
                    }
                }
            }
            if matches!(self.base_deprel(child), "obj" | "dobj")
                && self.words[child].phrase.is_none()
            {
                // PPs of the object noun, and of its `of` attribute ("resumption of ties with X").
                for &grandchild in self.children(child) {
                    if matches!(self.base_deprel(grandchild), "nmod" | "obl")
                        && self.case_marker(grandchild).is_some()
                    {
                        dependents.push(grandchild);
                        if self.words[grandchild].phrase.is_none() {
                            for &deeper in self.children(grandchild) {
                                if matches!(self.base_deprel(deeper), "nmod" | "obl")
                                    && self.case_marker(deeper).is_some()
                                {
                                    dependents.push(deeper);
                                }
                            }
                        }
                    }
                }
            }
        }
        let token = self.words[index].token;
        // A participle tagged passive but taking a direct object and no passive
        // auxiliary is a mis-tagged active past ("Gondor soldiers attacked Mordor").
        let mut passive = token.feats.voice == Some(Voice::Pass)
            && !(self.lang == Lang::En && self.words[index].norm.ends_with("ing"))
            && !self
                .children(index)
                .iter()
                .any(|&child| matches!(self.deprel(child), "obj" | "dobj"));
        for &child in &dependents {
            let relation = self.deprel(child);
            if relation == "aux:pass" || relation == "auxpass" || relation.ends_with(":pass") {
                passive = true;
            }
            if self.base_deprel(child) == "aux"
                && words::is_passive_auxiliary(self.lang, &self.words[child].lemma)
                && self.is_participle(index, forms)
            {
                passive = true;
            }
        }
        // A German perfect with `haben` and no `werden` is active, whatever the parser's
        // labels say ("Kaczyński hat Deutschland Defizite vorgeworfen").
        if passive && self.lang == Lang::De {
            let auxiliaries: Vec<&str> = dependents
                .iter()
                .filter(|&&child| self.base_deprel(child) == "aux")
                .map(|&child| self.words[child].lemma.as_str())
                .collect();
            if auxiliaries.contains(&"haben") && !auxiliaries.contains(&"werden") {
                passive = false;
            }
        }
        frame.passive = passive;
        if !noun {
            for &child in self.children(index) {
                if self.base_deprel(child) != "ccomp" {
                    continue;
                }
                if let Some(&subject) = self
                    .children(child)
                    .iter()
                    .find(|&&grandchild| self.deprel(grandchild) == "nsubj")
                {
                    let mut mentions = Vec::new();
                    self.resolve(subject, 0, &mut mentions);
                    if !mentions.is_empty() {
                        frame.clausal = Some(Argument {
                            role: Role::Obj,
                            mentions,
                            via: "nsubj of ccomp".into(),
                        });
                        break;
                    }
                }
            }
        }
        // Subjects are shared with the first conjunct or the controlling verb.
        // A German zu-infinitive has no subject of its own: an `nsubj` the parser gave
        // it is an article or the object ("beschlossen, die Ukraine anzugreifen").
        let zu_infinitive = !noun && !passive && self.is_zu_infinitive(index);
        let has_subject = !zu_infinitive
            && dependents
                .iter()
                .any(|&child| self.base_deprel(child) == "nsubj");
        if !has_subject && !noun {
            let mut current = index;
            for _ in 0..3 {
                let relation = self.base_deprel(current);
                let Some(head) = self.words[current]
                    .token
                    .head
                    .map(|head| head as usize)
                    .filter(|head| *head < self.words.len())
                else {
                    break;
                };
                // A German purpose infinitive ("um ... zu protestieren", "ohne ... zu
                // warten") is done by the subject of the clause it modifies.
                let purpose = relation == "advcl" && self.is_purpose_infinitive(current);
                if !matches!(relation, "conj" | "xcomp") && !purpose {
                    break;
                }
                if purpose
                    && self.children(current).iter().any(|&child| {
                        self.deprel(child) == "aux:pass" || self.words[child].lemma == "werden"
                    })
                {
                    break;
                }
                // Control: the subject of "to be allowed to leave" is not the subject of
                // what governs it, and in "forderte Borland auf, abzuziehen" / "urged
                // Gondor to withdraw" the infinitive is the object's, and only demanded:
                // no subject is shared (the appeal itself is the event).
                if relation == "xcomp" {
                    let passive_infinitive = self
                        .children(current)
                        .iter()
                        .any(|&child| self.deprel(child) == "aux:pass");
                    // A reflexive is no controller: "Frankreich hat sich bereit erklärt,
                    // Soldaten zu entsenden" is France's sending.
                    let object_control = self.children(head).iter().any(|&child| {
                        matches!(self.base_deprel(child), "obj" | "iobj")
                            && !matches!(self.words[child].norm.as_str(), "sich" | "itself")
                    });
                    if passive_infinitive || object_control {
                        break;
                    }
                }
                if let Some(&subject) = self
                    .children(head)
                    .iter()
                    .find(|&&child| self.base_deprel(child) == "nsubj")
                {
                    let mut mentions = Vec::new();
                    let relative = self.resolve_subject(subject, &mut mentions);
                    let role = if self.deprel(subject).ends_with(":pass") || passive {
                        Role::Obj
                    } else {
                        Role::Subj
                    };
                    if !mentions.is_empty() {
                        frame.arguments.push(Argument {
                            role,
                            mentions,
                            via: format!(
                                "{} of {}{}",
                                self.deprel(subject),
                                self.words[head].surface,
                                if relative {
                                    " (relative pronoun: its antecedent)"
                                } else {
                                    ""
                                }
                            ),
                        });
                    }
                    break;
                }
                current = head;
            }
        }
        let mut first_subject: Option<usize> = None;
        for &child in &dependents {
            let word = &self.words[child];
            frame.words.push(word.lemma.clone());
            if word.norm != word.lemma {
                frame.words.push(word.norm.clone());
            }
            // Words of the dependents and their dependents, for required words (deeper
            // levels made PETRARCH's patterns over-fire on the unit tests).
            let mut stack: Vec<(usize, usize)> = self
                .children(child)
                .iter()
                .map(|&grandchild| (grandchild, 1))
                .collect();
            while let Some((position, depth)) = stack.pop() {
                frame.words.push(self.words[position].lemma.clone());
                if self.words[position].norm != self.words[position].lemma {
                    frame.words.push(self.words[position].norm.clone());
                }
                if depth < 1 {
                    stack.extend(
                        self.children(position)
                            .iter()
                            .map(|&deeper| (deeper, depth + 1)),
                    );
                }
            }
            let relation = self.deprel(child);
            let mut base = self.base_deprel(child);
            // Quotation marks around a German subject often make the parser attach it
            // as `parataxis` or `dep` ("dass „Schiffe …“ angegriffen worden seien"):
            // a nominative noun so attached to a verb without a subject is its subject.
            if self.lang == Lang::De
                && !noun
                && matches!(base, "parataxis" | "dep")
                && matches!(word.token.upos, Upos::Noun | Upos::Propn)
                && word.token.feats.case == Some(lagebild_doc::Case::Nom)
                && !dependents
                    .iter()
                    .any(|&other| self.base_deprel(other) == "nsubj")
            {
                base = "nsubj";
            }
            let role = match base {
                "nsubj" if zu_infinitive => {
                    (word.token.feats.case == Some(lagebild_doc::Case::Acc)).then_some(Role::Obj)
                }
                "nsubj" if relation.ends_with(":pass") && (passive || self.lang != Lang::De) => {
                    Some(Role::Obj)
                }
                "nsubj" if passive => Some(Role::Obj),
                "nsubj" => Some(Role::Subj),
                "obj" | "dobj" => Some(if word.token.feats.case == Some(lagebild_doc::Case::Dat) {
                    Role::Dat
                } else {
                    Role::Obj
                }),
                "iobj" => Some(Role::Dat),
                // A prenominal genitive the parser left as `dep` ("Merkels Besuch").
                "dep"
                    if noun
                        && self.lang == Lang::De
                        && child < index
                        && word.phrase.is_some()
                        && word.surface.ends_with('s') =>
                {
                    Some(Role::Gen)
                }
                "obl" | "nmod" | "nmod:poss" | "amod" | "compound" | "det" => {
                    match self.case_marker(child) {
                        Some(preposition)
                            if passive
                                && (relation.ends_with(":agent")
                                    || words::is_agent_preposition(self.lang, &preposition)) =>
                        {
                            Some(Role::Subj)
                        }
                        Some(preposition) if noun && matches!(preposition.as_str(), "'s") => {
                            Some(Role::Gen)
                        }
                        Some(preposition) => Some(Role::Prep(preposition)),
                        None if noun
                            && (matches!(relation, "nmod:poss" | "amod" | "compound" | "nmod")
                                || relation == "det") =>
                        {
                            Some(Role::Gen)
                        }
                        None if word.token.feats.case == Some(lagebild_doc::Case::Dat) => {
                            Some(Role::Dat)
                        }
                        None if relation.ends_with(":agent") => Some(Role::Subj),
                        None => None,
                    }
                }
                _ => None,
            };
            let Some(role) = role else { continue };
            let mut mentions = Vec::new();
            let mut relative_via = false;
            if matches!(role, Role::Prep(_)) {
                self.resolve_head(child, &mut mentions);
            } else {
                self.resolve(child, 0, &mut mentions);
                if mentions.is_empty() && matches!(base, "nsubj" | "obj" | "dobj" | "iobj") {
                    self.resolve_origin(child, &mut mentions);
                }
                if mentions.is_empty()
                    && matches!(base, "nsubj" | "obj" | "iobj")
                    && self.resolve_subject(child, &mut mentions)
                {
                    relative_via = true;
                }
            }
            // Two subjects of one verb with a conjunction between them are a misparsed
            // coordination: both act ("Evil Mordor, the awful Fornost, and good Gondor").
            if base == "nsubj"
                && let Some(first) = first_subject
                && self.words[first.min(child) + 1..first.max(child)]
                    .iter()
                    .any(|word| word.token.upos == Upos::Cconj)
                && let Some(known) = frame
                    .arguments
                    .iter_mut()
                    .find(|argument| argument.role == role && argument.via.starts_with("nsubj"))
            {
                for mention in mentions {
                    push_unique(&mut known.mentions, mention);
                }
                continue;
            }
            if base == "nsubj" && !mentions.is_empty() && first_subject.is_none() {
                first_subject = Some(child);
            }
            if !mentions.is_empty() && !frame.arguments.iter().any(|argument| argument.role == role)
            {
                frame.arguments.push(Argument {
                    role,
                    mentions,
                    via: if relative_via {
                        format!("{relation} (relative pronoun: its antecedent)")
                    } else {
                        relation.to_string()
                    },
                });
            }
        }
        if noun
            && !frame
                .arguments
                .iter()
                .any(|argument| argument.role == Role::Gen)
        {
            frame.host = self.host_subject(index);
        }
        if !noun && self.lang == Lang::De {
            frame.object_place = self.object_place(index);
            // A predicative complement of the object is often parsed inside the object
            // phrase ("bezeichnete den Milliardär Trump als Hochstapler": `als
            // Hochstapler` a conjunct of the name): its words count as required words.
            for &child in self.children(index) {
                if !matches!(self.base_deprel(child), "obj" | "iobj") {
                    continue;
                }
                let mut stack: Vec<(usize, usize)> = vec![(child, 0)];
                while let Some((position, depth)) = stack.pop() {
                    for &deeper in self.children(position) {
                        let nominal = matches!(
                            self.base_deprel(deeper),
                            "appos" | "flat" | "conj" | "nmod" | "amod" | "case" | "cc" | "advmod"
                        );
                        if !nominal {
                            continue;
                        }
                        let word = &self.words[deeper];
                        push_unique_word(&mut frame.words, &word.lemma);
                        push_unique_word(&mut frame.words, &word.norm);
                        if depth < 3 {
                            stack.push((deeper, depth + 1));
                        }
                    }
                }
            }
        }
        frame
    }

    /// The one actor named by an `in`/`im`/`auf` phrase of the trigger's direct object,
    /// when the object itself names none.
    fn object_place(&self, index: usize) -> Option<Argument> {
        let object = self.children(index).iter().copied().find(|&child| {
            matches!(self.base_deprel(child), "obj" | "dobj")
                && self.words[child].phrase.is_none()
                && matches!(self.words[child].token.upos, Upos::Noun | Upos::Propn)
        })?;
        let mut own = Vec::new();
        self.resolve(object, 0, &mut own);
        if !own.is_empty() {
            return None;
        }
        let mut found = Vec::new();
        for &child in self.children(object) {
            let place = self.children(child).iter().any(|&grandchild| {
                self.base_deprel(grandchild) == "case"
                    && matches!(self.words[grandchild].norm.as_str(), "in" | "im" | "auf")
            });
            if place && self.base_deprel(child) == "nmod" {
                self.resolve_head(child, &mut found);
            }
        }
        match found.as_slice() {
            [only] => Some(Argument {
                role: Role::Obj,
                mentions: vec![*only],
                via: "object-place".into(),
            }),
            _ => None,
        }
    }

    /// A German participle used as an adjective before its noun ("die vom Iran
    /// unterstützten Rebellen", "in den besetzten Gebieten", "mit scharf kritisierten
    /// Angriffen"): its frame is [`SentenceView::attributive_frame`], never the clause's.
    pub fn is_attributive_participle(&self, index: usize) -> bool {
        if self.lang != Lang::De {
            return false;
        }
        let word = &self.words[index];
        let adjective = word.token.upos == Upos::Adj
            || word.token.deprel == "amod"
            || matches!(word.token.xpos.as_str(), "ADJA");
        // An inflected form before a noun: "-te(n|m|r|s)", "-ene(n|m|r|s)".
        let inflected = ["e", "en", "em", "er", "es"]
            .iter()
            .any(|ending| word.norm.ends_with(ending))
            && self.words.get(index + 1).is_some_and(|next| {
                next.phrase.is_some()
                    || matches!(next.token.upos, Upos::Noun | Upos::Propn)
                    || next.surface.chars().next().is_some_and(char::is_uppercase)
            });
        adjective && inflected
    }

    /// The frame of an attributive participle, read as a passive: the noun it modifies
    /// is the target, a `von`/`vom`/`durch` phrase between its article and the participle
    /// the source ("die vom Iran unterstützten Houthi-Rebellen": IRN -> rebels). Without
    /// such an agent the frame has no source and nothing is coded.
    pub fn attributive_frame(&self, index: usize) -> Frame {
        let (start, end) = self.clause_of(index);
        let mut frame = Frame {
            passive: true,
            ..Frame::default()
        };
        for word in &self.words[start..end] {
            frame.words.push(word.lemma.clone());
            if word.norm != word.lemma {
                frame.words.push(word.norm.clone());
            }
        }
        // The modified noun: the next actor phrase or noun within three tokens.
        let noun = (index + 1..(index + 4).min(end)).find(|&position| {
            self.words[position].phrase.is_some()
                || matches!(self.words[position].token.upos, Upos::Noun | Upos::Propn)
        });
        let Some(noun) = noun else { return frame };
        let mut targets = Vec::new();
        match self.words[noun].phrase {
            Some(phrase) => targets.push(self.phrases[phrase].mention),
            None if self.parsed => self.resolve(noun, 0, &mut targets),
            None => {}
        }
        // The agent: the actor phrase right before the participle, governed by von/durch.
        let mut agent = Vec::new();
        if let Some(phrase) = index
            .checked_sub(1)
            .filter(|&previous| previous >= start)
            .and_then(|previous| self.words[previous].phrase)
        {
            let first = self.phrases[phrase].first;
            if let Some(at) = self.governing_preposition(first, start, false)
                && matches!(self.words[at].norm.as_str(), "von" | "vom" | "durch")
            {
                agent.push(self.phrases[phrase].mention);
            }
        }
        if !agent.is_empty() {
            frame.arguments.push(Argument {
                role: Role::Subj,
                mentions: agent,
                via: "attributive:von".into(),
            });
        }
        if !targets.is_empty() {
            frame.arguments.push(Argument {
                role: Role::Obj,
                mentions: targets,
                via: "attributive:noun".into(),
            });
        }
        frame
    }

    /// The frame of a coordinated predicate the tagger missed (`repaired_verb`): the
    /// subject of the finite verb before the conjunction, and as object the first actor
    /// after the trigger not governed by a preposition, up to the end of the clause.
    pub fn repaired_frame(&self, index: usize) -> Frame {
        let (_, end) = self.clause_of(index);
        let mut frame = Frame {
            parsed: self.parsed,
            ..Frame::default()
        };
        for word in &self.words[index + 1..end] {
            frame.words.push(word.lemma.clone());
            if word.norm != word.lemma {
                frame.words.push(word.norm.clone());
            }
        }
        let first_verb = (0..index).rev().find(|&position| {
            let word = &self.words[position];
            matches!(word.token.upos, Upos::Verb | Upos::Aux)
                && word.token.feats.verb_form != Some(VerbForm::Part)
                && word.token.feats.verb_form != Some(VerbForm::Inf)
        });
        if let Some(verb) = first_verb {
            let mut mentions = Vec::new();
            if self.parsed
                && let Some(&subject) = self
                    .children(verb)
                    .iter()
                    .find(|&&child| self.deprel(child) == "nsubj")
            {
                self.resolve_subject(subject, &mut mentions);
            }
            if !mentions.is_empty() {
                frame.arguments.push(Argument {
                    role: Role::Subj,
                    mentions,
                    via: format!(
                        "nsubj of {} (coordinated predicate)",
                        self.words[verb].surface
                    ),
                });
            }
        }
        let mut position = index + 1;
        while position < end {
            let word = &self.words[position];
            if let Some(phrase) = word.phrase {
                let first = self.phrases[phrase].first;
                if self
                    .governing_preposition(first, index + 1, false)
                    .is_none()
                {
                    frame.arguments.push(Argument {
                        role: Role::Obj,
                        mentions: vec![self.phrases[phrase].mention],
                        via: "linear:after coordinated predicate".into(),
                    });
                }
                break;
            }
            if word.verbal || words::is_preposition(self.lang, &word.norm) {
                break;
            }
            position += 1;
        }
        frame
    }

    /// Builds the frame of the trigger at `index` from word order within its clause.
    pub fn linear_frame(&self, index: usize, noun: bool, forms: &[(String, FormKind)]) -> Frame {
        let (start, end) = self.clause_of(index);
        let mut frame = Frame::default();
        for word in &self.words[start..end] {
            frame.words.push(word.lemma.clone());
            if word.norm != word.lemma {
                frame.words.push(word.norm.clone());
            }
        }
        // Coordinated actor groups in the clause, each with a preposition if one governs it.
        let groups = self.groups(start, end);
        if noun {
            self.noun_linear(index, end, &groups, &mut frame);
            return frame;
        }
        let participle = self.is_participle(index, forms);
        let passive = participle
            && self.words[start..end]
                .iter()
                .any(|word| words::is_passive_auxiliary(self.lang, &word.norm));
        frame.passive = passive;
        let subordinate = self
            .words
            .get(start)
            .is_some_and(|word| words::is_subordinator(self.lang, &word.norm))
            || (self.lang == Lang::De
                && start > 0
                && self
                    .words
                    .get(start)
                    .is_some_and(|word| words::is_relative_pronoun(&word.norm)));
        // The finite verb: the first auxiliary of the clause, or the trigger itself.
        let finite = (start..=index)
            .find(|&position| {
                position == index || words::is_auxiliary(self.lang, &self.words[position].norm)
            })
            .unwrap_or(index);
        let plain: Vec<&Group> = groups
            .iter()
            .filter(|group| group.preposition.is_none())
            .collect();
        let (subject, objects): (Option<&Group>, Vec<&Group>) = if subordinate
            || (self.lang == Lang::De && plain.iter().all(|group| group.first > finite))
        {
            let mut iterator = plain.iter().copied();
            // A group in the dative or genitive is no subject ("warf der Türkei vor").
            let first_oblique = plain.first().is_some_and(|group| self.oblique_case(group));
            if (subordinate || self.lang == Lang::De) && !first_oblique {
                (iterator.next(), iterator.collect())
            } else {
                (None, iterator.collect())
            }
        } else {
            let before: Vec<&Group> = plain
                .iter()
                .copied()
                .filter(|group| group.last < finite)
                .collect();
            let after: Vec<&Group> = plain
                .iter()
                .copied()
                .filter(|group| group.first > finite)
                .collect();
            (before.last().copied(), after)
        };
        let (subject_role, object_role) = if passive {
            (Role::Obj, None)
        } else {
            (Role::Subj, Some(Role::Obj))
        };
        if let Some(subject) = subject {
            frame.arguments.push(Argument {
                role: subject_role.clone(),
                mentions: subject.mentions.clone(),
                via: if subordinate {
                    "linear:first".into()
                } else {
                    "linear:before-verb".into()
                },
            });
        }
        // An object noun with a `zwischen` attribute names the targets ("verurteilten die
        // Kooperation zwischen Russland und Nordkorea").
        let between = groups.iter().find(|group| {
            group.first > finite
                && matches!(group.preposition.as_deref(), Some("zwischen" | "between"))
                && group
                    .preposition_at
                    .and_then(|at| at.checked_sub(1))
                    .is_some_and(|noun| self.words[noun].event_noun)
        });
        if objects.is_empty()
            && !passive
            && let Some(group) = between
        {
            frame.arguments.push(Argument {
                role: Role::Obj,
                mentions: group.mentions.clone(),
                via: "linear:object-noun-zwischen".into(),
            });
        }
        if let Some(object_role) = object_role {
            // More than one plain object group is ambiguous: keep only the first, and only
            // when it is the sole one or the language orders dative before accusative.
            if let Some(first) = objects.first()
                && objects.len() == 1
            {
                frame.arguments.push(Argument {
                    role: object_role,
                    mentions: first.mentions.clone(),
                    via: "linear:after-verb".into(),
                });
            }
        }
        for group in groups.iter().filter(|group| group.preposition.is_some()) {
            let preposition = group.preposition.clone().unwrap_or_default();
            let role = if passive && words::is_agent_preposition(self.lang, &preposition) {
                Role::Subj
            } else {
                Role::Prep(preposition.clone())
            };
            if !frame.arguments.iter().any(|argument| argument.role == role) {
                frame.arguments.push(Argument {
                    role,
                    mentions: group.mentions.clone(),
                    via: format!("linear:{preposition}"),
                });
            }
        }
        frame
    }

    /// Whether a German actor group is marked dative or genitive (by its article or its own
    /// case feature) and nowhere nominative.
    fn oblique_case(&self, group: &Group) -> bool {
        if self.lang != Lang::De {
            return false;
        }
        let start = group
            .first
            .checked_sub(1)
            .filter(|&previous| self.words[previous].token.upos == Upos::Det)
            .unwrap_or(group.first);
        let cases: Vec<lagebild_doc::Case> = self.words
            [start..=group.last.min(self.words.len() - 1)]
            .iter()
            .filter_map(|word| word.token.feats.case)
            .collect();
        !cases.is_empty()
            && !cases.contains(&lagebild_doc::Case::Nom)
            && cases
                .iter()
                .any(|case| matches!(case, lagebild_doc::Case::Dat | lagebild_doc::Case::Gen))
    }

    fn noun_linear(&self, index: usize, end: usize, groups: &[Group], frame: &mut Frame) {
        // A possessor or adjective actor right before the noun ("Putins Besuch", "russische Angriffe").
        if index > 0 {
            let before = &self.words[index - 1];
            // German prenominal actors are genitives (`Russlands`) or adjectives
            // (`russische`); a bare name before a noun is an object ("wirft Russland Hilfe vor").
            let prenominal = self.lang != Lang::De
                || before.surface.ends_with('s')
                || before
                    .surface
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
            if let Some(phrase) = before.phrase.filter(|_| prenominal)
                && !before.boundary_after
            {
                frame.arguments.push(Argument {
                    role: Role::Gen,
                    mentions: vec![self.phrases[phrase].mention],
                    via: "linear:before-noun".into(),
                });
            }
        }
        // Attributes after the noun, each within a few tokens of the previous one.
        let mut position = index;
        for group in groups
            .iter()
            .filter(|group| group.first > index && group.first < end)
        {
            let gap = group.first - position;
            let start_of_attribute = group.preposition_at.unwrap_or(group.first);
            if start_of_attribute > position + 3 || gap > 6 {
                break;
            }
            // A verb in between ends the noun phrase: "Nach dem Angriff auf X lobte Y
            // ..." names Y as the verb's subject, not the attacker.
            if self.words[position + 1..group.first]
                .iter()
                .any(|word| word.verbal || matches!(word.token.upos, Upos::Verb | Upos::Aux))
            {
                break;
            }
            let role = match &group.preposition {
                Some(preposition) => Role::Prep(preposition.clone()),
                None => Role::Gen,
            };
            if !frame.arguments.iter().any(|argument| argument.role == role) {
                frame.arguments.push(Argument {
                    role,
                    mentions: group.mentions.clone(),
                    via: "linear:after-noun".into(),
                });
            }
            position = group.last;
        }
    }

    /// Coordinated actor groups within `start..end`.
    fn groups(&self, start: usize, end: usize) -> Vec<Group> {
        let mut groups: Vec<Group> = Vec::new();
        let mut index = start;
        while index < end {
            let Some(phrase_index) = self.words[index].phrase else {
                index += 1;
                continue;
            };
            let phrase = &self.phrases[phrase_index];
            let genitive = self.lang == Lang::De
                && (self.words[phrase.first].surface.ends_with('s')
                    || phrase.first.checked_sub(1).is_some_and(|previous| {
                        matches!(self.words[previous].norm.as_str(), "des" | "der")
                    }));
            let preposition_at = self.governing_preposition(phrase.first, start, genitive);
            let preposition = preposition_at.map(|at| self.words[at].norm.clone());
            let mut group = Group {
                first: phrase.first,
                last: phrase.last,
                mentions: vec![phrase.mention],
                preposition,
                preposition_at,
            };
            index = phrase.last + 1;
            // Extend over ", X", "und X", "und dem X".
            loop {
                let mut probe = index;
                let mut saw_link = self.words[group.last].boundary_after;
                while probe < end && probe < index + 3 {
                    let word = &self.words[probe];
                    if words::is_conjunction(self.lang, &word.norm) || word.is_punct {
                        saw_link = true;
                        probe += 1;
                    } else if saw_link && words::is_determiner(self.lang, &word.norm) {
                        probe += 1;
                    } else {
                        break;
                    }
                }
                match self
                    .words
                    .get(probe)
                    .and_then(|word| word.phrase)
                    .filter(|_| saw_link && probe < end)
                {
                    Some(next) => {
                        let next = &self.phrases[next];
                        push_unique(&mut group.mentions, next.mention);
                        group.last = next.last;
                        index = next.last + 1;
                    }
                    None => break,
                }
            }
            groups.push(group);
        }
        groups
    }

    /// The preposition governing an actor phrase starting at `first`: within three
    /// tokens before it, with only determiners, adjectives or adverbs between.
    fn governing_preposition(&self, first: usize, start: usize, genitive: bool) -> Option<usize> {
        let mut position = first;
        let mut nouns = 0;
        let mut determiner_seen = false;
        for _ in 0..5 {
            if position == start {
                return None;
            }
            position -= 1;
            let word = &self.words[position];
            if word.phrase.is_some() || word.boundary_after {
                return None;
            }
            if words::is_preposition(self.lang, &word.norm) || word.token.upos == Upos::Adp {
                return Some(position);
            }
            if word.verbal {
                return None;
            }
            if word.is_punct && word.token.span.slice(self.text) == "-" {
                continue;
            }
            // Proper nouns count: "zu Nordkoreas Machthaber Kim", "zwischen Nord- und Südkorea".
            // (German only: English unit tests over-code with it).
            let noun = matches!(word.token.upos, Upos::Noun)
                || (word.token.upos == Upos::Propn && self.lang == Lang::De)
                || (word.token.upos == Upos::X
                    && word.surface.chars().next().is_some_and(char::is_uppercase));
            // Titles and genitive heads may stand between a preposition and a name
            // ("zu Nordkoreas Machthaber Kim", "gegen Resolutionen Borlands").
            let _ = genitive;
            // A noun before an article ends another noun phrase ("in seiner Amtszeit | den Machthaber").
            if noun && determiner_seen {
                return None;
            }
            // A genitive article belongs to the name ("nach den Worten des Generalsekretärs").
            let genitive_article =
                genitive && position + 1 == first && matches!(word.norm.as_str(), "des" | "der");
            if (matches!(word.token.upos, Upos::Det) || words::is_determiner(self.lang, &word.norm))
                && !genitive_article
            {
                determiner_seen = true;
            }
            // "zwischen Nord- und Südkorea": a truncated compound joins the conjunct.
            if words::is_conjunction(self.lang, &word.norm) {
                let truncated = position.checked_sub(1).is_some_and(|previous| {
                    self.words[previous]
                        .token
                        .span
                        .slice(self.text)
                        .ends_with('-')
                });
                if !truncated {
                    return None;
                }
                continue;
            }
            let modifier = matches!(
                word.token.upos,
                Upos::Det | Upos::Adj | Upos::Adv | Upos::Num
            ) || (noun && nouns < 2)
                || words::is_determiner(self.lang, &word.norm)
                || (word.token.upos == Upos::X
                    && word.surface.chars().next().is_some_and(char::is_lowercase));
            if !modifier {
                return None;
            }
            if noun {
                nouns += 1;
            }
        }
        None
    }
}

/// Adjacent mentions of one actor ("US-Präsident Donald Trump"): same code root.
fn same_actor(left: &ActorMention, right: &ActorMention) -> bool {
    left.code
        .get(..3)
        .is_some_and(|root| right.code.starts_with(root))
        && (!left.code.starts_with("IGO") || left.code == right.code)
}

#[derive(Clone, Debug)]
pub(crate) struct Group {
    pub first: usize,
    pub last: usize,
    pub mentions: Vec<usize>,
    pub preposition: Option<String>,
    pub preposition_at: Option<usize>,
}

fn push_unique(list: &mut Vec<usize>, value: usize) {
    if !list.contains(&value) {
        list.push(value);
    }
}

fn push_unique_word(list: &mut Vec<String>, word: &str) {
    if !list.iter().any(|known| known == word) {
        list.push(word.to_string());
    }
}
