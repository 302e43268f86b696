//! Fuzzes the `text` input reader: no input may panic, and every document's spans fit its text.
#![no_main]

use lagebild_ingest::{InputFormat, ReadOptions, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions { format: InputFormat::Text, max_document_bytes: 1 << 20, ..ReadOptions::default() };
    for document in read_bytes("fuzz", data, &options).into_iter().flatten() {
        if let Some(span) = document.title_span {
            assert!(document.text.get(span.range()).is_some());
        }
        if let Some(byline) = &document.byline {
            assert!(document.text.get(byline.span.range()).is_some());
        }
    }
});
