//! End-to-end and per-stage throughput of the pipeline.
//!
//!     cargo bench -p lagebild_pipeline --bench pipeline
//!
//! Group `end_to_end`: `Pipeline::analyze` plus `wire::to_json` on a short and a long
//! article (several hundred sentences) per language; throughput is set in tokens, and
//! the sentence and token counts of every text are printed first, so the median time
//! gives documents/s (1 / median), sentences/s and tokens/s.
//! Group `stages`: each stage alone on the long articles' prepared inputs (segmentation,
//! tagging+parsing, actors, times, places, quotes, events), throughput in tokens.
//!
//! The texts are written for this benchmark; the long ones are built from sentence
//! templates filled in turn with names, places and numbers.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lagebild_doc::{Document, Lang, Span};
use lagebild_events::CodingInput;
use lagebild_pipeline::{Pipeline, wire};

const GERMAN_SHORT: &str = "Außenminister beraten in Wien über Waffenruhe\n\n\
Die Außenminister Frankreichs und Deutschlands haben am Dienstag in Wien über eine Waffenruhe im Sudan beraten. \
\"Wir brauchen jetzt eine Feuerpause, damit Hilfe die Menschen erreicht\", sagte die deutsche Außenministerin nach dem Treffen. \
Ihr französischer Kollege erklärte, Paris sei bereit, zusätzliche Mittel für humanitäre Hilfe bereitzustellen. \
Die Regierung in Khartum wies die Vorwürfe zurück, sie behindere die Lieferungen.\n\n\
Nach Angaben der Vereinten Nationen sind seit April mehr als acht Millionen Menschen geflohen. \
Ein Sprecher des Weltsicherheitsrats kündigte für Freitag eine weitere Sitzung an. \
Die Europäische Union drohte den Konfliktparteien mit neuen Sanktionen, falls die Kämpfe weitergehen sollten.\n\n\
K. Berger--BTZ\n";

const ENGLISH_SHORT: &str = "Ministers meet in Vienna to push for a ceasefire\n\n\
The foreign ministers of France and Germany met in Vienna on Tuesday to discuss a ceasefire in Sudan. \
\"We need a pause in the fighting now so that aid can reach people,\" the German foreign minister said after the meeting. \
Her French counterpart said Paris was ready to provide additional humanitarian funding. \
The government in Khartoum rejected accusations that it was blocking deliveries.\n\n\
According to the United Nations, more than eight million people have fled since April. \
A spokesman for the Security Council announced another session for Friday. \
The European Union threatened the warring parties with new sanctions if the fighting continued.\n\n\
K. Berger--BTZ\n";

const GERMAN_TEMPLATES: &[&str] = &[
    "Die Regierung in {C} hat {P} am {D} vorgeworfen, Waffen an Rebellen zu liefern.",
    "\"Wir werden das nicht hinnehmen\", sagte der Außenminister von {C} am {D} in {T}.",
    "{P} kündigte an, die Gespräche mit {C} in der kommenden Woche fortzusetzen.",
    "Nach Angaben der Polizei wurden bei Protesten in {T} {N} Menschen festgenommen.",
    "Der Präsident von {C} traf sich am {D} mit Vertretern der Vereinten Nationen.",
    "Die Opposition forderte den Rücktritt des Innenministers, der die Vorwürfe zurückwies.",
    "{C} und {P} unterzeichneten in {T} ein Abkommen über die Zusammenarbeit bei der Energie.",
    "Ein Sprecher der Armee sagte, man habe {N} Raketen abgefangen.",
    "Die Europäische Union drohte {C} mit neuen Sanktionen, falls die Angriffe weitergingen.",
    "Beobachter rechnen damit, dass die Verhandlungen bis zum {D} dauern könnten.",
    "Hilfsorganisationen warnten vor einer Hungersnot im Norden des Landes.",
    "Der Ministerpräsident betonte, {C} sei zu einem Kompromiss bereit.",
];

const ENGLISH_TEMPLATES: &[&str] = &[
    "The government of {C} accused {P} on {D} of supplying weapons to rebels.",
    "\"We will not accept this,\" the foreign minister of {C} said in {T} on {D}.",
    "{P} announced that talks with {C} would continue next week.",
    "Police said {N} people were arrested during protests in {T}.",
    "The president of {C} met representatives of the United Nations on {D}.",
    "The opposition demanded the resignation of the interior minister, who rejected the accusations.",
    "{C} and {P} signed an energy cooperation agreement in {T}.",
    "An army spokesman said {N} rockets had been intercepted.",
    "The European Union threatened {C} with new sanctions if the attacks continued.",
    "Observers expect the negotiations to last until {D}.",
    "Aid agencies warned of a famine in the north of the country.",
    "The prime minister stressed that {C} was ready for a compromise.",
];

const GERMAN_FILLS: [&[&str]; 4] = [
    &[
        "Frankreich",
        "Polen",
        "Japan",
        "Brasilien",
        "Kenia",
        "Kanada",
    ],
    &["Russland", "China", "Iran", "die Türkei", "Ägypten"],
    &["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
    &["Berlin", "Paris", "Nairobi", "Warschau", "Tokio", "Kairo"],
];

const ENGLISH_FILLS: [&[&str]; 4] = [
    &["France", "Poland", "Japan", "Brazil", "Kenya", "Canada"],
    &["Russia", "China", "Iran", "Turkey", "Egypt"],
    &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    &["Berlin", "Paris", "Nairobi", "Warsaw", "Tokyo", "Cairo"],
];

/// A long article: a title, then `sentences` filled templates in paragraphs of six.
fn long_article(title: &str, templates: &[&str], fills: [&[&str]; 4], sentences: usize) -> String {
    let mut text = format!("{title}\n\n");
    for index in 0..sentences {
        let template = templates[index % templates.len()];
        let pick = |list: &[&str], salt: usize| {
            list[(index * 7 + salt * 3 + index / templates.len()) % list.len()].to_string()
        };
        let sentence = template
            .replace("{C}", &pick(fills[0], 1))
            .replace("{P}", &pick(fills[1], 2))
            .replace("{D}", &pick(fills[2], 3))
            .replace("{T}", &pick(fills[3], 4))
            .replace("{N}", &(index % 90 + 3).to_string());
        text.push_str(&sentence);
        text.push(if index % 6 == 5 { '\n' } else { ' ' });
        if index % 6 == 5 {
            text.push('\n');
        }
    }
    text.push_str("\nK. Berger--BTZ\n");
    text
}

fn document(id: &str, text: String, lang: Lang) -> Document {
    let title_end = text.find('\n').unwrap_or(text.len());
    let byline_start = text.trim_end().rfind('\n').map_or(text.len(), |at| at + 1);
    Document {
        id: id.to_string(),
        title_span: Some(Span::from_range(0..title_end)),
        byline: Some(lagebild_doc::Byline {
            span: Span::from_range(byline_start..text.len()),
            author: Some("K. Berger".into()),
            agency: Some("BTZ".into()),
        }),
        published: "2025-03-05".parse().ok(),
        lang,
        lang_confidence: 1.0,
        text,
        ..Document::default()
    }
}

fn documents() -> Vec<(&'static str, Document)> {
    vec![
        (
            "de_short",
            document("de_short", GERMAN_SHORT.to_string(), Lang::De),
        ),
        (
            "de_long",
            document(
                "de_long",
                long_article("Lage im Überblick", GERMAN_TEMPLATES, GERMAN_FILLS, 480),
                Lang::De,
            ),
        ),
        (
            "en_short",
            document("en_short", ENGLISH_SHORT.to_string(), Lang::En),
        ),
        (
            "en_long",
            document(
                "en_long",
                long_article(
                    "The situation at a glance",
                    ENGLISH_TEMPLATES,
                    ENGLISH_FILLS,
                    480,
                ),
                Lang::En,
            ),
        ),
    ]
}

fn end_to_end(criterion: &mut Criterion) {
    let pipeline = Pipeline::embedded();
    let mut group = criterion.benchmark_group("end_to_end");
    group.sample_size(10);
    for (name, doc) in documents() {
        let analysis = pipeline.analyze(doc.clone());
        let (sentences, tokens) = (
            analysis.tokens.sentences.len(),
            analysis.tokens.tokens.len(),
        );
        eprintln!(
            "{name}: {} bytes, {sentences} sentences, {tokens} tokens, {} events, {} quotes, {} actors",
            doc.text.len(),
            analysis.events.len(),
            analysis.quotes.len(),
            analysis.actors.len()
        );
        group.throughput(Throughput::Elements(tokens as u64));
        group.bench_function(name, |bench| {
            bench.iter(|| {
                let analysis = pipeline.analyze(black_box(doc.clone()));
                black_box(wire::to_json(&analysis))
            })
        });
    }
    group.finish();
}

fn stages(criterion: &mut Criterion) {
    let pipeline = Pipeline::embedded();
    let mut group = criterion.benchmark_group("stages");
    group.sample_size(10);
    for (name, doc) in documents()
        .into_iter()
        .filter(|(name, _)| name.ends_with("long"))
    {
        let segmented =
            lagebild_text::segment(&doc.text, doc.body_span(), doc.lang, doc.title_span);
        let analysis = pipeline.analyze(doc.clone());
        group.throughput(Throughput::Elements(analysis.tokens.tokens.len() as u64));
        group.bench_function(format!("{name}/segmentation"), |bench| {
            bench.iter(|| {
                black_box(lagebild_text::segment(
                    &doc.text,
                    doc.body_span(),
                    doc.lang,
                    doc.title_span,
                ))
            })
        });
        group.bench_function(format!("{name}/tagging_parsing"), |bench| {
            bench.iter(|| {
                let mut tokens = segmented.clone();
                pipeline.language.annotate(&doc.text, doc.lang, &mut tokens);
                black_box(tokens)
            })
        });
        let tokens = &analysis.tokens;
        group.bench_function(format!("{name}/actors"), |bench| {
            bench.iter(|| black_box(pipeline.actors.annotate(&doc, tokens, doc.published)))
        });
        group.bench_function(format!("{name}/times"), |bench| {
            bench.iter(|| black_box(lagebild_timex::annotate(&doc, tokens, doc.published)))
        });
        group.bench_function(format!("{name}/places"), |bench| {
            bench.iter(|| black_box(pipeline.places.annotate(&doc, tokens)))
        });
        group.bench_function(format!("{name}/quotes"), |bench| {
            bench.iter(|| black_box(lagebild_quotes::annotate(&doc, tokens, &analysis.actors)))
        });
        group.bench_function(format!("{name}/events"), |bench| {
            bench.iter(|| {
                black_box(pipeline.events.code(&CodingInput {
                    doc: &doc,
                    analysis: tokens,
                    actors: &analysis.actors,
                    quotes: &analysis.quotes,
                    times: &analysis.times,
                    places: &analysis.places,
                }))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, end_to_end, stages);
criterion_main!(benches);
