//! Tests on data in ../shared (skipped when it is absent): the seed article's persons
//! and the full Phoenix dictionaries.

use std::path::PathBuf;

use chrono::NaiveDate;
use lagebild_actors::{ActorKb, ActorKind};
use lagebild_doc::{Document, Lang, Span};

fn shared() -> Option<PathBuf> {
    let path = std::env::var("LAGEBILD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    path.is_dir().then_some(path)
}

/// The code root of a gold actor name, by knowledge of the CAMEO/Phoenix codes.
fn gold_root(actor: &str) -> &str {
    match actor {
        "NATO" => "IGOWSTNAT",
        "UN" => "IGOUNO",
        "EU" => "IGOEUREEC",
        other => other,
    }
}

#[test]
fn seed_persons_resolve_to_codes_valid_at_publication() {
    let Some(shared) = shared() else {
        eprintln!(
            "skipping seed_persons_resolve_to_codes_valid_at_publication: ../shared not found"
        );
        return;
    };
    let seed = shared.join("corpus/seed/000_1a96f7a8f7710a39");
    let text = std::fs::read_to_string(seed.with_extension("txt"))
        .unwrap_or_else(|error| panic!("{error}"));
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(seed.with_extension("gold.json"))
            .unwrap_or_else(|error| panic!("{error}")),
    )
    .unwrap_or_else(|error| panic!("{error}"));
    let date = gold["dct"]
        .as_str()
        .and_then(|dct| NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok());
    let doc = Document {
        text: text.clone(),
        lang: Lang::De,
        published: date,
        ..Document::default()
    };
    let analysis = lagebild_text::segment(
        &doc.text,
        Span::new(0, doc.text.len() as u32),
        Lang::De,
        None,
    );
    let mentions = ActorKb::embedded().annotate(&doc, &analysis, date);
    let persons = gold["persons"].as_array().cloned().unwrap_or_default();
    assert_eq!(persons.len(), 6);
    for person in persons {
        let name = person["name"].as_str().unwrap_or_default();
        let root = gold_root(person["actor"].as_str().unwrap_or_default());
        let found: Vec<_> = mentions
            .iter()
            .filter(|mention| mention.kind == ActorKind::Person && mention.name == name)
            .collect();
        assert!(!found.is_empty(), "{name} not found");
        for mention in found {
            assert!(
                mention.code.starts_with(root),
                "{name}: {} at {:?} does not start with {root}",
                mention.code,
                mention.span.slice(&text)
            );
        }
    }
}

#[test]
fn full_phoenix_dictionaries_load_and_code_by_date() {
    let Some(shared) = shared() else {
        eprintln!("skipping full_phoenix_dictionaries_load_and_code_by_date: ../shared not found");
        return;
    };
    let dir = shared.join("data/petrarch/petrarch2/dictionaries");
    let kb = ActorKb::builder()
        .builtin(false)
        .petrarch_actors(
            [
                "Phoenix.Countries.actors.txt",
                "Phoenix.International.actors.txt",
                "Phoenix.MilNonState.actors.txt",
            ]
            .map(|name| dir.join(name)),
        )
        .petrarch_agents(dir.join("Phoenix.agents.txt"))
        .build()
        .unwrap_or_else(|error| panic!("{error}"));
    assert!(kb.counts().persons > 10_000, "{:?}", kb.counts());
    assert!(
        kb.warnings()
            .iter()
            .all(|warning| warning.contains(".txt:")),
        "warnings name file:line"
    );
    let text = "Russian President Vladimir Putin met the Afghan army and NATO officials.";
    let doc = Document {
        text: text.to_string(),
        lang: Lang::En,
        ..Document::default()
    };
    let analysis = lagebild_text::segment(text, Span::new(0, text.len() as u32), Lang::En, None);
    let on = |year| kb.annotate(&doc, &analysis, NaiveDate::from_ymd_opt(year, 6, 1));
    let code_of = |mentions: &[lagebild_actors::ActorMention], surface: &str| {
        mentions
            .iter()
            .find(|mention| mention.span.slice(text).contains(surface))
            .map(|mention| mention.code.clone())
    };
    assert_eq!(code_of(&on(2013), "Putin").as_deref(), Some("RUSGOV"));
    assert_eq!(code_of(&on(2013), "army").as_deref(), Some("AFGMIL"));
    assert_eq!(code_of(&on(2013), "NATO").as_deref(), Some("IGOWSTNAT"));
    // Before 1999 Phoenix lists Putin as an elite (RUSELI).
    assert_eq!(code_of(&on(1995), "Putin").as_deref(), Some("RUSELI"));
}
