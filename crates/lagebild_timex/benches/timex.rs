//! Throughput of [`lagebild_timex::annotate`] on a long German and English text.

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lagebild_doc::{Document, Lang, TextAnalysis};

const GERMAN: &str = "Die Minister trafen sich am Mittwoch in Brüssel und wollen sich am 20. Januar erneut treffen. \
Vor zwei Wochen hatte die Regierung gewarnt, dass der Konflikt innerhalb von 24 Stunden eskalieren könne. \
Seit drei Jahren tobt der Krieg; kürzlich gab es Gespräche, bald soll es weitere geben. \
Der Rat tagt jeden Montag, zu Wochenbeginn reiste der Kanzler nach Kiew. ";
const ENGLISH: &str = "The ministers met on Wednesday in Brussels and will meet again on January 20. \
Two weeks ago the government warned that the conflict could escalate within 24 hours. \
The war has raged for three years; talks were held recently and more will follow soon. \
The council meets every Monday, and last Tuesday the chancellor travelled to Kyiv. ";

fn bench(criterion: &mut Criterion) {
    let published = NaiveDate::from_ymd_opt(2024, 12, 4);
    for (name, lang, paragraph) in [("de", Lang::De, GERMAN), ("en", Lang::En, ENGLISH)] {
        let text = paragraph.repeat(200);
        let doc = Document {
            text,
            lang,
            ..Document::default()
        };
        let analysis = TextAnalysis::default();
        let mut group = criterion.benchmark_group("timex");
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_function(name, |bencher| {
            bencher.iter(|| lagebild_timex::annotate(&doc, &analysis, published))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
