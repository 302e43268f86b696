//! Scores segmentation against UD treebanks.
//!
//! `cargo run --release -p lagebild_text --example eval_text -- [--errors] [FILE.conllu ...]`
//!
//! Without files it reads the German and English treebanks under `../shared/data/ud`
//! (or `$LAGEBILD_SHARED/data/ud`). The language of a file is taken from its name
//! (`de_`, `en_`). `--errors` also prints missed and invented sentence ends and the most
//! frequent token mismatches.

use std::path::PathBuf;

use lagebild_doc::Lang;
use lagebild_text::{SegmentationReport, evaluate};

const DEFAULT_FILES: &[&str] = &[
    "de_gsd-ud-dev.conllu",
    "de_pud-ud-test.conllu",
    "en_ewt-ud-dev.conllu",
    "en_gum-ud-dev.conllu",
    "en_pud-ud-test.conllu",
];

fn main() {
    let mut show_errors = false;
    let mut files: Vec<PathBuf> = Vec::new();
    for argument in std::env::args().skip(1) {
        if argument == "--errors" {
            show_errors = true;
        } else {
            files.push(PathBuf::from(argument));
        }
    }
    if files.is_empty() {
        let shared = std::env::var("LAGEBILD_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|_| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
        files = DEFAULT_FILES.iter().map(|name| shared.join("data/ud").join(name)).collect();
    }
    let mut rows = Vec::new();
    for path in &files {
        let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        let lang = if name.starts_with("de") {
            Lang::De
        } else if name.starts_with("en") {
            Lang::En
        } else {
            Lang::Other
        };
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("{}: {error}", path.display());
                continue;
            }
        };
        let started = std::time::Instant::now();
        let report = evaluate(&text, lang);
        let seconds = started.elapsed().as_secs_f64();
        for problem in &report.problems {
            eprintln!("{}: {problem}", path.display());
        }
        if show_errors {
            println!("== {name}: {:.1} MB/s including reading and scoring", report.bytes as f64 / seconds / 1e6);
            for error in &report.boundary_errors {
                println!("  {error}");
            }
            for error in &report.token_errors {
                println!("  token {error}");
            }
            println!("  missed tokens:   {}", format_counts(&report.missed_tokens));
            println!("  spurious tokens: {}", format_counts(&report.spurious_tokens));
        }
        let short = name.trim_end_matches(".conllu").replace("-ud", "").to_string();
        rows.push((short, report));
    }
    let table: Vec<(&str, &SegmentationReport)> = rows.iter().map(|(name, report)| (name.as_str(), report)).collect();
    print!("{}", SegmentationReport::table(&table));
}

fn format_counts(counts: &[(String, usize)]) -> String {
    counts.iter().map(|(form, count)| format!("{form:?}×{count}")).collect::<Vec<_>>().join(" ")
}
