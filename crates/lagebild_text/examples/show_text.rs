//! Prints the segmentation of a text file: one sentence per line, tokens separated by `|`.
//!
//! `cargo run --release -p lagebild_text --example show_text -- FILE [de|en] [--title-line]`
//!
//! With `--title-line` the first line is passed as the title span; with `--offsets` each
//! line starts with the sentence's byte span.

use lagebild_doc::{Lang, Span};

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = arguments.first() else {
        eprintln!("usage: show FILE [de|en] [--title-line]");
        std::process::exit(2);
    };
    let lang = arguments.get(1).map_or(Lang::De, |code| Lang::parse(code));
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: {error}");
            std::process::exit(1);
        }
    };
    let title = arguments
        .iter()
        .any(|argument| argument == "--title-line")
        .then(|| Span::from_range(0..text.find('\n').unwrap_or(text.len())));
    let offsets = arguments.iter().any(|argument| argument == "--offsets");
    let analysis = lagebild_text::segment(&text, Span::from_range(0..text.len()), lang, title);
    for sentence in &analysis.sentences {
        let tokens: Vec<&str> =
            analysis.tokens[sentence.token_range()].iter().map(|token| token.span.slice(&text)).collect();
        if offsets {
            println!("{}\t{}\t{}", sentence.span.start, sentence.span.end, tokens.join("|"));
        } else {
            println!("{}", tokens.join("|"));
        }
    }
}
