//! The `lagebild` command line.

use std::io::Write;

use anyhow::Context;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "lagebild", version, about = "Explainable political event data from German and English news")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse documents and print one JSON object per document
    Code {
        /// Files, directories or `-` for stdin
        #[arg(required = true)]
        paths: Vec<String>,
        #[arg(long)]
        published: Option<String>,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Code { paths, published } => {
            let pipeline = lagebild_pipeline::Pipeline::embedded();
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            for path in paths {
                let text = std::fs::read_to_string(&path).with_context(|| format!("{path}: cannot read"))?;
                let mut doc = lagebild_ingest::read_wire_text(&path, &text);
                doc.lang = lagebild_doc::Lang::De;
                doc.published = published.as_deref().and_then(|date| date.parse().ok());
                let analysis = pipeline.analyze(doc);
                writeln!(out, "{}", lagebild_pipeline::wire::to_json(&analysis))?;
            }
        }
    }
    Ok(())
}
