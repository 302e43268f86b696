//! Terms of office (`data/terms.tsv`) for `in seiner ersten Amtszeit`: the possessive
//! refers to the nearest known office holder named in the preceding text.

use std::sync::OnceLock;

static TERMS: &str = include_str!("../data/terms.tsv");

/// (surname, terms as `start/end` strings).
fn table() -> &'static [(String, Vec<String>)] {
    static TABLE: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        TERMS
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| {
                let mut columns = line.split('\t');
                let surname = columns.next()?.to_string();
                let _full_name = columns.next()?;
                let terms = columns
                    .next()?
                    .split_whitespace()
                    .map(str::to_string)
                    .collect();
                Some((surname, terms))
            })
            .collect()
    })
}

/// How far back (bytes) a possessive may look for its office holder.
const WINDOW: usize = 600;

/// The `ordinal`-th term of the office holder named nearest before byte `start`.
pub(crate) fn term_before(text: &str, start: usize, ordinal: usize) -> Option<String> {
    let mut from = start.saturating_sub(WINDOW);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text.get(from..start)?;
    let mut best: Option<(usize, &Vec<String>)> = None;
    for (surname, terms) in table() {
        for (offset, _) in before.match_indices(surname.as_str()) {
            let after = before[offset + surname.len()..].chars().next();
            let previous = before[..offset].chars().next_back();
            let word_end = after.is_none_or(|ch| !ch.is_alphanumeric() || ch == 's');
            let word_start = previous.is_none_or(|ch| !ch.is_alphanumeric());
            if word_start && word_end && best.is_none_or(|(at, _)| offset > at) {
                best = Some((offset, terms));
            }
        }
    }
    let (_, terms) = best?;
    terms.get(ordinal.checked_sub(1)?).cloned()
}

#[cfg(test)]
mod tests {
    use super::term_before;

    #[test]
    fn nearest_office_holder_before() {
        let text = "Obama traf Trump. Der Republikaner hatte in seiner ersten Amtszeit ";
        let start = text.find("in seiner").unwrap_or(0);
        assert_eq!(
            term_before(text, start, 1).as_deref(),
            Some("2017-01-20/2021-01-20")
        );
        assert_eq!(term_before(text, start, 3), None);
        assert_eq!(term_before("Er hatte ", 9, 1), None);
    }
}
