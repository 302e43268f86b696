//! Prints the CoNLL-U analysis of stdin: `--lang de|en`, `--pretokenized` for one
//! sentence per line with space-separated tokens.
//!
//! ```text
//! echo "Die Nato wirft Russland Hilfe vor ." | cargo run --release -p lagebild_nlp --example tag -- --lang de --pretokenized
//! ```

use std::io::Read;

use lagebild_doc::Lang;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let lang = args
        .iter()
        .position(|arg| arg == "--lang")
        .and_then(|index| args.get(index + 1))
        .map_or(Lang::De, |code| Lang::parse(code));
    let pretokenized = args.iter().any(|arg| arg == "--pretokenized");
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;
    let analyzer = lagebild_nlp::Analyzer::embedded();
    for problem in analyzer.problems() {
        eprintln!("{problem}");
    }
    let output = if pretokenized {
        analyzer.analyze_conllu_pretokenized(&input, lang)
    } else {
        analyzer.analyze_conllu(&input, lang)
    };
    print!("{output}");
    Ok(())
}
