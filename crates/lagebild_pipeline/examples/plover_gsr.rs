//! English proxy for "news records coded with the Phoenix dictionaries": the CAMEO-manual
//! example sentences relabelled in PLOVER (`data/plover/PLOVER_GSR_CAMEO.txt`, EVAL) coded
//! from raw text with the full Phoenix dictionaries (CAMEO.2.0.txt verbs, Phoenix
//! country/international/non-state actors, Phoenix agents), scored on the PLOVER category
//! of the event and, where the record names them, the source and target roots.
//!
//!     cargo run --release -p lagebild_pipeline --example plover_gsr -- [GSR_FILE] [DICTIONARY_DIR] [--misses]
//!
//! Defaults: `../shared/data/plover/PLOVER_GSR_CAMEO.txt` and
//! `../shared/data/petrarch/petrarch2/dictionaries` (or `$LAGEBILD_SHARED`).
//! A record counts as found when some event of its text has the record's PLOVER category
//! (by the event's own PLOVER mapping or by its CAMEO root, see `root_category`);
//! "with source" also needs a source whose first three code letters are among the
//! record's source codes, "with both" the same for the target when the record has one.
//! Events of another category are counted as extra. `--misses` lists the records not
//! found, with what was coded.

use std::path::PathBuf;

use lagebild_doc::{Document, Lang};
use lagebild_pipeline::{DictionaryFiles, Pipeline};
use serde_json::Value;

fn shared() -> PathBuf {
    std::env::var_os("LAGEBILD_SHARED").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")),
        PathBuf::from,
    )
}

/// The three-letter roots of a record's `source` or `target` field.
fn roots(value: Option<&Value>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(list) = value.and_then(Value::as_array) {
        for actor in list {
            if let Some(code) = actor.get("code").and_then(Value::as_str) {
                out.push(code.chars().take(3).collect::<String>().to_uppercase());
            }
        }
    }
    out
}

/// The PLOVER categories of the GSR's relabelling (version 0.5) that a CAMEO root
/// stands for; an event counts when either this or its own PLOVER category matches.
fn root_category(cameo: &str) -> &'static str {
    match lagebild_events::cameo_root(cameo) {
        "01" | "02" => "",
        "03" => "AGREE",
        "04" => "CONSULT",
        "05" => "SUPPORT|AGREE",
        "06" => "COOPERATE",
        "07" => "AID",
        "08" => "CONCEDE|RETREAT",
        "09" => "INVESTIGATE",
        "10" => "DEMAND",
        "11" => "DISAPPROVE|ACCUSE",
        "12" => "REJECT",
        "13" => "THREATEN",
        "14" => "PROTEST",
        "15" => "MOBILIZE",
        "16" => "SANCTION",
        "17" => "COERCE",
        "18" | "20" => "ASSAULT",
        "19" => "FIGHT",
        _ => "",
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let misses = args.iter().any(|arg| arg == "--misses");
    let positional: Vec<&String> = args.iter().filter(|arg| !arg.starts_with("--")).collect();
    let gsr = positional.first().map_or_else(
        || shared().join("data/plover/PLOVER_GSR_CAMEO.txt"),
        PathBuf::from,
    );
    let dictionaries = positional.get(1).map_or_else(
        || shared().join("data/petrarch/petrarch2/dictionaries"),
        PathBuf::from,
    );
    let text = match std::fs::read_to_string(&gsr) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{}: {error}", gsr.display());
            std::process::exit(1);
        }
    };
    let records: Vec<Value> = match serde_json::from_str(&text) {
        Ok(Value::Array(records)) => records,
        _ => {
            eprintln!("{}: not a JSON array of records", gsr.display());
            std::process::exit(1);
        }
    };
    let files = DictionaryFiles {
        petrarch_verbs: Some(dictionaries.join("CAMEO.2.0.txt")),
        petrarch_actors: [
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
        ]
        .iter()
        .map(|name| dictionaries.join(name))
        .collect(),
        petrarch_agents: Some(dictionaries.join("Phoenix.agents.txt")),
        petrarch_discards: None,
    };
    let pipeline = match Pipeline::with_dictionaries(&files) {
        Ok(pipeline) => pipeline,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    };
    let (mut total, mut found, mut with_source, mut with_both, mut produced, mut extra) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut with_target_total, mut target_found) = (0usize, 0usize);
    for record in &records {
        let field = |name: &str| record.get(name).and_then(Value::as_str).unwrap_or("");
        let category = field("event").to_uppercase();
        let sentence = field("text");
        if sentence.is_empty() || category.is_empty() || category == "DOCUMENT" {
            continue;
        }
        total += 1;
        let sources = roots(record.get("source"));
        let targets = roots(record.get("target"));
        let doc = Document {
            id: field("id").to_string(),
            text: sentence.to_string(),
            lang: Lang::En,
            lang_confidence: 1.0,
            published: field("date").parse().ok(),
            ..Document::default()
        };
        let analysis = pipeline.analyze(doc);
        produced += analysis.events.len();
        let root = |code: &str| code.chars().take(3).collect::<String>();
        let same_category = |event: &&lagebild_events::Event| {
            event.plover.as_deref().map(str::to_uppercase).as_deref() == Some(category.as_str())
                || root_category(&event.cameo)
                    .split('|')
                    .any(|name| name == category)
        };
        let source_ok = |event: &&lagebild_events::Event| {
            sources.is_empty() || sources.contains(&root(&event.source.code))
        };
        let target_ok = |event: &&lagebild_events::Event| {
            targets.is_empty()
                || event
                    .target
                    .as_ref()
                    .is_some_and(|target| targets.contains(&root(&target.code)))
        };
        extra += analysis
            .events
            .iter()
            .filter(|event| !same_category(event))
            .count();
        let hit = analysis.events.iter().any(|event| same_category(&event));
        let hit_source = analysis
            .events
            .iter()
            .any(|event| same_category(&event) && source_ok(&event));
        let hit_both = analysis
            .events
            .iter()
            .any(|event| same_category(&event) && source_ok(&event) && target_ok(&event));
        found += usize::from(hit);
        with_source += usize::from(hit_source);
        with_both += usize::from(hit_both);
        if !targets.is_empty() {
            with_target_total += 1;
            target_found += usize::from(hit_both);
        }
        if misses && !hit_both {
            let coded: Vec<String> = analysis
                .events
                .iter()
                .map(|event| {
                    format!(
                        "{}->{} {} {} ({})",
                        event.source.code,
                        event
                            .target
                            .as_ref()
                            .map_or("-", |target| target.code.as_str()),
                        event.cameo,
                        event.plover.as_deref().unwrap_or("-"),
                        event.rule
                    )
                })
                .collect();
            println!(
                "{} {category} src {:?} tgt {:?}\n    text: {sentence}\n    coded: {}",
                field("id"),
                sources,
                targets,
                if coded.is_empty() {
                    "(nothing)".to_string()
                } else {
                    coded.join("; ")
                }
            );
        }
    }
    let percent = |part: usize, whole: usize| 100.0 * part as f64 / whole.max(1) as f64;
    println!(
        "PLOVER GSR (CAMEO manual examples) coded with Phoenix dictionaries: {}",
        gsr.display()
    );
    println!(
        "records  found  found%  with-source  with-source%  with-both  with-both%  produced  extra  extra/records%"
    );
    println!(
        "{total:>7}  {found:>5}  {:>6.1}  {with_source:>11}  {:>12.1}  {with_both:>9}  {:>10.1}  {produced:>8}  {extra:>5}  {:>14.1}",
        percent(found, total),
        percent(with_source, total),
        percent(with_both, total),
        percent(extra, total)
    );
    println!(
        "records with a target: {with_target_total}, found with source and target: {target_found} ({:.1}%)",
        percent(target_found, with_target_total)
    );
}
