//! Small helpers over quick-xml shared by the feed and PETRARCH readers.

use quick_xml::events::{BytesCData, BytesStart, BytesText};

use crate::util::decode_entities;

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
