//! Turns the command line's input arguments into a stream of documents.

use std::io::Read;
use std::path::Path;

use anyhow::Context;
use lagebild_doc::{Document, Lang};
use lagebild_ingest::{InputFormat, ReadOptions};

use crate::UsageError;
use crate::cli::{InputArgs, InputFormatArg, LangArg};

/// One input item: a document, or a one-line error naming file and position.
pub type Item = Result<Document, String>;

pub fn read_options(args: &InputArgs) -> anyhow::Result<ReadOptions> {
    let published = match &args.published {
        Some(value) => Some(
            chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
                .ok()
                .ok_or_else(|| {
                    UsageError(format!("--published: {value:?} is not a date (YYYY-MM-DD)"))
                })?,
        ),
        None => None,
    };
    Ok(ReadOptions {
        format: match args.input_format {
            InputFormatArg::Auto => InputFormat::Auto,
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
            InputFormatArg::Html => InputFormat::Html,
            InputFormatArg::Feed => InputFormat::Feed,
            InputFormatArg::PetrarchXml => InputFormat::PetrarchXml,
            InputFormatArg::Csv => InputFormat::Csv,
        },
        lang: args.lang.map(lang),
        published,
        ..ReadOptions::default()
    })
}

pub fn lang(arg: LangArg) -> Lang {
    match arg {
        LangArg::De => Lang::De,
        LangArg::En => Lang::En,
    }
}

/// Every document of every path, in order; errors are items too, so one bad input never
/// stops the others.
pub fn documents(args: &InputArgs) -> anyhow::Result<impl Iterator<Item = Item>> {
    let options = read_options(args)?;
    let paths = args.paths.clone();
    Ok(paths.into_iter().flat_map(move |path| {
        lagebild_ingest::read_path(Path::new(&path), &options)
            .map(|item| item.map_err(|error| error.to_string()))
    }))
}

/// Reads one file or stdin whole, for commands that take text rather than documents.
pub fn read_text(path: &str) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("<stdin>: cannot read")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("{path}: cannot read"))?;
    }
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned()))
}

/// The total size of the input files when every input is an uncompressed file or a
/// directory of them (for a progress bar); `None` for stdin or compressed input.
pub fn total_plain_bytes(paths: &[String]) -> Option<u64> {
    fn walk(path: &Path, total: &mut u64, depth: usize) -> Option<()> {
        let metadata = std::fs::metadata(path).ok()?;
        if metadata.is_dir() {
            if depth > 64 {
                return None;
            }
            for entry in std::fs::read_dir(path).ok()? {
                walk(&entry.ok()?.path(), total, depth + 1)?;
            }
        } else if path.extension().is_some_and(|extension| extension == "gz") {
            return None;
        } else {
            *total += metadata.len();
        }
        Some(())
    }
    let mut total = 0;
    for path in paths {
        if path == "-" {
            return None;
        }
        walk(Path::new(path), &mut total, 0)?;
    }
    Some(total)
}
