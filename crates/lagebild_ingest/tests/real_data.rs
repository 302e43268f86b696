//! Smoke tests on the real data in `../shared` (skipped when it is absent).

use std::path::PathBuf;

use chrono::NaiveDate;
use lagebild_doc::Lang;
use lagebild_ingest::{ReadOptions, read_path};

fn shared() -> Option<PathBuf> {
    let path = std::env::var_os("LAGEBILD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    path.is_dir().then_some(path)
}

#[test]
fn tenkgnad_csv_is_read_and_german() {
    let Some(shared) = shared() else {
        eprintln!("skipping tenkgnad_csv_is_read_and_german: ../shared not found");
        return;
    };
    let path = shared.join("data/news/10kgnad/test.csv");
    if !path.is_file() {
        eprintln!("skipping tenkgnad_csv_is_read_and_german: ../shared not found");
        return;
    }
    let mut documents = Vec::new();
    for result in read_path(&path, &ReadOptions::default()) {
        documents.push(result.unwrap_or_else(|error| panic!("{error}")));
    }
    assert_eq!(documents.len(), 1028);
    let german = documents
        .iter()
        .filter(|document| document.lang == Lang::De)
        .count();
    let not_german: Vec<(&str, f32)> = documents
        .iter()
        .filter(|document| document.lang != Lang::De)
        .map(|document| (document.origin.as_str(), document.lang_confidence))
        .collect();
    assert_eq!(german, 1028, "not German: {not_german:?}");
    assert!(
        documents
            .iter()
            .all(|document| document.meta.contains_key("label"))
    );
    assert!(
        documents
            .iter()
            .all(|document| !document.text.contains('\u{fffd}')),
        "no decoding damage"
    );
    let labels = documents
        .iter()
        .filter(|document| {
            document.meta.get("label").and_then(|label| label.as_str()) == Some("International")
        })
        .count();
    assert_eq!(labels, 151);
}

#[test]
fn petrarch_unit_test_records() {
    let Some(shared) = shared() else {
        eprintln!("skipping petrarch_unit_test_records: ../shared not found");
        return;
    };
    let path = shared.join("data/petrarch/petrarch2/PETR.UnitTest.records.xml");
    let results: Vec<_> = read_path(&path, &ReadOptions::default()).collect();
    let documents: Vec<_> = results
        .iter()
        .filter_map(|result| result.as_ref().ok())
        .collect();
    let errors: Vec<String> = results
        .iter()
        .filter_map(|result| result.as_ref().err())
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(documents.len(), 284);
    assert_eq!(documents[0].id, "DEMO-00");
    assert_eq!(documents[0].published, NaiveDate::from_ymd_opt(1995, 1, 1));
    assert!(documents[0].text.starts_with(
        "Arnor is about to restore full diplomatic ties with Gondor almost five years"
    ));
    let english = documents
        .iter()
        .filter(|document| document.lang == Lang::En)
        .count();
    assert!(
        english * 100 >= documents.len() * 95,
        "{english} of {} English",
        documents.len()
    );
}

#[test]
fn seed_story_with_its_sidecar() {
    let Some(shared) = shared() else {
        eprintln!("skipping seed_story_with_its_sidecar: ../shared not found");
        return;
    };
    let seed = shared.join("corpus/seed");
    let documents: Vec<_> = read_path(&seed, &ReadOptions::default())
        .collect::<Result<_, _>>()
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(documents.len(), 1, "sidecars are not documents");
    let document = &documents[0];
    let file = std::fs::read_dir(&seed)
        .expect("seed directory")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|extension| extension == "txt"))
        .expect("seed text");
    assert_eq!(
        document.text,
        std::fs::read_to_string(&file).expect("seed text")
    );
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(file.with_extension("meta.json")).expect("meta"),
    )
    .expect("meta json");
    assert_eq!(Some(document.id.as_str()), meta["id"].as_str());
    assert_eq!(
        document.published.map(|date| date.to_string()).as_deref(),
        meta["published"].as_str()
    );
    assert_eq!((document.lang, document.lang_confidence), (Lang::De, 1.0));
    let title_line = document.text.lines().next().expect("title line");
    assert_eq!(document.title.as_deref(), Some(title_line));
    let last_line = document.text.trim_end().lines().last().expect("last line");
    let byline = document.byline.as_ref().expect("byline");
    assert_eq!(byline.span.slice(&document.text), last_line);
    assert_eq!(byline.agency.as_deref(), meta["source"].as_str());
}
