//! PETRARCH XML records: `<Sentence date="YYYYMMDD" id="..."><Text>...</Text>...</Sentence>`,
//! bare or inside `<Sentences>` / `<Validation>` wrappers. `<Parse>` and codings are ignored.
//! Record text is whitespace-normalised (the records wrap lines at about 80 columns).

use lagebild_doc::Document;
use quick_xml::Reader;
use quick_xml::events::Event;

use crate::error::{InputError, InputErrorKind};
use crate::util::{LineIndex, collapse_whitespace, parse_date};
use crate::xml;
use crate::{Context, Draft};

struct Record {
    start: usize,
    id: Option<String>,
    date: Option<String>,
    attributes: serde_json::Map<String, serde_json::Value>,
    text: Option<String>,
}

/// Reads every record; a record without text gives an error naming its line.
pub(crate) fn read_records(text: &str, context: &Context) -> Vec<Result<Document, InputError>> {
    let lines = LineIndex::new(text);
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.check_comments = false;
    let mut results = Vec::new();
    let mut record: Option<Record> = None;
    let mut in_text: Option<String> = None;
    loop {
        let position = reader.buffer_position() as usize;
        let event = match xml::next_event(&mut reader, &context.origin) {
            Ok(event) => event,
            Err(error) => {
                results.push(Err(error));
                return results;
            }
        };
        match event {
            Event::Start(start) => {
                let name = xml::local_name(&start);
                if name == "sentence" {
                    let mut attributes = serde_json::Map::new();
                    for attribute in start.html_attributes().flatten() {
                        let key = String::from_utf8_lossy(attribute.key.as_ref()).into_owned();
                        if key != "id" && key != "date" {
                            let value = crate::util::decode_entities(&String::from_utf8_lossy(
                                &attribute.value,
                            ));
                            attributes.insert(key, serde_json::Value::String(value));
                        }
                    }
                    record = Some(Record {
                        start: position,
                        id: xml::attribute(&start, "id"),
                        date: xml::attribute(&start, "date"),
                        attributes,
                        text: None,
                    });
                } else if name == "text" && record.is_some() {
                    in_text = Some(String::new());
                }
            }
            Event::Text(text) => {
                if let Some(buffer) = in_text.as_mut() {
                    buffer.push_str(&xml::text(&text));
                }
            }
            Event::CData(cdata) => {
                if let Some(buffer) = in_text.as_mut() {
                    buffer.push_str(&xml::cdata(&cdata));
                }
            }
            Event::End(end) => {
                let name = xml::end_name(&end);
                if name == "text" {
                    if let (Some(buffer), Some(current)) = (in_text.take(), record.as_mut()) {
                        current
                            .text
                            .get_or_insert_with(String::new)
                            .push_str(&buffer);
                    }
                } else if name == "sentence"
                    && let Some(done) = record.take()
                {
                    results.push(record_document(done, &lines, context));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(unfinished) = record {
        results.push(Err(InputError::at_line(
            &context.origin,
            lines.line(unfinished.start),
            InputErrorKind::Xml("input ends inside a <Sentence> record (truncated)".to_string()),
        )));
    }
    if results.is_empty() {
        results.push(Err(InputError::new(
            &context.origin,
            None,
            InputErrorKind::Content("no <Sentence> records found".to_string()),
        )));
    }
    results
}

fn record_document(
    record: Record,
    lines: &LineIndex,
    context: &Context,
) -> Result<Document, InputError> {
    let line = lines.line(record.start);
    let text = record
        .text
        .as_deref()
        .map(collapse_whitespace)
        .unwrap_or_default();
    if text.is_empty() {
        let id = record.id.as_deref().unwrap_or("?");
        return Err(InputError::at_line(
            &context.origin,
            line,
            InputErrorKind::Content(format!("record {id} has no <Text>")),
        ));
    }
    let mut meta = record.attributes;
    let published = record.date.as_deref().and_then(parse_date);
    if published.is_none()
        && let Some(date) = record.date
    {
        meta.insert("date".to_string(), serde_json::Value::String(date));
    }
    let document = Document {
        id: record
            .id
            .map(|id| id.trim().to_string())
            .unwrap_or_default(),
        text,
        published,
        meta,
        origin: format!("{}:{line}", context.origin),
        ..Document::default()
    };
    Ok(context.finish(
        Draft {
            document,
            lang: None,
        },
        false,
    ))
}
