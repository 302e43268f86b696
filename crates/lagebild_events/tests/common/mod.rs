//! The fixture sentences of the coder tests: hand-built analyses of our own sentences.

use lagebild_actors::{ActorKind, ActorMention};
use lagebild_doc::{Document, Feats, Lang, Sentence, Span, TextAnalysis, Token, Upos};
use lagebild_events::{Coder, CodingInput, Event};

/// An unparsed German fixture sentence with its actors.
#[allow(dead_code)] // each test binary compiles this module; not all use every helper
pub fn de<'a>(text: &'a str, actors: &'a [(&'a str, &'a str)]) -> Fixture<'a> {
    Fixture {
        lang: Lang::De,
        text,
        parse: None,
        actors,
        published: None,
    }
}

/// An unparsed English fixture sentence with its actors.
#[allow(dead_code)]
pub fn en<'a>(text: &'a str, actors: &'a [(&'a str, &'a str)]) -> Fixture<'a> {
    Fixture {
        lang: Lang::En,
        text,
        parse: None,
        actors,
        published: None,
    }
}

/// An event as `SRC->TGT CODE` (`-` for no target), the line the tests compare.
pub fn dyad(event: &Event) -> String {
    format!(
        "{}->{} {}",
        event.source.code,
        event
            .target
            .as_ref()
            .map_or("-", |target| target.code.as_str()),
        event.cameo
    )
}

/// [`dyad`] followed by the modality labels, comma-separated.
#[allow(dead_code)] // each test binary compiles this module; not all use every helper
pub fn dyad_with_modality(event: &Event) -> String {
    let modality: Vec<&str> = event
        .modality
        .iter()
        .map(|modality| modality.as_str())
        .collect();
    format!("{} {}", dyad(event), modality.join(","))
}

/// A fixture sentence. `parse` holds one token per line, CoNLL-U style but compact:
/// `form lemma UPOS head deprel [feats]` with 1-based heads (0 = root). Without a parse
/// the text is split on whitespace and lemma = form, like the stub analyser.
pub struct Fixture<'a> {
    pub lang: Lang,
    pub text: &'a str,
    pub parse: Option<&'a str>,
    pub actors: &'a [(&'a str, &'a str)],
    pub published: Option<&'a str>,
}

pub fn build(fixture: &Fixture<'_>) -> (Document, TextAnalysis, Vec<ActorMention>) {
    let mut tokens = Vec::new();
    let text: String;
    match fixture.parse {
        Some(parse) => {
            let mut built = String::new();
            for line in parse.lines().map(str::trim).filter(|line| !line.is_empty()) {
                let columns: Vec<&str> = line.split_whitespace().collect();
                assert!(columns.len() >= 5, "bad fixture line {line:?}");
                if !built.is_empty() {
                    built.push(' ');
                }
                let start = built.len();
                built.push_str(columns[0]);
                let head: u32 = columns[3].parse().expect("head");
                tokens.push(Token {
                    span: Span::from_range(start..built.len()),
                    lemma: columns[1].to_string(),
                    upos: Upos::parse(columns[2]).expect("upos"),
                    xpos: String::new(),
                    feats: Feats::from_conllu(columns.get(5).copied().unwrap_or("_")),
                    head: head.checked_sub(1),
                    deprel: columns[4].to_string(),
                });
            }
            text = built;
        }
        None => {
            text = fixture.text.to_string();
            let mut offset = 0;
            for piece in text.split(' ') {
                if !piece.is_empty() {
                    tokens.push(Token {
                        span: Span::from_range(offset..offset + piece.len()),
                        lemma: piece.to_string(),
                        ..Token::default()
                    });
                }
                offset += piece.len() + 1;
            }
        }
    }
    let analysis = TextAnalysis {
        sentences: vec![Sentence {
            span: Span::from_range(0..text.len()),
            token_start: 0,
            token_end: tokens.len() as u32,
        }],
        tokens,
    };
    let mut actors = Vec::new();
    let mut from = 0;
    for (surface, code) in fixture.actors {
        // `~Name` marks a person; other fixture actors are states.
        let (surface, kind) = match surface.strip_prefix('~') {
            Some(name) => (name, ActorKind::Person),
            None => (*surface, ActorKind::State),
        };
        let start = text[from..]
            .find(surface)
            .map(|at| at + from)
            .unwrap_or_else(|| panic!("actor {surface:?} not in {text:?}"));
        from = start + surface.len();
        actors.push(ActorMention {
            span: Span::from_range(start..start + surface.len()),
            name: surface.to_string(),
            code: code.to_string(),
            country: Some(code.get(..3).unwrap_or(code).to_string()),
            kind,
            wikidata: None,
            antecedent: None,
            rule: "fixture".into(),
        });
    }
    let doc = Document {
        text,
        lang: fixture.lang,
        published: fixture
            .published
            .and_then(|date| chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()),
        ..Document::default()
    };
    (doc, analysis, actors)
}

/// Codes the fixture with `coder` and compares the events, one `render` line each, in any
/// order; every event must have a span inside the text, a rule naming a dictionary line
/// and a valid CAMEO code with its QuadClass. A mismatch panics with the coder's
/// explanation of the sentence.
#[allow(dead_code)] // the domestic tests compare events their own way
pub fn check_events(
    coder: &Coder,
    fixture: Fixture<'_>,
    render: fn(&Event) -> String,
    expected: &[&str],
) {
    let (doc, analysis, actors) = build(&fixture);
    let input = CodingInput {
        doc: &doc,
        analysis: &analysis,
        actors: &actors,
        quotes: &[],
        times: &[],
        places: &[],
    };
    let events = coder.code(&input);
    for event in &events {
        assert!(
            event.trigger.end as usize <= doc.text.len()
                && doc.text.is_char_boundary(event.trigger.start as usize),
            "trigger span out of bounds"
        );
        assert!(
            event.rule.contains(".txt:"),
            "rule names a file line: {}",
            event.rule
        );
        assert!(lagebild_events::is_valid_cameo(&event.cameo));
        assert_eq!(event.quad_class, lagebild_events::quad_class(&event.cameo));
    }
    let mut got: Vec<String> = events.iter().map(render).collect();
    got.sort();
    let mut want: Vec<String> = expected.iter().map(|line| line.to_string()).collect();
    want.sort();
    if got != want {
        panic!(
            "{:?}\n  got:  {got:#?}\n  want: {want:#?}\n{}",
            doc.text,
            coder.explain(&input, 0)
        );
    }
}
