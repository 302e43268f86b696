//! Throughput of `ActorKb::annotate` on a long German text (own writing, repeated).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lagebild_actors::{ActorKb, NameMode, PersonTagger};
use lagebild_doc::{Document, Lang, TextAnalysis};

const PARAGRAPH: &str = "Bundeskanzler Olaf Scholz traf am Montag in Berlin den französischen Präsidenten Emmanuel Macron. \
Der Kanzler sagte, Deutschland stehe an der Seite der Ukraine. Nato-Generalsekretär Mark Rutte lobte die Zusage. \
Rutte warnte, die Führung in Pjöngjang liefere Munition an Moskau, sagte er. Der russische Präsident Wladimir Putin \
wies das zurück. Die Außenminister der 32 Nato-Länder berieten in Brüssel, US-Außenminister Antony Blinken nahm teil.\n";

fn bench(c: &mut Criterion) {
    let kb = ActorKb::embedded();
    let text = PARAGRAPH.repeat(200);
    let doc = Document {
        text,
        lang: Lang::De,
        ..Document::default()
    };
    let analysis = TextAnalysis::default();
    let date = chrono::NaiveDate::from_ymd_opt(2024, 12, 4);
    let mut group = c.benchmark_group("annotate");
    group.throughput(Throughput::Bytes(doc.text.len() as u64));
    group.bench_function("long_de_200_paragraphs", |b| {
        b.iter(|| kb.annotate(&doc, &analysis, date))
    });
    // The same without the person tagger, to show its cost.
    group.bench_function("long_de_200_paragraphs_rules_only", |b| {
        b.iter(|| kb.annotate_with(&doc, &analysis, date, None, NameMode::Rules))
    });
    group.finish();
    c.bench_function("load_person_tagger", |b| {
        b.iter(|| {
            PersonTagger::from_bytes(include_bytes!("../models/person_tagger.bin.gz")).is_ok()
        })
    });
    c.bench_function("build_embedded", |b| b.iter(|| ActorKb::builder().build()));
}

criterion_group!(benches, bench);
criterion_main!(benches);
