//! Language identification accuracy on UD sentences.
//!
//! `cargo run --release -p lagebild_ingest --example eval_ingest` reads the German and English
//! UD files in `../shared/data/ud` (or `$LAGEBILD_SHARED/data/ud`); or pass
//! `LANG=FILE` pairs (`de=sentences.txt en=other.conllu`). `SHOW_MISTAKES=1` lists every
//! misidentified sentence.

use std::path::PathBuf;

use lagebild_doc::Lang;
use lagebild_ingest::eval::evaluate_language_id;

fn main() {
    let mut files: Vec<(PathBuf, Lang)> = std::env::args()
        .skip(1)
        .filter_map(|argument| {
            argument
                .split_once('=')
                .map(|(lang, path)| (PathBuf::from(path), Lang::parse(lang)))
        })
        .collect();
    if files.is_empty() {
        let shared = std::env::var_os("LAGEBILD_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"))
            });
        let ud = shared.join("data/ud");
        for (name, lang) in [
            ("de_gsd-ud-dev.conllu", Lang::De),
            ("de_pud-ud-test.conllu", Lang::De),
            ("en_ewt-ud-dev.conllu", Lang::En),
            ("en_pud-ud-test.conllu", Lang::En),
        ] {
            let path = ud.join(name);
            if path.is_file() {
                files.push((path, lang));
            }
        }
    }
    if files.is_empty() {
        eprintln!("no input: pass LANG=FILE pairs or provide ../shared/data/ud");
        std::process::exit(2);
    }
    match evaluate_language_id(&files) {
        Ok(report) => {
            print!("{report}");
            if std::env::var_os("SHOW_MISTAKES").is_some() {
                for (gold, predicted, text) in &report.mistakes {
                    println!("{} -> {}: {text}", gold.code(), predicted.code());
                }
            }
        }
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
