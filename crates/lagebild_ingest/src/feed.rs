//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per item or entry.
//!
//! The feed is read with a lenient streaming XML reader (end-tag names are not checked,
//! unknown HTML entities are decoded) so one broken item does not lose the others. Item
//! HTML (description, `content:encoded`, Atom content) is stripped to text lines.

use lagebild_doc::{Document, Span};
use quick_xml::Reader;
use quick_xml::events::Event;

use crate::error::{InputError, InputErrorKind};
use crate::html::fragment_lines;
use crate::util::{LineIndex, collapse_whitespace, parse_date};
use crate::xml;
use crate::{Context, Draft};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Field {
    Title,
    Link,
    Guid,
    Published,
    Updated,
    Description,
    Content,
    Author,
    ChannelTitle,
}

fn item_field(name: &str) -> Option<Field> {
    Some(match name {
        "title" => Field::Title,
        "link" => Field::Link,
        "guid" | "id" => Field::Guid,
        "pubdate" | "published" | "date" | "issued" => Field::Published,
        "updated" | "modified" => Field::Updated,
        "description" | "summary" => Field::Description,
        "content" | "encoded" => Field::Content,
        "creator" | "author" => Field::Author,
        _ => return None,
    })
}

#[derive(Default)]
struct Item {
    start: usize,
    title: Option<String>,
    link: Option<String>,
    guid: Option<String>,
    published: Option<String>,
    updated: Option<String>,
    description: Option<String>,
    content: Option<String>,
    author: Option<String>,
}

impl Item {
    fn set(&mut self, field: Field, value: String) {
        let slot = match field {
            Field::Title => &mut self.title,
            Field::Link => &mut self.link,
            Field::Guid => &mut self.guid,
            Field::Published => &mut self.published,
            Field::Updated => &mut self.updated,
            Field::Description => &mut self.description,
            Field::Content => &mut self.content,
            Field::Author => &mut self.author,
            Field::ChannelTitle => return,
        };
        if slot.is_none() && !value.trim().is_empty() {
            *slot = Some(value);
        }
    }
}

/// Reads every item of a feed; item errors name the line of the item.
pub(crate) fn read_feed(text: &str, context: &Context) -> Vec<Result<Document, InputError>> {
    let lines = LineIndex::new(text);
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.check_comments = false;
    let mut results = Vec::new();
    let mut channel_title: Option<String> = None;
    let mut item: Option<Item> = None;
    // The field being read, the element depth where it started, and its text so far.
    let mut field: Option<(Field, usize, String)> = None;
    let mut depth = 0usize;
    let mut saw_feed = false;
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
                depth += 1;
                let name = xml::local_name(&start);
                if matches!(name.as_str(), "rss" | "feed" | "rdf" | "channel") {
                    saw_feed = true;
                }
                if let Some((_, _, buffer)) = field.as_mut() {
                    if is_block(&name) {
                        buffer.push('\n');
                    }
                    continue;
                }
                if matches!(name.as_str(), "item" | "entry") {
                    item = Some(Item {
                        start: position,
                        ..Item::default()
                    });
                } else if let Some(current) = item.as_mut() {
                    if name == "link"
                        && let Some(href) = xml::attribute(&start, "href")
                    {
                        current.set(Field::Link, href);
                    }
                    if let Some(kind) = item_field(&name) {
                        field = Some((kind, depth, String::new()));
                    }
                } else if name == "title" && channel_title.is_none() {
                    field = Some((Field::ChannelTitle, depth, String::new()));
                }
            }
            Event::Empty(start) => {
                let name = xml::local_name(&start);
                if let Some((_, _, buffer)) = field.as_mut() {
                    if is_block(&name) {
                        buffer.push('\n');
                    }
                } else if let Some(current) = item.as_mut()
                    && name == "link"
                {
                    let rel = xml::attribute(&start, "rel");
                    if (rel.is_none() || rel.as_deref() == Some("alternate"))
                        && let Some(href) = xml::attribute(&start, "href")
                    {
                        current.set(Field::Link, href);
                    }
                }
            }
            Event::Text(text) => {
                if let Some((_, _, buffer)) = field.as_mut() {
                    buffer.push_str(&xml::text(&text));
                }
            }
            Event::CData(cdata) => {
                if let Some((_, _, buffer)) = field.as_mut() {
                    buffer.push_str(&xml::cdata(&cdata));
                }
            }
            Event::End(end) => {
                let name = xml::end_name(&end);
                if field
                    .as_ref()
                    .is_some_and(|(_, start_depth, _)| *start_depth == depth)
                {
                    if let Some((kind, _, value)) = field.take() {
                        match kind {
                            Field::ChannelTitle => {
                                channel_title =
                                    Some(collapse_whitespace(&value)).filter(|t| !t.is_empty())
                            }
                            kind => {
                                if let Some(current) = item.as_mut() {
                                    current.set(kind, value);
                                }
                            }
                        }
                    }
                } else if field.is_none()
                    && matches!(name.as_str(), "item" | "entry")
                    && let Some(done) = item.take()
                {
                    let line = lines.line(done.start);
                    results.push(item_document(done, channel_title.as_deref(), line, context));
                }
                depth = depth.saturating_sub(1);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(unfinished) = item {
        let line = lines.line(unfinished.start);
        results.push(Err(InputError::at_line(
            &context.origin,
            line,
            InputErrorKind::Xml("feed ends inside an item (truncated)".to_string()),
        )));
    }
    if results.is_empty() {
        let message = if saw_feed {
            "feed has no items"
        } else {
            "no RSS or Atom feed found"
        };
        results.push(Err(InputError::new(
            &context.origin,
            None,
            InputErrorKind::Content(message.to_string()),
        )));
    }
    results
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "br" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "tr"
    )
}

/// Item text (HTML or plain) as lines.
fn body_lines(value: &str) -> Vec<String> {
    if value.contains('<') {
        fragment_lines(value)
    } else {
        value
            .lines()
            .map(collapse_whitespace)
            .filter(|line| !line.is_empty())
            .collect()
    }
}

fn item_document(
    item: Item,
    channel_title: Option<&str>,
    line: u64,
    context: &Context,
) -> Result<Document, InputError> {
    let title = item.title.as_deref().map(|title| {
        if title.contains('<') {
            fragment_lines(title).join(" ")
        } else {
            collapse_whitespace(title)
        }
    });
    let title = title.filter(|title| !title.is_empty());
    let body = item
        .content
        .as_deref()
        .or(item.description.as_deref())
        .map(body_lines)
        .unwrap_or_default();
    let mut text = String::new();
    let mut title_span = None;
    if let Some(title) = &title {
        text.push_str(title);
        title_span = Some(Span::from_range(0..title.len()));
    }
    for paragraph in body.iter().filter(|line| Some(*line) != title.as_ref()) {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(paragraph);
    }
    if text.trim().is_empty() {
        return Err(InputError::at_line(
            &context.origin,
            line,
            InputErrorKind::Content("feed item has neither title nor text".to_string()),
        ));
    }
    let mut document = Document {
        id: item
            .guid
            .clone()
            .or_else(|| item.link.clone())
            .map(|id| id.trim().to_string())
            .unwrap_or_default(),
        text,
        title,
        title_span,
        published: item
            .published
            .as_deref()
            .and_then(parse_date)
            .or_else(|| item.updated.as_deref().and_then(parse_date)),
        url: item.link.map(|link| link.trim().to_string()),
        source: channel_title.map(str::to_string),
        origin: format!("{}:{line}", context.origin),
        ..Document::default()
    };
    if let Some(author) = item.author {
        document.meta.insert(
            "author".to_string(),
            serde_json::Value::String(collapse_whitespace(&author)),
        );
    }
    Ok(context.finish(
        Draft {
            document,
            lang: None,
        },
        false,
    ))
}
