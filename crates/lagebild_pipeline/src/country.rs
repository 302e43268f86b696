//! A country for agents the text names without one.
//!
//! "Police arrested protesters in Dallas" gives the agent `---CVL`: the knowledge base
//! knows protesters, not whose. A reader takes the country from where the story happens,
//! and so does this pass, before events are coded:
//! - a place right after the agent ("protesters in Dallas", "die Polizei in Bremen");
//! - else the document's country: the one country that most of the document's places lie
//!   in (at least [`MIN_PLACES`] places, and [`MAJORITY`] of those with a country), or
//!   that all of them lie in (at least [`MIN_UNANIMOUS`]).
//!
//! A place elsewhere in the sentence does not count: "said in Washington" or "arrived from
//! London" names where something happened, not whose police or rebels act.
//! Persons of unknown state and role (`---` alone) are left: a name says nothing about
//! where the story happens; a role does ("Mayor Jane Roe" -> `---GOV`). The mention's
//! `rule` records the inference for provenance.

use std::collections::HashMap;

use lagebild_actors::ActorMention;
use lagebild_doc::TextAnalysis;
use lagebild_geo::PlaceMention;

/// Places a document needs before its country stands in for an agent's.
const MIN_PLACES: usize = 3;

/// Places a document needs before its country stands in for an agent's when every one
/// of them lies in that country.
const MIN_UNANIMOUS: usize = 2;

/// The share of a document's located places that must lie in its country, as a fraction
/// `numerator / denominator`.
const MAJORITY: (usize, usize) = (2, 3);

/// How far (bytes) after an agent a place may start and still be its own
/// ("Polizei in der Stadt Bremen").
const NEAR: u32 = 24;

const UNKNOWN: &str = "---";

/// Gives agents of unknown state (`---COP`, `---GOV`) the country of a place right after
/// them, or else the document's country.
pub fn infer_agent_countries(
    actors: &mut [ActorMention],
    places: &[PlaceMention],
    analysis: &TextAnalysis,
) {
    infer(actors, places, analysis, true);
}

/// Gives agents of unknown state the document's country only, never that of a place
/// after them: for PETRARCH actor dictionaries, whose convention codes "students in
/// Moscow" `---EDU` (a single place says where, not whose), while a story told in one
/// country still gives its police and its private persons that country.
pub fn infer_document_countries(
    actors: &mut [ActorMention],
    places: &[PlaceMention],
    analysis: &TextAnalysis,
) {
    infer(actors, places, analysis, false);
}

fn infer(
    actors: &mut [ActorMention],
    places: &[PlaceMention],
    analysis: &TextAnalysis,
    place_after: bool,
) {
    if !actors.iter().any(needs_country) {
        return;
    }
    let mut tally: HashMap<&str, usize> = HashMap::new();
    let mut with_country = 0;
    for place in places {
        if let Some(country) = place.country.as_deref() {
            with_country += 1;
            *tally.entry(country).or_default() += 1;
        }
    }
    let document = document_country(&tally, with_country);
    for actor in actors.iter_mut().filter(|actor| needs_country(actor)) {
        let sentence = analysis.sentence_at(actor.span.start);
        let near = places.iter().find(|place| {
            place_after
                && place.span.start >= actor.span.end
                && place.span.start <= actor.span.end + NEAR
                && analysis.sentence_at(place.span.start) == sentence
        });
        let (country, how) = match (near.and_then(|place| place.country.as_deref()), document) {
            (Some(country), _) => (country, "place after it"),
            (None, Some(country)) => (country, "document's places"),
            (None, None) => continue,
        };
        actor.code = format!("{country}{}", &actor.code[UNKNOWN.len()..]);
        actor.country = Some(country.to_string());
        actor.rule = format!("{} + country of the {how}", actor.rule);
    }
}

/// An agent code whose state is unknown: `---` followed by an agent suffix (a group, or
/// a person known only by role).
fn needs_country(actor: &ActorMention) -> bool {
    actor.country.is_none() && actor.code.len() > UNKNOWN.len() && actor.code.starts_with(UNKNOWN)
}

/// The country holding [`MAJORITY`] of the document's located places (at least
/// [`MIN_PLACES`] of them), or all of them when there are [`MIN_UNANIMOUS`] or more
/// ("Iserlohn: ... in Iserlohn" is a German story).
fn document_country<'a>(tally: &HashMap<&'a str, usize>, total: usize) -> Option<&'a str> {
    let (country, count) = tally
        .iter()
        .max_by_key(|(country, count)| (**count, **country))?;
    let (numerator, denominator) = MAJORITY;
    let majority = *count >= MIN_PLACES && denominator * count >= numerator * total;
    let unanimous = *count >= MIN_UNANIMOUS && *count == total;
    (majority || unanimous).then_some(*country)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lagebild_actors::ActorKind;
    use lagebild_doc::{Sentence, Span};

    fn actor(start: u32, code: &str, kind: ActorKind) -> ActorMention {
        ActorMention {
            span: Span::new(start, start + 1),
            name: code.to_string(),
            code: code.to_string(),
            country: None,
            kind,
            wikidata: None,
            antecedent: None,
            rule: "roles.txt:1 (agent)".to_string(),
        }
    }

    fn place(start: u32, country: &str) -> PlaceMention {
        PlaceMention {
            span: Span::new(start, start + 1),
            name: country.to_string(),
            country: Some(country.to_string()),
            lat: 0.0,
            lon: 0.0,
            geonames: None,
        }
    }

    /// Three sentences of 100 bytes each (tokens play no part here).
    fn three_sentences() -> TextAnalysis {
        let mut analysis = TextAnalysis::default();
        for index in 0..3u32 {
            analysis.sentences.push(Sentence {
                span: Span::new(index * 100, index * 100 + 99),
                token_start: 0,
                token_end: 0,
            });
        }
        analysis
    }

    fn codes(actors: &[ActorMention]) -> Vec<&str> {
        actors.iter().map(|actor| actor.code.as_str()).collect()
    }

    #[test]
    fn a_place_right_after_the_agent_wins_over_the_document() {
        let analysis = three_sentences();
        let mut actors = vec![actor(10, "---COP", ActorKind::Group)];
        let places = [
            place(20, "FRA"),
            place(110, "DEU"),
            place(210, "DEU"),
            place(220, "DEU"),
        ];
        infer_agent_countries(&mut actors, &places, &analysis);
        assert_eq!(codes(&actors), ["FRACOP"]);
        assert_eq!(actors[0].country.as_deref(), Some("FRA"));
        assert!(actors[0].rule.ends_with("country of the place after it"));
    }

    #[test]
    fn a_place_elsewhere_in_the_sentence_does_not_count() {
        let analysis = three_sentences();
        // "Rebels shelled the town, a monitor in London said": London is no rebel's.
        let mut actors = vec![actor(10, "---REB", ActorKind::Group)];
        infer_agent_countries(&mut actors, &[place(80, "GBR")], &analysis);
        assert_eq!(codes(&actors), ["---REB"]);
        // Nor a place before the agent.
        let mut actors = vec![actor(50, "---REB", ActorKind::Group)];
        infer_agent_countries(&mut actors, &[place(40, "GBR")], &analysis);
        assert_eq!(codes(&actors), ["---REB"]);
    }

    /// The code an unknown government in the first sentence gets beside `places`.
    fn government_beside(places: &[(u32, &str)]) -> String {
        let places: Vec<PlaceMention> = places
            .iter()
            .map(|&(start, country)| place(start, country))
            .collect();
        let mut actors = vec![actor(10, "---GOV", ActorKind::Organization)];
        infer_agent_countries(&mut actors, &places, &three_sentences());
        actors.remove(0).code
    }

    #[test]
    fn the_document_country_needs_a_clear_majority() {
        let clear = [(110, "USA"), (150, "USA"), (210, "USA"), (215, "MEX")];
        assert_eq!(government_beside(&clear), "USAGOV");
        let tied = [(110, "USA"), (150, "USA"), (210, "MEX"), (250, "MEX")];
        assert_eq!(government_beside(&tied), "---GOV");
        // Three of five is a majority but not two thirds.
        let short = [
            (110, "USA"),
            (150, "USA"),
            (210, "USA"),
            (250, "MEX"),
            (260, "CAN"),
        ];
        assert_eq!(government_beside(&short), "---GOV");
        // Two places are enough only when no other country is named.
        assert_eq!(government_beside(&[(110, "USA"), (210, "USA")]), "USAGOV");
        assert_eq!(
            government_beside(&[(110, "USA"), (150, "USA"), (210, "MEX")]),
            "---GOV"
        );
        assert_eq!(government_beside(&[(110, "USA")]), "---GOV");
        let analysis = three_sentences();
        let mut actors = vec![actor(10, "---GOV", ActorKind::Organization)];
        let places: Vec<PlaceMention> = clear.iter().map(|&(at, c)| place(at, c)).collect();
        infer_agent_countries(&mut actors, &places, &analysis);
        assert!(actors[0].rule.ends_with("country of the document's places"));
    }

    #[test]
    fn the_document_rule_alone_ignores_the_place_after_the_agent() {
        let analysis = three_sentences();
        let mut actors = vec![actor(10, "---EDU", ActorKind::Group)];
        infer_document_countries(&mut actors, &[place(20, "RUS")], &analysis);
        assert_eq!(codes(&actors), ["---EDU"]);
        let mut actors = vec![actor(10, "---COP", ActorKind::Group)];
        let places = [
            place(20, "FRA"),
            place(120, "DEU"),
            place(150, "DEU"),
            place(220, "DEU"),
        ];
        infer_document_countries(&mut actors, &places, &analysis);
        // Three of four places are the document's country; the one after the agent is not.
        assert_eq!(codes(&actors), ["DEUCOP"]);
    }

    #[test]
    fn persons_and_known_states_are_left() {
        let analysis = three_sentences();
        let mut actors = vec![
            actor(10, "---", ActorKind::Person),
            actor(12, "---", ActorKind::Group),
            actor(14, "RUSMIL", ActorKind::Group),
        ];
        let places = [place(20, "UKR"), place(120, "UKR"), place(220, "UKR")];
        infer_agent_countries(&mut actors, &places, &analysis);
        assert_eq!(codes(&actors), ["---", "---", "RUSMIL"]);
    }
}
