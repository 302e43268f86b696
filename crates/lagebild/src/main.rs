//! The `lagebild` command line: parses arguments, builds the pipeline once, and connects
//! inputs to the stages and the stages to the sinks (stdout, the store, the server).
//!
//! Exit status: 0 when every input was processed, 1 when some input failed (each failure
//! is one line on stderr naming the file and position), 2 for usage errors.

mod cli;
mod commands;
mod input;
mod table;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => commands::code(args),
        Command::Ingest(args) => commands::ingest(args),
        Command::Reprocess(args) => commands::reprocess(args),
        Command::Stats(args) => commands::stats(args),
        Command::Events(args) => commands::events(args),
        Command::Export(args) => commands::export(args),
        Command::Analyze(args) => commands::analyze(args),
        Command::Explain(args) => commands::explain(args),
        Command::Eval(command) => commands::eval(command),
        Command::Serve(args) => commands::serve(args),
    };
    match result {
        Ok(Outcome::Complete) => ExitCode::SUCCESS,
        Ok(Outcome::SomeInputFailed) => ExitCode::from(1),
        Err(error) => {
            if error.downcast_ref::<UsageError>().is_some() {
                eprintln!("lagebild: {error}");
                return ExitCode::from(2);
            }
            if is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            eprintln!("lagebild: {error:#}");
            ExitCode::from(1)
        }
    }
}

/// How a command ended when it did not fail as a whole.
pub enum Outcome {
    Complete,
    SomeInputFailed,
}

/// An error in how the command was called (exit status 2).
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
