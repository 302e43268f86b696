//! Ingest and export throughput on synthetic analyses (invented prose, two events,
//! two actors and one quote per document, every fifth document a near-duplicate).
//!
//!     cargo bench -p lagebild_store --bench ingest

#![allow(clippy::unwrap_used)]

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use lagebild_store::{EventQuery, ExportFormat, Store};

const DOCUMENTS: usize = 1000;

fn ingest(c: &mut Criterion) {
    let corpus = common::corpus(DOCUMENTS);
    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.throughput(Throughput::Elements(DOCUMENTS as u64));
    group.bench_function("file_db_1000_docs", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |dir| {
                let mut store = Store::open(dir.path().join("bench.db")).unwrap();
                let summary = store.ingest(&corpus).unwrap();
                assert_eq!(summary.stored as usize, DOCUMENTS);
                dir
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("file_db_1000_duplicates", |b| {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("bench.db")).unwrap();
        store.ingest(&corpus).unwrap();
        b.iter(|| assert_eq!(store.ingest(&corpus).unwrap().duplicate as usize, DOCUMENTS))
    });
    group.finish();
}

fn export(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("bench.db")).unwrap();
    store.ingest(&common::corpus(DOCUMENTS)).unwrap();
    let query = EventQuery::default();
    let events = store.count_events(&query).unwrap();
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.throughput(Throughput::Elements(events));
    for format in [
        ExportFormat::Jsonl,
        ExportFormat::Csv,
        ExportFormat::Parquet,
    ] {
        if cfg!(not(feature = "parquet")) && format == ExportFormat::Parquet {
            continue;
        }
        group.bench_function(format!("{format}_{events}_events"), |b| {
            b.iter(|| store.export(format, &query, std::io::sink()).unwrap())
        });
    }
    group.bench_function(format!("query_page_of_50_of_{events}"), |b| {
        let query = EventQuery {
            actor: Some("RUS".into()),
            limit: Some(50),
            ..EventQuery::default()
        };
        b.iter(|| store.events(&query).unwrap())
    });
    group.finish();
}

criterion_group!(benches, ingest, export);
criterion_main!(benches);
