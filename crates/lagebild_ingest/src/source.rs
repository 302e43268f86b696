//! Opening inputs: files, directories, stdin and byte buffers; gzip, format detection,
//! size limits, sidecars; and the per-document finishing step shared by all formats.

use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;
use lagebild_doc::{Document, Lang};

use crate::decode::{binary_reason, declared_charset, decode, has_wide_bom};
use crate::error::{InputError, InputErrorKind, Position};
use crate::util::{content_id, parse_date};
use crate::{
    InputFormat, ReadOptions, csv_input, detect_language, feed, html, jsonl, petrarch, text,
};

/// Counts the raw (for `.gz`: compressed) bytes read, for error offsets.
pub(crate) type ByteCounter = Arc<AtomicU64>;

pub(crate) type DocumentIter<'a> =
    Box<dyn Iterator<Item = Result<Document, InputError>> + Send + 'a>;

const READ_BUFFER: usize = 64 * 1024;

/// A document as a format reader made it, before defaults are applied.
pub(crate) struct Draft {
    pub document: Document,
    /// The language the input states, if any.
    pub lang: Option<Lang>,
}

/// `X.meta.json` beside `X.txt`: fields that describe the document.
#[derive(Clone, Debug, Default)]
pub(crate) struct Sidecar {
    id: Option<String>,
    published: Option<NaiveDate>,
    lang: Option<Lang>,
    source: Option<String>,
    url: Option<String>,
}

/// What every document of one input shares.
#[derive(Clone, Debug)]
pub(crate) struct Context {
    pub origin: String,
    /// The file stem, the id of single-document files.
    pub stem: Option<String>,
    pub sidecar: Option<Sidecar>,
    pub options: ReadOptions,
}

impl Context {
    /// Applies sidecar, options and language identification. `single` marks formats with
    /// one document per input, which take their id from the sidecar or the file stem.
    pub(crate) fn finish(&self, draft: Draft, single: bool) -> Document {
        let Draft {
            mut document,
            mut lang,
        } = draft;
        if let Some(sidecar) = &self.sidecar {
            if single && let Some(id) = &sidecar.id {
                document.id = id.clone();
            }
            document.published = document.published.or(sidecar.published);
            lang = lang.or(sidecar.lang);
            if document.source.is_none() {
                document.source = sidecar.source.clone();
            }
            if document.url.is_none() {
                document.url = sidecar.url.clone();
            }
        }
        if document.id.is_empty() {
            document.id = self
                .stem
                .clone()
                .filter(|_| single)
                .unwrap_or_else(|| content_id(&document.text));
        }
        document.published = document.published.or(self.options.published);
        match lang.or(self.options.lang) {
            Some(lang) => {
                document.lang = lang;
                document.lang_confidence = 1.0;
            }
            None => {
                let guess = detect_language(&document.text);
                document.lang = guess.lang;
                document.lang_confidence = guess.confidence;
            }
        }
        if document.origin.is_empty() {
            document.origin = self.origin.clone();
        }
        document
    }
}

struct CountingReader<R> {
    inner: R,
    count: ByteCounter,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buffer)?;
        self.count.fetch_add(read as u64, Ordering::Relaxed);
        Ok(read)
    }
}

/// The error for a failed read: gzip errors carry the compressed byte offset.
pub(crate) fn read_error(
    origin: &str,
    error: std::io::Error,
    compressed: bool,
    counter: &ByteCounter,
    line: Option<u64>,
) -> InputError {
    if compressed {
        InputError::at_byte(
            origin,
            counter.load(Ordering::Relaxed),
            InputErrorKind::Gzip(error),
        )
    } else {
        InputError::new(origin, line.map(Position::Line), InputErrorKind::Io(error))
    }
}

fn single<'a>(result: Result<Document, InputError>) -> DocumentIter<'a> {
    Box::new(std::iter::once(result))
}

/// The format of an input from its name and first bytes (see the crate docs).
pub(crate) fn sniff_format(name: Option<&str>, head: &[u8]) -> InputFormat {
    let name = name.map(|name| name.to_ascii_lowercase());
    let name = name
        .as_deref()
        .map(|name| name.strip_suffix(".gz").unwrap_or(name));
    let extension = name
        .and_then(|name| Path::new(name).extension())
        .and_then(|extension| extension.to_str());
    match extension {
        Some("jsonl" | "ndjson" | "json") => return InputFormat::Jsonl,
        Some("html" | "htm" | "xhtml" | "shtml") => return InputFormat::Html,
        Some("rss" | "atom") => return InputFormat::Feed,
        Some("csv" | "tsv") => return InputFormat::Csv,
        Some("txt" | "text") => return InputFormat::Text,
        _ => {}
    }
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let head = head.trim_ascii_start();
    match head.first() {
        // Only what is clearly JSON: `{"` or `[{` (plain text may start with a bracket).
        Some(b'{') if matches!(head[1..].trim_ascii_start().first(), Some(b'"') | None) => {
            InputFormat::Jsonl
        }
        Some(b'[') if matches!(head[1..].trim_ascii_start().first(), Some(b'{') | None) => {
            InputFormat::Jsonl
        }
        Some(b'<') => sniff_markup(head),
        _ => InputFormat::Text,
    }
}

fn sniff_markup(head: &[u8]) -> InputFormat {
    let head = &head[..head.len().min(8192)];
    let mut rest = head;
    // Skip the XML declaration, processing instructions, comments and the doctype to
    // reach the root element.
    loop {
        rest = rest.trim_ascii_start();
        if rest.starts_with(b"<?") {
            match crate::decode::find(rest, b"?>") {
                Some(end) => rest = &rest[end + 2..],
                None => break,
            }
        } else if rest.starts_with(b"<!--") {
            match crate::decode::find(rest, b"-->") {
                Some(end) => rest = &rest[end + 3..],
                None => break,
            }
        } else if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case(b"<!doctype") {
            if rest[9..].trim_ascii_start().len() >= 4
                && rest[9..].trim_ascii_start()[..4].eq_ignore_ascii_case(b"html")
            {
                return InputFormat::Html;
            }
            match rest.iter().position(|&byte| byte == b'>') {
                Some(end) => rest = &rest[end + 1..],
                None => break,
            }
        } else {
            break;
        }
    }
    let root: Vec<u8> = rest
        .iter()
        .skip(1)
        .take_while(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b':' | b'_' | b'-'))
        .map(u8::to_ascii_lowercase)
        .collect();
    match root.as_slice() {
        b"rss" | b"feed" | b"rdf:rdf" => return InputFormat::Feed,
        b"sentences" | b"validation" | b"sentence" => return InputFormat::PetrarchXml,
        b"html" | b"head" | b"body" => return InputFormat::Html,
        _ => {}
    }
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if ["<html", "<body", "<p>", "<div", "<article"]
        .iter()
        .any(|needle| crate::decode::find(&lower, needle.as_bytes()).is_some())
    {
        InputFormat::Html
    } else {
        InputFormat::Text
    }
}

/// Reads one input stream: gzip is undone, the format detected, documents produced.
pub(crate) fn read_stream<'a>(
    context: Context,
    name: Option<&str>,
    input: Box<dyn Read + Send + 'a>,
) -> DocumentIter<'a> {
    let counter: ByteCounter = Arc::new(AtomicU64::new(0));
    let mut raw = BufReader::with_capacity(
        READ_BUFFER,
        CountingReader {
            inner: input,
            count: counter.clone(),
        },
    );
    let compressed = match raw.fill_buf() {
        Ok([]) => {
            return single(Err(InputError::new(
                &context.origin,
                None,
                InputErrorKind::Empty,
            )));
        }
        Ok(head) => head.starts_with(&[0x1f, 0x8b]),
        Err(error) => {
            return single(Err(InputError::new(
                &context.origin,
                None,
                InputErrorKind::Io(error),
            )));
        }
    };
    let mut reader: Box<dyn BufRead + Send + 'a> = if compressed {
        Box::new(BufReader::with_capacity(
            READ_BUFFER,
            flate2::bufread::MultiGzDecoder::new(raw),
        ))
    } else {
        Box::new(raw)
    };
    let head = match reader.fill_buf() {
        Ok([]) => {
            return single(Err(InputError::new(
                &context.origin,
                None,
                InputErrorKind::Empty,
            )));
        }
        Ok(head) => head,
        Err(error) => {
            return single(Err(read_error(
                &context.origin,
                error,
                compressed,
                &counter,
                None,
            )));
        }
    };
    if has_wide_bom(head) {
        // UTF-16 text: decode all of it, then read the UTF-8 result like any input.
        return match read_all(&mut reader, &context, compressed, &counter) {
            Ok(bytes) => {
                let text = decode(bytes, None);
                read_stream(context, name, Box::new(Cursor::new(text.into_bytes())))
            }
            Err(error) => single(Err(error)),
        };
    }
    if let Some((offset, reason)) = binary_reason(head) {
        let position = if compressed {
            None
        } else {
            Some(Position::Byte(offset))
        };
        return single(Err(InputError::new(
            &context.origin,
            position,
            InputErrorKind::Binary(reason),
        )));
    }
    let format = match context.options.format {
        InputFormat::Auto => sniff_format(name, head),
        format => format,
    };
    let starts_with_bracket = head
        .strip_prefix(b"\xef\xbb\xbf")
        .unwrap_or(head)
        .trim_ascii_start()
        .starts_with(b"[");
    match format {
        InputFormat::Jsonl if !starts_with_bracket && !is_pretty_json(head) => Box::new(
            jsonl::JsonlSource::new(reader, context, counter, compressed),
        ),
        InputFormat::Csv => {
            let head = head.to_vec();
            Box::new(csv_input::CsvSource::new(
                reader, &head, context, counter, compressed,
            ))
        }
        format => {
            let bytes = match read_all(&mut reader, &context, compressed, &counter) {
                Ok(bytes) => bytes,
                Err(error) => return single(Err(error)),
            };
            if let Some((offset, reason)) = binary_reason(&bytes) {
                let position = if compressed {
                    None
                } else {
                    Some(Position::Byte(offset))
                };
                return single(Err(InputError::new(
                    &context.origin,
                    position,
                    InputErrorKind::Binary(reason),
                )));
            }
            Box::new(read_whole(format, bytes, &context).into_iter())
        }
    }
}

/// A `.json` file holding one pretty-printed object: `{` alone on the first line.
fn is_pretty_json(head: &[u8]) -> bool {
    let head = head
        .strip_prefix(b"\xef\xbb\xbf")
        .unwrap_or(head)
        .trim_ascii_start();
    let first_line = head.split(|&byte| byte == b'\n').next().unwrap_or(head);
    first_line.trim_ascii() == b"{"
}

fn read_all(
    reader: &mut Box<dyn BufRead + Send + '_>,
    context: &Context,
    compressed: bool,
    counter: &ByteCounter,
) -> Result<Vec<u8>, InputError> {
    let limit = context.options.max_document_bytes;
    let mut bytes = Vec::new();
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| read_error(&context.origin, error, compressed, counter, None))?;
    if bytes.len() > limit {
        return Err(InputError::at_byte(
            &context.origin,
            limit as u64,
            InputErrorKind::TooLarge { limit },
        ));
    }
    Ok(bytes)
}

/// Formats that need the whole input at once.
fn read_whole(
    format: InputFormat,
    bytes: Vec<u8>,
    context: &Context,
) -> Vec<Result<Document, InputError>> {
    let declared = match format {
        InputFormat::Html | InputFormat::Feed | InputFormat::PetrarchXml => {
            declared_charset(&bytes)
        }
        _ => None,
    };
    let text = decode(bytes, declared);
    if text.trim().is_empty() {
        return vec![Err(InputError::new(
            &context.origin,
            None,
            InputErrorKind::Content("no text (only whitespace)".to_string()),
        ))];
    }
    match format {
        InputFormat::Jsonl => jsonl::read_json(&text, context),
        InputFormat::Feed => feed::read_feed(&text, context),
        InputFormat::PetrarchXml => petrarch::read_records(&text, context),
        InputFormat::Html => vec![read_html(&text, context)],
        InputFormat::Text | InputFormat::Auto | InputFormat::Csv => {
            let document = text::wire_document(String::new(), context.origin.clone(), text);
            vec![Ok(context.finish(
                Draft {
                    document,
                    lang: None,
                },
                true,
            ))]
        }
    }
}

fn read_html(text: &str, context: &Context) -> Result<Document, InputError> {
    let article = html::extract_article(text);
    if article.lines.is_empty() {
        let message = if article.title.is_some() {
            "no article text found (only a title)"
        } else {
            "no article text found"
        };
        return Err(InputError::new(
            &context.origin,
            None,
            InputErrorKind::Content(message.to_string()),
        ));
    }
    let mut body = String::new();
    let mut title_span = None;
    if let Some(title) = &article.title {
        body.push_str(title);
        title_span = Some(lagebild_doc::Span::from_range(0..title.len()));
    }
    for line in &article.lines {
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(line);
    }
    let mut document = Document {
        text: body,
        title: article.title,
        title_span,
        published: article.published,
        url: article.url,
        source: article.site_name,
        ..Document::default()
    };
    if let Some(author) = article.author {
        document
            .meta
            .insert("author".to_string(), serde_json::Value::String(author));
    }
    let lang_attribute = article
        .lang_attribute
        .map(|lang| lang.split(['-', '_']).next().unwrap_or("").to_string());
    if let Some(lang) = &lang_attribute {
        document.meta.insert(
            "html_lang".to_string(),
            serde_json::Value::String(lang.clone()),
        );
    }
    let mut finished = context.finish(
        Draft {
            document,
            lang: None,
        },
        true,
    );
    // The page's `lang` attribute decides only when the text itself is not clear: site
    // templates often declare one language for pages in another.
    if finished.lang_confidence < 0.6
        && context.sidecar.is_none()
        && context.options.lang.is_none()
        && let Some(lang) = lang_attribute
            .map(|lang| Lang::parse(&lang))
            .filter(|lang| lang.is_analysed())
    {
        finished.lang = lang;
        finished.lang_confidence = 0.6;
    }
    Ok(finished)
}

fn file_stem(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let name = name.strip_suffix(".gz").unwrap_or(name);
    Some(match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    })
}

fn is_sidecar(name: &str) -> bool {
    name.ends_with(".meta.json") || name.ends_with(".gold.json")
}

/// Reads `X.meta.json` beside `X.*`; a broken sidecar is an error of its own.
fn read_sidecar(path: &Path, stem: &str) -> Result<Option<Sidecar>, InputError> {
    let sidecar_path = path.with_file_name(format!("{stem}.meta.json"));
    if !sidecar_path.is_file() || sidecar_path == path {
        return Ok(None);
    }
    let origin = sidecar_path.display().to_string();
    let mut text = String::new();
    std::fs::File::open(&sidecar_path)
        .and_then(|file| file.take(1 << 20).read_to_string(&mut text))
        .map_err(|error| InputError::new(&origin, None, InputErrorKind::Io(error)))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|error| {
        InputError::at_line(
            &origin,
            error.line() as u64,
            InputErrorKind::Json(error.to_string()),
        )
    })?;
    let serde_json::Value::Object(object) = value else {
        return Err(InputError::new(
            &origin,
            None,
            InputErrorKind::Json("expected an object".to_string()),
        ));
    };
    let string = |key: &str| {
        object
            .get(key)
            .and_then(|value| value.as_str())
            .map(str::to_string)
    };
    Ok(Some(Sidecar {
        id: string("id").filter(|id| !id.trim().is_empty()),
        published: string("published").as_deref().and_then(parse_date),
        lang: string("lang").map(|lang| Lang::parse(&lang)),
        source: string("source"),
        url: string("url"),
    }))
}

fn open_file(path: &Path, options: &ReadOptions) -> DocumentIter<'static> {
    let origin = path.display().to_string();
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return single(Err(InputError::new(
                &origin,
                None,
                InputErrorKind::NotFound,
            )));
        }
        Err(error) => {
            return single(Err(InputError::new(
                &origin,
                None,
                InputErrorKind::Io(error),
            )));
        }
    };
    let stem = file_stem(path);
    let (sidecar, sidecar_error) = match stem.as_deref().map(|stem| read_sidecar(path, stem)) {
        Some(Ok(sidecar)) => (sidecar, None),
        Some(Err(error)) => (None, Some(error)),
        None => (None, None),
    };
    let context = Context {
        origin,
        stem,
        sidecar,
        options: options.clone(),
    };
    let name = path
        .file_name()
        .and_then(|name| name.to_str())
        .map(str::to_string);
    let documents = read_stream(context, name.as_deref(), Box::new(file));
    match sidecar_error {
        Some(error) => Box::new(std::iter::once(Err(error)).chain(documents)),
        None => documents,
    }
}

/// The documents under a path, in sorted order, one file at a time.
///
/// Returned by [`crate::read_path`]. Directories are walked depth-first in byte order of
/// their entry names; hidden entries, `.meta.json` and `.gold.json` sidecars are skipped,
/// and symbolic links to directories are not followed (so there are no cycles).
pub struct Documents {
    pending: Vec<(PathBuf, bool)>,
    current: Option<DocumentIter<'static>>,
    options: ReadOptions,
}

impl Documents {
    pub(crate) fn new(path: &Path, options: &ReadOptions) -> Documents {
        Documents {
            pending: vec![(path.to_path_buf(), true)],
            current: None,
            options: options.clone(),
        }
    }
}

impl Iterator for Documents {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(current) = self.current.as_mut() {
                if let Some(item) = current.next() {
                    return Some(item);
                }
                self.current = None;
            }
            let (path, top_level) = self.pending.pop()?;
            if top_level && path.as_os_str() == "-" {
                let context = Context {
                    origin: "<stdin>".to_string(),
                    stem: None,
                    sidecar: None,
                    options: self.options.clone(),
                };
                self.current = Some(read_stream(context, None, Box::new(std::io::stdin())));
                continue;
            }
            let origin = path.display().to_string();
            let metadata = match if top_level {
                std::fs::metadata(&path)
            } else {
                std::fs::symlink_metadata(&path)
            } {
                Ok(metadata) => metadata,
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                    return Some(Err(InputError::new(
                        &origin,
                        None,
                        InputErrorKind::NotFound,
                    )));
                }
                Err(error) => {
                    return Some(Err(InputError::new(
                        &origin,
                        None,
                        InputErrorKind::Io(error),
                    )));
                }
            };
            if metadata.is_dir() {
                let entries = match std::fs::read_dir(&path) {
                    Ok(entries) => entries,
                    Err(error) => {
                        return Some(Err(InputError::new(
                            &origin,
                            None,
                            InputErrorKind::Io(error),
                        )));
                    }
                };
                let mut children: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .filter(|entry| {
                        let name = entry.file_name();
                        let name = name.to_string_lossy();
                        !name.starts_with('.') && !is_sidecar(&name)
                    })
                    .map(|entry| entry.path())
                    .collect();
                children.sort();
                self.pending
                    .extend(children.into_iter().rev().map(|child| (child, false)));
                continue;
            }
            if metadata.file_type().is_symlink()
                && std::fs::metadata(&path).is_ok_and(|target| target.is_dir())
            {
                continue;
            }
            self.current = Some(open_file(&path, &self.options));
        }
    }
}
