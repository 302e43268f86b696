//! CSV input. The 10kGNAD layout (`label;'text'`, `;` separated, `'` quoting, no header)
//! and ordinary CSV (`,` separated, `"` quoting). A first row naming a `text` column is a
//! header: its column names become the input fields (`id`, `title`, `published`, ...).
//! Without a header one column is the text; two or more are `label`, `text`, extra columns.

use std::io::BufRead;

use lagebild_doc::Document;
use serde_json::{Map, Value};

use crate::Context;
use crate::decode::decode_slice;
use crate::error::{InputError, InputErrorKind};
use crate::jsonl::draft_from_object;
use crate::source::{ByteCounter, read_error};

/// Delimiter and quote from the first line: `;` goes with `'` (10kGNAD), `,` and tab with `"`.
pub(crate) fn dialect(head: &[u8]) -> (u8, u8) {
    let first_line = head.split(|&byte| byte == b'\n').next().unwrap_or(head);
    let count = |wanted: u8| first_line.iter().filter(|&&byte| byte == wanted).count();
    let (semicolons, commas, tabs) = (count(b';'), count(b','), count(b'\t'));
    if tabs > semicolons && tabs > commas {
        (b'\t', b'"')
    } else if semicolons > 0
        && (semicolons >= commas || first_line.windows(2).any(|pair| pair == b";'"))
    {
        (b';', b'\'')
    } else {
        (b',', b'"')
    }
}

pub(crate) struct CsvSource<'a> {
    records: csv::ByteRecordsIntoIter<Box<dyn BufRead + Send + 'a>>,
    context: Context,
    counter: ByteCounter,
    compressed: bool,
    header: Option<Vec<String>>,
    first: bool,
    seen_row: bool,
    done: bool,
}

impl<'a> CsvSource<'a> {
    pub(crate) fn new(
        reader: Box<dyn BufRead + Send + 'a>,
        head: &[u8],
        context: Context,
        counter: ByteCounter,
        compressed: bool,
    ) -> Self {
        let (delimiter, quote) = dialect(head);
        let records = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .quote(quote)
            .has_headers(false)
            .flexible(true)
            .from_reader(reader)
            .into_byte_records();
        CsvSource {
            records,
            context,
            counter,
            compressed,
            header: None,
            first: true,
            seen_row: false,
            done: false,
        }
    }
}

impl Iterator for CsvSource<'_> {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let record = match self.records.next() {
                None => {
                    self.done = true;
                    if !self.seen_row {
                        return Some(Err(InputError::new(
                            &self.context.origin,
                            None,
                            InputErrorKind::Content("no CSV rows".to_string()),
                        )));
                    }
                    return None;
                }
                Some(Err(error)) => {
                    let line = error.position().map(|position| position.line());
                    if let csv::ErrorKind::Io(_) = error.kind() {
                        self.done = true;
                        let csv::ErrorKind::Io(io) = error.into_kind() else {
                            return None;
                        };
                        return Some(Err(read_error(
                            &self.context.origin,
                            io,
                            self.compressed,
                            &self.counter,
                            line,
                        )));
                    }
                    let position = line.map(crate::error::Position::Line);
                    return Some(Err(InputError::new(
                        &self.context.origin,
                        position,
                        InputErrorKind::Csv(error.to_string()),
                    )));
                }
                Some(Ok(record)) => record,
            };
            let line = record.position().map_or(0, |position| position.line());
            let fields: Vec<String> = record
                .iter()
                .map(|field| decode_slice(field, None))
                .collect();
            let first = std::mem::replace(&mut self.first, false);
            if first {
                let names: Vec<String> = fields
                    .iter()
                    .map(|field| field.trim().trim_start_matches('\u{feff}').to_lowercase())
                    .collect();
                if names.iter().any(|name| name == "text") {
                    self.header = Some(names);
                    continue;
                }
            }
            if fields.iter().all(|field| field.trim().is_empty()) {
                continue;
            }
            self.seen_row = true;
            let mut object = Map::new();
            match &self.header {
                Some(names) => {
                    for (index, field) in fields.into_iter().enumerate() {
                        let name = names
                            .get(index)
                            .filter(|name| !name.is_empty())
                            .cloned()
                            .unwrap_or_else(|| format!("column{}", index + 1));
                        object.insert(name, Value::String(field));
                    }
                }
                None if fields.len() == 1 => {
                    object.insert(
                        "text".to_string(),
                        Value::String(fields.into_iter().next().unwrap_or_default()),
                    );
                }
                None => {
                    for (index, field) in fields.into_iter().enumerate() {
                        let name = match index {
                            0 => "label".to_string(),
                            1 => "text".to_string(),
                            _ => format!("column{}", index + 1),
                        };
                        object.insert(name, Value::String(field));
                    }
                }
            }
            let origin = format!("{}:{line}", self.context.origin);
            let result = draft_from_object(object)
                .map(|mut draft| {
                    draft.document.origin = origin;
                    self.context.finish(draft, false)
                })
                .map_err(|message| {
                    InputError::at_line(
                        &self.context.origin,
                        line,
                        InputErrorKind::Content(message),
                    )
                });
            return Some(result);
        }
    }
}
