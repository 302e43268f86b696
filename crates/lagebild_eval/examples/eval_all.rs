//! Runs the whole-pipeline evaluations and prints their tables (or JSON with `--json`).
//!
//!     cargo run --release -p lagebild_eval --example eval_all -- gold [PATH ...]
//!     cargo run --release -p lagebild_eval --example eval_all -- petrarch [RECORDS_XML] [--phoenix] [--verbose]
//!     cargo run --release -p lagebild_eval --example eval_all -- conllu de|en [CONLLU]
//!     cargo run --release -p lagebild_eval --example eval_all -- quotes [DIR] [--errors N]
//!
//! Defaults are the files under `$LAGEBILD_SHARED` (or `../shared`): the seed corpus,
//! the PETRARCH-2 unit tests with their `PETR.Validate.*` dictionaries (`--phoenix`: the
//! Phoenix actor, agent and discard dictionaries and `CAMEO.2.0.txt` verbs, as in
//! `PETR_config.ini`), German PUD, and the Wikinews dev split.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use lagebild_doc::Lang;
use lagebild_eval::shared_dir;
use lagebild_pipeline::DictionaryFiles;

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let json = arguments.iter().any(|argument| argument == "--json");
    let flag = |name: &str| arguments.iter().any(|argument| argument == name);
    let value_of = |name: &str| {
        arguments
            .iter()
            .position(|argument| argument == name)
            .and_then(|at| arguments.get(at + 1))
            .cloned()
    };
    let positional: Vec<&String> = {
        let mut out = Vec::new();
        let mut skip = false;
        for argument in arguments.iter().skip(1) {
            if skip {
                skip = false;
            } else if argument == "--errors" {
                skip = true;
            } else if !argument.starts_with("--") {
                out.push(argument);
            }
        }
        out
    };
    let started = Instant::now();
    let result: Result<(String, serde_json::Value), String> = match arguments.first().map(String::as_str) {
        Some("gold") => {
            let paths: Vec<PathBuf> = if positional.is_empty() { vec![shared_dir().join("corpus/seed")] } else { positional.iter().map(PathBuf::from).collect() };
            lagebild_eval::gold(&paths).map(|report| (report.to_string(), serde_json::to_value(&report).unwrap_or_default())).map_err(|error| error.to_string())
        }
        Some("petrarch") => {
            let xml = positional.first().map(PathBuf::from).unwrap_or_else(|| shared_dir().join("data/petrarch/petrarch2/PETR.UnitTest.records.xml"));
            let files = if flag("--phoenix") {
                let dir = xml.parent().unwrap_or(std::path::Path::new(".")).join("dictionaries");
                DictionaryFiles {
                    petrarch_verbs: Some(dir.join("CAMEO.2.0.txt")),
                    petrarch_actors: ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"].iter().map(|name| dir.join(name)).collect(),
                    petrarch_agents: Some(dir.join("Phoenix.agents.txt")),
                    petrarch_discards: Some(dir.join("Phoenix.discards.txt")),
                }
            } else {
                lagebild_eval::petrarch_validate_dictionaries(&xml)
            };
            lagebild_eval::petrarch(&xml, &files)
                .map(|mut report| {
                    report.verbose = flag("--verbose");
                    (report.to_string(), serde_json::to_value(&report).unwrap_or_default())
                })
                .map_err(|error| error.to_string())
        }
        Some("conllu") => {
            let lang = match positional.first().map(|lang| lang.as_str()) {
                Some("en") => Lang::En,
                _ => Lang::De,
            };
            let default = if lang == Lang::En { "data/ud/en_pud-ud-test.conllu" } else { "data/ud/de_pud-ud-test.conllu" };
            let path = positional.get(1).map(PathBuf::from).unwrap_or_else(|| shared_dir().join(default));
            lagebild_eval::conllu(lang, &path).map(|report| (report.to_string(), serde_json::to_value(&report).unwrap_or_default())).map_err(|error| error.to_string())
        }
        Some("quotes") => {
            let dir = positional.first().map(PathBuf::from).unwrap_or_else(|| shared_dir().join("data/quotes/wikinews-de/dev"));
            lagebild_eval::quotes(&dir)
                .map(|mut report| {
                    if let Some(count) = value_of("--errors").and_then(|count| count.parse().ok()) {
                        report.show_errors = count;
                    }
                    (report.to_string(), serde_json::to_value(&report).unwrap_or_default())
                })
                .map_err(|error| error.to_string())
        }
        _ => Err("usage: eval gold [PATH ...] | petrarch [XML] [--phoenix] [--verbose] | conllu de|en [CONLLU] | quotes [DIR] [--errors N]  [--json]".to_string()),
    };
    match result {
        Ok((table, value)) => {
            // Write errors (a closed pipe) end the output quietly.
            let mut out = std::io::stdout().lock();
            let _ = if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&value).unwrap_or_default()
                )
            } else {
                write!(out, "{table}").and_then(|()| {
                    writeln!(
                        out,
                        "(evaluated in {:.1} s)",
                        started.elapsed().as_secs_f64()
                    )
                })
            };
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
