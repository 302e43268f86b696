//! Trains the person-name tagger and writes `person_tagger.bin.gz` (reading
//! `names.tsv.gz`, made by `scripts/derive_names.py`, from the same folder); optionally
//! reports k-fold cross-validation on GermEval first.
//!
//! Training data: GermEval 2014 dev (CC BY 4.0) and, with `--europarl`, Europarl NER
//! train (Faruqui & Padó 2010, research use; for experiments only: it lowers the
//! cross-validated GermEval figure). With `--all-types` places, organisations and other
//! names are learned jointly with persons. The committed model is made by the defaults
//! (GermEval dev only, persons only, 15 epochs, one augmented copy, the weights of 5
//! taggers trained with different seeds averaged, a person bias of 8 chosen on the
//! cross-validation folds: it trades some precision for recall at the same F1):
//!
//! cargo run --release -p lagebild_actors --example train_ner -- \
//!     [--shared ../shared] [--out crates/lagebild_actors/models/] [--cv 5] [--cv-only] \
//!     [--epochs 15] [--augment 1] [--all-types] [--derived-as-other] [--europarl] \
//!     [--name-dropout PER_MILLE] [--person-bias B] [--ensemble 5]

use std::path::PathBuf;

use lagebild_actors::ner::{
    FoldTable, TrainConfig, TrainData, cross_validate_with, read_lexicon, train_tagger_with,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut shared = PathBuf::from(
        std::env::var("LAGEBILD_SHARED")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared").into()),
    );
    let mut out = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/models"));
    let mut folds = 0usize;
    let mut config = TrainConfig::default();
    let mut europarl = false;
    let mut write = true;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--shared" => shared = PathBuf::from(value()?),
            "--out" => out = PathBuf::from(value()?),
            "--cv" => folds = value()?.parse()?,
            "--epochs" => config.epochs = value()?.parse()?,
            "--augment" => config.augment = value()?.parse()?,
            "--name-dropout" => config.name_dropout = value()?.parse()?,
            "--ensemble" => config.ensemble = value()?.parse()?,
            "--person-bias" => config.person_bias = value()?.parse()?,
            "--all-types" => config.all_types = true,
            "--derived-as-other" => config.derived_as_other = true,
            "--europarl" => europarl = true,
            "--cv-only" => write = false,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let read = |path: PathBuf| {
        std::fs::read_to_string(&path).map_err(|error| format!("{}: {error}", path.display()))
    };
    let germeval = read(shared.join("data/ner/germeval2014/NER-de-dev.tsv"))?;
    let europarl = if europarl {
        Some(read(shared.join("data/ner/europarl/train.tsv"))?)
    } else {
        None
    };
    let data = TrainData {
        germeval: &germeval,
        europarl: europarl.as_deref(),
    };
    let lexicon = read_lexicon(&shared, &out.join("names.tsv.gz"))?;
    let kb = lagebild_actors::ActorKb::embedded();
    println!(
        "config: {config}; training data: GermEval dev{}",
        if europarl.is_some() {
            " + Europarl train"
        } else {
            ""
        }
    );
    if folds > 1 {
        let started = std::time::Instant::now();
        let reports = cross_validate_with(&kb, data, &lexicon, folds, &config);
        println!("{folds}-fold cross-validation on GermEval dev (held-out folds):");
        print!("{}", FoldTable(&reports));
        println!("({:.1} s)", started.elapsed().as_secs_f64());
    }
    if !write {
        return Ok(());
    }
    let started = std::time::Instant::now();
    let tagger = train_tagger_with(&kb, data, lexicon, &config);
    // Out of domain, held out (the default training data has no Europarl).
    for split in ["dev", "train"] {
        if europarl.is_some() && split == "train" {
            continue;
        }
        let Ok(bytes) = std::fs::read(shared.join(format!("data/ner/europarl/{split}.tsv"))) else {
            continue;
        };
        let converted =
            lagebild_actors::ner::europarl_as_germeval(&String::from_utf8_lossy(&bytes));
        println!("Europarl NER {split}, this tagger (held out):");
        print!(
            "{}",
            lagebild_actors::ner::evaluate_ner_text_with(
                &kb,
                &converted,
                Some(&tagger),
                lagebild_actors::NameMode::Tagger
            )
        );
    }
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
