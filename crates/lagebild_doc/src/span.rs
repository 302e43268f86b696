use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's text.
///
/// Spans are `Copy` and cheap; they must lie on `char` boundaries of the text they index.
/// [`Span::slice`] never panics: an out-of-range or misaligned span yields `""`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// Builds a span from `usize` offsets, saturating at `u32::MAX`.
    pub fn from_range(range: std::ops::Range<usize>) -> Span {
        let clamp = |value: usize| u32::try_from(value).unwrap_or(u32::MAX);
        Span::new(clamp(range.start), clamp(range.end))
    }

    pub fn len(self) -> u32 {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The text under the span, or `""` when the span does not fit `text`.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Shifts the span by `delta` bytes, used when a stage works on a substring.
    pub fn offset(self, delta: u32) -> Span {
        Span::new(
            self.start.saturating_add(delta),
            self.end.saturating_add(delta),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn slice_is_total() {
        let text = "Köln";
        assert_eq!(Span::new(0, 2).slice(text), "", "byte 2 is inside the ö");
        assert_eq!(Span::new(0, 3).slice(text), "Kö");
        assert_eq!(Span::new(3, 99).slice(text), "");
        assert_eq!(Span::new(2, 1).slice(text), "");
    }

    #[test]
    fn cover_and_overlap() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert!(a.overlaps(b));
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert!(Span::new(0, 10).contains(a));
    }
}
