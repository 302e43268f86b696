//! Behaviour of the embedded models on short sentences of our own, and tree invariants
//! on arbitrary input.

use lagebild_depparse::Parser;
use lagebild_doc::{Case, Feats, Lang, Mood, Number, Person, Span, Tense, Token, Upos, VerbForm};
use proptest::prelude::*;

/// One token of a test sentence: form, lemma, UPOS, XPOS and features as in CoNLL-U.
type Spec<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str);

fn tokens(specs: &[Spec]) -> (String, Vec<Token>) {
    let mut text = String::new();
    let mut tokens = Vec::new();
    for &(form, lemma, upos, xpos, feats) in specs {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(form);
        tokens.push(Token {
            span: Span::from_range(start..text.len()),
            lemma: lemma.to_string(),
            upos: Upos::parse(upos).unwrap_or(Upos::X),
            xpos: xpos.to_string(),
            feats: Feats::from_conllu(feats),
            head: None,
            deprel: String::new(),
        });
    }
    (text, tokens)
}

/// Parses the sentence and checks each expected `(dependent, relation, head)`, given as
/// forms (`"ROOT"` for the root). Relations match on their universal part unless the
/// expectation has a subtype.
fn check(lang: Lang, specs: &[Spec], expected: &[(&str, &str, &str)]) {
    let Some(parser) = Parser::embedded(lang) else {
        eprintln!("skipping check: no embedded {} model", lang.code());
        return;
    };
    let (text, mut tokens) = tokens(specs);
    parser.parse(&text, &mut tokens);
    assert_tree(&tokens);
    let form = |index: usize| tokens[index].span.slice(&text);
    let rendered: Vec<String> = tokens
        .iter()
        .enumerate()
        .map(|(index, token)| {
            let head = token.head.map_or("ROOT", |head| form(head as usize));
            format!("{} -{}-> {}", form(index), token.deprel, head)
        })
        .collect();
    for &(dependent, relation, head) in expected {
        let index = (0..tokens.len())
            .find(|&index| form(index) == dependent)
            .expect("dependent in sentence");
        let token = &tokens[index];
        let head_form = token.head.map_or("ROOT", |head| form(head as usize));
        let label_ok = if relation.contains(':') {
            token.deprel == relation
        } else {
            token.deprel.split(':').next() == Some(relation)
        };
        assert!(
            head_form == head && label_ok,
            "expected {dependent} -{relation}-> {head} in {text:?}; parsed:\n{}",
            rendered.join("\n")
        );
    }
}

fn assert_tree(tokens: &[Token]) {
    let roots = tokens.iter().filter(|token| token.head.is_none()).count();
    assert_eq!(roots, 1, "exactly one root");
    for (index, token) in tokens.iter().enumerate() {
        assert!(!token.deprel.is_empty(), "token {index} has a relation");
        let mut node = index;
        for _ in 0..=tokens.len() {
            match tokens[node].head {
                None => break,
                Some(head) => {
                    assert!((head as usize) < tokens.len(), "head in range");
                    node = head as usize;
                }
            }
        }
        assert!(
            tokens[node].head.is_none(),
            "no cycle through token {index}"
        );
    }
    let root = tokens
        .iter()
        .find(|token| token.head.is_none())
        .map(|token| token.deprel.as_str());
    assert_eq!(root, Some("root"));
}

const FIN3: &str = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin";

#[test]
fn german_main_clause_with_particle_verb() {
    check(
        Lang::De,
        &[
            ("Die", "der", "DET", "ART", "Case=Nom|Number=Sing"),
            (
                "Regierung",
                "Regierung",
                "NOUN",
                "NN",
                "Case=Nom|Number=Sing",
            ),
            ("wirft", "werfen", "VERB", "VVFIN", FIN3),
            ("dem", "der", "DET", "ART", "Case=Dat|Number=Sing"),
            ("Minister", "Minister", "NOUN", "NN", "Case=Dat|Number=Sing"),
            ("schwere", "schwer", "ADJ", "ADJA", "Case=Acc|Number=Plur"),
            ("Fehler", "Fehler", "NOUN", "NN", "Case=Acc|Number=Plur"),
            ("vor", "vor", "ADP", "PTKVZ", "_"),
            (".", ".", "PUNCT", "$.", "_"),
        ],
        &[
            ("Regierung", "nsubj", "wirft"),
            ("wirft", "root", "ROOT"),
            ("Fehler", "obj", "wirft"),
            ("vor", "compound:prt", "wirft"),
            ("Die", "det", "Regierung"),
            (".", "punct", "wirft"),
        ],
    );
}

#[test]
fn german_object_first_is_told_by_case() {
    check(
        Lang::De,
        &[
            ("In", "in", "ADP", "APPR", "_"),
            ("Paris", "Paris", "PROPN", "NE", "Case=Dat|Number=Sing"),
            (
                "unterschrieb",
                "unterschreiben",
                "VERB",
                "VVFIN",
                "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin",
            ),
            ("den", "der", "DET", "ART", "Case=Acc|Number=Sing"),
            ("Vertrag", "Vertrag", "NOUN", "NN", "Case=Acc|Number=Sing"),
            ("der", "der", "DET", "ART", "Case=Nom|Number=Sing"),
            ("Kanzler", "Kanzler", "NOUN", "NN", "Case=Nom|Number=Sing"),
            (".", ".", "PUNCT", "$.", "_"),
        ],
        &[
            ("Vertrag", "obj", "unterschrieb"),
            ("Kanzler", "nsubj", "unterschrieb"),
            ("In", "case", "Paris"),
            ("Paris", "obl", "unterschrieb"),
        ],
    );
}

/// A determiner standing alone that cannot be nominative is no subject, even when the
/// tagger reads it as dative plural.
#[test]
fn german_lone_determiner_in_the_accusative_is_no_subject() {
    check(
        Lang::De,
        &[
            ("Die", "der", "DET", "ART", "Case=Nom|Number=Sing"),
            (
                "Ministerin",
                "Ministerin",
                "NOUN",
                "NN",
                "Case=Nom|Number=Sing",
            ),
            (
                "hatte",
                "haben",
                "AUX",
                "VAFIN",
                "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin",
            ),
            ("Kontakt", "Kontakt", "NOUN", "NN", "Case=Acc|Number=Sing"),
            ("gesucht", "suchen", "VERB", "VVPP", "VerbForm=Part"),
            ("und", "und", "CCONJ", "KON", "_"),
            ("diesen", "dieser", "DET", "PDS", "Case=Dat|Number=Plur"),
            ("sogar", "sogar", "ADV", "ADV", "_"),
            ("in", "in", "ADP", "APPR", "_"),
            ("Wien", "Wien", "PROPN", "NE", "Case=Dat|Number=Sing"),
            ("getroffen", "treffen", "VERB", "VVPP", "VerbForm=Part"),
            (".", ".", "PUNCT", "$.", "_"),
        ],
        &[
            ("diesen", "obj", "getroffen"),
            ("Ministerin", "nsubj", "gesucht"),
        ],
    );
}

#[test]
fn german_speech_verb_with_clausal_complement() {
    check(
        Lang::De,
        &[
            ("Der", "der", "DET", "ART", "Case=Nom|Number=Sing"),
            ("Sprecher", "Sprecher", "NOUN", "NN", "Case=Nom|Number=Sing"),
            (
                "sagte",
                "sagen",
                "VERB",
                "VVFIN",
                "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin",
            ),
            (",", ",", "PUNCT", "$,", "_"),
            ("dass", "dass", "SCONJ", "KOUS", "_"),
            ("die", "der", "DET", "ART", "Case=Nom|Number=Plur"),
            ("Truppen", "Truppe", "NOUN", "NN", "Case=Nom|Number=Plur"),
            (
                "abziehen",
                "abziehen",
                "VERB",
                "VVFIN",
                "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin",
            ),
            (".", ".", "PUNCT", "$.", "_"),
        ],
        &[
            ("Sprecher", "nsubj", "sagte"),
            ("abziehen", "ccomp", "sagte"),
            ("dass", "mark", "abziehen"),
            ("Truppen", "nsubj", "abziehen"),
        ],
    );
}

#[test]
fn english_transitive_and_ditransitive() {
    check(
        Lang::En,
        &[
            ("The", "the", "DET", "DT", "_"),
            ("minister", "minister", "NOUN", "NN", "Number=Sing"),
            (
                "gave",
                "give",
                "VERB",
                "VBD",
                "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin",
            ),
            ("the", "the", "DET", "DT", "_"),
            ("envoy", "envoy", "NOUN", "NN", "Number=Sing"),
            ("a", "a", "DET", "DT", "_"),
            ("letter", "letter", "NOUN", "NN", "Number=Sing"),
            (".", ".", "PUNCT", ".", "_"),
        ],
        &[
            ("minister", "nsubj", "gave"),
            ("gave", "root", "ROOT"),
            ("envoy", "iobj", "gave"),
            ("letter", "obj", "gave"),
        ],
    );
}

#[test]
fn english_oblique_with_preposition() {
    check(
        Lang::En,
        &[
            ("The", "the", "DET", "DT", "_"),
            ("minister", "minister", "NOUN", "NN", "Number=Sing"),
            (
                "resigned",
                "resign",
                "VERB",
                "VBD",
                "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin",
            ),
            ("after", "after", "ADP", "IN", "_"),
            ("the", "the", "DET", "DT", "_"),
            ("vote", "vote", "NOUN", "NN", "Number=Sing"),
            ("in", "in", "ADP", "IN", "_"),
            ("parliament", "parliament", "NOUN", "NN", "Number=Sing"),
            (".", ".", "PUNCT", ".", "_"),
        ],
        &[
            ("minister", "nsubj", "resigned"),
            ("after", "case", "vote"),
            ("vote", "obl", "resigned"),
        ],
    );
}

#[test]
fn english_passive_agent_and_particle() {
    check(
        Lang::En,
        &[
            ("The", "the", "DET", "DT", "_"),
            ("talks", "talk", "NOUN", "NNS", "Number=Plur"),
            (
                "were",
                "be",
                "AUX",
                "VBD",
                "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin",
            ),
            (
                "called",
                "call",
                "VERB",
                "VBN",
                "Tense=Past|VerbForm=Part|Voice=Pass",
            ),
            ("off", "off", "ADP", "RP", "_"),
            ("by", "by", "ADP", "IN", "_"),
            ("the", "the", "DET", "DT", "_"),
            ("rebels", "rebel", "NOUN", "NNS", "Number=Plur"),
            (".", ".", "PUNCT", ".", "_"),
        ],
        &[
            ("talks", "nsubj:pass", "called"),
            ("were", "aux:pass", "called"),
            ("off", "compound:prt", "called"),
            ("rebels", "obl", "called"),
            ("by", "case", "rebels"),
        ],
    );
}

#[test]
fn english_reported_speech() {
    check(
        Lang::En,
        &[
            ("She", "she", "PRON", "PRP", "Case=Nom|Number=Sing|Person=3"),
            (
                "said",
                "say",
                "VERB",
                "VBD",
                "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin",
            ),
            ("that", "that", "SCONJ", "IN", "_"),
            ("the", "the", "DET", "DT", "_"),
            ("army", "army", "NOUN", "NN", "Number=Sing"),
            (
                "had",
                "have",
                "AUX",
                "VBD",
                "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin",
            ),
            ("left", "leave", "VERB", "VBN", "Tense=Past|VerbForm=Part"),
            ("the", "the", "DET", "DT", "_"),
            ("city", "city", "NOUN", "NN", "Number=Sing"),
            (".", ".", "PUNCT", ".", "_"),
        ],
        &[
            ("She", "nsubj", "said"),
            ("left", "ccomp", "said"),
            ("that", "mark", "left"),
            ("army", "nsubj", "left"),
            ("city", "obj", "left"),
        ],
    );
}

#[test]
fn empty_and_single_token_sentences() {
    for lang in [Lang::De, Lang::En] {
        let Some(parser) = Parser::embedded(lang) else {
            continue;
        };
        let mut none: Vec<Token> = Vec::new();
        parser.parse("", &mut none);
        let (text, mut one) = tokens(&[("Hallo", "hallo", "INTJ", "ITJ", "_")]);
        parser.parse(&text, &mut one);
        assert_eq!(one[0].head, None);
        assert_eq!(one[0].deprel, "root");
    }
}

#[test]
fn model_round_trips_through_bytes() {
    let Some(parser) = Parser::embedded(Lang::De) else {
        return;
    };
    let copy = Parser::from_bytes(&parser.to_bytes()).expect("model reloads");
    assert_eq!(copy.labels(), parser.labels());
    assert_eq!(copy.beam(), parser.beam());
    assert!(Parser::from_bytes(b"not a model").is_err());
}

#[test]
fn greedy_and_beam_search_both_give_trees() {
    let Some(parser) = Parser::embedded(Lang::De) else {
        return;
    };
    let specs: &[Spec] = &[
        ("Die", "der", "DET", "ART", "Case=Nom|Number=Plur"),
        ("Minister", "Minister", "NOUN", "NN", "Case=Nom|Number=Plur"),
        (
            "beraten",
            "beraten",
            "VERB",
            "VVFIN",
            "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin",
        ),
        ("am", "an", "ADP", "APPRART", "_"),
        ("Freitag", "Freitag", "NOUN", "NN", "Case=Dat|Number=Sing"),
        ("über", "über", "ADP", "APPR", "_"),
        ("den", "der", "DET", "ART", "Case=Acc|Number=Sing"),
        ("Haushalt", "Haushalt", "NOUN", "NN", "Case=Acc|Number=Sing"),
        (".", ".", "PUNCT", "$.", "_"),
    ];
    let mut results = Vec::new();
    for width in [1, 2, 8] {
        let mut copy = Parser::from_bytes(&parser.to_bytes()).expect("model reloads");
        copy.set_beam(width);
        assert_eq!(copy.beam(), width);
        let (text, mut sentence) = tokens(specs);
        copy.parse(&text, &mut sentence);
        assert_tree(&sentence);
        results.push(sentence[1].deprel.clone());
    }
    // "Minister" is the subject whatever the width.
    assert!(
        results.iter().all(|deprel| deprel == "nsubj"),
        "{results:?}"
    );
}

fn arbitrary_token() -> impl Strategy<Value = (String, usize, u8, u8)> {
    ("[A-Za-zäöüß,.]{1,8}", 0..Upos::ALL.len(), 0u8..5, 0u8..4)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_token_sequence_gives_a_tree(
        lang in prop_oneof![Just(Lang::De), Just(Lang::En)],
        specs in prop::collection::vec(arbitrary_token(), 1..60),
    ) {
        if let Some(parser) = Parser::embedded(lang) {
            let mut text = String::new();
            let mut tokens = Vec::new();
            for (form, upos, case, verb) in &specs {
                if !text.is_empty() {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(form);
                let feats = Feats {
                    case: [None, Some(Case::Nom), Some(Case::Acc), Some(Case::Dat), Some(Case::Gen)][*case as usize],
                    verb_form: [None, Some(VerbForm::Fin), Some(VerbForm::Inf), Some(VerbForm::Part)][*verb as usize],
                    mood: (*verb == 1).then_some(Mood::Ind),
                    tense: (*verb == 1).then_some(Tense::Pres),
                    person: (*verb == 1).then_some(Person::Third),
                    number: (*case > 0).then_some(Number::Sing),
                    voice: None,
                    gender: None,
                };
                tokens.push(Token {
                    span: Span::from_range(start..text.len()),
                    lemma: form.to_lowercase(),
                    upos: Upos::ALL[*upos],
                    xpos: String::new(),
                    feats,
                    head: None,
                    deprel: String::new(),
                });
            }
            parser.parse(&text, &mut tokens);
            assert_tree(&tokens);
        }
    }

    #[test]
    fn spans_that_do_not_fit_the_text_do_not_panic(starts in prop::collection::vec((0u32..400, 0u32..20), 1..30)) {
        if let Some(parser) = Parser::embedded(Lang::De) {
            let text = "Die Nato wirft Rußland Hilfe vor.";
            let mut tokens: Vec<Token> = starts
                .iter()
                .map(|&(start, length)| Token { span: Span::new(start, start + length), ..Token::default() })
                .collect();
            parser.parse(text, &mut tokens);
            assert_tree(&tokens);
        }
    }
}
