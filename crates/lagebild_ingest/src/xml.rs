//! Small helpers over quick-xml shared by the feed and PETRARCH readers.

use quick_xml::Reader;
use quick_xml::events::{BytesCData, BytesStart, BytesText, Event};

use crate::error::{InputError, InputErrorKind};
use crate::util::decode_entities;

/// The next event, or the error as an `InputError` at the reader's byte position in
/// `origin` (the readers then stop: quick-xml cannot resume after a syntax error).
pub(crate) fn next_event<'a>(
    reader: &mut Reader<&'a [u8]>,
    origin: &str,
) -> Result<Event<'a>, InputError> {
    reader.read_event().map_err(|error| {
        InputError::at_byte(
            origin,
            reader.buffer_position(),
            InputErrorKind::Xml(error.to_string()),
        )
    })
}

/// The local name (without namespace prefix), lowercased.
pub(crate) fn local_name(start: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(start.local_name().as_ref()).to_ascii_lowercase()
}

/// The local name of an end tag, lowercased.
pub(crate) fn end_name(end: &quick_xml::events::BytesEnd<'_>) -> String {
    String::from_utf8_lossy(end.local_name().as_ref()).to_ascii_lowercase()
}

/// An attribute value by local name (case-insensitive), unescaped leniently.
pub(crate) fn attribute(start: &BytesStart<'_>, name: &str) -> Option<String> {
    start.html_attributes().flatten().find_map(|attribute| {
        let key = String::from_utf8_lossy(attribute.key.local_name().as_ref()).to_ascii_lowercase();
        (key == name).then(|| decode_entities(&String::from_utf8_lossy(&attribute.value)))
    })
}

/// Text content, with HTML entities that XML does not know (`&nbsp;`) decoded too.
pub(crate) fn text(text: &BytesText<'_>) -> String {
    match text.unescape() {
        Ok(unescaped) => unescaped.into_owned(),
        Err(_) => decode_entities(&String::from_utf8_lossy(text)),
    }
}

pub(crate) fn cdata(cdata: &BytesCData<'_>) -> String {
    String::from_utf8_lossy(cdata).into_owned()
}
