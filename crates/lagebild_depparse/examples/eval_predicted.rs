//! Evaluates the embedded parsers on tags predicted by `lagebild_nlp` (gold tokenization).
//!
//! `cargo run --release -p lagebild_depparse --example eval_predicted -- [--shared DIR] [--lang de|en] [--model FILE]`
//!
//! `--model FILE` scores a model written by the `train` example instead of the embedded one.
//!
//! The tokens of each gold sentence are tagged by `lagebild_nlp::Analyzer` (lemma, UPOS,
//! XPOS, features), then parsed and scored against the gold tree. English: EWT dev, GUM
//! dev, PUD (the tagger was trained on EWT train + GUM train). German: GSD dev + PUD, on
//! which the embedded German tagger and parser were both trained, so the German figures
//! here are optimistic; the honest German figure is the cross-validation of `eval`.

use std::path::PathBuf;

use anyhow::{Context, bail};
use lagebild_depparse::{GoldSentence, Parser, evaluate_gold, read_conllu};
use lagebild_doc::{Lang, Sentence, Span, TextAnalysis};

fn main() -> anyhow::Result<()> {
    let mut shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let mut langs = vec![Lang::De, Lang::En];
    let mut model: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--shared" => shared = PathBuf::from(value()?),
            "--lang" => langs = vec![Lang::parse(&value()?)],
            "--model" => model = Some(PathBuf::from(value()?)),
            other => bail!("unknown argument {other}"),
        }
    }
    let analyzer = lagebild_nlp::Analyzer::embedded();
    for lang in langs {
        let parser = match &model {
            Some(path) => std::sync::Arc::new(Parser::from_bytes(
                &std::fs::read(path).with_context(|| format!("reading {}", path.display()))?,
            )?),
            None => Parser::embedded(lang).context("no embedded parser for that language")?,
        };
        let files: &[&str] = match lang {
            Lang::De => &["de_gsd-ud-dev.conllu", "de_pud-ud-test.conllu"],
            Lang::En => &[
                "en_ewt-ud-dev.conllu",
                "en_gum-ud-dev.conllu",
                "en_pud-ud-test.conllu",
            ],
            Lang::Other => bail!("no treebank for that language"),
        };
        for file in files {
            let sentences = read_conllu(&shared.join("data/ud").join(file))?;
            let mut gold: Vec<GoldSentence> = sentences
                .iter()
                .map(|sentence| GoldSentence::from_conllu(sentence, lang == Lang::De))
                .collect();
            let (mut tokens, mut upos_right, mut case_right) = (0usize, 0usize, 0usize);
            let mut confusions: std::collections::HashMap<String, usize> =
                std::collections::HashMap::new();
            for sentence in &mut gold {
                let mut analysis = TextAnalysis {
                    sentences: vec![Sentence {
                        span: Span::from_range(0..sentence.text.len()),
                        token_start: 0,
                        token_end: sentence.tokens.len() as u32,
                    }],
                    tokens: sentence
                        .tokens
                        .iter()
                        .map(|token| lagebild_doc::Token {
                            span: token.span,
                            ..Default::default()
                        })
                        .collect(),
                };
                analyzer.annotate(&sentence.text, lang, &mut analysis);
                for (token, predicted) in sentence.tokens.iter_mut().zip(analysis.tokens) {
                    tokens += 1;
                    upos_right += usize::from(token.upos == predicted.upos);
                    if token.xpos != predicted.xpos {
                        *confusions
                            .entry(format!("{}>{}", token.xpos, predicted.xpos))
                            .or_default() += 1;
                    }
                    case_right += usize::from(token.feats.case == predicted.feats.case);
                    token.lemma = predicted.lemma;
                    token.upos = predicted.upos;
                    token.xpos = predicted.xpos;
                    token.feats = predicted.feats;
                }
            }
            let mut confusions: Vec<(String, usize)> = confusions.into_iter().collect();
            confusions.sort_by_key(|entry| std::cmp::Reverse(entry.1));
            let top: Vec<String> = confusions
                .iter()
                .take(12)
                .map(|(pair, count)| format!("{pair} {count}"))
                .collect();
            println!("XPOS confusions gold>predicted: {}", top.join(", "));
            println!(
                "== {} on {file}, predicted tags (UPOS {:.2}%, case {:.2}%)\n{}",
                lang.code(),
                100.0 * upos_right as f64 / tokens.max(1) as f64,
                100.0 * case_right as f64 / tokens.max(1) as f64,
                evaluate_gold(&parser, &gold)
            );
        }
    }
    Ok(())
}
