//! Recall probe on unlabelled news: how many events the pipeline codes per 1,000
//! sentences, and which sentences name two or more actors next to a verb but get no
//! event (candidates for new dictionary entries or coder rules).
//!
//!     cargo run --release -p lagebild_pipeline --example recall_probe -- FILE.jsonl [--uncoded OUT.tsv] [--events OUT.tsv]
//!
//! Input: JSON lines with `text`, optional `id`, `published` (`YYYY-MM-DD`) and `lang`
//! (`de`/`en`, default `de`). Output on stdout: documents, sentences, events, events per
//! 1,000 sentences, and the 40 most frequent verb lemmas of uncoded sentences with two or
//! more distinct actor codes, with why their triggers did not fire. `--uncoded` writes those
//! sentences (id, sentence, codes, verb lemmas, failed triggers, text); `--events` writes every coded event (id, sentence, source,
//! target, CAMEO, rule, trigger, sentence text). Both outputs quote the analysed texts:
//! keep them outside the repository.

use std::collections::HashMap;
use std::io::{BufRead, Write};

use lagebild_doc::{Document, Lang, Upos};
use lagebild_pipeline::Pipeline;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(input) = args.first() else {
        eprintln!("usage: recall_probe FILE.jsonl [--uncoded OUT.tsv] [--events OUT.tsv]");
        std::process::exit(2);
    };
    let option = |name: &str| {
        args.iter()
            .position(|arg| arg == name)
            .and_then(|at| args.get(at + 1))
            .cloned()
    };
    let file = match std::fs::File::open(input) {
        Ok(file) => file,
        Err(error) => {
            eprintln!("{input}: {error}");
            std::process::exit(1);
        }
    };
    let mut uncoded_out = option("--uncoded").and_then(|path| std::fs::File::create(path).ok());
    let mut events_out = option("--events").and_then(|path| std::fs::File::create(path).ok());
    let pipeline = Pipeline::embedded();
    let (mut documents, mut sentences, mut events, mut candidates) =
        (0usize, 0usize, 0usize, 0usize);
    let mut verbs: HashMap<String, usize> = HashMap::new();
    let mut outcomes: HashMap<String, usize> = HashMap::new();
    for (number, line) in std::io::BufReader::new(file).lines().enumerate() {
        let Ok(line) = line else { break };
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&line) else {
            eprintln!("{input}:{}: not JSON", number + 1);
            continue;
        };
        let field = |name: &str| value.get(name).and_then(|v| v.as_str()).map(str::to_string);
        let Some(text) = field("text") else { continue };
        let id = field("id").unwrap_or_else(|| format!("line{}", number + 1));
        let doc = Document {
            id: id.clone(),
            text,
            lang: if field("lang").as_deref() == Some("en") {
                Lang::En
            } else {
                Lang::De
            },
            lang_confidence: 1.0,
            published: field("published").and_then(|date| date.parse().ok()),
            ..Document::default()
        };
        let analysis = pipeline.analyze(doc);
        documents += 1;
        sentences += analysis.tokens.sentences.len();
        events += analysis.events.len();
        for event in &analysis.events {
            if let Some(out) = events_out.as_mut() {
                let sentence = analysis
                    .tokens
                    .sentences
                    .get(event.sentence as usize)
                    .map_or("", |sentence| sentence.span.slice(&analysis.doc.text));
                let _ = writeln!(
                    out,
                    "{id}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    event.sentence,
                    event.source.code,
                    event
                        .target
                        .as_ref()
                        .map_or("-", |target| target.code.as_str()),
                    event.cameo,
                    event.rule,
                    event.trigger.slice(&analysis.doc.text),
                    sentence.replace(['\t', '\n'], " ")
                );
            }
        }
        for (index, sentence) in analysis.tokens.sentences.iter().enumerate() {
            if analysis
                .events
                .iter()
                .any(|event| event.sentence as usize == index)
            {
                continue;
            }
            let mut codes: Vec<&str> = analysis
                .actors
                .iter()
                .filter(|actor| sentence.span.contains(actor.span) && actor.code != "---")
                .map(|actor| actor.code.as_str())
                .collect();
            codes.sort_unstable();
            codes.dedup();
            if codes.len() < 2 {
                continue;
            }
            let lemmas: Vec<&str> = analysis
                .tokens
                .sentence_tokens(index)
                .iter()
                .filter(|token| token.upos == Upos::Verb)
                .map(|token| token.lemma.as_str())
                .collect();
            if lemmas.is_empty() {
                continue;
            }
            candidates += 1;
            for lemma in &lemmas {
                *verbs.entry(lemma.to_lowercase()).or_default() += 1;
            }
            // Why the dictionary entries tried there did not fire (the last attempt per trigger).
            let reasons: Vec<String> = pipeline
                .explain(&analysis, index)
                .map(|explanation| {
                    let mut reasons: Vec<String> = Vec::new();
                    for attempt in &explanation.attempts {
                        let line = format!("{}: {}", attempt.trigger, attempt.outcome);
                        match reasons.last_mut() {
                            Some(last) if last.starts_with(&format!("{}:", attempt.trigger)) => {
                                *last = line
                            }
                            _ => reasons.push(line),
                        }
                    }
                    reasons
                })
                .unwrap_or_default();
            for reason in &reasons {
                let kind = reason.split_once(": ").map_or("", |(_, outcome)| outcome);
                let kind: String = kind
                    .split(['(', '`'])
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_string();
                *outcomes.entry(kind).or_default() += 1;
            }
            if let Some(out) = uncoded_out.as_mut() {
                let _ = writeln!(
                    out,
                    "{id}\t{index}\t{}\t{}\t{}\t{}",
                    codes.join(","),
                    lemmas.join(","),
                    reasons.join(" | "),
                    sentence
                        .span
                        .slice(&analysis.doc.text)
                        .replace(['\t', '\n'], " ")
                );
            }
        }
    }
    println!(
        "documents {documents}  sentences {sentences}  events {events}  events/1000 sentences {:.2}  uncoded sentences with >= 2 actors and a verb {candidates}",
        1000.0 * events as f64 / sentences.max(1) as f64
    );
    let mut ranked: Vec<(String, usize)> = verbs.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let top: Vec<String> = ranked
        .iter()
        .take(40)
        .map(|(lemma, count)| format!("{lemma} {count}"))
        .collect();
    println!("verbs of uncoded candidate sentences: {}", top.join(", "));
    let mut ranked: Vec<(String, usize)> = outcomes.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let top: Vec<String> = ranked
        .iter()
        .take(12)
        .map(|(outcome, count)| format!("{outcome} {count}"))
        .collect();
    println!(
        "why the triggers of those sentences did not fire: {}",
        top.join(", ")
    );
}
