//! Property test: coding and explaining never panic, whatever the text, tokens, parse
//! (heads may form cycles) and actor mentions, and emitted spans stay in bounds.

use lagebild_actors::{ActorKind, ActorMention};
use lagebild_doc::{Document, Lang, Sentence, Span, TextAnalysis, Token, Upos};
use lagebild_events::{Coder, CodingInput};
use proptest::prelude::*;

const DEPRELS: &[&str] = &[
    "nsubj",
    "obj",
    "iobj",
    "obl",
    "nmod",
    "conj",
    "xcomp",
    "compound:prt",
    "case",
    "aux:pass",
    "nsubj:pass",
    "flat",
    "det",
    "",
];

fn words() -> impl Strategy<Value = Vec<String>> {
    let vocabulary = prop::sample::select(vec![
        "Arland",
        "wirft",
        "vor",
        "Borland",
        "hat",
        "vorgeworfen",
        "von",
        "wurde",
        "angegriffen",
        "nicht",
        "könnte",
        ",",
        "„",
        "“",
        "und",
        "zwischen",
        "Kooperation",
        "accused",
        "by",
        "was",
        "attacked",
        "sagte",
        "verstoße",
        "gegen",
        "hatte",
        "getroffen",
        "Besuch",
        "in",
        "-",
        "ü",
        "\"",
    ]);
    prop::collection::vec(
        prop_oneof![vocabulary.prop_map(str::to_string), "\\PC{0,6}"],
        0..24,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
    #[test]
    fn coding_never_panics(
        pieces in words(),
        heads in prop::collection::vec(any::<u8>(), 24),
        relations in prop::collection::vec(0..DEPRELS.len(), 24),
        actor_flags in prop::collection::vec(any::<bool>(), 24),
        parsed in any::<bool>(),
        german in any::<bool>(),
        split in any::<u8>(),
    ) {
        let text = pieces.join(" ");
        let mut tokens = Vec::new();
        let mut offset = 0;
        for (index, piece) in pieces.iter().enumerate() {
            if !piece.is_empty() {
                let head = if parsed { Some(u32::from(heads[index % heads.len()]) % (pieces.len() as u32 + 2)) } else { None };
                tokens.push(Token {
                    span: Span::from_range(offset..offset + piece.len()),
                    lemma: piece.to_lowercase(),
                    upos: if parsed { Upos::ALL[index % Upos::ALL.len()] } else { Upos::X },
                    head,
                    deprel: if parsed { DEPRELS[relations[index % relations.len()]].to_string() } else { String::new() },
                    ..Token::default()
                });
            }
            offset += piece.len() + 1;
        }
        let cut = (split as usize % (tokens.len() + 1)) as u32;
        let boundary = tokens.get(cut as usize).map_or(text.len() as u32, |token| token.span.start);
        let analysis = TextAnalysis {
            sentences: vec![
                Sentence { span: Span::new(0, boundary), token_start: 0, token_end: cut },
                Sentence { span: Span::new(boundary, text.len() as u32), token_start: cut, token_end: tokens.len() as u32 },
            ],
            tokens: tokens.clone(),
        };
        let actors: Vec<ActorMention> = tokens
            .iter()
            .enumerate()
            .filter(|(index, _)| actor_flags[index % actor_flags.len()])
            .map(|(index, token)| ActorMention {
                span: token.span,
                name: format!("actor {index}"),
                code: ["RUS", "UKR", "IGOWSTNAT", "DEUGOV"][index % 4].to_string(),
                country: None,
                kind: ActorKind::State,
                wikidata: None,
                antecedent: None,
                rule: "test".into(),
            })
            .collect();
        let doc = Document { text: text.clone(), lang: if german { Lang::De } else { Lang::En }, ..Document::default() };
        let coder = Coder::embedded();
        let input = CodingInput { doc: &doc, analysis: &analysis, actors: &actors, quotes: &[], times: &[], places: &[] };
        let events = coder.code(&input);
        for event in &events {
            prop_assert!(event.trigger.end as usize <= text.len());
            prop_assert!(text.is_char_boundary(event.trigger.start as usize));
            prop_assert!((event.sentence as usize) < analysis.sentences.len());
        }
        for sentence in 0..3 {
            let _ = coder.explain(&input, sentence).to_string();
        }
    }
}
