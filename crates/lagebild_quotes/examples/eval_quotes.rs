//! Evaluates quotations against the German Wikinews quotation corpus (dev split) and
//! the seed gold:
//! `cargo run --release -p lagebild_quotes --example eval_quotes -- [--wikinews DIR] [--seed DIR] [--actors] [--no-reported] [--examples N]`.
//!
//! By default the stage runs on the raw text with an empty token analysis and no actor
//! mentions (the stage finds its own words, sentences and speaker phrases); `--actors`
//! adds the mentions of `lagebild_actors::ActorKb::embedded()` as it is today.

use std::path::PathBuf;

use lagebild_actors::ActorKb;
use lagebild_doc::TextAnalysis;
use lagebild_quotes::eval;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut wikinews = eval::shared_dir().join("data/quotes/wikinews-de/dev");
    let mut seed = eval::shared_dir().join("corpus/seed");
    let mut use_actors = false;
    let mut options = lagebild_quotes::QuoteOptions::default();
    let mut examples = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--wikinews" => {
                wikinews = PathBuf::from(args.next().ok_or("--wikinews needs a folder")?)
            }
            "--seed" => seed = PathBuf::from(args.next().ok_or("--seed needs a folder")?),
            "--actors" => use_actors = true,
            "--reported" => options.report_speech_acts = true,
            "--no-reported" => options.report_speech_acts = false,
            "--examples" => examples = args.next().ok_or("--examples needs a number")?.parse()?,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let kb = ActorKb::embedded();
    let run = |doc: &lagebild_doc::Document| {
        let analysis = TextAnalysis::default();
        let actors = if use_actors {
            kb.annotate(doc, &analysis, doc.published)
        } else {
            Vec::new()
        };
        (analysis, actors)
    };
    println!(
        "setting: empty token analysis, actor mentions: {}, reported speech acts: {}",
        if use_actors {
            "lagebild_actors (embedded)"
        } else {
            "none"
        },
        options.report_speech_acts
    );
    if wikinews.exists() {
        let documents = eval::load_wikinews(&wikinews)?;
        let started = std::time::Instant::now();
        let report = eval::evaluate_with(&documents, &run, &options, examples);
        println!(
            "\n## Wikinews: {} ({:?})",
            wikinews.display(),
            started.elapsed()
        );
        print!("{report}");
        println!("direct recall: {:.3}", report.recall_of("Direct"));
        for example in &report.examples {
            println!("  {example}");
        }
    } else {
        eprintln!("skipping Wikinews: {} not found", wikinews.display());
    }
    if seed.exists() {
        let documents = eval::load_seed(&seed)?;
        let report = eval::evaluate_with(&documents, &run, &options, 100);
        println!("\n## Seed: {}", seed.display());
        print!("{report}");
        for example in &report.examples {
            println!("  {example}");
        }
    }
    Ok(())
}
