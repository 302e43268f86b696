//! Evaluates time expressions against the seed gold:
//! `cargo run --release -p lagebild_timex --example eval -- [SEED_DIR]`.

use std::path::PathBuf;

use lagebild_doc::Span;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| lagebild_timex::eval::shared_dir().join("corpus/seed"));
    let report = lagebild_timex::eval::evaluate_seed(&dir, &|doc| {
        lagebild_text::segment(
            &doc.text,
            doc.body_span(),
            doc.lang,
            doc.title_span.or(Some(Span::new(0, 0))),
        )
    })?;
    println!("seed: {}", dir.display());
    print!("{report}");
    Ok(())
}
