use crate::Span;

/// Converts byte offsets of one text into Unicode scalar (char) offsets.
///
/// Built once per document in O(n); each lookup is O(log n) over the positions of
/// multi-byte characters, and O(1) for pure ASCII text.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// Byte offsets of every non-ASCII char, with the extra bytes seen before it.
    wide: Vec<(u32, u32)>,
    len: u32,
}

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        let mut wide = Vec::new();
        let mut extra = 0u32;
        for (index, ch) in text.char_indices() {
            let width = ch.len_utf8() as u32;
            if width > 1 {
                extra += width - 1;
                wide.push((index as u32, extra));
            }
        }
        CharOffsets {
            wide,
            len: text.len() as u32,
        }
    }

    /// The char offset of byte offset `byte` (clamped to the text length).
    pub fn char_at(&self, byte: u32) -> u32 {
        let byte = byte.min(self.len);
        // Count the extra bytes of every wide char that starts before `byte`.
        let index = self.wide.partition_point(|&(start, _)| start < byte);
        let extra = if index == 0 {
            0
        } else {
            self.wide[index - 1].1
        };
        byte - extra
    }

    pub fn span(&self, span: Span) -> (u32, u32) {
        (self.char_at(span.start), self.char_at(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::CharOffsets;

    #[test]
    fn matches_char_indices() {
        let text = "Außenministerin „Baerbock“ sagte: 😀 ok";
        let offsets = CharOffsets::new(text);
        for (chars, (bytes, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.char_at(bytes as u32), chars as u32);
        }
        assert_eq!(
            offsets.char_at(text.len() as u32),
            text.chars().count() as u32
        );
    }
}
