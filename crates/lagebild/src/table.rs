//! Human-readable rendering of analyses for terminals.

use std::fmt::Write;

use lagebild_pipeline::Analysis;

/// A compact multi-line summary of one analysed document.
pub fn document(analysis: &Analysis) -> String {
    let doc = &analysis.doc;
    let text = doc.text.as_str();
    let mut out = String::new();
    let published = doc
        .published
        .map(|date| date.to_string())
        .unwrap_or_else(|| "-".to_string());
    let _ = writeln!(
        out,
        "== {} [{}] {} ({})",
        doc.id,
        doc.lang.code(),
        published,
        doc.title.as_deref().unwrap_or("untitled")
    );
    let _ = writeln!(
        out,
        "   {} sentences, {} actors, {} events, {} quotes, {} times, {} places",
        analysis.tokens.sentences.len(),
        analysis.actors.len(),
        analysis.events.len(),
        analysis.quotes.len(),
        analysis.times.len(),
        analysis.places.len()
    );
    for event in &analysis.events {
        let target = event.target.as_ref().map_or("-".to_string(), |target| {
            format!("{} {}", target.code, target.name)
        });
        let modality: Vec<&str> = event
            .modality
            .iter()
            .map(|modality| modality_name(*modality))
            .collect();
        let _ = writeln!(
            out,
            "   event  s{:<3} {:<4} {:<12} {} {} -> {}  [{}] {:?}  {}",
            event.sentence,
            event.cameo,
            event.plover.as_deref().unwrap_or("-"),
            event.source.code,
            event.source.name,
            target,
            modality.join(","),
            event.trigger.slice(text),
            event.rule
        );
    }
    for quote in &analysis.quotes {
        let speaker = quote
            .speaker
            .as_ref()
            .map(|speaker| {
                speaker
                    .name
                    .clone()
                    .unwrap_or_else(|| speaker.span.slice(text).to_string())
            })
            .unwrap_or_else(|| "?".to_string());
        let _ = writeln!(
            out,
            "   quote  {:<8} {}: {}",
            format!("{:?}", quote.kind).to_lowercase(),
            speaker,
            shorten(quote.span.slice(text), 90)
        );
    }
    for actor in &analysis.actors {
        let _ = writeln!(
            out,
            "   actor  {:<12} {:<24} {:?}",
            actor.code,
            actor.name,
            actor.span.slice(text)
        );
    }
    for time in &analysis.times {
        let _ = writeln!(
            out,
            "   time   {:<12} {:?}",
            time.value.as_deref().unwrap_or("?"),
            time.span.slice(text)
        );
    }
    for place in &analysis.places {
        let _ = writeln!(
            out,
            "   place  {:<12} {} ({:.3}, {:.3}) {:?}",
            place.country.as_deref().unwrap_or("-"),
            place.name,
            place.lat,
            place.lon,
            place.span.slice(text)
        );
    }
    for diagnostic in &analysis.diagnostics {
        let _ = writeln!(
            out,
            "   note   {}: {}",
            diagnostic.stage, diagnostic.message
        );
    }
    out
}

pub fn modality_name(modality: lagebild_events::Modality) -> &'static str {
    use lagebild_events::Modality;
    match modality {
        Modality::Asserted => "asserted",
        Modality::Reported => "reported",
        Modality::Hypothetical => "hypothetical",
        Modality::Negated => "negated",
        Modality::Future => "future",
        Modality::Past => "past",
    }
}

fn shorten(text: &str, limit: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= limit {
        return flat;
    }
    let cut: String = flat.chars().take(limit).collect();
    format!("{cut}…")
}
