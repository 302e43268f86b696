//! Segmentation throughput on a long German and a long English news text (our own
//! writing, repeated to about 1 MB each).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lagebild_doc::{Lang, Span};
use lagebild_text::Segmenter;

const GERMAN: &str = "Nato wirft Russland Hilfe für Nordkoreas Atomprogramm vor
Brüssel (dpa) - Die Nato hat Russland vorgeworfen, Nordkorea bei seinen Raketen- und Nuklearprogrammen zu unterstützen. „Das ist eine gefährliche Entwicklung“, sagte Nato-Generalsekretär Mark Rutte am Mittwoch in Brüssel. Russland liefere u. a. Technologie, im Gegenzug erhalte es Munition und Soldaten.
Am 20. Januar 2025 tritt der neue US-Präsident sein Amt an. Rund 2.500 Soldaten, d. h. etwa 24,5 Prozent der Truppe, sollen bis zum 3. März verlegt werden. Die Kosten liegen bei ca. 1,2 Mrd. Euro (Stand: 4. Dezember 2024).
Dr. Anna Beispiel vom Institut für Sicherheitspolitik (ISP) sagte: »Wir sehen bzw. erwarten eine neue Phase.« Mehr dazu unter https://www.example.org/nato-russland.html oder per E-Mail an redaktion@example.org.
Wie geht es weiter? Die Außenminister treffen sich am Donnerstag. Ob es eine Einigung gibt, ist offen ... Beobachter sind skeptisch!
";

const ENGLISH: &str = "NATO accuses Russia of helping North Korea's nuclear program
BRUSSELS (Reuters) — NATO accused Russia on Wednesday of supporting North Korea's missile and nuclear programs. \"This is a dangerous development,\" NATO Secretary General Mark Rutte told reporters in Brussels. Russia doesn't deny the deliveries, e.g. of technology, and it's getting ammunition in return.
The U.S. and the U.N. have called for sanctions. Mr. Rutte said about 2,500 troops, i.e. 24.5 percent of the force, would move by Jan. 20. The cost is estimated at $1,200.50 million, according to Acme Corp. officials.
Dr. Jane Example of the Institute for Security Policy (ISP) said: “We can't rule out a new phase.” More at https://www.example.org/nato-russia.html or press@example.org.
What comes next? Foreign ministers meet on Thursday. Whether they'll agree is open ... Observers are skeptical!
";

fn long(text: &str) -> String {
    text.repeat(1_000_000 / text.len() + 1)
}

fn bench(criterion: &mut Criterion) {
    let segmenter = Segmenter::new();
    let mut group = criterion.benchmark_group("segment");
    group.sample_size(20);
    for (name, lang, text) in [("german", Lang::De, long(GERMAN)), ("english", Lang::En, long(ENGLISH))] {
        let tokens = segmenter.segment(&text, Span::from_range(0..text.len()), lang, None).tokens.len();
        eprintln!("{name}: {} bytes, {tokens} tokens per iteration", text.len());
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |bencher| {
            bencher.iter(|| segmenter.segment(black_box(&text), Span::from_range(0..text.len()), lang, None))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
