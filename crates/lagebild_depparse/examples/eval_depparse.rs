//! Evaluates the parser with gold tokenization and gold tags.
//!
//! `cargo run --release -p lagebild_depparse --example eval_depparse -- [--shared DIR] [--lang de|en] [--folds 5] [--file X.conllu]`
//!
//! German: k-fold cross-validation over UD German GSD dev + PUD pooled (each fold trains a
//! parser on the rest), reported on gold words and with contractions merged.
//! English: the embedded model (trained on EWT train + GUM train) on EWT dev, GUM dev
//! and PUD. `--tagged FILE` (German, written by the `jackknife` example) cross-validates
//! on jackknifed predicted tags, training on gold, predicted, or both, and reports the
//! mixed training on gold tags too. `--file` scores the embedded model of `--lang` on one
//! file. Training options for the cross-validation: `--epochs N`, `--beam W`,
//! `--explore P`, `--bits T,L`; `--quick` runs only the mixed training on predicted
//! tags; `--extra FILE` adds a further aligned training set (another jackknife);
//! `--predictions FILE` writes every held-out token of the mixed training on predicted
//! tags beside its gold analysis (tab-separated, columns in a header line) for error
//! analysis.

use std::path::PathBuf;

use anyhow::{Context, bail};
use lagebild_depparse::{
    PREDICTION_COLUMNS, Parser, TrainConfig, cross_validate, cross_validate_sets,
    cross_validate_sets_with_predictions, evaluate, read_conllu,
};
use lagebild_doc::Lang;

fn main() -> anyhow::Result<()> {
    let mut shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let mut langs = vec![Lang::De, Lang::En];
    let mut folds = 5;
    let mut file: Option<PathBuf> = None;
    let mut epochs = None;
    let mut tagged: Option<PathBuf> = None;
    let mut beam = None;
    let mut quick = false;
    let mut extra: Option<PathBuf> = None;
    let mut bits: Option<(u8, u8)> = None;
    let mut explore = None;
    let mut predictions: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--shared" => shared = PathBuf::from(value()?),
            "--lang" => langs = vec![Lang::parse(&value()?)],
            "--folds" => folds = value()?.parse()?,
            "--epochs" => epochs = Some(value()?.parse::<usize>()?),
            "--beam" => beam = Some(value()?.parse::<usize>()?),
            "--tagged" => tagged = Some(PathBuf::from(value()?)),
            "--quick" => quick = true,
            "--extra" => extra = Some(PathBuf::from(value()?)),
            "--bits" => {
                let text = value()?;
                let (transition, label) =
                    text.split_once(',').context("--bits TRANSITION,LABEL")?;
                bits = Some((transition.parse()?, label.parse()?));
            }
            "--explore" => explore = Some(value()?.parse::<f64>()?),
            "--file" => file = Some(PathBuf::from(value()?)),
            "--predictions" => predictions = Some(PathBuf::from(value()?)),
            other => bail!("unknown argument {other}"),
        }
    }
    let ud = shared.join("data/ud");
    for lang in langs {
        if let Some(file) = &file {
            let parser = Parser::embedded(lang).context("no embedded model for that language")?;
            let sentences = read_conllu(file)?;
            println!(
                "== {} embedded model on {}\n{}",
                lang.code(),
                file.display(),
                evaluate(&parser, &sentences, false)
            );
            continue;
        }
        match lang {
            Lang::De => {
                let mut sentences = read_conllu(&ud.join("de_gsd-ud-dev.conllu"))?;
                sentences.extend(read_conllu(&ud.join("de_pud-ud-test.conllu"))?);
                let mut config = TrainConfig::for_lang(lang);
                config.verbose = true;
                if let Some(epochs) = epochs {
                    config.epochs = epochs;
                }
                if let Some(beam) = beam {
                    config.beam = beam;
                }
                if let Some(explore) = explore {
                    config.explore = explore;
                }
                if let Some((transition, label)) = bits {
                    config.transition_bits = transition;
                    config.label_bits = label;
                }
                if let Some(tagged) = &tagged {
                    let predicted = read_conllu(tagged)?;
                    if predicted.len() != sentences.len() {
                        bail!(
                            "{} has {} sentences, expected {}",
                            tagged.display(),
                            predicted.len(),
                            sentences.len()
                        );
                    }
                    let extra = match &extra {
                        Some(path) => read_conllu(path)?,
                        None => Vec::new(),
                    };
                    for (name, mut sets) in [
                        ("gold tags", vec![&sentences[..]]),
                        ("predicted tags", vec![&predicted[..]]),
                        (
                            "gold + predicted tags",
                            vec![&sentences[..], &predicted[..]],
                        ),
                    ] {
                        if quick && name != "gold + predicted tags" {
                            continue;
                        }
                        if extra.len() == sentences.len() {
                            sets.push(&extra[..]);
                        }
                        let report = match &predictions {
                            Some(path) if name == "gold + predicted tags" => {
                                let (report, rows) = cross_validate_sets_with_predictions(
                                    lang, &sets, &predicted, &sentences, folds, &config,
                                );
                                std::fs::write(path, format!("# {PREDICTION_COLUMNS}\n{rows}"))
                                    .with_context(|| format!("writing {}", path.display()))?;
                                report
                            }
                            _ => cross_validate_sets(
                                lang, &sets, &predicted, &sentences, folds, &config,
                            ),
                        };
                        println!(
                            "== de {folds}-fold cross-validation, trained on {name}, tested on predicted tags\n{report}"
                        );
                    }
                    if quick {
                        continue;
                    }
                    let report = cross_validate_sets(
                        lang,
                        &[&sentences[..], &predicted[..]],
                        &sentences,
                        &sentences,
                        folds,
                        &config,
                    );
                    println!(
                        "== de {folds}-fold cross-validation, trained on gold + predicted tags, tested on gold tags\n{report}"
                    );
                    continue;
                }
                let (words, merged) = cross_validate(lang, &sentences, folds, &config);
                println!("== de {folds}-fold cross-validation, GSD dev + PUD, gold words\n{words}");
                println!("== de {folds}-fold cross-validation, contractions merged\n{merged}");
            }
            Lang::En => {
                let parser = Parser::embedded(lang)
                    .context("no embedded English model; run the train example")?;
                for file in [
                    "en_ewt-ud-dev.conllu",
                    "en_gum-ud-dev.conllu",
                    "en_pud-ud-test.conllu",
                ] {
                    let sentences = read_conllu(&ud.join(file))?;
                    println!(
                        "== en embedded model on {file}\n{}",
                        evaluate(&parser, &sentences, false)
                    );
                }
            }
            Lang::Other => bail!("no treebank for that language"),
        }
    }
    Ok(())
}
