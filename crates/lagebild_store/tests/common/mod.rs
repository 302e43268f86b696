//! Builders for synthetic analyses: documents and `lagebild/1` output objects written by
//! hand for the tests (no real articles).
#![allow(dead_code)]

use chrono::NaiveDate;
use lagebild_doc::{Document, Lang};
use lagebild_store::{StoredAnalysis, Versions};
use serde_json::{Value, json};

/// An event of the test outputs: source and target as (name, code, country).
#[derive(Clone, Debug)]
pub struct Ev {
    pub source: (&'static str, &'static str, &'static str),
    pub target: Option<(&'static str, &'static str, &'static str)>,
    pub cameo: &'static str,
    pub plover: &'static str,
    pub goldstein: f64,
    pub quad_class: u8,
    pub modality: &'static [&'static str],
    pub date: Option<&'static str>,
}

pub const RUSSIA: (&str, &str, &str) = ("Russia", "RUS", "RUS");
pub const NATO: (&str, &str, &str) = ("NATO", "IGOWSTNAT", "");
pub const NORTH_KOREA: (&str, &str, &str) = ("North Korea", "PRK", "PRK");
pub const GERMANY: (&str, &str, &str) = ("Germany", "DEU", "DEU");
pub const RUTTE: (&str, &str, &str) = ("Mark Rutte", "IGOWSTNAT", "");

pub fn ev(
    source: (&'static str, &'static str, &'static str),
    target: (&'static str, &'static str, &'static str),
    cameo: &'static str,
) -> Ev {
    let (plover, goldstein, quad_class) = match &cameo[..2] {
        "01" | "02" | "03" | "04" | "05" => ("CONSULT", 1.0, 1),
        "06" | "07" | "08" => ("AID", 7.0, 2),
        "10" | "11" | "12" | "13" => ("ACCUSE", -2.0, 3),
        _ => ("ASSAULT", -9.0, 4),
    };
    Ev {
        source,
        target: Some(target),
        cameo,
        plover,
        goldstein,
        quad_class,
        modality: &["asserted"],
        date: None,
    }
}

fn participant(text: &str, (name, code, country): (&str, &str, &str)) -> Value {
    let start = text.find(name).unwrap_or(0);
    json!({
        "start": start, "end": start + name.len(), "text": name, "name": name, "code": code,
        "country": if country.is_empty() { Value::Null } else { json!(country) },
    })
}

/// A stored analysis of `text` with the given events (spans point at the first word).
pub fn analysis(
    id: &str,
    title: &str,
    text: &str,
    published: Option<&str>,
    events: &[Ev],
) -> StoredAnalysis {
    let published_date =
        published.and_then(|value| NaiveDate::parse_from_str(value, "%Y-%m-%d").ok());
    let doc = Document {
        id: id.to_string(),
        text: text.to_string(),
        title: Some(title.to_string()),
        published: published_date,
        lang: Lang::De,
        lang_confidence: 0.9,
        url: Some(format!("https://example.invalid/{id}")),
        source: Some("Testblatt".to_string()),
        origin: format!("test:{id}"),
        ..Document::default()
    };
    let events: Vec<Value> = events
        .iter()
        .map(|event| {
            json!({
                "sentence": 0, "start": 0, "end": 4, "text": text.chars().take(4).collect::<String>(),
                "source": participant(text, event.source),
                "target": event.target.map(|target| participant(text, target)),
                "cameo": event.cameo, "plover": event.plover, "plover_mode": null,
                "goldstein": event.goldstein, "quad_class": event.quad_class,
                "modality": event.modality, "attributed_to": null,
                "date": event.date, "place": {"start": 0, "end": 4, "text": "Brüssel", "name": "Brussels", "country": "BEL", "lat": 50.85, "lon": 4.35},
                "cluster": 0, "rule": "de/verbs.txt:12",
            })
        })
        .collect();
    let output = json!({
        "schema": "lagebild/1", "id": id, "title": title, "lang": "de", "published": published,
        "text": text, "sentences": [{"start": 0, "end": text.chars().count()}],
        "actors": [
            {"start": 0, "end": 4, "text": "Nato", "name": "NATO", "code": "IGOWSTNAT", "country": null, "type": "organization"},
            {"start": 5, "end": 10, "text": "Rutte", "name": "Mark Rutte", "code": "IGOWSTNATLEG", "country": null, "type": "person"}
        ],
        "events": events,
        "quotes": [{"kind": "direct", "start": 1, "end": 9, "text": "Wir sind bereit",
                    "speaker": {"start": 5, "end": 10, "text": "Rutte", "name": "Mark Rutte", "code": "IGOWSTNATLEG"},
                    "cue": {"start": 11, "end": 16, "text": "sagte"}}],
        "times": [], "places": [], "diagnostics": [],
    });
    StoredAnalysis {
        doc,
        output,
        versions: Versions {
            lagebild: "0.1.0-test".to_string(),
            dictionaries: [("de/verbs.txt".to_string(), "v1".to_string())]
                .into_iter()
                .collect(),
        },
    }
}

/// A paragraph of invented wire-story prose, distinct for each `seed`.
pub fn prose(seed: usize, words: usize) -> String {
    const VOCABULARY: &[&str] = &[
        "Regierung",
        "Minister",
        "erklärte",
        "Gespräche",
        "Grenze",
        "Truppen",
        "Abkommen",
        "Sanktionen",
        "Hauptstadt",
        "Delegation",
        "forderte",
        "kritisierte",
        "Parlament",
        "Wahlen",
        "Hilfe",
        "Lieferungen",
        "Bündnis",
        "Gipfel",
        "Vertreter",
        "Außenamt",
        "Sprecher",
        "Waffenruhe",
        "Verhandlungen",
        "Opposition",
        "Behörden",
        "Angriff",
        "Provinz",
        "Flüchtlinge",
        "Botschafter",
        "Erklärung",
        "Treffen",
        "Vorwürfe",
    ];
    let mut state = (seed as u64)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .wrapping_add(17);
    let mut text = String::new();
    for index in 0..words {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        if index > 0 {
            text.push(' ');
        }
        text.push_str(VOCABULARY[(state % VOCABULARY.len() as u64) as usize]);
        if index % 11 == 10 {
            text.push('.');
        }
    }
    text
}

/// `count` synthetic analyses: every fifth a near-duplicate of the one before it.
pub fn corpus(count: usize) -> Vec<StoredAnalysis> {
    (0..count)
        .map(|index| {
            let base = if index % 5 == 4 { index - 1 } else { index };
            let mut text = prose(base, 120);
            if base != index {
                text.push_str(" Ergänzt um eine Zeile der zweiten Zeitung.");
            }
            let day = format!("2024-12-{:02}", 1 + base % 28);
            let events = [
                ev(NATO, RUSSIA, ["112", "042", "173", "0874"][base % 4]),
                ev(RUSSIA, NORTH_KOREA, "070"),
            ];
            let mut item = analysis(
                &format!("doc-{index}"),
                &format!("Meldung {index}"),
                &text,
                Some(&day),
                &events,
            );
            item.doc.title = Some(format!("Meldung {base}"));
            item
        })
        .collect()
}
