//! English-only coding rules: where PETRARCH-2 looks for a verb's actors in a parse, and
//! which sentences its discard lists drop (sports reports).
//!
//! PETRARCH-2 takes the source from the subject noun phrase and the target from the verb
//! phrase itself. A name inside a clause embedded under a statement ("said [Borland's
//! flag was ...]") belongs to that clause's verb, so word order must not hand it to the
//! statement; place-less agents on both sides, attribution phrases, the kind-of modifier
//! of a pattern's noun and sports reports make no event either.

use lagebild_doc::Lang;

use crate::CodingInput;
use crate::coder::Trial;
use crate::sentence::SentenceView;

/// Whether the document of `input` is a sports report ([`is_sports_document`]).
pub(crate) fn sports_document(input: &CodingInput<'_>) -> bool {
    is_sports_document(
        input
            .analysis
            .sentences
            .iter()
            .map(|sentence| sentence.span.slice(&input.doc.text)),
    )
}

/// English: an event between two actors of unknown state (`---AGR` fishermen and
/// `---REF` migrants, `---MED` and `---JUD`) is no dyad between polities. One known side
/// is enough (`IDNMIL` rescuing `---REF`); agents whose country the story makes clear
/// get it before coding (pipeline), and then count as known.
pub(crate) fn stateless_dyad(lang: Lang, source: &str, target: &str) -> bool {
    lang == Lang::En && source.starts_with("---") && target.starts_with("---")
}

/// Prepositions whose phrase says who reports something or what it happened despite,
/// not whom it is done to: "which, according to AFP, Arland criticised". (Places stay
/// targets: PETRARCH codes "arrived in Gondor" as a visit to Gondor.)
const CIRCUMSTANCE: &[&str] = &["accord", "according", "despite"];

/// Whether a coded English entry that leaves its target slot open (PETRARCH's default
/// object) took the target from a phrase of attribution or concession. An entry that names
/// the preposition (`- * (IN +)`, intervening in a country) keeps it.
pub(crate) fn target_is_circumstance(view: &SentenceView<'_>, trial: &Trial<'_>) -> bool {
    view.lang == Lang::En
        && trial.entry.target == Some(crate::dictionary::Role::Any)
        && trial.targets.as_ref().is_some_and(|targets| {
            matches!(&targets.role, crate::dictionary::Role::Prep(preposition)
                if CIRCUMSTANCE.contains(&preposition.as_str()))
        })
}

/// Whether the target of a coded English pattern entry that leaves the target slot
/// open (PETRARCH's default object) is only actors that modify one of the pattern's own
/// words: in "exchanged artillery fire" under `- * FIRE [193]` the agent dictionary's
/// `ARTILLERY [~MIL]` is the kind of fire, not whom it hits. Only agents of no state
/// count: "rejected a Borland request" is Borland's request.
pub(crate) fn target_is_pattern_word(
    view: &SentenceView<'_>,
    trial: &Trial<'_>,
    actors: &[lagebild_actors::ActorMention],
) -> bool {
    if view.lang != Lang::En
        || trial.entry.required.is_empty()
        || trial.entry.target != Some(crate::dictionary::Role::Any)
    {
        return false;
    }
    let Some(targets) = &trial.targets else {
        return false;
    };
    let pattern_word = |position: usize| {
        view.words.get(position).is_some_and(|word| {
            trial.entry.required.iter().any(|required| {
                required
                    .alternatives
                    .iter()
                    .any(|alternative| *alternative == word.lemma || *alternative == word.norm)
            })
        })
    };
    // Only agents of no state ("artillery" `---MIL`): a state modifying the pattern's noun
    // is its owner and the target ("rejected a Borland request" under `- * REQUEST`).
    !targets.mentions.is_empty()
        && targets.mentions.iter().all(|&mention| {
            actors
                .get(mention)
                .is_some_and(|actor| actor.code.starts_with("---"))
                && view
                    .phrases
                    .iter()
                    .filter(|phrase| phrase.mention == mention)
                    .any(|phrase| {
                        (phrase.first..=phrase.last).any(|position| {
                            // A modifier of the pattern's noun ("artillery fire" under
                            // `- * FIRE`). The pattern word itself may well be the target
                            // (`- * PROTESTERS` of arrests).
                            // A pattern word that is itself such a modifier is the
                            // kind of thing too ("exchanged artillery fire" under
                            // `- * &WEAPON`: the weapon is what is exchanged).
                            view.words.get(position).is_some_and(|word| {
                                matches!(word.token.deprel.as_str(), "compound" | "amod")
                                    && (pattern_word(position)
                                        || word
                                            .token
                                            .head
                                            .is_some_and(|head| pattern_word(head as usize)))
                            })
                        })
                    })
        })
}

/// Whether an English verb takes no subject from word order when the parse finds no
/// actor for it: a passive verb (a name before it is the patient's side, not the agent:
/// "Afghan team honored for ..."), a participle modifying a noun
/// ([`participle_modifier`]) and an infinitive of purpose ("people crowded into the
/// square to witness ..."), whose subject is that of the clause it depends on.
pub(crate) fn no_subject_by_word_order(
    view: &SentenceView<'_>,
    index: usize,
    passive: bool,
) -> bool {
    if view.lang != Lang::En {
        return false;
    }
    // Only under a verb whose own subject the parse found and which names no actor
    // ("hundreds of people crowded ... to witness"): a subject that is an actor is the
    // one word order finds first; under an adjective ("is about to restore ties") or a
    // verb without a subject (often a misattachment), word order may still find it.
    let purpose = view.parsed
        && view.words.get(index).is_some_and(|word| {
            word.token.deprel == "advcl"
                && word.token.head.is_some_and(|head| {
                    view.words
                        .get(head as usize)
                        .is_some_and(|head| head.token.upos == lagebild_doc::Upos::Verb)
                        && view.words.iter().any(|subject| {
                            subject.token.head == Some(head)
                                && subject.token.deprel.starts_with("nsubj")
                                && subject.phrase.is_none()
                        })
                })
        })
        && view.words.iter().any(|word| {
            word.token.head == Some(index as u32)
                && word.token.deprel == "mark"
                && word.lemma == "to"
        });
    passive || purpose || participle_modifier(view, index)
}

/// Whether an English verb is a participle modifying a noun ("rounds aimed at a
/// loudspeaker", "Muslims traveling to ..."): its subject is that noun, so when the parse
/// finds no actor there, a name earlier in the sentence is no better guess.
pub(crate) fn participle_modifier(view: &SentenceView<'_>, index: usize) -> bool {
    use lagebild_doc::{Upos, VerbForm};
    let Some(word) = view.words.get(index) else {
        return false;
    };
    view.lang == Lang::En
        && view.parsed
        && word.token.deprel == "acl"
        && matches!(
            word.token.feats.verb_form,
            Some(VerbForm::Part | VerbForm::Ger)
        )
        && word
            .token
            .head
            .and_then(|head| view.words.get(head as usize))
            .is_some_and(|head| matches!(head.token.upos, Upos::Noun | Upos::Propn | Upos::Pron))
}

/// The first pattern word of an English verb entry that stands on the wrong side of the
/// verb: PETRARCH patterns are ordered (`- &WEAPON * [183]`, a weapon that explodes,
/// against `- * &WEAPON [194]`, firing one), while the parse-based frame only knows
/// whether a word depends on the verb. "fired artillery rounds" has no weapon before the
/// verb and is no explosion.
pub(crate) fn pattern_word_out_of_place(
    view: &SentenceView<'_>,
    index: usize,
    entry: &crate::dictionary::Entry,
) -> Option<String> {
    use crate::dictionary::Position;
    if view.lang != Lang::En || entry.kind != crate::dictionary::TriggerKind::Verb {
        return None;
    }
    let is = |position: usize, alternatives: &[String]| {
        view.words.get(position).is_some_and(|word| {
            alternatives
                .iter()
                .any(|alternative| *alternative == word.lemma || *alternative == word.norm)
        })
    };
    entry.required.iter().find_map(|required| {
        let placed = match required.position {
            Position::Anywhere => true,
            Position::Before => (0..index).any(|position| is(position, &required.alternatives)),
            Position::After => {
                (index + 1..view.words.len()).any(|position| is(position, &required.alternatives))
            }
        };
        (!placed).then(|| required.alternatives.first().cloned().unwrap_or_default())
    })
}

/// Whether a coded English trial of a statement (a verb entry with a code of root 01, as
/// in `SAY [010]` or `- * CONCERN [012]`) took its target by word order rather
/// than from the parse: a statement's addressee is its object or prepositional phrase
/// ("said to Borland"), while word order hands it whatever name follows, often the
/// subject of what is said ("said Borland's flag was ..."). Other verbs keep PETRARCH's
/// reach into the clause (`BELIEVE` in its unit tests codes the clause's subject).
pub(crate) fn statement_target_by_word_order(view: &SentenceView<'_>, trial: &Trial<'_>) -> bool {
    view.lang == Lang::En
        && trial.ok
        // A slot the pattern names (`- * TO + [010]`) is the addressee, by any means.
        && (trial.entry.required.is_empty()
            || trial.entry.target == Some(crate::dictionary::Role::Any))
        && trial
            .entry
            .code
            .as_deref()
            .is_some_and(|code| crate::codes::root(code) == "01")
        && trial
            .targets
            .as_ref()
            .is_some_and(|targets| targets.via.starts_with("linear"))
}

/// Words that mark an English sports report (match results, tournaments), like the
/// sports entries of PETRARCH's discard lists: states there are teams.
const SPORTS: &[&str] = &[
    "fifa",
    "uefa",
    "world cup",
    "olympics",
    "olympic games",
    "football",
    "soccer",
    "cricket",
    "rugby",
    "tennis",
    "goalkeeper",
    "striker",
    "penalty kick",
    "corner kick",
    "free kick",
    "scored a goal",
    "second goal",
    "first goal",
    "late goal",
    "injury time",
    "half-time",
    "halftime",
    "semi-final",
    "semifinal",
    "quarter-final",
    "quarterfinal",
    "group stage",
];

/// Words that mark a sports report only in a document that already has sentences with
/// the markers above ("Arland faced Borland at the national stadium").
const SPORTS_WEAK: &[&str] = &[
    "game",
    "games",
    "match",
    "matches",
    "stadium",
    "arena",
    "team",
    "teams",
    "coach",
    "tournament",
    "goal",
    "goals",
    "won",
    "lost",
    "defeated",
    "beat",
    "faced",
];

/// Whether an English sentence is a sports report: a score such as `1 – 0` / `3-0`, or
/// one of the sports terms above; in a sports document (`sports_document`) also a
/// sentence with a weaker term (game, match, stadium, team).
pub(crate) fn is_sports_sentence(sentence: &str, sports_document: bool) -> bool {
    let lower = sentence.to_lowercase();
    if SPORTS.iter().any(|term| contains_words(&lower, term)) || has_score(&lower) {
        return true;
    }
    sports_document && SPORTS_WEAK.iter().any(|term| contains_words(&lower, term))
}

/// Whether a document is a sports report: at least two of its sentences carry a strong
/// sports marker.
pub(crate) fn is_sports_document<'a>(sentences: impl IntoIterator<Item = &'a str>) -> bool {
    sentences
        .into_iter()
        .filter(|sentence| is_sports_sentence(sentence, false))
        .take(2)
        .count()
        >= 2
}

/// `term` occurs in `text` as whole words.
fn contains_words(text: &str, term: &str) -> bool {
    text.match_indices(term).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + term.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A match score: one or two digits, a dash (with or without spaces), one or two digits,
/// not part of a longer number, date or range of years.
fn has_score(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let small = |word: &str| {
        let word = word.trim_end_matches([',', ';', '.', ')']);
        !word.is_empty() && word.len() <= 2 && word.chars().all(|c| c.is_ascii_digit())
    };
    let dash = |word: &str| matches!(word, "-" | "–" | "—");
    for (at, word) in words.iter().enumerate() {
        // "1 – 0"
        // A range of days or hours is followed by a month or unit ("9 - 11 March").
        let unit = |next: Option<&&str>| {
            next.is_some_and(|next| {
                let next = next.trim_end_matches([',', '.', ';']);
                MONTHS.iter().any(|month| next.starts_with(month))
                    || matches!(
                        next,
                        "per" | "percent" | "%" | "years" | "hours" | "days" | "am" | "pm"
                    )
            })
        };
        if at + 2 < words.len()
            && small(word)
            && dash(words[at + 1])
            && small(words[at + 2])
            && !unit(words.get(at + 3))
        {
            return true;
        }
        // "3-0"
        for separator in ['-', '–'] {
            if let Some((left, right)) = word.split_once(separator)
                && small(left)
                && small(right)
                && !unit(words.get(at + 1))
            {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sports_sentences() {
        assert!(is_sports_sentence(
            "Arland beat Borland 2 – 1 in the opening game.",
            false
        ));
        assert!(is_sports_sentence("Gondor won 3-0 against Rohan.", false));
        assert!(!is_sports_sentence(
            "Arland accused Borland of shelling 12 villages in 2014-2015.",
            false
        ));
        assert!(!is_sports_sentence(
            "The talks lasted from 9 - 11 March.",
            false
        ));
        assert!(!is_sports_sentence(
            "Arland criticised the gamekeepers of Borland.",
            false
        ));
        // "faced" alone is no sports marker; in a report of the cup it is.
        let report = [
            "The rugby cup opened on Sunday.",
            "Arland beat Borland 2 – 1 in the opening game.",
            "Later, Gondor faced Rohan at the national stadium.",
        ];
        assert!(!is_sports_sentence(report[2], false));
        assert!(is_sports_document(report));
        assert!(is_sports_sentence(report[2], true));
        assert!(!is_sports_document([
            "Arland faced sanctions.",
            "The rugby union protested."
        ]));
    }
}
