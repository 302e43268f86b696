//! German constructions and dictionary entries, through the shared `check_events`
//! helper: our own sentences about invented states (Arland, Borland, Cirland), with
//! hand-set parses where the construction needs one.

use lagebild_events::Coder;

mod common;

use common::{Fixture, de, dyad_with_modality};

fn check(fixture: Fixture<'_>, expected: &[&str]) {
    common::check_events(&Coder::embedded(), fixture, dyad_with_modality, expected);
}

fn parsed<'a>(parse: &'a str, actors: &'a [(&'a str, &'a str)]) -> Fixture<'a> {
    Fixture {
        parse: Some(parse),
        ..de("", actors)
    }
}

#[test]
fn coordinated_predicate_the_tagger_missed_shares_the_subject() {
    // `griff` tagged as a preposition and the second object parsed as a conjunct of the
    // first one's genitive: the second verb still codes, and the first one does not
    // take the second object.
    let parse = "
        Die der DET 2 det
        Kanzlerin Kanzlerin NOUN 3 nsubj Case=Nom
        begrüßte begrüßen VERB 0 root Mood=Ind|Tense=Past|VerbForm=Fin
        den der DET 5 det
        Beschluss Beschluss NOUN 3 obj Case=Acc
        der der DET 7 det
        Liga Liga PROPN 5 nmod Case=Gen
        und und CCONJ 11 cc
        griff griff ADP 11 case
        den der DET 11 det
        Borland Borland PROPN 7 conj Case=Acc
        mit mit ADP 14 case
        scharfen scharf ADJ 14 amod
        Worten Wort NOUN 3 obl Case=Dat
        an an ADP 3 compound:prt
        . . PUNCT 3 punct";
    check(
        parsed(
            parse,
            &[
                ("~Kanzlerin", "ARLGOV"),
                ("Liga", "IGOLIG"),
                ("Borland", "BOR"),
            ],
        ),
        &["ARLGOV->IGOLIG 051 asserted", "ARLGOV->BOR 110 asserted"],
    );
}

#[test]
fn attack_verbs_have_a_verbal_sense() {
    // A politician attacking with words criticises.
    check(
        de(
            "Der Minister attackierte Borland als Schurkenstaat .",
            &[("~Minister", "ARLGOV"), ("Borland", "BOR")],
        ),
        &["ARLGOV->BOR 111 asserted"],
    );
    // States and armies attack with weapons.
    check(
        de(
            "Arland griff Borland in der Nacht an .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 190 asserted"],
    );
    // A head of government attacking a state, with no cue of speech: military.
    check(
        de(
            "Der Präsident griff Borland in der Nacht an .",
            &[("~Präsident", "ARLGOV"), ("Borland", "BOR")],
        ),
        &["ARLGOV->BOR 190 asserted"],
    );
    // A politician attacking another politician: words.
    check(
        de(
            "Der Minister griff den Kanzler in der Nacht an .",
            &[("~Minister", "ARLOPP"), ("~Kanzler", "ARLGOV")],
        ),
        &["ARLOPP->ARLGOV 111 asserted"],
    );
    // Weapons in the clause keep the military sense, whoever the source is.
    check(
        de(
            "Der Präsident griff Borland mit Panzern und Raketen an .",
            &[("~Präsident", "ARLGOV"), ("Borland", "BOR")],
        ),
        &["ARLGOV->BOR 190 asserted"],
    );
}

#[test]
fn quoted_words_after_a_colon_keep_their_own_modality() {
    let parse = "
        Dabei dabei ADV 2 advmod
        griff greifen VERB 0 root Mood=Ind|Tense=Past|VerbForm=Fin
        sie sie PRON 2 nsubj Case=Nom
        den der DET 5 det
        Präsidenten Präsident NOUN 2 obj Case=Acc
        Borlands Borland PROPN 5 nmod Case=Gen
        an an ADP 2 compound:prt
        : : PUNCT 13 punct
        „ „ PUNCT 13 punct
        Ein ein DET 11 det
        Präsident Präsident NOUN 13 nsubj Case=Nom
        kann können AUX 13 aux
        nicht nicht PART 13 advmod
        erwarten erwarten VERB 2 xcomp VerbForm=Inf
        . . PUNCT 2 punct";
    check(
        parsed(
            parse,
            &[("~sie", "ARLGOV"), ("Präsidenten Borlands", "BORGOV")],
        ),
        &["ARLGOV->BORGOV 111 asserted"],
    );
}

#[test]
fn indefinite_event_nouns_asserted_by_the_clause() {
    // "fand ein Treffen ... statt", "kam es zu einem Schlagabtausch": the clause says the
    // event took place.
    check(
        de(
            "Am Montag fand ein Treffen zwischen Arland und Borland statt .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 040 asserted", "BOR->ARL 040 asserted"],
    );
    check(
        de(
            "In Kolda kam es zu einem heftigen Schlagabtausch zwischen Arland und Borland .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 110 asserted", "BOR->ARL 110 asserted"],
    );
    // Without such a verb an indefinite event noun is still no event.
    check(
        de(
            "Ein Treffen zwischen Arland und Borland wäre denkbar .",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &[],
    );
}

#[test]
fn zu_infinitive_of_a_demand_names_what_is_demanded() {
    // Object control: the object is asked to resign; the infinitive is what is
    // demanded, coded as a demand of leadership change.
    let parse = "
        Der der DET 2 det
        Fraktionschef Fraktionschef NOUN 4 nsubj Case=Nom
        hatte haben AUX 4 aux
        aufgefordert auffordern VERB 0 root VerbForm=Part
        den der DET 6 det
        Abgeordneten Abgeordneter NOUN 4 obj Case=Acc
        , , PUNCT 10 punct
        sein sein DET 9 det
        Mandat Mandat NOUN 10 obj Case=Acc
        niederzulegen niederlegen VERB 4 xcomp VerbForm=Inf
        . . PUNCT 4 punct";
    check(
        parsed(
            parse,
            &[("~Fraktionschef", "ARLLEG"), ("~Abgeordneten", "ARLGOV")],
        ),
        &["ARLLEG->ARLGOV 1041 asserted"],
    );
}

#[test]
fn dictionary_entries_for_political_news() {
    let two = &[("Arland", "ARL"), ("Borland", "BOR")];
    let cases: &[(&str, &str)] = &[
        // Rejecting accusations denies them towards the accuser (genitive of the object).
        (
            "Arland wies die Vorwürfe Borlands zurück .",
            "ARL->BOR 016 asserted",
        ),
        (
            "Arland hat die Zusammenarbeit mit Borland aufgekündigt .",
            "ARL->BOR 160 asserted",
        ),
        (
            "Arland erteilte Borland eine Absage .",
            "ARL->BOR 120 asserted",
        ),
        (
            "Arland stärkte Borland den Rücken .",
            "ARL->BOR 053 asserted",
        ),
        (
            "Arland verglich Borland mit Nazi-Deutschland .",
            "ARL->BOR 111 asserted",
        ),
        (
            "Arland bezeichnete Borland als Terrorstaat .",
            "ARL->BOR 111 asserted",
        ),
        (
            "Arland signalisierte Borland Gesprächsbereitschaft .",
            "ARL->BOR 036 asserted",
        ),
        (
            "Arland hat Ermittlungen gegen Borland eingeleitet .",
            "ARL->BOR 090 asserted",
        ),
        (
            "Arland verhängte ein Einreiseverbot gegen Borland .",
            "ARL->BOR 163 asserted",
        ),
        (
            "Arland flog Luftschläge gegen Borland .",
            "ARL->BOR 195 asserted",
        ),
    ];
    for (text, expected) in cases {
        check(de(text, two), &[expected]);
    }
}

#[test]
fn a_denial_without_an_accuser_takes_the_earlier_accusation() {
    use lagebild_doc::{Sentence, Span};
    use lagebild_events::CodingInput;
    let fixture = de(
        "Arland wirft Borland Spionage vor . Borland streitet dies ab .",
        &[("Arland", "ARL"), ("Borland", "BOR"), ("Borland", "BOR")],
    );
    let (doc, mut analysis, actors) = common::build(&fixture);
    // Two sentences: the accusation, then the denial.
    let split = analysis
        .tokens
        .iter()
        .position(|token| token.span.slice(&doc.text) == ".")
        .expect("a full stop")
        + 1;
    let end = analysis.tokens.len();
    let span_of = |from: usize, to: usize| {
        Span::from_range(
            analysis.tokens[from].span.start as usize..analysis.tokens[to - 1].span.end as usize,
        )
    };
    analysis.sentences = vec![
        Sentence {
            span: span_of(0, split),
            token_start: 0,
            token_end: split as u32,
        },
        Sentence {
            span: span_of(split, end),
            token_start: split as u32,
            token_end: end as u32,
        },
    ];
    let input = CodingInput {
        doc: &doc,
        analysis: &analysis,
        actors: &actors,
        quotes: &[],
        times: &[],
        places: &[],
    };
    let coder = Coder::embedded();
    let got: Vec<String> = coder.code(&input).iter().map(dyad_with_modality).collect();
    assert_eq!(
        got,
        ["ARL->BOR 1125 asserted", "BOR->ARL 016 asserted"],
        "{}",
        coder.explain(&input, 1)
    );
    // Without the accusation, a denial names no target.
    let alone = de("Borland streitet dies ab .", &[("Borland", "BOR")]);
    check(alone, &[]);
}

#[test]
fn predicative_complement_parsed_inside_the_object() {
    // `als Betrüger` parsed as a conjunct of the object's name: still the predicate of
    // `bezeichnete`, a denunciation.
    let parse = "
        Der der DET 2 det
        Kanzler Kanzler NOUN 3 nsubj Case=Nom
        bezeichnete bezeichnen VERB 0 root Mood=Ind|Tense=Past|VerbForm=Fin
        den der DET 5 det
        Präsidenten Präsident NOUN 3 obj Case=Acc
        Borlands Borland PROPN 5 nmod Case=Gen
        als als CCONJ 8 cc
        Betrüger Betrüger NOUN 6 conj Case=Nom
        . . PUNCT 3 punct";
    check(
        parsed(
            parse,
            &[("~Kanzler", "ARLGOV"), ("Präsidenten Borlands", "BORGOV")],
        ),
        &["ARLGOV->BORGOV 111 asserted"],
    );
    // An adjective of disapproval: 110.
    check(
        de(
            "Arland bezeichnete die Pläne Borlands als völkerrechtswidrig .",
            &[("Arland", "ARL"), ("Borlands", "BOR")],
        ),
        &["ARL->BOR 110 asserted"],
    );
}

#[test]
fn reported_clause_with_sollen_is_a_demand_of_its_subject() {
    let parse = "
        Der der DET 2 det
        Kanzler Kanzler NOUN 3 nsubj Case=Nom
        sagte sagen VERB 0 root Mood=Ind|Tense=Past|VerbForm=Fin
        , , PUNCT 10 punct
        Borland Borland PROPN 10 nsubj Case=Nom
        solle sollen AUX 10 aux Mood=Sub
        seine sein DET 8 det
        Truppen Truppe NOUN 10 obj Case=Acc
        sofort sofort ADV 10 advmod
        zurückziehen zurückziehen VERB 3 ccomp VerbForm=Inf
        . . PUNCT 3 punct";
    check(
        parsed(parse, &[("~Kanzler", "ARLGOV"), ("Borland", "BOR")]),
        &["ARLGOV->BOR 100 asserted"],
    );
    // Of the speaker's own state it is no event between actors.
    check(
        parsed(parse, &[("~Kanzler", "ARLGOV"), ("Borland", "ARL")]),
        &[],
    );
}

#[test]
fn event_nouns_under_reports_and_rumours_are_reported() {
    check(
        de(
            "Spekulationen über Geheimtreffen zwischen Arland und Borland",
            &[("Arland", "ARL"), ("Borland", "BOR")],
        ),
        &["ARL->BOR 040 reported", "BOR->ARL 040 reported"],
    );
}

#[test]
fn relative_pronoun_subject_is_its_antecedent() {
    // "The president, who visited Borland, ...": the relative clause's subject is the
    // noun phrase it modifies.
    let parse = "
        Der der DET 2 det Case=Nom|Number=Sing
        Präsident Präsident NOUN 9 nsubj Case=Nom|Number=Sing
        , , PUNCT 6 punct
        der der PRON 6 nsubj Case=Nom|Number=Sing
        Borland Borland PROPN 6 obj Case=Acc|Number=Sing
        besuchte besuchen VERB 2 acl:relcl Mood=Ind|Tense=Past|VerbForm=Fin
        , , PUNCT 2 punct
        gestern gestern ADV 9 advmod
        reiste reisen VERB 0 root Mood=Ind|Tense=Past|VerbForm=Fin
        ab ab ADP 9 compound:prt
        . . PUNCT 9 punct";
    check(
        parsed(parse, &[("~Präsident", "ARLGOV"), ("Borland", "BOR")]),
        &["ARLGOV->BOR 042 asserted"],
    );
    // The relative pronoun as object: "the minister, whom Borland criticised".
    let parse = "
        Der der DET 2 det Case=Nom|Number=Sing
        Minister Minister NOUN 9 nsubj Case=Nom|Number=Sing
        , , PUNCT 6 punct
        den der PRON 6 obj Case=Acc|Number=Sing
        Borland Borland PROPN 6 nsubj Case=Nom|Number=Sing
        kritisierte kritisieren VERB 2 acl:relcl Mood=Ind|Tense=Past|VerbForm=Fin
        , , PUNCT 2 punct
        gestern gestern ADV 9 advmod
        reiste reisen VERB 0 root Mood=Ind|Tense=Past|VerbForm=Fin
        ab ab ADP 9 compound:prt
        . . PUNCT 9 punct";
    check(
        parsed(parse, &[("~Minister", "ARLGOV"), ("Borland", "BOR")]),
        &["BOR->ARLGOV 110 asserted"],
    );
}

#[test]
fn relative_pronoun_needs_an_agreeing_named_antecedent() {
    // The clause attached to the nearest noun, a singular town, but the plural pronoun
    // refers to someone else: no antecedent, nothing coded.
    let parse = "
        Die der DET 2 det Case=Nom|Number=Plur
        Helfer Helfer NOUN 0 root Case=Nom|Number=Plur
        in in ADP 4 case
        Arlstadt Arlstadt PROPN 2 nmod Case=Dat|Number=Sing
        , , PUNCT 8 punct
        die der PRON 8 nsubj Case=Nom|Number=Plur
        Borland Borland PROPN 8 obj Case=Acc|Number=Sing
        besuchen besuchen VERB 4 acl:relcl Mood=Ind|Tense=Pres|VerbForm=Fin
        . . PUNCT 2 punct";
    check(
        parsed(parse, &[("Arlstadt", "ARL"), ("Borland", "BOR")]),
        &[],
    );
    // An adjective naming a state does not make its noun that state: "die arländischen
    // Grenzstädte, die Borland kritisieren" names towns, not Arland.
    let parse = "
        Die der DET 3 det Case=Nom|Number=Plur
        arländischen arländisch ADJ 3 amod Case=Nom|Number=Plur
        Grenzstädte Grenzstadt NOUN 0 root Case=Nom|Number=Plur
        , , PUNCT 7 punct
        die der PRON 7 nsubj Case=Nom|Number=Plur
        Borland Borland PROPN 7 obj Case=Acc|Number=Sing
        kritisieren kritisieren VERB 3 acl:relcl Mood=Ind|Tense=Pres|VerbForm=Fin
        . . PUNCT 3 punct";
    check(
        parsed(parse, &[("arländischen", "ARL"), ("Borland", "BOR")]),
        &[],
    );
    // A compound whose first part names an actor is a thing of that actor: "die
    // Liga-Berichte, die Borland kritisieren" are reports, not the league.
    let parse = "
        Die der DET 2 det Case=Nom|Number=Plur
        Liga-Berichte Liga-Bericht NOUN 0 root Case=Nom|Number=Plur
        , , PUNCT 6 punct
        die der PRON 6 nsubj Case=Nom|Number=Plur
        Borland Borland PROPN 6 obj Case=Acc|Number=Sing
        kritisieren kritisieren VERB 2 acl:relcl Mood=Ind|Tense=Pres|VerbForm=Fin
        . . PUNCT 2 punct";
    check(
        parsed(parse, &[("Liga", "IGOLIG"), ("Borland", "BOR")]),
        &[],
    );
}

#[test]
fn purpose_infinitive_shares_the_subject_of_its_clause() {
    // "um ... zu treffen" is done by the one who travelled, not by a name nearby.
    let parse = "
        Der der DET 2 det Case=Nom|Number=Sing
        Minister Minister NOUN 3 nsubj Case=Nom|Number=Sing
        reiste reisen VERB 0 root Mood=Ind|Tense=Past|VerbForm=Fin
        nach nach ADP 5 case
        Borland Borland PROPN 3 obl Case=Dat|Number=Sing
        , , PUNCT 11 punct
        um um ADP 11 mark
        den der DET 9 det Case=Acc|Number=Sing
        Präsidenten Präsident NOUN 11 obj Case=Acc|Number=Sing
        zu zu PART 11 mark
        treffen treffen VERB 3 advcl VerbForm=Inf
        . . PUNCT 3 punct";
    check(
        parsed(
            parse,
            &[
                ("~Minister", "ARLGOV"),
                ("Borland", "BOR"),
                ("~Präsidenten", "BORGOV"),
            ],
        ),
        &["ARLGOV->BOR 042 asserted", "ARLGOV->BORGOV 040 asserted"],
    );
}

#[test]
fn zu_infinitive_has_no_subject_of_its_own() {
    // The parser read the article of the object as the infinitive's subject: the
    // infinitive still takes the subject of the verb that governs it.
    let parse = "
        Arland Arland PROPN 3 nsubj Case=Nom|Number=Sing
        hat haben AUX 3 aux Mood=Ind|Tense=Pres|VerbForm=Fin
        beschlossen beschließen VERB 0 root VerbForm=Part
        , , PUNCT 8 punct
        die der PRON 8 nsubj Case=Acc|Number=Sing
        Republik Republik NOUN 8 obj Case=Acc|Number=Sing
        Borland Borland PROPN 6 flat Case=Acc|Number=Sing
        anzugreifen angreifen VERB 3 xcomp VerbForm=Inf
        . . PUNCT 3 punct";
    common::check_events(
        &Coder::embedded(),
        parsed(parse, &[("Arland", "ARL"), ("Borland", "BOR")]),
        common::dyad,
        &["ARL->BOR 190"],
    );
}

#[test]
fn possessor_of_an_event_noun_in_a_relative_clause_is_the_antecedent() {
    // "seinem Besuch" belongs to the subject of `lächelte`, a relative pronoun: the
    // president is the visitor.
    let parse = "
        Der der DET 2 det Case=Nom|Number=Sing
        Präsident Präsident NOUN 12 nsubj Case=Nom|Number=Sing
        , , PUNCT 10 punct
        der der PRON 10 nsubj Case=Nom|Number=Sing
        bei bei ADP 7 case
        seinem sein DET 7 det
        Besuch Besuch NOUN 10 obl Case=Dat|Number=Sing
        in in ADP 9 case
        Borland Borland PROPN 7 nmod Case=Dat|Number=Sing
        lächelte lächeln VERB 2 acl:relcl Mood=Ind|Tense=Past|VerbForm=Fin
        , , PUNCT 2 punct
        reiste reisen VERB 0 root Mood=Ind|Tense=Past|VerbForm=Fin
        ab ab ADP 12 compound:prt
        . . PUNCT 12 punct";
    common::check_events(
        &Coder::embedded(),
        parsed(parse, &[("~Präsident", "ARLGOV"), ("Borland", "BOR")]),
        common::dyad,
        &["ARLGOV->BOR 042"],
    );
}
