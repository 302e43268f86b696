//! Prints what the reader makes of inputs: one JSON document per line on stdout, one
//! error per line on stderr.
//!
//! `cargo run -p lagebild_ingest --example dump -- [--format FORMAT] PATH...`

use std::io::Write;
use std::path::Path;

use lagebild_ingest::{ReadOptions, read_path};

fn main() {
    let mut options = ReadOptions::default();
    let mut paths = Vec::new();
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        if argument == "--format" {
            match arguments.next().map(|value| value.parse()) {
                Some(Ok(format)) => options.format = format,
                Some(Err(message)) => {
                    eprintln!("{message}");
                    std::process::exit(2);
                }
                None => {
                    eprintln!("--format needs a value");
                    std::process::exit(2);
                }
            }
        } else {
            paths.push(argument);
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    for path in &paths {
        for result in read_path(Path::new(path), &options) {
            match result {
                Ok(document) => {
                    let line = serde_json::to_string(&document)
                        .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"));
                    if writeln!(out, "{line}").is_err() {
                        return;
                    }
                }
                Err(error) => {
                    failed = true;
                    eprintln!("{error}");
                }
            }
        }
    }
    if failed {
        std::process::exit(1);
    }
}
