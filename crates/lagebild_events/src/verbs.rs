//! A compiled verb/noun dictionary of one language: entries indexed by trigger lemma,
//! separable bases and noun heads, plus the word-form table.

use std::collections::HashMap;

use lagebild_doc::Lang;

use crate::dictionary::{Entry, FormKind, Forms, TriggerKind, split_particle};

#[derive(Debug, Default, Clone)]
pub struct VerbDictionary {
    pub lang: Lang,
    pub entries: Vec<Entry>,
    verbs: HashMap<String, Vec<usize>>,
    separable: HashMap<String, Vec<(String, usize)>>,
    nouns: HashMap<String, Vec<usize>>,
    pub forms: Forms,
}

/// How a trigger matched a token.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub entry: usize,
    pub matched: String,
}

impl VerbDictionary {
    /// Compiles entries; `irregular` holds the irregular verb forms of the language.
    pub fn new(
        lang: Lang,
        entries: Vec<Entry>,
        irregular: &HashMap<String, Vec<(String, FormKind)>>,
    ) -> VerbDictionary {
        let mut dictionary = VerbDictionary {
            lang,
            ..VerbDictionary::default()
        };
        for (index, entry) in entries.iter().enumerate() {
            match entry.kind {
                TriggerKind::Noun => dictionary
                    .nouns
                    .entry(entry.trigger.clone())
                    .or_default()
                    .push(index),
                TriggerKind::Verb => {
                    dictionary
                        .verbs
                        .entry(entry.trigger.clone())
                        .or_default()
                        .push(index);
                    if lang == Lang::De {
                        if let Some((particle, base)) = split_particle(&entry.trigger) {
                            dictionary
                                .separable
                                .entry(base.to_string())
                                .or_default()
                                .push((particle.to_string(), index));
                        }
                        dictionary.forms.add_german(&entry.trigger, irregular);
                    } else {
                        dictionary.forms.add_english(&entry.trigger, irregular);
                    }
                }
            }
        }
        // Most specific first, then file order.
        let order = |list: &mut Vec<usize>| {
            list.sort_by_key(|&index| (std::cmp::Reverse(entries[index].specificity()), index))
        };
        dictionary.verbs.values_mut().for_each(order);
        dictionary.nouns.values_mut().for_each(order);
        dictionary.entries = entries;
        dictionary
    }

    pub fn verb_entries(&self, lemma: &str) -> &[usize] {
        self.verbs.get(lemma).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn separable_entries(&self, base: &str) -> &[(String, usize)] {
        self.separable.get(base).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Noun entries for a noun lemma: exact, after a hyphen, or as the last part of a
    /// German compound (`Militärkooperation` -> `kooperation`).
    pub fn noun_entries(&self, lemma: &str) -> Option<(&str, &[usize])> {
        if let Some((key, list)) = self.nouns.get_key_value(lemma) {
            return Some((key.as_str(), list));
        }
        if self.lang == Lang::En {
            let singular = lemma
                .strip_suffix("ies")
                .map(|stem| format!("{stem}y"))
                .or_else(|| lemma.strip_suffix('s').map(str::to_string));
            if let Some(singular) = singular
                && let Some((key, list)) = self.nouns.get_key_value(&singular)
            {
                return Some((key.as_str(), list));
            }
            return None;
        }
        for (start, _) in lemma.char_indices().skip(3) {
            let tail = lemma[start..].trim_start_matches('-');
            if tail.chars().count() < 4 {
                break;
            }
            if let Some((key, list)) = self.nouns.get_key_value(tail) {
                return Some((key.as_str(), list));
            }
        }
        None
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Distinct trigger lemmas (verbs and nouns).
    pub fn trigger_count(&self) -> usize {
        self.verbs.len() + self.nouns.len()
    }
}

/// German attack verbs (`angreifen`, `attackieren`) have a verbal sense: a politician
/// "griff den Iran scharf an" criticises (111), an army "griff die Stadt an" fights
/// (190). Words of weapons and troops in the clause keep the military sense; otherwise
/// a cue of speech in the clause (a predicative `als`, "mit scharfen Worten", a colon
/// opening a quotation), or a person of a political role attacking another person or
/// organ (not a bare state: "Putin griff die Ukraine an" stays military) gives the
/// verbal sense.
pub(crate) fn verbal_attack(
    view: &crate::sentence::SentenceView<'_>,
    index: usize,
    entry: &Entry,
    source: &lagebild_actors::ActorMention,
    target: &lagebild_actors::ActorMention,
) -> bool {
    const MILITARY: &[&str] = &[
        "armee",
        "truppen",
        "soldaten",
        "streitkräfte",
        "militär",
        "militärisch",
        "panzer",
        "rakete",
        "raketen",
        "drohne",
        "drohnen",
        "bomben",
        "bombe",
        "luftwaffe",
        "artillerie",
        "kampfjets",
        "kampfflugzeuge",
        "waffen",
        "messer",
        "granaten",
        "bodentruppen",
        "luftangriffe",
        "luftangriffen",
        "stellungen",
        "stützpunkt",
        "dorf",
        "dörfer",
        "stadt",
        "kaserne",
        "konvoi",
        "kämpfer",
        "milizen",
        "rebellen",
        "gewalt",
        "brutal",
    ];
    const SPEECH: &[&str] = &[
        "als",
        "worten",
        "formulierungen",
        "äußerungen",
        "rede",
        "interview",
        "scharf",
        "verbal",
        "rhetorisch",
        "öffentlich",
        "kritik",
        "vorwürfen",
        "erklärung",
        "parlament",
        "bundestag",
        "wahlkampf",
        "debatte",
        "pressekonferenz",
    ];
    if view.lang != lagebild_doc::Lang::De
        || !matches!(entry.trigger.as_str(), "angreifen" | "attackieren")
        || entry
            .code
            .as_deref()
            .is_none_or(|code| !code.starts_with("19"))
    {
        return false;
    }
    let (start, end) = view.clause_of(index);
    // The clause and whatever follows a colon right after it (the quoted words).
    let clause = &view.words[start..end];
    if clause.iter().any(|word| {
        MILITARY.contains(&word.norm.as_str())
            || word.norm.ends_with("angriff")
            || word.norm.ends_with("angriffe")
            || word.norm.ends_with("truppen")
    }) {
        return false;
    }
    let political = |code: &str| {
        matches!(
            code.get(3..6),
            Some("GOV" | "LEG" | "PTY" | "OPP" | "JUD" | "MED" | "NGO" | "HRI")
        )
    };
    let political_person = source.kind == lagebild_actors::ActorKind::Person
        && political(&source.code)
        && (target.kind == lagebild_actors::ActorKind::Person || political(&target.code));
    let raw = |position: usize| {
        view.words
            .get(position)
            .map_or("", |word| word.token.span.slice(view.text))
    };
    let colon_quote = end > start && (raw(end - 1).ends_with(':') || raw(end).starts_with(':'));
    let speech_cue = clause
        .iter()
        .skip(index - start + 1)
        .any(|word| SPEECH.contains(&word.norm.as_str()));
    political_person || colon_quote || speech_cue
}

/// A denial (016) whose object names no accuser ("Borland streitet das ab", "bestreitet
/// die Vorwürfe") denies the accusation of an earlier sentence: the frame with the
/// source of the latest accusation (root 11) against the denier in the last few
/// sentences as target.
pub(crate) fn with_accuser(
    entry: &Entry,
    frame: &crate::sentence::Frame,
    noun: bool,
    prior: &[crate::Event],
    actors: &[lagebild_actors::ActorMention],
    sentence: usize,
) -> Option<crate::sentence::Frame> {
    // Only a recent accusation is the one denied (a few sentences back).
    const RECENT: usize = 4;
    if !entry
        .code
        .as_deref()
        .is_some_and(|code| code.starts_with("016"))
    {
        return None;
    }
    let target_role = entry.target.clone()?;
    let deniers = &frame.fill(&entry.source, noun)?.mentions;
    let accused = |code: &str, name: &str| {
        deniers
            .iter()
            .filter_map(|&at| actors.get(at))
            .any(|denier| denier.code == code || denier.name == name)
    };
    let accusation = prior.iter().rev().find(|event| {
        crate::codes::root(&event.cameo) == "11"
            && event.sentence as usize + RECENT >= sentence
            && event
                .target
                .as_ref()
                .is_some_and(|target| accused(&target.code, &target.name))
    })?;
    let accuser = actors
        .iter()
        .position(|mention| mention.span == accusation.source.span)?;
    if deniers.contains(&accuser) {
        return None;
    }
    let mut out = frame.clone();
    out.arguments
        .retain(|argument| argument.role != target_role);
    out.arguments.push(crate::sentence::Argument {
        role: target_role,
        mentions: vec![accuser],
        via: format!("accuser of an earlier sentence ({})", accusation.rule),
    });
    Some(out)
}

/// The `rule` of a German event: the dictionary line, plus the construction rule that
/// placed an actor or a sense when one did (verbal sense of an attack verb, a target
/// from an earlier accusation, a coordinated predicate the tagger missed, an indefinite
/// event noun asserted by its clause).
pub(crate) fn rule_with_notes(
    rule: &str,
    view: &crate::sentence::SentenceView<'_>,
    index: usize,
    targets: Option<&crate::sentence::Argument>,
    verbal: bool,
) -> String {
    let mut notes: Vec<&str> = Vec::new();
    if verbal {
        notes.push("verbal sense: verbs.rs");
    }
    if targets.is_some_and(|targets| targets.via.starts_with("accuser")) {
        notes.push("target: accuser of an earlier sentence, verbs.rs");
    }
    if view.words[index].repaired_verb {
        notes.push("coordinated predicate, sentence.rs");
    }
    if view.words[index].event_noun
        && view.is_existential_noun(index)
        && view.words[index.saturating_sub(3)..index]
            .iter()
            .any(|word| word.norm.starts_with("ein"))
    {
        notes.push("asserted by its clause (stattfinden, es kam zu), sentence.rs");
    }
    if notes.is_empty() {
        rule.to_string()
    } else {
        format!("{rule} ({})", notes.join("; "))
    }
}

/// A demand or appeal (roots 02, 10) of a state's own government, person or organ to
/// that bare state ("Merkel sagte, Deutschland solle mehr tun": DEUGOV -> DEU) is
/// domestic policy talk, not an event between actors.
pub(crate) fn own_state_appeal(code: &str, source_code: &str, target_code: &str) -> bool {
    matches!(crate::codes::root(code), "02" | "10")
        && target_code.len() == 3
        && source_code.len() > 3
        && source_code.starts_with(target_code)
}
