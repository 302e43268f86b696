//! JSONL input (one object per line, streamed) and JSON arrays of such objects.

use std::io::{BufRead, Read};

use lagebild_doc::{Document, Lang, Span};
use serde_json::{Map, Value};

use crate::decode::decode_slice;
use crate::error::{InputError, InputErrorKind};
use crate::source::{ByteCounter, read_error};
use crate::util::parse_date;
use crate::{Context, Draft};

/// Builds a draft from an input object: `text` is required; `id`, `title`, `published`
/// (date or RFC 3339), `lang`, `url`, `source` are read; everything else goes to `meta`.
/// A `published` value that is no date stays in `meta` and the document has none.
pub(crate) fn draft_from_object(mut object: Map<String, Value>) -> Result<Draft, String> {
    let text = match object.remove("text") {
        Some(Value::String(text)) => text,
        Some(_) => return Err("field \"text\" is not a string".to_string()),
        None => return Err("missing field \"text\"".to_string()),
    };
    if text.trim().is_empty() {
        return Err("field \"text\" is empty".to_string());
    }
    let id = match object.remove("id") {
        Some(Value::String(id)) => id.trim().to_string(),
        Some(Value::Number(number)) => number.to_string(),
        Some(other) => {
            object.insert("id".to_string(), other);
            String::new()
        }
        None => String::new(),
    };
    let title = take_string(&mut object, "title");
    let title_span = title
        .as_deref()
        .filter(|title| !title.is_empty() && text.starts_with(title))
        .map(|title| Span::from_range(0..title.len()));
    let published = match object.remove("published") {
        Some(Value::String(value)) => match parse_date(&value) {
            Some(date) => Some(date),
            None => {
                object.insert("published".to_string(), Value::String(value));
                None
            }
        },
        Some(Value::Null) | None => None,
        Some(other) => {
            object.insert("published".to_string(), other);
            None
        }
    };
    let lang = take_string(&mut object, "lang")
        .filter(|lang| !lang.trim().is_empty())
        .map(|lang| Lang::parse(&lang));
    let url = take_string(&mut object, "url");
    let source = take_string(&mut object, "source");
    let document = Document {
        id,
        text,
        title,
        title_span,
        published,
        url,
        source,
        meta: object,
        ..Document::default()
    };
    Ok(Draft { document, lang })
}

fn take_string(object: &mut Map<String, Value>, key: &str) -> Option<String> {
    match object.remove(key) {
        Some(Value::String(value)) => Some(value),
        Some(Value::Null) | None => None,
        Some(other) => {
            object.insert(key.to_string(), other);
            None
        }
    }
}

/// Parses one JSON text (a line) into a document.
fn parse_object(text: &str) -> Result<Draft, InputErrorKind> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(object)) => draft_from_object(object).map_err(InputErrorKind::Content),
        Ok(_) => Err(InputErrorKind::Json("expected an object".to_string())),
        Err(error) => Err(InputErrorKind::Json(error.to_string())),
    }
}

/// Streams JSONL: one line at a time, so memory is bounded by the longest line.
pub(crate) struct JsonlSource<'a> {
    reader: Box<dyn BufRead + Send + 'a>,
    context: Context,
    counter: ByteCounter,
    compressed: bool,
    line: u64,
    buffer: Vec<u8>,
    seen_object: bool,
    done: bool,
}

impl<'a> JsonlSource<'a> {
    pub(crate) fn new(
        reader: Box<dyn BufRead + Send + 'a>,
        context: Context,
        counter: ByteCounter,
        compressed: bool,
    ) -> Self {
        JsonlSource {
            reader,
            context,
            counter,
            compressed,
            line: 0,
            buffer: Vec::new(),
            seen_object: false,
            done: false,
        }
    }
}

impl Iterator for JsonlSource<'_> {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        let limit = self.context.options.max_document_bytes;
        loop {
            if self.done {
                return None;
            }
            self.buffer.clear();
            self.line += 1;
            let read = (&mut self.reader)
                .take(limit as u64 + 1)
                .read_until(b'\n', &mut self.buffer);
            match read {
                Err(error) => {
                    self.done = true;
                    return Some(Err(read_error(
                        &self.context.origin,
                        error,
                        self.compressed,
                        &self.counter,
                        Some(self.line),
                    )));
                }
                Ok(0) => {
                    self.done = true;
                    if !self.seen_object {
                        return Some(Err(InputError::new(
                            &self.context.origin,
                            None,
                            InputErrorKind::Content("no JSON lines".to_string()),
                        )));
                    }
                    return None;
                }
                Ok(_) => {}
            }
            if self.buffer.len() > limit && !self.buffer.ends_with(b"\n") {
                if let Err(error) = self.reader.skip_until(b'\n') {
                    self.done = true;
                    return Some(Err(read_error(
                        &self.context.origin,
                        error,
                        self.compressed,
                        &self.counter,
                        Some(self.line),
                    )));
                }
                return Some(Err(InputError::at_line(
                    &self.context.origin,
                    self.line,
                    InputErrorKind::TooLarge { limit },
                )));
            }
            let mut bytes = self.buffer.as_slice();
            if self.line == 1 {
                bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
            }
            let bytes = bytes.trim_ascii();
            if bytes.is_empty() {
                continue;
            }
            self.seen_object = true;
            let text = decode_slice(bytes, None);
            let origin = format!("{}:{}", self.context.origin, self.line);
            let result = parse_object(&text)
                .map(|mut draft| {
                    draft.document.origin = origin;
                    self.context.finish(draft, false)
                })
                .map_err(|kind| InputError::at_line(&self.context.origin, self.line, kind));
            return Some(result);
        }
    }
}

/// A whole JSON document: one object, or an array of objects.
pub(crate) fn read_json(text: &str, context: &Context) -> Vec<Result<Document, InputError>> {
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            return vec![Err(InputError::at_line(
                &context.origin,
                error.line() as u64,
                InputErrorKind::Json(error.to_string()),
            ))];
        }
    };
    let single = value.is_object();
    let items = match value {
        Value::Array(items) => items,
        object @ Value::Object(_) => vec![object],
        _ => {
            return vec![Err(InputError::new(
                &context.origin,
                None,
                InputErrorKind::Json("expected an object or an array of objects".to_string()),
            ))];
        }
    };
    if items.is_empty() {
        return vec![Err(InputError::new(
            &context.origin,
            None,
            InputErrorKind::Content("empty JSON array".to_string()),
        ))];
    }
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let label = format!("array item {}", index + 1);
            let Value::Object(object) = item else {
                return Err(InputError::new(
                    &context.origin,
                    None,
                    InputErrorKind::Json(format!("{label}: expected an object")),
                ));
            };
            let mut draft = draft_from_object(object).map_err(|message| {
                InputError::new(
                    &context.origin,
                    None,
                    InputErrorKind::Content(format!("{label}: {message}")),
                )
            })?;
            draft.document.origin = if single {
                context.origin.clone()
            } else {
                format!("{}[{}]", context.origin, index + 1)
            };
            Ok(context.finish(draft, single))
        })
        .collect()
}
