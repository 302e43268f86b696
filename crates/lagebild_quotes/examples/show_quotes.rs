//! Prints the quotations of a German text read from standard input:
//! `echo '...' | cargo run -p lagebild_quotes --example show_quotes`.

use std::io::Read;

use lagebild_doc::{Document, Lang, TextAnalysis};

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let doc = Document {
        text,
        lang: Lang::De,
        ..Document::default()
    };
    for quote in lagebild_quotes::annotate(&doc, &TextAnalysis::default(), &[]) {
        let speaker = quote
            .speaker
            .as_ref()
            .map(|speaker| (speaker.span.slice(&doc.text), speaker.name.clone()));
        let cue = quote.cue.map(|cue| cue.slice(&doc.text));
        println!(
            "{:?} {:?} speaker={speaker:?} cue={cue:?}",
            quote.kind,
            quote.span.slice(&doc.text)
        );
    }
    Ok(())
}
