//! Entries of the German verb dictionary (`dict/de/verbs.txt`) added for the frequent
//! political verbs and light-verb constructions of Austrian and German news, through the
//! shared `check_events` helper: our own sentences about invented states (Arland,
//! Borland), each with a use of the same verb that must not code.

use lagebild_events::Coder;

mod common;

use common::{Fixture, de, dyad_with_modality};

fn check(fixture: Fixture<'_>, expected: &[&str]) {
    common::check_events(&Coder::embedded(), fixture, dyad_with_modality, expected);
}

const STATES: &[(&str, &str)] = &[("Arland", "ARL"), ("Borland", "BOR")];

#[test]
fn sanctions_decided_extended_or_widened_are_sanctions() {
    check(
        de("Arland beschloss neue Sanktionen gegen Borland .", STATES),
        &["ARL->BOR 163 asserted"],
    );
    check(
        de(
            "Arland verlängerte die Wirtschaftssanktionen gegen Borland um ein Jahr .",
            STATES,
        ),
        &["ARL->BOR 163 asserted"],
    );
    // Extending a treaty with a state is no sanction.
    check(
        de(
            "Arland verlängerte den Vertrag mit Borland um ein Jahr .",
            STATES,
        ),
        &[],
    );
}

#[test]
fn discussing_with_a_state_is_a_consultation() {
    check(
        de("Arland diskutierte mit Borland über den Handel .", STATES),
        &["ARL->BOR 040 asserted"],
    );
    check(
        de(
            "Arland besprach mit Borland die Lage an der Grenze .",
            STATES,
        ),
        &["ARL->BOR 040 asserted"],
    );
    // Discussing a state with nobody named is no consultation.
    check(
        de("Man diskutierte in Arland lange über Borland .", STATES),
        &[],
    );
}

#[test]
fn calling_a_state_a_threat_or_its_policy_a_mistake_is_disapproval() {
    let actors = &[("~Minister", "ARLGOV"), ("Borland", "BOR")];
    check(
        de("Der Minister bezeichnete Borland als Bedrohung .", actors),
        &["ARLGOV->BOR 111 asserted"],
    );
    check(
        de("Der Minister bezeichnete Borland als Fehler .", actors),
        &["ARLGOV->BOR 110 asserted"],
    );
    check(
        de("Der Minister nannte Borland inakzeptabel .", actors),
        &["ARLGOV->BOR 110 asserted"],
    );
    // A neutral or friendly label is no event.
    check(
        de("Der Minister bezeichnete Borland als Partner .", actors),
        &[],
    );
}

#[test]
fn a_reciprocal_exchange_codes_both_directions() {
    check(
        de(
            "Arland und Borland lieferten sich einen heftigen Schlagabtausch .",
            STATES,
        ),
        &["ARL->BOR 110 asserted", "BOR->ARL 110 asserted"],
    );
    check(
        de("Arland lieferte sich Gefechte mit Borland .", STATES),
        &["ARL->BOR 190 asserted"],
    );
    // A sporting duel is not coded.
    check(
        de(
            "Arland und Borland lieferten sich ein packendes Duell .",
            STATES,
        ),
        &[],
    );
}

#[test]
fn strong_past_forms_of_beschwören_and_preisen_find_their_entries() {
    let actors = &[("~Minister", "ARLGOV"), ("Borland", "BOR")];
    check(
        de(
            "Der Minister beschwor Borland , den Vertrag einzuhalten .",
            actors,
        ),
        &["ARLGOV->BOR 020 asserted"],
    );
    check(
        de(
            "Der Minister pries Borland als verlässlichen Partner .",
            actors,
        ),
        &["ARLGOV->BOR 051 asserted"],
    );
    // Praise of a thing in a state is no praise of the state.
    check(
        de("Der Minister pries das Wetter in Borland .", actors),
        &[],
    );
}

#[test]
fn agreements_and_better_relations_with_a_state_are_cooperation() {
    check(
        de(
            "Arland schloss mit Borland ein Rücknahmeabkommen ab .",
            STATES,
        ),
        &["ARL->BOR 057 asserted"],
    );
    check(
        de(
            "Arland verständigte sich mit Borland auf einen Plan .",
            STATES,
        ),
        &["ARL->BOR 057 asserted"],
    );
    check(
        de("Arland verbesserte seine Beziehungen zu Borland .", STATES),
        &["ARL->BOR 050 asserted"],
    );
    // Worse relations are no improvement.
    check(
        de(
            "Arland verschlechterte seine Beziehungen zu Borland .",
            STATES,
        ),
        &[],
    );
}

#[test]
fn reproach_obligation_and_endorsement_constructions() {
    check(
        de(
            "Arland hält Borland vor , den Vertrag gebrochen zu haben .",
            STATES,
        ),
        &["ARL->BOR 112 asserted"],
    );
    check(
        de("Arland nimmt Borland in die Pflicht .", STATES),
        &["ARL->BOR 100 asserted"],
    );
    check(
        de("Arland setzte sich für Borland ein .", STATES),
        &["ARL->BOR 051 asserted"],
    );
    // Working for a solution for a state is no endorsement of the state.
    check(
        de(
            "Arland setzte sich für eine Lösung für Borland ein .",
            STATES,
        ),
        &[],
    );
    // Taking a state for a partner (halten für) is no reproach.
    check(de("Arland hält Borland für einen Partner .", STATES), &[]);
}

#[test]
fn giving_a_state_the_blame_is_an_accusation() {
    check(
        de("Arland gab Borland die Schuld an dem Unglück .", STATES),
        &["ARL->BOR 112 asserted"],
    );
    check(
        de(
            "Arland schob Borland die Verantwortung für die Krise zu .",
            STATES,
        ),
        &["ARL->BOR 112 asserted"],
    );
    // Giving a state money is no blame.
    check(de("Arland gab Borland viel Geld .", STATES), &[]);
}

#[test]
fn sentences_and_verdicts_of_guilt_are_116_not_condemnation() {
    let actors = &[("~Gericht", "ARLJUD"), ("Borland", "BOR")];
    check(
        de(
            "Das Gericht verurteilte Borland zu einer Geldstrafe .",
            actors,
        ),
        &["ARLJUD->BOR 116 asserted"],
    );
    check(
        de("Das Gericht sprach Borland schuldig .", actors),
        &["ARLJUD->BOR 116 asserted"],
    );
    // Talking with a state is a consultation, not a verdict.
    check(
        de("Das Gericht sprach mit Borland .", actors),
        &["ARLJUD->BOR 040 asserted"],
    );
}

#[test]
fn ground_troops_and_special_forces_sent_to_a_state_are_a_deployment() {
    check(
        de("Arland schickte Bodentruppen nach Borland .", STATES),
        &["ARL->BOR 154 asserted"],
    );
    check(
        de("Arland entsandte Spezialkräfte nach Borland .", STATES),
        &["ARL->BOR 154 asserted"],
    );
    // Sending experts is aid, not a deployment of force.
    check(
        de("Arland schickte Experten nach Borland .", STATES),
        &["ARL->BOR 070 asserted"],
    );
}

#[test]
fn backing_and_condolences_sent_to_a_state() {
    check(
        de("Arland gab Borland Rückendeckung im Streit .", STATES),
        &["ARL->BOR 053 asserted"],
    );
    check(
        de("Arland übermittelte Borland sein Beileid .", STATES),
        &["ARL->BOR 018 asserted"],
    );
    // Giving a state a deadline is no backing.
    check(de("Arland gab Borland eine Frist .", STATES), &[]);
}
