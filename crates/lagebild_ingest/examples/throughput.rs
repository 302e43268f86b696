//! Reading throughput: decoding, format parsing and language identification.
//!
//! `cargo run --release -p lagebild_ingest --example throughput -- PATH... [--runs N]`
//! reads every path N times (default 7) and prints the median documents/s and MB/s
//! (MB of input bytes on disk).

use std::path::PathBuf;
use std::time::Instant;

use lagebild_ingest::{ReadOptions, read_path};

fn input_bytes(path: &std::path::Path) -> u64 {
    if path.is_dir() {
        std::fs::read_dir(path)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|entry| input_bytes(&entry.path()))
                    .sum()
            })
            .unwrap_or(0)
    } else {
        std::fs::metadata(path)
            .map(|metadata| metadata.len())
            .unwrap_or(0)
    }
}

fn main() {
    let mut paths = Vec::new();
    let mut runs = 7usize;
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        if argument == "--runs" {
            runs = arguments
                .next()
                .and_then(|value| value.parse().ok())
                .unwrap_or(runs)
                .max(1);
        } else {
            paths.push(PathBuf::from(argument));
        }
    }
    if paths.is_empty() {
        eprintln!("usage: throughput PATH... [--runs N]");
        std::process::exit(2);
    }
    let bytes: u64 = paths.iter().map(|path| input_bytes(path)).sum();
    let options = ReadOptions::default();
    let mut seconds = Vec::new();
    let mut documents = 0usize;
    let mut errors = 0usize;
    for _ in 0..runs {
        let start = Instant::now();
        documents = 0;
        errors = 0;
        for path in &paths {
            for result in read_path(path, &options) {
                match result {
                    Ok(document) => {
                        documents += 1;
                        std::hint::black_box(&document);
                    }
                    Err(_) => errors += 1,
                }
            }
        }
        seconds.push(start.elapsed().as_secs_f64());
    }
    seconds.sort_by(f64::total_cmp);
    let median = seconds[seconds.len() / 2];
    println!(
        "inputs: {} path(s), {:.2} MB, {documents} documents, {errors} errors",
        paths.len(),
        bytes as f64 / 1e6
    );
    println!(
        "median of {runs} runs: {:.1} ms = {:.0} documents/s, {:.1} MB/s (min {:.1} ms, max {:.1} ms)",
        median * 1e3,
        documents as f64 / median,
        bytes as f64 / 1e6 / median,
        seconds[0] * 1e3,
        seconds[seconds.len() - 1] * 1e3
    );
}
