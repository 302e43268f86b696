//! Trains the embedded models from the UD treebanks in `../shared/data/ud`.
//!
//! `cargo run --release -p lagebild_depparse --example train_depparse -- --shared /work/shared --out crates/lagebild_depparse/models/ [--lang de|en] [--epochs N]`
//!
//! German: UD German GSD dev + PUD. English: UD English EWT train + GUM train.
//! Options: `--lang de|en` (one language), `--epochs N`, `--beam W` (beam width of the
//! globally trained transition model, stored in the model; 1 = greedy with a dynamic
//! oracle; default 4), `--bits T,L` (log2 rows of the
//! transition and label tables), `--tagged FILE` (add the same sentences with jackknifed
//! predicted tags, written by the `jackknife` example).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};
use lagebild_depparse::{
    GoldSentence, TrainConfig, read_conllu, read_training_treebanks, train, training_sentences,
};
use lagebild_doc::Lang;

fn main() -> anyhow::Result<()> {
    let mut shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let mut out = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/models"));
    let mut langs = vec![Lang::De, Lang::En];
    let mut epochs = None;
    let mut bits: Option<(u8, u8)> = None;
    let mut tagged: Option<PathBuf> = None;
    let mut beam = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--shared" => shared = PathBuf::from(value()?),
            "--out" => out = PathBuf::from(value()?),
            "--lang" => langs = vec![Lang::parse(&value()?)],
            "--epochs" => epochs = Some(value()?.parse::<usize>()?),
            "--beam" => beam = Some(value()?.parse::<usize>()?),
            "--tagged" => tagged = Some(PathBuf::from(value()?)),
            "--bits" => {
                let text = value()?;
                let (transition, label) =
                    text.split_once(',').context("--bits TRANSITION,LABEL")?;
                bits = Some((transition.parse()?, label.parse()?));
            }
            other => bail!("unknown argument {other}"),
        }
    }
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    for lang in langs {
        if lang == Lang::Other {
            bail!("no treebank for that language");
        }
        let sentences = read_training_treebanks(&shared, lang)?;
        let mut config = TrainConfig::for_lang(lang);
        config.verbose = true;
        if let Some(epochs) = epochs {
            config.epochs = epochs;
        }
        if let Some(beam) = beam {
            config.beam = beam;
        }
        if let Some((transition, label)) = bits {
            config.transition_bits = transition;
            config.label_bits = label;
        }
        let started = Instant::now();
        let mut training = training_sentences(lang, &sentences);
        if let Some(tagged) = &tagged {
            // Sentences with jackknifed predicted tags (the `jackknife` example), added to
            // the gold-tagged ones so the parser learns what tagger errors look like.
            let predicted = read_conllu(tagged)?;
            training.extend(
                predicted
                    .iter()
                    .map(|sentence| GoldSentence::from_conllu(sentence, false)),
            );
        }
        let parser = train(lang, &training, &config);
        let bytes = parser.to_bytes();
        let path = out.join(format!("{}.lbdp.gz", lang.code()));
        std::fs::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;
        eprintln!(
            "{}: {} sentences, {:.1} s, {} labels, {} bytes -> {}",
            lang.code(),
            sentences.len(),
            started.elapsed().as_secs_f64(),
            parser.labels().len(),
            bytes.len(),
            path.display()
        );
    }
    Ok(())
}
