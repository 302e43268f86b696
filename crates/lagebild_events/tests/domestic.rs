//! Domestic news (`implied.rs`): private persons as targets only, and the implied agents
//! of agentless passives. Our own sentences, hand-parsed, through one `check` helper.

use lagebild_actors::{ActorKind, PRIVATE_RULE};
use lagebild_doc::{Lang, Span};
use lagebild_events::{Coder, CodingInput};
use lagebild_geo::PlaceMention;

mod common;

use common::{Fixture, build, dyad};

/// An actor of the fixture: surface, code, and whether it is a private person (then its
/// code's state, if any, is what the country pass would have given it).
type Actor<'a> = (&'a str, &'a str, bool);

/// Codes the parsed sentence with its actors and compares the events (`SRC->TGT CODE`,
/// any order). Events with an implied agent must say so in their rule and anchor the
/// source at the trigger.
fn check(lang: Lang, parse: &str, actors: &[Actor<'_>], expected: &[&str]) {
    check_at(lang, parse, actors, &[], expected);
}

/// [`check`] with places (surface, country) found in the sentence.
fn check_at(
    lang: Lang,
    parse: &str,
    actors: &[Actor<'_>],
    places: &[(&str, &str)],
    expected: &[&str],
) {
    let plain: Vec<(&str, &str)> = actors
        .iter()
        .map(|(surface, code, _)| (*surface, *code))
        .collect();
    let (doc, analysis, mut mentions) = build(&Fixture {
        lang,
        text: "",
        parse: Some(parse),
        actors: &plain,
        published: Some("2024-03-01"),
    });
    for (mention, (_, code, private)) in mentions.iter_mut().zip(actors) {
        let state = code.get(..3).filter(|state| *state != "---");
        mention.country = state.map(str::to_string);
        if *private {
            mention.kind = ActorKind::Person;
            mention.rule = PRIVATE_RULE.to_string();
        } else if code.len() > 3 {
            mention.kind = ActorKind::Group;
        }
    }
    let places: Vec<PlaceMention> = places
        .iter()
        .map(|(surface, country)| {
            let start = doc.text.find(surface).expect("place in text");
            PlaceMention {
                span: Span::from_range(start..start + surface.len()),
                name: surface.to_string(),
                country: Some(country.to_string()),
                lat: 0.0,
                lon: 0.0,
                geonames: None,
            }
        })
        .collect();
    let input = CodingInput {
        doc: &doc,
        analysis: &analysis,
        actors: &mentions,
        quotes: &[],
        times: &[],
        places: &places,
    };
    let coder = Coder::embedded();
    let events = coder.code(&input);
    for event in &events {
        assert!(event.rule.contains(".txt:"), "rule: {}", event.rule);
        if event.rule.contains("implied agent") {
            assert_eq!(event.source.span, event.trigger);
            assert!(event.source.name.contains("implied"));
        }
    }
    let mut got: Vec<String> = events.iter().map(dyad).collect();
    got.sort();
    let mut want: Vec<String> = expected.iter().map(|line| line.to_string()).collect();
    want.sort();
    assert_eq!(got, want, "{}\n{}", doc.text, coder.explain(&input, 0));
}

const GERMAN_PASSIVE: &str = "
    Der der DET 2 det
    Mann Mann NOUN 5 nsubj:pass
    wurde werden AUX 5 aux:pass
    gestern gestern ADV 5 advmod
    festgenommen festnehmen VERB 0 root VerbForm=Part
    . . PUNCT 5 punct";

#[test]
fn german_agentless_passive_implies_the_police() {
    check(
        Lang::De,
        GERMAN_PASSIVE,
        &[("Mann", "DEUCVL", true)],
        &["DEUCOP->DEUCVL 173"],
    );
    // Without any state for the story the police stay unknown: nothing is coded.
    check(Lang::De, GERMAN_PASSIVE, &[("Mann", "---CVL", true)], &[]);
    // A politician of the knowledge base "arrested" with no agent is left alone.
    check(Lang::De, GERMAN_PASSIVE, &[("Mann", "DEUGOV", false)], &[]);
}

#[test]
fn the_implied_police_are_those_of_the_place_of_the_arrest() {
    let parse = "
        Der der DET 2 det
        Urlauber Urlauber NOUN 6 nsubj:pass
        wurde werden AUX 6 aux:pass
        in in ADP 5 case
        Wien Wien PROPN 6 obl
        festgenommen festnehmen VERB 0 root VerbForm=Part
        . . PUNCT 6 punct";
    check_at(
        Lang::De,
        parse,
        &[("Urlauber", "DEUCVL", true)],
        &[("Wien", "AUT")],
        &["AUTCOP->DEUCVL 173"],
    );
    // Beside a charge, the place is more often the crime's than the court's.
    let charge = "
        Der der DET 2 det
        Urlauber Urlauber NOUN 6 nsubj:pass
        wurde werden AUX 6 aux:pass
        in in ADP 5 case
        Wien Wien PROPN 6 obl
        angeklagt anklagen VERB 0 root VerbForm=Part
        . . PUNCT 6 punct";
    check_at(
        Lang::De,
        charge,
        &[("Urlauber", "DEUCVL", true)],
        &[("Wien", "AUT")],
        &["DEUJUD->DEUCVL 115"],
    );
    // A place of origin is no scene.
    let origin = "
        Der der DET 2 det
        Urlauber Urlauber NOUN 6 nsubj:pass
        wurde werden AUX 6 aux:pass
        aus aus ADP 5 case
        Wien Wien PROPN 2 nmod
        festgenommen festnehmen VERB 0 root VerbForm=Part
        . . PUNCT 6 punct";
    check_at(
        Lang::De,
        origin,
        &[("Urlauber", "DEUCVL", true)],
        &[("Wien", "AUT")],
        &["DEUCOP->DEUCVL 173"],
    );
}

#[test]
fn german_active_arrest_of_a_private_person_is_domestic() {
    let parse = "
        Die der DET 2 det
        Polizei Polizei NOUN 3 nsubj
        nahm festnehmen VERB 0 root
        einen ein DET 5 det
        Rentner Rentner NOUN 3 obj
        fest fest ADP 3 compound:prt
        . . PUNCT 3 punct";
    check(
        Lang::De,
        parse,
        &[("Polizei", "AUTCOP", false), ("Rentner", "---CVL", true)],
        &["AUTCOP->AUTCVL 173"],
    );
}

#[test]
fn private_persons_are_no_source_and_only_targets_of_acts_against_civilians() {
    let criticism = "
        Der der DET 2 det
        Rentner Rentner NOUN 3 nsubj
        kritisierte kritisieren VERB 0 root
        die der DET 5 det
        Regierung Regierung NOUN 3 obj
        . . PUNCT 3 punct";
    check(
        Lang::De,
        criticism,
        &[("Rentner", "DEUCVL", true), ("Regierung", "DEUGOV", false)],
        &[],
    );
    let praise = "
        Die der DET 2 det
        Regierung Regierung NOUN 3 nsubj
        lobte loben VERB 0 root
        den der DET 5 det
        Rentner Rentner NOUN 3 obj
        . . PUNCT 3 punct";
    check(
        Lang::De,
        praise,
        &[("Regierung", "DEUGOV", false), ("Rentner", "DEUCVL", true)],
        &[],
    );
}

#[test]
fn english_agentless_passive_implies_the_authority_of_its_class() {
    let arrest = "
        The the DET 2 det
        suspect suspect NOUN 4 nsubj:pass
        was be AUX 4 aux:pass
        arrested arrest VERB 0 root VerbForm=Part|Voice=Pass
        on on ADP 6 case
        Friday Friday PROPN 4 obl
        . . PUNCT 4 punct";
    check(
        Lang::En,
        arrest,
        &[("suspect", "CANCVL", true)],
        &["CANCOP->CANCVL 173"],
    );
    let deportation = "
        The the DET 2 det
        workers worker NOUN 4 nsubj:pass
        were be AUX 4 aux:pass
        deported deport VERB 0 root VerbForm=Part|Voice=Pass
        . . PUNCT 4 punct";
    check(
        Lang::En,
        deportation,
        &[("workers", "GBRCVL", true)],
        &["GBRGOV->GBRCVL 174"],
    );
    // A group of civilians from an agent dictionary (students, refugees) is private too;
    // officials arrested with no agent are not coded.
    let group = "
        The the DET 2 det
        students student NOUN 4 nsubj:pass
        were be AUX 4 aux:pass
        arrested arrest VERB 0 root VerbForm=Part|Voice=Pass
        . . PUNCT 4 punct";
    check(
        Lang::En,
        group,
        &[("students", "USAEDU", false)],
        &["USACOP->USAEDU 173"],
    );
    check(Lang::En, group, &[("students", "USAGOV", false)], &[]);
    // With an agent there is nothing to imply.
    let agent = "
        The the DET 2 det
        suspect suspect NOUN 4 nsubj:pass
        was be AUX 4 aux:pass
        arrested arrest VERB 0 root VerbForm=Part|Voice=Pass
        by by ADP 6 case
        police police NOUN 4 obl:agent
        . . PUNCT 4 punct";
    check(
        Lang::En,
        agent,
        &[("suspect", "CANCVL", true), ("police", "CANCOP", false)],
        &["CANCOP->CANCVL 173"],
    );
}
