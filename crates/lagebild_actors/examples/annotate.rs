//! Prints the actor mentions of a text file, one per line.
//!
//! cargo run -p lagebild_actors --example annotate -- FILE [YYYY-MM-DD]

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: annotate FILE [YYYY-MM-DD]")?;
    let date = args
        .next()
        .map(|date| chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d"))
        .transpose()?;
    let text = std::fs::read_to_string(&path)?;
    let doc = lagebild_doc::Document {
        text,
        ..lagebild_doc::Document::default()
    };
    let kb = lagebild_actors::ActorKb::embedded();
    for mention in kb.annotate(&doc, &lagebild_doc::TextAnalysis::default(), date) {
        let antecedent = mention
            .antecedent
            .map(|span| format!(" -> {:?}", span.slice(&doc.text)))
            .unwrap_or_default();
        println!(
            "{:>5}..{:<5} {:<28} {:<10} {:<8?} {:<24}{antecedent}  [{}]",
            mention.span.start,
            mention.span.end,
            mention.span.slice(&doc.text),
            mention.code,
            mention.kind,
            mention.name,
            mention.rule
        );
    }
    Ok(())
}
