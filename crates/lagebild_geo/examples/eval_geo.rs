//! Evaluates place mentions against the seed gold:
//! `cargo run --release -p lagebild_geo --example eval_geo -- [SEED_DIR]`.

use std::path::PathBuf;

// The stage reads no token layer yet: it runs on the raw text with an empty analysis.
use lagebild_doc::TextAnalysis;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| lagebild_geo::eval::shared_dir().join("corpus/seed"));
    let started = std::time::Instant::now();
    let gazetteer = lagebild_geo::Gazetteer::try_embedded()?;
    eprintln!(
        "gazetteer: {} places, built in {:?}",
        gazetteer.len(),
        started.elapsed()
    );
    let report = lagebild_geo::eval::evaluate_seed(&gazetteer, &dir, &|_| TextAnalysis::default())?;
    println!("seed: {}", dir.display());
    print!("{report}");
    Ok(())
}
