//! Evaluation harness of the actor stage: persons of hand-annotated articles (default:
//! ../shared/corpus/seed) and person-name recognition on GermEval 2014 dev.
//!
//! cargo run --release -p lagebild_actors --example eval_actors [-- GOLD_DIR [GERMEVAL_TSV]]

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared =
        PathBuf::from(std::env::var("LAGEBILD_SHARED").unwrap_or_else(|_| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared").to_string()
        }));
    let mut args = std::env::args().skip(1);
    let gold_dir = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| shared.join("corpus/seed"));
    let germeval = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| shared.join("data/ner/germeval2014/NER-de-dev.tsv"));
    let kb = lagebild_actors::ActorKb::embedded();
    println!("actor KB {} {:?}", kb.version(), kb.counts());
    println!(
        "\nGold persons ({}), codes at the article date:",
        gold_dir.display()
    );
    print!(
        "{}",
        lagebild_actors::evaluate_gold_persons(&kb, &gold_dir)?
    );
    println!(
        "\nGermEval 2014 person names, exact spans ({}):",
        germeval.display()
    );
    let text = std::fs::read_to_string(&germeval)
        .map_err(|error| format!("{}: {error}", germeval.display()))?;
    println!("rules only:");
    print!(
        "{}",
        lagebild_actors::ner::evaluate_ner_text_with(
            &kb,
            &text,
            None,
            lagebild_actors::NameMode::Rules
        )
    );
    println!(
        "default (committed tagger, trained on this file: not held out; \
         cross-validated figures: --example eval_ner):"
    );
    print!("{}", lagebild_actors::evaluate_ner(&kb, &germeval)?);
    Ok(())
}
