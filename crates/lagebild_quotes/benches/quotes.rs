//! Throughput of [`lagebild_quotes::annotate`] on a long German and English text.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lagebild_doc::{Document, Lang, TextAnalysis};

const GERMAN: &str = "\"Wir werden die Ukraine weiter unterstützen\", sagte die Ministerin am Montag in Berlin. \
Der Kanzler warnte, die Lage sei ernst. Laut Diplomaten ist ein Treffen geplant. \
Die Opposition nannte den Plan \"unverantwortlich\". Das Land verstoße gegen Regeln, erklärte ein Sprecher.\n";
const ENGLISH: &str = "\"We will keep supporting Ukraine,\" the minister said on Monday in Berlin. \
The chancellor warned that the situation was serious. According to diplomats, a meeting is planned. \
The opposition called the plan \"irresponsible\". The country broke the rules, a spokesman said.\n";

fn bench(criterion: &mut Criterion) {
    for (name, lang, paragraph) in [("de", Lang::De, GERMAN), ("en", Lang::En, ENGLISH)] {
        let text = paragraph.repeat(200);
        let doc = Document {
            text,
            lang,
            ..Document::default()
        };
        let analysis = TextAnalysis::default();
        let mut group = criterion.benchmark_group("quotes");
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_function(name, |bencher| {
            bencher.iter(|| lagebild_quotes::annotate(&doc, &analysis, &[]))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
