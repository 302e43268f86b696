//! Domestic news: private persons as targets, and the implied agents of agentless
//! passives.
//!
//! Ordinary news is full of the state acting on private persons: "die Polizei nahm einen
//! 38-jährigen Mann fest", "Er wurde am Freitag festgenommen", "Teacher charged". Two
//! rules code these without over-coding:
//! - **Private persons** (a person named by a common noun, `private.rs` in the actors
//!   crate, or an unknown named person without a role, and pronouns referring to either)
//!   are only ever targets, and only of acts that make sense against a civilian: arrest,
//!   charge, trial and sentence, investigation, accusation, expulsion, attack and killing
//!   ([`civilian_target`]). A private person is never the source of an event, so two
//!   private persons never make one. In German, where our knowledge base codes `---` for
//!   persons it does not know, a private target is coded `---CVL`.
//! - **Implied agents**: an agentless passive of arrest (173), accusation, charge or trial
//!   (112, 115, 116), investigation (090, 091) or expulsion and ban (172, 174) has an
//!   agent the reader supplies: the police, the judiciary or the government
//!   ([`implied_agent`]) of the place where the act happened ("in Brüssel verhaftet"), else
//!   of the document's state as the actor passes settled it (a bare institution's home
//!   state, or the country of the document's places), else of the target's state. The
//!   target must be a private person (or an unknown named person); without a state no
//!   event is coded. The event's source span is the trigger, and its `rule` says the
//!   agent is implied.

use lagebild_actors::{ActorKind, ActorMention, is_private_person};
use lagebild_doc::Lang;

use crate::{Event, Participant, codes};

/// Whether an event with `code` may have a private person as its target.
pub(crate) fn civilian_target(code: &str) -> bool {
    matches!(code.get(..3), Some("090" | "091" | "112" | "115" | "116"))
        || matches!(codes::root(code), "17" | "18" | "19" | "20")
}

/// The agent an agentless passive with `code` implies: (agent suffix, German name,
/// English name).
pub(crate) fn implied_agent(code: &str) -> Option<(&'static str, &'static str, &'static str)> {
    match code.get(..3)? {
        "173" => Some(("COP", "Polizei", "police")),
        // "The parents are accused of ...", "Der Mann wird beschuldigt": a private person
        // accused with no accuser named is accused by prosecutors.
        "090" | "091" | "112" | "115" | "116" => Some(("JUD", "Justiz", "judiciary")),
        "172" | "174" => Some(("GOV", "Behörden", "authorities")),
        _ => None,
    }
}

/// Whether an agentless passive with `code` implies an agent. An attributive participle
/// does so only for arrests ("die drei verhafteten Männer"): "verdächtige Personen" and
/// "der angeklagte Manager" are as often adjectives as acts.
pub(crate) fn implies_agent(code: &str, attributive: bool) -> bool {
    implied_agent(code).is_some() && (!attributive || code.starts_with("173"))
}

/// Whether `mention` takes part in events only as a private person. English keeps
/// unknown named persons (`---`) as PETRARCH dictionaries code them; German codes them
/// as private persons.
pub(crate) fn is_private(lang: Lang, mention: &ActorMention) -> bool {
    is_private_person(mention) && (lang == Lang::De || mention.code != "---")
}

/// The code a private target carries: `---CVL` in place of the bare `---` of an unknown
/// person, else its own (`DEUCVL` once the country pass gave it a state).
pub(crate) fn private_code(code: &str) -> String {
    if code == "---" {
        "---CVL".to_string()
    } else {
        code.to_string()
    }
}

/// A private target of unknown state takes the state of the authority acting on it: the
/// police arrest people in their own country (`---CVL` -> `DEUCVL` beside `DEUCOP`).
pub(crate) fn domestic(target: &mut Participant, source: &Participant) {
    if target.country.is_none()
        && target.code.starts_with("---")
        && let Some(state) = source.country.as_deref().filter(|state| state.len() == 3)
    {
        target.code = format!("{state}{}", &target.code[3..]);
        target.country = Some(state.to_string());
    }
}

/// The state of the document as the actor passes decided it: the home state of a bare
/// institution, or the country of the document's places given to an agent.
fn document_state(actors: &[ActorMention]) -> Option<&str> {
    actors
        .iter()
        .find(|mention| {
            mention.rule.contains("(home state)")
                || mention.rule.contains("country of the document's places")
        })
        .and_then(|mention| mention.country.as_deref())
}

/// The implied source of an agentless passive acting on `target`, or `None` when the
/// target is no person or no state can be given to the agent.
pub(crate) fn implied_source(
    lang: Lang,
    code: &str,
    target: &ActorMention,
    actors: &[ActorMention],
    trigger: lagebild_doc::Span,
    scene: Option<&str>,
) -> Option<Participant> {
    let (suffix, german, english) = implied_agent(code)?;
    // Only private persons: a politician or official "arrested" with no agent is more
    // often a pronoun resolved to the wrong person than news.
    // English unknown names (`---`) count here too: a named nobody arrested is a private
    // person in either language.
    let private =
        target.kind == ActorKind::Person && (is_private(lang, target) || is_private_person(target));
    if !private && !civilian_group(target) {
        return None;
    }
    // The police of the place where the arrest or expulsion happened ("in Brüssel
    // verhaftet"), else of the story's state (a Turkish man arrested in a German story),
    // else of the person's. A place beside an accusation or a trial is more often the
    // crime's ("eines Attentats in Paris beschuldigt") than the court's.
    let scene = scene.filter(|_| suffix != "JUD");
    let state = scene
        .or_else(|| document_state(actors))
        .or(target.country.as_deref())?;
    let name = if lang == Lang::De { german } else { english };
    Some(Participant {
        span: trigger,
        name: format!("{name} (implied)"),
        code: format!("{state}{suffix}"),
        country: Some(state.to_string()),
    })
}

/// A group of civilians, students or refugees (an agent dictionary's `---CVL`,
/// `USAEDU`, `---REF`: "the student", "protesters", "migrants"): private persons too.
fn civilian_group(target: &ActorMention) -> bool {
    target.kind != ActorKind::State
        && ["CVL", "EDU", "REF"]
            .iter()
            .any(|agent| target.code.len() == 6 && target.code.ends_with(agent))
}

/// Prepositions that place an act at a location ("in Neapel festgenommen").
const LOCATIVE: &[&str] = &["in", "im", "bei", "nahe", "at", "near"];

/// The country of the first place in the sentence that follows a locative preposition:
/// where the act happened, and so whose authorities acted.
fn scene_country<'a>(
    input: &'a crate::CodingInput<'_>,
    view: &crate::sentence::SentenceView<'_>,
) -> Option<&'a str> {
    input
        .places
        .iter()
        .filter(|place| view.span.contains(place.span))
        .find(|place| {
            let before = input
                .doc
                .text
                .get(..place.span.start as usize)
                .unwrap_or("");
            let word = before
                .trim_end()
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            LOCATIVE.contains(&word.to_lowercase().as_str())
        })
        .and_then(|place| place.country.as_deref())
}

/// The provenance of an event with an implied agent.
pub(crate) fn implied_rule(entry_rule: &str, source: &Participant) -> String {
    format!(
        "{entry_rule} + implied agent {} (agentless passive, implied.rs)",
        source.code
    )
}

/// Whether an implied event repeats one already coded for the same trigger and target.
pub(crate) fn already_coded(
    events: &[Event],
    trigger: lagebild_doc::Span,
    target: &ActorMention,
) -> bool {
    events.iter().any(|event| {
        event.trigger == trigger
            && event
                .target
                .as_ref()
                .is_some_and(|known| known.span == target.span)
    })
}

/// Events of an agentless passive whose winner-less entry `entry` found its targets in
/// `targets`: one per person target, with the implied authority as source.
#[allow(clippy::too_many_arguments)]
pub(crate) fn implied_events(
    input: &crate::CodingInput<'_>,
    view: &crate::sentence::SentenceView<'_>,
    index: usize,
    forms: &[(String, crate::dictionary::FormKind)],
    quotes: &[lagebild_doc::Span],
    sentence_index: usize,
    entry: &crate::dictionary::Entry,
    targets: &crate::sentence::Argument,
    events: &[Event],
) -> Vec<Event> {
    let mut out = Vec::new();
    let Some(code) = entry.code.clone() else {
        return out;
    };
    let trigger = view.words[index].token.span;
    let context = crate::modality::Context::new(input, view, index, forms, quotes);
    for &target in &targets.mentions {
        let Some(mention) = input.actors.get(target) else {
            continue;
        };
        let target_code = private_code(&mention.code);
        let scene = scene_country(input, view);
        let Some(source) = implied_source(view.lang, &code, mention, input.actors, trigger, scene)
        else {
            continue;
        };
        if already_coded(events, trigger, mention) || already_coded(&out, trigger, mention) {
            continue;
        }
        let mut target = Participant {
            span: mention.span,
            name: mention.name.clone(),
            code: target_code,
            country: mention.country.clone(),
        };
        domestic(&mut target, &source);
        let rule = implied_rule(&entry.rule, &source);
        out.push(context.event(
            sentence_index,
            source,
            target,
            &code,
            rule,
            context.modality(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civilian_targets_and_implied_agents_follow_the_cameo_class() {
        assert!(civilian_target("173"));
        assert!(civilian_target("1823"));
        assert!(civilian_target("112"));
        assert!(!civilian_target("040"));
        assert!(!civilian_target("111"));
        assert_eq!(implied_agent("173").map(|agent| agent.0), Some("COP"));
        assert_eq!(implied_agent("116").map(|agent| agent.0), Some("JUD"));
        assert_eq!(implied_agent("174").map(|agent| agent.0), Some("GOV"));
        assert_eq!(implied_agent("190"), None);
        assert_eq!(implied_agent("112").map(|agent| agent.0), Some("JUD"));
        assert_eq!(implied_agent("111"), None);
        assert!(implies_agent("173", true));
        assert!(!implies_agent("112", true));
        assert!(implies_agent("112", false));
    }
}
