use std::fmt;

/// Where in an input an error was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// 1-based line number.
    Line(u64),
    /// 0-based byte offset (into the compressed bytes for `.gz` inputs).
    Byte(u64),
}

impl fmt::Display for Position {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Position::Line(line) => write!(formatter, "line {line}"),
            Position::Byte(byte) => write!(formatter, "byte {byte}"),
        }
    }
}

/// What went wrong while reading an input.
#[derive(Debug, thiserror::Error)]
pub enum InputErrorKind {
    #[error("no such file or directory")]
    NotFound,
    #[error("cannot read: {0}")]
    Io(std::io::Error),
    #[error("empty input")]
    Empty,
    #[error("binary data ({0}), not a text format")]
    Binary(&'static str),
    #[error("input exceeds the size limit of {limit} bytes (ReadOptions::max_document_bytes)")]
    TooLarge { limit: usize },
    #[error("truncated or corrupt gzip stream: {0}")]
    Gzip(std::io::Error),
    #[error("invalid JSON: {0}")]
    Json(String),
    #[error("invalid CSV: {0}")]
    Csv(String),
    #[error("invalid XML: {0}")]
    Xml(String),
    /// The input parsed, but holds no usable document (no text, no article body, ...).
    #[error("{0}")]
    Content(String),
}

/// An input that could not be read, with the file and the position inside it.
///
/// `Display` is one line: `path: line 3: invalid JSON: ...`, `path: byte 1234: ...`, or
/// `path: no such file or directory` when no position applies.
#[derive(Debug, thiserror::Error)]
#[error("{origin}{}: {kind}", position_suffix(.position))]
pub struct InputError {
    /// The path (or `<stdin>`, or the origin given to [`crate::read_bytes`]).
    pub origin: String,
    pub position: Option<Position>,
    pub kind: InputErrorKind,
}

fn position_suffix(position: &Option<Position>) -> String {
    position
        .map(|position| format!(": {position}"))
        .unwrap_or_default()
}

impl InputError {
    pub(crate) fn new(
        origin: &str,
        position: Option<Position>,
        kind: InputErrorKind,
    ) -> InputError {
        let kind = match kind {
            InputErrorKind::Json(message) => InputErrorKind::Json(one_line(message)),
            InputErrorKind::Csv(message) => InputErrorKind::Csv(one_line(message)),
            InputErrorKind::Xml(message) => InputErrorKind::Xml(one_line(message)),
            InputErrorKind::Content(message) => InputErrorKind::Content(one_line(message)),
            other => other,
        };
        InputError {
            origin: origin.to_string(),
            position,
            kind,
        }
    }

    pub(crate) fn at_line(origin: &str, line: u64, kind: InputErrorKind) -> InputError {
        InputError::new(origin, Some(Position::Line(line)), kind)
    }

    pub(crate) fn at_byte(origin: &str, byte: u64, kind: InputErrorKind) -> InputError {
        InputError::new(origin, Some(Position::Byte(byte)), kind)
    }
}

fn one_line(message: String) -> String {
    if message.contains(['\n', '\r']) {
        message.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        message
    }
}
