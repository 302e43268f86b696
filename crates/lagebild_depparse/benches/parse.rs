//! Parsing throughput with gold tags: UD German PUD and UD English PUD from `../shared`.

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lagebild_depparse::{GoldSentence, Parser, read_conllu};
use lagebild_doc::Lang;

fn shared() -> PathBuf {
    std::env::var_os("LAGEBILD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")))
}

fn bench(criterion: &mut Criterion) {
    for (lang, file) in [
        (Lang::De, "de_pud-ud-test.conllu"),
        (Lang::En, "en_pud-ud-test.conllu"),
    ] {
        let path = shared().join("data/ud").join(file);
        let Ok(sentences) = read_conllu(&path) else {
            eprintln!("skipping parse bench: ../shared not found");
            return;
        };
        let Some(parser) = Parser::embedded(lang) else {
            eprintln!("skipping parse bench: no {} model", lang.code());
            continue;
        };
        let gold: Vec<GoldSentence> = sentences
            .iter()
            .map(|sentence| GoldSentence::from_conllu(sentence, lang == Lang::De))
            .collect();
        let tokens: usize = gold.iter().map(|sentence| sentence.tokens.len()).sum();
        let mut group = criterion.benchmark_group(format!("parse_{}", lang.code()));
        group.throughput(Throughput::Elements(tokens as u64));
        group.sample_size(20);
        let mut work: Vec<GoldSentence> = gold.clone();
        group.bench_function("pud", |bencher| {
            bencher.iter(|| {
                for sentence in &mut work {
                    parser.parse(&sentence.text, &mut sentence.tokens);
                }
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
