//! Bounds the element nesting depth of HTML before it is parsed.
//!
//! html5ever's tree builder scans the stack of open elements (and the list of active
//! formatting elements) for many tags, so deeply nested markup costs quadratic time:
//! 100,000 nested `<div>`s took over 20 s. Real articles nest a few dozen levels. This
//! linear pre-pass drops start and end tags beyond [`MAX_DEPTH`] (replacing each by a
//! space, so words do not run together); text is never dropped.

use std::borrow::Cow;

/// The deepest element nesting kept.
pub(crate) const MAX_DEPTH: usize = 512;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound",
];

/// Elements whose end tag is optional: html5ever closes them implicitly, so they do not
/// nest without bound and are not counted.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
    "colgroup", "rb", "rt", "rp", "rtc", "html", "head", "body",
];

const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "noscript",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// `html` with tags nested deeper than `MAX_DEPTH` removed (borrowed when nothing is).
pub(crate) fn limit_nesting(html: &str) -> Cow<'_, str> {
    limit_nesting_to(html, MAX_DEPTH)
}

pub(crate) fn limit_nesting_to(html: &str, limit: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    if bytes.iter().filter(|&&byte| byte == b'<').count() <= limit {
        return Cow::Borrowed(html);
    }
    let mut out = String::new();
    let mut copied = 0usize;
    let mut depth = 0usize;
    let mut at = 0usize;
    let mut name = String::new();
    while let Some(found) = bytes[at..].iter().position(|&byte| byte == b'<') {
        let start = at + found;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            at = find_from(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            at = bytes[start..]
                .iter()
                .position(|&byte| byte == b'>')
                .map_or(bytes.len(), |end| start + end + 1);
            continue;
        }
        let is_end = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(is_end);
        let name_length = bytes[name_start..]
            .iter()
            .take_while(|byte| byte.is_ascii_alphanumeric() || **byte == b'-' || **byte == b':')
            .count();
        if name_length == 0 || !bytes[name_start].is_ascii_alphabetic() {
            at = start + 1;
            continue;
        }
        let Some(tag_end) = tag_end(bytes, name_start + name_length) else {
            break;
        };
        name.clear();
        name.extend(
            bytes[name_start..name_start + name_length]
                .iter()
                .map(|byte| byte.to_ascii_lowercase() as char),
        );
        let self_closing = bytes[tag_end - 1] == b'/';
        let counted = !self_closing
            && !VOID.contains(&name.as_str())
            && !OPTIONAL_END.contains(&name.as_str());
        let mut drop = false;
        if counted {
            if is_end {
                drop = depth > limit;
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                drop = depth > limit;
            }
        }
        if drop {
            out.push_str(&html[copied..start]);
            out.push(' ');
            copied = tag_end + 1;
        }
        at = tag_end + 1;
        if !is_end && RAW_TEXT.contains(&name.as_str()) {
            // The content of raw-text elements holds no tags: jump to the end tag.
            at = find_end_tag(bytes, at, &name).unwrap_or(bytes.len());
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    crate::decode::find(&bytes[from.min(bytes.len())..], needle).map(|found| from + found)
}

/// The `>` closing a tag, skipping quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (offset, &byte) in bytes[from..].iter().enumerate() {
        match quote {
            Some(open) if byte == open => quote = None,
            Some(_) => {}
            None if byte == b'"' || byte == b'\'' => quote = Some(byte),
            None if byte == b'>' => return Some(from + offset),
            None => {}
        }
    }
    None
}

fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut at = from;
    while let Some(found) = find_from(bytes, at, b"</") {
        let candidate = &bytes[found + 2..];
        if candidate.len() >= name.len()
            && candidate[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return Some(found);
        }
        at = found + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_html_is_untouched() {
        let html = "<div><p>a</p><script>if (a < b) {}</script></div>";
        assert!(matches!(limit_nesting_to(html, 2), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_tags_are_dropped_text_kept() {
        let html = format!("{}x{}", "<div>".repeat(5), "</div>".repeat(5));
        let limited = limit_nesting_to(&html, 2);
        assert_eq!(limited.matches("<div>").count(), 2);
        assert_eq!(limited.matches("</div>").count(), 2);
        assert!(limited.contains('x'));
    }

    #[test]
    fn void_and_optional_tags_do_not_count() {
        let html = format!("<div>{}</div>", "<p>a<br><img src='x>y'>".repeat(10));
        assert!(matches!(limit_nesting_to(&html, 2), Cow::Borrowed(_)));
    }
}
