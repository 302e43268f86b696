//! Token-aligned, case-aware dictionary matching.
//!
//! Every surface form and every document word is split into *pieces* (runs of letters and
//! digits, and single punctuation characters), and each piece is mapped to a word id:
//! acronyms (two or more capitals: `US`, `NATO`) keep their case, everything else is
//! lowercased. A phrase becomes a string of one `char` per id (`U+10000 + id`), so a
//! leftmost-longest Aho-Corasick automaton over these strings can only match whole pieces:
//! UTF-8 is self-synchronising. Capitalised words of a surface form (names, German nouns)
//! require a capitalised word in the text.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use lagebild_doc::{Span, TextAnalysis};

use crate::kb::{Surface, Target};

/// Word id of a piece not in the vocabulary.
pub(crate) const UNKNOWN: u32 = 0;
/// Word id placed between sentences, so that no match crosses a sentence boundary.
pub(crate) const SENTENCE_BREAK: u32 = 1;
const FIRST_WORD: u32 = 2;

/// One piece of a document: a word or a punctuation character.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Piece {
    pub span: Span,
    pub key: u32,
    pub sentence: u32,
    /// First character is upper case.
    pub capitalized: bool,
    pub alphabetic: bool,
}

/// A surface form in the automaton and what it refers to.
#[derive(Clone, Debug)]
pub(crate) struct Pattern {
    pub targets: Vec<Target>,
    /// Bit i set: piece i must be capitalised in the text.
    pub capital_mask: u64,
}

/// One match: pieces `start..end` and the pattern.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PieceMatch {
    pub start: usize,
    pub end: usize,
    pub pattern: u32,
}

/// Splits `text` into piece byte ranges (relative to `text`).
pub(crate) fn split_pieces(text: &str, mut push: impl FnMut(usize, usize)) {
    let mut run_start: Option<usize> = None;
    for (index, c) in text.char_indices() {
        if c.is_alphanumeric() {
            run_start.get_or_insert(index);
            continue;
        }
        if let Some(start) = run_start.take() {
            push(start, index);
        }
        if !c.is_whitespace() && c != '_' {
            push(index, index + c.len_utf8());
        }
    }
    if let Some(start) = run_start {
        push(start, text.len());
    }
}

fn is_acronym(piece: &str) -> bool {
    piece.chars().count() >= 2
        && piece.chars().any(char::is_alphabetic)
        && !piece.chars().any(char::is_lowercase)
}

fn key_char(id: u32) -> char {
    char::from_u32(0x10000 + id).unwrap_or('\u{10000}')
}

/// The vocabulary and automaton over all surface forms.
#[derive(Debug)]
pub(crate) struct Matcher {
    vocabulary: HashMap<String, u32>,
    automaton: AhoCorasick,
    pub patterns: Vec<Pattern>,
}

impl Matcher {
    pub fn build(surfaces: &[Surface]) -> Result<Matcher, String> {
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let mut pattern_index: HashMap<String, u32> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        for surface in surfaces {
            pieces.clear();
            split_pieces(&surface.text, |start, end| pieces.push((start, end)));
            if pieces.is_empty() || pieces.len() > 64 {
                continue;
            }
            let mut key = String::with_capacity(pieces.len() * 4);
            let mut mask = 0u64;
            for (position, &(start, end)) in pieces.iter().enumerate() {
                let piece = &surface.text[start..end];
                let word = if is_acronym(piece) {
                    piece.to_string()
                } else {
                    piece.to_lowercase()
                };
                let next = FIRST_WORD + vocabulary.len() as u32;
                let id = *vocabulary.entry(word).or_insert(next);
                key.push(key_char(id));
                if !is_acronym(piece) && piece.chars().next().is_some_and(char::is_uppercase) {
                    mask |= 1 << position;
                }
            }
            match pattern_index.get(&key) {
                Some(&index) => {
                    let pattern = &mut patterns[index as usize];
                    pattern.capital_mask &= mask;
                    if !pattern.targets.contains(&surface.target) {
                        pattern.targets.push(surface.target);
                    }
                }
                None => {
                    pattern_index.insert(key.clone(), patterns.len() as u32);
                    patterns.push(Pattern {
                        targets: vec![surface.target],
                        capital_mask: mask,
                    });
                    keys.push(key);
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&keys)
            .map_err(|error| format!("cannot build the actor automaton: {error}"))?;
        Ok(Matcher {
            vocabulary,
            automaton,
            patterns,
        })
    }

    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    pub fn word_id(&self, piece: &str, buffer: &mut String) -> u32 {
        if is_acronym(piece)
            && let Some(&id) = self.vocabulary.get(piece)
        {
            return id;
        }
        buffer.clear();
        buffer.extend(piece.chars().flat_map(char::to_lowercase));
        self.vocabulary
            .get(buffer.as_str())
            .copied()
            .unwrap_or(UNKNOWN)
    }

    /// Splits the tokens of `analysis` (or, without tokens, the whitespace-separated
    /// words of `region`) into pieces.
    pub fn pieces(&self, text: &str, analysis: &TextAnalysis, region: Span) -> Vec<Piece> {
        let mut out = Vec::with_capacity(analysis.tokens.len() + analysis.tokens.len() / 4 + 8);
        let mut buffer = String::new();
        let mut push_token = |span: Span, sentence: u32, out: &mut Vec<Piece>| {
            let token_text = span.slice(text);
            split_pieces(token_text, |start, end| {
                let piece = &token_text[start..end];
                let first = piece.chars().next().unwrap_or(' ');
                out.push(Piece {
                    span: Span::from_range(span.start as usize + start..span.start as usize + end),
                    key: self.word_id(piece, &mut buffer),
                    sentence,
                    capitalized: first.is_uppercase(),
                    alphabetic: first.is_alphabetic(),
                });
            });
        };
        if analysis.tokens.is_empty() {
            let region_text = region.slice(text);
            let base = region.start as usize;
            // Lines are sentences; within a line, a word ending in . ! or ? (before
            // closing quotes) ends a sentence when the next word is capitalised.
            let mut sentence = 0u32;
            for (line_offset, line) in line_offsets(region_text) {
                let mut offset = 0usize;
                let mut ends_sentence = false;
                for word in line.split_inclusive(char::is_whitespace) {
                    let trimmed = word.trim_end();
                    if !trimmed.is_empty() {
                        if ends_sentence
                            && trimmed
                                .chars()
                                .find(|c| c.is_alphanumeric())
                                .is_some_and(char::is_uppercase)
                        {
                            sentence += 1;
                        }
                        let start = base + line_offset + offset;
                        push_token(
                            Span::from_range(start..start + trimmed.len()),
                            sentence,
                            &mut out,
                        );
                        let core = trimmed.trim_end_matches(['"', '\'', '“', '”', '«', '»', ')']);
                        let before_dot = core.trim_end_matches(['.', '!', '?']);
                        ends_sentence = core.len() != before_dot.len()
                            && before_dot.chars().filter(|c| c.is_alphabetic()).count() > 1
                            && !before_dot.chars().all(|c| c.is_ascii_digit());
                    }
                    offset += word.len();
                }
                sentence += 1;
            }
            return out;
        }
        let mut sentence_index = 0usize;
        for token in &analysis.tokens {
            while sentence_index < analysis.sentences.len()
                && analysis.sentences[sentence_index].span.end <= token.span.start
            {
                sentence_index += 1;
            }
            push_token(token.span, sentence_index as u32, &mut out);
        }
        out
    }

    /// All leftmost-longest matches over `pieces` whose capitalisation fits.
    pub fn find(&self, pieces: &[Piece]) -> Vec<PieceMatch> {
        let mut haystack = String::with_capacity(pieces.len() * 8);
        let mut positions: Vec<u32> = Vec::with_capacity(pieces.len() * 2);
        let mut previous_sentence = None;
        for (index, piece) in pieces.iter().enumerate() {
            if previous_sentence.is_some_and(|sentence| sentence != piece.sentence) {
                haystack.push(key_char(SENTENCE_BREAK));
                positions.push(u32::MAX);
            }
            previous_sentence = Some(piece.sentence);
            haystack.push(key_char(piece.key));
            positions.push(index as u32);
        }
        let mut out = Vec::new();
        for found in self.automaton.find_iter(&haystack) {
            let first = found.start() / 4;
            let last = found.end() / 4;
            let (Some(&start), Some(&end_inclusive)) =
                (positions.get(first), positions.get(last.saturating_sub(1)))
            else {
                continue;
            };
            if start == u32::MAX || end_inclusive == u32::MAX {
                continue;
            }
            let (start, end) = (start as usize, end_inclusive as usize + 1);
            let pattern_index = found.pattern().as_u32();
            let pattern = &self.patterns[pattern_index as usize];
            let fits = (start..end).enumerate().all(|(position, piece)| {
                position >= 64
                    || pattern.capital_mask & (1 << position) == 0
                    || pieces[piece].capitalized
            });
            if fits {
                out.push(PieceMatch {
                    start,
                    end,
                    pattern: pattern_index,
                });
            }
        }
        out
    }
}

fn line_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0usize;
    text.split_inclusive('\n').map(move |line| {
        let start = offset;
        offset += line.len();
        (start, line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_split_punctuation() {
        let mut out = Vec::new();
        let text = "US-Präsident, (Ruttes) U.S.";
        split_pieces(text, |start, end| out.push(&text[start..end]));
        assert_eq!(
            out,
            [
                "US",
                "-",
                "Präsident",
                ",",
                "(",
                "Ruttes",
                ")",
                "U",
                ".",
                "S",
                "."
            ]
        );
    }
}
