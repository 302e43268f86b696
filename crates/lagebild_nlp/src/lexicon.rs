//! Word lists that tell the tagger and the lemmatiser what a form can be.
//!
//! A lexicon maps a surface form to an optional lemma, a "known noun" flag and a
//! frequency band. Its committed file is a gzip-compressed TSV, one form per line:
//! `form<TAB>edit<TAB>flags<TAB>band`, where `edit` is empty (no lemma known) or
//! `strip,suffix`: drop `strip` chars from the end of the form and append `suffix`
//! (`Häuser  5,aus` gives `Haus`); `flags` is a number, bit 1 = a noun list has the
//! form with this capitalisation, bit 2 = a place name, bit 4 = a person's given or family name (empty = 0); `band` is a frequency band (10 = most frequent ... 60,
//! 0 = unknown).

use crate::perceptron::{FeatureHasher, IdentityMap};

#[derive(Clone, Copy, Debug, Default)]
pub struct LexEntry {
    lemma_start: u32,
    lemma_len: u16,
    has_lemma: bool,
    pub noun: bool,
    pub place: bool,
    /// A given name or family name (a gazetteer of person names).
    pub name: bool,
    pub band: u8,
}

impl LexEntry {
    /// Whether the lexicon knows a lemma for the form.
    pub fn has_lemma(&self) -> bool {
        self.has_lemma
    }
}

/// Form -> (lemma, flags), stored as hashes plus one string arena.
#[derive(Debug, Default)]
pub struct Lexicon {
    entries: IdentityMap<LexEntry>,
    lemmas: String,
}

pub fn form_key(form: &str) -> u64 {
    FeatureHasher::new(250).str(form).finish()
}

/// Splits `lemma` against `form` into (chars to strip, suffix to append).
pub fn edit_script<'a>(form: &str, lemma: &'a str) -> (usize, &'a str) {
    let mut common = 0;
    for ((form_index, form_char), (_, lemma_char)) in form.char_indices().zip(lemma.char_indices())
    {
        if form_char != lemma_char {
            break;
        }
        common = form_index + form_char.len_utf8();
    }
    let strip = form[common..].chars().count();
    (strip, &lemma[common..])
}

/// Applies an edit script; `None` when the form is shorter than `strip`.
pub fn apply_edit(form: &str, strip: usize, suffix: &str) -> Option<String> {
    let count = form.chars().count();
    if strip > count {
        return None;
    }
    let cut = form
        .char_indices()
        .nth(count - strip)
        .map_or(form.len(), |(index, _)| index);
    let mut out = String::with_capacity(cut + suffix.len());
    out.push_str(&form[..cut]);
    out.push_str(suffix);
    Some(out)
}

impl Lexicon {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, form: &str) -> Option<LexEntry> {
        self.entries.get(&form_key(form)).copied()
    }

    pub fn lemma(&self, entry: LexEntry) -> Option<&str> {
        if !entry.has_lemma {
            return None;
        }
        let start = entry.lemma_start as usize;
        self.lemmas.get(start..start + entry.lemma_len as usize)
    }

    pub fn lemma_of(&self, form: &str) -> Option<&str> {
        self.get(form).and_then(|entry| self.lemma(entry))
    }

    pub fn insert(&mut self, form: &str, lemma: Option<&str>, flags: u8, band: u8) {
        let (noun, place, name) = (flags & 1 != 0, flags & 2 != 0, flags & 4 != 0);
        let lemma_start = self.lemmas.len() as u32;
        let lemma_len = lemma.map_or(0, |lemma| lemma.len().min(usize::from(u16::MAX))) as u16;
        if let Some(lemma) = lemma {
            self.lemmas.push_str(&lemma[..lemma_len as usize]);
        }
        self.entries.insert(
            form_key(form),
            LexEntry {
                lemma_start,
                lemma_len,
                has_lemma: lemma.is_some(),
                noun,
                place,
                name,
                band,
            },
        );
    }

    /// Reads the TSV described in the module docs; bad lines are skipped.
    pub fn from_tsv(tsv: &str) -> Lexicon {
        let mut lexicon = Lexicon::default();
        lexicon.entries.reserve(tsv.len() / 16);
        for line in tsv.lines() {
            let mut columns = line.split('\t');
            let (Some(form), Some(edit)) = (columns.next(), columns.next()) else {
                continue;
            };
            let flags = columns
                .next()
                .and_then(|flags| flags.parse().ok())
                .unwrap_or(0);
            let band = columns
                .next()
                .and_then(|band| band.parse().ok())
                .unwrap_or(0);
            let lemma = edit.split_once(',').and_then(|(strip, suffix)| {
                strip
                    .parse::<usize>()
                    .ok()
                    .and_then(|strip| apply_edit(form, strip, suffix))
            });
            lexicon.insert(form, lemma.as_deref(), flags, band);
        }
        lexicon
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_scripts_round_trip() {
        for (form, lemma) in [
            ("Häuser", "Haus"),
            ("ging", "gehen"),
            ("vorgeworfen", "vorwerfen"),
            ("a", "a"),
            ("", "x"),
        ] {
            let (strip, suffix) = edit_script(form, lemma);
            assert_eq!(
                apply_edit(form, strip, suffix).as_deref(),
                Some(lemma),
                "{form}"
            );
        }
        assert_eq!(apply_edit("ab", 3, "x"), None);
    }

    #[test]
    fn reads_tsv() {
        let lexicon = Lexicon::from_tsv("Häuser\t5,aus\t1\t20\nund\t\t\t10\nkaputt\n");
        assert_eq!(lexicon.lemma_of("Häuser"), Some("Haus"));
        assert!(
            lexicon
                .get("Häuser")
                .is_some_and(|entry| entry.noun && entry.band == 20)
        );
        assert_eq!(lexicon.lemma_of("und"), None);
        assert!(lexicon.get("kaputt").is_none());
    }
}
