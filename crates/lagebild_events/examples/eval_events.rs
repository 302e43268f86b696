//! Runs the event-coding evaluations and prints their tables.
//!
//!     cargo run --release -p lagebild_events --example eval_events -- seed [GOLD_DIR]
//!     cargo run --release -p lagebild_events --example eval_events -- petrarch [UD_XML] [--verbose] [--verbs FILE]
//!     cargo run --release -p lagebild_events --example eval_events -- explain GOLD_FILE SENTENCE
//!
//! `seed` analyses the gold documents with a plain tokenizer (no lemmas, no parse: the
//! coder's word-order fallback) and the embedded actor, time, place and quote stages.
//! `petrarch` codes the PETRARCH-2 unit tests from their gold UD parses
//! (`udpetrarch/`), with the suite's actor and agent dictionaries `PETR.Validate.*`
//! (through lagebild_actors' PETRARCH reader) and the verb dictionary `CAMEO.2.0.txt`
//! (through this crate's reader; `--verbs PETR.Validate.verbs.txt` for the suite's own,
//! whose codes are mostly WEIS and do not match the expected CAMEO codes).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lagebild_actors::ActorKb;
use lagebild_doc::{Document, Sentence, Span, TextAnalysis, Token};
use lagebild_events::Coder;
use lagebild_events::eval::{self, Analysed};

fn shared() -> PathBuf {
    PathBuf::from(
        std::env::var("LAGEBILD_SHARED").unwrap_or_else(|_| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared").to_string()
        }),
    )
}

/// Words and punctuation as tokens, sentences ending at `.!?` before a capital or a
/// line break, and at every line break (the title line).
fn plain_analysis(doc: &Document) -> TextAnalysis {
    let body = doc.body_span();
    let text = body.slice(&doc.text);
    let mut analysis = TextAnalysis::default();
    let mut sentence_start: Option<usize> = None;
    let mut token_start = 0u32;
    let close = |analysis: &mut TextAnalysis, start: &mut Option<usize>, token_start: &mut u32| {
        if let (Some(first), Some(last)) = (*start, analysis.tokens.last())
            && analysis.tokens.len() as u32 > *token_start
        {
            analysis.sentences.push(Sentence {
                span: Span::from_range(first..last.span.end as usize),
                token_start: *token_start,
                token_end: analysis.tokens.len() as u32,
            });
            *token_start = analysis.tokens.len() as u32;
        }
        *start = None;
    };
    let characters: Vec<(usize, char)> = text.char_indices().collect();
    let mut index = 0;
    while index < characters.len() {
        let (offset, character) = characters[index];
        if character == '\n' {
            close(&mut analysis, &mut sentence_start, &mut token_start);
            index += 1;
            continue;
        }
        if character.is_whitespace() {
            index += 1;
            continue;
        }
        let mut end = index + 1;
        if character.is_alphanumeric() {
            while end < characters.len()
                && (characters[end].1.is_alphanumeric()
                    || (matches!(characters[end].1, '-' | '.' | '\'')
                        && end + 1 < characters.len()
                        && characters[end + 1].1.is_alphanumeric()
                        && characters[end].1 != '.'))
            {
                end += 1;
            }
        }
        let end_offset = characters.get(end).map_or(text.len(), |(at, _)| *at);
        let form = &text[offset..end_offset];
        sentence_start.get_or_insert(offset);
        analysis.tokens.push(Token {
            span: Span::from_range(offset..end_offset),
            lemma: form.to_string(),
            ..Token::default()
        });
        if matches!(character, '.' | '!' | '?') {
            let next = characters[end..]
                .iter()
                .find(|(_, next)| !next.is_whitespace() && !matches!(next, '"' | '“'));
            if next.is_none_or(|(_, next)| next.is_uppercase()) {
                close(&mut analysis, &mut sentence_start, &mut token_start);
            }
        }
        index = end;
    }
    close(&mut analysis, &mut sentence_start, &mut token_start);
    analysis
}

fn analyse_plain(doc: &Document) -> Analysed {
    let analysis = plain_analysis(doc);
    let actors = ActorKb::embedded().annotate(doc, &analysis, doc.published);
    let times = lagebild_timex::annotate(doc, &analysis, doc.published);
    let places = lagebild_geo::Gazetteer::embedded().annotate(doc, &analysis);
    let quotes = lagebild_quotes::annotate(doc, &analysis, &actors);
    Analysed {
        analysis,
        actors,
        quotes,
        times,
        places,
    }
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let result = match arguments.first().map(String::as_str) {
        Some("seed") => seed(arguments.get(1).map(PathBuf::from).unwrap_or_else(|| shared().join("corpus/seed"))),
        Some("petrarch") => petrarch(
            arguments.iter().enumerate().skip(1).find(|(at, argument)| !argument.starts_with("--") && arguments[at - 1] != "--verbs").map(|(_, argument)| PathBuf::from(argument)).unwrap_or_else(|| shared().join("data/petrarch/udpetrarch/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml")),
            arguments.iter().any(|argument| argument == "--verbose"),
            arguments.iter().position(|argument| argument == "--verbs").and_then(|at| arguments.get(at + 1)).cloned(),
        ),
        Some("explain") => explain(arguments.get(1).map(PathBuf::from), arguments.get(2).and_then(|index| index.parse().ok())),
        _ => Err("usage: eval seed [GOLD_DIR] | petrarch [UD_XML] [--verbose] [--verbs FILE] | explain GOLD_FILE [SENTENCE]".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn seed(dir: PathBuf) -> Result<(), String> {
    let documents = eval::load_gold_dir(&dir).map_err(|error| error.to_string())?;
    let coder = Coder::embedded();
    let report = eval::evaluate_gold(&coder, &documents, analyse_plain);
    println!("dictionaries: {:?}", coder.dictionary_sizes());
    println!(
        "gold evaluation of {} document(s) in {} (plain tokens, no parse)",
        documents.len(),
        dir.display()
    );
    print!("{report}");
    Ok(())
}

fn explain(path: Option<PathBuf>, sentence: Option<usize>) -> Result<(), String> {
    let path = path.ok_or("explain needs a gold file")?;
    let gold = eval::load_gold(&path).map_err(|error| error.to_string())?;
    let analysed = analyse_plain(&gold.doc);
    let coder = Coder::embedded();
    let input = lagebild_events::CodingInput {
        doc: &gold.doc,
        analysis: &analysed.analysis,
        actors: &analysed.actors,
        quotes: &analysed.quotes,
        times: &analysed.times,
        places: &analysed.places,
    };
    let sentences: Vec<usize> = match sentence {
        Some(index) => vec![index],
        None => (0..analysed.analysis.sentences.len()).collect(),
    };
    for index in sentences {
        println!("{}", coder.explain(&input, index));
    }
    Ok(())
}

fn petrarch(xml: PathBuf, verbose: bool, verbs: Option<String>) -> Result<(), String> {
    let dictionaries = shared().join("data/petrarch/petrarch2/dictionaries");
    let records = eval::read_petrarch_records(&xml).map_err(|error| error.to_string())?;
    let verbs = verbs
        .map(PathBuf::from)
        .unwrap_or_else(|| dictionaries.join("CAMEO.2.0.txt"));
    let coder = Coder::builder()
        .petrarch_verbs(&verbs)
        .build()
        .map_err(|error| error.to_string())?;
    let sizes = coder.dictionary_sizes();
    println!(
        "{}: {} entries, {} trigger lemmas",
        short(&verbs),
        sizes.english_entries,
        sizes.english_triggers
    );
    let kb = ActorKb::builder()
        .builtin(false)
        .petrarch_actors([dictionaries.join("PETR.Validate.actors.txt")])
        .petrarch_agents(dictionaries.join("PETR.Validate.agents.txt"))
        .build()
        .map_err(|error| error.to_string())?;
    let started = std::time::Instant::now();
    let mut report = eval::evaluate_petrarch(&coder, &records, |record, doc| {
        let analysis = if record.parse.contains('\t') {
            eval::analysis_from_conllu(&doc.text, record.parse.trim_start())
        } else {
            plain_analysis(doc)
        };
        let actors = kb.annotate(doc, &analysis, doc.published);
        Analysed {
            analysis,
            actors,
            ..Analysed::default()
        }
    });
    report.verbose = verbose;
    // `LAGEBILD_EXPLAIN=DEMO-18` prints the coder's explanation of that record.
    if let Ok(id) = std::env::var("LAGEBILD_EXPLAIN") {
        for record in records.iter().filter(|record| record.id == id) {
            let doc = eval::petrarch_document(record);
            let analysis = eval::analysis_from_conllu(&doc.text, record.parse.trim_start());
            let actors = kb.annotate(&doc, &analysis, doc.published);
            let input = lagebild_events::CodingInput {
                doc: &doc,
                analysis: &analysis,
                actors: &actors,
                quotes: &[],
                times: &[],
                places: &[],
            };
            for sentence in 0..analysis.sentences.len() {
                println!("{}", coder.explain(&input, sentence));
            }
        }
    }
    println!(
        "PETRARCH unit tests {} with verbs {} and PETR.Validate actors/agents ({} records, {:.2} s)",
        short(&xml),
        short(&verbs),
        records.len(),
        started.elapsed().as_secs_f64()
    );
    print!("{report}");
    Ok(())
}

fn short(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
