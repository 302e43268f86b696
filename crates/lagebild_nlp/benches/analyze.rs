//! Whole analysis (segmentation, tagging, lemmas, parsing) per language, on fixed texts
//! written for this benchmark. Throughput is reported in tokens (as segmented).
//! `segment_and_tag` leaves the parser out, `analyze` is the whole analysis.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lagebild_doc::{Lang, Span};
use lagebild_nlp::Analyzer;

const GERMAN: &str = "Die Regierung in Berlin hat am Dienstag neue Hilfen für die Landwirte angekündigt. \
Der Minister sagte, man werde die Bauern nicht im Stich lassen, die Lage sei ernst. \
Kritiker werfen der Koalition vor, zu spät gehandelt zu haben. \
Nach Angaben des Verbandes könnten in diesem Jahr bis zu zehn Prozent der Betriebe aufgeben. \
Die Opposition forderte zum wiederholten Mal einen Untersuchungsausschuss im Bundestag. \
Bei einem Treffen mit Vertretern der Länder wurde vereinbart, dass die Mittel schneller fließen sollen. \
Ob das reicht, ist umstritten: Ökonomen verweisen auf die hohen Energiepreise und die schwache Nachfrage aus China. \
Der Kanzler habe zugesagt, sich persönlich um eine Lösung zu kümmern, hieß es aus Regierungskreisen.";

const ENGLISH: &str = "The government in London announced new support for farmers on Tuesday. \
The minister said the country would not abandon its farmers and that the situation was serious. \
Critics accuse the coalition of having acted too late. \
According to the association, up to ten percent of farms could close this year. \
The opposition once again called for a parliamentary inquiry into the matter. \
At a meeting with regional leaders it was agreed that funds should flow faster. \
Whether that is enough remains disputed: economists point to high energy prices and weak demand from China. \
The prime minister had promised to take care of a solution personally, officials said.";

fn taggers_only() -> Analyzer {
    let de = lagebild_nlp::Tagger::from_bytes(
        include_bytes!("../models/de.tagger.gz"),
        "de",
        lagebild_nlp::embedded_lexicon(Lang::De),
    );
    let en = lagebild_nlp::Tagger::from_bytes(
        include_bytes!("../models/en.tagger.gz"),
        "en",
        lagebild_nlp::embedded_lexicon(Lang::En),
    );
    Analyzer::new(de.ok(), en.ok()).without_parsers()
}

fn bench(criterion: &mut Criterion) {
    let analyzer = Analyzer::embedded();
    let tagger = taggers_only();
    for (name, lang, text) in [("de", Lang::De, GERMAN), ("en", Lang::En, ENGLISH)] {
        let text = text.repeat(8);
        let region = Span::new(0, text.len() as u32);
        let tokens = tagger.analyze(&text, region, lang, None).tokens.len() as u64;
        let mut group = criterion.benchmark_group("segment_and_tag");
        group.throughput(Throughput::Elements(tokens));
        group.bench_function(name, |bencher| {
            bencher.iter(|| tagger.analyze(&text, region, lang, None))
        });
        group.finish();
    }
    for (name, lang, text) in [("de", Lang::De, GERMAN), ("en", Lang::En, ENGLISH)] {
        let text = text.repeat(8);
        let region = Span::new(0, text.len() as u32);
        let tokens = analyzer.analyze(&text, region, lang, None).tokens.len() as u64;
        let mut group = criterion.benchmark_group("analyze");
        group.throughput(Throughput::Elements(tokens));
        group.bench_function(name, |bencher| {
            bencher.iter(|| analyzer.analyze(&text, region, lang, None))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
