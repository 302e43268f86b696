//! Coding speed on fixed fixtures (our own sentences, whitespace tokens, hand-placed
//! actor mentions, no parse: the word-order path). Throughput is in sentences.
//!
//!     cargo bench -p lagebild_events --bench coding

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lagebild_actors::{ActorKind, ActorMention};
use lagebild_doc::{Document, Lang, Sentence, Span, TextAnalysis, Token};
use lagebild_events::{Coder, CodingInput};

const GERMAN: &[&str] = &[
    "Die Regierung Arlands hat Borland Unterstützung für Rebellen vorgeworfen .",
    "„ Im Gegenzug für Waffen unterstützt Arland Borland mit Truppen “ , sagte der Minister Koldas .",
    "Borland könnte nach Koldas Worten Arland bedrohen und sogar Zentra angreifen .",
    "Nach den Worten des Ministers verurteilten die Diplomaten Zentras die Kooperation zwischen Arland und Borland .",
    "Kolda verstoße damit gegen Resolutionen Zentras , sagte der Minister .",
    "Der Präsident Arlands hatte in seiner ersten Amtszeit den Machthaber Borlands getroffen .",
    "Mit Blick auf Zentra drängte Kolda die Regierung Borlands zu Verhandlungen .",
    "Zentras Hubschrauber seien von Soldaten Borlands beschossen worden .",
];

const ENGLISH: &[&str] = &[
    "Arland accused Borland of spying on its embassy .",
    "Borland was attacked by Arland on Monday , officials said .",
    "Kolda and Zentra condemned the decision of Borland .",
    "Arland would never threaten Borland , the minister said .",
    "The president of Arland met with leaders of Kolda in Zentra .",
    "Zentra imposed sanctions on Borland after the vote .",
];

const NAMES: &[(&str, &str)] = &[
    ("Arland", "ARL"),
    ("Borland", "BOR"),
    ("Kolda", "KOL"),
    ("Zentra", "ZEN"),
];

fn fixture(
    sentences: &[&str],
    lang: Lang,
    copies: usize,
) -> (Document, TextAnalysis, Vec<ActorMention>) {
    let mut text = String::new();
    let mut analysis = TextAnalysis::default();
    let mut actors = Vec::new();
    for _ in 0..copies {
        for sentence in sentences {
            let start = text.len();
            let token_start = analysis.tokens.len() as u32;
            for piece in sentence.split(' ') {
                let offset = text.len();
                text.push_str(piece);
                analysis.tokens.push(Token {
                    span: Span::from_range(offset..text.len()),
                    lemma: piece.to_string(),
                    ..Token::default()
                });
                for (name, code) in NAMES {
                    if piece.starts_with(name) {
                        actors.push(ActorMention {
                            span: Span::from_range(offset..text.len()),
                            name: name.to_string(),
                            code: code.to_string(),
                            country: Some(code.to_string()),
                            kind: ActorKind::State,
                            wikidata: None,
                            antecedent: None,
                            rule: "bench".into(),
                        });
                    }
                }
                text.push(' ');
            }
            analysis.sentences.push(Sentence {
                span: Span::from_range(start..text.len() - 1),
                token_start,
                token_end: analysis.tokens.len() as u32,
            });
        }
    }
    (
        Document {
            text,
            lang,
            ..Document::default()
        },
        analysis,
        actors,
    )
}

fn bench(criterion: &mut Criterion) {
    let coder = Coder::embedded();
    let mut group = criterion.benchmark_group("code");
    for (name, sentences, lang) in [("de", GERMAN, Lang::De), ("en", ENGLISH, Lang::En)] {
        let (doc, analysis, actors) = fixture(sentences, lang, 25);
        group.throughput(Throughput::Elements(analysis.sentences.len() as u64));
        group.bench_function(name, |bencher| {
            bencher.iter(|| {
                let input = CodingInput {
                    doc: &doc,
                    analysis: &analysis,
                    actors: &actors,
                    quotes: &[],
                    times: &[],
                    places: &[],
                };
                coder.code(&input)
            })
        });
    }
    group.finish();
    criterion.bench_function("load embedded dictionaries", |bencher| {
        bencher.iter(|| Coder::builder().build())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
