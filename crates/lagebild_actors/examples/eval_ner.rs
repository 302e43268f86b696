//! Person-name recognition on GermEval 2014 dev (EVAL data in ../shared): the rule-based
//! figure, the default figure (with the committed tagger, which was trained on this very
//! file, so it is not a held-out figure), 5-fold cross-validation (held-out figures) and,
//! out of domain, Europarl NER dev/train (never trained on).
//!
//! cargo run --release -p lagebild_actors --example eval_ner [-- PATH] [--folds N]

use std::path::PathBuf;

use lagebild_actors::NameMode;
use lagebild_actors::ner::{FoldTable, cross_validate, evaluate_ner_text_with, read_lexicon};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared =
        PathBuf::from(std::env::var("LAGEBILD_SHARED").unwrap_or_else(|_| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared").to_string()
        }));
    let mut path = shared.join("data/ner/germeval2014/NER-de-dev.tsv");
    let mut folds = 5usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--folds" => folds = args.next().ok_or("--folds needs a value")?.parse()?,
            other => path = PathBuf::from(other),
        }
    }
    let text =
        std::fs::read_to_string(&path).map_err(|error| format!("{}: {error}", path.display()))?;
    let kb = lagebild_actors::ActorKb::embedded();
    println!(
        "GermEval 2014 person names, exact spans: {}",
        path.display()
    );
    let started = std::time::Instant::now();
    println!("\nrules only (no tagger):");
    print!(
        "{}",
        evaluate_ner_text_with(&kb, &text, None, NameMode::Rules)
    );
    let tagger = lagebild_actors::PersonTagger::embedded();
    println!(
        "\ndefault: rules in role contexts + committed tagger ({}; trained on GermEval dev, not held out):",
        if tagger.is_some() {
            "loaded"
        } else {
            "MISSING"
        }
    );
    print!(
        "{}",
        evaluate_ner_text_with(&kb, &text, tagger.as_deref(), NameMode::default())
    );
    println!("\nrules first, then the committed tagger:");
    print!(
        "{}",
        evaluate_ner_text_with(&kb, &text, tagger.as_deref(), NameMode::RulesThenTagger)
    );
    println!("({:.2} s for all three)", started.elapsed().as_secs_f64());
    // Out of domain and never trained on: Europarl NER (research use, EVAL only).
    for split in ["dev", "train"] {
        let europarl = shared.join(format!("data/ner/europarl/{split}.tsv"));
        let Ok(bytes) = std::fs::read(&europarl) else {
            continue;
        };
        let converted =
            lagebild_actors::ner::europarl_as_germeval(&String::from_utf8_lossy(&bytes));
        println!("\nEuroparl NER {split} (held out), rules | default tagger | rules then tagger:");
        for mode in [NameMode::Rules, NameMode::Tagger, NameMode::RulesThenTagger] {
            let tagger = if mode == NameMode::Rules {
                None
            } else {
                tagger.as_deref()
            };
            print!("{}", evaluate_ner_text_with(&kb, &converted, tagger, mode));
        }
    }
    if folds > 1 {
        let names = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/models/names.tsv.gz"));
        let lexicon = read_lexicon(&shared, &names)?;
        println!(
            "\n{folds}-fold cross-validation (sentence i in fold i mod {folds}; held-out figures):"
        );
        print!(
            "{}",
            FoldTable(&cross_validate(&kb, &text, &lexicon, folds, 15))
        );
    }
    Ok(())
}
