//! Small helpers shared by the format readers: ids, dates, whitespace, line numbers.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use sha2::{Digest, Sha256};

/// A short content hash (16 hex digits of SHA-256), the id of documents that carry none.
pub(crate) fn content_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Parses a publication date: `YYYY-MM-DD`, RFC 3339 (the date in the timestamp's own
/// offset), `YYYY-MM-DDTHH:MM[:SS]` without offset, RFC 2822 (`Wed, 04 Dec 2024 10:00:00
/// +0100`), `YYYYMMDD`, or `DD.MM.YYYY`.
pub(crate) fn parse_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if value.is_empty() || value.len() > 64 {
        return None;
    }
    if let Ok(date) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        return Some(date);
    }
    if let Ok(timestamp) = DateTime::parse_from_rfc3339(value) {
        return Some(timestamp.date_naive());
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(timestamp) = NaiveDateTime::parse_from_str(value, format) {
            return Some(timestamp.date());
        }
    }
    if let Ok(timestamp) = DateTime::parse_from_rfc2822(value) {
        return Some(timestamp.date_naive());
    }
    if value.len() == 8 && value.bytes().all(|byte| byte.is_ascii_digit()) {
        return NaiveDate::parse_from_str(value, "%Y%m%d").ok();
    }
    if let Ok(date) = NaiveDate::parse_from_str(value, "%d.%m.%Y") {
        return Some(date);
    }
    // ISO timestamps with an unusual tail (`2024-12-04T10:00:00+0100`, `...CET`): the date
    // prefix is what counts.
    if value.len() > 10
        && value.is_char_boundary(10)
        && value.as_bytes()[10] == b'T'
        && let Ok(date) = NaiveDate::parse_from_str(&value[..10], "%Y-%m-%d")
    {
        return Some(date);
    }
    parse_loose_english_date(value)
}

/// `04 Dec 2024 ...` and similar RFC 2822 lookalikes that chrono rejects (unknown zones,
/// missing weekday, wrong weekday).
fn parse_loose_english_date(value: &str) -> Option<NaiveDate> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let mut day = None;
    let mut month = None;
    let mut year = None;
    for word in value
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if let Ok(number) = word.parse::<u32>() {
            if word.len() == 4 && year.is_none() && month.is_some() {
                year = Some(number as i32);
            } else if word.len() <= 2 && day.is_none() && year.is_none() {
                day = Some(number);
            }
        } else if month.is_none() && word.len() >= 3 {
            let prefix = word.get(..3).unwrap_or("").to_ascii_lowercase();
            month = MONTHS
                .iter()
                .position(|name| *name == prefix)
                .map(|index| index as u32 + 1);
        }
    }
    NaiveDate::from_ymd_opt(year?, month?, day?)
}

/// Collapses runs of whitespace to single spaces and trims.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Maps byte offsets to 1-based line numbers in O(log n).
pub(crate) struct LineIndex {
    newlines: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        LineIndex {
            newlines: text
                .bytes()
                .enumerate()
                .filter(|(_, byte)| *byte == b'\n')
                .map(|(at, _)| at)
                .collect(),
        }
    }

    pub(crate) fn line(&self, offset: usize) -> u64 {
        self.newlines.partition_point(|&newline| newline < offset) as u64 + 1
    }
}

/// Decodes the HTML entities that show up in feeds where XML allows none (`&nbsp;`,
/// `&auml;`, ...), numeric references and the XML five; unknown entities stay as written.
pub(crate) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .find(|c: char| c == ';' || c.is_whitespace() || c == '&')
            .map(|end| end + 1);
        match end {
            Some(end) if rest.as_bytes()[end] == b';' && end <= 12 => {
                let name = &rest[1..end];
                match entity(name) {
                    Some(c) => {
                        out.push(c);
                        rest = &rest[end + 1..];
                    }
                    None => {
                        out.push('&');
                        rest = &rest[1..];
                    }
                }
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "ccedil" => 'ç',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "bdquo" => '„',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "euro" => '€',
        "copy" => '©',
        "shy" => '\u{ad}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let day = NaiveDate::from_ymd_opt(2024, 12, 4);
        for value in [
            "2024-12-04",
            "2024-12-04T23:30:00+01:00",
            "2024-12-04T10:00:00Z",
            "2024-12-04T10:00:00",
            "2024-12-04 10:00",
            "Wed, 04 Dec 2024 10:00:00 +0100",
            "Wed, 04 Dec 2024 10:00:00 CET",
            "04 Dec 2024",
            "20241204",
            "04.12.2024",
        ] {
            assert_eq!(parse_date(value), day, "{value}");
        }
        assert_eq!(parse_date("gestern"), None);
        assert_eq!(parse_date("2024-13-45"), None);
    }

    #[test]
    fn entities_and_lines() {
        assert_eq!(
            decode_entities("K&ouml;ln &amp; Br&uuml;ssel&nbsp;&#8222;x&#x201C; &bogus; & a"),
            "Köln & Brüssel\u{a0}„x“ &bogus; & a"
        );
        let index = LineIndex::new("a\nb\nc");
        assert_eq!((index.line(0), index.line(2), index.line(4)), (1, 2, 3));
        assert_eq!(collapse_whitespace("  a \n\t b  "), "a b");
        assert_eq!(content_id("x").len(), 16);
    }
}
