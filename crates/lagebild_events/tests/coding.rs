//! Data-driven tests of the coder through one `check` helper: hand-built analyses
//! (our own sentences, hand-set lemmas and dependencies, or no parse at all) and the
//! events expected from them.

use lagebild_actors::{ActorKind, ActorMention};
use lagebild_doc::{Document, Lang, Sentence, Span, TextAnalysis, Token};
use lagebild_events::{Coder, CodingInput, Event};

mod common;

use common::{Fixture, build, de, en};

fn render(event: &Event) -> String {
    let mut line = common::dyad_with_modality(event);
    if let Some(attribution) = &event.attributed_to {
        line.push_str(&format!(" by {}", attribution.name));
    }
    line
}

/// Codes the fixture and compares the events, one `SRC->TGT CODE modality` line each.
fn check(fixture: Fixture<'_>, expected: &[&str]) {
    check_with(&Coder::embedded(), fixture, expected);
}

/// [`check`] with a given coder.
fn check_with(coder: &Coder, fixture: Fixture<'_>, expected: &[&str]) {
    common::check_events(coder, fixture, render, expected);
}

#[test]
fn german_separable_verb_with_dative_target_unparsed() {
    check(
        de(
            "Die Regierung Arlands wirft Borland Spionage vor .",
            &[("Regierung Arlands", "ARLGOV"), ("Borland", "BOR")],
        ),
        &["ARLGOV->BOR 1125 asserted"],
    );
    check(
        de(
            "Arland hat Borland Unterstützung für Terroristen vorgeworfen .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 112 asserted"],
    );
    // Without its particle the base verb is not an accusation.
    check(
        de(
            "Arland wirft Borland einen Ball zu .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &[],
    );
}

#[test]
fn two_persons_of_one_code_make_a_domestic_event() {
    check(
        de(
            "Senatorin Erika Beispiel kritisierte Senator Max Muster scharf .",
            &[("~Erika Beispiel", "ARLLEG"), ("~Max Muster", "ARLLEG")],
        ),
        &["ARLLEG->ARLLEG 110 asserted"],
    );
    // A state acting on itself is still no event.
    check(
        de(
            "Arland kritisierte Arland scharf .",
            &[("Arland", "ARL"), ("Arland", "ARL")],
        ),
        &[],
    );
}

#[test]
fn german_separable_verb_parsed() {
    let parse = "
        Arland Arland PROPN 2 nsubj
        wirft werfen VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
        Borland Borland PROPN 2 iobj Case=Dat
        Hilfe Hilfe NOUN 2 obj Case=Acc
        vor vor ADP 2 compound:prt
        . . PUNCT 2 punct";
    check(
        Fixture {
            parse: Some(parse),
            ..de("", &[("Arland", "ARL"), ("Borland", "BOR")])
        },
        &["ARL->BOR 112 asserted"],
    );
}

#[test]
fn german_valency_roles() {
    // sich mit jemandem treffen: the target is in the mit-phrase.
    check(
        de(
            "Der Kanzler traf sich in Kolda mit dem Präsidenten Borlands .",
            &[("Kanzler", "ARLGOV"), ("Präsidenten Borlands", "BORGOV")],
        ),
        &["ARLGOV->BORGOV 040 asserted"],
    );
    // auf jemanden schießen
    check(
        de(
            "Soldaten Arlands schossen auf Demonstranten aus Borland .",
            &[
                ("Soldaten Arlands", "ARLMIL"),
                ("Demonstranten aus Borland", "BORCVL"),
            ],
        ),
        &["ARLMIL->BORCVL 193 asserted"],
    );
    // Light verb construction: Kritik üben an
    check(
        de(
            "Arland übte scharfe Kritik an Borland .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 110 asserted"],
    );
    // An actor inside a prepositional phrase is no subject.
    check(
        de(
            "Mit Blick auf Arland verurteilte Borland die Entscheidung .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &[],
    );
}

#[test]
fn bad_parse_falls_back_to_word_order() {
    // The parser glued the two names together (flat): the object slot is empty in the
    // parse, word order still finds it.
    let parse = "
        Dann dann ADV 2 advmod
        unterstützt unterstützen VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
        Arland Arland PROPN 2 nsubj
        Borland Borland PROPN 3 flat
        . . PUNCT 2 punct";
    check(
        Fixture {
            parse: Some(parse),
            ..de("", &[("Arland", "ARL"), ("Borland", "BOR")])
        },
        &["ARL->BOR 070 asserted"],
    );
}

#[test]
fn attribution_cue_without_reported_modality() {
    check(
        de(
            "Kolda könnte nach Arlands Worten Borland bedrohen .",
            &[("Kolda", "KOL"), ("Arlands", "ARL"), ("Borland", "BOR")],
        ),
        &["KOL->BOR 130 hypothetical by Arlands"],
    );
}

#[test]
fn german_passive_maps_the_agent_to_the_source() {
    check(
        de(
            "Borland wurde von Arland angegriffen .",
            &[("Borland", "BOR"), ("Arland", "ARL")],
        ),
        &["ARL->BOR 190 asserted"],
    );
    let parse = "
        Borland Borland PROPN 4 nsubj:pass
        wurde werden AUX 4 aux:pass
        von von ADP 5 case
        Arland Arland PROPN 6 obl:agent
        scharf scharf ADV 6 advmod
        kritisiert kritisieren VERB 0 root VerbForm=Part
        . . PUNCT 6 punct";
    // Heads above are written against a 6-token sentence: fix them to the real layout.
    let parse = parse
        .replace("PROPN 4 nsubj:pass", "PROPN 6 nsubj:pass")
        .replace("AUX 4 aux:pass", "AUX 6 aux:pass")
        .replace("ADP 5 case", "ADP 4 case");
    check(
        Fixture {
            parse: Some(&parse),
            ..de("", &[("Borland", "BOR"), ("Arland", "ARL")])
        },
        &["ARL->BOR 110 asserted"],
    );
}

#[test]
fn german_quoted_subject_attached_as_parataxis_is_the_subject() {
    // Quotation marks around a subject make the parser attach it as `parataxis`: a
    // nominative noun so attached to a verb without a subject stands in for it, and
    // takes the actor of its relative clause.
    let parse = |case: &str| {
        format!(
            "
        Schiffe Schiff NOUN 11 parataxis Case={case}
        , , PUNCT 6 punct
        die der PRON 6 nsubj
        aus aus ADP 5 case
        Borland Borland PROPN 6 obl
        kommen kommen VERB 1 acl:relcl
        , , PUNCT 1 punct
        wurden werden AUX 11 aux:pass
        von von ADP 10 case
        Arland Arland PROPN 11 obl:agent Case=Dat
        beschossen beschießen VERB 0 root VerbForm=Part
        . . PUNCT 11 punct"
        )
    };
    let actors = [("Borland", "BOR"), ("Arland", "ARL")];
    let nominative = parse("Nom");
    check(
        Fixture {
            parse: Some(&nominative),
            ..de("", &actors)
        },
        &["ARL->BOR 193 asserted"],
    );
    // Any other case is no subject: nothing to code.
    let dative = parse("Dat");
    check(
        Fixture {
            parse: Some(&dative),
            ..de("", &actors)
        },
        &[],
    );
}

#[test]
fn german_negation_modality_and_future() {
    check(
        de(
            "Arland will Borland nicht angreifen .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 190 negated,future"],
    );
    check(
        de(
            "Arland könnte Borland bedrohen .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 130 hypothetical"],
    );
    check(
        de(
            "Arland wird Borland besuchen .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 042 future"],
    );
}

#[test]
fn german_konjunktiv_reported_speech_is_attributed() {
    check(
        de(
            "Kolda verstoße damit gegen Resolutionen Borlands , sagte der Außenminister Arlands .",
            &[
                ("Kolda", "KOL"),
                ("Borlands", "BOR"),
                ("Außenminister Arlands", "ARLGOV"),
            ],
        ),
        &["KOL->BOR 128 reported by Außenminister Arlands"],
    );
    check(
        de(
            "„ Arland unterstützt Borland mit Waffen “ , sagte Kolda .",
            &[("Arland", "ARL"), ("Borland", "BOR"), ("Kolda", "KOL")],
        ),
        &["ARL->BOR 072 reported by Kolda"],
    );
}

#[test]
fn german_compound_actors_make_one_event_per_pair() {
    check(
        de(
            "Arland , Borland und Kolda verurteilten Zentra .",
            &[
                ("Arland", "ARL"),
                ("Borland", "BOR"),
                ("Kolda", "KOL"),
                ("Zentra", "ZEN"),
            ],
        ),
        &[
            "ARL->ZEN 111 asserted",
            "BOR->ZEN 111 asserted",
            "KOL->ZEN 111 asserted",
        ],
    );
    check(
        de(
            "Die Militär-Kooperation zwischen Arland und Borland wächst .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 062 asserted", "BOR->ARL 062 asserted"],
    );
}

#[test]
fn german_nominal_event_as_object_gives_the_targets() {
    // The cooperation is what Zentra condemns: targets Arland and Borland, no own event.
    check(
        de(
            "Zentra verurteilte die Militär-Kooperation zwischen Arland und Borland .",
            &[("Zentra", "ZEN"), ("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ZEN->ARL 111 asserted", "ZEN->BOR 111 asserted"],
    );
    // Indefinite or hypothetical noun phrases are no events; nor are multilateral ones.
    check(
        de(
            "Zentra plant einen möglichen Waffenstillstand zwischen Arland und Borland .",
            &[("Zentra", "ZEN"), ("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &[],
    );
    check(
        de(
            "Die Annäherung zwischen Arland , Borland und Kolda ist deutlich .",
            &[("Arland", "ARL"), ("Borland", "BOR"), ("Kolda", "KOL")],
        ),
        &[],
    );
    // A bare name before a noun is an object, not a possessor.
    check(
        de(
            "Zentra wirft Arland Hilfe für Borlands Armee vor .",
            &[("Zentra", "ZEN"), ("Arland", "ARL"), ("Borlands", "BOR")],
        ),
        &["ZEN->ARL 112 asserted"],
    );
}

#[test]
fn reciprocal_cooperation_of_coordinated_subjects() {
    check(
        de(
            "Arland und Borland vereinbarten eine enge Zusammenarbeit .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 057 asserted", "BOR->ARL 057 asserted"],
    );
    // Not for conflict verbs: who criticises whom is unknown.
    check(
        de(
            "Arland und Borland kritisierten die Entscheidung .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &[],
    );
    // Nor for visits: two visitors of a place do not visit each other.
    check(
        de(
            "Arland und Borland besuchten die Grenzstation .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &[],
    );
}

#[test]
fn german_nominal_event_with_genitive() {
    check(
        de(
            "Der Besuch Arlands in Borland dauerte zwei Tage .",
            &[("Arlands", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 042 asserted"],
    );
}

#[test]
fn german_pluperfect_with_background_time_is_past() {
    check(
        de(
            "Der Präsident hatte in seiner ersten Amtszeit den Machthaber Borlands getroffen .",
            &[("Präsident", "ARLGOV"), ("Machthaber Borlands", "BORGOV")],
        ),
        &["ARLGOV->BORGOV 040 past"],
    );
    check(
        de(
            "Der Präsident hatte Borland kürzlich getroffen .",
            &[("Präsident", "ARLGOV"), ("Borland", "BOR")],
        ),
        &["ARLGOV->BOR 040 asserted"],
    );
}

#[test]
fn precision_needs_two_actors() {
    check(
        de(
            "Arland verurteilte den Anschlag scharf .",
            &[("Arland", "ARL")],
        ),
        &[],
    );
    check(de("Die Regierung verurteilte den Anschlag .", &[]), &[]);
}

#[test]
fn english_unparsed() {
    check(
        en(
            "Arland accused Borland of spying .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 1125 asserted"],
    );
    check(
        en(
            "Arland blamed Borland for the crisis .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 112 asserted"],
    );
    check(
        en(
            "Borland was attacked by Arland on Monday .",
            &[("Borland", "BOR"), ("Arland", "ARL")],
        ),
        &["ARL->BOR 190 asserted"],
    );
    check(
        en(
            "Arland did not meet Borland .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 040 negated"],
    );
    check(
        en(
            "Arland would never threaten Borland , the minister said .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 130 negated,hypothetical,reported"],
    );
    check(
        en(
            "Arland and Kolda condemned Borland .",
            &[("Arland", "ARL"), ("Kolda", "KOL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 111 asserted", "KOL->BOR 111 asserted"],
    );
}

#[test]
fn english_parsed_phrasal_target() {
    let parse = "
        Arland Arland PROPN 2 nsubj
        met meet VERB 0 root Tense=Past|VerbForm=Fin
        with with ADP 4 case
        Borland Borland PROPN 2 obl
        . . PUNCT 2 punct";
    check(
        Fixture {
            parse: Some(parse),
            ..en("", &[("Arland", "ARL"), ("Borland", "BOR")])
        },
        &["ARL->BOR 040 asserted"],
    );
}

#[test]
fn clusters_group_mentions_of_one_event() {
    let coder = Coder::embedded();
    let text = "Arland verurteilte Borland . Arland kritisierte Borland erneut .";
    let mut tokens = Vec::new();
    let mut offset = 0;
    for piece in text.split(' ') {
        tokens.push(Token {
            span: Span::from_range(offset..offset + piece.len()),
            lemma: piece.to_string(),
            ..Token::default()
        });
        offset += piece.len() + 1;
    }
    let analysis = TextAnalysis {
        sentences: vec![
            Sentence {
                span: Span::new(0, 27),
                token_start: 0,
                token_end: 4,
            },
            Sentence {
                span: Span::new(28, text.len() as u32),
                token_start: 4,
                token_end: 9,
            },
        ],
        tokens,
    };
    let mention = |start: usize, surface: &str, code: &str| ActorMention {
        span: Span::from_range(start..start + surface.len()),
        name: surface.into(),
        code: code.into(),
        country: None,
        kind: ActorKind::State,
        wikidata: None,
        antecedent: None,
        rule: "fixture".into(),
    };
    let actors = vec![
        mention(0, "Arland", "ARL"),
        mention(19, "Borland", "BOR"),
        mention(28, "Arland", "ARL"),
        mention(47, "Borland", "BOR"),
    ];
    let doc = Document {
        text: text.into(),
        lang: Lang::De,
        ..Document::default()
    };
    let events = coder.code(&CodingInput {
        doc: &doc,
        analysis: &analysis,
        actors: &actors,
        quotes: &[],
        times: &[],
        places: &[],
    });
    assert_eq!(events.len(), 2, "{events:#?}");
    assert_eq!(events[0].sentence, 0);
    assert_eq!(events[1].sentence, 1);
    assert_eq!(
        events[0].cluster, events[1].cluster,
        "same source, target and root"
    );
}

#[test]
fn embedded_dictionaries_load_and_are_large() {
    if let Err(error) = Coder::builder().build() {
        panic!("embedded dictionaries fail to load: {error}");
    }
    let sizes = Coder::embedded().dictionary_sizes();
    assert!(sizes.german_entries >= 400, "{sizes:?}");
    assert!(sizes.english_entries >= 150, "{sizes:?}");
    assert!(Coder::builder().build().is_ok());
}

#[test]
fn explain_names_rules_and_reasons() {
    let coder = Coder::embedded();
    let fixture = de("Arland verurteilte den Anschlag .", &[("Arland", "ARL")]);
    let (doc, analysis, actors) = build(&fixture);
    let input = CodingInput {
        doc: &doc,
        analysis: &analysis,
        actors: &actors,
        quotes: &[],
        times: &[],
        places: &[],
    };
    let text = coder.explain(&input, 0).to_string();
    assert!(text.contains("de/verbs.txt:"), "{text}");
    assert!(text.contains("no actor in target slot"), "{text}");
    assert!(text.contains("ARL"), "{text}");
}

/// A speech act reported as indirect speech ("X wirft Y ... vor", cue = the verb itself) is
/// asserted; an event inside a quote with another cue is reported.
#[test]
fn a_speech_act_is_not_reported_by_its_own_quote() {
    use lagebild_quotes::{Quote, QuoteKind};
    let fixture = de(
        "Arland wirft Borland Spionage vor",
        &[("Arland", "ARL"), ("Borland", "BOR")],
    );
    let (doc, analysis, actors) = build(&fixture);
    let whole = Span::from_range(0..doc.text.len());
    let verb = Span::from_range(7..12);
    assert_eq!(verb.slice(&doc.text), "wirft");
    let code = |quotes: &[Quote]| -> Vec<String> {
        let input = CodingInput {
            doc: &doc,
            analysis: &analysis,
            actors: &actors,
            quotes,
            times: &[],
            places: &[],
        };
        Coder::embedded().code(&input).iter().map(render).collect()
    };
    let own_cue = Quote {
        kind: QuoteKind::Indirect,
        span: whole,
        speaker: None,
        cue: Some(verb),
    };
    assert_eq!(code(&[own_cue]), ["ARL->BOR 1125 asserted"]);
    let other_cue = Quote {
        kind: QuoteKind::Indirect,
        span: whole,
        speaker: None,
        cue: Some(Span::new(40, 45)),
    };
    assert_eq!(code(&[other_cue]), ["ARL->BOR 1125 reported"]);
}

#[test]
fn german_argument_takes_the_actor_of_its_origin_modifier() {
    // "Schiffe, die aus Borland kommen, wurden von Arland beschossen": the passive subject
    // names no actor; its relative clause gives the origin.
    let parse = "
        Schiffe Schiff NOUN 8 nsubj:pass
        , , PUNCT 5 punct
        die der PRON 6 nsubj
        aus aus ADP 5 case
        Borland Borland PROPN 6 obl
        kommen kommen VERB 1 acl:relcl
        , , PUNCT 5 punct
        wurden werden AUX 11 aux:pass
        von von ADP 10 case
        Arland Arland PROPN 11 obl:agent
        beschossen beschießen VERB 0 root VerbForm=Part
        . . PUNCT 11 punct";
    let parse = parse.replace("NOUN 8 nsubj:pass", "NOUN 11 nsubj:pass");
    check(
        Fixture {
            parse: Some(&parse),
            ..de("", &[("Borland", "BOR"), ("Arland", "ARL")])
        },
        &["ARL->BOR 193 asserted"],
    );
    // A place the noun is merely in is no origin: no target, no event.
    let parse_in = parse.replace("aus aus ADP", "in in ADP");
    check(
        Fixture {
            parse: Some(&parse_in),
            ..de("", &[("Borland", "BOR"), ("Arland", "ARL")])
        },
        &[],
    );
}

#[test]
fn german_object_after_a_prepositional_genitive_name() {
    // Unparsed: "zu Borlands Präsident Ulf" is a prepositional phrase, so the plain
    // object after the verb is the only target.
    check(
        de(
            "Arland hatte Kontakt zu Borlands Präsident Ulf gesucht und diesen getroffen .",
            &[
                ("Arland", "ARL"),
                ("Präsident Ulf", "BORGOV"),
                ("diesen", "BORGOV"),
            ],
        ),
        &["ARL->BORGOV 030 asserted", "ARL->BORGOV 040 asserted"],
    );
}

#[test]
fn german_attributive_participles_code_only_with_an_agent() {
    // "die von Arland unterstützten Rebellen Borlands": the agent is the source, the
    // modified noun the target.
    let parse = "
        Die der DET 5 det
        von von ADP 3 case
        Arland Arland PROPN 4 obl
        unterstützten unterstützt ADJ 5 amod
        Borland-Rebellen Rebell NOUN 6 nsubj
        kämpfen kämpfen VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
        . . PUNCT 6 punct";
    check(
        Fixture {
            parse: Some(parse),
            ..de("", &[("Arland", "ARL"), ("Borland-Rebellen", "BORREB")])
        },
        &["ARL->BORREB 070 asserted"],
    );
    let parse = "
        Arland Arland PROPN 2 nsubj
        kritisierte kritisieren VERB 0 root Mood=Ind|Tense=Past|VerbForm=Fin
        die der DET 5 det
        besetzten besetzt ADJ 5 amod
        Borland-Gebiete Gebiet NOUN 2 obj
        . . PUNCT 2 punct";
    // "besetzten" modifies the object: no occupation event, only the criticism.
    check(
        Fixture {
            parse: Some(parse),
            ..de("", &[("Arland", "ARL"), ("Borland-Gebiete", "BOR")])
        },
        &["ARL->BOR 110 asserted"],
    );
}

#[test]
fn german_actors_without_a_known_state_make_no_event() {
    check(
        de(
            "Müller kritisierte Borland scharf .",
            &[("Müller", "---"), ("Borland", "BOR")],
        ),
        &[],
    );
    check(
        de(
            "Borland kritisierte die Regierung scharf .",
            &[("Borland", "BOR"), ("Regierung", "---GOV")],
        ),
        &[],
    );
}

#[test]
fn demands_target_the_subject_of_their_clause() {
    let parse = "
        Arnor Arnor PROPN 2 nsubj
        demanded demand VERB 0 root Mood=Ind|Tense=Past|VerbForm=Fin
        that that SCONJ 5 mark
        Gondor Gondor PROPN 5 nsubj
        withdraw withdraw VERB 2 ccomp VerbForm=Inf
        . . PUNCT 2 punct";
    check(
        Fixture {
            parse: Some(parse),
            ..en("", &[("Arnor", "ARN"), ("Gondor", "GON")])
        },
        &["ARN->GON 100 asserted"],
    );
    // A statement verb takes no target from its clause.
    let said = parse.replace("demanded demand", "said say");
    check(
        Fixture {
            parse: Some(&said),
            ..en("", &[("Arnor", "ARN"), ("Gondor", "GON")])
        },
        &[],
    );
}

#[test]
fn german_sports_reports_code_nothing() {
    check(
        de(
            "Arland empfängt Borland zum Rückspiel .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &[],
    );
    check(
        de(
            "Nach dem 2:0 reist Arland nach Borland .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &[],
    );
    // A clock time is no score.
    check(
        de(
            "Um 14:30 Uhr empfing Arland Borland .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 043 asserted"],
    );
}

#[test]
fn english_statement_gives_way_to_the_reported_event() {
    // A PETRARCH-style dictionary of our own: "say" is a statement (010).
    let path = std::env::temp_dir().join(format!("lagebild_say_{}.txt", std::process::id()));
    let verbs = "--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n- * TO + [010]\n\n--- ATTACK [190] ---\nATTACK\n- * + [190]\n";
    if let Err(error) = std::fs::write(&path, verbs) {
        panic!("{}: {error}", path.display());
    }
    let coder = Coder::builder().petrarch_verbs(&path).build();
    let _ = std::fs::remove_file(&path);
    let coder = coder.unwrap_or_else(|error| panic!("{error}"));
    // Alone, "said" is the event; with an attack in its clause it is only the report.
    check_with(
        &coder,
        en(
            "Arland says to Borland that the weather was fine .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 010 asserted"],
    );
    check_with(
        &coder,
        en(
            "Arland says to Borland that Kolda attacks Morland .",
            &[
                ("Arland", "ARL"),
                ("Borland", "BOR"),
                ("Kolda", "KOL"),
                ("Morland", "MOR"),
            ],
        ),
        &["KOL->MOR 190 asserted"],
    );
}

#[test]
fn english_lone_particle_must_follow_the_verb() {
    // `- * ON [190]` is "press on"; an "on" in a later phrase is not that particle.
    let path = std::env::temp_dir().join(format!("lagebild_press_{}.txt", std::process::id()));
    let verbs = "--- PRESS [100] ---\nPRESS {PRESSES PRESSED PRESSING}\n- * ON [190]\n";
    if let Err(error) = std::fs::write(&path, verbs) {
        panic!("{}: {error}", path.display());
    }
    let coder = Coder::builder().petrarch_verbs(&path).build();
    let _ = std::fs::remove_file(&path);
    let coder = coder.unwrap_or_else(|error| panic!("{error}"));
    check_with(
        &coder,
        en(
            "Arland presses Borland on .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 190 asserted"],
    );
    check_with(
        &coder,
        en(
            "Arland presses Borland to lift its limits on trade .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 100 asserted"],
    );
}

#[test]
fn german_possessed_event_noun_takes_the_subject_of_its_verb() {
    // "Bei seinem Besuch in Borland lobte Krauss Corland": the possessor of the visit is
    // the subject of the verb the noun hangs on; the clause's own act stays coded.
    let parse = "
        Bei bei ADP 3 case
        seinem sein DET 3 det:poss
        Besuch Besuch NOUN 6 obl
        in in ADP 5 case
        Borland Borland PROPN 3 nmod
        lobte loben VERB 0 root
        Krauss Krauss PROPN 6 nsubj
        Corland Corland PROPN 6 obj
        . . PUNCT 6 punct";
    let actors = [("Borland", "BOR"), ("Krauss", "ARLGOV"), ("Corland", "COR")];
    check(
        Fixture {
            parse: Some(parse),
            ..de("", &actors)
        },
        &["ARLGOV->BOR 042 asserted", "ARLGOV->COR 051 asserted"],
    );
    // An object possessed by a pronoun: "Krauss will seinen Besuch in Borland nutzen".
    let parse = "
        Krauss Krauss PROPN 7 nsubj
        will wollen AUX 7 aux
        seinen sein DET 4 det:poss
        Besuch Besuch NOUN 7 obj
        in in ADP 6 case
        Borland Borland PROPN 4 nmod
        nutzen nutzen VERB 0 root
        . . PUNCT 7 punct";
    check(
        Fixture {
            parse: Some(parse),
            ..de("", &[("Krauss", "ARLGOV"), ("Borland", "BOR")])
        },
        &["ARLGOV->BOR 042 future"],
    );
    // Without a possessive, an adverbial attack is not the subject's: "Nach dem Angriff
    // auf Borland lobte Krauss Corland" says nothing of who attacked.
    let parse = "
        Nach nach ADP 3 case
        dem der DET 3 det
        Angriff Angriff NOUN 6 obl
        auf auf ADP 5 case
        Borland Borland PROPN 3 nmod
        lobte loben VERB 0 root
        Krauss Krauss PROPN 6 nsubj
        Corland Corland PROPN 6 obj
        . . PUNCT 6 punct";
    check(
        Fixture {
            parse: Some(parse),
            ..de("", &actors)
        },
        &["ARLGOV->COR 051 asserted"],
    );
}

#[test]
fn german_adverbial_visit_is_the_subjects_and_not_reported() {
    // "Krauss sagte bei einem Besuch in Borland, ...": the speaker made the visit; the
    // indefinite article does not make it hypothetical, and the speech verb it hangs on
    // does not report it.
    let parse = "
        Krauss Krauss PROPN 2 nsubj
        sagte sagen VERB 0 root
        bei bei ADP 5 case
        einem ein DET 5 det
        Besuch Besuch NOUN 2 obl
        in in ADP 7 case
        Borland Borland PROPN 5 nmod
        . . PUNCT 2 punct";
    check(
        Fixture {
            parse: Some(parse),
            ..de("", &[("Krauss", "ARLGOV"), ("Borland", "BOR")])
        },
        &["ARLGOV->BOR 042 asserted"],
    );
    // The same noun as the object of the verb is what was said about: no host.
    let parse = "
        Krauss Krauss PROPN 2 nsubj
        kritisierte kritisieren VERB 0 root
        einen ein DET 4 det
        Besuch Besuch NOUN 2 obj
        in in ADP 6 case
        Borland Borland PROPN 4 nmod
        . . PUNCT 2 punct";
    check(
        Fixture {
            parse: Some(parse),
            ..de("", &[("Krauss", "ARLGOV"), ("Borland", "BOR")])
        },
        &[],
    );
}

#[test]
fn german_prenominal_genitive_left_as_dep() {
    // "Krausens Besuch in Borland" with the genitive name attached as `dep`.
    let parse = "
        Kraussens Krauss PROPN 2 dep
        Besuch Besuch NOUN 7 nsubj:pass
        in in ADP 4 case
        Borland Borland PROPN 2 nmod
        wurde werden AUX 7 aux:pass
        gestern gestern ADV 7 advmod
        begleitet begleiten VERB 0 root VerbForm=Part
        . . PUNCT 7 punct";
    check(
        Fixture {
            parse: Some(parse),
            ..de("", &[("Kraussens", "ARLGOV"), ("Borland", "BOR")])
        },
        &["ARLGOV->BOR 042 asserted"],
    );
}

#[test]
fn german_reflexive_is_no_controller_of_an_infinitive() {
    // "Arland hat sich bereit erklärt, Soldaten in den Borland zu entsenden": the
    // reflexive is no object that controls the infinitive, so Arland sends the troops.
    let parse = "
        Arland Arland PROPN 5 nsubj
        hat haben AUX 5 aux
        sich sich PRON 5 obj
        bereit bereit ADV 5 advmod
        erklärt erklären VERB 0 root
        , , PUNCT 12 punct
        Soldaten Soldat NOUN 12 obj
        in in ADP 10 case
        den der DET 10 det
        Borland Borland PROPN 7 nmod
        zu zu PART 12 mark
        entsenden entsenden VERB 5 xcomp
        . . PUNCT 5 punct";
    check(
        Fixture {
            parse: Some(parse),
            ..de("", &[("Arland", "ARL"), ("Borland", "BOR")])
        },
        &["ARL->BOR 154 asserted"],
    );
    // A real object controls it: Corland is to send, Arland only appealed.
    let parse = "
        Arland Arland PROPN 4 nsubj
        hat haben AUX 4 aux
        Corland Corland PROPN 4 obj
        aufgefordert auffordern VERB 0 root
        , , PUNCT 11 punct
        Soldaten Soldat NOUN 11 obj
        in in ADP 9 case
        den der DET 9 det
        Borland Borland PROPN 6 nmod
        zu zu PART 11 mark
        entsenden entsenden VERB 4 xcomp
        . . PUNCT 4 punct";
    check(
        Fixture {
            parse: Some(parse),
            ..de(
                "",
                &[("Arland", "ARL"), ("Corland", "COR"), ("Borland", "BOR")],
            )
        },
        &["ARL->COR 020 asserted"],
    );
}

#[test]
fn a_name_particle_tagged_as_preposition_does_not_hide_the_subject() {
    // "Am Rande traf sich Al Krauss mit Borland": `Al` tagged ADP makes the name an
    // oblique; word order gives the empty subject slot to it.
    let parse = "
        Am an ADP 2 case
        Rande Rand NOUN 3 obl
        traf treffen VERB 0 root
        sich sich PRON 3 obj
        Al al ADP 6 case
        Krauss Krauss PROPN 3 obl
        mit mit ADP 8 case
        Borland Borland PROPN 3 obl
        . . PUNCT 3 punct";
    check(
        Fixture {
            parse: Some(parse),
            ..de("", &[("Al Krauss", "ARLELI"), ("Borland", "BOR")])
        },
        &["ARLELI->BOR 040 asserted"],
    );
}

#[test]
fn german_visits_and_attacks_on_a_site_target_its_place() {
    // "Krauss besuchte ein Lager in Borland": the visited object names no actor, its
    // place does.
    let parse = "
        Krauss Krauss PROPN 2 nsubj
        besuchte besuchen VERB 0 root
        ein ein DET 4 det
        Lager Lager NOUN 2 obj
        in in ADP 6 case
        Borland Borland PROPN 4 nmod
        . . PUNCT 2 punct";
    check(
        Fixture {
            parse: Some(parse),
            ..de("", &[("Krauss", "ARLGOV"), ("Borland", "BOR")])
        },
        &["ARLGOV->BOR 042 asserted"],
    );
    // A site in the attacker's own state names no target; a verb outside visits and
    // attacks ("lobte ein Lager in Borland") takes no place as target either.
    let parse = "
        Armee Armee NOUN 2 nsubj
        bombardierte bombardieren VERB 0 root
        Dörfer Dorf NOUN 2 obj
        in in ADP 5 case
        Arland Arland PROPN 3 nmod
        . . PUNCT 2 punct";
    check(
        Fixture {
            parse: Some(parse),
            ..de("", &[("Armee", "ARLMIL"), ("Arland", "ARL")])
        },
        &[],
    );
    let parse = "
        Krauss Krauss PROPN 2 nsubj
        lobte loben VERB 0 root
        ein ein DET 4 det
        Lager Lager NOUN 2 obj
        in in ADP 6 case
        Borland Borland PROPN 4 nmod
        . . PUNCT 2 punct";
    check(
        Fixture {
            parse: Some(parse),
            ..de("", &[("Krauss", "ARLGOV"), ("Borland", "BOR")])
        },
        &[],
    );
}
