//! Throughput of [`lagebild_geo::Gazetteer::annotate`] on a long German and English text.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lagebild_doc::{Document, Lang, TextAnalysis};

const GERMAN: &str = "Bundeskanzler Olaf Scholz warnte zu Wochenbeginn in Kiew vor einem Diktatfrieden. \
Die Außenminister trafen sich in Brüssel; Moskau verstoße gegen Sanktionen. Im Ostseeraum wurden Hubschrauber \
beschossen, die aus Deutschland kommen. Der Niederländer hatte Trump kürzlich in Florida getroffen. ";
const ENGLISH: &str = "Chancellor Olaf Scholz warned in Kyiv on Monday against a dictated peace. \
The foreign ministers met in Brussels; Moscow violated sanctions. In the Baltic Sea region helicopters \
from Germany were fired at. The Dutchman had recently met Trump in Florida. ";

fn bench(criterion: &mut Criterion) {
    let gazetteer = lagebild_geo::Gazetteer::embedded();
    for (name, lang, paragraph) in [("de", Lang::De, GERMAN), ("en", Lang::En, ENGLISH)] {
        let text = paragraph.repeat(200);
        let doc = Document {
            text,
            lang,
            ..Document::default()
        };
        let analysis = TextAnalysis::default();
        let mut group = criterion.benchmark_group("geo");
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_function(name, |bencher| {
            bencher.iter(|| gazetteer.annotate(&doc, &analysis))
        });
        group.finish();
    }
    criterion.bench_function("geo/build", |bencher| {
        bencher.iter(lagebild_geo::Gazetteer::try_embedded)
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
