//! The coder: dictionaries per language, trigger lookup, slot filling, event assembly.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lagebild_actors::ActorMention;
use lagebild_doc::{Lang, Upos};

use crate::dictionary::{
    DictionaryError, Entry, FormKind, Role, TriggerKind, parse_forms, parse_verbs,
};
use crate::explain::{Attempt, Explanation};
use crate::sentence::{Argument, Frame, Host, SentenceView};
use crate::verbs::{Candidate, VerbDictionary};
use crate::{CodingInput, Event, Participant, codes, modality};

const GERMAN_VERBS: &str = include_str!("../dict/de/verbs.txt");
const GERMAN_FORMS: &str = include_str!("../dict/de/forms.txt");
const ENGLISH_VERBS: &str = include_str!("../dict/en/verbs.txt");
const ENGLISH_FORMS: &str = include_str!("../dict/en/forms.txt");

/// The event coder with its verb dictionaries loaded.
#[derive(Debug, Default)]
pub struct Coder {
    german: VerbDictionary,
    english: VerbDictionary,
}

/// Entry and trigger counts per dictionary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DictionarySizes {
    pub german_entries: usize,
    pub german_triggers: usize,
    pub english_entries: usize,
    pub english_triggers: usize,
}

/// Builds a [`Coder`] from the embedded dictionaries and optional files.
#[derive(Debug, Default, Clone)]
pub struct CoderBuilder {
    german_verbs: Option<PathBuf>,
    english_verbs: Option<PathBuf>,
    petrarch_verbs: Option<PathBuf>,
}

fn read(path: &Path) -> Result<String, DictionaryError> {
    std::fs::read_to_string(path).map_err(|source| DictionaryError::Io {
        path: path.display().to_string(),
        source,
    })
}

fn irregular(
    name: &str,
    text: &str,
) -> Result<HashMap<String, Vec<(String, FormKind)>>, DictionaryError> {
    Ok(parse_forms(name, text)?.into_iter().collect())
}

impl CoderBuilder {
    /// Replaces the embedded German dictionary with a file in the lagebild format.
    pub fn german_verbs(mut self, path: impl Into<PathBuf>) -> CoderBuilder {
        self.german_verbs = Some(path.into());
        self
    }

    /// Replaces the embedded English dictionary with a file in the lagebild format.
    pub fn english_verbs(mut self, path: impl Into<PathBuf>) -> CoderBuilder {
        self.english_verbs = Some(path.into());
        self
    }

    /// Uses a PETRARCH-2 verb dictionary (`CAMEO.2.0.txt` syntax) in place of the
    /// English dictionary (`--petrarch-verbs`).
    pub fn petrarch_verbs(mut self, path: impl Into<PathBuf>) -> CoderBuilder {
        self.petrarch_verbs = Some(path.into());
        self
    }

    pub fn build(self) -> Result<Arc<Coder>, DictionaryError> {
        let german_forms = irregular("de/forms.txt", GERMAN_FORMS)?;
        let english_forms = irregular("en/forms.txt", ENGLISH_FORMS)?;
        let german_entries = match &self.german_verbs {
            Some(path) => parse_verbs(&path.display().to_string(), &read(path)?, Lang::De)?,
            None => parse_verbs("de/verbs.txt", GERMAN_VERBS, Lang::De)?,
        };
        let english = match (&self.petrarch_verbs, &self.english_verbs) {
            (Some(path), _) => {
                let text = read(path)?;
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |name| name.to_string_lossy().into_owned(),
                );
                let (entries, forms) = crate::petrarch::parse_verbs(&name, &text)?;
                let mut table = english_forms.clone();
                for (lemma, list) in forms {
                    table.entry(lemma).or_default().extend(list);
                }
                VerbDictionary::new(Lang::En, entries, &table)
            }
            (None, Some(path)) => VerbDictionary::new(
                Lang::En,
                parse_verbs(&path.display().to_string(), &read(path)?, Lang::En)?,
                &english_forms,
            ),
            (None, None) => VerbDictionary::new(
                Lang::En,
                parse_verbs("en/verbs.txt", ENGLISH_VERBS, Lang::En)?,
                &english_forms,
            ),
        };
        Ok(Arc::new(Coder {
            german: VerbDictionary::new(Lang::De, german_entries, &german_forms),
            english,
        }))
    }
}

/// The outcome of trying one entry on one trigger.
pub(crate) struct Trial<'a> {
    pub(crate) entry: &'a Entry,
    candidate: Candidate,
    pub(crate) sources: Option<Argument>,
    pub(crate) targets: Option<Argument>,
    symmetric: Option<Argument>,
    outcome: String,
    pub(crate) ok: bool,
}

impl Coder {
    /// The coder on the dictionaries embedded in the binary. The embedded dictionaries
    /// are checked by the test suite; should one ever fail to load, the coder codes
    /// nothing rather than panic.
    pub fn embedded() -> Arc<Coder> {
        Coder::builder()
            .build()
            .unwrap_or_else(|_| Arc::new(Coder::default()))
    }

    pub fn builder() -> CoderBuilder {
        CoderBuilder::default()
    }

    pub fn dictionary_sizes(&self) -> DictionarySizes {
        DictionarySizes {
            german_entries: self.german.len(),
            german_triggers: self.german.trigger_count(),
            english_entries: self.english.len(),
            english_triggers: self.english.trigger_count(),
        }
    }

    pub fn dictionary(&self, lang: Lang) -> &VerbDictionary {
        match lang {
            Lang::De => &self.german,
            _ => &self.english,
        }
    }

    /// Codes the events of one document. Never fails; returns events sorted by sentence
    /// and trigger, with cluster ids grouping mentions of the same event.
    pub fn code(&self, input: &CodingInput<'_>) -> Vec<Event> {
        let mut events = Vec::new();
        let quotes = if input.quotes.is_empty() {
            modality::quote_spans(&input.doc.text)
        } else {
            Vec::new()
        };
        let sports = self.lang_of(input) == Lang::En && crate::english::sports_document(input);
        for sentence in 0..input.analysis.sentences.len() {
            let found = self.code_sentence(input, sentence, &quotes, sports, &events, None);
            events.extend(found);
        }
        assign_clusters(&mut events);
        events
    }

    /// Explains the coding of one sentence: its analysis, actors, the entries tried and
    /// why each did or did not produce an event.
    pub fn explain(&self, input: &CodingInput<'_>, sentence_index: usize) -> Explanation {
        let mut attempts = Vec::new();
        let quotes = if input.quotes.is_empty() {
            modality::quote_spans(&input.doc.text)
        } else {
            Vec::new()
        };
        let sports = self.lang_of(input) == Lang::En && crate::english::sports_document(input);
        let mut prior = Vec::new();
        for sentence in 0..sentence_index {
            let found = self.code_sentence(input, sentence, &quotes, sports, &prior, None);
            prior.extend(found);
        }
        let mut events = self.code_sentence(
            input,
            sentence_index,
            &quotes,
            sports,
            &prior,
            Some(&mut attempts),
        );
        assign_clusters(&mut events);
        let view = SentenceView::new(
            &input.doc.text,
            self.lang_of(input),
            input.analysis,
            sentence_index,
            input.actors,
        );
        Explanation::new(input, &view, sentence_index, attempts, events)
    }

    fn lang_of(&self, input: &CodingInput<'_>) -> Lang {
        match input.doc.lang {
            Lang::De => Lang::De,
            _ => Lang::En,
        }
    }

    fn code_sentence(
        &self,
        input: &CodingInput<'_>,
        sentence_index: usize,
        quotes: &[lagebild_doc::Span],
        sports_document: bool,
        prior: &[Event],
        mut trace: Option<&mut Vec<Attempt>>,
    ) -> Vec<Event> {
        let lang = self.lang_of(input);
        let dictionary = self.dictionary(lang);
        let mut view = SentenceView::new(
            &input.doc.text,
            lang,
            input.analysis,
            sentence_index,
            input.actors,
        );
        view.mark_verbal(
            |norm| {
                dictionary
                    .forms
                    .lookup(norm)
                    .iter()
                    .any(|(_, kind)| *kind != crate::dictionary::FormKind::Infinitive)
            },
            |lemma| dictionary.noun_entries(lemma).is_some(),
        );
        let mut events: Vec<Event> = Vec::new();
        if view.phrases.is_empty() && trace.is_none() {
            return events;
        }
        // Sports reports name states and cities as teams ("Die Belgier empfangen die
        // Russen", "zum Rückspiel nach Schweden reisen"): a sentence with a match score or
        // a sports term codes nothing, like PETRARCH's discard lists.
        if let Some(word) = view
            .words
            .iter()
            .find(|word| crate::words::is_sports_marker(lang, word.surface))
        {
            if let Some(trace) = trace.as_deref_mut() {
                trace.push(Attempt {
                    token: 0,
                    trigger: word.surface.to_string(),
                    rule: "words.rs (sports markers)".into(),
                    code: None,
                    matched: "sports marker".into(),
                    frame: String::new(),
                    outcome: format!("`{}` marks a sports report: no event coded", word.surface),
                });
            }
            return events;
        }
        // English sports reports (`english.rs`): the same, with PETRARCH-style phrases.
        if lang == Lang::En
            && crate::english::is_sports_sentence(view.span.slice(&input.doc.text), sports_document)
        {
            if let Some(trace) = trace.as_deref_mut() {
                trace.push(Attempt {
                    token: 0,
                    trigger: String::new(),
                    rule: "english.rs (sports report)".into(),
                    code: None,
                    matched: "sports report".into(),
                    frame: String::new(),
                    outcome: "the sentence reports sports: no event coded".into(),
                });
            }
            return events;
        }
        // Verbs first, then nouns: a nominal event whose actors are already arguments of
        // a coded verb in the same clause ("verurteilten die Kooperation zwischen A und B")
        // is the verb's content, not an event of its own.
        let mut consumed: Vec<((usize, usize), usize)> = Vec::new();
        let mut verbal_clauses: Vec<(usize, usize)> = Vec::new();
        for (pass, index) in [TriggerKind::Verb, TriggerKind::Noun]
            .into_iter()
            .flat_map(|pass| (0..view.words.len()).map(move |index| (pass, index)))
        {
            if view.words[index].is_punct || view.words[index].phrase.is_some() {
                continue;
            }
            let candidates: Vec<Candidate> = self
                .candidates(dictionary, &view, index)
                .into_iter()
                .filter(|candidate| dictionary.entries[candidate.entry].kind == pass)
                .collect();
            if candidates.is_empty() {
                continue;
            }
            let clause = view.clause_of(index);
            let forms = dictionary.forms.lookup(&view.words[index].norm).to_vec();
            let mut frames: [Option<Frame>; 2] = [None, None];
            let mut linear_frames: [Option<Frame>; 2] = [None, None];
            let mut winner: Option<Trial<'_>> = None;
            let mut blocked_below: Option<usize> = None;
            // An agentless passive of arrest, trial or expulsion (`implied.rs`).
            let mut implied: Option<(&Entry, Argument)> = None;
            for candidate in candidates {
                let entry = &dictionary.entries[candidate.entry];
                let noun = entry.kind == TriggerKind::Noun;
                let slot = usize::from(noun);
                let attributive = !noun && view.is_attributive_participle(index);
                let frame = frames[slot].get_or_insert_with(|| {
                    if attributive {
                        return view.attributive_frame(index);
                    }
                    if view.words[index].repaired_verb {
                        return view.repaired_frame(index);
                    }
                    let parsed = view.parsed.then(|| view.parsed_frame(index, noun, &forms));
                    match parsed {
                        Some(frame) if !frame.arguments.is_empty() => frame,
                        // A parse that finds no actor argument falls back to word order.
                        _ => {
                            let mut linear = view.linear_frame(index, noun, &forms);
                            if let Some(parsed) = parsed {
                                linear.words.extend(parsed.words);
                                linear.host = parsed.host;
                                linear.object_place = parsed.object_place;
                            }
                            linear
                        }
                    }
                });
                let mut trial = try_entry(entry, candidate.clone(), frame);
                if crate::english::statement_target_by_word_order(&view, &trial) {
                    trial.ok = false;
                    trial.outcome = "a bare statement takes no target by word order".into();
                }
                // A denial naming no accuser denies an earlier accusation (verbs.rs).
                if !trial.ok
                    && trial.outcome.starts_with("no actor in target slot")
                    && let Some(with) = crate::verbs::with_accuser(
                        entry,
                        frame,
                        noun,
                        prior,
                        input.actors,
                        sentence_index,
                    )
                {
                    let retry = try_entry(entry, candidate.clone(), &with);
                    if retry.ok {
                        trial = retry;
                    }
                }
                if implied.is_none()
                    && !trial.ok
                    && !noun
                    && frame.passive
                    && trial.outcome.starts_with("no actor in source slot")
                    && entry
                        .code
                        .as_deref()
                        .is_some_and(|code| crate::implied::implies_agent(code, attributive))
                    && let Some(targets) = entry
                        .target
                        .as_ref()
                        .and_then(|role| frame.fill(role, noun))
                {
                    implied = Some((entry, targets.clone()));
                }
                let mut used_frame = describe_frame(frame, input.actors);
                // Bad parses: when the parse leaves a slot empty, word order may fill it.
                if !trial.ok && frame.parsed && trial.outcome.starts_with("no actor") {
                    // Only slots the parse left empty are filled, and only with actors
                    // the parse did not place elsewhere.
                    let linear = linear_frames[slot].get_or_insert_with(|| {
                        let linear = view.linear_frame(index, noun, &forms);
                        let mut merged = frame.clone();
                        let infinitive = view.is_infinitive(index)
                            || crate::english::no_subject_by_word_order(&view, index, frame.passive);
                        let clause_start = view.subordinate_start(index);
                        for argument in linear.arguments {
                            // Word order reaches across the start of a subordinate clause
                            // ("... ties with Gondor after crowds burned ...").
                            if let Some(start) = clause_start
                                && argument
                                    .mentions
                                    .iter()
                                    .filter_map(|&mention| view.mention_position(mention))
                                    .any(|position| position < start)
                            {
                                continue;
                            }
                            // The parse found no controller for an infinitive ("to be
                            // allowed to leave"): a name earlier in the sentence is no
                            // better guess.
                            if infinitive && argument.role == crate::dictionary::Role::Subj {
                                continue;
                            }
                            let role_taken = merged
                                .arguments
                                .iter()
                                .any(|known| known.role == argument.role);
                            // A "preposition" that is none (a name particle tagged
                            // ADP: "Al Gore") places nothing.
                            let actor_taken = merged.arguments.iter().any(|known| {
                                !(lang == Lang::De && matches!(&known.role, crate::dictionary::Role::Prep(word) if !crate::words::is_preposition(lang, word)))
                                    && known
                                    .mentions
                                    .iter()
                                    .any(|mention| argument.mentions.contains(mention))
                            });
                            if !role_taken && !actor_taken {
                                merged.arguments.push(argument);
                            }
                        }
                        merged
                    });
                    let mut retry = try_entry(entry, candidate, linear);
                    if crate::english::statement_target_by_word_order(&view, &retry) {
                        retry.ok = false;
                    }
                    if retry.ok {
                        retry.outcome = format!(
                            "{} (word-order fallback: the parse left a slot empty)",
                            retry.outcome
                        );
                        used_frame = describe_frame(linear, input.actors);
                        trial = retry;
                    }
                }
                // English: the pattern's own word is no target ("exchanged artillery
                // fire" under `- * &WEAPON`: the weapon is what is exchanged).
                if trial.ok && crate::english::target_is_circumstance(&view, &trial) {
                    trial.ok = false;
                    trial.outcome =
                        "no actor in target slot: an attribution phrase (according to) is no default target".into();
                }
                if trial.ok
                    && let Some(word) =
                        crate::english::pattern_word_out_of_place(&view, index, entry)
                {
                    trial.ok = false;
                    trial.outcome =
                        format!("pattern word `{word}` stands on the other side of the verb");
                }
                if trial.ok && crate::english::target_is_pattern_word(&view, &trial, input.actors) {
                    trial.ok = false;
                    trial.outcome =
                        "no actor in target slot: the only target is a word of the pattern".into();
                }
                // PETRARCH's `- * ON [190]` ("press on"): a lone preposition after the
                // verb is a particle and must follow it, not sit in a later phrase
                // ("demanded that X end curbs on the press").
                if trial.ok
                    && !noun
                    && lang == Lang::En
                    && let Some(particle) = lone_particle(entry)
                    && !particle_follows(&view, index, particle)
                {
                    trial.ok = false;
                    trial.outcome = format!("particle `{particle}` does not follow the verb");
                }
                if trial.ok
                    && noun
                    && let Some(reason) = nominal_veto(&view, index, &trial, &consumed, clause).or_else(|| {
                        (verbal_clauses.contains(&clause) && !view.is_adverbial_noun(index)).then(|| "the noun is the content of a coded verbal act in its clause (accusation, demand, threat ...): not coded".to_string())
                    })
                {
                    trial.ok = false;
                    trial.outcome = reason;
                }
                if let Some(trace) = trace.as_deref_mut() {
                    trace.push(Attempt {
                        token: index,
                        trigger: view.words[index].surface.to_string(),
                        rule: trial.entry.rule.clone(),
                        code: trial.entry.code.clone(),
                        matched: trial.candidate.matched.clone(),
                        frame: used_frame.clone(),
                        outcome: trial.outcome.clone(),
                    });
                }
                // An entry whose words are all there but whose actor slots are not
                // (parse trouble) names what the sentence is about: a more general entry
                // of the same trigger would code something else ("celebrated Eid at X with
                // Y" is no generic "celebrate").
                if !trial.ok
                    && !trial.entry.required.is_empty()
                    && trial.outcome.starts_with("no actor")
                    && blocked_below.is_none()
                {
                    blocked_below = Some(trial.entry.required.len());
                }
                if trial.ok
                    && winner.is_none()
                    && blocked_below.is_some_and(|required| trial.entry.required.len() < required)
                {
                    trial.ok = false;
                    trial.outcome =
                        "blocked: a more specific entry's words are present but its actors are not"
                            .into();
                    if let Some(trace) = trace.as_deref_mut()
                        && let Some(last) = trace.last_mut()
                    {
                        last.outcome = trial.outcome.clone();
                    }
                }
                if trial.ok && winner.is_none() {
                    winner = Some(trial);
                    if trace.is_none() {
                        break;
                    }
                }
            }
            let Some(winner) = winner else {
                if let Some((entry, targets)) = implied {
                    let found = crate::implied::implied_events(
                        input,
                        &view,
                        index,
                        &forms,
                        quotes,
                        sentence_index,
                        entry,
                        &targets,
                        &events,
                    );
                    if let Some(trace) = trace.as_deref_mut()
                        && let Some(first) = found.first()
                    {
                        trace.push(Attempt {
                            token: index,
                            trigger: view.words[index].surface.to_string(),
                            rule: entry.rule.clone(),
                            code: entry.code.clone(),
                            matched: "agentless passive".into(),
                            frame: String::new(),
                            outcome: format!("coded with an implied agent ({})", first.source.code),
                        });
                    }
                    events.extend(found);
                }
                continue;
            };
            let Some(code) = winner.entry.code.clone() else {
                continue;
            };
            let pairs = pairs(&winner);
            if pass == TriggerKind::Verb
                && matches!(
                    codes::root(&code),
                    "01" | "02" | "09" | "10" | "11" | "12" | "13"
                )
            {
                // What a verbal act is about is its content, not an asserted event.
                verbal_clauses.push(clause);
            }
            if pass == TriggerKind::Verb {
                consumed.extend(
                    pairs
                        .iter()
                        .flat_map(|(source, target)| [(clause, *source), (clause, *target)]),
                );
            }
            let context = modality::Context::new(input, &view, index, &forms, quotes);
            // A PETRARCH `[a:b]` code adds the reverse event with code `b`.
            let mut coded: Vec<(usize, usize, String)> = pairs
                .iter()
                .map(|&(source, target)| (source, target, code.clone()))
                .collect();
            if let Some(reverse) = &winner.entry.reverse {
                coded.extend(
                    pairs
                        .iter()
                        .map(|&(source, target)| (target, source, reverse.clone())),
                );
            }
            let distributed = distributed_agents(&winner, input.actors);
            for (source, target, code) in coded {
                let (Some(source_mention), Some(target_mention)) =
                    (input.actors.get(source), input.actors.get(target))
                else {
                    continue;
                };
                // Attacking with words, not weapons (verbs.rs): a verbal attack is 111.
                let verbal = crate::verbs::verbal_attack(
                    &view,
                    index,
                    winner.entry,
                    source_mention,
                    target_mention,
                );
                let code = if verbal { "111".to_string() } else { code };
                let with_agent = |index: usize, mention: &ActorMention| {
                    let mut participant = participant(mention);
                    if let Some((_, code)) = distributed.iter().find(|(at, _)| *at == index) {
                        participant.code = code.clone();
                    }
                    participant
                };
                let duplicate = events.iter().any(|event| {
                    event.source.span == source_mention.span
                        && event
                            .target
                            .as_ref()
                            .is_some_and(|known| known.span == target_mention.span)
                        && codes::root(&event.cameo) == codes::root(&code)
                });
                if duplicate {
                    continue;
                }
                let modality = context.modality();
                // PETRARCH's `[FRO/BIL/SAM]` names several actors at once: one event per
                // code pair; a country acting on itself is no event (an alliance's organs
                // urging its members is: "Rutte drängte die Nato-Länder").
                let source_participant = with_agent(source, source_mention);
                let target_participant = with_agent(target, target_mention);
                for (source_code, target_code) in
                    split_codes(&source_participant.code, &target_participant.code)
                {
                    // One person on both sides (a pronoun resolved to its own clause's
                    // subject) is no event either.
                    let same_person = source_mention.name == target_mention.name
                        && source_mention.kind == lagebild_actors::ActorKind::Person
                        && target_mention.kind == lagebild_actors::ActorKind::Person;
                    // An actor acting on itself is no event; an alliance's organs urging
                    // its members are ("Rutte drängte die Nato-Länder": IGO codes), and so
                    // are two different persons of one code (two senators meeting).
                    let two_persons = source_mention.kind == lagebild_actors::ActorKind::Person
                        && target_mention.kind == lagebild_actors::ActorKind::Person
                        && !same_person;
                    let self_event = source_code == target_code
                        && !two_persons
                        && (source_code.len() == 3 || !source_code.starts_with("IGO"));
                    // A site in the source's own state ("die Armee bombardierte Dörfer
                    // in Syrien") says nothing of whom the act is against.
                    let own_site = winner
                        .targets
                        .as_ref()
                        .is_some_and(|targets| targets.via == "object-place")
                        && source_code.get(..3) == Some(target_code.as_str());
                    // German coding uses our own knowledge base: an actor it could not
                    // place in a state or organisation ("---", "---GOV": unknown persons
                    // and unresolved roles) makes no dyad worth reporting. PETRARCH
                    // dictionaries code such agents on purpose, so English keeps them.
                    // A private person is never a source, and a target only of acts
                    // against civilians (arrest, charge, attack: `implied.rs`).
                    // Nominal events ("Wahlkampf gegen X") take no private target.
                    let private_target = crate::implied::is_private(lang, target_mention);
                    if private_target && pass == TriggerKind::Noun {
                        continue;
                    }
                    if crate::implied::is_private(lang, source_mention)
                        || private_target && !crate::implied::civilian_target(&code)
                    {
                        continue;
                    }
                    let target_code = if private_target {
                        crate::implied::private_code(&target_code)
                    } else {
                        target_code
                    };
                    let unknown = lang == Lang::De
                        && (source_code.starts_with("---")
                            || target_code.starts_with("---") && !private_target)
                        || crate::english::stateless_dyad(lang, &source_code, &target_code);
                    let own_state =
                        crate::verbs::own_state_appeal(&code, &source_code, &target_code);
                    if self_event || same_person || unknown || own_site || own_state {
                        continue;
                    }
                    let mut source_participant = source_participant.clone();
                    let mut target_participant = target_participant.clone();
                    source_participant.code = source_code;
                    target_participant.code = target_code;
                    if private_target {
                        crate::implied::domestic(&mut target_participant, &source_participant);
                    }
                    let rule = crate::verbs::rule_with_notes(
                        &winner.entry.rule,
                        &view,
                        index,
                        winner.targets.as_ref(),
                        verbal,
                    );
                    events.push(context.event(
                        sentence_index,
                        source_participant,
                        target_participant,
                        &code,
                        rule,
                        modality.clone(),
                    ));
                }
            }
        }
        events.sort_by_key(|event| (event.trigger.start, event.trigger.end));
        // Two mentions of one actor in one slot ("Merkel ... die Kanzlerin") give the same
        // coded event twice: keep the first.
        let mut seen: Vec<(lagebild_doc::Span, String, String, String)> = Vec::new();
        events.retain(|event| {
            let key = (
                event.trigger,
                event.source.code.clone(),
                event
                    .target
                    .as_ref()
                    .map_or(String::new(), |target| target.code.clone()),
                event.cameo.clone(),
            );
            if seen.contains(&key) {
                return false;
            }
            seen.push(key);
            true
        });
        // English (PETRARCH convention): a bare "make a statement" (010, "X said ...")
        // gives way to a substantive event coded in the same sentence; it is the report
        // of that event, not a second one.
        if lang == Lang::En && events.iter().any(|event| codes::root(&event.cameo) != "01") {
            events.retain(|event| event.cameo != "010");
        }
        events
    }

    fn candidates(
        &self,
        dictionary: &VerbDictionary,
        view: &SentenceView<'_>,
        index: usize,
    ) -> Vec<Candidate> {
        let word = &view.words[index];
        let upos = word.token.upos;
        let mut keys: Vec<(String, &'static str)> = vec![(word.lemma.clone(), "lemma")];
        if word.norm != word.lemma {
            keys.push((word.norm.clone(), "form"));
        }
        for (lemma, _) in dictionary
            .forms
            .lookup(&word.norm)
            .iter()
            .chain(dictionary.forms.lookup(&word.lemma))
        {
            if !keys.iter().any(|(key, _)| key == lemma) {
                keys.push((lemma.clone(), "word form"));
            }
        }
        let capitalised = word.surface.chars().next().is_some_and(char::is_uppercase);
        let may_be_verb = word.repaired_verb
            || match upos {
                Upos::Verb | Upos::Aux => true,
                Upos::X => !(view.lang == Lang::De && capitalised && index > 0),
                // German participles are often tagged ADJ; an English adjective is a verb
                // only in a participle form ("a brief visit" is no briefing).
                Upos::Adj => {
                    view.lang == Lang::De
                        || dictionary
                            .forms
                            .lookup(&word.norm)
                            .iter()
                            .any(|(_, kind)| *kind == crate::dictionary::FormKind::Participle)
                }
                _ => false,
            };
        let may_be_noun = match upos {
            Upos::Noun | Upos::Propn => true,
            Upos::X => view.lang != Lang::De || capitalised,
            _ => false,
        };
        let mut out: Vec<Candidate> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        if may_be_verb {
            for (key, how) in &keys {
                for &entry in dictionary.verb_entries(key) {
                    // A separable verb matched through its base needs its particle.
                    if seen.insert(entry) {
                        out.push(Candidate {
                            entry,
                            matched: format!("{how} `{key}`"),
                        });
                    }
                }
                for (particle, entry) in dictionary.separable_entries(key) {
                    if let Some(at) = find_particle(view, index, particle)
                        && seen.insert(*entry)
                    {
                        out.push(Candidate {
                            entry: *entry,
                            matched: format!(
                                "{how} `{key}` + particle `{}` (token {at})",
                                particle
                            ),
                        });
                    }
                }
            }
        }
        if may_be_noun
            && let Some((key, list)) = dictionary
                .noun_entries(&word.lemma)
                .or_else(|| dictionary.noun_entries(&word.norm))
        {
            for &entry in list {
                if seen.insert(entry) {
                    out.push(Candidate {
                        entry,
                        matched: format!("noun `{key}`"),
                    });
                }
            }
        }
        // Entries whose separable particle is missing would over-code: a base verb
        // entry (`werfen`) only competes when no particle entry matched.
        // A verb listed under the surface form itself (PETRARCH's `--- MET [031:032] ---`
        // beside `--- MEET ---`) is that form's own verb and goes first.
        out.sort_by_key(|candidate| {
            (
                !candidate.matched.starts_with("form "),
                std::cmp::Reverse(dictionary.entries[candidate.entry].specificity()),
                candidate.entry,
            )
        });
        out
    }
}

/// The particle of a separable verb: a `compound:prt` dependent, or the same particle
/// closing the trigger's clause.
/// The preposition of an English entry whose only required word is one preposition
/// after the verb and which names no prepositional slot.
fn lone_particle(entry: &Entry) -> Option<&str> {
    let [required] = entry.required.as_slice() else {
        return None;
    };
    let [word] = required.alternatives.as_slice() else {
        return None;
    };
    let slots_named =
        matches!(entry.source, Role::Prep(_)) || matches!(entry.target, Some(Role::Prep(_)));
    (required.position == crate::dictionary::Position::After
        && !slots_named
        && crate::words::is_preposition(Lang::En, word))
    .then_some(word.as_str())
}

/// `particle` is a particle child of the verb or one of the two words after it.
fn particle_follows(view: &SentenceView<'_>, index: usize, particle: &str) -> bool {
    let child = view.parsed
        && view.children(index).iter().any(|&child| {
            view.words[child].norm == particle
                && matches!(
                    view.words[child].token.deprel.as_str(),
                    "compound:prt" | "advmod" | "prt"
                )
        });
    child
        || view.words[index + 1..]
            .iter()
            .take(2)
            .any(|word| word.norm == particle)
}

fn find_particle(view: &SentenceView<'_>, index: usize, particle: &str) -> Option<usize> {
    if view.parsed
        && let Some(&child) = view.children(index).iter().find(|&&child| {
            view.words[child].token.deprel.starts_with("compound:prt")
                && view.words[child].norm == particle
        })
    {
        return Some(child);
    }
    let (_, end) = view.clause_of(index);
    (index + 1..end).rev().find(|&position| {
        let word = &view.words[position];
        if word.is_punct || word.norm != particle {
            return false;
        }
        // Clause-final, or only punctuation after it in the clause.
        view.words[position + 1..end]
            .iter()
            .all(|later| later.is_punct)
            || word.boundary_after
    })
}

fn try_entry<'a>(entry: &'a Entry, candidate: Candidate, frame: &Frame) -> Trial<'a> {
    let mut trial = Trial {
        entry,
        candidate,
        sources: None,
        targets: None,
        symmetric: None,
        outcome: String::new(),
        ok: false,
    };
    let noun = entry.kind == TriggerKind::Noun;
    if let Some(missing) = entry.required.iter().find(|required| {
        !required
            .alternatives
            .iter()
            .any(|word| frame.words.iter().any(|known| known == word))
    }) {
        trial.outcome = format!(
            "required word `{}` not found",
            missing.alternatives.join("|")
        );
        return trial;
    }
    if let Some(present) = entry
        .forbidden
        .iter()
        .find(|word| frame.words.iter().any(|known| known == *word))
    {
        trial.outcome = format!("excluded by `{present}`");
        return trial;
    }
    if let Some(role) = &entry.symmetric {
        match frame.fill(role, noun) {
            Some(argument) if argument.mentions.len() >= 2 => {
                trial.symmetric = Some(argument.clone());
                trial.ok = true;
                trial.outcome =
                    format!("coded: both sides from {} ({})", role.name(), argument.via);
            }
            Some(_) => trial.outcome = format!("slot <>{} names only one actor", role.name()),
            None => trial.outcome = format!("no actor in slot <>{}", role.name()),
        }
        return trial;
    }
    let source = frame.fill(&entry.source, noun).or_else(|| {
        // A nominal event without a genitive takes the subject of its verb when a
        // possessive pronoun names the owner ("bei seinem Besuch in Moskau traf
        // Steinmeier ..."), or, for visits, meetings and talks, when it is an adverbial of
        // that verb ("sagte Avramopoulos bei einem Besuch in Athen").
        let (argument, host) = frame.host.as_ref()?;
        let consult = entry
            .code
            .as_deref()
            .is_some_and(|code| codes::root(code) == "04");
        (noun && entry.source == Role::Gen && (*host == Host::Possessive || consult))
            .then_some(argument)
    });
    let appeal_or_demand = entry
        .code
        .as_deref()
        .is_some_and(|code| matches!(codes::root(code), "02" | "10"));
    let target = entry
        .target
        .as_ref()
        .and_then(|role| frame.fill(role, noun))
        .or_else(|| {
            // "besuchte ein Lager in Jordanien", "bombardierten die Straße im
            // Gazastreifen": visits and attacks on a site target the place's actor.
            let site = entry.code.as_deref().is_some_and(|code| {
                code == "042" || matches!(codes::root(code), "18" | "19" | "20")
            });
            (site && entry.target == Some(Role::Obj))
                .then_some(frame.object_place.as_ref())
                .flatten()
        })
        .or_else(|| {
            // "X demanded that Y withdraw": Y is the target of the demand.
            (appeal_or_demand && matches!(entry.target, Some(Role::Obj | Role::Dat)))
                .then_some(frame.clausal.as_ref())
                .flatten()
        });
    let target_name = entry.target.as_ref().map_or("-", Role::name);
    match (source, target) {
        (Some(source), Some(target)) => {
            trial.outcome = match &entry.code {
                Some(_) => format!(
                    "coded: source {} ({}), target {} ({}){}",
                    entry.source.name(),
                    source.via,
                    target_name,
                    target.via,
                    if frame.passive { ", passive" } else { "" }
                ),
                None => "matched a --- entry: not coded".to_string(),
            };
            trial.sources = Some(source.clone());
            trial.targets = Some(target.clone());
            trial.ok = true;
        }
        (None, _) => {
            trial.outcome = format!(
                "no actor in source slot ${}{}",
                entry.source.name(),
                if frame.passive { " (passive)" } else { "" }
            )
        }
        // Two coordinated subjects of a cooperative verb without a target act on each
        // other ("Arland und Borland vereinbarten eine Zusammenarbeit"). Visits, hosting
        // and mediation have a direction: two visitors do not visit each other.
        (Some(source), None)
            if source.mentions.len() == 2
                && entry.kind == TriggerKind::Verb
                // English: two agents of a passive ("was supported by A and B") act on
                // its subject, not on each other.
                && !(entry.lang == lagebild_doc::Lang::En && frame.passive)
                && entry.code.as_deref().is_some_and(|code| {
                    matches!(codes::root(code), "03" | "04" | "05" | "06")
                        && !matches!(code, "042" | "043" | "045")
                }) =>
        {
            trial.symmetric = Some(source.clone());
            trial.ok = true;
            trial.outcome = format!(
                "coded: reciprocal between the two coordinated subjects ({})",
                source.via
            );
        }
        (_, None) => {
            trial.outcome = format!(
                "no actor in target slot +{target_name}{}",
                if frame.passive { " (passive)" } else { "" }
            )
        }
    }
    trial
}

/// Why a matched nominal event is not coded: a noun phrase that is indefinite or
/// hypothetical ("einen möglichen Waffenstillstand"), a multilateral relation (more than
/// two actors on one side), or actors already taken by a verb event of the clause.
fn nominal_veto(
    view: &SentenceView<'_>,
    index: usize,
    trial: &Trial<'_>,
    consumed: &[((usize, usize), usize)],
    clause: (usize, usize),
) -> Option<String> {
    let (start, _) = clause;
    // "bei einem Besuch in Athen": an adverbial event noun is real with an indefinite
    // article too.
    let adverbial = view.is_adverbial_noun(index) || view.is_existential_noun(index);
    for position in index.saturating_sub(3).max(start)..index {
        let word = &view.words[position].norm;
        if adverbial && word.starts_with("ein") {
            continue;
        }
        if crate::words::is_indefinite_or_hypothetical(view.lang, word) {
            return Some(format!(
                "noun phrase with `{word}` is indefinite or hypothetical: not coded"
            ));
        }
    }
    // The parse may cut a list short ("zwischen Russland, China, Nordkorea und dem Iran"
    // parsed as two conjuncts): word order counts the list too.
    let listed = |argument: &Argument| {
        argument.mentions.len() > 2
            || view
                .linear_frame(index, true, &[])
                .arguments
                .iter()
                .any(|linear| linear.role == argument.role && linear.mentions.len() > 2)
    };
    if trial.symmetric.as_ref().is_some_and(listed) {
        return Some("multilateral relation (more than two actors): not coded as dyads".into());
    }
    let pairs = pairs(trial);
    if !pairs.is_empty()
        && pairs.iter().all(|(source, target)| {
            consumed.contains(&(clause, *source)) && consumed.contains(&(clause, *target))
                || consumed.contains(&(clause, *target)) && trial.symmetric.is_some()
        })
    {
        return Some("its actors are arguments of a coded verb in the clause: not coded".into());
    }
    None
}

/// Source/target mention pairs: one per combination of compound actors.
fn pairs(trial: &Trial<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if let Some(symmetric) = &trial.symmetric {
        for &left in &symmetric.mentions {
            for &right in &symmetric.mentions {
                if left != right {
                    out.push((left, right));
                }
            }
        }
        return out;
    }
    if let (Some(sources), Some(targets)) = (&trial.sources, &trial.targets) {
        for &source in &sources.mentions {
            for &target in &targets.mentions {
                if source != target {
                    out.push((source, target));
                }
            }
        }
    }
    out
}

fn describe_frame(frame: &Frame, actors: &[ActorMention]) -> String {
    let mut parts: Vec<String> = frame
        .arguments
        .iter()
        .map(|argument| {
            let names: Vec<&str> = argument
                .mentions
                .iter()
                .filter_map(|&mention| actors.get(mention))
                .map(|mention| mention.code.as_str())
                .collect();
            format!(
                "{}={} [{}]",
                argument.role.name(),
                names.join("+"),
                argument.via
            )
        })
        .collect();
    if frame.passive {
        parts.push("passive".into());
    }
    if !frame.parsed {
        parts.push("linear".into());
    }
    parts.join(", ")
}

/// PETRARCH distributes an agent over a coordinated list: in "the ambassadors of A, B
/// and C" the first conjunct is composed (`AGOV`) and the bare country codes of the
/// others take the same agent (`BGOV`, `CGOV`). Returns (mention, code) overrides.
fn distributed_agents(trial: &Trial<'_>, actors: &[ActorMention]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for argument in [&trial.sources, &trial.targets].into_iter().flatten() {
        let Some(first) = argument
            .mentions
            .first()
            .and_then(|&index| actors.get(index))
        else {
            continue;
        };
        let composed = first.rule.contains("(role)")
            && first.code.len() > 3
            && first.country.as_deref() == first.code.get(..3);
        if argument.mentions.len() < 2 || !composed {
            continue;
        }
        let agent = &first.code[3..];
        for &index in &argument.mentions[1..] {
            if let Some(mention) = actors.get(index)
                && mention.code.len() == 3
                && mention.kind == lagebild_actors::ActorKind::State
            {
                out.push((index, format!("{}{agent}", mention.code)));
            }
        }
    }
    out
}

/// The code pairs of a source and a target; `A/B` codes split into their members.
fn split_codes(source: &str, target: &str) -> Vec<(String, String)> {
    let members = |code: &str| -> Vec<String> {
        if code.contains('/') {
            code.split('/')
                .filter(|member| !member.is_empty())
                .map(str::to_string)
                .collect()
        } else {
            vec![code.to_string()]
        }
    };
    let targets = members(target);
    members(source)
        .into_iter()
        .flat_map(|source| {
            targets
                .iter()
                .map(move |target| (source.clone(), target.clone()))
        })
        .collect()
}

fn participant(mention: &ActorMention) -> Participant {
    Participant {
        span: mention.span,
        name: mention.name.clone(),
        code: mention.code.clone(),
        country: mention.country.clone(),
    }
}

/// Cluster ids: mentions with the same source code, target code and CAMEO root share one.
fn assign_clusters(events: &mut [Event]) {
    let mut clusters: HashMap<(String, String, String), u32> = HashMap::new();
    for event in events.iter_mut() {
        let key = (
            event.source.code.clone(),
            event
                .target
                .as_ref()
                .map(|target| target.code.clone())
                .unwrap_or_default(),
            codes::root(&event.cameo).to_string(),
        );
        let next = clusters.len() as u32;
        event.cluster = *clusters.entry(key).or_insert(next);
    }
}

#[cfg(test)]
mod tests {
    use super::split_codes;

    #[test]
    fn multi_actor_codes_split_into_pairs() {
        let pairs = split_codes("FRO/BIL", "ELR/GAL");
        assert_eq!(pairs.len(), 4);
        assert!(pairs.contains(&("BIL".to_string(), "GAL".to_string())));
        assert_eq!(
            split_codes("RUSGOV", "UKR"),
            vec![("RUSGOV".to_string(), "UKR".to_string())]
        );
    }
}
