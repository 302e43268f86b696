//! A country for agents the text names without one.
//!
//! "Police arrested protesters in Dallas" gives the agent `---COP`: the knowledge base
//! knows police, not whose. A reader takes the country from where the story happens, and
//! so does this pass, before events are coded:
//! - a place in the agent's own sentence, when all places there lie in one country;
//! - else the document's country: the one country that most of the document's places lie
//!   in (at least [`MIN_PLACES`] places, more than half of those with a country).
//!
//! Persons of unknown state (`---` alone) are left: a name says nothing about where the
//! story happens. The mention's `rule` records the inference for provenance.

use std::collections::HashMap;

use lagebild_actors::{ActorKind, ActorMention};
use lagebild_doc::TextAnalysis;
use lagebild_geo::PlaceMention;

/// Places a document needs before its country stands in for a sentence without one.
const MIN_PLACES: usize = 2;

const UNKNOWN: &str = "---";

/// Gives agents of unknown state (`---COP`, `---GOV`) the country of their sentence's
/// places, or else of the document's.
pub fn infer_agent_countries(
    actors: &mut [ActorMention],
    places: &[PlaceMention],
    analysis: &TextAnalysis,
) {
    if !actors.iter().any(needs_country) {
        return;
    }
    let sentence_of = |byte: u32| analysis.sentence_at(byte);
    let mut by_sentence: HashMap<usize, Vec<&str>> = HashMap::new();
    let mut tally: HashMap<&str, usize> = HashMap::new();
    let mut with_country = 0;
    for place in places {
        let Some(country) = place.country.as_deref() else {
            continue;
        };
        with_country += 1;
        *tally.entry(country).or_default() += 1;
        if let Some(sentence) = sentence_of(place.span.start) {
            by_sentence.entry(sentence).or_default().push(country);
        }
    }
    let document = document_country(&tally, with_country);
    for actor in actors.iter_mut().filter(|actor| needs_country(actor)) {
        let local = sentence_of(actor.span.start)
            .and_then(|sentence| by_sentence.get(&sentence))
            .and_then(|countries| single(countries));
        let (country, how) = match (local, document) {
            (Some(country), _) => (country, "sentence"),
            (None, Some(country)) => (country, "document"),
            (None, None) => continue,
        };
        actor.code = format!("{country}{}", &actor.code[UNKNOWN.len()..]);
        actor.country = Some(country.to_string());
        actor.rule = format!("{} + country of the {how}'s places", actor.rule);
    }
}

/// An agent code whose state is unknown: `---` followed by an agent suffix.
fn needs_country(actor: &ActorMention) -> bool {
    actor.kind != ActorKind::Person
        && actor.country.is_none()
        && actor.code.len() > UNKNOWN.len()
        && actor.code.starts_with(UNKNOWN)
}

/// The one country all of `countries` name.
fn single<'a>(countries: &[&'a str]) -> Option<&'a str> {
    let first = *countries.first()?;
    countries
        .iter()
        .all(|country| *country == first)
        .then_some(first)
}

/// The country holding more than half of the document's located places.
fn document_country<'a>(tally: &HashMap<&'a str, usize>, total: usize) -> Option<&'a str> {
    let (country, count) = tally
        .iter()
        .max_by_key(|(country, count)| (**count, **country))?;
    (*count >= MIN_PLACES && 2 * count > total).then_some(*country)
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn the_sentence_place_wins_over_the_document() {
        let analysis = three_sentences();
        let mut actors = vec![actor(10, "---COP", ActorKind::Group)];
        let places = [place(20, "FRA"), place(110, "DEU"), place(210, "DEU")];
        infer_agent_countries(&mut actors, &places, &analysis);
        assert_eq!(codes(&actors), ["FRACOP"]);
        assert_eq!(actors[0].country.as_deref(), Some("FRA"));
        assert!(actors[0].rule.ends_with("country of the sentence's places"));
    }

    #[test]
    fn the_document_country_needs_a_majority() {
        let analysis = three_sentences();
        let unknown = || vec![actor(10, "---GOV", ActorKind::Organization)];
        let mut actors = unknown();
        infer_agent_countries(
            &mut actors,
            &[place(110, "USA"), place(210, "USA"), place(215, "MEX")],
            &analysis,
        );
        assert_eq!(codes(&actors), ["USAGOV"]);
        let mut actors = unknown();
        infer_agent_countries(
            &mut actors,
            &[place(110, "USA"), place(210, "MEX")],
            &analysis,
        );
        assert_eq!(codes(&actors), ["---GOV"]);
        // One place is not enough to call it the story's country.
        let mut actors = unknown();
        infer_agent_countries(&mut actors, &[place(110, "USA")], &analysis);
        assert_eq!(codes(&actors), ["---GOV"]);
    }

    #[test]
    fn two_countries_in_the_sentence_decide_nothing() {
        let analysis = three_sentences();
        let mut actors = vec![actor(10, "---MIL", ActorKind::Group)];
        infer_agent_countries(
            &mut actors,
            &[place(20, "IND"), place(30, "PAK")],
            &analysis,
        );
        assert_eq!(codes(&actors), ["---MIL"]);
    }

    #[test]
    fn persons_and_known_states_are_left() {
        let analysis = three_sentences();
        let mut actors = vec![
            actor(10, "---", ActorKind::Person),
            actor(12, "---", ActorKind::Group),
            actor(14, "RUSMIL", ActorKind::Group),
        ];
        infer_agent_countries(&mut actors, &[place(20, "UKR")], &analysis);
        assert_eq!(codes(&actors), ["---", "---", "RUSMIL"]);
    }
}
