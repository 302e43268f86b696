//! Store throughput on real German news: ingests the 1,028 articles of
//! `../shared/data/news/10kgnad/test.csv` (EVAL data, read in place) into a temporary
//! database twice, and reports documents/s, MB/s, duplicates and the stories found.
//! The analyses are empty (this crate does not run the pipeline): it measures the store.
//!
//!     cargo run --release -p lagebild_store --example ingest_news [-- PATH/test.csv]

use std::path::PathBuf;
use std::time::Instant;

use lagebild_doc::{Document, Lang};
use lagebild_store::{DocumentQuery, Store, StoredAnalysis, Versions};
use serde_json::json;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared = std::env::var_os("LAGEBILD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    let path = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| shared.join("data/news/10kgnad/test.csv"));
    if !path.exists() {
        eprintln!("skipping ingest_news: {} not found", path.display());
        return Ok(());
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(b';')
        .quote(b'\'')
        .from_path(&path)?;
    let mut batch = Vec::new();
    let mut bytes = 0usize;
    for (line, record) in reader.records().enumerate() {
        let record = record?;
        let (Some(section), Some(text)) = (record.get(0), record.get(1)) else {
            continue;
        };
        bytes += text.len();
        let id = format!("10kgnad-{}", line + 1);
        let title = text
            .split(['.', '?', '!'])
            .next()
            .map(|first| first.chars().take(120).collect::<String>());
        let doc = Document {
            id: id.clone(),
            text: text.to_string(),
            title: title.clone(),
            lang: Lang::De,
            lang_confidence: 1.0,
            source: Some("derStandard".into()),
            meta: [("section".to_string(), json!(section))]
                .into_iter()
                .collect(),
            origin: format!("{}:{}", path.display(), line + 1),
            ..Document::default()
        };
        let output = json!({"schema": "lagebild/1", "id": id, "title": title, "lang": "de", "published": null,
                            "text": text, "sentences": [], "actors": [], "events": [], "quotes": [],
                            "times": [], "places": [], "diagnostics": []});
        batch.push(StoredAnalysis {
            doc,
            output,
            versions: Versions::default(),
        });
    }
    let dir = std::env::temp_dir().join(format!("lagebild-ingest-news-{}", std::process::id()));
    let db = dir.join("news.db");
    let mut store = Store::open(&db)?;

    let start = Instant::now();
    let first = store.ingest(&batch)?;
    let seconds = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let second = store.ingest(&batch)?;
    let again = start.elapsed().as_secs_f64();
    let stats = store.stats()?;

    println!("| pass | documents | stored | duplicate | seconds | documents/s | MB/s |");
    println!("|---|---|---|---|---|---|---|");
    let mb = bytes as f64 / 1e6;
    for (name, summary, time) in [("first", &first, seconds), ("again", &second, again)] {
        println!(
            "| {name} | {} | {} | {} | {time:.3} | {:.0} | {:.1} |",
            batch.len(),
            summary.stored,
            summary.duplicate,
            batch.len() as f64 / time,
            mb / time
        );
    }
    println!();
    println!(
        "documents {} ({:.1} MB of text), stories {}, documents that joined a story {}",
        stats.documents, mb, stats.stories, first.joined_story
    );
    let database_size = std::fs::metadata(&db).map(|meta| meta.len()).unwrap_or(0)
        + std::fs::metadata(db.with_extension("db-wal"))
            .map(|meta| meta.len())
            .unwrap_or(0);
    println!("database size {:.1} MB", database_size as f64 / 1e6);
    let problems = store.verify()?;
    println!(
        "verify: {}",
        if problems.is_empty() {
            "ok".to_string()
        } else {
            problems.join("; ")
        }
    );

    // Show the multi-document stories for a look by eye.
    let documents = store.documents(&DocumentQuery::default())?;
    let mut shown = std::collections::BTreeSet::new();
    for row in documents.iter().filter(|row| row.story_size > 1) {
        if shown.insert(row.story_id) {
            println!("story {:?} ({} documents):", row.story_id, row.story_size);
            let members = store.documents(&DocumentQuery {
                story: row.story_id,
                ..DocumentQuery::default()
            })?;
            for member in members {
                println!("  {} {}", member.id, member.title.unwrap_or_default());
            }
        }
        if shown.len() >= 10 {
            break;
        }
    }
    drop(store);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
