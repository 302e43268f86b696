//! Property tests: no parser panics on arbitrary bytes, and the invariants hold.

use lagebild_ingest::{InputFormat, ReadOptions, detect_language, read_bytes};
use proptest::prelude::*;

const FORMATS: [InputFormat; 7] = [
    InputFormat::Auto,
    InputFormat::Text,
    InputFormat::Jsonl,
    InputFormat::Html,
    InputFormat::Feed,
    InputFormat::PetrarchXml,
    InputFormat::Csv,
];

/// Pieces of every format, so random inputs reach deep into the parsers.
const PIECES: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "<p>",
    "</p>",
    "<div class=\"teaser\">",
    "</div>",
    "<item>",
    "</item>",
    "<entry>",
    "<title>",
    "</title>",
    "<description>",
    "<![CDATA[",
    "]]>",
    "<rss>",
    "<feed>",
    "<Sentence id=\"a\" date=\"20200101\">",
    "</Sentence>",
    "<Text>",
    "</Text>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "&amp;",
    "&nbsp;",
    "&#x",
    ";",
    "'",
    "''",
    "\"",
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"text\":",
    "\"id\":",
    "\"title\":",
    "\"published\":",
    "\n",
    "\r\n",
    " ",
    "--",
    "ABC",
    "Köln",
    "Straße",
    "der",
    "the",
    "\u{feff}",
    "\u{fffd}",
    "\x00",
    "\u{1f600}",
    "2024-12-04",
    "<html>",
    "<body>",
    "<meta charset=\"iso-8859-1\">",
    "<time datetime=\"2020-01-01\">",
    "\t",
];

fn structured() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60)
        .prop_map(|pieces| pieces.concat().into_bytes())
}

fn check(bytes: &[u8]) {
    for format in FORMATS {
        let options = ReadOptions {
            format,
            ..ReadOptions::default()
        };
        for result in read_bytes("input", bytes, &options) {
            match result {
                Ok(document) => {
                    assert!(!document.id.is_empty());
                    if let Some(span) = document.title_span {
                        assert!(
                            document.text.get(span.range()).is_some(),
                            "title span off char boundaries"
                        );
                    }
                    if let Some(byline) = &document.byline {
                        assert!(document.text.get(byline.span.range()).is_some());
                    }
                }
                Err(error) => assert!(!error.to_string().contains('\n')),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check(&bytes);
    }

    #[test]
    fn structured_inputs(bytes in structured()) {
        check(&bytes);
    }

    #[test]
    fn gzip_of_structured_inputs(bytes in structured(), cut in 0usize..200) {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(&bytes).expect("compress");
        let compressed = encoder.finish().expect("compress");
        let cut = compressed.len().saturating_sub(cut);
        check(&compressed[..cut]);
    }

    #[test]
    fn language_identification(text in "\\PC{0,300}") {
        let guess = detect_language(&text);
        prop_assert!((0.0..=0.99).contains(&guess.confidence));
    }
}
