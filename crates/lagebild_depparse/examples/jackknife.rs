//! Writes the treebank sentences with tags predicted by `lagebild_nlp` taggers that did
//! not see them (k-fold jackknife), for training and evaluating the parser on the kind
//! of tags it gets at run time.
//!
//! `cargo run --release -p lagebild_depparse --features tagger --example jackknife -- --shared /work/shared --lang de --folds 5 --out /tmp/de.tagged.conllu`
//!
//! The output has one word per surface token (German contractions merged), the predicted
//! lemma, UPOS, XPOS and features, and the gold head and relation. German: GSD dev + PUD
//! in the order `eval` and `train` read them.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};
use lagebild_depparse::{GoldSentence, read_training_treebanks, write_conllu};
use lagebild_doc::{Lang, Sentence, Span, TextAnalysis, Token};
use lagebild_nlp::{Analyzer, Tagger, TrainConfig, corpus, embedded_lexicon};

fn main() -> anyhow::Result<()> {
    let mut shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let mut lang = Lang::De;
    let mut folds = 5usize;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--shared" => shared = PathBuf::from(value()?),
            "--lang" => lang = Lang::parse(&value()?),
            "--folds" => folds = value()?.parse()?,
            "--out" => out = Some(PathBuf::from(value()?)),
            other => bail!("unknown argument {other}"),
        }
    }
    let out = out.context("--out FILE is required")?;
    if lang == Lang::Other {
        bail!("no treebank for that language");
    }
    let sentences = read_training_treebanks(&shared, lang)?;
    let merge = lang == Lang::De;
    let mut tagged: Vec<GoldSentence> = sentences
        .iter()
        .map(|sentence| GoldSentence::from_conllu(sentence, merge))
        .collect();
    let lexicon = embedded_lexicon(lang);
    let folds = folds.max(2);
    for fold in 0..folds {
        let started = Instant::now();
        let start = sentences.len() * fold / folds;
        let end = sentences.len() * (fold + 1) / folds;
        let training: Vec<_> = sentences[..start]
            .iter()
            .chain(&sentences[end..])
            .map(|sentence| corpus::gold_tokens(sentence, lang))
            .collect();
        let tagger = Tagger::train(lang, &training, lexicon.clone(), TrainConfig::default());
        let analyzer = match lang {
            Lang::De => Analyzer::new(Some(tagger), None),
            _ => Analyzer::new(None, Some(tagger)),
        }
        .without_parsers();
        for sentence in &mut tagged[start..end] {
            let mut analysis = TextAnalysis {
                sentences: vec![Sentence {
                    span: Span::from_range(0..sentence.text.len()),
                    token_start: 0,
                    token_end: sentence.tokens.len() as u32,
                }],
                tokens: sentence
                    .tokens
                    .iter()
                    .map(|token| Token {
                        span: token.span,
                        ..Token::default()
                    })
                    .collect(),
            };
            analyzer.annotate(&sentence.text, lang, &mut analysis);
            for (token, predicted) in sentence.tokens.iter_mut().zip(analysis.tokens) {
                token.lemma = predicted.lemma;
                token.upos = predicted.upos;
                token.xpos = predicted.xpos;
                token.feats = predicted.feats;
            }
        }
        eprintln!(
            "fold {}: {:.1} s",
            fold + 1,
            started.elapsed().as_secs_f64()
        );
    }
    std::fs::write(&out, write_conllu(&tagged))
        .with_context(|| format!("writing {}", out.display()))?;
    Ok(())
}
