//! Person-name recognition on GermEval 2014 dev (EVAL data in ../shared).
//!
//! cargo run --release -p lagebild_actors --example eval_ner [-- PATH]

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared = std::env::var("LAGEBILD_SHARED")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared").to_string());
    let path = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(shared).join("data/ner/germeval2014/NER-de-dev.tsv"));
    let kb = lagebild_actors::ActorKb::embedded();
    let started = std::time::Instant::now();
    let text = std::fs::read_to_string(&path)?;
    let tagger = lagebild_actors::PersonTagger::embedded();
    let rules = lagebild_actors::ner::evaluate_ner_text_with(
        &kb,
        &text,
        None,
        lagebild_actors::NameMode::Rules,
    );
    println!("rules only:");
    print!("{rules}");
    let report = lagebild_actors::evaluate_ner(&kb, &path)?;
    println!(
        "default (tagger {}):",
        if tagger.is_some() {
            "loaded"
        } else {
            "missing"
        }
    );
    println!(
        "GermEval 2014 person names, exact spans: {}",
        path.display()
    );
    print!("{report}");
    println!("({:.2} s)", started.elapsed().as_secs_f64());
    Ok(())
}
