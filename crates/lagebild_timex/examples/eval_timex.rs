//! Evaluates time expressions against the seed gold:
//! `cargo run --release -p lagebild_timex --example eval_timex -- [SEED_DIR]`.

use std::path::PathBuf;

// The stage reads no token layer yet: it runs on the raw text with an empty analysis.
use lagebild_doc::TextAnalysis;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| lagebild_timex::eval::shared_dir().join("corpus/seed"));
    let report = lagebild_timex::eval::evaluate_seed(&dir, &|_| TextAnalysis::default())?;
    println!("seed: {}", dir.display());
    print!("{report}");
    Ok(())
}
