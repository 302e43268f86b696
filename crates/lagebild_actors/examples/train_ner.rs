//! Trains the person-name tagger on GermEval 2014 dev (CC BY 4.0) and writes
//! `person_tagger.bin.gz` (reading `names.tsv.gz`, made by `scripts/derive_names.py`, from
//! the same folder); optionally reports k-fold cross-validation first.
//!
//! cargo run --release -p lagebild_actors --example train_ner -- \
//!     --shared /work/shared --out crates/lagebild_actors/models/ [--cv 5] [--epochs 8]

use std::path::PathBuf;

use lagebild_actors::ner::{cross_validate, read_lexicon, train_tagger};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let mut out = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/models"));
    let mut folds = 0usize;
    let mut epochs = 15usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--shared" => shared = PathBuf::from(value()?),
            "--out" => out = PathBuf::from(value()?),
            "--cv" => folds = value()?.parse()?,
            "--epochs" => epochs = value()?.parse()?,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let data = shared.join("data/ner/germeval2014/NER-de-dev.tsv");
    let text =
        std::fs::read_to_string(&data).map_err(|error| format!("{}: {error}", data.display()))?;
    let lexicon = read_lexicon(&shared, &out.join("names.tsv.gz"))?;
    let kb = lagebild_actors::ActorKb::embedded();
    if folds > 1 {
        let started = std::time::Instant::now();
        let reports = cross_validate(&kb, &text, &lexicon, folds, epochs);
        print!("{}", lagebild_actors::ner::FoldTable(&reports));
        println!("({:.1} s)", started.elapsed().as_secs_f64());
    }
    let started = std::time::Instant::now();
    let tagger = train_tagger(&kb, &text, lexicon, epochs);
    let bytes = tagger.to_bytes()?;
    std::fs::create_dir_all(&out)?;
    let path = out.join("person_tagger.bin.gz");
    std::fs::write(&path, &bytes)?;
    println!(
        "wrote {} ({} bytes, {} lexicon words, trained in {:.1} s)",
        path.display(),
        bytes.len(),
        tagger.lexicon_len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
