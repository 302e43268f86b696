//! Bytes to text: BOMs, UTF-8 with a Windows-1252 fallback, declared charsets, binary
//! detection.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many leading bytes the binary check looks at for control characters.
const BINARY_SAMPLE: usize = 64 * 1024;

/// `Some(offset, reason)` when `bytes` look like binary data rather than text.
///
/// A NUL byte anywhere (except in UTF-16/32 text announced by a BOM) or more than 10 % of
/// control characters among the first 64 KiB mean binary.
pub(crate) fn binary_reason(bytes: &[u8]) -> Option<(u64, &'static str)> {
    if Encoding::for_bom(bytes).is_some_and(|(encoding, _)| encoding != UTF_8) {
        return None;
    }
    if let Some(offset) = bytes.iter().position(|&byte| byte == 0) {
        return Some((offset as u64, "NUL byte"));
    }
    let sample = &bytes[..bytes.len().min(BINARY_SAMPLE)];
    let control = sample
        .iter()
        .filter(|&&byte| {
            (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0c)) || byte == 0x7f
        })
        .count();
    if sample.len() >= 8 && control * 10 > sample.len() {
        let first = sample
            .iter()
            .position(|&byte| {
                (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0c)) || byte == 0x7f
            })
            .unwrap_or(0);
        return Some((first as u64, "too many control characters"));
    }
    None
}

/// True when the bytes start with a UTF-16 or UTF-32-like BOM (not UTF-8).
pub(crate) fn has_wide_bom(bytes: &[u8]) -> bool {
    Encoding::for_bom(bytes).is_some_and(|(encoding, _)| encoding != UTF_8)
}

/// Decodes bytes to text, never producing mojibake for the common cases:
///
/// 1. a BOM decides (UTF-8, UTF-16LE/BE) and is removed;
/// 2. valid UTF-8 stays UTF-8;
/// 3. mostly valid UTF-8 with a few stray bytes stays UTF-8, the stray bytes read as
///    Windows-1252;
/// 4. otherwise the declared charset (HTML meta, XML declaration), else Windows-1252 (a
///    superset of Latin-1 in practice).
pub(crate) fn decode(bytes: Vec<u8>, declared: Option<&'static Encoding>) -> String {
    if let Some((encoding, bom_length)) = Encoding::for_bom(&bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return text.into_owned();
    }
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let bytes = error.into_bytes();
            decode_invalid_utf8(&bytes, declared)
        }
    }
}

/// Decodes a borrowed slice with the same rules as [`decode`].
pub(crate) fn decode_slice(bytes: &[u8], declared: Option<&'static Encoding>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) if Encoding::for_bom(bytes).is_none() => text.to_string(),
        _ => decode(bytes.to_vec(), declared),
    }
}

fn decode_invalid_utf8(bytes: &[u8], declared: Option<&'static Encoding>) -> String {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    if valid_multibyte > invalid * 2 {
        // Mostly UTF-8 with stray single-byte characters (files concatenated from
        // several sources): keep the UTF-8 and read each stray byte as Windows-1252.
        let mut text = String::with_capacity(bytes.len());
        for chunk in bytes.utf8_chunks() {
            text.push_str(chunk.valid());
            if !chunk.invalid().is_empty() {
                text.push_str(&WINDOWS_1252.decode_without_bom_handling(chunk.invalid()).0);
            }
        }
        return text;
    }
    let encoding = declared
        .filter(|encoding| *encoding != UTF_8 && encoding.is_ascii_compatible())
        .unwrap_or(WINDOWS_1252);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The charset declared in the first 4 KiB of an HTML page or XML document:
/// `<meta charset=...>`, `<meta http-equiv ... content="...; charset=...">` or
/// `<?xml ... encoding="..."?>`.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for needle in [&b"charset="[..], &b"encoding="[..]] {
        let mut from = 0;
        while let Some(found) = find(&lower[from..], needle) {
            let start = from + found + needle.len();
            let rest = &head[start..];
            let rest = rest
                .strip_prefix(b"\"")
                .or_else(|| rest.strip_prefix(b"'"))
                .unwrap_or(rest);
            let end = rest
                .iter()
                .position(|&byte| {
                    matches!(
                        byte,
                        b'"' | b'\'' | b';' | b'>' | b' ' | b'/' | b'?' | b'\t' | b'\n' | b'\r'
                    )
                })
                .unwrap_or(rest.len());
            if let Some(encoding) = Encoding::for_label(&rest[..end]) {
                // A page cannot really declare UTF-16 in a meta tag (HTML spec: use UTF-8).
                return Some(if encoding.is_ascii_compatible() {
                    encoding
                } else {
                    UTF_8
                });
            }
            from = start;
        }
    }
    None
}

pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_fallback_and_utf8() {
        assert_eq!(
            decode(b"K\xf6ln \x93Zitat\x94".to_vec(), None),
            "Köln “Zitat”"
        );
        assert_eq!(decode("Köln".as_bytes().to_vec(), None), "Köln");
        // Mostly UTF-8 with one stray Latin-1 byte stays UTF-8.
        let mut mixed = "Müller, Öl, Straße, ".as_bytes().to_vec();
        mixed.extend_from_slice(b"K\xf6ln");
        assert_eq!(decode(mixed, None), "Müller, Öl, Straße, Köln");
    }

    #[test]
    fn boms_are_honoured_and_removed() {
        assert_eq!(decode(b"\xef\xbb\xbfHallo".to_vec(), None), "Hallo");
        assert_eq!(decode(b"\xff\xfeH\x00i\x00".to_vec(), None), "Hi");
        assert!(binary_reason(b"\xff\xfeH\x00i\x00").is_none());
    }

    #[test]
    fn declared_charsets() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head>";
        assert_eq!(
            declared_charset(page).map(|e| e.name()),
            Some("windows-1252")
        );
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">";
        assert_eq!(declared_charset(page), Some(UTF_8));
        let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><rss>";
        assert_eq!(declared_charset(xml).map(|e| e.name()), Some("ISO-8859-15"));
        assert_eq!(decode(b"\xa4".to_vec(), declared_charset(xml)), "€");
    }

    #[test]
    fn binary_detection() {
        assert_eq!(binary_reason(b"abc\x00def"), Some((3, "NUL byte")));
        assert!(binary_reason(b"\x01\x02\x03\x04\x05\x06\x07\x08abc").is_some());
        assert!(binary_reason("Ein ganz normaler Text.\n".as_bytes()).is_none());
    }
}
